//! Restricted-party screening for aigov.
//!
//! * [`parse()`] reads the official list files: the Consolidated Screening List (CSV and JSON, as published by
//!   the International Trade Administration) and OFAC's SDN files (`sdn.csv`, `alt.csv`, `add.csv`).
//! * [`normalize()`] folds names to comparable tokens (case, punctuation, corporate suffixes in many languages,
//!   abbreviations, plurals, and Chinese names through translation and pinyin).
//! * [`devanagari`], [`kana`] and [`arabic_script`] read names written in those scripts as the lists write them.
//! * [`translit`] brings spellings of one name in different romanisation systems to common keys (Cyrillic
//!   systems, the French and German readings of `ch`, Arabic and Persian given names, Korean and Chinese
//!   romanisations, countries and their adjectives, Roman numerals, the pinyin-English words of Chinese company
//!   names), each equivalence named.
//! * [`Index`] finds candidates through inverted indexes (tokens, character trigrams, acronyms, equivalence
//!   keys) and scores them with an explanation of every point and every equivalence used.
//! * [`limits`] bounds every input (name length and words, list record and file size) with typed errors, so
//!   that screening's cost stays linear in its input.
//! * [`eval`] builds a labelled, seeded evaluation set from real list names and measures precision and recall.
//!
//! A hit or a miss is not a compliance determination; the lists must be current.
#![forbid(unsafe_code)]

pub mod arabic_script;
pub mod countries;
pub mod devanagari;
pub mod eval;
pub mod index;
pub mod kana;
pub mod limits;
pub mod model;
pub mod normalize;
pub mod parse;
pub mod translit;

pub use index::{Explanation, Hit, Index, MatchKind, MatchPart, SearchOptions, DEFAULT_THRESHOLD};
pub use limits::ScreenError;
pub use model::{AddRecord, AltRecord, Entry, Format, ListMeta};
pub use normalize::{normalize, Normalized};
pub use parse::{detect, merge_ofac, parse, parse_auto, ParseError, Parsed, Records};
