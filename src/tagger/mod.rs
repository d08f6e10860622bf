//! A learned tagger for the names no list holds.
//!
//! A linear-chain model over BIO tags of PERSON, ORGANIZATION and
//! LOCATION, decoded with Viterbi (Indonesian weights fitted as a CRF,
//! English as an averaged perceptron: `weights.md`). Only runs of capitalised words (and
//! connectors such as `of`, `dan` between them) are decoded; every other
//! word is `O`, which keeps the cost to the few words that may be names.
//! Features ([`features`]) are hashed into a fixed table; Indonesian and
//! English have their own weights ([`model`]), fitted by [`train`] and
//! embedded in the binary (`weights.bin`, see `weights.md` beside it).
//!
//! [`Tagger::tag`] is the whole API the rest of kutip needs: words of a
//! paragraph in, typed spans out. [`names`] turns those spans into the
//! document's `model` mentions (list matches win, lone words need evidence).

pub mod decode;
pub mod features;
pub mod lexicon;
pub mod model;
pub mod names;
pub mod shape;
pub mod train;

use crate::gazetteer::{Entity, EntityType};
use crate::matcher::Match;
use crate::tokens::{Token, WordBuf, Words};
use features::{run_features, runs_to_tag, Lexicon, ParagraphInfos, FEATURES};
use model::{is_begin, tag_type, Weights, LANES};

/// The weights shipped in the binary.
static EMBEDDED: &[u8] = include_bytes!("weights.bin");

/// The language of a text, for the choice of weights.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Indonesian,
    English,
}

impl Lang {
    /// From the `lang` column (`id`, `en`); None when unsure.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "id" => Some(Lang::Indonesian),
            "en" => Some(Lang::English),
            _ => None,
        }
    }
}

/// A name the tagger found: words `start..end` of the words it was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub kind: EntityType,
    /// Confidence: by how much the best tagging of the run beats the best
    /// one with this span outside names (weight units; 0 when unknown).
    pub margin: i32,
}

/// The tagger: weights of both languages and the cue-word lexicon. Build
/// once, share between threads.
#[derive(Debug, Clone)]
pub struct Tagger {
    lexicon: Lexicon,
    langs: [Weights; 2],
    /// The transitions of each language, [`decode::masked`].
    masked: [[[i32; LANES]; LANES]; 2],
}

/// Reusable buffers for [`Tagger::tag_into`].
#[derive(Debug, Default)]
pub struct Scratch {
    infos: ParagraphInfos,
    runs: Vec<(usize, usize)>,
    emissions: Vec<[i32; LANES]>,
    back: Vec<[u8; LANES]>,
    tags: Vec<u8>,
    other: Vec<u8>,
    /// Words decoded so far (a run's words; every other word costs no
    /// features and no decoding).
    decoded: usize,
}

impl Scratch {
    /// The words whose features were found and decoded since this scratch
    /// was made: only words of runs ([`features::name_runs`]).
    pub fn words_decoded(&self) -> usize {
        self.decoded
    }
}

impl Tagger {
    /// The tagger with the weights shipped in the binary.
    pub fn embedded() -> Tagger {
        // The shipped file is checked by a test; it cannot fail to read.
        Tagger::from_bytes(EMBEDDED).expect("embedded tagger weights are valid")
    }

