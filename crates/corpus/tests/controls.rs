//! The control catalogue and the crosswalk: the built-in files load and cover every obligation and prohibition of
//! the corpus; key mappings are pinned (a wrong mapping fails here); and every kind of mistake in a user's control
//! files is reported at its file and line.

use aigov_corpus::controls::{self, Relationship};
use aigov_corpus::{embedded_controls, embedded_sources, Source};

const MINI: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini");

fn corpus() -> aigov_core::Corpus {
    aigov_corpus::load(&embedded_sources())
        .expect("the corpus loads")
        .corpus
}

fn src(path: &str, text: &str) -> Source {
    Source {
        path: path.into(),
        text: text.into(),
    }
}

#[test]
fn the_built_in_catalogue_covers_every_obligation_and_prohibition() {
    let corpus = corpus();
    let cat = controls::load_controls(&embedded_controls(), &[]).expect("controls load");
    let diags = controls::check(&cat, &corpus, &embedded_sources());
    assert!(diags.is_empty(), "{diags:#?}");
    assert!(cat.controls.len() >= 30, "a few dozen controls");
    for c in &cat.controls {
        assert!(!c.title.en.is_empty() && !c.title.zh.is_empty(), "{}", c.id);
        assert!(
            c.description
                .zh
                .chars()
                .any(|ch| ('\u{4e00}'..='\u{9fff}').contains(&ch)),
            "{}",
            c.id
        );
    }
    let duties: Vec<&str> = corpus
        .rules
        .iter()
        .filter(|r| controls::calls_for_controls(r))
        .map(|r| r.id.as_str())
        .collect();
    assert!(duties.len() >= 242, "{}", duties.len());
    for d in &duties {
        assert!(cat.for_rule(d).next().is_some(), "{d} is not mapped");
    }
    // Every control of the catalogue serves at least one rule.
    for c in &cat.controls {
        assert!(
            cat.mappings.iter().any(|m| m.control == c.id),
            "{} maps no rule",
            c.id
        );
    }
}

#[test]
fn key_mappings_are_pinned() {
    let cat = controls::load_controls(&embedded_controls(), &[]).expect("controls load");
    let rel = |rule: &str, control: &str| {
        cat.for_rule(rule)
            .find(|m| m.control == control)
            .map(|m| m.relationship)
    };
    use Relationship::*;
    assert_eq!(
        rel("eu_ai_act.art9_risk_management", "risk_management"),
        Some(Equal)
    );
    assert_eq!(
        rel("us_co_sb24_205.deployer_risk_management", "risk_management"),
        Some(Equal)
    );
    assert_eq!(
        rel(
            "us_mt_sb212.critical_infrastructure_risk_policy",
            "risk_management"
        ),
        Some(Equal)
    );
    for r in [
        "eu_ai_act.art73_2_serious_incident",
        "eu_ai_act.art55_1_c",
        "us_ca_sb53.incident_report",
        "us_ny_raise.incident_report",
        "us_co_sb24_205.deployer_ag_notice",
    ] {
        assert_eq!(rel(r, "incident_reporting"), Some(SubsetOf), "{r}");
    }
    assert_eq!(
        rel(
            "us_co_sb24_205.deployer_impact_assessment",
            "impact_assessment"
        ),
        Some(SubsetOf)
    );
    assert_eq!(
        rel("eu_ai_act.art27_fria", "impact_assessment"),
        Some(SupersetOf)
    );
    assert_eq!(
        rel("us_ny_nyc_ll144.bias_audit", "fairness_testing"),
        Some(IntersectsWith)
    );
    assert_eq!(
        rel("eu_ai_act.art5_1_f", "prohibited_practices"),
        Some(SubsetOf)
    );
    // The standardisation request supports the EU high-risk requirements.
    let art9 = cat
        .for_rule("eu_ai_act.art9_risk_management")
        .next()
        .unwrap();
    assert!(art9.source.as_deref().unwrap().contains("M/593"));
    // A control cites framework identifiers only.
    let rm = cat.control("risk_management").unwrap();
    assert!(rm
        .references
        .nist_ai_rmf
        .contains(&"GOVERN 1.4".to_string()));
    assert!(cat
        .control("event_logging")
        .unwrap()
        .references
        .iso_42001
        .contains(&"A.6.2.8".to_string()));
}

