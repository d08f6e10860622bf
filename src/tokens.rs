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

/// Chars that show nothing inside a word: zero-width space, non-joiner and
/// joiner, word joiner, byte order mark, soft hyphen.
#[inline]
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}'
    )
}

/// Where a word goes on past an [`is_invisible`] char at byte `i`: after
/// it, when a word char follows. Out of line, to keep the word loop tight.
#[inline(never)]
fn past_invisible(text: &str, i: usize) -> Option<usize> {
    let j = i + invisible_len(&text.as_bytes()[i..])?;
    let c = text[j..].chars().next()?;
    is_word_char(c).then_some(j)
}

/// The byte length of the [`is_invisible`] char `b` starts with, if any
/// (read from the bytes: most text has none, and most chars are ruled out
/// by their first byte).
#[inline]
fn invisible_len(b: &[u8]) -> Option<usize> {
    match *b {
        [0xC2, 0xAD, ..] => Some(2),
        [0xE2, 0x80, 0x8B..=0x8D, ..] | [0xE2, 0x81, 0xA0, ..] | [0xEF, 0xBB, 0xBF, ..] => Some(3),
        _ => None,
    }
}

/// A word's case-folded hash ([`fold_hash`]) as names are matched: of its
/// [`normalized_word`] form. ASCII words take no extra step.
#[inline]
pub fn fold_hash_normalized(word: &str) -> u64 {
    if word.is_ascii() {
        return hash_lower_ascii(word.as_bytes());
    }
    fold_hash(&normalized_word(word))
}

/// A word as names are matched: accents composed (NFC: `g` + combining
/// breve is `ğ`) and invisible chars dropped. Borrowed, with no work past
/// one scan, when there is nothing to change (every ASCII word).
pub fn normalized_word(w: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::UnicodeNormalization;
    if !w.bytes().any(may_start_a_mark)
        || !w.chars().any(|c| is_invisible(c) || is_combining_mark(c))
    {
        return std::borrow::Cow::Borrowed(w);
    }
    std::borrow::Cow::Owned(w.chars().filter(|&c| !is_invisible(c)).nfc().collect())
}

/// May byte `b` start an invisible char or a combining mark? (The first
/// bytes of all of them: words with none, accented Latin letters included,
/// need no normalizing.)
#[inline]
fn may_start_a_mark(b: u8) -> bool {
    matches!(
        b,
        0xC2 | 0xCC | 0xCD | 0xD2 | 0xD6 | 0xD8 | 0xD9 | 0xE0..=0xE2 | 0xEF
    )
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

/// The next place, at or after a given one, of a byte search (a memchr
/// closure returning the text's length when there is none). The last answer
/// is kept until the search passes it, so a long stretch without the bytes
/// is searched once, however often it is asked about (no quadratic scan).
pub(crate) struct Ahead<F: Fn(usize) -> usize> {
    find: F,
    at: Option<usize>,
}

impl<F: Fn(usize) -> usize> Ahead<F> {
    pub(crate) fn new(find: F) -> Self {
        Ahead { find, at: None }
    }

    pub(crate) fn next(&mut self, from: usize) -> usize {
        match self.at {
            Some(at) if at >= from => at,
            _ => {
                let at = (self.find)(from);
                self.at = Some(at);
                at
            }
        }
    }
}

/// ASCII letters and digits, by byte (a table: one load per byte in the
/// tokenizer's inner loop).
static ASCII_WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// Like [`tokenize`], appending to `out` (reuses its allocation).
pub fn tokenize_into(text: &str, out: &mut Vec<Token>) {
    scan_words(text, |start, end, _, _| out.push(Token { start, end }));
}

/// Facts about a word found while tokenizing: bits of [`WordBuf::flags`].
pub mod flag {
    /// Every byte of the word is ASCII.
    pub const ASCII: u8 = 1;
    /// The word starts with an uppercase letter.
    pub const UPPER: u8 = 2;
    /// The word starts with a lowercase letter.
    pub const LOWER: u8 = 4;
    /// The word holds an invisible char or a combining mark, so its
    /// [`normalized_word`](super::normalized_word) form differs (names are
    /// matched on that form).
    pub const NORMALIZE: u8 = 8;
}

/// The words of a text with, for each, its [`fold_hash`] and its [`flag`]
/// bits, found in the one pass that splits the text: the matcher and the
/// name tagger read a word's hash here rather than hashing it again.
#[derive(Debug, Default, Clone)]
pub struct WordBuf {
    pub tokens: Vec<Token>,
    /// `hashes[i]` is [`fold_hash`] of word `i`.
    pub hashes: Vec<u64>,
    /// `flags[i]`: the [`flag`] bits of word `i`.
    pub flags: Vec<u8>,
}

/// Borrowed [`WordBuf`] (or a stretch of one: a paragraph's words).
#[derive(Debug, Clone, Copy)]
pub struct Words<'a> {
    pub tokens: &'a [Token],
    pub hashes: &'a [u64],
    pub flags: &'a [u8],
}