    /// A tagger with weights written by [`model::encode`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, model::FormatError> {
        Ok(Tagger::from_weights(model::decode(bytes)?))
    }

    /// A tagger with these weights (Indonesian, English).
    pub fn from_weights(langs: [Weights; 2]) -> Tagger {
        Tagger {
            lexicon: Lexicon::new(),
            masked: [
                decode::masked(&langs[0].transitions),
                decode::masked(&langs[1].transitions),
            ],
            langs,
        }
    }

    pub(crate) fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    pub(crate) fn weights(&self, lang: Lang) -> &Weights {
        match lang {
            Lang::Indonesian => &self.langs[0],
            Lang::English => &self.langs[1],
        }
    }

    /// The names in the words `toks` of one paragraph of `text`.
    /// `gaz[i]` is the gazetteer code of word `i` ([`gazetteer_codes`]).
    ///
    /// ```
    /// use kutip::tagger::{Lang, Tagger, gazetteer_codes};
    /// let text = "Kemarin Presiden Joko Widodo tiba di Surabaya.";
    /// let toks = kutip::tokens::tokenize(text);
    /// let gaz = gazetteer_codes(&toks, &[], &[]);
    /// let spans = Tagger::embedded().tag(text, &toks, &gaz, Lang::Indonesian);
    /// let names: Vec<_> = spans.iter().map(|s| &text[toks[s.start].start..toks[s.end - 1].end]).collect();
    /// assert!(names.contains(&"Joko Widodo"));
    /// ```
    pub fn tag(&self, text: &str, toks: &[Token], gaz: &[u8], lang: Lang) -> Vec<Span> {
        let mut out = Vec::new();
        let mut scratch = Scratch::default();
        let words = WordBuf::of_tokens(text, toks);
        self.tag_into(
            text,
            words.words(),
            gaz,
            lang,
            false,
            &mut scratch,
            &mut out,
        );
        out
    }

    /// Like [`Tagger::tag`], on words already hashed ([`WordBuf`]),
    /// appending to `out` and reusing `scratch`.
    /// With `unlisted_only`, where a list already names (a word with a
    /// gazetteer code) is not tagged: runs of list matches only are
    /// skipped, and a span over a list match gets margin 0 (it is not
    /// computed).
    #[allow(clippy::too_many_arguments)]
    pub fn tag_into(
        &self,
        text: &str,
        words: Words,
        gaz: &[u8],
        lang: Lang,
        unlisted_only: bool,
        scratch: &mut Scratch,
        out: &mut Vec<Span>,
    ) {
        let w = self.weights(lang);
        let masked = &self.masked[usize::from(lang == Lang::English)];
        runs_to_tag(
            text,
            words,
            gaz,
            &self.lexicon,
            unlisted_only,
            &mut scratch.infos,
            &mut scratch.runs,
        );
        scratch
            .infos
            .fill(text, words, gaz, &self.lexicon, &scratch.runs);
        let mut rows = [0u32; FEATURES];
        for &(a, b) in &scratch.runs {
            let window = scratch.infos.window((a, b));
            scratch.decoded += b - a;
            scratch.emissions.clear();
            for i in a..b {
                run_features(window, (a, b), i, &mut rows);
                scratch.emissions.push(w.emission(&rows));
            }
            let best = decode::viterbi_scores(
                &scratch.emissions,
                masked,
                (0, 0),
                &mut scratch.back,
                &mut scratch.tags,
            )
            .unwrap_or(0);
            let first = out.len();
            spans_of(&scratch.tags, a, out);
            for s in &mut out[first..] {
                if unlisted_only && gaz[s.start..s.end].iter().any(|&g| g != 0) {
                    continue;
                }
                // A span over the whole run (most are) leaves one tagging.
                let whole = s.end - s.start == b - a;
                let without = match whole.then(|| decode::all_outside(&scratch.emissions, masked)) {
                    Some(Some(score)) => score,
                    _ => decode::viterbi_scores(
                        &scratch.emissions,
                        masked,
                        (s.start - a, s.end - a),
                        &mut scratch.back,
                        &mut scratch.other,
                    )
                    .unwrap_or(0),
                };
                s.margin = best - without;
            }
        }
    }
}

/// The spans of a tag sequence whose first word is word `offset`.
pub fn spans_of(tags: &[u8], offset: usize, out: &mut Vec<Span>) {
    let mut i = 0;
    while i < tags.len() {
        let Some(kind) = tag_type(tags[i]) else {
            i += 1;
            continue;
        };
        let mut j = i + 1;
        while j < tags.len() && !is_begin(tags[j]) && tag_type(tags[j]) == Some(kind) {
            j += 1;
        }
        out.push(Span {
            start: offset + i,
            end: offset + j,
            kind,
            margin: 0,
        });
        i = j;
    }
}

