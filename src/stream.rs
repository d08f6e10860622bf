//! The streaming form of a run, for cluster engines (Spark, Hadoop
//! Streaming): `kutip map` reads JSON Lines records and writes the rows of
//! all four tables as JSON Lines; `kutip merge` ([`crate::merge`]) turns
//! those lines back into the CSV tables of `kutip extract`.
//!
//! # Input of `map`
//!
//! One record a line, as in a `.jsonl` file (`{"id", "text", "title"}`,
//! only `text` required). Two ways to say where a record comes from:
//!
//! - plain (default): the line is the record. Its position in the corpus is
//!   unknown (an engine splits the input as it likes), so nothing in the
//!   rows may depend on it: a record without `id` gets the id
//!   `fnv1a64:` + 16 hex digits of the [FNV-1a](fnv1a64) hash of its text
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

use crate::error::{Error, Result};
use crate::input::{json_record, Record, MAX_DOC_BYTES};
use crate::pipeline::driver::{drive, BatchLimits, DuplicateIds, Summary};
use crate::pipeline::Pipeline;
use crate::tables::{DocOutput, DocumentRow, EntityRow, MentionRow, QuoteRow, Status, Table};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::io::{BufRead, Write};
use std::path::Path;

/// The 64-bit FNV-1a hash (offset basis `0xcbf29ce484222325`, prime
/// `0x100000001b3`): small, stable across versions and machines.
///
/// ```
/// use kutip::stream::fnv1a64;
/// assert_eq!(fnv1a64(b""), 0xcbf29ce484222325);
/// assert_eq!(fnv1a64(b"a"), 0xaf63dc4c8601ec8c);
/// ```
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h = Fnv::new();
    h.write(bytes);
    h.0
}

/// FNV-1a, fed piece by piece.
#[derive(Debug, Clone, Copy)]
struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// The id `kutip map` gives a record without `id`: `fnv1a64:` and the hash
/// of its text in 16 hex digits.
///
/// ```
/// assert_eq!(kutip::stream::content_id("a"), "fnv1a64:af63dc4c8601ec8c");
/// ```
pub fn content_id(text: &str) -> String {
    format!("fnv1a64:{:016x}", fnv1a64(text.as_bytes()))
}

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

/// One input line of `kutip map`, read.
#[derive(Debug, Clone)]
pub struct MapRecord {
    pub record: Record,
    /// Set for numbered input; plain input's place is known once processed.
    pub pos: Option<(String, usize)>,
    /// FNV-1a of the trimmed line (the record part, for numbered input).
    pub hash: u64,
}

/// The `source` of plain records, and the name of standard input in messages.
pub const STDIN: &str = "stdin";

/// Stands for file and line when parsing plain records; replaced afterwards.
const UNKNOWN: &str = "\u{0}kutip-map-unknown";