#[test]
fn nist_ai_rmf_has_72_subcategories() {
    let all = controls::nist_ai_rmf_subcategories();
    assert_eq!(all.len(), 72);
    assert!(all.contains(&"MEASURE 2.13".to_string()));
    assert!(!all.contains(&"MEASURE 2.14".to_string()));
}

fn user_errors(files: &[Source]) -> Vec<aigov_corpus::Diagnostic> {
    let corpus = aigov_corpus::load(&aigov_corpus::read_dir(std::path::Path::new(MINI)).unwrap())
        .expect("mini corpus")
        .corpus;
    match controls::load_controls(&embedded_controls(), files) {
        Err(d) => d,
        Ok(cat) => {
            let sources = aigov_corpus::read_dir(std::path::Path::new(MINI)).unwrap();
            controls::check(&cat, &corpus, &sources)
        }
    }
}

#[test]
fn the_mini_corpus_with_its_own_mappings_is_clean() {
    let user = aigov_corpus::read_controls_dir(std::path::Path::new(MINI)).unwrap();
    assert_eq!(user.len(), 1);
    assert_eq!(user[0].path, "controls/mappings.yaml");
    assert!(user_errors(&user).is_empty());
    // The corpus reader leaves controls/ out of the instruments.
    let corpus_files = aigov_corpus::read_dir(std::path::Path::new(MINI)).unwrap();
    assert!(corpus_files
        .iter()
        .all(|s| !s.path.starts_with("controls/")));
}

#[test]
fn an_unmapped_obligation_is_reported_at_its_rule() {
    let user = aigov_corpus::read_controls_dir(std::path::Path::new(MINI)).unwrap();
    let text = user[0].text.replace(
        "  - { rule: xx_act.credit_duty, controls: { decision_explanation: subset_of } }\n",
        "",
    );
    let d = user_errors(&[src("controls/mappings.yaml", &text)]);
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(d[0].file, "xx/act.yaml");
    assert!(d[0]
        .message
        .contains("obligation `xx_act.credit_duty` maps to no control"));
    let act = std::fs::read_to_string(format!("{MINI}/xx/act.yaml")).unwrap();
    assert!(act
        .lines()
        .nth(d[0].line - 1)
        .unwrap()
        .contains("id: xx_act.credit_duty"));
}

