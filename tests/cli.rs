//! End-to-end tests of the `kutip` binary, on texts written for these tests
//! and on the bundled sample corpus.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod common;
use common::{kutip, samples};

/// Reads a CSV table as maps of column -> value.
fn table(dir: &Path, name: &str) -> Vec<HashMap<String, String>> {
    let mut r = csv::Reader::from_path(dir.join(name)).expect("table exists");
    let headers = r.headers().unwrap().clone();
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            headers
                .iter()
                .zip(rec.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(&p, text).unwrap();
    p
}

fn extract(inputs: &[&Path], out: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["extract".to_string()];
    args.extend(inputs.iter().map(|p| p.display().to_string()));
    args.extend([
        "--out".into(),
        out.display().to_string(),
        "--force".into(),
        "-q".into(),
    ]);
    args.extend(extra.iter().map(|s| s.to_string()));
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    kutip(&refs)
}

const ARTICLE: &str = "Menlu Bertemu Mitra dari Rusia
JAKARTA - Menteri Luar Negeri Tiongkok Wang Yi bertemu Sergey Lavrov di Moskow, Senin.
“Kami sepakat memperkuat kerja sama,” kata Wang kepada wartawan.
Lavrov mengatakan bahwa Rusia dan Tiongkok akan bekerja sama di Asia Tengah.
loading...
“Kami sepakat memperkuat kerja sama,” kata Wang kepada wartawan.
(abc)
";

#[test]
fn extract_writes_the_four_tables_of_an_article() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(dir.path(), "in/news/a.txt", ARTICLE);
    let out = dir.path().join("out");
    let o = extract(&[&dir.path().join("in")], &out, &[]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let _ = input;

    let docs = table(&out, "documents.csv");
    assert_eq!(docs.len(), 1);
    let d = &docs[0];
    assert_eq!(d["doc_id"], "news/a.txt");
    assert_eq!(d["title"], "Menlu Bertemu Mitra dari Rusia");
    assert_eq!(d["lang"], "id");
    assert_eq!(d["status"], "ok");
    assert_eq!(d["paragraphs"], "3");
    assert_eq!(d["repeated_paragraphs"], "1");

    let entities: Vec<(String, String)> = table(&out, "entities.csv")
        .iter()
        .map(|r| (r["entity"].clone(), r["type"].clone()))
        .collect();
    for want in [
        ("Wang Yi", "PERSON"),
        ("Sergey Lavrov", "PERSON"),
        ("China", "COUNTRY"),
        ("Russia", "COUNTRY"),
        ("Moscow", "LOCATION"),
        ("Central Asia", "LOCATION"),
    ] {
        assert!(
            entities.contains(&(want.0.into(), want.1.into())),
            "{want:?} in {entities:?}"
        );
    }

    let mentions = table(&out, "mentions.csv");
    let short: Vec<_> = mentions
        .iter()
        .filter(|m| m["method"] == "short-form")
        .map(|m| (m["surface"].as_str(), m["entity"].as_str()))
        .collect();
    assert_eq!(short, [("Wang", "Wang Yi"), ("Lavrov", "Sergey Lavrov")]);

    let quotes = table(&out, "quotes.csv");
    let got: Vec<_> = quotes
        .iter()
        .map(|q| {
            (
                q["kind"].as_str(),
                q["speaker"].as_str(),
                q["text"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("direct", "Wang Yi", "Kami sepakat memperkuat kerja sama,"),
            (
                "indirect",
                "Sergey Lavrov",
                "Rusia dan Tiongkok akan bekerja sama di Asia Tengah"
            ),
        ]
    );
}

#[test]
fn offsets_count_characters_of_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    assert!(extract(&[&samples()], &out, &[]).status.code() == Some(0));
    // Plain-text documents: the text is the file (CRLF-free, no BOM here).
    let mut texts: HashMap<String, Vec<char>> = HashMap::new();
    for f in std::fs::read_dir(samples()).unwrap() {
        let p = f.unwrap().path();
        if p.extension().is_some_and(|e| e == "txt") {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            texts.insert(name, std::fs::read_to_string(&p).unwrap().chars().collect());
        }
    }
    let mut checked = 0;
    for m in table(&out, "mentions.csv") {
        if let Some(t) = texts.get(&m["doc_id"]) {
            let (s, e): (usize, usize) = (m["start"].parse().unwrap(), m["end"].parse().unwrap());
            assert_eq!(t[s..e].iter().collect::<String>(), m["surface"]);
            checked += 1;
        }
    }
    for q in table(&out, "quotes.csv") {
        if let Some(t) = texts.get(&q["doc_id"]) {
            let (s, e): (usize, usize) = (q["start"].parse().unwrap(), q["end"].parse().unwrap());
            assert_eq!(t[s..e].iter().collect::<String>(), q["text"]);
            checked += 1;
        }
    }
    assert!(checked > 50, "checked {checked}");
}

#[test]
fn same_tables_for_one_and_two_threads_and_from_run_to_run() {
    let dir = tempfile::tempdir().unwrap();
    // A corpus big enough to span several batches and both workers.
    let corpus = dir.path().join("corpus");
    for i in 0..40 {
        write(
            &corpus,
            &format!("{i:03}.txt"),
            &format!("Judul Berita Nomor {i}\n{ARTICLE}\nWang Yi said: \"Item {i} matters.\""),
        );
    }
    let mut outputs = Vec::new();
    for (n, threads) in ["1", "2", "2"].iter().enumerate() {
        let out = dir.path().join(format!("out{n}"));
        let o = extract(&[&corpus, &samples()], &out, &["--threads", threads]);
        assert!(o.status.success());
        let tables: Vec<Vec<u8>> = [
            "documents.csv",
            "mentions.csv",
            "entities.csv",
            "quotes.csv",
        ]
        .iter()
        .map(|t| std::fs::read(out.join(t)).unwrap())
        .collect();
        outputs.push(tables);
    }
    assert_eq!(outputs[0], outputs[1]);
    assert_eq!(outputs[1], outputs[2]);
}

#[test]
fn gazetteer_options() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(
        dir.path(),
        "a.txt",
        "Frodo Baggins left the Shire. Then China called.",
    );
    let list = write(dir.path(), "hobbits.tsv", "id\ttype\tname\taliases\nH1\tPERSON\tFrodo Baggins\tMr. Underhill\nH2\tLOCATION\tThe Shire\tShire\n");
    let out = dir.path().join("out");
    let o = extract(
        &[&input],
        &out,
        &[
            "--gazetteer",
            list.to_str().unwrap(),
            "--no-default-gazetteers",
        ],
    );
    assert!(o.status.success());
    let names: Vec<String> = table(&out, "entities.csv")
        .iter()
        .map(|r| r["entity"].clone())
        .collect();
    assert_eq!(names, ["Frodo Baggins", "The Shire"]);
    // With the defaults, China is found too.
    let o = extract(&[&input], &out, &["--gazetteer", list.to_str().unwrap()]);
    assert!(o.status.success());
    let names: Vec<String> = table(&out, "entities.csv")
        .iter()
        .map(|r| r["entity"].clone())
        .collect();
    assert_eq!(names, ["Frodo Baggins", "The Shire", "China"]);
}

/// Regression: a `--gazetteer` row whose id is also in the embedded lists
/// stopped the run with "duplicate id"; it now replaces the embedded row.
#[test]
fn user_row_with_an_embedded_id_replaces_it_instead_of_stopping_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(
        dir.path(),
        "a.txt",
        "Tsar Volodya spoke in Moscow. Vladimir Putin did not.",
    );
    // Q7747 is Vladimir Putin in the embedded people.tsv.
    let list = write(
        dir.path(),
        "people.tsv",
        "id\ttype\tname\taliases\tcountry\toffices\nQ7747\tPERSON\tVladimir Putin\tTsar Volodya\tRU\thead-of-state\n",
    );
    let out = dir.path().join("out");
    let o = extract(&[&input], &out, &["--gazetteer", list.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let surfaces: Vec<String> = table(&out, "mentions.csv")
        .iter()
        .filter(|r| r["entity_id"] == "Q7747")
        .map(|r| r["surface"].clone())
        .collect();
    assert_eq!(surfaces, ["Tsar Volodya", "Vladimir Putin"]);

    // `gazetteer check` says what the list changes in the embedded lists.
    let o = kutip(&["gazetteer", "check", list.to_str().unwrap()]);
    assert!(o.status.success());
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(
        stdout.contains(
            "people.tsv:2: note: Q7747 replaces the embedded row (gazetteers/people.tsv:"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("aliases added: \"Tsar Volodya\""),
        "{stdout}"
    );
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("against the embedded lists: 0 new entities, 1 replace an embedded row"),
        "{stderr}"
    );
}

#[test]
fn bad_gazetteer_line_is_an_error_naming_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(dir.path(), "a.txt", "text");
    let list = write(
        dir.path(),
        "bad.tsv",
        "# list\nid\ttype\tname\nX1\tPLANET\tMars\n",
    );
    let o = extract(
        &[&input],
        &dir.path().join("out"),
        &["--gazetteer", list.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("bad.tsv:3: unknown type \"PLANET\""), "{err}");
}

#[test]
fn bad_records_get_rows_and_the_rest_is_processed() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c");
    write(&corpus, "feed.jsonl", "{\"id\": \"ok1\", \"text\": \"Wang Yi met Sergey Lavrov.\"}\n{not json\n{\"id\": \"nt\"}\n\n{\"text\": \"Jokowi spoke.\"}\n");
    write(&corpus, "empty.txt", "");
    write(&corpus, "blob.txt", "\u{0}\u{1}binary");
    let out = dir.path().join("out");
    let o = extract(&[&corpus], &out, &[]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "a failed document gives exit status 1"
    );
    let rows: Vec<(String, String, String)> = table(&out, "documents.csv")
        .iter()
        .map(|r| (r["doc_id"].clone(), r["status"].clone(), r["error"].clone()))
        .collect();
    let ids: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
    assert_eq!(
        ids,
        [
            "blob.txt",
            "empty.txt",
            "ok1",
            "feed.jsonl:2",
            "nt",
            "feed.jsonl:5"
        ]
    );
    let status: Vec<&str> = rows.iter().map(|r| r.1.as_str()).collect();
    assert_eq!(status, ["skipped", "skipped", "ok", "error", "error", "ok"]);
    assert!(
        rows[3].2.contains("feed.jsonl:2: invalid JSON"),
        "{:?}",
        rows[3]
    );
}

#[test]
fn stdin_reads_json_lines() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let mut child = Command::new(env!("CARGO_BIN_EXE_kutip"))
        .args(["extract", "-", "--out", out.to_str().unwrap(), "-q"])
        .stdin(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"{\"text\": \"Xi Jinping visited Moscow.\"}\n")
        .unwrap();
    assert!(child.wait().unwrap().success());
    let docs = table(&out, "documents.csv");
    assert_eq!(docs[0]["doc_id"], "stdin:1");
    assert_eq!(table(&out, "entities.csv")[0]["entity"], "Xi Jinping");
}

