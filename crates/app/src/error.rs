//! The errors of the application layer: each names the place and carries advice, once for every front end (the
//! CLI renders them with miette and exits 2; the service maps them to RFC 9457 problem+json).

use aigov_corpus::Diagnostic as CorpusDiagnostic;

/// Everything an operation can refuse, with what is wrong and how to fix it.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// A file could not be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The path.
        path: String,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A file could not be written.
    #[error("cannot write {path}: {source}")]
    Write {
        /// The path.
        path: String,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The corpus has errors.
    #[error("the corpus has {} error(s)", diagnostics.len())]
    Corpus {
        /// Every problem, with its place.
        diagnostics: Vec<CorpusDiagnostic>,
    },
    /// The request asks for something that does not exist or does not fit (an unknown chip, a manifest of the
    /// wrong kind, a list file that does not parse, ...).
    #[error("{message}")]
    Invalid {
        /// What is wrong, naming the place.
        message: String,
        /// How to fix it.
        help: String,
    },
}

impl AppError {
    /// A stable dotted code for programs (the service's problem types use it).
    pub fn code(&self) -> &'static str {
        match self {
            AppError::Read { .. } => "io.read",
            AppError::Write { .. } => "io.write",
            AppError::Corpus { .. } => "corpus.invalid",
            AppError::Invalid { .. } => "request.invalid",
        }
    }

    /// Advice for the user.
    pub fn help(&self) -> String {
        match self {
            AppError::Read { .. } => "check the path and permissions".into(),
            AppError::Write { .. } => "check that the folder exists and is writable".into(),
            AppError::Corpus { .. } => {
                "run `aigov corpus lint` to see every problem with its place".into()
            }
            AppError::Invalid { help, .. } => help.clone(),
        }
    }

    /// Shorthand for [`AppError::Invalid`].
    pub fn invalid(message: impl Into<String>, help: impl Into<String>) -> AppError {
        AppError::Invalid {
            message: message.into(),
            help: help.into(),
        }
    }
}
