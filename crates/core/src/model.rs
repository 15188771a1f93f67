//! The law as data: instruments, their lifecycles, dated parameters, penalties and rules.
//!
//! These are the *compiled* forms: dates are resolved, conditions are compiled, references are indices.
//! The corpus crate builds them from YAML files and validates them; the engine only reads them.

use crate::condition::Condition;
use crate::value::Value;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;

/// How sure the corpus authors are that a rule encodes the law correctly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// Read in the primary text, or confirmed by several reliable sources.
    #[default]
    High,
    /// Supported by secondary sources that agree, primary text not re-read.
    Medium,
    /// A single source, or sources that conflict: see the rule's note.
    Low,
}

impl Confidence {
    /// The less sure of two confidences (a rule of an instrument whose status is uncertain is no surer than it).
    pub fn min(self, other: Confidence) -> Confidence {
        let rank = |c: Confidence| match c {
            Confidence::High => 2,
            Confidence::Medium => 1,
            Confidence::Low => 0,
        };
        if rank(other) < rank(self) {
            other
        } else {
            self
        }
    }
}

/// The kind of legal instrument.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InstrumentKind {
    /// An act of a legislature.
    Statute,
    /// A regulation (EU regulation, or an agency's binding rule).
    Regulation,
    /// A directive that needs national transposition.
    Directive,
    /// A presidential or gubernatorial executive order.
    ExecutiveOrder,
    /// A memorandum of an agency (e.g. OMB).
    AgencyMemorandum,
    /// Non-binding guidance.
    Guidance,
    /// A policy plan or strategy.
    PolicyPlan,
    /// A court order or judgment.
    CourtOrder,
    /// A municipal or local law.
    LocalLaw,
    /// An administrative rule or measure (e.g. CAC provisions).
    AdministrativeRule,
    /// A proposed rule (e.g. a US notice of proposed rulemaking): not law; reports say what it would require.
    ProposedRule,
}

/// What happened to an instrument on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// Adopted or passed by the body that makes it.
    Adopted,
    /// Signed (into law, or by the issuing official).
    Signed,
    /// Published in the official journal or register.
    Published,
    /// Entered into force.
    EnteredIntoForce,
    /// Some or all provisions apply from this date.
    AppliesFrom,
    /// Amended by another instrument (see `by`).
    Amended,
    /// Revoked by another instrument: every rule ends.
    Revoked,
    /// Repealed: every rule ends.
    Repealed,
    /// Replaced by another instrument: every rule ends.
    Replaced,
    /// Expired by its own terms: every rule ends.
    Expired,
    /// Vetoed: the text never became law.
    Vetoed,
    /// Stayed by a court: rules are suspended until a `stay_lifted` event.
    Stayed,
    /// A stay was lifted: rules apply again.
    StayLifted,
    /// Codified but not enforced by the authority: rules are suspended until `enforcement_resumed`.
    NotEnforced,
    /// Enforcement resumed after a `not_enforced` period.
    EnforcementResumed,
    /// Challenged (e.g. by the federal government) without a court having stayed it: reported, changes nothing.
    Challenged,
    /// Proposed (e.g. a notice of proposed rulemaking published): not law.
    Proposed,
    /// A proposal or instrument withdrawn: every rule ends.
    Withdrawn,
}

impl EventKind {
    /// Events after which no rule of the instrument applies any more.
    pub fn terminates(self) -> bool {
        matches!(
            self,
            EventKind::Revoked
                | EventKind::Repealed
                | EventKind::Replaced
                | EventKind::Expired
                | EventKind::Withdrawn
        )
    }

