//! The JSONL reader on arbitrary bytes, through the public `Reader` (it reads paths, so the
//! bytes go to a file): it must never panic, never loop, and every non-blank line must become
//! exactly one record or one `RecordError` naming the file and line.
//!
//! Modes, by the first bytes of the input:
//! * `Z...`: the rest is gzip-compressed by the harness and read as `in.jsonl.gz` (a valid
//!   stream, so the decompressing path sees the same lines);
//! * `\x1f\x8b...` (gzip magic): the bytes are read as `in.jsonl.gz` as they are (corrupt or
//!   truncated streams): no line count is known, only that reading ends without a panic;
//! * anything else: read as `in.jsonl`.
#![no_main]

use std::io::Write;
use std::path::PathBuf;
use std::sync::LazyLock;

use gazette_formats::{InputFormat, Reader};
use libfuzzer_sys::fuzz_target;

/// A private directory for this process's input files.
static DIR: LazyLock<PathBuf> = LazyLock::new(|| {
    let dir = std::env::temp_dir().join(format!("gazette-fuzz-jsonl-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
});

/// Lines `read_until(b'\n')` gives that are not all ASCII whitespace.
fn non_blank_lines(data: &[u8]) -> usize {
    data.split_inclusive(|&b| b == b'\n').filter(|l| !l.iter().all(u8::is_ascii_whitespace)).count()
}

fn read(path: &PathBuf, bytes: &[u8], expected: Option<usize>) {
    std::fs::write(path, bytes).expect("write input");
    let name = path.display().to_string();
    let reader = Reader::open(&[path], InputFormat::Auto).expect("open an existing file");
    let mut n = 0usize;
    let mut last_line = 0usize;
    for rec in reader {
        n += 1;
        // A corrupt gzip stream may end in an error record, but reading must stop: at most one
        // record per input byte, plus one.
        assert!(
            n <= bytes.len() + 1,
            "reader does not stop: {n} records from {} bytes",
            bytes.len()
        );
        match rec {
            Ok(doc) => {
                assert!(
                    !doc.text.trim().is_empty()
                        || doc.title.as_deref().is_some_and(|t| !t.trim().is_empty()),
                    "an empty article became a document"
                );
            }
            Err(e) => {
                let rest = e
                    .message
                    .strip_prefix(&name)
                    .and_then(|r| r.strip_prefix(':'))
                    .unwrap_or_else(|| panic!("error does not name the file: {}", e.message));
                if let Some((line, _)) = rest.split_once(':') {
                    if let Ok(line) = line.parse::<usize>() {
                        assert!(line > last_line, "line numbers go backwards: {}", e.message);
                        last_line = line;
                    }
                }
            }
        }
    }
    if let Some(expected) = expected {
        assert_eq!(n, expected, "one record or error per non-blank line");
    }
}

fuzz_target!(|data: &[u8]| {
    if let Some(rest) = data.strip_prefix(b"Z") {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(rest).expect("compress");
        let bytes = gz.finish().expect("compress");
        read(&DIR.join("in.jsonl.gz"), &bytes, Some(non_blank_lines(rest)));
    } else if data.starts_with(&[0x1f, 0x8b]) {
        read(&DIR.join("in.jsonl.gz"), data, None);
    } else {
        read(&DIR.join("in.jsonl"), data, Some(non_blank_lines(data)));
    }
});
