//! Sieve: a cue after the closing mark, in the same sentence: `“…,” kata
//! Retno`, `"…," Retno said`, `“…,” katanya`, `"…" — Retno`.

use super::{Candidate, QuotedSpan};
use crate::gazetteer::EntityType;
use crate::quotes::context::Context;
use crate::quotes::cues::{CueHit, CueKind};
use crate::quotes::gender::{cue_gender, pronoun_gender};
use crate::quotes::model::{Method, Reference};
use crate::tokens::is_capitalized;

pub fn propose(cx: &Context, q: &QuotedSpan) -> Option<Candidate> {
    let (pi, span) = (q.paragraph, q.span);
    let toks = cx.toks(pi);
    let k = cx.tok_at(pi, span.close);
    let end = toks
        .get(k)
        .map_or(cx.input().paragraphs[pi].end, |t| t.start);
    let adjacent = !cx.text()[span.close..end].contains(['.', '!', '?', '“', '"', '”']);
    if k < toks.len() && adjacent {
        return cue_after(cx, pi, k, span.open);
    }
    None
}

/// `“…,” kata X` / `“…,” X said` / `“…,” katanya` / `“…” — X`.
pub fn cue_after(cx: &Context, pi: usize, k: usize, quote_start: usize) -> Option<Candidate> {
    let text = cx.input().text;
    let toks = cx.toks(pi);
    let cues = cx.input().cues;
    // The first cue within a few words, before the sentence ends.
    let mut c = k;
    while c < toks.len() && c < k + 8 {
        if c > k {
            let gap = &text[toks[c - 1].end..toks[c].start];
            // "Mr. Obama said", "(D-Mo.) said": abbreviations.
            let prev = cx.word(toks[c - 1]);
            let abbrev = gap.starts_with('.')
                && (cues.is_title(prev) || (is_capitalized(prev) && prev.chars().count() <= 3));
            let gap = if abbrev { &gap[1..] } else { gap };
            if gap.contains(['.', '!', '?', ';', '“', '"']) {
                return None;
            }
        }
        if let Some(hit) = cx.cue_at(pi, c) {
            return after_hit(cx, pi, k, hit, quote_start);
        }
        c += 1;
    }
    // "“…,” Scott Pruitt, the attorney general of Oklahoma, one of the
    // states suing, said …": a name, an apposition between commas, then
    // the cue after a comma, in the same sentence.
    // A party and state after the name is skipped: "Tom Harlan (R-Ohio), a
    // panel member, said".
    let e = cx.window_end(pi, k);
    let past = cx.past_party(pi, e);
    let comma = |gap: &str| gap.trim_start_matches(['.', ')']).trim() == ",";
    if e > k && past < toks.len() && comma(&text[toks[past - 1].end..toks[past].start]) {
        for c in past + 1..toks.len().min(past + 25) {
            let gap = &text[toks[c - 1].end..toks[c].start];
            if gap.contains(['.', '!', '?', ';', '“', '"', '”', '(']) {
                break;
            }
            let verb =
                gap.trim() == "," && cx.cue_at(pi, c).is_some_and(|h| h.kind == CueKind::Verb);
            if verb {
                let sp = cx
                    .choose(pi, k, e)
                    .filter(|s| s.kind == EntityType::Person)?;
                return Some(Candidate {
                    speaker: Some(sp),
                    cue: cx.word(toks[c]).to_string(),
                    method: Method::CueAfter,
                });
            }
        }
    }
    // "…" — Retno
    let gap = &text[..toks[k].start];
    if gap.trim_end().ends_with(['—', '–', '―']) {
        let sp = cx.np_forward(pi, k)?;
        return Some(Candidate {
            speaker: Some(sp),
            cue: "—".into(),
            method: Method::CueAfter,
        });
    }
    None
}

