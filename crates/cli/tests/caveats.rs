//! An instrument's caveat is said in full once per report, under its first finding; its other findings point back
//! to it (a memo with eight findings used to repeat one paragraph eight times).

use std::process::Command;

fn assess(lang: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_aigov"))
        .args([
            "assess",
            concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../examples/federal-agency-use-case.yaml"
            ),
            "--as-of",
            "2026-11-28",
            "--lang",
            lang,
        ])
        .output()
        .expect("run aigov");
    // Exit 1: the use case has a prohibition in effect (README, exit codes); anything else is a failure.
    assert_eq!(
        out.status.code(),
        Some(1),
        "{lang}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn an_instrument_caveat_is_said_once_and_referred_to_after() {
    let text = assess("en");
    let full = text
        .lines()
        .filter(|l| l.contains("caveat (OMB M-25-21") && l.contains("Some sources date the memo"))
        .count();
    let again = text
        .lines()
        .filter(|l| l.trim() == "caveat (OMB M-25-21 (agency use of AI)): as above")
        .count();
    assert_eq!(full, 1, "{text}");
    assert!(
        again >= 5,
        "the memo's other findings point back to the caveat: {again}\n{text}"
    );
    // The full caveat comes before the first reference to it.
    let first_full = text.find("Some sources date the memo").expect("the caveat");
    let first_again = text.find("): as above").expect("a reference");
    assert!(first_full < first_again);
    let zh = assess("zh-CN");
    assert!(zh.contains("：见上文"), "{zh}");
}
