//! gazette: who and what a news article mentions, who said what, and which numbers it claims.
//!
//! This facade ties the stages together in a [`Pipeline`] and re-exports them:
//! [`core`] (types), [`tokenize`] (layout, tokens, sentences), [`entities`] (gazetteers, name
//! rules, resolution), [`claims`] (quotes, speakers, reported speech, numbers), [`formats`]
//! (readers, writers, wire schema). A pipeline is built once and shared; [`Pipeline::analyze`] never fails or
//! panics; [`Pipeline::for_each_ordered`] runs a stream of records on a rayon pool and hands the
//! results back in input order.
//!
//! ```
//! use gazette::{core::Document, Pipeline};
//!
//! let pipeline = Pipeline::new();
//! let doc = Document::new("a", "Title\nBy Jane Roe\nIt fell. It rose.\n");
//! let analysis = pipeline.analyze(&doc);
//! assert_eq!(analysis.layout.sentences.len(), 4);
//! ```
#![deny(missing_docs)]

use std::panic::{catch_unwind, AssertUnwindSafe};

pub use gazette_claims as claims;
pub use gazette_core as core;
pub use gazette_entities as entities;
pub use gazette_formats as formats;
pub use gazette_tokenize as tokenize;

use std::sync::OnceLock;

use gazette_claims::Extractor;
use gazette_core::{Analysis, Document};
use gazette_entities::{Recognizer, RecognizerBuilder};
use gazette_tokenize::Tokenizer;

/// The whole analysis, built once and shared across threads.
pub struct Pipeline {
    tokenizer: Tokenizer,
    recognizer: std::sync::Arc<Recognizer>,
    extractor: Extractor,
    pool: Option<rayon::ThreadPool>,
    chunk: usize,
}

impl Default for Pipeline {
    fn default() -> Self {
        Pipeline::new()
    }
}

/// The default recognizer, compiled once per process.
fn default_recognizer() -> std::sync::Arc<Recognizer> {
    static R: OnceLock<std::sync::Arc<Recognizer>> = OnceLock::new();
    R.get_or_init(|| {
        std::sync::Arc::new(
            RecognizerBuilder::new().build().expect("the embedded gazetteers are valid (tested)"),
        )
    })
    .clone()
}

/// Outcome of analyzing one record.
pub type Outcome = Result<Analysis, String>;

impl Pipeline {
    /// A pipeline with the default stages, running on rayon's global pool.
    pub fn new() -> Pipeline {
        Pipeline {
            tokenizer: Tokenizer::new(),
            recognizer: default_recognizer(),
            extractor: Extractor::new(),
            pool: None,
            chunk: 256,
        }
    }

    /// Uses this entity recognizer (for user gazetteers: see [`RecognizerBuilder`]).
    pub fn recognizer(mut self, recognizer: Recognizer) -> Pipeline {
        self.recognizer = std::sync::Arc::new(recognizer);
        self
    }

    /// Uses `n` worker threads (`1`: the sequential path, no thread pool). `0` means all cores.
    pub fn threads(mut self, n: usize) -> Result<Pipeline, rayon::ThreadPoolBuildError> {
        self.pool = match n {
            0 => None,
            n => Some(rayon::ThreadPoolBuilder::new().num_threads(n).build()?),
        };
        Ok(self)
    }

    /// Number of worker threads this pipeline runs on.
    pub fn current_threads(&self) -> usize {
        match &self.pool {
            Some(p) => p.current_num_threads(),
            None => rayon::current_num_threads(),
        }
    }

    /// Number of records processed per parallel batch (default 256).
    pub fn chunk_size(mut self, n: usize) -> Pipeline {
        self.chunk = n.max(1);
        self
    }

    /// Analyzes one document.
    pub fn analyze(&self, doc: &Document) -> Analysis {
        let layout = self.tokenizer.segment(doc);
        let found = self.recognizer.recognize(&doc.text, &layout);
        let claims = self.extractor.extract(&doc.text, &layout, &found.entities, &found.mentions);
        Analysis {
            layout,
            entities: found.entities,
            mentions: found.mentions,
            quotes: claims.quotes,
            attributions: claims.attributions,
            quantities: claims.quantities,
        }
    }

