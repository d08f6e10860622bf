//! What a pass asks of what the first pass learns: the words the document
//! cites people by ([`super::known::Known`]) and the speakers indexed by
//! word ([`super::known::SpeakerIndex`]). The first pass keeps a log of
//! each question and its answer, so that the second pass can tell which
//! paragraphs would get the same answers from what the first learnt and
//! take over the first's results there (`pass::second`).

use std::cell::RefCell;
use std::rc::Rc;

/// What a read asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asked {
    /// Does the document cite someone by this word?
    Short,
    /// The person's name filed under its first or last word.
    PersonEdge,
    /// The person's name filed under any of its words.
    PersonAny,
    /// The fullest unlisted name filed under the word.
    Fullest,
}

/// One question and the answer it got.
#[derive(Debug, Clone)]
pub struct Read {
    pub asked: Asked,
    /// The word asked about, by [`super::index::word_key`].
    pub key: u64,
    /// The name found ([`Asked::Short`]: none; the answer was no, as
    /// the first pass knows no such word).
    pub answer: Option<Rc<str>>,
}

/// The reads of a pass, in the order asked; `None`: no log kept (a
/// second pass).
#[derive(Debug, Clone, Default)]
pub struct ReadLog(Option<Rc<RefCell<Vec<Read>>>>);

impl ReadLog {
    /// A log that keeps what it is told.
    pub fn keeping() -> ReadLog {
        ReadLog(Some(Rc::default()))
    }

    /// Notes the read `read` makes, when keeping a log.
    pub fn note(&self, read: impl FnOnce() -> Read) {
        if let Some(log) = &self.0 {
            log.borrow_mut().push(read());
        }
    }

    /// Notes again the reads `range` of the log (an answer worked out
    /// from them, used again).
    pub fn repeat(&self, range: std::ops::Range<usize>) {
        if let Some(log) = &self.0 {
            log.borrow_mut().extend_from_within(range);
        }
    }

    /// The reads noted from the `from`th on (none when no log is kept).
    pub fn since(&self, from: usize) -> Box<[Read]> {
        self.0
            .as_ref()
            .map_or_else(Box::default, |log| log.borrow()[from..].into())
    }

    /// Notes `reads` again (an answer worked out from them, used again).
    pub fn note_again(&self, reads: &[Read]) {
        if let Some(log) = &self.0 {
            log.borrow_mut().extend_from_slice(reads);
        }
    }

    /// Is this log keeping reads (a first pass)?
    pub fn keeps(&self) -> bool {
        self.0.is_some()
    }

    /// How many reads were noted so far.
    pub fn len(&self) -> usize {
        self.0.as_ref().map_or(0, |log| log.borrow().len())
    }

    /// The reads noted, leaving the log empty.
    pub fn take(&self) -> Vec<Read> {
        self.0
            .as_ref()
            .map_or_else(Vec::new, |log| std::mem::take(&mut *log.borrow_mut()))
    }
}
