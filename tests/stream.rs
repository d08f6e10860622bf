//! `kutip map` and `kutip merge` as a cluster engine runs them: an empty
//! environment, input split in shards, tasks retried; the merged tables
//! must be those of `kutip extract`, byte for byte.
//!
//! Exit status, as tested here: `map` exits 0 when every row was written,
//! bad records included (they are `error` rows, not process failures), and
//! 2 when rows were lost (stdout unwritable) or the job is wrong (a
//! `--numbered` line without FILE:LINE); `merge` exits as `extract` does:
//! 0, 1 when some document row is an error, 2 when a shard is unusable.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_kutip")
}

/// Runs kutip with an empty environment (what `env -i` does, and what
/// Spark's `rdd.pipe` gives by default), `stdin` on standard input.
fn kutip(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(bin())
        .args(args)
        .env_clear()
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run kutip");
    let mut input = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    let feeder = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    out
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("exited")
}

/// A corpus with what a real one has: ids and no ids, both languages,
/// a bad line, a blank line, a repeated id, a record with no text, and
/// texts with every kind of line break.
fn corpus() -> String {
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/corpus");
    let mut lines: Vec<String> = std::fs::read_to_string(samples.join("wire.jsonl"))
        .unwrap()
        .lines()
        .map(String::from)
        .collect();
    for name in ["id-kazakhstan-csto.txt", "en-asean-foreign-ministers.txt"] {
        let text = std::fs::read_to_string(samples.join(name)).unwrap();
        lines.push(serde_json::json!({"id": name, "text": text}).to_string());
    }
    let breaks = "Wang Yi met Sergey Lavrov.\r\n\u{2028}\"We agree,\" Wang said.\u{85}\u{2029}=1+1";
    lines.extend([
        "{nope".to_string(),
        String::new(),
        serde_json::json!({"text": breaks, "title": "+Breaks"}).to_string(),
        lines[0].clone(),
        r#"{"id": "no-text"}"#.to_string(),
        serde_json::json!({"text": "Prabowo bertemu Wang Yi di Jakarta."}).to_string(),
    ]);
    lines.join("\n") + "\n"
}

/// The corpus as `--numbered` input: `FILE:LINE`, a tab, the line.
fn numbered(corpus: &str, file: &str) -> Vec<String> {
    corpus
        .lines()
        .enumerate()
        .map(|(i, l)| format!("{file}:{}\t{l}\n", i + 1))
        .collect()
}

/// Splits lines in `n` contiguous shards, as an engine splits a file.
fn shards(lines: &[String], n: usize) -> Vec<String> {
    let size = lines.len().div_ceil(n);
    lines.chunks(size).map(|c| c.concat()).collect()
}

fn tables(dir: &Path) -> Vec<(String, Vec<u8>)> {
    kutip::tables::TABLES
        .iter()
        .map(|t| (t.to_string(), std::fs::read(dir.join(t)).unwrap()))
        .collect()
}

/// Maps each shard (as its own task), writes the outputs as part files
/// and merges them into `out`.
fn map_merge(
    dir: &Path,
    shards: &[String],
    map_args: &[&str],
    merge_args: &[&str],
    out: &str,
) -> i32 {
    let parts = dir.join(format!("{out}-parts"));
    std::fs::create_dir_all(&parts).unwrap();
    for (i, shard) in shards.iter().enumerate() {
        let o = kutip(&[&["map"], map_args].concat(), shard.as_bytes());
        assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
        std::fs::write(parts.join(format!("part-{i:05}")), &o.stdout).unwrap();
    }
    std::fs::write(parts.join("_SUCCESS"), "").unwrap();
    let out = dir.join(out);
    let (p, o) = (parts.display().to_string(), out.display().to_string());
    let merged = kutip(
        &[&["merge", &p, "--out", &o, "-q"], merge_args].concat(),
        b"",
    );
    code(&merged)
}

