//! Article layout: paragraphs and their roles, duplicated copies, then tokens and sentences.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use gazette_core::{Document, Duplicate, Layout, Paragraph, Part, PartKind, Sentence, Span};

use crate::{sentence, token};

/// Turns documents into [`Layout`]s. Built once, shared by all threads.
#[derive(Clone, Debug)]
pub struct Tokenizer {
    min_duplicate_len: usize,
}

impl Default for Tokenizer {
    fn default() -> Self {
        Tokenizer::new()
    }
}

impl Tokenizer {
    /// A tokenizer with default settings.
    pub fn new() -> Tokenizer {
        Tokenizer { min_duplicate_len: 60 }
    }

    /// Paragraphs shorter than this (in bytes) never start a duplicated run (default 60), so
    /// repeated short lines ("Advertisement", "Photo") are not reported as duplicates.
    pub fn min_duplicate_len(mut self, bytes: usize) -> Tokenizer {
        self.min_duplicate_len = bytes.max(1);
        self
    }

    /// Finds the layout, sentences and tokens of a document. Never fails.
    pub fn segment(&self, doc: &Document) -> Layout {
        let text = doc.text.as_str();
        let paras = split_paragraphs(text);
        let mut kinds = vec![PartKind::Body; paras.len()];
        // Duplicated runs first: everything else looks at the first copy only.
        let duplicates = self.find_duplicates(text, &paras, &mut kinds);
        let mut layout = Layout { duplicates, ..Layout::default() };

        for (k, p) in kinds.iter_mut().zip(&paras) {
            if *k == PartKind::Body && is_boilerplate(&text[*p]) {
                *k = PartKind::Boilerplate;
            }
        }

        self.header(doc, &paras, &mut kinds, &mut layout);

        // Captions anywhere; contributor notes; the dateline of the first body paragraph.
        let mut dateline: Option<(usize, Span)> = None;
        for (i, p) in paras.iter().enumerate() {
            match kinds[i] {
                PartKind::Body | PartKind::Caption => {}
                _ => continue,
            }
            if let Some((credit, names)) = caption_credit(text, *p) {
                kinds[i] = PartKind::Caption;
                layout.parts.push(Part { kind: PartKind::Credit, span: credit });
                layout.credits.extend(names);
                continue;
            }
            if let Some(names) = contributor_note(text, *p) {
                kinds[i] = PartKind::Contributors;
                layout.contributors.extend(names);
                continue;
            }
            if dateline.is_none() {
                if let Some(d) = find_dateline(&text[*p]) {
                    let span = Span::new(p.start(), p.start() + d);
                    layout.parts.push(Part { kind: PartKind::Dateline, span });
                    dateline = Some((i, span));
                } else {
                    // Only the first body paragraph may open with a dateline.
                    dateline = Some((usize::MAX, Span::default()));
                }
            }
        }
        layout.parts.sort_by_key(|p| p.span);

        // Tokens and sentences.
        layout.tokens.reserve(text.len() / 5 + 1);
        layout.paragraphs.reserve(paras.len());
        layout.sentences.reserve(text.len() / 64 + paras.len());
        for (i, p) in paras.iter().enumerate() {
            if kinds[i] == PartKind::Duplicate {
                continue;
            }
            let t0 = layout.tokens.len();
            token::tokenize_into(text, p.start(), p.end(), &mut layout.tokens);
            let t1 = layout.tokens.len();
            let pidx = layout.paragraphs.len();
            let s0 = layout.sentences.len();
            // A dateline is not part of the first sentence.
            let mut first = t0;
            if let Some((di, dspan)) = dateline {
                if di == i {
                    while first < t1 && layout.tokens[first].span.start() < dspan.end() {
                        first += 1;
                    }
                }
            }
            let toks = &layout.tokens[first..t1];
            let sentences = &mut layout.sentences;
            sentence::split(text, toks, |a, b| {
                let (a, b) = (first + a, first + b);
                let span = Span::new(toks[a - first].span.start(), toks[b - first - 1].span.end());
                sentences.push(Sentence { span, tokens: a..b, paragraph: pidx });
            });
            let s1 = layout.sentences.len();
            layout.paragraphs.push(Paragraph {
                span: *p,
                kind: kinds[i],
                sentences: s0..s1,
                tokens: t0..t1,
            });
        }
        layout
    }

