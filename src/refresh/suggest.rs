//! Suggestions: names a corpus uses that the lists lack.
//!
//! [`Suggester`] reads each processed document (its text and its table
//! rows) and collects candidates of four kinds:
//!
//! - `speaker`: a quote's speaker that no list knows (empty `speaker_id`);
//! - `acronym`: `Long Name (ACRONYM)` defined in a text, neither form listed
//!   (the long name is the suggestion, the acronym its alias);
//! - `alias`: a listed entity met under a new name (an `acronym` mention
//!   whose words are not among the entity's names); `entity_id` says which;
//! - `name`: a name no list holds that recurs (at least `min_count`
//!   mentions): one the name tagger found (a `model` mention, under the
//!   fullest form the document gives, with the tagger's type), else a
//!   capitalised sequence of two or more words the tagger passed over, with
//!   title words (`Presiden`, `Minister`) and ordinary words at a sentence
//!   start dropped from its front, typed only when its words tell
//!   (`Dinas`, `Kota`, a title before it) and left out when they name a
//!   date or a link line (`Idul Fitri`, `Tahun Baru`).
//!
//! Types come from the same evidence the extractor types speakers by
//! (`quotes::TypeWords`): groups of people (`Republicans`) are
//! organisations. A speaker the tagger also found is one row: its mentions
//! in `count`, its quotes in `quotes`.
//!
//! [`Suggester::finish`] ranks them: documents, then count (descending),
//! then name.
//! [`to_csv`] writes the review sheet that `kutip gazetteer import
//! suggestions` reads back (rows with a non-empty `accept`).
//!
//! ```
//! use kutip::document::Document;
//! use kutip::refresh::suggest::Suggester;
//! let p = kutip::PipelineBuilder::new().build().unwrap();
//! let mut s = Suggester::new(p.matcher().entities(), kutip::quotes::Cues::defaults().unwrap());
//! let doc = Document { id: "d1".into(), text: "Badan Kajian Pesisir Bahari (BKPB) menolak.".into(), ..Default::default() };
//! s.add(&doc, &p.process(&doc));
//! let found = s.finish(2);
//! assert_eq!((found[0].kind.as_str(), found[0].name.as_str(), found[0].aliases.as_str()), ("acronym", "Badan Kajian Pesisir Bahari", "BKPB"));
//! ```

use crate::corpus::{Record, Source};
use crate::document::Document;
use crate::error::{Error, Result};
use crate::gazetteer::{Entity, EntityType};
use crate::pipeline::driver::{drive, read_sources, BatchLimits, DuplicateIds};
use crate::pipeline::Pipeline;
use crate::quotes::{Cues, TypeWords, WordSign};
use crate::tables::{DocOutput, MentionMethod};
use crate::tokens::{has_lowercase, is_capitalized, tokenize, Token};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};

/// What a suggestion is (the `suggestion` column). Variants in the order
/// of their names, so that sorting by kind sorts by name.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SuggestionKind {
    /// A long name defined with an acronym in parentheses.
    Acronym,
    /// A form of a listed entity that its list lacks.
    Alias,
    /// A capitalized name that no list knows.
    #[default]
    Name,
    /// A quoted speaker that no list knows.
    Speaker,
}

impl SuggestionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SuggestionKind::Acronym => "acronym",
            SuggestionKind::Alias => "alias",
            SuggestionKind::Name => "name",
            SuggestionKind::Speaker => "speaker",
        }
    }
}

