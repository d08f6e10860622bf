//! Documents and their paragraphs: title, page debris, scraper repeats.
//!
//! A document's text is kept exactly as read (only a UTF-8 byte order mark is
//! dropped and `\r\n` becomes `\n` in plain-text files, as Python's `open()`
//! does), so every offset points into it. Segmenting never rewrites the text:
//! it labels each line.

use crate::tokens::{tokenize, Token};

/// A document to process.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// `doc_id` column: relative path, JSON `id`, or `FILE:LINE`.
    pub id: String,
    /// `source` column: the file it came from (`FILE:LINE` for JSON Lines).
    pub source: String,
    /// Title given by the record (JSON `title`); otherwise found in the text.
    pub title: Option<String>,
    /// The text. Offsets in every table count characters of this text.
    pub text: String,
    /// A problem met while reading that did not stop processing (lossy UTF-8).
    pub warning: Option<String>,
}

/// What a line of a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParagraphKind {
    /// The headline (first line, when it reads like one).
    Title,
    /// A paragraph of the article.
    Body,
    /// Page debris (`loading...`, `A`, `(esn)`): yields nothing.
    Debris,
    /// A verbatim repeat of an earlier paragraph: yields nothing.
    Repeat,
}

/// One line of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paragraph {
    /// Byte offset of the first non-space byte.
    pub start: usize,
    /// Byte offset after the last non-space byte.
    pub end: usize,
    pub kind: ParagraphKind,
    /// `paragraph` column: 0 for the title, then 1, 2, ... for kept body
    /// paragraphs (debris and repeats are not numbered).
    pub number: usize,
}

/// A segmented document.
#[derive(Debug, Clone, Default)]
pub struct Segments {
    pub paragraphs: Vec<Paragraph>,
    /// The title line, if one was found in the text.
    pub title: Option<(usize, usize)>,
    /// Body paragraphs kept.
    pub body: usize,
    /// Body paragraphs dropped as verbatim repeats.
    pub repeats: usize,
}

impl Segments {
    /// Paragraphs that are processed (title and kept body).
    pub fn kept(&self) -> impl Iterator<Item = &Paragraph> {
        self.paragraphs
            .iter()
            .filter(|p| matches!(p.kind, ParagraphKind::Title | ParagraphKind::Body))
    }
}

/// Splits a text into paragraphs (lines) and labels them.
///
/// `find_title`: whether the first line may be a headline (false when the
/// record gave its title separately).
///
/// ```
/// use kutip::document::{segment, ParagraphKind};
/// let s = segment("Big News Today\nloading...\nIt rained.\nIt rained.\n(esn)", true);
/// let kinds: Vec<_> = s.paragraphs.iter().map(|p| p.kind).collect();
/// assert_eq!(kinds, [ParagraphKind::Title, ParagraphKind::Debris, ParagraphKind::Body,
///                    ParagraphKind::Repeat, ParagraphKind::Debris]);
/// assert_eq!(s.repeats, 1);
/// ```
pub fn segment(text: &str, find_title: bool) -> Segments {
    let mut seg = Segments::default();
    // Paragraphs kept so far, by a hash of their words (spaces normalised);
    // a hash hit is confirmed word by word, so a collision never drops one.
    let mut seen = KeptLines::default();
    let mut offset = 0;
    let mut lines = Vec::new();
    for line in text.split('\n') {
        let start = offset + (line.len() - line.trim_start().len());
        let end = offset + line.trim_end().len();
        offset += line.len() + 1;
        if end > start {
            lines.push((start, end));
        }
    }
    let debris: Vec<bool> = lines.iter().map(|&(s, e)| is_debris(&text[s..e])).collect();
    let substantive = debris.iter().filter(|&&d| !d).count();
    for (i, &(start, end)) in lines.iter().enumerate() {
        let line = &text[start..end];
        let kind = if debris[i] {
            ParagraphKind::Debris
        } else if find_title && i == 0 && substantive > 1 && reads_like_title(line) {
            seg.title = Some((start, end));
            ParagraphKind::Title
        } else if is_repeat(text, line, start, end, &mut seen) {
            seg.repeats += 1;
            ParagraphKind::Repeat
        } else {
            seg.body += 1;
            ParagraphKind::Body
        };
        let number = match kind {
            ParagraphKind::Body => seg.body,
            _ => 0,
        };
        seg.paragraphs.push(Paragraph {
            start,
            end,
            kind,
            number,
        });
    }
    seg
}

