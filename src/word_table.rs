//! A table keyed by a word's hash ([`crate::tokens::fold_hash`], already
//! well mixed, so it is not hashed again): open addressing with linear
//! probing from the hash's top bits. Looking up a word the table lacks, as
//! most words of a text are, takes a probe or two.

/// Values by word hash.
#[derive(Debug, Clone)]
pub struct WordTable<V> {
    /// Slot keys; 0 marks an empty slot.
    keys: Vec<u64>,
    values: Vec<V>,
    len: usize,
    /// The value of the word whose hash is 0 (the empty slot's mark).
    zero: Option<V>,
    /// 64 less log2 of the slots.
    shift: u32,
}

impl<V: Copy + Default> Default for WordTable<V> {
    fn default() -> Self {
        WordTable::with_capacity(0)
    }
}

impl<V: Copy + Default> WordTable<V> {
    /// A table that holds `n` words before it grows.
    pub fn with_capacity(n: usize) -> Self {
        let slots = (n * 10 / 7 + 1).next_power_of_two().max(16);
        WordTable {
            keys: vec![0; slots],
            values: vec![V::default(); slots],
            len: 0,
            zero: None,
            shift: 64 - slots.trailing_zeros(),
        }
    }

    /// The number of words held.
    pub fn len(&self) -> usize {
        self.len + usize::from(self.zero.is_some())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The value of the word with this hash.
    #[inline]
    pub fn get(&self, hash: u64) -> Option<V> {
        if hash == 0 {
            return self.zero;
        }
        let mask = self.keys.len() - 1;
        let mut i = (hash >> self.shift) as usize;
        loop {
            let k = self.keys[i];
            if k == hash {
                return Some(self.values[i]);
            }
            if k == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// The value of the word with this hash, `default` put in first when
    /// the table lacks it.
    pub fn entry(&mut self, hash: u64, default: V) -> &mut V {
        if hash == 0 {
            return self.zero.get_or_insert(default);
        }
        if (self.len + 1) * 10 > self.keys.len() * 7 {
            self.grow();
        }
        let mask = self.keys.len() - 1;
        let mut i = (hash >> self.shift) as usize;
        while self.keys[i] != 0 && self.keys[i] != hash {
            i = (i + 1) & mask;
        }
        if self.keys[i] == 0 {
            self.keys[i] = hash;
            self.values[i] = default;
            self.len += 1;
        }
        &mut self.values[i]
    }

    fn grow(&mut self) {
        let mut bigger = WordTable::with_capacity(self.keys.len());
        bigger.zero = self.zero;
        for (&k, &v) in self.keys.iter().zip(&self.values) {
            if k != 0 {
                *bigger.entry(k, v) = v;
            }
        }
        *self = bigger;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_was_put_in_and_nothing_else_across_growth() {
        let mut t = WordTable::default();
        let key = |i: u64| crate::tokens::fold_hash(&format!("w{i}"));
        for i in 0..5000u64 {
            *t.entry(key(i), 0u32) += i as u32 + 1;
        }
        *t.entry(0, 7) += 1;
        assert_eq!(t.len(), 5001);
        for i in 0..5000u64 {
            assert_eq!(t.get(key(i)), Some(i as u32 + 1));
            assert_eq!(t.get(key(i + 5000)), None);
        }
        assert_eq!(t.get(0), Some(8));
        assert_eq!(WordTable::<u8>::default().get(0), None);
    }
}
