//! Ranking the sieves' candidates: every sieve proposes (the sieve is a
//! feature, not a verdict), a linear scorer with fitted weights picks one.
//!
//! The weights (`speaker-weights.tsv`, fitted on PolNeAR train by
//! `cargo run --release --example train_speakers`, see its header) are
//! English: on Indonesian text the first candidate wins as before, since
//! weights fitted on one language did not carry over to the other.
//! A quote no rule attributes keeps no speaker (nearby names never fill
//! that gap); the "nobody" feature is kept for a ranker that may fit it.

use super::{Candidate, QuotedSpan};
use crate::error::{Error, Result};
use crate::gazetteer::EntityType;
use crate::quotes::context::Context;
use crate::quotes::model::{Method, QuoteKind};
use std::sync::{Arc, LazyLock};

/// The features, in the order of [`Features`] and of the weights file.
pub const FEATURES: &[&str] = &[
    "first",
    "sieve-transcript",
    "sieve-cue-after",
    "sieve-next-paragraph-cue",
    "sieve-cue-before",
    "sieve-colon-paragraph",
    "sieve-continuation",
    "sieve-sentence-subject",
    "nearby-previous-speaker",
    "nearby-last-person",
    "nobody",
    "unnamed",
    "listed",
    "person",
    "organization",
    "one-word",
    "agree",
    "previous-speaker",
    "pronoun",
    "description",
    "enclitic",
    "partial-first",
    "partial-subject",
    "quoted-before",
    "quotes-paragraph-opening",
];

const N: usize = FEATURES.len();
/// Index of the first sieve feature: sieve `i` is `SIEVE + i`.
const SIEVE: usize = 1;
const NOBODY: usize = 10;

/// One candidate's feature values.
pub type Features = [f32; N];

/// Weights of the linear scorer, one per feature.
#[derive(Debug, Clone, PartialEq)]
pub struct Weights(pub [f32; N]);

impl Weights {
    /// Reads `feature<TAB>weight` lines; `#` starts a comment line. Every
    /// feature must be given once.
    pub fn parse(text: &str) -> Result<Weights> {
        let mut w = [f32::NAN; N];
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = |why: &str| Error::Cues {
                file: "speaker weights".into(),
                line: i + 1,
                message: why.into(),
            };
            let (name, value) = line.split_once('\t').ok_or_else(|| bad("no tab"))?;
            let k = FEATURES
                .iter()
                .position(|f| *f == name.trim())
                .ok_or_else(|| bad("unknown feature"))?;
            w[k] = value.trim().parse().map_err(|_| bad("not a number"))?;
        }
        if let Some(k) = w.iter().position(|v| v.is_nan()) {
            return Err(Error::Cues {
                file: "speaker weights".into(),
                line: 0,
                message: format!("no weight for {}", FEATURES[k]),
            });
        }
        Ok(Weights(w))
    }

    fn score(&self, f: &Features) -> f32 {
        self.0.iter().zip(f).map(|(w, x)| w * x).sum()
    }
}

/// The shipped weights.
static SHIPPED: LazyLock<Arc<Weights>> = LazyLock::new(|| {
    Arc::new(Weights::parse(include_str!("speaker-weights.tsv")).expect("shipped weights parse"))
});

/// The shipped weights (what `Cues` uses unless told otherwise).
pub fn shipped() -> Arc<Weights> {
    SHIPPED.clone()
}

/// The candidates of `q` (sieve index, candidate), in sieve order, and
/// their features; "nobody" last.
pub fn featurize(cx: &Context, q: &QuotedSpan, found: &[(usize, Candidate)]) -> Vec<Features> {
    let fold = |c: &Candidate| c.speaker.as_ref().map(|s| s.name.to_lowercase());
    let names: Vec<Option<String>> = found.iter().map(|(_, c)| fold(c)).collect();
    let prev = cx
        .quotes()
        .last()
        .and_then(|p| p.speaker.as_ref())
        .map(|s| s.name.to_lowercase());
    let partial = q.kind == QuoteKind::Partial;
    let p = cx.input().paragraphs[q.paragraph];
    let opens = cx.text()[p.start..q.span.open].trim().is_empty();
    let quoted_before = |name: &str| {
        cx.quotes().iter().any(|x| {
            x.speaker
                .as_ref()
                .is_some_and(|s| s.name.to_lowercase() == name)
        })
    };
    let mut out = Vec::with_capacity(found.len() + 1);
    for (k, (sieve, c)) in found.iter().enumerate() {
        let mut f = [0.0; N];
        f[0] = f32::from(k == 0 && *sieve < super::SIEVES.len());
        f[SIEVE + sieve] = 1.0;
        match &c.speaker {
            None => f[11] = 1.0,
            Some(s) => {
                f[12] = f32::from(s.entity.is_some());
                f[13] = f32::from(s.kind == EntityType::Person);
                f[14] = f32::from(s.kind == EntityType::Organization);
                f[15] = f32::from(!s.name.contains(' '));
                let same = names
                    .iter()
                    .enumerate()
                    .filter(|&(j, n)| j != k && n.is_some() && *n == names[k])
                    .count();
                f[16] = same.min(3) as f32 / 3.0;
                f[17] = f32::from(prev.is_some() && prev == names[k]);
                f[23] = f32::from(names[k].as_deref().is_some_and(quoted_before));
            }
        }
        f[18] = f32::from(c.method == Method::Pronoun);
        f[19] = f32::from(c.method == Method::Description);
        f[20] = f32::from(c.method == Method::Enclitic);
        f[21] = f32::from(partial && k == 0);
        f[22] = f32::from(partial && c.method == Method::SentenceSubject);
        f[24] = f32::from(opens && k == 0);
        out.push(f);
    }
    let mut nobody = [0.0; N];
    nobody[NOBODY] = 1.0;
    out.push(nobody);
    out
}

/// Index of the best-scoring features (the earliest among equals).
pub fn best(w: &Weights, feats: &[Features]) -> usize {
    let mut best = (0, f32::NEG_INFINITY);
    for (i, f) in feats.iter().enumerate() {
        let s = w.score(f);
        if s > best.1 {
            best = (i, s);
        }
    }
    best.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_weights_name_every_feature() {
        assert!(shipped().0.iter().all(|w| w.is_finite()));
    }

    #[test]
    fn a_weights_file_missing_a_feature_is_refused() {
        let err = Weights::parse("first\t1.0\n").unwrap_err();
        assert!(err.to_string().contains("no weight for"), "{err}");
        assert!(Weights::parse("first 1.0\n").is_err());
        assert!(Weights::parse("bogus\t1.0\n").is_err());
    }

    #[test]
    fn the_earliest_of_equal_scores_wins() {
        let w = Weights([0.0; N]);
        assert_eq!(best(&w, &[[0.0; N], [0.0; N]]), 0);
        let mut w = w;
        w.0[NOBODY] = 1.0;
        let mut nobody = [0.0; N];
        nobody[NOBODY] = 1.0;
        assert_eq!(best(&w, &[[0.0; N], nobody]), 1);
    }
}
