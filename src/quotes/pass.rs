//! One pass over a document: each paragraph's quoted spans, then its
//! reported speech, in text order; the only code that adds quotes to the
//! [`Context`].
//!
//! The second pass differs from the first only where what the first
//! learnt ([`Known`]) changes an answer. The first keeps a log of what it
//! asks of it and the answers (`ReadLog`); the second takes over the
//! first's quotes of a paragraph whose answers it would not change, as
//! long as all its quotes so far are the first's: from the same state,
//! asking the same and getting the same answers, it would find the same.

use super::context::index::DocIndex;
use super::context::known::{Known, SpeakerIndex};
use super::context::reads::ReadLog;
use super::context::{Context, Ranked};
use super::cues::Cues;
use super::indirect;
use super::model::{Quote, QuoteInput, QuoteKind};
use super::quoted::quoted;

/// Most indirect quotes one sentence gives.
const PER_SENTENCE: usize = 2;

/// A first pass's results and what it asked of what it knew.
pub struct FirstPass {
    pub quotes: Vec<Quote>,
    pub ranked: Vec<Ranked>,
    log: ReadLog,
    /// At the start of each paragraph, and at the end: how many reads the
    /// log held, how many quotes and ranked candidate lists were found.
    marks: Vec<(usize, usize, usize)>,
}

impl FirstPass {
    /// Per paragraph: did it get an answer that knowing `known` changes?
    /// And the speaker index `known` seeds, which the second pass starts
    /// with (made once for both).
    fn asked_about(&self, known: &Known, cues: &Cues) -> (Vec<bool>, SpeakerIndex) {
        let seeded = SpeakerIndex::seeded(known, cues);
        let reads = self.log.take();
        let asked = self
            .marks
            .windows(2)
            .map(|m| {
                reads[m[0].0..m[1].0]
                    .iter()
                    .any(|r| known.changes(r, &seeded))
            })
            .collect();
        (asked, seeded)
    }
}

/// The first pass (knowing nothing), and the document index for the
/// second. Ranked candidates are kept when `record`.
pub fn first<'a>(
    input: &'a QuoteInput<'a>,
    doc: DocIndex<'a>,
    record: bool,
) -> (FirstPass, DocIndex<'a>) {
    let log = ReadLog::keeping();
    let mut cx = Context::new(input, Known::logged(&log), doc);
    if record {
        cx = cx.recording();
    }
    let mut marks = Vec::with_capacity(input.paragraphs.len() + 1);
    for pi in 0..input.paragraphs.len() {
        marks.push((log.len(), cx.quotes().len(), cx.ranked_len()));
        paragraph(&mut cx, pi);
    }
    marks.push((log.len(), cx.quotes().len(), cx.ranked_len()));
    let (quotes, ranked, doc) = cx.finish();
    let first = FirstPass {
        quotes,
        ranked,
        log,
        marks,
    };
    (first, doc)
}

/// The second pass, knowing `known`: its quotes and the candidates ranked
/// (when `record`). Takes over the first pass's results where they hold.
pub fn second<'a>(
    input: &'a QuoteInput<'a>,
    known: Known,
    doc: DocIndex<'a>,
    record: bool,
    first: FirstPass,
) -> (Vec<Quote>, Vec<Ranked>) {
    let (asked, seeded) = first.asked_about(&known, input.cues);
    second_where(input, (known, seeded), doc, record, first, &asked)
}

/// [`second`], working out anew the paragraphs `asked` says; `known` with
/// the speaker index it seeds.
fn second_where<'a>(
    input: &'a QuoteInput<'a>,
    (known, seeded): (Known, SpeakerIndex),
    doc: DocIndex<'a>,
    record: bool,
    first: FirstPass,
    asked: &[bool],
) -> (Vec<Quote>, Vec<Ranked>) {
    let mut cx = Context::seeded(input, known, seeded, doc);
    if record {
        cx = cx.recording();
    }
    let (mut old_quotes, mut old_ranked) = (first.quotes.into_iter(), first.ranked.into_iter());
    // Are this pass's quotes so far the first's?
    let mut same = true;
    for (pi, m) in first.marks.windows(2).enumerate() {
        let (quotes, ranked) = (m[1].1 - m[0].1, m[1].2 - m[0].2);
        if same && !asked[pi] {
            cx.take_over(
                old_quotes.by_ref().take(quotes),
                old_ranked.by_ref().take(ranked),
            );
            continue;
        }
        let before = cx.quotes().len();
        paragraph(&mut cx, pi);
        old_ranked.by_ref().take(ranked).for_each(drop);
        let old: Vec<Quote> = old_quotes.by_ref().take(quotes).collect();
        same = same && cx.quotes()[before..] == old[..];
    }
    let (quotes, ranked, _) = cx.finish();
    (quotes, ranked)
}

