//! Merging imported [`Record`]s into a list, by id.
//!
//! Records with the same id (several rows of one Wikidata item, one alias
//! per row) are grouped first. A group whose id is in the list updates that
//! entity: a new canonical name replaces the old one, which stays as an
//! alias so nothing that matched before stops matching; new aliases are
//! appended; country and priority are taken when given. A group whose id is
//! not in the list is a new entity, appended after the existing ones in a
//! deterministic order (type, then name, then id). Records without an id
//! join the entity that already has their name, or get a `kutip:` slug id.
//! A GeoNames country (`geonames:` id) joins the list's country with the
//! same ISO code.
//!
//! Conflicts are refused and reported, the rest goes on: a type that
//! differs from the entity's, a name or alias that another entity of the
//! same priority already has (the checker would reject it), an alias for an
//! id the list does not have.
//!
//! ```
//! use kutip::gazetteer::Gazetteer;
//! use kutip::refresh::{merge, Record};
//! let list = Gazetteer::parse("id\ttype\tname\nQ159\tCOUNTRY\tRussia\n", "c.tsv").unwrap();
//! let rec = Record { id: Some("Q159".into()), name: Some("Russia".into()), aliases: vec!["Rusia".into()], origin: "q.csv:2".into(), ..Default::default() };
//! let m = merge::merge(&list, &[rec], &merge::Options::default());
//! assert_eq!((m.report.updated, m.report.added), (1, 0));
//! assert_eq!(m.gazetteer.entities()[0].aliases, ["Rusia"]);
//! ```

use super::{slug, Record};
use crate::gazetteer::{Entity, EntityType, Gazetteer};
use crate::tokens::has_lowercase;
use std::collections::{BTreeMap, HashMap};

/// Merge options.
///
/// ```
/// let o = kutip::refresh::merge::Options { kind: Some(kutip::gazetteer::EntityType::Person) };
/// assert!(o.kind.is_some());
/// ```
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Type of new entities whose records have none.
    pub kind: Option<EntityType>,
}

/// A refused record: where it came from and why.
///
/// ```
/// let c = kutip::refresh::merge::Conflict { origin: "q.csv:3".into(), message: "x".into() };
/// assert_eq!(c.to_string(), "q.csv:3: x");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub origin: String,
    pub message: String,
}

impl std::fmt::Display for Conflict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.origin, self.message)
    }
}

/// What a merge did, entity by entity.
///
/// ```
/// let r = kutip::refresh::merge::Report::default();
/// assert_eq!(r.added + r.updated + r.unchanged, 0);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    pub added: usize,
    pub updated: usize,
    /// Entities the input named that needed no change.
    pub unchanged: usize,
    /// Alias-only records for ids the list does not have (GeoNames alternate names of other places).
    pub skipped: usize,
    pub conflicts: Vec<Conflict>,
}

/// The merged list and its report.
#[derive(Debug, Clone, Default)]
pub struct Merged {
    pub gazetteer: Gazetteer,
    pub report: Report,
}

/// One id's records, grouped.
struct Group<'a> {
    id: Option<String>,
    records: Vec<&'a Record>,
}

