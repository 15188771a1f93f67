//! The corpus loader and validator, against the mini fixture corpus (tests/fixtures/mini) and the embedded
//! corpus: good corpora load and their examples pass, the engine gets the semantics right, and every kind of
//! mistake in a corpus file is reported at the right file, line and column, with a useful hint.

use aigov_core::assess::{Engine, Options, Status};
use aigov_core::manifest::{self, Format};
use aigov_core::model::EventKind;
use aigov_core::{Date, Facts, Truth};
use aigov_corpus::{Diagnostic, Source};
use std::path::Path;

fn mini_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini"))
}

fn mini_sources() -> Vec<Source> {
    aigov_corpus::read_dir(mini_dir()).expect("the mini corpus is readable")
}

fn engine() -> Engine {
    let loaded =
        aigov_corpus::load(&mini_sources()).unwrap_or_else(|d| panic!("mini corpus: {d:#?}"));
    Engine::new(loaded.corpus)
}

fn date(s: &str) -> Date {
    s.parse().expect("a valid date in a test")
}

fn facts(engine: &Engine, yaml: &str) -> Facts {
    manifest::parse(yaml, Format::Yaml, &engine.corpus.vocabulary)
        .unwrap_or_else(|e| panic!("test manifest: {e:?}"))
}

fn assess<'a>(engine: &'a Engine, yaml: &str, as_of: &str) -> aigov_core::Assessment<'a> {
    let mut o = Options::as_of(date(as_of));
    o.include_not_applicable = true;
    // An assessment borrows its facts; a test's facts may as well live to the end of the process.
    let facts: &'static Facts = Box::leak(Box::new(facts(engine, yaml)));
    engine.assess(facts, &o)
}

fn status(a: &aigov_core::Assessment, rule: &str) -> Status {
    a.finding(rule)
        .unwrap_or_else(|| panic!("no finding for {rule}"))
        .status
}

// ------------------------------------------------------------------------------------------- good corpora

#[test]
fn mini_corpus_loads_with_every_file() {
    let sources = mini_sources();
    let paths: Vec<&str> = sources.iter().map(|s| s.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "us-ca/chatbot-act.yaml",
            "us/eo-2023.yaml",
            "us/eo-2025.yaml",
            "vocabulary/ai_system.yaml",
            "vocabulary/organization.yaml",
            "vocabulary/subjects.yaml",
            "xx/act.yaml",
            "xx/amend.yaml",
        ]
    );
    let loaded = aigov_corpus::load(&sources).unwrap_or_else(|d| panic!("{d:#?}"));
    let c = &loaded.corpus;
    assert_eq!(c.instruments.len(), 5);
    assert_eq!(c.rules.len(), 12);
    assert_eq!(c.parameters.len(), 2);
    assert_eq!(c.penalties.len(), 1);
    assert_eq!(c.vocabulary.facts.len(), 16);
    assert!(loaded.examples.len() >= 25, "{}", loaded.examples.len());
    // Events are sorted by date whatever the file order, and the instrument's regime defaults to its short title.
    let ca = c.instrument("us_ca_act").unwrap();
    assert!(ca.events.windows(2).all(|w| w[0].date <= w[1].date));
    assert_eq!(ca.regime, "CA Chatbot Act");
    assert_eq!(c.instrument("xx_amend").unwrap().regime, "XX AI Act");
}

#[test]
fn mini_corpus_examples_all_pass() {
    let loaded = aigov_corpus::load(&mini_sources()).unwrap_or_else(|d| panic!("{d:#?}"));
    let engine = Engine::new(loaded.corpus.clone());
    let results = aigov_corpus::examples::run(&engine, &loaded.examples);
    assert_eq!(results.len(), loaded.examples.len());
    let failed: Vec<String> = results
        .iter()
        .filter(|r| !r.passed())
        .map(|r| {
            format!(
                "{}:{} {}: {:?}",
                r.example.file, r.example.line, r.example.name, r.mismatches
            )
        })
        .collect();
    assert!(
        failed.is_empty(),
        "failing examples:\n{}",
        failed.join("\n")
    );
    // Every file has examples, and each example knows its line.
    for file in [
        "xx/act.yaml",
        "xx/amend.yaml",
        "us/eo-2023.yaml",
        "us/eo-2025.yaml",
        "us-ca/chatbot-act.yaml",
    ] {
        assert!(
            loaded.examples.iter().any(|e| e.file == file),
            "no example in {file}"
        );
    }
    let src = mini_sources();
    for ex in &loaded.examples {
        let text = &src.iter().find(|s| s.path == ex.file).unwrap().text;
        let line = text.lines().nth(ex.line - 1).unwrap();
        assert!(
            line.contains(&ex.name),
            "example {} points at line {}: {line}",
            ex.name,
            ex.line
        );
    }
}

#[test]
fn example_runner_reports_mismatches() {
    // Flip one expectation: the runner must report it, with the actual status.
    let sources = replace(
        "us/eo-2023.yaml",
        "      us_eo_old.reporting: ended",
        "      us_eo_old.reporting: in_effect",
    );
    let loaded = aigov_corpus::load(&sources).unwrap_or_else(|d| panic!("{d:#?}"));
    let engine = Engine::new(loaded.corpus.clone());
    let results = aigov_corpus::examples::run(&engine, &loaded.examples);
    let failed: Vec<_> = results.iter().filter(|r| !r.passed()).collect();
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0].example.name, "large model after revocation");
    assert_eq!(failed[0].mismatches.len(), 1);
    let m = &failed[0].mismatches[0];
    assert_eq!(m.rule, "us_eo_old.reporting");
    assert_eq!(m.expected, Some(Status::InEffect));
    assert_eq!(m.actual, Some(Status::Ended));
}

#[test]
fn not_yet_law_expectations() {
    // The fixture expects `not_yet_law` before the order is signed; claim it for a date when it is law.
    let sources = replace(
        "us/eo-2025.yaml",
        "  - name: general-purpose system\n    as_of: 2025-02-01\n    manifest:\n      subject: ai_system\n      ai_system: { category: general }\n    expect:\n      us_eo_new.review: in_effect",
        "  - name: general-purpose system\n    as_of: 2025-02-01\n    manifest:\n      subject: ai_system\n      ai_system: { category: general }\n    expect:\n      us_eo_new.review: not_yet_law",
    );
    let loaded = aigov_corpus::load(&sources).unwrap_or_else(|d| panic!("{d:#?}"));
    let engine = Engine::new(loaded.corpus.clone());
    let results = aigov_corpus::examples::run(&engine, &loaded.examples);
    let failed: Vec<_> = results.iter().filter(|r| !r.passed()).collect();
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0].example.name, "general-purpose system");
    assert_eq!(failed[0].mismatches[0].expected, None);
    assert_eq!(failed[0].mismatches[0].actual, Some(Status::InEffect));
    let ok = results
        .iter()
        .find(|r| r.example.name == "not yet law before signature")
        .unwrap();
    assert!(ok.passed());
}

