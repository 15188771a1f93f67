//! The inventory's view as of a date and its calendar: many stored subjects, each assessed, summed up for the
//! people who answer for them. The caller (the service) reads the subjects from its store; this module only
//! assesses and summarises.

use crate::request;
use aigov_core::assess::{Options, Status};
use aigov_core::model::Effect;
use aigov_core::timeline::Timeline;
use aigov_core::{Date, Engine};
use std::collections::BTreeMap;

/// One stored subject, as the caller hands it over: its manifest already completed with its organization's facts
/// ([`request::with_organization`]).
#[derive(Debug, Clone)]
pub struct Subject {
    /// The subject's id in the store.
    pub id: String,
    /// Its display name.
    pub name: String,
    /// The version assessed.
    pub version: i64,
    /// The manifest.
    pub manifest: serde_json::Value,
}

/// A classification of one subject in one jurisdiction.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ClassificationView {
    /// Jurisdiction.
    pub jurisdiction: String,
    /// Regime.
    pub regime: String,
    /// Tier.
    pub tier: String,
    /// In effect or upcoming.
    pub status: Status,
    /// The rule that concludes it.
    pub rule: String,
    /// From when it applies.
    pub applies_from: Date,
    /// For a manifest of linked subjects: the id of the linked subject it concerns.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub linked_subject: Option<String>,
}

/// A dated duty, start or end still ahead on the view's date.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Deadline {
    /// When.
    pub date: Date,
    /// The subject's id.
    pub subject_id: String,
    /// The subject's name.
    pub subject: String,
    /// The rule.
    pub rule: String,
    /// What happens, in words.
    pub text: String,
    /// Jurisdiction.
    pub jurisdiction: String,
    /// Whether it hinges on unanswered questions.
    pub undetermined: bool,
    /// For a manifest of linked subjects: the id of the linked subject it concerns.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub linked_subject: Option<String>,
}

/// A question whose answer would settle undetermined rules.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct OpenQuestion {
    /// The fact.
    pub fact: String,
    /// The question for a person.
    pub question: String,
    /// The rules it would settle.
    pub rules: Vec<String>,
}

/// One subject in the view.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SubjectView {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// The version assessed.
    pub version: i64,
    /// Its kind (`ai_system`, `model`, ...), when the manifest binds; for linked subjects their kinds, joined
    /// with `+` in the manifest's order (`model+ai_system`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// For a manifest of linked subjects: each linked subject's id and kind, in the manifest's order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub linked: Vec<LinkedRef>,
    /// Why it could not be assessed (a manifest the current corpus no longer accepts).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// Classifications in effect or upcoming.
    pub classifications: Vec<ClassificationView>,
    /// Whether a prohibition is in effect.
    pub prohibited: bool,
    /// The prohibitions in effect or upcoming (rule ids).
    pub prohibitions: Vec<String>,
    /// Undetermined rules (ids).
    pub undetermined: Vec<String>,
    /// The questions that would settle them.
    pub questions: Vec<OpenQuestion>,
}

/// One linked subject of a stored manifest of linked subjects.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct LinkedRef {
    /// Its id in the manifest.
    pub id: String,
    /// Its kind.
    pub subject: String,
}

/// The inventory as of a date.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct View {
    /// The date.
    pub as_of: Date,
    /// Subjects assessed.
    pub subjects: usize,
    /// Subjects with a prohibition in effect.
    pub prohibited: usize,
    /// Subjects per jurisdiction and tier (`EU/high_risk` -> 3).
    pub by_tier: BTreeMap<String, usize>,
    /// Every subject.
    pub items: Vec<SubjectView>,
    /// Dated events still ahead, across the inventory, by date.
    pub deadlines: Vec<Deadline>,
}

/// Maps `f` over `items` on every core (scoped threads, in order): an inventory's subjects are independent.
pub(crate) fn par_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if threads <= 1 || items.len() < 256 {
        return items.iter().map(f).collect();
    }
    let chunk = items.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|c| scope.spawn(|| c.iter().map(&f).collect::<Vec<R>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| match h.join() {
                Ok(v) => v,
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    })
}

