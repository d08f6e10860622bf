//! Ranking the sieves' candidates: every sieve proposes (the sieve is a
//! feature, not a verdict), a linear scorer with fitted weights picks one.
//!
//! The weights (`speaker-weights.tsv`, fitted on PolNeAR train by
//! `cargo run --release --example train_speakers`, see its header) are
//! English: on Indonesian text the first candidate wins as before, since
//! weights fitted on one language did not carry over to the other.
//! "Nobody" is a candidate too: it wins where every candidate scores
//! lower (a quote no rule attributes keeps no speaker unless a nearby
//! name outscores it).

use super::{clause, Candidate, QuotedSpan};
use crate::error::{Error, Result};
use crate::gazetteer::EntityType;
use crate::quotes::context::Context;
use crate::quotes::model::{Method, QuoteKind, Speaker};
use crate::quotes::sieves::SIEVES;
use crate::quotes::words::words_up_to;
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
    "nearby-cue-subject",
    "nearby-nearest",
    "nobody",
    "unnamed",
    "listed",
    "person",
    "organization",
    "place",
    "not-person-after-pronoun",
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
    "tagged-person",
    "found-before",
    "found-after",
    "not-found",
    "same-sentence",
    "other-sentence",
    "previous-paragraph",
    "words-0-3",
    "words-4-10",
    "words-11-30",
    "words-31-more",
    "nearest",
    "next-to-cue",
    "sentence-initial",
    "role-before",
    "comma-after",
    "cue-subject",
    "cue-subject-same-sentence",
    "appositive",
    "modifier",
    "mentioned-once",
    "mentioned-2-3",
    "mentioned-4-more",
    "most-mentioned",
    "previous-speaker-close",
    "first-same-sentence",
    "first-found-after",
    "nearby-same-sentence",
    "nearby-next-to-cue",
    "nearby-partial",
    "nearby-quote-ends-paragraph",
    "partial-same-sentence",
    "nobody-no-rule",
    "nobody-partial",
    "nobody-opening",
    "nobody-first-unnamed",
    "nobody-first-weak",
    "nobody-first-not-found",
];

const N: usize = FEATURES.len();

/// The index of feature `name` (a compile-time error if there is none).
/// Call sites wrap it in `const { }`: called at run time, the search
/// over the names cost a tenth of the quote stage.
const fn at(name: &str) -> usize {
    match crate::quotes::position_of(FEATURES, name) {
        Some(i) => i,
        None => panic!("no such speaker feature"),
    }
}

/// Index of the first sieve feature: sieve `i` is `SIEVE + i`.
const SIEVE: usize = 1;
const NOBODY: usize = at("nobody");

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

/// Where a candidate is written nearest the quote.
struct Place {
    start: usize,
    end: usize,
    paragraph: usize,
    /// Words between it and the quote's marks.
    words: usize,
}

/// Where `s` is written nearest the quote (its surface, else the last
/// word of its name), whole words outside quotation marks, in the quote's
/// paragraph or the one before.
fn locate(cx: &Context, q: &QuotedSpan, s: &Speaker) -> Option<Place> {
    let upper = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    let last = s.name.split_whitespace().next_back();
    let ps = cx.input().paragraphs;
    let (from, to) = (ps[q.paragraph.saturating_sub(1)].start, ps[q.paragraph].end);
    let text = cx.text();
    let word_edge = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
    let nearest = |name: &str| {
        let mut best: Option<(usize, usize)> = None;
        let (hay, needle) = (&text.as_bytes()[from..to], name.as_bytes());
        // The leftmost non-overlapping matches, as `str::match_indices`
        // finds them: where the first byte stands (memchr), past the last
        // match. Names are short and their first byte rare: no searcher
        // to build per name.
        let mut past = 0;
        for i in memchr::memchr_iter(*needle.first()?, hay) {
            if i < past || !hay[i..].starts_with(needle) {
                continue;
            }
            past = i + needle.len();
            let (a, b) = (from + i, from + i + name.len());
            let inside = a >= q.span.open && a < q.span.close;
            if inside
                || !word_edge(text[..a].chars().next_back())
                || !word_edge(text[b..].chars().next())
                || cx.in_marks(a)
            {
                continue;
            }
            let away = if a < q.span.open {
                q.span.open - a
            } else {
                a - q.span.close
            };
            if best.is_none_or(|(d, _)| away < d) {
                best = Some((away, a));
            }
        }
        best.map(|(_, a)| (a, a + name.len()))
    };
    let (start, end) = Some(s.surface.as_str())
        .filter(upper)
        .and_then(nearest)
        .or_else(|| last.filter(upper).and_then(nearest))?;
    let between = if end <= q.span.open {
        &text[end..q.span.open]
    } else {
        &text[q.span.close.min(start)..start]
    };
    Some(Place {
        start,
        end,
        paragraph: cx.para_of(start)?,
        words: words_up_to(between, usize::MAX),
    })
}

