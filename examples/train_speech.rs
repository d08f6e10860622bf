//! Fits the speech classifier's weights (`src/quotes/speech-weights.tsv`)
//! on an attribution gold set in the eval format (docs/ + quotes.csv), by
//! default PolNeAR train:
//!
//!     cargo run --release --example train_speech -- ../shared/train/polnear-train \
//!         --out src/quotes/speech-weights.tsv --cv /tmp/speech-cv
//!
//! Every quoted span the pipeline makes a quote of (with the classifier
//! keeping all) is an example: speech when it matches a gold direct or
//! partial quote as score.py matches them (word Dice >= 0.6, best first),
//! else not (PolNeAR gives quoted spans no attribution when nobody says
//! them: scare quotes, terms, titles). An L2-regularised logistic
//! regression (full-batch gradient descent, no randomness) fits the
//! weights. The threshold is chosen by 5-fold cross-validation by
//! document (seeded folds): of the candidate thresholds whose quoted F1
//! over the out-of-fold spans is within 0.001 of the best, the most
//! precise (precision first).
//!
//! With `--cv DIR`, each fold's held-out documents are also extracted with
//! the weights fitted on the other four and written as
//! DIR/foldK/{gold,out,rule}/quotes.csv (rule: every span kept), which
//! `scripts/speaker-cv.sh DIR` scores. For choosing features and checking
//! on a dev set: `--drop F1,F2` leaves features out of the fit,
//! `--threshold T` overrides the chosen threshold (`-inf` keeps every
//! span), `--write SET OUT` extracts SET/docs with the fitted weights into
//! OUT/quotes.csv for score.py.

#[path = "common/mod.rs"]
mod common;

use common::{
    folds, greedy_dice, keep_all_speech_weights, load, speech_weights_lines, stem, words,
    write_fold, write_out, Args, Gold,
};
use kutip::document::Document;
use kutip::quotes::{Cues, SPEECH_FEATURES};
use kutip::{Pipeline, PipelineBuilder};
use rayon::prelude::*;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

const SEED: u64 = 17;
const FOLDS: usize = 5;
const ITERATIONS: usize = 2000;
const RATE: f64 = 0.5;
const L2: f64 = 0.001;
/// Candidate thresholds (logits), from keeping nearly all spans up.
const THRESHOLDS: &[f64] = &[
    -4.0, -3.0, -2.5, -2.0, -1.75, -1.5, -1.25, -1.0, -0.75, -0.5, -0.25, 0.0, 0.25, 0.5, 0.75, 1.0,
];

/// One quoted span: its features and whether gold calls it speech.
struct Example {
    features: Vec<f64>,
    speech: bool,
}

fn main() -> anyhow::Result<()> {
    let args = Args::read();
    let flag = |name: &str| args.flag(name);
    let data = args.data();
    let (docs, gold, header) = load(&data)?;
    // Features left out of the fit (weight 0), for choosing features.
    let dropped: Vec<usize> = flag("--drop")
        .unwrap_or_default()
        .split(',')
        .filter(|f| !f.is_empty())
        .map(|f| {
            SPEECH_FEATURES
                .iter()
                .position(|x| *x == f)
                .ok_or_else(|| anyhow::anyhow!("no feature {f}"))
        })
        .collect::<anyhow::Result<_>>()?;
    let keep_all = keep_all_speech_weights();
    let all_kept = pipeline(&keep_all)?;
    let examples: Vec<Vec<Example>> = docs
        .par_iter()
        .map(|d| examples_of(&all_kept, d, &gold, &dropped))
        .collect();
    let flat: Vec<&Example> = examples.iter().flatten().collect();
    let gold_quoted: usize = docs.iter().map(|d| quoted_gold(&gold, d).len()).sum();
    eprintln!(
        "{} documents, {} quoted spans ({} speech), {gold_quoted} gold quoted quotes",
        docs.len(),
        flat.len(),
        flat.iter().filter(|e| e.speech).count()
    );

    // Out-of-fold scores, to choose the threshold.
    let fold_of = folds(docs.len(), SEED, FOLDS);
    let mut held_scores: Vec<(f64, bool)> = Vec::new();
    let mut fold_weights = Vec::new();
    for k in 0..FOLDS {
        let train: Vec<&Example> = (0..docs.len())
            .filter(|&i| fold_of[i] != k)
            .flat_map(|i| &examples[i])
            .collect();
        let w = fit(&train);
        for i in (0..docs.len()).filter(|&i| fold_of[i] == k) {
            held_scores.extend(
                examples[i]
                    .iter()
                    .map(|e| (score(&w, &e.features), e.speech)),
            );
        }
        fold_weights.push(w);
    }
    let tp_all = held_scores.iter().filter(|s| s.1).count();
    let f1 = |tp: usize, pred: usize| 2.0 * tp as f64 / (pred + gold_quoted) as f64;
    eprintln!(
        "keeping all: quoted P {:.3} R {:.3} F1 {:.3} (the spans' own matching)",
        tp_all as f64 / held_scores.len() as f64,
        tp_all as f64 / gold_quoted as f64,
        f1(tp_all, held_scores.len())
    );
    let mut at: Vec<(f64, f64, f64)> = Vec::new();
    for &t in THRESHOLDS {
        let kept: Vec<&(f64, bool)> = held_scores.iter().filter(|s| s.0 >= t).collect();
        let tp = kept.iter().filter(|s| s.1).count();
        let (p, f) = (tp as f64 / kept.len() as f64, f1(tp, kept.len()));
        eprintln!(
            "threshold {t:>5}: drops {:>4} spans ({:>3} speech); CV quoted P {p:.3} R {:.3} F1 {f:.3}",
            held_scores.len() - kept.len(),
            tp_all - tp,
            tp as f64 / gold_quoted as f64
        );
        at.push((t, f, p));
    }
    // Precision first: of the thresholds within 0.001 of the best F1, the
    // most precise.
    let top = at.iter().map(|a| a.1).fold(f64::NEG_INFINITY, f64::max);
    let best = at
        .iter()
        .filter(|a| a.1 >= top - 0.001)
        .max_by(|a, b| a.2.total_cmp(&b.2))
        .copied()
        .expect("thresholds");
    let threshold = match flag("--threshold") {
        Some(t) => t.parse()?,
        None => best.0,
    };
    eprintln!("chosen threshold {threshold}");

    if let Some(dir) = flag("--cv").map(PathBuf::from) {
        for (k, w) in fold_weights.iter().enumerate() {
            let fitted = pipeline(&speech_weights_lines(w, threshold))?;
            write_fold(&dir, k, &docs, &fold_of, &gold, &header, &fitted, &all_kept)?;
        }
    }

    let w = fit(&flat);
    let text = format!(
        "# Speech classifier weights (is a quoted span speech?), fitted by\n\
         #   cargo run --release --example train_speech -- {}\n\
         # on PolNeAR train (github.com/networkdynamics/PolNeAR at\n\
         # c3eee833c035bf7b8c84f55b58c0bf7346cfae76, train split; no licence\n\
         # stated, research corpus: only these numbers are taken from it;\n\
         # Newell, Margolin and Ruths, LREC 2018): {} quoted spans, {} of\n\
         # them speech. Logistic regression, {ITERATIONS} steps of rate {RATE},\n\
         # L2 {L2}; threshold by 5-fold CV by document (seed {SEED}): CV quoted\n\
         # F1 {:.3} -> {:.3}.\n{}",
        data.display(),
        flat.len(),
        flat.iter().filter(|e| e.speech).count(),
        f1(tp_all, held_scores.len()),
        best.1,
        speech_weights_lines(&w, threshold)
    );
    // `--write DIR OUT`: DIR/docs extracted with these weights, for score.py.
    if let Some(set) = flag("--write").map(PathBuf::from) {
        let out = args
            .0
            .iter()
            .position(|a| a == "--write")
            .and_then(|i| args.0.get(i + 2))
            .ok_or_else(|| anyhow::anyhow!("--write DIR OUT"))?;
        let (set_docs, _, _) = load(&set)?;
        let refs: Vec<&Document> = set_docs.iter().collect();
        write_out(
            Path::new(out),
            &pipeline(&speech_weights_lines(&w, threshold))?,
            &refs,
        )?;
    }
    match flag("--out") {
        Some(p) => std::fs::write(p, text)?,
        None => print!("{text}"),
    }
    Ok(())
}

