//! Marks, kinds, cue sieves, titles and odd texts.

use super::{check, pipeline, quotes};
use crate::document::Document;

#[test]
fn every_mark_style() {
    check(&[
        (
            "“Kami siap menghadapi tantangan,” kata Budi Santoso.",
            "Kami siap",
            "direct",
            "Budi Santoso",
            "cue-after",
        ),
        (
            "\"We are ready for this,\" said Anna Berg.",
            "We are ready",
            "direct",
            "Anna Berg",
            "cue-after",
        ),
        (
            "„We are ready for this“, said Anna Berg.",
            "We are ready",
            "direct",
            "Anna Berg",
            "cue-after",
        ),
        (
            "‘We are ready for this,’ said Anna Berg.",
            "We are ready",
            "direct",
            "Anna Berg",
            "cue-after",
        ),
        (
            "'We are ready for this,' said Anna Berg.",
            "We are ready",
            "direct",
            "Anna Berg",
            "cue-after",
        ),
        (
            "«We are ready for this», said Anna Berg.",
            "We are ready",
            "direct",
            "Anna Berg",
            "cue-after",
        ),
        (
            "‹We are ready for this›, said Anna Berg.",
            "We are ready",
            "direct",
            "Anna Berg",
            "cue-after",
        ),
        (
            "「We are ready for this」, said Anna Berg.",
            "We are ready",
            "direct",
            "Anna Berg",
            "cue-after",
        ),
        (
            "『We are ready for this』, said Anna Berg.",
            "We are ready",
            "direct",
            "Anna Berg",
            "cue-after",
        ),
        // Kompas writes both marks as ”.
        (
            "”Kami siap menghadapi tantangan,” kata Budi Santoso.",
            "Kami siap",
            "direct",
            "Budi Santoso",
            "cue-after",
        ),
        // Nesting: the inner quote is part of the outer one.
        (
            "“Stop the ‘quiet revolution’ now, please,” said Anna Berg.",
            "Stop the ‘quiet revolution’ now",
            "direct",
            "Anna Berg",
            "cue-after",
        ),
    ]);
}

#[test]
fn apostrophes_and_stray_marks_make_no_quotes() {
    let p = pipeline();
    for text in [
        "Anna Berg's team and Jones' car in the '90s don't matter to Ma'ruf.",
        "The market fell ” sharply on Monday.",
    ] {
        assert!(
            quotes(&p, text).iter().all(|q| q.kind == "indirect"),
            "{text:?}"
        );
    }
}

#[test]
fn unclosed_quote_ends_with_its_paragraph() {
    let p = pipeline();
    let text =
        "“We will win this race, said Anna Berg.\n\nThe market fell sharply on Monday and Tuesday.";
    let rows = quotes(&p, text);
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|q| !q.text.contains("market")), "{rows:?}");
}