    fn find_duplicates(
        &self,
        text: &str,
        paras: &[Span],
        kinds: &mut [PartKind],
    ) -> Vec<Duplicate> {
        let mut seen: HashMap<&str, usize, BuildHasherDefault<ParaHasher>> =
            HashMap::with_capacity_and_hasher(paras.len(), BuildHasherDefault::default());
        let mut dups = Vec::new();
        let mut i = 0;
        while i < paras.len() {
            let t = &text[paras[i]];
            if t.len() < self.min_duplicate_len {
                i += 1;
                continue;
            }
            match seen.get(t) {
                Some(&o) if kinds[o] != PartKind::Duplicate => {
                    // Extend the run while paragraphs keep repeating, the original staying
                    // before the copy.
                    let mut len = 1;
                    while i + len < paras.len()
                        && o + len < i
                        && text[paras[i + len]] == text[paras[o + len]]
                    {
                        len += 1;
                    }
                    for k in &mut kinds[i..i + len] {
                        *k = PartKind::Duplicate;
                    }
                    dups.push(Duplicate {
                        span: paras[i].cover(paras[i + len - 1]),
                        original: paras[o].cover(paras[o + len - 1]),
                    });
                    i += len;
                }
                Some(_) => i += 1,
                None => {
                    seen.insert(t, i);
                    i += 1;
                }
            }
        }
        dups
    }

    /// Title, byline, publisher line and captions at the top of the article.
    fn header(&self, doc: &Document, paras: &[Span], kinds: &mut [PartKind], layout: &mut Layout) {
        let text = doc.text.as_str();
        let mut i = 0;
        let mut after_title_or_byline = false;
        if doc.title.is_none() {
            if let Some(p) = paras.first() {
                if kinds[0] == PartKind::Body && looks_like_title(&text[*p]) {
                    kinds[0] = PartKind::Title;
                    layout.title = Some(*p);
                    i = 1;
                    after_title_or_byline = true;
                }
            }
        }
        let limit = (i + 4).min(paras.len());
        while i < limit {
            if kinds[i] != PartKind::Body {
                break;
            }
            let p = paras[i];
            if let Some(names) = byline(text, p) {
                kinds[i] = PartKind::Byline;
                layout.authors.extend(names);
                after_title_or_byline = true;
            } else if after_title_or_byline
                && layout.publisher.is_none()
                && looks_like_publisher(&text[p])
            {
                kinds[i] = PartKind::Publisher;
                layout.publisher = Some(p);
            } else if caption_credit(text, p).is_some() {
                // Classified (with its credit) by the caller.
            } else {
                break;
            }
            i += 1;
        }
    }
}

/// A fast non-cryptographic hasher for paragraph texts (the duplicate finder's map keys are
/// the article's own paragraphs, so flooding is no concern): eight bytes at a time, an
/// Fx-style multiply-rotate step.
#[derive(Default)]
struct ParaHasher(u64);