/// The sentence of paragraph `pi` holding byte `b`.
fn sentence_of(cx: &Context, pi: usize, b: usize) -> Option<usize> {
    cx.sentences(pi).iter().position(|s| s.0 <= b && b < s.1)
}

/// The methods whose candidate is often wrong: a rule's guess, not a cue.
fn weak(m: Method) -> bool {
    matches!(
        m,
        Method::Pronoun
            | Method::Enclitic
            | Method::Continuation
            | Method::SentenceSubject
            | Method::Description
    )
}

/// The candidates of `q` (sieve index, candidate), in sieve order, and
/// their features; "nobody" last.
pub fn featurize(cx: &Context, q: &QuotedSpan, found: &[(usize, Candidate)]) -> Vec<Features> {
    // Names are compared case-folded ([`same_folded`]: no lowercased copy
    // per candidate and per earlier quote).
    let names: Vec<Option<&str>> = found
        .iter()
        .map(|(_, c)| c.speaker.as_ref().map(|s| s.name.as_str()))
        .collect();
    let last_quote = cx.quotes().iter().rev().find(|p| p.speaker.is_some());
    let prev = last_quote
        .and_then(|p| p.speaker.as_ref())
        .map(|s| s.name.as_str());
    let prev_close = last_quote.is_some_and(|p| p.paragraph + 1 >= q.paragraph);
    let partial = q.kind == QuoteKind::Partial;
    let text = cx.text();
    let p = cx.input().paragraphs[q.paragraph];
    let opens = text[p.start..q.span.open].trim().is_empty();
    let ends = text[q.span.close.min(p.end)..p.end]
        .chars()
        .all(|c| !c.is_alphanumeric());
    let quote_sentence = sentence_of(cx, q.paragraph, q.span.open);
    let quoted_before = |name: &str| {
        cx.quotes().iter().any(|x| {
            x.speaker
                .as_ref()
                .is_some_and(|s| same_folded(&s.name, name))
        })
    };
    let places: Vec<Option<Place>> = found
        .iter()
        .map(|(_, c)| c.speaker.as_ref().and_then(|s| locate(cx, q, s)))
        .collect();
    let mentioned: Vec<usize> = found
        .iter()
        .map(|(_, c)| {
            let last = c
                .speaker
                .as_ref()
                .and_then(|s| s.name.split_whitespace().next_back());
            last.and_then(|w| cx.doc().positions().get(w))
                .map_or(0, <[_]>::len)
        })
        .collect();
    let most = mentioned.iter().copied().max().unwrap_or(0);
    let nearest = places.iter().flatten().map(|p| p.words).min();
    let ruled = found
        .first()
        .filter(|(s, _)| *s < SIEVES.len())
        .map(|(_, c)| c);
    let tagged = |name: &str| {
        cx.input()
            .names
            .iter()
            .any(|n| n.kind == EntityType::Person && n.name == name)
    };
    let mut out = Vec::with_capacity(found.len() + 1);
    for (k, (sieve, c)) in found.iter().enumerate() {
        let mut f = [0.0; N];
        let first = k == 0 && *sieve < SIEVES.len();
        let nearby = *sieve >= SIEVES.len();
        f[const { at("first") }] = f32::from(first);
        f[SIEVE + sieve] = 1.0;
        match &c.speaker {
            None => f[const { at("unnamed") }] = 1.0,
            Some(s) => {
                f[const { at("listed") }] = f32::from(s.entity.is_some());
                f[const { at("person") }] = f32::from(s.kind == EntityType::Person);
                f[const { at("organization") }] = f32::from(s.kind == EntityType::Organization);
                let place = matches!(s.kind, EntityType::Location | EntityType::Country);
                f[const { at("place") }] = f32::from(place);
                // `she said` stands for a person: not a place or a group.
                let pronoun_cue =
                    ruled.is_some_and(|c| matches!(c.method, Method::Pronoun | Method::Enclitic));
                f[const { at("not-person-after-pronoun") }] =
                    f32::from(pronoun_cue && s.kind != EntityType::Person);
                f[const { at("one-word") }] = f32::from(!s.name.contains(' '));
                let same = names
                    .iter()
                    .enumerate()
                    .filter(|&(j, n)| j != k && n.is_some_and(|n| same_folded(n, &s.name)))
                    .count();
                f[const { at("agree") }] = same.min(3) as f32 / 3.0;
                let is_prev = prev.is_some_and(|p| same_folded(p, &s.name));
                f[const { at("previous-speaker") }] = f32::from(is_prev);
                f[const { at("previous-speaker-close") }] = f32::from(is_prev && prev_close);
                f[const { at("quoted-before") }] = f32::from(quoted_before(&s.name));
                f[const { at("tagged-person") }] = f32::from(s.entity.is_none() && tagged(&s.name));
                let m = mentioned[k];
                f[const { at("mentioned-once") }] = f32::from(m == 1);
                f[const { at("mentioned-2-3") }] = f32::from((2..=3).contains(&m));
                f[const { at("mentioned-4-more") }] = f32::from(m >= 4);
                f[const { at("most-mentioned") }] = f32::from(m > 0 && m == most);
            }
        }
        match &places[k] {
            None => f[const { at("not-found") }] = f32::from(c.speaker.is_some()),
            Some(pl) => {
                let before = pl.end <= q.span.open;
                f[const { at("found-before") }] = f32::from(before);
                f[const { at("found-after") }] = f32::from(!before);
                let same_sentence = pl.paragraph == q.paragraph
                    && quote_sentence.is_some()
                    && sentence_of(cx, pl.paragraph, pl.start) == quote_sentence;
                f[const { at("same-sentence") }] = f32::from(same_sentence);
                f[const { at("other-sentence") }] =
                    f32::from(pl.paragraph == q.paragraph && !same_sentence);
                f[const { at("previous-paragraph") }] = f32::from(pl.paragraph < q.paragraph);
                let bucket = match pl.words {
                    0..=3 => "words-0-3",
                    4..=10 => "words-4-10",
                    11..=30 => "words-11-30",
                    _ => "words-31-more",
                };
                f[at(bucket)] = 1.0;
                f[const { at("nearest") }] = f32::from(Some(pl.words) == nearest);
                let (pi, toks) = (pl.paragraph, cx.toks(pl.paragraph));
                let (j, e) = (cx.tok_at(pi, pl.start), cx.tok_at(pi, pl.end));
                let cue = (j.saturating_sub(2)..j)
                    .chain(e..(e + 2).min(toks.len()))
                    .any(|t| cx.cue_at(pi, t).is_some());
                f[const { at("next-to-cue") }] = f32::from(cue);
                f[const { at("sentence-initial") }] =
                    f32::from(j < toks.len() && cx.sentence_initial(pi, j));
                f[const { at("role-before") }] = f32::from(
                    j > 0 && {
                        let w = cx.word(toks[j - 1]);
                        w.chars().next().is_some_and(char::is_lowercase)
                            && text[toks[j - 1].end..toks[j].start] == *" "
                            && !cx.starts_cue(pi, j - 1)
                    },
                );
                f[const { at("comma-after") }] = f32::from(text[pl.end..].starts_with(','));
                let roles = clause::roles(cx, pi, j, e);
                f[const { at("cue-subject") }] = f32::from(roles.subject);
                f[const { at("cue-subject-same-sentence") }] =
                    f32::from(roles.subject && same_sentence);
                f[const { at("appositive") }] = f32::from(roles.appositive);
                f[const { at("modifier") }] = f32::from(roles.modifier);
                f[const { at("first-same-sentence") }] = f32::from(first && same_sentence);
                f[const { at("first-found-after") }] = f32::from(first && !before);
                f[const { at("nearby-same-sentence") }] = f32::from(nearby && same_sentence);
                f[const { at("nearby-next-to-cue") }] = f32::from(nearby && cue);
                f[const { at("partial-same-sentence") }] = f32::from(partial && same_sentence);
            }
        }
        f[const { at("pronoun") }] = f32::from(c.method == Method::Pronoun);
        f[const { at("description") }] = f32::from(c.method == Method::Description);
        f[const { at("enclitic") }] = f32::from(c.method == Method::Enclitic);
        f[const { at("partial-first") }] = f32::from(partial && first);
        f[const { at("partial-subject") }] =
            f32::from(partial && c.method == Method::SentenceSubject);
        f[const { at("quotes-paragraph-opening") }] = f32::from(opens && first);
        f[const { at("nearby-partial") }] = f32::from(nearby && partial);
        f[const { at("nearby-quote-ends-paragraph") }] = f32::from(nearby && ends);
        out.push(f);
    }
    let mut nobody = [0.0; N];
    nobody[NOBODY] = 1.0;
    nobody[const { at("nobody-no-rule") }] = f32::from(ruled.is_none());
    nobody[const { at("nobody-partial") }] = f32::from(partial);
    nobody[const { at("nobody-opening") }] = f32::from(opens);
    nobody[const { at("nobody-first-unnamed") }] =
        f32::from(ruled.is_some_and(|c| c.speaker.is_none()));
    nobody[const { at("nobody-first-weak") }] = f32::from(ruled.is_some_and(|c| weak(c.method)));
    nobody[const { at("nobody-first-not-found") }] =
        f32::from(ruled.is_some_and(|c| c.speaker.is_some()) && places[0].is_none());
    out.push(nobody);
    out
}

