//! A light clause reading around a candidate's name, for the ranker
//! (English): is the name the subject of a reporting verb, an apposition
//! to the name before it, or a word that modifies what follows it?
//!
//! - subject: `X said`, `X, a spokesman for Y, said` (X, not Y),
//!   `X (R-Ohio), a panel member, said`, `“…,” said Rep. X`: the noun
//!   phrase right before the verb once the appositions set off by commas
//!   or brackets are skipped, or the name right after a verb that follows
//!   a quote or a comma (titles between);
//! - apposition: `X, D-Mass.`, `X (R-Ohio)`: a short name set off by a
//!   comma or a bracket right after a capitalised word;
//! - modifier: `Y's campaign manager X`, `Y attorney X`: the name is
//!   followed by a possessive, or by lowercase words ending in a role
//!   noun (the `describe` cues) and then a name.
//!
//! It reads only the paragraph's tokens, the gaps between them and the
//! cues the document index has found; no parser runs.

use crate::quotes::context::Context;
use crate::quotes::cues::CueKind;
use crate::quotes::model::Speaker;

/// How many tokens an apposition may span.
const APPOSITION: usize = 12;
/// How many appositions may stand between a subject and its verb.
const APPOSITIONS: usize = 3;

/// What a name is to its clause.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Roles {
    pub subject: bool,
    pub appositive: bool,
    pub modifier: bool,
}

/// Words that join phrases rather than modify a name after them.
const FUNCTION: &[&str] = &[
    "a", "after", "an", "and", "as", "at", "before", "but", "by", "for", "from", "had", "has",
    "in", "is", "of", "on", "or", "than", "that", "the", "to", "was", "when", "which", "while",
    "who", "will", "with", "would",
];

struct Clause<'c, 'a> {
    cx: &'c Context<'a>,
    pi: usize,
    len: usize,
}

impl Clause<'_, '_> {
    /// The text between token `k - 1` and token `k` (after the last
    /// token: to the paragraph's end).
    fn gap(&self, k: usize) -> &str {
        let toks = self.cx.toks(self.pi);
        let from = k.checked_sub(1).map_or(0, |i| toks[i].end);
        let to = toks
            .get(k)
            .map_or(self.cx.input().paragraphs[self.pi].end, |t| t.start);
        &self.cx.text()[from.max(self.cx.input().paragraphs[self.pi].start)..to]
    }

    fn word(&self, k: usize) -> &str {
        self.cx.word(self.cx.toks(self.pi)[k])
    }

    /// Does a gap end a clause's reach: a quotation mark, `;`, `:`, or a
    /// new sentence?
    fn stops(&self, k: usize) -> bool {
        if k == 0 || k >= self.len {
            return true;
        }
        let gap = self.gap(k);
        let cues = self.cx.input().cues;
        let prev = self.word(k - 1);
        // A period ends a sentence before a capital, unless after an
        // abbreviation or an initial (`Rep. Ana`, `D-Ore.), a member`).
        let period = gap.contains('.')
            && self.capitalised(k)
            && !(cues.is_title(prev) || cues.is_abbreviation(prev) || prev.chars().count() == 1);
        period || gap.contains(['"', '“', '”', '‘', ';', ':', '!', '?', '\n'])
    }

    /// Does an apposition open or close at gap `k`?
    fn boundary(&self, k: usize) -> bool {
        self.gap(k).contains([',', '(', ')'])
    }

    fn blank(&self, k: usize) -> bool {
        self.gap(k).trim().is_empty()
    }

    fn verb_at(&self, k: usize) -> bool {
        k < self.len
            && self
                .cx
                .cue_at(self.pi, k)
                .is_some_and(|h| h.kind == CueKind::Verb)
    }

    /// From the boundary at gap `k`, the next boundary gap ahead (the
    /// apposition's end), with no verb or clause end inside.
    fn skip_ahead(&self, k: usize) -> Option<usize> {
        (k + 1..(k + APPOSITION).min(self.len))
            .take_while(|&t| !self.verb_at(t - 1) && !self.stops(t))
            .find(|&t| self.boundary(t))
    }

    /// From the boundary at gap `k`, the boundary gap behind that opens
    /// the apposition.
    fn skip_back(&self, k: usize) -> Option<usize> {
        (k.saturating_sub(APPOSITION).max(1)..k)
            .rev()
            .take_while(|&t| !self.verb_at(t) && !self.stops(t))
            .find(|&t| self.boundary(t))
    }

