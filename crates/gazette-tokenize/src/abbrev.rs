//! Abbreviation lexicon and sentence-starter words.

/// How an abbreviation behaves at a possible sentence end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AbbrevClass {
    /// Titles and the like, always followed by more of the sentence: "Gen.", "Mr.", "No.".
    Title,
    /// Months: do not end a sentence before a number ("Jan. 5").
    Month,
    /// May end a sentence: "Inc.", "U.S.", "etc.".
    Other,
}

/// Looks up a word (without its final period) in the abbreviation list.
pub(crate) fn lookup(word: &str) -> Option<AbbrevClass> {
    use AbbrevClass::*;
    let class = match word {
        "Mr" | "Mrs" | "Ms" | "Messrs" | "Mmes" | "Dr" | "Drs" | "Prof" | "Rev" | "Revs" | "Fr"
        | "St" | "Ste" | "Sen" | "Sens" | "Rep" | "Reps" | "Gov" | "Govs" | "Gen" | "Gens"
        | "Brig" | "Lt" | "Col" | "Maj" | "Capt" | "Cmdr" | "Cmdt" | "Adm" | "Sgt" | "Cpl"
        | "Pvt" | "Spc" | "Hon" | "Pres" | "Supt" | "Insp" | "Det" | "Amb" | "Atty" | "Msgr"
        | "Sra" | "Sr" | "Sgt-Maj" | "No" | "Nos" | "Mt" | "Ft" | "vs" | "Vs" | "v" | "cf"
        | "Op" | "Vol" | "Vols" | "Art" | "Fig" | "Figs" | "Ch" | "Sec" | "Gov-Gen" => Title,
        "Jan" | "Feb" | "Mar" | "Apr" | "Jun" | "Jul" | "Aug" | "Sep" | "Sept" | "Oct" | "Nov"
        | "Dec" => Month,
        "Inc" | "Ltd" | "Corp" | "Co" | "Cos" | "Bros" | "Plc" | "Jr" | "Snr" | "Jnr" | "etc"
        | "al" | "approx" | "est" | "Ave" | "Blvd" | "Rd" | "Dept" | "Univ" | "Assn" | "Govt"
        | "Ala" | "Ariz" | "Ark" | "Calif" | "Colo" | "Conn" | "Del" | "Fla" | "Ga" | "Ill"
        | "Ind" | "Kan" | "Kans" | "Ky" | "La" | "Md" | "Mass" | "Mich" | "Minn" | "Miss"
        | "Mo" | "Mont" | "Neb" | "Nev" | "Okla" | "Ore" | "Pa" | "Penn" | "Tenn" | "Tex"
        | "Va" | "Vt" | "Wash" | "Wis" | "Wyo" | "mln" | "bln" | "pct" | "yr" | "yrs" | "mo"
        | "min" | "max" | "hr" | "hrs" | "pp" | "ed" | "eds" | "Ed" | "Eds" | "ca" | "Ltda" => {
            Other
        }
        _ => return None,
    };
    Some(class)
}

/// Capitalized words that typically start a sentence. After an abbreviation that may end a
/// sentence ("U.S.", "Inc."), a sentence boundary is placed only before one of these, so that
/// "the U.S. Army" and "Acme Inc. Chairman" stay whole while "in the U.S. The" splits.
pub(crate) fn is_sentence_starter(word: &str) -> bool {
    matches!(
        word,
        "The"
            | "A"
            | "An"
            | "In"
            | "On"
            | "At"
            | "But"
            | "And"
            | "Or"
            | "So"
            | "He"
            | "She"
            | "It"
            | "They"
            | "We"
            | "I"
            | "You"
            | "His"
            | "Her"
            | "Its"
            | "Their"
            | "Our"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "There"
            | "Here"
            | "What"
            | "When"
            | "Where"
            | "Why"
            | "How"
            | "Who"
            | "If"
            | "As"
            | "After"
            | "Before"
            | "While"
            | "Since"
            | "Although"
            | "Though"
            | "However"
            | "Meanwhile"
            | "Still"
            | "Yet"
            | "Now"
            | "Then"
            | "Also"
            | "Some"
            | "Many"
            | "Most"
            | "All"
            | "One"
            | "Two"
            | "Three"
            | "Other"
            | "Others"
            | "No"
            | "Not"
            | "Such"
            | "For"
            | "From"
            | "With"
            | "By"
            | "To"
            | "Under"
            | "Over"
            | "During"
            | "Last"
            | "Next"
            | "Instead"
            | "Even"
            | "Only"
            | "Officials"
            | "According"
            | "More"
            | "Both"
            | "Each"
            | "Every"
            | "Another"
            | "My"
            | "Your"
            | "Until"
            | "Because"
            | "Despite"
            | "Asked"
            | "Among"
            | "Earlier"
            | "Later"
            | "Today"
            | "Yesterday"
            | "Separately"
            | "Analysts"
    )
}
