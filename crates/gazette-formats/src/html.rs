//! HTML output for reading: one self-contained page per article and an index of the collection.
//!
//! * `<id>.html` ([`render`]): the article text (duplicated copies left out, boilerplate dimmed)
//!   with entity mentions highlighted by type (`<mark class="e e-person">`, a tooltip with the
//!   canonical name and gazetteer id), quotes and numeric claims highlighted, then a table of
//!   quotes with their speakers, a table of numeric claims and a table of entities.
//! * `index.html` ([`HtmlDir::finish`]): every article with its counts, the failed articles with
//!   their messages, and the collection summary of [`crate::report`] as tables.
//!
//! Pages are self-contained: inline CSS, no script, no external resource. Highlights may nest (a
//! quote contains mentions, a claim contains a mention); tags are always properly nested: a
//! mention is never cut, a quote or claim that crosses a mention's edge is split into fragments
//! instead (only the first fragment carries its `id`).
//!
//! Pages are rendered on any thread with [`render`] and written in input order by [`HtmlDir`].

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use gazette_core::{Analysis, Change, Document, EntityKind, PartKind, Quantity, Source, Span};

use crate::brat::file_stem;
use crate::report::{Summary, ENTITY_TYPES};
use crate::wire;
use crate::Error;

/// Rows per summary table on the index page.
pub const INDEX_TOP: usize = 20;

/// Escapes text for HTML element content and (double- or single-quoted) attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    escape_into(&mut out, s);
    out
}

fn escape_into(out: &mut String, s: &str) {
    let mut last = 0;
    for (i, b) in s.bytes().enumerate() {
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        // `i` is at an ASCII byte, hence on a char boundary.
        out.push_str(&s[last..i]);
        out.push_str(rep);
        last = i + 1;
    }
    out.push_str(&s[last..]);
}

/// The counts shown for an article on the index page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Entities.
    pub entities: usize,
    /// Entity mentions.
    pub mentions: usize,
    /// Quotes.
    pub quotes: usize,
    /// Numeric claims.
    pub claims: usize,
}

/// One rendered article page, ready for [`HtmlDir::add_article`].
#[derive(Debug)]
pub struct Page {
    /// Article id.
    pub id: String,
    /// Title, if any.
    pub title: Option<String>,
    /// Counts for the index.
    pub counts: Counts,
    /// The page.
    pub html: String,
    /// The wire record, for the collection summary.
    record: serde_json::Value,
}

/// CSS class of an entity type.
fn kind_class(k: EntityKind) -> &'static str {
    match k {
        EntityKind::Person => "e-person",
        EntityKind::Org => "e-org",
        EntityKind::Loc => "e-loc",
        EntityKind::Norp => "e-norp",
    }
}

fn kind_label(k: &str) -> &'static str {
    match k {
        "PERSON" => "People",
        "ORG" => "Organizations",
        "LOC" => "Places",
        "NORP" => "Nationalities and groups",
        _ => "Other",
    }
}

const CSS: &str = r#"
:root { --ink: #1f2328; --muted: #5f6670; --rule: #d9dce1; --paper: #fff; --tint: #f6f7f9;
  --per: #d7e8ff; --per-b: #2f6fd6; --org: #ffe0c2; --org-b: #d9771f; --loc: #d3f1db;
  --loc-b: #2e9a52; --norp: #eadcff; --norp-b: #8152d9; --quote: #fff5c9; --quote-b: #c9a100;
  --num-b: #c2185b; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; background: var(--paper); color: var(--ink);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
  sans-serif; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.5rem 4rem; }
nav.top { border-bottom: 1px solid var(--rule); background: var(--tint); padding: .5rem 1.5rem;
  font-size: .9rem; }
nav.top a { color: var(--per-b); text-decoration: none; margin-right: 1rem; }
nav.top a:hover { text-decoration: underline; }
nav.top .id { color: var(--muted); font-family: ui-monospace, Menlo, Consolas, monospace; }
h1 { font: 700 1.9rem/1.2 Georgia, "Times New Roman", serif; margin: 1rem 0 .5rem; }
h2 { font-size: 1.25rem; margin: 2.5rem 0 .75rem; padding-bottom: .25rem;
  border-bottom: 2px solid var(--ink); }
h3 { font-size: 1rem; margin: 1.25rem 0 .5rem; }
a { color: var(--per-b); }
.sub { color: var(--muted); margin: 0 0 1rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem;
  margin: .5rem 0 1rem;
  font-size: .92rem; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; }
.legend { position: sticky; top: 0; z-index: 1; display: flex; flex-wrap: wrap; gap: .4rem .9rem;
  align-items: center; font-size: .85rem;
  color: var(--muted); padding: .5rem .75rem; background: var(--tint); border-radius: 6px;
  margin: 1rem 0; }
.legend b { color: var(--ink); font-weight: 600; }
.text { max-width: 44rem; font: 1.08rem/1.7 Georgia, "Times New Roman", serif; }
.text h2.headline { font: 700 1.4rem/1.25 Georgia, "Times New Roman", serif; border: 0;
  margin: 1rem 0 .5rem; }
.text p { margin: 0 0 1rem; }
.text .byline, .text .publisher { font: .95rem/1.4 system-ui, sans-serif; color: var(--muted);
  margin: 0 0 .25rem; }
.text .caption { font: .9rem/1.45 system-ui, sans-serif; color: var(--muted);
  border-left: 3px solid var(--rule);
  padding-left: .75rem; margin: 1rem 0 1.25rem; }
.text .contributors { font: italic .95rem/1.5 Georgia, serif; color: var(--muted);
  border-top: 1px solid var(--rule); padding-top: .75rem; }
