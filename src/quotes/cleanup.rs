//! Name cleanup: what stands around a person's name without being part of
//! it, cut off so the speaker is the person. Titles, organizations and
//! places before the name (`Kepala Dinas Kesehatan Kota Bandung Rina
//! Wulandari` -> `Rina Wulandari`), a listed place glued before it
//! (`Bawaslu Sumedang Rahmat`), a party and state after it (`Tom Harlan,
//! D-Ohio`) and parentheses (`Gwen Moore (D-Wis.)`). The words come from
//! the cue lists (titles, heads, places) and the gazetteers (listed
//! places), and from how the document itself writes them.

use super::context::index::word_key;
use super::context::Context;
use super::words::{affixed, is_acronym, is_initials};
use crate::gazetteer::EntityType;
use crate::mentions::resolve::Mention;
use crate::tokens::{is_capitalized, Token};

impl Context<'_> {
    /// Token `j` moved back over a parenthesis right before it:
    /// "Gwen Moore (D-Wis.) said" -> "Gwen Moore", or over a party and
    /// state between commas: "Mitch McConnell, R-Ky., said".
    pub fn skip_paren(&self, pi: usize, first: usize, j: usize) -> usize {
        let toks = self.toks(pi);
        let text = self.input().text;
        if j <= first || j > toks.len() {
            return j;
        }
        let after = toks
            .get(j)
            .map_or(self.input().paragraphs[pi].end, |t| t.start);
        let gap = text[toks[j - 1].end..after].trim_end();
        // "Gregory Meeks (D-N.Y.), chairman of …": a party and state in
        // parentheses before a comma, then an apposition.
        if let Some(k) = gap
            .strip_suffix(',')
            .filter(|g| g.trim_end().ends_with(')'))
            .and_then(|_| {
                (first + 1..j)
                    .rev()
                    .take(4)
                    .find(|&k| self.party_state(pi, k, j))
            })
        {
            let open = &text[toks[k - 1].end..toks[k].start];
            return if open.contains('(') { k } else { j };
        }
        // "Mitch McConnell, R-Ky., said": a party and state between commas.
        if gap.ends_with(',') {
            let gap = |k: usize| &text[toks[k - 1].end..toks[k].start];
            let mut k = j - 1;
            while k > first && matches!(gap(k), "-" | ".") {
                k -= 1;
            }
            let party = k > first
                && k + 1 < j
                && gap(k).trim() == ","
                && (k + 1..j).any(|i| gap(i) == "-")
                && (k..j).all(|i| {
                    let w = self.word(toks[i]);
                    w.chars().count() <= 4 && is_capitalized(w)
                });
            return if party { k } else { j };
        }
        if !text[toks[j - 1].end..after].trim_end().ends_with(')') {
            return j;
        }
        let mut k = j - 1;
        while k > first && k + 8 > j {
            if text[toks[k - 1].end..toks[k].start].contains('(') {
                return k;
            }
            k -= 1;
        }
        j
    }

    /// Where a person's name starts in the name words `start..end`.
    pub fn clean_start(&self, pi: usize, start: usize, end: usize) -> usize {
        // Only the words the document cites people by (`Known::short`,
        // learnt by the first pass) make it depend on the pass; without
        // one among the words it reads, worked out once per document.
        let toks = self.toks(pi);
        let short = &self.known().short;
        // Indonesian names also read whether the last word is cited (a
        // place or brand glued before a cited name, below).
        let last = if self.input().english {
            end.saturating_sub(1)
        } else {
            end
        };
        let cited = !short.is_empty() && (start..last).any(|i| short.contains(self.word(toks[i])));
        if cited || end <= start {
            return self.clean_start_uncached(pi, start, end);
        }
        let first = self.doc().token(pi, start);
        let log = self.known().log();
        if log.keeps() {
            // A first pass logs the reads each paragraph makes (the second
            // takes over a paragraph by them): a start used again notes
            // again the reads that working it out noted.
            let names = &self.doc().names;
            if let Some(found) = names.first_start(first, end - start, |r| log.note_again(r)) {
                return found;
            }
            let from = log.len();
            let found = self.clean_start_uncached(pi, start, end);
            names.keep_first_start(first, end - start, found, log.since(from));
            return found;
        }
        self.doc().names.start(first, end - start, || {
            self.clean_start_uncached(pi, start, end)
        })
    }

    fn clean_start_uncached(&self, pi: usize, start: usize, end: usize) -> usize {
        let toks = self.toks(pi);
        let mut start = start;
        // "Activist Angela Davis", "Senior Adviser Tom Hale", "Clinton
        // Spokesman Brian Fallon": a role noun capitalised (opening a
        // sentence, or as a title) ends what stands before the name, of
        // two words at least (the common two-word run is read for none).
        if let Some(r) = (start..end.saturating_sub(2))
            .rev()
            .find(|&i| self.is_role(self.word(toks[i])))
        {
            start = r + 1;
        }
        // "Head of Sales Rina Wulandari", "Director for Asia Tom Hale": the
        // word after a title's "of" names its department, when a name of
        // two or more words follows.
        let of_title = start >= 2
            && matches!(self.word(toks[start - 1]), "of" | "for")
            && self.input().cues.is_title(self.word(toks[start - 2]));
        if of_title && end - start >= 3 {
            start += 1;
        }
        // After an organization or place word and the word naming it:
        // "Masjid Istiqlal Nasaruddin Umar", "Kota Risma".
        if let Some(o) = (start..end)
            .rev()
            .find(|&j| self.input().cues.is_head(self.word(toks[j])))
        {
            // Nothing after it: no person's name here. A given name right
            // after it opens the person's name ("Kemendagri Mochamad
            // Ardian"): no organization is named so.
            let given_next = self
                .input()
                .cues
                .is_given(self.word(toks[(o + 1).min(end - 1)]));
            start = if o + 2 < end && !given_next {
                o + 2
            } else {
                o + 1
            };
            // The rest of the organization's name: words the document also
            // writes in lowercase ("Badan Pengawas Pemilu Nurhadi").
            while end - start > 1 && self.writes_lowercase(self.word(toks[start])) {
                start += 1;
            }
        }
        // Leading acronyms ("HAM Maluku", "BNPB Bambang Surya Putra") and
        // places (words the document writes after "di": "KPU Indramayu
        // Ahmad Toni" when it says "di Indramayu", or a place the lists
        // find elsewhere in it).
        // Also inside the run, when a name follows: "Kantor Pos Cabang
        // Sumedang Rina Wulandari", "Humas KAI Joni Martinus".
        if let Some(i) = (start..end.saturating_sub(1)).rev().find(|&i| {
            let w = self.word(toks[i]);
            let next = self.word(toks[i + 1]);
            (is_acronym(w) && !is_acronym(next))
                || self.doc().places().contains(w)
                || self.listed_place(w)
        }) {
            start = i + 1;
        }
        // The organization's name ends at the last word the document also
        // writes on its own ("Bukalapak" in "Marketplace Bukalapak Kurnia
        // Rosyada" when it writes "Bukalapak juga"), unless the
        // person is cited by it.
        // Only after an organization ("Kepala BPS Kalsel …", "Kementerian …").
        let titled = start > 0 && {
            let before = self.word(toks[start - 1]);
            self.input().cues.is_head(before)
                || is_acronym(before)
                || self.input().cues.is_head(self.word(toks[start]))
        };
        // Indonesian text glues a place or brand before a name with no
        // title word ("pendiri Sayurku Ratnasari" when it also writes
        // "Sayurku juga" and "ujar Ratnasari"). Not in English, whose given
        // names are written alone too ("Hillary said").
        if !titled && !self.input().english {
            if let Some(i) = (start..end.saturating_sub(1))
                .rev()
                .find(|&i| self.glued_before(toks, i))
            {
                start = i + 1;
            }
        }
        for i in (start..end.saturating_sub(1)).rev().filter(|_| titled) {
            let w = self.word(toks[i]);
            if self.known().short.contains(w) {
                break;
            }
            let next = self.word(toks[i + 1]);
            if self
                .doc()
                .follows()
                .get(w)
                .is_some_and(|f| f.iter().any(|x| *x != next && !is_capitalized(x)))
            {
                start = i + 1;
                break;
            }
        }
        // A word the document cites the person by starts the name:
        // "Perindustrian Agus Gumiwang" when it says "kata Agus".
        // Given names and initials before it stay: "Muhammad Zaki Iskandar",
        // "M Fadjroel Rachman" when it says "kata Zaki", "kata Fadjroel";
        // so do words no word list knows ("Zudan Arif" cited as Arif).
        if let Some(mut i) = (start..end.saturating_sub(1))
            .find(|&i| self.known().short.contains(self.word(toks[i])))
        {
            while i > start {
                let w = self.word(toks[i - 1]);
                if self.input().cues.is_given(w) {
                    // A given name opens the name: nothing before it.
                    i -= 1;
                    break;
                }
                if !(is_initials(w) || self.uncommon_name_word(w)) {
                    break;
                }
                i -= 1;
            }
            start = i;
        }
        start
    }

    /// Is word `i` of `toks` a place or brand glued before the name after
    /// it: no given name, initial nor a person's word, the document writes it
    /// before a lowercase word or a stop elsewhere, and writes the next
    /// word without it.
    fn glued_before(&self, toks: &[Token], i: usize) -> bool {
        let input = self.input();
        let w = self.word(toks[i]);
        let next = self.word(toks[i + 1]);
        // Words joined by a hyphen are one name ("Al-Sabah").
        let spaced = &input.text[toks[i].end..toks[i + 1].start] == " ";
        if !spaced
            || input.cues.is_given(w)
            || is_initials(w)
            || !self
                .doc()
                .follows()
                .get(w)
                .is_some_and(|f| f.iter().any(|x| *x != next && !is_capitalized(x)))
        {
            return false;
        }
        let alone = self.doc().positions().get(next).is_some_and(|at| {
            at.iter()
                .any(|&(pi, j)| j == 0 || self.word(self.toks(pi as usize)[j as usize - 1]) != w)
        });
        // A word opening a person the lists or the tagger find is a given
        // name ("Roger Federer" when the text also writes "Roger menang").
        let opens = |name: &str| name.strip_prefix(w).is_some_and(|r| r.starts_with(' '));
        alone
            && !input
                .names
                .iter()
                .any(|n| n.kind == EntityType::Person && opens(&n.name))
            && !input.mentions.iter().any(|m| {
                self.entity_kind(m) == EntityType::Person && opens(&input.text[m.start..m.end])
            })
    }

    /// Is `w` a role noun (`Activist`, `Professors`), one of the cue
    /// lists' descriptions or its plural?
    fn is_role(&self, w: &str) -> bool {
        let cues = self.input().cues;
        cues.is_description(w)
            || w.strip_suffix('s')
                .is_some_and(|one| cues.is_description(one))
    }

    /// `surface` from the word after its last role noun or title, the
    /// last word kept ("Senior Adviser Tom Hale" -> "Tom Hale"): a tagged
    /// name cut as [`Context::clean_start`] cuts a run of name words. (A
    /// sentence opener stays: "His Harvard" is no person, "Harvard" may
    /// pass for one.)
    pub fn without_roles<'s>(&self, surface: &'s str) -> &'s str {
        let cues = self.input().cues;
        let (mut rest, mut name) = (surface, surface);
        while let Some((w, tail)) = rest.split_once(' ') {
            let w = w.trim_end_matches('.');
            if self.is_role(w) || cues.is_title(w) {
                name = tail;
            }
            rest = tail;
        }
        name
    }

    /// Is token `j` a one-word listed name that ends an unlisted person's
    /// name ("Listyo Sigit Prabowo", "Ade Ary Syam", "Chuck Jordan"): right
    /// after an unlisted name word, a space between?
    pub fn embedded(&self, pi: usize, j: usize) -> bool {
        let toks = self.toks(pi);
        if j == 0 || self.input().text[toks[j - 1].end..toks[j].start] != *" " {
            return false;
        }
        let one_word = self
            .mention_at(toks[j])
            .is_some_and(|m| m.start == toks[j].start && m.end == toks[j].end);
        if one_word && self.place_before_name(pi, j) {
            return false;
        }
        let prev = self.word(toks[j - 1]);
        let cues = self.input().cues;
        one_word
            && is_capitalized(prev)
            && self.mention_at(toks[j - 1]).is_none()
            && !cues.is_title(prev)
            && !cues.is_head(prev)
            && !is_acronym(prev)
            && !self.input().cues.is_not_name(prev)
            && !self.doc().places().contains(prev)
            && (!self.sentence_initial(pi, j - 1) || self.doc().mid_caps().contains(prev))
    }

    /// Is token `j` a listed place (one word) with a name right after it
    /// (`Pemilu Sumedang Rahmat`, `Sen. Tom Harlan, R-Ohio`)? A place
    /// qualifies the office before it; a person's name does not go on
    /// after a place ("Chuck Jordan said" keeps Jordan).
    pub fn place_before_name(&self, pi: usize, j: usize) -> bool {
        let toks = self.toks(pi);
        let place = self.mention_at(toks[j]).is_some_and(|m| {
            matches!(
                self.entity_kind(m),
                EntityType::Location | EntityType::Country
            )
        });
        place
            && toks.get(j + 1).is_some_and(|n| {
                let w = self.word(*n);
                self.input().text[toks[j].end..n.start] == *" "
                    && is_capitalized(w)
                    && !self.input().cues.is_title(w)
                    && self.cue_at(pi, j + 1).is_none()
            })
    }

    /// Are tokens `from..to` a party and state (`D-Ohio`, `R-Ky.`,
    /// `I-Vt`): an affiliation after a lawmaker's name, never a person?
    pub fn party_state(&self, pi: usize, from: usize, to: usize) -> bool {
        let toks = self.toks(pi);
        to >= from + 2
            && to <= from + 4
            && matches!(self.word(toks[from]), "D" | "R" | "I")
            && self.input().text[toks[from].end..toks[from + 1].start] == *"-"
            && (from + 1..to).all(|i| is_capitalized(self.word(toks[i])))
    }

    /// The token after a party and state right after token `e` (`Tom
    /// Harlan (R-Ohio), a panel member, said`, `Mitch Marsh, R-Ky., said`),
    /// or `e` when none follows.
    pub fn past_party(&self, pi: usize, e: usize) -> usize {
        let toks = self.toks(pi);
        let text = self.input().text;
        // The party's letter first: most runs have none after them.
        if e == 0
            || e >= toks.len()
            || !matches!(self.word(toks[e]), "D" | "R" | "I")
            || !matches!(text[toks[e - 1].end..toks[e].start].trim(), "(" | ",")
        {
            return e;
        }
        let closed = |x: usize| {
            x == toks.len() || {
                let gap = text[toks[x - 1].end..toks[x].start].trim_start_matches('.');
                gap.trim_start().starts_with([')', ','])
            }
        };
        (e + 2..=(e + 4).min(toks.len()))
            .find(|&x| self.party_state(pi, e, x) && closed(x))
            .unwrap_or(e)
    }

    /// Does the document name a listed place (or country) by `word` alone
    /// somewhere (`Indramayu`, `Jordan`)?
    pub fn listed_place(&self, word: &str) -> bool {
        let text = self.input().text;
        let place = |m: &&Mention| {
            matches!(
                self.entity_kind(m),
                EntityType::Location | EntityType::Country
            )
        };
        // Asked for every word of every candidate name: the surfaces'
        // keys, indexed once per document, answer most with no scan of
        // the mentions (a key found is checked against them).
        let keys = self.doc().names.place_keys(|| {
            let mentions = self.input().mentions.iter().filter(place);
            mentions.map(|m| word_key(&text[m.start..m.end])).collect()
        });
        keys.binary_search(&word_key(word)).is_ok()
            && self
                .input()
                .mentions
                .iter()
                .filter(place)
                .any(|m| text[m.start..m.end] == *word)
    }

    /// The last token of a short form in parentheses opening at token `k`
    /// (`(KNKT)`, `(KAI Commuter)`, `(Kemendagri)`: up to three capitalised
    /// words) when a capitalised word follows it: the name comes after.
    pub fn parenthesized_short_form(&self, pi: usize, k: usize) -> Option<usize> {
        let toks = self.toks(pi);
        let text = self.input().text;
        if k == 0 || k >= toks.len() || text[toks[k - 1].end..toks[k].start] != *" (" {
            return None;
        }
        let close = (k..toks.len().min(k + 3))
            .find(|&m| m + 1 < toks.len() && text[toks[m].end..toks[m + 1].start] == *") ")?;
        let short = (k..=close).all(|m| is_capitalized(self.word(toks[m])))
            && (k + 1..=close).all(|m| text[toks[m - 1].end..toks[m].start] == *" ");
        (short && is_capitalized(self.word(toks[close + 1]))).then_some(close)
    }

    /// Is `w` a word that can only be a name here: no ordinary word of
    /// English or Indonesian (`gazetteers/common-words.txt`) nor one the
    /// document writes in lowercase (`virus korona`), no derived
    /// word (`Perindustrian`), no title, organization, acronym or place?
    fn uncommon_name_word(&self, w: &str) -> bool {
        let cues = self.input().cues;
        !common_word(w)
            && !self.writes_lowercase(w)
            && !affixed(w)
            && !is_acronym(w)
            && !cues.is_title(w)
            && !cues.is_head(w)
            && !cues.is_org_type(w)
            && !self.doc().places().contains(w)
            && !self.listed_place(w)
    }

    /// `start` moved back over the Balinese `I` (`Ni`'s male form) that
    /// opens a name before a given name: "I Dewa Gede Bawa", "I Gusti
    /// Putu Sedana" (`I` is no name word: the English pronoun).
    pub fn balinese_i(&self, pi: usize, from: usize, start: usize) -> usize {
        let toks = self.toks(pi);
        let opens = start > from
            && start < toks.len()
            && self.word(toks[start - 1]) == "I"
            && self.input().text[toks[start - 1].end..toks[start].start] == *" "
            && self.input().cues.is_given(self.word(toks[start]));
        if opens {
            start - 1
        } else {
            start
        }
    }

    /// Does token `j` end a two-word title (`Jaksa Agung`: `Agung` is a
    /// title there, a given name elsewhere)?
    pub fn ends_two_word_title(&self, pi: usize, j: usize) -> bool {
        let toks = self.toks(pi);
        let cues = self.input().cues;
        // Its first word is a title or a head (`Jaksa`, `Mahkamah`): only
        // then the pair is looked up (and allocated).
        j > 0
            && self.input().text[toks[j - 1].end..toks[j].start] == *" "
            && (cues.is_title(self.word(toks[j - 1])) || cues.is_head(self.word(toks[j - 1])))
            && cues.is_title(&format!(
                "{} {}",
                self.word(toks[j - 1]),
                self.word(toks[j])
            ))
    }
}

