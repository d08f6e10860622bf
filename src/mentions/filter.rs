//! The mention filter: drops names the words around them say are not the
//! entity.
//!
//! - **Inside a longer name.** A one-word name next to a capitalised word
//!   that is part of a name is part of that longer name: `Chuck Jordan`,
//!   `PT Semen Padang`, `Duma Boko`, `Mobile World Congress`. Titles and
//!   place heads before (`Presiden Rusia`, `Kota Bandung`, past the title's
//!   own ordinary words: `Menteri Luar Negeri China`), part-of-place
//!   words after (`Jakarta Selatan`), days and months (`Jakarta Senin`), and
//!   words another mention covers (`Rusia Vladimir Putin`) leave it alone.
//!   At a sentence start, and in ALL-CAPS or headline-case lines, where
//!   every word is capitalised, an ordinary word (`Kemarin Jakarta`) is not
//!   part of a name. Acronyms of organisations (`Gedung KPK`) stay.
//! - **Surnames.** A listed person's name word found after another given
//!   name (`Michelle Obama`, `Edy Prabowo`) is somebody else's surname in
//!   this document: alone, it is not the listed person anywhere in it (but
//!   after a title, `Presiden Prabowo`, it is).
//! - **Ordinary words.** A listed name that is also an ordinary word (`Medan
//!   perang`, `Lima orang`) at a sentence start or in an ALL-CAPS or
//!   headline-case line; in capitals (`HELP US`), in ALL-CAPS lines only.
//! - **Initials, money, numbers.** `AS (32)` (initials and age), `US$ 5`,
//!   `RT 05/RW 02`, a roman numeral after a name (`Perang Dunia II`).
//! - **Datelines.** `JAKARTA, KOMPAS —` and `Jakarta (ANTARA) -` open a
//!   paragraph with a byline: the outlet is not mentioned.

use crate::gazetteer::EntityType;
use crate::matcher::Matcher;
use crate::mentions::resolve::{Mention, Method, ParagraphWords};
use crate::mentions::words::{MentionWords, HEAD, ORG, PLAIN, REGION};
use crate::tokens::{has_lowercase, Token};
use rustc_hash::FxHashSet;
use std::cell::Cell;

/// How the words of a line are capitalised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineCase {
    /// Ordinary text: capitals mean names.
    Normal,
    /// No lowercase letter at all.
    AllCaps,
    /// Nearly every word capitalised (a headline).
    Headline,
}

/// The filter's state for one document: the words found used as surnames.
pub struct MentionFilter<'a> {
    text: &'a str,
    matcher: &'a Matcher,
    paragraphs: &'a [ParagraphWords<'a>],
    words: &'a MentionWords,
    surnames: FxHashSet<&'a str>,
    /// Each paragraph's [`LineCase`], found when first needed.
    cases: Vec<Cell<Option<LineCase>>>,
}

