//! End-to-end tests of the US federal part of the corpus (corpus/us/) through the `aigov` binary, run against the
//! repository's corpus folder and the example manifests in examples/.

use std::process::Command;

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_aigov");
const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus");

fn example(name: &str) -> String {
    format!("{}/../../examples/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// Runs the binary with `--corpus` on the repository corpus and `--format json`, and parses stdout.
fn run_json(args: &[&str]) -> Value {
    let out = Command::new(BIN)
        .args(args)
        .arg("--corpus")
        .arg(CORPUS)
        .arg("--format")
        .arg("json")
        .env("NO_COLOR", "1")
        .output()
        .expect("the aigov binary runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("panicked"),
        "the binary panicked: {stderr}"
    );
    serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("stdout is JSON ({e}); stdout: {stdout}; stderr: {stderr}"))
}

/// The change for one rule in a diff document.
fn change<'a>(diff: &'a Value, rule: &str) -> &'a Value {
    diff["changes"]
        .as_array()
        .expect("a diff has changes")
        .iter()
        .find(|c| c["rule"] == rule)
        .unwrap_or_else(|| panic!("no change for {rule} in {diff:#}"))
}

/// The finding for one rule in an assessment document.
fn finding<'a>(assessment: &'a Value, rule: &str) -> &'a Value {
    assessment["findings"]
        .as_array()
        .expect("an assessment has findings")
        .iter()
        .find(|f| f["rule"] == rule)
        .unwrap_or_else(|| panic!("no finding for {rule} in {assessment:#}"))
}

/// Asserts that a change ended a rule that was in effect, with a cause of `kind` by `by` on `date`.
fn assert_ended_by(diff: &Value, rule: &str, kind: &str, by: &str, date: &str) {
    let c = change(diff, rule);
    assert_eq!(c["kind"], "ended", "{rule}: {c:#}");
    assert_eq!(c["from_status"], "in_effect", "{rule}: {c:#}");
    assert_eq!(c["to_status"], "ended", "{rule}: {c:#}");
    let causes = c["causes"].as_array().expect("an ended change has causes");
    assert!(
        causes
            .iter()
            .any(|x| x["kind"] == kind && x["by"] == by && x["date"] == date),
        "{rule} should end by {kind} by {by} on {date}: {c:#}"
    );
}

#[test]
fn frontier_developer_eo_14110_reporting_ends_on_revocation_by_eo_14148() {
    let diff = run_json(&[
        "diff",
        &example("frontier-model-developer.yaml"),
        "--from",
        "2025-01-19",
        "--to",
        "2025-01-21",
        "-j",
        "US",
    ]);
    assert_eq!(diff["kind"], "diff");
    for rule in [
        "us_eo_14110.sec4_2_a_i_training_activity",
        "us_eo_14110.sec4_2_a_i_model_weights",
        "us_eo_14110.sec4_2_a_i_red_team_results",
        "us_eo_14110.sec4_2_a_ii_cluster_developer",
        "us_eo_14110.sec4_2_b_covered_model",
    ] {
        assert_ended_by(&diff, rule, "revoked", "us_eo_14148", "2025-01-20");
    }
    // Nothing of EO 14110 starts or stays: every EO 14110 change in the window is an ending.
    for c in diff["changes"].as_array().into_iter().flatten() {
        if c["rule"]
            .as_str()
            .is_some_and(|r| r.starts_with("us_eo_14110."))
        {
            assert_eq!(c["kind"], "ended", "{c:#}");
        }
    }
}

