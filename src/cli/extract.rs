//! `kutip extract`: a corpus in, four CSV tables out.

use super::shared::{counts, exit_code, remove_older, warn_renamed_ids, PipelineArgs, TableArgs};
use anyhow::{Context, Result};
use kutip::corpus::Source;
use kutip::corpus::{discover_all, Discovered, FORMATS_READ};
use kutip::pipeline::driver::Summary;
use kutip::pipeline::driver::{run as run_corpus, BatchLimits};
use kutip::tables::xlsx::older_derived_files;
use kutip::tables::{tables_not_written, Status, TableWriter, XlsxWriter};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// Extract mentions, entities and quotes from news articles.
///
/// INPUT is files or folders (walked recursively, in sorted order): `.txt`
/// files are one article each, `.jsonl` (or `.ndjson`) files one JSON
/// object per line ({"id", "text", "title"}; only "text" is required),
/// `.gz` versions of both are read directly, and `-` reads JSON Lines from
/// standard input. Text may be UTF-8 or UTF-16. In folders, files of other
/// formats (`.md`, `.html`, ...) are skipped, and the run says which; a
/// file named as INPUT is read as text whatever its name.
///
/// Writes documents.csv, mentions.csv, entities.csv and quotes.csv into the
/// output folder (documents.csv and those --tables chooses). Exit status: 0 when every document was processed, 1 when
/// some document failed (see the `status` and `error` columns of
/// documents.csv), 2 when the run could not be done at all.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Files or folders to read: .txt (one article), .jsonl/.ndjson (one
    /// JSON object a line), their .gz; UTF-8 or UTF-16. `-` reads JSON Lines
    /// on standard input. Other files in folders are skipped, and listed.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    #[command(flatten)]
    tables: TableArgs,
    #[command(flatten)]
    pipeline: PipelineArgs,
    /// Also writes the tables as one workbook FILE (.xlsx): About, then a
    /// sheet per table; past 1,048,576 rows a sheet goes on in `NAME (2)`.
    #[arg(long, value_name = "FILE")]
    xlsx: Option<PathBuf>,
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j', value_name = "N")]
    threads: Option<usize>,
    /// Prints nothing but errors.
    #[arg(long, short)]
    quiet: bool,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let started = Instant::now();
    let pipeline = args.pipeline.build()?;
    let tables = pipeline.tables();
    let Discovered { sources, skipped } = discover_all(&args.inputs)?;
    if !skipped.is_empty() && !args.quiet {
        eprintln!(
            "kutip: skipped {} files not of a format read ({FORMATS_READ}): {}; name a file as INPUT to read it as text",
            skipped.len(),
            a_few(&skipped)
        );
    }
    if sources.is_empty() {
        anyhow::bail!(
            "nothing to read in {}: no {FORMATS_READ} files{}",
            list(&args.inputs),
            if skipped.is_empty() {
                String::new()
            } else {
                format!(" ({} others skipped: {})", skipped.len(), a_few(&skipped))
            }
        );
    }
    if let Some(n) = args.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global()
            .context("starting worker threads")?;
    }
    let mut workbook = match &args.xlsx {
        Some(path) => Some(
            XlsxWriter::create(path, args.tables.options().force, tables)
                .with_context(|| format!("writing the workbook --xlsx {}", path.display()))?,
        ),
        None => None,
    };
    let out = &args.tables.out;
    if out.exists() && !out.is_dir() {
        anyhow::bail!(
            "--out {} is a file; the tables go into a folder: name a folder (created when missing)",
            out.display()
        );
    }
    let mut writer = TableWriter::create(out, &args.tables.options(), tables)
        .with_context(|| format!("writing the tables into --out {}", out.display()))?;
    // The tables are replaced (--force): a report or workbook made from the
    // older ones would no longer match them, nor would an older table that
    // this run does not write.
    let older = if args.tables.options().force {
        let mut older = tables_not_written(out, tables);
        older.extend(older_derived_files(out, args.xlsx.as_deref()));
        older
    } else {
        Vec::new()
    };
    remove_older(&older, args.quiet)?;
    let mut stdin_hint_shown = false;
    let mut progress = Progress::new(&sources, !args.quiet && std::io::stderr().is_terminal());
    let summary = run_corpus(&pipeline, &sources, BatchLimits::default(), |out| {
        if out.document.status == Status::Error && !args.quiet {
            progress.clear();
            let doc = &out.document;
            // Reasons of JSON lines already start with their place.
            if doc.error.starts_with(&format!("{}:", doc.source)) {
                eprintln!("kutip: {}", doc.error);
            } else {
                eprintln!("kutip: {}: {}", doc.doc_id, doc.error);
            }
            if !stdin_hint_shown
                && doc.source.starts_with("stdin:")
                && doc.error.contains("invalid JSON")
            {
                stdin_hint_shown = true;
                eprintln!(
                    "kutip: standard input (-) is read as JSON Lines, one {{\"text\": ...}} object a line; \
                     to read a plain text file, name it: kutip extract FILE.txt"
                );
            }
        }
        progress.document(out.document.chars);
        writer.write(out)?;
        match &mut workbook {
            Some(w) => w.write(out),
            None => Ok(()),
        }
    })?;
    progress.clear();
    if !args.quiet {
        warn_renamed_ids(&summary);
    }
    writer.finish()?;
    if let Some(w) = workbook {
        w.finish(&about(&args, &summary))?;
    }
    if !args.quiet {
        let secs = started.elapsed().as_secs_f64();
        eprintln!(
            "kutip: {}, {} in {:.2}s -> {}",
            counts(&summary, tables),
            size(summary.bytes),
            secs,
            args.tables.out.display()
        );
    }
    // The process ends here: freeing the compiled gazetteer one allocation
    // at a time would only delay the exit (a tenth of a second for a
    // million names); the OS takes the memory back at once.
    std::mem::forget(pipeline);
    if summary.documents == 0 {
        eprintln!("kutip: no documents were read (the input files hold no records)");
        return Ok(ExitCode::from(1));
    }
    Ok(exit_code(&summary))
}