/// Are `a` and `b` equal lowercased (`str::to_lowercase`)? Char by char,
/// with no lowercased copy: equal chars need no lowercasing, most others
/// lowercase to one char each. A capital sigma (lowercased by its place in
/// the word) or a char lowercasing to several takes the slow way.
fn same_folded(a: &str, b: &str) -> bool {
    let (mut x, mut y) = (a.chars(), b.chars());
    loop {
        let (c, d) = match (x.next(), y.next()) {
            (None, None) => return true,
            // Every char lowercases to one char or more.
            (None, Some(_)) | (Some(_), None) => return false,
            (Some(c), Some(d)) => (c, d),
        };
        if c == 'Σ' || d == 'Σ' {
            return a.to_lowercase() == b.to_lowercase();
        }
        if c == d {
            continue;
        }
        if c.is_ascii() && d.is_ascii() {
            if !c.eq_ignore_ascii_case(&d) {
                return false;
            }
            continue;
        }
        let (mut lc, mut ld) = (c.to_lowercase(), d.to_lowercase());
        if lc.len() != 1 || ld.len() != 1 {
            return a
                .chars()
                .flat_map(char::to_lowercase)
                .eq(b.chars().flat_map(char::to_lowercase));
        }
        if lc.next() != ld.next() {
            return false;
        }
    }
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
    fn featurize_describes_where_each_candidate_stands() {
        use crate::quotes::testing::{person, Fixture};
        let f = Fixture::new(
            "Tom Hale spoke first on Monday at the hall.\nDewi Lestari said: “We are ready for the vote.”",
            &[person("Tom Hale"), person("Dewi Lestari")],
        );
        let (names, feats) = f.on_span("We are ready", |cx, q| {
            let found: Vec<(usize, Candidate)> = super::super::SIEVES
                .iter()
                .chain(super::super::RANKED_ONLY)
                .enumerate()
                .filter_map(|(i, propose)| propose(cx, q).map(|c| (i, c)))
                .collect();
            let names: Vec<String> = found
                .iter()
                .map(|(_, c)| c.speaker.as_ref().unwrap().name.clone())
                .collect();
            (names, featurize(cx, q, &found))
        });
        assert_eq!(names, ["Dewi Lestari", "Tom Hale", "Dewi Lestari"]);
        assert_eq!(feats.len(), 4, "three candidates and nobody");
        let on = |k: usize| -> Vec<&str> {
            FEATURES
                .iter()
                .zip(&feats[k])
                .filter(|(_, x)| **x != 0.0)
                .map(|(f, _)| *f)
                .collect()
        };
        let cue = on(0);
        for want in [
            "first",
            "sieve-cue-before",
            "listed",
            "person",
            "found-before",
            "same-sentence",
            "words-0-3",
            "nearest",
            "next-to-cue",
            "sentence-initial",
            "first-same-sentence",
            "cue-subject",
            "cue-subject-same-sentence",
        ] {
            assert!(cue.contains(&want), "{want} not in {cue:?}");
        }
        let near = on(1);
        for want in ["nearby-last-person", "previous-paragraph", "words-4-10"] {
            assert!(near.contains(&want), "{want} not in {near:?}");
        }
        assert!(!near.contains(&"first") && !near.contains(&"nearest"));
        assert!(!near.contains(&"cue-subject"));
        assert!(on(2).contains(&"nearby-cue-subject") && on(2).contains(&"cue-subject"));
        assert_eq!(on(3), ["nobody"]);
    }

    #[test]
    fn names_compare_as_their_lowercase_forms_do() {
        let pairs = [
            ("Retno Marsudi", "RETNO MARSUDI"),
            ("Retno Marsudi", "Retno Marsud"),
            ("Éhhadgrö", "ÉHHADGRÖ"),
            ("Göhfutetlét", "Gohfutetlet"),
            ("İlker", "i\u{307}lker"),
            ("ΟΔΥΣΣΕΑΣ", "οδυσσεας"),
            ("ΟΔΥΣΣΕΑΣ", "οδυσσεασ"),
            ("Straße", "STRASSE"),
            ("ǅemal", "ǆEMAL"),
            ("ΑΣ", "ας"),
            ("ΑΣΑ", "ασα"),
            ("İ", "i"),
            ("", ""),
        ];
        for (a, b) in pairs {
            let want = a.to_lowercase() == b.to_lowercase();
            assert_eq!(same_folded(a, b), want, "{a} {b}");
            assert_eq!(same_folded(b, a), want, "{b} {a}");
        }
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