/// Merges `records` into `list`. The list's entities keep their order;
/// new ones follow.
pub fn merge(list: &Gazetteer, records: &[Record], options: &Options) -> Merged {
    let mut entities: Vec<Entity> = list.entities().to_vec();
    let existing = entities.len();
    let mut report = Report::default();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    for (i, e) in entities.iter().enumerate() {
        by_id.entry(e.id.clone()).or_insert(i);
    }
    // Exact name -> entities that have it.
    let mut owners: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, e) in entities.iter().enumerate() {
        for n in e.names() {
            owners.entry(bare(n).to_string()).or_default().push(i);
        }
    }

    // Group by id; id-less records by the entity that has their name, else by slug.
    let mut groups: Vec<Group> = Vec::new();
    let mut group_of: HashMap<String, usize> = HashMap::new();
    for r in records {
        let key = match &r.id {
            Some(id) => id.clone(),
            None => {
                let name = r.name.as_deref().unwrap_or("");
                let known = owners.get(name).and_then(|list| {
                    list.iter()
                        .find(|&&i| r.kind.is_none_or(|k| entities[i].kind == k))
                });
                match known {
                    Some(&i) => entities[i].id.clone(),
                    None => format!("kutip:{}", slug(name)),
                }
            }
        };
        let g = *group_of.entry(key.clone()).or_insert_with(|| {
            groups.push(Group {
                id: Some(key),
                records: Vec::new(),
            });
            groups.len() - 1
        });
        groups[g].records.push(r);
    }

    let mut touched: BTreeMap<usize, bool> = BTreeMap::new();
    for group in &groups {
        let id = group.id.clone().unwrap_or_default();
        let first = group.records[0];
        let kind = group.records.iter().find_map(|r| r.kind);
        let alias_only = group.records.iter().all(|r| r.alias_only);
        let mut target = by_id.get(&id).copied();
        if target.is_none() && id.starts_with("geonames:") && kind == Some(EntityType::Country) {
            let cc = group.records.iter().find_map(|r| r.country.clone());
            let same: Vec<usize> = (0..existing)
                .filter(|&i| {
                    entities[i].kind == EntityType::Country
                        && Some(&entities[i].country) == cc.as_ref()
                })
                .collect();
            if same.len() == 1 {
                target = Some(same[0]);
            }
        }
        // Names in input order: the first is the canonical name.
        let mut names: Vec<(String, &Record)> = Vec::new();
        for r in &group.records {
            for n in r.name.iter().chain(&r.aliases) {
                if !names.iter().any(|(m, _)| m == n) {
                    names.push((n.clone(), r));
                }
            }
        }
        let canonical = group.records.iter().find_map(|r| r.name.clone());
        let country = group.records.iter().rev().find_map(|r| r.country.clone());
        let priority = group.records.iter().rev().find_map(|r| r.priority);
        match target {
            Some(t) => {
                if let Some(k) = kind {
                    if k != entities[t].kind {
                        report.conflicts.push(Conflict {
                            origin: first.origin.clone(),
                            message: format!(
                                "{id} is {k} here but {} in the list ({}); not merged",
                                entities[t].kind, entities[t].origin
                            ),
                        });
                        continue;
                    }
                }
                let before = entities[t].clone();
                if let Some(p) = priority {
                    entities[t].priority = p;
                }
                if let Some(c) = country {
                    entities[t].country = c;
                }
                let taken = |n: &String| {
                    owners.get(n).is_some_and(|l| {
                        l.iter()
                            .any(|&o| o != t && entities[o].priority == entities[t].priority)
                    })
                };
                // A new name that another entity has is refused below, as an alias.
                if let Some(new_name) =
                    canonical.filter(|n| !alias_only && *n != entities[t].name && !taken(n))
                {
                    let e = &mut entities[t];
                    let old = std::mem::replace(&mut e.name, new_name.clone());
                    e.aliases.retain(|a| bare(a) != new_name);
                    if !covers(&e.aliases, &old) && !covers(std::slice::from_ref(&e.name), &old) {
                        e.aliases.push(old);
                    }
                    owners.entry(new_name).or_default().push(t);
                }
                for (n, r) in &names {
                    add_alias(&mut entities, t, n, r, &mut owners, &mut report);
                }
                let changed = !super::write::same_entity(&before, &entities[t]);
                let was = touched.entry(t).or_insert(false);
                *was |= changed;
            }
            None if alias_only => {
                if id.starts_with("geonames:") {
                    report.skipped += 1;
                } else {
                    report.conflicts.push(Conflict {
                        origin: first.origin.clone(),
                        message: format!("{id} is not in the list; aliases not added"),
                    });
                }
            }
            None => {
                let Some(name) = canonical else {
                    report.conflicts.push(Conflict {
                        origin: first.origin.clone(),
                        message: format!("{id} has no name; not added"),
                    });
                    continue;
                };
                let Some(kind) = kind.or(options.kind) else {
                    report.conflicts.push(Conflict {
                        origin: first.origin.clone(),
                        message: format!("{id} ({name}) has no type; pass --type"),
                    });
                    continue;
                };
                let priority = priority.unwrap_or(0);
                if let Some(&other) = owners
                    .get(&name)
                    .and_then(|l| l.iter().find(|&&o| entities[o].priority == priority))
                {
                    report.conflicts.push(Conflict {
                        origin: first.origin.clone(),
                        message: format!(
                            "{id}: {name:?} is already a name of {} ({}) with the same priority; not added (give it the id {} to merge, or set a priority)",
                            entities[other].id, entities[other].origin, entities[other].id
                        ),
                    });
                    continue;
                }
                let index = entities.len();
                entities.push(Entity {
                    id: id.clone(),
                    kind,
                    name: name.clone(),
                    aliases: Vec::new(),
                    country: country.unwrap_or_default(),
                    priority,
                    origin: first.origin.clone(),
                    offices: Vec::new(),
                });
                owners.entry(name).or_default().push(index);
                by_id.insert(id.clone(), index);
                for (n, r) in &names {
                    add_alias(&mut entities, index, n, r, &mut owners, &mut report);
                }
                report.added += 1;
            }
        }
    }
    for changed in touched.values() {
        if *changed {
            report.updated += 1;
        } else {
            report.unchanged += 1;
        }
    }
    let mut new: Vec<Entity> = entities.split_off(existing);
    new.sort_by(|a, b| {
        (a.kind, a.name.to_lowercase(), &a.name, &a.id).cmp(&(
            b.kind,
            b.name.to_lowercase(),
            &b.name,
            &b.id,
        ))
    });
    let mut gazetteer = Gazetteer::new();
    for e in entities.into_iter().chain(new) {
        gazetteer.push(e);
    }
    report.conflicts.sort_by(|a, b| {
        natural(&a.origin)
            .cmp(&natural(&b.origin))
            .then(a.message.cmp(&b.message))
    });
    Merged { gazetteer, report }
}

