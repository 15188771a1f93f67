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

/// A copy of an example manifest without the lines that start with `drop`, so that a question is asked.
fn without(example: &str, drop: &str) -> String {
    without_all(example, &[drop])
}

/// The example without the lines of any of these keys.
fn without_all(example: &str, drops: &[&str]) -> String {
    let drop = drops.join("-");
    let text = std::fs::read_to_string(format!("{EXAMPLES}/{example}")).expect("example");
    let kept: String = text
        .lines()
        .filter(|l| !drops.iter().any(|d| l.trim_start().starts_with(d)))
        .map(|l| format!("{l}\n"))
        .collect();
    // A number per call: two tests that drop the same key from the same example run at once, and one must not
    // delete the other's file.
    static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let path = std::env::temp_dir().join(format!(
        "aigov-lang-{}-{call}-{}-{example}",
        std::process::id(),
        drop.trim_end_matches(':')
    ));
    std::fs::write(&path, kept).expect("write a temporary manifest");
    path.to_string_lossy().to_string()
}

#[test]
fn rule_titles_duties_and_questions_come_from_the_corpus_translations() {
    // The EU AI Act report of the CV screening system: Chinese rule titles, law names and tiers.
    let (code, text, stderr) = run(
        &["assess", &cv(), "--as-of", "2026-11-28", "--lang", "zh-CN"],
        None,
    );
    assert_eq!(code, 0, "{stderr}");
    for zh in [
        "EU — 欧盟《人工智能法》",
        "欧盟《人工智能法》 (EU): 高风险",
        "就业：招聘和筛选",
        "人工智能系统的地域和主体适用范围",
        "员工的人工智能素养",
        "风险管理体系",
    ] {
        assert!(text.contains(zh), "`{zh}` missing: {text}");
    }
    for english in [
        "Employment: recruitment and selection",
        "Risk-management system",
    ] {
        assert!(!text.contains(english), "`{english}` left in: {text}");
    }
    // A question the manifest leaves open is asked in Chinese: profiling and the features it is derived from
    // left out, the features are asked.
    let open = without_all(
        "cv-screening-saas.yaml",
        &["profiling:", "personal_aspects_evaluated:"],
    );
    let (_, text, _) = run(
        &["assess", &open, "--as-of", "2026-11-28", "--lang", "zh-CN"],
        None,
    );
    assert!(
        text.contains("该系统是否根据个人数据自动评估或预测个人的以下方面"),
        "{text}"
    );
    assert!(
        !text.contains("Which of these does the system automatically evaluate"),
        "{text}"
    );
    let _ = std::fs::remove_file(open);

    // The Chinese chatbot: CN rules with their Chinese titles and duties, regimes and instruments in Chinese.
    let chatbot = format!("{EXAMPLES}/cn-genai-chatbot.yaml");
    let (code, text, stderr) = run(
        &[
            "assess",
            &chatbot,
            "--as-of",
            "2026-11-28",
            "--lang",
            "zh-CN",
        ],
        None,
    );
    assert_eq!(code, 0, "{stderr}");
    for zh in [
        "CN — 网信办生成式人工智能规定",
        "生成式人工智能服务管理暂行办法 (CN)",
        "提供具有舆论属性或者社会动员能力的生成式人工智能服务前开展安全评估和算法备案",
        "10个工作日内履行算法备案手续",
        "应当：与每位使用者签订服务协议，明确双方权利义务",
        "用户发布信息前进行真实身份信息认证",
        "期限：提供服务之日起10个工作日内",
    ] {
        assert!(text.contains(zh), "`{zh}` missing: {text}");
    }
    assert!(
        !text.contains("Algorithm filing within 10 working days"),
        "{text}"
    );
    let open = without("cn-genai-chatbot.yaml", "cn_public_opinion_capability:");
    let (_, text, _) = run(
        &["assess", &open, "--as-of", "2026-11-28", "--lang", "zh-CN"],
        None,
    );
    assert!(
        text.contains("该服务是否具有舆论属性或者社会动员能力？"),
        "{text}"
    );
    let _ = std::fs::remove_file(open);
    // English stays English.
    let (_, text, _) = run(
        &[
            "assess",
            &chatbot,
            "--as-of",
            "2026-11-28",
            "--lang",
            "en-US",
        ],
        None,
    );
    assert!(
        text.contains("Algorithm filing within 10 working days"),
        "{text}"
    );
    assert!(!text.contains("10个工作日内履行算法备案手续"), "{text}");
}

