//! The report of a run: the four tables of `kutip extract` read back and
//! summed up into the figures people look at first (who dominates the
//! coverage, who is quoted, who appears with whom, what the lists miss).
//!
//! [`Figures::read`] streams the tables of an output folder; [`html::render`]
//! turns the figures into one self-contained HTML page (inline CSS and SVG
//! from [`svg`], no script, no network).
//!
//! Tables are read with their schema ([`crate::tables::for_each_row`]): a
//! UTF-8 byte order mark (`--excel`) is dropped, and a `'` that `kutip
//! extract` put before a formula-like cell is removed again.
//!
//! ```
//! let dir = tempfile::tempdir().unwrap();
//! let tables = [
//!     ("documents.csv", "doc_id,lang,mentions,quotes,status\nd1,en,1,1,ok\n"),
//!     ("mentions.csv", "doc_id,entity_id,entity,type,method\nd1,Q1,Wang Yi,PERSON,gazetteer\n"),
//!     ("entities.csv", "doc_id,entity_id,entity,type,mentions,quotes\nd1,Q1,Wang Yi,PERSON,1,1\n"),
//!     ("quotes.csv", "doc_id,quote_id,kind,text,speaker_id,speaker,speaker_type\nd1,q1,direct,Hello,Q1,Wang Yi,PERSON\n"),
//! ];
//! for (name, text) in tables {
//!     std::fs::write(dir.path().join(name), text).unwrap();
//! }
//! let f = kutip::report::Figures::read(dir.path(), &Default::default()).unwrap();
//! assert_eq!((f.documents, f.mentions, f.quotes), (1, 1, 1));
//! assert_eq!(f.speakers[0].name, "Wang Yi");
//! let page = kutip::report::html::render(&f, "run");
//! assert!(page.contains("id=\"n-quotes\" data-value=\"1\""));
//! ```

pub mod html;
mod names;
pub mod svg;

use crate::error::{Error, Result};
use crate::gazetteer::EntityType;
use crate::tables::{for_each_row, DocumentRow, EntityRow, MentionRow, QuoteRow, Status, Table};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// Entity types in the order the report shows them.
pub const TYPES: [EntityType; 4] = [
    EntityType::Person,
    EntityType::Organization,
    EntityType::Country,
    EntityType::Location,
];

/// Quote kinds in the order the report shows them (others follow, sorted).
pub const KINDS: [&str; 3] = ["direct", "partial", "indirect"];

/// How much the report shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Bars per chart and speakers listed.
    pub top: usize,
    /// Example quotes per speaker (unattributed examples: at least 5).
    pub examples: usize,
    /// Entities in the co-occurrence matrix.
    pub matrix: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            top: 10,
            examples: 3,
            matrix: 12,
        }
    }
}

/// Reads a table of an output folder; `required`: the columns the report
/// cannot do without.
fn read_table<T: Table>(dir: &Path, required: &[&str], each: impl FnMut(T)) -> Result<()> {
    let path = dir.join(T::FILE);
    let file = std::fs::File::open(&path).map_err(|e| Error::io(&path, e))?;
    for_each_row(std::io::BufReader::new(file), &path, required, each)
}

/// One entity summed over the run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EntityStat {
    /// Gazetteer id; empty for a speaker no list knows.
    pub id: String,
    pub name: String,
    pub kind: EntityType,
    /// Documents it appears in (rows of entities.csv).
    pub documents: usize,
    pub mentions: usize,
    /// Quotes attributed to it.
    pub quotes: usize,
}

impl EntityStat {
    /// A stable key: the id, or the type and name of an unlisted entity.
    pub fn key(&self) -> String {
        entity_key(&self.id, self.kind.as_str(), &self.name)
    }
}

fn entity_key(id: &str, kind: &str, name: &str) -> String {
    if id.is_empty() {
        format!("{kind}:{name}")
    } else {
        id.to_string()
    }
}

/// The top entities of one type.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TypeTop {
    pub kind: EntityType,
    /// Distinct entities of this type in the run.
    pub entities: usize,
    /// Most documents first (then mentions, then name).
    pub by_documents: Vec<EntityStat>,
    /// Most mentions first (then documents, then name).
    pub by_mentions: Vec<EntityStat>,
}

/// A quote shown as an example.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuoteExample {
    pub doc_id: String,
    pub quote_id: String,
    pub kind: String,
    pub text: String,
}

