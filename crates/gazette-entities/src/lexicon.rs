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

fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

fn flagged(col: &str) -> bool {
    col.split([',', ';']).any(|f| matches!(f.trim(), "ambiguous" | "ambiguous=1"))
}
