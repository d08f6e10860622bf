//! The pipeline: one document in, its table rows out.
//!
//! A [`Pipeline`] is built once (gazetteers compiled, cue lists loaded) and
//! shared by every worker thread: it is `Send + Sync` and processing a
//! document only reads it.

pub mod driver;

use crate::corpus::Record;
use crate::document::{detect_language_in, segment, Document, ParagraphKind};
use crate::error::Result;
use crate::gazetteer::Gazetteer;
use crate::matcher::Matcher;
use crate::mentions::demonyms::{Demonyms, DEFAULT_DEMONYMS};
use crate::mentions::filter::MentionFilter;
use crate::mentions::foreign_acronyms::drop_foreign_acronyms;
use crate::mentions::resolve::{gazetteer_mentions, resolve, Method, ParagraphWords};
use crate::mentions::titles::{Titles, DEFAULT_TITLES};
use crate::mentions::words::MentionWords;
use crate::quotes::{self, Cues, QuoteInput, TypeWords};
use crate::tables::{
    CharOffsets, DocOutput, DocumentRow, EntityRow, MentionMethod, MentionRow, QuoteRow, Status,
    TableSet,
};
use crate::tagger::{names, Lang, Tagger};
use crate::tokens::{WordBuf, Words};
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Builds a [`Pipeline`].
///
/// By default, the embedded gazetteers and cue lists are used.
///
/// ```
/// use kutip::pipeline::PipelineBuilder;
/// let p = PipelineBuilder::new().build().unwrap();
/// assert!(p.matcher().pattern_count() > 0);
/// ```
#[derive(Debug, Clone)]
pub struct PipelineBuilder {
    default_gazetteers: bool,
    extra: Gazetteer,
    cues: Option<Cues>,
    model: bool,
    tables: TableSet,
}

impl Default for PipelineBuilder {
    fn default() -> Self {
        PipelineBuilder::new()
    }
}

impl PipelineBuilder {
    pub fn new() -> PipelineBuilder {
        PipelineBuilder {
            default_gazetteers: true,
            extra: Gazetteer::new(),
            cues: None,
            model: true,
            tables: TableSet::ALL,
        }
    }

    /// Whether to use the embedded gazetteers. By default, yes.
    pub fn default_gazetteers(mut self, yes: bool) -> Self {
        self.default_gazetteers = yes;
        self
    }

    /// Adds a gazetteer after the defaults.
    pub fn gazetteer(mut self, g: Gazetteer) -> Self {
        self.extra.extend(g);
        self
    }

    /// Uses these cue lists instead of the embedded ones.
    pub fn cues(mut self, cues: Cues) -> Self {
        self.cues = Some(cues);
        self
    }

    /// Whether the learned tagger adds names no list holds (`model`
    /// mentions). By default, yes.
    pub fn model(mut self, yes: bool) -> Self {
        self.model = yes;
        self
    }

    /// The tables to make (by default all four): a stage whose rows no
    /// table of `tables` holds does not run.
    pub fn tables(mut self, tables: TableSet) -> Self {
        self.tables = tables;
        self
    }

    /// Loads and compiles everything. A row of the added lists whose id is
    /// in the defaults replaces that row ([`Gazetteer::overlay`]); an id
    /// repeated within the added lists is an error.
    pub fn build(self) -> Result<Pipeline> {
        let base = if self.default_gazetteers {
            Gazetteer::defaults()?
        } else {
            Gazetteer::new()
        };
        let g = base.overlay(self.extra)?;
        let cues = match self.cues {
            Some(c) => c,
            None => Cues::defaults()?,
        };
        let matcher = Matcher::from_gazetteer(g);
        let (file, list) = DEFAULT_DEMONYMS;
        let demonyms = Demonyms::new(list, file, matcher.entities())?;
        let (file, list) = DEFAULT_TITLES;
        Ok(Pipeline {
            titles: Titles::new(list, file, matcher.entities())?,
            demonyms,
            matcher,
            cues,
            words: MentionWords::defaults()?,
            types: TypeWords::defaults()?,
            tagger: self.model.then(Tagger::embedded),
            tables: self.tables,
        })
    }
}

