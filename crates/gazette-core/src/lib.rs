//! Vocabulary types shared by every gazette stage.
//!
//! The stage crates (`gazette-tokenize`, `gazette-entities`, `gazette-claims`) depend on this
//! crate and not on each other, so each can be used and tested on its own. The types here hold
//! no I/O and no behaviour beyond small invariants.
//!
//! * [`Span`]: a half-open **byte** range into the *original* article text. Every annotation
//!   points into the text it was computed from, never into a cleaned copy.
//! * [`Document`]: one article as read (id, optional separate title, text).
//! * [`Token`], [`TokenKind`]: the tokenizer's output.
//! * [`Layout`], [`Part`], [`PartKind`], [`Duplicate`]: what the article is made of: title,
//!   byline, caption, body paragraphs, boilerplate, duplicated copies.
//! * [`Entity`], [`Mention`], [`EntityKind`]: recognized entities.
//! * [`Quote`], [`Attribution`], [`Quantity`]: claims.
//! * [`Analysis`]: everything the pipeline found in one document.
//!
//! ```
//! use gazette_core::Span;
//! let text = "Peter Neumann said";
//! let span = Span::new(0, 13);
//! assert_eq!(&text[span], "Peter Neumann");
//! assert_eq!(span.len(), 13);
//! ```
#![deny(missing_docs)]

mod analysis;
pub mod markup;
mod span;

/// Name particles that may stand in lower case inside a person's name ("Wil M. van Gemert",
/// "Abu Bakr al-Baghdadi"). Shared by the layout (bylines) and the entity rules. `word` is
/// compared as given: pass it lower-cased.
///
/// ```
/// assert!(gazette_core::is_name_particle("van"));
/// assert!(!gazette_core::is_name_particle("said"));
/// ```
pub fn is_name_particle(word: &str) -> bool {
    matches!(
        word,
        "van"
            | "von"
            | "de"
            | "den"
            | "der"
            | "da"
            | "das"
            | "dos"
            | "del"
            | "della"
            | "di"
            | "du"
            | "la"
            | "le"
            | "al"
            | "el"
            | "bin"
            | "ibn"
            | "ben"
            | "bint"
            | "abu"
            | "y"
            | "zu"
            | "ter"
            | "te"
            | "op"
    )
}

pub use analysis::*;
pub use span::Span;
