//! Speakers: reading the name next to a cue, and resolving pronouns and
//! descriptions to the person they stand for.

use super::cues::{CueHit, CueKind};
use super::marks::Span;
use super::model::{Method, Reference, Speaker};
use super::{guess_type, Quote, QuoteInput, QuoteKind};
use crate::gazetteer::EntityType;
use crate::resolve::Mention;
use crate::tokens::{is_capitalized, Token};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// What a first pass over the document learnt about its speakers.
#[derive(Debug, Clone, Default)]
pub struct Known {
    /// Full names of unlisted people quoted in the document.
    pub names: Vec<String>,
    /// Single words the document cites people by (`kata Anita`).
    pub short: HashSet<String>,
}

impl Known {
    /// Did the first pass learn nothing (the state it started from)?
    pub fn is_empty(&self) -> bool {
        self.names.is_empty() && self.short.is_empty()
    }

    pub fn from_quotes(quotes: &[Quote], cues: &super::Cues) -> Known {
        let mut k = Known::default();
        for s in quotes.iter().filter_map(|q| q.speaker.as_ref()) {
            if s.kind != EntityType::Person {
                continue;
            }
            let surface = s.surface.trim();
            if !surface.contains(' ')
                && is_capitalized(surface)
                && !cues.is_pronoun(surface)
                && !cues.is_title(surface)
            {
                k.short.insert(surface.to_string());
            }
        }
        for s in quotes.iter().filter_map(|q| q.speaker.as_ref()) {
            if s.kind != EntityType::Person || s.entity.is_some() {
                continue;
            }
            let words: Vec<&str> = s
                .name
                .split_whitespace()
                .skip_while(|w| cues.is_title(w) || cues.is_org(w) || is_acronym(w))
                .collect();
            // Cut a title or organization left before a cited first name
            // (but not given names and initials: "Muhammad Zaki Iskandar").
            let mut cut = (0..words.len().saturating_sub(1))
                .find(|&i| k.short.contains(words[i]))
                .unwrap_or(0);
            while cut > 0 && (cues.is_given(words[cut - 1]) || is_initials(words[cut - 1])) {
                cut -= 1;
            }
            let name = words[cut..].join(" ");
            if !name.is_empty() && !k.names.contains(&name) {
                k.names.push(name);
            }
        }
        k
    }
}

/// An attribution: speaker (possibly unresolved), cue and rule.
pub struct Found {
    pub speaker: Option<Speaker>,
    pub cue: String,
    pub method: Method,
}

/// Words that start a sentence without being part of a name.
static NOT_NAMES: std::sync::LazyLock<rustc_hash::FxHashSet<&str>> =
    std::sync::LazyLock::new(|| {
        [
            "The",
            "A",
            "An",
            "This",
            "These",
            "Those",
            "That",
            "Its",
            "His",
            "Her",
            "Their",
            "Our",
            "In",
            "On",
            "At",
            "For",
            "But",
            "And",
            "Yet",
            "So",
            "If",
            "When",
            "As",
            "After",
            "Before",
            "While",
            "Since",
            "Although",
            "Yang",
            "Dan",
            "Di",
            "Ke",
            "Dari",
            "Namun",
            "Tetapi",
            "Sementara",
            "Saat",
            "Ketika",
            "Pada",
            "Dalam",
            "Untuk",
            "Sedangkan",
            "Selain",
            "Menurut",
            "Kata",
            "Para",
            "Sang",
            "Pihak",
            "Kami",
            "Kita",
            "Saya",
            "Aku",
            "Anda",
            "We",
            "I",
            "You",
            "They",
            "He",
            "She",
            "It",
            "Ia",
            "Dia",
            "Mereka",
            "Beliau",
            "Senin",
            "Selasa",
            "Rabu",
            "Kamis",
            "Jumat",
            "Sabtu",
            "Minggu",
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
            // Months (not April, May and June: given names too).
            "January",
            "February",
            "March",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
            "Januari",
            "Februari",
            "Maret",
            "Juli",
            "Agustus",
            "Oktober",
            "Desember",
        ]
        .into_iter()
        .collect()
    });

/// How many sentences back an enclitic looks for its speaker.
const SUBJECT_SENTENCES: usize = 10;

/// How many words of one sentence, back from the enclitic, are read for its
/// speaker: news sentences are far shorter, and a "sentence" of thousands
/// of quotes with no full stop (scraper output) would otherwise be read
/// once per quote.
const SUBJECT_WORDS: usize = 120;

/// Lowercase words that may stand inside a name (`Ministry of Foreign Affairs`).
static JOINERS: std::sync::LazyLock<rustc_hash::FxHashSet<&str>> = std::sync::LazyLock::new(|| {
    [
        "of", "bin", "binti", "van", "von", "de", "da", "al", "el", "la", "der", "den", "du",
        "dos", "for",
    ]
    .into_iter()
    .collect()
});

/// The state of one document's extraction.
pub struct Extractor<'a> {
    pub input: &'a QuoteInput<'a>,
    pub quotes: Vec<Quote>,
    /// Sorted `(start, end)` of the direct and partial quotes of finished
    /// paragraphs.
    quoted_done: Vec<(usize, usize)>,
    known: Known,
    /// What the document says about its words, the same for both passes.
    doc: DocIndex<'a>,
    /// Speakers of the quotes of finished paragraphs, indexed by word, so
    /// that resolving a name never rescans every quote (long documents).
    index: SpeakerIndex,
    /// `quotes[..indexed]` are in `index` (finished paragraphs).
    indexed: usize,
    /// The runs of name words around each place a word stands (see
    /// [`Extractor::name_runs`]), by word, for this pass.
    runs: RefCell<HashMap<u64, Rc<[NameRun<'a>]>>>,
}

/// A run of name words around one place a word stands: where it starts,
/// the name, and whether it reads as a person's.
#[derive(Clone, Copy)]
struct NameRun<'a> {
    start: usize,
    name: &'a str,
    person: bool,
}

/// Facts about a document's words, built once per document.
pub struct DocIndex<'a> {
    /// Quoted spans of each paragraph (empty for titles).
    pub spans: Vec<Vec<Span>>,
    /// Sentences `(start, end)` of each paragraph.
    pub sentences: Vec<Vec<(usize, usize)>>,
    /// Quoted spans `(open, close)` of all paragraphs, in text order.
    pub marked: Vec<(usize, usize)>,
    /// Is each paragraph written like a headline? See [`Extractor::title_case`].
    pub title_case: Vec<bool>,
    /// Every distinct word of the document and its id: one hash per word
    /// serves all the word sets below.
    ids: WordIds,
    /// Per word id: [`MID_CAP`] and [`PLACE`] bits.
    flags: Vec<u8>,
    /// Per word id: where the word stands, capitalised: (paragraph, token).
    positions: Grouped<(u32, u32)>,
    /// Per word id: what follows the word, capitalised: the next word when
    /// only a space stands between, else "" (each once, first seen first).
    follows: Grouped<&'a str>,
    /// Index in `name_words` of each paragraph's first token.
    token_base: Vec<u32>,
    /// Per token: is it a name word (see [`Extractor::is_name_word`])? 0 not
    /// yet known, 1 no, 2 yes.
    name_words: Vec<Cell<u8>>,
    /// Per token: 1 when no cue starts there (see [`Extractor::cue_at`]).
    cue_free: Vec<Cell<u8>>,
}

/// Word ids by [`word_key`]: the key is a hash already, used as it is.
type WordIds = std::collections::HashMap<u64, u32, std::hash::BuildHasherDefault<KeyHasher>>;

/// A word as a 64-bit hash of its exact bytes: the document's words are
/// told apart by it (two words of one document sharing 64 bits is not a
/// case to plan for), and no string is compared.
fn word_key(w: &str) -> u64 {
    crate::tokens::hash_exact(w)
}

/// The hasher of [`WordIds`]: passes a [`word_key`] through.
#[derive(Default)]
struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // Only u64 keys are hashed; fold anything else in all the same.
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, k: u64) {
        self.0 = k;
    }
}

/// A capitalised word the document writes inside a sentence.
const MID_CAP: u8 = 1;
/// A capitalised word the document writes after "di", "ke" or "dari".
const PLACE: u8 = 2;

/// A set of the document's words (see [`DocIndex::lower`]).
pub struct WordSet<'d, 'a> {
    doc: &'d DocIndex<'a>,
    /// The flag bit its words carry; 0 for words starting in lowercase.
    flag: u8,
}

impl WordSet<'_, '_> {
    pub fn contains(&self, w: &str) -> bool {
        match self.doc.ids.get(&word_key(w)) {
            None => false,
            Some(_) if self.flag == 0 => w.chars().next().is_some_and(char::is_lowercase),
            Some(&id) => self.doc.flags[id as usize] & self.flag != 0,
        }
    }
}

/// Lists by word (see [`DocIndex::positions`]); a word never written
/// capitalised has an empty list.
pub struct WordLists<'d, 'a, T> {
    ids: &'d WordIds,
    _words: std::marker::PhantomData<&'a str>,
    lists: &'d Grouped<T>,
}

impl<'d, T> WordLists<'d, '_, T> {
    pub fn get(&self, w: &str) -> Option<&'d [T]> {
        self.ids
            .get(&word_key(w))
            .map(|&id| self.lists.get(id as usize))
    }
}

/// Lists by word id in one allocation: the items of id `i` are
/// `items[starts[i]..starts[i + 1]]`, in the order they were added (one
/// `Vec` per word cost an allocation per distinct capitalised word).
struct Grouped<T> {
    starts: Vec<u32>,
    items: Vec<T>,
}

