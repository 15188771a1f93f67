//! Classes the law defines by observable features are derived from the features (a bool fact with `derive:`),
//! the direct answer stays an override, and the questions ask for the features, not the legal conclusion.
//! Profiling (GDPR Art 4(4), read by EU AI Act Art 6(3)) on the real corpus; the loader's checks on the mini one.

use aigov_core::assess::{Engine, Options, Status};
use aigov_core::manifest::{self, Facts, Format};
use std::path::Path;
use std::sync::OnceLock;

fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| {
        Engine::new(
            aigov_corpus::load(&aigov_corpus::embedded_sources())
                .expect("corpus")
                .corpus,
        )
    })
}

fn facts(yaml: &str) -> &'static Facts {
    let f = manifest::parse(yaml, Format::Yaml, &engine().corpus.vocabulary)
        .unwrap_or_else(|e| panic!("manifest: {e:?}"));
    Box::leak(Box::new(f))
}

/// An Annex III system in Germany that only performs a narrow procedural task: high-risk only if it profiles.
fn shift_planner(extra: &str) -> String {
    format!(
        "subject: ai_system\nmarkets_complete: true\norganization: {{ established_in: [DE] }}\nai_system:\n  \
         roles: [provider]\n  placed_on_market_in: [DE]\n  scope_exclusions: []\n  practices: []\n  \
         annex3_uses: [employment_work_relationship]\n  derogation_grounds: [narrow_procedural_task]\n{extra}"
    )
}

fn status_of(yaml: &str, rule: &str) -> Option<Status> {
    let a = engine().assess(
        facts(yaml),
        &Options::as_of("2028-01-01".parse().expect("date")),
    );
    a.finding(rule).map(|f| f.status)
}

#[test]
fn profiling_is_derived_from_the_personal_aspects_the_system_evaluates() {
    let yaml = shift_planner("  personal_aspects_evaluated: [work_performance]\n");
    let a = engine().assess(
        facts(&yaml),
        &Options::as_of("2028-01-01".parse().expect("date")),
    );
    let d = a
        .derived_answers
        .iter()
        .find(|d| d.fact == "ai_system.profiling")
        .expect("profiling is derived");
    assert!(d.value);
    assert_eq!(d.formula, "size(ai_system.personal_aspects_evaluated) > 0");
    assert!(
        d.values.iter().any(|v| v.contains("work_performance")),
        "{:?}",
        d.values
    );
    // Profiling keeps the Annex III system high-risk despite the Art 6(3) derogation.
    assert_eq!(
        a.finding("eu_ai_act.high_risk_annex3").map(|f| f.status),
        Some(Status::InEffect)
    );
    // Evaluating no personal aspect is no profiling: the derogation applies.
    let none = shift_planner("  personal_aspects_evaluated: []\n");
    assert_eq!(
        status_of(&none, "eu_ai_act.art6_3_derogation"),
        Some(Status::InEffect)
    );
    assert_ne!(
        status_of(&none, "eu_ai_act.high_risk_annex3"),
        Some(Status::InEffect)
    );
}

#[test]
fn a_direct_answer_overrides_the_derived_class() {
    // The features say profiling; the organization answers the class itself (e.g. after legal advice): it wins.
    let yaml = shift_planner("  personal_aspects_evaluated: [health]\n  profiling: false\n");
    let a = engine().assess(
        facts(&yaml),
        &Options::as_of("2028-01-01".parse().expect("date")),
    );
    assert!(
        a.derived_answers.is_empty(),
        "nothing derived: {:?}",
        a.derived_answers
    );
    assert_eq!(
        a.finding("eu_ai_act.art6_3_derogation").map(|f| f.status),
        Some(Status::InEffect)
    );
}

#[test]
fn the_questions_ask_for_the_features_not_the_legal_conclusion() {
    let yaml = shift_planner("");
    let a = engine().assess(
        facts(&yaml),
        &Options::as_of("2028-01-01".parse().expect("date")),
    );
    let asked: Vec<&str> = a.questions.iter().map(|q| q.fact).collect();
    assert!(
        asked.contains(&"ai_system.personal_aspects_evaluated"),
        "{asked:?}"
    );
    assert!(!asked.contains(&"ai_system.profiling"), "{asked:?}");
    let f = a.finding("eu_ai_act.high_risk_annex3").expect("reported");
    assert_eq!(f.status, Status::Undetermined);
    assert!(
        f.open_facts
            .contains(&"ai_system.personal_aspects_evaluated"),
        "{:?}",
        f.open_facts
    );
}

