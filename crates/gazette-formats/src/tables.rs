//! CSV output: one table per kind of annotation, each row keyed by article id.
//!
//! `entities.csv`, `mentions.csv`, `quotes.csv`, `attributions.csv`, `quantities.csv` and
//! `errors.csv`, written into one directory. Offsets are code points, as in the wire schema.
//! Rows are rendered per article (on any thread) with [`render`] and appended in input order
//! with [`CsvDir::append`].

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use gazette_core::{Analysis, Document, Source};

use crate::wire::Converter;
use crate::Error;

/// Table names, in the order of [`Rows::tables`].
pub const TABLES: [&str; 6] =
    ["entities", "mentions", "quotes", "attributions", "quantities", "errors"];

const HEADERS: [&[&str]; 6] = [
    &["article", "entity", "type", "name", "gazetteer_id", "mentions"],
    &["article", "entity", "type", "start", "end", "text"],
    &[
        "article",
        "start",
        "end",
        "text",
        "kind",
        "speaker",
        "speaker_entity",
        "speaker_role",
        "cue",
    ],
    &[
        "article",
        "kind",
        "content_start",
        "content_end",
        "content",
        "source",
        "source_entity",
        "cue",
    ],
    &[
        "article",
        "start",
        "end",
        "text",
        "value",
        "low",
        "high",
        "unit",
        "qualifier",
        "period",
        "change",
        "source",
    ],
    &["article", "error"],
];

/// The CSV rows of one article, one buffer per table (no headers).
#[derive(Debug, Default)]
pub struct Rows {
    /// Rendered rows per table, in [`TABLES`] order.
    pub tables: [Vec<u8>; 6],
}

