//! `kutip report`: the tables of a run in, one HTML page out.

use anyhow::{Context, Result};
use kutip::report::{html, Figures, Options};
use kutip::tables::TABLES;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Builds a self-contained HTML report of a run: who dominates the
/// coverage, who is quoted, who appears with whom, what the lists miss.
///
/// OUTPUT_DIR is the folder of a `kutip extract` run (its documents.csv,
/// mentions.csv, entities.csv and quotes.csv). The page has no script and
/// loads nothing from the network; it is replaced if it exists. Exit
/// status: 0 on success, 2 when the tables cannot be read or the page
/// cannot be written.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Folder holding the tables of a `kutip extract` run.
    #[arg(value_name = "OUTPUT_DIR")]
    dir: PathBuf,
    /// The HTML file to write [default: OUTPUT_DIR/report.html].
    #[arg(long, short, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Entities per chart and speakers listed.
    #[arg(long, default_value_t = 10, value_name = "N")]
    top: usize,
    /// Entities in the co-occurrence matrix.
    #[arg(long, default_value_t = 12, value_name = "N")]
    matrix: usize,
    /// Prints nothing but errors.
    #[arg(long, short)]
    quiet: bool,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let options = Options {
        top: args.top.max(1),
        matrix: args.matrix.max(2),
        ..Options::default()
    };
    // A run of some tables only (`extract --tables`) has no figures for
    // the others: a page showing them as zero would say "none found".
    if args.dir.join(TABLES[0]).is_file() {
        if let Some(missing) = TABLES.iter().find(|t| !args.dir.join(t).is_file()) {
            anyhow::bail!(
                "{} has no {missing}: its run made some tables only (kutip extract --tables); \
                 the report needs all four: rerun without --tables",
                args.dir.display()
            );
        }
    }
    let figures = Figures::read(&args.dir, &options)
        .with_context(|| format!("reading the tables of {}", args.dir.display()))?;
    let page = html::render(&figures, &run_name(&args.dir));
    let out = args.out.unwrap_or_else(|| args.dir.join("report.html"));
    write_atomically(&out, page.as_bytes())?;
    if !args.quiet {
        eprintln!(
            "kutip: report of {} documents, {} mentions, {} quotes -> {}",
            figures.documents,
            figures.mentions,
            figures.quotes,
            out.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// The folder's name, or its path when it has none (`.`).
fn run_name(dir: &Path) -> String {
    let full = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    full.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| dir.display().to_string())
}

/// Writes `FILE.partial`, then renames it, so a report that exists is whole.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut partial = path.as_os_str().to_owned();
    partial.push(".partial");
    let partial = PathBuf::from(partial);
    std::fs::write(&partial, bytes).with_context(|| format!("writing {}", partial.display()))?;
    std::fs::rename(&partial, path).with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}
