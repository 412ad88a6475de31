//! Name rules: each a small, named function adding candidates.
//!
//! To add a rule: write `fn my_rule(ctx: &Ctx<'_>, out: &mut Vec<Cand>)`, call it from
//! `Recognizer::recognize`, give its candidates a `rule` name and a priority (longer spans win
//! first, then priority), and add a `check(...)` test in `tests.rs`.

use gazette_core::{EntityKind, Gender, Layout, PartKind, Span, Token, TokenKind};

use crate::lexicon::{word, Lexicon, TitleClass};
use crate::normalize::push_token;

/// A candidate mention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Cand {
    pub span: Span,
    pub kind: EntityKind,
    /// Gazetteer entry index.
    pub entry: Option<u32>,
    pub prio: u8,
    pub gender: Gender,
    pub rule: &'static str,
    /// A gazetteer country, present or former ("U.S. Embassy" is no company name).
    pub country: bool,
}

impl Cand {
    fn new(span: Span, kind: EntityKind, prio: u8, rule: &'static str) -> Cand {
        Cand { span, kind, entry: None, prio, gender: Gender::Unknown, rule, country: false }
    }
}

/// Per-token facts, computed once per document (see [`Ctx::new`]).
pub(crate) mod flag {
    /// Capitalized word-like token that is not a stopword (see `Ctx::is_cap`).
    pub const CAP: u32 = 1;
    /// Can be part of a person's name (see `Ctx::compute_name_token`).
    pub const NAME: u32 = 1 << 1;
    /// An initial: "B." in "James B. Comey".
    pub const INITIAL: u32 = 1 << 2;
    /// "al-Baghdadi": a lower-case Arabic article joined to a name.
    pub const ARABIC: u32 = 1 << 3;
    /// "van", "De", "al", "Abu".
    pub const PARTICLE: u32 = 1 << 4;
    /// The first word of its sentence.
    pub const SENT_INITIAL: u32 = 1 << 5;
    /// A romanized East Asian given name: "Dae-jung", "Chi-cheng", "Ka-shing".
    pub const GIVEN: u32 = 1 << 6;
    /// The token "&" (see `ampersand_orgs`).
    pub const AMP: u32 = 1 << 7;
    // Surface words (case-sensitive), from the lists below.
    pub const ORG_HEAD: u32 = 1 << 8;
    pub const ORG_FIRST: u32 = 1 << 9;
    pub const GEO_HEAD: u32 = 1 << 10;
    pub const ORG_WORD: u32 = 1 << 11;
    pub const STOP: u32 = 1 << 12;
    pub const SPEECH: u32 = 1 << 13;
    /// "Northern", "Upper": see `DIRECTIONS`.
    pub const DIRECTION: u32 = 1 << 14;
    /// Words that context rules look for: "named", "called" (`introduced_names`),
    /// "spokesman", "shares", "CEO"... (`org_context_names`).
    pub const CUE: u32 = 1 << 15;
    /// Lexicon bits ([`crate::lexicon::word`]) are stored shifted by this much.
    pub const LEX_SHIFT: u32 = 16;
}

/// Bits of a token's letter case, stored in the `flag` word (bits 24..).
mod shape {
    pub const ASCII: u32 = 1 << 23;
    pub const FIRST_ALPHA: u32 = 1 << 24;
    pub const FIRST_UPPER: u32 = 1 << 25;
    /// No lower-case letter.
    pub const NO_LOWER: u32 = 1 << 26;
    /// Every character upper case or not a letter.
    pub const UPPER_OR_NONALPHA: u32 = 1 << 27;
}

/// The case shape of a token, one pass over its bytes when it is ASCII.
struct Shape(u32);

impl Shape {
    fn of(t: &str) -> Shape {
        let mut bits = 0;
        if t.is_ascii() {
            bits |= shape::ASCII;
            let b = t.as_bytes();
            if let Some(&f) = b.first() {
                if f.is_ascii_alphabetic() {
                    bits |= shape::FIRST_ALPHA;
                }
                if f.is_ascii_uppercase() {
                    bits |= shape::FIRST_UPPER;
                }
            }
            if !b.iter().any(u8::is_ascii_lowercase) {
                bits |= shape::NO_LOWER | shape::UPPER_OR_NONALPHA;
            }
        } else {
            if let Some(f) = t.chars().next() {
                if f.is_alphabetic() {
                    bits |= shape::FIRST_ALPHA;
                }
                if f.is_uppercase() {
                    bits |= shape::FIRST_UPPER;
                }
            }
            if t.chars().all(|c| !c.is_lowercase()) {
                bits |= shape::NO_LOWER;
            }
            if t.chars().all(|c| c.is_uppercase() || !c.is_alphabetic()) {
                bits |= shape::UPPER_OR_NONALPHA;
            }
        }
        Shape(bits)
    }
}

/// The surface word lists of the rules with their `flag` bits. Matching is case-sensitive:
/// "Post" heads "The Washington Post", "post" heads nothing.
pub(crate) fn surface_lists() -> impl Iterator<Item = (&'static str, u32)> {
    let lists: [(&'static [&'static str], u32); 9] = [
        (ORG_HEADS, flag::ORG_HEAD | flag::ORG_WORD),
        (COMPANY_ENDS, flag::ORG_HEAD | flag::ORG_WORD),
        (ORG_FIRST, flag::ORG_FIRST),
        (GEO_HEADS, flag::GEO_HEAD),
        (ORG_WORDS, flag::ORG_WORD),
        (STOPWORDS, flag::STOP),
        (SPEECH_VERBS, flag::SPEECH),
        (DIRECTIONS, flag::DIRECTION),
        (CUE_WORDS, flag::CUE),
    ];
    lists.into_iter().flat_map(|(list, bits)| list.iter().map(move |&w| (w, bits)))
}

/// The `flag` bits of one surface word, for callers without a [`Ctx`].
pub(crate) fn surface_flags(t: &str) -> u32 {
    static TABLE: std::sync::OnceLock<rustc_hash::FxHashMap<&'static str, u32>> =
        std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut m = rustc_hash::FxHashMap::default();
        for (w, bits) in surface_lists() {
            *m.entry(w).or_insert(0) |= bits;
        }
        m
    });
    table.get(t).copied().unwrap_or(0)
}

/// The per-token buffers of a [`Ctx`], kept per thread between documents: allocating them
/// afresh for every article cost more than filling them. Buffers grown past 1 MB by a huge
/// article are dropped, not kept.
#[derive(Default)]
struct Spare {
    flags: Vec<u32>,
    low: String,
    low_rng: Vec<(u32, u32)>,
    para_of: Vec<u32>,
    titles: Vec<u16>,
    title_hits: Vec<(u32, u8, TitleClass, Gender)>,
    rule_sents: Vec<std::ops::Range<usize>>,
    rule_masks: Vec<u32>,
    key: String,
}

thread_local! {
    static SPARE: std::cell::RefCell<Spare> = std::cell::RefCell::default();
}

impl Spare {
    fn take() -> Spare {
        SPARE.with(|s| s.try_borrow_mut().map(|mut s| std::mem::take(&mut *s)).unwrap_or_default())
    }

    fn give_back(mut self) {
        const MAX: usize = 1 << 20;
        if self.low.capacity() > MAX || self.flags.capacity() * 4 > MAX {
            return;
        }
        self.flags.clear();
        self.low.clear();
        self.low_rng.clear();
        self.para_of.clear();
        self.titles.clear();
        self.title_hits.clear();
        self.rule_sents.clear();
        self.rule_masks.clear();
        self.key.clear();
        SPARE.with(|s| {
            if let Ok(mut s) = s.try_borrow_mut() {
                *s = self;
            }
        });
    }
}

impl Drop for Ctx<'_> {
    fn drop(&mut self) {
        Spare {
            flags: std::mem::take(&mut self.flags),
            low: std::mem::take(&mut self.low),
            low_rng: std::mem::take(&mut self.low_rng),
            para_of: std::mem::take(&mut self.para_of),
            titles: std::mem::take(&mut self.titles),
            title_hits: std::mem::take(&mut self.title_hits),
            rule_sents: std::mem::take(&mut self.rule_sents),
            rule_masks: std::mem::take(&mut self.rule_masks),
            key: std::mem::take(&mut self.key),
        }
        .give_back();
    }
}

/// Per-document context shared by the rules.
pub(crate) struct Ctx<'a> {
    pub text: &'a str,
    pub layout: &'a Layout,
    pub lex: &'a Lexicon,
    /// Per token: index of its paragraph.
    para_of: Vec<u32>,
    /// Per paragraph: mostly capitalized words (headline style) / all capitals.
    title_case: Vec<bool>,
    all_caps: Vec<bool>,
    /// The text lower-cased (ASCII only, so at the same offsets), then the normalized form of
    /// each non-ASCII token; and each token's range in it.
    low: String,
    low_rng: Vec<(u32, u32)>,
    /// Per token: `flag` bits.
    flags: Vec<u32>,
    /// Per token: bit k set when tokens `i..i + k` are a title (k <= 15).
    titles: Vec<u16>,
    /// Every title: (first token, tokens, class, gender), sorted.
    title_hits: Vec<(u32, u8, TitleClass, Gender)>,
    /// Token ranges of the sentences where rules apply: prose paragraphs (body, captions,
    /// contributor notes), not headline-style or all-capitals ones.
    rule_sents: Vec<std::ops::Range<usize>>,
    /// Per rule sentence: the union of its tokens' `flag` bits, so that a rule looking for a
    /// word class skips the sentences without one in a single test.
    rule_masks: Vec<u32>,
    /// Scratch space for title keys, kept for reuse (see `Spare`).
    key: String,
}

