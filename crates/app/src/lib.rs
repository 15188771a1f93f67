//! The aigov application layer: the operations a user asks for, their typed answers, and the rendering of those
//! answers as text, Markdown and JSON (docs/output.md). Every front end (the `aigov` CLI, the service) calls this
//! crate and only translates its own input and output: the CLI parses arguments and prints, the service routes
//! HTTP requests. Nothing here parses command lines or knows about sockets.
//!
//! Layers: `aigov-core` (pure engine) and `aigov-corpus` (the law as data) and `aigov-screening` (pure list
//! matching) sit below; this crate adds what an operation needs around them: the embedded precompiled corpus, the
//! chip catalog and export classification ([`chips`]), compute accounting ([`compute`]), the US checkerboard
//! ([`map`]), timeline charts and calendars ([`timeline`]), the restricted-party list store ([`lists`]) and
//! screening ([`screen`]), and report rendering ([`report`]).
#![forbid(unsafe_code)]

pub mod assess;
pub mod changes;
pub mod chips;
pub mod compare;
pub mod compute;
pub mod date_plans;
pub mod document;
pub mod error;
pub mod i18n;
pub mod init;
pub mod interview;
pub mod inventory;
pub mod json;
pub mod jurisdictions;
pub mod law;
pub mod linked;
pub mod lists;
pub mod localize;
pub mod manifest_edit;
pub mod map;
pub mod oscal;
pub mod outline;
pub mod pdf;
pub mod plan;
pub mod reassess;
pub mod report;
pub mod request;
pub mod screen;
pub mod stored;
pub mod subject;
pub mod summary;
pub mod timeline;

pub use error::AppError;

/// The core types the answers carry, so that front ends need not name the lower crates for common use.
pub use aigov_core::{Assessment, Date, Engine, Facts};
/// The control catalogue and its mappings (plan, compare).
pub use aigov_corpus::controls::Catalogue;
/// The corpus's texts in other languages (`i18n/<lang>/*.yaml` beside the corpus).
pub use aigov_corpus::{Texts, Translations};

use std::path::Path;

/// Output formats of reports: the same content for a person, for a file, or for a program.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OutputFormat {
    /// A readable report for a person.
    Text,
    /// A report to save as a file.
    Markdown,
    /// Stable JSON for programs (see docs/output.md).
    Json,
}

/// The embedded corpus, compiled at build time (empty if the corpus had errors then).
static PRECOMPILED: &str = include_str!(concat!(env!("OUT_DIR"), "/corpus.json"));

/// The embedded corpus's translations, checked at build time (empty if they or the corpus had errors then).
static PRECOMPILED_TRANSLATIONS: &str =
    include_str!(concat!(env!("OUT_DIR"), "/translations.json"));

/// The engine for assessments: the precompiled embedded corpus when possible (fast start-up: no YAML parsing or
/// condition compiling), else the corpus loaded from its sources (a folder given by the user, or the embedded
/// sources when they had errors at build time, so that `corpus lint` can report them).
pub fn engine(dir: Option<&Path>) -> Result<Engine, AppError> {
    if dir.is_none() && !PRECOMPILED.is_empty() {
        if let Ok(mut corpus) = serde_json::from_str::<aigov_core::Corpus>(PRECOMPILED) {
            corpus.reindex();
            return Ok(Engine::new(corpus));
        }
    }
    load_engine(dir).map(|(e, _)| e)
}

/// Loads and validates the corpus from its sources (a folder, else the embedded files), with its examples. Its
/// translations (`i18n/`) are validated too, so `corpus lint` reports their errors.
pub fn load_engine(dir: Option<&Path>) -> Result<(Engine, Vec<aigov_corpus::Example>), AppError> {
    load_all(dir).map(|(e, x, _)| (e, x))
}

fn sources(dir: Option<&Path>) -> Result<Vec<aigov_corpus::Source>, AppError> {
    Ok(match dir {
        // The error names the file at fault (read_dir puts it in the message).
        Some(d) => aigov_corpus::read_dir(d).map_err(|e| AppError::Invalid {
            message: format!("cannot read {e}"),
            help: if e.kind() == std::io::ErrorKind::InvalidData {
                "save the file as UTF-8".into()
            } else {
                "check the path and permissions".into()
            },
        })?,
        None => aigov_corpus::embedded_sources(),
    })
}

/// The fingerprint of the corpus (a folder, else the embedded files): see [`reassess::fingerprint`]. The service
/// records it with each subject's answer, to tell when the corpus has changed since.
pub fn corpus_fingerprint(dir: Option<&Path>) -> Result<String, AppError> {
    Ok(reassess::fingerprint(&sources(dir)?))
}

fn load_all(
    dir: Option<&Path>,
) -> Result<(Engine, Vec<aigov_corpus::Example>, Translations), AppError> {
    let sources = sources(dir)?;
    match aigov_corpus::load(&sources) {
        Ok(l) => match aigov_corpus::translations::load(&sources, &l.corpus) {
            Ok(t) => Ok((Engine::new(l.corpus), l.examples, t)),
            Err(diags) => Err(AppError::Corpus { diagnostics: diags }),
        },
        Err(diags) => Err(AppError::Corpus { diagnostics: diags }),
    }
}

/// The translations of the corpus's texts (rule titles, questions, ...) for reports in other languages: the
/// precompiled embedded ones when possible, else loaded and checked from the sources (a folder given by the user).
pub fn translations(dir: Option<&Path>) -> Result<Translations, AppError> {
    if dir.is_none() && !PRECOMPILED_TRANSLATIONS.is_empty() {
        if let Ok(t) = serde_json::from_str::<Translations>(PRECOMPILED_TRANSLATIONS) {
            return Ok(t);
        }
    }
    load_all(dir).map(|(_, _, t)| t)
}
