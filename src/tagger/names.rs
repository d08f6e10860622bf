//! From the tagger's spans to a document's `model` mentions.
//!
//! Precision first, so a span is kept only when nothing tells against it:
//! - a listed name wins: a span overlapping any list mention is dropped;
//! - bylines, photo credits (`(Name/Agency)`) and lines of capitalised
//!   words (headlines in title case, `READ MORE`, `Article Continued Below`)
//!   give no names;
//! - in a headline-like first line ([`crate::document::reads_like_headline`])
//!   a name is only what the body names too: a span there is cut to the
//!   body's names it holds (`Obama Sees` -> `Obama`; `Power Impedes Peace
//!   Efforts` -> nothing), so that no headline word is glued to a name;
//! - a lone word is a person only when it is a word of a fuller person's
//!   name of the document, or a title, honorific or reporting verb stands
//!   next to it (`Pak Budi`, `kata Budi`, `Budi said`).
//!
//! A person's first or last word alone, elsewhere in the document, is that
//! person too (as the lists' short forms are), and the entity of every
//! mention of a person is the fullest name the document gives.

use super::features::{class, Lexicon};
use super::{gazetteer_codes_into, Lang, Scratch, Span, Tagger};
use crate::document::reads_like_headline;
use crate::gazetteer::{Entity, EntityType};
use crate::matcher::Match;
use crate::mentions::resolve::Mention;
use crate::tokens::{flag, fold_hash, has_lowercase, Token, Words};
use rustc_hash::{FxHashMap, FxHashSet};
use std::cell::RefCell;

/// A name the tagger found in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelName {
    /// Byte offsets in the document text.
    pub start: usize,
    pub end: usize,
    /// Index of the paragraph (as in [`Mention::paragraph`]).
    pub paragraph: usize,
    pub kind: EntityType,
    /// The canonical name: the fullest form the document gives.
    pub name: String,
}

/// The words of one paragraph and its list matches (paired with the
/// paragraph index, as the pipeline keeps them).
pub struct ParagraphInput<'a> {
    pub index: usize,
    /// Is it the document's title (the segmenter's headline)?
    pub title: bool,
    pub words: Words<'a>,
    pub matches: &'a [(usize, Match)],
}

/// A span the filters kept: its paragraph, the paragraph's words, the span
/// and whether it needs a fuller name.
type Kept<'t> = (usize, Words<'t>, Span, bool);

/// The least margins ([`Span::margin`]) of each language (Indonesian,
/// English): a person's, organisation's and place's span to be kept, then
/// a person's name whose last word alone, elsewhere in the document, is
/// that person. Margins are in the units of each language's weights (a CRF
/// for Indonesian, a perceptron for English), so each has its own. Chosen
/// on nerui-0001..0043 (see `weights.md`): places need most, as the lists
/// already hold the common ones.
const MARGINS: [[i32; 4]; 2] = [[40, 60, 100, 40], [80, 40, 100, 150]];

fn margins(lang: Lang) -> &'static [i32; 4] {
    match lang {
        Lang::Indonesian => &MARGINS[0],
        Lang::English => &MARGINS[1],
    }
}

/// The least margin a span of `kind` needs in `lang`.
fn min_margin(kind: EntityType, lang: Lang) -> i32 {
    let m = margins(lang);
    match kind {
        EntityType::Person => m[0],
        EntityType::Organization => m[1],
        EntityType::Country | EntityType::Location => m[2],
    }
}

/// The least margin of a person's name that lends its last word.
fn surname_margin(lang: Lang) -> i32 {
    margins(lang)[3]
}

/// Bylines and credit lines start so.
const CREDIT_STARTS: &[&str] = &[
    "by",
    "oleh",
    "reporter",
    "reporting",
    "editor",
    "editing",
    "penulis",
    "pewarta",
    "foto",
    "photo",
    "photos",
    "sumber",
    "source",
    "writer",
    "wartawan",
    "kontributor",
    "laporan",
    "copyright",
    "credit",
    "image",
    "video",
    "baca",
    "read",
    "watch",
    "listen",
    "follow",
];

