//! The tagger's lexicon: cue words by class (titles, honorifics, reporting
//! verbs, organisation and place heads, place prepositions, connectors,
//! events) and the words that are never a name alone. Data, mostly.

use crate::tokens::fold_hash;
use crate::word_table::WordTable;

/// Word classes (bits) for cue words, by lowercased word.
pub mod class {
    pub const TITLE: u8 = 1;
    pub const HONORIFIC: u8 = 2;
    pub const SPEECH: u8 = 4;
    pub const ORG_HEAD: u8 = 8;
    pub const PLACE_HEAD: u8 = 16;
    pub const PLACE_PREP: u8 = 32;
    pub const CONNECTOR: u8 = 64;
    pub const EVENT: u8 = 128;
}

#[rustfmt::skip]
const TITLES: &[&str] = &[
    "presiden", "wakil", "wapres", "menteri", "menko", "gubernur", "bupati", "walikota", "wali",
    "ketua", "direktur", "dirut", "kepala", "kapolri", "kapolda", "kapolres", "kapolsek",
    "panglima", "sekretaris", "sekjen", "jubir", "juru", "kabid", "kasat", "komisaris", "anggota",
    "pengamat", "ekonom", "pakar", "president", "minister", "secretary", "governor", "senator",
    "sen", "rep", "mayor", "chairman", "chairwoman", "director", "chief", "spokesman",
    "spokeswoman", "spokesperson", "general", "gen", "commander", "king", "queen", "prince",
    "princess", "pope", "judge", "ceo", "coach", "leader", "speaker", "chancellor", "premier",
    "officer", "ambassador", "duta", "dubes", "raja", "ratu", "camat", "lurah", "kades",
    "jenderal", "kolonel", "mayjen", "brigjen", "letjen", "irjen", "kombes", "akbp", "kapten",
    "colonel", "captain", "lieutenant", "sergeant", "professor", "candidate", "capres", "cawapres",
    "rektor", "dekan", "mensos", "menpora", "menkes", "menkeu", "mendagri", "menlu", "dirjen",
    "kadis", "analis", "manajer", "manager", "pelatih", "striker", "kiper", "gelandang", "pemain",
    "penyerang", "bintang", "pebalap", "petinju", "atlet", "sutradara", "aktor", "aktris",
    "penyanyi", "artis", "hakim", "jaksa", "terdakwa", "tersangka", "saksi", "korban", "pelaku",
];
#[rustfmt::skip]
const HONORIFICS: &[&str] = &[
    "pak", "bu", "bapak", "ibu", "mr", "mrs", "ms", "miss", "dr", "prof", "haji", "hj", "ir",
    "drs", "kh", "sir", "lord", "lady", "saudara", "sdr", "mbak", "mas", "bung", "ustaz", "ustad",
    "habib", "gus", "dame", "rev",
];
#[rustfmt::skip]
const SPEECH: &[&str] = &[
    "kata", "ujar", "ucap", "ungkap", "jelas", "tutur", "terang", "imbuh", "tambah", "menurut",
    "mengatakan", "menjelaskan", "menuturkan", "mengungkapkan", "menyatakan", "said", "says",
    "told", "according", "added", "stated", "asked", "explained", "noted", "wrote", "tweeted",
];
#[rustfmt::skip]
const ORG_HEADS: &[&str] = &[
    "pt", "cv", "tbk", "persero", "universitas", "university", "bank", "kementerian", "kemenkes",
    "ministry", "departemen", "department", "partai", "party", "dinas", "badan", "komisi",
    "commission", "council", "dewan", "polda", "polres", "polsek", "lembaga", "institute",
    "institut", "yayasan", "foundation", "company", "corp", "corporation", "inc", "ltd", "group",
    "grup", "association", "asosiasi", "persatuan", "fc", "club", "klub", "agency", "committee",
    "pengadilan", "court", "sekolah", "school", "college", "airlines", "air", "federation",
    "federasi", "organisasi", "organization", "organisation", "union", "serikat", "koperasi",
    "perusahaan", "rs", "rsud", "museum", "kantor", "office", "forum", "front", "gerakan",
    "movement", "fraksi", "tentara", "army", "navy", "police", "polisi", "ratings", "racing",
    "sports", "sport", "electronics", "edition", "media", "telecom", "tourism", "airways",
    "motors", "holdings", "capital", "tv", "radio", "daily", "times", "post", "news", "magazine",
    "majalah", "harian", "koran", "ditjen", "direktorat",
];
/// Words of competitions, events and awards, which are no names here.
#[rustfmt::skip]
const EVENTS: &[&str] = &[
    "liga", "league", "cup", "piala", "series", "serie", "championship", "championships",
    "kejuaraan", "festival", "award", "awards", "olimpiade", "olympics", "olympic", "bundesliga",
    "turnamen", "tournament", "prix", "pekan", "expo", "pameran", "konferensi", "conference",
    "summit", "kongres", "congress", "muktamar", "pilkada", "pemilu", "election", "war", "perang",
];
#[rustfmt::skip]
const PLACE_HEADS: &[&str] = &[
    "kota", "kabupaten", "kab", "provinsi", "desa", "kecamatan", "kelurahan", "jalan", "jl",
    "pulau", "gunung", "sungai", "teluk", "selat", "danau", "city", "province", "county", "state",
    "river", "mount", "island", "street", "district", "region", "kampung", "dusun", "utara",
    "selatan", "barat", "timur", "tengah", "north", "south", "east", "west", "lake", "valley",
    "bay", "negara", "kerajaan",
];
#[rustfmt::skip]
const PLACE_PREPS: &[&str] = &[
    "di", "ke", "dari", "in", "at", "from", "to", "near", "wilayah", "daerah", "kawasan", "asal",
    "across", "outside", "inside",
];
/// Lowercase words a name may hold between capitalised ones
/// (`Bank of America`, `Kementerian Energi dan Sumber Daya Mineral`).
#[rustfmt::skip]
const CONNECTORS: &[&str] = &[
    "of", "and", "for", "the", "de", "van", "von", "der", "den", "da", "du", "al", "el", "bin",
    "binti", "dan", "untuk", "la", "le", "del", "dos", "des",
];

