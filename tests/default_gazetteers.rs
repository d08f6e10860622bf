//! The shipped gazetteers find the names Indonesian and English news uses,
//! linked to the right ids. Sentences written for these tests.

use kutip::document::Document;
use kutip::{Pipeline, PipelineBuilder};
use std::sync::OnceLock;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| {
        PipelineBuilder::new()
            .build()
            .expect("default gazetteers load")
    })
}

/// (surface, entity_id) of every mention of a one-line text.
fn found(text: &str) -> Vec<(String, String)> {
    let doc = Document {
        id: "t".into(),
        source: "t".into(),
        // A title so the sentence is a body paragraph.
        title: Some("t".into()),
        text: text.into(),
        warning: None,
    };
    pipeline()
        .process(&doc)
        .mentions
        .into_iter()
        .map(|m| (m.surface, m.entity_id))
        .collect()
}

fn check(cases: &[(&str, &[(&str, &str)])]) {
    for (text, want) in cases {
        let got = found(text);
        for (surface, id) in *want {
            assert!(
                got.contains(&(surface.to_string(), id.to_string())),
                "{text:?}: want {surface} -> {id}, got {got:?}"
            );
        }
    }
}

#[test]
fn countries_in_indonesian() {
    check(&[
        (
            "Tiongkok dan Rusia menandatangani perjanjian.",
            &[("Tiongkok", "Q148"), ("Rusia", "Q159")],
        ),
        (
            "Pejabat Cina dan RRT hadir; Republik Rakyat Tiongkok mengirim wakil.",
            &[
                ("Cina", "Q148"),
                ("RRT", "Q148"),
                ("Republik Rakyat Tiongkok", "Q148"),
            ],
        ),
        (
            "Federasi Rusia menolak usulan Amerika Serikat.",
            &[("Federasi Rusia", "Q159"), ("Amerika Serikat", "Q30")],
        ),
        (
            "Presiden AS bertemu Perdana Menteri Inggris.",
            &[("AS", "Q30"), ("Inggris", "Q145")],
        ),
        (
            "Britania Raya, Korea Selatan dan Arab Saudi ikut.",
            &[
                ("Britania Raya", "Q145"),
                ("Korea Selatan", "Q884"),
                ("Arab Saudi", "Q851"),
            ],
        ),
        (
            "Belanda, Jerman, Prancis dan Perancis.",
            &[
                ("Belanda", "Q55"),
                ("Jerman", "Q183"),
                ("Prancis", "Q142"),
                ("Perancis", "Q142"),
            ],
        ),
        (
            "Delegasi UEA dan Pantai Gading tiba.",
            &[("UEA", "Q878"), ("Pantai Gading", "Q1008")],
        ),
    ]);
}

#[test]
fn countries_in_english() {
    check(&[
        (
            "China and Russia signed; the US and the UK objected.",
            &[
                ("China", "Q148"),
                ("Russia", "Q159"),
                ("the US", "Q30"),
                ("the UK", "Q145"),
            ],
        ),
        (
            "The UAE, Burma and Ivory Coast voted.",
            &[("UAE", "Q878"), ("Burma", "Q836"), ("Ivory Coast", "Q1008")],
        ),
        (
            "South Korea and Saudi Arabia; the Netherlands and Germany.",
            &[
                ("South Korea", "Q884"),
                ("Saudi Arabia", "Q851"),
                ("Netherlands", "Q55"),
                ("Germany", "Q183"),
            ],
        ),
    ]);
}

#[test]
fn lowercase_words_are_not_countries() {
    for text in [
        "Let us go as planned, said the turkey farmer.",
        "He wants fine china for the chad.",
    ] {
        assert_eq!(found(text), Vec::<(String, String)>::new(), "{text:?}");
    }
}

#[test]
fn locations_and_regions() {
    check(&[
        (
            "Delegasi terbang dari Moskow ke Beijing, lalu ke Moskwa.",
            &[("Moskow", "Q649"), ("Beijing", "Q956"), ("Moskwa", "Q649")],
        ),
        (
            "Officials in Moscow, Peking and Washington spoke.",
            &[
                ("Moscow", "Q649"),
                ("Peking", "Q956"),
                ("Washington", "Q61"),
            ],
        ),
        (
            "Gedung Putih dan the White House menanggapi.",
            &[("Gedung Putih", "Q35525"), ("the White House", "Q35525")],
        ),
        (
            "Situasi di Asia Tengah, Timur Tengah dan Asia Tenggara, juga Eropa Timur.",
            &[
                ("Asia Tengah", "Q27275"),
                ("Timur Tengah", "Q7204"),
                ("Asia Tenggara", "Q11708"),
                ("Eropa Timur", "kutip:eastern-europe"),
            ],
        ),
        (
            "Tension in Central Asia and the Middle East.",
            &[("Central Asia", "Q27275"), ("Middle East", "Q7204")],
        ),
    ]);
}