/// Finds the `model` mentions of a document: `paragraphs` in text order,
/// `mentions` the document's list mentions (in text order).
pub fn find_names(
    tagger: &Tagger,
    text: &str,
    lang: Lang,
    paragraphs: &[ParagraphInput],
    entities: &[Entity],
    mentions: &[Mention],
) -> Vec<ModelName> {
    let lexicon = tagger.lexicon();
    // The tagger's buffers live as long as the thread: a document
    // allocates none of them.
    thread_local! {
        static BUFFERS: RefCell<(Scratch, Vec<Span>, Vec<u8>)> = RefCell::default();
    }
    let (mut kept, mut headline): (Vec<Kept>, Vec<Kept>) = (Vec::new(), Vec::new());
    BUFFERS.with_borrow_mut(|(scratch, spans, gaz)| {
        let out = (&mut kept, &mut headline);
        tagged_spans(
            tagger, text, lang, paragraphs, entities, mentions, scratch, spans, gaz, out,
        )
    });
    if !headline.is_empty() {
        cut_to_body_names(&mut kept, &headline);
    }
    // A person's name holds no word the document names an organisation or
    // a place with (`Telkom Fleksi` where `Telkom` is a listed company),
    // and no organisation or place head word (`Bank`, `Kota`).
    let mut person_words = (WordFilter::default(), FxHashSet::default());
    for &(_, words, s, _) in &kept {
        if s.kind == EntityType::Person {
            for (t, &h) in words.tokens[s.start..s.end]
                .iter()
                .zip(&words.hashes[s.start..s.end])
            {
                person_words.0.add(&text[t.start..t.end]);
                person_words.1.insert(h);
            }
        }
    }
    let not_person = if person_words.0.is_empty() {
        FxHashSet::default()
    } else {
        words_of_other_types(text, paragraphs, mentions, entities, &kept, &person_words)
    };
    kept.retain(|&(_, words, s, _)| {
        s.kind != EntityType::Person
            || words.hashes[s.start..s.end].iter().all(|&h| {
                !not_person.contains(&h)
                    && lexicon.classes(h) & (class::ORG_HEAD | class::PLACE_HEAD) == 0
            })
    });
    // Each word of a person's name of two words or more -> that name (None
    // when two names share the word), as an index into `names`.
    let mut names: Vec<String> = kept
        .iter()
        .map(|&(_, words, s, _)| span_text(text, words.tokens, s))
        .collect();
    let mut full: FxHashMap<u64, Option<usize>> = FxHashMap::default();
    let mut surnames: FxHashMap<u64, Option<usize>> = FxHashMap::default();
    let mut surname_words = WordFilter::default();
    // Keeps the entry only while every name lending the word is this one.
    let share = |entry: &mut Option<usize>, k: usize, names: &[String]| {
        if entry.is_some_and(|j| names[j] != names[k]) {
            *entry = None;
        }
    };
    for (k, &(_, words, s, _)) in kept.iter().enumerate() {
        if s.kind == EntityType::Person && s.end - s.start > 1 {
            if s.margin >= surname_margin(lang) {
                let t = words.tokens[s.end - 1];
                surname_words.add(&text[t.start..t.end]);
                surnames
                    .entry(words.hashes[s.end - 1])
                    .and_modify(|n| share(n, k, &names))
                    .or_insert(Some(k));
            }
            for &h in &words.hashes[s.start..s.end] {
                full.entry(h)
                    .and_modify(|n| share(n, k, &names))
                    .or_insert(Some(k));
            }
        }
    }
    // A word a listed person of the document shares is not the tagger's
    // name's alone when that name has a word the lists do not (`Obama`
    // beside `Michelle Obama` where the lists name Barack Obama; not
    // `Iweala` of `Okonjo-Iweala` beside a listed `Ngozi Okonjo-Iweala`):
    // alone, it is a person of its own name.
    let listed_people = if full.is_empty() {
        FxHashSet::default()
    } else {
        words_of_listed_people(text, mentions, entities, (&person_words.0, &full))
    };
    for &h in &listed_people {
        let (a, b) = (full.get(&h).copied(), surnames.get(&h).copied());
        let Some(k) = a.flatten().or(b.flatten()) else {
            continue;
        };
        let (_, words, s, _) = kept[k];
        let span = &words.hashes[s.start..s.end];
        let Some(i) = span.iter().position(|&x| x == h) else {
            continue;
        };
        if span.iter().all(|x| listed_people.contains(x)) {
            continue;
        }
        let t = words.tokens[s.start + i];
        names.push(text[t.start..t.end].to_string());
        let own = Some(names.len() - 1);
        for map in [&mut full, &mut surnames] {
            map.entry(h).and_modify(|n| *n = n.and(own));
        }
    }
    let mut out: Vec<ModelName> = Vec::new();
    for (k, &(paragraph, words, s, needs_fuller)) in kept.iter().enumerate() {
        let toks = words.tokens;
        let start = toks[s.start].start;
        let end = toks[s.end - 1].end;
        let mut name = k;
        let mut kind = s.kind;
        if s.end - s.start == 1 {
            match full.get(&words.hashes[s.start]).copied().flatten() {
                // A word of a person's name is that person, whatever the
                // tagger typed it alone (`McAuliffe` after `Terry McAuliffe`).
                Some(f) => {
                    name = f;
                    kind = EntityType::Person;
                }
                None if needs_fuller => continue,
                None => {}
            }
        }
        out.push(ModelName {
            start,
            end,
            paragraph,
            kind,
            name: names[name].clone(),
        });
    }
    add_short_forms(
        text,
        paragraphs,
        mentions,
        (&surnames, &names, &surname_words),
        &mut out,
    );
    out.sort_by_key(|n| n.start);
    out
}

