//! A quoted span becomes a quote: its kind (direct or partial) and its
//! speaker, from the sieves. A title in quotes with no speaker is no quote,
//! nor is a span the speech classifier reads as not said (`speech`).

use super::context::Context;
use super::marks::Span;
use super::model::{Method, Quote, QuoteKind};
use super::sieves::{self, QuotedSpan};
use super::speech;
use super::words::reads_as_title;

/// Classifies and attributes one quoted span.
pub fn quoted(cx: &Context, pi: usize, span: &Span, sents: &[(usize, usize)]) -> Option<Quote> {
    let text = cx.text();
    let q = classify(cx, pi, span, sents);
    let kind = q.kind;
    let inner = text[span.inner_start..span.inner_end].trim();
    // The title of a work or an event (`webinar bertajuk “…”`) is never said.
    if speech::named_as_title(text, q.sentence_start, span.open) {
        return None;
    }
    let found = sieves::attribute(cx, &q);
    let features = speech::features(cx, &q, found.as_ref().map(|f| f.method));
    cx.record_speech(span.inner_start, &features);
    // An exclamation or a question is said (PolNeAR train: 269 of 279).
    let exclaimed = inner.ends_with(['!', '?']);
    if !exclaimed && !cx.input().cues.speech_weights().is_speech(&features) {
        return None;
    }
    // A transcript's label is not part of what was said.
    let start = match &found {
        Some(f) if f.method == Method::Transcript => {
            let label = sieves::transcript_label(&text[span.inner_start..span.inner_end]);
            span.inner_start + label.map_or(0, |l| l.0)
        }
        _ => span.inner_start,
    };
    let (speaker, cue, method) = match found {
        // A speaker only the ranker offers does not make a title speech.
        Some(f) if f.method == Method::Nearby && reads_as_title(inner, cx.input().cues) => {
            return None
        }
        Some(f) => (f.speaker, f.cue, Some(f.method)),
        // A title in quotes (“Fox and Friends”, “The Art of the Deal”),
        // with no one saying it, is not speech.
        None if reads_as_title(inner, cx.input().cues) => return None,
        None => (None, String::new(), None),
    };
    Some(Quote {
        start,
        end: span.inner_end,
        kind,
        paragraph: pi,
        speaker,
        cue,
        method,
    })
}

/// A quoted span of paragraph `pi` (sentences `sents`) as the sieves see
/// it: a direct quote when it opens its sentence or follows a colon, a
/// comma, a dash or a cue, and reads as an utterance (ends with
/// punctuation, four words or more, or runs to the paragraph's end); else
/// a partial quote.
pub fn classify<'s>(
    cx: &Context,
    pi: usize,
    span: &'s Span,
    sents: &[(usize, usize)],
) -> QuotedSpan<'s> {
    let text = cx.text();
    let p = cx.input().paragraphs[pi];
    let sent_start = sents
        .iter()
        .find(|s| s.0 <= span.open && span.open < s.1.max(s.0 + 1))
        .map_or(p.start, |s| s.0);
    let before = text[sent_start..span.open].trim();
    let inner = text[span.inner_start..span.inner_end].trim();
    let words = inner.split_whitespace().count();
    let ends_punct = inner
        .chars()
        .last()
        .is_some_and(|c| ".,!?…;:—–-".contains(c));
    let before_is_lead = before.is_empty()
        || before.ends_with([':', ',', '—', '–', '-'])
        || cx.ends_with_cue(sent_start, span.open);
    let kind = if before_is_lead && (ends_punct || words >= 4 || !span.closed) {
        QuoteKind::Direct
    } else {
        QuoteKind::Partial
    };
    QuotedSpan {
        paragraph: pi,
        span,
        kind,
        sentence_start: sent_start,
    }
}
