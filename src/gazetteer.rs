//! Gazetteers: the editable name lists that decide what kutip can find.
//!
//! A list is a UTF-8, tab-separated file. Lines starting with `#` are
//! comments; the first other line is the header. Columns are found by name,
//! so their order is free and extra columns (notes) are ignored:
//!
//! | column     | required | meaning |
//! |------------|----------|---------|
//! | `id`       | yes | stable id, unique across all lists (`Q148`, `kutip:kemlu-ri`) |
//! | `type`     | yes | `PERSON`, `ORGANIZATION`, `COUNTRY` or `LOCATION` |
//! | `name`     | yes | canonical name; also matched |
//! | `aliases`  | no  | other names, separated by `\|` |
//! | `country`  | no  | ISO 3166-1 alpha-2 code of the related country |
//! | `priority` | no  | integer, default 0: wins when an alias is shared |
//! | `offices`  | no  | offices a person holds or held, separated by `\|` ([`Office`]) |
//!
//! An alias prefixed with `=` matches only exactly as written (no ALL CAPS,
//! no capitalised first letter).
//!
//! A user's list laid over the embedded ones ([`Gazetteer::overlay`]) replaces
//! the embedded row of each id it shares with them.
//!
//! ```
//! use kutip::gazetteer::Gazetteer;
//! let tsv = "id\ttype\tname\taliases\nQ148\tCOUNTRY\tChina\tTiongkok|RRT\n";
//! let g = Gazetteer::parse(tsv, "countries.tsv").unwrap();
//! assert_eq!(g.entities()[0].aliases, ["Tiongkok", "RRT"]);
//! ```

use crate::error::{Error, Result};
use std::fmt;
use std::path::Path;

/// What kind of thing an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityType {
    Person,
    Organization,
    Country,
    Location,
}

impl EntityType {
    /// The name used in files and tables (`PERSON`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::Organization => "ORGANIZATION",
            EntityType::Country => "COUNTRY",
            EntityType::Location => "LOCATION",
        }
    }

    /// Parses `PERSON`, `ORGANIZATION`, `COUNTRY` or `LOCATION` (also `ORG`, `LOC`).
    pub fn parse(s: &str) -> Option<EntityType> {
        // Compared in place (no uppercase copy): a list of 200,000 rows
        // parses one type per row.
        let s = s.trim();
        let is = |names: &[&str]| names.iter().any(|n| s.eq_ignore_ascii_case(n));
        Some(if is(&["PERSON", "PER"]) {
            EntityType::Person
        } else if is(&["ORGANIZATION", "ORGANISATION", "ORG"]) {
            EntityType::Organization
        } else if is(&["COUNTRY", "GPE"]) {
            EntityType::Country
        } else if is(&["LOCATION", "LOC"]) {
            EntityType::Location
        } else {
            return None;
        })
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An office a person holds or held: the codes of the `offices` column. A
/// title in the text ("Presiden", "Menlu", "PM") names an office; a listed
/// holder of it is who a title with a short name means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Office {
    HeadOfState,
    HeadOfGovernment,
    VicePresident,
    ForeignMinister,
    Minister,
    Governor,
    PartyChair,
    OrgHead,
    LegislatureHead,
}

impl Office {
    /// Every office, in the order of the codes' documentation.
    pub const ALL: [Office; 9] = [
        Office::HeadOfState,
        Office::HeadOfGovernment,
        Office::VicePresident,
        Office::ForeignMinister,
        Office::Minister,
        Office::Governor,
        Office::PartyChair,
        Office::OrgHead,
        Office::LegislatureHead,
    ];

    /// The code used in lists (`head-of-state`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Office::HeadOfState => "head-of-state",
            Office::HeadOfGovernment => "head-of-government",
            Office::VicePresident => "vice-president",
            Office::ForeignMinister => "foreign-minister",
            Office::Minister => "minister",
            Office::Governor => "governor",
            Office::PartyChair => "party-chair",
            Office::OrgHead => "org-head",
            Office::LegislatureHead => "legislature-head",
        }
    }

    /// Parses a code exactly as [`Office::as_str`] writes it.
    pub fn parse(s: &str) -> Option<Office> {
        Office::ALL.into_iter().find(|o| o.as_str() == s)
    }

    /// Parses `|`-separated codes (`head-of-state|foreign-minister`),
    /// without repeats; the error names the unknown code.
    pub fn parse_list(text: &str) -> std::result::Result<Vec<Office>, String> {
        let mut out = Vec::new();
        for code in text.split('|').map(str::trim).filter(|c| !c.is_empty()) {
            let office = Office::parse(code).ok_or_else(|| {
                let known: Vec<&str> = Office::ALL.iter().map(|o| o.as_str()).collect();
                format!("unknown office {code:?} ({})", known.join(", "))
            })?;
            if !out.contains(&office) {
                out.push(office);
            }
        }
        Ok(out)
    }
}

