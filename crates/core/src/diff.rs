//! What changed for a subject between two dates, and which lifecycle event or amendment caused each change.

use crate::assess::{Cause, Engine, Finding, Options, Status};
use crate::manifest::Facts;
use crate::model::{Corpus, EventKind};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The kind of a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// A rule that did not concern the subject now does (new law, or a rule that started to be relevant).
    Appeared,
    /// A rule that concerned the subject no longer does (revoked, repealed, expired, replaced, ...).
    Ended,
    /// A rule concerns the subject on both dates, differently (started applying, stayed, amended, ...).
    Changed,
}

/// One rule's change between the two dates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    /// Appeared, ended or changed.
    pub kind: ChangeKind,
    /// The rule.
    pub rule: String,
    /// Its title.
    pub title: String,
    /// Its instrument's short title.
    pub instrument_title: String,
    /// Jurisdiction.
    pub jurisdiction: String,
    /// Regime.
    pub regime: String,
    /// Citation (as of the later date when the rule exists then).
    pub citation: String,
    /// Primary-source URL.
    pub url: String,
    /// Status on the first date (`None`: not yet law).
    pub from_status: Option<Status>,
    /// Status on the second date (`None`: not yet law).
    pub to_status: Option<Status>,
    /// What changed, in words.
    pub details: Vec<String>,
    /// The events between the two dates that caused it.
    pub causes: Vec<Cause>,
    /// For a manifest of linked subjects: the id of the linked subject it concerns (set by the caller).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject_id: Option<String>,
}

/// The changes for a subject between two dates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Diff {
    /// The earlier date.
    pub from: Date,
    /// The later date.
    pub to: Date,
    /// Subject kind.
    pub subject: String,
    /// Subject name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The changes, ordered by jurisdiction, regime, kind and rule.
    pub changes: Vec<Change>,
}

fn relevant(s: Option<Status>) -> bool {
    matches!(
        s,
        Some(Status::InEffect | Status::Upcoming | Status::Suspended | Status::Undetermined)
    )
}

/// Compares the assessments of a subject on two dates.
pub fn diff(
    engine: &Engine,
    facts: &Facts,
    from: Date,
    to: Date,
    jurisdictions: &[String],
) -> Diff {
    let run = |d: Date| {
        let mut o = Options::as_of(d);
        o.include_not_applicable = true;
        o.traces = false;
        o.jurisdictions = jurisdictions.to_vec();
        engine.assess(facts, &o)
    };
    let (a, b) = (run(from), run(to));
    let mut rules: BTreeMap<&str, (Option<&Finding>, Option<&Finding>)> = BTreeMap::new();
    for f in &a.findings {
        rules.entry(f.rule).or_default().0 = Some(f);
    }
    for f in &b.findings {
        rules.entry(f.rule).or_default().1 = Some(f);
    }
    let corpus = &engine.corpus;
    let mut changes = Vec::new();
    for (rule_id, (fa, fb)) in rules {
        let (sa, sb) = (fa.map(|f| f.status), fb.map(|f| f.status));
        let kind = match (relevant(sa), relevant(sb)) {
            (false, true) => ChangeKind::Appeared,
            (true, false) => ChangeKind::Ended,
            (true, true) => ChangeKind::Changed,
            (false, false) => continue,
        };
        let mut details = Vec::new();
        if let (Some(x), Some(y)) = (fa, fb) {
            if x.status != y.status {
                details.push(format!(
                    "{} → {}",
                    x.status.heading().to_lowercase(),
                    y.status.heading().to_lowercase()
                ));
            }
            if x.applies_from != y.applies_from {
                details.push(format!(
                    "applies from {} instead of {}",
                    y.applies_from, x.applies_from
                ));
            }
            if x.version.from != y.version.from {
                details.push(match (&y.version.amended_by, &y.version.change) {
                    (_, Some(c)) => format!("amended: {c}"),
                    (Some(by), None) => format!("amended by {by}"),
                    _ => format!("new text from {}", y.version.from),
                });
            }
            if x.tier != y.tier {
                details.push(format!(
                    "tier {} → {}",
                    x.tier.unwrap_or("-"),
                    y.tier.unwrap_or("-")
                ));
            }
            if x.summary != y.summary && x.version.from == y.version.from {
                details.push("summary changed".into());
            }
            // A penalty that starts later than its duty (EU AI Act Art 99, Art 101): the day fines become possible
            // is a change for the subject even though the rule's status is the same.
            if let (Some(px), Some(py)) = (&x.penalty, &y.penalty) {
                if !px.enforceable && py.enforceable {
                    details.push(format!(
                        "fines can now be imposed ({}, from {})",
                        py.citation, py.enforceable_from
                    ));
                }
            }
        } else if let Some(y) = fb {
            details.push(format!("{} (new law)", y.status.heading().to_lowercase()));
        } else if let Some(x) = fa {
            details.push(format!(
                "{} → no longer law",
                x.status.heading().to_lowercase()
            ));
        }
        if kind == ChangeKind::Changed && details.is_empty() {
            continue;
        }
        let Some(index) = corpus.rule_index(rule_id) else {
            continue;
        };
        let causes = causes(corpus, index, from, to, fa, fb);
        let f = fb.or(fa).expect("one side exists");
        changes.push(Change {
            kind,
            rule: rule_id.to_string(),
            title: f.title.to_string(),
            instrument_title: f.instrument_title.to_string(),
            jurisdiction: f.jurisdiction.to_string(),
            regime: f.regime.to_string(),
            citation: f.citation.to_string(),
            url: f.url.to_string(),
            from_status: sa,
            to_status: sb,
            details,
            causes,
            subject_id: None,
        });
    }
    changes.sort_by(|x, y| {
        (&x.jurisdiction, &x.regime, x.kind, &x.rule).cmp(&(
            &y.jurisdiction,
            &y.regime,
            y.kind,
            &y.rule,
        ))
    });
    Diff {
        from,
        to,
        subject: facts.subject.clone(),
        name: facts.name.clone(),
        changes,
    }
}

