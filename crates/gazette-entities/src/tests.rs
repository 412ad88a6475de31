use std::sync::OnceLock;

use gazette_core::{markup, Document};
use gazette_tokenize::Tokenizer;

use crate::{Gazetteer, Recognizer, RecognizerBuilder};

fn recognizer() -> &'static Recognizer {
    static R: OnceLock<Recognizer> = OnceLock::new();
    R.get_or_init(|| Recognizer::new().unwrap())
}

/// `expected`: a body paragraph with mentions tagged `<PER>`, `<ORG>`, `<LOC>`, `<NORP>`, and
/// optionally `canon="..."` for the entity's canonical name.
#[track_caller]
fn check_with(r: &Recognizer, expected: &str) {
    let m = markup::parse(expected).unwrap();
    let doc = Document { title: Some("T".into()), ..Document::new("t", m.text.clone()) };
    let layout = Tokenizer::new().segment(&doc);
    let found = r.recognize(&doc.text, &layout);
    let tag = |k: gazette_core::EntityKind| match k {
        gazette_core::EntityKind::Person => "PER",
        gazette_core::EntityKind::Org => "ORG",
        gazette_core::EntityKind::Loc => "LOC",
        gazette_core::EntityKind::Norp => "NORP",
    };
    let got: Vec<String> = found
        .mentions
        .iter()
        .map(|mm| {
            let e = &found.entities[mm.entity.0 as usize];
            format!("{} {} [{}]", tag(e.kind), &m.text[mm.span], e.canonical)
        })
        .collect();
    let want: Vec<String> = m
        .spans
        .iter()
        .map(|s| {
            let t = &m.text[s.span];
            format!("{} {} [{}]", s.tag, t, s.attr("canon").unwrap_or(t))
        })
        .collect();
    assert_eq!(got, want, "\ntext: {}", m.text);
}

#[track_caller]
fn check(expected: &str) {
    check_with(recognizer(), expected)
}

#[test]
fn gazetteer_places_orgs_nationalities() {
    check("Governments from <LOC canon=\"United Kingdom\">Britain</LOC> to <LOC>Tunisia</LOC> met <NORP>French</NORP> officials.");
    check("It was <LOC>Tunisia</LOC>'s call and the <LOC>Turkey</LOC>-<LOC>Syria</LOC> border.");
    check("A <LOC canon=\"United States\">U.S.</LOC>-led assault hit <ORG>Islamic State</ORG>-held towns.");
}

#[test]
fn longest_match_wins() {
    check("He spoke to <ORG>The Washington Post</ORG> and to <ORG>King's College London</ORG>.");
}

#[test]
fn aliases_are_one_entity_and_acronyms_need_exact_case() {
    check("The <ORG>Islamic State</ORG>, also known as <ORG canon=\"Islamic State\">ISIS</ORG> or <ORG canon=\"Islamic State\">ISIL</ORG>, and <ORG canon=\"Islamic State\">IS</ORG> took it.");
    check("It is what it is.");
}

#[test]
fn east_asian_names_with_hyphenated_given_names() {
    check("Finance Minister <PER>Chang Chi-cheng</PER> said <PER>Li Ka-shing</PER> would invest.");
    check("Opposition leader <PER>Kim Dae-jung</PER> told reporters it was sound.");
    // An English word after the hyphen is no given name; nor is "Co-op".
    check("<LOC canon=\"New York City\">New York</LOC>-based banks and the Kim Co-op rose.");
}

#[test]
fn company_words_are_no_person_names() {
    let text = "Shares of Santa Fe Southern Pacific rose, and Banque Francaise de Credit \
                Cooperatif said it would buy. Chairman Ed Western resigned.";
    let doc = Document { title: Some("T".into()), ..Document::new("t", text) };
    let found = recognizer().recognize(&doc.text, &Tokenizer::new().segment(&doc));
    let people: Vec<&str> = found
        .entities
        .iter()
        .filter(|e| e.kind == gazette_core::EntityKind::Person)
        .map(|e| e.canonical.as_str())
        .collect();
    // "Western" is not on the list: it is a surname too.
    assert_eq!(people, ["Ed Western"]);
}

#[test]
fn company_head_words() {
    check("<ORG>Norstar Bancorp</ORG> and <ORG>Beverly Enterprises</ORG> said profits rose.");
    check(
        "<ORG>Canamax Resources Inc</ORG> and <ORG>Pacific Trans-Ocean Resources Ltd</ORG> agreed.",
    );
}

