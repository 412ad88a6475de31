//! Fixture helpers shared by the integration tests, the benches and xtask.

use std::path::PathBuf;

use gazette::core::Document;
use gazette::formats::{wire, InputFormat, Reader};
use gazette::Pipeline;

/// The repository's `corpus/` directory.
pub fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..").join("corpus")
}

/// The bundled articles (`corpus/articles/*.txt`), sorted by file name.
pub fn corpus_articles() -> Vec<Document> {
    let dir = corpus_dir().join("articles");
    Reader::open(&[dir], InputFormat::Text)
        .expect("corpus/articles must exist")
        .map(|r| r.expect("corpus articles must be readable"))
        .collect()
}

/// Path of the golden output of an article.
pub fn expected_path(id: &str) -> PathBuf {
    corpus_dir().join("expected").join(format!("{id}.json"))
}

/// The golden rendering of an article: its pretty-printed wire record and a final newline.
pub fn render_golden(pipeline: &Pipeline, doc: &Document) -> String {
    let analysis = pipeline.analyze(doc);
    let record = wire::Record::new(doc, &analysis);
    let mut s = serde_json::to_string_pretty(&record).expect("wire records serialize");
    s.push('\n');
    s
}