#[test]
fn existing_tables_are_not_overwritten_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(dir.path(), "a.txt", "China.");
    let out = dir.path().join("out");
    write(&out, "quotes.csv", "precious");
    let o = kutip(&[
        "extract",
        input.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("use --force"));
    assert_eq!(
        std::fs::read_to_string(out.join("quotes.csv")).unwrap(),
        "precious"
    );
}

#[test]
fn formula_cells_are_neutralized_unless_raw() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(dir.path(), "a.txt", "“=HYPERLINK(1) is bad,” said Wang Yi.");
    let out = dir.path().join("out");
    assert!(extract(&[&input], &out, &[]).status.success());
    assert_eq!(
        table(&out, "quotes.csv")[0]["text"],
        "'=HYPERLINK(1) is bad,"
    );
    assert!(extract(&[&input], &out, &["--raw"]).status.success());
    assert_eq!(
        table(&out, "quotes.csv")[0]["text"],
        "=HYPERLINK(1) is bad,"
    );
}

#[test]
fn gazetteer_check_passes_on_the_shipped_lists() {
    let o = kutip(&["gazetteer", "check"]);
    assert!(
        o.status.success(),
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn gazetteer_check_reports_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let list = write(
        dir.path(),
        "l.tsv",
        "id\ttype\tname\taliases\nA\tCOUNTRY\tGeorgia\t\nB\tLOCATION\tGeorgia\tbank\n",
    );
    let o = kutip(&["gazetteer", "check", list.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("l.tsv:3: error: B: alias \"bank\" is an ordinary lowercase word"),
        "{out}"
    );
    assert!(
        out.contains("l.tsv:3: error: alias \"Georgia\" of B is also an alias of A"),
        "{out}"
    );
}

#[test]
fn duplicate_ids_are_kept_distinct_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(
        dir.path(),
        "d.jsonl",
        "{\"id\": \"a\", \"text\": \"China.\"}\n{\"id\": \"a\", \"text\": \"Russia.\"}\n{\"id\": \"a\", \"text\": \"Japan.\"}\n",
    );
    let out = dir.path().join("out");
    let o = extract(&[&input], &out, &[]);
    assert!(o.status.success());
    let docs = table(&out, "documents.csv");
    let ids: Vec<&str> = docs.iter().map(|r| r["doc_id"].as_str()).collect();
    assert_eq!(ids, ["a", "a#2", "a#3"]);
    assert_eq!(docs[1]["error"], "duplicate doc_id \"a\", renamed \"a#2\"");
    let mention_ids: Vec<String> = table(&out, "mentions.csv")
        .iter()
        .map(|r| r["doc_id"].clone())
        .collect();
    assert_eq!(mention_ids, ["a", "a#2", "a#3"]);
}

#[test]
fn newlines_in_quotes_stay_valid_csv_and_excel_gets_a_bom() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(
        dir.path(),
        "d.jsonl",
        "{\"id\": \"x\", \"text\": \"Wang Yi said: \\\"We go,\\r and then, we stop\\\" in Beijing.\"}\n",
    );
    let out = dir.path().join("out");
    assert!(extract(&[&input], &out, &["--excel"]).status.success());
    let raw = std::fs::read(out.join("quotes.csv")).unwrap();
    assert!(raw.starts_with(b"\xEF\xBB\xBFdoc_id,"));
    let quotes = table(&out, "quotes.csv");
    assert_eq!(quotes.len(), 1);
    assert_eq!(quotes[0]["text"], "We go,\r and then, we stop");
}

