//! Assessment: which rules apply to a subject as of a date, with what effect, from when, and why.

use crate::condition::{Env, Names, TraceNode};
use crate::manifest::Facts;
use crate::model::{Corpus, DatedRef, Effect, EventKind, FactId, Rule, RuleVersion};
use crate::value::{Truth, Value};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::cell::Cell;

/// Where a rule stands for a subject on the assessment date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The rule applies to the subject now.
    InEffect,
    /// The rule will apply to the subject from a later date.
    Upcoming,
    /// The rule would apply, but a court stayed it or the authority does not enforce it.
    Suspended,
    /// The rule applied (or would have) but has ended: revoked, repealed, expired, replaced.
    Ended,
    /// The rule hinges on facts the manifest does not give.
    Undetermined,
    /// The rule does not apply to the subject (its condition fails, an exception or exemption defeats it).
    NotApplicable,
}

impl Status {
    /// A heading for reports.
    pub fn heading(self) -> &'static str {
        match self {
            Status::InEffect => "In effect",
            Status::Upcoming => "Upcoming",
            Status::Suspended => "Suspended",
            Status::Ended => "Ended",
            Status::Undetermined => "Undetermined",
            Status::NotApplicable => "Not applicable",
        }
    }

    /// The snake-case name used in JSON and corpus examples.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::InEffect => "in_effect",
            Status::Upcoming => "upcoming",
            Status::Suspended => "suspended",
            Status::Ended => "ended",
            Status::Undetermined => "undetermined",
            Status::NotApplicable => "not_applicable",
        }
    }

    /// Parses the snake-case name.
    pub fn parse(s: &str) -> Option<Status> {
        [
            Status::InEffect,
            Status::Upcoming,
            Status::Suspended,
            Status::Ended,
            Status::Undetermined,
            Status::NotApplicable,
        ]
        .into_iter()
        .find(|st| st.as_str() == s)
    }
}

/// A dated event that explains a status or a change: "revoked by EO 14148 on 2025-01-20".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cause {
    /// When.
    pub date: Date,
    /// What happened.
    pub kind: EventKind,
    /// The instrument the event belongs to.
    pub instrument: String,
    /// The instrument that caused it, if any (the revoking order, the amending regulation, the court).
    pub by: Option<String>,
    /// The cause in words.
    pub text: String,
}

/// A question that would settle undetermined rules.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Question<'a> {
    /// The fact to give, `subject.name`.
    pub fact: &'a str,
    /// The question for a person.
    pub question: &'a str,
    /// The fact's type.
    #[serde(rename = "type")]
    pub ty: &'static str,
    /// Allowed values, for enums and sets.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub allowed: Vec<&'a str>,
    /// The rules it would help settle.
    pub rules: Vec<&'a str>,
}

/// How an exception fared.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExceptionTrace<'a> {
    /// The exception's id.
    pub id: &'a str,
    /// Its citation.
    pub citation: &'a str,
    /// Its summary.
    pub summary: &'a str,
    /// Whether it fired.
    pub result: Truth,
    /// Its derivation.
    pub trace: TraceNode,
}

/// The derivation of a finding: the condition, the exceptions, and the rules that defeated it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Derivation<'a> {
    /// The rule's condition, evaluated.
    pub condition: TraceNode,
    /// Its exceptions, evaluated (only those that were looked at).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub exceptions: Vec<ExceptionTrace<'a>>,
    /// Other rules (exemptions, overriding rules) whose application defeats this one, evaluated.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub defeaters: Vec<DefeaterTrace<'a>>,
}

/// How a defeating rule fared.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DefeaterTrace<'a> {
    /// The defeating rule.
    pub rule: &'a str,
    /// Its citation.
    pub citation: &'a str,
    /// Whether it applies.
    pub result: Truth,
}

/// The penalty attached to a finding, resolved for this organization and date: its full terms, its own start
/// date, and whether a breach of the rule can be fined on the assessment date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PenaltyRef<'a> {
    /// Penalty id.
    pub id: &'a str,
    /// Citation.
    pub citation: &'a str,
    /// In words: amounts and what they are counted per, tiers, enforcers, private right of action, cure period,
    /// start date, with the cap rule that applies to this organization.
    pub text: &'a str,
    /// The corpus's summary of the penalty provision: everything it provides, sanctions without an amount
    /// (warnings, orders to correct, suspension, revocation, injunctions) included, for every organization.
    pub summary: &'a str,
    /// The least fixed amount.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_amount: Option<f64>,
    /// The greatest fixed amount.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_amount: Option<f64>,
    /// The currency of the amounts (ISO 4217).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<&'a str>,
    /// The greatest share of worldwide annual turnover, in percent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_turnover_percent: Option<f64>,
    /// What the amounts are counted per.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<crate::model::PenaltyUnit>,
    /// Each day a violation continues is a separate violation.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub each_day_separate_violation: bool,
    /// Bands of amounts (first / subsequent violation, curable / uncurable).
    #[serde(skip_serializing_if = "<[crate::model::PenaltyTier]>::is_empty")]
    pub tiers: &'a [crate::model::PenaltyTier],
    /// Days to cure after notice before an action may be brought.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cure_period_days: Option<u32>,
    /// Who may enforce it.
    #[serde(skip_serializing_if = "<[crate::model::Enforcer]>::is_empty")]
    pub enforced_by: &'a [crate::model::Enforcer],
    /// Whether a private person may sue (absent: the law or the sources do not say).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub private_right_of_action: Option<bool>,
    /// The penalty provision's own start date (it may be later than the rule's).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub applies_from: Option<Date>,
    /// The first date on which a breach of this rule can be fined: the later of the rule's and the penalty's
    /// start dates.
    pub enforceable_from: Date,
    /// Whether a breach of this rule can be fined on the assessment date: the rule applies (time-wise: not
    /// upcoming, suspended or ended) and the penalty has started.
    pub enforceable: bool,
    /// How sure the corpus is of the penalty's terms.
    pub confidence: crate::model::Confidence,
    /// Caveats and sources for the terms.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<&'a str>,
    /// Which of the penalty's cap rules `text` states for this organization (absent in JSON: the general one).
    #[serde(skip_serializing_if = "CapVariant::is_general")]
    pub cap_variant: CapVariant,
}

/// Which cap rule a finding's penalty is stated with, from the organization's size (`organization.sme`) and the
/// penalty's `sme_cap`: reports in every language read it here rather than from the English text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CapVariant {
    /// The general rule: the organization is not an SME, or the penalty has no SME rule of its own.
    General,
    /// The SME rule: the organization is an SME and the penalty has an SME rule.
    Sme,
    /// Both rules: the organization's size is unknown and the SME rule differs from the general one.
    Both,
}

impl CapVariant {
    /// Whether this is the general rule.
    pub fn is_general(&self) -> bool {
        *self == CapVariant::General
    }
}

/// The version of the text a finding rests on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VersionInfo<'a> {
    /// From when this text is the law.
    pub from: Date,
    /// The amending instrument, for an amended version.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amended_by: Option<&'a str>,
    /// What the amendment changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change: Option<&'a str>,
}

/// One rule's standing for the subject on the date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding<'a> {
    /// Rule id.
    pub rule: &'a str,
    /// Rule title.
    pub title: &'a str,
    /// Instrument id.
    pub instrument: &'a str,
    /// Instrument short title.
    pub instrument_title: &'a str,
    /// Jurisdiction code.
    pub jurisdiction: &'a str,
    /// Regime, for grouping.
    pub regime: &'a str,
    /// Whether the instrument binds.
    pub binding: bool,
    /// Whether the instrument is only a proposal (not law: the finding says what it would require).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub proposed: bool,
    /// The standing.
    pub status: Status,
    /// For an undetermined finding: what its standing would be if its condition held.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timing: Option<Status>,
    /// For an ended finding: whether its condition held on the facts given (`unknown`: the rule may have
    /// concerned the subject before it ended; nothing is asked, since settling it changes nothing now).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub held: Option<Truth>,
    /// What the rule concludes.
    pub effect: &'a Effect,
    /// The tier, for classifications.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tier: Option<&'a str>,
    /// The roles it addresses.
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    pub roles: &'a [String],
    /// Article or section: the one item of the rule's citation table the subject selects, if exactly one,
    /// else the rule's citation.
    pub citation: &'a str,
    /// Every item of the rule's citation table the subject selects (several when a product falls under several
    /// listed acts); empty when the rule has no table or the fact is not known.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub citation_items: Vec<&'a str>,
    /// Primary-source URL.
    pub url: &'a str,
    /// In the corpus authors' words.
    pub summary: &'a str,
    /// From when it applies.
    pub applies_from: Date,
    /// The event that date comes from, in words, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub applies_from_source: Option<&'a str>,
    /// When it ended or ends, if known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<Date>,
    /// Why it ended or is suspended.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cause: Option<Cause>,
    /// The text version used.
    pub version: VersionInfo<'a>,
    /// The penalty, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub penalty: Option<PenaltyRef<'a>>,
    /// How sure the corpus is: the rule's confidence, or the instrument's when that is lower.
    pub confidence: crate::model::Confidence,
    /// Caveats of the rule.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<&'a str>,
    /// Caveats of the whole instrument (challenged in court, status unconfirmed, text not read in full).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instrument_note: Option<&'a str>,
    /// The instrument's lifecycle up to the assessment date, in order (amendments, challenges, stays,
    /// non-enforcement, the end), and the rule's own end when it has passed: "stayed by a court on ..., then
    /// replaced by ... on ...".
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<&'a Cause>,
    /// Questions that would settle an undetermined finding.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<&'a str>,
    /// The facts those questions ask for (`subject.name`), in the same order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub open_facts: Vec<&'a str>,
    /// Why: the derivation (present unless the assessment was run in summary mode).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub derivation: Option<Derivation<'a>>,
    /// Challenges to the instrument (e.g. by the federal government) made on or before the date. They change
    /// nothing in law until a court stays the instrument, but a user must know of them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub challenges: Vec<Challenge<'a>>,
}

