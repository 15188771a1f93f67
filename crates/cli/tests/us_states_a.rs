//! End-to-end tests of the Colorado and California part of the US state corpus (corpus/us-co, corpus/us-ca),
//! run through the `aigov` binary against the repository's corpus folder and the example manifests.

use serde_json::Value;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_aigov");
const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus");
const EXAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples");

/// Runs `aigov assess EXAMPLE --as-of DATE --format json [extra]` on the repository corpus and parses the JSON.
fn assess(example: &str, as_of: &str, extra: &[&str]) -> Value {
    let out = Command::new(BIN)
        .arg("--corpus")
        .arg(CORPUS)
        .arg("assess")
        .arg(format!("{EXAMPLES}/{example}"))
        .args(["--as-of", as_of, "--format", "json"])
        .args(extra)
        .env("NO_COLOR", "1")
        .output()
        .expect("the aigov binary runs");
    let code = out.status.code().expect("exited normally");
    assert!(
        code == 0,
        "aigov assess {example} --as-of {as_of} exited {code}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: Value = serde_json::from_slice(&out.stdout).expect("assess --format json prints JSON");
    assert_eq!(doc["kind"], "assessment");
    assert_eq!(doc["as_of"], as_of);
    doc
}

/// The finding for a rule, if the assessment reports it.
fn finding<'a>(doc: &'a Value, rule: &str) -> Option<&'a Value> {
    doc["findings"]
        .as_array()
        .expect("findings is an array")
        .iter()
        .find(|f| f["rule"] == rule)
}

/// The status of a rule's finding; panics with the list of reported rules when it is missing.
fn status<'a>(doc: &'a Value, rule: &str) -> &'a str {
    match finding(doc, rule) {
        Some(f) => f["status"].as_str().expect("status is a string"),
        None => {
            let rules: Vec<&str> = doc["findings"]
                .as_array()
                .map(|a| a.iter().filter_map(|f| f["rule"].as_str()).collect())
                .unwrap_or_default();
            panic!("no finding for {rule}; findings: {rules:?}")
        }
    }
}

/// Rule ids of the reported findings that start with a prefix.
fn rules_with_prefix<'a>(doc: &'a Value, prefix: &str) -> Vec<&'a str> {
    doc["findings"]
        .as_array()
        .expect("findings is an array")
        .iter()
        .filter_map(|f| f["rule"].as_str())
        .filter(|r| r.starts_with(prefix))
        .collect()
}

const CO_DEPLOYER: &str = "colorado-high-risk-deployer.yaml";

const SB24_205_DEPLOYER_RULES: [&str; 7] = [
    "us_co_sb24_205.high_risk",
    "us_co_sb24_205.deployer_reasonable_care",
    "us_co_sb24_205.deployer_risk_management",
    "us_co_sb24_205.deployer_impact_assessment",
    "us_co_sb24_205.deployer_consumer_notices",
    "us_co_sb24_205.deployer_website_statement",
    "us_co_sb24_205.deployer_ag_notice",
];

const SB26_189_DEPLOYER_RULES: [&str; 5] = [
    "us_co_sb26_189.covered_admt",
    "us_co_sb26_189.deployer_pre_use_notice",
    "us_co_sb26_189.deployer_adverse_explanation",
    "us_co_sb26_189.deployer_consumer_rights",
    "us_co_sb26_189.deployer_records",
];

#[test]
fn colorado_ai_act_is_pending_before_the_stay() {
    let doc = assess(CO_DEPLOYER, "2026-03-01", &[]);
    for rule in SB24_205_DEPLOYER_RULES {
        assert_eq!(status(&doc, rule), "upcoming", "{rule}");
        // The text used is the one SB 25B-004 gave: application from 2026-06-30, not 2026-02-01.
        let f = finding(&doc, rule).expect("reported");
        assert_eq!(f["applies_from"], "2026-06-30", "{rule}");
        assert_eq!(f["version"]["amended_by"], "us_co_sb25b_004", "{rule}");
    }
    // The high-risk classification is headline, and upcoming.
    let classes = doc["classifications"].as_array().expect("classifications");
    assert!(classes
        .iter()
        .any(|c| c["rule"] == "us_co_sb24_205.high_risk"
            && c["tier"] == "high"
            && c["status"] == "upcoming"));
    // The replacement law was not yet law: none of its rules is reported.
    assert!(rules_with_prefix(&doc, "us_co_sb26_189.").is_empty());
    // A deployer has no developer duties.
    assert!(finding(&doc, "us_co_sb24_205.developer_documentation").is_none());
}

#[test]
fn colorado_ai_act_is_stayed_by_the_court() {
    let doc = assess(CO_DEPLOYER, "2026-05-01", &[]);
    for rule in SB24_205_DEPLOYER_RULES {
        assert_eq!(status(&doc, rule), "suspended", "{rule}");
        let f = finding(&doc, rule).expect("reported");
        assert_eq!(f["cause"]["kind"], "stayed", "{rule}");
        assert_eq!(f["cause"]["by"], "us_co_xai_v_weiser_stay", "{rule}");
        assert_eq!(f["cause"]["date"], "2026-04-27", "{rule}");
        // The federal challenge (EO 14365, the DOJ intervention) is reported beside the stay.
        let challenges = f["challenges"].as_array().expect("challenges are listed");
        assert!(
            challenges
                .iter()
                .any(|c| c.to_string().contains("us_eo_14365")),
            "{rule}: {challenges:?}"
        );
    }
    assert!(rules_with_prefix(&doc, "us_co_sb26_189.").is_empty());
    assert_eq!(doc["prohibited"], false);
}

