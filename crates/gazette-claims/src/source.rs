//! Finding the source phrase next to a speech verb: the subject before it ("Neumann said",
//! "the country's defense minister, Farhat Hachani, told") or after it ("said a senior
//! official"), with pronouns and definite descriptions ("the ministry") resolved.
//!
//! All scans are bounded by a fixed number of tokens.

use gazette_core::{EntityKind, Gender, Source, Span, TokenKind};

use crate::ctx::Ctx;
use crate::lexicon::{self, Pronoun};

/// Longest subject phrase, in tokens.
const MAX_PHRASE: usize = 24;
/// Most comma-separated segments looked at before a verb.
const MAX_SEGMENTS: usize = 5;

/// The subject of the speech verb at token `verb`, looking back no further than token `lo`.
pub(crate) fn before(ctx: &Ctx<'_>, verb: usize, lo: usize) -> Option<Source> {
    let mut i = verb.checked_sub(1)?;
    let mut steps = 0;
    while i >= lo && lexicon::is_verb_filler(ctx.low(i)) && steps < 3 {
        i = i.checked_sub(1)?;
        steps += 1;
    }
    // "Zhou Haoming (周浩明) said": a parenthesis after the name.
    if ctx.is_punct(i, ")") {
        if let Some(open) = (i.saturating_sub(6).max(lo)..i).rev().find(|&x| ctx.is_punct(x, "(")) {
            i = open.checked_sub(1)?;
        }
    }
    if i < lo || ctx.in_quote.get(i).copied().unwrap_or(true) {
        return None;
    }
    // "The storm was blamed for ...": in the passive the subject is no source.
    if matches!(ctx.low(i), "was" | "were" | "is" | "are" | "be" | "been" | "being") {
        return None;
    }
    if let Some(p) = lexicon::pronoun(ctx.low(i)) {
        return resolve_pronoun(ctx, i, p);
    }
    if ctx.is_punct(i, ",") {
        return appositive(ctx, i, lo);
    }
    if let Some((m, a, _)) = ctx.mention_tokens(i) {
        let prep = a > lo && a > 0 && lexicon::is_preposition(ctx.low(a - 1));
        let conj = a > lo && a > 0 && matches!(ctx.low(a - 1), "and" | "or");
        if !prep && !conj {
            let role = title_before(ctx, a, lo);
            return ctx.mention_source(m, role);
        }
    }
    if !ctx.is_word(i) {
        return None;
    }
    // A common-noun phrase back to the clause start.
    let mut a = i;
    while a > lo && i - a < MAX_PHRASE {
        let p = a - 1;
        if ctx.in_quote.get(p).copied().unwrap_or(true)
            || !(ctx.is_word(p)
                || ctx.kind(p) == Some(TokenKind::Possessive)
                || ctx.kind(p) == Some(TokenKind::Number))
            || lexicon::is_subordinator(ctx.low(p))
        {
            break;
        }
        a = p;
    }
    if i - a >= MAX_PHRASE {
        return None;
    }
    while a < i && (lexicon::is_clause_opener(ctx.low(a)) || ctx.low(a) == "then") {
        a += 1;
    }
    phrase(ctx, a, i)
}

/// The subject after a speech verb ("said X"), from token `j`, no further than token `hi`.
pub(crate) fn after(ctx: &Ctx<'_>, j: usize, hi: usize) -> Option<Source> {
    if j >= hi || ctx.in_quote.get(j).copied().unwrap_or(true) {
        return None;
    }
    if let Some(p) = lexicon::pronoun(ctx.low(j)) {
        return resolve_pronoun(ctx, j, p);
    }
    // Title words, then a name: "said French Prime Minister Manuel Valls".
    let mut t = j;
    while t < hi && t < j + 8 {
        if let Some((m, a, b)) = ctx.mention_tokens(t) {
            let kind = ctx.entity_of(m).map(|e| e.kind);
            let next_is_name = ctx.mention(b + 1).is_some() && b + 1 < hi;
            if matches!(kind, Some(EntityKind::Person))
                || (matches!(kind, Some(EntityKind::Org)) && !next_is_name && !titleish(ctx, b + 1))
            {
                let role = appositive_after(ctx, b, hi).or_else(|| {
                    if a > j {
                        Some(ctx.span_of(j, a - 1))
                    } else {
                        None
                    }
                });
                return ctx.mention_source(m, role);
            }
            t = b + 1;
            continue;
        }
        if !titleish(ctx, t) {
            break;
        }
        t += 1;
    }
    if !ctx.is_word(j) {
        return None;
    }
    // A common-noun phrase to the clause end.
    let mut b = j;
    while b + 1 < hi && b + 1 - j < MAX_PHRASE {
        let n = b + 1;
        if ctx.in_quote.get(n).copied().unwrap_or(true)
            || ctx.is_clause_end(n)
            || ctx.is_punct(n, ",")
            || ctx.is_dash(n)
            || ctx.is_punct(n, ":")
            || ctx.is_punct(n, "(")
        {
            break;
        }
        b = n;
    }
    phrase(ctx, j, b)
}

