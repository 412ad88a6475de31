//! Property tests over arbitrary and news-like text.

use gazette::core::{Analysis, Document, Span};
use gazette::Pipeline;
use proptest::prelude::*;

fn all_spans(a: &Analysis) -> Vec<Span> {
    let l = &a.layout;
    let mut v: Vec<Span> = l.tokens.iter().map(|t| t.span).collect();
    v.extend(l.sentences.iter().map(|s| s.span));
    v.extend(l.paragraphs.iter().map(|p| p.span));
    v.extend(l.parts.iter().map(|p| p.span));
    v.extend(l.authors.iter().chain(&l.contributors).chain(&l.credits).copied());
    v.extend(l.title.iter().chain(&l.publisher).copied());
    v.extend(l.duplicates.iter().flat_map(|d| [d.span, d.original]));
    v.extend(a.mentions.iter().map(|m| m.span));
    v.extend(a.quotes.iter().map(|q| q.span));
    v.extend(a.quantities.iter().map(|q| q.span));
    v
}

/// Text that looks like news: words, names, numbers, quotes, abbreviations, line breaks.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("said".to_string()),
        Just("Peter Neumann".to_string()),
        Just("U.S.".to_string()),
        Just("Brig. Gen.".to_string()),
        Just("\"".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("'".to_string()),
        Just("’s".to_string()),
        Just("2,000".to_string()),
        Just("1 1/2".to_string()),
        Just(". ".to_string()),
        Just("? ".to_string()),
        Just("...".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just(" - ".to_string()),
        Just("—".to_string()),
        Just("Münch".to_string()),
        Just("By Jane Roe and John Doe\n".to_string()),
        Just("Comments\n".to_string()),
        Just("(Jane Roe for The Post)\n".to_string()),
        Just("BEIRUT (Reuters) - ".to_string()),
        // Cues of the context rules, to meet text edges at random.
        Just("Miss".to_string()),
        Just("Justice".to_string()),
        Just("Chief Justice".to_string()),
        Just("a firm called".to_string()),
        Just("named".to_string()),
        Just("spokesman for".to_string()),
        Just("shares of".to_string()),
        Just("CEO".to_string()),
        Just("&".to_string()),
        Just("Northern".to_string()),
        Just("the Northeast".to_string()),
        Just("Las Vegas".to_string()),
        Just("Quillon Labs Corp.".to_string()),
        Just("H.W.".to_string()),
        Just(", 43,".to_string()),
        Just(", an Israeli".to_string()),
        Just("in English".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        Just("رامي خوري".to_string()),
        Just("周浩明".to_string()),
        Just(":".to_string()),
        Just("ST. LOUIS — ".to_string()),
        Just("Trump".to_string()),
        "[a-zA-Z]{1,8}",
        "\\PC{0,4}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.join(" "))
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![newsy(), "\\PC{0,200}", any::<String>()]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn spans_are_in_bounds_and_on_char_boundaries(text in any_text()) {
        let doc = Document::new("p", text.clone());
        let a = Pipeline::new().analyze(&doc);
        for s in all_spans(&a) {
            prop_assert!(s.get(&text).is_some(), "{s:?} out of bounds or not on a char boundary");
        }
    }

    #[test]
    fn tokens_and_sentences_are_sorted_and_disjoint(text in any_text()) {
        let a = Pipeline::new().analyze(&Document::new("p", text));
        for w in a.layout.tokens.windows(2) {
            prop_assert!(w[0].span.end() <= w[1].span.start());
            prop_assert!(!w[0].span.is_empty());
        }
        for w in a.layout.sentences.windows(2) {
            prop_assert!(w[0].span.end() <= w[1].span.start());
        }
        for w in a.layout.paragraphs.windows(2) {
            prop_assert!(w[0].span.end() <= w[1].span.start());
        }
    }

    /// Putting text in front of an article's body (after its title line) shifts every span of
    /// the body by the length of what was added.
    #[test]
    fn prefixing_shifts_every_span(body in newsy(), prefix in "[A-Za-z ]{0,30}\n\n") {
        let title = "A Title\n\n";
        let doc1 = Document { title: Some("T".into()), ..Document::new("p", format!("{title}{body}")) };
        let doc2 = Document { title: Some("T".into()), ..Document::new("p", format!("{title}{prefix}{body}")) };
        let a1 = Pipeline::new().analyze(&doc1);
        let a2 = Pipeline::new().analyze(&doc2);
        let body_start = title.len();
        let shift = prefix.len();
        let toks1: Vec<Span> = a1.layout.tokens.iter().map(|t| t.span).filter(|s| s.start() >= body_start).collect();
        let toks2: Vec<Span> = a2.layout.tokens.iter().map(|t| t.span).filter(|s| s.start() >= body_start + shift).collect();
        prop_assert_eq!(toks1.iter().map(|s| s.shift(shift)).collect::<Vec<_>>(), toks2);
    }

    #[test]
    fn parallel_equals_sequential(texts in prop::collection::vec(newsy(), 0..12)) {
        let docs: Vec<Document> = texts.into_iter().enumerate().map(|(i, t)| Document::new(i.to_string(), t)).collect();
        let seq = Pipeline::new().threads(1).unwrap();
        let par = Pipeline::new().threads(3).unwrap();
        let a: Vec<Analysis> = docs.iter().map(|d| seq.analyze(d)).collect();
        prop_assert_eq!(a, par.analyze_all(&docs));
    }
}
