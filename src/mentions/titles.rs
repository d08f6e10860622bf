//! Titles with a short name: `Menlu Retno`, `Presiden Xi`, `PM Modi`,
//! `President Trump` name the listed office holder even when the full name
//! never appears. The title's offices (`cues/titles.tsv`) and the people's
//! offices (`offices` column of the lists) must meet: the word after the
//! title links a person only when exactly one listed person holding one of
//! those offices has that word in a name (and, with a country between,
//! `Menlu Rusia Lavrov`, is of that country). Method `title`.

use crate::error::Result;
use crate::gazetteer::{Entity, EntityType, Office};
use crate::mentions::resolve::{covered, Mention, Method, ParagraphWords};
use crate::mentions::words::for_each_entry;
use crate::tokens::Token;
use rustc_hash::FxHashMap;

/// The embedded list.
pub const DEFAULT_TITLES: (&str, &str) = ("cues/titles.tsv", include_str!("../../cues/titles.tsv"));

/// Titles compiled against the people of the lists.
#[derive(Debug, Clone, Default)]
pub struct Titles {
    /// Title (words joined by one space) -> offices.
    titles: FxHashMap<String, Vec<Office>>,
    /// The longest title, in words.
    max_words: usize,
    /// (office, name word) -> people holding it with that word in a name.
    holders: FxHashMap<(Office, String), Vec<u32>>,
    /// First words of the titles: most words are ruled out by one lookup.
    firsts: crate::mentions::words::FirstWords,
}

impl Titles {
    /// Compiles `list` (`file` names it in errors) against `entities`.
    pub fn new(list: &str, file: &str, entities: &[Entity]) -> Result<Titles> {
        let mut t = Titles::default();
        for_each_entry(list, file, "title\toffices", |title, codes| {
            let offices = Office::parse_list(codes)?;
            let words: Vec<&str> = title.split_whitespace().collect();
            t.max_words = t.max_words.max(words.len());
            let first = words[0].split('-').next().unwrap_or(words[0]);
            t.firsts.insert(first.to_string());
            t.titles.insert(words.join(" "), offices);
            Ok(())
        })?;
        for (i, e) in entities.iter().enumerate() {
            if e.kind != EntityType::Person || e.offices.is_empty() {
                continue;
            }
            let mut words: Vec<&str> = e
                .names()
                .flat_map(|n| n.trim_start_matches('=').split([' ', '-']))
                .filter(|w| w.chars().count() >= 2 && w.starts_with(char::is_uppercase))
                .collect();
            words.sort_unstable();
            words.dedup();
            for &office in &e.offices {
                for w in &words {
                    let people = t.holders.entry((office, w.to_string())).or_default();
                    people.push(i as u32);
                }
            }
        }
        Ok(t)
    }

    /// Adds a mention for each name word after a title that names exactly
    /// one listed office holder. `mentions` are sorted by start; they stay so.
    pub fn find(
        &self,
        text: &str,
        entities: &[Entity],
        paragraphs: &[ParagraphWords],
        mentions: &mut Vec<Mention>,
    ) {
        if self.holders.is_empty() {
            return;
        }
        let mut found = Vec::new();
        for p in paragraphs {
            let toks = p.tokens;
            let mut k = 0;
            while k < toks.len() {
                let Some((offices, after)) = self.title_at(text, toks, k) else {
                    k += 1;
                    continue;
                };
                // Wakil Presiden is one title, not Presiden after Wakil.
                k = after;
                let Some((name, country)) = name_after(text, entities, toks, after, mentions)
                else {
                    continue;
                };
                let word = &text[name.start..name.end];
                let mut people: Vec<u32> = offices
                    .iter()
                    .filter_map(|&o| self.holders.get(&(o, word.to_string())))
                    .flatten()
                    .copied()
                    .filter(|&e| country.is_none_or(|c| entities[e as usize].country == c))
                    .collect();
                people.sort_unstable();
                people.dedup();
                if let [entity] = people[..] {
                    found.push(Mention {
                        start: name.start,
                        end: name.end,
                        entity,
                        method: Method::Title,
                        paragraph: p.index,
                    });
                }
            }
        }
        if !found.is_empty() {
            mentions.extend(found);
            mentions.sort_by_key(|m| (m.start, m.end));
        }
    }

    /// The offices of a title starting at word `k`, and the word after it.
    fn title_at(&self, text: &str, toks: &[Token], k: usize) -> Option<(&[Office], usize)> {
        // A title starts with a capital: most words are ruled out by their
        // first byte.
        let b = text.as_bytes()[toks[k].start];
        if !(b.is_ascii_uppercase() || b >= 0x80)
            || !self.firsts.contains(&text[toks[k].start..toks[k].end])
        {
            return None;
        }
        let mut key = String::new();
        let mut best = None;
        for n in 0..self.max_words.min(toks.len() - k) {
            let t = toks[k + n];
            if n > 0 {
                let gap = &text[toks[k + n - 1].end..t.start];
                if gap == "-" {
                    key.push('-');
                } else if gap == " " {
                    key.push(' ');
                } else {
                    break;
                }
            }
            key.push_str(&text[t.start..t.end]);
            if let Some(offices) = self.titles.get(&key) {
                best = Some((offices.as_slice(), k + n + 1));
            }
        }
        best
    }
}

/// The capitalised word right after a title (`Presiden Xi`), past a country
/// mention (`Menlu Rusia Lavrov`), that no mention covers; and that
/// country's code.
fn name_after<'e>(
    text: &str,
    entities: &'e [Entity],
    toks: &[Token],
    mut k: usize,
    mentions: &[Mention],
) -> Option<(Token, Option<&'e str>)> {
    let mut country = None;
    let joined = |a: Token, b: Token| text[a.end..b.start] == *" ";
    if k == 0 || k >= toks.len() || !joined(toks[k - 1], toks[k]) {
        return None;
    }
    let i = mentions.partition_point(|m| m.end <= toks[k].start);
    if let Some(m) = mentions.get(i).filter(|m| m.start == toks[k].start) {
        let e = &entities[m.entity as usize];
        if e.kind != EntityType::Country && m.method != Method::Demonym {
            return None;
        }
        country = Some(e.country.as_str());
        // The word after the country's name.
        k += toks[k..].partition_point(|t| t.end <= m.end);
        if k >= toks.len() || !joined(toks[k - 1], toks[k]) {
            return None;
        }
    }
    let t = toks[k];
    let word = &text[t.start..t.end];
    let capitalised = word.starts_with(char::is_uppercase) && word.chars().any(char::is_lowercase);
    (capitalised && !covered(mentions, t.start, t.end)).then_some((t, country))
}
