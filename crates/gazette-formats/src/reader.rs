use std::collections::VecDeque;
use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use gazette_core::Document;
use serde::Deserialize;

use crate::Error;

/// One input record: a document, or an error that names the file and line.
pub type Record = Result<Document, RecordError>;

/// A record that could not be read. It becomes an error record in the output; the batch goes on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordError {
    /// The record's id when known, else `file:line`.
    pub id: String,
    /// What went wrong, with file and line.
    pub message: String,
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for RecordError {}

/// How to read a file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum InputFormat {
    /// By extension: `.jsonl`/`.ndjson` are JSONL, anything else is one text article; a final
    /// `.gz` is decompressed first (`a.jsonl.gz`, `b.txt.gz`); stdin is JSONL when its first
    /// non-blank byte is `{`.
    #[default]
    Auto,
    /// One article per file.
    Text,
    /// One JSON object per line.
    Jsonl,
}

enum Source {
    File(PathBuf),
    Stdin,
}

/// Streams records from files, directories and stdin, lazily and in a deterministic order.
pub struct Reader {
    format: InputFormat,
    sources: VecDeque<Source>,
    current: Option<JsonlLines>,
    progress: ReadProgress,
}

/// How far a [`Reader`] has got: bytes read from disk (compressed bytes for `.gz` files) out of
/// the inputs' total size. Cheap to clone and to read from another thread, for progress bars.
#[derive(Clone, Debug, Default)]
pub struct ReadProgress {
    read: Arc<AtomicU64>,
    total: Option<u64>,
}

impl ReadProgress {
    /// Bytes read from the inputs so far.
    pub fn bytes_read(&self) -> u64 {
        self.read.load(Ordering::Relaxed)
    }

    /// Total size of the inputs, when known (not for stdin).
    pub fn total_bytes(&self) -> Option<u64> {
        self.total
    }
}

/// Counts the bytes read through it into a [`ReadProgress`].
struct Counted<R> {
    inner: R,
    read: Arc<AtomicU64>,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

impl Reader {
    /// Opens inputs: files, directories (walked recursively, sorted, hidden files skipped) and
    /// `-` for stdin. Fails if a path does not exist or a directory cannot be listed.
    pub fn open<P: AsRef<Path>>(inputs: &[P], format: InputFormat) -> Result<Reader, Error> {
        let mut sources = VecDeque::new();
        let mut total = Some(0u64);
        for input in inputs {
            let path = input.as_ref();
            if path.as_os_str() == "-" {
                sources.push_back(Source::Stdin);
                total = None;
                continue;
            }
            let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
                io::ErrorKind::NotFound => Error::NotFound { path: path.to_path_buf() },
                _ => Error::Io { path: path.to_path_buf(), source: e },
            })?;
            if meta.is_dir() {
                let mut files = Vec::new();
                walk(path, &mut files)?;
                files.sort();
                for file in &files {
                    let size = std::fs::metadata(file).map_or(0, |m| m.len());
                    total = total.map(|t| t + size);
                }
                sources.extend(files.into_iter().map(Source::File));
            } else {
                total = total.map(|t| t + meta.len());
                sources.push_back(Source::File(path.to_path_buf()));
            }
        }
        let progress = ReadProgress { read: Arc::default(), total };
        Ok(Reader { format, sources, current: None, progress })
    }

    /// A handle on how far reading has got (see [`ReadProgress`]).
    pub fn progress(&self) -> ReadProgress {
        self.progress.clone()
    }

    fn open_source(&mut self, source: Source) -> Option<Record> {
        match source {
            Source::Stdin => {
                let mut buf = Vec::new();
                if let Err(e) = io::stdin().lock().read_to_end(&mut buf) {
                    return Some(Err(RecordError {
                        id: "-".into(),
                        message: format!("<stdin>: {e}"),
                    }));
                }
                let jsonl = match self.format {
                    InputFormat::Jsonl => true,
                    InputFormat::Text => false,
                    InputFormat::Auto => {
                        buf.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
                    }
                };
                if jsonl {
                    self.current =
                        Some(JsonlLines::new("<stdin>".into(), Box::new(io::Cursor::new(buf))));
                    None
                } else {
                    Some(text_record("stdin".into(), "<stdin>", buf))
                }
            }
            Source::File(path) => {
                let name = path.display().to_string();
                // "a.jsonl.gz" is gzip-compressed "a.jsonl".
                let gz = path.extension().is_some_and(|e| e == "gz");
                let inner = if gz { path.with_extension("") } else { path.clone() };
                let jsonl = match self.format {
                    InputFormat::Jsonl => true,
                    InputFormat::Text => false,
                    InputFormat::Auto => matches!(
                        inner.extension().and_then(|e| e.to_str()),
                        Some("jsonl" | "ndjson")
                    ),
                };
                let read = Arc::clone(&self.progress.read);
                let open = |p: &Path| -> io::Result<Box<dyn Read + Send>> {
                    let f = Counted { inner: File::open(p)?, read };
                    Ok(if gz {
                        Box::new(flate2::read::MultiGzDecoder::new(f))
                    } else {
                        Box::new(f)
                    })
                };
                if jsonl {
                    match open(&path) {
                        Ok(f) => {
                            self.current = Some(JsonlLines::new(
                                name,
                                Box::new(BufReader::with_capacity(1 << 16, f)),
                            ));
                            None
                        }
                        Err(e) => Some(Err(RecordError {
                            id: name.clone(),
                            message: format!("{name}: {e}"),
                        })),
                    }
                } else {
                    let id = inner
                        .file_stem()
                        .map_or_else(|| name.clone(), |s| s.to_string_lossy().into_owned());
                    let mut bytes = Vec::new();
                    match open(&path).and_then(|mut f| f.read_to_end(&mut bytes)) {
                        Ok(_) => Some(text_record(id, &name, bytes)),
                        Err(e) => Some(Err(RecordError { id, message: format!("{name}: {e}") })),
                    }
                }
            }
        }
    }
}

