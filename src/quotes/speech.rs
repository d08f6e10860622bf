//! Is a quoted span speech? A scare quote (`the “fact-checking” site`), a
//! term (`a so-called “liquidating trust”`), the title of a work, a show
//! or an event (`on MSNBC’s “Morning Joe”`, `webinar bertajuk “…”`) or a
//! nickname is quoted without anyone saying it, and gives no quote row.
//!
//! A linear classifier over cheap features of the span, its sentence and
//! its paragraph decides; its weights (`speech-weights.tsv`) were fitted
//! on PolNeAR train, which tells which quoted spans carry an attribution,
//! by `cargo run --release --example train_speech` (see its header for the
//! data, the seed and how the threshold was chosen). The same features
//! read both languages: their word lists hold English and Indonesian words.

use super::context::Context;
use super::cues::CueKind;
use super::model::{Method, QuoteKind};
use super::sieves::QuotedSpan;
use crate::error::{Error, Result};
use std::sync::{Arc, LazyLock};

/// The features, in the order of [`Features`] and of the weights file.
pub const FEATURES: &[&str] = &[
    "bias",
    "partial",
    "words-1",
    "words-2-3",
    "words-8+",
    "ends-punct",
    "ends-question",
    "starts-capital",
    "title-case",
    "clause-word",
    "first-person",
    "opens-sentence",
    "opens-paragraph",
    "ends-paragraph",
    "unclosed",
    "single-marks",
    "after-naming-word",
    "after-determiner",
    "after-possessive",
    "after-preposition",
    "after-cue",
    "after-colon-comma",
    "cue-in-sentence",
    "cue-near",
    "person-in-sentence",
    "next-lowercase",
    "no-lowercase",
    "method-none",
    "method-cue-after",
    "method-cue-before",
    "method-transcript",
    "method-continuation",
    "method-subject",
    "method-other",
    "inside-name",
    "after-capital",
    "partial-no-cue",
];

const N: usize = FEATURES.len();

/// The index of feature `name` in [`FEATURES`], found when compiling (a
/// name not there fails the build): `features` sets them by name.
const fn feature_index(name: &str) -> usize {
    match super::position_of(FEATURES, name) {
        Some(i) => i,
        None => panic!("no such feature"),
    }
}

macro_rules! feature {
    ($name:literal) => {
        const { feature_index($name) }
    };
}

/// How many words each side of a span are read for cues and names.
const NEAR: usize = 120;

/// One span's feature values.
pub type Features = [f32; N];

/// Words before a quoted span that name it rather than report it (`so-called
/// “…”`, `dijuluki “…”`); PolNeAR says that after `called` it is often
/// speech (`Trump called her “a nasty woman”`): the weights decide.
const NAMING: &[&str] = &[
    "called",
    "dubbed",
    "named",
    "nicknamed",
    "termed",
    "term",
    "word",
    "words",
    "phrase",
    "label",
    "labeled",
    "labelled",
    "disebut",
    "dijuluki",
    "julukan",
    "sebutan",
    "istilah",
    "peribahasa",
];

/// Words right before a quoted span (one of the two before it, with only
/// spaces between) that make it the title of a work, a show, an event or a
/// campaign, never speech: `a film titled “…”`, `webinar bertajuk “…”`,
/// `diskusi virtual bertema “…”`, `seminar daring “…”`.
const TITLE_WORDS: &[&str] = &[
    "titled",
    "entitled",
    "headlined",
    "book",
    "film",
    "movie",
    "documentary",
    "podcast",
    "slogan",
    "hashtag",
    "motto",
    "bertajuk",
    "berjudul",
    "bertema",
    "bertemakan",
    "bertagar",
    "bertopik",
    "topik",
    "tema",
    "judul",
    "slogan",
    "semboyan",
    "tagar",
    "webinar",
    "seminar",
    "diskusi",
    "lokakarya",
    "gerakan",
    "kampanye",
    "buku",
    "lagu",
];