    /// The reporting verb the words ending before token `e` are the
    /// subject of, skipping appositions after them.
    fn verb_after(&self, e: usize) -> Option<usize> {
        let mut k = e;
        for _ in 0..=APPOSITIONS {
            if self.stops(k) {
                return None;
            }
            if self.blank(k) {
                return self.verb_at(k).then_some(k);
            }
            if !self.boundary(k) {
                return None;
            }
            if self.verb_at(k) {
                return Some(k);
            }
            k = self.skip_ahead(k)?;
        }
        None
    }

    /// One past the last token of the subject of the verb at token `c`:
    /// the words before it once appositions are skipped.
    fn subject_end(&self, c: usize) -> Option<usize> {
        let mut k = c;
        for _ in 0..=APPOSITIONS {
            if self.stops(k) {
                return None;
            }
            if self.blank(k) {
                return Some(k);
            }
            if !self.boundary(k) {
                return None;
            }
            k = self.skip_back(k)?;
            // `X (R-Ohio), a member, said`: a bracket closed before this
            // apposition opened; skip that one too.
            if !self.gap(k).contains(')') {
                return Some(k);
            }
        }
        None
    }

    /// Is the name at tokens `j..` the inverted subject of a verb before
    /// it (`“…,” said Rep. X`), titles between?
    fn inverted(&self, j: usize) -> bool {
        let cues = self.cx.input().cues;
        let mut k = j;
        while k > 0 && j - k < 3 && self.gap(k).trim_start_matches('.').trim().is_empty() && {
            let w = self.word(k - 1);
            cues.is_title(w) || cues.is_abbreviation(w)
        } {
            k -= 1;
        }
        if !self.blank(k) {
            return false;
        }
        (k.saturating_sub(3)..k).any(|c| {
            self.cx.cue_at(self.pi, c).is_some_and(|h| {
                h.kind == CueKind::Verb
                    && h.end == k
                    && (c == 0
                        || self.cx.sentence_initial(self.pi, c)
                        || self.gap(c).contains([',', '"', '”', '’']))
            })
        })
    }

    fn capitalised(&self, k: usize) -> bool {
        self.word(k).chars().next().is_some_and(char::is_uppercase)
    }

    fn appositive(&self, j: usize, e: usize) -> bool {
        j > 0
            && e - j <= 2
            && self.gap(j).trim() != ""
            && self.gap(j).trim().chars().all(|c| c == ',' || c == '(')
            && self.capitalised(j - 1)
            && !self.verb_at(j - 1)
            && (e >= self.len || self.gap(e).contains([',', ')', '.']))
    }

    /// Does a possessive follow the name ending before token `e` (`X's`,
    /// `Sanders’ plan`)?
    fn possessive(&self, e: usize) -> bool {
        e < self.len && {
            let g = self.gap(e);
            (matches!(g, "'" | "’") && self.word(e) == "s")
                || g.strip_prefix(['\'', '’'])
                    .is_some_and(|r| r.trim().is_empty() && !r.is_empty())
        }
    }

    fn modifier(&self, e: usize) -> bool {
        if e >= self.len {
            return false;
        }
        if self.possessive(e) {
            return true;
        }
        let lower = (e..(e + 3).min(self.len))
            .take_while(|&t| {
                let w = self.word(t);
                self.blank(t)
                    && w.chars().next().is_some_and(char::is_lowercase)
                    && !FUNCTION.contains(&w)
                    && self.cx.cue_at(self.pi, t).is_none()
            })
            .count();
        // A role noun last (`campaign manager`, `attorney`), not a verb
        // between two names (`X met Y`).
        let cues = self.cx.input().cues;
        lower > 0
            && e + lower < self.len
            && cues.is_description(self.word(e + lower - 1))
            && self.blank(e + lower)
            && self.capitalised(e + lower)
    }
}

/// One past the last token of the subject of the reporting verb at token
/// `c` of paragraph `pi` (appositions skipped), if it has one before it.
pub fn subject_end(cx: &Context, pi: usize, c: usize) -> Option<usize> {
    let len = cx.toks(pi).len();
    let clause = Clause { cx, pi, len };
    clause.verb_at(c).then(|| clause.subject_end(c)).flatten()
}