impl<'a> Ctx<'a> {
    pub fn new(
        text: &'a str,
        layout: &'a Layout,
        lex: &'a Lexicon,
        [words, lower_words]: [&crate::lexicon::WordIndex; 2],
        title_index: &crate::lexicon::TitleIndex,
    ) -> Ctx<'a> {
        let n = layout.tokens.len();
        // One pass over the tokens: normalized text, shape, word-list and lexicon facts.
        let mut spare = Spare::take();
        let mut flags = std::mem::take(&mut spare.flags);
        flags.resize(n, 0);
        for s in &layout.sentences {
            if let Some(first) = s.tokens.clone().find(|&i| layout.tokens[i].kind.is_wordlike()) {
                flags[first] |= flag::SENT_INITIAL;
            }
        }
        // Room for the folded forms of non-ASCII tokens after the text, without a realloc.
        let mut low = std::mem::take(&mut spare.low);
        low.reserve(text.len() + text.len() / 4 + 64);
        low.push_str(text);
        low.make_ascii_lowercase();
        let mut low_rng = std::mem::take(&mut spare.low_rng);
        low_rng.reserve(n);
        // Abbreviations that may be initials of two or three letters ("H.W."), checked below.
        let mut multi_initials: Vec<usize> = Vec::new();
        for (i, tok) in layout.tokens.iter().enumerate() {
            let t = &text[tok.span];
            let shape = Shape::of(t);
            let (a, b) = if shape.0 & shape::ASCII != 0 {
                (tok.span.start(), tok.span.end())
            } else {
                let a = low.len();
                push_token(&mut low, t);
                (a, low.len())
            };
            low_rng.push((a as u32, b as u32));
            let lower = &low[a..b];
            let mut f = flags[i] | shape.0;
            // Punctuation is in no lexicon; numbers start names ("3M", "20th Century Fox").
            let entry = if tok.kind == TokenKind::Word && t.starts_with(|c: char| c.is_lowercase())
            {
                lower_words.get(lower)
            } else if tok.kind.is_wordlike() || tok.kind == TokenKind::Number {
                words.get(lower)
            } else {
                0
            };
            f |= (entry & 0x7f) << flag::LEX_SHIFT;
            if tok.kind.is_wordlike() {
                f |= crate::lexicon::surface_bits(entry, t);
                if f & shape::FIRST_UPPER != 0
                    && f & flag::STOP == 0
                    && compound_ends_capitalized(tok.kind, t)
                {
                    f |= flag::CAP;
                }
                if tok.kind == TokenKind::Abbreviation
                    && t.len() == 2
                    && t.starts_with(|c: char| c.is_ascii_uppercase())
                {
                    f |= flag::INITIAL;
                }
                if tok.kind == TokenKind::Abbreviation && (4..=6).contains(&t.len()) {
                    multi_initials.push(i);
                }
                if tok.kind == TokenKind::Compound
                    && ["al-", "el-", "ad-", "as-", "ash-", "at-", "ar-", "an-", "az-"]
                        .iter()
                        .any(|p| t.starts_with(p) && t[p.len()..].starts_with(char::is_uppercase))
                {
                    f |= flag::ARABIC;
                }
                if tok.kind == TokenKind::Compound && is_given_name_compound(t, words) {
                    f |= flag::GIVEN;
                }
            }
            if t.len() <= 5 && gazette_core::is_name_particle(lower) {
                f |= flag::PARTICLE;
            }
            // A token that can be part of a person's name (not "NATO", not "U.S.").
            let all_upper = t.len() > 1 && f & shape::UPPER_OR_NONALPHA != 0;
            if (f & flag::CAP != 0 && tok.kind != TokenKind::Abbreviation && !all_upper)
                || f & (flag::INITIAL | flag::ARABIC | flag::GIVEN) != 0
            {
                f |= flag::NAME;
            }
            if t == "&" {
                f |= flag::AMP;
            }
            flags[i] = f;
        }
        // Initials of two or three letters between a first name and a capitalized word:
        // "George H.W. Bush". (Not "U.S.": it is no initial even after a first name.)
        for i in multi_initials {
            let t = &text[layout.tokens[i].span];
            if i > 0
                && i + 1 < n
                && t.as_bytes()
                    .chunks(2)
                    .all(|c| c.len() == 2 && c[0].is_ascii_uppercase() && c[1] == b'.')
                && !matches!(t, "U.S." | "U.N." | "U.K." | "E.U." | "D.C.")
                && flags[i - 1] & flag::CAP != 0
                && flags[i - 1] & (u32::from(word::FIRST_NAME) << flag::LEX_SHIFT) != 0
                && flags[i + 1] & flag::CAP != 0
            {
                flags[i] |= flag::INITIAL | flag::NAME;
            }
        }
        let mut para_of = std::mem::take(&mut spare.para_of);
        para_of.resize(n, 0);
        let mut title_case = Vec::with_capacity(layout.paragraphs.len());
        let mut all_caps = Vec::with_capacity(layout.paragraphs.len());
        for (pi, p) in layout.paragraphs.iter().enumerate() {
            let (mut words, mut caps, mut upper) = (0usize, 0usize, 0usize);
            for ti in p.tokens.clone() {
                let (Some(slot), Some(&f)) = (para_of.get_mut(ti), flags.get(ti)) else {
                    continue;
                };
                *slot = pi as u32;
                if layout.tokens[ti].kind.is_wordlike() && f & shape::FIRST_ALPHA != 0 {
                    words += 1;
                    caps += usize::from(f & shape::FIRST_UPPER != 0);
                    upper += usize::from(f & shape::NO_LOWER != 0);
                }
            }
            title_case.push(p.kind == PartKind::Title || (words >= 5 && caps * 10 >= words * 9));
            all_caps.push(words >= 3 && upper * 10 >= words * 9);
        }
        let mut rule_sents = std::mem::take(&mut spare.rule_sents);
        rule_sents.extend(
            layout
                .paragraphs
                .iter()
                .enumerate()
                .filter(|&(pi, p)| {
                    matches!(p.kind, PartKind::Body | PartKind::Caption | PartKind::Contributors)
                        && !title_case[pi]
                        && !all_caps[pi]
                })
                .flat_map(|(_, p)| {
                    layout
                        .sentences
                        .get(p.sentences.clone())
                        .unwrap_or_default()
                        .iter()
                        .map(|s| s.tokens.clone())
                }),
        );
        let mut rule_masks = std::mem::take(&mut spare.rule_masks);
        rule_masks.extend(
            rule_sents
                .iter()
                .map(|r| flags.get(r.clone()).unwrap_or_default().iter().fold(0, |m, f| m | f)),
        );
        let mut ctx = Ctx {
            text,
            layout,
            lex,
            para_of,
            title_case,
            all_caps,
            low,
            low_rng,
            flags,
            titles: Vec::new(),
            title_hits: Vec::new(),
            rule_sents,
            rule_masks,
            key: String::new(),
        };
        let mut title_hits = std::mem::take(&mut spare.title_hits);
        let mut key = std::mem::take(&mut spare.key);
        let max = lex.max_title_tokens.min(15);
        let mut titles = std::mem::take(&mut spare.titles);
        titles.extend((0..n).map(|i| {
            let mut mask = 0u16;
            if ctx.lex_has(i, crate::lexicon::word::TITLE_START) {
                key.clear();
                for k in 1..=max.min(n - i) {
                    if k > 1 {
                        key.push(' ');
                    }
                    key.push_str(ctx.lower(i + k - 1));
                    let Some(&(title, longer)) = title_index.get(key.as_str()) else { break };
                    if let Some((class, g)) = title {
                        mask |= 1 << k;
                        title_hits.push((i as u32, k as u8, class, g));
                    }
                    if !longer {
                        break;
                    }
                }
            }
            mask
        }));
        ctx.titles = titles;
        ctx.title_hits = title_hits;
        ctx.key = key;
        ctx
    }

    /// Whether token `i` has all of `bits` (see [`flag`]).
    #[inline]
    pub(crate) fn has(&self, i: usize, bits: u32) -> bool {
        self.flags.get(i).is_some_and(|f| f & bits == bits)
    }

    /// Whether token `i` has any of `bits`.
    pub(crate) fn has_any(&self, i: usize, bits: u32) -> bool {
        self.flags.get(i).is_some_and(|f| f & bits != 0)
    }

    /// `name_key` of a span that starts and ends on token boundaries, from the normalized
    /// tokens (hyphenated compounds split as `name_key` splits them); `None` for other spans.
    pub(crate) fn span_key(&self, span: Span) -> Option<String> {
        let toks = &self.layout.tokens;
        let a = toks.partition_point(|t| t.span.start() < span.start());
        let b = toks.partition_point(|t| t.span.end() <= span.end());
        let aligned = a < b
            && toks.get(a).is_some_and(|t| t.span.start() == span.start())
            && toks.get(b - 1).is_some_and(|t| t.span.end() == span.end());
        if !aligned {
            return None;
        }
        let mut key = String::with_capacity(span.len() + 4);
        for (k, tok) in toks.iter().enumerate().take(b).skip(a) {
            if k > a {
                key.push(' ');
            }
            let lower = self.lower(k);
            if tok.kind == TokenKind::Compound {
                // As `name_key`: split at hyphens between characters.
                for (n, part) in lower.split(['-', '\u{2010}', '\u{2011}']).enumerate() {
                    if part.is_empty() {
                        return None;
                    }
                    if n > 0 {
                        key.push(' ');
                    }
                    key.push_str(part);
                }
            } else {
                key.push_str(lower);
            }
        }
        Some(key)
    }

    /// A word-like token that starts with a capital letter.
    #[inline]
    pub(crate) fn capitalized_word(&self, i: usize) -> bool {
        self.has(i, shape::FIRST_UPPER)
            && self.layout.tokens.get(i).is_some_and(|t| t.kind.is_wordlike())
    }

    /// The lexicon bits of token `i` (see [`crate::lexicon::word`]).
    #[inline]
    pub(crate) fn lex_bits(&self, i: usize) -> u8 {
        self.flags.get(i).map_or(0, |f| ((f >> flag::LEX_SHIFT) & 0x7f) as u8)
    }

    /// Whether token `i` has lexicon bit `bit` (see [`crate::lexicon::word`]).
    #[inline]
    pub(crate) fn lex_has(&self, i: usize, bit: u8) -> bool {
        self.has(i, u32::from(bit) << flag::LEX_SHIFT)
    }

    pub fn annotate(&self, kind: PartKind) -> bool {
        crate::recognizer::annotated(kind)
    }

    pub fn paragraph_kind(&self, ti: usize) -> Option<PartKind> {
        self.para_of.get(ti).and_then(|&p| self.layout.paragraphs.get(p as usize)).map(|p| p.kind)
    }

    /// A common word capitalized only because it starts the sentence.
    fn common_at_sentence_start(&self, ti: usize) -> bool {
        self.sentence_initial(ti) && self.is_common(ti)
    }

    /// Token `ti` is a common English word.
    pub(crate) fn is_common(&self, ti: usize) -> bool {
        self.lex_has(ti, word::COMMON)
    }

    pub fn sentence_initial(&self, ti: usize) -> bool {
        self.has(ti, flag::SENT_INITIAL)
    }

    pub fn title_case_paragraph(&self, ti: usize) -> bool {
        self.para_of
            .get(ti)
            .and_then(|&p| self.title_case.get(p as usize))
            .copied()
            .unwrap_or(false)
    }

    pub fn all_caps_paragraph(&self, ti: usize) -> bool {
        self.para_of.get(ti).and_then(|&p| self.all_caps.get(p as usize)).copied().unwrap_or(false)
    }

    /// Token `i`; past the end, an empty punctuation token at the end of the text (rules read
    /// one token ahead, and a rule's slip must never panic).
    pub fn tok(&self, i: usize) -> Token {
        self.layout.tokens.get(i).copied().unwrap_or(Token {
            span: Span::new(self.text.len(), self.text.len()),
            kind: TokenKind::Punct,
        })
    }

    /// The text of token `i` ("" past the end).
    pub fn t(&self, i: usize) -> &'a str {
        self.layout.tokens.get(i).map_or("", |t| &self.text[t.span])
    }

    /// The normalized (lower-case, folded) token ("" past the end).
    pub(crate) fn lower(&self, i: usize) -> &str {
        let Some(&(a, b)) = self.low_rng.get(i) else { return "" };
        &self.low[a as usize..b as usize]
    }

    /// The normalized key of tokens `i..j`: their normalized forms joined by single spaces.
    pub(crate) fn key(&self, i: usize, j: usize) -> std::borrow::Cow<'_, str> {
        if j == i + 1 {
            return std::borrow::Cow::Borrowed(self.lower(i));
        }
        let mut key = String::new();
        for k in i..j {
            if k > i {
                key.push(' ');
            }
            key.push_str(self.lower(k));
        }
        std::borrow::Cow::Owned(key)
    }

    /// Sentences of paragraphs where rules apply (prose, not headlines).
    fn rule_sentences(&self) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
        self.rule_sents.iter().cloned()
    }

    /// The rule sentences with a token that has any of `bits`.
    fn rule_sentences_with(&self, bits: u32) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
        self.rule_sents
            .iter()
            .zip(&self.rule_masks)
            .filter(move |(_, m)| *m & bits != 0)
            .map(|(r, _)| r.clone())
    }

    fn is_cap(&self, i: usize) -> bool {
        self.has(i, flag::CAP)
    }

    fn is_initial(&self, i: usize) -> bool {
        self.has(i, flag::INITIAL)
    }

    /// "al-Baghdadi", "el-Sisi", "bin-Laden": a lower-case Arabic article joined to a name.
    fn is_arabic_compound(&self, i: usize) -> bool {
        self.has(i, flag::ARABIC)
    }

    /// "van", "De", "al", "Abu": a name particle in either case.
    fn is_particle(&self, i: usize) -> bool {
        self.has(i, flag::PARTICLE)
    }

    /// A token that can be part of a person's name.
    fn is_name_token(&self, i: usize) -> bool {
        self.has(i, flag::NAME)
    }

    /// The longest run of name tokens (with inner particles) starting at `i`, within `end`.
    /// Returns the exclusive end token index.
    fn name_run(&self, i: usize, end: usize) -> usize {
        let mut j = i;
        let mut last_name = i;
        while j < end && j - i < 6 {
            if self.is_name_token(j) {
                j += 1;
                if !self.is_initial(j - 1) {
                    last_name = j;
                }
            } else if self.is_particle(j)
                && j + 1 < end
                && (self.is_name_token(j + 1) || self.is_particle(j + 1))
            {
                j += 1;
            } else if j > i
                && self.has(j, flag::STOP)
                && self.t(j).starts_with(char::is_uppercase)
                && !self.sentence_initial(j)
                && (self.lex_has(j, word::FIRST_NAME) || self.lex_has(j, word::SURNAME))
                && !(j + 1 < end && self.is_cap(j + 1))
            {
                // "Nguyễn Văn An": a name word that is also a function word, inside a name.
                j += 1;
                last_name = j;
            } else {
                break;
            }
        }
        last_name.max(i)
    }

    fn span(&self, a: usize, b: usize) -> Span {
        self.tok(a).span.cover(self.tok(b - 1).span)
    }

    /// A title starting at token `i`: (tokens, class, gender).
    pub(crate) fn title_at(&self, i: usize, end: usize) -> Option<(usize, TitleClass, Gender)> {
        if i >= end {
            return None;
        }
        let mask = self.titles.get(i).copied().unwrap_or(0);
        if mask == 0 {
            return None;
        }
        // The longest title that ends by `end`.
        let fits = mask & (u16::MAX >> (15 - (end - i).min(15)));
        if fits == 0 {
            return None;
        }
        let k = 15 - fits.leading_zeros() as usize;
        let at = self.title_hits.binary_search_by_key(&(i as u32, k as u8), |h| (h.0, h.1)).ok()?;
        let &(_, _, class, g) = self.title_hits.get(at)?;
        Some((k, class, g))
    }
}