#[test]
fn gzip_inputs_are_read_directly() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c");
    std::fs::create_dir_all(&corpus).unwrap();
    let gz = |name: &str, text: &str| {
        let f = std::fs::File::create(corpus.join(name)).unwrap();
        let mut e = flate2::write::GzEncoder::new(f, flate2::Compression::default());
        e.write_all(text.as_bytes()).unwrap();
        e.finish().unwrap();
    };
    gz("a.txt.gz", "Judul Berita Ini\nXi Jinping tiba di Moskow.");
    gz(
        "b.jsonl.gz",
        "{\"id\": \"b1\", \"text\": \"Sergey Lavrov spoke.\"}\n",
    );
    let out = dir.path().join("out");
    assert!(extract(&[&corpus], &out, &[]).status.success());
    let ids: Vec<String> = table(&out, "entities.csv")
        .iter()
        .map(|r| format!("{} {}", r["doc_id"], r["entity"]))
        .collect();
    assert_eq!(
        ids,
        ["a.txt.gz Xi Jinping", "a.txt.gz Moscow", "b1 Sergey Lavrov"]
    );
}

#[test]
fn bad_gazetteers_are_clear_errors_never_panics() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(dir.path(), "a.txt", "X marks the spot. China too.");
    let latin1 = dir.path().join("latin1.tsv");
    std::fs::write(&latin1, b"id\ttype\tname\nQ1\tCOUNTRY\tC\xf4te\n").unwrap();
    let o = extract(
        &[&input],
        &dir.path().join("o1"),
        &["-g", latin1.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("latin1.tsv:2: not valid UTF-8"), "{err}");

    // An empty list is just no names.
    let empty = write(dir.path(), "empty.tsv", "");
    let o = extract(
        &[&input],
        &dir.path().join("o2"),
        &["-g", empty.to_str().unwrap(), "--no-default-gazetteers"],
    );
    assert!(o.status.success());

    // 100,000 entities sharing a one-character alias: loads and runs.
    let mut list = String::from("id\ttype\tname\taliases\n");
    for i in 0..100_000 {
        list.push_str(&format!("E{i}\tPERSON\tName {i}\tX\n"));
    }
    let big = write(dir.path(), "big.tsv", &list);
    let out = dir.path().join("o3");
    let o = extract(
        &[&input],
        &out,
        &["-g", big.to_str().unwrap(), "--no-default-gazetteers"],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let m = table(&out, "mentions.csv");
    assert_eq!((m.len(), m[0]["entity_id"].as_str()), (1, "E0"));
}

/// Regression: resolving unlisted speakers rescanned every earlier quote and
/// every word of the document, so a long document with many speakers took
/// minutes (20,000 paragraphs: 95 s before, 2 s after, release build).
#[test]
fn long_document_with_many_unlisted_speakers() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("Judul Panjang Sekali\n");
    for i in 0..3000 {
        text.push_str(&format!(
            "“Kami siap nomor {i},” kata Budi{} Santoso. Dia mengatakan bahwa semua baik saja hari ke {i}.\n",
            i % 50
        ));
    }
    let input = write(dir.path(), "long.txt", &text);
    let out = dir.path().join("out");
    assert!(extract(&[&input], &out, &[]).status.success());
    let quotes = table(&out, "quotes.csv");
    let direct: Vec<_> = quotes.iter().filter(|q| q["kind"] == "direct").collect();
    assert_eq!(direct.len(), 3000);
    assert_eq!(direct[2999]["speaker"], "Budi49 Santoso");
}

