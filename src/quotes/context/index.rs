//! What a document says about its words, worked out once per document
//! and read by both passes: quoted spans, sentences, which words it writes
//! capitalised inside a sentence or after a place preposition, where each
//! capitalised word stands and what follows it.

use crate::gazetteer::EntityType;
use crate::quotes::cues::{CueHit, CueKind, Phrases};
use crate::quotes::marks::Span;
use crate::quotes::model::QuoteInput;
use crate::quotes::words::{is_acronym, opens_sentence};
use crate::quotes::{lines, marks, sentences};
use std::cell::{Cell, OnceCell};

/// Facts about a document's words, built once per document.
pub struct DocIndex<'a> {
    /// Quoted spans of each paragraph (empty for titles).
    pub spans: Vec<Vec<Span>>,
    /// Sentences `(start, end)` of each paragraph, split when first
    /// asked (see [`DocIndex::sentences`]): a pass reads only some.
    sentences: Vec<OnceCell<Vec<(usize, usize)>>>,
    /// Quoted spans `(open, close)` of all paragraphs, in text order.
    pub marked: Vec<(usize, usize)>,
    /// Is each paragraph written like a headline? See [`super::Context::title_case`].
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
    /// Worked out from `positions` when first asked (few documents ask).
    follows: OnceCell<Grouped<&'a str>>,
    input: &'a QuoteInput<'a>,
    /// Index in the token memos of each paragraph's first token.
    token_base: Vec<u32>,
    /// Per token: is it a name word (see [`super::Context::is_name_word`])?
    pub name_words: TokenMemo,
    /// Per token: does it open a sentence (see
    /// [`super::Context::sentence_initial`])?
    pub sentence_initial: TokenMemo,
    /// What candidate speakers' names come to (see [`super::memo`]).
    pub names: super::memo::NameMemo,
    /// Per token: does a cue start there (see [`super::Context::cue_at`])?
    /// Found in the one scan of the words, read by both passes.
    pub starts_cue: Vec<bool>,
    /// Per token: the cue starting there, as its kind and its words (see
    /// [`DocIndex::cue_at`]): found in the same scan, so that the sieves'
    /// many questions about the same words match no phrase again.
    cue_hits: Vec<Option<(CueKind, u32)>>,
    /// By [`word_key`] of a one-word name: that name and the type of the
    /// first listed place or country mention written so (see
    /// [`DocIndex::place_named`]).
    places_named: std::collections::HashMap<
        u64,
        (&'a str, EntityType),
        std::hash::BuildHasherDefault<KeyHasher>,
    >,
    /// Per paragraph: may it hold quotes? Not a title nor a line that is
    /// not body text (`lines`), and it holds a quoted span or a cue: a
    /// pass reads no other paragraph.
    pub may_quote: Vec<bool>,
}

/// A yes/no fact per token of the document, worked out at most once and
/// kept for both passes (it depends on the document alone): `None` until
/// first asked. Interior mutability because the facts are found while
/// sieves read the context through `&`.
pub struct TokenMemo(Vec<Cell<Option<bool>>>);

impl TokenMemo {
    fn new(tokens: usize) -> TokenMemo {
        TokenMemo(vec![Cell::new(None); tokens])
    }

    /// The fact for token `i` (see [`DocIndex::token`]), if known.
    pub fn get(&self, i: usize) -> Option<bool> {
        self.0[i].get()
    }

    pub fn set(&self, i: usize, fact: bool) {
        self.0[i].set(Some(fact));
    }
}

/// Word ids by [`word_key`]: the key is a hash already, used as it is.
pub type WordIds = std::collections::HashMap<u64, u32, std::hash::BuildHasherDefault<KeyHasher>>;

/// A word as a 64-bit hash of its exact bytes: the document's words are
/// told apart by it (two words of one document sharing 64 bits is not a
/// case to plan for), and no string is compared.
pub fn word_key(w: &str) -> u64 {
    crate::tokens::hash_exact(w)
}