#[test]
fn mistakes_in_a_users_files_are_placed() {
    let base = aigov_corpus::read_controls_dir(std::path::Path::new(MINI)).unwrap()[0]
        .text
        .clone();
    // A mapping to an unknown control, with a suggestion.
    let d = user_errors(&[src(
        "controls/mappings.yaml",
        &base.replace(
            "{ decision_explanation: subset_of }",
            "{ decision_explanatoin: subset_of }",
        ),
    )]);
    assert_eq!(d.len(), 1, "{d:#?}");
    assert!(d[0]
        .message
        .contains("unknown control `decision_explanatoin`"));
    assert_eq!(
        d[0].hint.as_deref(),
        Some("did you mean `decision_explanation`?")
    );
    let line = base
        .lines()
        .position(|l| l.contains("xx_act.credit_duty"))
        .unwrap()
        + 1;
    assert_eq!(
        (d[0].file.as_str(), d[0].line),
        ("controls/mappings.yaml", line)
    );

    // A user's mapping to an unknown rule.
    let d = user_errors(&[src(
        "controls/mappings.yaml",
        &format!("{base}  - {{ rule: xx_act.nope, controls: {{ risk_management: equal }} }}\n"),
    )]);
    assert_eq!(d.len(), 1, "{d:#?}");
    assert!(
        d[0].message.contains("unknown rule `xx_act.nope`"),
        "{}",
        d[0].message
    );
    assert_eq!(d[0].line, base.lines().count() + 1);

    // A mapping of a classification rule.
    let d = user_errors(&[src(
        "controls/mappings.yaml",
        &format!("{base}  - {{ rule: xx_act.high_risk_recruitment, controls: {{ risk_management: equal }} }}\n"),
    )]);
    assert!(
        d.iter().any(|d| d
            .message
            .contains("neither an obligation nor a prohibition")),
        "{d:#?}"
    );

    // A wrong relationship, an unknown key, a bad NIST identifier.
    let d = user_errors(&[src(
        "controls/mappings.yaml",
        &base.replace(
            "{ regulatory_filing: subset_of } }\n  - { rule: us_eo_new",
            "{ regulatory_filing: part_of } }\n  - { rule: us_eo_new",
        ),
    )]);
    assert_eq!(d.len(), 1, "{d:#?}");
    assert!(
        d[0].hint.as_deref().unwrap_or("").contains("subset_of"),
        "{d:#?}"
    );
    let d = user_errors(&[src(
        "controls/mappings.yaml",
        &base.replace(
            "    family: governance",
            "    family: governance\n    owner: me",
        ),
    )]);
    assert!(d[0].message.contains("unknown field `owner`"), "{d:#?}");
    assert_eq!(d[0].line, 5);
    let d = user_errors(&[src(
        "controls/mappings.yaml",
        &base.replace("[GOVERN 1.1]", "[GOVERN 1.8]"),
    )]);
    assert_eq!(d.len(), 1, "{d:#?}");
    assert!(d[0]
        .message
        .contains("`GOVERN 1.8` is not a NIST AI RMF 1.0 subcategory"));

    // A duplicate control id, and Chinese text that is not Chinese.
    let d = user_errors(&[src(
        "controls/mappings.yaml",
        &base.replace("id: xx_policy_review", "id: risk_management"),
    )]);
    assert!(
        d.iter().any(|d| d.message.contains("declared twice")),
        "{d:#?}"
    );
    let d = user_errors(&[src(
        "controls/mappings.yaml",
        &base.replace("zh: 对照国家人工智能政策进行审查", "zh: review"),
    )]);
    assert!(
        d.iter().any(|d| d.message.contains("not in Chinese")),
        "{d:#?}"
    );
}

#[test]
fn built_in_mappings_of_absent_instruments_are_inactive() {
    // The mini corpus holds no EU AI Act: its built-in mappings are neither errors nor active.
    let corpus = aigov_corpus::load(&aigov_corpus::read_dir(std::path::Path::new(MINI)).unwrap())
        .unwrap()
        .corpus;
    let user = aigov_corpus::read_controls_dir(std::path::Path::new(MINI)).unwrap();
    let mut cat = controls::load_controls(&embedded_controls(), &user).unwrap();
    assert!(cat
        .for_rule("eu_ai_act.art9_risk_management")
        .next()
        .is_some());
    cat.retain_known(&corpus);
    assert!(cat
        .for_rule("eu_ai_act.art9_risk_management")
        .next()
        .is_none());
    assert_eq!(cat.mappings.len(), 8);
    // But a built-in mapping that names a wrong rule of a present instrument is an error.
    let bad = src(
        "controls/builtin.yaml",
        "mappings:\n  - { rule: xx_act.credit_dutty, controls: { decision_explanation: subset_of } }\n",
    );
    let cat = controls::load_controls(&[embedded_controls(), vec![bad]].concat(), &user).unwrap();
    let d = controls::check(&cat, &corpus, &[]);
    assert!(
        d.iter()
            .any(|d| d.message.contains("unknown rule `xx_act.credit_dutty`")
                && d.hint.as_deref() == Some("did you mean `xx_act.credit_duty`?")),
        "{d:#?}"
    );
}
