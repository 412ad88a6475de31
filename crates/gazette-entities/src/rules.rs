//! Name rules: each a small, named function adding candidates.
//!
//! To add a rule: write `fn my_rule(ctx: &Ctx<'_>, out: &mut Vec<Cand>)`, call it from
//! `Recognizer::recognize`, give its candidates a `rule` name and a priority (longer spans win
//! first, then priority), and add a `check(...)` test in `tests.rs`.

use gazette_core::{EntityKind, Gender, Layout, PartKind, Span, Token, TokenKind};

use crate::lexicon::{Lexicon, TitleClass};
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
}

impl Cand {
    fn new(span: Span, kind: EntityKind, prio: u8, rule: &'static str) -> Cand {
        Cand { span, kind, entry: None, prio, gender: Gender::Unknown, rule }
    }
}

/// Per-document context shared by the rules.
pub(crate) struct Ctx<'a> {
    pub text: &'a str,
    pub layout: &'a Layout,
    pub lex: &'a Lexicon,
    /// Per token: index of its paragraph.
    para_of: Vec<u32>,
    /// Per token: first word of its sentence.
    initial: Vec<bool>,
    /// Per paragraph: mostly capitalized words (headline style) / all capitals.
    title_case: Vec<bool>,
    all_caps: Vec<bool>,
    /// Normalized tokens joined by single spaces, and each token's range in it, so that the
    /// key of any run of tokens is a slice (no allocation per lookup).
    low: String,
    low_rng: Vec<(u32, u32)>,
    /// Per token: capitalized word-like token that is not a stopword (see `is_cap`).
    cap: Vec<bool>,
    /// Per token: the first word of some title (a filter before the title lookups).
    title_start: Vec<bool>,
    /// Per token: can be part of a person's name (see `compute_name_token`).
    name_tok: Vec<bool>,
}

impl<'a> Ctx<'a> {
    pub fn new(text: &'a str, layout: &'a Layout, lex: &'a Lexicon) -> Ctx<'a> {
        let n = layout.tokens.len();
        let mut para_of = vec![0u32; n];
        let mut initial = vec![false; n];
        let mut title_case = Vec::with_capacity(layout.paragraphs.len());
        let mut all_caps = Vec::with_capacity(layout.paragraphs.len());
        for (pi, p) in layout.paragraphs.iter().enumerate() {
            let (mut words, mut caps, mut upper) = (0usize, 0usize, 0usize);
            for ti in p.tokens.clone() {
                para_of[ti] = pi as u32;
                let t = &text[layout.tokens[ti].span];
                if layout.tokens[ti].kind.is_wordlike()
                    && t.chars().next().is_some_and(char::is_alphabetic)
                {
                    words += 1;
                    if t.chars().next().is_some_and(char::is_uppercase) {
                        caps += 1;
                    }
                    if t.chars().all(|c| !c.is_lowercase()) {
                        upper += 1;
                    }
                }
            }
            title_case.push(p.kind == PartKind::Title || (words >= 5 && caps * 10 >= words * 9));
            all_caps.push(words >= 3 && upper * 10 >= words * 9);
        }
        for s in &layout.sentences {
            if let Some(first) = s.tokens.clone().find(|&i| layout.tokens[i].kind.is_wordlike()) {
                initial[first] = true;
            }
        }
        let mut low = String::with_capacity(text.len() + n);
        let mut low_rng = Vec::with_capacity(n);
        for t in &layout.tokens {
            let a = low.len();
            push_token(&mut low, &text[t.span]);
            low_rng.push((a as u32, low.len() as u32));
            low.push(' ');
        }
        let cap = layout
            .tokens
            .iter()
            .map(|tok| {
                let t = &text[tok.span];
                tok.kind.is_wordlike()
                    && t.chars().next().is_some_and(char::is_uppercase)
                    && !is_stopword(t)
                    && compound_ends_capitalized(tok.kind, t)
            })
            .collect();
        let title_start = low_rng
            .iter()
            .map(|&(a, b)| lex.title_starts.contains(&low[a as usize..b as usize]))
            .collect();
        let mut ctx = Ctx {
            text,
            layout,
            lex,
            para_of,
            initial,
            title_case,
            all_caps,
            low,
            low_rng,
            cap,
            title_start,
            name_tok: Vec::new(),
        };
        ctx.name_tok = (0..n).map(|i| ctx.compute_name_token(i)).collect();
        ctx
    }

    pub fn annotate(&self, kind: PartKind) -> bool {
        crate::recognizer::annotated(kind)
    }

    pub fn paragraph_kind(&self, ti: usize) -> Option<PartKind> {
        self.para_of.get(ti).and_then(|&p| self.layout.paragraphs.get(p as usize)).map(|p| p.kind)
    }

    /// A common word capitalized only because it starts the sentence.
    fn common_at_sentence_start(&self, ti: usize) -> bool {
        self.sentence_initial(ti) && self.lex.is_common(self.lower(ti))
    }

    pub fn sentence_initial(&self, ti: usize) -> bool {
        self.initial.get(ti).copied().unwrap_or(false)
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

    pub fn tok(&self, i: usize) -> Token {
        self.layout.tokens[i]
    }

    pub fn t(&self, i: usize) -> &'a str {
        &self.text[self.layout.tokens[i].span]
    }

    /// The normalized (lower-case, folded) token.
    pub(crate) fn lower(&self, i: usize) -> &str {
        let (a, b) = self.low_rng[i];
        &self.low[a as usize..b as usize]
    }

    /// The normalized key of tokens `i..j`.
    pub(crate) fn key(&self, i: usize, j: usize) -> &str {
        &self.low[self.low_rng[i].0 as usize..self.low_rng[j - 1].1 as usize]
    }

    /// Sentences of paragraphs where rules apply (prose, not headlines).
    fn rule_sentences(&self) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
        self.layout
            .paragraphs
            .iter()
            .enumerate()
            .filter(move |(pi, p)| {
                matches!(p.kind, PartKind::Body | PartKind::Caption | PartKind::Contributors)
                    && !self.title_case[*pi]
                    && !self.all_caps[*pi]
            })
            .flat_map(move |(_, p)| {
                self.layout.sentences[p.sentences.clone()].iter().map(|s| s.tokens.clone())
            })
    }