fn pipeline(weights: &str) -> anyhow::Result<Pipeline> {
    let mut cues = Cues::defaults()?;
    cues.set_speech_weights(weights)?;
    Ok(PipelineBuilder::new().cues(cues).build()?)
}

fn score(w: &[f64], f: &[f64]) -> f64 {
    w.iter().zip(f).map(|(w, x)| w * x).sum()
}

/// Logistic regression by full-batch gradient descent from zero weights.
fn fit(examples: &[&Example]) -> Vec<f64> {
    let n = SPEECH_FEATURES.len();
    let mut w = vec![0.0; n];
    let m = examples.len().max(1) as f64;
    for _ in 0..ITERATIONS {
        let mut grad = vec![0.0; n];
        for e in examples {
            let p = 1.0 / (1.0 + (-score(&w, &e.features)).exp());
            let err = p - f64::from(u8::from(e.speech));
            for (g, x) in grad.iter_mut().zip(&e.features) {
                *g += err * x;
            }
        }
        for (i, (w, g)) in w.iter_mut().zip(&grad).enumerate() {
            // The bias (feature 0) is not regularised.
            let reg = if i == 0 { 0.0 } else { L2 * *w };
            *w -= RATE * (g / m + reg);
        }
    }
    w
}

fn quoted_gold<'g>(gold: &'g Gold, doc: &Document) -> Vec<&'g csv::StringRecord> {
    gold.get(stem(&doc.id))
        .into_iter()
        .flatten()
        .filter(|g| &g[1] == "direct" || &g[1] == "partial")
        .collect()
}

/// The quoted spans of one document, labelled.
fn examples_of(p: &Pipeline, doc: &Document, gold: &Gold, dropped: &[usize]) -> Vec<Example> {
    let quoted = quoted_gold(gold, doc);
    let (out, ranked) = p.process_ranked(doc);
    let gw: Vec<_> = quoted.iter().map(|g| words(&g[4])).collect();
    let spans: Vec<(usize, &[f32])> = out
        .quotes
        .iter()
        .enumerate()
        .filter_map(|(i, _)| {
            let r = ranked[i].as_ref()?;
            (!r.speech.is_empty()).then_some((i, r.speech.as_slice()))
        })
        .collect();
    let preds: Vec<(usize, &str)> = spans
        .iter()
        .map(|&(qi, _)| (qi, out.quotes[qi].text.as_str()))
        .collect();
    let matched: HashSet<usize> = greedy_dice(&gw, &preds)
        .into_iter()
        .map(|(_, qi)| qi)
        .collect();
    spans
        .iter()
        .map(|&(qi, f)| Example {
            features: f
                .iter()
                .enumerate()
                .map(|(i, &x)| {
                    if dropped.contains(&i) {
                        0.0
                    } else {
                        f64::from(x)
                    }
                })
                .collect(),
            speech: matched.contains(&qi),
        })
        .collect()
}