/// Finds the quotes of paragraph `pi`.
fn paragraph(cx: &mut Context, pi: usize) {
    // Headlines and the lines that are not body text yield no quotes,
    // nor paragraphs with neither a quoted span nor a cue.
    if !cx.may_quote(pi) {
        return;
    }
    let spans = cx.doc_spans(pi).to_vec();
    let sents = cx.sentences(pi).to_vec();
    for span in &spans {
        if let Some(q) = quoted(cx, pi, span, &sents) {
            cx.push(q);
        }
    }
    for (si, &(ss, se)) in sents.iter().enumerate() {
        // Reported speech needs a cue.
        if !(cx.tok_at(pi, ss)..cx.tok_at(pi, se)).any(|c| cx.starts_cue(pi, c)) {
            continue;
        }
        // Only the paragraph in progress can hold quotes of paragraph `pi`.
        let has_direct = cx.current_quotes().iter().any(|q| {
            q.paragraph == pi && q.kind == QuoteKind::Direct && q.start < se && q.end > ss
        });
        if has_direct {
            continue;
        }
        // Further reported speech after the cue of the last one, nested
        // in its content or following it ("X said A, adding that B").
        // At most `PER_SENTENCE`: nested contents overlap.
        let mut from = 0;
        for _ in 0..PER_SENTENCE {
            let Some((q, next)) = indirect::sentence(cx, pi, si, &sents, &spans, from) else {
                break;
            };
            cx.push(q);
            from = next;
        }
    }
    cx.sort_current();
    cx.paragraph_done();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::testing::Fixture;

    /// The second pass as it runs (taking over the first's results where
    /// they hold) and worked out in full, and the first pass: the quotes
    /// and ranked candidates of each, and how many paragraphs the second
    /// took over.
    fn passes(f: &Fixture) -> [String; 3] {
        f.with_input(|input| {
            let run = |all: bool| {
                let (first, doc) = first(input, DocIndex::build(input), true);
                let found_first = format!("{:?}", (&first.quotes, &first.ranked));
                let known = Known::from_quotes(&first.quotes, input.cues);
                let (mut asked, seeded) = first.asked_about(&known, input.cues);
                let kept = asked.iter().filter(|a| !**a).count();
                if all {
                    asked.fill(true);
                }
                let found = second_where(input, (known, seeded), doc, true, first, &asked);
                [format!("{found:?}"), found_first, kept.to_string()]
            };
            let [taken, first, kept] = run(false);
            [taken, run(true)[0].clone(), format!("{first} {kept}")]
        })
    }

    #[test]
    fn the_second_pass_takes_over_only_what_it_would_find_again() {
        // What the first pass learns (Rizal is cited by his middle name)
        // changes the full name of paragraph 2, and the paragraphs that
        // ask about it; not paragraph 1.
        let f = Fixture::new(
            "Pasar ramai pada hari Minggu.\n“Harga beras turun sejak pekan lalu,” kata Budi Santoso.\n“Pasar dibuka kembali pekan depan,” kata Bupati Sukamaju Muhammad Rizal Pratama.\nPedagang menyambut kabar itu.\n“Pedagang wajib memakai masker,” kata Rizal.",
            &[],
        );
        let [taken, full, first] = passes(&f);
        assert_eq!(taken, full);
        assert!(!first.starts_with(&full), "{first}");
        assert!(taken.contains("\"Muhammad Rizal Pratama\""), "{taken}");
        assert!(!first.ends_with(" 0"), "{first}");
        let f = Fixture::new(
            "The council met on Monday.\n“We will build the bridge,” Hale said.\nTom Hale, the mayor, spoke first.\n“The vote was close,” said Ana Ruiz.\nRuiz said the budget would pass next spring.\n“It is done,” Hale said.",
            &[],
        );
        let [taken, full, _] = passes(&f);
        assert_eq!(taken, full);
    }
}
