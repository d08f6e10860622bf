//! The sieves that find the speaker of a quoted span, in the order they
//! run (most certain first):
//!
//! 1. [`transcript`]: `"PENCE: Well, …"`: the label names the speaker;
//! 2. [`cue_after`]: a cue after the closing mark: `“…,” kata Retno`;
//! 3. [`next_paragraph_cue`]: the cue opens the next paragraph: `”⏎katanya`;
//! 4. [`cue_before`]: a cue before the opening mark: `Retno said: “…”`;
//! 5. [`colon_paragraph`]: `Retno continued:` ending the paragraph before;
//! 6. [`continuation`]: the speaker of the quote right before;
//! 7. [`sentence_subject`]: a partial quote: who the sentence is about.
//!
//! Each sieve reads the [`Context`] (never writes it) and proposes a
//! [`Candidate`]: a speaker (or none it can name: `katanya` with no one
//! before), the cue and its [`Method`]. The first candidate wins and the
//! sieves after it are not run ([`choose`]).
//!
//! To add a sieve: write `sieves/NAME.rs` with `pub fn propose(cx:
//! &Context, q: &QuotedSpan) -> Option<Candidate>` and its unit tests (see
//! `quotes/testing.rs`), and put it in [`SIEVES`] at its rank.

mod clause;
mod colon_paragraph;
mod continuation;
mod cue_after;
mod cue_before;
mod nearby;
mod next_paragraph_cue;
pub mod rank;
mod sentence_subject;
mod transcript;

pub use transcript::transcript_label;

use super::context::{Context, Ranked};
use super::marks::Span;
use super::model::{Method, QuoteKind, Speaker};
use crate::gazetteer::EntityType;

/// A quoted span to attribute.
pub struct QuotedSpan<'s> {
    /// Its paragraph.
    pub paragraph: usize,
    pub span: &'s Span,
    pub kind: QuoteKind,
    /// Where its sentence starts (bytes).
    pub sentence_start: usize,
}

/// What a sieve proposes: who said the quote (`None`: a speaker the rule
/// stands for but cannot name), the cue as written, and the rule.
pub struct Candidate {
    pub speaker: Option<Speaker>,
    pub cue: String,
    pub method: Method,
}

/// A sieve: proposes the attribution of a quoted span, or nothing.
pub type Sieve = fn(&Context, &QuotedSpan) -> Option<Candidate>;

/// The sieves for quoted spans, in the order they run.
pub const SIEVES: &[Sieve] = &[
    transcript::propose,
    cue_after::propose,
    next_paragraph_cue::propose,
    cue_before::propose,
    colon_paragraph::propose,
    continuation::propose,
    sentence_subject::propose,
];

/// Candidates offered to the ranker only (English), after the sieves': no
/// rule vouches for them. The people named nearest the quote
/// ([`nearby::nearest_people`]) follow these.
pub const RANKED_ONLY: &[Sieve] = &[
    nearby::previous_speaker,
    nearby::last_person,
    nearby::cue_subject,
];

/// The attribution of a quoted span: the candidate [`choose`] picks among
/// the sieves' proposals.
pub fn attribute(cx: &Context, q: &QuotedSpan) -> Option<Candidate> {
    if !cx.input().english {
        return choose(SIEVES.iter().filter_map(|propose| propose(cx, q)));
    }
    let mut found: Vec<(usize, Candidate)> = SIEVES
        .iter()
        .chain(RANKED_ONLY)
        .enumerate()
        .filter_map(|(i, propose)| propose(cx, q).map(|c| (i, c)))
        .collect();
    let nearest = SIEVES.len() + RANKED_ONLY.len();
    found.extend(
        nearby::nearest_people(cx, q)
            .into_iter()
            .map(|c| (nearest, c)),
    );
    if found.is_empty() {
        return None;
    }
    // A rule PolNeAR train holds too few quotes of to weigh (a transcript's
    // label, an organization or a statement named by its noun) keeps its
    // verdict.
    if found
        .first()
        .is_some_and(|(s, c)| *s < SIEVES.len() && ruled_alone(c.method))
    {
        return found.into_iter().next().map(|(_, c)| c);
    }
    // `she said` stands for a person: no place competes for the quote.
    if found.first().is_some_and(|(s, c)| {
        *s < SIEVES.len() && matches!(c.method, Method::Pronoun | Method::Enclitic)
    }) {
        found.retain(|(_, c)| {
            !c.speaker
                .as_ref()
                .is_some_and(|s| matches!(s.kind, EntityType::Location | EntityType::Country))
        });
    }
    let feats = rank::featurize(cx, q, &found);
    cx.record(|| Ranked {
        start: q.span.inner_start,
        features: feats.iter().map(|f| f.to_vec()).collect(),
        speakers: found
            .iter()
            .map(|(_, c)| c.speaker.as_ref().map(|s| s.name.clone()))
            .chain([None])
            .collect(),
        speech: Vec::new(),
    });
    // "Nobody" is the last candidate: it wins where every other scores
    // lower (with the rules' weights, wherever no rule fired).
    let pick = rank::best(&cx.input().cues.speaker_weights(), &feats);
    if pick == found.len() {
        return None;
    }
    // A speaker a rule names too keeps that rule's cue and method.
    let chosen = found[pick].1.speaker.as_ref().map(|s| &s.name);
    let pick = found
        .iter()
        .position(|(s, c)| *s < SIEVES.len() && c.speaker.as_ref().map(|s| &s.name) == chosen)
        .filter(|_| found[pick].0 >= SIEVES.len())
        .unwrap_or(pick);
    found.into_iter().nth(pick).map(|(_, c)| c)
}

