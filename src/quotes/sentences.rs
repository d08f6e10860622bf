//! Sentence boundaries inside a paragraph.
//!
//! A sentence ends at `.`, `!`, `?` or `…` followed by a space and a capital,
//! digit or opening mark, outside quoted spans, unless the word before the
//! period is an abbreviation (the `abbrev` cues: `Mr.`, `Jl.`) or an initial
//! (`J.`, `U.S.`).

use super::marks::Span;
use super::{Cues, Paragraph};
use crate::tokens::Ahead;

/// Sentence ranges `(start, end)` in document bytes, covering the paragraph.
pub fn split(text: &str, p: &Paragraph, spans: &[Span], cues: &Cues) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = p.start;
    let para = &text[p.start..p.end];
    let bytes = para.as_bytes();
    // Bytes, not chars: the enders are ASCII or `…` (E2 80 A6), and neither
    // can occur inside another char's UTF-8 bytes. memchr jumps from one
    // candidate byte to the next.
    let n = bytes.len();
    let mut enders = Ahead::new(|from| {
        memchr::memchr3(b'.', b'!', b'?', &bytes[from..]).map_or(n, |k| from + k)
    });
    let mut e2 = Ahead::new(|from| memchr::memchr(0xE2, &bytes[from..]).map_or(n, |k| from + k));
    let mut i = 0;
    while i < n {
        i = enders.next(i).min(e2.next(i));
        if i == n {
            break;
        }
        let c = match bytes[i] {
            b @ (b'.' | b'!' | b'?') => b as char,
            0xE2 if bytes[i + 1..].starts_with(&[0x80, 0xA6]) => '…',
            _ => {
                i += 1;
                continue;
            }
        };
        let abs = p.start + i;
        i += c.len_utf8();
        if spans
            .iter()
            .any(|s| s.open < abs && abs + c.len_utf8() < s.inner_end)
        {
            continue;
        }
        // Closing marks and brackets right after the period stay in the sentence.
        let mut end = abs + c.len_utf8();
        let rest = &text[end..p.end];
        let extra: usize = rest
            .chars()
            .take_while(|c| "”\"’')]»".contains(*c))
            .map(char::len_utf8)
            .sum();
        end += extra;
        let after = &text[end..p.end];
        let Some(next) = after.trim_start().chars().next() else {
            continue;
        };
        if !after.starts_with(char::is_whitespace) {
            continue;
        }
        if !(next.is_uppercase() || next.is_ascii_digit() || "“”„\"‘'«(".contains(next)) {
            continue;
        }
        if c == '.' && is_abbreviation(&text[start..abs], cues) {
            continue;
        }
        out.push((start, end));
        start = end + (after.len() - after.trim_start().len());
        // Go on after the characters consumed by `extra` and the spaces.
        i = i.max(start - p.start);
    }
    if start < p.end {
        out.push((start, p.end));
    }
    out
}

/// Does `before` (text up to a period) end with an abbreviation or initial?
fn is_abbreviation(before: &str, cues: &Cues) -> bool {
    // The trailing run of letters, digits and periods (no allocation).
    let cut = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || c == '.')
        .last()
        .map_or(before.len(), |(i, _)| i);
    let word = &before[cut..];
    let word = word.trim_start_matches('.');
    if word.is_empty() {
        return false;
    }
    // U.S, J, a.m
    if word.contains('.') || (word.chars().count() == 1 && word.chars().all(char::is_uppercase)) {
        return true;
    }
    cues.is_abbreviation(word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::marks::find_spans;

    fn sentences(text: &str) -> Vec<&str> {
        let p = Paragraph {
            start: 0,
            end: text.len(),
            title: false,
            tokens: &[],
        };
        let spans = find_spans(text, 0, text.len());
        split(text, &p, &spans, &Cues::defaults().unwrap())
            .iter()
            .map(|&(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn splits_sentences() {
        let cases: &[(&str, &[&str])] = &[
            ("One here. Two there.", &["One here.", "Two there."]),
            (
                "Mr. Smith met Dr. Jones. Then left.",
                &["Mr. Smith met Dr. Jones.", "Then left."],
            ),
            (
                "Donald J. Trump won. Yes.",
                &["Donald J. Trump won.", "Yes."],
            ),
            ("The U.S. Army came. Yes.", &["The U.S. Army came.", "Yes."]),
            (
                "“Go now. Please,” he said. Ok.",
                &["“Go now. Please,” he said.", "Ok."],
            ),
            ("He said “go.” Then left.", &["He said “go.”", "Then left."]),
            (
                "3.5 percent rose. ok. Fine",
                &["3.5 percent rose. ok.", "Fine"],
            ),
            // Kompas opens quotes with ” too.
            (
                "Harga naik. ”Kami kecewa,” katanya.",
                &["Harga naik.", "”Kami kecewa,” katanya."],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(sentences(text), *want, "{text:?}");
        }
    }
}
