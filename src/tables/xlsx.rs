//! The workbook of a run (`kutip extract --xlsx FILE`): one sheet per table,
//! after an "About" sheet, written from the same rows and columns as the
//! CSV tables ([`Table::for_each_value`]).
//!
//! Each table sheet has a bold frozen header row, an autofilter and column
//! widths by column. Numbers are numbers; text is always a string cell, so
//! nothing of an article is ever a formula (`=1+1` stays the text `=1+1`,
//! without the `'` the CSV needs).
//!
//! Memory stays bounded: table sheets are written in rust_xlsxwriter's
//! constant-memory mode (each row goes to a temporary file in the
//! workbook's folder as soon as the next row starts). A sheet holds at most
//! 1,048,576 rows (the header and 1,048,575 rows of data); the rows past
//! that go on into a new sheet `mentions (2)` (then `(3)`, ...) with the
//! same header, placed after the others. A text cell holds at most 32,767
//! characters: a longer one is cut there, and the About sheet counts them.
//!
//! The workbook is written to `FILE.partial` and renamed when complete.

use super::choice::TableSet;
use super::schema::{DocOutput, DocumentRow, EntityRow, MentionRow, QuoteRow, Table, Value};
use crate::error::{Error, Result};
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

/// Rows of a sheet, header included (Excel's and LibreOffice's limit).
pub const SHEET_ROWS: u32 = 1_048_576;

/// Characters of a text cell (Excel's limit).
pub const CELL_CHARS: usize = 32_767;

/// One table's sheets: the current one and where its next row goes.
struct Sheets {
    table: &'static str,
    columns: &'static [&'static str],
    /// Index in the workbook of the sheet being written.
    index: usize,
    /// 1 for the first sheet, 2 for `NAME (2)`, ...
    part: usize,
    /// The next row (0 is the header).
    row: u32,
    /// Rows of data written, all sheets.
    rows: u64,
    /// The sheets done: (index, last row), for their autofilters.
    done: Vec<(usize, u32)>,
}

/// Writes the workbook of a run.
pub struct XlsxWriter {
    path: PathBuf,
    partial: PathBuf,
    workbook: Workbook,
    sheets: [Sheets; 4],
    /// The tables written (the sheets of the others are never made).
    tables: TableSet,
    bold: Format,
    rows_per_sheet: u32,
    truncated: u64,
}

impl XlsxWriter {
    /// Starts the workbook `path` (its folder must exist), with a sheet
    /// for documents and for each table of `tables`. Refuses when it exists
    /// and `force` is off.
    pub fn create(path: &Path, force: bool, tables: TableSet) -> Result<XlsxWriter> {
        XlsxWriter::with_rows_per_sheet(path, force, tables, SHEET_ROWS)
    }

    /// As [`XlsxWriter::create`], with sheets of at most `rows` rows
    /// (header included; for tests of the continuation sheets).
    pub fn with_rows_per_sheet(
        path: &Path,
        force: bool,
        tables: TableSet,
        rows: u32,
    ) -> Result<XlsxWriter> {
        if path.exists() && !force {
            return Err(Error::Refused(format!(
                "{} already exists; use --force to replace it",
                path.display()
            )));
        }
        let partial = partial_path(path);
        let folder = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        std::fs::create_dir_all(&folder).map_err(|e| Error::io(&folder, e))?;
        let mut workbook = Workbook::new();
        // The rows wait in temporary files beside the workbook, on the disk
        // it goes to (a full disk shows while writing, not only at the end).
        workbook
            .set_tempdir(&folder)
            .map_err(|e| workbook_error(path, "its temporary files", e))?;
        workbook
            .add_worksheet()
            .set_name("About")
            .map_err(|e| workbook_error(path, "sheet About", e))?;
        let mut writer = XlsxWriter {
            path: path.to_path_buf(),
            partial,
            workbook,
            sheets: [
                sheets::<DocumentRow>(),
                sheets::<MentionRow>(),
                sheets::<EntityRow>(),
                sheets::<QuoteRow>(),
            ],
            tables,
            bold: Format::new().set_bold(),
            rows_per_sheet: rows.clamp(2, SHEET_ROWS),
            truncated: 0,
        };
        for i in 0..writer.sheets.len() {
            if tables.has(writer.sheets[i].table) {
                writer.new_sheet(i)?;
            }
        }
        Ok(writer)
    }