/// The corpus that `cargo test` checks for real: the one embedded in the binary, built from `corpus/`.
#[test]
fn embedded_corpus_loads_and_its_examples_pass() {
    let sources = aigov_corpus::embedded_sources();
    assert!(sources.iter().any(|s| s.path == "vocabulary/subjects.yaml"));
    let loaded = aigov_corpus::load(&sources).unwrap_or_else(|diags| {
        panic!(
            "the embedded corpus has {} error(s):\n{}",
            diags.len(),
            diags
                .iter()
                .map(|d| d.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    assert!(!loaded.corpus.rules.is_empty());
    assert!(!loaded.examples.is_empty());
    let engine = Engine::new(loaded.corpus.clone());
    let failed: Vec<String> = aigov_corpus::examples::run(&engine, &loaded.examples)
        .iter()
        .filter(|r| !r.passed())
        .map(|r| {
            format!(
                "{}:{}: {} (as of {}): {}",
                r.example.file,
                r.example.line,
                r.example.name,
                r.example.as_of,
                r.mismatches
                    .iter()
                    .map(|m| format!(
                        "{} expected {} found {}",
                        m.rule,
                        m.expected.map(|s| s.as_str()).unwrap_or("not yet law"),
                        m.actual.map(|s| s.as_str()).unwrap_or("not yet law")
                    ))
                    .collect::<Vec<_>>()
                    .join("; ")
            )
        })
        .collect();
    assert!(
        failed.is_empty(),
        "{} failing example(s):\n{}",
        failed.len(),
        failed.join("\n")
    );
}

#[test]
fn embedded_corpus_files_match_the_repository_folder() {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus"));
    let on_disk = aigov_corpus::read_dir(dir).expect("corpus/ is readable");
    let mut embedded = aigov_corpus::embedded_sources();
    embedded.sort_by(|a, b| a.path.cmp(&b.path));
    let a: Vec<(&str, &str)> = on_disk
        .iter()
        .map(|s| (s.path.as_str(), s.text.as_str()))
        .collect();
    let b: Vec<(&str, &str)> = embedded
        .iter()
        .map(|s| (s.path.as_str(), s.text.as_str()))
        .collect();
    assert_eq!(a, b, "the embedded corpus is stale: rebuild");
}

// ------------------------------------------------------------------------------------------- semantics

const RECRUITER: &str = "subject: ai_system
name: TalentRank
organization: { established_in: [XX], employees: 500 }
ai_system: { roles: [provider], used_in: [XX], uses: [recruitment] }
";

#[test]
fn amendment_moves_the_application_date() {
    let e = engine();
    let before = assess(&e, RECRUITER, "2025-02-01");
    let f = before.finding("xx_act.high_risk_recruitment").unwrap();
    assert_eq!(f.status, Status::InEffect);
    assert_eq!(f.applies_from, date("2025-01-01"));
    assert_eq!(
        f.version.from,
        date("2024-01-10"),
        "the original text is law from adoption"
    );
    assert_eq!(f.version.amended_by, None);
    assert!(f
        .applies_from_source
        .unwrap()
        .contains("the rest of the Act"));

    let after = assess(&e, RECRUITER, "2025-04-01");
    let f = after.finding("xx_act.high_risk_recruitment").unwrap();
    assert_eq!(f.status, Status::Upcoming);
    assert_eq!(f.applies_from, date("2026-06-01"));
    assert_eq!(f.version.from, date("2025-03-01"));
    assert_eq!(f.version.amended_by, Some("xx_amend"));
    assert!(f.version.change.unwrap().contains("2026-06-01"));
    assert_eq!(
        f.applies_from_source, None,
        "a plain date has no source event"
    );

    // The day the amendment enters into force is the first day of the new text.
    let on = assess(&e, RECRUITER, "2025-03-01");
    assert_eq!(
        on.finding("xx_act.high_risk_recruitment")
            .unwrap()
            .applies_from,
        date("2026-06-01")
    );
    let eve = assess(&e, RECRUITER, "2025-02-28");
    assert_eq!(
        eve.finding("xx_act.high_risk_recruitment")
            .unwrap()
            .applies_from,
        date("2025-01-01")
    );
    // And once the new date passes the rule is in effect again.
    assert_eq!(
        status(
            &assess(&e, RECRUITER, "2026-06-01"),
            "xx_act.high_risk_recruitment"
        ),
        Status::InEffect
    );
}

#[test]
fn revocation_ends_rules_and_names_the_revoking_instrument() {
    let e = engine();
    let m = "subject: ai_system\nai_system: { compute_flop: 2.0e+26 }\n";
    assert_eq!(
        status(&assess(&e, m, "2025-01-19"), "us_eo_old.reporting"),
        Status::InEffect
    );
    let a = assess(&e, m, "2025-01-20");
    let f = a.finding("us_eo_old.reporting").unwrap();
    assert_eq!(f.status, Status::Ended);
    assert_eq!(f.until, Some(date("2025-01-20")));
    let cause = f.cause.as_ref().expect("an ended rule has a cause");
    assert_eq!(cause.kind, EventKind::Revoked);
    assert_eq!(cause.date, date("2025-01-20"));
    assert_eq!(cause.instrument, "us_eo_old");
    assert_eq!(cause.by.as_deref(), Some("us_eo_new"));
    assert!(cause.text.contains("EO New"), "{}", cause.text);
    assert!(cause.text.contains("revoked"), "{}", cause.text);
    // While in effect, the finding already says when it ends, without a cause.
    let live = assess(&e, m, "2024-06-01");
    let f = live.finding("us_eo_old.reporting").unwrap();
    assert_eq!(f.until, Some(date("2025-01-20")));
    assert!(f.cause.is_none());
}

#[test]
fn own_until_ends_a_rule() {
    let e = engine();
    let m = "subject: ai_system\nai_system: { launch_date: 2024-05-01 }\n";
    assert_eq!(
        status(&assess(&e, m, "2026-12-31"), "xx_act.legacy_register"),
        Status::InEffect
    );
    let a = assess(&e, m, "2027-01-01");
    let f = a.finding("xx_act.legacy_register").unwrap();
    assert_eq!(f.status, Status::Ended);
    assert_eq!(f.until, Some(date("2027-01-01")));
    assert_eq!(f.cause.as_ref().unwrap().date, date("2027-01-01"));
    assert_eq!(f.confidence, aigov_core::model::Confidence::Medium);
    assert!(f.note.unwrap().contains("extended"));
}

const CA_CHATBOT: &str = "subject: ai_system
organization: { employees: 100 }
ai_system: { uses: [chatbot], used_in: [US-CA] }
";

#[test]
fn stay_suspends_until_lifted_and_non_enforcement_suspends() {
    let e = engine();
    let rule = "us_ca_act.chatbot_disclosure";
    let expect = [
        ("2024-12-31", Status::Upcoming),
        ("2025-01-01", Status::InEffect),
        ("2025-05-15", Status::InEffect), // challenged: reported, changes nothing
        ("2025-06-01", Status::Suspended),
        ("2025-08-31", Status::Suspended),
        ("2025-09-01", Status::InEffect),
        ("2026-02-28", Status::InEffect),
        ("2026-03-01", Status::Suspended),
        ("2030-01-01", Status::Suspended),
    ];
    for (d, st) in expect {
        assert_eq!(status(&assess(&e, CA_CHATBOT, d), rule), st, "as of {d}");
    }
    let stayed = assess(&e, CA_CHATBOT, "2025-07-01");
    let c = stayed.finding(rule).unwrap().cause.clone().unwrap();
    assert_eq!(c.kind, EventKind::Stayed);
    assert_eq!(c.date, date("2025-06-01"));
    let paused = assess(&e, CA_CHATBOT, "2026-04-01");
    let c = paused.finding(rule).unwrap().cause.clone().unwrap();
    assert_eq!(c.kind, EventKind::NotEnforced);
    assert_eq!(c.date, date("2026-03-01"));
}

#[test]
fn exception_defeats_its_rule_and_is_traced() {
    let e = engine();
    let small = "subject: ai_system\norganization: { employees: 20 }\nai_system: { uses: [chatbot], used_in: [US-CA] }\n";
    let a = assess(&e, small, "2025-03-01");
    let f = a.finding("us_ca_act.chatbot_disclosure").unwrap();
    assert_eq!(f.status, Status::NotApplicable);
    let d = f.derivation.as_ref().expect("traces are on");
    assert_eq!(
        d.condition.result,
        Truth::True,
        "the condition holds; the exception defeats it"
    );
    assert_eq!(d.exceptions.len(), 1);
    assert_eq!(d.exceptions[0].id, "small_business");
    assert_eq!(d.exceptions[0].result, Truth::True);
    assert_eq!(d.exceptions[0].citation, "§ 22(b)");
    // Without the exception firing, the rule applies and the trace says the exception did not fire.
    let a = assess(&e, CA_CHATBOT, "2025-03-01");
    let d = a
        .finding("us_ca_act.chatbot_disclosure")
        .unwrap()
        .derivation
        .clone()
        .unwrap();
    assert_eq!(d.exceptions[0].result, Truth::False);
    // An unknown exception leaves the rule undetermined, and asks the question that settles it.
    let unknown = "subject: ai_system\nai_system: { uses: [chatbot], used_in: [US-CA] }\n";
    let a = assess(&e, unknown, "2025-03-01");
    let f = a.finding("us_ca_act.chatbot_disclosure").unwrap();
    assert_eq!(f.status, Status::Undetermined);
    assert_eq!(f.timing, Some(Status::InEffect));
    assert_eq!(
        f.questions,
        ["How many people does your organization employ?"]
    );
    let q = a
        .questions
        .iter()
        .find(|q| q.fact == "organization.employees")
        .expect("the headcount is asked");
    assert!(q.rules.contains(&"us_ca_act.chatbot_disclosure"));
    assert_eq!(q.ty, "number");
    // With the jurisdiction filter, the only open question is the one for the Californian rule.
    let mut o = Options::as_of(date("2025-03-01"));
    o.jurisdictions = vec!["US-CA".into()];
    let f = facts(&e, unknown);
    let a = e.assess(&f, &o);
    assert_eq!(a.questions.len(), 1, "{:?}", a.questions);
    assert_eq!(a.questions[0].fact, "organization.employees");
    assert_eq!(a.questions[0].rules, ["us_ca_act.chatbot_disclosure"]);
}

#[test]
fn exemption_defeats_another_rule() {
    let e = engine();
    let open = "subject: ai_system\nai_system: { compute_flop: 5.0e+24, open_source: true }\n";
    let a = assess(&e, open, "2025-08-01");
    assert_eq!(status(&a, "xx_act.open_source_exemption"), Status::InEffect);
    let f = a.finding("xx_act.compute_duty").unwrap();
    assert_eq!(f.status, Status::NotApplicable);
    let d = f.derivation.as_ref().unwrap();
    assert_eq!(d.condition.result, Truth::True);
    assert_eq!(d.defeaters.len(), 1);
    assert_eq!(d.defeaters[0].rule, "xx_act.open_source_exemption");
    assert_eq!(d.defeaters[0].result, Truth::True);
    // Unknown whether open source: the duty hinges on it.
    let unknown = "subject: ai_system\nai_system: { compute_flop: 5.0e+24 }\n";
    let a = assess(&e, unknown, "2025-08-01");
    assert_eq!(status(&a, "xx_act.compute_duty"), Status::Undetermined);
    assert!(a
        .questions
        .iter()
        .any(|q| q.fact == "ai_system.open_source" && q.rules.contains(&"xx_act.compute_duty")));
    // Before the exemption applies (and before the duty exists), nothing is defeated: not yet law.
    let early = assess(&e, open, "2023-01-01");
    assert!(early.finding("xx_act.compute_duty").is_none());
}

#[test]
fn dated_parameter_changes_the_outcome() {
    let e = engine();
    let m = "subject: ai_system\nai_system: { compute_flop: 5.0e+24, open_source: false }\n";
    assert_eq!(
        status(&assess(&e, m, "2025-06-30"), "xx_act.compute_duty"),
        Status::NotApplicable
    );
    let a = assess(&e, m, "2025-07-01");
    assert_eq!(status(&a, "xx_act.compute_duty"), Status::InEffect);
    let trace = &a
        .finding("xx_act.compute_duty")
        .unwrap()
        .derivation
        .as_ref()
        .unwrap()
        .condition;
    assert!(
        trace
            .values
            .iter()
            .any(|v| v == "params.xx_act.compute_threshold = 1e24"),
        "{:?}",
        trace.values
    );
}

#[test]
fn rule_reference_uses_the_condition_not_the_timing() {
    // xx_amend.registration builds on rules.xx_act.high_risk_recruitment, which is upcoming after the amendment:
    // the reference is about whether the classification's condition holds, so registration is in effect.
    let e = engine();
    let a = assess(&e, RECRUITER, "2025-04-01");
    assert_eq!(status(&a, "xx_act.high_risk_recruitment"), Status::Upcoming);
    assert_eq!(status(&a, "xx_amend.registration"), Status::InEffect);
    // The scope rule fails -> the whole chain fails.
    let outside = "subject: ai_system\norganization: { established_in: [FR] }\nai_system: { roles: [provider], used_in: [FR], uses: [recruitment] }\n";
    let a = assess(&e, outside, "2025-04-01");
    assert_eq!(status(&a, "xx_act.scope"), Status::NotApplicable);
    assert_eq!(status(&a, "xx_amend.registration"), Status::NotApplicable);
    // Unknown regions -> undetermined through the reference, and the question is the referenced rule's fact.
    let unknown = "subject: ai_system\nai_system: { roles: [provider], uses: [recruitment] }\n";
    let a = assess(&e, unknown, "2025-04-01");
    assert_eq!(status(&a, "xx_amend.registration"), Status::Undetermined);
    let q: Vec<&str> = a.questions.iter().map(|q| q.fact).collect();
    assert!(q.contains(&"ai_system.used_in"), "{q:?}");
    assert!(q.contains(&"organization.established_in"), "{q:?}");
    let reg = a
        .questions
        .iter()
        .find(|q| q.fact == "ai_system.used_in")
        .unwrap();
    assert!(reg.rules.contains(&"xx_amend.registration"));
}

#[test]
fn conflicting_classifications_are_reported() {
    let e = engine();
    let both = "subject: ai_system\nai_system: { roles: [provider], used_in: [XX], uses: [recruitment, chatbot] }\n";
    let a = assess(&e, both, "2025-02-01");
    assert_eq!(a.conflicts.len(), 1, "{:?}", a.conflicts);
    let c = &a.conflicts[0];
    assert_eq!((c.regime, c.axis), ("xx_act", "risk"));
    let mut rules = c.rules.clone();
    rules.sort();
    assert_eq!(
        rules,
        [
            ("xx_act.high_risk_recruitment", "high"),
            ("xx_act.minimal_chatbot", "minimal"),
        ]
    );
    let tiers: Vec<&str> = a.classifications.iter().map(|c| c.tier).collect();
    assert!(tiers.contains(&"high") && tiers.contains(&"minimal") && tiers.contains(&"in_scope"));
    // One classification on the axis is no conflict (scope is a different axis).
    let one = assess(&e, RECRUITER, "2025-02-01");
    assert!(one.conflicts.is_empty(), "{:?}", one.conflicts);
}

#[test]
fn prohibition_sets_the_flag_with_its_penalty() {
    let e = engine();
    let m = "subject: ai_system\nai_system: { roles: [deployer], used_in: [XY], uses: [social_scoring] }\n";
    let a = assess(&e, m, "2024-07-01");
    assert!(a.prohibited);
    let f = a.finding("xx_act.social_scoring_ban").unwrap();
    assert_eq!(
        f.url, "https://example.org/xx/act-1-2024#art5",
        "the rule's own URL wins"
    );
    let p = f.penalty.as_ref().expect("the prohibition has a penalty");
    assert_eq!(p.id, "xx_act.fine_prohibited");
    assert!(p.text.contains("EUR 10,000,000"), "{}", p.text);
    assert!(
        p.text
            .contains("5% of worldwide annual turnover, whichever is higher"),
        "{}",
        p.text
    );
    assert!(
        p.text.contains("for an SME, whichever is lower"),
        "{}",
        p.text
    );
    // The variant is a field, for reports in other languages: both rules while the size is unknown.
    assert_eq!(p.cap_variant, aigov_core::assess::CapVariant::Both);
    let not_sme = "subject: ai_system\norganization: { sme: false }\nai_system: { roles: [deployer], used_in: [XY], uses: [social_scoring] }\n";
    let a = assess(&e, not_sme, "2024-07-01");
    let p = a
        .finding("xx_act.social_scoring_ban")
        .unwrap()
        .penalty
        .clone()
        .unwrap();
    assert_eq!(p.cap_variant, aigov_core::assess::CapVariant::General);
    assert!(!p.text.contains("SME"), "{}", p.text);
    let sme = "subject: ai_system\norganization: { sme: true }\nai_system: { roles: [deployer], used_in: [XY], uses: [social_scoring] }\n";
    let a = assess(&e, sme, "2024-07-01");
    let p = a
        .finding("xx_act.social_scoring_ban")
        .unwrap()
        .penalty
        .clone()
        .unwrap();
    assert!(
        p.text
            .contains("whichever is lower, per infringement (SME rule applies)"),
        "{}",
        p.text
    );
    assert_eq!(p.cap_variant, aigov_core::assess::CapVariant::Sme);
    // Before the prohibitions apply: upcoming, not prohibited.
    let a = assess(&e, m, "2024-03-01");
    assert!(!a.prohibited);
    assert_eq!(status(&a, "xx_act.social_scoring_ban"), Status::Upcoming);
}

#[test]
fn roles_restrict_the_addressees() {
    let e = engine();
    for (roles, expected) in [
        ("[provider]", Status::InEffect),
        ("[deployer]", Status::InEffect),
        ("[importer]", Status::NotApplicable),
        ("[]", Status::NotApplicable),
        ("[importer, provider]", Status::InEffect),
    ] {
        let m = format!("subject: ai_system\nai_system: {{ roles: {roles}, used_in: [XX], uses: [social_scoring] }}\n");
        assert_eq!(
            status(&assess(&e, &m, "2024-07-01"), "xx_act.social_scoring_ban"),
            expected,
            "roles {roles}"
        );
    }
    let m = "subject: ai_system\nai_system: { used_in: [XX], uses: [social_scoring] }\n";
    let a = assess(&e, m, "2024-07-01");
    assert_eq!(
        status(&a, "xx_act.social_scoring_ban"),
        Status::Undetermined
    );
    assert!(a.questions.iter().any(|q| q.fact == "ai_system.roles"));
}

#[test]
fn regions_intersect_with_a_list_parameter() {
    let e = engine();
    for (used, est, expected) in [
        ("[XX]", "[FR]", Status::InEffect),
        ("[DE, XY]", "[FR]", Status::InEffect),
        ("[FR]", "[XX]", Status::InEffect),
        ("[FR]", "[FR]", Status::NotApplicable),
        ("[]", "[]", Status::NotApplicable),
        ("[XX-AB]", "[FR]", Status::InEffect), // a subdivision lies within its country
        ("[ZZ-AB]", "[FR]", Status::NotApplicable),
    ] {
        let m = format!("subject: ai_system\norganization: {{ established_in: {est} }}\nai_system: {{ used_in: {used} }}\n");
        assert_eq!(
            status(&assess(&e, &m, "2024-07-01"), "xx_act.scope"),
            expected,
            "used {used} est {est}"
        );
    }
    // One side unknown, other side false -> unknown; one side true -> true (Kleene ||).
    let m = "subject: ai_system\nai_system: { used_in: [FR] }\n";
    assert_eq!(
        status(&assess(&e, m, "2024-07-01"), "xx_act.scope"),
        Status::Undetermined
    );
    let m = "subject: ai_system\nai_system: { used_in: [XX] }\n";
    assert_eq!(
        status(&assess(&e, m, "2024-07-01"), "xx_act.scope"),
        Status::InEffect
    );
}

#[test]
fn jurisdiction_filter_selects_subdivisions() {
    let e = engine();
    let m = "subject: ai_system\norganization: { employees: 100 }\nai_system: { compute_flop: 2.0e+26, category: general, uses: [chatbot], used_in: [US-CA, XX] }\n";
    let rules_for = |j: &[&str]| {
        let mut o = Options::as_of(date("2025-03-01"));
        o.include_not_applicable = true;
        o.jurisdictions = j.iter().map(|s| s.to_string()).collect();
        let f = facts(&e, m);
        let a = e.assess(&f, &o);
        let mut js: Vec<String> = a
            .findings
            .iter()
            .map(|f| f.jurisdiction.to_string())
            .collect();
        js.sort();
        js.dedup();
        js
    };
    assert_eq!(rules_for(&[]), ["US", "US-CA", "XX"]);
    assert_eq!(rules_for(&["US"]), ["US", "US-CA"]);
    assert_eq!(
        rules_for(&["us"]),
        ["US", "US-CA"],
        "codes are case-insensitive"
    );
    assert_eq!(rules_for(&["US-CA"]), ["US-CA"]);
    assert_eq!(rules_for(&["XX"]), ["XX"]);
    assert_eq!(
        rules_for(&["U"]),
        Vec::<String>::new(),
        "a prefix that is not a code selects nothing"
    );
    assert_eq!(rules_for(&["XX", "US-CA"]), ["US-CA", "XX"]);
    assert!(aigov_core::assess::jurisdiction_selected(
        &["US".into()],
        "US-NY-NYC"
    ));
    assert!(!aigov_core::assess::jurisdiction_selected(
        &["US-NY".into()],
        "US"
    ));
    assert!(!aigov_core::assess::jurisdiction_selected(
        &["US".into()],
        "USA"
    ));
}

#[test]
fn rules_not_yet_law_are_not_reported() {
    let e = engine();
    let m = "subject: ai_system\nai_system: { category: general }\n";
    assert!(assess(&e, m, "2025-01-19")
        .finding("us_eo_new.review")
        .is_none());
    assert_eq!(
        status(&assess(&e, m, "2025-01-20"), "us_eo_new.review"),
        Status::InEffect
    );
}

#[test]
fn findings_are_sorted_and_not_applicable_hidden_by_default() {
    let e = engine();
    let f = facts(&e, RECRUITER);
    let a = e.assess(&f, &Options::as_of(date("2025-02-01")));
    assert!(a.findings.iter().all(|f| f.status != Status::NotApplicable));
    let keys: Vec<_> = a
        .findings
        .iter()
        .map(|f| (f.jurisdiction, f.regime, f.status, f.rule))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    assert_eq!(a.name, Some("TalentRank"));
}

#[test]
fn summary_agrees_with_assess_on_every_example() {
    let loaded = aigov_corpus::load(&mini_sources()).unwrap();
    let e = Engine::new(loaded.corpus.clone());
    for ex in &loaded.examples {
        let mut o = Options::as_of(ex.as_of);
        o.include_not_applicable = true;
        let a = e.assess(&ex.facts, &o);
        let s = e.summary(&ex.facts, &o);
        // The summary leaves out ended rules, even when their condition is open.
        let with = |st: Status| -> Vec<&str> {
            let mut v: Vec<&str> = a
                .findings
                .iter()
                .filter(|f| f.status == st && f.timing != Some(Status::Ended))
                .map(|f| f.rule)
                .collect();
            v.sort();
            v
        };
        fn sorted<'a>(v: &[&'a str]) -> Vec<&'a str> {
            let mut v = v.to_vec();
            v.sort();
            v
        }
        assert_eq!(sorted(&s.in_effect), with(Status::InEffect), "{}", ex.name);
        assert_eq!(sorted(&s.upcoming), with(Status::Upcoming), "{}", ex.name);
        assert_eq!(
            sorted(&s.undetermined),
            with(Status::Undetermined),
            "{}",
            ex.name
        );
        assert_eq!(sorted(&s.suspended), with(Status::Suspended), "{}", ex.name);
        assert_eq!(s.prohibited, a.prohibited, "{}", ex.name);
    }
}

#[test]
fn diff_reports_revocation_and_amendment_causes() {
    let e = engine();
    let m = "subject: ai_system\nai_system: { compute_flop: 2.0e+26, roles: [provider], used_in: [XX], uses: [recruitment] }\n";
    let d = aigov_core::diff::diff(
        &e,
        &facts(&e, m),
        date("2024-12-01"),
        date("2025-04-01"),
        &[],
    );
    let ended = d
        .changes
        .iter()
        .find(|c| c.rule == "us_eo_old.reporting")
        .expect("revoked rule in diff");
    assert_eq!(ended.kind, aigov_core::diff::ChangeKind::Ended);
    assert_eq!(ended.from_status, Some(Status::InEffect));
    assert_eq!(ended.to_status, Some(Status::Ended));
    assert!(
        ended
            .causes
            .iter()
            .any(|c| c.kind == EventKind::Revoked && c.by.as_deref() == Some("us_eo_new")),
        "{:?}",
        ended.causes
    );
    let amended = d
        .changes
        .iter()
        .find(|c| c.rule == "xx_act.high_risk_recruitment")
        .expect("amended rule in diff");
    assert_eq!(amended.kind, aigov_core::diff::ChangeKind::Changed);
    assert!(
        amended
            .details
            .iter()
            .any(|x| x.contains("applies from 2026-06-01 instead of 2025-01-01")),
        "{:?}",
        amended.details
    );
    assert!(
        amended
            .causes
            .iter()
            .any(|c| c.kind == EventKind::Amended && c.by.as_deref() == Some("xx_amend")),
        "{:?}",
        amended.causes
    );
    // Same date on both sides: nothing changes.
    let none = aigov_core::diff::diff(
        &e,
        &facts(&e, m),
        date("2025-04-01"),
        date("2025-04-01"),
        &[],
    );
    assert!(none.changes.is_empty(), "{:?}", none.changes);
}

#[test]
fn timeline_lists_amendment_and_end() {
    let e = engine();
    let m = "subject: ai_system\nai_system: { compute_flop: 2.0e+26, roles: [provider], used_in: [XX], uses: [recruitment] }\n";
    let t = aigov_core::timeline::timeline(&e, &facts(&e, m), date("2025-04-01"), &[]);
    assert!(t.entries.windows(2).all(|w| w[0].date <= w[1].date));
    use aigov_core::timeline::EntryKind;
    assert!(t
        .entries
        .iter()
        .any(|x| x.rule == "xx_act.high_risk_recruitment"
            && x.kind == EntryKind::Applies
            && x.date == date("2026-06-01")));
    assert!(t
        .entries
        .iter()
        .any(|x| x.rule == "xx_act.high_risk_recruitment"
            && x.kind == EntryKind::Amended
            && x.date == date("2025-03-01")));
    assert!(t.entries.iter().any(|x| x.rule == "us_eo_old.reporting"
        && x.kind == EntryKind::Ends
        && x.date == date("2025-01-20")));
    assert!(t.entries.iter().any(|x| x.rule == "xx_act.compute_duty"
        && x.kind == EntryKind::Deadline
        && x.date == date("2025-12-31")));
}

// ------------------------------------------------------------------------------------------- bad corpora

/// The mini corpus with one file's text changed: `from` (which must occur exactly once) replaced by `to`.
fn replace(path: &str, from: &str, to: &str) -> Vec<Source> {
    let mut sources = mini_sources();
    let s = sources
        .iter_mut()
        .find(|s| s.path == path)
        .unwrap_or_else(|| panic!("no {path}"));
    assert_eq!(
        s.text.matches(from).count(),
        1,
        "`{from}` must occur once in {path}"
    );
    s.text = s.text.replacen(from, to, 1);
    sources
}

/// The mini corpus plus one file.
fn with_file(path: &str, text: &str) -> Vec<Source> {
    let mut sources = mini_sources();
    sources.retain(|s| s.path != path);
    sources.push(Source {
        path: path.into(),
        text: text.into(),
    });
    sources
}

fn errors(sources: &[Source]) -> Vec<Diagnostic> {
    match aigov_corpus::load(sources) {
        Ok(_) => panic!("the corpus should not load"),
        Err(d) => {
            assert!(!d.is_empty());
            d
        }
    }
}

/// The 1-based line of the `nth` (0-based) line containing `needle`.
fn line_of(sources: &[Source], path: &str, needle: &str, nth: usize) -> usize {
    let text = &sources.iter().find(|s| s.path == path).unwrap().text;
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.contains(needle))
        .nth(nth)
        .unwrap_or_else(|| panic!("`{needle}` not in {path}"))
        .0
        + 1
}

