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

/// Rows whose text cells can be made safe for spreadsheets.
pub trait Neutralize {
    /// Applies [`crate::output::neutralize`] to every text cell.
    fn neutralize(&mut self);
    /// Would [`Neutralize::neutralize`] change anything? (Rarely: it saves
    /// copying every row.)
    fn needs_neutralizing(&self) -> bool;
}

macro_rules! neutralize_fields {
    ($row:ty: $($field:ident),*) => {
        impl Neutralize for $row {
            fn neutralize(&mut self) {
                $(
                    if let std::borrow::Cow::Owned(s) = crate::output::neutralize(&self.$field) {
                        self.$field = s;
                    }
                )*
            }

            fn needs_neutralizing(&self) -> bool {
                false $(|| matches!(crate::output::neutralize(&self.$field), std::borrow::Cow::Owned(_)))*
            }
        }
    };
}

neutralize_fields!(DocumentRow: doc_id, source, title, lang, status, error);
neutralize_fields!(MentionRow: doc_id, surface, entity_id, entity);
neutralize_fields!(EntityRow: doc_id, entity_id, entity);
neutralize_fields!(QuoteRow: doc_id, text, speaker_id, speaker, speaker_surface, cue);

/// Maps byte offsets to character offsets, for offsets visited in
/// increasing order (it restarts when one goes back).
pub struct CharOffsets<'a> {
    text: &'a str,
    ascii: bool,
    byte: usize,
    chars: usize,
}

impl<'a> CharOffsets<'a> {
    pub fn new(text: &'a str) -> CharOffsets<'a> {
        CharOffsets {
            text,
            ascii: text.is_ascii(),
            byte: 0,
            chars: 0,
        }
    }

    /// The character offset of byte offset `byte` (a char boundary).
    pub fn get(&mut self, byte: usize) -> usize {
        if self.ascii {
            return byte;
        }
        if byte < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += self.text[self.byte..byte].chars().count();
        self.byte = byte;
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
    }
}