/// Is `w` (any case) one of the ordinary words of English and Indonesian?
fn common_word(w: &str) -> bool {
    static COMMON: std::sync::LazyLock<rustc_hash::FxHashSet<String>> =
        std::sync::LazyLock::new(|| {
            crate::check::COMMON_WORDS
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(str::to_lowercase)
                .collect()
        });
    COMMON.contains(&w.to_lowercase())
}

#[cfg(test)]
mod tests {
    use crate::quotes::context::known::Known;
    use crate::quotes::testing::Fixture;
    use crate::quotes::tests::{pipeline_listing, quotes};

    #[test]
    fn a_start_kept_from_the_first_pass_is_not_used_where_a_cited_word_moves_it() {
        let f = Fixture::new(
            "Menurut Direktur Jenderal Kependudukan Zudarman Arif Santoso, data sudah diperbarui.",
            &[],
        );
        let windows: Vec<(usize, usize)> = (0..8)
            .flat_map(|s| (s + 1..=8).map(move |e| (s, e)))
            .collect();
        let mut known = Known::default();
        known.short.insert("Arif".to_string());
        let moved = f.two_passes(
            known,
            |cx| {
                let starts: Vec<usize> = windows
                    .iter()
                    .map(|&(s, e)| cx.clean_start(0, s, e))
                    .collect();
                starts
            },
            |cx, first: Vec<usize>| {
                let mut moved = 0;
                for (&(s, e), was) in windows.iter().zip(first) {
                    let now = cx.clean_start(0, s, e);
                    assert_eq!(now, cx.clean_start_uncached(0, s, e), "{s}..{e}");
                    moved += usize::from(now != was);
                }
                moved
            },
        );
        // "kata Arif" moves the start of the windows holding Zudarman Arif.
        assert!(moved > 0);
    }

