//! The writer of the CSV tables of a run (documents.csv and those of the
//! run's [`TableSet`]), written safely.
//!
//! Tables are written to `NAME.csv.partial` and renamed when the run is
//! complete, so an interrupted run never leaves a table that looks finished.
//! By default, formula-like text cells are [neutralized](super::neutralize()); `raw`
//! turns that off for programmatic use.

use super::choice::TableSet;
use super::csv::CsvOut;
use super::schema::{DocOutput, DocumentRow, EntityRow, MentionRow, QuoteRow, Table, TABLES};
use crate::error::{Error, Result};
use std::fs::File;
use std::io::Write;
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

type Csv = CsvOut<File>;

/// Writes the tables of a run into a folder.
pub struct TableWriter {
    dir: PathBuf,
    /// One per table of [`TABLES`]; `None` for a table the run does not write.
    writers: Vec<Option<(PathBuf, Csv)>>,
    raw: bool,
}

impl TableWriter {
    /// Creates the folder if needed and opens documents.csv and the tables
    /// of `tables`.
    ///
    /// Refuses when the folder already holds any of the four tables and
    /// `force` is off (one this run does not write would sit beside its
    /// tables as if it were of this run: see [`tables_not_written`]).
    pub fn create(dir: &Path, options: &OutputOptions, tables: TableSet) -> Result<TableWriter> {
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
            if !tables.has(table) {
                writers.push(None);
                continue;
            }
            let partial = dir.join(format!("{table}.partial"));
            let mut file = File::create(&partial).map_err(|e| Error::io(&partial, e))?;
            if options.excel_bom {
                file.write_all(b"\xEF\xBB\xBF")
                    .map_err(|e| Error::io(&partial, e))?;
            }
            let w = CsvOut::new(file);
            writers.push(Some((partial, w)));
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
        let headers = [
            DocumentRow::COLUMNS,
            MentionRow::COLUMNS,
            EntityRow::COLUMNS,
            QuoteRow::COLUMNS,
        ];
        for (w, h) in self.writers.iter_mut().zip(headers) {
            if let Some((path, w)) = w {
                w.record(h).map_err(|e| Error::io(path.as_path(), e))?;
            }
        }
        Ok(())
    }

    /// Appends one document's rows (those of a table not written are
    /// ignored).
    pub fn write(&mut self, out: &DocOutput) -> Result<()> {
        let raw = self.raw;
        let [d, m, e, q] = &mut self.writers[..] else {
            unreachable!("four tables")
        };
        if let Some(d) = d {
            put(d, &out.document, raw)?;
        }
        if let Some(m) = m {
            for r in &out.mentions {
                put(m, r, raw)?;
            }
        }
        if let Some(e) = e {
            for r in &out.entities {
                put(e, r, raw)?;
            }
        }
        if let Some(q) = q {
            for r in &out.quotes {
                put(q, r, raw)?;
            }
        }
        Ok(())
    }

    /// Flushes the tables and gives them their final names.
    pub fn finish(self) -> Result<Vec<PathBuf>> {
        let mut done = Vec::new();
        for (w, table) in self.writers.into_iter().zip(TABLES) {
            let Some((partial, w)) = w else { continue };
            let file = w.into_inner().map_err(|e| Error::io(&partial, e))?;
            file.sync_all().map_err(|e| Error::io(&partial, e))?;
            let path = self.dir.join(table);
            std::fs::rename(&partial, &path).map_err(|e| Error::io(&path, e))?;
            done.push(path);
        }
        Ok(done)
    }
}

/// The tables in `dir` that a run of `tables` does not write: with
/// `--force` they go (a quotes.csv of an older run beside a names-only
/// run's tables would read as this run's).
pub fn tables_not_written(dir: &Path, tables: TableSet) -> Vec<PathBuf> {
    TABLES
        .iter()
        .filter(|t| !tables.has(t))
        .map(|t| dir.join(t))
        .filter(|p| p.is_file())
        .collect()
}

fn put<T: Table>(w: &mut (PathBuf, Csv), row: &T, raw: bool) -> Result<()> {
    let (path, w) = w;
    row.write_csv(w, raw)
        .map_err(|e| Error::io(path.as_path(), e))
}