impl ParaHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for ParaHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let mut w = [0u8; 8];
        let rest = chunks.remainder();
        w[..rest.len()].copy_from_slice(rest);
        self.add(u64::from_le_bytes(w));
    }

    fn write_u8(&mut self, b: u8) {
        self.add(u64::from(b));
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Splits text into trimmed paragraph spans.
///
/// Paragraphs are separated by blank lines, and each line is a paragraph, except in
/// hard-wrapped text (all lines short, as in wire copy), where a paragraph runs until a blank
/// or indented line. In any text, a line starting in lower case continues a previous line that
/// has no final punctuation.
fn split_paragraphs(text: &str) -> Vec<Span> {
    struct Line {
        start: usize,
        end: usize, // trimmed
        indented: bool,
        blank: bool,
    }
    let bytes = text.as_bytes();
    let mut lines = Vec::with_capacity(memchr::memchr_iter(b'\n', bytes).count() + 1);
    let mut pos = 0;
    while pos <= bytes.len() {
        let nl = memchr::memchr(b'\n', &bytes[pos..]).map_or(bytes.len(), |k| pos + k);
        let raw = &text[pos..nl];
        let lead = raw.len() - raw.trim_start().len();
        let trimmed = raw.trim();
        let start = pos + lead;
        lines.push(Line {
            start,
            end: start + trimmed.len(),
            indented: raw.starts_with('\t') || raw.starts_with("  "),
            blank: trimmed.is_empty(),
        });
        if nl == bytes.len() {
            break;
        }
        pos = nl + 1;
    }
    let (mut nonblank, mut long, mut max) = (0, 0, 0);
    for l in lines.iter().filter(|l| !l.blank) {
        let len = l.end - l.start;
        nonblank += 1;
        long += usize::from(len >= 50);
        max = max.max(len);
    }
    let wrapped = nonblank >= 3 && max <= 100 && long * 2 >= nonblank;

    let mut paras: Vec<Span> = Vec::with_capacity(nonblank);
    let mut prev_blank = true;
    for l in &lines {
        if l.blank {
            prev_blank = true;
            continue;
        }
        let line = &text[l.start..l.end];
        let continues = !prev_blank
            && match paras.last() {
                None => false,
                Some(last) => {
                    if wrapped {
                        !l.indented
                    } else {
                        let prev_end = text[*last].chars().next_back();
                        line.starts_with(|c: char| c.is_lowercase())
                            && !prev_end.is_some_and(|c| {
                                matches!(c, '.' | '!' | '?' | ':' | '"' | '”' | '’' | ')')
                            })
                    }
                }
            };
        if continues {
            if let Some(last) = paras.last_mut() {
                *last = Span::new(last.start(), l.end);
            }
        } else {
            paras.push(Span::new(l.start, l.end));
        }
        prev_blank = false;
    }
    paras
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

fn looks_like_title(s: &str) -> bool {
    s.len() <= 300 && words(s) <= 40 && !is_boilerplate(s) && !s.starts_with("By ")
}

/// "The Washington Post", "Reuters", "Associated Press": a short line of capitalized words.
fn looks_like_publisher(s: &str) -> bool {
    let n = words(s);
    if n == 0 || n > 6 || s.len() > 60 || s.ends_with(['.', '!', '?', ':', ',']) {
        return false;
    }
    s.split_whitespace().all(|w| {
        w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            || matches!(w, "of" | "the" | "and" | "for" | "&" | "de" | "du" | "la" | "-" | "|")
    })
}

/// True if `s` reads as a person's name: 1 to 6 capitalized words (particles allowed inside).
fn is_name_like(s: &str) -> bool {
    let ws: Vec<&str> = s.split_whitespace().collect();
    if ws.is_empty() || ws.len() > 6 {
        return false;
    }
    let cap = |w: &str| w.starts_with(|c: char| c.is_uppercase());
    if !cap(ws[0]) || !cap(ws[ws.len() - 1]) {
        return false;
    }
    ws.iter().all(|w| {
        (cap(w) && w.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’')))
            || gazette_core::is_name_particle(w)
            || w.starts_with("al-")
    })
}

/// Splits "A, B and C" (with optional "in Place" after each name) into name spans.
fn split_names(text: &str, span: Span) -> Vec<Span> {
    let s = &text[span];
    let mut out = Vec::new();
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < s.len() {
        let rest = &s[i..];
        let sep = if rest.starts_with(", and ") {
            6
        } else if rest.starts_with(" and ") || rest.starts_with(" & ") {
            if rest.starts_with(" & ") {
                3
            } else {
                5
            }
        } else if bytes[i] == b',' || bytes[i] == b';' {
            1
        } else {
            0
        };
        if sep > 0 {
            pieces.push((start, i));
            i += sep;
            start = i;
        } else {
            i += s[i..].chars().next().map_or(1, char::len_utf8);
        }
    }
    pieces.push((start, s.len()));
    for (a, b) in pieces {
        let mut piece = &s[a..b];
        // "Liz Sly in Beirut", "Jane Roe from London"
        for sep in [" in ", " from ", " at "] {
            if let Some(k) = piece.find(sep) {
                piece = &piece[..k];
            }
        }
        let lead = piece.len() - piece.trim_start().len();
        let trimmed = piece.trim();
        if is_name_like(trimmed) {
            let st = span.start() + a + lead;
            out.push(Span::new(st, st + trimmed.len()));
        }
    }
    out
}

/// "By Griff Witte, Sudarsan Raghavan and James McAuley" -> the three names.
fn byline(text: &str, p: Span) -> Option<Vec<Span>> {
    let s = &text[p];
    if s.len() > 200 {
        return None;
    }
    let rest = s
        .strip_prefix("By ")
        .or_else(|| s.strip_prefix("BY "))
        .or_else(|| s.strip_prefix("by "))?;
    let start = p.start() + (s.len() - rest.len());
    // Drop a trailing "| Reuters" or " - Staff Writer".
    let cut = rest.find([' ', '\t']).and(rest.find(" | ").or_else(|| rest.find(" - ")));
    let body = match cut {
        Some(k) => &rest[..k],
        None => rest,
    };
    let names = split_names(text, Span::new(start, start + body.len()));
    if names.is_empty() {
        None
    } else {
        Some(names)
    }
}

/// A caption ending with a credit: "(Lorenzo Tugnoli for The Washington Post)",
/// "(AP Photo/Hussein Malla)", "(Reuters)". Returns the credit span and the credited names.
fn caption_credit(text: &str, p: Span) -> Option<(Span, Vec<Span>)> {
    let s = &text[p];
    if s.len() > 600 || !s.ends_with(')') {
        return None;
    }
    let open = s.rfind('(')?;
    let inner = &s[open + 1..s.len() - 1];
    if inner.is_empty() || inner.len() > 100 || inner.contains('(') {
        return None;
    }
    let inner_start = p.start() + open + 1;
    let credit = Span::new(p.start() + open, p.end());
    let agency = |w: &str| {
        matches!(
            w.trim(),
            "Reuters"
                | "AP"
                | "AFP"
                | "EPA"
                | "Getty Images"
                | "AFP/Getty Images"
                | "Bloomberg"
                | "Associated Press"
                | "EPA-EFE"
                | "Xinhua"
                | "Anadolu Agency"
                | "ANSA"
                | "dpa"
                | "AP Photo"
                | "Reuters Photo"
                | "Shutterstock"
                | "File photo"
                | "File"
        )
    };
    let name_at = |a: usize, b: usize| -> Vec<Span> {
        let piece = &inner[a..b];
        let lead = piece.len() - piece.trim_start().len();
        let t = piece.trim();
        if is_name_like(t) && !agency(t) {
            vec![Span::new(inner_start + a + lead, inner_start + a + lead + t.len())]
        } else {
            vec![]
        }
    };
    if let Some(k) = inner.find(" for ") {
        let publisher = &inner[k + 5..];
        if is_name_like(&inner[..k]) && publisher.starts_with(|c: char| c.is_uppercase()) {
            return Some((credit, name_at(0, k)));
        }
        return None;
    }
    if let Some(k) = inner.find('/') {
        // "AP Photo/Hussein Malla" or "Hussein Malla/Reuters"
        let (a, b) = (&inner[..k], &inner[k + 1..]);
        if agency(a) || a.trim().ends_with("Photo") {
            return Some((credit, name_at(k + 1, inner.len())));
        }
        if agency(b) {
            return Some((credit, name_at(0, k)));
        }
        return None;
    }
    for prefix in ["Photo: ", "Photo by ", "Photograph: ", "Photo credit: "] {
        if let Some(rest) = inner.strip_prefix(prefix) {
            let a = inner.len() - rest.len();
            return Some((credit, name_at(a, inner.len())));
        }
    }
    if agency(inner) && words(s) > 4 && s[..open].trim_end().ends_with('.') {
        return Some((credit, vec![]));
    }
    None
}

/// "Liz Sly in Beirut, ... and Matt Zapotosky in Washington contributed to this report."
fn contributor_note(text: &str, p: Span) -> Option<Vec<Span>> {
    let s = &text[p];
    if s.len() > 1200 {
        return None;
    }
    // One fast scan rules out almost every paragraph.
    // The searchers are built once, not per paragraph.
    static CUES: OnceLock<[memchr::memmem::Finder<'static>; 2]> = OnceLock::new();
    let [contribut, ing_by] = CUES.get_or_init(|| {
        [memchr::memmem::Finder::new(b"contribut"), memchr::memmem::Finder::new(b"ing by ")]
    });
    let b = s.as_bytes();
    if contribut.find(b).is_none() && ing_by.find(b).is_none() {
        return None;
    }
    for cue in
        [" contributed to this report", " contributed reporting", " contributed to this article"]
    {
        if let Some(k) = s.find(cue) {
            // The clause starts after the previous sentence end.
            let head = &s[..k];
            let from = head
                .match_indices(". ")
                .map(|(j, _)| j + 2)
                .filter(|&j| head[j..].starts_with(|c: char| c.is_uppercase()))
                .last()
                .unwrap_or(0);
            let names = split_names(text, Span::new(p.start() + from, p.start() + k));
            return Some(names);
        }
    }
    for cue in ["Additional reporting by ", "Reporting by ", "Writing by "] {
        if let Some(k) = s.find(cue) {
            let from = k + cue.len();
            let tail = &s[from..];
            let to = tail.find([';', '.', '\n']).map_or(s.len(), |e| from + e);
            let names = split_names(text, Span::new(p.start() + from, p.start() + to));
            return Some(names);
        }
    }
    None
}

/// The length of a dateline opening a paragraph: "BEIRUT (Reuters) - ", "SALVADOR, Feb 26 - ",
/// "NAIROBI, March 3 (AP) — ", "WASHINGTON — ".
fn find_dateline(s: &str) -> Option<usize> {
    let mut cut = s.len().min(120);
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    let window = &s[..cut];
    // Find the separator dash: the first place where one starts (every one starts with a
    // space or the lead byte of '—' and '–'), the shortest one there.
    const DASHES: [&str; 6] = [" - ", " — ", " – ", " -- ", " —", "— "];
    let w = window.as_bytes();
    let (sep_at, sep_len) = memchr::memchr2_iter(b' ', 0xE2, w).find_map(|k| {
        let tail = &w[k..];
        let len = DASHES.iter().filter(|d| tail.starts_with(d.as_bytes())).map(|d| d.len()).min();
        len.map(|len| (k, len))
    })?;
    let head = &window[..sep_at];
    if head.is_empty() || head.len() > 80 {
        return None;
    }
    // Place: the part before ',' or '('.
    let place_end = head.find([',', '(']).unwrap_or(head.len());
    let place = head[..place_end].trim();
    let letters: Vec<char> = place.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 2 {
        return None;
    }
    let all_caps = letters.iter().all(|c| c.is_uppercase());
    let agency = head.contains('(') && head.trim_end().ends_with(')');
    if !(all_caps || agency) {
        return None;
    }
    if !place.chars().all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '-' | '\'' | '’')) {
        return None;
    }
    // After the place: optional date ("Feb 26", "March 3") and agency.
    let tail = &head[place_end..];
    if !tail
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, ' ' | ',' | '.' | '(' | ')' | '/' | '-'))
    {
        return None;
    }
    let mut end = sep_at + sep_len;
    let rest = &s[end..];
    end += rest.len() - rest.trim_start().len();
    Some(end)
}