fn writer(buf: &mut Vec<u8>) -> csv::Writer<&mut Vec<u8>> {
    csv::WriterBuilder::new().has_headers(false).from_writer(buf)
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

fn source_fields(s: Option<&Source>) -> (String, String) {
    match s {
        Some(s) => (s.name.clone(), opt(s.entity.map(|e| e.0))),
        None => (String::new(), String::new()),
    }
}

/// Renders the rows of one analyzed article.
pub fn render(doc: &Document, a: &Analysis) -> Rows {
    let c = Converter::new(&doc.text);
    let mut rows = Rows::default();
    let id = doc.id.as_str();
    let [ents, ments, quotes, attrs, qty, _] = &mut rows.tables;
    {
        let mut w = writer(ents);
        for e in &a.entities {
            let n = a.mentions.iter().filter(|m| m.entity == e.id).count();
            let _ = w.write_record([
                id,
                &e.id.0.to_string(),
                e.kind.as_str(),
                &e.canonical,
                e.gazetteer_id.as_deref().unwrap_or(""),
                &n.to_string(),
            ]);
        }
        let _ = w.flush();
    }
    {
        let mut w = writer(ments);
        for m in &a.mentions {
            let kind = a.entities.get(m.entity.0 as usize).map_or("", |e| e.kind.as_str());
            let s = c.span(m.span);
            let _ = w.write_record([
                id,
                &m.entity.0.to_string(),
                kind,
                &s.start.to_string(),
                &s.end.to_string(),
                s.text,
            ]);
        }
        let _ = w.flush();
    }
    {
        let mut w = writer(quotes);
        for q in &a.quotes {
            let s = c.span(q.span);
            let (speaker, ent) = source_fields(q.speaker.as_ref());
            let role = q.speaker.as_ref().and_then(|s| s.role).map_or("", |r| c.text(r));
            let kind = format!("{:?}", q.kind).to_lowercase();
            let _ = w.write_record([
                id,
                &s.start.to_string(),
                &s.end.to_string(),
                s.text,
                &kind,
                &speaker,
                &ent,
                role,
                q.cue.map_or("", |x| c.text(x)),
            ]);
        }
        let _ = w.flush();
    }
    {
        let mut w = writer(attrs);
        for at in &a.attributions {
            let s = c.span(at.content);
            let (source, ent) = source_fields(Some(&at.source));
            let kind =
                serde_json::to_value(at.kind).ok().and_then(|v| v.as_str().map(String::from));
            let _ = w.write_record([
                id,
                &kind.unwrap_or_default(),
                &s.start.to_string(),
                &s.end.to_string(),
                s.text,
                &source,
                &ent,
                c.text(at.cue),
            ]);
        }
        let _ = w.flush();
    }
    {
        let mut w = writer(qty);
        for q in &a.quantities {
            let s = c.span(q.span);
            let (source, _) = source_fields(q.source.as_ref());
            let change = q.change.map(|ch| format!("{ch:?}").to_lowercase());
            let _ = w.write_record([
                id,
                &s.start.to_string(),
                &s.end.to_string(),
                s.text,
                &opt(q.value),
                &opt(q.low),
                &opt(q.high),
                q.unit.as_deref().unwrap_or(""),
                q.qualifier.as_deref().unwrap_or(""),
                q.period.as_deref().unwrap_or(""),
                &change.unwrap_or_default(),
                &source,
            ]);
        }
        let _ = w.flush();
    }
    rows
}

/// The row of a failed article.
pub fn render_error(id: &str, error: &str) -> Rows {
    let mut rows = Rows::default();
    {
        let mut w = writer(&mut rows.tables[5]);
        let _ = w.write_record([id, error]);
        let _ = w.flush();
    }
    rows
}

/// A directory of CSV tables being written.
pub struct CsvDir {
    files: Vec<BufWriter<File>>,
}

impl CsvDir {
    /// Creates the directory (if needed) and the tables with their headers.
    pub fn create(dir: &Path) -> Result<CsvDir, Error> {
        let io = |e| Error::Io { path: dir.to_path_buf(), source: e };
        std::fs::create_dir_all(dir).map_err(io)?;
        let mut files = Vec::new();
        for (name, header) in TABLES.iter().zip(HEADERS) {
            let path = dir.join(format!("{name}.csv"));
            let f = File::create(&path).map_err(|e| Error::Io { path: path.clone(), source: e })?;
            let mut w = BufWriter::new(f);
            let mut line = Vec::new();
            {
                let mut cw = csv::Writer::from_writer(&mut line);
                let _ = cw.write_record(header);
                let _ = cw.flush();
            }
            w.write_all(&line)?;
            files.push(w);
        }
        Ok(CsvDir { files })
    }

    /// Appends one article's rows.
    pub fn append(&mut self, rows: &Rows) -> Result<(), Error> {
        for (f, t) in self.files.iter_mut().zip(&rows.tables) {
            f.write_all(t)?;
        }
        Ok(())
    }

    /// Flushes every table.
    pub fn finish(mut self) -> Result<(), Error> {
        for f in &mut self.files {
            f.flush()?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use gazette_core::{Entity, EntityId, EntityKind, Gender, Mention, Span};

    #[test]
    fn rows_are_keyed_by_article_and_quoted() {
        let doc = Document::new("a1", "Ünal, \"Acme\" said");
        let mut a = Analysis::default();
        a.entities.push(Entity {
            id: EntityId(0),
            kind: EntityKind::Person,
            canonical: "Ünal, Jr".into(),
            gazetteer_id: None,
            gender: Gender::Unknown,
        });
        a.mentions.push(Mention { span: Span::new(0, 5), entity: EntityId(0) });
        let rows = render(&doc, &a);
        assert_eq!(
            String::from_utf8(rows.tables[0].clone()).unwrap(),
            "a1,0,PERSON,\"Ünal, Jr\",,1\n"
        );
        assert_eq!(String::from_utf8(rows.tables[1].clone()).unwrap(), "a1,0,PERSON,0,4,Ünal\n");
        let e = render_error("x", "bad, \"line\"");
        assert_eq!(String::from_utf8(e.tables[5].clone()).unwrap(), "x,\"bad, \"\"line\"\"\"\n");
    }
}
