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

pub use analysis::*;
pub use span::Span;