/// `file:line` sorted by file, then line as a number.
fn natural(origin: &str) -> (String, usize) {
    crate::gazetteer::split_origin(origin)
}

fn bare(name: &str) -> &str {
    name.trim_start_matches('=').trim()
}

/// Does one of `names` already match `alias` (the same, or a case variant
/// the matcher generates: ALL CAPS, first letter capitalised)?
fn covers(names: &[String], alias: &str) -> bool {
    let alias = bare(alias);
    names.iter().any(|n| {
        let exact = n.starts_with('=');
        let n = bare(n);
        n == alias
            || (!exact
                && has_lowercase(n)
                && (alias == n.to_uppercase() || alias == capitalize_first(n)))
    })
}

fn capitalize_first(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn add_alias(
    entities: &mut [Entity],
    t: usize,
    alias: &str,
    from: &Record,
    owners: &mut HashMap<String, Vec<usize>>,
    report: &mut Report,
) {
    let e = &entities[t];
    if alias.contains('|') {
        report.conflicts.push(Conflict {
            origin: from.origin.clone(),
            message: format!("{}: alias {alias:?} contains `|`; not added", e.id),
        });
        return;
    }
    let names: Vec<String> = e.names().map(str::to_string).collect();
    if covers(&names, alias) {
        return;
    }
    if let Some(&other) = owners.get(bare(alias)).and_then(|l| {
        l.iter()
            .find(|&&o| o != t && entities[o].priority == e.priority)
    }) {
        report.conflicts.push(Conflict {
            origin: from.origin.clone(),
            message: format!(
                "{}: alias {alias:?} already belongs to {} ({}) with the same priority; not added",
                e.id, entities[other].id, entities[other].origin
            ),
        });
        return;
    }
    owners.entry(bare(alias).to_string()).or_default().push(t);
    entities[t].aliases.push(alias.to_string());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(
        id: Option<&str>,
        kind: Option<EntityType>,
        name: Option<&str>,
        aliases: &[&str],
    ) -> Record {
        Record {
            id: id.map(str::to_string),
            kind,
            name: name.map(str::to_string),
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            origin: "in:1".into(),
            ..Record::default()
        }
    }

    const LIST: &str = "id\ttype\tname\taliases\tcountry\tpriority\n\
        Q159\tCOUNTRY\tRussia\tRusia\tRU\t\n\
        Q30\tCOUNTRY\tUnited States\tAS|US\tUS\t1\n\
        kutip:marco-rubio\tPERSON\tMarco Rubio\t\tUS\t\n";

    fn run(records: &[Record]) -> Merged {
        let g = Gazetteer::parse(LIST, "l.tsv").unwrap();
        merge(
            &g,
            records,
            &Options {
                kind: Some(EntityType::Person),
            },
        )
    }

    fn summary(m: &Merged) -> (usize, usize, usize, usize) {
        (
            m.report.added,
            m.report.updated,
            m.report.unchanged,
            m.report.conflicts.len(),
        )
    }

    #[test]
    fn counts_by_behaviour() {
        use EntityType::*;
        type Case = (&'static str, Vec<Record>, (usize, usize, usize, usize));
        let cases: Vec<Case> = vec![
            (
                "same data is unchanged",
                vec![rec(Some("Q159"), Some(Country), Some("Russia"), &["Rusia"])],
                (0, 0, 1, 0),
            ),
            (
                "a generated case variant is not an alias",
                vec![rec(Some("Q159"), None, Some("Russia"), &["RUSSIA"])],
                (0, 0, 1, 0),
            ),
            (
                "new alias updates",
                vec![rec(Some("Q159"), None, Some("Russia"), &["Rusland"])],
                (0, 1, 0, 0),
            ),
            (
                "one alias per row groups",
                vec![
                    rec(Some("Q159"), None, Some("Russia"), &["A1"]),
                    rec(Some("Q159"), None, Some("Russia"), &["A2"]),
                ],
                (0, 1, 0, 0),
            ),
            (
                "new id adds",
                vec![rec(Some("Q7"), None, Some("Sugiono"), &[])],
                (1, 0, 0, 0),
            ),
            (
                "type mismatch conflicts",
                vec![rec(Some("Q159"), Some(Person), Some("Russia"), &[])],
                (0, 0, 0, 1),
            ),
            (
                "alias of another entity conflicts",
                vec![rec(Some("Q159"), None, Some("Russia"), &["Marco Rubio"])],
                (0, 0, 1, 1),
            ),
            (
                "same name, new id conflicts",
                vec![rec(Some("Q324546"), None, Some("Marco Rubio"), &[])],
                (0, 0, 0, 1),
            ),
            (
                "id-less record joins the entity with its name",
                vec![rec(None, Some(Person), Some("Marco Rubio"), &["Rubio"])],
                (0, 1, 0, 0),
            ),
            (
                "alias for a missing id conflicts",
                vec![Record {
                    alias_only: true,
                    ..rec(Some("kutip:x"), None, None, &["X"])
                }],
                (0, 0, 0, 1),
            ),
            (
                "the default type applies",
                vec![rec(Some("Q8"), None, Some("Somewhere"), &[])],
                (1, 0, 0, 0),
            ),
        ];
        for (what, records, want) in cases {
            assert_eq!(summary(&run(&records)), want, "{what}");
        }
    }

    #[test]
    fn renamed_entities_keep_their_old_name_as_alias() {
        let m = run(&[rec(Some("Q159"), None, Some("Russian Federation"), &[])]);
        let e = &m.gazetteer.entities()[0];
        assert_eq!(
            (e.name.as_str(), e.aliases.clone()),
            (
                "Russian Federation",
                vec!["Rusia".to_string(), "Russia".to_string()]
            )
        );
    }

    #[test]
    fn new_entities_are_sorted_after_existing_ones() {
        let m = run(&[
            rec(Some("Q2"), Some(EntityType::Person), Some("Zed"), &[]),
            rec(Some("Q1"), Some(EntityType::Person), Some("Abe"), &[]),
            rec(Some("Q3"), Some(EntityType::Country), Some("Mid"), &[]),
        ]);
        let ids: Vec<&str> = m
            .gazetteer
            .entities()
            .iter()
            .map(|e| e.id.as_str())
            .collect();
        assert_eq!(ids, ["Q159", "Q30", "kutip:marco-rubio", "Q1", "Q2", "Q3"]);
    }

    #[test]
    fn geonames_countries_join_by_iso_code() {
        let mut r = rec(
            Some("geonames:2017370"),
            Some(EntityType::Country),
            Some("Russia"),
            &["Rossiya"],
        );
        r.country = Some("RU".into());
        let m = run(&[r]);
        assert_eq!(summary(&m), (0, 1, 0, 0));
        assert_eq!(m.gazetteer.entities()[0].aliases, ["Rusia", "Rossiya"]);
    }
}
