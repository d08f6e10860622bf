//! Tests of the tokenizer and the word hashes.

use super::*;

/// A sentence search once asked for the next period again at every
/// `“` of a 2 MB paragraph with no period: quadratic.
#[test]
fn ahead_searches_a_stretch_without_the_bytes_once() {
    let text = "kata “a” dan “b” lalu “c”. Ya.".as_bytes();
    let calls = std::cell::Cell::new(0);
    let mut dots = Ahead::new(|from| {
        calls.set(calls.get() + 1);
        memchr::memchr(b'.', &text[from..]).map_or(text.len(), |k| from + k)
    });
    let first = text.iter().position(|&b| b == b'.').unwrap();
    for i in 0..=first {
        assert_eq!(dots.next(i), first);
    }
    assert_eq!(calls.get(), 1);
    assert_eq!(dots.next(first + 1), text.len() - 1);
    assert_eq!(dots.next(text.len()), text.len());
    assert_eq!(calls.get(), 3);
}

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

/// The words found with their hashes are the words [`tokenize`]
/// finds, each with its [`fold_hash`] and flags as asked of the word
/// alone (accents, capitals, invisible chars and combining marks).
#[test]
fn word_buffer_holds_each_words_hash_and_flags() {
    let text = "Budi kata ÉCOLE école Ame\u{301}lie zero\u{200B}width \
                İstanbul 42 x\u{AD}y “Čad” Straße ΣΟΦΙΑΣ e\u{301}";
    let mut buf = WordBuf::default();
    buf.tokenize("left over");
    buf.tokenize(text);
    assert_eq!(buf.tokens, tokenize(text));
    assert_eq!(buf.hashes.len(), buf.tokens.len());
    for (i, t) in buf.tokens.iter().enumerate() {
        let w = &text[t.start..t.end];
        assert_eq!(buf.hashes[i], fold_hash(w), "{w}");
        let f = buf.flags[i];
        assert_eq!(f & flag::ASCII != 0, w.is_ascii(), "{w}");
        assert_eq!(
            f & flag::UPPER != 0,
            w.starts_with(char::is_uppercase),
            "{w}"
        );
        assert_eq!(
            f & flag::LOWER != 0,
            w.starts_with(char::is_lowercase),
            "{w}"
        );
        let changes = matches!(normalized_word(w), std::borrow::Cow::Owned(_));
        assert_eq!(f & flag::NORMALIZE != 0, changes, "{w}");
    }
    let of = WordBuf::of_tokens(text, &buf.tokens);
    assert_eq!(
        (of.hashes, of.flags),
        (buf.hashes.clone(), buf.flags.clone())
    );
    assert!(buf.flags.iter().any(|f| f & flag::NORMALIZE != 0));
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
    // Eight bytes at a time: the chunk edge and the padding matter.
    assert_eq!(fold_hash("Internationale"), fold_hash("INTERNATIONALE"));
    assert_ne!(fold_hash("abcdefgh"), fold_hash("abcdefgh0"));
    assert_ne!(fold_hash("ab"), fold_hash("ab\0"));
    assert_eq!(fold_hash("ÉCOLE"), fold_hash("école"));
    // A non-ASCII letter that folds to ASCII hashes like the ASCII word.
    assert_eq!(fold_hash("\u{212A}ING"), fold_hash("king"));
}

/// The byte-wise fold hashes every word as folding it char by char
/// does, long words (past the 64-byte buffer) and expanding
/// lowercase forms (`İ`) included.
#[test]
fn fold_hash_equals_the_hash_of_the_char_by_char_lowercase() {
    // Every char through `char::to_lowercase`, and the whole word
    // through `str::to_lowercase` once the buffer would overflow.
    let char_by_char = |w: &str| -> u64 {
        let mut buf = [0u8; 64];
        let mut n = 0;
        for c in w.chars().flat_map(char::to_lowercase) {
            if n + 4 > buf.len() {
                return hash_lower_ascii(w.to_lowercase().as_bytes());
            }
            n += c.encode_utf8(&mut buf[n..]).len();
        }
        hash_lower_ascii(&buf[..n])
    };
    let latin1: Vec<String> = ('\u{80}'..='\u{FF}').map(|c| format!("x{c}Y{c}")).collect();
    for w in &latin1 {
        assert_eq!(fold_hash(w), char_by_char(w), "{w:?}");
    }
    let long = "Ä".repeat(20) + "BCDEFGHIJKLMNOPQRSTUVWXYZ";
    let sigma = "A".repeat(58) + "ΑΣ";
    for w in [
        "Šešelj",
        "ÉCOLE",
        "İstanbul",
        "Zürich",
        "ΣΟΦΙΑΣ",
        "Đà Nẵng",
        "Ṭāhā",
        "\u{212A}ING",
        long.as_str(),
        sigma.as_str(),
        &sigma[1..],
        &sigma[3..],
    ] {
        assert_eq!(fold_hash(w), char_by_char(w), "{w:?}");
    }
}