/// Resolves a subject pronoun at token `i` to the most recent compatible entity.
/// A person pronoun may also point back at an unnamed speaker described by a noun ("a
/// Genentech spokeswoman said ... \"...,\" she said") when that speaker came after every
/// compatible named person.
pub(crate) fn resolve_pronoun(ctx: &Ctx<'_>, i: usize, p: Pronoun) -> Option<Source> {
    let m = match p {
        Pronoun::Person(g) => {
            let m = ctx.recent_mention(i, |e| {
                e.kind == EntityKind::Person && (e.gender == g || e.gender == Gender::Unknown)
            });
            let after = m.and_then(|m| ctx.mentions.get(m)).map_or(0, |x| x.span.end());
            if let Some(mut s) = nominal_speaker(ctx, i, g, after) {
                s.span = Some(ctx.span(i));
                return Some(s);
            }
            m?
        }
        Pronoun::Thing => ctx.recent_mention(i, |e| e.kind == EntityKind::Org)?,
        Pronoun::Plural => return None,
    };
    let mut s = ctx.mention_source(m, None)?;
    s.span = Some(ctx.span(i));
    Some(s)
}

/// The nearest unnamed speaker before token `i` and after byte `after`: "a (Genentech)
/// spokeswoman", "the official" right before a speech verb, outside quotes, of a gender that
/// fits the pronoun. Within 150 tokens.
fn nominal_speaker(ctx: &Ctx<'_>, i: usize, g: Gender, after: usize) -> Option<Source> {
    let lo = i.saturating_sub(150);
    for k in (lo..i).rev() {
        if ctx.span(k).start() < after {
            return None;
        }
        if ctx.in_quote.get(k).copied().unwrap_or(true) {
            continue;
        }
        let Some(ng) = lexicon::source_noun(ctx.low(k)) else { continue };
        if ng != Gender::Unknown && g != Gender::Unknown && ng != g {
            continue;
        }
        if !(k + 1..(k + 3).min(i)).any(|v| ctx.speech_verb(v).is_some()) {
            continue;
        }
        // Back over capitalized modifiers and mentions ("a Genentech spokeswoman") to the article.
        let mut a = k;
        while a > lo && k - a < 4 && !matches!(ctx.low(a - 1), "a" | "an" | "the") && {
            let w = ctx.raw(a - 1);
            ctx.mention(a - 1).is_some()
                || (ctx.kind(a - 1) == Some(TokenKind::Word) && w.starts_with(char::is_uppercase))
        } {
            a -= 1;
        }
        if a == 0 || !matches!(ctx.low(a - 1), "a" | "an" | "the") {
            continue;
        }
        let span = ctx.span_of(a - 1, k);
        return Some(Source {
            entity: None,
            name: ctx.slice(span).to_string(),
            span: Some(span),
            role: None,
        });
    }
    None
}