/// The 1-based column of `needle` on a line.
fn col_of(sources: &[Source], path: &str, line: usize, needle: &str) -> usize {
    let text = &sources.iter().find(|s| s.path == path).unwrap().text;
    text.lines()
        .nth(line - 1)
        .unwrap()
        .find(needle)
        .unwrap_or_else(|| panic!("`{needle}` not on line {line}"))
        + 1
}

/// Asserts there is exactly one diagnostic and returns it.
fn only(diags: Vec<Diagnostic>) -> Diagnostic {
    assert_eq!(
        diags.len(),
        1,
        "expected one diagnostic, got:\n{}",
        diags
            .iter()
            .map(|d| d.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    );
    diags.into_iter().next().unwrap()
}

/// The diagnostic in `file` whose message contains `message` (other files may report knock-on errors).
fn find<'a>(diags: &'a [Diagnostic], file: &str, message: &str) -> &'a Diagnostic {
    diags
        .iter()
        .find(|d| d.file == file && d.message.contains(message))
        .unwrap_or_else(|| {
            panic!(
                "no `{message}` in {file}:\n{}",
                diags
                    .iter()
                    .map(|d| d.to_string())
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        })
}

/// Like [`assert_at`] without the place (for the diagnostics whose place is wrong, see
/// `condition_errors_point_at_the_condition`).
fn assert_msg(d: &Diagnostic, file: &str, message: &[&str], hint: &[&str]) {
    assert_eq!(d.file, file, "{d}");
    for m in message {
        assert!(d.message.contains(m), "message should contain `{m}`: {d}");
    }
    let h = d.hint.as_deref().unwrap_or("");
    for m in hint {
        assert!(h.contains(m), "hint should contain `{m}`: {d}");
    }
}

