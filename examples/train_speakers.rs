//! Fits the speaker ranker's weights (`src/quotes/sieves/speaker-weights.tsv`)
//! on an attribution gold set in the eval format (docs/ + quotes.csv with
//! `speaker` and `accept`), by default PolNeAR train:
//!
//!     cargo run --release --example train_speakers -- ../shared/train/polnear-train \
//!         --out src/quotes/sieves/speaker-weights.tsv --cv /tmp/speaker-cv
//!
//! Each quoted span's candidates (what every sieve proposes, and the
//! nearby names) come from the pipeline with the rule's choice winning; a
//! candidate is right when its name is one the gold accepts (or, as
//! score.py counts, a fuller form the gold uses in the document). Spans no
//! rule attributes, and spans with no right candidate, teach nothing (the
//! ranker leaves the former without a speaker: filling them with a nearby
//! name gained 1.2 points of CV attribution but two of three such names
//! were wrong). An averaged perceptron over a seeded shuffle fits the
//! weights.
//!
//! With `--cv DIR`, 5-fold cross-validation by document first: each fold's
//! held-out documents are extracted with the weights fitted on the other
//! four and written as DIR/foldK/{gold,out}/quotes.csv for score.py
//! (`scripts/speaker-cv.sh DIR` scores them), beside DIR/foldK/rule/ with
//! the rules alone.

#[path = "common/mod.rs"]
mod common;

use common::{folds, greedy_dice, load, stem, words, write_gold, write_out, Args, Gold, Rng};
use kutip::document::Document;
use kutip::quotes::{Cues, Ranked, SPEAKER_FEATURES};
use kutip::{Pipeline, PipelineBuilder};
use rayon::prelude::*;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

const SEED: u64 = 17;
const FOLDS: usize = 5;
const EPOCHS: usize = 20;
const RATE: f32 = 0.1;

