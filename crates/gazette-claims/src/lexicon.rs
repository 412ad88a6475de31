//! Word lists. Every function takes a lower-cased token text.
//!
//! Word lists are matched as bytes (`match w.as_bytes()`): the compiler then branches on the
//! length and on single bytes, where a match on `&str` compares the word with one entry after
//! another. [`crate::ctx::Ctx`] looks the speech verb and number lists up once per token.
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

/// Nouns for an unnamed source that a later "he" or "she" can point back to, with the gender
/// the noun carries.
pub(crate) fn source_noun(w: &str) -> Option<Gender> {
    Some(match w {
        "spokeswoman" | "chairwoman" | "businesswoman" | "congresswoman" | "woman" => {
            Gender::Female
        }
        "spokesman" | "chairman" | "businessman" | "congressman" | "man" => Gender::Male,
        "spokesperson" | "official" | "source" | "analyst" | "diplomat" | "executive"
        | "economist" | "trader" | "dealer" | "banker" | "lawyer" | "witness" | "resident"
        | "expert" | "aide" | "negotiator" | "strategist" | "researcher" => Gender::Unknown,
        _ => return None,
    })
}

/// Looks a speech or reporting verb form up.
pub(crate) fn speech_verb(w: &str) -> Option<Verb> {
    use AttributionKind::*;
    let (kind, strong) = match w.as_bytes() {
        b"say" | b"says" | b"said" | b"saying" => (SaidThat, true),
        b"add" | b"adds" | b"added" | b"adding" => (SaidThat, false),
        b"tell" | b"tells" | b"told" | b"telling" => (Told, true),
        b"announce" | b"announces" | b"announced" | b"announcing" => (Announced, true),
        b"cite" | b"cites" | b"cited" | b"citing" => (Cited, true),
        b"warn" | b"warns" | b"warned" | b"warning" | b"urge" | b"urges" | b"urged" | b"urging"
        | b"insist" | b"insists" | b"insisted" | b"insisting" | b"acknowledge"
        | b"acknowledges" | b"acknowledged" | b"declare" | b"declares" | b"declared"
        | b"stress" | b"stresses" | b"stressed" | b"argue" | b"argues" | b"argued" | b"arguing"
        | b"contend" | b"contends" | b"contended" | b"predict" | b"predicts" | b"predicted"
        | b"assert" | b"asserts" | b"asserted" | b"admit" | b"admits" | b"admitted"
        | b"concede" | b"concedes" | b"conceded" | b"tweet" | b"tweets" | b"tweeted" | b"reply"
        | b"replies" | b"replied" | b"respond" | b"responds" | b"responded" | b"recall"
        | b"recalls" | b"recalled" | b"recalling" | b"complain" | b"complains" | b"complained"
        | b"caution" | b"cautions" | b"cautioned" | b"ask" | b"asks" | b"asked" | b"explain"
        | b"explains" | b"explained" | b"explaining" | b"allege" | b"alleges" | b"alleged"
        | b"confirm" | b"confirms" | b"confirmed" | b"deny" | b"denies" | b"denied" | b"vow"
        | b"vows" | b"vowed" | b"promise" | b"promises" | b"promised" | b"remark" | b"remarks"
        | b"remarked" | b"wonder" | b"wonders" | b"wondered" | b"exclaim" | b"exclaimed"
        | b"blame" | b"blames" | b"blamed" | b"allude" | b"alludes" | b"alluded"
        // Past tenses only: "a joke", "agents who whisper into their sleeves".
        | b"interjected" | b"quipped" | b"joked" | b"retorted" | b"whispered" | b"muttered"
        | b"mused" | b"scoffed" | b"exclaims" => (Other, true),
        b"testify" | b"testifies" | b"testified" | b"testifying" => (SaidThat, true),
        b"note" | b"notes" | b"noted" | b"noting" | b"write" | b"writes" | b"wrote" | b"state"
        | b"states" | b"stated" | b"claim" | b"claims" | b"claimed" | b"report" | b"reports"
        | b"reported" | b"estimate" | b"estimates" | b"estimated" | b"find" | b"finds"
        | b"found" | b"continue" | b"continues" | b"continued" | b"conclude" | b"concludes"
        | b"concluded" | b"suggest" | b"suggests" | b"suggested" | b"believe" | b"believes"
        | b"believed" | b"point" | b"points" | b"pointed" | b"post" | b"posted" | b"observe"
        | b"observed" | b"agree" | b"agreed" | b"agrees" | b"show" | b"shows" | b"showed"
        // Past tenses only where the other forms are also nouns ("a counter", "the press").
        | b"countered" | b"shouted" | b"yelled" | b"boasted" | b"lamented" | b"emphasized"
        | b"emphasizes" | b"emphasised" | b"emphasises" | b"reiterated" | b"reiterates"
        | b"objected" | b"protested" | b"pleaded" => {
            (Other, false)
        }
        _ => return None,
    };
    Some(Verb { kind, strong, participle: w.ends_with("ing") })
}

