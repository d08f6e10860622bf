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

mod geonames;
mod kutip;
mod spacy;
mod wikidata;

pub use wikidata::qid;

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
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(format: Format, text: &str, options: &Options) -> Imported {
        read_str(format, text, "in", options).unwrap()
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
