//! Lints for gazetteer lists: what `kutip gazetteer check` reports.
//!
//! Errors (the list is wrong): malformed rows (wrong field count, empty id
//! or name, unknown type, bad priority: see [`parse_lenient`], which
//! reports every bad row instead of stopping at the first), duplicate ids,
//! an alias under two entities with equal priority (a shared alias is
//! intentional only when priorities say who wins), a name with no word that
//! can never match, a lowercase alias that is an ordinary word of English or
//! Indonesian (no case guard: it would match that word everywhere), a type
//! that does not fit the list's file name (`people.tsv`, `my-countries.tsv`),
//! a `country` that is not two capital letters, an id with spaces.
//! Warnings (worth a look): a capitalised alias that is an ordinary word and
//! may start sentences (`Bank`), an alias repeated within one entity, an
//! alias that can never win because another entity's differently spelled
//! name matches the same text first (`GEORGIA` behind `Georgia`).
//! Notes (what a user's list does to the embedded lists, [`against`]): rows
//! that replace an embedded row of the same id, and names it takes from
//! embedded entities; a name it cannot take is a warning.

use crate::error::{Error, Result};
use crate::gazetteer::{split_origin, Entity, EntityType, Gazetteer};
use crate::tokens::{has_lowercase, tokenize};
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

/// Common lowercase words of English and Indonesian (see the file's header).
pub const COMMON_WORDS: &str = include_str!("../gazetteers/common-words.txt");

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Note,
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
            Severity::Note => "note",
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
                    Severity::Error,
                    format!("{} is {} in a list of {}", e.id, e.kind, expected),
                );
            }
        }
        if e.id.contains(char::is_whitespace) {
            push(
                &e.origin,
                Severity::Error,
                format!("id {:?} contains a space", e.id),
            );
        }
        let iso = e.country.len() == 2 && e.country.chars().all(|c| c.is_ascii_uppercase());
        if !(e.country.is_empty() || iso) {
            push(
                &e.origin,
                Severity::Error,
                format!(
                    "{}: country {:?} is not an ISO alpha-2 code (two capitals: ID, US)",
                    e.id, e.country
                ),
            );
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
    shadowed(g, &mut push);
    out.sort_by(|a, b| (&a.file, a.line, &a.message).cmp(&(&b.file, b.line, &b.message)));
    out
}

/// What a user's lists do when laid over the embedded ones
/// ([`Gazetteer::overlay`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overlay {
    /// Entities with an id the embedded lists do not have.
    pub added: usize,
    /// Rows that replace an embedded row and change it.
    pub changed: usize,
    /// Rows that replace an embedded row with the same content.
    pub identical: usize,
    /// Names the user's entities take from embedded entities.
    pub takes: usize,
    /// Names the user's entities share with embedded entities that keep them.
    pub loses: usize,
}

