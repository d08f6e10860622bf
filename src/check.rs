//! Lints for gazetteer lists: what `kutip gazetteer check` reports.
//!
//! Errors (the list is wrong): duplicate ids, an alias under two entities
//! with equal priority (a shared alias is intentional only when priorities
//! say who wins), a name with no word that can never match, a lowercase
//! alias that is an ordinary word of English or Indonesian (it would match
//! that word everywhere). Warnings (worth a look): a capitalised alias that
//! is an ordinary word and may start sentences (`Bank`, `Chad`), an alias
//! repeated within one entity, a type that does not fit the list's file name.

use crate::gazetteer::{split_origin, EntityType, Gazetteer};
use crate::tokens::{has_lowercase, tokenize};
use std::collections::{BTreeMap, HashSet};

/// Common lowercase words of English and Indonesian (see the file's header).
pub const COMMON_WORDS: &str = include_str!("../gazetteers/common-words.txt");

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// One problem, at `file:line`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub file: String,
    pub line: usize,
    pub severity: Severity,
    pub message: String,
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let s = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{}:{}: {s}: {}", self.file, self.line, self.message)
    }
}

/// Checks a gazetteer; findings in file and line order.
pub fn check(g: &Gazetteer) -> Vec<Finding> {
    let common: HashSet<&str> = COMMON_WORDS
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    let mut out = Vec::new();
    let mut push = |origin: &str, severity, message: String| {
        let (file, line) = split_origin(origin);
        out.push(Finding {
            file,
            line,
            severity,
            message,
        });
    };
    let mut ids: BTreeMap<&str, &str> = BTreeMap::new();
    // Exact alias -> (entity index) of its first owner.
    let mut owners: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, e) in g.entities().iter().enumerate() {
        if let Some(first) = ids.insert(&e.id, &e.origin) {
            push(
                &e.origin,
                Severity::Error,
                format!("duplicate id {} (first defined at {first})", e.id),
            );
        }
        let file = split_origin(&e.origin).0;
        if let Some(expected) = type_of_file(&file) {
            if expected != e.kind {
                push(
                    &e.origin,
                    Severity::Warning,
                    format!("{} is {} in a list of {}", e.id, e.kind, expected),
                );
            }
        }
        let mut seen = HashSet::new();
        for name in e.names() {
            let bare = name.trim_start_matches('=').trim();
            if !seen.insert(bare) {
                push(
                    &e.origin,
                    Severity::Warning,
                    format!("{}: alias {bare:?} listed twice", e.id),
                );
                continue;
            }
            if tokenize(bare).is_empty() {
                push(
                    &e.origin,
                    Severity::Error,
                    format!("{}: {bare:?} has no word and can never match", e.id),
                );
                continue;
            }
            owners.entry(bare).or_default().push(i);
            let lower_form = bare.to_lowercase();
            if common.contains(lower_form.as_str()) {
                if !has_lowercase(bare) {
                    // Acronyms match only in capitals: `AS`, `US` are safe.
                } else if bare == lower_form {
                    push(&e.origin, Severity::Error, format!("{}: alias {bare:?} is an ordinary lowercase word and would match it everywhere", e.id));
                } else if !name.starts_with('=') && !bare.contains(' ') {
                    push(&e.origin, Severity::Warning, format!("{}: alias {bare:?} is also an ordinary word; it matches when capitalised (sentence starts)", e.id));
                }
            }
        }
    }
    for (alias, list) in &owners {
        let mut list = list.clone();
        list.dedup();
        for pair in list.windows(2) {
            let (a, b) = (&g.entities()[pair[0]], &g.entities()[pair[1]]);
            if a.priority == b.priority {
                push(&b.origin, Severity::Error, format!(
                    "alias {alias:?} of {} is also an alias of {} ({}) with the same priority; set `priority` to say which wins",
                    b.id, a.id, a.origin
                ));
            }
        }
    }
    out.sort_by(|a, b| (&a.file, a.line, &a.message).cmp(&(&b.file, b.line, &b.message)));
    out
}

fn type_of_file(file: &str) -> Option<EntityType> {
    let name = file.rsplit('/').next()?;
    Some(match name {
        "countries.tsv" => EntityType::Country,
        "locations.tsv" => EntityType::Location,
        "organizations.tsv" => EntityType::Organization,
        "people.tsv" => EntityType::Person,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn findings(list: &str) -> Vec<String> {
        let g = Gazetteer::parse(list, "t.tsv").unwrap();
        check(&g).iter().map(|f| f.to_string()).collect()
    }

    #[test]
    fn table_of_findings() {
        let h = "id\ttype\tname\taliases\tpriority\n";
        let cases: &[(&str, &str)] = &[
            (
                "A\tPERSON\tX\t\t\nA\tPERSON\tY\t\t\n",
                "t.tsv:3: error: duplicate id A",
            ),
            (
                "A\tCOUNTRY\tGeorgia\t\t\nB\tLOCATION\tGeorgia\t\t\n",
                "t.tsv:3: error: alias \"Georgia\" of B is also an alias of A",
            ),
            (
                "A\tORGANIZATION\tX\t--\t\n",
                "t.tsv:2: error: A: \"--\" has no word",
            ),
            (
                "A\tORGANIZATION\tX\tbank\t\n",
                "t.tsv:2: error: A: alias \"bank\" is an ordinary lowercase word",
            ),
            (
                "A\tORGANIZATION\tX\tBank\t\n",
                "t.tsv:2: warning: A: alias \"Bank\" is also an ordinary word",
            ),
            (
                "A\tORGANIZATION\tX\tY|Y\t\n",
                "t.tsv:2: warning: A: alias \"Y\" listed twice",
            ),
        ];
        for (rows, want) in cases {
            let got = findings(&format!("{h}{rows}"));
            assert!(
                got.iter().any(|f| f.starts_with(want)),
                "{want:?} not in {got:?}"
            );
        }
    }

    #[test]
    fn shared_alias_with_priorities_and_acronyms_are_fine() {
        let list = "id\ttype\tname\taliases\tpriority\nA\tCOUNTRY\tGeorgia\t\t1\nB\tLOCATION\tGeorgia\t\t0\nC\tCOUNTRY\tUnited States\tAS|US\t\n";
        assert_eq!(findings(list), Vec::<String>::new());
    }
}
