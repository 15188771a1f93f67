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

pub mod chips;
pub mod compute;
pub mod error;
pub mod inventory;
pub mod lists;
pub mod map;
pub mod report;
pub mod request;
pub mod screen;
pub mod timeline;

pub use error::AppError;

/// The core types the answers carry, so that front ends need not name the lower crates for common use.
pub use aigov_core::{Assessment, Date, Engine, Facts};

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

/// Loads and validates the corpus from its sources (a folder, else the embedded files), with its examples.
pub fn load_engine(dir: Option<&Path>) -> Result<(Engine, Vec<aigov_corpus::Example>), AppError> {
    let sources = match dir {
        Some(d) => aigov_corpus::read_dir(d).map_err(|e| AppError::Read {
            path: d.display().to_string(),
            source: e,
        })?,
        None => aigov_corpus::embedded_sources(),
    };
    match aigov_corpus::load(&sources) {
        Ok(l) => Ok((Engine::new(l.corpus), l.examples)),
        Err(diags) => Err(AppError::Corpus { diagnostics: diags }),
    }
}
