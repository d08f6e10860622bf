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
    /// Reading or writing a file failed.
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A CSV table could not be written.
    #[error("{}: {source}", path.display())]
    Csv {
        path: PathBuf,
        #[source]
        source: csv::Error,
    },
    /// Refused before doing anything (bad arguments, existing output...).
    #[error("{0}")]
    Refused(String),
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
