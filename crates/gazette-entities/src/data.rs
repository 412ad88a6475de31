//! The default gazetteers and lexicons, embedded in the binary (see `data/README.md` for
//! sources, licences and how `cargo xtask gazetteers` rebuilds them).

use crate::gazetteer::Gazetteer;
use crate::lexicon::Lexicon;
use crate::Error;

/// The embedded entity gazetteers: (file name, contents).
pub const GAZETTEERS: &[(&str, &str)] = &[
    ("countries.tsv", include_str!("../data/countries.tsv")),
    ("nationalities.tsv", include_str!("../data/nationalities.tsv")),
    ("organizations.tsv", include_str!("../data/organizations.tsv")),
    ("people.tsv", include_str!("../data/people.tsv")),
    ("places.tsv", include_str!("../data/places.tsv")),
];

const FIRST_NAMES: &str = include_str!("../data/first_names.tsv");
const SURNAMES: &str = include_str!("../data/surnames.tsv");
const TITLES: &str = include_str!("../data/titles.tsv");
const COMMON_WORDS: &str = include_str!("../data/common_words.txt");

/// Parses the embedded gazetteers.
pub fn default_gazetteers() -> Result<Vec<Gazetteer>, Error> {
    GAZETTEERS.iter().map(|(name, tsv)| Gazetteer::parse(name, tsv)).collect()
}

/// The embedded name lexicons.
pub fn default_lexicon() -> Lexicon {
    let mut l = Lexicon::default();
    l.add_first_names(FIRST_NAMES);
    l.add_surnames(SURNAMES);
    l.add_titles(TITLES);
    l.add_common_words(COMMON_WORDS);
    l
}