/// The gazetteer code of each word of `toks`: the type of the list match
/// covering it, and whether it is that match's first word (see
/// [`features::gaz_code`]).
pub fn gazetteer_codes<'m>(
    toks: &[Token],
    matches: impl IntoIterator<Item = &'m Match>,
    entities: &[Entity],
) -> Vec<u8> {
    let mut codes = Vec::new();
    gazetteer_codes_into(toks, matches, entities, &mut codes);
    codes
}

/// [`gazetteer_codes`] into a buffer.
pub fn gazetteer_codes_into<'m>(
    toks: &[Token],
    matches: impl IntoIterator<Item = &'m Match>,
    entities: &[Entity],
    codes: &mut Vec<u8>,
) {
    codes.clear();
    codes.resize(toks.len(), 0);
    let mut i = 0;
    for m in matches {
        while i < toks.len() && toks[i].start < m.start {
            i += 1;
        }
        let kind = entities[m.entity as usize].kind;
        let mut j = i;
        while j < toks.len() && toks[j].end <= m.end {
            codes[j] = features::gaz_code(kind, j == i);
            j += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_follow_the_tags() {
        let mut out = Vec::new();
        // O B-PER I-PER B-PER B-LOC I-LOC
        spans_of(&[0, 1, 2, 1, 5, 6], 10, &mut out);
        let got: Vec<_> = out.iter().map(|s| (s.start, s.end, s.kind)).collect();
        assert_eq!(
            got,
            [
                (11, 13, EntityType::Person),
                (13, 14, EntityType::Person),
                (14, 16, EntityType::Location)
            ]
        );
    }

    /// The words of `text`, its names (surface, type, margin) and the
    /// words decoded for them.
    fn tagged(text: &str) -> (Vec<(String, EntityType, i32)>, usize) {
        let toks = crate::tokens::tokenize(text);
        let gaz = vec![0; toks.len()];
        let (mut scratch, mut out) = (Scratch::default(), Vec::new());
        let tagger = Tagger::embedded();
        let words = WordBuf::of_tokens(text, &toks);
        tagger.tag_into(
            text,
            words.words(),
            &gaz,
            Lang::Indonesian,
            false,
            &mut scratch,
            &mut out,
        );
        let names = out
            .iter()
            .map(|s| {
                let surface = &text[toks[s.start].start..toks[s.end - 1].end];
                (surface.to_string(), s.kind, s.margin)
            })
            .collect();
        (names, scratch.words_decoded())
    }

    #[test]
    fn a_sentence_without_capitals_costs_no_decoding() {
        let (names, decoded) =
            tagged("kemarin hujan turun di kota itu sepanjang hari, kata warga setempat.");
        assert!(names.is_empty());
        assert_eq!(decoded, 0);
    }

    #[test]
    fn only_the_words_of_capitalised_stretches_are_decoded() {
        let text = "hujan turun sejak pagi ketika Budi Santoso tiba di kantor \
                    Kementerian Luar Negeri bersama istrinya yang lelah.";
        let (names, decoded) = tagged(text);
        assert_eq!(decoded, 5, "Budi Santoso, Kementerian Luar Negeri");
        assert!(names.iter().any(|n| n.0 == "Budi Santoso"), "{names:?}");
        // A connector between capitalised words joins them in one stretch.
        let (_, decoded) = tagged("para pejabat Bank of America dan Bank Mandiri datang");
        assert_eq!(decoded, 6);
    }

    /// Words more than two away from every stretch are read by no feature:
    /// changing them changes no name nor margin (the stretch decoding is
    /// the decoding of the whole sentence, whose other words are `O`).
    #[test]
    fn words_far_from_every_stretch_change_nothing() {
        let a = tagged(
            "pagi ini warga kota kecil itu melihat Presiden Joko Widodo tiba \
             di Surabaya bersama rombongan besar dari ibu kota negara",
        );
        let b = tagged(
            "sore tadi banyak orang tua itu melihat Presiden Joko Widodo tiba \
             di Surabaya bersama rombongan kecil ke luar pulau jawa",
        );
        assert!(!a.0.is_empty());
        assert_eq!(a, b);
    }

    #[test]
    fn the_embedded_weights_read() {
        assert!(model::decode(EMBEDDED).is_ok());
    }
}
