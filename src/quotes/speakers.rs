//! Speakers: the name a phrase gives next to a cue (`kata X`, `X said`,
//! `Menurut X`), and the person a pronoun, an enclitic, a description or a
//! bare title stands for.

use super::context::index::word_key;
use super::context::Context;
use super::cues::CueKind;
use super::gender::{pronoun_gender, Gender};
use super::model::{Reference, Speaker};
use super::words::{guess_type, is_acronym};
use crate::gazetteer::EntityType;
use crate::tokens::is_capitalized;

/// How many sentences back an enclitic looks for its speaker.
const SUBJECT_SENTENCES: usize = 10;

/// How many words of one sentence, back from the enclitic, are read for its
/// speaker: news sentences are far shorter, and a "sentence" of thousands
/// of quotes with no full stop (scraper output) would otherwise be read
/// once per quote.
const SUBJECT_WORDS: usize = 120;

impl Context<'_> {
    /// The first person or organization named in tokens `first..last`
    /// (outside quotes), listed or not: the subject of a sentence.
    pub fn first_name(&self, pi: usize, first: usize, last: usize) -> Option<Speaker> {
        self.first_name_at(pi, first, last).map(|(s, _, _)| s)
    }

    /// [`Context::first_name`] with the tokens `j..e` it is written at.
    pub fn first_name_at(
        &self,
        pi: usize,
        first: usize,
        last: usize,
    ) -> Option<(Speaker, usize, usize)> {
        let toks = self.toks(pi);
        let mut j = first;
        while j < last {
            let t = toks[j];
            if self.in_quote(t.start) {
                j += 1;
                continue;
            }
            if let Some(m) = self.mention_at(t) {
                if matches!(
                    self.entity_kind(m),
                    EntityType::Person | EntityType::Organization
                ) {
                    let end = self.tok_at(pi, m.end).max(j + 1);
                    return Some((self.speaker_of(m), j, end));
                }
                j += 1;
                continue;
            }
            if self.is_name_word(pi, j) {
                let end = self.window_end(pi, j).min(last).max(j + 1);
                // "the Latvian journalist Dainis Ivans": one capitalised
                // word before a role noun modifies it.
                let modifier = end == j + 1
                    && end < last
                    && self.input().text[toks[j].end..toks[end].start] == *" "
                    && self.input().cues.is_description(self.word(toks[end]))
                    && !is_capitalized(self.word(toks[end]));
                if !modifier {
                    if let Some(s) = self
                        .choose(pi, j, end)
                        .filter(|s| s.kind == EntityType::Person || self.is_group(s))
                    {
                        return Some((s, j, end));
                    }
                }
                j = end;
                continue;
            }
            j += 1;
        }
        None
    }

    /// The speaker named by words `from..to` (`X said`: the words before the cue).
    pub fn np_window(
        &self,
        pi: usize,
        from: usize,
        to: usize,
        pos: usize,
    ) -> Option<(Speaker, Reference)> {
        let toks = self.toks(pi);
        let to = self.skip_paren(pi, from, to);
        if from >= to {
            return None;
        }
        if to - from == 1 && self.input().cues.is_pronoun(self.word(toks[from])) {
            return Some((self.pronoun_person(pi, from, pos)?, Reference::Pronoun));
        }
        if let Some(s) = self.choose(pi, from, to) {
            return Some((s, Reference::Name));
        }
        if let Some(s) = self.org_reference(pi, from, to, pos) {
            return Some((s, Reference::Organization));
        }
        if (from..to).any(|j| self.input().cues.is_description(self.word(toks[j]))) {
            return Some((self.last_person(pos)?, Reference::Description));
        }
        None
    }

    /// The name starting at token `k` (after `kata`, `said`, `menurut`).
    pub fn np_forward(&self, pi: usize, k: usize) -> Option<Speaker> {
        let text = self.input().text;
        let toks = self.toks(pi);
        let mut k = k;
        if k >= toks.len() {
            return None;
        }
        if self.input().cues.is_pronoun(self.word(toks[k])) {
            return self.pronoun_person(pi, k, toks[k].start);
        }
        // Lowercase role words before the name: "juru bicara Kemlu".
        let mut described = false;
        let start = k;
        while k < toks.len() && k < start + 4 && !is_capitalized(self.word(toks[k])) {
            let w = self.word(toks[k]);
            described |= self.input().cues.is_description(w);
            if !(described || self.input().cues.is_joiner(w) || w == "the" || w == "a" || w == "an")
            {
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
        let cues = self.input().cues;
        let mut end = self.window_end(pi, k);
        // "MSNBC host Chris Matthews": role words between two runs of names.
        // An organization's acronym in parentheses too.
        loop {
            let mut e = end;
            while e < toks.len()
                && e < end + 3
                && text[toks[e - 1].end..toks[e].start] == *" "
                && (cues.is_description(self.word(toks[e])) || cues.is_title(self.word(toks[e])))
                && !is_capitalized(self.word(toks[e]))
            {
                e += 1;
            }
            if e > end
                && e < toks.len()
                && text[toks[e - 1].end..toks[e].start] == *" "
                && is_capitalized(self.word(toks[e]))
            {
                end = self.window_end(pi, e);
            } else if let Some(close) = self.parenthesized_short_form(pi, end) {
                // "Ketua Komite Nasional Keselamatan Transportasi (KNKT)
                // Soerjanto Tjahjono", "Dirut PT Kereta Maju (KM Commuter)
                // Rina Wulandari": a short form in parentheses.
                end = self.window_end(pi, close + 1);
            } else {
                break;
            }
        }
        let mut found = self.choose(pi, k, end);
        // Apposition: "kata juru bicara Kemlu, Teuku Faizasyah", "kata
        // Kepala Dusun X, Kelurahan Y, Wahyu Wibowo": after a title or an
        // organization, the first segment that is only a person's name.
        // A lowercase role before the name counts too: "kata peneliti
        // senior Centropolis, Suryono Herlambang".
        let titled = described
            || (k..end).any(|i| {
                let w = self.word(toks[i]);
                cues.is_title(w) || cues.is_head(w) || is_acronym(w)
            });
        let listed = found
            .as_ref()
            .is_some_and(|f| f.entity.is_some() && f.kind == EntityType::Person);
        if !listed && (titled || found.as_ref().is_none_or(|f| f.kind != EntityType::Person)) {
            let mut e = end;
            for _ in 0..4 {
                if e >= toks.len() || text[toks[e - 1].end..toks[e].start].trim() != "," {
                    break;
                }
                let e2 = self.window_end(pi, e);
                if e2 == e {
                    break;
                }
                let pure = e2 - e <= 4
                    && !self.party_state(pi, e, e2)
                    && (e..e2).all(|i| {
                        let w = self.word(toks[i]);
                        (self.is_name_word(pi, i) && !cues.is_head(w) && !is_acronym(w))
                            || self
                                .mention_at(toks[i])
                                .is_some_and(|m| self.entity_kind(m) == EntityType::Person)
                    });
                if pure {
                    if let Some(s) = self
                        .choose(pi, e, e2)
                        .filter(|s| s.kind == EntityType::Person)
                    {
                        found = Some(s);
                        break;
                    }
                }
                e = e2;
            }
        }
        // "kata Presiden": the person the document titled so before.
        let title_only = (k..end).all(|i| {
            cues.is_title(self.word(toks[i]))
                || self
                    .mention_at(toks[i])
                    .is_some_and(|m| self.entity_kind(m) != EntityType::Person)
        });
        let untitled = found.as_ref().is_none_or(|f| f.kind != EntityType::Person);
        if untitled && k < end && title_only && cues.is_title(self.word(toks[k])) {
            let titles: Vec<&str> = (k..end).map(|i| self.word(toks[i])).collect();
            if let Some(s) = self.titled_person(&titles, toks[start].start) {
                return Some(s);
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

    /// The last person named right after the title words `titles` before
    /// `pos` ("Presiden Joko Widodo" for a later "kata Presiden").
    pub fn titled_person(&self, titles: &[&str], pos: usize) -> Option<Speaker> {
        let here = self.para_of(pos)?;
        for pi in (0..=here).rev() {
            let toks = self.toks(pi);
            let n = titles.len();
            let upto = toks.partition_point(|t| t.end <= pos);
            for j in (0..upto.saturating_sub(n)).rev() {
                let same = (0..n).all(|i| self.word(toks[j + i]) == titles[i]);
                let mut next = j + n;
                // "Panglima TNI Marsekal Hadi Tjahjanto".
                while next < toks.len()
                    && next < j + n + 3
                    && self.input().cues.is_title(self.word(toks[next]))
                {
                    next += 1;
                }
                if !same || next >= toks.len() || self.in_quote(toks[j].start) {
                    continue;
                }
                if let Some(m) = self.mention_at(toks[next]) {
                    if self.entity_kind(m) == EntityType::Person {
                        return Some(self.speaker_of(m));
                    }
                    continue;
                }
                if self.is_name_word(pi, next) {
                    let end = self.window_end(pi, next);
                    if let Some(s) = self
                        .choose(pi, next, end)
                        .filter(|s| s.kind == EntityType::Person)
                    {
                        return Some(s);
                    }
                }
            }
        }
        None
    }

    /// The name ending right before token `cue` (`Retno Marsudi mengatakan`).
    pub fn np_backward(
        &self,
        pi: usize,
        first: usize,
        cue: usize,
        pos: usize,
    ) -> Option<(Speaker, Reference)> {
        let text = self.input().text;
        let toks = self.toks(pi);
        let cues = self.input().cues;
        let mut j = self.skip_paren(pi, first, cue);
        // "Budi juga mengatakan", but not "Budi, pekan lalu, mengatakan".
        while j > first
            && cues.is_skip(self.word(toks[j - 1]))
            && !text[toks[j - 1].end..toks[j].start].contains(',')
        {
            j -= 1;
        }
        j = self.skip_paren(pi, first, j);
        if j <= first {
            return None;
        }
        // "Clinton … stressed her support and said": the sentence's subject.
        // (Not "Budi, pekan lalu, mengatakan": a comma after it.)
        if matches!(
            self.word(toks[j - 1]),
            "and" | "dan" | "but" | "namun" | "lalu" | "serta"
        ) && !text[toks[j - 1].end..toks[j].start].contains(',')
        {
            return self
                .first_name(pi, first, j - 1)
                .map(|s| (s, Reference::Name));
        }
        let gap = &text[toks[j - 1].end..toks[j].start];
        if gap.contains(',') {
            // "Jean-Marc Ayrault, the foreign minister of France, a member
            // of …, said": a name opening the sentence before a comma.
            // A title or an organization before the comma is no name:
            // "Dosen Universitas Gadjah Mada, Rina Wulandari, mengatakan".
            let titled = |a: usize, b: usize| {
                (a..b).any(|i| {
                    let w = self.word(toks[i]);
                    cues.is_title(w) || cues.is_head(w)
                })
            };
            let e = self.window_end(pi, first);
            let comma_at = |e: usize| text[toks[e - 1].end..toks[e].start].trim() == ",";
            let head_listed = || {
                self.choose(pi, first, e)
                    .is_some_and(|s| s.entity.is_some() && s.kind == EntityType::Person)
            };
            if e > first && e < j && comma_at(e) && (titled(first, e) || !head_listed()) {
                let e2 = self.window_end(pi, e);
                let pure = (e..e2).all(|i| {
                    let w = self.word(toks[i]);
                    self.is_name_word(pi, i) && !cues.is_head(w) && !is_acronym(w)
                });
                if e2 > e && e2 <= j && e2 - e <= 4 && pure && (e2 == j || comma_at(e2)) {
                    if let Some(s) = self
                        .choose(pi, e, e2)
                        .filter(|s| s.kind == EntityType::Person)
                    {
                        return Some((s, Reference::Name));
                    }
                }
            }
            if e > first && e < j && comma_at(e) {
                if let Some(s) = self
                    .choose(pi, first, e)
                    .filter(|s| s.kind == EntityType::Person)
                {
                    return Some((s, Reference::Name));
                }
            }
            // Apposition: "Sergey Lavrov, Russia's foreign minister, said".
            let mut c = j - 1;
            while c > first && !text[toks[c - 1].end..toks[c].start].contains(',') {
                c -= 1;
            }
            if c > first {
                // "Greg Mott (D-N.Y.), chairman of …": the name before the party.
                let named = self.skip_paren(pi, first, c);
                let head = self.window_start(pi, first, named);
                let a = self.choose(pi, head, named);
                let b = self.choose(pi, c, j);
                let person =
                    |s: &Option<Speaker>| s.as_ref().is_some_and(|s| s.kind == EntityType::Person);
                // "Pengajar Universitas Pancasakti Tegal, Hamidah
                // Abdurrachman, menilai": a name after a title.
                let pure_b = j - c <= 4
                    && (c..j).all(|i| {
                        let w = self.word(toks[i]);
                        self.is_name_word(pi, i) && !cues.is_head(w) && !is_acronym(w)
                    });
                let a_listed = a.as_ref().is_some_and(|s| s.entity.is_some());
                if person(&b) && pure_b && !a_listed && titled(head, c) {
                    return b.map(|s| (s, Reference::Name));
                }
                if person(&a) {
                    return a.map(|s| (s, Reference::Name));
                }
                if person(&b) {
                    return b.map(|s| (s, Reference::Name));
                }
                if let Some(s) = a.or(b) {
                    return Some((s, Reference::Name));
                }
            }
            return None;
        }
        let w = self.word(toks[j - 1]);
        if cues.is_pronoun(w) {
            // "Clinton says she admired Machado's courage through what she
            // calls …": the person the sentence is about, else the last one.
            // (A listed person, or one the document quotes: not "In
            // Honolulu, he said".)
            let subject = self.first_name(pi, first, j - 1).filter(|s| {
                s.kind == EntityType::Person
                    && (s.entity.is_some()
                        || s.name
                            .split_whitespace()
                            .any(|w| self.known_person(w).is_some()))
            });
            // The speaker of a verb earlier in the sentence comes first:
            // "With Trump ruled out, Cross said he … whom he called".
            // `he` and `she` skip people the document genders otherwise.
            let wanted = pronoun_gender(w);
            let subject = subject.filter(|s| self.genders().fits(s, wanted));
            return Some((
                self.sentence_reporter(pi, j - 1, wanted)
                    .or(subject)
                    .or_else(|| self.last_person_fitting(pos, wanted))?,
                Reference::Pronoun,
            ));
        }
        let start = self.window_start(pi, first, j);
        if start < j {
            if let Some(s) = self.choose(pi, start, j) {
                return Some((s, Reference::Name));
            }
        }
        if let Some(s) = self.org_reference(pi, first, j, pos) {
            return Some((s, Reference::Organization));
        }
        // "Diplomat top itu", "the minister", "pejabat tersebut".
        let from = j.saturating_sub(4).max(first);
        // Lowercased, no non-ASCII word is one of these.
        let demonstrative = ["itu", "tersebut", "ini"]
            .iter()
            .any(|d| w.eq_ignore_ascii_case(d));
        let english = (from..j).any(|i| self.word(toks[i]).eq_ignore_ascii_case("the"));
        if (demonstrative || english) && (from..j).any(|i| cues.is_description(self.word(toks[i])))
        {
            return Some((self.last_person(pos)?, Reference::Description));
        }
        None
    }

    /// The person the pronoun at token `j` stands for: the speaker of a
    /// reporting verb earlier in its sentence ("Cross said he is left with
    /// …, whom he called …"), else the last person named before `pos`;
    /// for `he` and `she`, of a gender the document does not contradict.
    pub fn pronoun_person(&self, pi: usize, j: usize, pos: usize) -> Option<Speaker> {
        let wanted = pronoun_gender(self.word(self.toks(pi)[j]));
        self.sentence_reporter(pi, j, wanted)
            .or_else(|| self.last_person_fitting(pos, wanted))
    }

    /// The person named before a reporting verb (`X said`) earlier in the
    /// sentence of token `j`
    /// (of gender `wanted`, when one is), outside quotes.
    fn sentence_reporter(&self, pi: usize, j: usize, wanted: Option<Gender>) -> Option<Speaker> {
        let toks = self.toks(pi);
        let at = toks[j].start;
        let sents = self.doc().sentences(pi);
        let s = sents.partition_point(|s| s.0 <= at).checked_sub(1)?;
        let first = toks
            .partition_point(|t| t.start < sents[s].0)
            .max(j.saturating_sub(SUBJECT_WORDS));
        // Only a name before the verb, and no quote between it and the
        // sentence start (“…,” kata dia: the pronoun names the speaker);
        // a cue with its name after it would lead back here.
        let marked = &self.doc().spans[pi];
        for (c, t) in toks.iter().enumerate().take(j).skip(first) {
            if marked
                .iter()
                .any(|m| m.open <= t.start && t.start < m.close)
            {
                return None;
            }
            if !self.cue_at(pi, c).is_some_and(|h| h.kind == CueKind::Verb) {
                continue;
            }
            if let Some((sp, Reference::Name)) = self.np_backward(pi, first, c, at) {
                if self.plausible_person(&sp) && self.genders().fits(&sp, wanted) {
                    return Some(sp);
                }
            }
        }
        None
    }

    /// The person a pronoun, enclitic or description before `pos` stands
    /// for: the nearest person named outside quotes in this paragraph or the
    /// three before it (a listed person, or a word of a name the document
    /// quotes someone under), else nobody.
    pub fn last_person(&self, pos: usize) -> Option<Speaker> {
        self.last_person_fitting(pos, None)
    }

    /// [`Context::last_person`] of gender `wanted` (when one is): a nearer
    /// person the document genders otherwise is skipped.
    pub fn last_person_fitting(&self, pos: usize, wanted: Option<Gender>) -> Option<Speaker> {
        let here = self.para_of(pos)?;
        let genders = self.genders();
        // Was a nearer person passed over for gender?
        let mut skipped = false;
        for pi in (here.saturating_sub(3)..=here).rev() {
            let p = self.input().paragraphs[pi];
            if p.title {
                continue;
            }
            let toks = p.tokens;
            let mut j = toks.partition_point(|t| t.end <= pos);
            while j > 0 {
                j -= 1;
                let t = toks[j];
                if self.in_quote(t.start) {
                    continue;
                }
                if let Some(m) = self.mention_at(t).filter(|_| !self.embedded(pi, j)) {
                    let s = self.speaker_of(m);
                    if s.kind == EntityType::Person {
                        if !genders.fits(&s, wanted) {
                            skipped = true;
                        } else {
                            return genders.fits_after(&s, wanted, skipped).then_some(s);
                        }
                    }
                    continue;
                }
                let w = self.word(t);
                let cues = self.input().cues;
                if !is_capitalized(w)
                    || cues.is_title(w)
                    || cues.is_head(w)
                    || is_acronym(w)
                    || self.input().cues.is_not_name(w)
                {
                    continue;
                }
                if let Some(name) = self.known_person(w) {
                    let s = Speaker {
                        entity: None,
                        name,
                        kind: EntityType::Person,
                        surface: w.to_string(),
                    };
                    if !genders.fits(&s, wanted) {
                        skipped = true;
                    } else {
                        return genders.fits_after(&s, wanted, skipped).then_some(s);
                    }
                }
            }
        }
        None
    }

    /// The person an enclitic before `pos` stands for: the speaker of the
    /// nearest sentence that reports speech, or the first person named in
    /// the nearest sentence that names one (outside quotes), up to
    /// `SUBJECT_SENTENCES` sentences back; for `he said` and `she said`,
    /// of a gender the document does not contradict (`wanted`).
    pub fn subject_person(&self, pos: usize, wanted: Option<Gender>) -> Option<Speaker> {
        let genders = self.genders();
        // Was a nearer person passed over for gender?
        let mut skipped = false;
        let here = self.para_of(pos)?;
        let mut budget = SUBJECT_SENTENCES;
        for pi in (0..=here).rev() {
            let p = self.input().paragraphs[pi];
            if p.title {
                continue;
            }
            let toks = p.tokens;
            let sents = self.doc().sentences(pi);
            let before = sents.partition_point(|s| s.0 < pos);
            for &(ss, se) in sents[..before].iter().rev() {
                if budget == 0 {
                    return None;
                }
                budget -= 1;
                let last = toks.partition_point(|t| t.end <= se.min(pos));
                let first = toks
                    .partition_point(|t| t.start < ss)
                    .max(last.saturating_sub(SUBJECT_WORDS));
                // A sentence that reports speech: its speaker (no stray
                // name: taken past a skipped one too).
                if let Some(s) = self.reporter(pi, first, last, pos) {
                    if genders.fits(&s, wanted) {
                        return Some(s);
                    }
                    skipped = true;
                }
                // The first name of the sentence; within a run of
                // capitalised words, its last word ("Direktur Lending BRI
                // Wibawa Prasetyawan").
                let mut j = first;
                while j < last {
                    let end = self.window_end(pi, j).clamp(j + 1, last);
                    for s in (j..end).rev().filter_map(|i| self.person_at(pi, i)) {
                        if genders.fits(&s, wanted) {
                            return genders.fits_after(&s, wanted, skipped).then_some(s);
                        }
                        skipped = true;
                    }
                    j = end;
                }
            }
        }
        None
    }

    /// The person who speaks in tokens `first..last` of paragraph `pi`
    /// (`X mengatakan, …`, `Menurut X, …`), outside quotes.
    pub fn reporter(&self, pi: usize, first: usize, last: usize, pos: usize) -> Option<Speaker> {
        let toks = self.toks(pi);
        for c in first..last {
            let Some(hit) = self.cue_at(pi, c) else {
                continue;
            };
            if self.in_quote(toks[c].start) {
                continue;
            }
            let found = match hit.kind {
                // "“…,” ucap Alamsyah": the name after the cue.
                CueKind::Verb | CueKind::AfterQuote
                    if c > first && self.in_quote(toks[c - 1].start) =>
                {
                    self.np_forward(pi, hit.end)
                }
                CueKind::Verb => self
                    .np_backward(pi, first, c, pos)
                    .and_then(|(s, r)| (r == Reference::Name).then_some(s)),
                CueKind::According | CueKind::Passive => self.np_forward(pi, hit.end),
                _ => None,
            };
            if let Some(s) = found.filter(|s| self.plausible_person(s)) {
                return Some(s);
            }
        }
        None
    }

    /// Is `s` a person, not a word of a title, an organization or a place
    /// taken for a name (`Keselamatan Transportasi`, `SDA`, `Cikarang`)?
    /// A listed person is; an unlisted name is when none of its words is an
    /// acronym, a title or organization word, a place or a word the
    /// document also writes in lowercase (unless it cites someone by it).
    pub fn plausible_person(&self, s: &Speaker) -> bool {
        let cues = self.input().cues;
        s.kind == EntityType::Person
            && (s.entity.is_some()
                || !s.name.split_whitespace().any(|w| {
                    is_acronym(w)
                        || cues.is_title(w)
                        || cues.is_head(w)
                        || self.doc().places().contains(w)
                        || (self.writes_lowercase(w) && !self.known().short.contains(w))
                }))
    }

    /// The person token `j` names (outside quotes): a listed person or a
    /// word of a name the document quotes someone under.
    pub fn person_at(&self, pi: usize, j: usize) -> Option<Speaker> {
        let t = self.toks(pi)[j];
        let w = self.word(t);
        // Cheap tests first: `in_quote` scans the paragraph's quotes.
        if !is_capitalized(w) || self.in_quote(t.start) {
            return None;
        }
        if let Some(m) = self.mention_at(t).filter(|_| !self.embedded(pi, j)) {
            return (self.entity_kind(m) == EntityType::Person).then(|| self.speaker_of(m));
        }
        let cues = self.input().cues;
        if cues.is_title(w) || cues.is_head(w) || is_acronym(w) || self.input().cues.is_not_name(w)
        {
            return None;
        }
        self.known_person(w)
            .map(|name| Speaker {
                entity: None,
                name,
                kind: EntityType::Person,
                surface: w.to_string(),
            })
            .filter(|s| self.plausible_person(s))
    }

    /// The longest unlisted person's name (found by the first pass or
    /// quoted so far) that has `w` as one of its words.
    pub fn known_person(&self, w: &str) -> Option<String> {
        let short = self.known().short.contains(w);
        let map = if short {
            &self.speakers().person_any
        } else {
            &self.speakers().person_edge
        };
        let mut best: Option<&str> = map.get(&word_key(w)).map(|n| &**n);
        // Quotes of the paragraph in progress, not indexed yet.
        for sp in self
            .current_quotes()
            .iter()
            .filter_map(|q| q.speaker.as_ref())
        {
            if sp.entity.is_some()
                || sp.kind != EntityType::Person
                || guess_type(&sp.name, self.input().cues) != EntityType::Person
            {
                continue;
            }
            let parts: Vec<&str> = sp.name.split_whitespace().collect();
            let fits = parts.first() == Some(&w)
                || parts.last() == Some(&w)
                || (short && parts.contains(&w));
            if fits && best.is_none_or(|b| sp.name.len() >= b.len()) {
                best = Some(&sp.name);
            }
        }
        best.map(str::to_string)
    }

    /// The organization a statement before `pos` comes from.
    pub fn last_organization(&self, pos: usize) -> Option<Speaker> {
        let here = self.para_of(pos).unwrap_or(0);
        let from = self.input().paragraphs[here.saturating_sub(2)].start;
        let mentions =
            &self.input().mentions[..self.input().mentions.partition_point(|m| m.start < pos)];
        mentions
            .iter()
            .rev()
            .take_while(|m| m.start >= from)
            .find(|m| self.entity_kind(m) == EntityType::Organization && !self.in_quote(m.start))
            .map(|m| self.speaker_of(m))
    }
}
