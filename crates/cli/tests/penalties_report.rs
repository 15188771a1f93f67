//! The text and Markdown reports print a penalty's full terms, say when a fine cannot be imposed yet, and tell an
//! instrument's history as it happened; the JSON carries the same. Run through the `aigov` binary.

use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_aigov");

/// Writes a manifest to a temporary file and runs `aigov assess FILE --as-of DATE [extra]`.
fn assess(name: &str, manifest: &str, as_of: &str, extra: &[&str]) -> String {
    let dir = std::env::temp_dir().join(format!("aigov-penalties-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, manifest).expect("manifest written");
    let out = Command::new(BIN)
        .arg("assess")
        .arg(&path)
        .args(["--as-of", as_of])
        .args(extra)
        .env("NO_COLOR", "1")
        .output()
        .expect("the aigov binary runs");
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

const EMOTION_AT_WORK: &str = "subject: ai_system
name: MoodMeter
organization: { established_in: [FR] }
ai_system: { roles: [deployer], used_in: [FR], scope_exclusions: [], practices: [], capabilities: [emotion_recognition], annex3_uses: [emotion_recognition], use_settings: [workplace], medical_or_safety_purpose: false }
";

#[test]
fn a_ban_in_force_before_its_fines_says_when_fines_start() {
    let before = assess("mood.yaml", EMOTION_AT_WORK, "2025-03-01", &[]);
    assert!(
        before.contains(
            "not enforceable yet: fines for breaching this rule can be imposed from 2025-08-02"
        ),
        "{before}"
    );
    assert!(
        before.contains("7% of worldwide annual turnover"),
        "{before}"
    );
    let md = assess(
        "mood.yaml",
        EMOTION_AT_WORK,
        "2025-03-01",
        &["--format", "markdown"],
    );
    assert!(md.contains("can be imposed from 2025-08-02"), "{md}");
    let after = assess("mood.yaml", EMOTION_AT_WORK, "2025-09-01", &[]);
    // Other rules (e.g. upcoming duties) may still await their fines; the ban's Art 99(3) fine no longer does.
    assert!(
        after
            .lines()
            .filter(|l| l.contains("(Art 99(3), (6))"))
            .all(|l| !l.contains("not enforceable yet")),
        "{after}"
    );
    assert!(after.contains("(Art 99(3), (6))"), "{after}");
    let json = assess(
        "mood.yaml",
        EMOTION_AT_WORK,
        "2025-03-01",
        &["--format", "json"],
    );
    let doc: serde_json::Value = serde_json::from_str(&json).expect("json");
    let f = doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["rule"] == "eu_ai_act.art5_1_f")
        .expect("the ban");
    assert_eq!(f["penalty"]["enforceable"], false);
    assert_eq!(f["penalty"]["enforceable_from"], "2025-08-02");
    assert_eq!(f["penalty"]["unit"], "one_off");
}

#[test]
fn colorado_report_tells_the_stay_then_the_replacement() {
    let text = assess(
        "colorado.yaml",
        "subject: ai_system
name: LoanScore
organization: { operates_in: [US-CO] }
ai_system: { roles: [deployer], affected_persons_in: [US-CO] }
",
        "2026-06-01",
        &[],
    );
    let line = text
        .lines()
        .find(|l| l.contains("history:") && l.contains("SB 24-205"))
        .unwrap_or_else(|| panic!("a history line for the Colorado AI Act:\n{text}"));
    let stay = line.find("stayed by").expect("the stay");
    let replaced = line.find("replaced by").expect("the replacement");
    assert!(stay < replaced, "{line}");
    assert!(
        line.contains("2026-04-27") && line.contains("2026-05-14"),
        "{line}"
    );
}

#[test]
fn a_penalty_with_amounts_also_prints_the_sanctions_the_amounts_leave_out() {
    // The PRC Algorithm Provisions' penalty has a fine band, but its warning, order to correct and suspension of
    // information updates are sanctions too: a report that printed the band alone would understate the exposure.
    let manifest = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/cn-genai-chatbot.yaml"
    ))
    .expect("the example reads");
    let text = assess("cn.yaml", &manifest, "2026-12-07", &[]);
    let line = text
        .lines()
        .find(|l| l.contains("penalty: CNY 10,000 to CNY 100,000") && l.contains("— in full: "))
        .unwrap_or_else(|| panic!("no penalty line with its sanctions in full:\n{text}"));
    assert!(line.contains("suspension of information updates"), "{line}");
    assert!(line.contains("order to correct"), "{line}");
}
