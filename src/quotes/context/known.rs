//! What the quote stage knows of a document's speakers: the names a first
//! pass learnt ([`Known`]) and the speakers of the quotes found so far, by
//! word ([`SpeakerIndex`]).

use super::index::{word_key, KeyHasher};
use super::reads::{Asked, Read, ReadLog};
use crate::gazetteer::EntityType;
use crate::quotes::model::{Method, Quote};
use crate::quotes::words::{guess_type, is_acronym, is_initials};
use crate::quotes::Cues;
use crate::tokens::is_capitalized;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::rc::Rc;

/// What a first pass over the document learnt about its speakers.
#[derive(Debug, Clone, Default)]
pub struct Known {
    /// Full names of unlisted people quoted in the document.
    pub names: Vec<String>,
    /// Single words the document cites people by (`kata Anita`).
    pub short: ShortNames,
}

/// The words of [`Known::short`]; what a pass asks of them goes to its
/// [`ReadLog`], when it keeps one.
#[derive(Debug, Clone, Default)]
pub struct ShortNames {
    words: HashSet<String>,
    log: ReadLog,
}

impl ShortNames {
    pub fn contains(&self, w: &str) -> bool {
        self.log.note(|| Read {
            asked: Asked::Short,
            key: word_key(w),
            answer: None,
        });
        self.words.contains(w)
    }

