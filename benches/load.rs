//! Time and memory to load and compile gazetteers.
//!
//!     cargo bench --bench load                     # the embedded defaults
//!     cargo bench --bench load -- PATH.tsv ...     # your lists (no defaults)
//!
//! Prints the median of 5 loads and the process's peak resident memory
//! (VmHWM) after them. A benchmark, not a test: nothing here can fail on time.

use kutip::gazetteer::Gazetteer;
use kutip::matcher::Matcher;
use std::path::PathBuf;
use std::time::Instant;

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn main() {
    let paths: Vec<PathBuf> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .collect();
    let before = peak_rss_mb();
    let mut times = Vec::new();
    let mut names = 0;
    let mut matcher = None;
    for _ in 0..5 {
        drop(matcher.take());
        let t = Instant::now();
        let g = if paths.is_empty() {
            Gazetteer::defaults().expect("defaults load")
        } else {
            let mut g = Gazetteer::new();
            for p in &paths {
                g.extend(Gazetteer::load_path(p).expect("list loads"));
            }
            g
        };
        let m = Matcher::from_gazetteer(g);
        times.push(t.elapsed().as_secs_f64());
        names = m.pattern_count();
        matcher = Some(m);
    }
    times.sort_by(f64::total_cmp);
    let what = if paths.is_empty() {
        "embedded defaults".to_string()
    } else {
        format!("{paths:?}")
    };
    println!(
        "gazetteer load+compile: {what}: {names} names, median {:.1} ms over 5 loads, peak RSS {:.1} MB (process start {:.1} MB)",
        times[times.len() / 2] * 1000.0,
        peak_rss_mb(),
        before
    );
}
