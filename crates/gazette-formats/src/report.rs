//! The collection summary of `gazette report`: who is quoted most and about what, the most
//! mentioned entities, the entities mentioned together, and numeric claims by source. It reads
//! the JSONL that `gazette extract` writes, one record at a time.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::BufRead;

use serde_json::Value;

/// Counts gathered from extract records.
#[derive(Debug, Default)]
pub struct Summary {
    /// Records read.
    pub articles: usize,
    /// Error records.
    pub errors: usize,
    /// Lines that were not JSON.
    pub bad_lines: usize,
    /// (type, name) -> (articles, mentions).
    pub entities: HashMap<(String, String), (usize, usize)>,
    /// Speaker -> (quotes, what the quotes mention -> count).
    pub speakers: HashMap<String, (usize, HashMap<String, usize>)>,
    /// Pair of entity names -> articles mentioning both.
    pub pairs: HashMap<(String, String), usize>,
    /// Source of numeric claims -> (claims, one example).
    pub sources: HashMap<String, (usize, String)>,
}

fn s(v: &Value) -> &str {
    v.as_str().unwrap_or("")
}

fn range(v: &Value) -> (u64, u64) {
    (v["start"].as_u64().unwrap_or(0), v["end"].as_u64().unwrap_or(0))
}

impl Summary {
    /// Adds one extract record.
    pub fn add(&mut self, r: &Value) {
        self.articles += 1;
        if r.get("error").is_some() {
            self.errors += 1;
            return;
        }
        let ents = r["entities"].as_array().map(Vec::as_slice).unwrap_or(&[]);
        // Entities of this article, most mentioned first (at most 20 for the pairs).
        let mut here: Vec<(&str, usize)> = Vec::new();
        for e in ents {
            let n = e["mentions"].as_array().map_or(0, Vec::len);
            let c = self
                .entities
                .entry((s(&e["type"]).to_string(), s(&e["name"]).to_string()))
                .or_default();
            c.0 += 1;
            c.1 += n;
            here.push((s(&e["name"]), n));
        }
        here.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        here.truncate(20);
        for i in 0..here.len() {
            for j in i + 1..here.len() {
                let (a, b) = if here[i].0 <= here[j].0 {
                    (here[i].0, here[j].0)
                } else {
                    (here[j].0, here[i].0)
                };
                *self.pairs.entry((a.to_string(), b.to_string())).or_default() += 1;
            }
        }
        for q in r["quotes"].as_array().map(Vec::as_slice).unwrap_or(&[]) {
            let Some(sp) = q.get("speaker").filter(|v| !v.is_null()) else { continue };
            let entry = self.speakers.entry(s(&sp["name"]).to_string()).or_default();
            entry.0 += 1;
            let (qs, qe) = range(q);
            for e in ents {
                let inside = e["mentions"].as_array().is_some_and(|ms| {
                    ms.iter().any(|m| {
                        let (a, b) = range(m);
                        a >= qs && b <= qe
                    })
                });
                if inside {
                    *entry.1.entry(s(&e["name"]).to_string()).or_default() += 1;
                }
            }
        }
        for q in r["quantities"].as_array().map(Vec::as_slice).unwrap_or(&[]) {
            let Some(src) = q.get("source").filter(|v| !v.is_null()) else { continue };
            let e = self.sources.entry(s(&src["name"]).to_string()).or_default();
            e.0 += 1;
            if e.1.is_empty() {
                e.1 = format!("{} {}", s(&q["text"]), s(&q["unit"])).trim().to_string();
            }
        }
    }

    /// Reads extract JSONL; a line that is not JSON is counted and skipped.
    pub fn read(input: impl BufRead) -> std::io::Result<Summary> {
        let mut sum = Summary::default();
        for line in input.lines() {
            let line = line?;
            if line.trim().is_empty() {
                continue;
            }
            match serde_json::from_str::<Value>(&line) {
                Ok(v) => sum.add(&v),
                Err(_) => sum.bad_lines += 1,
            }
        }
        Ok(sum)
    }

