//! Input readers and output writers for gazette, and the JSON wire schema.
//!
//! * [`Reader`]: streams [`Record`]s from `.txt` files, directories of them (recursively,
//!   sorted), JSONL files (`{"id", "title"?, "text"}` per line) and stdin (`-`). A bad record
//!   becomes a [`RecordError`] with its file and line; the rest goes on.
//! * [`wire`]: the versioned wire schema ([`wire::SCHEMA_VERSION`]): separate `Serialize` types
//!   with Unicode code-point offsets, converted once from the byte spans of
//!   [`gazette_core::Analysis`].
//! * [`Writer`]: writes records as JSONL or as a pretty JSON array.
//! * [`brat`]: `.txt` + `.ann` standoff files per article.
//! * [`conll`]: token-per-line BIO tags.
//! * [`html`]: self-contained pages for reading: one per article (the text with entities, quotes
//!   and numeric claims highlighted, and their tables) and an index with the collection summary.
//! * [`report`]: the collection summary of extract output.
//! * [`tables`]: CSV tables (entities, mentions, quotes, attributions, quantities, errors).
//!
//! ```
//! use gazette_core::{Analysis, Document};
//! use gazette_formats::wire;
//!
//! let doc = Document::new("d1", "Münch said");
//! let analysis = Analysis::default();
//! let record = wire::Record::new(&doc, &analysis);
//! let json = serde_json::to_string(&record).unwrap();
//! assert!(json.starts_with(r#"{"schema_version":1,"id":"d1""#));
//!
//! // Code-point offsets: "said" starts at char 6 although it starts at byte 7.
//! let map = wire::OffsetMap::new(&doc.text);
//! assert_eq!(map.char_offset(7), 6);
//! ```

pub mod brat;
pub mod conll;
mod error;
pub mod html;
mod reader;
pub mod report;
pub mod tables;
pub mod wire;
mod writer;

pub use error::Error;
pub use reader::{InputFormat, ReadProgress, Reader, Record, RecordError};
pub use writer::{Format, Writer};