.text .boilerplate { font: .8rem/1.4 system-ui, sans-serif; color: #9aa0a8; margin: 0 0 .5rem; }
.text .boilerplate::before { content: "boilerplate · "; text-transform: uppercase;
  font-size: .7rem;
  letter-spacing: .04em; }
.dateline { font-variant: small-caps; font-weight: 600; }
.credit { font-style: italic; }
mark.e { color: inherit; padding: 0 .12em; border-radius: 3px; border-bottom: 2px solid; }
.e-person { background: var(--per); border-color: var(--per-b); }
.e-org { background: var(--org); border-color: var(--org-b); }
.e-loc { background: var(--loc); border-color: var(--loc-b); }
.e-norp { background: var(--norp); border-color: var(--norp-b); }
.q { background: var(--quote); box-shadow: 0 2px 0 var(--quote-b); }
.q[data-n]::before { content: attr(data-n); font: 700 .62rem/1 system-ui, sans-serif; color: #fff;
  background: var(--quote-b); border-radius: 3px; padding: .1rem .25rem; margin-right: .2rem;
  vertical-align: .35em; }
.num { text-decoration: underline 2px dotted var(--num-b); text-underline-offset: .22em; }
.chip { display: inline-block; width: .9rem; height: .9rem; border-radius: 3px;
  vertical-align: -.12rem;
  margin-right: .3rem; border-bottom: 2px solid; }
.chip.q { border: 0; }
.chip.num { border: 0; background: none; text-decoration: none;
  border-bottom: 2px dotted var(--num-b); }
.note { color: var(--muted); font-size: .9rem; }
.warn { background: #fff1f0; border: 1px solid #f3b7b2; padding: .5rem .75rem; border-radius: 6px; }
.tablewrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { text-align: left; vertical-align: top; padding: .4rem .6rem;
  border-bottom: 1px solid var(--rule); }
th { background: var(--tint); font-weight: 600; white-space: nowrap; }
tbody tr:hover { background: #fafbfc; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.quote { font-family: Georgia, serif; min-width: 18rem; }
td.sentence { font-family: Georgia, serif; color: var(--muted); min-width: 18rem; }
td.sentence strong { color: var(--ink); }
.small { font-size: .8rem; color: var(--muted); }
.tag { display: inline-block; font-size: .72rem; padding: 0 .35rem; border-radius: 3px;
  background: var(--tint);
  border: 1px solid var(--rule); color: var(--muted); white-space: nowrap; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(24rem, 1fr)); gap: 0 2rem; }
td.speaker { min-width: 9rem; }
code, .mono { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .85em; }
tr.failed td { background: #fff6f5; }
@media print { nav.top { display: none; } main { padding: 0; } }
"#;

/// The start of a page: doctype, head with the inline style, the top navigation.
fn page_head(out: &mut String, title: &str, nav: &str) {
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"generator\" content=\"gazette\">\n<title>");
    escape_into(out, title);
    out.push_str("</title>\n<style>");
    out.push_str(CSS);
    out.push_str("</style>\n</head>\n<body>\n<nav class=\"top\">");
    out.push_str(nav);
    out.push_str("</nav>\n<main>\n");
}

fn page_end(out: &mut String) {
    out.push_str("</main>\n</body>\n</html>\n");
}

/// A highlighted span to place in the text.
struct Item {
    start: usize,
    end: usize,
    /// Nesting order at equal spans: lower is outer.
    layer: u8,
    /// May be split into fragments to keep tags nested (quotes, claims, parts); mentions may not.
    split: bool,
    /// Opening tag of the first fragment.
    open: String,
    /// Opening tag of later fragments.
    cont: String,
    close: &'static str,
}

/// Writes `text[range]` escaped, with `items` (clipped to `range`) as properly nested tags.
///
/// Items are opened outermost first (by start, then longest, then layer). An item that must close
/// while a splittable item opened after it is still open closes that item first and reopens it
/// (a fragment); an unsplittable item (a mention) that crosses another unsplittable one is left
/// out, so unsplittable items are never cut.
fn write_spans(out: &mut String, text: &str, range: Span, items: Vec<Item>) {
    let (lo, hi) = (range.start(), range.end());
    let mut items: Vec<Item> = items
        .into_iter()
        .map(|mut it| {
            it.start = it.start.clamp(lo, hi);
            it.end = it.end.clamp(lo, hi);
            it
        })
        .filter(|it| {
            it.start < it.end && text.is_char_boundary(it.start) && text.is_char_boundary(it.end)
        })
        .collect();
    items.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)).then(a.layer.cmp(&b.layer)));
    // Unsplittable items crossing an earlier one are dropped.
    let mut ends: Vec<usize> = Vec::new();
    items.retain(|it| {
        if it.split {
            return true;
        }
        while ends.last().is_some_and(|&e| e <= it.start) {
            ends.pop();
        }
        if ends.last().is_some_and(|&e| e < it.end) {
            return false;
        }
        ends.push(it.end);
        true
    });
    let mut cuts: Vec<usize> = items.iter().flat_map(|it| [it.start, it.end]).collect();
    cuts.push(hi);
    cuts.sort_unstable();
    cuts.dedup();
    let mut stack: Vec<usize> = Vec::new();
    let mut pos = lo;
    let mut next = 0;
    let mut reopen: Vec<usize> = Vec::new();
    for p in cuts {
        escape_into(out, text.get(pos..p).unwrap_or(""));
        pos = p;
        // Close what ends here, closing and reopening what was opened inside it and goes on.
        while stack.iter().any(|&i| items[i].end <= p) {
            let Some(top) = stack.pop() else { break };
            out.push_str(items[top].close);
            if items[top].end > p {
                reopen.push(top);
            }
        }
        for i in reopen.drain(..).rev() {
            out.push_str(&items[i].cont);
            stack.push(i);
        }
        // Open what starts here; splittable items that end before it go inside it.
        while next < items.len() && items[next].start == p {
            let x = next;
            next += 1;
            while let Some(&top) = stack.last() {
                if items[top].split && items[top].end < items[x].end {
                    stack.pop();
                    out.push_str(items[top].close);
                    reopen.push(top);
                } else {
                    break;
                }
            }
            out.push_str(&items[x].open);
            stack.push(x);
            for i in reopen.drain(..).rev() {
                out.push_str(&items[i].cont);
                stack.push(i);
            }
        }
    }
    while let Some(top) = stack.pop() {
        out.push_str(items[top].close);
    }
}

fn is_pronoun(s: &str) -> bool {
    matches!(
        s.to_lowercase().as_str(),
        "he" | "she"
            | "they"
            | "it"
            | "we"
            | "i"
            | "him"
            | "her"
            | "them"
            | "his"
            | "its"
            | "their"
    )
}

