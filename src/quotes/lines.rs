//! Lines that are not body text yield no quotes: what is quoted in them
//! (a headline's catchword, a linked story's title, a tweet's embed, a
//! photo caption) is nobody's speech in this article.
//!
//! The document's own headline is its title paragraph (`Paragraph::title`);
//! these classes are the lines inside the body that are not body text.

use super::cues::Cues;
use super::model::Paragraph;
use super::words::words_up_to;

/// What a line that is not body text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineClass {
    /// `READ MORE: …`, `WATCH: …`, `Baca juga: …`: a link to another story.
    Link,
    /// `… pic.twitter.com/… — Name (@handle) May 2, 2026`, `Follow Name
    /// on Twitter @handle`: a tweet's embed or the author's handle. (A
    /// markup tag's attributes are no quoted spans: `marks`.)
    Tweet,
    /// `Photo: …`, `FOTO: …`, `… (AP Photo/Name)`, `KOMPAS/NAME …`.
    Caption,
    /// A Title-Case line inside the body (`Trump Vows ‘Big Changes’ In
    /// Ohio`, `‘All Bets Are Off’`): a sub-head or a related story's
    /// headline.
    SubHead,
}

/// Labels that open a link line when a colon follows them (any case).
const LINK_LABELS: &[&str] = &[
    "read more",
    "read also",
    "also read",
    "read",
    "related",
    "see also",
    "more",
    "watch",
    "listen",
    "click here",
    "video",
    "baca juga",
    "baca",
    "lihat juga",
    "simak juga",
    "simak",
    "tonton juga",
    "tonton",
    "berita terkait",
    "artikel terkait",
];

/// Labels that open a caption (any case).
const CAPTION_OPENERS: &[&str] = &[
    "photo:",
    "photo by",
    "(photo",
    "photos:",
    "image:",
    "caption:",
    "foto:",
    "(foto",
    "keterangan foto",
    "kompas/",
    "antara foto",
];

/// Photo credits that close a caption, in parentheses (any case).
const CREDITS: &[&str] = &[
    "photo",
    "foto",
    "getty images",
    "reuters",
    "afp",
    "ap",
    "epa",
    "file",
];

/// The class of paragraph `p` (index `pi`) when it is not body text.
pub fn class(text: &str, pi: usize, p: &Paragraph, cues: &Cues) -> Option<LineClass> {
    let line = text[p.start..p.end].trim();
    // Labels open a line: only its head is lowercased, not the paragraph.
    let head = lower_head(line);
    if is_link(&head) {
        return Some(LineClass::Link);
    }
    if is_tweet(line, &head) {
        return Some(LineClass::Tweet);
    }
    if is_caption(line, &head) {
        return Some(LineClass::Caption);
    }
    // The first line is the headline: the title when the segmenter found
    // one; else it is read as the body's first paragraph.
    if pi > 0 && is_sub_head(line, cues) {
        return Some(LineClass::SubHead);
    }
    None
}

/// Chars of a line's head that hold the longest label.
const HEAD_CHARS: usize = 24;

/// The head of `line`, lowercased: its first [`HEAD_CHARS`] chars, the
/// spaces after them and one char more, so that a label and what follows
/// it past the spaces read as in the whole line lowercased.
fn lower_head(line: &str) -> String {
    let mut chars = line.char_indices().skip(HEAD_CHARS);
    let end = loop {
        match chars.next() {
            Some((_, c)) if c.is_whitespace() => continue,
            Some((i, c)) => break i + c.len_utf8(),
            None => break line.len(),
        }
    };
    // An ASCII head (most) lowercases as ASCII: no Unicode tables.
    let head = &line[..end];
    if head.is_ascii() {
        head.to_ascii_lowercase()
    } else {
        head.to_lowercase()
    }
}

/// Does `line` hold `pat` (lowercase ASCII without `k`, no `i` last), in any
/// case? As `line.to_lowercase().contains(pat)`: only `K` (Kelvin) and `İ`
/// lowercase to ASCII from outside it, to `k` and to `i` and a dot above.
/// Only the places where the pattern's last byte stands are compared
/// (memchr finds them): a window at every byte cost a body paragraph
/// with a `/` in it one compare per byte.
fn contains_any_case(line: &str, pat: &str) -> bool {
    let (b, p) = (line.as_bytes(), pat.as_bytes());
    let Some(&last) = p.last() else {
        return true;
    };
    memchr::memchr2_iter(last.to_ascii_lowercase(), last.to_ascii_uppercase(), b)
        .any(|i| i + 1 >= p.len() && b[i + 1 - p.len()..=i].eq_ignore_ascii_case(p))
}

