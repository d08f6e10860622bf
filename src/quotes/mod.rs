//! Quotes: what was said, and who said it.
//!
//! Three kinds: `direct` (a quoted utterance), `partial` (a quoted fragment
//! inside a sentence, like “upaya kudeta”) and `indirect` (reported speech
//! without marks: "X mengatakan bahwa …", "according to X, …").
//!
//! Speakers are found by ordered rules (sieves), most certain first; the rule
//! that decided is the quote's `method`:
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
//!
//! | `pronoun`, `description` | He said: “…” / “…,” the minister said |
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
//! method. Quotes in a title are not speech.
//!
//! Names: titles, organizations and places are cut off the front of a name
//! (`Kepala Dinas Kesehatan Kota Bandung Rina Wulandari` -> `Rina
//! Wulandari`), and a name given only in part takes the fullest form the
//! document gives; when it gives several (`Ted Cruz`, `Rafael Cruz`), the
//! one quoted last before, else named last before. The extractor runs twice: the first pass learns the
//! names the document cites people by (`kata Agus`), which the second uses
//! to find where a full name starts and to resolve enclitics to people no
//! gazetteer lists.

pub mod cues;
mod indirect;
pub mod marks;
mod model;
mod sentences;
mod speaker;

use crate::gazetteer::EntityType;
pub use cues::Cues;
use marks::Span;
pub use model::{Method, Paragraph, Quote, QuoteInput, QuoteKind, Speaker};

/// Finds the quotes of a document, in text order.
///
/// Two passes: the first collects the names the document cites its speakers
/// by (`kata Anita`, `Agus menambahkan`), which the second uses to cut titles
/// and organizations off full names and to resolve enclitics and pronouns to
/// unlisted people.
pub fn extract(input: &QuoteInput) -> Vec<Quote> {
    let doc = speaker::DocIndex::build(input);
    let (first, doc) = run(input, speaker::Known::default(), doc);
    let known = speaker::Known::from_quotes(&first, input.cues);
    if known.is_empty() {
        // Nothing learnt: the second pass would repeat the first exactly.
        return first;
    }
    run(input, known, doc).0
}

fn run<'a>(
    input: &'a QuoteInput<'a>,
    known: speaker::Known,
    doc: speaker::DocIndex<'a>,
) -> (Vec<Quote>, speaker::DocIndex<'a>) {
    let mut ex = speaker::Extractor::new(input, known, doc);
    for (pi, p) in input.paragraphs.iter().enumerate() {
        if p.title {
            continue;
        }
        let spans = ex.doc_spans(pi).to_vec();
        let sents = ex.sentences(pi).to_vec();
        let first = ex.quotes.len();
        for span in &spans {
            quoted(&mut ex, pi, span, &sents);
        }
        indirect::find(&mut ex, pi, &spans, &sents);
        ex.quotes[first..].sort_by_key(|q| q.start);
        ex.paragraph_done();
    }
    ex.finish()
}

/// Classifies and attributes one quoted span.
fn quoted(ex: &mut speaker::Extractor, pi: usize, span: &Span, sents: &[(usize, usize)]) {
    let text = ex.input.text;
    let p = ex.input.paragraphs[pi];
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
        || ex.ends_with_cue(sent_start, span.open);
    let kind = if before_is_lead && (ends_punct || words >= 4 || !span.closed) {
        QuoteKind::Direct
    } else {
        QuoteKind::Partial
    };
    let found = ex.attribute_quoted(pi, span, kind, sent_start);
    // A transcript's label is not part of what was said.
    let start = match &found {
        Some(f) if f.method == Method::Transcript => {
            let label = speaker::transcript_label(&text[span.inner_start..span.inner_end]);
            span.inner_start + label.map_or(0, |l| l.0)
        }
        _ => span.inner_start,
    };
    let (speaker, cue, method) = match found {
        Some(f) => (f.speaker, f.cue, Some(f.method)),
        // A title in quotes (“Fox and Friends”, “The Art of the Deal”),
        // with no one saying it, is not speech.
        None if is_title(inner) => return,
        None => (None, String::new(), None),
    };
    ex.quotes.push(Quote {
        start,
        end: span.inner_end,
        kind,
        paragraph: pi,
        speaker,
        cue,
        method,
    });
}

/// Does a quoted text read like the title of a work or a show: two words or
/// more, each capitalised but for short function words (`of`, `the`, `and`)?
fn is_title(inner: &str) -> bool {
    static SMALL: std::sync::LazyLock<rustc_hash::FxHashSet<&str>> =
        std::sync::LazyLock::new(|| {
            [
                "a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by",
                "from", "is", "are", "it", "dan", "di", "ke", "dari", "yang", "untuk",
            ]
            .into_iter()
            .collect()
        });
    let words: Vec<&str> = inner
        .split(|c: char| c.is_whitespace())
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    // An exclamation or a question is said, not a title ("U-S-A! U-S-A!").
    !inner.trim_end().ends_with(['!', '?'])
        && words.len() >= 2
        && words
            .iter()
            .filter(|w| w.chars().any(char::is_alphabetic))
            .count()
            >= 2
        && words.iter().all(|w| {
            SMALL.contains(w)
                || w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
        && !words.iter().all(|w| SMALL.contains(w))
}

/// A guess of the type of a speaker that no gazetteer lists.
pub(crate) fn guess_type(name: &str) -> EntityType {
    static ORG_WORDS: std::sync::LazyLock<rustc_hash::FxHashSet<&str>> =
        std::sync::LazyLock::new(|| {
            [
                "Kementerian",
                "Ministry",
                "Department",
                "Departemen",
                "Badan",
                "Komisi",
                "Commission",
                "Partai",
                "Party",
                "Bank",
                "University",
                "Universitas",
                "Institute",
                "Institut",
                "Council",
                "Dewan",
                "Agency",
                "Office",
                "Kantor",
                "Polri",
                "Polda",
                "Polres",
                "TNI",
                "Pemerintah",
                "Government",
                "Committee",
                "Komite",
                "Association",
                "Asosiasi",
                "Lembaga",
                "Corporation",
                "Inc",
                "Ltd",
                "Group",
                "Company",
                "Foundation",
                "Yayasan",
                "Campaign",
                "Senate",
                "House",
                "Pengadilan",
                "Court",
                "Kejaksaan",
                "Kepolisian",
                "Kedutaan",
                "Embassy",
                "Kemlu",
                "KPK",
            ]
            .into_iter()
            .collect()
        });
    // (first letter, length) of the words above, as bits: most words have
    // another shape, and no hash is computed for them.
    static SHAPES: std::sync::LazyLock<[u32; 26]> = std::sync::LazyLock::new(|| {
        let mut t = [0u32; 26];
        for w in ORG_WORDS.iter() {
            let b = w.as_bytes();
            assert!(b[0].is_ascii_uppercase() && b.len() < 32, "{w}");
            t[usize::from(b[0] - b'A')] |= 1 << b.len();
        }
        t
    });
    let org_word = |w: &str| {
        let b = w.as_bytes();
        b.first().is_some_and(|&f| {
            f.is_ascii_uppercase()
                && b.len() < 32
                && SHAPES[usize::from(f - b'A')] & (1 << b.len()) != 0
        }) && ORG_WORDS.contains(&w)
    };
    if name.split_whitespace().any(org_word) {
        EntityType::Organization
    } else {
        EntityType::Person
    }
}

#[cfg(test)]
mod tests;
