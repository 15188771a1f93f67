//! The corpus file format, as written by people: YAML documents deserialized strictly (unknown keys are errors).
//! See docs/corpus.md for the format with examples.

use serde::Deserialize;
use std::collections::BTreeMap;

/// `corpus/vocabulary/subjects.yaml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubjectsFile {
    pub subjects: Vec<RawSubject>,
    #[serde(default)]
    pub tiers: Vec<RawTier>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSubject {
    pub id: String,
    pub description: String,
    pub assessable: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTier {
    pub id: String,
    pub rank: u32,
    pub description: String,
}

/// `corpus/vocabulary/<subject>.yaml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactsFile {
    pub subject: String,
    pub facts: Vec<RawFact>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFact {
    pub name: String,
    #[serde(rename = "type")]
    pub ty: RawFactType,
    #[serde(default)]
    pub values: Vec<RawEnumValue>,
    pub unit: Option<String>,
    /// The smallest value a number fact can take (`min: 0` for counts and amounts).
    pub min: Option<f64>,
    /// The largest value a number fact can take (`max: 100` for a percentage).
    pub max: Option<f64>,
    pub description: String,
    pub question: String,
    /// Ways to compute the fact when a manifest does not give it.
    #[serde(default)]
    pub derive: Vec<RawDerivation>,
    /// A regions fact saying where the organization or subject is present (`markets_complete` bounds it).
    #[serde(default)]
    pub market: bool,
}

/// One alternative of a derived fact: `{ label, formula, citation }`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDerivation {
    pub label: String,
    pub formula: String,
    pub citation: Option<String>,
}

#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum RawFactType {
    Bool,
    Number,
    Date,
    Enum,
    Set,
    Regions,
    Text,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEnumValue {
    pub id: String,
    #[serde(default)]
    pub description: String,
}

/// `corpus/<jurisdiction>/<instrument>.yaml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InstrumentFile {
    pub instrument: RawInstrument,
    #[serde(default)]
    pub parameters: Vec<RawParameter>,
    #[serde(default)]
    pub penalties: Vec<RawPenalty>,
    #[serde(default)]
    pub rules: Vec<RawRule>,
    #[serde(default)]
    pub examples: Vec<RawExample>,
    /// The file's review records (docs/corpus.md, "Review records").
    #[serde(default)]
    pub review: Vec<RawReview>,
}

