//! The four output tables: their schema (one definition per table gives
//! the row struct, the header, the writer's cells in order and the reader
//! of `kutip report`; `kutip map`/`merge` carry the same structs as JSON),
//! the CSV writer, and the neutralization of formula-like cells.
//!
//! Modules depend in one direction: [`neutralize`](mod@neutralize) <- [`csv`] <- [`schema`]
//! <- [`writer`], [`reader`].

pub mod choice;
pub mod csv;
pub mod neutralize;
pub mod offsets;
pub mod reader;
pub mod schema;
pub mod vocab;
pub mod writer;
pub mod xlsx;

pub use choice::{TableSet, TABLE_NAMES};
pub use neutralize::{neutralize, unneutralize};
pub use offsets::CharOffsets;
pub use reader::for_each_row;
pub use schema::{
    DocOutput, DocumentRow, EntityRow, MentionRow, QuoteRow, Table, TableReader, Value, TABLES,
};
pub use vocab::{MentionMethod, Status};
pub use writer::{tables_not_written, OutputOptions, TableWriter};
pub use xlsx::XlsxWriter;