/// Is the span opening at `open` (its sentence starting at `sentence_start`)
/// named as a title by one of the two words before it?
pub fn named_as_title(text: &str, sentence_start: usize, open: usize) -> bool {
    let before = &text[sentence_start..open];
    // Only spaces between the words and the mark: `the film: “…”` is not.
    if !before.ends_with(char::is_whitespace) {
        return false;
    }
    let mut words = before.split_whitespace().rev();
    let last_two = [words.next(), words.next()];
    let mut clean = true;
    for w in last_two.into_iter().flatten() {
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
        if !clean {
            break;
        }
        if TITLE_WORD_LIST.contains(bare) {
            return true;
        }
        // A comma or colon after the word ends the name before it.
        clean = bare.len() == w.len();
    }
    false
}

/// Determiners and possessives before a quoted noun phrase.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "his", "her", "their", "our", "this", "that", "these", "those",
    "para", "sang", "sebuah", "suatu",
];

const PREPOSITIONS: &[&str] = &[
    "on", "in", "of", "for", "to", "at", "from", "with", "as", "about", "into", "by", "di", "ke",
    "dari", "dalam", "pada", "untuk", "dengan", "sebagai", "tentang", "soal",
];

/// Words that make a clause: pronouns, auxiliaries, negations.
const CLAUSE: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "will", "would", "can", "could", "should", "must",
    "have", "has", "had", "do", "does", "did", "not", "don't", "it's", "that's", "he", "she",
    "they", "you", "it", "there", "this", "adalah", "akan", "sudah", "telah", "bisa", "harus",
    "tidak", "bukan", "belum", "sedang", "ada", "ini", "itu", "dia", "ia", "mereka", "anda",
    "kamu",
];

const FIRST_PERSON: &[&str] = &[
    "i", "i'm", "i’m", "we", "we're", "we’re", "me", "my", "us", "our", "saya", "kami", "kita",
    "aku", "gue",
];

/// A word list looked up in any ASCII case (as `eq_ignore_ascii_case`
/// with each entry, by one hash: every word of a span is looked up): its
/// entries ASCII-lowercased in a set, and a word ASCII-lowercased into a
/// buffer to look it up (two strings are equal ignoring ASCII case
/// exactly when their ASCII lowercasings are equal).
pub struct WordList {
    words: rustc_hash::FxHashSet<Vec<u8>>,
    /// The longest entry's bytes: a longer word is in no list.
    longest: usize,
}

/// Bytes a word may have to be looked up; longer entries are not allowed.
const LIST_WORD_MAX: usize = 32;

impl WordList {
    pub fn new(list: &[&str]) -> WordList {
        let words: rustc_hash::FxHashSet<Vec<u8>> = list
            .iter()
            .map(|w| w.as_bytes().to_ascii_lowercase())
            .collect();
        let longest = words.iter().map(Vec::len).max().unwrap_or(0);
        assert!(longest <= LIST_WORD_MAX, "a list word of {longest} bytes");
        WordList { words, longest }
    }

    pub fn contains(&self, w: &str) -> bool {
        let b = w.as_bytes();
        if b.len() > self.longest {
            return false;
        }
        let mut buf = [0u8; LIST_WORD_MAX];
        let buf = &mut buf[..b.len()];
        buf.copy_from_slice(b);
        buf.make_ascii_lowercase();
        self.words.contains(&buf[..])
    }
}

static NAMING_WORDS: LazyLock<WordList> = LazyLock::new(|| WordList::new(NAMING));
static TITLE_WORD_LIST: LazyLock<WordList> = LazyLock::new(|| WordList::new(TITLE_WORDS));
static DETERMINER_WORDS: LazyLock<WordList> = LazyLock::new(|| WordList::new(DETERMINERS));
static PREPOSITION_WORDS: LazyLock<WordList> = LazyLock::new(|| WordList::new(PREPOSITIONS));
static CLAUSE_WORDS: LazyLock<WordList> = LazyLock::new(|| WordList::new(CLAUSE));
static FIRST_PERSON_WORDS: LazyLock<WordList> = LazyLock::new(|| WordList::new(FIRST_PERSON));

