//! Speakers: reading the name next to a cue, and resolving pronouns and
//! descriptions to the person they stand for.

use super::cues::{CueHit, CueKind};
use super::marks::Span;
use super::{guess_type, Quote, QuoteInput, QuoteKind};
use crate::gazetteer::EntityType;
use crate::resolve::Mention;
use crate::tokens::{is_capitalized, Token};

/// Who said it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    /// Index of the entity in the matcher, when the gazetteer knows it.
    pub entity: Option<u32>,
    /// Canonical name, or the fullest name the document gives.
    pub name: String,
    pub kind: EntityType,
    /// The words of the text that name it.
    pub surface: String,
}

/// An attribution: speaker (possibly unresolved), cue and rule.
pub struct Found {
    pub speaker: Option<Speaker>,
    pub cue: String,
    pub method: &'static str,
}

/// Words that start a sentence without being part of a name.
const NOT_NAMES: &[&str] = &[
    "The",
    "A",
    "An",
    "This",
    "These",
    "Those",
    "That",
    "Its",
    "His",
    "Her",
    "Their",
    "Our",
    "In",
    "On",
    "At",
    "For",
    "But",
    "And",
    "Yet",
    "So",
    "If",
    "When",
    "As",
    "After",
    "Before",
    "While",
    "Since",
    "Although",
    "Yang",
    "Dan",
    "Di",
    "Ke",
    "Dari",
    "Namun",
    "Tetapi",
    "Sementara",
    "Saat",
    "Ketika",
    "Pada",
    "Dalam",
    "Untuk",
    "Sedangkan",
    "Selain",
    "Menurut",
    "Kata",
    "Para",
    "Sang",
    "Pihak",
    "Kami",
    "Kita",
    "Saya",
    "Aku",
    "Anda",
    "We",
    "I",
    "You",
    "They",
    "He",
    "She",
    "It",
    "Ia",
    "Dia",
    "Mereka",
    "Beliau",
    "Senin",
    "Selasa",
    "Rabu",
    "Kamis",
    "Jumat",
    "Sabtu",
    "Minggu",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Lowercase words that may stand inside a name (`Ministry of Foreign Affairs`).
const JOINERS: &[&str] = &[
    "of", "bin", "binti", "van", "von", "de", "da", "al", "el", "la", "der", "den", "du", "dos",
    "for",
];

/// The state of one document's extraction.
pub struct Extractor<'a> {
    pub input: &'a QuoteInput<'a>,
    pub quotes: Vec<Quote>,
}

