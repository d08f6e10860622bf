//! Reading downloaded lists into [`Record`]s.
//!
//! Each reader goes through its whole input and collects malformed rows as
//! [`InputError`]s (`file:line: what is wrong`) rather than stopping at the
//! first one; only a file that cannot be read at all (no usable header) is
//! an [`Error`]. Formats:
//!
//! | [`Format`] | input |
//! |---|---|
//! | `wikidata` | Wikidata Query Service CSV or TSV export (chosen by the first line) |
//! | `geonames-countries` | GeoNames `countryInfo.txt` |
//! | `geonames-cities` | GeoNames `cities*.txt` / `allCountries.txt` (19 columns) |
//! | `geonames-alternate` | GeoNames `alternateNamesV2.txt` (filtered by language) |
//! | `spacy` | spaCy EntityRuler patterns, JSON Lines |
//! | `csv` | `kutip gazetteer export --format csv` |
//! | `tsv` | another kutip list |
//! | `suggestions` | the reviewed CSV of `kutip gazetteer suggest` |
//!
//! ```
//! use kutip::refresh::import::{read_str, Format, Options};
//! let tsv = "?item\t?itemLabel\n<http://www.wikidata.org/entity/Q148>\t\"China\"@en\n";
//! let got = read_str(Format::WikidataTsv, tsv, "q.tsv", &Options::default()).unwrap();
//! assert_eq!(got.records[0].id.as_deref(), Some("Q148"));
//! assert_eq!(got.records[0].name.as_deref(), Some("China"));
//! ```

use super::{clean, InputError, Record};
use crate::error::{Error, Result};
use crate::gazetteer::{EntityType, Gazetteer};
use crate::tables::unneutralize;
use std::path::Path;

/// An input format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// CSV or TSV, told apart by the first line.
    Wikidata,
    WikidataCsv,
    WikidataTsv,
    GeonamesCountries,
    GeonamesCities,
    GeonamesAlternate,
    Spacy,
    Csv,
    Tsv,
    Suggestions,
}

impl Format {
    /// The names accepted on the command line.
    pub const NAMES: &'static str = "wikidata, wikidata-csv, wikidata-tsv, geonames-countries, geonames-cities, geonames-alternate, spacy, csv, tsv, suggestions";

    /// Parses a format name.
    ///
    /// ```
    /// use kutip::refresh::import::Format;
    /// assert_eq!(Format::parse("spacy"), Some(Format::Spacy));
    /// assert_eq!(Format::parse("xml"), None);
    /// ```
    pub fn parse(s: &str) -> Option<Format> {
        Some(match s.trim().to_ascii_lowercase().as_str() {
            "wikidata" | "wdqs" => Format::Wikidata,
            "wikidata-csv" => Format::WikidataCsv,
            "wikidata-tsv" => Format::WikidataTsv,
            "geonames-countries" | "countryinfo" => Format::GeonamesCountries,
            "geonames-cities" | "geonames" => Format::GeonamesCities,
            "geonames-alternate" | "alternatenames" => Format::GeonamesAlternate,
            "spacy" | "jsonl" => Format::Spacy,
            "csv" => Format::Csv,
            "tsv" | "kutip" => Format::Tsv,
            "suggestions" => Format::Suggestions,
            _ => return None,
        })
    }

    /// Whether rows of this format carry their entity type.
    ///
    /// ```
    /// assert!(!kutip::refresh::import::Format::Wikidata.has_types());
    /// ```
    pub fn has_types(self) -> bool {
        matches!(
            self,
            Format::GeonamesCountries
                | Format::GeonamesCities
                | Format::Spacy
                | Format::Csv
                | Format::Tsv
                | Format::Suggestions
        )
    }
}

/// Reading options.
///
/// ```
/// let o = kutip::refresh::import::Options { langs: vec!["id".into()], ..Default::default() };
/// assert!(o.kind.is_none());
/// ```
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Type for rows that have none, and for spaCy `GPE`/`NORP` and GeoNames rows.
    pub kind: Option<EntityType>,
    /// Languages kept (`id`, `en`) where the input tags names with one;
    /// empty = all (GeoNames alternate names: `id`, `en`).
    pub langs: Vec<String>,
    /// Suggestions: take every row, not only those marked in `accept`.
    pub all: bool,
}

