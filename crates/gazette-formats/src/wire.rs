//! The JSON wire schema, version 1. See `SCHEMA.md` at the repository root.
//!
//! These types are separate from the core types so that renaming a Rust field can never change
//! the output silently. All offsets are Unicode code-point offsets into the article's original
//! `text` (Python string indices), converted from byte spans by [`OffsetMap`].

use gazette_core::{Analysis, Document, PartKind, Source, Span};
use serde::Serialize;

/// Version of the wire schema written in every record.
pub const SCHEMA_VERSION: u32 = 1;

/// Converts byte offsets into code-point offsets in O(1) amortized time per lookup.
///
/// ASCII text maps identically; otherwise a table of code-point counts every 64 bytes is kept
/// (1/16 of the text size) and the remainder is counted.
pub struct OffsetMap<'t> {
    text: &'t [u8],
    blocks: Option<Vec<u32>>,
}

const BLOCK: usize = 64;

impl<'t> OffsetMap<'t> {
    /// Builds the map for `text`.
    pub fn new(text: &'t str) -> OffsetMap<'t> {
        let bytes = text.as_bytes();
        if bytes.is_ascii() {
            return OffsetMap { text: bytes, blocks: None };
        }
        let mut blocks = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut count = 0u32;
        for chunk in bytes.chunks(BLOCK) {
            blocks.push(count);
            count += chunk.iter().filter(|&&b| (b & 0xC0) != 0x80).count() as u32;
        }
        blocks.push(count);
        OffsetMap { text: bytes, blocks: Some(blocks) }
    }

    /// The code-point offset of byte offset `byte`.
    pub fn char_offset(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        match &self.blocks {
            None => byte,
            Some(blocks) => {
                let b = byte / BLOCK;
                let base = blocks.get(b).copied().unwrap_or(0) as usize;
                base + self.text[b * BLOCK..byte].iter().filter(|&&x| (x & 0xC0) != 0x80).count()
            }
        }
    }
}

/// A span on the wire: code-point offsets and the text.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct WireSpan<'a> {
    /// Start (code points).
    pub start: usize,
    /// End (code points, exclusive).
    pub end: usize,
    /// The text of the span.
    pub text: &'a str,
}

/// Converts spans of one document.
pub struct Converter<'a> {
    text: &'a str,
    map: OffsetMap<'a>,
}

impl<'a> Converter<'a> {
    /// For a document's text.
    pub fn new(text: &'a str) -> Converter<'a> {
        Converter { text, map: OffsetMap::new(text) }
    }

    /// A wire span.
    pub fn span(&self, s: Span) -> WireSpan<'a> {
        WireSpan {
            start: self.map.char_offset(s.start()),
            end: self.map.char_offset(s.end()),
            text: s.get(self.text).unwrap_or(""),
        }
    }

    /// Code-point offset of a byte offset.
    pub fn offset(&self, byte: usize) -> usize {
        self.map.char_offset(byte)
    }

    /// The text of a span.
    pub fn text(&self, s: Span) -> &'a str {
        s.get(self.text).unwrap_or("")
    }
}

/// A duplicated copy: `start..end` repeats the text at `original_start..original_end`.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct WireDuplicate {
    /// Start of the copy.
    pub start: usize,
    /// End of the copy.
    pub end: usize,
    /// Start of the original.
    pub original_start: usize,
    /// End of the original.
    pub original_end: usize,
}

/// Counts over the article, duplicated copies not counted again.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct WireStats {
    /// Paragraphs.
    pub paragraphs: usize,
    /// Sentences.
    pub sentences: usize,
    /// Tokens.
    pub tokens: usize,
}

/// One mention.
pub type WireMention<'a> = WireSpan<'a>;

/// An entity with its mentions.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct WireEntity<'a> {
    /// Index in `entities`.
    pub id: u32,
    /// PERSON, ORG, LOC, NORP.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// Canonical name.
    pub name: &'a str,
    /// Gazetteer entry id.
    pub gazetteer_id: Option<&'a str>,
    /// Mentions in text order.
    pub mentions: Vec<WireMention<'a>>,
}

