//! End-to-end tests of aigov in Chinese: `--lang zh-CN` and the `LANG` environment make reports speak Simplified
//! Chinese (headings, statuses, dates, labels); JSON stays language-neutral; an unknown language is an error.

use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_aigov");
const EXAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples");

fn run(args: &[&str], lang_env: Option<&str>) -> (i32, String, String) {
    let mut cmd = Command::new(BIN);
    cmd.args(args).args(["--color", "never"]);
    cmd.env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    if let Some(l) = lang_env {
        cmd.env("LANG", l);
    }
    let out = cmd.output().expect("the binary runs");
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(!stderr.contains("panicked"), "aigov panicked: {stderr}");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).to_string(),
        stderr,
    )
}

fn cv() -> String {
    format!("{EXAMPLES}/cv-screening-saas.yaml")
}

#[test]
fn reports_speak_chinese_with_lang_zh_cn() {
    let (code, text, stderr) = run(
        &["assess", &cv(), "--as-of", "2026-06-01", "--lang", "zh-CN"],
        None,
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(
        text.starts_with("aigov 评估：TalentRank CV screening（ai_system）"),
        "{text}"
    );
    assert!(text.contains("截至 2026年6月1日"), "{text}");
    assert!(text.contains("\n分类\n"), "{text}");
    // Under the AI Act as it stood on 2026-06-01, Annex III 4(a) was to apply from 2 August 2026.
    assert!(text.contains("自 2026年8月2日 起适用"), "{text}");
    assert!(text.contains("即将适用"), "{text}");
    for english in [
        "As of ",
        "\nClassification\n",
        "Upcoming",
        "must: ",
        "applies from",
    ] {
        assert!(
            !text.contains(english),
            "English `{english}` left in: {text}"
        );
    }
}

#[test]
fn the_environment_chooses_the_language_and_the_flag_wins() {
    let (_, zh, _) = run(
        &["assess", &cv(), "--as-of", "2026-11-28"],
        Some("zh_CN.UTF-8"),
    );
    assert!(zh.contains("截至 2026年11月28日"), "{zh}");
    let (_, en, _) = run(
        &["assess", &cv(), "--as-of", "2026-11-28", "--lang", "en-US"],
        Some("zh_CN.UTF-8"),
    );
    assert!(en.contains("As of 2026-11-28"), "{en}");
    let (_, default, _) = run(
        &["assess", &cv(), "--as-of", "2026-11-28"],
        Some("fr_FR.UTF-8"),
    );
    assert!(default.contains("As of 2026-11-28"), "{default}");
}

#[test]
fn json_is_language_neutral() {
    let args = ["assess", &cv(), "--as-of", "2026-11-28", "--format", "json"];
    let (_, en, _) = run(&[&args[..], &["--lang", "en-US"]].concat(), None);
    let (_, zh, _) = run(&[&args[..], &["--lang", "zh-CN"]].concat(), None);
    assert_eq!(en, zh);
}

#[test]
fn an_unknown_language_is_an_error() {
    let (code, _, stderr) = run(
        &["assess", &cv(), "--as-of", "2026-11-28", "--lang", "fr"],
        None,
    );
    assert_eq!(code, 2);
    assert!(stderr.contains("aigov does not speak `fr`"), "{stderr}");
    assert!(stderr.contains("zh-CN"), "{stderr}");
}