impl<'a> Finding<'a> {
    /// The citation to show: every item of the rule's citation table the subject selects, joined, when there
    /// are several; else [`Finding::citation`].
    pub fn cited(&self) -> std::borrow::Cow<'a, str> {
        if self.citation_items.len() > 1 {
            std::borrow::Cow::Owned(self.citation_items.join("; "))
        } else {
            std::borrow::Cow::Borrowed(self.citation)
        }
    }
}

/// A challenge to an instrument: who brought it, when, and what it is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Challenge<'a> {
    /// The challenge's event id in its instrument's lifecycle (to find its translation; not in JSON).
    #[serde(skip)]
    pub event: &'a str,
    /// When.
    pub date: Date,
    /// The challenging instrument's id, if the corpus has it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<&'a str>,
    /// The challenging instrument's short title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by_title: Option<&'a str>,
    /// The challenging instrument's jurisdiction (`US` for a federal challenge to a state law).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by_jurisdiction: Option<&'a str>,
    /// What the challenge is, in the corpus authors' words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<&'a str>,
}

/// Two rules that both apply and classify the subject differently on one axis, with neither overriding the other.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Conflict<'a> {
    /// The regime.
    pub regime: &'a str,
    /// The axis.
    pub axis: &'a str,
    /// The rules and the tiers they conclude.
    pub rules: Vec<(&'a str, &'a str)>,
}

/// A classification of the subject, as a headline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Classification<'a> {
    /// Jurisdiction.
    pub jurisdiction: &'a str,
    /// Regime.
    pub regime: &'a str,
    /// Axis.
    pub axis: &'a str,
    /// Tier.
    pub tier: &'a str,
    /// The rule that concludes it.
    pub rule: &'a str,
    /// Its citation.
    pub citation: &'a str,
    /// In effect, upcoming, ...
    pub status: Status,
    /// From when.
    pub applies_from: Date,
}

/// The answer: a subject assessed against the corpus as of a date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessment<'a> {
    /// The date the answer holds for.
    pub as_of: Date,
    /// The subject kind.
    pub subject: &'a str,
    /// The subject's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<&'a str>,
    /// The jurisdictions the assessment was limited to (empty: all).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub jurisdictions: Vec<String>,
    /// The markets the manifest lists as complete (`markets_complete: true`), as written: places outside them
    /// were taken as "no".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub markets: Option<&'a [String]>,
    /// Headline classifications (in effect, upcoming or undetermined).
    pub classifications: Vec<Classification<'a>>,
    /// Whether a prohibition is in effect for the subject.
    pub prohibited: bool,
    /// Findings, sorted by jurisdiction, regime, status and rule id.
    pub findings: Vec<Finding<'a>>,
    /// Conflicting conclusions, never resolved silently.
    pub conflicts: Vec<Conflict<'a>>,
    /// Questions that would settle the undetermined findings, most useful first.
    pub questions: Vec<Question<'a>>,
    /// Values the engine computed from other facts (e.g. training compute from parameters and tokens).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub derived: Vec<DerivedValue<'a>>,
    /// Classes the engine derived from the features the law names (e.g. profiling from the personal aspects a
    /// system evaluates), where the manifest did not answer them directly.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub derived_answers: Vec<DerivedAnswer<'a>>,
}

impl<'a> Assessment<'a> {
    /// The finding for a rule, if reported.
    pub fn finding(&self, rule: &str) -> Option<&Finding<'a>> {
        self.findings.iter().find(|f| f.rule == rule)
    }
}

/// What to assess and how much detail to produce.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// The date of the answer.
    pub as_of: Date,
    /// Limit to these jurisdictions (a code also selects its subdivisions: `US` selects `US-CA`).
    pub jurisdictions: Vec<String>,
    /// Also report rules that do not apply.
    pub include_not_applicable: bool,
    /// Build derivation traces (off for fast summaries).
    pub traces: bool,
}

impl Options {
    /// Full detail as of a date.
    pub fn as_of(date: Date) -> Options {
        Options {
            as_of: date,
            jurisdictions: Vec::new(),
            include_not_applicable: false,
            traces: true,
        }
    }
}

/// Whether a jurisdiction is selected by a filter list (empty selects all).
pub fn jurisdiction_selected(filter: &[String], jurisdiction: &str) -> bool {
    filter.is_empty()
        || filter.iter().any(|f| {
            jurisdiction.eq_ignore_ascii_case(f)
                || (jurisdiction.len() > f.len()
                    && jurisdiction[..f.len()].eq_ignore_ascii_case(f)
                    && jurisdiction.as_bytes()[f.len()] == b'-')
        })
}

/// The evaluation context of one subject on one date: facts, dated parameter values, memoised rule outcomes.
pub struct Context<'a> {
    corpus: &'a Corpus,
    facts: &'a Facts,
    as_of: Date,
    params: Vec<Option<&'a Value>>,
    // 0 = not computed, 1 = in progress, 2 = true, 3 = false, 4 = unknown
    memo: Vec<Cell<u8>>,
    defeated_by: &'a [Vec<usize>],
    ends: &'a [Option<Date>],
    suspendable: &'a [bool],
    unknown_memo: std::cell::RefCell<rustc_hash::FxHashMap<usize, Vec<FactId>>>,
    masks: Vec<crate::condition::Mask>,
    /// Values of derived facts the manifest did not give, by fact id (empty when nothing was derived), and
    /// which alternative computed each.
    derived: Vec<Option<(Value, usize)>>,
    /// The date's plan, when a batch computed one: versions and timings are looked up, not worked out.
    plan: Option<&'a DatePlan>,
}

/// Facts and parameters as derivation sees them: the manifest's facts and the values derived so far.
struct DeriveEnv<'x> {
    facts: &'x Facts,
    derived: &'x [Option<(Value, usize)>],
    params: &'x [Option<&'x Value>],
}

impl Env for DeriveEnv<'_> {
    fn fact(&self, id: FactId) -> Option<&Value> {
        given_or_derived(self.facts, self.derived, id)
    }
    fn param(&self, index: usize) -> Option<&Value> {
        self.params.get(index).copied().flatten()
    }
    fn rule(&self, _index: usize) -> Truth {
        Truth::Unknown
    }
}

/// A fact's value: as the manifest gives it, else as the engine derived it.
fn given_or_derived<'x>(
    facts: &'x Facts,
    derived: &'x [Option<(Value, usize)>],
    id: FactId,
) -> Option<&'x Value> {
    facts.get(id).or_else(|| {
        derived
            .get(id as usize)
            .and_then(|d| d.as_ref().map(|(v, _)| v))
    })
}

/// The fact values a derivation read, from its trace (each once, in order).
fn trace_values(node: &TraceNode) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut stack = vec![node];
    while let Some(n) = stack.pop() {
        for v in &n.values {
            if !out.contains(v) {
                out.push(v.clone());
            }
        }
        stack.extend(n.children.iter().rev());
    }
    out
}

