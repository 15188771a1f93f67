//! Re-assessment of the whole inventory when the corpus changes (another `--corpus`, a new release): each
//! subject's last recorded answer (the statuses of its rules, under a corpus fingerprint, as of a date) is compared
//! with its answer under the current corpus as of the same date, so that only the corpus (or an edit of the
//! subject since) can make a difference; the subjects whose answers changed are reported rule by rule.
//!
//! The caller (the service) reads the subjects and the recorded answers from its store and records the new
//! answers this operation returns; this module does no I/O.

use crate::inventory::Subject;
use crate::request;
use aigov_core::assess::{Options, Status};
use aigov_core::{Date, Engine};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap};

/// A stable fingerprint of a corpus: SHA-256 (lowercase hex) over its sources sorted by path, each as its path,
/// a NUL, its length, a NUL and its text. Two corpora with the same files have the same fingerprint; any edit
/// to any file (a rule, a date, a translation) changes it.
pub fn fingerprint(sources: &[aigov_corpus::Source]) -> String {
    let mut sorted: Vec<&aigov_corpus::Source> = sources.iter().collect();
    sorted.sort_by(|a, b| a.path.cmp(&b.path));
    let mut h = Sha256::new();
    for s in sorted {
        h.update(s.path.as_bytes());
        h.update([0]);
        h.update(s.text.len().to_string().as_bytes());
        h.update([0]);
        h.update(s.text.as_bytes());
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// One subject's answer in brief: the status of every rule that is not "not applicable" to it (absent: not
/// applicable, or not in the corpus), or why its manifest could not be read.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Answer {
    /// Rule id -> status.
    #[serde(default)]
    pub statuses: BTreeMap<String, Status>,
    /// Why the manifest could not be read under the corpus, if it could not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

impl Answer {
    /// The compact JSON stored for it.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads the stored JSON back (`None`: unreadable, treated as no recorded answer).
    pub fn from_json(text: &str) -> Option<Answer> {
        serde_json::from_str(text).ok()
    }
}

/// One subject's answer in brief as of `as_of`. For a manifest of linked subjects each rule id is prefixed by the
/// id of the linked subject it concerns (`atlas-chat/eu_ai_act.art50_1_interaction_disclosure`).
pub fn answer(engine: &Engine, subject: &Subject, as_of: Date) -> Answer {
    match request::bind_parts(engine, &subject.manifest) {
        Err(e) => Answer {
            statuses: BTreeMap::new(),
            error: Some(e.to_string()),
        },
        Ok(parts) => {
            let mut options = Options::as_of(as_of);
            options.traces = false;
            let mut statuses = BTreeMap::new();
            for part in &parts {
                let a = engine.assess(&part.facts, &options);
                statuses.extend(
                    a.findings
                        .iter()
                        .filter(|f| f.status != Status::NotApplicable)
                        .map(|f| {
                            let rule = match &part.id {
                                Some(id) => format!("{id}/{}", f.rule),
                                None => f.rule.to_string(),
                            };
                            (rule, f.status)
                        }),
                );
            }
            Answer {
                statuses,
                error: None,
            }
        }
    }
}

/// A subject's answer as last recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recorded {
    /// The subject's id.
    pub subject_id: String,
    /// The fingerprint of the corpus it was computed under.
    pub fingerprint: String,
    /// The date it was computed as of.
    pub as_of: Date,
    /// The subject's version then.
    pub version: i64,
    /// The answer.
    pub answer: Answer,
}

/// A rule whose status differs: `before` or `after` is absent when the rule did not (does not) apply, or was
/// not (is no longer) in the corpus.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RuleChange {
    /// The rule.
    pub rule: String,
    /// Its status in the recorded answer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub before: Option<Status>,
    /// Its status now.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after: Option<Status>,
}

/// A subject whose answer changed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SubjectReassessed {
    /// Its id.
    pub subject_id: String,
    /// Its name.
    pub name: String,
    /// The date both answers are read as of (the recorded answer's).
    pub as_of: Date,
    /// The version the recorded answer assessed.
    pub version_before: i64,
    /// The version assessed now (different: the subject was edited since, which may explain a change too).
    pub version_after: i64,
    /// Why the manifest could not be read before, if it could not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error_before: Option<String>,
    /// Why the manifest cannot be read under the current corpus, if it cannot.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error_after: Option<String>,
    /// Rules that apply now and did not before, by id.
    pub added: Vec<RuleChange>,
    /// Rules that applied before and do not now, by id.
    pub removed: Vec<RuleChange>,
    /// Rules whose status changed, by id.
    pub changed: Vec<RuleChange>,
}

