//! The batch fast path (`Engine::summary_planned`, with each rule's timing worked out once per date) gives exactly
//! what `Engine::summary` and the full `Engine::assess` give, on every example of the real corpus.

use aigov_core::assess::{Engine, Options, Status};

#[test]
fn planned_summaries_agree_with_summaries_and_assessments() {
    let loaded = aigov_corpus::load(&aigov_corpus::embedded_sources()).expect("corpus");
    let engine = Engine::new(loaded.corpus);
    let mut checked = 0;
    for ex in &loaded.examples {
        let mut o = Options::as_of(ex.as_of);
        o.traces = false;
        let plan = engine.plan(ex.as_of);
        let planned = engine.summary_planned(&ex.facts, &o, &plan);
        let plain = engine.summary(&ex.facts, &o);
        assert_eq!(planned, plain, "{}", ex.name);
        let full = engine.assess(&ex.facts, &o);
        // The summary leaves out rules that have ended, even when their condition is open.
        let of = |s: Status| -> Vec<&str> {
            let mut v: Vec<&str> = full
                .findings
                .iter()
                .filter(|f| f.status == s && f.timing != Some(Status::Ended))
                .map(|f| f.rule)
                .collect();
            v.sort();
            v
        };
        let sorted = |v: &[&str]| -> Vec<String> {
            let mut v: Vec<String> = v.iter().map(|s| s.to_string()).collect();
            v.sort();
            v
        };
        assert_eq!(
            sorted(&planned.in_effect),
            of(Status::InEffect),
            "{}",
            ex.name
        );
        assert_eq!(
            sorted(&planned.upcoming),
            of(Status::Upcoming),
            "{}",
            ex.name
        );
        assert_eq!(
            sorted(&planned.undetermined),
            of(Status::Undetermined),
            "{}",
            ex.name
        );
        assert_eq!(
            sorted(&planned.suspended),
            of(Status::Suspended),
            "{}",
            ex.name
        );
        checked += 1;
    }
    assert!(checked > 400, "{checked}");
}

/// The full assessment with the date's plan (`Engine::assess_planned`, what the service uses with the plans it
/// keeps per date) is the same assessment as `Engine::assess`, findings, texts and derivations included, on every
/// example of the real corpus, with and without the rules that do not apply, and on a date with ended and upcoming
/// law.
#[test]
fn planned_assessments_are_the_assessments() {
    let loaded = aigov_corpus::load(&aigov_corpus::embedded_sources()).expect("corpus");
    let engine = Engine::new(loaded.corpus);
    let mut checked = 0;
    for ex in &loaded.examples {
        for as_of in [
            ex.as_of,
            "2031-06-30".parse::<aigov_core::Date>().expect("date"),
        ] {
            let plan = engine.plan(as_of);
            assert_eq!(plan.as_of(), as_of);
            // The rules that do not apply too on the example's own date (the slowest case, so not on both).
            let alls: &[bool] = if as_of == ex.as_of {
                &[false, true]
            } else {
                &[false]
            };
            for &all in alls {
                let mut o = Options::as_of(as_of);
                o.include_not_applicable = all;
                let planned = engine.assess_planned(&ex.facts, &o, &plan);
                let plain = engine.assess(&ex.facts, &o);
                assert_eq!(planned, plain, "{} as of {as_of}", ex.name);
                checked += plain.findings.len();
            }
        }
    }
    // Findings compared, so that an empty corpus cannot pass.
    assert!(checked > 10_000, "{checked}");
}
