//! The lines `kutip map` writes and `kutip merge` reads: one JSON object
//! per row, `{"table", "pos" | "hash", "row"}`, the row as its table's
//! schema serializes it. A `documents` line of a run that did not make all
//! four tables (`--tables`) also says which it made: `"tables":
//! "documents,mentions,entities"`.

use super::Place;
use crate::tables::{DocOutput, DocumentRow, EntityRow, MentionRow, QuoteRow, Table, TableSet};
use serde::{Deserialize, Serialize};
use std::io::Write;

#[derive(Serialize)]
struct OutLine<'a, T> {
    table: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pos: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    hash: Option<&'a str>,
    /// The run's tables, when not all four.
    #[serde(skip_serializing_if = "Option::is_none")]
    tables: Option<String>,
    row: &'a T,
}

/// Writes one document's rows as stream lines: its `documents` line (with
/// its place), then its mentions, entities and quotes.
///
/// ```
/// use kutip::shard::{encode, Place};
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
            tables: (!out.tables.is_all()).then(|| out.tables.to_string()),
            row: &out.document,
        },
    );
    let t = out.tables;
    for r in out.mentions.iter().filter(|_| t.mentions) {
        line(&mut buf, &plain(r));
    }
    for r in out.entities.iter().filter(|_| t.entities) {
        line(&mut buf, &plain(r));
    }
    for r in out.quotes.iter().filter(|_| t.quotes) {
        line(&mut buf, &plain(r));
    }
    w.write_all(&buf)
}

fn plain<T: Table>(row: &T) -> OutLine<'_, T> {
    OutLine {
        table: T::NAME,
        pos: None,
        hash: None,
        tables: None,
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
    /// A `documents` row, its place (`pos` or `hash` of its line) and the
    /// tables of the run that made it.
    Document {
        row: DocumentRow,
        pos: Option<(String, usize)>,
        hash: Option<u64>,
        tables: TableSet,
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
    #[serde(default)]
    tables: Option<String>,
    row: serde_json::Value,
}

/// Reads one line written by [`encode`]. The error message says what is
/// wrong; the caller adds file and line.
///
/// ```
/// use kutip::shard::{decode, Row};
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
            let tables = match &l.tables {
                None => TableSet::ALL,
                Some(t) => TableSet::parse(t).map_err(|e| format!("bad tables {t:?}: {e}"))?,
            };
            Row::Document {
                row: serde_json::from_value(l.row.clone()).map_err(bad)?,
                pos,
                hash,
                tables,
            }
        }
        MentionRow::NAME => Row::Mention(serde_json::from_value(l.row.clone()).map_err(bad)?),
        EntityRow::NAME => Row::Entity(serde_json::from_value(l.row.clone()).map_err(bad)?),
        QuoteRow::NAME => Row::Quote(serde_json::from_value(l.row.clone()).map_err(bad)?),
        other => return Err(format!("unknown table {other:?}")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoded_rows_decode_to_themselves() {
        let mut out = DocOutput::default();
        out.document.doc_id = "x\ny\u{85}".into();
        out.document.mentions = Some(1);
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
                    hash: Some(7),
                    tables: TableSet::ALL,
                },
                Row::Mention(out.mentions[0].clone()),
                Row::Entity(EntityRow::default()),
                Row::Quote(QuoteRow::default()),
            ]
        );
    }
}
