//! Claims in news text: quotes with their speakers, reported speech, numeric claims.
//!
//! Main types:
//! * [`Extractor`]: built once, immutable, `Send + Sync`. [`Extractor::extract`] reads a
//!   document's [`Layout`] (tokens, sentences, paragraphs from `gazette-tokenize`) and its
//!   entities and mentions (from `gazette-entities`, or written by hand) and returns [`Claims`].
//! * [`Claims`]: [`Quote`]s (the text between double quotation marks, its kind, speaker and
//!   cue), [`Attribution`]s ("X said that ...", "according to X") and [`Quantity`]s (numbers
//!   with their unit, qualifier, period, direction of change and source).
//!
//! Only prose paragraphs ([`gazette_core::Paragraph::is_prose`]) are annotated. Processing
//! never fails and never panics; every look-back is bounded, so time is linear in the text.
//!
//! Speakers come from a sieve of small rules (see `speakers.rs`), most reliable first: a cue
//! verb right after the quote, a cue before it, a speech verb governing it in the same
//! sentence, then continuation of the previous quote. Pronoun speakers resolve to the most
//! recent person mention of a compatible gender.
//!
//! ```
//! use gazette_core::{Document, Entity, EntityId, EntityKind, Gender, Mention, QuoteKind, Span};
//! use gazette_claims::Extractor;
//!
//! let text = "Title\n\"It's a massive falloff,\" said Peter Neumann, director of the center. \
//!             About 2,000 recruits crossed each month.\n";
//! let doc = Document::new("a", text);
//! let layout = gazette_tokenize::Tokenizer::new().segment(&doc);
//! let start = text.find("Peter").unwrap();
//! let entities = vec![Entity {
//!     id: EntityId(0),
//!     kind: EntityKind::Person,
//!     canonical: "Peter Neumann".into(),
//!     gazetteer_id: None,
//!     gender: Gender::Male,
//! }];
//! let mentions = vec![Mention { span: Span::new(start, start + 13), entity: EntityId(0) }];
//! let claims = Extractor::new().extract(text, &layout, &entities, &mentions);
//! let quote = &claims.quotes[0];
//! assert_eq!(&text[quote.span], "It's a massive falloff,");
//! assert_eq!(quote.kind, QuoteKind::Direct);
//! let speaker = quote.speaker.as_ref().unwrap();
//! assert_eq!(speaker.name, "Peter Neumann");
//! assert_eq!(&text[speaker.role.unwrap()], "director of the center");
//! let q = &claims.quantities[0];
//! assert_eq!((&text[q.span], q.value, q.qualifier.as_deref()), ("2,000", Some(2000.0), Some("about")));
//! assert_eq!(q.period.as_deref(), Some("month"));
//! ```
//!
//! ## How to add a speech verb
//! Add its forms to `lexicon::speech_verb` (kind, strong or weak) and a line to the
//! `speech_verbs` test; quotes, attributions and quantity sources all use the same lexicon.

mod ctx;
mod lexicon;
mod numbers;
mod quotes;
mod reported;
mod source;
mod speakers;

#[cfg(test)]
mod tests;

use gazette_core::{Attribution, Entity, Layout, Mention, Quantity, Quote};

/// The claims stage. Stateless today (word lists are static tables), built once and shared
/// across threads.
#[derive(Clone, Debug, Default)]
pub struct Extractor {
    _private: (),
}

/// What [`Extractor::extract`] found in one document; every vector is sorted by span.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Claims {
    /// Quoted pieces with speakers.
    pub quotes: Vec<Quote>,
    /// Reported speech, sorted by content span.
    pub attributions: Vec<Attribution>,
    /// Numeric claims.
    pub quantities: Vec<Quantity>,
}

impl Extractor {
    /// The extractor with its built-in lexicons.
    pub fn new() -> Extractor {
        Extractor { _private: () }
    }

