//! Quotation marks: finds the quoted spans of a paragraph.
//!
//! Marks are paired by kind: “ ” (and „ ‟ opening), " ", ‘ ’, ' ', « », ‹ ›,
//! 「 」, 『 』. Only outermost spans are returned: a single-quoted phrase
//! inside a double-quoted quote belongs to it. Apostrophes (`don't`,
//! `Jones'`, `'90s`, `Ma'ruf`) are never marks. An unclosed double quote runs
//! to the end of its paragraph (marked `closed: false`); an unclosed single
//! mark and a stray closing mark are ignored. A markup attribute's value
//! (`<tweet id="778">`, `author="@name"`) is no quoted span.

use crate::tokens::Ahead;

/// A quoted span, in byte offsets of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// Offset of the opening mark.
    pub open: usize,
    /// Offset just after the closing mark (the paragraph end when unclosed).
    pub close: usize,
    /// The quoted words: after the opening mark, before the closing one.
    pub inner_start: usize,
    pub inner_end: usize,
    /// Whether the span is in single marks.
    pub single: bool,
    /// Whether a closing mark was found.
    pub closed: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    /// “ ” „ ‟ and "
    Double,
    /// ‘ ’ and '
    Single,
    Guillemet,
    SingleGuillemet,
    Corner,
    WhiteCorner,
}

#[derive(Debug, Clone, Copy)]
enum Role {
    Open,
    Close,
    /// Straight marks: opening or closing by context.
    Either,
}

fn classify(c: char) -> Option<(Family, Role)> {
    Some(match c {
        '“' | '„' | '‟' => (Family::Double, Role::Open),
        // Kompas and others write both marks as ”; „…“ closes with “.
        '”' => (Family::Double, Role::Either),
        '"' => (Family::Double, Role::Either),
        '‘' | '‛' => (Family::Single, Role::Open),
        '’' => (Family::Single, Role::Close),
        '\'' => (Family::Single, Role::Either),
        '«' => (Family::Guillemet, Role::Open),
        '»' => (Family::Guillemet, Role::Close),
        '‹' => (Family::SingleGuillemet, Role::Open),
        '›' => (Family::SingleGuillemet, Role::Close),
        '「' => (Family::Corner, Role::Open),
        '」' => (Family::Corner, Role::Close),
        '『' => (Family::WhiteCorner, Role::Open),
        '』' => (Family::WhiteCorner, Role::Close),
        _ => return None,
    })
}

fn is_alnum(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric())
}

/// Finds the outermost quoted spans of `text[start..end]` (one paragraph).
pub fn find_spans(text: &str, start: usize, end: usize) -> Vec<Span> {
    let para = &text[start..end];
    // Every mark is `"`, `'` or a char whose UTF-8 starts with C2 (« »), E2
    // (“ ” ‘ ’ „ ‟ ‹ ›) or E3 (「 」 『 』): memchr jumps from one such byte
    // to the next.
    let bytes = para.as_bytes();
    let n = bytes.len();
    let mut common = Ahead::new(|from| {
        memchr::memchr3(b'"', b'\'', 0xE2, &bytes[from..]).map_or(n, |k| from + k)
    });
    let mut rare =
        Ahead::new(|from| memchr::memchr2(0xC2, 0xE3, &bytes[from..]).map_or(n, |k| from + k));
    let mut next_candidate = |from: usize| common.next(from).min(rare.next(from));
    let mut at = next_candidate(0);
    if at == n {
        return Vec::new();
    }
    // Open marks: (family, byte offset).
    let mut stack: Vec<(Family, usize)> = Vec::new();
    let mut low_opener: Option<usize> = None;
    let mut spans = Vec::new();
    // From one possible mark to the next: only those chars are decoded,
    // with the chars either side of them.
    while at < n {
        // `"`, `'` and the lead bytes C2, E2, E3 are always char boundaries.
        at = next_candidate(at);
        if at == n {
            break;
        }
        let bi = at;
        let Some(c) = para[bi..].chars().next() else {
            break;
        };
        at += c.len_utf8();
        let Some((family, mut role)) = classify(c) else {
            continue;
        };
        // „…“: the “ closes a quote opened low.
        if c == '“'
            && low_opener
                .is_some_and(|o| stack.iter().any(|(f, b)| *f == Family::Double && *b == o))
        {
            role = Role::Close;
        }
        if c == '„' {
            low_opener = Some(start + bi);
        }
        let prev = para[..bi].chars().next_back();
        let next = para[at..].chars().next();
        let open_in_stack = stack.iter().rposition(|(f, _)| *f == family);
        if family == Family::Single {
            // Apostrophes: between letters (don't, Ma'ruf), or before a
            // year (’90s), or a possessive after s (Jones') with no open
            // single mark to close.
            if is_alnum(prev) && is_alnum(next) {
                continue;
            }
            if !is_alnum(prev) && next.is_some_and(|n| n.is_ascii_digit()) {
                continue;
            }
            if matches!(role, Role::Close | Role::Either)
                && open_in_stack.is_none()
                && is_alnum(prev)
            {
                continue;
            }
        }
        let opens = match role {
            Role::Open => true,
            Role::Close => false,
            Role::Either => {
                if open_in_stack.is_some() {
                    // Closes, unless it clearly opens (after a space, before a word).
                    let after_space =
                        prev.is_none_or(|p| p.is_whitespace() || "([{—–-".contains(p));
                    family == Family::Double
                        && after_space
                        && is_alnum(next)
                        && stack.last().is_some_and(|(f, _)| *f != family)
                } else {
                    // Opens only when followed by something to quote.
                    next.is_some_and(|n| !n.is_whitespace())
                }
            }
        };
        let abs = start + bi;
        if opens {
            if family == Family::Double
                && stack.iter().any(|(f, _)| *f == Family::Double)
                && matches!(role, Role::Open)
            {
                // A new opening double mark while one is open: the earlier
                // quote was never closed. End it here, at its paragraph's
                // part before this mark.
                if let Some(pos) = stack.iter().position(|(f, _)| *f == Family::Double) {
                    let (_, o) = stack[pos];
                    if pos == 0 {
                        spans.push(unclosed(text, o, abs, family));
                    }
                    stack.truncate(pos);
                }
            }
            stack.push((family, abs));
        } else if let Some(pos) = open_in_stack {
            let (_, o) = stack[pos];
            let close = abs + c.len_utf8();
            if pos == 0 {
                spans.push(Span {
                    open: o,
                    close,
                    inner_start: o + text[o..].chars().next().map_or(1, char::len_utf8),
                    inner_end: abs,
                    single: is_single(family),
                    closed: true,
                });
            }
            stack.truncate(pos);
        }
        // A stray closing mark is ignored.
    }
    // Unclosed at paragraph end: a double mark runs to the end; single
    // marks were probably apostrophes.
    if let Some(&(family, o)) = stack.first() {
        if !is_single(family) {
            spans.push(unclosed(text, o, end, family));
        }
    }
    spans.sort_by_key(|s| s.open);
    spans.retain(|s| {
        !text[..s.open].ends_with('=')
            && s.inner_end > s.inner_start
            && text[s.inner_start..s.inner_end]
                .chars()
                .any(char::is_alphanumeric)
    });
    spans
}

