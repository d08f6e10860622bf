//! Fitting the tagger: reading annotated sentences, the averaged structured
//! perceptron (English), the CRF ([`crf`], Indonesian), and span-level
//! scores.
//!
//! Sentences are read from CoNLL files (`token ... TAG` per line, a blank
//! line between sentences, IOB tags) or from the GMB CSV extract. Each is
//! rebuilt as text (tokens joined by spaces), split into kutip's words and
//! matched against the gazetteers, so that fitting sees the features a run
//! sees. Training is deterministic: the perceptron's order of sentences is
//! shuffled by a seeded generator, the CRF's is fixed, and nothing else
//! varies.

use super::decode::viterbi;
use super::features::{
    class, run_features, runs_to_tag, window_infos, Lexicon, ParagraphInfos, FEATURES, TABLE_ROWS,
};
use super::model::{allowed, begin_tag, Weights, LANES, O, START, TAGS};
use super::{gazetteer_codes, spans_of, Span, Tagger};
use crate::gazetteer::EntityType;
use crate::matcher::Matcher;
use crate::tokens::{fold_hash, tokenize, Token, WordBuf};

pub mod crf;
pub mod lbfgs;

/// An annotated sentence: words and their types with IOB (`true` = begins).
#[derive(Debug, Clone, Default)]
pub struct Annotated {
    pub words: Vec<String>,
    pub tags: Vec<Option<(EntityType, bool)>>,
}

/// The type a corpus tag names, or None for tags kutip does not use.
/// GMB's `gpe` (countries and nationality words) counts as a place only
/// when a proper noun (`NNP`): `British` is not a place.
fn tag_kind(label: &str, pos: &str) -> Option<EntityType> {
    match label.to_ascii_lowercase().as_str() {
        "per" | "person" => Some(EntityType::Person),
        "org" | "organization" | "organisation" => Some(EntityType::Organization),
        "loc" | "location" | "geo" => Some(EntityType::Location),
        "gpe" if pos.is_empty() || pos == "NNP" => Some(EntityType::Location),
        _ => None,
    }
}

fn parse_tag(tag: &str, pos: &str) -> Option<(EntityType, bool)> {
    let (iob, label) = tag.split_once('-')?;
    let kind = tag_kind(label, pos)?;
    Some((kind, iob.eq_ignore_ascii_case("B")))
}

