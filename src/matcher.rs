//! The gazetteer matcher: finds whole-word names in a text.
//!
//! Names are compiled into a trie over *words* rather than bytes: the text is
//! split into words once, each word is looked up by its case-folded hash, and
//! only words that start some name walk the trie. So a match always starts
//! and ends on word boundaries (`Oman` is never found inside `Romania`), and
//! the longest boundary-valid name wins: a short alias that fails its case
//! rule never hides a longer one that passes.
//!
//! Case rules, per name:
//! - a name without lowercase letters (`CSTO`, `AS`, `G20`) matches only as
//!   written, so `us` and `As` are never the United States;
//! - a name prefixed with `=` in its list matches only as written;
//! - any other name matches as written, and each word may also be written
//!   with a capital first letter or in capitals (`Beijing`, `BEIJING`,
//!   `the US` at a sentence start as `The US`), never in lowercase when the
//!   list capitalises it (`china` is not China).
//!
//! Between words, any run of spaces matches a space, and a space and a hyphen
//! stand for each other (`Kassym-Jomart` / `Kassym Jomart`). A line break
//! never does: names do not span paragraphs.
//!
//! ```
//! use kutip::gazetteer::Gazetteer;
//! use kutip::matcher::Matcher;
//! let g = Gazetteer::parse("id\ttype\tname\taliases\nQ1\tPERSON\tSam\tSamwise\n", "x").unwrap();
//! let m = Matcher::new(&g);
//! let found: Vec<_> = m.find("Samwise and Sam").iter().map(|x| (x.start, x.end)).collect();
//! assert_eq!(found, [(0, 7), (12, 15)]);
//! ```

use crate::gazetteer::{Entity, EntityType, Gazetteer};
use crate::tokens::{
    flag, fold_hash, fold_hash_normalized, has_lowercase, normalized_word, tokenize_into, Token,
    WordBuf, Words,
};
use crate::word_table::WordTable;
use rustc_hash::FxHashMap;
use std::cmp::Reverse;

/// One name found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    /// Byte offset where the name starts.
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
    /// Index of the entity in [`Matcher::entities`].
    pub entity: u32,
    /// Index of the name that matched, in [`Matcher::pattern`].
    pub pattern: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CaseRule {
    /// Only exactly as written (`=` names and acronyms).
    Exact,
    /// As written, or words capitalised or in capitals.
    Capitalizable,
}

/// A compiled name.
#[derive(Debug, Clone)]
pub struct Pattern {
    /// The name as written, without the `=` marker.
    pub text: Box<str>,
    /// Entity index.
    pub entity: u32,
    words: Box<[(u32, u32)]>,
    /// Separators between words; `None` when all are spaces (most names).
    seps: Option<Box<[Sep]>>,
    /// Punctuation after the last word that is part of the name (`U.S.`).
    trail: Box<str>,
    case: CaseRule,
    priority: i32,
}

impl Pattern {
    /// The words of the name.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.words
            .iter()
            .map(|&(s, e)| &self.text[s as usize..e as usize])
    }

    fn sep(&self, k: usize) -> &Sep {
        match &self.seps {
            Some(seps) => &seps[k],
            None => &Sep::Space,
        }
    }
}

/// A normalised separator between two words.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Sep {
    /// Spaces or a hyphen (interchangeable).
    Space,
    Other(String),
}

impl Sep {
    fn of(s: &str) -> Option<Sep> {
        if s.contains(['\n', '\r']) {
            return None;
        }
        let t = s.trim_matches(|c: char| c.is_whitespace());
        if t.is_empty() || matches!(t, "-" | "\u{2010}" | "\u{2011}") {
            return Some(Sep::Space);
        }
        Some(Sep::Other(
            t.chars()
                .map(|c| match c {
                    '\u{2019}' | '\u{2018}' | '`' => '\'',
                    '\u{2010}' | '\u{2011}' => '-',
                    c => c,
                })
                .collect(),
        ))
    }
}

const ROOT: u32 = 0;
const NO_WORD: u32 = u32::MAX;

