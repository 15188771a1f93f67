//! End-to-end tests of the US state and city laws other than Colorado and California (NYC Local Law 144,
//! Illinois HB 3773, the New York RAISE Act, ...) against the repository's corpus, through the `aigov` binary.

use std::io::Write;
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_aigov");
const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus");
const HR_TECH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../examples/hr-tech-multistate.yaml"
);

/// Runs `aigov --corpus <repo corpus> assess - --format json --as-of <date>` on a manifest given on stdin and
/// returns the parsed report.
fn assess_json(manifest: &str, as_of: &str) -> serde_json::Value {
    let mut child = Command::new(BIN)
        .args([
            "--corpus", CORPUS, "assess", "-", "--format", "json", "--as-of", as_of,
        ])
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the aigov binary runs");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(manifest.as_bytes())
        .expect("the manifest is written to stdin");
    let out = child.wait_with_output().expect("aigov finishes");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "aigov panicked:\n{stderr}");
    assert!(
        matches!(out.status.code(), Some(0) | Some(1)),
        "aigov failed ({:?}):\n{stderr}",
        out.status.code()
    );
    serde_json::from_slice(&out.stdout).expect("the report is JSON")
}

/// The findings of a report as (rule id, status) pairs.
fn findings(report: &serde_json::Value) -> Vec<(String, String)> {
    report["findings"]
        .as_array()
        .expect("findings is an array")
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap_or_default().to_string(),
                f["status"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

fn finding<'a>(report: &'a serde_json::Value, rule: &str) -> Option<&'a serde_json::Value> {
    report["findings"]
        .as_array()?
        .iter()
        .find(|f| f["rule"] == rule)
}

fn status(report: &serde_json::Value, rule: &str) -> Option<String> {
    finding(report, rule).and_then(|f| f["status"].as_str().map(str::to_string))
}

fn hr_tech() -> String {
    std::fs::read_to_string(HR_TECH).expect("examples/hr-tech-multistate.yaml is readable")
}

/// The HR-tech manifest with one region removed from every flow list (`[A, B, C]`) it appears in, i.e. from the
/// organization's and the affected persons' regions.
fn without_region(manifest: &str, region: &str) -> String {
    let mut out = String::new();
    for line in manifest.lines() {
        let list = line
            .find('[')
            .and_then(|open| line.rfind(']').map(|close| (open, close)));
        match list {
            Some((open, close)) if !line.trim_start().starts_with('#') && open < close => {
                let items: Vec<&str> = line[open + 1..close]
                    .split(',')
                    .map(str::trim)
                    .filter(|item| !item.is_empty() && *item != region)
                    .collect();
                out.push_str(&line[..=open]);
                out.push_str(&items.join(", "));
                out.push_str(&line[close..]);
            }
            _ => out.push_str(line),
        }
        out.push('\n');
    }
    assert!(
        out.lines()
            .filter(|l| !l.trim_start().starts_with('#'))
            .all(|l| !l.contains(region)),
        "{region} is still in the manifest after removing it"
    );
    assert_ne!(out, manifest, "{region} was not in the manifest");
    out
}

#[test]
fn hr_tech_vendor_gets_nyc_and_illinois_findings_in_effect() {
    let report = assess_json(&hr_tech(), "2026-11-28");
    for rule in [
        "us_ny_nyc_ll144.aedt_scope",
        "us_ny_nyc_ll144.bias_audit",
        "us_ny_nyc_ll144.publish_audit_summary",
        "us_ny_nyc_ll144.candidate_notice",
        "us_il_hb3773.no_discriminatory_effect",
        "us_il_hb3773.no_zip_code_proxy",
        "us_il_hb3773.notice",
    ] {
        assert_eq!(
            status(&report, rule).as_deref(),
            Some("in_effect"),
            "{rule} in {:?}",
            findings(&report)
        );
    }
    let audit = finding(&report, "us_ny_nyc_ll144.bias_audit").expect("bias audit finding");
    assert_eq!(audit["jurisdiction"], "US-NY-NYC");
    assert_eq!(audit["applies_from"], "2023-07-05");
    let notice = finding(&report, "us_il_hb3773.notice").expect("Illinois notice finding");
    assert_eq!(notice["jurisdiction"], "US-IL");
    assert_eq!(notice["applies_from"], "2026-01-01");
}

