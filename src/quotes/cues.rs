//! Cue lists: the reporting words the quote extractor looks for.
//!
//! Editable TSV files (`cues/id.tsv`, `cues/en.tsv`), one `KIND<TAB>PHRASE`
//! per line; both languages are always active, since cue words of one
//! language are rarely words of the other. See `cues/id.tsv` for the kinds.

use crate::error::{Error, Result};
use crate::tokens::Token;
use rustc_hash::FxHashSet as HashSet;

/// What a cue phrase signals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CueKind {
    /// A reporting verb: `kata`, `said`, `mengatakan`.
    Verb,
    /// A verb with a pronoun: `katanya`, `he said`.
    Enclitic,
    /// `menurut X`, `according to X`.
    According,
    /// `Demikian diungkapkan X`: attributes the previous sentence.
    Backref,
    /// A passive reporting verb before its source, opening a sentence or
    /// after a comma: `Diakui X, …`, `…, dikatakan X`.
    Passive,
    /// A reporting verb read only right after a quote, being a common word
    /// elsewhere: `“…,” tutup X` (`toko tutup`), `“…,” jawab X`.
    AfterQuote,
    /// `bunyi pernyataan`: the issuing organization speaks.
    Statement,
}

/// The embedded default cue lists.
pub const DEFAULT_CUES: &[(&str, &str)] = &[
    ("cues/id.tsv", include_str!("../../cues/id.tsv")),
    ("cues/en.tsv", include_str!("../../cues/en.tsv")),
];

/// Compiled cue lists.
#[derive(Debug, Clone, Default)]
pub struct Cues {
    /// Case-folded hash of the first word -> phrases starting with it:
    /// (words in lowercase, kind), longest first. Hashing the text's words
    /// in place means no allocation per word.
    phrases: rustc_hash::FxHashMap<u64, Phrases>,
    /// A 4,096-bit filter of the ASCII first words of `phrases` (see
    /// [`filter_bit`]): most words of a text are ruled out without hashing
    /// them (`at` runs on every word).
    first_words: FirstWords,
    /// Does any phrase start with a non-ASCII word? (If not, a non-ASCII
    /// word of the text starts no cue: only U+212A KELVIN SIGN folds to ASCII.)
    non_ascii_first: bool,
    pronouns: HashSet<String>,
    describe: HashSet<String>,
    /// Title and position words, as written (case matters: `Ibu` not `ibu`).
    titles: HashSet<String>,
    that: HashSet<String>,
    skip: HashSet<String>,
    /// Words that head an organization or place name (`Kota`, `Dinas`), as
    /// written: kinds `head` and `org`.
    heads: HashSet<String>,
    /// Words that make a name an organization's (`Kementerian`, `Dewan`),
    /// as written: kinds `org` and `orgword`.
    org_types: OrgTypes,
    /// Capitalised words that open sentences without being names, as written.
    not_names: HashSet<String>,
    /// Lowercase words that may stand inside a name (`bin`, `of`), as written.
    joiners: HashSet<String>,
    /// Prepositions before a place (`di`), as written.
    locatives: FewWords,
    /// Abbreviations whose period ends no sentence (`Jl`), as written.
    abbreviations: HashSet<String>,
    /// Small words that stay lowercase in titles of works (`of`), as written.
    minor: HashSet<String>,
    /// Given names that open a full name before the name a person is cited
    /// by (`Muhammad` in `Muhammad Zaki Iskandar`, cited as `Zaki`), as written.
    given: HashSet<String>,
    /// Nouns that, with `the` or `itu`, stand for an organization whose
    /// name holds them (`the ministry`, `kementerian itu`), lowercase.
    org_nouns: HashSet<String>,
    /// Weights of the speaker ranker, when not the shipped ones (refitting).
    speaker_weights: Option<std::sync::Arc<super::sieves::rank::Weights>>,
    /// Weights of the speech classifier, when not the shipped ones (refitting).
    speech_weights: Option<std::sync::Arc<super::speech::Weights>>,
}

/// Cue phrases starting with one word: (words in lowercase, kind),
/// longest first.
pub type Phrases = Vec<(Vec<String>, CueKind)>;

/// Words that make a name an organization's, with a filter of their
/// shapes: most words of a name have another shape, and are ruled out
/// without hashing them.
#[derive(Debug, Clone, Default)]
struct OrgTypes {
    words: HashSet<String>,
    /// Per first letter `A`..`Z`: bit `n` when a word of `n` bytes starts
    /// with it.
    shapes: [u32; 26],
    /// Is some word of another shape (not an ASCII capital first, or 32
    /// bytes or more)? Then the filter rules nothing out.
    unshaped: bool,
}