impl Iterator for Reader {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        loop {
            if let Some(lines) = &mut self.current {
                match lines.next() {
                    Some(r) => return Some(r),
                    None => self.current = None,
                }
            }
            let source = self.sources.pop_front()?;
            if let Some(r) = self.open_source(source) {
                return Some(r);
            }
        }
    }
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), Error> {
    let io_err = |e| Error::Io { path: dir.to_path_buf(), source: e };
    for entry in std::fs::read_dir(dir).map_err(io_err)? {
        let entry = entry.map_err(io_err)?;
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let ty = entry.file_type().map_err(io_err)?;
        if ty.is_dir() {
            walk(&path, out)?;
        } else if ty.is_file() || (ty.is_symlink() && path.is_file()) {
            out.push(path);
        }
    }
    Ok(())
}

/// Decodes bytes as UTF-8, replacing invalid sequences and saying so.
fn decode(bytes: Vec<u8>, warnings: &mut Vec<String>) -> String {
    match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let bytes = e.into_bytes();
            let s = String::from_utf8_lossy(&bytes).into_owned();
            let n = s.chars().filter(|&c| c == '\u{FFFD}').count();
            warnings.push(format!(
                "invalid UTF-8: {n} invalid sequence(s) replaced by U+FFFD; offsets refer to the decoded text"
            ));
            s
        }
    }
}

fn text_record(id: String, name: &str, bytes: Vec<u8>) -> Record {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return Err(RecordError {
            id,
            message: format!("{name}: binary file (contains NUL bytes), skipped"),
        });
    }
    let mut warnings = Vec::new();
    let text = decode(bytes, &mut warnings);
    if text.trim().is_empty() {
        return Err(RecordError { id, message: format!("{name}: empty article (no text)") });
    }
    Ok(Document { id, title: None, text, warnings })
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Id {
    Str(String),
    Num(serde_json::Number),
}

#[derive(Deserialize)]
struct JsonRecord {
    #[serde(default)]
    id: Option<Id>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    text: Option<String>,
}

struct JsonlLines {
    name: String,
    input: Box<dyn BufRead + Send>,
    line: usize,
    buf: Vec<u8>,
}

impl JsonlLines {
    fn new(name: String, input: Box<dyn BufRead + Send>) -> JsonlLines {
        JsonlLines { name, input, line: 0, buf: Vec::new() }
    }
}

impl Iterator for JsonlLines {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        loop {
            self.buf.clear();
            match self.input.read_until(b'\n', &mut self.buf) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(e) => {
                    // The input cannot go on after an error (a corrupt or truncated gzip stream
                    // fails again on every read): one error record, then the source ends.
                    self.input = Box::new(io::empty());
                    self.line += 1;
                    let at = format!("{}:{}", self.name, self.line);
                    return Some(Err(RecordError {
                        id: at.clone(),
                        message: format!("{at}: {e}"),
                    }));
                }
            }
            self.line += 1;
            if self.buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let at = format!("{}:{}", self.name, self.line);
            let mut warnings = Vec::new();
            let line = decode(std::mem::take(&mut self.buf), &mut warnings);
            let rec: JsonRecord = match serde_json::from_str(&line) {
                Ok(r) => r,
                Err(e) => {
                    return Some(Err(RecordError {
                        id: at.clone(),
                        message: format!("{at}: invalid JSON: {e}"),
                    }))
                }
            };
            let id = match rec.id {
                Some(Id::Str(s)) => s,
                Some(Id::Num(n)) => n.to_string(),
                None => at.clone(),
            };
            let Some(text) = rec.text else {
                return Some(Err(RecordError {
                    id,
                    message: format!("{at}: record has no \"text\" field"),
                }));
            };
            if text.trim().is_empty() && rec.title.as_deref().is_none_or(|t| t.trim().is_empty()) {
                return Some(Err(RecordError {
                    id,
                    message: format!("{at}: empty article (no text)"),
                }));
            }
            return Some(Ok(Document { id, title: rec.title, text, warnings }));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jsonl(input: &str) -> Vec<Record> {
        JsonlLines::new("in.jsonl".into(), Box::new(io::Cursor::new(input.as_bytes().to_vec())))
            .collect()
    }