impl<'a> Extractor<'a> {
    pub fn new(input: &'a QuoteInput<'a>) -> Extractor<'a> {
        Extractor {
            input,
            quotes: Vec::new(),
        }
    }

    fn word(&self, t: Token) -> &'a str {
        &self.input.text[t.start..t.end]
    }

    fn toks(&self, pi: usize) -> &'a [Token] {
        self.input.paragraphs[pi].tokens
    }

    /// Index of the first token starting at or after `byte`.
    pub fn tok_at(&self, pi: usize, byte: usize) -> usize {
        self.toks(pi).partition_point(|t| t.start < byte)
    }

    fn mention_at(&self, t: Token) -> Option<&'a Mention> {
        let ms = self.input.mentions;
        let i = ms.partition_point(|m| m.end <= t.start);
        ms.get(i).filter(|m| m.start <= t.start && t.start < m.end)
    }

    fn entity_kind(&self, m: &Mention) -> EntityType {
        self.input.entities[m.entity as usize].kind
    }

    fn speaker_of(&self, m: &Mention) -> Speaker {
        let e = &self.input.entities[m.entity as usize];
        Speaker {
            entity: Some(m.entity),
            name: e.name.clone(),
            kind: e.kind,
            surface: self.input.text[m.start..m.end].to_string(),
        }
    }

    /// Does the text `from..to` end with a reporting cue (and maybe `that`)?
    pub fn ends_with_cue(&self, from: usize, to: usize) -> bool {
        let Some(pi) = self.para_of(from) else {
            return false;
        };
        let toks = self.toks(pi);
        let mut j = self.tok_at(pi, to);
        while j > 0 && toks[j - 1].start >= from {
            let w = self.word(toks[j - 1]);
            if self.input.cues.is_that(w) {
                j -= 1;
                continue;
            }
            return (j.saturating_sub(3)..j).any(|k| {
                toks[k].start >= from
                    && self
                        .input
                        .cues
                        .at(self.input.text, toks, k)
                        .is_some_and(|h| h.end == j && h.kind == CueKind::Verb)
            });
        }
        false
    }

    fn para_of(&self, byte: usize) -> Option<usize> {
        self.input
            .paragraphs
            .iter()
            .position(|p| p.start <= byte && byte <= p.end)
    }

    /// The sieves for a quoted span, in order.
    pub fn attribute_quoted(
        &self,
        pi: usize,
        span: &Span,
        kind: QuoteKind,
        sent_start: usize,
    ) -> Option<Found> {
        let text = self.input.text;
        let toks = self.toks(pi);
        let p = self.input.paragraphs[pi];
        // 1. Cue after the closing mark, in the same sentence.
        let k = self.tok_at(pi, span.close);
        let gap = &text[span.close..toks.get(k).map_or(p.end, |t| t.start)];
        let adjacent = !gap.contains(['.', '!', '?', '“', '"', '”']);
        if k < toks.len() && adjacent {
            if let Some(f) = self.cue_after(pi, k, span.open) {
                return Some(f);
            }
        }
        // 2. Cue before the opening mark, in the same sentence.
        if let Some(f) = self.cue_before(pi, sent_start, span.open) {
            return Some(f);
        }
        // 3. Continuation: a quote that opens its paragraph or follows a
        //    quote of the same paragraph, with no cue of its own.
        let before = text[p.start..span.open].trim();
        if let Some(prev) = self.quotes.last() {
            let same_para = prev.paragraph == pi;
            let next_para = prev.paragraph + 1 == pi && before.is_empty();
            let only_quotes_between =
                !(same_para && text[prev.end..span.open].contains(['“', '"']));
            if (same_para || next_para) && only_quotes_between && kind == QuoteKind::Direct {
                if let Some(s) = &prev.speaker {
                    return Some(Found {
                        speaker: Some(s.clone()),
                        cue: String::new(),
                        method: "continuation",
                    });
                }
            }
        }
        // 4. A partial quote: the person or organization the sentence is about.
        if kind == QuoteKind::Partial {
            let first = self.tok_at(pi, sent_start);
            let last = self.tok_at(pi, span.open);
            let subject = (first..last)
                .rev()
                .filter_map(|j| self.mention_at(toks[j]))
                .find(|m| {
                    m.end <= span.open
                        && matches!(
                            self.entity_kind(m),
                            EntityType::Person | EntityType::Organization
                        )
                        && !self.in_quote(m.start)
                });
            if let Some(m) = subject {
                return Some(Found {
                    speaker: Some(self.speaker_of(m)),
                    cue: String::new(),
                    method: "sentence-subject",
                });
            }
        }
        None
    }

    fn in_quote(&self, byte: usize) -> bool {
        self.quotes
            .iter()
            .any(|q| q.kind != QuoteKind::Indirect && q.start <= byte && byte < q.end)
    }

    /// `“…,” kata X` / `“…,” X said` / `“…,” katanya` / `“…” — X`.
    fn cue_after(&self, pi: usize, k: usize, quote_start: usize) -> Option<Found> {
        let text = self.input.text;
        let toks = self.toks(pi);
        let cues = self.input.cues;
        // The first cue within a few words, before the sentence ends.
        let mut c = k;
        while c < toks.len() && c < k + 8 {
            if c > k
                && text[toks[c - 1].end..toks[c].start].contains(['.', '!', '?', ';', '“', '"'])
            {
                return None;
            }
            if let Some(hit) = cues.at(text, toks, c) {
                return self.after_hit(pi, k, hit, quote_start);
            }
            c += 1;
        }
        // "…" — Retno
        let gap = &text[..toks[k].start];
        if gap.trim_end().ends_with(['—', '–']) {
            let sp = self.np_forward(pi, k)?;
            return Some(Found {
                speaker: Some(sp),
                cue: "—".into(),
                method: "cue-after",
            });
        }
        None
    }

    fn after_hit(&self, pi: usize, k: usize, hit: CueHit, quote_start: usize) -> Option<Found> {
        let text = self.input.text;
        let toks = self.toks(pi);
        let cue = text[toks[hit.start].start..toks[hit.end - 1].end].to_string();
        match hit.kind {
            CueKind::Enclitic => Some(Found {
                speaker: self.last_person(quote_start),
                cue,
                method: "enclitic",
            }),
            CueKind::Statement => Some(Found {
                speaker: self.last_organization(quote_start),
                cue,
                method: "statement",
            }),
            CueKind::Verb | CueKind::According | CueKind::Backref => {
                let speaker = if hit.start == k {
                    // kata X / said X
                    self.np_forward(pi, hit.end).map(|s| (s, None))
                } else {
                    // X said
                    self.np_window(pi, k, hit.start, quote_start)
                };
                let speaker = speaker?;
                Some(Found {
                    speaker: Some(speaker.0),
                    cue,
                    method: speaker.1.unwrap_or("cue-after"),
                })
            }
        }
    }

    /// `X said: “…”` / `Kata X, “…”` / `Menurut X, “…”` / `X said the plan was “…”`.
    fn cue_before(&self, pi: usize, sent_start: usize, open: usize) -> Option<Found> {
        let text = self.input.text;
        let toks = self.toks(pi);
        let first = self.tok_at(pi, sent_start);
        let last = self.tok_at(pi, open);
        // The cue nearest the quote.
        for c in (first..last).rev() {
            let Some(hit) = self.input.cues.at(text, toks, c) else {
                continue;
            };
            if hit.end > last || !matches!(hit.kind, CueKind::Verb | CueKind::According) {
                continue;
            }
            let cue = text[toks[hit.start].start..toks[hit.end - 1].end].to_string();
            let speaker = match hit.kind {
                CueKind::According => self.np_forward(pi, hit.end).map(|s| (s, None)),
                _ => self
                    .np_backward(pi, first, hit.start, open)
                    .or_else(|| self.np_forward(pi, hit.end).map(|s| (s, None))),
            };
            let (speaker, method) = speaker?;
            return Some(Found {
                speaker: Some(speaker),
                cue,
                method: method.unwrap_or("cue-before"),
            });
        }
        None
    }

    /// The speaker named by words `from..to` (`X said`: the words before the cue).
    fn np_window(
        &self,
        pi: usize,
        from: usize,
        to: usize,
        pos: usize,
    ) -> Option<(Speaker, Option<&'static str>)> {
        let toks = self.toks(pi);
        if from >= to {
            return None;
        }
        let words: Vec<&str> = (from..to).map(|j| self.word(toks[j])).collect();
        if words.len() == 1 && self.input.cues.is_pronoun(words[0]) {
            return Some((self.last_person(pos)?, Some("pronoun")));
        }
        if let Some(s) = self.choose(pi, from, to) {
            return Some((s, None));
        }
        if words.iter().any(|w| self.input.cues.is_description(w)) {
            return Some((self.last_person(pos)?, Some("description")));
        }
        None
    }

    /// The name starting at token `k` (after `kata`, `said`, `menurut`).
    pub fn np_forward(&self, pi: usize, k: usize) -> Option<Speaker> {
        let text = self.input.text;
        let toks = self.toks(pi);
        let mut k = k;
        if k >= toks.len() {
            return None;
        }
        if self.input.cues.is_pronoun(self.word(toks[k])) {
            return self.last_person(toks[k].start);
        }
        // Lowercase role words before the name: "juru bicara Kemlu".
        let mut described = false;
        let start = k;
        while k < toks.len() && k < start + 4 && !is_capitalized(self.word(toks[k])) {
            let w = self.word(toks[k]);
            described |= self.input.cues.is_description(w);
            if !(described || JOINERS.contains(&w) || w == "the" || w == "a" || w == "an") {
                return None;
            }
            k += 1;
        }
        if k >= toks.len() {
            return None;
        }
        if k > start && text[toks[start].start..toks[k].start].contains([',', '.']) {
            return None;
        }
        let end = self.window_end(pi, k);
        let mut found = self.choose(pi, k, end);
        // Apposition: "kata juru bicara Kemlu, Teuku Faizasyah".
        if end < toks.len() && text[toks[end - 1].end..toks[end].start].trim() == "," {
            let end2 = self.window_end(pi, end);
            if let Some(s) = self.choose(pi, end, end2) {
                if s.kind == EntityType::Person
                    && found.as_ref().is_none_or(|f| f.kind != EntityType::Person)
                {
                    found = Some(s);
                }
            }
        }
        found.or_else(|| {
            if described {
                self.last_person(toks[start].start)
            } else {
                None
            }
        })
    }

    /// The name ending right before token `cue` (`Retno Marsudi mengatakan`).
    pub(super) fn np_backward(
        &self,
        pi: usize,
        first: usize,
        cue: usize,
        pos: usize,
    ) -> Option<(Speaker, Option<&'static str>)> {
        let text = self.input.text;
        let toks = self.toks(pi);
        let cues = self.input.cues;
        let mut j = cue;
        while j > first && cues.is_skip(self.word(toks[j - 1])) {
            j -= 1;
        }
        if j <= first {
            return None;
        }
        let gap = &text[toks[j - 1].end..toks[j].start];
        if gap.contains(',') {
            // Apposition: "Sergey Lavrov, Russia's foreign minister, said".
            let mut c = j - 1;
            while c > first && !text[toks[c - 1].end..toks[c].start].contains(',') {
                c -= 1;
            }
            if c > first {
                let head = self.window_start(pi, first, c);
                let a = self.choose(pi, head, c);
                let b = self.choose(pi, c, j);
                let person =
                    |s: &Option<Speaker>| s.as_ref().is_some_and(|s| s.kind == EntityType::Person);
                if person(&a) {
                    return a.map(|s| (s, None));
                }
                if person(&b) {
                    return b.map(|s| (s, None));
                }
                if let Some(s) = a.or(b) {
                    return Some((s, None));
                }
            }
            return None;
        }
        let w = self.word(toks[j - 1]);
        if cues.is_pronoun(w) {
            return Some((self.last_person(pos)?, Some("pronoun")));
        }
        let start = self.window_start(pi, first, j);
        if start < j {
            if let Some(s) = self.choose(pi, start, j) {
                return Some((s, None));
            }
        }
        // "Diplomat top itu", "the minister", "pejabat tersebut".
        let from = j.saturating_sub(4).max(first);
        let demonstrative = matches!(w.to_lowercase().as_str(), "itu" | "tersebut" | "ini");
        let english = (from..j).any(|i| self.word(toks[i]).eq_ignore_ascii_case("the"));
        if (demonstrative || english) && (from..j).any(|i| cues.is_description(self.word(toks[i])))
        {
            return Some((self.last_person(pos)?, Some("description")));
        }
        None
    }

    /// The end (exclusive) of the run of name words starting at `k`.
    fn window_end(&self, pi: usize, k: usize) -> usize {
        let toks = self.toks(pi);
        let mut e = k;
        while e < toks.len() && e < k + 10 {
            let w = self.word(toks[e]);
            if e > k && !name_gap(&self.input.text[toks[e - 1].end..toks[e].start]) {
                break;
            }
            let digit_after_hyphen = e > k
                && w.chars().all(|c| c.is_ascii_digit())
                && self.input.text[toks[e - 1].end..toks[e].start] == *"-";
            let joins = JOINERS.contains(&w)
                && e + 1 < toks.len()
                && is_capitalized(self.word(toks[e + 1]));
            if is_capitalized(w) || digit_after_hyphen || joins {
                e += 1;
            } else {
                break;
            }
        }
        e
    }

    /// The start of the run of name words ending before `j` (not before `first`).
    fn window_start(&self, pi: usize, first: usize, j: usize) -> usize {
        let toks = self.toks(pi);
        let mut s = j;
        while s > first && s + 10 > j {
            let w = self.word(toks[s - 1]);
            if s < j && !name_gap(&self.input.text[toks[s - 1].end..toks[s].start]) {
                break;
            }
            let digit_after_hyphen = s > 1
                && w.chars().all(|c| c.is_ascii_digit())
                && self.input.text[toks[s - 2].end..toks[s - 1].start] == *"-";
            if is_capitalized(w) || digit_after_hyphen || (JOINERS.contains(&w) && s < j) {
                s -= 1;
            } else {
                break;
            }
        }
        // A window never starts with a joiner.
        while s < j && JOINERS.contains(&self.word(toks[s])) {
            s += 1;
        }
        s
    }

    /// Picks the speaker among name words `from..to`: a listed person, else
    /// an unlisted name (titles dropped), else a listed organization or country.
    fn choose(&self, pi: usize, from: usize, to: usize) -> Option<Speaker> {
        let toks = self.toks(pi);
        let cues = self.input.cues;
        let mut mentions: Vec<&Mention> = Vec::new();
        for &t in &toks[from..to] {
            if let Some(m) = self.mention_at(t) {
                if mentions.last().is_none_or(|l| !std::ptr::eq(*l, m)) {
                    mentions.push(m);
                }
            }
        }
        if let Some(m) = mentions
            .iter()
            .find(|m| self.entity_kind(m) == EntityType::Person)
        {
            return Some(self.speaker_of(m));
        }
        // The last run of name words: capitalised, not a title, not part of
        // a listed organization, country or place.
        let nameable = |j: usize| {
            let w = self.word(toks[j]);
            is_capitalized(w)
                && w.chars().any(char::is_alphabetic)
                && !cues.is_title(w)
                && !NOT_NAMES.contains(&w)
                && self.mention_at(toks[j]).is_none()
        };
        let mut end = to;
        while end > from && !nameable(end - 1) {
            end -= 1;
        }
        let mut start = end;
        while start > from && nameable(start - 1) && end - start < 4 {
            start -= 1;
        }
        if start < end {
            let surface = &self.input.text[toks[start].start..toks[end - 1].end];
            // Drop a trailing possessive or lone initial.
            if surface.chars().count() >= 2 {
                return Some(self.unlisted(surface));
            }
        }
        if let Some(m) = mentions
            .iter()
            .find(|m| self.entity_kind(m) == EntityType::Organization)
            .or_else(|| {
                mentions
                    .iter()
                    .find(|m| self.entity_kind(m) == EntityType::Country)
            })
        {
            return Some(self.speaker_of(m));
        }
        None
    }

    /// A speaker that no gazetteer lists: its fullest name in the document.
    fn unlisted(&self, surface: &str) -> Speaker {
        let name = self.fullest_name(surface);
        Speaker {
            entity: None,
            kind: guess_type(&name),
            name,
            surface: surface.to_string(),
        }
    }

    /// `Retno` -> `Retno Marsudi` when the document names her so earlier
    /// (as a speaker, or as a run of capitalised words).
    fn fullest_name(&self, surface: &str) -> String {
        let words: Vec<&str> = surface.split_whitespace().collect();
        if words.len() != 1 {
            return surface.to_string();
        }
        let w = words[0];
        let mut best: Option<String> = None;
        for q in &self.quotes {
            if let Some(s) = &q.speaker {
                if s.entity.is_none() && s.name != w {
                    let parts: Vec<&str> = s.name.split_whitespace().collect();
                    if parts.len() > 1
                        && (parts[0] == w || parts[parts.len() - 1] == w)
                        && best.as_ref().is_none_or(|b| b.len() < s.name.len())
                    {
                        best = Some(s.name.clone());
                    }
                }
            }
        }
        if let Some(b) = best {
            return b;
        }
        // A run of capitalised words containing `w` first or last.
        for (pi, p) in self.input.paragraphs.iter().enumerate() {
            let toks = p.tokens;
            for (j, t) in toks.iter().enumerate() {
                if self.word(*t) != w {
                    continue;
                }
                let s = self.window_start(pi, 0, j + 1);
                let e = self.window_end(pi, j);
                let run: Vec<usize> = (s..e)
                    .filter(|&i| {
                        let x = self.word(toks[i]);
                        !self.input.cues.is_title(x) && !NOT_NAMES.contains(&x)
                    })
                    .collect();
                if run.len() >= 2
                    && run.len() <= 4
                    && (run[0] == j || *run.last().unwrap_or(&0) == j)
                {
                    let contiguous = run.windows(2).all(|x| x[1] == x[0] + 1);
                    if contiguous {
                        let name = &self.input.text
                            [toks[run[0]].start..toks[*run.last().unwrap_or(&j)].end];
                        if name.len() > best.as_ref().map_or(0, String::len) {
                            best = Some(name.to_string());
                        }
                    }
                }
            }
        }
        best.unwrap_or_else(|| w.to_string())
    }

    /// The person a pronoun or description before `pos` stands for: the
    /// last person quoted in the last paragraphs, else the last person named
    /// outside quotes.
    pub fn last_person(&self, pos: usize) -> Option<Speaker> {
        let here = self.para_of(pos).unwrap_or(0);
        let quoted = self.quotes.iter().rev().find(|q| {
            q.start < pos
                && q.paragraph + 3 >= here
                && q.speaker
                    .as_ref()
                    .is_some_and(|s| s.kind == EntityType::Person)
        });
        if let Some(q) = quoted {
            return q.speaker.clone();
        }
        let mentions =
            &self.input.mentions[..self.input.mentions.partition_point(|m| m.start < pos)];
        mentions
            .iter()
            .rev()
            .find(|m| self.entity_kind(m) == EntityType::Person && !self.in_quote(m.start))
            .map(|m| self.speaker_of(m))
    }

    /// The organization a statement before `pos` comes from.
    pub fn last_organization(&self, pos: usize) -> Option<Speaker> {
        let here = self.para_of(pos).unwrap_or(0);
        let from = self.input.paragraphs[here.saturating_sub(2)].start;
        let mentions =
            &self.input.mentions[..self.input.mentions.partition_point(|m| m.start < pos)];
        mentions
            .iter()
            .rev()
            .take_while(|m| m.start >= from)
            .find(|m| self.entity_kind(m) == EntityType::Organization && !self.in_quote(m.start))
            .map(|m| self.speaker_of(m))
    }
}

/// Can this gap stand between two words of one name? (`Kassym-Jomart`,
/// `Donald J. Trump`, `O'Brien`)
fn name_gap(gap: &str) -> bool {
    matches!(gap, " " | "-" | ". " | "'" | "’" | "\u{a0}")
}
