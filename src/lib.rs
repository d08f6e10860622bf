//! kutip: news in bulk to tables of who is named, what was said, and who said it.
//!
//! The pipeline, one stage per module, each reading the output of the
//! previous one and never rewriting its offsets:
//!
//! 1. [`corpus`]: finds the documents of a corpus (`.txt`, `.jsonl`, gzip,
//!    stdin) and reads them one at a time;
//! 2. [`document`]: splits a text into paragraphs, finds the title, drops
//!    page debris and paragraphs the scraper repeated;
//! 3. [`tokens`]: splits paragraphs into words;
//! 4. [`gazetteer`] + [`matcher`]: finds the names of the editable lists,
//!    whole words only, longest first;
//! 5. [`mentions`]: keeps the names the context allows, links short forms
//!    inside the document (surnames, acronyms defined in parentheses),
//!    demonyms and titles with a short name;
//! 6. [`quotes`]: finds direct, partial and indirect quotes and their speakers;
//! 7. [`tables`]: the schema of the four CSV tables, their writer and reader.
//!
//! [`pipeline`] chains stages 2-7 for one document; [`pipeline::driver`]
//! drives a corpus through it with rayon workers and one writer, in input
//! order, for every job over many documents.
//!
//! Around the pipeline: [`check`] and [`refresh`] lint, import, export and
//! suggest gazetteer entries; [`report`] turns a run's tables into HTML;
//! [`shard`] runs the pipeline inside a cluster engine (`map`) and puts the
//! shards back together (`merge`); [`fuzzing`] holds the fuzz entry points.
//!
//! The library never prints and never exits: errors are [`error::Error`] values.

pub mod check;
pub mod corpus;
pub mod document;
pub mod error;
pub mod fuzzing;
pub mod gazetteer;
pub mod matcher;
pub mod mentions;
pub mod pipeline;
pub mod quotes;
pub mod refresh;
pub mod report;
pub mod shard;
pub mod tables;
pub mod tagger;
pub mod tokens;
pub mod word_table;

pub use error::{Error, Result};
pub use pipeline::{Pipeline, PipelineBuilder};