/// Questions asked, derived answers and a rule's status for a manifest, on a date.
fn assess_on(yaml: &str, date: &str) -> aigov_core::assess::Assessment<'static> {
    let mut options = Options::as_of(date.parse().expect("date"));
    options.include_not_applicable = true;
    engine().assess(facts(yaml), &options)
}

fn asked(a: &aigov_core::assess::Assessment<'_>) -> Vec<String> {
    a.questions.iter().map(|q| q.fact.to_string()).collect()
}

#[test]
fn omb_high_impact_is_derived_from_the_purposes_the_memo_presumes_high_impact() {
    // A benefits-eligibility use (M-25-21 item m) is high-impact without the agency answering the class.
    let yaml = "subject: agency_use_case\nagency_use_case: { national_security_system: false, \
                high_impact_purposes: [federal_benefits_and_services], waiver_granted: false }\n";
    let a = assess_on(yaml, "2025-10-01");
    let d = a
        .derived_answers
        .iter()
        .find(|d| d.fact == "agency_use_case.high_impact")
        .expect("high_impact is derived");
    assert!(d.value);
    assert!(
        d.values
            .iter()
            .any(|v| v.contains("federal_benefits_and_services")),
        "{:?}",
        d.values
    );
    assert_eq!(
        a.finding("us_omb_m_25_21.minimum_practices")
            .map(|f| f.status),
        Some(Status::InEffect)
    );
    // None of the purposes: not high-impact, no minimum practices.
    let none = "subject: agency_use_case\nagency_use_case: { national_security_system: false, high_impact_purposes: [] }\n";
    assert_eq!(
        assess_on(none, "2025-10-01")
            .finding("us_omb_m_25_21.high_impact")
            .map(|f| f.status),
        Some(Status::NotApplicable)
    );
    // The agency's documented determination that a presumed use is not high-impact overrides the purpose.
    let rebutted = "subject: agency_use_case\nagency_use_case: { national_security_system: false, \
                    high_impact_purposes: [law_enforcement], high_impact: false }\n";
    let a = assess_on(rebutted, "2025-10-01");
    assert!(a.derived_answers.is_empty(), "{:?}", a.derived_answers);
    assert_eq!(
        a.finding("us_omb_m_25_21.high_impact").map(|f| f.status),
        Some(Status::NotApplicable)
    );
    // Neither given: the interview asks for the purposes, never for the legal class.
    let open = "subject: agency_use_case\nagency_use_case: { national_security_system: false }\n";
    let a = assess_on(open, "2025-10-01");
    assert_eq!(
        a.finding("us_omb_m_25_21.high_impact").map(|f| f.status),
        Some(Status::Undetermined)
    );
    let q = asked(&a);
    assert!(
        q.iter()
            .any(|f| f == "agency_use_case.high_impact_purposes"),
        "{q:?}"
    );
    assert!(
        !q.iter().any(|f| f == "agency_use_case.high_impact"),
        "{q:?}"
    );
}

fn mini() -> Vec<aigov_corpus::Source> {
    aigov_corpus::read_dir(Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/mini"
    )))
    .expect("the mini corpus is readable")
}

fn with_vocabulary_edit(from: &str, to: &str) -> Vec<aigov_corpus::Source> {
    let mut sources = mini();
    let v = sources
        .iter_mut()
        .find(|s| s.path == "vocabulary/ai_system.yaml")
        .expect("the mini vocabulary");
    assert!(v.text.contains(from), "the fixture has `{from}`");
    v.text = v.text.replacen(from, to, 1);
    sources
}

#[test]
fn a_derived_class_must_be_a_condition_over_facts() {
    let bool_fact = "    question: Is the system open source?\n";
    // A bool derivation is a condition: a number is refused.
    let d = aigov_corpus::load(&with_vocabulary_edit(
        bool_fact,
        &format!("{bool_fact}    derive:\n      - label: size\n        formula: ai_system.parameters * 2\n"),
    ))
    .expect_err("a number is not a class");
    assert!(format!("{d:?}").contains("must be boolean"), "{d:?}");
    // It may not refer to rules.
    let d = aigov_corpus::load(&with_vocabulary_edit(
        bool_fact,
        &format!("{bool_fact}    derive:\n      - label: rule\n        formula: rules.us_eo_new.review\n"),
    ))
    .expect_err("rules are not features");
    assert!(format!("{d:?}").contains("may not refer to rules"), "{d:?}");
    // A correct one loads.
    aigov_corpus::load(&with_vocabulary_edit(
        bool_fact,
        &format!("{bool_fact}    derive:\n      - label: big\n        formula: ai_system.parameters > 1e9\n"),
    ))
    .unwrap_or_else(|d| panic!("{d:#?}"));
}
