//! The word lists the mention filter reads: words that may stand next to a
//! place's name without making it part of a longer name (`Presiden Rusia`,
//! `Jakarta Selatan`), words never part of a name (`Senin`), listed names
//! that are also ordinary words (`Medan perang`), and the ordinary words of
//! English and Indonesian. Embedded from `cues/mentions.tsv` and
//! `gazetteers/common-words.txt`.

use crate::error::{Error, Result};
use rustc_hash::{FxHashMap, FxHashSet};

/// Kinds of words, one bit each (see `cues/mentions.tsv`).
pub(crate) const HEAD: u8 = 1;
pub(crate) const ORG: u8 = 2;
pub(crate) const REGION: u8 = 4;
pub(crate) const PLAIN: u8 = 8;
pub(crate) const ORDINARY: u8 = 16;

/// The embedded list.
pub const DEFAULT_MENTION_WORDS: (&str, &str) =
    ("cues/mentions.tsv", include_str!("../../cues/mentions.tsv"));

/// Word lists of the mention filter (see `cues/mentions.tsv` for the kinds).
#[derive(Debug, Clone, Default)]
pub struct MentionWords {
    /// Word (as written) -> its kinds, one bit each: one lookup per word.
    kinds: FxHashMap<String, u8>,
    /// Ordinary words of English and Indonesian, lowercase.
    common: FxHashSet<String>,
}

impl MentionWords {
    /// The embedded lists.
    pub fn defaults() -> Result<MentionWords> {
        let mut w = MentionWords::default();
        w.add(DEFAULT_MENTION_WORDS.1, DEFAULT_MENTION_WORDS.0)?;
        w.common = crate::check::COMMON_WORDS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_lowercase)
            .collect();
        Ok(w)
    }

    /// Adds the entries of one list; `file` names it in errors.
    pub fn add(&mut self, text: &str, file: &str) -> Result<()> {
        for_each_entry(text, file, "kind\tword", |kind, word| {
            if word.contains(char::is_whitespace) {
                return Err(format!("expected one word, got {word:?}"));
            }
            let bit = match kind {
                "head" => HEAD,
                "region" => REGION,
                "org" => ORG,
                "plain" => PLAIN,
                "ordinary" => {
                    // As written and in capitals: the two forms a sentence
                    // start and a headline give it.
                    *self.kinds.entry(word.to_uppercase()).or_default() |= ORDINARY;
                    ORDINARY
                }
                other => {
                    return Err(format!(
                        "unknown kind {other:?} (head, org, region, plain, ordinary)"
                    ))
                }
            };
            *self.kinds.entry(word.to_string()).or_default() |= bit;
            Ok(())
        })
    }

    fn has(&self, word: &str, bit: u8) -> bool {
        self.kinds.get(word).is_some_and(|k| k & bit != 0)
    }

    /// The kinds of a word, as written: `HEAD | ORG | ...` bits.
    pub(crate) fn kinds(&self, word: &str) -> u8 {
        self.kinds.get(word).copied().unwrap_or(0)
    }

    /// A title, position or place head (`Presiden`, `Kota`), as written.
    pub fn is_head(&self, word: &str) -> bool {
        self.has(word, HEAD)
    }

    /// A word heading an organisation's or building's name (`Universitas`).
    pub fn is_org(&self, word: &str) -> bool {
        self.has(word, ORG)
    }

    /// A word naming a part of a place (`Selatan`, `South`), as written.
    pub fn is_region(&self, word: &str) -> bool {
        self.has(word, REGION)
    }

    /// A capitalised word never part of a name (`Senin`), as written.
    pub fn is_plain(&self, word: &str) -> bool {
        self.has(word, PLAIN)
    }

    /// A listed name that is also an ordinary word, as written or in capitals.
    pub fn is_ordinary_name(&self, word: &str) -> bool {
        self.has(word, ORDINARY)
    }

    /// An ordinary word of English or Indonesian (any case).
    pub fn is_common(&self, word: &str) -> bool {
        if word.bytes().all(|b| b.is_ascii_lowercase()) {
            self.common.contains(word)
        } else {
            self.common.contains(&word.to_lowercase())
        }
    }
}