/// The paragraphs kept so far, by the hash of their words: each hash's
/// first line in a map, the others (a hash shared by different lines)
/// chained after it, so that no line costs an allocation of its own.
#[derive(Default)]
struct KeptLines {
    /// Hash -> index in `lines` of the last line kept with it.
    last: rustc_hash::FxHashMap<u64, u32>,
    /// (start, end, index of the line kept before with the same hash).
    lines: Vec<(usize, usize, Option<u32>)>,
}

/// Has a paragraph with the same words (spaces normalised) been kept
/// already? If not, remembers this one.
fn is_repeat(text: &str, line: &str, start: usize, end: usize, seen: &mut KeptLines) -> bool {
    let h = words_hash(line);
    let last = seen.last.get(&h).copied();
    let mut at = last;
    while let Some(i) = at {
        let (s, e, before) = seen.lines[i as usize];
        if text[s..e].split_whitespace().eq(line.split_whitespace()) {
            return true;
        }
        at = before;
    }
    seen.last.insert(h, seen.lines.len() as u32);
    seen.lines.push((start, end, last));
    false
}

/// A hash of the words of `line` (trimmed), spaces normalised: the hash of
/// its words joined by single spaces. Most lines are already written so and
/// are hashed as they stand; the others are rebuilt first.
fn words_hash(line: &str) -> u64 {
    use std::hash::Hasher;
    let b = line.as_bytes();
    // A line needs rebuilding when it has two spaces in a row, or a space
    // other than ' ' (ASCII, or one of the few non-ASCII ones). Each is a
    // memchr search (a line holds no '\n').
    // The searcher for two spaces is built once: building it per line
    // cost more than the search.
    static TWO_SPACES: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"  "));
    let plain = TWO_SPACES.find(b).is_none()
        && memchr::memchr3(b'\t', 0x0B, 0x0C, b).is_none()
        && memchr::memchr(b'\r', b).is_none()
        && !memchr::memchr3_iter(0xC2, 0xE1, 0xE2, b)
            .chain(memchr::memchr_iter(0xE3, b))
            .any(|i| starts_with_other_space(&b[i..]));
    let mut h = rustc_hash::FxHasher::default();
    if plain {
        h.write(b);
    } else {
        let mut joined = String::with_capacity(b.len());
        for (i, w) in line.split_whitespace().enumerate() {
            if i > 0 {
                joined.push(' ');
            }
            joined.push_str(w);
        }
        h.write(joined.as_bytes());
    }
    h.finish()
}

/// Does `b` start with a non-ASCII space: U+0085, U+00A0, U+1680,
/// U+2000..U+200A, U+2028, U+2029, U+202F, U+205F or U+3000?
fn starts_with_other_space(b: &[u8]) -> bool {
    matches!(
        *b,
        [0xC2, 0x85 | 0xA0, ..]
            | [0xE1, 0x9A, 0x80, ..]
            | [0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF, ..]
            | [0xE2, 0x81, 0x9F, ..]
            | [0xE3, 0x80, 0x80, ..]
    )
}

/// A headline: a short line of several words that does not end a sentence.
fn reads_like_title(line: &str) -> bool {
    let words = tokenize(line).len();
    let last = line.chars().last().unwrap_or('.');
    (2..=30).contains(&words)
        && line.chars().count() <= 250
        && !matches!(last, '.' | ',' | ';' | ':')
}

/// Does a line read as a headline, its words capitalised whatever they are
/// ("Ortiz Vows 'Big Change' if Voters Don't Rally", "Reckless Ortiz and
/// Park")? Capitalisation there is no evidence of a name. Four words or
/// more (those starting with a letter), at least seven in ten capitalised;
/// twelve at most unless the line is the document's `title` (a sub-head's
/// most; a dateline's first sentence is longer, and is body text). Looser
/// than the test of a line of capitalised words: it is asked of a document's
/// first line alone, which body text rarely fills so with names.
pub fn reads_like_headline<'w>(words: impl IntoIterator<Item = &'w str>, title: bool) -> bool {
    let (mut all, mut caps) = (0usize, 0usize);
    for w in words {
        let Some(c) = w.chars().next().filter(|c| c.is_alphabetic()) else {
            continue;
        };
        all += 1;
        caps += usize::from(c.is_uppercase());
        // A long line is no headline but for a title: no need to read on.
        if all > 12 && !title {
            return false;
        }
    }
    all >= 4 && caps * 10 >= all * 7
}

