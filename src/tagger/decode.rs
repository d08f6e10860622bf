//! Viterbi decoding over the tags of one run of words.

use super::model::{allowed, LANES, START, TAGS};
use std::ops::Add;

/// The best tag sequence for `emissions` (one score per tag and word) and
/// `transitions` (previous tag by row, row [`START`] at the run's start),
/// among the sequences where every `I-` tag continues its name. `back` is
/// scratch space. Ties go to the lower tag (`O` first), so the answer does
/// not depend on anything but the scores.
pub fn viterbi<T>(
    emissions: &[[T; LANES]],
    transitions: &[[T; LANES]; LANES],
    back: &mut Vec<[u8; LANES]>,
    out: &mut Vec<u8>,
) -> Option<T>
where
    T: Copy + PartialOrd + Add<Output = T>,
{
    viterbi_outside(emissions, transitions, (0, 0), back, out)
}

/// Like [`viterbi`], with the words `outside.0..outside.1` forced to `O`;
/// returns the best path's score (None for no words).
pub fn viterbi_outside<T>(
    emissions: &[[T; LANES]],
    transitions: &[[T; LANES]; LANES],
    outside: (usize, usize),
    back: &mut Vec<[u8; LANES]>,
    out: &mut Vec<u8>,
) -> Option<T>
where
    T: Copy + PartialOrd + Add<Output = T>,
{
    out.clear();
    back.clear();
    let n = emissions.len();
    if n == 0 {
        return None;
    }
    let open = |i: usize, t: usize| t == 0 || i < outside.0 || i >= outside.1;
    // Best score of a path ending in each tag (None: no allowed path).
    let mut best: [Option<T>; TAGS] = [None; TAGS];
    for (t, b) in best.iter_mut().enumerate() {
        if allowed(START, t) && open(0, t) {
            *b = Some(transitions[START][t] + emissions[0][t]);
        }
    }
    back.push([0; LANES]);
    for (i, e) in emissions.iter().enumerate().skip(1) {
        let mut next: [Option<T>; TAGS] = [None; TAGS];
        let mut from = [0u8; LANES];
        for t in (0..TAGS).filter(|&t| open(i, t)) {
            for (p, bp) in best.iter().enumerate() {
                let Some(s) = *bp else { continue };
                if !allowed(p, t) {
                    continue;
                }
                let s = s + transitions[p][t];
                if next[t].is_none_or(|b| s > b) {
                    next[t] = Some(s);
                    from[t] = p as u8;
                }
            }
            if let Some(s) = next[t] {
                next[t] = Some(s + e[t]);
            }
        }
        best = next;
        back.push(from);
    }
    let mut last = 0usize;
    for t in 1..TAGS {
        if let (Some(s), Some(b)) = (best[t], best[last]) {
            if s > b {
                last = t;
            }
        }
    }
    backtrack(back, last, out);
    best[last]
}

/// Writes to `out` the tags of the path that ends in tag `last`, following
/// the back pointers (one row per word) from the last word to the first.
fn backtrack(back: &[[u8; LANES]], last: usize, out: &mut Vec<u8>) {
    out.resize(back.len(), 0);
    let mut t = last;
    for i in (0..back.len()).rev() {
        out[i] = t as u8;
        t = back[i][t] as usize;
    }
}

/// A score below every real path's: the transitions that are not allowed
/// and the tags of words forced outside names score so (and no sum drops
/// below it), which spares [`viterbi_scores`] the `Option`s of
/// [`viterbi_outside`].
pub const NEVER: i32 = i32::MIN / 4;

/// `transitions` with the ones [`allowed`] forbids set to [`NEVER`].
pub fn masked(transitions: &[[i32; LANES]; LANES]) -> [[i32; LANES]; LANES] {
    std::array::from_fn(|p| {
        std::array::from_fn(|t| {
            if t < TAGS && allowed(p, t) {
                transitions[p][t]
            } else {
                NEVER
            }
        })
    })
}