    #[test]
    fn a_start_kept_in_the_first_pass_still_logs_the_cited_words_it_read() {
        // The second pass takes over a paragraph only when none of the
        // first pass's logged reads would change: a start the memo answers
        // in the first pass must log the same reads as working it out.
        use crate::quotes::context::index::DocIndex;
        use crate::quotes::context::reads::ReadLog;
        use crate::quotes::context::Context;
        let f = Fixture::new(
            "Menurut Direktur Jenderal Kependudukan Zudarman Arif Santoso, data sudah diperbarui.",
            &[],
        );
        f.with_input(|input| {
            let log = ReadLog::keeping();
            let cx = Context::new(input, Known::logged(&log), DocIndex::build(input));
            let first = cx.clean_start(0, 2, 8);
            let worked_out = log.take();
            assert!(!worked_out.is_empty());
            assert_eq!(cx.clean_start(0, 2, 8), first);
            let kept = log.take();
            let keys = |r: &[crate::quotes::context::reads::Read]| -> Vec<u64> {
                r.iter().map(|r| r.key).collect()
            };
            assert_eq!(keys(&kept), keys(&worked_out));
        });
    }

    const LIST: &str = "id\ttype\tname\taliases\tcountry\tpriority
t:smd\tLOCATION\tKabupaten Sumedang\tSumedang\tID\t
t:ohio\tLOCATION\tOhio\t\tUS\t
";

