//! In-document resolution: short forms that only mean something after the
//! full name appears in the same document.
//!
//! - Surnames and given names of people: after `Sergey Lavrov`, `Lavrov` is
//!   him; after `Wang Yi`, `Wang` is him. A short form shared by two people of
//!   the document is left alone. Method `short-form`.
//! - Acronyms defined in parentheses: `Organisasi Perjanjian Keamanan
//!   Kolektif (CSTO)` links `CSTO` to the entity of the long name, here and
//!   later in the document; `Badan Baru (CSTO)` links the long name to a
//!   listed acronym's entity. Method `acronym`. The acronym names its long
//!   form as a whole: when a listed name is only part of it (`Majelis Ulama
//!   Indonesia (MUI)`), the acronym is an unlisted organisation and gets no
//!   entity (not the listed part), here and later.
//!
//! Gazetteer matches keep method `gazetteer`.

use crate::gazetteer::EntityType;
use crate::matcher::{Match, Matcher};
use crate::tokens::{is_capitalized, Token};
use std::collections::{BTreeMap, BTreeSet};

/// How a mention was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Method {
    /// A name of the gazetteer.
    Gazetteer,
    /// An acronym defined in the document, or the long name of a listed acronym.
    Acronym,
    /// A part of a person's name that appeared in full in the document.
    ShortForm,
    /// A country's demonym (`Chinese troops`).
    Demonym,
    /// A listed office holder named by a title and a short name (`Presiden Xi`).
    Title,
}

impl Method {
    /// The `method` column value.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Gazetteer => "gazetteer",
            Method::Acronym => "acronym",
            Method::ShortForm => "short-form",
            Method::Demonym => "demonym",
            Method::Title => "title",
        }
    }
}

/// An entity mention: `text[start..end]` refers to entity `entity`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    /// Index into [`Matcher::entities`].
    pub entity: u32,
    pub method: Method,
    /// Index of the paragraph (in the document's paragraph list).
    pub paragraph: usize,
}

/// Words of one paragraph, in document byte offsets.
pub struct ParagraphWords<'a> {
    pub index: usize,
    pub tokens: &'a [Token],
}

/// The gazetteer matches of each paragraph, as mentions.
pub fn gazetteer_mentions(matches: &[(usize, Match)]) -> Vec<Mention> {
    matches
        .iter()
        .map(|&(paragraph, m)| Mention {
            start: m.start,
            end: m.end,
            entity: m.entity,
            method: Method::Gazetteer,
            paragraph,
        })
        .collect()
}

/// Resolves short forms and acronyms, given the gazetteer mentions of the
/// document. Returns every mention of the document in text order.
pub fn resolve(
    text: &str,
    matcher: &Matcher,
    paragraphs: &[ParagraphWords],
    mut mentions: Vec<Mention>,
) -> Vec<Mention> {
    let mut forms: BTreeMap<String, BTreeSet<u32>> = BTreeMap::new();
    add_acronyms(text, paragraphs, &mut mentions, &mut forms);
    add_person_short_forms(text, matcher, &mentions, &mut forms);
    // Short forms used by two entities are ambiguous: drop them.
    // Looked up for every word of the document: hashed, not ordered.
    let forms: rustc_hash::FxHashMap<String, u32> = forms
        .into_iter()
        .filter(|(_, set)| set.len() == 1)
        .map(|(k, set)| (k, *set.iter().next().unwrap_or(&0)))
        .collect();
    if !forms.is_empty() {
        mentions.sort_by_key(|m| m.start);
        let mut extra = Vec::new();
        // Most words are ruled out without hashing, by their length and
        // first byte (a short form is a capitalised word, so a word that
        // is one is capitalised).
        let length_bit = |len: usize| 1u64 << len.min(63);
        let mut lengths = 0u64;
        let mut firsts = [false; 256];
        for form in forms.keys() {
            lengths |= length_bit(form.len());
            firsts[form.as_bytes()[0] as usize] = true;
        }
        for p in paragraphs {
            for t in p.tokens {
                if lengths & length_bit(t.end - t.start) == 0
                    || !firsts[text.as_bytes()[t.start] as usize]
                {
                    continue;
                }
                let word = &text[t.start..t.end];
                if let Some(&entity) = forms.get(word) {
                    if !covered(&mentions, t.start, t.end) {
                        let method =
                            if matcher.entities()[entity as usize].kind == EntityType::Person {
                                Method::ShortForm
                            } else {
                                Method::Acronym
                            };
                        extra.push(Mention {
                            start: t.start,
                            end: t.end,
                            entity,
                            method,
                            paragraph: p.index,
                        });
                    }
                }
            }
        }
        mentions.extend(extra);
    }
    mentions.sort_by_key(|m| (m.start, m.end));
    mentions
}