/// One row of `suggestions.csv`.
///
/// ```
/// use kutip::refresh::suggest::{Suggestion, SuggestionKind};
/// let s = Suggestion { kind: SuggestionKind::Name, name: "Budi Santoso".into(), ..Default::default() };
/// assert!(s.entity_id.is_empty());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    #[serde(rename = "suggestion")]
    pub kind: SuggestionKind,
    pub name: String,
    /// Other names found with it (`|`-separated): the acronym of a definition.
    pub aliases: String,
    /// Guessed type: `PERSON`, `ORGANIZATION`, `LOCATION`, `COUNTRY`, or empty.
    #[serde(rename = "type")]
    pub entity_type: String,
    /// Occurrences in the corpus: per document, its mentions or its quotes
    /// (a speaker the tagger did not find there), whichever are more.
    pub count: usize,
    /// Quotes attributed to it.
    pub quotes: usize,
    /// Documents it occurs in.
    pub documents: usize,
    /// For `alias`: the listed entity it names.
    pub entity_id: String,
    /// The first occurrence in context.
    pub example: String,
    pub example_doc: String,
    /// Left empty: mark the rows to import.
    pub accept: String,
}

struct Candidate {
    kind: SuggestionKind,
    name: String,
    aliases: String,
    entity_type: Option<EntityType>,
    entity_id: String,
    example: String,
}

/// Collects suggestions document by document.
#[derive(Debug, Clone)]
pub struct Suggester {
    cues: Cues,
    common: HashSet<String>,
    /// Every listed name (without `=`).
    known: HashSet<String>,
    /// Entity id -> its names.
    names_of: HashMap<String, HashSet<String>>,
    /// Words that tell a name's type (dates, groups).
    types: TypeWords,
    /// (kind, name, entity_id) -> accumulated row, and its documents.
    rows: BTreeMap<Key, (Suggestion, PerDocument)>,
}

type Key = (SuggestionKind, String, String);

const CONNECTORS: &[&str] = &[
    "of", "for", "the", "bin", "binti", "van", "von", "de", "da", "al", "el", "la",
];
const ACRONYM_CONNECTORS: &[&str] = &[
    "of", "for", "the", "and", "on", "dan", "untuk", "bagi", "dari", "pada",
];
const ORG_WORDS: &[&str] = &[
    "Kementerian",
    "Ministry",
    "Badan",
    "Bank",
    "Partai",
    "Party",
    "Dewan",
    "Council",
    "Komisi",
    "Commission",
    "Organisasi",
    "Organization",
    "Organisation",
    "Agency",
    "Lembaga",
    "Institute",
    "Institut",
    "Universitas",
    "University",
    "Union",
    "Uni",
    "Association",
    "Asosiasi",
    "Federation",
    "Forum",
    "Fund",
    "Dana",
    "Corporation",
    "Company",
    "Perusahaan",
    "Group",
    "Grup",
    "Kantor",
    "Office",
    "Department",
    "Departemen",
    "Committee",
    "Komite",
    "Front",
    "Army",
    "Tentara",
    "Pasukan",
    "Forces",
    "News",
    "Agency",
    "Times",
    "Post",
];
const PLACE_WORDS: &[&str] = &[
    "Provinsi",
    "Province",
    "Kabupaten",
    "Kota",
    "City",
    "Pulau",
    "Island",
    "Islands",
    "Laut",
    "Sea",
    "Selat",
    "Strait",
    "Gunung",
    "Mount",
    "Sungai",
    "River",
    "Jalan",
    "Street",
    "Teluk",
    "Bay",
    "Region",
    "Kawasan",
    "Wilayah",
    "Desa",
    "Village",
    "Kecamatan",
    "District",
];