fn assert_at(
    d: &Diagnostic,
    file: &str,
    line: usize,
    col: Option<usize>,
    message: &[&str],
    hint: &[&str],
) {
    assert_eq!(d.file, file, "{d}");
    assert_eq!(d.line, line, "{d}");
    if let Some(c) = col {
        assert_eq!(d.col, c, "{d}");
    }
    for m in message {
        assert!(d.message.contains(m), "message should contain `{m}`: {d}");
    }
    let h = d.hint.as_deref().unwrap_or("");
    for m in hint {
        assert!(h.contains(m), "hint should contain `{m}`: {d}");
    }
    // The display form is the compiler-like `file:line:col: error: message`.
    assert!(d
        .to_string()
        .starts_with(&format!("{}:{}:{}: error: ", d.file, d.line, d.col)));
}

#[test]
fn unknown_key_with_did_you_mean() {
    let file = "xx/act.yaml";
    let s = replace(
        file,
        "    when: ai_system.open_source\n",
        "    whn: ai_system.open_source\n",
    );
    let diags = errors(&s);
    let d = find(&diags, file, "unknown field `whn`").clone();
    let line = line_of(&s, file, "whn:", 0);
    assert_at(
        &d,
        file,
        line,
        Some(col_of(&s, file, line, "whn")),
        &["unknown field `whn`"],
        &["did you mean `when`?"],
    );
    assert!(
        !d.message.contains(" at line "),
        "the location is not repeated in the message: {}",
        d.message
    );
}

