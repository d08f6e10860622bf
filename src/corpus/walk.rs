//! The one walker: the files named by INPUT arguments, folders walked
//! recursively in sorted order.

use crate::error::{Error, Result};
use std::path::{Path, PathBuf};

/// One file named by the INPUT arguments of a command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// `-`: standard input.
    Stdin,
    File {
        path: PathBuf,
        /// Its path relative to the folder it was found under, or the path
        /// as given for a file given by name; `/`-separated.
        name: String,
        /// Named on the command line, not found in a folder.
        given: bool,
    },
}

/// The one walker: lists the files of the given INPUT arguments, in order.
/// Files are taken as given; folders are walked recursively, each in sorted
/// order, skipping entries whose name `skip` says to skip. `-` is standard
/// input. A path that does not exist is an error, reported before anything
/// runs.
pub fn list_inputs(inputs: &[PathBuf], skip: fn(&str) -> bool) -> Result<Vec<Input>> {
    let mut out = Vec::new();
    for input in inputs {
        if input.as_os_str() == "-" {
            out.push(Input::Stdin);
            continue;
        }
        let meta = std::fs::metadata(input).map_err(|e| Error::io(input, e))?;
        if meta.is_dir() {
            let mut files = Vec::new();
            walk(input, skip, &mut files)?;
            files.sort();
            out.extend(files.into_iter().map(|path| Input::File {
                name: display(path.strip_prefix(input).unwrap_or(&path)),
                path,
                given: false,
            }));
        } else {
            out.push(Input::File {
                path: input.clone(),
                name: display(input),
                given: true,
            });
        }
    }
    Ok(out)
}

fn walk(dir: &Path, skip: fn(&str) -> bool, out: &mut Vec<PathBuf>) -> Result<()> {
    for entry in std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))? {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let path = entry.path();
        if skip(&entry.file_name().to_string_lossy()) {
            continue;
        }
        let ft = entry.file_type().map_err(|e| Error::io(&path, e))?;
        if ft.is_dir() || (ft.is_symlink() && path.is_dir()) {
            walk(&path, skip, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

/// A path as tables name it: `/`-separated.
pub(crate) fn display(p: &Path) -> String {
    p.to_string_lossy().replace('\\', "/")
}
