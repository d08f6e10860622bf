//! Exporting lists for other tools.
//!
//! - [`to_spacy`]: spaCy EntityRuler patterns, JSON Lines, one pattern per
//!   name with the entity id (`PERSON`, `ORG`, `GPE` for countries, `LOC`);
//!   the `=` mark, `country` and `priority` have no place there and are left out;
//! - [`to_csv`]: `id,type,name,aliases,country,priority`, aliases joined
//!   by `|`, as in the lists (nothing is lost: `kutip gazetteer import csv`
//!   reads it back).
//!
//! ```
//! use kutip::gazetteer::Gazetteer;
//! use kutip::refresh::export::to_spacy;
//! let g = Gazetteer::parse("id\ttype\tname\taliases\nQ148\tCOUNTRY\tChina\tRRT\n", "c.tsv").unwrap();
//! assert_eq!(to_spacy(&g), "{\"label\":\"GPE\",\"pattern\":\"China\",\"id\":\"Q148\"}\n{\"label\":\"GPE\",\"pattern\":\"RRT\",\"id\":\"Q148\"}\n");
//! ```

use crate::error::{Error, Result};
use crate::gazetteer::{EntityType, Gazetteer};

/// The spaCy label of a type.
///
/// ```
/// use kutip::gazetteer::EntityType;
/// assert_eq!(kutip::refresh::export::spacy_label(EntityType::Country), "GPE");
/// ```
pub fn spacy_label(kind: EntityType) -> &'static str {
    match kind {
        EntityType::Person => "PERSON",
        EntityType::Organization => "ORG",
        EntityType::Country => "GPE",
        EntityType::Location => "LOC",
    }
}

#[derive(serde::Serialize)]
struct SpacyPattern<'a> {
    label: &'a str,
    pattern: &'a str,
    id: &'a str,
}

/// spaCy EntityRuler patterns: one JSON line per name.
pub fn to_spacy(g: &Gazetteer) -> String {
    let mut out = String::new();
    for e in g.entities() {
        for name in e.names() {
            let line = SpacyPattern {
                label: spacy_label(e.kind),
                pattern: name.trim_start_matches('=').trim(),
                id: &e.id,
            };
            out.push_str(&serde_json::to_string(&line).unwrap_or_default());
            out.push('\n');
        }
    }
    out
}

/// CSV with columns `id,type,name,aliases,country,priority` (`\n` line ends).
///
/// ```
/// use kutip::gazetteer::Gazetteer;
/// let g = Gazetteer::parse("id\ttype\tname\taliases\nQ30\tCOUNTRY\tUnited States\tAS|US\n", "c.tsv").unwrap();
/// assert_eq!(kutip::refresh::export::to_csv(&g).unwrap(), "id,type,name,aliases,country,priority\nQ30,COUNTRY,United States,AS|US,,\n");
/// ```
pub fn to_csv(g: &Gazetteer) -> Result<String> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let err = |e: csv::Error| Error::Csv {
        path: "export.csv".into(),
        source: e,
    };
    w.write_record(super::write::COLUMNS).map_err(err)?;
    for e in g.entities() {
        let priority = if e.priority == 0 {
            String::new()
        } else {
            e.priority.to_string()
        };
        w.write_record([
            e.id.as_str(),
            e.kind.as_str(),
            e.name.as_str(),
            &e.aliases.join("|"),
            e.country.as_str(),
            &priority,
        ])
        .map_err(err)?;
    }
    let bytes = w.into_inner().map_err(|e| Error::Refused(e.to_string()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
