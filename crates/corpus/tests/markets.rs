//! A manifest that lists its markets as complete (`markets_complete: true`) settles every test of a place outside
//! them: the California-only teen chatbot of examples/ drops from over a hundred undetermined rules to a handful,
//! each about California or US federal law, while a market in the Union keeps the EU AI Act open. Checked on the
//! real corpus.

use aigov_core::assess::{Engine, Options, Status};
use aigov_core::manifest::{self, Facts, Format};
use aigov_core::Date;
use std::sync::OnceLock;

const TEEN_CHATBOT: &str = include_str!("../../../examples/california-teen-chatbot.yaml");

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

fn date() -> Date {
    "2026-11-28".parse().expect("a date")
}

/// The undetermined findings: (rule, jurisdiction).
fn undetermined(yaml: &str) -> Vec<(String, String)> {
    let e = engine();
    let a = e.assess(facts(yaml), &Options::as_of(date()));
    a.findings
        .iter()
        .filter(|f| f.status == Status::Undetermined)
        .map(|f| (f.rule.to_string(), f.jurisdiction.to_string()))
        .collect()
}

fn without_markets_complete(yaml: &str) -> String {
    let out: String = yaml
        .lines()
        .filter(|l| !l.starts_with("markets_complete:"))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_ne!(out.len(), yaml.len(), "the example says markets_complete");
    out
}

#[test]
fn the_california_teen_chatbot_drops_from_over_a_hundred_undetermined_to_a_handful() {
    let open = without_markets_complete(TEEN_CHATBOT);
    let before = undetermined(&open);
    let after = undetermined(TEEN_CHATBOT);
    assert!(
        before.len() >= 100,
        "without markets_complete the example is drowned: {} undetermined",
        before.len()
    );
    assert!(
        before.iter().filter(|(_, j)| j == "EU").count() >= 50,
        "without it, the EU AI Act asks where the product is sold and used"
    );
    assert!(
        after.len() <= 12,
        "with markets_complete a handful stay open, not {}: {after:?}",
        after.len()
    );
    for (rule, j) in &after {
        assert!(
            j == "US" || j == "US-CA",
            "{rule} ({j}) is about a place outside the markets listed"
        );
    }
    // What the facts given settle is the same with and without the line: only unknowns were settled.
    let e = engine();
    let decided = |yaml: &str| {
        let a = e.assess(facts(yaml), &Options::as_of(date()));
        a.findings
            .iter()
            .filter(|f| matches!(f.status, Status::InEffect | Status::Upcoming))
            .map(|f| f.rule.to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(decided(&open), decided(TEEN_CHATBOT));
}

#[test]
fn a_market_in_the_union_keeps_the_eu_ai_act_open_and_the_rest_closed() {
    let yaml = TEEN_CHATBOT.replace(
        "affected_persons_in: [US-CA]",
        "affected_persons_in: [US-CA, FR]",
    );
    let open = undetermined(&yaml);
    assert!(
        open.iter().any(|(r, _)| r == "eu_ai_act.art2_1_scope"),
        "people affected in France: the Act's scope turns on facts not given, {open:?}"
    );
    assert!(
        !open
            .iter()
            .any(|(_, j)| j == "CN" || j == "US-NY" || j == "US-TX"),
        "China, New York and Texas stay outside the markets: {open:?}"
    );
    // The whole Union as a market covers its member states.
    let yaml = TEEN_CHATBOT.replace("operates_in: [US-CA]", "operates_in: [US-CA, EU]");
    assert!(undetermined(&yaml)
        .iter()
        .any(|(r, _)| r == "eu_ai_act.art2_1_scope"));
}

#[test]
fn exclusions_from_a_regime_that_does_not_reach_the_subject_are_not_asked() {
    // The EU's scope exclusions (military use, research) relieve nothing for a system outside the Union.
    let after = undetermined(TEEN_CHATBOT);
    assert!(!after.iter().any(|(r, _)| r.starts_with("eu_ai_act.art2_")));
    // With the markets open, the exclusion can still matter and is asked.
    let before = undetermined(&without_markets_complete(TEEN_CHATBOT));
    assert!(before.iter().any(|(r, _)| r == "eu_ai_act.art2_3_military"));
}

#[test]
fn markets_complete_needs_a_market_and_a_boolean() {
    let v = &engine().corpus.vocabulary;
    let e = manifest::parse(
        "subject: ai_system\nmarkets_complete: true\nai_system: { roles: [provider] }\n",
        Format::Yaml,
        v,
    )
    .expect_err("no market listed");
    assert_eq!(e.path, "markets_complete");
    assert!(e
        .hint
        .as_deref()
        .is_some_and(|h| h.contains("ai_system.placed_on_market_in")));
    let e = manifest::parse(
        "subject: ai_system\nmarkets_complete: yes please\nai_system: { used_in: [DE] }\n",
        Format::Yaml,
        v,
    )
    .expect_err("not a boolean");
    assert_eq!(e.path, "markets_complete");
    // The flag survives a round trip through the manifest tree (interview --save).
    let f = facts("subject: ai_system\nmarkets_complete: true\nai_system: { used_in: [DE] }\n");
    assert_eq!(
        f.to_tree(v).get("markets_complete"),
        Some(&serde_json::Value::Bool(true))
    );
    assert_eq!(
        f.markets.as_ref().map(|m| m.codes().to_vec()),
        Some(vec!["DE".to_string()])
    );
}
