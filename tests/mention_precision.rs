//! Wrong rows the mention filter and resolution must not write (issue 15),
//! on a small list of our own, grouped by behaviour. Each case: a text and
//! the (surface, entity) mentions it must give, in order.

use kutip::document::Document;
use kutip::gazetteer::Gazetteer;
use kutip::{Pipeline, PipelineBuilder};
use std::sync::OnceLock;

const LIST: &str = "id\ttype\tname\taliases\tcountry\tpriority
C-JO\tCOUNTRY\tJordan\tYordania\tJO\t
C-HT\tCOUNTRY\tHaiti\t\tHT\t
C-ME\tCOUNTRY\tMontenegro\t\tME\t
C-ID\tCOUNTRY\tIndonesia\tRI\tID\t
C-RU\tCOUNTRY\tRussia\tRusia\tRU\t
C-CN\tCOUNTRY\tChina\tTiongkok\tCN\t
C-US\tCOUNTRY\tUnited States\tAS|US|Amerika Serikat\tUS\t
C-TR\tCOUNTRY\tTurkey\tTurki\tTR\t
C-GB\tCOUNTRY\tUnited Kingdom\tInggris\tGB\t
L-JKT\tLOCATION\tJakarta\t\tID\t
L-MDN\tLOCATION\tMedan\t\tID\t
L-PDG\tLOCATION\tPadang\t\tID\t
L-LIMA\tLOCATION\tLima\t\tPE\t
L-DOUG\tLOCATION\tDouglas\t\tIM\t
O-DUMA\tORGANIZATION\tState Duma\tDuma\tRU\t
O-CONG\tORGANIZATION\tUnited States Congress\tCongress|Kongres\tUS\t
O-KPK\tORGANIZATION\tKomisi Pemberantasan Korupsi\tKPK\tID\t
O-KOMPAS\tORGANIZATION\tKompas\tKOMPAS\tID\t
O-ANTARA\tORGANIZATION\tAntara\tANTARA\tID\t
O-RT\tORGANIZATION\tRT\t\tRU\t
P-OBAMA\tPERSON\tBarack Obama\tObama\tUS\t
P-PRABOWO\tPERSON\tPrabowo Subianto\tPrabowo\tID\t
P-PUTIN\tPERSON\tVladimir Putin\t\tRU\t
P-ELIZ\tPERSON\tElizabeth II\tII\tGB\t
P-ERDOGAN\tPERSON\tRecep Tayyip Erdoğan\tErdoğan\tTR\t
P-BIDEN\tPERSON\tJoe Biden\t\tUS\t
P-JK\tPERSON\tMuhammad Jusuf Kalla\t\tID\t
P-SBY\tPERSON\tSusilo Bambang Yudhoyono\tSusilo Yudhoyono\tID\t
L-SAOPAULO\tLOCATION\tSão Paulo\t\tBR\t
";

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| {
        PipelineBuilder::new()
            .default_gazetteers(false)
            .gazetteer(Gazetteer::parse(LIST, "test.tsv").unwrap())
            .build()
            .unwrap()
    })
}

/// (surface, entity) of every mention of `text`.
fn found(text: &str) -> Vec<(String, String)> {
    found_with_method(text)
        .into_iter()
        .map(|(s, e, _)| (s, e))
        .collect()
}

fn check(cases: &[(&str, &[(&str, &str)])]) {
    for (text, want) in cases {
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(s, e)| (s.to_string(), e.to_string()))
            .collect();
        assert_eq!(found(text), want, "{text:?}");
    }
}

