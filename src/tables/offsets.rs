//! Character offsets of the rows (`start`, `end`, `first_start`), from the
//! byte offsets the pipeline works with.

/// Maps byte offsets to character offsets, for offsets visited in
/// increasing order (it restarts when one goes back).
pub struct CharOffsets<'a> {
    text: &'a str,
    ascii: bool,
    byte: usize,
    chars: usize,
    /// (byte, chars) of every offset asked for, in byte order: going back
    /// restarts from the nearest one, not from the start of the text.
    marks: Vec<(usize, usize)>,
}

impl<'a> CharOffsets<'a> {
    pub fn new(text: &'a str) -> CharOffsets<'a> {
        CharOffsets {
            text,
            ascii: text.is_ascii(),
            byte: 0,
            chars: 0,
            marks: vec![(0, 0)],
        }
    }

    /// The character offset of byte offset `byte` (a char boundary).
    pub fn get(&mut self, byte: usize) -> usize {
        if self.ascii {
            return byte;
        }
        if byte < self.byte {
            let i = self.marks.partition_point(|m| m.0 <= byte) - 1;
            (self.byte, self.chars) = self.marks[i];
        }
        self.chars += self.text[self.byte..byte].chars().count();
        self.byte = byte;
        if self.marks.last().is_some_and(|m| m.0 < byte) {
            self.marks.push((byte, self.chars));
        }
        self.chars
    }
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
}
