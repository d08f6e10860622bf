//! The fixed vocabularies of the tables: each an enum, written and read
//! (CSV cells, `kutip map`'s JSON) by its table name and nothing else.
//!
//! [`Status`] and [`MentionMethod`] are the tables' own (a column's
//! vocabulary is the union of what the stages that fill it produce); entity
//! types ([`EntityType`]) belong to the gazetteer, and get their cell and
//! serde forms here.

use super::csv::CsvOut;
use super::schema::{Cell, Value};
use crate::gazetteer::EntityType;
use crate::mentions::resolve::Method;
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

/// How a mention was found (`mentions.csv` `method`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MentionMethod {
    /// A name of a list.
    #[default]
    Gazetteer,
    /// An acronym defined in the document, or the long name of a listed acronym.
    Acronym,
    /// A part of a person's name that appeared in full in the document.
    ShortForm,
    /// A country's demonym (`Chinese troops`).
    Demonym,
    /// A listed office holder named by a title and a short name (`Presiden Xi`).
    Title,
    /// A name no list holds, found by the learned tagger.
    Model,
}

impl MentionMethod {
    pub fn as_str(self) -> &'static str {
        match self {
            MentionMethod::Gazetteer => "gazetteer",
            MentionMethod::Acronym => "acronym",
            MentionMethod::ShortForm => "short-form",
            MentionMethod::Demonym => "demonym",
            MentionMethod::Title => "title",
            MentionMethod::Model => "model",
        }
    }
}

/// Each linking rule of [`crate::mentions::resolve`] is a method of the column.
impl From<Method> for MentionMethod {
    fn from(m: Method) -> MentionMethod {
        match m {
            Method::Gazetteer => MentionMethod::Gazetteer,
            Method::Acronym => MentionMethod::Acronym,
            Method::ShortForm => MentionMethod::ShortForm,
            Method::Demonym => MentionMethod::Demonym,
            Method::Title => MentionMethod::Title,
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
                w.plain(self.name().as_bytes());
                Ok(())
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
vocabulary!(MentionMethod: Gazetteer, Acronym, ShortForm, Demonym, Title, Model);

/// Rows derive `Default` (tests build them field by field); a default
/// entity type means nothing and is never written by the pipeline.
impl Default for EntityType {
    fn default() -> Self {
        EntityType::Person
    }
}

/// An entity type that may be unknown (`quotes.csv` `speaker_type` of a
/// quote without speaker): an empty cell.
impl Cell for Option<EntityType> {
    #[inline]
    fn put<W: Write>(&self, w: &mut CsvOut<W>, _: &mut itoa::Buffer) -> io::Result<()> {
        w.plain(self.map_or("", |t| t.name()).as_bytes());
        Ok(())
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
        round_trips::<MentionMethod>();
        assert_eq!(
            <Status as Vocabulary>::parse("OK"),
            Err("\"OK\" is none of ok, skipped, error".into())
        );
        // The gazetteer's aliases are for lists, not for tables.
        assert!(<EntityType as Vocabulary>::parse("ORG").is_err());
        assert_eq!(<Option<EntityType> as Cell>::parse(""), Ok(None));
    }
}
