//! Translations beside the corpus (`i18n/<lang>/*.yaml`): the embedded corpus has a complete zh-CN translation
//! (every rule a title, every fact a question), and mistakes in a translation file are lint errors with their
//! file, line and a hint.

use aigov_corpus::{translations, Diagnostic, Source};
use std::path::Path;

fn mini() -> Vec<Source> {
    aigov_corpus::read_dir(Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/mini"
    )))
    .expect("the mini corpus is readable")
}

/// Loads the mini corpus with the given translation files.
fn check(files: &[(&str, &str)]) -> Result<aigov_corpus::Translations, Vec<Diagnostic>> {
    let mut sources = mini();
    let loaded = aigov_corpus::load(&sources).unwrap_or_else(|d| panic!("mini corpus: {d:#?}"));
    for (path, text) in files {
        sources.push(Source {
            path: path.to_string(),
            text: text.to_string(),
        });
    }
    // The corpus loader ignores translation files: they do not change the corpus.
    aigov_corpus::load(&sources).unwrap_or_else(|d| panic!("with translations: {d:#?}"));
    translations::load(&sources, &loaded.corpus)
}

/// Every rule and every fact of the mini corpus, translated.
fn complete() -> String {
    let loaded = aigov_corpus::load(&mini()).expect("mini corpus");
    let mut s = String::from("rules:\n");
    for r in &loaded.corpus.rules {
        s.push_str(&format!("  {}:\n    title: 规则\n", r.id));
        if r.versions.iter().skip(1).any(|v| v.change.is_some()) {
            let items: Vec<&str> = r
                .versions
                .iter()
                .skip(1)
                .map(|v| if v.change.is_some() { "变更" } else { "~" })
                .collect();
            s.push_str(&format!("    later_changes: [{}]\n", items.join(", ")));
        }
    }
    s.push_str("facts:\n");
    for f in &loaded.corpus.vocabulary.facts {
        s.push_str(&format!("  {}:\n    question: 问题？\n", f.qualified));
    }
    s.push_str("notes:\n");
    for r in loaded.corpus.rules.iter().filter(|r| r.note.is_some()) {
        s.push_str(&format!("  {}: 说明\n", r.id));
    }
    s.push_str("derivations:\n");
    for f in loaded
        .corpus
        .vocabulary
        .facts
        .iter()
        .filter(|f| !f.derive.is_empty())
    {
        s.push_str(&format!("  {}:\n", f.qualified));
        for d in &f.derive {
            s.push_str("    - label: 方法\n");
            if d.citation.is_some() {
                s.push_str("      citation: 出处\n");
            }
        }
    }
    s.push_str("penalties:\n");
    for p in &loaded.corpus.penalties {
        s.push_str(&format!("  {}:\n    summary: 罚款\n", p.id));
    }
    s.push_str("parameters:\n");
    for p in loaded
        .corpus
        .parameters
        .iter()
        .filter(|p| !p.description.trim().is_empty())
    {
        s.push_str(&format!("  {}: 参数说明\n", p.id));
    }
    s.push_str("events:\n");
    for i in &loaded.corpus.instruments {
        for e in i.events.iter().filter(|e| e.provisions.is_some()) {
            s.push_str(&format!("  {}.{}: 条款\n", i.id, e.id));
        }
    }
    s.push_str("event_notes:\n");
    for i in &loaded.corpus.instruments {
        for e in i
            .events
            .iter()
            .filter(|e| e.kind == aigov_core::model::EventKind::Challenged && e.note.is_some())
        {
            s.push_str(&format!("  {}.{}: 质疑\n", i.id, e.id));
        }
    }
    s.push_str("exceptions:\n");
    let mut done: Vec<String> = Vec::new();
    for r in &loaded.corpus.rules {
        let inst = &loaded.corpus.instrument_of(r).id;
        for e in r.versions.iter().flat_map(|v| &v.exceptions) {
            let id = format!("{inst}.{}", e.id);
            if !done.contains(&id) {
                s.push_str(&format!("  {id}: 例外\n"));
                done.push(id);
            }
        }
    }
    s
}

