//! Sieve: a cue before the opening mark, in the same sentence: `Retno
//! said: “…”`, `Kata Retno, “…”`, `Menurut X, “…”`, `…, saying “…”`.

use super::{clause, Candidate, QuotedSpan};
use crate::quotes::context::Context;
use crate::quotes::cues::CueKind;
use crate::quotes::gender::pronoun_gender;
use crate::quotes::model::{Method, Reference};

pub fn propose(cx: &Context, q: &QuotedSpan) -> Option<Candidate> {
    cue_before(cx, q.paragraph, q.sentence_start, q.span.open)
}

/// `X said: “…”` / `Kata X, “…”` / `Menurut X, “…”` / `X said the plan was “…”`.
pub fn cue_before(cx: &Context, pi: usize, sent_start: usize, open: usize) -> Option<Candidate> {
    let text = cx.input().text;
    let toks = cx.toks(pi);
    let first = cx.tok_at(pi, sent_start);
    let last = cx.tok_at(pi, open);
    // The cue nearest the quote.
    let mut nearest = true;
    for c in (first..last).rev() {
        let Some(hit) = cx.cue_at(pi, c) else {
            continue;
        };
        if hit.end > last
            || !matches!(
                hit.kind,
                CueKind::Verb | CueKind::According | CueKind::Passive
            )
        {
            continue;
        }
        let cue = text[toks[hit.start].start..toks[hit.end - 1].end].to_string();
        let is_nearest = std::mem::replace(&mut nearest, false);
        // "Trump attacked Clinton, saying, “…”": the sentence's subject;
        // "…, with Ana Ruiz calling it “…”": the name right before.
        if cue.ends_with("ing") && hit.end == hit.start + 1 {
            let right_before = || {
                let blank = || {
                    text[toks[hit.start - 1].end..toks[hit.start].start]
                        .trim()
                        .is_empty()
                };
                (hit.start > first && blank())
                    .then(|| cx.np_backward(pi, first, hit.start, open))
                    .flatten()
                    .filter(|(_, r)| *r == Reference::Name)
                    .map(|(s, _)| s)
            };
            let Some(sp) =
                right_before().or_else(|| clause::main_subject(cx, pi, first, hit.start))
            else {
                continue;
            };
            return Some(Candidate {
                speaker: Some(sp),
                cue,
                method: Method::CueBefore,
            });
        }
        let speaker = match hit.kind {
            CueKind::According | CueKind::Passive => {
                cx.np_forward(pi, hit.end).map(|s| (s, Reference::Name))
            }
            _ => cx.np_backward(pi, first, hit.start, open).or_else(|| {
                // The name after the verb speaks only where the verb
                // opens its clause (`…,” said X, “…”`), not after a
                // subject: `X praised Y for “…”`.
                let opens = hit.start == first
                    || text[toks[hit.start - 1].end..toks[hit.start].start]
                        .contains([',', ':', '"', '“', '”']);
                opens
                    .then(|| cx.np_forward(pi, hit.end))
                    .flatten()
                    .map(|s| (s, Reference::Name))
            }),
        };
        // No speaker at this cue ("X said the protests demand “…”"):
        // the cue before it. But `he` or `she` with no one of that gender
        // before, at the cue nearest the quote, names the speaker: nobody, rather than a later rule's
        // guess (genderless `ia`, `dia` are left to the later rules).
        let Some((speaker, method)) = speaker else {
            if is_nearest
                && hit.start > first
                && pronoun_gender(cx.word(toks[hit.start - 1])).is_some()
            {
                return Some(Candidate {
                    speaker: None,
                    cue,
                    method: Method::Pronoun,
                });
            }
            continue;
        };
        return Some(Candidate {
            speaker: Some(speaker),
            cue,
            method: method.method(Method::CueBefore),
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::propose;
    use crate::quotes::model::Method;
    use crate::quotes::testing::{person, said, Fixture};

    #[test]
    fn the_name_before_the_cue_speaks() {
        let f = Fixture::new(
            "Dewi Lestari mengatakan: “Kami siap menghadapi semuanya.”\nKata Tom Hale, “Kita lihat nanti.”",
            &[],
        );
        assert_eq!(
            f.propose(propose, "Kami"),
            said("Dewi Lestari", Method::CueBefore)
        );
        assert_eq!(
            f.propose(propose, "Kita"),
            said("Tom Hale", Method::CueBefore)
        );
    }

    #[test]
    fn a_pronoun_before_the_cue_stands_for_the_last_person() {
        let f = Fixture::new(
            "Dewi Lestari tiba di kantor.\nDia mengatakan: “Kami siap menghadapi semuanya.”",
            &[person("Dewi Lestari")],
        );
        assert_eq!(
            f.propose(propose, "Kami"),
            said("Dewi Lestari", Method::Pronoun)
        );
    }

    #[test]
    fn a_pronoun_after_a_reporting_verb_stands_for_its_subject_not_the_first_name() {
        // Tom Hale opens the sentence and Ana Ruiz is named last before the
        // pronoun; the one who says is Dewi Lestari.
        let f = Fixture::new(
            "With Tom Hale out of the race, Dewi Lestari said she would vote for Ana Ruiz, whom she called “a steady hand.”",
            &[person("Tom Hale"), person("Dewi Lestari"), person("Ana Ruiz")],
        );
        assert_eq!(
            f.propose(propose, "a steady"),
            said("Dewi Lestari", Method::Pronoun)
        );
    }

    #[test]
    fn a_pronoun_with_no_reporting_verb_before_it_stands_for_the_last_person() {
        let f = Fixture::new(
            "Dewi Lestari met Tom Hale on Monday.\nLater he called the plan “a steady hand.”",
            &[person("Dewi Lestari"), person("Tom Hale")],
        );
        assert_eq!(
            f.propose(propose, "a steady"),
            said("Tom Hale", Method::Pronoun)
        );
    }

    #[test]
    fn the_object_of_a_reporting_verb_does_not_speak() {
        // np_backward finds no subject past the relative clause; the name
        // after `praised` is its object, not an inverted subject.
        let f = Fixture::new(
            "Dewi Lestari, who chairs the panel that met on Monday, praised Tom Hale for his “steady hand” in the talks.",
            &[person("Dewi Lestari"), person("Tom Hale")],
        );
        assert_ne!(
            f.propose(propose, "steady hand"),
            said("Tom Hale", Method::CueBefore)
        );
        let f = Fixture::new(
            "“We are ready,” said Tom Hale, “and so is the town.”",
            &[person("Tom Hale")],
        );
        assert_eq!(
            f.propose(propose, "and so is"),
            said("Tom Hale", Method::CueBefore)
        );
    }

    #[test]
    fn a_participle_cue_is_said_by_the_clause_subject_not_a_name_after_a_preposition() {
        let f = Fixture::new(
            "In reply to Tom Hale’s remarks, Dewi Lestari attacked the plan, calling it “a costly mistake.”",
            &[person("Dewi Lestari"), person("Tom Hale")],
        );
        assert_eq!(
            f.propose(propose, "a costly"),
            said("Dewi Lestari", Method::CueBefore)
        );
        let f = Fixture::new(
            "Both leaders met on Monday, with Dewi Lestari calling the talks “a good start.”",
            &[person("Dewi Lestari")],
        );
        assert_eq!(
            f.propose(propose, "a good start"),
            said("Dewi Lestari", Method::CueBefore)
        );
    }

    #[test]
    fn an_adverb_between_the_subject_and_the_cue_is_skipped() {
        let f = Fixture::new(
            "Dewi Lestari jokingly said: “We are ready for anything.”",
            &[person("Dewi Lestari")],
        );
        assert_eq!(
            f.propose(propose, "We are ready"),
            said("Dewi Lestari", Method::CueBefore)
        );
    }

    #[test]
    fn no_cue_before_the_quote_proposes_nothing() {
        let f = Fixture::new("Dewi Lestari tersenyum: “Kami siap.”", &[]);
        assert_eq!(f.propose(propose, "Kami"), None);
    }
}
