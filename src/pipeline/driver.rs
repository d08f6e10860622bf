//! The one driver of every job over many documents (`extract`, `map`,
//! `merge`, `gazetteer suggest`): documents go through the pipeline in
//! parallel batches and come out in input order to one writer; every
//! document that comes out is counted, and renamed when its id was
//! already used, by one [`Tally`].
//!
//! Memory is bounded by the batch ([`BatchLimits`]): while the rayon workers
//! process one batch, the calling thread writes the rows of the batch
//! before, so at most two batches are held.

use crate::corpus::{Record, Source};
use crate::pipeline::Pipeline;
use crate::tables::{DocOutput, Status};
use rayon::prelude::*;
use std::collections::HashMap;

/// Counts of a finished run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub documents: usize,
    pub ok: usize,
    pub skipped: usize,
    pub errors: usize,
    pub mentions: usize,
    pub quotes: usize,
    /// Documents whose `doc_id` was already used, renamed `ID#2`, `ID#3`, ...
    pub duplicate_ids: usize,
    /// Bytes of document text processed.
    pub bytes: u64,
}

/// How many documents, or bytes of text, a batch holds at most. By default,
/// 512 documents or 32 MiB, whichever comes first.
#[derive(Debug, Clone, Copy)]
pub struct BatchLimits {
    pub documents: usize,
    pub bytes: usize,
}

impl Default for BatchLimits {
    fn default() -> Self {
        BatchLimits {
            documents: 512,
            bytes: 32 << 20,
        }
    }
}

/// What happens to a document whose `doc_id` was already used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DuplicateIds {
    /// The `n`th one becomes `ID#n` in every table, and its row says so
    /// (`extract`, `merge`).
    Rename,
    /// Left as it is: `kutip map` sees a piece of the corpus only, and
    /// `kutip merge` renames.
    Keep,
}

/// Counts the documents of a run, in output order, and renames duplicate
/// ids: the one place where both happen.
#[derive(Debug)]
pub struct Tally {
    summary: Summary,
    /// How many times each doc_id was seen, by a 64-bit hash of the id: 16
    /// bytes per document, so a run of millions stays small. `None`: ids
    /// are kept.
    seen: Option<HashMap<u64, u32>>,
}

impl Tally {
    pub fn new(ids: DuplicateIds) -> Tally {
        Tally {
            summary: Summary::default(),
            seen: (ids == DuplicateIds::Rename).then(HashMap::new),
        }
    }

    /// Takes in the next document in output order, `text_bytes` long:
    /// renames it if its id was used before, and counts it and its rows.
    pub fn admit(&mut self, out: &mut DocOutput, text_bytes: u64) {
        let s = &mut self.summary;
        if let Some(seen) = &mut self.seen {
            let n = seen
                .entry(crate::tokens::hash_exact(&out.document.doc_id))
                .or_insert(0);
            *n += 1;
            if *n > 1 {
                s.duplicate_ids += 1;
                rename_duplicate(out, *n);
            }
        }
        s.bytes += text_bytes;
        s.documents += 1;
        match out.document.status {
            Status::Ok => s.ok += 1,
            Status::Skipped => s.skipped += 1,
            Status::Error => s.errors += 1,
        }
        // The documents row's counts: a run that makes entities.csv
        // without mentions.csv still found the mentions it counts.
        s.mentions += out.document.mentions.unwrap_or(0);
        s.quotes += out.document.quotes.unwrap_or(0);
    }

    pub fn summary(&self) -> &Summary {
        &self.summary
    }

    pub fn finish(self) -> Summary {
        self.summary
    }
}

/// Gives the `n`th document with an already used id the id `ID#n`, in
/// every table, and says so in its `error` column.
fn rename_duplicate(out: &mut DocOutput, n: u32) {
    let old = out.document.doc_id.clone();
    let new = format!("{old}#{n}");
    out.document.doc_id.clone_from(&new);
    let note = format!("duplicate doc_id {old:?}, renamed {new:?}");
    out.document.error = if out.document.error.is_empty() {
        note
    } else {
        format!("{}; {note}", out.document.error)
    };
    for m in &mut out.mentions {
        m.doc_id.clone_from(&new);
    }
    for e in &mut out.entities {
        e.doc_id.clone_from(&new);
    }
    for q in &mut out.quotes {
        q.doc_id.clone_from(&new);
    }
}

