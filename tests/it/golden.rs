//! Golden test: the output for every corpus article equals `corpus/expected/<id>.json`.

use gazette::Pipeline;
use gazette_tests::{corpus_articles, expected_path, render_golden};

#[test]
fn corpus_outputs_match_golden_files() {
    let pipeline = Pipeline::new();
    let docs = corpus_articles();
    assert!(docs.len() >= 7, "the corpus has the seed and at least six written articles");
    let mut failures = Vec::new();
    for doc in &docs {
        let got = render_golden(&pipeline, doc);
        let path = expected_path(&doc.id);
        let want = std::fs::read_to_string(&path).unwrap_or_default();
        if got != want {
            let diff = first_difference(&want, &got);
            failures.push(format!("{}: {diff}", path.display()));
        }
    }
    assert!(
        failures.is_empty(),
        "golden files differ:\n{}\n\nIf the change is intended, run `cargo xtask golden` and review the diff.",
        failures.join("\n")
    );
}

fn first_difference(want: &str, got: &str) -> String {
    if want.is_empty() {
        return "missing".into();
    }
    for (i, (w, g)) in want.lines().zip(got.lines()).enumerate() {
        if w != g {
            return format!("line {}:\n  expected: {w}\n  got:      {g}", i + 1);
        }
    }
    format!("length differs ({} vs {} lines)", want.lines().count(), got.lines().count())
}