#[test]
fn a_company_by_its_first_word() {
    check("<ORG>Ultrasystems Inc</ORG> won contracts, <ORG canon=\"Ultrasystems Inc\">Ultrasystems</ORG> said.");
    // Not by a common word.
    check("<ORG>General Dynamics Corp</ORG> won contracts, General <PER>Smith</PER> said.");
}

#[test]
fn company_forms_of_other_countries() {
    check("It sold its properties to <ORG>Victoria Exploration N.L.</ORG> of <LOC>Perth</LOC>.");
    check("Shares of <ORG>Kestrel Minerals Pty</ORG> and <ORG>Harwood Berhad</ORG> rose.");
}

#[test]
fn a_double_surname_links_to_the_full_name() {
    check("President <PER>Leon Febres Cordero</PER> spoke. Later <PER canon=\"Leon Febres Cordero\">Febres Cordero</PER> said it was over, and <PER canon=\"Leon Febres Cordero\">Cordero</PER> left.");
}

#[test]
fn titled_names() {
    check("Brig. Gen. <PER>Yahya Rasoul</PER> spoke.");
    check("<NORP>French</NORP> Interior Minister <PER>Bernard Cazeneuve</PER> announced it.");
    check("<ORG canon=\"Federal Bureau of Investigation\">FBI</ORG> Director <PER>James B. Comey</PER> said so.");
    check("In his speech, spokesman <PER>Abu Muhammad al-Adnani</PER> alluded to it.");
    check("The country's defense minister, <PER>Farhat Hachani</PER>, told journalists.");
}

#[test]
fn first_names_particles_and_context() {
    check("\"It is over,\" said <PER>Wil M. van Gemert</PER>, the head of operations.");
    check("\"No,\" said <PER>Badra Gaaloul</PER>, a researcher.");
    check("Leader <PER>Abu Bakr al-Baghdadi</PER>'s declaration came.");
    check(
        "\"Yes,\" said Zlatkoq Vrbanicz, a spokesman for the group."
            .replace("Zlatkoq Vrbanicz", "<PER>Zlatkoq Vrbanicz</PER>")
            .as_str(),
    );
}

#[test]
fn surnames_link_to_full_names() {
    check("<PER>Peter Neumann</PER> spoke. Later <PER canon=\"Peter Neumann\">Neumann</PER> said more.");
    check("<PER>Olivier Van Raemdonck</PER> is a spokesman. \"It is shut,\" <PER canon=\"Olivier Van Raemdonck\">Van Raemdonck</PER> said.");
}

#[test]
fn org_head_words_and_defined_acronyms() {
    check("A spokesman for <LOC>Belgium</LOC>'s <ORG>Coordinating Unit for Threat Analysis</ORG> (<ORG canon=\"Coordinating Unit for Threat Analysis\">CUTA</ORG>) said <ORG canon=\"Coordinating Unit for Threat Analysis\">CUTA</ORG> knew.");
}

#[test]
fn sentence_initial_common_words_are_not_names() {
    check("March was cold. Officials said nothing.");
}

#[test]
fn user_gazetteer_with_aliases_and_no_defaults() {
    let g = Gazetteer::parse("watch.tsv", "w:1\tORG\tAcme Widgets\tAcme|AW Group\n").unwrap();
    let r = RecognizerBuilder::new().default_gazetteers(false).gazetteer(g).build().unwrap();
    check_with(
        &r,
        "<ORG>Acme Widgets</ORG> and <ORG canon=\"Acme Widgets\">AW Group</ORG> in Tunisia.",
    );
}

#[test]
fn never_panics_on_junk() {
    // "He met Miss": a title closing the text (found by the `claims` fuzz target).
    for text in
        ["", "\"", "Al-", "Abu", "Van", "( ) ( CUTA )", "U.S.-", "Mr. . . .", "T\nHe met Miss"]
    {
        let doc = Document::new("j", text);
        let layout = Tokenizer::new().segment(&doc);
        let found = recognizer().recognize(text, &layout);
        for m in &found.mentions {
            assert!(m.span.get(text).is_some());
        }
    }
}

#[test]
fn nationality_title_name_is_not_one_person() {
    check("<NORP>German</NORP> Finance Minister <PER>Gerhard Stoltenberg</PER> said rates would fall.");
}

#[test]
fn newspaper_named_like_a_nationality_needs_its_article() {
    check("Markets in <LOC>Sydney</LOC> saw the <NORP>Australian</NORP> dollar fall.");
}

#[test]
fn corporate_suffixes_are_never_surnames() {
    check("<ORG>Acme Widgets Corp</ORG> said it would buy <ORG>Jones Tools Corp.</ORG> The deal values Corp shares higher.");
}