impl<T: Copy + PartialEq> Grouped<T> {
    /// Groups `(id, item)` pairs by id (ids below `ids`), keeping their
    /// order within each id (a counting sort); with `unique`, only the
    /// first of equal items.
    fn new(ids: usize, pairs: &[(u32, T)], unique: bool) -> Grouped<T> {
        let mut starts = vec![0u32; ids + 1];
        for &(id, _) in pairs {
            starts[id as usize + 1] += 1;
        }
        for i in 0..ids {
            starts[i + 1] += starts[i];
        }
        let Some(&(_, fill)) = pairs.first() else {
            return Grouped {
                starts,
                items: Vec::new(),
            };
        };
        let mut items = vec![fill; pairs.len()];
        let mut next = starts.clone();
        for &(id, x) in pairs {
            items[next[id as usize] as usize] = x;
            next[id as usize] += 1;
        }
        if unique {
            // Drop repeats within each group, in place.
            let (mut kept, mut a) = (0, 0);
            for id in 0..ids {
                // Where the group ended before the groups were compacted.
                let b = starts[id + 1] as usize;
                let from = kept;
                for k in std::mem::replace(&mut a, b)..b {
                    let x = items[k];
                    if !items[from..kept].contains(&x) {
                        items[kept] = x;
                        kept += 1;
                    }
                }
                starts[id + 1] = kept as u32;
            }
            items.truncate(kept);
        }
        Grouped { starts, items }
    }
}

impl<T> Grouped<T> {
    fn get(&self, id: usize) -> &[T] {
        &self.items[self.starts[id] as usize..self.starts[id + 1] as usize]
    }
}

impl<'a> DocIndex<'a> {
    /// Reads the document's words once.
    pub fn build(input: &'a QuoteInput<'a>) -> DocIndex<'a> {
        // Quoted spans of each paragraph (none in titles).
        let spans: Vec<Vec<Span>> = input
            .paragraphs
            .iter()
            .map(|p| {
                if p.title {
                    Vec::new()
                } else {
                    super::marks::find_spans(input.text, p.start, p.end)
                }
            })
            .collect();
        let text = input.text;
        let words: usize = input.paragraphs.iter().map(|p| p.tokens.len()).sum();
        let mut ids = WordIds::default();
        ids.reserve(words / 2);
        let mut flags: Vec<u8> = Vec::new();
        // (word id, place) and (word id, next word) of capitalised words,
        // grouped by id at the end.
        let mut positions: Vec<(u32, (u32, u32))> = Vec::new();
        let mut follows: Vec<(u32, &'a str)> = Vec::new();
        let mut title_case = Vec::with_capacity(input.paragraphs.len());
        for (pi, p) in input.paragraphs.iter().enumerate() {
            let toks = p.tokens;
            let (mut words, mut caps) = (0usize, 0usize);
            for (j, t) in toks.iter().enumerate() {
                let w = &text[t.start..t.end];
                let Some(c) = w.chars().next() else {
                    continue;
                };
                if c.is_alphabetic() {
                    words += 1;
                    caps += usize::from(c.is_uppercase());
                }
                let next_id = flags.len() as u32;
                let id = *ids.entry(word_key(w)).or_insert(next_id) as usize;
                if id == flags.len() {
                    flags.push(0);
                }
                if !(c.is_uppercase() || c.is_ascii_digit()) {
                    continue;
                }
                positions.push((id as u32, (pi as u32, j as u32)));
                let next = toks.get(j + 1).map_or("", |n| {
                    if text[t.end..n.start] == *" " {
                        &text[n.start..n.end]
                    } else {
                        ""
                    }
                });
                follows.push((id as u32, next));
                if j > 0 {
                    let gap = &text[toks[j - 1].end..t.start];
                    let prev = &text[toks[j - 1].start..toks[j - 1].end];
                    if !opens_sentence(gap, prev, input.cues) {
                        flags[id] |= MID_CAP;
                    }
                    if gap == " " && matches!(prev, "di" | "Di" | "ke" | "dari") && !is_acronym(w) {
                        flags[id] |= PLACE;
                    }
                }
            }
            title_case.push(words >= 4 && caps * 5 >= words * 4);
        }
        DocIndex {
            marked: spans.iter().flatten().map(|s| (s.open, s.close)).collect(),
            sentences: input
                .paragraphs
                .iter()
                .zip(&spans)
                .map(|(p, sp)| super::sentences::split(input.text, p, sp))
                .collect(),
            spans,
            title_case,
            ids,
            positions: Grouped::new(flags.len(), &positions, false),
            follows: Grouped::new(flags.len(), &follows, true),
            flags,
            token_base: input
                .paragraphs
                .iter()
                .scan(0u32, |base, p| {
                    let b = *base;
                    *base += p.tokens.len() as u32;
                    Some(b)
                })
                .collect(),
            name_words: vec![Cell::new(0); words],
            cue_free: vec![Cell::new(0); words],
        }
    }

    /// Words the document writes in lowercase.
    pub fn lower(&self) -> WordSet<'_, 'a> {
        WordSet { doc: self, flag: 0 }
    }

    /// Capitalised words the document writes inside a sentence.
    pub fn mid_caps(&self) -> WordSet<'_, 'a> {
        WordSet {
            doc: self,
            flag: MID_CAP,
        }
    }

    /// Capitalised words the document writes after "di", "ke" or "dari"
    /// (`di Indramayu`): places, not names.
    pub fn places(&self) -> WordSet<'_, 'a> {
        WordSet {
            doc: self,
            flag: PLACE,
        }
    }

    /// Where each capitalised word stands: (paragraph, token).
    pub fn positions(&self) -> WordLists<'_, 'a, (u32, u32)> {
        WordLists {
            ids: &self.ids,
            _words: std::marker::PhantomData,
            lists: &self.positions,
        }
    }

    /// What follows each capitalised word in the document: the next word
    /// when only a space stands between, else "".
    pub fn follows(&self) -> WordLists<'_, 'a, &'a str> {
        WordLists {
            ids: &self.ids,
            _words: std::marker::PhantomData,
            lists: &self.follows,
        }
    }
}

/// Names by word: `Marsudi` -> `Retno Marsudi`. Words are keyed by
/// [`word_key`] (no string per key) and a name is shared by its words.
#[derive(Default)]
struct SpeakerIndex {
    /// Person names by first or last word (for `known_person`; a later
    /// name of equal length wins).
    person_edge: NameMap,
    /// Person names by any word (for words the document cites people by).
    person_any: NameMap,
    /// Unlisted speakers' names of two words or more, by first or last word
    /// (for `fullest_name`; the first of equal length wins).
    fullest: NameMap,
    /// The same names with where they were quoted, in text order (for
    /// surnames several people share).
    quoted_at: HashMap<u64, Vec<(usize, Rc<str>)>>,
}

/// Names by [`word_key`].
type NameMap = std::collections::HashMap<u64, Rc<str>, std::hash::BuildHasherDefault<KeyHasher>>;

impl SpeakerIndex {
    fn add_person(&mut self, name: &Rc<str>) {
        if guess_type(name) != EntityType::Person {
            return;
        }
        // A later name of equal length wins.
        let put = |map: &mut NameMap, w: &str| {
            file_under(map, w, name, |there| name.len() >= there.len())
        };
        let mut words = name.split_whitespace();
        let first = words.next();
        for w in first.into_iter().chain(words.next_back()) {
            put(&mut self.person_edge, w);
        }
        for w in name.split_whitespace() {
            put(&mut self.person_any, w);
        }
    }

    fn add_fullest(&mut self, name: &Rc<str>, cues: &super::Cues) {
        let parts: Vec<&str> = name.split_whitespace().collect();
        if parts.len() < 2 {
            return;
        }
        // "Muhammad Zaki Iskandar" by "Zaki" too: the first word after
        // given names and initials.
        let cited = parts[..parts.len() - 1]
            .iter()
            .find(|w| !cues.is_given(w) && !is_initials(w))
            .filter(|w| **w != parts[0]);
        for &w in [parts[0], parts[parts.len() - 1]].iter().chain(cited) {
            // The first name of equal length wins.
            file_under(&mut self.fullest, w, name, |there| there.len() < name.len());
        }
    }
}

/// Files `name` under the word `w` of `map`: for a word not there yet, or
/// over the name there when `replaces(that name)`.
fn file_under(map: &mut NameMap, w: &str, name: &Rc<str>, replaces: impl Fn(&str) -> bool) {
    match map.entry(word_key(w)) {
        std::collections::hash_map::Entry::Occupied(mut e) => {
            if replaces(e.get()) {
                e.insert(name.clone());
            }
        }
        std::collections::hash_map::Entry::Vacant(e) => {
            e.insert(name.clone());
        }
    }
}

impl<'a> Extractor<'a> {
    pub fn new(input: &'a QuoteInput<'a>, known: Known, doc: DocIndex<'a>) -> Extractor<'a> {
        let mut index = SpeakerIndex::default();
        for n in &known.names {
            let n: Rc<str> = n.as_str().into();
            index.add_person(&n);
            index.add_fullest(&n, input.cues);
        }
        Extractor {
            input,
            quotes: Vec::new(),
            doc,
            index,
            indexed: 0,
            quoted_done: Vec::new(),
            known,
            runs: RefCell::default(),
        }
    }

    /// The quotes found, and the document index for another pass.
    pub fn finish(self) -> (Vec<Quote>, DocIndex<'a>) {
        (self.quotes, self.doc)
    }

    /// The quoted spans of paragraph `pi`.
    pub fn doc_spans(&self, pi: usize) -> &[Span] {
        &self.doc.spans[pi]
    }

    /// The sentences of paragraph `pi`.
    pub fn sentences(&self, pi: usize) -> &[(usize, usize)] {
        &self.doc.sentences[pi]
    }

    /// The quotes of the paragraph in progress (not yet indexed).
    pub fn current_quotes(&self) -> &[Quote] {
        &self.quotes[self.indexed..]
    }

    fn word(&self, t: Token) -> &'a str {
        &self.input.text[t.start..t.end]
    }

