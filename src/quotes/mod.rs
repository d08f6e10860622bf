//! Quotes: what was said, and who said it.
//!
//! Three kinds: `direct` (a quoted utterance), `partial` (a quoted fragment
//! inside a sentence, like “upaya kudeta”) and `indirect` (reported speech
//! without marks: "X mengatakan bahwa …", "according to X, …").
//!
//! Speakers are found by ordered rules (sieves), most certain first; the
//! rule that decided is the quote's [`Method`]:
//!
//! | method | example |
//! |---|---|
//! | `cue-after` | “…,” kata Retno / "…," Retno said / "…" — Retno / “…”⏎katanya |
//! | `cue-before` | Retno said: “…” / Kata Retno, “…” / Retno continued:⏎“…” / …, saying “…” |
//! | `enclitic` | “…,” katanya (the speaker of the last reported speech) |
//! | `statement` | “…,” bunyi pernyataan resmi tersebut (the last organization) |
//! | `continuation` | a quote with no cue right after a quote of the same speaker |
//! | `sentence-subject` | Tokayev menjuluki demonstrasi sebagai “upaya kudeta” |
//! | `reported` | X mengatakan bahwa … / X said (that) … |
//! | `according` | Menurut X, … / …, according to X |
//! | `backref` | … . Demikian diungkapkan X |
//! | `transcript` | "PENCE: Well, look, …" (the label, cut off the quote) |
//! | `pronoun`, `description` | He said: “…” / “…,” the minister said |
//! | `organization` | “…,” the ministry said / Kementerian itu menyatakan … (the last organization named with that noun) |
//!
//! An enclitic (`katanya`, `she said`) stands for the speaker of the nearest
//! sentence that reports speech (`X mengatakan, …`, `“…,” kata X`), else the
//! first person the nearest sentence names (its subject, not the object
//! named last), up to ten sentences back (and 120 words back within one
//! sentence). Pronouns (`dia`, `he`) and descriptions (`Diplomat top itu`,
//! `the minister`) stand for the nearest person named before the quote
//! (outside quotes, up to three paragraphs back); a bare title (`kata
//! Presiden`) for the person the document titled so. When nothing fits, the
//! speaker stays empty rather than guessed. Reported speech whose source
//! names nobody (`…, a source said`) is kept with an empty speaker and
//! method. Quotes in a title are not speech, nor those in lines that are
//! not body text (`lines`: links, tweet embeds, captions, sub-heads), nor
//! a span the speech classifier reads as a scare quote, a term, a title or
//! a name (`speech`).
//!
//! Names: titles, organizations and places are cut off the front of a name
//! (`Kepala Dinas Kesehatan Kota Bandung Rina Wulandari` -> `Rina
//! Wulandari`), and a name given only in part takes the fullest form the
//! document gives; when it gives several (`Ted Cruz`, `Rafael Cruz`), the
//! one quoted last before, else named last before. The extractor runs
//! twice: the first pass learns the names the document cites people by
//! (`kata Agus`), which the second uses to find where a full name starts
//! and to resolve enclitics to people no gazetteer lists.
//!
//! # Shape
//!
//! [`extract`] builds the document's `context::index::DocIndex` once and
//! runs two passes (`pass::first`, `pass::second`; the second takes over
//! the first's quotes of each paragraph whose answers what the first
//! learnt does not change: `context::reads`). A pass walks the paragraphs that may hold
//! quotes (body text with a quoted span or a cue, found once by the
//! index); for each, it turns every quoted span into a quote (`quoted`:
//! classify it direct or partial, then the sieves), then reads each
//! sentence with a cue for reported speech (`indirect`), then indexes the
//! paragraph's speakers. Only the
//! pass adds quotes; everything else reads the `context::Context` through
//! `&`.
//!
//! The sieves for quoted spans run in the order of `sieves::SIEVES`:
//! transcript, cue-after, next-paragraph-cue, cue-before, colon-paragraph,
//! continuation, sentence-subject. Each proposes a `sieves::Candidate`
//! (speaker, cue, method) or nothing; the first candidate wins. To add one,
//! write `sieves/NAME.rs` with `pub fn propose(cx: &Context, q:
//! &QuotedSpan) -> Option<Candidate>` and unit tests on a
//! `testing::Fixture`, and list it in `SIEVES` at its rank. Reported
//! speech has one rule per kind of cue, in `indirect/`.
//!
//! Modules, each using only those above it: `cues`, `model`, `words`
//! (word shapes, the type guess); `marks`, `sentences`, `lines`; `context`
//! (the per-pass context, the document index, the speaker index); `typing`
//! (the type of a speaker no list holds, by evidence: only a person is
//! what pronouns and enclitics resolve to); `names` (name words, fullest
//! names) and `cleanup` (cutting titles, organizations, places and
//! party-state suffixes off a person's name);
//! `speakers` (the name at a cue; what a pronoun, enclitic, description
//! or title stands for); `sieves`, `indirect`; `speech`; `quoted`; `pass`.