/// Regression: an enclitic's speaker was looked for from the start of its
/// sentence, so a scraped paragraph of thousands of quotes with no full
/// stop was read once per quote (3,000 quotes: 9 s in a release build;
/// now a fraction of a second). Only the words just before the enclitic
/// are read now.
#[test]
fn enclitic_quotes_in_one_sentence_without_full_stops() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("Judul Panjang Sekali\nRetno Marsudi mengatakan, ");
    for i in 0..3000 {
        text.push_str(&format!("“Kami siap nomor {i},” katanya "));
    }
    text.push('\n');
    let input = write(dir.path(), "long.txt", &text);
    let out = dir.path().join("out");
    assert!(extract(&[&input], &out, &[]).status.success());
    let quotes = table(&out, "quotes.csv");
    assert_eq!(quotes.len(), 3000);
    assert_eq!(quotes[1]["speaker"], "Retno Marsudi");
    assert_eq!(quotes[1]["method"], "last-speaker");
}

#[test]
fn oversized_documents_are_skipped_by_the_documented_limit() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c");
    std::fs::create_dir_all(&corpus).unwrap();
    // 65 MiB in one line: over the 64 MiB limit, as a text file and as a JSON line.
    let big = "a".repeat(65 << 20);
    std::fs::write(corpus.join("big.txt"), &big).unwrap();
    std::fs::write(
        corpus.join("feed.jsonl"),
        format!("{{\"text\": \"{big}\"}}\n{{\"id\": \"after\", \"text\": \"China.\"}}\n"),
    )
    .unwrap();
    drop(big);
    let out = dir.path().join("out");
    let o = extract(&[&corpus], &out, &[]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let rows: Vec<(String, String, String)> = table(&out, "documents.csv")
        .iter()
        .map(|r| (r["doc_id"].clone(), r["status"].clone(), r["error"].clone()))
        .collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(
        (rows[0].0.as_str(), rows[0].1.as_str()),
        ("big.txt", "skipped")
    );
    assert!(rows[0].2.contains("larger than 64 MiB"), "{:?}", rows[0]);
    assert_eq!(
        (rows[1].0.as_str(), rows[1].1.as_str()),
        ("feed.jsonl:1", "skipped")
    );
    assert_eq!((rows[2].0.as_str(), rows[2].1.as_str()), ("after", "ok"));
}

