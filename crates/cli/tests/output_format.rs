//! Snapshots of the output formats on the fixture corpus (crates/corpus/tests/fixtures/mini), with fixed dates.
//! The JSON format is an API (docs/output.md): a change here must be deliberate. Review a change with
//! `cargo insta review` (or `INSTA_UPDATE=always cargo test -p aigov-cli --test output_format` and read the diff).

use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_aigov");
const MINI: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../corpus/tests/fixtures/mini");
const RECRUITER: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/recruiter.yaml");

fn aigov(args: &[&str]) -> String {
    let out = Command::new(BIN)
        .arg("--corpus")
        .arg(MINI)
        .args(args)
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
fn assess_json() {
    insta::assert_snapshot!(aigov(&[
        "assess",
        RECRUITER,
        "--as-of",
        "2026-07-01",
        "--format",
        "json"
    ]));
}

#[test]
fn assess_text() {
    insta::assert_snapshot!(aigov(&["assess", RECRUITER, "--as-of", "2026-07-01"]));
}

#[test]
fn explain_json() {
    insta::assert_snapshot!(aigov(&[
        "explain",
        RECRUITER,
        "xx_act.high_risk_recruitment",
        "--as-of",
        "2026-07-01",
        "--format",
        "json"
    ]));
}

#[test]
fn diff_json() {
    insta::assert_snapshot!(aigov(&[
        "diff",
        RECRUITER,
        "--from",
        "2024-06-01",
        "--to",
        "2026-07-01",
        "--format",
        "json"
    ]));
}

#[test]
fn timeline_json() {
    insta::assert_snapshot!(aigov(&[
        "timeline",
        RECRUITER,
        "--as-of",
        "2026-07-01",
        "--format",
        "json"
    ]));
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let plain = aigov(&["assess", RECRUITER, "--as-of", "2026-07-01"]);
    assert!(
        !plain.contains('\u{1b}'),
        "piped output has no escape codes"
    );
    let coloured = aigov(&[
        "assess",
        RECRUITER,
        "--as-of",
        "2026-07-01",
        "--color",
        "always",
    ]);
    assert!(
        coloured.contains("\u{1b}[1m"),
        "--color always styles headings"
    );
    let json = aigov(&[
        "assess",
        RECRUITER,
        "--as-of",
        "2026-07-01",
        "--color",
        "always",
        "--format",
        "json",
    ]);
    assert!(!json.contains('\u{1b}'), "JSON is never styled");
}

#[test]
fn stdin_manifests_in_every_format_give_the_same_answer() {
    use std::io::Write;
    let answer = |ext: &str| {
        let text = std::fs::read_to_string(RECRUITER.replace(".yaml", &format!(".{ext}")))
            .expect("fixture");
        let mut child = Command::new(BIN)
            .args([
                "--corpus",
                MINI,
                "assess",
                "-",
                "--as-of",
                "2026-07-01",
                "--format",
                "json",
            ])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("runs");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(text.as_bytes())
            .expect("writes");
        let out = child.wait_with_output().expect("finishes");
        assert!(out.status.success(), "{ext} on stdin");
        String::from_utf8(out.stdout).expect("UTF-8")
    };
    let yaml = answer("yaml");
    assert_eq!(answer("toml"), yaml);
    assert_eq!(answer("json"), yaml);
}