/// Formats a number the way a reader expects: `2,000`, `3.5`, `-0.25`.
fn fmt_num(v: f64) -> String {
    if !v.is_finite() {
        return v.to_string();
    }
    if v.fract() == 0.0 && v.abs() < 1e15 {
        let digits = format!("{}", v.abs() as u64);
        let mut s = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                s.push(',');
            }
            s.push(c);
        }
        if v < 0.0 {
            s.insert(0, '-');
        }
        s
    } else {
        format!("{v}")
    }
}

fn quantity_value(q: &Quantity) -> String {
    match (q.value, q.low, q.high) {
        (Some(v), _, _) => fmt_num(v),
        (None, Some(l), Some(h)) => format!("{}–{}", fmt_num(l), fmt_num(h)),
        (None, Some(l), None) => format!("≥ {}", fmt_num(l)),
        (None, None, Some(h)) => format!("≤ {}", fmt_num(h)),
        (None, None, None) => String::new(),
    }
}

/// Article renderer: the document, its analysis and derived lookups.
struct Art<'a> {
    doc: &'a Document,
    a: &'a Analysis,
    text: &'a str,
}

impl<'a> Art<'a> {
    fn slice(&self, s: Span) -> &'a str {
        s.get(self.text).unwrap_or("")
    }

    fn entity(&self, id: gazette_core::EntityId) -> Option<&'a gazette_core::Entity> {
        self.a.entities.get(id.0 as usize)
    }

    /// The tooltip of a mention: canonical name, type, gazetteer id.
    fn mention_title(&self, e: &gazette_core::Entity) -> String {
        let mut t = format!("{} · {}", e.canonical, e.kind.as_str());
        match &e.gazetteer_id {
            Some(g) => {
                let _ = write!(t, " · gazetteer {g}");
            }
            None => t.push_str(" · not in a gazetteer"),
        }
        t
    }

    fn source_name(&self, s: Option<&Source>) -> String {
        s.map_or_else(|| "no speaker found".to_string(), |s| s.name.clone())
    }

    /// How the speaker of a quote was found.
    fn resolution(&self, s: Option<&Source>, cue: Option<Span>) -> String {
        let Some(s) = s else { return "not attributed".to_string() };
        let mut r = match (s.entity, s.span) {
            (Some(_), Some(sp)) => {
                let t = self.slice(sp);
                if self.a.mentions.binary_search_by_key(&sp, |m| m.span).is_ok() {
                    format!("named: “{t}”")
                } else if is_pronoun(t) {
                    format!("pronoun “{t}” → {}", s.name)
                } else {
                    format!("linked from “{t}”")
                }
            }
            (Some(_), None) => "entity, not named near the quote".to_string(),
            (None, Some(sp)) => format!("description: “{}”", self.slice(sp)),
            (None, None) => "description".to_string(),
        };
        if let Some(c) = cue {
            let _ = write!(r, "; cue “{}”", self.slice(c));
        }
        r
    }

    /// Organizations mentioned inside a source's role: its affiliation.
    fn affiliation(&self, s: &Source) -> Vec<&'a str> {
        let Some(role) = s.role else { return Vec::new() };
        let mut v: Vec<&str> = Vec::new();
        for m in &self.a.mentions {
            if role.contains(m.span) && Some(m.entity) != s.entity {
                if let Some(e) = self.entity(m.entity) {
                    if e.kind == EntityKind::Org && !v.contains(&e.canonical.as_str()) {
                        v.push(&e.canonical);
                    }
                }
            }
        }
        v
    }

    fn items(&self, para: Span) -> Vec<Item> {
        let a = self.a;
        let mut items = Vec::new();
        let near = |s: Span| s.overlaps(para);
        for p in a.layout.parts.iter().filter(|p| near(p.span)) {
            let class = match p.kind {
                PartKind::Dateline => "dateline",
                PartKind::Credit => "credit",
                _ => continue,
            };
            let tag = format!("<span class=\"{class}\">");
            items.push(Item {
                start: p.span.start(),
                end: p.span.end(),
                layer: 0,
                split: true,
                open: tag.clone(),
                cont: tag,
                close: "</span>",
            });
        }
        for (i, q) in a.quotes.iter().enumerate().filter(|(_, q)| near(q.span)) {
            let mut title = format!("Quote {}: {}", i + 1, self.source_name(q.speaker.as_ref()));
            if let Some(c) = q.cue {
                let _ = write!(title, " ({})", self.slice(c));
            }
            let title = escape(&title);
            items.push(Item {
                start: q.span.start(),
                end: q.span.end(),
                layer: 1,
                split: true,
                open: format!(
                    "<span class=\"q\" id=\"q{}\" data-n=\"{}\" title=\"{title}\">",
                    i + 1,
                    i + 1
                ),
                cont: format!("<span class=\"q\" title=\"{title}\">"),
                close: "</span>",
            });
        }
        for (i, q) in a.quantities.iter().enumerate().filter(|(_, q)| near(q.span)) {
            let mut title = format!("Claim {}: {}", i + 1, quantity_value(q));
            for v in [&q.unit, &q.qualifier, &q.period].into_iter().flatten() {
                let _ = write!(title, " · {v}");
            }
            if let Some(s) = &q.source {
                let _ = write!(title, " · source: {}", s.name);
            }
            let title = escape(&title);
            items.push(Item {
                start: q.span.start(),
                end: q.span.end(),
                layer: 2,
                split: true,
                open: format!("<span class=\"num\" id=\"n{}\" title=\"{title}\">", i + 1),
                cont: format!("<span class=\"num\" title=\"{title}\">"),
                close: "</span>",
            });
        }
        for m in a.mentions.iter().filter(|m| near(m.span)) {
            let Some(e) = self.entity(m.entity) else { continue };
            let open = format!(
                "<mark class=\"e {}\" data-entity=\"{}\" title=\"{}\">",
                kind_class(e.kind),
                e.id.0,
                escape(&self.mention_title(e))
            );
            items.push(Item {
                start: m.span.start(),
                end: m.span.end(),
                layer: 3,
                split: false,
                cont: open.clone(),
                open,
                close: "</mark>",
            });
        }
        items
    }

    /// The paragraph shown as the page's headline: the title line of the text, unless the title
    /// was given separately.
    fn headline(&self) -> Option<usize> {
        if self.doc.title.is_some() {
            return None;
        }
        self.a.layout.paragraphs.iter().position(|p| p.kind == PartKind::Title)
    }

    fn header(&self, out: &mut String) {
        let l = &self.a.layout;
        match (&self.doc.title, self.headline().and_then(|i| l.paragraphs.get(i))) {
            (Some(t), _) => {
                out.push_str("<h1>");
                escape_into(out, t);
                out.push_str("</h1>\n");
            }
            (None, Some(p)) => {
                out.push_str("<h1 class=\"headline\">");
                write_spans(out, self.text, p.span, self.items(p.span));
                out.push_str("</h1>\n");
            }
            (None, None) => {
                out.push_str("<h1>");
                escape_into(out, &self.doc.id);
                out.push_str("</h1>\n");
            }
        }
        let list = |v: &[Span]| v.iter().map(|s| self.slice(*s)).collect::<Vec<_>>().join(", ");
        let mut meta: Vec<(&str, String)> = Vec::new();
        if !l.authors.is_empty() {
            meta.push(("Authors", list(&l.authors)));
        }
        if let Some(p) = l.publisher {
            meta.push(("Publisher", self.slice(p).to_string()));
        }
        if let Some(d) = l.parts.iter().find(|p| p.kind == PartKind::Dateline) {
            meta.push(("Dateline", self.slice(d.span).trim().to_string()));
        }
        if !l.contributors.is_empty() {
            meta.push(("Contributors", list(&l.contributors)));
        }
        if !l.credits.is_empty() {
            meta.push(("Photo credits", list(&l.credits)));
        }
        meta.push(("Article id", self.doc.id.clone()));
        out.push_str("<dl class=\"meta\">\n");
        for (k, v) in meta {
            let _ = writeln!(out, "<dt>{k}</dt><dd>{}</dd>", escape(&v));
        }
        out.push_str("</dl>\n");
        let a = self.a;
        let _ = writeln!(
            out,
            "<p class=\"sub\"><a href=\"#entities\">{} entities</a> ({} mentions) · \
             <a href=\"#quotes\">{} quotes</a> · <a href=\"#claims\">{} numeric claims</a> · \
             {} attributions</p>",
            a.entities.len(),
            a.mentions.len(),
            a.quotes.len(),
            a.quantities.len(),
            a.attributions.len()
        );
        for w in &self.doc.warnings {
            let _ = writeln!(out, "<p class=\"warn\">Warning: {}</p>", escape(w));
        }
        out.push_str(
            "<div class=\"legend\"><b>Highlights:</b>\
             <span><span class=\"chip e-person\"></span>Person</span>\
             <span><span class=\"chip e-org\"></span>Organization</span>\
             <span><span class=\"chip e-loc\"></span>Place</span>\
             <span><span class=\"chip e-norp\"></span>Nationality / religious / political \
             group</span>\
             <span><span class=\"chip q\"></span>Quote (numbered as in the table)</span>\
             <span><span class=\"chip num\"></span>Numeric claim</span>\
             <span>Hover a highlight for details.</span></div>\n",
        );
    }

    fn body(&self, out: &mut String) {
        out.push_str("<article class=\"text\">\n");
        let headline = self.headline();
        for (i, p) in self.a.layout.paragraphs.iter().enumerate() {
            if Some(i) == headline {
                continue;
            }
            let (tag, class) = match p.kind {
                PartKind::Title => ("h2", "headline"),
                PartKind::Byline => ("p", "byline"),
                PartKind::Publisher => ("p", "publisher"),
                PartKind::Caption => ("p", "caption"),
                PartKind::Contributors => ("p", "contributors"),
                PartKind::Boilerplate => ("p", "boilerplate"),
                PartKind::Duplicate => continue,
                PartKind::Body | PartKind::Dateline | PartKind::Credit => ("p", "body"),
            };
            let _ = write!(out, "<{tag} class=\"{class}\">");
            write_spans(out, self.text, p.span, self.items(p.span));
            let _ = writeln!(out, "</{tag}>");
        }
        out.push_str("</article>\n");
        let dups = &self.a.layout.duplicates;
        if !dups.is_empty() {
            let _ = writeln!(
                out,
                "<p class=\"note\">Left out: {} duplicated cop{} of earlier text ({} characters), \
                 a scraping artifact; nothing in {} is counted.</p>",
                dups.len(),
                if dups.len() == 1 { "y" } else { "ies" },
                dups.iter().map(|d| self.slice(d.span).chars().count()).sum::<usize>(),
                if dups.len() == 1 { "it" } else { "them" }
            );
        }
    }

    fn quotes(&self, out: &mut String) {
        out.push_str("<section id=\"quotes\">\n<h2>Quotes</h2>\n");
        if self.a.quotes.is_empty() {
            out.push_str("<p class=\"note\">No quotes found.</p>\n</section>\n");
            return;
        }
        out.push_str(
            "<div class=\"tablewrap\"><table class=\"quotes\">\n<thead><tr><th class=\"n\">#</th>\
             <th>Speaker</th><th>Role / title</th><th>Affiliation</th>\
             <th>How the speaker was found</th>\
             <th>Quote</th></tr></thead>\n<tbody>\n",
        );
        for (i, q) in self.a.quotes.iter().enumerate() {
            let s = q.speaker.as_ref();
            let speaker = match s {
                Some(s) => {
                    let mut h = escape(&s.name);
                    if let Some(e) = s.entity.and_then(|e| self.entity(e)) {
                        let _ = write!(
                            h,
                            "<br><span class=\"small\">{}{}</span>",
                            e.kind.as_str(),
                            e.gazetteer_id
                                .as_deref()
                                .map(|g| format!(" · {}", escape(g)))
                                .unwrap_or_default()
                        );
                    }
                    h
                }
                None => "<span class=\"small\">—</span>".to_string(),
            };
            let role = s.and_then(|s| s.role).map(|r| escape(self.slice(r))).unwrap_or_default();
            let aff = s.map(|s| escape(&self.affiliation(s).join(", "))).unwrap_or_default();
            let kind = match q.kind {
                gazette_core::QuoteKind::Direct => "direct",
                gazette_core::QuoteKind::Partial => "partial",
                gazette_core::QuoteKind::Other => "other",
            };
            let _ = writeln!(
                out,
                "<tr><td class=\"n\"><a href=\"#q{n}\">{n}</a></td>\
                 <td class=\"speaker\">{speaker}</td><td>{role}</td>\
                 <td>{aff}</td><td class=\"small\">{how}</td><td class=\"quote\">“{text}” \
                 <span class=\"tag\">{kind}</span></td></tr>",
                n = i + 1,
                how = escape(&self.resolution(s, q.cue)),
                text = escape(self.slice(q.span)),
            );
        }
        out.push_str("</tbody>\n</table></div>\n</section>\n");
    }

    fn claims(&self, out: &mut String) {
        out.push_str("<section id=\"claims\">\n<h2>Numeric claims</h2>\n");
        if self.a.quantities.is_empty() {
            out.push_str("<p class=\"note\">No numeric claims found.</p>\n</section>\n");
            return;
        }
        out.push_str(
            "<div class=\"tablewrap\"><table class=\"claims\">\n<thead><tr><th class=\"n\">#</th>\
             <th class=\"n\">Value</th><th>Unit</th><th>Qualifier</th><th>Period / change</th>\
             <th>Source</th><th>Sentence</th></tr></thead>\n<tbody>\n",
        );
        for (i, q) in self.a.quantities.iter().enumerate() {
            let mut pc: Vec<String> = q.period.iter().map(|p| format!("per {p}")).collect();
            match q.change {
                Some(Change::Up) => pc.push("↑ rising".into()),
                Some(Change::Down) => pc.push("↓ falling".into()),
                None => {}
            }
            let mut sentence = String::new();
            let s = q.sentence;
            if s.contains(q.span) {
                escape_into(&mut sentence, self.text.get(s.start()..q.span.start()).unwrap_or(""));
                sentence.push_str("<strong>");
                escape_into(&mut sentence, self.slice(q.span));
                sentence.push_str("</strong>");
                escape_into(&mut sentence, self.text.get(q.span.end()..s.end()).unwrap_or(""));
            } else {
                escape_into(&mut sentence, self.slice(s));
            }
            let _ = writeln!(
                out,
                "<tr><td class=\"n\"><a href=\"#n{n}\">{n}</a></td><td class=\"n\">{value}</td>\
                 <td>{unit}</td><td>{qual}</td><td>{pc}</td><td>{source}</td>\
                 <td class=\"sentence\">{sentence}</td></tr>",
                n = i + 1,
                value = escape(&quantity_value(q)),
                unit = escape(q.unit.as_deref().unwrap_or("")),
                qual = escape(q.qualifier.as_deref().unwrap_or("")),
                pc = escape(&pc.join(", ")),
                source = escape(q.source.as_ref().map_or("", |s| s.name.as_str())),
            );
        }
        out.push_str("</tbody>\n</table></div>\n</section>\n");
    }

    fn entities(&self, out: &mut String) {
        out.push_str("<section id=\"entities\">\n<h2>Entities</h2>\n");
        if self.a.entities.is_empty() {
            out.push_str("<p class=\"note\">No entities found.</p>\n</section>\n");
            return;
        }
        let mut rows: Vec<(&gazette_core::Entity, usize, Vec<&str>)> =
            self.a.entities.iter().map(|e| (e, 0, Vec::new())).collect();
        for m in &self.a.mentions {
            if let Some(r) = rows.get_mut(m.entity.0 as usize) {
                r.1 += 1;
                let t = self.slice(m.span);
                if !r.2.contains(&t) {
                    r.2.push(t);
                }
            }
        }
        rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.canonical.cmp(&b.0.canonical)));
        out.push_str(
            "<div class=\"tablewrap\"><table class=\"entities\">\n<thead><tr><th>Name</th>\
             <th>Type</th><th class=\"n\">Mentions</th><th>Written as</th><th>Gazetteer id</th>\
             </tr></thead>\n<tbody>\n",
        );
        for (e, n, forms) in rows {
            let _ = writeln!(
                out,
                "<tr id=\"e{id}\"><td><span class=\"chip {class}\"></span>{name}</td>\
                 <td>{kind}</td>\
                 <td class=\"n\">{n}</td><td>{forms}</td><td class=\"mono\">{gid}</td></tr>",
                id = e.id.0,
                class = kind_class(e.kind),
                name = escape(&e.canonical),
                kind = e.kind.as_str(),
                forms = escape(&forms.join(", ")),
                gid = escape(e.gazetteer_id.as_deref().unwrap_or("")),
            );
        }
        out.push_str("</tbody>\n</table></div>\n</section>\n");
    }
}

