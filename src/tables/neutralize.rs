//! Cells that a spreadsheet would run as a formula (starting with `=`, `+`,
//! `-`, `@`, tab or carriage return) get a leading `'` when written (OWASP
//! CSV injection advice), and lose it again when kutip reads a table back.

use std::borrow::Cow;

/// Prefixes a `'` to cells that a spreadsheet would evaluate.
///
/// ```
/// assert_eq!(kutip::tables::neutralize("=1+1"), "'=1+1");
/// assert_eq!(kutip::tables::neutralize("-12"), "-12");
/// assert_eq!(kutip::tables::neutralize("Wang"), "Wang");
/// ```
#[inline]
pub fn neutralize(s: &str) -> Cow<'_, str> {
    let risky = match s.as_bytes().first() {
        Some(b'=' | b'+' | b'@' | b'\t' | b'\r') => true,
        // Plain negative numbers are data, not formulas.
        Some(b'-') => s[1..].parse::<f64>().is_err(),
        _ => false,
    };
    if risky {
        format!("'{s}").into()
    } else {
        s.into()
    }
}

/// Removes the `'` that [`neutralize`] puts before a formula-like cell
/// (`'=`, `'+`, `'-`, `'@`, `'` + tab or carriage return).
///
/// ```
/// use kutip::tables::unneutralize;
/// assert_eq!(unneutralize("'=SUM(A1)"), "=SUM(A1)");
/// assert_eq!(unneutralize("'tis"), "'tis");
/// assert_eq!(unneutralize("Wang"), "Wang");
/// ```
pub fn unneutralize(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unneutralize_drops_only_the_added_quote() {
        for (cell, want) in [
            ("'=1+1", "=1+1"),
            ("'+62 21", "+62 21"),
            ("'-foo", "-foo"),
            ("'@user", "@user"),
            ("'\tx", "\tx"),
            ("'tis", "'tis"),
            ("'", "'"),
            ("", ""),
            ("Wang Yi", "Wang Yi"),
        ] {
            assert_eq!(unneutralize(cell), want, "{cell:?}");
        }
    }

    #[test]
    fn neutralized_cells_read_back_as_written() {
        for cell in [
            "=1+1", "+62 21", "-foo", "-12", "@user", "\tx", "\r", "Wang", "",
        ] {
            assert_eq!(unneutralize(&neutralize(cell)), cell, "{cell:?}");
        }
    }
}