/// One review record of an instrument file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawReview {
    pub date: String,
    pub sources: Vec<String>,
    pub checked: String,
    pub changed: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawInstrument {
    pub id: String,
    pub jurisdiction: String,
    pub kind: aigov_core::model::InstrumentKind,
    pub title: String,
    pub short_title: String,
    pub citation: String,
    pub url: String,
    pub issuer: String,
    pub binding: bool,
    pub regime: Option<String>,
    pub summary: Option<String>,
    /// How sure the corpus is of the instrument's standing (e.g. `medium` while its status is unconfirmed).
    #[serde(default)]
    pub confidence: aigov_core::model::Confidence,
    /// Caveats every finding of the instrument carries (challenged in court, status unconfirmed, ...).
    pub note: Option<String>,
    #[serde(default)]
    pub events: Vec<RawEvent>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEvent {
    pub id: String,
    pub kind: aigov_core::model::EventKind,
    pub date: String,
    pub by: Option<String>,
    pub provisions: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawParameter {
    pub id: String,
    pub description: String,
    pub unit: Option<String>,
    pub values: Vec<RawParameterValue>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawParameterValue {
    pub from: String,
    pub value: aigov_core::manifest::Tree,
    pub citation: String,
}

/// A penalty provision (docs/corpus.md, "Penalties").
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPenalty {
    pub id: String,
    pub citation: String,
    pub summary: String,
    pub min_amount: Option<f64>,
    pub max_amount: Option<f64>,
    pub currency: Option<String>,
    pub max_turnover_percent: Option<f64>,
    pub unit: Option<aigov_core::model::PenaltyUnit>,
    #[serde(default)]
    pub each_day_separate_violation: bool,
    #[serde(default)]
    pub tiers: Vec<RawPenaltyTier>,
    /// Required when both a fixed amount and a turnover share are given; `higher_of` otherwise.
    pub cap: Option<aigov_core::model::CapRule>,
    pub sme_cap: Option<aigov_core::model::CapRule>,
    pub cure_period_days: Option<u32>,
    #[serde(default)]
    pub enforced_by: Vec<RawEnforcer>,
    pub private_right_of_action: Option<bool>,
    pub applies_from: Option<String>,
    #[serde(default)]
    pub confidence: aigov_core::model::Confidence,
    pub note: Option<String>,
}

/// One band of a tiered penalty: `{ label, min_amount, max_amount, unit }`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPenaltyTier {
    pub label: String,
    pub min_amount: Option<f64>,
    pub max_amount: Option<f64>,
    pub unit: aigov_core::model::PenaltyUnit,
}

/// `{ kind: attorney_general, name: Colorado Attorney General }`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEnforcer {
    pub kind: aigov_core::model::EnforcerKind,
    pub name: String,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawException {
    pub id: String,
    pub citation: String,
    pub summary: String,
    pub when: String,
}

/// Exactly one of the four fields must be given (checked by the loader). A struct rather than an enum, because
/// YAML libraries disagree on how externally tagged enums are written; a map with one key is what people write.
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawEffect {
    pub classification: Option<RawClassification>,
    pub obligation: Option<RawObligation>,
    pub prohibition: Option<RawProhibition>,
    pub exemption: Option<RawExemption>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawClassification {
    pub regime: String,
    #[serde(default = "default_axis")]
    pub axis: String,
    pub tier: String,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawObligation {
    pub duty: String,
    pub deadline: Option<RawDeadline>,
    pub penalty: Option<String>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawProhibition {
    pub practice: String,
    pub penalty: Option<String>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawExemption {
    pub relief: String,
    pub from: Vec<String>,
}

fn default_axis() -> String {
    "risk".into()
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawDeadline {
    pub within_days: Option<u32>,
    pub within_hours: Option<u32>,
    pub after: Option<String>,
    pub by: Option<String>,
    pub text: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRule {
    pub id: String,
    pub title: String,
    pub citation: String,
    pub url: Option<String>,
    pub subject: String,
    #[serde(default)]
    pub roles: Vec<String>,
    pub summary: String,
    pub when: Option<String>,
    #[serde(default)]
    pub unless: Vec<RawException>,
    pub effect: RawEffect,
    pub applies_from: String,
    pub from: Option<String>,
    pub until: Option<String>,
    #[serde(default)]
    pub overrides: Vec<String>,
    #[serde(default)]
    pub confidence: aigov_core::model::Confidence,
    pub note: Option<String>,
    pub cite_by: Option<RawCiteBy>,
    #[serde(default)]
    pub versions: Vec<RawVersion>,
}

/// `cite_by: { fact: ai_system.annex1_legislation, items: [{ value: toys, citation: "..." }] }`: a citation per
/// value of a set or enum fact.
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawCiteBy {
    pub fact: String,
    pub items: Vec<RawCiteItem>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawCiteItem {
    pub value: String,
    pub citation: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawVersion {
    pub from: String,
    pub amended_by: Option<String>,
    pub change: Option<String>,
    pub applies_from: Option<String>,
    pub when: Option<String>,
    pub unless: Option<Vec<RawException>>,
    pub summary: Option<String>,
    pub effect: Option<RawEffect>,
    pub citation: Option<String>,
    pub cite_by: Option<RawCiteBy>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawExample {
    pub name: String,
    pub as_of: String,
    pub manifest: aigov_core::manifest::Tree,
    pub expect: BTreeMap<String, String>,
}
