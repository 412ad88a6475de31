//! Numeric claims: counts, percentages, money, multiples, fractions, ranges and vague counts,
//! with qualifier, counted noun, period, direction of change and source.
//!
//! Years, dates, times, "No. 10", ordinals and "one" as a pronoun or determiner are not
//! quantities.

use gazette_core::{Attribution, Change, EntityKind, Quantity, Quote, Source, Span, TokenKind};

use crate::ctx::Ctx;
use crate::lexicon::{self, NumberWord};

/// The number expression found at a token.
#[derive(Clone, Debug)]
struct Num {
    /// First and last token of the expression (qualifier excluded).
    first: usize,
    last: usize,
    /// Byte span (may cut a compound token: the "50" of "50-yard").
    span: Span,
    value: Option<f64>,
    low: Option<f64>,
    high: Option<f64>,
    unit: Option<String>,
}

/// Finds the quantities of every prose paragraph.
pub(crate) fn find(ctx: &Ctx<'_>, attributions: &[Attribution], quotes: &[Quote]) -> Vec<Quantity> {
    let mut out = Vec::new();
    for para in ctx.layout.paragraphs.iter().filter(|p| p.is_prose()) {
        let range = para.tokens.clone();
        let mut i = range.start;
        while let Some(start) = (i..range.end).find(|&k| ctx.may_start_number(k)) {
            match number_at(ctx, start, range.end) {
                Some(num) => {
                    let next = num.last + 1;
                    if let Some(q) = quantity(ctx, num, attributions, quotes) {
                        out.push(q);
                    }
                    i = next.max(start + 1);
                }
                None => i = start + 1,
            }
        }
    }
    out
}

fn parse_digits(s: &str) -> Option<f64> {
    if s.contains(':') || s.is_empty() {
        return None;
    }
    // Most numbers are digits and thousands separators: read them without allocating. Up to 15
    // digits the integer is exact in an f64, as `parse` would give it.
    if s.bytes().all(|b| b.is_ascii_digit() || b == b',') {
        let digits = s.bytes().filter(u8::is_ascii_digit);
        if (1..=15).contains(&digits.clone().count()) {
            let n = digits.fold(0u64, |n, b| n * 10 + u64::from(b - b'0'));
            return Some(n as f64);
        }
    }
    if !s.contains(',') {
        return s.parse::<f64>().ok().filter(|v| v.is_finite());
    }
    let clean: String = s.chars().filter(|&c| c != ',').collect();
    clean.parse::<f64>().ok().filter(|v| v.is_finite())
}

fn parse_fraction(s: &str) -> Option<f64> {
    let (a, b) = s.split_once('/')?;
    let a: f64 = a.parse().ok()?;
    let b: f64 = b.parse().ok()?;
    if b == 0.0 {
        return None;
    }
    Some(a / b)
}

/// A bare number (no range) at token `i`: (value, last token, span end, kind).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Plain,
    Vague,
    Multiple,
    Fraction,
}

fn bare(ctx: &Ctx<'_>, i: usize, end: usize) -> Option<(Option<f64>, usize, Kind)> {
    match ctx.kind(i)? {
        TokenKind::Number => {
            let mut v = parse_digits(ctx.raw(i))?;
            let mut last = i;
            if i + 1 < end && ctx.kind(i + 1) == Some(TokenKind::Fraction) {
                v += parse_fraction(ctx.raw(i + 1)).unwrap_or(0.0);
                last = i + 1;
            }
            Some((Some(v), last, Kind::Plain))
        }
        TokenKind::Fraction => Some((parse_fraction(ctx.raw(i)), i, Kind::Fraction)),
        TokenKind::Word | TokenKind::Compound => Some(match ctx.number_word(i)? {
            NumberWord::Cardinal(v) => (Some(v), i, Kind::Plain),
            NumberWord::Vague => (None, i, Kind::Vague),
            NumberWord::Multiple(v) => (Some(v), i, Kind::Multiple),
            NumberWord::Fraction(v) => (Some(v), i, Kind::Fraction),
        }),
        _ => None,
    }
}

