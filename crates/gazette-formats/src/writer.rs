use std::io::Write;

use serde::Serialize;

use crate::wire::ErrorRecord;
use crate::Error;

/// Output format.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// One JSON object per line.
    #[default]
    Jsonl,
    /// A pretty-printed JSON array.
    Json,
    /// Token-per-line BIO tags (rendered by [`crate::conll::render`], written as is).
    Conll,
}

/// Writes records one after another in the chosen format.
pub struct Writer<W: Write> {
    out: W,
    format: Format,
    count: usize,
}

impl<W: Write> Writer<W> {
    /// A writer; call [`Writer::finish`] at the end.
    pub fn new(out: W, format: Format) -> Writer<W> {
        Writer { out, format, count: 0 }
    }

    /// Serializes one record to bytes (can run on any thread), to be passed to
    /// [`Writer::write_raw`] in order.
    pub fn render<T: Serialize>(format: Format, record: &T) -> Vec<u8> {
        let mut buf = Vec::with_capacity(1024);
        let r = match format {
            Format::Jsonl => serde_json::to_writer(&mut buf, record),
            Format::Json => serde_json::to_writer_pretty(&mut buf, record),
            // CoNLL records are rendered by `conll::render`; error records become comments.
            Format::Conll => serde_json::to_writer(&mut buf, record).map(|()| {
                buf.splice(0..0, b"# ".iter().copied());
            }),
        };
        if let Err(e) = r {
            // Serializing our own types cannot fail short of a bug; keep the batch going.
            buf.clear();
            let msg = format!("internal error: cannot serialize record: {e}");
            let _ = serde_json::to_writer(&mut buf, &ErrorRecord::new("?", &msg));
        }
        buf
    }

    /// Writes one rendered record.
    pub fn write_raw(&mut self, rendered: &[u8]) -> Result<(), Error> {
        match self.format {
            Format::Jsonl => {
                self.out.write_all(rendered)?;
                self.out.write_all(b"\n")?;
            }
            Format::Json => {
                self.out.write_all(if self.count == 0 { b"[\n" } else { b",\n" })?;
                self.out.write_all(rendered)?;
            }
            Format::Conll => {
                self.out.write_all(rendered)?;
                if !rendered.ends_with(b"\n") {
                    self.out.write_all(b"\n")?;
                }
                self.out.write_all(b"\n")?;
            }
        }
        self.count += 1;
        Ok(())
    }

    /// Renders and writes one record.
    pub fn write<T: Serialize>(&mut self, record: &T) -> Result<(), Error> {
        let buf = Self::render(self.format, record);
        self.write_raw(&buf)
    }

    /// Closes the JSON array and flushes; returns the inner writer.
    pub fn finish(mut self) -> Result<W, Error> {
        if self.format == Format::Json {
            self.out.write_all(if self.count == 0 { b"[]\n" } else { b"\n]\n" })?;
        }
        self.out.flush()?;
        Ok(self.out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_array_is_valid_for_zero_one_and_many() {
        for n in [0, 1, 3] {
            let mut w = Writer::new(Vec::new(), Format::Json);
            for i in 0..n {
                w.write(&ErrorRecord::new(&i.to_string(), "e")).unwrap();
            }
            let out = w.finish().unwrap();
            let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
            assert_eq!(v.as_array().unwrap().len(), n);
        }
        let mut w = Writer::new(Vec::new(), Format::Jsonl);
        w.write(&ErrorRecord::new("a", "e")).unwrap();
        assert_eq!(
            String::from_utf8(w.finish().unwrap()).unwrap(),
            "{\"schema_version\":1,\"id\":\"a\",\"error\":\"e\"}\n"
        );
    }
}