/// What a reader found.
#[derive(Debug, Clone, Default)]
pub struct Imported {
    pub records: Vec<Record>,
    pub errors: Vec<InputError>,
    /// Rows deliberately left out (other languages, historic names, NORP...).
    pub skipped: usize,
}

/// Reads an input file.
pub fn read(format: Format, path: &Path, options: &Options) -> Result<Imported> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let text = String::from_utf8_lossy(&bytes);
    read_str(format, &text, &path.display().to_string(), options)
}

/// Reads an input already in memory; `file` names it in errors.
pub fn read_str(format: Format, text: &str, file: &str, options: &Options) -> Result<Imported> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut r = Reader {
        file,
        options,
        out: Imported::default(),
    };
    match format {
        Format::Wikidata => {
            let first = text.lines().next().unwrap_or("");
            if first.contains('\t') || first.starts_with('?') {
                r.wikidata_tsv(text)?
            } else {
                r.wikidata_csv(text)?
            }
        }
        Format::WikidataCsv => r.wikidata_csv(text)?,
        Format::WikidataTsv => r.wikidata_tsv(text)?,
        Format::GeonamesCountries => r.geonames_countries(text),
        Format::GeonamesCities => r.geonames_cities(text),
        Format::GeonamesAlternate => r.geonames_alternate(text),
        Format::Spacy => r.spacy(text),
        Format::Csv => r.kutip_csv(text)?,
        Format::Tsv => r.kutip_tsv(text)?,
        Format::Suggestions => r.suggestions(text)?,
    }
    Ok(r.out)
}

/// A CSV row: its line and its (lowercase column, cell) pairs.
type CsvRow = (usize, Vec<(String, String)>);

struct Reader<'a> {
    file: &'a str,
    options: &'a Options,
    out: Imported,
}

/// How a Wikidata column is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WdColumn {
    Item,
    /// A label: the first non-empty one is the name.
    Label,
    /// Alternative labels, joined by `, ` in one cell.
    AltLabels,
    /// One alias per cell.
    Alias,
    Country,
    Other,
}

