//! `kutip gazetteer ...`: work with gazetteer lists (check, import, export,
//! suggest). The library does the work; this file owns messages and exit
//! codes: 0 ok, 1 findings or errors in the data, 2 could not run.

use anyhow::{bail, Context, Result};
use kutip::check::{against, check, Finding, Severity};
use kutip::gazetteer::{EntityType, Gazetteer};
use kutip::refresh::{export, import, merge, suggest, write};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Subcommand, Debug)]
pub enum Command {
    /// Lints lists: prints FILE:LINE for each finding; exit status 1 on errors.
    ///
    /// With no PATH, checks the embedded default lists. With PATHs, also
    /// says what the lists do when laid over the embedded ones (`--gazetteer`):
    /// rows that replace an embedded row of the same id, names taken from
    /// embedded entities (notes) or kept by them (warnings).
    Check {
        /// List files or folders of .tsv lists.
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Also prints warnings.
        #[arg(long, short)]
        warnings: bool,
    },
    /// Merges a downloaded list into a gazetteer list, by id.
    ///
    /// FORMAT: wikidata (CSV or TSV from query.wikidata.org), wikidata-csv,
    /// wikidata-tsv, geonames-countries (countryInfo.txt), geonames-cities
    /// (cities*.txt), geonames-alternate (alternateNamesV2.txt), spacy
    /// (EntityRuler JSONL), csv (kutip export), tsv (another list),
    /// suggestions (a reviewed `kutip gazetteer suggest` sheet).
    /// Writes nothing when input rows are malformed, unless --force.
    /// Exit status 1 when rows were malformed or refused (conflicts).
    Import {
        /// What INPUT is: wikidata, wikidata-csv, wikidata-tsv,
        /// geonames-countries, geonames-cities, geonames-alternate, spacy,
        /// csv, tsv, suggestions (see above).
        #[arg(value_name = "FORMAT")]
        format: String,
        /// The downloaded or reviewed file to merge in.
        #[arg(value_name = "INPUT")]
        input: PathBuf,
        /// The list to update (created when missing).
        #[arg(long, value_name = "LIST.tsv")]
        into: PathBuf,
        /// Type of new entities whose rows have none (and of spaCy GPE/NORP, GeoNames rows).
        #[arg(long = "type", value_name = "TYPE")]
        kind: Option<String>,
        /// Languages to keep where names are tagged (Wikidata TSV, GeoNames alternate names), e.g. id,en.
        #[arg(long, value_name = "LANGS", value_delimiter = ',')]
        lang: Vec<String>,
        /// Print the summary, write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Write even when some input rows are malformed (they are left out).
        #[arg(long)]
        force: bool,
        /// Suggestions: import every row, not only those with `accept` filled in.
        #[arg(long)]
        all: bool,
    },
    /// Writes lists for other tools: spaCy EntityRuler JSONL, CSV or TSV.
    ///
    /// With no PATH, exports the embedded default lists.
    Export {
        #[arg(long, value_name = "FORMAT", value_enum, ignore_case = true)]
        format: ExportFormat,
        /// Lists to export (.tsv files or folders of them) [default: the embedded lists].
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Output file [default: standard output].
        #[arg(long, short, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Ranks names a corpus uses that the lists lack, as a CSV to review
    /// and feed back with `import suggestions`.
    Suggest {
        /// Files or folders, as for `kutip extract`.
        #[arg(value_name = "CORPUS", required = true)]
        inputs: Vec<PathBuf>,
        /// Output file [default: standard output].
        #[arg(long, short, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Add a list (.tsv file or folder); repeatable.
        #[arg(long, short, value_name = "PATH")]
        gazetteer: Vec<PathBuf>,
        /// Use only the --gazetteer lists.
        #[arg(long)]
        no_default_gazetteers: bool,
        /// Occurrences a capitalised name needs to be suggested.
        #[arg(long, default_value_t = 2, value_name = "N")]
        min_count: usize,
        /// Print only errors.
        #[arg(long, short)]
        quiet: bool,
    },
}

/// The formats of `kutip gazetteer export`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    /// spaCy EntityRuler patterns, JSON Lines.
    #[value(alias = "jsonl")]
    Spacy,
    /// One row per entity, for spreadsheets.
    Csv,
    /// A kutip list.
    Tsv,
}

pub fn run(cmd: Command) -> Result<ExitCode> {
    match cmd {
        Command::Check { paths, warnings } => run_check(&paths, warnings),
        Command::Import {
            format,
            input,
            into,
            kind,
            lang,
            dry_run,
            force,
            all,
        } => run_import(
            &format,
            &input,
            &into,
            kind.as_deref(),
            lang,
            dry_run,
            force,
            all,
        ),
        Command::Export { format, paths, out } => run_export(format, &paths, out.as_deref()),
        Command::Suggest {
            inputs,
            out,
            gazetteer,
            no_default_gazetteers,
            min_count,
            quiet,
        } => run_suggest(
            &inputs,
            out.as_deref(),
            &gazetteer,
            no_default_gazetteers,
            min_count,
            quiet,
        ),
    }
}

