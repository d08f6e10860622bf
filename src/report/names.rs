//! Unlisted speakers grouped across documents by the rule the extractor
//! uses within one (`quotes::names::fullest_name`): a one-word name stands
//! for the fullest name that has it as its first or last word (`Obama` ->
//! `Barack Obama`), and failing that, a short form the full name's word
//! begins with (`Risma` -> `Tri Rismaharini`) when no other name of the run
//! has such a word. Precision first: a word that two full names share
//! (`Cruz`: `Ted Cruz`, `Rafael Cruz`) groups nothing.

use super::Speaker;
use std::collections::BTreeSet;

/// A speaker with the documents quoting it, for exact counts when grouped.
#[derive(Default)]
pub(super) struct Grouped {
    pub speaker: Speaker,
    pub docs: BTreeSet<String>,
}

/// Folds each unlisted one-word speaker into the one full name it stands
/// for, listed or not (same type, or either type unknown): `Obama` where a
/// document never gave the full name joins the listed `Barack Obama`;
/// `examples` caps the examples kept. Order is kept for the rest.
///
/// A one-word name stands for a full name whose first or last word it is
/// (`Obama`: `Barack Obama`); failing any, for the full name one of whose
/// words it begins, as a short form of a long name (`Risma`: `Tri
/// Rismaharini`), when it has four letters or more and no other speaker's
/// name of the run, listed or not, has a word it begins.
pub(super) fn group_unlisted(mut all: Vec<Grouped>, examples: usize) -> Vec<Grouped> {
    let full_for = |i: usize, all: &[Grouped]| -> Option<usize> {
        let s = &all[i].speaker;
        if !s.id.is_empty() || s.name.split_whitespace().count() != 1 {
            return None;
        }
        let same_type = |t: &Speaker| s.kind.is_none() || t.kind.is_none() || s.kind == t.kind;
        let exact = |t: &Speaker, words: &[&str]| {
            words.len() >= 2
                && (words[0] == s.name || words[words.len() - 1] == s.name)
                && same_type(t)
        };
        if let Some(j) = only(all, |t, words| exact(t, words)) {
            return j;
        }
        // A short form begins a word of one name only, in the whole run.
        let short = s.name.chars().count() >= 4;
        let begins = |words: &[&str]| {
            words
                .iter()
                .any(|w| w.len() > s.name.len() && w.starts_with(s.name.as_str()))
        };
        match only(all, |_, words| short && begins(words)) {
            Some(Some(j)) => {
                let t = &all[j].speaker;
                (t.name.split_whitespace().count() >= 2 && same_type(t)).then_some(j)
            }
            _ => None,
        }
    };
    let moves: Vec<(usize, usize)> = (0..all.len())
        .filter_map(|i| full_for(i, &all).map(|j| (i, j)))
        .collect();
    let mut gone = vec![false; all.len()];
    for (short, full) in moves {
        let part = std::mem::take(&mut all[short]);
        gone[short] = true;
        let into = &mut all[full];
        let t = &mut into.speaker;
        t.quotes += part.speaker.quotes;
        for (kind, n) in part.speaker.by_kind {
            *t.by_kind.entry(kind).or_default() += n;
        }
        let room = examples.saturating_sub(t.examples.len());
        t.examples
            .extend(part.speaker.examples.into_iter().take(room));
        t.also.push(part.speaker.name);
        into.docs.extend(part.docs);
        t.documents = into.docs.len();
    }
    all.into_iter()
        .zip(gone)
        .filter(|(_, g)| !g)
        .map(|(s, _)| s)
        .collect()
}

