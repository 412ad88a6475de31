//! The `gazette` command line.

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};
use gazette::core::{Document, PartKind, TokenKind};
use gazette::entities::{Gazetteer, RecognizerBuilder};
use gazette::formats::{self, wire, InputFormat, Reader, Record, Writer};
use gazette::Pipeline;

/// Find who and what news articles mention, who said what, and which numbers they claim.
///
/// Reads plain-text articles (one per file, directories walked recursively), JSONL
/// ({"id", "title"?, "text"} per line) or stdin, and writes one JSON object per article.
#[derive(Parser)]
#[command(name = "gazette", version, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyze articles and write one JSON record per article (schema v1, see SCHEMA.md), or
    /// CSV tables, CoNLL, brat files or HTML pages for reading (`--format html -o DIR`).
    ///
    /// Exit status: 0 if every article was analyzed, 1 if some failed (their error records are in
    /// the output), 2 on a usage or I/O error.
    Extract(ExtractArgs),
    /// Show the layout, sentences and tokens of articles, for debugging.
    ///
    /// Ranges in this view (`304..613`) are UTF-8 byte offsets, as Rust slices them; the JSON
    /// output of `extract` uses code-point offsets.
    Tokens(TokensArgs),
    /// Summarize extract output: who is quoted most and about what, the most mentioned
    /// entities, entities mentioned together, numeric claims by source.
    Report(ReportArgs),
}

#[derive(clap::Args)]
struct ReportArgs {
    /// JSONL written by `gazette extract` (`-` for stdin).
    #[arg(value_name = "OUT.jsonl")]
    input: PathBuf,
    /// Rows per table.
    #[arg(long, default_value_t = 15)]
    top: usize,
}

#[derive(clap::Args)]
struct ExtractArgs {
    /// Input files or directories; `-` reads stdin.
    #[arg(required = true, value_name = "PATH|-")]
    inputs: Vec<PathBuf>,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = OutFormat::Jsonl)]
    format: OutFormat,
    /// How to read input files: by extension (.jsonl/.ndjson are JSONL), or force one.
    #[arg(long, value_enum, default_value_t = InFormat::Auto)]
    input_format: InFormat,
    /// Worker threads (0: all cores; 1: sequential).
    #[arg(short = 'j', long, default_value_t = 0, value_name = "N")]
    threads: usize,
    /// Write to FILE (atomically: a temporary file renamed at the end) instead of stdout. With
    /// `--format csv`, `brat` or `html`, the directory to write into (required).
    #[arg(short, long, value_name = "FILE|DIR")]
    output: Option<PathBuf>,
    /// Add a gazetteer (TSV: id, type, name, aliases, attributes; see SCHEMA.md). Repeatable.
    #[arg(short, long, value_name = "FILE")]
    gazetteer: Vec<PathBuf>,
    /// Do not use the embedded default gazetteers (only those given with --gazetteer).
    #[arg(long)]
    no_default_gazetteers: bool,
    /// Print a summary line on stderr at the end (articles, errors, MB/s, articles/s, peak
    /// memory). Printed anyway when stderr is a terminal.
    #[arg(long)]
    stats: bool,
}

#[derive(clap::Args)]
struct TokensArgs {
    /// An article (text or JSONL file, or `-` for stdin).
    #[arg(value_name = "FILE")]
    input: PathBuf,
    /// How to read the input.
    #[arg(long, value_enum, default_value_t = InFormat::Auto)]
    input_format: InFormat,
}

#[derive(Clone, Copy, ValueEnum)]
enum OutFormat {
    /// One JSON object per line.
    Jsonl,
    /// A pretty-printed JSON array.
    Json,
    /// CSV tables (entities, mentions, quotes, attributions, quantities, errors) in the
    /// directory given with -o.
    Csv,
    /// Token-per-line BIO entity tags, a blank line between sentences.
    Conll,
    /// brat standoff: `<id>.txt` and `<id>.ann` per article in the directory given with -o.
    Brat,
    /// HTML pages for reading in a browser, in the directory given with -o: `<id>.html` per
    /// article (the text with entities, quotes and numeric claims highlighted, and their
    /// tables) and `index.html` (every article, failures, the `gazette report` summary).
    Html,
}

