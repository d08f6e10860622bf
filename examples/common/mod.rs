//! What the trainers share: reading a gold set in the eval format,
//! score.py's matching of texts, seeded folds, and writing tables that
//! score.py reads.
#![allow(dead_code)]

use kutip::document::Document;
use kutip::quotes::SPEECH_FEATURES;
use kutip::Pipeline;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

pub type Gold = HashMap<String, Vec<csv::StringRecord>>;

pub fn load(data: &Path) -> anyhow::Result<(Vec<Document>, Gold, csv::StringRecord)> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(data.join("docs"))?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    names.sort();
    let docs = names
        .iter()
        .map(|p| {
            let id = p.file_name().unwrap().to_string_lossy().into_owned();
            Ok(Document {
                id: id.clone(),
                source: id,
                title: None,
                text: std::fs::read_to_string(p)?,
                warning: None,
            })
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let mut r = csv::Reader::from_path(data.join("quotes.csv"))?;
    let header = r.headers()?.clone();
    let mut gold = Gold::new();
    for row in r.records() {
        let row = row?;
        gold.entry(row[0].to_string()).or_default().push(row);
    }
    Ok((docs, gold, header))
}

pub fn stem(id: &str) -> &str {
    id.rsplit_once('.').map_or(id, |(s, _)| s)
}

/// score.py's words: runs of letters and digits, lowercased.
pub fn words(s: &str) -> HashMap<String, usize> {
    let mut m = HashMap::new();
    for w in s
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        *m.entry(w.to_string()).or_insert(0) += 1;
    }
    m
}

/// score.py's Dice of two texts' word multisets.
pub fn dice(a: &HashMap<String, usize>, b: &HashMap<String, usize>) -> f64 {
    let n: usize = a.values().sum::<usize>() + b.values().sum::<usize>();
    let common: usize = a
        .iter()
        .map(|(w, c)| (*c).min(*b.get(w).unwrap_or(&0)))
        .sum();
    if n == 0 {
        0.0
    } else {
        2.0 * common as f64 / n as f64
    }
}

/// score.py's greedy best-Dice matching of gold texts (as word multisets)
/// to predicted ones (`(index, text)`): pairs of Dice 0.6 or more, best
/// first, each side used once. Returns `(gold, predicted index)` in that
/// order.
pub fn greedy_dice(
    gold: &[HashMap<String, usize>],
    preds: &[(usize, &str)],
) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    for &(pi, text) in preds {
        let pw = words(text);
        for (gi, g) in gold.iter().enumerate() {
            let d = dice(g, &pw);
            if d >= 0.6 {
                pairs.push((d, gi, pi));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0));
    let (mut gused, mut pused) = (HashSet::new(), HashSet::new());
    let mut matched = Vec::new();
    for (_, gi, pi) in pairs {
        if !gused.contains(&gi) && !pused.contains(&pi) {
            gused.insert(gi);
            pused.insert(pi);
            matched.push((gi, pi));
        }
    }
    matched
}

pub fn write_gold(
    dir: &Path,
    docs: &[&Document],
    gold: &Gold,
    header: &csv::StringRecord,
) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut w = csv::Writer::from_path(dir.join("quotes.csv"))?;
    w.write_record(header)?;
    for d in docs {
        for row in gold.get(stem(&d.id)).into_iter().flatten() {
            w.write_record(row)?;
        }
    }
    Ok(w.flush()?)
}

/// One cross-validation fold's held-out documents (`fold_of[i] == k`)
/// written as DIR/fold{k+1}/{gold,out,rule}/quotes.csv: the gold, the
/// pipeline with the fold's fitted weights, and the rules alone.
#[allow(clippy::too_many_arguments)]
pub fn write_fold(
    dir: &Path,
    k: usize,
    docs: &[Document],
    fold_of: &[usize],
    gold: &Gold,
    header: &csv::StringRecord,
    fitted: &Pipeline,
    rule: &Pipeline,
) -> anyhow::Result<()> {
    let held: Vec<&Document> = (0..docs.len())
        .filter(|&i| fold_of[i] == k)
        .map(|i| &docs[i])
        .collect();
    let fold = dir.join(format!("fold{}", k + 1));
    write_gold(&fold.join("gold"), &held, gold, header)?;
    write_out(&fold.join("out"), fitted, &held)?;
    write_out(&fold.join("rule"), rule, &held)?;
    eprintln!("fold {} written", k + 1);
    Ok(())
}

pub fn write_out(dir: &Path, p: &Pipeline, docs: &[&Document]) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir)?;
    let outs: Vec<_> = docs.par_iter().map(|d| p.process(d)).collect();
    let mut w = csv::Writer::from_path(dir.join("quotes.csv"))?;
    w.write_record([
        "doc_id",
        "start",
        "end",
        "kind",
        "text",
        "speaker_id",
        "speaker",
        "cue",
        "method",
    ])?;
    for o in &outs {
        for q in &o.quotes {
            w.write_record([
                &q.doc_id,
                &q.start.to_string(),
                &q.end.to_string(),
                &q.kind,
                &q.text,
                &q.speaker_id,
                &q.speaker,
                &q.cue,
                &q.method,
            ])?;
        }
    }
    Ok(w.flush()?)
}

/// A seeded xorshift: the same folds and the same fit on every run.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            v.swap(i, (self.next() % (i as u64 + 1)) as usize);
        }
    }
}

/// Folds of `n` documents: a seeded shuffle dealt into `k` folds.
pub fn folds(n: usize, seed: u64, k: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    Rng(seed).shuffle(&mut order);
    let mut fold = vec![0; n];
    for (i, &d) in order.iter().enumerate() {
        fold[d] = i % k;
    }
    fold
}

/// The command line: the data folder first, then `--name value` flags.
pub struct Args(pub Vec<String>);

impl Args {
    pub fn read() -> Args {
        Args(std::env::args().skip(1).collect())
    }

    /// The value after `--name`, if given.
    pub fn flag(&self, name: &str) -> Option<String> {
        self.0
            .iter()
            .position(|a| a == name)
            .and_then(|i| self.0.get(i + 1))
            .cloned()
    }

    /// The data folder (PolNeAR train unless given).
    pub fn data(&self) -> PathBuf {
        PathBuf::from(
            self.0
                .first()
                .filter(|a| !a.starts_with("--"))
                .cloned()
                .unwrap_or_else(|| "../shared/train/polnear-train".into()),
        )
    }
}

/// Speech weights that keep every quoted span (every weight 0, threshold
/// -inf): what both trainers read the pipeline with, so neither fit
/// depends on the other's shipped weights.
pub fn keep_all_speech_weights() -> String {
    speech_weights_lines(&vec![0.0; SPEECH_FEATURES.len()], f64::NEG_INFINITY)
}

/// A speech weights file: one `feature<TAB>weight` line each, then the
/// threshold.
pub fn speech_weights_lines(w: &[f64], threshold: f64) -> String {
    let mut s: String = SPEECH_FEATURES
        .iter()
        .zip(w)
        .map(|(f, w)| format!("{f}\t{w:.4}\n"))
        .collect();
    s.push_str(&format!("threshold\t{threshold}\n"));
    s
}
