//! Indirect quotes: reported speech without quotation marks.
//!
//! - `X mengatakan (bahwa) …`, `X said (that) …`: content after the cue;
//! - `…, X said.`, `…, kata X.`, `…, ujarnya.`: content before the comma;
//! - `Menurut X, …`, `According to X, …`, `…, according to X.`;
//! - `… . Demikian diungkapkan X`: the previous sentence, said by X.
//!
//! A sentence gives up to two indirect quotes, the second after the cue of
//! the first (nested reported speech: "X said Y believes Z" gives X's and
//! Y's), and only when its speaker (or a pronoun, description or unnamed
//! source for one) is found.

use super::context::Context;
use super::cues::CueKind;
use super::marks::Span;
use super::model::{Method, Reference, Speaker};
use super::{Quote, QuoteKind};

/// Minimum words of reported content.
const MIN_WORDS: usize = 4;

struct Content {
    start: usize,
    end: usize,
}

pub fn sentence(
    ex: &Context,
    pi: usize,
    si: usize,
    sents: &[(usize, usize)],
    spans: &[Span],
    from: usize,
) -> Option<(Quote, usize)> {
    let text = ex.input().text;
    let (ss, se) = sents[si];
    let p = ex.input().paragraphs[pi];
    let toks = p.tokens;
    let cues = ex.input().cues;
    let first = ex.tok_at(pi, ss);
    let last = ex.tok_at(pi, se);
    let count = |a: usize, b: usize| ex.tok_at(pi, b) - ex.tok_at(pi, a);
    // After an earlier quote of the sentence, only content after its cue
    // (or in the sentence before: "… . Demikian diungkapkan X").
    let after = if from > first {
        toks.get(from).map_or(se, |t| t.start)
    } else {
        ss
    };
    let make = |c: Content, speaker: Option<Speaker>, cue: &str, method: Option<Method>| {
        let (start, end) = trim_content(text, c.start, c.end);
        let placed = start >= after || start < ss;
        (count(start, end) >= MIN_WORDS && !starts_quoted(spans, start) && placed).then(|| Quote {
            start,
            end,
            kind: QuoteKind::Indirect,
            paragraph: pi,
            speaker,
            cue: cue.to_string(),
            method,
        })
    };
    for c in first.max(from)..last {
        let Some(hit) = ex.cue_at(pi, c) else {
            continue;
        };
        if hit.end > last {
            continue;
        }
        let cue = &text[toks[hit.start].start..toks[hit.end - 1].end];
        let comma_before = text[ss..toks[c].start].trim_end().ends_with(',');
        let comma_pos = text[ss..toks[c].start].rfind(',').map(|i| ss + i);
        match hit.kind {
            CueKind::Verb => {
                // "Trump attacked the plan, saying it …": the sentence's
                // subject says it.
                let participle = hit.end == c + 1 && cue.ends_with("ing") && comma_before;
                let subject = || {
                    participle
                        .then(|| ex.first_name(pi, first, c))
                        .flatten()
                        .map(|s| (s, Reference::Name))
                };
                if let Some((speaker, method)) =
                    subject().or_else(|| ex.np_backward(pi, first, c, toks[c].start))
                {
                    // Content after the cue (skipping an object up to `that`).
                    let mut k = hit.end;
                    for (j, &t) in toks
                        .iter()
                        .enumerate()
                        .take((hit.end + 6).min(last))
                        .skip(hit.end)
                    {
                        if cues.is_that(ex_word(text, t)) {
                            k = j + 1;
                            break;
                        }
                    }
                    let after = toks.get(k).map_or(se, |t| t.start).min(se);
                    if let Some(q) = make(
                        Content {
                            start: after,
                            end: se,
                        },
                        Some(speaker.clone()),
                        cue,
                        Some(method.method(Method::Reported)),
                    ) {
                        return Some((q, hit.end));
                    }
                    // "…, Obama said." (not "Wang Yi, China's top diplomat,
                    // welcomed what he called …": a relative before the
                    // speaker).
                    let only_speaker = |cp: usize| {
                        (ex.tok_at(pi, cp)..c).all(|j| {
                            !matches!(
                                ex_word(text, toks[j]),
                                "what" | "which" | "who" | "whom" | "as" | "apa" | "yang"
                            )
                        })
                    };
                    if let Some(cp) = comma_pos.filter(|&cp| only_speaker(cp)) {
                        if let Some(q) = make(
                            Content { start: ss, end: cp },
                            Some(speaker),
                            cue,
                            Some(method.method(Method::Reported)),
                        ) {
                            return Some((q, hit.end));
                        }
                    }
                } else if comma_before && c > first {
                    // "…, said Obama." / "…, kata Retno."
                    if let Some(speaker) = ex.np_forward(pi, hit.end) {
                        let cp = comma_pos.unwrap_or(toks[c].start);
                        if let Some(q) = make(
                            Content { start: ss, end: cp },
                            Some(speaker),
                            cue,
                            Some(Method::Reported),
                        ) {
                            return Some((q, hit.end));
                        }
                    }
                } else if let Some(s0) = unnamed_source(ex, pi, first, c).filter(|_| {
                    // "… was reported by The Post": a passive, not a source.
                    toks.get(hit.end)
                        .is_none_or(|&t| !ex_word(text, t).eq_ignore_ascii_case("by"))
                }) {
                    // "Sources said the …" / "…, a campaign aide said.":
                    // reported speech whose source names nobody.
                    let content = if s0 == first {
                        let mut k = hit.end;
                        if toks.get(k).is_some_and(|&t| cues.is_that(ex_word(text, t))) {
                            k += 1;
                        }
                        Content {
                            start: toks.get(k).map_or(se, |t| t.start).min(se),
                            end: se,
                        }
                    } else {
                        Content {
                            start: ss,
                            end: toks[s0 - 1].end,
                        }
                    };
                    if let Some(q) = make(content, None, cue, None) {
                        return Some((q, hit.end));
                    }
                }
            }
            CueKind::According => {
                let speaker = ex.np_forward(pi, hit.end);
                speaker.as_ref()?;
                if comma_before {
                    let cp = comma_pos.unwrap_or(toks[c].start);
                    return make(
                        Content { start: ss, end: cp },
                        speaker,
                        cue,
                        Some(Method::According),
                    )
                    .map(|q| (q, hit.end));
                }
                // "Menurut X, …": content after the next comma.
                let rest = &text[toks[hit.end.min(last - 1)].start..se];
                let comma = rest.find(',')?;
                let start = toks[hit.end.min(last - 1)].start + comma + 1;
                return make(
                    Content { start, end: se },
                    speaker,
                    cue,
                    Some(Method::According),
                )
                .map(|q| (q, hit.end));
            }
            CueKind::Backref => {
                let mut k = hit.end;
                if toks
                    .get(k)
                    .is_some_and(|t| ex_word(text, *t).eq_ignore_ascii_case("oleh"))
                {
                    k += 1;
                }
                let speaker = ex.np_forward(pi, k)?;
                let (ps, pe) = previous_sentence(ex, pi, si, sents)?;
                let ps = strip_dateline(text, ps, pe);
                return make(
                    Content { start: ps, end: pe },
                    Some(speaker),
                    cue,
                    Some(Method::Backref),
                )
                .map(|q| (q, hit.end));
            }
            CueKind::Enclitic => {
                if comma_before {
                    let cp = comma_pos.unwrap_or(toks[c].start);
                    let speaker = ex.subject_person(toks[c].start);
                    return make(
                        Content { start: ss, end: cp },
                        speaker,
                        cue,
                        Some(Method::Enclitic),
                    )
                    .map(|q| (q, hit.end));
                }
            }
            CueKind::Statement => {}
        }
    }
    None
}

