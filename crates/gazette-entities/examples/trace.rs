//! Which rule proposed each entity candidate, and which candidates the selection kept.
//!
//! ```sh
//! cargo run --release -p gazette-entities --example trace -- article.txt
//! ```
//! One line per candidate: `+` kept or `-` dropped, type, rule, priority, byte span, text.

use gazette_core::Document;
use gazette_entities::Recognizer;
use gazette_tokenize::Tokenizer;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: trace FILE");
        std::process::exit(2);
    };
    let text = match std::fs::read(&path) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(e) => {
            eprintln!("error: {path}: {e}");
            std::process::exit(2);
        }
    };
    let recognizer = Recognizer::new().expect("the embedded gazetteers load");
    let doc = Document::new("trace", text);
    let layout = Tokenizer::new().segment(&doc);
    for (span, kind, rule, prio, kept) in recognizer.trace(&doc.text, &layout) {
        let mark = if kept { '+' } else { '-' };
        println!("{mark} {kind:?}\t{rule}\t{prio}\t{span:?}\t{}", &doc.text[span]);
    }
}