/// Bytes of text a record holds (0 for one that could not be read).
fn text_bytes(record: &Record) -> usize {
    match record {
        Record::Doc(d) => d.text.len(),
        Record::Failed { .. } => 0,
    }
}

/// The driver: `feed` hands items to the sink it is given, in input order;
/// each item's [`Record`] (`record`) is processed by `pipeline` in parallel
/// batches, and `write` gets each item with its rows in input order, after
/// [`Tally::admit`]. `write` runs on the calling thread (it needs not be
/// `Send`). Stops at the first error of `feed`, of the sink or of `write`,
/// and returns it; nothing is written after it.
///
/// Nothing waits on the calling thread: while the workers process a batch,
/// it writes the rows of the batch before and then reads the next one
/// (reading is not a serial step between batches). At most two batches
/// are held: the one being processed and the one being read or written.
pub fn drive<T, E>(
    pipeline: &Pipeline,
    limits: BatchLimits,
    ids: DuplicateIds,
    feed: impl FnOnce(&mut dyn FnMut(T) -> Result<(), E>) -> Result<(), E>,
    record: impl Fn(&T) -> &Record + Sync,
    mut write: impl FnMut(&T, &DocOutput) -> Result<(), E>,
) -> Result<Summary, E>
where
    T: Send + Sync,
{
    let mut tally = Tally::new(ids);
    let record = &record;
    std::thread::scope(|scope| {
        // The batch being processed: its items, and their rows when done.
        let mut in_flight: Option<std::thread::ScopedJoinHandle<(Vec<T>, Vec<DocOutput>)>> = None;
        // Whether an error came from `write` (else from the input).
        let write_failed = std::cell::Cell::new(false);
        // Waits for the batch in flight, starts `next` (if any), then
        // writes the rows of the batch that was in flight.
        let mut flush = |next: Option<Vec<T>>, tally: &mut Tally| -> Result<(), E> {
            let done = in_flight
                .take()
                .map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)));
            in_flight = next.map(|batch| {
                scope.spawn(move || {
                    let outs = batch
                        .par_iter()
                        .map(|item| pipeline.process_record(record(item)))
                        .collect::<Vec<DocOutput>>();
                    (batch, outs)
                })
            });
            let Some((items, mut outs)) = done else {
                return Ok(());
            };
            let written = items
                .iter()
                .zip(outs.iter_mut())
                .try_for_each(|(item, out)| {
                    tally.admit(out, text_bytes(record(item)) as u64);
                    write(item, out)
                });
            // The rows are freed by the workers, whose threads allocated
            // them: the allocator frees a block of another thread the slow
            // way, and the writing thread has enough to do.
            rayon::spawn(move || drop(outs));
            if written.is_err() {
                write_failed.set(true);
            }
            written
        };
        let mut batch: Vec<T> = Vec::new();
        let mut batch_bytes = 0usize;
        let fed = feed(&mut |item: T| {
            batch_bytes += text_bytes(record(&item));
            batch.push(item);
            if batch.len() >= limits.documents || batch_bytes >= limits.bytes {
                batch_bytes = 0;
                flush(Some(std::mem::take(&mut batch)), &mut tally)?;
            }
            Ok(())
        });
        if let Err(e) = fed {
            // The input failed: the batches that were full are written all
            // the same (the one being filled is not), as if each were
            // written as soon as it filled.
            if !write_failed.get() {
                flush(None, &mut tally)?;
            }
            return Err(e);
        }
        flush(Some(batch), &mut tally)?;
        // The last batch: nothing left to overlap with.
        flush(None, &mut tally)?;
        Ok(())
    })?;
    Ok(tally.finish())
}

/// Hands the records of `sources` to `sink`, in order; stops at the first
/// error of `sink`.
pub fn read_sources<E>(
    sources: &[Source],
    sink: &mut dyn FnMut(Record) -> Result<(), E>,
) -> Result<(), E> {
    for source in sources {
        let mut failure = None;
        source.read(&mut |record| match sink(record) {
            Ok(()) => true,
            Err(e) => {
                failure = Some(e);
                false
            }
        });
        if let Some(e) = failure {
            return Err(e);
        }
    }
    Ok(())
}

