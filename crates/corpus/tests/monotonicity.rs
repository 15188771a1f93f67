//! Properties of three-valued evaluation over the real (embedded) corpus, on random subjects:
//! - knowing more never unsettles: a rule that is determined with some facts keeps its status when more facts are
//!   given (Kleene logic is monotone; a corpus that reads "unknown" as "no" would break this);
//! - knowing everything settles everything: with every fact of the subject and its organization given, no rule is
//!   undetermined (a rule that read a fact of another subject kind would stay open forever).

use aigov_core::assess::{Engine, Options, Status};
use aigov_core::manifest::Facts;
use aigov_core::vocabulary::FactType;
use aigov_core::{Date, Value};
use proptest::prelude::*;
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

const REGIONS: &[&str] = &[
    "DE", "FR", "IE", "NL", "PL", "EU", "US", "US-CA", "CN", "GB", "JP",
];
const DATES: &[&str] = &[
    "2024-09-01",
    "2025-03-01",
    "2025-09-01",
    "2026-06-01",
    "2026-11-28",
    "2027-01-15",
    "2027-12-03",
    "2028-09-01",
    "2031-01-02",
];

/// A value for a fact type, from a seed of random numbers.
fn value(ty: &FactType, seed: &[u32]) -> Value {
    let pick = |n: usize, k: usize| seed[k % seed.len()] as usize % n.max(1);
    match ty {
        FactType::Bool => Value::Bool(seed[0] % 2 == 0),
        FactType::Number { .. } => {
            Value::Number(10f64.powi((seed[0] % 28) as i32) * (1.0 + (seed[1] % 9) as f64))
        }
        FactType::Date => Value::Date(DATES[pick(DATES.len(), 0)].parse().expect("a date")),
        FactType::Enum { values } => Value::Text(values[pick(values.len(), 0)].id.clone()),
        FactType::Set { values } => Value::set(
            (0..seed[0] % 3).map(|k| values[pick(values.len(), k as usize + 1)].id.clone()),
        ),
        FactType::Regions => Value::set(
            (0..1 + seed[0] % 3).map(|k| REGIONS[pick(REGIONS.len(), k as usize + 1)].to_string()),
        ),
        FactType::Text => Value::Text(format!("text {}", seed[0])),
    }
}

fn subject_facts(subject: &str, seeds: &[[u32; 4]]) -> Facts {
    let e = engine();
    let mut facts = Facts::empty(subject, &e.corpus.vocabulary);
    for (i, f) in e.corpus.vocabulary.facts.iter().enumerate() {
        // An export manifest describes its item too.
        if f.subject == subject
            || f.subject == "organization"
            || (subject == "export" && f.subject == "item")
        {
            // Mix the fact's index into its seed, so that facts sharing a seed still get independent values.
            let s = seeds[i % seeds.len()];
            let k = (i as u32).wrapping_mul(2_654_435_761);
            let mixed = [
                s[0] ^ k,
                s[1].rotate_left(i as u32 % 31) ^ k,
                s[2].wrapping_add(k),
                s[3] ^ k.rotate_left(7),
            ];
            facts.set(f.id, Some(value(&f.ty, &mixed)));
        }
    }
    facts
}

fn statuses(facts: &Facts, as_of: Date) -> std::collections::BTreeMap<String, Status> {
    let mut o = Options::as_of(as_of);
    o.include_not_applicable = true;
    o.traces = false;
    engine()
        .assess(facts, &o)
        .findings
        .iter()
        .map(|f| (f.rule.to_string(), f.status))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn knowing_more_never_unsettles(
        subject in prop::sample::select(vec!["ai_system", "model", "agency_use_case", "datacenter_project", "item", "export"]),
        seeds in prop::collection::vec(any::<[u32; 4]>(), 1..40),
        forget in prop::collection::vec(any::<prop::sample::Index>(), 1..4),
        date in prop::sample::select(DATES.to_vec()),
    ) {
        let full = subject_facts(subject, &seeds);
        // Forget one to three facts: a nearly complete subject exercises the rules that read those facts.
        let mut partial = full.clone();
        let facts = &engine().corpus.vocabulary.facts;
        for i in &forget {
            // A derived fact that is given stays given: forgetting it would let the engine compute it from random,
            // inconsistent inputs (a different value, not less knowledge). Derivation has its own tests.
            let f = &facts[i.index(facts.len())];
            if f.derive.is_empty() {
                partial.set(f.id, None);
            }
        }
        let as_of: Date = date.parse().expect("a date");
        let known = statuses(&full, as_of);
        let unknown_some = statuses(&partial, as_of);
        prop_assert_eq!(unknown_some.len(), known.len(), "the same rules are law on the same date");
        for (rule, before) in &unknown_some {
            if *before != Status::Undetermined {
                prop_assert_eq!(Some(before), known.get(rule), "{} changed when more facts were given", rule);
            }
        }
        for (rule, status) in &known {
            prop_assert_ne!(*status, Status::Undetermined, "{} is undetermined with every fact given", rule);
        }
    }
}

/// The same property, exhaustively on the corpus's own examples: forgetting any one given fact may leave a rule
/// undetermined, but never gives it another settled status.
#[test]
fn forgetting_one_fact_of_an_example_never_changes_a_settled_rule() {
    let loaded = aigov_corpus::load(&aigov_corpus::embedded_sources()).expect("corpus");
    let mut checked = 0;
    for ex in &loaded.examples {
        let known = statuses(&ex.facts, ex.as_of);
        for f in &engine().corpus.vocabulary.facts {
            // Forgetting a given derived fact lets the engine compute it from the other facts: a different value,
            // not less knowledge.
            if ex.facts.get(f.id).is_none() || !f.derive.is_empty() {
                continue;
            }
            let mut partial = ex.facts.clone();
            partial.set(f.id, None);
            for (rule, before) in statuses(&partial, ex.as_of) {
                if before != Status::Undetermined {
                    assert_eq!(
                        Some(&before),
                        known.get(&rule),
                        "example `{}`: {rule} changes when `{}` is forgotten",
                        ex.name,
                        f.qualified
                    );
                }
            }
            checked += 1;
        }
    }
    assert!(checked > 500, "{checked} (example, fact) pairs checked");
}
