//! End-to-end tests of the `aigov` binary against the mini fixture corpus (crates/corpus/tests/fixtures/mini)
//! and the manifests in tests/fixtures. Every run checks that the binary never panics.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

const BIN: &str = env!("CARGO_BIN_EXE_aigov");
const MINI: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../corpus/tests/fixtures/mini");

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[derive(Debug)]
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    /// stderr without whitespace and box-drawing characters, so that miette's wrapping does not matter.
    fn err_squashed(&self) -> String {
        squash(&self.stderr)
    }
    fn err_has(&self, needle: &str) -> bool {
        self.err_squashed().contains(&squash(needle))
    }
}

fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '│' | '·' | '╭' | '╰' | '─' | '▲'))
        .collect()
}

fn run_with(args: &[&str], corpus: Option<&str>, stdin: Option<&str>) -> Run {
    let mut cmd = Command::new(BIN);
    if let Some(c) = corpus {
        cmd.arg("--corpus").arg(c);
    }
    cmd.args(args)
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        });
    let mut child = cmd.spawn().expect("the aigov binary runs");
    if let Some(input) = stdin {
        let mut pipe = child.stdin.take().unwrap();
        pipe.write_all(input.as_bytes()).unwrap();
    }
    let out = child.wait_with_output().unwrap();
    let r = Run {
        code: out.status.code().expect("exited normally, not by a signal"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    };
    assert!(
        !r.stderr.contains("panicked"),
        "aigov {args:?} panicked:\n{}",
        r.stderr
    );
    assert!(
        r.code != 101,
        "aigov {args:?} exited 101 (panic):\n{}",
        r.stderr
    );
    r
}

fn aigov(args: &[&str]) -> Run {
    run_with(args, Some(MINI), None)
}

fn aigov_stdin(args: &[&str], stdin: &str) -> Run {
    run_with(args, Some(MINI), Some(stdin))
}

fn json(s: &str) -> serde_json::Value {
    serde_json::from_str(s).unwrap_or_else(|e| panic!("not JSON ({e}):\n{s}"))
}

/// A fresh temporary folder for one test.
fn temp_dir(name: &str) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "aigov-cli-test-{}-{}-{name}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let p = e.unwrap().path();
        let dest = to.join(p.file_name().unwrap());
        if p.is_dir() {
            copy_dir(&p, &dest);
        } else {
            std::fs::copy(&p, &dest).unwrap();
        }
    }
}

fn status_of<'a>(report: &'a serde_json::Value, rule: &str) -> Option<&'a str> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == rule)
        .map(|f| f["status"].as_str().unwrap())
}

// ------------------------------------------------------------------------------------------- assess

