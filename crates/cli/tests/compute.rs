//! `aigov compute`: training compute given or estimated, with the arithmetic, against the corpus thresholds on a
//! date (the embedded corpus: its dated compute thresholds are the point).

use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_aigov");

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(BIN)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs");
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    (out.status.code().unwrap_or(-1), stdout, stderr)
}

fn json(args: &[&str]) -> serde_json::Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let (code, out, err) = run(&all);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).expect("JSON output")
}

fn threshold<'a>(v: &'a serde_json::Value, parameter: &str) -> &'a serde_json::Value {
    v["thresholds"]
        .as_array()
        .expect("thresholds")
        .iter()
        .find(|t| t["parameter"] == parameter)
        .unwrap_or_else(|| panic!("no threshold {parameter} in {v}"))
}

#[test]
fn six_n_d_and_hardware_estimates_show_their_arithmetic() {
    let v = json(&[
        "compute",
        "--parameters",
        "4.05e11",
        "--tokens",
        "1.56e13",
        "--accelerators",
        "16384",
        "--peak-flops",
        "9.89e14",
        "--utilization",
        "0.4",
        "--days",
        "54",
        "--as-of",
        "2026-11-28",
    ]);
    let e = v["estimates"].as_array().expect("estimates");
    assert_eq!(e.len(), 2);
    assert_eq!(e[0]["arithmetic"], "6 * 4.05e11 * 1.56e13 = 3.7908e25");
    assert_eq!(e[0]["used"], true);
    assert_eq!(e[1]["used"], false);
    let hw = e[1]["flop"].as_f64().expect("number");
    assert!((hw - 16384.0 * 9.89e14 * 0.4 * 54.0 * 86400.0).abs() / hw < 1e-12);
    assert_eq!(v["flop"].as_f64(), Some(3.7908e25));
    // Above the EU's 10^25 presumption, below the US state 10^26 frontier tests.
    assert_eq!(
        threshold(&v, "eu_ai_act.gpai_systemic_risk_flop")["reached"],
        true
    );
}

#[test]
fn thresholds_carry_their_standing_on_the_date() {
    let before = json(&["compute", "--flop", "2e26", "--as-of", "2024-06-01"]);
    let after = json(&["compute", "--flop", "2e26", "--as-of", "2025-02-01"]);
    let find_eo = |v: &serde_json::Value| {
        v["thresholds"]
            .as_array()
            .expect("thresholds")
            .iter()
            .find(|t| {
                t["parameter"]
                    .as_str()
                    .is_some_and(|p| p.starts_with("us_eo_14110."))
                    && t["value"].as_f64() == Some(1e26)
            })
            .cloned()
            .expect("the EO 14110 threshold")
    };
    assert_eq!(find_eo(&before)["standing"], "in force");
    assert_eq!(find_eo(&before)["reached"], true);
    let s = find_eo(&after)["standing"]
        .as_str()
        .unwrap_or("")
        .to_string();
    assert!(s.starts_with("revoked 2025-01-20"), "{s}");
    // A law signed but not yet in force, and a proposal, say so.
    let now = json(&["compute", "--flop", "2e26", "--as-of", "2026-11-28"]);
    let standing_of = |prefix: &str| {
        now["thresholds"]
            .as_array()
            .expect("thresholds")
            .iter()
            .find(|t| {
                t["parameter"]
                    .as_str()
                    .is_some_and(|p| p.starts_with(prefix))
            })
            .map(|t| t["standing"].as_str().unwrap_or("").to_string())
            .unwrap_or_else(|| panic!("no threshold of {prefix}"))
    };
    assert_eq!(
        standing_of("us_ny_raise"),
        "enacted; in force from 2027-01-01"
    );
    assert_eq!(standing_of("us_bis_702_7"), "proposed 2024-09-11, not law");
    assert_eq!(standing_of("eu_ai_act."), "in force");
    // Text output names the method and the result.
    let (code, out, _) = run(&["compute", "--flop", "2e26", "--as-of", "2024-06-01"]);
    assert_eq!(code, 0);
    assert!(out.contains("given: 2e26 FLOP"), "{out}");
}

#[test]
fn missing_inputs_say_what_to_give_and_bad_inputs_exit_2() {
    let (code, out, _) = run(&["compute", "--parameters", "7e10", "--as-of", "2026-11-28"]);
    assert_eq!(code, 0);
    assert!(out.contains("Not enough inputs"), "{out}");
    let (code, _, err) = run(&["compute", "--utilization", "40", "--as-of", "2026-11-28"]);
    assert_eq!(code, 2);
    assert!(err.contains("between 0 and 1"), "{err}");
    let (code, _, err) = run(&["compute", "--days", "-3", "--as-of", "2026-11-28"]);
    assert_eq!(code, 2, "{err}");
    let cv = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/cv-screening-saas.yaml"
    );
    let (code, _, err) = run(&["compute", cv, "--as-of", "2026-11-28"]);
    assert_eq!(code, 2);
    assert!(err.contains("reads a model manifest"), "{err}");
    // A model manifest's own facts are used.
    let m = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/gpai-frontier-model.yaml"
    );
    let (code, out, err) = run(&["compute", m, "--as-of", "2026-11-28"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("given: "), "{out}");
}