/// Is `m` a rule whose candidate the ranker does not weigh?
fn ruled_alone(m: Method) -> bool {
    matches!(
        m,
        Method::Transcript | Method::Organization | Method::Statement
    )
}

/// Picks the attribution among candidates given in sieve order: the first.
/// The iterator is lazy, so the sieves after the first candidate never run.
fn choose(mut candidates: impl Iterator<Item = Candidate>) -> Option<Candidate> {
    candidates.next()
}

#[cfg(test)]
mod tests {
    use super::{attribute, continuation, cue_after};
    use crate::quotes::model::Method;
    use crate::quotes::testing::{person, said, Fixture};

    #[test]
    fn the_first_sieve_with_a_candidate_wins() {
        let f = Fixture::new(
            "“Kami siap,” kata Dewi Lestari. “Kami juga kuat,” kata Tom Hale.",
            &[],
        );
        // Both sieves have a candidate; cue-after runs first.
        assert_eq!(
            f.propose(continuation::propose, "Kami juga"),
            said("Dewi Lestari", Method::Continuation)
        );
        assert_eq!(
            f.propose(cue_after::propose, "Kami juga"),
            said("Tom Hale", Method::CueAfter)
        );
        assert_eq!(
            f.propose(attribute, "Kami juga"),
            said("Tom Hale", Method::CueAfter)
        );
    }

    const TWO_SPEAKERS: &str =
        "“We are ready for the vote,” said Dewi Lestari. “We are strong too,” said Tom Hale.";

    #[test]
    fn english_candidates_are_ranked_by_the_weights() {
        let rules = Fixture::new(TWO_SPEAKERS, &[]).with_speaker_weights(&[("first", 1.0)]);
        assert_eq!(
            rules.propose(attribute, "We are strong"),
            said("Tom Hale", Method::CueAfter)
        );
        let later = Fixture::new(TWO_SPEAKERS, &[])
            .with_speaker_weights(&[("first", 1.0), ("sieve-continuation", 2.0)]);
        assert_eq!(
            later.propose(attribute, "We are strong"),
            said("Dewi Lestari", Method::Continuation)
        );
    }

    const NO_CUE: &str = "Dewi Lestari spoke first at the meeting.\n“We are ready for the vote.”";

    #[test]
    fn a_nearby_name_fills_a_quote_no_rule_attributes_only_when_it_outscores_nobody() {
        let rules = Fixture::new(NO_CUE, &[person("Dewi Lestari")])
            .with_speaker_weights(&[("first", 1.0), ("nobody", 0.5)]);
        assert_eq!(rules.propose(attribute, "We are ready"), None);
        let fitted = Fixture::new(NO_CUE, &[person("Dewi Lestari")])
            .with_speaker_weights(&[("nearby-last-person", 1.0), ("nobody", 0.5)]);
        assert_eq!(
            fitted.propose(attribute, "We are ready"),
            said("Dewi Lestari", Method::Nearby)
        );
    }

    #[test]
    fn nobody_wins_when_every_candidate_is_weak() {
        // The pronoun rule names Dewi Lestari, but far from the quote.
        let text =
            "Dewi Lestari arrived on Monday at the hall.\nShe said: “We are ready for the vote.”";
        let weights = [("first", 1.0), ("pronoun", -2.0), ("nobody", 0.5)];
        let f = Fixture::new(text, &[person("Dewi Lestari")]).with_speaker_weights(&weights);
        assert_eq!(f.propose(attribute, "We are ready"), None);
        let f = Fixture::new(text, &[person("Dewi Lestari")])
            .with_speaker_weights(&[("first", 1.0), ("nobody", 0.5)]);
        assert_eq!(
            f.propose(attribute, "We are ready"),
            said("Dewi Lestari", Method::Pronoun)
        );
    }

    #[test]
    fn a_speaker_a_rule_names_too_keeps_the_rule() {
        // The pronoun rule and the nearby candidate both name Dewi Lestari.
        let f = Fixture::new(
            "Dewi Lestari arrived on Monday at the hall.\nShe said: “We are ready for the vote.”",
            &[person("Dewi Lestari")],
        )
        .with_speaker_weights(&[("nearby-last-person", 2.0)]);
        assert_eq!(
            f.propose(attribute, "We are ready"),
            said("Dewi Lestari", Method::Pronoun)
        );
    }

    #[test]
    fn indonesian_text_keeps_the_first_candidate_whatever_the_weights() {
        let f = Fixture::new(
            "“Kami siap,” kata Dewi Lestari. “Kami juga kuat,” kata Tom Hale.",
            &[],
        )
        .with_speaker_weights(&[("sieve-continuation", 5.0), ("nobody", 9.0)]);
        assert_eq!(
            f.propose(attribute, "Kami juga"),
            said("Tom Hale", Method::CueAfter)
        );
    }

    #[test]
    fn a_candidate_without_a_speaker_is_kept() {
        // `katanya` with nobody before: the enclitic's candidate names no
        // one, and the quote keeps its cue and method.
        let f = Fixture::new("Hujan turun sejak pagi.\n“Kami juga kuat,” katanya.", &[]);
        assert_eq!(
            f.propose(attribute, "Kami juga"),
            said("", Method::Enclitic)
        );
    }
}
