//! Demonyms: `Chinese troops`, `Russian diplomats`, `Kazakh authorities`
//! mention the country. The words are in `cues/demonyms.tsv`, each with the
//! ISO code of its country; the mention links the COUNTRY entity of the
//! lists with that `country` code, with method `demonym` so a user can keep
//! or drop them. Indonesian writes `warga Rusia`, `pasukan China`: country
//! names the gazetteer finds already.

use crate::error::Result;
use crate::gazetteer::{Entity, EntityType};
use crate::mentions::resolve::{covered, Mention, Method, ParagraphWords};
use crate::mentions::words::for_each_entry;
use crate::tokens::has_lowercase;
use rustc_hash::FxHashMap;

/// The embedded list.
pub const DEFAULT_DEMONYMS: (&str, &str) =
    ("cues/demonyms.tsv", include_str!("../../cues/demonyms.tsv"));

/// Demonyms compiled against a list of entities.
#[derive(Debug, Clone, Default)]
pub struct Demonyms {
    /// Demonym as written (`Chinese`, `South Korean`) -> country entity.
    words: FxHashMap<String, u32>,
    /// The longest demonym, in words.
    max_words: usize,
    /// First words of the demonyms, as written and in capitals: most
    /// capitalised words of a text are ruled out by one lookup.
    firsts: crate::mentions::words::FirstWords,
    /// Does a demonym start with a non-ASCII letter?
    non_ascii_first: bool,
}

impl Demonyms {
    /// Compiles `list` (`file` names it in errors) against `entities`: a
    /// demonym whose country no COUNTRY entity has is left out.
    pub fn new(list: &str, file: &str, entities: &[Entity]) -> Result<Demonyms> {
        let mut countries: FxHashMap<&str, u32> = FxHashMap::default();
        for (i, e) in entities.iter().enumerate() {
            if e.kind == EntityType::Country && !e.country.is_empty() {
                countries.entry(e.country.as_str()).or_insert(i as u32);
            }
        }
        let mut d = Demonyms::default();
        for_each_entry(list, file, "demonym\tcountry", |word, code| {
            if !word.starts_with(char::is_uppercase) {
                return Err(format!("demonym {word:?} is not capitalised"));
            }
            if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
                return Err(format!("country {code:?} is not an ISO alpha-2 code"));
            }
            let Some(&entity) = countries.get(code) else {
                return Ok(());
            };
            d.max_words = d.max_words.max(word.split_whitespace().count());
            let first = word.split_whitespace().next().unwrap_or(word);
            d.non_ascii_first |= !first.is_ascii();
            d.firsts.insert(first.to_string());
            d.firsts.insert(first.to_uppercase());
            d.words.entry(word.to_string()).or_insert(entity);
            Ok(())
        })?;
        Ok(d)
    }

    /// Adds a mention for each demonym no other mention covers.
    /// `mentions` are sorted by start; they stay so.
    pub fn find(&self, text: &str, paragraphs: &[ParagraphWords], mentions: &mut Vec<Mention>) {
        if self.words.is_empty() {
            return;
        }
        let mut found = Vec::new();
        let mut key = String::new();
        for p in paragraphs {
            let toks = p.tokens;
            let mut k = 0;
            while k < toks.len() {
                // Most words are ruled out by their first byte.
                let b = text.as_bytes()[toks[k].start];
                if !(b.is_ascii_uppercase() || (b >= 0x80 && self.non_ascii_first))
                    || !self.firsts.contains(&text[toks[k].start..toks[k].end])
                {
                    k += 1;
                    continue;
                }
                // Longest first: South Korean before Korean.
                let mut hit = None;
                for n in (1..=self.max_words.min(toks.len() - k)).rev() {
                    let (s, e) = (toks[k].start, toks[k + n - 1].end);
                    let span = &text[s..e];
                    if n > 1 && !span.split(' ').all(|w| !w.is_empty()) {
                        continue;
                    }
                    key.clear();
                    if has_lowercase(span) {
                        key.push_str(span);
                    } else {
                        // ALL CAPS: CHINESE -> Chinese.
                        for (j, w) in span.split(' ').enumerate() {
                            if j > 0 {
                                key.push(' ');
                            }
                            let mut cs = w.chars();
                            key.extend(cs.next());
                            key.extend(cs.flat_map(char::to_lowercase));
                        }
                    }
                    if let Some(&entity) = self.words.get(key.as_str()) {
                        hit = Some((n, s, e, entity));
                        break;
                    }
                }
                match hit {
                    Some((n, start, end, entity))
                        if !covered(mentions, start, end) && !compound(text, start, end) =>
                    {
                        found.push(Mention {
                            start,
                            end,
                            entity,
                            method: Method::Demonym,
                            paragraph: p.index,
                        });
                        k += n;
                    }
                    _ => k += 1,
                }
            }
        }
        if !found.is_empty() {
            mentions.extend(found);
            mentions.sort_by_key(|m| (m.start, m.end));
        }
    }
}

/// `African-American`, `Mexican-Peruvian`: a compound of two peoples is
/// neither country.
fn compound(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].strip_suffix('-');
    let after = text[end..].strip_prefix('-');
    before.is_some_and(|b| b.ends_with(char::is_alphabetic))
        || after.is_some_and(|a| a.starts_with(char::is_uppercase))
}
