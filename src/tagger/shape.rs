//! The shape of a word for the name tagger's features: its case and
//! character classes, collapsed, with a length bucket.

/// The shape of a word: `X` uppercase, `x` lowercase, `d` digit, `o` other,
/// repeats collapsed, at most four symbols (`Jakarta` -> `Xx`, `KPU` -> `X`,
/// `McDonald` -> `XxXx`, `G20` -> `Xd`), plus a length bucket.
pub fn shape(word: &str) -> u32 {
    shape_of(word, word.is_ascii())
}

/// [`shape`] of a word known to be ASCII or not.
#[inline]
pub(super) fn shape_of(word: &str, ascii: bool) -> u32 {
    if ascii {
        ascii_shape(word.as_bytes())
    } else {
        char_shape(word)
    }
}

/// [`shape`], a char at a time.
fn char_shape(word: &str) -> u32 {
    let mut code = 0u32;
    let mut last = 0u32;
    let mut n = 0;
    let mut len = 0u32;
    for c in word.chars() {
        len += 1;
        let s = match c {
            'A'..='Z' => 1,
            'a'..='z' => 2,
            '0'..='9' => 3,
            c if c.is_ascii() => 4,
            // Latin-1 (`é`, `Ö`) from a table, not Unicode's.
            '\u{80}'..='\u{FF}' => u32::from(LATIN1_SHAPE_SYMBOL[c as usize - 0x80]),
            c => unicode_shape_symbol(c),
        };
        if s != last && n < 4 {
            code = code << 3 | s;
            n += 1;
            last = s;
        }
        // Four symbols and the longest length bucket: nothing more to learn.
        if n == 4 && len >= 7 {
            break;
        }
    }
    code << 3 | length_bucket(len)
}

/// The [`shape`] symbol of a char past ASCII: 1 uppercase, 2 lowercase,
/// 3 numeric, 4 other.
fn unicode_shape_symbol(c: char) -> u32 {
    if c.is_uppercase() {
        1
    } else if c.is_lowercase() {
        2
    } else if c.is_numeric() {
        3
    } else {
        4
    }
}

/// [`unicode_shape_symbol`] of U+0080..=U+00FF: capitals `À`..=`Þ` but
/// `×`; small letters `ß`..=`ÿ` but `÷`, and `ª`, `µ`, `º`; numbers `²`,
/// `³`, `¹`, `¼`, `½`, `¾`.
const LATIN1_SHAPE_SYMBOL: [u8; 128] = {
    let mut t = [4u8; 128];
    let mut c = 0x80;
    while c < 0x100 {
        t[c - 0x80] = match c {
            0xD7 | 0xF7 => 4,
            0xC0..=0xDE => 1,
            0xDF..=0xFF | 0xAA | 0xB5 | 0xBA => 2,
            0xB2 | 0xB3 | 0xB9 | 0xBC..=0xBE => 3,
            _ => 4,
        };
        c += 1;
    }
    t
};

/// [`shape`] of an ASCII word, a byte at a time (no char decoding).
fn ascii_shape(word: &[u8]) -> u32 {
    // Most words are a letter and lowercase letters (`Budi`, `kata`).
    if let Some((&first, rest)) = word.split_first() {
        if rest.iter().all(u8::is_ascii_lowercase) {
            let s = ASCII_SHAPE_SYMBOL[first as usize & 0x7f] as u32;
            let code = if rest.is_empty() || s == 2 {
                s
            } else {
                s << 3 | 2
            };
            return code << 3 | length_bucket(word.len() as u32);
        }
    }
    let mut code = 0u32;
    let mut last = 0u32;
    let mut n = 0;
    for &b in word {
        let s = ASCII_SHAPE_SYMBOL[b as usize & 0x7f] as u32;
        if s != last {
            if n == 4 {
                break;
            }
            code = code << 3 | s;
            n += 1;
            last = s;
        }
    }
    code << 3 | length_bucket(word.len() as u32)
}

/// The [`shape`] symbol of each ASCII byte.
const ASCII_SHAPE_SYMBOL: [u8; 128] = {
    let mut table = [4u8; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = match b as u8 {
            b'A'..=b'Z' => 1,
            b'a'..=b'z' => 2,
            b'0'..=b'9' => 3,
            _ => 4,
        };
        b += 1;
    }
    table
};

fn length_bucket(len: u32) -> u32 {
    match len {
        1 => 1,
        2 => 2,
        3 => 3,
        4..=6 => 4,
        _ => 5,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_tell_case_and_digits() {
        assert_eq!(shape("Jakarta") >> 3, 0b001_010);
        assert_eq!(shape("KPU") >> 3, 0b001);
        assert_ne!(shape("KPU"), shape("Kpu"));
        assert_eq!(shape("G20") >> 3, 0b001_011);
        assert_ne!(shape("ab"), shape("abcdefgh"));
    }

    #[test]
    fn latin1_shape_symbols_are_unicodes() {
        for c in '\u{80}'..='\u{FF}' {
            let want = unicode_shape_symbol(c);
            assert_eq!(
                u32::from(LATIN1_SHAPE_SYMBOL[c as usize - 0x80]),
                want,
                "{c:?}"
            );
        }
    }

    #[test]
    fn ascii_shapes_are_the_shapes_char_by_char() {
        let words = [
            "",
            "a",
            "Ab",
            "KPU",
            "G20",
            "McDonald",
            "aB1-cD2",
            "x1y2z3w4",
            "Jakarta",
            "ABCDEFGHIJ",
            "a-b",
            "1a",
            "aaaaaaaaaaaaaaaaaaaA",
            "U.S",
            "A1a1a1a1",
        ];
        for w in words {
            assert_eq!(ascii_shape(w.as_bytes()), char_shape(w), "{w}");
        }
    }
}
