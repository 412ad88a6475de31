//! A per-document view over tokens: original and lower-cased texts, the mention, sentence and
//! paragraph of every token, and what the lexicon says about it (speech verb, number word),
//! looked up once. Built once per document in linear time; every accessor is bounds-checked
//! and total.

use gazette_core::{Entity, Layout, Mention, Source, Span, Token, TokenKind};

use crate::lexicon;

const NONE: u32 = u32::MAX;

/// The buffers that the lower-cased token texts of a [`Ctx`] live in, owned by its caller.
#[derive(Debug, Default)]
pub(crate) struct Lowercase {
    /// The whole text lower-cased (ASCII only, so offsets stay those of the text).
    text: String,
    /// The full lower-case forms of the tokens with other characters, one after another.
    folded: String,
}

pub(crate) struct Ctx<'a> {
    pub text: &'a str,
    pub layout: &'a Layout,
    pub tokens: &'a [Token],
    pub entities: &'a [Entity],
    pub mentions: &'a [Mention],
    /// What is known about each token.
    toks: Vec<Tok<'a>>,
    /// True for tokens inside a quotation (marks included); filled by the quote pass.
    pub in_quote: Vec<bool>,
}

/// What [`Ctx`] knows about one token.
#[derive(Clone, Copy, Debug)]
struct Tok<'a> {
    /// Original text.
    raw: &'a str,
    /// Lower-cased text.
    low: &'a str,
    facts: Facts,
    /// Index into `mentions` of the mention overlapping the token, or `NONE`.
    mention: u32,
    /// Sentence index, or `NONE`.
    sentence: u32,
    /// Paragraph index (prose paragraphs only), or `NONE`.
    paragraph: u32,
}

