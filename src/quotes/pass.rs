//! One pass over a document: each paragraph's quoted spans, then its
//! reported speech, in text order; the only code that adds quotes to the
//! [`Context`].

use super::context::index::DocIndex;
use super::context::known::Known;
use super::context::{Context, Ranked};
use super::indirect;
use super::model::{Quote, QuoteInput, QuoteKind};
use super::quoted::quoted;

/// Most indirect quotes one sentence gives.
const PER_SENTENCE: usize = 2;

/// The quotes of one pass, the candidates ranked for its quoted spans
/// (when `record`; else none), and the document index for another.
pub fn run<'a>(
    input: &'a QuoteInput<'a>,
    known: Known,
    doc: DocIndex<'a>,
    record: bool,
) -> (Vec<Quote>, Vec<Ranked>, DocIndex<'a>) {
    let mut cx = Context::new(input, known, doc);
    if record {
        cx = cx.recording();
    }
    for pi in 0..input.paragraphs.len() {
        // Headlines and the lines that are not body text yield no quotes,
        // nor paragraphs with neither a quoted span nor a cue.
        if !cx.may_quote(pi) {
            continue;
        }
        let spans = cx.doc_spans(pi).to_vec();
        let sents = cx.sentences(pi).to_vec();
        for span in &spans {
            if let Some(q) = quoted(&cx, pi, span, &sents) {
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
                let Some((q, next)) = indirect::sentence(&cx, pi, si, &sents, &spans, from) else {
                    break;
                };
                cx.push(q);
                from = next;
            }
        }
        cx.sort_current();
        cx.paragraph_done();
    }
    cx.finish()
}
