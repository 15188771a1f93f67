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
    /// A manifest does not fit the vocabulary.
    #[error("{path}: {message}")]
    #[diagnostic(code(aigov::manifest))]
    Manifest {
        /// Where, as file and manifest path.
        path: String,
        /// What is wrong.
        message: String,
        /// The manifest source, for the snippet.
        #[source_code]
        src: NamedSource<String>,
        /// The place in the source.
        #[label("here")]
        span: Option<SourceSpan>,
        /// The hint.
        #[help]
        help: Option<String>,
    },
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
