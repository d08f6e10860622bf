//! Table-driven tests of the quote extractor through a small pipeline
//! (end to end: kinds, marks, speakers, methods). Every sentence here is
//! written for these tests. The sieves and reported-speech rules have
//! their own unit tests beside them.

mod cue_words;
mod marks_and_kinds;
mod names_and_referents;
mod not_speech;

use crate::document::Document;
use crate::gazetteer::Gazetteer;
use crate::pipeline::{Pipeline, PipelineBuilder};
use crate::tables::QuoteRow;

const LIST: &str = "id\ttype\tname\taliases\tcountry\tpriority
t:anna\tPERSON\tAnna Berg\t\t\t
t:budi\tPERSON\tBudi Santoso\t\t\t
t:joko\tPERSON\tJoko Widodo\tJokowi\t\t
t:kemlu\tORGANIZATION\tKementerian Luar Negeri\tKemlu\t\t
t:prabowo\tPERSON\tPrabowo Subianto\tPrabowo\t\t
t:jordan\tCOUNTRY\tJordan\t\t\t
";

pub fn pipeline() -> Pipeline {
    pipeline_listing(LIST)
}

/// A pipeline whose only gazetteer is `list` (a gazetteer TSV).
pub fn pipeline_listing(list: &str) -> Pipeline {
    PipelineBuilder::new()
        .default_gazetteers(false)
        .gazetteer(Gazetteer::parse(list, "t").unwrap())
        .build()
        .unwrap()
}

pub fn quotes(p: &Pipeline, text: &str) -> Vec<QuoteRow> {
    let doc = Document {
        id: "d".into(),
        source: "d".into(),
        title: Some("Judul".into()),
        text: text.into(),
        ..Default::default()
    };
    p.process(&doc).quotes
}

/// (text, start of the quote's text, kind, speaker, method)
type Case = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

pub fn check(cases: &[Case]) {
    let p = pipeline();
    for &(text, quote, kind, speaker, method) in cases {
        let rows = quotes(&p, text);
        let found = rows.iter().find(|q| q.text.starts_with(quote));
        let Some(q) = found else {
            panic!(
                "no quote {quote:?} in {text:?}: {:?}",
                rows.iter().map(|q| &q.text).collect::<Vec<_>>()
            );
        };
        assert_eq!(
            (q.kind.as_str(), q.speaker.as_str(), q.method.as_str()),
            (kind, speaker, method),
            "{text:?} / {quote:?}"
        );
    }
}
