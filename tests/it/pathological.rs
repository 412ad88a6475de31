//! Pathological inputs run in linear time: each is analyzed, and takes at most a generous
//! multiple of the time of ordinary news text of the same size (a ratio, so a slow or busy
//! machine does not fail it; a quadratic path would).

use std::time::{Duration, Instant};

use gazette::core::Document;
use gazette::Pipeline;
use gazette_tests::corpus_articles;

const SIZE: usize = 1_000_000;
const MAX_RATIO: f64 = 10.0;

/// Ordinary news text of about `SIZE` bytes, without duplicated paragraphs.
fn normal_text() -> String {
    let docs = corpus_articles();
    let mut out = String::from("Title\n");
    let mut n = 0;
    while out.len() < SIZE {
        for d in &docs {
            for line in d.text.lines().skip(1) {
                out.push_str(&format!("Paragraph {n}: {line}\n"));
                n += 1;
            }
        }
    }
    out
}

fn time(p: &Pipeline, text: &str) -> (Duration, usize) {
    let doc = Document::new("p", text);
    let start = Instant::now();
    let a = p.analyze(&doc);
    (start.elapsed(), a.layout.tokens.len())
}

fn repeat_to(piece: &str) -> String {
    let mut s = String::from("Title\n");
    while s.len() < SIZE {
        s.push_str(piece);
    }
    s
}

#[test]
fn pathological_inputs_run_in_linear_time() {
    let p = Pipeline::new();
    let (base, _) = time(&p, &normal_text());
    let cases = [
        (
            "capitalized words in a row",
            repeat_to("Peter Neumann Van Al Abu United States Bank Of Center "),
        ),
        ("quote marks", repeat_to("\" \u{201c} ' \u{2018} \u{201d} ")),
        ("deep nesting", {
            let mut s = String::from("Title\n");
            s.push_str(&"(\"[\u{2018}".repeat(SIZE / 16));
            s.push('x');
            s.push_str(&"\u{2019}]\")".repeat(SIZE / 16));
            s
        }),
        (
            "one very long line",
            repeat_to("Officials said \"2,000 fighters\" left, according to the U.S. "),
        ),
        ("NUL bytes and controls", repeat_to("word\u{0} \u{1}said\u{7f} 12,000 \u{0}\u{0} ")),
        ("numbers only", repeat_to("1 1/2 2,000 3.5 10-15 ")),
        // Found by the `tokenize` fuzz target: one run without spaces holding many `@` was
        // rescanned for a URL or e-mail from every `@` (quadratic: 100 KB took seconds).
        ("e-mail-like run of @ (fuzz)", repeat_to("Ui@ae@aedra.a@")),
        ("URL-like run (fuzz)", repeat_to("x.com/a@b(c)d:e.org@")),
    ];
    for (name, text) in cases {
        let (t, tokens) = time(&p, &text);
        assert!(tokens > 0, "{name}: no tokens");
        let ratio = t.as_secs_f64() / base.as_secs_f64().max(1e-6);
        assert!(
            ratio <= MAX_RATIO,
            "{name}: {:.2?} against {:.2?} for normal text (ratio {ratio:.1} > {MAX_RATIO})",
            t,
            base
        );
    }
}
