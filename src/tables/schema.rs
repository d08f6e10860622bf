//! The schema of the output tables, once: each table is one `table!`
//! definition, which gives
//!
//! - the row struct (field order is column order; serde names are column
//!   names, so `kutip map`'s JSON rows carry the same names);
//! - [`Table::COLUMNS`], the header the writer writes;
//! - [`Table::write_csv`], the writer's cells in column order;
//! - [`Table::from_cells`], how `kutip report` reads a row back.
//!
//! Each column has a kind: `text` cells are free text, neutralized when
//! written and unneutralized when read ([`super::neutralize`](mod@super::neutralize)); `plain`
//! cells are fixed vocabularies or ids kutip makes, written as they are;
//! `num` cells are integers. A column's type says how it is written and
//! parsed ([`Cell`]).
//!
//! Offsets (`start`, `end`, `first_start`) count Unicode characters of the
//! document text, so that in Python `text[start:end] == surface`.

pub use super::choice::TableSet;
use super::csv::CsvOut;
use super::neutralize::{neutralize, unneutralize};
pub use super::vocab::{MentionMethod, Status};
use crate::gazetteer::EntityType;
use serde::{Deserialize, Serialize};
use std::io::{self, Write};

/// One output table.
pub trait Table: Sized {
    /// The table's name (`documents`), as `kutip map` labels its rows.
    const NAME: &'static str;
    /// Its file name (`documents.csv`).
    const FILE: &'static str;
    /// The header: column names in order.
    const COLUMNS: &'static [&'static str];

    /// Writes the row's cells and ends the record. `text` cells that a
    /// spreadsheet would evaluate are neutralized unless `raw`.
    fn write_csv<W: Write>(&self, w: &mut CsvOut<W>, raw: bool) -> io::Result<()>;

    /// Reads a row from its cells, given in [`Table::COLUMNS`] order
    /// (`None`: the table has no such column; the field gets its default).
    /// The error names the column and the bad cell.
    fn from_cells<'a>(cells: impl Iterator<Item = Option<&'a str>>) -> Result<Self, String>;

    /// Hands the row's values to `f` in column order, typed (the workbook
    /// writes numbers as numbers and text as text, never neutralized: a
    /// text cell of a workbook is never evaluated).
    fn for_each_value<E>(&self, f: impl FnMut(Value<'_>) -> Result<(), E>) -> Result<(), E>;
}

/// A cell's value, typed, as [`Table::for_each_value`] gives it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value<'a> {
    Text(&'a str),
    Number(usize),
}

/// A column type: how a value is written to a cell and parsed from one.
pub trait Cell: Sized {
    fn put<W: Write>(&self, w: &mut CsvOut<W>, num: &mut itoa::Buffer) -> io::Result<()>;
    fn parse(cell: &str) -> Result<Self, String>;
    /// The typed value of the cell (the text `put` writes, or a number).
    fn value(&self) -> Value<'_>;
}

impl Cell for String {
    #[inline]
    fn put<W: Write>(&self, w: &mut CsvOut<W>, _: &mut itoa::Buffer) -> io::Result<()> {
        w.cell(self.as_bytes())
    }
    fn parse(cell: &str) -> Result<Self, String> {
        Ok(cell.to_string())
    }
    fn value(&self) -> Value<'_> {
        Value::Text(self)
    }
}

/// A count that may not have been taken: empty when not (`quotes` of a run
/// that did not search quotes), a number (0 included) when it was.
impl Cell for Option<usize> {
    #[inline]
    fn put<W: Write>(&self, w: &mut CsvOut<W>, num: &mut itoa::Buffer) -> io::Result<()> {
        match self {
            Some(n) => n.put(w, num),
            None => {
                w.plain(b"");
                Ok(())
            }
        }
    }
    fn parse(cell: &str) -> Result<Self, String> {
        match cell {
            "" => Ok(None),
            c => usize::parse(c).map(Some),
        }
    }
    fn value(&self) -> Value<'_> {
        match self {
            Some(n) => Value::Number(*n),
            None => Value::Text(""),
        }
    }
}

impl Cell for usize {
    #[inline]
    fn put<W: Write>(&self, w: &mut CsvOut<W>, num: &mut itoa::Buffer) -> io::Result<()> {
        w.plain(num.format(*self).as_bytes());
        Ok(())
    }
    fn parse(cell: &str) -> Result<Self, String> {
        cell.parse()
            .map_err(|_| format!("{cell:?} is not a whole number"))
    }
    fn value(&self) -> Value<'_> {
        Value::Number(*self)
    }
}

