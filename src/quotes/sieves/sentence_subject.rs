//! Sieve: a partial quote is said by the person or organization its
//! sentence is about: `Tokayev menjuluki demonstrasi sebagai “upaya
//! kudeta”`.

use super::{Candidate, QuotedSpan};
use crate::quotes::context::Context;
use crate::quotes::model::{Method, QuoteKind};

pub fn propose(cx: &Context, q: &QuotedSpan) -> Option<Candidate> {
    if q.kind != QuoteKind::Partial {
        return None;
    }
    let pi = q.paragraph;
    let first = cx.tok_at(pi, q.sentence_start);
    let last = cx.tok_at(pi, q.span.open);
    let speaker = cx.first_name(pi, first, last)?;
    Some(Candidate {
        speaker: Some(speaker),
        cue: String::new(),
        method: Method::SentenceSubject,
    })
}