impl Suggester {
    /// A suggester that knows these entities (usually
    /// `pipeline.matcher().entities()`) and these cue lists (title words).
    pub fn new(entities: &[Entity], cues: Cues) -> Suggester {
        let common = crate::check::COMMON_WORDS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_string)
            .collect();
        let mut known = HashSet::new();
        let mut names_of: HashMap<String, HashSet<String>> = HashMap::new();
        for e in entities {
            for n in e.names() {
                let n = n.trim_start_matches('=').trim().to_string();
                known.insert(n.clone());
                names_of.entry(e.id.clone()).or_default().insert(n);
            }
        }
        Suggester {
            cues,
            common,
            known,
            names_of,
            // Embedded and checked by its tests; without it, no name is
            // typed by its words.
            types: TypeWords::defaults().unwrap_or_default(),
            rows: BTreeMap::new(),
        }
    }

    /// Adds one processed document: `out` is `pipeline.process(doc)`.
    pub fn add(&mut self, doc: &Document, out: &DocOutput) {
        for c in self.candidates(doc, out) {
            let key = (c.kind, c.name.clone(), c.entity_id.clone());
            let (row, docs) = self.rows.entry(key).or_insert_with(|| {
                let row = Suggestion {
                    kind: c.kind,
                    name: c.name.clone(),
                    aliases: c.aliases.clone(),
                    entity_type: type_cell(c.entity_type),
                    entity_id: c.entity_id.clone(),
                    example: c.example.clone(),
                    example_doc: doc.id.clone(),
                    ..Suggestion::default()
                };
                (row, PerDocument::new())
            });
            let here = docs.entry(doc.id.clone()).or_default();
            if c.kind == SuggestionKind::Speaker {
                here.1 += 1;
            } else {
                here.0 += 1;
            }
            if row.entity_type.is_empty() {
                row.entity_type = type_cell(c.entity_type);
            }
        }
    }

    /// The ranked suggestions: `name` rows need `min_count` mentions. A
    /// `name` row that another kind suggests too is folded into that row
    /// (its mentions and documents counted there).
    pub fn finish(self, min_count: usize) -> Vec<Suggestion> {
        let mut names: HashMap<String, (Suggestion, PerDocument)> = HashMap::new();
        let mut rest = Vec::new();
        for ((kind, name, _), row) in self.rows {
            if kind == SuggestionKind::Name {
                names.insert(name, row);
            } else {
                rest.push(row);
            }
        }
        let mut out: Vec<Suggestion> = Vec::new();
        for (row, mut docs) in rest {
            if let Some((_, named)) = names.remove(&row.name) {
                for (doc, (m, q)) in named {
                    let here = docs.entry(doc).or_default();
                    here.0 += m;
                    here.1 += q;
                }
            }
            out.push(counted(row, &docs));
        }
        out.extend(
            names
                .into_values()
                .map(|(r, docs)| counted(r, &docs))
                .filter(|r| r.count >= min_count),
        );
        out.sort_by(|a, b| {
            b.documents
                .cmp(&a.documents)
                .then_with(|| b.count.cmp(&a.count))
                .then_with(|| a.name.cmp(&b.name))
                .then_with(|| a.kind.cmp(&b.kind))
                .then_with(|| a.entity_id.cmp(&b.entity_id))
        });
        out
    }

    fn candidates(&self, doc: &Document, out: &DocOutput) -> Vec<Candidate> {
        let text = doc.text.as_str();
        let mut found = Vec::new();
        for q in &out.quotes {
            if q.speaker_id.is_empty()
                && q.speaker.chars().any(char::is_uppercase)
                && !self.known.contains(&q.speaker)
            {
                found.push(Candidate {
                    kind: SuggestionKind::Speaker,
                    name: q.speaker.clone(),
                    aliases: String::new(),
                    entity_type: q.speaker_type,
                    entity_id: String::new(),
                    example: shorten(
                        &format!("“{}” ({} {})", q.text, q.speaker_surface, q.cue),
                        200,
                    ),
                });
            }
        }
        // Byte offsets of characters, to map table offsets back to the text.
        let bytes: Vec<usize> = text
            .char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(text.len()))
            .collect();
        let byte = |c: usize| bytes.get(c).copied().unwrap_or(text.len());
        let mut in_mention = vec![false; text.len() + 1];
        // The tagger's names are no list's: each is a candidate, under the
        // document's fullest form of it, and no run of capitals around it is.
        let mut tagged = vec![false; text.len() + 1];
        for m in &out.mentions {
            let (s, e) = (byte(m.start), byte(m.end));
            if m.method == MentionMethod::Model {
                for b in tagged.iter_mut().take(e).skip(s) {
                    *b = true;
                }
                let name = self.untitled(&m.entity);
                let kind = match self.types.sign(name) {
                    WordSign::Nobody => continue,
                    WordSign::Group | WordSign::Thing => EntityType::Organization,
                    // Organisation and place words outweigh the tagger.
                    WordSign::Silent => self.guess_by_words(name, false).unwrap_or(m.kind),
                };
                if !self.known.contains(name) {
                    found.push(Candidate {
                        kind: SuggestionKind::Name,
                        name: name.to_string(),
                        aliases: String::new(),
                        entity_type: Some(kind),
                        entity_id: String::new(),
                        example: context(text, s, e),
                    });
                }
                continue;
            }
            for b in in_mention.iter_mut().take(e).skip(s) {
                *b = true;
            }
            if m.method == MentionMethod::Acronym {
                let surface = m.surface.trim();
                let listed = self
                    .names_of
                    .get(&m.entity_id)
                    .is_some_and(|n| n.contains(surface));
                if !listed {
                    found.push(Candidate {
                        kind: SuggestionKind::Alias,
                        name: surface.to_string(),
                        aliases: String::new(),
                        entity_type: Some(m.kind),
                        entity_id: m.entity_id.clone(),
                        example: context(text, s, e),
                    });
                }
            }
        }
        // Words of the body paragraphs: not the title (headline case), page
        // debris or repeated paragraphs (which have no mentions).
        let mut toks: Vec<Token> = Vec::new();
        let seg = crate::document::segment(text, doc.title.is_none());
        for p in &seg.paragraphs {
            if p.kind == crate::document::ParagraphKind::Body {
                toks.extend(tokenize(&text[p.start..p.end]).into_iter().map(|t| Token {
                    start: t.start + p.start,
                    end: t.end + p.start,
                }));
            }
        }
        let word = |t: &Token| &text[t.start..t.end];
        let gap = |i: usize| &text[toks[i - 1].end..toks[i].start];
        let joins = |i: usize| i > 0 && matches!(gap(i), " " | "-");
        let mentioned = |t: &Token| in_mention[t.start];
        let tagged = |t: &Token| tagged[t.start];
        let acronym = |w: &str| {
            (2..=10).contains(&w.chars().count())
                && w.starts_with(|c: char| c.is_uppercase())
                && w.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
        };
        // `Long Name (ACR)` with neither form listed.
        for k in 1..toks.len() {
            let w = word(&toks[k]);
            if !acronym(w)
                || !gap(k).ends_with('(')
                || !text[toks[k].end..].starts_with(')')
                || mentioned(&toks[k])
                || self.known.contains(w)
            {
                continue;
            }
            let before = gap(k).trim_end_matches('(').trim_end();
            if !before.chars().all(|c| c == ' ' || c == '-') {
                continue;
            }
            let mut start = k;
            let mut j = k;
            while j > 0 && k - j < 12 {
                let t = &toks[j - 1];
                let ww = word(t);
                let cap = is_capitalized(ww) && has_lowercase(ww);
                if mentioned(t) || !(cap || ACRONYM_CONNECTORS.contains(&ww)) {
                    break;
                }
                j -= 1;
                if j < k - 1 && !joins(j + 1) {
                    break;
                }
                if cap
                    && ww.chars().next().map(|c| c.to_lowercase().to_string())
                        == w.chars().next().map(|c| c.to_lowercase().to_string())
                {
                    start = j;
                }
            }
            if start == k {
                continue;
            }
            let name = text[toks[start].start..toks[k - 1].end].to_string();
            if self.known.contains(&name) {
                continue;
            }
            let kind = self.guess_by_words(&name, false);
            found.push(Candidate {
                kind: SuggestionKind::Acronym,
                name,
                aliases: w.to_string(),
                entity_type: Some(kind.unwrap_or(EntityType::Organization)),
                entity_id: String::new(),
                example: context(text, toks[start].start, toks[k].end + 1),
            });
        }
        // Capitalised sequences outside mentions.
        let mut i = 0;
        while i < toks.len() {
            let starts = |i: usize| {
                let w = word(&toks[i]);
                is_capitalized(w) && has_lowercase(w) && !mentioned(&toks[i])
            };
            if !starts(i) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < toks.len() && joins(j) {
                let w = word(&toks[j]);
                if starts(j) {
                    j += 1;
                } else if CONNECTORS.contains(&w)
                    && j + 1 < toks.len()
                    && joins(j + 1)
                    && starts(j + 1)
                {
                    j += 2;
                } else {
                    break;
                }
            }
            let run: Vec<usize> = (i..j).collect();
            i = j;
            let mut first = 0;
            let mut titled = false;
            while first < run.len() {
                let t = &toks[run[first]];
                let w = word(t);
                let initial = sentence_initial(text, t.start);
                if self.cues.is_title(w) {
                    titled = true;
                } else if !(CONNECTORS.contains(&w)
                    || initial && self.common.contains(&w.to_lowercase()))
                {
                    break;
                }
                first += 1;
            }
            let words = &run[first..];
            let capitals = words.iter().filter(|&&k| starts(k)).count();
            if capitals < 2 || words.iter().any(|&k| tagged(&toks[k])) {
                continue;
            }
            let name = text[toks[words[0]].start..toks[*words.last().unwrap_or(&words[0])].end]
                .to_string();
            if self.known.contains(&name) {
                continue;
            }
            let entity_type = match self.types.sign(&name) {
                WordSign::Nobody => continue,
                WordSign::Group | WordSign::Thing => Some(EntityType::Organization),
                WordSign::Silent => self.guess_by_words(&name, titled),
            };
            let s = toks[words[0]].start;
            found.push(Candidate {
                kind: SuggestionKind::Name,
                entity_type,
                example: context(text, s, s + name.len()),
                name,
                aliases: String::new(),
                entity_id: String::new(),
            });
        }
        found
    }
}