#[test]
fn cue_sieves() {
    check(&[
        // Cue before, in both languages.
        ("Anna Berg said: “We will win this race.”", "We will win", "direct", "Anna Berg", "cue-before"),
        ("Kata Budi Santoso, “Kami akan menang dalam lomba ini.”", "Kami akan", "direct", "Budi Santoso", "cue-before"),
        // X said after a straight closing mark (not a sentence start).
        ("Lars Holm spoke on Monday.\n\n\"We will fix it,\" Holm said.", "We will fix", "direct", "Lars Holm", "cue-after"),
        // A party and state between commas.
        ("“We will override the veto,” Senate Leader Lars Holm, R-Ky., said Tuesday.", "We will override", "direct", "Lars Holm", "cue-after"),
        // X said, after the quote, with a parenthesis and a title.
        ("“We will win this race,” Rep. Anna Berg (D-Wis.) said Friday.", "We will win", "direct", "Anna Berg", "cue-after"),
        ("\"We will win this race,\" Mr. Lars Holm said.", "We will win", "direct", "Lars Holm", "cue-after"),
        // Cue verbs once missing: "echoed", "blurted out", "was quoted as saying".
        ("\"We will win this race,\" echoed Lars Holm.", "We will win", "direct", "Lars Holm", "cue-after"),
        ("\"We will win this race,\" Lars Holm blurted out.", "We will win", "direct", "Lars Holm", "cue-after"),
        ("Lars Holm was quoted as saying: \"We will win this race.\"", "We will win", "direct", "Lars Holm", "cue-before"),
        // A dash, or a horizontal bar.
        ("“We will win this race.” — Anna Berg", "We will win", "direct", "Anna Berg", "cue-after"),
        ("“We will win this race.” ― Lars Holm", "We will win", "direct", "Lars Holm", "cue-after"),
        // A role word between an organization and the name.
        ("“We will win this race,” said TV host Lars Holm.", "We will win", "direct", "Lars Holm", "cue-after"),
        // Appositions.
        ("“We will win this race,” said Lars Holm, the team's coach.", "We will win", "direct", "Lars Holm", "cue-after"),
        ("Lars Holm, the team's coach, said: “We will win this race.”", "We will win", "direct", "Lars Holm", "cue-before"),
        ("Lars Holm, the coach of the team, a former player, said: “We will win this race.”", "We will win", "direct", "Lars Holm", "cue-before"),
        // A coordinated verb: the sentence's subject, not the nearest name.
        ("Lars Holm praised the Daily News and said: “We will win this race.”", "We will win", "direct", "Lars Holm", "cue-before"),
        // A participle: the sentence's subject.
        ("Lars Holm attacked the plan on Monday, saying, “We will win this race.”", "We will win", "direct", "Lars Holm", "cue-before"),
        // A lowercase particle inside a name.
        ("Mayor Lars de Holm described the blast as “an intentional act.”", "an intentional", "partial", "Lars de Holm", "cue-before"),
        // The cue ends the previous paragraph with a colon.
        ("Lars Holm continued:\n\n“We will win this race and the next one.”", "We will win", "direct", "Lars Holm", "cue-before"),
        // The cue opens the next line after the quote.
        ("Rina Wulandari tiba pada Senin. “Kami siap bekerja keras.”\nkata Rina Wulandari.", "Kami siap", "direct", "Rina Wulandari", "cue-after"),
        ("“Warga harus tetap waspada,” kata Kepala Desa Sukamaju, Kecamatan Cibiru, Hendra Gunawan, Senin.", "Warga harus", "direct", "Hendra Gunawan", "cue-after"),
        // Statements: the issuing organization.
        ("Kementerian Luar Negeri mengeluarkan pernyataan pada Senin. “Indonesia menolak tuduhan itu,” bunyi pernyataan resmi tersebut.", "Indonesia menolak", "direct", "Kementerian Luar Negeri", "statement"),
    ]);
}

#[test]
fn names_lose_titles_and_organizations() {
    check(&[
        ("“Masjid dibuka kembali minggu depan,” kata Imam Besar Masjid Raya Nasrul Hamdani.", "Masjid dibuka", "direct", "Nasrul Hamdani", "cue-after"),
        ("“Stok beras aman sampai akhir tahun,” kata Kepala Dinas Pangan Kota Bandung Rina Wulandari.", "Stok beras", "direct", "Rina Wulandari", "cue-after"),
        ("“Data harus dibuka,” ujar Ketua BPKD Sultra Hasan Basri.", "Data harus", "direct", "Hasan Basri", "cue-after"),
        // Elections, parties, listed companies and ministries are no names.
        ("“Pengawasan diperketat,” kata Ketua Badan Pengawas Pemilu Rina Wulandari.", "Pengawasan diperketat", "direct", "Rina Wulandari", "cue-after"),
        ("“Kami menolak usulan itu,” kata anggota Fraksi Golkar Rina Wulandari.", "Kami menolak", "direct", "Rina Wulandari", "cue-after"),
        ("“Kredit tumbuh tahun ini,” kata Direktur Utama PT Bank Sinar Tbk Hendra Gunawan.", "Kredit tumbuh", "direct", "Hendra Gunawan", "cue-after"),
        ("“Bandara tetap dibuka,” kata Direktur Jenderal Perhubungan Udara Kemenhub Hendra Gunawan.", "Bandara tetap", "direct", "Hendra Gunawan", "cue-after"),
        // Ministers' short titles.
        ("“Bantuan sudah disalurkan,” kata Mensos Rina Wulandari.", "Bantuan sudah", "direct", "Rina Wulandari", "cue-after"),
        // An organization's name ends at a word the document writes on its own.
        (
            "“Penjualan naik tahun ini,” kata Direktur PT Sinar Jaya Rudi Hartono. Sinar Jaya juga membuka cabang baru.",
            "Penjualan naik",
            "direct",
            "Rudi Hartono",
            "cue-after",
        ),
        // A place the document writes after "di" is no part of a name.
        (
            "Pemilu digelar di Indramayu. “Suara sudah dihitung,” kata Ketua KPU Indramayu Rudi Hartono.",
            "Suara sudah",
            "direct",
            "Rudi Hartono",
            "cue-after",
        ),
        // The document cites her by her first name: the title ends there.
        (
            "“Industri harus bangkit kembali,” kata Menteri Perindustrian Dewi Lestari Anggraini. “Ekspor terus kami dorong,” kata Dewi.",
            "Industri harus",
            "direct",
            "Dewi Lestari Anggraini",
            "cue-after",
        ),
        // A surname later in the document: the full name given earlier.
        ("“Kami siap bekerja keras,” kata Rina Wulandari.\n\n“Kami pasti menang,” kata Wulandari.", "Kami pasti", "direct", "Rina Wulandari", "cue-after"),
        // A title alone: the person it titled earlier.
        ("Presiden Joko Widodo tiba di Bandung pada Senin.\n\n“Kita harus bekerja lebih keras,” kata Presiden.", "Kita harus", "direct", "Joko Widodo", "cue-after"),
        // A sentence end is no part of a name; nor is a headline.
        ("Sanders Vows To Fight Loopholes Again.\n\nHe met the Urban League. Holm said: “We will win this race.”", "We will win", "direct", "Holm", "cue-before"),
        ("“We will win this race,” said Sens. Lars Holm.", "We will win", "direct", "Lars Holm", "cue-after"),
        // A common word opening a sentence is no part of a name.
        ("Kemudian kami pulang. Sepengetahuan Rina, harga naik.\n\n“Harga beras sudah naik lagi,” kata Rina Wulandari.\n\n“Kami kecewa sekali,” kata Rina.", "Kami kecewa", "direct", "Rina Wulandari", "cue-after"),
    ]);
}

