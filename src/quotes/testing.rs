//! Unit-test fixtures: a quote stage's context built from a short text,
//! without the pipeline. Each line of the text is a paragraph; the names
//! given as listed are the gazetteer's mentions, found wherever they stand
//! as whole words.

use super::context::index::DocIndex;
use super::context::known::Known;
use super::context::Context;
use super::cues::Cues;
use super::indirect;
use super::model::{Method, Paragraph, QuoteInput};
use super::quoted::{classify, quoted};
use super::sieves::{QuotedSpan, Sieve};
use super::typing::TypeWords;
use crate::gazetteer::{Entity, EntityType};
use crate::mentions::resolve::{Mention, Method as MentionMethod};
use crate::tagger::names::ModelName;
use crate::tokens::{tokenize, Token};

/// A document to build contexts from.
pub struct Fixture {
    text: String,
    /// `(start, end)` of each paragraph (line).
    bounds: Vec<(usize, usize)>,
    tokens: Vec<Token>,
    entities: Vec<Entity>,
    mentions: Vec<Mention>,
    cues: Cues,
    types: TypeWords,
    /// Names the tagger would have found (see [`Fixture::tagged`]).
    names: Vec<ModelName>,
}

impl Fixture {
    /// `text`: one paragraph per line; `listed`: the names a gazetteer
    /// lists, with their types.
    pub fn new(text: &str, listed: &[(&str, EntityType)]) -> Fixture {
        let mut bounds = Vec::new();
        let mut at = 0;
        for line in text.split('\n') {
            if !line.trim().is_empty() {
                bounds.push((at, at + line.len()));
            }
            at += line.len() + 1;
        }
        let entities: Vec<Entity> = listed
            .iter()
            .enumerate()
            .map(|(i, &(name, kind))| Entity {
                id: format!("t:{i}"),
                kind,
                name: name.to_string(),
                aliases: Vec::new(),
                country: String::new(),
                priority: 0,
                offices: Vec::new(),
                origin: format!("fixture:{i}"),
            })
            .collect();
        let word_char = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let mut mentions: Vec<Mention> = Vec::new();
        for (i, e) in entities.iter().enumerate() {
            for (start, name) in text.match_indices(e.name.as_str()) {
                let end = start + name.len();
                if word_char(text[..start].chars().next_back())
                    || word_char(text[end..].chars().next())
                {
                    continue;
                }
                let paragraph = bounds
                    .iter()
                    .position(|b| b.0 <= start && end <= b.1)
                    .unwrap();
                mentions.push(Mention {
                    start,
                    end,
                    entity: i as u32,
                    method: MentionMethod::Gazetteer,
                    paragraph,
                });
            }
        }
        mentions.sort_by_key(|m| m.start);
        mentions.dedup_by(|b, a| b.start < a.end);
        Fixture {
            tokens: tokenize(text),
            text: text.to_string(),
            bounds,
            entities,
            mentions,
            cues: Cues::defaults().unwrap(),
            types: TypeWords::defaults().unwrap(),
            names: Vec::new(),
        }
    }

    /// The same document with these names found by the tagger (each
    /// wherever it stands as written), with their types.
    pub fn tagged(mut self, names: &[(&str, EntityType)]) -> Fixture {
        for &(name, kind) in names {
            for (start, _) in self.text.match_indices(name) {
                let paragraph = self.bounds.iter().position(|b| start < b.1).unwrap();
                self.names.push(ModelName {
                    start,
                    end: start + name.len(),
                    paragraph,
                    kind,
                    name: name.to_string(),
                });
            }
        }
        self.names.sort_by_key(|n| n.start);
        self
    }

    /// The same document ranked with other speaker weights: every feature
    /// 0 but those given.
    pub fn with_speaker_weights(mut self, weights: &[(&str, f32)]) -> Fixture {
        let text: String = super::sieves::rank::FEATURES
            .iter()
            .map(|f| {
                let w = weights.iter().find(|(n, _)| n == f).map_or(0.0, |p| p.1);
                format!("{f}\t{w}\n")
            })
            .collect();
        self.cues.set_speaker_weights(&text).unwrap();
        self
    }

    /// Runs `f` on a fresh context of the document (a first pass: nothing
    /// learnt, no quotes yet).
    pub fn with<R>(&self, f: impl FnOnce(&mut Context) -> R) -> R {
        self.with_input(|input| {
            let doc = DocIndex::build(input);
            let mut cx = Context::new(input, Known::default(), doc);
            f(&mut cx)
        })
    }

    /// Runs `first` on a first pass's context, then `second` on a
    /// context that learnt `known`, sharing the document index as the two
    /// passes do (its memos filled by the first).
    pub fn two_passes<A, B>(
        &self,
        known: Known,
        first: impl FnOnce(&Context) -> A,
        second: impl FnOnce(&Context, A) -> B,
    ) -> B {
        self.with_input(|input| {
            let cx = Context::new(input, Known::default(), DocIndex::build(input));
            let a = first(&cx);
            let (_, _, doc) = cx.finish();
            second(&Context::new(input, known, doc), a)
        })
    }