mod cleanup;
mod context;
mod cues;
mod gender;
mod indirect;
mod lines;
mod marks;
mod model;
mod names;
mod organizations;
mod pass;
mod quoted;
mod sentences;
mod sieves;
mod speakers;
mod speech;
#[cfg(test)]
mod testing;
mod typing;
mod words;

use context::index::DocIndex;
use context::known::Known;
pub use context::Ranked;
pub use cues::Cues;
pub use model::{Method, Paragraph, Quote, QuoteInput, QuoteKind, Speaker};
pub use sieves::rank::FEATURES as SPEAKER_FEATURES;
pub use speech::FEATURES as SPEECH_FEATURES;
pub use typing::{TypeWords, WordSign, DEFAULT_TYPE_WORDS};

/// The position of `name` in `names`, usable when compiling: the speech
/// classifier and the speaker ranker name their features in a list and
/// set them by name, with the index found at compile time.
const fn position_of(names: &[&str], name: &str) -> Option<usize> {
    let mut i = 0;
    while i < names.len() {
        let (a, b) = (names[i].as_bytes(), name.as_bytes());
        if a.len() == b.len() {
            let mut k = 0;
            while k < a.len() && a[k] == b[k] {
                k += 1;
            }
            if k == a.len() {
                return Some(i);
            }
        }
        i += 1;
    }
    None
}

/// Finds the quotes of a document, in text order.
///
/// Two passes: the first collects the names the document cites its speakers
/// by (`kata Anita`, `Agus menambahkan`), which the second uses to cut titles
/// and organizations off full names and to resolve enclitics and pronouns to
/// unlisted people.
pub fn extract(input: &QuoteInput) -> Vec<Quote> {
    passes(input, false).0
}

/// Both passes; `record` keeps the candidates each quoted span's ranking
/// weighed (a plain run keeps none).
fn passes(input: &QuoteInput, record: bool) -> (Vec<Quote>, Vec<Ranked>) {
    let doc = DocIndex::build(input);
    let (first, doc) = pass::first(input, doc, record);
    let known = Known::from_quotes(&first.quotes, input.cues);
    if known.is_empty() {
        // Nothing learnt: the second pass would repeat the first exactly.
        return (first.quotes, first.ranked);
    }
    pass::second(input, known, doc, record, first)
}

/// Like [`extract`], with the candidates the speaker ranker weighed for
/// each quote (English quoted spans with a candidate; else `None`), for
/// refitting its weights.
pub fn extract_ranked(input: &QuoteInput) -> (Vec<Quote>, Vec<Option<Ranked>>) {
    let (quotes, ranked) = passes(input, true);
    // A quote starts where its span's text does, or after a transcript's
    // label: the last span starting at or before it, in its paragraph.
    let mut by_start: std::collections::BTreeMap<usize, Ranked> =
        ranked.into_iter().map(|r| (r.start, r)).collect();
    let aligned = quotes
        .iter()
        .map(|q| {
            if q.kind == QuoteKind::Indirect {
                return None;
            }
            let p = input.paragraphs[q.paragraph].start;
            let (&start, _) = by_start.range(p..=q.start).next_back()?;
            by_start.remove(&start)
        })
        .collect();
    (quotes, aligned)
}

#[cfg(test)]
mod tests;
