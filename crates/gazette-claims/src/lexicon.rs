//! Word lists. Every function takes a lower-cased token text.
//!
//! How to add a speech verb: add its forms to [`speech_verb`] with the attribution kind it
//! reports and whether it is *strong* (a speech verb in any position, like "said") or *weak*
//! (a speech verb only next to a quotation mark or before "that", like "added", which is also
//! an ordinary verb: "it has added 40,000 names"). Then add a line to the `speech_verbs` test.

use gazette_core::{AttributionKind, Gender};

/// A speech or reporting verb form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Verb {
    /// The attribution kind it reports.
    pub kind: AttributionKind,
    /// A speech verb wherever it stands (said, told), not only next to a quote or before "that".
    pub strong: bool,
    /// A present participle ("saying", "citing", "adding"): its subject is the clause's subject.
    pub participle: bool,
}

/// Looks a speech or reporting verb form up.
pub(crate) fn speech_verb(w: &str) -> Option<Verb> {
    use AttributionKind::*;
    let (kind, strong) = match w {
        "say" | "says" | "said" | "saying" => (SaidThat, true),
        "add" | "adds" | "added" | "adding" => (SaidThat, false),
        "tell" | "tells" | "told" | "telling" => (Told, true),
        "announce" | "announces" | "announced" | "announcing" => (Announced, true),
        "cite" | "cites" | "cited" | "citing" => (Cited, true),
        "warn" | "warns" | "warned" | "warning" | "urge" | "urges" | "urged" | "urging"
        | "insist" | "insists" | "insisted" | "insisting" | "acknowledge" | "acknowledges"
        | "acknowledged" | "declare" | "declares" | "declared" | "stress" | "stresses"
        | "stressed" | "argue" | "argues" | "argued" | "arguing" | "contend" | "contends"
        | "contended" | "predict" | "predicts" | "predicted" | "assert" | "asserts"
        | "asserted" | "admit" | "admits" | "admitted" | "concede" | "concedes" | "conceded"
        | "tweet" | "tweets" | "tweeted" | "reply" | "replies" | "replied" | "respond"
        | "responds" | "responded" | "recall" | "recalls" | "recalled" | "recalling"
        | "complain" | "complains" | "complained" | "caution" | "cautions" | "cautioned"
        | "ask" | "asks" | "asked" | "explain" | "explains" | "explained" | "explaining"
        | "allege" | "alleges" | "alleged" | "confirm" | "confirms" | "confirmed" | "deny"
        | "denies" | "denied" | "vow" | "vows" | "vowed" | "promise" | "promises" | "promised"
        | "remark" | "remarks" | "remarked" | "wonder" | "wonders" | "wondered" | "exclaim"
        | "exclaimed" | "blame" | "blames" | "blamed" | "allude" | "alludes" | "alluded" => {
            (Other, true)
        }
        "note" | "notes" | "noted" | "noting" | "write" | "writes" | "wrote" | "state"
        | "states" | "stated" | "claim" | "claims" | "claimed" | "report" | "reports"
        | "reported" | "estimate" | "estimates" | "estimated" | "find" | "finds" | "found"
        | "continue" | "continues" | "continued" | "conclude" | "concludes" | "concluded"
        | "suggest" | "suggests" | "suggested" | "believe" | "believes" | "believed" | "point"
        | "points" | "pointed" | "post" | "posted" | "observe" | "observed" | "agree"
        | "agreed" | "agrees" | "show" | "shows" | "showed" => (Other, false),
        _ => return None,
    };
    Some(Verb { kind, strong, participle: w.ends_with("ing") })
}

/// Third-person subject pronouns and the gender they require.
pub(crate) fn pronoun(w: &str) -> Option<Pronoun> {
    Some(match w {
        "he" => Pronoun::Person(Gender::Male),
        "she" => Pronoun::Person(Gender::Female),
        "it" => Pronoun::Thing,
        "they" => Pronoun::Plural,
        _ => return None,
    })
}

/// A subject pronoun.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Pronoun {
    /// "he" / "she".
    Person(Gender),
    /// "it": an organization.
    Thing,
    /// "they": not resolved.
    Plural,
}

/// Words that can stand between a subject and its speech verb ("he also said", "has said").
pub(crate) fn is_verb_filler(w: &str) -> bool {
    matches!(
        w,
        "also"
            | "recently"
            | "later"
            | "previously"
            | "earlier"
            | "then"
            | "again"
            | "once"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "could"
            | "did"
            | "does"
            | "do"
            | "may"
            | "might"
            | "publicly"
            | "repeatedly"
            | "separately"
            | "privately"
            | "often"
            | "simply"
            | "flatly"
            | "bluntly"
            | "quietly"
    )
}