    /// A past-tense verb for reports ("revoked", "stayed by a court", ...).
    pub fn verb(self) -> &'static str {
        match self {
            EventKind::Adopted => "adopted",
            EventKind::Signed => "signed",
            EventKind::Published => "published",
            EventKind::EnteredIntoForce => "entered into force",
            EventKind::AppliesFrom => "applies",
            EventKind::Amended => "amended",
            EventKind::Revoked => "revoked",
            EventKind::Repealed => "repealed",
            EventKind::Replaced => "replaced",
            EventKind::Expired => "expired",
            EventKind::Vetoed => "vetoed",
            EventKind::Stayed => "stayed by a court",
            EventKind::StayLifted => "stay lifted",
            EventKind::NotEnforced => "codified, not enforced",
            EventKind::EnforcementResumed => "enforcement resumed",
            EventKind::Challenged => "challenged",
            EventKind::Proposed => "proposed",
            EventKind::Withdrawn => "withdrawn",
        }
    }
}

impl fmt::Display for EventKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.verb())
    }
}

/// A dated lifecycle event of an instrument.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LifecycleEvent {
    /// Identifier, unique within the instrument (e.g. `in_force`).
    pub id: String,
    /// What happened.
    pub kind: EventKind,
    /// When.
    pub date: Date,
    /// The instrument that caused it (the amending, revoking or staying instrument), if any.
    pub by: Option<String>,
    /// Which provisions it concerns, in words, when not the whole instrument.
    pub provisions: Option<String>,
    /// A short note in the corpus authors' words.
    pub note: Option<String>,
}

/// A reference to a lifecycle event, carried with resolved dates so that reports can say *why* a date holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventRef {
    /// The instrument that owns the event.
    pub instrument: String,
    /// The event's id within that instrument.
    pub event: String,
    /// The event's kind.
    pub kind: EventKind,
}

/// A date together with the event it was taken from, if it was given as a reference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DatedRef {
    /// The resolved date.
    pub date: Date,
    /// The lifecycle event the date comes from, when the corpus gave a reference rather than a plain date.
    pub event: Option<EventRef>,
}

/// A legal instrument: a statute, regulation, executive order, memorandum, guidance, court order, ...
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Instrument {
    /// Stable identifier, lower snake case (e.g. `eu_ai_act`); rule ids start with it.
    pub id: String,
    /// Jurisdiction code: `EU`, `US`, `US-CA`, `US-NY-NYC`, `CN`, ...
    pub jurisdiction: String,
    /// The kind of instrument.
    pub kind: InstrumentKind,
    /// Official title.
    pub title: String,
    /// A short name for reports (e.g. "EU AI Act").
    pub short_title: String,
    /// Official citation (e.g. "Regulation (EU) 2024/1689").
    pub citation: String,
    /// Primary-source URL.
    pub url: String,
    /// The body that issued it.
    pub issuer: String,
    /// Whether it binds anyone (guidance and policy plans do not).
    pub binding: bool,
    /// The regime its rules belong to in reports (defaults to the short title).
    pub regime: String,
    /// Lifecycle events, sorted by date.
    pub events: Vec<LifecycleEvent>,
    /// A short summary in the corpus authors' words.
    pub summary: Option<String>,
    /// How sure the corpus is of the instrument's standing as a whole (its status, its text).
    #[serde(default)]
    pub confidence: Confidence,
    /// Caveats that every finding of the instrument carries (challenged in court, status unconfirmed, text not
    /// read in full), citing public sources.
    #[serde(default)]
    pub note: Option<String>,
    /// The reviews of its encoding against the primary text, oldest first, so a review can be repeated when
    /// the law moves.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reviews: Vec<ReviewRecord>,
}

/// One review of an instrument file's encoding against its primary sources.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewRecord {
    /// When the review was done.
    pub date: Date,
    /// The public sources compared (URLs or official citations).
    pub sources: Vec<String>,
    /// What was compared, in words (which provisions; dates and citations only, or the full text).
    pub checked: String,
    /// What the review changed in the encoding, or that it changed nothing.
    pub changed: String,
}

impl Instrument {
    /// The first event that terminated the instrument, if any.
    pub fn termination(&self) -> Option<&LifecycleEvent> {
        self.events.iter().find(|e| e.kind.terminates())
    }