    /// Appends one document's rows.
    pub fn write(&mut self, out: &DocOutput) -> Result<()> {
        self.put(0, &out.document)?;
        let t = self.tables;
        for r in out.mentions.iter().filter(|_| t.mentions) {
            self.put(1, r)?;
        }
        for r in out.entities.iter().filter(|_| t.entities) {
            self.put(2, r)?;
        }
        for r in out.quotes.iter().filter(|_| t.quotes) {
            self.put(3, r)?;
        }
        Ok(())
    }

    /// Rows of data written per table written, in table order.
    pub fn rows(&self) -> Vec<(&'static str, u64)> {
        self.written().map(|s| (s.table, s.rows)).collect()
    }

    /// The sheets of the tables written.
    fn written(&self) -> impl Iterator<Item = &Sheets> {
        self.sheets.iter().filter(|s| self.tables.has(s.table))
    }

    /// Fills the About sheet with `about` (label, value) lines, then the
    /// rows per table; saves the workbook and gives it its final name.
    pub fn finish(mut self, about: &[(String, String)]) -> Result<PathBuf> {
        let mut lines: Vec<(String, String)> = about.to_vec();
        lines.push(("tables made".into(), searched(self.tables)));
        for s in self.written() {
            let sheets = s.done.len() + 1;
            let note = if sheets > 1 {
                format!(" (on {sheets} sheets)")
            } else {
                String::new()
            };
            lines.push((format!("{} rows", s.table), format!("{}{note}", s.rows)));
        }
        lines.push((
            "text cells cut".into(),
            format!("{} (longer than {CELL_CHARS} characters)", self.truncated),
        ));
        lines.push((
            "rows per sheet".into(),
            format!(
                "at most {} (header included); more go on in `NAME (2)`",
                self.rows_per_sheet
            ),
        ));
        let path = self.path.clone();
        let about_sheet = self
            .workbook
            .worksheet_from_index(0)
            .map_err(|e| workbook_error(&path, "sheet About", e))?;
        about_sheet
            .set_column_width(0, 18)
            .map_err(|e| workbook_error(&path, "sheet About", e))?;
        about_sheet
            .set_column_width(1, 90)
            .map_err(|e| workbook_error(&path, "sheet About", e))?;
        for (row, (label, value)) in lines.iter().enumerate() {
            let row = row as u32;
            about_sheet
                .write_string_with_format(row, 0, label, &self.bold)
                .and_then(|w| w.write_string(row, 1, value))
                .map_err(|e| workbook_error(&path, "sheet About", e))?;
        }
        for i in 0..self.sheets.len() {
            let s = &self.sheets[i];
            if !self.tables.has(s.table) {
                continue;
            }
            let mut all = s.done.clone();
            all.push((s.index, s.row.saturating_sub(1)));
            let (table, columns) = (s.table, s.columns.len() as u16);
            for (index, last) in all {
                let sheet = self
                    .workbook
                    .worksheet_from_index(index)
                    .map_err(|e| workbook_error(&path, &format!("sheet {table}"), e))?;
                sheet
                    .autofilter(0, 0, last, columns - 1)
                    .map_err(|e| workbook_error(&path, &format!("sheet {table}"), e))?;
            }
        }
        // The workbook opens on the last table, the quotes in a run of all
        // four (About stays the first sheet).
        let last = self.written().last().map_or(0, |s| s.index);
        self.workbook
            .worksheet_from_index(last)
            .map_err(|e| workbook_error(&path, "its first sheet shown", e))?
            .set_active(true);
        let partial = self.partial.clone();
        let saved = catch_unwind(AssertUnwindSafe(|| self.workbook.save(&partial)));
        let failed = match saved {
            Ok(Ok(())) => None,
            Ok(Err(e)) => Some(workbook_error(&path, "saving the workbook", e)),
            Err(panic) => Some(panicked(&path, "saving the workbook", panic)),
        };
        if let Some(e) = failed {
            // Half a zip is of no use to anyone: only the message stays.
            let _ = std::fs::remove_file(&partial);
            return Err(e);
        }
        std::fs::rename(&partial, &path).map_err(|e| Error::io(&path, e))?;
        Ok(path)
    }