/// Per document: (mentions, quotes) of a suggestion.
type PerDocument = BTreeMap<String, (usize, usize)>;

/// `row` with its counts: in each document it occurs at least once per
/// mention and once per quote (a speaker the tagger did not find there),
/// so its count is the larger of the two, summed.
fn counted(mut row: Suggestion, docs: &PerDocument) -> Suggestion {
    row.count = docs.values().map(|&(m, q)| m.max(q)).sum();
    row.quotes = docs.values().map(|&(_, q)| q).sum();
    row.documents = docs.len();
    row
}

/// The `type` cell of a suggestion: empty when no type was guessed.
fn type_cell(t: Option<EntityType>) -> String {
    t.map_or("", EntityType::as_str).to_string()
}

/// Is the word at `start` the first of a sentence (or paragraph, or quote)?
fn sentence_initial(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end_matches([' ', '\t']);
    before.is_empty() || before.ends_with(['.', '!', '?', '\n', '“', '"', ':', '‘', '—', '-', '('])
}

impl Suggester {
    /// A person's name without the title words before it (`Menteri
    /// Pertahanan Budi Santoso` -> `Budi Santoso`), as for capitalised runs.
    fn untitled<'n>(&self, name: &'n str) -> &'n str {
        let mut rest = name;
        while let Some((first, after)) = rest.split_once(' ') {
            if !(self.cues.is_title(first) || CONNECTORS.contains(&first)) {
                break;
            }
            rest = after;
        }
        rest
    }

    /// A name's type by its words alone: an organisation or place word
    /// (`Dinas Kesehatan`, `Kota Baru`), a title before it (a person);
    /// None when they do not tell.
    fn guess_by_words(&self, name: &str, titled: bool) -> Option<EntityType> {
        let words: Vec<&str> = name.split([' ', '-']).collect();
        if words
            .iter()
            .any(|w| ORG_WORDS.contains(w) || self.cues.is_org_type(w))
        {
            Some(EntityType::Organization)
        } else if words.iter().any(|w| PLACE_WORDS.contains(w)) {
            Some(EntityType::Location)
        } else if words.iter().any(|w| self.cues.is_head(w)) {
            Some(EntityType::Organization)
        } else if titled {
            Some(EntityType::Person)
        } else {
            None
        }
    }
}