    /// The suspension (stay or non-enforcement) in force on `date`, if any.
    pub fn suspension_on(&self, date: Date) -> Option<&LifecycleEvent> {
        let mut current: Option<&LifecycleEvent> = None;
        for e in self.events.iter().filter(|e| e.date <= date) {
            match e.kind {
                EventKind::Stayed | EventKind::NotEnforced => current = Some(e),
                EventKind::StayLifted | EventKind::EnforcementResumed => current = None,
                _ => {}
            }
        }
        current
    }

    /// Finds an event by id.
    pub fn event(&self, id: &str) -> Option<&LifecycleEvent> {
        self.events.iter().find(|e| e.id == id)
    }
}

/// One value of a dated parameter, holding from `from` until the next value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParameterValue {
    /// The first date on which the value holds.
    pub from: DatedRef,
    /// The value.
    pub value: Value,
    /// Where the law sets it.
    pub citation: String,
}

/// A named value that changes over time (OpenFisca style), e.g. the GPAI systemic-risk compute threshold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Parameter {
    /// Qualified id: `<instrument>.<name>`.
    pub id: String,
    /// What the value means.
    pub description: String,
    /// The unit of numeric values (e.g. `FLOP`).
    pub unit: Option<String>,
    /// Values sorted by start date.
    pub values: Vec<ParameterValue>,
}

impl Parameter {
    /// The value that holds on `date`, if any.
    pub fn value_on(&self, date: Date) -> Option<&ParameterValue> {
        self.values.iter().rev().find(|v| v.from.date <= date)
    }
}

/// How a fine's two caps combine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CapRule {
    /// The higher of the fixed amount and the turnover share.
    HigherOf,
    /// The lower of the two.
    LowerOf,
}

/// What a penalty's amounts are counted per.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PenaltyUnit {
    /// Each violation (see [`Penalty::each_day_separate_violation`] for laws that count each day as one).
    PerViolation,
    /// Each day a violation continues.
    PerDay,
    /// Each person affected (each consumer, each candidate).
    PerAffectedPerson,
    /// Once, for the infringement as a whole (e.g. an administrative fine capped for the whole infringement).
    OneOff,
}

impl PenaltyUnit {
    /// The unit in words, as it follows an amount ("per violation").
    pub fn words(self) -> &'static str {
        match self {
            PenaltyUnit::PerViolation => "per violation",
            PenaltyUnit::PerDay => "per day of violation",
            PenaltyUnit::PerAffectedPerson => "per affected person",
            PenaltyUnit::OneOff => "per infringement",
        }
    }
}

/// Who may enforce a penalty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EnforcerKind {
    /// A state attorney general.
    AttorneyGeneral,
    /// An agency or authority (a market surveillance authority, the European Commission, a state division).
    Agency,
    /// A local prosecutor or counsel (a city attorney, a district attorney, county counsel).
    LocalProsecutor,
    /// A court on its own motion, or a court-centred remedy (a civil action before a court).
    Court,
}

/// One body that may enforce a penalty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Enforcer {
    /// The kind of body.
    pub kind: EnforcerKind,
    /// Its name ("Colorado Attorney General", "European Commission (AI Office)").
    pub name: String,
}

/// One tier of a penalty: a band of amounts for one kind of violation ("first violation", "uncurable violation").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PenaltyTier {
    /// What the tier covers, in words.
    pub label: String,
    /// The least amount of the band, when the law sets one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_amount: Option<f64>,
    /// The greatest amount of the band, when the law sets one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_amount: Option<f64>,
    /// What the amounts are counted per.
    pub unit: PenaltyUnit,
}