/// A speaker summed over the run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Speaker {
    /// Gazetteer id; empty when no list knows the speaker.
    pub id: String,
    pub name: String,
    /// `None` when quotes.csv gives no type.
    pub kind: Option<EntityType>,
    pub quotes: usize,
    /// Quotes per kind (`direct`, `partial`, `indirect`).
    pub by_kind: BTreeMap<String, usize>,
    /// Documents quoting it (counted as quotes.csv gives them: grouped by
    /// document, in input order).
    pub documents: usize,
    /// The first quotes of the run, in table order.
    pub examples: Vec<QuoteExample>,
    /// Other names of an unlisted speaker grouped under this one across
    /// documents (`Obama` under `Barack Obama`).
    pub also: Vec<String>,
}

impl Speaker {
    /// Its type as tables name it (empty when unknown).
    pub fn kind_name(&self) -> &'static str {
        self.kind.map_or("", EntityType::as_str)
    }
}

/// Pairs of top entities counted per document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cooccurrence {
    /// The entities, most documents first.
    pub entities: Vec<EntityStat>,
    /// `counts[i][j]`: documents where entities `i` and `j` both appear;
    /// `counts[i][i]` is the documents of entity `i`.
    pub counts: Vec<Vec<usize>>,
}

/// Everything the report shows, computed from the tables of one run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Figures {
    /// Rows of documents.csv.
    pub documents: usize,
    pub ok: usize,
    pub skipped: usize,
    pub error: usize,
    /// Documents per language (`""` when unsure), most first.
    pub languages: Vec<(String, usize)>,
    /// Rows of mentions.csv.
    pub mentions: usize,
    /// Mentions per method (`gazetteer`, `acronym`, `short-form`), most first.
    pub mention_methods: Vec<(String, usize)>,
    /// Distinct entities (by id, or type and name when unlisted).
    pub entities: usize,
    /// Rows of quotes.csv.
    pub quotes: usize,
    /// Quotes per kind, in [`KINDS`] order then others.
    pub quote_kinds: Vec<(String, usize)>,
    /// Top entities, per type in [`TYPES`] order.
    pub types: Vec<TypeTop>,
    /// Most quoted speakers first (then name).
    pub speakers: Vec<Speaker>,
    /// Distinct speakers with at least one quote.
    pub speaker_count: usize,
    pub cooccurrence: Cooccurrence,
    /// Quotes with no speaker.
    pub unattributed: usize,
    pub unattributed_examples: Vec<QuoteExample>,
    /// Speakers no list knows (empty `speaker_id`), most quoted first.
    pub unlisted_speakers: Vec<Speaker>,
    /// Distinct speakers no list knows (all of them; `unlisted_speakers`
    /// holds the first few).
    pub unlisted_speaker_count: usize,
    /// Quotes of those speakers.
    pub unlisted_quotes: usize,
    /// Sum of the `mentions` column of documents.csv (equals `mentions`
    /// for a complete run).
    pub documents_mentions: usize,
    /// Sum of the `quotes` column of documents.csv.
    pub documents_quotes: usize,
}

#[derive(Default)]
struct SpeakerAcc {
    speaker: Speaker,
    last_doc: Option<String>,
    /// The documents quoting it (to count them exactly when grouped).
    docs: std::collections::BTreeSet<String>,
}