impl Reader<'_> {
    fn error(&mut self, line: usize, message: String) {
        self.out.errors.push(InputError {
            file: self.file.to_string(),
            line,
            message,
        });
    }

    fn origin(&self, line: usize) -> String {
        format!("{}:{line}", self.file)
    }

    fn lang_ok(&self, lang: &str) -> bool {
        self.options.langs.is_empty()
            || lang.is_empty()
            || self
                .options
                .langs
                .iter()
                .any(|l| l.eq_ignore_ascii_case(lang))
    }

    fn header_error(&self, line: usize, message: String) -> Error {
        Error::Gazetteer {
            file: self.file.to_string(),
            line,
            message,
        }
    }

    /// Column roles and languages from WDQS variable names.
    fn wikidata_columns(&self, header: &[String]) -> Result<Vec<(WdColumn, String)>> {
        let names: Vec<String> = header
            .iter()
            .map(|h| h.trim().trim_start_matches('?').to_string())
            .collect();
        let item = names
            .iter()
            .position(|n| n.eq_ignore_ascii_case("item"))
            .or_else(|| {
                // `?minister ?ministerLabel`: the variable that has a label.
                names.iter().position(|n| {
                    names
                        .iter()
                        .any(|m| m.eq_ignore_ascii_case(&format!("{n}Label")))
                })
            })
            .unwrap_or(0);
        let roles = names
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let lower = n.to_ascii_lowercase();
                let (base, lang) = match lower.rsplit_once(['_', '@']) {
                    Some((b, l)) if l.len() == 2 || l.len() == 3 => (b.to_string(), l.to_string()),
                    _ => (lower.clone(), String::new()),
                };
                let role = if i == item {
                    WdColumn::Item
                } else if base.ends_with("altlabel") || base.ends_with("altlabels") {
                    WdColumn::AltLabels
                } else if base.contains("alias") {
                    WdColumn::Alias
                } else if base.ends_with("label") || base == "name" {
                    WdColumn::Label
                } else if base.starts_with("country") || base == "iso" {
                    WdColumn::Country
                } else {
                    WdColumn::Other
                };
                (role, lang)
            })
            .collect();
        Ok(roles)
    }

    fn wikidata_row(
        &mut self,
        line: usize,
        roles: &[(WdColumn, String)],
        cells: &[(String, String)],
    ) {
        let mut rec = Record {
            origin: self.origin(line),
            ..Record::default()
        };
        for ((role, col_lang), (value, lang)) in roles.iter().zip(cells) {
            let lang = if lang.is_empty() { col_lang } else { lang };
            let value = clean(value);
            if value.is_empty() {
                continue;
            }
            match role {
                WdColumn::Item => match qid(&value) {
                    Some(q) => rec.id = Some(q),
                    None => {
                        self.error(
                            line,
                            format!("{value:?} is not a Wikidata item (http://www.wikidata.org/entity/Q…)"),
                        );
                        return;
                    }
                },
                _ if !self.lang_ok(lang) => self.out.skipped += 1,
                WdColumn::Label => {
                    if is_qid(&value) {
                        // The label service gives the QID when there is no label.
                        continue;
                    }
                    if rec.name.is_none() {
                        rec.name = Some(value);
                    } else {
                        rec.aliases.push(value);
                    }
                }
                WdColumn::AltLabels => rec.aliases.extend(
                    value
                        .split(", ")
                        .map(clean)
                        .filter(|a| !a.is_empty() && !is_qid(a)),
                ),
                WdColumn::Alias => rec.aliases.push(value),
                WdColumn::Country => {
                    if value.len() == 2 && value.chars().all(|c| c.is_ascii_uppercase()) {
                        rec.country = Some(value);
                    }
                }
                WdColumn::Other => {}
            }
        }
        if rec.id.is_none() {
            self.error(line, "no item (empty Wikidata id)".into());
            return;
        }
        rec.kind = self.options.kind;
        self.out.records.push(rec);
    }

    fn wikidata_csv(&mut self, text: &str) -> Result<()> {
        let mut rd = csv::ReaderBuilder::new()
            .flexible(true)
            .has_headers(true)
            .from_reader(text.as_bytes());
        let header: Vec<String> = rd
            .headers()
            .map_err(|e| self.header_error(1, format!("unreadable CSV header: {e}")))?
            .iter()
            .map(str::to_string)
            .collect();
        let roles = self.wikidata_columns(&header)?;
        for (line, row) in self.checked_records(&mut rd, header.len()) {
            let cells: Vec<(String, String)> =
                row.iter().map(|c| (c.to_string(), String::new())).collect();
            self.wikidata_row(line, &roles, &cells);
        }
        Ok(())
    }

    fn wikidata_tsv(&mut self, text: &str) -> Result<()> {
        let mut lines = text.split('\n').enumerate();
        let Some((_, header)) = lines.next() else {
            return Err(self.header_error(1, "empty file".into()));
        };
        let header: Vec<String> = header
            .trim_end_matches('\r')
            .split('\t')
            .map(str::to_string)
            .collect();
        let roles = self.wikidata_columns(&header)?;
        for (i, raw) in lines {
            let line = raw.trim_end_matches('\r');
            if line.trim().is_empty() {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            if fields.len() != header.len() {
                self.error(
                    i + 1,
                    format!("{} fields, the header has {}", fields.len(), header.len()),
                );
                continue;
            }
            let mut cells = Vec::new();
            let mut bad = None;
            for f in fields {
                match rdf_term(f) {
                    Some(c) => cells.push(c),
                    None => bad = Some(f),
                }
            }
            if let Some(f) = bad {
                self.error(
                    i + 1,
                    format!("{f:?} is not an RDF term (<IRI> or \"literal\"@lang)"),
                );
                continue;
            }
            self.wikidata_row(i + 1, &roles, &cells);
        }
        Ok(())
    }

    /// Tab-separated GeoNames lines: (line number, fields), `#` comments skipped.
    fn geonames_lines<'t>(&mut self, text: &'t str) -> Vec<(usize, Vec<&'t str>)> {
        text.split('\n')
            .enumerate()
            .filter_map(|(i, l)| {
                let l = l.trim_end_matches('\r');
                (!l.trim().is_empty() && !l.starts_with('#'))
                    .then(|| (i + 1, l.split('\t').collect()))
            })
            .collect()
    }

    fn geonames_countries(&mut self, text: &str) {
        for (line, f) in self.geonames_lines(text) {
            if !(17..=19).contains(&f.len()) {
                self.error(
                    line,
                    format!(
                        "{} fields, countryInfo.txt has 19 (ISO, ISO3, …, geonameid, neighbours, EquivalentFipsCode)",
                        f.len()
                    ),
                );
                continue;
            }
            let (iso, name, gid) = (f[0].trim(), clean(f[4]), f[16].trim());
            if iso.len() != 2 || !iso.chars().all(|c| c.is_ascii_uppercase()) {
                self.error(line, format!("ISO code {iso:?} is not two capital letters"));
                continue;
            }
            if gid.is_empty() || !gid.chars().all(|c| c.is_ascii_digit()) {
                self.error(line, format!("geonameid {gid:?} is not a number"));
                continue;
            }
            if name.is_empty() {
                self.error(line, "empty country name".into());
                continue;
            }
            self.out.records.push(Record {
                id: Some(format!("geonames:{gid}")),
                kind: Some(self.options.kind.unwrap_or(EntityType::Country)),
                name: Some(name),
                country: Some(iso.to_string()),
                origin: self.origin(line),
                ..Record::default()
            });
        }
    }

    fn geonames_cities(&mut self, text: &str) {
        for (line, f) in self.geonames_lines(text) {
            if f.len() != 19 {
                self.error(
                    line,
                    format!(
                        "{} fields, a GeoNames table has 19 (geonameid, name, asciiname, alternatenames, …)",
                        f.len()
                    ),
                );
                continue;
            }
            let (gid, name, ascii, cc) = (f[0].trim(), clean(f[1]), clean(f[2]), f[8].trim());
            if gid.is_empty() || !gid.chars().all(|c| c.is_ascii_digit()) {
                self.error(line, format!("geonameid {gid:?} is not a number"));
                continue;
            }
            if name.is_empty() {
                self.error(line, "empty name".into());
                continue;
            }
            let mut aliases = Vec::new();
            if !ascii.is_empty() && ascii != name {
                aliases.push(ascii);
            }
            self.out.records.push(Record {
                id: Some(format!("geonames:{gid}")),
                kind: Some(self.options.kind.unwrap_or(EntityType::Location)),
                name: Some(name),
                aliases,
                country: (cc.len() == 2).then(|| cc.to_ascii_uppercase()),
                origin: self.origin(line),
                ..Record::default()
            });
        }
    }

    fn geonames_alternate(&mut self, text: &str) {
        let default_langs = ["id".to_string(), "en".to_string()];
        let langs: &[String] = if self.options.langs.is_empty() {
            &default_langs
        } else {
            &self.options.langs
        };
        for (line, f) in self.geonames_lines(text) {
            if !(4..=10).contains(&f.len()) {
                self.error(
                    line,
                    format!(
                        "{} fields, alternateNamesV2.txt has 10 (alternateNameId, geonameid, isolanguage, alternateName, …)",
                        f.len()
                    ),
                );
                continue;
            }
            let gid = f[1].trim();
            if gid.is_empty() || !gid.chars().all(|c| c.is_ascii_digit()) {
                self.error(line, format!("geonameid {gid:?} is not a number"));
                continue;
            }
            let flag = |i: usize| f.get(i).is_some_and(|v| v.trim() == "1");
            let lang = f[2].trim();
            let to = f.get(9).map_or("", |v| v.trim());
            // Colloquial (7) and historic (8) names, and names no longer used, are left out.
            if !langs.iter().any(|l| l.eq_ignore_ascii_case(lang))
                || flag(6)
                || flag(7)
                || !to.is_empty()
            {
                self.out.skipped += 1;
                continue;
            }
            let name = clean(f[3]);
            if name.is_empty() {
                self.error(line, "empty alternate name".into());
                continue;
            }
            self.out.records.push(Record {
                id: Some(format!("geonames:{gid}")),
                aliases: vec![name],
                alias_only: true,
                origin: self.origin(line),
                ..Record::default()
            });
        }
    }

    fn spacy(&mut self, text: &str) {
        for (i, raw) in text.split('\n').enumerate() {
            let line = i + 1;
            if raw.trim().is_empty() {
                continue;
            }
            let v: serde_json::Value = match serde_json::from_str(raw) {
                Ok(v) => v,
                Err(e) => {
                    self.error(line, format!("not JSON: {e}"));
                    continue;
                }
            };
            let label = v.get("label").and_then(|l| l.as_str()).unwrap_or("");
            let kind = match label.to_ascii_uppercase().as_str() {
                "PERSON" | "PER" => Some(EntityType::Person),
                "ORG" | "ORGANIZATION" | "ORGANISATION" => Some(EntityType::Organization),
                "GPE" => Some(self.options.kind.unwrap_or(EntityType::Country)),
                "LOC" | "LOCATION" | "FAC" => Some(EntityType::Location),
                "COUNTRY" => Some(EntityType::Country),
                "NORP" => self.options.kind,
                "" => {
                    self.error(line, "no \"label\"".into());
                    continue;
                }
                _ => self.options.kind,
            };
            let Some(kind) = kind else {
                if label.eq_ignore_ascii_case("NORP") {
                    // Nationalities and groups: no kutip type unless --type says so.
                    self.out.skipped += 1;
                } else {
                    self.error(line, format!("label {label:?} has no kutip type (PERSON, ORG, GPE, LOC, NORP; or pass --type)"));
                }
                continue;
            };
            let name = match v.get("pattern") {
                Some(serde_json::Value::String(s)) => clean(s),
                Some(serde_json::Value::Array(tokens)) => match token_pattern(tokens) {
                    Ok(s) => s,
                    Err(m) => {
                        self.error(line, m);
                        continue;
                    }
                },
                _ => {
                    self.error(
                        line,
                        "no \"pattern\" (a string or a list of token dicts)".into(),
                    );
                    continue;
                }
            };
            if name.is_empty() {
                self.error(line, "empty pattern".into());
                continue;
            }
            let id = match v.get("id") {
                Some(serde_json::Value::String(s)) if !s.trim().is_empty() => {
                    Some(s.trim().to_string())
                }
                Some(serde_json::Value::Number(n)) => Some(n.to_string()),
                _ => None,
            };
            self.out.records.push(Record {
                id,
                kind: Some(kind),
                name: Some(name),
                origin: self.origin(line),
                ..Record::default()
            });
        }
    }

    /// The well-formed records of a CSV reader, with their line numbers;
    /// each malformed one (unreadable, or not `width` fields) is an error
    /// naming its line.
    fn checked_records(
        &mut self,
        rd: &mut csv::Reader<&[u8]>,
        width: usize,
    ) -> Vec<(usize, csv::StringRecord)> {
        let mut good = Vec::new();
        for row in rd.records() {
            match row {
                Ok(row) => {
                    let line = row.position().map_or(0, |p| p.line() as usize);
                    if row.len() == width {
                        good.push((line, row));
                    } else {
                        self.error(
                            line,
                            format!("{} fields, the header has {width}", row.len()),
                        );
                    }
                }
                Err(e) => {
                    let line = e.position().map_or(0, |p| p.line() as usize);
                    self.error(line, format!("unreadable CSV row: {e}"));
                }
            }
        }
        good
    }

    /// CSV rows as maps of lowercase column -> cell, with line numbers.
    fn csv_rows(&mut self, text: &str, required: &[&str]) -> Result<Vec<CsvRow>> {
        let mut rd = csv::ReaderBuilder::new()
            .flexible(true)
            .from_reader(text.as_bytes());
        let header: Vec<String> = rd
            .headers()
            .map_err(|e| self.header_error(1, format!("unreadable CSV header: {e}")))?
            .iter()
            .map(|h| h.trim().to_ascii_lowercase())
            .collect();
        for r in required {
            if !header.iter().any(|h| h == r) {
                return Err(self.header_error(
                    1,
                    format!("header has no `{r}` column (found: {})", header.join(", ")),
                ));
            }
        }
        let out = self
            .checked_records(&mut rd, header.len())
            .into_iter()
            .map(|(line, row)| {
                let cells = header
                    .iter()
                    .cloned()
                    .zip(row.iter().map(|c| unneutralize(c).to_string()))
                    .collect();
                (line, cells)
            })
            .collect();
        Ok(out)
    }

    fn kutip_csv(&mut self, text: &str) -> Result<()> {
        for (line, row) in self.csv_rows(text, &["id", "type", "name"])? {
            let get = |k: &str| {
                row.iter()
                    .find(|(c, _)| c == k)
                    .map_or(String::new(), |(_, v)| v.trim().to_string())
            };
            let rec = self.entity_record(
                line,
                &get("id"),
                &get("type"),
                &get("name"),
                &get("aliases"),
                &get("country"),
                &get("priority"),
            );
            if let Some(rec) = rec {
                self.out.records.push(rec);
            }
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn entity_record(
        &mut self,
        line: usize,
        id: &str,
        kind: &str,
        name: &str,
        aliases: &str,
        country: &str,
        priority: &str,
    ) -> Option<Record> {
        let kind = if kind.is_empty() {
            self.options.kind
        } else {
            match EntityType::parse(kind) {
                Some(k) => Some(k),
                None => {
                    self.error(
                        line,
                        format!(
                            "unknown type {kind:?} (PERSON, ORGANIZATION, COUNTRY or LOCATION)"
                        ),
                    );
                    return None;
                }
            }
        };
        let name = clean(name);
        if name.is_empty() {
            self.error(line, "empty name".into());
            return None;
        }
        let priority = if priority.is_empty() {
            None
        } else {
            match priority.parse() {
                Ok(p) => Some(p),
                Err(_) => {
                    self.error(line, format!("priority {priority:?} is not an integer"));
                    return None;
                }
            }
        };
        Some(Record {
            id: (!id.is_empty()).then(|| id.to_string()),
            kind,
            name: Some(name),
            aliases: aliases
                .split('|')
                .map(|a| a.trim().to_string())
                .filter(|a| !a.trim_start_matches('=').trim().is_empty())
                .collect(),
            country: (!country.is_empty()).then(|| country.to_string()),
            priority,
            alias_only: false,
            origin: self.origin(line),
        })
    }

    fn kutip_tsv(&mut self, text: &str) -> Result<()> {
        let g = Gazetteer::parse(text, self.file)?;
        for e in g.entities() {
            self.out.records.push(Record {
                id: Some(e.id.clone()),
                kind: Some(e.kind),
                name: Some(e.name.clone()),
                aliases: e.aliases.clone(),
                country: (!e.country.is_empty()).then(|| e.country.clone()),
                priority: (e.priority != 0).then_some(e.priority),
                alias_only: false,
                origin: e.origin.clone(),
            });
        }
        Ok(())
    }

    fn suggestions(&mut self, text: &str) -> Result<()> {
        for (line, row) in self.csv_rows(text, &["name"])? {
            let get = |k: &str| {
                row.iter()
                    .find(|(c, _)| c == k)
                    .map_or(String::new(), |(_, v)| v.trim().to_string())
            };
            let accept = get("accept").to_ascii_lowercase();
            let accepted =
                !accept.is_empty() && !matches!(accept.as_str(), "no" | "n" | "0" | "false" | "-");
            if !(accepted || self.options.all) {
                self.out.skipped += 1;
                continue;
            }
            let entity_id = get("entity_id");
            if !entity_id.is_empty() {
                let name = clean(&get("name"));
                if name.is_empty() {
                    self.error(line, "empty name".into());
                    continue;
                }
                let mut aliases = vec![name];
                aliases.extend(
                    get("aliases")
                        .split('|')
                        .map(clean)
                        .filter(|a| !a.is_empty()),
                );
                self.out.records.push(Record {
                    id: Some(entity_id),
                    aliases,
                    alias_only: true,
                    origin: self.origin(line),
                    ..Record::default()
                });
                continue;
            }
            if let Some(rec) = self.entity_record(
                line,
                "",
                &get("type"),
                &get("name"),
                &get("aliases"),
                &get("country"),
                "",
            ) {
                self.out.records.push(rec);
            }
        }
        Ok(())
    }
}

/// `Q148` from `http://www.wikidata.org/entity/Q148`, `<…>`, `wd:Q148` or `Q148`.
///
/// ```
/// use kutip::refresh::import::qid;
/// assert_eq!(qid("<http://www.wikidata.org/entity/Q148>").as_deref(), Some("Q148"));
/// assert_eq!(qid("wd:Q30"), Some("Q30".into()));
/// assert_eq!(qid("China"), None);
/// ```
pub fn qid(s: &str) -> Option<String> {
    let s = s.trim().trim_start_matches('<').trim_end_matches('>');
    let last = s.rsplit(['/', ':']).next().unwrap_or(s);
    let rest = s.strip_suffix(last).unwrap_or("");
    let prefix_ok = rest.is_empty() || rest == "wd:" || rest.ends_with("wikidata.org/entity/");
    (prefix_ok && is_qid(last)).then(|| last.to_string())
}

fn is_qid(s: &str) -> bool {
    s.len() > 1 && s.starts_with('Q') && s[1..].chars().all(|c| c.is_ascii_digit())
}

/// A WDQS TSV cell: `<IRI>`, `"literal"`, `"literal"@lang`,
/// `"literal"^^<type>`, a bare number, or empty. Returns (value, language).
fn rdf_term(cell: &str) -> Option<(String, String)> {
    let cell = cell.trim();
    if cell.is_empty() {
        return Some((String::new(), String::new()));
    }
    if let Some(iri) = cell.strip_prefix('<') {
        return Some((iri.strip_suffix('>')?.to_string(), String::new()));
    }
    if let Some(rest) = cell.strip_prefix('"') {
        let close = rest.rfind('"')?;
        let (body, tail) = (&rest[..close], &rest[close + 1..]);
        let lang = match tail.strip_prefix('@') {
            Some(l) => l.to_string(),
            None if tail.is_empty() || tail.starts_with("^^") => String::new(),
            None => return None,
        };
        let mut value = String::new();
        let mut chars = body.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.next() {
                    Some('t') => value.push('\t'),
                    Some('n') => value.push('\n'),
                    Some('r') => value.push('\r'),
                    Some(o) => value.push(o),
                    None => {}
                }
            } else {
                value.push(c);
            }
        }
        return Some((value, lang));
    }
    // Numbers and booleans come bare.
    (!cell.contains(char::is_whitespace)).then(|| (cell.to_string(), String::new()))
}

