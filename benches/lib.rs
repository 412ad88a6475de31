//! Shared helpers for the benches: corpus text, repeated to a useful size.

pub use gazette_tests::corpus_articles;