/// One subject's part of the view, and its deadlines ahead. A manifest of linked subjects is one entry of the
/// inventory: each linked subject is assessed, and what it adds (classifications, deadlines) names it.
fn view_one(engine: &Engine, s: &Subject, as_of: Date) -> (SubjectView, Vec<Deadline>) {
    let mut v = SubjectView {
        id: s.id.clone(),
        name: s.name.clone(),
        version: s.version,
        subject: None,
        linked: Vec::new(),
        error: None,
        classifications: Vec::new(),
        prohibited: false,
        prohibitions: Vec::new(),
        undetermined: Vec::new(),
        questions: Vec::new(),
    };
    let parts = match request::bind_parts(engine, &s.manifest) {
        Ok(p) => p,
        Err(e) => {
            v.error = Some(e.to_string());
            return (v, Vec::new());
        }
    };
    // The view shows no derivation: assess without traces (the same findings, a fraction of the time).
    let mut options = Options::as_of(as_of);
    options.traces = false;
    let mut kinds = Vec::new();
    let mut deadlines = Vec::new();
    for part in &parts {
        let a = engine.assess(&part.facts, &options);
        kinds.push(a.subject.to_string());
        if let Some(id) = &part.id {
            v.linked.push(LinkedRef {
                id: id.clone(),
                subject: a.subject.to_string(),
            });
        }
        v.prohibited |= a.prohibited;
        for c in &a.classifications {
            if matches!(c.status, Status::InEffect | Status::Upcoming) {
                v.classifications.push(ClassificationView {
                    jurisdiction: c.jurisdiction.to_string(),
                    regime: c.regime.to_string(),
                    tier: c.tier.to_string(),
                    status: c.status,
                    rule: c.rule.to_string(),
                    applies_from: c.applies_from,
                    linked_subject: part.id.clone(),
                });
            }
        }
        for f in &a.findings {
            let list = match (f.effect, f.status) {
                (Effect::Prohibition { .. }, Status::InEffect | Status::Upcoming) => {
                    &mut v.prohibitions
                }
                (_, Status::Undetermined) => &mut v.undetermined,
                _ => continue,
            };
            if !list.iter().any(|r| r == f.rule) {
                list.push(f.rule.to_string());
            }
        }
        for q in &a.questions {
            // Linked subjects share the organization: a question both ask is asked once.
            match v.questions.iter_mut().find(|x| x.fact == q.fact) {
                Some(known) => {
                    for r in &q.rules {
                        if !known.rules.iter().any(|k| k == r) {
                            known.rules.push(r.to_string());
                        }
                    }
                }
                None => v.questions.push(OpenQuestion {
                    fact: q.fact.to_string(),
                    question: q.question.to_string(),
                    rules: q.rules.iter().map(|r| r.to_string()).collect(),
                }),
            }
        }
        // The timeline of the same assessment (the same options as `timeline::timeline`'s): assessed once, not twice.
        let t = aigov_core::timeline::of_assessment(&a, &part.facts, as_of);
        deadlines.extend(
            t.entries
                .iter()
                .filter(|e| e.date > as_of)
                .map(|e| Deadline {
                    date: e.date,
                    subject_id: s.id.clone(),
                    subject: s.name.clone(),
                    rule: e.rule.clone(),
                    text: e.text.clone(),
                    jurisdiction: e.jurisdiction.clone(),
                    undetermined: e.undetermined,
                    linked_subject: part.id.clone(),
                }),
        );
    }
    v.subject = Some(kinds.join("+"));
    (v, deadlines)
}

/// Assesses every subject as of `as_of` (on every core) and sums up.
pub fn view(engine: &Engine, subjects: &[Subject], as_of: Date) -> View {
    let mut summary = Summary::new(as_of);
    let mut items = Vec::with_capacity(subjects.len());
    let mut deadlines = Vec::new();
    for line in view_lines(engine, subjects, as_of) {
        summary.add(&line);
        deadlines.extend(line.deadlines);
        items.push(line.subject);
    }
    deadlines
        .sort_by(|a, b| (a.date, &a.subject_id, &a.rule).cmp(&(b.date, &b.subject_id, &b.rule)));
    View {
        as_of,
        subjects: summary.subjects,
        prohibited: summary.prohibited,
        by_tier: summary.by_tier,
        items,
        deadlines,
    }
}