#[test]
fn three_shards_merged_are_byte_identical_to_extract() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus();
    std::fs::write(dir.path().join("c.jsonl"), &corpus).unwrap();
    let lines = numbered(&corpus, "c.jsonl");
    // (map options, merge and extract options)
    let cases: &[(&[&str], &[&str])] = &[
        (&["--numbered"], &[]),
        (&["--numbered", "-j", "2"], &["--raw"]),
        (&["--numbered"], &["--excel"]),
    ];
    for (i, (map_args, options)) in cases.iter().enumerate() {
        let ext = format!("ext{i}");
        let o = Command::new(bin())
            .current_dir(dir.path())
            .args([&["extract", "c.jsonl", "--out", &ext, "-q"], *options].concat())
            .output()
            .unwrap();
        assert_eq!(code(&o), 1, "a bad line makes extract exit 1");
        let merged = map_merge(
            dir.path(),
            &shards(&lines, 3),
            map_args,
            options,
            &format!("merged{i}"),
        );
        assert_eq!(merged, 1, "merge exits as extract does");
        let (want, got) = (
            tables(&dir.path().join(&ext)),
            tables(&dir.path().join(format!("merged{i}"))),
        );
        for ((name, w), (_, g)) in want.iter().zip(&got) {
            assert!(
                w == g,
                "{name} differs with {options:?}:\n{}\n---\n{}",
                String::from_utf8_lossy(w),
                String::from_utf8_lossy(g)
            );
        }
    }
    let docs = String::from_utf8(tables(&dir.path().join("merged0"))[0].1.clone()).unwrap();
    assert!(
        docs.contains("wire-001#2,c.jsonl:"),
        "the repeated id is renamed in corpus order"
    );
    assert!(docs.contains("c.jsonl:5,c.jsonl:5,,,0,0,0,0,0,error,c.jsonl:5: invalid JSON"));
}

#[test]
fn shards_in_any_order_and_any_number_merge_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let lines = numbered(&corpus(), "c.jsonl");
    let mut reversed = shards(&lines, 4);
    reversed.reverse();
    // A shard out of order inside (as after a shuffle) is sorted in memory.
    let mut shuffled = lines.clone();
    shuffled.reverse();
    map_merge(dir.path(), &shards(&lines, 1), &["--numbered"], &[], "one");
    map_merge(dir.path(), &reversed, &["--numbered"], &[], "reversed");
    map_merge(
        dir.path(),
        &shards(&shuffled, 2),
        &["--numbered"],
        &[],
        "shuffled",
    );
    let one = tables(&dir.path().join("one"));
    assert_eq!(tables(&dir.path().join("reversed")), one);
    assert_eq!(tables(&dir.path().join("shuffled")), one);
}

#[test]
fn map_output_is_one_json_row_per_line_and_retries_give_the_same_bytes() {
    let corpus = corpus();
    for args in [&["map"][..], &["map", "-j", "3"]] {
        let first = kutip(args, corpus.as_bytes());
        let again = kutip(args, corpus.as_bytes());
        assert_eq!(code(&first), 0, "a bad line is a row, not a failure");
        assert_eq!(
            first.stdout, again.stdout,
            "a retried task writes the same bytes"
        );
        let text = String::from_utf8(first.stdout).unwrap();
        assert!(!text.contains(['\r', '\u{85}', '\u{2028}', '\u{2029}']));
        let mut tables = std::collections::BTreeMap::new();
        // Split on any line end an engine might use: every piece is a row.
        for line in text
            .split(['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}'])
            .filter(|l| !l.is_empty())
        {
            let v: serde_json::Value = serde_json::from_str(line).expect("each line is JSON");
            assert!(v["row"].is_object(), "{line}");
            *tables
                .entry(v["table"].as_str().unwrap().to_string())
                .or_insert(0) += 1;
        }
        assert_eq!(tables["documents"], 9, "one row per non-blank line");
        assert!(tables["mentions"] > 50 && tables["quotes"] > 10 && tables["entities"] > 10);
        assert!(first.stderr.starts_with(b"kutip map: "));
    }
}

