//! The context sieves read: the document ([`QuoteInput`], its
//! [`DocIndex`]), what the first pass learnt ([`Known`]) and what this pass
//! has found so far (its quotes, their speakers by word). Sieves get it as
//! `&Context`; only the pass driver adds quotes ([`Context::push`],
//! [`Context::paragraph_done`]).

pub mod index;
pub mod known;
pub mod memo;
pub mod reads;

use crate::gazetteer::EntityType;
use crate::mentions::resolve::Mention;
use crate::quotes::cues::{CueHit, CueKind};
use crate::quotes::gender::GenderEvidence;
use crate::quotes::marks::Span;
use crate::quotes::model::{Quote, QuoteInput, QuoteKind, Speaker};
use crate::quotes::words::opens_sentence;
use crate::tokens::Token;
use index::{word_key, DocIndex};
use known::{Known, SpeakerIndex};
use reads::ReadLog;
use rustc_hash::FxHashMap as HashMap;
use std::cell::{OnceCell, RefCell};
use std::ops::Range;
use std::rc::Rc;

/// The state of one pass over a document.
pub struct Context<'a> {
    input: &'a QuoteInput<'a>,
    quotes: Vec<Quote>,
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
    /// `Context::name_runs`), for this pass.
    runs: NameRunCache<'a>,
    /// The ranked candidates of each quoted span, for refitting the ranker;
    /// `None` unless asked for ([`Context::recording`]): a plain run keeps
    /// none.
    ranked: Option<RefCell<Vec<Ranked>>>,
    /// What the document says of its people's gender, read the first time
    /// a `he` or `she` asks (most documents never do).
    genders: OnceCell<GenderEvidence>,
}

/// The candidates the ranker weighed for one quoted span: where the span's
/// text starts, each candidate's features and speaker name ("nobody" last;
/// none when no sieve proposed one), and the span's features for the
/// speech classifier.
#[derive(Debug, Clone)]
pub struct Ranked {
    pub start: usize,
    pub features: Vec<Vec<f32>>,
    pub speakers: Vec<Option<String>>,
    pub speech: Vec<f32>,
}

/// A run of name words around one place a word stands: where it starts,
/// the name, whether it reads as a person's, and whether it is named
/// aside (after a preposition or a kinship noun, or as a possessor: "for
/// his wife Maria Lund", "Lund's"), not as one who acts.
#[derive(Clone, Copy)]
pub struct NameRun<'a> {
    pub start: usize,
    pub name: &'a str,
    pub person: bool,
    pub aside: bool,
}

/// The name runs of each word asked for, by [`word_key`]: they depend on
/// the document and on what the first pass learnt, so each pass works them
/// out once per word. A `RefCell` because they are found while sieves read
/// the context through `&`. With each, the span of the pass's [`ReadLog`]
/// that working it out filled: a later use asks the same again.
pub struct NameRunCache<'a> {
    runs: RefCell<HashMap<u64, CachedRuns<'a>>>,
    log: ReadLog,
}

/// A word's name runs and the span of the log that finding them filled.
type CachedRuns<'a> = (Rc<[NameRun<'a>]>, Range<usize>);

impl<'a> NameRunCache<'a> {
    fn new(log: &ReadLog) -> NameRunCache<'a> {
        NameRunCache {
            runs: RefCell::default(),
            log: log.clone(),
        }
    }

    /// The runs of `w`, made by `make` the first time.
    pub fn get_or_make(
        &self,
        w: &str,
        make: impl FnOnce() -> Vec<NameRun<'a>>,
    ) -> Rc<[NameRun<'a>]> {
        let key = word_key(w);
        if let Some((r, asked)) = self.runs.borrow().get(&key) {
            self.log.repeat(asked.clone());
            return r.clone();
        }
        let from = self.log.len();
        let runs: Rc<[NameRun<'a>]> = make().into();
        let asked = from..self.log.len();
        self.runs.borrow_mut().insert(key, (runs.clone(), asked));
        runs
    }
}