/// The answer of a re-assessment.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ReassessAnswer {
    /// The fingerprints of the corpora the recorded answers were computed under, sorted (empty: none recorded).
    pub corpus_before: Vec<String>,
    /// The fingerprint of the current corpus.
    pub corpus_after: String,
    /// The date the new answers are recorded as of.
    pub as_of: Date,
    /// Subjects re-assessed.
    pub subjects: usize,
    /// The subjects whose answer changed, by id.
    pub changed: Vec<SubjectReassessed>,
    /// Subjects whose answer is the same.
    pub unchanged: usize,
    /// Subjects with no recorded answer (new since the last re-assessment): assessed and recorded, not compared.
    pub first_assessed: usize,
}

/// A re-assessment: its answer, and the answers to record for next time (every subject, as of `as_of`, under the
/// current corpus).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reassessment {
    /// What changed.
    pub answer: ReassessAnswer,
    /// The answers to record.
    pub record: Vec<Recorded>,
}

fn compare(before: &Answer, after: &Answer) -> (Vec<RuleChange>, Vec<RuleChange>, Vec<RuleChange>) {
    let (mut added, mut removed, mut changed) = (Vec::new(), Vec::new(), Vec::new());
    for (rule, &b) in &before.statuses {
        match after.statuses.get(rule) {
            None => removed.push(RuleChange {
                rule: rule.clone(),
                before: Some(b),
                after: None,
            }),
            Some(&a) if a != b => changed.push(RuleChange {
                rule: rule.clone(),
                before: Some(b),
                after: Some(a),
            }),
            Some(_) => {}
        }
    }
    for (rule, &a) in &after.statuses {
        if !before.statuses.contains_key(rule) {
            added.push(RuleChange {
                rule: rule.clone(),
                before: None,
                after: Some(a),
            });
        }
    }
    (added, removed, changed)
}

/// What re-assessing one subject found: `None` when it had no recorded answer (first assessed), `Some(None)`
/// when its answer is the same, `Some(Some(change))` when it changed.
pub type Outcome = Option<Option<SubjectReassessed>>;

/// Re-assesses one subject under the current corpus (`engine`, whose sources have `fingerprint`): compared with
/// its `recorded` answer as of that answer's date, if it has one, and assessed as of `as_of` for the record.
pub fn one(
    engine: &Engine,
    fingerprint: &str,
    s: &Subject,
    recorded: Option<&Recorded>,
    as_of: Date,
) -> (Recorded, Outcome) {
    let now = answer(engine, s, as_of);
    let change = recorded.map(|r| {
        let then = if r.as_of == as_of {
            now.clone()
        } else {
            answer(engine, s, r.as_of)
        };
        let (added, removed, changed) = compare(&r.answer, &then);
        let same = added.is_empty()
            && removed.is_empty()
            && changed.is_empty()
            && r.answer.error == then.error;
        (!same).then(|| SubjectReassessed {
            subject_id: s.id.clone(),
            name: s.name.clone(),
            as_of: r.as_of,
            version_before: r.version,
            version_after: s.version,
            error_before: r.answer.error.clone(),
            error_after: then.error,
            added,
            removed,
            changed,
        })
    });
    (
        Recorded {
            subject_id: s.id.clone(),
            fingerprint: fingerprint.to_string(),
            as_of,
            version: s.version,
            answer: now,
        },
        change,
    )
}

/// The answer of a re-assessment being gathered subject by subject (a page at a time): what the report needs and
/// nothing more, so that its size is that of the changes, not of the inventory.
#[derive(Debug, Clone, Default)]
pub struct Tally {
    corpus_before: std::collections::BTreeSet<String>,
    subjects: usize,
    changed: Vec<SubjectReassessed>,
    unchanged: usize,
    first_assessed: usize,
}

impl Tally {
    /// Notes a recorded answer that could be read (its corpus is one of `corpus_before`), whether or not its
    /// subject still exists.
    pub fn recorded(&mut self, r: &Recorded) {
        if !self.corpus_before.contains(&r.fingerprint) {
            self.corpus_before.insert(r.fingerprint.clone());
        }
    }

    /// Counts one subject re-assessed.
    pub fn add(&mut self, outcome: Outcome) {
        self.subjects += 1;
        match outcome {
            None => self.first_assessed += 1,
            Some(None) => self.unchanged += 1,
            Some(Some(c)) => self.changed.push(c),
        }
    }

    /// The answer: under the corpus `fingerprint`, recorded as of `as_of`.
    pub fn finish(mut self, fingerprint: &str, as_of: Date) -> ReassessAnswer {
        self.changed.sort_by(|a, b| a.subject_id.cmp(&b.subject_id));
        ReassessAnswer {
            corpus_before: self.corpus_before.into_iter().collect(),
            corpus_after: fingerprint.to_string(),
            as_of,
            subjects: self.subjects,
            changed: self.changed,
            unchanged: self.unchanged,
            first_assessed: self.first_assessed,
        }
    }
}