/// Compares a user's lists with the embedded (`base`) lists: a note for
/// each row that replaces an embedded row (what it changes) and for each
/// name it takes from another embedded entity; a warning for each name an
/// embedded entity keeps (higher priority, or equal and earlier in list
/// order). Names are compared as written.
///
/// ```
/// use kutip::gazetteer::Gazetteer;
/// let base = Gazetteer::parse("id\ttype\tname\taliases\nQ1\tPERSON\tAnn\tA. Lee\n", "base.tsv").unwrap();
/// let user = Gazetteer::parse("id\ttype\tname\taliases\nQ1\tPERSON\tAnn Lee\tA. Lee\nQ2\tPERSON\tBo\t\n", "mine.tsv").unwrap();
/// let (o, notes) = kutip::check::against(&base, &user);
/// assert_eq!((o.added, o.changed), (1, 1));
/// assert_eq!(notes[0].to_string(), "mine.tsv:2: note: Q1 replaces the embedded row (base.tsv:2): name \"Ann\" -> \"Ann Lee\"");
/// ```
pub fn against(base: &Gazetteer, user: &Gazetteer) -> (Overlay, Vec<Finding>) {
    let mut overlay = Overlay::default();
    let mut out = Vec::new();
    let mut note = |e: &Entity, severity, message: String| {
        let (file, line) = split_origin(&e.origin);
        out.push(Finding {
            file,
            line,
            severity,
            message,
        });
    };
    let place: BTreeMap<&str, usize> = base
        .entities()
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.as_str(), i))
        .rev()
        .collect();
    // The user's entities in effect (the first row of an id) and their
    // place in list order after the overlay.
    let mut firsts: BTreeMap<&str, (usize, &Entity)> = BTreeMap::new();
    for (i, u) in user.entities().iter().enumerate() {
        if firsts.contains_key(u.id.as_str()) {
            continue;
        }
        let pos = match place.get(u.id.as_str()) {
            Some(&b) => {
                let old = &base.entities()[b];
                let changes = changes(old, u);
                if changes.is_empty() {
                    overlay.identical += 1;
                    note(
                        u,
                        Severity::Note,
                        format!(
                            "{} is the same as the embedded row ({}); the row changes nothing",
                            u.id, old.origin
                        ),
                    );
                } else {
                    overlay.changed += 1;
                    note(
                        u,
                        Severity::Note,
                        format!(
                            "{} replaces the embedded row ({}): {}",
                            u.id,
                            old.origin,
                            changes.join("; ")
                        ),
                    );
                }
                b
            }
            None => {
                overlay.added += 1;
                base.entities().len() + i
            }
        };
        firsts.insert(&u.id, (pos, u));
    }
    let mut base_names: BTreeMap<&str, Vec<(usize, &Entity)>> = BTreeMap::new();
    for (i, b) in base.entities().iter().enumerate() {
        if firsts.contains_key(b.id.as_str()) {
            continue;
        }
        for name in b.names() {
            base_names
                .entry(name.trim_start_matches('=').trim())
                .or_default()
                .push((i, b));
        }
    }
    let mut users: Vec<&(usize, &Entity)> = firsts.values().collect();
    users.sort_by_key(|(_, u)| split_origin(&u.origin));
    for &&(pos, u) in &users {
        let mut seen = HashSet::new();
        for name in u.names() {
            let bare = name.trim_start_matches('=').trim();
            if !seen.insert(bare) {
                continue;
            }
            for &(bpos, b) in base_names.get(bare).into_iter().flatten() {
                let wins = u.priority > b.priority || (u.priority == b.priority && pos < bpos);
                if wins {
                    overlay.takes += 1;
                    note(u, Severity::Note, format!("{}: {bare:?} now names this entity, not the embedded {} {:?} ({}, priority {})", u.id, b.id, b.name, b.origin, b.priority));
                } else {
                    overlay.loses += 1;
                    note(u, Severity::Warning, format!("{}: {bare:?} stays with the embedded {} {:?} ({}, priority {}); set a priority above {} to take it", u.id, b.id, b.name, b.origin, b.priority, b.priority));
                }
            }
        }
    }
    out.sort_by(|a, b| (&a.file, a.line, &a.message).cmp(&(&b.file, b.line, &b.message)));
    (overlay, out)
}

/// What a row changes in the row it replaces, in words.
fn changes(old: &Entity, new: &Entity) -> Vec<String> {
    let mut out = Vec::new();
    if old.kind != new.kind {
        out.push(format!("type {} -> {}", old.kind, new.kind));
    }
    if old.name != new.name {
        out.push(format!("name {:?} -> {:?}", old.name, new.name));
    }
    let added: Vec<&str> = new
        .aliases
        .iter()
        .filter(|a| !old.aliases.contains(a))
        .map(String::as_str)
        .collect();
    let removed: Vec<&str> = old
        .aliases
        .iter()
        .filter(|a| !new.aliases.contains(a))
        .map(String::as_str)
        .collect();
    if !added.is_empty() {
        out.push(format!("aliases added: {}", few(&added)));
    }
    if !removed.is_empty() {
        out.push(format!("embedded aliases dropped: {}", few(&removed)));
    }
    if old.country != new.country {
        out.push(format!("country {:?} -> {:?}", old.country, new.country));
    }
    if old.priority != new.priority {
        out.push(format!("priority {} -> {}", old.priority, new.priority));
    }
    if old.offices != new.offices {
        let codes = |e: &Entity| {
            e.offices
                .iter()
                .map(|o| o.as_str())
                .collect::<Vec<_>>()
                .join("|")
        };
        out.push(format!("offices {:?} -> {:?}", codes(old), codes(new)));
    }
    out
}

