//! `--lang zh-CN` leaves no English of aigov's own in a report. The Chinese output of `assess`, `explain`,
//! `timeline`, `diff`, `changes`, `map`, `export classify`, `plan` and `compare` on the examples is scanned for
//! runs of two or more English words; each run must be text the report prints as written — a corpus, control,
//! catalog or manifest text (a US rule's summary, an official citation, a product's name) — or one of the few
//! entries of [`ALLOWED`]. Anything else is a label, heading or sentence of aigov's that was not translated, and
//! fails the test with its command and line. (`screen` has its own test in lang_zh_commands.rs: it needs lists.)

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_aigov");
const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
const AS_OF: &str = "2026-11-28";

/// English that may appear although no data file holds it as written (terms of art kept in English on purpose).
/// Empty: every run the reports print today is a data text; add an entry only with the reason beside it.
const ALLOWED: &[&str] = &[];

fn zh(args: &[&str]) -> String {
    let out = Command::new(BIN)
        .args(args)
        .args(["--lang", "zh-CN", "--color", "never"])
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .output()
        .expect("the binary runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    // A one-subject command given a manifest of linked subjects refuses it: nothing to scan.
    if stderr.contains("takes a manifest of one subject") {
        return String::new();
    }
    assert!(
        out.status.code().is_some_and(|c| c == 0 || c == 1),
        "{args:?}: {stderr}"
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// Every `.yaml` file under `dir`, recursively.
fn yaml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            yaml_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "yaml" || x == "yml") {
            out.push(p);
        }
    }
}

fn strings(v: &serde_yaml_ng::Value, out: &mut String) {
    match v {
        serde_yaml_ng::Value::String(s) => {
            out.push_str(&normalize(s));
            out.push('\n');
        }
        serde_yaml_ng::Value::Sequence(items) => items.iter().for_each(|i| strings(i, out)),
        serde_yaml_ng::Value::Mapping(m) => m.values().for_each(|i| strings(i, out)),
        serde_yaml_ng::Value::Tagged(t) => strings(&t.value, out),
        _ => {}
    }
}

fn normalize(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every text of the corpus (not its translations), the controls, the chip catalog and the example manifests:
/// what a report may print as written.
fn data_texts() -> String {
    let mut files = Vec::new();
    for dir in ["corpus", "controls", "catalog", "examples"] {
        yaml_files(&Path::new(ROOT).join(dir), &mut files);
    }
    let mut out = String::new();
    for f in files {
        if f.components().any(|c| c.as_os_str() == "i18n") {
            continue;
        }
        let text = std::fs::read_to_string(&f).expect("readable");
        if let Ok(v) = serde_yaml_ng::from_str::<serde_yaml_ng::Value>(&text) {
            strings(&v, &mut out);
        }
    }
    out
}

/// Whether `c` belongs to Chinese text (ideographs, CJK and full-width punctuation, Chinese quotes).
fn chinese(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF)
        || matches!(c, '“' | '”' | '‘' | '’' | '《' | '》')
}

/// A word of English: letters only, two or more, not all capitals (an acronym such as `EU` or `TPP`).
fn english_word(token: &str) -> bool {
    let t = token.trim_matches(|c: char| !c.is_ascii_alphanumeric());
    t.len() >= 2
        && t.chars().all(|c| c.is_ascii_alphabetic())
        && t.chars().any(|c| c.is_ascii_lowercase())
        // A word inside an id (`in_effect`, `eu_ai_act.art5`) is no word.
        && !token.contains(['_', '.', '/', '='])
}

/// Whether `piece` is a list of ids (a question's allowed values: `recruitment, hiring, task_allocation`).
fn ids_only(piece: &str) -> bool {
    piece.contains(',')
        && piece
            .split([',', ' ', '"'])
            .filter(|t| !t.is_empty())
            .all(|t| {
                t.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            })
}

fn has_english_run(piece: &str) -> bool {
    if ids_only(piece) {
        return false;
    }
    let words: Vec<bool> = piece.split_whitespace().map(english_word).collect();
    words.windows(2).any(|w| w[0] && w[1])
}

/// The pieces of English text of a line: its runs between Chinese characters, cut at the separators reports put
/// between texts (` — `, ` · `, `; `, brackets), without URLs, ids and code spans.
fn pieces(line: &str) -> Vec<String> {
    let mut clean = String::new();
    let mut in_code = false;
    for word in line.split(' ') {
        if !clean.is_empty() {
            clean.push(' ');
        }
        // URLs, and ids (`us_ca_sb53.frontier_model`, `in_effect`) that reports put beside texts, break a run.
        if word.contains("http://") || word.contains("https://") || word.contains('_') {
            clean.push('|');
            continue;
        }
        clean.push_str(word);
    }
    let mut segs = vec![String::new()];
    for c in clean.chars() {
        if c == '`' {
            in_code = !in_code;
            segs.push(String::new());
            continue;
        }
        if in_code {
            continue;
        }
        if chinese(c) || matches!(c, '—' | '·' | '|' | '[' | ']' | '•' | '→' | '←') {
            segs.push(String::new());
        } else if let Some(s) = segs.last_mut() {
            s.push(c);
        }
    }
    let trim = |s: &str| {
        s.trim_matches(|c: char| {
            c.is_whitespace()
                || matches!(
                    c,
                    '.' | ','
                        | ';'
                        | ':'
                        | '('
                        | ')'
                        | '"'
                        | '\''
                        | '*'
                        | '#'
                        | '-'
                        | '>'
                        | '?'
                        | '✓'
                        | '✗'
                        | '├'
                        | '└'
                        | '│'
                        | '─'
                        | '='
                        | '+'
                )
        })
        .to_string()
    };
    segs.iter()
        .flat_map(|s| s.split("; ").map(trim).collect::<Vec<_>>())
        .filter(|p| has_english_run(p))
        .collect()
}

