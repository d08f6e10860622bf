//! The tagger's weights: tags, the quantised weight table of one language,
//! and the compact file format they ship in.
//!
//! File format (little-endian): `KTAG1`, the table's row bits (u8), then
//! for each language (Indonesian, then English): the 8 x 8 transition
//! weights (i16, previous tag by row, row 7 = the start of a run), the
//! number of nonzero rows (u32), and for each such row in increasing order
//! the gap to the previous row (LEB128) and 7 weights (i8, one per tag).

use super::features::{TABLE_BITS, TABLE_ROWS};
use crate::gazetteer::EntityType;

/// Tags: `O`, then `B-` and `I-` of PERSON, ORGANIZATION, LOCATION.
pub const TAGS: usize = 7;
/// Lanes of a weight row (7 tags and one unused, so a row is 16 bytes).
pub const LANES: usize = 8;
/// The transition row of a run's start.
pub const START: usize = 7;

pub const O: u8 = 0;

/// The type of tag `t` (None for `O`).
pub fn tag_type(t: u8) -> Option<EntityType> {
    match t {
        1 | 2 => Some(EntityType::Person),
        3 | 4 => Some(EntityType::Organization),
        5 | 6 => Some(EntityType::Location),
        _ => None,
    }
}

/// Does tag `t` begin a name?
pub fn is_begin(t: u8) -> bool {
    matches!(t, 1 | 3 | 5)
}

/// The `B-` tag of a type (COUNTRY is tagged as LOCATION).
pub fn begin_tag(kind: EntityType) -> u8 {
    match kind {
        EntityType::Person => 1,
        EntityType::Organization => 3,
        EntityType::Country | EntityType::Location => 5,
    }
}

/// May tag `t` follow tag `prev` (`START` at a run's start)? An `I-` tag
/// only continues a name of its type.
pub fn allowed(prev: usize, t: usize) -> bool {
    match t {
        2 | 4 | 6 => prev == t || prev == t - 1,
        _ => true,
    }
}

/// The weights of one language, quantised to 8 bits (a row is 8 bytes,
/// so the table of 2^18 rows is 2 MB and a word's 22 rows mostly stay in
/// the cache).
#[derive(Clone)]
pub struct Weights {
    pub rows: Vec<[i8; LANES]>,
    pub transitions: [[i32; LANES]; LANES],
}

impl Weights {
    /// All zero.
    pub fn zero() -> Weights {
        Weights {
            rows: vec![[0; LANES]; TABLE_ROWS],
            transitions: [[0; LANES]; LANES],
        }
    }

    /// The sum of the rows of some features, per tag.
    #[inline]
    pub fn emission(&self, rows: &[u32]) -> [i32; LANES] {
        // Eight 16-bit lanes in two words (SWAR): each weight, offset by
        // 128 to be unsigned, goes to lane `t / 2` of the even or odd
        // word, and sums of up to 256 of them (at most 255 each) fit 16
        // bits. A row costs a load and five operations, whatever the
        // target's vector instructions.
        const LOW: u64 = 0x00ff_00ff_00ff_00ff;
        const BIAS: u64 = 0x8080_8080_8080_8080;
        let mut acc = [0i32; LANES];
        // A table of fixed size, indexed by masked rows: no bounds check
        // per row (rows are below TABLE_ROWS by construction).
        let table: &[[i8; LANES]; TABLE_ROWS] = self.rows[..]
            .try_into()
            .expect("a weight table has TABLE_ROWS rows");
        for chunk in rows.chunks(256) {
            let (mut even, mut odd) = (0u64, 0u64);
            for &r in chunk {
                let row = table[r as usize & (TABLE_ROWS - 1)];
                let x = u64::from_le_bytes(row.map(|v| v as u8)) ^ BIAS;
                even += x & LOW;
                odd += (x >> 8) & LOW;
            }
            let offset = 128 * chunk.len() as i32;
            for (t, a) in acc.iter_mut().enumerate() {
                let lanes = if t % 2 == 0 { even } else { odd };
                *a += ((lanes >> (16 * (t / 2))) & 0xffff) as i32 - offset;
            }
        }
        acc
    }
}

/// A summary, not 2 MB of numbers (a `Pipeline` is printed with it).
impl std::fmt::Debug for Weights {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let nonzero = self
            .rows
            .iter()
            .filter(|r| r.iter().any(|&v| v != 0))
            .count();
        write!(
            f,
            "Weights {{ {} rows, {nonzero} nonzero }}",
            self.rows.len()
        )
    }
}

/// Why a weights file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError(pub &'static str);

