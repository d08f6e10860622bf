//! Features of a word for the name tagger, hashed into a fixed table.
//!
//! Every feature is a (template, value) pair hashed to one row of the
//! weight table; the row holds one weight per tag. Values are cheap to
//! compute from the text: the lowercased word and its neighbours, its shape
//! and affixes, the punctuation around it, a sentence start, the class of
//! nearby cue words (titles, reporting verbs, organisation and place heads,
//! place prepositions) and the gazetteer type matched there.

pub use super::lexicon::{class, Lexicon};
pub use super::shape::shape;
use super::shape::shape_of;
use crate::gazetteer::EntityType;
use crate::tokens::{flag, fold_hash, Token, WordBuf, Words};

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
    /// [`class`] bits (256 past the paragraph's edge).
    pub classes: u16,
    /// Gazetteer type matched at this word: 0 none, else 1 + type * 2
    /// (+1 when the word continues the match).
    pub gaz: u8,
    /// Punctuation class of the text before the word ([`gap_class`]).
    pub gap_before: u8,
    /// Does a sentence start here?
    pub sentence_start: bool,
}

impl WordInfo {
    /// What the features read of a place past the paragraph's edge (a
    /// window holds [`PAD`] of them there, so no feature asks whether a
    /// neighbour exists).
    pub const EDGE: WordInfo = WordInfo {
        hash: NONE,
        shape: 0,
        prefix: 0,
        suffix: 0,
        classes: 256,
        gaz: 0,
        gap_before: 10,
        sentence_start: false,
    };
}

/// Words a window holds either side of its run (past the paragraph's
/// edges, [`WordInfo::EDGE`]).
pub const PAD: usize = 2;

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
#[cfg(test)]
fn lower_affixes(word: &str) -> (u64, u64) {
    lower_affixes_of(word, word.is_ascii())
}

