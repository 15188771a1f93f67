//! What the legal review of 2026-12-06 changed in rules' text, held in place: each test reads the embedded corpus
//! and fails if a rule falls back to the encoding the review corrected (a duty folded into another, a citation
//! that named only a topic, a deadline without its clock).

use aigov_core::model::{Effect, Rule};

fn corpus() -> aigov_core::model::Corpus {
    aigov_corpus::load(&aigov_corpus::embedded_sources())
        .unwrap_or_else(|d| panic!("{d:#?}"))
        .corpus
}

fn rule<'a>(c: &'a aigov_core::model::Corpus, id: &str) -> &'a Rule {
    c.rule(id).unwrap_or_else(|| panic!("rule {id} is encoded"))
}

fn latest_citation(r: &Rule) -> &str {
    &r.versions.last().expect("a rule has a version").citation
}

#[test]
fn nyc_data_information_is_its_own_duty_with_a_30_day_clock() {
    let c = corpus();
    let r = rule(&c, "us_ny_nyc_ll144.data_information_on_request");
    assert_eq!(
        latest_citation(r),
        "NYC Admin. Code § 20-871(b)(3); 6 RCNY § 5-304"
    );
    assert_eq!(r.roles, ["deployer"]);
    match &r.versions[0].effect {
        Effect::Obligation { deadline, .. } => {
            let d = deadline.as_ref().expect("the duty has a deadline");
            assert_eq!(d.within_days, Some(30));
            assert!(d
                .after
                .as_deref()
                .is_some_and(|a| a.contains("written request")));
        }
        other => panic!("an obligation, not {other:?}"),
    }
    // The notice of § 20-871(b)(1)-(2) no longer claims the data duty of (b)(3).
    let notice = rule(&c, "us_ny_nyc_ll144.candidate_notice");
    assert_eq!(
        latest_citation(notice),
        "NYC Admin. Code § 20-871(b)(1)-(2); 6 RCNY § 5-304"
    );
}

#[test]
fn cppa_submission_and_audit_rules_cite_their_sections() {
    let c = corpus();
    let cases = [
        (
            "us_ca_cppa_admt_regs.risk_assessment_submission",
            "§ 7157(a)-(b)",
        ),
        ("us_ca_cppa_admt_regs.cyber_audit_over_100m", "7121(a)(1)"),
        ("us_ca_cppa_admt_regs.cyber_audit_50m_to_100m", "7121(a)(2)"),
        ("us_ca_cppa_admt_regs.cyber_audit_under_50m", "7121(a)(3)"),
        ("us_ca_cppa_admt_regs.risk_assessment", "7155(a)(1), (b)"),
    ];
    for (id, section) in cases {
        let cite = latest_citation(rule(&c, id));
        assert!(
            cite.starts_with("Cal. Code Regs. tit. 11, §") && cite.contains(section),
            "{id} cites {cite:?}, not {section}"
        );
    }
}

/// The finding of an Art 6(1) rule for a product under the given Annex I legislation, as of a date.
fn annex1_finding(rule: &str, legislation: &str, as_of: &str) -> (String, Vec<String>, String) {
    use aigov_core::assess::{Engine, Options};
    use aigov_core::manifest::{self, Format};
    let engine = Engine::new(corpus());
    let yaml = format!(
        "subject: ai_system\norganization: {{ established_in: [DE] }}\nai_system:\n  roles: [provider]\n  placed_on_market_in: [DE]\n  annex1_legislation: [{legislation}]\n  annex1_safety_component: true\n  third_party_conformity_assessment: true\n"
    );
    let facts = manifest::parse(&yaml, Format::Yaml, &engine.corpus.vocabulary)
        .unwrap_or_else(|e| panic!("manifest: {e:?}"));
    let mut options = Options::as_of(as_of.parse().expect("a date"));
    options.include_not_applicable = true;
    let a = engine.assess(&facts, &options);
    let f = a
        .finding(rule)
        .unwrap_or_else(|| panic!("{rule} is reported"));
    (
        f.citation.to_string(),
        f.citation_items.iter().map(|s| s.to_string()).collect(),
        f.cited().into_owned(),
    )
}

