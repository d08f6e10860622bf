//! Reading a file into records: one per `.txt` file, one per JSON line;
//! a document that cannot be read is a [`Record::Failed`], not an error.

use super::lines::{read_line, Line};
use super::walk::display;
use super::{Format, Record, Source};
use crate::document::Document;
use crate::tables::Status;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};

impl Source {
    fn open(&self) -> std::io::Result<Box<dyn BufRead + Send>> {
        let raw: Box<dyn Read + Send> = match &self.path {
            None => Box::new(std::io::stdin()),
            Some(p) => Box::new(File::open(p)?),
        };
        let raw: Box<dyn Read + Send> = if self.gzip {
            Box::new(flate2::read::MultiGzDecoder::new(BufReader::new(raw)))
        } else {
            raw
        };
        Ok(Box::new(BufReader::with_capacity(1 << 16, raw)))
    }

    /// The `source` column value of this file.
    fn label(&self) -> String {
        match &self.path {
            Some(p) => display(p),
            None => "stdin".into(),
        }
    }

    /// Reads the records of this file, handing each to `sink` in order.
    /// `sink` returns false to stop early.
    pub fn read(&self, sink: &mut dyn FnMut(Record) -> bool) {
        let failed = |reason: String| Record::Failed {
            id: self.name.clone(),
            source: self.label(),
            status: Status::Error,
            reason,
        };
        let mut reader = match self.open() {
            Ok(r) => r,
            Err(e) => {
                sink(failed(format!("{}: {e}", self.label())));
                return;
            }
        };
        match self.format {
            Format::Text => {
                let mut bytes = Vec::new();
                match (&mut reader)
                    .take(MAX_DOC_BYTES as u64 + 1)
                    .read_to_end(&mut bytes)
                {
                    Err(e) => {
                        sink(failed(format!("{}: {e}", self.label())));
                    }
                    Ok(n) if n > MAX_DOC_BYTES => {
                        sink(Record::Failed {
                            id: self.name.clone(),
                            source: self.label(),
                            status: Status::Skipped,
                            reason: too_large(),
                        });
                    }
                    Ok(_) => {
                        sink(text_record(&bytes, self.name.clone(), self.label()));
                    }
                }
            }
            Format::JsonLines => self.read_jsonl(reader, sink),
        }
    }

    fn read_jsonl(
        &self,
        mut reader: Box<dyn BufRead + Send>,
        sink: &mut dyn FnMut(Record) -> bool,
    ) {
        let mut line = Vec::new();
        let mut line_no = 0;
        loop {
            line.clear();
            line_no += 1;
            match read_line(&mut reader, &mut line, MAX_DOC_BYTES) {
                Ok(Line::End) => return,
                Ok(Line::TooLong(_)) => {
                    let here = format!("{}:{line_no}", self.label());
                    sink(Record::Failed {
                        id: format!("{}:{line_no}", self.name),
                        source: here.clone(),
                        status: Status::Skipped,
                        reason: format!("{here}: {}", too_large()),
                    });
                    continue;
                }
                Ok(Line::Whole) => {}
                Err(e) => {
                    sink(Record::Failed {
                        id: format!("{}:{line_no}", self.name),
                        source: format!("{}:{line_no}", self.label()),
                        status: Status::Error,
                        reason: format!("{}:{line_no}: {e}", self.label()),
                    });
                    return;
                }
            }
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            if !sink(json_record(&line, &self.name, &self.label(), line_no)) {
                return;
            }
        }
    }
}

/// The largest document kutip processes: 64 MiB of text. Larger documents
/// (a whole dump in one line, a stray binary) are skipped with a reason,
/// and the memory they would take is never allocated.
pub const MAX_DOC_BYTES: usize = 64 << 20;

/// Why a document over [`MAX_DOC_BYTES`] gets no rows but its documents row.
pub(crate) fn too_large() -> String {
    format!(
        "document larger than {} MiB, not processed",
        MAX_DOC_BYTES >> 20
    )
}

