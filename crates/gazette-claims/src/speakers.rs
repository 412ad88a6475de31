//! The speaker sieve: small rules tried most reliable first, each returning the speaker and
//! the cue of one quoted piece or nothing.
//!
//! 1. [`cue_after`]: `"...," said X` / `"...," X said` / `"...," the minister, X, told ...`.
//! 2. [`cue_before`]: `X said: "..."` / `X told journalists, "..."` / `"A," X said, "B."`.
//! 3. [`cue_in_sentence`]: a speech verb of the same sentence whose clause holds the quote
//!    (`announced that there was "a fourfold decrease"`, `"..." on ..., said an official`);
//!    then [`colon_subject`]: `Alito cut her off: "..."`.
//! 4. continuation: a quote with no cue continues the quote just before it (same paragraph,
//!    or the next paragraph when the quote opens it).

use gazette_core::{Quote, QuoteKind, Source, Span};

use crate::ctx::Ctx;
use crate::quotes::Piece;
use crate::source;

/// Tokens looked at on each side of a quote for a cue.
const WINDOW: usize = 14;
/// Tokens looked at within the sentence for a governing speech verb.
const SENTENCE_WINDOW: usize = 60;

/// Which rule found a speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Rule {
    CueAfter,
    CueBefore,
    InSentence,
    Continuation,
}

/// A speaker and its cue.
#[derive(Clone, Debug)]
pub(crate) struct Found {
    pub source: Source,
    pub cue: Option<Span>,
    pub rule: Rule,
}

/// Attributes every piece, in order.
pub(crate) fn attribute(ctx: &Ctx<'_>, pieces: &[Piece]) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::with_capacity(pieces.len());
    let mut prev: Option<(usize, Option<Source>, QuoteKind)> = None;
    for piece in pieces {
        let prev_prose = previous_prose(ctx, piece.paragraph);
        let before = embedded_before(ctx, piece);
        let after = embedded_after(ctx, piece);
        let mut found = cue_after(ctx, piece)
            .or_else(|| cue_before(ctx, piece))
            .or_else(|| cue_in_sentence(ctx, piece))
            .or_else(|| colon_subject(ctx, piece));
        if found.is_none() && !before && !after {
            found = continuation(ctx, piece, prev.as_ref(), prev_prose);
        }
        // Only short quotes matter: words are counted up to five, and only when needed.
        let words = || ctx.slice(piece.span).split_whitespace().take(5).count();
        let kind = match found.as_ref().map(|f| f.rule) {
            Some(Rule::CueAfter | Rule::CueBefore) if !after => QuoteKind::Direct,
            Some(Rule::CueAfter | Rule::CueBefore) => QuoteKind::Partial,
            Some(_) if before || after => QuoteKind::Partial,
            Some(_) => QuoteKind::Direct,
            None if (before || after) && words() <= 4 => QuoteKind::Other,
            None if before || after => QuoteKind::Partial,
            None if words() <= 3 && !ends_with_punct(ctx, piece) => QuoteKind::Other,
            None => QuoteKind::Direct,
        };
        let (speaker, cue) = match (kind, found) {
            (QuoteKind::Other, _) | (_, None) => (None, None),
            (_, Some(f)) => (Some(f.source), f.cue),
        };
        prev = Some((piece.paragraph, speaker.clone(), kind));
        out.push(Quote { span: piece.span, kind, speaker, cue });
    }
    out
}

/// The last non-space character of the quote is punctuation (`,` `.` `?` `!` `—` `…`).
fn ends_with_punct(ctx: &Ctx<'_>, piece: &Piece) -> bool {
    ctx.slice(piece.span).trim_end().chars().last().is_some_and(|c| {
        matches!(c, ',' | '.' | '?' | '!' | '\u{2014}' | '\u{2013}' | '-' | '\u{2026}' | ':' | ';')
            || c == '\'' && ctx.slice(piece.span).trim_end().len() > 2
            || c == '\u{2019}'
    })
}

/// The quote is preceded, within its paragraph, by a word of the writer's clause (`was "a
/// base effect"`), not by punctuation or a speech verb.
fn embedded_before(ctx: &Ctx<'_>, piece: &Piece) -> bool {
    let Some(o) = piece.open else { return false };
    let Some(p) = o.checked_sub(1) else { return false };
    if ctx.paragraph(p) != Some(piece.paragraph) {
        return false;
    }
    (ctx.is_word(p) || ctx.kind(p) == Some(gazette_core::TokenKind::Number))
        && ctx.speech_verb(p).is_none()
}

