//! The tagger's names through a whole document: headline-like lines
//! (capitalisation there is no evidence of a name, so the names there are
//! only those the body gives, cut to them) and what a lone word links to.
//! Every text here is written for these tests.

use crate::document::Document;
use crate::gazetteer::Gazetteer;
use crate::pipeline::{Pipeline, PipelineBuilder};

/// A pipeline with no list, so every name is the tagger's.
fn pipeline() -> Pipeline {
    PipelineBuilder::new()
        .default_gazetteers(false)
        .build()
        .unwrap()
}

/// A pipeline whose only list is `list` (a gazetteer TSV).
fn pipeline_listing(list: &str) -> Pipeline {
    PipelineBuilder::new()
        .default_gazetteers(false)
        .gazetteer(Gazetteer::parse(list, "t").unwrap())
        .build()
        .unwrap()
}

/// The model mentions of `text` (read as a `.txt` file is: the first line
/// may be the title) that start before byte `before`: (surface, entity).
fn model_mentions(p: &Pipeline, text: &str, before: usize) -> Vec<(String, String)> {
    let doc = Document {
        id: "d".into(),
        source: "d".into(),
        text: text.into(),
        ..Default::default()
    };
    let first_line: Vec<_> = text.char_indices().take_while(|c| c.0 < before).collect();
    p.process(&doc)
        .mentions
        .into_iter()
        .filter(|m| m.method == crate::tables::MentionMethod::Model && m.start < first_line.len())
        .map(|m| (m.surface, m.entity))
        .collect()
}

fn first_line_mentions(text: &str) -> Vec<(String, String)> {
    let p = pipeline();
    model_mentions(&p, text, text.find('\n').unwrap())
}

#[test]
fn a_headline_verb_glued_to_a_name_is_cut_off() {
    let text = "Ortiz Vows 'Big Change' if Voters Don't Rally for Lena Park.\n\n\
                With the vote near, Mayor Dana Ortiz is making a more personal case to \
                voters in the river towns.\n\n\
                \"The river is on the ballot,\" Ortiz said on Sunday, standing beside \
                Lena Park, the council's newest member.";
    let got = first_line_mentions(text);
    assert!(
        got.iter()
            .all(|m| !m.0.contains("Vows") && !m.0.contains("Rally")),
        "{got:?}"
    );
    assert!(
        got.contains(&("Lena Park".into(), "Lena Park".into())),
        "{got:?}"
    );
}

#[test]
fn a_headline_adjective_glued_to_a_name_is_cut_off() {
    let text = "Reckless Ortiz and Park Split the Council;\n\
                The council met again on Monday night.\n\n\
                Mayor Dana Ortiz said the vote would wait, and Lena Park agreed.";
    let got = first_line_mentions(text);
    assert!(got.iter().all(|m| !m.0.contains("Reckless")), "{got:?}");
    // Nothing in the line but the body's names.
    for (surface, _) in &got {
        assert!(["Ortiz", "Park"].contains(&surface.as_str()), "{got:?}");
    }
}

#[test]
fn a_headline_phrase_the_body_never_names_is_no_name() {
    let text = "Veto Power Impedes Peace Efforts in the Valley.\n\n\
                The council has blocked every plan since March, said Dana Ortiz, \
                who chairs the river board.";
    let got = first_line_mentions(text);
    assert_eq!(got, Vec::<(String, String)>::new());
}

#[test]
fn an_indonesian_headline_verb_glued_to_a_name_is_cut_off() {
    // A title (no full stop), Title-Case but for its small words:
    // the verb (`Tinjau`) and what follows are the headline's.
    let text = "Andi Wijaya Tinjau Tol Cisumdawu yang Rusak akibat Longsor\n\
                Bupati Andi Wijaya meresmikan jalan tol sepanjang 12 kilometer itu pada \
                Senin pagi.\n\
                Menurut Andi Wijaya, jalan itu memangkas waktu tempuh warga hingga satu jam.";
    let got = first_line_mentions(text);
    assert_eq!(got, [("Andi Wijaya".into(), "Andi Wijaya".into())]);
}

/// The body's mentions keep their own name: a headline span no longer
/// lends the body a garbled fuller name ("Obama" -> "Derelict Obama").
#[test]
fn a_glued_headline_name_lends_the_body_nothing() {
    let text = "Derelict Obama and Clinton Fail the Test;\n\
                The senator will go on offense against the plan.\n\n\
                President Obama spoke in Ohio on Monday, and Hillary Clinton in Iowa.";
    let p = pipeline();
    let all = model_mentions(&p, text, text.len());
    assert!(
        all.iter()
            .all(|m| !m.0.contains("Derelict") && !m.1.contains("Derelict")),
        "{all:?}"
    );
}

/// A lone surname is the one fuller name the tagger found with it only
/// when no listed person of the document shares it: beside a listed
/// `Tom Hale`, `Hale` alone is not `Mia Hale`.
#[test]
fn a_lone_surname_a_listed_person_shares_is_not_linked_to_the_tagger_name() {
    let list = "id\ttype\tname\taliases\tcountry\tpriority\nt:hale\tPERSON\tTom Hale\t\t\t\n";
    let text = "The governor spoke at the river festival on Monday.\n\n\
                Mia Hale, his sister, opened the fair with a short speech.\n\n\
                Mr. Hale then thanked the volunteers, said Dana Ortiz, who runs the fair.\n\n\
                Later that night Tom Hale met the mayor.";
    let p = pipeline_listing(list);
    let all = model_mentions(&p, text, text.len());
    let hale: Vec<_> = all.iter().filter(|m| m.0 == "Hale").collect();
    assert_eq!(hale, [&("Hale".to_string(), "Hale".to_string())], "{all:?}");
}

/// A run-in head opens a body paragraph: its words are a headline's.
#[test]
fn a_run_in_head_gives_only_the_bodys_names() {
    let text = "The river board met on Monday.\n\n\
                Veto Power Impedes Peace Efforts: The council has blocked every plan \
                since March, said Dana Ortiz, who chairs the river board.\n\n\
                Little Relief for Dana Ortiz: The mayor has not answered her letters.";
    let p = pipeline();
    let all = model_mentions(&p, text, text.len());
    let surfaces: Vec<&str> = all.iter().map(|m| m.0.as_str()).collect();
    assert!(surfaces.contains(&"Dana Ortiz"), "{all:?}");
    assert!(surfaces.iter().all(|&s| s == "Dana Ortiz"), "{all:?}");
}