#[test]
fn annex1_findings_cite_the_point_that_lists_the_products_legislation() {
    let (citation, items, _) = annex1_finding(
        "eu_ai_act.art6_1_annex1_section_a",
        "medical_devices",
        "2026-11-28",
    );
    assert_eq!(
        citation,
        "Art 6(1), Annex I, Section A, point 11 (Regulation (EU) 2017/745 on medical devices)"
    );
    assert_eq!(items, std::slice::from_ref(&citation));
    let (citation, _, _) = annex1_finding(
        "eu_ai_act.art6_1_annex1_section_b",
        "motor_vehicles",
        "2026-11-28",
    );
    assert_eq!(
        citation,
        "Art 6(1), Annex I, Section B, point 18 (Regulation (EU) 2018/858 on the approval of motor vehicles and their trailers)"
    );
}

#[test]
fn machinery_is_cited_where_the_annex_lists_it_on_each_date() {
    // Before the Digital Omnibus: Section A, point 1.
    let (citation, _, _) = annex1_finding(
        "eu_ai_act.art6_1_annex1_section_a",
        "machinery",
        "2026-06-01",
    );
    assert_eq!(
        citation,
        "Art 6(1), Annex I, Section A, point 1 (Directive 2006/42/EC on machinery)"
    );
    // After it: Section B, point 21; Section A no longer lists machinery and cites only itself.
    let (citation, _, _) = annex1_finding(
        "eu_ai_act.art6_1_annex1_section_b",
        "machinery",
        "2026-11-28",
    );
    assert!(
        citation.starts_with("Art 6(1), Annex I, Section B, point 21 (Regulation (EU) 2023/1230"),
        "{citation}"
    );
    let (citation, items, _) = annex1_finding(
        "eu_ai_act.art6_1_annex1_section_a",
        "machinery",
        "2026-11-28",
    );
    assert_eq!(citation, "Art 6(1), Annex I Section A");
    assert!(items.is_empty());
}

#[test]
fn a_product_under_two_acts_cites_both_points() {
    let (citation, items, cited) = annex1_finding(
        "eu_ai_act.art6_1_annex1_section_a",
        "radio_equipment, toys",
        "2026-11-28",
    );
    assert_eq!(citation, "Art 6(1), Annex I Section A");
    assert_eq!(items.len(), 2);
    assert_eq!(
        cited,
        "Art 6(1), Annex I, Section A, point 2 (Directive 2009/48/EC on the safety of toys); Art 6(1), Annex I, Section A, point 6 (Directive 2014/53/EU on radio equipment)"
    );
}

/// The embedded corpus with one edit to the EU AI Act file, and the loader's messages.
fn lint_with(from: &str, to: &str) -> String {
    let mut sources = aigov_corpus::embedded_sources();
    let s = sources
        .iter_mut()
        .find(|s| s.path == "eu/ai-act.yaml")
        .expect("the AI Act file");
    assert!(s.text.contains(from), "the file has `{from}`");
    s.text = s.text.replacen(from, to, 1);
    match aigov_corpus::load(&sources) {
        Ok(_) => panic!("`{to}` was accepted"),
        Err(d) => format!("{d:?}"),
    }
}

#[test]
fn a_citation_table_is_checked_against_the_vocabulary() {
    let m = lint_with("{ value: toys, citation:", "{ value: toy, citation:");
    assert!(
        m.contains("`toy` is not a value of `ai_system.annex1_legislation`") && m.contains("toys"),
        "{m}"
    );
    let m = lint_with(
        "      fact: ai_system.annex1_legislation\n",
        "      fact: ai_system.annex1_safety_component\n",
    );
    assert!(m.contains("is not a set or enum fact"), "{m}");
    let m = lint_with(
        "citation: \"Art 6(1), Annex I, Section A, point 2",
        "citation: \"[S12] Annex I, Section A, point 2",
    );
    assert!(m.contains("a label a user cannot follow"), "{m}");
}
