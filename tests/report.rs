//! `kutip report` end to end: extract the sample corpus, build the report,
//! and check every number it shows against counts computed here directly
//! from the CSV tables. The report exposes its numbers as `data-*`
//! attributes (`id="n-quotes" data-value="24"`, chart bars, heatmap cells,
//! speaker rows), which this test reads back.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::{Command, Output};

const KUTIP: &str = env!("CARGO_BIN_EXE_kutip");

fn kutip(args: &[&str]) -> Output {
    Command::new(KUTIP)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("running kutip")
}

/// Rows of a table as column name -> cell, BOM dropped, the `'` of
/// neutralized cells removed.
fn table(dir: &Path, name: &str) -> Vec<BTreeMap<String, String>> {
    let bytes = std::fs::read(dir.join(name)).unwrap();
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let mut r = csv::Reader::from_reader(bytes);
    let headers = r.headers().unwrap().clone();
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            headers
                .iter()
                .zip(rec.iter())
                .map(|(h, c)| {
                    let formula = c.len() > 1
                        && c.starts_with('\'')
                        && matches!(c.as_bytes()[1], b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r');
                    let c = if formula { &c[1..] } else { c };
                    (h.to_string(), c.to_string())
                })
                .collect()
        })
        .collect()
}

fn key(id: &str, kind: &str, name: &str) -> String {
    if id.is_empty() {
        format!("{kind}:{name}")
    } else {
        id.to_string()
    }
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The value of attribute `name` in the tag text `tag`.
fn attr(tag: &str, name: &str) -> Option<String> {
    let pat = format!(" {name}=\"");
    let start = tag.find(&pat)? + pat.len();
    let end = start + tag[start..].find('"')?;
    Some(unescape(&tag[start..end]))
}

/// Every opening tag of `html` that contains `marker`.
fn tags<'a>(html: &'a str, marker: &str) -> Vec<&'a str> {
    html.match_indices(marker)
        .map(|(i, _)| {
            let start = html[..i].rfind('<').unwrap();
            let end = i + html[i..].find('>').unwrap();
            &html[start..end]
        })
        .collect()
}

/// The `data-value` of the element with id `n-{id}`.
fn number(html: &str, id: &str) -> usize {
    let tag = tags(html, &format!("id=\"n-{id}\""));
    assert_eq!(tag.len(), 1, "one element n-{id}");
    attr(tag[0], "data-value").unwrap().parse().unwrap()
}

