//! The PRC Unreliable Entity List as a screening list: `aigov lists import` reads it from the documented CSV layout
//! (docs/output.md), keeps it as its own store part beside the US lists, and `aigov screen` finds its parties with
//! the list, the listing date and the MOFCOM announcement in the answer. The fixture holds real listings (MOFCOM
//! announcements of 4 April and 9 October 2025).

use std::path::PathBuf;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_aigov");

fn fixture(name: &str) -> String {
    format!(
        "{}/../screening/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn temp_dir(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("aigov-uel-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

fn aigov(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .env_remove("AIGOV_LISTS_DIR")
        .output()
        .expect("aigov runs")
}

#[test]
fn the_unreliable_entity_list_imports_and_screens() {
    let dir = temp_dir("screen");
    let d = dir.to_str().expect("path");
    let out = aigov(&[
        "lists",
        "import",
        "--lists-dir",
        d,
        &fixture("uel.csv"),
        &fixture("sdn.csv"),
        &fixture("alt.csv"),
        &fixture("add.csv"),
        "--published",
        "2026-11-20",
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("PRC Unreliable Entity List (CSV)"),
        "{stdout}"
    );
    assert!(stdout.contains("4 records"), "{stdout}");

    let out = aigov(&[
        "screen",
        "Techinsights Inc",
        "--lists-dir",
        d,
        "--format",
        "json",
        "--as-of",
        "2026-11-28",
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "a hit exits 1: {stderr}");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let hit = &doc["results"][0]["hits"][0];
    assert_eq!(hit["list"], "UEL", "{doc}");
    assert_eq!(hit["name"], "TechInsights Inc.");
    assert!(
        hit["source"]
            .as_str()
            .is_some_and(|s| s.contains("不可靠实体清单")),
        "{hit}"
    );
    assert!(hit["score"].as_f64().is_some_and(|s| s >= 0.85), "{hit}");
    // The subsidiary named in the listing is found through the alternate name.
    let out = aigov(&[
        "screen",
        "Strategy Analytics",
        "--lists-dir",
        d,
        "--as-of",
        "2026-11-28",
    ]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    // A UEL hit is reported but sets no US export-control fact.
    assert!(hit["parties_listed"].is_null(), "{hit}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_uel_file_outside_the_layout_is_refused_with_its_line() {
    let dir = temp_dir("bad");
    let d = dir.to_str().expect("path");
    let bad = dir.join("uel-bad.csv");
    std::fs::write(
        &bad,
        "name,country,listed,announcement\nAcme Defense,US,9 October 2025,MOFCOM announcement\n",
    )
    .expect("write");
    let out = aigov(&[
        "lists",
        "import",
        "--lists-dir",
        d,
        bad.to_str().expect("path"),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("YYYY-MM-DD"), "{stderr}");
    assert!(stderr.contains("2"), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}