/// The compiled pipeline.
#[derive(Debug, Clone)]
pub struct Pipeline {
    matcher: Matcher,
    cues: Cues,
    words: MentionWords,
    demonyms: Demonyms,
    titles: Titles,
    types: TypeWords,
    tagger: Option<Tagger>,
    tables: TableSet,
}

impl Pipeline {
    pub fn matcher(&self) -> &Matcher {
        &self.matcher
    }

    /// The tables this pipeline makes.
    pub fn tables(&self) -> TableSet {
        self.tables
    }

    /// Processes one record. Never panics: a panic inside becomes an
    /// `error` row for that document.
    pub fn process_record(&self, record: &Record) -> DocOutput {
        match record {
            Record::Doc(doc) => guarded(doc, self.tables, || self.process(doc)),
            Record::Failed {
                id,
                source,
                status,
                reason,
            } => failed_row(id, source, *status, reason, self.tables),
        }
    }

    /// Processes one document into its rows.
    pub fn process(&self, doc: &Document) -> DocOutput {
        self.run_stages(doc, false).0
    }

    /// Like [`Pipeline::process`], with the candidates the speaker ranker
    /// weighed for each row of `quotes` (for refitting its weights).
    #[doc(hidden)]
    pub fn process_ranked(&self, doc: &Document) -> (DocOutput, Vec<Option<quotes::Ranked>>) {
        self.run_stages(doc, true)
    }

