//! `cargo xtask eval` for claims: scores wire records against `corpus/gold/*.claims.json`.
//!
//! Matching rules (all offsets are Unicode code points, as on the wire):
//! * Gold quotes and quantities name their text by (`text`/`number`, `occurrence`): the
//!   1-based index among all raw, possibly overlapping, occurrences in the article text.
//!   Attribution contents carry no occurrence; their first occurrence is used.
//! * Quote: a predicted quote matches a gold quote when their ranges overlap by at least half
//!   of the longer of the two (one-to-one, in reading order). Precision/recall/F1 over that.
//! * Speaker accuracy, over matched quotes: canonical names compared case-insensitively; for a
//!   gold non-entity speaker (an anonymous official) the predicted name or source text must
//!   contain, or be contained in, the gold phrase. A gold `null` speaker needs a `null`.
//! * Attribution recall: a gold content is found when a predicted attribution's content
//!   overlaps it by at least half of the longer of the two.
//! * Quantity: a predicted quantity matches a gold one when its span contains the start of the
//!   gold `number` occurrence. Value accuracy over matched quantities compares `value`, or
//!   `low`/`high` for ranges, with a relative tolerance of 1e-6.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Context, Result};
use serde_json::Value;

/// Scores `records` (article text, wire record) against the gold files in `gold_dir` and
/// returns the printed report. A record is matched to `gold/<id>.claims.json` by its `id`.
pub fn score(gold_dir: &Path, records: &[(String, Value)]) -> Result<String> {
    let mut out = String::new();
    let mut total = Counts::default();
    writeln!(
        out,
        "{:<34} {:>13} {:>13} {:>9} {:>13} {:>13} {:>9}",
        "article", "quote P/R", "quote F1", "speaker", "attr recall", "qty P/R", "qty value"
    )?;
    for (text, record) in records {
        let id = record.get("id").and_then(Value::as_str).unwrap_or("");
        let path = gold_dir.join(format!("{id}.claims.json"));
        if !path.exists() {
            continue;
        }
        let gold: Value = serde_json::from_str(
            &std::fs::read_to_string(&path)
                .with_context(|| format!("reading {}", path.display()))?,
        )
        .with_context(|| format!("parsing {}", path.display()))?;
        let c = score_article(text, &gold, record).with_context(|| format!("scoring {id}"))?;
        writeln!(out, "{}", c.line(id))?;
        total.add(&c);
    }
    writeln!(out, "{}", total.line("TOTAL"))?;
    Ok(out)
}

#[derive(Default, Clone, Copy)]
struct Counts {
    gold_quotes: usize,
    pred_quotes: usize,
    matched_quotes: usize,
    speakers_ok: usize,
    gold_attr: usize,
    found_attr: usize,
    gold_qty: usize,
    pred_qty: usize,
    matched_qty: usize,
    values_ok: usize,
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.gold_quotes += o.gold_quotes;
        self.pred_quotes += o.pred_quotes;
        self.matched_quotes += o.matched_quotes;
        self.speakers_ok += o.speakers_ok;
        self.gold_attr += o.gold_attr;
        self.found_attr += o.found_attr;
        self.gold_qty += o.gold_qty;
        self.pred_qty += o.pred_qty;
        self.matched_qty += o.matched_qty;
        self.values_ok += o.values_ok;
    }

    fn line(&self, name: &str) -> String {
        let p = ratio(self.matched_quotes, self.pred_quotes);
        let r = ratio(self.matched_quotes, self.gold_quotes);
        let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        format!(
            "{:<34} {:>6.3}/{:<6.3} {:>13.3} {:>9.3} {:>13.3} {:>6.3}/{:<6.3} {:>9.3}",
            name,
            p,
            r,
            f,
            ratio(self.speakers_ok, self.matched_quotes),
            ratio(self.found_attr, self.gold_attr),
            ratio(self.matched_qty, self.pred_qty),
            ratio(self.matched_qty, self.gold_qty),
            ratio(self.values_ok, self.matched_qty),
        )
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// Code-point range of the `occurrence`-th raw occurrence of `needle` in `text`.
fn locate(text: &str, needle: &str, occurrence: usize) -> Option<(usize, usize)> {
    if needle.is_empty() {
        return None;
    }
    let mut from = 0;
    let mut n = 0;
    while let Some(p) = text.get(from..)?.find(needle) {
        let at = from + p;
        n += 1;
        if n == occurrence.max(1) {
            let start = text[..at].chars().count();
            return Some((start, start + needle.chars().count()));
        }
        from = at + text[at..].chars().next()?.len_utf8();
    }
    None
}

fn range_of(v: &Value) -> Option<(usize, usize)> {
    Some((v.get("start")?.as_u64()? as usize, v.get("end")?.as_u64()? as usize))
}

/// Overlap of at least half of the longer range.
fn mostly_overlap(a: (usize, usize), b: (usize, usize)) -> bool {
    let inter = a.1.min(b.1).saturating_sub(a.0.max(b.0));
    let longer = (a.1 - a.0).max(b.1 - b.0).max(1);
    inter * 2 >= longer
}

fn arr<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v.get(key).and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[])
}

