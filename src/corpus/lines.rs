//! Lines of a JSON Lines input (a `.jsonl` file, `kutip map`'s stdin, a
//! shard): read whole, or cut when too long without holding all of it; and
//! FNV-1a, the hash `kutip map` names records and lines by.

use std::io::BufRead;

/// The 64-bit FNV-1a hash (offset basis `0xcbf29ce484222325`, prime
/// `0x100000001b3`): small, stable across versions and machines.
///
/// ```
/// use kutip::corpus::lines::fnv1a64;
/// assert_eq!(fnv1a64(b""), 0xcbf29ce484222325);
/// assert_eq!(fnv1a64(b"a"), 0xaf63dc4c8601ec8c);
/// ```
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h = Fnv::new();
    h.write(bytes);
    h.0
}

/// FNV-1a, fed piece by piece.
#[derive(Debug, Clone, Copy)]
struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// What [`read_line`] found.
#[derive(Debug, PartialEq, Eq)]
pub enum Line {
    /// End of input.
    End,
    /// A whole line is in the buffer (with its `\n`, when it had one).
    Whole,
    /// The line was longer than the limit: the buffer holds its first
    /// bytes, and the hash is FNV-1a of the whole line, trimmed of ASCII
    /// whitespace (what [`fnv1a64`] of `line.trim_ascii()` would give).
    TooLong(u64),
}

/// How many bytes of a too long line are kept (enough for `FILE:LINE`).
pub(crate) const HEAD: usize = 4096;

/// Reads one line into `buf` (cleared first), never holding more than
/// `max` bytes of it.
pub fn read_line(r: &mut dyn BufRead, buf: &mut Vec<u8>, max: usize) -> std::io::Result<Line> {
    buf.clear();
    let mut hash: Option<Trimmed> = None;
    loop {
        let available = r.fill_buf()?;
        if available.is_empty() {
            return Ok(match hash {
                Some(h) => Line::TooLong(h.finish()),
                None if buf.is_empty() => Line::End,
                None => Line::Whole,
            });
        }
        let (chunk, done) = match available.iter().position(|&b| b == b'\n') {
            Some(i) => (&available[..=i], true),
            None => (available, false),
        };
        let n = chunk.len();
        if let Some(h) = &mut hash {
            h.write(chunk);
        } else if buf.len() + n <= max {
            buf.extend_from_slice(chunk);
        } else {
            let mut h = Trimmed::default();
            h.write(buf);
            h.write(chunk);
            hash = Some(h);
            buf.extend_from_slice(&chunk[..HEAD.saturating_sub(buf.len()).min(n)]);
            buf.truncate(HEAD);
        }
        r.consume(n);
        if done {
            return Ok(match hash {
                Some(h) => Line::TooLong(h.finish()),
                None => Line::Whole,
            });
        }
    }
}

/// FNV-1a of a byte stream trimmed of ASCII whitespace at both ends.
#[derive(Debug, Clone)]
struct Trimmed {
    fnv: Fnv,
    started: bool,
    /// Whitespace since the last other byte: hashed only if more follows.
    pending: Vec<u8>,
}

impl Default for Trimmed {
    fn default() -> Self {
        Trimmed {
            fnv: Fnv::new(),
            started: false,
            pending: Vec::new(),
        }
    }
}

impl Trimmed {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            if b.is_ascii_whitespace() {
                if self.started {
                    self.pending.push(b);
                }
            } else {
                self.fnv.write(&self.pending);
                self.pending.clear();
                self.started = true;
                self.fnv.write(&[b]);
            }
        }
    }

    fn finish(self) -> u64 {
        self.fnv.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trimmed_hash_of_a_stream_is_the_hash_of_the_trimmed_line() {
        let cases: &[&[u8]] = &[b"", b"  ", b"abc", b"  a b  c \r\n", b"\t{\"x\": 1}  \n"];
        for case in cases {
            for split in 0..=case.len() {
                let mut h = Trimmed::default();
                h.write(&case[..split]);
                h.write(&case[split..]);
                assert_eq!(
                    h.finish(),
                    fnv1a64(case.trim_ascii()),
                    "{case:?} at {split}"
                );
            }
        }
    }

    #[test]
    fn long_lines_are_cut_and_hashed_whole() {
        let data = b"short\n  xxxxxxxxxxxxxxxx  \nok\nlast";
        let mut r = std::io::BufReader::with_capacity(3, &data[..]);
        let mut buf = Vec::new();
        let mut got = Vec::new();
        loop {
            match read_line(&mut r, &mut buf, 8).unwrap() {
                Line::End => break,
                l => got.push((l, String::from_utf8(buf.clone()).unwrap())),
            }
        }
        assert_eq!(
            got,
            [
                (Line::Whole, "short\n".into()),
                // Its beginning (as far as the chunk that passed the limit).
                (
                    Line::TooLong(fnv1a64(b"xxxxxxxxxxxxxxxx")),
                    "  xxxxxxx".into()
                ),
                (Line::Whole, "ok\n".into()),
                (Line::Whole, "last".into()),
            ]
        );
    }
}