    /// Opens the sheet `NAME` (or `NAME (2)`, ...) of table `i`, with its
    /// header, widths, frozen first row.
    fn new_sheet(&mut self, i: usize) -> Result<()> {
        let path = self.path.clone();
        let s = &mut self.sheets[i];
        if s.row > 0 {
            s.done.push((s.index, s.row - 1));
            s.part += 1;
        }
        let name = match s.part {
            1 => s.table.to_string(),
            n => format!("{} ({n})", s.table),
        };
        let table = s.table;
        let columns = s.columns;
        let err = |e| workbook_error(&path, &format!("sheet {table}"), e);
        // The widths and the frozen row go before any row: in constant
        // memory mode rows are written out as they come.
        let sheet = self.workbook.add_worksheet_with_constant_memory();
        sheet.set_name(&name).map_err(err)?;
        for (c, col) in columns.iter().enumerate() {
            sheet.set_column_width(c as u16, width(col)).map_err(err)?;
        }
        sheet.set_freeze_panes(1, 0).map_err(err)?;
        for (c, col) in columns.iter().enumerate() {
            sheet
                .write_string_with_format(0, c as u16, *col, &self.bold)
                .map_err(err)?;
        }
        let index = self.workbook.worksheets().len() - 1;
        let s = &mut self.sheets[i];
        s.index = index;
        s.row = 1;
        Ok(())
    }

    fn put<T: Table>(&mut self, i: usize, row: &T) -> Result<()> {
        if self.sheets[i].row >= self.rows_per_sheet {
            self.new_sheet(i)?;
        }
        let path = self.path.clone();
        let s = &mut self.sheets[i];
        let (table, r, index) = (s.table, s.row, s.index);
        let sheet = self
            .workbook
            .worksheet_from_index(index)
            .map_err(|e| workbook_error(&path, &format!("sheet {table}"), e))?;
        let truncated = &mut self.truncated;
        // rust_xlsxwriter panics when its temporary file cannot be written
        // (a full disk): that becomes this table's error.
        let written = catch_unwind(AssertUnwindSafe(|| write_row(sheet, r, row, truncated)));
        match written {
            Ok(Ok(())) => {}
            Ok(Err(e)) => return Err(workbook_error(&path, &format!("sheet {table}"), e)),
            Err(panic) => return Err(panicked(&path, &format!("sheet {table}"), panic)),
        }
        let s = &mut self.sheets[i];
        s.row += 1;
        s.rows += 1;
        Ok(())
    }
}

/// Whether `path` is a workbook kutip wrote: its sheets are About and
/// documents, then those of the tables its run wrote.
pub fn is_kutip_workbook(path: &Path) -> bool {
    use std::io::Read;
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    let Ok(mut zip) = zip::ZipArchive::new(file) else {
        return false;
    };
    let Ok(mut entry) = zip.by_name("xl/workbook.xml") else {
        return false;
    };
    let mut xml = String::new();
    if entry.read_to_string(&mut xml).is_err() {
        return false;
    }
    ["About", "documents"]
        .iter()
        .all(|n| xml.contains(&format!("<sheet name=\"{n}\"")))
}

/// The files in `dir` made from tables that a new run replaces: kutip's
/// `report.html` and workbooks, but `keep` (the workbook this run writes).
pub fn older_derived_files(dir: &Path, keep: Option<&Path>) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let keep = keep.and_then(|k| std::fs::canonicalize(k).ok());
    let mut found: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy().to_lowercase());
            match name.as_deref() {
                Some("report.html") => true,
                Some(n) if n.ends_with(".xlsx") => {
                    std::fs::canonicalize(p).ok() != keep && is_kutip_workbook(p)
                }
                _ => false,
            }
        })
        .collect();
    found.sort();
    found
}

/// The About sheet's line on the tables: which were written, and what was
/// not searched (`documents,mentions,entities; quotes not searched`).
fn searched(tables: TableSet) -> String {
    let mut not = Vec::new();
    if !tables.names() {
        not.push("names");
    }
    if !tables.quotes {
        not.push("quotes");
    }
    match not.is_empty() {
        true => tables.to_string(),
        false => format!("{tables}; {} not searched", not.join(" and ")),
    }
}

fn sheets<T: Table>() -> Sheets {
    Sheets {
        table: T::NAME,
        columns: T::COLUMNS,
        index: 0,
        part: 1,
        row: 0,
        rows: 0,
        done: Vec::new(),
    }
}

