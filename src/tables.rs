//! The rows of the output tables. Each struct is its CSV schema: field order
//! is column order, field names are column names.
//!
//! Offsets (`start`, `end`, `first_start`) count Unicode characters of the
//! document text, so that in Python `text[start:end] == surface`.

use serde::{Deserialize, Serialize};

/// `documents.csv`: one row per input document, whatever happened to it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentRow {
    pub doc_id: String,
    /// The file (or `FILE:LINE`) it was read from.
    pub source: String,
    pub title: String,
    /// `id`, `en`, or empty when unsure.
    pub lang: String,
    /// Characters of the text.
    pub chars: usize,
    /// Body paragraphs kept (the title, debris and repeats not counted).
    pub paragraphs: usize,
    /// Body paragraphs dropped as verbatim repeats.
    pub repeated_paragraphs: usize,
    pub mentions: usize,
    pub quotes: usize,
    /// `ok`, `skipped` or `error`.
    pub status: String,
    /// Why it was skipped or failed; a warning for `ok` rows (lossy UTF-8).
    pub error: String,
}

/// `mentions.csv`: one row per entity mention.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentionRow {
    pub doc_id: String,
    pub start: usize,
    pub end: usize,
    /// The words of the text.
    pub surface: String,
    pub entity_id: String,
    /// Canonical name.
    pub entity: String,
    /// `PERSON`, `ORGANIZATION`, `COUNTRY` or `LOCATION`.
    #[serde(rename = "type")]
    pub kind: String,
    /// 0 for the title, 1... for body paragraphs.
    pub paragraph: usize,
    /// `gazetteer`, `acronym` or `short-form`.
    pub method: String,
}

/// `entities.csv`: one row per entity per document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityRow {
    pub doc_id: String,
    pub entity_id: String,
    pub entity: String,
    #[serde(rename = "type")]
    pub kind: String,
    /// Mentions in the document.
    pub mentions: usize,
    /// Quotes attributed to it.
    pub quotes: usize,
    /// Offset of its first mention (or first quote, for a speaker never mentioned).
    pub first_start: usize,
}

/// `quotes.csv`: one row per quote.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteRow {
    pub doc_id: String,
    /// `q1`, `q2`, ... in text order within the document.
    pub quote_id: String,
    pub start: usize,
    pub end: usize,
    /// `direct`, `partial` or `indirect`.
    pub kind: String,
    /// The quoted words (inside the marks for direct and partial quotes).
    pub text: String,
    /// Gazetteer id of the speaker, empty when not listed or unknown.
    pub speaker_id: String,
    /// Canonical or fullest name of the speaker, empty when unknown.
    pub speaker: String,
    pub speaker_type: String,
    /// The words of the text that name the speaker (`Wang`, `dia`).
    pub speaker_surface: String,
    /// The reporting word (`jelas`, `said`, `menurut`).
    pub cue: String,
    /// The attribution rule that found the speaker.
    pub method: String,
    pub paragraph: usize,
}

/// Everything one document produced.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocOutput {
    pub document: DocumentRow,
    pub mentions: Vec<MentionRow>,
    pub entities: Vec<EntityRow>,
    pub quotes: Vec<QuoteRow>,
}

/// The table file names, in writing order.
pub const TABLES: [&str; 4] = [
    "documents.csv",
    "mentions.csv",
    "entities.csv",
    "quotes.csv",
];

/// A row that writes its own cells, in column order: the hot path of
/// writing tables (serde costs several times more per cell).
pub trait CsvRow {
    /// Writes the row's cells and ends the record. Text cells that a
    /// spreadsheet would evaluate get [`crate::output::neutralize`]d unless
    /// `raw`.
    fn write_csv<W: std::io::Write>(
        &self,
        w: &mut crate::output::CsvOut<W>,
        raw: bool,
    ) -> std::io::Result<()>;
}

/// `CsvRow` for a row: each field with its kind, in column order. `text`
/// cells are neutralized, `plain` ones (fixed vocabularies) are not, `num`
/// cells are integers.
macro_rules! csv_row {
    ($row:ty: $($field:ident $kind:ident),* $(,)?) => {
        impl CsvRow for $row {
            fn write_csv<W: std::io::Write>(
                &self,
                w: &mut crate::output::CsvOut<W>,
                raw: bool,
            ) -> std::io::Result<()> {
                let mut num = itoa::Buffer::new();
                $( csv_cell!(w, num, raw, self.$field, $kind); )*
                w.end()
            }
        }
    };
}

macro_rules! csv_cell {
    ($w:ident, $num:ident, $raw:ident, $v:expr, text) => {
        if $raw {
            $w.cell($v.as_bytes())?;
        } else {
            $w.cell(crate::output::neutralize(&$v).as_bytes())?;
        }
    };
    ($w:ident, $num:ident, $raw:ident, $v:expr, plain) => {
        $w.cell($v.as_bytes())?;
    };
    ($w:ident, $num:ident, $raw:ident, $v:expr, num) => {
        $w.cell($num.format($v).as_bytes())?;
    };
}