fn is_link(head: &str) -> bool {
    LINK_LABELS.iter().any(|l| {
        head.strip_prefix(l).is_some_and(|rest| {
            let rest = rest.trim_start();
            rest.starts_with([':', '|', '»', '>']) || (l.contains(' ') && l.starts_with("baca"))
        })
    })
}

fn is_tweet(line: &str, head: &str) -> bool {
    if contains_any_case(line, "pic.twitter.com/") {
        return true;
    }
    if head.starts_with("follow ") && contains_any_case(line, " on twitter") {
        return true;
    }
    // "… — Name (@handle) September 26, 2026": the embed's signature.
    if !line.as_bytes().contains(&b'@') {
        return false;
    }
    let Some(dash) = line.rfind(['—', '―']) else {
        return false;
    };
    let sig = &line[dash..];
    let (Some(open), Some(close)) = (sig.find("(@"), sig.find(')')) else {
        return false;
    };
    open < close && sig[close..].chars().any(|c| c.is_ascii_digit())
}

fn is_caption(line: &str, head: &str) -> bool {
    if CAPTION_OPENERS.iter().any(|o| head.starts_with(o)) {
        return true;
    }
    // "… (AP Photo/Evan Vucci)", "(Getty Images)".
    let Some(open) = line.trim_end_matches('.').strip_suffix(')') else {
        return false;
    };
    let Some(at) = open.rfind('(') else {
        return false;
    };
    let credit = open[at + 1..].to_lowercase();
    let credit = credit.as_str();
    CREDITS.iter().any(|c| {
        credit.starts_with(c)
            && credit[c.len()..].starts_with(['/', ':', ' ', ')'])
            && (credit.contains('/') || credit.contains(':') || *c == "getty images")
    }) || credit == "getty images"
}

/// A line of Title-Case words (small words aside), short, with no
/// sentence in it: a sub-head, in quotes or not.
fn is_sub_head(line: &str, cues: &Cues) -> bool {
    let bare = line
        .trim_matches(|c: char| !c.is_alphanumeric())
        .trim_end_matches('.');
    // Most body paragraphs fail the title test at their first lowercase
    // word: it goes first (a quick look for such a word first), and the
    // words are counted (only as far as the limit) and the whole line
    // searched only for lines that pass it.
    !has_lowercase_word(bare, cues)
        && super::words::reads_as_title(bare, cues)
        && (2..=12).contains(&words_up_to(bare, 13))
        && !bare.contains(". ")
        && !line
            .trim_end_matches(['”', '"', '’', '\'', '»', ')'])
            .ends_with([',', ':', '!', '?'])
        && bare
            .split_whitespace()
            .filter(|w| !cues.is_minor(w))
            .count()
            >= 2
}