#[test]
fn one_unknown_word_before_said_is_not_a_person() {
    check("Zarblex said profits rose.");
}

#[test]
fn a_title_that_is_also_a_first_name_is_a_title_before_a_name() {
    check(
        "Justice <PER>Samuel Alito</PER> questioned her. Chief Justice <PER>John Roberts</PER> \
         agreed, and <PER canon=\"Samuel Alito\">Alito</PER>, a <LOC>Trenton</LOC> native, \
         smiled at <PER canon=\"John Roberts\">Roberts</PER>.",
    );
}

#[test]
fn initials_of_two_letters_inside_a_name() {
    check(
        "President <PER>George H.W. Bush</PER> named him, and <PER canon=\"George H.W. Bush\">Bush</PER> \
         later praised <PER>Anthony J.P. Farris</PER>.",
    );
    // "U.S." after a first name is still the country.
    check("The deal gave Jordan <LOC canon=\"United States\">U.S.</LOC> Zorbex bonds.");
}

#[test]
fn coordinated_organizations_are_two_names() {
    check("She studied at <ORG canon=\"Princeton University\">Princeton</ORG> and <ORG>Yale Law School</ORG>.");
    check(
        "The cases of <ORG canon=\"Harvard University\">Harvard</ORG> and the <ORG>University of North Carolina</ORG> were \
         argued.",
    );
    check("Talks between <LOC>Egypt</LOC> and the <LOC>Soviet Union</LOC> resumed.");
    // One name with "and" in it stays whole.
    check("He joined <ORG>Morgan Stanley and Co Inc</ORG> in March.");
    check("The <ORG>Ministry of Agriculture and Rural Development</ORG> said so.");
    check("Shares of <ORG>Cheltenham and Gloucester Building Society</ORG> rose.");
}

#[test]
fn age_and_nationality_appositions_mark_people() {
    check("<PER>Prelogar</PER>, 43, argues the cases.");
    check(
        "It was <PER>Zohar Lahav</PER>, an <NORP>Israeli</NORP> citizen who served as vice \
         president, and <PER canon=\"Zohar Lahav\">Lahav</PER> recruited him.",
    );
    // A nationality before an organization noun: no person.
    check("They sold it to Banca Carige, an <NORP>Italian</NORP> regional bank.");
    check("El Nino, <NORP>Spanish</NORP> for the child, is back.");
}

#[test]
fn people_and_organizations_introduced_by_name() {
    check(
        "An <NORP>Israeli</NORP>-<NORP>American</NORP> named <PER>Zohar Lahav</PER> hired a \
         consulting firm called <ORG>UC Global</ORG>. Files of <ORG>UC Global</ORG> leaked.",
    );
    check("They formed a joint venture called <ORG>Champlin Refining</ORG> last year.");
    // Not people: a storm, a verb of naming.
    check("A typhoon named Haiyan Koppu hit. She was named Chief Executive Officer.");
    // A company's short form found on its own is the company.
    check(
        "<ORG>TRW Inc</ORG> denied it. \"The company called <ORG canon=\"TRW Inc\">TRW</ORG> is \
         not honest,\" he said.",
    );
}

#[test]
fn regions_named_by_direction() {
    check(
        "Snow hit <LOC>Northern Virginia</LOC>, the <LOC>Upper Midwest</LOC>, the \
         <LOC>Northeast</LOC> and <LOC>Northwest Arkansas</LOC>.",
    );
    check("<LOC>West Germany</LOC> and <LOC>East Germany</LOC> talked.");
    // A direction and a company or common word is no region.
    check("The <ORG>Central Bank</ORG> sold bonds to Southwestern Bell.");
}

#[test]
fn organizations_named_after_a_place() {
    check(
        "He ran security for <ORG>Las Vegas Sands</ORG> in <LOC>Las Vegas</LOC>, then joined \
         <ORG>Texas Instruments</ORG>.",
    );
    // Not after a country, a title, an agreement, a facility or a compound modifier.
    check(
        "The <LOC canon=\"United States\">U.S.</LOC> Embassy and <LOC>Texas</LOC> Governor \
         <PER>Greg Abbott</PER> praised the <LOC>Paris</LOC> Agreement at <LOC>Philadelphia</LOC> \
         Airport.",
    );
    check("<LOC>Hamburg</LOC>-based Zorbex bought it.");
}

#[test]
fn a_pageant_title_is_no_person() {
    check("She won the Miss <LOC>Idaho</LOC> title, and Miss <PER>Jane Roe</PER> came second.");
}

