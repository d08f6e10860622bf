//! A disk that fills up mid-run: extract writes into a small tmpfs mounted
//! by the test (as root; skipped, saying so, where mounting is not
//! allowed) and must stop with exit 2, a message naming the table, and no
//! table or workbook that looks finished.

use std::path::{Path, PathBuf};
use std::process::Command;

mod common;
use common::kutip;

/// A tmpfs of `size` mounted on a fresh folder; unmounted when dropped.
struct SmallDisk {
    _dir: tempfile::TempDir,
    mount: PathBuf,
}

impl SmallDisk {
    fn new(size: &str) -> Option<SmallDisk> {
        let dir = tempfile::tempdir().unwrap();
        let mount = dir.path().join("disk");
        std::fs::create_dir(&mount).unwrap();
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(&mount)
            .output()
            .is_ok_and(|o| o.status.success());
        if !ok {
            eprintln!("skipped: cannot mount a tmpfs here (needs root and mount)");
            return None;
        }
        Some(SmallDisk { _dir: dir, mount })
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.mount).output();
    }
}

/// A corpus whose tables are far larger than the disk: the sample
/// articles, 60 copies each.
fn big_corpus(dir: &Path) -> PathBuf {
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/corpus");
    let corpus = dir.join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    for entry in std::fs::read_dir(samples).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            let text = std::fs::read(&path).unwrap();
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            for i in 0..60 {
                std::fs::write(corpus.join(format!("{name}-{i:02}.txt")), &text).unwrap();
            }
        }
    }
    corpus
}

#[test]
fn a_full_disk_stops_extract_naming_the_table_and_no_table_looks_finished() {
    let Some(disk) = SmallDisk::new("256k") else {
        return;
    };
    let work = tempfile::tempdir().unwrap();
    let corpus = big_corpus(work.path());
    let out = disk.mount.join("out");
    let o = kutip(&[
        "extract",
        corpus.to_str().unwrap(),
        "-q",
        "-o",
        out.to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains(".csv.partial"), "names the table: {err}");
    assert!(err.contains("No space left on device"), "{err}");
    for table in [
        "documents.csv",
        "mentions.csv",
        "entities.csv",
        "quotes.csv",
    ] {
        assert!(!out.join(table).exists(), "{table} looks finished");
    }
}

#[test]
fn a_full_disk_stops_the_workbook_naming_it_and_no_workbook_looks_finished() {
    let Some(disk) = SmallDisk::new("256k") else {
        return;
    };
    let work = tempfile::tempdir().unwrap();
    let corpus = big_corpus(work.path());
    let out = work.path().join("out");
    let book = disk.mount.join("kutip.xlsx");
    let o = kutip(&[
        "extract",
        corpus.to_str().unwrap(),
        "-q",
        "-o",
        out.to_str().unwrap(),
        "--xlsx",
        book.to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains("kutip.xlsx (sheet "),
        "names the workbook and the sheet: {err}"
    );
    assert!(err.contains("No space left on device"), "{err}");
    assert!(!err.contains("panicked"), "a message, not a panic: {err}");
    assert!(!book.exists(), "the workbook looks finished");
    for table in ["documents.csv", "mentions.csv"] {
        assert!(!out.join(table).exists(), "{table} looks finished");
    }
}