impl<'a> Context<'a> {
    pub fn new(input: &'a QuoteInput<'a>, known: Known, doc: DocIndex<'a>) -> Context<'a> {
        let index = SpeakerIndex::seeded(&known, input.cues);
        Context::seeded(input, known, index, doc)
    }

    /// [`Context::new`] with the speaker index `known` seeds
    /// ([`SpeakerIndex::seeded`]), already made.
    pub fn seeded(
        input: &'a QuoteInput<'a>,
        known: Known,
        index: SpeakerIndex,
        doc: DocIndex<'a>,
    ) -> Context<'a> {
        Context {
            input,
            quotes: Vec::new(),
            doc,
            index,
            indexed: 0,
            quoted_done: Vec::new(),
            runs: NameRunCache::new(known.log()),
            known,
            ranked: None,
            genders: OnceCell::new(),
        }
    }

    /// Keeps the candidates each quoted span's ranking weighed (for
    /// refitting the ranker's weights).
    pub fn recording(mut self) -> Context<'a> {
        self.ranked = Some(RefCell::default());
        self
    }

    /// Takes over the quotes and ranked candidates another pass found in
    /// one paragraph, as if this pass had found them there.
    pub fn take_over(
        &mut self,
        quotes: impl Iterator<Item = Quote>,
        ranked: impl Iterator<Item = Ranked>,
    ) {
        self.quotes.extend(quotes);
        match &self.ranked {
            Some(r) => r.borrow_mut().extend(ranked),
            None => ranked.for_each(drop),
        }
        self.paragraph_done();
    }

    /// How many ranked candidate lists were recorded so far.
    pub fn ranked_len(&self) -> usize {
        self.ranked.as_ref().map_or(0, |r| r.borrow().len())
    }

    /// The quotes found, the candidates ranked, and the document index
    /// for another pass.
    pub fn finish(self) -> (Vec<Quote>, Vec<Ranked>, DocIndex<'a>) {
        let ranked = self.ranked.map(RefCell::into_inner).unwrap_or_default();
        (self.quotes, ranked, self.doc)
    }

    /// Notes the candidates ranked for a quoted span, when recording
    /// (`make` runs only then).
    pub fn record(&self, make: impl FnOnce() -> Ranked) {
        if let Some(ranked) = &self.ranked {
            ranked.borrow_mut().push(make());
        }
    }

    /// Notes the speech classifier's features of the quoted span starting
    /// at `start`, when recording: beside its ranked candidates if it has
    /// some (just recorded), else alone.
    pub fn record_speech(&self, start: usize, features: &[f32]) {
        let Some(ranked) = &self.ranked else {
            return;
        };
        let mut ranked = ranked.borrow_mut();
        match ranked.last_mut() {
            Some(r) if r.start == start && r.speech.is_empty() => r.speech = features.to_vec(),
            _ => ranked.push(Ranked {
                start,
                features: Vec::new(),
                speakers: Vec::new(),
                speech: features.to_vec(),
            }),
        }
    }

    /// The quoted spans of paragraph `pi`.
    pub fn doc_spans(&self, pi: usize) -> &[Span] {
        &self.doc.spans[pi]
    }

    /// The sentences of paragraph `pi`.
    pub fn sentences(&self, pi: usize) -> &[(usize, usize)] {
        self.doc.sentences(pi)
    }

    /// The quotes of the paragraph in progress (not yet indexed).
    pub fn current_quotes(&self) -> &[Quote] {
        &self.quotes[self.indexed..]
    }

    pub fn word(&self, t: Token) -> &'a str {
        &self.input.text[t.start..t.end]
    }

    pub fn toks(&self, pi: usize) -> &'a [Token] {
        self.input.paragraphs[pi].tokens
    }

    /// Index of the first token starting at or after `byte`.
    pub fn tok_at(&self, pi: usize, byte: usize) -> usize {
        self.toks(pi).partition_point(|t| t.start < byte)
    }

    pub fn mention_at(&self, t: Token) -> Option<&'a Mention> {
        let ms = self.input.mentions;
        let i = ms.partition_point(|m| m.end <= t.start);
        ms.get(i).filter(|m| m.start <= t.start && t.start < m.end)
    }

    pub fn entity_kind(&self, m: &Mention) -> EntityType {
        self.input.entities[m.entity as usize].kind
    }

    pub fn speaker_of(&self, m: &Mention) -> Speaker {
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

    pub fn para_of(&self, byte: usize) -> Option<usize> {
        // Paragraphs are in text order: the last one starting at or before `byte`.
        let ps = self.input.paragraphs;
        let i = ps.partition_point(|p| p.start <= byte).checked_sub(1)?;
        (byte <= ps[i].end).then_some(i)
    }

    pub fn in_quote(&self, byte: usize) -> bool {
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
                        self.index.add_person(&name, self.input.cues);
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

    /// The cue starting at token `c` of paragraph `pi` ([`crate::quotes::Cues::at`]);
    /// found once, for both passes, by the document index.
    pub fn cue_at(&self, pi: usize, c: usize) -> Option<CueHit> {
        self.doc.cue_at(pi, c)
    }

    /// Does a cue start at token `c` of paragraph `pi`?
    pub fn starts_cue(&self, pi: usize, c: usize) -> bool {
        self.doc.starts_cue[self.doc.token(pi, c)]
    }

    /// May paragraph `pi` hold quotes (see `DocIndex::may_quote`)?
    pub fn may_quote(&self, pi: usize) -> bool {
        self.doc.may_quote[pi]
    }

    /// Is `byte` inside quotation marks (of any paragraph)?
    pub fn in_marks(&self, byte: usize) -> bool {
        let i = self.doc.marked.partition_point(|s| s.1 <= byte);
        self.doc.marked.get(i).is_some_and(|s| s.0 <= byte)
    }

    /// Is paragraph `pi` written like a headline ("Sanders Vows To Eliminate
    /// Loopholes"): four words or more, nearly all capitalised?
    pub fn title_case(&self, pi: usize) -> bool {
        // Counted once per document in `DocIndex::build`: four words or
        // more (starting with a letter), at least four in five capitalised.
        self.doc.title_case[pi]
    }

    /// Does token `j` open a sentence or paragraph?
    pub fn sentence_initial(&self, pi: usize, j: usize) -> bool {
        if j == 0 {
            return true;
        }
        // Asked of the same words again and again: found once (it
        // depends on the document alone).
        let memo = &self.doc.sentence_initial;
        let k = self.doc.token(pi, j);
        if let Some(opens) = memo.get(k) {
            return opens;
        }
        let toks = self.toks(pi);
        let gap = &self.input.text[toks[j - 1].end..toks[j].start];
        let opens = opens_sentence(gap, self.word(toks[j - 1]), self.input.cues);
        memo.set(k, opens);
        opens
    }

    /// Adds a quote of the paragraph in progress.
    pub fn push(&mut self, q: Quote) {
        self.quotes.push(q);
    }

    /// Sorts the quotes of the paragraph in progress by start.
    pub fn sort_current(&mut self) {
        self.quotes[self.indexed..].sort_by_key(|q| q.start);
    }

    pub fn input(&self) -> &'a QuoteInput<'a> {
        self.input
    }

    pub fn text(&self) -> &'a str {
        self.input.text
    }

    pub fn doc(&self) -> &DocIndex<'a> {
        &self.doc
    }

    pub fn known(&self) -> &Known {
        &self.known
    }

    /// The speakers of finished paragraphs, by word.
    pub fn speakers(&self) -> &SpeakerIndex {
        &self.index
    }

    /// All quotes so far, in the order found.
    pub fn quotes(&self) -> &[Quote] {
        &self.quotes
    }

    /// The document's evidence of its people's gender.
    pub fn genders(&self) -> &GenderEvidence {
        self.genders.get_or_init(|| GenderEvidence::read(self))
    }

    pub fn name_run_cache(&self) -> &NameRunCache<'a> {
        &self.runs
    }
}