    /// The speaker of each quote of `text`, in order.
    fn speakers(text: &str) -> Vec<String> {
        quotes(&pipeline_listing(LIST), text)
            .into_iter()
            .map(|q| q.speaker)
            .collect()
    }

    #[test]
    fn a_party_and_state_after_the_name_is_no_speaker() {
        let text = "Lawmakers met on Tuesday.\n\n\"This bill is a disgrace,\" said Rep. Tom Harlan, D-Ohio.\n\n\"We will fight it,\" said Sen. Mary Doyle, R-Ohio, on Monday.";
        assert_eq!(speakers(text), ["Tom Harlan", "Mary Doyle"]);
    }

    #[test]
    fn a_party_and_state_in_parentheses_before_an_apposition_is_no_speaker() {
        let text = "Lawmakers met on Tuesday.\n\n\"If the agency wanted the files, it would take them,\" Rep. Tom Harlan (R-Ohio), a panel member, said in an interview. \"Nobody else gets such a deal.\"\n\nRep. Greg Mott (D-N.Y.), chairman of the caucus fund, said members will help him raise cash.\n\n\"We will see,\" Sen. Ann Voss, R-Ky., a panel member, said.";
        let said = speakers(text);
        assert_eq!(said[..2], ["Tom Harlan", "Tom Harlan"]);
        assert_eq!(said[2..], ["Greg Mott", "Ann Voss"]);
    }