#[test]
fn colorado_ai_act_replaced_and_admt_act_in_effect() {
    let doc = assess(CO_DEPLOYER, "2027-02-01", &[]);
    for rule in SB24_205_DEPLOYER_RULES {
        assert_eq!(status(&doc, rule), "ended", "{rule}");
        let f = finding(&doc, rule).expect("reported");
        assert_eq!(f["cause"]["kind"], "replaced", "{rule}");
        assert_eq!(f["cause"]["by"], "us_co_sb26_189", "{rule}");
        assert_eq!(f["cause"]["date"], "2026-05-14", "{rule}");
    }
    for rule in SB26_189_DEPLOYER_RULES {
        assert_eq!(status(&doc, rule), "in_effect", "{rule}");
        assert_eq!(
            finding(&doc, rule).expect("reported")["applies_from"],
            "2027-01-01"
        );
    }
    // The 30-day adverse-outcome explanation carries its deadline.
    let explain = finding(&doc, "us_co_sb26_189.deployer_adverse_explanation").expect("reported");
    assert_eq!(explain["effect"]["deadline"]["within_days"], 30);
    // Nothing is undetermined for the Colorado laws: the manifest answers every question they ask.
    for f in doc["findings"].as_array().expect("findings") {
        let rule = f["rule"].as_str().unwrap_or_default();
        if rule.starts_with("us_co_") {
            assert_ne!(f["status"], "undetermined", "{rule}");
        }
    }
}

#[test]
fn admt_act_is_upcoming_between_signing_and_2027() {
    let doc = assess(CO_DEPLOYER, "2026-06-01", &[]);
    for rule in SB26_189_DEPLOYER_RULES {
        assert_eq!(status(&doc, rule), "upcoming", "{rule}");
    }
    assert_eq!(status(&doc, "us_co_sb24_205.high_risk"), "ended");
}

#[test]
fn companion_chatbot_gets_california_sb243_duties() {
    let doc = assess("companion-chatbot-app.yaml", "2026-11-28", &["--all"]);
    for rule in [
        "us_ca_sb243.companion_chatbot_platform",
        "us_ca_sb243.ai_disclosure",
        "us_ca_sb243.suicide_prevention_protocol",
        "us_ca_sb243.minor_suitability_warning",
        "us_ca_sb243.minor_ai_disclosure_and_breaks",
        "us_ca_sb243.minor_sexual_content",
    ] {
        assert_eq!(status(&doc, rule), "in_effect", "{rule}");
    }
    // Reports to the Office of Suicide Prevention start on 2027-07-01.
    let report = finding(&doc, "us_ca_sb243.annual_report").expect("reported");
    assert_eq!(report["status"], "upcoming");
    assert_eq!(report["applies_from"], "2027-07-01");
    assert_eq!(report["effect"]["deadline"]["by"]["date"], "2027-07-01");
    // The break reminder is every three hours.
    let breaks = finding(&doc, "us_ca_sb243.minor_ai_disclosure_and_breaks").expect("reported");
    assert!(breaks["effect"]["duty"]
        .as_str()
        .unwrap_or_default()
        .contains("3 hours"));
    // Private right of action: the penalty is SB 243's.
    assert_eq!(
        finding(&doc, "us_ca_sb243.ai_disclosure").expect("reported")["penalty"]["id"],
        "us_ca_sb243.private_action"
    );
    // A generative service fine-tuned by the app maker: AB 2013's training-data summary applies.
    assert_eq!(
        status(&doc, "us_ca_ab2013.training_data_documentation"),
        "in_effect"
    );
    // Text only and under a million users: no SB 942 duties.
    assert_eq!(
        status(&doc, "us_ca_sb942.covered_provider"),
        "not_applicable"
    );
    // New York users: New York's AI companion law (GBL Art. 47) applies too.
    assert_eq!(status(&doc, "us_ny_gbl_art47.crisis_protocol"), "in_effect");
    // The app is not offered as therapy, so Utah HB 452 does not apply.
    for f in doc["findings"].as_array().expect("findings") {
        let rule = f["rule"].as_str().unwrap_or_default();
        if rule.starts_with("us_ut_hb452.") {
            assert_eq!(f["status"], "not_applicable", "{rule}");
        }
    }
}

#[test]
fn companion_chatbot_before_sb243_takes_effect() {
    let doc = assess("companion-chatbot-app.yaml", "2025-12-01", &[]);
    assert_eq!(
        status(&doc, "us_ca_sb243.suicide_prevention_protocol"),
        "upcoming"
    );
    assert_eq!(
        status(&doc, "us_ca_sb243.companion_chatbot_platform"),
        "upcoming"
    );
}

#[test]
fn the_corpus_examples_of_colorado_and_california_pass() {
    let out = Command::new(BIN)
        .args(["corpus", "test", "--corpus", CORPUS])
        .env("NO_COLOR", "1")
        .output()
        .expect("the aigov binary runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains(" passed, "),
        "the corpus did not load: {stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for line in stdout.lines().filter(|l| l.starts_with("FAIL")) {
        assert!(
            !line.contains("us-co/") && !line.contains("us-ca/"),
            "a Colorado or California example failed: {line}\n{stdout}"
        );
    }
}