#[test]
fn unknown_key_in_instrument_header() {
    let file = "us/eo-2025.yaml";
    let s = replace(
        file,
        "  binding: true\n",
        "  binding: true\n  jurisdicton: US\n",
    );
    let diags = errors(&s);
    let d = find(&diags, file, "unknown field `jurisdicton`").clone();
    assert_at(
        &d,
        file,
        line_of(&s, file, "jurisdicton:", 0),
        Some(3),
        &["unknown field `jurisdicton`"],
        &["did you mean `jurisdiction`?"],
    );
}

#[test]
fn unknown_event_kind_hints_at_the_docs() {
    let file = "us/eo-2025.yaml";
    let s = replace(file, "kind: signed,", "kind: sined,");
    let diags = errors(&s);
    let d = find(&diags, file, "unknown variant `sined`").clone();
    assert_at(
        &d,
        file,
        line_of(&s, file, "sined", 0),
        None,
        &["unknown variant `sined`"],
        &["docs/corpus.md"],
    );
}

#[test]
fn unknown_role() {
    let file = "xx/amend.yaml";
    let s = replace(file, "    roles: [provider]\n", "    roles: [provder]\n");
    // The role also reaches the generated role clause of the condition, which reports it a second time.
    let diags = errors(&s);
    let d = find(&diags, file, "unknown role `provder`").clone();
    let line = line_of(&s, file, "provder", 0);
    assert_at(
        &d,
        file,
        line,
        Some(col_of(&s, file, line, "provder")),
        &["unknown role `provder`"],
        &["did you mean `provider`?"],
    );
}

#[test]
fn unknown_event_reference() {
    let file = "us/eo-2023.yaml";
    let s = replace(
        file,
        "applies_from: event:signed",
        "applies_from: event:nope",
    );
    let d = only(errors(&s));
    let line = line_of(&s, file, "event:nope", 0);
    assert_at(
        &d,
        file,
        line,
        Some(col_of(&s, file, line, "event:nope")),
        &["`applies_from`", "unknown event `nope` of `us_eo_old`"],
        &["events of us_eo_old: signed, revoked"],
    );
    // A near miss gets a did-you-mean.
    let s = replace(
        file,
        "applies_from: event:signed",
        "applies_from: event:signd",
    );
    let d = only(errors(&s));
    assert_at(
        &d,
        file,
        line_of(&s, file, "event:signd", 0),
        None,
        &["unknown event `signd`"],
        &["did you mean `signed`?"],
    );
    // Another instrument's events: unknown instrument.
    let file = "xx/act.yaml";
    let s = replace(
        file,
        "from: event:xx_amend/in_force",
        "from: event:xx_amnd/in_force",
    );
    let d = only(errors(&s));
    assert_at(
        &d,
        file,
        line_of(&s, file, "event:xx_amnd/in_force", 0),
        None,
        &["unknown instrument `xx_amnd`"],
        &["did you mean `event:xx_amend/in_force`?"],
    );
}

