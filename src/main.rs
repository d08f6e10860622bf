//! The `kutip` command line. The library does the work; this file owns
//! flags, messages and exit codes.

mod cli;

/// mimalloc: the pipeline makes many small short-lived allocations per
/// document; glibc malloc spent about a fifth of all instructions on them.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// News in bulk to tables: who and what is named, what was said, who said it.
#[derive(Parser)]
#[command(name = "kutip", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract mentions, entities and quotes from a corpus into CSV tables.
    Extract(cli::extract::Args),
    /// Work with gazetteer lists.
    #[command(subcommand)]
    Gazetteer(cli::gazetteer::Command),
    /// Build an HTML report (charts, top speakers, gaps) from the tables of a run.
    Report(cli::report::Args),
    /// Streaming map for cluster engines: JSON Lines records in, rows of all tables out.
    Map(cli::map::Args),
    /// Merges the shards written by `kutip map` into the CSV tables of `extract`.
    Merge(cli::merge::Args),
}

fn main() -> ExitCode {
    quiet_workbook_panics();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => cli::extract::run(args),
        Command::Gazetteer(c) => cli::gazetteer::run(c),
        Command::Report(args) => cli::report::run(args),
        Command::Map(args) => cli::map::run(args),
        Command::Merge(args) => cli::merge::run(args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("kutip: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// rust_xlsxwriter panics when it cannot write its temporary files (a full
/// disk); the workbook writer catches that and reports it as an error
/// naming the workbook and sheet, so the panic's own message is not shown.
fn quiet_workbook_panics() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let in_xlsx = info
            .location()
            .is_some_and(|l| l.file().contains("rust_xlsxwriter"));
        if !in_xlsx {
            default(info);
        }
    }));
}