/// The start of a source that names nobody, right before the cue at `c`:
/// one to five lowercase words ("sources", "a campaign aide", "the poll"),
/// maybe with capitalised modifiers ("A Bloomberg poll", "Clinton
/// supporters"), opening the sentence or following a comma.
fn unnamed_source(ex: &Context, pi: usize, first: usize, c: usize) -> Option<usize> {
    let text = ex.input().text;
    let toks = ex.input().paragraphs[pi].tokens;
    let cues = ex.input().cues;
    let mut s = c;
    let mut lowercase = false;
    while s > first && c - s < 5 {
        let w = ex_word(text, toks[s - 1]);
        let lower = w.chars().next().is_some_and(char::is_lowercase);
        let article = s - 1 == first
            && (matches!(
                w,
                "The" | "A" | "An" | "Sources" | "Officials" | "It" | "They"
            ) || cues.is_pronoun(w));
        // "A Bloomberg poll", "Clinton supporters": a capitalised word
        // within a description.
        let modifier = !lower && lowercase && w.chars().all(char::is_alphanumeric);
        if !(lower || article || modifier) || cues.is_that(w) {
            break;
        }
        lowercase |= lower;
        // "Connecticut's tax commissioner": a possessive.
        let gap = &text[toks[s - 1].end..toks[s].start];
        let possessive = matches!(gap, "'" | "’") && ex_word(text, toks[s]) == "s";
        if s < c && !gap.chars().all(char::is_whitespace) && !possessive {
            break;
        }
        s -= 1;
    }
    if s == c {
        return None;
    }
    let opens = s == first || text[toks[s - 1].end..toks[s].start].contains(',');
    opens.then_some(s)
}

fn ex_word(text: &str, t: crate::tokens::Token) -> &str {
    &text[t.start..t.end]
}

fn starts_quoted(spans: &[Span], start: usize) -> bool {
    spans
        .iter()
        .any(|s| s.open <= start && start < s.inner_start + 1)
}

/// The sentence before sentence `si`: in the same paragraph, or the last
/// sentence of the previous paragraph.
fn previous_sentence(
    ex: &Context,
    pi: usize,
    si: usize,
    sents: &[(usize, usize)],
) -> Option<(usize, usize)> {
    if si > 0 {
        return Some(sents[si - 1]);
    }
    let prev = pi.checked_sub(1)?;
    let p = &ex.input().paragraphs[prev];
    if p.title {
        return None;
    }
    ex.sentences(prev).last().copied()
}

/// Skips a dateline at the start of a paragraph: `BEIJING - `, `JAKARTA, KOMPAS.com - `.
fn strip_dateline(text: &str, start: usize, end: usize) -> usize {
    let s = &text[start..end];
    for dash in [" - ", " – ", " — "] {
        if let Some(i) = s.find(dash) {
            let head = &s[..i];
            if i <= 60
                && head
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .take(3)
                    .all(char::is_uppercase)
            {
                return start + i + dash.len();
            }
        }
    }
    start
}

/// Trims spaces, leading commas and the final period from content.
fn trim_content(text: &str, start: usize, end: usize) -> (usize, usize) {
    let s = &text[start..end];
    let lead = s.len()
        - s.trim_start_matches(|c: char| c.is_whitespace() || c == ',' || c == ':')
            .len();
    let body = s.trim_end_matches(|c: char| c.is_whitespace() || ".!?,;:".contains(c));
    (start + lead, (start + body.len()).max(start + lead))
}