/// The hasher of [`WordIds`]: passes a [`word_key`] through.
#[derive(Default)]
pub struct KeyHasher(u64);

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

/// The byte lengths of the second words of `list`'s phrases, as bits
/// (64 bytes or more: bit 63); all bits when a phrase is one word (then
/// any next word, or none, may do).
fn second_word_lengths(list: &Phrases) -> u64 {
    list.iter().fold(0, |bits, (words, _)| match words.get(1) {
        Some(w) => bits | 1 << w.len().min(63),
        None => u64::MAX,
    })
}

/// May a phrase whose second words have the byte `lengths` (see
/// [`second_word_lengths`]) start at token `j`? Not when every phrase
/// has a second word and the next word is missing, or is ASCII (its
/// lowercase as long as it) of none of their lengths: most `the`, `a`,
/// `said` start no `the statement said`, and are ruled out here without
/// comparing a phrase.
fn may_follow(lengths: u64, text: &str, toks: &[crate::tokens::Token], j: usize) -> bool {
    if lengths == u64::MAX {
        return true;
    }
    let Some(next) = toks.get(j + 1) else {
        return false;
    };
    let w = &text[next.start..next.end];
    !w.is_ascii() || lengths & (1 << w.len().min(63)) != 0
}

/// A capitalised word the document writes inside a sentence.
const MID_CAP: u8 = 1;
/// A capitalised word the document writes after a locative (`di`, `ke`, `dari`).
const PLACE: u8 = 2;

/// A set of the document's words (see [`DocIndex::lower`]).
pub struct WordSet<'d, 'a> {
    doc: &'d DocIndex<'a>,
    member: Membership,
}

/// What puts a word of the document in a [`WordSet`].
#[derive(Clone, Copy)]
enum Membership {
    /// It starts in lowercase.
    Lowercase,
    /// It carries this flag bit ([`MID_CAP`], [`PLACE`]).
    Flag(u8),
}