/// Lines that carry no article content.
///
/// Lines with no word of two letters (`A`, `***`, `-`), reporter initials in
/// parentheses (`(esn)`, `(ant/rz)`), and the widget labels scrapers keep.
pub fn is_debris(line: &str) -> bool {
    let t = line.trim();
    // Widget phrases: whatever follows them is the widget's too.
    const PREFIX_LABELS: &[&str] = &[
        "scroll to continue",
        "scroll to resume",
        "baca juga",
        "baca selengkapnya",
        "read more",
        "read also",
        "share this",
        "follow us",
        "ikuti kami",
        "sign up",
        "subscribe to",
        "editor:",
        "penulis:",
        "reporter:",
        "pewarta:",
        "sumber:",
        "foto:",
        "photo:",
        "getty images",
        "hak cipta",
        "all rights reserved",
    ];
    // Single words that also open real sentences (`Iklan rokok dilarang`,
    // `Shares of Garuda fell`): a label only alone, or followed by
    // punctuation or a number (`Komentar (3)`, `Copyright 2026`).
    const WORD_LABELS: &[&str] = &[
        "loading",
        "advertisement",
        "iklan",
        "share",
        "bagikan",
        "tweet",
        "komentar",
        "comments",
        "subscribe",
        "copyright",
    ];
    let has_long_word = line
        .split(|c: char| !c.is_alphabetic())
        .any(|w| w.chars().count() >= 2);
    if !has_long_word {
        return true;
    }
    if t.len() <= 240 && t.chars().count() <= 60 {
        let lower = t.trim_start_matches(['©', ' ']).to_lowercase();
        if PREFIX_LABELS.iter().any(|l| lower.starts_with(l)) {
            return true;
        }
        let label_alone = |l: &&str| {
            lower.strip_prefix(*l).is_some_and(|rest| {
                rest.trim_start()
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphabetic())
                    && !rest.starts_with(char::is_alphanumeric)
            })
        };
        if WORD_LABELS.iter().any(label_alone) {
            return true;
        }
    }
    // "(esn)", "(ant/rz)", "(AFP)"-style sign-offs.
    if let Some(inner) = t.strip_prefix('(').and_then(|s| s.strip_suffix(')')) {
        return inner.len() <= 20
            && inner
                .split(['/', ',', ' ', '-'])
                .all(|w| w.chars().count() <= 6 && w.chars().all(char::is_alphanumeric));
    }
    false
}

/// Guesses the language: `id` (Indonesian), `en` (English) or empty.
///
/// Counts frequent function words of each language (`yang`, `dan`, …;
/// `the`, `and`, …); the larger count wins.
pub fn detect_language(text: &str) -> &'static str {
    detect_language_in(text, &tokenize(&text[..head_end(text)]))
}

/// The end of the part of `text` that [`detect_language`] reads: the first
/// 20,000 bytes are plenty to tell.
fn head_end(text: &str) -> usize {
    let mut end = text.len().min(20_000);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    end
}

/// An ASCII word of up to eight bytes, lowercase, as one number.
const fn word_key(w: &[u8]) -> u64 {
    let mut k = 0u64;
    let mut i = 0;
    while i < w.len() {
        k = k << 8 | w[i].to_ascii_lowercase() as u64;
        i += 1;
    }
    k
}

/// The [`word_key`]s of some words.
const fn word_keys<const N: usize>(words: [&[u8]; N]) -> [u64; N] {
    let mut keys = [0u64; N];
    let mut i = 0;
    while i < N {
        keys[i] = word_key(words[i]);
        i += 1;
    }
    keys
}

/// Frequent Indonesian function words, as [`word_key`]s.
const ID_WORDS: [u64; 21] = word_keys([
    b"yang",
    b"dan",
    b"di",
    b"ini",
    b"itu",
    b"dengan",
    b"untuk",
    b"dari",
    b"dalam",
    b"tidak",
    b"akan",
    b"pada",
    b"ke",
    b"juga",
    b"bahwa",
    b"adalah",
    b"kata",
    b"oleh",
    b"telah",
    b"tersebut",
    b"mereka",
]);

/// Frequent English function words, as [`word_key`]s.
const EN_WORDS: [u64; 22] = word_keys([
    b"the", b"and", b"of", b"to", b"in", b"is", b"that", b"for", b"was", b"said", b"with", b"on",
    b"it", b"by", b"are", b"from", b"has", b"have", b"he", b"she", b"they", b"were",
]);