#[test]
fn organizations_in_both_languages() {
    check(&[
        (
            "PBB dan Uni Eropa mengecam; NATO atau Pakta Pertahanan Atlantik Utara diam.",
            &[
                ("PBB", "Q1065"),
                ("Uni Eropa", "Q458"),
                ("NATO", "Q7184"),
                ("Pakta Pertahanan Atlantik Utara", "Q7184"),
            ],
        ),
        (
            "CSTO atau Organisasi Perjanjian Keamanan Kolektif mengirim pasukan.",
            &[
                ("CSTO", "Q318693"),
                ("Organisasi Perjanjian Keamanan Kolektif", "Q318693"),
            ],
        ),
        (
            "ASEAN, OKI, Organisasi Kesehatan Dunia, Dana Moneter Internasional dan Bank Dunia.",
            &[
                ("ASEAN", "Q7768"),
                ("OKI", "Q47543"),
                ("Organisasi Kesehatan Dunia", "Q7817"),
                ("Dana Moneter Internasional", "Q7804"),
                ("Bank Dunia", "Q7164"),
            ],
        ),
        (
            "The WHO, the IMF, the World Bank and the SCO met.",
            &[
                ("WHO", "Q7817"),
                ("IMF", "Q7804"),
                ("World Bank", "Q7164"),
                ("SCO", "Q485207"),
            ],
        ),
        (
            "Kementerian Luar Negeri RI dan the State Department.",
            &[
                ("Kementerian Luar Negeri RI", "kutip:kemlu-ri"),
                ("the State Department", "Q789915"),
            ],
        ),
        (
            "Kantor berita Antara dan Reuters melaporkan; DPR membahas.",
            &[("Reuters", "Q130879"), ("DPR", "kutip:dpr")],
        ),
    ]);
}

#[test]
fn people_and_spelling_variants() {
    check(&[
        (
            "Sergey Lavrov bertemu Sergei Lavrov? Tidak, hanya satu orang.",
            &[("Sergey Lavrov", "Q58217"), ("Sergei Lavrov", "Q58217")],
        ),
        (
            "Kassym-Jomart Tokayev, also Qasym-Jomart Toqayev.",
            &[
                ("Kassym-Jomart Tokayev", "Q200881"),
                ("Qasym-Jomart Toqayev", "Q200881"),
            ],
        ),
        (
            "Presiden Joko Widodo atau Jokowi menyambut Xi Jinping.",
            &[
                ("Joko Widodo", "Q3318231"),
                ("Jokowi", "Q3318231"),
                ("Xi Jinping", "Q15031"),
            ],
        ),
        (
            "Prabowo Subianto dilantik.",
            &[("Prabowo Subianto", "kutip:prabowo-subianto")],
        ),
    ]);
}

#[test]
fn indonesian_provinces_and_cities() {
    check(&[
        (
            "Banjir melanda Jawa Tengah dan DI Yogyakarta, juga Sulawesi Selatan.",
            &[
                ("Jawa Tengah", "kutip:prov-jawa-tengah"),
                ("DI Yogyakarta", "kutip:prov-yogyakarta"),
                ("Sulawesi Selatan", "kutip:prov-sulawesi-selatan"),
            ],
        ),
        (
            "Floods hit Central Java and East Java.",
            &[
                ("Central Java", "kutip:prov-jawa-tengah"),
                ("East Java", "kutip:prov-jawa-timur"),
            ],
        ),
        (
            "Dari Surabaya ke Yogyakarta lalu Tangerang Selatan.",
            &[
                ("Surabaya", "kutip:wil-35-78"),
                ("Yogyakarta", "kutip:wil-34-71"),
                ("Tangerang Selatan", "kutip:wil-36-74"),
            ],
        ),
        (
            // Regencies and cities by the 2025 decree: a plain name shared
            // by a regency and a city is the city.
            "Banjir di Kabupaten Bogor dan Kota Bogor; Bogor lumpuh, Kab. Bekasi juga.",
            &[
                ("Kabupaten Bogor", "kutip:wil-32-01"),
                ("Kota Bogor", "kutip:wil-32-71"),
                ("Bogor", "kutip:wil-32-71"),
                ("Kab. Bekasi", "kutip:wil-32-16"),
            ],
        ),
        (
            "Gempa terasa di Kabupaten Agam, Kota Batu dan Medan.",
            &[
                ("Kabupaten Agam", "kutip:wil-13-06"),
                ("Kota Batu", "kutip:wil-35-79"),
                ("Medan", "kutip:wil-12-71"),
            ],
        ),
    ]);
    // Plain names that are ordinary words or given names: `Batu` (stone)
    // and `Agam` have no plain alias; `Medan` (field) matches only as
    // written, not in an all-caps line.
    for text in [
        "Warga mengangkut Batu dari sungai.",
        "Agam tiba pukul tujuh.",
        "MEDAN PERANG DI SANA",
    ] {
        assert_eq!(found(text), Vec::<(String, String)>::new(), "{text}");
    }
    // A city that is also a given name is left out: Bima Arya is a person.
    assert!(found("Wali Kota Bima Arya hadir.")
        .iter()
        .all(|(s, _)| !s.starts_with("Bima")));
}