    /// The quotes of the whole stage (both passes): (the first words of
    /// the quote's text, speaker's name or "", its type or "", method or "").
    pub fn quotes(&self) -> Vec<(String, String, String, String)> {
        self.with_input(|input| {
            super::extract(input)
                .into_iter()
                .map(|q| {
                    let sp = q.speaker.as_ref();
                    (
                        self.text[q.start..q.end].to_string(),
                        sp.map(|s| s.name.clone()).unwrap_or_default(),
                        sp.map_or("", |s| s.kind.as_str()).to_string(),
                        q.method.map_or("", Method::as_str).to_string(),
                    )
                })
                .collect()
        })
    }

    /// Runs `f` on the stage's input for the document.
    pub fn with_input<R>(&self, f: impl FnOnce(&QuoteInput) -> R) -> R {
        let paragraphs: Vec<Paragraph> = self
            .bounds
            .iter()
            .map(|&(start, end)| {
                let a = self.tokens.partition_point(|t| t.start < start);
                let b = self.tokens.partition_point(|t| t.start < end);
                Paragraph {
                    start,
                    end,
                    title: false,
                    tokens: &self.tokens[a..b],
                }
            })
            .collect();
        let input = QuoteInput {
            text: &self.text,
            names: &self.names,
            types: &self.types,
            paragraphs: &paragraphs,
            mentions: &self.mentions,
            entities: &self.entities,
            cues: &self.cues,
            english: crate::document::detect_language(&self.text) == "en",
        };
        f(&input)
    }

    /// What `sieve` proposes for the quoted span whose words start with
    /// `quote`, after the pass attributed the quoted spans before it:
    /// (speaker's name, or "" for none; method).
    pub fn propose(&self, sieve: Sieve, quote: &str) -> Option<(String, Method)> {
        self.on_span(quote, |cx, q| {
            let c = sieve(cx, q)?;
            Some((c.speaker.map(|s| s.name).unwrap_or_default(), c.method))
        })
    }

    /// Runs `f` on the quoted span whose words start with `quote`, after
    /// the pass attributed the quoted spans before it.
    pub fn on_span<R>(&self, quote: &str, f: impl FnOnce(&Context, &QuotedSpan) -> R) -> R {
        let at = self.find(quote);
        self.with(|cx| {
            let pi = self.replay(cx, at);
            let spans = cx.doc_spans(pi).to_vec();
            let sents = cx.sentences(pi).to_vec();
            let span = spans.iter().find(|s| s.inner_start == at).unwrap();
            f(cx, &classify(cx, pi, span, &sents))
        })
    }

    /// The first indirect quote of the sentence starting with `sentence`,
    /// after the pass attributed the quoted spans up to its paragraph's
    /// end: (content,
    /// speaker's name or "", method).
    pub fn reported(&self, sentence: &str) -> Option<(String, String, Option<Method>)> {
        let at = self.find(sentence);
        self.with(|cx| {
            // The pass reads reported speech after all quoted spans of
            // the paragraph.
            let end = self.bounds.iter().find(|b| at < b.1).unwrap().1;
            let pi = self.replay(cx, end);
            let spans = cx.doc_spans(pi).to_vec();
            let sents = cx.sentences(pi).to_vec();
            let si = sents.iter().position(|s| s.0 == at).unwrap();
            let (q, _) = indirect::sentence(cx, pi, si, &sents, &spans, 0)?;
            let speaker = q.speaker.map(|s| s.name).unwrap_or_default();
            Some((self.text[q.start..q.end].to_string(), speaker, q.method))
        })
    }

    fn find(&self, words: &str) -> usize {
        let Some(at) = self.text.find(words) else {
            panic!("no {words:?} in {:?}", self.text)
        };
        at
    }

    /// Attributes the quoted spans whose words start before byte `upto`, as the
    /// pass does (finishing each paragraph before `upto`'s); returns the
    /// paragraph of `upto`.
    fn replay(&self, cx: &mut Context, upto: usize) -> usize {
        for (pi, &(_, end)) in self.bounds.iter().enumerate() {
            let spans = cx.doc_spans(pi).to_vec();
            let sents = cx.sentences(pi).to_vec();
            for span in spans.iter().filter(|s| s.inner_start < upto) {
                if let Some(q) = quoted(cx, pi, span, &sents) {
                    cx.push(q);
                }
            }
            if upto <= end {
                return pi;
            }
            cx.sort_current();
            cx.paragraph_done();
        }
        panic!("byte {upto} is past the text")
    }
}

/// A listed person.
pub fn person(name: &str) -> (&str, EntityType) {
    (name, EntityType::Person)
}

/// `(speaker, method)` as [`Fixture::propose`] gives it.
pub fn said(speaker: &str, method: Method) -> Option<(String, Method)> {
    Some((speaker.to_string(), method))
}

/// `(content, speaker, method)` as [`Fixture::reported`] gives it.
pub fn reported(
    content: &str,
    speaker: &str,
    method: Option<Method>,
) -> Option<(String, String, Option<Method>)> {
    Some((content.to_string(), speaker.to_string(), method))
}
