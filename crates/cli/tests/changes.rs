//! End-to-end tests of `aigov changes`: what changed in the law itself between two dates, against the
//! repository's corpus. The US federal turn of January-April 2025 and the EU AI Act's 2 August 2026 date are
//! the cases: each assertion names the instrument, the cause and the rules, so a wrong date or cause fails.

use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_aigov");
const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus");

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(BIN)
        .args(args)
        .args(["--corpus", CORPUS, "--color", "never"])
        .output()
        .expect("the binary runs");
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(!stderr.contains("panicked"), "aigov panicked: {stderr}");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).to_string(),
        stderr,
    )
}

fn changes(from: &str, to: &str, jurisdiction: &str) -> Vec<serde_json::Value> {
    let (code, stdout, stderr) = run(&[
        "changes",
        "--from",
        from,
        "--to",
        to,
        "-j",
        jurisdiction,
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let doc: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    assert_eq!(doc["kind"], "law_changes");
    doc["changes"].as_array().expect("changes").clone()
}

fn rules_of(c: &serde_json::Value) -> Vec<&str> {
    c["rules"]
        .as_array()
        .map(|r| r.iter().filter_map(|r| r["rule"].as_str()).collect())
        .unwrap_or_default()
}

fn find<'a>(
    list: &'a [serde_json::Value],
    date: &str,
    kind: &str,
    instrument: &str,
) -> Option<&'a serde_json::Value> {
    list.iter()
        .find(|c| c["date"] == date && c["kind"] == kind && c["instrument"] == instrument)
}

#[test]
fn the_us_federal_turn_of_2025() {
    let list = changes("2025-01-19", "2025-04-30", "US");
    // EO 14110 revoked on 2025-01-20 by EO 14148, ending its reporting duties.
    let revoked = find(&list, "2025-01-20", "event", "us_eo_14110").expect("EO 14110 revoked");
    assert_eq!(revoked["event"], "revoked");
    assert_eq!(revoked["by"], "us_eo_14148");
    let ended = rules_of(revoked);
    assert!(
        ended.contains(&"us_eo_14110.sec4_2_a_i_red_team_results"),
        "{ended:?}"
    );
    assert!(
        ended.contains(&"us_eo_14110.sec4_2_a_i_training_activity"),
        "{ended:?}"
    );
    // EO 14179 signed on 2025-01-23, its directions applying from that day.
    assert_eq!(
        find(&list, "2025-01-23", "event", "us_eo_14179").map(|c| &c["event"]),
        Some(&serde_json::json!("signed"))
    );
    assert!(find(&list, "2025-01-23", "rules_began", "us_eo_14179").is_some());
    // The OMB memos replaced on 2025-04-03, and the new memos' rules begin the same day.
    let replaced = find(&list, "2025-04-03", "event", "us_omb_m_24_10").expect("M-24-10 replaced");
    assert_eq!(replaced["event"], "replaced");
    assert_eq!(replaced["by"], "us_omb_m_25_21");
    assert!(!rules_of(replaced).is_empty());
    let began = find(&list, "2025-04-03", "rules_began", "us_omb_m_25_21").expect("M-25-21 begins");
    assert!(rules_of(began).contains(&"us_omb_m_25_21.high_impact"));
    // Only US instruments (and its states) are listed.
    assert!(list.iter().all(|c| c["jurisdiction"]
        .as_str()
        .is_some_and(|j| j == "US" || j.starts_with("US-"))));
    // Dates are in order.
    let dates: Vec<&str> = list.iter().filter_map(|c| c["date"].as_str()).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]));
}

#[test]
fn the_window_excludes_its_start_and_includes_its_end() {
    let after = changes("2025-01-20", "2025-01-22", "US");
    assert!(find(&after, "2025-01-20", "event", "us_eo_14110").is_none());
    let upto = changes("2025-01-19", "2025-01-20", "US");
    assert!(find(&upto, "2025-01-20", "event", "us_eo_14110").is_some());
}

#[test]
fn eu_transparency_duties_begin_on_2_august_2026() {
    let list = changes("2026-08-01", "2026-08-02", "EU");
    let began = find(&list, "2026-08-02", "rules_began", "eu_ai_act").expect("AI Act rules begin");
    let rules = rules_of(began);
    assert!(
        rules.contains(&"eu_ai_act.art50_1_interaction_disclosure"),
        "{rules:?}"
    );
    // Annex III high-risk duties were moved to 2027 by the Omnibus: they do not begin here.
    assert!(!rules.contains(&"eu_ai_act.annex3_4_a"), "{rules:?}");
}

#[test]
fn text_report_and_bad_dates() {
    let (code, text, _) = run(&[
        "changes",
        "--from",
        "2025-01-19",
        "--to",
        "2025-01-20",
        "-j",
        "US",
    ]);
    assert_eq!(code, 0);
    assert!(
        text.contains("EO 14110 (safe, secure and trustworthy AI) (US) revoked by EO 14148"),
        "{text}"
    );
    let (code, _, stderr) = run(&["changes", "--from", "2025-02-01", "--to", "2025-01-01"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("swap the two dates"), "{stderr}");
    let (code, _, stderr) = run(&[
        "changes",
        "--from",
        "2025-01-01",
        "--to",
        "2025-02-01",
        "-j",
        "US-CAL",
    ]);
    assert_eq!(
        code, 2,
        "an unknown jurisdiction is an error, not 'nothing changed'"
    );
    assert!(stderr.contains("did you mean `US-CA`"), "{stderr}");
}