/// Reads CoNLL text: one word per line, the first column the word and the
/// last its IOB tag (`B-PER`, `I-ORG`, `O`; `PER`/`PERSON`, `ORG`,
/// `LOC`/`GPE` types), sentences separated by blank lines.
pub fn read_conll(text: &str) -> Vec<Annotated> {
    let mut out = Vec::new();
    let mut cur = Annotated::default();
    for line in text.lines() {
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.is_empty() || cols[0].starts_with("-DOCSTART-") {
            if !cur.words.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        cur.words.push(cols[0].to_string());
        let tag = if cols.len() > 1 {
            cols[cols.len() - 1]
        } else {
            "O"
        };
        cur.tags.push(parse_tag(tag, ""));
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    out
}

/// Reads the GMB extract (`Sentence #,Word,POS,Tag`).
pub fn read_gmb(text: &str) -> Vec<Annotated> {
    let mut out = Vec::new();
    let mut cur = Annotated::default();
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(text.as_bytes());
    for rec in rdr.records().flatten() {
        let (sent, word, pos, tag) = (
            rec.get(0).unwrap_or(""),
            rec.get(1).unwrap_or(""),
            rec.get(2).unwrap_or(""),
            rec.get(3).unwrap_or("O"),
        );
        if !sent.is_empty() && !cur.words.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        cur.words.push(word.to_string());
        cur.tags.push(parse_tag(tag, pos));
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    out
}

/// Title and role words that some corpora put inside person names
/// (GMB: `House Speaker Paul Ryan`), beyond the tagger's own title and
/// honorific classes.
const MORE_TITLES: &[&str] = &[
    "house",
    "vice",
    "foreign",
    "defense",
    "defence",
    "prime",
    "deputy",
    "former",
    "interior",
    "finance",
    "attorney",
    "supreme",
    "cardinal",
    "archbishop",
    "bishop",
    "ayatollah",
    "sheikh",
    "lt",
    "col",
    "maj",
    "sgt",
    "adm",
    "admiral",
    "gov",
    "pres",
    "senate",
    "majority",
    "minority",
    "opposition",
    "presidential",
    "envoy",
    "special",
    "secretary-general",
    "rebel",
    "military",
    "army",
    "crown",
    "emperor",
    "sultan",
    "mufti",
    "imam",
    "rabbi",
    "father",
    "saint",
    "st",
    "justice",
    "secretary",
    "general",
    "u.s.",
    "us",
    "un",
    "chief",
    "executive",
    "economy",
];

/// Moves title and role words at the start of a person's name out of it:
/// `[House Speaker Paul Ryan]` becomes `House Speaker [Paul Ryan]`. A span
/// that is nothing but titles is no name.
pub fn relabel_titles(s: &mut Annotated, lexicon: &Lexicon) {
    let is_title = |w: &str| {
        let bare = w.trim_end_matches('.');
        let c = lexicon.classes(fold_hash(bare));
        c & (class::TITLE | class::HONORIFIC) != 0
            || MORE_TITLES.contains(&w.to_lowercase().as_str())
            || MORE_TITLES.contains(&bare.to_lowercase().as_str())
            || !w.chars().next().is_some_and(char::is_uppercase)
    };
    let mut i = 0;
    while i < s.words.len() {
        if s.tags[i] != Some((EntityType::Person, true)) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < s.words.len() && s.tags[end] == Some((EntityType::Person, false)) {
            end += 1;
        }
        let mut a = i;
        while a < end && is_title(&s.words[a]) {
            s.tags[a] = None;
            a += 1;
        }
        if a < end {
            s.tags[a] = Some((EntityType::Person, true));
        }
        i = end;
    }
}

/// A sentence ready for fitting or scoring: kutip's words, their features'
/// inputs, the runs decoded, and the gold tag of every word.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub runs: Vec<(usize, usize)>,
    /// The feature rows of each word of each run, in run order.
    pub rows: Vec<[u32; FEATURES]>,
    pub gold: Vec<u8>,
}

/// Rebuilds the text of a sentence, finds its words and gazetteer matches,
/// and projects the gold tags onto the words.
pub fn prepare(s: &Annotated, matcher: &Matcher, lexicon: &Lexicon) -> Prepared {
    let mut text = String::new();
    let mut word_of_byte = Vec::new();
    for (k, w) in s.words.iter().enumerate() {
        if k > 0 {
            text.push(' ');
            word_of_byte.push(usize::MAX);
        }
        text.push_str(w);
        word_of_byte.extend(std::iter::repeat_n(k, w.len()));
    }
    let toks: Vec<Token> = tokenize(&text);
    let mut gold = Vec::with_capacity(toks.len());
    let mut last_word = usize::MAX;
    for t in &toks {
        let k = word_of_byte[t.start];
        let tag = match s.tags[k] {
            None => O,
            Some((kind, begins)) => {
                let b = begin_tag(kind);
                // Later pieces of a corpus word continue its name.
                if begins && k != last_word {
                    b
                } else {
                    b + 1
                }
            }
        };
        last_word = k;
        gold.push(tag);
    }
    normalise(&mut gold);
    let mut found = Vec::new();
    let words = WordBuf::of_tokens(&text, &toks);
    let words = words.words();
    matcher.find_in_words(&text, words, &mut found);
    let gaz = gazetteer_codes(&toks, &found, matcher.entities());
    let (mut infos, mut runs) = (Vec::new(), Vec::new());
    let mut para = ParagraphInfos::default();
    runs_to_tag(&text, words, &gaz, lexicon, false, &mut para, &mut runs);
    let mut rows = Vec::new();
    for &(a, b) in &runs {
        window_infos(&text, words, &gaz, lexicon, (a, b), &mut infos);
        for i in a..b {
            let mut r = [0u32; FEATURES];
            run_features(&infos, (a, b), i, &mut r);
            rows.push(r);
        }
    }
    Prepared { runs, rows, gold }
}

/// Makes a tag sequence well formed: an `I-` tag that does not continue
/// its type's name begins one.
fn normalise(tags: &mut [u8]) {
    let mut prev = START;
    for t in tags.iter_mut() {
        if !allowed(prev, *t as usize) {
            *t -= 1;
        }
        prev = *t as usize;
    }
}

/// A seeded generator (xorshift64*), so training is reproducible.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) as usize % n
    }
}