#[test]
fn removing_a_state_from_the_reach_removes_its_findings() {
    let full = assess_json(&hr_tech(), "2026-11-28");
    let has_prefix = |report: &serde_json::Value, prefix: &str| {
        findings(report)
            .iter()
            .any(|(rule, _)| rule.starts_with(prefix))
    };
    assert!(has_prefix(&full, "us_il_"));
    assert!(has_prefix(&full, "us_ny_nyc_"));

    let no_illinois = assess_json(&without_region(&hr_tech(), "US-IL"), "2026-11-28");
    assert!(
        !has_prefix(&no_illinois, "us_il_"),
        "Illinois findings remain: {:?}",
        findings(&no_illinois)
    );
    assert_eq!(
        status(&no_illinois, "us_ny_nyc_ll144.bias_audit").as_deref(),
        Some("in_effect"),
        "other states are untouched"
    );

    let no_nyc = assess_json(&without_region(&hr_tech(), "US-NY-NYC"), "2026-11-28");
    assert!(
        !has_prefix(&no_nyc, "us_ny_nyc_"),
        "NYC findings remain: {:?}",
        findings(&no_nyc)
    );
    assert_eq!(
        status(&no_nyc, "us_il_hb3773.notice").as_deref(),
        Some("in_effect")
    );

    assert!(has_prefix(&full, "us_ct_"));
    let no_connecticut = assess_json(&without_region(&hr_tech(), "US-CT"), "2026-11-28");
    assert!(
        !has_prefix(&no_connecticut, "us_ct_"),
        "Connecticut findings remain: {:?}",
        findings(&no_connecticut)
    );
}

const FRONTIER_DEVELOPER: &str = r#"
subject: model
name: Large frontier developer
organization:
  operates_in: [US, US-NY, US-CA]
  annual_revenue_usd: 2000000000
  accredited_academic_institution: false
model:
  roles: [provider]
  training_compute_flop: 3.0e26
  placed_on_market_in: [US]
"#;

#[test]
fn raise_act_covers_a_large_frontier_developer_from_2027_with_the_amended_text() {
    let before = assess_json(FRONTIER_DEVELOPER, "2026-11-28");
    for rule in [
        "us_ny_raise.large_frontier_developer",
        "us_ny_raise.framework",
        "us_ny_raise.disclosure_statement",
    ] {
        assert_eq!(
            status(&before, rule).as_deref(),
            Some("upcoming"),
            "{rule} before 2027: {:?}",
            findings(&before)
        );
    }
    assert_eq!(
        finding(&before, "us_ny_raise.large_frontier_developer").expect("finding")["applies_from"],
        "2027-01-01"
    );

    let after = assess_json(FRONTIER_DEVELOPER, "2027-01-02");
    for rule in [
        "us_ny_raise.frontier_developer",
        "us_ny_raise.large_frontier_developer",
        "us_ny_raise.framework",
        "us_ny_raise.incident_report",
        "us_ny_raise.internal_use_summaries",
        "us_ny_raise.disclosure_statement",
    ] {
        assert_eq!(
            status(&after, rule).as_deref(),
            Some("in_effect"),
            "{rule} after 2027-01-01: {:?}",
            findings(&after)
        );
    }
    // The text used is the chapter amendment of 2026-03-27, not the text signed on 2025-12-19.
    let large = finding(&after, "us_ny_raise.large_frontier_developer").expect("finding");
    assert_eq!(large["version"]["from"], "2026-03-27", "{large}");
    let framework = finding(&after, "us_ny_raise.framework").expect("finding");
    assert_eq!(framework["version"]["from"], "2026-03-27");
    assert!(
        framework.to_string().contains("frontier AI framework"),
        "amended duty text: {framework}"
    );

    // Without a New York nexus, nothing of the RAISE Act is reported.
    let elsewhere = FRONTIER_DEVELOPER
        .replace("[US, US-NY, US-CA]", "[US, US-CA]")
        .replace("placed_on_market_in: [US]", "placed_on_market_in: [US-CA]");
    let report = assess_json(&elsewhere, "2027-01-02");
    assert!(
        !findings(&report)
            .iter()
            .any(|(rule, _)| rule.starts_with("us_ny_raise.")),
        "{:?}",
        findings(&report)
    );
}
