//! Entry points shared by the fuzz targets (`fuzz/`) and the test that
//! replays their corpus (`tests/fuzz_corpus.rs`). Each must never panic.

use crate::corpus::{json_record, text_record, Record};
use crate::document::segment;
use crate::gazetteer::Gazetteer;
use crate::matcher::Matcher;
use crate::pipeline::{Pipeline, PipelineBuilder};
use std::sync::OnceLock;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| PipelineBuilder::new().build().expect("default pipeline"))
}

/// Reads `data` as a text file and as a JSON line, and segments the text.
pub fn reader(data: &[u8]) {
    for record in [
        text_record(data, "f".into(), "f".into()),
        json_record(data, "f", "f", 1),
    ] {
        if let Record::Doc(d) = record {
            let s = segment(&d.text, d.title.is_none());
            for p in &s.paragraphs {
                assert!(
                    p.start <= p.end
                        && d.text.is_char_boundary(p.start)
                        && d.text.is_char_boundary(p.end)
                );
            }
        }
    }
}

/// The first line of `data` is a gazetteer (names separated by `|`), the
/// rest a text; every match must lie on char boundaries, in order.
pub fn matcher(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let (names, body) = text.split_once('\n').unwrap_or((&text, ""));
    let list = format!(
        "id\ttype\tname\taliases\nF1\tPERSON\tX\t{}\n",
        names.replace('\t', " ")
    );
    let Ok(g) = Gazetteer::parse(&list, "fuzz") else {
        return;
    };
    let m = Matcher::from_gazetteer(g);
    let mut last = 0;
    for hit in m.find(body) {
        assert!(hit.start >= last && hit.start < hit.end && hit.end <= body.len());
        assert!(body.is_char_boundary(hit.start) && body.is_char_boundary(hit.end));
        last = hit.end;
    }
}

/// Runs the whole pipeline (default gazetteers) on `data` as a text.
pub fn quotes(data: &[u8]) {
    if let Record::Doc(d) = text_record(data, "f".into(), "f".into()) {
        let out = pipeline().process(&d);
        let chars = d.text.chars().count();
        for q in &out.quotes {
            assert!(q.start <= q.end && q.end <= chars);
        }
        for m in &out.mentions {
            assert!(m.start < m.end && m.end <= chars);
        }
    }
}