fn after_hit(
    cx: &Context,
    pi: usize,
    k: usize,
    hit: CueHit,
    quote_start: usize,
) -> Option<Candidate> {
    let text = cx.input().text;
    let toks = cx.toks(pi);
    let cue = text[toks[hit.start].start..toks[hit.end - 1].end].to_string();
    match hit.kind {
        CueKind::Enclitic => Some(Candidate {
            speaker: cx.subject_person(quote_start, cue_gender(&cue)),
            cue,
            method: Method::Enclitic,
        }),
        // "bunyi pernyataan Kementerian X": the issuer named after it,
        // else the organization named last.
        CueKind::Statement => Some(Candidate {
            speaker: cx
                .np_forward(pi, hit.end)
                .or_else(|| cx.last_organization(quote_start)),
            cue,
            method: Method::Statement,
        }),
        CueKind::Verb | CueKind::According | CueKind::Passive | CueKind::Backref => {
            cue_speaker(cx, pi, k, hit, quote_start, cue)
        }
        // “…,” tutup X: only the name right after the verb.
        CueKind::AfterQuote if hit.start == k => Some(Candidate {
            speaker: Some(cx.np_forward(pi, hit.end)?),
            cue,
            method: Method::CueAfter,
        }),
        CueKind::AfterQuote => None,
    }
}

/// `kata X` / `X said`: the name after or before a reporting verb.
fn cue_speaker(
    cx: &Context,
    pi: usize,
    k: usize,
    hit: CueHit,
    quote_start: usize,
    cue: String,
) -> Option<Candidate> {
    let speaker = if hit.start == k {
        // kata X / said X
        cx.np_forward(pi, hit.end).map(|s| (s, Reference::Name))
    } else {
        // X said
        cx.np_window(pi, k, hit.start, quote_start)
    };
    // `“…,” she told reporters` / `said he` with no one of that gender
    // before: nobody, rather than a later rule's guess.
    let toks = cx.toks(pi);
    let pronoun = |j: usize| {
        toks.get(j)
            .is_some_and(|&t| pronoun_gender(cx.word(t)).is_some())
    };
    let Some(speaker) = speaker else {
        // `“…,” the company said` with no company named before: the
        // organization speaks, unnamed; no nearby person stands for it.
        if hit.start > k && cx.org_noun(pi, k, hit.start).is_some() {
            return Some(Candidate {
                speaker: None,
                cue,
                method: Method::Organization,
            });
        }
        let alone = (hit.start == k + 1 && pronoun(k)) || (hit.start == k && pronoun(hit.end));
        return alone.then_some(Candidate {
            speaker: None,
            cue,
            method: Method::Pronoun,
        });
    };
    Some(Candidate {
        speaker: Some(speaker.0),
        cue,
        method: speaker.1.method(Method::CueAfter),
    })
}

#[cfg(test)]
mod tests {
    use super::propose;
    use crate::quotes::model::Method;
    use crate::quotes::testing::{person, said, Fixture};

    #[test]
    fn the_name_after_or_before_the_cue_speaks() {
        let f = Fixture::new(
            "“Kami siap bekerja,” kata Dewi Lestari.\n\"We are ready,\" Tom Hale said.",
            &[],
        );
        assert_eq!(
            f.propose(propose, "Kami"),
            said("Dewi Lestari", Method::CueAfter)
        );
        assert_eq!(f.propose(propose, "We"), said("Tom Hale", Method::CueAfter));
    }

    #[test]
    fn an_enclitic_stands_for_the_last_speaker_a_description_for_the_last_person() {
        let f = Fixture::new(
            "Dewi Lestari datang pagi itu.\n“Kami siap bekerja,” katanya.\n\"We are ready,\" the minister said.",
            &[person("Dewi Lestari")],
        );
        assert_eq!(
            f.propose(propose, "Kami"),
            said("Dewi Lestari", Method::Enclitic)
        );
        assert_eq!(
            f.propose(propose, "We"),
            said("Dewi Lestari", Method::Description)
        );
    }

    #[test]
    fn a_dash_names_the_speaker() {
        let f = Fixture::new("“Kerja, kerja, kerja.” — Dewi Lestari", &[]);
        assert_eq!(
            f.propose(propose, "Kerja"),
            said("Dewi Lestari", Method::CueAfter)
        );
    }

    #[test]
    fn a_cue_after_the_sentence_ends_is_not_this_quotes() {
        let f = Fixture::new("“Kami siap bekerja”. Dewi Lestari kata orang hebat.", &[]);
        assert_eq!(f.propose(propose, "Kami"), None);
    }
}