/// The first names of a list, then how many more.
fn few(names: &[&str]) -> String {
    const SHOWN: usize = 6;
    let mut s = names
        .iter()
        .take(SHOWN)
        .map(|n| format!("{n:?}"))
        .collect::<Vec<_>>()
        .join(", ");
    if names.len() > SHOWN {
        s.push_str(&format!(" and {} more", names.len() - SHOWN));
    }
    s
}

/// A name as the matcher sees it: its words and what lies between them
/// (lowercase), and which spellings of each word it accepts.
struct Spelling {
    key: String,
    words: Vec<Vec<String>>,
}

fn spelling(name: &str) -> Option<Spelling> {
    let exact = name.starts_with('=');
    let text = name.trim_start_matches('=').trim();
    let toks = tokenize(text);
    let last = toks.last()?;
    let capitalizable = !exact && has_lowercase(text);
    let mut key = String::new();
    let mut words = Vec::new();
    let mut prev_end = None;
    for t in &toks {
        if let Some(p) = prev_end {
            let sep = text[p..t.start].trim();
            key.push_str(if sep.is_empty() || sep == "-" {
                " "
            } else {
                sep
            });
        }
        let w = &text[t.start..t.end];
        key.push_str(&w.to_lowercase());
        let mut forms = vec![w.to_string()];
        if capitalizable {
            forms.push(w.to_uppercase());
            let mut cs = w.chars();
            if let Some(f) = cs.next() {
                forms.push(f.to_uppercase().chain(cs).collect());
            }
        }
        words.push(forms);
        prev_end = Some(t.end);
    }
    key.push_str(text[last.end..].trim());
    Some(Spelling { key, words })
}

/// Does `a` match every text that `b` matches?
fn covers(a: &Spelling, b: &Spelling) -> bool {
    a.key == b.key
        && a.words
            .iter()
            .zip(&b.words)
            .all(|(aw, bw)| bw.iter().all(|f| aw.contains(f)))
}

/// Names that a differently spelled name of another entity always beats
/// (`GEORGIA` under an entity whose rival has `Georgia`, which also matches
/// in capitals): that entity has a higher priority, or the same priority and
/// comes first. The same spelling under two priorities is not reported: a
/// different priority is how a list marks a shared name as intentional (and
/// the same spelling with equal priority is an error of its own).
fn shadowed(g: &Gazetteer, push: &mut impl FnMut(&str, Severity, String)) {
    let mut groups: BTreeMap<String, Vec<(usize, &str, Spelling)>> = BTreeMap::new();
    for (i, e) in g.entities().iter().enumerate() {
        for name in e.names() {
            if let Some(s) = spelling(name) {
                groups.entry(s.key.clone()).or_default().push((i, name, s));
            }
        }
    }
    let entities = g.entities();
    for list in groups.values() {
        for (bi, bname, bs) in list {
            let b = &entities[*bi];
            let beaten = list.iter().find(|(ai, aname, as_)| {
                let a = &entities[*ai];
                // The same spelling under two priorities is the intentional mark.
                ai != bi
                    && aname.trim_start_matches('=').trim() != bname.trim_start_matches('=').trim()
                    && (a.priority > b.priority || (a.priority == b.priority && ai < bi))
                    && covers(as_, bs)
            });
            if let Some((ai, aname, _)) = beaten {
                let a = &entities[*ai];
                push(&b.origin, Severity::Warning, format!(
                    "{}: alias {:?} can never match: {:?} of {} ({}, priority {}) matches the same text and wins",
                    b.id, bname, aname, a.id, a.origin, a.priority
                ));
            }
        }
    }
}