/// Checks every number the report shows against the tables of `dir`.
fn check_report(dir: &Path, html: &str) {
    let docs = table(dir, "documents.csv");
    let mentions = table(dir, "mentions.csv");
    let entities = table(dir, "entities.csv");
    let quotes = table(dir, "quotes.csv");
    let status = |s: &str| docs.iter().filter(|d| d["status"] == s).count();
    let kind = |k: &str| quotes.iter().filter(|q| q["kind"] == k).count();
    let entity_keys: BTreeSet<String> = entities
        .iter()
        .map(|e| key(&e["entity_id"], &e["type"], &e["entity"]))
        .collect();
    let attributed: Vec<_> = quotes.iter().filter(|q| !q["speaker"].is_empty()).collect();
    let speaker_key =
        |q: &BTreeMap<String, String>| key(&q["speaker_id"], &q["speaker_type"], &q["speaker"]);
    let speakers: BTreeSet<String> = attributed.iter().map(|q| speaker_key(q)).collect();
    let unlisted: Vec<_> = attributed
        .iter()
        .filter(|q| q["speaker_id"].is_empty())
        .collect();
    let unlisted_names: BTreeSet<String> = unlisted.iter().map(|q| speaker_key(q)).collect();

    for (id, want) in [
        ("documents", docs.len()),
        ("ok", status("ok")),
        ("skipped", status("skipped")),
        ("error", status("error")),
        ("mentions", mentions.len()),
        ("entities", entity_keys.len()),
        ("quotes", quotes.len()),
        ("quotes-direct", kind("direct")),
        ("quotes-partial", kind("partial")),
        ("quotes-indirect", kind("indirect")),
        ("speakers", speakers.len()),
        ("unattributed", quotes.len() - attributed.len()),
        ("unlisted-speakers", unlisted_names.len()),
        ("unlisted-quotes", unlisted.len()),
    ] {
        assert_eq!(number(html, id), want, "n-{id}");
    }
    for lang in ["id", "en"] {
        let want = docs
            .iter()
            .filter(|d| d["status"] == "ok" && d["lang"] == lang)
            .count();
        if want > 0 {
            assert_eq!(number(html, &format!("lang-{lang}")), want, "lang {lang}");
        }
    }

    // Bars: per type, by documents and by mentions, the largest first.
    let mut per_entity: BTreeMap<String, (String, usize, usize)> = BTreeMap::new();
    for e in &entities {
        let v = per_entity
            .entry(key(&e["entity_id"], &e["type"], &e["entity"]))
            .or_insert((e["type"].clone(), 0, 0));
        v.1 += 1;
        v.2 += e["mentions"].parse::<usize>().unwrap();
    }
    let mut charts = 0;
    for chart in tags(html, "class=\"chart bars\"") {
        let name = attr(chart, "data-chart").unwrap();
        let (kind, what) = name.split_once('-').unwrap();
        let start = html.find(chart).unwrap();
        let end = start + html[start..].find("</svg>").unwrap();
        let bars = tags(&html[start..end], "class=\"bar\"");
        let values: Vec<usize> = bars
            .iter()
            .map(|b| {
                let (t, d, m) = &per_entity[&attr(b, "data-key").unwrap()];
                let v: usize = attr(b, "data-value").unwrap().parse().unwrap();
                assert_eq!(t, kind, "{name}");
                assert_eq!(v, if what == "documents" { *d } else { *m }, "{name}: {b}");
                v
            })
            .collect();
        let best = per_entity
            .values()
            .filter(|(t, _, _)| t == kind)
            .map(|(_, d, m)| if what == "documents" { *d } else { *m })
            .max();
        assert_eq!(
            values.first().copied(),
            best,
            "{name} starts with the largest"
        );
        assert!(values.windows(2).all(|w| w[0] >= w[1]), "{name} sorted");
        charts += 1;
    }
    assert!(charts >= 8, "bar charts: {charts}");

    // Speakers: quotes per kind.
    let rows = tags(html, "<tr data-speaker=");
    assert!(!rows.is_empty() || speakers.is_empty());
    for row in rows {
        let k = attr(row, "data-speaker").unwrap();
        let theirs: Vec<_> = attributed.iter().filter(|q| speaker_key(q) == k).collect();
        assert_eq!(
            attr(row, "data-quotes").unwrap(),
            theirs.len().to_string(),
            "{k}"
        );
        for kind in ["direct", "partial", "indirect"] {
            let want = theirs.iter().filter(|q| q["kind"] == kind).count();
            assert_eq!(
                attr(row, &format!("data-{kind}")).unwrap(),
                want.to_string(),
                "{k} {kind}"
            );
        }
    }

    // Co-occurrence: documents where both entities appear.
    let mut docs_of: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for e in &entities {
        docs_of
            .entry(key(&e["entity_id"], &e["type"], &e["entity"]))
            .or_default()
            .insert(e["doc_id"].clone());
    }
    let cells = tags(html, "class=\"cell\"");
    assert!(cells.len() >= 4, "heatmap cells: {}", cells.len());
    for cell in cells {
        let a = &docs_of[&attr(cell, "data-row").unwrap()];
        let b = &docs_of[&attr(cell, "data-col").unwrap()];
        let want = a.intersection(b).count();
        assert_eq!(
            attr(cell, "data-value").unwrap(),
            want.to_string(),
            "{cell}"
        );
    }
}

const HOSTILE: &str = r#"{"id": "=HYPERLINK(\"x\")", "title": "<script>alert('title')</script>", "text": "Jakarta - \"<script>alert('kutip')</script> is only text,\" said Budi <b>Santoso</b>.\n\"We will wait,\" said Retno Marsudi."}
"#;