/// Defines one table: its row struct and its [`Table`] impl, from one list
/// of `field: Type as "column" kind` lines in column order.
macro_rules! table {
    (
        $(#[$meta:meta])*
        $row:ident in $name:literal {
            $( $(#[$fmeta:meta])* $field:ident: $ty:ty as $col:literal $kind:ident, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
        pub struct $row {
            $( $(#[$fmeta])* #[serde(rename = $col)] pub $field: $ty, )*
        }

        impl Table for $row {
            const NAME: &'static str = $name;
            const FILE: &'static str = concat!($name, ".csv");
            const COLUMNS: &'static [&'static str] = &[$($col),*];

            fn write_csv<W: Write>(&self, w: &mut CsvOut<W>, raw: bool) -> io::Result<()> {
                let mut num = itoa::Buffer::new();
                $( put_cell!(w, num, raw, self.$field, $kind); )*
                w.end()
            }

            fn from_cells<'a>(
                mut cells: impl Iterator<Item = Option<&'a str>>,
            ) -> Result<Self, String> {
                Ok($row {
                    $( $field: match cells.next().flatten() {
                        Some(c) => read_cell!(c, $kind)
                            .map_err(|e| format!("column {}: {e}", $col))?,
                        None => Default::default(),
                    }, )*
                })
            }

            fn for_each_value<E>(
                &self,
                mut f: impl FnMut(Value<'_>) -> Result<(), E>,
            ) -> Result<(), E> {
                $( f(Cell::value(&self.$field))?; )*
                Ok(())
            }
        }
    };
}

macro_rules! put_cell {
    ($w:ident, $num:ident, $raw:ident, $v:expr, text) => {
        if $raw {
            $w.cell($v.as_bytes())?;
        } else {
            $w.cell(neutralize(&$v).as_bytes())?;
        }
    };
    ($w:ident, $num:ident, $raw:ident, $v:expr, $kind:ident) => {
        Cell::put(&$v, $w, &mut $num)?;
    };
}

macro_rules! read_cell {
    ($c:ident, text) => {
        Cell::parse(unneutralize($c))
    };
    ($c:ident, $kind:ident) => {
        Cell::parse($c)
    };
}

table! {
    /// `documents.csv`: one row per input document, whatever happened to it.
    DocumentRow in "documents" {
        doc_id: String as "doc_id" text,
        /// The file (or `FILE:LINE`) it was read from.
        source: String as "source" text,
        title: String as "title" text,
        /// `id`, `en`, or empty when unsure.
        lang: String as "lang" text,
        /// Characters of the text.
        chars: usize as "chars" num,
        /// Body paragraphs kept (the title, debris and repeats not counted).
        paragraphs: usize as "paragraphs" num,
        /// Body paragraphs dropped as verbatim repeats.
        repeated_paragraphs: usize as "repeated_paragraphs" num,
        /// Mentions found; `None` when the run did not search names
        /// (wrote neither mentions.csv nor entities.csv).
        mentions: Option<usize> as "mentions" num,
        /// Quotes found; `None` when the run did not search quotes.
        quotes: Option<usize> as "quotes" num,
        status: Status as "status" plain,
        /// Why it was skipped or failed; a warning for `ok` rows (lossy UTF-8).
        error: String as "error" text,
    }
}

table! {
    /// `mentions.csv`: one row per entity mention.
    MentionRow in "mentions" {
        doc_id: String as "doc_id" text,
        start: usize as "start" num,
        end: usize as "end" num,
        /// The words of the text.
        surface: String as "surface" text,
        entity_id: String as "entity_id" text,
        /// Canonical name.
        entity: String as "entity" text,
        kind: EntityType as "type" plain,
        /// 0 for the title, 1... for body paragraphs.
        paragraph: usize as "paragraph" num,
        method: MentionMethod as "method" plain,
    }
}

table! {
    /// `entities.csv`: one row per entity per document.
    EntityRow in "entities" {
        doc_id: String as "doc_id" text,
        entity_id: String as "entity_id" text,
        entity: String as "entity" text,
        kind: EntityType as "type" plain,
        /// Mentions in the document.
        mentions: usize as "mentions" num,
        /// Quotes attributed to it; `None` when the run did not search
        /// quotes.
        quotes: Option<usize> as "quotes" num,
        /// Offset of its first mention (or first quote, for a speaker never mentioned).
        first_start: usize as "first_start" num,
    }
}

table! {
    /// `quotes.csv`: one row per quote.
    QuoteRow in "quotes" {
        doc_id: String as "doc_id" text,
        /// `q1`, `q2`, ... in text order within the document.
        quote_id: String as "quote_id" plain,
        start: usize as "start" num,
        end: usize as "end" num,
        /// `direct`, `partial` or `indirect`.
        kind: String as "kind" plain,
        /// The quoted words (inside the marks for direct and partial quotes).
        text: String as "text" text,
        /// Gazetteer id of the speaker, empty when not listed or unknown.
        speaker_id: String as "speaker_id" text,
        /// Canonical or fullest name of the speaker, empty when unknown.
        speaker: String as "speaker" text,
        /// Empty when the speaker is unknown.
        #[serde(with = "super::vocab::optional_type")]
        speaker_type: Option<EntityType> as "speaker_type" plain,
        /// The words of the text that name the speaker (`Wang`, `dia`).
        speaker_surface: String as "speaker_surface" text,
        /// The reporting word (`jelas`, `said`, `menurut`).
        cue: String as "cue" text,
        /// The attribution rule that found the speaker.
        method: String as "method" plain,
        paragraph: usize as "paragraph" num,
    }
}

/// Everything one document produced.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocOutput {
    pub document: DocumentRow,
    pub mentions: Vec<MentionRow>,
    pub entities: Vec<EntityRow>,
    pub quotes: Vec<QuoteRow>,
    /// The tables the run writes (the rows of the others are empty).
    pub tables: TableSet,
}

/// The table file names, in writing order.
pub const TABLES: [&str; 4] = [
    DocumentRow::FILE,
    MentionRow::FILE,
    EntityRow::FILE,
    QuoteRow::FILE,
];

/// Reads the rows of a table written by [`super::TableWriter`] (or cut
/// down by hand): columns are found by name, in any order; extra columns
/// are ignored, and columns the reader does not require may be missing
/// (they read as empty or 0).
pub struct TableReader<T: Table> {
    /// For each of `T::COLUMNS`, its index in the file's header.
    positions: Vec<Option<usize>>,
    _row: std::marker::PhantomData<T>,
}

impl<T: Table> TableReader<T> {
    /// The reader of a table with this header; an error names the first
    /// `required` column it lacks.
    pub fn new<'a>(
        header: impl IntoIterator<Item = &'a str>,
        required: &[&str],
    ) -> Result<TableReader<T>, String> {
        let header: Vec<&str> = header.into_iter().collect();
        if let Some(missing) = required.iter().find(|c| !header.contains(c)) {
            return Err(format!("no column {missing:?}"));
        }
        Ok(TableReader {
            positions: T::COLUMNS
                .iter()
                .map(|c| header.iter().position(|h| h == c))
                .collect(),
            _row: std::marker::PhantomData,
        })
    }

    /// One row from the cells of a record.
    pub fn row<'a>(&self, cells: impl Fn(usize) -> Option<&'a str>) -> Result<T, String> {
        T::from_cells(self.positions.iter().map(|p| p.and_then(&cells)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn csv_writer(headers: bool) -> ::csv::Writer<Vec<u8>> {
        ::csv::WriterBuilder::new()
            .has_headers(headers)
            .terminator(::csv::Terminator::CRLF)
            .from_writer(Vec::new())
    }

    /// The bytes written by `Table` and by the csv crate's serde, for one
    /// row, each after its header.
    fn both<T: Table + Serialize>(row: &T) -> (String, String) {
        let mut fast = CsvOut::new(Vec::new());
        fast.record(T::COLUMNS).unwrap();
        row.write_csv(&mut fast, true).unwrap();
        let mut slow = csv_writer(true);
        slow.serialize(row).unwrap();
        (
            String::from_utf8(fast.into_inner().unwrap()).unwrap(),
            String::from_utf8(slow.into_inner().unwrap()).unwrap(),
        )
    }

    fn odd() -> String {
        "a, \"b\"\r\nc =d ’".to_string()
    }

    fn rows() -> (DocumentRow, MentionRow, EntityRow, QuoteRow) {
        let odd = odd();
        let doc = DocumentRow {
            doc_id: odd.clone(),
            source: "x.txt:3".into(),
            title: String::new(),
            lang: "id".into(),
            chars: 12_345,
            paragraphs: 0,
            repeated_paragraphs: usize::MAX,
            mentions: Some(7),
            quotes: None,
            status: Status::Ok,
            error: odd.clone(),
        };
        let mention = MentionRow {
            doc_id: odd.clone(),
            start: 1,
            end: 22,
            surface: odd.clone(),
            entity_id: "Q1".into(),
            entity: "Wang Yi".into(),
            kind: EntityType::Person,
            paragraph: 3,
            method: MentionMethod::ShortForm,
        };
        let entity = EntityRow {
            doc_id: "d".into(),
            entity_id: String::new(),
            entity: odd.clone(),
            kind: EntityType::Organization,
            mentions: 0,
            quotes: Some(2),
            first_start: 99,
        };
        let quote = QuoteRow {
            doc_id: "d".into(),
            quote_id: "q1".into(),
            start: 5,
            end: 50,
            kind: "direct".into(),
            text: odd.clone(),
            speaker_id: String::new(),
            speaker: "Retno".into(),
            speaker_type: Some(EntityType::Person),
            speaker_surface: "dia".into(),
            cue: "katanya".into(),
            method: "last-speaker".into(),
            paragraph: 2,
        };
        (doc, mention, entity, quote)
    }

    #[test]
    fn tables_write_what_serde_writes_header_included() {
        let (doc, mention, entity, quote) = rows();
        let (a, b) = both(&doc);
        assert_eq!(a, b);
        let (a, b) = both(&mention);
        assert_eq!(a, b);
        let (a, b) = both(&entity);
        assert_eq!(a, b);
        let (a, b) = both(&quote);
        assert_eq!(a, b);
    }

    #[test]
    fn tables_neutralize_text_cells_only() {
        let row = MentionRow {
            doc_id: "=cmd".into(),
            surface: "@Wang".into(),
            kind: EntityType::Person,
            method: MentionMethod::Gazetteer,
            ..MentionRow::default()
        };
        let mut w = CsvOut::new(Vec::new());
        row.write_csv(&mut w, false).unwrap();
        let out = String::from_utf8(w.into_inner().unwrap()).unwrap();
        assert_eq!(out, "'=cmd,0,0,'@Wang,,,PERSON,0,gazetteer\r\n");
    }

    /// Writes `row` (neutralized), reads it back through a header in
    /// reverse column order.
    fn read_back<T: Table>(row: &T) -> T {
        let mut w = CsvOut::new(Vec::new());
        row.write_csv(&mut w, false).unwrap();
        let bytes = w.into_inner().unwrap();
        let mut r = ::csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(&bytes[..]);
        let record = r.records().next().unwrap().unwrap();
        let n = T::COLUMNS.len();
        let reader = TableReader::<T>::new(T::COLUMNS.iter().rev().copied(), T::COLUMNS).unwrap();
        reader.row(|i| record.get(n - 1 - i)).unwrap()
    }

    #[test]
    fn rows_read_back_as_written() {
        let (mut doc, mention, entity, quote) = rows();
        doc.title = "=1+1".into();
        assert_eq!(read_back(&doc), doc);
        assert_eq!(read_back(&mention), mention);
        assert_eq!(read_back(&entity), entity);
        assert_eq!(read_back(&quote), quote);
    }

    #[test]
    fn reading_finds_columns_by_name_and_says_which_cell_is_bad() {
        let header = ["status", "extra", "mentions"];
        let err = TableReader::<DocumentRow>::new(header, &["status", "quotes"]).err();
        assert_eq!(err.as_deref(), Some("no column \"quotes\""));
        let reader = TableReader::<DocumentRow>::new(header, &["status"]).unwrap();
        let cells = ["ok", "x", "3"];
        let row = reader.row(|i| cells.get(i).copied()).unwrap();
        assert_eq!(
            (row.status, row.mentions, row.chars),
            (Status::Ok, Some(3), 0)
        );
        let cells = ["ok", "x", "three"];
        let err = reader.row(|i| cells.get(i).copied()).unwrap_err();
        assert_eq!(err, "column mentions: \"three\" is not a whole number");
    }
}