/// Renders the page of one analyzed article.
pub fn render(doc: &Document, a: &Analysis) -> Page {
    let art = Art { doc, a, text: &doc.text };
    let title = doc.title.clone().or_else(|| a.layout.title.map(|t| art.slice(t).to_string()));
    let mut out = String::with_capacity(doc.text.len() * 3 + CSS.len() + 4096);
    let nav = format!(
        "<a href=\"index.html\">← All articles</a><span class=\"id\">{}</span>",
        escape(&doc.id)
    );
    page_head(&mut out, title.as_deref().unwrap_or(&doc.id), &nav);
    art.header(&mut out);
    art.body(&mut out);
    art.quotes(&mut out);
    art.claims(&mut out);
    art.entities(&mut out);
    page_end(&mut out);
    let record = serde_json::to_value(wire::Record::new(doc, a)).unwrap_or_default();
    Page {
        id: doc.id.clone(),
        title,
        counts: Counts {
            entities: a.entities.len(),
            mentions: a.mentions.len(),
            quotes: a.quotes.len(),
            claims: a.quantities.len(),
        },
        html: out,
        record,
    }
}

/// A row of the index's article table.
struct Row {
    file: String,
    id: String,
    title: Option<String>,
    counts: Counts,
}

/// A directory of HTML pages being written: pages as they come, `index.html` at the end.
pub struct HtmlDir {
    dir: PathBuf,
    used: HashSet<String>,
    rows: Vec<Row>,
    errors: Vec<(String, String)>,
    summary: Summary,
}