impl fmt::Display for Office {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One entity of a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// Stable id (`Q148`).
    pub id: String,
    pub kind: EntityType,
    /// Canonical name (`China`).
    pub name: String,
    /// Other names, as written in the list (`=` prefixes kept).
    pub aliases: Vec<String>,
    /// ISO alpha-2 of the related country, or empty.
    pub country: String,
    /// Higher wins when an alias is shared.
    pub priority: i32,
    /// Offices held (current or past), in list order without repeats.
    pub offices: Vec<Office>,
    /// Where the entity was defined: `file:line`.
    pub origin: String,
}

impl Entity {
    /// The canonical name followed by the aliases: every name that is matched.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// A set of entities, from one or more lists.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    entities: Vec<Entity>,
}

/// The lists shipped with kutip, embedded in the binary.
pub const DEFAULT_LISTS: &[(&str, &str)] = &[
    (
        "gazetteers/countries.tsv",
        include_str!("../gazetteers/countries.tsv"),
    ),
    (
        "gazetteers/locations.tsv",
        include_str!("../gazetteers/locations.tsv"),
    ),
    (
        "gazetteers/organizations.tsv",
        include_str!("../gazetteers/organizations.tsv"),
    ),
    (
        "gazetteers/people.tsv",
        include_str!("../gazetteers/people.tsv"),
    ),
];

impl Gazetteer {
    /// An empty gazetteer.
    pub fn new() -> Gazetteer {
        Gazetteer::default()
    }

    /// The default lists embedded in the binary.
    pub fn defaults() -> Result<Gazetteer> {
        let mut g = Gazetteer::new();
        for (name, text) in DEFAULT_LISTS {
            g.extend(Gazetteer::parse(text, name)?);
        }
        Ok(g)
    }

