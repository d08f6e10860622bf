//! Unlisted speakers grouped across documents by the rule the extractor
//! uses within one (`quotes::names::fullest_name`): a one-word name stands
//! for the fullest name that has it as its first or last word (`Obama` ->
//! `Barack Obama`). Precision first: a word that two full names share
//! (`Cruz`: `Ted Cruz`, `Rafael Cruz`) groups nothing.

use super::Speaker;
use std::collections::BTreeSet;

/// A speaker with the documents quoting it, for exact counts when grouped.
#[derive(Default)]
pub(super) struct Grouped {
    pub speaker: Speaker,
    pub docs: BTreeSet<String>,
}

/// Folds each unlisted one-word speaker into the one unlisted full name it
/// stands for (same type, or either type unknown); `examples` caps the
/// examples kept. Order is kept for the rest.
pub(super) fn group_unlisted(mut all: Vec<Grouped>, examples: usize) -> Vec<Grouped> {
    let full_for = |i: usize, all: &[Grouped]| -> Option<usize> {
        let s = &all[i].speaker;
        if !s.id.is_empty() || s.name.split_whitespace().count() != 1 {
            return None;
        }
        let mut found: Option<usize> = None;
        for (j, g) in all.iter().enumerate() {
            let t = &g.speaker;
            let words: Vec<&str> = t.name.split_whitespace().collect();
            let fits = t.id.is_empty()
                && words.len() >= 2
                && (words[0] == s.name || words[words.len() - 1] == s.name)
                && (s.kind.is_none() || t.kind.is_none() || s.kind == t.kind);
            if fits {
                if found.is_some() {
                    // Two full names (two people, or two types): group nothing.
                    return None;
                }
                found = Some(j);
            }
        }
        found
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
        ];
        let got = names(&group_unlisted(all, 3));
        let kept: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(kept, ["Cruz", "Ted Cruz", "Rafael Cruz", "Wang", "Wang Yi"]);
    }
}