/// The features of quoted span `q`, attributed by `method` (if any).
pub fn features(cx: &Context, q: &QuotedSpan, method: Option<Method>) -> Features {
    let mut f = [0.0; N];
    let mut set = |i: usize, on: bool| {
        if on {
            f[i] = 1.0;
        }
    };
    let text = cx.text();
    let pi = q.paragraph;
    let p = cx.input().paragraphs[pi];
    let span = q.span;
    let inner = text[span.inner_start..span.inner_end].trim();
    // One walk over the span's words, without a list of them.
    let (mut n, mut clause, mut first_person) = (0usize, false, false);
    for w in inner
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’'))
        .filter(|w| !w.is_empty())
    {
        n += 1;
        clause = clause || CLAUSE_WORDS.contains(w);
        first_person = first_person || FIRST_PERSON_WORDS.contains(w);
    }
    set(feature!("bias"), true);
    set(feature!("partial"), q.kind == QuoteKind::Partial);
    set(feature!("words-1"), n <= 1);
    set(feature!("words-2-3"), (2..=3).contains(&n));
    set(feature!("words-8+"), n >= 8);
    let last = inner.chars().last().unwrap_or(' ');
    set(feature!("ends-punct"), ".,!?…;:".contains(last));
    set(feature!("ends-question"), "!?".contains(last));
    set(
        feature!("starts-capital"),
        inner.chars().next().is_some_and(char::is_uppercase),
    );
    set(
        feature!("title-case"),
        super::words::reads_as_title(inner, cx.input().cues),
    );
    set(feature!("clause-word"), clause);
    set(feature!("first-person"), first_person);
    set(
        feature!("no-lowercase"),
        !inner.chars().any(|c| c.is_lowercase()),
    );
    let before = text[q.sentence_start..span.open].trim();
    set(feature!("opens-sentence"), before.is_empty());
    set(
        feature!("opens-paragraph"),
        text[p.start..span.open].trim().is_empty(),
    );
    let after = &text[span.close.min(p.end)..p.end];
    set(
        feature!("ends-paragraph"),
        after.chars().all(|c| !c.is_alphanumeric()),
    );
    set(feature!("unclosed"), !span.closed);
    set(feature!("single-marks"), span.single);
    let prev_word = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    let prev_clean = prev_word.trim_matches(|c: char| !c.is_alphanumeric());
    let prev_last = prev_clean.rsplit('-').next().unwrap_or("");
    set(
        feature!("after-naming-word"),
        NAMING_WORDS.contains(prev_last),
    );
    set(
        feature!("after-determiner"),
        DETERMINER_WORDS.contains(prev_clean),
    );
    set(
        feature!("after-possessive"),
        before.ends_with("'s") || before.ends_with("’s"),
    );
    set(
        feature!("after-preposition"),
        PREPOSITION_WORDS.contains(prev_clean),
    );
    set(
        feature!("after-cue"),
        cx.ends_with_cue(q.sentence_start, span.open),
    );
    set(
        feature!("after-colon-comma"),
        before.ends_with([':', ',', '—', '–', '-']),
    );
    let sent_end = cx
        .sentences(pi)
        .iter()
        .find(|s| s.0 == q.sentence_start)
        .map_or(p.end, |s| s.1);
    // Words near the span only (a bounded window each side): a long
    // paragraph full of marks stays linear.
    let toks = cx.toks(pi);
    let (a, b) = (cx.tok_at(pi, span.open), cx.tok_at(pi, span.close));
    let from = a.saturating_sub(NEAR);
    let window = (from..a).chain(b..(b + NEAR).min(toks.len()));
    let (mut cue_sent, mut cue_para, mut person) = (false, false, false);
    let mut marks = MarksCursor::new(&cx.doc().marked, toks.get(from).map_or(0, |t| t.start));
    for k in window {
        let t = toks[k];
        let in_sentence = q.sentence_start <= t.start && t.start < sent_end;
        // Only a word that starts a cue, or a word of the sentence while
        // no person is found, can change a feature.
        let cue_start = cx.starts_cue(pi, k);
        let looks_for_person = in_sentence && !person;
        if !cue_start && !looks_for_person {
            continue;
        }
        if marks.contains(t.start) {
            continue;
        }
        if cue_start
            && cx.cue_at(pi, k).is_some_and(|h| {
                matches!(
                    h.kind,
                    CueKind::Verb | CueKind::Enclitic | CueKind::According
                )
            })
        {
            cue_para = true;
            cue_sent |= in_sentence;
        }
        if looks_for_person {
            person = cx
                .mention_at(t)
                .is_some_and(|m| cx.entity_kind(m) == crate::gazetteer::EntityType::Person);
        }
    }
    set(feature!("cue-in-sentence"), cue_sent);
    set(feature!("cue-near"), cue_para);
    set(feature!("person-in-sentence"), person);
    let next = text[span.close.min(p.end)..p.end].trim_start();
    set(
        feature!("next-lowercase"),
        next.chars().next().is_some_and(char::is_lowercase),
    );
    let m = |x: Method| method == Some(x);
    set(feature!("method-none"), method.is_none());
    set(feature!("method-cue-after"), m(Method::CueAfter));
    set(feature!("method-cue-before"), m(Method::CueBefore));
    set(feature!("method-transcript"), m(Method::Transcript));
    set(feature!("method-continuation"), m(Method::Continuation));
    set(feature!("method-subject"), m(Method::SentenceSubject));
    set(
        feature!("method-other"),
        method.is_some_and(|x| {
            !matches!(
                x,
                Method::CueAfter
                    | Method::CueBefore
                    | Method::Transcript
                    | Method::Continuation
                    | Method::SentenceSubject
            )
        }),
    );
    // `Marcia “Cia” Price`: a nickname inside a name.
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let next_word = next.split_whitespace().next().unwrap_or("");
    set(
        feature!("inside-name"),
        !before.is_empty() && capital(prev_clean) && capital(next_word),
    );
    set(
        feature!("after-capital"),
        !before.is_empty() && capital(prev_clean),
    );
    set(
        feature!("partial-no-cue"),
        q.kind == QuoteKind::Partial && !cue_sent,
    );
    f
}