impl Figures {
    /// Reads the four tables of an output folder and sums them up.
    ///
    /// Errors: a missing table ([`Error::Io`]), one that is not CSV
    /// ([`Error::Csv`]), or one without a column the report needs or with
    /// a cell that is not of its column's type ([`Error::Table`]).
    pub fn read(dir: &Path, options: &Options) -> Result<Figures> {
        let mut f = Figures::default();

        let mut langs: BTreeMap<String, usize> = BTreeMap::new();
        read_table(
            dir,
            &["doc_id", "mentions", "quotes", "status"],
            |d: DocumentRow| {
                f.documents += 1;
                match d.status {
                    Status::Ok => {
                        f.ok += 1;
                        *langs.entry(d.lang).or_default() += 1;
                    }
                    Status::Skipped => f.skipped += 1,
                    Status::Error => f.error += 1,
                }
                f.documents_mentions += d.mentions.unwrap_or(0);
                f.documents_quotes += d.quotes.unwrap_or(0);
            },
        )?;
        f.languages = most_first(langs);

        let mut methods: BTreeMap<String, usize> = BTreeMap::new();
        read_table(dir, &["doc_id", "entity_id", "type"], |m: MentionRow| {
            f.mentions += 1;
            *methods.entry(m.method.as_str().to_string()).or_default() += 1;
        })?;
        f.mention_methods = most_first(methods);

        // Entities: sums per entity, and per document the entities it holds.
        let mut index: HashMap<String, u32> = HashMap::new();
        let mut stats: Vec<EntityStat> = Vec::new();
        let mut doc_index: HashMap<String, usize> = HashMap::new();
        let mut docs: Vec<Vec<u32>> = Vec::new();
        read_table(
            dir,
            &[
                "doc_id",
                "entity_id",
                "entity",
                "type",
                "mentions",
                "quotes",
            ],
            |e: EntityRow| {
                let key = entity_key(&e.entity_id, e.kind.as_str(), &e.entity);
                let i = *index.entry(key).or_insert_with(|| {
                    stats.push(EntityStat {
                        id: e.entity_id.clone(),
                        name: e.entity.clone(),
                        kind: e.kind,
                        ..Default::default()
                    });
                    (stats.len() - 1) as u32
                });
                let s = &mut stats[i as usize];
                s.mentions += e.mentions;
                s.quotes += e.quotes.unwrap_or(0);
                let d = *doc_index.entry(e.doc_id).or_insert_with(|| {
                    docs.push(Vec::new());
                    docs.len() - 1
                });
                if !docs[d].contains(&i) {
                    docs[d].push(i);
                    s.documents += 1;
                }
            },
        )?;
        f.entities = stats.len();
        f.types = type_tops(&stats, options.top);
        f.cooccurrence = cooccurrence(&stats, &docs, options.matrix);

        // Quotes: kinds, speakers, unattributed.
        let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
        let mut speakers: HashMap<String, SpeakerAcc> = HashMap::new();
        read_table(
            dir,
            &[
                "doc_id",
                "quote_id",
                "kind",
                "text",
                "speaker_id",
                "speaker",
            ],
            |q: QuoteRow| {
                f.quotes += 1;
                *kinds.entry(q.kind.clone()).or_default() += 1;
                let example = |q: &QuoteRow| QuoteExample {
                    doc_id: q.doc_id.clone(),
                    quote_id: q.quote_id.clone(),
                    kind: q.kind.clone(),
                    text: q.text.clone(),
                };
                if q.speaker.is_empty() && q.speaker_id.is_empty() {
                    f.unattributed += 1;
                    if f.unattributed_examples.len() < options.examples.max(5) {
                        f.unattributed_examples.push(example(&q));
                    }
                    return;
                }
                let kind = q.speaker_type.map_or("", EntityType::as_str);
                let key = entity_key(&q.speaker_id, kind, &q.speaker);
                let acc = speakers.entry(key).or_insert_with(|| SpeakerAcc {
                    speaker: Speaker {
                        id: q.speaker_id.clone(),
                        name: q.speaker.clone(),
                        kind: q.speaker_type,
                        ..Default::default()
                    },
                    last_doc: None,
                    docs: Default::default(),
                });
                let s = &mut acc.speaker;
                s.quotes += 1;
                *s.by_kind.entry(q.kind.clone()).or_default() += 1;
                if acc.last_doc.as_deref() != Some(q.doc_id.as_str()) {
                    s.documents += 1;
                    acc.last_doc = Some(q.doc_id.clone());
                    acc.docs.insert(q.doc_id.clone());
                }
                if s.examples.len() < options.examples {
                    s.examples.push(example(&q));
                }
            },
        )?;
        f.quote_kinds = in_order(kinds, &KINDS);
        let accs = speakers.into_values().map(|a| names::Grouped {
            speaker: a.speaker,
            docs: a.docs,
        });
        let grouped = names::group_unlisted(accs.collect(), options.examples);
        let mut all: Vec<Speaker> = grouped.into_iter().map(|g| g.speaker).collect();
        all.sort_by(|a, b| {
            b.quotes
                .cmp(&a.quotes)
                .then_with(|| a.name.cmp(&b.name))
                .then_with(|| a.id.cmp(&b.id))
        });
        f.speaker_count = all.len();
        let unlisted: Vec<Speaker> = all.iter().filter(|s| s.id.is_empty()).cloned().collect();
        f.unlisted_speaker_count = unlisted.len();
        f.unlisted_quotes = unlisted.iter().map(|s| s.quotes).sum();
        f.unlisted_speakers = unlisted.into_iter().take(options.top.max(1) * 2).collect();
        all.truncate(options.top);
        f.speakers = all;
        Ok(f)
    }
}