#[test]
fn the_embedded_corpus_is_translated_into_chinese() {
    let sources = aigov_corpus::embedded_sources();
    let loaded = aigov_corpus::load(&sources).expect("the embedded corpus loads");
    let t = translations::load(&sources, &loaded.corpus)
        .unwrap_or_else(|d| panic!("zh-CN translations: {d:#?}"));
    let zh = t.get("zh-CN").expect("a zh-CN translation");
    for r in &loaded.corpus.rules {
        let title = zh
            .rule_title(&r.id)
            .unwrap_or_else(|| panic!("{} has no title", r.id));
        assert!(
            title
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{}: {title}",
            r.id
        );
    }
    for f in &loaded.corpus.vocabulary.facts {
        assert!(zh.question(&f.qualified).is_some(), "{}", f.qualified);
    }
    for i in &loaded.corpus.instruments {
        assert!(
            zh.short_title(&i.id).is_some(),
            "{} has no short title",
            i.id
        );
    }
    // Chinese rules carry a Chinese summary, and their English fields no longer inline Chinese.
    for r in loaded
        .corpus
        .rules
        .iter()
        .filter(|r| r.id.starts_with("cn_"))
    {
        assert!(zh.rule_summary(&r.id).is_some(), "{} has no summary", r.id);
        for v in &r.versions {
            assert!(!v.summary.contains("中文："), "{}", r.id);
        }
    }
    for f in loaded
        .corpus
        .vocabulary
        .facts
        .iter()
        .filter(|f| f.name.starts_with("cn_"))
    {
        assert!(!f.question.contains("问："), "{}", f.qualified);
    }
    // Penalties of CN law and the exceptions of CN rules: English in the corpus, Chinese in the translation.
    let is_han = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    for p in loaded
        .corpus
        .penalties
        .iter()
        .filter(|p| p.id.starts_with("cn_"))
    {
        assert!(!is_han(&p.summary), "{}: {}", p.id, p.summary);
        let t = zh
            .penalty(&p.id)
            .unwrap_or_else(|| panic!("{} has no Chinese texts", p.id));
        assert!(
            t.summary.as_deref().is_some_and(is_han),
            "{} has no Chinese summary",
            p.id
        );
    }
    for r in loaded
        .corpus
        .rules
        .iter()
        .filter(|r| r.id.starts_with("cn_"))
    {
        let inst = &loaded.corpus.instrument_of(r).id;
        for e in r.versions.iter().flat_map(|v| &v.exceptions) {
            assert!(!is_han(&e.summary), "{}#{}: {}", r.id, e.id, e.summary);
            assert!(
                zh.exception(inst, &e.id).is_some_and(is_han),
                "{}#{} has no Chinese summary",
                r.id,
                e.id
            );
        }
    }
    assert_eq!(
        zh.rule_title("eu_ai_act.annex3_4_a"),
        Some("就业：招聘和筛选")
    );
    assert_eq!(zh.regime("EU AI Act"), Some("欧盟《人工智能法》"));
}

#[test]
fn a_complete_translation_loads() {
    let t = check(&[("i18n/zh-CN/all.yaml", &complete())]).expect("loads");
    let zh = t.get("zh-CN").unwrap();
    assert_eq!(zh.rule_title("xx_act.scope"), Some("规则"));
    assert_eq!(zh.question("ai_system.roles"), Some("问题？"));
    // A corpus without translations is fine: reports speak English.
    assert!(check(&[]).unwrap().langs.is_empty());
}

#[test]
fn an_unknown_id_is_an_error_with_its_file_line_and_a_suggestion() {
    let extra = "# a typo\nrules:\n  xx_act.scpe:\n    title: 范围\n";
    let d = check(&[
        ("i18n/zh-CN/all.yaml", &complete()),
        ("i18n/zh-CN/extra.yaml", extra),
    ])
    .unwrap_err();
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(d[0].file, "i18n/zh-CN/extra.yaml");
    assert_eq!((d[0].line, d[0].col), (3, 3));
    assert_eq!(d[0].message, "unknown rule `xx_act.scpe`");
    assert_eq!(d[0].hint.as_deref(), Some("did you mean `xx_act.scope`?"));
    let shown = d[0].to_string();
    assert!(
        shown.starts_with("i18n/zh-CN/extra.yaml:3:3: error: unknown rule"),
        "{shown}"
    );
}