/// Reads one input line of `kutip map` (without or with its line end).
/// `Ok(None)` for a blank line, which is no record (as in a `.jsonl` file).
/// `too_long` says that the line was longer than [`MAX_DOC_BYTES`] and cut
/// (`line` is then its beginning, `hash` the hash of all of it, trimmed).
///
/// A bad record is not an error: it is a [`Record::Failed`], which becomes
/// a documents row. The error is a numbered line without `FILE:LINE` and a
/// tab, which means the engine job is wrong, not the data.
///
/// ```
/// use kutip::input::Record;
/// use kutip::stream::map_record;
/// let r = map_record(b"{\"text\": \"Hi\"}\n", false, None).unwrap().unwrap();
/// let Record::Doc(d) = r.record else { panic!() };
/// assert_eq!((d.id.as_str(), d.source.as_str()), ("fnv1a64:09275f07b5bb95ba", "stdin"));
/// let r = map_record(b"a.jsonl:7\t{\"text\": \"Hi\"}\n", true, None).unwrap().unwrap();
/// let Record::Doc(d) = r.record else { panic!() };
/// assert_eq!((d.id.as_str(), d.source.as_str()), ("a.jsonl:7", "a.jsonl:7"));
/// ```
pub fn map_record(line: &[u8], numbered: bool, too_long: Option<u64>) -> Result<Option<MapRecord>> {
    if numbered {
        let bad = |message: &str| Error::Stream {
            file: STDIN.into(),
            line: 0,
            message: format!("--numbered: {message}: {:?}", preview(line)),
        };
        let tab = line
            .iter()
            .position(|&b| b == b'\t')
            .ok_or_else(|| bad("no tab after FILE:LINE"))?;
        let head = std::str::from_utf8(&line[..tab]).map_err(|_| bad("FILE:LINE is not UTF-8"))?;
        let (file, n) = head
            .rsplit_once(':')
            .and_then(|(f, n)| Some((f, n.parse::<usize>().ok()?)))
            .filter(|(f, n)| !f.is_empty() && *n > 0)
            .ok_or_else(|| bad("the line does not start with FILE:LINE"))?;
        let body = &line[tab + 1..];
        if too_long.is_none() && body.iter().all(u8::is_ascii_whitespace) {
            return Ok(None);
        }
        let hash = too_long.unwrap_or_else(|| fnv1a64(body.trim_ascii()));
        let record = if too_long.is_some() || body.len() > MAX_DOC_BYTES {
            let here = format!("{file}:{n}");
            Record::Failed {
                id: here.clone(),
                source: here.clone(),
                status: Status::Skipped,
                reason: format!("{here}: {}", too_large()),
            }
        } else {
            json_record(body, file, file, n)
        };
        return Ok(Some(MapRecord {
            record,
            pos: Some((file.to_string(), n)),
            hash,
        }));
    }
    if too_long.is_none() && line.iter().all(u8::is_ascii_whitespace) {
        return Ok(None);
    }
    let hash = too_long.unwrap_or_else(|| fnv1a64(line.trim_ascii()));
    let unknown = format!("{UNKNOWN}:0");
    let line_id = || format!("fnv1a64:{hash:016x}");
    let record = match too_long {
        Some(_) => Record::Failed {
            id: line_id(),
            source: STDIN.into(),
            status: Status::Skipped,
            reason: format!("{STDIN}: {}", too_large()),
        },
        None => match json_record(line, UNKNOWN, UNKNOWN, 0) {
            Record::Doc(mut d) => {
                if d.id == unknown {
                    d.id = content_id(&d.text);
                }
                d.source = STDIN.into();
                Record::Doc(d)
            }
            Record::Failed {
                id, status, reason, ..
            } => Record::Failed {
                id: if id == unknown { line_id() } else { id },
                source: STDIN.into(),
                status,
                reason: match reason.strip_prefix(&unknown) {
                    Some(rest) => format!("{STDIN}{rest}"),
                    None => reason,
                },
            },
        },
    };
    Ok(Some(MapRecord {
        record,
        pos: None,
        hash,
    }))
}

fn too_large() -> String {
    format!(
        "document larger than {} MiB, not processed",
        MAX_DOC_BYTES >> 20
    )
}

fn preview(line: &[u8]) -> String {
    let s = String::from_utf8_lossy(&line[..line.len().min(60)]);
    s.trim_end().to_string()
}

/// What [`read_line`] found.
#[derive(Debug, PartialEq, Eq)]
pub enum Line {
    /// End of input.
    End,
    /// A whole line is in the buffer (with its `\n`, when it had one).
    Whole,
    /// The line was longer than the limit: the buffer holds its first
    /// bytes, and the hash is FNV-1a of the whole line, trimmed of ASCII
    /// whitespace (what [`fnv1a64`] of `line.trim_ascii()` would give).
    TooLong(u64),
}

/// How many bytes of a too long line are kept (enough for `FILE:LINE`).
const HEAD: usize = 4096;