#[test]
fn report_numbers_match_the_tables() {
    // (case, extract flags, add the hostile document, report --out)
    let cases: [(&str, &[&str], bool, Option<&str>); 3] = [
        ("sample", &[], false, None),
        ("excel-hostile", &["--excel"], true, Some("page.html")),
        ("raw", &["--raw"], true, None),
    ];
    for (case, flags, hostile, out) in cases {
        let tmp = tempfile::tempdir().unwrap();
        let run = tmp.path().join("run");
        let mut args = vec!["extract", "samples/corpus"];
        let extra = tmp.path().join("hostile.jsonl");
        if hostile {
            std::fs::write(&extra, HOSTILE).unwrap();
            args.push(extra.to_str().unwrap());
        }
        args.extend(["--out", run.to_str().unwrap(), "--quiet"]);
        args.extend(flags);
        let o = kutip(&args);
        assert!(
            o.status.success(),
            "{case}: {}",
            String::from_utf8_lossy(&o.stderr)
        );

        let page = out.map(|o| tmp.path().join(o));
        let mut args = vec!["report", run.to_str().unwrap()];
        if let Some(p) = &page {
            args.extend(["--out", p.to_str().unwrap()]);
        }
        let o = kutip(&args);
        assert!(
            o.status.success(),
            "{case}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert!(stderr.contains("kutip: report of"), "{case}: {stderr}");
        let page = page.unwrap_or_else(|| run.join("report.html"));
        let html = std::fs::read_to_string(&page).unwrap();

        assert!(html.starts_with("<!DOCTYPE html>"), "{case}");
        assert!(html.contains("<title>kutip report: run</title>"), "{case}");
        for forbidden in ["<script", "<img", "<link", "http://", "https://", "src="] {
            assert!(!html.contains(forbidden), "{case}: {forbidden} in the page");
        }
        check_report(&run, &html);
        if hostile {
            assert!(
                html.contains("&lt;script&gt;alert(&#39;kutip&#39;)&lt;/script&gt;"),
                "{case}"
            );
            assert!(
                html.contains("Budi"),
                "{case}: the unlisted speaker is shown"
            );
            assert!(html.contains("kutip gazetteer suggest"), "{case}");
            assert!(html.contains("docs/refresh.md"), "{case}");
        }
    }
}

#[test]
fn report_of_a_folder_without_tables_fails_with_a_message() {
    let tmp = tempfile::tempdir().unwrap();
    let o = kutip(&["report", tmp.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("documents.csv"), "{stderr}");
    assert!(!tmp.path().join("report.html").exists());
}

#[test]
fn groups_and_nationalities_quoted_are_no_people_in_the_report() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    // Written for this test: each group is quoted in two documents, a
    // person in one.
    for (i, group) in ["Republicans", "Americans"].iter().enumerate() {
        for d in 0..2 {
            let text = format!(
                "The budget vote was close on Tuesday night.\n\
                 \"The plan costs too much,\" {group} said after the vote.\n\
                 \"We will try again next week,\" said Harriet Vance, a clerk.\n"
            );
            std::fs::write(corpus.join(format!("d{i}{d}.txt")), text).unwrap();
        }
    }
    let run = tmp.path().join("run");
    let o = kutip(&[
        "extract",
        corpus.to_str().unwrap(),
        "--out",
        run.to_str().unwrap(),
        "--quiet",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let quotes = table(&run, "quotes.csv");
    for group in ["Republicans", "Americans"] {
        let q = quotes.iter().find(|q| q["speaker"] == group);
        let q = q.unwrap_or_else(|| panic!("{group} quoted: {quotes:?}"));
        assert_eq!(q["speaker_type"], "ORGANIZATION", "{group}");
    }
    let o = kutip(&["report", run.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let html = std::fs::read_to_string(run.join("report.html")).unwrap();
    let chart = tags(&html, "data-chart=\"PERSON-documents\"");
    assert_eq!(chart.len(), 1);
    let start = html.find(chart[0]).unwrap();
    let end = start + html[start..].find("</svg>").unwrap();
    let people: Vec<String> = tags(&html[start..end], "class=\"bar\"")
        .iter()
        .map(|b| attr(b, "data-label").unwrap())
        .collect();
    assert!(people.contains(&"Harriet Vance".to_string()), "{people:?}");
    for group in ["Republicans", "Americans"] {
        assert!(!people.iter().any(|p| p == group), "{group} in {people:?}");
    }
}