    #[test]
    fn a_role_noun_capitalised_before_the_name_is_cut() {
        let text = "The film opened on Friday.\n\nActivist Dana Price said the prisons were \u{201c}a quiet scandal.\u{201d}\n\n\"I was moved,\" Comedian Rob Tilly said.\n\n\"It is a fine film,\" said Senior Adviser Tom Hale.";
        assert_eq!(
            speakers(text),
            ["Dana Price", "Dana Price", "Rob Tilly", "Tom Hale"]
        );
    }

    #[test]
    fn a_tagged_name_loses_the_roles_and_titles_before_it() {
        let f = Fixture::new("The panel met.", &[]);
        f.with(|cx| {
            assert_eq!(cx.without_roles("Senior Adviser Tom Hale"), "Tom Hale");
            assert_eq!(cx.without_roles("Professors Ina Kolb"), "Ina Kolb");
            assert_eq!(cx.without_roles("Rep. Tom Hale"), "Tom Hale");
            // A role noun last is a surname.
            assert_eq!(cx.without_roles("Tom Fellows"), "Tom Fellows");
        });
    }

    #[test]
    fn a_word_opening_the_sentence_is_no_part_of_the_name() {
        let text = "The bill passed the committee.\n\nLike Dale Corwin, Ben Ortiz rejected the idea. \"There is room for changes,\" Ortiz said.\n\nEven Lisa Marsh said the bill was \"a good start.\"";
        assert_eq!(speakers(text), ["Ben Ortiz", "Lisa Marsh", "Lisa Marsh"]);
    }

