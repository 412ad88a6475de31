//! The tokenizer and layout on arbitrary bytes (decoded lossily, as the readers do): layout,
//! tokens and sentences must keep every span in bounds, on char boundaries and sorted; the
//! standalone `tokenize` too.
#![no_main]

use gazette_fuzz::{check_layout, check_span, document};
use gazette_tokenize::{tokenize, Tokenizer};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let doc = document(data);
    let layout = Tokenizer::new().segment(&doc);
    check_layout(&doc.text, &layout);

    let tokens = tokenize(&doc.text);
    for t in &tokens {
        check_span(&doc.text, t.span, "tokenize() token");
        assert!(!t.span.is_empty(), "tokenize(): empty token at {:?}", t.span);
    }
    for w in tokens.windows(2) {
        assert!(w[0].span.end() <= w[1].span.start(), "tokenize(): tokens overlap");
    }
});