/// A compiled gazetteer: build once, share between threads.
#[derive(Debug, Clone)]
pub struct Matcher {
    entities: Vec<Entity>,
    patterns: Vec<Pattern>,
    /// Case-folded word hash -> word id.
    vocab: WordTable<u32>,
    /// (node << 32 | word id) -> child node.
    edges: FxHashMap<u64, u32>,
    /// Node `n` -> the patterns ending there:
    /// `terminal_patterns[terminal_start[n]..terminal_start[n + 1]]` (one
    /// offset a node, read by index: no hash lookup per word walked).
    terminal_start: Vec<u32>,
    /// Pattern indices grouped by end node, best first within a node (one
    /// flat list rather than a list per node: 200,000 names hold 200,000
    /// small allocations otherwise).
    terminal_patterns: Vec<u32>,
    nodes: u32,
    /// Which (first byte, byte length) pairs start a name that begins with
    /// a lowercase letter (`the US`). A lowercase word of the text that is
    /// not one of these can start no name: most words of a text are skipped
    /// without hashing them.
    lower_starts: Box<[u32; 256]>,
}

impl Matcher {
    /// Compiles every name of every entity of `gazetteer`.
    ///
    /// Names with no word at all (`--`) can never match and are skipped.
    /// The matcher's entities keep everything but their `origin` (`file:line`),
    /// which matching never needs: the gazetteer has it.
    pub fn new(gazetteer: &Gazetteer) -> Matcher {
        Matcher::from_gazetteer(gazetteer.clone())
    }

    /// Like [`Matcher::new`], taking the gazetteer (no copy of its entities).
    pub fn from_gazetteer(gazetteer: Gazetteer) -> Matcher {
        let mut entities = gazetteer.into_entities();
        // Freed before compiling, so the patterns reuse the memory: about
        // 70 bytes an entity, 70 MB for a 1,000,000-name list.
        for e in &mut entities {
            e.origin = String::new();
        }
        // Every name, and about one more for each person's name of three
        // words (its middle-initial form): reserved once, so the tables are
        // not grown by doubling past what they need.
        let names: usize = entities
            .iter()
            .map(|e| {
                let long = |n: &&str| n.bytes().filter(|&b| b == b' ').count() >= 2;
                let variants = match e.kind {
                    EntityType::Person => e.names().filter(long).count(),
                    _ => 0,
                };
                1 + e.aliases.len() + variants
            })
            .sum();
        let mut m = Matcher {
            entities: Vec::new(),
            patterns: Vec::with_capacity(names),
            vocab: WordTable::with_capacity(names),
            edges: FxHashMap::default(),
            terminal_start: Vec::new(),
            terminal_patterns: Vec::new(),
            nodes: 1,
            lower_starts: Box::new([0; 256]),
        };
        m.edges.reserve(names * 2);
        // (end node, pattern) of every compiled name, in pattern order.
        let mut ends: Vec<(u32, u32)> = Vec::with_capacity(names);
        let mut toks = Vec::new();
        for (ei, entity) in entities.iter().enumerate() {
            let initials = entity.kind == EntityType::Person;
            for name in entity.names() {
                let variant = initials.then(|| with_middle_initials(name)).flatten();
                for name in std::iter::once(name).chain(variant.as_deref()) {
                    if let Some(p) = compile(name, ei as u32, entity.priority, &mut toks) {
                        let node = m.insert(p);
                        ends.push((node, m.patterns.len() as u32 - 1));
                    }
                }
            }
        }
        m.entities = entities;
        (m.terminal_start, m.terminal_patterns) = group_by_node(m.nodes, &ends, &m.patterns);
        m
    }

    /// Adds a compiled name to the word trie; returns the node it ends at.
    fn insert(&mut self, p: Pattern) -> u32 {
        if let Some(first) = p.words().next() {
            if first.starts_with(char::is_lowercase) {
                let (b, len) = (first.as_bytes()[0], first.len().min(31));
                self.lower_starts[b as usize] |= 1 << len;
            }
        }
        let mut node = ROOT;
        for w in p.words() {
            let next_id = self.vocab.len() as u32;
            let wid = *self.vocab.entry(fold_hash(w), next_id);
            let key = (node as u64) << 32 | wid as u64;
            node = match self.edges.get(&key) {
                Some(&child) => child,
                None => {
                    let child = self.nodes;
                    self.nodes += 1;
                    self.edges.insert(key, child);
                    child
                }
            };
        }
        self.patterns.push(p);
        node
    }

