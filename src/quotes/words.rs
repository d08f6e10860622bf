//! Word shapes and word lists the quote stage reads names by: what opens
//! a sentence, initials, acronyms, what may join the words of one name, and
//! the guess of a speaker's type from its name.

use crate::gazetteer::EntityType;
use crate::quotes::Cues;

/// A guess of the type of a speaker that no gazetteer lists.
pub fn guess_type(name: &str, cues: &Cues) -> EntityType {
    if name.split_whitespace().any(|w| cues.is_org_type(w)) {
        EntityType::Organization
    } else {
        EntityType::Person
    }
}

/// Does a word after `gap` (after the word `prev`) open a sentence or a
/// quote? Not after an abbreviation ("Rep. Jim Clyburn", "G. Smith").
pub fn opens_sentence(gap: &str, prev: &str, cues: &Cues) -> bool {
    // Most words follow a single space, which opens nothing.
    if gap == " " {
        return false;
    }
    let abbrev = gap.trim() == "." && (cues.is_title(prev) || prev.chars().count() == 1);
    // "….” ― Sonya Herridge": a name after a dash does not open a sentence.
    let dash = gap.trim_end().ends_with(['—', '–', '―', '-']);
    !abbrev && !dash && (gap.contains(['.', '!', '?', '\n']) || opens_quote(gap))
}

/// An Indonesian derived word (`Sepengetahuan`, `Penyalahgunaan`): a common
/// word, not a name.
pub fn affixed(w: &str) -> bool {
    let l = w.to_lowercase();
    l.chars().count() >= 9
        && ["ke", "se", "pe", "ber", "ter", "di"]
            .iter()
            .any(|p| l.starts_with(p))
        && (l.ends_with("an") || l.ends_with("nya"))
}

/// Does `gap` end with an opening mark (`“`, or `"` after a space)?
pub fn opens_quote(gap: &str) -> bool {
    let t = gap.trim_end();
    t.ends_with(['“', '‘', '(', '«'])
        || (t.ends_with(['"', '”'])
            && t[..t.len() - t.chars().last().map_or(0, char::len_utf8)]
                .ends_with(char::is_whitespace))
        || t == "\""
        || t == "”"
}

/// `M`, `RZ`: initials of a name (one or two capitals).
pub fn is_initials(w: &str) -> bool {
    (1..=2).contains(&w.chars().count()) && w.chars().all(char::is_uppercase)
}

/// `HAM`, `BNPB`: three or more letters, all capitals (`RZ Panca` keeps its initials).
pub fn is_acronym(w: &str) -> bool {
    // One walk, over at most the first lowercase letter: asked of every
    // word of every candidate name, most of them no acronym.
    let mut letters = 0;
    for c in w.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 3
}

/// Can this gap stand between two words of one name? (`Kassym-Jomart`,
/// `Donald J. Trump`, `O'Brien`)
/// Can `gap` after the word `prev` stand inside a name? A period only after
/// an initial or a title ("Donald J. Trump", "Rep. Jim Clyburn"), not at a
/// sentence end ("Urban League. Scott").
pub fn joins(prev: &str, gap: &str, cues: &Cues) -> bool {
    name_gap(gap) && (!gap.contains('.') || prev.chars().count() == 1 || cues.is_title(prev))
}

pub fn name_gap(gap: &str) -> bool {
    matches!(gap, " " | "-" | ". " | "." | "'" | "’" | "\u{a0}")
}

/// Does a quoted text read like the title of a work or a show: two words or
/// more, each capitalised but for small words (the `minor` cues: `of`,
/// `the`, `and`)?
pub fn reads_as_title(inner: &str, cues: &Cues) -> bool {
    // An exclamation or a question is said, not a title ("U-S-A! U-S-A!").
    if inner.trim_end().ends_with(['!', '?']) {
        return false;
    }
    // One walk over the words, no list of them: each is read once.
    let (mut words, mut alphabetic, mut all_minor) = (0usize, 0usize, true);
    for w in inner
        .split(|c: char| c.is_whitespace())
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
    {
        let minor = cues.is_minor(w);
        if !minor
            && !w
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        {
            return false;
        }
        words += 1;
        alphabetic += usize::from(w.chars().any(char::is_alphabetic));
        all_minor &= minor;
    }
    words >= 2 && alphabetic >= 2 && !all_minor
}

/// `s.split_whitespace().take(limit).count()`, reading ASCII bytes as
/// they are and decoding only other chars (most lines are ASCII).
pub fn words_up_to(s: &str, limit: usize) -> usize {
    let b = s.as_bytes();
    let (mut words, mut in_word, mut i) = (0, false, 0);
    while i < b.len() && words < limit {
        let (space, len) = if b[i].is_ascii() {
            (char::from(b[i]).is_whitespace(), 1)
        } else {
            let c = s[i..].chars().next().unwrap_or(' ');
            (c.is_whitespace(), c.len_utf8())
        };
        if !space && !in_word {
            words += 1;
        }
        in_word = !space;
        i += len;
    }
    words
}

#[cfg(test)]
mod tests {
    use super::{is_acronym, words_up_to};

    #[test]
    fn words_are_counted_as_split_whitespace_counts_them() {
        // The line classes ask for the first few words, the ranker for all.
        for s in [
            "",
            " ",
            "  ",
            "one",
            "  two  words ",
            " two  words ",
            "a\u{a0}b\u{2003}c\u{85}d\te\u{b}f",
            "kata\u{a0}dia,\n\tlalu\u{2003}pergi",
            "“Kami” — siap, kata Ña  ",
            "“Kami siap,” kata Budi.",
            "a b c d e f g h i j k l m n o p",
        ] {
            for limit in [0, 1, 3, 13, usize::MAX] {
                assert_eq!(
                    words_up_to(s, limit),
                    s.split_whitespace().take(limit).count(),
                    "{s:?} {limit}"
                );
            }
        }
    }

    #[test]
    fn an_acronym_has_three_capitals_and_no_lowercase_letter() {
        for w in ["HAM", "BNPB", "U.S.A.", "KPU-RI", "ÉCOLE"] {
            assert!(is_acronym(w), "{w}");
        }
        for w in ["RZ", "Budi", "BNPb", "PTs", "DPRD’s", "123", "A-1"] {
            assert!(!is_acronym(w), "{w}");
        }
    }
}
