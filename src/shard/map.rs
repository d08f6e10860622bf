//! `kutip map`: JSON Lines records in, the rows of all tables out as
//! shard lines, through the one driver.

use super::format::encode;
use super::{Place, STDIN};
use crate::corpus::lines::{fnv1a64, read_line, Line, HEAD};
use crate::corpus::{json_record, too_large, Record, MAX_DOC_BYTES};
use crate::error::{Error, Result};
use crate::pipeline::driver::{drive, BatchLimits, DuplicateIds, Summary};
use crate::pipeline::Pipeline;
use crate::tables::{DocOutput, Status};
use std::io::{BufRead, Write};

/// The id `kutip map` gives a record without `id`: `fnv1a64:` and the hash
/// of its text in 16 hex digits.
///
/// ```
/// assert_eq!(kutip::shard::content_id("a"), "fnv1a64:af63dc4c8601ec8c");
/// ```
pub fn content_id(text: &str) -> String {
    format!("fnv1a64:{:016x}", fnv1a64(text.as_bytes()))
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
/// use kutip::corpus::Record;
/// use kutip::shard::map_record;
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

fn preview(line: &[u8]) -> String {
    let s = String::from_utf8_lossy(&line[..line.len().min(60)]);
    s.trim_end().to_string()
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
}
