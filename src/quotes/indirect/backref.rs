//! Reported speech named after it: `… . Demikian diungkapkan (oleh) X`:
//! the previous sentence, said by X.

use super::{Content, Cue, Sentence, Step};
use crate::quotes::context::Context;
use crate::quotes::model::Method;
use std::ops::ControlFlow;

pub fn at(s: &Sentence, cue: &Cue) -> Step {
    let mut k = cue.hit.end;
    if s.toks
        .get(k)
        .is_some_and(|&t| s.word(t).eq_ignore_ascii_case("oleh"))
    {
        k += 1;
    }
    let Some(speaker) = s.cx.np_forward(s.pi, k) else {
        return ControlFlow::Break(None);
    };
    let Some((ps, pe)) = previous_sentence(s.cx, s.pi, s.si, s.sents) else {
        return ControlFlow::Break(None);
    };
    let ps = strip_dateline(s.cx.text(), ps, pe);
    let content = Content { start: ps, end: pe };
    s.end_with(content, Some(speaker), cue, Some(Method::Backref))
}

/// The sentence before sentence `si`: in the same paragraph, or the last
/// sentence of the previous paragraph.
fn previous_sentence(
    cx: &Context,
    pi: usize,
    si: usize,
    sents: &[(usize, usize)],
) -> Option<(usize, usize)> {
    if si > 0 {
        return Some(sents[si - 1]);
    }
    let prev = pi.checked_sub(1)?;
    let p = &cx.input().paragraphs[prev];
    if p.title {
        return None;
    }
    cx.sentences(prev).last().copied()
}

/// Skips a dateline at the start of a paragraph: `BEIJING - `, `JAKARTA, KOMPAS.com - `.
fn strip_dateline(text: &str, start: usize, end: usize) -> usize {
    let s = &text[start..end];
    for dash in [" - ", " – ", " — "] {
        if let Some(i) = s.find(dash) {
            let head = &s[..i];
            if i <= 60
                && head
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .take(3)
                    .all(char::is_uppercase)
            {
                return start + i + dash.len();
            }
        }
    }
    start
}

#[cfg(test)]
mod tests {
    use crate::quotes::model::Method;
    use crate::quotes::testing::{reported, Fixture};

    #[test]
    fn the_previous_sentence_without_its_dateline() {
        let f = Fixture::new(
            "BANDUNG - Jalan itu akan segera diperbaiki tahun ini. Demikian diungkapkan Dewi Lestari.",
            &[],
        );
        assert_eq!(
            f.reported("Demikian"),
            reported(
                "Jalan itu akan segera diperbaiki tahun ini",
                "Dewi Lestari",
                Some(Method::Backref)
            )
        );
    }

    #[test]
    fn nothing_at_the_documents_start_or_without_a_name() {
        let f = Fixture::new(
            "Demikian diungkapkan Dewi Lestari.\nJalan itu akan segera diperbaiki tahun ini. Demikian diungkapkan mereka semua.",
            &[],
        );
        assert_eq!(f.reported("Demikian diungkapkan Dewi"), None);
        assert_eq!(f.reported("Demikian diungkapkan mereka"), None);
    }
}
