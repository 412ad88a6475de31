//! The recognizer: gazetteer matching, name rules, overlap resolution, document-level linking.

use rustc_hash::FxHashMap as HashMap;

use aho_corasick::{
    AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Anchored, Input, MatchKind, StartKind,
};
use gazette_core::{
    Entity, EntityId, EntityKind, Gender, Layout, Mention, PartKind, Span, TokenKind,
};

use crate::gazetteer::{Entry, Gazetteer};
use crate::lexicon::{Lexicon, TitleClass};
use crate::normalize::{name_key, push_token};
use crate::rules::{self, Cand, Ctx};
use crate::Error;

/// A token of the gazetteer stream: (its offset in the stream, its span in the text, the index
/// of the token it is, or is part of).
type StreamToken = (u32, Span, u32);

/// Entities and mentions found in one document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Entities {
    /// Entities in order of first mention; `entities[i].id == EntityId(i)`.
    pub entities: Vec<Entity>,
    /// Mentions sorted by span, non-overlapping.
    pub mentions: Vec<Mention>,
}

/// Builds a [`Recognizer`].
#[derive(Clone, Debug, Default)]
pub struct RecognizerBuilder {
    defaults: bool,
    user: Vec<Gazetteer>,
    lexicon: Option<Lexicon>,
}

impl RecognizerBuilder {
    /// With the embedded default gazetteers and lexicons.
    pub fn new() -> RecognizerBuilder {
        RecognizerBuilder { defaults: true, user: Vec::new(), lexicon: None }
    }

    /// Whether to use the embedded default gazetteers (default: yes). The name lexicons (first
    /// names, titles...) stay.
    pub fn default_gazetteers(mut self, yes: bool) -> RecognizerBuilder {
        self.defaults = yes;
        self
    }

    /// Adds a user gazetteer; its entries win ties against the defaults.
    pub fn gazetteer(mut self, g: Gazetteer) -> RecognizerBuilder {
        self.user.push(g);
        self
    }

    /// Replaces the default name lexicons (for tests and special domains).
    pub fn lexicon(mut self, lexicon: Lexicon) -> RecognizerBuilder {
        self.lexicon = Some(lexicon);
        self
    }

    /// Compiles the gazetteers into one automaton.
    pub fn build(self) -> Result<Recognizer, Error> {
        let mut gazetteers = Vec::new();
        if self.defaults {
            gazetteers.extend(crate::data::default_gazetteers()?);
        }
        let n_default = gazetteers.iter().map(|g| g.entries.len()).sum::<usize>();
        gazetteers.extend(self.user);
        let lexicon = match self.lexicon {
            Some(l) => l,
            None => crate::data::default_lexicon(),
        };
        Recognizer::compile(gazetteers, n_default, lexicon)
    }
}

#[derive(Clone, Debug)]
struct PatternCand {
    entry: u32,
    /// Exact-case form required (acronyms).
    exact: Option<Box<str>>,
    ambiguous: bool,
    /// The name starts with "The" (kept out of the key, restored when the text has it).
    leading_the: bool,
    /// The name itself starts in lower case ("al-Qaeda").
    lower_start: bool,
    /// A country, present or former (`kind=country`, `kind=former-country`).
    country: bool,
}

/// Recognizes entities. Built once (compiling the gazetteers), shared by all threads.
pub struct Recognizer {
    entries: Vec<Entry>,
    ac: Option<AhoCorasick>,
    patterns: Vec<Vec<PatternCand>>,
    /// Lexicon facts and lower-case gazetteer name starts, by normalized word.
    words: crate::lexicon::WordIndex,
    /// The part of `words` that lower-case tokens need (see `WordIndex::lower_case_subset`).
    lower_words: crate::lexicon::WordIndex,
    /// Titles and their prefixes (see `Lexicon::title_index`).
    titles: crate::lexicon::TitleIndex,
    pub(crate) lexicon: Lexicon,
}

