//! The whole pipeline (layout, entities, quotes, attributions, quantities) through the
//! `gazette` facade on arbitrary text, then its wire record: every span in bounds and on char
//! boundaries, vectors sorted, the JSONL record valid JSON whose code-point offsets give back
//! the quoted text.
#![no_main]

use std::sync::LazyLock;

use gazette::formats::wire::Record;
use gazette::formats::{Format, Writer};
use gazette::Pipeline;
use gazette_fuzz::{check_analysis, document};
use libfuzzer_sys::fuzz_target;

static PIPELINE: LazyLock<Pipeline> = LazyLock::new(|| {
    // The sequential path: no thread pool in the fuzzed process.
    Pipeline::new().threads(1).expect("a one-thread pipeline")
});

fuzz_target!(|data: &[u8]| {
    let doc = document(data);
    let a = PIPELINE.analyze(&doc);
    check_analysis(&doc.text, &a);

    let bytes = Writer::<Vec<u8>>::render(Format::Jsonl, &Record::new(&doc, &a));
    let v: serde_json::Value = serde_json::from_slice(&bytes).expect("the record is valid JSON");
    assert!(v.get("error").is_none(), "render failed: {v}");
    let chars: Vec<char> = doc.text.chars().collect();
    for q in v["quotes"].as_array().expect("quotes array") {
        let (start, end) =
            (q["start"].as_u64().unwrap() as usize, q["end"].as_u64().unwrap() as usize);
        let got: String = chars[start..end].iter().collect();
        assert_eq!(got, q["text"].as_str().unwrap(), "wire offsets of a quote");
    }
});