    #[test]
    fn a_listed_place_glued_before_the_name_is_cut() {
        let text = "Pemungutan suara ulang digelar pekan ini. Sumedang menyiapkan dua TPS.\n\n“Kami sudah melapor ke pusat,” kata Ketua Badan Pengawas Pemilu Sumedang Rahmat Hidayat.";
        assert_eq!(speakers(text), ["Rahmat Hidayat"]);
    }

    #[test]
    fn an_acronym_inside_the_role_ends_the_organization() {
        let text = "Listrik padam di tiga kecamatan.\n\n“Petugas sudah bekerja sejak pagi,” kata Manajer Komunikasi Korporat PLN Rudi Hartono.\n\n“Gardu yang rusak segera diganti,” ujar Kepala Biro Humas dan Kerja Sama BPKN Suparno.";
        assert_eq!(speakers(text), ["Rudi Hartono", "Suparno"]);
    }

    #[test]
    fn the_name_after_a_short_form_in_parentheses() {
        let text = "Kereta tambahan berangkat pekan depan.\n\n“Kereta tambahan sudah siap,” kata Direktur Utama PT Kereta Maju Sejahtera (KMS Commuter) Dina Marlina.\n\n“Kami fokus pada korban,” kata Panglima Komando Armada II (Pangkoarmada) Laksda TNI Joko Prasetyo.";
        assert_eq!(speakers(text), ["Dina Marlina", "Joko Prasetyo"]);
    }