/// [`Context::in_marks`] for offsets asked in increasing order: one
/// cursor over the document's quoted spans (in text order, disjoint)
/// instead of a search per word.
struct MarksCursor<'d> {
    marked: &'d [(usize, usize)],
    /// The first span not ending at or before the last offset asked.
    next: usize,
}

impl<'d> MarksCursor<'d> {
    /// A cursor for offsets from `from` on.
    fn new(marked: &'d [(usize, usize)], from: usize) -> MarksCursor<'d> {
        MarksCursor {
            marked,
            next: marked.partition_point(|s| s.1 <= from),
        }
    }

    /// Is `byte` inside quotation marks? `byte` is at least the last asked.
    fn contains(&mut self, byte: usize) -> bool {
        while self.marked.get(self.next).is_some_and(|s| s.1 <= byte) {
            self.next += 1;
        }
        self.marked.get(self.next).is_some_and(|s| s.0 <= byte)
    }
}

/// Weights of the classifier, one per feature, and the score a span needs
/// to be speech.
#[derive(Debug, Clone, PartialEq)]
pub struct Weights {
    pub weights: [f32; N],
    pub threshold: f32,
}

impl Weights {
    /// Reads `feature<TAB>weight` lines and one `threshold<TAB>value`
    /// (`-inf` keeps every span); `#` starts a comment line. Every feature
    /// must be given once.
    pub fn parse(text: &str) -> Result<Weights> {
        let mut w = [f32::NAN; N];
        let mut threshold = f32::NAN;
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = |why: &str| Error::Cues {
                file: "speech weights".into(),
                line: i + 1,
                message: why.into(),
            };
            let (name, value) = line.split_once('\t').ok_or_else(|| bad("no tab"))?;
            let value: f32 = value.trim().parse().map_err(|_| bad("not a number"))?;
            if name.trim() == "threshold" {
                threshold = value;
                continue;
            }
            let k = FEATURES
                .iter()
                .position(|f| *f == name.trim())
                .ok_or_else(|| bad("unknown feature"))?;
            w[k] = value;
        }
        let missing = w
            .iter()
            .position(|v| v.is_nan())
            .map(|k| FEATURES[k])
            .or(threshold.is_nan().then_some("threshold"));
        if let Some(name) = missing {
            return Err(Error::Cues {
                file: "speech weights".into(),
                line: 0,
                message: format!("no weight for {name}"),
            });
        }
        Ok(Weights {
            weights: w,
            threshold,
        })
    }