fn rank(e: &Entry, user: bool) -> (bool, u8, u64) {
    let kind = match e.kind {
        EntityKind::Loc if e.id.starts_with("iso:") && !e.id.contains('-') => 6,
        EntityKind::Org => 5,
        EntityKind::Person => 4,
        EntityKind::Norp => 4,
        EntityKind::Loc if e.attr("kind") == Some("region") => 3,
        // "New York", "Washington": a big city before the state of the same name.
        EntityKind::Loc
            if e.attr("kind") == Some("city")
                && e.attr("population").and_then(|p| p.parse::<u64>().ok()).unwrap_or(0)
                    >= 600_000 =>
        {
            3
        }
        EntityKind::Loc if e.attr("kind") == Some("admin1") || e.id.starts_with("iso:") => 2,
        EntityKind::Loc => 1,
    };
    let pop = e.attr("population").and_then(|p| p.parse().ok()).unwrap_or(0);
    (user, kind, pop)
}

impl Recognizer {
    /// A recognizer with the embedded defaults.
    pub fn new() -> Result<Recognizer, Error> {
        RecognizerBuilder::new().build()
    }

    fn compile(
        gazetteers: Vec<Gazetteer>,
        n_default: usize,
        lexicon: Lexicon,
    ) -> Result<Recognizer, Error> {
        let entries: Vec<Entry> = gazetteers.into_iter().flat_map(|g| g.entries).collect();
        let mut by_key: HashMap<String, usize> = HashMap::default();
        let mut keys: Vec<String> = Vec::new();
        let mut lower_starts = rustc_hash::FxHashSet::default();
        let mut patterns: Vec<Vec<PatternCand>> = Vec::new();
        for (ei, e) in entries.iter().enumerate() {
            let entry_amb = e.attr("ambiguous") == Some("1");
            let entry_exact = e.attr("case") == Some("exact");
            for name in std::iter::once(&e.name).chain(&e.aliases) {
                let mut key = name_key(name);
                let mut leading_the = false;
                if let Some(rest) = key.strip_prefix("the ") {
                    // "The Washington Post" also matches "Washington Post"; but "The Atlantic"
                    // or "The Australian" without their article are other words.
                    if rest.contains(' ') {
                        key = rest.to_string();
                        leading_the = true;
                    } else {
                        continue;
                    }
                }
                if key.is_empty() {
                    continue;
                }
                let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
                let acronym = !letters.is_empty()
                    && letters.len() <= 5
                    && letters.iter().all(|c| c.is_uppercase())
                    && !name.contains(' ');
                // Short acronyms of parties, clubs, NGOs... collide with everything in other
                // countries' news ("BBB" ratings, "EST" time zones): only their full names match.
                if acronym
                    && letters.len() <= 3
                    && *name != e.name
                    && matches!(
                        e.attr("kind"),
                        Some("party" | "sports" | "think_tank" | "ngo" | "religious")
                    )
                {
                    continue;
                }
                let exact = if acronym
                    || (entry_exact
                        && name.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase))
                {
                    Some(name.clone().into_boxed_str())
                } else {
                    None
                };
                let lower_start = name.starts_with(char::is_lowercase);
                if lower_start {
                    lower_starts.insert(key.split(' ').next().unwrap_or_default().to_string());
                }
                let cand = PatternCand {
                    entry: ei as u32,
                    exact,
                    ambiguous: entry_amb,
                    leading_the,
                    lower_start,
                    country: matches!(e.attr("kind"), Some("country" | "former-country")),
                };
                let key = format!(" {key}");
                match by_key.get(&key) {
                    Some(&pi) => patterns[pi].push(cand),
                    None => {
                        by_key.insert(key.clone(), patterns.len());
                        keys.push(key);
                        patterns.push(vec![cand]);
                    }
                }
            }
        }
        for list in &mut patterns {
            list.sort_by(|a, b| {
                let ra = rank(&entries[a.entry as usize], a.entry as usize >= n_default);
                let rb = rank(&entries[b.entry as usize], b.entry as usize >= n_default);
                rb.cmp(&ra).then(a.entry.cmp(&b.entry))
            });
        }
        let ac = if keys.is_empty() {
            None
        } else {
            Some(
                AhoCorasickBuilder::new()
                    .match_kind(MatchKind::LeftmostLongest)
                    .kind(Some(AhoCorasickKind::ContiguousNFA))
                    .start_kind(StartKind::Both)
                    .build(&keys)
                    .map_err(|e| Error::Build(e.to_string()))?,
            )
        };
        let mut words = lexicon.word_index();
        for w in lower_starts {
            words.set(&w, u32::from(crate::lexicon::word::LOWER_START));
        }
        for key in &keys {
            let first = key[1..].split(' ').next().unwrap_or_default();
            words.set(first, u32::from(crate::lexicon::word::NAME_START));
        }
        let lower_words = words.lower_case_subset();
        let titles = lexicon.title_index();
        Ok(Recognizer { entries, ac, patterns, words, lower_words, titles, lexicon })
    }

    /// Number of gazetteer entries compiled in.
    pub fn entry_count(&self) -> usize {
        self.entries.len()
    }

    /// Number of distinct names (patterns) in the automaton.
    pub fn pattern_count(&self) -> usize {
        self.patterns.len()
    }

    /// Finds the entities of a document. Never fails, never panics; linear in the text size.
    pub fn recognize(&self, text: &str, layout: &Layout) -> Entities {
        let ctx =
            Ctx::new(text, layout, &self.lexicon, [&self.words, &self.lower_words], &self.titles);
        let chosen = self.candidates(&ctx, |_| {});
        crate::resolve::resolve(&ctx, chosen, &self.entries)
    }

    /// For rule development: every candidate mention (span, type, rule, priority) and whether
    /// the selection kept it, in text order. See `examples/trace.rs`.
    #[doc(hidden)]
    pub fn trace(
        &self,
        text: &str,
        layout: &Layout,
    ) -> Vec<(Span, EntityKind, &'static str, u8, bool)> {
        let ctx =
            Ctx::new(text, layout, &self.lexicon, [&self.words, &self.lower_words], &self.titles);
        let mut all = Vec::new();
        let chosen = self.candidates(&ctx, |c| all.extend(c.iter().cloned()));
        let mut out: Vec<_> = all
            .into_iter()
            .map(|c| (c.span, c.kind, c.rule, c.prio, chosen.contains(&c)))
            .collect();
        out.sort_by_key(|t| (t.0, t.2));
        out.dedup();
        out
    }

    /// Candidates from every rule, `seen` called with them before each selection, then the
    /// selected, non-overlapping ones in text order.
    fn candidates(&self, ctx: &Ctx<'_>, mut seen: impl FnMut(&[Cand])) -> Vec<Cand> {
        let layout = ctx.layout;
        let mut cands: Vec<Cand> = Vec::with_capacity(layout.tokens.len() / 4 + 16);
        self.gazetteer_matches(ctx, &mut cands);
        self.dateline_places(ctx, &mut cands);
        rules::layout_names(ctx, &mut cands);
        rules::titled_names(ctx, &mut cands);
        rules::first_name_names(ctx, &mut cands);
        rules::east_asian_names(ctx, &mut cands);
        rules::arabic_names(ctx, &mut cands);
        rules::org_patterns(ctx, &mut cands);
        rules::geo_patterns(ctx, &mut cands);
        seen(&cands);
        let mut chosen = select(cands);
        // Context rules look at what is chosen so far; each adds only where nothing is.
        // `chosen` stays sorted and non-overlapping unless a rule added something.
        let rules: [fn(&Ctx<'_>, &mut Vec<Cand>); 6] = [
            rules::context_names,
            rules::introduced_names,
            rules::place_named_orgs,
            rules::org_context_names,
            rules::script_names,
            rules::ampersand_orgs,
        ];
        for rule in rules {
            let before = chosen.len();
            rule(ctx, &mut chosen);
            if chosen.len() > before {
                seen(&chosen[before..]);
                let new = chosen.split_off(before);
                add_selected(&mut chosen, new);
            }
        }
        rules::language_uses(ctx, &mut chosen);
        chosen
    }

    /// The place of a dateline that the tokens leave out ("ST. LOUIS — "): looked up whole in
    /// the gazetteer, whatever its case. Inserted among the gazetteer matches in text order.
    fn dateline_places(&self, ctx: &Ctx<'_>, out: &mut Vec<Cand>) {
        let Some(ac) = &self.ac else { return };
        for part in ctx.layout.parts.iter().filter(|p| p.kind == PartKind::Dateline) {
            let text = &ctx.text[part.span];
            // The place ends at "(", ",", ":" or a spaced dash ("WILKES-BARRE, Pa. -").
            let end = [
                text.find(['(', ',', ':']),
                text.find(" \u{2014}"),
                text.find(" \u{2013}"),
                text.find(" -"),
                text.find('\u{2014}'),
            ]
            .into_iter()
            .flatten()
            .min()
            .unwrap_or(text.len());
            let place = text[..end].trim_end();
            if place.is_empty() || place.len() > 60 {
                continue;
            }
            let span = Span::new(part.span.start(), part.span.start() + place.len());
            let known = out.partition_point(|c| c.rule == "gazetteer");
            if out.iter().any(|c| c.span.overlaps(span)) {
                continue;
            }
            let mut stream = String::with_capacity(place.len() + 2);
            for w in place.split_whitespace() {
                stream.push(' ');
                push_token(&mut stream, w);
            }
            let Some(m) = ac.find(Input::new(&stream).anchored(Anchored::Yes)) else { continue };
            if m.end() != stream.len() {
                continue;
            }
            let Some(pc) = self.patterns.get(m.pattern().as_usize()).and_then(|list| {
                list.iter().find(|c| self.entries[c.entry as usize].kind == EntityKind::Loc)
            }) else {
                continue;
            };
            let at = out[..known].partition_point(|c| c.span.start() < span.start());
            out.insert(
                at,
                Cand {
                    span,
                    kind: EntityKind::Loc,
                    entry: Some(pc.entry),
                    prio: 80,
                    gender: Gender::Unknown,
                    rule: "gazetteer",
                    country: pc.country,
                },
            );
        }
    }

    fn gazetteer_matches(&self, ctx: &Ctx<'_>, out: &mut Vec<Cand>) {
        let Some(ac) = &self.ac else { return };
        let text = ctx.text;
        // The normalized token stream: " tok tok tok\n tok ...", with the byte span of every
        // sub-token (compounds split at hyphens).
        // Buffers kept per thread between documents (see `rules::Spare`).
        thread_local! {
            static STREAM: std::cell::Cell<(String, Vec<StreamToken>)> =
                std::cell::Cell::default();
        }
        let (mut stream, mut offs) = STREAM.with(std::cell::Cell::take);
        stream.clear();
        offs.clear();
        stream.reserve(text.len() + text.len() / 4);
        offs.reserve(ctx.layout.tokens.len() + 16);
        for p in ctx.layout.paragraphs.iter().filter(|p| ctx.annotate(p.kind)) {
            let mut sent = p.sentences.start;
            for ti in p.tokens.clone() {
                while sent < p.sentences.end && ctx.layout.sentences[sent].tokens.end <= ti {
                    sent += 1;
                }
                if sent < p.sentences.end && ctx.layout.sentences[sent].tokens.start == ti {
                    stream.push('\n');
                }
                let tok = ctx.layout.tokens[ti];
                match tok.kind {
                    TokenKind::Compound => {
                        let t = &text[tok.span];
                        // "D-Ore." (party and state): the period after the compound belongs to
                        // the state's abbreviation.
                        let party_state = t.len() > 2
                            && matches!(&t.as_bytes()[..2], b"D-" | b"R-" | b"I-")
                            && ctx.t(ti + 1) == "."
                            && ctx.tok(ti + 1).span.start() == tok.span.end();
                        let mut start = tok.span.start();
                        for part in t.split(['-', '\u{2010}', '\u{2011}']) {
                            if !part.is_empty() {
                                stream.push(' ');
                                let last = start + part.len() == tok.span.end();
                                let end = start + part.len() + usize::from(last && party_state);
                                offs.push((stream.len() as u32, Span::new(start, end), ti as u32));
                                push_token(&mut stream, part);
                                if last && party_state {
                                    stream.push('.');
                                }
                            }
                            start += part.len() + 1;
                            if start > tok.span.end() {
                                break;
                            }
                            // Multi-byte hyphens.
                            while start < tok.span.end() && !text.is_char_boundary(start) {
                                start += 1;
                            }
                        }
                    }
                    TokenKind::QuoteOpen | TokenKind::QuoteClose | TokenKind::QuoteAmbiguous => {
                        stream.push('\n')
                    }
                    _ => {
                        stream.push(' ');
                        offs.push((stream.len() as u32, tok.span, ti as u32));
                        stream.push_str(ctx.lower(ti));
                    }
                }
            }
            stream.push('\n');
        }
        stream.push(' ');
        let bytes = stream.as_bytes();
        // Names start at capitalized tokens, digits, or the first word of a lower-case name
        // ("al-Qaeda"): search anchored there only, instead of scanning every word.
        let mut pos = 0;
        for o in &offs {
            let at = o.0 as usize - 1;
            if at < pos {
                continue;
            }
            // What the lexicon index knows of this word: from the token's flags, or looked up
            // for a part of a hyphenated compound.
            let ti = o.2 as usize;
            let known = if ctx.layout.tokens.get(ti).is_some_and(|t| t.span == o.1) {
                ctx.lex_bits(ti)
            } else {
                let word_end = stream.as_bytes()[at + 1..]
                    .iter()
                    .position(|&b| b == b' ' || b == b'\n')
                    .map_or(stream.len(), |k| at + 1 + k);
                (self.words.get(&stream[at + 1..word_end]) & 0x7f) as u8
            };
            if known & crate::lexicon::word::NAME_START == 0 {
                continue;
            }
            let first = text[o.1].chars().next().unwrap_or(' ');
            if first.is_lowercase() {
                if known & crate::lexicon::word::LOWER_START == 0 {
                    continue;
                }
            } else if !first.is_alphanumeric() {
                continue;
            }
            let Some(m0) = ac.find(Input::new(&stream).range(at..).anchored(Anchored::Yes)) else {
                continue;
            };
            let mut accepted = self
                .check_match(
                    ctx,
                    &stream,
                    bytes,
                    &offs,
                    m0.start(),
                    m0.end(),
                    m0.pattern().as_usize(),
                )
                .map(|c| (m0.end(), c));
            let mut limit = m0.end() - 1;
            while accepted.is_none() && limit > m0.start() {
                let Some(m) =
                    ac.find(Input::new(&stream).range(m0.start()..limit).anchored(Anchored::Yes))
                else {
                    break;
                };
                if let Some(found) = self.check_match(
                    ctx,
                    &stream,
                    bytes,
                    &offs,
                    m.start(),
                    m.end(),
                    m.pattern().as_usize(),
                ) {
                    accepted = Some((m.end(), found));
                    break;
                }
                limit = m.end() - 1;
            }
            if let Some((end, cand)) = accepted {
                out.push(cand);
                pos = end;
            }
        }
        if stream.capacity() <= 1 << 20 {
            STREAM.with(|c| c.set((stream, offs)));
        }
    }

    /// Checks a match of pattern `pi` at `start..end` of the stream against token boundaries and
    /// case rules; returns the candidate.
    #[allow(clippy::too_many_arguments)]
    fn check_match(
        &self,
        ctx: &Ctx<'_>,
        _stream: &str,
        bytes: &[u8],
        offs: &[StreamToken],
        start: usize,
        end: usize,
        pi: usize,
    ) -> Option<Cand> {
        let text = ctx.text;
        if !matches!(bytes.get(end), Some(b' ' | b'\n')) {
            return None;
        }
        let first = offs.binary_search_by_key(&((start + 1) as u32), |o| o.0).ok()?;
        let mut last = first;
        while last + 1 < offs.len() && (offs[last + 1].0 as usize) < end {
            last += 1;
        }
        let span = offs[first].1.cover(offs[last].1);
        let list = self.patterns.get(pi)?;
        let surface = &text[span];
        let first_tok = offs[first].2 as usize;
        let initial = ctx.sentence_initial(first_tok);
        let upper = surface.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        let single = first == last;
        let in_dateline = ctx
            .layout
            .parts
            .iter()
            .any(|p| p.kind == gazette_core::PartKind::Dateline && p.span.contains(span));
        let chosen = list.iter().find(|c| {
            if let Some(exact) = &c.exact {
                return surface == &**exact && !ctx.all_caps_paragraph(first_tok);
            }
            if !upper && (!c.lower_start || single) {
                return false;
            }
            // "Iraqi military" is not the alias "Iraqi Military": lower-case content words
            // in the text mean a description, not a name.
            if !single && lowercase_content_word(surface) {
                return false;
            }
            let e = &self.entries[c.entry as usize];
            let common = single
                && e.kind != EntityKind::Norp
                && !(e.kind == EntityKind::Loc && e.id.starts_with("iso:") && !e.id.contains('-'))
                && ctx.is_common(first_tok);
            if crate::rules::is_stopword(surface) {
                return false;
            }
            // "WASHINGTON —", "AUSTIN, Texas —": a dateline names places, in capitals.
            if e.kind == EntityKind::Loc && in_dateline {
                return true;
            }
            if c.ambiguous || common {
                // Not at a sentence start, not in a headline, and not one word of a longer
                // capitalized name ("Washington University" is not the town "University").
                let last_tok = offs[last].2 as usize;
                let next_cap = ctx.layout.tokens.get(last_tok + 1).is_some_and(|t| {
                    t.kind.is_wordlike() && text[t.span].starts_with(char::is_uppercase)
                });
                // "Northern Virginia" is the place (see `rules::geo_patterns`).
                let prev_cap = first_tok > 0 && !initial && {
                    let t = ctx.layout.tokens[first_tok - 1];
                    t.kind.is_wordlike()
                        && text[t.span].starts_with(char::is_uppercase)
                        && (ctx.is_common(first_tok)
                            || !ctx.has(first_tok - 1, rules::flag::DIRECTION))
                };
                return !initial && !ctx.title_case_paragraph(first_tok) && !next_cap && !prev_cap;
            }
            true
        });
        let c = chosen?;
        let e = &self.entries[c.entry as usize];
        let mut span = span;
        // "The Washington Post": restore a capitalized "The" that is part of the name.
        if first_tok > 0 && e.kind == EntityKind::Org {
            let prev = ctx.layout.tokens[first_tok - 1];
            let publisher_line =
                ctx.paragraph_kind(first_tok) == Some(gazette_core::PartKind::Publisher);
            if &text[prev.span] == "The"
                && prev.span.end() < span.start()
                && (c.leading_the || publisher_line)
                && (publisher_line || !ctx.sentence_initial(first_tok - 1))
            {
                span = prev.span.cover(span);
            }
        }
        Some(Cand {
            span,
            kind: e.kind,
            entry: Some(c.entry),
            prio: if single { 70 } else { 80 },
            gender: Gender::Unknown,
            rule: "gazetteer",
            country: c.country,
        })
    }

    /// The gazetteer entry at an index.
    pub fn entry(&self, i: u32) -> Option<&Entry> {
        self.entries.get(i as usize)
    }

    /// Class and gender of a title, if the normalized key is one.
    pub fn title(&self, key: &str) -> Option<(TitleClass, Gender)> {
        self.lexicon.titles.get(key).copied()
    }
}

