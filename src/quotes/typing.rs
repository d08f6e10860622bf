//! The type of a speaker no list holds, from evidence: what its words are
//! (a month, a link line's words, a group of people, an organisation
//! word), what the document says of it (a place it writes `di X`, a listed
//! place of that name) and what the name tagger typed it. Only a PERSON
//! enters the person index that pronouns and enclitics resolve to, so a
//! place or a month taken for a speaker is never handed later quotes.
//! Embedded words from `cues/types.tsv` and `cues/demonyms.tsv`.

use super::context::index::word_key;
use super::context::Context;
use super::model::Speaker;
use super::words::{affixed, is_acronym};
use crate::error::Result;
use crate::gazetteer::EntityType;
use crate::mentions::demonyms::DEFAULT_DEMONYMS;
use crate::mentions::words::for_each_entry;
use rustc_hash::FxHashMap;

/// The embedded list.
pub const DEFAULT_TYPE_WORDS: (&str, &str) =
    ("cues/types.tsv", include_str!("../../cues/types.tsv"));

/// Kinds of words, one bit each (see `cues/types.tsv`).
const TIME: u8 = 1;
const DATE: u8 = 2;
const LINK: u8 = 4;
const GROUP: u8 = 8;
/// A demonym or its plural: a group only as the whole name (`Americans`),
/// since demonyms are surnames too (`Mark Cuban`).
const DEMONYM: u8 = 16;
const THING: u8 = 32;
/// A word ending the names of laws and treaties (`Act`, `Treaty`): what
/// a name so ending names speaks for nobody.
const LAW: u8 = 64;

/// The words that type a speaker no list holds.
#[derive(Debug, Clone, Default)]
pub struct TypeWords {
    /// Word (as written, and in capitals) -> its kinds.
    kinds: FxHashMap<String, u8>,
}

/// What a name's words alone say of what it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordSign {
    /// Nobody: a date (`Christmas Day`), a link line (`READ MORE`), a
    /// number (`20s`).
    Nobody,
    /// A group of people (`Republicans`, `Senate Democrats`, `Americans`).
    Group,
    /// A thing or what deals with it (`Tim Covid`, `Penanganan Covid`,
    /// `Percepatan Penanganan`), not a person: typed as an organisation.
    Thing,
    /// Nothing either way.
    Silent,
}

impl TypeWords {
    /// The embedded lists: `cues/types.tsv`, and the demonyms of
    /// `cues/demonyms.tsv` with their plurals as groups.
    pub fn defaults() -> Result<TypeWords> {
        let mut t = TypeWords::default();
        t.add(DEFAULT_TYPE_WORDS.1, DEFAULT_TYPE_WORDS.0)?;
        let (file, list) = DEFAULT_DEMONYMS;
        for_each_entry(list, file, "demonym\tcountry", |word, _| {
            if !word.contains(char::is_whitespace) {
                t.put(word, DEMONYM);
                t.put(&format!("{word}s"), DEMONYM);
            }
            Ok(())
        })?;
        Ok(t)
    }

    /// Adds the entries of one list (`KIND<TAB>WORD`); `file` names it in
    /// errors.
    pub fn add(&mut self, text: &str, file: &str) -> Result<()> {
        for_each_entry(text, file, "kind\tword", |kind, word| {
            if word.contains(char::is_whitespace) {
                return Err(format!("expected one word, got {word:?}"));
            }
            let bit = match kind {
                "time" => TIME,
                "date" => DATE,
                "link" => LINK,
                "group" => GROUP,
                "thing" => THING,
                "law" => LAW,
                other => {
                    return Err(format!(
                        "unknown kind {other:?} (time, date, link, thing, law, group)"
                    ))
                }
            };
            self.put(word, bit);
            Ok(())
        })
    }

    fn put(&mut self, word: &str, bit: u8) {
        for form in [word.to_string(), word.to_uppercase()] {
            *self.kinds.entry(form).or_default() |= bit;
        }
    }

    fn kinds(&self, word: &str) -> u8 {
        self.kinds.get(word).copied().unwrap_or(0)
    }