/// The spans the tagger finds in `paragraphs` that pass the span filters,
/// appended to `kept` with their paragraph and whether they need a fuller
/// name; those of a headline-like first line or of a run-in head to
/// `headline` instead.
#[allow(clippy::too_many_arguments)]
fn tagged_spans<'t>(
    tagger: &Tagger,
    text: &str,
    lang: Lang,
    paragraphs: &[ParagraphInput<'t>],
    entities: &[Entity],
    mentions: &[Mention],
    scratch: &mut Scratch,
    spans: &mut Vec<Span>,
    gaz: &mut Vec<u8>,
    (kept, headline): (&mut Vec<Kept<'t>>, &mut Vec<Kept<'t>>),
) {
    let lexicon = tagger.lexicon();
    for (pi, p) in paragraphs.iter().enumerate() {
        let (words, toks) = (p.words, p.words.tokens);
        if toks.is_empty() || is_credit_line(text, toks) || is_capitalised_line(words) {
            continue;
        }
        let whole =
            pi == 0 && reads_like_headline(toks.iter().map(|t| &text[t.start..t.end]), p.title);
        let first = kept.len();
        gazetteer_codes_into(toks, p.matches.iter().map(|m| &m.1), entities, gaz);
        spans.clear();
        tagger.tag_into(text, words, gaz, lang, true, scratch, spans);
        for &s in spans.iter() {
            let Some(s) = trimmed(words, without_leading_titles(lexicon, words, s)) else {
                continue;
            };
            let (start, end) = (toks[s.start].start, toks[s.end - 1].end);
            if overlaps_list(mentions, start, end)
                || is_credit(text, toks, s)
                || is_shouted(text, &toks[s.start..s.end])
                || !is_name_like(lexicon, text, words.slice(s.start, s.end))
            {
                continue;
            }
            if s.margin < min_margin(s.kind, lang) {
                continue;
            }
            let lone_person = s.kind == EntityType::Person && s.end - s.start == 1;
            let vouched = lone_person && context_says_person(lexicon, words, s);
            let entry = (p.index, words, s, lone_person && !vouched);
            if whole {
                headline.push(entry);
            } else if ends_run_in_head(text, toks, s.end) {
                // The paragraph's spans before it are in the head too.
                headline.extend(kept.drain(first..));
                headline.push(entry);
            } else {
                kept.push(entry);
            }
        }
    }
}