    /// Extracts quotes, attributions and quantities of the prose paragraphs of `layout`.
    ///
    /// `mentions` must be sorted by span; `entities[m.entity.0]` is the entity of mention `m`
    /// (a mention whose entity is missing is ignored).
    pub fn extract(
        &self,
        text: &str,
        layout: &Layout,
        entities: &[Entity],
        mentions: &[Mention],
    ) -> Claims {
        let mut lowercase = ctx::Lowercase::default();
        let mut ctx = ctx::Ctx::new(text, layout, &mut lowercase, entities, mentions);
        let pieces = quotes::find(&mut ctx);
        let mut quotes = speakers::attribute(&ctx, &pieces);
        quotes.sort_by_key(|q| q.span);
        let mut attributions = reported::find(&ctx, &quotes);
        attributions.sort_by_key(|a| (a.content, a.cue));
        definite_sources(&mut quotes, &mut attributions);
        let mut quantities = numbers::find(&ctx, &attributions, &quotes);
        quantities.sort_by_key(|q| q.span);
        Claims { quotes, attributions, quantities }
    }
}

/// "the diplomat" names the source a text introduced before without a name ("One European
/// diplomat, who spoke on condition of anonymity, said ..."): the later mention takes the
/// earlier phrase as its name, so both claims have one source.
fn definite_sources(
    quotes: &mut [gazette_core::Quote],
    attributions: &mut [gazette_core::Attribution],
) {
    use gazette_core::Source;
    // Unnamed sources that introduce someone: longer than "the <noun>", by position.
    let mut intros: Vec<(usize, String)> = quotes
        .iter()
        .filter_map(|q| q.speaker.as_ref())
        .chain(attributions.iter().map(|a| &a.source))
        .filter(|s| s.entity.is_none() && introduces(&s.name))
        .filter_map(|s| Some((s.span?.start(), s.name.clone())))
        .collect();
    if intros.is_empty() {
        return;
    }
    intros.sort();
    let resolve = |s: &mut Source| {
        if s.entity.is_some() {
            return;
        }
        let Some(at) = s.span.map(|sp| sp.start()) else { return };
        let mut words = s.name.split_whitespace();
        let (Some(det), Some(noun), None) = (words.next(), words.next(), words.next()) else {
            return;
        };
        if !det.eq_ignore_ascii_case("the") || lexicon::source_noun(&noun.to_lowercase()).is_none()
        {
            return;
        }
        let before = intros.partition_point(|(p, _)| *p < at);
        if let Some((_, name)) = intros[..before].iter().rev().find(|(_, name)| {
            name.split(|c: char| !c.is_alphanumeric()).any(|w| w.eq_ignore_ascii_case(noun))
        }) {
            s.name = name.clone();
        }
    };
    for q in quotes.iter_mut() {
        if let Some(s) = q.speaker.as_mut() {
            resolve(s);
        }
    }
    for a in attributions.iter_mut() {
        resolve(&mut a.source);
    }
}

/// A noun phrase that introduces an unnamed source: "a KLM spokesman", "One European diplomat,
/// who spoke on condition of anonymity", not a clause picked up as a source by mistake ("The
/// spokesman said it is still too early to").
fn introduces(name: &str) -> bool {
    let head = name.split(" who").next().unwrap_or(name);
    let mut words = head.split_whitespace();
    let first = words.next().unwrap_or("").to_lowercase();
    name.split_whitespace().count() > 2
        && matches!(
            first.as_str(),
            "a" | "an" | "one" | "another" | "the" | "two" | "three" | "several" | "some"
        )
        && !words.any(|w| {
            matches!(
                w.to_lowercase().trim_end_matches(','),
                "said"
                    | "says"
                    | "told"
                    | "is"
                    | "are"
                    | "was"
                    | "were"
                    | "has"
                    | "have"
                    | "had"
                    | "cited"
                    | "which"
                    | "and"
                    | "that"
            )
        })
}
