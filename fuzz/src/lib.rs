//! Shared helpers of the fuzz targets: turning fuzz bytes into a [`Document`], and the span
//! invariants of ARCHITECTURE.md checked on a [`Layout`] and an [`Analysis`].
//!
//! Every check panics with a message naming the broken invariant, which libFuzzer reports as a
//! crash (the input is saved under `fuzz/artifacts/<target>/`).

use gazette_core::{Analysis, Document, Layout, Source, Span};

/// The ASCII record separator: in a fuzz input, the text before the first one is the document's
/// separate title (as a JSONL `title` field gives it), the rest its text. Inputs without one are
/// plain-text articles, so the seed corpus stays readable.
pub const TITLE_SEPARATOR: char = '\u{1E}';

/// The document a fuzz input stands for: bytes decoded lossily, as the readers do.
pub fn document(data: &[u8]) -> Document {
    let text = String::from_utf8_lossy(data);
    match text.split_once(TITLE_SEPARATOR) {
        Some((title, body)) => {
            Document { title: Some(title.to_owned()), ..Document::new("fuzz", body) }
        }
        None => Document::new("fuzz", text.into_owned()),
    }
}

/// `s` is a byte range of `text` on char boundaries.
#[track_caller]
pub fn check_span(text: &str, s: Span, what: &str) {
    assert!(
        s.get(text).is_some(),
        "{what} {s:?} is out of bounds or not on a char boundary (text: {} bytes)",
        text.len()
    );
}

/// Spans are sorted by start (and by end for equal starts).
#[track_caller]
fn check_sorted(spans: impl IntoIterator<Item = Span>, what: &str) {
    let spans: Vec<Span> = spans.into_iter().collect();
    for w in spans.windows(2) {
        assert!(
            (w[0].start(), w[0].end()) <= (w[1].start(), w[1].end()),
            "{what} not sorted: {:?} before {:?}",
            w[0],
            w[1]
        );
    }
}

/// Spans are sorted and do not overlap.
#[track_caller]
fn check_disjoint(spans: impl IntoIterator<Item = Span>, what: &str) {
    let spans: Vec<Span> = spans.into_iter().collect();
    for w in spans.windows(2) {
        assert!(
            w[0].end() <= w[1].start(),
            "{what} overlap or are unsorted: {:?} {:?}",
            w[0],
            w[1]
        );
    }
}

/// `s` is not inside a duplicated copy (nothing there is tokenized or annotated).
#[track_caller]
fn check_outside_duplicates(l: &Layout, s: Span, what: &str) {
    for d in &l.duplicates {
        assert!(!d.span.overlaps(s), "{what} {s:?} overlaps the duplicated copy {:?}", d.span);
    }
}