    /// The stages for one document; `ranked` keeps the ranker's candidates
    /// (only the trainer asks: a plain run spends nothing on them).
    fn run_stages(&self, doc: &Document, ranked: bool) -> (DocOutput, Vec<Option<quotes::Ranked>>) {
        let tables = self.tables;
        let text = doc.text.as_str();
        let seg = segment(text, doc.title.is_none());
        // The words of the whole text, once: each paragraph's are a slice
        // (paragraphs are trimmed lines, so no word crosses their edges),
        // and the language is told from the same words. Each word is
        // hashed here once, for the matcher and the tagger.
        let mut buf = WordBuf::default();
        buf.tokenize(text);
        let all_words = &buf.tokens;
        // Words and gazetteer matches of each kept paragraph.
        let mut paragraph_words: Vec<(usize, Words)> = Vec::new();
        let mut matches = Vec::new();
        let mut found = Vec::new();
        for (i, p) in seg.paragraphs.iter().enumerate() {
            if !matches!(p.kind, ParagraphKind::Title | ParagraphKind::Body) {
                continue;
            }
            let a = all_words.partition_point(|t| t.start < p.start);
            let b = a + all_words[a..].partition_point(|t| t.start < p.end);
            let pwords = buf.words().slice(a, b);
            if tables.lists() {
                found.clear();
                self.matcher.find_in_words(text, pwords, &mut found);
                matches.extend(found.iter().map(|&m| (i, m)));
            }
            paragraph_words.push((i, pwords));
        }
        let words: Vec<(usize, &[crate::tokens::Token])> = paragraph_words
            .iter()
            .map(|&(i, w)| (i, w.tokens))
            .collect();
        let pw: Vec<ParagraphWords> = words
            .iter()
            .map(|&(i, t)| ParagraphWords {
                index: i,
                tokens: t,
            })
            .collect();
        let lang = detect_language_in(text, all_words);
        let mentions = if tables.lists() {
            self.list_mentions(text, &pw, &matches, lang)
        } else {
            Vec::new()
        };
        let qparas: Vec<quotes::Paragraph> = words
            .iter()
            .map(|&(i, t)| {
                let p = &seg.paragraphs[i];
                quotes::Paragraph {
                    start: p.start,
                    end: p.end,
                    title: p.kind == ParagraphKind::Title,
                    tokens: t,
                }
            })
            .collect();
        // Names no list holds, found once: their rows, and the evidence the
        // quote stage types unlisted speakers by (the quotes table is the
        // same whichever other tables the run writes).
        let tagger = self.tagger.as_ref().filter(|_| tables.lists());
        let tagged = tagger.is_some() && Lang::from_code(lang).is_some();
        let model_names = match (tagger, Lang::from_code(lang)) {
            (Some(tagger), Some(l)) => {
                let paras: Vec<names::ParagraphInput> = paragraph_words
                    .iter()
                    .map(|&(i, words)| names::ParagraphInput {
                        index: i,
                        title: seg.paragraphs[i].kind == ParagraphKind::Title,
                        words,
                        matches: paragraph_matches(&matches, i),
                    })
                    .collect();
                let entities = self.matcher.entities();
                names::find_names(tagger, text, l, &paras, entities, &mentions)
            }
            _ => Vec::new(),
        };
        let input = QuoteInput {
            text,
            names: &model_names,
            types: &self.types,
            paragraphs: &qparas,
            mentions: &mentions,
            entities: self.matcher.entities(),
            cues: &self.cues,
            english: lang == "en",
        };
        let (found, ranked) = if !tables.quotes {
            (Vec::new(), Vec::new())
        } else if ranked {
            quotes::extract_ranked(&input)
        } else {
            (quotes::extract(&input), Vec::new())
        };

        let entities = self.matcher.entities();
        let mut chars = CharOffsets::new(text);
        let model_rows: &[names::ModelName] = if tagged { &model_names } else { &[] };
        let mut mention_rows: Vec<MentionRow> = Vec::new();
        if tables.names() {
            // The rows in order of start, a list's mention before a model
            // name at the same start (a stable sort of both by start): the
            // order is made on (start, index) pairs, then each row is made
            // in its place, rather than sorting rows.
            let starts = mentions.iter().map(|m| m.start);
            let starts = starts.chain(model_rows.iter().map(|n| n.start));
            let mut order: Vec<(usize, usize)> = starts.enumerate().map(|(i, s)| (s, i)).collect();
            if !model_rows.is_empty() {
                order.sort_unstable();
            }
            mention_rows.reserve_exact(order.len());
            for (_, i) in order {
                let row = match mentions.get(i) {
                    Some(m) => {
                        let e = &entities[m.entity as usize];
                        MentionRow {
                            doc_id: doc.id.clone(),
                            start: chars.get(m.start),
                            end: chars.get(m.end),
                            surface: text[m.start..m.end].to_string(),
                            entity_id: e.id.clone(),
                            entity: e.name.clone(),
                            kind: e.kind,
                            paragraph: seg.paragraphs[m.paragraph].number,
                            method: m.method.into(),
                        }
                    }
                    None => {
                        let n = &model_rows[i - mentions.len()];
                        MentionRow {
                            doc_id: doc.id.clone(),
                            start: chars.get(n.start),
                            end: chars.get(n.end),
                            surface: text[n.start..n.end].to_string(),
                            entity_id: String::new(),
                            entity: n.name.clone(),
                            kind: n.kind,
                            paragraph: seg.paragraphs[n.paragraph].number,
                            method: MentionMethod::Model,
                        }
                    }
                };
                mention_rows.push(row);
            }
        }
        let quote_rows: Vec<QuoteRow> = found
            .iter()
            .enumerate()
            .map(|(n, q)| {
                let sp = q.speaker.as_ref();
                QuoteRow {
                    doc_id: doc.id.clone(),
                    quote_id: ["q", itoa::Buffer::new().format(n + 1)].concat(),
                    start: chars.get(q.start),
                    end: chars.get(q.end),
                    kind: q.kind.as_str().into(),
                    text: text[q.start..q.end].to_string(),
                    speaker_id: sp
                        .and_then(|s| s.entity)
                        .map(|e| entities[e as usize].id.clone())
                        .unwrap_or_default(),
                    speaker: sp.map(|s| s.name.clone()).unwrap_or_default(),
                    speaker_type: sp.map(|s| s.kind),
                    speaker_surface: sp.map(|s| s.surface.clone()).unwrap_or_default(),
                    cue: q.cue.clone(),
                    method: q.method.map_or("", quotes::Method::as_str).into(),
                    paragraph: seg.paragraphs[words[q.paragraph].0].number,
                }
            })
            .collect();
        let entity_rows = match tables.entities {
            true => entity_rows(&doc.id, &mention_rows, &quote_rows, tables.quotes),
            false => Vec::new(),
        };
        let mention_count = mention_rows.len();
        if !tables.mentions {
            mention_rows = Vec::new();
        }
        let title = doc
            .title
            .clone()
            .or_else(|| seg.title.map(|(s, e)| text[s..e].to_string()))
            .unwrap_or_default();
        let out = DocOutput {
            document: DocumentRow {
                doc_id: doc.id.clone(),
                source: doc.source.clone(),
                title,
                lang: lang.into(),
                chars: chars.get(text.len()),
                paragraphs: seg.body,
                repeated_paragraphs: seg.repeats,
                mentions: tables.names().then_some(mention_count),
                quotes: tables.quotes.then_some(quote_rows.len()),
                status: Status::Ok,
                error: doc.warning.clone().unwrap_or_default(),
            },
            mentions: mention_rows,
            entities: entity_rows,
            quotes: quote_rows,
            tables,
        };
        (out, ranked)
    }