impl OrgTypes {
    fn insert(&mut self, word: &str) {
        match shape(word) {
            Some((letter, len)) => self.shapes[letter] |= 1 << len,
            None => self.unshaped = true,
        }
        self.words.insert(word.to_string());
    }

    fn contains(&self, word: &str) -> bool {
        let fits = self.unshaped
            || shape(word).is_some_and(|(letter, len)| self.shapes[letter] & (1 << len) != 0);
        fits && self.words.contains(word)
    }
}

/// A word's first letter (`A` = 0) and length, when it starts with an ASCII
/// capital and is shorter than 32 bytes.
fn shape(word: &str) -> Option<(usize, usize)> {
    let b = word.as_bytes();
    let &first = b.first()?;
    (first.is_ascii_uppercase() && b.len() < 32).then(|| (usize::from(first - b'A'), b.len()))
}

/// A handful of words, as written, tested without hashing: the index
/// asks about nearly every capitalised word's predecessor, and a length
/// and first-byte filter rules out most words in a few instructions.
#[derive(Debug, Clone, Default)]
struct FewWords {
    words: Vec<String>,
    /// Bit `n`: a word of `n` bytes (64 or more: bit 63).
    lengths: u64,
    /// Bit `b`: a word starting with byte `b`.
    firsts: [u64; 4],
}

impl FewWords {
    fn insert(&mut self, word: &str) {
        let Some(&first) = word.as_bytes().first() else {
            return;
        };
        if !self.words.iter().any(|w| w == word) {
            self.words.push(word.to_string());
        }
        self.lengths |= 1 << word.len().min(63);
        self.firsts[usize::from(first >> 6)] |= 1 << (first & 63);
    }

    #[inline]
    fn contains(&self, word: &str) -> bool {
        let Some(&first) = word.as_bytes().first() else {
            return false;
        };
        self.lengths & (1 << word.len().min(63)) != 0
            && self.firsts[usize::from(first >> 6)] & (1 << (first & 63)) != 0
            && self.words.iter().any(|w| w == word)
    }
}

/// The bits of [`Cues::first_words`].
#[derive(Debug, Clone)]
struct FirstWords(Box<[u64; 64]>);

impl Default for FirstWords {
    fn default() -> FirstWords {
        FirstWords(Box::new([0; 64]))
    }
}

/// Is `word`, in lowercase, in `set`? No allocation for ASCII words.
fn contains_lower(set: &HashSet<String>, word: &str) -> bool {
    let b = word.as_bytes();
    if !word.is_ascii() {
        return set.contains(&word.to_lowercase());
    }
    if !b.iter().any(u8::is_ascii_uppercase) {
        return set.contains(word);
    }
    let mut buf = [0u8; 32];
    if b.len() > buf.len() {
        return set.contains(&word.to_ascii_lowercase());
    }
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    // ASCII in, ASCII out: always valid UTF-8.
    std::str::from_utf8(&buf[..b.len()]).is_ok_and(|w| set.contains(w))
}

/// A cue found in a text: words `start..end` (token indices).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CueHit {
    pub kind: CueKind,
    /// First token index.
    pub start: usize,
    /// One past the last token index.
    pub end: usize,
}

impl Cues {
    /// The speaker ranker's weights: the shipped ones unless replaced by
    /// [`Cues::set_speaker_weights`].
    pub(crate) fn speaker_weights(&self) -> std::sync::Arc<super::sieves::rank::Weights> {
        self.speaker_weights
            .clone()
            .unwrap_or_else(super::sieves::rank::shipped)
    }

    /// Replaces the speaker ranker's weights (`feature<TAB>weight` lines,
    /// every feature once): for refitting and cross-validating them.
    pub fn set_speaker_weights(&mut self, text: &str) -> Result<()> {
        self.speaker_weights = Some(std::sync::Arc::new(super::sieves::rank::Weights::parse(
            text,
        )?));
        Ok(())
    }

    /// The speech classifier's weights: the shipped ones unless replaced
    /// by [`Cues::set_speech_weights`].
    pub(crate) fn speech_weights(&self) -> std::sync::Arc<super::speech::Weights> {
        self.speech_weights
            .clone()
            .unwrap_or_else(super::speech::shipped)
    }

