//! Every dated obligation, deadline and change for a subject, past and coming.

use crate::assess::{Assessment, Engine, Options, Status};
use crate::manifest::Facts;
use crate::model::Effect;
use crate::value::Truth;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// What happens on a timeline date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    /// A rule starts to apply.
    Applies,
    /// A proposed rule was published (not law).
    Proposed,
    /// A fixed-date deadline.
    Deadline,
    /// Fines for breaching a rule can be imposed from this date, later than the rule applies (EU AI Act Art 99
    /// and Art 101 start after the duties they punish).
    Penalty,
    /// A rule's text was amended.
    Amended,
    /// A rule was suspended (stay, non-enforcement).
    Suspended,
    /// A rule stops applying.
    Ends,
}

/// A dated entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// When.
    pub date: Date,
    /// What happens.
    pub kind: EntryKind,
    /// The rule.
    pub rule: String,
    /// The rule's title.
    pub title: String,
    /// Jurisdiction.
    pub jurisdiction: String,
    /// Regime (one SVG lane per regime).
    pub regime: String,
    /// Citation.
    pub citation: String,
    /// The entry in words.
    pub text: String,
    /// Whether the rule's application is certain for this subject or hinges on unknown facts.
    pub undetermined: bool,
}

/// A span during which a rule applies, for charts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Span {
    /// The rule.
    pub rule: String,
    /// Its title.
    pub title: String,
    /// Regime.
    pub regime: String,
    /// Effect kind (obligation, prohibition, classification, exemption).
    pub effect: String,
    /// Start.
    pub start: Date,
    /// End, if any.
    pub end: Option<Date>,
    /// Hinges on unknown facts.
    pub undetermined: bool,
}

/// The timeline of a subject.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timeline {
    /// The date the law was read as of.
    pub as_of: Date,
    /// Subject kind.
    pub subject: String,
    /// Subject name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Entries sorted by date.
    pub entries: Vec<Entry>,
    /// Spans, one per applicable rule.
    pub spans: Vec<Span>,
}

/// Builds the timeline of the rules that concern a subject, reading the law as of `as_of`.
pub fn timeline(engine: &Engine, facts: &Facts, as_of: Date, jurisdictions: &[String]) -> Timeline {
    let mut o = Options::as_of(as_of);
    o.traces = false;
    o.jurisdictions = jurisdictions.to_vec();
    let a = engine.assess(facts, &o);
    of_assessment(&a, facts, as_of)
}

/// The timeline of an assessment already made (as [`timeline`] makes it: as of `as_of`, traces not needed, rules
/// that do not apply left out), for a caller that needs both and should not assess twice (the inventory's view).
pub fn of_assessment(a: &Assessment<'_>, facts: &Facts, as_of: Date) -> Timeline {
    let mut entries = Vec::new();
    let mut spans = Vec::new();
    for f in &a.findings {
        // An ended rule whose condition was open may not have concerned the subject: its span stays uncertain.
        let undetermined = f.status == Status::Undetermined || f.held == Some(Truth::Unknown);
        let base = |date: Date, kind: EntryKind, text: String| Entry {
            date,
            kind,
            rule: f.rule.to_string(),
            title: f.title.to_string(),
            jurisdiction: f.jurisdiction.to_string(),
            regime: f.regime.to_string(),
            citation: f.citation.to_string(),
            text,
            undetermined,
        };
        let what = match f.effect {
            Effect::Obligation { duty, .. } => duty.clone(),
            Effect::Prohibition { practice, .. } => format!("prohibited: {practice}"),
            Effect::Classification { tier, regime, .. } => {
                format!("classified {tier} under {regime}")
            }
            Effect::Exemption { relief, .. } => format!("exempt: {relief}"),
        };
        let kind = if f.proposed {
            EntryKind::Proposed
        } else {
            EntryKind::Applies
        };
        entries.push(base(f.applies_from, kind, what));
        if let Effect::Obligation {
            deadline: Some(d), ..
        } = &f.effect
        {
            if let Some(by) = &d.by {
                entries.push(base(
                    by.date,
                    EntryKind::Deadline,
                    format!("deadline: {}", d.text),
                ));
            }
        }
        if let Some(p) = &f.penalty {
            if p.enforceable_from > f.applies_from && f.status != Status::Ended {
                entries.push(base(
                    p.enforceable_from,
                    EntryKind::Penalty,
                    format!("fines can be imposed ({}): {}", p.citation, p.text),
                ));
            }
        }
        if let Some(amended_by) = &f.version.amended_by {
            let text = f
                .version
                .change
                .map(str::to_string)
                .unwrap_or_else(|| format!("amended by {amended_by}"));
            entries.push(base(f.version.from, EntryKind::Amended, text));
        }
        if let Some(c) = &f.cause {
            let kind = if f.status == Status::Suspended {
                EntryKind::Suspended
            } else {
                EntryKind::Ends
            };
            entries.push(base(c.date, kind, c.text.clone()));
        } else if let Some(u) = f.until {
            entries.push(base(u, EntryKind::Ends, format!("ends on {u}")));
        }
        spans.push(Span {
            rule: f.rule.to_string(),
            title: f.title.to_string(),
            regime: f.regime.to_string(),
            effect: f.effect.kind().to_string(),
            start: f.applies_from,
            end: f.until.or(f.cause.as_ref().map(|c| c.date)),
            undetermined,
        });
    }
    entries.sort_by(|x, y| (x.date, x.kind, &x.rule).cmp(&(y.date, y.kind, &y.rule)));
    Timeline {
        as_of,
        subject: facts.subject.clone(),
        name: facts.name.clone(),
        entries,
        spans,
    }
}