/// Up to 60 characters either side of `start..end`, on one line.
fn context(text: &str, start: usize, end: usize) -> String {
    let end = end.min(text.len());
    let mut s = start;
    for _ in 0..60 {
        match text[..s].chars().next_back() {
            Some(c) if c != '\n' => s -= c.len_utf8(),
            _ => break,
        }
    }
    let mut e = end;
    for _ in 0..60 {
        match text[e..].chars().next() {
            Some(c) if c != '\n' => e += c.len_utf8(),
            _ => break,
        }
    }
    let mut out = String::new();
    if s > 0 && !text[..s].ends_with('\n') {
        out.push('…');
    }
    out.push_str(text[s..e].trim());
    if e < text.len() && !text[e..].starts_with('\n') {
        out.push('…');
    }
    crate::refresh::clean(&out)
}

fn shorten(s: &str, max: usize) -> String {
    let s = crate::refresh::clean(s);
    if s.chars().count() <= max {
        s
    } else {
        let mut out: String = s.chars().take(max).collect();
        out.push('…');
        out
    }
}

/// Runs a corpus through `pipeline` and into `suggester`, in input order
/// (documents are processed in parallel batches). Returns the number of
/// documents read.
pub fn run(pipeline: &Pipeline, sources: &[Source], suggester: &mut Suggester) -> usize {
    let summary = drive(
        pipeline,
        BatchLimits::default(),
        DuplicateIds::Keep,
        |sink| read_sources(sources, sink),
        |r| r,
        |record, out| {
            if let Record::Doc(d) = record {
                suggester.add(d, out);
            }
            Ok::<(), std::convert::Infallible>(())
        },
    );
    match summary {
        Ok(s) => s.documents,
        Err(never) => match never {},
    }
}

