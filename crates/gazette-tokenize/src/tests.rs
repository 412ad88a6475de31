use gazette_core::{markup, Document, PartKind, TokenKind};

use crate::{tokenize, Tokenizer};

fn code(kind: TokenKind) -> &'static str {
    match kind {
        TokenKind::Word => "",
        TokenKind::Number => "num",
        TokenKind::Fraction => "frac",
        TokenKind::Punct => "p",
        TokenKind::QuoteOpen => "qo",
        TokenKind::QuoteClose => "qc",
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

/// `expected`: tokens separated by spaces, each `text` (a word) or `text/kind`.
#[track_caller]
fn check_tokens(input: &str, expected: &str) {
    let got: Vec<String> = tokenize(input)
        .iter()
        .map(|t| {
            let c = code(t.kind);
            if c.is_empty() {
                input[t.span].to_string()
            } else {
                format!("{}/{}", &input[t.span], c)
            }
        })
        .collect();
    assert_eq!(got.join(" "), expected, "input: {input}");
}

/// `expected`: the paragraph text with each sentence wrapped in `<s>…</s>`.
#[track_caller]
fn check_sentences(expected: &str) {
    let m = markup::parse(expected).unwrap();
    let doc = Document { title: Some(String::new()), ..Document::new("t", m.text.clone()) };
    let layout = Tokenizer::new().segment(&doc);
    let got: Vec<&str> = layout.sentences.iter().map(|s| &m.text[s.span]).collect();
    let want: Vec<&str> = m.spans.iter().map(|s| &m.text[s.span]).collect();
    assert_eq!(got, want);
}

#[test]
fn numbers_stay_whole() {
    check_tokens(
        "From 2,000 to 3.5 and 1 1/2 years",
        "From 2,000/num to 3.5/num and 1/num 1/2/frac years",
    );
    check_tokens("at 10:30, 1,000,000 people", "at 10:30/num ,/p 1,000,000/num people");
    check_tokens("a 10-15 range", "a 10/num -/p 15/num range");
    check_tokens("50-yard intervals", "50-yard/comp intervals");
    check_tokens("the 1980s and 50th", "the 1980s and 50th");
    check_tokens("$4.2 billion, 40%", "$/sym 4.2/num billion ,/p 40/num %/sym");
}

#[test]
fn abbreviations_and_initials_stay_whole() {
    check_tokens("Brig. Gen. Yahya Rasoul", "Brig./abbr Gen./abbr Yahya Rasoul");
    check_tokens("FBI Director James B. Comey", "FBI Director James B./abbr Comey");
    check_tokens("Wil M. van Gemert", "Wil M./abbr van Gemert");
    check_tokens("U.S. officials", "U.S./abbr officials");
    check_tokens("a U.S.-led assault", "a U.S.-led/comp assault");
    check_tokens("Jan. 5 at Acme Inc.", "Jan./abbr 5/num at Acme Inc./abbr");
    check_tokens("No. 10 but said no.", "No./abbr 10/num but said no ./p");
    check_tokens("e.g. at 5 p.m.", "e.g./abbr at 5/num p.m./abbr");
}

#[test]
fn possessives_and_contractions_split() {
    check_tokens("King's College", "King 's/poss College");
    check_tokens("It's They'll What's", "It 's/contr They 'll/contr What 's/contr");
    check_tokens("don't can't", "do n't/contr ca n't/contr");
    check_tokens("O'Brien's", "O'Brien 's/poss");
    check_tokens("the countries' borders", "the countries '/poss borders");
    check_tokens("Reuters’ report", "Reuters ’/poss report");
}

#[test]
fn unicode_words_and_dashes() {
    check_tokens("François Heisbourg and Holger Münch", "François Heisbourg and Holger Münch");
    check_tokens("Nguyễn Văn An met Ольга", "Nguyễn Văn An met Ольга");
    check_tokens("State - once — now – then", "State -/p once —/p now –/p then");
    check_tokens("10\u{a0}percent", "10/num percent");
    check_tokens("al-Qaeda's Turkey-Syria", "al-Qaeda/comp 's/poss Turkey-Syria/comp");
    // Decomposed é (e + U+0301) stays one word.
    check_tokens("Cafe\u{301} noir", "Cafe\u{301} noir");
}

#[test]
fn quote_marks_get_direction() {
    check_tokens(r#""It's," he said"#, r#""/qo It 's/contr ,/p "/qc he said"#);
    check_tokens("“Yes,” she said", "“/qo Yes ,/p ”/qc she said");
    check_tokens(
        r#""They'll ask, 'What's next?' ""#,
        r#""/qo They 'll/contr ask ,/p '/qo What 's/contr next ?/p '/qc "/qc"#,
    );
    check_tokens(
        r#""Call them 'awake cells,' " said"#,
        r#""/qo Call them '/qo awake cells ,/p '/qc "/qc said"#,
    );
    check_tokens("‘sleeper cells’ exist", "‘/qo sleeper cells ’/qc exist");
}

#[test]
fn urls_emails_symbols() {
    check_tokens("see https://example.com/a?b=1.", "see https://example.com/a?b=1/url ./p");
    check_tokens("mail press@un.org now", "mail press@un.org/email now");
    check_tokens("at www.reuters.com, AT&T", "at www.reuters.com/url ,/p AT&T");
    check_tokens("© 2016 🙂", "©/sym 2016/num 🙂/sym");
}

/// The `tokenize` fuzz target found that a long run without spaces holding many `@` (this
/// input repeated) was rescanned to its end from every `@`: 100 KB took seconds. The run is
/// now looked at once; the tokens stay what they were (timing: `tests/it/pathological.rs`).
#[test]
fn runs_of_at_signs_and_url_like_text() {
    check_tokens("Ui@ae@aedra.a@", "Ui @/sym ae @/sym aedra ./p a @/sym");
    check_tokens("a@b@example.com", "a @/sym b@example.com/email");
    check_tokens("a@b.com,c@d.com", "a @/sym b ./p com ,/p c@d.com/email");
    check_tokens("Visit WWW.example.com!", "Visit WWW.example.com/url !/p");
    check_tokens(
        "to me@x.org, or (http://x.com/a_(b)).",
        "to me@x.org/email ,/p or (/p http://x.com/a_(b))/url ./p",
    );
    // Repeated, the copies tokenize alike: 8 tokens each.
    assert_eq!(tokenize(&"Ui@ae@aedra.a@".repeat(20_000)).len(), 8 * 20_000);
}

#[test]
fn sentence_boundaries() {
    check_sentences("<s>Officials in the U.S. said it fell.</s> <s>It rose in 2014.</s>");
    check_sentences("<s>He lives in the U.S.</s> <s>The rest left.</s>");
    check_sentences("<s>FBI Director James B. Comey said so in May.</s> <s>He cited it.</s>");
    check_sentences(
        r#"<s>"It's a massive falloff," said Peter Neumann, director of the center at King's College London.</s> <s>"And it's basically because it is failing."</s>"#,
    );
    check_sentences(r#"<s>"They'll be asking themselves, 'What's next?' "</s>"#);
    check_sentences(r#"<s>"Where now?" he asked.</s> <s>Nobody knew.</s>"#);
    check_sentences(r#"<s>"Where now?"</s> <s>Nobody knew...</s> <s>Then it rained.</s>"#);
    check_sentences("<s>It was... odd.</s>");
    check_sentences("<s>Brig. Gen. Yahya Rasoul, a spokesman, spoke.</s>");
    check_sentences("<s>Acme Inc. Chairman Bob Roe quit.</s>");
    check_sentences("<s>It fell 3.5 percent.</s> <s>Shares rose!</s> <s>Why?</s>");
}

#[test]
fn paragraph_end_ends_sentence_and_headline() {
    let text = "Flow Of Fighters Plummets\nBy Jane Roe\nIt fell. It rose\nThe end";
    let layout = Tokenizer::new().segment(&Document::new("x", text));
    let s: Vec<&str> = layout.sentences.iter().map(|s| &text[s.span]).collect();
    assert_eq!(s, ["Flow Of Fighters Plummets", "By Jane Roe", "It fell.", "It rose", "The end"]);
}

const ARTICLE: &str = "Flow Of Foreign Fighters Plummets\n\
By Griff Witte, Sudarsan Raghavan and James McAuley\n\
The Washington Post\n\
Militants were buried in Ben Guerdane, Tunisia. (Lorenzo Tugnoli for The Washington Post)\n\
The flow of foreign fighters to the ranks of the Islamic State has been cut to a trickle this year.\n\
\"It's a massive falloff,\" said Peter Neumann, director of the center.\n\
Advertisement\n\
Raghavan reported from Cairo. Liz Sly in Beirut, Karla Adam in London, Michael Birnbaum and Annabell Van den Berghe in Brussels, and Matt Zapotosky in Washington contributed to this report.\n\
The flow of foreign fighters to the ranks of the Islamic State has been cut to a trickle this year.\n\
\"It's a massive falloff,\" said Peter Neumann, director of the center.\n\
Comments\n";

#[test]
fn article_layout() {
    let text = ARTICLE;
    let layout = Tokenizer::new().segment(&Document::new("a", text));
    let t = |s: gazette_core::Span| &text[s];
    assert_eq!(t(layout.title.unwrap()), "Flow Of Foreign Fighters Plummets");
    let authors: Vec<&str> = layout.authors.iter().map(|s| t(*s)).collect();
    assert_eq!(authors, ["Griff Witte", "Sudarsan Raghavan", "James McAuley"]);
    assert_eq!(t(layout.publisher.unwrap()), "The Washington Post");
    let credits: Vec<&str> = layout.credits.iter().map(|s| t(*s)).collect();
    assert_eq!(credits, ["Lorenzo Tugnoli"]);
    let contributors: Vec<&str> = layout.contributors.iter().map(|s| t(*s)).collect();
    assert_eq!(
        contributors,
        ["Liz Sly", "Karla Adam", "Michael Birnbaum", "Annabell Van den Berghe", "Matt Zapotosky"]
    );
    let kinds: Vec<PartKind> = layout.paragraphs.iter().map(|p| p.kind).collect();
    use PartKind::*;
    assert_eq!(
        kinds,
        [Title, Byline, Publisher, Caption, Body, Body, Boilerplate, Contributors, Boilerplate]
    );
    assert_eq!(layout.duplicates.len(), 1);
    let d = layout.duplicates[0];
    assert!(t(d.span).starts_with("The flow of") && t(d.span).ends_with("the center."));
    assert_eq!(t(d.span), t(d.original));
    assert!(d.original.end() < d.span.start());
    // Nothing is tokenized inside the duplicate.
    assert!(layout.tokens.iter().all(|tok| !d.span.overlaps(tok.span)));
}

#[test]
fn datelines() {
    for (para, dateline) in [
        ("BEIRUT (Reuters) - Syrian forces advanced.", "BEIRUT (Reuters) - "),
        ("SALVADOR, Feb 26 - Showers continued.", "SALVADOR, Feb 26 - "),
        ("NAIROBI, March 3 (AP) — Police said.", "NAIROBI, March 3 (AP) — "),
        ("WASHINGTON — The Senate voted.", "WASHINGTON — "),
    ] {
        let doc = Document { title: Some("T".into()), ..Document::new("d", para) };
        let layout = Tokenizer::new().segment(&doc);
        let d = layout.parts.iter().find(|p| p.kind == PartKind::Dateline).expect(para);
        assert_eq!(&para[d.span], dateline);
        // The first sentence starts after the dateline.
        assert_eq!(layout.sentences[0].span.start(), dateline.len());
    }
    let doc = Document {
        title: Some("T".into()),
        ..Document::new("d", "Officials - and others - said.")
    };
    let layout = Tokenizer::new().segment(&doc);
    assert!(layout.parts.iter().all(|p| p.kind != PartKind::Dateline));
}

#[test]
fn hard_wrapped_wire_copy_joins_lines() {
    let text = "SALVADOR, Feb 26 - Showers continued throughout the week in\n\
the Bahia cocoa zone, alleviating the drought since early\n\
January, Comissaria Smith said in its weekly review.\n    \
The dry period means the temporao will be late this year.\n    \
Arrivals for the week ended February 22 were 155,221 bags.\n";
    let doc = Document { title: Some("BAHIA COCOA REVIEW".into()), ..Document::new("r", text) };
    let layout = Tokenizer::new().segment(&doc);
    assert_eq!(layout.paragraphs.len(), 3);
    assert_eq!(layout.sentences.len(), 3);
}

#[test]
fn crlf_and_boilerplate() {
    let text = "Title here\r\nBody one is here.\r\nShare this article\r\nRead more\r\n";
    let layout = Tokenizer::new().segment(&Document::new("c", text));
    let kinds: Vec<PartKind> = layout.paragraphs.iter().map(|p| p.kind).collect();
    assert_eq!(
        kinds,
        [PartKind::Title, PartKind::Body, PartKind::Boilerplate, PartKind::Boilerplate]
    );
    assert_eq!(&text[layout.paragraphs[1].span], "Body one is here.");
}

#[test]
fn degenerate_inputs_do_not_panic() {
    for text in [
        "",
        "\n\n\n",
        "\"",
        "'",
        "...",
        "\u{0}\u{1}",
        "a\u{301}",
        "“‘«",
        "1/",
        "1,",
        "U.S",
        "By ",
        "()",
    ] {
        let layout = Tokenizer::new().segment(&Document::new("x", text));
        for t in &layout.tokens {
            assert!(t.span.get(text).is_some());
        }
    }
}

#[test]
fn tokenize_into_stops_at_its_end() {
    // A period before a digit just past `end` once looped for ever: ".5" read the digit from
    // outside the range.
    let text = "said .5 and x.5";
    for end in 0..=text.len() {
        let mut out = Vec::new();
        crate::tokenize_into(text, 0, end, &mut out);
        assert!(out.iter().all(|t| t.span.end() <= end && !t.span.is_empty()), "{end}");
    }
}