/// Which list a function word is in: 1 Indonesian, 2 English, 0 neither.
/// An open-addressed table of the words' [`word_key`]s (a multiply and one
/// or two probes per word, where a search of both lists took forty
/// compares), built when compiling.
const LANG_SLOTS: usize = 128;
const LANG_TABLE: [(u64, u8); LANG_SLOTS] = {
    let mut t = [(0u64, 0u8); LANG_SLOTS];
    let mut l = 0;
    while l < 2 {
        let keys: &[u64] = if l == 0 { &ID_WORDS } else { &EN_WORDS };
        let mut i = 0;
        while i < keys.len() {
            let mut s = lang_slot(keys[i]);
            while t[s].1 != 0 && t[s].0 != keys[i] {
                s = (s + 1) % LANG_SLOTS;
            }
            // A word in both lists would count as Indonesian, as before.
            if t[s].1 == 0 {
                t[s] = (keys[i], l + 1);
            }
            i += 1;
        }
        l += 1;
    }
    t
};

/// The first slot of a key in [`LANG_TABLE`].
const fn lang_slot(k: u64) -> usize {
    (k.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 57) as usize
}

/// The list of the word with this key (see [`LANG_TABLE`]).
fn function_word_list(k: u64) -> u8 {
    let mut s = lang_slot(k);
    loop {
        let (key, list) = LANG_TABLE[s];
        if list == 0 || key == k {
            return list;
        }
        s = (s + 1) % LANG_SLOTS;
    }
}

/// A key that equals the [`word_key`] of a function word exactly when
/// `text[start..end]` is that word in any case: the word's bytes with
/// 0x20 set (which lowercases a letter and makes no letter of anything
/// else), read as one number; `None` for a word no list can hold (not
/// two to eight ASCII bytes).
fn folded_key(text: &[u8], start: usize, end: usize) -> Option<u64> {
    let len = end - start;
    if !(2..=8).contains(&len) {
        return None;
    }
    let mask = u64::MAX >> (64 - 8 * len);
    let x = if end >= 8 {
        // The eight bytes ending at the word's end, the word in the low ones.
        u64::from_be_bytes(text[end - 8..end].try_into().expect("8 bytes")) & mask
    } else {
        text[start..end].iter().fold(0, |k, &b| k << 8 | b as u64)
    };
    if x & u64::from_ne_bytes([0x80; 8]) != 0 {
        return None;
    }
    Some(x | (u64::from_ne_bytes([0x20; 8]) & mask))
}