/// `X, role, said` / `role, X, said`: the comma-separated segments before the comma at `i`.
fn appositive(ctx: &Ctx<'_>, comma: usize, lo: usize) -> Option<Source> {
    // Segments nearest-first, as inclusive token ranges.
    let mut segs: Vec<(usize, usize)> = Vec::new();
    let mut end = comma.checked_sub(1)?;
    let mut a = end + 1;
    let mut steps = 0;
    loop {
        if a <= lo || steps > MAX_PHRASE * 2 {
            if a <= end {
                segs.push((a, end));
            }
            break;
        }
        let p = a - 1;
        steps += 1;
        // "(D-Ore.)": a parenthesis is skipped whole, its period ends nothing.
        if ctx.is_punct(p, ")") {
            if let Some(open) =
                (p.saturating_sub(6).max(lo)..p).rev().find(|&x| ctx.is_punct(x, "("))
            {
                a = open;
                continue;
            }
        }
        if ctx.is_punct(p, ",") {
            if a <= end {
                segs.push((a, end));
            }
            if segs.len() >= MAX_SEGMENTS || p == 0 {
                break;
            }
            end = p - 1;
            a = p;
            continue;
        }
        if ctx.in_quote.get(p).copied().unwrap_or(true)
            || ctx.is_clause_end(p)
            || ctx.is_punct(p, ":")
            || (ctx.is_dash(p))
            || ctx.low(p) == "that"
        {
            if a <= end {
                segs.push((a, end));
            }
            break;
        }
        a = p;
    }
    for (k, &(sa, sb)) in segs.iter().enumerate() {
        // "Rep. Dale Whitaker (R-Ohio), who ...": a parenthesis after the name.
        let mut sb = sb;
        if sb > sa && ctx.is_punct(sb, ")") {
            if let Some(open) = (sa..sb).rev().find(|&x| ctx.is_punct(x, "(")) {
                if open > sa {
                    sb = open - 1;
                }
            }
        }
        let Some((m, ma, mb)) = ctx.mention_tokens(sb) else { continue };
        if mb != sb || ma < sa {
            continue;
        }
        let kind = ctx.entity_of(m).map(|e| e.kind);
        let exact = ma == sa;
        let titled = (sa..ma).all(|t| titleish(ctx, t) || ctx.mention(t).is_some());
        let ok = match kind {
            Some(EntityKind::Person) | Some(EntityKind::Org) => exact || titled,
            _ => exact && k + 1 == segs.len(),
        };
        if !ok {
            continue;
        }
        let role = if k == 0 {
            segs.get(1)
                .filter(|&&(ra, _)| !starts_clause(ctx, ra))
                .map(|&(ra, rb)| ctx.span_of(ra, rb))
        } else {
            let first = segs.get(k - 1).map(|s| s.0).unwrap_or(sa);
            if starts_clause(ctx, first) {
                None
            } else {
                segs.first().map(|&(_, rb)| ctx.span_of(first, rb))
            }
        };
        let role = role.or_else(|| if ma > sa { Some(ctx.span_of(sa, ma - 1)) } else { None });
        return ctx.mention_source(m, role);
    }
    // A common-noun phrase, with its relative clause: "an official, who spoke ..., said".
    let &(mut a, b) = segs.first()?;
    if lexicon::is_relative(ctx.low(a)) {
        if let Some(&(pa, pb)) = segs.get(1) {
            // "Huh Sun-yong, who will attend the talks, told": a name the entity stage missed is
            // the source, and its relative clause the role.
            if is_unrecognized_name(ctx, pa, pb) {
                let span = ctx.span_of(pa, pb);
                let mut e = b;
                while e > a && ctx.kind(e) == Some(TokenKind::Punct) {
                    e -= 1;
                }
                return Some(Source {
                    entity: None,
                    name: ctx.slice(span).to_string(),
                    span: Some(span),
                    role: Some(ctx.span_of(a, e)),
                });
            }
            a = pa;
        }
    }
    while a < b && lexicon::is_clause_opener(ctx.low(a)) {
        a += 1;
    }
    if b + 1 - a > MAX_PHRASE * 2 || lexicon::is_preposition(ctx.low(a)) {
        return None;
    }
    phrase(ctx, a, b)
}

/// Role after a name: `X, director of Y` up to the clause end.
fn appositive_after(ctx: &Ctx<'_>, b: usize, hi: usize) -> Option<Span> {
    if !ctx.is_punct(b + 1, ",") {
        return None;
    }
    let s = b + 2;
    if s >= hi || starts_clause(ctx, s) || !ctx.is_word(s) {
        return None;
    }
    let mut e = s;
    while e + 1 < hi && e + 1 - s < MAX_PHRASE * 2 {
        let n = e + 1;
        if ctx.in_quote.get(n).copied().unwrap_or(true)
            || ctx.is_clause_end(n)
            || ctx.is_dash(n)
            || (ctx.is_punct(n, ",") && starts_clause(ctx, n + 1))
            || ctx.is_punct(n, "(")
        {
            break;
        }
        e = n;
    }
    while e > s && ctx.kind(e) == Some(TokenKind::Punct) {
        e -= 1;
    }
    Some(ctx.span_of(s, e))
}

/// A relative clause, a participle clause or a speech verb starts at `i`.
fn starts_clause(ctx: &Ctx<'_>, i: usize) -> bool {
    let w = ctx.low(i);
    lexicon::is_relative(w)
        || lexicon::is_subordinator(w)
        || (w.len() > 4 && w.ends_with("ing") && ctx.is_lowercase_word(i))
        || ctx.speech_verb(i).is_some()
        || ctx.is_quote(i)
}