/// A speaker or a source.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct WireSource<'a> {
    /// Entity index, or null for a non-entity source.
    pub entity: Option<u32>,
    /// Canonical name or source phrase.
    pub name: &'a str,
    /// Start of the mention naming the source near the claim.
    pub start: Option<usize>,
    /// End of that mention.
    pub end: Option<usize>,
    /// Text of that mention.
    pub text: Option<&'a str>,
    /// Role and affiliation from apposition.
    pub role: Option<&'a str>,
}

/// A quote.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct WireQuote<'a> {
    /// Start of the quoted text (marks excluded).
    pub start: usize,
    /// End.
    pub end: usize,
    /// The quoted text.
    pub text: &'a str,
    /// direct, partial, other.
    pub kind: gazette_core::QuoteKind,
    /// Who said it.
    pub speaker: Option<WireSource<'a>>,
    /// The speech verb.
    pub cue: Option<WireSpan<'a>>,
}

/// Reported speech.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct WireAttribution<'a> {
    /// according_to, said_that, told, announced, cited, other.
    pub kind: gazette_core::AttributionKind,
    /// The reported content.
    pub content: WireSpan<'a>,
    /// The source.
    pub source: WireSource<'a>,
    /// The cue.
    pub cue: WireSpan<'a>,
}

/// A sentence span.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct WireRange {
    /// Start.
    pub start: usize,
    /// End.
    pub end: usize,
}

/// A numeric claim.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct WireQuantity<'a> {
    /// Start of the expression.
    pub start: usize,
    /// End.
    pub end: usize,
    /// The expression.
    pub text: &'a str,
    /// Value.
    pub value: Option<f64>,
    /// Low end of a range.
    pub low: Option<f64>,
    /// High end of a range.
    pub high: Option<f64>,
    /// Counted noun or unit.
    pub unit: Option<&'a str>,
    /// Qualifier.
    pub qualifier: Option<&'a str>,
    /// Period of a rate.
    pub period: Option<&'a str>,
    /// up or down.
    pub change: Option<gazette_core::Change>,
    /// The sentence.
    pub sentence: WireRange,
    /// The covering attribution's source.
    pub source: Option<WireSource<'a>>,
}

/// One output record: an analyzed article.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Record<'a> {
    /// Always [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// Article id.
    pub id: &'a str,
    /// Title: the separate JSONL title, or the title line of the text.
    pub title: Option<&'a str>,
    /// Byline authors.
    pub authors: Vec<&'a str>,
    /// Publisher line.
    pub publisher: Option<&'a str>,
    /// Contributors from the contributor note.
    pub contributors: Vec<&'a str>,
    /// Person names from photo credits.
    pub credits: Vec<&'a str>,
    /// Dateline ("BEIRUT (Reuters) - "), if any.
    pub dateline: Option<WireSpan<'a>>,
    /// Duplicated copies of earlier text.
    pub duplicates: Vec<WireDuplicate>,
    /// Counts.
    pub stats: WireStats,
    /// Non-fatal problems (invalid UTF-8 replaced...).
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    pub warnings: &'a [String],
    /// Entities.
    pub entities: Vec<WireEntity<'a>>,
    /// Quotes.
    pub quotes: Vec<WireQuote<'a>>,
    /// Reported speech.
    pub attributions: Vec<WireAttribution<'a>>,
    /// Numeric claims.
    pub quantities: Vec<WireQuantity<'a>>,
}

/// An article that could not be read or analyzed.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct ErrorRecord<'a> {
    /// Always [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// Article id (or `file:line`).
    pub id: &'a str,
    /// What went wrong.
    pub error: &'a str,
}

impl<'a> ErrorRecord<'a> {
    /// An error record.
    pub fn new(id: &'a str, error: &'a str) -> ErrorRecord<'a> {
        ErrorRecord { schema_version: SCHEMA_VERSION, id, error }
    }
}

