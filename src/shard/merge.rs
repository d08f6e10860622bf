//! `kutip merge`: the shards written by `kutip map` ([`super::map`](mod@super::map))
//! back into the four tables of `kutip extract`.
//!
//! Documents come out in the order of their [`Place`]: numbered input in
//! corpus order (file, then line), which is the order of `kutip extract`;
//! plain input by `doc_id`. An id used a second time is then renamed
//! `ID#2`, `ID#3`, ... in that order, exactly as one run renames.
//!
//! Memory: a shard whose documents already come in order (what an engine
//! writes for a contiguous piece of a numbered corpus) is streamed, so
//! merging holds one document per shard. A shard out of order is read
//! whole and sorted first, so it must fit in memory.

use super::format::{decode, Row};
use super::{Place, STDIN};
use crate::corpus::lines::{read_line, Line};
use crate::corpus::{list_inputs, Input};
use crate::error::{Error, Result};
use crate::pipeline::driver::{DuplicateIds, Summary, Tally};
use crate::tables::{DocOutput, TableSet};
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// Lists the shard files of the given SHARD arguments: files as given,
/// folders walked recursively in sorted order, skipping names starting with
/// `.` or `_` (Spark's and Hadoop's `_SUCCESS`, `.part-00000.crc`). `-` is
/// standard input.
pub fn shard_files(inputs: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let found = list_inputs(inputs, |name| name.starts_with(['.', '_']))?;
    Ok(found
        .into_iter()
        .map(|input| match input {
            Input::Stdin => PathBuf::from("-"),
            Input::File { path, .. } => path,
        })
        .collect())
}

/// One document of a shard, with its place.
struct Entry {
    place: Place,
    out: DocOutput,
}

/// Reads the documents of one shard in the order they were written.
struct ShardReader {
    name: String,
    reader: Box<dyn BufRead>,
    buf: Vec<u8>,
    line: usize,
    /// The document being read (its `documents` line came).
    current: Option<Entry>,
}

impl ShardReader {
    fn open(path: &Path) -> Result<ShardReader> {
        let name = if path.as_os_str() == "-" {
            STDIN.to_string()
        } else {
            path.to_string_lossy().replace('\\', "/")
        };
        let raw: Box<dyn Read> = if path.as_os_str() == "-" {
            Box::new(std::io::stdin())
        } else {
            Box::new(File::open(path).map_err(|e| Error::io(path, e))?)
        };
        let raw: Box<dyn Read> = if name.ends_with(".gz") {
            Box::new(flate2::read::MultiGzDecoder::new(BufReader::new(raw)))
        } else {
            raw
        };
        Ok(ShardReader {
            name,
            reader: Box::new(BufReader::with_capacity(1 << 16, raw)),
            buf: Vec::new(),
            line: 0,
            current: None,
        })
    }

    fn err(&self, message: String) -> Error {
        Error::Stream {
            file: self.name.clone(),
            line: self.line,
            message,
        }
    }

    /// The next whole document, checked: its rows name it, and the counts
    /// of its documents row match the rows that came.
    fn next_doc(&mut self) -> Result<Option<Entry>> {
        loop {
            self.line += 1;
            let read = read_line(&mut self.reader, &mut self.buf, usize::MAX)
                .map_err(|e| Error::io(&self.name, e))?;
            if read == Line::End {
                self.line -= 1;
                return match self.current.take() {
                    Some(e) => self.checked(e).map(Some),
                    None => Ok(None),
                };
            }
            if self.buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let row = decode(self.buf.trim_ascii()).map_err(|m| self.err(m))?;
            let doc_id = |c: &Option<Entry>| c.as_ref().map(|e| e.out.document.doc_id.clone());
            let belongs = |id: &str, c: &Option<Entry>| -> Result<()> {
                match doc_id(c) {
                    Some(d) if d == id => Ok(()),
                    Some(d) => {
                        Err(self.err(format!("a row of {id:?} after the documents row of {d:?}")))
                    }
                    None => Err(self.err(format!("a row of {id:?} before any documents row"))),
                }
            };
            match row {
                Row::Document {
                    row,
                    pos,
                    hash,
                    tables,
                } => {
                    let place = match pos {
                        Some((file, line)) => Place::Line { file, line },
                        None => Place::Content {
                            doc_id: row.doc_id.clone(),
                            hash: hash.unwrap_or_default(),
                        },
                    };
                    let next = Entry {
                        place,
                        out: DocOutput {
                            document: row,
                            tables,
                            ..DocOutput::default()
                        },
                    };
                    if let Some(done) = self.current.replace(next) {
                        return self.checked(done).map(Some);
                    }
                }
                Row::Mention(r) => {
                    belongs(&r.doc_id, &self.current)?;
                    if let Some(e) = &mut self.current {
                        e.out.mentions.push(r);
                    }
                }
                Row::Entity(r) => {
                    belongs(&r.doc_id, &self.current)?;
                    if let Some(e) = &mut self.current {
                        e.out.entities.push(r);
                    }
                }
                Row::Quote(r) => {
                    belongs(&r.doc_id, &self.current)?;
                    if let Some(e) = &mut self.current {
                        e.out.quotes.push(r);
                    }
                }
            }
        }
    }