#[test]
fn a_listed_name_inside_a_longer_capitalised_name_is_not_that_entity() {
    check(&[
        ("Pelatih Chuck Jordan memuji timnya.", &[]),
        ("Historian Douglas Brinkley said so.", &[]),
        ("Kapolri Jenderal Badrodin Haiti hadir.", &[]),
        ("Perdana menteri Luís Montenegro berbicara.", &[]),
        ("Menurut Duma Boko, pemilu berjalan baik.", &[]),
        ("Karyawan PT Semen Padang berunjuk rasa.", &[]),
        ("Ia kuliah di Universitas Indonesia tahun lalu.", &[]),
        // A run that is a listed name, and a place with a head or a part.
        (
            "Raja Jordan tiba, lalu ke Jordan.",
            &[("Jordan", "Jordan"), ("Jordan", "Jordan")],
        ),
        (
            "Jordan's King visited Haiti.",
            &[("Jordan", "Jordan"), ("Haiti", "Haiti")],
        ),
        (
            "Presiden Rusia Vladimir Putin tiba.",
            &[("Rusia", "Russia"), ("Vladimir Putin", "Vladimir Putin")],
        ),
        ("Menlu China Wang Yi datang.", &[("China", "China")]),
        (
            "Menteri Luar Negeri China, Wang Yi, datang.",
            &[("China", "China")],
        ),
        (
            "Kata Menteri Pertahanan Rusia kemarin.",
            &[("Rusia", "Russia")],
        ),
        ("Lulusan Universitas Islam Jakarta itu.", &[]),
        ("Banjir di Jakarta Selatan.", &[("Jakarta", "Jakarta")]),
        ("Ia tiba di Jakarta Senin pagi.", &[("Jakarta", "Jakarta")]),
        // A sentence start: an ordinary word is no part of a name.
        ("Kemarin Jakarta diguyur hujan.", &[("Jakarta", "Jakarta")]),
        // Headline case: every word is capitalised.
        (
            "Pasukan Rusia Masuk Jakarta Lagi",
            &[("Rusia", "Russia"), ("Jakarta", "Jakarta")],
        ),
        // An acronym of an organisation stays, inside a longer name too.
        (
            "Penyidik KPK Novel tiba.",
            &[("KPK", "Komisi Pemberantasan Korupsi")],
        ),
        ("Perayaan HUT RI meriah.", &[("RI", "Indonesia")]),
    ]);
}

#[test]
fn short_forms_that_are_part_of_another_persons_name() {
    check(&[
        (
            "Michelle Obama and Barack Obama met. Obama spoke.",
            &[("Barack Obama", "Barack Obama")],
        ),
        (
            "Barack Obama spoke. Later Obama left.",
            &[("Barack Obama", "Barack Obama"), ("Obama", "Barack Obama")],
        ),
        // His own given name before: still him.
        ("Barack Hussein Obama spoke.", &[("Obama", "Barack Obama")]),
        ("Mantan menteri Edy Prabowo ditahan.", &[]),
        ("Presiden Prabowo tiba.", &[("Prabowo", "Prabowo Subianto")]),
        ("Kongres Pemuda digelar 1928.", &[]),
        ("The Mobile World Congress opens.", &[]),
        (
            "The bill went to Congress on Monday.",
            &[("Congress", "United States Congress")],
        ),
    ]);
}

#[test]
fn initials_money_numbers_and_units() {
    check(&[
        ("Tersangka AS (32) ditangkap polisi.", &[]),
        ("Nilainya US$ 5 juta.", &[]),
        ("Warga RT 05/RW 02 berkumpul.", &[]),
        ("Sejak Perang Dunia II usai.", &[]),
        ("Kebijakan AS berubah.", &[("AS", "United States")]),
        ("RT melaporkan dari Moskow.", &[("RT", "RT")]),
    ]);
}

#[test]
fn names_that_are_ordinary_words_where_capitals_say_nothing() {
    check(&[
        ("Medan perang itu sepi.", &[]),
        ("Padang rumput luas.", &[]),
        ("Lima orang tewas.", &[]),
        (
            "Ia lahir di Medan dan Padang.",
            &[("Medan", "Medan"), ("Padang", "Padang")],
        ),
        ("HELP US NOW", &[]),
        ("THANKSGIVING TURKEY DINNER", &[]),
        ("Thanksgiving Turkey Recipes For You", &[]),
        ("Turkey and Russia met.", &[("Russia", "Russia")]),
        ("They flew to Turkey.", &[("Turkey", "Turkey")]),
        ("MEDAN, KOMPAS — Hujan turun.", &[("MEDAN", "Medan")]),
        ("Antara lain beras dan gula.", &[]),
    ]);
}

#[test]
fn a_dateline_names_the_place_not_the_outlet() {
    check(&[
        ("JAKARTA, KOMPAS — Hujan turun.", &[("JAKARTA", "Jakarta")]),
        (
            "JAKARTA, KOMPAS.com - Hujan turun.",
            &[("JAKARTA", "Jakarta")],
        ),
        ("Jakarta (ANTARA) - Hujan turun.", &[("Jakarta", "Jakarta")]),
        (
            "Hujan turun, kata Kompas di Jakarta.",
            &[("Kompas", "Kompas"), ("Jakarta", "Jakarta")],
        ),
    ]);
}