    fn toks(&self, pi: usize) -> &'a [Token] {
        self.input.paragraphs[pi].tokens
    }

    /// Index of the first token starting at or after `byte`.
    pub fn tok_at(&self, pi: usize, byte: usize) -> usize {
        self.toks(pi).partition_point(|t| t.start < byte)
    }

    fn mention_at(&self, t: Token) -> Option<&'a Mention> {
        let ms = self.input.mentions;
        let i = ms.partition_point(|m| m.end <= t.start);
        ms.get(i).filter(|m| m.start <= t.start && t.start < m.end)
    }

    fn entity_kind(&self, m: &Mention) -> EntityType {
        self.input.entities[m.entity as usize].kind
    }

    fn speaker_of(&self, m: &Mention) -> Speaker {
        let e = &self.input.entities[m.entity as usize];
        Speaker {
            entity: Some(m.entity),
            name: e.name.clone(),
            kind: e.kind,
            surface: self.input.text[m.start..m.end].to_string(),
        }
    }

    /// Does the text `from..to` end with a reporting cue (and maybe `that`)?
    pub fn ends_with_cue(&self, from: usize, to: usize) -> bool {
        let Some(pi) = self.para_of(from) else {
            return false;
        };
        let toks = self.toks(pi);
        let mut j = self.tok_at(pi, to);
        while j > 0 && toks[j - 1].start >= from {
            let w = self.word(toks[j - 1]);
            if self.input.cues.is_that(w) {
                j -= 1;
                continue;
            }
            return (j.saturating_sub(3)..j).any(|k| {
                toks[k].start >= from
                    && self
                        .cue_at(pi, k)
                        .is_some_and(|h| h.end == j && h.kind == CueKind::Verb)
            });
        }
        false
    }

    fn para_of(&self, byte: usize) -> Option<usize> {
        // Paragraphs are in text order: the last one starting at or before `byte`.
        let ps = self.input.paragraphs;
        let i = ps.partition_point(|p| p.start <= byte).checked_sub(1)?;
        (byte <= ps[i].end).then_some(i)
    }

    /// The sieves for a quoted span, in order.
    pub fn attribute_quoted(
        &self,
        pi: usize,
        span: &Span,
        kind: QuoteKind,
        sent_start: usize,
    ) -> Option<Found> {
        let text = self.input.text;
        let toks = self.toks(pi);
        let p = self.input.paragraphs[pi];
        // 0. A transcript: "PENCE: Well, look, …".
        if let Some((_, label)) = transcript_label(&text[span.inner_start..span.inner_end]) {
            return Some(Found {
                speaker: Some(self.label_speaker(label, span.open)),
                cue: format!("{label}:"),
                method: Method::Transcript,
            });
        }
        // 1. Cue after the closing mark, in the same sentence.
        let k = self.tok_at(pi, span.close);
        let gap = &text[span.close..toks.get(k).map_or(p.end, |t| t.start)];
        let adjacent = !gap.contains(['.', '!', '?', '“', '"', '”']);
        if k < toks.len() && adjacent {
            if let Some(f) = self.cue_after(pi, k, span.open) {
                return Some(f);
            }
        }
        // 1b. The cue opens the next paragraph ("”\nkatanya."): a quote
        //     ending its paragraph, a line break before the cue.
        let next = pi + 1;
        if k >= toks.len() && gap.trim().is_empty() && next < self.input.paragraphs.len() {
            let q = self.input.paragraphs[next];
            let first_is_cue = !q.title
                && q.tokens.first().is_some_and(|t| {
                    text[t.start..t.end].starts_with(char::is_lowercase)
                        && self.cue_at(next, 0).is_some()
                });
            if first_is_cue {
                if let Some(f) = self.cue_after(next, 0, span.open) {
                    return Some(f);
                }
            }
        }
        // 2. Cue before the opening mark, in the same sentence.
        if let Some(f) = self.cue_before(pi, sent_start, span.open) {
            return Some(f);
        }
        // 2b. "Caddell continued:" ending the previous paragraph.
        if text[p.start..span.open].trim().is_empty() && pi > 0 {
            let prev = self.input.paragraphs[pi - 1];
            if !prev.title
                && text[prev.start..prev.end].trim_end().ends_with(':')
                && !prev.tokens.is_empty()
            {
                if let Some(&(ss, _)) = self.doc.sentences[pi - 1].last() {
                    if let Some(f) = self.cue_before(pi - 1, ss, prev.end) {
                        return Some(f);
                    }
                }
            }
        }
        // 3. Continuation: a quote that opens its paragraph or follows a
        //    quote of the same paragraph, with no cue of its own. Nobody
        //    else may be named between the two.
        let before = text[p.start..span.open].trim();
        // An indirect quote right before, in the same paragraph, counts too:
        // "…, Schiff said. “…”".
        let last_any = self
            .quotes
            .last()
            .filter(|q| q.kind == QuoteKind::Indirect && q.paragraph == pi);
        if let Some(prev) = last_any.or_else(|| {
            self.quotes
                .iter()
                .rev()
                .find(|q| q.kind != QuoteKind::Indirect)
        }) {
            let same_para = prev.paragraph == pi;
            let next_para = prev.paragraph + 1 == pi && before.is_empty();
            if (same_para || next_para) && kind == QuoteKind::Direct {
                // People named in the rest of the previous quote's sentence
                // describe its speaker ("…,” said Kenneth Baer, a former
                // Obama administration official. “…”): not in between.
                let from = self.doc.sentences[prev.paragraph]
                    .iter()
                    .find(|s| s.0 <= prev.end && prev.end < s.1)
                    .map_or(prev.end, |s| s.1.clamp(prev.end, span.open));
                if let Some(s) = prev
                    .speaker
                    .as_ref()
                    .filter(|s| !self.other_person_between(s, from, span.open))
                {
                    return Some(Found {
                        speaker: Some(s.clone()),
                        cue: String::new(),
                        method: Method::Continuation,
                    });
                }
            }
        }
        // 4. A partial quote: the person or organization the sentence is about.
        if kind == QuoteKind::Partial {
            let first = self.tok_at(pi, sent_start);
            let last = self.tok_at(pi, span.open);
            if let Some(sp) = self.first_name(pi, first, last) {
                return Some(Found {
                    speaker: Some(sp),
                    cue: String::new(),
                    method: Method::SentenceSubject,
                });
            }
        }
        None
    }

    /// The speaker a transcript's label names: the listed person whose name
    /// ends with it (`PENCE` -> `Mike Pence`), else the fullest name the
    /// document gives, else the label.
    fn label_speaker(&self, label: &str, pos: usize) -> Speaker {
        let last = label.split_whitespace().last().unwrap_or(label);
        let listed = self.input.mentions.iter().find(|m| {
            self.entity_kind(m) == EntityType::Person
                && self.input.entities[m.entity as usize]
                    .name
                    .split_whitespace()
                    .last()
                    .is_some_and(|w| w.to_lowercase() == last.to_lowercase())
        });
        if let Some(m) = listed {
            return Speaker {
                surface: label.to_string(),
                ..self.speaker_of(m)
            };
        }
        let titled: Vec<String> = label
            .split_whitespace()
            .map(|w| {
                let mut c = w.chars();
                c.next().map_or(String::new(), |f| {
                    f.to_uppercase()
                        .chain(c.flat_map(char::to_lowercase))
                        .collect()
                })
            })
            .collect();
        Speaker {
            surface: label.to_string(),
            ..self.unlisted(&titled.join(" "), pos)
        }
    }

    /// The first person or organization named in tokens `first..last`
    /// (outside quotes), listed or not: the subject of a sentence.
    pub(super) fn first_name(&self, pi: usize, first: usize, last: usize) -> Option<Speaker> {
        let toks = self.toks(pi);
        let mut j = first;
        while j < last {
            let t = toks[j];
            if self.in_quote(t.start) {
                j += 1;
                continue;
            }
            if let Some(m) = self.mention_at(t) {
                if matches!(
                    self.entity_kind(m),
                    EntityType::Person | EntityType::Organization
                ) {
                    return Some(self.speaker_of(m));
                }
                j += 1;
                continue;
            }
            if self.is_name_word(pi, j) {
                let end = self.window_end(pi, j).min(last).max(j + 1);
                // "the Latvian journalist Dainis Ivans": one capitalised
                // word before a role noun modifies it.
                let modifier = end == j + 1
                    && end < last
                    && self.input.text[toks[j].end..toks[end].start] == *" "
                    && self.input.cues.is_description(self.word(toks[end]))
                    && !is_capitalized(self.word(toks[end]));
                if !modifier {
                    if let Some(s) = self
                        .choose(pi, j, end)
                        .filter(|s| s.kind == EntityType::Person)
                    {
                        return Some(s);
                    }
                }
                j = end;
                continue;
            }
            j += 1;
        }
        None
    }

    /// Is a person other than `s` named (outside quotes) in `from..to`?
    fn other_person_between(&self, s: &Speaker, from: usize, to: usize) -> bool {
        let ms = self.input.mentions;
        let i = ms.partition_point(|m| m.start < from);
        ms[i..].iter().take_while(|m| m.end <= to).any(|m| {
            self.entity_kind(m) == EntityType::Person
                && Some(m.entity) != s.entity
                && !self.in_quote(m.start)
        })
    }

    fn in_quote(&self, byte: usize) -> bool {
        let done = &self.quoted_done;
        let i = done.partition_point(|q| q.1 <= byte);
        done.get(i).is_some_and(|q| q.0 <= byte)
            || self.quotes[self.indexed..]
                .iter()
                .any(|q| q.kind != QuoteKind::Indirect && q.start <= byte && byte < q.end)
    }

    /// Call when a paragraph's quotes are final: indexes them.
    pub fn paragraph_done(&mut self) {
        for q in &self.quotes[self.indexed..] {
            if q.kind != QuoteKind::Indirect {
                self.quoted_done.push((q.start, q.end));
            }
            if let Some(sp) = &q.speaker {
                if sp.entity.is_none() {
                    let name: Rc<str> = sp.name.as_str().into();
                    if sp.kind == EntityType::Person {
                        self.index.add_person(&name);
                    }
                    self.index.add_fullest(&name, self.input.cues);
                    let mut words = name.split_whitespace();
                    if let (Some(first), Some(last)) = (words.next(), words.next_back()) {
                        for w in [first, last] {
                            self.index
                                .quoted_at
                                .entry(word_key(w))
                                .or_default()
                                .push((q.start, name.clone()));
                        }
                    }
                }
            }
        }
        self.quoted_done.sort_unstable();
        self.indexed = self.quotes.len();
    }

    /// `“…,” kata X` / `“…,” X said` / `“…,” katanya` / `“…” — X`.
    fn cue_after(&self, pi: usize, k: usize, quote_start: usize) -> Option<Found> {
        let text = self.input.text;
        let toks = self.toks(pi);
        let cues = self.input.cues;
        // The first cue within a few words, before the sentence ends.
        let mut c = k;
        while c < toks.len() && c < k + 8 {
            if c > k {
                let gap = &text[toks[c - 1].end..toks[c].start];
                // "Mr. Obama said", "(D-Mo.) said": abbreviations.
                let prev = self.word(toks[c - 1]);
                let abbrev = gap.starts_with('.')
                    && (cues.is_title(prev) || (is_capitalized(prev) && prev.chars().count() <= 3));
                let gap = if abbrev { &gap[1..] } else { gap };
                if gap.contains(['.', '!', '?', ';', '“', '"']) {
                    return None;
                }
            }
            if let Some(hit) = self.cue_at(pi, c) {
                return self.after_hit(pi, k, hit, quote_start);
            }
            c += 1;
        }
        // "“…,” Scott Pruitt, the attorney general of Oklahoma, one of the
        // states suing, said …": a name, an apposition between commas, then
        // the cue after a comma, in the same sentence.
        let e = self.window_end(pi, k);
        if e > k && e < toks.len() && text[toks[e - 1].end..toks[e].start].trim() == "," {
            for c in e + 1..toks.len().min(e + 25) {
                let gap = &text[toks[c - 1].end..toks[c].start];
                if gap.contains(['.', '!', '?', ';', '“', '"', '”', '(']) {
                    break;
                }
                let verb = gap.trim() == ","
                    && self.cue_at(pi, c).is_some_and(|h| h.kind == CueKind::Verb);
                if verb {
                    let sp = self
                        .choose(pi, k, e)
                        .filter(|s| s.kind == EntityType::Person)?;
                    return Some(Found {
                        speaker: Some(sp),
                        cue: self.word(toks[c]).to_string(),
                        method: Method::CueAfter,
                    });
                }
            }
        }
        // "…" — Retno
        let gap = &text[..toks[k].start];
        if gap.trim_end().ends_with(['—', '–', '―']) {
            let sp = self.np_forward(pi, k)?;
            return Some(Found {
                speaker: Some(sp),
                cue: "—".into(),
                method: Method::CueAfter,
            });
        }
        None
    }

    fn after_hit(&self, pi: usize, k: usize, hit: CueHit, quote_start: usize) -> Option<Found> {
        let text = self.input.text;
        let toks = self.toks(pi);
        let cue = text[toks[hit.start].start..toks[hit.end - 1].end].to_string();
        match hit.kind {
            CueKind::Enclitic => Some(Found {
                speaker: self.subject_person(quote_start),
                cue,
                method: Method::Enclitic,
            }),
            CueKind::Statement => Some(Found {
                speaker: self.last_organization(quote_start),
                cue,
                method: Method::Statement,
            }),
            CueKind::Verb | CueKind::According | CueKind::Backref => {
                let speaker = if hit.start == k {
                    // kata X / said X
                    self.np_forward(pi, hit.end).map(|s| (s, Reference::Name))
                } else {
                    // X said
                    self.np_window(pi, k, hit.start, quote_start)
                };
                let speaker = speaker?;
                Some(Found {
                    speaker: Some(speaker.0),
                    cue,
                    method: speaker.1.method(Method::CueAfter),
                })
            }
        }
    }

    /// `X said: “…”` / `Kata X, “…”` / `Menurut X, “…”` / `X said the plan was “…”`.
    fn cue_before(&self, pi: usize, sent_start: usize, open: usize) -> Option<Found> {
        let text = self.input.text;
        let toks = self.toks(pi);
        let first = self.tok_at(pi, sent_start);
        let last = self.tok_at(pi, open);
        // The cue nearest the quote.
        for c in (first..last).rev() {
            let Some(hit) = self.cue_at(pi, c) else {
                continue;
            };
            if hit.end > last || !matches!(hit.kind, CueKind::Verb | CueKind::According) {
                continue;
            }
            let cue = text[toks[hit.start].start..toks[hit.end - 1].end].to_string();
            // "Trump attacked Clinton, saying, “…”": the sentence's subject.
            if cue.ends_with("ing") && hit.end == hit.start + 1 {
                let Some(sp) = self.first_name(pi, first, hit.start) else {
                    continue;
                };
                return Some(Found {
                    speaker: Some(sp),
                    cue,
                    method: Method::CueBefore,
                });
            }
            let speaker = match hit.kind {
                CueKind::According => self.np_forward(pi, hit.end).map(|s| (s, Reference::Name)),
                _ => self
                    .np_backward(pi, first, hit.start, open)
                    .or_else(|| self.np_forward(pi, hit.end).map(|s| (s, Reference::Name))),
            };
            // No speaker at this cue ("X said the protests demand “…”"):
            // the cue before it.
            let Some((speaker, method)) = speaker else {
                continue;
            };
            return Some(Found {
                speaker: Some(speaker),
                cue,
                method: method.method(Method::CueBefore),
            });
        }
        None
    }

    /// The speaker named by words `from..to` (`X said`: the words before the cue).
    fn np_window(
        &self,
        pi: usize,
        from: usize,
        to: usize,
        pos: usize,
    ) -> Option<(Speaker, Reference)> {
        let toks = self.toks(pi);
        let to = self.skip_paren(pi, from, to);
        if from >= to {
            return None;
        }
        let words: Vec<&str> = (from..to).map(|j| self.word(toks[j])).collect();
        if words.len() == 1 && self.input.cues.is_pronoun(words[0]) {
            return Some((self.last_person(pos)?, Reference::Pronoun));
        }
        if let Some(s) = self.choose(pi, from, to) {
            return Some((s, Reference::Name));
        }
        if words.iter().any(|w| self.input.cues.is_description(w)) {
            return Some((self.last_person(pos)?, Reference::Description));
        }
        None
    }

    /// The name starting at token `k` (after `kata`, `said`, `menurut`).
    pub fn np_forward(&self, pi: usize, k: usize) -> Option<Speaker> {
        let text = self.input.text;
        let toks = self.toks(pi);
        let mut k = k;
        if k >= toks.len() {
            return None;
        }
        if self.input.cues.is_pronoun(self.word(toks[k])) {
            return self.last_person(toks[k].start);
        }
        // Lowercase role words before the name: "juru bicara Kemlu".
        let mut described = false;
        let start = k;
        while k < toks.len() && k < start + 4 && !is_capitalized(self.word(toks[k])) {
            let w = self.word(toks[k]);
            described |= self.input.cues.is_description(w);
            if !(described || JOINERS.contains(&w) || w == "the" || w == "a" || w == "an") {
                return None;
            }
            k += 1;
        }
        if k >= toks.len() {
            return None;
        }
        if k > start && text[toks[start].start..toks[k].start].contains([',', '.']) {
            return None;
        }
        let cues = self.input.cues;
        let mut end = self.window_end(pi, k);
        // "MSNBC host Chris Matthews": role words between two runs of names.
        // An organization's acronym in parentheses too.
        loop {
            let mut e = end;
            while e < toks.len()
                && e < end + 3
                && text[toks[e - 1].end..toks[e].start] == *" "
                && cues.is_description(self.word(toks[e]))
                && !is_capitalized(self.word(toks[e]))
            {
                e += 1;
            }
            if e > end
                && e < toks.len()
                && text[toks[e - 1].end..toks[e].start] == *" "
                && is_capitalized(self.word(toks[e]))
            {
                end = self.window_end(pi, e);
            } else if end + 1 < toks.len()
                && text[toks[end - 1].end..toks[end].start] == *" ("
                && is_acronym(self.word(toks[end]))
                && text[toks[end].end..toks[end + 1].start] == *") "
                && is_capitalized(self.word(toks[end + 1]))
            {
                // "Ketua Komite Nasional Keselamatan Transportasi (KNKT)
                // Soerjanto Tjahjono": an acronym in parentheses.
                end = self.window_end(pi, end + 1);
            } else {
                break;
            }
        }
        let mut found = self.choose(pi, k, end);
        // Apposition: "kata juru bicara Kemlu, Teuku Faizasyah", "kata
        // Kepala Dusun X, Kelurahan Y, Wahyu Wibowo": after a title or an
        // organization, the first segment that is only a person's name.
        let titled = (k..end).any(|i| {
            let w = self.word(toks[i]);
            cues.is_title(w) || cues.is_org(w) || is_acronym(w)
        });
        let listed = found
            .as_ref()
            .is_some_and(|f| f.entity.is_some() && f.kind == EntityType::Person);
        if !listed && (titled || found.as_ref().is_none_or(|f| f.kind != EntityType::Person)) {
            let mut e = end;
            for _ in 0..4 {
                if e >= toks.len() || text[toks[e - 1].end..toks[e].start].trim() != "," {
                    break;
                }
                let e2 = self.window_end(pi, e);
                if e2 == e {
                    break;
                }
                let pure = e2 - e <= 4
                    && (e..e2).all(|i| {
                        let w = self.word(toks[i]);
                        (self.is_name_word(pi, i) && !cues.is_org(w) && !is_acronym(w))
                            || self
                                .mention_at(toks[i])
                                .is_some_and(|m| self.entity_kind(m) == EntityType::Person)
                    });
                if pure {
                    if let Some(s) = self
                        .choose(pi, e, e2)
                        .filter(|s| s.kind == EntityType::Person)
                    {
                        found = Some(s);
                        break;
                    }
                }
                e = e2;
            }
        }
        // "kata Presiden": the person the document titled so before.
        let title_only = (k..end).all(|i| {
            cues.is_title(self.word(toks[i]))
                || self
                    .mention_at(toks[i])
                    .is_some_and(|m| self.entity_kind(m) != EntityType::Person)
        });
        let untitled = found.as_ref().is_none_or(|f| f.kind != EntityType::Person);
        if untitled && k < end && title_only && cues.is_title(self.word(toks[k])) {
            let titles: Vec<&str> = (k..end).map(|i| self.word(toks[i])).collect();
            if let Some(s) = self.titled_person(&titles, toks[start].start) {
                return Some(s);
            }
        }
        found.or_else(|| {
            if described {
                self.last_person(toks[start].start)
            } else {
                None
            }
        })
    }

    /// The last person named right after the title words `titles` before
    /// `pos` ("Presiden Joko Widodo" for a later "kata Presiden").
    fn titled_person(&self, titles: &[&str], pos: usize) -> Option<Speaker> {
        let here = self.para_of(pos)?;
        for pi in (0..=here).rev() {
            let toks = self.toks(pi);
            let n = titles.len();
            let upto = toks.partition_point(|t| t.end <= pos);
            for j in (0..upto.saturating_sub(n)).rev() {
                let same = (0..n).all(|i| self.word(toks[j + i]) == titles[i]);
                let mut next = j + n;
                // "Panglima TNI Marsekal Hadi Tjahjanto".
                while next < toks.len()
                    && next < j + n + 3
                    && self.input.cues.is_title(self.word(toks[next]))
                {
                    next += 1;
                }
                if !same || next >= toks.len() || self.in_quote(toks[j].start) {
                    continue;
                }
                if let Some(m) = self.mention_at(toks[next]) {
                    if self.entity_kind(m) == EntityType::Person {
                        return Some(self.speaker_of(m));
                    }
                    continue;
                }
                if self.is_name_word(pi, next) {
                    let end = self.window_end(pi, next);
                    if let Some(s) = self
                        .choose(pi, next, end)
                        .filter(|s| s.kind == EntityType::Person)
                    {
                        return Some(s);
                    }
                }
            }
        }
        None
    }

    /// The name ending right before token `cue` (`Retno Marsudi mengatakan`).
    pub(super) fn np_backward(
        &self,
        pi: usize,
        first: usize,
        cue: usize,
        pos: usize,
    ) -> Option<(Speaker, Reference)> {
        let text = self.input.text;
        let toks = self.toks(pi);
        let cues = self.input.cues;
        let mut j = self.skip_paren(pi, first, cue);
        // "Budi juga mengatakan", but not "Budi, pekan lalu, mengatakan".
        while j > first
            && cues.is_skip(self.word(toks[j - 1]))
            && !text[toks[j - 1].end..toks[j].start].contains(',')
        {
            j -= 1;
        }
        j = self.skip_paren(pi, first, j);
        if j <= first {
            return None;
        }
        // "Clinton … stressed her support and said": the sentence's subject.
        // (Not "Budi, pekan lalu, mengatakan": a comma after it.)
        if matches!(
            self.word(toks[j - 1]),
            "and" | "dan" | "but" | "namun" | "lalu" | "serta"
        ) && !text[toks[j - 1].end..toks[j].start].contains(',')
        {
            return self
                .first_name(pi, first, j - 1)
                .map(|s| (s, Reference::Name));
        }
        let gap = &text[toks[j - 1].end..toks[j].start];
        if gap.contains(',') {
            // "Jean-Marc Ayrault, the foreign minister of France, a member
            // of …, said": a name opening the sentence before a comma.
            // A title or an organization before the comma is no name:
            // "Dosen Universitas Gadjah Mada, Rina Wulandari, mengatakan".
            let titled = |a: usize, b: usize| {
                (a..b).any(|i| {
                    let w = self.word(toks[i]);
                    cues.is_title(w) || cues.is_org(w)
                })
            };
            let e = self.window_end(pi, first);
            let comma_at = |e: usize| text[toks[e - 1].end..toks[e].start].trim() == ",";
            let head_listed = || {
                self.choose(pi, first, e)
                    .is_some_and(|s| s.entity.is_some() && s.kind == EntityType::Person)
            };
            if e > first && e < j && comma_at(e) && (titled(first, e) || !head_listed()) {
                let e2 = self.window_end(pi, e);
                let pure = (e..e2).all(|i| {
                    let w = self.word(toks[i]);
                    self.is_name_word(pi, i) && !cues.is_org(w) && !is_acronym(w)
                });
                if e2 > e && e2 <= j && e2 - e <= 4 && pure && (e2 == j || comma_at(e2)) {
                    if let Some(s) = self
                        .choose(pi, e, e2)
                        .filter(|s| s.kind == EntityType::Person)
                    {
                        return Some((s, Reference::Name));
                    }
                }
            }
            if e > first && e < j && comma_at(e) {
                if let Some(s) = self
                    .choose(pi, first, e)
                    .filter(|s| s.kind == EntityType::Person)
                {
                    return Some((s, Reference::Name));
                }
            }
            // Apposition: "Sergey Lavrov, Russia's foreign minister, said".
            let mut c = j - 1;
            while c > first && !text[toks[c - 1].end..toks[c].start].contains(',') {
                c -= 1;
            }
            if c > first {
                let head = self.window_start(pi, first, c);
                let a = self.choose(pi, head, c);
                let b = self.choose(pi, c, j);
                let person =
                    |s: &Option<Speaker>| s.as_ref().is_some_and(|s| s.kind == EntityType::Person);
                // "Pengajar Universitas Pancasakti Tegal, Hamidah
                // Abdurrachman, menilai": a name after a title.
                let pure_b = j - c <= 4
                    && (c..j).all(|i| {
                        let w = self.word(toks[i]);
                        self.is_name_word(pi, i) && !cues.is_org(w) && !is_acronym(w)
                    });
                let a_listed = a.as_ref().is_some_and(|s| s.entity.is_some());
                if person(&b) && pure_b && !a_listed && titled(head, c) {
                    return b.map(|s| (s, Reference::Name));
                }
                if person(&a) {
                    return a.map(|s| (s, Reference::Name));
                }
                if person(&b) {
                    return b.map(|s| (s, Reference::Name));
                }
                if let Some(s) = a.or(b) {
                    return Some((s, Reference::Name));
                }
            }
            return None;
        }
        let w = self.word(toks[j - 1]);
        if cues.is_pronoun(w) {
            // "Clinton says she admired Machado's courage through what she
            // calls …": the person the sentence is about, else the last one.
            // (A listed person, or one the document quotes: not "In
            // Honolulu, he said".)
            let subject = self.first_name(pi, first, j - 1).filter(|s| {
                s.kind == EntityType::Person
                    && (s.entity.is_some()
                        || s.name
                            .split_whitespace()
                            .any(|w| self.known_person(w).is_some()))
            });
            return Some((
                subject.or_else(|| self.last_person(pos))?,
                Reference::Pronoun,
            ));
        }
        let start = self.window_start(pi, first, j);
        if start < j {
            if let Some(s) = self.choose(pi, start, j) {
                return Some((s, Reference::Name));
            }
        }
        // "Diplomat top itu", "the minister", "pejabat tersebut".
        let from = j.saturating_sub(4).max(first);
        let demonstrative = matches!(w.to_lowercase().as_str(), "itu" | "tersebut" | "ini");
        let english = (from..j).any(|i| self.word(toks[i]).eq_ignore_ascii_case("the"));
        if (demonstrative || english) && (from..j).any(|i| cues.is_description(self.word(toks[i])))
        {
            return Some((self.last_person(pos)?, Reference::Description));
        }
        None
    }

    /// The end (exclusive) of the run of name words starting at `k`.
    fn window_end(&self, pi: usize, k: usize) -> usize {
        let toks = self.toks(pi);
        let cues = self.input.cues;
        let mut e = k;
        // Inside a title or an organization's name, "dan" and "/" join:
        // "Sekretaris Kementerian Koperasi dan UKM Rully Indrawan".
        let mut titled = false;
        while e < toks.len() && e < k + 20 {
            let w = self.word(toks[e]);
            let gap = if e > 0 {
                &self.input.text[toks[e - 1].end..toks[e].start]
            } else {
                ""
            };
            let slash = titled && gap == "/";
            if e > k && !slash && !joins(self.word(toks[e - 1]), gap, cues) {
                break;
            }
            titled |= cues.is_title(w) || cues.is_org(w);
            let and = titled
                && matches!(w, "dan" | "and" | "&")
                && e + 1 < toks.len()
                && is_capitalized(self.word(toks[e + 1]));
            if and {
                e += 1;
                continue;
            }
            let digit_after_hyphen = e > k
                && w.chars().all(|c| c.is_ascii_digit())
                && self.input.text[toks[e - 1].end..toks[e].start] == *"-";
            let joins = JOINERS.contains(&w)
                && e + 1 < toks.len()
                && is_capitalized(self.word(toks[e + 1]));
            if is_capitalized(w) || digit_after_hyphen || joins || self.apostrophe_tail(pi, e) {
                e += 1;
            } else {
                break;
            }
        }
        e
    }

    /// The start of the run of name words ending before `j` (not before `first`).
    fn window_start(&self, pi: usize, first: usize, j: usize) -> usize {
        let toks = self.toks(pi);
        let mut s = j;
        while s > first && s + 10 > j {
            let w = self.word(toks[s - 1]);
            if s < j
                && !joins(
                    self.word(toks[s - 1]),
                    &self.input.text[toks[s - 1].end..toks[s].start],
                    self.input.cues,
                )
            {
                break;
            }
            let digit_after_hyphen = s > 1
                && w.chars().all(|c| c.is_ascii_digit())
                && self.input.text[toks[s - 2].end..toks[s - 1].start] == *"-";
            if is_capitalized(w)
                || digit_after_hyphen
                || (JOINERS.contains(&w) && s < j)
                || self.apostrophe_tail(pi, s - 1)
            {
                s -= 1;
            } else {
                break;
            }
        }
        // A window never starts with a joiner.
        while s < j && JOINERS.contains(&self.word(toks[s])) {
            s += 1;
        }
        s
    }

    /// Picks the speaker among name words `from..to`: a listed person, else
    /// an unlisted name (titles dropped), else a listed organization or country.
    fn choose(&self, pi: usize, from: usize, to: usize) -> Option<Speaker> {
        let toks = self.toks(pi);
        let cues = self.input.cues;
        let mut mentions: Vec<&Mention> = Vec::new();
        for (j, &t) in toks.iter().enumerate().take(to).skip(from) {
            if let Some(m) = self.mention_at(t).filter(|_| !self.embedded(pi, j)) {
                if mentions.last().is_none_or(|l| !std::ptr::eq(*l, m)) {
                    mentions.push(m);
                }
            }
        }
        if let Some(m) = mentions
            .iter()
            .find(|m| self.entity_kind(m) == EntityType::Person)
        {
            return Some(self.speaker_of(m));
        }
        // "Elijah Cummings of Maryland": the person before `of`.
        let to = (from..to)
            .find(|&j| {
                let w = self.word(toks[j]);
                (w == "of" || w == "for") && j > from && {
                    let head = &self.input.text[toks[from].start..toks[j - 1].end];
                    guess_type(head) == EntityType::Person
                        && (from..j).any(|i| self.is_name_word(pi, i))
                        && !(from..j).any(|i| cues.is_org(self.word(toks[i])))
                }
            })
            .unwrap_or(to);
        // The last run of name words: capitalised, not a title, not part of
        // a listed organization, country or place.
        let nameable = |j: usize| {
            self.is_name_word(pi, j)
                || (JOINERS.contains(&self.word(toks[j]))
                    && j > from
                    && j + 1 < to
                    && self.is_name_word(pi, j - 1)
                    && self.is_name_word(pi, j + 1))
        };
        let mut end = to;
        while end > from && !nameable(end - 1) {
            end -= 1;
        }
        let mut start = end;
        while start > from
            && nameable(start - 1)
            && end - start < 4
            && (start == end
                || joins(
                    self.word(toks[start - 1]),
                    &self.input.text[toks[start - 1].end..toks[start].start],
                    cues,
                ))
        {
            start -= 1;
        }
        if start < end {
            start = self.clean_start(pi, start, end);
            let surface = &self.input.text[toks[start.min(end - 1)].start..toks[end - 1].end];
            // Drop a trailing possessive or lone initial.
            if start < end && surface.chars().count() >= 2 {
                return Some(self.unlisted(surface, toks[start.min(end - 1)].start));
            }
        }
        if let Some(m) = mentions
            .iter()
            .find(|m| self.entity_kind(m) == EntityType::Organization)
            .or_else(|| {
                mentions
                    .iter()
                    .find(|m| self.entity_kind(m) == EntityType::Country)
            })
        {
            return Some(self.speaker_of(m));
        }
        None
    }

    /// Token `j` moved back over a parenthesis right before it:
    /// "Gwen Moore (D-Wis.) said" -> "Gwen Moore", or over a party and
    /// state between commas: "Mitch McConnell, R-Ky., said".
    fn skip_paren(&self, pi: usize, first: usize, j: usize) -> usize {
        let toks = self.toks(pi);
        let text = self.input.text;
        if j <= first || j > toks.len() {
            return j;
        }
        let after = toks
            .get(j)
            .map_or(self.input.paragraphs[pi].end, |t| t.start);
        // "Mitch McConnell, R-Ky., said": a party and state between commas.
        if text[toks[j - 1].end..after].trim_end().ends_with(',') {
            let gap = |k: usize| &text[toks[k - 1].end..toks[k].start];
            let mut k = j - 1;
            while k > first && matches!(gap(k), "-" | ".") {
                k -= 1;
            }
            let party = k > first
                && k + 1 < j
                && gap(k).trim() == ","
                && (k + 1..j).any(|i| gap(i) == "-")
                && (k..j).all(|i| {
                    let w = self.word(toks[i]);
                    w.chars().count() <= 4 && is_capitalized(w)
                });
            return if party { k } else { j };
        }
        if !text[toks[j - 1].end..after].trim_end().ends_with(')') {
            return j;
        }
        let mut k = j - 1;
        while k > first && k + 8 > j {
            if text[toks[k - 1].end..toks[k].start].contains('(') {
                return k;
            }
            k -= 1;
        }
        j
    }

    /// Is `byte` inside quotation marks (of any paragraph)?
    fn in_marks(&self, byte: usize) -> bool {
        let i = self.doc.marked.partition_point(|s| s.1 <= byte);
        self.doc.marked.get(i).is_some_and(|s| s.0 <= byte)
    }

    /// Where a person's name starts in the name words `start..end`.
    fn clean_start(&self, pi: usize, start: usize, end: usize) -> usize {
        let toks = self.toks(pi);
        let mut start = start;
        // After an organization or place word and the word naming it:
        // "Masjid Istiqlal Nasaruddin Umar", "Kota Risma".
        if let Some(o) = (start..end)
            .rev()
            .find(|&j| self.input.cues.is_org(self.word(toks[j])))
        {
            // Nothing after it: no person's name here.
            start = if o + 2 < end { o + 2 } else { o + 1 };
            // The rest of the organization's name: words the document also
            // writes in lowercase ("Badan Pengawas Pemilu Nurhadi").
            while end - start > 1
                && self
                    .doc
                    .lower()
                    .contains(self.word(toks[start]).to_lowercase().as_str())
            {
                start += 1;
            }
        }
        // Leading acronyms ("HAM Maluku", "BNPB Bambang Surya Putra") and
        // places (words the document writes after "di": "KPU Indramayu
        // Ahmad Toni" when it says "di Indramayu").
        while end - start > 1
            && (is_acronym(self.word(toks[start]))
                || self.doc.places().contains(self.word(toks[start])))
        {
            start += 1;
        }
        // The organization's name ends at the last word the document also
        // writes on its own ("Bukalapak" in "Marketplace Bukalapak Kurnia
        // Rosyada" when it writes "Bukalapak juga"), unless the
        // person is cited by it.
        // Only after an organization ("Kepala BPS Kalsel …", "Kementerian …").
        let titled = start > 0 && {
            let before = self.word(toks[start - 1]);
            self.input.cues.is_org(before)
                || is_acronym(before)
                || self.input.cues.is_org(self.word(toks[start]))
        };
        for i in (start..end.saturating_sub(1)).rev().filter(|_| titled) {
            let w = self.word(toks[i]);
            if self.known.short.contains(w) {
                break;
            }
            let next = self.word(toks[i + 1]);
            if self
                .doc
                .follows()
                .get(w)
                .is_some_and(|f| f.iter().any(|x| *x != next && !is_capitalized(x)))
            {
                start = i + 1;
                break;
            }
        }
        // A word the document cites the person by starts the name:
        // "Perindustrian Agus Gumiwang" when it says "kata Agus".
        // Given names and initials before it stay: "Muhammad Zaki Iskandar",
        // "M Fadjroel Rachman" when it says "kata Zaki", "kata Fadjroel".
        if let Some(mut i) =
            (start..end.saturating_sub(1)).find(|&i| self.known.short.contains(self.word(toks[i])))
        {
            while i > start && {
                let w = self.word(toks[i - 1]);
                self.input.cues.is_given(w) || is_initials(w)
            } {
                i -= 1;
            }
            start = i;
        }
        start
    }

    /// Is token `j` the rest of a name after an apostrophe (`arif` in
    /// `Ma’arif`, `ti` in `Mu’ti`), not a contraction (`Trump's`, `don't`)?
    fn apostrophe_tail(&self, pi: usize, j: usize) -> bool {
        let toks = self.toks(pi);
        let w = self.word(toks[j]);
        j > 0
            && matches!(&self.input.text[toks[j - 1].end..toks[j].start], "'" | "’")
            && is_capitalized(self.word(toks[j - 1]))
            && w.chars().next().is_some_and(char::is_lowercase)
            && !matches!(w, "s" | "t" | "d" | "m" | "ll" | "re" | "ve")
    }

    /// Is token `j` a one-word listed name that ends an unlisted person's
    /// name ("Listyo Sigit Prabowo", "Ade Ary Syam", "Chuck Jordan"): right
    /// after an unlisted name word, a space between?
    fn embedded(&self, pi: usize, j: usize) -> bool {
        let toks = self.toks(pi);
        if j == 0 || self.input.text[toks[j - 1].end..toks[j].start] != *" " {
            return false;
        }
        let one_word = self
            .mention_at(toks[j])
            .is_some_and(|m| m.start == toks[j].start && m.end == toks[j].end);
        let prev = self.word(toks[j - 1]);
        let cues = self.input.cues;
        one_word
            && is_capitalized(prev)
            && self.mention_at(toks[j - 1]).is_none()
            && !cues.is_title(prev)
            && !cues.is_org(prev)
            && !is_acronym(prev)
            && !NOT_NAMES.contains(&prev)
            && !self.doc.places().contains(prev)
            && (!self.sentence_initial(pi, j - 1) || self.doc.mid_caps().contains(prev))
    }

    /// Can token `j` be a word of an unlisted name? Capitalised, not a
    /// title, not part of a listed entity, and not a common word opening a
    /// sentence (one the document also writes in lowercase: "Even", "Selanjutnya").
    fn is_name_word(&self, pi: usize, j: usize) -> bool {
        // Depends on the document alone: worked out once, for both passes.
        let cell = &self.doc.name_words[self.doc.token_base[pi] as usize + j];
        match cell.get() {
            1 => return false,
            2 => return true,
            _ => {}
        }
        let yes = self.name_word_uncached(pi, j);
        cell.set(if yes { 2 } else { 1 });
        yes
    }

    /// The cue starting at token `c` of paragraph `pi` ([`super::Cues::at`]);
    /// most words start none, which is remembered for both passes.
    pub fn cue_at(&self, pi: usize, c: usize) -> Option<CueHit> {
        let cell = &self.doc.cue_free[self.doc.token_base[pi] as usize + c];
        if cell.get() == 1 {
            return None;
        }
        let hit = self.input.cues.at(self.input.text, self.toks(pi), c);
        cell.set(if hit.is_none() { 1 } else { 2 });
        hit
    }

    fn name_word_uncached(&self, pi: usize, j: usize) -> bool {
        let toks = self.toks(pi);
        let w = self.word(toks[j]);
        (is_capitalized(w) || self.apostrophe_tail(pi, j))
            && w.chars().any(char::is_alphabetic)
            && !self.input.cues.is_title(w)
            && !NOT_NAMES.contains(&w)
            && (self.mention_at(toks[j]).is_none() || self.embedded(pi, j))
            && !(self.sentence_initial(pi, j) && !self.doc.mid_caps().contains(w) && {
                // A sentence-initial word the document never writes inside
                // a sentence: a name only when a name word follows and it
                // is no common word ("Even China", "Sepengetahuan Anita"),
                // or when a reporting verb follows ("Holm said").
                let verb_next = toks.get(j + 1).is_some_and(|&n| {
                    self.input.text[toks[j].end..n.start] == *" "
                        && self
                            .cue_at(pi, j + 1)
                            .is_some_and(|h| h.kind == CueKind::Verb)
                });
                let next_is_name = verb_next
                    || toks.get(j + 1).is_some_and(|&n| {
                        let x = self.word(n);
                        is_capitalized(x)
                            && !self.input.cues.is_title(x)
                            && self.mention_at(n).is_none()
                            && joins(w, &self.input.text[toks[j].end..n.start], self.input.cues)
                    });
                !next_is_name || self.doc.lower().contains(w.to_lowercase().as_str()) || affixed(w)
            })
            && !(self.sentence_initial(pi, j)
                && self.doc.lower().contains(w.to_lowercase().as_str()))
    }

    /// Is paragraph `pi` written like a headline ("Sanders Vows To Eliminate
    /// Loopholes"): four words or more, nearly all capitalised?
    fn title_case(&self, pi: usize) -> bool {
        // Counted once per document in `DocIndex::build`: four words or
        // more (starting with a letter), at least four in five capitalised.
        self.doc.title_case[pi]
    }

    /// Does token `j` open a sentence or paragraph?
    fn sentence_initial(&self, pi: usize, j: usize) -> bool {
        let toks = self.toks(pi);
        j == 0 || {
            let gap = &self.input.text[toks[j - 1].end..toks[j].start];
            opens_sentence(gap, self.word(toks[j - 1]), self.input.cues)
        }
    }

    /// A speaker that no gazetteer lists: its fullest name in the document.
    fn unlisted(&self, surface: &str, pos: usize) -> Speaker {
        let name = self.fullest_name(surface, pos);
        Speaker {
            entity: None,
            kind: guess_type(&name),
            name,
            surface: surface.to_string(),
        }
    }

    /// `Retno` -> `Retno Marsudi` when the document names her so (as a
    /// speaker, or as a run of capitalised words). When the document names
    /// several people so (`Ted Cruz`, `Rafael Cruz`), the one quoted last
    /// before `pos`, else the one named last before it.
    fn fullest_name(&self, surface: &str, pos: usize) -> String {
        let mut words = surface.split_whitespace();
        let (Some(w), None) = (words.next(), words.next()) else {
            return surface.to_string();
        };
        // Borrowed names throughout: one allocation, for the answer.
        let runs = self.name_runs(w);
        let mut best: Option<&str> = self.index.fullest.get(&word_key(w)).map(|n| &**n);
        // The speaker quoted last before `pos` under a name with `w`.
        let mut recent: Option<(usize, &str)> =
            self.index.quoted_at.get(&word_key(w)).and_then(|v| {
                let i = v.partition_point(|q| q.0 < pos);
                i.checked_sub(1).map(|i| (v[i].0, &*v[i].1))
            });
        let mut candidates: Vec<&str> = best.into_iter().collect();
        for q in &self.quotes[self.indexed..] {
            let Some(sp) = q.speaker.as_ref() else {
                continue;
            };
            let name = sp.name.as_str();
            let mut parts = name.split_whitespace();
            let first = parts.next();
            let last = parts.next_back();
            if sp.entity.is_none() && last.is_some() && (first == Some(w) || last == Some(w)) {
                if best.is_none_or(|b| b.len() < name.len()) {
                    best = Some(name);
                }
                candidates.push(name);
                if q.start < pos && recent.is_none_or(|r| r.0 < q.start) {
                    recent = Some((q.start, name));
                }
            }
        }
        let from_speakers = best.is_some();
        // A run of name words with `w` first or last.
        let mut before: Option<&str> = None;
        for run in runs.iter() {
            if run.start < pos && run.person {
                before = Some(run.name);
            }
            if !from_speakers && run.name.len() > best.map_or(0, str::len) {
                best = Some(run.name);
            }
            candidates.push(run.name);
        }
        // Several people under one name: the longest name that agrees with
        // the one quoted last, else named last, before `pos`.
        let contains = |long: &str, short: &str| {
            short
                .split_whitespace()
                .all(|x| long.split_whitespace().any(|y| y == x))
        };
        let anchor = recent.map(|r| r.1).or(before);
        if let (Some(a), Some(b)) = (anchor, best) {
            if !contains(b, a) && !contains(a, b) {
                let mut pick = a;
                for &c in &candidates {
                    if c.len() > pick.len() && contains(c, a) {
                        pick = c;
                    }
                }
                return pick.to_string();
            }
        }
        best.unwrap_or(w).to_string()
    }

    /// The runs of name words with `w` first or last, one per place the
    /// document writes `w` (outside titles, headlines and quotes), in text
    /// order. They depend on the document and on what the first pass
    /// learnt, so each pass works them out once per word.
    fn name_runs(&self, w: &str) -> Rc<[NameRun<'a>]> {
        let key = word_key(w);
        if let Some(r) = self.runs.borrow().get(&key) {
            return r.clone();
        }
        let mut runs = Vec::new();
        for &(pi, j) in self.doc.positions().get(w).unwrap_or(&[]) {
            let (pi, j) = (pi as usize, j as usize);
            let p = &self.input.paragraphs[pi];
            if p.title || self.title_case(pi) {
                continue;
            }
            let toks = p.tokens;
            {
                let t = &toks[j];
                if !self.is_name_word(pi, j) || self.in_marks(t.start) {
                    continue;
                }
                let mut s = j;
                while s > 0
                    && s + 3 > j
                    && self.is_name_word(pi, s - 1)
                    && joins(
                        self.word(toks[s - 1]),
                        &self.input.text[toks[s - 1].end..toks[s].start],
                        self.input.cues,
                    )
                {
                    s -= 1;
                }
                let mut e = j + 1;
                while e < toks.len()
                    && e < j + 4
                    && self.is_name_word(pi, e)
                    && joins(
                        self.word(toks[e - 1]),
                        &self.input.text[toks[e - 1].end..toks[e].start],
                        self.input.cues,
                    )
                {
                    e += 1;
                }
                let s = self.clean_start(pi, s, e).min(j);
                // "M Fadjroel Rachman", "Muhammad Zaki Iskandar": initials
                // and given names may come first.
                let initial = s < j
                    && (s..j).all(|i| {
                        let x = self.word(toks[i]);
                        is_initials(x) || self.input.cues.is_given(x)
                    });
                if e - s >= 2 && e - s <= 4 && (s == j || e == j + 1 || initial) {
                    let name = &self.input.text[toks[s].start..toks[e - 1].end];
                    runs.push(NameRun {
                        start: toks[s].start,
                        name,
                        person: guess_type(name) == EntityType::Person,
                    });
                }
            }
        }
        let runs: Rc<[NameRun<'a>]> = runs.into();
        self.runs.borrow_mut().insert(key, runs.clone());
        runs
    }

    /// The person a pronoun, enclitic or description before `pos` stands
    /// for: the nearest person named outside quotes in this paragraph or the
    /// three before it (a listed person, or a word of a name the document
    /// quotes someone under), else nobody.
    pub fn last_person(&self, pos: usize) -> Option<Speaker> {
        let here = self.para_of(pos)?;
        for pi in (here.saturating_sub(3)..=here).rev() {
            let p = self.input.paragraphs[pi];
            if p.title {
                continue;
            }
            let toks = p.tokens;
            let mut j = toks.partition_point(|t| t.end <= pos);
            while j > 0 {
                j -= 1;
                let t = toks[j];
                if self.in_quote(t.start) {
                    continue;
                }
                if let Some(m) = self.mention_at(t).filter(|_| !self.embedded(pi, j)) {
                    if self.entity_kind(m) == EntityType::Person {
                        return Some(self.speaker_of(m));
                    }
                    continue;
                }
                let w = self.word(t);
                let cues = self.input.cues;
                if !is_capitalized(w)
                    || cues.is_title(w)
                    || cues.is_org(w)
                    || is_acronym(w)
                    || NOT_NAMES.contains(&w)
                {
                    continue;
                }
                if let Some(name) = self.known_person(w) {
                    return Some(Speaker {
                        entity: None,
                        name,
                        kind: EntityType::Person,
                        surface: w.to_string(),
                    });
                }
            }
        }
        None
    }

    /// The person an enclitic before `pos` stands for: the speaker of the
    /// nearest sentence that reports speech, or the first person named in
    /// the nearest sentence that names one (outside quotes), up to
    /// `SUBJECT_SENTENCES` sentences back.
    pub fn subject_person(&self, pos: usize) -> Option<Speaker> {
        let here = self.para_of(pos)?;
        let mut budget = SUBJECT_SENTENCES;
        for pi in (0..=here).rev() {
            let p = self.input.paragraphs[pi];
            if p.title {
                continue;
            }
            let toks = p.tokens;
            let sents = &self.doc.sentences[pi];
            let before = sents.partition_point(|s| s.0 < pos);
            for &(ss, se) in sents[..before].iter().rev() {
                if budget == 0 {
                    return None;
                }
                budget -= 1;
                let last = toks.partition_point(|t| t.end <= se.min(pos));
                let first = toks
                    .partition_point(|t| t.start < ss)
                    .max(last.saturating_sub(SUBJECT_WORDS));
                // A sentence that reports speech: its speaker.
                if let Some(s) = self.reporter(pi, first, last, pos) {
                    return Some(s);
                }
                // The first name of the sentence; within a run of
                // capitalised words, its last word ("Direktur Lending BRI
                // Wibawa Prasetyawan").
                let mut j = first;
                while j < last {
                    let end = self.window_end(pi, j).clamp(j + 1, last);
                    if let Some(s) = (j..end).rev().find_map(|i| self.person_at(pi, i)) {
                        return Some(s);
                    }
                    j = end;
                }
            }
        }
        None
    }

    /// The person who speaks in tokens `first..last` of paragraph `pi`
    /// (`X mengatakan, …`, `Menurut X, …`), outside quotes.
    fn reporter(&self, pi: usize, first: usize, last: usize, pos: usize) -> Option<Speaker> {
        let toks = self.toks(pi);
        for c in first..last {
            let Some(hit) = self.cue_at(pi, c) else {
                continue;
            };
            if self.in_quote(toks[c].start) {
                continue;
            }
            let found = match hit.kind {
                // "“…,” ucap Alamsyah": the name after the cue.
                CueKind::Verb if c > first && self.in_quote(toks[c - 1].start) => {
                    self.np_forward(pi, hit.end)
                }
                CueKind::Verb => self
                    .np_backward(pi, first, c, pos)
                    .and_then(|(s, r)| (r == Reference::Name).then_some(s)),
                CueKind::According => self.np_forward(pi, hit.end),
                _ => None,
            };
            if let Some(s) = found.filter(|s| self.plausible_person(s)) {
                return Some(s);
            }
        }
        None
    }

    /// Is `s` a person, not a word of a title, an organization or a place
    /// taken for a name (`Keselamatan Transportasi`, `SDA`, `Cikarang`)?
    /// A listed person is; an unlisted name is when none of its words is an
    /// acronym, a title or organization word, a place or a word the
    /// document also writes in lowercase (unless it cites someone by it).
    fn plausible_person(&self, s: &Speaker) -> bool {
        let cues = self.input.cues;
        s.kind == EntityType::Person
            && (s.entity.is_some()
                || !s.name.split_whitespace().any(|w| {
                    is_acronym(w)
                        || cues.is_title(w)
                        || cues.is_org(w)
                        || self.doc.places().contains(w)
                        || (self.doc.lower().contains(w.to_lowercase().as_str())
                            && !self.known.short.contains(w))
                }))
    }

    /// The person token `j` names (outside quotes): a listed person or a
    /// word of a name the document quotes someone under.
    fn person_at(&self, pi: usize, j: usize) -> Option<Speaker> {
        let t = self.toks(pi)[j];
        let w = self.word(t);
        // Cheap tests first: `in_quote` scans the paragraph's quotes.
        if !is_capitalized(w) || self.in_quote(t.start) {
            return None;
        }
        if let Some(m) = self.mention_at(t).filter(|_| !self.embedded(pi, j)) {
            return (self.entity_kind(m) == EntityType::Person).then(|| self.speaker_of(m));
        }
        let cues = self.input.cues;
        if cues.is_title(w) || cues.is_org(w) || is_acronym(w) || NOT_NAMES.contains(&w) {
            return None;
        }
        self.known_person(w)
            .map(|name| Speaker {
                entity: None,
                name,
                kind: EntityType::Person,
                surface: w.to_string(),
            })
            .filter(|s| self.plausible_person(s))
    }

    /// The longest unlisted person's name (found by the first pass or
    /// quoted so far) that has `w` as one of its words.
    fn known_person(&self, w: &str) -> Option<String> {
        let short = self.known.short.contains(w);
        let map = if short {
            &self.index.person_any
        } else {
            &self.index.person_edge
        };
        let mut best: Option<&str> = map.get(&word_key(w)).map(|n| &**n);
        // Quotes of the paragraph in progress, not indexed yet.
        for sp in self.quotes[self.indexed..]
            .iter()
            .filter_map(|q| q.speaker.as_ref())
        {
            if sp.entity.is_some()
                || sp.kind != EntityType::Person
                || guess_type(&sp.name) != EntityType::Person
            {
                continue;
            }
            let parts: Vec<&str> = sp.name.split_whitespace().collect();
            let fits = parts.first() == Some(&w)
                || parts.last() == Some(&w)
                || (short && parts.contains(&w));
            if fits && best.is_none_or(|b| sp.name.len() >= b.len()) {
                best = Some(&sp.name);
            }
        }
        best.map(str::to_string)
    }

    /// The organization a statement before `pos` comes from.
    pub fn last_organization(&self, pos: usize) -> Option<Speaker> {
        let here = self.para_of(pos).unwrap_or(0);
        let from = self.input.paragraphs[here.saturating_sub(2)].start;
        let mentions =
            &self.input.mentions[..self.input.mentions.partition_point(|m| m.start < pos)];
        mentions
            .iter()
            .rev()
            .take_while(|m| m.start >= from)
            .find(|m| self.entity_kind(m) == EntityType::Organization && !self.in_quote(m.start))
            .map(|m| self.speaker_of(m))
    }
}