impl HtmlDir {
    /// Creates the directory (if needed).
    pub fn create(dir: &Path) -> Result<HtmlDir, Error> {
        std::fs::create_dir_all(dir)
            .map_err(|e| Error::Io { path: dir.to_path_buf(), source: e })?;
        // `index.html` is taken; names are compared case-insensitively for case-insensitive file
        // systems.
        let used = HashSet::from(["index".to_string()]);
        Ok(HtmlDir {
            dir: dir.to_path_buf(),
            used,
            rows: Vec::new(),
            errors: Vec::new(),
            summary: Summary::default(),
        })
    }

    /// A file name for `id` not used yet: the brat file stem, with `-2`, `-3`... on a clash.
    fn file_name(&mut self, id: &str) -> String {
        let stem = file_stem(id);
        let mut name = stem.clone();
        let mut n = 1;
        while !self.used.insert(name.to_lowercase()) {
            n += 1;
            name = format!("{stem}-{n}");
        }
        format!("{name}.html")
    }

    /// Writes an article's page; returns its path.
    pub fn add_article(&mut self, page: Page) -> Result<PathBuf, Error> {
        let file = self.file_name(&page.id);
        let path = self.dir.join(&file);
        std::fs::write(&path, &page.html)
            .map_err(|e| Error::Io { path: path.clone(), source: e })?;
        self.summary.add(&page.record);
        self.rows.push(Row { file, id: page.id, title: page.title, counts: page.counts });
        Ok(path)
    }

