//! Indirect quotes: reported speech without quotation marks. One rule per
//! kind of cue, in its own file:
//!
//! - [`reported`] (`verb` cues): `X mengatakan (bahwa) …`, `X said (that)
//!   …`: content after the cue; `…, X said.`, `…, kata X.`: content before
//!   the comma; `Sources said …`: a source that names nobody;
//! - [`according`]: `Menurut X, …`, `According to X, …`, `…, according to X.`;
//! - [`backref`]: `… . Demikian diungkapkan X`: the previous sentence, said by X;
//! - [`enclitic`]: `…, ujarnya.`: content before the comma.
//!
//! A sentence is read cue by cue; a rule either passes to the next cue or
//! ends the sentence with a quote or none. A sentence gives up to two
//! indirect quotes (the pass asks again after the cue of the first: nested
//! reported speech, "X said Y believes Z", gives X's and Y's), and only when
//! its speaker (or a pronoun, description or unnamed source for one) is
//! found.

mod according;
mod backref;
mod enclitic;
mod reported;

use super::context::Context;
use super::cues::{CueHit, CueKind};
use super::marks::Span;
use super::model::{Method, Quote, QuoteKind, Speaker};
use crate::tokens::Token;
use std::ops::ControlFlow;

/// Minimum words of reported content.
const MIN_WORDS: usize = 4;

/// What a rule does at a cue: pass to the next cue of the sentence
/// (`Continue`), or end the sentence with its quote, if any (`Break`), and
/// the token after the cue.
pub type Step = ControlFlow<Option<(Quote, usize)>>;

/// Where reported content stands (bytes, before trimming).
pub struct Content {
    pub start: usize,
    pub end: usize,
}

/// A sentence searched for reported speech.
pub struct Sentence<'c, 'a> {
    pub cx: &'c Context<'a>,
    /// Its paragraph, and its index among the paragraph's sentences.
    pub pi: usize,
    pub si: usize,
    pub sents: &'c [(usize, usize)],
    /// The paragraph's quoted spans.
    spans: &'c [Span],
    /// Its bytes `start..end` and tokens `first..last`.
    pub start: usize,
    pub end: usize,
    pub first: usize,
    pub last: usize,
    pub toks: &'a [Token],
    /// Content must start at or after this byte (after an earlier quote's
    /// cue), or before the sentence.
    after: usize,
}

/// A cue found in the sentence.
pub struct Cue<'a> {
    /// Its first token.
    pub at: usize,
    pub hit: CueHit,
    /// As written.
    pub text: &'a str,
    /// Does a comma end the words before it?
    pub comma_before: bool,
    /// The last comma before it, in the sentence.
    pub comma: Option<usize>,
}

impl<'a> Sentence<'_, 'a> {
    pub fn word(&self, t: Token) -> &'a str {
        self.cx.word(t)
    }

    /// An indirect quote of `content`, when it holds enough words, does not
    /// open a quoted span and stands where this search may look.
    pub fn quote(
        &self,
        content: Content,
        speaker: Option<Speaker>,
        cue: &Cue,
        method: Option<Method>,
    ) -> Option<Quote> {
        let (start, end) = trim_content(self.cx.text(), content.start, content.end);
        let placed = start >= self.after || start < self.start;
        let words = self.cx.tok_at(self.pi, end) - self.cx.tok_at(self.pi, start);
        (words >= MIN_WORDS && !starts_quoted(self.spans, start) && placed).then(|| Quote {
            start,
            end,
            kind: QuoteKind::Indirect,
            paragraph: self.pi,
            speaker,
            cue: cue.text.to_string(),
            method,
        })
    }

    /// [`Sentence::quote`] as the end of the sentence's search.
    pub fn end_with(
        &self,
        content: Content,
        speaker: Option<Speaker>,
        cue: &Cue,
        method: Option<Method>,
    ) -> Step {
        ControlFlow::Break(
            self.quote(content, speaker, cue, method)
                .map(|q| (q, cue.hit.end)),
        )
    }
}

/// The first indirect quote of sentence `si` of paragraph `pi` found at a
/// cue from token `from` on, and the token after its cue.
pub fn sentence(
    cx: &Context,
    pi: usize,
    si: usize,
    sents: &[(usize, usize)],
    spans: &[Span],
    from: usize,
) -> Option<(Quote, usize)> {
    let text = cx.text();
    let (ss, se) = sents[si];
    let toks = cx.input().paragraphs[pi].tokens;
    let first = cx.tok_at(pi, ss);
    let last = cx.tok_at(pi, se);
    // After an earlier quote of the sentence, only content after its cue
    // (or in the sentence before: "… . Demikian diungkapkan X").
    let after = if from > first {
        toks.get(from).map_or(se, |t| t.start)
    } else {
        ss
    };
    let s = Sentence {
        cx,
        pi,
        si,
        sents,
        spans,
        start: ss,
        end: se,
        first,
        last,
        toks,
        after,
    };
    for c in first.max(from)..last {
        let Some(hit) = cx.cue_at(pi, c) else {
            continue;
        };
        if hit.end > last {
            continue;
        }
        let before = &text[ss..toks[c].start];
        let cue = Cue {
            at: c,
            hit,
            text: &text[toks[hit.start].start..toks[hit.end - 1].end],
            comma_before: before.trim_end().ends_with(','),
            comma: before.rfind(',').map(|i| ss + i),
        };
        let step = match hit.kind {
            CueKind::Verb => reported::at(&s, &cue),
            CueKind::According => according::at(&s, &cue),
            // "Diakui X, …" opening the sentence, "…, dikatakan X": not
            // a passive inside a clause ("diakui Belanda pada 1949").
            CueKind::Passive if c == first || cue.comma_before => according::at(&s, &cue),
            CueKind::Passive => ControlFlow::Continue(()),
            CueKind::Backref => backref::at(&s, &cue),
            CueKind::Enclitic => enclitic::at(&s, &cue),
            CueKind::Statement | CueKind::AfterQuote => ControlFlow::Continue(()),
        };
        if let ControlFlow::Break(found) = step {
            return found;
        }
    }
    None
}

fn starts_quoted(spans: &[Span], start: usize) -> bool {
    spans
        .iter()
        .any(|s| s.open <= start && start < s.inner_start + 1)
}

/// Trims spaces, leading commas and the final period from content.
fn trim_content(text: &str, start: usize, end: usize) -> (usize, usize) {
    let s = &text[start..end];
    let lead = s.len()
        - s.trim_start_matches(|c: char| c.is_whitespace() || c == ',' || c == ':')
            .len();
    let body = s.trim_end_matches(|c: char| c.is_whitespace() || ".!?,;:".contains(c));
    (start + lead, (start + body.len()).max(start + lead))
}