    /// The entities, indexed by [`Match::entity`].
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The compiled name with this index.
    pub fn pattern(&self, index: u32) -> &Pattern {
        &self.patterns[index as usize]
    }

    /// Number of compiled names.
    pub fn pattern_count(&self) -> usize {
        self.patterns.len()
    }

    /// Finds names in `text`: leftmost first, longest at each start, never
    /// overlapping, in text order.
    pub fn find(&self, text: &str) -> Vec<Match> {
        let mut words = WordBuf::default();
        words.tokenize(text);
        let mut out = Vec::new();
        self.find_in_words(text, words.words(), &mut out);
        out
    }

    /// Like [`Matcher::find`], on words already split by [`crate::tokens`].
    pub fn find_in_tokens(&self, text: &str, toks: &[Token], out: &mut Vec<Match>) {
        let words = WordBuf::of_tokens(text, toks);
        self.find_in_words(text, words.words(), out);
    }

    /// Like [`Matcher::find`], on words already split and hashed
    /// ([`WordBuf`]): no word is hashed again.
    pub fn find_in_words(&self, text: &str, words: Words, out: &mut Vec<Match>) {
        let mut i = 0;
        while i < words.len() {
            match self.longest_at(text, words, i) {
                Some((last, m)) => {
                    out.push(m);
                    i = last + 1;
                }
                None => i += 1,
            }
        }
    }

    /// The id of word `i` of `words` (hashed as names are matched: of its
    /// [`normalized_word`] form).
    #[inline]
    fn word_id(&self, text: &str, words: Words, i: usize) -> u32 {
        let hash = if words.flags[i] & flag::NORMALIZE == 0 {
            words.hashes[i]
        } else {
            let t = words.tokens[i];
            fold_hash_normalized(&text[t.start..t.end])
        };
        self.vocab.get(hash).unwrap_or(NO_WORD)
    }

    /// The longest verified match starting at word `i`: (its last word, match).
    fn longest_at(&self, text: &str, words: Words, i: usize) -> Option<(usize, Match)> {
        let toks = words.tokens;
        if words.flags[i] & flag::LOWER != 0 {
            let t = toks[i];
            let (b, len) = (text.as_bytes()[t.start], (t.end - t.start).min(31));
            if self.lower_starts[b as usize] & (1 << len) == 0 {
                return None;
            }
        }
        let mut wid = self.word_id(text, words, i);
        if wid == NO_WORD {
            return None;
        }
        let mut node = ROOT;
        let mut best = None;
        let mut j = i;
        // The words walked, past a skipped middle initial (`Joe R. Biden`).
        let mut path = [toks[i]; MAX_PATH];
        let mut len = 0;
        while let Some(&child) = self.edges.get(&((node as u64) << 32 | wid as u64)) {
            node = child;
            path[len] = toks[j];
            len += 1;
            let ends = self.terminal_start[node as usize] as usize
                ..self.terminal_start[node as usize + 1] as usize;
            for &pi in &self.terminal_patterns[ends] {
                if let Some(end) = self.verify(&self.patterns[pi as usize], text, &path[..len]) {
                    let p = &self.patterns[pi as usize];
                    best = Some((
                        j,
                        Match {
                            start: toks[i].start,
                            end,
                            entity: p.entity,
                            pattern: pi,
                        },
                    ));
                    break;
                }
            }
            j += 1;
            if j >= toks.len() || toks[j].start - toks[j - 1].end > 8 || len == MAX_PATH {
                break;
            }
            wid = self.word_id(text, words, j);
            if j + 1 < toks.len()
                && is_middle_initial(text, toks[j - 1], toks[j], toks[j + 1])
                && !self.edges.contains_key(&((node as u64) << 32 | wid as u64))
            {
                j += 1;
                wid = self.word_id(text, words, j);
            }
            if wid == NO_WORD {
                break;
            }
        }
        best
    }