    /// Records a failed article (listed on the index page with its message).
    pub fn add_error(&mut self, id: &str, message: &str) {
        self.summary.articles += 1;
        self.summary.errors += 1;
        self.errors.push((id.to_string(), message.to_string()));
    }

    /// Writes `index.html`; returns its path.
    pub fn finish(self) -> Result<PathBuf, Error> {
        let html = self.index();
        let path = self.dir.join("index.html");
        std::fs::write(&path, html).map_err(|e| Error::Io { path: path.clone(), source: e })?;
        Ok(path)
    }

    fn index(&self) -> String {
        let mut out = String::with_capacity(self.rows.len() * 300 + CSS.len() + 16_384);
        let nav = "<a href=\"#articles\">Articles</a><a href=\"#failed\">Failed</a>\
                   <a href=\"#quoted\">Most quoted</a><a href=\"#entities\">Most mentioned</a>\
                   <a href=\"#together\">Mentioned together</a>\
                   <a href=\"#sources\">Numbers by source</a>";
        page_head(&mut out, "gazette: articles", nav);
        let total = |f: fn(&Counts) -> usize| self.rows.iter().map(|r| f(&r.counts)).sum::<usize>();
        let _ = writeln!(
            out,
            "<h1>{} articles</h1>\n<p class=\"sub\">{} analyzed, {} failed · {} entities ({} \
             mentions) · {} quotes · {} numeric claims</p>",
            self.summary.articles,
            self.rows.len(),
            self.errors.len(),
            total(|c| c.entities),
            total(|c| c.mentions),
            total(|c| c.quotes),
            total(|c| c.claims),
        );
        out.push_str(
            "<section id=\"articles\">\n<h2>Articles</h2>\n<div class=\"tablewrap\">\
             <table class=\"articles\">\n<thead><tr><th class=\"n\">#</th><th>Title</th><th>Id</th>\
             <th class=\"n\">Entities</th><th class=\"n\">Mentions</th><th class=\"n\">Quotes</th>\
             <th class=\"n\">Claims</th></tr></thead>\n<tbody>\n",
        );
        for (i, r) in self.rows.iter().enumerate() {
            let title = r.title.as_deref().filter(|t| !t.trim().is_empty()).unwrap_or(&r.id);
            let _ = writeln!(
                out,
                "<tr class=\"article\"><td class=\"n\">{}</td><td><a href=\"{}\">{}</a></td>\
                 <td class=\"mono small\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>\
                 <td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
                i + 1,
                escape(&r.file),
                escape(title),
                escape(&r.id),
                r.counts.entities,
                r.counts.mentions,
                r.counts.quotes,
                r.counts.claims
            );
        }
        out.push_str("</tbody>\n</table></div>\n</section>\n");
        out.push_str("<section id=\"failed\">\n<h2>Failed articles</h2>\n");
        if self.errors.is_empty() {
            out.push_str("<p class=\"note\">None: every article was analyzed.</p>\n");
        } else {
            out.push_str(
                "<div class=\"tablewrap\"><table class=\"failed\">\n<thead><tr><th>Id</th>\
                 <th>Error</th></tr></thead>\n<tbody>\n",
            );
            for (id, msg) in &self.errors {
                let _ = writeln!(
                    out,
                    "<tr class=\"failed\"><td class=\"mono\">{}</td><td>{}</td></tr>",
                    escape(id),
                    escape(msg)
                );
            }
            out.push_str("</tbody>\n</table></div>\n");
        }
        out.push_str("</section>\n");
        self.summary_tables(&mut out);
        page_end(&mut out);
        out
    }

