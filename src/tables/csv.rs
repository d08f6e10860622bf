//! A minimal CSV writer, the hot path of writing tables.

use std::io::Write;

/// The bytes that make a cell quoted, by byte (one load per byte: most
/// cells are short and plain).
static QUOTED: [bool; 256] = {
    let mut t = [false; 256];
    t[b',' as usize] = true;
    t[b'"' as usize] = true;
    t[b'\r' as usize] = true;
    t[b'\n' as usize] = true;
    t
};

/// A minimal CSV writer: comma-separated, CRLF-terminated, a cell quoted
/// (quotes doubled) only when it holds a comma, a quote, CR or LF. The
/// same bytes as the `csv` crate's defaults, at a fraction of the cost per
/// cell (tested against it in [`super::schema`]).
pub struct CsvOut<W: Write> {
    out: W,
    first: bool,
}

impl<W: Write> CsvOut<W> {
    pub fn new(out: W) -> CsvOut<W> {
        CsvOut { out, first: true }
    }

    /// Writes one cell.
    #[inline]
    pub fn cell(&mut self, v: &[u8]) -> std::io::Result<()> {
        if !self.first {
            self.out.write_all(b",")?;
        }
        self.first = false;
        if !v.iter().any(|&b| QUOTED[b as usize]) {
            return self.out.write_all(v);
        }
        self.out.write_all(b"\"")?;
        for (i, part) in v.split(|&b| b == b'"').enumerate() {
            if i > 0 {
                self.out.write_all(b"\"\"")?;
            }
            self.out.write_all(part)?;
        }
        self.out.write_all(b"\"")
    }

    /// Ends the record.
    #[inline]
    pub fn end(&mut self) -> std::io::Result<()> {
        self.first = true;
        self.out.write_all(b"\r\n")
    }

    /// Writes a whole record.
    pub fn record(&mut self, cells: &[&str]) -> std::io::Result<()> {
        for c in cells {
            self.cell(c.as_bytes())?;
        }
        self.end()
    }

    /// The underlying writer.
    pub fn into_inner(self) -> W {
        self.out
    }
}