/// Does a run-in head end after word `e` (`Veto Power Impedes Peace
/// Efforts: Eliminating ...`)? A colon follows it at once, and the words
/// before it read as a headline ([`reads_like_headline`]).
fn ends_run_in_head(text: &str, toks: &[Token], e: usize) -> bool {
    e < toks.len()
        && e <= 12
        && text.as_bytes()[toks[e - 1].end] == b':'
        && reads_like_headline(toks[..e].iter().map(|t| &text[t.start..t.end]), false)
}

/// Each span of a headline-like line cut to the names the body gives that
/// it holds, appended to `kept` (the body's spans): from its first word on,
/// the longest run of its words that is a body span's words (taking that
/// span's type), or one word of a body person's fuller name (that person,
/// as a lone word anywhere is); words that start no such run are dropped.
/// A cut span lends no surname ([`surname_margin`]): the body's does.
fn cut_to_body_names<'t>(kept: &mut Vec<Kept<'t>>, headline: &[Kept<'t>]) {
    let body = kept.len();
    for &(paragraph, words, s, _) in headline {
        let mut i = s.start;
        while i < s.end {
            let cut = (i + 1..=s.end).rev().find_map(|j| {
                let run = &words.hashes[i..j];
                kept[..body].iter().find_map(|&(_, bw, b, needs_fuller)| {
                    if bw.hashes[b.start..b.end] == *run {
                        return Some((j, b.kind, needs_fuller));
                    }
                    let of_fuller = run.len() == 1
                        && b.kind == EntityType::Person
                        && b.end - b.start > 1
                        && bw.hashes[b.start..b.end].contains(&run[0]);
                    of_fuller.then_some((j, EntityType::Person, true))
                })
            });
            let Some((j, kind, needs_fuller)) = cut else {
                i += 1;
                continue;
            };
            let span = Span {
                start: i,
                end: j,
                kind,
                margin: 0,
            };
            kept.push((paragraph, words, span, needs_fuller));
            i = j;
        }
    }
}

/// The span without lowercase words at its edges (`of House` is `House`):
/// connectors belong inside names only. None when nothing is left.
fn trimmed(words: Words, mut s: Span) -> Option<Span> {
    let name_word = |i: usize| words.flags[i] & flag::UPPER != 0;
    while s.start < s.end && !name_word(s.start) {
        s.start += 1;
    }
    while s.end > s.start && !name_word(s.end - 1) {
        s.end -= 1;
    }
    (s.start < s.end).then_some(s)
}

/// A person's name without the titles the tagger took in at its start
/// (`Rektor Dwikorita Karnawati` -> `Dwikorita Karnawati`).
fn without_leading_titles(lexicon: &Lexicon, words: Words, mut s: Span) -> Span {
    if s.kind != EntityType::Person {
        return s;
    }
    while s.end - s.start > 1 {
        let c = lexicon.classes(words.hashes[s.start]);
        if c & (class::TITLE | class::HONORIFIC) == 0 {
            break;
        }
        s.start += 1;
    }
    s
}

