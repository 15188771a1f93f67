//! Derived facts (computed from other facts with the arithmetic shown), arithmetic in conditions, and
//! challenges reported on findings — against the mini fixture corpus.

use aigov_core::assess::{Engine, Options};
use aigov_core::manifest::{self, Format};
use aigov_core::Facts;
use aigov_corpus::Source;
use std::path::Path;

fn sources() -> Vec<Source> {
    aigov_corpus::read_dir(Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/mini"
    )))
    .expect("the mini corpus is readable")
}

fn engine_of(sources: &[Source]) -> Engine {
    Engine::new(
        aigov_corpus::load(sources)
            .unwrap_or_else(|d| panic!("{d:#?}"))
            .corpus,
    )
}

fn facts(engine: &Engine, yaml: &str) -> &'static Facts {
    Box::leak(Box::new(
        manifest::parse(yaml, Format::Yaml, &engine.corpus.vocabulary)
            .unwrap_or_else(|e| panic!("{e:?}")),
    ))
}

fn status(engine: &Engine, yaml: &str, as_of: &str) -> (String, Vec<String>) {
    let f = facts(engine, yaml);
    let mut o = Options::as_of(as_of.parse().expect("date"));
    o.include_not_applicable = true;
    let a = engine.assess(f, &o);
    let s = a
        .finding("us_eo_old.reporting")
        .map(|f| f.status.as_str().to_string())
        .unwrap_or_default();
    (s, a.derived.iter().map(|d| d.arithmetic.clone()).collect())
}

#[test]
fn a_derived_fact_is_computed_from_the_first_alternative_whose_inputs_are_known() {
    let e = engine_of(&sources());
    // 6 * 1e12 * 2e13 = 1.2e26 >= 1e26: the reporting duty applies.
    let (s, arith) = status(
        &e,
        "subject: ai_system\nai_system: { parameters: 1e12, tokens: 2e13 }",
        "2024-06-01",
    );
    assert_eq!(s, "in_effect");
    assert_eq!(arith, ["6 * 1e12 * 2e13 = 1.2e26"]);
    // Too small: 6 * 1e9 * 1e12 = 6e21.
    let (s, _) = status(
        &e,
        "subject: ai_system\nai_system: { parameters: 1e9, tokens: 1e12 }",
        "2024-06-01",
    );
    assert_eq!(s, "not_applicable");
    // The second alternative (brackets only where they change the meaning).
    let (s, arith) = status(
        &e,
        "subject: ai_system\nai_system: { chips: 100000, chip_flops: 1e15, days: 100 }",
        "2024-06-01",
    );
    // 1e5 * 1e15 * 8.64e6 / 2 = 4.32e26.
    assert_eq!(s, "in_effect");
    assert_eq!(arith, ["100000 * 1e15 * 100 * 86400 / 2 = 4.32e26"]);
}

#[test]
fn a_given_value_wins_over_a_derived_one_and_missing_inputs_leave_it_unknown() {
    let e = engine_of(&sources());
    let (s, arith) = status(
        &e,
        "subject: ai_system\nai_system: { compute_flop: 1e20, parameters: 1e12, tokens: 2e13 }",
        "2024-06-01",
    );
    assert_eq!(s, "not_applicable");
    assert!(arith.is_empty(), "nothing derived when the fact is given");
    // Unknown is not false: with only the parameter count, the rule is undetermined and asks for compute.
    let f = facts(&e, "subject: ai_system\nai_system: { parameters: 1e12 }");
    let a = e.assess(f, &Options::as_of("2024-06-01".parse().expect("date")));
    let finding = a.finding("us_eo_old.reporting").expect("reported");
    assert_eq!(finding.status.as_str(), "undetermined");
    assert!(finding.open_facts.contains(&"ai_system.compute_flop"));
}

#[test]
fn zero_inputs_give_a_real_zero() {
    let e = engine_of(&sources());
    let (s, arith) = status(
        &e,
        "subject: ai_system\nai_system: { chips: 0, chip_flops: 1e15, days: 0 }",
        "2024-06-01",
    );
    // 0 * 1e15 * 0 / 2 = 0: a real zero, not a failure.
    assert_eq!(s, "not_applicable");
    assert_eq!(arith, ["0 * 1e15 * 0 * 86400 / 2 = 0"]);
}

#[test]
fn division_by_zero_gives_no_value_rather_than_infinity() {
    let mut src = sources();
    let f = src
        .iter_mut()
        .find(|s| s.path == "vocabulary/ai_system.yaml")
        .expect("file");
    f.text = f.text.replacen(
        "formula: 6 * ai_system.parameters * ai_system.tokens",
        "formula: ai_system.parameters / ai_system.tokens",
        1,
    );
    let e = engine_of(&src);
    let (s, arith) = status(
        &e,
        "subject: ai_system\nai_system: { parameters: 1e12, tokens: 0 }",
        "2024-06-01",
    );
    assert_eq!(
        s, "undetermined",
        "an impossible value is unknown, not infinite"
    );
    assert!(arith.is_empty());
}