/// Keeps the best non-overlapping candidates: longer spans first, then higher priority, then
/// the earlier span, then the earlier candidate. Returns them sorted by span.
pub(crate) fn select(cands: Vec<Cand>) -> Vec<Cand> {
    // One integer per candidate in the order of preference: sorting integers is several times
    // cheaper than comparing structs.
    let mut order: Vec<u128> = cands
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let len = u32::MAX - c.span.len() as u32;
            let prio = u8::MAX - c.prio;
            (u128::from(len) << 72)
                | (u128::from(prio) << 64)
                | (u128::from(c.span.start() as u32) << 32)
                | i as u128
        })
        .collect();
    order.sort_unstable();
    let end = cands.iter().map(|c| c.span.end()).max().unwrap_or(0);
    // Bytes covered by the spans taken so far.
    let mut taken = vec![0u64; end / 64 + 2];
    let mut keep = vec![false; cands.len()];
    for k in order {
        let i = (k & u128::from(u32::MAX)) as usize;
        let Some(c) = cands.get(i) else { continue };
        let (a, b) = (c.span.start(), c.span.end().max(c.span.start() + 1));
        if (a..b).any(|x| taken[x / 64] & (1 << (x % 64)) != 0) {
            continue;
        }
        for x in a..b {
            taken[x / 64] |= 1 << (x % 64);
        }
        keep[i] = true;
    }
    let mut out: Vec<Cand> =
        cands.into_iter().zip(keep).filter_map(|(c, k)| k.then_some(c)).collect();
    out.sort_unstable_by_key(|c| c.span);
    out
}

