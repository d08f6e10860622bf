//! An experiment, not the product: kutip's word-trie matcher
//! (`kutip::matcher`) against a matcher built on the `aho-corasick` crate
//! with the same rules, on the same texts. Prints MB/s of each, one run.
//!
//!     cargo bench --bench ac_vs_trie -- CORPUS_DIR               # default lists
//!     cargo bench --bench ac_vs_trie -- CORPUS_DIR LIST.tsv ...  # these lists only
//!
//! The Aho-Corasick matcher: every name (`=` prefix dropped, hyphens read as
//! spaces) is a pattern of one ASCII-case-insensitive automaton, searched
//! over the text with hyphens read as spaces; every overlapping hit is then
//! kept only if it starts and ends on word boundaries and passes its name's
//! case rule (as written for acronyms and `=` names; else each word as
//! written, capitalised or in capitals), and the longest kept hit at each
//! start wins, leftmost first, never overlapping: the trie's rules. Where
//! the two differ (runs of several spaces, Unicode hyphens and case
//! folding, separators other than spaces and hyphens), the counts printed
//! at the end say how much.

use aho_corasick::{AhoCorasick, MatchKind};
use kutip::gazetteer::Gazetteer;
use kutip::matcher::Matcher;
use kutip::tokens::{has_lowercase, is_word_char};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// One name as the automaton knows it.
struct Name {
    /// The name with hyphens as spaces and runs of spaces as one.
    key: String,
    /// Only as written (acronyms, `=` names).
    exact: bool,
}

struct AcMatcher {
    automaton: AhoCorasick,
    names: Vec<Name>,
}

fn normalize(s: &str) -> String {
    let spaced: String = s.chars().map(|c| if c == '-' { ' ' } else { c }).collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl AcMatcher {
    fn new(g: &Gazetteer) -> AcMatcher {
        let mut names = Vec::new();
        for e in g.entities() {
            for name in e.names() {
                let (forced, text) = match name.strip_prefix('=') {
                    Some(rest) => (true, rest.trim()),
                    None => (false, name.trim()),
                };
                let key = normalize(text);
                if key.chars().any(is_word_char) {
                    names.push(Name {
                        exact: forced || !has_lowercase(text),
                        key,
                    });
                }
            }
        }
        let automaton = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(names.iter().map(|n| &n.key))
            .expect("automaton builds");
        AcMatcher { automaton, names }
    }

    /// (start, end) of the names found in `text`, leftmost-longest.
    fn find(&self, text: &str) -> Vec<(usize, usize)> {
        // Hyphens as spaces: the same length, so offsets hold.
        let hay: Vec<u8> = text
            .bytes()
            .map(|b| if b == b'-' { b' ' } else { b })
            .collect();
        let mut hits: Vec<(usize, usize)> = Vec::new();
        for m in self.automaton.find_overlapping_iter(&hay[..]) {
            let (s, e) = (m.start(), m.end());
            if text.is_char_boundary(s)
                && text.is_char_boundary(e)
                && self.accepts(text, &hay, s, e, &self.names[m.pattern().as_usize()])
            {
                hits.push((s, e));
            }
        }
        hits.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        let mut out = Vec::new();
        let mut last_end = 0;
        for (s, e) in hits {
            if s >= last_end {
                out.push((s, e));
                last_end = e;
            }
        }
        out
    }

    fn accepts(&self, text: &str, hay: &[u8], s: usize, e: usize, name: &Name) -> bool {
        let before = text[..s].chars().next_back();
        let after = text[e..].chars().next();
        let first = text[s..].chars().next();
        let last = text[..e].chars().next_back();
        // On word boundaries (a name may end with punctuation: `U.S.`).
        if before.is_some_and(is_word_char) && first.is_some_and(is_word_char) {
            return false;
        }
        if after.is_some_and(is_word_char) && last.is_some_and(is_word_char) {
            return false;
        }
        let found = std::str::from_utf8(&hay[s..e]).expect("cut on char boundaries");
        if name.exact {
            return found == name.key;
        }
        found.split(' ').zip(name.key.split(' ')).all(|(f, w)| {
            f == w || f.chars().eq(w.chars().flat_map(char::to_uppercase)) || {
                let mut cs = w.chars();
                let head = cs.next();
                f.chars()
                    .eq(head.into_iter().flat_map(char::to_uppercase).chain(cs))
            }
        })
    }
}

fn read_corpus(dir: &Path, out: &mut Vec<String>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("corpus folder")
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            read_corpus(&p, out);
        } else if p.extension().is_some_and(|x| x == "txt") {
            out.push(std::fs::read_to_string(&p).expect("UTF-8 text"));
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let Some(corpus) = args.first() else {
        eprintln!("usage: cargo bench --bench ac_vs_trie -- CORPUS_DIR [LIST.tsv ...]");
        std::process::exit(2);
    };
    let mut docs = Vec::new();
    read_corpus(Path::new(corpus), &mut docs);
    let bytes: usize = docs.iter().map(String::len).sum();
    let g = if args.len() == 1 {
        Gazetteer::defaults().expect("defaults load")
    } else {
        let mut g = Gazetteer::new();
        for p in &args[1..] {
            g.extend(Gazetteer::load_path(Path::new(p)).expect("list loads"));
        }
        g
    };

    let t = Instant::now();
    let ac = AcMatcher::new(&g);
    let ac_build = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let trie = Matcher::new(&g);
    let trie_build = t.elapsed().as_secs_f64();

    let t = Instant::now();
    let trie_found: Vec<Vec<(usize, usize)>> = docs
        .iter()
        .map(|d| trie.find(d).iter().map(|m| (m.start, m.end)).collect())
        .collect();
    let trie_secs = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let ac_found: Vec<Vec<(usize, usize)>> = docs.iter().map(|d| ac.find(d)).collect();
    let ac_secs = t.elapsed().as_secs_f64();

    let (mut both, mut trie_n, mut ac_n) = (0, 0, 0);
    for (a, b) in trie_found.iter().zip(&ac_found) {
        let a: HashSet<_> = a.iter().collect();
        trie_n += a.len();
        ac_n += b.len();
        both += b.iter().filter(|m| a.contains(m)).count();
    }
    let mb = bytes as f64 / 1e6;
    let what = if args.len() == 1 {
        "default lists".to_string()
    } else {
        format!("{:?}", &args[1..])
    };
    println!(
        "{what}: {} names, {} documents, {mb:.1} MB (one run each)",
        ac.names.len(),
        docs.len()
    );
    println!(
        "  word trie      {:7.1} MB/s  (build {:.2} s)  {trie_n} matches",
        mb / trie_secs,
        trie_build
    );
    println!(
        "  aho-corasick   {:7.1} MB/s  (build {:.2} s)  {ac_n} matches, {both} of them the trie's too",
        mb / ac_secs,
        ac_build
    );
}