    /// The mentions of the lists' names in a document, through the mention
    /// rules. Context rules out some names before short forms and acronyms
    /// build on them, and some of the short forms after.
    fn list_mentions(
        &self,
        text: &str,
        pw: &[ParagraphWords],
        matches: &[(usize, crate::matcher::Match)],
        lang: &str,
    ) -> Vec<crate::mentions::resolve::Mention> {
        let mut filter = MentionFilter::new(text, &self.matcher, pw, &self.words);
        let mut mentions = gazetteer_mentions(matches);
        filter.apply(&mut mentions, |_| true);
        let mut mentions = resolve(text, &self.matcher, pw, mentions);
        self.demonyms.find(text, pw, &mut mentions);
        self.titles
            .find(text, self.matcher.entities(), pw, &mut mentions);
        filter.apply(&mut mentions, |m| m.method != Method::Gazetteer);
        drop_foreign_acronyms(text, self.matcher.entities(), &mut mentions, lang == "en");
        mentions
    }
}

/// The list matches of paragraph `i` (`matches` is in paragraph order).
fn paragraph_matches(
    matches: &[(usize, crate::matcher::Match)],
    i: usize,
) -> &[(usize, crate::matcher::Match)] {
    let a = matches.partition_point(|m| m.0 < i);
    let b = a + matches[a..].partition_point(|m| m.0 == i);
    &matches[a..b]
}

/// One row per entity mentioned or quoted, in order of first appearance.
/// When quotes were not searched (`quotes_searched` false), the rows are
/// those of the entities mentioned, with an empty `quotes` cell.
fn entity_rows(
    doc_id: &str,
    mentions: &[MentionRow],
    quotes: &[QuoteRow],
    quotes_searched: bool,
) -> Vec<EntityRow> {
    // Keyed by (id, or name for unlisted speakers), borrowed from the rows
    // (no copy of either per mention); the order is made by the sort below.
    let mut rows: Vec<EntityRow> = Vec::new();
    let mut index: rustc_hash::FxHashMap<(&str, &str), usize> = Default::default();
    for m in mentions {
        let i = row_index(&mut index, &mut rows, &m.entity_id, &m.entity, || {
            EntityRow {
                doc_id: doc_id.to_string(),
                entity_id: m.entity_id.clone(),
                entity: m.entity.clone(),
                kind: m.kind,
                mentions: 0,
                quotes: quotes_searched.then_some(0),
                first_start: m.start,
            }
        });
        let row = &mut rows[i];
        row.mentions += 1;
        row.first_start = row.first_start.min(m.start);
    }
    let speakers = quotes
        .iter()
        .filter_map(|q| Some((q, q.speaker_type?)))
        .filter(|(q, _)| !q.speaker.is_empty());
    for (q, kind) in speakers {
        let i = row_index(&mut index, &mut rows, &q.speaker_id, &q.speaker, || {
            EntityRow {
                doc_id: doc_id.to_string(),
                entity_id: q.speaker_id.clone(),
                entity: q.speaker.clone(),
                kind,
                mentions: 0,
                quotes: Some(0),
                first_start: q.start,
            }
        });
        *rows[i].quotes.get_or_insert(0) += 1;
    }
    rows.sort_by(|a, b| {
        (a.first_start, &a.entity_id, &a.entity).cmp(&(b.first_start, &b.entity_id, &b.entity))
    });
    rows
}

