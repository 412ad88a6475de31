//! A per-document view over tokens: lower-cased texts, the mention and sentence of every token,
//! and what the lexicon says about each token (speech verb, number word), looked up once.
//! Built once per document in linear time; every accessor is bounds-checked and total.

use gazette_core::{Entity, Layout, Mention, Source, Span, Token, TokenKind};

use crate::lexicon;

const NONE: u32 = u32::MAX;

pub(crate) struct Ctx<'a> {
    pub text: &'a str,
    pub layout: &'a Layout,
    pub tokens: &'a [Token],
    pub entities: &'a [Entity],
    pub mentions: &'a [Mention],
    /// Lower-cased token texts, concatenated; `low_at[i]` is token i's range in it.
    low: String,
    low_at: Vec<(u32, u32)>,
    /// Index into `mentions` of the mention overlapping each token, or `NONE`.
    tok_mention: Vec<u32>,
    /// Sentence index of each token, or `NONE`.
    tok_sentence: Vec<u32>,
    /// Paragraph index of each token (prose paragraphs only), or `NONE`.
    tok_paragraph: Vec<u32>,
    /// Lexicon facts of each token.
    facts: Vec<Facts>,
    /// True for tokens inside a quotation (marks included); filled by the quote pass.
    pub in_quote: Vec<bool>,
}

impl<'a> Ctx<'a> {
    pub fn new(
        text: &'a str,
        layout: &'a Layout,
        entities: &'a [Entity],
        mentions: &'a [Mention],
    ) -> Ctx<'a> {
        let tokens = layout.tokens.as_slice();
        let n = tokens.len();
        // The whole text lower-cased in one pass (ASCII only, so offsets stay those of the text);
        // tokens with other characters get their full lower-case form appended after it.
        let mut low = String::with_capacity(text.len() + text.len() / 8 + 16);
        low.push_str(text);
        low.make_ascii_lowercase();
        let mut low_at = Vec::with_capacity(n);
        for t in tokens {
            let s = text.get(t.span.range()).unwrap_or("");
            if s.is_ascii() {
                low_at.push((to_u32(t.span.start()), to_u32(t.span.start() + s.len())));
                continue;
            }
            let start = low.len();
            for c in s.chars() {
                // Typographic apostrophes read as ASCII ones ("country’s").
                let c = if c == '\u{2019}' { '\'' } else { c };
                low.extend(c.to_lowercase());
            }
            low_at.push((to_u32(start), to_u32(low.len())));
        }
        let facts = tokens
            .iter()
            .zip(&low_at)
            .map(|(t, &(s, e))| {
                let raw = text.get(t.span.range()).unwrap_or("");
                Facts::of(t.kind, raw, low.get(s as usize..e as usize).unwrap_or(""))
            })
            .collect();
        let mut tok_mention = vec![NONE; n];
        let mut m = 0;
        for (i, t) in tokens.iter().enumerate() {
            while m < mentions.len() && mentions[m].span.end() <= t.span.start() {
                m += 1;
            }
            if let Some(mention) = mentions.get(m) {
                if mention.span.start() < t.span.end() && t.span.start() < mention.span.end() {
                    tok_mention[i] = to_u32(m);
                }
            }
        }
        let mut tok_sentence = vec![NONE; n];
        for (si, s) in layout.sentences.iter().enumerate() {
            for slot in tok_sentence.get_mut(s.tokens.clone()).into_iter().flatten() {
                *slot = to_u32(si);
            }
        }
        let mut tok_paragraph = vec![NONE; n];
        for (pi, p) in layout.paragraphs.iter().enumerate() {
            if p.is_prose() {
                for slot in tok_paragraph.get_mut(p.tokens.clone()).into_iter().flatten() {
                    *slot = to_u32(pi);
                }
            }
        }
        Ctx {
            text,
            layout,
            tokens,
            entities,
            mentions,
            low,
            low_at,
            tok_mention,
            tok_sentence,
            tok_paragraph,
            facts,
            in_quote: vec![false; n],
        }
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// Lower-cased text of token `i` ("" out of range).
    pub fn low(&self, i: usize) -> &str {
        match self.low_at.get(i) {
            Some(&(s, e)) => self.low.get(s as usize..e as usize).unwrap_or(""),
            None => "",
        }
    }

    /// Original text of token `i`.
    pub fn raw(&self, i: usize) -> &str {
        self.tokens.get(i).and_then(|t| self.text.get(t.span.range())).unwrap_or("")
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
        self.tok_sentence.get(i).filter(|&&s| s != NONE).map(|&s| s as usize)
    }

    pub fn paragraph(&self, i: usize) -> Option<usize> {
        self.tok_paragraph.get(i).filter(|&&s| s != NONE).map(|&s| s as usize)
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
        self.tok_mention.get(i).filter(|&&m| m != NONE).map(|&m| m as usize)
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
        self.facts.get(i)?.verb
    }

    /// How word or compound token `i` reads as a number ([`lexicon::number_expr`]).
    pub fn number_word(&self, i: usize) -> Option<lexicon::NumberWord> {
        self.facts.get(i)?.number
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

/// What the lexicon says about one token.
#[derive(Clone, Copy, Debug, Default)]
struct Facts {
    /// The speech verb form of a lower-case word (quotation is checked on use).
    verb: Option<lexicon::Verb>,
    /// How a word or compound reads as a number.
    number: Option<lexicon::NumberWord>,
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
        Facts { verb, number }
    }
}

fn to_u32(x: usize) -> u32 {
    u32::try_from(x).unwrap_or(u32::MAX - 1)
}