impl<'a> Record<'a> {
    /// Converts an analysis of `doc` to its wire form.
    pub fn new(doc: &'a Document, a: &'a Analysis) -> Record<'a> {
        let c = Converter::new(&doc.text);
        let l = &a.layout;
        let texts = |v: &[Span]| v.iter().map(|s| c.text(*s)).collect::<Vec<_>>();
        let source = |s: &'a Source| WireSource {
            entity: s.entity.map(|e| e.0),
            name: &s.name,
            start: s.span.map(|x| c.offset(x.start())),
            end: s.span.map(|x| c.offset(x.end())),
            text: s.span.map(|x| c.text(x)),
            role: s.role.map(|x| c.text(x)),
        };
        let mut mentions: Vec<Vec<WireMention<'a>>> = vec![Vec::new(); a.entities.len()];
        for m in &a.mentions {
            if let Some(v) = mentions.get_mut(m.entity.0 as usize) {
                v.push(c.span(m.span));
            }
        }
        let entities = a
            .entities
            .iter()
            .zip(mentions)
            .map(|(e, mentions)| WireEntity {
                id: e.id.0,
                kind: e.kind.as_str(),
                name: &e.canonical,
                gazetteer_id: e.gazetteer_id.as_deref(),
                mentions,
            })
            .collect();
        Record {
            schema_version: SCHEMA_VERSION,
            id: &doc.id,
            title: doc.title.as_deref().or_else(|| l.title.map(|s| c.text(s))),
            authors: texts(&l.authors),
            publisher: l.publisher.map(|s| c.text(s)),
            contributors: texts(&l.contributors),
            credits: texts(&l.credits),
            dateline: l.parts.iter().find(|p| p.kind == PartKind::Dateline).map(|p| c.span(p.span)),
            duplicates: l
                .duplicates
                .iter()
                .map(|d| WireDuplicate {
                    start: c.offset(d.span.start()),
                    end: c.offset(d.span.end()),
                    original_start: c.offset(d.original.start()),
                    original_end: c.offset(d.original.end()),
                })
                .collect(),
            stats: WireStats {
                paragraphs: l.paragraphs.len(),
                sentences: l.sentences.len(),
                tokens: l.tokens.len(),
            },
            warnings: &doc.warnings,
            entities,
            quotes: a
                .quotes
                .iter()
                .map(|q| WireQuote {
                    start: c.offset(q.span.start()),
                    end: c.offset(q.span.end()),
                    text: c.text(q.span),
                    kind: q.kind,
                    speaker: q.speaker.as_ref().map(source),
                    cue: q.cue.map(|s| c.span(s)),
                })
                .collect(),
            attributions: a
                .attributions
                .iter()
                .map(|at| WireAttribution {
                    kind: at.kind,
                    content: c.span(at.content),
                    source: source(&at.source),
                    cue: c.span(at.cue),
                })
                .collect(),
            quantities: a
                .quantities
                .iter()
                .map(|q| WireQuantity {
                    start: c.offset(q.span.start()),
                    end: c.offset(q.span.end()),
                    text: c.text(q.span),
                    value: q.value,
                    low: q.low,
                    high: q.high,
                    unit: q.unit.as_deref(),
                    qualifier: q.qualifier.as_deref(),
                    period: q.period.as_deref(),
                    change: q.change,
                    sentence: WireRange {
                        start: c.offset(q.sentence.start()),
                        end: c.offset(q.sentence.end()),
                    },
                    source: q.source.as_ref().map(source),
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offset_map_matches_naive_count() {
        let text = "Münch — “François” 🙂 ".repeat(20);
        let map = OffsetMap::new(&text);
        for (byte, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(map.char_offset(byte), text[..byte].chars().count());
        }
    }

    #[test]
    fn record_uses_code_points() {
        let doc = Document::new("x", "Ünal said it");
        let mut a = Analysis::default();
        a.layout.tokens.push(gazette_core::Token {
            span: Span::new(6, 10),
            kind: gazette_core::TokenKind::Word,
        });
        a.layout.title = Some(Span::new(0, 5));
        let r = Record::new(&doc, &a);
        assert_eq!(r.title, Some("Ünal"));
        assert_eq!(r.stats.tokens, 1);
        let json = serde_json::to_value(&r).unwrap();
        for key in ["entities", "quotes", "attributions", "quantities", "duplicates", "authors"] {
            assert!(json[key].is_array(), "{key} must always be present");
        }
    }
}