#[test]
fn indonesian_parties_bodies_and_companies() {
    check(&[
        (
            "PDI-P, Gerindra dan Partai Golkar bertemu PKB, NasDem, PKS dan PAN.",
            &[
                ("PDI-P", "kutip:pdip"),
                ("Gerindra", "kutip:gerindra"),
                ("Partai Golkar", "kutip:golkar"),
                ("PKB", "kutip:pkb"),
                ("NasDem", "kutip:nasdem"),
                ("PKS", "kutip:pks"),
                ("PAN", "kutip:pan"),
            ],
        ),
        (
            "Kemenkeu, Kemendagri, KPU, Bawaslu dan Mahkamah Konstitusi menggelar rapat dengan BNPB dan Basarnas.",
            &[
                ("Kemenkeu", "kutip:kemenkeu"),
                ("Kemendagri", "kutip:kemendagri"),
                ("KPU", "kutip:kpu"),
                ("Bawaslu", "kutip:bawaslu"),
                ("Mahkamah Konstitusi", "kutip:mk"),
                ("BNPB", "kutip:bnpb"),
                ("Basarnas", "kutip:basarnas"),
            ],
        ),
        (
            "Pertamina, PLN dan Garuda Indonesia melapor ke Kementerian BUMN; NU dan Muhammadiyah mendukung.",
            &[
                ("Pertamina", "kutip:pertamina"),
                ("PLN", "kutip:pln"),
                ("Garuda Indonesia", "kutip:garuda-indonesia"),
                ("Kementerian BUMN", "kutip:kementerian-bumn"),
                ("NU", "kutip:nu"),
                ("Muhammadiyah", "kutip:muhammadiyah"),
            ],
        ),
        (
            // A football club holding a city's name is the club, not the city.
            "Real Madrid menang atas Manchester City.",
            &[
                ("Real Madrid", "kutip:real-madrid"),
                ("Manchester City", "kutip:manchester-city"),
            ],
        ),
    ]);
    // Ordinary words are never plain aliases of companies or parties.
    for text in [
        "Mandiri secara ekonomi.",
        "Gelora semangat pemuda.",
        "Garuda di dadaku.",
    ] {
        assert_eq!(found(text), Vec::<(String, String)>::new(), "{text}");
    }
}

#[test]
fn people_carry_the_offices_they_held() {
    use kutip::gazetteer::{Gazetteer, Office};
    let g = Gazetteer::defaults().unwrap();
    let offices = |name: &str| {
        g.entities()
            .iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| panic!("{name} listed"))
            .offices
            .clone()
    };
    assert_eq!(offices("Retno Marsudi"), [Office::ForeignMinister]);
    assert!(offices("Prabowo Subianto").contains(&Office::HeadOfState));
    assert!(offices("Prabowo Subianto").contains(&Office::PartyChair));
    assert!(offices("Khofifah Indar Parawansa").contains(&Office::Governor));
    assert!(offices("Narendra Modi").contains(&Office::HeadOfGovernment));
    assert!(offices("António Guterres").contains(&Office::OrgHead));
    // Taken from the Wikidata exports: foreign ministers of 2023.
    assert!(offices("Sergey Lavrov").contains(&Office::ForeignMinister));
    let with_offices = g
        .entities()
        .iter()
        .filter(|e| !e.offices.is_empty())
        .count();
    assert!(with_offices > 1000, "{with_offices}");
}
