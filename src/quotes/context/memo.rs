//! What the quote stage works out about candidate speakers' names that
//! depends on the document alone, kept for every quote and both passes:
//! the same names come up again for each quote near them and again in the
//! second pass (`names`, `cleanup`, `typing` read and fill it).

use super::reads::Read;
use crate::gazetteer::EntityType;
use rustc_hash::FxHashMap as HashMap;
use std::cell::{OnceCell, RefCell};
use std::hash::Hash;

/// A start the first pass found, and the reads finding it noted.
type FirstStart = (u32, Box<[Read]>);

/// Memos of one document's candidate names. Interior mutability because
/// they are filled while sieves read the context through `&`.
#[derive(Default)]
pub struct NameMemo {
    /// By (byte where the words naming an unlisted speaker start, their
    /// length, [`super::index::word_key`] of the name): its type, or None
    /// when it names nobody (see `Context::unlisted_kind`).
    kinds: RefCell<HashMap<(u32, u32, u64), Option<EntityType>>>,
    /// By (first token, in [`super::index::DocIndex::token`]'s numbering,
    /// and the number of tokens): where a person's name starts in those
    /// name words when the document cites nobody by one of them (see
    /// `Context::clean_start`).
    starts: RefCell<HashMap<(u32, u32), u32>>,
    /// The [`super::index::word_key`]s of what the listed places and
    /// countries are written as, sorted (see `Context::listed_place`).
    place_keys: OnceCell<Vec<u64>>,
    /// What `starts` holds, for the first pass: with the reads of what
    /// it learns that working the start out noted, to note again when it
    /// is used again (its read log must stay whole).
    first_starts: RefCell<HashMap<(u32, u32), FirstStart>>,
}

impl NameMemo {
    /// The type of the unlisted speaker `name` named by `len` bytes at
    /// `pos`, made by `make` the first time.
    pub fn kind(
        &self,
        (pos, len, name): (usize, usize, u64),
        make: impl FnOnce() -> Option<EntityType>,
    ) -> Option<EntityType> {
        remember(&self.kinds, (pos as u32, len as u32, name), make)
    }

    /// Where the name starts in `words` tokens from token `first`, made
    /// by `make` the first time.
    pub fn start(&self, first: usize, words: usize, make: impl FnOnce() -> usize) -> usize {
        remember(&self.starts, (first as u32, words as u32), || make() as u32) as usize
    }

    /// The start kept by [`NameMemo::keep_first_start`] for `words` name
    /// words from token `first`, after `note(reads)` of the reads working
    /// it out noted.
    pub fn first_start(
        &self,
        first: usize,
        words: usize,
        note: impl FnOnce(&[Read]),
    ) -> Option<usize> {
        let memo = self.first_starts.borrow();
        let (start, reads) = memo.get(&(first as u32, words as u32))?;
        note(reads);
        Some(*start as usize)
    }

    /// Keeps the start `start` the first pass found for `words` name
    /// words from token `first`, and the reads `asked` that finding it
    /// noted; also for the second pass ([`NameMemo::start`]).
    pub fn keep_first_start(&self, first: usize, words: usize, start: usize, asked: Box<[Read]>) {
        let key = (first as u32, words as u32);
        self.first_starts
            .borrow_mut()
            .insert(key, (start as u32, asked));
        remember(&self.starts, key, || start as u32);
    }

    /// The sorted keys of the listed places' surfaces, made by `make`
    /// (in any order) the first time.
    pub fn place_keys(&self, make: impl FnOnce() -> Vec<u64>) -> &[u64] {
        self.place_keys.get_or_init(|| {
            let mut keys = make();
            keys.sort_unstable();
            keys.dedup();
            keys
        })
    }
}

/// The value of `key` in `memo`, made by `make` (with no borrow held: it
/// may read other memos) the first time.
fn remember<K: Hash + Eq, V: Copy>(
    memo: &RefCell<HashMap<K, V>>,
    key: K,
    make: impl FnOnce() -> V,
) -> V {
    let known = memo.borrow().get(&key).copied();
    known.unwrap_or_else(|| {
        let v = make();
        memo.borrow_mut().insert(key, v);
        v
    })
}