/// The type a list's file name promises: `people.tsv`, `my-people.tsv`,
/// `countries_extra.tsv`...
pub fn type_of_file(file: &str) -> Option<EntityType> {
    let name = file.rsplit(['/', '\\']).next()?.to_ascii_lowercase();
    let stem = name.strip_suffix(".tsv")?;
    stem.split(['-', '_', '.', ' ']).find_map(|part| {
        Some(match part {
            "countries" | "country" | "negara" => EntityType::Country,
            "locations" | "location" | "places" | "lokasi" | "tempat" => EntityType::Location,
            "organizations" | "organisations" | "organization" | "orgs" | "organisasi" => {
                EntityType::Organization
            }
            "people" | "persons" | "person" | "tokoh" | "orang" => EntityType::Person,
            _ => return None,
        })
    })
}

/// Parses a list row by row: every malformed row is a finding (an error at
/// its line), the good rows are kept. A bad header is one finding and no
/// entities.
///
/// ```
/// let (g, bad) = kutip::check::parse_lenient("id\ttype\tname\nQ1\tPLANET\tMars\nQ2\tPERSON\tAnn\nQ3\tPERSON\t\n", "p.tsv");
/// assert_eq!(g.entities().len(), 1);
/// assert_eq!(bad[0].to_string(), "p.tsv:2: error: unknown type \"PLANET\" (PERSON, ORGANIZATION, COUNTRY or LOCATION)");
/// assert_eq!(bad[1].line, 4);
/// ```
pub fn parse_lenient(text: &str, file: &str) -> (Gazetteer, Vec<Finding>) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut g = Gazetteer::new();
    let mut findings = Vec::new();
    let mut header: Option<&str> = None;
    for (i, raw) in text.split('\n').enumerate() {
        let line_no = i + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let Some(h) = header else {
            header = Some(line);
            if let Err(e) = Gazetteer::parse(line, file) {
                findings.push(finding_of(e, file, line_no));
                return (g, findings);
            }
            continue;
        };
        match Gazetteer::parse(&format!("{h}\n{line}"), file) {
            Ok(one) => {
                for mut e in one.entities().iter().cloned() {
                    e.origin = format!("{file}:{line_no}");
                    g.push(e);
                }
            }
            Err(e) => findings.push(finding_of(e, file, line_no)),
        }
    }
    (g, findings)
}

fn finding_of(e: Error, file: &str, line: usize) -> Finding {
    let message = match e {
        Error::Gazetteer { message, .. } => message,
        other => other.to_string(),
    };
    Finding {
        file: file.to_string(),
        line,
        severity: Severity::Error,
        message,
    }
}

/// Reads list files (a folder: its `.tsv` files, sorted) leniently, as
/// [`parse_lenient`]; bytes that are not UTF-8 are a finding at their line.
/// Only a file that cannot be read is an error.
///
/// ```
/// let (g, bad) = kutip::check::load(&[std::path::PathBuf::from("gazetteers")]).unwrap();
/// assert!(g.entities().len() > 1000 && bad.is_empty());
/// ```
pub fn load(paths: &[PathBuf]) -> Result<(Gazetteer, Vec<Finding>)> {
    let mut files = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut list: Vec<PathBuf> = std::fs::read_dir(p)
                .map_err(|e| Error::io(p, e))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| f.extension().is_some_and(|x| x == "tsv"))
                .collect();
            list.sort();
            files.extend(list);
        } else {
            files.push(p.clone());
        }
    }
    let mut g = Gazetteer::new();
    let mut findings = Vec::new();
    for f in files {
        let (one, bad) = load_file(&f)?;
        g.extend(one);
        findings.extend(bad);
    }
    Ok((g, findings))
}

