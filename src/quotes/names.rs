//! Names: where a run of name words starts and ends, which words can be
//! part of an unlisted name, cutting titles, organizations and places off
//! its front, and the fullest form the document gives a name.

use super::context::index::word_key;
use super::context::{Context, NameRun};
use super::cues::CueKind;
use super::model::Speaker;
use super::words::{affixed, guess_type, is_initials, joins};
use crate::gazetteer::EntityType;
use crate::tokens::is_capitalized;
use std::rc::Rc;

impl<'a> Context<'a> {
    /// The end (exclusive) of the run of name words starting at `k`.
    pub fn window_end(&self, pi: usize, k: usize) -> usize {
        let toks = self.toks(pi);
        let cues = self.input().cues;
        let mut e = k;
        // Inside a title or an organization's name, "dan" and "/" join:
        // "Sekretaris Kementerian Koperasi dan UKM Rully Indrawan".
        let mut titled = false;
        while e < toks.len() && e < k + 20 {
            let w = self.word(toks[e]);
            let gap = if e > 0 {
                &self.input().text[toks[e - 1].end..toks[e].start]
            } else {
                ""
            };
            let slash = titled && gap == "/";
            if e > k && !slash && !joins(self.word(toks[e - 1]), gap, cues) {
                break;
            }
            titled |= cues.is_title(w) || cues.is_head(w);
            let and = titled
                && matches!(w, "dan" | "and" | "&")
                && e + 1 < toks.len()
                && is_capitalized(self.word(toks[e + 1]));
            if and {
                e += 1;
                continue;
            }
            let digit_after_hyphen = e > k
                && w.chars().all(|c| c.is_ascii_digit())
                && self.input().text[toks[e - 1].end..toks[e].start] == *"-";
            let joins = self.input().cues.is_joiner(w)
                && e + 1 < toks.len()
                && is_capitalized(self.word(toks[e + 1]));
            if is_capitalized(w) || digit_after_hyphen || joins || self.apostrophe_tail(pi, e) {
                e += 1;
            } else {
                break;
            }
        }
        e
    }

    /// The start of the run of name words ending before `j` (not before `first`).
    pub fn window_start(&self, pi: usize, first: usize, j: usize) -> usize {
        let toks = self.toks(pi);
        let mut s = j;
        while s > first && s + 10 > j {
            let w = self.word(toks[s - 1]);
            if s < j
                && !joins(
                    self.word(toks[s - 1]),
                    &self.input().text[toks[s - 1].end..toks[s].start],
                    self.input().cues,
                )
            {
                break;
            }
            let digit_after_hyphen = s > 1
                && w.chars().all(|c| c.is_ascii_digit())
                && self.input().text[toks[s - 2].end..toks[s - 1].start] == *"-";
            if is_capitalized(w)
                || digit_after_hyphen
                || (self.input().cues.is_joiner(w) && s < j)
                || self.apostrophe_tail(pi, s - 1)
            {
                s -= 1;
            } else {
                break;
            }
        }
        // A window never starts with a joiner.
        while s < j && self.input().cues.is_joiner(self.word(toks[s])) {
            s += 1;
        }
        s
    }

    /// Picks the speaker among name words `from..to`: a listed person, else
    /// an unlisted name (titles dropped), else a listed organization or country.
    pub fn choose(&self, pi: usize, from: usize, to: usize) -> Option<Speaker> {
        let toks = self.toks(pi);
        let cues = self.input().cues;
        // The listed mentions among the words (not embedded in a name), in
        // order: read again for the fallback, never collected.
        let mentions = || {
            (from..to).filter_map(|j| self.mention_at(toks[j]).filter(|_| !self.embedded(pi, j)))
        };
        if let Some(m) = mentions().find(|m| self.entity_kind(m) == EntityType::Person) {
            return Some(self.speaker_of(m));
        }
        // "Elijah Cummings of Maryland": the person before `of`.
        let to = (from..to)
            .find(|&j| {
                let w = self.word(toks[j]);
                (w == "of" || w == "for") && j > from && {
                    let head = &self.input().text[toks[from].start..toks[j - 1].end];
                    guess_type(head, self.input().cues) == EntityType::Person
                        && (from..j).any(|i| self.is_name_word(pi, i))
                        && !(from..j).any(|i| cues.is_head(self.word(toks[i])))
                }
            })
            .unwrap_or(to);
        // The last run of name words: capitalised, not a title, not part of
        // a listed organization, country or place.
        let nameable = |j: usize| {
            self.is_name_word(pi, j)
                || (self.input().cues.is_joiner(self.word(toks[j]))
                    && j > from
                    && j + 1 < to
                    && self.is_name_word(pi, j - 1)
                    && self.is_name_word(pi, j + 1))
        };
        let mut end = to;
        while end > from && !nameable(end - 1) {
            end -= 1;
        }
        let mut start = end;
        while start > from
            && nameable(start - 1)
            && end - start < 4
            && (start == end
                || joins(
                    self.word(toks[start - 1]),
                    &self.input().text[toks[start - 1].end..toks[start].start],
                    cues,
                ))
        {
            start -= 1;
        }
        if start < end {
            start = self.clean_start(pi, start, end);
            start = self.balinese_i(pi, from, start);
            let surface = &self.input().text[toks[start.min(end - 1)].start..toks[end - 1].end];
            // Drop a trailing possessive or lone initial.
            if start < end && surface.chars().count() >= 2 {
                if let Some(s) = self.unlisted(surface, toks[start.min(end - 1)].start) {
                    return Some(s);
                }
            }
        }
        if let Some(m) = mentions()
            .find(|m| self.entity_kind(m) == EntityType::Organization)
            .or_else(|| mentions().find(|m| self.entity_kind(m) == EntityType::Country))
        {
            return Some(self.speaker_of(m));
        }
        None
    }