impl WordSet<'_, '_> {
    pub fn contains(&self, w: &str) -> bool {
        match self.doc.ids.get(&word_key(w)) {
            None => false,
            Some(&id) => match self.member {
                Membership::Lowercase => w.chars().next().is_some_and(char::is_lowercase),
                Membership::Flag(bit) => self.doc.flags[id as usize] & bit != 0,
            },
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
                    marks::find_spans(input.text, p.start, p.end)
                }
            })
            .collect();
        let text = input.text;
        let words: usize = input.paragraphs.iter().map(|p| p.tokens.len()).sum();
        let mut ids = WordIds::default();
        ids.reserve(words / 2);
        // Grown once, if at all (a word in two is a new one, one in four
        // capitalised, in news text).
        let mut flags: Vec<u8> = Vec::with_capacity(words / 2);
        // Per word id: the cue phrases that may start with the word, looked
        // up once per distinct word rather than once per token (a word is
        // its `word_key`, as for every fact below).
        let mut phrases: Vec<Option<(&Phrases, u64)>> = Vec::with_capacity(words / 2);
        // (word id, place) and (word id, next word) of capitalised words,
        // grouped by id at the end.
        let mut positions: Vec<(u32, (u32, u32))> = Vec::with_capacity(words / 4);
        let mut title_case = Vec::with_capacity(input.paragraphs.len());
        let mut cue_hits = Vec::with_capacity(words);
        let mut may_quote = Vec::with_capacity(input.paragraphs.len());
        for (pi, p) in input.paragraphs.iter().enumerate() {
            let toks = p.tokens;
            let (mut words, mut caps) = (0usize, 0usize);
            let cues_before = cue_hits.len();
            for (j, t) in toks.iter().enumerate() {
                let w = &text[t.start..t.end];
                // The first char's case, from its byte when ASCII (most).
                let (alphabetic, upper, digit) = match w.as_bytes().first() {
                    Some(&b) if b.is_ascii() => (
                        b.is_ascii_alphabetic(),
                        b.is_ascii_uppercase(),
                        b.is_ascii_digit(),
                    ),
                    _ => match w.chars().next() {
                        Some(c) => (c.is_alphabetic(), c.is_uppercase(), false),
                        None => {
                            // An empty word starts no cue.
                            cue_hits.push(None);
                            continue;
                        }
                    },
                };
                if alphabetic {
                    words += 1;
                    caps += usize::from(upper);
                }
                let next_id = flags.len() as u32;
                let id = *ids.entry(word_key(w)).or_insert(next_id) as usize;
                if id == flags.len() {
                    flags.push(0);
                    let list = input.cues.phrases_starting(w);
                    phrases.push(list.map(|l| (l, second_word_lengths(l))));
                }
                let hit = phrases[id]
                    .filter(|&(_, lengths)| may_follow(lengths, text, toks, j))
                    .and_then(|(list, _)| input.cues.at_phrases(list, text, toks, j));
                cue_hits.push(hit.map(|h| (h.kind, (h.end - h.start) as u32)));
                if !(upper || digit) {
                    continue;
                }
                positions.push((id as u32, (pi as u32, j as u32)));
                // A flag once set stays: its test is not run again.
                if j > 0 && flags[id] & (MID_CAP | PLACE) != MID_CAP | PLACE {
                    let gap = &text[toks[j - 1].end..t.start];
                    let prev = &text[toks[j - 1].start..toks[j - 1].end];
                    if flags[id] & MID_CAP == 0 && !opens_sentence(gap, prev, input.cues) {
                        flags[id] |= MID_CAP;
                    }
                    if flags[id] & PLACE == 0
                        && gap == " "
                        && input.cues.is_locative(prev)
                        && !is_acronym(w)
                    {
                        flags[id] |= PLACE;
                    }
                }
            }
            title_case.push(words >= 4 && caps * 5 >= words * 4);
            let cued = cue_hits[cues_before..].iter().any(Option::is_some);
            // The line test lowercases the paragraph: only where it can matter.
            may_quote.push(
                !p.title
                    && (cued || !spans[pi].is_empty())
                    && lines::class(text, pi, p, input.cues).is_none(),
            );
        }
        let mut places_named = std::collections::HashMap::default();
        for m in input.mentions {
            let kind = input.entities[m.entity as usize].kind;
            let surface = &text[m.start..m.end];
            if matches!(kind, EntityType::Location | EntityType::Country)
                && !surface.contains(char::is_whitespace)
            {
                places_named
                    .entry(word_key(surface))
                    .or_insert((surface, kind));
            }
        }
        DocIndex {
            places_named,
            marked: spans.iter().flatten().map(|s| (s.open, s.close)).collect(),
            sentences: (0..input.paragraphs.len())
                .map(|_| OnceCell::new())
                .collect(),
            spans,
            title_case,
            ids,
            positions: Grouped::new(flags.len(), &positions, false),
            follows: OnceCell::new(),
            input,
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
            name_words: TokenMemo::new(words),
            sentence_initial: TokenMemo::new(words),
            names: Default::default(),
            starts_cue: cue_hits.iter().map(Option::is_some).collect(),
            cue_hits,
            may_quote,
        }
    }

    /// The type of the first listed place or country mention written
    /// `name` (one word), if any: one lookup where each speaker typed
    /// read every mention of the document.
    pub fn place_named(&self, name: &str) -> Option<EntityType> {
        self.places_named
            .get(&word_key(name))
            .filter(|(surface, _)| *surface == name)
            .map(|&(_, kind)| kind)
    }

    /// The sentences `(start, end)` of paragraph `pi`, in document bytes
    /// (see [`sentences::split`]), split once, when first asked.
    pub fn sentences(&self, pi: usize) -> &[(usize, usize)] {
        self.sentences[pi].get_or_init(|| {
            let input = self.input;
            sentences::split(
                input.text,
                &input.paragraphs[pi],
                &self.spans[pi],
                input.cues,
            )
        })
    }

    /// The cue starting at token `c` of paragraph `pi`: what
    /// [`crate::quotes::Cues::at`] finds there, found once.
    pub fn cue_at(&self, pi: usize, c: usize) -> Option<CueHit> {
        self.cue_hits[self.token(pi, c)].map(|(kind, words)| CueHit {
            kind,
            start: c,
            end: c + words as usize,
        })
    }

    /// The index in the token memos of token `j` of paragraph `pi`.
    pub fn token(&self, pi: usize, j: usize) -> usize {
        self.token_base[pi] as usize + j
    }

    /// Words the document writes in lowercase.
    pub fn lower(&self) -> WordSet<'_, 'a> {
        WordSet {
            doc: self,
            member: Membership::Lowercase,
        }
    }

    /// Capitalised words the document writes inside a sentence.
    pub fn mid_caps(&self) -> WordSet<'_, 'a> {
        WordSet {
            doc: self,
            member: Membership::Flag(MID_CAP),
        }
    }

    /// Capitalised words the document writes after "di", "ke" or "dari"
    /// (`di Indramayu`): places, not names.
    pub fn places(&self) -> WordSet<'_, 'a> {
        WordSet {
            doc: self,
            member: Membership::Flag(PLACE),
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
        let lists = self.follows.get_or_init(|| {
            let text = self.input.text;
            let mut pairs = Vec::with_capacity(self.positions.items.len());
            for id in 0..self.flags.len() {
                for &(pi, j) in self.positions.get(id) {
                    let toks = self.input.paragraphs[pi as usize].tokens;
                    let t = toks[j as usize];
                    let next = toks.get(j as usize + 1).map_or("", |n| {
                        if text[t.end..n.start] == *" " {
                            &text[n.start..n.end]
                        } else {
                            ""
                        }
                    });
                    pairs.push((id as u32, next));
                }
            }
            Grouped::new(self.flags.len(), &pairs, true)
        });
        WordLists {
            ids: &self.ids,
            _words: std::marker::PhantomData,
            lists,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Grouped;
    use crate::quotes::testing::Fixture;

    #[test]
    fn only_body_paragraphs_with_a_quoted_span_or_a_cue_may_quote() {
        let f = Fixture::new(
            "The council met on Monday in the old hall.\nThe mayor said the budget would pass.\n“We are ready,” Ortiz told them.\nREAD MORE: “We will fight,” the mayor says\nThe vote was close.",
            &[],
        );
        let may: Vec<bool> = f.with(|cx| (0..5).map(|pi| cx.may_quote(pi)).collect());
        assert_eq!(may, [false, true, true, false, false]);
        // The cue is found where it starts, once for both passes.
        let cued = f.with(|cx| {
            (0..cx.toks(1).len())
                .filter(|&c| cx.starts_cue(1, c))
                .count()
        });
        assert_eq!(cued, 1);
    }

    #[test]
    fn the_cues_found_once_are_those_the_cue_lists_find() {
        let f = Fixture::new(
            "Menurut Ortiz, harga naik. Ia mengatakan bahwa “kami siap,” katanya.\nAccording to the mayor, the vote was close, he said.\nThe United States said so. Demikian diungkapkan Ortiz. Kata Ortiz, “ya.” Buku Kata Pengantar, kata dia. KATA dia,\u{212A}ata dia.\nThe statement said so, THE STATEMENT READ, the  statement added, said the statement. The Statement, the statements, the state said the\nHal itu disampaikan Ortiz, kata\u{212A}u dia. Demikian",
            &[],
        );
        let found = f.with(|cx| {
            let mut found = 0;
            for pi in 0..5 {
                for c in 0..cx.toks(pi).len() {
                    let direct = cx.input().cues.at(cx.text(), cx.toks(pi), c);
                    assert_eq!(cx.doc().cue_at(pi, c), direct, "{pi} {c}");
                    assert_eq!(cx.cue_at(pi, c), direct, "{pi} {c}");
                    assert_eq!(cx.starts_cue(pi, c), direct.is_some(), "{pi} {c}");
                    found += usize::from(direct.is_some());
                }
            }
            found
        });
        assert!(found >= 11, "{found}");
    }

    #[test]
    fn a_sentence_start_kept_by_the_index_is_what_the_gap_before_it_tells() {
        use crate::quotes::words::opens_sentence;
        let f = Fixture::new(
            "Ortiz said so. Ortiz Hale came, and Ortiz left.\nDi Bandung, Ortiz berkata: Warga datang. Mr. Hale tiba.\n“Kami siap,” kata Ortiz. Hale pergi.",
            &[],
        );
        f.with(|cx| {
            let text = cx.text();
            for pi in 0..3 {
                let toks = cx.toks(pi);
                for j in 0..toks.len() {
                    let want = j == 0 || {
                        let gap = &text[toks[j - 1].end..toks[j].start];
                        opens_sentence(
                            gap,
                            &text[toks[j - 1].start..toks[j - 1].end],
                            cx.input().cues,
                        )
                    };
                    assert_eq!(cx.sentence_initial(pi, j), want, "{pi} {j}");
                    // Asked again: the kept answer.
                    assert_eq!(cx.sentence_initial(pi, j), want, "{pi} {j}");
                }
            }
        });
    }

    #[test]
    fn places_named_are_those_a_scan_of_the_mentions_finds() {
        use crate::gazetteer::EntityType::{self, Country, Location, Person};
        let f = Fixture::new(
            "Warga Bandung dan Jawa Barat datang. Di Bandung, Ortiz berkata. Indonesia menang, kata Ortiz.",
            &[
                ("Bandung", Location),
                ("Jawa Barat", Location),
                ("Indonesia", Country),
                ("Ortiz", Person),
            ],
        );
        let found = f.with(|cx| {
            let input = cx.input();
            let scan = |name: &str| -> Option<EntityType> {
                input
                    .mentions
                    .iter()
                    .map(|m| (m, cx.entity_kind(m)))
                    .find(|&(m, k)| {
                        matches!(k, Location | Country) && &input.text[m.start..m.end] == name
                    })
                    .map(|(_, k)| k)
            };
            let mut found = 0;
            for name in [
                "Bandung",
                "Jawa",
                "Barat",
                "Indonesia",
                "Ortiz",
                "Warga",
                "bandung",
            ] {
                assert_eq!(cx.doc().place_named(name), scan(name), "{name}");
                found += usize::from(scan(name).is_some());
            }
            found
        });
        assert_eq!(found, 2);
    }

    #[test]
    fn what_follows_a_word_is_what_a_scan_of_its_places_finds() {
        let f = Fixture::new(
            "Ortiz said so. Ortiz Hale came, and Ortiz, the mayor, left.\nWarga Bandung datang. Ortiz  Hale tiba di Bandung.\n2024 Ortiz",
            &[],
        );
        f.with(|cx| {
            let text = cx.text();
            for w in [
                "Ortiz", "Warga", "Bandung", "2024", "Hale", "said", "Nobody",
            ] {
                let mut want: Vec<&str> = Vec::new();
                for pi in 0..3 {
                    let toks = cx.toks(pi);
                    for (j, t) in toks.iter().enumerate() {
                        if &text[t.start..t.end] != w || !crate::tokens::is_capitalized(w) {
                            continue;
                        }
                        let next = toks.get(j + 1).map_or("", |n| {
                            if &text[t.end..n.start] == " " {
                                &text[n.start..n.end]
                            } else {
                                ""
                            }
                        });
                        if !want.contains(&next) {
                            want.push(next);
                        }
                    }
                }
                let got = cx.doc().follows().get(w).unwrap_or(&[]).to_vec();
                assert_eq!(got, want, "{w}");
            }
        });
    }

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