fn load_file(path: &Path) -> Result<(Gazetteer, Vec<Finding>)> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let name = path.display().to_string();
    let mut extra = Vec::new();
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            extra.push(Finding {
                file: name.clone(),
                line: valid.iter().filter(|&&b| b == b'\n').count() + 1,
                severity: Severity::Error,
                message: "not valid UTF-8 (save the list as UTF-8)".into(),
            });
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    };
    let (g, mut findings) = parse_lenient(&text, &name);
    findings.extend(extra);
    Ok((g, findings))
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
    fn new_findings_each_have_a_case() {
        let h = "id\ttype\tname\taliases\tcountry\tpriority\n";
        let cases: &[(&str, &str, &str)] = &[
            // (file, rows, expected finding)
            (
                "people.tsv",
                "A\tCOUNTRY\tX\t\t\t\n",
                "people.tsv:2: error: A is COUNTRY in a list of PERSON",
            ),
            (
                "my-countries.tsv",
                "A\tPERSON\tX\t\t\t\n",
                "my-countries.tsv:2: error: A is PERSON in a list of COUNTRY",
            ),
            (
                "t.tsv",
                "A\tPERSON\tX\t\tIndonesia\t\n",
                "t.tsv:2: error: A: country \"Indonesia\" is not an ISO alpha-2 code",
            ),
            (
                "t.tsv",
                "A B\tPERSON\tX\t\t\t\n",
                "t.tsv:2: error: id \"A B\" contains a space",
            ),
            (
                "t.tsv",
                "A\tCOUNTRY\tGeorgia\t\t\t\nB\tLOCATION\tTbilisi\tGeorgia Country\t\t\nC\tLOCATION\tX\tGeorgia-Country\t\t\n",
                "t.tsv:4: warning: C: alias \"Georgia-Country\" can never match: \"Georgia Country\" of B",
            ),
            (
                "t.tsv",
                "A\tCOUNTRY\tGeorgia\t\t\t1\nB\tLOCATION\tX\tGEORGIA\t\t\n",
                "t.tsv:3: warning: B: alias \"GEORGIA\" can never match",
            ),
        ];
        for (file, rows, want) in cases {
            let g = Gazetteer::parse(&format!("{h}{rows}"), file).unwrap();
            let got: Vec<String> = check(&g).iter().map(|f| f.to_string()).collect();
            assert!(
                got.iter().any(|f| f.starts_with(want)),
                "{want:?} not in {got:?}"
            );
        }
    }

    #[test]
    fn exact_or_lower_priority_spellings_are_not_shadowed() {
        // `=Georgia` matches only `Georgia`: `GEORGIA` still finds B.
        let list = "id\ttype\tname\taliases\tpriority\nA\tCOUNTRY\tX\t=Georgia\t1\nB\tLOCATION\tY\tGeorgia\t\n";
        assert_eq!(findings(list), Vec::<String>::new());
    }

    #[test]
    fn malformed_rows_are_all_reported() {
        let text = "# c\nid\ttype\tname\taliases\nQ1\tPLANET\tMars\t\nQ2\tPERSON\t\t\n\tPERSON\tX\t\nQ4\tPERSON\tX\ta|=\nQ5\tPERSON\tOk\t\nQ6\tPERSON\tX\ta\tb\n";
        let (g, bad) = parse_lenient(text, "t.tsv");
        let got: Vec<String> = bad.iter().map(|f| f.to_string()).collect();
        let want = [
            "t.tsv:3: error: unknown type",
            "t.tsv:4: error: entity Q2 has an empty name",
            "t.tsv:5: error: empty id",
            "t.tsv:6: error: entity Q4 has an empty alias",
            "t.tsv:8: error: 5 fields, the header has 4",
        ];
        assert_eq!(got.len(), want.len(), "{got:?}");
        for (g, w) in got.iter().zip(want) {
            assert!(g.starts_with(w), "{g:?} vs {w:?}");
        }
        assert_eq!(g.entities().len(), 1);
        assert_eq!(g.entities()[0].origin, "t.tsv:7");
        let (_, bad) = parse_lenient("id\tname\n", "t.tsv");
        assert!(bad[0]
            .to_string()
            .starts_with("t.tsv:1: error: header has no `type` column"));
    }

    fn against_base(user: &str) -> (Overlay, Vec<String>) {
        let base = "id\ttype\tname\taliases\tpriority\toffices\n\
                    Q1\tCOUNTRY\tGeorgia\tSakartvelo\t1\t\n\
                    Q2\tPERSON\tBo Lee\tBo|B. Lee\t\t\n\
                    Q3\tORGANIZATION\tKomisi Pemilihan Umum\tKPU\t\t\n";
        let base = Gazetteer::parse(base, "base.tsv").unwrap();
        let user = Gazetteer::parse(user, "mine.tsv").unwrap();
        let (o, f) = against(&base, &user);
        (o, f.iter().map(|f| f.to_string()).collect())
    }

    #[test]
    fn user_list_against_embedded_says_what_it_adds_changes_and_shadows() {
        let user = "id\ttype\tname\taliases\tpriority\toffices\n\
                    Q2\tPERSON\tBo Lee\tB. Lee|Bobo\t\tminister\n\
                    Q3\tORGANIZATION\tKomisi Pemilihan Umum\tKPU\t\t\n\
                    X1\tLOCATION\tGeorgia State\tGeorgia\t\t\n\
                    X3\tLOCATION\tTbilisi\tSakartvelo\t5\t\n";
        let (o, got) = against_base(user);
        assert_eq!(
            o,
            Overlay {
                added: 2,
                changed: 1,
                identical: 1,
                takes: 1,
                loses: 1
            }
        );
        let want = [
            "mine.tsv:2: note: Q2 replaces the embedded row (base.tsv:3): aliases added: \"Bobo\"; embedded aliases dropped: \"Bo\"; offices \"\" -> \"minister\"",
            "mine.tsv:3: note: Q3 is the same as the embedded row (base.tsv:4); the row changes nothing",
            "mine.tsv:4: warning: X1: \"Georgia\" stays with the embedded Q1 \"Georgia\" (base.tsv:2, priority 1); set a priority above 1 to take it",
            "mine.tsv:5: note: X3: \"Sakartvelo\" now names this entity, not the embedded Q1 \"Georgia\" (base.tsv:2, priority 1)",
        ];
        assert_eq!(got.len(), want.len(), "{got:#?}");
        for (g, w) in got.iter().zip(want) {
            assert!(g.starts_with(w), "{g:?} should start with {w:?}");
        }
    }

    #[test]
    fn replaced_row_keeps_its_place_so_it_wins_ties_with_later_rows() {
        // Q1 takes the embedded Q1's place, ahead of Q2: an equal-priority
        // name shared with Q2 goes to Q1; a new entity comes after Q2 and
        // does not get it.
        let user =
            "id\ttype\tname\taliases\nQ1\tCOUNTRY\tGeorgia\tB. Lee\nX1\tPERSON\tBob Lee\tB. Lee\n";
        let (o, got) = against_base(user);
        assert_eq!(
            (o.changed, o.added, o.takes, o.loses),
            (1, 1, 1, 1),
            "{got:?}"
        );
        assert!(got
            .iter()
            .any(|f| f.contains("Q1: \"B. Lee\" now names this entity, not the embedded Q2")));
        assert!(got
            .iter()
            .any(|f| f.contains("X1: \"B. Lee\" stays with the embedded Q2")));
    }

    #[test]
    fn shared_alias_with_priorities_and_acronyms_are_fine() {
        let list = "id\ttype\tname\taliases\tpriority\nA\tCOUNTRY\tGeorgia\t\t1\nB\tLOCATION\tGeorgia\t\t0\nC\tCOUNTRY\tUnited States\tAS|US\t\n";
        assert_eq!(findings(list), Vec::<String>::new());
    }
}
