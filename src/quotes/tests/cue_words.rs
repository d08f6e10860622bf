//! Reporting words that read as speech only in one position: base verbs
//! right after a quote (`“…,” tutup X`) and passives before their source
//! (`Diakui X, …`).

use super::{check, pipeline, quotes};

#[test]
fn base_verbs_after_a_quote_and_passives_before_the_source() {
    check(&[
        (
            "“Pasarnya sudah kami tata ulang,” tutup Rina Wulandari.",
            "Pasarnya",
            "direct",
            "Rina Wulandari",
            "cue-after",
        ),
        (
            "“Sudah siap semua?” tanya Rina Wulandari kepada petugas.",
            "Sudah siap",
            "direct",
            "Rina Wulandari",
            "cue-after",
        ),
        (
            "Diakui Rina Wulandari, stok beras di gudang mulai menipis.",
            "stok beras",
            "indirect",
            "Rina Wulandari",
            "according",
        ),
        (
            "Perbaikan jalan di pusat kota akan selesai bulan depan, dikatakan Rina Wulandari.",
            "Perbaikan jalan",
            "indirect",
            "Rina Wulandari",
            "according",
        ),
    ]);
}

#[test]
fn the_same_words_elsewhere_are_no_cue() {
    let p = pipeline();
    for text in [
        "Toko Maju Jaya tutup pukul sembilan malam, kata warga sekitar.",
        "Itu tanggung jawab Dinas Sosial, bukan kami.",
        "Kemerdekaan negeri itu diakui Belanda pada tahun 1949.",
    ] {
        let cues: Vec<String> = quotes(&p, text).into_iter().map(|q| q.cue).collect();
        assert!(
            cues.iter()
                .all(|c| !matches!(c.as_str(), "tutup" | "jawab" | "diakui")),
            "{text:?}: {cues:?}"
        );
    }
}