    fn is_cap(&self, i: usize) -> bool {
        self.cap[i]
    }

    fn is_initial(&self, i: usize) -> bool {
        let t = self.t(i);
        self.tok(i).kind == TokenKind::Abbreviation
            && t.len() == 2
            && t.starts_with(|c: char| c.is_ascii_uppercase())
    }

    /// "al-Baghdadi", "el-Sisi", "bin-Laden": a lower-case Arabic article joined to a name.
    fn is_arabic_compound(&self, i: usize) -> bool {
        let t = self.t(i);
        self.tok(i).kind == TokenKind::Compound
            && ["al-", "el-", "ad-", "as-", "ash-", "at-", "ar-", "an-", "az-"]
                .iter()
                .any(|p| t.starts_with(p) && t[p.len()..].starts_with(char::is_uppercase))
    }

    /// "van", "De", "al", "Abu": a name particle in either case.
    fn is_particle(&self, i: usize) -> bool {
        let t = self.t(i);
        t.len() <= 5 && gazette_core::is_name_particle(self.lower(i))
    }

    /// A token that can be part of a person's name.
    fn is_name_token(&self, i: usize) -> bool {
        self.name_tok[i]
    }

    fn compute_name_token(&self, i: usize) -> bool {
        let t = self.t(i);
        if !self.cap[i] {
            return self.is_initial(i) || self.is_arabic_compound(i);
        }
        (self.is_cap(i)
            && self.tok(i).kind != TokenKind::Abbreviation
            && !(t.len() > 1 && t.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())))
            || self.is_initial(i)
            || self.is_arabic_compound(i)
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
                && is_stopword(self.t(j))
                && self.t(j).starts_with(char::is_uppercase)
                && !self.sentence_initial(j)
                && (self.lex.first_names.contains_key(self.lower(j))
                    || self.lex.surnames.contains_key(self.lower(j)))
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
    fn title_at(&self, i: usize, end: usize) -> Option<(usize, TitleClass, Gender)> {
        if i >= end || !self.title_start[i] {
            return None;
        }
        let mut best = None;
        for k in 1..=self.lex.max_title_tokens.min(end - i) {
            if let Some(&(class, g)) = self.lex.titles.get(self.key(i, i + k)) {
                best = Some((k, class, g));
            }
        }
        best
    }
}

fn first_name_gender(ctx: &Ctx<'_>, i: usize) -> Gender {
    ctx.lex.first_names.get(ctx.lower(i)).map_or(Gender::Unknown, |g| g.0)
}