impl WordBuf {
    /// The words of `text`, replacing what the buffer held.
    pub fn tokenize(&mut self, text: &str) {
        // Pushed to locals (put back at the end): their lengths stay in
        // registers, not reloaded after every push through `self`.
        let mut tokens = std::mem::take(&mut self.tokens);
        let mut hashes = std::mem::take(&mut self.hashes);
        let mut flags = std::mem::take(&mut self.flags);
        tokens.clear();
        hashes.clear();
        flags.clear();
        // About a word per six bytes of news text: grown once, if at all.
        let words = text.len() / 6;
        tokens.reserve(words);
        hashes.reserve(words);
        flags.reserve(words);
        let bytes = text.as_bytes();
        scan_words(text, |start, end, ascii, packed| {
            tokens.push(Token { start, end });
            let (h, f) = match packed {
                Some(x) => (
                    hash_packed(x, end - start),
                    ASCII_FLAGS[bytes[start] as usize],
                ),
                None => long_or_other_word(text, start, end, ascii),
            };
            hashes.push(h);
            flags.push(f);
        });
        self.tokens = tokens;
        self.hashes = hashes;
        self.flags = flags;
    }

    /// The hashes and flags of words already split (`toks` of `text`).
    pub fn of_tokens(text: &str, toks: &[Token]) -> WordBuf {
        WordBuf {
            tokens: toks.to_vec(),
            hashes: toks
                .iter()
                .map(|t| fold_hash(&text[t.start..t.end]))
                .collect(),
            flags: toks
                .iter()
                .map(|t| word_flags(&text[t.start..t.end]))
                .collect(),
        }
    }

    pub fn words(&self) -> Words<'_> {
        Words {
            tokens: &self.tokens,
            hashes: &self.hashes,
            flags: &self.flags,
        }
    }
}

impl<'a> Words<'a> {
    /// Words `a..b`.
    pub fn slice(&self, a: usize, b: usize) -> Words<'a> {
        Words {
            tokens: &self.tokens[a..b],
            hashes: &self.hashes[a..b],
            flags: &self.flags[a..b],
        }
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }
}

/// The hash and flags of a word the eight-byte step did not take (eight
/// bytes or more, or not ASCII). Out of line, to keep the word loop tight.
#[inline(never)]
fn long_or_other_word(text: &str, start: usize, end: usize, ascii: bool) -> (u64, u8) {
    let bytes = text.as_bytes();
    if ascii {
        (
            hash_lower_ascii(&bytes[start..end]),
            ascii_flags(bytes[start]),
        )
    } else {
        let w = &text[start..end];
        (fold_hash(w), word_flags(w))
    }
}

/// [`ascii_flags`] by byte (a table: one load per word).
static ASCII_FLAGS: [u8; 256] = {
    let mut t = [0; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = ascii_flags(b as u8);
        b += 1;
    }
    t
};

/// The [`flag`] bits of an ASCII word starting with byte `first`.
#[inline]
const fn ascii_flags(first: u8) -> u8 {
    flag::ASCII
        | if first.is_ascii_uppercase() {
            flag::UPPER
        } else if first.is_ascii_lowercase() {
            flag::LOWER
        } else {
            0
        }
}

/// The [`flag`] bits of a word.
pub fn word_flags(w: &str) -> u8 {
    if w.is_ascii() {
        return w
            .as_bytes()
            .first()
            .map_or(flag::ASCII, |&b| ascii_flags(b));
    }
    let first = w.chars().next();
    let mut f = 0;
    if first.is_some_and(char::is_uppercase) {
        f |= flag::UPPER;
    }
    if first.is_some_and(char::is_lowercase) {
        f |= flag::LOWER;
    }
    // As `normalized_word` decides whether the word changes.
    if w.bytes().any(may_start_a_mark) && w.chars().any(|c| is_invisible(c) || is_combining_mark(c))
    {
        f |= flag::NORMALIZE;
    }
    f
}