/// A transcript's speaker label opening a quote (`PENCE: Well, …`, `SEN.
/// JOHN DOE: …`): one to three words in capitals, three letters or more in
/// all, then a colon and a space. Returns the length of the label with its
/// colon and space, and the label.
pub fn transcript_label(inner: &str) -> Option<(usize, &str)> {
    const NOT_SPEAKERS: &[&str] = &[
        "NOTE",
        "UPDATE",
        "CORRECTION",
        "VIDEO",
        "WATCH",
        "READ",
        "PHOTO",
    ];
    let colon = inner.find(": ")?;
    let label = &inner[..colon];
    let words: Vec<&str> = label.split(' ').collect();
    let letters = label.chars().filter(|c| c.is_alphabetic()).count();
    let ok = (1..=3).contains(&words.len())
        && letters >= 3
        && words.iter().all(|w| {
            w.chars().any(char::is_alphabetic)
                && w.chars()
                    .all(|c| c.is_uppercase() || matches!(c, '.' | '-' | '\'' | '’'))
        })
        && !words.iter().any(|w| NOT_SPEAKERS.contains(w));
    ok.then_some((colon + 2, label))
}

/// Does a word after `gap` (after the word `prev`) open a sentence or a
/// quote? Not after an abbreviation ("Rep. Jim Clyburn", "G. Smith").
fn opens_sentence(gap: &str, prev: &str, cues: &super::Cues) -> bool {
    // Most words follow a single space, which opens nothing.
    if gap == " " {
        return false;
    }
    let abbrev = gap.trim() == "." && (cues.is_title(prev) || prev.chars().count() == 1);
    // "….” ― Sonya Herridge": a name after a dash does not open a sentence.
    let dash = gap.trim_end().ends_with(['—', '–', '―', '-']);
    !abbrev && !dash && (gap.contains(['.', '!', '?', '\n']) || opens_quote(gap))
}

