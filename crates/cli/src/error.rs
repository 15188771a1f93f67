//! Errors at the edge: bad input of every kind, rendered with the place, what was expected, and a hint.

use aigov_corpus::Diagnostic as CorpusDiagnostic;
use miette::{Diagnostic, NamedSource, SourceSpan};

/// Everything that makes `aigov` exit with code 2.
#[derive(Debug, thiserror::Error, Diagnostic)]
pub enum CliError {
    /// A file could not be read.
    #[error("cannot read {path}: {source}")]
    #[diagnostic(code(aigov::read), help("check the path and permissions"))]
    Read {
        /// The path.
        path: String,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A file could not be written.
    #[error("cannot write {path}: {source}")]
    #[diagnostic(
        code(aigov::write),
        help("check that the folder exists and is writable")
    )]
    Write {
        /// The path.
        path: String,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A manifest does not fit the vocabulary (boxed: it carries the source for the snippet).
    #[error(transparent)]
    #[diagnostic(transparent)]
    Manifest(Box<ManifestReport>),
    /// The corpus has errors.
    #[error("the corpus has {} error(s)", diagnostics.len())]
    Corpus {
        /// Every problem, with its place.
        diagnostics: Vec<CorpusDiagnostic>,
    },
    /// The command line asks for something that does not exist.
    #[error("{message}")]
    #[diagnostic(code(aigov::usage))]
    Usage {
        /// What is wrong.
        message: String,
        /// How to fix it.
        #[help]
        help: String,
    },
}

impl CliError {
    /// Prints the error to stderr: corpus errors one per line as `file:line:col` (like a compiler), others with
    /// miette's snippets.
    pub fn print(self) {
        match self {
            CliError::Corpus { diagnostics } => {
                for d in &diagnostics {
                    eprintln!("{d}");
                }
                eprintln!("error: the corpus has {} error(s)", diagnostics.len());
            }
            other => eprintln!("{:?}", miette::Report::new(other)),
        }
    }
}

/// A manifest error with its source, for a snippet pointing at the place.
#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("{path}: {message}")]
#[diagnostic(code(aigov::manifest))]
pub struct ManifestReport {
    /// Where, as file and manifest path.
    pub path: String,
    /// What is wrong.
    pub message: String,
    /// The manifest source, for the snippet.
    #[source_code]
    pub src: NamedSource<String>,
    /// The place in the source.
    #[label("here")]
    pub span: Option<SourceSpan>,
    /// The hint.
    #[help]
    pub help: Option<String>,
}

impl From<aigov_app::AppError> for CliError {
    fn from(e: aigov_app::AppError) -> CliError {
        use aigov_app::AppError;
        match e {
            AppError::Read { path, source } => CliError::Read { path, source },
            AppError::Write { path, source } => CliError::Write { path, source },
            AppError::Corpus { diagnostics } => CliError::Corpus { diagnostics },
            AppError::Invalid { message, help } => CliError::Usage { message, help },
        }
    }
}