impl<'a> Ctx<'a> {
    /// The view of a document; the lower-cased token texts are written to `lowercase`.
    pub fn new(
        text: &'a str,
        layout: &'a Layout,
        lowercase: &'a mut Lowercase,
        entities: &'a [Entity],
        mentions: &'a [Mention],
    ) -> Ctx<'a> {
        let tokens = layout.tokens.as_slice();
        let n = tokens.len();
        let Lowercase { text: lowered, folded } = lowercase;
        lowered.clear();
        lowered.push_str(text);
        lowered.make_ascii_lowercase();
        let lowered: &'a String = lowered;
        folded.clear();
        // Tokens with non-ASCII characters, and their lower-case forms' ranges in `folded`.
        let mut unfolded: Vec<(usize, usize, usize)> = Vec::new();
        let mut m = 0;
        let mut toks: Vec<Tok<'a>> = tokens
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let raw = text.get(t.span.range()).unwrap_or("");
                let (low, facts) = if raw.is_ascii() {
                    let start = t.span.start();
                    let low = lowered.get(start..start + raw.len()).unwrap_or("");
                    (low, Facts::of(t.kind, raw, low))
                } else {
                    let start = folded.len();
                    for c in raw.chars() {
                        // Typographic apostrophes read as ASCII ones ("country’s").
                        let c = if c == '\u{2019}' { '\'' } else { c };
                        folded.extend(c.to_lowercase());
                    }
                    unfolded.push((i, start, folded.len()));
                    // `low` is set once `folded` is complete.
                    ("", Facts::of(t.kind, raw, folded.get(start..).unwrap_or("")))
                };
                while m < mentions.len() && mentions[m].span.end() <= t.span.start() {
                    m += 1;
                }
                let mention = match mentions.get(m) {
                    Some(x) if x.span.start() < t.span.end() && t.span.start() < x.span.end() => {
                        to_u32(m)
                    }
                    _ => NONE,
                };
                Tok { raw, low, facts, mention, sentence: NONE, paragraph: NONE }
            })
            .collect();
        let folded: &'a String = folded;
        for (i, s, e) in unfolded {
            if let Some(t) = toks.get_mut(i) {
                t.low = folded.get(s..e).unwrap_or("");
            }
        }
        for (si, s) in layout.sentences.iter().enumerate() {
            for t in toks.get_mut(s.tokens.clone()).into_iter().flatten() {
                t.sentence = to_u32(si);
            }
        }
        for (pi, p) in layout.paragraphs.iter().enumerate() {
            if p.is_prose() {
                for t in toks.get_mut(p.tokens.clone()).into_iter().flatten() {
                    t.paragraph = to_u32(pi);
                }
            }
        }
        Ctx { text, layout, tokens, entities, mentions, toks, in_quote: vec![false; n] }
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// Lower-cased text of token `i` ("" out of range).
    pub fn low(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.low)
    }

    /// Original text of token `i` ("" out of range).
    pub fn raw(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.raw)
    }

    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        self.tokens.get(i).map(|t| t.kind)
    }

    pub fn span(&self, i: usize) -> Span {
        self.tokens.get(i).map(|t| t.span).unwrap_or_default()
    }

    /// Span from the start of token `a` to the end of token `b` (inclusive).
    pub fn span_of(&self, a: usize, b: usize) -> Span {
        let s = self.span(a).start();
        let e = self.span(b).end().max(s);
        Span::try_new(s, e).unwrap_or_default()
    }

    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.range()).unwrap_or("")
    }

    pub fn sentence(&self, i: usize) -> Option<usize> {
        self.toks.get(i).map(|t| t.sentence).filter(|&s| s != NONE).map(|s| s as usize)
    }

    pub fn paragraph(&self, i: usize) -> Option<usize> {
        self.toks.get(i).map(|t| t.paragraph).filter(|&p| p != NONE).map(|p| p as usize)
    }

    /// Token range of the sentence of token `i` (just `i..i+1` when it has none).
    pub fn sentence_range(&self, i: usize) -> std::ops::Range<usize> {
        self.sentence(i)
            .and_then(|s| self.layout.sentences.get(s))
            .map(|s| s.tokens.clone())
            .unwrap_or(i..i + 1)
    }

    /// Token range of the paragraph of token `i`.
    pub fn paragraph_range(&self, i: usize) -> std::ops::Range<usize> {
        self.paragraph(i)
            .and_then(|p| self.layout.paragraphs.get(p))
            .map(|p| p.tokens.clone())
            .unwrap_or(i..i + 1)
    }

    /// The mention index covering token `i`.
    pub fn mention(&self, i: usize) -> Option<usize> {
        self.toks.get(i).map(|t| t.mention).filter(|&m| m != NONE).map(|m| m as usize)
    }

    pub fn entity_of(&self, mention: usize) -> Option<&'a Entity> {
        let m = self.mentions.get(mention)?;
        self.entities.get(m.entity.0 as usize)
    }

    /// The token range `a..=b` covered by mention `m` around token `i`.
    pub fn mention_tokens(&self, i: usize) -> Option<(usize, usize, usize)> {
        let m = self.mention(i)?;
        let mut a = i;
        while a > 0 && self.mention(a - 1) == Some(m) {
            a -= 1;
        }
        let mut b = i;
        while b + 1 < self.len() && self.mention(b + 1) == Some(m) {
            b += 1;
        }
        Some((m, a, b))
    }

    /// A source naming mention `m`.
    pub fn mention_source(&self, m: usize, role: Option<Span>) -> Option<Source> {
        let mention = self.mentions.get(m)?;
        let e = self.entity_of(m)?;
        Some(Source {
            entity: Some(mention.entity),
            name: e.canonical.clone(),
            span: Some(mention.span),
            role,
        })
    }

    pub fn is_punct(&self, i: usize, p: &str) -> bool {
        self.kind(i) == Some(TokenKind::Punct) && self.raw(i) == p
    }

    /// `.`, `?`, `!`, `;` (a clause end).
    pub fn is_clause_end(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Punct) && matches!(self.raw(i), "." | "?" | "!" | ";")
    }

    pub fn is_dash(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Punct)
            && matches!(self.raw(i), "-" | "\u{2013}" | "\u{2014}" | "--")
    }

    pub fn is_quote(&self, i: usize) -> bool {
        self.kind(i).is_some_and(TokenKind::is_quote)
    }

    /// A double quotation mark (single marks belong to nested quotes).
    pub fn is_double_quote(&self, i: usize) -> bool {
        self.is_quote(i)
            && self.raw(i).chars().next().is_some_and(|c| {
                matches!(c, '"' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '«' | '»')
            })
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.kind(i).is_some_and(TokenKind::is_wordlike)
    }

    /// Starts with an upper-case letter.
    pub fn is_capitalized(&self, i: usize) -> bool {
        self.raw(i).chars().next().is_some_and(char::is_uppercase)
    }

    pub fn is_lowercase_word(&self, i: usize) -> bool {
        self.is_word(i) && self.raw(i).chars().next().is_some_and(char::is_lowercase)
    }

    /// The speech verb at token `i`: a lower-case word of [`lexicon::speech_verb`], not quoted.
    pub fn speech_verb(&self, i: usize) -> Option<lexicon::Verb> {
        if self.in_quote.get(i).copied().unwrap_or(true) {
            return None;
        }
        self.toks.get(i)?.facts.verb
    }

    /// How word or compound token `i` reads as a number ([`lexicon::number_expr`]).
    pub fn number_word(&self, i: usize) -> Option<lexicon::NumberWord> {
        self.toks.get(i)?.facts.number
    }

    /// A number expression may start at token `i` (see `numbers::may_start`).
    pub fn may_start_number(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.facts.may_start_number)
    }

    /// Token `i` is a speech verb form or "according", quoted or not.
    pub fn is_reporting_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.facts.reporting)
    }

    /// The most recent mention before token `before` (bounded look-back) of an entity matching
    /// `accept`, skipping mentions inside quotations.
    pub fn recent_mention(&self, before: usize, accept: impl Fn(&Entity) -> bool) -> Option<usize> {
        let pos = self.span(before).start();
        let idx = self.mentions.partition_point(|m| m.span.start() < pos);
        for m in (0..idx).rev().take(80) {
            let mention = self.mentions.get(m)?;
            let tok = self.tokens.partition_point(|t| t.span.end() <= mention.span.start());
            if self.in_quote.get(tok).copied().unwrap_or(false) {
                continue;
            }
            if self.entity_of(m).is_some_and(&accept) {
                return Some(m);
            }
        }
        None
    }
}