/// The subject of the sentence at tokens `first..last` of paragraph `pi`
/// (`X attacked Y, calling him “…”`: X): its first name that stands
/// neither after a preposition, titles between (`In reply to Sen. Y, X
/// …`), nor before a possessive (`Y's remarks`); else its first name.
pub fn main_subject(cx: &Context, pi: usize, first: usize, last: usize) -> Option<Speaker> {
    let c = Clause {
        cx,
        pi,
        len: cx.toks(pi).len(),
    };
    let cues = cx.input().cues;
    let mut from = first;
    let mut first_found = None;
    while let Some((s, j, e)) = cx.first_name_at(pi, from, last) {
        let mut k = j;
        while k > first && c.blank(k) && cues.is_title(c.word(k - 1)) {
            k -= 1;
        }
        if !after_preposition(cx, pi, k) && !c.possessive(e) {
            return Some(s);
        }
        first_found.get_or_insert(s);
        from = e;
    }
    first_found
}

/// Does a preposition stand right before token `j` (`the report by X`:
/// X is no subject, whatever follows it)?
pub fn after_preposition(cx: &Context, pi: usize, j: usize) -> bool {
    j > 0 && PREPOSITIONS.contains(&cx.word(cx.toks(pi)[j - 1]))
}

const PREPOSITIONS: &[&str] = &[
    "about", "at", "by", "for", "from", "in", "of", "on", "to", "with",
];

/// What the name written at tokens `j..e` of paragraph `pi` is to its
/// clause.
pub fn roles(cx: &Context, pi: usize, j: usize, e: usize) -> Roles {
    let len = cx.toks(pi).len();
    if j >= e || e > len {
        return Roles::default();
    }
    let c = Clause { cx, pi, len };
    let subject = c.verb_after(e).is_some_and(|v| c.subject_end(v) == Some(e)) || c.inverted(j);
    Roles {
        subject,
        appositive: c.appositive(j, e),
        modifier: c.modifier(e),
    }
}

#[cfg(test)]
mod tests {
    use super::{roles, Roles};
    use crate::quotes::testing::Fixture;

    /// The roles of `name` (its first whole-word place) in a one-paragraph
    /// text.
    fn of(text: &str, name: &str) -> Roles {
        let at = text.find(name).expect("name in text");
        Fixture::new(text, &[])
            .with(|cx| roles(cx, 0, cx.tok_at(0, at), cx.tok_at(0, at + name.len())))
    }

    const SUBJECT: Roles = Roles {
        subject: true,
        appositive: false,
        modifier: false,
    };

    #[test]
    fn the_subject_of_the_verb_skips_appositions() {
        let text = "Lena Park, an aide to Omar Said, said the bridge would open.";
        assert_eq!(of(text, "Lena Park"), SUBJECT);
        assert!(!of(text, "Omar Said").subject);
        let text = "Ravi Das (D-Ore.), a member of the budget panel, said the vote was close.";
        assert_eq!(of(text, "Ravi Das"), SUBJECT);
        assert!(!of(text, "D-Ore").subject);
        assert!(of("Mara Voss said the plan was late.", "Mara Voss").subject);
    }

    #[test]
    fn a_name_after_the_verb_is_its_subject_only_after_a_quote() {
        let text = "“The plan is late,” said Sen. Mara Voss, a member.";
        assert!(of(text, "Mara Voss").subject);
        let text = "Mara Voss said Ravi Das's plan was late.";
        assert!(!of(text, "Ravi Das").subject);
        assert!(of(text, "Ravi Das").modifier, "a possessive modifies");
        let text = "Mara Voss said Ravi Das’ plan was late.";
        assert!(of(text, "Ravi Das").modifier, "so does a bare apostrophe");
    }

    #[test]
    fn a_party_and_state_after_a_name_is_an_apposition() {
        let text = "“The plan is late,” said Rep. Mara Voss, D-Ore.";
        assert!(of(text, "D-Ore").appositive);
        assert!(!of(text, "Mara Voss").appositive);
        let text = "Then Ravi Das (R-Utah), a panel member, spoke first.";
        assert!(of(text, "R-Utah").appositive);
    }

    #[test]
    fn a_name_before_a_role_and_a_name_modifies_it() {
        let text = "Voss campaign adviser Lena Park said the plan was late.";
        let voss = of(text, "Voss");
        assert!(voss.modifier && !voss.subject);
        assert!(of(text, "Lena Park").subject);
        assert!(!of("Voss and Lena Park spoke.", "Voss").modifier);
        assert!(!of("Voss met Lena Park on Monday.", "Voss").modifier);
    }
}