fn first_name_gender(ctx: &Ctx<'_>, i: usize) -> Gender {
    ctx.lex.first_names.get(ctx.lower(i)).map_or(Gender::Unknown, |g| g.0)
}

/// Words that never end a person's name ("McDonnell Douglas Corp", "Plaza Agreement").
pub(crate) fn is_org_word(t: &str) -> bool {
    surface_flags(t) & flag::ORG_WORD != 0
}

/// Besides [`ORG_HEADS`], words of company, treaty and facility names.
const ORG_WORDS: &[&str] = &[
    "Corp",
    "Inc",
    "Co",
    "Exploration",
    "Resources",
    "Mining",
    "Mines",
    "Minerals",
    "Pharmaceuticals",
    "Electronics",
    // Words of company names that are no part of people's names ("Santa Fe Southern Pacific",
    // "Banque Francaise de Credit Cooperatif").
    "Pacific",
    "Atlantic",
    "Southern",
    "Northern",
    "Eastern",
    "Central",
    "National",
    "Federal",
    "Credit",
    "Banque",
    "Banco",
    "Bancorp",
    "Savings",
    "Chemicals",
    "Foods",
    "Products",
    "Stores",
    "Railroad",
    "Railway",
    "Shipping",
    "Electric",
    "Utilities",
    "Telephone",
    "Telegraph",
    "Semiconductor",
    "Computer",
    "Software",
    "Enterprises",
    "Ventures",
    "Properties",
    "Realty",
    "Ltd",
    "Plc",
    "PLC",
    "AG",
    "SA",
    "NV",
    "GmbH",
    "Agreement",
    "Accord",
    "Treaty",
    "Capital",
    "Markets",
    "Securities",
    "Industries",
    "International",
    "Systems",
    "Motors",
    "Petroleum",
    "Oil",
    "Energy",
    "Steel",
    "Chemical",
    "Communications",
    "Technologies",
    "Financial",
    "Insurance",
    "Investment",
    "Investments",
    "Trading",
    "Exchange",
    "Street",
    "Avenue",
    "Square",
    "Airport",
    "Stadium",
    "Hotel",
    "Bridge",
    "Station",
];

/// A person candidate is dropped when one of its words names an organization or a place kind.
/// Also dropped: a one-letter name, and a run with a title inside it ("German Finance Minister
/// Gerhard Stoltenberg" is a nationality, a title and a name).
fn person_ok(ctx: &Ctx<'_>, a: usize, b: usize) -> bool {
    let letters: usize =
        (a..b).map(|k| ctx.t(k).chars().filter(|c| c.is_alphabetic()).count()).sum();
    letters >= 2
        && (a..b).all(|k| !ctx.has(k, flag::ORG_WORD) && !ctx.has(k, flag::GEO_HEAD))
        && (a + 1..b.saturating_sub(1)).all(|k| {
            ctx.title_at(k, b).is_none_or(|(n, class, _)| {
                n == 1 && matches!(class, TitleClass::Role | TitleClass::Honorific)
            })
        })
}