#[test]
fn enclitics_pronouns_descriptions() {
    check(&[
        ("Budi Santoso tiba di Jakarta pada Senin. “Kami akan menang,” katanya.", "Kami akan", "direct", "Budi Santoso", "last-speaker"),
        // The nearest person named before the quote, even one no list has.
        (
            "“Kami siap bekerja keras,” kata Budi Santoso.\n\nNamun, Rina Wulandari berharap harga turun. “Kami menunggu keputusan,” ujarnya.\n\n“Semua berjalan baik,” kata Rina.",
            "Kami menunggu",
            "direct",
            "Rina Wulandari",
            "last-speaker",
        ),
        ("Anna Berg arrived on Monday. She said: “We will win this race.”", "We will win", "direct", "Anna Berg", "pronoun"),
        ("Anna Berg arrived on Monday. “We will win this race,” the minister said.", "We will win", "direct", "Anna Berg", "description"),
        // Nobody to point at: empty rather than a guess.
        ("The sky was grey on Monday. “We will win this race,” she said.", "We will win", "direct", "", "last-speaker"),
    ]);
}

#[test]
fn months_are_not_speakers() {
    check(&[
        (
            "In August, Lars Holm labelled the plan “a total disaster” on television.",
            "a total disaster",
            "partial",
            "Lars Holm",
            "sentence-subject",
        ),
        (
            "Pada Agustus, Rina Wulandari mengunggah foto bertuliskan “bencana besar” di media sosial.",
            "bencana besar",
            "partial",
            "Rina Wulandari",
            "sentence-subject",
        ),
    ]);
}

#[test]
fn a_capitalised_word_before_a_role_noun_is_no_subject() {
    check(&[(
        "All this has led the Latvian journalist Lars Holm to fear a “dangerous pact.”",
        "dangerous pact",
        "partial",
        "Lars Holm",
        "sentence-subject",
    )]);
}

