//! Every localized command speaks Chinese with `--lang zh-CN`: its output holds none of aigov's English labels
//! (headings, statuses, penalty terms, dates written the English way) and shows the corpus's Chinese texts for CN
//! rules. The English output is pinned separately (lang_en_snapshots.rs).

use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_aigov");
const EXAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples");

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
    assert!(
        out.status.code().is_some_and(|c| c == 0 || c == 1),
        "{stderr}"
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

fn example(name: &str) -> String {
    format!("{EXAMPLES}/{name}")
}

/// aigov's own English words, any of which in a Chinese output is a label left untranslated. (A US rule's penalty
/// summary, which the corpus has only in English, may say "per violation": the penalty terms are checked on
/// outputs of CN law only, see [`PENALTY_LABELS`].)
const ENGLISH_LABELS: &[&str] = &[
    "As of ",
    "In effect",
    "Upcoming",
    "Undetermined",
    "Classification\n",
    "By jurisdiction",
    "binding rules",
    "most severe class",
    "no risk class",
    "must: ",
    "must not: ",
    "deadline: ",
    "penalty: ",
    "confidence: ",
    "confidence in these terms",
    "whichever is",
    "of worldwide annual turnover",
    "can be imposed from",
    "not enforceable yet",
    "Questions that would settle",
    "settles ",
    "Every finding cites",
    "in effect since",
    "applies from",
    "Instrument: ",
    "Citation: ",
    "Effect: ",
    "Summary: ",
    "Text: law since",
    "Derivation",
    "Condition:",
    "Exceptions (any",
    "did not fire",
    "Builds on",
    "other rule(s) do not hold",
    "What changed",
    "Nothing changed",
    "because: ",
    "(new law)",
    "no longer law",
    "Timeline for",
    "law as of",
    "entered into force",
    "began to apply",
    "stopped to apply",
    "not binding",
    "JURIS.",
    "aigov map:",
    "Score:",
    "Federal duties",
    "Duties by law",
    "The checkerboard, measured",
    "State by state",
    "hinge on facts",
    "RULES",
    "TITLE",
    "中文：",
];

/// The words of a penalty's terms.
const PENALTY_LABELS: &[&str] = &[
    "per violation",
    "per infringement",
    "per day of violation",
    "enforced by",
    "private right of action",
    "cure period",
    " to CNY",
    "up to ",
];

fn assert_no_english(what: &str, text: &str) {
    for label in ENGLISH_LABELS {
        assert!(
            !text.contains(label),
            "{what}: English `{label}` left in:\n{text}"
        );
    }
    // Dates aigov writes are written the Chinese way: no ISO date as a heading, at the start of an entry, or after
    // 自 / 截至 / 于 (an English corpus note may still quote one).
    for line in text.lines() {
        let t = line.trim_start_matches([' ', '•', '-', '#']);
        for (i, _) in t.match_indices('-') {
            let Some(start) = i.checked_sub(4) else {
                continue;
            };
            let Some(w) = t.get(start..start + 10) else {
                continue;
            };
            let iso = w.as_bytes().iter().enumerate().all(|(k, b)| {
                if k == 4 || k == 7 {
                    *b == b'-'
                } else {
                    b.is_ascii_digit()
                }
            });
            let before = &t[..start];
            let ours = before.is_empty()
                || before.ends_with("自 ")
                || before.ends_with("截至 ")
                || before.ends_with("于 ");
            assert!(!(iso && ours), "{what}: an ISO date in `{line}`");
        }
    }
}

fn assert_no_penalty_english(what: &str, text: &str) {
    for label in PENALTY_LABELS {
        assert!(
            !text.contains(label),
            "{what}: English `{label}` left in:\n{text}"
        );
    }
}

#[test]
fn assess_in_chinese_has_chinese_penalties_citations_and_headline() {
    for format in ["text", "markdown"] {
        let text = zh(&[
            "assess",
            &example("cn-genai-chatbot.yaml"),
            "--as-of",
            "2026-11-28",
            "--format",
            format,
        ]);
        assert_no_english(&format!("assess --format {format}"), &text);
        assert_no_penalty_english(&format!("assess --format {format}"), &text);
        for want in [
            // The penalty of the Algorithm Provisions, term by term, with its Chinese enforcer and citation.
            "罚则：CNY 10,000 至 CNY 100,000（每项违法行为）；执法机关：国家网信部门和有关主管部门（第31条至第33条（罚则条款",
            // The Generative AI Measures set no fine: their Chinese summary, without the English one.
            "罚则：依照网络安全法、数据安全法、个人信息保护法、科学技术进步法等处罚",
            "第17条",
            "2026年11月28日",
        ] {
            assert!(text.contains(want), "`{want}` missing:\n{text}");
        }
        assert!(!text.contains("Punished first under"), "{text}");
    }
}

#[test]
fn a_three_regime_assessment_in_chinese_names_each_regime_in_chinese() {
    let text = zh(&[
        "assess",
        &example("cn-eu-us-writing-assistant.yaml"),
        "--as-of",
        "2026-11-28",
    ]);
    assert_no_english("three-regime assess", &text);
    for want in [
        "按法域（具约束力的规则）",
        "CN: 已生效",
        "EU: 已生效",
        // The most severe class in words from the corpus's translation, and the law's Chinese short title.
        "最严格的分类：有限风险（欧盟《人工智能法》）",
        "最高 EUR 15,000,000 或 全球年营业额的 3%，以较高者为准（每项违法行为）",
        "（第99条第4款、第99条第6款）",
    ] {
        assert!(text.contains(want), "`{want}` missing:\n{text}");
    }
}

#[test]
fn explain_in_chinese() {
    let text = zh(&[
        "explain",
        &example("cn-genai-chatbot.yaml"),
        "cn_genai_measures.art17_assessment_filing",
        "--as-of",
        "2026-11-28",
    ]);
    assert_no_english("explain", &text);
    for want in [
        "法律文件：生成式人工智能服务管理暂行办法",
        "引用：第17条",
        "截至 2026年11月28日：已生效 — 自 2023年8月15日 起生效（生成式人工智能服务管理暂行办法生效（第24条））",
        "例外（任一成立即排除本规则）：",
        "not_offered_to_public — 不成立（第2条第3款）：研发、应用生成式人工智能技术，未向境内公众提供服务的，不适用本办法。",
        "4 个条件全部成立",
    ] {
        assert!(text.contains(want), "`{want}` missing:\n{text}");
    }
}

/// The fixed words of a derivation (a fact not given, a date's source, a challenge's challenger) come from the
/// message files and the corpus's translations, not the engine's English; the JSON trace keeps the English.
#[test]
fn explain_derivation_words_and_date_sources_are_chinese() {
    let cv = example("cv-screening-eu-us.yaml");
    let text = zh(&[
        "explain",
        &cv,
        "us_il_aivia.notice",
        "--as-of",
        "2026-11-28",
    ]);
    assert_no_english("explain (a fact not given)", &text);
    assert!(
        text.contains("ai_system.video_interview_ai_analysis = 未知（未提供）"),
        "{text}"
    );
    assert!(!text.contains("unknown (not given)"), "{text}");
    // A lifecycle event's provisions, from the corpus's `events:` translation.
    let eu = zh(&[
        "explain",
        &cv,
        "eu_ai_act.annex3_4_a",
        "--as-of",
        "2026-11-28",
    ]);
    assert!(
        eu.contains("（欧盟《人工智能法》开始适用（第三章第1节至第3节，适用于第6条第2款/附件三高风险系统（经(EU) 2026/1744号条例修订的第113条(c)(i)项）））"),
        "{eu}"
    );
    assert!(!eu.contains("Chapter III Sections 1-3"), "{eu}");
    // What the amending text changed, and by which law, in Chinese.
    assert!(
        eu.contains("文本：自 2026年7月27日 起为法律，经 欧盟人工智能数字综合修订案 修订 — 综合法案将附件三高风险制度的起始日期由2026年8月2日改为2027年12月2日"),
        "{eu}"
    );
    assert!(!eu.contains("The Omnibus replaced"), "{eu}");
    // The challenging instrument by its Chinese short title.
    let co = zh(&[
        "explain",
        &example("colorado-high-risk-deployer.yaml"),
        "us_co_sb24_205.deployer_consumer_notices",
        "--as-of",
        "2026-11-28",
    ]);
    assert!(
        co.contains("质疑方：第14365号行政令（国家人工智能政策框架）"),
        "{co}"
    );
    assert!(
        !co.contains("EO 14365 (national AI policy framework)"),
        "{co}"
    );
    // What the challenge is, from the corpus's `event_notes:` translation (its URLs kept).
    assert!(
        co.contains(
            "xAI在 X.AI LLC v. Weiser 案（科罗拉多联邦地区法院，案号 1:26-cv-01515）中起诉"
        ),
        "{co}"
    );
    assert!(
        co.contains("https://nerdyskynet.com/cases/x-ai-llc-v-weiser"),
        "{co}"
    );
    assert!(!co.contains("xAI sued in"), "{co}");
    assert!(!co.contains("intervened in"), "{co}");
    // The JSON trace is the engine's, in English, whatever the language.
    let json = zh(&[
        "explain",
        &cv,
        "us_il_aivia.notice",
        "--as-of",
        "2026-11-28",
        "--format",
        "json",
    ]);
    assert!(
        json.contains("ai_system.video_interview_ai_analysis = unknown (not given)"),
        "{json}"
    );
    assert!(!json.contains("未提供"), "{json}");
}

#[test]
fn diff_timeline_changes_and_corpus_list_in_chinese() {
    let chatbot = example("cn-genai-chatbot.yaml");
    let diff = zh(&[
        "diff",
        &chatbot,
        "--from",
        "2022-01-01",
        "--to",
        "2026-11-28",
    ]);
    assert_no_english("diff", &diff);
    assert!(
        diff.starts_with("Xiaoyun (小云) generative AI chatbot（ai_system）从 2022年1月1日 到 2026年11月28日 的变化"),
        "{diff}"
    );
    assert!(diff.contains("CN — 网信办生成式人工智能规定"), "{diff}");
    assert!(diff.contains("已生效（新法律）"), "{diff}");
    assert!(
        diff.contains("原因：生成式人工智能服务管理暂行办法 于 2023年8月15日 生效"),
        "{diff}"
    );
    assert!(
        diff.contains("原因：自 2023年5月23日 起适用新文本"),
        "{diff}"
    );

    let timeline = zh(&["timeline", &chatbot, "--as-of", "2026-11-28", "-j", "CN"]);
    assert_no_english("timeline", &timeline);
    assert!(
        timeline.contains("的时间线，法律截至 2026年11月28日"),
        "{timeline}"
    );
    assert!(
        timeline
            .contains("2022年3月1日  适用      告知用户使用算法推荐并公示算法基本原理 — 应当："),
        "{timeline}"
    );

    let changes = zh(&[
        "changes",
        "--from",
        "2025-08-01",
        "--to",
        "2026-01-31",
        "-j",
        "CN",
    ]);
    assert_no_english("changes", &changes);
    assert!(
        changes.starts_with("法律的变化（CN）：2025年8月1日 之后至 2026年1月31日"),
        "{changes}"
    );
    assert!(changes.contains("条规则开始适用"), "{changes}");
    assert!(changes.contains("（CN，无约束力）"), "{changes}");

    let list = zh(&["corpus", "list"]);
    assert_no_english("corpus list", &list);
    assert!(list.starts_with("编号"), "{list}");
    assert!(list.contains("生成式人工智能服务管理暂行办法"), "{list}");
}

#[test]
fn json_stays_language_neutral_for_every_command() {
    let chatbot = example("cn-genai-chatbot.yaml");
    for args in [
        vec![
            "explain",
            &chatbot,
            "cn_genai_measures.art17_assessment_filing",
            "--as-of",
            "2026-11-28",
        ],
        vec![
            "diff",
            &chatbot,
            "--from",
            "2022-01-01",
            "--to",
            "2026-11-28",
        ],
        vec!["timeline", &chatbot, "--as-of", "2026-11-28"],
        vec!["changes", "--from", "2025-08-01", "--to", "2026-01-31"],
        vec!["corpus", "list"],
    ] {
        let run = |lang: &str| {
            let out = Command::new(BIN)
                .args(&args)
                .args(["--format", "json", "--lang", lang])
                .output()
                .expect("runs");
            String::from_utf8(out.stdout).expect("UTF-8")
        };
        assert_eq!(run("en-US"), run("zh-CN"), "{args:?}");
    }
}

#[test]
fn map_in_chinese() {
    let text = zh(&[
        "map",
        &example("hr-tech-multistate.yaml"),
        "--as-of",
        "2026-11-28",
    ]);
    assert_no_english("map", &text);
    for want in [
        "按美国各州列出的具约束力义务，法律截至 2026年11月28日",
        "地区",
        "按法律列出的义务",
        "“棋盘”的衡量",
        // Law titles and rule titles from the corpus's translation.
        "科罗拉多州《自动化决策技术法》（SB 26-189）",
        // The states, DC and New York City by their Chinese names.
        "加利福尼亚州 (CA)",
        "哥伦比亚特区 (DC)",
        "西弗吉尼亚州 (WV)",
        "纽约市 (NYC)",
    ] {
        assert!(text.contains(want), "`{want}` missing:\n{text}");
    }
    for english in [
        "California (CA)",
        "West Virginia",
        "District of Columbia",
        "New York City",
    ] {
        assert!(
            !text.contains(english),
            "English `{english}` left in:\n{text}"
        );
    }
}

#[test]
fn an_items_export_classification_in_chinese() {
    let text = zh(&[
        "assess",
        &example("export-item-a800.yaml"),
        "--as-of",
        "2026-11-28",
    ]);
    assert_no_english("assess item", &text);
    assert!(text.contains("TPP 4,992 · 性能密度 6.04"), "{text}");
    assert!(
        text.contains("3A090.a.1（同时符合 .a.2） — 自 2023年11月17日 起已生效"),
        "{text}"
    );
    // The tests, the arithmetic and the question to settle are in Chinese too.
    for chinese in [
        "3A090.a.1：TPP 4,992 ≥ 4800",
        "3A090.a.2：为数据中心设计或营销，TPP 4,992 ≥ 1600，性能密度 6.04 ≥ 5.92",
        "TPP = 稠密 TOPS × 位长 = 312 × 16 = 4,992（= 2 × MacTOPS × 位长：稠密 TOPS 将每次乘累加计为 2 次运算）",
        "性能密度 = TPP / 适用芯片面积 = 4,992 / 826 = 6.04",
        "“.z”段 — 自 2023年11月17日 起待确定",
        "待确定：该物项是否还被商业管制清单中带“.z”段的其他条目描述",
    ] {
        assert!(text.contains(chinese), "`{chinese}` missing:\n{text}");
    }
    // The item's classification block, from its heading to the next one (the report's other sections quote the
    // corpus's English derivation labels and notes).
    let start = text
        .find("物项分类（美国出口管制）")
        .expect("an item classification section");
    let block = &text[start..];
    let block = &block[..block.find("\n\n").unwrap_or(block.len())];
    assert!(block.contains("3A090.a.2："), "{block}");
    for english in [
        "performance density",
        " since 2023",
        "to settle: ",
        "also meets",
        "designed or marketed",
        "bit length",
        "die area",
        "multiply-accumulate",
        ".z paragraph",
        "Is the item",
    ] {
        assert!(!block.contains(english), "`{english}` left in:\n{block}");
    }
}

#[test]
fn a_timeline_in_chinese_says_what_amended_and_ended_a_rule() {
    let text = zh(&[
        "timeline",
        &example("colorado-high-risk-deployer.yaml"),
        "--as-of",
        "2026-11-28",
    ]);
    assert_no_english("timeline", &text);
    assert!(text.contains("2025年8月28日  修订      经 "), "{text}");
    assert!(text.contains("修订（自 2025年8月28日 起施行）"), "{text}");
    assert!(text.contains("于 2026年5月14日 由 "), "{text}");
}

/// `--lang zh-CN` with a manifest on stdin.
fn zh_stdin(args: &[&str], stdin: &str) -> String {
    use std::io::Write;
    let mut child = Command::new(BIN)
        .args(args)
        .args(["--lang", "zh-CN", "--color", "never"])
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("writes");
    let out = child.wait_with_output().expect("the binary ends");
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn the_sme_variant_of_a_penalty_reads_the_same_in_chinese() {
    // The EU AI Act's fines have an SME rule (the lower of the two caps): the Chinese report states the variant the
    // engine chose for the organization, which it reads from the finding's penalty, not from its English text.
    let manifest =
        std::fs::read_to_string(example("cn-eu-us-writing-assistant.yaml")).expect("reads");
    let args = ["assess", "-", "--as-of", "2026-11-28", "-j", "EU"];
    let sme = zh_stdin(&args, &manifest.replace("sme: false", "sme: true"));
    assert!(sme.contains("（适用中小企业规则）"), "{sme}");
    assert!(sme.contains("以较低者为准"), "{sme}");
    assert!(!sme.contains("中小企业以较低者为准"), "{sme}");
    let unknown = zh_stdin(&args, &manifest.replace("  sme: false\n", ""));
    assert!(unknown.contains("；中小企业以较低者为准"), "{unknown}");
    assert!(!unknown.contains("（适用中小企业规则）"), "{unknown}");
    let not_sme = zh_stdin(&args, &manifest);
    assert!(not_sme.contains("以较高者为准"), "{not_sme}");
    // The terms the engine chose say nothing of SMEs; the provision's summary after them ("完整表述") still
    // states the law's SME rule in full.
    let terms: Vec<&str> = not_sme
        .lines()
        .filter(|l| l.trim_start().starts_with("罚则："))
        .map(|l| l.split(" — 完整表述：").next().unwrap_or(l))
        .collect();
    assert!(!terms.is_empty(), "{not_sme}");
    assert!(terms.iter().all(|t| !t.contains("中小企业")), "{not_sme}");
    assert!(not_sme.contains(" — 完整表述："), "{not_sme}");
}

#[test]
fn confidence_notes_caveats_and_derived_values_are_chinese() {
    // A CN rule's confidence note comes from the corpus's translation; its URLs stay as written.
    let cn = zh(&[
        "assess",
        &example("cn-genai-chatbot.yaml"),
        "--as-of",
        "2026-11-28",
    ]);
    assert!(
        cn.contains("可信度：中 — 字段结构来自二手摘要（https://news.ai7788.cn/daily/3793）；未与标准文本核对。"),
        "{cn}"
    );
    for english in [
        "not confirmed against",
        "Article content",
        "secondary summar",
    ] {
        assert!(
            !cn.contains(english),
            "English note `{english}` left in:\n{cn}"
        );
    }
    // An instrument's caveat (a US state law) and a US rule's note, in Chinese.
    let co = zh(&[
        "assess",
        &example("colorado-high-risk-deployer.yaml"),
        "--as-of",
        "2026-11-28",
    ]);
    assert!(
        co.contains("未决问题：原法案对小型部署者的豁免是否仍然有效尚不确定"),
        "{co}"
    );
    assert!(!co.contains("Open points:"), "{co}");
    // A derived value's method and source, from the vocabulary's translation.
    let chip = zh(&[
        "assess",
        &example("export-item-a800.yaml"),
        "--as-of",
        "2026-11-28",
    ]);
    assert!(
        chip.contains("item.tpp = 4992 TPP（由 稠密 TOPS × 位长 推导：312 * 16 = 4992）"),
        "{chip}"
    );
    assert!(chip.contains("[15 CFR 774 Supp. 1，3A090技术注释（https://www.federalregister.gov/d/2023-23055/p-945）]"), "{chip}");
    for english in [
        "dense TOPS x bit length",
        "TPP / applicable die area",
        "3A090 Technical Note",
    ] {
        assert!(
            !chip.contains(english),
            "English `{english}` left in:\n{chip}"
        );
    }
}

/// aigov's English words in `plan`, `compare` and `corpus show`.
const PLAN_COMPARE_SHOW_LABELS: &[&str] = &[
    "Work plan for",
    " under ",
    "Duties: ",
    "each control once",
    "Jurisdictions: ",
    "required since",
    "References: ",
    "does not satisfy every rule",
    "this control",
    "equal to",
    "subset of",
    "superset of",
    "intersects with",
    "also needs",
    "extend the control for",
    "Strictest time limit",
    "One action:",
    "Tailor:",
    "Implement ",
    "Conflicts",
    "None found between",
    "[diverges]",
    "[declared]",
    "classifies the subject",
    "would too",
    "in_effect",
    "not_applicable",
    "must: ",
    "forbids: ",
    "would apply",
    "Questions that would settle undetermined duties",
    "issued by",
    "non-binding",
    "Lifecycle:",
    "Reviews of this encoding",
    "checked: ",
    "Rules:",
    "addresses ",
    "Text from",
    "applies from",
    "when: ",
    "reads: ",
    "builds on: ",
    "unless ",
    "effect: ",
    "confidence Medium",
    "entered into force",
];

fn assert_no_plan_compare_english(what: &str, text: &str) {
    for label in PLAN_COMPARE_SHOW_LABELS {
        assert!(
            !text.contains(label),
            "{what}: English `{label}` left in:\n{text}"
        );
    }
}

#[test]
fn plan_compare_and_corpus_show_in_chinese() {
    let three = example("cn-eu-us-writing-assistant.yaml");
    for format in ["text", "markdown"] {
        let plan = zh(&["plan", &three, "--as-of", "2026-11-28", "--format", format]);
        assert_no_english(&format!("plan --format {format}"), &plan);
        assert_no_plan_compare_english(&format!("plan --format {format}"), &plan);
        for want in [
            "Quill writing and image assistant 的工作计划（截至 2026年11月28日）",
            // The counts move with the corpus; the sentence around them is what is checked.
            "项控制措施，对应 ",
            "项待确定：见下方问题）",
            // A control's Chinese title, a CN rule's Chinese title and citation, its status and relationship.
            "1. 自动化决策前对受影响者的告知 [affected_person_notice] — 自 2020年1月1日 起即须具备",
            "互联网信息服务算法推荐管理规定 第16条 — 告知用户使用算法推荐并公示算法基本原理",
            "自 2022年3月1日 起生效；与本控制措施的关系：部分重合",
            "可确定待定义务的问题",
        ] {
            assert!(plan.contains(want), "plan: `{want}` missing:\n{plan}");
        }
        let compare = zh(&[
            "compare",
            &three,
            "-j",
            "EU",
            "-j",
            "US",
            "-j",
            "CN",
            "--as-of",
            "2026-11-28",
            "--format",
            format,
        ]);
        assert_no_english(&format!("compare --format {format}"), &compare);
        assert_no_plan_compare_english(&format!("compare --format {format}"), &compare);
        for want in [
            "Quill writing and image assistant 在 EU, US, CN 下的比较（截至 2026年11月28日）",
            "义务：EU ",
            "项控制措施涵盖这些义务。",
            "前一次性实施“",
            "所比较的规则之间未发现冲突。",
        ] {
            assert!(
                compare.contains(want),
                "compare: `{want}` missing:\n{compare}"
            );
        }
    }
    // A declared conflict is said in Chinese only, with its sides' statuses and duties in Chinese.
    let dir = std::env::temp_dir().join(format!("aigov-zh-compare-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let m = dir.join("therapy.yaml");
    std::fs::write(
        &m,
        "subject: ai_system\nname: CalmChat therapy bot\norganization: { established_in: [US-UT] }\nai_system:\n  roles: [provider]\n  mental_health_therapy: true\n  affected_persons_in: [US-UT, US-IL]\n",
    )
    .expect("writes");
    let declared = zh(&[
        "compare",
        m.to_str().expect("UTF-8 path"),
        "-j",
        "US-UT",
        "-j",
        "US-IL",
        "--as-of",
        "2026-01-15",
    ]);
    std::fs::remove_dir_all(&dir).ok();
    assert_no_plan_compare_english("compare (declared conflict)", &declared);
    assert!(
        declared.contains("[已声明冲突] 伊利诺伊州禁止通过人工智能向公众提供心理治疗"),
        "{declared}"
    );
    assert!(!declared.contains("Illinois forbids"), "{declared}");
    assert!(
        declared.contains("（us_ut_hb452.ai_disclosure，已生效）— 应当："),
        "{declared}"
    );
    assert!(declared.contains("“棋盘”的衡量"), "{declared}");

    // corpus show: an instrument and a rule.
    let inst = zh(&["corpus", "show", "cn_genai_measures"]);
    assert_no_english("corpus show instrument", &inst);
    assert_no_plan_compare_english("corpus show instrument", &inst);
    for want in [
        "cn_genai_measures — 生成式人工智能服务管理暂行办法",
        "；具约束力",
        "生命周期：",
        "  2023年8月15日  生效",
        "规则：",
        "cn_genai_measures.art9_service_agreement 义务           第9条 — 与使用者签订服务协议；承担内容生产者责任",
    ] {
        assert!(inst.contains(want), "corpus show: `{want}` missing:\n{inst}");
    }
    // The review records: their labels in Chinese, their free text as the record writes it (said in the heading).
    let eu = zh(&["corpus", "show", "eu_ai_act"]);
    for want in [
        "本编码的审核记录（核对内容、修改内容照录原文）：",
        "  2026年12月6日  核对内容：",
        "              修改内容：",
        "              来源：https://eur-lex.europa.eu/eli/reg/2024/1689/oj",
    ] {
        assert!(eu.contains(want), "corpus show: `{want}` missing:\n{eu}");
    }
    for english in [
        "Reviews of this encoding",
        "checked: ",
        "changed: ",
        "sources: ",
        "2026-12-06",
    ] {
        assert!(
            !eu.contains(english),
            "corpus show: English `{english}` left in:\n{eu}"
        );
    }
    let rule = zh(&["corpus", "show", "cn_pipl.art24_automated_decisions"]);
    assert_no_english("corpus show rule", &rule);
    assert_no_plan_compare_english("corpus show rule", &rule);
    for want in [
        "（CN），适用于 ai_system",
        "自 2021年11月1日 起适用",
        "条件：",
        "效力：",
        "可信度：中 — 条文内容未与官方文本核对，未重读。官方文本见 npc.gov.cn（http://www.npc.gov.cn/）。",
    ] {
        assert!(rule.contains(want), "corpus show: `{want}` missing:\n{rule}");
    }
}

/// Citations that are not (only) articles read with Chinese labels: annexes (附件三第4(a)点), sections of an order
/// (第4.2(b)(i)节), chapters; an official citation given verbatim (a US code section) is kept as written.
#[test]
fn annexes_sections_and_points_are_cited_with_chinese_labels() {
    let cv = zh(&[
        "assess",
        &example("cv-screening-eu-us.yaml"),
        "--as-of",
        "2026-11-28",
    ]);
    assert!(cv.contains("第6条第2款、附件三第4(a)点"), "{cv}");
    assert!(cv.contains("(第6节至第8节)"), "{cv}");
    assert!(!cv.contains("Annex III 4(a)"), "{cv}");
    assert!(!cv.contains("(Sec 6-8)"), "{cv}");
    // An official citation stays as written.
    assert!(cv.contains("Cal. Code Regs. tit. 11, § 7200(a)"), "{cv}");
    let compute = zh(&[
        "compute",
        &example("frontier-model-developer.yaml"),
        "--as-of",
        "2026-11-28",
    ]);
    assert!(compute.contains("(第4.2(b)(i)节)"), "{compute}");
    assert!(!compute.contains("Sec 4.2(b)(i)"), "{compute}");
    // The JSON keeps the corpus's citation.
    let json = zh(&[
        "assess",
        &example("cv-screening-eu-us.yaml"),
        "--as-of",
        "2026-11-28",
        "--format",
        "json",
    ]);
    assert!(json.contains("\"Art 6(2), Annex III 4(a)\""), "{json}");
}

/// `aigov export classify` of a catalog chip speaks Chinese: headings, TPP and PD, the classification with its
/// status and date, the is-informed letter, the timeline; the JSON is the English one.
#[test]
fn export_classify_of_a_chip_in_chinese() {
    let h100 = zh(&["export", "classify", "H100", "--as-of", "2026-11-28"]);
    for want in [
        "Nvidia H100 SXM — 截至 2026年11月28日 的美国出口管制分类",
        "性能\n",
        "- TPP：15,832",
        "- 性能密度：19.45",
        "2026年11月28日 的分类",
        "- 3A090.a.1（同时符合 .a.2）（eccn）— 已生效，自 2023年11月17日 起",
        "时间线 2022年10月7日 → 2026年11月28日",
        "- 2023年11月17日  3A090.a.1（同时符合 .a.2）",
    ] {
        assert!(h100.contains(want), "`{want}` missing:\n{h100}");
    }
    let h20 = zh(&["export", "classify", "H20", "--as-of", "2026-11-28"]);
    assert!(h20.contains("列入“知悉”函 `nvidia_h20`"), "{h20}");
    assert!(h20.contains("不受3A090/4A090管制"), "{h20}");
    for (what, out) in [("H100", &h100), ("H20", &h20)] {
        for english in [
            "US export classification as of",
            "Performance\n",
            "Classification on",
            "Timeline 2022",
            "in effect since",
            "not controlled under",
            "named in the is-informed letter",
            "not in 3A090/4A090",
            "also meets",
            "2026-11-28",
        ] {
            assert!(
                !out.contains(english),
                "{what}: English `{english}` left in:\n{out}"
            );
        }
    }
    let json = zh(&[
        "export",
        "classify",
        "H100",
        "--as-of",
        "2026-11-28",
        "--format",
        "json",
    ]);
    assert!(json.contains("\"3A090.a.1 (also meets .a.2)\""), "{json}");
}

/// `aigov screen` in Chinese: the labels, the score's explanation, the lists' versions, their ages and the
/// warnings about stale lists; names, list names and programs as the lists write them. JSON is the English one.
#[test]
fn screen_in_chinese() {
    let fixture = |name: &str| {
        format!(
            "{}/../screening/tests/fixtures/{name}",
            env!("CARGO_MANIFEST_DIR")
        )
    };
    let dir = std::env::temp_dir().join(format!("aigov-zh-screen-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let d = dir.to_str().expect("UTF-8 path");
    let import = Command::new(BIN)
        .args(["lists", "import", "--lists-dir", d])
        .args([fixture("uel.csv"), fixture("sdn.csv")])
        .args(["--published", "2026-11-20"])
        .output()
        .expect("aigov runs");
    assert!(import.status.success(), "{import:?}");
    let screen = |as_of: &str, extra: &[&str]| {
        let mut args = vec![
            "screen",
            "Techinsights Inc",
            "Acme Widgets",
            "--lists-dir",
            d,
            "--as-of",
            as_of,
        ];
        args.extend(extra);
        zh(&args)
    };
    let text = screen("2026-11-28", &[]);
    let stale = screen("2027-06-28", &[]);
    let json = screen("2026-11-28", &["--format", "json"]);
    std::fs::remove_dir_all(&dir).ok();
    for want in [
        "Techinsights Inc：1 个命中",
        "理由：techinsight = techinsight（完全一致，1.00）；忽略的法律形式：inc；得分 1.00 = 0.7 × 查询覆盖率 1.00 + 0.3 × 名称覆盖率 1.00",
        "Acme Widgets：没有达到或超过 0.85 的命中",
        "所用清单：",
        "uel 发布于 2026年11月20日（given），导入于 ",
        "清单时效按 2026年11月28日（--as-of）计算，最长接受 30 天",
        "命中与否都不是合规结论",
    ] {
        assert!(text.contains(want), "`{want}` missing:\n{text}");
    }
    assert!(
        stale.contains(
            "警告：uel：发布于 2026年11月20日，早于 2027年6月28日 220 天（超过可接受的 30 天）"
        ),
        "{stale}"
    );
    assert!(stale.contains("：无法确认清单为最新"), "{stale}");
    for (what, out) in [("screen", &text), ("screen (stale)", &stale)] {
        for english in [
            "hit(s)",
            "no hit at or above",
            "programs: ",
            "countries: ",
            "why: ",
            "exact",
            "legal forms ignored",
            "query coverage",
            "lists used:",
            " published ",
            "list ages measured",
            "days accepted",
            "warning: ",
            "not a compliance determination",
        ] {
            assert!(
                !out.contains(english),
                "{what}: English `{english}` left in:\n{out}"
            );
        }
    }
    assert!(
        json.contains("\"explanation_text\": \"techinsight = techinsight (exact, 1.00)"),
        "{json}"
    );
    assert!(!json.contains("理由"), "{json}");
}

/// A duty whose text an amendment changed reads in Chinese on both sides of the change (the corpus's
/// `later_effects:` translation for the later text).
#[test]
fn an_amended_duty_is_chinese_before_and_after_the_amendment() {
    let cv = example("cv-screening-eu-us.yaml");
    let after = zh(&["assess", &cv, "--as-of", "2026-11-28", "-j", "EU"]);
    assert!(
        after.contains(
            "应当：采取措施，支持员工及代表贵组织操作人工智能系统的其他人员提升人工智能素养。"
        ),
        "{after}"
    );
    assert!(!after.contains("Take measures to support"), "{after}");
    let before = zh(&["assess", &cv, "--as-of", "2025-06-01", "-j", "EU"]);
    assert!(
        before.contains("应当：尽最大可能确保员工及代表贵组织处理人工智能系统的其他人员具备足够的人工智能素养。"),
        "{before}"
    );
}

/// A manifest of linked subjects in Chinese: the timeline, the diff and the explanation name each subject with the
/// Chinese heading, and leave no English label.
#[test]
fn linked_subjects_timeline_diff_and_explain_in_chinese() {
    let exporter = example("exporter-item-and-shipments.yaml");
    let timeline = zh(&["timeline", &exporter, "--as-of", "2026-11-28", "-j", "CN"]);
    assert_no_english("linked timeline", &timeline);
    let diff = zh(&[
        "diff",
        &exporter,
        "--from",
        "2025-01-01",
        "--to",
        "2026-11-28",
        "-j",
        "CN",
    ]);
    assert_no_english("linked diff", &diff);
    let explain = zh(&[
        "explain",
        &exporter,
        "cn_mofcom_2025_61.cn_origin_items",
        "--as-of",
        "2026-11-28",
    ]);
    assert_no_english("linked explain", &explain);
    for (what, text) in [
        ("timeline", &timeline),
        ("diff", &diff),
        ("explain", &explain),
    ] {
        let malaysia = text
            .find("对象 2/3：to-malaysia（export） — 基于 h100")
            .unwrap_or_else(|| panic!("{what}: {text}"));
        let germany = text
            .find("对象 3/3：to-germany（export） — 基于 h100")
            .unwrap_or_else(|| panic!("{what}: {text}"));
        assert!(malaysia < germany, "{what}: {text}");
    }
    assert!(timeline.starts_with("对象 1/3：h100（item）"), "{timeline}");
    assert!(!explain.contains("h100（item）"), "{explain}");
}

/// The plan of linked subjects in Chinese: the subjects line and each rule's subject label are Chinese.
#[test]
fn linked_plan_in_chinese() {
    let lab = example("frontier-lab-model-and-chatbot.yaml");
    let plan = zh(&["plan", &lab, "--as-of", "2026-11-28", "-j", "CN"]);
    assert_no_english("linked plan", &plan);
    let plan = zh(&["plan", &lab, "--as-of", "2026-11-28"]);
    assert!(
        plan.contains(
            "对象：atlas（model，34 项义务）；atlas-chat（ai_system，33 项义务 — 基于 atlas）。"
        ),
        "{plan}"
    );
    assert!(plan.contains("• atlas-chat：欧盟"), "{plan}");
    assert!(!plan.contains("Subjects:"), "{plan}");
}

/// The comparison of linked subjects in Chinese: each subject under the Chinese heading, no English label.
#[test]
fn linked_compare_in_chinese() {
    let lab = example("frontier-lab-model-and-chatbot.yaml");
    let text = zh(&[
        "compare",
        &lab,
        "--as-of",
        "2026-11-28",
        "-j",
        "CN",
        "-j",
        "EU",
    ]);
    assert_no_english("linked compare", &text);
    assert!(text.starts_with("对象 1/2：atlas（model）"), "{text}");
    assert!(
        text.contains("对象 2/2：atlas-chat（ai_system） — 基于 atlas"),
        "{text}"
    );
}

/// The compute of linked subjects in Chinese: the model under the Chinese heading, the skipped subject named in
/// Chinese.
#[test]
fn linked_compute_in_chinese() {
    let lab = example("frontier-lab-model-and-chatbot.yaml");
    let text = zh(&["compute", &lab, "--as-of", "2026-11-28"]);
    assert_no_english("linked compute", &text);
    assert!(text.starts_with("对象 1/2：atlas（model）"), "{text}");
    assert!(
        text.contains("已跳过（没有训练算力事实，算力只适用于模型）：atlas-chat (ai_system)。"),
        "{text}"
    );
}
