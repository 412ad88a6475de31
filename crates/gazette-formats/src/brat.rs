//! brat standoff output: for each article `<id>.txt` (the original text) and `<id>.ann`, plus an
//! `annotation.conf` for the directory, so the output opens in brat and compatible tools.
//!
//! Entities are `T` lines typed PERSON, ORG, LOC, NORP; quotes are `Quote`, numeric claims
//! `Quantity` (value and unit in an `AnnotatorNotes` line); a quote's speaker is a `Speaker`
//! relation to the mention (or to a `Source` span for non-entity sources). Offsets are code
//! points; a span crossing a line break is written as fragments, as brat requires.

use std::fmt::Write as _;
use std::path::Path;

use gazette_core::{Analysis, Document, Span};

use crate::wire::Converter;
use crate::Error;

/// The `annotation.conf` written next to the articles.
pub const ANNOTATION_CONF: &str = "[entities]\nPERSON\nORG\nLOC\nNORP\nQuote\nQuantity\nSource\n\n\
[relations]\nSpeaker\tArg1:Quote, Arg2:<ENTITY>\n\n[events]\n\n[attributes]\n";

/// A file name for an article id: characters other than letters, digits, `.`, `_` and `-`
/// become `_`.
pub fn file_stem(id: &str) -> String {
    let s: String = id
        .chars()
        .map(|c| if c.is_alphanumeric() || matches!(c, '.' | '_' | '-') { c } else { '_' })
        .collect();
    if s.is_empty() || s.starts_with('.') {
        format!("_{s}")
    } else {
        s
    }
}

struct Ann<'a> {
    out: String,
    next_t: usize,
    conv: Converter<'a>,
    text: &'a str,
}

impl Ann<'_> {
    /// Adds a `T` line; returns its id.
    fn t(&mut self, kind: &str, span: Span) -> usize {
        self.next_t += 1;
        let id = self.next_t;
        // Fragments at line breaks.
        let mut frags = Vec::new();
        let mut start = span.start();
        let s = &self.text[span.range()];
        for (i, c) in s.char_indices() {
            if c == '\n' || c == '\r' {
                let at = span.start() + i;
                if at > start {
                    frags.push((start, at));
                }
                start = at + c.len_utf8();
            }
        }
        if span.end() > start {
            frags.push((start, span.end()));
        }
        if frags.is_empty() {
            frags.push((span.start(), span.end()));
        }
        let offsets: Vec<String> = frags
            .iter()
            .map(|&(a, b)| format!("{} {}", self.conv.offset(a), self.conv.offset(b)))
            .collect();
        let words: Vec<&str> = frags.iter().map(|&(a, b)| &self.text[a..b]).collect();
        let _ = writeln!(self.out, "T{id}\t{kind} {}\t{}", offsets.join(";"), words.join(" "));
        id
    }
}

/// Renders the `.ann` file of one article.
pub fn render(doc: &Document, a: &Analysis) -> String {
    let mut ann =
        Ann { out: String::new(), next_t: 0, conv: Converter::new(&doc.text), text: &doc.text };
    let mut mention_t: Vec<(Span, usize)> = Vec::with_capacity(a.mentions.len());
    for m in &a.mentions {
        let kind = a.entities.get(m.entity.0 as usize).map_or("ORG", |e| e.kind.as_str());
        let t = ann.t(kind, m.span);
        mention_t.push((m.span, t));
    }
    let mut relations = Vec::new();
    for q in &a.quotes {
        let tq = ann.t("Quote", q.span);
        if let Some(src) = &q.speaker {
            if let Some(sp) = src.span {
                let target = match mention_t.binary_search_by_key(&sp, |m| m.0) {
                    Ok(i) => mention_t[i].1,
                    Err(_) => ann.t("Source", sp),
                };
                relations.push((tq, target));
            }
        }
    }
    for q in &a.quantities {
        let t = ann.t("Quantity", q.span);
        let mut note = String::new();
        for (k, v) in [("value", q.value), ("low", q.low), ("high", q.high)] {
            if let Some(v) = v {
                let _ = write!(note, "{k}={v} ");
            }
        }
        for (k, v) in [("unit", &q.unit), ("qualifier", &q.qualifier), ("period", &q.period)] {
            if let Some(v) = v {
                let _ = write!(note, "{k}={v} ");
            }
        }
        if let Some(s) = &q.source {
            let _ = write!(note, "source={}", s.name);
        }
        let note = note.trim().replace(['\t', '\n', '\r'], " ");
        if !note.is_empty() {
            let _ = writeln!(ann.out, "#{t}\tAnnotatorNotes T{t}\t{note}");
        }
    }
    for (i, (q, s)) in relations.into_iter().enumerate() {
        let _ = writeln!(ann.out, "R{}\tSpeaker Arg1:T{q} Arg2:T{s}", i + 1);
    }
    ann.out
}

/// Writes `annotation.conf` into `dir` (created if needed).
pub fn create_dir(dir: &Path) -> Result<(), Error> {
    std::fs::create_dir_all(dir).map_err(|e| Error::Io { path: dir.to_path_buf(), source: e })?;
    let conf = dir.join("annotation.conf");
    std::fs::write(&conf, ANNOTATION_CONF).map_err(|e| Error::Io { path: conf, source: e })
}

/// Writes one article's `.txt` and `.ann`.
pub fn write_article(dir: &Path, id: &str, text: &str, ann: &str) -> Result<(), Error> {
    let stem = file_stem(id);
    for (ext, body) in [("txt", text), ("ann", ann)] {
        let path = dir.join(format!("{stem}.{ext}"));
        std::fs::write(&path, body).map_err(|e| Error::Io { path, source: e })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use gazette_core::{Entity, EntityId, EntityKind, Gender, Mention, Quote, QuoteKind, Source};

    #[test]
    fn entities_quotes_speakers_and_fragments() {
        let text = "\"Go,\" said Paul\nVolcker.";
        let doc = Document::new("reuters/1", text);
        let mut a = Analysis::default();
        a.entities.push(Entity {
            id: EntityId(0),
            kind: EntityKind::Person,
            canonical: "Paul Volcker".into(),
            gazetteer_id: None,
            gender: Gender::Male,
        });
        let name = Span::new(11, 23);
        a.mentions.push(Mention { span: name, entity: EntityId(0) });
        a.quotes.push(Quote {
            span: Span::new(1, 4),
            kind: QuoteKind::Direct,
            speaker: Some(Source {
                entity: Some(EntityId(0)),
                name: "Paul Volcker".into(),
                span: Some(name),
                role: None,
            }),
            cue: None,
        });
        assert_eq!(
            render(&doc, &a),
            "T1\tPERSON 11 15;16 23\tPaul Volcker\nT2\tQuote 1 4\tGo,\nR1\tSpeaker Arg1:T2 Arg2:T1\n"
        );
        assert_eq!(file_stem("reuters/1"), "reuters_1");
    }
}