/// A class the engine derived from the features the law names because the manifest did not answer it directly
/// (a bool fact with `derive:`; a direct answer in the manifest always wins).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DerivedAnswer<'a> {
    /// The fact, `subject.name`.
    pub fact: &'a str,
    /// The derived answer.
    pub value: bool,
    /// The method, in words.
    pub method: &'a str,
    /// The condition as written in the vocabulary.
    pub formula: &'a str,
    /// The values of the facts it read (`ai_system.personal_aspects_evaluated = ["health"]`).
    pub values: Vec<String>,
    /// Where the definition comes from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub citation: Option<&'a str>,
    /// Which of the fact's `derive:` alternatives gave it (0-based), for the method's translation.
    #[serde(skip)]
    pub alternative: usize,
}

/// A value the engine computed because the manifest did not give it, with the arithmetic.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DerivedValue<'a> {
    /// The fact, `subject.name`.
    pub fact: &'a str,
    /// The computed value.
    pub value: f64,
    /// The unit, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<&'a str>,
    /// The method, in words.
    pub method: &'a str,
    /// The formula as written in the vocabulary.
    pub formula: &'a str,
    /// The formula with the inputs' values, and the result: `6 * 7e10 * 1.5e13 = 6.3e24`.
    pub arithmetic: String,
    /// Where the method comes from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub citation: Option<&'a str>,
    /// Which of the fact's `derive:` alternatives gave it (0-based), for the method's translation.
    #[serde(skip)]
    pub alternative: usize,
}

impl<'a> Context<'a> {
    /// Prepares an evaluation of `facts` as of `as_of`.
    pub fn new(engine: &'a Engine, facts: &'a Facts, as_of: Date) -> Context<'a> {
        Context::with_plan(engine, facts, as_of, None)
    }

    /// [`Context::new`] with the date's plan, when one was computed (batches).
    fn with_plan(
        engine: &'a Engine,
        facts: &'a Facts,
        as_of: Date,
        plan: Option<&'a DatePlan>,
    ) -> Context<'a> {
        let corpus = &engine.corpus;
        let params: Vec<Option<&'a Value>> = match plan {
            Some(p) => corpus
                .parameters
                .iter()
                .zip(&p.params)
                .map(|(param, v)| {
                    v.and_then(|v| param.values.get(v as usize))
                        .map(|v| &v.value)
                })
                .collect(),
            None => corpus
                .parameters
                .iter()
                .map(|p| p.value_on(as_of).map(|v| &v.value))
                .collect(),
        };
        let derived = engine.derive(facts, &params);
        Context {
            plan,
            corpus,
            facts,
            as_of,
            derived,
            params,
            memo: (0..corpus.rules.len()).map(|_| Cell::new(0)).collect(),
            defeated_by: &engine.defeated_by,
            ends: &engine.ends,
            suspendable: &engine.suspendable,
            unknown_memo: Default::default(),
            masks: engine.masks_of(facts),
        }
    }

    /// The version of a rule to evaluate on the context date: the text in force then (the last one if the rule
    /// has ended), or none if the rule was not yet law.
    pub fn version(&self, rule: &'a Rule) -> Option<&'a RuleVersion> {
        rule.version_on(self.as_of)
    }

    /// The version of the rule at `index` on the context date (looked up in the plan when there is one).
    fn version_at(&self, index: usize) -> Option<&'a RuleVersion> {
        let rule = &self.corpus.rules[index];
        match self.plan {
            Some(p) => p.versions[index].map(|v| &rule.versions[v as usize]),
            None => rule.version_on(self.as_of),
        }
    }

    /// Whether a rule's condition holds, its exceptions and defeaters included (memoised).
    pub fn holds(&self, index: usize) -> Truth {
        match self.memo[index].get() {
            2 => return Truth::True,
            3 => return Truth::False,
            4 | 1 => return Truth::Unknown, // 1: a cycle, which the validator rejects; stay total anyway
            _ => {}
        }
        self.memo[index].set(1);
        let t = self.compute(index);
        self.memo[index].set(match t {
            Truth::True => 2,
            Truth::False => 3,
            Truth::Unknown => 4,
        });
        t
    }

    /// Whether a rule stands for the subject, as reports count it: [`Context::holds`], except that an exemption
    /// stands only where a rule it relieves may reach the subject. An exemption from rules that are all false
    /// (an exclusion from a regime whose scope the subject is outside of) relieves nothing; in Kleene logic the
    /// exemption stands when it holds and one of its rules holds or may hold on its own condition.
    pub fn standing(&self, index: usize) -> Truth {
        let t = self.holds(index);
        if t == Truth::False {
            return t;
        }
        let rule = &self.corpus.rules[index];
        let exemption = self
            .version_at(index)
            .is_some_and(|v| matches!(v.effect, Effect::Exemption { .. }));
        if !exemption || rule.defeats.is_empty() {
            return t;
        }
        let mut reaches = Truth::False;
        for &d in &rule.defeats {
            match self.base(d) {
                Truth::True => return t,
                Truth::Unknown => reaches = Truth::Unknown,
                Truth::False => {}
            }
        }
        and(t, reaches)
    }

    /// A rule's own condition and exceptions on the date, without the rules that defeat it.
    fn base(&self, index: usize) -> Truth {
        let Some(v) = self.version_at(index) else {
            return Truth::False;
        };
        let mut t = v.condition.expr.eval(self);
        for e in &v.exceptions {
            if t == Truth::False {
                break;
            }
            t = and(t, !e.condition.expr.eval(self));
        }
        t
    }

    fn compute(&self, index: usize) -> Truth {
        let Some(v) = self.version_at(index) else {
            return Truth::False;
        };
        let mut t = v.condition.expr.eval(self);
        if t == Truth::False {
            return t;
        }
        for e in &v.exceptions {
            t = and(t, !e.condition.expr.eval(self));
            if t == Truth::False {
                return t;
            }
        }
        for &d in &self.defeated_by[index] {
            if self.defeater_active(d) {
                t = and(t, !self.holds(d));
                if t == Truth::False {
                    return t;
                }
            }
        }
        t
    }

    /// A defeater counts unless it has ended, is suspended, or is not yet law on the date.
    fn defeater_active(&self, d: usize) -> bool {
        if let Some(p) = self.plan {
            return matches!(p.timing[d], Some(Status::InEffect | Status::Upcoming));
        }
        let r = &self.corpus.rules[d];
        self.version(r).is_some() && !self.ended(d) && !self.suspended(d)
    }

    /// Whether a rule has ended on the context date (precomputed end dates: no allocation).
    fn ended(&self, index: usize) -> bool {
        self.ends[index].is_some_and(|e| e <= self.as_of)
    }

    /// Whether a rule's instrument is stayed or not enforced on the context date.
    fn suspended(&self, index: usize) -> bool {
        let inst = self.corpus.rules[index].instrument;
        self.suspendable[inst]
            && self.corpus.instruments[inst]
                .suspension_on(self.as_of)
                .is_some()
    }

    /// The facts whose answers could settle an undetermined rule (memoised: rules share sub-rules).
    pub fn unknown_facts(&self, index: usize) -> Vec<FactId> {
        if let Some(known) = self.unknown_memo.borrow().get(&index) {
            return known.clone();
        }
        let mut out = Vec::new();
        let rule = &self.corpus.rules[index];
        if let Some(v) = self.version(rule) {
            // Rule references are acyclic (the loader rejects cycles), so this recursion terminates.
            let follow = |i: usize| self.unknown_facts(i);
            if v.condition.expr.eval(self) == Truth::Unknown {
                v.condition.expr.unknown_facts(self, &follow, &mut out);
            }
            for e in &v.exceptions {
                if e.condition.expr.eval(self) == Truth::Unknown {
                    e.condition.expr.unknown_facts(self, &follow, &mut out);
                }
            }
            for &d in &self.defeated_by[index] {
                if self.defeater_active(d) && self.holds(d) == Truth::Unknown {
                    for f in follow(d) {
                        if !out.contains(&f) {
                            out.push(f);
                        }
                    }
                }
            }
        }
        self.unknown_memo.borrow_mut().insert(index, out.clone());
        out
    }
}

fn and(a: Truth, b: Truth) -> Truth {
    match (a, b) {
        (Truth::False, _) | (_, Truth::False) => Truth::False,
        (Truth::True, Truth::True) => Truth::True,
        _ => Truth::Unknown,
    }
}

