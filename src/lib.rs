//! kutip: news in bulk to tables of who is named, what was said, and who said it.
//!
//! The pipeline, one stage per module, each reading the output of the
//! previous one and never rewriting its offsets:
//!
//! 1. [`input`]: finds the documents of a corpus (`.txt`, `.jsonl`, gzip,
//!    stdin) and reads them one at a time;
//! 2. [`document`]: splits a text into paragraphs, finds the title, drops
//!    page debris and paragraphs the scraper repeated;
//! 3. [`tokens`]: splits paragraphs into words;
//! 4. [`gazetteer`] + [`matcher`]: finds the names of the editable lists,
//!    whole words only, longest first;
//! 5. [`resolve`]: links short forms inside the document (surnames,
//!    acronyms defined in parentheses);
//! 6. [`quotes`]: finds direct, partial and indirect quotes and their speakers;
//! 7. [`tables`] + [`output`]: the rows of the four CSV tables, written safely.
//!
//! [`pipeline`] chains stages 2-7 for one document; [`run`] drives a corpus
//! through it with rayon workers and one writer, in input order.
//!
//! Around the pipeline: [`check`] and [`refresh`] lint, import, export and
//! suggest gazetteer entries; [`report`] turns a run's tables into HTML;
//! [`stream`] and [`merge`] run the pipeline inside a cluster engine and
//! put the shards back together; [`fuzzing`] holds the fuzz entry points.
//!
//! The library never prints and never exits: errors are [`error::Error`] values.

pub mod check;
pub mod document;
pub mod error;
pub mod fuzzing;
pub mod gazetteer;
pub mod input;
pub mod matcher;
pub mod merge;
pub mod output;
pub mod pipeline;
pub mod quotes;
pub mod refresh;
pub mod report;
pub mod resolve;
pub mod run;
pub mod stream;
pub mod tables;
pub mod tagger;
pub mod tokens;

pub use error::{Error, Result};
pub use pipeline::{Pipeline, PipelineBuilder};
