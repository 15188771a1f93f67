//! Penalties are reported faithfully (amounts, unit, tiers, cure period, enforcers, private right of action), with
//! their own start date, and are not shown as enforceable before they can be imposed; a finding carries its
//! instrument's whole history up to the date. Checked on the real corpus.

use aigov_core::assess::{Engine, Finding, Options, Status};
use aigov_core::manifest::{self, Format};
use aigov_core::model::{EnforcerKind, EventKind, PenaltyUnit};
use aigov_core::{Date, Facts};
use std::sync::OnceLock;

fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| {
        Engine::new(
            aigov_corpus::load(&aigov_corpus::embedded_sources())
                .expect("corpus")
                .corpus,
        )
    })
}

fn date(s: &str) -> Date {
    s.parse().expect("a date")
}

fn facts(yaml: &str) -> &'static Facts {
    Box::leak(Box::new(
        manifest::parse(yaml, Format::Yaml, &engine().corpus.vocabulary).expect("manifest"),
    ))
}

fn finding(facts: &'static Facts, as_of: &str, rule: &str) -> Finding<'static> {
    let a = engine().assess(facts, &Options::as_of(date(as_of)));
    a.finding(rule)
        .unwrap_or_else(|| panic!("no finding for {rule} on {as_of}"))
        .clone()
}

const EMOTION_AT_WORK: &str = "subject: ai_system
organization: { established_in: [FR] }
ai_system: { roles: [deployer], used_in: [FR], scope_exclusions: [], practices: [], capabilities: [emotion_recognition], annex3_uses: [emotion_recognition], use_settings: [workplace], medical_or_safety_purpose: false }
";

const FRONTIER_MODEL: &str = "subject: model
organization: { established_in: [US] }
model: { roles: [provider], placed_on_market_in: [EU], placed_on_market_date: 2025-09-01, general_purpose: true, training_compute_flop: 5.0e+25, systemic_risk_rebuttal_accepted: false, open_source_licence: false, weights_public: false, scope_exclusions: [] }
";

#[test]
fn an_art5_ban_in_effect_before_art99_applies_is_not_yet_finable() {
    let f = facts(EMOTION_AT_WORK);
    // The Art 5 bans apply from 2025-02-02; Art 99 fines only from 2025-08-02.
    let before = finding(f, "2025-03-01", "eu_ai_act.art5_1_f");
    assert_eq!(before.status, Status::InEffect);
    let p = before.penalty.as_ref().expect("the ban has a penalty");
    assert_eq!(p.id, "eu_ai_act.art99_3");
    assert_eq!(p.applies_from, Some(date("2025-08-02")));
    assert_eq!(p.enforceable_from, date("2025-08-02"));
    assert!(!p.enforceable, "no Art 99 fine before 2025-08-02");
    assert!(
        p.text.contains("can be imposed from 2025-08-02"),
        "{}",
        p.text
    );
    let day_before = finding(f, "2025-08-01", "eu_ai_act.art5_1_f");
    assert!(!day_before.penalty.as_ref().expect("penalty").enforceable);
    let from = finding(f, "2025-08-02", "eu_ai_act.art5_1_f");
    let p = from.penalty.as_ref().expect("penalty");
    assert!(p.enforceable, "finable from 2025-08-02");
    assert_eq!(p.max_amount, Some(35_000_000.0));
    assert_eq!(p.max_turnover_percent, Some(7.0));
    assert_eq!(p.currency, Some("EUR"));
    assert_eq!(p.unit, Some(PenaltyUnit::OneOff));
    assert_eq!(p.enforced_by[0].kind, EnforcerKind::Agency);
}

#[test]
fn gpai_duties_apply_a_year_before_the_commission_can_fine_them() {
    let f = facts(FRONTIER_MODEL);
    let during = finding(f, "2025-09-01", "eu_ai_act.art53_1_a");
    assert_eq!(
        during.status,
        Status::InEffect,
        "GPAI duties apply from 2025-08-02"
    );
    let p = during.penalty.as_ref().expect("the duty has a penalty");
    assert_eq!(p.id, "eu_ai_act.art101");
    assert_eq!(p.applies_from, Some(date("2026-08-02")));
    assert!(!p.enforceable, "no Art 101 fine before 2026-08-02");
    assert!(
        !finding(f, "2026-08-01", "eu_ai_act.art53_1_a")
            .penalty
            .expect("penalty")
            .enforceable
    );
    let after = finding(f, "2026-08-02", "eu_ai_act.art53_1_a");
    let p = after.penalty.as_ref().expect("penalty");
    assert!(p.enforceable);
    assert_eq!(p.enforced_by[0].name, "European Commission (AI Office)");
}

#[test]
fn nyc_ll144_penalty_keeps_its_tiers_and_its_daily_count() {
    let f = facts(
        "subject: ai_system
organization: { operates_in: [US-NY-NYC] }
ai_system: { roles: [deployer], affected_persons_in: [US-NY-NYC], employment_decision_uses: [hiring], nyc_aedt_substantial_assist: true }
",
    );
    let a = engine().assess(f, &Options::as_of(date("2026-11-28")));
    let p = a
        .findings
        .iter()
        .filter_map(|x| x.penalty.as_ref())
        .find(|p| p.id == "us_ny_nyc_ll144.civil_penalty")
        .expect("an LL 144 duty carries its penalty");
    assert!(p.each_day_separate_violation);
    assert_eq!(p.tiers.len(), 2);
    assert_eq!(p.tiers[0].max_amount, Some(500.0));
    assert_eq!(
        (p.tiers[1].min_amount, p.tiers[1].max_amount),
        (Some(500.0), Some(1500.0))
    );
    assert!(p.tiers.iter().all(|t| t.unit == PenaltyUnit::PerViolation));
    assert!(
        p.text.contains("USD 500 to USD 1,500 per violation"),
        "{}",
        p.text
    );
    assert!(
        p.text.contains("each day a separate violation"),
        "{}",
        p.text
    );
    assert!(
        p.text
            .contains("Department of Consumer and Worker Protection"),
        "{}",
        p.text
    );
    assert!(p.enforceable);
}

#[test]
fn state_penalties_carry_enforcer_private_right_cure_period_and_unit() {
    let c = &engine().corpus;
    let sb53 = c.penalty("us_ca_sb53.civil_penalty").expect("SB 53");
    assert_eq!(sb53.max_amount, Some(1_000_000.0));
    assert_eq!(sb53.unit, Some(PenaltyUnit::PerViolation));
    assert_eq!(sb53.enforced_by.len(), 1);
    assert_eq!(sb53.enforced_by[0].kind, EnforcerKind::AttorneyGeneral);
    assert_eq!(sb53.private_right_of_action, Some(false));

    let co = c
        .penalty("us_co_sb24_205.cpa_civil_penalty")
        .expect("Colorado");
    assert_eq!(co.enforced_by[0].kind, EnforcerKind::AttorneyGeneral);
    assert_eq!(co.private_right_of_action, Some(false));
    assert_eq!(co.unit, Some(PenaltyUnit::PerViolation));

    let tx = c.penalty("us_tx_traiga.civil_penalty").expect("TRAIGA");
    assert_eq!(tx.cure_period_days, Some(60));
    assert_eq!(tx.private_right_of_action, Some(false));
    assert!(tx.tiers.iter().any(|t| t.unit == PenaltyUnit::PerDay
        && t.min_amount == Some(2000.0)
        && t.max_amount == Some(40000.0)));

    let ny = c
        .penalty("us_ny_gbl_art47.civil_penalty")
        .expect("GBL Art 47");
    assert_eq!(
        ny.unit,
        Some(PenaltyUnit::PerDay),
        "a per-day penalty is not a one-off cap"
    );

    let sb942 = c.penalty("us_ca_sb942.civil_penalty").expect("SB 942");
    assert!(sb942.each_day_separate_violation);
    assert!(sb942
        .enforced_by
        .iter()
        .any(|e| e.kind == EnforcerKind::LocalProsecutor));
}

#[test]
fn penalty_text_says_who_enforces_and_that_no_one_else_may_sue() {
    let e = engine();
    let f = facts(
        "subject: model
organization: { operates_in: [US-CA], annual_revenue_usd: 1.0e+9 }
model: { roles: [provider], training_compute_flop: 2.0e+26 }
",
    );
    let a = e.assess(f, &Options::as_of(date("2026-06-01")));
    let p = a
        .findings
        .iter()
        .filter_map(|x| x.penalty.as_ref())
        .find(|p| p.id == "us_ca_sb53.civil_penalty")
        .expect("an SB 53 duty carries its penalty");
    assert!(
        p.text.starts_with("up to USD 1,000,000 per violation"),
        "{}",
        p.text
    );
    assert!(
        p.text
            .contains("enforced by California Attorney General only; no private right of action"),
        "{}",
        p.text
    );
}

#[test]
fn colorado_history_reads_as_it_happened() {
    let e = engine();
    let f = facts(
        "subject: ai_system
organization: { operates_in: [US-CO] }
ai_system: { roles: [deployer] }
",
    );
    let mut o = Options::as_of(date("2026-06-01"));
    o.include_not_applicable = true;
    let a = e.assess(f, &o);
    let f = a
        .findings
        .iter()
        .find(|f| f.instrument == "us_co_sb24_205")
        .expect("a Colorado AI Act finding");
    assert_eq!(f.status, Status::Ended);
    let kinds: Vec<(EventKind, Date)> = f.history.iter().map(|c| (c.kind, c.date)).collect();
    assert_eq!(
        kinds,
        vec![
            (EventKind::Amended, date("2025-08-28")),
            (EventKind::Challenged, date("2025-12-11")),
            (EventKind::Challenged, date("2026-04-09")),
            (EventKind::Challenged, date("2026-04-24")),
            (EventKind::Stayed, date("2026-04-27")),
            (EventKind::Replaced, date("2026-05-14")),
        ],
        "the stay is not lost when the replacement ends the Act"
    );
    let stay = &f.history[4];
    assert!(stay.text.contains("stayed by"), "{}", stay.text);
    assert!(
        f.history[5].text.contains("SB 26-189"),
        "{}",
        f.history[5].text
    );
    // Before the stay, the history stops at the date.
    let a = e.assess(
        a_facts(),
        &Options {
            include_not_applicable: true,
            ..Options::as_of(date("2026-04-25"))
        },
    );
    let f = a
        .findings
        .iter()
        .find(|f| f.instrument == "us_co_sb24_205")
        .expect("finding");
    assert!(f
        .history
        .iter()
        .all(|c| c.date <= date("2026-04-25") && c.kind != EventKind::Stayed));
}

fn a_facts() -> &'static Facts {
    facts(
        "subject: ai_system
organization: { operates_in: [US-CO] }
ai_system: { roles: [deployer] }
",
    )
}