fn main() -> anyhow::Result<()> {
    let args = Args::read();
    let flag = |name: &str| args.flag(name);
    let data = args.data();
    let out = flag("--out");
    let cv = flag("--cv").map(PathBuf::from);

    let (docs, gold, header) = load(&data)?;
    eprintln!("{} documents", docs.len());
    let rule = pipeline(&rule_weights())?;
    let examples: Vec<Vec<Example>> = docs
        .par_iter()
        .map(|d| examples_of(&rule, d, &gold))
        .collect();
    let spans: usize = examples.iter().map(Vec::len).sum();
    eprintln!("{spans} quoted spans with candidates and a named gold speaker");
    let flat: Vec<&Example> = examples.iter().flatten().collect();
    let oracle = flat
        .iter()
        .filter(|e| {
            e.right
                .iter()
                .zip(&e.features)
                .any(|(r, f)| *r && f[nobody()] == 0.0)
        })
        .count();
    let rule_right = flat
        .iter()
        .filter(|e| accuracy_pick(e, &rule_weights()))
        .count();
    eprintln!("a right candidate: {oracle}; the rules right: {rule_right}");

    if let Some(dir) = &cv {
        let fold_of = folds(docs.len(), SEED, FOLDS);
        for k in 0..FOLDS {
            let train: Vec<&Example> = (0..docs.len())
                .filter(|&i| fold_of[i] != k)
                .flat_map(|i| &examples[i])
                .collect();
            let w = fit(&train);
            let held: Vec<&Document> = (0..docs.len())
                .filter(|&i| fold_of[i] == k)
                .map(|i| &docs[i])
                .collect();
            let fold = dir.join(format!("fold{}", k + 1));
            write_gold(&fold.join("gold"), &held, &gold, &header)?;
            write_out(&fold.join("out"), &pipeline(&w)?, &held)?;
            write_out(&fold.join("rule"), &rule, &held)?;
            eprintln!("fold {} written", k + 1);
        }
    }

    let all: Vec<&Example> = examples.iter().flatten().collect();
    let w = fit(&all);
    let fit_right = all.iter().filter(|e| accuracy_pick(e, &w)).count();
    eprintln!("fitted, in sample: {fit_right}");
    let text = weights_text(&w, &data, spans);
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

/// One quoted span: its candidates' features and which are right.
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

fn fold_text(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The quoted spans of one document with a named gold speaker.
fn examples_of(rule: &Pipeline, doc: &Document, gold: &Gold) -> Vec<Example> {
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
        let mut features = r.features.clone();
        // "Nobody" competes only where no rule fired (as when ranking);
        // where one did and no candidate is right, the span teaches nothing.
        if features.iter().any(|f| f[1..8].contains(&1.0)) {
            features.pop();
            right.pop();
            if !right.iter().any(|&b| b) {
                continue;
            }
        } else {
            // No rule fired: no speaker, whatever is nearby.
            continue;
        }
        examples.push(Example { features, right });
    }
    examples
}

/// score.py's fuller name: `said` holds `named`'s words in a row, and more.
fn fuller(said: &str, named: &str) -> bool {
    let (s, a): (Vec<&str>, Vec<&str>) = (said.split(' ').collect(), named.split(' ').collect());
    !a.is_empty() && a.len() < s.len() && s.windows(a.len()).any(|w| w == a.as_slice())
}

/// Averaged perceptron over each span's candidates, from the rules'
/// weights: where the best-scoring candidate is wrong, the weights move
/// towards the best-scoring right one. Returns the weights file's lines.
fn fit(examples: &[&Example]) -> String {
    let n = SPEAKER_FEATURES.len();
    let mut w = vec![0.0f32; n];
    // Start from the rules: the first ruled candidate wins, else nobody.
    w[0] = 1.0;
    w[SPEAKER_FEATURES
        .iter()
        .position(|f| *f == "nobody")
        .unwrap()] = 0.5;
    let mut sum = vec![0.0f64; n];
    let mut steps = 0u64;
    let mut rng = Rng(SEED);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let score = |w: &[f32], f: &[f32]| -> f32 { f.iter().zip(w).map(|(x, w)| x * w).sum() };
    for _ in 0..EPOCHS {
        rng.shuffle(&mut order);
        for &i in &order {
            let e = examples[i];
            let argmax = |only_right: bool| {
                let mut best = (usize::MAX, f32::NEG_INFINITY);
                for (k, f) in e.features.iter().enumerate() {
                    let s = score(&w, f);
                    if (!only_right || e.right[k]) && s > best.1 {
                        best = (k, s);
                    }
                }
                best.0
            };
            let (got, want) = (argmax(false), argmax(true));
            if !e.right[got] {
                let (up, down) = (&e.features[want], &e.features[got]);
                for ((w, u), d) in w.iter_mut().zip(up).zip(down) {
                    *w += RATE * (u - d);
                }
            }
            for (s, w) in sum.iter_mut().zip(&w) {
                *s += f64::from(*w);
            }
            steps += 1;
        }
    }
    SPEAKER_FEATURES
        .iter()
        .zip(&sum)
        .map(|(f, s)| format!("{f}\t{:.4}\n", s / steps.max(1) as f64))
        .collect()
}

fn weights_text(w: &str, data: &Path, spans: usize) -> String {
    format!(
        "# Speaker ranker weights (English), fitted by\n\
         #   cargo run --release --example train_speakers -- {}\n\
         # on PolNeAR train (github.com/networkdynamics/PolNeAR at\n\
         # c3eee833c035bf7b8c84f55b58c0bf7346cfae76, train split; no licence\n\
         # stated, research corpus: only these numbers are taken from it;\n\
         # Newell, Margolin and Ruths, LREC 2018): {spans} quoted spans.\n\
         # Seed {SEED}, {EPOCHS} epochs, rate {RATE}, averaged perceptron.\n{w}",
        data.display()
    )
}
