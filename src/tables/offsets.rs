//! Character offsets of the rows (`start`, `end`, `first_start`), from the
//! byte offsets the pipeline works with.

/// Bytes per block of [`CharOffsets`]' table.
const BLOCK: usize = 64;

/// Maps byte offsets to character offsets, in any order: for a text that
/// is not all ASCII, a table of the characters before each block of 64
/// bytes, made once, leaves at most 63 bytes to count per offset.
pub struct CharOffsets<'a> {
    text: &'a str,
    /// Characters before each block, and then all of them; empty for an
    /// ASCII text.
    before_block: Vec<usize>,
}

impl<'a> CharOffsets<'a> {
    pub fn new(text: &'a str) -> CharOffsets<'a> {
        let mut before_block = Vec::new();
        if !text.is_ascii() {
            before_block.reserve(text.len() / BLOCK + 2);
            let mut chars = 0;
            for block in text.as_bytes().chunks(BLOCK) {
                before_block.push(chars);
                chars += char_starts(block);
            }
            // The end of a text whose length is a multiple of the block.
            before_block.push(chars);
        }
        CharOffsets { text, before_block }
    }

    /// The character offset of byte offset `byte` (a char boundary).
    pub fn get(&mut self, byte: usize) -> usize {
        if self.before_block.is_empty() {
            return byte;
        }
        let block = byte / BLOCK;
        self.before_block[block] + char_starts(&self.text.as_bytes()[block * BLOCK..byte])
    }
}

/// The characters that start in `bytes`, at most one block (the bytes
/// that are not UTF-8 continuation bytes, `10xxxxxx`), eight bytes at a
/// time: in each word the bytes that start a character become 1s, summed
/// bytewise (at most 8 per byte, at most 64 in all: no carry between bytes).
fn char_starts(bytes: &[u8]) -> usize {
    debug_assert!(bytes.len() <= BLOCK);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    let mut words = bytes.chunks_exact(8);
    let mut sums = 0u64;
    for w in words.by_ref() {
        let x = u64::from_ne_bytes(w.try_into().expect("8 bytes"));
        // Bit 7 of a byte: set for a continuation byte (bit 7 set, bit 6 not).
        let continuation = x & !(x << 1) & HIGHS;
        sums += (!continuation & HIGHS) >> 7;
    }
    let whole = (sums.wrapping_mul(u64::from_ne_bytes([1; 8])) >> 56) as usize;
    whole
        + words
            .remainder()
            .iter()
            .filter(|&&b| (b as i8) >= -0x40)
            .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_count_characters() {
        let text = "“Tiongkok” dan Rusia";
        let mut c = CharOffsets::new(text);
        let b = text.find("Rusia").unwrap();
        assert_eq!(c.get(3), 1);
        assert_eq!(c.get(b), 15);
        assert_eq!(c.get(3), 1);
        assert_eq!(c.get(b + 2), 17);
        assert_eq!(c.get(b), 15);
        assert_eq!(c.get(0), 0);
        assert_eq!(c.get(text.len()), text.chars().count());
    }

    /// Every char boundary of texts around the block size, in any order,
    /// against counting the characters before it.
    #[test]
    fn char_offsets_agree_with_counting_at_every_boundary() {
        for n in [0, 1, 63, 64, 65, 127, 128, 200] {
            for filler in ["a", "é", "“", "😀"] {
                let text: String = (0..n)
                    .map(|i| if i % 3 == 0 { filler } else { "b" })
                    .collect();
                let mut c = CharOffsets::new(&text);
                let mut bounds: Vec<usize> = (0..=text.len())
                    .filter(|&i| text.is_char_boundary(i))
                    .collect();
                bounds.reverse();
                for b in bounds {
                    assert_eq!(c.get(b), text[..b].chars().count(), "{n} {filler} {b}");
                }
            }
        }
    }
}
