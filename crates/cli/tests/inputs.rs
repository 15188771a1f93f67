//! Inputs that cannot pass wrong (issue 13), end to end against the embedded corpus: unknown jurisdictions,
//! the `--fail-on` gate on undetermined classifications, repeated keys, foreign sections, negative numbers,
//! encodings, size limits, what errors quote, bad batch lines, and `assess` agreeing with `assess --batch`.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_aigov");
const MINI: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../corpus/tests/fixtures/mini");

fn example(name: &str) -> String {
    format!("{}/../../examples/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[derive(Debug)]
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    /// stderr without whitespace and box-drawing characters, so that miette's wrapping does not matter.
    fn err_has(&self, needle: &str) -> bool {
        squash(&self.stderr).contains(&squash(needle))
    }
}

fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '│' | '·' | '╭' | '╰' | '─' | '▲'))
        .collect()
}

fn run_env(args: &[&str], env: &[(&str, &str)]) -> Run {
    let out = Command::new(BIN)
        .args(args)
        .envs(env.iter().copied())
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .expect("the aigov binary runs");
    let r = Run {
        code: out.status.code().expect("exited normally, not by a signal"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    };
    assert!(
        !r.stderr.contains("panicked"),
        "{args:?} panicked:\n{}",
        r.stderr
    );
    r
}

fn aigov(args: &[&str]) -> Run {
    run_env(args, &[])
}

/// A temporary folder, removed when dropped (a big input is 13 MB, and hundreds of test runs add up).
struct TempDir(PathBuf);

impl std::ops::Deref for TempDir {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn temp_dir(name: &str) -> TempDir {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "aigov-inputs-{}-{}-{name}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    TempDir(dir)
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p.display().to_string()
}

fn json(s: &str) -> serde_json::Value {
    serde_json::from_str(s).unwrap_or_else(|e| panic!("not JSON ({e}):\n{s}"))
}

// ------------------------------------------------------------------------------------------ jurisdictions

#[test]
fn an_unknown_jurisdiction_is_an_error_not_an_empty_answer() {
    // The system is prohibited in the EU: a typo in the filter must not turn that into "no rule applies".
    let file = example("workplace-emotion-recognition.yaml");
    assert_eq!(
        aigov(&["assess", &file, "--as-of", "2026-11-28", "-j", "EU"]).code,
        1
    );
    let r = aigov(&["assess", &file, "--as-of", "2026-11-28", "-j", "FR"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.err_has("unknown jurisdiction `FR`"), "{}", r.stderr);
    assert!(
        r.err_has("did you mean `EU`?"),
        "FR is in the EU: {}",
        r.stderr
    );
    let r = aigov(&["assess", &file, "--as-of", "2026-11-28", "-j", "JP"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.err_has("EU, US"),
        "the known codes are listed: {}",
        r.stderr
    );
    let r = aigov(&["assess", &file, "--as-of", "2026-11-28", "-j", "US-CAL"]);
    assert_eq!(r.code, 2);
    assert!(r.err_has("did you mean `US-CA`?"), "{}", r.stderr);
    // Containing regions and any case are known.
    for ok in ["US", "us-ca", "US-NY", "US-NY-NYC", "eu"] {
        let r = aigov(&["assess", &file, "--as-of", "2026-11-28", "-j", ok]);
        assert_ne!(r.code, 2, "{ok}: {}", r.stderr);
    }
    // The other commands that filter by jurisdiction check too.
    for args in [
        vec![
            "diff",
            &file,
            "--from",
            "2025-01-01",
            "--to",
            "2026-11-28",
            "-j",
            "FR",
        ],
        vec!["timeline", &file, "-j", "FR"],
        vec!["assess", "--batch", &file, "-j", "FR"],
    ] {
        let r = aigov(&args);
        assert_eq!(r.code, 2, "{args:?}");
        assert!(
            r.err_has("unknown jurisdiction `FR`"),
            "{args:?}: {}",
            r.stderr
        );
    }
}

// ---------------------------------------------------------------------------------------- --fail-on gate

#[test]
fn fail_on_does_not_pass_when_the_tier_is_only_undetermined() {
    let dir = temp_dir("gate");
    // A deployer in Germany: whether the system is high-risk is undetermined (its uses are not given).
    let open = write(
        &dir,
        "open.yaml",
        "subject: ai_system\nai_system:\n  roles: [deployer]\n  used_in: [DE]\n",
    );
    let r = aigov(&[
        "assess",
        &open,
        "--as-of",
        "2026-11-28",
        "--fail-on",
        "high",
    ]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.err_has("the gate fails"), "{}", r.stderr);
    assert!(r.err_has("undetermined"), "{}", r.stderr);
    assert!(
        r.err_has("ai_system.annex3_uses"),
        "the facts to give: {}",
        r.stderr
    );
    assert!(r.err_has("--undetermined pass"), "{}", r.stderr);
    // An explicit choice lets it pass, and says so.
    let r = aigov(&[
        "assess",
        &open,
        "--as-of",
        "2026-11-28",
        "--fail-on",
        "high",
        "--undetermined",
        "pass",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.err_has("the gate passes"), "{}", r.stderr);
    // Settled below the tier: passes without a word; settled at the tier: fails.
    let chatbot = example("customer-service-chatbot.yaml");
    let r = aigov(&[
        "assess",
        &chatbot,
        "--as-of",
        "2026-11-28",
        "--fail-on",
        "high",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.err_has("undetermined"), "{}", r.stderr);
    let cv = example("cv-screening-saas.yaml");
    assert_eq!(
        aigov(&["assess", &cv, "--as-of", "2026-11-28", "--fail-on", "high"]).code,
        1
    );
    // --undetermined needs --fail-on; --fail-on is not silently ignored by --batch.
    assert_eq!(aigov(&["assess", &open, "--undetermined", "pass"]).code, 2);
    let r = aigov(&["assess", "--batch", &open, "--fail-on", "high"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.err_has("cannot be used with"), "{}", r.stderr);
}

// ------------------------------------------------------------------------------------------- manifests

#[test]
fn a_repeated_key_is_an_error_at_its_line() {
    let dir = temp_dir("dup");
    let yaml = write(
        &dir,
        "dup.yaml",
        "subject: ai_system\nname: x\nsubject: model\n",
    );
    let r = aigov(&["assess", &yaml]);
    assert_eq!(r.code, 2);
    assert!(r.err_has("dup.yaml:3:1"), "{}", r.stderr);
    assert!(r.err_has("duplicate key `subject`"), "{}", r.stderr);
    let json_file = write(
        &dir,
        "dup.json",
        r#"{"subject": "model", "model": {"training_compute_flop": 1e26, "training_compute_flop": 1e20}}"#,
    );
    let r = aigov(&["assess", &json_file]);
    assert_eq!(r.code, 2);
    assert!(r.err_has("dup.json:1:"), "{}", r.stderr);
    assert!(
        r.err_has("duplicate key `training_compute_flop`"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_section_for_another_subject_kind_is_an_error_naming_the_fix() {
    let dir = temp_dir("foreign");
    let f = write(
        &dir,
        "m.yaml",
        "subject: ai_system\nai_system:\n  roles: [provider]\nmodel:\n  training_compute_flop: 1e26\n",
    );
    let r = aigov(&["assess", &f]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.err_has("m.yaml:4:1"), "{}", r.stderr);
    assert!(r.err_has("section `model`"), "{}", r.stderr);
    assert!(r.err_has("subject: model"), "the fix: {}", r.stderr);
    // An export's item section is read by the export rules: allowed (the example assesses).
    let r = aigov(&[
        "assess",
        &example("export-h20-nvidia-china.yaml"),
        "--as-of",
        "2026-11-28",
    ]);
    assert_ne!(r.code, 2, "{}", r.stderr);
}

#[test]
fn negative_and_non_finite_numbers_are_refused_with_their_place() {
    let dir = temp_dir("neg");
    for (name, text, place) in [
        (
            "neg.yaml",
            "subject: model\nmodel:\n  training_compute_flop: -1e26\n",
            "neg.yaml:3:3",
        ),
        (
            "inf.yaml",
            "subject: model\nmodel:\n  training_compute_flop: .inf\n",
            "inf.yaml:3:",
        ),
        (
            "emp.json",
            r#"{"subject":"model","organization":{"employees":-4}}"#,
            "organization.employees",
        ),
        (
            "nan.toml",
            "subject = \"model\"\n[model]\nparameters_count = nan\n",
            "nan.toml:3:",
        ),
    ] {
        let f = write(&dir, name, text);
        let r = aigov(&["assess", &f]);
        assert_eq!(r.code, 2, "{name}: {}", r.stderr);
        assert!(r.err_has(place), "{name}: {}", r.stderr);
    }
}

#[test]
fn unknown_region_codes_are_errors_naming_the_place() {
    let dir = temp_dir("regions");
    let f = write(
        &dir,
        "r.yaml",
        "subject: ai_system\nai_system:\n  used_in: [DE, UK]\n",
    );
    let r = aigov(&["assess", &f]);
    assert_eq!(r.code, 2);
    assert!(r.err_has("`ai_system.used_in[1]`"), "{}", r.stderr);
    assert!(r.err_has("\"GB\""), "{}", r.stderr);
}

#[test]
fn a_byte_order_mark_is_read_and_non_utf8_is_reported_by_byte_offset() {
    let dir = temp_dir("enc");
    let text = std::fs::read(example("workplace-emotion-recognition.yaml")).unwrap();
    let plain = aigov(&[
        "assess",
        &example("workplace-emotion-recognition.yaml"),
        "--as-of",
        "2026-11-28",
    ]);
    let mut bom = b"\xef\xbb\xbf".to_vec();
    bom.extend(&text);
    let f = write(&dir, "bom.yaml", &bom);
    let r = aigov(&["assess", &f, "--as-of", "2026-11-28"]);
    assert_eq!(
        (r.code, r.stdout.as_str()),
        (plain.code, plain.stdout.as_str())
    );
    let f = write(&dir, "latin1.yaml", b"subject: model\nname: caf\xe9\n");
    let r = aigov(&["assess", &f]);
    assert_eq!(r.code, 2);
    assert!(
        r.err_has("byte offset 24 (line 2, column 10)"),
        "{}",
        r.stderr
    );
    assert!(!r.err_has("check the path and permissions"), "{}", r.stderr);
}

#[test]
fn an_error_in_a_multi_megabyte_line_quotes_a_window_of_it() {
    let dir = temp_dir("big");
    let long = "x".repeat(6 << 20);
    let f = write(
        &dir,
        "big.json",
        format!("{{\"subject\":\"model\",\"name\":\"{long}\" \"model\": 1}}"),
    );
    let start = Instant::now();
    let r = aigov(&["assess", &f]);
    assert!(start.elapsed() < Duration::from_secs(20));
    assert_eq!(r.code, 2);
    assert!(r.stderr.len() < 2_000, "{} bytes of stderr", r.stderr.len());
    assert!(r.err_has("big.json:1:6291486"), "{}", r.stderr);
    assert!(r.stderr.contains('…'), "the cut is marked: {}", r.stderr);
    // A value quoted in a message is clipped too.
    let f = write(
        &dir,
        "value.json",
        format!("{{\"subject\":\"model\",\"model\":{{\"training_compute_flop\":\"{long}\"}}}}"),
    );
    let r = aigov(&["assess", &f]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.len() < 2_000, "{} bytes of stderr", r.stderr.len());
    assert!(r.err_has("model.training_compute_flop"), "{}", r.stderr);
}

#[test]
fn a_manifest_over_the_size_limit_is_refused_naming_the_limit() {
    let dir = temp_dir("limit");
    let f = write(
        &dir,
        "big.yaml",
        format!("subject: model\nname: {}\n", "x".repeat(2 << 20)),
    );
    let r = run_env(&["assess", &f], &[("AIGOV_MAX_INPUT_MB", "1")]);
    assert_eq!(r.code, 2);
    assert!(r.err_has("larger than the limit of 1 MiB"), "{}", r.stderr);
    assert!(r.err_has("AIGOV_MAX_INPUT_MB"), "{}", r.stderr);
    let r = run_env(
        &["assess", &f, "--as-of", "2026-11-28"],
        &[("AIGOV_MAX_INPUT_MB", "4")],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        run_env(&["assess", &f], &[("AIGOV_MAX_INPUT_MB", "lots")]).code,
        2
    );
}

#[test]
fn a_bad_corpus_file_is_reported_by_its_own_name() {
    let dir = temp_dir("corpus");
    let status = Command::new("cp")
        .args(["-r", MINI, dir.join("c").to_str().unwrap()])
        .status()
        .unwrap();
    assert!(status.success());
    let corpus = dir.join("c");
    std::fs::write(corpus.join("xx/broken.yaml"), b"id: caf\xe9\n").unwrap();
    let r = aigov(&["--corpus", corpus.to_str().unwrap(), "corpus", "lint"]);
    assert_eq!(r.code, 2);
    assert!(r.err_has("xx/broken.yaml:1:8"), "{}", r.stderr);
    assert!(r.err_has("byte offset 7"), "{}", r.stderr);
}

// ---------------------------------------------------------------------------------------------- batch

#[test]
fn a_bad_batch_line_is_reported_by_number_and_the_run_goes_on() {
    let dir = temp_dir("batch");
    let good = r#"{"subject":"model","model":{"training_compute_flop":1e26}}"#;
    let mut input = Vec::new();
    input.extend(b"\xef\xbb\xbf");
    input.extend(good.as_bytes());
    input.extend(b"\n{\"subject\":\"model\",\"name\":\"caf\xe9\"}\n");
    input.extend(
        format!(
            "{{\"subject\":\"model\",\"name\":\"{}\"}}\n",
            "y".repeat(2 << 20)
        )
        .as_bytes(),
    );
    input.extend(b"{\"subject\":\"model\",\"subject\":\"ai_system\"}\n");
    input.extend(b"\n");
    input.extend(good.as_bytes());
    input.extend(b"\n");
    let f = write(&dir, "in.jsonl", &input);
    let r = run_env(
        &["assess", "--batch", &f, "--as-of", "2026-11-28"],
        &[("AIGOV_MAX_INPUT_MB", "1")],
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    let lines: Vec<serde_json::Value> = r.stdout.lines().map(json).collect();
    let numbers: Vec<u64> = lines.iter().map(|l| l["line"].as_u64().unwrap()).collect();
    assert_eq!(
        numbers,
        [1, 2, 3, 4, 6],
        "every line but the blank one, in order"
    );
    assert!(
        lines[0].get("error").is_none(),
        "a BOM on line 1 is skipped"
    );
    assert!(
        lines[1]["error"].as_str().unwrap().contains("not UTF-8"),
        "{}",
        lines[1]
    );
    assert!(
        lines[1]["error"].as_str().unwrap().contains("column 31"),
        "{}",
        lines[1]
    );
    assert!(
        lines[2]["error"]
            .as_str()
            .unwrap()
            .contains("limit of 1 MiB"),
        "{}",
        lines[2]
    );
    assert!(
        lines[3]["error"]
            .as_str()
            .unwrap()
            .contains("duplicate key"),
        "{}",
        lines[3]
    );
    assert_eq!(
        lines[4]["subject"], "model",
        "the good line after the bad ones is kept"
    );
    assert_eq!(lines[0]["undetermined"], lines[4]["undetermined"]);
    assert!(r.err_has("bad line(s): 2, 3, 4"), "{}", r.stderr);
}

/// Each example as one JSON line.
fn examples_as_jsonl() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let mut out = Vec::new();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    paths.sort();
    for p in paths {
        let text = std::fs::read_to_string(&p).unwrap();
        let v: serde_json::Value = serde_yaml_ng::from_str(&text).unwrap();
        out.push((p.display().to_string(), serde_json::to_string(&v).unwrap()));
    }
    assert!(out.len() >= 16);
    out
}

#[test]
fn assess_and_batch_report_the_same_statuses_for_every_example() {
    let dir = temp_dir("parity");
    let examples = examples_as_jsonl();
    let jsonl: String = examples.iter().map(|(_, l)| format!("{l}\n")).collect();
    let input = write(&dir, "examples.jsonl", jsonl);
    for date in ["2025-06-01", "2026-11-28", "2028-01-01"] {
        let summary = aigov(&["assess", "--batch", &input, "--as-of", date]);
        assert_eq!(summary.code, 0, "{}", summary.stderr);
        let full = aigov(&["assess", "--batch", &input, "--as-of", date, "--full"]);
        assert_eq!(full.code, 0, "{}", full.stderr);
        let summary: Vec<serde_json::Value> = summary.stdout.lines().map(json).collect();
        let full: Vec<serde_json::Value> = full.stdout.lines().map(json).collect();
        assert_eq!(summary.len(), examples.len());
        let mut linked = 0;
        for (i, (path, _)) in examples.iter().enumerate() {
            let single = aigov(&["assess", path, "--as-of", date, "--format", "json"]);
            assert_ne!(single.code, 2, "{path}: {}", single.stderr);
            let single = json(&single.stdout);
            // A manifest of linked subjects is one batch line carrying every subject, in the manifest's order:
            // compare subject by subject.
            if single["kind"] == "linked_assessment" {
                linked += 1;
                let ids = |v: &serde_json::Value| -> Vec<String> {
                    v["subjects"]
                        .as_array()
                        .unwrap_or_else(|| panic!("{path}: no subjects in {v}"))
                        .iter()
                        .map(|s| s["id"].as_str().unwrap().to_string())
                        .collect()
                };
                assert_eq!(ids(&summary[i]), ids(&single), "{path}");
                assert_eq!(ids(&full[i]), ids(&single), "{path}");
                assert_eq!(summary[i]["prohibited"], single["prohibited"], "{path}");
                assert_eq!(full[i]["prohibited"], single["prohibited"], "{path}");
                for (k, s) in single["subjects"].as_array().unwrap().iter().enumerate() {
                    let f = &full[i]["subjects"][k];
                    assert!(
                        f["findings"].as_array().is_some_and(
                            |l| !l.is_empty() && l.iter().all(|x| x["subject_id"] == s["id"])
                        ),
                        "{path}: each finding of {} names it",
                        s["id"]
                    );
                    same_statuses(path, date, s, f, &summary[i]["subjects"][k]);
                }
                continue;
            }
            same_statuses(path, date, &single, &full[i], &summary[i]);
        }
        assert!(linked >= 2, "the linked examples are assessed in the batch");
    }
}

/// `single` (`aigov assess --format json`), `full` (`--batch --full`) and `summary` (`--batch`) give every rule the
/// same status.
fn same_statuses(
    path: &str,
    date: &str,
    single: &serde_json::Value,
    full: &serde_json::Value,
    summary: &serde_json::Value,
) {
    let statuses = |v: &serde_json::Value| -> Vec<(String, String)> {
        let mut s: Vec<(String, String)> = v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                (
                    f["rule"].as_str().unwrap().to_string(),
                    f["status"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        s.sort();
        s
    };
    assert_eq!(
        statuses(full),
        statuses(single),
        "{path} as of {date} (--full)"
    );
    assert_eq!(full["prohibited"], single["prohibited"], "{path}");
    // The summary's lists are the single assessment's statuses (undetermined leaves out ended rules).
    let ids = |status: &str, skip_ended: bool| -> Vec<String> {
        let mut v: Vec<String> = single["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["status"] == status)
            .filter(|f| !(skip_ended && f["timing"] == "ended"))
            .map(|f| f["rule"].as_str().unwrap().to_string())
            .collect();
        v.sort();
        v
    };
    let listed = |key: &str| -> Vec<String> {
        let mut v: Vec<String> = summary[key]
            .as_array()
            .map(|a| a.iter().map(|x| x.as_str().unwrap().to_string()).collect())
            .unwrap_or_default();
        v.sort();
        v
    };
    for (key, skip_ended) in [
        ("in_effect", false),
        ("upcoming", false),
        ("suspended", false),
        ("undetermined", true),
    ] {
        assert_eq!(
            listed(key),
            ids(key, skip_ended),
            "{path} as of {date}: {key}"
        );
    }
    assert_eq!(summary["prohibited"], single["prohibited"], "{path}");
}

#[test]
fn a_value_outside_the_vocabulary_gets_a_suggestion_and_the_whole_list() {
    let dir = temp_dir("vocab-hint");
    let bad = write(
        &dir,
        "bad.yaml",
        "subject: ai_system\nai_system:\n  annex3_uses: [recruitment_selection]\n",
    );
    let r = aigov(&["assess", &bad, "--as-of", "2026-12-07"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.err_has("\"recruitment_selection\" is not an allowed value"),
        "{}",
        r.stderr
    );
    // The value that shares its word is suggested, though its spelling is far.
    assert!(
        r.err_has("did you mean \"employment_recruitment\"?"),
        "{}",
        r.stderr
    );
    let other = write(
        &dir,
        "other.yaml",
        "subject: ai_system\nai_system:\n  annex3_uses: [toaster]\n",
    );
    let r = aigov(&["assess", &other, "--as-of", "2026-12-07"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    // With nothing close, every allowed value is listed, none cut out of the middle.
    assert!(!r.stderr.contains('…'), "{}", r.stderr);
    for v in [
        "remote_biometric_identification",
        "employment_recruitment",
        "election_influence",
    ] {
        assert!(r.err_has(v), "{v}: {}", r.stderr);
    }
}