#[test]
fn unknown_instrument_in_by() {
    let file = "us/eo-2023.yaml";
    let s = replace(file, "by: us_eo_new }", "by: us_eo_neww }");
    let d = only(errors(&s));
    let line = line_of(&s, file, "by: us_eo_neww", 0);
    assert_at(
        &d,
        file,
        line,
        Some(col_of(&s, file, line, "by: us_eo_neww")),
        &["event `revoked` refers to unknown instrument `us_eo_neww`"],
        &["did you mean `us_eo_new`?"],
    );
}

#[test]
fn unknown_amended_by() {
    let file = "xx/act.yaml";
    let s = replace(
        file,
        "        amended_by: xx_amend\n",
        "        amended_by: xx_amendd\n",
    );
    let d = only(errors(&s));
    let line = line_of(&s, file, "amended_by: xx_amendd", 0);
    assert_at(
        &d,
        file,
        line,
        None,
        &["`amended_by` refers to unknown instrument `xx_amendd`"],
        &["did you mean `xx_amend`?"],
    );
}

#[test]
fn impossible_dates() {
    // In an event.
    let file = "us/eo-2025.yaml";
    let s = replace(file, "date: 2025-01-20 }", "date: 2025-02-30 }");
    let diags = errors(&s);
    let d = &diags[0];
    let line = line_of(&s, file, "2025-02-30", 0);
    assert_at(
        d,
        file,
        line,
        Some(col_of(&s, file, line, "2025-02-30")),
        &["`2025-02-30` is not a valid date"],
        &["YYYY-MM-DD"],
    );
    // In a rule's until.
    let file = "xx/act.yaml";
    let s = replace(file, "until: 2027-01-01", "until: 2026-02-30");
    let d = only(errors(&s));
    let line = line_of(&s, file, "until: 2026-02-30", 0);
    assert_at(
        &d,
        file,
        line,
        Some(col_of(&s, file, line, "2026-02-30")),
        &["`until`", "`2026-02-30` is not a valid date"],
        &["YYYY-MM-DD"],
    );
    // In an example's as_of.
    let file = "us/eo-2025.yaml";
    let s = replace(file, "as_of: 2025-02-01\n    manifest:\n      subject: ai_system\n      ai_system: { category: general }",
        "as_of: 2025-13-01\n    manifest:\n      subject: ai_system\n      ai_system: { category: general }");
    let d = only(errors(&s));
    assert_at(
        &d,
        file,
        line_of(&s, file, "2025-13-01", 0),
        None,
        &["example `general-purpose system`", "2025-13-01"],
        &[],
    );
}

#[test]
fn versions_out_of_order() {
    let file = "xx/act.yaml";
    // The amendment's version starts before the original text (adopted 2024-01-10).
    let s = replace(
        file,
        "      - from: event:xx_amend/in_force\n",
        "      - from: 2023-12-01\n",
    );
    let d = only(errors(&s));
    let line = line_of(&s, file, "from: 2023-12-01", 0);
    assert_at(
        &d,
        file,
        line,
        Some(col_of(&s, file, line, "2023-12-01")),
        &["version from 2023-12-01 overlaps the previous version (from 2024-01-10)"],
        &["strictly later"],
    );
    // Same start as the original: overlapping.
    let s = replace(
        file,
        "      - from: event:xx_amend/in_force\n",
        "      - from: event:adopted\n",
    );
    let d = only(errors(&s));
    assert_at(
        &d,
        file,
        line_of(&s, file, "from: event:adopted", 0),
        None,
        &["overlaps the previous version"],
        &[],
    );
    // Two amendments in the wrong order.
    let s = replace(file, "        applies_from: 2026-06-01\n",
        "        applies_from: 2026-06-01\n      - from: 2025-02-15\n        applies_from: 2026-07-01\n");
    let d = only(errors(&s));
    assert_at(
        &d,
        file,
        line_of(&s, file, "from: 2025-02-15", 0),
        None,
        &["version from 2025-02-15 overlaps the previous version (from 2025-03-01)"],
        &[],
    );
}

#[test]
fn parameter_values_out_of_order() {
    let file = "xx/act.yaml";
    let s = replace(
        file,
        "{ from: 2025-07-01, value: 1.0e+24",
        "{ from: 2024-01-01, value: 1.0e+24",
    );
    let d = only(errors(&s));
    let line = line_of(&s, file, "from: 2024-01-01", 0);
    assert_at(&d, file, line, Some(col_of(&s, file, line, "2024-01-01")),
        &["values of `xx_act.compute_threshold` are out of order: 2024-01-01 is not after 2024-02-01"], &["increasing `from`"]);
    // A value that changes type.
    let s = replace(
        file,
        "{ from: 2025-07-01, value: 1.0e+24",
        "{ from: 2025-07-01, value: true",
    );
    let d = only(errors(&s));
    assert_msg(
        &d,
        file,
        &["values of `xx_act.compute_threshold` change type"],
        &[],
    );
}

#[test]
fn duplicate_rule_id() {
    let file = "us/eo-2025.yaml";
    let dup = "  - id: us_eo_new.review\n    title: Again\n    citation: Sec 3\n    subject: ai_system\n    summary: Twice.\n    effect:\n      obligation: { duty: x }\n    applies_from: event:signed\n";
    let s = replace(file, "\nexamples:\n", &format!("{dup}\nexamples:\n"));
    let d = only(errors(&s));
    // The diagnostic points at the id; the locator finds the first `id: us_eo_new.review`.
    assert_at(
        &d,
        file,
        line_of(&s, file, "id: us_eo_new.review", 0),
        None,
        &["rule `us_eo_new.review` is declared twice"],
        &["unique across the corpus"],
    );
}

#[test]
fn duplicate_rule_id_across_files() {
    let file = "us/eo-2025.yaml";
    let s = replace(file, "id: us_eo_new.review", "id: us_eo_old.reporting");
    let diags = errors(&s);
    assert!(
        diags.iter().any(|d| d
            .message
            .contains("rule `us_eo_old.reporting` is declared twice")),
        "{diags:?}"
    );
}

#[test]
fn rule_id_without_instrument_prefix() {
    let file = "us/eo-2025.yaml";
    let s = replace(file, "id: us_eo_new.review", "id: review");
    let diags = errors(&s);
    let d = diags
        .iter()
        .find(|d| d.message.contains("rule id `review`"))
        .unwrap_or_else(|| panic!("{diags:?}"));
    let line = line_of(&s, file, "id: review", 0);
    assert_at(
        d,
        file,
        line,
        Some(col_of(&s, file, line, "review")),
        &["rule id `review` must be `us_eo_new.<name>` in lower snake case"],
        &["e.g. `us_eo_new.review`"],
    );
    // Upper case after the prefix is rejected too.
    let s = replace(file, "id: us_eo_new.review", "id: us_eo_new.Review");
    let diags = errors(&s);
    assert!(
        diags
            .iter()
            .any(|d| d.message.contains("rule id `us_eo_new.Review` must be")),
        "{diags:?}"
    );
}

#[test]
fn cycle_through_rule_references() {
    let file = "xx/act.yaml";
    // scope <- high_risk_recruitment (existing); make scope depend on high_risk_recruitment.
    let s = replace(file,
        "      || sets.intersects(organization.established_in, params.xx_act.member_states)\n",
        "      || sets.intersects(organization.established_in, params.xx_act.member_states)\n      || rules.xx_act.high_risk_recruitment\n");
    let d = only(errors(&s));
    assert_eq!(d.file, file);
    assert!(
        d.message.contains("rules refer to each other in a cycle"),
        "{d}"
    );
    assert!(
        d.message.contains("xx_act.scope") && d.message.contains("xx_act.high_risk_recruitment"),
        "{d}"
    );
    let first = d
        .message
        .split(": ")
        .nth(1)
        .unwrap()
        .split(" -> ")
        .next()
        .unwrap();
    assert_eq!(d.line, line_of(&s, file, &format!("id: {first}"), 0), "{d}");
    assert!(d
        .hint
        .as_deref()
        .unwrap()
        .contains("may not depend on itself"));
    // A rule that refers to itself.
    let file = "us/eo-2025.yaml";
    let s = replace(
        file,
        "when: ai_system.category == \"general\"",
        "when: rules.us_eo_new.review",
    );
    let d = only(errors(&s));
    assert!(
        d.message.contains("us_eo_new.review -> us_eo_new.review"),
        "{d}"
    );
}

