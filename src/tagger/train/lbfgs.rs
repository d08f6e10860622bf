//! Limited-memory BFGS, with the orthant-wise variant (OWL-QN, Andrew and
//! Gao 2007) for an L1 penalty: the minimiser of the CRF's objective.
//!
//! Single-threaded and in a fixed order, so the same objective gives the
//! same point, bit for bit.

/// How the minimiser stops: after `iterations`, or earlier when the
/// objective fell by less than `delta` (relative) over the last 10.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stop {
    pub iterations: usize,
    pub delta: f64,
}

/// Corrections kept (the `m` of L-BFGS).
const MEMORY: usize = 6;
/// Armijo's sufficient decrease.
const ARMIJO: f64 = 1e-4;
/// Halvings of the step before the search gives up.
const MAX_HALVINGS: usize = 40;

/// Minimises `f(x) + c1 * |x[free..]|_1` from `x` (the first `free`
/// coordinates carry no L1 penalty), where `f` writes its gradient into
/// its second argument and returns its value. Returns the iterations run
/// and the final objective.
pub fn minimise<F>(mut f: F, x: &mut [f64], (c1, free): (f64, usize), stop: Stop) -> (usize, f64)
where
    F: FnMut(&[f64], &mut [f64]) -> f64,
{
    let n = x.len();
    let l1 = |x: &[f64]| c1 * x[free..].iter().map(|v| v.abs()).sum::<f64>();
    let mut g = vec![0.0; n];
    let mut fx = f(x, &mut g) + l1(x);
    let mut pg = vec![0.0; n];
    let mut d = vec![0.0; n];
    let mut xn = vec![0.0; n];
    let mut gn = vec![0.0; n];
    let mut hist: Vec<(Vec<f64>, Vec<f64>, f64)> = Vec::new();
    let mut past = vec![fx];
    let mut k = 0;
    while k < stop.iterations {
        pseudo_gradient(x, &g, c1, &mut pg);
        pg[..free].copy_from_slice(&g[..free]);
        if pg.iter().all(|&v| v == 0.0) {
            break;
        }
        direction(&pg, &hist, &mut d);
        if c1 > 0.0 {
            // Keep to the orthant the pseudo-gradient descends into.
            for (d, p) in d.iter_mut().zip(&pg).skip(free) {
                if *d * -*p <= 0.0 {
                    *d = 0.0;
                }
            }
        }
        let slope: f64 = d.iter().zip(&pg).map(|(d, p)| d * p).sum();
        if slope >= 0.0 {
            // Not a descent direction: start the memory afresh.
            if hist.is_empty() {
                break;
            }
            hist.clear();
            continue;
        }
        let mut step = if hist.is_empty() {
            1.0 / dot(&d, &d).sqrt()
        } else {
            1.0
        };
        let mut accepted = None;
        for _ in 0..MAX_HALVINGS {
            for i in 0..n {
                let v = x[i] + step * d[i];
                // OWL-QN: a weight does not cross zero within a step.
                let orthant = if x[i] != 0.0 { x[i] } else { -pg[i] };
                xn[i] = if c1 > 0.0 && i >= free && v * orthant <= 0.0 {
                    0.0
                } else {
                    v
                };
            }
            let fxn = f(&xn, &mut gn) + l1(&xn);
            let moved: f64 = (0..n).map(|i| (xn[i] - x[i]) * pg[i]).sum();
            if fxn <= fx + ARMIJO * moved {
                accepted = Some(fxn);
                break;
            }
            step *= 0.5;
        }
        let Some(fxn) = accepted else { break };
        let s: Vec<f64> = (0..n).map(|i| xn[i] - x[i]).collect();
        let y: Vec<f64> = (0..n).map(|i| gn[i] - g[i]).collect();
        let sy = dot(&s, &y);
        if sy > 0.0 {
            if hist.len() == MEMORY {
                hist.remove(0);
            }
            hist.push((s, y, sy));
        }
        x.copy_from_slice(&xn);
        g.copy_from_slice(&gn);
        fx = fxn;
        k += 1;
        past.push(fx);
        if past.len() > 10 {
            let before = past[past.len() - 11];
            if (before - fx) / fx.abs().max(1e-12) < stop.delta {
                break;
            }
        }
    }
    (k, fx)
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(a, b)| a * b).sum()
}

/// The gradient of `f + c1 |x|_1`, taking at a zero weight the one-sided
/// derivative that descends (0 when neither does).
fn pseudo_gradient(x: &[f64], g: &[f64], c1: f64, out: &mut [f64]) {
    for i in 0..x.len() {
        out[i] = if c1 == 0.0 {
            g[i]
        } else if x[i] > 0.0 {
            g[i] + c1
        } else if x[i] < 0.0 {
            g[i] - c1
        } else if g[i] + c1 < 0.0 {
            g[i] + c1
        } else if g[i] - c1 > 0.0 {
            g[i] - c1
        } else {
            0.0
        };
    }
}

/// `-H pg` by the two-loop recursion over the kept corrections.
fn direction(pg: &[f64], hist: &[(Vec<f64>, Vec<f64>, f64)], d: &mut [f64]) {
    for (d, p) in d.iter_mut().zip(pg) {
        *d = -p;
    }
    let mut alphas = vec![0.0; hist.len()];
    for (j, (s, y, sy)) in hist.iter().enumerate().rev() {
        let a = dot(s, d) / sy;
        alphas[j] = a;
        for (d, y) in d.iter_mut().zip(y) {
            *d -= a * y;
        }
    }
    if let Some((_, y, sy)) = hist.last() {
        let gamma = sy / dot(y, y);
        for d in d.iter_mut() {
            *d *= gamma;
        }
    }
    for (j, (s, y, sy)) in hist.iter().enumerate() {
        let b = dot(y, d) / sy;
        for (d, s) in d.iter_mut().zip(s) {
            *d += (alphas[j] - b) * s;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A quadratic bowl: L-BFGS finds its centre; with L1, the small
    /// coordinate goes to exactly zero and the large one shrinks.
    #[test]
    fn finds_the_minimum_of_a_quadratic_with_and_without_l1() {
        let centre = [3.0, -0.05, 1.0];
        let scales = [1.0, 4.0, 0.5];
        let f = |x: &[f64], g: &mut [f64]| {
            let mut v = 0.0;
            for i in 0..3 {
                let d = x[i] - centre[i];
                v += scales[i] * d * d;
                g[i] = 2.0 * scales[i] * d;
            }
            v
        };
        let stop = Stop {
            iterations: 100,
            delta: 1e-12,
        };
        let mut x = [0.0; 3];
        minimise(f, &mut x, (0.0, 0), stop);
        for i in 0..3 {
            assert!((x[i] - centre[i]).abs() < 1e-5, "{x:?}");
        }
        let mut x = [0.0; 3];
        minimise(f, &mut x, (1.0, 0), stop);
        // Minimum of s (x - c)^2 + |x|: x = c - sign(c) / (2 s) where that keeps c's sign.
        assert!((x[0] - 2.5).abs() < 1e-5, "{x:?}");
        assert_eq!(x[1], 0.0, "{x:?}");
        assert!(x[2].abs() < 1e-9, "{x:?}");
    }
}