#[test]
fn arithmetic_in_a_condition_is_evaluated_and_rendered() {
    let mut src = sources();
    let f = src
        .iter_mut()
        .find(|s| s.path == "us/eo-2023.yaml")
        .expect("file");
    f.text = f.text.replacen(
        "when: ai_system.compute_flop >= 1e26",
        "when: ai_system.compute_flop / 2 >= max(5e25, 1e25) - 0",
        1,
    );
    let e = engine_of(&src);
    let (s, _) = status(
        &e,
        "subject: ai_system\nai_system: { compute_flop: 1e26 }",
        "2024-06-01",
    );
    assert_eq!(s, "in_effect");
    let (s, _) = status(
        &e,
        "subject: ai_system\nai_system: { compute_flop: 9e25 }",
        "2024-06-01",
    );
    assert_eq!(s, "not_applicable");
}

fn errors_with(path: &str, from: &str, to: &str) -> Vec<String> {
    let mut src = sources();
    let f = src.iter_mut().find(|s| s.path == path).expect("file");
    assert_eq!(f.text.matches(from).count(), 1, "{from}");
    f.text = f.text.replacen(from, to, 1);
    match aigov_corpus::load(&src) {
        Ok(_) => panic!("should not load"),
        Err(d) => d
            .iter()
            .map(|d| format!("{}:{}: {}", d.file, d.line, d.message))
            .collect(),
    }
}

#[test]
fn bad_derivations_are_reported_with_their_place() {
    let e = errors_with(
        "vocabulary/ai_system.yaml",
        "formula: 6 * ai_system.parameters * ai_system.tokens",
        "formula: 6 * ai_system.parameters * ai_system.tokenz",
    );
    assert!(
        e.iter().any(|m| m.starts_with("vocabulary/ai_system.yaml:")
            && m.contains("unknown fact `ai_system.tokenz`")),
        "{e:?}"
    );
    let e = errors_with(
        "vocabulary/ai_system.yaml",
        "formula: 6 * ai_system.parameters * ai_system.tokens",
        "formula: ai_system.open_source",
    );
    assert!(
        e.iter().any(|m| m.contains("a formula must give a number")),
        "{e:?}"
    );
    let e = errors_with(
        "vocabulary/ai_system.yaml",
        "formula: 6 * ai_system.parameters * ai_system.tokens",
        "formula: 6 * ai_system.compute_flop",
    );
    assert!(
        e.iter().any(|m| m.contains("reads the fact itself")),
        "{e:?}"
    );
}

#[test]
fn a_challenge_is_reported_on_the_instruments_findings_from_its_date() {
    let e = engine_of(&sources());
    let yaml = "subject: ai_system\norganization: { established_in: [US-CA] }\nai_system: { roles: [deployer], used_in: [US-CA] }";
    let f = facts(&e, yaml);
    let before = e.assess(f, &Options::as_of("2025-04-30".parse().expect("date")));
    let after = e.assess(f, &Options::as_of("2025-05-01".parse().expect("date")));
    let of = |a: &aigov_core::Assessment| {
        a.findings
            .iter()
            .filter(|f| f.instrument == "us_ca_act")
            .map(|f| f.challenges.len())
            .collect::<Vec<_>>()
    };
    assert!(!of(&before).is_empty(), "the act has findings");
    assert!(of(&before).iter().all(|&n| n == 0));
    assert!(of(&after).iter().all(|&n| n == 1));
    let c = &after
        .findings
        .iter()
        .find(|f| f.instrument == "us_ca_act")
        .expect("finding")
        .challenges[0];
    assert_eq!(c.by, Some("us_eo_new"));
    assert_eq!(c.note, Some("Federal suit against the act."));
}

#[test]
fn deadlines_count_in_days_or_hours_not_both() {
    let mut src = sources();
    let f = src
        .iter_mut()
        .find(|s| s.path == "xx/act.yaml")
        .expect("file");
    f.text = f.text.replacen(
        "deadline: { within_days: 30, after: \"a request by the applicant\" }",
        "deadline: { within_hours: 48, after: \"a request by the applicant\" }",
        1,
    );
    let e = engine_of(&src);
    let texts: Vec<String> = e
        .corpus
        .rules
        .iter()
        .flat_map(|r| &r.versions)
        .filter_map(|v| match &v.effect {
            aigov_core::model::Effect::Obligation {
                deadline: Some(d), ..
            } if d.within_hours.is_some() => Some(d.text.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(texts, ["within 48 hours of a request by the applicant"]);
    let e = errors_with(
        "xx/act.yaml",
        "deadline: { within_days: 30, after: \"a request by the applicant\" }",
        "deadline: { within_days: 2, within_hours: 48 }",
    );
    assert!(
        e.iter()
            .any(|m| m.starts_with("xx/act.yaml:") && m.contains("in days or in hours, not both")),
        "{e:?}"
    );
}

#[test]
fn derived_facts_that_depend_on_each_other_are_a_cycle_error() {
    let e = errors_with(
        "vocabulary/ai_system.yaml",
        "    question: How many training tokens?\n",
        "    question: How many training tokens?\n    derive:\n      - label: back from compute\n        formula: ai_system.compute_flop / 6\n",
    );
    assert!(
        e.iter().any(|m| m.starts_with("vocabulary/ai_system.yaml:")
            && m.contains("derived facts depend on each other in a cycle")
            && m.contains("ai_system.compute_flop")
            && m.contains("ai_system.tokens")),
        "{e:?}"
    );
}