/// The writer's clause goes on after the quote: `"open for business" within two years`.
fn embedded_after(ctx: &Ctx<'_>, piece: &Piece) -> bool {
    let Some(c) = piece.close else { return false };
    let n = c + 1;
    if ctx.paragraph(n) != Some(piece.paragraph) || ends_with_punct(ctx, piece) {
        return false;
    }
    ctx.is_lowercase_word(n)
        && ctx.speech_verb(n).is_none()
        && crate::lexicon::pronoun(ctx.low(n)).is_none()
}

/// Rule 1: a cue right after the closing mark: `"...," said X`, `"...," X said`.
pub(crate) fn cue_after(ctx: &Ctx<'_>, piece: &Piece) -> Option<Found> {
    let c = piece.close?;
    let para_end = ctx.paragraph_range(c).end;
    let mut j = c + 1;
    while j < para_end && j < c + 3 && (ctx.is_punct(j, ",") || ctx.is_dash(j)) {
        j += 1;
    }
    if j >= para_end {
        return None;
    }
    let text = ctx.slice(piece.span).trim_end();
    if text.ends_with('.') && ctx.is_capitalized(j) && ctx.speech_verb(j).is_none() {
        // `"... done." Neumann ...` starts a new sentence.
        return None;
    }
    let hi = (j + WINDOW * 2).min(para_end);
    if embedded_after(ctx, piece) {
        return None;
    }
    if let Some(v) = ctx.speech_verb(j) {
        if !v.participle {
            let src = source::after(ctx, j + 1, hi)?;
            return Some(Found { source: src, cue: Some(ctx.span(j)), rule: Rule::CueAfter });
        }
        return None;
    }
    let mut k = j;
    while k < hi && k < j + WINDOW {
        if ctx.is_quote(k) || ctx.is_clause_end(k) {
            return None;
        }
        if let Some(v) = ctx.speech_verb(k) {
            if v.participle {
                return None;
            }
            let src = source::before(ctx, k, j)?;
            return Some(Found { source: src, cue: Some(ctx.span(k)), rule: Rule::CueAfter });
        }
        k += 1;
    }
    None
}

/// Rule 2: a cue before the opening mark, ending with `:` or `,`: `X said: "..."`.
pub(crate) fn cue_before(ctx: &Ctx<'_>, piece: &Piece) -> Option<Found> {
    let o = piece.open?;
    let para_start = ctx.paragraph_range(o).start;
    let t = o.checked_sub(1)?;
    if t < para_start {
        return None;
    }
    let mut k = t;
    if ctx.is_punct(t, ":") || ctx.is_punct(t, ",") || ctx.is_dash(t) {
        k = t.checked_sub(1)?;
    } else if ctx.speech_verb(t).is_none() {
        return None;
    }
    let lo = para_start.max(o.saturating_sub(WINDOW * 3));
    let stop = k.saturating_sub(8).max(lo);
    loop {
        if k < stop || ctx.is_quote(k) || ctx.is_clause_end(k) {
            return None;
        }
        if let Some(v) = ctx.speech_verb(k) {
            if v.participle {
                return None;
            }
            let src = source::before(ctx, k, lo).or_else(|| source::after(ctx, k + 1, t))?;
            return Some(Found { source: src, cue: Some(ctx.span(k)), rule: Rule::CueBefore });
        }
        k = k.checked_sub(1)?;
    }
}

/// Rule 3b: a quote after a colon, in a sentence that opens with a person or "he"/"she" and a
/// verb that is no speech verb: `Alito cut her off: "..."`, `She put it bluntly: "..."`.
pub(crate) fn colon_subject(ctx: &Ctx<'_>, piece: &Piece) -> Option<Found> {
    let o = piece.open?;
    let t = o.checked_sub(1)?;
    if !ctx.is_punct(t, ":") {
        return None;
    }
    let s0 = ctx.sentence_range(o).start;
    if s0 >= t || t - s0 > WINDOW || (s0..t).any(|k| ctx.is_quote(k)) {
        return None;
    }
    // The subject: "he"/"she" opening the sentence, or a person opening it (after title
    // words: "Justice Samuel Ashgrove cut her off:") or opening a clause after a comma ("Asked
    // whether ..., Reinholt shrugged:").
    let mut subject = None;
    if let Some(p) = crate::lexicon::pronoun(ctx.low(s0)) {
        if matches!(p, crate::lexicon::Pronoun::Person(_)) {
            subject = source::resolve_pronoun(ctx, s0, p).map(|src| (src, s0 + 1));
        }
    } else {
        let mut k = s0;
        while k < t {
            if let Some((m, a, b)) = ctx.mention_tokens(k) {
                let opens = a == s0
                    || ctx.is_punct(a - 1, ",")
                    || (s0..a).all(|x| ctx.is_capitalized(x) && ctx.is_word(x));
                if opens
                    && ctx.entity_of(m).map(|e| e.kind) == Some(gazette_core::EntityKind::Person)
                {
                    if let Some(src) = ctx.mention_source(m, None) {
                        subject = Some((src, b + 1));
                    }
                }
                k = b + 1;
            } else {
                k += 1;
            }
        }
    }
    let (source, verb) = subject?;
    if verb >= t || !ctx.is_lowercase_word(verb) || (verb..t).any(|k| ctx.is_clause_end(k)) {
        return None;
    }
    Some(Found { source, cue: None, rule: Rule::CueBefore })
}