/// Whether a number expression may start at a token of kind `kind`, lower-cased text `low`
/// and number reading `number`: [`number_at`] finds nothing at a token that fails this test,
/// which [`Ctx`] makes once per token.
pub(crate) fn may_start(kind: TokenKind, low: &str, number: Option<NumberWord>) -> bool {
    matches!(
        kind,
        TokenKind::Number | TokenKind::Fraction | TokenKind::Compound | TokenKind::Symbol
    ) || number.is_some()
        || matches!(low, "a" | "between")
}

/// Parses a number expression starting at token `i`.
fn number_at(ctx: &Ctx<'_>, i: usize, end: usize) -> Option<Num> {
    ctx.in_quote.get(i)?;
    // "50-yard", "five-letter": a number glued to a unit noun.
    if ctx.kind(i) == Some(TokenKind::Compound) {
        return compound(ctx, i);
    }
    let (first, mut currency) = match ctx.kind(i) {
        Some(TokenKind::Symbol) => (i + 1, Some(lexicon::currency_symbol(ctx.raw(i))?)),
        _ => (i, None),
    };
    let mut between = false;
    let mut n = first;
    if currency.is_none() && ctx.low(i) == "between" {
        between = true;
        n = i + 1;
        // "between $6 and $9".
        if ctx.kind(n) == Some(TokenKind::Symbol) {
            currency = Some(lexicon::currency_symbol(ctx.raw(n))?);
            n += 1;
        }
    }
    if n >= end {
        return None;
    }
    // "a quarter", "a third of", "a fifth of".
    let (mut value, mut last, kind) = if ctx.low(n) == "a"
        && matches!(ctx.low(n + 1), "quarter" | "third" | "half" | "fifth" | "tenth")
        && !between
        && currency.is_none()
    {
        let v = match ctx.low(n + 1) {
            "quarter" => 0.25,
            "third" => 1.0 / 3.0,
            "fifth" => 0.2,
            "tenth" => 0.1,
            _ => 0.5,
        };
        // "a third of", "fell by about a third in two years"; not "a third party".
        let quantified = n > 0
            && matches!(
                ctx.low(n - 1),
                "by" | "about" | "nearly" | "roughly" | "almost" | "around" | "than"
            )
            && (ctx.kind(n + 2) != Some(TokenKind::Word)
                || matches!(
                    ctx.low(n + 2),
                    "in" | "since" | "from" | "over" | "to" | "between" | "last" | "this"
                ));
        if matches!(ctx.low(n + 1), "third" | "fifth" | "tenth")
            && ctx.low(n + 2) != "of"
            && !quantified
        {
            return None;
        }
        (Some(v), n + 1, Kind::Fraction)
    } else {
        bare(ctx, n, end)?
    };
    if kind == Kind::Fraction && ctx.low(n) == "quarter" {
        return None;
    }
    if currency.is_some() && ctx.kind(n) != Some(TokenKind::Number) {
        return None;
    }
    if kind == Kind::Plain && !keep_plain(ctx, n, last, currency.is_some()) {
        return None;
    }
    let mut unit: Option<String> = currency.map(str::to_string);
    // Scale word.
    let mut scale = 1.0;
    if matches!(kind, Kind::Plain) {
        if let Some(s) = lexicon::scale_word(ctx.low(last + 1)) {
            if last + 1 < end && !lexicon::is_vague_count(ctx.low(last + 1)) {
                scale = s;
                last += 1;
            }
        }
    }
    // "two dozen": 24.
    if matches!(kind, Kind::Plain) && ctx.low(last + 1) == "dozen" && last + 1 < end {
        scale *= 12.0;
        last += 1;
    }
    value = value.map(|v| v * scale);
    let mut low = None;
    let mut high = None;
    // Range: "six to 10", "10–15", "between 200 and 300".
    let joiner = last + 1;
    let is_join = if between {
        ctx.low(joiner) == "and"
    } else {
        ctx.low(joiner) == "to"
            || (ctx.is_dash(joiner) && ctx.span(joiner).start() == ctx.span(last).end())
    };
    if matches!(kind, Kind::Plain) && is_join && joiner + 1 < end {
        let second_start = if ctx.kind(joiner + 1) == Some(TokenKind::Symbol) && currency.is_some()
        {
            joiner + 2
        } else {
            joiner + 1
        };
        if let Some((Some(v2), l2, Kind::Plain)) = bare(ctx, second_start, end) {
            let from_to = ctx.low(joiner) == "to" && n > 0 && ctx.low(n - 1) == "from";
            let later_to = (l2 + 1..(l2 + 16).min(end)).any(|k| {
                ctx.low(k) == "to"
                    && (k + 1..(k + 4).min(end)).any(|t| {
                        ctx.kind(t) == Some(TokenKind::Number)
                            || lexicon::number_word(ctx.low(t)).is_some()
                    })
            });
            if (!from_to || later_to) && !is_date_or_year(ctx, second_start, l2) {
                let mut l2 = l2;
                let mut s2 = 1.0;
                if let Some(s) = lexicon::scale_word(ctx.low(l2 + 1)) {
                    s2 = s;
                    l2 += 1;
                }
                let s1 = if scale == 1.0 { s2 } else { scale };
                low = value.map(|v| v / scale * s1);
                high = Some(v2 * s2);
                value = None;
                last = l2;
            }
        }
    } else if between {
        return None;
    }
    // Percent and currency words.
    if (ctx.raw(last + 1) == "%" || matches!(ctx.low(last + 1), "percent" | "pct"))
        && last + 1 < end
    {
        last += 1;
        unit = Some("percent".into());
    } else if ctx.raw(last + 1) == "°" && last + 1 < end {
        // Temperatures and angles: "1.5°C", "2 °F", "45°".
        last += 1;
        unit = Some(match ctx.raw(last + 1) {
            "C" if last + 1 < end => {
                last += 1;
                "°C".into()
            }
            "F" if last + 1 < end => {
                last += 1;
                "°F".into()
            }
            _ => "°".into(),
        });
    } else if ctx.low(last + 1) == "per" && ctx.low(last + 2) == "cent" {
        last += 2;
        unit = Some("percent".into());
    } else if currency.is_none() {
        if let Some(c) = lexicon::currency_word(ctx.low(last + 1)) {
            if matches!(kind, Kind::Plain) && last + 1 < end {
                last += 1;
                unit = Some(c.into());
            }
        }
    }
    if unit.is_none() {
        unit = match kind {
            Kind::Multiple => Some("times".into()),
            Kind::Fraction => Some("fraction".into()),
            _ => None,
        };
    }
    let span = ctx.span_of(i, last);
    Some(Num { first: i, last, span, value, low, high, unit })
}