/// The layout invariants: every span in bounds and on char boundaries; tokens non-empty, sorted,
/// disjoint; paragraphs and sentences sorted and disjoint, their index ranges valid and
/// consistent with their spans; nothing inside a duplicated copy.
pub fn check_layout(text: &str, l: &Layout) {
    for t in &l.tokens {
        check_span(text, t.span, "token");
        assert!(!t.span.is_empty(), "empty token at {:?}", t.span);
    }
    check_disjoint(l.tokens.iter().map(|t| t.span), "tokens");

    check_disjoint(l.paragraphs.iter().map(|p| p.span), "paragraphs");
    let mut next_token = 0;
    let mut next_sentence = 0;
    for p in &l.paragraphs {
        check_span(text, p.span, "paragraph");
        check_outside_duplicates(l, p.span, "paragraph");
        assert!(
            next_token <= p.tokens.start
                && p.tokens.start <= p.tokens.end
                && p.tokens.end <= l.tokens.len(),
            "paragraph {:?}: bad token range {:?}",
            p.span,
            p.tokens
        );
        assert!(
            next_sentence <= p.sentences.start
                && p.sentences.start <= p.sentences.end
                && p.sentences.end <= l.sentences.len(),
            "paragraph {:?}: bad sentence range {:?}",
            p.span,
            p.sentences
        );
        next_token = p.tokens.end;
        next_sentence = p.sentences.end;
        for t in &l.tokens[p.tokens.clone()] {
            assert!(
                p.span.contains(t.span),
                "token {:?} outside its paragraph {:?}",
                t.span,
                p.span
            );
        }
    }

    check_disjoint(l.sentences.iter().map(|s| s.span), "sentences");
    for (i, s) in l.sentences.iter().enumerate() {
        check_span(text, s.span, "sentence");
        assert!(
            s.tokens.start < s.tokens.end && s.tokens.end <= l.tokens.len(),
            "sentence {:?}: bad token range {:?}",
            s.span,
            s.tokens
        );
        let first = l.tokens[s.tokens.start].span;
        let last = l.tokens[s.tokens.end - 1].span;
        assert_eq!(
            (s.span.start(), s.span.end()),
            (first.start(), last.end()),
            "sentence span is not first token start .. last token end"
        );
        let p = l
            .paragraphs
            .get(s.paragraph)
            .unwrap_or_else(|| panic!("sentence {:?}: no paragraph {}", s.span, s.paragraph));
        assert!(p.sentences.contains(&i), "sentence {i} not in its paragraph's range");
        assert!(p.span.contains(s.span), "sentence {:?} outside paragraph {:?}", s.span, p.span);
    }

    for part in &l.parts {
        check_span(text, part.span, "part");
        check_outside_duplicates(l, part.span, "part");
    }
    check_sorted(l.parts.iter().map(|p| p.span), "parts");
    for (what, v) in
        [("author", &l.authors), ("contributor", &l.contributors), ("credit", &l.credits)]
    {
        for s in v {
            check_span(text, *s, what);
        }
    }
    for s in l.title.iter().chain(&l.publisher) {
        check_span(text, *s, "title/publisher");
    }
    for d in &l.duplicates {
        check_span(text, d.span, "duplicate");
        check_span(text, d.original, "duplicate original");
        assert!(
            d.original.end() <= d.span.start(),
            "duplicate {:?} does not follow its original {:?}",
            d.span,
            d.original
        );
    }
    check_disjoint(l.duplicates.iter().map(|d| d.span), "duplicates");
}

fn check_source(text: &str, a: &Analysis, s: &Source, what: &str) {
    if let Some(e) = s.entity {
        assert!((e.0 as usize) < a.entities.len(), "{what} source: no entity {}", e.0);
    }
    for x in s.span.iter().chain(&s.role) {
        check_span(text, *x, what);
    }
}

/// The layout invariants plus those of entities, quotes, attributions and quantities.
pub fn check_analysis(text: &str, a: &Analysis) {
    let l = &a.layout;
    check_layout(text, l);
    for (i, e) in a.entities.iter().enumerate() {
        assert_eq!(e.id.0 as usize, i, "entity ids are their indices");
    }
    for m in &a.mentions {
        check_span(text, m.span, "mention");
        check_outside_duplicates(l, m.span, "mention");
        assert!((m.entity.0 as usize) < a.entities.len(), "mention of a missing entity");
    }
    check_sorted(a.mentions.iter().map(|m| m.span), "mentions");
    for q in &a.quotes {
        check_span(text, q.span, "quote");
        check_outside_duplicates(l, q.span, "quote");
        if let Some(c) = q.cue {
            check_span(text, c, "quote cue");
        }
        if let Some(s) = &q.speaker {
            check_source(text, a, s, "quote speaker");
        }
    }
    check_sorted(a.quotes.iter().map(|q| q.span), "quotes");
    for at in &a.attributions {
        check_span(text, at.content, "attribution content");
        check_span(text, at.cue, "attribution cue");
        check_outside_duplicates(l, at.content, "attribution");
        check_source(text, a, &at.source, "attribution");
    }
    check_sorted(a.attributions.iter().map(|at| at.content), "attributions");
    for q in &a.quantities {
        check_span(text, q.span, "quantity");
        check_span(text, q.sentence, "quantity sentence");
        check_outside_duplicates(l, q.span, "quantity");
        if let Some(s) = &q.source {
            check_source(text, a, s, "quantity");
        }
    }
    check_sorted(a.quantities.iter().map(|q| q.span), "quantities");
}
