//! Sieve: the cue opens the next paragraph (`”⏎katanya.`): a quote ending
//! its paragraph, a line break before the cue.

use super::cue_after::cue_after;
use super::{Candidate, QuotedSpan};
use crate::quotes::context::Context;

pub fn propose(cx: &Context, q: &QuotedSpan) -> Option<Candidate> {
    let (pi, span) = (q.paragraph, q.span);
    let text = cx.text();
    let toks = cx.toks(pi);
    let paragraphs = cx.input().paragraphs;
    let k = cx.tok_at(pi, span.close);
    let gap = &text[span.close..toks.get(k).map_or(paragraphs[pi].end, |t| t.start)];
    let next = pi + 1;
    if k < toks.len() || !gap.trim().is_empty() || next >= paragraphs.len() {
        return None;
    }
    let p = paragraphs[next];
    let first_is_cue = !p.title
        && p.tokens.first().is_some_and(|t| {
            text[t.start..t.end].starts_with(char::is_lowercase) && cx.cue_at(next, 0).is_some()
        });
    if first_is_cue {
        return cue_after(cx, next, 0, span.open);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::propose;
    use crate::quotes::model::Method;
    use crate::quotes::testing::{person, said, Fixture};

    #[test]
    fn a_cue_opening_the_next_paragraph_attributes_the_quote() {
        let f = Fixture::new(
            "Dewi Lestari datang pagi itu.\n“Kami siap menghadapi semuanya.”\nkatanya.",
            &[person("Dewi Lestari")],
        );
        assert_eq!(
            f.propose(propose, "Kami"),
            said("Dewi Lestari", Method::Enclitic)
        );
    }

    #[test]
    fn only_after_a_quote_ending_its_paragraph_and_before_a_lowercase_cue() {
        let f = Fixture::new(
            "Dewi Lestari datang.\n“Kami siap menghadapi semuanya.” Lalu pulang.\nkatanya.\n“Kami juga.”\nKatanya begitu.",
            &[person("Dewi Lestari")],
        );
        assert_eq!(f.propose(propose, "Kami siap"), None);
        assert_eq!(f.propose(propose, "Kami juga"), None);
    }
}