/// Rule 3: a speech verb of the sentence governs the quote.
pub(crate) fn cue_in_sentence(ctx: &Ctx<'_>, piece: &Piece) -> Option<Found> {
    let o = piece.open?;
    // Backward, within the sentence of the opening mark.
    let sent = ctx.sentence_range(o);
    let lo = sent.start.max(o.saturating_sub(SENTENCE_WINDOW));
    let mut k = o;
    while k > lo {
        k -= 1;
        if ctx.in_quote.get(k).copied().unwrap_or(true) {
            continue;
        }
        // "has called for \"flexibility\"": "call for" reports what someone asked for.
        let call_for = matches!(ctx.low(k), "call" | "calls" | "called" | "calling")
            && ctx.low(k + 1) == "for";
        let verb = ctx.speech_verb(k).or_else(|| {
            call_for.then_some(crate::lexicon::Verb {
                kind: gazette_core::AttributionKind::Other,
                strong: true,
                participle: ctx.low(k) == "calling",
            })
        });
        if let Some(v) = verb {
            if v.strong || ctx.low(k + 1) == "that" {
                // "X said ... but urged ...": the subject of the first verb.
                let coordinated = k > lo && matches!(ctx.low(k - 1), "and" | "but");
                if v.participle || coordinated {
                    // "..., saying that ...": the subject of the main clause.
                    let main =
                        (lo..k).rev().find(|&i| ctx.speech_verb(i).is_some_and(|v| !v.participle));
                    if let Some(mv) = main {
                        if let Some(src) = source::before(ctx, mv, lo) {
                            return Some(Found {
                                source: src,
                                cue: Some(ctx.span(k)),
                                rule: Rule::InSentence,
                            });
                        }
                    }
                    continue;
                }
                if let Some(src) = source::before(ctx, k, lo) {
                    return Some(Found {
                        source: src,
                        cue: Some(ctx.span(k)),
                        rule: Rule::InSentence,
                    });
                }
            }
        }
    }
    // Forward, within the sentence of the closing mark: `"..." on ..., said an official`.
    let c = piece.close?;
    let sent = ctx.sentence_range(c);
    let hi = sent.end.min(c + SENTENCE_WINDOW);
    for k in c + 1..hi {
        if ctx.in_quote.get(k).copied().unwrap_or(true) {
            continue;
        }
        let Some(v) = ctx.speech_verb(k) else { continue };
        if v.participle || !v.strong {
            continue;
        }
        if k > 0 && ctx.is_punct(k - 1, ",") {
            if let Some(src) = source::after(ctx, k + 1, hi) {
                return Some(Found { source: src, cue: Some(ctx.span(k)), rule: Rule::InSentence });
            }
        }
        if ctx.is_clause_end(k + 1) || k + 1 >= hi {
            if let Some(src) = source::before(ctx, k, c + 1) {
                return Some(Found { source: src, cue: Some(ctx.span(k)), rule: Rule::InSentence });
            }
        }
        return None;
    }
    None
}

/// The prose paragraph before paragraph `p`, skipping a few non-prose ones ("Advertisement").
fn previous_prose(ctx: &Ctx<'_>, p: usize) -> Option<usize> {
    (p.saturating_sub(4)..p)
        .rev()
        .find(|&q| ctx.layout.paragraphs.get(q).is_some_and(|x| x.is_prose()))
}

/// Rule 4: continuation of the previous quote.
fn continuation(
    ctx: &Ctx<'_>,
    piece: &Piece,
    prev: Option<&(usize, Option<Source>, QuoteKind)>,
    prev_prose: Option<usize>,
) -> Option<Found> {
    let (pp, Some(src), kind) = prev? else { return None };
    if *kind == QuoteKind::Other {
        return None;
    }
    let opens_paragraph = piece.open.is_some_and(|o| o == ctx.paragraph_range(o).start);
    let same = *pp == piece.paragraph;
    let next = Some(*pp) == prev_prose && (opens_paragraph || piece.continues);
    if !(same || next) {
        return None;
    }
    Some(Found { source: src.clone(), cue: None, rule: Rule::Continuation })
}
