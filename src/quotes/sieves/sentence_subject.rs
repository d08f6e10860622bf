//! Sieve: a partial quote is said by the person or organization its
//! sentence is about: `Tokayev menjuluki demonstrasi sebagai “upaya
//! kudeta”`.

use super::{clause, Candidate, QuotedSpan};
use crate::quotes::context::Context;
use crate::quotes::model::{Method, QuoteKind};

pub fn propose(cx: &Context, q: &QuotedSpan) -> Option<Candidate> {
    if q.kind != QuoteKind::Partial {
        return None;
    }
    let pi = q.paragraph;
    let first = cx.tok_at(pi, q.sentence_start);
    let last = cx.tok_at(pi, q.span.open);
    let speaker = clause::main_subject(cx, pi, first, last)?;
    Some(Candidate {
        speaker: Some(speaker),
        cue: String::new(),
        method: Method::SentenceSubject,
    })
}

#[cfg(test)]
mod tests {
    use super::propose;
    use crate::quotes::model::Method;
    use crate::quotes::testing::{person, said, Fixture};

    #[test]
    fn a_partial_quote_is_said_by_whom_its_sentence_is_about() {
        let f = Fixture::new(
            "Dewi Lestari menyebut rencana itu “sangat berbahaya” bagi warga.",
            &[],
        );
        assert_eq!(
            f.propose(propose, "sangat"),
            said("Dewi Lestari", Method::SentenceSubject)
        );
    }

    #[test]
    fn a_name_after_a_preposition_or_before_a_possessive_is_not_the_subject() {
        let f = Fixture::new(
            "After a call from Tom Hale, Dewi Lestari described the plan as “very risky” for the town.",
            &[person("Tom Hale"), person("Dewi Lestari")],
        );
        assert_eq!(
            f.propose(propose, "very risky"),
            said("Dewi Lestari", Method::SentenceSubject)
        );
        let f = Fixture::new(
            "Tom Hale’s aides say Dewi Lestari called the plan “very risky” for the town.",
            &[person("Tom Hale"), person("Dewi Lestari")],
        );
        assert_eq!(
            f.propose(propose, "very risky"),
            said("Dewi Lestari", Method::SentenceSubject)
        );
    }

    #[test]
    fn a_direct_quote_or_a_sentence_naming_nobody_gives_nothing() {
        let f = Fixture::new(
            "Dewi Lestari berkata: “Kami siap menghadapi semuanya.”\nRencana itu disebut “sangat berbahaya” oleh warga.",
            &[],
        );
        assert_eq!(f.propose(propose, "Kami"), None);
        assert_eq!(f.propose(propose, "sangat"), None);
    }
}
