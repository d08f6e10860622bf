//! Names, enclitics, pronouns, transcripts and reported speech.

use super::{check, pipeline, quotes};

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
            "last-speaker",
        ),
        (
            "Anna Berg praised Budi Santoso on Monday.\n\n“We will win this race,” she said.",
            "We will win",
            "direct",
            "Anna Berg",
            "last-speaker",
        ),
        // Many sentences of narration after the last reported speech.
        (
            "Gubernur Rina Wulandari mengatakan, harga beras akan naik bulan depan.\n\nPasar ramai sejak pagi.\n\nPedagang menaikkan harga.\n\nPembeli mengeluh.\n\nStok mulai menipis.\n\n”Kami akan menambah pasokan,” katanya.",
            "Kami akan",
            "direct",
            "Rina Wulandari",
            "last-speaker",
        ),
        // A belief reported before ("yakin") names the speaker too.
        (
            "Gubernur Rina Wulandari yakin, pandemi akan membuat warga lebih peduli kesehatan.\n\n”Bersepeda itu menyenangkan dan menyehatkan,” katanya.",
            "Bersepeda itu",
            "direct",
            "Rina Wulandari",
            "last-speaker",
        ),
        // A quote with its own cue in the sentence before: its speaker,
        // not a word inside it.
        (
            "“Kami sudah memeriksa Stasiun Tambun dan Cikarang,” ucap Alamsyah.\n\nPetugas berjaga setiap hari. ”Semua aman terkendali,” katanya.",
            "Semua aman",
            "direct",
            "Alamsyah",
            "last-speaker",
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
fn a_surname_is_not_the_relative_named_last_after_a_preposition() {
    check(&[
        // The lead's subject, not the wife named for whom he campaigned.
        (
            "Paul Lund calls the tax plan a \u{2018}crazy idea\u{2019} at a rally.\n\nDAYTON (AP) \u{2014} Former Governor Paul Lund criticized the tax plan as a \u{201c}crazy idea\u{201d} during a rally in Dayton, Ohio, for his wife Maria Lund.\n\nAt the rally, the former governor said the plan would raise prices.\n\n\u{201c}It does not make any sense,\u{201d} Lund said.",
            "It does not",
            "direct",
            "Paul Lund",
            "cue-after",
        ),
        // A headline's surname, before anyone is named: not the wife
        // named only aside ("Bill" is a word here: no run names him).
        (
            "Lund calls the tax plan a \u{2018}crazy idea\u{2019} at a rally.\n\nFormer Governor Bill Lund criticized the tax plan as a \u{201c}crazy idea\u{201d} during a rally in Dayton, Ohio, for his wife Maria Lund.\n\nAt the rally, the former governor said the bill would raise prices.\n\n\u{201c}It does not make any sense,\u{201d} Lund said.",
            "It does not",
            "direct",
            "Bill Lund",
            "cue-after",
        ),
        // A husband in apposition after a kinship noun.
        (
            "Carla Moss ran the firm for six years.\n\nIn 2001 she told her husband, Frank Moss, that the merger would be hard.\n\n\u{201c}The market will hate this,\u{201d} Moss said.",
            "The market",
            "direct",
            "Carla Moss",
            "cue-after",
        ),
        // Kata Rina, not her brother named after "dengan".
        (
            "Rina Wulandari membuka toko itu pada 2010 bersama dengan adiknya Budi Wulandari.\n\n\u{201c}Kami mulai dari nol,\u{201d} kata Wulandari.",
            "Kami mulai",
            "direct",
            "Rina Wulandari",
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

#[test]
fn a_headline_word_glued_to_a_name_is_not_part_of_it() {
    check(&[
        // The headline's verb after the surname ("Vows") and its adjective
        // before it ("Reckless") name nobody: the speaker is Ortiz.
        (
            "Ortiz Vows 'Big Change' if Voters Don't Rally for Lena Park.\n\nWith the vote near, Mayor Ortiz is making a more personal case.\n\n\"The river is on the ballot,\" Ortiz said on Sunday.",
            "The river",
            "direct",
            "Ortiz",
            "cue-after",
        ),
        (
            "Reckless Ortiz and Park;\n\nThe council met again on Monday night.\n\n\"We cannot wait another year,\" Ortiz said.",
            "We cannot",
            "direct",
            "Ortiz",
            "cue-after",
        ),
    ]);
}
