//! `kutip merge`: the shards of `kutip map` in, the four CSV tables out.

use super::shared::{counts, exit_code, remove_older, warn_renamed_ids, TableArgs};
use anyhow::Result;
use kutip::shard::{merge, shard_files};
use kutip::tables::{tables_not_written, TableSet, TableWriter};
use std::path::PathBuf;
use std::process::ExitCode;

/// Merges the output of `kutip map` (files, or folders of them such as
/// Spark's part-* files; `-` for standard input) into documents.csv,
/// mentions.csv, entities.csv and quotes.csv, written as `kutip extract`
/// writes them.
///
/// Documents of numbered input (`kutip map --numbered`) come in corpus
/// order, so the tables are byte-identical to those of `kutip extract` on
/// the same file; documents of plain input come in `doc_id` order. An id
/// used a second time is renamed ID#2, ID#3, ... in that order.
///
/// Exit status: 0 when every document was processed; 1 when some document
/// failed (see documents.csv); 2 when the merge could not be done (a shard
/// unreadable, cut short or not written by `kutip map`, existing tables
/// without --force, unwritable output).
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Shard files or folders (`-` for standard input).
    #[arg(required = true, value_name = "SHARD")]
    shards: Vec<PathBuf>,
    #[command(flatten)]
    tables: TableArgs,
    /// Prints nothing but errors.
    #[arg(long, short)]
    quiet: bool,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let files = shard_files(&args.shards)?;
    let options = args.tables.options();
    let out = &args.tables.out;
    // The tables are those of the runs that made the shards, known from
    // their first document (merge refuses shards of different ones).
    let mut writer: Option<(TableWriter, TableSet)> = None;
    let open = |tables: TableSet| -> Result<(TableWriter, TableSet)> {
        if options.force {
            remove_older(&tables_not_written(out, tables), args.quiet)?;
        }
        Ok((TableWriter::create(out, &options, tables)?, tables))
    };
    let summary = merge(&files, |doc| {
        if writer.is_none() {
            writer = Some(open(doc.tables).map_err(|e| kutip::Error::Refused(format!("{e:#}")))?);
        }
        writer.as_mut().map_or(Ok(()), |(w, _)| w.write(doc))
    })?;
    let (writer, tables) = match writer {
        Some(w) => w,
        None => open(TableSet::ALL)?,
    };
    writer.finish()?;
    if !args.quiet {
        warn_renamed_ids(&summary);
        eprintln!(
            "kutip: {} shards, {} -> {}",
            files.len(),
            counts(&summary, tables),
            out.display()
        );
    }
    Ok(exit_code(&summary))
}
