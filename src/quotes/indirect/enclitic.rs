//! Reported speech before an enclitic after a comma: `…, ujarnya.`, `…,
//! he said.`: said by the speaker the enclitic stands for.

use super::{Content, Cue, Sentence, Step};
use crate::quotes::gender::cue_gender;
use crate::quotes::model::Method;
use std::ops::ControlFlow;

pub fn at(s: &Sentence, cue: &Cue) -> Step {
    if !cue.comma_before {
        return ControlFlow::Continue(());
    }
    let at = s.toks[cue.at].start;
    let cp = cue.comma.unwrap_or(at);
    let speaker = s.cx.subject_person(at, cue_gender(cue.text));
    let content = Content {
        start: s.start,
        end: cp,
    };
    s.end_with(content, speaker, cue, Some(Method::Enclitic))
}

#[cfg(test)]
mod tests {
    use crate::quotes::model::Method;
    use crate::quotes::testing::{person, reported, Fixture};

    #[test]
    fn content_before_the_comma_said_by_the_last_speaker() {
        let f = Fixture::new(
            "Dewi Lestari datang pagi itu.\nJalan itu akan segera diperbaiki, ujarnya.",
            &[person("Dewi Lestari")],
        );
        assert_eq!(
            f.reported("Jalan"),
            reported(
                "Jalan itu akan segera diperbaiki",
                "Dewi Lestari",
                Some(Method::Enclitic)
            )
        );
    }

    #[test]
    fn no_comma_before_the_enclitic_gives_nothing() {
        let f = Fixture::new(
            "Dewi Lestari datang pagi itu.\nJalan itu akan segera diperbaiki ujarnya.",
            &[person("Dewi Lestari")],
        );
        assert_eq!(f.reported("Jalan"), None);
    }
}
