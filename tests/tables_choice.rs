//! `--tables`: a run that makes some tables only searches only for what
//! they hold, and documents.csv tells "not searched" (an empty cell) from
//! "none found" (0). Texts written for these tests, and the sample corpus.

use std::path::{Path, PathBuf};
use std::process::Output;

mod common;
use common::{kutip_in, samples};

fn kutip(args: &[&str], stdin: &[u8]) -> Output {
    kutip_in(Path::new("."), args, stdin)
}

fn extract(input: &Path, out: &Path, extra: &[&str]) -> Output {
    let (i, o) = (input.display().to_string(), out.display().to_string());
    let o = kutip(
        &[&["extract", &i, "--out", &o, "--force", "-q"], extra].concat(),
        b"",
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    o
}

fn read(dir: &Path, table: &str) -> String {
    std::fs::read_to_string(dir.join(table)).unwrap()
}

/// The records of a CSV table, header first.
fn records(dir: &Path, table: &str) -> Vec<Vec<String>> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(dir.join(table))
        .unwrap();
    r.records()
        .map(|rec| rec.unwrap().iter().map(str::to_string).collect())
        .collect()
}

fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Column `name` of a table's header.
fn col(rows: &[Vec<String>], name: &str) -> usize {
    rows[0].iter().position(|h| h == name).unwrap()
}

/// The sample corpus and two articles quoting people no list holds.
fn corpus(dir: &Path) -> PathBuf {
    let c = dir.join("corpus");
    std::fs::create_dir_all(&c).unwrap();
    for e in std::fs::read_dir(samples()).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, c.join(p.file_name().unwrap())).unwrap();
    }
    std::fs::write(
        c.join("x-quarry.txt"),
        "Residents Protest Quarry Plan\nResidents of the valley rallied against a quarry plan on Monday.\n\
         \"We will not leave this land,\" said Harlan Wexbridge, a local farmer.\n",
    )
    .unwrap();
    std::fs::write(
        c.join("x-tambang.txt"),
        "Warga Menolak Rencana Tambang\nWarga desa menolak rencana tambang di lereng gunung, Senin.\n\
         \"Kami tidak akan pindah dari tanah ini,\" kata Pak Darmo, ketua RT setempat.\n",
    )
    .unwrap();
    c
}

#[test]
fn names_only_tables_are_those_of_the_full_run_without_quotes() {
    let dir = tempfile::tempdir().unwrap();
    let input = corpus(dir.path());
    // With the tagger, and with lists only (a speaker no list holds is then
    // never a mention: its row in entities.csv has 0 mentions).
    for extra in [&[][..], &["--no-model"][..]] {
        let (full, names) = (dir.path().join("full"), dir.path().join("names"));
        extract(&input, &full, extra);
        extract(
            &input,
            &names,
            &[extra, &["--tables", "mentions,entities"]].concat(),
        );
        assert_eq!(
            files(&names),
            ["documents.csv", "entities.csv", "mentions.csv"]
        );
        assert_eq!(read(&full, "mentions.csv"), read(&names, "mentions.csv"));

        // documents.csv: the same rows, `quotes` empty (not searched) where
        // the full run has a count.
        let (d_full, d_names) = (
            records(&full, "documents.csv"),
            records(&names, "documents.csv"),
        );
        let q = col(&d_full, "quotes");
        assert_eq!(d_full.len(), d_names.len());
        for (a, b) in d_full[1..].iter().zip(&d_names[1..]) {
            assert_eq!(b[q], "");
            let mut a = a.clone();
            a[q] = String::new();
            assert_eq!(&a, b);
        }

        // entities.csv: the entities mentioned, `quotes` empty; speakers
        // never mentioned (0 mentions in the full run) have no row.
        let (e_full, e_names) = (
            records(&full, "entities.csv"),
            records(&names, "entities.csv"),
        );
        let (m, q) = (col(&e_full, "mentions"), col(&e_full, "quotes"));
        if extra == ["--no-model"] {
            assert!(e_full[1..]
                .iter()
                .any(|r| r[m] == "0" && r[2] == "Harlan Wexbridge"));
        }
        let want: Vec<Vec<String>> = e_full[1..]
            .iter()
            .filter(|r| r[m] != "0")
            .map(|r| {
                let mut r = r.clone();
                r[q] = String::new();
                r
            })
            .collect();
        assert_eq!(e_names[0], e_full[0]);
        assert_eq!(&e_names[1..], &want[..]);
    }
}