/// [`lower_affixes`] of a word known to be ASCII or not.
#[inline]
fn lower_affixes_of(word: &str, ascii: bool) -> (u64, u64) {
    let n = word.len();
    if ascii {
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

/// The [`WordInfo`] of word `i` of `words`, as much as `level` needs (the
/// rest zero).
#[inline]
fn word_info(
    text: &str,
    words: Words,
    i: usize,
    gaz: u8,
    lexicon: &Lexicon,
    level: u8,
) -> WordInfo {
    let hash = words.hashes[i];
    let mut info = WordInfo {
        hash,
        classes: u16::from(lexicon.classes(hash)),
        gaz,
        ..WordInfo::default()
    };
    if level == FAR {
        return info;
    }
    let toks = words.tokens;
    let t = toks[i];
    let w = &text[t.start..t.end];
    let ascii = words.flags[i] & flag::ASCII != 0;
    let gap = if i == 0 {
        10
    } else if t.start == toks[i - 1].end + 1 && text.as_bytes()[t.start - 1] == b' ' {
        // Most words follow one space.
        0
    } else {
        gap_class(&text[toks[i - 1].end..t.start])
    };
    info.shape = shape_of(w, ascii);
    info.gap_before = gap;
    info.sentence_start = i == 0 || gap == 1 || gap == 10;
    if level == IN_RUN {
        (info.prefix, info.suffix) = lower_affixes_of(w, ascii);
    }
    info
}

/// The runs of a paragraph's words to tag (see [`name_runs`]); with
/// `skip_listed`, runs made only of list matches (`gaz[i] != 0`) are left
/// out. `infos` is [`ParagraphInfos::reset`] for the paragraph here.
pub fn runs_to_tag(
    text: &str,
    words: Words,
    gaz: &[u8],
    lexicon: &Lexicon,
    skip_listed: bool,
    infos: &mut ParagraphInfos,
    runs: &mut Vec<(usize, usize)>,
) {
    infos.reset(words.len());
    name_runs_with(text, words, lexicon, &mut infos.caps, runs);
    if skip_listed {
        runs.retain(|&(a, b)| gaz[a..b].contains(&0));
    }
}

/// The [`WordInfo`] of the words the features of run `a..b` read: the run
/// and [`PAD`] words either side ([`WordInfo::EDGE`] past the paragraph's
/// edges). Only these are found: most words of a text are in no run, and
/// finding their facts would cost more than the tagging.
pub fn window_infos(
    text: &str,
    words: Words,
    gaz: &[u8],
    lexicon: &Lexicon,
    (a, b): (usize, usize),
    out: &mut Vec<WordInfo>,
) {
    out.clear();
    for j in a..b + 2 * PAD {
        // Word `j - PAD`.
        out.push(match j.checked_sub(PAD) {
            Some(i) if i < words.len() => {
                word_info(text, words, i, gaz[i], lexicon, level(i, (a, b)))
            }
            _ => WordInfo::EDGE,
        });
    }
}

/// The [`WordInfo`] of a paragraph's words, each found once, as much as
/// the nearest run needs of it ([`ParagraphInfos::fill`]). A window holds
/// what [`window_infos`] gives, except that a context word may carry more
/// (the shape and gap it got as a neighbour or word of another run, which
/// the features of this run's words do not read).
#[derive(Debug, Default)]
pub struct ParagraphInfos {
    /// Word `i` at `i + PAD`, [`WordInfo::EDGE`] past either end.
    infos: Vec<WordInfo>,
    /// Per word: the highest level (`FAR`, `NEAR`, `IN_RUN`) a run's window
    /// needs of it; 0 in no window.
    need: Vec<u8>,
    /// The capitalised words (scratch space of [`name_runs_with`]).
    caps: Vec<usize>,
}

impl ParagraphInfos {
    /// Forgets the words found; the paragraph has `words` words.
    pub fn reset(&mut self, words: usize) {
        // A word's info is written before it is read (see `need`).
        if self.infos.len() < words + 2 * PAD {
            self.infos.resize(words + 2 * PAD, WordInfo::default());
        }
        self.infos[..PAD].fill(WordInfo::EDGE);
        self.infos[words + PAD..words + 2 * PAD].fill(WordInfo::EDGE);
        self.need.clear();
        self.need.resize(words, 0);
    }

    /// Finds the facts of every word in the window of one of `runs` (sorted,
    /// not overlapping), once each, as much as its nearest run needs.
    pub fn fill(
        &mut self,
        text: &str,
        words: Words,
        gaz: &[u8],
        lexicon: &Lexicon,
        runs: &[(usize, usize)],
    ) {
        let n = words.len();
        for &(a, b) in runs {
            for i in a.saturating_sub(PAD)..(b + PAD).min(n) {
                self.need[i] = self.need[i].max(level(i, (a, b)));
            }
        }
        // Windows of neighbouring runs overlap: each word is found once.
        let mut done = 0;
        for &(a, b) in runs {
            let hi = (b + PAD).min(n);
            let lo = a.saturating_sub(PAD).max(done);
            for (i, &g) in (lo..hi).zip(&gaz[lo..hi]) {
                self.infos[i + PAD] = word_info(text, words, i, g, lexicon, self.need[i]);
            }
            done = done.max(hi);
        }
    }

    /// The window of run `a..b` (one of the runs [`ParagraphInfos::fill`]
    /// was given), as [`window_infos`] lays it out.
    pub fn window(&self, (a, b): (usize, usize)) -> &[WordInfo] {
        &self.infos[a..b + 2 * PAD]
    }
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

/// The weight-table rows of the features of word `i` of the run `a..b`,
/// whose window ([`window_infos`], [`ParagraphInfos::window`]) is `window`.
#[inline]
pub fn run_features(
    window: &[WordInfo],
    (a, b): (usize, usize),
    i: usize,
    out: &mut [u32; FEATURES],
) {
    features(window, i + PAD - a, PAD, b + PAD - a, out);
}

/// The weight-table rows of the features of word `i` of a run
/// `run_start..run_end` (indices into `words`, which holds [`PAD`] words
/// either side of the run).
fn features(
    words: &[WordInfo],
    i: usize,
    run_start: usize,
    run_end: usize,
    out: &mut [u32; FEATURES],
) {
    let near: &[WordInfo; 2 * PAD + 1] = words[i - PAD..=i + PAD]
        .try_into()
        .expect("a window holds PAD words either side of its run");
    let [p2, p1, w, n1, n2] = near;
    let first = words[run_start].classes as u64;
    let last = words[run_end - 1].classes as u64;
    let pos = (i - run_start).min(3) as u64;
    let len = (run_end - run_start).min(4) as u64;
    let shape = w.shape as u64;
    *out = [
        row(0, 0),
        row(1, w.hash),
        row(2, p1.hash),
        row(3, n1.hash),
        row(4, p2.hash),
        row(5, n2.hash),
        row(6, shape),
        row(7, (p1.shape as u64) << 20 | shape),
        row(8, shape << 20 | n1.shape as u64),
        row(9, w.suffix),
        row(10, w.prefix),
        row(11, (w.gap_before as u64) << 8 | n1.gap_before as u64),
        row(12, u64::from(w.sentence_start) << 20 | shape),
        row(13, p1.classes as u64),
        row(14, n1.classes as u64),
        row(15, p2.classes as u64),
        row(16, w.classes as u64),
        row(17, w.gaz as u64),
        row(18, (p1.gaz as u64) << 8 | n1.gaz as u64),
        row(19, pos << 8 | len),
        row(20, p1.hash ^ shape.wrapping_mul(0x1000_0001)),
        row(21, n1.hash ^ shape.wrapping_mul(0x2000_0003)),
        // The cue classes of the run's first and last words, wherever in
        // the run the word is (`PT Sinar Karya Abadi`, `Bank ... Tbk`).
        row(22, first << 8 | pos),
        row(23, last << 8 | (run_end - i).min(3) as u64),
    ];
}

/// The runs of words that may hold names: capitalised words, and connector
/// words (`of`, `dan`) between two of them, not crossing strong punctuation
/// (a sentence end, comma, bracket, quotation mark, line break).
pub fn name_runs(text: &str, toks: &[Token], lexicon: &Lexicon, out: &mut Vec<(usize, usize)>) {
    let words = WordBuf::of_tokens(text, toks);
    name_runs_with(text, words.words(), lexicon, &mut Vec::new(), out);
}

/// [`name_runs`] of words already hashed; `caps` is scratch space.
fn name_runs_with(
    text: &str,
    words: Words,
    lexicon: &Lexicon,
    caps: &mut Vec<usize>,
    out: &mut Vec<(usize, usize)>,
) {
    out.clear();
    let toks = words.tokens;
    let hash = |i: usize| words.hashes[i];
    // The capitalised words, in one tight pass: the runs are built from
    // them alone, so the other words (most of a text) cost no more.
    caps.clear();
    caps.extend(
        words
            .flags
            .iter()
            .enumerate()
            .filter(|&(_, &f)| f & flag::UPPER != 0)
            .map(|(i, _)| i),
    );
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
    fn paragraph_windows_hold_what_run_windows_hold() {
        let text = "kata Budi di Jakarta, Andi dan Sinta Dewi dari Bandung kemarin";
        let words = WordBuf::of_tokens(text, &tokenize(text));
        let words = words.words();
        let lex = Lexicon::new();
        let gaz = vec![0u8; words.len()];
        let mut runs = Vec::new();
        let (mut para, mut alone) = (ParagraphInfos::default(), Vec::new());
        // A longer paragraph first: its infos must not leak into this one.
        let long = "Budi Andi Sinta Dewi Jakarta Bandung Surabaya Medan Bogor Depok Solo Kudus";
        let long_words = WordBuf::of_tokens(long, &tokenize(long));
        runs_to_tag(
            long,
            long_words.words(),
            &[0; 12],
            &lex,
            false,
            &mut para,
            &mut runs,
        );
        para.fill(long, long_words.words(), &[0; 12], &lex, &runs);
        runs_to_tag(text, words, &gaz, &lex, false, &mut para, &mut runs);
        para.fill(text, words, &gaz, &lex, &runs);
        assert!(runs.len() >= 4);
        assert_eq!(runs[0], (1, 2));
        for &(a, b) in &runs {
            let shared = para.window((a, b)).to_vec();
            window_infos(text, words, &gaz, &lex, (a, b), &mut alone);
            assert_eq!(shared.len(), alone.len());
            for (j, (x, y)) in shared.iter().zip(&alone).enumerate() {
                // Word `j + a - PAD`, if any.
                let i = (j + a).checked_sub(PAD).filter(|&i| i < words.len());
                let (fx, fy) = (format!("{x:?}"), format!("{y:?}"));
                if i.is_none_or(|i| (a..b).contains(&i)) {
                    assert_eq!(fx, fy);
                }
                assert_eq!((x.hash, x.classes, x.gaz), (y.hash, y.classes, y.gaz));
                if i.is_none_or(|i| level(i, (a, b)) != FAR) {
                    assert_eq!((x.shape, x.gap_before), (y.shape, y.gap_before));
                }
            }
            for i in a..b {
                let (mut r1, mut r2) = ([0; FEATURES], [0; FEATURES]);
                run_features(&shared, (a, b), i, &mut r1);
                run_features(&alone, (a, b), i, &mut r2);
                assert_eq!(r1, r2);
            }
        }
    }

    /// Words two away from a run are found only in part: the features of
    /// the run's words must not read the rest.
    #[test]
    fn features_read_of_far_words_only_their_hash_and_classes() {
        let text = "ia bilang kepada Budi Santoso di sana kemarin";
        let words = WordBuf::of_tokens(text, &tokenize(text));
        let lex = Lexicon::new();
        let (a, b) = (3, 5);
        let mut infos = Vec::new();
        window_infos(text, words.words(), &[0; 8], &lex, (a, b), &mut infos);
        let rows = |infos: &[WordInfo]| {
            (a..b)
                .map(|i| {
                    let mut r = [0; FEATURES];
                    run_features(infos, (a, b), i, &mut r);
                    r
                })
                .collect::<Vec<_>>()
        };
        let before = rows(&infos);
        // Word `i` is at `i + PAD - a`.
        for i in [a - 2, b + 1] {
            let far = &mut infos[i + PAD - a];
            (far.shape, far.gap_before, far.gaz) = (77, 7, 7);
            (far.prefix, far.suffix, far.sentence_start) = (7, 7, true);
        }
        assert_eq!(rows(&infos), before);
        infos[b + 1 + PAD - a].hash ^= 1;
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
                let words = WordBuf::of_tokens(&text, &toks);
                name_runs_with(&text, words.words(), &lex, &mut caps, &mut got);
                assert_eq!(got, runs_word_by_word(&text, &toks, &lex), "{text}");
            }
        }
    }

    #[test]
    fn windows_hold_two_words_either_side_and_affixes_of_the_run() {
        let text = "a b Jakarta c d e";
        let words = WordBuf::of_tokens(text, &tokenize(text));
        let mut infos = Vec::new();
        window_infos(
            text,
            words.words(),
            &[0; 6],
            &Lexicon::new(),
            (2, 3),
            &mut infos,
        );
        assert_eq!(infos.len(), 5);
        assert_eq!(infos[2].suffix, lower_affixes("rta").0);
        assert_eq!(lower_affixes("JAKARTA"), lower_affixes("jakarta"));
        assert_ne!(lower_affixes("ab").0, lower_affixes("abc").0);
        assert_eq!(infos[1].suffix, 0, "context words need no affixes");
        // At the paragraph's start, the window's first two places are past
        // its edge.
        window_infos(
            text,
            words.words(),
            &[0; 6],
            &Lexicon::new(),
            (0, 1),
            &mut infos,
        );
        assert_eq!(infos.len(), 5);
        assert_eq!(infos[0].classes, WordInfo::EDGE.classes);
        assert_eq!(infos[1].hash, WordInfo::EDGE.hash);
    }

    #[test]
    fn features_see_neighbours_and_cue_classes() {
        let text = "kata Budi di Jakarta";
        let words = WordBuf::of_tokens(text, &tokenize(text));
        let words = words.words();
        let lex = Lexicon::new();
        let (mut infos, mut runs) = (Vec::new(), Vec::new());
        let mut para = ParagraphInfos::default();
        runs_to_tag(
            text,
            words,
            &[0, 0, 0, 5],
            &lex,
            false,
            &mut para,
            &mut runs,
        );
        assert_eq!(runs, [(1, 2), (3, 4)]);
        // A window over the whole paragraph: word `i` at `i + PAD`.
        window_infos(text, words, &[0, 0, 0, 5], &lex, (0, 4), &mut infos);
        assert_eq!(infos[PAD].classes, class::SPEECH as u16);
        assert_eq!(infos[PAD + 2].classes, class::PLACE_PREP as u16);
        assert!(infos[PAD].sentence_start && !infos[PAD + 1].sentence_start);
        let (mut a, mut b) = ([0; FEATURES], [0; FEATURES]);
        features(&infos, PAD + 1, PAD + 1, PAD + 2, &mut a);
        features(&infos, PAD + 3, PAD + 3, PAD + 4, &mut b);
        // The bias row is shared, the word rows are not.
        assert_eq!(a[0], b[0]);
        assert_ne!(a[1], b[1]);
        assert!(a.iter().all(|&r| (r as usize) < TABLE_ROWS));
        // The gazetteer type of the word changes its row.
        infos[PAD + 3].gaz = 0;
        let mut c = [0; FEATURES];
        features(&infos, PAD + 3, PAD + 3, PAD + 4, &mut c);
        assert_ne!(b[17], c[17]);
    }
}