#[test]
fn cycle_through_an_exemption() {
    // The exemption defeats compute_duty; making the exemption read compute_duty closes a loop.
    let file = "xx/act.yaml";
    let s = replace(
        file,
        "    when: ai_system.open_source\n",
        "    when: ai_system.open_source && rules.xx_act.compute_duty\n",
    );
    let d = only(errors(&s));
    assert!(d.message.contains("cycle"), "{d}");
}

#[test]
fn unknown_penalty() {
    let file = "xx/act.yaml";
    let s = replace(
        file,
        "penalty: xx_act.fine_prohibited }",
        "penalty: xx_act.fine_prohibitd }",
    );
    let d = only(errors(&s));
    let line = line_of(&s, file, "xx_act.fine_prohibitd", 0);
    assert_at(
        &d,
        file,
        line,
        Some(col_of(&s, file, line, "xx_act.fine_prohibitd")),
        &["unknown penalty `xx_act.fine_prohibitd`"],
        &["did you mean `xx_act.fine_prohibited`?"],
    );
}

#[test]
fn unknown_tier() {
    let file = "xx/act.yaml";
    let s = replace(file, "tier: minimal }", "tier: miniml }");
    let d = only(errors(&s));
    let line = line_of(&s, file, "tier: miniml", 0);
    assert_at(
        &d,
        file,
        line,
        Some(col_of(&s, file, line, "tier: miniml")),
        &["unknown tier `miniml`"],
        &["did you mean `minimal`?"],
    );
}

#[test]
fn effect_with_two_kinds() {
    let file = "us/eo-2025.yaml";
    let s = replace(file,
        "      obligation: { duty: \"Review the system against the national AI action plan.\" }\n",
        "      obligation: { duty: \"Review the system against the national AI action plan.\" }\n      prohibition: { practice: \"x\" }\n");
    let d = only(errors(&s));
    assert_at(
        &d,
        file,
        line_of(&s, file, "effect:", 0),
        Some(5),
        &[
            "an effect must be exactly one of classification, obligation, prohibition, exemption",
            "gives 2",
        ],
        &[],
    );
    // And none at all.
    let s = replace(
        file,
        "      obligation: { duty: \"Review the system against the national AI action plan.\" }\n",
        "      {}\n",
    );
    let diags = errors(&s);
    assert!(
        diags.iter().any(|d| d.message.contains("gives 0")),
        "{diags:?}"
    );
}

#[test]
fn unknown_rule_in_exemption() {
    let file = "xx/act.yaml";
    let s = replace(
        file,
        "from: [xx_act.compute_duty]",
        "from: [xx_act.compute_dty]",
    );
    let d = only(errors(&s));
    assert_at(
        &d,
        file,
        line_of(&s, file, "xx_act.compute_dty", 0),
        None,
        &["unknown rule `xx_act.compute_dty` in overrides/exemption"],
        &["did you mean `xx_act.compute_duty`?"],
    );
}

#[test]
fn unknown_status_in_example() {
    let file = "us/eo-2025.yaml";
    let s = replace(
        file,
        "us_eo_new.review: not_applicable",
        "us_eo_new.review: inapplicable",
    );
    let d = only(errors(&s));
    let line = line_of(&s, file, "inapplicable", 0);
    assert_at(
        &d,
        file,
        line,
        Some(col_of(&s, file, line, "inapplicable")),
        &["unknown status `inapplicable`"],
        &["not_applicable", "not_yet_law"],
    );
}

#[test]
fn example_with_unknown_rule_or_bad_manifest() {
    let file = "us/eo-2025.yaml";
    let s = replace(
        file,
        "us_eo_new.review: not_applicable",
        "us_eo_new.reviw: not_applicable",
    );
    let d = only(errors(&s));
    assert_at(
        &d,
        file,
        line_of(&s, file, "us_eo_new.reviw", 0),
        None,
        &["example `specialised system` expects unknown rule `us_eo_new.reviw`"],
        &["did you mean `us_eo_new.review`?"],
    );
    let s = replace(
        file,
        "ai_system: { category: specialised }",
        "ai_system: { categry: specialised }",
    );
    let d = only(errors(&s));
    assert_at(
        &d,
        file,
        line_of(&s, file, "categry", 0),
        None,
        &[
            "example `specialised system`",
            "`ai_system.categry`",
            "unknown fact",
        ],
        &["did you mean `category`?"],
    );
    let s = replace(
        file,
        "ai_system: { category: specialised }",
        "ai_system: { category: special }",
    );
    let d = only(errors(&s));
    assert_at(
        &d,
        file,
        line_of(&s, file, "category: special }", 0),
        None,
        &["\"special\" is not an allowed value"],
        &["specialised"],
    );
}

#[test]
fn condition_that_is_not_boolean_or_does_not_parse() {
    let file = "us/eo-2025.yaml";
    let s = replace(
        file,
        "when: ai_system.category == \"general\"",
        "when: ai_system.category",
    );
    let d = only(errors(&s));
    assert_at(
        &d,
        file,
        line_of(&s, file, "when: ai_system.category", 0),
        None,
        &["must be boolean", "text"],
        &[],
    );
    let s = replace(
        file,
        "when: ai_system.category == \"general\"",
        "when: ai_system.category == ",
    );
    let d = only(errors(&s));
    assert_at(
        &d,
        file,
        line_of(&s, file, "when: ai_system.category", 0),
        None,
        &["syntax error"],
        &["CEL"],
    );
    let s = replace(
        file,
        "when: ai_system.category == \"general\"",
        "when: ai_system.category > 3",
    );
    let d = only(errors(&s));
    assert_at(
        &d,
        file,
        line_of(&s, file, "when: ai_system.category", 0),
        None,
        &["cannot compare a text with a number"],
        &[],
    );
}

#[test]
fn vocabulary_errors() {
    let file = "vocabulary/ai_system.yaml";
    let s = replace(
        file,
        "  - name: vendor\n    type: text\n",
        "  - name: vendor\n    type: txt\n",
    );
    let diags = errors(&s);
    let d = find(&diags, file, "unknown variant `txt`").clone();
    assert_at(
        &d,
        file,
        line_of(&s, file, "type: txt", 0),
        None,
        &["unknown variant `txt`"],
        &[],
    );
    let s = replace(file, "  - name: vendor\n", "  - name: roles\n");
    let diags = errors(&s);
    assert!(
        diags.iter().any(|d| d.file == file
            && d.message
                .contains("fact `ai_system.roles` is declared twice")),
        "{diags:?}"
    );
    let s = replace(file, "subject: ai_system\n", "subject: ai_sytem\n");
    let diags = errors(&s);
    assert!(
        diags.iter().any(|d| d.file == file
            && d.line == 1
            && d.message.contains("unknown subject kind `ai_sytem`")
            && d.hint.as_deref() == Some("did you mean `ai_system`?")),
        "{diags:?}"
    );
}

#[test]
fn missing_vocabulary_is_reported() {
    let sources: Vec<Source> = mini_sources()
        .into_iter()
        .filter(|s| s.path != "vocabulary/subjects.yaml")
        .collect();
    let diags = errors(&sources);
    assert!(diags.iter().any(|d| d.file == "vocabulary/subjects.yaml" && d.message.contains("no subject kinds")), "{diags:?}");
}

#[test]
fn several_errors_are_all_reported_sorted() {
    let file = "us/eo-2025.yaml";
    let s = replace(
        file,
        "when: ai_system.category == \"general\"",
        "when: ai_system.categroy == \"general\"",
    );
    let mut s2 = s.clone();
    let t = s2.iter_mut().find(|x| x.path == "us/eo-2023.yaml").unwrap();
    t.text = t
        .text
        .replace("applies_from: event:signed", "applies_from: event:nope");
    let diags = errors(&s2);
    assert_eq!(diags.len(), 2, "{diags:?}");
    assert_eq!(diags[0].file, "us/eo-2023.yaml");
    assert_eq!(diags[1].file, "us/eo-2025.yaml");
}