/// The view as one JSON document: the bytes of `serde_json::to_vec(&view(engine, subjects, as_of))`, built once
/// and mostly in parallel. Each subject's part is written to JSON on the core that assessed it (and its lists the
/// counts do not need are dropped there), the deadlines are sorted once and written in parallel chunks, and the
/// parts are joined: the work is linear in the inventory and no tree of the whole document is built.
pub fn view_json(
    engine: &Engine,
    subjects: &[Subject],
    as_of: Date,
) -> Result<Vec<u8>, serde_json::Error> {
    let parts = par_map(subjects, |s| {
        let (mut subject, deadlines) = view_one(engine, s, as_of);
        let bytes = serde_json::to_vec(&subject)?;
        subject.questions = Vec::new();
        subject.undetermined = Vec::new();
        subject.prohibitions = Vec::new();
        Ok::<_, serde_json::Error>((bytes, SubjectLine { subject, deadlines }))
    });
    let mut summary = Summary::new(as_of);
    let mut items: Vec<Vec<u8>> = Vec::with_capacity(parts.len());
    let mut deadlines = Vec::new();
    for part in parts {
        let (bytes, line) = part?;
        summary.add(&line);
        deadlines.extend(line.deadlines);
        items.push(bytes);
    }
    deadlines
        .sort_by(|a, b| (a.date, &a.subject_id, &a.rule).cmp(&(b.date, &b.subject_id, &b.rule)));
    let chunks: Vec<&[Deadline]> = deadlines.chunks(2048).collect();
    let written = par_map(&chunks, |chunk| {
        let mut out = Vec::new();
        for (i, d) in chunk.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            serde_json::to_writer(&mut out, d)?;
        }
        Ok::<_, serde_json::Error>(out)
    });
    let size = items.iter().map(|b| b.len() + 1).sum::<usize>()
        + written
            .iter()
            .map(|w| w.as_ref().map_or(0, |b| b.len() + 1))
            .sum::<usize>();
    let mut out = Vec::with_capacity(size + 256);
    // The fields in the order of `View`'s.
    out.extend_from_slice(b"{\"as_of\":");
    serde_json::to_writer(&mut out, &as_of)?;
    out.extend_from_slice(b",\"subjects\":");
    serde_json::to_writer(&mut out, &summary.subjects)?;
    out.extend_from_slice(b",\"prohibited\":");
    serde_json::to_writer(&mut out, &summary.prohibited)?;
    out.extend_from_slice(b",\"by_tier\":");
    serde_json::to_writer(&mut out, &summary.by_tier)?;
    out.extend_from_slice(b",\"items\":[");
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(item);
    }
    out.extend_from_slice(b"],\"deadlines\":[");
    for (i, w) in written.into_iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(&w?);
    }
    out.extend_from_slice(b"]}");
    Ok(out)
}

/// One subject of the streamed view (a line of `GET /api/v1/inventory?format=jsonl`): its part of the view and
/// its own dated events ahead, by date.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SubjectLine {
    /// The subject's part of the view.
    #[serde(flatten)]
    pub subject: SubjectView,
    /// Its dated events still ahead, by date.
    pub deadlines: Vec<Deadline>,
}

/// The counts of the view, summed one subject at a time (the last line of the streamed view), so that a view of
/// any size is summed in bounded memory.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    /// The date.
    pub as_of: Date,
    /// Subjects assessed.
    pub subjects: usize,
    /// Subjects with a prohibition in effect.
    pub prohibited: usize,
    /// Subjects that could not be assessed (a manifest the corpus no longer accepts).
    pub errors: usize,
    /// Subjects per jurisdiction and tier (`EU/high_risk` -> 3).
    pub by_tier: BTreeMap<String, usize>,
    /// Dated events still ahead, across the inventory.
    pub deadlines: usize,
    /// The earliest of them, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_deadline: Option<Date>,
}

impl Summary {
    /// Nothing counted yet.
    pub fn new(as_of: Date) -> Summary {
        Summary {
            as_of,
            subjects: 0,
            prohibited: 0,
            errors: 0,
            by_tier: BTreeMap::new(),
            deadlines: 0,
            next_deadline: None,
        }
    }