impl Env for Context<'_> {
    fn fact(&self, id: FactId) -> Option<&Value> {
        given_or_derived(self.facts, &self.derived[..], id)
    }
    fn param(&self, index: usize) -> Option<&Value> {
        self.params.get(index).copied().flatten()
    }
    fn rule(&self, index: usize) -> Truth {
        self.holds(index)
    }
    fn mask(&self, id: FactId) -> crate::condition::Mask {
        self.masks
            .get(id as usize)
            .copied()
            .unwrap_or(crate::condition::Mask::NotAvailable)
    }
    fn markets(&self, id: FactId) -> Option<&crate::vocabulary::Markets> {
        market_bound(self.corpus, self.facts, id)
    }
    fn ask_instead(&self, id: FactId, out: &mut Vec<FactId>) -> bool {
        let Some(def) = self.corpus.vocabulary.facts.get(id as usize) else {
            return false;
        };
        if def.derive.is_empty() || !matches!(def.ty, crate::vocabulary::FactType::Bool) {
            return false;
        }
        // A class the law defines by features: ask for the features (the direct answer stays an override).
        let none = |_: usize| Vec::new();
        for d in &def.derive {
            d.formula.expr.unknown_facts(self, &none, out);
        }
        true
    }
}

/// The markets a market fact lies within, when the manifest leaves it out and lists its markets as complete.
fn market_bound<'x>(
    corpus: &Corpus,
    facts: &'x Facts,
    id: FactId,
) -> Option<&'x crate::vocabulary::Markets> {
    let m = facts.markets.as_ref()?;
    (facts.get(id).is_none() && corpus.vocabulary.facts.get(id as usize)?.market).then_some(m)
}

/// Prints corpus names in traces.
pub struct CorpusNames<'a>(pub &'a Corpus);

impl Names for CorpusNames<'_> {
    fn fact(&self, id: FactId) -> String {
        self.0
            .vocabulary
            .facts
            .get(id as usize)
            .map(|f| f.qualified())
            .unwrap_or_default()
    }
    fn param(&self, index: usize) -> String {
        self.0
            .parameters
            .get(index)
            .map(|p| p.id.clone())
            .unwrap_or_default()
    }
    fn rule(&self, index: usize) -> String {
        self.0
            .rules
            .get(index)
            .map(|r| r.id.clone())
            .unwrap_or_default()
    }
}

fn cause_of(corpus: &Corpus, instrument: &str, e: &crate::model::LifecycleEvent) -> Cause {
    let by_title = e.by.as_deref().map(|b| {
        corpus
            .instrument(b)
            .map(|i| i.short_title.clone())
            .unwrap_or_else(|| b.to_string())
    });
    let inst = corpus
        .instrument(instrument)
        .map(|i| i.short_title.as_str())
        .unwrap_or(instrument);
    // "stayed by a court by <the order>" reads badly: the order names the court.
    let verb = match e.kind {
        EventKind::Stayed if by_title.is_some() => "stayed",
        k => k.verb(),
    };
    let text = match by_title {
        Some(b) => format!("{inst} {verb} by {b} on {}", e.date),
        None => format!("{inst} {} on {}", e.kind.verb(), e.date),
    };
    Cause {
        date: e.date,
        kind: e.kind,
        instrument: instrument.to_string(),
        by: e.by.clone(),
        text,
    }
}

/// When a rule ends (its own `until`, or its instrument's termination), with the cause.
pub fn end_of(corpus: &Corpus, rule: &Rule) -> Option<Cause> {
    let inst = corpus.instrument_of(rule);
    let own = rule
        .until
        .as_ref()
        .map(|u| dated_cause(corpus, &inst.id, u, EventKind::Expired));
    let term = inst.termination().map(|e| cause_of(corpus, &inst.id, e));
    match (own, term) {
        (Some(a), Some(b)) => Some(if a.date <= b.date { a } else { b }),
        (a, b) => a.or(b),
    }
}

fn dated_cause(corpus: &Corpus, instrument: &str, d: &DatedRef, default_kind: EventKind) -> Cause {
    match &d.event {
        Some(ev) => match corpus
            .instrument(&ev.instrument)
            .and_then(|i| i.event(&ev.event))
        {
            Some(e) => cause_of(corpus, &ev.instrument, e),
            None => Cause {
                date: d.date,
                kind: ev.kind,
                instrument: ev.instrument.clone(),
                by: None,
                text: format!("{} on {}", ev.kind.verb(), d.date),
            },
        },
        None => Cause {
            date: d.date,
            kind: default_kind,
            instrument: instrument.to_string(),
            by: None,
            text: format!("ends on {}", d.date),
        },
    }
}

/// Describes where a date came from ("Art 113(c) as amended: applies_from event ...").
fn date_source(corpus: &Corpus, d: &DatedRef) -> Option<String> {
    let ev = d.event.as_ref()?;
    let inst = corpus.instrument(&ev.instrument)?;
    let e = inst.event(&ev.event)?;
    let what = e
        .provisions
        .as_deref()
        .map(|p| format!(" ({p})"))
        .unwrap_or_default();
    Some(format!("{} {}{}", inst.short_title, e.kind.verb(), what))
}

/// The derived facts of a vocabulary, ordered so that each comes after the derived facts its formulas read.
fn derivation_order(vocabulary: &crate::vocabulary::Vocabulary) -> Vec<FactId> {
    fn visit(
        id: FactId,
        vocabulary: &crate::vocabulary::Vocabulary,
        seen: &mut Vec<bool>,
        out: &mut Vec<FactId>,
    ) {
        if seen[id as usize] {
            return;
        }
        seen[id as usize] = true; // the loader rejects cycles; marking first keeps this total anyway
        for d in &vocabulary.facts[id as usize].derive {
            let mut reads = Vec::new();
            d.formula.expr.reads(&mut reads);
            for r in reads {
                if !vocabulary.facts[r as usize].derive.is_empty() {
                    visit(r, vocabulary, seen, out);
                }
            }
        }
        out.push(id);
    }
    let mut seen = vec![false; vocabulary.facts.len()];
    let mut out = Vec::new();
    for f in vocabulary.facts.iter().filter(|f| !f.derive.is_empty()) {
        visit(f.id, vocabulary, &mut seen, &mut out);
    }
    out
}

/// The engine: a corpus with the indices evaluation needs.
#[derive(Debug, Clone)]
pub struct Engine {
    /// The corpus.
    pub corpus: Corpus,
    defeated_by: Vec<Vec<usize>>,
    /// Each rule's end date (own `until` or instrument termination), precomputed for fast summaries.
    ends: Vec<Option<Date>>,
    /// Each rule's end, with its cause, precomputed (its text is formatted once, not per finding).
    end_causes: Vec<Option<Cause>>,
    /// Per instrument: whether it has any stay or non-enforcement event at all.
    suspendable: Vec<bool>,
    /// Per instrument: the events that change or explain its standing (amendments, challenges, stays, lifted
    /// stays, non-enforcement, terminations, vetoes), in date order, formatted once.
    histories: Vec<Vec<Cause>>,
    /// The rules addressing each subject kind, in corpus order.
    by_subject: rustc_hash::FxHashMap<String, Vec<usize>>,
    /// Where each rule version's start date comes from, in words, keyed by (rule, version start).
    date_sources: rustc_hash::FxHashMap<(usize, Date), String>,
    /// Each penalty in words: for an organization of unknown size, an SME, and not an SME.
    penalty_texts: rustc_hash::FxHashMap<String, [String; 3]>,
    /// The `organization.sme` fact, if the vocabulary has it.
    sme_fact: Option<FactId>,
    /// `regime/axis=tier` of each classifying rule version, keyed by (rule, version start), for summaries.
    class_labels: rustc_hash::FxHashMap<(usize, Date), String>,
    /// Whether every classification label is plain printable ASCII without quotes or backslashes, so that it can
    /// be written into JSON as it is.
    plain_labels: bool,
    /// For each enumerated set fact of at most 64 values: each value's bit (conditions test masks, not strings).
    bits: Vec<Option<rustc_hash::FxHashMap<String, u32>>>,
    /// The derived facts, inputs before the facts computed from them.
    derivation_order: Vec<FactId>,
    /// The facts that have bit masks (enumerated sets of at most 64 values).
    set_facts: Vec<FactId>,
}

/// How much of a finding's text an assessment builds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Texts {
    /// Everything a report shows.
    All,
    /// What a summary shows ([`Engine::assess_brief`]).
    Brief,
}

/// What an assessment date fixes for every subject (each rule's timing), computed once by [`Engine::plan`].
///
/// It holds no borrow of the engine (versions and parameter values are indices), so that a service can keep the
/// plans of the dates it is asked about next to its engine. A plan is only valid with the engine that made it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatePlan {
    as_of: Date,
    timing: Vec<Option<Status>>,
    versions: Vec<Option<u32>>,
    /// For each parameter, the index of its value on the date.
    params: Vec<Option<u32>>,
}

impl DatePlan {
    /// The date the plan is for.
    pub fn as_of(&self) -> Date {
        self.as_of
    }
}