/// A penalty provision that obligations and prohibitions refer to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Penalty {
    /// Qualified id: `<instrument>.<name>`.
    pub id: String,
    /// Where the penalty is set.
    pub citation: String,
    /// What it punishes and how, in the corpus authors' words.
    pub summary: String,
    /// The least fixed amount, when the law sets a floor.
    #[serde(default)]
    pub min_amount: Option<f64>,
    /// The maximum fixed amount.
    pub max_amount: Option<f64>,
    /// The currency of the amounts (ISO 4217).
    pub currency: Option<String>,
    /// The maximum share of worldwide annual turnover, in percent.
    pub max_turnover_percent: Option<f64>,
    /// What the amounts are counted per; given whenever an amount is.
    #[serde(default)]
    pub unit: Option<PenaltyUnit>,
    /// Whether each day a violation continues is a separate violation (amounts per violation then add up per
    /// day).
    #[serde(default)]
    pub each_day_separate_violation: bool,
    /// Bands of amounts for different violations (first / subsequent, curable / uncurable), when the law has
    /// them.
    #[serde(default)]
    pub tiers: Vec<PenaltyTier>,
    /// How the two caps combine in general.
    pub cap: CapRule,
    /// How they combine for small and medium-sized enterprises, when the law says otherwise.
    pub sme_cap: Option<CapRule>,
    /// Days the violator has to cure after notice before an action may be brought, when the law gives a cure
    /// period.
    #[serde(default)]
    pub cure_period_days: Option<u32>,
    /// Who may enforce it.
    #[serde(default)]
    pub enforced_by: Vec<Enforcer>,
    /// Whether a private person may sue over a violation (`None`: the law or the sources do not say).
    #[serde(default)]
    pub private_right_of_action: Option<bool>,
    /// From when the penalty can be imposed (the penalty's own start, which may be later than the duty's).
    pub applies_from: Option<DatedRef>,
    /// How sure the corpus is of the penalty's terms.
    #[serde(default)]
    pub confidence: Confidence,
    /// Caveats and sources for the terms, for the user.
    #[serde(default)]
    pub note: Option<String>,
}

/// A deadline attached to an obligation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Deadline {
    /// Number of days allowed, when the law gives one.
    pub within_days: Option<u32>,
    /// Number of hours allowed, when the law counts in hours (e.g. 48 hours to remove a reported image).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub within_hours: Option<u32>,
    /// The event that starts the clock ("becoming aware of a serious incident").
    pub after: Option<String>,
    /// A fixed calendar date, when the law gives one.
    pub by: Option<DatedRef>,
    /// The deadline in words, as reports print it.
    pub text: String,
}

/// What a rule concludes when it applies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Effect {
    /// The subject falls in a class (a risk tier) of a regime.
    Classification {
        /// The regime (e.g. `eu_ai_act`).
        regime: String,
        /// The dimension classified (e.g. `risk`); two different tiers on one axis are a conflict.
        axis: String,
        /// The tier (e.g. `high`).
        tier: String,
    },
    /// The addressee must do something.
    Obligation {
        /// The duty in words.
        duty: String,
        /// When it must be done, beyond the date from which it applies.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        deadline: Option<Deadline>,
        /// The penalty provision, if any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        penalty: Option<String>,
    },
    /// The addressee must not do something.
    Prohibition {
        /// The forbidden practice in words.
        practice: String,
        /// The penalty provision, if any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        penalty: Option<String>,
    },
    /// The subject is exempt from other rules (which the exemption defeats while it applies).
    Exemption {
        /// What the exemption relieves, in words.
        relief: String,
        /// The rules it defeats.
        from: Vec<String>,
    },
}

impl Effect {
    /// The effect's kind as a word: classification, obligation, prohibition, exemption.
    pub fn kind(&self) -> &'static str {
        match self {
            Effect::Classification { .. } => "classification",
            Effect::Obligation { .. } => "obligation",
            Effect::Prohibition { .. } => "prohibition",
            Effect::Exemption { .. } => "exemption",
        }
    }

    /// The penalty referred to, if any.
    pub fn penalty(&self) -> Option<&str> {
        match self {
            Effect::Obligation { penalty, .. } | Effect::Prohibition { penalty, .. } => {
                penalty.as_deref()
            }
            _ => None,
        }
    }
}

/// An exception (Catala-style default logic): when its condition holds, the base rule does not apply.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Exception {
    /// Identifier, unique within the rule.
    pub id: String,
    /// Where the law makes the exception.
    pub citation: String,
    /// The exception in the corpus authors' words.
    pub summary: String,
    /// When it holds.
    pub condition: Condition,
}

