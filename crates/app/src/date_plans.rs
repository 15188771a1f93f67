//! The date plans a service keeps: what an assessment date fixes for every subject (each rule's timing and
//! version, each parameter's value; [`aigov_core::assess::DatePlan`]) worked out once per date and corpus and
//! shared by the requests that ask about that date, as `aigov assess --batch` does for its lines. This caches the
//! corpus's view of a date, never an answer: every request is still assessed on its own facts.
//!
//! The store is small and bounded (the most recently used plans, [`DatePlans::DEFAULT_CAPACITY`] by default) and
//! shared between threads; a plan is keyed by the corpus's fingerprint and the date, so a plan is never used with
//! another corpus.

use aigov_core::assess::DatePlan;
use aigov_core::{Date, Engine};
use std::sync::{Arc, Mutex, PoisonError};

/// The most recently used date plans, at most `capacity` of them.
#[derive(Debug)]
pub struct DatePlans {
    capacity: usize,
    /// Least recently used first.
    plans: Mutex<Vec<Kept>>,
}

/// A kept plan and what it is for.
#[derive(Debug)]
struct Kept {
    fingerprint: Box<str>,
    as_of: Date,
    plan: Arc<DatePlan>,
}

impl Kept {
    fn is(&self, fingerprint: &str, as_of: Date) -> bool {
        self.as_of == as_of && &*self.fingerprint == fingerprint
    }
}

impl Default for DatePlans {
    fn default() -> DatePlans {
        DatePlans::new(DatePlans::DEFAULT_CAPACITY)
    }
}

impl DatePlans {
    /// How many dates a service keeps by default: the dates callers ask about cluster (today, a deadline, the
    /// dates of a comparison); a plan costs a few kilobytes.
    pub const DEFAULT_CAPACITY: usize = 16;

    /// An empty store of at most `capacity` plans (at least one).
    pub fn new(capacity: usize) -> DatePlans {
        DatePlans {
            capacity: capacity.max(1),
            plans: Mutex::new(Vec::new()),
        }
    }

    /// The plan of `as_of` under `engine`, whose corpus has the fingerprint `fingerprint`: the kept one, or one
    /// made now and kept (the least recently used plan making room when the store is full).
    pub fn get(&self, engine: &Engine, fingerprint: &str, as_of: Date) -> Arc<DatePlan> {
        if let Some(plan) = self.kept(fingerprint, as_of) {
            return plan;
        }
        // Made outside the lock: other dates are served meanwhile. Two requests may make the same plan at once;
        // the first one kept wins and both are the same.
        let made = Arc::new(engine.plan(as_of));
        let mut plans = self.plans.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(kept) = plans.iter().find(|k| k.is(fingerprint, as_of)) {
            return kept.plan.clone();
        }
        if plans.len() >= self.capacity {
            plans.remove(0);
        }
        plans.push(Kept {
            fingerprint: fingerprint.into(),
            as_of,
            plan: made.clone(),
        });
        made
    }

    /// The kept plan, marked as the most recently used.
    fn kept(&self, fingerprint: &str, as_of: Date) -> Option<Arc<DatePlan>> {
        let mut plans = self.plans.lock().unwrap_or_else(PoisonError::into_inner);
        let at = plans.iter().rposition(|k| k.is(fingerprint, as_of))?;
        let plan = plans[at].plan.clone();
        if at + 1 != plans.len() {
            let entry = plans.remove(at);
            plans.push(entry);
        }
        Some(plan)
    }

    /// How many plans are kept.
    pub fn len(&self) -> usize {
        self.plans
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .len()
    }

    /// Whether no plan is kept.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The dates whose plans are kept for `fingerprint`, least recently used first.
    pub fn dates(&self, fingerprint: &str) -> Vec<Date> {
        self.plans
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .iter()
            .filter(|k| &*k.fingerprint == fingerprint)
            .map(|k| k.as_of)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn plans_are_kept_per_corpus_and_date_and_bounded() {
        let engine = crate::engine(None).unwrap();
        let plans = DatePlans::new(2);
        assert!(plans.is_empty());
        let a = plans.get(&engine, "fp", date("2026-01-01"));
        assert_eq!(a.as_of(), date("2026-01-01"));
        assert_eq!(*a, engine.plan(date("2026-01-01")));
        // Asked again: the same plan, not a new one.
        assert!(Arc::ptr_eq(
            &a,
            &plans.get(&engine, "fp", date("2026-01-01"))
        ));
        // Another corpus's plan of the same date is its own.
        let other = plans.get(&engine, "other", date("2026-01-01"));
        assert!(!Arc::ptr_eq(&a, &other));
        assert_eq!(plans.len(), 2);
        // A third plan makes room by dropping the least recently used one (`other`'s), so `fp`'s stays.
        plans.get(&engine, "fp", date("2026-01-01"));
        let b = plans.get(&engine, "fp", date("2027-08-02"));
        assert_eq!(b.as_of(), date("2027-08-02"));
        assert_eq!(plans.len(), 2);
        assert_eq!(
            plans.dates("fp"),
            vec![date("2026-01-01"), date("2027-08-02")]
        );
        assert!(plans.dates("other").is_empty());
        assert!(Arc::ptr_eq(
            &a,
            &plans.get(&engine, "fp", date("2026-01-01"))
        ));
        // Many dates never grow the store beyond its capacity.
        for day in 1..=28 {
            plans.get(&engine, "fp", date(&format!("2030-02-{day:02}")));
        }
        assert_eq!(plans.len(), 2);
        assert_eq!(
            plans.dates("fp"),
            vec![date("2030-02-27"), date("2030-02-28")]
        );
    }

    #[test]
    fn plans_are_shared_between_threads() {
        let engine = crate::engine(None).unwrap();
        let plans = DatePlans::default();
        let got: Vec<Arc<DatePlan>> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..4)
                .map(|_| s.spawn(|| plans.get(&engine, "fp", date("2026-11-28"))))
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        assert_eq!(plans.len(), 1);
        let kept = plans.get(&engine, "fp", date("2026-11-28"));
        assert!(got.iter().all(|p| **p == *kept));
    }
}
