//! `cargo xtask eval`: scores the pipeline against the hand annotations in `corpus/gold/`.
//!
//! Entities: exact-span match of (type, start, end) against `<id>.entities.txt` (inline markup
//! whose plain text must equal the article); precision, recall and F1 per type and overall,
//! plus entity-level recall (distinct canonical names found at least once).

use std::collections::{BTreeMap, BTreeSet};

use anyhow::{bail, Context, Result};
use gazette::core::{markup, EntityKind};
use gazette::formats::wire;
use gazette::Pipeline;

#[derive(Default, Clone, Copy)]
struct Prf {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Prf {
    fn p(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    fn r(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    fn f(&self) -> f64 {
        let (p, r) = (self.p(), self.r());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

fn tag(k: EntityKind) -> &'static str {
    match k {
        EntityKind::Person => "PER",
        EntityKind::Org => "ORG",
        EntityKind::Loc => "LOC",
        EntityKind::Norp => "NORP",
    }
}

pub fn run() -> Result<()> {
    let pipeline = Pipeline::new();
    let docs = gazette_tests::corpus_articles();
    let gold_dir = gazette_tests::corpus_dir().join("gold");
    let types = ["PER", "ORG", "LOC", "NORP"];
    let mut total: BTreeMap<&str, Prf> = BTreeMap::new();
    let mut records = Vec::new();
    let mut errors: Vec<String> = Vec::new();
    println!("entities (exact span and type)");
    println!(
        "{:<34} {:>16} {:>16} {:>16} {:>16}",
        "article", "PER p/r", "ORG p/r", "LOC p/r", "NORP p/r"
    );
    for doc in &docs {
        let analysis = pipeline.analyze(doc);
        let record = wire::Record::new(doc, &analysis);
        records.push((doc.text.clone(), serde_json::to_value(&record)?));
        let path = gold_dir.join(format!("{}.entities.txt", doc.id));
        let Ok(src) = std::fs::read_to_string(&path) else {
            println!("{:<34} (no gold)", doc.id);
            continue;
        };
        let gold = markup::parse(&src).with_context(|| path.display().to_string())?;
        if gold.text != doc.text {
            bail!("{}: the text without tags differs from the article", path.display());
        }
        let gold_set: BTreeSet<(&str, usize, usize)> =
            gold.spans.iter().map(|s| (s.tag.as_str(), s.span.start(), s.span.end())).collect();
        let pred_set: BTreeSet<(&str, usize, usize)> = analysis
            .mentions
            .iter()
            .map(|m| {
                (tag(analysis.entities[m.entity.0 as usize].kind), m.span.start(), m.span.end())
            })
            .collect();
        let mut per: BTreeMap<&str, Prf> = BTreeMap::new();
        for g in &gold_set {
            let e = per.entry(g.0).or_default();
            if pred_set.contains(g) {
                e.tp += 1;
            } else {
                e.fn_ += 1;
                errors.push(format!("{}  missed {} {:?}", doc.id, g.0, &doc.text[g.1..g.2]));
            }
        }
        for p in &pred_set {
            if !gold_set.contains(p) {
                per.entry(p.0).or_default().fp += 1;
                errors.push(format!("{}  extra  {} {:?}", doc.id, p.0, &doc.text[p.1..p.2]));
            }
        }
        let cells: Vec<String> = types
            .iter()
            .map(|t| {
                let c = per.get(t).copied().unwrap_or_default();
                let acc = total.entry(t).or_default();
                acc.tp += c.tp;
                acc.fp += c.fp;
                acc.fn_ += c.fn_;
                format!("{:.2}/{:.2} ({})", c.p(), c.r(), c.tp + c.fn_)
            })
            .collect();
        println!(
            "{:<34} {:>16} {:>16} {:>16} {:>16}",
            doc.id, cells[0], cells[1], cells[2], cells[3]
        );
    }
    println!(
        "\n{:<6} {:>9} {:>7} {:>7} {:>6} {:>6} {:>6}",
        "type", "precision", "recall", "F1", "tp", "fp", "fn"
    );
    let mut all = Prf::default();
    for t in types {
        let c = total.get(t).copied().unwrap_or_default();
        all.tp += c.tp;
        all.fp += c.fp;
        all.fn_ += c.fn_;
        println!(
            "{:<6} {:>9.3} {:>7.3} {:>7.3} {:>6} {:>6} {:>6}",
            t,
            c.p(),
            c.r(),
            c.f(),
            c.tp,
            c.fp,
            c.fn_
        );
    }
    println!(
        "{:<6} {:>9.3} {:>7.3} {:>7.3} {:>6} {:>6} {:>6}",
        "all",
        all.p(),
        all.r(),
        all.f(),
        all.tp,
        all.fp,
        all.fn_
    );
    if std::env::var_os("EVAL_ERRORS").is_some() {
        println!("\nerrors:");
        for e in &errors {
            println!("  {e}");
        }
    } else {
        println!("({} errors; EVAL_ERRORS=1 lists them)", errors.len());
    }
    println!();
    print!("{}", crate::eval_claims::score(&gold_dir, &records)?);
    Ok(())
}