/// Reads one line into `buf` (cleared first), never holding more than
/// `max` bytes of it.
pub fn read_line(r: &mut dyn BufRead, buf: &mut Vec<u8>, max: usize) -> std::io::Result<Line> {
    buf.clear();
    let mut hash: Option<Trimmed> = None;
    loop {
        let available = r.fill_buf()?;
        if available.is_empty() {
            return Ok(match hash {
                Some(h) => Line::TooLong(h.finish()),
                None if buf.is_empty() => Line::End,
                None => Line::Whole,
            });
        }
        let (chunk, done) = match available.iter().position(|&b| b == b'\n') {
            Some(i) => (&available[..=i], true),
            None => (available, false),
        };
        let n = chunk.len();
        if let Some(h) = &mut hash {
            h.write(chunk);
        } else if buf.len() + n <= max {
            buf.extend_from_slice(chunk);
        } else {
            let mut h = Trimmed::default();
            h.write(buf);
            h.write(chunk);
            hash = Some(h);
            buf.extend_from_slice(&chunk[..HEAD.saturating_sub(buf.len()).min(n)]);
            buf.truncate(HEAD);
        }
        r.consume(n);
        if done {
            return Ok(match hash {
                Some(h) => Line::TooLong(h.finish()),
                None => Line::Whole,
            });
        }
    }
}

/// FNV-1a of a byte stream trimmed of ASCII whitespace at both ends.
#[derive(Debug, Clone)]
struct Trimmed {
    fnv: Fnv,
    started: bool,
    /// Whitespace since the last other byte: hashed only if more follows.
    pending: Vec<u8>,
}

impl Default for Trimmed {
    fn default() -> Self {
        Trimmed {
            fnv: Fnv::new(),
            started: false,
            pending: Vec::new(),
        }
    }
}

impl Trimmed {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            if b.is_ascii_whitespace() {
                if self.started {
                    self.pending.push(b);
                }
            } else {
                self.fnv.write(&self.pending);
                self.pending.clear();
                self.started = true;
                self.fnv.write(&[b]);
            }
        }
    }

    fn finish(self) -> u64 {
        self.fnv.0
    }
}

#[derive(Serialize)]
struct OutLine<'a, T> {
    table: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pos: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    hash: Option<&'a str>,
    row: &'a T,
}

/// Writes one document's rows as stream lines: its `documents` line (with
/// its place), then its mentions, entities and quotes.
///
/// ```
/// use kutip::stream::{encode, Place};
/// use kutip::tables::DocOutput;
/// let mut out = DocOutput::default();
/// out.document.doc_id = "d\u{2028}1".into();
/// let mut buf = Vec::new();
/// encode(&out, &Place::Line { file: "a.jsonl".into(), line: 3 }, &mut buf).unwrap();
/// let text = String::from_utf8(buf).unwrap();
/// assert!(text.starts_with(r#"{"table":"documents","pos":"a.jsonl:3","row":{"doc_id":"d\u20281","#));
/// assert_eq!(text.lines().count(), 1);
/// ```
pub fn encode(out: &DocOutput, place: &Place, w: &mut dyn Write) -> std::io::Result<()> {
    let mut buf = Vec::with_capacity(512);
    let (pos, hash) = match place {
        Place::Line { file, line } => (Some(format!("{file}:{line}")), None),
        Place::Content { hash, .. } => (None, Some(format!("{hash:016x}"))),
    };
    line(
        &mut buf,
        &OutLine {
            table: DocumentRow::NAME,
            pos: pos.as_deref(),
            hash: hash.as_deref(),
            row: &out.document,
        },
    );
    for r in &out.mentions {
        line(&mut buf, &plain(r));
    }
    for r in &out.entities {
        line(&mut buf, &plain(r));
    }
    for r in &out.quotes {
        line(&mut buf, &plain(r));
    }
    w.write_all(&buf)
}

fn plain<T: Table>(row: &T) -> OutLine<'_, T> {
    OutLine {
        table: T::NAME,
        pos: None,
        hash: None,
        row,
    }
}

