//! Article layout, tokens and sentences for news text, with exact offsets into the original.
//!
//! Main types:
//! * [`Tokenizer`]: built once, immutable, `Send + Sync`; [`Tokenizer::segment`] turns a
//!   [`Document`] into a [`Layout`]: paragraphs with their role (title, byline, publisher,
//!   caption, body, contributor note, boilerplate), datelines and caption credits, authors and
//!   contributors, duplicated copies of earlier text, sentences and tokens.
//! * [`tokenize`]: the tokenizer alone, for reuse in other code.
//!
//! Every [`Span`](gazette_core::Span) is a byte range into `doc.text` as given; nothing is
//! cleaned or copied. Processing never fails and never panics.
//!
//! ```
//! use gazette_core::{Document, PartKind};
//! use gazette_tokenize::Tokenizer;
//!
//! let text = "Fighters Flow Slows\nBy Jane Roe and John Doe\n\
//!             BEIRUT (Reuters) - Officials in the U.S. said the flow fell. It rose in 2014.\nComments\n";
//! let doc = Document::new("a1", text);
//! let layout = Tokenizer::new().segment(&doc);
//! assert_eq!(&text[layout.title.unwrap()], "Fighters Flow Slows");
//! let authors: Vec<&str> = layout.authors.iter().map(|s| &text[*s]).collect();
//! assert_eq!(authors, ["Jane Roe", "John Doe"]);
//! let sentences: Vec<&str> = layout.sentences.iter().map(|s| &text[s.span]).collect();
//! assert!(sentences.contains(&"Officials in the U.S. said the flow fell."));
//! assert_eq!(layout.paragraphs.last().unwrap().kind, PartKind::Boilerplate);
//! ```

mod abbrev;
mod layout;
mod sentence;
mod token;

pub use layout::Tokenizer;
pub use token::{tokenize, tokenize_into};

#[cfg(test)]
mod tests;