/// Perceptron weights in floats with their running sums, for averaging.
struct Averaged {
    w: Vec<[f32; LANES]>,
    sum: Vec<[f32; LANES]>,
    tw: [[f32; LANES]; LANES],
    tsum: [[f32; LANES]; LANES],
    steps: f32,
}

impl Averaged {
    fn new() -> Averaged {
        Averaged {
            w: vec![[0.0; LANES]; TABLE_ROWS],
            sum: vec![[0.0; LANES]; TABLE_ROWS],
            tw: [[0.0; LANES]; LANES],
            tsum: [[0.0; LANES]; LANES],
            steps: 1.0,
        }
    }

    fn emission(&self, rows: &[u32]) -> [f32; LANES] {
        let mut acc = [0.0f32; LANES];
        for &r in rows {
            for (a, w) in acc.iter_mut().zip(&self.w[r as usize]) {
                *a += w;
            }
        }
        acc
    }

    fn add_word(&mut self, rows: &[u32], tag: u8, d: f32) {
        for &r in rows {
            self.w[r as usize][tag as usize] += d;
            self.sum[r as usize][tag as usize] += self.steps * d;
        }
    }

    fn add_transition(&mut self, prev: usize, tag: u8, d: f32) {
        self.tw[prev][tag as usize] += d;
        self.tsum[prev][tag as usize] += self.steps * d;
    }

    /// The averaged weights: the table, then the transitions.
    fn averaged(&self) -> Floats {
        let avg = |w: f32, s: f32| w - s / self.steps;
        let rows = self
            .w
            .iter()
            .zip(&self.sum)
            .map(|(w, s)| std::array::from_fn(|t| avg(w[t], s[t])))
            .collect();
        let tr =
            std::array::from_fn(|p| std::array::from_fn(|t| avg(self.tw[p][t], self.tsum[p][t])));
        (rows, tr)
    }
}

/// Weights before quantisation: the table, then the transitions.
pub type Floats = (Vec<[f32; LANES]>, [[f32; LANES]; LANES]);

/// Float weights quantised to `i8` by one scale for the table and the
/// transitions (the largest weight becomes 127).
pub fn quantise((rows, tr): &Floats) -> Weights {
    let max = rows
        .iter()
        .flat_map(|r| r[..TAGS].iter())
        .fold(0.0f32, |m, w| m.max(w.abs()));
    let scale = if max > 0.0 { 127.0 / max } else { 1.0 };
    let mut out = Weights::zero();
    for (o, w) in out.rows.iter_mut().zip(rows) {
        for t in 0..TAGS {
            o[t] = (w[t] * scale).round().clamp(-127.0, 127.0) as i8;
        }
    }
    for (o, w) in out.transitions.iter_mut().zip(tr) {
        for (o, w) in o.iter_mut().zip(w) {
            *o = (w * scale).round() as i32;
        }
    }
    out
}

/// The gold tags of a run, as a run decodes them (it starts outside names).
fn run_gold(gold: &[u8], a: usize, b: usize, out: &mut Vec<u8>) {
    out.clear();
    out.extend_from_slice(&gold[a..b]);
    normalise(out);
}

/// Fits weights on `data` as a CRF ([`crf`]), quantised as shipped.
pub fn fit_crf(data: &[Prepared], settings: &crf::Settings) -> Weights {
    quantise(&crf::fit(data, settings))
}