/// "Comments", "Advertisement", "Share this article", "Read more" and the like.
fn is_boilerplate(s: &str) -> bool {
    if s.len() > 100 {
        return false;
    }
    let t = s.trim_end_matches([':', '.', '»', '›', '>', ' ']);
    if t.is_ascii() {
        // ASCII lowers to ASCII of the same length: lower into a buffer on the stack.
        let mut buf = [0u8; 100];
        if let Some(l) = buf.get_mut(..t.len()) {
            l.copy_from_slice(t.as_bytes());
            l.make_ascii_lowercase();
            let l = &*l;
            let matches = EXACT.iter().any(|e| l == e.as_bytes())
                || PREFIX.iter().any(|p| l.starts_with(p.as_bytes()));
            return matches && words(s) <= 10;
        }
    }
    let l = t.to_lowercase();
    const EXACT: &[&str] = &[
        "comments",
        "comment",
        "advertisement",
        "advertising",
        "share this article",
        "share this",
        "share this story",
        "share",
        "read more",
        "continue reading",
        "related",
        "related articles",
        "related stories",
        "related content",
        "recommended",
        "sign up",
        "subscribe",
        "tweet",
        "email",
        "print",
        "facebook",
        "twitter",
        "share on facebook",
        "share on twitter",
        "follow us",
        "story continues below advertisement",
        "skip advertisement",
        "view comments",
        "show comments",
        "top stories",
        "most read",
        "trending",
        "see also",
        "back to top",
        "supported by",
        "more on this story",
        "load comments",
        "leave a comment",
        "whatsapp",
        "linkedin",
        "copy link",
    ];
    const PREFIX: &[&str] = &[
        "read more",
        "share this",
        "sign up for",
        "subscribe to",
        "follow us on",
        "click here",
        "related:",
        "more:",
        "©",
        "copyright ",
        "(c) ",
        "all rights reserved",
        "view comments",
        "story continues",
        "share on ",
        "join the conversation",
        "comments (",
        "see more",
    ];
    // The word count last: it rules out few of the short lines that get this far.
    (EXACT.contains(&l.as_str()) || PREFIX.iter().any(|p| l.starts_with(p))) && words(s) <= 10
}