/// A compact assessment: statuses only, no traces or texts (for `assess --batch`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary<'a> {
    /// The date.
    pub as_of: Date,
    /// Subject kind.
    pub subject: &'a str,
    /// Subject name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<&'a str>,
    /// Classifications in effect or upcoming, as `regime/axis=tier`.
    pub classifications: Vec<&'a str>,
    /// Whether a prohibition is in effect.
    pub prohibited: bool,
    /// Rules in effect.
    pub in_effect: Vec<&'a str>,
    /// Rules upcoming.
    pub upcoming: Vec<&'a str>,
    /// Rules undetermined.
    pub undetermined: Vec<&'a str>,
    /// Rules suspended.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub suspended: Vec<&'a str>,
}

impl Engine {
    /// Prepares a corpus for evaluation.
    pub fn new(corpus: Corpus) -> Engine {
        let mut defeated_by = vec![Vec::new(); corpus.rules.len()];
        for (i, r) in corpus.rules.iter().enumerate() {
            for &d in &r.defeats {
                defeated_by[d].push(i);
            }
        }
        let end_causes: Vec<Option<Cause>> =
            corpus.rules.iter().map(|r| end_of(&corpus, r)).collect();
        let ends = end_causes
            .iter()
            .map(|c| c.as_ref().map(|c| c.date))
            .collect();
        let suspendable = corpus
            .instruments
            .iter()
            .map(|i| {
                i.events
                    .iter()
                    .any(|e| matches!(e.kind, EventKind::Stayed | EventKind::NotEnforced))
            })
            .collect();
        let histories = corpus
            .instruments
            .iter()
            .map(|i| {
                i.events
                    .iter()
                    .filter(|e| {
                        e.kind.terminates()
                            || matches!(
                                e.kind,
                                EventKind::Amended
                                    | EventKind::Challenged
                                    | EventKind::Stayed
                                    | EventKind::StayLifted
                                    | EventKind::NotEnforced
                                    | EventKind::EnforcementResumed
                                    | EventKind::Vetoed
                            )
                    })
                    .map(|e| cause_of(&corpus, &i.id, e))
                    .collect()
            })
            .collect();
        let mut by_subject: rustc_hash::FxHashMap<String, Vec<usize>> =
            rustc_hash::FxHashMap::default();
        for (i, r) in corpus.rules.iter().enumerate() {
            by_subject.entry(r.subject.clone()).or_default().push(i);
        }
        let mut date_sources = rustc_hash::FxHashMap::default();
        let mut class_labels = rustc_hash::FxHashMap::default();
        for (i, r) in corpus.rules.iter().enumerate() {
            for v in &r.versions {
                if let Effect::Classification { regime, axis, tier } = &v.effect {
                    class_labels.insert((i, v.from.date), format!("{regime}/{axis}={tier}"));
                }
                if let Some(text) = date_source(&corpus, &v.applies_from) {
                    date_sources.insert((i, v.from.date), text);
                }
            }
        }
        let penalty_texts = corpus
            .penalties
            .iter()
            .map(|p| {
                let texts = [
                    penalty_text(p, None),
                    penalty_text(p, Some(true)),
                    penalty_text(p, Some(false)),
                ];
                (p.id.clone(), texts)
            })
            .collect();
        let sme_fact = corpus.vocabulary.fact("organization", "sme").map(|f| f.id);
        let bits: Vec<Option<rustc_hash::FxHashMap<String, u32>>> = corpus
            .vocabulary
            .facts
            .iter()
            .map(|f| match &f.ty {
                crate::vocabulary::FactType::Set { values } if values.len() <= 64 => Some(
                    values
                        .iter()
                        .enumerate()
                        .map(|(i, v)| (v.id.clone(), i as u32))
                        .collect(),
                ),
                _ => None,
            })
            .collect();
        let derivation_order = derivation_order(&corpus.vocabulary);
        let set_facts = bits
            .iter()
            .enumerate()
            .filter(|(_, b)| b.is_some())
            .map(|(i, _)| i as FactId)
            .collect();
        Engine {
            set_facts,
            derivation_order,
            bits,
            plain_labels: class_labels.values().all(|l: &String| {
                l.bytes()
                    .all(|b| (0x20..0x7f).contains(&b) && b != b'"' && b != b'\\')
            }),
            class_labels,
            date_sources,
            penalty_texts,
            sme_fact,
            corpus,
            defeated_by,
            ends,
            end_causes,
            suspendable,
            histories,
            by_subject,
        }
    }

    /// Computes the derived facts a manifest does not give, in dependency order: for each, the first
    /// alternative whose inputs are known. Empty when the corpus derives nothing or nothing could be derived.
    fn derive(&self, facts: &Facts, params: &[Option<&Value>]) -> Vec<Option<(Value, usize)>> {
        let mut derived: Vec<Option<(Value, usize)>> = Vec::new();
        for &id in &self.derivation_order {
            if facts.get(id).is_some() {
                continue;
            }
            let def = &self.corpus.vocabulary.facts[id as usize];
            let env = DeriveEnv {
                facts,
                derived: &derived,
                params,
            };
            let boolean = matches!(def.ty, crate::vocabulary::FactType::Bool);
            let found = def.derive.iter().enumerate().find_map(|(i, d)| {
                if boolean {
                    match d.formula.expr.eval(&env) {
                        Truth::True => Some((Value::Bool(true), i)),
                        Truth::False => Some((Value::Bool(false), i)),
                        Truth::Unknown => None,
                    }
                } else {
                    d.formula.expr.number(&env).map(|n| (Value::Number(n), i))
                }
            });
            if let Some(found) = found {
                if derived.is_empty() {
                    derived = vec![None; self.corpus.vocabulary.facts.len()];
                }
                derived[id as usize] = Some(found);
            }
        }
        derived
    }

    /// The answers the engine derived from the features the law names (bool facts with `derive:`), for reports.
    pub fn derived_answers<'a>(&'a self, ctx: &Context<'a>) -> Vec<DerivedAnswer<'a>> {
        let names = CorpusNames(&self.corpus);
        self.derivation_order
            .iter()
            .filter_map(|&id| {
                let (value, alt) = ctx.derived.get(id as usize)?.as_ref()?;
                let Value::Bool(b) = value else { return None };
                let def = &self.corpus.vocabulary.facts[id as usize];
                let d = &def.derive[*alt];
                let trace = d.formula.expr.trace(ctx, &names);
                Some(DerivedAnswer {
                    fact: &def.qualified,
                    value: *b,
                    method: &d.label,
                    formula: &d.formula.source,
                    values: trace_values(&trace),
                    citation: d.citation.as_deref(),
                    alternative: *alt,
                })
            })
            .collect()
    }

    /// The derived values of an evaluation, with their arithmetic, for reports.
    pub fn derived_values<'a>(&'a self, ctx: &Context<'a>) -> Vec<DerivedValue<'a>> {
        let names = CorpusNames(&self.corpus);
        self.derivation_order
            .iter()
            .filter_map(|&id| {
                let (value, alt) = ctx.derived.get(id as usize)?.as_ref()?;
                let Value::Number(n) = value else { return None };
                let def = &self.corpus.vocabulary.facts[id as usize];
                let d = &def.derive[*alt];
                Some(DerivedValue {
                    fact: &def.qualified,
                    value: *n,
                    unit: match &def.ty {
                        crate::vocabulary::FactType::Number { unit } => unit.as_deref(),
                        _ => None,
                    },
                    method: &d.label,
                    formula: &d.formula.source,
                    arithmetic: format!(
                        "{} = {}",
                        d.formula.expr.render_values(ctx, &names),
                        crate::value::format_number(*n)
                    ),
                    citation: d.citation.as_deref(),
                    alternative: *alt,
                })
            })
            .collect()
    }

    /// Whether every classification label of [`Summary::classifications`] can be written into JSON without
    /// escaping (true for any corpus whose regimes, axes and tiers are identifiers).
    pub fn plain_labels(&self) -> bool {
        self.plain_labels
    }