/// Words that never end a person's name ("McDonnell Douglas Corp", "Plaza Agreement").
pub(crate) fn is_org_word(t: &str) -> bool {
    ORG_HEADS.contains(&t)
        || matches!(
            t,
            "Corp"
                | "Inc"
                | "Co"
                | "Ltd"
                | "Plc"
                | "PLC"
                | "AG"
                | "SA"
                | "NV"
                | "GmbH"
                | "Agreement"
                | "Accord"
                | "Treaty"
                | "Capital"
                | "Markets"
                | "Securities"
                | "Industries"
                | "International"
                | "Systems"
                | "Motors"
                | "Petroleum"
                | "Oil"
                | "Energy"
                | "Steel"
                | "Chemical"
                | "Communications"
                | "Technologies"
                | "Financial"
                | "Insurance"
                | "Investment"
                | "Investments"
                | "Trading"
                | "Exchange"
                | "Street"
                | "Avenue"
                | "Square"
                | "Airport"
                | "Stadium"
                | "Hotel"
                | "Bridge"
                | "Station"
        )
}

/// A person candidate is dropped when one of its words names an organization or a place kind.
/// Also dropped: a one-letter name, and a run with a title inside it ("German Finance Minister
/// Gerhard Stoltenberg" is a nationality, a title and a name).
fn person_ok(ctx: &Ctx<'_>, a: usize, b: usize) -> bool {
    let letters: usize =
        (a..b).map(|k| ctx.t(k).chars().filter(|c| c.is_alphabetic()).count()).sum();
    letters >= 2
        && (a..b).all(|k| !is_org_word(ctx.t(k)) && !GEO_HEADS.contains(&ctx.t(k)))
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
            if ok && len > 0 && person_ok(ctx, j, e) {
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
    for s in ctx.rule_sentences() {
        let mut i = s.start;
        while i < s.end {
            if !ctx.is_cap(i) || ctx.tok(i).kind != TokenKind::Word {
                i += 1;
                continue;
            }
            let Some(&(g, amb)) = ctx.lex.first_names.get(ctx.lower(i)) else {
                i += 1;
                continue;
            };
            let e = ctx.name_run(i, s.end);
            // "Nguyễn Văn An": family name first.
            let st = if i > s.start
                && ctx.is_name_token(i - 1)
                && !ctx.common_at_sentence_start(i - 1)
                && ctx.lex.surnames.get(ctx.lower(i - 1)).is_some_and(|amb| !amb)
                && ctx.title_at(i - 1, s.end).is_none()
            {
                i - 1
            } else {
                i
            };
            if e >= st + 2 {
                let surname_known = ctx.lex.surnames.contains_key(ctx.lower(e - 1));
                let common_start = ctx.sentence_initial(st) && ctx.lex.is_common(ctx.lower(st));
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

/// "Abu Bakr al-Baghdadi", "Abdel Fattah el-Sisi": Arabic name patterns.
pub(crate) fn arabic_names(ctx: &Ctx<'_>, out: &mut Vec<Cand>) {
    for s in ctx.rule_sentences() {
        let mut i = s.start;
        while i < s.end {
            if let Some((n, _, _)) = ctx.title_at(i, s.end) {
                i += n;
                continue;
            }
            if ctx.sentence_initial(i) && ctx.lex.is_common(ctx.lower(i)) {
                i += 1;
                continue;
            }
            let starts = matches!(ctx.t(i), "Abu" | "Abd" | "Abdel" | "Abdul" | "Abdal" | "Umm")
                && ctx.is_cap(i);
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

const ORG_HEADS: &[&str] = &[
    "Corp",
    "Inc",
    "Co",
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
    "Corp.",
    "Inc.",
    "Ltd",
    "Ltd.",
    "LLC",
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
    "Co.",
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
    for s in ctx.rule_sentences() {
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
            while j < s.end && j - i < 12 {
                let t = ctx.t(j);
                if ctx.is_cap(j) || ctx.tok(j).kind == TokenKind::Number && j > i {
                    if ORG_HEADS.contains(&t) {
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
                        || matches!(
                            prev,
                            "Inc." | "Corp." | "Ltd" | "Ltd." | "LLC" | "Co." | "plc" | "PLC"
                        )
                    {
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
            let head_last = e > i && ORG_HEADS.contains(&ctx.t(e - 1));
            let head_first = ORG_FIRST.contains(&ctx.t(i)) && e >= i + 3 && ctx.t(i + 1) == "of";
            // "Coordinating Unit for Threat Analysis", "Center for the Study of ...".
            let head_inside = (i + 1..e.saturating_sub(2)).any(|k| {
                ORG_HEADS.contains(&ctx.t(k)) && matches!(ctx.t(k + 1), "for" | "of" | "on")
            });
            if e >= i + 2 && (head_last || head_first || head_inside) {
                out.push(Cand::new(ctx.span(i, e), EntityKind::Org, 55, "org_head"));
                i = e;
            } else {
                i += 1;
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
    for s in ctx.rule_sentences() {
        for k in s.start + 1..s.end {
            if !ctx.is_cap(k) || !GEO_HEADS.contains(&ctx.t(k)) {
                continue;
            }
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
];

/// Capitalized names in speech and apposition contexts: "said Rasoul", "Van Raemdonck said",
/// "Mohannad Sabry, an Egyptian journalist", "according to Jane Roe".
pub(crate) fn context_names(ctx: &Ctx<'_>, chosen: &mut Vec<Cand>) {
    // A longer name in a speech context may replace a one-word place match ("said Wil M. van
    // Gemert" where "Wil" is a Swiss town), never anything else.
    // `chosen` is sorted by span and non-overlapping: look only at the neighbours.
    let covered = |chosen: &Vec<Cand>, sp: Span| {
        let i = chosen.partition_point(|c| c.span.end() <= sp.start());
        chosen[i..].iter().take_while(|c| c.span.start() < sp.end()).any(|c| {
            !(c.rule == "gazetteer"
                && c.kind == EntityKind::Loc
                && c.prio <= 70
                && c.span.len() < sp.len())
        })
    };
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
            let lower = ctx.lower(a);
            let commonish = ctx.lex.is_common(lower) || (ctx.sentence_initial(a) && single);
            let before = |k: usize| (k > s.start).then(|| ctx.t(k - 1));
            let after_said = before(a).is_some_and(|w| SPEECH_VERBS.contains(&w))
                || (a >= s.start + 2 && ctx.t(a - 2) == "according" && ctx.t(a - 1) == "to");
            let before_said = e < s.end && SPEECH_VERBS.contains(&ctx.t(e));
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
            // One word alone ("Texaco said") is a person only if it is a known surname; people
            // are first named in full, and their surnames link to that (see resolve.rs).
            let known_surname = ctx.lex.surnames.get(lower).is_some_and(|amb| !amb);
            if (after_said || before_said || apposition)
                && !commonish
                && (!single || known_surname)
                && person_ok(ctx, a, e)
                && !covered(chosen, span)
            {
                new.push(Cand::new(span, EntityKind::Person, 50, "context"));
            }
            i = e;
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
    matches!(
        t,
        "The"
            | "A"
            | "An"
            | "In"
            | "On"
            | "At"
            | "By"
            | "For"
            | "From"
            | "To"
            | "Of"
            | "And"
            | "But"
            | "Or"
            | "As"
            | "Across"
            | "After"
            | "Before"
            | "With"
            | "Without"
            | "During"
            | "Under"
            | "Over"
            | "Since"
            | "While"
            | "When"
            | "Where"
            | "If"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "He"
            | "She"
            | "It"
            | "They"
            | "We"
            | "I"
            | "His"
            | "Her"
            | "Its"
            | "Their"
            | "Our"
            | "My"
            | "Your"
            | "Some"
            | "Many"
            | "Most"
            | "All"
            | "No"
            | "Not"
            | "Yet"
            | "So"
            | "Then"
            | "Also"
            | "Even"
            | "Only"
            | "More"
            | "Less"
            | "Both"
            | "Each"
            | "Every"
            | "Another"
            | "Other"
            | "Such"
            | "Among"
            | "Amid"
            | "Despite"
            | "Until"
            | "Although"
            | "Though"
            | "However"
            | "Meanwhile"
            | "Instead"
            | "Still"
            | "Now"
            | "Here"
            | "There"
            | "What"
            | "Who"
            | "Why"
            | "How"
            | "Which"
            | "Whereas"
            | "Besides"
            | "Within"
            | "Into"
            | "January"
            | "February"
            | "March"
            | "April"
            | "May"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
            | "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "Jan."
            | "Feb."
            | "Mar."
            | "Apr."
            | "Jun."
            | "Jul."
            | "Aug."
            | "Sep."
            | "Sept."
            | "Oct."
            | "Nov."
            | "Dec."
    )
}