/// A plain number that is a year, a date, a time, "No. 10" or "one" as a pronoun is skipped.
fn keep_plain(ctx: &Ctx<'_>, n: usize, last: usize, money: bool) -> bool {
    if money {
        return true;
    }
    if is_date_or_year(ctx, n, last) || is_name_number(ctx, n, last) {
        return false;
    }
    if ctx.low(n) == "one" {
        // Counted "one" needs a qualifier, a rate or a "one in five" construction.
        let prev = if n > 0 { ctx.low(n - 1) } else { "" };
        let next = ctx.low(n + 1);
        return !ctx.is_capitalized(n)
            && (matches!(prev, "least" | "just" | "only" | "about" | "than" | "to" | "nearly")
                || matches!(
                    next,
                    "a" | "per" | "each" | "every" | "in" | "percent" | "million" | "billion"
                ));
    }
    true
}

/// "Pier 1 Imports", "Boeing 747", "Chapter 11": digits right after a capitalized word are part
/// of a name or a label, unless that word only starts the sentence ("About 50 people") or is a
/// month or a weekday.
fn is_name_number(ctx: &Ctx<'_>, n: usize, last: usize) -> bool {
    if n == 0 || ctx.kind(n) != Some(TokenKind::Number) {
        return false;
    }
    let p = n - 1;
    if ctx.kind(p) != Some(TokenKind::Word) || !ctx.is_capitalized(p) {
        return false;
    }
    // "Germany 4,500 tonnes, Italy 3,000": places and nationalities head list items.
    let place = ctx
        .mention(p)
        .and_then(|m| ctx.entity_of(m))
        .is_some_and(|e| matches!(e.kind, EntityKind::Loc | EntityKind::Norp));
    let w = ctx.low(p);
    if place || lexicon::is_month(w) || lexicon::is_weekday(w) {
        return false;
    }
    let sentence_start = p == 0 || ctx.sentence(p - 1) != ctx.sentence(p);
    if !sentence_start {
        return true;
    }
    // At a sentence start only a name word followed by another ("Pier 1 Imports"), not a word
    // that leads numbers ("About 50 Kenyans", "Some 20 Britons").
    let leads = lexicon::is_preposition(w)
        || lexicon::is_determiner(w)
        || matches!(
            w,
            "about"
                | "around"
                | "approximately"
                | "roughly"
                | "some"
                | "almost"
                | "nearly"
                | "over"
                | "under"
                | "just"
                | "only"
                | "more"
                | "fewer"
                | "less"
                | "up"
                | "at"
                | "least"
                | "another"
                | "all"
        );
    !leads && ctx.kind(last + 1) == Some(TokenKind::Word) && ctx.is_capitalized(last + 1)
}

