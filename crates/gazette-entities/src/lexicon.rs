//! Name lexicons: first names with gender, surnames, titles, common words.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use gazette_core::Gender;

use crate::normalize::name_key;

/// What a title is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TitleClass {
    /// Mr., Dr., Sir.
    Honorific,
    /// Gen., Brig. Gen., Col.
    Military,
    /// President, Interior Minister, Director.
    Office,
    /// spokesman, researcher, analyst.
    Role,
    /// Imam, Rev.
    Religious,
    /// King, Prince.
    Royal,
}

/// Lexicons used by the name rules.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    /// Lower-case first name -> (gender, ambiguous with a common word).
    pub first_names: HashMap<String, (Gender, bool)>,
    /// Lower-case surnames -> ambiguous with a common word.
    pub surnames: HashMap<String, bool>,
    /// Normalized title key ("brig. gen.", "interior minister") -> (class, gender).
    pub titles: HashMap<String, (TitleClass, Gender)>,
    /// Longest title, in tokens.
    pub max_title_tokens: usize,
    /// First words of titles (a quick filter).
    pub title_starts: HashSet<String>,
    /// Lower-case common English words.
    pub common: HashSet<String>,
}

fn gender(s: &str) -> Gender {
    match s.trim() {
        "M" | "m" => Gender::Male,
        "F" | "f" => Gender::Female,
        _ => Gender::Unknown,
    }
}

impl Lexicon {
    /// Adds first names: `name<TAB>gender<TAB>...`, any later column `ambiguous` flags the name.
    pub fn add_first_names(&mut self, tsv: &str) {
        for line in data_lines(tsv) {
            let cols: Vec<&str> = line.split('\t').collect();
            let name = cols[0].trim().to_lowercase();
            if name.is_empty() {
                continue;
            }
            let g = cols.get(1).map_or(Gender::Unknown, |g| gender(g));
            let amb = cols.iter().skip(2).any(|c| flagged(c));
            self.first_names.insert(name, (g, amb));
        }
    }

    /// Adds surnames: `name[<TAB>...]`; a column `ambiguous` flags the name.
    pub fn add_surnames(&mut self, tsv: &str) {
        for line in data_lines(tsv) {
            let cols: Vec<&str> = line.split('\t').collect();
            let name = cols[0].trim().to_lowercase();
            if !name.is_empty() {
                let amb = cols.iter().skip(1).any(|c| flagged(c));
                self.surnames.insert(name, amb);
            }
        }
    }

    /// Adds titles: `title<TAB>class<TAB>gender`.
    pub fn add_titles(&mut self, tsv: &str) {
        for line in data_lines(tsv) {
            let cols: Vec<&str> = line.split('\t').collect();
            let key = name_key(cols[0].trim());
            if key.is_empty() {
                continue;
            }
            let class = match cols.get(1).map(|c| c.trim()) {
                Some("honorific") => TitleClass::Honorific,
                Some("military") => TitleClass::Military,
                Some("role") => TitleClass::Role,
                Some("religious") => TitleClass::Religious,
                Some("royal") => TitleClass::Royal,
                _ => TitleClass::Office,
            };
            let g = cols.get(2).map_or(Gender::Unknown, |g| gender(g));
            self.max_title_tokens = self.max_title_tokens.max(key.split(' ').count());
            self.title_starts.insert(key.split(' ').next().unwrap_or_default().to_string());
            self.titles.insert(key, (class, g));
        }
    }

    /// Adds common words, one per line.
    pub fn add_common_words(&mut self, text: &str) {
        for line in data_lines(text) {
            let w = line.trim();
            if !w.is_empty() {
                self.common.insert(w.to_lowercase());
            }
        }
    }

    /// True if the lower-cased word is a common English word.
    pub fn is_common(&self, lower: &str) -> bool {
        self.common.contains(lower)
    }
}

/// Titles and their proper prefixes in tokens ("brig." of "brig. gen."), so that the title
/// lookup at a token stops as soon as the words so far start no title.
pub(crate) type TitleIndex = HashMap<Box<str>, (Option<(TitleClass, Gender)>, bool)>;

impl Lexicon {
    /// The title index: key -> (the title, whether a longer title starts with it).
    pub(crate) fn title_index(&self) -> TitleIndex {
        let mut index = TitleIndex::default();
        for (key, &title) in &self.titles {
            index.entry(key.as_str().into()).or_insert((None, false)).0 = Some(title);
            let mut end = 0;
            while let Some(k) = key[end..].find(' ') {
                end += k;
                index.entry(key[..end].into()).or_insert((None, false)).1 = true;
                end += 1;
            }
        }
        index
    }
}

/// Bits of [`WordIndex`]: what the lexicons know of one lower-case word.
pub(crate) mod word {
    pub const COMMON: u8 = 1;
    pub const FIRST_NAME: u8 = 2;
    pub const SURNAME: u8 = 4;
    /// A surname that is also a common word ("Young", "Rice").
    pub const SURNAME_AMBIGUOUS: u8 = 8;
    /// The first word of some title.
    pub const TITLE_START: u8 = 16;
    /// The first word of a gazetteer name written in lower case ("al-Qaeda").
    pub const LOWER_START: u8 = 32;
    /// The first word of some gazetteer name.
    pub const NAME_START: u8 = 64;
}