    /// The span's score (a logit: above 0, speech is likelier than not).
    pub fn score(&self, f: &Features) -> f32 {
        self.weights.iter().zip(f).map(|(w, x)| w * x).sum()
    }

    /// Is a span with these features speech?
    pub fn is_speech(&self, f: &Features) -> bool {
        self.score(f) >= self.threshold
    }
}

static SHIPPED: LazyLock<Arc<Weights>> = LazyLock::new(|| {
    Arc::new(Weights::parse(include_str!("speech-weights.tsv")).expect("shipped weights parse"))
});

/// The shipped weights (what `Cues` uses unless told otherwise).
pub fn shipped() -> Arc<Weights> {
    SHIPPED.clone()
}

#[cfg(test)]
mod tests {
    use super::{named_as_title, MarksCursor, WordList, CLAUSE, FIRST_PERSON, TITLE_WORDS};
    use crate::quotes::testing::Fixture;

    #[test]
    fn word_lists_answer_as_any_entry_ignoring_ascii_case() {
        let words = [
            "IS", "Is", "is", "i’m", "I’M", "I’m", "Kami", "KAMI", "kamu", "ia", "ía", "Ía",
            "webinar", "WEBINARS", "", "dia.", "Mereka", "it's", "IT'S", "ıs", "seminar",
        ];
        for list in [CLAUSE, FIRST_PERSON, TITLE_WORDS] {
            let set = WordList::new(list);
            for w in words {
                let direct = list.iter().any(|x| x.eq_ignore_ascii_case(w));
                assert_eq!(set.contains(w), direct, "{w:?}");
            }
        }
        // A word longer than every entry is in no list.
        assert!(!WordList::new(&["a"]).contains("aa"));
    }

    #[test]
    fn the_marks_cursor_answers_as_in_marks_for_offsets_in_order() {
        let f = Fixture::new(
            "Ortiz said the “new deal” was “done”. She added: “We are ready.”\n“Go,” he said, and ‘left’ the hall “at noon\nThe vote was close.",
            &[],
        );
        f.with(|cx| {
            let marked = &cx.doc().marked;
            assert!(marked.len() >= 5, "{marked:?}");
            let text = cx.text();
            for from in [0, 7, 20, 60, text.len()] {
                let mut cursor = MarksCursor::new(marked, from);
                for byte in (from..=text.len()).filter(|&b| text.is_char_boundary(b)) {
                    assert_eq!(cursor.contains(byte), cx.in_marks(byte), "{from} {byte}");
                }
            }
        });
    }

    fn named(text: &str) -> bool {
        let open = text.find(['“', '”', '"']).unwrap();
        named_as_title(text, 0, open)
    }

    #[test]
    fn titles_of_works_and_events_are_named_so() {
        assert!(named("Ia bicara dalam webinar bertajuk ”Desa Tangguh”."));
        assert!(named("Dalam seminar daring ”Kota Hijau” kemarin."));
        assert!(named("She wrote a book titled “Rivers Run Home”."));
        assert!(!named("He told the film crew: “We are ready.”"));
        assert!(!named("Menurut dia, ”kami siap”."));
        assert!(!named("The program, she said, “works well”."));
    }
}