    fn checked(&self, e: Entry) -> Result<Entry> {
        let (d, t) = (&e.out.document, e.out.tables);
        // What the documents row counts of each table the run wrote (a
        // table not written has no rows).
        let said = |written: bool, count: Option<usize>| match written {
            true => count.unwrap_or(0),
            false => 0,
        };
        let (mentions, quotes) = (said(t.mentions, d.mentions), said(t.quotes, d.quotes));
        if mentions != e.out.mentions.len() || quotes != e.out.quotes.len() {
            return Err(self.err(format!(
                "document {:?} says {} mentions and {} quotes, the shard has {} and {}: is it cut short?",
                d.doc_id,
                mentions,
                quotes,
                e.out.mentions.len(),
                e.out.quotes.len()
            )));
        }
        if !t.entities && !e.out.entities.is_empty() {
            return Err(self.err(format!(
                "document {:?} has entities rows, but its run made only {t}",
                d.doc_id
            )));
        }
        Ok(e)
    }
}

/// A shard's documents in place order.
enum Shard {
    Stream(Box<ShardReader>),
    Sorted(std::vec::IntoIter<Entry>),
}

impl Shard {
    fn next(&mut self) -> Result<Option<Entry>> {
        match self {
            Shard::Stream(r) => r.next_doc(),
            Shard::Sorted(it) => Ok(it.next()),
        }
    }
}

/// Opens a shard for merging: a first pass reads it through (checking every
/// line) to learn whether its documents are in order; if they are, it is
/// read again as a stream, otherwise it is kept in memory, sorted. Standard
/// input is always kept in memory.
fn open_shard(path: &Path) -> Result<Shard> {
    let mut r = ShardReader::open(path)?;
    if path.as_os_str() == "-" {
        return load_sorted(&mut r);
    }
    let mut last: Option<Place> = None;
    let mut in_order = true;
    while let Some(e) = r.next_doc()? {
        if last.as_ref().is_some_and(|l| *l > e.place) {
            in_order = false;
            break;
        }
        last = Some(e.place);
    }
    let mut r = ShardReader::open(path)?;
    if in_order {
        Ok(Shard::Stream(Box::new(r)))
    } else {
        load_sorted(&mut r)
    }
}

fn load_sorted(r: &mut ShardReader) -> Result<Shard> {
    let mut all = Vec::new();
    while let Some(e) = r.next_doc()? {
        all.push(e);
    }
    // Stable: documents of equal place keep their order.
    all.sort_by(|a, b| a.place.cmp(&b.place));
    Ok(Shard::Sorted(all.into_iter()))
}

