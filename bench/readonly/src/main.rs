//! The read-only limit for bench/run.sh: walks the given files and folders
//! (recursively, sorted, like kutip), reads every file into memory and
//! touches each byte (a checksum), with N threads. No matching, no output.
//!
//!     readonly [--threads N] PATH...

use std::path::{Path, PathBuf};

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

fn main() {
    let mut threads = 1usize;
    let mut roots = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--threads" || a == "-j" {
            threads = args.next().expect("--threads N").parse().expect("number");
        } else {
            roots.push(PathBuf::from(a));
        }
    }
    let mut files = Vec::new();
    for r in &roots {
        walk(r, &mut files);
    }
    let files = &files;
    let next = std::sync::atomic::AtomicUsize::new(0);
    let (bytes, sum) = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads.max(1))
            .map(|_| {
                s.spawn(|| {
                    let (mut bytes, mut sum) = (0u64, 0u64);
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(f) = files.get(i) else { break };
                        let data = std::fs::read(f).expect("read");
                        bytes += data.len() as u64;
                        // Touch every byte (what any scanner must at least do).
                        sum = sum.wrapping_add(data.iter().map(|&b| b as u64).sum::<u64>());
                    }
                    (bytes, sum)
                })
            })
            .collect();
        handles.into_iter().fold((0u64, 0u64), |acc, h| {
            let (b, s) = h.join().unwrap();
            (acc.0 + b, acc.1.wrapping_add(s))
        })
    });
    eprintln!("readonly: {} files, {} bytes, checksum {}", files.len(), bytes, sum);
}