    /// Replaces the speech classifier's weights (`feature<TAB>weight`
    /// lines, every feature once, and `threshold<TAB>value`; `-inf` keeps
    /// every quoted span): for refitting and cross-validating them.
    pub fn set_speech_weights(&mut self, text: &str) -> Result<()> {
        self.speech_weights = Some(std::sync::Arc::new(super::speech::Weights::parse(text)?));
        Ok(())
    }

    /// The default lists.
    pub fn defaults() -> Result<Cues> {
        let mut c = Cues::default();
        for (name, text) in DEFAULT_CUES {
            c.add(text, name)?;
        }
        Ok(c)
    }

    /// Adds the entries of one list; `file` names it in errors.
    pub fn add(&mut self, text: &str, file: &str) -> Result<()> {
        for (i, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') || line == "kind\tphrase" {
                continue;
            }
            let err = |message: String| Error::Cues {
                file: file.to_string(),
                line: i + 1,
                message,
            };
            let (kind, phrase) = line
                .split_once('\t')
                .ok_or_else(|| err("expected KIND<TAB>PHRASE".into()))?;
            let phrase = phrase.trim();
            if phrase.is_empty() {
                return Err(err("empty phrase".into()));
            }
            let lower = phrase.to_lowercase();
            let words: Vec<String> = lower.split_whitespace().map(str::to_string).collect();
            let cue = match kind.trim() {
                "verb" => Some(CueKind::Verb),
                "enclitic" => Some(CueKind::Enclitic),
                "according" => Some(CueKind::According),
                "backref" => Some(CueKind::Backref),
                "passive" => Some(CueKind::Passive),
                "afterquote" => Some(CueKind::AfterQuote),
                "statement" => Some(CueKind::Statement),
                "pronoun" => {
                    self.pronouns.insert(lower);
                    None
                }
                "orgnoun" => {
                    self.org_nouns.insert(lower);
                    None
                }
                "describe" => {
                    self.describe.insert(lower);
                    None
                }
                "title" => {
                    self.titles.insert(phrase.to_string());
                    None
                }
                "place" => {
                    self.titles.extend(phrase.split_whitespace().map(str::to_string));
                    None
                }
                "that" => {
                    self.that.insert(lower);
                    None
                }
                "skip" => {
                    self.skip.insert(lower);
                    None
                }
                "head" => {
                    self.heads.insert(phrase.to_string());
                    None
                }
                "org" => {
                    self.heads.insert(phrase.to_string());
                    self.org_types.insert(phrase);
                    None
                }
                "orgword" => {
                    self.org_types.insert(phrase);
                    None
                }
                "notname" => {
                    self.not_names.insert(phrase.to_string());
                    None
                }
                "joiner" => {
                    self.joiners.insert(phrase.to_string());
                    None
                }
                "locative" => {
                    self.locatives.insert(phrase);
                    None
                }
                "abbrev" => {
                    self.abbreviations.insert(phrase.to_string());
                    None
                }
                "minor" => {
                    self.minor.insert(phrase.to_string());
                    None
                }
                "given" => {
                    self.given.insert(phrase.to_string());
                    None
                }
                other => {
                    return Err(err(format!(
                        "unknown kind {other:?} (verb, enclitic, according, backref, passive, afterquote, statement, pronoun, orgnoun, describe, title, place, that, skip, head, org, orgword, notname, joiner, locative, abbrev, minor, given)"
                    )))
                }
            };
            if let Some(kind) = cue {
                match filter_bit(&words[0]) {
                    Some(bit) => self.first_words.0[bit / 64] |= 1 << (bit % 64),
                    None => self.non_ascii_first = true,
                }
                let list = self
                    .phrases
                    .entry(crate::tokens::fold_hash(&words[0]))
                    .or_default();
                list.push((words, kind));
                list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
            }
        }
        Ok(())
    }

    /// The longest cue phrase starting at token `i`, if any.
    pub fn at(&self, text: &str, toks: &[Token], i: usize) -> Option<CueHit> {
        let word = &text[toks[i].start..toks[i].end];
        self.at_phrases(self.phrases_starting(word)?, text, toks, i)
    }

    /// The phrases that may start with `word` (any case), longest first:
    /// what [`Cues::at`] looks up by the word alone, so that a document
    /// looks each distinct word up once.
    pub fn phrases_starting(&self, word: &str) -> Option<&Phrases> {
        match filter_bit(word) {
            Some(bit) if self.first_words.0[bit / 64] & (1 << (bit % 64)) == 0 => return None,
            None if !self.non_ascii_first && !word.contains('\u{212A}') => return None,
            _ => {}
        }
        self.phrases.get(&crate::tokens::fold_hash(word))
    }

    /// [`Cues::at`] for token `i`, given [`Cues::phrases_starting`] its word.
    pub fn at_phrases(
        &self,
        list: &Phrases,
        text: &str,
        toks: &[Token],
        i: usize,
    ) -> Option<CueHit> {
        // A capitalised word inside a sentence is a name ("United States").
        if i > 0 && text[toks[i].start..].starts_with(char::is_uppercase) {
            let gap = &text[toks[i - 1].end..toks[i].start];
            if !gap.contains([
                '.', '!', '?', '\n', '“', '”', '"', ':', ',', '—', '‘', '\'', '(',
            ]) {
                return None;
            }
        }
        'phrases: for (words, kind) in list {
            if i + words.len() > toks.len() {
                continue;
            }
            for (k, w) in words.iter().enumerate() {
                let t = toks[i + k];
                if k > 0 && !text[toks[i + k - 1].end..t.start].chars().all(|c| c == ' ') {
                    continue 'phrases;
                }
                if !eq_lower(&text[t.start..t.end], w) {
                    continue 'phrases;
                }
            }
            return Some(CueHit {
                kind: *kind,
                start: i,
                end: i + words.len(),
            });
        }
        None
    }

    pub fn is_pronoun(&self, word: &str) -> bool {
        contains_lower(&self.pronouns, word)
    }

    /// Does `word`, with `the`/`itu`, stand for an organization named with it (`ministry`)?
    pub fn is_org_noun(&self, word: &str) -> bool {
        contains_lower(&self.org_nouns, word)
    }

    pub fn is_description(&self, word: &str) -> bool {
        contains_lower(&self.describe, word)
    }

    pub fn is_title(&self, word: &str) -> bool {
        self.titles.contains(word)
    }

    pub fn is_that(&self, word: &str) -> bool {
        contains_lower(&self.that, word)
    }

    /// Does `word` head an organization or place name (`Kota`, `Dinas`)?
    pub fn is_head(&self, word: &str) -> bool {
        self.heads.contains(word)
    }

    /// Does `word` make a name an organization's (`Kementerian`, `Dewan`)?
    pub fn is_org_type(&self, word: &str) -> bool {
        self.org_types.contains(word)
    }

    /// Does `word` open sentences without being part of a name (`Namun`)?
    pub fn is_not_name(&self, word: &str) -> bool {
        self.not_names.contains(word)
    }

    /// May `word` stand inside a name (`bin`, `of`)?
    pub fn is_joiner(&self, word: &str) -> bool {
        self.joiners.contains(word)
    }

    /// Is `word` an abbreviation whose period ends no sentence (`Jl`)?
    pub fn is_abbreviation(&self, word: &str) -> bool {
        self.abbreviations.contains(word)
    }

    /// Does `word` stay lowercase in titles of works (`of`, `the`)?
    pub fn is_minor(&self, word: &str) -> bool {
        self.minor.contains(word)
    }

    /// Is `word` a preposition before a place (`di`)?
    #[inline]
    pub fn is_locative(&self, word: &str) -> bool {
        self.locatives.contains(word)
    }

    /// Is `word` a given name that opens full names (`Muhammad`, `Raden`)?
    pub fn is_given(&self, word: &str) -> bool {
        self.given.contains(word)
    }

    /// May `word` stand between a subject and its verb: a `skip` word, or
    /// a lowercase English adverb in `-ly` (`Trump jokingly said`), not
    /// one of the nouns and adjectives in `-ly` (`the family said`).
    pub fn is_skip(&self, word: &str) -> bool {
        contains_lower(&self.skip, word) || is_ly_adverb(word)
    }
}

