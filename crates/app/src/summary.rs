//! The assessment in brief (`kind: "assessment_summary"`, docs/output.md): what a program that files or routes
//! answers needs from an assessment — the headline classifications, how many rules stand where, the prohibitions
//! and obligations that apply with their citations and next dates, and the undetermined rules with the facts that
//! would settle them — without the findings' texts, penalties, histories and derivations that make the full
//! document a hundred times larger.
//!
//! It is made from the same typed [`Assessment`] as the full document (one engine call, one place), and serialised
//! straight from the structs below: `POST /api/v1/assess?view=summary` and the stored subject's
//! `GET /api/v1/subjects/{id}/assessment?view=summary` answer with it.

use crate::assess::AssessAnswer;
use aigov_core::assess::{Finding, Status};
use aigov_core::model::Effect;
use aigov_core::{Assessment, Date, Engine};

/// The document's kind: always `assessment_summary`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SummaryKind {
    /// The assessment in brief.
    AssessmentSummary,
}

/// An assessment in brief.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AssessmentSummary<'a> {
    /// `assessment_summary`.
    pub kind: SummaryKind,
    /// `1`, as every document of docs/output.md.
    pub format_version: &'static str,
    /// The date the answer holds for.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date, example = "2026-11-28"))]
    pub as_of: Date,
    /// The subject kind (`ai_system`, `model`, ...).
    pub subject: &'a str,
    /// The subject's name, when the manifest gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<&'a str>,
    /// The jurisdictions the assessment was limited to (absent: all).
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<String>))]
    pub jurisdictions: &'a [String],
    /// The corpus the answer comes from.
    pub corpus: CorpusStamp<'a>,
    /// Whether a prohibition is in effect for the subject.
    pub prohibited: bool,
    /// How many rules stand where: the same counts as the full document's `findings` by `status`.
    pub counts: StatusCounts,
    /// The headline classifications, per jurisdiction (in effect, upcoming, suspended or undetermined).
    pub classifications: Vec<ClassificationBrief<'a>>,
    /// The prohibitions in effect or upcoming.
    pub prohibitions: Vec<DutyBrief<'a>>,
    /// The obligations in effect or upcoming.
    pub obligations: Vec<DutyBrief<'a>>,
    /// The undetermined rules, each with the facts whose answers would settle it.
    pub undetermined: Vec<OpenRule<'a>>,
    /// Rules that classify the subject differently on one axis (never resolved silently).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<ConflictBrief<'a>>,
    /// For `export` and `item` subjects: the item's own export classifications (`3A090.a.1`, ...).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub item_classifications: Vec<&'a str>,
    /// Warnings, as in the full document (an answer far beyond the corpus's review date).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// Which corpus answered: a caller that stores answers can tell when they must be asked again.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CorpusStamp<'a> {
    /// The corpus's fingerprint (a hash of its source files), the one the service records with stored answers.
    pub fingerprint: &'a str,
    /// Up to when the corpus was reviewed against the law, when it says.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub reviewed_until: Option<Date>,
}

/// The number of rules in each status. `not_applicable` counts only when the rules that do not apply were asked
/// for (`all`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StatusCounts {
    /// Rules that apply now.
    pub in_effect: usize,
    /// Rules that will apply from a later date.
    pub upcoming: usize,
    /// Rules that would apply but are stayed or not enforced.
    pub suspended: usize,
    /// Rules that applied but have ended.
    pub ended: usize,
    /// Rules that hinge on facts the manifest does not give.
    pub undetermined: usize,
    /// Rules that do not apply (only with `all`).
    pub not_applicable: usize,
}

impl StatusCounts {
    /// Counts the findings by status.
    pub fn of(findings: &[Finding<'_>]) -> StatusCounts {
        let mut c = StatusCounts::default();
        for f in findings {
            *c.get_mut(f.status) += 1;
        }
        c
    }

    /// The count of one status.
    pub fn get(&self, status: Status) -> usize {
        match status {
            Status::InEffect => self.in_effect,
            Status::Upcoming => self.upcoming,
            Status::Suspended => self.suspended,
            Status::Ended => self.ended,
            Status::Undetermined => self.undetermined,
            Status::NotApplicable => self.not_applicable,
        }
    }

    fn get_mut(&mut self, status: Status) -> &mut usize {
        match status {
            Status::InEffect => &mut self.in_effect,
            Status::Upcoming => &mut self.upcoming,
            Status::Suspended => &mut self.suspended,
            Status::Ended => &mut self.ended,
            Status::Undetermined => &mut self.undetermined,
            Status::NotApplicable => &mut self.not_applicable,
        }
    }
}

/// A headline classification.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClassificationBrief<'a> {
    /// The jurisdiction (`EU`, `US-CO`, ...).
    pub jurisdiction: &'a str,
    /// The regime.
    pub regime: &'a str,
    /// The axis classified (`risk`, ...).
    pub axis: &'a str,
    /// The tier.
    pub tier: &'a str,
    /// `in_effect`, `upcoming`, `suspended` or `undetermined`.
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "upcoming"))]
    pub status: Status,
    /// The rule that concludes it.
    pub rule: &'a str,
    /// Its citation.
    pub citation: &'a str,
    /// From when it applies.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub applies_from: Date,
}

