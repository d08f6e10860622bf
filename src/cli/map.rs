//! `kutip map`: JSON Lines records on stdin, rows of all tables on stdout,
//! for cluster engines (Spark's `rdd.pipe`, Hadoop Streaming).

use super::shared::{counts, PipelineArgs};
use anyhow::{Context, Result};
use kutip::shard::{map, MapOptions};
use kutip::tables::Status;
use std::io::Write;
use std::process::ExitCode;

/// Streaming map for cluster engines: JSON Lines records on standard input,
/// the rows of the tables (all four, or those --tables chooses) on
/// standard output as JSON Lines, e.g.
/// {"table":"mentions","row":{...}}. `kutip merge` makes the CSV tables.
///
/// Records are those of a .jsonl file ({"id", "text", "title"}; only "text"
/// is required). A record without "id" gets `fnv1a64:` + a hash of its text,
/// so that rows never depend on how the engine split the input; a bad line
/// becomes a documents row with status `error`. With --numbered, each line
/// is FILE:LINE, a tab, then the record, and rows are exactly those of
/// `kutip extract FILE`. Messages go to standard error only; no files are
/// written and no environment variable is read.
///
/// Exit status: 0 when every row was written (documents that failed are
/// rows, not failures); 2 when rows were lost (reading standard input or
/// writing standard output failed, a reader closed the pipe) or the run
/// could not start (a bad gazetteer, a --numbered line without FILE:LINE).
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Each line is FILE:LINE, a tab, then the record (its place in the corpus).
    #[arg(long)]
    numbered: bool,
    #[command(flatten)]
    pipeline: PipelineArgs,
    /// Worker threads (engines run one task per core).
    #[arg(long, short = 'j', value_name = "N", default_value_t = 1)]
    threads: usize,
    /// Prints nothing but errors.
    #[arg(long, short)]
    quiet: bool,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let pipeline = args.pipeline.build()?;
    rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads.max(1))
        .build_global()
        .context("starting worker threads")?;
    let options = MapOptions {
        numbered: args.numbered,
        ..MapOptions::default()
    };
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let mut output = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let quiet = args.quiet;
    let result = map(&pipeline, &mut input, &mut output, &options, |out| {
        if out.document.status == Status::Error && !quiet {
            eprintln!("kutip map: {}: {}", out.document.doc_id, out.document.error);
        }
    });
    // Not returned as an error: the binary takes a closed pipe for a reader
    // that had enough, but here it means rows were lost.
    let summary = match result.and_then(|s| {
        output
            .flush()
            .map_err(|e| kutip::Error::Io {
                path: "stdout".into(),
                source: e,
            })
            .map(|()| s)
    }) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("kutip map: {e}");
            return Ok(ExitCode::from(2));
        }
    };
    if !args.quiet {
        eprintln!("kutip map: {}", counts(&summary, pipeline.tables()));
    }
    Ok(ExitCode::SUCCESS)
}