/// Splits `text` into words, calling `word(start, end, ascii, packed)` for
/// each in order (`ascii`: every byte of the word is ASCII; `packed`: for an
/// ASCII word of under eight bytes found by the eight-byte step, its bytes
/// as read, little-endian, from which [`hash_packed`] hashes it).
#[inline(always)]
fn scan_words(text: &str, mut word: impl FnMut(usize, usize, bool, Option<u64>)) {
    let bytes = text.as_bytes();
    let n = bytes.len();
    // The char at byte `i` (a char boundary) when it is a word char: its length.
    let word_char_at = |i: usize| -> Option<usize> {
        let c = text[i..].chars().next()?;
        is_word_char(c).then(|| c.len_utf8())
    };
    let mut i = 0;
    'words: while i < n {
        // Between words: skip ASCII separators in a tight loop.
        let b = bytes[i];
        if !ASCII_WORD[b as usize] {
            if b < 0x80 {
                i += 1;
                continue;
            }
            match word_char_at(i) {
                Some(_) => {}
                None => {
                    i += text[i..].chars().next().map_or(1, char::len_utf8);
                    continue;
                }
            }
        }
        // A word starts at `i`. Most words are ASCII: eight bytes read at
        // once find where one ends, when it ends (at an ASCII separator)
        // within them; a short word is hashed from the bytes read.
        let start = i;
        let load8 = |j: usize| u64::from_le_bytes(bytes[j..j + 8].try_into().unwrap_or([0; 8]));
        if b < 0x80 && i + 8 <= n {
            let x = load8(i);
            let stop = not_word_bytes(x);
            if stop != 0 {
                let len = stop.trailing_zeros() as usize / 8;
                if bytes[i + len] < 0x80 {
                    word(i, i + len, true, Some(x));
                    // The separator is ASCII and no word char.
                    i += len + 1;
                    continue;
                }
            } else {
                // Eight word bytes: on, eight at a time.
                i += 8;
                while i + 8 <= n {
                    let stop = not_word_bytes(load8(i));
                    if stop == 0 {
                        i += 8;
                        continue;
                    }
                    let end = i + stop.trailing_zeros() as usize / 8;
                    if bytes[end] < 0x80 {
                        word(start, end, true, None);
                        i = end + 1;
                        continue 'words;
                    }
                    break;
                }
            }
        }
        // ASCII letters and digits in a tight loop, other chars decoded.
        let mut ascii = true;
        loop {
            while i < n && ASCII_WORD[bytes[i] as usize] {
                i += 1;
            }
            if i < n && bytes[i] >= 0x80 {
                if let Some(len) = word_char_at(i) {
                    i += len;
                    ascii = false;
                    continue;
                }
                // An invisible char between two word chars (a zero-width
                // space, a soft hyphen) does not end the word.
                if let Some(j) = past_invisible(text, i) {
                    i = j;
                    ascii = false;
                    continue;
                }
            }
            break;
        }
        word(start, i, ascii, None);
    }
}

/// A fast, deterministic 64-bit hash of a word, case-folded (lowercase).
///
/// Used as the lookup key of the matcher's vocabulary: `Beijing`, `BEIJING`
/// and `beijing` hash alike; the exact case is checked afterwards. It hashes
/// the word's lowercase UTF-8 bytes eight at a time (ASCII words are folded
/// in place, eight bytes per step).
#[inline]
pub fn fold_hash(word: &str) -> u64 {
    if word.is_ascii() {
        return hash_lower_ascii(word.as_bytes());
    }
    // Char by char, as `char::to_lowercase` folds; ASCII bytes (most of
    // an accented word) without decoding them.
    let mut buf = [0u8; 64];
    let mut n = 0;
    let bytes = word.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if n + 4 > buf.len() {
            return hash_lower_ascii(word.to_lowercase().as_bytes());
        }
        let b = bytes[i];
        if b < 0x80 {
            buf[n] = b.to_ascii_lowercase();
            n += 1;
            i += 1;
            continue;
        }
        // Latin-1 letters (`é`, `Ö`), two bytes: their capitals
        // U+00C0..=U+00DE but `×` fold by 0x20, the rest are their own
        // lowercase (no table lookup).
        if let (0xC2 | 0xC3, Some(&b2)) = (b, bytes.get(i + 1)) {
            let capital = b == 0xC3 && (0x80..=0x9E).contains(&b2) && b2 != 0x97;
            buf[n] = b;
            buf[n + 1] = if capital { b2 + 0x20 } else { b2 };
            n += 2;
            i += 2;
            continue;
        }
        let c = word[i..].chars().next().unwrap_or_default();
        i += c.len_utf8();
        for l in c.to_lowercase() {
            if n + 4 > buf.len() {
                return hash_lower_ascii(word.to_lowercase().as_bytes());
            }
            n += l.encode_utf8(&mut buf[n..]).len();
        }
    }
    hash_lower_ascii(&buf[..n])
}