    /// Parses one list; `file` names it in errors.
    pub fn parse(text: &str, file: &str) -> Result<Gazetteer> {
        let err = |line: usize, message: String| Error::Gazetteer {
            file: file.to_string(),
            line,
            message,
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut columns: Option<Columns> = None;
        // One entity per line at most: sized once, not grown by doubling
        // (a 200,000-name list would hold up to twice the room it needs).
        let mut entities = Vec::with_capacity(text.bytes().filter(|&b| b == b'\n').count() + 1);
        // One vector of fields for every line (not one allocation a line).
        let mut fields: Vec<&str> = Vec::new();
        for (i, raw) in split_on(text, b'\n').enumerate() {
            let line_no = i + 1;
            let line = raw.strip_suffix('\r').unwrap_or(raw);
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            fields.clear();
            fields.extend(split_on(line, b'\t'));
            let Some(cols) = &columns else {
                columns = Some(Columns::from_header(&fields).map_err(|m| err(line_no, m))?);
                continue;
            };
            if fields.len() > cols.width {
                return Err(err(
                    line_no,
                    format!(
                        "{} fields, the header has {} (a tab inside a name?)",
                        fields.len(),
                        cols.width
                    ),
                ));
            }
            let get = |c: Option<usize>| c.and_then(|c| fields.get(c)).map_or("", |s| s.trim());
            let id = get(Some(cols.id));
            if id.is_empty() {
                return Err(err(line_no, "empty id".into()));
            }
            let kind_text = get(Some(cols.kind));
            let kind = EntityType::parse(kind_text).ok_or_else(|| {
                err(
                    line_no,
                    format!(
                        "unknown type {kind_text:?} (PERSON, ORGANIZATION, COUNTRY or LOCATION)"
                    ),
                )
            })?;
            let name = get(Some(cols.name));
            if name.is_empty() {
                return Err(err(line_no, format!("entity {id} has an empty name")));
            }
            let mut aliases = Vec::new();
            for alias in split_on(get(cols.aliases), b'|') {
                let alias = alias.trim();
                if alias.is_empty() {
                    continue;
                }
                if alias.trim_start_matches('=').trim().is_empty() {
                    return Err(err(line_no, format!("entity {id} has an empty alias")));
                }
                aliases.push(alias.to_string());
            }
            let priority_text = get(cols.priority);
            let priority = if priority_text.is_empty() {
                0
            } else {
                priority_text.parse().map_err(|_| {
                    err(
                        line_no,
                        format!("priority {priority_text:?} is not an integer"),
                    )
                })?
            };
            let mut offices = Vec::new();
            for code in get(cols.offices).split('|').map(str::trim) {
                if code.is_empty() {
                    continue;
                }
                let office = Office::parse(code).ok_or_else(|| {
                    let known: Vec<&str> = Office::ALL.iter().map(|o| o.as_str()).collect();
                    err(
                        line_no,
                        format!(
                            "entity {id}: unknown office {code:?} (known: {})",
                            known.join(", ")
                        ),
                    )
                })?;
                if !offices.contains(&office) {
                    offices.push(office);
                }
            }
            entities.push(Entity {
                id: id.to_string(),
                kind,
                name: name.to_string(),
                aliases,
                country: get(cols.country).to_string(),
                priority,
                offices,
                origin: origin(file, line_no),
            });
        }
        entities.shrink_to_fit();
        Ok(Gazetteer { entities })
    }

    /// Reads and parses a list file.
    pub fn load(path: &Path) -> Result<Gazetteer> {
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        let name = path.display().to_string();
        let text = String::from_utf8(bytes).map_err(|e| {
            let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            Error::Gazetteer {
                file: name.clone(),
                line: valid.iter().filter(|&&b| b == b'\n').count() + 1,
                message: "not valid UTF-8 (save the list as UTF-8)".into(),
            }
        })?;
        Gazetteer::parse(&text, &name)
    }

    /// Loads a file, or every `.tsv` file of a folder in sorted order.
    pub fn load_path(path: &Path) -> Result<Gazetteer> {
        if !path.is_dir() {
            return Gazetteer::load(path);
        }
        let mut files: Vec<_> = std::fs::read_dir(path)
            .map_err(|e| Error::io(path, e))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
            .collect();
        files.sort();
        let mut g = Gazetteer::new();
        for f in files {
            g.extend(Gazetteer::load(&f)?);
        }
        Ok(g)
    }

    /// Appends the entities of another gazetteer (later lists come after).
    pub fn extend(&mut self, other: Gazetteer) {
        self.entities.extend(other.entities);
    }

    /// Lays a user's lists over these (the embedded ones): an entity whose id
    /// is already here replaces that entity in its place (so it keeps the
    /// embedded row's place in list order); other entities come after, in
    /// their order. A user's row is a whole row: to keep embedded aliases,
    /// copy them (`kutip gazetteer export --format tsv`). Ids repeated within
    /// `user` are an error, as in any list.
    ///
    /// ```
    /// use kutip::gazetteer::Gazetteer;
    /// let base = Gazetteer::parse("id\ttype\tname\nQ1\tPERSON\tAnn\nQ2\tPERSON\tBo\n", "base.tsv").unwrap();
    /// let user = Gazetteer::parse("id\ttype\tname\nQ3\tPERSON\tCy\nQ1\tPERSON\tAnn Lee\n", "mine.tsv").unwrap();
    /// let g = base.overlay(user).unwrap();
    /// let names: Vec<&str> = g.entities().iter().map(|e| e.name.as_str()).collect();
    /// assert_eq!(names, ["Ann Lee", "Bo", "Cy"]);
    /// ```
    pub fn overlay(mut self, user: Gazetteer) -> Result<Gazetteer> {
        user.check_unique_ids()?;
        if user.entities.is_empty() {
            return Ok(self);
        }
        let mut place: rustc_hash::FxHashMap<String, usize> = self
            .entities
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.clone(), i))
            .collect();
        for e in user.entities {
            match place.get(&e.id) {
                Some(&i) => self.entities[i] = e,
                None => {
                    place.insert(e.id.clone(), self.entities.len());
                    self.entities.push(e);
                }
            }
        }
        Ok(self)
    }

    /// Adds one entity.
    pub fn push(&mut self, entity: Entity) {
        self.entities.push(entity);
    }

    /// The entities, given away (no copy).
    pub fn into_entities(self) -> Vec<Entity> {
        self.entities
    }

    /// All entities, in list order.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// Checks that ids are unique: the first duplicate is an error.
    pub fn check_unique_ids(&self) -> Result<()> {
        let mut seen: rustc_hash::FxHashMap<&str, &str> = rustc_hash::FxHashMap::default();
        seen.reserve(self.entities.len());
        for e in &self.entities {
            if let Some(first) = seen.insert(&e.id, &e.origin) {
                let (file, line) = split_origin(&e.origin);
                return Err(Error::Gazetteer {
                    file,
                    line,
                    message: format!("duplicate id {} (first defined at {first})", e.id),
                });
            }
        }
        Ok(())
    }
}