/// The review sheet: CSV with a header, cells a spreadsheet would run as
/// formulas prefixed with `'` (import removes it).
///
/// ```
/// use kutip::refresh::suggest::{Suggestion, SuggestionKind};
/// let rows = [Suggestion { kind: SuggestionKind::Name, name: "Budi Santoso".into(), count: 2, ..Default::default() }];
/// let csv = kutip::refresh::suggest::to_csv(&rows).unwrap();
/// assert!(csv.starts_with("suggestion,name,aliases,type,count,quotes,documents,entity_id,example,example_doc,accept\n"));
/// ```
pub fn to_csv(rows: &[Suggestion]) -> Result<String> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let err = |e: csv::Error| Error::Csv {
        path: "suggestions.csv".into(),
        source: e,
    };
    if rows.is_empty() {
        w.write_record([
            "suggestion",
            "name",
            "aliases",
            "type",
            "count",
            "quotes",
            "documents",
            "entity_id",
            "example",
            "example_doc",
            "accept",
        ])
        .map_err(err)?;
    }
    for r in rows {
        let mut r = r.clone();
        for cell in [
            &mut r.name,
            &mut r.aliases,
            &mut r.example,
            &mut r.example_doc,
        ] {
            if let std::borrow::Cow::Owned(s) = crate::tables::neutralize(cell) {
                *cell = s;
            }
        }
        w.serialize(&r).map_err(err)?;
    }
    let bytes = w.into_inner().map_err(|e| Error::Refused(e.to_string()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn suggest(texts: &[&str]) -> Vec<Suggestion> {
        let p = crate::PipelineBuilder::new().build().unwrap();
        let mut s = Suggester::new(p.matcher().entities(), Cues::defaults().unwrap());
        for (i, t) in texts.iter().enumerate() {
            let doc = Document {
                id: format!("d{i}"),
                text: t.to_string(),
                ..Document::default()
            };
            s.add(&doc, &p.process(&doc));
        }
        s.finish(2)
    }

    fn has(rows: &[Suggestion], kind: SuggestionKind, name: &str) -> bool {
        rows.iter().any(|r| r.kind == kind && r.name == name)
    }

    #[test]
    fn kinds_by_behaviour() {
        let rows = suggest(&[
            "Presiden Budi Santoso tiba di Jakarta.\nKemudian Budi Santoso bertemu Joko Widodo.",
            "Menteri Pertahanan Budi Santoso berkata begitu. The Ministry of Fisheries said so.",
            "Lembaga Kajian Pesisir Bahari (LKPB) menolak. Laksana Tri Handoko dari BRIN hadir.",
        ]);
        assert!(has(&rows, SuggestionKind::Name, "Budi Santoso"), "{rows:?}");
        assert!(
            has(
                &rows,
                SuggestionKind::Acronym,
                "Lembaga Kajian Pesisir Bahari"
            ),
            "{rows:?}"
        );
        assert!(
            !rows
                .iter()
                .any(|r| r.name.starts_with("Presiden") || r.name.starts_with("Kemudian")),
            "{rows:?}"
        );
        assert!(
            !has(&rows, SuggestionKind::Name, "Joko Widodo"),
            "known names are not suggested"
        );
        let budi = rows.iter().find(|r| r.name == "Budi Santoso").unwrap();
        assert_eq!(
            (budi.count, budi.documents, budi.entity_type.as_str()),
            (3, 2, "PERSON")
        );
    }

    #[test]
    fn dates_are_no_names_and_types_come_from_evidence_not_a_default() {
        let rows = suggest(&[
            "Libur Idul Fitri dimulai. Kemarin petugas Dinas Kesehatan Cimanggu buka saat Idul Fitri. Warga Sukamaju Raya pulang.",
            "Posko petugas Dinas Kesehatan Cimanggu tutup. Sesudah Idul Fitri, Warga Sukamaju Raya kembali.",
        ]);
        assert!(
            !rows.iter().any(|r| r.name.contains("Idul Fitri")),
            "{rows:?}"
        );
        let dinas = rows.iter().find(|r| r.name.starts_with("Dinas Kesehatan"));
        assert_eq!(
            dinas.map(|r| r.entity_type.as_str()),
            Some("ORGANIZATION"),
            "{rows:?}"
        );
        // Nothing tells what `Sukamaju Raya` is: no type rather than PERSON.
        for r in rows.iter().filter(|r| r.name.contains("Sukamaju")) {
            assert_ne!(r.entity_type, "PERSON", "{r:?}");
        }
    }

    #[test]
    fn a_speaker_the_tagger_found_is_one_row_with_mentions_and_quotes() {
        let rows = suggest(&[
            "Hendra Kusumawijaya tiba di Bogor pada Senin. \"Kami siap,\" kata Hendra Kusumawijaya.",
            "\"Laut harus terbuka,\" ujar Hendra Kusumawijaya. \"Anggaran naik,\" kata Republicans.",
        ]);
        let hendra: Vec<&Suggestion> = rows
            .iter()
            .filter(|r| r.name == "Hendra Kusumawijaya")
            .collect();
        assert_eq!(hendra.len(), 1, "{rows:?}");
        let h = hendra[0];
        assert_eq!(
            (
                h.kind,
                h.entity_type.as_str(),
                h.count,
                h.quotes,
                h.documents
            ),
            (SuggestionKind::Speaker, "PERSON", 3, 2, 2)
        );
        if let Some(r) = rows.iter().find(|r| r.name == "Republicans") {
            assert_eq!(r.entity_type, "ORGANIZATION");
        }
        // Ranked by documents first.
        assert_eq!(rows[0].name, "Hendra Kusumawijaya");
    }

    #[test]
    fn single_occurrences_of_names_are_dropped_and_order_is_by_count() {
        let rows = suggest(&["Ahmad Dahlan datang. Ahmad Dahlan pergi. Sutan Mardiko datang. Sutan Mardiko pergi. Sutan Mardiko lagi. Rudi Hartono sekali."]);
        let names: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["Sutan Mardiko", "Ahmad Dahlan"]);
    }
}