/// Nouns and adjectives in `-ly` that may stand right before a verb.
const NOT_ADVERBS: &[&str] = &[
    "assembly", "elderly", "family", "friendly", "likely", "monthly", "supply", "weekly",
];

/// Is `word` a lowercase English adverb in `-ly` (`jokingly`)?
fn is_ly_adverb(word: &str) -> bool {
    word.len() >= 6
        && word.ends_with("ly")
        && word.bytes().all(|b| b.is_ascii_lowercase())
        && !NOT_ADVERBS.contains(&word)
}

/// The filter bit of an ASCII word (case folded), from its length and its
/// first, second and last letters; `None` for other words, which the
/// filter does not rule out.
#[inline]
fn filter_bit(word: &str) -> Option<usize> {
    let b = word.as_bytes();
    let (&first, &last) = (b.first()?, b.last()?);
    if !word.is_ascii() {
        return None;
    }
    let second = *b.get(1).unwrap_or(&first);
    let key = (b.len().min(255) as u64) << 24
        | u64::from(first | 0x20) << 16
        | u64::from(second | 0x20) << 8
        | u64::from(last | 0x20);
    Some((key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 52) as usize)
}

/// Is `word` equal to `lower` (a lowercase word) ignoring case?
fn eq_lower(word: &str, lower: &str) -> bool {
    if word.is_ascii() {
        word.eq_ignore_ascii_case(lower)
    } else {
        word.chars().flat_map(char::to_lowercase).eq(lower.chars())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    #[test]
    fn an_ly_adverb_is_skipped_but_not_a_noun_in_ly() {
        let c = Cues::defaults().unwrap();
        assert!(c.is_skip("jokingly") && c.is_skip("also"));
        assert!(!c.is_skip("family") && !c.is_skip("rally") && !c.is_skip("Kelly"));
    }

    #[test]
    fn non_ascii_words_start_no_cue_but_the_kelvin_sign_folds() {
        let c = Cues::defaults().unwrap();
        for (text, kind) in [
            ("Götz katanya", None),
            ("\u{212A}ata dia", Some(CueKind::Verb)),
            ("KATA dia", Some(CueKind::Verb)),
        ] {
            let toks = tokenize(text);
            assert_eq!(c.at(text, &toks, 0).map(|h| h.kind), kind, "{text:?}");
        }
    }

    #[test]
    fn longest_phrase_wins() {
        let c = Cues::defaults().unwrap();
        let text = "according to him, he said";
        let toks = tokenize(text);
        assert_eq!(
            c.at(text, &toks, 0).map(|h| (h.kind, h.end)),
            Some((CueKind::According, 2))
        );
        assert_eq!(
            c.at(text, &toks, 3).map(|h| (h.kind, h.end)),
            Some((CueKind::Enclitic, 5))
        );
        assert_eq!(c.at(text, &toks, 2), None);
    }

    #[test]
    fn org_heads_a_name_and_types_it_head_and_orgword_do_one_each() {
        let mut c = Cues::default();
        c.add("org\tPartai\nhead\tKota\norgword\tDewan\n", "t.tsv")
            .unwrap();
        let roles = |w: &str| (c.is_head(w), c.is_org_type(w));
        assert_eq!(roles("Partai"), (true, true));
        assert_eq!(roles("Kota"), (true, false));
        assert_eq!(roles("Dewan"), (false, true));
        assert_eq!(roles("partai"), (false, false));
    }

    #[test]
    fn org_type_words_of_any_shape_are_found() {
        // The shape filter knows words with an ASCII capital first; others
        // (lowercase, accented, long) turn it off rather than go unseen.
        let mut c = Cues::default();
        c.add("orgword\tDewan\n", "t.tsv").unwrap();
        assert!(!c.is_org_type("Ényi") && !c.is_org_type("dewan"));
        c.add("orgword\tÉnyi\norgword\tdewan\n", "t.tsv").unwrap();
        assert!(c.is_org_type("Ényi") && c.is_org_type("dewan") && c.is_org_type("Dewan"));
        assert!(!c.is_org_type("Dewa"));
    }

    #[test]
    fn word_lists_load_from_the_default_cues() {
        let c = Cues::defaults().unwrap();
        assert!(c.is_not_name("Namun") && !c.is_not_name("However"));
        assert!(c.is_joiner("bin") && c.is_joiner("of") && !c.is_joiner("Of"));
        assert!(c.is_locative("di") && c.is_locative("Di") && !c.is_locative("DI"));
        assert!(c.is_org_type("Kementerian") && c.is_org_type("Senate"));
        assert!(c.is_head("Kementerian") && c.is_head("Kota") && !c.is_head("Senate"));
        assert!(c.is_abbreviation("Jl") && c.is_abbreviation("Mr") && !c.is_abbreviation("jl"));
        assert!(c.is_minor("of") && c.is_minor("dan") && !c.is_minor("Of"));
    }

    #[test]
    fn bad_lines_name_file_and_line() {
        let mut c = Cues::default();
        let err = c.add("# x\nverb\n", "my.tsv").unwrap_err().to_string();
        assert_eq!(err, "my.tsv:2: expected KIND<TAB>PHRASE");
        let err = c.add("noun\tcat\n", "my.tsv").unwrap_err().to_string();
        assert!(err.starts_with("my.tsv:1: unknown kind"), "{err}");
    }
}