/// The first few of `names`, and how many more.
fn a_few(names: &[String]) -> String {
    let shown: Vec<&str> = names.iter().take(3).map(String::as_str).collect();
    match names.len() - shown.len() {
        0 => shown.join(", "),
        more => format!("{}, and {more} more", shown.join(", ")),
    }
}

fn list(paths: &[PathBuf]) -> String {
    let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    names.join(" ")
}

/// The About sheet of the workbook: what made it, from what, when.
fn about(args: &Args, summary: &Summary) -> Vec<(String, String)> {
    let inputs: Vec<String> = args
        .inputs
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    let command: Vec<String> = std::env::args().collect();
    vec![
        ("command".into(), command.join(" ")),
        (
            "version".into(),
            format!("kutip {}", env!("CARGO_PKG_VERSION")),
        ),
        ("date".into(), utc_now()),
        ("input".into(), inputs.join(" ")),
        ("tables".into(), args.tables.out.display().to_string()),
        (
            "documents".into(),
            format!(
                "{} ({} ok, {} skipped, {} failed)",
                summary.documents, summary.ok, summary.skipped, summary.errors
            ),
        ),
        ("input size".into(), size(summary.bytes)),
    ]
}

/// The time now, UTC, as `2026-12-04 14:31:28 UTC`.
fn utc_now() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (days, rest) = (secs / 86_400, secs % 86_400);
    // Civil date from days since 1970-01-01 (H. Hinnant's algorithm).
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02} UTC",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// A size for people: bytes, KB or MB (a small run is not "0.0 MB").
pub fn size(bytes: u64) -> String {
    match bytes {
        b if b < 1_000 => format!("{b} bytes"),
        b if b < 1_000_000 => format!("{:.1} KB", b as f64 / 1e3),
        b => format!("{:.1} MB", b as f64 / 1e6),
    }
}

/// A one-line progress report on stderr (documents, MB, rate, ETA), only
/// when stderr is a terminal. Sizes are approximate: characters of text
/// against bytes of input files.
struct Progress {
    on: bool,
    total: u64,
    docs: u64,
    done: u64,
    started: Instant,
    last: Instant,
    shown: bool,
}

impl Progress {
    fn new(sources: &[Source], on: bool) -> Progress {
        let total = if on {
            sources.iter().map(Source::size).sum()
        } else {
            0
        };
        Progress {
            on,
            total,
            docs: 0,
            done: 0,
            started: Instant::now(),
            last: Instant::now(),
            shown: false,
        }
    }

    fn document(&mut self, chars: usize) {
        self.docs += 1;
        self.done += chars as u64;
        if !self.on || self.last.elapsed().as_millis() < 250 {
            return;
        }
        self.last = Instant::now();
        let secs = self.started.elapsed().as_secs_f64().max(1e-3);
        let rate = self.done as f64 / 1e6 / secs;
        let eta = if self.total > self.done && rate > 0.0 {
            format!(", ETA {:.0}s", (self.total - self.done) as f64 / 1e6 / rate)
        } else {
            String::new()
        };
        eprint!(
            "\r\x1b[Kkutip: {} documents, {:.1} MB, {:.1} MB/s{eta}",
            self.docs,
            self.done as f64 / 1e6,
            rate
        );
        let _ = std::io::stderr().flush();
        self.shown = true;
    }

    fn clear(&mut self) {
        if self.shown {
            eprint!("\r\x1b[K");
            self.shown = false;
        }
    }
}