/// Is any mention overlapping `start..end`? (`mentions` sorted by start.)
pub(crate) fn covered(mentions: &[Mention], start: usize, end: usize) -> bool {
    let i = mentions.partition_point(|m| m.end <= start);
    mentions.get(i).is_some_and(|m| m.start < end)
}

fn add_person_short_forms(
    text: &str,
    matcher: &Matcher,
    mentions: &[Mention],
    forms: &mut BTreeMap<String, BTreeSet<u32>>,
) {
    for m in mentions {
        let entity = &matcher.entities()[m.entity as usize];
        if entity.kind != EntityType::Person {
            continue;
        }
        for name in [&text[m.start..m.end], entity.name.as_str()] {
            let words: Vec<&str> = name
                .split(|c: char| c.is_whitespace())
                .filter(|w| !w.is_empty())
                .collect();
            if words.len() < 2 {
                continue;
            }
            for w in [words[0], words[words.len() - 1]] {
                // Only whole, capitalised words of two letters or more.
                if w.chars().count() >= 2
                    && is_capitalized(w)
                    && w.chars().all(|c| c.is_alphabetic() || c == '-')
                    && !w.contains('-')
                {
                    forms.entry(w.to_string()).or_default().insert(m.entity);
                }
            }
        }
    }
}

/// `Long Name (ACR)`: links the acronym and the long name.
fn add_acronyms(
    text: &str,
    paragraphs: &[ParagraphWords],
    mentions: &mut Vec<Mention>,
    forms: &mut BTreeMap<String, BTreeSet<u32>>,
) {
    let mut added = Vec::new();
    for p in paragraphs {
        let toks = p.tokens;
        for (k, t) in toks.iter().enumerate() {
            // The acronym: one word of capitals in parentheses (the
            // closing one first: it rules out most words by one byte).
            let word = &text[t.start..t.end];
            if text.as_bytes().get(t.end) != Some(&b')')
                || k == 0
                || !is_acronym(word)
                || !text[..t.start].trim_end_matches(' ').ends_with('(')
            {
                continue;
            }
            let open = text[..t.start].trim_end_matches(' ').len() - 1;
            let before = text[..open].trim_end();
            // The mention that ends right before "(", if any.
            let long = mentions.iter().find(|m| m.end == before.len());
            let inner = mentions
                .iter()
                .find(|m| m.start == t.start && m.end == t.end);
            match (long, inner) {
                (Some(l), None) => {
                    // The acronym names the long form as a whole: a name
                    // at its end (Majelis Ulama Indonesia) is not it.
                    let whole = long_name_start(text, &toks[..k], before.len())
                        .is_none_or(|start| start >= l.start);
                    if whole {
                        forms.entry(word.to_string()).or_default().insert(l.entity);
                    }
                }
                (None, Some(a)) => {
                    if let Some(start) = long_name_start(text, &toks[..k], before.len()) {
                        added.push(Mention {
                            start,
                            end: before.len(),
                            entity: a.entity,
                            method: Method::Acronym,
                            paragraph: p.index,
                        });
                    }
                }
                _ => {}
            }
        }
    }
    mentions.extend(added);
}