    /// Is token `j` the rest of a name after an apostrophe (`arif` in
    /// `Ma’arif`, `ti` in `Mu’ti`), not a contraction (`Trump's`, `don't`)?
    pub fn apostrophe_tail(&self, pi: usize, j: usize) -> bool {
        let toks = self.toks(pi);
        let w = self.word(toks[j]);
        j > 0
            && matches!(
                &self.input().text[toks[j - 1].end..toks[j].start],
                "'" | "’"
            )
            && is_capitalized(self.word(toks[j - 1]))
            && w.chars().next().is_some_and(char::is_lowercase)
            && !matches!(w, "s" | "t" | "d" | "m" | "ll" | "re" | "ve")
    }

    /// Can token `j` be a word of an unlisted name? Capitalised, not a
    /// title, not part of a listed entity, and not a common word opening a
    /// sentence (one the document also writes in lowercase: "Even", "Selanjutnya").
    pub fn is_name_word(&self, pi: usize, j: usize) -> bool {
        // Depends on the document alone: worked out once, for both passes.
        let memo = &self.doc().name_words;
        let i = self.doc().token(pi, j);
        if let Some(known) = memo.get(i) {
            return known;
        }
        let yes = self.name_word_uncached(pi, j);
        memo.set(i, yes);
        yes
    }

    pub fn name_word_uncached(&self, pi: usize, j: usize) -> bool {
        let toks = self.toks(pi);
        let w = self.word(toks[j]);
        (is_capitalized(w) || self.apostrophe_tail(pi, j))
            && w.chars().any(char::is_alphabetic)
            && !self.input().cues.is_title(w)
            && !self.ends_two_word_title(pi, j)
            && !self.input().cues.is_not_name(w)
            && (self.mention_at(toks[j]).is_none() || self.embedded(pi, j))
            && !(self.sentence_initial(pi, j) && {
                // Opening a sentence, a word the document also writes in
                // lowercase is none ("Even", "Selanjutnya").
                self.writes_lowercase(w)
            })
            && !(self.sentence_initial(pi, j) && !self.doc().mid_caps().contains(w) && {
                // A sentence-initial word the document never writes inside
                // a sentence: a name only when a name word follows and it
                // is no common word ("Even China", "Sepengetahuan Anita"),
                // or when a reporting verb follows ("Holm said").
                let verb_next = toks.get(j + 1).is_some_and(|&n| {
                    self.input().text[toks[j].end..n.start] == *" "
                        && self
                            .cue_at(pi, j + 1)
                            .is_some_and(|h| h.kind == CueKind::Verb)
                });
                let next_is_name = verb_next
                    || toks.get(j + 1).is_some_and(|&n| {
                        let x = self.word(n);
                        is_capitalized(x)
                            && !self.input().cues.is_title(x)
                            && self.mention_at(n).is_none()
                            && joins(
                                w,
                                &self.input().text[toks[j].end..n.start],
                                self.input().cues,
                            )
                    });
                !next_is_name || affixed(w)
            })
    }

