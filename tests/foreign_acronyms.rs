//! An Indonesian body's acronym in English text that names nothing
//! Indonesian is some other body (`UPI` the news agency, `MA` a degree):
//! regression tests for `UPI` linked to Universitas Pendidikan Indonesia in
//! an English article about a US election.

use kutip::document::Document;
use kutip::gazetteer::Gazetteer;
use kutip::{Pipeline, PipelineBuilder};
use std::sync::OnceLock;

const LIST: &str = "id\ttype\tname\taliases\tcountry\tpriority
O-UPK\tORGANIZATION\tUniversitas Pelita Kencana\tUPK\tID\t
O-KPB\tORGANIZATION\tKomisi Pengawas Bahari\tKPB\tID\t
C-ID\tCOUNTRY\tIndonesia\t\tID\t
O-NATO\tORGANIZATION\tNorth Atlantic Treaty Organization\tNATO\t\t
";

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| {
        PipelineBuilder::new()
            .default_gazetteers(false)
            .model(false)
            .gazetteer(Gazetteer::parse(LIST, "test.tsv").unwrap())
            .build()
            .unwrap()
    })
}

/// The surfaces of the mentions of `text`.
fn surfaces(text: &str) -> Vec<String> {
    let doc = Document {
        id: "d".into(),
        text: text.into(),
        ..Document::default()
    };
    pipeline()
        .process(&doc)
        .mentions
        .into_iter()
        .map(|m| m.surface)
        .collect()
}

#[test]
fn an_indonesian_acronym_in_english_text_naming_nothing_indonesian_is_dropped() {
    let text = "The senator told UPK reporters that the campaign would go on. \
                He said the KPB report was wrong, and that NATO had to act.";
    assert_eq!(surfaces(text), ["NATO"]);
}

#[test]
fn an_indonesian_acronym_stays_where_the_english_text_names_indonesia() {
    let text = "Students of the university in Indonesia said the UPK board had \
                met. The board said that the fees would not rise this year.";
    assert_eq!(surfaces(text), ["Indonesia", "UPK"]);
    let text = "Komisi Pengawas Bahari (KPB) said on Monday that the KPB would \
                inspect the ships, and the owners said they would comply.";
    assert_eq!(surfaces(text), ["Komisi Pengawas Bahari", "KPB", "KPB"]);
}

#[test]
fn an_indonesian_acronym_in_indonesian_text_stays() {
    let text = "Rektor UPK mengatakan bahwa kampus itu akan dibuka kembali \
                pada bulan depan, dan para mahasiswa sudah diberi tahu.";
    assert_eq!(surfaces(text), ["UPK"]);
}
