//! `kutip gazetteer check|import|export|suggest` end to end, on small files
//! written for these tests (tests/data/refresh/).

use kutip::gazetteer::Gazetteer;
use kutip::refresh::write::same_entity;
use std::path::{Path, PathBuf};
use std::process::Output;

mod common;
use common::kutip;

fn data(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/refresh")
        .join(name)
        .display()
        .to_string()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A copy of a fixture list in a temporary folder.
fn copy_list(dir: &Path, fixture: &str) -> PathBuf {
    let p = dir.join(fixture);
    std::fs::copy(data(fixture), &p).unwrap();
    p
}

fn entity<'a>(g: &'a Gazetteer, id: &str) -> &'a kutip::gazetteer::Entity {
    g.entities()
        .iter()
        .find(|e| e.id == id)
        .unwrap_or_else(|| panic!("no {id}"))
}

fn import(args: &[&str]) -> Output {
    let mut all = vec!["gazetteer", "import"];
    all.extend(args);
    kutip(&all)
}

// ---- import: Wikidata ----

#[test]
fn wikidata_csv_updates_by_qid_adds_new_items_and_keeps_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let list = copy_list(dir.path(), "countries.tsv");
    let o = import(&[
        "wikidata",
        &data("wikidata-wide.csv"),
        "--into",
        list.to_str().unwrap(),
    ]);
    // `Rusia` as an alias of China is refused: exit 1, the rest is written.
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("1 added, 2 updated, 0 unchanged, 1 conflicts"),
        "{}",
        stderr(&o)
    );
    assert!(
        stdout(&o).contains(
            "wikidata-wide.csv:3: conflict: Q148: alias \"Rusia\" already belongs to Q159"
        ),
        "{}",
        stdout(&o)
    );
    let text = std::fs::read_to_string(&list).unwrap();
    assert!(text.starts_with("# test list: countries\n# second comment line\n"));
    assert!(
        text.contains("Q159\tCOUNTRY\tRussia\tRusia|Russian Federation|RF\tRU\t\tkeep this note\n"),
        "{text}"
    );
    assert!(
        text.ends_with("Q252\tCOUNTRY\tIndonesia\tRepublic of Indonesia|RI\t\t\t\n"),
        "{text}"
    );
    // Again: nothing new.
    let o = import(&[
        "wikidata",
        &data("wikidata-wide.csv"),
        "--into",
        list.to_str().unwrap(),
    ]);
    assert!(
        stderr(&o).contains("0 added, 0 updated, 3 unchanged"),
        "{}",
        stderr(&o)
    );
    assert_eq!(std::fs::read_to_string(&list).unwrap(), text);
}

#[test]
fn wikidata_tsv_one_alias_per_row_filtered_by_language() {
    let dir = tempfile::tempdir().unwrap();
    let list = copy_list(dir.path(), "countries.tsv");
    let o = import(&[
        "wikidata",
        &data("wikidata-rows.tsv"),
        "--into",
        list.to_str().unwrap(),
        "--lang",
        "id,en",
    ]);
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    let g = Gazetteer::load(&list).unwrap();
    assert_eq!(entity(&g, "Q159").aliases, ["Rusia", "Rossiya"]);
    assert_eq!(entity(&g, "Q668").aliases, ["Republik India"]);
    assert!(stderr(&o).contains("1 skipped"), "{}", stderr(&o));
}