/// Calls `entry(key, value)` for each `KEY<TAB>VALUE` line of a word list
/// (blank lines, `#` comments and the `header` line skipped, both sides
/// trimmed); a bad line or an error `entry` returns names file and line.
pub(crate) fn for_each_entry(
    text: &str,
    file: &str,
    header: &str,
    mut entry: impl FnMut(&str, &str) -> std::result::Result<(), String>,
) -> Result<()> {
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') || line == header {
            continue;
        }
        let err = |message: String| Error::Cues {
            file: file.to_string(),
            line: i + 1,
            message,
        };
        let (key, value) = line.split_once('\t').ok_or_else(|| {
            err(format!(
                "expected {}",
                header.replace('\t', "<TAB>").to_uppercase()
            ))
        })?;
        let (key, value) = (key.trim(), value.trim());
        if key.is_empty() || value.is_empty() {
            return Err(err("an empty field".into()));
        }
        entry(key, value).map_err(err)?;
    }
    Ok(())
}

/// A set of words looked up for most capitalised words of a text (the
/// first words of demonyms, of titles), with a bit per pair of first bytes
/// of its words: most other words are ruled out by one bit, not a hash.
#[derive(Debug, Clone, Default)]
pub struct FirstWords {
    words: FxHashSet<String>,
    /// Bit `b0 << 8 | b1` set when a word starts with bytes b0, b1 (empty
    /// while the set is).
    pairs: Vec<u64>,
}

impl FirstWords {
    pub fn insert(&mut self, word: String) {
        if let [b0, b1, ..] = *word.as_bytes() {
            if self.pairs.is_empty() {
                self.pairs = vec![0; (1 << 16) / 64];
            }
            let bit = (b0 as usize) << 8 | b1 as usize;
            self.pairs[bit / 64] |= 1 << (bit % 64);
        }
        self.words.insert(word);
    }

    /// Whether `word` is in the set.
    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        if let [b0, b1, ..] = *word.as_bytes() {
            let bit = (b0 as usize) << 8 | b1 as usize;
            if self
                .pairs
                .get(bit / 64)
                .is_none_or(|w| w & 1 << (bit % 64) == 0)
            {
                return false;
            }
        }
        self.words.contains(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_words_hold_exactly_what_was_inserted() {
        let mut set = FirstWords::default();
        assert!(!set.contains("Wakil") && !set.contains("") && !set.contains("W"));
        for w in ["Wakil", "W", "Menteri", "ÉTAT"] {
            set.insert(w.to_string());
        }
        for w in ["Wakil", "W", "Menteri", "ÉTAT"] {
            assert!(set.contains(w), "{w}");
        }
        for w in ["Wak", "Wakil2", "wakil", "Me", "M", "É", "Étatt", ""] {
            assert!(!set.contains(w), "{w}");
        }
    }

    #[test]
    fn defaults_load_and_bad_lines_name_file_and_line() {
        let w = MentionWords::defaults().unwrap();
        assert!(w.is_head("Presiden") && w.is_region("Selatan") && w.is_plain("Senin"));
        assert!(w.is_ordinary_name("MEDAN") && w.is_common("Kemarin"));
        let mut w = MentionWords::default();
        let e = w
            .add("kind\tword\nhead\tKota\nplace\tX\n", "m.tsv")
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "m.tsv:3: unknown kind \"place\" (head, org, region, plain, ordinary)"
        );
        let e = w.add("head\tDuta Besar\n", "m.tsv").unwrap_err();
        assert!(e.to_string().starts_with("m.tsv:1: expected one word"));
        let e = w.add("# c\nhead Kota\n", "m.tsv").unwrap_err();
        assert_eq!(e.to_string(), "m.tsv:2: expected KIND<TAB>WORD");
    }
}
