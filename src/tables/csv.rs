//! A minimal CSV writer, the hot path of writing tables.
//!
//! Cells go into one buffer of whole records, handed to the output when it
//! passes [`FLUSH_AT`] bytes: a cell costs one test for bytes that need
//! quoting (eight bytes at a time) and one copy, not a call into a
//! `BufWriter` per cell and per comma.

use std::io::{self, Write};

/// The buffer is handed to the output at the end of the first record that
/// takes it past this many bytes.
const FLUSH_AT: usize = 1 << 16;

/// A minimal CSV writer: comma-separated, CRLF-terminated, a cell quoted
/// (quotes doubled) only when it holds a comma, a quote, CR or LF. The
/// same bytes as the `csv` crate's defaults, at a fraction of the cost per
/// cell (tested against it in [`super::schema`]).
pub struct CsvOut<W: Write> {
    out: W,
    /// Whole records not yet written, then the cells of the record being
    /// made, each followed by a comma (the last one becomes the CRLF).
    buf: Vec<u8>,
    /// Where the record being made starts in `buf`.
    record_start: usize,
}

impl<W: Write> CsvOut<W> {
    pub fn new(out: W) -> CsvOut<W> {
        CsvOut {
            out,
            buf: Vec::with_capacity(FLUSH_AT + 4096),
            record_start: 0,
        }
    }

    /// Writes one cell.
    #[inline]
    pub fn cell(&mut self, v: &[u8]) -> io::Result<()> {
        if needs_quotes(v) {
            self.quoted(v);
        } else {
            self.buf.extend_from_slice(v);
        }
        self.buf.push(b',');
        Ok(())
    }

    /// Writes one cell known to need no quotes (a number, a word of a
    /// fixed vocabulary).
    #[inline]
    pub fn plain(&mut self, v: &[u8]) {
        debug_assert!(!needs_quotes(v), "{v:?}");
        self.buf.extend_from_slice(v);
        self.buf.push(b',');
    }

    /// A cell between quotes, its quotes doubled.
    #[cold]
    fn quoted(&mut self, v: &[u8]) {
        self.buf.push(b'"');
        let mut rest = v;
        while let Some(i) = memchr::memchr(b'"', rest) {
            self.buf.extend_from_slice(&rest[..=i]);
            self.buf.push(b'"');
            rest = &rest[i + 1..];
        }
        self.buf.extend_from_slice(rest);
        self.buf.push(b'"');
    }

    /// Ends the record.
    #[inline]
    pub fn end(&mut self) -> io::Result<()> {
        // The comma after the last cell becomes the terminator.
        if self.buf.len() > self.record_start {
            self.buf.pop();
        }
        self.buf.extend_from_slice(b"\r\n");
        if self.buf.len() >= FLUSH_AT {
            self.out.write_all(&self.buf)?;
            self.buf.clear();
        }
        self.record_start = self.buf.len();
        Ok(())
    }

    /// Writes a whole record.
    pub fn record(&mut self, cells: &[&str]) -> io::Result<()> {
        for c in cells {
            self.cell(c.as_bytes())?;
        }
        self.end()
    }

    /// Writes the records not yet written and gives back the output (a
    /// record begun and not ended is dropped).
    pub fn into_inner(mut self) -> io::Result<W> {
        self.out.write_all(&self.buf[..self.record_start])?;
        Ok(self.out)
    }
}

const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);

/// Whether one of the eight bytes of `x` is a comma, a quote, CR or LF:
/// for each, a byte of `x ^ that byte repeated` is zero (the classic
/// has-a-zero-byte test is exact as a yes or no).
#[inline]
fn special_in(x: u64) -> bool {
    let zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGHS;
    let has = |b: u8| zero(x ^ (ONES * b as u64));
    (has(b',') | has(b'"') | has(b'\r') | has(b'\n')) != 0
}

/// Whether a cell needs quotes: it holds a comma, a quote, CR or LF.
/// Eight bytes at a time; a cell shorter than eight is read as two
/// overlapping halves (or its first, middle and last byte), zeros
/// filling the rest (a zero byte needs no quotes).
#[inline]
fn needs_quotes(v: &[u8]) -> bool {
    let n = v.len();
    let word = |i: usize| u64::from_ne_bytes(v[i..i + 8].try_into().expect("8 bytes"));
    if n >= 8 {
        let mut i = 0;
        while i + 8 <= n {
            if special_in(word(i)) {
                return true;
            }
            i += 8;
        }
        return i < n && special_in(word(n - 8));
    }
    let half = |i: usize| u32::from_ne_bytes(v[i..i + 4].try_into().expect("4 bytes")) as u64;
    let x = match n {
        0 => return false,
        1..=3 => v[0] as u64 | (v[n / 2] as u64) << 8 | (v[n - 1] as u64) << 16,
        _ => half(0) | half(n - 4) << 32,
    };
    special_in(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte-by-byte definition, against the word-at-a-time test, for
    /// every length up to 20 and each special byte at every place.
    #[test]
    fn needs_quotes_finds_each_special_byte_at_every_place() {
        for n in 0..20 {
            let plain = vec![b'a'; n];
            assert!(!needs_quotes(&plain), "{n}");
            for i in 0..n {
                for b in [b',', b'"', b'\r', b'\n', b'+', b'.', b' ', 0xE2, 0] {
                    let mut v = plain.clone();
                    v[i] = b;
                    let want = matches!(b, b',' | b'"' | b'\r' | b'\n');
                    assert_eq!(needs_quotes(&v), want, "{v:?}");
                }
            }
        }
    }

    #[test]
    fn records_are_written_whole_and_quoted_where_needed() {
        let mut w = CsvOut::new(Vec::new());
        w.record(&["a", "", "b,c", "say \"hi\""]).unwrap();
        w.record(&[""]).unwrap();
        w.plain(b"12");
        w.cell(b"x\ny").unwrap();
        w.end().unwrap();
        w.cell(b"not ended").unwrap();
        let out = String::from_utf8(w.into_inner().unwrap()).unwrap();
        assert_eq!(out, "a,,\"b,c\",\"say \"\"hi\"\"\"\r\n\r\n12,\"x\ny\"\r\n");
    }

    #[test]
    fn a_large_table_goes_out_in_pieces_and_whole() {
        let mut w = CsvOut::new(Vec::new());
        let mut want = String::new();
        for i in 0..20_000 {
            let cell = format!("row {i}");
            w.record(&[&cell, "\"q\""]).unwrap();
            want.push_str(&format!("{cell},\"\"\"q\"\"\"\r\n"));
        }
        assert_eq!(String::from_utf8(w.into_inner().unwrap()).unwrap(), want);
    }
}