/// Function words, months and weekdays: capitalised alone (at a sentence
/// start, in a date), they are never a name, so a run of one of them is
/// not tagged at all (most runs of news text are such words).
#[rustfmt::skip]
const NEVER_ALONE: &[&str] = &[
    "the", "a", "an", "in", "on", "at", "but", "and", "he", "she", "it", "they", "we", "i", "this",
    "that", "these", "those", "his", "her", "its", "their", "our", "my", "you", "if", "when",
    "while", "after", "before", "as", "for", "with", "by", "from", "to", "of", "there", "here",
    "so", "yet", "or", "not", "no", "what", "who", "why", "how", "where", "which", "some", "many",
    "most", "all", "one", "two", "three", "last", "more", "also", "however", "meanwhile", "then",
    "now", "still", "even", "other", "both", "each", "every", "since", "although", "though",
    "because", "once", "just", "only", "such", "is", "was", "are", "were", "has", "have", "had",
    "will", "would", "can", "could", "should", "may", "might", "do", "does", "did", "be", "been",
    "than", "over", "under", "about", "into", "during", "without", "dia", "ia", "mereka", "kami",
    "kita", "saya", "aku", "anda", "namun", "tetapi", "tapi", "selain", "sementara", "saat",
    "ketika", "sebelumnya", "kemudian", "hal", "ini", "itu", "para", "pada", "di", "dalam",
    "dengan", "untuk", "dari", "yang", "bahkan", "sedangkan", "adapun", "sejak", "setelah", "jika",
    "apabila", "meski", "meskipun", "karena", "sebab", "oleh", "akan", "juga", "sudah", "telah",
    "belum", "tidak", "bukan", "ada", "hingga", "sampai", "seperti", "bagi", "kepada", "ke",
    "atas", "terkait", "selama", "sebelum", "sesudah", "lalu", "maka", "agar", "supaya",
    "walaupun", "tak", "kini", "sekarang", "sebanyak", "salah", "beberapa", "semua", "seluruh",
    "banyak", "sebagian", "setiap", "sebuah", "seorang", "satu", "dua", "tiga", "adalah",
    "merupakan", "bahwa", "dan", "atau", "januari", "februari", "maret", "april", "mei", "juni",
    "juli", "agustus", "september", "oktober", "november", "desember", "january", "february",
    "march", "june", "july", "august", "october", "december", "senin", "selasa", "rabu", "kamis",
    "jumat", "sabtu", "minggu", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday",
];

/// The classes of cue words, by [`fold_hash`] of the word (it is asked of
/// every word the tagger looks at, and a probe here is a few instructions).
#[derive(Debug, Clone)]
pub struct Lexicon {
    /// Word hash -> (class bits, never alone).
    table: WordTable<(u8, bool)>,
}

impl Default for Lexicon {
    fn default() -> Self {
        Lexicon::new()
    }
}

impl Lexicon {
    pub fn new() -> Lexicon {
        let mut lex = Lexicon {
            // Over ten slots a word: a word it lacks (most words) is
            // told by the first empty slot, a probe or two away.
            table: WordTable::with_capacity(4096),
        };
        for (words, bit) in [
            (TITLES, class::TITLE),
            (HONORIFICS, class::HONORIFIC),
            (SPEECH, class::SPEECH),
            (ORG_HEADS, class::ORG_HEAD),
            (PLACE_HEADS, class::PLACE_HEAD),
            (PLACE_PREPS, class::PLACE_PREP),
            (CONNECTORS, class::CONNECTOR),
            (EVENTS, class::EVENT),
        ] {
            for w in words {
                lex.table.entry(fold_hash(w), (0, false)).0 |= bit;
            }
        }
        for w in NEVER_ALONE {
            lex.table.entry(fold_hash(w), (0, false)).1 = true;
        }
        lex
    }

    #[inline]
    fn slot(&self, hash: u64) -> (u8, bool) {
        self.table.get(hash).unwrap_or_default()
    }

    /// Is the word one that is never a name alone ([`NEVER_ALONE`])?
    pub fn never_alone(&self, word_hash: u64) -> bool {
        self.slot(word_hash).1
    }

    /// The class bits of a word (0 for most words).
    pub fn classes(&self, word_hash: u64) -> u8 {
        self.slot(word_hash).0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_finds_its_words_and_only_them() {
        let lex = Lexicon::new();
        assert_eq!(lex.classes(fold_hash("Presiden")), class::TITLE);
        assert_eq!(lex.classes(fold_hash("di")), class::PLACE_PREP);
        assert!(lex.never_alone(fold_hash("di")) && lex.never_alone(fold_hash("Senin")));
        assert!(!lex.never_alone(fold_hash("Budi")));
        assert_eq!(lex.classes(fold_hash("Budi")), 0);
        assert_eq!(lex.classes(0), 0);
        for words in [
            TITLES,
            HONORIFICS,
            SPEECH,
            ORG_HEADS,
            PLACE_HEADS,
            NEVER_ALONE,
        ] {
            for w in words {
                assert_ne!(fold_hash(w), 0, "{w}");
                let (c, n) = lex.slot(fold_hash(w));
                assert!(c != 0 || n, "{w}");
            }
        }
    }
}