/// One version of a rule: the text in force over a period, with its own dates and condition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RuleVersion {
    /// From when this text is the law (the amending act's entry into force, for an amended version).
    pub from: DatedRef,
    /// The instrument that made this version, when it is an amendment.
    pub amended_by: Option<String>,
    /// From when the rule bites (applies), under this text.
    pub applies_from: DatedRef,
    /// When it applies.
    pub condition: Condition,
    /// Exceptions that defeat it.
    pub exceptions: Vec<Exception>,
    /// The summary under this text.
    pub summary: String,
    /// The effect under this text.
    pub effect: Effect,
    /// The citation under this text.
    pub citation: String,
    /// A more precise citation per value of a fact (the Annex I item that names the product's legislation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cite_by: Option<CiteBy>,
    /// What changed, in words, for an amended version.
    pub change: Option<String>,
}

/// A table of citations keyed by the values of one set or enum fact: a finding cites the items whose value the
/// subject has (EU AI Act Art 6(1) with the Annex I point that lists the product's legislation), and the rule's
/// own citation when none is known.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CiteBy {
    /// The fact whose values select the items.
    pub fact: FactId,
    /// The items, in the order they are cited.
    pub items: Vec<CiteItem>,
}

/// One value of a [`CiteBy`] table and the citation it selects.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CiteItem {
    /// The fact's value.
    pub value: String,
    /// The citation for a subject that has it.
    pub citation: String,
}

/// A rule: a provision of an instrument, encoded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rule {
    /// Qualified id: `<instrument>.<name>`.
    pub id: String,
    /// Index of the instrument in [`Corpus::instruments`].
    pub instrument: usize,
    /// A short title.
    pub title: String,
    /// The subject kind addressed (`ai_system`, `model`, ...).
    pub subject: String,
    /// The roles addressed (`provider`, `deployer`, ...); empty means any role.
    pub roles: Vec<String>,
    /// Versions, sorted by `from`, non-overlapping.
    pub versions: Vec<RuleVersion>,
    /// When the rule stops applying, other than by the instrument's termination.
    pub until: Option<DatedRef>,
    /// Rules this one defeats while it applies (from `overrides` and exemption effects).
    pub defeats: Vec<usize>,
    /// A URL for this provision, when more precise than the instrument's.
    pub url: Option<String>,
    /// How sure the corpus is.
    pub confidence: Confidence,
    /// Why the confidence is not high, or other caveats.
    pub note: Option<String>,
}

impl Rule {
    /// The version whose text is the law on `date`, if the rule existed then.
    pub fn version_on(&self, date: Date) -> Option<&RuleVersion> {
        self.versions.iter().rev().find(|v| v.from.date <= date)
    }
}

/// Identifies a fact in a [`crate::vocabulary::Vocabulary`].
pub type FactId = u32;

/// A complete, validated, compiled corpus.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Corpus {
    /// The fact vocabulary.
    pub vocabulary: crate::vocabulary::Vocabulary,
    /// Instruments.
    pub instruments: Vec<Instrument>,
    /// Rules of all instruments, in a stable order.
    pub rules: Vec<Rule>,
    /// Dated parameters.
    pub parameters: Vec<Parameter>,
    /// Penalty provisions.
    pub penalties: Vec<Penalty>,
    /// Up to when the corpus as a whole was reviewed against the law (`corpus.yaml`), if it says.
    #[serde(default)]
    pub review: Option<CorpusReview>,
    #[serde(skip)]
    index: CorpusIndex,
}

/// What a corpus vouches for: the law is encoded as it stood up to `reviewed_until`. An answer for a later date
/// may miss law made since, so reports say so once the date is more than `stale_after_days` later.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorpusReview {
    /// The last date on which the encoded law was checked against its sources.
    pub reviewed_until: Date,
    /// How many days after `reviewed_until` an answer is flagged as possibly missing newer law.
    pub stale_after_days: u32,
    /// What the review covered, in words.
    pub note: Option<String>,
}