/// The speaker `fits`: None when none does, Some(None) when several do
/// (two people, or two types: group nothing), Some(Some(index)) when one.
fn only(all: &[Grouped], fits: impl Fn(&Speaker, &[&str]) -> bool) -> Option<Option<usize>> {
    let mut found: Option<usize> = None;
    for (j, g) in all.iter().enumerate() {
        let words: Vec<&str> = g.speaker.name.split_whitespace().collect();
        if fits(&g.speaker, &words) {
            if found.is_some() {
                return Some(None);
            }
            found = Some(j);
        }
    }
    found.map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::EntityType;

    fn sp(id: &str, name: &str, quotes: usize, docs: &[&str]) -> Grouped {
        Grouped {
            speaker: Speaker {
                id: id.into(),
                name: name.into(),
                kind: Some(EntityType::Person),
                quotes,
                documents: docs.len(),
                ..Speaker::default()
            },
            docs: docs.iter().map(|d| d.to_string()).collect(),
        }
    }

    fn names(g: &[Grouped]) -> Vec<(String, usize, usize, Vec<String>)> {
        g.iter()
            .map(|g| {
                let s = &g.speaker;
                (s.name.clone(), s.quotes, s.documents, s.also.clone())
            })
            .collect()
    }

    #[test]
    fn one_word_names_join_the_full_name_across_documents() {
        let all = vec![
            sp("", "Obama", 37, &["a", "b"]),
            sp("", "Barack Obama", 8, &["b", "c"]),
            sp("", "Dewi", 2, &["a"]),
            sp("", "Lestari", 1, &["d"]),
            sp("", "Dewi Lestari", 1, &["e"]),
        ];
        let got = names(&group_unlisted(all, 3));
        assert_eq!(
            got,
            [
                ("Barack Obama".into(), 45, 3, vec!["Obama".into()]),
                (
                    "Dewi Lestari".into(),
                    4,
                    3,
                    vec!["Dewi".into(), "Lestari".into()]
                ),
            ]
        );
    }

    #[test]
    fn a_word_two_people_share_or_a_listed_speaker_groups_nothing() {
        let all = vec![
            sp("", "Cruz", 5, &["a"]),
            sp("", "Ted Cruz", 2, &["b"]),
            sp("", "Rafael Cruz", 1, &["c"]),
            sp("Q1", "Wang", 3, &["a"]),
            sp("", "Wang Yi", 1, &["b"]),
            // A listed full name and an unlisted one share `Lee`.
            sp("", "Lee", 2, &["a"]),
            sp("Q2", "Hsien Loong Lee", 1, &["b"]),
            sp("", "Chris Lee", 1, &["c"]),
        ];
        let got = names(&group_unlisted(all, 3));
        let kept: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(
            kept,
            [
                "Cruz",
                "Ted Cruz",
                "Rafael Cruz",
                "Wang",
                "Wang Yi",
                "Lee",
                "Hsien Loong Lee",
                "Chris Lee"
            ]
        );
    }

    #[test]
    fn a_one_word_name_joins_the_one_listed_full_name() {
        let all = vec![
            sp("", "Obama", 86, &["a", "b", "c"]),
            sp("Q76", "Barack Obama", 20, &["c", "d"]),
        ];
        let got = names(&group_unlisted(all, 3));
        assert_eq!(got, [("Barack Obama".into(), 106, 4, vec!["Obama".into()])]);
    }

    #[test]
    fn a_short_form_joins_the_one_name_whose_word_it_begins() {
        let all = vec![
            sp("", "Risma", 37, &["a", "b"]),
            sp("", "Tri Rismaharini", 8, &["c"]),
            sp("", "Anies", 2, &["a"]),
            sp("", "Anies Baswedan", 1, &["d"]),
        ];
        let got = names(&group_unlisted(all, 3));
        assert_eq!(
            got,
            [
                ("Tri Rismaharini".into(), 45, 3, vec!["Risma".into()]),
                ("Anies Baswedan".into(), 3, 2, vec!["Anies".into()]),
            ]
        );
    }

    #[test]
    fn a_short_form_two_names_begin_or_a_short_word_groups_nothing() {
        let all = vec![
            // Two names have a word that begins `Sukma`.
            sp("", "Sukma", 4, &["a"]),
            sp("", "Dewi Sukmawati", 2, &["b"]),
            sp("", "Rudi Sukmana", 1, &["c"]),
            // A listed name begins so too.
            sp("", "Hadi", 3, &["a"]),
            sp("", "Ani Hadiningrat", 1, &["b"]),
            sp("Q9", "Hadiyanto Pratama", 1, &["c"]),
            // Three letters are too few.
            sp("", "Tri", 2, &["d"]),
            sp("", "Ayu Triastuti", 1, &["e"]),
        ];
        let got = names(&group_unlisted(all, 3));
        let kept: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(
            kept,
            [
                "Sukma",
                "Dewi Sukmawati",
                "Rudi Sukmana",
                "Hadi",
                "Ani Hadiningrat",
                "Hadiyanto Pratama",
                "Tri",
                "Ayu Triastuti"
            ]
        );
    }
}
