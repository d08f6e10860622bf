//! Sieve: a direct quote with no cue of its own, opening its paragraph or
//! following a quote of the same paragraph, continues the quote before:
//! same speaker, when nobody else is named between the two.

use super::{Candidate, QuotedSpan};
use crate::gazetteer::EntityType;
use crate::quotes::context::Context;
use crate::quotes::model::{Method, QuoteKind, Speaker};

pub fn propose(cx: &Context, q: &QuotedSpan) -> Option<Candidate> {
    let (pi, span) = (q.paragraph, q.span);
    let text = cx.text();
    let p = cx.input().paragraphs[pi];
    let before = text[p.start..span.open].trim();
    // An indirect quote right before, in the same paragraph, counts too:
    // "…, Schiff said. “…”".
    let quotes = cx.quotes();
    let last_any = quotes
        .last()
        .filter(|q| q.kind == QuoteKind::Indirect && q.paragraph == pi);
    let prev = last_any.or_else(|| quotes.iter().rev().find(|q| q.kind != QuoteKind::Indirect))?;
    let same_para = prev.paragraph == pi;
    let next_para = prev.paragraph + 1 == pi && before.is_empty();
    if !(same_para || next_para) || q.kind != QuoteKind::Direct {
        return None;
    }
    // People named in the rest of the previous quote's sentence describe
    // its speaker ("…,” said Kenneth Baer, a former Obama administration
    // official. “…”): not in between.
    let from = cx
        .doc()
        .sentences(prev.paragraph)
        .iter()
        .find(|s| s.0 <= prev.end && prev.end < s.1)
        .map_or(prev.end, |s| s.1.clamp(prev.end, span.open));
    // A speaker only the ranker guessed is not carried on by rule.
    let s = prev
        .speaker
        .as_ref()
        .filter(|_| prev.method != Some(Method::Nearby))
        .filter(|s| !other_person_between(cx, s, from, span.open))?;
    Some(Candidate {
        speaker: Some(s.clone()),
        cue: String::new(),
        method: Method::Continuation,
    })
}

/// Is a person other than `s` named (outside quotes) in `from..to`?
fn other_person_between(cx: &Context, s: &Speaker, from: usize, to: usize) -> bool {
    let ms = cx.input().mentions;
    let i = ms.partition_point(|m| m.start < from);
    ms[i..].iter().take_while(|m| m.end <= to).any(|m| {
        cx.entity_kind(m) == EntityType::Person
            && Some(m.entity) != s.entity
            && !cx.in_quote(m.start)
    })
}

#[cfg(test)]
mod tests {
    use super::propose;
    use crate::quotes::model::Method;
    use crate::quotes::testing::{person, said, Fixture};

    #[test]
    fn a_quote_with_no_cue_continues_the_quote_before() {
        let f = Fixture::new(
            "“Kami siap,” kata Dewi Lestari. “Kami juga kuat sekali.”\n“Semua sudah diatur dengan baik.”",
            &[],
        );
        assert_eq!(
            f.propose(propose, "Kami juga"),
            said("Dewi Lestari", Method::Continuation)
        );
        assert_eq!(
            f.propose(propose, "Semua"),
            said("Dewi Lestari", Method::Continuation)
        );
    }

    #[test]
    fn not_when_another_person_is_named_between() {
        let f = Fixture::new(
            "“Kami siap,” kata Dewi Lestari. Budi Santoso tersenyum. “Kami juga kuat sekali.”",
            &[person("Budi Santoso")],
        );
        assert_eq!(f.propose(propose, "Kami juga"), None);
    }

    #[test]
    fn not_after_a_paragraph_between_nor_for_a_partial_quote() {
        let f = Fixture::new(
            "“Kami siap,” kata Dewi Lestari.\nHujan turun.\n“Semua sudah diatur dengan baik.”\nIa menyebutnya “aman”.",
            &[],
        );
        assert_eq!(f.propose(propose, "Semua"), None);
        assert_eq!(f.propose(propose, "aman"), None);
    }
}