/// A prohibition or obligation that applies.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DutyBrief<'a> {
    /// The rule's id.
    pub rule: &'a str,
    /// The jurisdiction.
    pub jurisdiction: &'a str,
    /// `in_effect` or `upcoming`.
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "in_effect"))]
    pub status: Status,
    /// The article or section.
    pub citation: &'a str,
    /// The primary source.
    pub url: &'a str,
    /// From when it applies.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub applies_from: Date,
    /// The next date after `as_of` that matters for it, if one is known: it starts to apply, the law's fixed
    /// deadline for the duty, or the day a breach can first be fined.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_deadline: Option<NextDeadline>,
    /// For an obligation with a deadline of its own, the deadline in words ("within 15 days after becoming aware
    /// of the incident").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deadline: Option<&'a str>,
}

/// The next date of a duty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NextDeadline {
    /// When.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub date: Date,
    /// What happens then.
    pub kind: DeadlineKind,
}

/// What happens on a duty's next date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DeadlineKind {
    /// The rule starts to apply to the subject.
    Applies,
    /// The law's fixed calendar date for the duty.
    Deadline,
    /// A breach can first be fined (the penalty starts after the rule).
    Enforceable,
}

/// An undetermined rule and what would settle it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OpenRule<'a> {
    /// The rule's id.
    pub rule: &'a str,
    /// The jurisdiction.
    pub jurisdiction: &'a str,
    /// The facts to give (`subject.name`); their questions are in `aigov schema` and in the full document.
    pub facts: &'a [&'a str],
}

/// Two rules that classify the subject differently on one axis.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConflictBrief<'a> {
    /// The regime.
    pub regime: &'a str,
    /// The axis.
    pub axis: &'a str,
    /// The rules in conflict.
    pub rules: Vec<&'a str>,
}

/// The next date after `as_of` that matters for a duty that applies.
fn next_deadline(f: &Finding<'_>, as_of: Date) -> Option<NextDeadline> {
    let fixed = match f.effect {
        Effect::Obligation {
            deadline: Some(d), ..
        } => d.by.as_ref().map(|b| b.date),
        _ => None,
    };
    let enforceable = f
        .penalty
        .as_ref()
        .filter(|p| !p.enforceable)
        .map(|p| p.enforceable_from);
    [
        (Some(f.applies_from), DeadlineKind::Applies),
        (fixed, DeadlineKind::Deadline),
        (enforceable, DeadlineKind::Enforceable),
    ]
    .into_iter()
    .filter_map(|(d, kind)| {
        d.filter(|d| *d > as_of)
            .map(|date| NextDeadline { date, kind })
    })
    .min_by_key(|n| (n.date, n.kind))
}

fn duty<'a>(f: &'a Finding<'a>, as_of: Date) -> DutyBrief<'a> {
    DutyBrief {
        rule: f.rule,
        jurisdiction: f.jurisdiction,
        status: f.status,
        citation: f.citation,
        url: f.url,
        applies_from: f.applies_from,
        next_deadline: next_deadline(f, as_of),
        deadline: match f.effect {
            Effect::Obligation {
                deadline: Some(d), ..
            } => Some(d.text.as_str()),
            _ => None,
        },
    }
}

/// The summary of an assessment (with, for exports and items, the item's classification) under the corpus of
/// `engine`, whose fingerprint is `fingerprint`.
pub fn summarize<'a>(
    engine: &'a Engine,
    answer: &'a AssessAnswer<'a>,
    fingerprint: &'a str,
) -> AssessmentSummary<'a> {
    let a: &'a Assessment<'a> = &answer.assessment;
    let review = engine.corpus.review.as_ref();
    let mut prohibitions = Vec::new();
    let mut obligations = Vec::new();
    let mut undetermined = Vec::new();
    for f in &a.findings {
        match (f.effect, f.status) {
            (Effect::Prohibition { .. }, Status::InEffect | Status::Upcoming) => {
                prohibitions.push(duty(f, a.as_of))
            }
            (Effect::Obligation { .. }, Status::InEffect | Status::Upcoming) => {
                obligations.push(duty(f, a.as_of))
            }
            (_, Status::Undetermined) => undetermined.push(OpenRule {
                rule: f.rule,
                jurisdiction: f.jurisdiction,
                facts: &f.open_facts,
            }),
            _ => {}
        }
    }
    AssessmentSummary {
        kind: SummaryKind::AssessmentSummary,
        format_version: "1",
        as_of: a.as_of,
        subject: a.subject,
        name: a.name,
        jurisdictions: &a.jurisdictions,
        corpus: CorpusStamp {
            fingerprint,
            reviewed_until: review.map(|r| r.reviewed_until),
        },
        prohibited: a.prohibited,
        counts: StatusCounts::of(&a.findings),
        classifications: a
            .classifications
            .iter()
            .map(|c| ClassificationBrief {
                jurisdiction: c.jurisdiction,
                regime: c.regime,
                axis: c.axis,
                tier: c.tier,
                status: c.status,
                rule: c.rule,
                citation: c.citation,
                applies_from: c.applies_from,
            })
            .collect(),
        prohibitions,
        obligations,
        undetermined,
        conflicts: a
            .conflicts
            .iter()
            .map(|c| ConflictBrief {
                regime: c.regime,
                axis: c.axis,
                rules: c.rules.iter().map(|(r, _)| *r).collect(),
            })
            .collect(),
        item_classifications: answer
            .item_classification
            .iter()
            .flat_map(|c| c.classifications.iter().map(|l| l.label.as_str()))
            .collect(),
        warnings: review
            .and_then(|r| r.warning(a.as_of))
            .into_iter()
            .collect(),
    }
}

/// The summary as compact JSON (the bytes the service sends).
pub fn to_json(summary: &AssessmentSummary<'_>) -> String {
    // Every member is a string, number, bool, date or a list or struct of them: serialising cannot fail.
    serde_json::to_string(summary).unwrap_or_default()
}
