//! The fixed vocabularies of the tables: each an enum, written and read
//! (CSV cells, `kutip map`'s JSON) by its table name and nothing else.
//!
//! [`Status`] is the tables' own; entity types ([`EntityType`]) and mention
//! methods ([`Method`]) belong to the stages that make them, and get their
//! cell and serde forms here.

use super::csv::CsvOut;
use super::schema::{Cell, Value};
use crate::gazetteer::EntityType;
use crate::resolve::Method;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::io::{self, Write};

/// What happened to a document (`documents.csv` `status`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    /// Processed.
    #[default]
    Ok,
    /// Not a document: empty, binary, too large.
    Skipped,
    /// Could not be read, or failed while processed.
    Error,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Skipped => "skipped",
            Status::Error => "error",
        }
    }
}

/// A vocabulary: every value, and its name in tables.
pub trait Vocabulary: Copy + 'static {
    const ALL: &'static [Self];
    fn name(self) -> &'static str;

    /// The value named `s` exactly (tables are written by kutip: no aliases).
    fn parse(s: &str) -> Result<Self, String> {
        Self::ALL
            .iter()
            .copied()
            .find(|v| v.name() == s)
            .ok_or_else(|| {
                let names: Vec<&str> = Self::ALL.iter().map(|v| v.name()).collect();
                format!("{s:?} is none of {}", names.join(", "))
            })
    }
}

/// `Vocabulary` for an enum; the `match` makes a variant added to the enum
/// without being listed here a compile error.
macro_rules! vocabulary {
    ($t:ident: $($v:ident),+) => {
        impl Vocabulary for $t {
            const ALL: &'static [$t] = &[$($t::$v),+];
            fn name(self) -> &'static str {
                match self {
                    $($t::$v)|+ => self.as_str(),
                }
            }
        }

        impl Cell for $t {
            #[inline]
            fn put<W: Write>(&self, w: &mut CsvOut<W>, _: &mut itoa::Buffer) -> io::Result<()> {
                w.cell(self.name().as_bytes())
            }
            fn parse(cell: &str) -> Result<Self, String> {
                <$t as Vocabulary>::parse(cell)
            }
            fn value(&self) -> Value<'_> {
                Value::Text(self.name())
            }
        }

        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.name())
            }
        }

        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = std::borrow::Cow::<str>::deserialize(d)?;
                <$t as Vocabulary>::parse(&s).map_err(serde::de::Error::custom)
            }
        }
    };
}

vocabulary!(Status: Ok, Skipped, Error);
vocabulary!(EntityType: Person, Organization, Country, Location);
vocabulary!(Method: Gazetteer, Acronym, ShortForm);

/// Rows derive `Default` (tests build them field by field); a default
/// entity type means nothing and is never written by the pipeline.
impl Default for EntityType {
    fn default() -> Self {
        EntityType::Person
    }
}

/// See `Default for EntityType`.
impl Default for Method {
    fn default() -> Self {
        Method::Gazetteer
    }
}

/// An entity type that may be unknown (`quotes.csv` `speaker_type` of a
/// quote without speaker): an empty cell.
impl Cell for Option<EntityType> {
    #[inline]
    fn put<W: Write>(&self, w: &mut CsvOut<W>, _: &mut itoa::Buffer) -> io::Result<()> {
        w.cell(self.map_or("", |t| t.name()).as_bytes())
    }
    fn parse(cell: &str) -> Result<Self, String> {
        match cell {
            "" => Ok(None),
            s => <EntityType as Vocabulary>::parse(s).map(Some),
        }
    }
    fn value(&self) -> Value<'_> {
        Value::Text(self.map_or("", |t| t.name()))
    }
}

/// serde for `Option<EntityType>` as its cell: `""` for `None`.
pub mod optional_type {
    use super::*;

    pub fn serialize<S: Serializer>(v: &Option<EntityType>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(v.map_or("", |t| t.name()))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<EntityType>, D::Error> {
        let s = std::borrow::Cow::<str>::deserialize(d)?;
        <Option<EntityType> as Cell>::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trips<V: Vocabulary + PartialEq + std::fmt::Debug>() {
        for &v in V::ALL {
            assert_eq!(V::parse(v.name()), Ok(v));
        }
    }

    #[test]
    fn vocabularies_read_back_their_names_and_nothing_else() {
        round_trips::<Status>();
        round_trips::<EntityType>();
        round_trips::<Method>();
        assert_eq!(
            <Status as Vocabulary>::parse("OK"),
            Err("\"OK\" is none of ok, skipped, error".into())
        );
        // The gazetteer's aliases are for lists, not for tables.
        assert!(<EntityType as Vocabulary>::parse("ORG").is_err());
        assert_eq!(<Option<EntityType> as Cell>::parse(""), Ok(None));
    }
}