/// The words of the document's organisations and places (list mentions
/// of those types and the tagger's own) that are among the `wanted`
/// words (a quick filter of them, and their hashes).
fn words_of_other_types(
    text: &str,
    paragraphs: &[ParagraphInput],
    mentions: &[Mention],
    entities: &[Entity],
    kept: &[Kept],
    (filter, wanted): &(WordFilter, FxHashSet<u64>),
) -> FxHashSet<u64> {
    let mut words = FxHashSet::default();
    // The words of `text[start..end]`, split at every char that is no
    // word char: the hashes of the paragraph's words `a..b` when they are
    // exactly those words (whole words, none joined over an invisible
    // char), else split and hashed here.
    let mut add = |start: usize, end: usize, pw: Option<Words>| {
        if let Some((w, a, b)) = pw.and_then(|w| whole_words(text, w, start, end)) {
            for i in a..b {
                let f = w.flags[i];
                let h = w.hashes[i];
                if (f & flag::ASCII == 0 || filter.may_hold_ascii(text, w.tokens[i]))
                    && wanted.contains(&h)
                {
                    words.insert(h);
                }
            }
            return;
        }
        split_wanted_words(
            &text[start..end],
            filter,
            |h| wanted.contains(h),
            &mut words,
        );
    };
    let words_of = |paragraph: usize| {
        let k = paragraphs.partition_point(|p| p.index < paragraph);
        paragraphs
            .get(k)
            .filter(|p| p.index == paragraph)
            .map(|p| p.words)
    };
    for m in mentions {
        if entities[m.entity as usize].kind != EntityType::Person {
            add(m.start, m.end, words_of(m.paragraph));
        }
    }
    for &(_, w, s, _) in kept {
        if s.kind != EntityType::Person {
            add(w.tokens[s.start].start, w.tokens[s.end - 1].end, Some(w));
        }
    }
    words
}

/// The words of the document's listed people (list mentions) that are
/// keys of `wanted` (`filter` a quick test of them that never says no to
/// one).
fn words_of_listed_people<V>(
    text: &str,
    mentions: &[Mention],
    entities: &[Entity],
    (filter, wanted): (&WordFilter, &FxHashMap<u64, V>),
) -> FxHashSet<u64> {
    let mut words = FxHashSet::default();
    for m in mentions {
        if entities[m.entity as usize].kind != EntityType::Person {
            continue;
        }
        split_wanted_words(
            &text[m.start..m.end],
            filter,
            |h| wanted.contains_key(h),
            &mut words,
        );
    }
    words
}

/// Adds to `words` the hashes of the words of `s`, split at every char
/// that is no word char, that `filter` may hold and `wanted` wants.
fn split_wanted_words(
    s: &str,
    filter: &WordFilter,
    wanted: impl Fn(&u64) -> bool,
    words: &mut FxHashSet<u64>,
) {
    for w in s.split(|c: char| !crate::tokens::is_word_char(c)) {
        if !w.is_empty() && filter.may_hold(w) {
            let h = fold_hash(w);
            if wanted(&h) {
                words.insert(h);
            }
        }
    }
}

/// The words `a..b` of `w` that are exactly the words of `text[start..end]`
/// split at every char that is no word char, if they are: the range cuts
/// no word, holds no word char outside them, and none of them holds an
/// invisible char (which joins two words of the split).
fn whole_words<'a>(
    text: &str,
    w: Words<'a>,
    start: usize,
    end: usize,
) -> Option<(Words<'a>, usize, usize)> {
    let a = w.tokens.partition_point(|t| t.end <= start);
    let b = a + w.tokens[a..].partition_point(|t| t.end <= end);
    let (first, last) = (w.tokens.get(a)?, w.tokens.get(b.checked_sub(1)?)?);
    let no_word_char = |s: &str| !s.chars().any(crate::tokens::is_word_char);
    let whole = a < b
        && first.start >= start
        && w.tokens.get(b).is_none_or(|t| t.start >= end)
        && no_word_char(&text[start..first.start])
        && no_word_char(&text[last.end..end])
        && w.flags[a..b].iter().all(|f| f & flag::NORMALIZE == 0);
    whole.then_some((w, a, b))
}