/// Leading words stripped from a subject phrase ("But Neumann and others").
pub(crate) fn is_clause_opener(w: &str) -> bool {
    matches!(
        w,
        "but" | "and" | "yet" | "so" | "still" | "meanwhile" | "however" | "instead" | "now" | "or"
    )
}

/// Words that end a subject phrase when scanning back from the verb.
pub(crate) fn is_subordinator(w: &str) -> bool {
    matches!(
        w,
        "that"
            | "as"
            | "while"
            | "because"
            | "when"
            | "if"
            | "although"
            | "though"
            | "whereas"
            | "since"
            | "after"
            | "before"
            | "where"
            | "whether"
            | "than"
            | "until"
            | "unless"
    )
}

/// Relative pronouns that open a relative clause inside a subject phrase.
pub(crate) fn is_relative(w: &str) -> bool {
    matches!(w, "who" | "whose" | "which" | "whom")
}

/// Prepositions.
pub(crate) fn is_preposition(w: &str) -> bool {
    matches!(
        w,
        "of" | "in"
            | "at"
            | "on"
            | "to"
            | "from"
            | "by"
            | "for"
            | "with"
            | "into"
            | "about"
            | "against"
            | "across"
            | "among"
            | "between"
            | "through"
            | "over"
            | "under"
            | "near"
            | "within"
            | "outside"
            | "like"
    )
}

/// Determiners that open a common-noun source phrase ("a senior official").
pub(crate) fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "the"
            | "one"
            | "another"
            | "some"
            | "several"
            | "many"
            | "most"
            | "two"
            | "three"
            | "four"
            | "other"
            | "its"
            | "his"
            | "her"
            | "their"
            | "this"
            | "these"
            | "those"
    )
}

/// Month names and their abbreviations.
pub(crate) fn is_month(w: &str) -> bool {
    matches!(
        w.trim_end_matches('.'),
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
    )
}

/// Cardinal number words.
pub(crate) fn number_word(w: &str) -> Option<f64> {
    Some(match w {
        "zero" => 0.0,
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        "hundred" => 100.0,
        "dozen" => 12.0,
        _ => return None,
    })
}

/// How a word reads as a number.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum NumberWord {
    /// A cardinal: "six", "twenty-five".
    Cardinal(f64),
    /// A vague count: "dozens", "thousands".
    Vague,
    /// A multiple: "twice", "fourfold".
    Multiple(f64),
    /// A fraction: "half", "three-quarters".
    Fraction(f64),
}

/// A word or compound read as a number: a cardinal word, a compound cardinal ("twenty-five":
/// tens then units), a vague count, a multiple or a fraction word, tried in that order.
pub(crate) fn number_expr(w: &str) -> Option<NumberWord> {
    if let Some(v) = number_word(w) {
        return Some(NumberWord::Cardinal(v));
    }
    if let Some((a, b)) = w.split_once('-') {
        if let (Some(x), Some(y)) = (number_word(a), number_word(b)) {
            if x >= 20.0 && y < 10.0 {
                return Some(NumberWord::Cardinal(x + y));
            }
        }
    }
    if is_vague_count(w) {
        return Some(NumberWord::Vague);
    }
    if let Some(v) = multiple(w) {
        return Some(NumberWord::Multiple(v));
    }
    fraction_word(w).map(NumberWord::Fraction)
}

/// Scale words after a number ("4.2 billion").
pub(crate) fn scale_word(w: &str) -> Option<f64> {
    Some(match w {
        "hundred" => 1e2,
        "thousand" => 1e3,
        "million" | "mln" | "millions" => 1e6,
        "billion" | "bln" | "bn" | "billions" => 1e9,
        "trillion" | "trillions" => 1e12,
        _ => return None,
    })
}

/// Vague counts ("dozens of", "thousands of").
pub(crate) fn is_vague_count(w: &str) -> bool {
    matches!(w, "dozens" | "scores" | "hundreds" | "thousands" | "millions" | "billions" | "tens")
}