    /// The indices of the rules that address a subject kind.
    pub fn rules_of(&self, subject: &str) -> &[usize] {
        self.by_subject
            .get(subject)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// The time-only standing of a rule on the context date, before its condition is looked at: in effect,
    /// upcoming, suspended or ended; `None` if the rule was not yet law then.
    fn timing(&self, ctx: &Context<'_>, index: usize) -> Option<Status> {
        if let Some(p) = ctx.plan {
            return p.timing.get(index).copied().flatten();
        }
        let v = self.corpus.rules[index].version_on(ctx.as_of)?;
        Some(if ctx.ended(index) {
            Status::Ended
        } else if ctx.suspended(index) {
            Status::Suspended
        } else if v.applies_from.date > ctx.as_of {
            Status::Upcoming
        } else {
            Status::InEffect
        })
    }

    /// The standing of a rule without building a finding (the fast path of [`Engine::summary`]).
    ///
    /// A rule that has ended (its instrument revoked, repealed, replaced, expired or withdrawn, or its own `until`
    /// passed) is [`Status::Ended`] whatever its condition: dead law is never undetermined, and no fact is asked
    /// to settle it.
    pub fn status(&self, ctx: &Context<'_>, index: usize) -> Option<Status> {
        let timing = self.timing(ctx, index)?;
        if timing == Status::Ended {
            return Some(Status::Ended);
        }
        Some(match ctx.standing(index) {
            Truth::False => Status::NotApplicable,
            Truth::Unknown => Status::Undetermined,
            Truth::True => timing,
        })
    }

    /// What depends only on the date: each rule's timing. A batch computes it once for every subject.
    pub fn plan(&self, as_of: Date) -> DatePlan {
        let probe = Facts::empty("", &self.corpus.vocabulary);
        let ctx = Context::new(self, &probe, as_of);
        DatePlan {
            params: self
                .corpus
                .parameters
                .iter()
                .map(|p| {
                    p.values
                        .iter()
                        .rposition(|v| v.from.date <= as_of)
                        .map(|i| i as u32)
                })
                .collect(),
            as_of,
            timing: (0..self.corpus.rules.len())
                .map(|i| self.timing(&ctx, i))
                .collect(),
            versions: self
                .corpus
                .rules
                .iter()
                .map(|r| {
                    r.versions
                        .iter()
                        .rposition(|v| v.from.date <= as_of)
                        .map(|i| i as u32)
                })
                .collect(),
        }
    }

    /// A compact assessment: which rules are in effect, upcoming, undetermined; classifications; prohibition.
    pub fn summary<'a>(&'a self, facts: &'a Facts, options: &Options) -> Summary<'a> {
        self.summary_with(facts, options, None, |ctx, i| self.timing(ctx, i))
    }

    /// [`Engine::summary`] with the date's plan computed beforehand (`plan.as_of` must be `options.as_of`).
    pub fn summary_planned<'a>(
        &'a self,
        facts: &'a Facts,
        options: &Options,
        plan: &'a DatePlan,
    ) -> Summary<'a> {
        debug_assert_eq!(plan.as_of, options.as_of);
        self.summary_with(facts, options, Some(plan), |_, i| {
            plan.timing.get(i).copied().flatten()
        })
    }

    fn summary_with<'a>(
        &'a self,
        facts: &'a Facts,
        options: &Options,
        plan: Option<&'a DatePlan>,
        timing: impl Fn(&Context<'a>, usize) -> Option<Status>,
    ) -> Summary<'a> {
        let ctx = Context::with_plan(self, facts, options.as_of, plan);
        let mut s = Summary {
            as_of: options.as_of,
            subject: &facts.subject,
            name: facts.name.as_deref(),
            classifications: Vec::new(),
            prohibited: false,
            in_effect: Vec::new(),
            upcoming: Vec::new(),
            undetermined: Vec::new(),
            suspended: Vec::new(),
        };
        let filtered = !options.jurisdictions.is_empty();
        for &i in self.rules_of(&facts.subject) {
            let rule = &self.corpus.rules[i];
            if filtered
                && !jurisdiction_selected(
                    &options.jurisdictions,
                    &self.corpus.instrument_of(rule).jurisdiction,
                )
            {
                continue;
            }
            // Rules not yet law, and rules that have ended, are not summarised: skip them before evaluating
            // anything. (An ended rule can no longer bind: settling its condition changes nothing on this date.
            // The full assessment reports it as ended, with no questions.)
            let timing = match timing(&ctx, i) {
                None | Some(Status::Ended) => continue,
                Some(t) => t,
            };
            let status = match ctx.standing(i) {
                Truth::False => continue,
                Truth::Unknown => Status::Undetermined,
                Truth::True => timing,
            };
            let list = match status {
                Status::InEffect => &mut s.in_effect,
                Status::Upcoming => &mut s.upcoming,
                Status::Undetermined => &mut s.undetermined,
                Status::Suspended => &mut s.suspended,
                _ => continue,
            };
            list.push(&rule.id);
            if let Some(v) = rule.version_on(options.as_of) {
                match &v.effect {
                    Effect::Classification { .. } if status != Status::Undetermined => {
                        if let Some(label) = self.class_labels.get(&(i, v.from.date)) {
                            s.classifications.push(label);
                        }
                    }
                    Effect::Prohibition { .. } if status == Status::InEffect => s.prohibited = true,
                    _ => {}
                }
            }
        }
        s
    }

    /// The bit masks of a subject's set facts (see [`crate::condition::Expr::Bits`]).
    fn masks_of(&self, facts: &Facts) -> Vec<crate::condition::Mask> {
        use crate::condition::Mask;
        let mut masks = vec![Mask::NotAvailable; self.bits.len()];
        // Only the enumerated set facts have masks; most of the vocabulary is skipped without a look.
        for &id in &self.set_facts {
            let Some(bits) = &self.bits[id as usize] else {
                continue;
            };
            masks[id as usize] = match facts.get(id) {
                None => Mask::Unknown,
                Some(Value::Set(items)) => {
                    let mut m = 0u64;
                    let mut known = true;
                    for item in items {
                        match bits.get(item) {
                            Some(b) => m |= 1u64 << b,
                            // A value outside the vocabulary (only possible if facts were built by hand):
                            // fall back to comparing strings.
                            None => known = false,
                        }
                    }
                    if known {
                        Mask::Known(m)
                    } else {
                        Mask::NotAvailable
                    }
                }
                Some(_) => Mask::NotAvailable,
            };
        }
        masks
    }

    /// Which cap rule of a penalty applies to the organization (the variant [`Engine::penalty_text`] states).
    fn cap_variant(&self, p: &crate::model::Penalty, ctx: &Context<'_>) -> CapVariant {
        let sme = match self.sme_fact.and_then(|f| ctx.facts.get(f)) {
            Some(Value::Bool(b)) => Some(*b),
            _ => None,
        };
        match (sme, p.sme_cap) {
            (Some(true), Some(_)) => CapVariant::Sme,
            (None, Some(c)) if c != p.cap => CapVariant::Both,
            _ => CapVariant::General,
        }
    }

    /// A penalty in words, with the SME rule applied when the organization's size is known.
    fn penalty_text<'a>(&'a self, p: &'a crate::model::Penalty, ctx: &Context<'_>) -> &'a str {
        let variant = match self.sme_fact.and_then(|f| ctx.facts.get(f)) {
            Some(Value::Bool(true)) => 1,
            Some(Value::Bool(false)) => 2,
            _ => 0,
        };
        self.penalty_texts
            .get(&p.id)
            .map(|t| t[variant].as_str())
            .unwrap_or(&p.summary)
    }

    /// The rules that defeat a rule (exemptions and overriding rules).
    pub fn defeaters(&self, index: usize) -> &[usize] {
        &self.defeated_by[index]
    }

    /// Assesses a subject.
    pub fn assess<'a>(&'a self, facts: &'a Facts, options: &Options) -> Assessment<'a> {
        self.assess_with(facts, options, None, Texts::All)
    }

    /// [`Engine::assess`] with the date's plan computed beforehand by this engine (`plan.as_of()` must be
    /// `options.as_of`): the same assessment, with each rule's timing and version looked up instead of worked out.
    pub fn assess_planned<'a>(
        &'a self,
        facts: &'a Facts,
        options: &Options,
        plan: &'a DatePlan,
    ) -> Assessment<'a> {
        debug_assert_eq!(plan.as_of, options.as_of);
        self.assess_with(facts, options, Some(plan), Texts::All)
    }

    /// The assessment in brief, for summaries that show statuses, citations and dates but no texts: the same
    /// findings (statuses, effects, citations, sources, dates, penalties, the facts that would settle an undetermined
    /// rule), classifications and conflicts as [`Engine::assess_planned`], but without what only a full report
    /// shows: no derivations (whatever `options.traces` says), no questions (per finding or for the assessment),
    /// no derived values or answers, and findings without history, challenges, cause or date source.
    pub fn assess_brief<'a>(
        &'a self,
        facts: &'a Facts,
        options: &Options,
        plan: Option<&'a DatePlan>,
    ) -> Assessment<'a> {
        if let Some(plan) = plan {
            debug_assert_eq!(plan.as_of, options.as_of);
        }
        self.assess_with(facts, options, plan, Texts::Brief)
    }

    fn assess_with<'a>(
        &'a self,
        facts: &'a Facts,
        options: &Options,
        plan: Option<&'a DatePlan>,
        texts: Texts,
    ) -> Assessment<'a> {
        let ctx = Context::with_plan(self, facts, options.as_of, plan);
        let mut findings = Vec::new();
        for &i in self.rules_of(&facts.subject) {
            let rule = &self.corpus.rules[i];
            let inst = self.corpus.instrument_of(rule);
            if !jurisdiction_selected(&options.jurisdictions, &inst.jurisdiction) {
                continue;
            }
            // The cheap status first: most rules do not apply, and building a finding costs far more.
            match self.status(&ctx, i) {
                None => continue,
                Some(Status::NotApplicable) if !options.include_not_applicable => continue,
                // An ended rule is reported (history never disappears) unless it plainly never concerned the
                // subject: its condition fails on the facts given. Its status is `ended` either way.
                Some(Status::Ended)
                    if !options.include_not_applicable && ctx.standing(i) == Truth::False =>
                {
                    continue
                }
                Some(_) => {}
            }
            let traces = options.traces && texts == Texts::All;
            if let Some(f) = self.finding_with(&ctx, i, traces, texts) {
                findings.push(f);
            }
        }
        findings.sort_by(|a, b| {
            (a.jurisdiction, a.regime, a.status, a.rule).cmp(&(
                b.jurisdiction,
                b.regime,
                b.status,
                b.rule,
            ))
        });
        let brief = texts == Texts::Brief;
        let questions = if brief {
            Vec::new()
        } else {
            self.questions(&ctx, &findings)
        };
        let classifications: Vec<Classification> = findings
            .iter()
            .filter(|f| {
                matches!(
                    f.status,
                    Status::InEffect | Status::Upcoming | Status::Undetermined | Status::Suspended
                )
            })
            .filter_map(|f| match f.effect {
                Effect::Classification { regime, axis, tier } => Some(Classification {
                    jurisdiction: f.jurisdiction,
                    regime,
                    axis,
                    tier,
                    rule: f.rule,
                    citation: f.citation,
                    status: f.status,
                    applies_from: f.applies_from,
                }),
                _ => None,
            })
            .collect();
        let conflicts = conflicts(&findings);
        let prohibited = findings.iter().any(|f| {
            f.status == Status::InEffect && matches!(f.effect, Effect::Prohibition { .. })
        });
        Assessment {
            as_of: options.as_of,
            subject: &facts.subject,
            name: facts.name.as_deref(),
            jurisdictions: options.jurisdictions.clone(),
            markets: facts.markets.as_ref().map(|m| m.codes()),
            classifications,
            prohibited,
            findings,
            conflicts,
            questions,
            derived: if brief {
                Vec::new()
            } else {
                self.derived_values(&ctx)
            },
            derived_answers: if brief {
                Vec::new()
            } else {
                self.derived_answers(&ctx)
            },
        }
    }

    /// One rule's finding on the context's date, or `None` if the rule was not yet law then.
    pub fn finding<'a>(
        &'a self,
        ctx: &Context<'a>,
        index: usize,
        traces: bool,
    ) -> Option<Finding<'a>> {
        self.finding_with(ctx, index, traces, Texts::All)
    }

    fn finding_with<'a>(
        &'a self,
        ctx: &Context<'a>,
        index: usize,
        traces: bool,
        texts: Texts,
    ) -> Option<Finding<'a>> {
        let brief = texts == Texts::Brief;
        let rule = &self.corpus.rules[index];
        let version = ctx.version_at(index)?;
        let end = self.end_causes[index].as_ref();
        let timing = self.timing(ctx, index)?;
        let truth = ctx.standing(index);
        let (status, timing_of_undetermined) = match truth {
            // Dead law is ended whatever its condition, and asks nothing.
            _ if timing == Status::Ended => (Status::Ended, None),
            Truth::False => (Status::NotApplicable, None),
            Truth::True => (timing, None),
            Truth::Unknown => (Status::Undetermined, Some(timing)),
        };
        let inst = self.corpus.instrument_of(rule);
        let names = CorpusNames(&self.corpus);
        let open: Vec<&crate::vocabulary::FactDef> = if status == Status::Undetermined {
            ctx.unknown_facts(index)
                .into_iter()
                .map(|f| &self.corpus.vocabulary.facts[f as usize])
                .collect()
        } else {
            Vec::new()
        };
        let questions = if brief {
            Vec::new()
        } else {
            open.iter().map(|f| f.question.as_str()).collect()
        };
        let open_facts = open.iter().map(|f| f.qualified.as_str()).collect();
        let derivation = traces.then(|| {
            let condition = version.condition.expr.trace(ctx, &names);
            let exceptions = if condition.result == Truth::False {
                Vec::new()
            } else {
                version
                    .exceptions
                    .iter()
                    .map(|e| {
                        let trace = e.condition.expr.trace(ctx, &names);
                        ExceptionTrace {
                            id: &e.id,
                            citation: &e.citation,
                            summary: &e.summary,
                            result: trace.result,
                            trace,
                        }
                    })
                    .collect()
            };
            let defeaters = self.defeated_by[index]
                .iter()
                .filter(|&&d| ctx.defeater_active(d))
                .map(|&d| {
                    let r = &self.corpus.rules[d];
                    DefeaterTrace {
                        rule: &r.id,
                        citation: r
                            .version_on(ctx.as_of)
                            .map(|v| v.citation.as_str())
                            .unwrap_or(""),
                        result: ctx.holds(d),
                    }
                })
                .collect();
            Derivation {
                condition,
                exceptions,
                defeaters,
            }
        });
        let until = end.map(|c| c.date);
        let cause = match timing {
            _ if brief => None,
            Status::Ended => end.cloned(),
            Status::Suspended => inst
                .suspension_on(ctx.as_of)
                .map(|e| cause_of(&self.corpus, &inst.id, e)),
            _ => None,
        };
        let penalty = version
            .effect
            .penalty()
            .and_then(|p| self.corpus.penalty(p))
            .map(|p| {
                let starts = p.applies_from.as_ref().map(|d| d.date);
                let enforceable_from = starts.map_or(version.applies_from.date, |d| {
                    d.max(version.applies_from.date)
                });
                PenaltyRef {
                    id: &p.id,
                    citation: &p.citation,
                    text: self.penalty_text(p, ctx),
                    summary: p.summary.trim(),
                    min_amount: p.min_amount,
                    max_amount: p.max_amount,
                    currency: p.currency.as_deref(),
                    max_turnover_percent: p.max_turnover_percent,
                    unit: p.unit,
                    each_day_separate_violation: p.each_day_separate_violation,
                    tiers: &p.tiers,
                    cure_period_days: p.cure_period_days,
                    enforced_by: &p.enforced_by,
                    private_right_of_action: p.private_right_of_action,
                    applies_from: starts,
                    enforceable_from,
                    enforceable: timing == Status::InEffect && enforceable_from <= ctx.as_of,
                    confidence: p.confidence,
                    note: p.note.as_deref(),
                    cap_variant: self.cap_variant(p, ctx),
                }
            });
        let history = if brief {
            Vec::new()
        } else {
            let mut h: Vec<&Cause> = self.histories[rule.instrument]
                .iter()
                .filter(|c| c.date <= ctx.as_of)
                .collect();
            if let Some(own) = end.filter(|c| c.date <= ctx.as_of) {
                if !h.iter().any(|c| c.date == own.date && c.kind == own.kind) {
                    h.push(own);
                    h.sort_by_key(|c| c.date);
                }
            }
            h
        };
        let challenges = inst
            .events
            .iter()
            .filter(|e| !brief && e.kind == EventKind::Challenged && e.date <= ctx.as_of)
            .map(|e| Challenge {
                event: e.id.as_str(),
                date: e.date,
                by: e.by.as_deref(),
                by_title: e
                    .by
                    .as_deref()
                    .and_then(|b| self.corpus.instrument(b))
                    .map(|i| i.short_title.as_str()),
                by_jurisdiction: e
                    .by
                    .as_deref()
                    .and_then(|b| self.corpus.instrument(b))
                    .map(|i| i.jurisdiction.as_str()),
                note: e.note.as_deref(),
            })
            .collect();
        let citation_items: Vec<&'a str> = version
            .cite_by
            .as_ref()
            .map(|c| {
                let has = |v: &str| match given_or_derived(ctx.facts, &ctx.derived, c.fact) {
                    Some(Value::Set(values)) => values.iter().any(|x| x == v),
                    Some(Value::Text(x)) => x == v,
                    _ => false,
                };
                c.items
                    .iter()
                    .filter(|i| has(&i.value))
                    .map(|i| i.citation.as_str())
                    .collect()
            })
            .unwrap_or_default();
        Some(Finding {
            challenges,
            rule: &rule.id,
            title: &rule.title,
            instrument: &inst.id,
            instrument_title: &inst.short_title,
            jurisdiction: &inst.jurisdiction,
            regime: &inst.regime,
            binding: inst.binding,
            proposed: inst.kind == crate::model::InstrumentKind::ProposedRule,
            status,
            timing: timing_of_undetermined,
            held: (status == Status::Ended).then_some(truth),
            tier: match &version.effect {
                Effect::Classification { tier, .. } => Some(tier),
                _ => None,
            },
            effect: &version.effect,
            roles: &rule.roles,
            citation: match citation_items.as_slice() {
                [one] => one,
                _ => &version.citation,
            },
            citation_items,
            url: rule.url.as_deref().unwrap_or(&inst.url),
            summary: &version.summary,
            applies_from: version.applies_from.date,
            applies_from_source: if brief {
                None
            } else {
                self.date_sources
                    .get(&(index, version.from.date))
                    .map(String::as_str)
            },
            until,
            cause,
            version: VersionInfo {
                from: version.from.date,
                amended_by: version.amended_by.as_deref(),
                change: version.change.as_deref(),
            },
            penalty,
            confidence: rule.confidence.min(inst.confidence),
            note: rule.note.as_deref(),
            instrument_note: inst.note.as_deref(),
            history,
            questions,
            open_facts,
            derivation,
        })
    }

    fn questions<'a>(&'a self, ctx: &Context<'a>, findings: &[Finding<'a>]) -> Vec<Question<'a>> {
        let mut qs: Vec<(FactId, Vec<&'a str>)> = Vec::new();
        for f in findings.iter().filter(|f| f.status == Status::Undetermined) {
            let Some(i) = self.corpus.rule_index(f.rule) else {
                continue;
            };
            for fact in ctx.unknown_facts(i) {
                match qs.iter_mut().find(|(id, _)| *id == fact) {
                    Some((_, rules)) => rules.push(f.rule),
                    None => qs.push((fact, vec![f.rule])),
                }
            }
        }
        // Most rules settled first; ties in vocabulary order, so the interview is stable.
        qs.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
        qs.into_iter()
            .map(|(id, rules)| {
                let def = &self.corpus.vocabulary.facts[id as usize];
                Question {
                    fact: &def.qualified,
                    question: &def.question,
                    ty: def.ty.name(),
                    allowed: def
                        .ty
                        .allowed_values()
                        .map(|v| v.iter().map(|e| e.id.as_str()).collect())
                        .unwrap_or_default(),
                    rules,
                }
            })
            .collect()
    }
}

