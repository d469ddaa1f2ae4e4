//! The document contract: what the engine says about one article.
//!
//! The CLI's JSON Lines, the gRPC messages and the Python classes mirror these types field
//! for field. Every `start`/`end` is a byte offset into the input exactly as the caller gave
//! it, and every `text` next to a span is that slice of the input.

use serde::{Deserialize, Serialize};

use crate::Span;

/// Everything the engine found in one article.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The caller's identifier (a file name, a URL, a database key).
    pub id: String,
    /// The headline, as cleaned text, when the article has one.
    pub title: Option<String>,
    /// Publication date as `YYYY-MM-DD`, when the text states it.
    pub published: Option<String>,
    /// The cleaned article: title, standfirst, headings and body, one paragraph per block
    /// separated by a blank line. Debris is gone, whitespace and mojibake are normalised.
    pub text: String,
    /// The kept blocks, in order, as spans of the input.
    pub paragraphs: Vec<Paragraph>,
    /// What the cleaner dropped, with the reason, as spans of the input.
    pub removed: Vec<Removed>,
    /// Named entities, each with all its mentions.
    pub entities: Vec<Entity>,
    /// Attributed statements.
    pub quotes: Vec<Quote>,
    /// Things the engine noticed and worked around (unbalanced quotation marks, repaired
    /// encoding, truncated sentences).
    pub warnings: Vec<String>,
}

/// One kept block of the article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    pub kind: ParagraphKind,
    #[serde(flatten)]
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParagraphKind {
    /// The headline.
    Title,
    /// A summary paragraph between the headline and the body.
    Standfirst,
    /// A section heading inside the body.
    Heading,
    /// Article prose.
    Body,
}

impl ParagraphKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            ParagraphKind::Title => "title",
            ParagraphKind::Standfirst => "standfirst",
            ParagraphKind::Heading => "heading",
            ParagraphKind::Body => "body",
        }
    }
}

/// A stretch of the input the cleaner dropped.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removed {
    pub reason: RemovalReason,
    #[serde(flatten)]
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RemovalReason {
    /// HTML or comment remnants (`<!-- … -->`, `!-- Google tag -->`, tags).
    Markup,
    /// CMS shortcodes such as `[ad_1]` or `[caption]`.
    Shortcode,
    /// Photo or image credits (`IMAGE SOURCE: … / AP PHOTO`, `(Photo: Reuters)`).
    Credit,
    /// Photo captions.
    Caption,
    /// A block repeated from earlier in the article (a reprinted headline or caption).
    Duplicate,
    /// A line holding only the date (its date becomes `published`).
    Dateline,
    /// Sharing prompts, bylines, navigation and other page furniture.
    Boilerplate,
}

impl RemovalReason {
    pub fn as_str(&self) -> &'static str {
        match self {
            RemovalReason::Markup => "markup",
            RemovalReason::Shortcode => "shortcode",
            RemovalReason::Credit => "credit",
            RemovalReason::Caption => "caption",
            RemovalReason::Duplicate => "duplicate",
            RemovalReason::Dateline => "dateline",
            RemovalReason::Boilerplate => "boilerplate",
        }
    }
}

/// A named entity: one person, organisation, place, event or law, with every mention.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// `e1`, `e2`, … in order of first mention.
    pub id: String,
    pub label: EntityLabel,
    /// The canonical name: the fullest proper form the article uses, without titles.
    pub name: String,
    /// Titles and descriptions the article gives the entity ("Russian Foreign Minister").
    pub roles: Vec<String>,
    pub mentions: Vec<Mention>,
}

/// One mention of an entity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    #[serde(flatten)]
    pub span: Span,
    pub text: String,
}

/// Entity types, OntoNotes-style.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum EntityLabel {
    /// People, including fictional.
    Person,
    /// Nationalities, religious and political groups ("Russian", "Republicans").
    Norp,
    /// Buildings, airports, bridges, pipelines.
    Fac,
    /// Companies, agencies, institutions, media.
    Org,
    /// Countries, cities, states.
    Gpe,
    /// Non-GPE locations: regions, seas, mountain ranges, continents.
    Loc,
    /// Named events: summits, wars, elections.
    Event,
    /// Named treaties, laws and agreements.
    Law,
    /// Dates and periods.
    Date,
    /// Other names (products, works of art, languages).
    Misc,
}

impl EntityLabel {
    pub const ALL: [EntityLabel; 10] = [
        EntityLabel::Person,
        EntityLabel::Norp,
        EntityLabel::Fac,
        EntityLabel::Org,
        EntityLabel::Gpe,
        EntityLabel::Loc,
        EntityLabel::Event,
        EntityLabel::Law,
        EntityLabel::Date,
        EntityLabel::Misc,
    ];

    pub fn as_str(&self) -> &'static str {
        match self {
            EntityLabel::Person => "PERSON",
            EntityLabel::Norp => "NORP",
            EntityLabel::Fac => "FAC",
            EntityLabel::Org => "ORG",
            EntityLabel::Gpe => "GPE",
            EntityLabel::Loc => "LOC",
            EntityLabel::Event => "EVENT",
            EntityLabel::Law => "LAW",
            EntityLabel::Date => "DATE",
            EntityLabel::Misc => "MISC",
        }
    }
}

/// An attributed statement.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// `q1`, `q2`, … in text order.
    pub id: String,
    pub kind: QuoteKind,
    /// The content: for direct quotes the words inside the marks, for the other kinds the
    /// reported clause.
    pub text: String,
    #[serde(flatten)]
    pub span: Span,
    /// The reporting expression ("said", "told", "according to").
    pub cue: Option<Cue>,
    /// For a partial quote, the reported clause that holds the quoted words: in "Christie
    /// called Clinton a “disgrace”", the quote is `disgrace` and the clause `Clinton a
    /// “disgrace”` (what PolNeAR-style evaluations take as the content). `None` for the
    /// other kinds, whose `text` is already the reported clause.
    pub clause: Option<Clause>,
    pub speaker: Option<Speaker>,
    pub addressee: Option<Addressee>,
    /// How sure the engine is of the attribution, 0 to 1.
    pub confidence: f32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// The utterance inside quotation marks.
    Direct,
    /// Reported speech holding a quoted fragment.
    Mixed,
    /// Reported speech without quotation marks ("Peskov told CNN that …").
    Indirect,
    /// A quoted word or phrase credited to someone.
    Partial,
}

impl QuoteKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Mixed => "mixed",
            QuoteKind::Indirect => "indirect",
            QuoteKind::Partial => "partial",
        }
    }
}

/// The reporting expression of a quote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cue {
    pub text: String,
    #[serde(flatten)]
    pub span: Span,
}

/// The reported clause around a partial quote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clause {
    pub text: String,
    #[serde(flatten)]
    pub span: Span,
}

/// Who said it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// The entity the speaker resolves to (`e3`), when it resolves.
    pub entity: Option<String>,
    /// That entity's canonical name, when it resolves.
    pub name: Option<String>,
    /// The words that name the speaker here ("he", "the Russian leader", "a senior official").
    pub text: String,
    #[serde(flatten)]
    pub span: Span,
}

/// Whom it was said to ("told Reuters").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Addressee {
    pub entity: Option<String>,
    pub text: String,
    #[serde(flatten)]
    pub span: Span,
}