    /// Counts one subject.
    pub fn add(&mut self, line: &SubjectLine) {
        let v = &line.subject;
        self.subjects += 1;
        self.prohibited += usize::from(v.prohibited);
        self.errors += usize::from(v.error.is_some());
        for c in &v.classifications {
            *self
                .by_tier
                .entry(format!("{}/{}", c.jurisdiction, c.tier))
                .or_default() += 1;
        }
        self.deadlines += line.deadlines.len();
        if let Some(first) = line.deadlines.iter().map(|d| d.date).min() {
            self.next_deadline = Some(self.next_deadline.map_or(first, |n| n.min(first)));
        }
    }
}

/// Each subject's part of the view as of `as_of`, in order (on every core): a page of a streamed view.
pub fn view_lines(engine: &Engine, subjects: &[Subject], as_of: Date) -> Vec<SubjectLine> {
    par_map(subjects, |s| {
        let (subject, mut deadlines) = view_one(engine, s, as_of);
        deadlines.sort_by(|a, b| (a.date, &a.rule).cmp(&(b.date, &b.rule)));
        SubjectLine { subject, deadlines }
    })
}

/// One iCalendar feed of every dated event of every subject (starts, deadlines, amendments, ends), each event
/// named after its subject; subjects whose manifest no longer binds are left out.
pub fn calendar(engine: &Engine, subjects: &[Subject], as_of: Date) -> String {
    let mut all = Timeline {
        as_of,
        subject: "inventory".into(),
        name: Some("inventory".into()),
        entries: Vec::new(),
        spans: Vec::new(),
    };
    for s in subjects {
        let Ok(parts) = request::bind_parts(engine, &s.manifest) else {
            continue;
        };
        for part in parts {
            let t = aigov_core::timeline::timeline(engine, &part.facts, as_of, &[]);
            // The rule id makes the event's UID: prefix the subject (and the linked subject) so that two subjects
            // never share one; the title names the linked subject too.
            let (uid, name) = match &part.id {
                Some(id) => (format!("{}.{id}", s.id), format!("{} ({id})", s.name)),
                None => (s.id.clone(), s.name.clone()),
            };
            all.entries.extend(t.entries.into_iter().map(|mut e| {
                e.rule = format!("{uid}.{}", e.rule);
                e.title = format!("{name}: {}", e.title);
                e
            }));
        }
    }
    all.entries
        .sort_by(|a, b| (a.date, &a.rule).cmp(&(b.date, &b.rule)));
    crate::timeline::ics(&all)
}

/// What changed for one subject between two dates, with causes.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SubjectChanges {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// The version compared.
    pub version: i64,
    /// Why it could not be compared (a manifest the current corpus no longer accepts).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The changes, each with its cause (as in `aigov diff`).
    pub changes: Vec<aigov_core::diff::Change>,
}

/// What changed across the inventory between two dates.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Changes {
    /// The earlier date.
    pub from: Date,
    /// The later date.
    pub to: Date,
    /// Subjects compared.
    pub subjects: usize,
    /// The subjects whose answer changes (or that could not be compared), by id.
    pub items: Vec<SubjectChanges>,
}