/// Fits weights on `data`: one averaged perceptron per seed (`epochs`
/// passes, in an order shuffled by the seed), their weights averaged (which
/// steadies what the order of sentences does to one perceptron).
pub fn fit(data: &[Prepared], epochs: usize, seeds: &[u64]) -> Weights {
    let mut sum: Floats = (vec![[0.0; LANES]; TABLE_ROWS], [[0.0; LANES]; LANES]);
    for &seed in seeds {
        let (rows, tr) = fit_one(data, epochs, seed);
        let pairs = sum.0.iter_mut().zip(&rows).chain(sum.1.iter_mut().zip(&tr));
        for (s, r) in pairs {
            for (s, r) in s.iter_mut().zip(r) {
                *s += r;
            }
        }
    }
    quantise(&sum)
}

fn fit_one(data: &[Prepared], epochs: usize, seed: u64) -> Floats {
    let mut m = Averaged::new();
    let mut rng = Rng(seed | 1);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let (mut em, mut back, mut pred, mut gold) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for _ in 0..epochs {
        for i in (1..order.len()).rev() {
            order.swap(i, rng.below(i + 1));
        }
        for &k in &order {
            let s = &data[k];
            let mut at = 0;
            for &(a, b) in &s.runs {
                let rows = &s.rows[at..at + (b - a)];
                at += b - a;
                em.clear();
                em.extend(rows.iter().map(|r| m.emission(r)));
                viterbi(&em, &m.tw, &mut back, &mut pred);
                run_gold(&s.gold, a, b, &mut gold);
                if pred != gold {
                    let (mut pp, mut pg) = (START, START);
                    for i in 0..pred.len() {
                        if pred[i] != gold[i] || pp != pg {
                            m.add_word(&rows[i], gold[i], 1.0);
                            m.add_word(&rows[i], pred[i], -1.0);
                            m.add_transition(pg, gold[i], 1.0);
                            m.add_transition(pp, pred[i], -1.0);
                        }
                        pp = pred[i] as usize;
                        pg = gold[i] as usize;
                    }
                }
                m.steps += 1.0;
            }
        }
    }
    m.averaged()
}

/// Precision, recall and F1 of spans, per type and over all.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Counts {
    pub tp: usize,
    pub pred: usize,
    pub gold: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.pred)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Span-level scores: PERSON, ORGANIZATION, LOCATION, then all.
pub type Scores = [Counts; 4];

fn type_index(k: EntityType) -> usize {
    match k {
        EntityType::Person => 0,
        EntityType::Organization => 1,
        EntityType::Country | EntityType::Location => 2,
    }
}

/// Scores `weights` on prepared sentences: a predicted span counts when a
/// gold span has the same words and type (gold names outside the decoded
/// runs count as missed).
pub fn evaluate(weights: &Weights, data: &[Prepared]) -> Scores {
    evaluate_with(|r| weights.emission(r), &weights.transitions, data)
}

/// [`evaluate`] for weights before quantisation, to see what it costs.
pub fn evaluate_floats((rows, tr): &Floats, data: &[Prepared]) -> Scores {
    let emission = |rs: &[u32]| {
        let mut acc = [0.0f32; LANES];
        for &r in rs {
            for (a, w) in acc.iter_mut().zip(&rows[r as usize]) {
                *a += w;
            }
        }
        acc
    };
    evaluate_with(emission, tr, data)
}