    #[test]
    fn a_lowercase_role_then_an_organization_then_the_name_between_commas() {
        let text = "Kasus baru naik di pinggiran kota.\n\n“Data kami menunjukkan kenaikan,” kata peneliti senior Lembayung, Rina Wulandari, di Bandung.";
        assert_eq!(speakers(text), ["Rina Wulandari"]);
    }

    #[test]
    fn lowercase_and_business_titles_before_the_name() {
        let text = "Kasus baru tercatat di kota itu.\n\n“Kasus naik lagi,” kata Juru Bicara Satgas Covid-19 Kendari dr Hasanudin.\n\nSales rose this year.\n\n\"We grew fast,\" said Head of Sales Rina Wulandari.";
        assert_eq!(speakers(text), ["Hasanudin", "Rina Wulandari"]);
    }

    #[test]
    fn a_name_cited_by_its_middle_word_keeps_the_words_no_list_knows_before_it() {
        let text = "Data penduduk diperbarui.\n\n“Data kependudukan sudah diperbarui,” kata Direktur Jenderal Kependudukan Zudarman Arif Santoso.\n\n“Kami terus memantau,” kata Arif.";
        assert_eq!(speakers(text)[0], "Zudarman Arif Santoso");
    }

    #[test]
    fn a_balinese_i_before_a_given_name_is_part_of_the_name() {
        let text = "Tes cepat digelar di Denpasar.\n\n“Semua petugas sudah dites,” kata Kepala Bidang Kesehatan Komisaris Besar I Made Wirawan.\n\n“Hasilnya keluar besok,” ujar Made.";
        assert_eq!(speakers(text), ["I Made Wirawan", "I Made Wirawan"]);
    }