    /// The `gazette report` tables.
    fn summary_tables(&self, out: &mut String) {
        let t = self.summary.tables(INDEX_TOP);
        let table = |out: &mut String,
                     class: &str,
                     heads: &[(&str, bool)],
                     rows: Vec<Vec<String>>| {
            if rows.is_empty() {
                out.push_str("<p class=\"note\">None.</p>\n");
                return;
            }
            let _ = write!(out, "<div class=\"tablewrap\"><table class=\"{class}\">\n<thead><tr>");
            for (h, num) in heads {
                let _ = write!(out, "<th{}>{h}</th>", if *num { " class=\"n\"" } else { "" });
            }
            out.push_str("</tr></thead>\n<tbody>\n");
            for row in rows {
                out.push_str("<tr>");
                for (cell, (_, num)) in row.iter().zip(heads) {
                    let _ =
                        write!(out, "<td{}>{cell}</td>", if *num { " class=\"n\"" } else { "" });
                }
                out.push_str("</tr>\n");
            }
            out.push_str("</tbody>\n</table></div>\n");
        };
        out.push_str(
            "<section id=\"quoted\">\n<h2>Most quoted</h2>\n<p class=\"note\">Speakers with the \
             most quotes, and the entities their quotes mention most.</p>\n",
        );
        let rows = t
            .speakers
            .iter()
            .map(|(name, n, about)| vec![escape(name), n.to_string(), escape(&about.join(", "))])
            .collect();
        table(out, "speakers", &[("Speaker", false), ("Quotes", true), ("About", false)], rows);
        out.push_str(
            "</section>\n<section id=\"entities\">\n<h2>Most mentioned</h2>\n\
             <div class=\"grid\">\n",
        );
        for (kind, rows) in &t.entities {
            let class = ENTITY_TYPES
                .iter()
                .position(|k| k == kind)
                .map_or("", |i| ["e-person", "e-org", "e-loc", "e-norp"][i]);
            let _ = writeln!(
                out,
                "<div><h3><span class=\"chip {class}\"></span>{}</h3>",
                kind_label(kind)
            );
            let rows = rows
                .iter()
                .map(|(name, arts, ments)| vec![escape(name), arts.to_string(), ments.to_string()])
                .collect();
            table(
                out,
                &format!("top {}", kind.to_lowercase()),
                &[("Name", false), ("Articles", true), ("Mentions", true)],
                rows,
            );
            out.push_str("</div>\n");
        }
        out.push_str(
            "</div>\n</section>\n<section id=\"together\">\n<h2>Mentioned together</h2>\n",
        );
        let rows =
            t.pairs.iter().map(|(a, b, n)| vec![escape(a), escape(b), n.to_string()]).collect();
        table(out, "pairs", &[("Entity", false), ("Entity", false), ("Articles", true)], rows);
        out.push_str("</section>\n<section id=\"sources\">\n<h2>Numeric claims by source</h2>\n");
        let rows = t
            .sources
            .iter()
            .map(|(name, n, ex)| vec![escape(name), n.to_string(), escape(ex)])
            .collect();
        table(out, "sources", &[("Source", false), ("Claims", true), ("Example", false)], rows);
        out.push_str("</section>\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use gazette_core::{Entity, EntityId, Gender, Mention, Quote, QuoteKind, Source as Src};

    /// Checks that tags are balanced and properly nested and that every `<` starts a tag;
    /// returns the number of elements opened.
    fn balanced(html: &str) -> Result<usize, String> {
        const VOID: [&str; 6] = ["!doctype", "meta", "br", "hr", "img", "link"];
        let mut stack: Vec<String> = Vec::new();
        let mut opened = 0;
        let mut rest = html;
        while let Some(i) = rest.find('<') {
            rest = &rest[i + 1..];
            let end = rest.find('>').ok_or("unclosed tag")?;
            let tag = &rest[..end];
            rest = &rest[end + 1..];
            if tag.contains('<') {
                return Err(format!("'<' inside tag: {tag}"));
            }
            let (closing, body) = match tag.strip_prefix('/') {
                Some(b) => (true, b),
                None => (false, tag),
            };
            let name: String = body
                .chars()
                .take_while(|c| !c.is_whitespace())
                .collect::<String>()
                .to_ascii_lowercase();
            if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '!') {
                return Err(format!("not a tag: <{tag}>"));
            }
            // Attribute values are double-quoted and cannot contain a double quote.
            if tag.matches('"').count() & 1 == 1 {
                return Err(format!("odd quotes in <{tag}>"));
            }
            if VOID.contains(&name.as_str()) {
                continue;
            }
            if closing {
                match stack.pop() {
                    Some(open) if open == name => {}
                    other => return Err(format!("</{name}> closes {other:?}")),
                }
            } else {
                opened += 1;
                stack.push(name);
            }
        }
        if stack.is_empty() {
            Ok(opened)
        } else {
            Err(format!("left open: {stack:?}"))
        }
    }

    fn entity(id: u32, kind: EntityKind, name: &str) -> Entity {
        Entity {
            id: EntityId(id),
            kind,
            canonical: name.into(),
            gazetteer_id: Some(format!("g<{id}>")),
            gender: Gender::Unknown,
        }
    }

    fn span_of(text: &str, needle: &str) -> Span {
        let i = text.find(needle).unwrap();
        Span::new(i, i + needle.len())
    }

    fn item(start: usize, end: usize, split: bool, tag: &'static str) -> Item {
        Item {
            start,
            end,
            layer: if split { 1 } else { 3 },
            split,
            open: format!("<{tag}>"),
            cont: format!("<{tag} c>"),
            close: if tag == "q" { "</q>" } else { "</m>" },
        }
    }

    #[test]
    fn escape_handles_markup_ampersands_and_quotes() {
        assert_eq!(
            escape(r#"<script>alert('x') & "y"</script> Ünal"#),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt; Ünal"
        );
        assert_eq!(escape(""), "");
        assert_eq!(escape("&amp;"), "&amp;amp;");
    }

    #[test]
    fn nested_and_crossing_spans_stay_well_formed() {
        let text = "0123456789abcdef";
        let spans = |items: Vec<Item>| {
            let mut out = String::new();
            write_spans(&mut out, text, Span::new(0, text.len()), items);
            out
        };
        // A mention inside a quote.
        assert_eq!(
            spans(vec![item(2, 8, true, "q"), item(4, 6, false, "m")]),
            "01<q>23<m>45</m>67</q>89abcdef"
        );
        // A mention crossing the quote's end: the quote is split, the mention is whole.
        assert_eq!(
            spans(vec![item(2, 6, true, "q"), item(4, 8, false, "m")]),
            "01<q>23</q><m><q c>45</q>67</m>89abcdef"
        );
        // A mention crossing the quote's start.
        assert_eq!(
            spans(vec![item(4, 8, true, "q"), item(2, 6, false, "m")]),
            "01<m>23<q>45</q></m><q c>67</q>89abcdef"
        );
        // Same span: the mention is inside.
        assert_eq!(
            spans(vec![item(4, 8, false, "m"), item(4, 8, true, "q")]),
            "0123<q><m>4567</m></q>89abcdef"
        );
        // Crossing mentions: the later one is left out; empty and out-of-range spans are ignored.
        assert_eq!(
            spans(vec![item(2, 6, false, "m"), item(4, 8, false, "m"), item(9, 9, false, "m")]),
            "01<m>2345</m>6789abcdef"
        );
        // Clipped to the paragraph.
        let mut out = String::new();
        write_spans(
            &mut out,
            text,
            Span::new(3, 7),
            vec![item(0, 5, true, "q"), item(6, 40, false, "m")],
        );
        assert_eq!(out, "<q>34</q>5<m>6</m>");
        for out in [
            spans(vec![
                item(0, 10, true, "q"),
                item(2, 12, false, "m"),
                item(5, 14, true, "q"),
                item(12, 13, false, "m"),
            ]),
            spans(vec![
                item(1, 3, false, "m"),
                item(0, 16, true, "q"),
                item(2, 9, true, "q"),
                item(8, 10, false, "m"),
            ]),
        ] {
            balanced(&out).unwrap();
            assert_eq!(out.matches("<m>").count(), 2, "{out}");
        }
    }

    fn sample() -> (Document, Analysis) {
        let text =
            "Acme <b>& Sons</b> report\n\n\"Tom O'Hara <script>alert(1)</script> made 2,000 \
                    widgets for Acme,\" said Tom O'Hara, chief of Acme.\n";
        let doc = Document::new("x/<1>", text);
        let mut a = Analysis {
            layout: gazette_tokenize::Tokenizer::new().segment(&doc),
            ..Analysis::default()
        };
        a.entities.push(entity(0, EntityKind::Org, "Acme & Sons"));
        a.entities.push(entity(1, EntityKind::Person, "Tom \"T\" O'Hara"));
        let at = |from: usize, needle: &str| {
            let i = from + text[from..].find(needle).unwrap();
            Span::new(i, i + needle.len())
        };
        let quote =
            span_of(text, "Tom O'Hara <script>alert(1)</script> made 2,000 widgets for Acme,");
        let name1 = span_of(text, "Tom O'Hara");
        let acme2 = at(quote.start(), "Acme");
        let name2 = at(quote.end(), "Tom O'Hara");
        let acme3 = at(name2.end(), "Acme");
        let role = Span::new(at(name2.end(), "chief").start(), acme3.end());
        a.mentions = [(Span::new(0, 4), 0), (name1, 1), (acme2, 0), (name2, 1), (acme3, 0)]
            .into_iter()
            .map(|(span, e)| Mention { span, entity: EntityId(e) })
            .collect();
        a.quotes.push(Quote {
            span: quote,
            kind: QuoteKind::Direct,
            speaker: Some(Src {
                entity: Some(EntityId(1)),
                name: "Tom \"T\" O'Hara".into(),
                span: Some(name2),
                role: Some(role),
            }),
            cue: Some(span_of(text, "said")),
        });
        a.quantities.push(Quantity {
            span: span_of(text, "2,000 widgets for Acme"),
            value: Some(2000.0),
            low: None,
            high: None,
            unit: Some("widgets <&>".into()),
            qualifier: None,
            period: None,
            change: None,
            sentence: Span::new(quote.start(), text.len() - 1),
            source: None,
        });
        (doc, a)
    }

    #[test]
    fn article_page_escapes_and_nests() {
        let (doc, a) = sample();
        let page = render(&doc, &a);
        let html = &page.html;
        balanced(html).unwrap_or_else(|e| panic!("{e}\n{html}"));
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<b>&"));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("&lt;b&gt;&amp; Sons&lt;/b&gt;"));
        // Every mention is one mark, in the text only.
        assert_eq!(html.matches("<mark ").count(), a.mentions.len());
        assert_eq!(html.matches("class=\"e e-org\"").count(), 3);
        assert!(
            html.contains("title=\"Tom &quot;T&quot; O&#39;Hara · PERSON · gazetteer g&lt;1&gt;\"")
        );
        // The quote and the claim have one anchor each, and the tables link to them.
        assert_eq!(html.matches("id=\"q1\"").count(), 1);
        assert_eq!(html.matches("id=\"n1\"").count(), 1);
        assert!(html.contains("<a href=\"#q1\">1</a>"));
        assert!(html.contains("<td>widgets &lt;&amp;&gt;</td>"));
        assert!(html.contains("<td>Acme &amp; Sons</td>"), "affiliation from the role");
        assert!(html.contains("named: “Tom O&#39;Hara”; cue “said”"));
        assert_eq!(page.counts, Counts { entities: 2, mentions: 5, quotes: 1, claims: 1 });
        assert!(html.contains("<title>x/&lt;1&gt;</title>") || html.contains("<title>Acme"));
        assert!(
            !html.contains("http://") && !html.contains("https://") && !html.contains("<script")
        );
    }

    #[test]
    fn directory_index_file_names_and_errors() {
        let dir = std::env::temp_dir().join(format!("gazette-html-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let mut out = HtmlDir::create(&dir).unwrap();
        let (doc, a) = sample();
        let mut names = Vec::new();
        for id in ["x/<1>", "x_<1>", "index", "INDEX"] {
            let mut d = doc.clone();
            d.id = id.into();
            let p = out.add_article(render(&d, &a)).unwrap();
            names.push(p.file_name().unwrap().to_string_lossy().into_owned());
        }
        assert_eq!(names, ["x__1_.html", "x__1_-2.html", "index-2.html", "INDEX-3.html"]);
        out.add_error("bad<1>", "in.jsonl:2: invalid JSON & \"worse\"");
        let index = out.finish().unwrap();
        let html = std::fs::read_to_string(&index).unwrap();
        balanced(&html).unwrap_or_else(|e| panic!("{e}\n{html}"));
        assert_eq!(html.matches("<tr class=\"article\">").count(), 4);
        assert!(html.contains("<a href=\"x__1_-2.html\">"));
        assert!(html.contains(
            "<tr class=\"failed\"><td class=\"mono\">bad&lt;1&gt;</td>\
             <td>in.jsonl:2: invalid JSON &amp; &quot;worse&quot;</td></tr>"
        ));
        assert!(html.contains("<h1>5 articles</h1>"));
        // The report summary: the speaker is quoted once per article.
        assert!(
            html.contains("<td>Tom &quot;T&quot; O&#39;Hara</td><td class=\"n\">4</td>"),
            "{html}"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn numbers_read_well() {
        assert_eq!(fmt_num(2000.0), "2,000");
        assert_eq!(fmt_num(-1234567.0), "-1,234,567");
        assert_eq!(fmt_num(3.5), "3.5");
        assert_eq!(fmt_num(0.0), "0");
    }
}
