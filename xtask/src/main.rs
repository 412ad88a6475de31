//! `cargo xtask`: project automation.
//!
//! ```text
//! cargo xtask ci               what .ci/run runs: fmt --check, clippy -D warnings, the tests
//! cargo xtask golden [--check] write (or check) corpus/expected/*.json
//! cargo xtask eval             score the pipeline against corpus/gold/
//! cargo xtask gazetteers [--check]  rebuild the embedded gazetteers from pinned sources
//! cargo xtask html-check       --format html over the corpus, chromium screenshots of the pages
//! cargo xtask fuzz [--secs N] [TARGET...]  run the cargo-fuzz targets of fuzz/ (see fuzz.rs)
//! ```

mod eval;
mod eval_claims;
mod fuzz;
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
        Some("bench") => bench(rest),
        Some("gazetteers") => gazetteers::run(rest),
        Some("fuzz") => fuzz::run(&root(), rest),
        Some("html-check") => html_check(),
        _ => {
            eprintln!(
                "usage: cargo xtask <command>\n\n\
                 commands:\n  \
                 ci               fmt --check, clippy -D warnings and the test suite (what .ci/run runs)\n  \
                 golden [--check] rewrite corpus/expected/*.json from the current pipeline (or check them)\n  \
                 eval             precision/recall/F1 per entity type, quotes, speakers, attributions, quantities\n  \
                 gazetteers [--check] rebuild crates/gazette-entities/data from pinned sources (or check)\n  \
                 tidy             check the crate dependency rules (stage crates do not depend on each other)\n  \
                 bench [FILE.jsonl] [--mb N]  the release CLI over a large corpus at 1 and N threads\n  \
                 fuzz [--secs N] [--target-dir DIR] [TARGET...]  run cargo-fuzz 0.13.2 targets N s each (60)\n  \
                 html-check       --format html over corpus/articles, screenshots of every page with chromium"
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
            .stdin(std::process::Stdio::null())
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

/// `cargo xtask bench [FILE.jsonl] [--mb N]`: the release CLI over a large input at 1 thread and
/// at all cores: MB/s, articles/s, peak memory, speed-up. Default input: the corpus articles
/// repeated to about N MB (100) as JSONL under target/bench/. Then the memory check of bounded
/// streaming: peak resident memory on a tenth of the input against the whole (all cores); the
/// ratio must stay under 1.2.
fn bench(args: &[String]) -> Result<()> {
    let mut input: Option<PathBuf> = None;
    let mut mb = 100usize;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--mb" {
            mb =
                it.next().context("--mb needs a number")?.parse().context("--mb needs a number")?;
        } else {
            input = Some(PathBuf::from(a));
        }
    }
    let status = Command::new("cargo")
        .args(["build", "--release", "--quiet", "-p", "gazette-cli"])
        .current_dir(root())
        .status()?;
    if !status.success() {
        bail!("release build failed");
    }
    let (input, tenth) = match input {
        Some(p) => {
            let tenth = root().join("target").join("bench").join("user-tenth.jsonl");
            first_tenth(&p, &tenth)?;
            (p, tenth)
        }
        None => (corpus_jsonl(mb)?, corpus_jsonl(mb.div_ceil(10))?),
    };
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("input: {} ({} cores)", input.display(), cores);
    let mut rates = Vec::new();
    let mut peak_full = 0.0;
    for threads in [1, cores] {
        let r = run_extract(&input, threads)?;
        println!(
            "threads={threads:<2} {:>8.2} MB/s {:>9.0} articles/s  peak RSS {:>7.1} MB  ({:.2} s)",
            r.mbps, r.articles_per_s, r.peak_mb, r.seconds
        );
        rates.push(r.mbps);
        peak_full = r.peak_mb;
    }
    if let [one, n] = rates[..] {
        println!("speed-up at {cores} threads: {:.2}", n / one.max(1e-9));
    }
    let r = run_extract(&tenth, cores)?;
    let ratio = peak_full / r.peak_mb.max(1e-9);
    println!(
        "memory: peak RSS {:.1} MB on {} ({:.0} MB), {:.1} MB on the whole: x{ratio:.2} for 10x the input ({})",
        r.peak_mb,
        tenth.display(),
        file_mb(&tenth),
        peak_full,
        if ratio <= 1.2 { "bounded: within 1.2" } else { "NOT bounded: above 1.2" }
    );
    Ok(())
}

/// Figures from `gazette extract --stats`.
struct RunStats {
    mbps: f64,
    articles_per_s: f64,
    peak_mb: f64,
    seconds: f64,
}

