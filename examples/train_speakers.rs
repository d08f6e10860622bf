//! Fits the speaker ranker's weights (`src/quotes/sieves/speaker-weights.tsv`)
//! on an attribution gold set in the eval format (docs/ + quotes.csv with
//! `speaker` and `accept`), by default PolNeAR train:
//!
//!     cargo run --release --example train_speakers -- ../shared/train/polnear-train \
//!         --out src/quotes/sieves/speaker-weights.tsv --cv /tmp/speaker-cv
//!
//! Each quoted span's candidates (what every sieve proposes, the nearby
//! names, and "nobody") come from the pipeline with the rule's choice
//! winning; a candidate is right when its name is one the gold accepts
//! (or, as score.py counts, a fuller form the gold uses in the document),
//! and "nobody" is right where no named candidate is (such spans weigh
//! `--nobody` each, 0.5 unless given: precision first). A softmax over
//! each span's candidates (listwise logistic regression: the loss is
//! minus the log of the probability of the right ones) with an L2 penalty
//! (`--l2`, 0.003 unless given) is fitted by full-batch gradient descent
//! from zero weights: no randomness, the same file on every run. Spans no
//! rule attributes teach too unless `--fill 0` (then such a span keeps no
//! speaker, as with the rules).
//!
//! With `--cv DIR`, 5-fold cross-validation by document first: each fold's
//! held-out documents are extracted with the weights fitted on the other
//! four and written as DIR/foldK/{gold,out}/quotes.csv for score.py
//! (`scripts/speaker-cv.sh DIR` scores them), beside DIR/foldK/rule/ with
//! the rules alone.

#[path = "common/mod.rs"]
mod common;

use common::{
    folds, greedy_dice, keep_all_speech_weights, load, stem, words, write_fold, Args, Gold,
};
use kutip::document::Document;
use kutip::quotes::{Cues, Ranked, SPEAKER_FEATURES};
use kutip::{Pipeline, PipelineBuilder};
use rayon::prelude::*;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

const SEED: u64 = 17;
const FOLDS: usize = 5;
const STEPS: usize = 3000;
const RATE: f64 = 0.5;
const MOMENTUM: f64 = 0.9;

/// What the fit is told: the L2 penalty, the weight of a span whose only
/// right candidate is "nobody", whether spans no rule attributes teach.
#[derive(Clone, Copy)]
struct Settings {
    l2: f64,
    nobody: f64,
    fill: bool,
}

fn main() -> anyhow::Result<()> {
    let args = Args::read();
    let flag = |name: &str| args.flag(name);
    let data = args.data();
    let out = flag("--out");
    let cv = flag("--cv").map(PathBuf::from);

    let number = |name: &str, default: f64| -> anyhow::Result<f64> {
        Ok(flag(name)
            .map(|v| v.parse())
            .transpose()?
            .unwrap_or(default))
    };
    let set = Settings {
        l2: number("--l2", 0.003)?,
        nobody: number("--nobody", 0.5)?,
        fill: number("--fill", 1.0)? != 0.0,
    };
    let (docs, gold, header) = load(&data)?;
    eprintln!("{} documents", docs.len());
    let rule = pipeline(&rule_weights())?;
    // Examples come from every quoted span (the speech classifier keeping
    // all): the speech weights are fitted on the ranker's choices, so
    // reading them here would make each fit depend on the other.
    let learner = pipeline_keeping_every_span(&rule_weights())?;
    let examples: Vec<Vec<Example>> = docs
        .par_iter()
        .map(|d| examples_of(&learner, d, &gold, set.fill))
        .collect();
    let spans: usize = examples.iter().map(Vec::len).sum();
    eprintln!("{spans} quoted spans with candidates and a named gold speaker");
    let named = |e: &Example| {
        e.right
            .iter()
            .zip(&e.features)
            .any(|(r, f)| *r && f[nobody()] == 0.0)
    };
    let flat: Vec<&Example> = examples.iter().flatten().collect();
    let oracle = flat.iter().filter(|e| named(e)).count();
    let rule_right = flat
        .iter()
        .filter(|e| accuracy_pick(e, &rule_weights()))
        .count();
    eprintln!("a right named candidate: {oracle}; the rules right: {rule_right}");

    if let Some(dir) = &cv {
        let fold_of = folds(docs.len(), SEED, FOLDS);
        for k in 0..FOLDS {
            let train: Vec<&Example> = (0..docs.len())
                .filter(|&i| fold_of[i] != k)
                .flat_map(|i| &examples[i])
                .collect();
            let w = fit(&train, set);
            write_fold(
                dir,
                k,
                &docs,
                &fold_of,
                &gold,
                &header,
                &pipeline(&w)?,
                &rule,
            )?;
        }
    }

    let all: Vec<&Example> = examples.iter().flatten().collect();
    let w = fit(&all, set);
    let fit_right = all.iter().filter(|e| accuracy_pick(e, &w)).count();
    eprintln!("fitted, in sample: {fit_right}");
    let text = weights_text(&w, &data, spans, set);
    match out {
        Some(p) => std::fs::write(p, text)?,
        None => print!("{text}"),
    }
    Ok(())
}