fn run_check(paths: &[PathBuf], warnings: bool) -> Result<ExitCode> {
    let (g, mut findings): (Gazetteer, Vec<Finding>) = if paths.is_empty() {
        (Gazetteer::defaults()?, Vec::new())
    } else {
        kutip::check::load(paths)?
    };
    findings.extend(check(&g));
    let overlay = if paths.is_empty() {
        None
    } else {
        let (overlay, notes) = against(&Gazetteer::defaults()?, &g);
        findings.extend(notes);
        Some(overlay)
    };
    findings.sort_by(|a, b| (&a.file, a.line, &a.message).cmp(&(&b.file, b.line, &b.message)));
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    let (errors, warns) = (count(Severity::Error), count(Severity::Warning));
    for f in &findings {
        if f.severity != Severity::Warning || warnings {
            println!("{f}");
        }
    }
    if let Some(o) = overlay {
        eprintln!(
            "kutip: against the embedded lists: {} new entities, {} replace an embedded row ({} of them identical), {} names taken from embedded entities, {} kept by them",
            o.added,
            o.changed + o.identical,
            o.identical,
            o.takes,
            o.loses
        );
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

fn parse_type(s: &str) -> Result<EntityType> {
    EntityType::parse(s).with_context(|| {
        format!("unknown --type {s:?} (PERSON, ORGANIZATION, COUNTRY or LOCATION)")
    })
}

/// The type a list holds: from its file name or its entities, if only one.
fn type_of_list(path: &Path, g: &Gazetteer) -> Option<EntityType> {
    let mut kinds: Vec<EntityType> = g.entities().iter().map(|e| e.kind).collect();
    kinds.sort();
    kinds.dedup();
    if kinds.len() == 1 {
        return Some(kinds[0]);
    }
    let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
    let stem = name.strip_suffix(".tsv").unwrap_or(&name).to_string();
    stem.split(['-', '_', '.']).find_map(|p| match p {
        "countries" | "country" | "negara" => Some(EntityType::Country),
        "locations" | "places" | "lokasi" => Some(EntityType::Location),
        "organizations" | "organisations" | "orgs" | "organisasi" => Some(EntityType::Organization),
        "people" | "persons" | "tokoh" => Some(EntityType::Person),
        _ => None,
    })
}

#[allow(clippy::too_many_arguments)]
fn run_import(
    format: &str,
    input: &Path,
    into: &Path,
    kind: Option<&str>,
    langs: Vec<String>,
    dry_run: bool,
    force: bool,
    all: bool,
) -> Result<ExitCode> {
    let format = import::Format::parse(format)
        .with_context(|| format!("unknown format {format:?} ({})", import::Format::NAMES))?;
    let kind = kind.map(parse_type).transpose()?;
    let list = write::ListFile::open(into)?;
    let default_kind = kind.or_else(|| type_of_list(into, list.gazetteer()));
    if default_kind.is_none() && !format.has_types() {
        bail!(
            "{}: rows of this format have no type and the list does not say which; pass --type",
            input.display()
        );
    }
    let options = import::Options { kind, langs, all };
    let mut got = import::read(format, input, &options)?;
    let others = split_other_types(&mut got.records, into);
    let merged = merge::merge(
        list.gazetteer(),
        &got.records,
        &merge::Options { kind: default_kind },
    );
    let r = &merged.report;
    for e in &got.errors {
        println!("{}:{}: error: {}", e.file, e.line, e.message);
    }
    for c in &r.conflicts {
        println!("{}: conflict: {}", c.origin, c.message);
    }
    let blocked = !got.errors.is_empty() && !force;
    let writes = !dry_run && !blocked && (r.added + r.updated > 0 || !into.exists());
    if writes {
        write::write_atomic(into, &list.render(&merged.gazetteer))?;
    }
    eprintln!(
        "kutip: {} rows read from {}: {} added, {} updated, {} unchanged, {} conflicts, {} malformed rows, {} skipped; {}",
        got.records.len() + got.errors.len() + got.skipped,
        input.display(),
        r.added,
        r.updated,
        r.unchanged,
        r.conflicts.len(),
        got.errors.len(),
        got.skipped + r.skipped,
        if dry_run {
            "dry run, nothing written".to_string()
        } else if blocked {
            format!("nothing written to {} (fix the rows or pass --force)", into.display())
        } else if writes {
            format!("wrote {}", into.display())
        } else {
            format!("{} already up to date", into.display())
        }
    );
    let mut conflicts = r.conflicts.len();
    for (path, records) in others {
        conflicts += import_other_type(&path, &records, input, dry_run || blocked)?;
    }
    Ok(if got.errors.is_empty() && conflicts == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Takes out the rows whose type is not the one the list's file name
/// promises (`people.tsv` holds PERSON; `gazetteer check` would reject
/// them there), grouped by the list of their type in the same folder
/// (`organizations.tsv`, ...), in type order.
fn split_other_types(
    records: &mut Vec<kutip::refresh::Record>,
    into: &Path,
) -> Vec<(PathBuf, Vec<kutip::refresh::Record>)> {
    let Some(promised) = kutip::check::type_of_file(&into.to_string_lossy()) else {
        return Vec::new();
    };
    let folder = into.parent().unwrap_or(Path::new(""));
    let mut others: Vec<(EntityType, Vec<kutip::refresh::Record>)> = Vec::new();
    for r in std::mem::take(records) {
        match r.kind {
            Some(kind) if kind != promised => match others.iter_mut().find(|(k, _)| *k == kind) {
                Some((_, group)) => group.push(r),
                None => others.push((kind, vec![r])),
            },
            _ => records.push(r),
        }
    }
    others.sort_by_key(|(k, _)| *k);
    others
        .into_iter()
        .map(|(kind, group)| (folder.join(list_for(kind)), group))
        .collect()
}

/// Merges rows of another type into the list of their type; prints its
/// conflicts and a summary line; returns the number of conflicts.
fn import_other_type(
    path: &Path,
    records: &[kutip::refresh::Record],
    input: &Path,
    dry_run: bool,
) -> Result<usize> {
    let list = write::ListFile::open(path)?;
    let kind = records.first().and_then(|r| r.kind);
    let merged = merge::merge(list.gazetteer(), records, &merge::Options { kind });
    let r = &merged.report;
    for c in &r.conflicts {
        println!("{}: conflict: {}", c.origin, c.message);
    }
    let writes = !dry_run && (r.added + r.updated > 0);
    if writes {
        write::write_atomic(path, &list.render(&merged.gazetteer))?;
    }
    eprintln!(
        "kutip: {} rows of {} from {} go to the list of that type: {} added, {} updated, {} unchanged, {} conflicts; {}",
        records.len(),
        kind.map_or("?", |k| k.as_str()),
        input.display(),
        r.added,
        r.updated,
        r.unchanged,
        r.conflicts.len(),
        if writes {
            format!("wrote {}", path.display())
        } else {
            format!("nothing written to {}", path.display())
        }
    );
    Ok(r.conflicts.len())
}

/// The list file named for a type (one `gazetteer check` reads as that type).
fn list_for(kind: EntityType) -> &'static str {
    match kind {
        EntityType::Person => "people.tsv",
        EntityType::Organization => "organizations.tsv",
        EntityType::Country => "countries.tsv",
        EntityType::Location => "places.tsv",
    }
}

fn load_lists(paths: &[PathBuf]) -> Result<Gazetteer> {
    if paths.is_empty() {
        return Ok(Gazetteer::defaults()?);
    }
    let mut g = Gazetteer::new();
    for p in paths {
        g.extend(Gazetteer::load_path(p)?);
    }
    Ok(g)
}

fn emit(out: Option<&Path>, text: &str) -> Result<()> {
    match out {
        Some(p) => write::write_atomic(p, text)?,
        None => {
            let mut o = std::io::stdout().lock();
            o.write_all(text.as_bytes())?;
            o.flush()?;
        }
    }
    Ok(())
}

fn run_export(format: ExportFormat, paths: &[PathBuf], out: Option<&Path>) -> Result<ExitCode> {
    let g = load_lists(paths)?;
    let text = match format {
        ExportFormat::Spacy => export::to_spacy(&g),
        ExportFormat::Csv => export::to_csv(&g)?,
        ExportFormat::Tsv => write::to_tsv(
            &g,
            &["# kutip gazetteer list, exported by `kutip gazetteer export`."],
        ),
    };
    emit(out, &text)?;
    if let Some(p) = out {
        eprintln!(
            "kutip: {} entities written to {}",
            g.entities().len(),
            p.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn run_suggest(
    inputs: &[PathBuf],
    out: Option<&Path>,
    lists: &[PathBuf],
    no_defaults: bool,
    min_count: usize,
    quiet: bool,
) -> Result<ExitCode> {
    let sources = kutip::corpus::discover(inputs)?;
    let mut builder = kutip::PipelineBuilder::new().default_gazetteers(!no_defaults);
    for p in lists {
        builder = builder.gazetteer(Gazetteer::load_path(p)?);
    }
    let pipeline = builder.build()?;
    let mut s = suggest::Suggester::new(
        pipeline.matcher().entities(),
        kutip::quotes::Cues::defaults()?,
    );
    let docs = suggest::run(&pipeline, &sources, &mut s);
    let rows = s.finish(min_count);
    emit(out, &suggest::to_csv(&rows)?)?;
    if !quiet {
        eprintln!(
            "kutip: {docs} documents, {} suggestions{}",
            rows.len(),
            out.map_or(String::new(), |p| format!(" written to {}", p.display()))
        );
    }
    Ok(ExitCode::SUCCESS)
}