#[test]
fn plain_input_ids_do_not_depend_on_the_split() {
    let dir = tempfile::tempdir().unwrap();
    let lines: Vec<String> = corpus().lines().map(|l| format!("{l}\n")).collect();
    map_merge(dir.path(), &shards(&lines, 1), &[], &[], "one");
    map_merge(dir.path(), &shards(&lines, 3), &[], &[], "three");
    assert_eq!(
        tables(&dir.path().join("one")),
        tables(&dir.path().join("three"))
    );
    let docs = String::from_utf8(tables(&dir.path().join("three"))[0].1.clone()).unwrap();
    let ids: Vec<&str> = docs
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect();
    // Sorted by doc_id; records without id are named by a hash of their text.
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted);
    let hash = kutip::shard::content_id("Prabowo bertemu Wang Yi di Jakarta.");
    assert!(docs.contains(&format!("{hash},stdin,,id,")), "{docs}");
    assert!(docs.contains(",stdin,,,0,0,0,0,0,error,stdin: invalid JSON"));
    let numbered = (0..10).any(|d| docs.contains(&format!("stdin:{d}")));
    assert!(!numbered, "no line numbers: they depend on the split");
}

#[test]
fn map_exit_status_says_whether_rows_were_lost() {
    // Bad records are rows: exit 0.
    let o = kutip(&["map"], b"{nope\n{\"id\": 1}\n\n");
    assert_eq!(code(&o), 0);
    assert_eq!(String::from_utf8_lossy(&o.stdout).lines().count(), 2);
    // A numbered line without FILE:LINE: the job is wrong, exit 2.
    let o = kutip(&["map", "--numbered"], b"{\"text\": \"Hi\"}\n");
    assert_eq!(code(&o), 2);
    assert!(String::from_utf8_lossy(&o.stderr).contains("stdin:1: --numbered"));
    // Output that cannot be written: rows lost, exit 2.
    if Path::new("/dev/full").exists() {
        let o = Command::new(bin())
            .arg("map")
            .env_clear()
            .stdin(
                std::fs::File::open(
                    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/corpus/wire.jsonl"),
                )
                .unwrap(),
            )
            .stdout(
                std::fs::OpenOptions::new()
                    .write(true)
                    .open("/dev/full")
                    .unwrap(),
            )
            .output()
            .unwrap();
        assert_eq!(code(&o), 2, "{}", String::from_utf8_lossy(&o.stderr));
    }
    // A reader that closes the pipe early: rows lost, exit 2 (not 0).
    let big = corpus().repeat(200);
    let mut child = Command::new(bin())
        .arg("map")
        .env_clear()
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let _ = child.stdin.take().unwrap().write_all(big.as_bytes());
    assert_eq!(child.wait().unwrap().code(), Some(2));
}

#[test]
fn merge_refuses_shards_it_cannot_trust() {
    let dir = tempfile::tempdir().unwrap();
    let o = kutip(&["map"], corpus().as_bytes());
    let text = String::from_utf8(o.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    // (shard, message part)
    let cases = [
        (
            [&lines[..1], &lines[2..]].concat().join("\n"),
            "is it cut short?",
        ),
        (
            "{\"id\": \"a\", \"text\": \"raw input\"}".to_string(),
            "not a kutip map line",
        ),
    ];
    for (i, (shard, message)) in cases.iter().enumerate() {
        let p: PathBuf = dir.path().join(format!("bad{i}"));
        std::fs::write(&p, shard).unwrap();
        let out = dir.path().join(format!("out{i}"));
        let o = kutip(
            &[
                "merge",
                &p.display().to_string(),
                "--out",
                &out.display().to_string(),
            ],
            b"",
        );
        assert_eq!(code(&o), 2);
        assert!(
            String::from_utf8_lossy(&o.stderr).contains(message),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert!(
            !out.join("documents.csv").exists(),
            "no table that looks finished"
        );
    }
    // Merge reads standard input too.
    let out = dir.path().join("stdin");
    let o = kutip(
        &["merge", "-", "--out", &out.display().to_string(), "-q"],
        text.as_bytes(),
    );
    assert_eq!(code(&o), 1, "a document failed");
    assert!(out.join("quotes.csv").exists());
}
