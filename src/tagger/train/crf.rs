//! Fitting the tagger as a linear-chain conditional random field.
//!
//! The model is the one the tagger decodes (a weight per feature row and
//! tag, a weight per pair of tags, runs starting from [`START`]); a CRF
//! chooses the weights that maximise the conditional likelihood of each
//! run's gold tags, less `c1 |w|_1 + c2 |w|^2` (python-crfsuite's terms),
//! where the perceptron only corrects its own mistakes. The gradient comes
//! from forward-backward over each run's tags (an `I-` tag only continues
//! its own name, as in decoding), the minimum from L-BFGS ([`lbfgs`];
//! OWL-QN with L1). Everything runs on one thread in a fixed order: the
//! same data and settings give the same weights.

use super::lbfgs::{self, Stop};
use super::{run_gold, Floats, Prepared};
use crate::tagger::features::{FEATURES, TABLE_ROWS};
use crate::tagger::model::{allowed, LANES, START, TAGS};

/// Penalties and the stopping rule of a fit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Settings {
    /// L1 penalty per unit of weight (0: plain L-BFGS, no zeroing).
    pub c1: f64,
    /// L2 penalty per squared unit of weight.
    pub c2: f64,
    /// Are the transition weights penalised too (they are few and each
    /// seen often)?
    pub penalise_transitions: bool,
    pub stop: Stop,
}

/// The transition parameters come first: previous tag (row [`START`] at a
/// run's start) by tag.
const TRANSITIONS: usize = LANES * TAGS;

/// The runs of the training data, with their feature rows renumbered to
/// the rows the data use (most of the table is never hit).
struct Problem {
    /// Per word of every run, in order: the parameter offset of each
    /// feature's row.
    words: Vec<[u32; FEATURES]>,
    gold: Vec<u8>,
    /// Words `a..b` of `words` form a run.
    runs: Vec<(usize, usize)>,
    /// The table row of each used row, by its renumbered index.
    table_rows: Vec<u32>,
}

impl Problem {
    fn new(data: &[Prepared]) -> Problem {
        let mut index = vec![u32::MAX; TABLE_ROWS];
        let mut table_rows = Vec::new();
        let (mut words, mut gold, mut runs) = (Vec::new(), Vec::new(), Vec::new());
        let mut run_tags = Vec::new();
        for s in data {
            let mut at = 0;
            for &(a, b) in &s.runs {
                let start = words.len();
                for r in &s.rows[at..at + (b - a)] {
                    words.push(r.map(|r| {
                        if index[r as usize] == u32::MAX {
                            index[r as usize] = table_rows.len() as u32;
                            table_rows.push(r);
                        }
                        (TRANSITIONS + index[r as usize] as usize * TAGS) as u32
                    }));
                }
                at += b - a;
                run_gold(&s.gold, a, b, &mut run_tags);
                gold.extend_from_slice(&run_tags);
                runs.push((start, words.len()));
            }
        }
        Problem {
            words,
            gold,
            runs,
            table_rows,
        }
    }

    fn parameters(&self) -> usize {
        TRANSITIONS + self.table_rows.len() * TAGS
    }

    /// The negative log-likelihood of the gold tags plus the L2 penalty;
    /// its gradient goes to `grad`.
    fn objective(&self, x: &[f64], c2: f64, free: usize, grad: &mut [f64]) -> f64 {
        let mut value = 0.0;
        grad[..free].fill(0.0);
        for (g, w) in grad.iter_mut().zip(x).skip(free) {
            value += c2 * w * w;
            *g = 2.0 * c2 * w;
        }
        // exp of the transitions; 0 where a tag may not follow another.
        let mut trans = [[0.0f64; TAGS]; LANES];
        for (p, row) in trans.iter_mut().enumerate() {
            for (t, v) in row.iter_mut().enumerate() {
                if allowed(p, t) {
                    *v = x[p * TAGS + t].exp();
                }
            }
        }
        let mut lattice = Lattice::default();
        for &(a, b) in &self.runs {
            value += lattice.run(x, &trans, &self.words[a..b], &self.gold[a..b], grad);
        }
        value
    }

    /// The fitted parameters as the table and transitions the tagger reads.
    fn weights(&self, x: &[f64]) -> Floats {
        let mut rows = vec![[0.0f32; LANES]; TABLE_ROWS];
        for (k, &r) in self.table_rows.iter().enumerate() {
            for t in 0..TAGS {
                rows[r as usize][t] = x[TRANSITIONS + k * TAGS + t] as f32;
            }
        }
        let mut tr = [[0.0f32; LANES]; LANES];
        for (p, row) in tr.iter_mut().enumerate() {
            for (t, v) in row.iter_mut().enumerate().take(TAGS) {
                *v = x[p * TAGS + t] as f32;
            }
        }
        (rows, tr)
    }
}

/// Scratch space of forward-backward over one run, in scaled probability
/// space (each position's forward scores sum to 1).
#[derive(Default)]
struct Lattice {
    /// exp of each word's emission scores, less their maximum.
    emit: Vec<[f64; TAGS]>,
    forward: Vec<[f64; TAGS]>,
    backward: Vec<[f64; TAGS]>,
    /// The sum that normalised each position's forward scores.
    norm: Vec<f64>,
}

