//! One product, one manifest: an organization and several linked subjects (a system built on a model, an export
//! carrying an item), bound together; the single-subject form is parsed exactly as before. Real vocabulary.

use aigov_core::assess::{Engine, Options, Status};
use aigov_core::manifest::{self, Format, Manifest};
use std::sync::OnceLock;

const LAB: &str = include_str!("../../../examples/frontier-lab-model-and-chatbot.yaml");

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

fn parse(yaml: &str) -> Result<Manifest, manifest::ManifestError> {
    manifest::parse_any(yaml, Format::Yaml, &engine().corpus.vocabulary)
}

#[test]
fn a_model_and_the_chatbot_built_on_it_are_assessed_together() {
    let Manifest::Linked(subjects) = parse(LAB).expect("the example parses") else {
        panic!("a manifest with subjects: is linked");
    };
    let ids: Vec<(&str, Option<&str>, &str)> = subjects
        .iter()
        .map(|s| {
            (
                s.id.as_str(),
                s.built_on.as_deref(),
                s.facts.subject.as_str(),
            )
        })
        .collect();
    assert_eq!(
        ids,
        [
            ("atlas", None, "model"),
            ("atlas-chat", Some("atlas"), "ai_system")
        ]
    );
    let v = &engine().corpus.vocabulary;
    let revenue = v
        .fact("organization", "annual_revenue_usd")
        .expect("fact")
        .id;
    for s in &subjects {
        assert!(
            s.facts.get(revenue).is_some(),
            "{} shares the organization",
            s.id
        );
    }
    let o = Options::as_of("2026-11-28".parse().expect("date"));
    let model = engine().assess(&subjects[0].facts, &o);
    let chat = engine().assess(&subjects[1].facts, &o);
    // Each subject gets the rules of its own kind: the model the EU's systemic-risk duties, the chatbot Art 50.
    assert!(model
        .findings
        .iter()
        .any(|f| f.rule.starts_with("eu_ai_act.art55") && f.status == Status::InEffect));
    assert!(
        chat.finding("eu_ai_act.art50_1_interaction_disclosure")
            .is_some_and(|f| matches!(f.status, Status::InEffect | Status::Upcoming)),
        "the chatbot must tell people they talk to an AI"
    );
    let c = &engine().corpus;
    let kind = |r: &str| c.rule(r).map(|r| r.subject.as_str());
    assert!(chat
        .findings
        .iter()
        .all(|f| kind(f.rule) == Some("ai_system")));
    assert!(model.findings.iter().all(|f| kind(f.rule) == Some("model")));
}

#[test]
fn an_export_carries_the_item_it_is_built_on() {
    let yaml = "organization: { established_in: [US] }\nsubjects:\n  - id: h20\n    subject: item\n    item: { tpp: 2368, die_area_mm2: 814 }\n  - id: shipment\n    subject: export\n    built_on: h20\n    export: { destination: [CN], quantity: 100 }\n";
    let Manifest::Linked(subjects) = parse(yaml).unwrap_or_else(|e| panic!("{e:?}")) else {
        panic!("linked");
    };
    let tpp = engine()
        .corpus
        .vocabulary
        .fact("item", "tpp")
        .expect("fact")
        .id;
    assert!(
        subjects[1].facts.get(tpp).is_some(),
        "the export reads its item's facts"
    );
}

#[test]
fn links_are_checked() {
    let e = parse("subjects:\n  - id: a\n    subject: ai_system\n    built_on: atlsa\n  - id: atlas\n    subject: model\n")
        .expect_err("an unknown id");
    assert_eq!(e.path, "subjects[0].built_on");
    assert_eq!(e.hint.as_deref(), Some("did you mean `atlas`?"));
    let e = parse("subjects:\n  - id: a\n    subject: model\n    built_on: b\n  - id: b\n    subject: model\n    built_on: a\n")
        .expect_err("a cycle");
    assert!(e.message.contains("cycle"), "{e:?}");
    let e = parse("subjects:\n  - id: a\n    subject: model\n  - id: a\n    subject: ai_system\n")
        .expect_err("an id twice");
    assert_eq!(e.path, "subjects[1].id");
    let e = parse(
        "subjects:\n  - id: a\n    subject: ai_system\n    ai_system: { roles: [providr] }\n",
    )
    .expect_err("a bad value inside a subject");
    assert_eq!(e.path, "subjects[0].ai_system.roles[0]");
    assert!(e.line_col.is_some(), "placed in the source");
    let e =
        parse("subjects:\n  - id: a\n    subject: ai_system\n    organization: { employees: 3 }\n")
            .expect_err("the organization belongs at the top");
    assert_eq!(e.path, "subjects[0].organization");
}

#[test]
fn a_single_subject_manifest_is_parsed_as_before() {
    let yaml = include_str!("../../../examples/cv-screening-saas.yaml");
    let Manifest::Single(facts) = parse(yaml).expect("parses") else {
        panic!("single");
    };
    assert_eq!(
        facts,
        manifest::parse(yaml, Format::Yaml, &engine().corpus.vocabulary).expect("parses")
    );
}