fn is_date_or_year(ctx: &Ctx<'_>, n: usize, last: usize) -> bool {
    let raw = ctx.raw(n);
    let prev = if n > 0 { ctx.low(n - 1) } else { "" };
    if ctx.kind(n) == Some(TokenKind::Number) {
        let next = ctx.low(last + 1);
        if lexicon::is_month(prev) || lexicon::is_month(next) {
            return true;
        }
        if matches!(prev, "no." | "no" | "number" | "#" | "nos.")
            || matches!(next, "a.m." | "p.m." | "am" | "pm")
        {
            return true;
        }
        let is_year = raw.len() == 4
            && raw.bytes().all(|b| b.is_ascii_digit())
            && raw.parse::<u32>().is_ok_and(|y| (1000..=2100).contains(&y));
        if is_year
            && !matches!(next, "%" | "percent" | "million" | "billion")
            && lexicon::scale_word(next).is_none()
        {
            return true;
        }
    }
    false
}

/// "50-yard" → 50 (unit yards), "five-letter" → 5 (unit letters).
fn compound(ctx: &Ctx<'_>, i: usize) -> Option<Num> {
    let raw = ctx.raw(i);
    let (a, b) = raw.split_once('-')?;
    // "52-year-old", "six-month-old": an age in years (months...).
    let b = match b.strip_suffix("-old") {
        Some(unit @ ("year" | "month" | "week" | "day")) => unit,
        _ => b,
    };
    let lb = b.to_lowercase();
    if lexicon::number_word(&lb).is_some() || lexicon::fraction_word(ctx.low(i)).is_some() {
        // "twenty-five", "three-quarters".
        let (v, _, kind) = bare(ctx, i, i + 1)?;
        let unit = if kind == Kind::Fraction { Some("fraction".to_string()) } else { None };
        return Some(Num {
            first: i,
            last: i,
            span: ctx.span(i),
            value: v,
            low: None,
            high: None,
            unit,
        });
    }
    if !b.chars().all(|c| c.is_alphabetic()) || b.is_empty() {
        return None;
    }
    let la = a.to_lowercase();
    let v = if a.bytes().all(|c| c.is_ascii_digit() || c == b',' || c == b'.') {
        parse_digits(a)?
    } else if la == "one" {
        return None;
    } else {
        lexicon::number_word(&la)?
    };
    let start = ctx.span(i).start();
    let span = Span::try_new(start, start + a.len())?;
    let unit = if lb.ends_with('s') { lb } else { format!("{lb}s") };
    Some(Num { first: i, last: i, span, value: Some(v), low: None, high: None, unit: Some(unit) })
}