/// Byline authors, contributors and photo credits are people.
pub(crate) fn layout_names(ctx: &Ctx<'_>, out: &mut Vec<Cand>) {
    let l = ctx.layout;
    for &span in l.authors.iter().chain(&l.contributors).chain(&l.credits) {
        let mut c = Cand::new(span, EntityKind::Person, 100, "layout");
        let first = l.tokens.partition_point(|t| t.span.start() < span.start());
        if first < l.tokens.len() {
            c.gender = first_name_gender(ctx, first);
        }
        out.push(c);
    }
}

/// Title + name: "Brig. Gen. Yahya Rasoul", "Interior Minister Bernard Cazeneuve", "spokesman
/// Abu Muhammad al-Adnani", "the country's defense minister, Farhat Hachani,".
pub(crate) fn titled_names(ctx: &Ctx<'_>, out: &mut Vec<Cand>) {
    let gazetteer = gazetteer_prefix(out).len();
    for s in ctx.rule_sentences() {
        let mut i = s.start;
        while i < s.end {
            let Some((n, class, g)) = ctx.title_at(i, s.end) else {
                i += 1;
                continue;
            };
            // "Wil M. van Gemert": a one-letter title after a name is an initial.
            if ctx.is_initial(i) && i > s.start && ctx.is_name_token(i - 1) {
                i += 1;
                continue;
            }
            let capitalized = ctx.t(i).starts_with(char::is_uppercase);
            let mut j = i + n;
            // Chained titles: "Deputy Agriculture Minister Marek Sobczak", "Former President".
            while let Some((n2, _, _)) = ctx.title_at(j, s.end) {
                if !ctx.t(j).starts_with(char::is_uppercase) || j + n2 >= s.end {
                    break;
                }
                j += n2;
            }
            let comma = j < s.end && ctx.t(j) == "," && ctx.tok(j).kind == TokenKind::Punct;
            if comma {
                j += 1;
            }
            let e = if j < s.end && ctx.is_name_token(j) { ctx.name_run(j, s.end) } else { j };
            let len = e.saturating_sub(j);
            let ok = if comma {
                len >= 2 && e < s.end && ctx.t(e) == ","
            } else if capitalized && class != TitleClass::Role {
                len >= 1
            } else {
                len >= 2
            };
            // "Miss Idaho", "Miss America": a beauty pageant's title, not a woman.
            let pageant = len > 0
                && ctx.t(i) == "Miss"
                && gazetteer_at(&out[..gazetteer], ctx.tok(j).span.start())
                    .is_some_and(|c| c.kind == EntityKind::Loc && c.span == ctx.span(j, e));
            if ok && len > 0 && !pageant && person_ok(ctx, j, e) {
                let mut c = Cand::new(ctx.span(j, e), EntityKind::Person, 75, "title");
                c.gender = match first_name_gender(ctx, j) {
                    Gender::Unknown => g,
                    fg => fg,
                };
                out.push(c);
                i = e;
            } else {
                i += n;
            }
        }
    }
}

/// Known first name + capitalized word(s): "Peter Neumann", "Wil M. van Gemert".
pub(crate) fn first_name_names(ctx: &Ctx<'_>, out: &mut Vec<Cand>) {
    for s in ctx.rule_sentences_with(u32::from(word::FIRST_NAME) << flag::LEX_SHIFT) {
        let mut i = s.start;
        while i < s.end {
            if !ctx.is_cap(i) || ctx.tok(i).kind != TokenKind::Word {
                i += 1;
                continue;
            }
            if !ctx.lex_has(i, word::FIRST_NAME) {
                i += 1;
                continue;
            }
            let Some(&(g, amb)) = ctx.lex.first_names.get(ctx.lower(i)) else {
                i += 1;
                continue;
            };
            let e = ctx.name_run(i, s.end);
            // "Justice Samuel Alito", "Deputy John Smith": a title that is also a first name
            // is a title when a name follows it (see `titled_names`).
            // A common first name ("Dean Kleckner") is a title only before two names.
            if let Some((n, _, _)) = ctx.title_at(i, s.end) {
                if i + n + usize::from(!amb) < e {
                    i += n;
                    continue;
                }
            }
            // "Nguyễn Văn An": family name first.
            let st = if i > s.start
                && ctx.is_name_token(i - 1)
                && !ctx.common_at_sentence_start(i - 1)
                && ctx.lex_has(i - 1, word::SURNAME)
                && !ctx.lex_has(i - 1, word::SURNAME_AMBIGUOUS)
                && ctx.title_at(i - 1, s.end).is_none()
            {
                i - 1
            } else {
                i
            };
            if e >= st + 2 {
                let surname_known = ctx.lex_has(e - 1, word::SURNAME);
                let common_start = ctx.sentence_initial(st) && ctx.is_common(st);
                if ((!amb && !common_start) || surname_known) && person_ok(ctx, st, e) {
                    let mut c = Cand::new(ctx.span(st, e), EntityKind::Person, 60, "first_name");
                    c.gender = g;
                    out.push(c);
                    i = e;
                    continue;
                }
            }
            i += 1;
        }
    }
}

/// "Kim Dae-jung", "Chang Chi-cheng", "Li Ka-shing": a known surname and a hyphenated given
/// name (romanized Korean and Chinese names).
pub(crate) fn east_asian_names(ctx: &Ctx<'_>, out: &mut Vec<Cand>) {
    for s in ctx.rule_sentences_with(flag::GIVEN) {
        for i in s.start..s.end.saturating_sub(1) {
            if ctx.has(i + 1, flag::GIVEN)
                && ctx.is_cap(i)
                && ctx.lex_has(i, word::SURNAME)
                && (2..=5).contains(&ctx.tok(i).span.len())
                && !ctx.common_at_sentence_start(i)
            {
                out.push(Cand::new(ctx.span(i, i + 2), EntityKind::Person, 60, "east_asian_name"));
            }
        }
    }
}

/// A compound shaped like a romanized given name, "Dae-jung": a capitalized syllable of at
/// most 5 letters, a hyphen, a lower-case one of 2 to 5 letters that is no English word (not
/// "New York-based", "World Bank-led", "Non-life").
fn is_given_name_compound(t: &str, words: &crate::lexicon::WordIndex) -> bool {
    let Some((a, b)) = t.split_once('-') else { return false };
    let syllable = |w: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&w.len()) && w.bytes().all(|c| c.is_ascii_alphabetic())
    };
    syllable(a, 1..=5)
        && syllable(b, 2..=5)
        && a.starts_with(|c: char| c.is_ascii_uppercase())
        && a.bytes().skip(1).all(|c| c.is_ascii_lowercase())
        && b.bytes().all(|c| c.is_ascii_lowercase())
        && words.get(b) & u32::from(word::COMMON) == 0
        // "Co-op" is "coop".
        && words.get(&format!("{}{b}", a.to_ascii_lowercase())) & u32::from(word::COMMON) == 0
}

/// "Abu Bakr al-Baghdadi", "Abdel Fattah el-Sisi": Arabic name patterns.
pub(crate) fn arabic_names(ctx: &Ctx<'_>, out: &mut Vec<Cand>) {
    let abu = |k: usize| {
        ctx.is_cap(k)
            && (3..=5).contains(&ctx.tok(k).span.len())
            && matches!(ctx.t(k), "Abu" | "Abd" | "Abdel" | "Abdul" | "Abdal" | "Umm")
    };
    for s in ctx.rule_sentences() {
        // Every Arabic name here has "Abu"-like start or an "al-" word: most sentences have
        // neither.
        if !s.clone().any(|k| ctx.is_arabic_compound(k) || abu(k)) {
            continue;
        }
        let mut i = s.start;
        while i < s.end {
            if let Some((n, _, _)) = ctx.title_at(i, s.end) {
                i += n;
                continue;
            }
            if ctx.sentence_initial(i) && ctx.is_common(i) {
                i += 1;
                continue;
            }
            let starts = abu(i);
            let e = if ctx.is_name_token(i) || starts { ctx.name_run(i, s.end) } else { i };
            let has_article = (i..e).any(|k| ctx.is_arabic_compound(k));
            if e >= i + 2 && (starts || has_article) && person_ok(ctx, i, e) {
                let mut c = Cand::new(ctx.span(i, e), EntityKind::Person, 65, "arabic_name");
                c.gender = if starts { Gender::Male } else { Gender::Unknown };
                out.push(c);
                i = e;
            } else {
                i += 1;
            }
        }
    }
}

/// Head words of organization names (besides [`COMPANY_ENDS`]): "... Center", "... Office".
const ORG_HEADS: &[&str] = &[
    "Savings",
    "Center",
    "Centre",
    "Office",
    "Group",
    "Unit",
    "Agency",
    "Ministry",
    "University",
    "Institute",
    "Council",
    "Committee",
    "Party",
    "Commission",
    "Bank",
    "Corporation",
    "Association",
    "Federation",
    "Union",
    "Army",
    "Police",
    "Court",
    "Front",
    "Movement",
    "Brigade",
    "Brigades",
    "Organization",
    "Organisation",
    "Foundation",
    "Department",
    "Service",
    "Services",
    "Bureau",
    "Authority",
    "Company",
    "College",
    "School",
    "Network",
    "Alliance",
    "Forces",
    "Fund",
    "Board",
    "Assembly",
    "Parliament",
    "Studies",
    "Society",
    "Institution",
    "Administration",
    "Guard",
    "Coalition",
    "Trust",
    "Airlines",
    "Airways",
    "Holdings",
    "Partners",
    "Press",
    "Corps",
    "Secretariat",
    "Programme",
    "Program",
    "Mission",
    "Tribunal",
    "League",
    "Club",
    "Observatory",
    "Academy",
    "Hospital",
    "Times",
    "Post",
    "Journal",
    "Tribune",
    "Herald",
    "Gazette",
    "Daily",
    "Network",
];

