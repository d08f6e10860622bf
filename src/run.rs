//! Runs a corpus through a [`Pipeline`]: rayon workers over ordered batches,
//! one writer, memory bounded by the batch.

use crate::input::{Record, Source};
use crate::pipeline::Pipeline;
use crate::tables::DocOutput;
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

impl Summary {
    /// Counts one processed record and its rows.
    pub fn count(&mut self, record: &Record, out: &DocOutput) {
        if let Record::Doc(d) = record {
            self.bytes += d.text.len() as u64;
        }
        self.documents += 1;
        match out.document.status.as_str() {
            "ok" => self.ok += 1,
            "skipped" => self.skipped += 1,
            _ => self.errors += 1,
        }
        self.mentions += out.mentions.len();
        self.quotes += out.quotes.len();
    }
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

/// Gives the `n`th document with an already used id the id `ID#n`, in
/// every table, and says so in its `error` column. Used by `kutip merge`
/// too, so that merged shards are renamed exactly as one run renames.
pub fn rename_duplicate(out: &mut DocOutput, n: u32) {
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

/// Reads every source in order, processes documents in parallel batches and
/// hands each document's rows to `write` in input order. Stops early only
/// when `write` fails, returning its error.
///
/// Writing overlaps processing: while the workers process one batch, the
/// rows of the batch before are written (so at most two batches are held).
pub fn run<E: Send>(
    pipeline: &Pipeline,
    sources: &[Source],
    limits: BatchLimits,
    mut write: impl FnMut(&DocOutput) -> Result<(), E> + Send,
) -> Result<Summary, E> {
    let mut summary = Summary::default();
    let mut batch: Vec<Record> = Vec::new();
    let mut batch_bytes = 0usize;
    let mut failure: Option<E> = None;
    // How many times each doc_id was seen, by a 64-bit hash of the id: 16
    // bytes per document, so a run of millions stays small.
    let mut seen: HashMap<u64, u32> = HashMap::new();
    // The batch processed last, and its rows, waiting to be written.
    let mut pending: (Vec<Record>, Vec<DocOutput>) = (Vec::new(), Vec::new());
    let mut write_pending =
        |pending: &mut (Vec<Record>, Vec<DocOutput>), summary: &mut Summary| -> Result<(), E> {
            let (records, outs) = pending;
            for (r, out) in records.iter().zip(outs.iter_mut()) {
                let n = seen
                    .entry(crate::tokens::hash_exact(&out.document.doc_id))
                    .or_insert(0);
                *n += 1;
                if *n > 1 {
                    summary.duplicate_ids += 1;
                    rename_duplicate(out, *n);
                }
                summary.count(r, out);
                write(out)?;
            }
            records.clear();
            outs.clear();
            Ok(())
        };
    let mut flush = |batch: &mut Vec<Record>, summary: &mut Summary| -> Result<(), E> {
        let (outs, written) = rayon::join(
            || {
                batch
                    .par_iter()
                    .map(|r| pipeline.process_record(r))
                    .collect::<Vec<DocOutput>>()
            },
            || write_pending(&mut pending, summary),
        );
        written?;
        // The emptied vectors of the written batch take the next records.
        std::mem::swap(&mut pending.0, batch);
        pending.1 = outs;
        Ok(())
    };
    for source in sources {
        source.read(&mut |record| {
            if let Record::Doc(d) = &record {
                batch_bytes += d.text.len();
            }
            batch.push(record);
            if batch.len() >= limits.documents || batch_bytes >= limits.bytes {
                batch_bytes = 0;
                if let Err(e) = flush(&mut batch, &mut summary) {
                    failure = Some(e);
                    return false;
                }
            }
            true
        });
        if let Some(e) = failure.take() {
            return Err(e);
        }
    }
    flush(&mut batch, &mut summary)?;
    // The last batch: nothing left to overlap with.
    flush(&mut batch, &mut summary)?;
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::discover;
    use crate::pipeline::PipelineBuilder;

    /// A JSON Lines corpus of `n` short documents, ids d0, d1, ...
    fn corpus(n: usize) -> (tempfile::TempDir, Vec<Source>) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.jsonl");
        let lines: Vec<String> = (0..n)
            .map(|i| {
                format!(r#"{{"id": "d{i}", "text": "Retno berkata, \"Kami datang {i} kali.\""}}"#)
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
        let (_dir, sources) = corpus(20);
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
        let (_dir, sources) = corpus(20);
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
}