    /// The summary's tables, sorted, `top` rows each: what [`Summary::render`] prints and what
    /// the HTML index ([`crate::html`]) shows.
    pub fn tables(&self, top: usize) -> Tables {
        let mut sp: Vec<_> = self.speakers.iter().collect();
        sp.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(b.0)));
        let speakers = sp
            .into_iter()
            .take(top)
            .map(|(name, (n, about))| {
                let mut ab: Vec<_> = about.iter().collect();
                ab.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
                let ab = ab.into_iter().take(3).map(|(k, _)| k.clone()).collect();
                (name.clone(), *n, ab)
            })
            .collect();
        let entities = ENTITY_TYPES
            .iter()
            .map(|&kind| {
                let mut es: Vec<_> = self.entities.iter().filter(|((t, _), _)| t == kind).collect();
                es.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(b.1 .1.cmp(&a.1 .1)).then(a.0.cmp(b.0)));
                let rows = es
                    .into_iter()
                    .take(top)
                    .map(|((_, name), (arts, ments))| (name.clone(), *arts, *ments))
                    .collect();
                (kind, rows)
            })
            .collect();
        let mut ps: Vec<_> = self.pairs.iter().collect();
        ps.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let pairs =
            ps.into_iter().take(top).map(|((a, b), n)| (a.clone(), b.clone(), *n)).collect();
        let mut ss: Vec<_> = self.sources.iter().collect();
        ss.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(b.0)));
        let sources = ss
            .into_iter()
            .take(top)
            .map(|(name, (n, ex))| (name.clone(), *n, ex.clone()))
            .collect();
        Tables { speakers, entities, pairs, sources }
    }

    /// The summary as text tables, `top` rows each.
    pub fn render(&self, top: usize) -> String {
        let t = self.tables(top);
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{} articles, {} errors{}\n",
            self.articles,
            self.errors,
            if self.bad_lines > 0 {
                format!(", {} unreadable lines", self.bad_lines)
            } else {
                String::new()
            }
        );
        let _ = writeln!(out, "MOST QUOTED                              quotes  about");
        for (name, n, about) in &t.speakers {
            let _ = writeln!(out, "{:<40} {:>6}  {}", clip(name, 40), n, about.join(", "));
        }
        for (kind, rows) in &t.entities {
            let _ = writeln!(out, "\n{kind:<40} articles mentions");
            for (name, arts, ments) in rows {
                let _ = writeln!(out, "{:<40} {:>8} {:>8}", clip(name, 40), arts, ments);
            }
        }
        let _ =
            writeln!(out, "\nMENTIONED TOGETHER                                          articles");
        for (a, b, n) in &t.pairs {
            let _ = writeln!(out, "{:<59} {:>8}", clip(&format!("{a} + {b}"), 59), n);
        }
        let _ = writeln!(out, "\nNUMERIC CLAIMS BY SOURCE                 claims  example");
        for (name, n, ex) in &t.sources {
            let _ = writeln!(out, "{:<40} {:>6}  {}", clip(name, 40), n, clip(ex, 40));
        }
        out
    }
}

/// Entity types in the order the summary lists them.
pub const ENTITY_TYPES: [&str; 4] = ["PERSON", "ORG", "LOC", "NORP"];

/// An entity in [`Tables::entities`]: (name, articles, mentions).
pub type EntityRow = (String, usize, usize);

/// The sorted tables of a [`Summary`].
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Tables {
    /// Most quoted speakers: (name, quotes, up to three entities their quotes mention most).
    pub speakers: Vec<(String, usize, Vec<String>)>,
    /// Per entity type ([`ENTITY_TYPES`] order): (name, articles, mentions).
    pub entities: Vec<(&'static str, Vec<EntityRow>)>,
    /// Entities mentioned together: (name, name, articles).
    pub pairs: Vec<(String, String, usize)>,
    /// Sources of numeric claims: (name, claims, an example).
    pub sources: Vec<(String, usize, String)>,
}

fn clip(s: &str, n: usize) -> String {
    let one_line = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= n {
        one_line
    } else {
        let mut t: String = one_line.chars().take(n - 1).collect();
        t.push('…');
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_speakers_topics_pairs_and_sources() {
        let jsonl = r#"{"id":"a","entities":[{"type":"PERSON","name":"Peter Neumann","mentions":[{"start":30,"end":43}]},{"type":"ORG","name":"Islamic State","mentions":[{"start":1,"end":14},{"start":50,"end":63}]}],"quotes":[{"start":0,"end":20,"speaker":{"name":"Peter Neumann"}}],"quantities":[{"text":"2,000","unit":"recruits","source":{"name":"U.S. intelligence"}}]}
not json
{"id":"b","error":"bad"}
"#;
        let sum = Summary::read(jsonl.as_bytes()).unwrap();
        assert_eq!((sum.articles, sum.errors, sum.bad_lines), (2, 1, 1));
        assert_eq!(sum.speakers["Peter Neumann"].0, 1);
        assert_eq!(sum.speakers["Peter Neumann"].1["Islamic State"], 1);
        assert_eq!(sum.pairs[&("Islamic State".to_string(), "Peter Neumann".to_string())], 1);
        assert_eq!(sum.sources["U.S. intelligence"], (1, "2,000 recruits".to_string()));
        let text = sum.render(5);
        assert!(text.starts_with("2 articles, 1 errors, 1 unreadable lines"));
        assert!(text.contains("Peter Neumann"));
    }
}
