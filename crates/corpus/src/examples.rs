//! Runs corpus examples: each is a manifest and a date with the statuses expected for some rules.

use crate::load::Example;
use aigov_core::assess::{Engine, Options, Status};

/// A rule whose status differs from what an example expects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    /// The rule.
    pub rule: String,
    /// What the example expects (`None`: not yet law).
    pub expected: Option<Status>,
    /// What the engine found (`None`: the rule was not yet law on the date).
    pub actual: Option<Status>,
}

/// The outcome of one example.
#[derive(Debug, Clone)]
pub struct ExampleResult<'a> {
    /// The example.
    pub example: &'a Example,
    /// The rules that did not match.
    pub mismatches: Vec<Mismatch>,
}

impl ExampleResult<'_> {
    /// Whether every expectation held.
    pub fn passed(&self) -> bool {
        self.mismatches.is_empty()
    }
}

/// Runs every example against the engine.
pub fn run<'a>(engine: &Engine, examples: &'a [Example]) -> Vec<ExampleResult<'a>> {
    examples
        .iter()
        .map(|ex| {
            let mut options = Options::as_of(ex.as_of);
            options.include_not_applicable = true;
            options.traces = false;
            let a = engine.assess(&ex.facts, &options);
            let mismatches = ex
                .expect
                .iter()
                .filter_map(|(rule, expected)| {
                    let actual = a.finding(rule).map(|f| f.status);
                    (actual != *expected).then(|| Mismatch {
                        rule: rule.clone(),
                        expected: *expected,
                        actual,
                    })
                })
                .collect();
            ExampleResult {
                example: ex,
                mismatches,
            }
        })
        .collect()
}