#[derive(Clone, Copy, ValueEnum)]
enum InFormat {
    Auto,
    Text,
    Jsonl,
}

impl From<InFormat> for InputFormat {
    fn from(f: InFormat) -> InputFormat {
        match f {
            InFormat::Auto => InputFormat::Auto,
            InFormat::Text => InputFormat::Text,
            InFormat::Jsonl => InputFormat::Jsonl,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => extract(args),
        Command::Tokens(args) => tokens(args),
        Command::Report(args) => report(args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("error: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<io::Error>().is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
            || matches!(e.downcast_ref::<formats::Error>(), Some(formats::Error::Write(e)) if e.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// Output to stdout, or to a temporary file renamed over FILE when all went well.
enum Output {
    Stdout(io::StdoutLock<'static>),
    File {
        tmp: PathBuf,
        dest: PathBuf,
        file: File,
    },
    /// An existing device or pipe (`-o /dev/null`, a FIFO): written in place. Renaming a file
    /// over it would replace `/dev/null` itself with a regular file when run as root.
    Special(File),
}

impl Output {
    fn open(dest: Option<&Path>) -> anyhow::Result<Output> {
        let Some(dest) = dest else { return Ok(Output::Stdout(io::stdout().lock())) };
        if std::fs::metadata(dest).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
            let file = std::fs::OpenOptions::new()
                .write(true)
                .open(dest)
                .with_context(|| format!("cannot open {}", dest.display()))?;
            return Ok(Output::Special(file));
        }
        let name = dest.file_name().context("output path has no file name")?;
        let mut tmp_name = std::ffi::OsString::from(".");
        tmp_name.push(name);
        tmp_name.push(format!(".tmp{}", std::process::id()));
        let tmp = dest.with_file_name(tmp_name);
        let file =
            File::create(&tmp).with_context(|| format!("cannot create {}", tmp.display()))?;
        Ok(Output::File { tmp, dest: dest.to_path_buf(), file })
    }

    fn commit(self) -> anyhow::Result<()> {
        if let Output::File { tmp, dest, file } = self {
            file.sync_all().ok();
            drop(file);
            std::fs::rename(&tmp, &dest).with_context(|| {
                format!("cannot rename {} to {}", tmp.display(), dest.display())
            })?;
        }
        Ok(())
    }

    fn tmp_path(&self) -> Option<PathBuf> {
        match self {
            Output::Stdout(_) | Output::Special(_) => None,
            Output::File { tmp, .. } => Some(tmp.clone()),
        }
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Output::Stdout(s) => s.write(buf),
            Output::File { file, .. } | Output::Special(file) => file.write(buf),
        }
    }
    fn flush(&mut self) -> io::Result<()> {
        match self {
            Output::Stdout(s) => s.flush(),
            Output::File { file, .. } | Output::Special(file) => file.flush(),
        }
    }
}

fn extract(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    let started = std::time::Instant::now();
    let reader = Reader::open(&args.inputs, args.input_format.into())?;
    let mut pipeline = Pipeline::new();
    if !args.gazetteer.is_empty() || args.no_default_gazetteers {
        let mut b = RecognizerBuilder::new().default_gazetteers(!args.no_default_gazetteers);
        for path in &args.gazetteer {
            b = b.gazetteer(Gazetteer::from_path(path)?);
        }
        pipeline = pipeline.recognizer(b.build()?);
    }
    let pipeline = pipeline.threads(args.threads).context("cannot start worker threads")?;
    let format = match args.format {
        OutFormat::Jsonl => formats::Format::Jsonl,
        OutFormat::Json => formats::Format::Json,
        OutFormat::Conll => formats::Format::Conll,
        OutFormat::Csv => {
            let dir = args
                .output
                .as_deref()
                .context("--format csv writes a directory of tables: give it with -o DIR")?;
            return extract_csv(&pipeline, reader, dir, args.stats, started);
        }
        OutFormat::Brat => {
            let dir = args.output.as_deref().context(
                "--format brat writes a directory of .txt and .ann files: give it with -o DIR",
            )?;
            return extract_brat(&pipeline, reader, dir, args.stats, started);
        }
        OutFormat::Html => {
            let dir = args.output.as_deref().context(
                "--format html writes a directory of pages and an index.html: give it with -o DIR",
            )?;
            return extract_html(&pipeline, reader, dir, args.stats, started);
        }
    };
    let output = Output::open(args.output.as_deref())?;
    let tmp = output.tmp_path();
    let mut writer = Writer::new(BufWriter::with_capacity(1 << 16, output), format);
    let (mut failed, mut articles, mut text_bytes) = (0usize, 0usize, 0usize);
    let progress = Progress::new(&reader, started);
    let result = pipeline.for_each_ordered(
        reader,
        |p, rec: Record| render(p, rec, format),
        |(ok, bytes, len)| {
            failed += usize::from(!ok);
            articles += 1;
            text_bytes += len;
            progress.update(articles, failed);
            writer.write_raw(&bytes)
        },
    );
    progress.finish();
    let finished = result.and_then(|()| writer.finish());
    match finished {
        Ok(out) => {
            let out = out.into_inner().map_err(|e| e.into_error())?;
            out.commit()?;
        }
        Err(e) => {
            // Nothing partial is left behind.
            if let Some(tmp) = tmp {
                let _ = std::fs::remove_file(tmp);
            }
            return Err(e.into());
        }
    }
    if args.stats || io::stderr().is_terminal() {
        print_stats(&pipeline, started, articles, failed, text_bytes);
    }
    Ok(if failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// The progress line on stderr, on a terminal only (nothing when stderr is a file or a pipe): a
/// bar over the input bytes with the ETA when the inputs' size is known, else a spinner; both
/// with articles, articles/s and errors.
struct Progress {
    bar: indicatif::ProgressBar,
    read: formats::ReadProgress,
    started: std::time::Instant,
}

impl Progress {
    fn new(reader: &Reader, started: std::time::Instant) -> Progress {
        let read = reader.progress();
        let bar = if !io::stderr().is_terminal() {
            indicatif::ProgressBar::hidden()
        } else if let Some(total) = read.total_bytes() {
            let bar = indicatif::ProgressBar::new(total);
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "{bar:30} {percent:>3}% {bytes}/{total_bytes}  {msg}  {elapsed}, ETA {eta}",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            bar
        } else {
            let bar = indicatif::ProgressBar::new_spinner();
            bar.set_style(
                indicatif::ProgressStyle::with_template("{spinner} {msg}  {elapsed}")
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
            );
            bar
        };
        Progress { bar, read, started }
    }

    fn update(&self, articles: usize, failed: usize) {
        if self.bar.is_hidden() || !articles.is_multiple_of(64) {
            return;
        }
        self.bar.set_position(self.read.bytes_read());
        let rate = articles as f64 / self.started.elapsed().as_secs_f64().max(1e-3);
        let errors = if failed > 0 { format!(", {failed} errors") } else { String::new() };
        self.bar.set_message(format!("{articles} articles, {rate:.0} articles/s{errors}"));
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// Runs the pipeline over `reader`, rendering each article with `ok` (or a failure with `err`)
/// on the worker threads and handing the results to `sink` in input order.
fn run_rendered<R: Send>(
    pipeline: &Pipeline,
    reader: Reader,
    stats: bool,
    started: std::time::Instant,
    ok: impl Fn(&gazette::core::Document, &gazette::core::Analysis) -> R + Sync,
    err: impl Fn(&str, &str) -> R + Sync,
    mut sink: impl FnMut(R) -> Result<(), formats::Error>,
) -> anyhow::Result<ExitCode> {
    let (mut failed, mut articles, mut text_bytes) = (0usize, 0usize, 0usize);
    let progress = Progress::new(&reader, started);
    pipeline.for_each_ordered(
        reader,
        |p, rec: Record| match rec {
            Ok(doc) => match p.try_analyze(&doc) {
                Ok(a) => (true, ok(&doc, &a), doc.text.len()),
                Err(msg) => (false, err(&doc.id, &msg), doc.text.len()),
            },
            Err(e) => (false, err(&e.id, &e.message), 0),
        },
        |(good, rendered, len)| {
            failed += usize::from(!good);
            articles += 1;
            text_bytes += len;
            progress.update(articles, failed);
            sink(rendered)
        },
    )?;
    progress.finish();
    if stats || io::stderr().is_terminal() {
        print_stats(pipeline, started, articles, failed, text_bytes);
    }
    Ok(if failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// `--format csv`: one table per kind of annotation in `dir`.
fn extract_csv(
    pipeline: &Pipeline,
    reader: Reader,
    dir: &Path,
    stats: bool,
    started: std::time::Instant,
) -> anyhow::Result<ExitCode> {
    let mut tables = formats::tables::CsvDir::create(dir)?;
    let code = run_rendered(
        pipeline,
        reader,
        stats,
        started,
        formats::tables::render,
        formats::tables::render_error,
        |rows| tables.append(&rows),
    )?;
    tables.finish()?;
    Ok(code)
}

/// `--format brat`: `<id>.txt` and `<id>.ann` per article in `dir`, failures in `errors.tsv`.
fn extract_brat(
    pipeline: &Pipeline,
    reader: Reader,
    dir: &Path,
    stats: bool,
    started: std::time::Instant,
) -> anyhow::Result<ExitCode> {
    formats::brat::create_dir(dir)?;
    let mut errors = String::new();
    let code = run_rendered(
        pipeline,
        reader,
        stats,
        started,
        |doc, a| Ok((doc.id.clone(), doc.text.clone(), formats::brat::render(doc, a))),
        |id, msg| Err(format!("{id}\t{}\n", msg.replace(['\t', '\n'], " "))),
        |r: Result<(String, String, String), String>| match r {
            Ok((id, text, ann)) => formats::brat::write_article(dir, &id, &text, &ann),
            Err(line) => {
                errors.push_str(&line);
                Ok(())
            }
        },
    )?;
    let path = dir.join("errors.tsv");
    std::fs::write(&path, errors).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(code)
}

/// `--format html`: `<id>.html` per article in `dir`, then `index.html` listing them, the failures
/// and the collection summary.
fn extract_html(
    pipeline: &Pipeline,
    reader: Reader,
    dir: &Path,
    stats: bool,
    started: std::time::Instant,
) -> anyhow::Result<ExitCode> {
    let mut pages = formats::html::HtmlDir::create(dir)?;
    let code = run_rendered(
        pipeline,
        reader,
        stats,
        started,
        |doc, a| Ok(formats::html::render(doc, a)),
        |id, msg| Err((id.to_string(), msg.to_string())),
        |r: Result<formats::html::Page, (String, String)>| match r {
            Ok(page) => pages.add_article(page).map(drop),
            Err((id, msg)) => {
                pages.add_error(&id, &msg);
                Ok(())
            }
        },
    )?;
    pages.finish()?;
    Ok(code)
}

/// The one-line run summary on stderr.
fn print_stats(
    pipeline: &Pipeline,
    started: std::time::Instant,
    articles: usize,
    failed: usize,
    text_bytes: usize,
) {
    let secs = started.elapsed().as_secs_f64().max(1e-9);
    eprintln!(
        "articles={articles} errors={failed} bytes={text_bytes} seconds={secs:.3} MBps={:.2} articles_per_s={:.0} threads={} peak_rss_kb={}",
        text_bytes as f64 / 1e6 / secs,
        articles as f64 / secs,
        pipeline.current_threads(),
        peak_rss_kb().map_or_else(|| "?".to_string(), |k| k.to_string()),
    );
}

/// Peak resident memory of this process (Linux: VmHWM in /proc/self/status).
fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Analyzes and serializes one record (on a worker thread). Returns (succeeded, bytes, text
/// length).
fn render(p: &Pipeline, rec: Record, format: formats::Format) -> (bool, Vec<u8>, usize) {
    match rec {
        Ok(doc) => {
            let len = doc.text.len();
            match p.try_analyze(&doc) {
                Ok(a) if format == formats::Format::Conll => {
                    (true, formats::conll::render(&doc, &a).into_bytes(), len)
                }
                Ok(a) => {
                    (true, Writer::<io::Sink>::render(format, &wire::Record::new(&doc, &a)), len)
                }
                Err(msg) => (
                    false,
                    Writer::<io::Sink>::render(format, &wire::ErrorRecord::new(&doc.id, &msg)),
                    len,
                ),
            }
        }
        Err(e) => (
            false,
            Writer::<io::Sink>::render(format, &wire::ErrorRecord::new(&e.id, &e.message)),
            0,
        ),
    }
}

fn report(args: ReportArgs) -> anyhow::Result<ExitCode> {
    let summary = if args.input.as_os_str() == "-" {
        formats::report::Summary::read(io::stdin().lock())
    } else {
        let f = File::open(&args.input).with_context(|| format!("{}", args.input.display()))?;
        formats::report::Summary::read(io::BufReader::new(f))
    }
    .with_context(|| format!("reading {}", args.input.display()))?;
    let mut out = io::stdout().lock();
    out.write_all(summary.render(args.top).as_bytes())?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn tokens(args: TokensArgs) -> anyhow::Result<ExitCode> {
    let reader = Reader::open(&[&args.input], args.input_format.into())?;
    let pipeline = Pipeline::new().threads(1)?;
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut failed = false;
    for rec in reader {
        match rec {
            Ok(doc) => show_tokens(&mut out, &doc, &pipeline)?,
            Err(e) => {
                failed = true;
                writeln!(out, "# error: {e}")?;
            }
        }
    }
    out.flush()?;
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn kind_name(k: PartKind) -> &'static str {
    match k {
        PartKind::Title => "title",
        PartKind::Byline => "byline",
        PartKind::Publisher => "publisher",
        PartKind::Caption => "caption",
        PartKind::Credit => "credit",
        PartKind::Dateline => "dateline",
        PartKind::Body => "body",
        PartKind::Contributors => "contributors",
        PartKind::Boilerplate => "boilerplate",
        PartKind::Duplicate => "duplicate",
    }
}

fn token_code(k: TokenKind) -> &'static str {
    match k {
        TokenKind::Word => "",
        TokenKind::Number => "num",
        TokenKind::Fraction => "frac",
        TokenKind::Punct => "p",
        TokenKind::QuoteOpen => "q<",
        TokenKind::QuoteClose => "q>",
        TokenKind::QuoteAmbiguous => "q?",
        TokenKind::Possessive => "poss",
        TokenKind::Contraction => "contr",
        TokenKind::Abbreviation => "abbr",
        TokenKind::Compound => "comp",
        TokenKind::Url => "url",
        TokenKind::Email => "email",
        TokenKind::Symbol => "sym",
    }
}

fn show_tokens(out: &mut impl Write, doc: &Document, pipeline: &Pipeline) -> io::Result<()> {
    let a = pipeline.analyze(doc);
    let l = &a.layout;
    let text = doc.text.as_str();
    let list =
        |v: &[gazette::core::Span]| v.iter().map(|s| &text[*s]).collect::<Vec<_>>().join("; ");
    writeln!(out, "# {}  ({} bytes; ranges below are byte offsets)", doc.id, text.len())?;
    if let Some(t) = &doc.title {
        writeln!(out, "title (separate): {t}")?;
    }
    writeln!(out, "authors: {}", list(&l.authors))?;
    writeln!(out, "publisher: {}", l.publisher.map_or("", |s| &text[s]))?;
    writeln!(out, "credits: {}", list(&l.credits))?;
    writeln!(out, "contributors: {}", list(&l.contributors))?;
    for p in &l.parts {
        writeln!(out, "{} {:?}: {:?}", kind_name(p.kind), p.span, &text[p.span])?;
    }
    for d in &l.duplicates {
        writeln!(out, "duplicate {:?} repeats {:?}", d.span, d.original)?;
    }
    for (i, p) in l.paragraphs.iter().enumerate() {
        writeln!(out, "\n¶{i} {} {:?}", kind_name(p.kind), p.span)?;
        for s in &l.sentences[p.sentences.clone()] {
            writeln!(out, "  ‹{}›", &text[s.span])?;
            let toks: Vec<String> = l
                .sentence_tokens(s)
                .iter()
                .map(|t| {
                    let c = token_code(t.kind);
                    if c.is_empty() {
                        text[t.span].to_string()
                    } else {
                        format!("{}/{c}", &text[t.span])
                    }
                })
                .collect();
            writeln!(out, "    {}", toks.join(" "))?;
        }
    }
    writeln!(out)
}