fn evaluate_with<T, E>(emission: E, transitions: &[[T; LANES]; LANES], data: &[Prepared]) -> Scores
where
    T: Copy + PartialOrd + std::ops::Add<Output = T>,
    E: Fn(&[u32]) -> [T; LANES],
{
    let mut c: Scores = Default::default();
    let (mut em, mut back, mut tags) = (Vec::new(), Vec::new(), Vec::new());
    let (mut pred, mut gold): (Vec<Span>, Vec<Span>) = (Vec::new(), Vec::new());
    for s in data {
        pred.clear();
        gold.clear();
        let mut at = 0;
        for &(a, b) in &s.runs {
            em.clear();
            em.extend(s.rows[at..at + (b - a)].iter().map(|r| emission(r)));
            at += b - a;
            viterbi(&em, transitions, &mut back, &mut tags);
            spans_of(&tags, a, &mut pred);
        }
        spans_of(&s.gold, 0, &mut gold);
        for p in &pred {
            let k = type_index(p.kind);
            c[k].pred += 1;
            c[3].pred += 1;
            if gold.contains(p) {
                c[k].tp += 1;
                c[3].tp += 1;
            }
        }
        for g in &gold {
            c[type_index(g.kind)].gold += 1;
            c[3].gold += 1;
        }
    }
    c
}

/// The tagger's own lexicon, for preparing data outside a [`Tagger`].
pub fn lexicon_of(t: &Tagger) -> &Lexicon {
    t.lexicon()
}

/// The training and selection sentences of one language, prepared.
#[derive(Debug, Clone, Default)]
pub struct Split {
    pub train: Vec<Prepared>,
    pub dev: Vec<Prepared>,
}

/// Prepares annotated sentences (titles moved out of person names first).
pub fn prepare_all(sents: Vec<Annotated>, matcher: &Matcher, lexicon: &Lexicon) -> Vec<Prepared> {
    sents
        .into_iter()
        .map(|mut s| {
            relabel_titles(&mut s, lexicon);
            prepare(&s, matcher, lexicon)
        })
        .collect()
}

/// Share of GMB sentences fitted on; the rest (the last tenth, in file
/// order) selects iterations for English.
pub const GMB_TRAIN_SHARE: f64 = 0.9;

/// The shipped weights' data in `dir` (`../shared/train`): Indonesian from
/// `idner/train.txt` (dev: `idner/dev.txt`), English from
/// `gmb-en/ner_dataset.csv` (dev: its last tenth).
pub fn load_shared(
    dir: &std::path::Path,
    matcher: &Matcher,
    lexicon: &Lexicon,
) -> std::io::Result<(Split, Split)> {
    let read = |p: &str| std::fs::read_to_string(dir.join(p));
    let id = Split {
        train: prepare_all(read_conll(&read("idner/train.txt")?), matcher, lexicon),
        dev: prepare_all(read_conll(&read("idner/dev.txt")?), matcher, lexicon),
    };
    let mut gmb = read_gmb(&read("gmb-en/ner_dataset.csv")?);
    let dev = gmb.split_off((gmb.len() as f64 * GMB_TRAIN_SHARE) as usize);
    let en = Split {
        train: prepare_all(gmb, matcher, lexicon),
        dev: prepare_all(dev, matcher, lexicon),
    };
    Ok((id, en))
}

/// How one language's weights are fitted.
#[derive(Debug, Clone, PartialEq)]
pub enum Method {
    /// Averaged perceptrons, one per seed, their weights averaged.
    Perceptron { epochs: usize, seeds: Vec<u64> },
    /// A CRF ([`crf`]).
    Crf(crf::Settings),
}

impl Method {
    /// Fits weights on `data` by this method, quantised as shipped.
    pub fn fit(&self, data: &[Prepared]) -> Weights {
        match self {
            Method::Perceptron { epochs, seeds } => fit(data, *epochs, seeds),
            Method::Crf(settings) => fit_crf(data, settings),
        }
    }
}

/// The CRF settings of the shipped Indonesian weights (chosen on idner
/// dev and nerui-0001..0043; see `weights.md`).
pub const SHIPPED_CRF: crf::Settings = crf::Settings {
    c1: 0.0,
    c2: 0.01,
    penalise_transitions: false,
    stop: lbfgs::Stop {
        iterations: 200,
        delta: 1e-5,
    },
};

/// Epochs and seeds of the shipped English weights (a perceptron: on the
/// GMB tenth held out, a CRF scored no better; see `weights.md`).
pub const SHIPPED_EPOCHS: usize = 8;
pub const SHIPPED_SEEDS: [u64; 3] = [16, 17, 18];