/// Words that end a company's name, and head it like [`ORG_HEADS`]: company forms ("Inc.",
/// "N.L.", "AG") and company words ("Bancorp", "Electric"). Nothing joins after them: "Acme
/// Inc. of Pittsburgh" and "Norstar Bancorp and Beverly Enterprises" are not one name. Not
/// "Savings": "Savings and Loan Association".
const COMPANY_ENDS: &[&str] = &[
    "Inc",
    "Inc.",
    "Corp",
    "Corp.",
    "Co",
    "Co.",
    "Ltd",
    "Ltd.",
    "LLC",
    "plc",
    "PLC",
    "Plc",
    "N.L.",
    "Pty",
    "Bhd",
    "Berhad",
    "AG",
    "N.V.",
    "S.A.",
    "SpA",
    "S.p.A.",
    "Bancorp",
    "Enterprises",
    "Products",
    "Foods",
    "Electric",
    "Utilities",
    "Semiconductor",
    "Software",
    "Ventures",
    "Properties",
    "Realty",
    "Stores",
    "Chemicals",
    "Railroad",
    "Railway",
];

const ORG_FIRST: &[&str] = &[
    "University",
    "Ministry",
    "Bank",
    "Office",
    "Department",
    "Institute",
    "Bureau",
    "Council",
    "Court",
    "Church",
    "Museum",
];

