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

/// `chromium` or `chromium-browser` on PATH (Debian's package: `apt-get install chromium`).
pub fn find_chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    ["chromium", "chromium-browser"]
        .iter()
        .find_map(|name| std::env::split_paths(&path).map(|d| d.join(name)).find(|p| p.is_file()))
}

/// Headless chromium with a fresh profile in `profile`, and the flags this sandbox needs: no
/// sandbox as root, and no background networking, whose connections the closed network refuses.
pub fn headless_chromium(
    browser: &std::path::Path,
    profile: &std::path::Path,
) -> std::process::Command {
    let mut cmd = std::process::Command::new(browser);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ])
    .arg(format!("--user-data-dir={}", profile.display()));
    cmd
}