/// Decodes a plain-text file: drops a BOM, `\r\n` -> `\n`, invalid UTF-8
/// replaced (and noted); NUL bytes mean a binary file, which is skipped.
pub fn text_record(bytes: &[u8], id: String, source: String) -> Record {
    let le = u16::from_le_bytes as fn([u8; 2]) -> u16;
    let be = u16::from_be_bytes as fn([u8; 2]) -> u16;
    let utf16 = match bytes {
        [0xFF, 0xFE, rest @ ..] => Some((rest, le, "UTF-16 with a byte order mark")),
        [0xFE, 0xFF, rest @ ..] => Some((rest, be, "UTF-16 with a byte order mark")),
        _ => bomless_utf16(bytes).map(|little| {
            if little {
                (bytes, le, "UTF-16LE without a byte order mark")
            } else {
                (bytes, be, "UTF-16BE without a byte order mark")
            }
        }),
    };
    if let Some((rest, word, what)) = utf16 {
        let units: Vec<u16> = rest.chunks_exact(2).map(|c| word([c[0], c[1]])).collect();
        let text = String::from_utf16_lossy(&units);
        let lossy = text.contains('\u{FFFD}') || rest.len() % 2 == 1;
        return match text_record(text.as_bytes(), id, source) {
            Record::Doc(mut d) => {
                d.warning = Some(if lossy {
                    format!("{what}, decoded; invalid units replaced with U+FFFD")
                } else {
                    format!("{what}, decoded")
                });
                Record::Doc(d)
            }
            failed => failed,
        };
    }
    if bytes.contains(&0) {
        return Record::Failed {
            id,
            source,
            status: Status::Skipped,
            reason: "binary file (contains NUL bytes)".into(),
        };
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let (text, warning) = match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), None),
        Err(e) => (
            String::from_utf8_lossy(bytes).into_owned(),
            Some(format!(
                "invalid UTF-8 at byte {}: replaced with U+FFFD",
                e.valid_up_to()
            )),
        ),
    };
    let text = if text.contains('\r') {
        text.replace("\r\n", "\n")
    } else {
        text
    };
    if text.trim().is_empty() {
        return Record::Failed {
            id,
            source,
            status: Status::Skipped,
            reason: "empty document".into(),
        };
    }
    Record::Doc(Document {
        id,
        source,
        title: None,
        text,
        warning,
    })
}

/// Whether `bytes` look like UTF-16 text without a byte order mark:
/// `Some(true)` little-endian, `Some(false)` big-endian. Text in Latin
/// script has a NUL in every other byte (the high byte of each unit); the
/// first 4 KiB must show that pattern on one side only and decode to text
/// without NULs or control characters other than tab and line ends, so a
/// binary file full of NULs is not taken for text.
fn bomless_utf16(bytes: &[u8]) -> Option<bool> {
    if bytes.len() < 4 || bytes.len() % 2 == 1 {
        return None;
    }
    let head = &bytes[..bytes.len().min(4096)];
    let pairs = head.len() / 2;
    let even = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    let little = match (even, odd) {
        (e, o) if o * 10 >= pairs * 6 && e == 0 => true,
        (e, o) if e * 10 >= pairs * 6 && o == 0 => false,
        _ => return None,
    };
    let word = if little {
        u16::from_le_bytes
    } else {
        u16::from_be_bytes
    };
    let units = head.chunks_exact(2).map(|c| word([c[0], c[1]]));
    let textual = char::decode_utf16(units).all(|c| match c {
        Ok(c) => !c.is_control() || matches!(c, '\t' | '\n' | '\r'),
        // A pair cut at the 4 KiB mark.
        Err(e) => e.unpaired_surrogate() >= 0xD800,
    });
    textual.then_some(little)
}