/// The score [`viterbi_scores`] gives with every word forced outside
/// names: the one tagging left, all `O`, summed directly. Runs up to
/// [`DIRECT_WORDS`] words (no score of theirs comes near [`NEVER`]); None
/// for longer ones (and an empty run).
pub fn all_outside(emissions: &[[i32; LANES]], masked: &[[i32; LANES]; LANES]) -> Option<i32> {
    let (first, rest) = emissions.split_first()?;
    if emissions.len() > DIRECT_WORDS {
        return None;
    }
    let mut score = masked[START][0] + first[0];
    for e in rest {
        score += masked[0][0] + e[0];
    }
    Some(score)
}

/// The longest run [`all_outside`] sums: a word adds at most 24 weights of
/// 128 and a transition of 32,768 (both i16 and i8 bound), so 4,096 words
/// stay far from [`NEVER`].
pub const DIRECT_WORDS: usize = 4096;

/// [`viterbi_outside`] for integer scores, with transitions from
/// [`masked`]: the same tags and score, a few times faster (the tagger
/// decodes every run and, for each name found, the run once more).
pub fn viterbi_scores(
    emissions: &[[i32; LANES]],
    masked: &[[i32; LANES]; LANES],
    outside: (usize, usize),
    back: &mut Vec<[u8; LANES]>,
    out: &mut Vec<u8>,
) -> Option<i32> {
    out.clear();
    back.clear();
    let n = emissions.len();
    if n == 0 {
        return None;
    }
    let forced = |i: usize| i >= outside.0 && i < outside.1;
    // The emissions of word `i`, with NEVER for names where it is forced out.
    let emission = |i: usize| {
        let mut e = emissions[i];
        if forced(i) {
            e[1..].fill(NEVER);
        }
        e
    };
    let e = emission(0);
    let mut best = [NEVER; LANES];
    for t in 0..TAGS {
        best[t] = (masked[START][t] + e[t]).max(NEVER);
    }
    if n == 1 {
        // Most runs are one word: no back pointers to keep.
        let last = (1..TAGS).fold(0, |l, t| if best[t] > best[l] { t } else { l });
        out.push(last as u8);
        return Some(best[last]);
    }
    back.resize(n, [0; LANES]);
    for (i, from) in back.iter_mut().enumerate().skip(1) {
        let mut next = [NEVER; LANES];
        // `O` and the begin tags follow any tag; ties go to the lower
        // previous tag, as in `viterbi_outside`.
        for t in [0, 1, 3, 5] {
            let (mut b, mut f) = (best[0] + masked[0][t], 0);
            for p in 1..TAGS {
                let s = best[p] + masked[p][t];
                if s > b {
                    b = s;
                    f = p;
                }
            }
            next[t] = b;
            from[t] = f as u8;
        }
        // An inside tag follows its own begin or inside tag only.
        for t in [2, 4, 6] {
            let (x, y) = (best[t - 1] + masked[t - 1][t], best[t] + masked[t][t]);
            (next[t], from[t]) = if y > x {
                (y, t as u8)
            } else {
                (x, t as u8 - 1)
            };
        }
        let e = emission(i);
        for t in 0..TAGS {
            best[t] = (next[t].max(NEVER) + e[t]).max(NEVER);
        }
    }
    let mut last = 0usize;
    for t in 1..TAGS {
        if best[t] > best[last] {
            last = t;
        }
    }
    backtrack(back, last, out);
    Some(best[last])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(em: &[[i32; LANES]], tr: &[[i32; LANES]; LANES]) -> Vec<u8> {
        let (mut back, mut out) = (Vec::new(), Vec::new());
        viterbi(em, tr, &mut back, &mut out);
        out
    }

    #[test]
    fn picks_the_best_allowed_sequence() {
        let tr = [[0; LANES]; LANES];
        // Word 2 alone prefers I-PER, which may not follow O: the best
        // allowed path is B-PER I-PER.
        let em = [[5, 4, 0, 0, 0, 0, 0, 0], [0, 0, 9, 0, 0, 0, 0, 0]];
        assert_eq!(decode(&em, &tr), [1, 2]);
        // A run cannot start inside a name.
        let em = [[0, 0, 9, 0, 0, 0, 0, 0]];
        assert_eq!(decode(&em, &tr), [0]);
    }

    #[test]
    fn transitions_weigh_in() {
        let mut tr = [[0; LANES]; LANES];
        let em = [[0, 3, 0, 0, 0, 0, 0, 0], [0, 3, 2, 0, 0, 0, 0, 0]];
        assert_eq!(decode(&em, &tr), [1, 1]);
        tr[1][2] = 2;
        assert_eq!(decode(&em, &tr), [1, 2]);
        assert!(decode(&[], &tr).is_empty());
    }

    #[test]
    fn words_can_be_forced_outside_names() {
        let tr = [[0; LANES]; LANES];
        let em = [[0, 5, 0, 0, 0, 0, 0, 0], [0, 0, 9, 0, 0, 3, 0, 0]];
        let (mut back, mut out) = (Vec::new(), Vec::new());
        assert_eq!(viterbi(&em, &tr, &mut back, &mut out), Some(14));
        let best = viterbi_outside(&em, &tr, (0, 1), &mut back, &mut out);
        assert_eq!((best, out.as_slice()), (Some(3), &[0u8, 5][..]));
    }

    /// Random scores, transitions and forced words: the integer decoder
    /// gives what the general one gives, ties included (small scores make
    /// many).
    #[test]
    fn all_outside_is_the_decoding_with_every_word_forced_outside() {
        let mut x = 0x0bad_5eed_1234_5678u64;
        let mut next = |m: i64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % (2 * m as u64 + 1)) as i32 - m as i32
        };
        let (mut back, mut out) = (Vec::new(), Vec::new());
        for round in 0..2000 {
            // Weights as large as the weights file holds, and small ones.
            let (m, e) = if round % 2 == 0 {
                (32767, 24 * 128)
            } else {
                (5, 5)
            };
            let n = (next(6) + 7) as usize;
            let tr: [[i32; LANES]; LANES] =
                std::array::from_fn(|_| std::array::from_fn(|_| next(m)));
            let em: Vec<[i32; LANES]> = (0..n).map(|_| std::array::from_fn(|_| next(e))).collect();
            let masked = masked(&tr);
            let want = viterbi_scores(&em, &masked, (0, n), &mut back, &mut out);
            assert_eq!(all_outside(&em, &masked), want, "{em:?} {tr:?}");
        }
        let long = vec![[24 * 128; LANES]; DIRECT_WORDS + 1];
        assert_eq!(all_outside(&long, &masked(&[[0; LANES]; LANES])), None);
    }

    #[test]
    fn integer_decoding_is_the_general_decoding() {
        let mut x = 0x1234_5678_9abc_def1u64;
        let mut next = |m: i64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % (2 * m as u64 + 1)) as i32 - m as i32
        };
        let (mut b1, mut o1, mut b2, mut o2) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for round in 0..3000 {
            let m = if round % 2 == 0 { 3 } else { 2000 };
            let n = (next(4) + 4) as usize;
            let tr: [[i32; LANES]; LANES] =
                std::array::from_fn(|_| std::array::from_fn(|_| next(m)));
            let em: Vec<[i32; LANES]> = (0..n).map(|_| std::array::from_fn(|_| next(m))).collect();
            let a = (next(4) + 4) as usize;
            let outside = (a.min(n), (a + (next(2) + 2) as usize).min(n));
            let general = viterbi_outside(&em, &tr, outside, &mut b1, &mut o1);
            let fast = viterbi_scores(&em, &masked(&tr), outside, &mut b2, &mut o2);
            assert_eq!((general, &o1), (fast, &o2), "{em:?} {tr:?} {outside:?}");
        }
    }

    #[test]
    fn ties_go_to_the_lower_tag() {
        let tr = [[0.0f32; LANES]; LANES];
        assert_eq!(
            {
                let (mut b, mut o) = (Vec::new(), Vec::new());
                viterbi(&[[1.0; LANES]], &tr, &mut b, &mut o);
                o
            },
            [0]
        );
    }
}