/// How the shipped weights were fitted: Indonesian, then English.
pub fn shipped_methods() -> [Method; 2] {
    [
        Method::Crf(SHIPPED_CRF),
        Method::Perceptron {
            epochs: SHIPPED_EPOCHS,
            seeds: SHIPPED_SEEDS.to_vec(),
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::Gazetteer;

    #[test]
    fn conll_and_gmb_map_their_types() {
        let s = read_conll("Kata\tX\tO\r\nBudi\tX\tB-PER\r\n\r\ndi O\nBank B-ORG\nX I-ORG\n");
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].tags[1], Some((EntityType::Person, true)));
        assert_eq!(s[1].tags[2], Some((EntityType::Organization, false)));
        let g = read_gmb(
            "Sentence #,Word,POS,Tag\nSentence: 1,British,JJ,B-gpe\n,troops,NNS,O\n,left,VBD,O\n,Iraq,NNP,B-geo\nSentence: 2,France,NNP,B-gpe\n,on,IN,O\n,Monday,NNP,B-tim\n",
        );
        assert_eq!(g.len(), 2);
        assert_eq!(g[0].tags[0], None, "a nationality word is no place");
        assert_eq!(g[0].tags[3], Some((EntityType::Location, true)));
        assert_eq!(g[1].tags[0], Some((EntityType::Location, true)));
        assert_eq!(g[1].tags[2], None, "times are not names");
    }

    #[test]
    fn titles_move_out_of_person_names() {
        let mut s = read_conll(
            "House B-per\nSpeaker I-per\nPaul I-per\nRyan I-per\nspoke O\nPresident B-per\n",
        );
        relabel_titles(&mut s[0], &Lexicon::new());
        let p = |b| Some((EntityType::Person, b));
        assert_eq!(s[0].tags, [None, None, p(true), p(false), None, None]);
    }

    #[test]
    fn gold_tags_follow_kutip_words() {
        let s = read_conll("U.S. B-geo\nenvoy O\nKassym-Jomart B-per\nTokayev I-per\n");
        let m = Matcher::new(&Gazetteer::new());
        let p = prepare(&s[0], &m, &Lexicon::new());
        // U S envoy Kassym Jomart Tokayev
        assert_eq!(p.gold, [5, 6, 0, 1, 2, 2]);
        assert_eq!(p.runs, [(0, 2), (3, 6)]);
        assert_eq!(p.rows.len(), 5);
    }

    #[test]
    fn both_methods_learn_a_toy_pattern_and_are_reproducible() {
        // People follow "kata", places follow "di"; the words themselves vary.
        let mut text = String::new();
        let names = [
            "Budi", "Sari", "Andi", "Rina", "Joko", "Dewi", "Agus", "Tono",
        ];
        let places = [
            "Bogor", "Depok", "Garut", "Tegal", "Klaten", "Blitar", "Sleman", "Kudus",
        ];
        for i in 0..40 {
            let (n, p) = (names[i % 8], places[(i * 3) % 8]);
            text.push_str(&format!("kata O\n{n} B-PER\ndi O\n{p} B-LOC\n\n"));
        }
        let m = Matcher::new(&Gazetteer::new());
        let lex = Lexicon::new();
        let data: Vec<Prepared> = read_conll(&text)
            .iter()
            .map(|s| prepare(s, &m, &lex))
            .collect();
        let crf = Method::Crf(SHIPPED_CRF);
        for method in [
            Method::Perceptron {
                epochs: 3,
                seeds: vec![7],
            },
            crf,
        ] {
            let w = method.fit(&data);
            let c = evaluate(&w, &data);
            assert_eq!((c[3].tp, c[3].pred), (80, 80), "{method:?}: {c:?}");
            let again = method.fit(&data);
            assert_eq!(again.rows, w.rows);
            assert_eq!(again.transitions, w.transitions);
        }
    }
}
