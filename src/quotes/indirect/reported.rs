//! Reported speech at a reporting verb: `X mengatakan (bahwa) …`, `X said
//! (that) …` (content after the cue); `…, X said.`, `…, said Obama.`
//! (content before the comma); `Sources said …`, `…, a campaign aide said.`
//! (a source that names nobody: no speaker).

use super::{Content, Cue, Sentence, Step};
use crate::quotes::context::Context;
use crate::quotes::model::{Method, Reference};
use std::ops::ControlFlow;

pub fn at(s: &Sentence, cue: &Cue) -> Step {
    let (cx, pi, toks) = (s.cx, s.pi, s.toks);
    let (c, hit) = (cue.at, cue.hit);
    let cues = cx.input().cues;
    // "Trump attacked the plan, saying it …": the sentence's subject says it.
    let participle = hit.end == c + 1 && cue.text.ends_with("ing") && cue.comma_before;
    let subject = || {
        participle
            .then(|| cx.first_name(pi, s.first, c))
            .flatten()
            .map(|sp| (sp, Reference::Name))
    };
    if let Some((speaker, reference)) =
        subject().or_else(|| cx.np_backward(pi, s.first, c, toks[c].start))
    {
        // Content after the cue (skipping an object up to `that`).
        let mut k = hit.end;
        for (j, &t) in toks
            .iter()
            .enumerate()
            .take((hit.end + 6).min(s.last))
            .skip(hit.end)
        {
            if cues.is_that(s.word(t)) {
                k = j + 1;
                break;
            }
        }
        let after = toks.get(k).map_or(s.end, |t| t.start).min(s.end);
        let method = Some(reference.method(Method::Reported));
        let content = Content {
            start: after,
            end: s.end,
        };
        if let Some(q) = s.quote(content, Some(speaker.clone()), cue, method) {
            return ControlFlow::Break(Some((q, hit.end)));
        }
        // "…, Obama said." (not "Wang Yi, China's top diplomat, welcomed
        // what he called …": a relative before the speaker).
        let only_speaker = |cp: usize| {
            (cx.tok_at(pi, cp)..c).all(|j| {
                !matches!(
                    s.word(toks[j]),
                    "what" | "which" | "who" | "whom" | "as" | "apa" | "yang"
                )
            })
        };
        if let Some(cp) = cue.comma.filter(|&cp| only_speaker(cp)) {
            let content = Content {
                start: s.start,
                end: cp,
            };
            if let Some(q) = s.quote(content, Some(speaker), cue, method) {
                return ControlFlow::Break(Some((q, hit.end)));
            }
        }
    } else if cue.comma_before && c > s.first {
        // "…, said Obama." / "…, kata Retno."
        if let Some(speaker) = cx.np_forward(pi, hit.end) {
            let cp = cue.comma.unwrap_or(toks[c].start);
            let content = Content {
                start: s.start,
                end: cp,
            };
            if let Some(q) = s.quote(content, Some(speaker), cue, Some(Method::Reported)) {
                return ControlFlow::Break(Some((q, hit.end)));
            }
        }
    } else if let Some(s0) = unnamed_source(cx, pi, s.first, c).filter(|_| {
        // "… was reported by The Post": a passive, not a source.
        toks.get(hit.end)
            .is_none_or(|&t| !s.word(t).eq_ignore_ascii_case("by"))
    }) {
        // "Sources said the …" / "…, a campaign aide said.": reported
        // speech whose source names nobody.
        let content = if s0 == s.first {
            let mut k = hit.end;
            if toks.get(k).is_some_and(|&t| cues.is_that(s.word(t))) {
                k += 1;
            }
            Content {
                start: toks.get(k).map_or(s.end, |t| t.start).min(s.end),
                end: s.end,
            }
        } else {
            Content {
                start: s.start,
                end: toks[s0 - 1].end,
            }
        };
        if let Some(q) = s.quote(content, None, cue, None) {
            return ControlFlow::Break(Some((q, hit.end)));
        }
    }
    ControlFlow::Continue(())
}

/// The start of a source that names nobody, right before the cue at `c`:
/// one to five lowercase words ("sources", "a campaign aide", "the poll"),
/// maybe with capitalised modifiers ("A Bloomberg poll", "Clinton
/// supporters"), opening the sentence or following a comma.
fn unnamed_source(cx: &Context, pi: usize, first: usize, c: usize) -> Option<usize> {
    let text = cx.input().text;
    let toks = cx.input().paragraphs[pi].tokens;
    let cues = cx.input().cues;
    let mut s = c;
    let mut lowercase = false;
    while s > first && c - s < 5 {
        let w = cx.word(toks[s - 1]);
        let lower = w.chars().next().is_some_and(char::is_lowercase);
        let article = s - 1 == first
            && (matches!(
                w,
                "The" | "A" | "An" | "Sources" | "Officials" | "It" | "They"
            ) || cues.is_pronoun(w));
        // "A Bloomberg poll", "Clinton supporters": a capitalised word
        // within a description.
        let modifier = !lower && lowercase && w.chars().all(char::is_alphanumeric);
        if !(lower || article || modifier) || cues.is_that(w) {
            break;
        }
        lowercase |= lower;
        // "Connecticut's tax commissioner": a possessive.
        let gap = &text[toks[s - 1].end..toks[s].start];
        let possessive = matches!(gap, "'" | "’") && cx.word(toks[s]) == "s";
        if s < c && !gap.chars().all(char::is_whitespace) && !possessive {
            break;
        }
        s -= 1;
    }
    if s == c {
        return None;
    }
    let opens = s == first || text[toks[s - 1].end..toks[s].start].contains(',');
    opens.then_some(s)
}

#[cfg(test)]
mod tests {
    use crate::quotes::model::Method;
    use crate::quotes::testing::{person, reported, Fixture};

    #[test]
    fn content_after_the_cue_and_its_that() {
        let f = Fixture::new(
            "Dewi Lestari mengatakan bahwa jalan itu akan segera diperbaiki.",
            &[],
        );
        assert_eq!(
            f.reported("Dewi"),
            reported(
                "jalan itu akan segera diperbaiki",
                "Dewi Lestari",
                Some(Method::Reported)
            )
        );
    }

    #[test]
    fn content_before_the_comma_when_the_name_follows_the_cue() {
        let f = Fixture::new("The bridge will open next spring, said Tom Hale.", &[]);
        assert_eq!(
            f.reported("The bridge"),
            reported(
                "The bridge will open next spring",
                "Tom Hale",
                Some(Method::Reported)
            )
        );
    }

    #[test]
    fn a_pronoun_subject_stands_for_the_last_person() {
        let f = Fixture::new(
            "Dewi Lestari tiba di kantor.\nIa mengatakan jalan itu akan segera diperbaiki.",
            &[person("Dewi Lestari")],
        );
        assert_eq!(
            f.reported("Ia"),
            reported(
                "jalan itu akan segera diperbaiki",
                "Dewi Lestari",
                Some(Method::Pronoun)
            )
        );
    }

    #[test]
    fn a_source_that_names_nobody_gives_no_speaker_and_a_passive_no_source() {
        let f = Fixture::new(
            "The bridge will open next spring, a city engineer said.\nThe plan was reported by the paper in May.",
            &[],
        );
        assert_eq!(
            f.reported("The bridge"),
            reported("The bridge will open next spring", "", None)
        );
        assert_eq!(f.reported("The plan"), None);
    }
}