/// The index of the "nobody" feature.
fn nobody() -> usize {
    SPEAKER_FEATURES
        .iter()
        .position(|f| *f == "nobody")
        .unwrap()
}

/// Is the candidate `weights` pick right (a named one)?
fn accuracy_pick(e: &Example, weights: &str) -> bool {
    let w: Vec<f32> = weights
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.split('\t').nth(1).unwrap().parse().unwrap())
        .collect();
    let mut best = (0, f32::NEG_INFINITY);
    for (i, f) in e.features.iter().enumerate() {
        let s: f32 = f.iter().zip(&w).map(|(x, w)| x * w).sum();
        if s > best.1 {
            best = (i, s);
        }
    }
    e.right[best.0] && e.features[best.0][nobody()] == 0.0
}

/// One quoted span: its candidates' features ("nobody" last) and which
/// are right.
struct Example {
    features: Vec<Vec<f32>>,
    right: Vec<bool>,
}

fn rule_weights() -> String {
    SPEAKER_FEATURES
        .iter()
        .map(|f| {
            let w = match *f {
                "first" => 1.0,
                "nobody" => 0.5,
                _ => 0.0,
            };
            format!("{f}\t{w}\n")
        })
        .collect()
}

fn pipeline(weights: &str) -> anyhow::Result<Pipeline> {
    let mut cues = Cues::defaults()?;
    cues.set_speaker_weights(weights)?;
    Ok(PipelineBuilder::new().cues(cues).build()?)
}

fn pipeline_keeping_every_span(weights: &str) -> anyhow::Result<Pipeline> {
    let mut cues = Cues::defaults()?;
    cues.set_speaker_weights(weights)?;
    cues.set_speech_weights(&keep_all_speech_weights())?;
    Ok(PipelineBuilder::new().cues(cues).build()?)
}

