//! Replays the corpora the fuzzers found (`fuzz/corpus/TARGET/`) and every
//! crash they ever found (`fuzz/regressions/TARGET/`) through the same entry
//! points, without fuzzing: a crash found once never comes back.

use std::path::Path;

fn replay(target: &str, run: fn(&[u8])) -> usize {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut n = 0;
    for dir in ["corpus", "regressions"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir).join(target)) else {
            continue;
        };
        let mut files: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        files.sort();
        for f in files {
            let data = std::fs::read(&f).unwrap();
            let result = std::panic::catch_unwind(|| run(&data));
            assert!(result.is_ok(), "{} panics", f.display());
            n += 1;
        }
    }
    n
}

#[test]
fn reader_corpus() {
    assert!(replay("reader", kutip::fuzzing::reader) > 0);
}

#[test]
fn matcher_corpus() {
    assert!(replay("matcher", kutip::fuzzing::matcher) > 0);
}

#[test]
fn quotes_corpus() {
    assert!(replay("quotes", kutip::fuzzing::quotes) > 0);
}
