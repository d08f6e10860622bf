//! docs/refresh.md followed word by word: every `kutip` command of its
//! `sh` blocks runs, in order, in a fresh folder that holds only what a
//! user brings (a Wikidata download and a corpus, written here), and the
//! last extract finds the names the refreshed lists added.

use std::path::Path;
use std::process::Command;

/// The `kutip` command lines of the page's `sh` blocks, comments cut.
fn commands(page: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut in_sh = false;
    for line in page.lines() {
        if line.starts_with("```") {
            in_sh = line == "```sh";
            continue;
        }
        let line = line.split(" #").next().unwrap().trim();
        if in_sh && line.starts_with("kutip ") {
            out.push(line.split_whitespace().skip(1).map(String::from).collect());
        }
    }
    out
}

/// What a user has before starting: a download with two people no list
/// knows, and a corpus that names them, a new speaker and a new
/// organization (all names made up for this test).
fn user_files(dir: &Path) {
    std::fs::write(
        dir.join("foreign-ministers.csv"),
        "item,itemLabel,label_id,itemAltLabel,alias,countryCode\n\
         http://www.wikidata.org/entity/Q990000001,Tarsila Wendaro,,T. Wendaro,,BR\n\
         http://www.wikidata.org/entity/Q990000002,Oskar Velimirov,,,,BG\n",
    )
    .unwrap();
    let corpus = dir.join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::write(
        corpus.join("a.txt"),
        "Menteri Bertemu di Jakarta\n\
         Menteri Luar Negeri Tarsila Wendaro tiba di Jakarta pada Senin.\n\
         \"Kami siap bekerja sama,\" kata Wendaro kepada wartawan.\n\
         Lembaga Kajian Samudra Selatan menyambut kunjungan itu. \"Ini langkah baik,\" kata Hendra Kusumawijaya.\n\
         Hendra Kusumawijaya juga bertemu Lembaga Kajian Samudra Selatan pada Selasa.\n",
    )
    .unwrap();
    std::fs::write(
        corpus.join("b.txt"),
        "Kerja Sama Maritim\n\
         \"Laut harus tetap terbuka,\" ujar Hendra Kusumawijaya di Surabaya.\n\
         Lembaga Kajian Samudra Selatan menerbitkan laporan baru tentang Oskar Velimirov.\n",
    )
    .unwrap();
}

/// The review of step 4, as a user does it in a spreadsheet: accept the
/// suggested speaker, and the organization after fixing its name and type.
fn review(path: &Path) {
    let mut r = csv::Reader::from_path(path).unwrap();
    let header = r.headers().unwrap().clone();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (name, kind, accept) = (col("name"), col("type"), col("accept"));
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(&header).unwrap();
    let mut accepted = 0;
    for rec in r.records() {
        let mut row: Vec<String> = rec.unwrap().iter().map(String::from).collect();
        if row[name] == "Hendra Kusumawijaya" {
            row[accept] = "x".into();
            accepted += 1;
        } else if row[name].contains("Kajian Samudra") {
            row[name] = "Lembaga Kajian Samudra Selatan".into();
            row[kind] = "ORGANIZATION".into();
            row[accept] = "x".into();
            accepted += 1;
        }
        w.write_record(&row).unwrap();
    }
    assert_eq!(
        accepted, 2,
        "suggest found the speaker and the organization"
    );
    std::fs::write(path, w.into_inner().unwrap()).unwrap();
}

#[test]
fn the_refresh_walkthrough_ends_with_an_extract_that_finds_the_new_names() {
    let page =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/refresh.md"))
            .unwrap();
    let commands = commands(&page);
    assert!(commands.len() >= 8, "the page's commands: {commands:?}");
    let dir = tempfile::tempdir().unwrap();
    user_files(dir.path());
    assert!(!dir.path().join("my-lists").exists());
    for args in &commands {
        if args[..2] == ["gazetteer", "import"] && args[2] == "suggestions" {
            review(&dir.path().join("suggestions.csv"));
        }
        let o = Command::new(env!("CARGO_BIN_EXE_kutip"))
            .args(args)
            .current_dir(dir.path())
            .output()
            .unwrap();
        assert!(
            o.status.success(),
            "kutip {}: {}{}",
            args.join(" "),
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        );
    }
    let people = std::fs::read_to_string(dir.path().join("my-lists/people.tsv")).unwrap();
    let orgs = std::fs::read_to_string(dir.path().join("my-lists/organizations.tsv")).unwrap();
    assert!(people.contains("Hendra Kusumawijaya") && !people.contains("Samudra"));
    assert!(orgs.contains("Lembaga Kajian Samudra Selatan"));

    let mentions = std::fs::read_to_string(dir.path().join("output/mentions.csv")).unwrap();
    for found in [
        "Q990000001,Tarsila Wendaro,PERSON",
        "Q990000002,Oskar Velimirov,PERSON",
        "Hendra Kusumawijaya,PERSON",
        "Lembaga Kajian Samudra Selatan,ORGANIZATION",
    ] {
        assert!(
            mentions.contains(found),
            "mentions lack {found}:\n{mentions}"
        );
    }
    let quotes = std::fs::read_to_string(dir.path().join("output/quotes.csv")).unwrap();
    assert!(
        quotes.contains("Q990000001,Tarsila Wendaro"),
        "the minister's quote carries her id:\n{quotes}"
    );
}
