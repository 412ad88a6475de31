//! `cargo xtask fuzz [--secs N] [--target-dir DIR] [TARGET...]`: runs the cargo-fuzz targets of
//! `fuzz/` one after another, each for a bounded time, and reports runs and results.
//!
//! cargo-fuzz's default AddressSanitizer flag (`-Zsanitizer=address`) is nightly-only, and only
//! a stable toolchain is assumed, so the runs set `RUSTC_BOOTSTRAP=1`: stable's rustc then
//! accepts it, and its rust-std ships the ASan runtime for x86_64-unknown-linux-gnu.
//!
//! New inputs libFuzzer finds go to `<target-dir>/corpus/<target>/` (the first corpus
//! directory); the committed seeds in `fuzz/corpus/<target>/` are only read. Crashes, timeouts
//! and slow units go to `fuzz/artifacts/<target>/` (git-ignored).

use std::collections::BTreeSet;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{bail, Context, Result};

/// The cargo-fuzz version this is tested with (`cargo install cargo-fuzz --version ... --locked`).
pub const CARGO_FUZZ_VERSION: &str = "0.13.2";

/// The fuzz targets, in the order they run by default.
pub const TARGETS: &[&str] = &["tokenize", "claims", "jsonl_reader"];

/// libFuzzer options of every run: one input taking 10 s is a hang (`-timeout`), one taking 2 s
/// is reported as slow (the inputs are at most 16 KiB, so either means a non-linear path).
const LIBFUZZER_ARGS: &[&str] =
    &["-timeout=10", "-report_slow_units=2", "-max_len=16384", "-print_final_stats=1"];

struct Outcome {
    target: &'static str,
    runs: Option<u64>,
    secs: Option<u64>,
    result: String,
    failed: bool,
    log: PathBuf,
}

/// Entry point of `cargo xtask fuzz`.
pub fn run(root: &Path, args: &[String]) -> Result<()> {
    let mut secs = 60u64;
    let mut target_dir = root.join("target").join("fuzz");
    let mut targets: Vec<&'static str> = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--secs" => {
                secs = it
                    .next()
                    .and_then(|v| v.parse().ok())
                    .context("--secs needs a number of seconds")?;
            }
            "--target-dir" => {
                let dir = PathBuf::from(it.next().context("--target-dir needs a directory")?);
                target_dir = std::env::current_dir()?.join(dir);
            }
            t => match TARGETS.iter().find(|&&n| n == t) {
                Some(&n) => targets.push(n),
                None => bail!("unknown fuzz target `{t}` (targets: {})", TARGETS.join(", ")),
            },
        }
    }
    if targets.is_empty() {
        targets = TARGETS.to_vec();
    }
    check_installed()?;

    let artifacts = root.join("fuzz").join("artifacts");
    let logs = target_dir.join("logs");
    std::fs::create_dir_all(&logs)?;
    let mut outcomes = Vec::new();
    for target in targets {
        let work = target_dir.join("corpus").join(target);
        std::fs::create_dir_all(&work)?;
        let seeds = root.join("fuzz").join("corpus").join(target);
        let before = list(&artifacts.join(target));
        let log = logs.join(format!("{target}.log"));
        eprintln!("fuzz: {target} for {secs} s (log: {})", log.display());
        let status = Command::new("cargo")
            .args(["fuzz", "run", target])
            .arg(&work)
            .arg(&seeds)
            .arg("--")
            .arg(format!("-max_total_time={secs}"))
            .args(LIBFUZZER_ARGS)
            .current_dir(root)
            .env("RUSTC_BOOTSTRAP", "1")
            .env("CARGO_TARGET_DIR", &target_dir)
            .stdin(Stdio::null())
            .stdout(File::create(&log)?)
            .stderr(File::create(&log)?.try_clone()?)
            .status()
            .context("cannot run cargo fuzz")?;
        let text = std::fs::read_to_string(&log).unwrap_or_default();
        let new: Vec<PathBuf> =
            list(&artifacts.join(target)).difference(&before).cloned().collect();
        outcomes.push(outcome(target, status.success(), &text, &new, log));
    }

    eprintln!();
    let mut failed = 0;
    for o in &outcomes {
        let runs = o.runs.map_or_else(|| "?".into(), |n| n.to_string());
        let secs = o.secs.map_or_else(|| "?".into(), |n| n.to_string());
        println!("{:<13} {runs:>10} runs in {secs:>4} s  {}", o.target, o.result);
        if o.failed {
            failed += 1;
            println!("{:<13} log: {}", "", o.log.display());
        }
    }
    if failed > 0 {
        bail!(
            "{failed} fuzz target(s) failed: minimize with `cargo fuzz tmin TARGET ARTIFACT` \
             (RUSTC_BOOTSTRAP=1), fix, and add the input as a regression test"
        );
    }
    Ok(())
}

