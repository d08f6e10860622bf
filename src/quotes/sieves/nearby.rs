//! Candidates no rule vouches for, offered to the ranker only (English):
//! the speaker of the last quote within two paragraphs ("Smith says …"
//! then a quote with no cue), the person named last before the quote in
//! its paragraph or the one before, the person who is the subject of a
//! reporting verb in the quote's sentence, and the people named nearest the
//! quote there (listed, or typed a person by the tagger). They are
//! features' material, never a rule's verdict: Indonesian text, ruled
//! first-candidate-wins, never sees them.

use super::{clause, Candidate, QuotedSpan};
use crate::gazetteer::EntityType;
use crate::quotes::context::Context;
use crate::quotes::model::{Method, Speaker};

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

/// The person named as the subject of a reporting verb in the quote's
/// sentence, outside its marks, appositions skipped (`“…,” Ana Ruiz (D-Ore.),
/// a panel member, said`): the verb nearest the quote.
pub fn cue_subject(cx: &Context, q: &QuotedSpan) -> Option<Candidate> {
    let pi = q.paragraph;
    let toks = cx.toks(pi);
    let &(from, to) = cx
        .sentences(pi)
        .iter()
        .find(|s| s.0 <= q.span.open && q.span.open < s.1)?;
    let (first, last) = (cx.tok_at(pi, from), cx.tok_at(pi, to));
    let away = |c: usize| {
        let b = toks[c].start;
        if b < q.span.open {
            q.span.open - b
        } else {
            b - q.span.close
        }
    };
    let outside = |c: usize| {
        let b = toks[c].start;
        (b < q.span.open || b >= q.span.close) && !cx.in_marks(b)
    };
    let mut verbs: Vec<usize> = (first..last).filter(|&c| outside(c)).collect();
    verbs.sort_by_key(|&c| away(c));
    verbs.into_iter().find_map(|c| {
        let end = clause::subject_end(cx, pi, c)?;
        let start = cx.window_start(pi, first, end);
        if clause::after_preposition(cx, pi, start) {
            return None;
        }
        let s = cx.choose(pi, start, end)?;
        (s.kind == EntityType::Person).then(|| Candidate {
            speaker: Some(s),
            cue: String::new(),
            method: Method::Nearby,
        })
    })
}

/// How many of the people named nearest a quote are offered.
const NEAREST: usize = 3;

/// The people named nearest the quote (either side, outside quotation
/// marks) in its paragraph or the one before, nearest first: listed
/// persons and names the tagger types a person, one candidate per name.
pub fn nearest_people(cx: &Context, q: &QuotedSpan) -> Vec<Candidate> {
    let paragraphs = cx.input().paragraphs;
    let (from, to) = (
        paragraphs[q.paragraph.saturating_sub(1)].start,
        paragraphs[q.paragraph].end,
    );
    let away = |start: usize, end: usize| {
        if start < q.span.open {
            q.span.open.saturating_sub(end)
        } else {
            start.saturating_sub(q.span.close)
        }
    };
    let outside =
        |start: usize| (start < q.span.open || start >= q.span.close) && !cx.in_marks(start);
    let ms = cx.input().mentions;
    let listed = ms[ms.partition_point(|m| m.start < from)..]
        .iter()
        .take_while(|m| m.start < to)
        .filter(|m| outside(m.start) && cx.entity_kind(m) == EntityType::Person)
        .map(|m| (m.start, m.end, cx.speaker_of(m)));
    let names = cx.input().names;
    let tagged = names[names.partition_point(|n| n.start < from)..]
        .iter()
        .take_while(|n| n.start < to)
        .filter(|n| n.kind == EntityType::Person && outside(n.start))
        .filter_map(|n| {
            let surface = cx.without_roles(&cx.text()[n.start..n.end]);
            cx.unlisted(surface, n.end - surface.len())
                .filter(|s| cx.plausible_person(s))
                .map(|s| (n.start, n.end, s))
        });
    let mut found: Vec<(usize, usize, Speaker)> = listed.chain(tagged).collect();
    found.sort_by_key(|(start, end, s)| (away(*start, *end), s.name.clone()));
    let mut out: Vec<Candidate> = Vec::new();
    for (_, _, s) in found {
        if out.len() == NEAREST {
            break;
        }
        if out
            .iter()
            .all(|c| c.speaker.as_ref().is_some_and(|o| o.name != s.name))
        {
            out.push(Candidate {
                speaker: Some(s),
                cue: String::new(),
                method: Method::Nearby,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{cue_subject, last_person, nearest_people, previous_speaker};
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

    #[test]
    fn the_subject_of_the_sentences_verb_past_its_appositions() {
        let f = Fixture::new(
            "Tom Hale spoke on Monday.\n“The bridge opens in May,” Ana Ruiz (D-Ore.), a member of the roads panel, said on Monday.\n“It is late,” the report by Tom Hale said.",
            &[person("Tom Hale"), person("Ana Ruiz")],
        );
        assert_eq!(
            f.propose(cue_subject, "The bridge"),
            said("Ana Ruiz", Method::Nearby)
        );
        // The report speaks, not the person named inside its subject.
        assert_eq!(f.propose(cue_subject, "It is late"), None);
    }

    #[test]
    fn the_people_named_nearest_either_side_one_each() {
        let f = Fixture::new(
            "Tom Hale met Dewi Lestari and Tom Hale in Bandung on Monday.\n“The talks went well” was what Anna Berg wrote.",
            &[person("Tom Hale"), person("Dewi Lestari"), person("Anna Berg")],
        );
        let names: Vec<String> = f.on_span("The talks", |cx, q| {
            nearest_people(cx, q)
                .into_iter()
                .map(|c| c.speaker.unwrap().name)
                .collect()
        });
        assert_eq!(names, ["Anna Berg", "Tom Hale", "Dewi Lestari"]);
    }
}
