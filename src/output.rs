//! Output: the four CSV tables, written safely.
//!
//! Tables are written to `NAME.csv.partial` and renamed when the run is
//! complete, so an interrupted run never leaves a table that looks finished.
//! By default, cells that a spreadsheet would run as a formula (starting with
//! `=`, `+`, `-`, `@`, tab or carriage return) get a leading `'` (OWASP CSV
//! injection advice); `raw` turns that off for programmatic use.

use crate::error::{Error, Result};
use crate::tables::{DocOutput, Neutralize, TABLES};
use serde::Serialize;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// Options of the table writer.
#[derive(Debug, Clone, Default)]
pub struct OutputOptions {
    /// Replace tables already in the folder. By default, refuse.
    pub force: bool,
    /// Leave formula-like cells as they are. By default, neutralize them.
    pub raw: bool,
    /// Start each table with a UTF-8 byte order mark (for Excel). By default, no BOM.
    pub excel_bom: bool,
}

type Csv = csv::Writer<BufWriter<File>>;

/// Writes the four tables of a run into a folder.
pub struct TableWriter {
    dir: PathBuf,
    writers: Vec<(PathBuf, Csv)>,
    raw: bool,
}

impl TableWriter {
    /// Creates the folder if needed and opens the tables.
    ///
    /// Refuses when the folder already holds a table and `force` is off.
    pub fn create(dir: &Path, options: &OutputOptions) -> Result<TableWriter> {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        if !options.force {
            if let Some(existing) = TABLES.iter().map(|t| dir.join(t)).find(|p| p.exists()) {
                return Err(Error::Refused(format!(
                    "{} already exists; use --force to replace the tables in {}",
                    existing.display(),
                    dir.display()
                )));
            }
        }
        let mut writers = Vec::new();
        for table in TABLES {
            let partial = dir.join(format!("{table}.partial"));
            let file = File::create(&partial).map_err(|e| Error::io(&partial, e))?;
            let mut buf = BufWriter::with_capacity(1 << 16, file);
            if options.excel_bom {
                buf.write_all(b"\xEF\xBB\xBF")
                    .map_err(|e| Error::io(&partial, e))?;
            }
            let w = csv::WriterBuilder::new()
                .has_headers(false)
                .terminator(csv::Terminator::CRLF)
                .from_writer(buf);
            writers.push((partial, w));
        }
        let mut tw = TableWriter {
            dir: dir.to_path_buf(),
            writers,
            raw: options.raw,
        };
        tw.write_headers()?;
        Ok(tw)
    }

    fn write_headers(&mut self) -> Result<()> {
        let headers: [&[&str]; 4] = [
            &[
                "doc_id",
                "source",
                "title",
                "lang",
                "chars",
                "paragraphs",
                "repeated_paragraphs",
                "mentions",
                "quotes",
                "status",
                "error",
            ],
            &[
                "doc_id",
                "start",
                "end",
                "surface",
                "entity_id",
                "entity",
                "type",
                "paragraph",
                "method",
            ],
            &[
                "doc_id",
                "entity_id",
                "entity",
                "type",
                "mentions",
                "quotes",
                "first_start",
            ],
            &[
                "doc_id",
                "quote_id",
                "start",
                "end",
                "kind",
                "text",
                "speaker_id",
                "speaker",
                "speaker_type",
                "speaker_surface",
                "cue",
                "method",
                "paragraph",
            ],
        ];
        for ((path, w), h) in self.writers.iter_mut().zip(headers) {
            w.write_record(h).map_err(|e| csv_err(path, e))?;
        }
        Ok(())
    }

    /// Appends one document's rows.
    pub fn write(&mut self, out: &DocOutput) -> Result<()> {
        let raw = self.raw;
        let [d, m, e, q] = &mut self.writers[..] else {
            unreachable!("four tables")
        };
        put(d, &out.document, raw)?;
        for r in &out.mentions {
            put(m, r, raw)?;
        }
        for r in &out.entities {
            put(e, r, raw)?;
        }
        for r in &out.quotes {
            put(q, r, raw)?;
        }
        Ok(())
    }

    /// Flushes the tables and gives them their final names.
    pub fn finish(self) -> Result<Vec<PathBuf>> {
        let mut done = Vec::new();
        for ((partial, w), table) in self.writers.into_iter().zip(TABLES) {
            let buf = w
                .into_inner()
                .map_err(|e| Error::io(&partial, e.into_error()))?;
            let file = buf
                .into_inner()
                .map_err(|e| Error::io(&partial, e.into_error()))?;
            file.sync_all().map_err(|e| Error::io(&partial, e))?;
            let path = self.dir.join(table);
            std::fs::rename(&partial, &path).map_err(|e| Error::io(&path, e))?;
            done.push(path);
        }
        Ok(done)
    }
}

fn csv_err(path: &Path, e: csv::Error) -> Error {
    Error::Csv {
        path: path.to_path_buf(),
        source: e,
    }
}

fn put<T: Serialize + Clone + Neutralize>(
    w: &mut (PathBuf, Csv),
    row: &T,
    raw: bool,
) -> Result<()> {
    let (path, w) = w;
    if raw || !row.needs_neutralizing() {
        return w.serialize(row).map_err(|e| csv_err(path, e));
    }
    let mut row = row.clone();
    row.neutralize();
    w.serialize(&row).map_err(|e| csv_err(path, e))
}

/// Prefixes a `'` to cells that a spreadsheet would evaluate.
///
/// ```
/// assert_eq!(kutip::output::neutralize("=1+1"), "'=1+1");
/// assert_eq!(kutip::output::neutralize("-12"), "-12");
/// assert_eq!(kutip::output::neutralize("Wang"), "Wang");
/// ```
pub fn neutralize(s: &str) -> std::borrow::Cow<'_, str> {
    let risky = match s.as_bytes().first() {
        Some(b'=' | b'+' | b'@' | b'\t' | b'\r') => true,
        // Plain negative numbers are data, not formulas.
        Some(b'-') => s[1..].parse::<f64>().is_err(),
        _ => false,
    };
    if risky {
        format!("'{s}").into()
    } else {
        s.into()
    }
}