#[test]
fn unknown_keys_twice_translated_ids_and_missing_titles_are_errors() {
    let all = complete();
    // An unknown key inside an entry.
    let d = check(&[(
        "i18n/zh-CN/all.yaml",
        &all.replacen("    title: 规则\n", "    titel: 规则\n", 1),
    )])
    .unwrap_err();
    assert!(d[0].message.contains("unknown field `titel`"), "{d:#?}");
    assert_eq!(d[0].hint.as_deref(), Some("did you mean `title`?"));
    assert_eq!(d[0].line, 3);
    // The same id in two files.
    let d = check(&[
        ("i18n/zh-CN/all.yaml", &all),
        (
            "i18n/zh-CN/more.yaml",
            "facts:\n  ai_system.roles:\n    question: 角色？\n",
        ),
    ])
    .unwrap_err();
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!((d[0].file.as_str(), d[0].line), ("i18n/zh-CN/more.yaml", 2));
    assert!(d[0].message.contains("translated twice"), "{d:#?}");
    // A rule without a title: new rules must be translated.
    let without = all.replace("  xx_act.scope:\n    title: 规则\n", "");
    let d = check(&[("i18n/zh-CN/all.yaml", &without)]).unwrap_err();
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(d[0].message, "rule `xx_act.scope` has no zh-CN title");
    assert_eq!(d[0].file, "i18n/zh-CN/xx.yaml");
    // A file outside a language folder.
    let d = check(&[("i18n/all.yaml", &all)]).unwrap_err();
    assert!(d[0].message.contains("language folder"), "{d:#?}");
}

#[test]
fn penalty_and_exception_translations_are_checked_against_the_corpus() {
    let all = complete();
    let good = all
        .replace(
            "  xx_act.micro_enterprise: 例外\n",
            "  xx_act.micro_enterprise: 微型企业豁免\n",
        )
        .replace(
            "    summary: 罚款\n",
            "    summary: 罚款\n    citation: 第50条第1款\n",
        );
    let t = check(&[("i18n/zh-CN/all.yaml", &good)]).expect("loads");
    let zh = t.get("zh-CN").unwrap();
    assert_eq!(
        zh.penalty("xx_act.fine_prohibited")
            .and_then(|p| p.summary.as_deref()),
        Some("罚款")
    );
    assert_eq!(
        zh.exception("xx_act", "micro_enterprise"),
        Some("微型企业豁免")
    );
    // An unknown penalty, an unknown exception, and tier labels the penalty does not have.
    let bad = all
        .replace("exceptions:\n", "exceptions:\n  xx_act.micro: 微型企业\n")
        .replace(
            "penalties:\n  xx_act.fine_prohibited:\n    summary: 罚款\n",
            "penalties:\n  xx_act.fine_prohibitd:\n    summary: 罚款\n  xx_act.fine_prohibited:\n    summary: 罚款\n    tiers: [一, 二]\n",
        );
    let d = check(&[("i18n/zh-CN/all.yaml", &bad)]).unwrap_err();
    let messages: Vec<&str> = d.iter().map(|x| x.message.as_str()).collect();
    assert!(
        messages.contains(&"unknown penalty `xx_act.fine_prohibitd`"),
        "{d:#?}"
    );
    assert!(
        messages.contains(&"unknown exception `xx_act.micro`"),
        "{d:#?}"
    );
    assert!(
        messages
            .contains(&"penalty `xx_act.fine_prohibited` translates 2 tiers but the corpus has 0"),
        "{d:#?}"
    );
    let hint = d
        .iter()
        .find(|x| x.message.starts_with("unknown penalty"))
        .and_then(|x| x.hint.as_deref());
    assert_eq!(hint, Some("did you mean `xx_act.fine_prohibited`?"));
}