/// An acronym: 2 to 10 capitals or digits, starting with a capital.
fn is_acronym(w: &str) -> bool {
    // The first char first: most words are ruled out without counting.
    w.chars().next().is_some_and(char::is_uppercase)
        && (2..=10).contains(&w.chars().count())
        && w.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// The start of a run of capitalised words (with lowercase joiners such as
/// `of`, `dan`) ending at `end`: at least two words, at most eight.
fn long_name_start(text: &str, toks: &[Token], end: usize) -> Option<usize> {
    const JOINERS: &[&str] = &[
        "of", "the", "for", "and", "on", "dan", "untuk", "bagi", "di", "de", "des", "du", "la",
    ];
    let mut start = None;
    let mut count = 0;
    let mut expect_end = end;
    for t in toks.iter().rev() {
        if t.end != expect_end
            && !text[t.end..expect_end]
                .chars()
                .all(|c| c == ' ' || c == '-')
        {
            break;
        }
        let w = &text[t.start..t.end];
        if is_capitalized(w) {
            start = Some(t.start);
            count += 1;
        } else if !JOINERS.contains(&w) {
            break;
        }
        if count >= 8 {
            break;
        }
        expect_end = t.start;
    }
    if count >= 2 {
        start
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::Gazetteer;
    use crate::tokens::tokenize;

    const LIST: &str = "id\ttype\tname\taliases
QL\tPERSON\tSergey Lavrov\tSergei Lavrov
QW\tPERSON\tWang Yi\t
QT\tPERSON\tKassym-Jomart Tokayev\t
QA\tPERSON\tAnna Lee\t
QB\tPERSON\tBruce Lee\t
QC\tORGANIZATION\tCollective Security Treaty Organization\tOrganisasi Perjanjian Keamanan Kolektif
QN\tORGANIZATION\tNorth Atlantic Treaty Organization\tNATO
";

    /// (surface, entity name, method) of every mention of a one-paragraph text.
    fn resolved(text: &str) -> Vec<(String, String, &'static str)> {
        let g = Gazetteer::parse(LIST, "t").unwrap();
        let m = Matcher::new(&g);
        let toks = tokenize(text);
        let matches: Vec<_> = {
            let mut v = Vec::new();
            m.find_in_tokens(text, &toks, &mut v);
            v.into_iter().map(|x| (0, x)).collect()
        };
        let paras = [ParagraphWords {
            index: 0,
            tokens: &toks,
        }];
        resolve(text, &m, &paras, gazetteer_mentions(&matches))
            .iter()
            .map(|x| {
                (
                    text[x.start..x.end].to_string(),
                    m.entities()[x.entity as usize].name.clone(),
                    x.method.as_str(),
                )
            })
            .collect()
    }

    fn surfaces_and_methods(text: &str) -> Vec<(String, &'static str)> {
        resolved(text).into_iter().map(|(s, _, m)| (s, m)).collect()
    }

    #[test]
    fn person_short_forms() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            (
                "Sergey Lavrov spoke. Lavrov said no.",
                &[("Sergey Lavrov", "gazetteer"), ("Lavrov", "short-form")],
            ),
            (
                "Wang Yi met him. Wang's remarks.",
                &[("Wang Yi", "gazetteer"), ("Wang", "short-form")],
            ),
            (
                "Kassym-Jomart Tokayev spoke; Tokayev left.",
                &[
                    ("Kassym-Jomart Tokayev", "gazetteer"),
                    ("Tokayev", "short-form"),
                ],
            ),
            // Without the full name, a surname is nobody.
            ("Lavrov said no.", &[]),
            // Lowercase words are never short forms.
            ("Wang Yi said wang", &[("Wang Yi", "gazetteer")]),
            // Two people share "Lee": it stays unresolved.
            (
                "Anna Lee and Bruce Lee. Lee said.",
                &[("Anna Lee", "gazetteer"), ("Bruce Lee", "gazetteer")],
            ),
        ];
        for (text, want) in cases {
            let want: Vec<_> = want.iter().map(|(s, m)| (s.to_string(), *m)).collect();
            assert_eq!(surfaces_and_methods(text), want, "{text:?}");
        }
    }

    #[test]
    fn acronym_defined_in_parentheses() {
        let text = "Organisasi Perjanjian Keamanan Kolektif (CSTO) mengirim pasukan. CSTO juga.";
        let got = resolved(text);
        let names: Vec<_> = got
            .iter()
            .map(|(s, e, m)| (s.as_str(), e.as_str(), *m))
            .collect();
        assert_eq!(
            names,
            [
                (
                    "Organisasi Perjanjian Keamanan Kolektif",
                    "Collective Security Treaty Organization",
                    "gazetteer"
                ),
                ("CSTO", "Collective Security Treaty Organization", "acronym"),
                ("CSTO", "Collective Security Treaty Organization", "acronym"),
            ]
        );
    }

    #[test]
    fn an_acronym_of_a_longer_unlisted_name_is_not_the_name_inside_it() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            (
                "Majelis Ulama Negara Wang Yi (MUN) bersidang. MUN menolak.",
                &[("Wang Yi", "gazetteer")],
            ),
            (
                "Dewan Keamanan Kolektif Wang Yi (DKK) dan DKK lagi.",
                &[("Wang Yi", "gazetteer")],
            ),
            // The whole long form listed: the acronym is it.
            (
                "North Atlantic Treaty Organization (NTO) and NTO.",
                &[
                    ("North Atlantic Treaty Organization", "gazetteer"),
                    ("NTO", "acronym"),
                    ("NTO", "acronym"),
                ],
            ),
        ];
        for (text, want) in cases {
            let want: Vec<_> = want.iter().map(|(s, m)| (s.to_string(), *m)).collect();
            assert_eq!(surfaces_and_methods(text), want, "{text:?}");
        }
    }

    #[test]
    fn long_name_of_a_listed_acronym() {
        let text = "Pakta Pertahanan Atlantik Utara (NATO) bersidang.";
        assert_eq!(
            surfaces_and_methods(text),
            [
                ("Pakta Pertahanan Atlantik Utara".to_string(), "acronym"),
                ("NATO".to_string(), "gazetteer")
            ]
        );
    }
}