fn is_single(f: Family) -> bool {
    matches!(f, Family::Single | Family::SingleGuillemet)
}

fn unclosed(text: &str, open: usize, end: usize, family: Family) -> Span {
    let inner_start = open + text[open..].chars().next().map_or(1, char::len_utf8);
    let trimmed = text[inner_start..end].trim_end().len();
    Span {
        open,
        close: inner_start + trimmed,
        inner_start,
        inner_end: inner_start + trimmed,
        single: is_single(family),
        closed: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<&str> {
        find_spans(text, 0, text.len())
            .iter()
            .map(|s| &text[s.inner_start..s.inner_end])
            .collect()
    }

    #[test]
    fn every_mark_style() {
        let cases: &[(&str, &[&str])] = &[
            ("“Kami siap,” kata dia.", &["Kami siap,"]),
            ("\"We are ready,\" he said.", &["We are ready,"]),
            ("„Wir sind bereit“, sagte er.", &["Wir sind bereit"]),
            ("‘We are ready,’ he said.", &["We are ready,"]),
            ("'We are ready,' he said.", &["We are ready,"]),
            ("« Nous sommes prêts », dit-il.", &[" Nous sommes prêts "]),
            ("‹ Bereit ›", &[" Bereit "]),
            ("「準備できた」と言った", &["準備できた"]),
            ("『準備』", &["準備"]),
        ];
        for (text, want) in cases {
            assert_eq!(quoted(text), *want, "{text:?}");
        }
    }

    #[test]
    fn nested_single_quotes_belong_to_the_outer_quote() {
        let text = "“Stop the 'colour revolution' and 'three evils' now,” he said.";
        assert_eq!(
            quoted(text),
            ["Stop the 'colour revolution' and 'three evils' now,"]
        );
        let text = "\"He called it ‘a farce’ today,\" she said.";
        assert_eq!(quoted(text), ["He called it ‘a farce’ today,"]);
    }

    #[test]
    fn apostrophes_are_not_marks() {
        let cases: &[(&str, &[&str])] = &[
            ("Don't touch Jones' car in the '90s.", &[]),
            ("Ma'ruf Amin dan Ma’ruf Amin", &[]),
            ("Russia’s army and the Kremlin’s view", &[]),
            ("“It's Jones' car,” he said.", &["It's Jones' car,"]),
            ("the 'three evils' of", &["three evils"]),
        ];
        for (text, want) in cases {
            assert_eq!(quoted(text), *want, "{text:?}");
        }
    }

    #[test]
    fn unclosed_and_stray_marks_are_recovered() {
        let cases: &[(&str, &[&str])] = &[
            // Runs to the paragraph end (multi-paragraph quote).
            ("“We will go on and on", &["We will go on and on"]),
            // A stray closing mark is ignored.
            ("He said ” nothing", &[]),
            // A second opening mark ends the unclosed first quote.
            ("“One thing “Two things”", &["One thing", "Two things"]),
            ("\"\"\"\"", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(quoted(text), *want, "{text:?}");
        }
    }

    #[test]
    fn markup_attribute_values_are_not_quoted() {
        let cases: &[(&str, &[&str])] = &[
            (
                "<tweet id=\"7782\" author=\"lena\">“We won,” she wrote</tweet>",
                &["We won,"],
            ),
            ("a=\"b\" and “c”", &["c"]),
        ];
        for (text, want) in cases {
            assert_eq!(quoted(text), *want, "{text:?}");
        }
    }

    #[test]
    fn thousands_of_marks_do_not_crash() {
        let text = "“a ‘b \" c ' ".repeat(2000);
        let _ = find_spans(&text, 0, text.len());
    }
}
