//! Unit tests of the span filters.

use super::*;
use crate::tokens::{tokenize, WordBuf};

fn toks_of(text: &str) -> Vec<Token> {
    tokenize(text)
}

fn words_of(text: &str) -> WordBuf {
    WordBuf::of_tokens(text, &tokenize(text))
}

#[test]
fn credit_and_capitalised_lines_are_recognised() {
    let t = "By Anna Smith";
    assert!(is_credit_line(t, &toks_of(t)));
    let t = "Budi went home, said Anna Smith.";
    assert!(!is_credit_line(t, &toks_of(t)));
    let t = "Article Continued Below";
    assert!(is_capitalised_line(words_of(t).words()));
    let t = "Budi went home, said Anna Smith.";
    assert!(!is_capitalised_line(words_of(t).words()));
    let t = "Rain fell (Anna Smith/Reuters) today";
    let tk = toks_of(t);
    let s = Span {
        start: 2,
        end: 4,
        kind: EntityType::Person,
        margin: 0,
    };
    assert!(is_credit(t, &tk, s));
    assert!(!is_credit(
        t,
        &tk,
        Span {
            start: 0,
            end: 1,
            ..s
        }
    ));
}

#[test]
fn a_lone_word_is_vouched_for_by_titles_and_cues() {
    let lex = Lexicon::new();
    let t = "kata Budi kemarin, Presiden Andi, lalu Sinta pergi";
    let tk = words_of(t);
    let lone = |i| Span {
        start: i,
        end: i + 1,
        kind: EntityType::Person,
        margin: 0,
    };
    assert!(context_says_person(&lex, tk.words(), lone(1)));
    assert!(context_says_person(&lex, tk.words(), lone(4)));
    assert!(!context_says_person(&lex, tk.words(), lone(6)));
    let t = "Then Smith said no";
    assert!(context_says_person(&lex, words_of(t).words(), lone(1)));
}

#[test]
fn events_and_lone_head_words_are_no_names() {
    let lex = Lexicon::new();
    let t = "Liga Champions PT Telkom Persero III";
    let tk = words_of(t);
    let tk = tk.words();
    assert!(!is_name_like(&lex, t, tk.slice(0, 2)));
    assert!(is_name_like(&lex, t, tk.slice(2, 4)));
    assert!(!is_name_like(&lex, t, tk.slice(2, 3)));
    assert!(is_name_like(&lex, t, tk.slice(3, 4)));
    assert!(!is_name_like(&lex, t, tk.slice(5, 6)));
}

#[test]
fn connectors_at_the_edges_of_a_span_are_dropped() {
    let t = "of House of Commons and";
    let tk = words_of(t);
    let span = |start, end| Span {
        start,
        end,
        kind: EntityType::Organization,
        margin: 0,
    };
    assert_eq!(trimmed(tk.words(), span(0, 5)), Some(span(1, 4)));
    assert_eq!(trimmed(tk.words(), span(0, 1)), None);
}

/// A mention's words are the paragraph's own only when the mention is
/// made of whole words (else they are split from its text).
#[test]
fn whole_words_only_where_a_range_cuts_no_word() {
    let t = "di U.S. Steel, Bank\u{200B}Mandiri dan Jakarta";
    let w = words_of(t);
    let at = |s: &str| t.find(s).unwrap();
    let range = |s: &str| whole_words(t, w.words(), at(s), at(s) + s.len()).map(|x| (x.1, x.2));
    assert_eq!(range("U.S. Steel"), Some((1, 4)));
    assert_eq!(range("U.S."), Some((1, 3)));
    assert_eq!(range("Jakarta"), Some((6, 7)));
    assert_eq!(range("akarta"), None, "cut at its start");
    assert_eq!(range("Jakart"), None, "cut at its end");
    assert_eq!(
        range("Bank\u{200B}Mandiri"),
        None,
        "joined over an invisible char"
    );
    assert_eq!(range(", "), None, "no word");
}

#[test]
fn shouting_is_no_name_but_an_acronym_alone_may_be() {
    let t = "READ MORE KPU";
    let tk = toks_of(t);
    assert!(is_shouted(t, &tk[0..2]));
    assert!(!is_shouted(t, &tk[2..3]));
}