    /// Checks separators and case; returns the match's end byte.
    fn verify(&self, p: &Pattern, text: &str, toks: &[Token]) -> Option<usize> {
        for (k, pair) in toks.windows(2).enumerate() {
            let gap = &text[pair[0].end..pair[1].start];
            if Sep::of(gap).as_ref() != Some(p.sep(k)) {
                // A middle initial stands between two words of a person's
                // name written with a space.
                let initial = *p.sep(k) == Sep::Space
                    && self.entities[p.entity as usize].kind == EntityType::Person
                    && is_initial_gap(gap);
                if !initial {
                    return None;
                }
            }
        }
        for (t, w) in toks.iter().zip(p.words()) {
            let s = normalized_word(&text[t.start..t.end]);
            let s = s.as_ref();
            let ok = s == w
                || (p.case == CaseRule::Capitalizable
                    && (s.chars().eq(w.chars().flat_map(char::to_uppercase))
                        || s.chars().eq(capitalize_first(w))));
            if !ok {
                return None;
            }
        }
        let end = toks.last()?.end;
        if p.trail.is_empty() {
            Some(end)
        } else if text[end..].starts_with(&*p.trail) {
            Some(end + p.trail.len())
        } else {
            None
        }
    }
}

/// The patterns of `ends` ((end node, pattern), in pattern order) grouped
/// by node, best first within a node: higher priority, then list order
/// (pattern order). A counting sort by node: no comparison sort of every
/// name. Returns each node's start in the list (`nodes + 1` offsets) and
/// the list.
fn group_by_node(nodes: u32, ends: &[(u32, u32)], patterns: &[Pattern]) -> (Vec<u32>, Vec<u32>) {
    let mut start = vec![0u32; nodes as usize + 1];
    for &(node, _) in ends {
        start[node as usize + 1] += 1;
    }
    for n in 1..start.len() {
        start[n] += start[n - 1];
    }
    let mut next = start.clone();
    let mut list = vec![0u32; ends.len()];
    for &(node, p) in ends {
        list[next[node as usize] as usize] = p;
        next[node as usize] += 1;
    }
    for w in start.windows(2) {
        let group = &mut list[w[0] as usize..w[1] as usize];
        if group.len() > 1 {
            // Stable: equal priorities keep pattern order.
            group.sort_by_key(|&p| Reverse(patterns[p as usize].priority));
        }
    }
    (start, list)
}

/// A person's name of three words or more with its middle words as
/// initials (`Susilo Bambang Yudhoyono` -> `Susilo B. Yudhoyono`), the way
/// news writes it; `None` for other names and `=` names.
fn with_middle_initials(name: &str) -> Option<String> {
    if name.starts_with('=') {
        return None;
    }
    let words: Vec<&str> = name.split(' ').filter(|w| !w.is_empty()).collect();
    let middle = words.get(1..words.len().checked_sub(1)?)?;
    let last = words[words.len() - 1];
    // Not `John Smith Jr.`, `Henry Ford II`: a suffix is no surname.
    if !last.chars().all(char::is_alphabetic) || matches!(last, "II" | "III" | "IV" | "Jr" | "Sr") {
        return None;
    }
    if middle.is_empty()
        || !middle
            .iter()
            .all(|w| w.chars().count() >= 2 && w.chars().all(char::is_alphabetic))
    {
        return None;
    }
    let mut out = words[0].to_string();
    for w in middle {
        let first = w.chars().next()?;
        if !first.is_uppercase() {
            return None;
        }
        out.push(' ');
        out.push(first);
        out.push('.');
    }
    out.push(' ');
    out.push_str(words[words.len() - 1]);
    Some(out)
}

/// The most words a name is walked over.
const MAX_PATH: usize = 16;

/// Is `t` a middle initial (`R` of `Joe R. Biden`): one capital letter
/// with a period, a space on each side?
#[inline]
fn is_middle_initial(text: &str, prev: Token, t: Token, next: Token) -> bool {
    t.end - t.start == 1
        && text.as_bytes()[t.start].is_ascii_uppercase()
        && &text[prev.end..t.start] == " "
        && &text[t.end..next.start] == ". "
}

/// ` R. `: the text between two words around a middle initial.
fn is_initial_gap(gap: &str) -> bool {
    let b = gap.as_bytes();
    b.len() == 4 && b[0] == b' ' && b[1].is_ascii_uppercase() && b[2] == b'.' && b[3] == b' '
}