/// Sorts counts most first, then by name.
fn most_first(counts: BTreeMap<String, usize>) -> Vec<(String, usize)> {
    let mut v: Vec<(String, usize)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v
}

/// Puts the `order` keys first (those present), then the others sorted.
fn in_order(mut counts: BTreeMap<String, usize>, order: &[&str]) -> Vec<(String, usize)> {
    let mut v: Vec<(String, usize)> = order
        .iter()
        .filter_map(|k| counts.remove(*k).map(|n| (k.to_string(), n)))
        .collect();
    v.extend(counts);
    v
}

fn by_documents(a: &EntityStat, b: &EntityStat) -> std::cmp::Ordering {
    b.documents
        .cmp(&a.documents)
        .then_with(|| b.mentions.cmp(&a.mentions))
        .then_with(|| a.name.cmp(&b.name))
        .then_with(|| a.id.cmp(&b.id))
}

fn by_mentions(a: &EntityStat, b: &EntityStat) -> std::cmp::Ordering {
    b.mentions
        .cmp(&a.mentions)
        .then_with(|| b.documents.cmp(&a.documents))
        .then_with(|| a.name.cmp(&b.name))
        .then_with(|| a.id.cmp(&b.id))
}

fn type_tops(stats: &[EntityStat], top: usize) -> Vec<TypeTop> {
    TYPES
        .into_iter()
        .map(|kind| {
            let of: Vec<&EntityStat> = stats.iter().filter(|s| s.kind == kind).collect();
            let pick = |cmp: fn(&EntityStat, &EntityStat) -> std::cmp::Ordering| {
                let mut v: Vec<EntityStat> = of.iter().map(|s| (*s).clone()).collect();
                v.sort_by(cmp);
                v.truncate(top);
                v
            };
            TypeTop {
                entities: of.len(),
                by_documents: pick(by_documents),
                by_mentions: pick(by_mentions),
                kind,
            }
        })
        .collect()
}