/// Words that end a counted-noun phrase.
fn stops_unit(w: &str) -> bool {
    lexicon::is_preposition(w)
        || lexicon::is_determiner(w)
        || lexicon::is_subordinator(w)
        || lexicon::is_relative(w)
        || matches!(
            w,
            "is" | "are"
                | "was"
                | "were"
                | "be"
                | "been"
                | "have"
                | "has"
                | "had"
                | "will"
                | "would"
                | "could"
                | "can"
                | "may"
                | "might"
                | "must"
                | "should"
                | "do"
                | "did"
                | "does"
                | "now"
                | "still"
                | "also"
                | "already"
                | "not"
                | "each"
                | "per"
                | "every"
                | "ago"
                | "more"
                | "less"
                | "than"
                | "and"
                | "or"
        )
        || w.ends_with("ly")
        || w.ends_with("ing")
}

fn quantity(
    ctx: &Ctx<'_>,
    mut num: Num,
    attributions: &[Attribution],
    quotes: &[Quote],
) -> Option<Quantity> {
    let first = num.first;
    // Qualifier before the expression.
    let p1 = first.checked_sub(1).map(|k| ctx.low(k)).unwrap_or("");
    let p2 = first.checked_sub(2).map(|k| ctx.low(k)).unwrap_or("");
    let p3 = first.checked_sub(3).map(|k| ctx.low(k)).unwrap_or("");
    let qualifier = match (p3, p2, p1) {
        ("as", "few", "as") => Some("as few as"),
        ("as", "many", "as") => Some("as many as"),
        ("as", "much", "as") => Some("as much as"),
        (_, "up", "to") => Some("up to"),
        (_, "at", "least") => Some("at least"),
        (_, "more", "than") => Some("more than"),
        (_, "fewer", "than") => Some("fewer than"),
        (_, "less", "than") => Some("less than"),
        (_, "peak", "of") => Some("peak"),
        (_, _, "almost") => Some("almost"),
        (_, _, "about" | "around" | "approximately" | "roughly" | "some") => Some("about"),
        (_, _, "nearly") => Some("nearly"),
        (_, _, "over") => Some("over"),
        (_, _, "under") => Some("under"),
        (_, _, "just" | "only") => Some("just"),
        (_, _, "peak") => Some("peak"),
        _ => None,
    };
    // Counted noun.
    if num.unit.is_none() {
        let mut k = num.last + 1;
        if ctx.low(k) == "of" && num.value.is_none() && num.low.is_none() {
            k += 1;
            while lexicon::is_determiner(ctx.low(k)) && k < num.last + 4 {
                k += 1;
            }
        }
        let s = k;
        let mut e = None;
        let mut joined = false;
        while k < s + 5 && ctx.paragraph(k) == ctx.paragraph(num.last) {
            let w = ctx.low(k);
            let wordish = ctx.is_word(k) && !ctx.in_quote.get(k).copied().unwrap_or(true);
            if !wordish {
                break;
            }
            if matches!(w, "and" | "or")
                && !joined
                && e.is_some()
                && ctx.is_word(k + 1)
                && !stops_unit(ctx.low(k + 1))
            {
                joined = true;
                k += 1;
                continue;
            }
            if stops_unit(w)
                || ctx.speech_verb(k).is_some()
                || lexicon::number_word(w).is_some()
                || lexicon::fraction_word(w).is_some()
                || (k > s && w.ends_with("ed"))
            {
                break;
            }
            e = Some(k);
            k += 1;
            // A plural noun heads the phrase: "foreign recruits", "goats and camels".
            let plural = (w.len() > 3 && w.ends_with('s') && !w.ends_with("ss"))
                || matches!(
                    w,
                    "people"
                        | "men"
                        | "women"
                        | "children"
                        | "police"
                        | "cattle"
                        | "sheep"
                        | "staff"
                        | "personnel"
                        | "livestock"
                        | "feet"
                        | "geese"
                        | "mice"
                );
            if plural && !matches!(ctx.low(k), "and" | "or") {
                break;
            }
        }
        if let Some(e) = e {
            // A past participle is an adjective only inside the phrase ("radicalized men").
            let mut e = e;
            while e > s && ctx.low(e).ends_with("ed") {
                e -= 1;
            }
            if !(e == s && ctx.low(e).ends_with("ed")) {
                num.unit = Some(ctx.slice(ctx.span_of(s, e)).to_string());
            }
        }
    }
    // Period of a rate.
    let mut period = None;
    let unit_end = num.last + 1 + num.unit.as_deref().map_or(0, |u| u.split_whitespace().count());
    for k in num.last + 1..unit_end + 6 {
        if matches!(ctx.low(k), "each" | "per" | "a" | "an" | "every") {
            if let Some(p) = lexicon::period_word(ctx.low(k + 1)) {
                if ctx.low(k + 2) != "ago" && ctx.low(k + 2) != "earlier" {
                    period = Some(p.to_string());
                    break;
                }
            }
        }
        if ctx.is_clause_end(k) || ctx.is_punct(k, ",") {
            break;
        }
    }
    // Direction of change: nearest change word of the sentence.
    let sent = ctx.sentence_range(num.first);
    let is_duration = num
        .unit
        .as_deref()
        .is_some_and(|u| u.split_whitespace().last().is_some_and(lexicon::is_duration_unit));
    let mut change: Option<Change> = None;
    if !is_duration {
        let lo = sent.start.max(num.first.saturating_sub(30));
        let hi = sent.end.min(num.last + 30);
        let before = (lo..num.first)
            .rev()
            .take_while(|&k| !clause_break(ctx, k))
            .find_map(|k| change_at(ctx, k).map(|c| (num.first - k, c)));
        let after = (num.last + 1..hi)
            .take_while(|&k| !clause_break(ctx, k))
            .find_map(|k| change_at(ctx, k).map(|c| (k - num.last, c)));
        change = match (before, after) {
            (Some((d1, c1)), Some((d2, c2))) => Some(if d1 <= d2 { c1 } else { c2 }),
            (Some((_, c)), None) | (None, Some((_, c))) => Some(c),
            (None, None) => None,
        };
    }
    let sentence = ctx
        .sentence(num.first)
        .and_then(|s| ctx.layout.sentences.get(s))
        .map(|s| s.span)
        .unwrap_or(num.span);
    let source = source_of(num.span, attributions, quotes);
    Some(Quantity {
        span: num.span,
        value: num.value,
        low: num.low,
        high: num.high,
        unit: num.unit,
        qualifier: qualifier.map(str::to_string),
        period,
        change,
        sentence,
        source,
    })
}