/// Multiples: "fourfold", "double", "twice".
pub(crate) fn multiple(w: &str) -> Option<f64> {
    match w {
        "double" | "twice" | "twofold" => return Some(2.0),
        "triple" | "thrice" | "threefold" => return Some(3.0),
        "quadruple" => return Some(4.0),
        _ => {}
    }
    let stem = w.strip_suffix("fold")?;
    let stem = stem.strip_suffix('-').unwrap_or(stem);
    if let Some(v) = number_word(stem) {
        return Some(v);
    }
    stem.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// Fraction words: "half", "three-quarters", "a third" (the latter only after an article).
pub(crate) fn fraction_word(w: &str) -> Option<f64> {
    match w {
        "half" => return Some(0.5),
        "quarter" => return Some(0.25),
        _ => {}
    }
    let (num, den) = w.split_once('-')?;
    let n = number_word(num)?;
    let d = match den {
        "half" | "halves" => 2.0,
        "third" | "thirds" => 3.0,
        "quarter" | "quarters" => 4.0,
        "fourth" | "fourths" => 4.0,
        "fifth" | "fifths" => 5.0,
        "tenth" | "tenths" => 10.0,
        _ => return None,
    };
    Some(n / d)
}

/// Currency words after a number ("400 euros").
pub(crate) fn currency_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "euros" | "euro" => "EUR",
        "dollars" | "dollar" => "USD",
        "pounds" => "GBP",
        "yen" => "JPY",
        "yuan" => "CNY",
        "rupees" => "INR",
        "francs" => "CHF",
        _ => return None,
    })
}

/// Currency symbols before a number.
pub(crate) fn currency_symbol(s: &str) -> Option<&'static str> {
    Some(match s {
        "$" | "US$" => "USD",
        "€" => "EUR",
        "£" => "GBP",
        "¥" => "JPY",
        "₹" => "INR",
        _ => return None,
    })
}

/// Period words ("month" in "each month", "monthly").
pub(crate) fn period_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "day" | "daily" => "day",
        "week" | "weekly" => "week",
        "month" | "monthly" => "month",
        "year" | "yearly" | "annually" | "annual" => "year",
        "hour" | "hourly" => "hour",
        _ => return None,
    })
}

/// Durations: no direction of change is given to a time span ("in the first six months").
pub(crate) fn is_duration_unit(w: &str) -> bool {
    matches!(
        w,
        "years"
            | "year"
            | "months"
            | "month"
            | "weeks"
            | "week"
            | "days"
            | "day"
            | "hours"
            | "hour"
            | "minutes"
            | "decades"
            | "decade"
    )
}

/// Words telling the direction of change of a sentence.
pub(crate) fn change_word(w: &str) -> Option<gazette_core::Change> {
    use gazette_core::Change::*;
    Some(match w {
        "rise" | "rises" | "rose" | "risen" | "rising" | "increase" | "increased" | "increases"
        | "increasing" | "grew" | "grow" | "grows" | "grown" | "growing" | "jump" | "jumped"
        | "jumps" | "climb" | "climbed" | "climbs" | "surge" | "surged" | "soar" | "soared"
        | "gain" | "gained" | "gains" | "added" | "doubled" | "tripled" | "up" | "raise"
        | "raised" | "hike" | "boost" | "boosted" => Up,
        "fall" | "falls" | "fell" | "fallen" | "falling" | "drop" | "dropped" | "drops"
        | "dropping" | "decline" | "declined" | "declines" | "declining" | "decrease"
        | "decreased" | "decreases" | "decreasing" | "cut" | "cuts" | "lost" | "lose" | "loses"
        | "losing" | "shrink" | "shrank" | "shrunk" | "plummet" | "plummeted" | "plunge"
        | "plunged" | "slump" | "slumped" | "down" | "slow" | "slowed" | "eased" | "ease"
        | "diminish" | "diminished" | "reduced" | "reduce" => Down,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speech_verbs() {
        assert!(speech_verb("said").is_some_and(|v| v.strong));
        assert!(speech_verb("added").is_some_and(|v| !v.strong));
        assert!(speech_verb("citing").is_some_and(|v| v.participle));
        assert_eq!(speech_verb("told").map(|v| v.kind), Some(AttributionKind::Told));
        assert_eq!(speech_verb("walked"), None);
        assert!(speech_verb("alluded").is_some_and(|v| v.strong));
    }

    #[test]
    fn number_words() {
        assert_eq!(multiple("fourfold"), Some(4.0));
        assert_eq!(multiple("10-fold"), Some(10.0));
        assert_eq!(multiple("double"), Some(2.0));
        assert_eq!(fraction_word("three-quarters"), Some(0.75));
        assert_eq!(fraction_word("two-thirds").map(|v| (v * 100.0).round()), Some(67.0));
        assert_eq!(number_word("six"), Some(6.0));
    }
}