#[test]
fn an_instruments_caveat_reaches_every_finding_of_it() {
    use aigov_core::model::Confidence;
    let e = engine();
    let inst = e.corpus.instrument("us_co_sb26_189").expect("SB 26-189");
    assert_eq!(inst.confidence, Confidence::Medium);
    let note = inst
        .note
        .as_deref()
        .expect("a caveat in data, not a comment");
    assert!(note.contains("small-deployer exemption"), "{note}");
    let mut o = Options::as_of(date("2027-02-01"));
    o.include_not_applicable = true;
    let a = e.assess(a_facts(), &o);
    let found: Vec<_> = a
        .findings
        .iter()
        .filter(|f| f.instrument == "us_co_sb26_189")
        .collect();
    assert!(!found.is_empty());
    for f in found {
        assert_eq!(f.instrument_note, Some(note), "{}", f.rule);
        assert_ne!(
            f.confidence,
            Confidence::High,
            "{}: no surer than its instrument",
            f.rule
        );
    }
}

#[test]
fn the_diff_reports_the_day_fines_become_possible() {
    let f = facts(EMOTION_AT_WORK);
    let d = aigov_core::diff::diff(engine(), f, date("2025-03-01"), date("2025-09-01"), &[]);
    let c = d
        .changes
        .iter()
        .find(|c| c.rule == "eu_ai_act.art5_1_f")
        .expect("the ban changes: its fines start");
    assert_eq!(c.from_status, Some(Status::InEffect));
    assert_eq!(c.to_status, Some(Status::InEffect));
    assert!(
        c.details
            .iter()
            .any(|d| d.contains("fines can now be imposed") && d.contains("2025-08-02")),
        "{:?}",
        c.details
    );
    assert!(
        c.causes.iter().any(|x| x.date == date("2025-08-02")),
        "{:?}",
        c.causes
    );
}

#[test]
fn the_timeline_dates_the_start_of_fines() {
    use aigov_core::timeline::{timeline, EntryKind};
    let t = timeline(engine(), facts(FRONTIER_MODEL), date("2025-09-01"), &[]);
    let e = t
        .entries
        .iter()
        .find(|e| e.rule == "eu_ai_act.art53_1_a" && e.kind == EntryKind::Penalty)
        .expect("a penalty entry for the GPAI duty");
    assert_eq!(e.date, date("2026-08-02"));
    assert!(e.text.contains("Art 101"), "{}", e.text);
}