/// `select` over `chosen` (sorted, non-overlapping) and `new`, touching only the candidates
/// that overlap a new one: context rules add a few candidates to hundreds.
pub(crate) fn add_selected(chosen: &mut Vec<Cand>, mut new: Vec<Cand>) {
    new.sort_unstable_by_key(|c| c.span);
    let mut touched = vec![false; chosen.len()];
    for c in &new {
        let mut i = chosen.partition_point(|x| x.span.end() <= c.span.start());
        while i < chosen.len() && chosen[i].span.start() < c.span.end().max(c.span.start() + 1) {
            touched[i] = true;
            i += 1;
        }
    }
    // Touched candidates first, as in one `select` over `chosen` then `new`.
    let mut group: Vec<Cand> = Vec::with_capacity(new.len() * 2);
    let mut keep: Vec<Cand> = Vec::with_capacity(chosen.len());
    for (c, t) in std::mem::take(chosen).into_iter().zip(touched) {
        if t {
            group.push(c);
        } else {
            keep.push(c);
        }
    }
    group.extend(new);
    keep.extend(select(group));
    keep.sort_unstable_by_key(|c| c.span);
    *chosen = keep;
}

/// Kinds of paragraph annotated with entities.
pub(crate) fn annotated(kind: PartKind) -> bool {
    !matches!(kind, PartKind::Boilerplate | PartKind::Duplicate)
}

pub(crate) fn id(i: usize) -> EntityId {
    EntityId(i as u32)
}

pub(crate) fn mention(span: Span, e: usize) -> Mention {
    Mention { span, entity: id(e) }
}

fn lowercase_content_word(surface: &str) -> bool {
    surface.split(|c: char| c.is_whitespace() || c == '-').skip(1).any(|w| {
        w.starts_with(char::is_lowercase)
            && !matches!(
                w,
                "of" | "the"
                    | "for"
                    | "and"
                    | "de"
                    | "du"
                    | "des"
                    | "la"
                    | "le"
                    | "al"
                    | "el"
                    | "on"
                    | "in"
                    | "at"
                    | "del"
                    | "di"
                    | "da"
                    | "van"
                    | "von"
                    | "der"
                    | "den"
                    | "y"
                    | "et"
                    | "bin"
                    | "ibn"
                    | "'s"
                    | "’s"
                    | "upon"
                    | "am"
                    | "an"
                    | "a"
                    | "to"
            )
            && !w.starts_with("al-")
    })
}
