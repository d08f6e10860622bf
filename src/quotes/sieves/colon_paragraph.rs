//! Sieve: a quote opening its paragraph after one that ends with a colon
//! and a cue: `Caddell continued:⏎“…”`.

use super::cue_before::cue_before;
use super::{Candidate, QuotedSpan};
use crate::quotes::context::Context;

pub fn propose(cx: &Context, q: &QuotedSpan) -> Option<Candidate> {
    let (pi, span) = (q.paragraph, q.span);
    let text = cx.text();
    let p = cx.input().paragraphs[pi];
    if !text[p.start..span.open].trim().is_empty() || pi == 0 {
        return None;
    }
    let prev = cx.input().paragraphs[pi - 1];
    if prev.title || !text[prev.start..prev.end].trim_end().ends_with(':') || prev.tokens.is_empty()
    {
        return None;
    }
    let &(ss, _) = cx.doc().sentences(pi - 1).last()?;
    cue_before(cx, pi - 1, ss, prev.end)
}

#[cfg(test)]
mod tests {
    use super::propose;
    use crate::quotes::model::Method;
    use crate::quotes::testing::{said, Fixture};

    #[test]
    fn a_cue_and_colon_ending_the_paragraph_before_attribute_the_quote() {
        let f = Fixture::new(
            "Dewi Lestari menambahkan:\n“Kami siap menghadapi semuanya.”",
            &[],
        );
        assert_eq!(
            f.propose(propose, "Kami"),
            said("Dewi Lestari", Method::CueBefore)
        );
    }

    #[test]
    fn not_without_the_colon_nor_after_words_opening_the_paragraph() {
        let f = Fixture::new(
            "Dewi Lestari menambahkan.\n“Kami siap menghadapi semuanya.”\nDewi Lestari menambahkan:\nLalu “Kita lihat nanti saja.”",
            &[],
        );
        assert_eq!(f.propose(propose, "Kami"), None);
        assert_eq!(f.propose(propose, "Kita"), None);
    }
}
