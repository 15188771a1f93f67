//! The errors of the application layer: each names the place and carries advice, once for every front end (the
//! CLI renders them with miette and exits 2; the service maps them to RFC 9457 problem+json: `Invalid` and
//! `Corpus` 422, `NotFound` 404, `Read`, `Write` and `Internal` 500, since they are the server's own files and
//! failures, not the caller's request).

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
    /// The request does not fit (a manifest of the wrong kind, dates in the wrong order, a list file that does
    /// not parse, ...).
    #[error("{message}")]
    Invalid {
        /// What is wrong, naming the place.
        message: String,
        /// How to fix it.
        help: String,
    },
    /// The request names something by its id that does not exist (an unknown rule, a chip not in the catalog).
    #[error("{message}")]
    NotFound {
        /// What was not found, naming the id.
        message: String,
        /// How to fix it (the closest id, or where the ids are listed).
        help: String,
    },
    /// aigov itself failed (data it ships does not parse, a value that cannot be serialised): a bug, not the
    /// caller's mistake.
    #[error("{message}")]
    Internal {
        /// What failed.
        message: String,
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
            AppError::NotFound { .. } => "request.not_found",
            AppError::Internal { .. } => "internal",
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
            AppError::Invalid { help, .. } | AppError::NotFound { help, .. } => help.clone(),
            AppError::Internal { .. } => "report this as a bug".into(),
        }
    }

    /// Shorthand for [`AppError::NotFound`].
    pub fn not_found(message: impl Into<String>, help: impl Into<String>) -> AppError {
        AppError::NotFound {
            message: message.into(),
            help: help.into(),
        }
    }

    /// Shorthand for [`AppError::Internal`].
    pub fn internal(message: impl Into<String>) -> AppError {
        AppError::Internal {
            message: message.into(),
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
