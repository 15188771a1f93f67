//! # aigov-core
//!
//! The pure core of aigov: the model of AI law as data (instruments with dated lifecycles, dated parameters,
//! rules with exceptions and versions), conditions compiled from CEL and evaluated in three-valued logic,
//! assessment of a subject as of a date, explanation, diff between dates, and timelines.
//!
//! This crate does no file or network I/O: it parses strings and returns values. The corpus crate loads and
//! validates law files; the front ends (CLI, later server and web) print and serve.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod assess;
pub mod changes;
pub mod condition;
pub mod diff;
pub mod manifest;
pub mod model;
pub mod schema;
pub mod timeline;
pub mod value;
pub mod vocabulary;

pub use assess::{Assessment, Engine, Finding, Options, Status};
pub use jiff::civil::Date;
pub use manifest::{Facts, Format};
pub use model::Corpus;
pub use value::{Truth, Value};