/// Later or earlier lone last words of a person's full name, not yet
/// covered by any mention: that person. Only names the tagger is sure of
/// ([`surname_margin`]) lend their last word so.
fn add_short_forms(
    text: &str,
    paragraphs: &[ParagraphInput],
    mentions: &[Mention],
    (full, names, wanted): (&FxHashMap<u64, Option<usize>>, &[String], &WordFilter),
    out: &mut Vec<ModelName>,
) {
    if full.is_empty() {
        return;
    }
    let mut covered: Vec<(usize, usize)> = out.iter().map(|n| (n.start, n.end)).collect();
    covered.sort_unstable();
    let mut added = Vec::new();
    for p in paragraphs {
        let (toks, flags) = (p.words.tokens, p.words.flags);
        for (i, t) in toks.iter().enumerate() {
            if flags[i] & flag::UPPER == 0 {
                continue;
            }
            let w = &text[t.start..t.end];
            if !wanted.may_hold(w) || w.chars().count() < 3 || !has_lowercase(w) {
                continue;
            }
            let Some(&Some(name)) = full.get(&p.words.hashes[i]) else {
                continue;
            };
            // Part of a longer capitalised run: another name, not this one.
            let joined = |j: usize| {
                let (a, b) = (toks[j], toks[j + 1]);
                text[a.end..b.start].trim().is_empty()
                    && flags[j] & flag::UPPER != 0
                    && flags[j + 1] & flag::UPPER != 0
            };
            if (i > 0 && joined(i - 1)) || (i + 1 < toks.len() && joined(i)) {
                continue;
            }
            let inside = |&(a, b): &(usize, usize)| a < t.end && t.start < b;
            if covered.iter().any(inside) || overlaps_list(mentions, t.start, t.end) {
                continue;
            }
            added.push(ModelName {
                start: t.start,
                end: t.end,
                paragraph: p.index,
                kind: EntityType::Person,
                name: names[name].clone(),
            });
            covered.push((t.start, t.end));
        }
    }
    out.extend(added);
}

fn surface<'t>(text: &'t str, toks: &[Token], s: Span) -> &'t str {
    &text[toks[s.start].start..toks[s.end - 1].end]
}

