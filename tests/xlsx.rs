//! `kutip extract --xlsx FILE`: the workbook read back (calamine) holds the
//! same cells as the CSV tables of the same run.

use calamine::{open_workbook, Data, Reader, Xlsx};
use kutip::tables::{unneutralize, TABLES};
use std::path::{Path, PathBuf};
use std::process::Command;

mod common;
use common::{kutip, samples};

/// Runs extract on `input` with `--xlsx`; returns (tables folder, workbook).
fn extract(input: &Path, dir: &Path) -> (PathBuf, PathBuf) {
    let out = dir.join("out");
    let book = out.join("kutip.xlsx");
    let o = kutip(&[
        "extract",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--xlsx",
        book.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    (out, book)
}

/// A workbook cell as the CSV writes it (before neutralization).
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) => {
            assert_eq!(f.fract(), 0.0, "numbers are whole: {f}");
            format!("{}", *f as u64)
        }
        Data::Int(i) => i.to_string(),
        other => panic!("unexpected cell {other:?}"),
    }
}

/// Asserts that every sheet of the workbook holds its CSV table, cell for
/// cell; returns the workbook's sheet names.
fn assert_same_as_csv(out: &Path, book: &Path) -> Vec<String> {
    let mut wb: Xlsx<_> = open_workbook(book).expect("workbook opens");
    let names = wb.sheet_names().to_vec();
    for table in TABLES {
        let name = table.trim_end_matches(".csv");
        let range = wb.worksheet_range(name).expect("sheet per table");
        let mut r = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_path(out.join(table))
            .unwrap();
        let csv_rows: Vec<csv::StringRecord> = r.records().map(|r| r.unwrap()).collect();
        let sheet_rows: Vec<&[Data]> = range.rows().collect();
        assert_eq!(sheet_rows.len(), csv_rows.len(), "{name}: rows");
        for (i, (sheet_row, csv_row)) in sheet_rows.iter().zip(&csv_rows).enumerate() {
            for (j, csv_cell) in csv_row.iter().enumerate() {
                let cell = sheet_row.get(j).unwrap_or(&Data::Empty);
                assert_eq!(
                    cell_text(cell),
                    unneutralize(csv_cell),
                    "{name} row {i} column {j}"
                );
                // Numbers are numbers, everything else is text.
                let numeric = i > 0 && matches!(cell, Data::Float(_));
                let looks_numeric = csv_cell.parse::<u64>().is_ok();
                if numeric {
                    assert!(looks_numeric, "{name} row {i} column {j}: {csv_cell:?}");
                }
            }
        }
    }
    names
}

#[test]
fn sample_workbook_reads_back_equal_to_the_csv_tables() {
    let dir = tempfile::tempdir().unwrap();
    let (out, book) = extract(&samples(), dir.path());
    let names = assert_same_as_csv(&out, &book);
    assert_eq!(
        names,
        ["About", "documents", "mentions", "entities", "quotes"]
    );
    let mut wb: Xlsx<_> = open_workbook(&book).unwrap();
    let mentions = wb.worksheet_range("mentions").unwrap();
    let start = mentions
        .rows()
        .next()
        .unwrap()
        .iter()
        .position(|c| c == "start");
    let first = &mentions.rows().nth(1).unwrap()[start.unwrap()];
    assert!(
        matches!(first, Data::Float(_)),
        "start is a number: {first:?}"
    );
    let about = wb.worksheet_range("About").unwrap();
    let labels: Vec<String> = about.rows().map(|r| cell_text(&r[0])).collect();
    for label in [
        "command",
        "version",
        "date",
        "input",
        "documents",
        "mentions rows",
    ] {
        assert!(
            labels.iter().any(|l| l == label),
            "About lacks {label}: {labels:?}"
        );
    }
}

#[test]
fn formula_like_text_stays_text_in_the_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    std::fs::write(
        &input,
        concat!(
            r#"{"id": "=HYPERLINK(\"x\")", "title": "+62 811", "#,
            r#""text": "@dewi menulis. \"-Kami siap bekerja,\" kata Dewi Lestari."}"#,
            "\n"
        ),
    )
    .unwrap();
    let (out, book) = extract(&input, dir.path());
    assert_same_as_csv(&out, &book);
    let mut wb: Xlsx<_> = open_workbook(&book).unwrap();
    let docs = wb.worksheet_range("documents").unwrap();
    let row = docs.rows().nth(1).unwrap();
    assert_eq!(row[0], Data::String("=HYPERLINK(\"x\")".into()));
    assert_eq!(row[2], Data::String("+62 811".into()));
    for name in ["documents", "mentions", "entities", "quotes"] {
        let formulas = wb.worksheet_formula(name).unwrap();
        assert!(
            formulas.used_cells().all(|(_, _, f)| f.is_empty()),
            "{name} has a formula"
        );
    }
}

#[test]
fn an_existing_workbook_is_replaced_only_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("old.xlsx");
    std::fs::write(&book, "old").unwrap();
    let out = dir.path().join("out");
    let args = |force: bool| {
        let mut a = vec![
            "extract".to_string(),
            samples().display().to_string(),
            "-q".into(),
            "-o".into(),
            out.display().to_string(),
            "--xlsx".into(),
            book.display().to_string(),
        ];
        if force {
            a.push("--force".into());
        }
        a
    };
    let refused = Command::new(env!("CARGO_BIN_EXE_kutip"))
        .args(args(false))
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("old.xlsx already exists"));
    let forced = Command::new(env!("CARGO_BIN_EXE_kutip"))
        .args(args(true))
        .output()
        .unwrap();
    assert!(forced.status.success());
    assert_same_as_csv(&out, &book);
}

#[test]
fn force_removes_the_report_and_workbook_of_the_older_run() {
    let dir = tempfile::tempdir().unwrap();
    let (out, book) = extract(&samples(), dir.path());
    let o = kutip(&["report", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(out.join("report.html").exists());
    let other = out.join("mine.xlsx");
    std::fs::write(&other, "not kutip's").unwrap();
    let o = kutip(&[
        "extract",
        samples().to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--force",
    ]);
    assert!(o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!out.join("report.html").exists(), "{err}");
    assert!(!book.exists(), "{err}");
    assert!(
        err.contains("removed") && err.contains("report.html"),
        "{err}"
    );
    assert!(other.exists(), "a workbook kutip did not write stays");
}
