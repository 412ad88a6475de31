//! Reported speech: "X said (that) ...", "X told Y that ...", "according to X", "..., X said",
//! and the parenthetical "The decline, officials say, has been ...".
//!
//! A cue that attributes a direct quote is not repeated here; a reported clause holding a
//! partial quote is.

use gazette_core::{Attribution, AttributionKind, Quote, QuoteKind, Source, Span, TokenKind};

use crate::ctx::Ctx;
use crate::lexicon;
use crate::source;

/// Finds the attributions of every prose sentence. `quotes` are sorted by span.
pub(crate) fn find(ctx: &Ctx<'_>, quotes: &[Quote]) -> Vec<Attribution> {
    let direct_cues = SpanSet::new(
        quotes.iter().filter(|q| q.kind == QuoteKind::Direct).filter_map(|q| q.cue).collect(),
    );
    // Only an unquoted speech verb, "according" or direct-quote cue does anything below.
    let candidates: Vec<usize> = (0..ctx.len())
        .filter(|&k| {
            (ctx.is_reporting_word(k) || direct_cues.contains(ctx.span(k)))
                && !ctx.in_quote.get(k).copied().unwrap_or(true)
        })
        .collect();
    let mut out = Vec::new();
    for sent in &ctx.layout.sentences {
        if !ctx.layout.paragraphs.get(sent.paragraph).is_some_and(|p| p.is_prose()) {
            continue;
        }
        let (s, e) = (sent.tokens.start, sent.tokens.end);
        let mut last_source: Option<Source> = None;
        let from = candidates.partition_point(|&k| k < s);
        for &k in candidates.iter().skip(from).take_while(|&&k| k < e) {
            let found = if ctx.low(k) == "according" && ctx.low(k + 1) == "to" {
                according_to(ctx, k, s, e)
            } else if let Some(v) = ctx.speech_verb(k) {
                if direct_cues.contains(ctx.span(k)) {
                    None
                } else if v.participle {
                    last_source.clone().and_then(|src| {
                        let c = content_after(ctx, k + 1, e)?;
                        Some(Attribution {
                            kind: v.kind,
                            content: c,
                            source: src,
                            cue: ctx.span(k),
                        })
                    })
                } else if v.strong || ctx.low(k + 1) == "that" {
                    verb(ctx, k, v.kind, s, e)
                } else {
                    None
                }
            } else {
                None
            };
            if let Some(a) = found {
                last_source = Some(a.source.clone());
                out.push(a);
            } else if direct_cues.contains(ctx.span(k)) {
                // Direct-quote cue: remember its speaker for a following "citing ...".
                let cue = ctx.span(k);
                let i = quotes.partition_point(|q| q.span.start() < cue.start());
                let sp = [i.checked_sub(1), Some(i)]
                    .into_iter()
                    .flatten()
                    .filter_map(|i| quotes.get(i))
                    .find(|q| q.cue == Some(cue));
                last_source = sp.and_then(|q| q.speaker.clone()).or(last_source);
            }
        }
    }
    out
}

/// A small set of spans, asked about every token: a 256-bit filter on start offsets answers
/// most questions without the binary search.
struct SpanSet {
    sorted: Vec<Span>,
    starts: [u64; 4],
}

impl SpanSet {
    fn new(mut spans: Vec<Span>) -> SpanSet {
        spans.sort();
        let mut starts = [0u64; 4];
        for s in &spans {
            let (word, bit) = filter_bit(*s);
            if let Some(w) = starts.get_mut(word) {
                *w |= bit;
            }
        }
        SpanSet { sorted: spans, starts }
    }

    fn contains(&self, span: Span) -> bool {
        let (word, bit) = filter_bit(span);
        self.starts.get(word).is_some_and(|w| w & bit != 0)
            && self.sorted.binary_search(&span).is_ok()
    }
}

/// The word and bit of a span in the filter.
fn filter_bit(span: Span) -> (usize, u64) {
    let b = span.start() % 256;
    (b / 64, 1 << (b % 64))
}

fn according_to(ctx: &Ctx<'_>, k: usize, s: usize, e: usize) -> Option<Attribution> {
    let src = source::after(ctx, k + 2, e)?;
    let cue = ctx.span_of(k, k + 1);
    let src_end = src.span.map(|sp| ctx.tokens.partition_point(|t| t.span.end() <= sp.end()))?;
    let content = if k > s {
        trim_span(ctx, s, k.saturating_sub(1))?
    } else {
        // "According to X, ...".
        let mut c = src_end;
        while c < e && ctx.is_punct(c, ",") {
            c += 1;
        }
        content_after(ctx, c, e)?
    };
    Some(Attribution { kind: AttributionKind::AccordingTo, content, source: src, cue })
}