#[test]
fn rule_notes_and_derivations_are_translated_in_full() {
    let all = complete();
    let t = check(&[("i18n/zh-CN/all.yaml", &all)]).expect("loads");
    let zh = t.get("zh-CN").unwrap();
    assert_eq!(zh.rule_note("xx_act.legacy_register"), Some("说明"));
    let d = zh
        .derivation("ai_system.compute_flop", 1)
        .expect("the second method");
    assert_eq!(
        (d.label.as_str(), d.citation.as_deref()),
        ("方法", Some("出处"))
    );
    // A rule with a note but no translated note.
    let d = check(&[(
        "i18n/zh-CN/all.yaml",
        &all.replace("  xx_act.legacy_register: 说明\n", ""),
    )])
    .unwrap_err();
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(
        d[0].message,
        "rule `xx_act.legacy_register` has a note but no zh-CN note"
    );
    assert_eq!(d[0].file, "i18n/zh-CN/xx.yaml");
    // A note for a rule that has none.
    let d = check(&[(
        "i18n/zh-CN/all.yaml",
        &all.replace("notes:\n", "notes:\n  xx_act.scope: 说明\n"),
    )])
    .unwrap_err();
    assert_eq!(
        d[0].message, "rule `xx_act.scope` has no note to translate",
        "{d:#?}"
    );
    // A derived fact with one method translated of two, and one whose citation is missing.
    let one = all.replacen("    - label: 方法\n", "", 1);
    let d = check(&[("i18n/zh-CN/all.yaml", &one)]).unwrap_err();
    assert!(
        d.iter().any(|x| x.message
            == "fact `ai_system.compute_flop` translates 1 derivations but the vocabulary has 2"),
        "{d:#?}"
    );
    let no_citation = all.replace("      citation: 出处\n", "");
    let d = check(&[("i18n/zh-CN/all.yaml", &no_citation)]).unwrap_err();
    assert_eq!(d.len(), 1, "{d:#?}");
    assert!(
        d[0].message
            .starts_with("fact `ai_system.compute_flop` is derived but has no zh-CN label"),
        "{d:#?}"
    );
    assert_eq!(d[0].file, "i18n/zh-CN/vocabulary.yaml");
}

#[test]
fn parameter_descriptions_are_translated_in_full() {
    let all = complete();
    let t = check(&[("i18n/zh-CN/all.yaml", &all)]).expect("loads");
    let zh = t.get("zh-CN").expect("zh-CN");
    assert_eq!(zh.parameter("xx_act.compute_threshold"), Some("参数说明"));
    // A parameter with a description but no translation: `compute` would print it in English.
    let d = check(&[(
        "i18n/zh-CN/all.yaml",
        &all.replace("  xx_act.compute_threshold: 参数说明\n", ""),
    )])
    .unwrap_err();
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(
        d[0].message,
        "parameter `xx_act.compute_threshold` has a description but no zh-CN text"
    );
    assert_eq!(d[0].file, "i18n/zh-CN/xx.yaml");
    // A parameter the corpus does not have.
    let d = check(&[(
        "i18n/zh-CN/all.yaml",
        &all.replace(
            "\nparameters:\n",
            "\nparameters:\n  xx_act.compute_treshold: 说明\n",
        ),
    )])
    .unwrap_err();
    assert_eq!(
        d[0].message, "unknown parameter `xx_act.compute_treshold`",
        "{d:#?}"
    );
    assert_eq!(
        d[0].hint.as_deref(),
        Some("did you mean `xx_act.compute_threshold`?")
    );
}

#[test]
fn event_provisions_are_translated_in_full() {
    let all = complete();
    let t = check(&[("i18n/zh-CN/all.yaml", &all)]).expect("loads");
    let zh = t.get("zh-CN").expect("zh-CN");
    assert_eq!(
        zh.event_provisions("xx_act", "applies_prohibitions"),
        Some("条款")
    );
    let d = check(&[(
        "i18n/zh-CN/all.yaml",
        &all.replace("  xx_act.applies_general: 条款\n", ""),
    )])
    .unwrap_err();
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(
        d[0].message,
        "event `xx_act.applies_general` has provisions but no zh-CN text"
    );
    assert_eq!(d[0].file, "i18n/zh-CN/xx.yaml");
    // An event that names no provisions has nothing to translate.
    let d = check(&[(
        "i18n/zh-CN/all.yaml",
        &all.replace("\nevents:\n", "\nevents:\n  xx_act.in_force: 条款\n"),
    )])
    .unwrap_err();
    assert_eq!(
        d[0].message, "unknown event with provisions `xx_act.in_force`",
        "{d:#?}"
    );
}