#[test]
fn fold_hash_tells_short_and_long_words_apart() {
    // Every word of 1 to 10 letters over a small alphabet: equal hashes
    // exactly when the lowercase words are equal.
    let mut words = vec![String::new()];
    let mut all = Vec::new();
    for len in 1..=10 {
        let alphabet: &[char] = if len <= 5 {
            &['a', 'B', 'b', '0']
        } else {
            &['a', 'b']
        };
        words = words
            .iter()
            .flat_map(|w| alphabet.iter().map(move |c| format!("{w}{c}")))
            .collect();
        all.extend(words.iter().cloned());
    }
    let mut by_hash = std::collections::HashMap::new();
    for w in &all {
        let lower = w.to_lowercase();
        if let Some(prev) = by_hash.insert(fold_hash(w), lower.clone()) {
            assert_eq!(prev, lower, "{w:?} collides");
        }
    }
}

/// The eight-byte step ends a short word at an ASCII separator only:
/// words running to a non-ASCII letter, an invisible char, the eighth
/// byte or the text's end go the byte-by-byte way, and every word keeps
/// the hash and flags it has alone.
#[test]
fn eight_byte_step_splits_and_hashes_as_word_by_word() {
    let pieces = [
        "a",
        "Bc",
        "DEF",
        "ghij",
        "Klmno",
        "pqrsT9",
        "uvwxyz0",
        "ABCDEFGH",
        "ijklmnopq",
        "é",
        "abcé",
        "Zü",
        "x\u{200B}y",
        "e\u{301}",
        " ",
        "-",
        "’",
        "@[`{",
        "  ",
    ];
    let mut rng = 7u64;
    let mut buf = WordBuf::default();
    for _ in 0..3000 {
        let mut text = String::new();
        for _ in 0..(rng % 9) {
            rng = rng
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            text.push_str(pieces[(rng >> 33) as usize % pieces.len()]);
        }
        rng = rng.wrapping_mul(6364136223846793005).wrapping_add(1);
        buf.tokenize(&text);
        let mut want = Vec::new();
        let mut i = 0;
        while i < text.len() {
            let c = text[i..].chars().next().unwrap();
            if !is_word_char(c) {
                i += c.len_utf8();
                continue;
            }
            let start = i;
            while let Some(c) = text[i..].chars().next() {
                if is_word_char(c) {
                    i += c.len_utf8();
                } else if is_invisible(c) && past_invisible(&text, i).is_some() {
                    i = past_invisible(&text, i).unwrap();
                } else {
                    break;
                }
            }
            want.push(Token { start, end: i });
        }
        assert_eq!(buf.tokens, want, "{text:?}");
        let of = WordBuf::of_tokens(&text, &want);
        assert_eq!(
            (&buf.hashes, &buf.flags),
            (&of.hashes, &of.flags),
            "{text:?}"
        );
    }
}

#[test]
fn hash_packed_is_hash_lower_ascii() {
    let word = b"AbCdEfG9";
    let x = u64::from_le_bytes(*b"AbCdEfG9");
    for n in 1..8 {
        assert_eq!(hash_packed(x, n), hash_lower_ascii(&word[..n]), "{n}");
    }
}

#[test]
fn not_word_bytes_marks_all_but_ascii_letters_and_digits() {
    let all: Vec<u8> = (0u8..=255).collect();
    for c in all.chunks(8) {
        let x = u64::from_le_bytes(c.try_into().unwrap());
        let got = not_word_bytes(x).to_le_bytes();
        for (b, g) in c.iter().zip(got) {
            assert_eq!(g == 0x80, !b.is_ascii_alphanumeric(), "{b}");
            assert!(g == 0 || g == 0x80);
        }
    }
}

#[test]
fn ascii_lower8_folds_only_letters() {
    let all: Vec<u8> = (0u8..=255).collect();
    for c in all.chunks(8) {
        let w = u64::from_le_bytes(c.try_into().unwrap());
        let want: Vec<u8> = c.iter().map(u8::to_ascii_lowercase).collect();
        assert_eq!(ascii_lower8(w).to_le_bytes().to_vec(), want, "{c:?}");
    }
}