    #[test]
    fn progress_counts_bytes_read_from_disk_against_the_inputs_size() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.jsonl");
        std::fs::write(&a, "{\"id\":\"1\",\"text\":\"One.\"}\n{\"id\":\"2\",\"text\":\"Two.\"}\n")
            .unwrap();
        std::fs::write(dir.path().join("b.txt"), "Title\n\nBody text.\n").unwrap();
        let size = |p: &Path| std::fs::metadata(p).unwrap().len();
        let total = size(&a) + size(&dir.path().join("b.txt"));
        let mut reader = Reader::open(&[dir.path()], InputFormat::Auto).unwrap();
        let progress = reader.progress();
        assert_eq!(progress.total_bytes(), Some(total));
        assert_eq!(progress.bytes_read(), 0);
        assert!(reader.next().is_some());
        assert!(progress.bytes_read() > 0 && progress.bytes_read() <= total);
        assert_eq!(reader.by_ref().count(), 2);
        assert_eq!(progress.bytes_read(), total);
        // Stdin has no known size.
        let stdin = Reader::open(&["-"], InputFormat::Auto).unwrap();
        assert_eq!(stdin.progress().total_bytes(), None);
    }

    #[test]
    fn jsonl_bad_lines_become_error_records_and_the_rest_goes_on() {
        let recs = jsonl(
            "{\"id\":\"a\",\"title\":\"T\",\"text\":\"Body.\"}\nnot json\n\n{\"id\":7,\"title\":\"x\"}\n{\"text\":\"B\"}\n",
        );
        assert_eq!(recs.len(), 4);
        let a = recs[0].as_ref().unwrap();
        assert_eq!((a.id.as_str(), a.title.as_deref(), a.text.as_str()), ("a", Some("T"), "Body."));
        let e = recs[1].as_ref().unwrap_err();
        assert!(e.message.starts_with("in.jsonl:2: invalid JSON"), "{}", e.message);
        let e = recs[2].as_ref().unwrap_err();
        assert_eq!(e.id, "7");
        assert_eq!(e.message, "in.jsonl:4: record has no \"text\" field");
        assert_eq!(recs[3].as_ref().unwrap().id, "in.jsonl:5");
    }

    /// Found by the `jsonl_reader` fuzz target: a truncated gzip stream (here a bare gzip
    /// header) made every `next()` fail again, so the reader yielded error records forever.
    #[test]
    fn an_unreadable_stream_gives_one_error_record_then_ends() {
        let truncated_gzip: &[u8] = b"\x1f\x8b\x08\x00\x6d\xff\xff\xff\xff\x4e";
        let dir = std::env::temp_dir().join(format!("gazette-reader-gz-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("truncated.jsonl.gz");
        std::fs::write(&path, truncated_gzip).unwrap();
        let recs: Vec<Record> =
            Reader::open(&[&path], InputFormat::Auto).unwrap().take(10).collect();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(recs.len(), 1, "{recs:?}");
        let e = recs[0].as_ref().unwrap_err();
        assert!(e.message.starts_with(&format!("{}:1: ", path.display())), "{}", e.message);

        // A valid first line, then a read error: the record, one error, the end.
        struct FailAfter(&'static [u8]);
        impl Read for FailAfter {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                if self.0.is_empty() {
                    return Err(io::Error::other("device error"));
                }
                let n = self.0.len().min(buf.len());
                buf[..n].copy_from_slice(&self.0[..n]);
                self.0 = &self.0[n..];
                Ok(n)
            }
        }
        let lines = JsonlLines::new(
            "in.jsonl".into(),
            Box::new(BufReader::new(FailAfter(b"{\"text\":\"a\"}\n{\"te"))),
        );
        let recs: Vec<Record> = lines.take(10).collect();
        assert_eq!(recs.len(), 2, "{recs:?}");
        assert_eq!(recs[0].as_ref().unwrap().text, "a");
        assert_eq!(recs[1].as_ref().unwrap_err().message, "in.jsonl:2: device error");
    }

    #[test]
    fn invalid_utf8_is_replaced_with_a_warning() {
        let mut w = Vec::new();
        let s = decode(b"caf\xe9 ok".to_vec(), &mut w);
        assert_eq!(s, "caf\u{FFFD} ok");
        assert_eq!(w.len(), 1);
        let r = text_record("x".into(), "x.txt", b"\xff\xfe".to_vec()).unwrap();
        assert_eq!(r.warnings.len(), 1);
    }

    #[test]
    fn binary_and_empty_files_are_error_records() {
        let e =
            text_record("b".into(), "b.bin", vec![0x7f, b'E', b'L', b'F', 0, 0, 1]).unwrap_err();
        assert!(e.message.contains("binary file"));
        let e = text_record("e".into(), "e.txt", b" \n ".to_vec()).unwrap_err();
        assert!(e.message.contains("empty article"));
    }
}