#[test]
fn an_unknown_id_in_a_translation_file_is_a_lint_error_with_its_place() {
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus");
    let dir = std::env::temp_dir().join(format!("aigov-lang-corpus-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(std::path::Path::new(corpus), &dir);
    std::fs::write(
        dir.join("i18n/zh-CN/typo.yaml"),
        "# a typo in a rule id\nrules:\n  eu_ai_act.annex3_4_aa:\n    title: 就业\n",
    )
    .unwrap();
    let (code, _, stderr) = run(&["corpus", "lint", "--corpus", dir.to_str().unwrap()], None);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("i18n/zh-CN/typo.yaml:3:3: error: unknown rule `eu_ai_act.annex3_4_aa`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("did you mean `eu_ai_act.annex3_4_a`?"),
        "{stderr}"
    );
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            copy_dir(&p, &to.join(e.file_name()));
        } else {
            std::fs::copy(&p, to.join(e.file_name())).unwrap();
        }
    }
}

#[test]
fn the_interview_asks_the_corpus_questions_in_chinese() {
    let open = without("cn-genai-chatbot.yaml", "cn_public_opinion_capability:");
    let mut child = Command::new(BIN)
        .args([
            "interview",
            "--from",
            &open,
            "--as-of",
            "2026-11-28",
            "--lang",
            "zh-CN",
            "--color",
            "never",
        ])
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the binary runs");
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        // Answered as a Chinese reader would: 是 (yes).
        let _ = stdin.write_all("是\n".as_bytes());
    }
    let out = child.wait_with_output().unwrap();
    let _ = std::fs::remove_file(open);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(
        text.starts_with("aigov 问答 — 截至 2026年11月28日。"),
        "{text}"
    );
    assert!(
        text.contains("该服务是否具有舆论属性或者社会动员能力？（ai_system.cn_public_opinion_capability；可确定"),
        "{text}"
    );
    // The answer hint is Chinese too, and the answer 是 was taken (no "answer yes or no" asked again).
    assert!(text.contains(" [是/否（yes/no）]"), "{text}");
    assert!(!text.contains("[yes/no]"), "{text}");
    assert!(!text.contains("answer yes or no"), "{text}");
    // The answer settles the PO/SM duties: the report that follows is in Chinese and has them.
    assert!(text.contains("aigov 评估：Xiaoyun"), "{text}");
    assert!(text.contains("10个工作日内履行算法备案手续"), "{text}");
}

#[test]
fn penalties_of_eu_and_us_state_laws_speak_chinese() {
    let mut lines: Vec<String> = Vec::new();
    for example in [
        "companion-chatbot-app",
        "cv-screening-eu-us",
        "hr-tech-multistate",
    ] {
        let (code, text, stderr) = run(
            &[
                "assess",
                &format!("{EXAMPLES}/{example}.yaml"),
                "--as-of",
                "2026-11-28",
                "--lang",
                "zh-CN",
            ],
            None,
        );
        assert!(code == 0 || code == 1, "{example}: exit {code}: {stderr}");
        lines.extend(
            text.lines()
                .map(str::trim)
                .filter(|l| l.starts_with("罚则"))
                .map(str::to_string),
        );
    }
    let all = lines.join("\n");
    for zh in [
        // EU AI Act: the enforcer named in Chinese.
        "执法机关：各成员国市场监督管理机关（依各国罚则）",
        // Utah: enforcer names, and the tier in full-width parentheses.
        "犹他州消费者保护处、犹他州法院（由该处提起诉讼）",
        "（违反行政命令或法院命令：",
        // A penalty without amounts prints its translated summary.
        "无针对人工智能的专门罚款",
        "加利福尼亚州隐私保护局、加利福尼亚州总检察长",
    ] {
        assert!(all.contains(zh), "`{zh}` missing: {all}");
    }
    for english in [
        "Attorney General",
        "Division",
        "Department",
        "violation",
        "enforced by",
        "Fines",
    ] {
        assert!(
            !all.contains(english),
            "`{english}` in a Chinese penalty line: {all}"
        );
    }
}

#[test]
fn the_interview_on_linked_subjects_heads_each_question_in_chinese() {
    let mut child = Command::new(BIN)
        .args([
            "interview",
            "--from",
            &format!("{EXAMPLES}/frontier-lab-model-and-chatbot.yaml"),
            "--as-of",
            "2026-11-28",
            "--lang",
            "zh-CN",
            "--color",
            "never",
        ])
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the binary runs");
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        // 否 to the organization's question, 是 to the model's; then the end of input.
        let _ = stdin.write_all("否\n是\n".as_bytes());
    }
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    // The headings, the questions and the report's subject headings are Chinese.
    assert!(
        text.contains("\n组织（所有对象共用）：\n贵组织是否"),
        "{text}"
    );
    assert!(text.contains("\n对象 atlas（model）：\n"), "{text}");
    assert!(text.contains("对象 1/2：atlas（model）"), "{text}");
    assert!(text.contains("对象 2/2：atlas-chat（ai_system）"), "{text}");
    assert!(!text.contains("For the organization"), "{text}");
    assert!(!text.contains("For atlas"), "{text}");
}