#[test]
fn malformed_rows_name_file_and_line_and_block_writing_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let list = copy_list(dir.path(), "countries.tsv");
    let before = std::fs::read_to_string(&list).unwrap();
    let o = import(&[
        "wikidata",
        &data("wikidata-bad.csv"),
        "--into",
        list.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(
        out.contains("wikidata-bad.csv:3: error: \"not-a-url\" is not a Wikidata item"),
        "{out}"
    );
    assert!(
        out.contains("wikidata-bad.csv:4: error: 2 fields, the header has 3"),
        "{out}"
    );
    assert!(stderr(&o).contains("nothing written"), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&list).unwrap(), before);
    let o = import(&[
        "wikidata",
        &data("wikidata-bad.csv"),
        "--into",
        list.to_str().unwrap(),
        "--force",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let g = Gazetteer::load(&list).unwrap();
    assert_eq!(entity(&g, "Q159").aliases, ["Rusia", "Rusland"]);
}

#[test]
fn dry_run_writes_nothing_and_a_missing_list_is_created() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("new.tsv");
    let o = import(&[
        "wikidata",
        &data("wikidata-wide.csv"),
        "--into",
        list.to_str().unwrap(),
        "--type",
        "COUNTRY",
        "--dry-run",
    ]);
    // `Rusia` is given to both Russia and China: one conflict, exit 1.
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("3 added, 0 updated, 0 unchanged, 1 conflicts"),
        "{}",
        stderr(&o)
    );
    assert!(!list.exists());
    let o = import(&[
        "wikidata",
        &data("wikidata-wide.csv"),
        "--into",
        list.to_str().unwrap(),
        "--type",
        "COUNTRY",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(Gazetteer::load(&list).unwrap().entities().len(), 3);
    // No type anywhere: refused before reading.
    let o = import(&[
        "wikidata",
        &data("wikidata-wide.csv"),
        "--into",
        dir.path().join("x.tsv").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("pass --type"), "{}", stderr(&o));
}

// ---- import: GeoNames ----

#[test]
fn geonames_countries_join_existing_countries_by_iso_code() {
    let dir = tempfile::tempdir().unwrap();
    let list = copy_list(dir.path(), "countries.tsv");
    let o = import(&[
        "geonames-countries",
        &data("countryInfo.txt"),
        "--into",
        list.to_str().unwrap(),
        "--force",
    ]);
    assert!(
        stdout(&o).contains("countryInfo.txt:5: error: 5 fields"),
        "{}",
        stdout(&o)
    );
    let g = Gazetteer::load(&list).unwrap();
    assert_eq!(
        entity(&g, "Q159").name,
        "Russia",
        "joined by RU, not duplicated"
    );
    let tl = entity(&g, "geonames:1966436");
    assert_eq!(
        (tl.name.as_str(), tl.country.as_str()),
        ("Timor Leste", "TL")
    );
}

#[test]
fn geonames_cities_and_alternate_names_by_language() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("locations.tsv");
    let o = import(&[
        "geonames-cities",
        &data("cities.txt"),
        "--into",
        list.to_str().unwrap(),
    ]);
    assert!(
        stdout(&o).contains("cities.txt:3: error: 3 fields, a GeoNames table has 19"),
        "{}",
        stdout(&o)
    );
    assert!(stderr(&o).contains("nothing written"));
    import(&[
        "geonames-cities",
        &data("cities.txt"),
        "--into",
        list.to_str().unwrap(),
        "--force",
    ]);
    let o = import(&[
        "geonames-alternate",
        &data("alternateNamesV2.txt"),
        "--into",
        list.to_str().unwrap(),
        "--lang",
        "id,en",
        "--force",
    ]);
    assert!(
        stdout(&o).contains("alternateNamesV2.txt:7: error: geonameid \"x\" is not a number"),
        "{}",
        stdout(&o)
    );
    let g = Gazetteer::load(&list).unwrap();
    let jakarta = entity(&g, "geonames:1642911");
    assert_eq!(jakarta.kind, kutip::gazetteer::EntityType::Location);
    assert_eq!(jakarta.country, "ID");
    // Dutch, colloquial and historic names, and other places, are left out.
    assert_eq!(
        jakarta.aliases,
        ["Daerah Khusus Ibukota Jakarta", "Jakarta Capital Region"]
    );
    assert_eq!(g.entities().len(), 2);
}

// ---- import: spaCy ----

#[test]
fn spacy_patterns_strings_and_token_lists() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("mixed.tsv");
    let o = import(&[
        "spacy",
        &data("spacy.jsonl"),
        "--into",
        list.to_str().unwrap(),
        "--force",
    ]);
    let out = stdout(&o);
    assert!(
        out.contains("spacy.jsonl:6: error: token {\"IS_TITLE\":true} has no plain ORTH"),
        "{out}"
    );
    assert!(out.contains("spacy.jsonl:7: error: not JSON"), "{out}");
    let g = Gazetteer::load(&list).unwrap();
    assert_eq!(entity(&g, "Q3318231").aliases, ["jokowi"]);
    assert_eq!(
        entity(&g, "Q252").kind,
        kutip::gazetteer::EntityType::Country
    );
    assert_eq!(
        entity(&g, "kutip:bank-indonesia").kind,
        kutip::gazetteer::EntityType::Organization
    );
    assert!(
        stderr(&o).contains("1 skipped"),
        "NORP is skipped: {}",
        stderr(&o)
    );
    // --type turns GPE into another type.
    let list2 = dir.path().join("places.tsv");
    import(&[
        "spacy",
        &data("spacy.jsonl"),
        "--into",
        list2.to_str().unwrap(),
        "--force",
        "--type",
        "LOCATION",
    ]);
    assert_eq!(
        entity(&Gazetteer::load(&list2).unwrap(), "Q252").kind,
        kutip::gazetteer::EntityType::Location
    );
}

// ---- export and round trip ----

fn round_trip(fixture: &str, format: &str, import_format: &str) {
    let dir = tempfile::tempdir().unwrap();
    let exported = dir.path().join(format!("out.{format}"));
    let o = kutip(&[
        "gazetteer",
        "export",
        "--format",
        format,
        &data(fixture),
        "--out",
        exported.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let list = dir.path().join("back.tsv");
    let o = import(&[
        import_format,
        exported.to_str().unwrap(),
        "--into",
        list.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    let want = Gazetteer::load(Path::new(&data(fixture))).unwrap();
    let got = Gazetteer::load(&list).unwrap();
    assert_eq!(got.entities().len(), want.entities().len());
    for (g, w) in got.entities().iter().zip(want.entities()) {
        assert!(same_entity(g, w), "{format}: {g:?} vs {w:?}");
    }
}

#[test]
fn export_then_import_gives_the_same_list() {
    round_trip("roundtrip.tsv", "csv", "csv");
    round_trip("roundtrip-spacy.tsv", "spacy", "spacy");
    round_trip("roundtrip.tsv", "tsv", "tsv");
}

#[test]
fn the_default_lists_survive_a_csv_round_trip() {
    let g = Gazetteer::defaults().unwrap();
    let csv = kutip::refresh::export::to_csv(&g).unwrap();
    let read = kutip::refresh::import::read_str(
        kutip::refresh::import::Format::Csv,
        &csv,
        "x.csv",
        &Default::default(),
    )
    .unwrap();
    assert!(read.errors.is_empty());
    let m = kutip::refresh::merge::merge(&Gazetteer::new(), &read.records, &Default::default());
    assert!(
        m.report.conflicts.is_empty(),
        "{:?}",
        &m.report.conflicts[..3.min(m.report.conflicts.len())]
    );
    let mut a: Vec<_> = g.entities().to_vec();
    let mut b: Vec<_> = m.gazetteer.entities().to_vec();
    a.sort_by(|x, y| x.id.cmp(&y.id));
    b.sort_by(|x, y| x.id.cmp(&y.id));
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(&b) {
        assert!(same_entity(x, y), "{x:?} vs {y:?}");
    }
}

#[test]
fn export_without_paths_uses_the_embedded_lists() {
    let o = kutip(&["gazetteer", "export", "--format", "spacy"]);
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(out.lines().count() > 4000, "one pattern per name");
    assert!(out.contains("{\"label\":\"GPE\",\"pattern\":\"Tiongkok\",\"id\":\"Q148\"}"));
    let o = kutip(&["gazetteer", "export", "--format", "xml"]);
    assert_eq!(o.status.code(), Some(2));
}

// ---- check ----

#[test]
fn check_reports_every_malformed_row_and_new_findings() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("people.tsv");
    std::fs::write(
        &list,
        "id\ttype\tname\taliases\tcountry\nQ1\tPLANET\tMars\t\t\nQ2\tPERSON\t\t\t\nQ3\tCOUNTRY\tX Y\t\t\nQ4\tPERSON\tAnn Lee\t\tIndonesia\n",
    )
    .unwrap();
    let o = kutip(&["gazetteer", "check", list.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    for want in [
        "people.tsv:2: error: unknown type",
        "people.tsv:3: error: entity Q2 has an empty name",
        "people.tsv:4: error: Q3 is COUNTRY in a list of PERSON",
        "people.tsv:5: error: Q4: country \"Indonesia\" is not an ISO alpha-2 code",
    ] {
        assert!(out.contains(want), "{want:?} not in {out}");
    }
    let o = kutip(&[
        "gazetteer",
        "check",
        dir.path().join("missing.tsv").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
}

// ---- suggest, then import suggestions ----

#[test]
fn suggest_then_import_accepted_rows() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::write(
        corpus.join("a.txt"),
        "Rapat Kabinet\nBadan Kajian Pesisir Bahari (BKPB) menggelar rapat dengan Sutan Mardiko di Jakarta.\nMenurut Sutan Mardiko, rapat berjalan baik.\n",
    )
    .unwrap();
    std::fs::write(
        corpus.join("b.txt"),
        "Kunjungan Kerja\nGubernur Sutan Mardiko tiba di Bandung, Senin.\n\"Kami siap bekerja sama,\" kata Hendra Wijaya kepada wartawan.\n",
    )
    .unwrap();
    let sheet = dir.path().join("suggestions.csv");
    let o = kutip(&[
        "gazetteer",
        "suggest",
        corpus.to_str().unwrap(),
        "--out",
        sheet.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&sheet).unwrap();
    let mut rd = csv::Reader::from_path(&sheet).unwrap();
    let rows: Vec<csv::StringRecord> = rd.records().map(|r| r.unwrap()).collect();
    let names: Vec<(&str, &str)> = rows.iter().map(|r| (&r[0], &r[1])).collect();
    assert!(names.contains(&("name", "Sutan Mardiko")), "{text}");
    assert!(
        names.contains(&("acronym", "Badan Kajian Pesisir Bahari")),
        "{text}"
    );
    assert!(names.contains(&("speaker", "Hendra Wijaya")), "{text}");
    assert_eq!(
        names[0],
        ("name", "Sutan Mardiko"),
        "ranked by count: {text}"
    );
    // Accept two rows in the spreadsheet, import them.
    let reviewed: String = text
        .lines()
        .enumerate()
        .map(|(i, l)| {
            if i > 0 && (l.starts_with("name,Sutan Mardiko,") || l.starts_with("acronym,")) {
                format!("{}x\n", l)
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    std::fs::write(&sheet, reviewed).unwrap();
    let list = dir.path().join("mine.tsv");
    let o = import(&[
        "suggestions",
        sheet.to_str().unwrap(),
        "--into",
        list.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    let g = Gazetteer::load(&list).unwrap();
    assert_eq!(
        entity(&g, "kutip:sutan-mardiko").kind,
        kutip::gazetteer::EntityType::Person
    );
    assert_eq!(
        entity(&g, "kutip:badan-kajian-pesisir-bahari").aliases,
        ["BKPB"]
    );
    assert_eq!(g.entities().len(), 2);
    // With the new list, the accepted names are no longer suggested.
    let o = kutip(&[
        "gazetteer",
        "suggest",
        corpus.to_str().unwrap(),
        "-g",
        list.to_str().unwrap(),
    ]);
    assert!(!stdout(&o).contains("Sutan Mardiko,"), "{}", stdout(&o));
}