/// `w` with its first letter in capitals.
fn capitalize_first(w: &str) -> impl Iterator<Item = char> + '_ {
    let mut cs = w.chars();
    let first = cs.next();
    first.into_iter().flat_map(char::to_uppercase).chain(cs)
}

fn compile(name: &str, entity: u32, priority: i32, toks: &mut Vec<Token>) -> Option<Pattern> {
    let (exact, text) = match name.strip_prefix('=') {
        Some(rest) => (true, rest.trim()),
        None => (false, name.trim()),
    };
    // Written as the text's words are read (composed accents).
    let text = normalized_word(text);
    let text = text.as_ref();
    toks.clear();
    tokenize_into(text, toks);
    let last = toks.last()?;
    let mut seps = Vec::with_capacity(toks.len());
    for pair in toks.windows(2) {
        seps.push(Sep::of(&text[pair[0].end..pair[1].start])?);
    }
    let case = if exact || !has_lowercase(text) {
        CaseRule::Exact
    } else {
        CaseRule::Capitalizable
    };
    let seps = if seps.iter().all(|s| *s == Sep::Space) {
        None
    } else {
        Some(seps.into_boxed_slice())
    };
    Some(Pattern {
        trail: text[last.end..].trim().into(),
        text: text.into(),
        entity,
        words: toks
            .iter()
            .map(|t| (t.start as u32, t.end as u32))
            .collect(),
        seps,
        case,
        priority,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIST: &str = "id\ttype\tname\taliases\tcountry\tpriority
Q148\tCOUNTRY\tChina\tTiongkok|Cina|RRT\tCN\t
Q159\tCOUNTRY\tRussia\tRusia\tRU\t
Q842\tCOUNTRY\tOman\t\tOM\t
Q1030\tCOUNTRY\tNiger\t\tNE\t
Q1033\tCOUNTRY\tNigeria\t\tNG\t
Q30\tCOUNTRY\tUnited States\tAS|US|U.S.|=the US\tUS\t1
Q232\tCOUNTRY\tKazakhstan\t\tKZ\t
Q7080\tCOUNTRY\tAmapá\t\tBR\t
Q2\tORGANIZATION\tAmapá Media\t\t\t
QT\tPERSON\tKassym-Jomart Tokayev\t\tKZ\t
QM\tORGANIZATION\tMinistry of Foreign Affairs of Russia\tKementerian Luar Negeri Rusia|Russian foreign ministry\tRU\t
QB\tLOCATION\tBeijing\tPeking\tCN\t
QA\tPERSON\tAs Sample\t\t\t
QX\tORGANIZATION\tAS Roma\t\t\t
";

    fn found(text: &str) -> Vec<(String, String)> {
        let g = Gazetteer::parse(LIST, "t").unwrap();
        let m = Matcher::new(&g);
        m.find(text)
            .iter()
            .map(|x| {
                (
                    text[x.start..x.end].to_string(),
                    m.entities()[x.entity as usize].name.clone(),
                )
            })
            .collect()
    }

    fn surfaces(text: &str) -> Vec<String> {
        found(text).into_iter().map(|(s, _)| s).collect()
    }

    #[test]
    fn whole_words_only() {
        let cases: &[(&str, &[&str])] = &[
            ("Romania and Oman", &["Oman"]),
            ("Nigeria, not Niger.", &["Nigeria", "Niger"]),
            ("Chinatown Chinese", &[]),
            ("China-Rusia", &["China", "Rusia"]),
            ("Russia's army", &["Russia"]),
            ("Russia’s army", &["Russia"]),
            ("Kassym-Jomart Tokayev said", &["Kassym-Jomart Tokayev"]),
            ("Kassym Jomart Tokayev said", &["Kassym Jomart Tokayev"]),
            ("(Tiongkok).", &["Tiongkok"]),
        ];
        for (text, want) in cases {
            assert_eq!(surfaces(text), *want, "{text:?}");
        }
    }

    #[test]
    fn longest_boundary_valid_match_wins() {
        let cases: &[(&str, &[&str])] = &[
            // The org wins over the country inside it.
            (
                "Kementerian Luar Negeri Rusia mengatakan",
                &["Kementerian Luar Negeri Rusia"],
            ),
            // A longer name that does not fit falls back to the shorter one.
            ("Amapá Mediaese", &["Amapá"]),
            ("Amapá Media said", &["Amapá Media"]),
            // A shorter alias failing its case rule does not hide a longer valid one.
            ("As Sample spoke", &["As Sample"]),
            ("AS Roma won", &["AS Roma"]),
        ];
        for (text, want) in cases {
            assert_eq!(surfaces(text), *want, "{text:?}");
        }
    }

    #[test]
    fn case_rules() {
        let cases: &[(&str, &[&str])] = &[
            ("CSTO and AS and US", &["AS", "US"]),
            ("tell us as we go", &[]),
            ("As we go, Us too", &[]),
            ("BEIJING - officials", &["BEIJING"]),
            ("china and turkey", &[]),
            ("CHINA", &["CHINA"]),
            ("the US and The US", &["the US", "US"]),
            (
                "the Russian Foreign Ministry said",
                &["Russian Foreign Ministry"],
            ),
            ("the russian foreign ministry said", &[]),
            ("U.S. troops", &["U.S."]),
            ("U.S troops", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(surfaces(text), *want, "{text:?}");
        }
    }

    #[test]
    fn middle_names_as_initials() {
        let cases = [
            ("Susilo Bambang Yudhoyono", Some("Susilo B. Yudhoyono")),
            ("Kim Jong Un", Some("Kim J. Un")),
            ("Ali bin Abi Talib", None),
            ("Joe Biden", None),
            ("John Smith Jr.", None),
            ("Henry Ford II", None),
            ("=Susilo Bambang Yudhoyono", None),
        ];
        for (name, want) in cases {
            assert_eq!(with_middle_initials(name).as_deref(), want, "{name:?}");
        }
    }

    #[test]
    fn names_never_span_lines() {
        assert_eq!(surfaces("Kassym-Jomart\nTokayev"), Vec::<String>::new());
    }

    /// The names ending at one trie node are tried best first: higher
    /// priority, then list order; each node's range holds only its own.
    #[test]
    fn names_ending_at_one_node_are_grouped_best_priority_first_then_list_order() {
        let list = "id\ttype\tname\taliases\tpriority
A\tLOCATION\tSpringfield\t\t0
B\tLOCATION\tSpringfield City\tSpringfield\t5
C\tLOCATION\tShelbyville\tSpringfield\t0
D\tLOCATION\tCapital City\tSpringfield\t5
";
        let g = Gazetteer::parse(list, "t").unwrap();
        let m = Matcher::new(&g);
        let at = |name: &str| {
            let mut words = WordBuf::default();
            words.tokenize(name);
            let node = m.edges[&((ROOT as u64) << 32 | m.word_id(name, words.words(), 0) as u64)];
            let range = m.terminal_start[node as usize] as usize
                ..m.terminal_start[node as usize + 1] as usize;
            m.terminal_patterns[range]
                .iter()
                .map(|&p| m.entities()[m.pattern(p).entity as usize].id.as_str())
                .collect::<Vec<_>>()
        };
        assert_eq!(at("Springfield"), ["B", "D", "A", "C"]);
        assert_eq!(at("Shelbyville"), ["C"]);
        let hits = m.find("Springfield");
        assert_eq!(m.entities()[hits[0].entity as usize].id, "B");
    }

    #[test]
    fn shared_alias_goes_to_higher_priority() {
        let list = "id\ttype\tname\taliases\tpriority\nA\tLOCATION\tWashington State\tWashington\t0\nB\tLOCATION\tWashington, D.C.\tWashington\t5\n";
        let g = Gazetteer::parse(list, "t").unwrap();
        let m = Matcher::new(&g);
        let hits = m.find("in Washington today");
        assert_eq!(m.entities()[hits[0].entity as usize].id, "B");
    }

    #[test]
    fn offsets_are_bytes_of_the_original_text() {
        let text = "“Tiongkok” dan Rusia";
        let g = Gazetteer::parse(LIST, "t").unwrap();
        let hits = Matcher::new(&g).find(text);
        assert_eq!(&text[hits[0].start..hits[0].end], "Tiongkok");
        assert_eq!(&text[hits[1].start..hits[1].end], "Rusia");
    }
}
