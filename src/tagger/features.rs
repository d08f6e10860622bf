//! Features of a word for the name tagger, hashed into a fixed table.
//!
//! Every feature is a (template, value) pair hashed to one row of the
//! weight table; the row holds one weight per tag. Values are cheap to
//! compute from the text: the lowercased word and its neighbours, its shape
//! and affixes, the punctuation around it, a sentence start, the class of
//! nearby cue words (titles, reporting verbs, organisation and place heads,
//! place prepositions) and the gazetteer type matched there.

pub use super::lexicon::{class, Lexicon};
use crate::gazetteer::EntityType;
use crate::tokens::{fold_hash, Token};

/// log2 of the number of rows of the weight table.
pub const TABLE_BITS: u32 = 18;
/// Rows of the weight table.
pub const TABLE_ROWS: usize = 1 << TABLE_BITS;
/// Features per word (a fixed number: the emission loop does not branch).
pub const FEATURES: usize = 24;

/// What the features need of one word: computed once per word.
#[derive(Debug, Clone, Copy, Default)]
pub struct WordInfo {
    /// [`fold_hash`] of the word.
    pub hash: u64,
    /// Case and character-class shape, collapsed (see [`shape`]).
    pub shape: u32,
    /// Hashes of the lowercased first and last three characters.
    pub prefix: u64,
    pub suffix: u64,
    /// [`class`] bits.
    pub classes: u8,
    /// Gazetteer type matched at this word: 0 none, else 1 + type * 2
    /// (+1 when the word continues the match).
    pub gaz: u8,
    /// Punctuation class of the text before the word ([`gap_class`]).
    pub gap_before: u8,
    /// Does a sentence start here?
    pub sentence_start: bool,
}

/// The gazetteer code of a word: `kind` matched, as first word or not.
pub fn gaz_code(kind: EntityType, first: bool) -> u8 {
    let k = match kind {
        EntityType::Person => 0,
        EntityType::Organization => 1,
        EntityType::Country => 2,
        EntityType::Location => 3,
    };
    1 + k * 2 + u8::from(!first)
}