    /// What the words of `name` say: nobody when they are all words of a
    /// date (one of them a month, weekday or holiday), all words of link
    /// lines or things, the last a law's (`Affordable Care Act`), or the
    /// name starts with no letter; a group when
    /// its last word names one, or it is a demonym alone; a thing when
    /// its last word names one (`Covid`) or is a noun made from a verb (a
    /// person's name may follow such words: `Tim Covid Budi Santoso`).
    pub fn sign(&self, name: &str) -> WordSign {
        let mut words = name.split_whitespace();
        let Some(first) = words.next() else {
            return WordSign::Nobody;
        };
        if !name.starts_with(char::is_alphabetic) {
            return WordSign::Nobody;
        }
        // One walk over the words: the first's kinds, the last's, and
        // whether every word has one of `all`'s kinds.
        let first_kinds = self.kinds(first);
        let (mut last, mut last_kinds, mut several) = (first, first_kinds, false);
        let mut all = [TIME | DATE, LINK, THING].map(|bits| first_kinds & bits != 0);
        for w in words {
            (last, last_kinds, several) = (w, self.kinds(w), true);
            for (a, bits) in all.iter_mut().zip([TIME | DATE, LINK, THING]) {
                *a &= last_kinds & bits != 0;
            }
        }
        let [all_dated, all_link, all_thing] = all;
        // `Christmas Day`, `Tahun Baru`, but not `Hari` alone (a name too).
        let dated = all_dated && (several || first_kinds & TIME != 0);
        if dated || all_link || all_thing || last_kinds & LAW != 0 {
            WordSign::Nobody
        } else if last_kinds & GROUP != 0 || (!several && first_kinds & DEMONYM != 0) {
            WordSign::Group
        } else if last_kinds & THING != 0 || nominal(last) {
            WordSign::Thing
        } else {
            WordSign::Silent
        }
    }
}

/// An Indonesian noun made from a verb (`Penanganan`, `Percepatan`,
/// `Pencegahan`): ten letters or more with its affixes, never a name.
fn nominal(w: &str) -> bool {
    w.chars().count() >= 10 && affixed(w)
}

/// Is `name` a party and state (`R-Ohio`, `D-N.Y`, `I-Vt`): what follows
/// a lawmaker's name, never anyone's name?
fn party_state(name: &str) -> bool {
    let Some(state) = ["R-", "D-", "I-"].iter().find_map(|p| name.strip_prefix(p)) else {
        return false;
    };
    state.starts_with(|c: char| c.is_ascii_uppercase())
        && state.chars().all(|c| c.is_ascii_alphabetic() || c == '.')
}

/// What tells the type of an unlisted speaker, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Evidence {
    /// What its words say.
    pub words: WordSign,
    /// A word of it makes names organisations' (`Partai`, `Dewan`, `Inc`),
    /// or it is an acronym (`RCMP`).
    pub org_word: bool,
    /// The document names a listed place or country so.
    pub place: Option<EntityType>,
    /// The type the name tagger gave it.
    pub tagged: Option<EntityType>,
    /// The document writes it after a locative (`di Cilandak`); weaker
    /// than the tagger (`dari Budi` is from a person).
    pub locative: bool,
}

impl Evidence {
    /// The type, or None when the name names nobody. A person only when
    /// nothing tells otherwise.
    pub fn kind(&self) -> Option<EntityType> {
        Some(match self {
            Evidence {
                words: WordSign::Nobody,
                ..
            } => return None,
            Evidence { org_word: true, .. }
            | Evidence {
                words: WordSign::Group | WordSign::Thing,
                ..
            } => EntityType::Organization,
            Evidence { place: Some(k), .. } => *k,
            Evidence {
                tagged: Some(k), ..
            } => *k,
            Evidence { locative: true, .. } => EntityType::Location,
            _ => EntityType::Person,
        })
    }
}

