//! Named entity recognition for news with gazetteers, name rules and in-document resolution.
//!
//! * [`Gazetteer`]: entries read from the documented TSV format (`id`, `type`, `name`,
//!   `aliases`, `attributes`); a malformed line is an [`Error`] naming file and line.
//! * [`RecognizerBuilder`] / [`Recognizer`]: the embedded default gazetteers (countries,
//!   GeoNames places, nationalities, a curated list of organizations, public figures named by
//!   surname alone) plus user gazetteers, compiled once into one Aho-Corasick automaton over
//!   normalized tokens (leftmost-longest, on token boundaries, case rules for acronyms and
//!   common words); name rules (titles, first names, Arabic name patterns, East Asian names
//!   ("Kim Dae-jung"), organization head words, organizations named after a city ("Las Vegas
//!   Sands"), regions by direction ("Northern Virginia"), speech, age and nationality
//!   appositions, names introduced by "named"/"called", company contexts ("a spokesman for
//!   X", "X CEO"), bylines); and document-level resolution (surnames link to the full name,
//!   acronyms defined in the text link to their expansion, aliases of one gazetteer entry are
//!   one entity, a name found once by a rule is found everywhere in the text).
//!   `examples/trace.rs` shows which rule proposed each candidate.
//! * [`Lexicon`]: first names with gender, surnames, titles, common words.
//!
//! Recognition never fails and never panics.
//!
//! ```
//! use gazette_core::Document;
//! use gazette_entities::Recognizer;
//! use gazette_tokenize::Tokenizer;
//!
//! let recognizer = Recognizer::new().unwrap();
//! let text = "T\n\"It's a massive falloff,\" said Peter Neumann, director of a center at King's College London. \
//!             The Islamic State, also known as ISIS, lost ground, Neumann said.";
//! let doc = Document::new("d", text);
//! let layout = Tokenizer::new().segment(&doc);
//! let found = recognizer.recognize(text, &layout);
//! let names: Vec<(&str, &str)> = found.mentions.iter()
//!     .map(|m| (&text[m.span], found.entities[m.entity.0 as usize].canonical.as_str()))
//!     .collect();
//! assert!(names.contains(&("Neumann", "Peter Neumann")));
//! assert!(names.contains(&("ISIS", "Islamic State")));
//! assert!(names.contains(&("King's College London", "King's College London")));
//! ```

mod data;
mod error;
mod gazetteer;
mod lexicon;
mod normalize;
mod recognizer;
mod resolve;
mod rules;

pub use data::GAZETTEERS;
pub use error::Error;
pub use gazetteer::{Entry, Gazetteer};
pub use lexicon::{Lexicon, TitleClass};
pub use recognizer::{Entities, Recognizer, RecognizerBuilder};

#[cfg(test)]
mod tests;