fn verb(ctx: &Ctx<'_>, k: usize, kind: AttributionKind, s: usize, e: usize) -> Option<Attribution> {
    let cue = ctx.span(k);
    let before = source::before(ctx, k, s);
    // "Two bidders had dropped out, said a person familiar with the talks": after a comma, a
    // long clause with no name is the content, and the phrase after the verb the source.
    let inverted_first = k >= s + 2
        && matches!(ctx.low(k), "said" | "says" | "added" | "adds")
        && ctx.is_punct(k - 1, ",")
        && before.as_ref().is_some_and(|b| {
            // "The dealer, who declined to be named, said ...", "National Self, a developer
            // of ..., said": a noun phrase with its relative clause or apposition is a subject,
            // not a clause.
            b.entity.is_none()
                && b.span.is_some_and(|sp| {
                    let t = ctx.slice(sp);
                    t.split_whitespace().count() >= 5
                        && ![", who", ", which", ", a ", ", an ", ", the "]
                            .iter()
                            .any(|m| t.contains(m))
                })
        })
        && (matches!(ctx.low(k + 1), "a" | "an" | "the" | "one" | "another" | "two" | "three")
            || ctx.mention(k + 1).is_some())
        // "..., said the presidency would try again": a verb after it makes it the content
        // (up to the clause end or a relative clause or apposition after a comma).
        && (k + 1..e)
            .take_while(|&t| {
                let apposition = ctx.is_punct(t, ",")
                    && matches!(ctx.low(t + 1), "who" | "which" | "a" | "an" | "the");
                !ctx.is_clause_end(t) && !apposition
            })
            .all(|t| {
                !matches!(
                    ctx.low(t),
                    "would" | "will" | "could" | "can" | "may" | "might" | "should" | "must"
                        | "is" | "are" | "was" | "were" | "has" | "have" | "had" | "did"
                        | "does" | "that"
                )
            });
    if inverted_first {
        if let (Some(src), Some(content)) = (source::after(ctx, k + 1, e), trim_span(ctx, s, k - 2))
        {
            return Some(Attribution { kind, content, source: src, cue });
        }
    }
    if let Some(src) = before {
        // The subject phrase starts at its title or appositive when it precedes the name.
        let first = [src.span, src.role].into_iter().flatten().map(|sp| sp.start()).min();
        let subj_start =
            first.map(|p| ctx.tokens.partition_point(|t| t.span.end() <= p)).unwrap_or(k);
        let before_subj = subj_start.checked_sub(1).filter(|&b| b > s && ctx.is_punct(b, ","));
        // Parenthetical: "The decline, officials say, has been ...".
        if let Some(b) = before_subj {
            if ctx.is_punct(k + 1, ",") && !ctx.is_quote(k + 2) {
                let content = trim_span(ctx, s, e - 1)?;
                return Some(Attribution { kind, content, source: src, cue });
            }
            // "..., X said in May."
            let rest_has_that = (k + 1..e.min(k + 8)).any(|t| ctx.low(t) == "that");
            if !rest_has_that && !ctx.is_quote(b - 1) {
                let tail_short = e.saturating_sub(k) <= 6;
                // "..., the statistics office said on Tuesday, as ...", "..., officials said
                // Friday": a time or a comma after the verb, no clause.
                let next = ctx.low(k + 1);
                let timed = ctx.is_punct(k + 1, ",")
                    || lexicon::is_weekday(next)
                    || matches!(next, "yesterday" | "today" | "tonight")
                    // "last week", "this month", "late on Friday", not "this will ...".
                    || (matches!(next, "last" | "this" | "earlier" | "late")
                        && matches!(
                            ctx.low(k + 2),
                            "week" | "month" | "year" | "morning" | "afternoon" | "evening"
                                | "night" | "weekend" | "quarter" | "on" | "in" | "," | "."
                        ))
                    || (matches!(next, "on" | "in")
                        && (lexicon::is_month(ctx.low(k + 2))
                            || lexicon::is_weekday(ctx.low(k + 2))
                            || matches!(ctx.low(k + 2), "a" | "its" | "their" | "his" | "her")));
                // "However, officials said ...": a few words before the comma are an adverbial,
                // not the content.
                let clause_before = b.saturating_sub(s) >= 4;
                if (tail_short || timed) && clause_before {
                    let content = trim_span(ctx, s, b - 1)?;
                    return Some(Attribution { kind, content, source: src, cue });
                }
            }
        }
        let start = skip_to_content(ctx, k + 1, e, kind);
        let content = content_after(ctx, start, e)?;
        return Some(Attribution { kind, content, source: src, cue });
    }
    // Inverted: "..., said a senior official."
    if k >= s + 2 && ctx.is_punct(k - 1, ",") {
        let src = source::after(ctx, k + 1, e)?;
        let content = trim_span(ctx, s, k - 2)?;
        return Some(Attribution { kind, content, source: src, cue });
    }
    None
}

/// Skips an object ("told reporters") or adjunct ("in a statement") up to "that", and "that".
fn skip_to_content(ctx: &Ctx<'_>, from: usize, e: usize, kind: AttributionKind) -> usize {
    let reach = if kind == AttributionKind::Told { 10 } else { 8 };
    for t in from..e.min(from + reach) {
        if ctx.low(t) == "that" {
            return t + 1;
        }
        if ctx.is_punct(t, ",") || ctx.is_quote(t) || ctx.is_clause_end(t) {
            break;
        }
    }
    if kind == AttributionKind::Told {
        // "told reporters ...": skip the object.
        let mut t = from;
        while t < e
            && t < from + 3
            && (ctx.is_word(t) && crate::lexicon::pronoun(ctx.low(t)).is_none())
        {
            t += 1;
        }
        return t;
    }
    from
}

/// The clause from token `a` to the sentence end, without the final period (a period inside a
/// closing quote is kept).
fn content_after(ctx: &Ctx<'_>, a: usize, e: usize) -> Option<Span> {
    if a >= e {
        return None;
    }
    trim_span(ctx, a, e - 1)
}

/// Tokens `a..=b` without trailing `, . ; :` and without leading commas.
fn trim_span(ctx: &Ctx<'_>, mut a: usize, mut b: usize) -> Option<Span> {
    while a <= b && ctx.kind(a) == Some(TokenKind::Punct) {
        a += 1;
    }
    while b > a && ctx.kind(b) == Some(TokenKind::Punct) {
        b -= 1;
    }
    if a > b || ctx.kind(a) == Some(TokenKind::Punct) {
        return None;
    }
    Some(ctx.span_of(a, b))
}