fn write_row<T: Table>(
    sheet: &mut Worksheet,
    r: u32,
    row: &T,
    truncated: &mut u64,
) -> std::result::Result<(), XlsxError> {
    let mut c = 0u16;
    row.for_each_value(|v| {
        match v {
            Value::Number(n) => {
                sheet.write_number(r, c, n as f64)?;
            }
            Value::Text("") => {}
            Value::Text(t) => {
                let t = match t.char_indices().nth(CELL_CHARS) {
                    Some((cut, _)) => {
                        *truncated += 1;
                        &t[..cut]
                    }
                    None => t,
                };
                sheet.write_string(r, c, t)?;
            }
        }
        c += 1;
        Ok(())
    })
}

/// Column widths in characters: wide for running text, narrow for numbers
/// and codes.
fn width(column: &str) -> f64 {
    match column {
        "text" => 50.0,
        "title" | "error" | "source" => 40.0,
        "doc_id" => 28.0,
        "entity" | "speaker" | "surface" | "speaker_surface" => 20.0,
        "entity_id" | "speaker_id" => 12.0,
        c => (c.len() as f64 + 4.0).max(9.0),
    }
}

fn partial_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".partial");
    PathBuf::from(name)
}

fn workbook_error(path: &Path, what: &str, e: XlsxError) -> Error {
    let source = match e {
        XlsxError::IoError(io) => io,
        e => std::io::Error::other(e.to_string()),
    };
    Error::io(
        PathBuf::from(format!("{} ({what})", path.display())),
        source,
    )
}

fn panicked(path: &Path, what: &str, panic: Box<dyn std::any::Any + Send>) -> Error {
    let message = panic
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_else(|| "the workbook writer failed".into());
    workbook_error(
        path,
        what,
        XlsxError::IoError(std::io::Error::other(message)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{open_workbook, Data, Reader, Xlsx};

    fn doc_with_mentions(n: usize) -> DocOutput {
        let mut out = DocOutput::default();
        out.document.doc_id = "d".into();
        out.mentions = (0..n)
            .map(|i| MentionRow {
                doc_id: "d".into(),
                start: i,
                surface: format!("w{i}"),
                ..MentionRow::default()
            })
            .collect();
        out
    }

    #[test]
    fn rows_past_the_sheet_limit_go_on_in_a_numbered_sheet() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.xlsx");
        // 3 rows a sheet: the header and 2 of data.
        let mut w = XlsxWriter::with_rows_per_sheet(&path, false, TableSet::ALL, 3).unwrap();
        w.write(&doc_with_mentions(5)).unwrap();
        assert_eq!(w.rows()[1], ("mentions", 5));
        w.finish(&[]).unwrap();
        let mut wb: Xlsx<_> = open_workbook(&path).unwrap();
        let names = wb.sheet_names().to_vec();
        assert_eq!(
            names,
            [
                "About",
                "documents",
                "mentions",
                "entities",
                "quotes",
                "mentions (2)",
                "mentions (3)"
            ]
        );
        let mut starts = Vec::new();
        for name in ["mentions", "mentions (2)", "mentions (3)"] {
            let range = wb.worksheet_range(name).unwrap();
            let mut rows = range.rows();
            assert_eq!(rows.next().unwrap()[0], Data::String("doc_id".into()));
            starts.extend(rows.map(|r| r[1].clone()));
        }
        let expected: Vec<Data> = (0..5).map(|i| Data::Float(i as f64)).collect();
        assert_eq!(starts, expected, "every row once, in order");
        assert!(!partial_path(&path).exists());
    }

    #[test]
    fn a_text_cell_longer_than_the_limit_is_cut_and_counted() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.xlsx");
        let mut w = XlsxWriter::create(&path, false, TableSet::ALL).unwrap();
        let mut out = DocOutput::default();
        out.document.title = "é".repeat(CELL_CHARS + 5);
        w.write(&out).unwrap();
        assert_eq!(w.truncated, 1);
        w.finish(&[]).unwrap();
        let mut wb: Xlsx<_> = open_workbook(&path).unwrap();
        let docs = wb.worksheet_range("documents").unwrap();
        let title = docs.rows().nth(1).unwrap()[2].to_string();
        assert_eq!(title.chars().count(), CELL_CHARS);
        let about = wb.worksheet_range("About").unwrap();
        assert!(about
            .rows()
            .any(|r| r[0] == "text cells cut" && r[1].to_string().starts_with("1 ")));
    }
}