/// Third-person subject pronouns and the gender they require.
pub(crate) fn pronoun(w: &str) -> Option<Pronoun> {
    Some(match w.as_bytes() {
        b"he" => Pronoun::Person(Gender::Male),
        b"she" => Pronoun::Person(Gender::Female),
        b"it" => Pronoun::Thing,
        b"they" => Pronoun::Plural,
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
        w.as_bytes(),
        b"also"
            | b"recently"
            | b"later"
            | b"previously"
            | b"earlier"
            | b"then"
            | b"again"
            | b"once"
            | b"has"
            | b"have"
            | b"had"
            | b"will"
            | b"would"
            | b"could"
            | b"did"
            | b"does"
            | b"do"
            | b"may"
            | b"might"
            | b"publicly"
            | b"repeatedly"
            | b"separately"
            | b"privately"
            | b"often"
            | b"simply"
            | b"flatly"
            | b"bluntly"
            | b"quietly"
    )
}

/// Leading words stripped from a subject phrase ("But Neumann and others").
pub(crate) fn is_clause_opener(w: &str) -> bool {
    matches!(
        w.as_bytes(),
        b"but"
            | b"and"
            | b"yet"
            | b"so"
            | b"still"
            | b"meanwhile"
            | b"however"
            | b"instead"
            | b"now"
            | b"or"
    )
}

/// Words that end a subject phrase when scanning back from the verb.
pub(crate) fn is_subordinator(w: &str) -> bool {
    matches!(
        w.as_bytes(),
        b"that"
            | b"as"
            | b"while"
            | b"because"
            | b"when"
            | b"if"
            | b"although"
            | b"though"
            | b"whereas"
            | b"since"
            | b"after"
            | b"before"
            | b"where"
            | b"whether"
            | b"than"
            | b"until"
            | b"unless"
    )
}

/// Relative pronouns that open a relative clause inside a subject phrase.
pub(crate) fn is_relative(w: &str) -> bool {
    matches!(w.as_bytes(), b"who" | b"whose" | b"which" | b"whom")
}

/// Prepositions.
pub(crate) fn is_preposition(w: &str) -> bool {
    matches!(
        w.as_bytes(),
        b"of"
            | b"in"
            | b"at"
            | b"on"
            | b"to"
            | b"from"
            | b"by"
            | b"for"
            | b"with"
            | b"into"
            | b"about"
            | b"against"
            | b"across"
            | b"among"
            | b"between"
            | b"through"
            | b"over"
            | b"under"
            | b"near"
            | b"within"
            | b"outside"
            | b"like"
    )
}

/// Determiners that open a common-noun source phrase ("a senior official").
pub(crate) fn is_determiner(w: &str) -> bool {
    matches!(
        w.as_bytes(),
        b"a" | b"an"
            | b"the"
            | b"one"
            | b"another"
            | b"some"
            | b"several"
            | b"many"
            | b"most"
            | b"two"
            | b"three"
            | b"four"
            | b"other"
            | b"its"
            | b"his"
            | b"her"
            | b"their"
            | b"this"
            | b"these"
            | b"those"
    )
}

/// Weekday names.
pub(crate) fn is_weekday(w: &str) -> bool {
    matches!(
        w.as_bytes(),
        b"monday" | b"tuesday" | b"wednesday" | b"thursday" | b"friday" | b"saturday" | b"sunday"
    )
}

/// Month names and their abbreviations.
pub(crate) fn is_month(w: &str) -> bool {
    matches!(
        w.trim_end_matches('.').as_bytes(),
        b"january"
            | b"february"
            | b"march"
            | b"april"
            | b"may"
            | b"june"
            | b"july"
            | b"august"
            | b"september"
            | b"october"
            | b"november"
            | b"december"
            | b"jan"
            | b"feb"
            | b"mar"
            | b"apr"
            | b"jun"
            | b"jul"
            | b"aug"
            | b"sep"
            | b"sept"
            | b"oct"
            | b"nov"
            | b"dec"
    )
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

/// Single words that read as numbers, in one table so that a token is looked up once
/// ([`number_expr`]); [`number_word`], [`is_vague_count`] and [`fraction_word`] read their part
/// of it.
fn number_lexeme(w: &str) -> Option<NumberWord> {
    use NumberWord::*;
    Some(match w.as_bytes() {
        b"zero" => Cardinal(0.0),
        b"one" => Cardinal(1.0),
        b"two" => Cardinal(2.0),
        b"three" => Cardinal(3.0),
        b"four" => Cardinal(4.0),
        b"five" => Cardinal(5.0),
        b"six" => Cardinal(6.0),
        b"seven" => Cardinal(7.0),
        b"eight" => Cardinal(8.0),
        b"nine" => Cardinal(9.0),
        b"ten" => Cardinal(10.0),
        b"eleven" => Cardinal(11.0),
        b"twelve" => Cardinal(12.0),
        b"thirteen" => Cardinal(13.0),
        b"fourteen" => Cardinal(14.0),
        b"fifteen" => Cardinal(15.0),
        b"sixteen" => Cardinal(16.0),
        b"seventeen" => Cardinal(17.0),
        b"eighteen" => Cardinal(18.0),
        b"nineteen" => Cardinal(19.0),
        b"twenty" => Cardinal(20.0),
        b"thirty" => Cardinal(30.0),
        b"forty" => Cardinal(40.0),
        b"fifty" => Cardinal(50.0),
        b"sixty" => Cardinal(60.0),
        b"seventy" => Cardinal(70.0),
        b"eighty" => Cardinal(80.0),
        b"ninety" => Cardinal(90.0),
        b"hundred" => Cardinal(100.0),
        b"dozen" => Cardinal(12.0),
        b"dozens" | b"scores" | b"hundreds" | b"thousands" | b"millions" | b"billions"
        | b"tens" => Vague,
        b"double" | b"twice" | b"twofold" => Multiple(2.0),
        b"triple" | b"thrice" | b"threefold" => Multiple(3.0),
        b"quadruple" => Multiple(4.0),
        b"half" => Fraction(0.5),
        b"quarter" => Fraction(0.25),
        _ => return None,
    })
}

/// Cardinal number words.
pub(crate) fn number_word(w: &str) -> Option<f64> {
    match number_lexeme(w)? {
        NumberWord::Cardinal(v) => Some(v),
        _ => None,
    }
}

/// A word or compound read as a number: a single number word, a multiple in "-fold", a
/// hyphenated fraction ("three-quarters") or a compound cardinal ("twenty-five": tens then
/// units). No word is more than one of these.
pub(crate) fn number_expr(w: &str) -> Option<NumberWord> {
    if let Some(n) = number_lexeme(w) {
        return Some(n);
    }
    if let Some(v) = fold(w) {
        return Some(NumberWord::Multiple(v));
    }
    let (a, b) = split_hyphen(w)?;
    if let Some(v) = hyphen_fraction(a, b) {
        return Some(NumberWord::Fraction(v));
    }
    let (x, y) = (number_word(a)?, number_word(b)?);
    (x >= 20.0 && y < 10.0).then_some(NumberWord::Cardinal(x + y))
}

/// Scale words after a number ("4.2 billion").
pub(crate) fn scale_word(w: &str) -> Option<f64> {
    // "from 25 mln." at the end of a sentence: the tokenizer keeps the period on the word.
    let w = w.strip_suffix('.').unwrap_or(w);
    Some(match w.as_bytes() {
        b"hundred" => 1e2,
        b"thousand" => 1e3,
        b"million" | b"mln" | b"millions" => 1e6,
        b"billion" | b"bln" | b"bn" | b"billions" => 1e9,
        b"trillion" | b"trillions" => 1e12,
        _ => return None,
    })
}

/// Vague counts ("dozens of", "thousands of").
pub(crate) fn is_vague_count(w: &str) -> bool {
    number_lexeme(w) == Some(NumberWord::Vague)
}

/// "fourfold", "ten-fold", "1.5-fold".
fn fold(w: &str) -> Option<f64> {
    let stem = w.strip_suffix("fold")?;
    let stem = stem.strip_suffix('-').unwrap_or(stem);
    if let Some(v) = number_word(stem) {
        return Some(v);
    }
    stem.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// Fraction words: "half", "three-quarters", "a third" (the latter only after an article).
pub(crate) fn fraction_word(w: &str) -> Option<f64> {
    match number_lexeme(w) {
        Some(NumberWord::Fraction(v)) => Some(v),
        _ => w.split_once('-').and_then(|(num, den)| hyphen_fraction(num, den)),
    }
}

/// `w` split at its first hyphen, like `w.split_once('-')` but cheaper on the short words of
/// every token.
fn split_hyphen(w: &str) -> Option<(&str, &str)> {
    let i = w.bytes().position(|b| b == b'-')?;
    Some((w.get(..i)?, w.get(i + 1..)?))
}

/// "three-quarters": a cardinal, then a denominator.
fn hyphen_fraction(num: &str, den: &str) -> Option<f64> {
    let n = number_word(num)?;
    let d = match den.as_bytes() {
        b"half" | b"halves" => 2.0,
        b"third" | b"thirds" => 3.0,
        b"quarter" | b"quarters" => 4.0,
        b"fourth" | b"fourths" => 4.0,
        b"fifth" | b"fifths" => 5.0,
        b"tenth" | b"tenths" => 10.0,
        _ => return None,
    };
    Some(n / d)
}

/// Currency words after a number ("400 euros").
pub(crate) fn currency_word(w: &str) -> Option<&'static str> {
    Some(match w.as_bytes() {
        b"euros" | b"euro" => "EUR",
        b"dollars" | b"dollar" => "USD",
        b"pounds" => "GBP",
        b"yen" => "JPY",
        b"yuan" => "CNY",
        b"rupees" => "INR",
        b"francs" => "CHF",
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
    Some(match w.as_bytes() {
        b"day" | b"daily" => "day",
        b"week" | b"weekly" => "week",
        b"month" | b"monthly" => "month",
        b"year" | b"yearly" | b"annually" | b"annual" => "year",
        b"hour" | b"hourly" => "hour",
        _ => return None,
    })
}

/// Durations: no direction of change is given to a time span ("in the first six months").
pub(crate) fn is_duration_unit(w: &str) -> bool {
    matches!(
        w.as_bytes(),
        b"years"
            | b"year"
            | b"months"
            | b"month"
            | b"weeks"
            | b"week"
            | b"days"
            | b"day"
            | b"hours"
            | b"hour"
            | b"minutes"
            | b"decades"
            | b"decade"
    )
}

/// Words telling the direction of change of a sentence.
pub(crate) fn change_word(w: &str) -> Option<gazette_core::Change> {
    use gazette_core::Change::*;
    Some(match w.as_bytes() {
        b"rise" | b"rises" | b"rose" | b"risen" | b"rising" | b"increase" | b"increased"
        | b"increases" | b"increasing" | b"grew" | b"grow" | b"grows" | b"grown" | b"growing"
        | b"jump" | b"jumped" | b"jumps" | b"climb" | b"climbed" | b"climbs" | b"surge"
        | b"surged" | b"soar" | b"soared" | b"gain" | b"gained" | b"gains" | b"added"
        | b"doubled" | b"tripled" | b"up" | b"raise" | b"raised" | b"hike" | b"boost"
        | b"boosted" => Up,
        b"fall" | b"falls" | b"fell" | b"fallen" | b"falling" | b"drop" | b"dropped" | b"drops"
        | b"dropping" | b"decline" | b"declined" | b"declines" | b"declining" | b"decrease"
        | b"decreased" | b"decreases" | b"decreasing" | b"cut" | b"cuts" | b"lost" | b"lose"
        | b"loses" | b"losing" | b"shrink" | b"shrank" | b"shrunk" | b"plummet" | b"plummeted"
        | b"plunge" | b"plunged" | b"slump" | b"slumped" | b"down" | b"slow" | b"slowed"
        | b"eased" | b"ease" | b"diminish" | b"diminished" | b"reduced" | b"reduce" => Down,
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
        assert!(speech_verb("interjected").is_some_and(|v| v.strong));
        assert_eq!(speech_verb("testified").map(|v| v.kind), Some(AttributionKind::SaidThat));
        assert!(speech_verb("countered").is_some_and(|v| !v.strong));
        assert_eq!(speech_verb("press"), None);
        assert_eq!(speech_verb("offer"), None);
        assert_eq!(speech_verb("whisper"), None);
    }

    #[test]
    fn number_words() {
        assert_eq!(number_expr("fourfold"), Some(NumberWord::Multiple(4.0)));
        assert_eq!(number_expr("10-fold"), Some(NumberWord::Multiple(10.0)));
        assert_eq!(number_expr("double"), Some(NumberWord::Multiple(2.0)));
        assert_eq!(fraction_word("three-quarters"), Some(0.75));
        assert_eq!(fraction_word("two-thirds").map(|v| (v * 100.0).round()), Some(67.0));
        assert_eq!(number_word("six"), Some(6.0));
        assert_eq!(number_word("half"), None);
        assert!(is_vague_count("dozens") && !is_vague_count("dozen"));
        assert_eq!(number_expr("twenty-five"), Some(NumberWord::Cardinal(25.0)));
        assert_eq!(number_expr("five-twenty"), None);
        assert_eq!(number_expr("thousands"), Some(NumberWord::Vague));
        assert_eq!(number_expr("half"), Some(NumberWord::Fraction(0.5)));
        assert_eq!(number_expr("three-quarters"), Some(NumberWord::Fraction(0.75)));
        assert_eq!(number_expr("thousand"), None);
        assert_eq!(number_expr("well-known"), None);
    }
}