/// The source of the attribution whose content holds `span`, else the speaker of the quote.
fn source_of(span: Span, attributions: &[Attribution], quotes: &[Quote]) -> Option<Source> {
    // `attributions` are sorted by content start; contents of one sentence are few.
    let i = attributions.partition_point(|a| a.content.start() <= span.start());
    attributions[..i]
        .iter()
        .rev()
        .take(16)
        .filter(|a| a.content.contains(span))
        .min_by_key(|a| a.content.len())
        .map(|a| a.source.clone())
        .or_else(|| {
            let i = quotes.partition_point(|q| q.span.end() < span.end());
            quotes.get(i).filter(|q| q.span.contains(span)).and_then(|q| q.speaker.clone())
        })
}

/// `;`, a dash, or a comma before a coordinating conjunction ends the clause of a number.
fn clause_break(ctx: &Ctx<'_>, k: usize) -> bool {
    match ctx.raw(k) {
        ";" => ctx.kind(k) == Some(TokenKind::Punct),
        "\u{2014}" => true,
        "," => {
            ctx.kind(k) == Some(TokenKind::Punct)
                && matches!(ctx.low(k + 1), "and" | "but" | "while" | "whereas")
        }
        _ => false,
    }
}

/// The direction of change a word gives ("fell", "rose", "up from", "down to").
fn change_at(ctx: &Ctx<'_>, k: usize) -> Option<Change> {
    match ctx.low(k) {
        "up" if ctx.low(k + 1) == "from" => Some(Change::Up),
        "down"
            if matches!(ctx.low(k + 1), "from" | "to")
                || ctx.kind(k + 1) == Some(TokenKind::Number) =>
        {
            Some(Change::Down)
        }
        "up" | "down" => None,
        w => lexicon::change_word(w),
    }
}
