//! What is not speech gives no quote row, and speech is kept: scare
//! quotes, terms, titles and nicknames (the speech classifier), titles
//! named so (`bertajuk`), and lines that are not body text.

use super::{pipeline, quotes};

/// The quoted (direct and partial) texts of `text`.
fn quoted(text: &str) -> Vec<String> {
    quotes(&pipeline(), text)
        .into_iter()
        .filter(|q| q.kind != "indirect")
        .map(|q| q.text)
        .collect()
}

#[test]
fn scare_quotes_terms_titles_and_nicknames_are_not_speech() {
    for text in [
        // A scare quote.
        "Critics doubt the “miracle” cure that the shop sells online.",
        // A term.
        "The land was moved into a “liquidating fund” last year.",
        // A show, after a possessive.
        "Ortiz appeared on Channel 9’s “Morning Report” on Friday.",
        // A nickname inside a name.
        "State Sen. Marta “Tita” Ruiz spoke first at the hall.",
        // Titles named so, in both languages.
        "She wrote a book titled “Rivers Run Home” in 2019.",
        "Ia berbicara dalam webinar bertajuk ”Desa Tangguh Bencana” di Bandung.",
        "Dedi hadir dalam diskusi virtual bertema ”Kota Hijau: Apa Kabar?” kemarin.",
    ] {
        assert_eq!(quoted(text), Vec::<String>::new(), "{text:?}");
    }
}

#[test]
fn speech_is_kept() {
    let cases: &[(&str, &[&str])] = &[
        (
            "“We will not back down,” Ortiz said.",
            &["We will not back down,"],
        ),
        (
            "Ortiz said the plan was “a total disaster” for the town.",
            &["a total disaster"],
        ),
        (
            "”Kami sudah siap sejak pekan lalu,” kata Kepala Desa Dedi Rahmat.",
            &["Kami sudah siap sejak pekan lalu,"],
        ),
        // An exclamation is said, cue or not.
        (
            "The crowd kept on with “Lock the gates!” for an hour.",
            &["Lock the gates!"],
        ),
    ];
    for (text, want) in cases {
        assert_eq!(quoted(text), *want, "{text:?}");
    }
}

#[test]
fn lines_that_are_not_body_text_yield_no_quotes() {
    let body = "The council met on Monday.";
    for line in [
        "READ MORE: “We will win,” says Ortiz",
        "WATCH: Ortiz on the “new deal”",
        "Baca juga: ”Kami siap,” kata Bupati",
        "Photo: Lena Ortiz greets “the heroes” of the flood.",
        "Lena Ortiz greets “the heroes” of the flood. (AP Photo/Tom Hale)",
        "FOTO: Warga menyebut banjir itu ”kiriman”.",
        "Just “voted” for Ortiz pic.twitter.com/Ab3 — Lena Ortiz (@lenaortiz) May 2, 2026",
        "Mayor Vows ‘Big Changes’ In River Town",
        "‘The Long Night Is Over.’",
    ] {
        let text = format!("{body}\n{line}");
        assert!(
            quotes(&pipeline(), &text).is_empty(),
            "{line:?}: {:?}",
            quotes(&pipeline(), &text)
        );
    }
}

#[test]
fn markup_attributes_are_not_quotes() {
    let text = "<tweet id=\"7782\" author=\"lenaortiz\" date=\"May 2\">We won today</tweet>";
    assert_eq!(quoted(text), Vec::<String>::new());
}
