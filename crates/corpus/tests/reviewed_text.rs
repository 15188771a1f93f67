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