/// One hash lookup per token instead of one per lexicon and rule: normalized word -> the
/// [`word`] bits in the low byte, then the rules' surface-list bits (`rules::flag`, shifted
/// down by 8) for the word written capitalized ("Post"), in capitals ("PLC"), in lower case
/// ("said"), and whether some listed form is none of these ("GmbH").
///
/// Words are keyed by a 64-bit hash, as spaCy's string store does: a lookup touches one small
/// bucket instead of following a pointer to the key's text, which matters because the index
/// holds some 100,000 words and most lookups miss the cache. Two distinct words sharing a hash
/// (odds about 10^-14 per lookup) would only share lexicon facts.
#[derive(Clone, Debug, Default)]
pub(crate) struct WordIndex {
    map: HashMap<u64, u32>,
    /// For small indexes: one bit per hash bucket of 2^16, set for the words present, so most
    /// absent words are turned away by one load from a table that stays in L1.
    filter: Vec<u64>,
}

impl WordIndex {
    fn hash(word: &str) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = rustc_hash::FxHasher::default();
        word.hash(&mut h);
        // FxHash mixes weakly; a final avalanche (splitmix64) spreads short words apart.
        let mut z = h.finish();
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// The bits of a normalized word (0 if unknown).
    #[inline]
    pub(crate) fn get(&self, word: &str) -> u32 {
        let h = Self::hash(word);
        if !self.filter.is_empty() {
            let bit = (h >> 48) as usize;
            if self.filter[bit / 64] & (1 << (bit % 64)) == 0 {
                return 0;
            }
        }
        self.map.get(&h).copied().unwrap_or(0)
    }

    /// Adds `bits` to a word.
    pub(crate) fn set(&mut self, word: &str, bits: u32) {
        debug_assert!(self.filter.is_empty(), "WordIndex::set on a filtered subset");
        *self.map.entry(Self::hash(word)).or_insert(0) |= bits;
    }

    /// The words a lower-case token can use, with all their bits: title starts ("spokesman"),
    /// starts of lower-case names ("al"), lower-case list words ("said"). Small enough to stay
    /// in cache, where the whole index (some 100,000 words) does not; the facts it leaves out
    /// (common word, first name, surname, name start) are read only for capitalized tokens.
    pub(crate) fn lower_case_subset(&self) -> WordIndex {
        let wanted = u32::from(word::TITLE_START | word::LOWER_START) | 0xff << LOWER;
        let map: HashMap<u64, u32> =
            self.map.iter().filter(|(_, &b)| b & wanted != 0).map(|(&h, &b)| (h, b)).collect();
        let mut filter = vec![0u64; (1 << 16) / 64];
        for &h in map.keys() {
            let bit = (h >> 48) as usize;
            filter[bit / 64] |= 1 << (bit % 64);
        }
        WordIndex { map, filter }
    }
}

const CAPITALIZED: u32 = 8;
const UPPER: u32 = 16;
const LOWER: u32 = 24;
const ODD_FORM: u32 = 1 << 7;

/// How a word is written.
fn form(t: &str) -> Option<u32> {
    let mut chars = t.chars();
    let first = chars.next()?;
    let (mut upper, mut lower) = (false, false);
    for c in chars {
        upper |= c.is_uppercase();
        lower |= c.is_lowercase();
    }
    if first.is_uppercase() {
        if !upper {
            Some(CAPITALIZED)
        } else if !lower {
            Some(UPPER)
        } else {
            None
        }
    } else if first.is_lowercase() && !upper {
        Some(LOWER)
    } else {
        None
    }
}

/// The rules' surface-list bits (`rules::flag`) of token text `t` whose index entry is `entry`.
pub(crate) fn surface_bits(entry: u32, t: &str) -> u32 {
    if entry & !0x7f == 0 {
        return 0;
    }
    let bits = match form(t) {
        Some(shift) => (entry >> shift) & 0xff,
        None => 0,
    };
    if bits == 0 && entry & ODD_FORM != 0 {
        return crate::rules::surface_flags(t);
    }
    bits << 8
}

impl Lexicon {
    /// The merged index of the lexicons (see [`word`]).
    pub(crate) fn word_index(&self) -> WordIndex {
        let mut index = WordIndex::default();
        let mut set = |w: &str, bits: u8| index.set(w, u32::from(bits));
        for w in &self.common {
            set(w, word::COMMON);
        }
        for w in self.first_names.keys() {
            set(w, word::FIRST_NAME);
        }
        for (w, &amb) in &self.surnames {
            set(w, if amb { word::SURNAME | word::SURNAME_AMBIGUOUS } else { word::SURNAME });
        }
        for w in &self.title_starts {
            set(w, word::TITLE_START);
        }
        for (w, bits) in crate::rules::surface_lists() {
            debug_assert!(bits & 0xff == 0 && bits >> 16 == 0, "rules::flag surface bits");
            let mut key = String::new();
            crate::normalize::push_token(&mut key, w);
            match form(w) {
                Some(shift) => index.set(&key, (bits >> 8) << shift),
                None => index.set(&key, ODD_FORM),
            }
        }
        index
    }
}

fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

fn flagged(col: &str) -> bool {
    col.split([',', ';']).any(|f| matches!(f.trim(), "ambiguous" | "ambiguous=1"))
}
