/// Errors loading gazetteers and lexicons. Recognition itself never fails.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A malformed line.
    #[error("{file}:{line}: {message}")]
    Format {
        /// File name.
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// The file cannot be read.
    #[error("{file}: {source}")]
    Io {
        /// File name.
        file: String,
        /// Underlying error.
        source: std::io::Error,
    },
    /// The automaton cannot be built.
    #[error("cannot compile gazetteers: {0}")]
    Build(String),
}