fn cooccurrence(stats: &[EntityStat], docs: &[Vec<u32>], n: usize) -> Cooccurrence {
    let mut order: Vec<usize> = (0..stats.len()).collect();
    order.sort_by(|&a, &b| by_documents(&stats[a], &stats[b]));
    order.truncate(n);
    let mut slot = vec![usize::MAX; stats.len()];
    for (k, &i) in order.iter().enumerate() {
        slot[i] = k;
    }
    let mut counts = vec![vec![0usize; order.len()]; order.len()];
    for doc in docs {
        let present: Vec<usize> = doc
            .iter()
            .map(|&i| slot[i as usize])
            .filter(|&k| k != usize::MAX)
            .collect();
        for &a in &present {
            for &b in &present {
                counts[a][b] += 1;
            }
        }
    }
    Cooccurrence {
        entities: order.iter().map(|&i| stats[i].clone()).collect(),
        counts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_read_with_or_without_bom() {
        for (input, want) in [
            ("doc_id,lang,mentions,quotes,status\nd,en,1,2,ok\n", "d"),
            (
                "\u{feff}doc_id,lang,mentions,quotes,status\r\nd,en,1,2,ok\r\n",
                "d",
            ),
            (
                "\u{feff}doc_id,lang,mentions,quotes,status,extra\r\n'=d,en,1,2,ok,x\r\n",
                "=d",
            ),
        ] {
            let mut rows: Vec<DocumentRow> = Vec::new();
            for_each_row(input.as_bytes(), "t.csv", &["quotes"], |r| rows.push(r)).unwrap();
            assert_eq!(rows.len(), 1, "{input:?}");
            assert_eq!((rows[0].doc_id.as_str(), rows[0].quotes), (want, Some(2)));
        }
    }

    #[test]
    fn bad_tables_are_typed_errors() {
        for input in [
            "doc_id,lang,status\nd,en,ok\n",
            "doc_id,lang,mentions,quotes,status\nd,en,many,2,ok\n",
        ] {
            let required = ["doc_id", "mentions", "quotes", "status"];
            let err = for_each_row(input.as_bytes(), "t.csv", &required, |_: DocumentRow| {})
                .unwrap_err();
            assert!(matches!(err, Error::Table { .. }), "{input:?}: {err}");
        }
        let err = Figures::read(Path::new("/nonexistent/kutip"), &Options::default()).unwrap_err();
        assert!(matches!(err, Error::Io { .. }));
    }

    fn figures(entities: &str, quotes: &str) -> Figures {
        let dir = tempfile::tempdir().unwrap();
        let docs = "doc_id,lang,mentions,quotes,status\na,en,0,0,ok\nb,id,0,0,ok\nc,,0,0,skipped\n";
        for (name, text) in [
            ("documents.csv", docs),
            ("mentions.csv", "doc_id,entity_id,type,method\n"),
            ("entities.csv", entities),
            ("quotes.csv", quotes),
        ] {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        Figures::read(dir.path(), &Options::default()).unwrap()
    }

    #[test]
    fn entities_and_pairs_are_counted_per_document() {
        let f = figures(
            "doc_id,entity_id,entity,type,mentions,quotes\n\
             a,Q1,One,PERSON,2,0\na,Q2,Two,COUNTRY,1,0\n\
             b,Q1,One,PERSON,3,1\nb,Q2,Two,COUNTRY,1,0\nb,Q3,Three,COUNTRY,5,0\n",
            "doc_id,quote_id,kind,text,speaker_id,speaker,speaker_type\n",
        );
        assert_eq!((f.documents, f.ok, f.skipped, f.entities), (3, 2, 1, 3));
        let countries = f
            .types
            .iter()
            .find(|t| t.kind == EntityType::Country)
            .unwrap();
        assert_eq!(countries.by_documents[0].name, "Two");
        assert_eq!(countries.by_mentions[0].name, "Three");
        let c = &f.cooccurrence;
        let names: Vec<&str> = c.entities.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["One", "Two", "Three"]);
        for (i, j, want) in [(0, 0, 2), (0, 1, 2), (1, 0, 2), (0, 2, 1), (2, 2, 1)] {
            assert_eq!(c.counts[i][j], want, "({i}, {j})");
        }
    }

    #[test]
    fn speakers_unlisted_and_unattributed() {
        let f = figures(
            "doc_id,entity_id,entity,type,mentions,quotes\n",
            "doc_id,quote_id,kind,text,speaker_id,speaker,speaker_type\n\
             a,q1,direct,x,Q1,One,PERSON\na,q2,indirect,y,Q1,One,PERSON\n\
             b,q1,partial,z,Q1,One,PERSON\nb,q2,direct,w,,Budi,PERSON\n\
             b,q3,direct,'=v,,,\n",
        );
        assert_eq!((f.quotes, f.unattributed, f.speaker_count), (5, 1, 2));
        assert_eq!(f.unattributed_examples[0].text, "=v");
        let one = &f.speakers[0];
        assert_eq!(
            (one.name.as_str(), one.quotes, one.documents),
            ("One", 3, 2)
        );
        assert_eq!(one.by_kind["direct"], 1);
        assert_eq!(one.examples.len(), 3);
        assert_eq!(f.unlisted_speakers[0].name, "Budi");
        let kinds: Vec<&str> = f.quote_kinds.iter().map(|k| k.0.as_str()).collect();
        assert_eq!(kinds, ["direct", "partial", "indirect"]);
    }

    #[test]
    fn unlisted_speakers_split_across_name_forms_are_one_speaker() {
        let f = figures(
            "doc_id,entity_id,entity,type,mentions,quotes\n",
            "doc_id,quote_id,kind,text,speaker_id,speaker,speaker_type\n\
             a,q1,direct,x,,Obama,PERSON\na,q2,direct,y,,Obama,PERSON\n\
             b,q1,direct,z,,Barack Obama,PERSON\nc,q1,direct,w,,Obama,PERSON\n",
        );
        assert_eq!((f.speaker_count, f.unlisted_speaker_count), (1, 1));
        let s = &f.unlisted_speakers[0];
        assert_eq!(
            (s.name.as_str(), s.quotes, s.documents, s.also.clone()),
            ("Barack Obama", 4, 3, vec!["Obama".to_string()])
        );
    }
}