    /// Analyzes one document, turning a panic (a bug) into an error instead of losing the batch.
    pub fn try_analyze(&self, doc: &Document) -> Outcome {
        catch_unwind(AssertUnwindSafe(|| self.analyze(doc))).map_err(|p| {
            let msg = p
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| p.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            format!("internal error while analyzing: {msg}")
        })
    }

    /// Analyzes documents in parallel; results are in input order.
    pub fn analyze_all(&self, docs: &[Document]) -> Vec<Analysis> {
        use rayon::prelude::*;
        self.install(|| docs.par_iter().map(|d| self.analyze(d)).collect())
    }

    fn is_sequential(&self) -> bool {
        self.pool.as_ref().is_some_and(|p| p.current_num_threads() == 1)
    }

    fn install<R: Send>(&self, f: impl FnOnce() -> R + Send) -> R {
        match &self.pool {
            Some(p) => p.install(f),
            None => f(),
        }
    }

    /// Streams `items` through `work` (run in parallel, chunk by chunk, with the pipeline) and
    /// passes each result to `sink` in input order. Reading the next chunk (on a helper thread)
    /// overlaps with analyzing the current one; memory is bounded by about three chunks. Stops
    /// early and returns the error if `sink` fails.
    pub fn for_each_ordered<I, T, R, E>(
        &self,
        items: I,
        work: impl Fn(&Pipeline, T) -> R + Sync,
        mut sink: impl FnMut(R) -> Result<(), E>,
    ) -> Result<(), E>
    where
        I: IntoIterator<Item = T>,
        I::IntoIter: Send,
        T: Send,
        R: Send,
    {
        use rayon::prelude::*;
        let items = items.into_iter();
        if self.is_sequential() {
            for item in items {
                sink(work(self, item))?;
            }
            return Ok(());
        }
        let chunk_size = self.chunk;
        // Three stages, so that reading, analyzing and writing overlap: a reader thread cuts the
        // input into chunks, a worker thread analyzes each chunk on the rayon pool, and this
        // thread hands the results to `sink` in order while the next chunk is analyzed.
        std::thread::scope(|scope| {
            let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<T>>(1);
            let (done_tx, done_rx) = std::sync::mpsc::sync_channel::<Vec<R>>(1);
            scope.spawn(move || {
                let mut items = items;
                loop {
                    let chunk: Vec<T> = items.by_ref().take(chunk_size).collect();
                    // A closed channel means the consumer stopped early.
                    if chunk.is_empty() || tx.send(chunk).is_err() {
                        break;
                    }
                }
            });
            let work = &work;
            scope.spawn(move || {
                for chunk in rx {
                    let results: Vec<R> = self
                        .install(|| chunk.into_par_iter().map(|item| work(self, item)).collect());
                    if done_tx.send(results).is_err() {
                        break;
                    }
                }
            });
            // Returning early drops `done_rx`, which ends the worker at its next send, and the
            // worker's `rx` with it, which ends the reader.
            for results in done_rx {
                for r in results {
                    sink(r)?;
                }
            }
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn for_each_ordered_keeps_input_order() {
        let p = Pipeline::new().threads(2).unwrap().chunk_size(3);
        let mut seen = Vec::new();
        p.for_each_ordered(
            0..20,
            |_, i| i * 2,
            |r| -> Result<(), ()> {
                seen.push(r);
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(seen, (0..20).map(|i| i * 2).collect::<Vec<_>>());
    }

    #[test]
    fn sink_error_stops_the_run() {
        let p = Pipeline::new().threads(1).unwrap();
        let mut n = 0;
        let r = p.for_each_ordered(
            0..10,
            |_, i| i,
            |i| {
                n += 1;
                if i == 3 {
                    Err("stop")
                } else {
                    Ok(())
                }
            },
        );
        assert_eq!(r, Err("stop"));
        assert_eq!(n, 4);
    }
}