#[test]
fn assess_text_report() {
    let r = aigov(&[
        "assess",
        &fixture("recruiter.yaml"),
        "--as-of",
        "2025-02-01",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let out = &r.stdout;
    assert!(
        out.starts_with("aigov assessment: TalentRank (ai_system)\n"),
        "{out}"
    );
    assert!(
        out.contains("As of 2025-02-01 · corpus: 5 instruments, 12 rules"),
        "{out}"
    );
    assert!(
        out.contains(
            "XX AI Act (XX): High risk — in effect since 2025-01-01 (Art 6(2)) [xx_act.high_risk_recruitment · risk = high]"
        ),
        "{out}"
    );
    assert!(
        out.contains("EO Old revoked by EO New on 2025-01-20"),
        "{out}"
    );
    assert!(
        out.contains("xx_act.compute_duty · https://example.org/xx/act-1-2024"),
        "{out}"
    );
    assert!(
        out.contains("deadline: notify by 31 December 2025"),
        "{out}"
    );
    assert!(
        out.contains("When was the system first put on the market? (ai_system.launch_date: date)"),
        "{out}"
    );
    assert!(!out.contains("A PROHIBITION APPLIES"), "{out}");
    assert!(
        !out.contains("Not applicable"),
        "not-applicable rules are hidden without --all"
    );
    let all = aigov(&[
        "assess",
        &fixture("recruiter.yaml"),
        "--as-of",
        "2025-02-01",
        "--all",
    ]);
    assert!(all.stdout.contains("Not applicable"), "{}", all.stdout);
    assert!(
        all.stdout.contains("xx_act.social_scoring_ban"),
        "{}",
        all.stdout
    );
}

#[test]
fn assess_markdown_report() {
    let r = aigov(&[
        "assess",
        &fixture("recruiter.yaml"),
        "--as-of",
        "2025-02-01",
        "--format",
        "markdown",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout
            .starts_with("# aigov assessment: TalentRank (ai_system)\n"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("\n## Classification\n"));
    assert!(r
        .stdout
        .contains("- XX AI Act (XX): **High risk** — in effect since 2025-01-01"));
    assert!(r.stdout.contains("\n## XX — XX AI Act\n"));
    assert!(r.stdout.contains("\n### In effect\n"));
    assert!(r.stdout.contains("`xx_act.high_risk_recruitment`"));
}

#[test]
fn assess_json_report() {
    let r = aigov(&[
        "assess",
        &fixture("recruiter.yaml"),
        "--as-of",
        "2025-02-01",
        "--format",
        "json",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v = json(&r.stdout);
    assert_eq!(v["kind"], "assessment");
    assert_eq!(v["format_version"], "1");
    assert_eq!(v["as_of"], "2025-02-01");
    assert_eq!(v["name"], "TalentRank");
    assert_eq!(v["prohibited"], false);
    assert_eq!(
        status_of(&v, "xx_act.high_risk_recruitment"),
        Some("in_effect")
    );
    assert_eq!(status_of(&v, "xx_act.scope"), Some("in_effect"));
    assert_eq!(status_of(&v, "xx_amend.registration"), Some("upcoming"));
    assert_eq!(status_of(&v, "us_eo_old.reporting"), Some("ended"));
    assert_eq!(
        status_of(&v, "xx_act.legacy_register"),
        Some("undetermined")
    );
    assert_eq!(
        status_of(&v, "xx_act.social_scoring_ban"),
        None,
        "not applicable is omitted"
    );
    let findings = v["findings"].as_array().unwrap();
    assert!(!findings.is_empty());
    for f in findings {
        assert!(!f["citation"].as_str().unwrap().is_empty(), "{f}");
        assert!(
            f["url"]
                .as_str()
                .unwrap()
                .starts_with("https://example.org/"),
            "{f}"
        );
        assert!(
            f["derivation"]["condition"]["expr"].is_string(),
            "traces are on: {f}"
        );
    }
    let ended = findings
        .iter()
        .find(|f| f["rule"] == "us_eo_old.reporting")
        .unwrap();
    assert_eq!(ended["cause"]["kind"], "revoked");
    assert_eq!(ended["cause"]["by"], "us_eo_new");
    assert_eq!(ended["until"], "2025-01-20");
    let classes: Vec<(&str, &str)> = v["classifications"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["rule"].as_str().unwrap(), c["tier"].as_str().unwrap()))
        .collect();
    assert!(
        classes.contains(&("xx_act.high_risk_recruitment", "high")),
        "{classes:?}"
    );
    assert_eq!(v["questions"][0]["fact"], "ai_system.launch_date");
    assert!(v["conflicts"].as_array().unwrap().is_empty());
}

#[test]
fn assess_json_after_the_amendment() {
    let r = aigov(&[
        "assess",
        &fixture("recruiter.yaml"),
        "--as-of",
        "2025-04-01",
        "--format",
        "json",
    ]);
    let v = json(&r.stdout);
    let f = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "xx_act.high_risk_recruitment")
        .unwrap();
    assert_eq!(f["status"], "upcoming");
    assert_eq!(f["applies_from"], "2026-06-01");
    assert_eq!(f["version"]["amended_by"], "xx_amend");
    assert_eq!(f["version"]["from"], "2025-03-01");
}

#[test]
fn yaml_json_and_toml_manifests_give_the_same_assessment() {
    let run = |name: &str| {
        let r = aigov(&[
            "assess",
            &fixture(name),
            "--as-of",
            "2025-02-01",
            "--format",
            "json",
        ]);
        assert_eq!(r.code, 0, "{name}: {}", r.stderr);
        json(&r.stdout)
    };
    let yaml = run("recruiter.yaml");
    assert_eq!(yaml, run("recruiter.json"));
    assert_eq!(yaml, run("recruiter.toml"));
    // From stdin, YAML or JSON.
    let text = std::fs::read_to_string(fixture("recruiter.yaml")).unwrap();
    let r = aigov_stdin(
        &["assess", "-", "--as-of", "2025-02-01", "--format", "json"],
        &text,
    );
    assert_eq!(json(&r.stdout), yaml);
    let text = std::fs::read_to_string(fixture("recruiter.json")).unwrap();
    let r = aigov_stdin(
        &["assess", "-", "--as-of", "2025-02-01", "--format", "json"],
        &text,
    );
    assert_eq!(json(&r.stdout), yaml);
}

#[test]
fn conflict_is_reported_in_text_and_json() {
    let m = "subject: ai_system\nai_system: { roles: [provider], used_in: [XX], uses: [recruitment, chatbot] }\n";
    let r = aigov_stdin(&["assess", "-", "--as-of", "2025-02-01"], m);
    assert!(r.stdout.contains("CONFLICT xx_act risk:"), "{}", r.stdout);
    assert!(
        r.stdout.contains("xx_act.high_risk_recruitment says high"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("xx_act.minimal_chatbot says minimal"),
        "{}",
        r.stdout
    );
    let r = aigov_stdin(
        &["assess", "-", "--as-of", "2025-02-01", "--format", "json"],
        m,
    );
    let v = json(&r.stdout);
    assert_eq!(v["conflicts"].as_array().unwrap().len(), 1);
    assert_eq!(v["conflicts"][0]["axis"], "risk");
}

#[test]
fn jurisdiction_filter() {
    let r = aigov(&[
        "assess",
        &fixture("recruiter.yaml"),
        "--as-of",
        "2025-02-01",
        "--format",
        "json",
        "-j",
        "US",
    ]);
    let v = json(&r.stdout);
    let js: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["jurisdiction"].as_str().unwrap())
        .collect();
    assert!(!js.is_empty());
    assert!(
        js.iter().all(|j| *j == "US" || j.starts_with("US-")),
        "{js:?}"
    );
    assert_eq!(v["jurisdictions"], serde_json::json!(["US"]));
    let r = aigov(&[
        "assess",
        &fixture("recruiter.yaml"),
        "--as-of",
        "2025-02-01",
        "-j",
        "XX",
    ]);
    assert!(r.stdout.contains("jurisdictions: XX"), "{}", r.stdout);
    assert!(!r.stdout.contains("EO Old"), "{}", r.stdout);
}

#[test]
fn prohibition_exits_1() {
    let r = aigov(&["assess", &fixture("social.yaml"), "--as-of", "2024-07-01"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stdout.contains("A PROHIBITION APPLIES to this subject"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("[PROHIBITED] Ban on social scoring"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("penalty: up to EUR 10,000,000 or 5% of worldwide annual turnover"),
        "{}",
        r.stdout
    );
    // Before the prohibition applies: upcoming, exit 0.
    let r = aigov(&["assess", &fixture("social.yaml"), "--as-of", "2024-03-01"]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(!r.stdout.contains("A PROHIBITION APPLIES"));
}

#[test]
fn fail_on_tier() {
    let rec = fixture("recruiter.yaml");
    // In effect, and upcoming (after the amendment), both fail the gate.
    for d in ["2025-02-01", "2025-04-01"] {
        let r = aigov(&["assess", &rec, "--as-of", d, "--fail-on", "high"]);
        assert_eq!(r.code, 1, "as of {d}: {}", r.stderr);
    }
    // A lower threshold fails too; a higher one does not.
    assert_eq!(
        aigov(&[
            "assess",
            &rec,
            "--as-of",
            "2025-02-01",
            "--fail-on",
            "limited"
        ])
        .code,
        1
    );
    assert_eq!(
        aigov(&[
            "assess",
            &rec,
            "--as-of",
            "2025-02-01",
            "--fail-on",
            "prohibited"
        ])
        .code,
        0
    );
    // Upcoming counts: before the classification applies, the gate already fails.
    assert_eq!(
        aigov(&["assess", &rec, "--as-of", "2024-07-01", "--fail-on", "high"]).code,
        1
    );
    // Before the Act is law, nothing is classified: passes.
    assert_eq!(
        aigov(&[
            "assess",
            &rec,
            "--as-of",
            "2023-12-01",
            "--fail-on",
            "in_scope"
        ])
        .code,
        0
    );
    // Outside the jurisdiction filter: passes.
    assert_eq!(
        aigov(&[
            "assess",
            &rec,
            "--as-of",
            "2025-02-01",
            "--fail-on",
            "high",
            "-j",
            "US"
        ])
        .code,
        0
    );
}

// ------------------------------------------------------------------------------------------- bad input

fn assert_usage_error(r: &Run, needles: &[&str]) {
    assert_eq!(r.code, 2, "stdout:\n{}\nstderr:\n{}", r.stdout, r.stderr);
    assert!(
        r.stdout.is_empty(),
        "nothing on stdout on error: {}",
        r.stdout
    );
    for n in needles {
        assert!(r.err_has(n), "stderr should contain `{n}`:\n{}", r.stderr);
    }
}

#[test]
fn unknown_field_with_did_you_mean() {
    let r = aigov(&[
        "assess",
        &fixture("unknown-field.yaml"),
        "--as-of",
        "2025-01-01",
    ]);
    assert_usage_error(
        &r,
        &[
            "unknown-field.yaml:2:1",
            "unknown field `ai_sytem`",
            "did you mean `ai_system`?",
        ],
    );
    let r = aigov(&[
        "assess",
        &fixture("unknown-fact.yaml"),
        "--as-of",
        "2025-01-01",
    ]);
    assert_usage_error(
        &r,
        &[
            "unknown-fact.yaml:4:3",
            "`ai_system.usess`",
            "unknown fact `usess` for ai_system",
            "did you mean `uses`?",
        ],
    );
}

#[test]
fn wrong_type_and_bad_date_facts() {
    let r = aigov(&[
        "assess",
        &fixture("wrong-type.yaml"),
        "--as-of",
        "2025-01-01",
    ]);
    assert_usage_error(
        &r,
        &[
            "wrong-type.yaml:3:3",
            "`organization.employees`",
            "expected a number (in employees), found the string \"many\"",
            "write numbers without quotes",
        ],
    );
    let r = aigov(&["assess", &fixture("bad-date.yaml"), "--as-of", "2025-01-01"]);
    assert_usage_error(
        &r,
        &[
            "bad-date.yaml:4:3",
            "`ai_system.launch_date`",
            "\"2025-02-30\" is not a valid date",
            "YYYY-MM-DD",
        ],
    );
}

#[test]
fn bad_json_manifest_on_stdin() {
    let r = aigov_stdin(
        &["assess", "-", "--as-of", "2025-01-01"],
        "{\"subject\": \"ai_system\", \"ai_system\": {\"roles\": \"provider\"}}",
    );
    assert_usage_error(
        &r,
        &[
            "<stdin>",
            "`ai_system.roles`",
            "expected a list, found the string \"provider\"",
            "[provider]",
        ],
    );
    let r = aigov_stdin(&["assess", "-", "--as-of", "2025-01-01"], "{\"subject\": ");
    assert_usage_error(&r, &["invalid JSON"]);
    let r = aigov_stdin(&["assess", "-", "--as-of", "2025-01-01"], "");
    assert_eq!(r.code, 2, "{}", r.stderr);
}

#[test]
fn unreadable_file_and_unknown_extension() {
    let r = aigov(&[
        "assess",
        &fixture("does-not-exist.yaml"),
        "--as-of",
        "2025-01-01",
    ]);
    assert_usage_error(
        &r,
        &["cannot read", "does-not-exist.yaml", "check the path"],
    );
    let r = aigov(&["assess", &fixture("manifest.txt"), "--as-of", "2025-01-01"]);
    assert_usage_error(
        &r,
        &[
            "manifest.txt: cannot tell the manifest format from the extension",
            ".yaml, .yml, .json or .toml",
        ],
    );
    // A folder is not a manifest.
    let r = aigov(&[
        "assess",
        &format!("{}/x.yaml", temp_dir("folder").display()),
        "--as-of",
        "2025-01-01",
    ]);
    assert_usage_error(&r, &["cannot read"]);
    // A corpus folder that does not exist.
    let r = run_with(
        &["assess", &fixture("recruiter.yaml")],
        Some("/nonexistent/aigov/corpus"),
        None,
    );
    assert_usage_error(&r, &["cannot read /nonexistent/aigov/corpus"]);
}

#[test]
fn bad_as_of_date() {
    for bad in ["2025-02-30", "yesterday", "2025-13-01"] {
        let r = aigov(&["assess", &fixture("recruiter.yaml"), "--as-of", bad]);
        assert_eq!(r.code, 2, "{bad}: {}", r.stderr);
        assert!(
            r.stderr
                .contains(&format!("invalid value '{bad}' for '--as-of <DATE>'")),
            "{}",
            r.stderr
        );
    }
}

#[test]
fn unknown_rule_in_explain() {
    let r = aigov(&[
        "explain",
        &fixture("recruiter.yaml"),
        "xx_act.scpe",
        "--as-of",
        "2025-01-01",
    ]);
    assert_usage_error(
        &r,
        &["unknown rule `xx_act.scpe`", "did you mean `xx_act.scope`?"],
    );
    let r = aigov(&[
        "explain",
        &fixture("recruiter.yaml"),
        "zzz",
        "--as-of",
        "2025-01-01",
    ]);
    assert_usage_error(&r, &["unknown rule `zzz`", "aigov corpus list"]);
}

#[test]
fn unknown_tier_in_fail_on() {
    let r = aigov(&[
        "assess",
        &fixture("recruiter.yaml"),
        "--as-of",
        "2025-01-01",
        "--fail-on",
        "hihg",
    ]);
    assert_usage_error(
        &r,
        &["unknown tier `hihg` for --fail-on", "did you mean `high`?"],
    );
    let r = aigov(&[
        "assess",
        &fixture("recruiter.yaml"),
        "--as-of",
        "2025-01-01",
        "--fail-on",
        "zzz",
    ]);
    assert_usage_error(&r, &["tiers: in_scope, minimal, limited, high, prohibited"]);
}

#[test]
fn diff_with_dates_in_the_wrong_order() {
    let r = aigov(&[
        "diff",
        &fixture("recruiter.yaml"),
        "--from",
        "2025-04-01",
        "--to",
        "2024-01-01",
    ]);
    assert_usage_error(&r, &["--from 2025-04-01 is after --to 2024-01-01", "swap"]);
}

// ------------------------------------------------------------------------------------------- explain, diff

#[test]
fn explain_shows_the_exception_that_fired() {
    let r = aigov(&[
        "explain",
        &fixture("chatbot-small.yaml"),
        "us_ca_act.chatbot_disclosure",
        "--as-of",
        "2025-03-01",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let out = &r.stdout;
    assert!(
        out.starts_with("us_ca_act.chatbot_disclosure — Disclose chatbots\n"),
        "{out}"
    );
    assert!(out.contains("As of 2025-03-01: NOT APPLICABLE"), "{out}");
    assert!(
        out.contains(
            "small_business — FIRED (§ 22(b)): Businesses with fewer than 50 employees are exempt."
        ),
        "{out}"
    );
    assert!(out.contains("✓ organization.employees < 50"), "{out}");
    assert!(out.contains("organization.employees = 20"), "{out}");
    assert!(out.contains("✓ \"chatbot\" in ai_system.uses"), "{out}");
    // JSON form.
    let r = aigov(&[
        "explain",
        &fixture("chatbot-small.yaml"),
        "us_ca_act.chatbot_disclosure",
        "--as-of",
        "2025-03-01",
        "--format",
        "json",
    ]);
    let v = json(&r.stdout);
    assert_eq!(v["kind"], "explanation");
    assert_eq!(v["format_version"], "1");
    assert_eq!(v["not_yet_law"], false);
    assert_eq!(v["finding"]["status"], "not_applicable");
    assert_eq!(
        v["finding"]["derivation"]["exceptions"][0]["id"],
        "small_business"
    );
    assert_eq!(
        v["finding"]["derivation"]["exceptions"][0]["result"],
        "true"
    );
}

#[test]
fn explain_versions_defeaters_and_not_yet_law() {
    let r = aigov(&[
        "explain",
        &fixture("recruiter.yaml"),
        "xx_act.high_risk_recruitment",
        "--as-of",
        "2025-04-01",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("As of 2025-04-01: UPCOMING"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("as amended by xx_amend"), "{}", r.stdout);
    assert!(
        r.stdout
            .contains("from 2024-01-10: applies from 2025-01-01"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("from 2025-03-01: applies from 2026-06-01 (amended by xx_amend)"),
        "{}",
        r.stdout
    );
    let m = "subject: ai_system\nai_system: { compute_flop: 5.0e+24, open_source: true }\n";
    let r = aigov_stdin(
        &[
            "explain",
            "-",
            "xx_act.compute_duty",
            "--as-of",
            "2025-08-01",
        ],
        m,
    );
    assert!(
        r.stdout.contains("Rules that defeat it when they apply:"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("xx_act.open_source_exemption (Art 10(4)): true"),
        "{}",
        r.stdout
    );
    let r = aigov(&[
        "explain",
        &fixture("recruiter.yaml"),
        "us_eo_new.review",
        "--as-of",
        "2024-01-01",
    ]);
    assert_eq!(r.code, 0);
    assert!(
        r.stdout
            .contains("this rule was not yet law (its text is law from 2025-01-20)"),
        "{}",
        r.stdout
    );
    let r = aigov(&[
        "explain",
        &fixture("recruiter.yaml"),
        "us_eo_new.review",
        "--as-of",
        "2024-01-01",
        "--format",
        "json",
    ]);
    assert_eq!(json(&r.stdout)["not_yet_law"], true);
}

#[test]
fn diff_shows_revocation_and_amendment() {
    let r = aigov(&[
        "diff",
        &fixture("recruiter.yaml"),
        "--from",
        "2024-12-01",
        "--to",
        "2025-04-01",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let out = &r.stdout;
    assert!(
        out.contains("What changed for TalentRank (ai_system) from 2024-12-01 to 2025-04-01"),
        "{out}"
    );
    assert!(
        out.contains(
            "- Report large training runs — Sec 4.2 (us_eo_old.reporting): in effect → ended"
        ),
        "{out}"
    );
    assert!(
        out.contains("because: EO Old revoked by EO New on 2025-01-20"),
        "{out}"
    );
    assert!(out.contains("~ Recruitment systems are high-risk — Art 6(2) (xx_act.high_risk_recruitment): applies from 2026-06-01 instead of 2025-01-01"), "{out}");
    assert!(
        out.contains("amended: Application moved from 2025-01-01 to 2026-06-01"),
        "{out}"
    );
    assert!(out.contains("+ Review general-purpose systems"), "{out}");
    let r = aigov(&[
        "diff",
        &fixture("recruiter.yaml"),
        "--from",
        "2024-12-01",
        "--to",
        "2025-04-01",
        "--format",
        "json",
    ]);
    let v = json(&r.stdout);
    assert_eq!(v["kind"], "diff");
    let changes = v["changes"].as_array().unwrap();
    let ended = changes
        .iter()
        .find(|c| c["rule"] == "us_eo_old.reporting")
        .unwrap();
    assert_eq!(ended["kind"], "ended");
    assert!(ended["causes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["by"] == "us_eo_new" && c["kind"] == "revoked"));
    let r = aigov(&[
        "diff",
        &fixture("recruiter.yaml"),
        "--from",
        "2025-04-01",
        "--to",
        "2025-04-01",
    ]);
    assert!(r.stdout.contains("Nothing changed."), "{}", r.stdout);
}

// ------------------------------------------------------------------------------------------- timeline

#[test]
fn timeline_writes_ics_and_svg() {
    let dir = temp_dir("timeline");
    let ics = dir.join("out.ics");
    let svg = dir.join("out.svg");
    let r = aigov(&[
        "timeline",
        &fixture("recruiter.yaml"),
        "--as-of",
        "2025-04-01",
        "--ics",
        ics.to_str().unwrap(),
        "--svg",
        svg.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("wrote"), "{}", r.stderr);
    assert!(
        r.stdout
            .contains("2026-06-01  applies   Recruitment systems are high-risk"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("2025-01-20  ends      Report large training runs"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("── as of 2025-04-01 ──"), "{}", r.stdout);

    let json_t = json(
        &aigov(&[
            "timeline",
            &fixture("recruiter.yaml"),
            "--as-of",
            "2025-04-01",
            "--format",
            "json",
        ])
        .stdout,
    );
    assert_eq!(json_t["kind"], "timeline");
    let entries = json_t["entries"].as_array().unwrap().len();
    assert!(entries > 5);

    // iCalendar: CRLF everywhere, folded at 75 octets, one VEVENT per entry.
    let text = std::fs::read(&ics).unwrap();
    let text = String::from_utf8(text).unwrap();
    assert!(
        text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"),
        "{text}"
    );
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    assert!(
        !text.replace("\r\n", "").contains('\n'),
        "bare LF in the ICS file"
    );
    assert!(
        !text.replace("\r\n", "").contains('\r'),
        "bare CR in the ICS file"
    );
    let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    for l in &lines {
        assert!(l.len() <= 75, "line longer than 75 octets: {l:?}");
    }
    assert_eq!(
        lines.iter().filter(|l| **l == "BEGIN:VEVENT").count(),
        entries
    );
    assert_eq!(
        lines.iter().filter(|l| **l == "END:VEVENT").count(),
        entries
    );
    // Unfolded, each event has the required properties; UIDs are unique.
    let unfolded = text.replace("\r\n ", "");
    let mut uids: Vec<&str> = unfolded.lines().filter(|l| l.starts_with("UID:")).collect();
    assert_eq!(uids.len(), entries);
    uids.sort();
    uids.dedup();
    assert_eq!(uids.len(), entries, "UIDs must be unique");
    assert!(
        unfolded.contains("DTSTART;VALUE=DATE:20260601\r\nDTEND;VALUE=DATE:20260602"),
        "{unfolded}"
    );
    assert!(
        unfolded
            .contains("SUMMARY:[XX AI Act] Art 6(2) applies: Recruitment systems are high-risk"),
        "{unfolded}"
    );
    assert!(
        unfolded.contains(
            "DESCRIPTION:EO Old revoked by EO New on 2025-01-20\\nRule us_eo_old.reporting"
        ),
        "{unfolded}"
    );

    // SVG: well-formed XML, one lane per regime.
    let svg_text = std::fs::read_to_string(&svg).unwrap();
    let doc = roxmltree::Document::parse(&svg_text).expect("the SVG is well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.w3.org/2000/svg")
    );
    let lanes: Vec<String> = root
        .children()
        .filter(|n| n.has_tag_name("text") && n.attribute("font-size") == Some("13"))
        .map(|n| n.text().unwrap_or("").to_string())
        .collect();
    let mut regimes: Vec<String> = json_t["spans"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["regime"].as_str().unwrap().to_string())
        .collect();
    regimes.sort();
    regimes.dedup();
    assert_eq!(lanes, regimes);
    assert_eq!(lanes, ["EO New", "EO Old", "XX AI Act"]);
    // One bar (with a tooltip) per span.
    let bars = root
        .descendants()
        .filter(|n| n.has_tag_name("rect") && n.children().any(|c| c.has_tag_name("title")))
        .count();
    assert_eq!(bars, json_t["spans"].as_array().unwrap().len());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn timeline_svg_escapes_names() {
    let dir = temp_dir("svg-escape");
    let svg = dir.join("o.svg");
    let m = "subject: ai_system\nname: \"R&D <bot> \\\"x\\\"\"\nai_system: { category: general }\n";
    let r = aigov_stdin(
        &[
            "timeline",
            "-",
            "--as-of",
            "2025-04-01",
            "--svg",
            svg.to_str().unwrap(),
        ],
        m,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let text = std::fs::read_to_string(&svg).unwrap();
    let doc = roxmltree::Document::parse(&text).expect("well-formed despite & < > \" in the name");
    let title = doc
        .root_element()
        .children()
        .find(|n| n.has_tag_name("title"))
        .unwrap();
    assert!(title.text().unwrap().contains("R&D <bot> \"x\""));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn timeline_to_an_unwritable_path() {
    let r = aigov(&[
        "timeline",
        &fixture("recruiter.yaml"),
        "--as-of",
        "2025-04-01",
        "--ics",
        "/nonexistent/dir/out.ics",
    ]);
    assert_usage_error(&r, &["cannot write /nonexistent/dir/out.ics"]);
}

// ------------------------------------------------------------------------------------------- interview

#[test]
fn interview_asks_only_what_is_needed_and_saves() {
    let dir = temp_dir("interview");
    let saved = dir.join("saved.yaml");
    let r = aigov_stdin(
        &[
            "interview",
            "--from",
            &fixture("partial.yaml"),
            "--as-of",
            "2025-03-01",
            "--save",
            saved.to_str().unwrap(),
        ],
        "120\n",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    // Only the headcount is needed (it settles the Californian exception); nothing already given is asked.
    assert_eq!(r.stdout.matches("\n> ").count(), 1, "{}", r.stdout);
    assert!(r.stdout.contains("How many people does your organization employ? (organization.employees; settles 1 rule(s)) [number, employees]"), "{}", r.stdout);
    assert!(!r.stdout.contains("What is the system used for?"));
    assert!(r.stderr.contains("saved the manifest to"), "{}", r.stderr);
    let report = &r.stdout[r
        .stdout
        .find("aigov assessment:")
        .expect("a report follows")..];
    assert!(
        report.contains("[obligation] Disclose chatbots"),
        "{report}"
    );
    assert!(!report.contains("Undetermined"), "{report}");
    // The saved manifest assesses the same.
    let again = aigov(&["assess", saved.to_str().unwrap(), "--as-of", "2025-03-01"]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert_eq!(again.stdout, report);
    let text = std::fs::read_to_string(&saved).unwrap();
    assert!(text.contains("employees: 120"), "{text}");
    assert!(text.contains("name: HelpBot"), "{text}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn interview_retries_bad_answers_and_saves_json() {
    let dir = temp_dir("interview-json");
    let saved = dir.join("saved.json");
    let r = aigov_stdin(
        &[
            "interview",
            "--from",
            &fixture("partial.yaml"),
            "--as-of",
            "2025-03-01",
            "--save",
            saved.to_str().unwrap(),
        ],
        "lots\n20\n",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("answer with a number"), "{}", r.stdout);
    let report = &r.stdout[r.stdout.find("aigov assessment:").unwrap()..];
    assert!(
        !report.contains("Disclose chatbots"),
        "20 employees: the exception fires: {report}"
    );
    let v = json(&std::fs::read_to_string(&saved).unwrap());
    assert_eq!(v["organization"]["employees"], 20.0);
    assert_eq!(v["subject"], "ai_system");
    let again = aigov(&["assess", saved.to_str().unwrap(), "--as-of", "2025-03-01"]);
    assert_eq!(again.stdout, report);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn interview_from_empty_skips_and_stops() {
    // Skip every question (empty lines), then end of input: no panic, a report, exit 0.
    let r = aigov_stdin(&["interview", "--as-of", "2025-03-01"], &"\n".repeat(40));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let prompts = r.stdout.matches("\n> ").count();
    assert!(prompts >= 3, "{}", r.stdout);
    // Each question is asked once.
    let asked: Vec<&str> = r
        .stdout
        .lines()
        .filter(|l| l.contains("; settles "))
        .collect();
    let mut unique = asked.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(asked.len(), unique.len(), "{asked:?}");
    assert!(r.stdout.contains("aigov assessment: (unnamed) (ai_system)"));
    // `q` stops at once.
    let r = aigov_stdin(&["interview", "--as-of", "2025-03-01"], "q\n");
    assert_eq!(r.code, 0);
    assert_eq!(r.stdout.matches("\n> ").count(), 1);
    // An unknown subject kind is a usage error.
    let r = aigov(&[
        "interview",
        "--subject",
        "organization",
        "--as-of",
        "2025-03-01",
    ]);
    assert_usage_error(
        &r,
        &[
            "`organization` is not a subject that can be assessed",
            "ai_system",
        ],
    );
}

#[test]
fn interview_answer_that_triggers_a_prohibition_exits_1() {
    let m = "subject: ai_system\nai_system: { roles: [deployer], used_in: [XY] }\n";
    let dir = temp_dir("interview-prohibited");
    let from = dir.join("m.yaml");
    std::fs::write(&from, m).unwrap();
    // Answer the uses question with social_scoring; skip the rest.
    let mut answers = String::new();
    for _ in 0..20 {
        answers.push_str("social_scoring\n");
    }
    let r = aigov_stdin(
        &[
            "interview",
            "--from",
            from.to_str().unwrap(),
            "--as-of",
            "2025-03-01",
        ],
        &answers,
    );
    // Answers that do not fit a question are retried; every question gets the same line, so some are
    // answered (uses), the others re-prompt until input ends.
    assert!(r.stdout.contains("A PROHIBITION APPLIES"), "{}", r.stdout);
    assert_eq!(r.code, 1);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn interview_on_linked_subjects_asks_subject_by_subject_and_saves_each_answer_in_its_subject() {
    // The embedded corpus (the mini corpus has no models): the lab example.
    let example = format!(
        "{}/../../examples/frontier-lab-model-and-chatbot.yaml",
        env!("CARGO_MANIFEST_DIR")
    );
    let original = std::fs::read_to_string(&example).unwrap();
    let dir = temp_dir("interview-linked");
    let from = dir.join("lab.yaml");
    std::fs::write(&from, &original).unwrap();
    let saved = dir.join("saved.yaml");
    // The organization's question first (it settles the most of the model's rules), then the model's own; the
    // model's other questions and the organization's are skipped; then the chatbot's first question.
    let r = run_with(
        &[
            "interview",
            "--from",
            from.to_str().unwrap(),
            "--as-of",
            "2026-11-28",
            "--save",
            saved.to_str().unwrap(),
        ],
        None,
        Some("no\nyes\n\n\n\n\n\nnone\nq\n"),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let out = &r.stdout;
    // Each question is headed by the subject it concerns; the organization's are the organization's.
    assert!(out.contains("\nFor the organization (every subject):\nIs your organization an accredited college or university"), "{out}");
    assert!(
        out.contains("\nFor atlas (model):\nDoes your organization supply this model"),
        "{out}"
    );
    assert!(
        out.contains("\nFor atlas-chat (ai_system):\nIn which employment decisions"),
        "{out}"
    );
    // Subject by subject: every question on the model comes before the first on the chatbot.
    let first_chat = out.find("For atlas-chat (ai_system):").unwrap();
    assert!(
        out.rfind("For atlas (model):").unwrap() < first_chat,
        "{out}"
    );
    // The report is the linked assessment, each subject under its heading.
    let report = &out[out
        .find("Subject 1 of 2: atlas (model)")
        .expect("the linked report")..];
    assert!(
        report.contains("Subject 2 of 2: atlas-chat (ai_system) — built on atlas"),
        "{report}"
    );
    // Each answer is in its subject's entry; every line of the original (its comments) is kept, in order.
    let text = std::fs::read_to_string(&saved).unwrap();
    assert!(!r.stderr.contains("rewritten whole"), "{}", r.stderr);
    let at = |needle: &str| {
        text.find(needle)
            .unwrap_or_else(|| panic!("{needle} in:\n{text}"))
    };
    let (subjects, chat) = (at("\nsubjects:"), at("  - id: atlas-chat"));
    assert!(
        at("\n  accredited_academic_institution: false\n") < subjects,
        "{text}"
    );
    let federal = at("\n      supplied_to_federal_agencies: true\n");
    assert!(subjects < federal && federal < chat, "{text}");
    assert!(
        at("\n      employment_decision_uses: []\n") > chat,
        "{text}"
    );
    let mut rest = text.as_str();
    for line in original.lines() {
        let i = rest
            .find(line)
            .unwrap_or_else(|| panic!("lost or moved: {line}\n{text}"));
        rest = &rest[i + line.len()..];
    }
    // The saved manifest assesses as the interview reported, with the answers: the federal contractor's duties
    // that the question left open are now decided.
    let again = run_with(
        &["assess", saved.to_str().unwrap(), "--as-of", "2026-11-28"],
        None,
        None,
    );
    assert_eq!(again.stdout, report);
    let before = run_with(
        &["assess", from.to_str().unwrap(), "--as-of", "2026-11-28"],
        None,
        None,
    );
    assert_ne!(before.stdout, again.stdout);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn interview_on_linked_subjects_asks_the_organization_once() {
    let example = format!(
        "{}/../../examples/frontier-lab-model-and-chatbot.yaml",
        env!("CARGO_MANIFEST_DIR")
    );
    // Every question skipped: each is asked once, and an organization question once for both subjects.
    let r = run_with(
        &["interview", "--from", &example, "--as-of", "2026-11-28"],
        None,
        Some(&"\n".repeat(200)),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    // The fact each question asks for: "... (organization.ccpa_business; settles 7 rule(s)) ...".
    let asked: Vec<&str> = r
        .stdout
        .split(" (")
        .filter_map(|p| p.split_once("; settles ").map(|(fact, _)| fact))
        .collect();
    let mut unique = asked.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(asked.len(), unique.len(), "{asked:?}");
    assert!(asked.contains(&"organization.ccpa_business"), "{asked:?}");
    assert!(
        asked.contains(&"model.supplied_to_federal_agencies"),
        "{asked:?}"
    );
    // Nothing was answered: the report is the example's own.
    let report = &r.stdout[r.stdout.find("Subject 1 of 2").unwrap()..];
    let assess = run_with(&["assess", &example, "--as-of", "2026-11-28"], None, None);
    assert_eq!(assess.stdout, report);
}

// ------------------------------------------------------------------------------------------- batch

#[test]
fn batch_writes_one_line_per_input_line_in_order() {
    let r = aigov(&[
        "assess",
        "--batch",
        &fixture("batch.jsonl"),
        "--as-of",
        "2025-04-01",
    ]);
    assert_eq!(r.code, 2, "a bad line makes the batch exit 2: {}", r.stderr);
    assert!(
        r.stderr
            .contains("assessed 5 subject(s) as of 2025-04-01; 2 line(s) had errors"),
        "{}",
        r.stderr
    );
    let lines: Vec<serde_json::Value> = r.stdout.lines().map(json).collect();
    assert_eq!(
        lines.len(),
        5,
        "one output line per non-blank input line:\n{}",
        r.stdout
    );
    let numbers: Vec<u64> = lines.iter().map(|l| l["line"].as_u64().unwrap()).collect();
    assert_eq!(numbers, [1, 2, 4, 5, 6]);
    assert_eq!(lines[0]["name"], "one");
    assert_eq!(lines[0]["prohibited"], true);
    assert!(lines[0]["in_effect"]
        .as_array()
        .unwrap()
        .contains(&"xx_act.social_scoring_ban".into()));
    assert_eq!(
        lines[1]["error"],
        "`ai_system.usess`: unknown fact `usess` for ai_system"
    );
    assert_eq!(lines[1]["hint"], "did you mean `uses`?");
    assert_eq!(lines[2]["name"], "three");
    assert!(lines[2]["upcoming"]
        .as_array()
        .unwrap()
        .contains(&"xx_act.high_risk_recruitment".into()));
    assert!(lines[2]["classifications"]
        .as_array()
        .unwrap()
        .contains(&"xx_act/risk=high".into()));
    assert!(
        lines[3]["error"]
            .as_str()
            .unwrap()
            .starts_with("invalid JSON"),
        "{}",
        lines[3]
    );
    assert_eq!(lines[4]["name"], "five");
}

#[test]
fn batch_summary_agrees_with_single_assessments() {
    let r = aigov(&[
        "assess",
        "--batch",
        &fixture("batch.jsonl"),
        "--as-of",
        "2025-04-01",
        "--full",
    ]);
    assert_eq!(r.code, 2);
    let lines: Vec<serde_json::Value> = r.stdout.lines().map(json).collect();
    assert_eq!(lines.len(), 5);
    let input: Vec<&str> = include_str!("fixtures/batch.jsonl").lines().collect();
    for l in lines.iter().filter(|l| l.get("error").is_none()) {
        let n = l["line"].as_u64().unwrap() as usize;
        let single = aigov_stdin(
            &["assess", "-", "--as-of", "2025-04-01", "--format", "json"],
            input[n - 1],
        );
        let single = json(&single.stdout);
        let statuses = |v: &serde_json::Value| -> Vec<(String, String)> {
            v["findings"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| {
                    (
                        f["rule"].as_str().unwrap().to_string(),
                        f["status"].as_str().unwrap().to_string(),
                    )
                })
                .collect()
        };
        assert_eq!(statuses(l), statuses(&single), "line {n}");
        assert_eq!(l["prohibited"], single["prohibited"]);
    }
}

#[test]
fn batch_to_an_output_file_and_all_good_lines() {
    let dir = temp_dir("batch");
    let input = dir.join("in.jsonl");
    let mut text = String::new();
    for i in 0..50 {
        text.push_str(&format!("{{\"subject\":\"ai_system\",\"name\":\"s{i}\",\"ai_system\":{{\"compute_flop\":{}}}}}\n", if i % 2 == 0 { "2e26" } else { "1e20" }));
    }
    std::fs::write(&input, &text).unwrap();
    let out = dir.join("out.jsonl");
    let r = aigov(&[
        "assess",
        "--batch",
        input.to_str().unwrap(),
        "--as-of",
        "2024-06-01",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.is_empty());
    let lines: Vec<serde_json::Value> = std::fs::read_to_string(&out)
        .unwrap()
        .lines()
        .map(json)
        .collect();
    assert_eq!(lines.len(), 50);
    for (i, l) in lines.iter().enumerate() {
        assert_eq!(l["name"], format!("s{i}"));
        assert_eq!(l["line"], i + 1);
        let has = l["in_effect"]
            .as_array()
            .unwrap()
            .contains(&"us_eo_old.reporting".into());
        assert_eq!(has, i % 2 == 0, "line {}", i + 1);
    }
    let r = aigov(&[
        "assess",
        "--batch",
        dir.join("missing.jsonl").to_str().unwrap(),
        "--as-of",
        "2024-06-01",
    ]);
    assert_usage_error(&r, &["cannot read", "missing.jsonl"]);
    let _ = std::fs::remove_dir_all(&dir);
}

// ------------------------------------------------------------------------------------------- corpus, schema

#[test]
fn corpus_lint_and_test_on_the_mini_corpus() {
    let r = aigov(&["corpus", "lint"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.starts_with(
            "corpus OK: 5 instruments, 12 rules, 2 parameters, 1 penalties, 16 facts,"
        ),
        "{}",
        r.stdout
    );
    let r = aigov(&["corpus", "test"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains(" passed, 0 failed ("), "{}", r.stdout);
    assert!(!r.stdout.contains("FAIL"));
}

#[test]
fn corpus_lint_names_an_instrument_file_without_a_review_record() {
    let dir = temp_dir("unreviewed-corpus");
    copy_dir(Path::new(MINI), &dir);
    let p = dir.join("xx/amend.yaml");
    let text = std::fs::read_to_string(&p).unwrap();
    let own = text
        .find("\nreview:\n")
        .expect("the fixture has a review record");
    std::fs::write(&p, &text[..own]).unwrap();
    let r = run_with(&["corpus", "lint"], Some(dir.to_str().unwrap()), None);
    assert_eq!(r.code, 2, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stderr
            .contains("xx/amend.yaml:2:7: error: instrument `xx_amend` has no review record"),
        "{}",
        r.stderr
    );
    // The other files keep their records and are not named.
    assert!(!r.stderr.contains("xx/act.yaml"), "{}", r.stderr);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn corpus_lint_on_a_broken_copy() {
    let dir = temp_dir("broken-corpus");
    copy_dir(Path::new(MINI), &dir);
    let p = dir.join("us/eo-2023.yaml");
    let text = std::fs::read_to_string(&p).unwrap();
    std::fs::write(
        &p,
        text.replace("applies_from: event:signed", "applies_from: event:nope"),
    )
    .unwrap();
    let p = dir.join("xx/act.yaml");
    let text = std::fs::read_to_string(&p).unwrap();
    std::fs::write(&p, text.replace("until: 2027-01-01", "until: 2027-02-30")).unwrap();
    let r = run_with(&["corpus", "lint"], Some(dir.to_str().unwrap()), None);
    assert_eq!(r.code, 2, "{}{}", r.stdout, r.stderr);
    let errors: Vec<&str> = r
        .stderr
        .lines()
        .filter(|l| l.contains(": error: "))
        .collect();
    assert_eq!(errors.len(), 2, "{}", r.stderr);
    for e in &errors {
        // file:line:col: error: message
        let mut parts = e.splitn(4, ':');
        let file = parts.next().unwrap();
        let line: usize = parts
            .next()
            .unwrap()
            .parse()
            .unwrap_or_else(|_| panic!("no line in {e}"));
        let col: usize = parts
            .next()
            .unwrap()
            .parse()
            .unwrap_or_else(|_| panic!("no col in {e}"));
        assert!(file.ends_with(".yaml") && line > 0 && col > 0, "{e}");
        assert!(
            !file.starts_with('/'),
            "paths are relative to the corpus root: {e}"
        );
    }
    let eo = errors
        .iter()
        .find(|e| e.starts_with("us/eo-2023.yaml:"))
        .unwrap();
    assert!(eo.contains("unknown event `nope` of `us_eo_old`"), "{eo}");
    let line = std::fs::read_to_string(dir.join("us/eo-2023.yaml"))
        .unwrap()
        .lines()
        .position(|l| l.contains("event:nope"))
        .unwrap()
        + 1;
    assert!(eo.starts_with(&format!("us/eo-2023.yaml:{line}:")), "{eo}");
    assert!(
        r.stderr
            .contains("  hint: events of us_eo_old: signed, revoked"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("xx/act.yaml:") && r.stderr.contains("`2027-02-30` is not a valid date"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("error: the corpus has 2 error(s)"),
        "{}",
        r.stderr
    );
    // Every other command refuses a broken corpus the same way.
    let r = run_with(
        &[
            "assess",
            &fixture("recruiter.yaml"),
            "--as-of",
            "2025-01-01",
        ],
        Some(dir.to_str().unwrap()),
        None,
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("error: the corpus has 2 error(s)"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn corpus_test_reports_a_failing_example() {
    let dir = temp_dir("failing-example");
    copy_dir(Path::new(MINI), &dir);
    let p = dir.join("us/eo-2023.yaml");
    let text = std::fs::read_to_string(&p).unwrap();
    std::fs::write(
        &p,
        text.replace(
            "us_eo_old.reporting: ended",
            "us_eo_old.reporting: in_effect",
        ),
    )
    .unwrap();
    let r = run_with(&["corpus", "test"], Some(dir.to_str().unwrap()), None);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    let line = text
        .lines()
        .position(|l| l.contains("name: large model after revocation"))
        .unwrap()
        + 1;
    assert!(
        r.stdout.contains(&format!(
            "FAIL us/eo-2023.yaml:{line}: large model after revocation (as of 2025-02-01)"
        )),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("  us_eo_old.reporting: expected in_effect, found ended"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains(" passed, 1 failed"), "{}", r.stdout);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn corpus_list_and_show() {
    let r = aigov(&["corpus", "list"]);
    assert_eq!(r.code, 0);
    for id in ["us_ca_act", "us_eo_old", "us_eo_new", "xx_act", "xx_amend"] {
        assert!(r.stdout.contains(id), "{id}: {}", r.stdout);
    }
    let r = aigov(&["corpus", "show", "us_eo_old"]);
    assert_eq!(r.code, 0);
    assert!(
        r.stdout.contains("revoked") && r.stdout.contains("by us_eo_new"),
        "{}",
        r.stdout
    );
    let r = aigov(&["corpus", "show", "xx_act.high_risk_recruitment"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("2026-06-01"), "{}", r.stdout);
    let r = aigov(&["corpus", "show", "nope"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
}

#[test]
fn schema_names_every_fact() {
    let r = aigov(&["schema"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v = json(&r.stdout);
    assert_eq!(v["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert_eq!(v["required"], serde_json::json!(["subject"]));
    assert_eq!(
        v["properties"]["subject"]["enum"],
        serde_json::json!(["ai_system"])
    );
    let sources = aigov_corpus::read_dir(Path::new(MINI)).unwrap();
    let corpus = aigov_corpus::load(&sources).unwrap().corpus;
    for f in &corpus.vocabulary.facts {
        let p = &v["properties"][&f.subject]["properties"][&f.name];
        assert!(p.is_object(), "schema lacks {}", f.qualified());
        assert!(
            p["description"]
                .as_str()
                .unwrap()
                .contains(f.question.trim()),
            "{}",
            f.qualified()
        );
    }
    let n: usize = ["organization", "ai_system"]
        .iter()
        .map(|s| v["properties"][s]["properties"].as_object().unwrap().len())
        .sum();
    assert_eq!(n, corpus.vocabulary.facts.len());
    assert_eq!(
        v["properties"]["ai_system"]["properties"]["uses"]["items"]["enum"],
        serde_json::json!(["recruitment", "credit_scoring", "chatbot", "social_scoring"])
    );
    assert_eq!(
        v["properties"]["ai_system"]["properties"]["compute_flop"]["x-unit"],
        "FLOP"
    );
    assert_eq!(v["properties"]["ai_system"]["additionalProperties"], false);
}

#[test]
fn help_and_version() {
    let r = run_with(&["--help"], None, None);
    assert_eq!(r.code, 0);
    for cmd in [
        "assess",
        "explain",
        "diff",
        "timeline",
        "interview",
        "corpus",
        "schema",
    ] {
        assert!(r.stdout.contains(cmd), "{cmd}");
    }
    let r = run_with(&["--version"], None, None);
    assert_eq!(r.code, 0);
    assert!(r.stdout.starts_with("aigov "));
    let r = run_with(&["frobnicate"], None, None);
    assert_eq!(r.code, 2);
}

/// The README's summary of the corpus (`N instruments, M rules, K examples run as tests` and the catalogue's
/// `N common controls`) is what `aigov corpus lint` counts in the embedded corpus: a figure a reader trusts
/// first, kept true by this test rather than by memory.
#[test]
fn the_readme_counts_the_embedded_corpus() {
    let lint = run_with(&["corpus", "lint"], None, None);
    assert_eq!(lint.code, 0, "{}", lint.stderr);
    let count = |what: &str, text: &str| -> Option<u64> {
        let at = text.find(&format!(" {what}"))?;
        text[..at]
            .rsplit(|c: char| !c.is_ascii_digit())
            .next()?
            .parse()
            .ok()
    };
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../README.md"))
        .expect("README.md is readable");
    let summary = readme
        .lines()
        .find(|l| l.contains("instruments,") && l.contains("examples"))
        .expect("the README states the corpus's size");
    for what in ["instruments", "rules", "examples"] {
        assert_eq!(
            count(what, summary),
            count(what, &lint.stdout),
            "README says {summary:?}; `aigov corpus lint` says {:?}",
            lint.stdout
        );
    }
    // ... and the date the corpus is reviewed up to is corpus.yaml's `reviewed_until`.
    let manifest = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../corpus/corpus.yaml"
    ))
    .expect("corpus/corpus.yaml is readable");
    let until = manifest
        .lines()
        .find_map(|l| l.strip_prefix("reviewed_until:"))
        .map(str::trim)
        .and_then(|d| jiff::civil::Date::strptime("%Y-%m-%d", d).ok())
        .expect("corpus.yaml has reviewed_until");
    let written = until.strftime("reviewed up to %-d %B %Y").to_string();
    assert!(
        readme.contains(&written),
        "the README should say {written:?} (corpus/corpus.yaml)"
    );
    let controls = readme
        .lines()
        .find(|l| l.contains("common controls"))
        .expect("the README states the catalogue's size");
    assert_eq!(
        count("common controls", controls),
        count("controls", &lint.stdout),
        "README says {controls:?}; `aigov corpus lint` says {:?}",
        lint.stdout
    );
}
