//! End-to-end tests of the `gazette` binary (here, not in `tests/`, because only this package
//! gets `CARGO_BIN_EXE_gazette`).

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn gazette() -> Command {
    Command::new(env!("CARGO_BIN_EXE_gazette"))
}

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/articles")
}

fn run(args: &[&str]) -> Output {
    gazette().args(args).output().expect("gazette runs")
}

fn records(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

#[test]
fn extract_corpus_writes_one_record_per_article() {
    let out = gazette().arg("extract").arg(corpus()).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    let recs = records(&out);
    let n = std::fs::read_dir(corpus()).unwrap().count();
    assert_eq!(recs.len(), n);
    for r in &recs {
        assert_eq!(r["schema_version"], 1);
        for key in ["entities", "quotes", "attributions", "quantities", "duplicates", "authors"] {
            assert!(r[key].is_array(), "{key} missing in {}", r["id"]);
        }
        assert!(r["stats"]["tokens"].as_u64().unwrap() > 0);
    }
    let seed = recs.iter().find(|r| r["id"] == "000_073e01bd7b933762").expect("seed record");
    assert_eq!(seed["authors"].as_array().unwrap().len(), 3);
    assert_eq!(seed["publisher"], "The Washington Post");
    assert_eq!(seed["contributors"].as_array().unwrap().len(), 7);
    assert_eq!(seed["duplicates"].as_array().unwrap().len(), 1);
}

#[test]
fn jsonl_bad_lines_are_error_records_and_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("in.jsonl");
    std::fs::write(
        &p,
        "{\"id\":\"a\",\"title\":\"T\",\"text\":\"It fell. It rose.\"}\n{oops\n{\"id\":\"c\"}\n{\"id\":\"d\",\"text\":\"Fine.\"}\n",
    )
    .unwrap();
    let out = run(&["extract", p.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let recs = records(&out);
    assert_eq!(recs.len(), 4);
    assert_eq!(recs[0]["title"], "T");
    assert!(recs[1]["error"].as_str().unwrap().contains("in.jsonl:2: invalid JSON"));
    assert_eq!(recs[2]["id"], "c");
    assert!(recs[2]["error"].as_str().unwrap().contains("in.jsonl:3: record has no \"text\""));
    assert_eq!(recs[3]["id"], "d");
    assert!(recs[3].get("error").is_none());
}

#[test]
fn missing_input_is_a_usage_error() {
    let out = run(&["extract", "/no/such/path.txt"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("error: /no/such/path.txt: no such file"), "{err}");
    let out = run(&["extract", "--format", "yaml", "x"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn invalid_utf8_empty_and_binary_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a_latin1.txt"), b"Caf\xe9 owner Jos\xe9 said it.\n").unwrap();
    std::fs::write(dir.path().join("b_empty.txt"), b"").unwrap();
    std::fs::write(dir.path().join("c_binary.bin"), [0x7f, b'E', b'L', b'F', 0, 0, 0, 1, 2])
        .unwrap();
    std::fs::write(dir.path().join("d_ok.txt"), "Title\nBody here.\n").unwrap();
    let out = run(&["extract", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let recs = records(&out);
    let ids: Vec<&str> = recs.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a_latin1", "b_empty", "c_binary", "d_ok"]);
    assert!(recs[0]["warnings"][0].as_str().unwrap().starts_with("invalid UTF-8"));
    assert!(recs[0].get("error").is_none());
    assert!(recs[1]["error"].as_str().unwrap().contains("empty article"));
    assert!(recs[2]["error"].as_str().unwrap().contains("binary file"));
    assert_eq!(recs[3]["title"], "Title");
}

#[test]
fn huge_single_line_article() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("big.txt");
    let sentence = "The U.S. said \"2,000 fighters\" left Syria, officials said. ";
    let text = sentence.repeat(20 * 1024 * 1024 / sentence.len());
    std::fs::write(&p, &text).unwrap();
    let out = run(&["extract", p.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let recs = records(&out);
    assert_eq!(recs[0]["stats"]["paragraphs"], 1);
    assert!(recs[0]["stats"]["sentences"].as_u64().unwrap() > 300_000);
}

#[test]
fn stdin_text_and_jsonl() {
    for (input, id) in
        [("Title\nIt fell.\n", "stdin"), ("{\"id\":\"j1\",\"text\":\"It fell.\"}\n", "j1")]
    {
        let mut child = gazette()
            .args(["extract", "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0));
        assert_eq!(records(&out)[0]["id"], id);
    }
}

#[test]
fn output_file_json_format_and_thread_determinism() {
    let dir = tempfile::tempdir().unwrap();
    let o1 = dir.path().join("one.json");
    let o2 = dir.path().join("two.json");
    let c = corpus();
    let c = c.to_str().unwrap();
    for (threads, o) in [("1", &o1), ("2", &o2)] {
        let out = run(&[
            "extract",
            c,
            "--format",
            "json",
            "--threads",
            threads,
            "-o",
            o.to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(0));
        assert!(out.stdout.is_empty());
    }
    let a = std::fs::read(&o1).unwrap();
    assert_eq!(a, std::fs::read(&o2).unwrap(), "--threads 1 and 2 give the same bytes");
    let v: Value = serde_json::from_slice(&a).unwrap();
    assert!(v.as_array().unwrap().len() >= 7);
    // No temporary file is left behind.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
}

#[test]
fn closed_stdout_pipe_is_not_an_error() {
    let mut child = gazette()
        .arg("extract")
        .arg(corpus())
        .arg(corpus())
        .arg(corpus())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 16];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty());
}

#[test]
fn help_reads_well() {
    let out = run(&["--help"]);
    let help = String::from_utf8(out.stdout).unwrap();
    assert!(help.contains("extract") && help.contains("tokens"));
    let out = run(&["extract", "--help"]);
    let help = String::from_utf8(out.stdout).unwrap();
    for flag in ["--format", "--threads", "--output", "Exit status"] {
        assert!(help.contains(flag), "extract --help lacks {flag}");
    }
}

#[test]
fn tokens_shows_layout_sentences_and_kinds() {
    let seed = corpus().join("000_073e01bd7b933762.txt");
    let out = run(&["tokens", seed.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("authors: Griff Witte; Sudarsan Raghavan; James McAuley"));
    assert!(s.contains("¶0 title"));
    assert!(s.contains("Brig./abbr Gen./abbr Yahya Rasoul"));
    assert!(s.contains("duplicate "));
}

#[test]
fn user_gazetteer_with_aliases() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("watch.tsv");
    std::fs::write(
        &g,
        "# watch list\nw:acme\tORG\tAcme Widgets\tAcme Corp|AW Group\tkind=company\n",
    )
    .unwrap();
    let a = dir.path().join("a.txt");
    std::fs::write(&a, "Title\nAcme Corp said profits rose. AW Group agreed.\n").unwrap();
    let out = run(&["extract", a.to_str().unwrap(), "--gazetteer", g.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let recs = records(&out);
    let ents = recs[0]["entities"].as_array().unwrap();
    let acme = ents.iter().find(|e| e["gazetteer_id"] == "w:acme").expect("watch-list entity");
    assert_eq!(acme["name"], "Acme Widgets");
    assert_eq!(acme["type"], "ORG");
    let texts: Vec<&str> =
        acme["mentions"].as_array().unwrap().iter().map(|m| m["text"].as_str().unwrap()).collect();
    assert_eq!(texts, ["Acme Corp", "AW Group"]);
}

#[test]
fn malformed_gazetteer_fails_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("bad.tsv");
    std::fs::write(&g, "ok\tORG\tFine\nnot a tsv line\n").unwrap();
    let out = run(&["extract", corpus().to_str().unwrap(), "--gazetteer", g.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with(&format!("error: {}:2: expected 3 to 5", g.display())), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn stats_line_reports_articles_errors_and_memory() {
    let out = gazette()
        .arg("extract")
        .arg(corpus())
        .args(["--stats", "-o", "/dev/null"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    let n = std::fs::read_dir(corpus()).unwrap().count();
    assert!(err.starts_with(&format!("articles={n} errors=0 bytes=")), "{err}");
    assert!(err.contains("MBps=") && err.contains("peak_rss_kb="), "{err}");
    // Written in place: no temporary file was renamed over the device.
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let null = std::fs::metadata("/dev/null").unwrap().file_type();
        assert!(null.is_char_device(), "-o /dev/null replaced /dev/null with a regular file");
    }
}

#[test]
fn gzip_inputs_jsonl_and_text() {
    use std::io::Write as _;
    let dir = tempfile::tempdir().unwrap();
    let gz = |name: &str, body: &str| {
        let f = std::fs::File::create(dir.path().join(name)).unwrap();
        let mut e = flate2::write::GzEncoder::new(f, flate2::Compression::default());
        e.write_all(body.as_bytes()).unwrap();
        e.finish().unwrap();
    };
    gz("a.jsonl.gz", "{\"id\":\"j1\",\"text\":\"Peter Neumann said it fell.\"}\n{\"id\":\"j2\",\"text\":\"It rose.\"}\n");
    gz("b.txt.gz", "Title\nBody text here.\n");
    let out = run(&["extract", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let ids: Vec<String> =
        records(&out).iter().map(|r| r["id"].as_str().unwrap().to_string()).collect();
    assert_eq!(ids, ["j1", "j2", "b"]);
}

#[test]
fn csv_tables_in_a_directory() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("tables");
    let out = gazette()
        .arg("extract")
        .arg(corpus())
        .args(["--format", "csv", "-o"])
        .arg(&out_dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    for t in ["entities", "mentions", "quotes", "attributions", "quantities", "errors"] {
        assert!(out_dir.join(format!("{t}.csv")).exists(), "{t}.csv");
    }
    let quotes = std::fs::read_to_string(out_dir.join("quotes.csv")).unwrap();
    assert!(quotes.starts_with("article,start,end,text,kind,speaker"));
    assert!(quotes.contains(
        "000_073e01bd7b933762,1579,1602,\"It's a massive falloff,\",direct,Peter Neumann,"
    ));
    let errors = std::fs::read_to_string(out_dir.join("errors.csv")).unwrap();
    assert_eq!(errors, "article,error\n");
    // Without -o it is a usage error.
    let out = run(&["extract", corpus().to_str().unwrap(), "--format", "csv"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn conll_bio_tags() {
    let seed = corpus().join("000_073e01bd7b933762.txt");
    let out = run(&["extract", seed.to_str().unwrap(), "--format", "conll"]);
    assert_eq!(out.status.code(), Some(0));
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.starts_with("-DOCSTART- 000_073e01bd7b933762\n\nFlow\tO\n"));
    assert!(s.contains("\nPeter\tB-PERSON\nNeumann\tI-PERSON\n"));
    assert!(s.contains("\nISIS\tB-ORG\n"));
}

#[test]
fn brat_standoff_files() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("brat");
    let out = gazette()
        .arg("extract")
        .arg(corpus())
        .args(["--format", "brat", "-o"])
        .arg(&out_dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out_dir.join("annotation.conf").exists());
    let id = "000_073e01bd7b933762";
    let text = std::fs::read_to_string(out_dir.join(format!("{id}.txt"))).unwrap();
    assert_eq!(text, std::fs::read_to_string(corpus().join(format!("{id}.txt"))).unwrap());
    let ann = std::fs::read_to_string(out_dir.join(format!("{id}.ann"))).unwrap();
    // Every text-bound annotation's offsets (code points) select its text.
    let chars: Vec<char> = text.chars().collect();
    for line in ann.lines().filter(|l| l.starts_with('T')) {
        let cols: Vec<&str> = line.split('\t').collect();
        let frags = cols[1].split_once(' ').unwrap().1;
        let got: Vec<String> = frags
            .split(';')
            .map(|f| {
                let (a, b) = f.split_once(' ').unwrap();
                chars[a.parse::<usize>().unwrap()..b.parse::<usize>().unwrap()].iter().collect()
            })
            .collect();
        assert_eq!(got.join(" "), cols[2], "{line}");
    }
    assert!(ann.contains("\tQuote 1579 1602\tIt's a massive falloff,\n"));
    assert!(ann.lines().any(|l| l.starts_with("R1\tSpeaker Arg1:T")));
    assert_eq!(std::fs::read_to_string(out_dir.join("errors.tsv")).unwrap(), "");
}

#[test]
fn report_summarizes_extract_output() {
    let dir = tempfile::tempdir().unwrap();
    let out_file = dir.path().join("out.jsonl");
    let out = gazette().arg("extract").arg(corpus()).arg("-o").arg(&out_file).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let out = run(&["report", out_file.to_str().unwrap(), "--top", "5"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let s = String::from_utf8(out.stdout).unwrap();
    let n = std::fs::read_dir(corpus()).unwrap().count();
    assert!(s.starts_with(&format!("{n} articles, 0 errors")), "{s}");
    for section in [
        "MOST QUOTED",
        "PERSON",
        "ORG",
        "LOC",
        "NORP",
        "MENTIONED TOGETHER",
        "NUMERIC CLAIMS BY SOURCE",
    ] {
        assert!(s.contains(section), "{section}");
    }
    assert!(s.contains("Peter Neumann"));
    let out = run(&["report", "/no/such/file.jsonl"]);
    assert_eq!(out.status.code(), Some(2));
}

/// HTML-escapes like the pages do (text and attribute values).
fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

#[test]
fn html_pages_and_index() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("html");
    let out = gazette()
        .arg("extract")
        .arg(corpus())
        .args(["--format", "html", "-o"])
        .arg(&out_dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let recs = records(&run(&["extract", corpus().to_str().unwrap()]));
    let index = std::fs::read_to_string(out_dir.join("index.html")).unwrap();
    assert!(index.starts_with("<!DOCTYPE html>"));
    assert_eq!(index.matches("<tr class=\"article\">").count(), recs.len());
    assert!(index.contains("None: every article was analyzed."));
    for section in
        ["Most quoted", "Most mentioned", "Mentioned together", "Numeric claims by source"]
    {
        assert!(index.contains(&format!("{section}</h2>")), "{section}");
    }
    let mut speakers = std::collections::HashSet::new();
    for r in &recs {
        let id = r["id"].as_str().unwrap();
        let page = std::fs::read_to_string(out_dir.join(format!("{id}.html")))
            .unwrap_or_else(|e| panic!("{id}.html: {e}"));
        assert!(index.contains(&format!("<a href=\"{id}.html\">")), "{id} not linked");
        if let Some(t) = r["title"].as_str() {
            assert!(page.contains(&format!("<title>{}</title>", html_escape(t))), "{id} title");
        }
        // One mark per mention, each tagged with its entity's type and tooltip.
        let ents = r["entities"].as_array().unwrap();
        let mentions: usize = ents.iter().map(|e| e["mentions"].as_array().unwrap().len()).sum();
        assert_eq!(page.matches("<mark class=\"e ").count(), mentions, "{id} marks");
        for e in ents {
            let class = format!("e-{}", e["type"].as_str().unwrap().to_lowercase());
            let open = format!(
                "<mark class=\"e {class}\" data-entity=\"{}\" title=\"{}",
                e["id"],
                html_escape(e["name"].as_str().unwrap())
            );
            let n = e["mentions"].as_array().unwrap().len();
            assert_eq!(page.matches(&open).count(), n, "{id}: {open}");
        }
        // Each quote has one anchor in the text and one row in the table, with its speaker.
        let quotes = r["quotes"].as_array().unwrap();
        for (i, q) in quotes.iter().enumerate() {
            assert_eq!(page.matches(&format!(" id=\"q{}\"", i + 1)).count(), 1, "{id} q{i}");
            let text = html_escape(q["text"].as_str().unwrap());
            assert!(page.contains(&format!("<td class=\"quote\">“{text}”")), "{id}: {text}");
            if let Some(name) = q["speaker"]["name"].as_str() {
                assert!(page.contains(&format!("<td class=\"speaker\">{}", html_escape(name))));
                speakers.insert(name.to_string());
            }
        }
        assert_eq!(page.matches("<tr><td class=\"n\"><a href=\"#q").count(), quotes.len());
        let claims = r["quantities"].as_array().unwrap();
        assert_eq!(page.matches("<tr><td class=\"n\"><a href=\"#n").count(), claims.len());
        // Every paragraph of the first copy is shown once; duplicated copies are left out.
        let shown: usize = [
            "<h1 class=\"headline\">",
            "<h2 class=\"headline\">",
            "<p class=\"byline\">",
            "<p class=\"publisher\">",
            "<p class=\"caption\">",
            "<p class=\"body\">",
            "<p class=\"contributors\">",
            "<p class=\"boilerplate\">",
        ]
        .iter()
        .map(|tag| page.matches(tag).count())
        .sum();
        assert_eq!(shown as u64, r["stats"]["paragraphs"].as_u64().unwrap(), "{id} paragraphs");
        let dups = r["duplicates"].as_array().unwrap().len();
        assert_eq!(page.contains("duplicated cop"), dups > 0, "{id}: note on left-out copies");
    }
    // The most quoted speaker of the collection heads the summary table.
    let mut by_speaker = std::collections::HashMap::<String, usize>::new();
    for r in &recs {
        for q in r["quotes"].as_array().unwrap() {
            if let Some(name) = q["speaker"]["name"].as_str() {
                *by_speaker.entry(name.to_string()).or_default() += 1;
            }
        }
    }
    let top = by_speaker.values().max().copied().unwrap_or(0);
    let first = index.split("<table class=\"speakers\">").nth(1).unwrap();
    let first_row = first.split("<tbody>\n<tr>").nth(1).unwrap();
    assert!(first_row.contains(&format!("<td class=\"n\">{top}</td>")), "{first_row}");
    assert!(!speakers.is_empty());
    // Without -o it is a usage error.
    let out = run(&["extract", corpus().to_str().unwrap(), "--format", "html"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("-o DIR"));
}

#[test]
fn html_escapes_text_and_lists_failed_articles() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    std::fs::write(
        &input,
        concat!(
            r#"{"id":"a<1>","title":"Tom & \"Jerry\"","text":"\"It's <script>alert('x')</script> & more,\" said Peter Neumann in London."}"#,
            "\n{oops\n"
        ),
    )
    .unwrap();
    let out_dir = dir.path().join("html");
    let out = gazette()
        .arg("extract")
        .arg(&input)
        .args(["--format", "html", "-o"])
        .arg(&out_dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let page = std::fs::read_to_string(out_dir.join("a_1_.html")).unwrap();
    assert!(!page.contains("<script"), "{page}");
    assert!(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more,"));
    assert!(page.contains("<h1>Tom &amp; &quot;Jerry&quot;</h1>"));
    let index = std::fs::read_to_string(out_dir.join("index.html")).unwrap();
    assert!(index.contains("<a href=\"a_1_.html\">Tom &amp; &quot;Jerry&quot;</a>"));
    let failed = index.lines().find(|l| l.starts_with("<tr class=\"failed\">")).unwrap();
    assert!(failed.contains("in.jsonl:2</td><td>") && failed.contains("in.jsonl:2: invalid JSON"));
    assert!(index.contains("<h1>2 articles</h1>"));
}