#[test]
fn unknown_organizations_in_company_contexts() {
    check(
        "A spokesman for <ORG>Zorbex</ORG> said shares of <ORG>Kwik Save</ORG> fell, and \
         <ORG>Cable and Wireless</ORG> CEO <PER>Jane Roe</PER> agreed. Later <ORG>Zorbex</ORG> \
         said so.",
    );
    // Not a share class, not a person of the text, not a one-word owner in lower case.
    check(
        "It sold B shares and Class B shares. <PER>Clayton Yeutter</PER> met a spokesman for \
         <PER canon=\"Clayton Yeutter\">Yeutter</PER>. The farm is owned by Slim.",
    );
}

#[test]
fn public_figures_by_surname_alone() {
    check(
        "The <PER canon=\"Joe Biden\">Biden</PER> administration clashed with \
         <PER canon=\"Vladimir Putin\">Putin</PER> and <PER canon=\"Emmanuel Macron\">Macron</PER>.",
    );
    // The fullest name wins: the text's when fuller, else the gazetteer's.
    check(
        "<PER canon=\"Ursula von der Leyen\">von der Leyen</PER> met \
         <PER>Donald J. Trump</PER>; <PER canon=\"Donald J. Trump\">Trump</PER> left.",
    );
    // A surname introduced with another first name is that person.
    check(
        "<PER>Eric Trump</PER> spoke. <PER canon=\"Eric Trump\">Trump</PER> said the deal was fair.",
    );
}

#[test]
fn dateline_places_in_capitals() {
    check("<LOC canon=\"St. Louis\">ST. LOUIS</LOC> — The river crested in <LOC>St. Louis</LOC>.");
    check(
        "<LOC canon=\"Austin\">AUSTIN</LOC>, <LOC>Texas</LOC> — The company moved to \
         <LOC>Austin</LOC>.",
    );
}

#[test]
fn company_names_without_their_legal_form_and_over_small_places() {
    // "Quillon" is also a town in the gazetteer's sense of the word: a company's first word
    // replaces a one-word place unless the place is used as one ("in Redcar").
    check(
        "<ORG>Halvorsen Semiconductor Corp.</ORG> agreed to buy a startup called \
         <ORG>Quillon Labs</ORG>. <ORG canon=\"Halvorsen Semiconductor Corp.\">Halvorsen \
         Semiconductor</ORG> said <ORG canon=\"Quillon Labs\">Quillon</ORG> would grow.",
    );
}

#[test]
fn names_in_another_script_beside_the_latin_name() {
    check("said <PER>Rami Khoury</PER> (<PER canon=\"Rami Khoury\">رامي خوري</PER>), a mechanic.");
    check("<PER canon=\"Olga Melnyk\">Ольга Мельник</PER> (<PER>Olga Melnyk</PER>), an accountant, fled.");
    check("Ambassador <PER>Zhou Haoming</PER> (<PER canon=\"Zhou Haoming\">周浩明</PER>) spoke.");
}

#[test]
fn names_joined_by_an_ampersand_are_firms() {
    check("The law firm <ORG>Harlan & Pike</ORG> advised the board, and <ORG>Zorbex & Kahl Partners</ORG> the bank.");
}

#[test]
fn a_company_first_word_never_takes_a_nationality() {
    check(
        "<ORG>American Motors Corp</ORG> said <ORG canon=\"American Motors Corp\">American \
         Motors</ORG> would grow, and <NORP>American</NORP> Ambassador <PER>John Roe</PER> agreed.",
    );
    check(
        "<ORG>Halvorsen Semiconductor Corp.</ORG> agreed, and <ORG canon=\"Halvorsen Semiconductor \
         Corp.\">Halvorsen</ORG> Chief Executive <PER>Helen Achterberg</PER> spoke.",
    );
}

#[test]
fn languages_are_no_nationalities() {
    check(
        "The slides were written in perfect English by a native speaker, and an Arabic \
         translation followed; <NORP>French</NORP> officials said so in French.",
    );
    check("He studied <NORP>English</NORP> literature and met <NORP>Spanish</NORP> diplomats.");
    // A language name ending the text.
    check("It was written in English");
}

#[test]
fn party_and_state_after_a_name() {
    check(
        "Sen. <PER>Ruth Calloway</PER> (D-<LOC canon=\"Oregon\">Ore.</LOC>) and Rep. <PER>Dale \
         Whitaker</PER>, R-<LOC>Ohio</LOC>, spoke.",
    );
}
