//! What the quote stage produces: quotes, their kinds, speakers and the
//! rule that found each speaker; and what it reads.

use super::typing::TypeWords;
use super::Cues;
use crate::gazetteer::{Entity, EntityType};
use crate::mentions::resolve::Mention;
use crate::tagger::names::ModelName;
use crate::tokens::Token;

/// The kind of a quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteKind {
    Direct,
    Partial,
    Indirect,
}

impl QuoteKind {
    /// The `kind` column value.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Indirect => "indirect",
        }
    }
}

/// The rule that found a quote's speaker (the `method` column).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method {
    /// `“…,” kata Retno` / `"…," Retno said` / `"…" — Retno`.
    CueAfter,
    /// `Retno said: “…”` / `Kata Retno, “…”`.
    CueBefore,
    /// `“…,” katanya`: the speaker of the last reported speech.
    Enclitic,
    /// `“…,” bunyi pernyataan`: the last organization named.
    Statement,
    /// A quote with no cue right after a quote of the same speaker.
    Continuation,
    /// A partial quote: the person the sentence is about.
    SentenceSubject,
    /// `X mengatakan bahwa …` / `X said (that) …`.
    Reported,
    /// `Menurut X, …` / `…, according to X`.
    According,
    /// `… . Demikian diungkapkan X`.
    Backref,
    /// `"PENCE: Well, …"`: a transcript's label.
    Transcript,
    /// `He said: “…”`: the person a pronoun stands for.
    Pronoun,
    /// `“…,” the minister said`: the person a description stands for.
    Description,
    /// `“…,” the ministry said`: the organization named last with that word.
    Organization,
    /// Ranked, not ruled: a speaker nearby that no rule named (English).
    Nearby,
}

impl Method {
    /// The `method` column value.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::CueAfter => "cue-after",
            Method::CueBefore => "cue-before",
            Method::Enclitic => "last-speaker",
            Method::Statement => "statement",
            Method::Continuation => "continuation",
            Method::SentenceSubject => "sentence-subject",
            Method::Reported => "reported",
            Method::According => "according",
            Method::Backref => "backref",
            Method::Transcript => "transcript",
            Method::Pronoun => "pronoun",
            Method::Description => "description",
            Method::Organization => "organization",
            Method::Nearby => "nearby",
        }
    }
}

/// How a phrase names its speaker: by name, or by a pronoun or a
/// description standing for a person named before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reference {
    Name,
    Pronoun,
    Description,
    /// `the ministry`, `kementerian itu`: an organization named before.
    Organization,
}

impl Reference {
    /// The method of an attribution through this reference: `named` when
    /// the phrase names the speaker.
    pub fn method(self, named: Method) -> Method {
        match self {
            Reference::Name => named,
            Reference::Pronoun => Method::Pronoun,
            Reference::Description => Method::Description,
            Reference::Organization => Method::Organization,
        }
    }
}

/// Who said it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    /// Index of the entity in the matcher, when the gazetteer knows it.
    pub entity: Option<u32>,
    /// Canonical name, or the fullest name the document gives.
    pub name: String,
    pub kind: EntityType,
    /// The words of the text that name it.
    pub surface: String,
}

/// One quote, in byte offsets of the document text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// Start of the quoted words (after the opening mark).
    pub start: usize,
    pub end: usize,
    pub kind: QuoteKind,
    /// Index of its paragraph in [`QuoteInput::paragraphs`].
    pub paragraph: usize,
    pub speaker: Option<Speaker>,
    /// The reporting word(s), as written.
    pub cue: String,
    /// The rule that found the speaker; `None` when there is none.
    pub method: Option<Method>,
}

/// One paragraph to search.
#[derive(Debug, Clone, Copy)]
pub struct Paragraph<'a> {
    pub start: usize,
    pub end: usize,
    /// Titles are searched for nothing.
    pub title: bool,
    /// Words of the paragraph, in document byte offsets.
    pub tokens: &'a [Token],
}

/// What the extractor reads.
pub struct QuoteInput<'a> {
    pub text: &'a str,
    /// Names no list holds that the tagger found (`model` mentions), in
    /// text order: evidence of an unlisted speaker's type.
    pub names: &'a [ModelName],
    /// The words that type an unlisted speaker (`cues/types.tsv`).
    pub types: &'a TypeWords,
    pub paragraphs: &'a [Paragraph<'a>],
    /// Entity mentions, in text order.
    pub mentions: &'a [Mention],
    pub entities: &'a [Entity],
    pub cues: &'a Cues,
    /// Is the document English? (The speaker ranker's weights are.)
    pub english: bool,
}
