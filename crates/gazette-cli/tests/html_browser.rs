//! `extract --format html` pages as a real browser sees them: headless chromium parses each page
//! (`--dump-dom`) and takes a screenshot of one.
//!
//! Without chromium on PATH the test is skipped with a message, unless
//! `GAZETTE_REQUIRE_BROWSER=1` (set by `.ci/run`, which installs chromium), where it fails.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/articles")
}

/// Runs headless chromium with `extra` arguments on `page`; returns its stdout.
fn chromium(browser: &Path, extra: &[String], page: &Path) -> String {
    let profile = tempfile::tempdir().unwrap();
    let mut child = gazette_tests::headless_chromium(browser, profile.path())
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", browser.display()));
    // Read the pipes on threads so a full pipe cannot stall the browser; give up after 2 minutes.
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut s).map(|_| s)
    });
    let err = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = std::io::Read::read_to_string(&mut stderr, &mut s);
        s
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium timed out on {}", page.display());
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let out = out.join().unwrap().unwrap();
    let err = err.join().unwrap();
    assert!(status.success(), "chromium failed on {} ({status}): {err}", page.display());
    out
}

/// The PNG's width and height (from its IHDR chunk).
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "not a PNG");
    assert_eq!(&bytes[12..16], b"IHDR");
    let be = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
    (be(&bytes[16..20]), be(&bytes[20..24]))
}

#[test]
fn html_pages_render_in_chromium() {
    let Some(browser) = gazette_tests::find_chromium() else {
        let msg = "chromium (or chromium-browser) is not on PATH: the HTML browser test did not \
                   run (Debian: apt-get install chromium)";
        if std::env::var("GAZETTE_REQUIRE_BROWSER").is_ok_and(|v| v == "1") {
            panic!("{msg}, and GAZETTE_REQUIRE_BROWSER=1");
        }
        // Straight to stderr, past the test harness's capture, so the skip shows in the log.
        let _ = writeln!(std::io::stderr(), "SKIPPED html_pages_render_in_chromium: {msg}");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("html");
    let gazette = env!("CARGO_BIN_EXE_gazette");
    let out = Command::new(gazette)
        .arg("extract")
        .arg(corpus())
        .args(["--format", "html", "-o"])
        .arg(&html)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let out = Command::new(gazette).arg("extract").arg(corpus()).output().unwrap();
    let recs: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(!recs.is_empty());

    // The index as parsed: one row per article, each linking to its page.
    let dom = chromium(&browser, &["--dump-dom".into()], &html.join("index.html"));
    assert!(dom.contains("<table class=\"articles\">"), "{dom}");
    assert_eq!(dom.matches("<tr class=\"article\">").count(), recs.len());
    for r in &recs {
        assert!(dom.contains(&format!("<a href=\"{}.html\">", r["id"].as_str().unwrap())));
    }
    assert!(!dom.contains("<script"));

    // Each article as parsed: one <mark> per mention with its entity type's class, one quote
    // anchor per quote, a row per quote, claim and entity.
    for r in &recs {
        let id = r["id"].as_str().unwrap();
        let dom = chromium(&browser, &["--dump-dom".into()], &html.join(format!("{id}.html")));
        let ents = r["entities"].as_array().unwrap();
        let mentions: usize = ents.iter().map(|e| e["mentions"].as_array().unwrap().len()).sum();
        assert_eq!(dom.matches("<mark").count(), mentions, "{id}: <mark> elements");
        for kind in ["PERSON", "ORG", "LOC", "NORP"] {
            let n: usize = ents
                .iter()
                .filter(|e| e["type"] == kind)
                .map(|e| e["mentions"].as_array().unwrap().len())
                .sum();
            let class = format!("<mark class=\"e e-{}\"", kind.to_lowercase());
            assert_eq!(dom.matches(&class).count(), n, "{id}: {class}");
        }
        let quotes = r["quotes"].as_array().unwrap().len();
        assert_eq!(dom.matches("<span class=\"q\" id=\"q").count(), quotes, "{id}: quote anchors");
        let rows = |table: &str| {
            dom.split(&format!("<table class=\"{table}\">"))
                .nth(1)
                .map_or(0, |t| t.split("</table>").next().unwrap_or("").matches("<tr").count())
        };
        // Rows include the header row.
        let plus_head = |n: usize| if n == 0 { 0 } else { n + 1 };
        assert_eq!(rows("quotes"), plus_head(quotes), "{id}: quote rows");
        assert_eq!(rows("claims"), plus_head(r["quantities"].as_array().unwrap().len()));
        assert_eq!(rows("entities"), plus_head(ents.len()), "{id}: entity rows");
        assert!(!dom.contains("<script"));
    }

    // A screenshot of the first article: a real, non-blank PNG of the window's size.
    let first = recs[0]["id"].as_str().unwrap();
    let shot = dir.path().join("shot.png");
    chromium(
        &browser,
        &[format!("--screenshot={}", shot.display()), "--window-size=1280,2000".into()],
        &html.join(format!("{first}.html")),
    );
    let png = std::fs::read(&shot).expect("screenshot written");
    assert_eq!(png_size(&png), (1280, 2000));
    // A blank 1280x2000 page compresses to a few kilobytes; highlighted text does not.
    assert!(png.len() > 50_000, "screenshot is only {} bytes", png.len());
}