#[test]
fn names_only_tables_are_deterministic_across_threads() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    let t = ["--tables", "mentions,entities"];
    extract(&samples(), &a, &[&t[..], &["-j", "1"]].concat());
    extract(&samples(), &b, &[&t[..], &["-j", "2"]].concat());
    for table in ["documents.csv", "mentions.csv", "entities.csv"] {
        assert_eq!(read(&a, table), read(&b, table), "{table}");
    }
}

#[test]
fn quotes_alone_are_those_of_the_full_run_and_names_are_not_counted() {
    let dir = tempfile::tempdir().unwrap();
    let (full, quotes) = (dir.path().join("full"), dir.path().join("quotes"));
    extract(&samples(), &full, &[]);
    extract(&samples(), &quotes, &["--tables", "quotes"]);
    assert_eq!(files(&quotes), ["documents.csv", "quotes.csv"]);
    assert_eq!(read(&full, "quotes.csv"), read(&quotes, "quotes.csv"));
    let docs = records(&quotes, "documents.csv");
    let (m, q) = (col(&docs, "mentions"), col(&docs, "quotes"));
    assert!(docs[1..]
        .iter()
        .all(|r| r[m].is_empty() && !r[q].is_empty()));
}

#[test]
fn a_forced_run_of_fewer_tables_removes_the_older_ones_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    extract(&samples(), &out, &[]);
    let (i, o) = (samples().display().to_string(), out.display().to_string());
    // Without --force: refused, as for any table there.
    let refused = kutip(&["extract", &i, "--out", &o, "--tables", "mentions"], b"");
    assert_eq!(refused.status.code(), Some(2));
    let done = kutip(
        &[
            "extract", &i, "--out", &o, "--force", "--tables", "mentions",
        ],
        b"",
    );
    assert!(done.status.success());
    let stderr = String::from_utf8_lossy(&done.stderr);
    assert!(stderr.contains("quotes.csv"), "{stderr}");
    assert!(stderr.contains("quotes not searched"), "{stderr}");
    assert_eq!(files(&out), ["documents.csv", "mentions.csv"]);
}

#[test]
fn entities_alone_count_the_mentions_they_hold() {
    let dir = tempfile::tempdir().unwrap();
    let (full, ents) = (dir.path().join("full"), dir.path().join("ents"));
    extract(&samples(), &full, &[]);
    let (i, o) = (samples().display().to_string(), ents.display().to_string());
    let done = kutip(&["extract", &i, "--out", &o, "--tables", "entities"], b"");
    assert!(done.status.success());
    assert_eq!(files(&ents), ["documents.csv", "entities.csv"]);
    // The mentions entities.csv counts are found, and said so.
    let docs = records(&ents, "documents.csv");
    let m = col(&docs, "mentions");
    let found: usize = docs[1..]
        .iter()
        .map(|r| r[m].parse::<usize>().unwrap())
        .sum();
    let rows = records(&full, "mentions.csv").len() - 1;
    assert_eq!(found, rows);
    let stderr = String::from_utf8_lossy(&done.stderr);
    assert!(
        stderr.contains(&format!(", {rows} mentions, quotes not searched")),
        "{stderr}"
    );
}

#[test]
fn an_unknown_table_is_refused_with_the_choices() {
    let dir = tempfile::tempdir().unwrap();
    let (i, o) = (
        samples().display().to_string(),
        dir.path().display().to_string(),
    );
    let bad = kutip(&["extract", &i, "--out", &o, "--tables", "names"], b"");
    assert_eq!(bad.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&bad.stderr);
    assert!(
        stderr.contains("no table \"names\": the tables are documents, mentions, entities, quotes"),
        "{stderr}"
    );
    assert!(files(dir.path()).is_empty());
}

#[test]
fn the_report_refuses_a_run_of_some_tables() {
    let dir = tempfile::tempdir().unwrap();
    extract(&samples(), dir.path(), &["--tables", "mentions,entities"]);
    let o = kutip(&["report", &dir.path().display().to_string()], b"");
    assert_eq!(o.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("has no quotes.csv"), "{stderr}");
}