/// The shape of a word: `X` uppercase, `x` lowercase, `d` digit, `o` other,
/// repeats collapsed, at most four symbols (`Jakarta` -> `Xx`, `KPU` -> `X`,
/// `McDonald` -> `XxXx`, `G20` -> `Xd`), plus a length bucket.
pub fn shape(word: &str) -> u32 {
    if word.is_ascii() {
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
            c if c.is_uppercase() => 1,
            c if c.is_lowercase() => 2,
            c if c.is_numeric() => 3,
            _ => 4,
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

/// The class of the text between two words: 0 space only, 1 a sentence end
/// (`.`, `!`, `?`), 2 comma, 3 an opening bracket, 4 a closing one, 5 a
/// quotation mark, 6 a hyphen, 7 a colon, semicolon or dash, 8 slash, 9
/// other; a line break (paragraph edge) is 10.
pub fn gap_class(gap: &str) -> u8 {
    let mut class = 0;
    for c in gap.chars() {
        let k = match c {
            '\n' | '\r' => return 10,
            '.' | '!' | '?' => 1,
            ',' => 2,
            '(' | '[' => 3,
            ')' | ']' => 4,
            '"' | '\u{201C}' | '\u{201D}' | '\u{2018}' | '\u{2019}' | '\'' | '`' => 5,
            '-' | '\u{2010}' | '\u{2011}' => 6,
            ':' | ';' | '\u{2013}' | '\u{2014}' => 7,
            '/' => 8,
            c if c.is_whitespace() => 0,
            _ => 9,
        };
        // The strongest mark wins: a sentence end over anything else.
        if class == 0 || k == 1 {
            class = k;
        }
    }
    class
}

/// May a word belong to a name run: it starts with a capital letter.
#[inline]
pub fn is_name_word(word: &str) -> bool {
    match word.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => word.chars().next().is_some_and(char::is_uppercase),
    }
}

/// [`is_name_word`] of the word `t` of `text`, without slicing the text
/// (it is asked of every word of a paragraph).
#[inline]
pub fn is_name_token(text: &str, t: Token) -> bool {
    match text.as_bytes().get(t.start) {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        Some(_) => text[t.start..t.end]
            .chars()
            .next()
            .is_some_and(char::is_uppercase),
        None => false,
    }
}

/// The lowercased first and last three characters: for an ASCII word its
/// bytes themselves (with the count), else their hashes.
fn lower_affixes(word: &str) -> (u64, u64) {
    let n = word.len();
    if word.is_ascii() {
        let b = word.as_bytes();
        let pack = |bytes: &[u8]| {
            bytes.iter().fold(bytes.len() as u64, |acc, &c| {
                acc << 8 | u64::from(c.to_ascii_lowercase())
            })
        };
        return (pack(&b[..n.min(3)]), pack(&b[n.saturating_sub(3)..]));
    }
    let pre = word.char_indices().nth(3).map_or(n, |(b, _)| b);
    let suf = word.char_indices().rev().nth(2).map_or(0, |(b, _)| b);
    (fold_hash(&word[..pre]), fold_hash(&word[suf..]))
}

/// What the features read of a word of a run's window, by how near the
/// run it is: two words away only its hash and classes, next to the run
/// also its shape, gazetteer code and gap, in the run also its affixes.
const FAR: u8 = 1;
const NEAR: u8 = 2;
const IN_RUN: u8 = 3;

/// The level (`FAR`, `NEAR`, `IN_RUN`) of word `i` in the window of run `a..b`.
fn level(i: usize, (a, b): (usize, usize)) -> u8 {
    if (a..b).contains(&i) {
        IN_RUN
    } else if i + 1 == a || i == b {
        NEAR
    } else {
        FAR
    }
}

/// The [`WordInfo`] of word `i` (whose hash is `hash`), as much as `level`
/// needs (the rest zero).
fn word_info(
    text: &str,
    toks: &[Token],
    (i, hash): (usize, u64),
    gaz: u8,
    lexicon: &Lexicon,
    level: u8,
) -> WordInfo {
    let mut info = WordInfo {
        hash,
        classes: lexicon.classes(hash),
        gaz,
        ..WordInfo::default()
    };
    if level == FAR {
        return info;
    }
    let t = toks[i];
    let w = &text[t.start..t.end];
    let gap = if i == 0 {
        10
    } else if t.start == toks[i - 1].end + 1 && text.as_bytes()[t.start - 1] == b' ' {
        // Most words follow one space.
        0
    } else {
        gap_class(&text[toks[i - 1].end..t.start])
    };
    info.shape = shape(w);
    info.gap_before = gap;
    info.sentence_start = i == 0 || gap == 1 || gap == 10;
    if level == IN_RUN {
        (info.prefix, info.suffix) = lower_affixes(w);
    }
    info
}

/// The runs of a paragraph's words to tag (see [`name_runs`]); with
/// `skip_listed`, runs made only of list matches (`gaz[i] != 0`) are left
/// out.
/// `infos` is [`ParagraphInfos::reset`] for the paragraph here, and keeps
/// the hashes of the words it looked up.
pub fn runs_to_tag(
    text: &str,
    toks: &[Token],
    gaz: &[u8],
    lexicon: &Lexicon,
    skip_listed: bool,
    infos: &mut ParagraphInfos,
    runs: &mut Vec<(usize, usize)>,
) {
    infos.reset(toks.len());
    let mut caps = std::mem::take(&mut infos.caps);
    let hash = |i: usize| infos.hash(text, toks, i);
    name_runs_with(text, toks, lexicon, hash, &mut caps, runs);
    infos.caps = caps;
    if skip_listed {
        runs.retain(|&(a, b)| gaz[a..b].contains(&0));
    }
}

/// The [`WordInfo`] of the words the features of run `a..b` read: the run
/// and up to two words either side, from word `window_start(a)` on. Only
/// these are found: most words of a text are in no run, and finding their
/// facts would cost more than the tagging.
pub fn window_infos(
    text: &str,
    toks: &[Token],
    gaz: &[u8],
    lexicon: &Lexicon,
    (a, b): (usize, usize),
    out: &mut Vec<WordInfo>,
) {
    out.clear();
    let (lo, hi) = (window_start(a), (b + 2).min(toks.len()));
    for (i, &g) in gaz.iter().enumerate().take(hi).skip(lo) {
        let hash = fold_hash(&text[toks[i].start..toks[i].end]);
        let level = level(i, (a, b));
        out.push(word_info(text, toks, (i, hash), g, lexicon, level));
    }
}

/// The [`WordInfo`] of a paragraph's words, each found once: first its
/// hash (while the runs are found), then, in [`ParagraphInfos::fill`], the
/// facts the nearest run needs of it. A window holds what [`window_infos`]
/// gives, except that a context word may carry more (the shape and gap it
/// got as a neighbour or word of another run, which the features of this
/// run's words do not read).
#[derive(Debug, Default)]
pub struct ParagraphInfos {
    infos: Vec<WordInfo>,
    /// Per word: whether its hash is known.
    hashed: Vec<bool>,
    /// Per word: the highest level (`FAR`, `NEAR`, `IN_RUN`) a run's window
    /// needs of it; 0 in no window.
    need: Vec<u8>,
    /// The capitalised words (scratch space of [`name_runs_with`]).
    caps: Vec<usize>,
}

impl ParagraphInfos {
    /// Forgets the words found; the paragraph has `words` words.
    pub fn reset(&mut self, words: usize) {
        // A word's info is written before it is read (see `hashed`, `need`).
        if self.infos.len() < words {
            self.infos.resize(words, WordInfo::default());
        }
        self.hashed.clear();
        self.hashed.resize(words, false);
        self.need.clear();
        self.need.resize(words, 0);
    }

    /// The [`fold_hash`] of word `i`, found once.
    #[inline]
    pub fn hash(&mut self, text: &str, toks: &[Token], i: usize) -> u64 {
        if !self.hashed[i] {
            self.infos[i].hash = fold_hash(&text[toks[i].start..toks[i].end]);
            self.hashed[i] = true;
        }
        self.infos[i].hash
    }

    /// Finds the facts of every word in the window of one of `runs` (sorted,
    /// not overlapping), once each, as much as its nearest run needs.
    pub fn fill(
        &mut self,
        text: &str,
        toks: &[Token],
        gaz: &[u8],
        lexicon: &Lexicon,
        runs: &[(usize, usize)],
    ) {
        for &(a, b) in runs {
            for i in window_start(a)..(b + 2).min(toks.len()) {
                self.need[i] = self.need[i].max(level(i, (a, b)));
            }
        }
        // Windows of neighbouring runs overlap: each word is found once.
        let mut done = 0;
        for &(a, b) in runs {
            let hi = (b + 2).min(toks.len());
            let lo = window_start(a).max(done);
            for (i, &g) in (lo..hi).zip(&gaz[lo..hi]) {
                let hash = self.hash(text, toks, i);
                self.infos[i] = word_info(text, toks, (i, hash), g, lexicon, self.need[i]);
            }
            done = done.max(hi);
        }
    }

    /// The window of run `a..b` (one of the runs [`ParagraphInfos::fill`]
    /// was given): from word `window_start(a)` to two words past the run
    /// (or the paragraph's end).
    pub fn window(&self, toks: &[Token], (a, b): (usize, usize)) -> &[WordInfo] {
        &self.infos[window_start(a)..(b + 2).min(toks.len())]
    }
}

/// The first word of the window of a run starting at word `a`.
pub fn window_start(a: usize) -> usize {
    a.saturating_sub(2)
}

/// The row of a feature: its value xor a constant of its template, times
/// an odd constant, top bits (multiplicative hashing; word values are
/// already hashes, the others small numbers the product spreads).
#[inline]
fn row(template: usize, value: u64) -> u32 {
    let h = (value ^ SALTS[template]).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (h >> (64 - TABLE_BITS)) as u32
}

/// One random constant per template (splitmix64 of its number).
const SALTS: [u64; FEATURES] = {
    let mut out = [0u64; FEATURES];
    let mut i = 0;
    while i < FEATURES {
        let mut x = (i as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        out[i] = x ^ (x >> 31);
        i += 1;
    }
    out
};

const NONE: u64 = 0x5bd1_e995;

/// The weight-table rows of the features of word `i` of a run
/// `run_start..run_end` (indices into `words`, which holds at least two
/// words either side of the run, or up to the paragraph's edge).
pub fn features(
    words: &[WordInfo],
    i: usize,
    run_start: usize,
    run_end: usize,
    out: &mut [u32; FEATURES],
) {
    let at = |k: isize| -> Option<&WordInfo> {
        let j = i as isize + k;
        (j >= 0 && (j as usize) < words.len()).then(|| &words[j as usize])
    };
    let w = &words[i];
    let hash_of = |k: isize| at(k).map_or(NONE, |x| x.hash);
    let shape_of = |k: isize| at(k).map_or(0, |x| x.shape as u64);
    let class_of = |k: isize| at(k).map_or(256, |x| x.classes as u64);
    let gap_after = at(1).map_or(10, |x| x.gap_before) as u64;
    let pos = (i - run_start).min(3) as u64;
    let len = (run_end - run_start).min(4) as u64;
    let f = [
        row(0, 0),
        row(1, w.hash),
        row(2, hash_of(-1)),
        row(3, hash_of(1)),
        row(4, hash_of(-2)),
        row(5, hash_of(2)),
        row(6, w.shape as u64),
        row(7, shape_of(-1) << 20 | w.shape as u64),
        row(8, (w.shape as u64) << 20 | shape_of(1)),
        row(9, w.suffix),
        row(10, w.prefix),
        row(11, (w.gap_before as u64) << 8 | gap_after),
        row(12, u64::from(w.sentence_start) << 20 | w.shape as u64),
        row(13, class_of(-1)),
        row(14, class_of(1)),
        row(15, class_of(-2)),
        row(16, w.classes as u64),
        row(17, w.gaz as u64),
        row(
            18,
            (at(-1).map_or(0, |x| x.gaz) as u64) << 8 | at(1).map_or(0, |x| x.gaz) as u64,
        ),
        row(19, pos << 8 | len),
        row(20, hash_of(-1) ^ (w.shape as u64).wrapping_mul(0x1000_0001)),
        row(21, hash_of(1) ^ (w.shape as u64).wrapping_mul(0x2000_0003)),
        // The cue classes of the run's first and last words, wherever in
        // the run the word is (`PT Sinar Karya Abadi`, `Bank ... Tbk`).
        row(22, (words[run_start].classes as u64) << 8 | pos),
        row(
            23,
            (words[run_end - 1].classes as u64) << 8 | (run_end - i).min(3) as u64,
        ),
    ];
    *out = f;
}

/// The runs of words that may hold names: capitalised words, and connector
/// words (`of`, `dan`) between two of them, not crossing strong punctuation
/// (a sentence end, comma, bracket, quotation mark, line break).
pub fn name_runs(text: &str, toks: &[Token], lexicon: &Lexicon, out: &mut Vec<(usize, usize)>) {
    let hash = |i: usize| fold_hash(&text[toks[i].start..toks[i].end]);
    name_runs_with(text, toks, lexicon, hash, &mut Vec::new(), out);
}

/// [`name_runs`], with `hash(i)` the [`fold_hash`] of word `i`; `caps`
/// is scratch space.
fn name_runs_with(
    text: &str,
    toks: &[Token],
    lexicon: &Lexicon,
    mut hash: impl FnMut(usize) -> u64,
    caps: &mut Vec<usize>,
    out: &mut Vec<(usize, usize)>,
) {
    out.clear();
    // The capitalised words, in one tight pass: the runs are built from
    // them alone, so the other words (most of a text) cost no more.
    caps.clear();
    caps.extend((0..toks.len()).filter(|&i| is_name_token(text, toks[i])));
    // Spaces or a hyphen join words of a name, and so does a bare period
    // (`U.S`); other punctuation ends a run.
    let joins = |i: usize| {
        let gap = &text[toks[i - 1].end..toks[i].start];
        gap == " " || gap == "." || matches!(gap_class(gap), 0 | 6)
    };
    // `caps[k]` is the next capitalised word not yet in a run.
    let mut k = 0;
    while k < caps.len() {
        let start = caps[k];
        let mut end = start + 1;
        k += 1;
        loop {
            let next = caps.get(k).copied();
            if next == Some(end) && joins(end) {
                end += 1;
                k += 1;
            } else if next == Some(end + 1)
                // Word `end` is not capitalised (the next one after it is).
                && joins(end)
                && joins(end + 1)
                && lexicon.classes(hash(end)) & class::CONNECTOR != 0
            {
                end += 2;
                k += 1;
            } else {
                break;
            }
        }
        if end - start > 1 || !lexicon.never_alone(hash(start)) {
            out.push((start, end));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    #[test]
    fn shapes_tell_case_and_digits() {
        assert_eq!(shape("Jakarta") >> 3, 0b001_010);
        assert_eq!(shape("KPU") >> 3, 0b001);
        assert_ne!(shape("KPU"), shape("Kpu"));
        assert_eq!(shape("G20") >> 3, 0b001_011);
        assert_ne!(shape("ab"), shape("abcdefgh"));
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

    #[test]
    fn paragraph_windows_hold_what_run_windows_hold() {
        let text = "kata Budi di Jakarta, Andi dan Sinta Dewi dari Bandung kemarin";
        let toks = tokenize(text);
        let lex = Lexicon::new();
        let gaz = vec![0u8; toks.len()];
        let mut runs = Vec::new();
        let (mut para, mut alone) = (ParagraphInfos::default(), Vec::new());
        runs_to_tag(text, &toks, &gaz, &lex, false, &mut para, &mut runs);
        para.fill(text, &toks, &gaz, &lex, &runs);
        assert!(runs.len() >= 4);
        for &(a, b) in &runs {
            let shared = para.window(&toks, (a, b)).to_vec();
            window_infos(text, &toks, &gaz, &lex, (a, b), &mut alone);
            assert_eq!(shared.len(), alone.len());
            let lo = window_start(a);
            for (i, (x, y)) in shared.iter().zip(&alone).enumerate() {
                let (fx, fy) = (format!("{x:?}"), format!("{y:?}"));
                if (a..b).contains(&(lo + i)) {
                    assert_eq!(fx, fy);
                }
                assert_eq!((x.hash, x.classes, x.gaz), (y.hash, y.classes, y.gaz));
                if level(lo + i, (a, b)) != FAR {
                    assert_eq!((x.shape, x.gap_before), (y.shape, y.gap_before));
                }
                let (mut r1, mut r2) = ([0; FEATURES], [0; FEATURES]);
                if (a..b).contains(&(lo + i)) {
                    features(&shared, i, a - lo, b - lo, &mut r1);
                    features(&alone, i, a - lo, b - lo, &mut r2);
                    assert_eq!(r1, r2);
                }
            }
        }
    }

    /// Words two away from a run are found only in part: the features of
    /// the run's words must not read the rest.
    #[test]
    fn features_read_of_far_words_only_their_hash_and_classes() {
        let text = "ia bilang kepada Budi Santoso di sana kemarin";
        let toks = tokenize(text);
        let lex = Lexicon::new();
        let (a, b) = (3, 5);
        let mut infos = Vec::new();
        window_infos(text, &toks, &[0; 9], &lex, (a, b), &mut infos);
        let lo = window_start(a);
        let rows = |infos: &[WordInfo]| {
            (a..b)
                .map(|i| {
                    let mut r = [0; FEATURES];
                    features(infos, i - lo, a - lo, b - lo, &mut r);
                    r
                })
                .collect::<Vec<_>>()
        };
        let before = rows(&infos);
        for i in [a - 2, b + 1] {
            let far = &mut infos[i - lo];
            (far.shape, far.gap_before, far.gaz) = (77, 7, 7);
            (far.prefix, far.suffix, far.sentence_start) = (7, 7, true);
        }
        assert_eq!(rows(&infos), before);
        infos[b + 1 - lo].hash ^= 1;
        assert_ne!(rows(&infos), before);
    }

    #[test]
    fn gap_classes_prefer_a_sentence_end() {
        assert_eq!(gap_class(" "), 0);
        assert_eq!(gap_class(", "), 2);
        assert_eq!(gap_class(". \""), 1);
        assert_eq!(gap_class(" ("), 3);
        assert_eq!(gap_class("\n"), 10);
    }

    fn runs(text: &str) -> Vec<String> {
        let toks = tokenize(text);
        let lex = Lexicon::new();
        let mut r = Vec::new();
        name_runs(text, &toks, &lex, &mut r);
        r.iter()
            .map(|&(a, b)| text[toks[a].start..toks[b - 1].end].to_string())
            .collect()
    }

    #[test]
    fn runs_join_capitalised_words_and_connectors_but_stop_at_punctuation() {
        assert_eq!(
            runs("Kemarin Menteri Energi dan Sumber Daya Mineral datang, kata Budi Santoso."),
            [
                "Kemarin Menteri Energi dan Sumber Daya Mineral",
                "Budi Santoso"
            ]
        );
        assert_eq!(
            runs("He went to the Bank of America and Ford. Then U.S. troops"),
            ["Bank of America and Ford", "Then U.S"]
        );
        assert_eq!(
            runs("Lemah Abang-Slipi (Jakarta)"),
            ["Lemah Abang-Slipi", "Jakarta"]
        );
        // A function word or a month alone is no run; in a longer one it stays.
        assert_eq!(
            runs("Namun Budi datang. Pada hari Senin, The Hague"),
            ["Namun Budi", "The Hague"]
        );
    }

    /// Runs found word by word, every word asked (as before the runs were
    /// built from the capitalised words alone).
    fn runs_word_by_word(text: &str, toks: &[Token], lexicon: &Lexicon) -> Vec<(usize, usize)> {
        let hash = |i: usize| fold_hash(&text[toks[i].start..toks[i].end]);
        let name_word = |i: usize| is_name_word(&text[toks[i].start..toks[i].end]);
        let joins = |i: usize| {
            let gap = &text[toks[i - 1].end..toks[i].start];
            gap == " " || gap == "." || matches!(gap_class(gap), 0 | 6)
        };
        let (mut out, mut i) = (Vec::new(), 0);
        while i < toks.len() {
            if !name_word(i) {
                i += 1;
                continue;
            }
            let (start, mut end) = (i, i + 1);
            loop {
                if end < toks.len() && name_word(end) && joins(end) {
                    end += 1;
                } else if end + 1 < toks.len()
                    && name_word(end + 1)
                    && !name_word(end)
                    && joins(end)
                    && joins(end + 1)
                    && lexicon.classes(hash(end)) & class::CONNECTOR != 0
                {
                    end += 2;
                } else {
                    break;
                }
            }
            if end - start > 1 || !lexicon.never_alone(hash(start)) {
                out.push((start, end));
            }
            i = end;
        }
        out
    }

    /// Every mix of capitalised words, connectors, other words and gaps
    /// of up to four words: the same runs as word by word.
    #[test]
    fn runs_from_the_capitalised_words_are_the_runs_word_by_word() {
        let words = ["Budi", "of", "kata", "The", "Élan"];
        let gaps = [" ", ", ", ".", "-"];
        let lex = Lexicon::new();
        let mut text = String::new();
        let (mut got, mut caps) = (Vec::new(), Vec::new());
        for n in 1..=4u32 {
            for code in 0..(words.len() * gaps.len()).pow(n) {
                text.clear();
                let mut c = code;
                for j in 0..n {
                    if j > 0 {
                        text.push_str(gaps[c % gaps.len()]);
                    }
                    c /= gaps.len();
                    text.push_str(words[c % words.len()]);
                    c /= words.len();
                }
                let toks = tokenize(&text);
                let hash = |i: usize| fold_hash(&text[toks[i].start..toks[i].end]);
                name_runs_with(&text, &toks, &lex, hash, &mut caps, &mut got);
                assert_eq!(got, runs_word_by_word(&text, &toks, &lex), "{text}");
            }
        }
    }

    #[test]
    fn windows_hold_two_words_either_side_and_affixes_of_the_run() {
        let text = "a b Jakarta c d e";
        let toks = tokenize(text);
        let mut infos = Vec::new();
        window_infos(text, &toks, &[0; 6], &Lexicon::new(), (2, 3), &mut infos);
        assert_eq!(infos.len(), 5);
        assert_eq!(infos[2].suffix, lower_affixes("rta").0);
        assert_eq!(lower_affixes("JAKARTA"), lower_affixes("jakarta"));
        assert_ne!(lower_affixes("ab").0, lower_affixes("abc").0);
        assert_eq!(infos[1].suffix, 0, "context words need no affixes");
        window_infos(text, &toks, &[0; 6], &Lexicon::new(), (0, 1), &mut infos);
        assert_eq!(infos.len(), 3);
    }

    #[test]
    fn features_see_neighbours_and_cue_classes() {
        let text = "kata Budi di Jakarta";
        let toks = tokenize(text);
        let lex = Lexicon::new();
        let (mut infos, mut runs) = (Vec::new(), Vec::new());
        let mut para = ParagraphInfos::default();
        runs_to_tag(
            text,
            &toks,
            &[0, 0, 0, 5],
            &lex,
            false,
            &mut para,
            &mut runs,
        );
        assert_eq!(runs, [(1, 2), (3, 4)]);
        window_infos(text, &toks, &[0, 0, 0, 5], &lex, (0, 4), &mut infos);
        assert_eq!(infos[0].classes, class::SPEECH);
        assert_eq!(infos[2].classes, class::PLACE_PREP);
        assert!(infos[0].sentence_start && !infos[1].sentence_start);
        let (mut a, mut b) = ([0; FEATURES], [0; FEATURES]);
        features(&infos, 1, 1, 2, &mut a);
        features(&infos, 3, 3, 4, &mut b);
        // The bias row is shared, the word rows are not.
        assert_eq!(a[0], b[0]);
        assert_ne!(a[1], b[1]);
        assert!(a.iter().all(|&r| (r as usize) < TABLE_ROWS));
        // The gazetteer type of the word changes its row.
        infos[3].gaz = 0;
        let mut c = [0; FEATURES];
        features(&infos, 3, 3, 4, &mut c);
        assert_ne!(b[17], c[17]);
    }
}