fn line<T: Serialize>(buf: &mut Vec<u8>, value: &T) {
    let start = buf.len();
    serde_json::to_writer(&mut *buf, value).expect("rows serialize to JSON");
    // U+0085, U+2028 and U+2029 are line ends to some readers: escape them
    // (they can only stand inside JSON strings, where escapes are valid).
    let raw = &buf[start..];
    if raw
        .windows(2)
        .any(|w| w == [0xC2, 0x85] || w == [0xE2, 0x80])
    {
        let s = String::from_utf8(raw.to_vec()).expect("serde_json writes UTF-8");
        let mut e = String::with_capacity(s.len() + 12);
        for c in s.chars() {
            match c {
                '\u{85}' | '\u{2028}' | '\u{2029}' => e.push_str(&format!("\\u{:04x}", c as u32)),
                c => e.push(c),
            }
        }
        buf.truncate(start);
        buf.extend_from_slice(e.as_bytes());
    }
    buf.push(b'\n');
}

/// One line of a shard, read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    /// A `documents` row and its place (`pos` or `hash` of its line).
    Document {
        row: DocumentRow,
        pos: Option<(String, usize)>,
        hash: Option<u64>,
    },
    Mention(MentionRow),
    Entity(EntityRow),
    Quote(QuoteRow),
}

#[derive(Deserialize)]
struct InLine {
    table: String,
    #[serde(default)]
    pos: Option<String>,
    #[serde(default)]
    hash: Option<String>,
    row: serde_json::Value,
}

/// Reads one line written by [`encode`]. The error message says what is
/// wrong; the caller adds file and line.
///
/// ```
/// use kutip::stream::{decode, Row};
/// let r = decode(br#"{"table":"documents","hash":"00000000000000ff","row":{"doc_id":"d","source":"stdin","title":"","lang":"","chars":0,"paragraphs":0,"repeated_paragraphs":0,"mentions":0,"quotes":0,"status":"error","error":"x"}}"#).unwrap();
/// assert!(matches!(r, Row::Document { hash: Some(255), .. }));
/// assert!(decode(b"{\"table\":\"people\",\"row\":{}}").is_err());
/// ```
pub fn decode(line: &[u8]) -> std::result::Result<Row, String> {
    let l: InLine =
        serde_json::from_slice(line).map_err(|e| format!("not a kutip map line: {e}"))?;
    let bad = |e: serde_json::Error| format!("bad {} row: {e}", l.table);
    Ok(match l.table.as_str() {
        DocumentRow::NAME => {
            let pos = match &l.pos {
                None => None,
                Some(p) => Some(
                    p.rsplit_once(':')
                        .and_then(|(f, n)| Some((f.to_string(), n.parse().ok()?)))
                        .ok_or_else(|| format!("bad pos {p:?}: not FILE:LINE"))?,
                ),
            };
            let hash = match &l.hash {
                None => None,
                Some(h) => Some(u64::from_str_radix(h, 16).map_err(|_| format!("bad hash {h:?}"))?),
            };
            if pos.is_none() && hash.is_none() {
                return Err("a documents line needs `pos` or `hash`".into());
            }
            Row::Document {
                row: serde_json::from_value(l.row.clone()).map_err(bad)?,
                pos,
                hash,
            }
        }
        MentionRow::NAME => Row::Mention(serde_json::from_value(l.row.clone()).map_err(bad)?),
        EntityRow::NAME => Row::Entity(serde_json::from_value(l.row.clone()).map_err(bad)?),
        QuoteRow::NAME => Row::Quote(serde_json::from_value(l.row.clone()).map_err(bad)?),
        other => return Err(format!("unknown table {other:?}")),
    })
}

/// Options of [`map`].
#[derive(Debug, Clone, Copy, Default)]
pub struct MapOptions {
    /// Lines are `FILE:LINE`, a tab, then the record.
    pub numbered: bool,
    pub limits: BatchLimits,
}