/// The runs of English in `out` that no data file holds and [`ALLOWED`] does not name, with their lines.
fn unknown_runs(data: &str, out: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for line in out.lines() {
        for p in pieces(line) {
            let known = data.contains(&normalize(&p)) || ALLOWED.iter().any(|a| p.contains(a));
            if !known {
                found.push((p, line.trim().to_string()));
            }
        }
    }
    found
}

/// The scan sees aigov's English: the English report of an example is full of it (so the Chinese test would
/// catch a label that falls back to English), while the corpus's own texts in it pass.
#[test]
fn the_scan_finds_aigovs_english_in_an_english_report() {
    let data = data_texts();
    let m = Path::new(ROOT).join("examples/cv-screening-eu-us.yaml");
    let out = Command::new(BIN)
        .args(["assess", m.to_str().expect("UTF-8"), "--as-of", AS_OF])
        .args(["--lang", "en-US", "--color", "never"])
        .output()
        .expect("the binary runs");
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let runs = unknown_runs(&data, &text);
    let runs: Vec<&str> = runs.iter().map(|(p, _)| p.as_str()).collect();
    for label in [
        "applies from 2027-12-02",
        "in effect since 2025-12-11",
        "must: Take measures",
        "By jurisdiction",
    ] {
        assert!(
            runs.iter().any(|r| r.contains(label)),
            "`{label}` not found among {runs:#?}"
        );
    }
    // An EU duty is corpus text, printed as written: not reported after a Chinese label, reported after an English
    // one.
    let duty = "Take measures to support the development of AI literacy of staff and others operating AI systems on your behalf.";
    assert!(unknown_runs(&data, &format!("应当：{duty}")).is_empty());
    assert_eq!(unknown_runs(&data, &format!("must: {duty}")).len(), 1);
}

#[test]
fn chinese_reports_hold_no_english_of_aigovs_own() {
    let data = data_texts();
    let examples = Path::new(ROOT).join("examples");
    let mut manifests: Vec<PathBuf> = std::fs::read_dir(&examples)
        .expect("examples")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    manifests.sort();
    let mut runs: Vec<(String, String)> = Vec::new();
    let mut scan = |what: String, out: String| {
        for (p, line) in unknown_runs(&data, &out) {
            runs.push((what.clone(), format!("{p}    <- {line}")));
        }
    };
    for m in &manifests {
        let path = m.to_str().expect("UTF-8 path");
        let name = m.file_name().and_then(|n| n.to_str()).unwrap_or("?");
        scan(
            format!("assess {name}"),
            zh(&["assess", path, "--as-of", AS_OF]),
        );
        scan(
            format!("timeline {name}"),
            zh(&["timeline", path, "--as-of", AS_OF]),
        );
        scan(
            format!("diff {name}"),
            zh(&["diff", path, "--from", "2024-01-01", "--to", AS_OF]),
        );
        scan(
            format!("plan {name}"),
            zh(&["plan", path, "--as-of", AS_OF]),
        );
    }
    for (manifest, rule) in [
        (
            "cn-genai-chatbot.yaml",
            "cn_genai_measures.art17_assessment_filing",
        ),
        ("cv-screening-eu-us.yaml", "eu_ai_act.annex3_4_a"),
        ("cv-screening-eu-us.yaml", "us_il_aivia.notice"),
        (
            "colorado-high-risk-deployer.yaml",
            "us_co_sb24_205.deployer_consumer_notices",
        ),
        (
            "export-h20-nvidia-china.yaml",
            "us_ear.decision_licence_required",
        ),
        (
            "cn-medical-data-transfer.yaml",
            "cn_xborder.route_security_assessment",
        ),
    ] {
        let path = examples.join(manifest);
        scan(
            format!("explain {manifest} {rule}"),
            zh(&[
                "explain",
                path.to_str().expect("UTF-8"),
                rule,
                "--as-of",
                AS_OF,
            ]),
        );
    }
    scan(
        "changes".into(),
        zh(&["changes", "--from", "2025-01-01", "--to", AS_OF]),
    );
    let hr = examples.join("hr-tech-multistate.yaml");
    scan(
        "map".into(),
        zh(&["map", hr.to_str().expect("UTF-8"), "--as-of", AS_OF]),
    );
    for chip in ["A800", "H100", "H20"] {
        scan(
            format!("export classify {chip}"),
            zh(&["export", "classify", chip, "--as-of", AS_OF]),
        );
    }
    let three = examples.join("cn-eu-us-writing-assistant.yaml");
    scan(
        "compare".into(),
        zh(&[
            "compare",
            three.to_str().expect("UTF-8"),
            "-j",
            "EU",
            "-j",
            "US",
            "-j",
            "CN",
            "--as-of",
            AS_OF,
        ]),
    );
    let distinct: BTreeSet<&(String, String)> = runs.iter().collect();
    assert!(
        distinct.is_empty(),
        "{} English run(s) of aigov's own in Chinese reports:\n{}",
        distinct.len(),
        distinct
            .iter()
            .map(|(w, l)| format!("  {w}: {l}"))
            .collect::<Vec<_>>()
            .join("\n")
    );
}