/// The span's words with single spaces (a name broken over spaces is one name).
fn span_text(text: &str, toks: &[Token], s: Span) -> String {
    let surface = surface(text, toks, s);
    // Most names are ASCII with single spaces already (one pass: a
    // substring search for two spaces costs more than the whole test).
    let b = surface.as_bytes();
    let plain = b.iter().enumerate().all(|(i, &c)| {
        c.is_ascii()
            && !(c.is_ascii_whitespace() && c != b' ')
            && !(c == b' ' && b.get(i + 1) == Some(&b' '))
    });
    if plain {
        return surface.to_string();
    }
    surface.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A quick test that a word may be one of a few (by [`fold_hash`]): the
/// length and lowercased first letter of ASCII words, one bit each. Never
/// says no to a word of the set (a word that is not ASCII may always be).
#[derive(Debug, Default)]
struct WordFilter {
    bits: u64,
    any: bool,
}

impl WordFilter {
    fn bit(ascii: &[u8]) -> u64 {
        let first = ascii.first().map_or(0, u8::to_ascii_lowercase) as usize;
        1 << ((ascii.len() * 31 + first) & 63)
    }

    fn add(&mut self, word: &str) {
        self.any = true;
        if word.is_ascii() {
            self.bits |= Self::bit(word.as_bytes());
        } else {
            // Only a word of the same lowercase can share its hash; an
            // ASCII one only when that lowercase is ASCII.
            let lower = word.to_lowercase();
            if lower.is_ascii() {
                self.bits |= Self::bit(lower.as_bytes());
            }
        }
    }

    fn is_empty(&self) -> bool {
        !self.any
    }

    fn may_hold(&self, word: &str) -> bool {
        !word.is_ascii() || self.bits & Self::bit(word.as_bytes()) != 0
    }

    /// [`WordFilter::may_hold`] of the ASCII word `t` of `text`.
    fn may_hold_ascii(&self, text: &str, t: Token) -> bool {
        self.bits & Self::bit(&text.as_bytes()[t.start..t.end]) != 0
    }
}

/// Does `start..end` overlap a list mention? (`mentions` in text order.)
fn overlaps_list(mentions: &[Mention], start: usize, end: usize) -> bool {
    let i = mentions.partition_point(|m| m.end <= start);
    mentions[i..]
        .iter()
        .take_while(|m| m.start < end)
        .any(|m| m.start < end && start < m.end)
}

/// A byline or credit line: it starts with `By`, `Oleh`, `Foto:` ... and
/// is short.
fn is_credit_line(text: &str, toks: &[Token]) -> bool {
    let first = &text[toks[0].start..toks[0].end];
    toks.len() <= 12 && CREDIT_STARTS.iter().any(|c| c.eq_ignore_ascii_case(first))
}

/// A line of capitalised words (a title-case headline, `READ MORE`,
/// `Article Continued Below`): the tagger cannot tell names there.
fn is_capitalised_line(words: Words) -> bool {
    // At least four words in five capitalised: at most one in five not
    // (most paragraphs tell early).
    let mut lower = 0;
    for &f in words.flags {
        if f & flag::UPPER == 0 {
            lower += 1;
            if lower * 5 > words.len() {
                return false;
            }
        }
    }
    words.len() >= 2
}

/// A photo or story credit: `(Name/Agency)`, `Name/Agency`.
fn is_credit(text: &str, toks: &[Token], s: Span) -> bool {
    let before = if s.start == 0 {
        ""
    } else {
        &text[toks[s.start - 1].end..toks[s.start].start]
    };
    let after = if s.end == toks.len() {
        ""
    } else {
        &text[toks[s.end - 1].end..toks[s.end].start]
    };
    before.contains('/') || after.trim_start().starts_with('/')
}

/// Competitions, events and awards are no names (`Liga Champions`,
/// `Piala Dunia`), and a head word alone (`PT`, `Kantor`, `Persero`,
/// `Presiden`) names nothing.
fn is_name_like(lexicon: &Lexicon, text: &str, words: Words) -> bool {
    let class_of = |h: u64| lexicon.classes(h);
    const HEADS: u8 = class::ORG_HEAD | class::PLACE_HEAD | class::TITLE | class::HONORIFIC;
    let event = words
        .hashes
        .iter()
        .any(|&h| class_of(h) & class::EVENT != 0);
    let lone_head = words.len() == 1 && class_of(words.hashes[0]) & HEADS != 0;
    // A Roman numeral alone (`III`) is part of a name the run split off.
    let toks = words.tokens;
    let numeral = toks.len() == 1
        && text[toks[0].start..toks[0].end]
            .bytes()
            .all(|b| b"IVXLCDM".contains(&b));
    !event && !lone_head && !numeral
}

/// A name in capitals of two words or more (`READ MORE`, a dateline).
fn is_shouted(text: &str, toks: &[Token]) -> bool {
    toks.len() >= 2 && toks.iter().all(|t| !has_lowercase(&text[t.start..t.end]))
}

/// Does a title, honorific or reporting verb next to a lone word say it
/// is a person? (`Presiden Budi`, `Pak Budi`, `kata Budi`, `Budi said`.)
fn context_says_person(lexicon: &Lexicon, words: Words, s: Span) -> bool {
    let class_at = |i: usize| lexicon.classes(words.hashes[i]);
    let toks = words.tokens;
    let before = s.start > 0 && {
        let c = class_at(s.start - 1);
        c & (class::TITLE | class::HONORIFIC | class::SPEECH) != 0
    };
    let after = s.end < toks.len() && class_at(s.end) & class::SPEECH != 0;
    before || after
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod document_tests;