    /// Does the document write `w` in lowercase (`w.to_lowercase()` among
    /// its words)? Lowercased on the stack when short and ASCII.
    pub fn writes_lowercase(&self, w: &str) -> bool {
        let mut buf = [0u8; 64];
        match buf.get_mut(..w.len()).filter(|_| w.is_ascii()) {
            Some(lower) => {
                lower.copy_from_slice(w.as_bytes());
                lower.make_ascii_lowercase();
                // ASCII bytes stay ASCII: valid UTF-8.
                std::str::from_utf8(lower).is_ok_and(|l| self.doc().lower().contains(l))
            }
            None => self.doc().lower().contains(&w.to_lowercase()),
        }
    }

    /// A speaker that no gazetteer lists, named by `surface` at byte
    /// `pos`: its fullest name in the document, typed by evidence
    /// ([`Context::unlisted_kind`]); None when the name names nobody (a
    /// date, a link line).
    pub fn unlisted(&self, surface: &str, pos: usize) -> Option<Speaker> {
        let name = self.fullest_name(surface, pos);
        Some(Speaker {
            entity: None,
            kind: self.unlisted_kind(&name, surface, pos)?,
            name,
            surface: surface.to_string(),
        })
    }

    /// `Retno` -> `Retno Marsudi` when the document names her so (as a
    /// speaker, or as a run of capitalised words). When the document names
    /// several people so (`Ted Cruz`, `Rafael Cruz`), the one quoted last
    /// before `pos`, else the one named last before it, a name named
    /// acting before one named aside (`for his wife Maria Lund`).
    pub fn fullest_name(&self, surface: &str, pos: usize) -> String {
        let mut words = surface.split_whitespace();
        let (Some(w), None) = (words.next(), words.next()) else {
            return surface.to_string();
        };
        // Borrowed names throughout: one allocation, for the answer.
        let runs = self.name_runs(w);
        let mut best: Option<&str> = self.speakers().fullest.get(&word_key(w)).map(|n| &**n);
        // The speaker quoted last before `pos` under a name with `w`.
        let mut recent: Option<(usize, &str)> =
            self.speakers().quoted_at.get(&word_key(w)).and_then(|v| {
                let i = v.partition_point(|q| q.0 < pos);
                i.checked_sub(1).map(|i| (v[i].0, &*v[i].1))
            });
        let mut candidates: Vec<&str> = best.into_iter().collect();
        for q in self.current_quotes() {
            let Some(sp) = q.speaker.as_ref() else {
                continue;
            };
            let name = sp.name.as_str();
            let mut parts = name.split_whitespace();
            let first = parts.next();
            let last = parts.next_back();
            if sp.entity.is_none() && last.is_some() && (first == Some(w) || last == Some(w)) {
                if best.is_none_or(|b| b.len() < name.len()) {
                    best = Some(name);
                }
                candidates.push(name);
                if q.start < pos && recent.is_none_or(|r| r.0 < q.start) {
                    recent = Some((q.start, name));
                }
            }
        }
        let from_speakers = best.is_some();
        // A run of name words with `w` first or last. A name only ever named
        // aside ("for his wife Maria Lund") yields to one named acting: it
        // anchors a surname only when no other was named before `pos`, and
        // is its fullest form only once the text has named someone so.
        let (mut before, mut before_aside) = (None, None);
        let mut aside_best: Option<&str> = None;
        for run in runs.iter() {
            if run.start < pos && run.person {
                *if run.aside {
                    &mut before_aside
                } else {
                    &mut before
                } = Some(run.name);
            }
            let longest = if run.aside {
                &mut aside_best
            } else {
                &mut best
            };
            if !from_speakers && run.name.len() > longest.map_or(0, str::len) {
                *longest = Some(run.name);
            }
            candidates.push(run.name);
        }
        let before = before.or(before_aside);
        if before.is_some() {
            best = best.or(aside_best);
        }
        // Several people under one name: the longest name that agrees with
        // the one quoted last, else named last, before `pos`.
        let contains = |long: &str, short: &str| {
            short
                .split_whitespace()
                .all(|x| long.split_whitespace().any(|y| y == x))
        };
        let anchor = recent.map(|r| r.1).or(before);
        if let (Some(a), Some(b)) = (anchor, best) {
            if !contains(b, a) && !contains(a, b) {
                let mut pick = a;
                for &c in &candidates {
                    if c.len() > pick.len() && contains(c, a) {
                        pick = c;
                    }
                }
                return pick.to_string();
            }
        }
        best.unwrap_or(w).to_string()
    }

    /// The runs of name words with `w` first or last, one per place the
    /// document writes `w` (outside titles, headlines and quotes), in text
    /// order. They depend on the document and on what the first pass
    /// learnt, so each pass works them out once per word.
    pub fn name_runs(&self, w: &str) -> Rc<[NameRun<'a>]> {
        self.name_run_cache()
            .get_or_make(w, || self.find_name_runs(w))
    }

