//! Argument groups that several subcommands share, so that each flag is
//! declared, documented and applied in one place.

use anyhow::{Context, Result};
use kutip::gazetteer::Gazetteer;
use kutip::pipeline::driver::Summary;
use kutip::quotes::Cues;
use kutip::tables::{OutputOptions, TableSet};
use kutip::{Pipeline, PipelineBuilder};
use std::path::PathBuf;
use std::process::ExitCode;

/// Which gazetteers and cue lists build the pipeline (`extract`, `map`).
#[derive(clap::Args, Debug)]
pub struct PipelineArgs {
    /// Adds a gazetteer list (a .tsv file, or a folder of them); repeatable.
    #[arg(long = "gazetteer", short = 'g', value_name = "PATH")]
    gazetteers: Vec<PathBuf>,
    /// Uses only the lists given with --gazetteer, not the embedded ones.
    #[arg(long)]
    no_default_gazetteers: bool,
    /// Uses these cue lists (.tsv) instead of the embedded ones; repeatable.
    #[arg(long = "cues", value_name = "FILE")]
    cues: Vec<PathBuf>,
    /// Lists only: no `model` mentions from the learned name tagger.
    #[arg(long)]
    no_model: bool,
    /// The tables to make besides documents.csv, comma-separated, from
    /// mentions, entities, quotes (default: all three). What no chosen
    /// table holds is not searched: `--tables mentions,entities` finds names
    /// only; documents.csv leaves `quotes` empty (not searched).
    #[arg(long = "tables", value_name = "LIST", value_parser = TableSet::parse,
          default_value = "mentions,entities,quotes")]
    pub table_set: TableSet,
}

impl PipelineArgs {
    /// Loads the lists and compiles the pipeline.
    pub fn build(&self) -> Result<Pipeline> {
        let mut builder = PipelineBuilder::new()
            .default_gazetteers(!self.no_default_gazetteers)
            .model(!self.no_model)
            .tables(self.table_set);
        for path in &self.gazetteers {
            let list = Gazetteer::load_path(path)
                .with_context(|| format!("reading the list given by -g {}", path.display()))?;
            builder = builder.gazetteer(list);
        }
        if !self.cues.is_empty() {
            let mut cues = Cues::default();
            for path in &self.cues {
                let text = std::fs::read_to_string(path)
                    .with_context(|| format!("reading cue list {}", path.display()))?;
                cues.add(&text, &path.display().to_string())?;
            }
            builder = builder.cues(cues);
        }
        Ok(builder.build()?)
    }
}

/// Where and how the CSV tables are written (`extract`, `merge`).
#[derive(clap::Args, Debug)]
pub struct TableArgs {
    /// Output folder for the tables.
    #[arg(long, short, default_value = "output", value_name = "DIR")]
    pub out: PathBuf,
    /// Replaces tables already in the output folder.
    #[arg(long)]
    force: bool,
    /// Leaves cells starting with = + - @ as they are (for programs, not spreadsheets).
    #[arg(long)]
    raw: bool,
    /// Starts each table with a UTF-8 byte order mark, so Excel reads accents right.
    #[arg(long)]
    excel: bool,
}

impl TableArgs {
    /// The writer's options.
    pub fn options(&self) -> OutputOptions {
        OutputOptions {
            force: self.force,
            raw: self.raw,
            excel_bom: self.excel,
        }
    }
}

/// The counts of a run's summary line: `5 documents (5 ok, 0 skipped, 0
/// failed), 86 mentions, 24 quotes`; a count of what the run's `tables`
/// did not search says so (`quotes not searched`).
pub fn counts(summary: &Summary, tables: TableSet) -> String {
    let count = |searched: bool, n: usize, what: &str| match searched {
        true => format!("{n} {what}"),
        false => format!("{what} not searched"),
    };
    format!(
        "{} documents ({} ok, {} skipped, {} failed), {}, {}",
        summary.documents,
        summary.ok,
        summary.skipped,
        summary.errors,
        count(tables.names(), summary.mentions, "mentions"),
        count(tables.quotes, summary.quotes, "quotes")
    )
}

/// Removes the files of an older run in the output folder that this run
/// replaces or does not write (`--force`), naming each on stderr.
pub fn remove_older(older: &[PathBuf], quiet: bool) -> Result<()> {
    for older in older {
        std::fs::remove_file(older)
            .with_context(|| format!("removing {} of the older run", older.display()))?;
        if !quiet {
            eprintln!(
                "kutip: removed {} (of the older run in the output folder)",
                older.display()
            );
        }
    }
    Ok(())
}

/// Says on stderr how many documents were renamed for a `doc_id` already
/// used (`extract`, `merge`); nothing when none was.
pub fn warn_renamed_ids(summary: &Summary) {
    if summary.duplicate_ids > 0 {
        eprintln!(
            "kutip: {} documents had a doc_id already used; renamed ID#2, ID#3, ... (see the error column)",
            summary.duplicate_ids
        );
    }
}

/// The exit status of a run over documents: 1 when some document failed
/// (see documents.csv), else 0.
pub fn exit_code(summary: &Summary) -> ExitCode {
    if summary.errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