/// Organization names by head word: "Coordinating Unit for Threat Analysis", "Federal
/// Criminal Police Office", "University of Tunis", "International Center of Strategic,
/// Security and Military Studies", "the Tunis-based X".
pub(crate) fn org_patterns(ctx: &Ctx<'_>, out: &mut Vec<Cand>) {
    let gazetteer = gazetteer_prefix(out).len();
    // Every candidate has a head word: most sentences have none.
    for s in ctx.rule_sentences_with(flag::ORG_HEAD | flag::ORG_FIRST) {
        let mut i = s.start;
        while i < s.end {
            if !ctx.is_cap(i) || (ctx.sentence_initial(i) && ctx.t(i) == "The") {
                i += 1;
                continue;
            }
            // Extend over capitalized words, connectors and possessives.
            let mut j = i;
            let mut last_cap = i;
            let mut head_seen = false;
            // Where two coordinated names were split ("Egypt and the Soviet Union").
            let mut split = None;
            while j < s.end && j - i < 12 {
                let t = ctx.t(j);
                if ctx.is_cap(j) || ctx.tok(j).kind == TokenKind::Number && j > i {
                    if ctx.has(j, flag::ORG_HEAD) {
                        head_seen = true;
                    }
                    j += 1;
                    last_cap = j;
                } else if matches!(t, "of" | "for" | "and" | "the" | "on" | "de" | "&" | "in")
                    && j + 1 < s.end
                    && (ctx.is_cap(j + 1)
                        || (ctx.t(j + 1) == "the" && j + 2 < s.end && ctx.is_cap(j + 2)))
                    && j > i
                {
                    // "Center for", "University of", "Council on": a preposition joins only
                    // after a head word ("Lorenzo Tugnoli for The Washington Post" is no ORG);
                    // nothing follows a corporate suffix ("Acme Inc. of Pittsburgh").
                    let prev = ctx.t(j - 1);
                    if (t != "and" && t != "&" && t != "the" && !head_seen)
                        || COMPANY_ENDS.contains(&prev)
                    {
                        break;
                    }
                    // "the Ministry of Agriculture in Warsaw": "in" and a known place is where
                    // the organization is, not part of its name.
                    if t == "in"
                        && gazetteer_at(&out[..gazetteer], ctx.tok(j + 1).span.start())
                            .is_some_and(|c| c.kind == EntityKind::Loc)
                    {
                        break;
                    }
                    // "Princeton and Yale Law School", "Harvard and the University of North
                    // Carolina": two names, not one, when the first has no head word and is a
                    // known name or "the" follows. ("Ministry of Agriculture and Rural
                    // Development" is one.)
                    // Company names keep their "and": "Morgan Stanley and Co Inc", "Lufkin and
                    // Jenrette Securities Corp".
                    let company_follows = || {
                        (j + 1..(j + 6).min(s.end))
                            .take_while(|&k| ctx.is_cap(k) || matches!(ctx.t(k), "and" | "&"))
                            .any(|k| COMPANY_ENDS.contains(&ctx.t(k)))
                    };
                    if t == "and"
                        && !head_seen
                        && !company_follows()
                        && !(i..j).any(|k| ctx.has(k, flag::ORG_FIRST))
                        && (ctx.t(j + 1) == "the" || {
                            // A known organization, or a known place not paired with another
                            // ("Cheltenham and Gloucester Building Society" is one name).
                            let known = &out[..gazetteer];
                            let whole = ctx.span(i, j);
                            let place_follows = gazetteer_at(known, ctx.tok(j + 1).span.start())
                                .is_some_and(|c| c.kind == EntityKind::Loc);
                            gazetteer_at(known, whole.start()).is_some_and(|c| {
                                c.span == whole
                                    && (c.kind == EntityKind::Org
                                        || (c.kind == EntityKind::Loc && !place_follows))
                            })
                        })
                    {
                        split = Some(j);
                        break;
                    }
                    j += 1;
                } else if t == "," && head_seen && j + 1 < s.end && ctx.is_cap(j + 1) {
                    // "Center of Strategic, Security and Military Studies": only inside a
                    // list closed by "and" + capitalized words.
                    let mut k = j + 1;
                    while k < s.end && (ctx.is_cap(k) || ctx.t(k) == ",") && k - j < 6 {
                        k += 1;
                    }
                    if k + 1 < s.end && ctx.t(k) == "and" && ctx.is_cap(k + 1) {
                        j += 1;
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            let e = last_cap;
            let head_last = e > i && ctx.has(e - 1, flag::ORG_HEAD);
            let head_first = ctx.has(i, flag::ORG_FIRST) && e >= i + 3 && ctx.t(i + 1) == "of";
            // "Coordinating Unit for Threat Analysis", "Center for the Study of ...".
            let head_inside = (i + 1..e.saturating_sub(2))
                .any(|k| ctx.has(k, flag::ORG_HEAD) && matches!(ctx.t(k + 1), "for" | "of" | "on"));
            if e >= i + 2 && (head_last || head_first || head_inside) {
                out.push(Cand::new(ctx.span(i, e), EntityKind::Org, 55, "org_head"));
                i = e;
            } else {
                // After a split, the second name starts after "and", not inside the first.
                i = split.unwrap_or(i + 1);
            }
        }
    }
}

const GEO_HEADS: &[&str] = &[
    "County",
    "Province",
    "District",
    "Governorate",
    "Prefecture",
    "Oblast",
    "Region",
    "River",
    "Delta",
    "Valley",
    "Mountains",
    "Sea",
    "Island",
    "Islands",
    "Peninsula",
    "Lake",
    "Bay",
    "Strait",
    "Desert",
    "Basin",
    "Coast",
    "Gulf",
    "Canal",
    "Plateau",
    "Parish",
    "Borough",
];

/// Places by head word: "Marsabit County", "Mekong Delta", "St. Charles County".
pub(crate) fn geo_patterns(ctx: &Ctx<'_>, out: &mut Vec<Cand>) {
    let gazetteer = gazetteer_prefix(out).len();
    for s in ctx.rule_sentences_with(flag::DIRECTION | flag::GEO_HEAD) {
        for k in s.start..s.end {
            if !ctx.has_any(k, flag::DIRECTION | flag::GEO_HEAD) {
                continue;
            }
            if ctx.has(k, flag::DIRECTION) && k + 1 < s.end {
                // "Northern Virginia", "the Upper Midwest", "Northwest Arkansas": a direction
                // and a known place. Not "Central Bank", "Southwestern Bell", "Southern Pacific
                // Railroad": the place is no common word and ends the name.
                let place =
                    gazetteer_at(&out[..gazetteer], ctx.tok(k + 1).span.start()).filter(|c| {
                        let last =
                            ctx.layout.tokens.partition_point(|t| t.span.start() < c.span.end());
                        c.kind == EntityKind::Loc
                            && !ctx.is_common(k + 1)
                            && !ctx.has(k + 1, flag::ORG_HEAD)
                            && !ctx.has(k + 1, flag::ORG_WORD)
                            && (last >= s.end || !ctx.is_cap(last))
                    });
                if let Some(c) = place {
                    let span = ctx.tok(k).span.cover(c.span);
                    out.push(Cand::new(span, EntityKind::Loc, 62, "geo_direction"));
                } else if matches!(ctx.t(k), "Northeast" | "Northwest" | "Southeast" | "Southwest")
                    && k > s.start
                    && ctx.t(k - 1) == "the"
                    && !ctx.is_cap(k + 1)
                {
                    // "the Northeast": a region of its own.
                    out.push(Cand::new(ctx.tok(k).span, EntityKind::Loc, 62, "geo_direction"));
                }
            }
            // "Anbar Province", "Jordan River": capitalized words and a geographic head.
            if k > s.start && ctx.has(k, flag::CAP | flag::GEO_HEAD) {
                let mut a = k;
                while a > s.start
                    && a + 4 > k
                    && (ctx.is_cap(a - 1) && ctx.tok(a - 1).kind != TokenKind::Compound)
                {
                    a -= 1;
                }
                if a < k && !ctx.common_at_sentence_start(a) {
                    out.push(Cand::new(ctx.span(a, k + 1), EntityKind::Loc, 62, "geo_head"));
                }
            }
        }
    }
}

const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "asked",
    "warned",
    "announced",
    "noted",
    "wrote",
    "insisted",
    "urged",
    "explained",
    "stated",
    "argued",
    "cited",
    "reported",
    "recalled",
    "acknowledged",
    "claimed",
    "confirmed",
    "denied",
    "declared",
    "replied",
    "tweeted",
    "predicted",
    "testified",
    "interjected",
    "quipped",
    "retorted",
    "countered",
];

/// The chosen candidates that overlap `span` (`chosen` is sorted and non-overlapping).
fn overlapping(chosen: &[Cand], span: Span) -> impl Iterator<Item = &Cand> {
    let i = chosen.partition_point(|c| c.span.end() <= span.start());
    chosen[i..].iter().take_while(move |c| c.span.start() < span.end())
}

/// Whether a context rule's name at `span` would sit on a chosen name. A longer name may
/// replace a one-word place match ("said Wil M. van Gemert" where "Wil" is a Swiss town,
/// "Harlan & Pike" where "Harlan" is a town), never anything else.
fn taken(chosen: &[Cand], span: Span) -> bool {
    overlapping(chosen, span).any(|c| {
        !(c.rule == "gazetteer"
            && c.kind == EntityKind::Loc
            && c.prio <= 70
            && c.span.len() < span.len())
    })
}

/// Capitalized names in speech and apposition contexts: "said Rasoul", "Van Raemdonck said",
/// "Mohannad Sabry, an Egyptian journalist", "according to Jane Roe".
pub(crate) fn context_names(ctx: &Ctx<'_>, chosen: &mut Vec<Cand>) {
    let mut new = Vec::new();
    for s in ctx.rule_sentences() {
        let mut i = s.start;
        while i < s.end {
            if !ctx.is_name_token(i) || ctx.is_initial(i) {
                i += 1;
                continue;
            }
            let e = ctx.name_run(i, s.end);
            if e <= i {
                i += 1;
                continue;
            }
            // Leading titles are not part of the name.
            let mut a = i;
            while a < e {
                match ctx.title_at(a, e) {
                    Some((n, _, _)) => a += n,
                    None => break,
                }
            }
            if a >= e {
                i = e;
                continue;
            }
            let span = ctx.span(a, e);
            let single = e == a + 1;
            let after_said = (a > s.start && ctx.has(a - 1, flag::SPEECH))
                || (a >= s.start + 2 && ctx.t(a - 2) == "according" && ctx.t(a - 1) == "to");
            let before_said = e < s.end && ctx.has(e, flag::SPEECH);
            let apposition = e + 2 < s.end && ctx.t(e) == "," && {
                let mut k = e + 1;
                if matches!(ctx.t(k), "a" | "an" | "the") {
                    k += 1;
                }
                let mut found = false;
                for m in k..(k + 4).min(s.end) {
                    if let Some((_, class, _)) = ctx.title_at(m, s.end) {
                        found = matches!(
                            class,
                            TitleClass::Role | TitleClass::Office | TitleClass::Military
                        );
                        break;
                    }
                }
                found
            };
            // "Prelogar, 43, argues": an age in commas.
            let age = || {
                e + 2 < s.end
                    && ctx.t(e) == ","
                    && ctx.t(e + 2) == ","
                    && ctx.tok(e + 1).kind == TokenKind::Number
                    && ctx.t(e + 1).parse::<u8>().is_ok_and(|n| (1..=120).contains(&n))
            };
            // "Zohar Lahav, an Israeli citizen who": a nationality and a noun that is no
            // organization or place.
            let nationality = || {
                e + 3 < s.end && ctx.t(e) == "," && matches!(ctx.t(e + 1), "a" | "an") && {
                    let k = e + 2;
                    let start = ctx.tok(k).span.start();
                    let p = chosen.partition_point(|c| c.span.start() < start);
                    chosen.get(p).is_some_and(|c| {
                        c.kind == EntityKind::Norp && c.span.start() == start && {
                            // The lower-case words after the nationality, up to the noun: "an
                            // Israeli citizen", not "an Italian regional bank".
                            let next = ctx
                                .layout
                                .tokens
                                .partition_point(|t| t.span.start() < c.span.end());
                            let words = (next..(next + 4).min(s.end))
                                .take_while(|&k| {
                                    ctx.tok(k).kind.is_wordlike()
                                        && ctx.t(k).starts_with(char::is_lowercase)
                                })
                                .count();
                            words > 0
                                && (next..next + words)
                                    .all(|k| !NOT_PERSON_NOUNS.contains(&ctx.lower(k)))
                        }
                    })
                }
            };
            // One word alone ("Texaco said") is a person only if it is a known surname; people
            // are first named in full, and their surnames link to that (see resolve.rs).
            let known_surname =
                ctx.lex_has(a, word::SURNAME) && !ctx.lex_has(a, word::SURNAME_AMBIGUOUS);
            let cue = if after_said || before_said || apposition || nationality() {
                Some(false)
            } else if age() {
                Some(true)
            } else {
                None
            };
            let Some(by_age) = cue else {
                i = e;
                continue;
            };
            // A common word, or one word opening a sentence (unless an age follows it).
            let opens_sentence_alone = ctx.sentence_initial(a) && single && !by_age;
            if !ctx.is_common(a)
                && !opens_sentence_alone
                && (!single || known_surname || by_age)
                && person_ok(ctx, a, e)
                && !taken(chosen, span)
            {
                new.push(Cand::new(span, EntityKind::Person, 50, "context"));
            }
            i = e;
        }
    }
    chosen.extend(new);
}

/// Words of direction that make a region of a place: "Northern Virginia", "Upper Midwest".
const DIRECTIONS: &[&str] = &[
    "North",
    "South",
    "East",
    "West",
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "Central",
    "Upper",
    "Lower",
    "Northeast",
    "Northwest",
    "Southeast",
    "Southwest",
    "Northeastern",
    "Northwestern",
    "Southeastern",
    "Southwestern",
    "Greater",
    "Inner",
    "Outer",
];

/// The gazetteer candidates at the front of `cands` (they are found first, in text order).
fn gazetteer_prefix(cands: &[Cand]) -> &[Cand] {
    &cands[..cands.partition_point(|c| c.rule == "gazetteer")]
}

/// The gazetteer candidate starting at byte `start`, by binary search in `gazetteer` (sorted).
fn gazetteer_at(gazetteer: &[Cand], start: usize) -> Option<&Cand> {
    let i = gazetteer.partition_point(|c| c.span.start() < start);
    gazetteer.get(i).filter(|c| c.span.start() == start)
}

/// Nouns that name no person: "Rafael, an Israeli company", "a storm named Sandy", "a firm
/// called UC Global".
const NOT_PERSON_NOUNS: &[&str] = &[
    "company",
    "firm",
    "group",
    "organization",
    "organisation",
    "agency",
    "bank",
    "party",
    "newspaper",
    "magazine",
    "network",
    "channel",
    "outlet",
    "website",
    "site",
    "startup",
    "start-up",
    "charity",
    "foundation",
    "movement",
    "militia",
    "unit",
    "ministry",
    "government",
    "city",
    "town",
    "village",
    "province",
    "region",
    "state",
    "country",
    "island",
    "port",
    "river",
    "district",
    "neighborhood",
    "neighbourhood",
    "area",
    "camp",
    "base",
    "airport",
    "storm",
    "hurricane",
    "typhoon",
    "cyclone",
    "ship",
    "vessel",
    "boat",
    "plane",
    "aircraft",
    "dog",
    "cat",
    "horse",
    "program",
    "programme",
    "project",
    "operation",
    "system",
    "app",
    "software",
    "drug",
    "vaccine",
    "product",
    "brand",
    "album",
    "song",
    "film",
    "movie",
    "book",
    "show",
    "series",
    "novel",
    "play",
    "team",
    "club",
    "band",
    "label",
    "school",
    "university",
    "college",
    "hospital",
    "hotel",
    "restaurant",
    "contractor",
    "manufacturer",
    "maker",
    "producer",
    "exporter",
    "importer",
    "carrier",
    "airline",
    "insurer",
    "lender",
    "retailer",
    "operator",
    "developer",
    "subsidiary",
    "unit",
    "conglomerate",
    "consultancy",
    "think",
    "division",
    "department",
    "office",
    "court",
    "force",
    "army",
    "navy",
    "publication",
    "laboratory",
    "lab",
    "institution",
    "fund",
    "exchange",
    "mine",
    "refinery",
    "plant",
    "factory",
    "mill",
    "utility",
    "trust",
    "body",
    "authority",
    "commission",
    "committee",
];

/// Companies and groups of people: "a firm called UC Global", "a group named Breaking the
/// Silence".
const ORG_NOUNS: &[&str] = &[
    "company",
    "firm",
    "group",
    "organization",
    "organisation",
    "agency",
    "party",
    "startup",
    "start-up",
    "charity",
    "foundation",
    "movement",
    "militia",
    "outfit",
    "network",
    "outlet",
    "website",
    "newspaper",
    "contractor",
    "consultancy",
    "subsidiary",
    "bank",
    "fund",
    "band",
    "coalition",
    "alliance",
    "institute",
    "manufacturer",
    "maker",
    "developer",
    "publisher",
    "venture",
    "unit",
    "division",
    "affiliate",
    "partnership",
    "consortium",
    "operator",
];

/// Words that make a place's name into something other than an organization: agreements
/// and events ("Paris Agreement", "Uruguay Round"), places and facilities ("New York Harbor"),
/// commodities ("North Sea Brent"), parties' members ("Texas Democrat"), month abbreviations.
const NOT_ORG_AFTER_PLACE: &[&str] = &[
    "Agreement",
    "Agreements",
    "Accord",
    "Accords",
    "Treaty",
    "Protocol",
    "Convention",
    "Round",
    "Declaration",
    "Summit",
    "Conference",
    "Olympics",
    "Games",
    "Marathon",
    "Open",
    "Derby",
    "Harbor",
    "Harbour",
    "Port",
    "Airport",
    "Station",
    "Area",
    "Basin",
    "Refuge",
    "Park",
    "Forest",
    "Monument",
    "Bridge",
    "Square",
    "Street",
    "Avenue",
    "Road",
    "Highway",
    "Brent",
    "Raws",
    "Whites",
    "Democrat",
    "Democrats",
    "Republican",
    "Republicans",
    "Award",
    "Awards",
    "Prize",
    "Cup",
    "Climate",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "Time",
    "Native",
    "Natives",
];

/// Names that start with a place: "Las Vegas Sands", "Texas Instruments", "Boston Globe",
/// "Dallas Cowboys". A known place followed by capitalized words that are nothing else (no
/// title, no other name, no weekday) is the first word of an organization's name, not a place.
pub(crate) fn place_named_orgs(ctx: &Ctx<'_>, chosen: &mut Vec<Cand>) {
    let mut new = Vec::new();
    let toks = &ctx.layout.tokens;
    let starts_at = |chosen: &[Cand], start: usize| {
        let p = chosen.partition_point(|c| c.span.start() < start);
        chosen.get(p).is_some_and(|c| c.span.start() == start)
    };
    for s in ctx.rule_sentences() {
        let (a, b) = (ctx.tok(s.start).span.start(), ctx.tok(s.end - 1).span.end());
        let first = chosen.partition_point(|c| c.span.start() < a);
        for c in chosen[first..].iter().take_while(|c| c.span.end() <= b) {
            if c.kind != EntityKind::Loc || c.rule != "gazetteer" || c.country {
                continue;
            }
            let k = toks.partition_point(|t| t.span.start() < c.span.end());
            let place_start = toks.partition_point(|t| t.span.start() < c.span.start());
            // The capitalized words after the place, all of them plain words that start
            // nothing else.
            let mut e = k;
            while e < s.end && e < k + 4 && ctx.is_cap(e) {
                e += 1;
            }
            let plain = |j: usize| {
                toks[j].kind == TokenKind::Word
                    && !ctx.has_any(j, flag::GEO_HEAD | flag::DIRECTION)
                    && ctx.title_at(j, s.end).is_none()
                    && !NOT_ORG_AFTER_PLACE.contains(&ctx.t(j))
                    && !starts_at(chosen, toks[j].span.start())
            };
            if e == k
                || e - k > 3
                // "Hamburg-based Vereins": the place must be whole words.
                || k == 0
                || toks[k - 1].span.end() != c.span.end()
                || toks[k - 1].kind == TokenKind::Compound
                || !(k..e).all(plain)
                // "Alexandria IP": a short acronym after a place is no name of it.
                || (ctx.t(k).len() <= 3 && ctx.has(k, shape::NO_LOWER))
                // "... in London Heathrow": a place that follows another capitalized word is
                // part of something else.
                || (place_start > s.start && ctx.is_cap(place_start - 1))
            {
                continue;
            }
            new.push(Cand::new(c.span.cover(toks[e - 1].span), EntityKind::Org, 50, "place_org"));
        }
    }
    chosen.extend(new);
}

/// The cue words of the context rules (see `flag::CUE`), lower-case and capitalized.
const CUE_WORDS: &[&str] = &[
    "named",
    "called",
    "spokesman",
    "Spokesman",
    "spokeswoman",
    "Spokeswoman",
    "spokesperson",
    "Spokesperson",
    "analyst",
    "Analyst",
    "analysts",
    "Analysts",
    "economist",
    "Economist",
    "economists",
    "Economists",
    "strategist",
    "Strategist",
    "researcher",
    "Researcher",
    "researchers",
    "Researchers",
    "executive",
    "Executive",
    "executives",
    "Executives",
    "shares",
    "Shares",
    "shareholders",
    "Shareholders",
    "stake",
    "Stake",
    "subsidiary",
    "Subsidiary",
    "unit",
    "Unit",
    "division",
    "Division",
    "affiliate",
    "Affiliate",
    "acquired",
    "Acquired",
    "owned",
    "Owned",
    "bought",
    "Bought",
    "ceo",
    "Ceo",
    "founder",
    "Founder",
    "co-founder",
    "Co-founder",
    "employees",
    "Employees",
    "chief",
    "Chief",
    "chairman",
    "Chairman",
    "chairwoman",
    "Chairwoman",
    "CEO",
];

/// Unknown names in the contexts of companies and institutions: "a spokesman for Zorbex",
/// "shares of Zorbex", "analysts at Zorbex", "Zorbex CEO Jane Roe", "Zorbex's chief executive".
/// Names that could be people (a known first name, one known surname) are left alone.
pub(crate) fn org_context_names(ctx: &Ctx<'_>, chosen: &mut Vec<Cand>) {
    let mut new = Vec::new();
    let toks = &ctx.layout.tokens;
    // Every context has a cue word: most sentences have none.
    for s in ctx.rule_sentences_with(flag::CUE) {
        let mut k = s.start;
        while k < s.end {
            if !ctx.is_cap(k) || toks[k].kind != TokenKind::Word {
                k += 1;
                continue;
            }
            // The capitalized run: up to five words, "&" or "and" inside ("Cable and Wireless").
            let mut e = k + 1;
            while e < s.end
                && e < k + 5
                && (ctx.is_cap(e)
                    || (matches!(ctx.t(e), "&" | "and") && e + 1 < s.end && ctx.is_cap(e + 1)))
                && ctx.title_at(e, s.end).is_none()
                && !matches!(ctx.lower(e), "ceo" | "spokesman" | "spokeswoman" | "spokesperson")
            {
                e += 1;
            }
            let before = |n: usize| if k >= s.start + n { ctx.lower(k - n) } else { "" };
            let pre = matches!(before(1), "for" | "at" | "of" | "in" | "by")
                && (matches!(
                (before(2), before(1)),
                ("spokesman" | "spokeswoman" | "spokesperson", "for" | "at")
                    | ("analyst" | "analysts" | "economist" | "economists" | "strategist", "at")
                    | ("researcher" | "researchers" | "executive" | "executives", "at")
                    | ("shares", "of" | "in")
                    | ("stake", "in")
                    | ("subsidiary" | "unit" | "division" | "affiliate", "of")
                    | ("ceo" | "founder" | "co-founder" | "employees", "of")
            ) || (before(3) == "chief" && before(2) == "executive" && before(1) == "of")
                // "owned by Slim" may be a person: one word only in capitals ("owned by TWA").
                || (matches!((before(2), before(1)), ("acquired" | "owned" | "bought", "by"))
                    && (e > k + 1 || ctx.has(k, shape::NO_LOWER))));
            let after = |n: usize| if e + n < s.end { ctx.lower(e + n) } else { "" };
            let post_word = |w: &str| {
                matches!(
                    w,
                    "ceo"
                        | "spokesman"
                        | "spokeswoman"
                        | "spokesperson"
                        | "chairman"
                        | "chairwoman"
                        | "founder"
                        | "co-founder"
                        | "shares"
                        | "shareholders"
                        | "executives"
                        | "employees"
                )
            };
            let post = post_word(after(0))
                || (after(0) == "chief" && after(1) == "executive")
                || (toks.get(e).is_some_and(|t| t.kind == TokenKind::Possessive)
                    && (post_word(after(1)) || (after(1) == "chief" && after(2) == "executive")));
            if !(pre || post) {
                k = e;
                continue;
            }
            let span = ctx.span(k, e);
            let personlike = ctx.lex_has(k, word::FIRST_NAME)
                || (e == k + 1 && ctx.lex_has(k, word::SURNAME))
                || ctx.title_at(k, e).is_some();
            let alone_at_start = ctx.sentence_initial(k) && (e == k + 1 || ctx.is_common(k));
            // "B shares", "Class B shares": a share class, not a company.
            let letters = (k..e).map(|j| ctx.t(j).len()).sum::<usize>();
            let share_class = matches!(ctx.t(k), "Class" | "Series" | "Preferred" | "Common");
            // "a spokesman for Yeutter": the surname of a person named in the text.
            let surname_here = || {
                let run = &ctx.text[span];
                chosen.iter().any(|c| {
                    c.kind == EntityKind::Person
                        && ctx.text[c.span].ends_with(run)
                        && ctx.text[c.span].len() > run.len()
                })
            };
            if letters >= 2
                && !share_class
                && !personlike
                && !alone_at_start
                && (e > k + 1 || !ctx.is_common(k))
                && !(k..e).any(|j| ctx.has(j, flag::GEO_HEAD))
                && overlapping(chosen, span).next().is_none()
                && !surname_here()
            {
                new.push(Cand::new(span, EntityKind::Org, 50, "org_context"));
            }
            k = e;
        }
    }
    chosen.extend(new);
}

/// Languages are no nationalities: "written in English", "in perfect Spanish, he said",
/// "an Arabic translation". (OntoNotes and spaCy call these LANGUAGE, a type gazette does not
/// have.) Removes such NORP candidates.
pub(crate) fn language_uses(ctx: &Ctx<'_>, chosen: &mut Vec<Cand>) {
    const LANGUAGES: &[&str] = &[
        "English",
        "French",
        "Spanish",
        "Arabic",
        "German",
        "Russian",
        "Chinese",
        "Mandarin",
        "Cantonese",
        "Portuguese",
        "Italian",
        "Japanese",
        "Korean",
        "Hindi",
        "Urdu",
        "Persian",
        "Farsi",
        "Turkish",
        "Hebrew",
        "Ukrainian",
        "Polish",
        "Dutch",
        "Swahili",
        "Greek",
    ];
    let toks = &ctx.layout.tokens;
    chosen.retain(|c| {
        if c.kind != EntityKind::Norp || !LANGUAGES.contains(&&ctx.text[c.span]) {
            return true;
        }
        let i = toks.partition_point(|t| t.span.start() < c.span.start());
        let next = if i + 1 < toks.len() { ctx.lower(i + 1) } else { "" };
        let after_in = (i >= 1 && ctx.lower(i - 1) == "in")
            || (i >= 2
                && ctx.lower(i - 2) == "in"
                && matches!(ctx.lower(i - 1), "perfect" | "fluent" | "broken" | "plain" | "good"));
        let closed = i + 1 >= toks.len()
            || toks[i + 1].kind == TokenKind::Punct
            || matches!(
                next,
                "by" | "to"
                    | "for"
                    | "with"
                    | "at"
                    | "on"
                    | "from"
                    | "than"
                    | "as"
                    | "but"
                    | "so"
                    | "because"
                    | "instead"
            );
        let language_noun = matches!(
            next,
            "translation"
                | "translations"
                | "language"
                | "subtitles"
                | "speakers"
                | "speaker"
                | "text"
                | "lessons"
                | "classes"
                | "teacher"
                | "words"
        );
        !((after_in && closed) || language_noun)
    });
}

/// Names joined by "&" are firms: "Harlan & Pike", "Marks & Spencer", "Procter & Gamble".
pub(crate) fn ampersand_orgs(ctx: &Ctx<'_>, chosen: &mut Vec<Cand>) {
    let toks = &ctx.layout.tokens;
    let mut new = Vec::new();
    for s in ctx.rule_sentences_with(flag::AMP) {
        for k in s.start + 1..s.end.saturating_sub(1) {
            if !ctx.has(k, flag::AMP) || !ctx.is_cap(k - 1) || !ctx.is_cap(k + 1) {
                continue;
            }
            let mut a = k - 1;
            while a > s.start && a + 3 > k && ctx.is_cap(a - 1) && !ctx.sentence_initial(a - 1) {
                a -= 1;
            }
            let mut e = k + 2;
            while e < s.end && e < k + 4 && ctx.is_cap(e) {
                e += 1;
            }
            let span = ctx.span(a, e);
            if !taken(chosen, span) && toks[a].kind == TokenKind::Word {
                new.push(Cand::new(span, EntityKind::Org, 50, "ampersand"));
            }
        }
    }
    chosen.extend(new);
}

/// A person's name in another script, in parentheses next to the name in Latin letters:
/// "Rami Khoury (رامي خوري)", "Ольга Мельник (Olga Melnyk)", "Zhou Haoming (周浩明)". The
/// mention is the same person (see `resolve`).
pub(crate) fn script_names(ctx: &Ctx<'_>, chosen: &mut Vec<Cand>) {
    let toks = &ctx.layout.tokens;
    let script = |k: usize| {
        toks.get(k).is_some_and(|t| t.kind.is_wordlike())
            && ctx.t(k).chars().all(|c| c.is_alphabetic() && !c.is_ascii())
    };
    let mut new = Vec::new();
    for c in chosen.iter().filter(|c| c.kind == EntityKind::Person) {
        let after = toks.partition_point(|t| t.span.start() < c.span.end());
        let first = toks.partition_point(|t| t.span.start() < c.span.start());
        // "Latin (script)".
        if after < toks.len() && ctx.t(after) == "(" {
            let mut j = after + 1;
            while j < toks.len() && j < after + 6 && script(j) {
                j += 1;
            }
            if j > after + 1 && j < toks.len() && ctx.t(j) == ")" {
                new.push(Cand::new(ctx.span(after + 1, j), EntityKind::Person, 50, "script"));
            }
        }
        // "script (Latin)".
        if first >= 2 && ctx.t(first - 1) == "(" && after < toks.len() && ctx.t(after) == ")" {
            let mut a = first - 1;
            while a > 0 && a + 6 > first && script(a - 1) {
                a -= 1;
            }
            if a < first - 1 {
                new.push(Cand::new(ctx.span(a, first - 1), EntityKind::Person, 50, "script"));
            }
        }
    }
    chosen.extend(new);
}

/// People and organizations introduced by name: "an Israeli-American named Zohar Lahav", "a
/// security consulting firm called UC Global". The noun before the verb gives the type.
pub(crate) fn introduced_names(ctx: &Ctx<'_>, chosen: &mut Vec<Cand>) {
    let mut new = Vec::new();
    for s in ctx.rule_sentences_with(flag::CUE) {
        for k in s.start + 1..s.end.saturating_sub(1) {
            if !ctx.has(k, flag::CUE) || !ctx.is_cap(k + 1) {
                continue;
            }
            let verb = ctx.t(k);
            if !matches!(verb, "named" | "called") {
                continue;
            }
            let noun = ctx.lower(k - 1);
            let noun_ok = ctx.tok(k - 1).kind.is_wordlike()
                && (ctx.t(k - 1).starts_with(char::is_lowercase) || ctx.has(k - 1, flag::CAP));
            if !noun_ok {
                continue;
            }
            let org = ORG_NOUNS.contains(&noun);
            let span = if org {
                // Capitalized words, numbers and "&": "UC Global", "Breaking the Silence" is
                // left to the gazetteer.
                let mut e = k + 1;
                while e < s.end && e - k <= 5 && (ctx.is_cap(e) || (e > k + 1 && ctx.t(e) == "&")) {
                    e += 1;
                }
                while e > k + 1 && !ctx.is_cap(e - 1) {
                    e -= 1;
                }
                Some((ctx.span(k + 1, e), EntityKind::Org, e - k - 1))
            } else if verb == "named" {
                // A person: a name of two words or more, after a noun that names no thing
                // ("a man named", "an Israeli-American named"; not "was named", "a storm named").
                let e = ctx.name_run(k + 1, s.end);
                let person_noun = !NOT_PERSON_NOUNS.contains(&noun)
                    && !matches!(
                        noun,
                        "was"
                            | "is"
                            | "are"
                            | "were"
                            | "be"
                            | "been"
                            | "being"
                            | "newly"
                            | "also"
                            | "once"
                            | "later"
                            | "since"
                            | "then"
                            | "and"
                            | "or"
                            | "he"
                            | "she"
                            | "they"
                            | "we"
                            | "i"
                            | "you"
                            | "it"
                            | "who"
                            | "which"
                            | "that"
                            | "has"
                            | "have"
                            | "had"
                            | "recently"
                            | "formally"
                            | "officially"
                            | "so"
                            | "aptly"
                            | "appropriately"
                            | "just"
                            | "simply"
                    )
                    && !ctx.lower(k - 1).ends_with("ly");
                (person_noun && e >= k + 3 && person_ok(ctx, k + 1, e))
                    .then(|| (ctx.span(k + 1, e), EntityKind::Person, e - k - 1))
            } else {
                None
            };
            let Some((span, kind, _len)) = span else { continue };
            if span.is_empty() {
                continue;
            }
            if !taken(chosen, span) {
                new.push(Cand::new(span, kind, 50, "introduced"));
            }
        }
    }
    chosen.extend(new);
}

/// "Tunis-based", "U.S.-led": a compound whose last part is lower case is a modifier, not a name.
fn compound_ends_capitalized(kind: TokenKind, t: &str) -> bool {
    kind != TokenKind::Compound
        || t.rsplit(['-', '\u{2010}', '\u{2011}'])
            .next()
            .is_some_and(|p| p.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
}

/// Closed-class words, months and weekdays: capitalized only because they start a sentence or
/// a headline, never part of a name.
pub(crate) fn is_stopword(t: &str) -> bool {
    surface_flags(t) & flag::STOP != 0
}

const STOPWORDS: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "By",
    "For",
    "From",
    "To",
    "Of",
    "And",
    "But",
    "Or",
    "As",
    "Across",
    "After",
    "Before",
    "With",
    "Without",
    "During",
    "Under",
    "Over",
    "Since",
    "While",
    "When",
    "Where",
    "If",
    "This",
    "That",
    "These",
    "Those",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "My",
    "Your",
    "Some",
    "Many",
    "Most",
    "All",
    "No",
    "Not",
    "Yet",
    "So",
    "Then",
    "Also",
    "Even",
    "Only",
    "More",
    "Less",
    "Both",
    "Each",
    "Every",
    "Another",
    "Other",
    "Such",
    "Among",
    "Amid",
    "Despite",
    "Until",
    "Although",
    "Though",
    "However",
    "Meanwhile",
    "Instead",
    "Still",
    "Now",
    "Here",
    "There",
    "What",
    "Who",
    "Why",
    "How",
    "Which",
    "Whereas",
    "Besides",
    "Within",
    "Into",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "Jun.",
    "Jul.",
    "Aug.",
    "Sep.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
];