#[test]
fn challenge_notes_are_translated_in_full() {
    let all = complete();
    let loaded = aigov_corpus::load(&mini()).expect("mini corpus");
    let (inst, event) = loaded
        .corpus
        .instruments
        .iter()
        .find_map(|i| {
            i.events
                .iter()
                .find(|e| e.kind == aigov_core::model::EventKind::Challenged)
                .map(|e| (i.id.clone(), e.id.clone()))
        })
        .expect("the mini corpus has a challenge");
    let t = check(&[("i18n/zh-CN/all.yaml", &all)]).expect("loads");
    assert_eq!(
        t.get("zh-CN").expect("zh-CN").event_note(&inst, &event),
        Some("质疑")
    );
    let d = check(&[(
        "i18n/zh-CN/all.yaml",
        &all.replace(&format!("  {inst}.{event}: 质疑\n"), ""),
    )])
    .unwrap_err();
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(
        d[0].message,
        format!("challenge `{inst}.{event}` has a note but no zh-CN text")
    );
}

#[test]
fn every_parameter_and_event_of_the_embedded_corpus_has_a_chinese_text() {
    let sources = aigov_corpus::embedded_sources();
    let loaded = aigov_corpus::load(&sources).expect("the embedded corpus loads");
    let t = translations::load(&sources, &loaded.corpus).expect("translations load");
    let zh = t.get("zh-CN").expect("zh-CN");
    let han = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    let mut n = 0;
    for p in &loaded.corpus.parameters {
        let text = zh
            .parameter(&p.id)
            .unwrap_or_else(|| panic!("{} has no zh-CN description", p.id));
        assert!(han(text), "{}: {text}", p.id);
        n += 1;
    }
    assert!(n >= 40, "{n} parameters");
    // Every challenge's note, with the URLs the English cites.
    for i in &loaded.corpus.instruments {
        for e in &i.events {
            let Some(english) = e.note.as_deref() else {
                continue;
            };
            if e.kind != aigov_core::model::EventKind::Challenged {
                continue;
            }
            let text = zh
                .event_note(&i.id, &e.id)
                .unwrap_or_else(|| panic!("{}.{} has no zh-CN note", i.id, e.id));
            assert!(han(text), "{}.{}: {text}", i.id, e.id);
            for url in english.split_whitespace().filter(|w| w.starts_with("http")) {
                let url = url.trim_end_matches([',', ';', ')', '.']);
                assert!(text.contains(url), "{}.{}: {url} missing", i.id, e.id);
            }
        }
    }
    // Every event's provisions, with the URLs the English cites.
    for i in &loaded.corpus.instruments {
        for e in &i.events {
            let Some(english) = e.provisions.as_deref() else {
                continue;
            };
            let text = zh
                .event_provisions(&i.id, &e.id)
                .unwrap_or_else(|| panic!("{}.{} has no zh-CN provisions", i.id, e.id));
            assert!(han(text), "{}.{}: {text}", i.id, e.id);
            for url in english.split_whitespace().filter(|w| w.starts_with("http")) {
                let url = url.trim_end_matches([',', ';', ')', '.']);
                assert!(text.contains(url), "{}.{}: {url} missing", i.id, e.id);
            }
        }
    }
}