/// Like [`detect_language`], with the words of `text` already found
/// (`tokens` may run past the part read).
pub fn detect_language_in(text: &str, tokens: &[Token]) -> &'static str {
    let (mut id, mut en) = (0usize, 0usize);
    let end = head_end(text);
    for t in tokens.iter().take_while(|t| t.start < end) {
        // A word cut by the end of the part read counts as cut.
        let Some(k) = folded_key(text.as_bytes(), t.start, t.end.min(end)) else {
            continue;
        };
        match function_word_list(k) {
            1 => id += 1,
            2 => en += 1,
            _ => {}
        }
    }
    match (id, en) {
        (0, 0) => "",
        (i, e) if i > e => "id",
        _ => "en",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debris_lines() {
        let debris = [
            "loading...",
            "A",
            "A A A",
            "(esn)",
            "(ant/rz)",
            "***",
            "-",
            "Baca juga: Banjir",
            "ADVERTISEMENT",
            "12",
        ];
        let content = [
            "Wang said so.",
            "(Reuters) - Officials said",
            "A big day for Jakarta",
        ];
        for d in debris {
            assert!(is_debris(d), "{d:?} is debris");
        }
        for c in content {
            assert!(!is_debris(c), "{c:?} is content");
        }
    }

    /// A short paragraph that starts with a label's word was dropped whole.
    #[test]
    fn debris_labels_match_the_whole_label_never_a_prefix_of_text() {
        let debris = [
            "Loading",
            "Iklan",
            "Share",
            "Share this article",
            "Bagikan:",
            "Komentar (3)",
            "Advertisement - Scroll to continue",
            "Scroll to continue with content",
            "Baca juga Banjir Jakarta",
            "Read more: China and Russia",
            "Follow us on Twitter",
            "Subscribe to our newsletter",
            "Copyright 2026 Kompas",
            "© Copyright",
            "Foto: Reuters",
            "Editor: Budi",
            "Getty Images",
        ];
        let content = [
            "Shares of Garuda fell 3%.",
            "Iklan rokok dilarang di televisi.",
            "Loading ramps were closed.",
            "Sharing is rare here.",
            "Komentar Jokowi memicu debat.",
            "Tweets by the minister angered many.",
            "Copyright law changed in May.",
            "Subscribers got refunds.",
            "Advertisement spending fell.",
        ];
        for d in debris {
            assert!(is_debris(d), "{d:?} is debris");
        }
        for c in content {
            assert!(!is_debris(c), "{c:?} is content");
        }
    }

    #[test]
    fn title_needs_a_body_and_must_not_end_a_sentence() {
        assert!(segment("Just one line here", true).title.is_none());
        assert!(segment("It ended.\nBody text here.", true).title.is_none());
        assert!(segment("Headline Here\nBody text here.", true)
            .title
            .is_some());
        assert!(segment("Headline Here\nBody text here.", false)
            .title
            .is_none());
    }

    #[test]
    fn repeats_are_counted_not_kept() {
        let s = segment(
            "Big Title\nOne  two.\nThree.\nOne two.\nThree.\nFour.",
            true,
        );
        assert_eq!((s.body, s.repeats), (3, 2));
        let numbers: Vec<_> = s.kept().map(|p| p.number).collect();
        assert_eq!(numbers, [0, 1, 2, 3]);
    }

    #[test]
    fn offsets_point_at_trimmed_lines() {
        let text = "  Title Words  \n\n  Body line.  ";
        let s = segment(text, true);
        let got: Vec<_> = s.paragraphs.iter().map(|p| &text[p.start..p.end]).collect();
        assert_eq!(got, ["Title Words", "Body line."]);
    }

    #[test]
    fn folded_keys_equal_word_keys_of_function_words_in_any_case() {
        let text = b"x yang YANG Yang tersebut The the2 @he [he] 12 d\xC3\xA9 dan";
        let keys: Vec<Option<u64>> = tokenize(std::str::from_utf8(text).unwrap())
            .iter()
            .map(|t| folded_key(text, t.start, t.end))
            .collect();
        let lists: Vec<u8> = keys
            .iter()
            .map(|k| k.map_or(0, function_word_list))
            .collect();
        assert_eq!(keys[1], Some(word_key(b"yang")));
        assert_eq!(keys[2], keys[1]);
        assert_eq!(keys[3], keys[1]);
        assert!(keys.iter().all(|k| k.is_none_or(|k| k != 0)));
        let want: Vec<u8> = tokenize(std::str::from_utf8(text).unwrap())
            .iter()
            .map(|t| {
                let w = &text[t.start..t.end];
                if w.len() > 8 || !w.is_ascii() {
                    0
                } else {
                    function_word_list(word_key(w))
                }
            })
            .collect();
        assert_eq!(lists, want);
        assert_eq!(lists.iter().filter(|&&l| l == 1).count(), 5);
    }

    #[test]
    fn function_words_are_found_in_their_list_and_no_other_word_is() {
        for (k, list) in ID_WORDS
            .iter()
            .map(|k| (k, 1))
            .chain(EN_WORDS.iter().map(|k| (k, 2)))
        {
            assert_eq!(function_word_list(*k), list);
        }
        for w in [
            "yan", "yangg", "th", "thee", "saids", "a", "i", "kata2", "\0\0",
        ] {
            assert_eq!(function_word_list(word_key(w.as_bytes())), 0, "{w}");
        }
    }

    #[test]
    fn language() {
        assert_eq!(
            detect_language("Menteri itu mengatakan bahwa dia akan datang ke Jakarta."),
            "id"
        );
        assert_eq!(
            detect_language("The minister said that he was coming to Jakarta."),
            "en"
        );
        assert_eq!(detect_language("12 34"), "");
    }

    #[test]
    fn other_spaces_are_every_non_ascii_white_space() {
        for c in (0x80u32..0x1_0000).filter_map(char::from_u32) {
            let mut buf = [0u8; 4];
            let b = c.encode_utf8(&mut buf).as_bytes();
            assert_eq!(starts_with_other_space(b), c.is_whitespace(), "{c:?}");
        }
    }

    #[test]
    fn words_hash_normalises_spaces_only() {
        assert_eq!(
            words_hash("Ia  datang\tke  Jakarta"),
            words_hash("Ia datang ke Jakarta")
        );
        assert_eq!(words_hash("Ia\u{a0}datang"), words_hash("Ia datang"));
        assert_ne!(words_hash("Ia datang"), words_hash("Iada tang"));
        assert_ne!(words_hash("Ia datang"), words_hash("Ia datang."));
    }

    #[test]
    fn language_from_whole_text_words_reads_the_same_head() {
        // A word cut by the 20,000-byte head counts as cut: "the" + "se".
        let mut text = "dan ".repeat(4_000);
        text.push_str(&"x".repeat(19_997 - text.len()));
        text.push_str(" these the the the the the the the");
        text.push_str(&" the".repeat(10_000));
        let words = tokenize(&text);
        assert_eq!(detect_language_in(&text, &words), detect_language(&text));
        assert_eq!(detect_language_in(&text, &words), "id");
    }
}
