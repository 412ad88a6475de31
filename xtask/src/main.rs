//! `cargo xtask`: project automation.
//!
//! ```text
//! cargo xtask ci               what .ci/run runs: fmt --check, clippy -D warnings, the tests
//! cargo xtask golden [--check] write (or check) corpus/expected/*.json
//! cargo xtask eval             score the pipeline against corpus/gold/
//! cargo xtask gazetteers [--check]  rebuild the embedded gazetteers from pinned sources
//! ```

mod eval;
mod eval_claims;
mod gazetteers;

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rest = args.get(1..).unwrap_or(&[]);
    match args.first().map(String::as_str) {
        Some("ci") => ci(),
        Some("golden") => golden(rest.iter().any(|a| a == "--check")),
        Some("eval") => eval::run(),
        Some("tidy") => tidy(),
        Some("gazetteers") => gazetteers::run(rest),
        _ => {
            eprintln!(
                "usage: cargo xtask <command>\n\n\
                 commands:\n  \
                 ci               fmt --check, clippy -D warnings and the test suite (what .ci/run runs)\n  \
                 golden [--check] rewrite corpus/expected/*.json from the current pipeline (or check them)\n  \
                 eval             precision/recall/F1 per entity type, quotes, speakers, attributions, quantities\n  \
                 gazetteers [--check] rebuild crates/gazette-entities/data from pinned sources (or check)\n  \
                 tidy             check the crate dependency rules (stage crates do not depend on each other)"
            );
            bail!("unknown or missing command")
        }
    }
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The CI steps, in order. `.ci/run` runs exactly these commands.
pub const CI_STEPS: &[&[&str]] = &[
    &["cargo", "fmt", "--all", "--check"],
    &["cargo", "clippy", "--workspace", "--all-targets", "--", "-D", "warnings"],
    &["cargo", "test", "--workspace"],
];

fn ci() -> Result<()> {
    for step in CI_STEPS {
        eprintln!("$ {}", step.join(" "));
        let status = Command::new(step[0])
            .args(&step[1..])
            .current_dir(root())
            .status()
            .with_context(|| format!("cannot run {}", step[0]))?;
        if !status.success() {
            bail!("`{}` failed", step.join(" "));
        }
    }
    Ok(())
}

fn golden(check: bool) -> Result<()> {
    let pipeline = gazette::Pipeline::new();
    let docs = gazette_tests::corpus_articles();
    let dir = gazette_tests::corpus_dir().join("expected");
    std::fs::create_dir_all(&dir)?;
    let mut stale = 0;
    let mut wanted = std::collections::BTreeSet::new();
    for doc in &docs {
        let path = gazette_tests::expected_path(&doc.id);
        wanted.insert(path.file_name().map(|f| f.to_os_string()));
        let got = gazette_tests::render_golden(&pipeline, doc);
        let old = std::fs::read_to_string(&path).unwrap_or_default();
        if old != got {
            stale += 1;
            if check {
                eprintln!("differs: {}", path.display());
            } else {
                std::fs::write(&path, got)?;
                eprintln!("wrote {}", path.display());
            }
        }
    }
    for entry in std::fs::read_dir(&dir)? {
        let entry = entry?;
        if !wanted.contains(&Some(entry.file_name())) {
            stale += 1;
            if check {
                eprintln!("no article for {}", entry.path().display());
            } else {
                std::fs::remove_file(entry.path())?;
                eprintln!("removed {}", entry.path().display());
            }
        }
    }
    if check && stale > 0 {
        bail!("{stale} golden file(s) out of date: run `cargo xtask golden`");
    }
    eprintln!(
        "{} articles, {} golden file(s) {}",
        docs.len(),
        stale,
        if check { "stale" } else { "updated" }
    );
    Ok(())
}

/// Stage crates depend on gazette-core and not on each other; rayon lives only in the facade.
fn tidy() -> Result<()> {
    let stages = [
        "gazette-core",
        "gazette-tokenize",
        "gazette-entities",
        "gazette-claims",
        "gazette-formats",
    ];
    let mut forbidden: Vec<(&str, &str)> = Vec::new();
    for a in stages {
        for b in stages {
            if a != b && b != "gazette-core" {
                forbidden.push((a, b));
            }
        }
        forbidden.push((a, "rayon"));
    }
    forbidden.push(("gazette-core", "regex"));
    let mut bad = Vec::new();
    for (pkg, dep) in &forbidden {
        // `cargo tree -i` fails with "did not match any packages" when `dep` is absent from the
        // lock file, and prints "nothing to print" when only dev-dependencies reach it.
        let out = Command::new("cargo")
            .args(["tree", "-e", "normal", "-p", pkg, "-i", dep])
            .current_dir(root())
            .output()
            .context("cannot run cargo tree")?;
        let err = String::from_utf8_lossy(&out.stderr);
        if out.status.success() && !err.contains("nothing to print") {
            bad.push(format!("{pkg} depends on {dep}"));
        } else if !out.status.success() && !err.contains("did not match any packages") {
            bail!("cargo tree -p {pkg} -i {dep}: {err}");
        }
    }
    if !bad.is_empty() {
        bail!("dependency rules broken:\n  {}", bad.join("\n  "));
    }
    eprintln!("tidy: {} dependency rules hold", forbidden.len());
    Ok(())
}