/// Hashes `bytes` with ASCII uppercase letters folded to lowercase (other
/// bytes, UTF-8 sequences included, are kept). Words of up to eight bytes
/// are read as one or two overlapping loads (with the length, that is every
/// byte exactly once); longer ones eight bytes at a time, the last eight
/// overlapping.
#[inline(always)]
fn hash_lower_ascii(bytes: &[u8]) -> u64 {
    let n = bytes.len();
    // Loads from fixed-size pieces: no bounds check past the length tests.
    let load4 = |b: &[u8]| u64::from(u32::from_le_bytes(b[..4].try_into().unwrap_or([0; 4])));
    let load8 = |b: &[u8]| u64::from_le_bytes(b[..8].try_into().unwrap_or([0; 8]));
    let mut h = rustc_hash::FxHasher::default();
    h.write_usize(n);
    if n >= 8 {
        let mut rest = bytes;
        while rest.len() > 8 {
            h.write_u64(ascii_lower8(load8(rest)));
            rest = &rest[8..];
        }
        h.write_u64(ascii_lower8(load8(&bytes[n - 8..])));
    } else if n >= 4 {
        h.write_u64(ascii_lower8(load4(bytes) | load4(&bytes[n - 4..]) << 32));
    } else if let [first, .., last] | [first @ last] = bytes {
        let v = u64::from(*first) | u64::from(bytes[n / 2]) << 8 | u64::from(*last) << 16;
        h.write_u64(ascii_lower8(v));
    }
    mix(h.finish())
}

/// [`hash_lower_ascii`] of an ASCII word of `n` bytes (1 to 7), its bytes
/// `x` as read little-endian (bytes past `n` ignored): the same pieces taken
/// from the register rather than loaded again.
#[inline(always)]
fn hash_packed(x: u64, n: usize) -> u64 {
    let v = if n >= 4 {
        (x & 0xFFFF_FFFF) | ((x >> ((n - 4) * 8)) & 0xFFFF_FFFF) << 32
    } else {
        (x & 0xFF) | ((x >> (n / 2 * 8)) & 0xFF) << 8 | ((x >> ((n - 1) * 8)) & 0xFF) << 16
    };
    let mut h = rustc_hash::FxHasher::default();
    h.write_usize(n);
    h.write_u64(ascii_lower8(v));
    mix(h.finish())
}

/// The high bit of each of the eight bytes `x` that is no ASCII letter or
/// digit (bytes of 0x80 and above included) (SWAR).
#[inline(always)]
fn not_word_bytes(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    // High bit of each byte of `v` (bytes under 0x80) set when it is in
    // `lo..=hi`: no carry crosses a byte.
    let within = |v: u64, lo: u8, hi: u8| {
        let ge = v + ONES * u64::from(0x80 - lo);
        let gt = v + ONES * u64::from(0x80 - hi - 1);
        ge & !gt
    };
    let low7 = x & !HIGH;
    let letter = within(low7 | (ONES * 0x20), b'a', b'z');
    let digit = within(low7, b'0', b'9');
    !((letter | digit) & !x) & HIGH
}

/// FxHasher mixes weakly in its last step: finish with a multiply-xorshift.
#[inline]
fn mix(mut x: u64) -> u64 {
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x
}

/// Eight bytes with `A`..=`Z` turned to `a`..=`z` (SWAR); bytes of 0x80 and
/// above are left alone.
#[inline]
fn ascii_lower8(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    let low7 = x & !HIGH;
    // High bit of each byte: set when the byte is >= 'A', and when > 'Z'.
    let ge_a = low7 + ONES * (0x80 - u64::from(b'A'));
    let gt_z = low7 + ONES * (0x80 - u64::from(b'Z') - 1);
    let upper = ge_a & !gt_z & !x & HIGH;
    x | (upper >> 2)
}

/// A fast, deterministic 64-bit hash of a string, case kept.
pub fn hash_exact(s: &str) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    h.write(s.as_bytes());
    mix(h.finish() ^ s.len() as u64)
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
mod tests;
