//! Reference points for bench/run.sh, with nothing of kutip in them:
//!
//! The read-only limit walks the given files and folders (recursively,
//! sorted, like kutip), reads every file into memory and touches each byte
//! (a checksum), with N threads. No matching, no output.
//!
//! `--scan NAMES --out CSV` is the bare aho-corasick whole-word scan the
//! throughput target is set against: every name of NAMES (one a line) in one
//! automaton (the `aho-corasick` crate, standard semantics), every
//! overlapping match kept when it starts and ends on word boundaries (no
//! letter or digit just outside it), written to CSV (file,start,end,surface).
//! Case-sensitive, like the Python peers. One writer; files are scanned in
//! input order by batches, so the CSV is the same for any thread count.
//!
//!     readonly [--threads N] PATH...
//!     readonly [--threads N] --scan NAMES --out CSV PATH...

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

fn walk(p: &Path, out: &mut Vec<PathBuf>) {
    if p.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(p)
            .expect("read_dir")
            .map(|e| e.expect("entry").path())
            .collect();
        entries.sort();
        for e in entries {
            walk(&e, out);
        }
    } else {
        out.push(p.to_path_buf());
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The whole-word matches of `text`, as CSV lines appended to `out`.
fn scan(ac: &aho_corasick::AhoCorasick, file: &str, text: &str, out: &mut Vec<u8>) -> u64 {
    let mut n = 0;
    for m in ac.find_overlapping_iter(text) {
        let (s, e) = (m.start(), m.end());
        // Matches of whole names only: a name's bytes start and end on
        // character boundaries, so slicing here is safe.
        if text[..s].chars().next_back().is_some_and(is_word_char)
            || text[e..].chars().next().is_some_and(is_word_char)
        {
            continue;
        }
        let surface = &text[s..e];
        let _ = write!(out, "{file},{s},{e},");
        if surface.contains([',', '"', '\n', '\r']) {
            let _ = writeln!(out, "\"{}\"", surface.replace('"', "\"\""));
        } else {
            let _ = writeln!(out, "{surface}");
        }
        n += 1;
    }
    n
}

fn main() {
    let mut threads = 1usize;
    let mut roots = Vec::new();
    let (mut names, mut out_path) = (None, None);
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--threads" | "-j" => {
                threads = args.next().expect("--threads N").parse().expect("number")
            }
            "--scan" => names = Some(PathBuf::from(args.next().expect("--scan NAMES"))),
            "--out" => out_path = Some(PathBuf::from(args.next().expect("--out CSV"))),
            _ => roots.push(PathBuf::from(a)),
        }
    }
    let mut files = Vec::new();
    for r in &roots {
        walk(r, &mut files);
    }
    let threads = threads.max(1);
    match names {
        None => read_only(&files, threads),
        Some(names) => scan_all(&files, threads, &names, &out_path.expect("--out CSV")),
    }
}

/// `f` of every item, by `threads` workers taking the next item as they
/// finish one; the results in the items' order.
fn in_parallel<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, R)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        done.push((i, f(item)));
                    }
                    done
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    done.sort_by_key(|d| d.0);
    done.into_iter().map(|d| d.1).collect()
}

fn read_only(files: &[PathBuf], threads: usize) {
    let (bytes, sum) = in_parallel(files, threads, |f| {
        let data = std::fs::read(f).expect("read");
        // Touch every byte (what any scanner must at least do).
        let sum = data.iter().map(|&b| b as u64).sum::<u64>();
        (data.len() as u64, sum)
    })
    .into_iter()
    .fold((0u64, 0u64), |acc, (b, s)| {
        (acc.0 + b, acc.1.wrapping_add(s))
    });
    eprintln!(
        "readonly: {} files, {} bytes, checksum {}",
        files.len(),
        bytes,
        sum
    );
}

fn scan_all(files: &[PathBuf], threads: usize, names: &Path, out_path: &Path) {
    let t0 = std::time::Instant::now();
    let list = std::fs::read_to_string(names).expect("read names");
    let patterns: Vec<&str> = list.lines().filter(|l| !l.trim().is_empty()).collect();
    let ac = aho_corasick::AhoCorasick::new(&patterns).expect("build automaton");
    let load_s = t0.elapsed().as_secs_f64();
    let t1 = std::time::Instant::now();
    let mut out = std::io::BufWriter::new(std::fs::File::create(out_path).expect("create CSV"));
    out.write_all(b"file,start,end,surface\n").unwrap();
    let (mut bytes, mut matches) = (0u64, 0u64);
    // Batches of files scanned by `threads` workers, written in input order.
    const BATCH: usize = 256;
    for batch in files.chunks(BATCH * threads) {
        let parts = in_parallel(batch, threads, |f| {
            let data = std::fs::read(f).expect("read");
            let text = String::from_utf8_lossy(&data);
            let mut buf = Vec::new();
            let n = scan(&ac, &f.to_string_lossy(), &text, &mut buf);
            (data.len() as u64, n, buf)
        });
        for (b, n, buf) in parts {
            bytes += b;
            matches += n;
            out.write_all(&buf).unwrap();
        }
    }
    out.flush().unwrap();
    let match_s = t1.elapsed().as_secs_f64();
    eprintln!(
        "{{\"load_s\": {load_s:.3}, \"match_s\": {match_s:.3}, \"bytes\": {bytes}, \"matches\": {matches}}}"
    );
}
