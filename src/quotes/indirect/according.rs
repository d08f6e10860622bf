//! Reported speech at `menurut` / `according to`: `Menurut X, …` (content
//! after the next comma), `…, according to X.` (content before the comma).
//! No speaker after the cue ends the sentence's search.

use super::{Content, Cue, Sentence, Step};
use crate::quotes::model::Method;
use std::ops::ControlFlow;

pub fn at(s: &Sentence, cue: &Cue) -> Step {
    let toks = s.toks;
    let speaker = s.cx.np_forward(s.pi, cue.hit.end);
    if speaker.is_none() {
        return ControlFlow::Break(None);
    }
    let method = Some(Method::According);
    if cue.comma_before {
        let cp = cue.comma.unwrap_or(toks[cue.at].start);
        let content = Content {
            start: s.start,
            end: cp,
        };
        return s.end_with(content, speaker, cue, method);
    }
    // "Menurut X, …": content after the next comma.
    let from = toks[cue.hit.end.min(s.last - 1)].start;
    let Some(comma) = s.cx.text()[from..s.end].find(',') else {
        return ControlFlow::Break(None);
    };
    let content = Content {
        start: from + comma + 1,
        end: s.end,
    };
    s.end_with(content, speaker, cue, method)
}

#[cfg(test)]
mod tests {
    use crate::quotes::model::Method;
    use crate::quotes::testing::{reported, Fixture};

    #[test]
    fn content_after_the_comma_or_before_it() {
        let f = Fixture::new(
            "Menurut Dewi Lestari, jalan itu akan segera diperbaiki.\nThe bridge will open next spring, according to Tom Hale.",
            &[],
        );
        assert_eq!(
            f.reported("Menurut"),
            reported(
                "jalan itu akan segera diperbaiki",
                "Dewi Lestari",
                Some(Method::According)
            )
        );
        assert_eq!(
            f.reported("The bridge"),
            reported(
                "The bridge will open next spring",
                "Tom Hale",
                Some(Method::According)
            )
        );
    }

    #[test]
    fn no_name_after_the_cue_gives_nothing() {
        let f = Fixture::new("Menurut rencana, jalan itu akan segera diperbaiki.", &[]);
        assert_eq!(f.reported("Menurut"), None);
    }
}