    /// Is the document's first line a headline the segmenter did not mark,
    /// with words of its own glued to names ("Ortiz Vows 'Big Change' if
    /// ...", "Reckless Ortiz and Park")? See
    /// [`crate::document::reads_like_headline`] (the tagger asks the same).
    fn headline_like(&self, pi: usize) -> bool {
        let words = self.toks(pi).iter().map(|&t| self.word(t));
        crate::document::reads_like_headline(words, false)
    }

    /// Is the name at tokens `s..e` of paragraph `pi` named aside, not as
    /// one who acts: after a preposition or a kinship noun ("for his wife
    /// Maria Lund", "her husband, Frank Moss", "dengan adiknya Budi"), or
    /// as a possessor ("Lund's")? Text alone decides: nothing learnt.
    fn named_aside(&self, pi: usize, s: usize, e: usize) -> bool {
        let (toks, text) = (self.toks(pi), self.input().text);
        let after = &text[toks[e - 1].end..];
        if after.starts_with("'s") || after.starts_with("\u{2019}s") {
            return true;
        }
        s > 0
            && matches!(text[toks[s - 1].end..toks[s].start].trim(), "" | ",")
            && aside_word(self.word(toks[s - 1]))
    }

    fn find_name_runs(&self, w: &str) -> Vec<NameRun<'a>> {
        let mut runs = Vec::new();
        for &(pi, j) in self.doc().positions().get(w).unwrap_or(&[]) {
            let (pi, j) = (pi as usize, j as usize);
            let p = &self.input().paragraphs[pi];
            if p.title || self.title_case(pi) || (pi == 0 && self.headline_like(pi)) {
                continue;
            }
            let toks = p.tokens;
            {
                let t = &toks[j];
                if !self.is_name_word(pi, j) || self.in_marks(t.start) {
                    continue;
                }
                let mut s = j;
                while s > 0
                    && s + 3 > j
                    && self.is_name_word(pi, s - 1)
                    && joins(
                        self.word(toks[s - 1]),
                        &self.input().text[toks[s - 1].end..toks[s].start],
                        self.input().cues,
                    )
                {
                    s -= 1;
                }
                let mut e = j + 1;
                while e < toks.len()
                    && e < j + 4
                    && self.is_name_word(pi, e)
                    && joins(
                        self.word(toks[e - 1]),
                        &self.input().text[toks[e - 1].end..toks[e].start],
                        self.input().cues,
                    )
                {
                    e += 1;
                }
                let s = self.balinese_i(pi, 0, self.clean_start(pi, s, e).min(j));
                // "M Fadjroel Rachman", "Muhammad Zaki Iskandar": initials
                // and given names may come first.
                let initial = s < j
                    && (s..j).all(|i| {
                        let x = self.word(toks[i]);
                        is_initials(x) || self.input().cues.is_given(x)
                    });
                if e - s >= 2 && e - s <= 4 && (s == j || e == j + 1 || initial) {
                    let name = &self.input().text[toks[s].start..toks[e - 1].end];
                    runs.push(NameRun {
                        start: toks[s].start,
                        name,
                        person: guess_type(name, self.input().cues) == EntityType::Person,
                        aside: self.named_aside(pi, s, e),
                    });
                }
            }
        }
        runs
    }
}

/// Words after which a name is named aside: prepositions and kinship nouns
/// (English and Indonesian, with the Indonesian enclitic `-nya`), written
/// in lower case as running text writes them.
fn aside_word(w: &str) -> bool {
    let w = w.strip_suffix("nya").filter(|r| r.len() > 2).unwrap_or(w);
    matches!(
        w,
        "of" | "for"
            | "to"
            | "with"
            | "by"
            | "from"
            | "about"
            | "against"
            | "at"
            | "on"
            | "into"
            | "than"
            | "like"
            | "toward"
            | "towards"
            | "between"
            | "among"
            | "wife"
            | "husband"
            | "son"
            | "daughter"
            | "brother"
            | "sister"
            | "father"
            | "mother"
            | "widow"
            | "spouse"
            | "cousin"
            | "nephew"
            | "niece"
            | "grandson"
            | "granddaughter"
            | "dengan"
            | "untuk"
            | "kepada"
            | "dari"
            | "oleh"
            | "bagi"
            | "tentang"
            | "terhadap"
            | "pada"
            | "istri"
            | "suami"
            | "anak"
            | "adik"
            | "kakak"
            | "putra"
            | "putri"
            | "ayah"
    )
}
