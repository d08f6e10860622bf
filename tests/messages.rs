//! What kutip says when the input or the command line is not what it
//! expects: each message names what kutip was doing and the path.

use std::process::Output;

mod common;
use common::{kutip_in, samples};

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn plain_text_on_stdin_says_stdin_is_json_lines() {
    let dir = tempfile::tempdir().unwrap();
    let o = kutip_in(
        dir.path(),
        &["extract", "-", "-o", "out"],
        b"Kata Dewi hari ini.\n",
    );
    let err = stderr(&o);
    assert!(err.contains("read as JSON Lines"), "{err}");
    assert!(err.contains("kutip extract FILE.txt"), "{err}");
}

#[test]
fn a_malformed_json_line_names_its_place_once() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("news.jsonl"), "{\"text\": \"a\"}\n{bad\n").unwrap();
    let o = kutip_in(dir.path(), &["extract", "news.jsonl", "-o", "out"], b"");
    let err = stderr(&o);
    assert_eq!(err.matches("news.jsonl:2").count(), 1, "{err}");
    assert!(
        !err.contains("read as JSON Lines"),
        "a file is not stdin: {err}"
    );
}

#[test]
fn out_naming_a_file_an_unwritable_place_or_a_missing_list_says_what_failed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("afile"), "").unwrap();
    let corpus = samples();
    let corpus = corpus.to_str().unwrap();
    let o = kutip_in(dir.path(), &["extract", corpus, "-q", "-o", "afile"], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("--out afile is a file"),
        "{}",
        stderr(&o)
    );
    let o = kutip_in(
        dir.path(),
        &["extract", corpus, "-q", "-o", "afile/under"],
        b"",
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("writing the tables into --out afile/under"),
        "{}",
        stderr(&o)
    );
    let o = kutip_in(
        dir.path(),
        &["extract", corpus, "-q", "-g", "nope.tsv"],
        b"",
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("reading the list given by -g nope.tsv"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn help_has_no_blank_arguments_and_no_doubled_default() {
    let dir = tempfile::tempdir().unwrap();
    let import = stderr_or_stdout(kutip_in(dir.path(), &["gazetteer", "import", "-h"], b""));
    for arg in ["<FORMAT>", "<INPUT>"] {
        let line = import
            .lines()
            .find(|l| l.trim_start().starts_with(arg))
            .unwrap();
        assert!(line.trim() != arg, "blank help for {arg}:\n{import}");
    }
    let export = stderr_or_stdout(kutip_in(dir.path(), &["gazetteer", "export", "-h"], b""));
    let line = export
        .lines()
        .find(|l| l.trim_start().starts_with("[PATH]"))
        .unwrap();
    assert!(line.trim() != "[PATH]...", "blank help for PATH:\n{export}");
    let map = stderr_or_stdout(kutip_in(dir.path(), &["map", "-h"], b""));
    assert_eq!(map.matches("default: 1").count(), 1, "{map}");
    let extract = stderr_or_stdout(kutip_in(dir.path(), &["extract", "--help"], b""));
    for format in [".txt", ".jsonl", ".gz", "UTF-16", "--xlsx"] {
        assert!(extract.contains(format), "extract --help lacks {format}");
    }
}

fn stderr_or_stdout(o: Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), stderr(&o))
}

#[test]
fn files_of_other_formats_are_named_and_an_empty_folder_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    for name in ["a.md", "b.html", "c.text", "d.md"] {
        std::fs::write(corpus.join(name), "Kata Dewi.").unwrap();
    }
    let o = kutip_in(dir.path(), &["extract", "corpus", "-o", "out"], b"");
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("nothing to read in corpus"), "{err}");
    assert!(
        err.contains("4 others skipped: a.md, b.html, c.text, and 1 more"),
        "{err}"
    );
    assert!(!dir.path().join("out/documents.csv").exists());

    std::fs::write(corpus.join("e.txt"), "Kata Dewi Lestari di Jakarta.").unwrap();
    let o = kutip_in(dir.path(), &["extract", "corpus", "-o", "out"], b"");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("skipped 4 files not of a format read"),
        "{}",
        stderr(&o)
    );

    std::fs::create_dir_all(dir.path().join("empty")).unwrap();
    let o = kutip_in(dir.path(), &["extract", "empty", "-o", "out2"], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("nothing to read in empty"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn the_summary_of_a_small_run_gives_bytes_not_zero_megabytes() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Kata Dewi Lestari di Jakarta.").unwrap();
    let o = kutip_in(dir.path(), &["extract", "a.txt", "-o", "out"], b"");
    let err = stderr(&o);
    assert!(err.contains(" 29 bytes in "), "{err}");
    assert!(!err.contains("0.0 MB"), "{err}");
}