/// What the lexicon says about one token, and what the passes over every token look for.
#[derive(Clone, Copy, Debug)]
struct Facts {
    /// The speech verb form of a lower-case word (quotation is checked on use).
    verb: Option<lexicon::Verb>,
    /// How a word or compound reads as a number.
    number: Option<lexicon::NumberWord>,
    /// A number expression may start here (see `numbers::may_start`).
    may_start_number: bool,
    /// A speech verb form or "according": where reported speech is looked for.
    reporting: bool,
}

impl Facts {
    /// The facts of a token of kind `kind`, original text `raw` and lower-cased text `low`.
    fn of(kind: TokenKind, raw: &str, low: &str) -> Facts {
        let verb = if kind == TokenKind::Word && raw.chars().next().is_some_and(char::is_lowercase)
        {
            lexicon::speech_verb(low)
        } else {
            None
        };
        let number = match kind {
            TokenKind::Word | TokenKind::Compound => lexicon::number_expr(low),
            _ => None,
        };
        Facts {
            verb,
            number,
            may_start_number: crate::numbers::may_start(kind, low, number),
            reporting: verb.is_some() || low == "according",
        }
    }
}

fn to_u32(x: usize) -> u32 {
    u32::try_from(x).unwrap_or(u32::MAX - 1)
}
