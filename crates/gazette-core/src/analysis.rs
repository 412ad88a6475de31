use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::Span;

/// One article as read from the input.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Document {
    /// Record id (file stem, or the `id` field of a JSONL record).
    pub id: String,
    /// Title given separately from the text (JSONL `title`). When present, `text` is the body and
    /// layout analysis does not look for a title line.
    pub title: Option<String>,
    /// The original article text. Every [`Span`] of an [`Analysis`] points into it.
    pub text: String,
    /// Non-fatal problems met while reading (for example invalid UTF-8 replaced by U+FFFD).
    pub warnings: Vec<String>,
}

impl Document {
    /// A document with an id and a text, no separate title.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Document {
        Document { id: id.into(), title: None, text: text.into(), warnings: Vec::new() }
    }
}

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    /// A word: letters and digits in any script ("François", "G7", "1980s").
    Word,
    /// A number in digits, kept whole: "2,000", "3.5", "10:30".
    Number,
    /// A fraction in digits: the "1/2" of "1 1/2".
    Fraction,
    /// Punctuation: `. , ; : ! ? ( ) [ ]`, dashes, the ellipsis.
    Punct,
    /// An opening quotation mark (`“`, `‘`, `«`, or a straight mark in opening position).
    QuoteOpen,
    /// A closing quotation mark.
    QuoteClose,
    /// A straight quotation mark whose direction the context does not tell.
    QuoteAmbiguous,
    /// A possessive ending: the `'s` of "King's", the `'` of "countries'".
    Possessive,
    /// A contraction clitic: the `'s` of "It's", `'ll`, `n't`, `'re`, `'ve`, `'d`, `'m`.
    Contraction,
    /// An abbreviation or initial with its period(s): "U.S.", "Gen.", "B.", "Inc.".
    Abbreviation,
    /// A hyphenated compound: "al-Qaeda", "Turkey-Syria", "U.S.-led", "50-yard".
    Compound,
    /// A URL.
    Url,
    /// An e-mail address.
    Email,
    /// A symbol: `$ € % & # + = @ ©`, emoji.
    Symbol,
}

impl TokenKind {
    /// True for the three quotation-mark kinds.
    pub fn is_quote(self) -> bool {
        matches!(self, TokenKind::QuoteOpen | TokenKind::QuoteClose | TokenKind::QuoteAmbiguous)
    }

    /// True for tokens made of letters (words, abbreviations, compounds).
    pub fn is_wordlike(self) -> bool {
        matches!(self, TokenKind::Word | TokenKind::Abbreviation | TokenKind::Compound)
    }
}

/// A token: a span and a kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Token {
    /// Where the token is in the original text.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
}

/// The role of a paragraph (or a part of one) in the article.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartKind {
    /// The headline (first line of a plain-text article).
    Title,
    /// "By Griff Witte, Sudarsan Raghavan and James McAuley".
    Byline,
    /// A publisher line ("The Washington Post").
    Publisher,
    /// A photo caption, usually ending with a credit.
    Caption,
    /// The credit of a caption: "(Lorenzo Tugnoli for The Washington Post)".
    Credit,
    /// A dateline opening the first body paragraph: "BEIRUT (Reuters) - ".
    Dateline,
    /// A paragraph of the article body.
    Body,
    /// The contributor note: "Liz Sly in Beirut ... contributed to this report."
    Contributors,
    /// Boilerplate: "Comments", "Advertisement", "Share this article", "Read more".
    Boilerplate,
    /// A duplicated copy of earlier text (a scraping artifact); not annotated.
    Duplicate,
}

/// A paragraph of the article, with the range of its sentences and tokens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// The paragraph text, without surrounding whitespace.
    pub span: Span,
    /// Its role.
    pub kind: PartKind,
    /// Indices into [`Layout::sentences`].
    pub sentences: Range<usize>,
    /// Indices into [`Layout::tokens`].
    pub tokens: Range<usize>,
}

impl Paragraph {
    /// True for paragraphs whose content is the article's own prose (body, caption, contributor
    /// note): where quotes and claims are looked for.
    pub fn is_prose(&self) -> bool {
        matches!(self.kind, PartKind::Body | PartKind::Caption | PartKind::Contributors)
    }
}

/// A sentence: its span and the range of its tokens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// From the first token's start to the last token's end.
    pub span: Span,
    /// Indices into [`Layout::tokens`].
    pub tokens: Range<usize>,
    /// Index into [`Layout::paragraphs`].
    pub paragraph: usize,
}

/// A sub-part of a paragraph: a dateline, a caption credit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Part {
    /// What it is.
    pub kind: PartKind,
    /// Where.
    pub span: Span,
}

/// A duplicated run of text: `span` repeats the text starting at `original`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Duplicate {
    /// The later copy (not annotated by any stage).
    pub span: Span,
    /// The earlier text it repeats.
    pub original: Span,
}

/// The structure of an article: parts, paragraphs, sentences, tokens.
///
/// **Invariant:** every vector is sorted by position; paragraphs, sentences and tokens never
/// cover text inside a [`Duplicate`] copy.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Layout {
    /// Paragraphs in text order (duplicated copies excluded).
    pub paragraphs: Vec<Paragraph>,
    /// Sentences in text order.
    pub sentences: Vec<Sentence>,
    /// Tokens in text order, non-overlapping.
    pub tokens: Vec<Token>,
    /// Sub-paragraph parts: datelines and caption credits.
    pub parts: Vec<Part>,
    /// The title line, if the title is in the text.
    pub title: Option<Span>,
    /// Author names from the byline.
    pub authors: Vec<Span>,
    /// The publisher line.
    pub publisher: Option<Span>,
    /// Person names in caption credits ("Lorenzo Tugnoli").
    pub credits: Vec<Span>,
    /// Contributor names from the contributor note.
    pub contributors: Vec<Span>,
    /// Duplicated copies of earlier text.
    pub duplicates: Vec<Duplicate>,
}