/// `35000000` -> `35,000,000`: fines are read by people.
fn group_thousands(n: f64) -> String {
    if n.fract() != 0.0 || n.abs() >= 1e15 {
        return crate::value::format_number(n);
    }
    let digits = (n.abs() as u64).to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0.0 {
        out.insert(0, '-');
    }
    out
}

/// An amount with its currency: `USD 1,000,000`.
fn money(currency: Option<&str>, n: f64) -> String {
    format!("{} {}", currency.unwrap_or(""), group_thousands(n))
        .trim()
        .to_string()
}

/// A band of amounts in words: `up to USD 500`, `USD 500 to USD 1,500`, `at least USD 2,000`.
fn band(currency: Option<&str>, min: Option<f64>, max: Option<f64>) -> Option<String> {
    match (min, max) {
        (Some(lo), Some(hi)) if lo == hi => Some(money(currency, hi)),
        (Some(lo), Some(hi)) => Some(format!(
            "{} to {}",
            money(currency, lo),
            money(currency, hi)
        )),
        (None, Some(hi)) => Some(format!("up to {}", money(currency, hi))),
        (Some(lo), None) => Some(format!("at least {}", money(currency, lo))),
        (None, None) => None,
    }
}

/// A penalty in words, for an organization known to be an SME (`Some(true)`), known not to be one, or unknown:
/// amounts and what they are counted per, tiers, who enforces it, the private right of action, the cure period
/// and the date from which it can be imposed. Nothing the corpus records is left out.
fn penalty_text(p: &crate::model::Penalty, sme: Option<bool>) -> String {
    use crate::model::{CapRule, EnforcerKind};
    let cur = p.currency.as_deref();
    let unit = p
        .unit
        .map(|u| format!(" {}", u.words()))
        .unwrap_or_default();
    let amount = band(cur, p.min_amount, p.max_amount);
    let pct = p
        .max_turnover_percent
        .map(|x| format!("{x}% of worldwide annual turnover"));
    let cap = match (sme, p.sme_cap) {
        (Some(true), Some(c)) => c,
        _ => p.cap,
    };
    let mut both = match (amount, pct) {
        (Some(a), Some(b)) => {
            let a = a.strip_prefix("up to ").unwrap_or(&a).to_string();
            let unit = p
                .unit
                .map(|u| format!(", {}", u.words()))
                .unwrap_or_default();
            match cap {
                CapRule::HigherOf => Some(format!("up to {a} or {b}, whichever is higher{unit}")),
                CapRule::LowerOf => Some(format!("up to {a} or {b}, whichever is lower{unit}")),
            }
        }
        (Some(a), None) => Some(format!("{a}{unit}")),
        (None, Some(b)) => Some(format!("up to {b}{unit}")),
        (None, None) => None,
    };
    // Both caps written out once, whatever the organization.
    if let Some(b) = both.as_mut() {
        match (sme, p.sme_cap) {
            (Some(true), Some(_)) => b.push_str(" (SME rule applies)"),
            (None, Some(c)) if c != p.cap => b.push_str(&format!(
                "; for an SME, whichever is {}",
                if c == CapRule::LowerOf {
                    "lower"
                } else {
                    "higher"
                }
            )),
            _ => {}
        }
    }
    if p.each_day_separate_violation {
        if let Some(b) = both.as_mut() {
            b.push_str(", each day a separate violation");
        }
    }
    let mut parts: Vec<String> = Vec::new();
    let tiers: Vec<String> = p
        .tiers
        .iter()
        .filter_map(|t| {
            band(cur, t.min_amount, t.max_amount)
                .map(|a| format!("{}: {a} {}", t.label, t.unit.words()))
        })
        .collect();
    match (both, tiers.is_empty()) {
        (Some(b), true) => parts.push(b),
        (Some(b), false) => parts.push(format!("{b} ({})", tiers.join("; "))),
        (None, false) => {
            let mut t = tiers.join("; ");
            if p.each_day_separate_violation {
                t.push_str("; each day a separate violation");
            }
            parts.push(t)
        }
        (None, true) => parts.push(p.summary.trim().trim_end_matches('.').to_string()),
    }
    if !p.enforced_by.is_empty() {
        let names: Vec<&str> = p.enforced_by.iter().map(|e| e.name.as_str()).collect();
        let only = p.private_right_of_action == Some(false)
            && p.enforced_by.len() == 1
            && p.enforced_by[0].kind == EnforcerKind::AttorneyGeneral;
        parts.push(format!(
            "enforced by {}{}",
            names.join(", "),
            if only { " only" } else { "" }
        ));
    }
    match p.private_right_of_action {
        Some(true) => parts.push("private right of action".into()),
        Some(false) => parts.push("no private right of action".into()),
        None => {}
    }
    if let Some(d) = p.cure_period_days {
        parts.push(format!("{d}-day cure period after notice"));
    }
    if let Some(d) = &p.applies_from {
        parts.push(format!("can be imposed from {}", d.date));
    }
    parts.join("; ")
}

fn conflicts<'a>(findings: &[Finding<'a>]) -> Vec<Conflict<'a>> {
    let mut out: Vec<Conflict<'a>> = Vec::new();
    let live = findings.iter().filter(|f| {
        matches!(
            f.status,
            Status::InEffect | Status::Upcoming | Status::Suspended
        )
    });
    for f in live {
        if let Effect::Classification { regime, axis, tier } = f.effect {
            match out
                .iter_mut()
                .find(|c| c.regime == regime && c.axis == axis)
            {
                Some(c) => c.rules.push((f.rule, tier)),
                None => out.push(Conflict {
                    regime,
                    axis,
                    rules: vec![(f.rule, tier.as_str())],
                }),
            }
        }
    }
    out.retain(|c| {
        let first = &c.rules[0].1;
        c.rules.iter().any(|(_, t)| t != first)
    });
    out
}