impl Context<'_> {
    /// The type of the unlisted speaker `name`, named by the words
    /// `surface` at byte `pos`; None when the name names nobody.
    pub fn unlisted_kind(&self, name: &str, surface: &str, pos: usize) -> Option<EntityType> {
        // It depends on the document alone: worked out once per name and
        // place, for every quote and both passes.
        let key = (pos, surface.len(), word_key(name));
        self.doc()
            .names
            .kind(key, || self.unlisted_kind_uncached(name, surface, pos))
    }

    fn unlisted_kind_uncached(&self, name: &str, surface: &str, pos: usize) -> Option<EntityType> {
        if party_state(name) {
            return None;
        }
        let input = self.input();
        let mut evidence = Evidence {
            words: input.types.sign(name),
            // An acronym alone (`RCMP`, `NAACP`) names an organisation.
            org_word: is_acronym(name)
                || name.split_whitespace().any(|w| input.cues.is_org_type(w)),
            place: self.place_named(name),
            tagged: None,
            locative: false,
        };
        // The weaker evidence only counts when the stronger settles
        // nothing: only then is it looked for.
        if evidence.words == WordSign::Silent && !evidence.org_word && evidence.place.is_none() {
            evidence.tagged = self.tagged(name, surface, pos);
            evidence.locative =
                !name.contains(char::is_whitespace) && self.doc().places().contains(name);
        }
        evidence.kind()
    }

    /// Is `s` an unlisted group of people (`Republicans`)? A sentence's
    /// subject, though no person.
    pub fn is_group(&self, s: &Speaker) -> bool {
        s.entity.is_none() && self.input().types.sign(&s.name) == WordSign::Group
    }

    /// The type of the listed place or country the document names `name`
    /// (elsewhere: not where it is a speaker).
    fn place_named(&self, name: &str) -> Option<EntityType> {
        if name.contains(char::is_whitespace) {
            return None;
        }
        // Indexed once per document: a scan of every mention per speaker
        // cost long documents most.
        self.doc().place_named(name)
    }

    /// The type the tagger gave the words `surface` at byte `pos` (a
    /// `model` name overlapping them). A person, whatever it typed there,
    /// when it took the name or those words for a person anywhere in the
    /// document (its organisations and places are the least sure); and
    /// when the words are part of a fuller name (`DuVernay` of `Ava
    /// DuVernay`, as people are cited), only its type of the fuller name
    /// counts.
    fn tagged(&self, name: &str, surface: &str, pos: usize) -> Option<EntityType> {
        let text = self.text();
        let names = self.input().names;
        let i = names.partition_point(|n| n.end <= pos);
        let mut here = names
            .get(i)
            .filter(|n| n.start < pos + surface.len())
            .map(|n| n.kind);
        if name.split_whitespace().count() > surface.split_whitespace().count() {
            here = names.iter().find(|n| n.name == name).map(|n| n.kind);
        }
        let here = here?;
        let a_person = || {
            names.iter().any(|n| {
                n.kind == EntityType::Person && (n.name == name || &text[n.start..n.end] == surface)
            })
        };
        Some(if here != EntityType::Person && a_person() {
            EntityType::Person
        } else {
            here
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::testing::{person, Fixture};

    /// The quote starting with `words`: (speaker, type, method).
    fn said_by(f: &Fixture, words: &str) -> (String, String, String) {
        let qs = f.quotes();
        let q = qs.iter().find(|q| q.0.starts_with(words));
        let q = q.unwrap_or_else(|| panic!("no quote {words:?} in {qs:?}"));
        (q.1.clone(), q.2.clone(), q.3.clone())
    }

    fn row(speaker: &str, kind: &str, method: &str) -> (String, String, String) {
        (speaker.into(), kind.into(), method.into())
    }

    #[test]
    fn a_place_the_tagger_found_is_no_person_and_no_pronoun_stands_for_it() {
        let text = "Anna Berg drove to the coast.\n\
                    “The ferry will run,” Nova Scotia said.\n\
                    “It is late,” she said.";
        let f = Fixture::new(text, &[person("Anna Berg")]);
        // Without the tagger's word, the place is taken for a person and
        // handed the pronoun's quote.
        assert_eq!(
            said_by(&f, "It is"),
            row("Nova Scotia", "PERSON", "last-speaker")
        );
        let f = f.tagged(&[("Nova Scotia", EntityType::Location)]);
        assert_eq!(
            said_by(&f, "The ferry"),
            row("Nova Scotia", "LOCATION", "cue-after")
        );
        assert_eq!(
            said_by(&f, "It is"),
            row("Anna Berg", "PERSON", "last-speaker")
        );
    }

    #[test]
    fn a_month_or_a_number_is_nobody_and_a_group_is_no_person() {
        let text = "Anna Berg spoke first.\n\
                    “We are ready,” May said.\n\
                    “The vote is close,” Republicans said.\n\
                    “I was wrong,” she said.";
        // The rules' choice (the fitted ranker weighs nearby people
        // besides): what the words type, not how the ranker weighs them.
        let f = Fixture::new(text, &[person("Anna Berg")])
            .with_speaker_weights(&[("first", 1.0), ("nobody", 0.5)]);
        assert_eq!(said_by(&f, "We are"), row("", "", ""));
        assert_eq!(
            said_by(&f, "The vote"),
            row("Republicans", "ORGANIZATION", "cue-after")
        );
        assert_eq!(
            said_by(&f, "I was"),
            row("Anna Berg", "PERSON", "last-speaker")
        );
    }

    #[test]
    fn a_group_is_still_the_subject_its_sentence_reports() {
        let text = "Anna Berg chaired the meeting.\n\
                    Democrats described the vote as rushed and said the panel itself might be damaged by it.\n\
                    “We lost,” she said.";
        let f = Fixture::new(text, &[person("Anna Berg")]);
        assert_eq!(
            said_by(&f, "the panel"),
            row("Democrats", "ORGANIZATION", "reported")
        );
        assert_eq!(
            said_by(&f, "We lost"),
            row("Anna Berg", "PERSON", "last-speaker")
        );
    }

    #[test]
    fn an_acronym_alone_is_an_organisation() {
        let text = "Anna Berg drove to the depot.\n\
                    “Officers were sent,” RCMP said.\n\
                    “It is late,” she said.";
        let f = Fixture::new(text, &[person("Anna Berg")]);
        assert_eq!(
            said_by(&f, "Officers"),
            row("RCMP", "ORGANIZATION", "cue-after")
        );
        assert_eq!(
            said_by(&f, "It is"),
            row("Anna Berg", "PERSON", "last-speaker")
        );
    }

    #[test]
    fn a_word_the_document_writes_after_di_is_a_place() {
        let text = "Banjir melanda rumah warga di Cilandak.\n\
                    “Air naik sejak pagi,” kata Cilandak.";
        let f = Fixture::new(text, &[]);
        assert_eq!(
            said_by(&f, "Air naik"),
            row("Cilandak", "LOCATION", "cue-after")
        );
        // `dari Budi` is from a person when the tagger says so.
        let text = "Surat itu datang dari Budi.\n\
                    “Kami siap,” kata Budi.";
        let f = Fixture::new(text, &[]).tagged(&[("Budi", EntityType::Person)]);
        assert_eq!(said_by(&f, "Kami"), row("Budi", "PERSON", "cue-after"));
    }

    #[test]
    fn the_tagger_typing_a_person_otherwise_elsewhere_keeps_the_person() {
        let text = "Ava Moreno directed the film.\n\
                    “It took years,” Moreno said.\n\
                    “We ran out of money,” she said.";
        // The tagger took `Moreno` alone for an organisation, `Ava Moreno`
        // for a person.
        let f = Fixture::new(text, &[]).tagged(&[
            ("Ava Moreno", EntityType::Person),
            ("Moreno", EntityType::Organization),
        ]);
        assert_eq!(
            said_by(&f, "It took"),
            row("Ava Moreno", "PERSON", "cue-after")
        );
        assert_eq!(
            said_by(&f, "We ran"),
            row("Ava Moreno", "PERSON", "last-speaker")
        );
        // Alone, the tagger's organisation stands.
        let text = "“Prices rise,” Sirius Capital said.";
        let f = Fixture::new(text, &[]).tagged(&[("Sirius Capital", EntityType::Organization)]);
        assert_eq!(
            said_by(&f, "Prices"),
            row("Sirius Capital", "ORGANIZATION", "cue-after")
        );
    }

    fn words() -> TypeWords {
        TypeWords::defaults().unwrap()
    }

    #[test]
    fn dates_link_lines_and_numbers_name_nobody() {
        let t = words();
        for name in [
            "May",
            "Christmas Day",
            "Hari Natal",
            "Senin",
            "READ MORE",
            "Baca Juga",
            "20s",
            "Tahun Baru",
            "Pandemi Covid",
            "Affordable Care Act",
            "Trans-Pacific Partnership",
            "Paris Agreement",
        ] {
            assert_eq!(t.sign(name), WordSign::Nobody, "{name}");
        }
        // A date word alone, or beside a name, may be a name's.
        for name in ["Hari", "Theresa May", "Hari Tanoesoedibjo", "New Day Smith"] {
            assert_eq!(t.sign(name), WordSign::Silent, "{name}");
        }
    }

    #[test]
    fn groups_are_named_by_their_last_word_and_demonyms() {
        let t = words();
        for name in [
            "Republicans",
            "Senate Democrats",
            "Americans",
            "Liberals",
            "Mexicans",
        ] {
            assert_eq!(t.sign(name), WordSign::Group, "{name}");
        }
        for name in ["Muslim", "Christian Bale", "Ahmad Dahlan", "Mark Cuban"] {
            assert_eq!(t.sign(name), WordSign::Silent, "{name}");
        }
    }

    #[test]
    fn names_of_things_and_nouns_made_from_verbs_are_no_persons() {
        let t = words();
        for name in ["Tim Covid", "Percepatan Penanganan Covid", "Tim Penanganan"] {
            assert_eq!(t.sign(name), WordSign::Thing, "{name}");
        }
        for name in [
            "Sebastian Vettel",
            "Hendra Setiawan",
            "Tim Covid Budi Santoso",
        ] {
            assert_eq!(t.sign(name), WordSign::Silent, "{name}");
        }
    }

    #[test]
    fn evidence_types_in_order_and_a_person_only_when_nothing_tells_otherwise() {
        let e = Evidence {
            words: WordSign::Silent,
            org_word: false,
            place: None,
            tagged: None,
            locative: false,
        };
        assert_eq!(e.kind(), Some(EntityType::Person));
        let tagged = |k| Evidence {
            tagged: Some(k),
            ..e
        };
        assert_eq!(
            tagged(EntityType::Location).kind(),
            Some(EntityType::Location)
        );
        assert_eq!(
            tagged(EntityType::Organization).kind(),
            Some(EntityType::Organization)
        );
        // The tagger beats a locative before the word; a listed place
        // beats the tagger.
        let after_di = Evidence {
            locative: true,
            ..e
        };
        assert_eq!(after_di.kind(), Some(EntityType::Location));
        let vouched = Evidence {
            tagged: Some(EntityType::Person),
            ..after_di
        };
        assert_eq!(vouched.kind(), Some(EntityType::Person));
        let placed = Evidence {
            place: Some(EntityType::Country),
            ..tagged(EntityType::Person)
        };
        assert_eq!(placed.kind(), Some(EntityType::Country));
        // Words beat both.
        let group = Evidence {
            words: WordSign::Group,
            ..placed
        };
        assert_eq!(group.kind(), Some(EntityType::Organization));
        let org = Evidence {
            org_word: true,
            ..placed
        };
        assert_eq!(org.kind(), Some(EntityType::Organization));
        let nobody = Evidence {
            words: WordSign::Nobody,
            ..org
        };
        assert_eq!(nobody.kind(), None);
    }

    #[test]
    fn a_party_and_state_names_nobody() {
        for name in ["R-Ohio", "D-N.Y", "I-Vt", "D-Calif."] {
            assert!(party_state(name), "{name}");
        }
        for name in ["A-Rod", "R-", "D-day", "Ohio", "Jean-Marc"] {
            assert!(!party_state(name), "{name}");
        }
    }

    #[test]
    fn a_bad_kind_is_an_error_naming_its_line() {
        let mut t = TypeWords::default();
        let err = t.add("kind\tword\nweekday\tSenin\n", "x.tsv").unwrap_err();
        assert!(err.to_string().contains("x.tsv"), "{err}");
        assert!(t.add("time\ttwo words\n", "x.tsv").is_err());
    }
}
