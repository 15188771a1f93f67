//! Classes the law defines by observable features are derived from the features (a bool fact with `derive:`),
//! the direct answer stays an override, and the questions ask for the features, not the legal conclusion.
//! Profiling (GDPR Art 4(4), read by EU AI Act Art 6(3)), OMB M-25-21 high-impact AI, Utah's high-risk AI
//! interaction and the EU AI Act's safety component on the real corpus; the loader's checks on the mini one.

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

/// A Utah licensed professional's client-facing generative AI, after SB 226 (2025).
fn utah_professional(extra: &str) -> String {
    format!(
        "subject: ai_system\norganization: {{ licensed_professional: true }}\nai_system:\n  roles: [deployer]\n  \
         affected_persons_in: [US-UT]\n  capabilities: [interacts_with_people]\n  discloses_ai_throughout: false\n{extra}"
    )
}

#[test]
fn utah_high_risk_interaction_is_derived_from_the_data_collected_and_the_advice_given() {
    let rule = "us_ut_sb149.regulated_occupation_disclosure";
    let status = |yaml: &str| {
        assess_on(yaml, "2025-09-01")
            .finding(rule)
            .map(|f| f.status)
    };
    // Either limb of Utah Code 13-75-101(5) is enough.
    assert_eq!(
        status(&utah_professional("  sensitive_data_collected: [health]\n")),
        Some(Status::InEffect)
    );
    assert_eq!(
        status(&utah_professional("  personalised_advice: [legal]\n")),
        Some(Status::InEffect)
    );
    // Neither: not a high-risk interaction, no proactive disclosure.
    assert_eq!(
        status(&utah_professional(
            "  sensitive_data_collected: []\n  personalised_advice: []\n"
        )),
        Some(Status::NotApplicable)
    );
    // The direct answer overrides.
    assert_eq!(
        status(&utah_professional(
            "  sensitive_data_collected: [financial]\n  ut_high_risk_interaction: false\n"
        )),
        Some(Status::NotApplicable)
    );
    // Nothing given: the features are asked, not the statute's class.
    let a = assess_on(&utah_professional(""), "2025-09-01");
    assert_eq!(
        a.finding(rule).map(|f| f.status),
        Some(Status::Undetermined)
    );
    let q = asked(&a);
    assert!(
        q.iter().any(|f| f == "ai_system.sensitive_data_collected"),
        "{q:?}"
    );
    assert!(
        q.iter().any(|f| f == "ai_system.personalised_advice"),
        "{q:?}"
    );
    assert!(
        !q.iter().any(|f| f == "ai_system.ut_high_risk_interaction"),
        "{q:?}"
    );
}

/// An AI system in a lift, a product under Annex I Section A that needs a third-party conformity assessment.
fn lift_ai(extra: &str) -> String {
    format!(
        "subject: ai_system\norganization: {{ established_in: [DE] }}\nai_system:\n  roles: [provider]\n  \
         placed_on_market_in: [DE]\n  scope_exclusions: []\n  annex1_legislation: [lifts]\n  \
         third_party_conformity_assessment: true\n{extra}"
    )
}

#[test]
fn eu_safety_component_is_derived_from_the_systems_part_in_the_products_safety() {
    let rule = "eu_ai_act.art6_1_annex1_section_a";
    let a = assess_on(
        &lift_ai("  product_safety_role: [failure_endangers]\n"),
        "2028-08-03",
    );
    assert_eq!(a.finding(rule).map(|f| f.status), Some(Status::InEffect));
    assert!(
        a.derived_answers
            .iter()
            .any(|d| d.fact == "ai_system.annex1_safety_component" && d.value),
        "{:?}",
        a.derived_answers
    );
    // No safety role (maintenance scheduling, say): not a safety component, not high-risk by Art 6(1).
    assert_eq!(
        assess_on(&lift_ai("  product_safety_role: []\n"), "2028-08-03")
            .finding(rule)
            .map(|f| f.status),
        Some(Status::NotApplicable)
    );
    // Nothing given: asked for the system's part in the product's safety, not whether it is a "safety component".
    let a = assess_on(&lift_ai(""), "2028-08-03");
    assert_eq!(
        a.finding(rule).map(|f| f.status),
        Some(Status::Undetermined)
    );
    let q = asked(&a);
    assert!(
        q.iter().any(|f| f == "ai_system.product_safety_role"),
        "{q:?}"
    );
    assert!(
        !q.iter().any(|f| f == "ai_system.annex1_safety_component"),
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