/// `--lang zh-CN`: aigov's words, the instruments' short titles, the method and its source, the standings, the
/// dates and the thresholds' descriptions (corpus/i18n/zh-CN `parameters:`) are Chinese; none of the English labels
/// is left. JSON stays language-neutral.
#[test]
fn compute_speaks_chinese() {
    let example = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/gpai-frontier-model.yaml"
    );
    let zh = |extra: &[&str]| {
        let mut args = vec![
            "--lang",
            "zh-CN",
            "compute",
            example,
            "--parameters",
            "7e10",
            "--tokens",
            "1.5e13",
            "--as-of",
            "2026-09-01",
        ];
        args.extend(extra);
        let (code, out, err) = run(&args);
        assert_eq!(code, 0, "{err}");
        out
    };
    let text = zh(&[]);
    for label in [
        "截至 2026年9月1日 的训练算力",
        "给定值（采用）：5e25 FLOP",
        "参数量和训练词元数（6·N·D）：6.3e24 FLOP",
        "方法：",
        "语料库中截至 2026年9月1日 的算力阈值",
        "已达到",
        "未达到",
        "欧盟《人工智能法》 (第51条第2款) — 有效",
        "2025年1月20日被 第14148号行政令（首批撤销令） 撤销",
        "自 2025年5月13日起暂不执行",
        "2024年9月11日 提出，尚非法律",
        // A threshold's description, from the corpus's translation.
        "通用人工智能模型累计训练计算量超过该值时，推定其具有高影响能力，从而具有系统性风险。",
        "使用超过该运算次数的训练运行须报告（拟议）。",
    ] {
        assert!(text.contains(label), "`{label}` missing:\n{text}");
    }
    for english in [
        "Cumulative training compute above which",
        "would be reportable (proposed)",
        "Interim threshold",
        "above which a foundation model",
    ] {
        assert!(
            !text.contains(english),
            "English description `{english}` left in:\n{text}"
        );
    }
    let md = zh(&["--format", "markdown"]);
    assert!(
        md.contains("| 阈值 | 文书 | 状态 | 是否达到 | 参数 |"),
        "{md}"
    );
    for (what, out) in [("text", &text), ("markdown", &md)] {
        for english in [
            "Training compute as of",
            "Thresholds in the corpus",
            "given",
            "(used)",
            "method:",
            "parameters and training tokens",
            "AT/ABOVE",
            " below ",
            "unknown",
            "— in force",
            "| in force",
            "revoked 2025",
            "not law",
            "since 2025",
            "enacted;",
            "EU AI Act",
            "| threshold |",
        ] {
            assert!(
                !out.contains(english),
                "{what}: English `{english}` left in:\n{out}"
            );
        }
    }
    let (_, none, _) = run(&["--lang", "zh-CN", "compute", "--as-of", "2026-09-01"]);
    assert!(none.contains("输入不足"), "{none}");
    assert!(none.contains("未知"), "{none}");
    assert!(!none.contains("Not enough inputs"), "{none}");
    // JSON is the same in both languages.
    let en = json(&[
        "compute",
        example,
        "--parameters",
        "7e10",
        "--tokens",
        "1.5e13",
        "--as-of",
        "2026-09-01",
    ]);
    let zh_json: serde_json::Value =
        serde_json::from_str(&zh(&["--format", "json"])).expect("JSON output");
    assert_eq!(en, zh_json);
    assert_eq!(
        threshold(&zh_json, "eu_ai_act.gpai_systemic_risk_flop")["standing"],
        "in force"
    );
    assert!(
        threshold(&zh_json, "eu_ai_act.gpai_systemic_risk_flop")["description"]
            .as_str()
            .is_some_and(|d| d.starts_with("Cumulative training compute above which")),
        "{zh_json}"
    );
}

/// A manifest of linked subjects: the compute of every model, under a heading that names it, and the subjects
/// without compute facts named as skipped; a manifest with no model is refused listing its subjects.
#[test]
fn a_linked_manifest_computes_its_models_and_names_the_subjects_skipped() {
    let lab = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/frontier-lab-model-and-chatbot.yaml"
    );
    let (code, text, err) = run(&["compute", lab, "--as-of", "2026-11-28"]);
    assert_eq!(code, 0, "{err}");
    assert!(text.starts_with("Subject 1 of 2: atlas (model)"), "{text}");
    assert!(text.contains("given: 3e26 FLOP"), "{text}");
    assert!(
        text.contains(
            "Skipped, having no training-compute facts (compute applies to models): atlas-chat (ai_system)."
        ),
        "{text}"
    );
    assert!(!text.contains("Subject 2 of 2"), "{text}");
    let (code, json, err) = run(&["compute", lab, "--as-of", "2026-11-28", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let doc: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(doc["kind"], "linked_compute");
    let subjects = doc["subjects"].as_array().expect("subjects");
    assert_eq!(subjects.len(), 1);
    assert_eq!(subjects[0]["id"], "atlas");
    assert_eq!(subjects[0]["flop"].as_f64(), Some(3.0e26));
    assert!(subjects[0]["thresholds"].as_array().is_some_and(|t| t
        .iter()
        .any(|t| t["parameter"] == "eu_ai_act.gpai_systemic_risk_flop" && t["reached"] == true)));
    assert_eq!(
        doc["skipped"],
        serde_json::json!([{"id": "atlas-chat", "subject": "ai_system"}])
    );
    // A flag sets the one model's compute.
    let (code, json, err) = run(&[
        "compute",
        lab,
        "--as-of",
        "2026-11-28",
        "--flop",
        "1e24",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let doc: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(doc["subjects"][0]["flop"].as_f64(), Some(1.0e24));

    let (code, _, err) = run(&[
        "compute",
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../examples/exporter-item-and-shipments.yaml"
        ),
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("no subject of the manifest has training-compute facts"),
        "{err}"
    );
    assert!(err.contains("`to-malaysia` (export)"), "{err}");
}