/// Re-assesses every subject under the current corpus (`engine`, whose sources have `fingerprint`): each
/// subject with a recorded answer is assessed as of that answer's date and compared with it; every subject is
/// then assessed as of `as_of` for the record. Subjects whose recorded answer is missing are counted as first
/// assessed; recorded answers of subjects no longer in `subjects` are dropped. (The stored inventory is
/// re-assessed a page at a time with [`one`] and [`Tally`] by [`crate::stored::reassess_stored`].)
pub fn reassess(
    engine: &Engine,
    fingerprint: &str,
    subjects: &[Subject],
    recorded: &[Recorded],
    as_of: Date,
) -> Reassessment {
    let by_id: HashMap<&str, &Recorded> = recorded
        .iter()
        .map(|r| (r.subject_id.as_str(), r))
        .collect();
    let mut tally = Tally::default();
    for r in recorded {
        tally.recorded(r);
    }
    let results = crate::inventory::par_map(subjects, |s| {
        one(
            engine,
            fingerprint,
            s,
            by_id.get(s.id.as_str()).copied(),
            as_of,
        )
    });
    let mut record = Vec::with_capacity(results.len());
    for (r, outcome) in results {
        tally.add(outcome);
        record.push(r);
    }
    Reassessment {
        answer: tally.finish(fingerprint, as_of),
        record,
    }
}