    pub fn insert(&mut self, w: String) {
        self.words.insert(w);
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

impl Known {
    /// Did the first pass learn nothing (the state it started from)?
    pub fn is_empty(&self) -> bool {
        self.names.is_empty() && self.short.is_empty()
    }

    /// Where what a pass asks of this knowledge goes.
    pub fn log(&self) -> &ReadLog {
        &self.short.log
    }

    /// Nothing known, and what a pass asks goes to `log`.
    pub fn logged(log: &ReadLog) -> Known {
        Known {
            names: Vec::new(),
            short: ShortNames {
                words: HashSet::default(),
                log: log.clone(),
            },
        }
    }

    /// Does knowing this change the answer `read` got in a pass that
    /// knew nothing and had found the same quotes so far? `seeded`: the
    /// speaker index this knowledge starts a pass with
    /// ([`SpeakerIndex::seeded`]).
    pub fn changes(&self, read: &Read, seeded: &SpeakerIndex) -> bool {
        let map = match read.asked {
            Asked::Short => return self.short.words.iter().any(|w| word_key(w) == read.key),
            Asked::PersonEdge => &seeded.person_edge,
            Asked::PersonAny => &seeded.person_any,
            Asked::Fullest => &seeded.fullest,
        };
        // The speakers found so far were filed after the seeded names:
        // with a seeded name, the answer is the longer of the two (a tie
        // to the later for persons, to the earlier for the fullest).
        let Some(seed) = map.names.get(&read.key) else {
            return false;
        };
        match &read.answer {
            None => true,
            Some(found) if read.asked == Asked::Fullest => {
                seed.len() >= found.len() && seed != found
            }
            Some(found) => found.len() < seed.len(),
        }
    }

    pub fn from_quotes(quotes: &[Quote], cues: &Cues) -> Known {
        let mut k = Known::default();
        // Speakers a rule found, not those the ranker guessed nearby.
        let ruled = || {
            quotes
                .iter()
                .filter(|q| q.method != Some(Method::Nearby))
                .filter_map(|q| q.speaker.as_ref())
        };
        for s in ruled() {
            if s.kind != EntityType::Person {
                continue;
            }
            let surface = s.surface.trim();
            if !surface.contains(' ')
                && is_capitalized(surface)
                && !cues.is_pronoun(surface)
                && !cues.is_title(surface)
            {
                k.short.insert(surface.to_string());
            }
        }
        for s in ruled() {
            if s.kind != EntityType::Person || s.entity.is_some() {
                continue;
            }
            let words: Vec<&str> = s
                .name
                .split_whitespace()
                .skip_while(|w| cues.is_title(w) || cues.is_head(w) || is_acronym(w))
                .collect();
            // Cut a title or organization left before a cited first name
            // (but not given names and initials: "Muhammad Zaki Iskandar").
            let mut cut = (0..words.len().saturating_sub(1))
                .find(|&i| k.short.contains(words[i]))
                .unwrap_or(0);
            while cut > 0 && (cues.is_given(words[cut - 1]) || is_initials(words[cut - 1])) {
                cut -= 1;
            }
            let name = words[cut..].join(" ");
            if !name.is_empty() && !k.names.contains(&name) {
                k.names.push(name);
            }
        }
        k
    }
}

/// Names by word: `Marsudi` -> `Retno Marsudi`. Words are keyed by
/// [`word_key`] (no string per key) and a name is shared by its words.
pub struct SpeakerIndex {
    /// Person names by first or last word (for `known_person`; a later
    /// name of equal length wins).
    pub person_edge: NameMap,
    /// Person names by any word (for words the document cites people by).
    pub person_any: NameMap,
    /// Unlisted speakers' names of two words or more, by first or last word
    /// (for `fullest_name`; the first of equal length wins).
    pub fullest: NameMap,
    /// The same names with where they were quoted, in text order (for
    /// surnames several people share).
    pub quoted_at: HashMap<u64, Vec<(usize, Rc<str>)>>,
}

/// Names by [`word_key`]; what a pass asks goes to its [`ReadLog`], when
/// it keeps one.
pub struct NameMap {
    names: std::collections::HashMap<u64, Rc<str>, std::hash::BuildHasherDefault<KeyHasher>>,
    asked: Asked,
    log: ReadLog,
}

impl NameMap {
    pub fn get(&self, key: &u64) -> Option<&Rc<str>> {
        let found = self.names.get(key);
        self.log.note(|| Read {
            asked: self.asked,
            key: *key,
            answer: found.cloned(),
        });
        found
    }
}

impl SpeakerIndex {
    /// The index a pass knowing `known` starts with: its names filed; its
    /// name maps note what they are asked in `known`'s log.
    pub fn seeded(known: &Known, cues: &Cues) -> SpeakerIndex {
        let map = |asked| NameMap {
            names: Default::default(),
            asked,
            log: known.log().clone(),
        };
        let mut index = SpeakerIndex {
            person_edge: map(Asked::PersonEdge),
            person_any: map(Asked::PersonAny),
            fullest: map(Asked::Fullest),
            quoted_at: HashMap::default(),
        };
        for n in &known.names {
            let n: Rc<str> = n.as_str().into();
            index.add_person(&n, cues);
            index.add_fullest(&n, cues);
        }
        index
    }

    pub fn add_person(&mut self, name: &Rc<str>, cues: &Cues) {
        if guess_type(name, cues) != EntityType::Person {
            return;
        }
        // A later name of equal length wins.
        let put = |map: &mut NameMap, w: &str| {
            file_under(map, w, name, |there| name.len() >= there.len())
        };
        let mut words = name.split_whitespace();
        let first = words.next();
        for w in first.into_iter().chain(words.next_back()) {
            put(&mut self.person_edge, w);
        }
        for w in name.split_whitespace() {
            put(&mut self.person_any, w);
        }
    }

    pub fn add_fullest(&mut self, name: &Rc<str>, cues: &Cues) {
        let parts: Vec<&str> = name.split_whitespace().collect();
        if parts.len() < 2 {
            return;
        }
        // "Muhammad Zaki Iskandar" by "Zaki" too: the first word after
        // given names and initials.
        let cited = parts[..parts.len() - 1]
            .iter()
            .find(|w| !cues.is_given(w) && !is_initials(w))
            .filter(|w| **w != parts[0]);
        for &w in [parts[0], parts[parts.len() - 1]].iter().chain(cited) {
            // The first name of equal length wins.
            file_under(&mut self.fullest, w, name, |there| there.len() < name.len());
        }
    }
}

/// Files `name` under the word `w` of `map`: for a word not there yet, or
/// over the name there when `replaces(that name)`.
fn file_under(map: &mut NameMap, w: &str, name: &Rc<str>, replaces: impl Fn(&str) -> bool) {
    match map.names.entry(word_key(w)) {
        std::collections::hash_map::Entry::Occupied(mut e) => {
            if replaces(e.get()) {
                e.insert(name.clone());
            }
        }
        std::collections::hash_map::Entry::Vacant(e) => {
            e.insert(name.clone());
        }
    }
}