/// Does `bare` hold a word that makes [`super::words::reads_as_title`]
/// false: one of its whitespace-separated words, trimmed of what is no
/// letter or digit, that starts with a lowercase letter and is no minor
/// word? Read by bytes, only ASCII words (a word past ASCII may hold
/// other whitespace: left to the full test).
fn has_lowercase_word(bare: &str, cues: &Cues) -> bool {
    let pieces = bare
        .as_bytes()
        .split(|&b| b.is_ascii() && char::from(b).is_whitespace());
    for piece in pieces.filter(|w| w.is_ascii()) {
        let Some(a) = piece.iter().position(u8::is_ascii_alphanumeric) else {
            continue;
        };
        if !piece[a].is_ascii_lowercase() {
            continue;
        }
        let b = piece
            .iter()
            .rposition(u8::is_ascii_alphanumeric)
            .unwrap_or(a);
        // ASCII: always UTF-8.
        let word = std::str::from_utf8(&piece[a..=b]).unwrap_or("");
        if !cues.is_minor(word) {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    fn class_of(lines: &str) -> Vec<Option<LineClass>> {
        let cues = Cues::defaults().unwrap();
        let toks = tokenize(lines);
        let mut at = 0;
        let mut out = Vec::new();
        for (pi, line) in lines.split('\n').enumerate() {
            let p = Paragraph {
                start: at,
                end: at + line.len(),
                title: false,
                tokens: &toks[..0],
            };
            out.push(class(lines, pi, &p, &cues));
            at += line.len() + 1;
        }
        out
    }

    #[test]
    fn a_lowercase_word_found_by_bytes_is_one_the_title_test_fails_on() {
        let cues = Cues::defaults().unwrap();
        for line in [
            "Mayor Vows Big Changes in River Town",
            "Mayor Vows Big Changes In River Town",
            "The Mayor of the Town",
            "Ma'ruf Amin (ketua) Hadir",
            "“Kami Siap” — kata Bupati",
            "Kami\u{a0}siap Bupati",
            "Kami\u{b}siap Bupati",
            "Kami siap\u{85}Bupati",
            "Ña ñu Ño",
            "A 1st Day",
            "",
        ] {
            if has_lowercase_word(line, &cues) {
                assert!(
                    !super::super::words::reads_as_title(line, &cues),
                    "{line:?}"
                );
            }
        }
        assert!(has_lowercase_word("The mayor of the Town", &cues));
        assert!(!has_lowercase_word("The Mayor of the Town", &cues));
    }

    #[test]
    fn any_case_search_finds_what_lowercasing_the_line_finds() {
        let lines = [
            "Lihat PIC.Twitter.com/abc di sini",
            "pic.twitter.com/",
            "x pic.twitter.com",
            "dan/atau pic/twitter.com/ lagi",
            "Follow Ana On Twitter @ana",
            "follow ana on twitte",
            " ON TWITTER",
            "",
            "/",
        ];
        for line in lines {
            for pat in ["pic.twitter.com/", " on twitter"] {
                assert_eq!(
                    contains_any_case(line, pat),
                    line.to_lowercase().contains(pat),
                    "{line:?} {pat:?}"
                );
            }
        }
    }

    #[test]
    fn link_lines_are_not_body_text() {
        let text = "The council met on Monday.\nREAD MORE: “We will fight,” says the mayor\nWATCH: Lena Ortiz on the “new deal”\nBaca juga: “Kami siap,” kata Bupati\nRead the full report here.";
        assert_eq!(
            class_of(text),
            [
                None,
                Some(LineClass::Link),
                Some(LineClass::Link),
                Some(LineClass::Link),
                None
            ]
        );
    }

    #[test]
    fn tweet_markup_is_not_body_text() {
        let text = "The senator wrote on Twitter.\nWe “won” today! pic.twitter.com/xYz12 — Lena Ortiz (@lenaortiz) May 2, 2026\nJust “voted” for Ortiz pic.twitter.com/Ab3\nFollow Tom Hale on Twitter @tomhale.\nThe vote — she said (@ the hall) — was close.";
        assert_eq!(
            class_of(text),
            [
                None,
                Some(LineClass::Tweet),
                Some(LineClass::Tweet),
                Some(LineClass::Tweet),
                None
            ]
        );
    }

    #[test]
    fn captions_are_not_body_text() {
        let text = "The mayor spoke at noon.\nPhoto: Lena Ortiz greets “the heroes” of the flood.\nFOTO: Warga menyebut banjir itu “kiriman”.\nLena Ortiz greets “the heroes” of the flood. (AP Photo/Tom Hale)\n“We are ready,” Ortiz said (in the hall).";
        assert_eq!(
            class_of(text),
            [
                None,
                Some(LineClass::Caption),
                Some(LineClass::Caption),
                Some(LineClass::Caption),
                None
            ]
        );
    }

    #[test]
    fn title_case_lines_inside_the_body_are_sub_heads() {
        let text = "Mayor Vows ‘Big Changes’ In River Town\nThe mayor spoke at noon.\nMayor Vows ‘Big Changes’ In River Town\n‘The Long Night Is Over.’\n“We Are Ready!”\n“We are ready for the vote,” Ortiz said.\nLena Ortiz";
        assert_eq!(
            class_of(text),
            [
                // The first line is the headline's to judge.
                None,
                None,
                Some(LineClass::SubHead),
                Some(LineClass::SubHead),
                // An exclamation is said.
                None,
                None,
                Some(LineClass::SubHead),
            ]
        );
    }

    #[test]
    fn sub_heads_have_twelve_words_at_most() {
        let text = "The mayor spoke at noon.\nOne Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve\nOne Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen\nBig Changes";
        assert_eq!(
            class_of(text),
            [
                None,
                Some(LineClass::SubHead),
                None,
                Some(LineClass::SubHead)
            ]
        );
    }

    #[test]
    fn labels_and_handles_read_in_any_case_past_the_lowercased_head() {
        // The label's colon stands past the head's first chars; the tweet
        // link is in capitals far past it; a Kelvin sign is no `k`.
        let text = "The mayor spoke at noon.\nRELATED                            : “We will fight”\nShe wrote “we won” today at the hall, as everyone saw PIC.TWITTER.COM/xYz12\nFOLLOW Tom Hale ON TWITTER @tomhale.\n\u{212A}OMPAS/TOM HALE “Kami siap”\nShe wrote “we won” today at pic.twitter.com";
        assert_eq!(
            class_of(text),
            [
                None,
                Some(LineClass::Link),
                Some(LineClass::Tweet),
                Some(LineClass::Tweet),
                Some(LineClass::Caption),
                None,
            ]
        );
    }
}