/// Joins the ORTH/TEXT/LOWER values of a spaCy token pattern with spaces.
fn token_pattern(tokens: &[serde_json::Value]) -> std::result::Result<String, String> {
    let mut words = Vec::new();
    for t in tokens {
        let obj = t
            .as_object()
            .ok_or("a token pattern item is not an object")?;
        let word = ["ORTH", "TEXT", "LOWER", "orth", "text", "lower"]
            .iter()
            .find_map(|k| obj.get(*k).and_then(|v| v.as_str()))
            .ok_or_else(|| {
                format!(
                    "token {} has no plain ORTH, TEXT or LOWER string (other token attributes cannot be listed)",
                    t
                )
            })?;
        words.push(word.to_string());
    }
    Ok(clean(&words.join(" ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(format: Format, text: &str, options: &Options) -> Imported {
        read_str(format, text, "in", options).unwrap()
    }

    #[test]
    fn rdf_terms() {
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            (
                "<http://www.wikidata.org/entity/Q148>",
                Some(("http://www.wikidata.org/entity/Q148", "")),
            ),
            ("\"Rusia\"@id", Some(("Rusia", "id"))),
            ("\"say \\\"hi\\\"\"@en", Some(("say \"hi\"", "en"))),
            (
                "\"12\"^^<http://www.w3.org/2001/XMLSchema#integer>",
                Some(("12", "")),
            ),
            ("", Some(("", ""))),
            ("\"open", None),
            ("two words", None),
        ];
        for (cell, want) in cases {
            let got = rdf_term(cell);
            assert_eq!(
                got.as_ref().map(|(a, b)| (a.as_str(), b.as_str())),
                *want,
                "{cell:?}"
            );
        }
    }

    #[test]
    fn token_patterns_join_words() {
        let cases: &[(&str, std::result::Result<&str, &str>)] = &[
            (
                r#"[{"LOWER": "joko"}, {"LOWER": "widodo"}]"#,
                Ok("joko widodo"),
            ),
            (r#"[{"ORTH": "Wang"}, {"TEXT": "Yi"}]"#, Ok("Wang Yi")),
            (r#"[{"IS_PUNCT": true}]"#, Err("token")),
            (r#"["Wang"]"#, Err("not an object")),
        ];
        for (json, want) in cases {
            let v: Vec<serde_json::Value> = serde_json::from_str(json).unwrap();
            match (token_pattern(&v), want) {
                (Ok(got), Ok(w)) => assert_eq!(got, *w),
                (Err(got), Err(w)) => assert!(got.contains(w), "{got}"),
                (got, want) => panic!("{json}: {got:?} vs {want:?}"),
            }
        }
    }

    #[test]
    fn wikidata_columns_follow_variable_names() {
        let csv = "minister,ministerLabel,label_id,ministerAltLabel,countryCode\n\
                   http://www.wikidata.org/entity/Q1,Retno Marsudi,Retno Lestari Priansari Marsudi,\"Retno, Bu Retno\",ID\n";
        let got = read(Format::WikidataCsv, csv, &Options::default());
        let r = &got.records[0];
        assert_eq!(r.id.as_deref(), Some("Q1"));
        assert_eq!(r.name.as_deref(), Some("Retno Marsudi"));
        assert_eq!(
            r.aliases,
            ["Retno Lestari Priansari Marsudi", "Retno", "Bu Retno"]
        );
        assert_eq!(r.country.as_deref(), Some("ID"));
    }

    #[test]
    fn languages_filter_tagged_literals() {
        let tsv = "?item\t?itemLabel\t?alias\n<http://www.wikidata.org/entity/Q159>\t\"Russia\"@en\t\"Rusia\"@id\n<http://www.wikidata.org/entity/Q159>\t\"Russia\"@en\t\"Russland\"@de\n";
        let o = Options {
            langs: vec!["id".into(), "en".into()],
            ..Options::default()
        };
        let got = read(Format::Wikidata, tsv, &o);
        let aliases: Vec<&str> = got
            .records
            .iter()
            .flat_map(|r| r.aliases.iter().map(String::as_str))
            .collect();
        assert_eq!(aliases, ["Rusia"]);
        assert_eq!(got.skipped, 1);
    }

    #[test]
    fn suggestions_take_accepted_rows() {
        let csv = "suggestion,name,aliases,type,count,entity_id,accept\n\
                   acronym,Badan Riset dan Inovasi Nasional,BRIN,ORGANIZATION,3,,x\n\
                   name,Budi Santoso,,PERSON,2,,\n\
                   alias,Kemlu RI,,ORGANIZATION,2,kutip:kemlu-ri,yes\n\
                   name,Nope,,PERSON,2,,no\n";
        let got = read(Format::Suggestions, csv, &Options::default());
        assert_eq!(got.records.len(), 2);
        assert_eq!(got.records[0].aliases, ["BRIN"]);
        assert!(got.records[1].alias_only);
        assert_eq!(got.skipped, 2);
        let all = read(
            Format::Suggestions,
            csv,
            &Options {
                all: true,
                ..Options::default()
            },
        );
        assert_eq!(all.records.len(), 4);
    }
}