/// An Indonesian derived word (`Sepengetahuan`, `Penyalahgunaan`): a common
/// word, not a name.
fn affixed(w: &str) -> bool {
    let l = w.to_lowercase();
    l.chars().count() >= 9
        && ["ke", "se", "pe", "ber", "ter", "di"]
            .iter()
            .any(|p| l.starts_with(p))
        && (l.ends_with("an") || l.ends_with("nya"))
}

/// Does `gap` end with an opening mark (`“`, or `"` after a space)?
fn opens_quote(gap: &str) -> bool {
    let t = gap.trim_end();
    t.ends_with(['“', '‘', '(', '«'])
        || (t.ends_with(['"', '”'])
            && t[..t.len() - t.chars().last().map_or(0, char::len_utf8)]
                .ends_with(char::is_whitespace))
        || t == "\""
        || t == "”"
}

/// `M`, `RZ`: initials of a name (one or two capitals).
fn is_initials(w: &str) -> bool {
    (1..=2).contains(&w.chars().count()) && w.chars().all(char::is_uppercase)
}

/// `HAM`, `BNPB`: three or more letters, all capitals (`RZ Panca` keeps its initials).
fn is_acronym(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && w.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
}

/// Can this gap stand between two words of one name? (`Kassym-Jomart`,
/// `Donald J. Trump`, `O'Brien`)
/// Can `gap` after the word `prev` stand inside a name? A period only after
/// an initial or a title ("Donald J. Trump", "Rep. Jim Clyburn"), not at a
/// sentence end ("Urban League. Scott").
fn joins(prev: &str, gap: &str, cues: &super::Cues) -> bool {
    name_gap(gap) && (!gap.contains('.') || prev.chars().count() == 1 || cues.is_title(prev))
}

fn name_gap(gap: &str) -> bool {
    matches!(gap, " " | "-" | ". " | "." | "'" | "’" | "\u{a0}")
}

#[cfg(test)]
mod grouped_tests {
    use super::Grouped;

    #[test]
    fn groups_keep_their_order_and_unique_drops_repeats() {
        let pairs = [(2, 'a'), (0, 'b'), (2, 'c'), (2, 'a'), (0, 'b'), (3, 'd')];
        let all = Grouped::new(4, &pairs, false);
        let want: [&[char]; 4] = [&['b', 'b'], &[], &['a', 'c', 'a'], &['d']];
        for (id, w) in want.iter().enumerate() {
            assert_eq!(all.get(id), *w, "id {id}");
        }
        let unique = Grouped::new(4, &pairs, true);
        let want: [&[char]; 4] = [&['b'], &[], &['a', 'c'], &['d']];
        for (id, w) in want.iter().enumerate() {
            assert_eq!(unique.get(id), *w, "id {id}");
        }
        assert!(Grouped::<char>::new(2, &[], true).get(1).is_empty());
    }
}