#[test]
fn malformed_yaml_and_non_yaml_files() {
    let d = only(errors(&with_file(
        "xx/broken.yaml",
        "instrument:\n  id: [unclosed\n",
    )));
    assert_eq!(d.file, "xx/broken.yaml");
    assert!(d.line >= 2, "{d}");
    // Files that are not YAML are ignored.
    let mut s = mini_sources();
    s.push(Source {
        path: "README.md".into(),
        text: "not: [yaml".into(),
    });
    assert!(aigov_corpus::load(&s).is_ok());
}

#[test]
fn termination_before_entry_into_force() {
    let file = "us-ca/chatbot-act.yaml";
    let s = replace(file, "    - { id: paused, kind: not_enforced, date: 2026-03-01 }\n",
        "    - { id: paused, kind: not_enforced, date: 2026-03-01 }\n    - { id: repealed, kind: repealed, date: 2024-12-01 }\n");
    let diags = errors(&s);
    let d = diags
        .iter()
        .find(|d| d.message.contains("is before entry into force"))
        .unwrap_or_else(|| panic!("{diags:?}"));
    assert_at(
        d,
        file,
        line_of(&s, file, "id: repealed", 0),
        None,
        &["`repealed` (2024-12-01) is before entry into force (2025-01-01)"],
        &["out of order"],
    );
}

#[test]
fn dangling_rule_reference_in_condition() {
    let file = "xx/amend.yaml";
    let s = replace(
        file,
        "when: rules.xx_act.high_risk_recruitment",
        "when: rules.xx_act.high_risk_recruitmnt",
    );
    let d = only(errors(&s));
    assert_msg(
        &d,
        file,
        &["in condition", "unknown rule `xx_act.high_risk_recruitmnt`"],
        &["rules.<instrument>.<name>"],
    );
}

#[test]
fn unknown_fact_in_condition_suggests_the_closest() {
    let file = "us/eo-2025.yaml";
    let s = replace(
        file,
        "when: ai_system.category ==",
        "when: ai_system.categroy ==",
    );
    let d = only(errors(&s));
    assert_msg(
        &d,
        file,
        &["unknown fact `ai_system.categroy`"],
        &["did you mean `ai_system.category`?"],
    );
    // Far from every fact: the hint says where to declare it.
    let s = replace(
        file,
        "when: ai_system.category ==",
        "when: ai_system.zzzzzz ==",
    );
    let d = only(errors(&s));
    assert_msg(
        &d,
        file,
        &["unknown fact `ai_system.zzzzzz`"],
        &["vocabulary/ai_system.yaml"],
    );
}

#[test]
fn unknown_subject_in_condition() {
    let file = "us/eo-2025.yaml";
    let s = replace(
        file,
        "when: ai_system.category ==",
        "when: ai_sytem.category ==",
    );
    let d = only(errors(&s));
    assert_msg(
        &d,
        file,
        &["unknown name `ai_sytem.category`"],
        &["<subject>.<fact>"],
    );
}

#[test]
fn unknown_enum_value_in_condition() {
    let file = "us/eo-2025.yaml";
    let s = replace(
        file,
        "ai_system.category == \"general\"",
        "ai_system.category == \"genral\"",
    );
    let d = only(errors(&s));
    assert_msg(
        &d,
        file,
        &["\"genral\" is not an allowed value"],
        &["did you mean \"general\"?"],
    );
    // Set membership too, in a rule with roles (the role clause is prepended to the condition).
    let file = "xx/act.yaml";
    let s = replace(
        file,
        "\"social_scoring\" in ai_system.uses",
        "\"social_scorin\" in ai_system.uses",
    );
    let d = only(errors(&s));
    assert_msg(
        &d,
        file,
        &["\"social_scorin\" is not an allowed value"],
        &["did you mean \"social_scoring\"?"],
    );
    // And in a list literal given to sets.intersects.
    let file = "us-ca/chatbot-act.yaml";
    let s = replace(
        file,
        "'\"chatbot\" in ai_system.uses && sets.intersects(ai_system.used_in, [\"US-CA\"])'",
        "'sets.intersects(ai_system.uses, [\"chatbot\", \"robot\"])'",
    );
    let d = only(errors(&s));
    assert_msg(&d, file, &["\"robot\" is not an allowed value"], &[]);
}

#[test]
fn bad_condition_in_exception() {
    let file = "us-ca/chatbot-act.yaml";
    let s = replace(
        file,
        "when: organization.employees < 50",
        "when: organization.employes < 50",
    );
    let d = only(errors(&s));
    assert_msg(
        &d,
        file,
        &[
            "in exception `small_business`",
            "unknown fact `organization.employes`",
        ],
        &["did you mean `organization.employees`?"],
    );
}

/// Condition errors must point at the line of the offending condition. The CEL span of a field selection is the
/// `.`; the loader searches that one-character token from the rule's `id:` line and finds the `.` of the rule id.
#[test]
fn condition_errors_point_at_the_condition() {
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            "xx/amend.yaml",
            "when: rules.xx_act.high_risk_recruitment",
            "when: rules.xx_act.high_risk_recruitmnt",
            "unknown rule",
        ),
        (
            "us/eo-2025.yaml",
            "when: ai_system.category ==",
            "when: ai_system.categroy ==",
            "unknown fact",
        ),
        (
            "us/eo-2025.yaml",
            "when: ai_system.category ==",
            "when: ai_sytem.category ==",
            "unknown name",
        ),
        (
            "us/eo-2025.yaml",
            "ai_system.category == \"general\"",
            "ai_system.category == \"genral\"",
            "not an allowed value",
        ),
        (
            "us-ca/chatbot-act.yaml",
            "when: organization.employees < 50",
            "when: organization.employes < 50",
            "unknown fact",
        ),
    ];
    let mut wrong = Vec::new();
    for (file, from, to, msg) in cases {
        let s = replace(file, from, to);
        let d = only(errors(&s));
        assert!(d.message.contains(msg), "{d}");
        let line = line_of(&s, file, to, 0);
        if d.line != line {
            wrong.push(format!("{d} (expected line {line})"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// A duplicate instrument id must be a diagnostic, never a panic. `load` registers `inst_files[id] = fi` (an
/// index into the instrument *files*) but later indexes `instruments[inst_index]` with it; once a duplicate is
/// skipped the two indices diverge and the loader indexes out of bounds.
#[test]
fn duplicate_instrument_is_a_diagnostic_not_a_panic() {
    let copy = mini_sources()
        .iter()
        .find(|s| s.path == "us/eo-2025.yaml")
        .unwrap()
        .text
        .replace("id: us_eo_new.review", "id: us_eo_new.review2");
    let s = with_file("us/copy.yaml", &copy);
    let result = std::panic::catch_unwind(|| aigov_corpus::load(&s));
    let diags = match result {
        Ok(Err(d)) => d,
        Ok(Ok(_)) => panic!("a duplicate instrument must not load"),
        Err(_) => panic!("the loader panicked on a duplicate instrument id"),
    };
    assert!(
        diags.iter().any(|d| d
            .message
            .contains("instrument `us_eo_new` is declared twice")),
        "{diags:?}"
    );
}

#[test]
fn duplicate_event_ids() {
    let file = "us/eo-2023.yaml";
    let s = replace(
        file,
        "{ id: revoked, kind: revoked",
        "{ id: signed, kind: revoked",
    );
    let diags = errors(&s);
    assert!(
        diags
            .iter()
            .any(|d| d.file == file && d.message.contains("event `signed` is declared twice")),
        "{diags:?}"
    );
}

/// The diagnostic for a parameter value that changes type points at the first `value:` of the parameter, not at
/// the value that changed (the locator's needle is the literal "value:").
#[test]
fn parameter_type_change_points_at_the_changed_value() {
    let file = "xx/act.yaml";
    let s = replace(
        file,
        "{ from: 2025-07-01, value: 1.0e+24",
        "{ from: 2025-07-01, value: true",
    );
    let d = only(errors(&s));
    assert_eq!(d.line, line_of(&s, file, "value: true", 0), "{d}");
}

/// One mistake should give one diagnostic: when a file fails to parse, its instrument and rules vanish, and every
/// other file that refers to them gets spurious errors (with misleading hints such as "did you mean `us_eo_old`?").
#[test]
fn a_parse_error_gives_no_knock_on_errors() {
    let file = "us/eo-2025.yaml";
    let s = replace(
        file,
        "  binding: true\n",
        "  binding: true\n  jurisdicton: US\n",
    );
    let diags = errors(&s);
    assert!(
        diags.iter().all(|d| d.file == file),
        "{}",
        diags
            .iter()
            .map(|d| d.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    );
}
