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
    phrases: rustc_hash::FxHashMap<u64, Vec<(Vec<String>, CueKind)>>,
    pronouns: HashSet<String>,
    describe: HashSet<String>,
    /// Title and position words, as written (case matters: `Ibu` not `ibu`).
    titles: HashSet<String>,
    that: HashSet<String>,
    skip: HashSet<String>,
    /// Words that head an organization or place name (`Kota`, `Dinas`), as written.
    org: HashSet<String>,
    /// Given names that open a full name before the name a person is cited
    /// by (`Muhammad` in `Muhammad Zaki Iskandar`, cited as `Zaki`), as written.
    given: HashSet<String>,
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
                "statement" => Some(CueKind::Statement),
                "pronoun" => {
                    self.pronouns.insert(lower);
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
                "org" => {
                    self.org.insert(phrase.to_string());
                    None
                }
                "given" => {
                    self.given.insert(phrase.to_string());
                    None
                }
                other => {
                    return Err(err(format!(
                        "unknown kind {other:?} (verb, enclitic, according, backref, statement, pronoun, describe, title, place, that, skip, org, given)"
                    )))
                }
            };
            if let Some(kind) = cue {
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
        let list = self
            .phrases
            .get(&crate::tokens::fold_hash(&text[toks[i].start..toks[i].end]))?;
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
        self.pronouns.contains(&word.to_lowercase())
    }

    pub fn is_description(&self, word: &str) -> bool {
        self.describe.contains(&word.to_lowercase())
    }

    pub fn is_title(&self, word: &str) -> bool {
        self.titles.contains(word)
    }

    pub fn is_that(&self, word: &str) -> bool {
        self.that.contains(&word.to_lowercase())
    }

    /// Does `word` head an organization or place name (`Kota`, `Dinas`)?
    pub fn is_org(&self, word: &str) -> bool {
        self.org.contains(word)
    }

    /// Is `word` a given name that opens full names (`Muhammad`, `Raden`)?
    pub fn is_given(&self, word: &str) -> bool {
        self.given.contains(word)
    }

    pub fn is_skip(&self, word: &str) -> bool {
        self.skip.contains(&word.to_lowercase())
    }
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
    fn bad_lines_name_file_and_line() {
        let mut c = Cues::default();
        let err = c.add("# x\nverb\n", "my.tsv").unwrap_err().to_string();
        assert_eq!(err, "my.tsv:2: expected KIND<TAB>PHRASE");
        let err = c.add("noun\tcat\n", "my.tsv").unwrap_err().to_string();
        assert!(err.starts_with("my.tsv:1: unknown kind"), "{err}");
    }
}