impl Layout {
    /// The tokens of a sentence.
    pub fn sentence_tokens(&self, sentence: &Sentence) -> &[Token] {
        &self.tokens[sentence.tokens.clone()]
    }

    /// The tokens of a paragraph.
    pub fn paragraph_tokens(&self, paragraph: &Paragraph) -> &[Token] {
        &self.tokens[paragraph.tokens.clone()]
    }
}

/// Entity types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityKind {
    /// People.
    #[serde(rename = "PERSON")]
    Person,
    /// Organizations: agencies, companies, armed groups, media, universities...
    #[serde(rename = "ORG")]
    Org,
    /// Places: countries, cities, regions, geographic features.
    #[serde(rename = "LOC")]
    Loc,
    /// Nationalities, religious and political groups.
    #[serde(rename = "NORP")]
    Norp,
}

impl EntityKind {
    /// The wire name: `PERSON`, `ORG`, `LOC`, `NORP`.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "PERSON",
            EntityKind::Org => "ORG",
            EntityKind::Loc => "LOC",
            EntityKind::Norp => "NORP",
        }
    }
}

/// Grammatical gender of a person, when a first name or title tells it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    /// Not known.
    #[default]
    Unknown,
    /// Male.
    Male,
    /// Female.
    Female,
}

/// Index of an [`Entity`] in [`Analysis::entities`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct EntityId(pub u32);

/// An entity of the document: all its mentions resolved to one canonical name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    /// Its index.
    pub id: EntityId,
    /// Its type.
    pub kind: EntityKind,
    /// Canonical name: the gazetteer name, or the fullest form used in the article.
    pub canonical: String,
    /// Id of the gazetteer entry it was linked to.
    pub gazetteer_id: Option<String>,
    /// Gender of a person, when known.
    pub gender: Gender,
}

/// One mention of an entity in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Where.
    pub span: Span,
    /// Which entity.
    pub entity: EntityId,
}

/// Who a quote or a claim comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// The entity, when the source is one ("Peter Neumann"); `None` for anonymous or
    /// common-noun sources ("a senior Turkish official").
    pub entity: Option<EntityId>,
    /// Canonical name of the entity, or the source phrase.
    pub name: String,
    /// The mention that names the source near the quote or claim (may be a pronoun).
    pub span: Option<Span>,
    /// Role and affiliation from apposition ("director of the International Center ...").
    pub role: Option<Span>,
}

/// What kind of quotation a [`Quote`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// A quoted utterance.
    Direct,
    /// A quoted fragment inside reported speech (`announced that there was "a fourfold decrease"`).
    Partial,
    /// Scare quotes, titles, nicknames.
    Other,
}

/// A quoted span: the text between the quotation marks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// The quoted text, marks excluded.
    pub span: Span,
    /// Direct, partial or other.
    pub kind: QuoteKind,
    /// Who said it.
    pub speaker: Option<Source>,
    /// The speech verb that attributes it ("said").
    pub cue: Option<Span>,
}

/// What kind of reported speech an [`Attribution`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AttributionKind {
    /// "..., according to X".
    AccordingTo,
    /// "X said (that) ...", "X says ...".
    SaidThat,
    /// "X told Y that ...".
    Told,
    /// "X announced that ...".
    Announced,
    /// "X cited ...".
    Cited,
    /// Other reporting verbs.
    Other,
}

/// Reported speech: content attributed to a source through a cue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribution {
    /// The kind of construction.
    pub kind: AttributionKind,
    /// The reported content.
    pub content: Span,
    /// Who it comes from.
    pub source: Source,
    /// The cue ("according to", "said").
    pub cue: Span,
}

/// Direction of change a quantity takes part in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// Rising.
    Up,
    /// Falling.
    Down,
}

/// A numeric claim.
#[derive(Clone, Debug, PartialEq)]
pub struct Quantity {
    /// The number expression and its unit, as written.
    pub span: Span,
    /// Its value (`None` for ranges and vague counts).
    pub value: Option<f64>,
    /// Low end of a range or vague count.
    pub low: Option<f64>,
    /// High end of a range.
    pub high: Option<f64>,
    /// The counted noun or unit ("foreign recruits", "percent").
    pub unit: Option<String>,
    /// "up to", "at least", "as few as", "peak"...
    pub qualifier: Option<String>,
    /// The period of a rate ("month").
    pub period: Option<String>,
    /// Direction of change.
    pub change: Option<Change>,
    /// The sentence it is in.
    pub sentence: Span,
    /// The attribution covering the sentence.
    pub source: Option<Source>,
}

/// Everything gazette found in one document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Analysis {
    /// Structure, sentences and tokens.
    pub layout: Layout,
    /// Entities, by id.
    pub entities: Vec<Entity>,
    /// Mentions, sorted by span.
    pub mentions: Vec<Mention>,
    /// Quotes, sorted by span.
    pub quotes: Vec<Quote>,
    /// Attributions, sorted by content span.
    pub attributions: Vec<Attribution>,
    /// Quantities, sorted by span.
    pub quantities: Vec<Quantity>,
}