#[test]
fn long_paragraphs_mixed_scripts_and_rtl_text() {
    let dir = tempfile::tempdir().unwrap();
    // One 2 MB paragraph without a line break, with marks everywhere.
    let mut long = String::new();
    while long.len() < 2_000_000 {
        long.push_str("Wang Yi berkata “kami «siap» 'ya' \" lalu ‘ tidak” — ");
    }
    let rtl =
        "قال وزير الخارجية Sergey Lavrov إن “السلام ممكن” في موسكو. שלום China 中国 Россия Russia.";
    let corpus = dir.path().join("c");
    write(&corpus, "long.txt", &long);
    write(&corpus, "rtl.txt", rtl);
    let out = dir.path().join("out");
    assert!(extract(&[&corpus], &out, &[]).status.success());
    let text: Vec<char> = rtl.chars().collect();
    let mentions = table(&out, "mentions.csv");
    let rtl_mentions: Vec<&str> = mentions
        .iter()
        .filter(|m| m["doc_id"] == "rtl.txt")
        .map(|m| m["surface"].as_str())
        .collect();
    assert_eq!(rtl_mentions, ["Sergey Lavrov", "China", "Russia"]);
    for m in mentions.iter().filter(|m| m["doc_id"] == "rtl.txt") {
        let (s, e): (usize, usize) = (m["start"].parse().unwrap(), m["end"].parse().unwrap());
        assert_eq!(text[s..e].iter().collect::<String>(), m["surface"]);
    }
}

#[test]
fn unwritable_output_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(dir.path(), "a.txt", "China.");
    let blocker = write(dir.path(), "file", "not a folder");
    let o = kutip(&[
        "extract",
        input.to_str().unwrap(),
        "--out",
        blocker.join("out").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("file/out"), "{err}");
}

#[test]
fn an_interrupted_run_leaves_no_table_that_looks_finished() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    // Reads stdin, which stays open: the run is killed mid-way.
    let mut child = Command::new(env!("CARGO_BIN_EXE_kutip"))
        .args(["extract", "-", "--out", out.to_str().unwrap(), "-q"])
        .stdin(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    let mut stdin = child.stdin.take().unwrap();
    stdin
        .write_all(b"{\"text\": \"Xi Jinping visited Moscow.\"}\n")
        .unwrap();
    stdin.flush().unwrap();
    // Wait until the tables are being written, then kill.
    for _ in 0..200 {
        if out.join("documents.csv.partial").exists() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    for t in [
        "documents.csv",
        "mentions.csv",
        "entities.csv",
        "quotes.csv",
    ] {
        assert!(!out.join(t).exists(), "{t} looks finished");
    }
    assert!(out.join("documents.csv.partial").exists());
}
