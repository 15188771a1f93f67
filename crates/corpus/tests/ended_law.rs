//! Ended law is never asked about: a rule of a revoked, replaced, repealed or expired instrument (or past its own
//! `until`) is reported `ended` whatever its condition, asks nothing, and no question of the report, the
//! interview, the batch summary or the diff exists only to settle it. Checked on the real corpus.

use aigov_core::assess::{Engine, Options, Status};
use aigov_core::diff::{diff, ChangeKind};
use aigov_core::manifest::Facts;
use aigov_core::{Date, Truth};
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

fn eo_14110_rules(subject: &str) -> Vec<&'static str> {
    let e = engine();
    e.rules_of(subject)
        .iter()
        .map(|&i| &e.corpus.rules[i])
        .filter(|r| e.corpus.instrument_of(r).id == "us_eo_14110")
        .map(|r| r.id.as_str())
        .collect()
}

#[test]
fn eo_14110_rules_after_the_revocation_are_ended_and_ask_nothing() {
    let e = engine();
    for subject in ["model", "datacenter_project"] {
        let facts = Facts::empty(subject, &e.corpus.vocabulary);
        let rules = eo_14110_rules(subject);
        assert!(!rules.is_empty(), "EO 14110 has {subject} rules");
        let a = e.assess(&facts, &Options::as_of(date("2025-06-01")));
        for id in &rules {
            let f = a
                .finding(id)
                .unwrap_or_else(|| panic!("{id} is reported (its condition is open, not false)"));
            assert_eq!(f.status, Status::Ended, "{id}");
            assert!(
                f.questions.is_empty() && f.open_facts.is_empty(),
                "{id} asks {:?}",
                f.questions
            );
            assert_eq!(f.held, Some(Truth::Unknown), "{id}");
            let cause = f.cause.as_ref().expect("an ended finding says why");
            assert_eq!(cause.date, date("2025-01-20"));
            assert_eq!(
                cause.by.as_deref(),
                Some("us_eo_14148"),
                "{id}: revoked by EO 14148"
            );
        }
        // No question of the report (and so of `aigov interview`, which asks these in order) names a dead rule.
        for q in &a.questions {
            for r in &q.rules {
                assert!(
                    !rules.contains(r),
                    "question `{}` cites ended rule {r}",
                    q.fact
                );
            }
            assert!(!q.rules.is_empty());
        }
        // The batch summary, planned or not, leaves them out.
        let o = Options::as_of(date("2025-06-01"));
        let plan = e.plan(o.as_of);
        for s in [e.summary(&facts, &o), e.summary_planned(&facts, &o, &plan)] {
            for id in &rules {
                assert!(
                    !s.undetermined.contains(id) && !s.in_effect.contains(id),
                    "{id}"
                );
            }
        }
    }
}

#[test]
fn before_the_revocation_the_same_rules_were_open_and_asked_about() {
    let e = engine();
    let facts = Facts::empty("model", &e.corpus.vocabulary);
    let a = e.assess(&facts, &Options::as_of(date("2024-06-01")));
    let rules = eo_14110_rules("model");
    let open: Vec<_> = a
        .findings
        .iter()
        .filter(|f| rules.contains(&f.rule) && f.status == Status::Undetermined)
        .collect();
    assert!(
        !open.is_empty(),
        "EO 14110 rules were undetermined while in force"
    );
    assert!(a
        .questions
        .iter()
        .any(|q| q.rules.iter().any(|r| rules.contains(r))));
}

#[test]
fn an_ended_rule_that_never_concerned_the_subject_is_hidden_unless_asked_for() {
    let e = engine();
    let mut facts = Facts::empty("model", &e.corpus.vocabulary);
    let flop = e
        .corpus
        .vocabulary
        .fact("model", "training_compute_flop")
        .expect("fact")
        .id;
    facts.set(flop, Some(aigov_core::Value::Number(1e20)));
    let id = "us_eo_14110.sec4_2_b_covered_model";
    let o = Options::as_of(date("2025-06-01"));
    let a = e.assess(&facts, &o);
    assert!(a.finding(id).is_none(), "a small model was never covered");
    let mut all = o.clone();
    all.include_not_applicable = true;
    let a = e.assess(&facts, &all);
    let f = a.finding(id).expect("reported with --all");
    // Still `ended`, not `not_applicable`: knowing more facts never changes a settled status.
    assert_eq!(f.status, Status::Ended);
    assert_eq!(f.held, Some(Truth::False));
}

#[test]
fn a_rule_past_its_own_until_is_ended_without_questions() {
    let e = engine();
    // EO 14179's interim direction lasted until the AI Action Plan was released.
    let r = e
        .corpus
        .rules
        .iter()
        .find(|r| r.until.is_some() && r.subject == "agency_use_case")
        .or_else(|| e.corpus.rules.iter().find(|r| r.until.is_some()))
        .expect("a rule with `until`");
    let end = r.until.as_ref().expect("until").date;
    let later = end.checked_add(jiff::Span::new().days(30)).expect("date");
    let facts = Facts::empty(&r.subject, &e.corpus.vocabulary);
    let mut o = Options::as_of(later);
    o.include_not_applicable = true;
    let a = e.assess(&facts, &o);
    let f = a.finding(&r.id).expect("reported");
    assert_eq!(f.status, Status::Ended, "{}", r.id);
    assert!(f.questions.is_empty());
    assert!(a
        .questions
        .iter()
        .all(|q| !q.rules.contains(&r.id.as_str())));
}

#[test]
fn the_diff_reports_the_revocation_as_an_end_not_as_an_open_question() {
    let e = engine();
    let facts = Facts::empty("model", &e.corpus.vocabulary);
    let d = diff(e, &facts, date("2024-06-01"), date("2025-06-01"), &[]);
    let rules = eo_14110_rules("model");
    let ended: Vec<_> = d
        .changes
        .iter()
        .filter(|c| rules.contains(&c.rule.as_str()))
        .collect();
    assert!(!ended.is_empty());
    for c in ended {
        assert_eq!(c.kind, ChangeKind::Ended, "{}", c.rule);
        assert_eq!(c.to_status, Some(Status::Ended), "{}", c.rule);
        assert!(
            c.causes
                .iter()
                .any(|x| x.date == date("2025-01-20") && x.by.as_deref() == Some("us_eo_14148")),
            "{}: {:?}",
            c.rule,
            c.causes
        );
    }
    // Between two dates after the revocation, nothing changes for those rules.
    let d = diff(e, &facts, date("2025-06-01"), date("2026-06-01"), &[]);
    assert!(d.changes.iter().all(|c| !rules.contains(&c.rule.as_str())));
}
