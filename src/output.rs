//! Output: the four CSV tables, written safely.
//!
//! Tables are written to `NAME.csv.partial` and renamed when the run is
//! complete, so an interrupted run never leaves a table that looks finished.
//! By default, cells that a spreadsheet would run as a formula (starting with
//! `=`, `+`, `-`, `@`, tab or carriage return) get a leading `'` (OWASP CSV
//! injection advice); `raw` turns that off for programmatic use.

use crate::error::{Error, Result};
use crate::tables::{CsvRow, DocOutput, TABLES};
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

type Csv = CsvOut<BufWriter<File>>;

/// A minimal CSV writer: comma-separated, CRLF-terminated, a cell quoted
/// (quotes doubled) only when it holds a comma, a quote, CR or LF. The
/// same bytes as the `csv` crate's defaults, at a fraction of the cost per
/// cell (tested against it in `tables`).
pub struct CsvOut<W: Write> {
    out: W,
    first: bool,
}

impl<W: Write> CsvOut<W> {
    pub fn new(out: W) -> CsvOut<W> {
        CsvOut { out, first: true }
    }

    /// Writes one cell.
    #[inline]
    pub fn cell(&mut self, v: &[u8]) -> std::io::Result<()> {
        if !self.first {
            self.out.write_all(b",")?;
        }
        self.first = false;
        if !v.iter().any(|&b| matches!(b, b',' | b'"' | b'\r' | b'\n')) {
            return self.out.write_all(v);
        }
        self.out.write_all(b"\"")?;
        for (i, part) in v.split(|&b| b == b'"').enumerate() {
            if i > 0 {
                self.out.write_all(b"\"\"")?;
            }
            self.out.write_all(part)?;
        }
        self.out.write_all(b"\"")
    }

    /// Ends the record.
    #[inline]
    pub fn end(&mut self) -> std::io::Result<()> {
        self.first = true;
        self.out.write_all(b"\r\n")
    }

    /// Writes a whole record.
    pub fn record(&mut self, cells: &[&str]) -> std::io::Result<()> {
        for c in cells {
            self.cell(c.as_bytes())?;
        }
        self.end()
    }

    /// The underlying writer.
    pub fn into_inner(self) -> W {
        self.out
    }
}

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
            let w = CsvOut::new(buf);
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
            w.record(h).map_err(|e| Error::io(path.as_path(), e))?;
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
            let file = w
                .into_inner()
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

fn put<T: CsvRow>(w: &mut (PathBuf, Csv), row: &T, raw: bool) -> Result<()> {
    let (path, w) = w;
    row.write_csv(w, raw)
        .map_err(|e| Error::io(path.as_path(), e))
}

/// Prefixes a `'` to cells that a spreadsheet would evaluate.
///
/// ```
/// assert_eq!(kutip::output::neutralize("=1+1"), "'=1+1");
/// assert_eq!(kutip::output::neutralize("-12"), "-12");
/// assert_eq!(kutip::output::neutralize("Wang"), "Wang");
/// ```
#[inline]
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
