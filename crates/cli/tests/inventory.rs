//! `aigov inventory import|list|reassess` on a temporary SQLite inventory: subjects imported from JSONL, their
//! answers recorded under one corpus, then re-assessed under a copy of it with one rule's date moved: the subject
//! the edit touches is reported with its rule's statuses before and after, the other one is not.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_aigov");
const MINI: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../corpus/tests/fixtures/mini");

/// A temporary folder, removed when dropped.
struct Temp(PathBuf);

impl Drop for Temp {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

/// Runs `aigov --corpus CORPUS inventory ARGS --db DB`; returns stdout, asserting exit 0.
fn run(corpus: &Path, db: &str, args: &[&str]) -> String {
    let out = Command::new(BIN)
        .arg("--corpus")
        .arg(corpus)
        .arg("inventory")
        .args(args)
        .args(["--db", db])
        .env_remove("AIGOV_DATABASE_URL")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "aigov inventory {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn manifest(name: &str, used_in: &str, established_in: &str) -> String {
    serde_json::json!({
        "subject": "ai_system",
        "name": name,
        "organization": { "established_in": [established_in], "employees": 500 },
        "ai_system": { "roles": ["provider"], "used_in": [used_in], "uses": ["recruitment"] }
    })
    .to_string()
}

#[test]
fn reassess_reports_the_subject_a_corpus_edit_changes_and_not_the_others() {
    let tmp =
        Temp(std::env::temp_dir().join(format!("aigov-cli-inventory-{}", std::process::id())));
    let _ = std::fs::remove_dir_all(&tmp.0);
    std::fs::create_dir_all(&tmp.0).unwrap();
    let before = Path::new(MINI);
    // The edited corpus: the act's prohibitions apply three years later.
    let after = tmp.0.join("corpus-after");
    copy_dir(before, &after);
    let act = after.join("xx/act.yaml");
    let text = std::fs::read_to_string(&act).unwrap();
    let moved = text.replace(
        "{ id: applies_prohibitions, kind: applies_from, date: 2024-06-01",
        "{ id: applies_prohibitions, kind: applies_from, date: 2027-06-01",
    );
    assert_ne!(text, moved, "the fixture's date was found");
    std::fs::write(&act, moved).unwrap();

    let db = format!("sqlite://{}", tmp.0.join("inventory.db").display());
    let jsonl = tmp.0.join("subjects.jsonl");
    std::fs::write(
        &jsonl,
        format!(
            "{}\n{}\n",
            manifest("screener-xx", "XX", "XX"),
            manifest("screener-ca", "US-CA", "US")
        ),
    )
    .unwrap();
    let jsonl = jsonl.to_str().unwrap();

    assert_eq!(
        run(before, &db, &["import", jsonl]).trim(),
        "imported 2 entries"
    );
    let listed: Value =
        serde_json::from_str(&run(before, &db, &["list", "--format", "json"])).unwrap();
    let names: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert_eq!(names.len(), 2);
    assert!(
        names.contains(&"screener-xx") && names.contains(&"screener-ca"),
        "{names:?}"
    );
    let id_of = |name: &str| {
        listed
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["name"] == name)
            .unwrap()["id"]
            .as_str()
            .unwrap()
            .to_string()
    };

    // First run: nothing recorded yet, every subject assessed and recorded.
    let reassess = |corpus: &Path, format: &str| {
        run(
            corpus,
            &db,
            &["reassess", "--as-of", "2026-01-01", "--format", format],
        )
    };
    let first: Value = serde_json::from_str(&reassess(before, "json")).unwrap();
    assert_eq!(first["first_assessed"], 2);
    assert_eq!(first["changed"], serde_json::json!([]));
    assert_eq!(first["corpus_before"], serde_json::json!([]));

    // The same corpus again: nothing changed.
    let same: Value = serde_json::from_str(&reassess(before, "json")).unwrap();
    assert_eq!(
        (same["unchanged"].as_u64(), same["first_assessed"].as_u64()),
        (Some(2), Some(0))
    );

    // The edited corpus: only the subject in XX changed, and its prohibition-dated rules say how.
    let edited: Value = serde_json::from_str(&reassess(&after, "json")).unwrap();
    assert_eq!(edited["subjects"], 2);
    assert_eq!(edited["unchanged"], 1);
    assert_ne!(edited["corpus_after"], first["corpus_after"]);
    assert_eq!(
        edited["corpus_before"],
        serde_json::json!([first["corpus_after"]])
    );
    let changed = edited["changed"].as_array().unwrap();
    assert_eq!(changed.len(), 1, "{edited:#}");
    let c = &changed[0];
    assert_eq!(c["subject_id"], id_of("screener-xx").as_str());
    assert_eq!(c["name"], "screener-xx");
    assert!(
        c["changed"].as_array().unwrap().contains(
            &serde_json::json!({"rule": "xx_act.scope", "before": "in_effect", "after": "upcoming"})
        ),
        "{c:#}"
    );

    // Back to the first corpus, as text: the same subject changes back; the other one is not named.
    let text = reassess(before, "text");
    assert!(
        text.contains("1 changed, 1 unchanged, 0 assessed for the first time."),
        "{text}"
    );
    assert!(
        text.contains(&format!("{}  screener-xx", id_of("screener-xx"))),
        "{text}"
    );
    let line = text
        .lines()
        .find(|l| l.contains("xx_act.scope"))
        .unwrap_or_else(|| panic!("no line for xx_act.scope in:\n{text}"));
    assert!(
        line.trim_start().starts_with("changed") && line.ends_with("upcoming -> in_effect"),
        "{line}"
    );
    assert!(
        !text.contains("screener-ca") && !text.contains(&id_of("screener-ca")),
        "{text}"
    );
}

#[test]
fn an_import_that_does_not_fit_the_corpus_imports_nothing() {
    let tmp =
        Temp(std::env::temp_dir().join(format!("aigov-cli-inventory-bad-{}", std::process::id())));
    let _ = std::fs::remove_dir_all(&tmp.0);
    std::fs::create_dir_all(&tmp.0).unwrap();
    let db = format!("sqlite://{}", tmp.0.join("inventory.db").display());
    let jsonl = tmp.0.join("subjects.jsonl");
    std::fs::write(
        &jsonl,
        format!(
            "{}\n{{\"subject\": \"ai_system\", \"ai_system\": {{\"no_such_fact\": true}}}}\n",
            manifest("fine", "XX", "XX")
        ),
    )
    .unwrap();
    let out = Command::new(BIN)
        .arg("--corpus")
        .arg(MINI)
        .args(["inventory", "import", jsonl.to_str().unwrap(), "--db", &db])
        .env_remove("AIGOV_DATABASE_URL")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("line 2") && err.contains("nothing was imported"),
        "{err}"
    );
    assert_eq!(
        run(Path::new(MINI), &db, &["list", "--format", "json"]).trim(),
        "[]"
    );
}
