//! Typed errors of the library. The binary turns them into messages.

use std::path::PathBuf;

/// Everything that can go wrong in the library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A gazetteer line that cannot be read. `line` is 1-based.
    #[error("{file}:{line}: {message}")]
    Gazetteer {
        file: String,
        line: usize,
        message: String,
    },
    /// A cue list line that cannot be read. `line` is 1-based.
    #[error("{file}:{line}: {message}")]
    Cues {
        file: String,
        line: usize,
        message: String,
    },
    /// Reading or writing a file failed. Displays the path; the cause is
    /// its `source` (printed after it by `{:#}` in anyhow).
    #[error("{}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A CSV table could not be read or written. Displays the path; the
    /// cause is its `source`.
    #[error("{}", path.display())]
    Csv {
        path: PathBuf,
        #[source]
        source: csv::Error,
    },
    /// A cell of a table that cannot be read back (`kutip report`).
    /// `line` is 1-based.
    #[error("{}:{line}: {message}", path.display())]
    Table {
        path: PathBuf,
        line: u64,
        message: String,
    },
    /// Refused before doing anything (bad arguments, existing output...).
    #[error("{0}")]
    Refused(String),
    /// A line of the `kutip map` / `kutip merge` stream that cannot be
    /// used (not written by `kutip map`, or a shard cut short). `line` is 1-based.
    #[error("{file}:{line}: {message}")]
    Stream {
        file: String,
        line: usize,
        message: String,
    },
}

impl Error {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
