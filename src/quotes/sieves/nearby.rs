//! Candidates no rule vouches for, offered to the ranker only (English):
//! the speaker of the last quote within two paragraphs ("Smith says …"
//! then a quote with no cue), and the person named last before the quote
//! in its paragraph or the one before. They are features' material, never
//! a rule's verdict: Indonesian text, ruled first-candidate-wins, never
//! sees them.

use super::{Candidate, QuotedSpan};
use crate::gazetteer::EntityType;
use crate::quotes::context::Context;
use crate::quotes::model::Method;

/// How many paragraphs back a nearby speaker may stand.
const BACK: usize = 2;

/// The speaker of the last quote with one, within [`BACK`] paragraphs.
pub fn previous_speaker(cx: &Context, q: &QuotedSpan) -> Option<Candidate> {
    let prev = cx
        .quotes()
        .iter()
        .rev()
        .take_while(|p| p.paragraph + BACK >= q.paragraph)
        .filter(|p| p.method != Some(Method::Nearby))
        .find_map(|p| p.speaker.as_ref())?;
    Some(Candidate {
        speaker: Some(prev.clone()),
        cue: String::new(),
        method: Method::Nearby,
    })
}

/// The listed person named last before the quote's sentence, in its
/// paragraph or the one before (outside quotation marks). The people of
/// the quote's own sentence are the rules' to weigh (the cue's, the
/// subject): one named there after the subject is mostly an object.
pub fn last_person(cx: &Context, q: &QuotedSpan) -> Option<Candidate> {
    let paragraphs = cx.input().paragraphs;
    let from = paragraphs[q.paragraph.saturating_sub(1)].start;
    let ms = cx.input().mentions;
    let end = ms.partition_point(|m| m.end <= q.sentence_start);
    let m = ms[..end]
        .iter()
        .rev()
        .take_while(|m| m.start >= from)
        .find(|m| cx.entity_kind(m) == EntityType::Person && !cx.in_marks(m.start))?;
    Some(Candidate {
        speaker: Some(cx.speaker_of(m)),
        cue: String::new(),
        method: Method::Nearby,
    })
}

#[cfg(test)]
mod tests {
    use super::{last_person, previous_speaker};
    use crate::quotes::model::Method;
    use crate::quotes::testing::{person, said, Fixture};

    #[test]
    fn the_last_speaker_within_two_paragraphs() {
        let f = Fixture::new(
            "“The plan is ready for the vote,” said Dewi Lestari.\nThe vote is on Monday.\n“We are ready for the vote.”\nThe weather was fine.\nIt rained.\nThe road was wet.\n“Nothing more.”",
            &[],
        );
        assert_eq!(
            f.propose(previous_speaker, "We are ready"),
            said("Dewi Lestari", Method::Nearby)
        );
        assert_eq!(f.propose(previous_speaker, "Nothing more"), None);
    }

    #[test]
    fn not_a_person_named_in_the_quotes_own_sentence() {
        let f = Fixture::new(
            "Tom Hale spoke on Monday.\nDewi Lestari praised Anna Berg for what she called “a brave choice.”",
            &[person("Tom Hale"), person("Dewi Lestari"), person("Anna Berg")],
        );
        assert_eq!(
            f.propose(last_person, "a brave"),
            said("Tom Hale", Method::Nearby)
        );
    }

    #[test]
    fn the_person_named_last_before_the_quote() {
        let f = Fixture::new(
            "Tom Hale met Dewi Lestari in the town of Bandung.\n“The talks went well,” the statement read.",
            &[person("Tom Hale"), person("Dewi Lestari")],
        );
        assert_eq!(
            f.propose(last_person, "The talks"),
            said("Dewi Lestari", Method::Nearby)
        );
    }
}