impl CorpusReview {
    /// A warning for an answer as of `date`, when it lies further beyond the review than the corpus allows.
    pub fn warning(&self, date: Date) -> Option<String> {
        let days = (date - self.reviewed_until).get_days();
        (days > i32::try_from(self.stale_after_days).unwrap_or(i32::MAX)).then(|| {
            format!(
                "the corpus encodes the law as reviewed up to {}; this answer is for {date}, {days} days later: law made or changed since may be missing",
                self.reviewed_until
            )
        })
    }
}

#[derive(Debug, Clone, Default)]
struct CorpusIndex {
    rules: HashMap<String, usize>,
    instruments: HashMap<String, usize>,
    parameters: HashMap<String, usize>,
    penalties: HashMap<String, usize>,
}

impl Corpus {
    /// Builds a corpus and its look-up indices.
    pub fn new(
        vocabulary: crate::vocabulary::Vocabulary,
        instruments: Vec<Instrument>,
        rules: Vec<Rule>,
        parameters: Vec<Parameter>,
        penalties: Vec<Penalty>,
    ) -> Corpus {
        let mut c = Corpus {
            vocabulary,
            instruments,
            rules,
            parameters,
            penalties,
            review: None,
            index: CorpusIndex::default(),
        };
        c.reindex();
        c
    }

    /// Rebuilds the look-up indices (needed after deserializing a precompiled corpus).
    pub fn reindex(&mut self) {
        let pos = |ids: Vec<&String>| -> HashMap<String, usize> {
            ids.into_iter()
                .enumerate()
                .map(|(i, id)| (id.clone(), i))
                .collect()
        };
        self.index = CorpusIndex {
            rules: pos(self.rules.iter().map(|r| &r.id).collect()),
            instruments: pos(self.instruments.iter().map(|r| &r.id).collect()),
            parameters: pos(self.parameters.iter().map(|r| &r.id).collect()),
            penalties: pos(self.penalties.iter().map(|r| &r.id).collect()),
        };
        self.vocabulary.reindex();
    }

    /// A rule's index by id.
    pub fn rule_index(&self, id: &str) -> Option<usize> {
        self.index.rules.get(id).copied()
    }

    /// A rule by id.
    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rule_index(id).map(|i| &self.rules[i])
    }

    /// An instrument by id.
    pub fn instrument(&self, id: &str) -> Option<&Instrument> {
        self.index
            .instruments
            .get(id)
            .map(|&i| &self.instruments[i])
    }

    /// A parameter by id.
    pub fn parameter(&self, id: &str) -> Option<&Parameter> {
        self.index.parameters.get(id).map(|&i| &self.parameters[i])
    }

    /// A parameter's index by id.
    pub fn parameter_index(&self, id: &str) -> Option<usize> {
        self.index.parameters.get(id).copied()
    }

    /// A penalty by id.
    pub fn penalty(&self, id: &str) -> Option<&Penalty> {
        self.index.penalties.get(id).map(|&i| &self.penalties[i])
    }

    /// The instrument a rule belongs to.
    pub fn instrument_of(&self, rule: &Rule) -> &Instrument {
        &self.instruments[rule.instrument]
    }
}

#[cfg(test)]
mod review_tests {
    use super::CorpusReview;

    #[test]
    fn a_review_flags_answers_only_beyond_its_allowance() {
        let r = CorpusReview {
            reviewed_until: "2026-11-28".parse().expect("date"),
            stale_after_days: 90,
            note: None,
        };
        assert_eq!(
            r.warning("2027-02-26".parse().expect("date")),
            None,
            "day 90 is within"
        );
        let w = r
            .warning("2027-02-27".parse().expect("date"))
            .expect("day 91 is beyond");
        assert!(w.contains("91 days later"), "{w}");
        assert_eq!(
            r.warning("2020-01-01".parse().expect("date")),
            None,
            "earlier dates are reviewed law"
        );
    }
}