/// The index in `rows` of the row keyed (`id`, `name`), made by `new`
/// when there is none yet.
fn row_index<'a>(
    index: &mut rustc_hash::FxHashMap<(&'a str, &'a str), usize>,
    rows: &mut Vec<EntityRow>,
    id: &'a str,
    name: &'a str,
    new: impl FnOnce() -> EntityRow,
) -> usize {
    *index.entry((id, name)).or_insert_with(|| {
        rows.push(new());
        rows.len() - 1
    })
}

/// Runs `process` on `doc`; a panic inside becomes an `error` row for it.
fn guarded(doc: &Document, tables: TableSet, process: impl FnOnce() -> DocOutput) -> DocOutput {
    match catch_unwind(AssertUnwindSafe(process)) {
        Ok(out) => out,
        Err(panic) => {
            let msg = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            failed_row(
                &doc.id,
                &doc.source,
                Status::Error,
                &format!("internal error: {msg}"),
                tables,
            )
        }
    }
}

/// The row of a document that could not be processed: no mentions or
/// quotes found, in the tables the run searched.
fn failed_row(id: &str, source: &str, status: Status, reason: &str, tables: TableSet) -> DocOutput {
    DocOutput {
        document: DocumentRow {
            doc_id: id.to_string(),
            source: source.to_string(),
            status,
            error: reason.to_string(),
            mentions: tables.names().then_some(0),
            quotes: tables.quotes.then_some(0),
            ..DocumentRow::default()
        },
        tables,
        ..DocOutput::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_error_row_and_processing_goes_on() {
        let p = PipelineBuilder::new().build().unwrap();
        let doc = Document {
            id: "d".into(),
            source: "d.txt".into(),
            text: "China and Russia.".into(),
            ..Document::default()
        };
        // The guard `process_record` puts around `process`, given a bug.
        let out = guarded(&doc, TableSet::ALL, || panic!("a bug met while processing"));
        assert_eq!(
            (out.document.doc_id.as_str(), out.document.source.as_str()),
            ("d", "d.txt")
        );
        assert_eq!(out.document.status, Status::Error);
        assert_eq!(
            out.document.error,
            "internal error: a bug met while processing"
        );
        let out = guarded(&doc, TableSet::ALL, || panic!("{} bugs", 2));
        assert_eq!(out.document.error, "internal error: 2 bugs");
        let out = p.process_record(&Record::Doc(doc));
        assert_eq!((out.document.status, out.mentions.len()), (Status::Ok, 2));
    }

    /// Entity rows are keyed by (id, name) without copying either per
    /// mention: one row per key, counted, in order of first mention, with
    /// unlisted names (empty id) kept apart by name.
    #[test]
    fn entity_rows_count_each_id_and_name_once_in_order_of_first_mention() {
        let m = |id: &str, name: &str, start: usize| MentionRow {
            doc_id: "d".into(),
            entity_id: id.into(),
            entity: name.into(),
            start,
            ..MentionRow::default()
        };
        let mentions = [
            m("Q2", "Bo", 9),
            m("", "Cy", 4),
            m("Q2", "Bo", 1),
            m("", "Di", 20),
            m("", "Cy", 30),
        ];
        let quote = QuoteRow {
            speaker_id: "Q9".into(),
            speaker: "Ed".into(),
            speaker_type: Some(crate::gazetteer::EntityType::Person),
            start: 2,
            ..QuoteRow::default()
        };
        let rows = entity_rows("d", &mentions, &[quote.clone(), quote], true);
        let got: Vec<(&str, &str, usize, Option<usize>, usize)> = rows
            .iter()
            .map(|r| {
                let (id, name) = (r.entity_id.as_str(), r.entity.as_str());
                (id, name, r.mentions, r.quotes, r.first_start)
            })
            .collect();
        assert_eq!(
            got,
            [
                ("Q2", "Bo", 2, Some(0), 1),
                ("Q9", "Ed", 0, Some(2), 2),
                ("", "Cy", 2, Some(0), 4),
                ("", "Di", 1, Some(0), 20),
            ]
        );
        let rows = entity_rows("d", &mentions, &[], false);
        assert!(rows.iter().all(|r| r.quotes.is_none()));
        assert_eq!(rows.len(), 3);
    }

    #[test]
    fn pipeline_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Pipeline>();
    }
}
