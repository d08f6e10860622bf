//! Input: finds the documents of a corpus and reads them, one at a time.
//!
//! - a `.txt` file is one document; its `doc_id` is its path relative to the
//!   folder given on the command line (or the path as given, for a file);
//! - a `.jsonl` file holds one JSON object per line,
//!   `{"id": ..., "text": ..., "title": ...}`, only `text` required; its
//!   `doc_id` is `id`, or `FILE:LINE` when there is none;
//! - `.txt.gz` and `.jsonl.gz` are read the same way, decompressed;
//! - `-` is JSON Lines on standard input, named `stdin` in tables.
//!
//! Folders are walked recursively in sorted order; hidden entries and files
//! of other types are skipped. Reading never stops at a bad document: it
//! yields a [`Record::Failed`] for it and goes on.
//!
//! [`walk`] lists the files of INPUT arguments (the one walker, shared with
//! `kutip merge`'s shard folders); [`read`] turns a file into records;
//! [`lines`] reads JSON Lines input of any line length.

pub mod lines;
pub mod read;
pub mod walk;

pub(crate) use read::too_large;
pub use read::{json_record, text_record, MAX_DOC_BYTES};
pub use walk::{list_inputs, Input};

use crate::document::Document;
use crate::error::Result;
use crate::tables::Status;
use std::path::{Path, PathBuf};

/// The format of an input file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    JsonLines,
}

/// One input file (or standard input).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// Where to read; `None` is standard input.
    pub path: Option<PathBuf>,
    /// How it is named in tables (relative to its INPUT).
    pub name: String,
    pub format: Format,
    pub gzip: bool,
}

impl Source {
    /// The file's size in bytes (compressed size for `.gz`); 0 for stdin.
    pub fn size(&self) -> u64 {
        self.path
            .as_ref()
            .and_then(|p| std::fs::metadata(p).ok())
            .map_or(0, |m| m.len())
    }
}

/// What reading produced for one document.
#[derive(Debug, Clone)]
pub enum Record {
    /// A document to process.
    Doc(Document),
    /// A document that could not be read: it still gets its row.
    Failed {
        id: String,
        source: String,
        /// [`Status::Skipped`] (not a document: binary, empty) or [`Status::Error`].
        status: Status,
        reason: String,
    },
}

/// Lists the documents' files of the given INPUT arguments, in order:
/// hidden entries are skipped, and in folders files of other types than
/// `.txt` and `.jsonl` (gzipped or not).
pub fn discover(inputs: &[PathBuf]) -> Result<Vec<Source>> {
    Ok(discover_all(inputs)?.sources)
}

/// What the INPUT arguments hold: the files read, and those left out.
#[derive(Debug, Clone, Default)]
pub struct Discovered {
    pub sources: Vec<Source>,
    /// Files found in folders that are not of a format read (`.md`,
    /// `.html`, ...), as the tables would name them, in walk order.
    pub skipped: Vec<String>,
}

/// The formats read, for messages and help.
pub const FORMATS_READ: &str = ".txt, .jsonl, .ndjson (and their .gz)";

/// As [`discover`], also listing the files of other formats left out.
pub fn discover_all(inputs: &[PathBuf]) -> Result<Discovered> {
    let found = list_inputs(inputs, |name| name.starts_with('.'))?;
    let mut out = Discovered::default();
    for input in found {
        match input {
            Input::Stdin => out.sources.push(Source {
                path: None,
                name: "stdin".into(),
                format: Format::JsonLines,
                gzip: false,
            }),
            Input::File { path, name, given } => match source_for(&path, name.clone(), given) {
                Some(source) => out.sources.push(source),
                None => out.skipped.push(name),
            },
        }
    }
    Ok(out)
}

/// The format of a file from its name; `explicit` files of unknown type are text.
fn source_for(path: &Path, name: String, explicit: bool) -> Option<Source> {
    let lower = name.to_lowercase();
    let (stem, gzip) = match lower.strip_suffix(".gz") {
        Some(s) => (s.to_string(), true),
        None => (lower, false),
    };
    let format = if stem.ends_with(".jsonl") || stem.ends_with(".ndjson") {
        Format::JsonLines
    } else if stem.ends_with(".txt") || explicit {
        Format::Text
    } else {
        return None;
    };
    Some(Source {
        path: Some(path.to_path_buf()),
        name,
        format,
        gzip,
    })
}
