use std::path::PathBuf;

/// Errors that stop a whole run: an input that cannot be opened, an output that cannot be
/// written. Problems with one article are [`crate::RecordError`]s instead.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An input path does not exist.
    #[error("{path}: no such file or directory")]
    NotFound {
        /// The path.
        path: PathBuf,
    },
    /// I/O error on a path.
    #[error("{path}: {source}")]
    Io {
        /// The path.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// I/O error writing output.
    #[error("writing output: {0}")]
    Write(#[from] std::io::Error),
}