impl<'a> MentionFilter<'a> {
    pub fn new(
        text: &'a str,
        matcher: &'a Matcher,
        paragraphs: &'a [ParagraphWords<'a>],
        words: &'a MentionWords,
    ) -> MentionFilter<'a> {
        MentionFilter {
            text,
            matcher,
            paragraphs,
            words,
            surnames: FxHashSet::default(),
            cases: vec![Cell::new(None); paragraphs.len()],
        }
    }

    /// Drops the mentions `judged` selects that their context rules out.
    /// `mentions` are sorted by start; every one of them counts as a name
    /// next to the judged ones.
    pub fn apply(&mut self, mentions: &mut Vec<Mention>, judged: impl Fn(&Mention) -> bool) {
        let spans: Vec<(usize, usize)> = mentions.iter().map(|m| (m.start, m.end)).collect();
        let mut keep = vec![true; mentions.len()];
        for (i, m) in mentions.iter().enumerate() {
            if judged(m) {
                keep[i] = self.keeps(m, &spans);
            }
        }
        // Surnames found anywhere rule out the word alone everywhere.
        for (i, m) in mentions.iter().enumerate() {
            if keep[i]
                && !self.surnames.is_empty()
                && judged(m)
                && self.surnames.contains(&self.text[m.start..m.end])
            {
                keep[i] = self.next_to_head(m);
            }
        }
        let mut k = keep.iter();
        mentions.retain(|_| *k.next().unwrap_or(&true));
    }

    /// Is a mention preceded by a title or place head? (Surnames are kept there:
    /// `Presiden Jordan` is the country's president, not somebody's name.)
    fn next_to_head(&self, m: &Mention) -> bool {
        self.alone(m)
            .and_then(|a| self.prev_word(&a))
            .is_some_and(|w| self.words.is_head(w))
    }

    fn word(&self, t: Token) -> &'a str {
        &self.text[t.start..t.end]
    }

    /// The paragraph a mention is in: its place in the list, and its words.
    fn paragraph(&self, m: &Mention) -> Option<(usize, &'a [Token])> {
        let i = self.paragraphs.partition_point(|p| p.index < m.paragraph);
        let p = self.paragraphs.get(i).filter(|p| p.index == m.paragraph)?;
        Some((i, p.tokens))
    }

    /// How a paragraph's words are capitalised (found once).
    fn case(&self, at: &Place<'a>) -> LineCase {
        let cell = &self.cases[at.paragraph];
        cell.get().unwrap_or_else(|| {
            let case = line_case(self.text, at.toks);
            cell.set(Some(case));
            case
        })
    }

    /// A one-word mention's place among its paragraph's words (`None` for
    /// a mention of several words).
    fn alone(&self, m: &Mention) -> Option<Place<'a>> {
        let (paragraph, toks) = self.paragraph(m)?;
        let k = toks.partition_point(|t| t.start < m.start);
        let t = *toks.get(k)?;
        if t.start != m.start || t.end != m.end {
            return None;
        }
        let joined = |a: Token, b: Token| {
            let gap = &self.text[a.end..b.start];
            !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\u{a0}')
        };
        Some(Place {
            toks,
            k,
            prev: (k > 0 && joined(toks[k - 1], t)).then(|| k - 1),
            next: (k + 1 < toks.len() && joined(t, toks[k + 1])).then_some(k + 1),
            paragraph,
        })
    }

    fn keeps(&mut self, m: &Mention, spans: &[(usize, usize)]) -> bool {
        let surface = &self.text[m.start..m.end];
        let entity = &self.matcher.entities()[m.entity as usize];
        if self.is_byline(m) || self.is_initials_money_or_unit(m, surface) {
            return false;
        }
        let Some(at) = self.alone(m) else {
            return true;
        };
        if self.is_ordinary_here(&at, surface) {
            return false;
        }
        if is_roman_numeral(surface) && at.prev.is_some() {
            return false;
        }
        // Organisations' acronyms are names on their own (Gedung KPK).
        if entity.kind == EntityType::Organization && !has_lowercase(surface) {
            return true;
        }
        let before = self.prev_word(&at);
        // North American, Latin American: a region, not the country.
        if m.method == Method::Demonym && before.is_some_and(|w| self.words.is_region(w)) {
            return false;
        }
        if before.is_some_and(|w| self.words.is_head(w)) || self.title_before(&at) {
            return true;
        }
        let after = at.next.map(|n| self.word(at.toks[n]));
        if after.is_some_and(|w| self.words.is_region(w)) {
            return true;
        }
        // An acronym (AS, RI) follows the word it qualifies: HUT RI.
        if has_lowercase(surface) && self.before_is_name_part(&at, spans) {
            if entity.kind == EntityType::Person {
                if self.run_has_own_name(&at, m) {
                    return true;
                }
                // After a given name (not an ordinary word): somebody
                // else's surname in this document.
                if let Some(w) = before.filter(|w| !self.words.is_common(w)) {
                    if has_lowercase(w) && w.chars().count() >= 3 {
                        self.surnames.insert(surface);
                    }
                }
            }
            return false;
        }
        !at.next.is_some_and(|n| self.is_name_part(&at, n, spans))
    }

    /// Does a title end right before, past ordinary words of its own
    /// (`Menteri Luar Negeri China`)? A name word (`Jenderal Badrodin
    /// Haiti`) or an organisation's head (`Universitas Islam Jakarta`) on
    /// the way says no.
    fn title_before(&self, at: &Place<'a>) -> bool {
        let mut k = at.k;
        for _ in 0..4 {
            let Some(p) = k.checked_sub(1) else {
                return false;
            };
            let gap = &self.text[at.toks[p].end..at.toks[k].start];
            let w = self.word(at.toks[p]);
            if gap != " " || !w.starts_with(char::is_uppercase) {
                return false;
            }
            let kinds = self.words.kinds(w);
            if kinds & HEAD != 0 {
                return true;
            }
            if kinds & ORG != 0 || !self.words.is_common(w) {
                return false;
            }
            k = p;
        }
        false
    }

    /// The word before, joined by a space or across `) ` (`(PM) Singapura`).
    fn prev_word(&self, at: &Place<'a>) -> Option<&'a str> {
        if let Some(p) = at.prev {
            return Some(self.word(at.toks[p]));
        }
        let k = at.k.checked_sub(1)?;
        let gap = &self.text[at.toks[k].end..at.toks[at.k].start];
        (gap == ") ").then(|| self.word(at.toks[k]))
    }

    fn before_is_name_part(&self, at: &Place<'a>, spans: &[(usize, usize)]) -> bool {
        at.prev.is_some_and(|p| self.is_name_part(at, p, spans))
    }

    /// Does the capitalised run before a person's one-word mention hold a
    /// word of that person's names (`Barack Hussein Obama`)?
    fn run_has_own_name(&self, at: &Place<'a>, m: &Mention) -> bool {
        let entity = &self.matcher.entities()[m.entity as usize];
        let mut k = at.k;
        for _ in 0..3 {
            let Some(p) = k.checked_sub(1) else { break };
            let w = self.word(at.toks[p]);
            if !w.starts_with(char::is_uppercase) {
                break;
            }
            if entity
                .names()
                .any(|n| n.split_whitespace().any(|x| x.trim_start_matches('=') == w))
            {
                return true;
            }
            k = p;
        }
        false
    }

    /// Is word `i` (next to the judged one) part of a name?
    fn is_name_part(&self, at: &Place<'a>, i: usize, spans: &[(usize, usize)]) -> bool {
        let t = at.toks[i];
        let w = self.word(t);
        // Capitalised, and in Latin letters: a word of another script is no
        // part of a Latin name (Россия Russia).
        if !w.starts_with(|c: char| c.is_uppercase() && c < '\u{250}') {
            return false;
        }
        // An acronym before a name qualifies it (GP2 Austria, PN Jakarta).
        if i < at.k && !has_lowercase(w) {
            return false;
        }
        let i_in = spans.partition_point(|s| s.1 <= t.start);
        if spans.get(i_in).is_some_and(|s| s.0 < t.end) {
            return false;
        }
        let kinds = self.words.kinds(w);
        if kinds & (PLAIN | HEAD | REGION) != 0 {
            return false;
        }
        if kinds & ORG != 0 {
            return true;
        }
        if self.sentence_start(at.toks, i) || self.case(at) != LineCase::Normal {
            return !self.words.is_common(w);
        }
        true
    }

    /// Does word `k` start a sentence (or the paragraph)?
    fn sentence_start(&self, toks: &[Token], k: usize) -> bool {
        k == 0 || {
            let gap = &self.text[toks[k - 1].end..toks[k].start];
            gap.contains(['.', '!', '?', ':', ';', '"', '“', '”', '(', '—', '–', '\n'])
                || gap.contains(" - ")
        }
    }

    /// A listed name that is an ordinary word, where capitals say nothing.
    fn is_ordinary_here(&self, at: &Place<'a>, surface: &str) -> bool {
        if !self.words.is_ordinary_name(surface) {
            return false;
        }
        // `MEDAN, KOMPAS —`: a dateline names the place.
        let dateline = at.k == 0 && self.text[at.toks[0].end..].starts_with(',');
        if dateline {
            return false;
        }
        if !has_lowercase(surface) && surface.chars().count() <= 3 {
            // An acronym: capitals are its normal form.
            return self.case(at) == LineCase::AllCaps;
        }
        self.sentence_start(at.toks, at.k) || self.case(at) != LineCase::Normal
    }

    /// `JAKARTA, KOMPAS —`, `Jakarta (ANTARA) -`: an outlet's byline at the
    /// start of a paragraph.
    fn is_byline(&self, m: &Mention) -> bool {
        let Some(first) = self.paragraph(m).and_then(|(_, toks)| toks.first()) else {
            return false;
        };
        if m.start - first.start > 40 {
            return false;
        }
        let before = &self.text[first.start..m.start];
        let opens = (before.ends_with(", ") || before.ends_with('('))
            && before.len() <= 40
            && before
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty())
                .all(|w| w.starts_with(char::is_uppercase));
        if !opens {
            return false;
        }
        let after = self.text[m.end..].trim_start_matches(')');
        let after = after
            .strip_prefix(".com")
            .or_else(|| after.strip_prefix(".co.id"))
            .or_else(|| after.strip_prefix(".id"))
            .unwrap_or(after);
        let after = after.trim_start_matches([' ', '\u{a0}', ')']);
        after.starts_with(['-', '—', '–'])
    }

    /// `AS (32)`, `US$ 5`, `RT 05/RW 02`.
    fn is_initials_money_or_unit(&self, m: &Mention, surface: &str) -> bool {
        let after = &self.text[m.end..];
        if after.starts_with('$') {
            return true;
        }
        if has_lowercase(surface) {
            return false;
        }
        if let Some(age) = after.strip_prefix(" (").and_then(|s| s.split_once(')')) {
            if (1..=3).contains(&age.0.len()) && age.0.bytes().all(|b| b.is_ascii_digit()) {
                return true;
            }
        }
        // A short code and a number: neighbourhood units, not a name.
        let digits = after
            .strip_prefix(' ')
            .map_or(0, |s| s.bytes().take_while(u8::is_ascii_digit).count());
        let unit_number = surface.len() <= 3
            && (1..=3).contains(&digits)
            && !after[1 + digits..].starts_with(|c: char| c.is_alphanumeric() || c == '.');
        let after_slash = self.text[..m.start]
            .strip_suffix('/')
            .is_some_and(|s| s.ends_with(|c: char| c.is_ascii_digit()));
        unit_number || after_slash
    }
}

