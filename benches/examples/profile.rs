//! A stage in a loop, for profilers that count instructions (callgrind) or sample (perf):
//!
//! ```text
//! cargo build --release -p gazette-benches --example profile
//! valgrind --tool=callgrind target/release/examples/profile recognize 20
//! ```
//!
//! Stages: `tokenize`, `recognize`, `claims`, `pipeline`. The gazetteers are compiled before the
//! loop; callgrind's `--toggle-collect=profile::run` counts only the loop.

use gazette::claims::Extractor;
use gazette::entities::Recognizer;
use gazette::tokenize::Tokenizer;
use gazette::Pipeline;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let stage = args.get(1).map_or("recognize", String::as_str);
    let rounds: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(20);
    let docs = gazette_benches::corpus_articles();
    let tokenizer = Tokenizer::new();
    let layouts: Vec<_> = docs.iter().map(|d| tokenizer.segment(d)).collect();
    let recognizer = match Recognizer::new() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let extractor = Extractor::new();
    let pipeline = Pipeline::new();
    let n = run(stage, rounds, &docs, &layouts, &tokenizer, &recognizer, &extractor, &pipeline);
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    eprintln!("{stage}: {rounds} rounds over {bytes} bytes, checksum {n}");
}

#[inline(never)]
#[allow(clippy::too_many_arguments)]
fn run(
    stage: &str,
    rounds: usize,
    docs: &[gazette::core::Document],
    layouts: &[gazette::core::Layout],
    tokenizer: &Tokenizer,
    recognizer: &Recognizer,
    extractor: &Extractor,
    pipeline: &Pipeline,
) -> usize {
    let mut n = 0;
    for _ in 0..rounds {
        for (d, l) in docs.iter().zip(layouts) {
            n += match stage {
                "tokenize" => tokenizer.segment(d).tokens.len(),
                "recognize" => recognizer.recognize(&d.text, l).mentions.len(),
                "claims" => {
                    let f = recognizer.recognize(&d.text, l);
                    extractor.extract(&d.text, l, &f.entities, &f.mentions).quotes.len()
                }
                _ => pipeline.analyze(d).entities.len(),
            };
        }
    }
    n
}
