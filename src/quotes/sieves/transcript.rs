//! Sieve: a transcript's label names the speaker: `"PENCE: Well, look, …"`
//! (the label is cut off the quote).

use super::{Candidate, QuotedSpan};
use crate::gazetteer::EntityType;
use crate::quotes::context::Context;
use crate::quotes::model::{Method, Speaker};

pub fn propose(cx: &Context, q: &QuotedSpan) -> Option<Candidate> {
    let span = q.span;
    let (_, label) = transcript_label(&cx.text()[span.inner_start..span.inner_end])?;
    Some(Candidate {
        speaker: label_speaker(cx, label, span.open),
        cue: format!("{label}:"),
        method: Method::Transcript,
    })
}

/// The speaker a transcript's label names: the listed person whose name
/// ends with it (`PENCE` -> `Mike Pence`), else the fullest name the
/// document gives, else the label (nobody when the label names nobody).
fn label_speaker(cx: &Context, label: &str, pos: usize) -> Option<Speaker> {
    let last = label.split_whitespace().last().unwrap_or(label);
    let listed = cx.input().mentions.iter().find(|m| {
        cx.entity_kind(m) == EntityType::Person
            && cx.input().entities[m.entity as usize]
                .name
                .split_whitespace()
                .last()
                .is_some_and(|w| w.to_lowercase() == last.to_lowercase())
    });
    if let Some(m) = listed {
        return Some(Speaker {
            surface: label.to_string(),
            ..cx.speaker_of(m)
        });
    }
    let titled: Vec<String> = label
        .split_whitespace()
        .map(|w| {
            let mut c = w.chars();
            c.next().map_or(String::new(), |f| {
                f.to_uppercase()
                    .chain(c.flat_map(char::to_lowercase))
                    .collect()
            })
        })
        .collect();
    Some(Speaker {
        surface: label.to_string(),
        ..cx.unlisted(&titled.join(" "), pos)?
    })
}

/// A transcript's speaker label opening a quote (`PENCE: Well, …`, `SEN.
/// JOHN DOE: …`): one to three words in capitals, three letters or more in
/// all, then a colon and a space. Returns the length of the label with its
/// colon and space, and the label.
pub fn transcript_label(inner: &str) -> Option<(usize, &str)> {
    const NOT_SPEAKERS: &[&str] = &[
        "NOTE",
        "UPDATE",
        "CORRECTION",
        "VIDEO",
        "WATCH",
        "READ",
        "PHOTO",
    ];
    let colon = inner.find(": ")?;
    let label = &inner[..colon];
    let words: Vec<&str> = label.split(' ').collect();
    let letters = label.chars().filter(|c| c.is_alphabetic()).count();
    let ok = (1..=3).contains(&words.len())
        && letters >= 3
        && words.iter().all(|w| {
            w.chars().any(char::is_alphabetic)
                && w.chars()
                    .all(|c| c.is_uppercase() || matches!(c, '.' | '-' | '\'' | '’'))
        })
        && !words.iter().any(|w| NOT_SPEAKERS.contains(w));
    ok.then_some((colon + 2, label))
}

#[cfg(test)]
mod tests {
    use super::propose;
    use crate::quotes::model::Method;
    use crate::quotes::testing::{person, said, Fixture};

    #[test]
    fn a_label_names_the_listed_person_whose_name_ends_with_it() {
        let f = Fixture::new(
            "Rudi Hartono spoke last.\n\"HARTONO: We will win this race.\"",
            &[person("Rudi Hartono")],
        );
        assert_eq!(
            f.propose(propose, "HARTONO"),
            said("Rudi Hartono", Method::Transcript)
        );
    }

    #[test]
    fn an_unlisted_label_is_the_speaker_in_title_case() {
        let f = Fixture::new("\"SEN. MARA DELL: We will win.\"", &[]);
        assert_eq!(
            f.propose(propose, "SEN"),
            said("Sen. Mara Dell", Method::Transcript)
        );
    }

    #[test]
    fn notes_and_lowercase_openings_are_no_labels() {
        let f = Fixture::new("\"NOTE: the vote was moved.\" \"Dell: we will win.\"", &[]);
        assert_eq!(f.propose(propose, "NOTE"), None);
        assert_eq!(f.propose(propose, "Dell"), None);
    }
}