/// The pieces of `s` between the `sep` bytes, as `s.split(sep)` gives
/// them (an empty piece at either end included), found by `memchr`: a
/// list of 200,000 rows is split into a million fields.
fn split_on(s: &str, sep: u8) -> impl Iterator<Item = &str> {
    debug_assert!(sep.is_ascii());
    let mut rest = Some(s);
    std::iter::from_fn(move || {
        let r = rest?;
        match memchr::memchr(sep, r.as_bytes()) {
            Some(i) => {
                rest = Some(&r[i + 1..]);
                Some(&r[..i])
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

/// `file:line`, built without the formatting machinery (one per row of a
/// list: 200,000 for a large one).
fn origin(file: &str, line: usize) -> String {
    let mut digits = itoa::Buffer::new();
    let digits = digits.format(line);
    let mut s = String::with_capacity(file.len() + 1 + digits.len());
    s.push_str(file);
    s.push(':');
    s.push_str(digits);
    s
}

/// Splits `file:line` back into its parts.
pub(crate) fn split_origin(origin: &str) -> (String, usize) {
    match origin.rsplit_once(':') {
        Some((f, l)) => (f.to_string(), l.parse().unwrap_or(0)),
        None => (origin.to_string(), 0),
    }
}

struct Columns {
    width: usize,
    id: usize,
    kind: usize,
    name: usize,
    aliases: Option<usize>,
    country: Option<usize>,
    priority: Option<usize>,
    offices: Option<usize>,
}

impl Columns {
    fn from_header(fields: &[&str]) -> std::result::Result<Columns, String> {
        let find = |name: &str| {
            fields
                .iter()
                .position(|f| f.trim().eq_ignore_ascii_case(name))
        };
        let need = |name: &str| {
            find(name).ok_or_else(|| {
                format!(
                    "header has no `{name}` column (expected: id, type, name, aliases, country, priority, offices; found: {})",
                    fields.join(", ")
                )
            })
        };
        Ok(Columns {
            width: fields.len(),
            id: need("id")?,
            kind: need("type")?,
            name: need("name")?,
            aliases: find("aliases"),
            country: find("country"),
            priority: find("priority"),
            offices: find("offices"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_columns_by_name_and_skips_comments() {
        let text = "# a list\n\nname\tid\ttype\tnote\nChina\tQ148\tcountry\tx\n";
        let g = Gazetteer::parse(text, "t.tsv").unwrap();
        let e = &g.entities()[0];
        assert_eq!(
            (e.id.as_str(), e.kind, e.name.as_str()),
            ("Q148", EntityType::Country, "China")
        );
        assert_eq!(e.origin, "t.tsv:4");
    }

    #[test]
    fn bad_lines_name_file_and_line() {
        let cases = [
            (
                "id\ttype\tname\nQ1\tPLANET\tMars\n",
                "t.tsv:2: unknown type",
            ),
            (
                "id\ttype\tname\nQ1\tPERSON\t\n",
                "t.tsv:2: entity Q1 has an empty name",
            ),
            ("id\ttype\tname\n\tPERSON\tX\n", "t.tsv:2: empty id"),
            (
                "id\ttype\tname\tpriority\nQ1\tPERSON\tX\thigh\n",
                "t.tsv:2: priority",
            ),
            (
                "id\ttype\tname\nQ1\tPERSON\tX\textra\n",
                "t.tsv:2: 4 fields",
            ),
            ("id\tname\n", "t.tsv:1: header has no `type` column"),
            (
                "id\ttype\tname\taliases\nQ1\tPERSON\tX\ta|=\n",
                "t.tsv:2: entity Q1 has an empty alias",
            ),
            (
                "id\ttype\tname\toffices\nQ1\tPERSON\tX\tminister|king\n",
                "t.tsv:2: entity Q1: unknown office \"king\" (known: head-of-state, ",
            ),
        ];
        for (text, want) in cases {
            let got = Gazetteer::parse(text, "t.tsv").unwrap_err().to_string();
            assert!(got.starts_with(want), "{got:?} should start with {want:?}");
        }
    }

    #[test]
    fn duplicate_ids_are_reported_with_both_places() {
        let text = "id\ttype\tname\nQ1\tPERSON\tA\nQ1\tPERSON\tB\n";
        let g = Gazetteer::parse(text, "t.tsv").unwrap();
        let err = g.check_unique_ids().unwrap_err().to_string();
        assert_eq!(err, "t.tsv:3: duplicate id Q1 (first defined at t.tsv:2)");
    }

    #[test]
    fn offices_parse_in_order_without_repeats() {
        let text = "id\ttype\tname\toffices\nQ1\tPERSON\tX\t foreign-minister | head-of-state|foreign-minister\nQ2\tPERSON\tY\t\n";
        let g = Gazetteer::parse(text, "t.tsv").unwrap();
        assert_eq!(
            g.entities()[0].offices,
            [Office::ForeignMinister, Office::HeadOfState]
        );
        assert!(g.entities()[1].offices.is_empty());
        for o in Office::ALL {
            assert_eq!(Office::parse(o.as_str()), Some(o));
        }
    }

    #[test]
    fn user_row_replaces_embedded_row_of_same_id_in_place() {
        let base =
            "id\ttype\tname\taliases\nQ1\tCOUNTRY\tGeorgia\tGeorgia Republic\nQ2\tPERSON\tBo\t\n";
        let user = "id\ttype\tname\taliases\tpriority\nQ9\tLOCATION\tTbilisi\t\t\nQ1\tLOCATION\tGeorgia (US state)\tGeorgia\t2\n";
        let base = Gazetteer::parse(base, "base.tsv").unwrap();
        let user = Gazetteer::parse(user, "mine.tsv").unwrap();
        let g = base.overlay(user).unwrap();
        let rows: Vec<(&str, &str, &str)> = g
            .entities()
            .iter()
            .map(|e| (e.id.as_str(), e.name.as_str(), e.origin.as_str()))
            .collect();
        assert_eq!(
            rows,
            [
                ("Q1", "Georgia (US state)", "mine.tsv:3"),
                ("Q2", "Bo", "base.tsv:3"),
                ("Q9", "Tbilisi", "mine.tsv:2"),
            ]
        );
        // The embedded aliases went with the replaced row.
        assert_eq!(g.entities()[0].aliases, ["Georgia"]);
        assert_eq!(g.entities()[0].priority, 2);
    }

    #[test]
    fn duplicate_ids_within_user_lists_stay_an_error() {
        let base = Gazetteer::parse("id\ttype\tname\nQ1\tPERSON\tA\n", "base.tsv").unwrap();
        let user = "id\ttype\tname\nQ1\tPERSON\tB\nQ1\tPERSON\tC\n";
        let user = Gazetteer::parse(user, "mine.tsv").unwrap();
        let err = base.overlay(user).unwrap_err().to_string();
        assert_eq!(
            err,
            "mine.tsv:3: duplicate id Q1 (first defined at mine.tsv:2)"
        );
    }

    #[test]
    fn entity_types_parse_in_any_case_with_spaces_around() {
        let cases = [
            ("PERSON", Some(EntityType::Person)),
            (" person ", Some(EntityType::Person)),
            ("Per", Some(EntityType::Person)),
            ("organisation", Some(EntityType::Organization)),
            ("ORG", Some(EntityType::Organization)),
            ("gpe", Some(EntityType::Country)),
            ("Loc", Some(EntityType::Location)),
            ("PERSONS", None),
            ("", None),
            ("LOCATIONS", None),
        ];
        for (text, want) in cases {
            assert_eq!(EntityType::parse(text), want, "{text:?}");
        }
    }

    #[test]
    fn each_entity_keeps_the_file_and_line_it_came_from() {
        let g = Gazetteer::parse(
            "# c\nid\ttype\tname\n\nQ1\tPERSON\tAnn\nQ2\tPERSON\tBo\n",
            "a/b.tsv",
        )
        .unwrap();
        let origins: Vec<&str> = g.entities().iter().map(|e| e.origin.as_str()).collect();
        assert_eq!(origins, ["a/b.tsv:4", "a/b.tsv:5"]);
    }

    #[test]
    fn split_on_gives_the_pieces_str_split_gives() {
        for s in ["", "a", "\t", "a\tb", "\ta\t\tb\t", "é\tü\t", "x\t\t"] {
            let want: Vec<&str> = s.split('\t').collect();
            assert_eq!(split_on(s, b'\t').collect::<Vec<_>>(), want, "{s:?}");
        }
    }

    #[test]
    fn default_lists_parse() {
        let g = Gazetteer::defaults().unwrap();
        assert!(g.entities().len() >= 12);
        g.check_unique_ids().unwrap();
    }
}
