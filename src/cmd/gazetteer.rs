//! `kutip gazetteer ...`: work with gazetteer lists.

use anyhow::Result;
use kutip::check::{check, Severity};
use kutip::gazetteer::Gazetteer;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Subcommand, Debug)]
pub enum Command {
    /// Lints lists: prints FILE:LINE for each finding; exit status 1 on errors.
    ///
    /// With no PATH, checks the embedded default lists.
    Check {
        /// List files or folders of .tsv lists.
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Also prints warnings.
        #[arg(long, short)]
        warnings: bool,
    },
}

pub fn run(cmd: Command) -> Result<ExitCode> {
    match cmd {
        Command::Check { paths, warnings } => {
            let g = if paths.is_empty() {
                Gazetteer::defaults()?
            } else {
                let mut g = Gazetteer::new();
                for p in &paths {
                    g.extend(Gazetteer::load_path(p)?);
                }
                g
            };
            let findings = check(&g);
            let errors = findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .count();
            let warns = findings.len() - errors;
            for f in &findings {
                if f.severity == Severity::Error || warnings {
                    println!("{f}");
                }
            }
            let mut counts = std::collections::BTreeMap::new();
            for e in g.entities() {
                *counts.entry(e.kind.as_str()).or_insert(0usize) += 1;
            }
            let counts: Vec<String> = counts.iter().map(|(k, v)| format!("{v} {k}")).collect();
            eprintln!(
                "kutip: {} entities ({}), {} errors, {} warnings{}",
                g.entities().len(),
                counts.join(", "),
                errors,
                warns,
                if warns > 0 && !warnings {
                    " (--warnings to list them)"
                } else {
                    ""
                }
            );
            Ok(if errors > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
    }
}