/// The answer of a re-assessment as text for a person (`aigov inventory reassess`): the counts, then each
/// subject whose answer changed with its rules' statuses before and after (`-` where a rule did not, or no
/// longer does, apply). English only, like the rule ids and statuses it shows.
pub fn render_text(a: &ReassessAnswer) -> String {
    use std::fmt::Write;
    let short = |f: &str| f.chars().take(12).collect::<String>();
    let mut out = String::new();
    let before = if a.corpus_before.is_empty() {
        "no answers recorded before".to_string()
    } else {
        let fps: Vec<String> = a.corpus_before.iter().map(|f| short(f)).collect();
        format!("recorded under corpus {}", fps.join(", "))
    };
    let _ = writeln!(
        out,
        "Re-assessed {} subject{} as of {} under corpus {} ({before}).",
        a.subjects,
        if a.subjects == 1 { "" } else { "s" },
        a.as_of,
        short(&a.corpus_after),
    );
    let _ = writeln!(
        out,
        "{} changed, {} unchanged, {} assessed for the first time.",
        a.changed.len(),
        a.unchanged,
        a.first_assessed
    );
    let status = |s: Option<Status>| s.map_or("-", Status::as_str);
    for c in &a.changed {
        let _ = write!(
            out,
            "\n{}  {}  (compared as of {}",
            c.subject_id, c.name, c.as_of
        );
        if c.version_before != c.version_after {
            let _ = write!(
                out,
                "; version {} then, {} now",
                c.version_before, c.version_after
            );
        }
        out.push_str(")\n");
        if let Some(e) = &c.error_before {
            let _ = writeln!(out, "  could not be read before: {e}");
        }
        if let Some(e) = &c.error_after {
            let _ = writeln!(out, "  cannot be read now: {e}");
        }
        let width = c
            .changed
            .iter()
            .chain(&c.added)
            .chain(&c.removed)
            .map(|r| r.rule.len())
            .max()
            .unwrap_or(0);
        for (label, rules) in [
            ("changed", &c.changed),
            ("added", &c.added),
            ("removed", &c.removed),
        ] {
            for r in rules {
                let _ = writeln!(
                    out,
                    "  {label:<7}  {:<width$}  {} -> {}",
                    r.rule,
                    status(r.before),
                    status(r.after)
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use std::path::{Path, PathBuf};

    const MINI: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../corpus/tests/fixtures/mini");

    fn copy_dir(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for e in std::fs::read_dir(from).unwrap() {
            let e = e.unwrap();
            let target = to.join(e.file_name());
            if e.file_type().unwrap().is_dir() {
                copy_dir(&e.path(), &target);
            } else {
                std::fs::copy(e.path(), target).unwrap();
            }
        }
    }

    fn subject(id: &str, used_in: &[&str], established_in: &[&str]) -> Subject {
        Subject {
            id: id.into(),
            name: format!("name of {id}"),
            version: 1,
            manifest: json!({
                "subject": "ai_system",
                "name": id,
                "organization": { "established_in": established_in, "employees": 500 },
                "ai_system": { "roles": ["provider"], "used_in": used_in, "uses": ["recruitment"] }
            }),
        }
    }

    fn date(s: &str) -> Date {
        s.parse().unwrap()
    }

    /// A subject recorded under the mini corpus, then re-assessed under a copy whose prohibitions apply three
    /// years later: reported changed, rule by rule; a subject the change does not touch is counted unchanged; a
    /// subject with no recorded answer is first assessed; the record is under the new fingerprint.
    #[test]
    fn a_changed_date_in_the_corpus_is_reported_per_subject_and_rule() {
        let dir: PathBuf =
            std::env::temp_dir().join(format!("aigov-reassess-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        copy_dir(Path::new(MINI), &dir);
        let act = dir.join("xx/act.yaml");
        let text = std::fs::read_to_string(&act).unwrap();
        let moved = text.replace(
            "{ id: applies_prohibitions, kind: applies_from, date: 2024-06-01",
            "{ id: applies_prohibitions, kind: applies_from, date: 2027-06-01",
        );
        assert_ne!(text, moved, "the fixture's date was found");
        std::fs::write(&act, moved).unwrap();

        let before = crate::engine(Some(Path::new(MINI))).unwrap();
        let after = crate::engine(Some(&dir)).unwrap();
        let fp_before = crate::corpus_fingerprint(Some(Path::new(MINI))).unwrap();
        let fp_after = crate::corpus_fingerprint(Some(&dir)).unwrap();
        assert_ne!(fp_before, fp_after);
        assert_eq!(
            fp_before,
            crate::corpus_fingerprint(Some(Path::new(MINI))).unwrap()
        );

        let in_xx = subject("sub_a", &["XX"], &["XX"]);
        let elsewhere = subject("sub_b", &["US-CA"], &["US"]);
        let new = subject("sub_c", &["XX"], &["XX"]);
        let day = date("2026-01-01");
        let first = reassess(
            &before,
            &fp_before,
            &[in_xx.clone(), elsewhere.clone()],
            &[],
            day,
        );
        assert_eq!(first.answer.first_assessed, 2);
        assert!(first.answer.changed.is_empty());
        assert_eq!(
            first.record[0].answer.statuses.get("xx_act.scope"),
            Some(&Status::InEffect)
        );

        // The same corpus again: nothing changed.
        let again = reassess(
            &before,
            &fp_before,
            &[in_xx.clone(), elsewhere.clone()],
            &first.record,
            day,
        );
        assert_eq!((again.answer.unchanged, again.answer.changed.len()), (2, 0));
        assert_eq!(again.answer.corpus_before, vec![fp_before.clone()]);

        // Recorded answers round-trip through their stored JSON.
        let stored: Vec<Recorded> = first
            .record
            .iter()
            .map(|r| Recorded {
                answer: Answer::from_json(&r.answer.to_json()).unwrap(),
                ..r.clone()
            })
            .collect();
        assert_eq!(stored, first.record);

        let later = date("2026-03-01");
        let r = reassess(&after, &fp_after, &[in_xx, elsewhere, new], &stored, later);
        let a = &r.answer;
        assert_eq!((a.subjects, a.unchanged, a.first_assessed), (3, 1, 1));
        assert_eq!(a.corpus_before, vec![fp_before]);
        assert_eq!(a.corpus_after, fp_after);
        assert_eq!(a.changed.len(), 1);
        let c = &a.changed[0];
        assert_eq!(
            (c.subject_id.as_str(), c.name.as_str()),
            ("sub_a", "name of sub_a")
        );
        // Compared as of the recorded answer's date, so only the corpus can have made the difference.
        assert_eq!(c.as_of, day);
        assert!(
            c.changed.contains(&RuleChange {
                rule: "xx_act.scope".into(),
                before: Some(Status::InEffect),
                after: Some(Status::Upcoming),
            }),
            "{c:?}"
        );
        assert!(c.added.is_empty() && c.removed.is_empty(), "{c:?}");
        // The record is every subject under the new corpus, as of the new date.
        assert_eq!(r.record.len(), 3);
        assert!(r
            .record
            .iter()
            .all(|x| x.fingerprint == fp_after && x.as_of == later));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_manifest_the_corpus_no_longer_reads_is_a_change() {
        let engine = crate::engine(Some(Path::new(MINI))).unwrap();
        let s = subject("sub_a", &["XX"], &["XX"]);
        let day = date("2026-01-01");
        let first = reassess(&engine, "f1", std::slice::from_ref(&s), &[], day);
        let broken = Subject {
            version: 2,
            manifest: json!({"subject": "ai_system", "ai_system": {"no_such_fact": true}}),
            ..s
        };
        let r = reassess(&engine, "f1", &[broken], &first.record, day);
        let c = &r.answer.changed[0];
        assert!(c.error_after.is_some() && c.error_before.is_none(), "{c:?}");
        assert_eq!((c.version_before, c.version_after), (1, 2));
        assert!(!c.removed.is_empty() && c.added.is_empty());
    }
}
