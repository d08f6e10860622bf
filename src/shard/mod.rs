//! Shards: the streaming form of a run, for cluster engines (Spark, Hadoop
//! Streaming). `kutip map` ([`map`](mod@map)) reads JSON Lines records and writes the
//! rows of all four tables as JSON Lines ([`format`](mod@format)); `kutip merge`
//! ([`merge`](mod@merge)) turns those lines back into the CSV tables of `kutip
//! extract`.
//!
//! # Input of `map`
//!
//! One record a line, as in a `.jsonl` file (`{"id", "text", "title"}`,
//! only `text` required). Two ways to say where a record comes from:
//!
//! - plain (default): the line is the record. Its position in the corpus is
//!   unknown (an engine splits the input as it likes), so nothing in the
//!   rows may depend on it: a record without `id` gets the id
//!   `fnv1a64:` + 16 hex digits of the [FNV-1a](crate::corpus::lines::fnv1a64) hash of its text
//!   (of the whole line, trimmed, when it has no text), and `source` is
//!   `stdin`;
//! - numbered (`--numbered`): the line is `FILE:LINE`, a tab, then the
//!   record, where `FILE:LINE` is the record's place in the corpus (LINE
//!   counts every line of FILE from 1, blank ones too). The rows are then
//!   exactly those `kutip extract FILE` writes for that line, and
//!   `kutip merge` puts documents back in corpus order.
//!
//! # Output of `map`
//!
//! Each document gives one line for its `documents` row, then one line per
//! row of the other tables, in table order:
//!
//! ```text
//! {"table":"documents","pos":"wire.jsonl:1","row":{"doc_id":"wire-001",...}}
//! {"table":"mentions","row":{"doc_id":"wire-001","start":0,...}}
//! ```
//!
//! A `documents` line carries the document's place: `pos` (numbered input)
//! or `hash` (plain input: FNV-1a of the trimmed line, 16 hex digits). Rows
//! are the CSV rows, cells as they are (merge neutralizes them, unless
//! `--raw`). JSON escapes line breaks, and this format also escapes
//! U+0085, U+2028 and U+2029, so a row never spans two lines whatever the
//! engine takes for a line end.

pub mod format;
pub mod map;
pub mod merge;

pub use format::{decode, encode, Row};
pub use map::{content_id, map, map_record, MapOptions, MapRecord};
pub use merge::{merge, shard_files};

use std::cmp::Ordering;
use std::path::Path;

/// The `source` of plain records, and the name of standard input in messages.
pub const STDIN: &str = "stdin";

/// Where a document comes from, as `kutip map` knows it; the order of
/// documents in merged tables.
///
/// Positions sort first, by file (path components) then line; then
/// documents of plain input, by `doc_id`, then line hash (so that equal ids
/// come in a fixed order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// `FILE:LINE` given with the record (`--numbered`).
    Line { file: String, line: usize },
    /// Plain input: the record's `doc_id` and the hash of its trimmed line.
    Content { doc_id: String, hash: u64 },
}

impl Ord for Place {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self, other) {
            (Place::Line { file: f, line: l }, Place::Line { file: g, line: m }) => Path::new(f)
                .cmp(Path::new(g))
                .then_with(|| f.cmp(g))
                .then(l.cmp(m)),
            (Place::Line { .. }, Place::Content { .. }) => Ordering::Less,
            (Place::Content { .. }, Place::Line { .. }) => Ordering::Greater,
            (Place::Content { doc_id: a, hash: h }, Place::Content { doc_id: b, hash: k }) => {
                a.cmp(b).then(h.cmp(k))
            }
        }
    }
}

impl PartialOrd for Place {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_sort_by_position_then_by_id() {
        let l = |f: &str, n| Place::Line {
            file: f.into(),
            line: n,
        };
        let c = |id: &str, h| Place::Content {
            doc_id: id.into(),
            hash: h,
        };
        let mut v = vec![
            c("b", 1),
            c("a", 9),
            l("b.jsonl", 1),
            l("a.jsonl", 10),
            l("a.jsonl", 9),
            c("a", 2),
            l("a-b/x.jsonl", 1),
            l("a/x.jsonl", 1),
        ];
        v.sort();
        assert_eq!(
            v,
            [
                l("a/x.jsonl", 1),
                l("a-b/x.jsonl", 1),
                l("a.jsonl", 9),
                l("a.jsonl", 10),
                l("b.jsonl", 1),
                c("a", 2),
                c("a", 9),
                c("b", 1)
            ]
        );
    }
}