fn score_article(text: &str, gold: &Value, record: &Value) -> Result<Counts> {
    let mut c = Counts::default();
    // Quotes and speakers.
    let pred_quotes = arr(record, "quotes");
    c.pred_quotes = pred_quotes.len();
    let mut used = vec![false; pred_quotes.len()];
    for g in arr(gold, "quotes") {
        c.gold_quotes += 1;
        let gt = g.get("text").and_then(Value::as_str).unwrap_or("");
        let occ = g.get("occurrence").and_then(Value::as_u64).unwrap_or(1) as usize;
        let Some(gr) = locate(text, gt, occ) else { continue };
        let Some(pi) = (0..pred_quotes.len()).find(|&i| {
            !used[i] && range_of(&pred_quotes[i]).is_some_and(|pr| mostly_overlap(pr, gr))
        }) else {
            continue;
        };
        used[pi] = true;
        c.matched_quotes += 1;
        let gs = g.get("speaker").and_then(Value::as_str);
        let is_entity = g.get("speaker_is_entity").and_then(Value::as_bool).unwrap_or(true);
        let ps = pred_quotes[pi].get("speaker").filter(|s| !s.is_null());
        let ok = match (gs, ps) {
            (None, None) => true,
            (Some(gs), Some(ps)) => {
                let name = ps.get("name").and_then(Value::as_str).unwrap_or("").to_lowercase();
                let gs = gs.to_lowercase();
                if is_entity {
                    name == gs
                } else {
                    let stext = ps.get("text").and_then(Value::as_str).unwrap_or("").to_lowercase();
                    [name, stext]
                        .iter()
                        .any(|s| !s.is_empty() && (gs.contains(s.as_str()) || s.contains(&gs)))
                }
            }
            _ => false,
        };
        c.speakers_ok += usize::from(ok);
    }
    // Attributions: recall of contents.
    let pred_attr: Vec<(usize, usize)> =
        arr(record, "attributions").iter().filter_map(|a| range_of(a.get("content")?)).collect();
    for g in arr(gold, "attributions") {
        c.gold_attr += 1;
        let content = g.get("content").and_then(Value::as_str).unwrap_or("");
        let Some(gr) = locate(text, content, 1) else { continue };
        if pred_attr.iter().any(|&pr| mostly_overlap(pr, gr)) {
            c.found_attr += 1;
        }
    }
    // Quantities.
    let pred_qty = arr(record, "quantities");
    c.pred_qty = pred_qty.len();
    let mut used = vec![false; pred_qty.len()];
    for g in arr(gold, "quantities") {
        c.gold_qty += 1;
        let number = g.get("number").and_then(Value::as_str).unwrap_or("");
        let occ = g.get("occurrence").and_then(Value::as_u64).unwrap_or(1) as usize;
        let Some((gs, _)) = locate(text, number, occ) else { continue };
        let Some(pi) = (0..pred_qty.len())
            .find(|&i| !used[i] && range_of(&pred_qty[i]).is_some_and(|(s, e)| s <= gs && gs < e))
        else {
            continue;
        };
        used[pi] = true;
        c.matched_qty += 1;
        let same = |k: &str| {
            let a = g.get(k).and_then(Value::as_f64);
            let b = pred_qty[pi].get(k).and_then(Value::as_f64);
            match (a, b) {
                (None, None) => true,
                (Some(a), Some(b)) => (a - b).abs() <= 1e-6 * a.abs().max(1.0),
                _ => false,
            }
        };
        if same("value") && same("low") && same("high") {
            c.values_ok += 1;
        }
    }
    Ok(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locate_counts_overlapping_occurrences_in_code_points() {
        let text = "é 7.1 million and 1 million";
        assert_eq!(locate(text, "1 million", 1), Some((4, 13)));
        assert_eq!(locate(text, "1 million", 2), Some((18, 27)));
        assert!(mostly_overlap((0, 10), (1, 10)));
        assert!(!mostly_overlap((0, 10), (8, 30)));
    }
}
