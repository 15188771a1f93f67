//! `--lang en-US` output of every localized command, as snapshots on the fixture corpus
//! (crates/corpus/tests/fixtures/mini) with fixed dates: moving aigov's words into Fluent message files must not
//! change a single English byte. Review a deliberate change with `cargo insta review`.

use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_aigov");
const MINI: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../corpus/tests/fixtures/mini");
const RECRUITER: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/recruiter.yaml");

fn en(args: &[&str]) -> String {
    let out = Command::new(BIN)
        .arg("--corpus")
        .arg(MINI)
        .args(args)
        .args(["--lang", "en-US", "--color", "never"])
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .stdin(Stdio::null())
        .output()
        .expect("the aigov binary runs");
    assert!(
        out.status.code().is_some_and(|c| c == 0 || c == 1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[test]
fn assess_markdown_en() {
    insta::assert_snapshot!(en(&[
        "assess",
        RECRUITER,
        "--as-of",
        "2026-07-01",
        "--format",
        "markdown"
    ]));
}

#[test]
fn explain_text_en() {
    insta::assert_snapshot!(en(&[
        "explain",
        RECRUITER,
        "xx_act.high_risk_recruitment",
        "--as-of",
        "2026-07-01"
    ]));
}

#[test]
fn diff_text_en() {
    insta::assert_snapshot!(en(&[
        "diff",
        RECRUITER,
        "--from",
        "2024-06-01",
        "--to",
        "2026-07-01"
    ]));
}

#[test]
fn timeline_text_en() {
    insta::assert_snapshot!(en(&["timeline", RECRUITER, "--as-of", "2026-07-01"]));
}

#[test]
fn changes_text_en() {
    insta::assert_snapshot!(en(&[
        "changes",
        "--from",
        "2024-01-01",
        "--to",
        "2026-12-31"
    ]));
}

#[test]
fn map_text_en() {
    insta::assert_snapshot!(en(&["map", RECRUITER, "--as-of", "2026-07-01"]));
}

#[test]
fn corpus_list_en() {
    insta::assert_snapshot!(en(&["corpus", "list"]));
}