#[test]
fn agency_use_case_m_24_10_duties_end_and_m_25_21_duties_start_on_2025_04_03() {
    let file = example("federal-agency-use-case.yaml");
    let diff = run_json(&[
        "diff",
        &file,
        "--from",
        "2025-04-02",
        "--to",
        "2025-04-04",
        "-j",
        "US",
    ]);
    for rule in [
        "us_omb_m_24_10.rights_or_safety_impacting",
        "us_omb_m_24_10.caio",
        "us_omb_m_24_10.inventory",
        "us_omb_m_24_10.minimum_practices",
        "us_omb_m_24_10.stop_noncompliant_use",
    ] {
        assert_ended_by(&diff, rule, "replaced", "us_omb_m_25_21", "2025-04-03");
    }
    for rule in [
        "us_omb_m_25_21.high_impact",
        "us_omb_m_25_21.caio",
        "us_omb_m_25_21.inventory",
        "us_omb_m_25_21.minimum_practices",
    ] {
        let c = change(&diff, rule);
        assert_eq!(c["kind"], "appeared", "{rule}: {c:#}");
        assert!(c["from_status"].is_null(), "{rule} was not yet law: {c:#}");
        assert_eq!(c["to_status"], "in_effect", "{rule}: {c:#}");
    }
    // The stop-use rule is new law but bites only from the one-year deadline.
    assert_eq!(
        change(&diff, "us_omb_m_25_21.stop_noncompliant_use")["to_status"],
        "upcoming"
    );

    // On 2025-04-04 the minimum practices carry their deadline, and the CAIO waiver is the exception.
    let a = run_json(&["assess", &file, "--as-of", "2025-04-04", "-j", "US"]);
    let mp = finding(&a, "us_omb_m_25_21.minimum_practices");
    assert_eq!(mp["status"], "in_effect");
    assert_eq!(
        mp["effect"]["deadline"]["by"]["date"], "2026-04-03",
        "{mp:#}"
    );
    let stop = finding(&a, "us_omb_m_25_21.stop_noncompliant_use");
    assert_eq!(stop["status"], "upcoming");
    assert_eq!(stop["applies_from"], "2026-04-03");
    let caio = finding(&a, "us_omb_m_25_21.caio");
    assert_eq!(
        caio["effect"]["deadline"]["by"]["date"], "2025-06-02",
        "{caio:#}"
    );
    // A M-24-10 finding is reported as ended, replaced by M-25-21.
    let old = finding(&a, "us_omb_m_24_10.minimum_practices");
    assert_eq!(old["status"], "ended");
    assert_eq!(old["cause"]["by"], "us_omb_m_25_21");
}

#[test]
fn datacenter_1gw_is_a_qualifying_project_with_permitting_benefits_on_2026_11_28() {
    let a = run_json(&[
        "assess",
        &example("datacenter-1gw.yaml"),
        "--as-of",
        "2026-11-28",
        "-j",
        "US",
    ]);
    assert_eq!(a["subject"], "datacenter_project");
    let classifications = a["classifications"].as_array().expect("classifications");
    assert!(
        classifications
            .iter()
            .any(|c| c["rule"] == "us_eo_14318.qualifying_project"
                && c["tier"] == "qualifying_project"
                && c["status"] == "in_effect"),
        "{classifications:#?}"
    );
    for rule in [
        "us_eo_14318.financial_support",
        "us_eo_14318.nepa_categorical_exclusions",
        "us_eo_14318.fast41",
    ] {
        let f = finding(&a, rule);
        assert_eq!(f["status"], "in_effect", "{rule}: {f:#}");
        assert_eq!(f["effect"]["type"], "exemption", "{rule}: {f:#}");
    }
    // Private land: the federal-sites benefit does not apply (and so is not listed without --all).
    assert!(
        a["findings"]
            .as_array()
            .into_iter()
            .flatten()
            .all(|f| f["rule"] != "us_eo_14318.federal_land" || f["status"] == "not_applicable"),
        "federal_land should not apply on private land"
    );
    // The EO 14110 cluster report ended with the revocation.
    let cluster = finding(&a, "us_eo_14110.sec4_2_a_ii_cluster");
    assert_eq!(cluster["status"], "ended");
    assert_eq!(cluster["cause"]["by"], "us_eo_14148");
    assert_eq!(a["prohibited"], false);
}