fn fold_text(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The quoted spans of one document with a named gold speaker.
fn examples_of(rule: &Pipeline, doc: &Document, gold: &Gold, fill: bool) -> Vec<Example> {
    let Some(rows) = gold.get(stem(&doc.id)) else {
        return Vec::new();
    };
    let quoted: Vec<&csv::StringRecord> = rows
        .iter()
        .filter(|g| &g[1] == "direct" || &g[1] == "partial")
        .collect();
    let names: HashSet<String> = rows
        .iter()
        .flat_map(|g| g[3].split('|').map(fold_text))
        .collect();
    let (out, ranked) = rule.process_ranked(doc);
    let gw: Vec<_> = quoted.iter().map(|g| words(&g[4])).collect();
    let preds: Vec<(usize, &str)> = out
        .quotes
        .iter()
        .enumerate()
        .filter(|&(pi, _)| ranked[pi].as_ref().is_some_and(|r| !r.features.is_empty()))
        .map(|(pi, q)| (pi, q.text.as_str()))
        .collect();
    let mut examples = Vec::new();
    for (gi, pi) in greedy_dice(&gw, &preds) {
        let g = quoted[gi];
        let accept: HashSet<String> = g[3]
            .split('|')
            .map(fold_text)
            .filter(|a| !a.is_empty())
            .collect();
        if accept.is_empty() {
            continue;
        }
        let r: &Ranked = ranked[pi].as_ref().unwrap();
        let said = fold_text(&g[2]);
        let mut right: Vec<bool> = r
            .speakers
            .iter()
            .map(|s| {
                s.as_deref().map(fold_text).is_some_and(|s| {
                    accept.contains(&s) || (names.contains(&s) && fuller(&s, &said))
                })
            })
            .collect();
        let features = r.features.clone();
        // No rule fired: the span teaches only if nearby names may fill it.
        if !fill && !features.iter().any(|f| f[1..8].contains(&1.0)) {
            continue;
        }
        // "Nobody" (last) is right where no named candidate is.
        let none_right = !right.iter().any(|&b| b);
        *right.last_mut().unwrap() = none_right;
        examples.push(Example { features, right });
    }
    examples
}

/// score.py's fuller name: `said` holds `named`'s words in a row, and more.
fn fuller(said: &str, named: &str) -> bool {
    let (s, a): (Vec<&str>, Vec<&str>) = (said.split(' ').collect(), named.split(' ').collect());
    !a.is_empty() && a.len() < s.len() && s.windows(a.len()).any(|w| w == a.as_slice())
}

/// The listwise logistic regression: a softmax over each span's
/// candidates, minus the log of the right ones' probability (a span whose
/// only right one is "nobody" weighs `set.nobody`), plus `set.l2` / 2
/// times the squared weights; full-batch gradient descent with momentum
/// from zero. Returns the weights file's lines.
fn fit(examples: &[&Example], set: Settings) -> String {
    /// A candidate's non-zero features: (index, value).
    type Sparse = Vec<(usize, f64)>;
    let n = SPEAKER_FEATURES.len();
    // Sparse rows: most features of a candidate are 0.
    let rows: Vec<(f64, Vec<Sparse>, &[bool])> = examples
        .iter()
        .map(|e| {
            let named = e.right[..e.right.len() - 1].iter().any(|&b| b);
            let cands = e
                .features
                .iter()
                .map(|f| {
                    f.iter()
                        .enumerate()
                        .filter(|(_, x)| **x != 0.0)
                        .map(|(i, x)| (i, f64::from(*x)))
                        .collect()
                })
                .collect();
            (if named { 1.0 } else { set.nobody }, cands, &e.right[..])
        })
        .collect();
    let total: f64 = rows.iter().map(|r| r.0).sum::<f64>().max(1.0);
    let mut w = vec![0.0f64; n];
    let mut velocity = vec![0.0f64; n];
    let mut grad = vec![0.0f64; n];
    for _ in 0..STEPS {
        grad.iter_mut().zip(&w).for_each(|(g, w)| *g = set.l2 * w);
        for (weight, cands, right) in &rows {
            let scores: Vec<f64> = cands
                .iter()
                .map(|c| c.iter().map(|&(i, x)| w[i] * x).sum())
                .collect();
            let top = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let exp: Vec<f64> = scores.iter().map(|s| (s - top).exp()).collect();
            let z: f64 = exp.iter().sum();
            let zr: f64 = exp
                .iter()
                .zip(*right)
                .filter(|(_, r)| **r)
                .map(|(e, _)| e)
                .sum();
            for ((c, e), r) in cands.iter().zip(&exp).zip(*right) {
                // d(-log P(right)) / d score = p - p_right-normalised.
                let d = e / z - if *r { e / zr } else { 0.0 };
                for &(i, x) in c {
                    grad[i] += weight * d * x / total;
                }
            }
        }
        for ((w, v), g) in w.iter_mut().zip(&mut velocity).zip(&grad) {
            *v = MOMENTUM * *v - RATE * g;
            *w += *v;
        }
    }
    SPEAKER_FEATURES
        .iter()
        .zip(&w)
        .map(|(f, w)| format!("{f}\t{:.4}\n", w + 0.0))
        .collect()
}

fn weights_text(w: &str, data: &Path, spans: usize, set: Settings) -> String {
    format!(
        "# Speaker ranker weights (English), fitted by\n\
         #   cargo run --release --example train_speakers -- {} --l2 {} --nobody {} --fill {}\n\
         # on PolNeAR train (github.com/networkdynamics/PolNeAR at\n\
         # c3eee833c035bf7b8c84f55b58c0bf7346cfae76, train split; no licence\n\
         # stated, research corpus: only these numbers are taken from it;\n\
         # Newell, Margolin and Ruths, LREC 2018): {spans} quoted spans.\n\
         # Listwise logistic regression (softmax over each span's candidates,\n\
         # \"nobody\" among them), {STEPS} steps of gradient descent, rate {RATE},\n\
         # momentum {MOMENTUM}.\n{w}",
        data.display(),
        set.l2,
        set.nobody,
        u8::from(set.fill),
    )
}