fn check_installed() -> Result<()> {
    let out = Command::new("cargo").args(["fuzz", "--version"]).stdin(Stdio::null()).output();
    match out {
        Ok(o) if o.status.success() => {
            let v = String::from_utf8_lossy(&o.stdout);
            if !v.contains(CARGO_FUZZ_VERSION) {
                eprintln!("note: tested with cargo-fuzz {CARGO_FUZZ_VERSION}, found {}", v.trim());
            }
            Ok(())
        }
        _ => bail!(
            "cargo-fuzz is not installed: run `cargo install cargo-fuzz --version \
             {CARGO_FUZZ_VERSION} --locked` (no nightly toolchain is needed: the runs set \
             RUSTC_BOOTSTRAP=1)"
        ),
    }
}

fn list(dir: &Path) -> BTreeSet<PathBuf> {
    std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default()
}

/// The first number after `key` on the last line containing it.
fn number_after(text: &str, key: &str) -> Option<u64> {
    let line = text.lines().rev().find(|l| l.contains(key))?;
    let rest = &line[line.find(key)? + key.len()..];
    rest.trim_start().split(|c: char| !c.is_ascii_digit()).next()?.parse().ok()
}

fn outcome(
    target: &'static str,
    success: bool,
    log: &str,
    new: &[PathBuf],
    log_path: PathBuf,
) -> Outcome {
    // `-print_final_stats=1` prints these at the end, after a crash too; "Done N runs in S
    // second(s)" only after a clean run.
    let runs =
        number_after(log, "stat::number_of_executed_units:").or_else(|| number_after(log, "Done "));
    let secs = number_after(log, "runs in ");
    let is = |prefix: &str| {
        new.iter()
            .filter(|p| p.file_name().is_some_and(|f| f.to_string_lossy().starts_with(prefix)))
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
    };
    let (crashes, timeouts, ooms, slow) =
        (is("crash-"), is("timeout-"), is("oom-"), is("slow-unit-"));
    let mut bad = Vec::new();
    for (what, v) in [("crash", &crashes), ("timeout", &timeouts), ("out of memory", &ooms)] {
        if !v.is_empty() {
            bad.push(format!("{what}: {}", v.join(" ")));
        }
    }
    let (result, failed) = if !bad.is_empty() {
        (bad.join("; "), true)
    } else if !success {
        let built = log.contains("INFO: Running with") || log.contains("INFO: Seed:");
        (if built { "failed (see log)" } else { "build failed (see log)" }.to_string(), true)
    } else if !slow.is_empty() {
        (format!("ok, but slow inputs (> 2 s): {}", slow.join(" ")), false)
    } else {
        ("ok".to_string(), false)
    };
    Outcome { target, runs, secs, result, failed, log: log_path }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_libfuzzer_stats() {
        let log = "#1024\tpulse  cov: 10\nDone 60635 runs in 21 second(s)\n\
                   stat::number_of_executed_units: 60636\n";
        let o = outcome("tokenize", true, log, &[], PathBuf::new());
        assert_eq!(
            (o.runs, o.secs, o.result.as_str(), o.failed),
            (Some(60636), Some(21), "ok", false)
        );
        let o = outcome(
            "claims",
            false,
            log,
            &[PathBuf::from("fuzz/artifacts/claims/crash-ab")],
            PathBuf::new(),
        );
        assert!(o.failed && o.result == "crash: fuzz/artifacts/claims/crash-ab", "{}", o.result);
        let o = outcome("claims", false, "error[E0433]: failed to resolve", &[], PathBuf::new());
        assert_eq!((o.runs, o.result.as_str()), (None, "build failed (see log)"));
    }
}