#[test]
fn every_note_and_derivation_of_the_embedded_corpus_has_a_chinese_text() {
    let sources = aigov_corpus::embedded_sources();
    let loaded = aigov_corpus::load(&sources).expect("the embedded corpus loads");
    let t = translations::load(&sources, &loaded.corpus).expect("translations load");
    let zh = t.get("zh-CN").expect("zh-CN");
    let han = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    let notes = loaded.corpus.rules.iter().filter(|r| r.note.is_some());
    let mut n = 0;
    for r in notes {
        let note = zh
            .rule_note(&r.id)
            .unwrap_or_else(|| panic!("{} has no zh-CN note", r.id));
        assert!(han(note), "{}: {note}", r.id);
        // Every URL the English note cites is cited by the translation too.
        for url in r
            .note
            .as_deref()
            .unwrap_or("")
            .split_whitespace()
            .filter(|w| w.starts_with("http"))
        {
            let url = url.trim_end_matches([',', ';', ')', '.']);
            assert!(note.contains(url), "{}: {url} missing from {note}", r.id);
        }
        n += 1;
    }
    assert!(n > 200, "{n} notes");
    for i in loaded
        .corpus
        .instruments
        .iter()
        .filter(|i| i.note.is_some())
    {
        assert!(zh.instrument_note(&i.id).is_some_and(han), "{}", i.id);
    }
    for f in loaded
        .corpus
        .vocabulary
        .facts
        .iter()
        .filter(|f| !f.derive.is_empty())
    {
        for i in 0..f.derive.len() {
            let d = zh.derivation(&f.qualified, i).expect("translated");
            assert!(
                han(&d.label) || d.label.contains('×'),
                "{}: {}",
                f.qualified,
                d.label
            );
        }
    }
}

#[test]
fn a_penalty_without_a_translated_summary_enforcer_or_note_is_a_lint_error() {
    let all = complete();
    // The mini corpus's one penalty has a summary and nothing else to translate.
    let d = check(&[(
        "i18n/zh-CN/all.yaml",
        &all.replace("    summary: 罚款\n", "    citation: 第50条第1款\n"),
    )])
    .unwrap_err();
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(
        d[0].message,
        "penalty `xx_act.fine_prohibited` has no zh-CN summary"
    );
    assert_eq!(d[0].file, "i18n/zh-CN/xx.yaml");
    // Not translated at all is the same error.
    let d = check(&[(
        "i18n/zh-CN/all.yaml",
        &all.replace("  xx_act.fine_prohibited:\n    summary: 罚款\n", ""),
    )])
    .unwrap_err();
    assert_eq!(
        d.iter().map(|x| x.message.as_str()).collect::<Vec<_>>(),
        ["penalty `xx_act.fine_prohibited` has no zh-CN summary"]
    );
    // A penalty with enforcers and a caveat needs their translations too.
    let mut sources = mini();
    let act = sources
        .iter_mut()
        .find(|s| s.path == "xx/act.yaml")
        .expect("the mini act");
    act.text = act.text.replace(
        "    summary: Fines for prohibited practices.\n",
        "    summary: Fines for prohibited practices.\n    enforced_by:\n      - { kind: agency, name: XX Market Authority }\n    note: See https://example.org/xx-act.\n",
    );
    let loaded = aigov_corpus::load(&sources).unwrap_or_else(|d| panic!("{d:#?}"));
    let with = |text: &str| {
        let mut s = sources.clone();
        s.push(Source {
            path: "i18n/zh-CN/all.yaml".into(),
            text: text.to_string(),
        });
        translations::load(&s, &loaded.corpus)
    };
    let d = with(&all).unwrap_err();
    assert_eq!(
        d.iter().map(|x| x.message.as_str()).collect::<Vec<_>>(),
        ["penalty `xx_act.fine_prohibited` has no zh-CN enforced_by, note"]
    );
    let full = all.replace(
        "    summary: 罚款\n",
        "    summary: 罚款\n    enforced_by: [XX 市场监管机关]\n    note: 见 https://example.org/xx-act。\n",
    );
    let t = with(&full).expect("loads");
    let p = t.get("zh-CN").unwrap().penalty("xx_act.fine_prohibited");
    assert_eq!(
        p.map(|p| p.enforced_by.clone()),
        Some(vec!["XX 市场监管机关".to_string()])
    );
}