/// Compares every subject's answer on two dates (the law as it stands on each), keeping the subjects that change.
pub fn changes(
    engine: &Engine,
    subjects: &[Subject],
    from: Date,
    to: Date,
) -> Result<Changes, request::RequestError> {
    if from > to {
        return Err(crate::AppError::invalid(
            format!("`from` {from} is after `to` {to}"),
            "swap the two dates",
        )
        .into());
    }
    let items: Vec<SubjectChanges> = par_map(subjects, |s| {
        let (error, changes) = match request::bind_parts(engine, &s.manifest) {
            Ok(parts) => (
                None,
                parts
                    .iter()
                    .flat_map(|p| {
                        let mut d = aigov_core::diff::diff(engine, &p.facts, from, to, &[]);
                        for c in &mut d.changes {
                            c.subject_id = p.id.clone();
                        }
                        d.changes
                    })
                    .collect(),
            ),
            Err(e) => (Some(e.to_string()), Vec::new()),
        };
        SubjectChanges {
            id: s.id.clone(),
            name: s.name.clone(),
            version: s.version,
            error,
            changes,
        }
    })
    .into_iter()
    .filter(|c| c.error.is_some() || !c.changes.is_empty())
    .collect();
    Ok(Changes {
        from,
        to,
        subjects: subjects.len(),
        items,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Subjects of several kinds of reach, enough to be split over threads, and one the corpus cannot read.
    fn subjects(n: usize) -> Vec<Subject> {
        let places = [
            "DE", "FR", "US-CA", "US-CO", "US-NY", "US-TX", "CN", "US", "GB",
        ];
        let uses = [
            vec![],
            vec!["employment_recruitment"],
            vec!["credit_scoring"],
            vec!["remote_biometric_identification"],
        ];
        let mut out: Vec<Subject> = (0..n)
            .map(|i| Subject {
                id: format!("sub_{i:05}"),
                name: format!("system-{i}"),
                version: 1,
                manifest: json!({
                    "subject": "ai_system",
                    "name": format!("system-{i}"),
                    "organization": { "established_in": [places[i % places.len()]], "employees": 50 + i },
                    "ai_system": {
                        "roles": if i % 3 == 0 { vec!["provider"] } else { vec!["deployer"] },
                        "placed_on_market_in": [places[(i / 2) % places.len()]],
                        "output_used_in": [places[(i / 3) % places.len()]],
                        "annex3_uses": uses[i % uses.len()],
                        "profiling": i % 2 == 0,
                    }
                }),
            })
            .collect();
        // A subject classified high-risk (the README's example), so that the counts per tier are not empty.
        let cv = include_str!("../../../examples/cv-screening-saas.yaml");
        out.push(Subject {
            id: "sub_cv".into(),
            name: "cv screening".into(),
            version: 2,
            manifest: serde_yaml_ng::from_str(cv).unwrap(),
        });
        out.push(Subject {
            id: "sub_broken".into(),
            name: "broken".into(),
            version: 3,
            manifest: json!({"subject": "ai_system", "ai_system": {"no_such_fact": true}}),
        });
        out
    }

    fn date(s: &str) -> Date {
        s.parse().unwrap()
    }

    /// The document built in parallel parts is byte for byte the one serde_json writes from the whole view.
    #[test]
    fn the_json_view_is_the_views_document() {
        let engine = crate::engine(None).unwrap();
        let subjects = subjects(600);
        let as_of = date("2026-06-01");
        let whole = view(&engine, &subjects, as_of);
        assert_eq!(whole.subjects, 602);
        assert!(
            whole.deadlines.len() > 2048,
            "the deadlines span several chunks"
        );
        assert!(whole.items.iter().any(|i| i.error.is_some()));
        assert!(!whole.by_tier.is_empty());
        let built = view_json(&engine, &subjects, as_of).unwrap();
        let expected = serde_json::to_vec(&whole).unwrap();
        assert_eq!(built.len(), expected.len());
        assert!(built == expected, "the documents differ");
    }

    /// Each subject's deadlines (read from its one assessment) are those of its own timeline.
    #[test]
    fn deadlines_are_the_subjects_timeline_ahead() {
        let engine = crate::engine(None).unwrap();
        let as_of = date("2026-06-01");
        let mut some = 0;
        for s in subjects(40).iter().filter(|s| s.id != "sub_broken") {
            let (_, deadlines) = view_one(&engine, s, as_of);
            let facts = request::bind(&engine, &s.manifest).unwrap();
            let t = aigov_core::timeline::timeline(&engine, &facts, as_of, &[]);
            let expected: Vec<(Date, String, String)> = t
                .entries
                .iter()
                .filter(|e| e.date > as_of)
                .map(|e| (e.date, e.rule.clone(), e.text.clone()))
                .collect();
            let got: Vec<(Date, String, String)> = deadlines
                .into_iter()
                .map(|d| (d.date, d.rule, d.text))
                .collect();
            assert_eq!(got, expected, "{}", s.id);
            some += got.len();
        }
        assert!(some > 0);
    }
}