/// Parses one JSON Lines record.
pub fn json_record(line: &[u8], name: &str, label: &str, line_no: usize) -> Record {
    let here = format!("{label}:{line_no}");
    let fail = |status: Status, reason: String| Record::Failed {
        id: format!("{name}:{line_no}"),
        source: here.clone(),
        status,
        reason: format!("{here}: {reason}"),
    };
    let (line, warning) = match std::str::from_utf8(line) {
        Ok(s) => (std::borrow::Cow::Borrowed(s), None),
        Err(_) => (
            String::from_utf8_lossy(line),
            Some("invalid UTF-8 replaced with U+FFFD".to_string()),
        ),
    };
    let value: serde_json::Value = match serde_json::from_str(line.trim_start_matches('\u{feff}')) {
        Ok(v) => v,
        Err(e) => return fail(Status::Error, format!("invalid JSON: {e}")),
    };
    let Some(obj) = value.as_object() else {
        return fail(Status::Error, "a record must be a JSON object".into());
    };
    let id = match obj.get("id") {
        None | Some(serde_json::Value::Null) => format!("{name}:{line_no}"),
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(serde_json::Value::Number(n)) => n.to_string(),
        Some(_) => return fail(Status::Error, "`id` must be a string or a number".into()),
    };
    let text = match obj.get("text") {
        Some(serde_json::Value::String(s)) => s.clone(),
        None | Some(serde_json::Value::Null) => {
            return Record::Failed {
                id,
                source: here.clone(),
                status: Status::Error,
                reason: format!("{here}: no `text` field"),
            }
        }
        Some(_) => {
            return Record::Failed {
                id,
                source: here.clone(),
                status: Status::Error,
                reason: format!("{here}: `text` must be a string"),
            }
        }
    };
    let title = match obj.get("title") {
        Some(serde_json::Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
        _ => None,
    };
    if text.trim().is_empty() {
        return Record::Failed {
            id,
            source: here,
            status: Status::Skipped,
            reason: "empty text".into(),
        };
    }
    Record::Doc(Document {
        id,
        source: here,
        title,
        text,
        warning,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(r: Record) -> Document {
        match r {
            Record::Doc(d) => d,
            Record::Failed { reason, .. } => panic!("failed: {reason}"),
        }
    }

    fn failure(r: Record) -> (String, Status, String) {
        match r {
            Record::Failed {
                id, status, reason, ..
            } => (id, status, reason),
            Record::Doc(d) => panic!("unexpected doc {}", d.id),
        }
    }

    #[test]
    fn json_records() {
        let d = doc(json_record(
            br#"{"id": 7, "text": "Hi there", "title": "T"}"#,
            "a.jsonl",
            "in/a.jsonl",
            3,
        ));
        assert_eq!(
            (d.id.as_str(), d.title.as_deref(), d.source.as_str()),
            ("7", Some("T"), "in/a.jsonl:3")
        );
        let d = doc(json_record(
            br#"{"text": "Hi"}"#,
            "a.jsonl",
            "in/a.jsonl",
            3,
        ));
        assert_eq!(d.id, "a.jsonl:3");
    }

    #[test]
    fn utf16_without_a_byte_order_mark_is_decoded_not_skipped_as_binary() {
        let text = "Judul\n“Kami siap,” kata Dewi Lestari di Surabaya.\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for (bytes, what) in [(le, "UTF-16LE"), (be, "UTF-16BE")] {
            let d = doc(text_record(&bytes, "a".into(), "a".into()));
            assert_eq!(d.text, text);
            assert!(d.warning.unwrap().starts_with(what));
        }
        // A binary file with NULs every other byte is still binary.
        let binary: Vec<u8> = (0..200u8).flat_map(|b| [b % 7 + 1, 0]).collect();
        match text_record(&binary, "b".into(), "b".into()) {
            Record::Failed { status, reason, .. } => {
                assert_eq!(status, Status::Skipped);
                assert!(reason.contains("binary"), "{reason}");
            }
            Record::Doc(d) => panic!("binary read as text: {:?}", d.text),
        }
    }

    #[test]
    fn bad_json_records_name_file_and_line() {
        let cases: &[(&[u8], Status, &str)] = &[
            (b"{nope", Status::Error, "in/a.jsonl:2: invalid JSON"),
            (
                b"[1]",
                Status::Error,
                "in/a.jsonl:2: a record must be a JSON object",
            ),
            (
                br#"{"id": "x"}"#,
                Status::Error,
                "in/a.jsonl:2: no `text` field",
            ),
            (
                br#"{"text": 5}"#,
                Status::Error,
                "in/a.jsonl:2: `text` must be a string",
            ),
            (br#"{"text": "  "}"#, Status::Skipped, "empty text"),
        ];
        for (line, status, reason) in cases {
            let (_, s, r) = failure(json_record(line, "a.jsonl", "in/a.jsonl", 2));
            assert_eq!(s, *status);
            assert!(r.starts_with(reason), "{r:?}");
        }
    }

    #[test]
    fn text_files() {
        let d = doc(text_record(
            b"\xEF\xBB\xBFTitle\r\nBody.\r\n",
            "a.txt".into(),
            "a.txt".into(),
        ));
        assert_eq!(d.text, "Title\nBody.\n");
        let d = doc(text_record(b"caf\xE9 ok", "a.txt".into(), "a.txt".into()));
        assert_eq!(d.text, "caf\u{FFFD} ok");
        assert!(d.warning.unwrap().contains("invalid UTF-8"));
        assert_eq!(
            failure(text_record(b"\x00\x01", "b".into(), "b".into())).1,
            Status::Skipped
        );
        assert_eq!(
            failure(text_record(b"  \n", "b".into(), "b".into())).1,
            Status::Skipped
        );
    }

    #[test]
    fn utf16_with_a_bom_is_decoded() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Wang Yi said.".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Wang Yi said.".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        for bytes in [le, be] {
            let d = doc(text_record(&bytes, "a".into(), "a".into()));
            assert_eq!(d.text, "Wang Yi said.");
            assert!(d.warning.unwrap().starts_with("UTF-16"));
        }
    }
}