/// Merges shards, handing each document's rows to `write` in place order,
/// with duplicate ids renamed as [`crate::pipeline::driver::run`] renames them. Equal
/// places (which only a corpus fed twice gives) keep the order of the
/// shards as listed.
///
/// Every document must come from runs of the same tables (`kutip map
/// --tables`; its rows carry the [`TableSet`] in `DocOutput::tables`):
/// merged, a table would hold the rows of some documents only, and
/// documents.csv mix "none found" with "not searched".
///
/// Errors: a shard that cannot be read, a line that `kutip map` did not
/// write, a document whose rows are missing (a shard cut short), shards of
/// runs of different tables, or the error of `write`.
pub fn merge(
    shards: &[PathBuf],
    mut write: impl FnMut(&DocOutput) -> Result<()>,
) -> Result<Summary> {
    let mut sources = Vec::with_capacity(shards.len());
    for path in shards {
        sources.push(open_shard(path)?);
    }
    let mut heads: Vec<Option<Entry>> = Vec::with_capacity(sources.len());
    let mut heap = BinaryHeap::new();
    for (i, s) in sources.iter_mut().enumerate() {
        let head = s.next()?;
        if let Some(e) = &head {
            heap.push(Reverse((e.place.clone(), i)));
        }
        heads.push(head);
    }
    let mut tally = Tally::new(DuplicateIds::Rename);
    // The tables of the first document merged, and its id and shard.
    let mut first: Option<(TableSet, String, usize)> = None;
    while let Some(Reverse((_, i))) = heap.pop() {
        let Entry { mut out, .. } = heads[i].take().expect("a head for each heap entry");
        match &first {
            None => first = Some((out.tables, out.document.doc_id.clone(), i)),
            Some((tables, id, shard)) if *tables != out.tables => {
                return Err(Error::Refused(format!(
                    "{} holds document {id:?} of a run of the tables {tables}, {} document {:?} of a run of {}: \
                     merge the shards of runs of the same --tables",
                    shards[*shard].display(),
                    shards[i].display(),
                    out.document.doc_id,
                    out.tables
                )))
            }
            Some(_) => {}
        }
        if let Some(e) = sources[i].next()? {
            heap.push(Reverse((e.place.clone(), i)));
            heads[i] = Some(e);
        }
        tally.admit(&mut out, 0);
        write(&out)?;
    }
    Ok(tally.finish())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shard::encode;

    fn doc(id: &str, mentions: usize) -> DocOutput {
        let mut out = DocOutput::default();
        out.document.doc_id = id.into();
        out.document.status = crate::tables::Status::Ok;
        out.document.mentions = Some(mentions);
        out.document.quotes = Some(0);
        for i in 0..mentions {
            out.mentions.push(crate::tables::MentionRow {
                doc_id: id.into(),
                start: i,
                ..Default::default()
            });
        }
        out
    }

    fn shard(dir: &Path, name: &str, docs: &[(&DocOutput, Place)]) -> PathBuf {
        let mut buf = Vec::new();
        for (d, p) in docs {
            encode(d, p, &mut buf).unwrap();
        }
        let p = dir.join(name);
        std::fs::write(&p, buf).unwrap();
        p
    }

    fn at(line: usize) -> Place {
        Place::Line {
            file: "c.jsonl".into(),
            line,
        }
    }

    fn ids(shards: &[PathBuf]) -> Result<Vec<String>> {
        let mut got = Vec::new();
        merge(shards, |o| {
            got.push(o.document.doc_id.clone());
            Ok(())
        })?;
        Ok(got)
    }

    #[test]
    fn shards_merge_in_place_order_and_duplicates_are_renamed() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b, c) = (doc("a", 2), doc("b", 0), doc("a", 1));
        // In order; out of order; a duplicate id across shards.
        let s1 = shard(dir.path(), "p1", &[(&a, at(1)), (&b, at(4))]);
        let s2 = shard(dir.path(), "p2", &[(&b, at(5)), (&c, at(2))]);
        assert_eq!(ids(&[s1, s2]).unwrap(), ["a", "a#2", "b", "b#2"]);
    }

    #[test]
    fn broken_shards_are_errors() {
        let dir = tempfile::tempdir().unwrap();
        let a = doc("a", 2);
        let good = shard(dir.path(), "good", &[(&a, at(1))]);
        let text = std::fs::read_to_string(&good).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        // (shard text, message part)
        let cases = [
            (lines[..2].join("\n"), "is it cut short?"),
            (lines[1..].join("\n"), "before any documents row"),
            (
                format!("{}\n{{\"table\":", lines[0]),
                "not a kutip map line",
            ),
            (
                text.replace("\"a\",\"start\":1", "\"b\",\"start\":1"),
                "a row of \"b\" after",
            ),
        ];
        for (body, message) in cases {
            let p = dir.path().join("bad");
            std::fs::write(&p, body).unwrap();
            let err = ids(&[p]).unwrap_err().to_string();
            assert!(err.contains(message), "{err}");
        }
    }

    #[test]
    fn folders_list_part_files_only() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["part-00001", "part-00000", "_SUCCESS", ".part-00000.crc"] {
            std::fs::write(dir.path().join(name), "").unwrap();
        }
        let files = shard_files(&[dir.path().to_path_buf()]).unwrap();
        let names: Vec<_> = files
            .iter()
            .map(|p| p.file_name().unwrap().to_owned())
            .collect();
        assert_eq!(names, ["part-00000", "part-00001"]);
    }
}