/// A one-word mention among its paragraph's words.
struct Place<'a> {
    toks: &'a [Token],
    k: usize,
    /// The word before, when only spaces separate them.
    prev: Option<usize>,
    /// The word after, when only spaces separate them.
    next: Option<usize>,
    /// Its paragraph's place in the list.
    paragraph: usize,
}

fn line_case(text: &str, toks: &[Token]) -> LineCase {
    let (mut caps, mut lower, mut letters) = (0, 0, 0);
    for t in toks {
        let w = &text[t.start..t.end];
        let Some(c) = w.chars().next() else { continue };
        if !c.is_alphabetic() {
            continue;
        }
        letters += 1;
        if has_lowercase(w) {
            if c.is_uppercase() {
                caps += 1;
            } else if w.len() > 3 {
                // Short joiners (of, di, and) are lowercase in headlines too.
                lower += 1;
            }
        }
    }
    if letters >= 2
        && caps == 0
        && lower == 0
        && toks.iter().all(|t| !has_lowercase(&text[t.start..t.end]))
    {
        LineCase::AllCaps
    } else if caps >= 3 && lower * 5 <= caps && !ends_a_sentence(text, toks) {
        LineCase::Headline
    } else {
        LineCase::Normal
    }
}

/// Does the line end with a period, `!` or `?` (so it is a sentence, not
/// a headline)? Closing quotes and brackets after it do not count.
fn ends_a_sentence(text: &str, toks: &[Token]) -> bool {
    let Some(last) = toks.last() else {
        return false;
    };
    let rest = text[last.end..].split('\n').next().unwrap_or("");
    rest.trim_end()
        .trim_end_matches(['"', '\'', '”', '’', ')', ']'])
        .ends_with(['.', '!', '?'])
}

/// `II`, `IV`, `XII`: a roman numeral of up to 39.
fn is_roman_numeral(w: &str) -> bool {
    let units = w.trim_start_matches('X');
    w.len() >= 2
        && w.len() - units.len() <= 3
        && matches!(
            units,
            "" | "I" | "II" | "III" | "IV" | "V" | "VI" | "VII" | "VIII" | "IX"
        )
}