#[test]
fn continuation() {
    check(&[
        // Same paragraph, straight and curly marks.
        ("\"We will win this race,\" said Anna Berg. \"Nobody can stop us now.\"", "Nobody can", "direct", "Anna Berg", "continuation"),
        ("“We will win this race,” said Anna Berg. “Nobody can stop us now.”", "Nobody can", "direct", "Anna Berg", "continuation"),
        // The multi-paragraph convention: the quote reopens in the next
        // paragraph and closes at its end.
        ("“We will win this race,” said Anna Berg. “We trained hard.\n\n“Nobody can stop us now.”", "Nobody can", "direct", "Anna Berg", "continuation"),
        // Someone named in the cue's own apposition is not in between.
        ("“We will win this race,” said Lars Holm, a former Budi Santoso adviser. “Nobody can stop us now.”", "Nobody can", "direct", "Lars Holm", "continuation"),
        ("“Kami akan menang,” kata Rina Wulandari, mantan staf Budi Santoso. “Tidak ada yang bisa menghentikan kami.”", "Tidak ada", "direct", "Rina Wulandari", "continuation"),
        // Someone else named between: no continuation; the ranker gives
        // the quote to the person named right before it.
        ("“We will win this race,” said Anna Berg. Budi Santoso disagreed. “Nobody can stop us now.”", "Nobody can", "direct", "Budi Santoso", "nearby"),
    ]);
}

#[test]
fn kinds() {
    check(&[
        (
            "Anna Berg labelled the plan a “dangerous gamble” on Monday.",
            "dangerous gamble",
            "partial",
            "Anna Berg",
            "sentence-subject",
        ),
        (
            "Anna Berg said that the company would open a new factory next year.",
            "the company would",
            "indirect",
            "Anna Berg",
            "reported",
        ),
        (
            "Budi Santoso mengatakan bahwa harga beras akan turun bulan depan.",
            "harga beras",
            "indirect",
            "Budi Santoso",
            "reported",
        ),
        (
            "Menurut Budi Santoso, harga beras akan turun bulan depan.",
            "harga beras",
            "indirect",
            "Budi Santoso",
            "according",
        ),
        (
            "According to Anna Berg, the company will open a new factory.",
            "the company will",
            "indirect",
            "Anna Berg",
            "according",
        ),
        (
            "Harga beras akan turun bulan depan. Demikian disampaikan Budi Santoso.",
            "Harga beras",
            "indirect",
            "Budi Santoso",
            "backref",
        ),
    ]);
}

#[test]
fn titles_are_not_speech() {
    let p = pipeline();
    let doc = Document {
        id: "d".into(),
        source: "d".into(),
        text: "“Kami Siap Menang” Kata Budi Santoso\n\nBudi Santoso datang ke Bandung pada Senin pagi.".into(),
        ..Default::default()
    };
    let rows = p.process(&doc).quotes;
    assert!(
        rows.iter().all(|q| q.text != "Kami Siap Menang"),
        "{rows:?}"
    );
}

#[test]
fn odd_texts_do_not_panic() {
    let p = pipeline();
    for text in [
        "said",
        "kata",
        "“",
        "”",
        "“”",
        "\"a\" said",
        "“Go now,”\nkatanya.",
        "“Go now,” —",
        "“Go now,” ―",
        "Kata, “Go”",
        "“We will go,” said Mr.",
        "(“We will go,” said) Anna (",
        "“We will go,” said the",
        "Sepengetahuan “Kami” katanya kata ujarnya",
        "“A” “B” “C” — ― –",
        "Menurut, “x”. Demikian disampaikan",
        "“Kami siap,” kata Kepala Dinas Kesehatan Kota",
        "“Kami siap,” kata Presiden.",
        "“Kami siap,” kata Menteri dan",
        "“Kami siap,” kata Menteri / Kepala",
    ] {
        let _ = quotes(&p, text);
    }
}

#[test]
fn titles_in_quotes_with_no_speaker_are_not_speech() {
    let p = pipeline();
    let cases: &[(&str, &[&str])] = &[
        // Titles of shows, books and laws: dropped.
        ("She appeared on “Morning Talk Today” last week.", &[]),
        ("He read “The Art of the Bargain” in 1987.", &[]),
        ("Film “Laskar Pelangi di Bandung” diputar lagi.", &[]),
        // Exclamations are said, even in capitals.
        (
            "The crowd chanted “U-S-A! U-S-A!” for minutes.",
            &["U-S-A! U-S-A!"],
        ),
        // Ordinary fragments stay.
        (
            "He called the plan “a total disaster” on Monday.",
            &["a total disaster"],
        ),
        // A title-cased quote with a speaker is speech.
        ("“Never Give Up,” said Wang Yi.", &["Never Give Up,"]),
    ];
    for (text, want) in cases {
        let got: Vec<String> = quotes(&p, text)
            .into_iter()
            .filter(|q| q.kind != "indirect")
            .map(|q| q.text)
            .collect();
        assert_eq!(got, *want, "{text:?}");
    }
}