impl Lattice {
    /// One run's negative log-likelihood; adds its gradient to `grad`.
    fn run(
        &mut self,
        x: &[f64],
        trans: &[[f64; TAGS]; LANES],
        words: &[[u32; FEATURES]],
        gold: &[u8],
        grad: &mut [f64],
    ) -> f64 {
        let n = words.len();
        let (emit, fwd, bwd, norm) = (
            &mut self.emit,
            &mut self.forward,
            &mut self.backward,
            &mut self.norm,
        );
        emit.clear();
        let mut log_z = 0.0;
        let mut gold_score = 0.0;
        let mut prev = START;
        for (w, &g) in words.iter().zip(gold) {
            let mut e = [0.0f64; TAGS];
            for &off in w {
                let row = &x[off as usize..off as usize + TAGS];
                for (e, v) in e.iter_mut().zip(row) {
                    *e += v;
                }
            }
            gold_score += e[g as usize] + x[prev * TAGS + g as usize];
            prev = g as usize;
            let top = e.iter().fold(f64::MIN, |m, &v| m.max(v));
            log_z += top;
            emit.push(e.map(|v| (v - top).exp()));
        }
        fwd.clear();
        norm.clear();
        for i in 0..n {
            let mut a = [0.0f64; TAGS];
            for t in 0..TAGS {
                let into = if i == 0 {
                    trans[START][t]
                } else {
                    (0..TAGS).map(|p| fwd[i - 1][p] * trans[p][t]).sum()
                };
                a[t] = into * emit[i][t];
            }
            let z: f64 = a.iter().sum();
            log_z += z.ln();
            norm.push(z);
            fwd.push(a.map(|v| v / z));
        }
        bwd.clear();
        bwd.resize(n, [1.0; TAGS]);
        for i in (0..n.saturating_sub(1)).rev() {
            for p in 0..TAGS {
                bwd[i][p] = (0..TAGS)
                    .map(|t| trans[p][t] * emit[i + 1][t] * bwd[i + 1][t])
                    .sum::<f64>()
                    / norm[i + 1];
            }
        }
        for i in 0..n {
            for t in 0..TAGS {
                // The chance of tag t here, less the gold's 0 or 1.
                let mut d = fwd[i][t] * bwd[i][t];
                if gold[i] as usize == t {
                    d -= 1.0;
                }
                for &off in &words[i] {
                    grad[off as usize + t] += d;
                }
                // The transitions into tag t here.
                if i == 0 {
                    grad[START * TAGS + t] += d;
                    continue;
                }
                let into = emit[i][t] * bwd[i][t] / norm[i];
                for p in 0..TAGS {
                    let mut e = fwd[i - 1][p] * trans[p][t] * into;
                    if gold[i - 1] as usize == p && gold[i] as usize == t {
                        e -= 1.0;
                    }
                    grad[p * TAGS + t] += e;
                }
            }
        }
        log_z - gold_score
    }
}

/// Fits the CRF's weights on `data` (from all zero).
pub fn fit(data: &[Prepared], settings: &Settings) -> Floats {
    let problem = Problem::new(data);
    let mut x = vec![0.0; problem.parameters()];
    let free = if settings.penalise_transitions {
        0
    } else {
        TRANSITIONS
    };
    lbfgs::minimise(
        |x, g| problem.objective(x, settings.c2, free, g),
        &mut x,
        (settings.c1, free),
        settings.stop,
    );
    problem.weights(&x)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The gradient of the objective is its slope: compared with central
    /// differences on a small problem with random weights.
    #[test]
    fn the_gradient_is_the_objectives_slope() {
        let mk = |rows: &[[u32; 2]], gold: &[u8]| Prepared {
            runs: vec![(0, rows.len())],
            rows: rows
                .iter()
                .map(|r| std::array::from_fn(|f| r[f % 2] + f as u32 * 3))
                .collect(),
            gold: gold.to_vec(),
        };
        let data = [
            mk(&[[1, 2], [5, 2], [7, 9]], &[1, 2, 0]),
            mk(&[[3, 4]], &[5]),
            mk(&[[1, 9], [2, 2]], &[3, 4]),
        ];
        let p = Problem::new(&data);
        let mut seed = 0x9e37_79b9u64;
        let x: Vec<f64> = (0..p.parameters())
            .map(|_| {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                ((seed >> 33) as f64 / (1u64 << 31) as f64 - 0.5) * 0.8
            })
            .collect();
        let mut g = vec![0.0; x.len()];
        p.objective(&x, 0.1, 5, &mut g);
        let mut scratch = vec![0.0; x.len()];
        for i in (0..x.len()).step_by(3) {
            let h = 1e-5;
            let (mut up, mut down) = (x.clone(), x.clone());
            up[i] += h;
            down[i] -= h;
            let slope = (p.objective(&up, 0.1, 5, &mut scratch)
                - p.objective(&down, 0.1, 5, &mut scratch))
                / (2.0 * h);
            assert!(
                (slope - g[i]).abs() < 1e-6,
                "parameter {i}: {slope} vs {}",
                g[i]
            );
        }
    }
}