#[test]
fn the_workbook_has_the_sheets_of_the_tables_made_and_says_what_was_not_searched() {
    use calamine::{open_workbook, Reader, Xlsx};
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("k.xlsx");
    let b = book.display().to_string();
    extract(
        &samples(),
        dir.path(),
        &["--tables", "mentions,entities", "--xlsx", &b],
    );
    let mut wb: Xlsx<_> = open_workbook(&book).unwrap();
    assert_eq!(
        wb.sheet_names().to_vec(),
        ["About", "documents", "mentions", "entities"]
    );
    let about = wb.worksheet_range("About").unwrap();
    let line = about
        .rows()
        .find(|r| r[0] == "tables made")
        .map(|r| r[1].to_string());
    assert_eq!(
        line.as_deref(),
        Some("documents,mentions,entities; quotes not searched")
    );
}

const RECORDS: &str = r#"{"id": "a", "text": "Menteri Luar Negeri Retno Marsudi bertemu Sergey Lavrov di Moskow. \"Kami sepakat,\" kata Retno."}
{"id": "b", "text": "Prime Minister Anthony Albanese visited Jakarta on Monday."}
{"id": "c", "text": "Hujan turun sepanjang hari di kota itu."}
"#;

fn numbered() -> String {
    RECORDS
        .lines()
        .enumerate()
        .map(|(i, l)| format!("c.jsonl:{}\t{l}\n", i + 1))
        .collect()
}

fn map(tables: &[&str]) -> Vec<u8> {
    let o = kutip(
        &[&["map", "--numbered", "-q"], tables].concat(),
        numbered().as_bytes(),
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    o.stdout
}

#[test]
fn shards_of_names_only_merge_into_the_tables_of_extract() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("c.jsonl"), RECORDS).unwrap();
    let t = ["--tables", "mentions,entities"];
    let shard = map(&t);
    assert!(!String::from_utf8_lossy(&shard).contains("\"table\":\"quotes\""));
    std::fs::write(dir.path().join("part-00000"), &shard).unwrap();
    let merged = dir.path().join("merged");
    let o = kutip(
        &[
            "merge",
            &dir.path().join("part-00000").display().to_string(),
            "--out",
            &merged.display().to_string(),
            "-q",
        ],
        b"",
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let direct = dir.path().join("direct");
    let o = kutip_in(
        dir.path(),
        &[&["extract", "c.jsonl", "--out", "direct", "-q"], &t[..]].concat(),
        b"",
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    // "Not searched" (empty) is not "none found" (0).
    assert!(read(&direct, "documents.csv").contains("\r\nc,c.jsonl:3,,id,39,1,0,0,,ok,\r\n"));
    assert_eq!(files(&merged), files(&direct));
    for table in files(&direct) {
        assert_eq!(read(&merged, &table), read(&direct, &table), "{table}");
    }
}

#[test]
fn shards_of_runs_of_different_tables_are_not_merged() {
    let dir = tempfile::tempdir().unwrap();
    let all = map(&[]);
    let names = map(&["--tables", "mentions,entities"]);
    // The first two documents from a full run, the last from a names-only one.
    let take = |shard: &[u8], ids: &[&str]| -> String {
        String::from_utf8_lossy(shard)
            .lines()
            .filter(|l| {
                ids.iter()
                    .any(|id| l.contains(&format!("\"doc_id\":\"{id}\"")))
            })
            .map(|l| format!("{l}\n"))
            .collect()
    };
    let (p1, p2) = (dir.path().join("p1"), dir.path().join("p2"));
    std::fs::write(&p1, take(&all, &["a", "b"])).unwrap();
    std::fs::write(&p2, take(&names, &["c"])).unwrap();
    let out = dir.path().join("out");
    let o = kutip(
        &[
            "merge",
            &p1.display().to_string(),
            &p2.display().to_string(),
            "--out",
            &out.display().to_string(),
        ],
        b"",
    );
    assert_eq!(o.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("merge the shards of runs of the same --tables"),
        "{stderr}"
    );
    assert!(stderr.contains("documents,mentions,entities"), "{stderr}");
    assert!(!out.join("documents.csv").exists());
}