#[test]
fn every_penalty_of_the_embedded_corpus_has_a_chinese_summary_enforcers_and_note() {
    let sources = aigov_corpus::embedded_sources();
    let loaded = aigov_corpus::load(&sources).expect("the embedded corpus loads");
    let t = translations::load(&sources, &loaded.corpus).expect("translations load");
    let zh = t.get("zh-CN").expect("zh-CN");
    let han = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    assert!(loaded.corpus.penalties.len() > 30);
    for p in &loaded.corpus.penalties {
        let tr = zh
            .penalty(&p.id)
            .unwrap_or_else(|| panic!("{} is not translated", p.id));
        let summary = tr.summary.as_deref().unwrap_or("");
        assert!(han(summary), "{}: {summary}", p.id);
        if !p.enforced_by.is_empty() {
            assert_eq!(tr.enforced_by.len(), p.enforced_by.len(), "{}", p.id);
            assert!(tr.enforced_by.iter().all(|n| han(n)), "{}", p.id);
        }
        // Every URL the English texts cite is cited by the translation too.
        for (english, zh_text) in [
            (Some(p.summary.as_str()), Some(summary)),
            (p.note.as_deref(), tr.note.as_deref()),
        ] {
            let Some(english) = english else { continue };
            let zh_text = zh_text.unwrap_or_else(|| panic!("{} has no zh-CN note", p.id));
            assert!(han(zh_text), "{}: {zh_text}", p.id);
            for url in english.split_whitespace().filter(|w| w.contains("http")) {
                let url = url
                    .trim_start_matches('(')
                    .trim_end_matches([',', ';', ')', '.']);
                assert!(
                    zh_text.contains(url),
                    "{}: {url} missing from {zh_text}",
                    p.id
                );
            }
        }
    }
}

#[test]
fn an_exception_without_a_translated_summary_is_a_lint_error() {
    let all = complete();
    assert!(all.contains("  xx_act.micro_enterprise: 例外\n"), "{all}");
    let d = check(&[(
        "i18n/zh-CN/all.yaml",
        &all.replace("  xx_act.micro_enterprise: 例外\n", ""),
    )])
    .unwrap_err();
    assert_eq!(
        d.iter().map(|x| x.message.as_str()).collect::<Vec<_>>(),
        ["exception `xx_act.micro_enterprise` (of rule `xx_act.credit_duty`) has no zh-CN text"],
        "{d:#?}"
    );
    assert_eq!(d[0].file, "i18n/zh-CN/xx.yaml");
    assert!(
        d[0].hint
            .as_deref()
            .is_some_and(|h| h.contains("`xx_act.micro_enterprise: ...` under `exceptions:`")),
        "{d:#?}"
    );
    // An empty text is no translation either.
    let d = check(&[(
        "i18n/zh-CN/all.yaml",
        &all.replace(
            "  xx_act.micro_enterprise: 例外\n",
            "  xx_act.micro_enterprise: \"\"\n",
        ),
    )])
    .unwrap_err();
    assert_eq!(d.len(), 1, "{d:#?}");
    assert!(d[0]
        .message
        .starts_with("exception `xx_act.micro_enterprise`"));
    // With it, the file loads.
    check(&[("i18n/zh-CN/all.yaml", &all)]).expect("complete translations load");
}

#[test]
fn every_exception_of_the_embedded_corpus_has_chinese_text() {
    let sources = aigov_corpus::embedded_sources();
    let loaded = aigov_corpus::load(&sources).expect("the embedded corpus loads");
    let t = translations::load(&sources, &loaded.corpus).expect("translations load");
    let zh = t.get("zh-CN").expect("zh-CN");
    let han = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    let mut seen = 0;
    for r in &loaded.corpus.rules {
        let inst = &loaded.corpus.instrument_of(r).id;
        for e in r.versions.iter().flat_map(|v| &v.exceptions) {
            seen += 1;
            let text = zh
                .exception(inst, &e.id)
                .unwrap_or_else(|| panic!("{inst}.{} (rule {}) has no zh-CN text", e.id, r.id));
            assert!(han(text), "{inst}.{}: {text}", e.id);
            // Every URL the English cites, the Chinese cites too.
            for url in e.summary.split_whitespace().filter(|w| w.contains("http")) {
                let url = url
                    .trim_start_matches('(')
                    .trim_end_matches([',', ';', ')', '.']);
                assert!(
                    text.contains(url),
                    "{inst}.{}: {url} missing from {text}",
                    e.id
                );
            }
        }
    }
    // The EU AI Act alone has 20 distinct exception ids, shared by more rules.
    assert!(seen > 48, "{seen}");
    assert!(zh
        .exception("eu_ai_act", "obvious")
        .is_some_and(|t| t.contains("人工智能")));
}