/// Writes the weights of both languages (Indonesian, English).
pub fn encode(langs: [&Weights; 2]) -> Vec<u8> {
    let mut out = b"KTAG1".to_vec();
    out.push(TABLE_BITS as u8);
    for w in langs {
        for row in &w.transitions {
            for &v in row {
                out.extend_from_slice(
                    &(v.clamp(i16::MIN as i32, i16::MAX as i32) as i16).to_le_bytes(),
                );
            }
        }
        let nonzero: Vec<usize> = (0..TABLE_ROWS)
            .filter(|&r| w.rows[r][..TAGS].iter().any(|&v| v != 0))
            .collect();
        out.extend_from_slice(&(nonzero.len() as u32).to_le_bytes());
        let mut last = 0usize;
        for r in nonzero {
            let mut gap = r - last;
            last = r;
            loop {
                let b = (gap & 0x7f) as u8;
                gap >>= 7;
                if gap == 0 {
                    out.push(b);
                    break;
                }
                out.push(b | 0x80);
            }
            for &v in &w.rows[r][..TAGS] {
                out.push(v as u8);
            }
        }
    }
    out
}

/// Reads what [`encode`] wrote.
pub fn decode(bytes: &[u8]) -> Result<[Weights; 2], FormatError> {
    let mut at = 0usize;
    let mut take = |n: usize| -> Result<&[u8], FormatError> {
        let s = bytes
            .get(at..at + n)
            .ok_or(FormatError("weights file cut short"))?;
        at += n;
        Ok(s)
    };
    if take(5)? != b"KTAG1" {
        return Err(FormatError("not a kutip tagger weights file"));
    }
    if take(1)?[0] as u32 != TABLE_BITS {
        return Err(FormatError("weights file of another table size"));
    }
    let mut langs = [Weights::zero(), Weights::zero()];
    for w in &mut langs {
        for row in &mut w.transitions {
            for v in row.iter_mut() {
                let b = take(2)?;
                *v = i16::from_le_bytes([b[0], b[1]]) as i32;
            }
        }
        let b = take(4)?;
        let n = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
        let mut r = 0usize;
        for _ in 0..n {
            let mut gap = 0usize;
            let mut shift = 0;
            loop {
                let b = take(1)?[0];
                gap |= ((b & 0x7f) as usize) << shift;
                shift += 7;
                if b & 0x80 == 0 {
                    break;
                }
                if shift > 28 {
                    return Err(FormatError("bad row gap"));
                }
            }
            r += gap;
            let row = w.rows.get_mut(r).ok_or(FormatError("row out of range"))?;
            for (t, &v) in take(TAGS)?.iter().enumerate() {
                row[t] = v as i8;
            }
        }
    }
    if at != bytes.len() {
        return Err(FormatError("trailing bytes after the weights"));
    }
    Ok(langs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_survive_encoding() {
        let mut a = Weights::zero();
        a.rows[0][1] = 5;
        a.rows[3][6] = -127;
        a.rows[TABLE_ROWS - 1][0] = 100;
        a.transitions[START][1] = -300;
        let b = Weights::zero();
        let bytes = encode([&a, &b]);
        let [c, d] = decode(&bytes).unwrap();
        assert_eq!(c.rows, a.rows);
        assert_eq!(c.transitions, a.transitions);
        assert_eq!(d.rows, b.rows);
        assert_eq!(
            decode(&bytes[..bytes.len() - 1]).unwrap_err().0,
            "weights file cut short"
        );
        assert!(decode(b"KTAG0").is_err());
    }

    #[test]
    fn emissions_of_many_extreme_rows_do_not_overflow() {
        let mut w = Weights::zero();
        w.rows[1] = [-128; LANES];
        w.rows[2] = [127; LANES];
        assert_eq!(w.emission(&[1; 600]), [-128 * 600; LANES]);
        assert_eq!(w.emission(&[2; 300]), [127 * 300; LANES]);
        assert_eq!(w.emission(&[1, 2, 2]), [126; LANES]);
    }

    /// Random rows and weights: each lane is the plain sum of its weights.
    #[test]
    fn emissions_are_the_sums_of_the_rows() {
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        let mut w = Weights::zero();
        for r in 0..64 {
            w.rows[r] = next().to_le_bytes().map(|b| b as i8);
        }
        for n in [0, 1, 7, 24, 255, 256, 257, 700] {
            let rows: Vec<u32> = (0..n).map(|_| (next() % 64) as u32).collect();
            let want: [i32; LANES] =
                std::array::from_fn(|t| rows.iter().map(|&r| w.rows[r as usize][t] as i32).sum());
            assert_eq!(w.emission(&rows), want, "{n} rows");
        }
    }

    #[test]
    fn weights_print_as_a_summary() {
        let mut w = Weights::zero();
        w.rows[5][0] = 1;
        assert_eq!(
            format!("{w:?}"),
            format!("Weights {{ {TABLE_ROWS} rows, 1 nonzero }}")
        );
    }

    #[test]
    fn an_inside_tag_only_continues_its_type() {
        assert!(allowed(1, 2) && allowed(2, 2));
        assert!(!allowed(START, 2) && !allowed(0, 4) && !allowed(1, 4));
        assert!(allowed(START, 1) && allowed(6, 3));
    }
}
