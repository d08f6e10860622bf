//! Word tokens: the unit every stage matches on.
//!
//! A word is a maximal run of letters, digits and combining marks. Everything
//! else (spaces, hyphens, apostrophes, punctuation) separates words, so
//! `Russia's` is `Russia` + `s` and `China-Rusia` is `China` + `Rusia`, while
//! `Romania` stays one word and never contains `Oman`.
//!
//! Offsets are byte offsets into the text; no stage rewrites them.

use std::hash::Hasher;

/// One word of a text: `text[start..end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

/// Is `c` part of a word? Letters, digits and combining marks.
#[inline]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric() || is_combining_mark(c)
    }
}

/// The common combining-mark blocks (accents written as separate code points).
fn is_combining_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x0610..=0x061A
        | 0x064B..=0x065F | 0x0900..=0x0903 | 0x093A..=0x094F | 0x0E31 | 0x0E34..=0x0E3A
        | 0x0E47..=0x0E4E | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF
        | 0xFE20..=0xFE2F)
}

/// Splits `text` into word tokens, in order.
///
/// ```
/// let text = "China-Rusia, Russia's";
/// let words: Vec<&str> = kutip::tokens::tokenize(text).iter().map(|t| &text[t.start..t.end]).collect();
/// assert_eq!(words, ["China", "Rusia", "Russia", "s"]);
/// ```
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 6);
    tokenize_into(text, &mut out);
    out
}

/// Like [`tokenize`], appending to `out` (reuses its allocation).
pub fn tokenize_into(text: &str, out: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut start: Option<usize> = None;
    while i < bytes.len() {
        let b = bytes[i];
        let (is_word, len) = if b < 0x80 {
            (b.is_ascii_alphanumeric(), 1)
        } else {
            // Safe: `i` is always on a char boundary here.
            let c = text[i..].chars().next().unwrap_or('\u{FFFD}');
            (is_word_char(c), c.len_utf8())
        };
        match (is_word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(Token { start: s, end: i });
                start = None;
            }
            _ => {}
        }
        i += len;
    }
    if let Some(s) = start {
        out.push(Token {
            start: s,
            end: bytes.len(),
        });
    }
}

/// A fast, deterministic 64-bit hash of a word, case-folded (lowercase).
///
/// Used as the lookup key of the matcher's vocabulary: `Beijing`, `BEIJING`
/// and `beijing` hash alike; the exact case is checked afterwards.
#[inline]
pub fn fold_hash(word: &str) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    if word.is_ascii() {
        for &b in word.as_bytes() {
            h.write_u8(b.to_ascii_lowercase());
        }
    } else {
        for c in word.chars().flat_map(char::to_lowercase) {
            h.write_u32(c as u32);
        }
    }
    // FxHasher mixes weakly in its last step; finish with a multiply-xorshift.
    let mut x = h.finish();
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x
}

/// A fast, deterministic 64-bit hash of a string, case kept.
pub fn hash_exact(s: &str) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    h.write(s.as_bytes());
    let mut x = h.finish() ^ s.len() as u64;
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x
}

/// Does the word have a lowercase letter? (`CSTO`, `G20` and `AS` do not.)
pub fn has_lowercase(word: &str) -> bool {
    word.chars().any(char::is_lowercase)
}

/// Does the word start with an uppercase letter (or a digit)?
pub fn is_capitalized(word: &str) -> bool {
    word.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text)
            .iter()
            .map(|t| &text[t.start..t.end])
            .collect()
    }

    #[test]
    fn splits_on_punctuation_hyphen_and_apostrophe() {
        let cases: &[(&str, &[&str])] = &[
            ("Kassym-Jomart Tokayev", &["Kassym", "Jomart", "Tokayev"]),
            ("Russia’s army", &["Russia", "s", "army"]),
            ("(CSTO).", &["CSTO"]),
            ("Côte d'Ivoire", &["Côte", "d", "Ivoire"]),
            ("Covid-19 G20", &["Covid", "19", "G20"]),
            ("", &[]),
            ("  —  ", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(words(text), *want, "{text:?}");
        }
    }

    #[test]
    fn combining_marks_stay_inside_words() {
        let text = "Ame\u{301}lie said";
        assert_eq!(words(text), ["Ame\u{301}lie", "said"]);
    }

    #[test]
    fn fold_hash_ignores_case_only() {
        assert_eq!(fold_hash("Beijing"), fold_hash("BEIJING"));
        assert_eq!(fold_hash("Čad"), fold_hash("čAD"));
        assert_ne!(fold_hash("Oman"), fold_hash("Romania"));
    }
}
