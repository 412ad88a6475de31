//! The gazetteer TSV format and its loader.
//!
//! ```text
//! # comment lines start with '#'; blank lines are ignored
//! id<TAB>type<TAB>name<TAB>aliases<TAB>attributes
//! org:islamic-state<TAB>ORG<TAB>Islamic State<TAB>ISIS|ISIL|IS|Daesh<TAB>kind=armed_group
//! ```
//! `type` is PERSON, ORG, LOC or NORP; `aliases` are `|`-separated (may be empty); the optional
//! `attributes` column holds `key=value` pairs separated by `;`. Attributes the matcher reads:
//! `case=exact` (match only in exactly the written case, for acronyms such as "IS" or "WHO"),
//! `ambiguous=1` (the name is also a common word: matched only mid-sentence and capitalized),
//! `population=N` (ties between places of the same name go to the most populous).

use std::path::Path;

use gazette_core::EntityKind;

use crate::Error;

/// One gazetteer entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Stable id ("geonames:2464470", "org:islamic-state").
    pub id: String,
    /// Entity type.
    pub kind: EntityKind,
    /// Canonical name.
    pub name: String,
    /// Other names.
    pub aliases: Vec<String>,
    /// `key=value` attributes.
    pub attributes: Vec<(String, String)>,
}

impl Entry {
    /// An attribute's value.
    pub fn attr(&self, key: &str) -> Option<&str> {
        self.attributes.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }
}

/// A list of entries read from one source.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Gazetteer {
    /// Where it came from (file name), for messages.
    pub source: String,
    /// Entries in file order.
    pub entries: Vec<Entry>,
}

impl Gazetteer {
    /// Parses TSV text. `source` names the file in error messages.
    pub fn parse(source: &str, tsv: &str) -> Result<Gazetteer, Error> {
        let mut entries = Vec::new();
        for (i, raw) in tsv.lines().enumerate() {
            let line = raw.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let bad =
                |message: String| Error::Format { file: source.to_string(), line: i + 1, message };
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 3 || cols.len() > 5 {
                return Err(bad(format!(
                    "expected 3 to 5 tab-separated columns (id, type, name, aliases, attributes), found {}",
                    cols.len()
                )));
            }
            let id = cols[0].trim();
            if id.is_empty() {
                return Err(bad("empty id".into()));
            }
            let kind = match cols[1].trim() {
                "PERSON" | "PER" => EntityKind::Person,
                "ORG" => EntityKind::Org,
                "LOC" | "GPE" => EntityKind::Loc,
                "NORP" => EntityKind::Norp,
                other => {
                    return Err(bad(format!(
                        "unknown type {other:?} (expected PERSON, ORG, LOC or NORP)"
                    )))
                }
            };
            let name = cols[2].trim();
            if name.is_empty() {
                return Err(bad("empty name".into()));
            }
            let aliases = cols
                .get(3)
                .map(|a| {
                    a.split('|')
                        .map(str::trim)
                        .filter(|a| !a.is_empty())
                        .map(String::from)
                        .collect()
                })
                .unwrap_or_default();
            let mut attributes = Vec::new();
            for kv in
                cols.get(4).map_or("", |s| s.trim()).split(';').filter(|s| !s.trim().is_empty())
            {
                let Some((k, v)) = kv.split_once('=') else {
                    return Err(bad(format!("attribute {kv:?} is not key=value")));
                };
                attributes.push((k.trim().to_string(), v.trim().to_string()));
            }
            entries.push(Entry {
                id: id.to_string(),
                kind,
                name: name.to_string(),
                aliases,
                attributes,
            });
        }
        Ok(Gazetteer { source: source.to_string(), entries })
    }

    /// Reads and parses a TSV file.
    pub fn from_path(path: &Path) -> Result<Gazetteer, Error> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| Error::Io { file: path.display().to_string(), source: e })?;
        Gazetteer::parse(&path.display().to_string(), &text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_entries_and_attributes() {
        let g = Gazetteer::parse(
            "t.tsv",
            "# c\n\norg:is\tORG\tIslamic State\tISIS|ISIL| IS \tkind=armed;case=exact\niso:TN\tLOC\tTunisia\n",
        )
        .unwrap();
        assert_eq!(g.entries.len(), 2);
        assert_eq!(g.entries[0].aliases, ["ISIS", "ISIL", "IS"]);
        assert_eq!(g.entries[0].attr("case"), Some("exact"));
        assert!(g.entries[1].aliases.is_empty());
    }

    #[test]
    fn malformed_lines_name_file_and_line() {
        let e = Gazetteer::parse("my.tsv", "# ok\nx\tORG\tA\nbad line\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "my.tsv:3: expected 3 to 5 tab-separated columns (id, type, name, aliases, attributes), found 1"
        );
        let e = Gazetteer::parse("my.tsv", "x\tTHING\tA\n").unwrap_err();
        assert!(e.to_string().starts_with("my.tsv:1: unknown type \"THING\""));
        let e = Gazetteer::parse("my.tsv", "x\tORG\tA\t\tnovalue\n").unwrap_err();
        assert!(e.to_string().contains("not key=value"));
    }
}