/// `kutip extract`'s run: every record of `sources`, duplicate ids renamed,
/// each document's rows handed to `write` in input order.
pub fn run<E>(
    pipeline: &Pipeline,
    sources: &[Source],
    limits: BatchLimits,
    mut write: impl FnMut(&DocOutput) -> Result<(), E>,
) -> Result<Summary, E> {
    drive(
        pipeline,
        limits,
        DuplicateIds::Rename,
        |sink| read_sources(sources, sink),
        |r| r,
        |_, out| write(out),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::discover;
    use crate::pipeline::PipelineBuilder;

    /// A JSON Lines corpus of `n` short documents, ids `id(i)`.
    fn corpus(n: usize, id: impl Fn(usize) -> String) -> (tempfile::TempDir, Vec<Source>) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.jsonl");
        let lines: Vec<String> = (0..n)
            .map(|i| {
                format!(
                    r#"{{"id": "{}", "text": "Retno berkata, \"Kami datang {i} kali.\""}}"#,
                    id(i)
                )
            })
            .collect();
        std::fs::write(&path, lines.join("\n")).unwrap();
        let sources = discover(&[path]).unwrap();
        (dir, sources)
    }

    fn small_batches() -> BatchLimits {
        BatchLimits {
            documents: 3,
            bytes: 1 << 20,
        }
    }

    #[test]
    fn rows_are_written_in_input_order_across_batches() {
        let (_dir, sources) = corpus(20, |i| format!("d{i}"));
        let pipeline = PipelineBuilder::new().build().unwrap();
        let mut ids = Vec::new();
        let summary = run(&pipeline, &sources, small_batches(), |out| {
            ids.push(out.document.doc_id.clone());
            Ok::<(), ()>(())
        })
        .unwrap();
        let want: Vec<String> = (0..20).map(|i| format!("d{i}")).collect();
        assert_eq!(ids, want);
        assert_eq!(summary.documents, 20);
        assert_eq!(summary.ok, 20);
    }

    #[test]
    fn a_failing_write_stops_the_run_with_its_error() {
        let (_dir, sources) = corpus(20, |i| format!("d{i}"));
        let pipeline = PipelineBuilder::new().build().unwrap();
        let mut written = 0;
        let result = run(&pipeline, &sources, small_batches(), |_| {
            written += 1;
            if written == 5 {
                Err("disk full")
            } else {
                Ok(())
            }
        });
        assert_eq!(result, Err("disk full"));
        assert_eq!(written, 5, "nothing is written after the failure");
    }

    #[test]
    fn a_failing_input_still_writes_the_batches_that_were_full() {
        let (_dir, sources) = corpus(7, |i| format!("d{i}"));
        let pipeline = PipelineBuilder::new().build().unwrap();
        let mut got = Vec::new();
        let result = drive(
            &pipeline,
            small_batches(),
            DuplicateIds::Keep,
            |sink| {
                read_sources(&sources, sink)?;
                Err("stdin closed")
            },
            |r| r,
            |_, out| {
                got.push(out.document.doc_id.clone());
                Ok(())
            },
        );
        assert_eq!(result, Err("stdin closed"));
        assert_eq!(got, ["d0", "d1", "d2", "d3", "d4", "d5"]);
    }

    #[test]
    fn duplicate_ids_are_renamed_across_batches_or_kept() {
        let (_dir, sources) = corpus(7, |i| format!("d{}", i % 2));
        let pipeline = PipelineBuilder::new().build().unwrap();
        for (ids, want) in [
            (
                DuplicateIds::Rename,
                ["d0", "d1", "d0#2", "d1#2", "d0#3", "d1#3", "d0#4"],
            ),
            (
                DuplicateIds::Keep,
                ["d0", "d1", "d0", "d1", "d0", "d1", "d0"],
            ),
        ] {
            let mut got = Vec::new();
            let summary = drive(
                &pipeline,
                small_batches(),
                ids,
                |sink| read_sources(&sources, sink),
                |r| r,
                |_, out| {
                    got.push(out.document.doc_id.clone());
                    Ok::<(), ()>(())
                },
            )
            .unwrap();
            assert_eq!(got, want);
            let renamed = if ids == DuplicateIds::Rename { 5 } else { 0 };
            assert_eq!(summary.duplicate_ids, renamed);
        }
    }
}