#[test]
fn an_acronym_names_its_long_form_never_a_place_inside_it() {
    check(&[
        ("Majelis Ulama Indonesia (MUI) berfatwa. MUI menolak.", &[]),
        ("Universitas Indonesia (UI) dan UI lagi.", &[]),
        (
            "Komisi Pemberantasan Korupsi (KPK) memeriksa. KPK menahan.",
            &[
                (
                    "Komisi Pemberantasan Korupsi",
                    "Komisi Pemberantasan Korupsi",
                ),
                ("KPK", "Komisi Pemberantasan Korupsi"),
                ("KPK", "Komisi Pemberantasan Korupsi"),
            ],
        ),
    ]);
}

/// The mention rows of a one-document text (no title line).
fn mention_rows(p: &Pipeline, text: &str) -> Vec<kutip::tables::MentionRow> {
    let doc = Document {
        id: "d".into(),
        source: "d".into(),
        text: text.into(),
        title: Some(String::new()),
        ..Document::default()
    };
    p.process(&doc).mentions
}

/// (surface, entity, method) of every mention of `text`.
fn found_with_method(text: &str) -> Vec<(String, String, String)> {
    mention_rows(pipeline(), text)
        .into_iter()
        .map(|m| (m.surface, m.entity, m.method.as_str().to_string()))
        .collect()
}

#[test]
fn demonyms_mention_the_country_with_their_own_method() {
    let cases: &[(&str, &[(&str, &str)])] = &[
        ("Chinese troops crossed.", &[("Chinese", "China")]),
        // Plurals name people (Russians said), not the country.
        (
            "Russian diplomats and Russians left.",
            &[("Russian", "Russia")],
        ),
        ("CHINESE TROOPS CROSS", &[("CHINESE", "China")]),
        (
            "A Jordanian envoy and Turkish officials.",
            &[("Jordanian", "Jordan"), ("Turkish", "Turkey")],
        ),
        ("Chinese President Xi spoke.", &[("Chinese", "China")]),
        // Lowercase is never a demonym; a longer name is not the country.
        ("chinese food", &[]),
        ("He flew Turkish Airlines.", &[]),
        ("The Indian Ocean is wide.", &[]),
        ("North American trade and Latin American debt.", &[]),
        (
            "African-American voters and a Chinese-Indonesian firm.",
            &[],
        ),
        // A country without a list entry: no mention.
        ("Peruvian miners", &[]),
    ];
    for (text, want) in cases {
        let want: Vec<(String, String, String)> = want
            .iter()
            .map(|(s, e)| (s.to_string(), e.to_string(), "demonym".to_string()))
            .collect();
        assert_eq!(found_with_method(text), want, "{text:?}");
    }
}

const PEOPLE_WITH_OFFICES: &str = "id\ttype\tname\taliases\tcountry\toffices
C-CN\tCOUNTRY\tChina\tTiongkok\tCN\t
C-RU\tCOUNTRY\tRussia\tRusia\tRU\t
C-IN\tCOUNTRY\tIndia\t\tIN\t
P-XI\tPERSON\tXi Jinping\t\tCN\thead-of-state|party-chair
P-LI\tPERSON\tLi Qiang\t\tCN\thead-of-government
P-RETNO\tPERSON\tRetno Marsudi\t\tID\tforeign-minister
P-MODI\tPERSON\tNarendra Modi\t\tIN\thead-of-government
P-LAVROV\tPERSON\tSergey Lavrov\tSergei Lavrov\tRU\tforeign-minister
P-LAVROVA\tPERSON\tAnna Lavrov\t\tUA\tforeign-minister
P-TRUMP\tPERSON\tDonald Trump\t\tUS\thead-of-state|head-of-government
P-GIBRAN\tPERSON\tGibran Rakabuming Raka\t\tID\tvice-president
P-GUTERRES\tPERSON\tAntónio Guterres\t\tPT\torg-head
";