/// A later text of a rule that changes its duty needs its translation (`later_effects:`), or a report after the
/// change prints the duty in English; the translation is used for that text only.
#[test]
fn a_changed_duty_needs_its_later_translation() {
    let sources = aigov_corpus::embedded_sources();
    let loaded = aigov_corpus::load(&sources).expect("the embedded corpus loads");
    let t = translations::load(&sources, &loaded.corpus).expect("translations load");
    let zh = t.get("zh-CN").expect("zh-CN");
    let rule = "eu_ai_act.art4_ai_literacy";
    let first = "Ensure, to the best extent possible, a sufficient level of AI literacy of staff and others dealing with AI systems on your behalf.";
    let later = "Take measures to support the development of AI literacy of staff and others operating AI systems on your behalf.";
    assert!(zh
        .rule_effect(rule, first)
        .is_some_and(|t| t.starts_with("尽最大可能确保")));
    assert!(zh
        .rule_effect(rule, later)
        .is_some_and(|t| t.starts_with("采取措施")));
    assert_eq!(zh.rule_effect(rule, "Something else."), None);
    // Without it, lint names the rule and the version.
    let stripped: Vec<Source> = sources
        .iter()
        .map(|s| Source {
            path: s.path.clone(),
            text: if s.path == "i18n/zh-CN/eu.yaml" {
                s.text.replace(
                    "    later_effects:\n      - \"采取措施，支持员工及代表贵组织操作人工智能系统的其他人员提升人工智能素养。\"\n",
                    "",
                )
            } else {
                s.text.clone()
            },
        })
        .collect();
    let d = translations::load(&stripped, &loaded.corpus).unwrap_err();
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(
        d[0].message,
        "rule `eu_ai_act.art4_ai_literacy`: its version 2 changes the effect but has no zh-CN text"
    );
    assert_eq!(d[0].file, "i18n/zh-CN/eu.yaml");
}

/// What a later text of a rule changed needs its translation (`later_changes:`); reports find it by the English
/// words the finding carries.
#[test]
fn every_later_change_of_the_embedded_corpus_has_a_chinese_text() {
    let sources = aigov_corpus::embedded_sources();
    let loaded = aigov_corpus::load(&sources).expect("the embedded corpus loads");
    let t = translations::load(&sources, &loaded.corpus).expect("translations load");
    let zh = t.get("zh-CN").expect("zh-CN");
    let han = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    let mut n = 0;
    for r in &loaded.corpus.rules {
        for v in r.versions.iter().skip(1) {
            let Some(change) = v.change.as_deref() else {
                continue;
            };
            let text = zh
                .version_change(change)
                .unwrap_or_else(|| panic!("{}: no zh-CN text for `{change}`", r.id));
            assert!(han(text), "{}: {text}", r.id);
            n += 1;
        }
    }
    assert!(n > 100, "{n} later changes");
    // Without one, lint names the rule and the version.
    let stripped: Vec<Source> = sources
        .iter()
        .map(|s| Source {
            path: s.path.clone(),
            text: if s.path == "i18n/zh-CN/us-ut.yaml" {
                s.text.replacen(
                    "      - \"由SB 226重新制定于《犹他州法典》第13-75章。\"\n",
                    "      - ~\n",
                    1,
                )
            } else {
                s.text.clone()
            },
        })
        .collect();
    let d = translations::load(&stripped, &loaded.corpus).unwrap_err();
    assert_eq!(d.len(), 1, "{d:#?}");
    assert!(
        d[0].message
            .ends_with("says what changed but has no zh-CN text"),
        "{d:#?}"
    );
}