/// A word that can be part of a title before a name ("Prime Minister", "Brig. Gen.", "FBI").
fn titleish(ctx: &Ctx<'_>, i: usize) -> bool {
    let w = ctx.low(i);
    match ctx.kind(i) {
        Some(TokenKind::Possessive) => true,
        Some(TokenKind::Word | TokenKind::Abbreviation | TokenKind::Compound) => {
            ctx.is_capitalized(i)
                && !lexicon::is_preposition(w)
                && !lexicon::is_clause_opener(w)
                && !lexicon::is_subordinator(w)
                && !matches!(w, "the" | "a" | "an")
                && lexicon::pronoun(w).is_none()
        }
        _ => false,
    }
}

/// Pre-name title role: "French Interior Minister" before "Bernard Cazeneuve".
fn title_before(ctx: &Ctx<'_>, a: usize, lo: usize) -> Option<Span> {
    let mut s = a;
    while s > lo && s > 0 && s + 6 > a && (titleish(ctx, s - 1) || ctx.mention(s - 1).is_some()) {
        s -= 1;
    }
    while s < a && (lexicon::is_clause_opener(ctx.low(s)) || lexicon::is_preposition(ctx.low(s))) {
        s += 1;
    }
    let has_title =
        (s..a).any(|t| ctx.mention(t).is_none() && ctx.kind(t) != Some(TokenKind::Possessive));
    if s < a && has_title {
        Some(ctx.span_of(s, a - 1))
    } else {
        None
    }
}

/// A source phrase over tokens `a..=b`: a mention covering it, a definite description resolved
/// to an organization ("the ministry"), or the phrase itself.
fn phrase(ctx: &Ctx<'_>, a: usize, b: usize) -> Option<Source> {
    if a > b || !ctx.is_word(a) {
        return None;
    }
    // Trailing punctuation is not part of the phrase.
    let mut b = b;
    while b > a && ctx.kind(b) == Some(TokenKind::Punct) {
        b -= 1;
    }
    // "the Soufan Group": a mention covering all but a determiner.
    let first = if matches!(ctx.low(a), "the") && a < b { a + 1 } else { a };
    if let Some((m, ma, mb)) = ctx.mention_tokens(first) {
        if ma == first && mb == b {
            return ctx.mention_source(m, None).map(|mut s| {
                s.span = Some(ctx.span_of(a, b));
                s
            });
        }
    }
    if b == a + 1 && matches!(ctx.low(a), "the" | "this") && ctx.is_lowercase_word(b) {
        let noun = ctx.low(b);
        if let Some(m) = ctx.recent_mention(a, |e| {
            e.kind == EntityKind::Org && e.canonical.to_lowercase().split(' ').any(|w| w == noun)
        }) {
            return ctx.mention_source(m, None).map(|mut s| {
                s.span = Some(ctx.span_of(a, b));
                s
            });
        }
    }
    // A lone pronoun-like or function word is no source.
    if a == b && (ctx.kind(a) != Some(TokenKind::Word) || is_function_word(ctx.low(a))) {
        return None;
    }
    let span = ctx.span_of(a, b);
    Some(Source { entity: None, name: ctx.slice(span).to_string(), span: Some(span), role: None })
}

/// Two to four capitalized words, none of them a mention or a function word: a person's name
/// that no gazetteer or name rule caught ("Huh Sun-yong", "Olav Fjell").
fn is_unrecognized_name(ctx: &Ctx<'_>, a: usize, b: usize) -> bool {
    (1..=3).contains(&(b.saturating_sub(a)))
        && (a..=b).all(|t| {
            matches!(ctx.kind(t), Some(TokenKind::Word | TokenKind::Compound))
                && ctx.raw(t).starts_with(char::is_uppercase)
                && ctx.mention(t).is_none()
                && !is_function_word(ctx.low(t))
        })
}

fn is_function_word(w: &str) -> bool {
    lexicon::is_determiner(w)
        || lexicon::is_preposition(w)
        || lexicon::is_subordinator(w)
        || lexicon::is_relative(w)
        || matches!(
            w,
            "i" | "we"
                | "you"
                | "it"
                | "they"
                | "there"
                | "this"
                | "which"
                | "what"
                | "who"
                | "and"
                | "but"
                | "or"
                | "yet"
                | "so"
                | "then"
        )
}
