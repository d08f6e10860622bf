//! Refreshing gazetteer lists: what `kutip gazetteer import|export|suggest`
//! do, as library calls.
//!
//! - [`import`] reads what users download (Wikidata Query Service exports,
//!   GeoNames dumps, spaCy EntityRuler patterns, our own CSV and
//!   suggestion files) into [`Record`]s, collecting malformed rows as
//!   `file:line` errors instead of stopping at the first one;
//! - [`merge`] folds records into an existing list by id, without
//!   duplicating entities, and says what was added, updated, left
//!   unchanged or refused (conflicts);
//! - [`write`](mod@write) serializes a list back to the TSV format, keeping the
//!   existing file's comments, extra columns and row order;
//! - [`export`] writes lists for other tools (spaCy JSONL, CSV);
//! - [`suggest`] reads a corpus and ranks names the lists lack.
//!
//! ```
//! use kutip::gazetteer::Gazetteer;
//! use kutip::refresh::{import, merge, write};
//! let list = write::ListFile::parse("id\ttype\tname\taliases\nQ148\tCOUNTRY\tChina\t\n", "c.tsv").unwrap();
//! let csv = "item,itemLabel,itemAltLabel\nhttp://www.wikidata.org/entity/Q148,China,\"PRC, Tiongkok\"\n";
//! let input = import::read_str(import::Format::WikidataCsv, csv, "q.csv", &import::Options::default()).unwrap();
//! let merged = merge::merge(list.gazetteer(), &input.records, &merge::Options::default());
//! assert_eq!(merged.gazetteer.entities()[0].aliases, ["PRC", "Tiongkok"]);
//! assert!(list.render(&merged.gazetteer).contains("China\tPRC|Tiongkok"));
//! ```

pub mod export;
pub mod import;
pub mod merge;
pub mod suggest;
pub mod write;

use crate::gazetteer::EntityType;

/// One imported row (or group of rows): what a source says about an entity.
///
/// Every field but `origin` may be missing: a GeoNames alternate name only
/// knows its entity's id and one alias.
///
/// ```
/// let r = kutip::refresh::Record { name: Some("China".into()), ..Default::default() };
/// assert!(r.id.is_none());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Record {
    /// `Q148`, `geonames:1814991`, `kutip:kemlu-ri`; `None` = find by name or make a `kutip:` id.
    pub id: Option<String>,
    pub kind: Option<EntityType>,
    /// Canonical name; a second, different name of the same id becomes an alias.
    pub name: Option<String>,
    pub aliases: Vec<String>,
    /// ISO alpha-2 code.
    pub country: Option<String>,
    pub priority: Option<i32>,
    /// Only adds aliases to an entity already in the list (never creates one).
    pub alias_only: bool,
    /// `file:line` of the input row.
    pub origin: String,
}

/// A malformed input row: `file:line: message`.
///
/// ```
/// let e = kutip::refresh::InputError { file: "q.csv".into(), line: 3, message: "no item".into() };
/// assert_eq!(e.to_string(), "q.csv:3: no item");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// A `kutip:` id slug: lowercase words joined by `-`, common Latin accents
/// folded (`Sékou Touré` -> `sekou-toure`).
///
/// ```
/// assert_eq!(kutip::refresh::slug("Badan Riset dan Inovasi Nasional (BRIN)"), "badan-riset-dan-inovasi-nasional-brin");
/// assert_eq!(kutip::refresh::slug("Sékou Touré"), "sekou-toure");
/// ```
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    let mut gap = false;
    for c in name.chars() {
        let c = fold_accent(c);
        for c in c.to_lowercase() {
            if c.is_alphanumeric() {
                if gap && !out.is_empty() {
                    out.push('-');
                }
                gap = false;
                out.push(c);
            } else {
                gap = true;
            }
        }
    }
    out
}

fn fold_accent(c: char) -> char {
    const FROM: &str = "àáâãäåāăąçćčďèéêëēėęěìíîïīįłñńňòóôõöøōőřśšşťțùúûüūůűųýÿźżžÀÁÂÃÄÅĀĂĄÇĆČĎÈÉÊËĒĖĘĚÌÍÎÏĪĮŁÑŃŇÒÓÔÕÖØŌŐŘŚŠŞŤȚÙÚÛÜŪŮŰŲÝŸŹŻŽ";
    const TO: &str = "aaaaaaaaacccdeeeeeeeeiiiiiilnnnoooooooorsssttuuuuuuuuyyzzzAAAAAAAAACCCDEEEEEEEEIIIIIILNNNOOOOOOOORSSSTTUUUUUUUUYYZZZ";
    match FROM.chars().position(|f| f == c) {
        Some(i) => TO.chars().nth(i).unwrap_or(c),
        None => c,
    }
}

/// Cleans a name read from a file: whitespace runs (tabs, line breaks)
/// become one space, ends trimmed.
///
/// ```
/// assert_eq!(kutip::refresh::clean("  Joko\tWidodo \n"), "Joko Widodo");
/// ```
pub fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