/// Runs `kutip map`: reads records from `input`, processes them in
/// batches (in parallel on the current rayon pool) and writes their rows to
/// `output` in input order, handing each document's rows to `seen` too (for
/// messages). Duplicate ids are left as they are: `kutip merge` renames
/// them.
///
/// Errors: reading `input` or writing `output` failed (rows would be
/// lost), or a numbered line has no `FILE:LINE`. A bad record is a row.
pub fn map(
    pipeline: &Pipeline,
    input: &mut dyn BufRead,
    output: &mut dyn Write,
    options: &MapOptions,
    mut seen: impl FnMut(&DocOutput),
) -> Result<Summary> {
    let out_err = |e: std::io::Error| Error::io("stdout", e);
    let feed = |sink: &mut dyn FnMut(MapRecord) -> Result<()>| -> Result<()> {
        let mut buf = Vec::new();
        let mut line_no = 0usize;
        loop {
            line_no += 1;
            let read = read_line(input, &mut buf, MAX_DOC_BYTES + HEAD)
                .map_err(|e| Error::io(STDIN, e))?;
            let too_long = match read {
                Line::End => return Ok(()),
                Line::Whole if !options.numbered && buf.len() > MAX_DOC_BYTES => {
                    Some(fnv1a64(buf.trim_ascii()))
                }
                Line::Whole => None,
                Line::TooLong(h) => Some(h),
            };
            let rec = map_record(&buf, options.numbered, too_long).map_err(|e| match e {
                Error::Stream { file, message, .. } => Error::Stream {
                    file,
                    line: line_no,
                    message,
                },
                e => e,
            })?;
            if let Some(rec) = rec {
                sink(rec)?;
            }
        }
    };
    let write = |r: &MapRecord, out: &DocOutput| -> Result<()> {
        let place = match &r.pos {
            Some((file, line)) => Place::Line {
                file: file.clone(),
                line: *line,
            },
            None => Place::Content {
                doc_id: out.document.doc_id.clone(),
                hash: r.hash,
            },
        };
        seen(out);
        encode(out, &place, output).map_err(out_err)
    };
    let summary = drive(
        pipeline,
        options.limits,
        DuplicateIds::Keep,
        feed,
        |r| &r.record,
        write,
    )?;
    output.flush().map_err(out_err)?;
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trimmed_hash_of_a_stream_is_the_hash_of_the_trimmed_line() {
        let cases: &[&[u8]] = &[b"", b"  ", b"abc", b"  a b  c \r\n", b"\t{\"x\": 1}  \n"];
        for case in cases {
            for split in 0..=case.len() {
                let mut h = Trimmed::default();
                h.write(&case[..split]);
                h.write(&case[split..]);
                assert_eq!(
                    h.finish(),
                    fnv1a64(case.trim_ascii()),
                    "{case:?} at {split}"
                );
            }
        }
    }

    #[test]
    fn long_lines_are_cut_and_hashed_whole() {
        let data = b"short\n  xxxxxxxxxxxxxxxx  \nok\nlast";
        let mut r = std::io::BufReader::with_capacity(3, &data[..]);
        let mut buf = Vec::new();
        let mut got = Vec::new();
        loop {
            match read_line(&mut r, &mut buf, 8).unwrap() {
                Line::End => break,
                l => got.push((l, String::from_utf8(buf.clone()).unwrap())),
            }
        }
        assert_eq!(
            got,
            [
                (Line::Whole, "short\n".into()),
                // Its beginning (as far as the chunk that passed the limit).
                (
                    Line::TooLong(fnv1a64(b"xxxxxxxxxxxxxxxx")),
                    "  xxxxxxx".into()
                ),
                (Line::Whole, "ok\n".into()),
                (Line::Whole, "last".into()),
            ]
        );
    }

    #[test]
    fn plain_records_get_ids_and_sources_free_of_position() {
        // (line, doc_id (`fnv1a64:` alone: hash of the trimmed line), source, status, reason prefix)
        let cases: &[(&[u8], &str, &str, Status, &str)] = &[
            (
                br#"{"id": "a", "text": "Hi"}"#,
                "a",
                "stdin",
                Status::Ok,
                "",
            ),
            (
                br#"{"text": "Hi"}"#,
                "fnv1a64:09275f07b5bb95ba",
                "stdin",
                Status::Ok,
                "",
            ),
            (
                b"{nope",
                "fnv1a64:",
                "stdin",
                Status::Error,
                "stdin: invalid JSON",
            ),
            (
                br#"{"id": 3}"#,
                "3",
                "stdin",
                Status::Error,
                "stdin: no `text` field",
            ),
            (
                br#"{"text": " "}"#,
                "fnv1a64:",
                "stdin",
                Status::Skipped,
                "empty text",
            ),
        ];
        for (line, id, source, status, reason) in cases {
            let r = map_record(line, false, None).unwrap().unwrap();
            let got = match r.record {
                Record::Doc(d) => (d.id, d.source, Status::Ok, String::new()),
                Record::Failed {
                    id,
                    source,
                    status,
                    reason,
                } => (id, source, status, reason),
            };
            let want_id = if id.starts_with("fnv1a64:") && *status != Status::Ok {
                format!("fnv1a64:{:016x}", fnv1a64(line.trim_ascii()))
            } else {
                id.to_string()
            };
            assert_eq!(
                (got.0.as_str(), got.1.as_str(), got.2),
                (want_id.as_str(), *source, *status)
            );
            assert!(got.3.starts_with(reason), "{:?}", got.3);
            assert_eq!(r.hash, fnv1a64(line.trim_ascii()));
        }
    }

    #[test]
    fn numbered_records_are_those_of_extract() {
        for line in [&b"{nope"[..], br#"{"text": "Hi"}"#, br#"{"id": 1}"#] {
            let mut numbered = b"c.jsonl:12\t".to_vec();
            numbered.extend_from_slice(line);
            let got = map_record(&numbered, true, None).unwrap().unwrap();
            assert_eq!(got.pos, Some(("c.jsonl".into(), 12)));
            let want = json_record(line, "c.jsonl", "c.jsonl", 12);
            assert_eq!(format!("{:?}", got.record), format!("{want:?}"));
        }
        assert!(map_record(b"c.jsonl:12\t  \n", true, None)
            .unwrap()
            .is_none());
        for bad in [
            &b"{\"text\": \"Hi\"}"[..],
            b"c.jsonl\t{}",
            b"c.jsonl:0\t{}",
            b":3\t{}",
        ] {
            assert!(map_record(bad, true, None).is_err(), "{bad:?}");
        }
    }

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

    #[test]
    fn encoded_rows_decode_to_themselves() {
        let mut out = DocOutput::default();
        out.document.doc_id = "x\ny\u{85}".into();
        out.document.mentions = 1;
        out.mentions.push(MentionRow {
            doc_id: "x\ny\u{85}".into(),
            surface: "=1+1\u{2029}".into(),
            ..MentionRow::default()
        });
        out.entities.push(EntityRow::default());
        out.quotes.push(QuoteRow::default());
        let mut buf = Vec::new();
        encode(
            &out,
            &Place::Content {
                doc_id: "x".into(),
                hash: 7,
            },
            &mut buf,
        )
        .unwrap();
        let text = std::str::from_utf8(&buf).unwrap();
        assert!(!text.contains(['\r', '\u{85}', '\u{2028}', '\u{2029}']));
        let lines: Vec<&str> = text.split('\n').filter(|l| !l.is_empty()).collect();
        assert_eq!(lines.len(), 4);
        let rows: Vec<Row> = lines
            .iter()
            .map(|l| decode(l.as_bytes()).unwrap())
            .collect();
        assert_eq!(
            rows,
            [
                Row::Document {
                    row: out.document.clone(),
                    pos: None,
                    hash: Some(7)
                },
                Row::Mention(out.mentions[0].clone()),
                Row::Entity(EntityRow::default()),
                Row::Quote(QuoteRow::default()),
            ]
        );
    }
}