/// The events in `(from, to]` that explain a rule's change: its instrument's lifecycle, the amending
/// instruments' lifecycles, new versions, and the rule's own start date.
fn causes(
    corpus: &Corpus,
    index: usize,
    from: Date,
    to: Date,
    fa: Option<&Finding>,
    fb: Option<&Finding>,
) -> Vec<Cause> {
    let rule = &corpus.rules[index];
    let inst = corpus.instrument_of(rule);
    let within = |d: Date| d > from && d <= to;
    let mut out: Vec<Cause> = Vec::new();
    let mut push = |c: Cause| {
        if !out
            .iter()
            .any(|x| x.date == c.date && x.kind == c.kind && x.instrument == c.instrument)
        {
            out.push(c);
        }
    };
    let title = |id: &str| {
        corpus
            .instrument(id)
            .map(|i| i.short_title.clone())
            .unwrap_or_else(|| id.to_string())
    };
    // Amendments are explained by the versions below, only for rules whose text actually changed.
    for e in inst.events.iter().filter(|e| within(e.date)) {
        let relevant = matches!(
            e.kind,
            EventKind::Revoked
                | EventKind::Repealed
                | EventKind::Replaced
                | EventKind::Expired
                | EventKind::Stayed
                | EventKind::StayLifted
                | EventKind::NotEnforced
                | EventKind::EnforcementResumed
                | EventKind::EnteredIntoForce
                | EventKind::Challenged
                | EventKind::Withdrawn
        ) || (e.kind == EventKind::AppliesFrom
            && fb.is_some_and(|f| f.applies_from == e.date));
        if relevant {
            let text = match &e.by {
                Some(by) => format!(
                    "{} {} by {} on {}",
                    inst.short_title,
                    e.kind.verb(),
                    title(by),
                    e.date
                ),
                None => format!(
                    "{} {} on {}{}",
                    inst.short_title,
                    e.kind.verb(),
                    e.date,
                    e.provisions
                        .as_deref()
                        .map(|p| format!(" ({p})"))
                        .unwrap_or_default()
                ),
            };
            push(Cause {
                date: e.date,
                kind: e.kind,
                instrument: inst.id.clone(),
                by: e.by.clone(),
                text,
            });
        }
    }
    for v in rule.versions.iter().filter(|v| within(v.from.date)) {
        let by = v
            .amended_by
            .clone()
            .or_else(|| v.from.event.as_ref().map(|e| e.instrument.clone()));
        let text = match &by {
            Some(b) if b != &inst.id => {
                format!("amended by {} (in force {})", title(b), v.from.date)
            }
            _ => format!("new text from {}", v.from.date),
        };
        push(Cause {
            date: v.from.date,
            kind: EventKind::Amended,
            instrument: inst.id.clone(),
            by,
            text,
        });
    }
    if let (Some(a), Some(b)) = (fa, fb) {
        if a.status == Status::Upcoming && b.status == Status::InEffect && within(b.applies_from) {
            push(Cause {
                date: b.applies_from,
                kind: EventKind::AppliesFrom,
                instrument: inst.id.clone(),
                by: None,
                text: format!(
                    "{} {} applies from {}",
                    inst.short_title, b.citation, b.applies_from
                ),
            });
        }
    }
    if let (Some(a), Some(b)) = (fa, fb) {
        if let (Some(pa), Some(pb)) = (&a.penalty, &b.penalty) {
            if !pa.enforceable && pb.enforceable && within(pb.enforceable_from) {
                push(Cause {
                    date: pb.enforceable_from,
                    kind: EventKind::AppliesFrom,
                    instrument: inst.id.clone(),
                    by: None,
                    text: format!(
                        "{} {} fines can be imposed from {}",
                        inst.short_title, pb.citation, pb.enforceable_from
                    ),
                });
            }
        }
    }
    if let Some(c) = fb.and_then(|f| f.cause.clone()) {
        if within(c.date) {
            push(c);
        }
    }
    if fb.is_none() && fa.is_some() {
        if let Some(e) = inst.termination().filter(|e| within(e.date)) {
            push(Cause {
                date: e.date,
                kind: e.kind,
                instrument: inst.id.clone(),
                by: e.by.clone(),
                text: format!("{} {} on {}", inst.short_title, e.kind.verb(), e.date),
            });
        }
    }
    out.sort_by_key(|c| c.date);
    out
}