fn run_extract(input: &Path, threads: usize) -> Result<RunStats> {
    let exe = root().join("target").join("release").join("gazette");
    let out = Command::new(&exe)
        .arg("extract")
        .arg(input)
        .args(["--threads", &threads.to_string(), "--stats", "-o", "/dev/null"])
        .stdin(std::process::Stdio::null())
        .output()?;
    let err = String::from_utf8_lossy(&out.stderr);
    let line = err.lines().find(|l| l.starts_with("articles=")).context("no stats line")?;
    let field = |k: &str| -> f64 {
        line.split_whitespace()
            .find_map(|kv| kv.strip_prefix(k).and_then(|v| v.strip_prefix('=')))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0.0)
    };
    Ok(RunStats {
        mbps: field("MBps"),
        articles_per_s: field("articles_per_s"),
        peak_mb: field("peak_rss_kb") / 1024.0,
        seconds: field("seconds"),
    })
}

fn file_mb(p: &Path) -> f64 {
    std::fs::metadata(p).map_or(0.0, |m| m.len() as f64 / 1e6)
}

/// The corpus articles repeated to about `mb` MB of text, as JSONL under target/bench/.
fn corpus_jsonl(mb: usize) -> Result<PathBuf> {
    let dir = root().join("target").join("bench");
    std::fs::create_dir_all(&dir)?;
    let path = dir.join(format!("corpus-{mb}mb.jsonl"));
    if !path.exists() {
        let docs = gazette_tests::corpus_articles();
        let tmp = path.with_extension("jsonl.tmp");
        let mut out = std::io::BufWriter::new(std::fs::File::create(&tmp)?);
        let (mut written, mut n) = (0usize, 0usize);
        while written < mb * 1_000_000 {
            for d in &docs {
                let rec = serde_json::json!({"id": format!("{}#{n}", d.id), "text": d.text});
                serde_json::to_writer(&mut out, &rec)?;
                std::io::Write::write_all(&mut out, b"\n")?;
                written += d.text.len();
                n += 1;
            }
        }
        std::io::Write::flush(&mut out)?;
        drop(out);
        std::fs::rename(&tmp, &path)?;
    }
    Ok(path)
}

/// The first tenth (by bytes, whole lines) of a user's JSONL, for the memory check.
fn first_tenth(src: &Path, dst: &Path) -> Result<()> {
    use std::io::{BufRead, Write};
    let total = std::fs::metadata(src).with_context(|| format!("{}", src.display()))?.len();
    std::fs::create_dir_all(dst.parent().context("no parent")?)?;
    let mut out = std::io::BufWriter::new(std::fs::File::create(dst)?);
    let mut written = 0u64;
    for line in std::io::BufReader::new(std::fs::File::open(src)?).split(b'\n') {
        let line = line?;
        out.write_all(&line)?;
        out.write_all(b"\n")?;
        written += line.len() as u64 + 1;
        if written * 10 >= total {
            break;
        }
    }
    out.flush()?;
    Ok(())
}

/// `cargo xtask html-check`: `gazette extract --format html` over corpus/articles into
/// `<target>/html/`, then a chromium screenshot of `index.html` and of every article page into
/// `<target>/html/shots/`, to look at how the pages render.
fn html_check() -> Result<()> {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .map(|t| if t.is_absolute() { t } else { root().join(t) })
        .unwrap_or_else(|| root().join("target"));
    let out = target.join("html");
    if out.exists() {
        std::fs::remove_dir_all(&out)
            .with_context(|| format!("cannot remove {}", out.display()))?;
    }
    let corpus = root().join("corpus").join("articles");
    let status = Command::new("cargo")
        .args(["run", "--quiet", "-p", "gazette-cli", "--", "extract", "--format", "html", "-o"])
        .arg(&out)
        .arg(&corpus)
        .current_dir(root())
        .status()
        .context("cannot run cargo")?;
    if !status.success() {
        bail!("gazette extract --format html failed ({status})");
    }
    let browser = gazette_tests::find_chromium()
        .context("chromium is not on PATH (Debian: apt-get install chromium)")?;
    let shots = out.join("shots");
    std::fs::create_dir_all(&shots)?;
    let mut pages: Vec<PathBuf> = std::fs::read_dir(&out)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "html"))
        .collect();
    // index.html first, then the articles in order.
    pages.sort_by_key(|p| (p.file_stem() != Some(std::ffi::OsStr::new("index")), p.clone()));
    for (i, page) in pages.iter().enumerate() {
        let stem = page.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let png = shots.join(format!("{stem}.png"));
        let profile = out.join(format!(".chromium-profile-{i}"));
        let mut child = gazette_tests::headless_chromium(&browser, &profile)
            .arg("--window-size=1280,2000")
            .arg(format!("--screenshot={}", png.display()))
            .arg(format!("file://{}", page.display()))
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .with_context(|| format!("cannot run {}", browser.display()))?;
        let started = std::time::Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait()? {
                break Some(status);
            }
            if started.elapsed() > std::time::Duration::from_secs(90) {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        };
        let _ = std::fs::remove_dir_all(&profile);
        match status {
            Some(s) if s.success() && png.is_file() => println!("{}", png.display()),
            Some(s) => bail!("chromium failed on {} ({s})", page.display()),
            None => bail!("chromium timed out on {}", page.display()),
        }
    }
    eprintln!("{} pages in {}", pages.len(), out.display());
    Ok(())
}