    #[test]
    fn agung_is_a_title_only_in_a_two_word_title() {
        let text = "Listrik padam sejak pagi.\n\n“Gardu sudah pulih,” ujar General Manager PLN Distribusi Jabar Agung Prasetyo.\n\n“Berkas sudah lengkap,” kata Jaksa Agung Sanusi Harahap.";
        assert_eq!(speakers(text), ["Agung Prasetyo", "Sanusi Harahap"]);
    }

    #[test]
    fn a_given_name_right_after_an_organization_word_opens_the_name() {
        let text = "Vaksin tiba pagi ini.\n\n“Vaksin sudah tiba,” kata juru bicara Kemenkes Muhammad Irfan Santoso.";
        assert_eq!(speakers(text), ["Muhammad Irfan Santoso"]);
    }

    #[test]
    fn a_word_the_document_writes_in_lowercase_is_no_name_before_the_cited_one() {
        let text = "Warga diminta waspada terhadap virus korona.\n\n“Kami terus mengedukasi warga,” kata Koordinator Gerakan Lawan Korona Yunan Fahmi.\n\n“Masker wajib dipakai,” kata Yunan.";
        assert_eq!(speakers(text), ["Yunan Fahmi", "Yunan Fahmi"]);
    }

    #[test]
    fn a_brand_the_indonesian_text_writes_alone_is_cut_before_the_name() {
        let text = "Aplikasi Sayurku kini dipakai di tiga puluh kota. Sayurku juga membuka gudang baru.\n\n“Pesanan naik dua kali lipat,” kata pendiri Sayurku Ratnasari.\n\n“Kami akan menambah armada,” ujar Ratnasari.";
        assert_eq!(speakers(text), ["Ratnasari", "Ratnasari"]);
    }

    #[test]
    fn a_given_name_the_indonesian_text_writes_alone_stays_in_the_name() {
        let text = "Warga antre sejak subuh. Budi datang paling awal.\n\n“Stok beras cukup,” kata Budi Santoso.";
        assert_eq!(speakers(text), ["Budi Santoso"]);
    }

    #[test]
    fn an_english_first_name_written_alone_stays_in_the_name() {
        let text = "Voters lined up early. Nadia arrived first, and Okafor came later.\n\n\"The count is fair,\" said Nadia Okafor.\n\n\"We will wait,\" Okafor said.";
        assert_eq!(speakers(text), ["Nadia Okafor", "Nadia Okafor"]);
    }
}