csv_row!(DocumentRow: doc_id text, source text, title text, lang text, chars num,
    paragraphs num, repeated_paragraphs num, mentions num, quotes num, status text, error text);
csv_row!(MentionRow: doc_id text, start num, end num, surface text, entity_id text, entity text,
    kind plain, paragraph num, method plain);
csv_row!(EntityRow: doc_id text, entity_id text, entity text, kind plain, mentions num,
    quotes num, first_start num);
csv_row!(QuoteRow: doc_id text, quote_id plain, start num, end num, kind plain, text text,
    speaker_id text, speaker text, speaker_type plain, speaker_surface text, cue text,
    method plain, paragraph num);

/// Maps byte offsets to character offsets, for offsets visited in
/// increasing order (it restarts when one goes back).
pub struct CharOffsets<'a> {
    text: &'a str,
    ascii: bool,
    byte: usize,
    chars: usize,
    /// (byte, chars) of every offset asked for, in byte order: going back
    /// restarts from the nearest one, not from the start of the text.
    marks: Vec<(usize, usize)>,
}

impl<'a> CharOffsets<'a> {
    pub fn new(text: &'a str) -> CharOffsets<'a> {
        CharOffsets {
            text,
            ascii: text.is_ascii(),
            byte: 0,
            chars: 0,
            marks: vec![(0, 0)],
        }
    }

    /// The character offset of byte offset `byte` (a char boundary).
    pub fn get(&mut self, byte: usize) -> usize {
        if self.ascii {
            return byte;
        }
        if byte < self.byte {
            let i = self.marks.partition_point(|m| m.0 <= byte) - 1;
            (self.byte, self.chars) = self.marks[i];
        }
        self.chars += self.text[self.byte..byte].chars().count();
        self.byte = byte;
        if self.marks.last().is_some_and(|m| m.0 < byte) {
            self.marks.push((byte, self.chars));
        }
        self.chars
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_count_characters() {
        let text = "“Tiongkok” dan Rusia";
        let mut c = CharOffsets::new(text);
        let b = text.find("Rusia").unwrap();
        assert_eq!(c.get(3), 1);
        assert_eq!(c.get(b), 15);
        assert_eq!(c.get(3), 1);
        assert_eq!(c.get(b + 2), 17);
        assert_eq!(c.get(b), 15);
        assert_eq!(c.get(0), 0);
        assert_eq!(c.get(text.len()), text.chars().count());
    }

    fn csv_writer() -> csv::Writer<Vec<u8>> {
        csv::WriterBuilder::new()
            .has_headers(false)
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::new())
    }

    /// The cells written by `CsvRow` and by the csv crate's serde, for one row.
    fn both<T: CsvRow + Serialize>(row: &T) -> (String, String) {
        let mut fast = crate::output::CsvOut::new(Vec::new());
        row.write_csv(&mut fast, true).unwrap();
        let mut slow = csv_writer();
        slow.serialize(row).unwrap();
        (
            String::from_utf8(fast.into_inner()).unwrap(),
            String::from_utf8(slow.into_inner().unwrap()).unwrap(),
        )
    }

    #[test]
    fn csv_rows_write_what_serde_writes() {
        let odd = "a, \"b\"\r\nc =d ’".to_string();
        let doc = DocumentRow {
            doc_id: odd.clone(),
            source: "x.txt:3".into(),
            title: String::new(),
            lang: "id".into(),
            chars: 12_345,
            paragraphs: 0,
            repeated_paragraphs: usize::MAX,
            mentions: 7,
            quotes: 1,
            status: "ok".into(),
            error: odd.clone(),
        };
        let mention = MentionRow {
            doc_id: odd.clone(),
            start: 1,
            end: 22,
            surface: odd.clone(),
            entity_id: "Q1".into(),
            entity: "Wang Yi".into(),
            kind: "PERSON".into(),
            paragraph: 3,
            method: "short-form".into(),
        };
        let entity = EntityRow {
            doc_id: "d".into(),
            entity_id: String::new(),
            entity: odd.clone(),
            kind: "ORGANIZATION".into(),
            mentions: 0,
            quotes: 2,
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
            speaker_type: "PERSON".into(),
            speaker_surface: "dia".into(),
            cue: "katanya".into(),
            method: "enclitic".into(),
            paragraph: 2,
        };
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
    fn csv_rows_neutralize_text_cells_only() {
        let row = MentionRow {
            doc_id: "=cmd".into(),
            surface: "@Wang".into(),
            kind: "PERSON".into(),
            method: "gazetteer".into(),
            ..MentionRow::default()
        };
        let mut w = crate::output::CsvOut::new(Vec::new());
        row.write_csv(&mut w, false).unwrap();
        let out = String::from_utf8(w.into_inner()).unwrap();
        assert_eq!(out, "'=cmd,0,0,'@Wang,,,PERSON,0,gazetteer\r\n");
    }
}