fn titled(text: &str) -> Vec<(String, String, String)> {
    static P: OnceLock<Pipeline> = OnceLock::new();
    let p = P.get_or_init(|| {
        PipelineBuilder::new()
            .default_gazetteers(false)
            .gazetteer(Gazetteer::parse(PEOPLE_WITH_OFFICES, "people.tsv").unwrap())
            .build()
            .unwrap()
    });
    mention_rows(p, text)
        .into_iter()
        .filter(|m| m.kind == kutip::gazetteer::EntityType::Person)
        .map(|m| (m.surface, m.entity, m.method.as_str().to_string()))
        .collect()
}

#[test]
fn a_title_with_a_short_name_names_the_one_listed_office_holder() {
    let t = |s: &str, e: &str| (s.to_string(), e.to_string(), "title".to_string());
    type Row = (String, String, String);
    let cases: Vec<(&str, Vec<Row>)> = vec![
        ("Presiden Xi tiba di Jakarta.", vec![t("Xi", "Xi Jinping")]),
        (
            "Menlu Retno bertemu PM Modi.",
            vec![t("Retno", "Retno Marsudi"), t("Modi", "Narendra Modi")],
        ),
        ("President Trump spoke.", vec![t("Trump", "Donald Trump")]),
        (
            "Wakil Presiden Gibran hadir.",
            vec![t("Gibran", "Gibran Rakabuming Raka")],
        ),
        // Two foreign ministers named Lavrov: the country decides, or nobody.
        (
            "Menlu Rusia Lavrov tiba.",
            vec![t("Lavrov", "Sergey Lavrov")],
        ),
        ("Menlu Lavrov tiba.", vec![]),
        // No such office holder, or no title.
        ("Gubernur Modi tiba.", vec![]),
        ("Xi tiba.", vec![]),
        ("Menlu Li tiba.", vec![]),
        // The full name is a gazetteer mention as before.
        (
            "Presiden Xi Jinping tiba.",
            vec![("Xi Jinping".into(), "Xi Jinping".into(), "gazetteer".into())],
        ),
    ];
    for (text, want) in cases {
        assert_eq!(titled(text), want, "{text:?}");
    }
}

#[test]
fn text_forms_match_and_offsets_stay_in_the_original_text() {
    let cases: &[(&str, &[(&str, &str)])] = &[
        // Decomposed accents (g + combining breve, a + combining tilde).
        (
            "Erdog\u{306}an tiba.",
            &[("Erdog\u{306}an", "Recep Tayyip Erdoğan")],
        ),
        (
            "Ia ke Sa\u{303}o Paulo.",
            &[("Sa\u{303}o Paulo", "São Paulo")],
        ),
        // Zero-width and soft hyphen characters inside a name.
        (
            "Erdo\u{200b}ğan tiba.",
            &[("Erdo\u{200b}ğan", "Recep Tayyip Erdoğan")],
        ),
        (
            "Erdo\u{ad}ğan tiba.",
            &[("Erdo\u{ad}ğan", "Recep Tayyip Erdoğan")],
        ),
        ("Jakar\u{200d}ta hujan.", &[("Jakar\u{200d}ta", "Jakarta")]),
        // Middle initials.
        ("Joe R. Biden spoke.", &[("Joe R. Biden", "Joe Biden")]),
        (
            "Susilo B. Yudhoyono hadir.",
            &[("Susilo B. Yudhoyono", "Susilo Bambang Yudhoyono")],
        ),
        // An initial for a middle name.
        (
            "Muhammad J. Kalla tiba.",
            &[("Muhammad J. Kalla", "Muhammad Jusuf Kalla")],
        ),
        // An initial is not skipped outside a person's name, nor without its period.
        ("Joe R Biden spoke.", &[]),
    ];
    for (text, want) in cases {
        let rows = mention_rows(pipeline(), text);
        let got: Vec<(String, String)> = rows
            .iter()
            .map(|m| (m.surface.clone(), m.entity.clone()))
            .collect();
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(s, e)| (s.to_string(), e.to_string()))
            .collect();
        assert_eq!(got, want, "{text:?}");
        let chars: Vec<char> = text.chars().collect();
        for m in &rows {
            let surface: String = chars[m.start..m.end].iter().collect();
            assert_eq!(
                surface, m.surface,
                "offsets count chars of the original {text:?}"
            );
        }
    }
}
