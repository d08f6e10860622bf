//! Table-driven tests of the quote extractor on a small pipeline. Every
//! sentence here is written for these tests.

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

fn pipeline() -> Pipeline {
    PipelineBuilder::new()
        .default_gazetteers(false)
        .gazetteer(Gazetteer::parse(LIST, "t").unwrap())
        .build()
        .unwrap()
}

fn quotes(p: &Pipeline, text: &str) -> Vec<QuoteRow> {
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

fn check(cases: &[Case]) {
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
        ("Budi Santoso tiba di Jakarta pada Senin. “Kami akan menang,” katanya.", "Kami akan", "direct", "Budi Santoso", "enclitic"),
        // The nearest person named before the quote, even one no list has.
        (
            "“Kami siap bekerja keras,” kata Budi Santoso.\n\nNamun, Rina Wulandari berharap harga turun. “Kami menunggu keputusan,” ujarnya.\n\n“Semua berjalan baik,” kata Rina.",
            "Kami menunggu",
            "direct",
            "Rina Wulandari",
            "enclitic",
        ),
        ("Anna Berg arrived on Monday. She said: “We will win this race.”", "We will win", "direct", "Anna Berg", "pronoun"),
        ("Anna Berg arrived on Monday. “We will win this race,” the minister said.", "We will win", "direct", "Anna Berg", "description"),
        // Nobody to point at: empty rather than a guess.
        ("The sky was grey on Monday. “We will win this race,” she said.", "We will win", "direct", "", "enclitic"),
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
        // Someone else named between: no continuation.
        ("“We will win this race,” said Anna Berg. Budi Santoso disagreed. “Nobody can stop us now.”", "Nobody can", "direct", "", ""),
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

#[test]
fn enclitic_stands_for_the_speaker_not_the_last_name() {
    check(&[
        // The sentence before reports what Rina said and names Budi as an
        // object: the enclitic is Rina's.
        (
            "Gubernur Rina Wulandari mengatakan, pihaknya berterima kasih kepada Budi Santoso.\n\n”Kami sangat terbantu oleh semua relawan,” katanya.",
            "Kami sangat",
            "direct",
            "Rina Wulandari",
            "enclitic",
        ),
        (
            "Anna Berg praised Budi Santoso on Monday.\n\n“We will win this race,” she said.",
            "We will win",
            "direct",
            "Anna Berg",
            "enclitic",
        ),
        // Many sentences of narration after the last reported speech.
        (
            "Gubernur Rina Wulandari mengatakan, harga beras akan naik bulan depan.\n\nPasar ramai sejak pagi.\n\nPedagang menaikkan harga.\n\nPembeli mengeluh.\n\nStok mulai menipis.\n\n”Kami akan menambah pasokan,” katanya.",
            "Kami akan",
            "direct",
            "Rina Wulandari",
            "enclitic",
        ),
        // A belief reported before ("yakin") names the speaker too.
        (
            "Gubernur Rina Wulandari yakin, pandemi akan membuat warga lebih peduli kesehatan.\n\n”Bersepeda itu menyenangkan dan menyehatkan,” katanya.",
            "Bersepeda itu",
            "direct",
            "Rina Wulandari",
            "enclitic",
        ),
        // A quote with its own cue in the sentence before: its speaker,
        // not a word inside it.
        (
            "“Kami sudah memeriksa Stasiun Tambun dan Cikarang,” ucap Alamsyah.\n\nPetugas berjaga setiap hari. ”Semua aman terkendali,” katanya.",
            "Semua aman",
            "direct",
            "Alamsyah",
            "enclitic",
        ),
    ]);
}

#[test]
fn names_after_long_titles_parentheses_and_appositions() {
    check(&[
        // More than twelve words of title before the name.
        (
            "“Warga harus tetap waspada,” kata Kepala Bidang Hubungan Masyarakat Kepolisian Daerah Jawa Barat Komisaris Besar Hendra Gunawan Saputra.",
            "Warga harus",
            "direct",
            "Hendra Gunawan Saputra",
            "cue-after",
        ),
        // An organization's acronym in parentheses inside the title.
        (
            "“Penyelidikan masih berjalan,” kata Ketua Komite Nasional Keselamatan Transportasi (KNKT) Hendra Gunawan.",
            "Penyelidikan masih",
            "direct",
            "Hendra Gunawan",
            "cue-after",
        ),
        // A time between commas is no part of the subject.
        (
            "Gubernur Rina Wulandari, pekan lalu, mengatakan, harga beras akan turun bulan depan.",
            "harga beras",
            "indirect",
            "Rina Wulandari",
            "reported",
        ),
        // "lalu" of "pekan lalu" is no conjunction ("…, lalu mengatakan").
        (
            "Ketua Asosiasi Produsen Alat Kesehatan Indonesia (Aspaki) Rina Wulandari, pekan lalu, menyampaikan, harga alat kesehatan akan naik bulan depan.",
            "harga alat",
            "indirect",
            "Rina Wulandari",
            "reported",
        ),
        // Title, comma, name, comma, verb: the name.
        (
            "Dosen Fakultas Ekonomi Universitas Gadjah Mada, Rina Wulandari, mengatakan, harga beras akan turun bulan depan.",
            "harga beras",
            "indirect",
            "Rina Wulandari",
            "reported",
        ),
        (
            "Head of Global Research Nusantara Capital, Lars Holm, said that the company would open a new factory.",
            "the company would",
            "indirect",
            "Lars Holm",
            "reported",
        ),
    ]);
}

#[test]
fn cited_by_a_middle_name_keeps_given_names_and_initials() {
    check(&[
        (
            "“Pasar dibuka kembali pekan depan,” kata Bupati Sukamaju Muhammad Rizal Pratama.\n\n“Pedagang wajib memakai masker,” kata Rizal.",
            "Pasar dibuka",
            "direct",
            "Muhammad Rizal Pratama",
            "cue-after",
        ),
        (
            "“Pasar dibuka kembali pekan depan,” kata Bupati Sukamaju Muhammad Rizal Pratama.\n\n“Pedagang wajib memakai masker,” kata Rizal.",
            "Pedagang wajib",
            "direct",
            "Muhammad Rizal Pratama",
            "cue-after",
        ),
        (
            "“Semua sudah siap,” kata Juru Bicara Presiden M Fajar Rachman.\n\n“Kami menunggu keputusan,” ujar Fajar.",
            "Kami menunggu",
            "direct",
            "M Fajar Rachman",
            "cue-after",
        ),
    ]);
}

#[test]
fn a_surname_shared_by_two_people_is_the_one_quoted_last() {
    check(&[
        // A relative named with the full name later is not the speaker.
        (
            "Sen. Lars Holm spoke on Monday. \"We will win,\" Holm said.\n\nHolm's father, Frederik Holm, was born in Oslo.\n\n\"I am proud of my father,\" Holm said.",
            "I am proud",
            "direct",
            "Lars Holm",
            "cue-after",
        ),
        (
            "“Kami siap bekerja,” kata Rina Wulandari.\n\nAdiknya, Sekar Ayu Wulandari, tinggal di Bandung.\n\n“Kami pasti menang,” kata Wulandari.",
            "Kami pasti",
            "direct",
            "Rina Wulandari",
            "cue-after",
        ),
        // Another person of that name speaks in between: that one.
        (
            "Candidate Frederik Holm visited Ohio. \"We will win,\" Holm said.\n\nSecretary Anne Holm says hackers are targeting state systems.\n\n\"We are watching them,\" Holm said.",
            "We are watching",
            "direct",
            "Anne Holm",
            "cue-after",
        ),
    ]);
}

#[test]
fn transcript_labels_name_the_speaker() {
    check(&[
        (
            "Anna Berg appeared on the show on Sunday.\n\n\"HOLM: Will you run again next year?\"\n\n\"BERG: We will decide that next month.\"",
            "Will you run",
            "direct",
            "Holm",
            "transcript",
        ),
        (
            "Anna Berg appeared on the show on Sunday.\n\n\"HOLM: Will you run again next year?\"\n\n\"BERG: We will decide that next month.\"",
            "We will decide",
            "direct",
            "Anna Berg",
            "transcript",
        ),
        (
            "Budi Santoso hadir dalam acara itu pada Minggu.\n\n“SANTOSO: Kami akan memutuskan bulan depan.”",
            "Kami akan",
            "direct",
            "Budi Santoso",
            "transcript",
        ),
    ]);
}

#[test]
fn indirect_sources_that_name_nobody() {
    check(&[
        // A description with capitalised modifiers: no speaker, but speech.
        (
            "A Bloomberg poll shows that voters in rich households now favor the challenger.",
            "voters in rich",
            "indirect",
            "",
            "",
        ),
        // An adverb between the subject and the verb.
        (
            "Anna Berg now says that the company will close the old factory.",
            "the company will",
            "indirect",
            "Anna Berg",
            "reported",
        ),
        (
            "Budi Santoso kini menegaskan bahwa pabrik lama itu akan segera ditutup.",
            "pabrik lama",
            "indirect",
            "Budi Santoso",
            "reported",
        ),
        // A possessive inside the description; "It" for a document.
        (
            "Ohio's health commissioner says the hospital will reopen next week.",
            "the hospital will",
            "indirect",
            "",
            "",
        ),
        (
            "The letter arrived on Thursday. It says the campaign broke the law with the video.",
            "the campaign broke",
            "indirect",
            "",
            "",
        ),
        // A participle after a comma: the sentence's subject.
        (
            "Lars Holm attacked the plan on Monday, saying the company would lose money next year.",
            "the company would",
            "indirect",
            "Lars Holm",
            "reported",
        ),
    ]);
    // A passive names no source: "reported by".
    let p = pipeline();
    let rows = quotes(
        &p,
        "The decision was reported by the local newspaper on Monday.",
    );
    assert!(rows.is_empty(), "{rows:?}");
}

#[test]
fn nested_reported_speech_gives_two_indirect_quotes() {
    check(&[
        (
            "Anna Berg said that Lars Holm believes the factory will close next year.",
            "Lars Holm believes",
            "indirect",
            "Anna Berg",
            "reported",
        ),
        (
            "Anna Berg said that Lars Holm believes the factory will close next year.",
            "the factory will",
            "indirect",
            "Lars Holm",
            "reported",
        ),
        (
            "Budi Santoso mengatakan bahwa Rina Wulandari menilai harga beras akan turun bulan depan.",
            "Rina Wulandari menilai",
            "indirect",
            "Budi Santoso",
            "reported",
        ),
        (
            "Budi Santoso mengatakan bahwa Rina Wulandari menilai harga beras akan turun bulan depan.",
            "harga beras",
            "indirect",
            "Rina Wulandari",
            "reported",
        ),
    ]);
}

#[test]
fn more_reporting_verbs_and_the_cue_before_the_nearest() {
    check(&[
        (
            "Anna Berg cited rising costs as the main reason for the delay.",
            "rising costs",
            "indirect",
            "Anna Berg",
            "reported",
        ),
        // The nearest cue ("demands") names nobody: the one before it.
        (
            "Lars Holm said the recent wave of protests demands that all of us engage in “more listening.”",
            "more listening",
            "partial",
            "Lars Holm",
            "cue-before",
        ),
    ]);
}

#[test]
fn a_pronoun_after_the_subject_is_the_subject() {
    check(&[
        (
            "Anna Berg says she admired Budi Santoso for what she calls “a brave choice.”",
            "a brave choice",
            "direct",
            "Anna Berg",
            "pronoun",
        ),
        (
            "Budi Santoso memuji Anna Berg atas apa yang ia sebut “pilihan berani”.",
            "pilihan berani",
            "partial",
            "Budi Santoso",
            "pronoun",
        ),
    ]);
}

#[test]
fn name_and_apposition_between_the_quote_and_its_cue() {
    check(&[
        (
            "“We will win this race,” Lars Holm, the coach of the national team, one of the oldest in Europe, said on Monday.",
            "We will win",
            "direct",
            "Lars Holm",
            "cue-after",
        ),
        (
            "“Kami siap bertanding,” Rina Wulandari, pelatih tim nasional yang baru, menegaskan pada Senin.",
            "Kami siap",
            "direct",
            "Rina Wulandari",
            "cue-after",
        ),
    ]);
}

#[test]
fn a_listed_word_ending_an_unlisted_name_is_part_of_it() {
    check(&[
        (
            "“Kami akan menindak tegas pelanggar,” kata Kepala Kepolisian Resor Komisaris Besar Hendra Budi Prabowo.",
            "Kami akan",
            "direct",
            "Hendra Budi Prabowo",
            "cue-after",
        ),
        (
            "“We will achieve justice in this case,” police Chief Chuck Jordan said Monday.",
            "We will achieve",
            "direct",
            "Chuck Jordan",
            "cue-after",
        ),
        // Alone, the listed person.
        (
            "“Kami siap,” kata Prabowo.",
            "Kami siap",
            "direct",
            "Prabowo Subianto",
            "cue-after",
        ),
    ]);
}

#[test]
fn an_apostrophe_inside_a_name() {
    check(&[
        (
            "“Kami siap membantu warga,” kata Ketua Umum Syamsul Ma’arif.",
            "Kami siap",
            "direct",
            "Syamsul Ma’arif",
            "cue-after",
        ),
        (
            "\"We will win this race,\" said Tariq Ma'arouf.",
            "We will win",
            "direct",
            "Tariq Ma'arouf",
            "cue-after",
        ),
        // A possessive is no part of a name.
        (
            "Anna Berg's team arrived on Monday. \"We will win this race,\" said Lars Holm.",
            "We will win",
            "direct",
            "Lars Holm",
            "cue-after",
        ),
    ]);
}

#[test]
fn many_enclitic_quotes_in_one_paragraph_stay_fast() {
    // Thousands of quotes with an enclitic and nobody to point at: each
    // looks back ten sentences, not over the whole paragraph.
    let p = pipeline();
    let text = "warga bilang “kami siap bekerja,” katanya dan warga datang lalu ".repeat(300);
    let start = std::time::Instant::now();
    let rows = quotes(&p, &text);
    assert!(rows.len() >= 300, "{}", rows.len());
    assert!(start.elapsed().as_secs() < 60, "{:?}", start.elapsed());
}

#[test]
fn what_she_called_gives_no_indirect_quote_before_it() {
    let p = pipeline();
    for (text, start) in [
        (
            "Anna Berg, the team's coach, welcomed what she called “a constructive spirit” in the talks.",
            "Anna Berg",
        ),
        (
            "Rina Wulandari, ketua panitia, menyambut apa yang ia sebut “semangat baru” dalam pertemuan itu.",
            "Rina Wulandari",
        ),
    ] {
        let rows = quotes(&p, text);
        assert!(
            rows.iter()
                .all(|q| q.kind != "indirect" || !q.text.starts_with(start)),
            "{rows:?}"
        );
    }
}
