//! Strict validation of penalties and of the texts users read: a penalty's amounts must say what they are counted
//! per (a per-day fine must not read as a one-off cap), bands must be ordered, unknown keys are errors, and notes,
//! summaries and event notes must cite public sources, not the authors' private labels.

use aigov_corpus::{Diagnostic, Source};
use std::path::Path;

const FILE: &str = "xx/act.yaml";

fn sources_with(from: &str, to: &str) -> Vec<Source> {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini"));
    let mut sources = aigov_corpus::read_dir(dir).expect("the mini corpus is readable");
    let s = sources
        .iter_mut()
        .find(|s| s.path == FILE)
        .expect("the fixture file");
    assert_eq!(s.text.matches(from).count(), 1, "`{from}` occurs once");
    s.text = s.text.replacen(from, to, 1);
    sources
}

fn errors(from: &str, to: &str) -> Vec<Diagnostic> {
    match aigov_corpus::load(&sources_with(from, to)) {
        Ok(_) => panic!("the corpus should not load after replacing `{from}`"),
        Err(d) => d,
    }
}

fn has(diags: &[Diagnostic], needle: &str) -> bool {
    diags
        .iter()
        .any(|d| d.file == FILE && d.to_string().contains(needle))
}

#[test]
fn the_fixture_penalty_loads_as_written() {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini"));
    let loaded =
        aigov_corpus::load(&aigov_corpus::read_dir(dir).expect("readable")).expect("loads");
    let p = loaded
        .corpus
        .penalty("xx_act.fine_prohibited")
        .expect("penalty");
    assert_eq!(p.unit, Some(aigov_core::model::PenaltyUnit::OneOff));
}

#[test]
fn an_amount_without_a_unit_is_an_error() {
    let d = errors("    unit: one_off\n", "");
    assert!(
        has(&d, "gives an amount but not what it is counted per"),
        "{d:#?}"
    );
    assert!(d
        .iter()
        .any(|x| x.hint.as_deref().is_some_and(|h| h.contains("per_day"))));
}

#[test]
fn a_penalty_described_per_day_needs_a_per_day_unit() {
    let d = errors(
        "summary: Fines for prohibited practices.",
        "summary: Fines of up to EUR 10,000 for each day the practice continues.",
    );
    assert!(has(&d, "described as counted by the day"), "{d:#?}");
    // With the unit given, it loads.
    let s = sources_with(
        "summary: Fines for prohibited practices.\n    max_amount: 10000000\n    currency: EUR\n    max_turnover_percent: 5\n    unit: one_off",
        "summary: Fines of up to EUR 10,000 for each day the practice continues.\n    max_amount: 10000\n    currency: EUR\n    unit: per_day",
    );
    let s: Vec<Source> = s
        .into_iter()
        .map(|mut x| {
            x.text = x.text.replace("    sme_cap: lower_of\n", "");
            x
        })
        .collect();
    aigov_corpus::load(&s).unwrap_or_else(|d| panic!("{d:#?}"));
}

#[test]
fn a_floor_above_the_cap_is_an_error() {
    let d = errors(
        "    max_amount: 10000000\n",
        "    max_amount: 10000000\n    min_amount: 20000000\n",
    );
    assert!(
        has(&d, "minimum 20000000 above its maximum 10000000"),
        "{d:#?}"
    );
}

#[test]
fn each_day_separate_needs_a_per_violation_amount() {
    let d = errors(
        "    unit: one_off\n",
        "    unit: one_off\n    each_day_separate_violation: true\n",
    );
    assert!(has(&d, "counts each day as a separate violation"), "{d:#?}");
}

#[test]
fn unknown_penalty_keys_and_enforcer_kinds_are_errors() {
    let d = errors(
        "    unit: one_off\n",
        "    unit: one_off\n    per_day: true\n",
    );
    assert!(has(&d, "unknown field `per_day`"), "{d:#?}");
    let d = errors(
        "    unit: one_off\n",
        "    unit: one_off\n    enforced_by:\n      - { kind: sheriff, name: The sheriff }\n",
    );
    assert!(has(&d, "sheriff"), "{d:#?}");
    let d = errors(
        "    unit: one_off\n",
        "    unit: one_off\n    tiers:\n      - { label: first violation, unit: per_violation }\n",
    );
    assert!(has(&d, "tier `first violation` has no amount"), "{d:#?}");
}

#[test]
fn private_labels_in_notes_are_rejected_with_the_place() {
    for (label, shown) in [
        ("see [S109]", "[S109]"),
        ("per register U5", "register U5"),
        ("per reference us-federal §7c", "reference us-federal §7c"),
        ("amount not verified during research", "not verified"),
        ("from us-states.md §2.3", "us-states.md"),
        ("per CSIS24", "CSIS24"),
        ("FR 2023-23055 ¶938, via TRK", "TRK"),
        ("fact sheet [S-SMC]", "[S-SMC]"),
        ("the OJ text was not read", "was not read"),
        ("from background knowledge", "background knowledge"),
        ("verified (S7)", "S7"),
        ("see S12; S13", "S13"),
        ("tagged [M]", "[M]"),
    ] {
        let d = errors(
            "note: The transitional register may be extended.",
            &format!("note: The transitional register may be extended ({label})."),
        );
        assert_eq!(d.len(), 1, "{label}: {d:#?}");
        assert!(has(&d, &format!("cites `{shown}`")), "{label}: {d:#?}");
        assert!(d[0]
            .hint
            .as_deref()
            .is_some_and(|h| h.contains("public") || h.contains("speak to the user")));
    }
    // A URL or an official citation is fine.
    let s = sources_with(
        "note: The transitional register may be extended.",
        "note: The transitional register may be extended (https://eur-lex.europa.eu/eli/reg/2024/1689/oj, Art 111).",
    );
    aigov_corpus::load(&s).unwrap_or_else(|d| panic!("{d:#?}"));
}

#[test]
fn private_labels_in_penalty_summaries_and_event_notes_are_rejected() {
    let d = errors(
        "summary: Fines for prohibited practices.",
        "summary: Fines for prohibited practices [S74].",
    );
    assert!(
        has(&d, "penalty `xx_act.fine_prohibited` cites `[S74]`"),
        "{d:#?}"
    );
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini"));
    let mut sources = aigov_corpus::read_dir(dir).expect("readable");
    let s = sources
        .iter_mut()
        .find(|s| s.path == "us-ca/chatbot-act.yaml")
        .expect("file");
    s.text = s.text.replacen(
        "note: Federal suit against the act. }",
        "note: Federal suit against the act (register U5). }",
        1,
    );
    let d = aigov_corpus::load(&sources).expect_err("rejected");
    assert!(
        d.iter()
            .any(|x| x.file == "us-ca/chatbot-act.yaml" && x.message.contains("`register U5`")),
        "{d:#?}"
    );
}

#[test]
fn the_real_corpus_has_no_private_labels() {
    // Loading fails on any label; this names the property the lint protects.
    aigov_corpus::load(&aigov_corpus::embedded_sources()).unwrap_or_else(|d| {
        panic!(
            "{}",
            d.iter()
                .map(|x| x.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
}
