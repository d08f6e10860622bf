//! Organizations as speakers: `“…,” the ministry said`, `the party said
//! …`, `kementerian itu menyatakan …`. The noun stands for an organization
//! the text named just before with that word in its name; when none fits,
//! no speaker (a wrong organization costs more than an empty cell). A bare
//! `it` is left alone: on a sample of PolNeAR train it stood for a
//! document, a post or a video as often as for an organization.

use super::context::Context;
use super::model::Speaker;
use crate::gazetteer::EntityType;

impl Context<'_> {
    /// The organization that the words `from..to`, right before a cue,
    /// stand for: `the ministry` / `kementerian itu` (the organization
    /// named last whose name holds `ministry`).
    pub fn org_reference(&self, pi: usize, from: usize, to: usize, pos: usize) -> Option<Speaker> {
        self.last_organization_named(pos, self.org_noun(pi, from, to)?)
    }

    /// The organization noun the words `from..to`, right before a cue,
    /// end with when they read `the ministry` / `kementerian itu`.
    pub fn org_noun(&self, pi: usize, from: usize, to: usize) -> Option<&str> {
        let toks = self.toks(pi);
        let cues = self.input().cues;
        let word = |i: usize| self.word(toks[i]);
        if to <= from {
            return None;
        }
        let last = word(to - 1);
        // "the ministry said" as the subject, not "attorneys for the
        // department said" (a lowercase word before "the").
        let subject = |the: usize| the == from || !is_lowercase_word(word(the - 1));
        if to >= from + 2
            && word(to - 2).eq_ignore_ascii_case("the")
            && cues.is_org_noun(last)
            && subject(to - 2)
        {
            return Some(last);
        }
        let demonstrative = matches!(last, "itu" | "tersebut");
        (demonstrative && to >= from + 2 && cues.is_org_noun(word(to - 2))).then(|| word(to - 2))
    }

    /// The organization named last before `pos` (outside quotes, in its
    /// paragraph or the one before) whose name or surface holds `noun`.
    pub fn last_organization_named(&self, pos: usize, noun: &str) -> Option<Speaker> {
        let here = self.para_of(pos)?;
        let from = self.input().paragraphs[here.saturating_sub(1)].start;
        let mentions =
            &self.input().mentions[..self.input().mentions.partition_point(|m| m.start < pos)];
        let text = self.input().text;
        let holds = |name: &str, noun: &str| {
            name.split(|c: char| !c.is_alphanumeric())
                .any(|w| w.eq_ignore_ascii_case(noun))
        };
        mentions
            .iter()
            .rev()
            .take_while(|m| m.start >= from)
            .filter(|m| !self.in_quote(m.start))
            .find(|m| {
                self.entity_kind(m) == EntityType::Organization
                    && (holds(&self.speaker_of(m).name, noun) || holds(&text[m.start..m.end], noun))
            })
            .map(|m| self.speaker_of(m))
    }
}

fn is_lowercase_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use crate::quotes::tests::{pipeline_listing, quotes};

    const LIST: &str = "id\ttype\tname\taliases\tcountry\tpriority
t:trade\tORGANIZATION\tMinistry of Trade\t\t\t
t:kemlu\tORGANIZATION\tKementerian Luar Negeri\t\t\t
t:kemhub\tORGANIZATION\tKementerian Perhubungan\t\t\t
t:anna\tPERSON\tAnna Berg\t\t\t
";

    /// (kind, speaker, method) of each quote of `text`.
    fn said(text: &str) -> Vec<(String, String, String)> {
        quotes(&pipeline_listing(LIST), text)
            .into_iter()
            .map(|q| (q.kind, q.speaker, q.method))
            .collect()
    }

    fn row(kind: &str, speaker: &str, method: &str) -> (String, String, String) {
        (kind.into(), speaker.into(), method.into())
    }

    #[test]
    fn the_ministry_is_the_ministry_named_before() {
        assert_eq!(
            said("The Ministry of Trade met farmers on Monday.\n“These tariffs protect local farms,” the ministry said."),
            [row("direct", "Ministry of Trade", "organization")]
        );
        assert_eq!(
            said("Kementerian Luar Negeri mengeluarkan imbauan pada Senin. Kementerian itu menyatakan warga sebaiknya menunda perjalanan ke luar negeri."),
            [row("indirect", "Kementerian Luar Negeri", "organization")]
        );
    }

    #[test]
    fn no_organization_with_that_word_gives_no_speaker() {
        // Anna Berg is no company, and the Ministry of Trade is no company.
        let got = said(
            "Anna Berg met the Ministry of Trade.\n“We will appeal the fine,” the company said.",
        );
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].1, "");
        // "Lawyers for the ministry" speak, not the ministry.
        let got = said("The Ministry of Trade lost the case.\nLawyers for the ministry said the ruling would be appealed within a week.");
        assert!(got.iter().all(|r| r.2 != "organization"), "{got:?}");
    }

    #[test]
    fn a_statement_names_its_issuer_after_it_else_the_last_organization() {
        // Named after the phrase: that one, not the one named before.
        assert_eq!(
            said("Kementerian Luar Negeri menggelar rapat.\n“Semua jalur sudah dibuka kembali.” Demikian bunyi pernyataan Kementerian Perhubungan."),
            [row("direct", "Kementerian Perhubungan", "statement")]
        );
        // A written statement after the sentence it gives.
        assert_eq!(
            said("Warga diminta tenang.\nPemerintah menunda kenaikan tarif kereta hingga tahun depan. Demikian keterangan tertulis Kementerian Perhubungan."),
            [row("indirect", "Kementerian Perhubungan", "backref")]
        );
    }
}
