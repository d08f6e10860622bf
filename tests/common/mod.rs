//! What the integration tests share: running the kutip binary and the
//! sample corpus. Each test file is its own crate and uses only some of
//! these, hence the allow.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// Runs kutip with `args` in the current folder, stdin closed.
pub fn kutip(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kutip"))
        .args(args)
        .output()
        .expect("run kutip")
}

/// Runs kutip with `args` in the folder `dir`, writing `stdin` to it.
pub fn kutip_in(dir: &Path, args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kutip"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run kutip");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().expect("run kutip")
}

/// The bundled sample corpus.
pub fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/corpus")
}
