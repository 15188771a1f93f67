//! `aigov compute`: training compute of a model, given or estimated (6·N·D, or from the hardware), with the
//! arithmetic, set against every compute threshold of the corpus as of a date.
//!
//! The estimate is the vocabulary's own derivation of `model.training_compute_flop` (corpus/vocabulary/model.yaml),
//! so this command and every assessment compute it the same way.

use crate::i18n::{Arg, Lang};
use crate::localize;
use crate::report::json;
use crate::OutputFormat;
use aigov_core::assess::{Context, CorpusNames, Engine};
use aigov_core::manifest::Facts;
use aigov_core::model::EventKind;
use aigov_core::value::{format_number, Value};
use aigov_core::Date;
use aigov_corpus::Texts;
use serde::Serialize;
use std::fmt::Write as _;

/// The fact that holds training compute.
pub const COMPUTE_FACT: &str = "model.training_compute_flop";

/// The inputs of `aigov compute`, as flags; each, when given, overrides the manifest's fact.
#[derive(Debug, Default, Clone)]
pub struct Inputs {
    /// `model.training_compute_flop`.
    pub flop: Option<f64>,
    /// `model.parameters_count`.
    pub parameters: Option<f64>,
    /// `model.training_tokens`.
    pub tokens: Option<f64>,
    /// `model.training_accelerators`.
    pub accelerators: Option<f64>,
    /// `model.accelerator_peak_flop_per_s`.
    pub peak_flops: Option<f64>,
    /// `model.hardware_utilization`.
    pub utilization: Option<f64>,
    /// `model.training_days`.
    pub days: Option<f64>,
}

impl Inputs {
    /// Sets the given inputs on the facts; an error names a flag whose fact the corpus lacks.
    pub fn apply(&self, facts: &mut Facts, engine: &Engine) -> Result<(), String> {
        let v = &engine.corpus.vocabulary;
        for (name, value) in [
            ("training_compute_flop", self.flop),
            ("parameters_count", self.parameters),
            ("training_tokens", self.tokens),
            ("training_accelerators", self.accelerators),
            ("accelerator_peak_flop_per_s", self.peak_flops),
            ("hardware_utilization", self.utilization),
            ("training_days", self.days),
        ] {
            let Some(value) = value else { continue };
            let fact = v
                .fact("model", name)
                .ok_or_else(|| format!("the corpus has no fact `model.{name}`"))?;
            facts.set(fact.id, Some(Value::Number(value)));
        }
        Ok(())
    }
}

/// One way the compute was obtained.
#[derive(Debug, Serialize)]
pub struct Estimate {
    /// "given", or the derivation's label.
    pub method: String,
    /// The value in operations.
    pub flop: f64,
    /// The arithmetic, for estimates.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub arithmetic: Option<String>,
    /// Where the method comes from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub citation: Option<String>,
    /// Whether this is the value the rules use (the given value, else the first estimate).
    pub used: bool,
    /// The index of the fact's `derive:` alternative (none for the given value), to find its translation.
    #[serde(skip)]
    pub alternative: Option<usize>,
}

/// A compute threshold of the corpus on the date.
#[derive(Debug, Serialize)]
pub struct Threshold {
    /// The parameter id.
    pub parameter: String,
    /// What it is.
    pub description: String,
    /// The instrument.
    pub instrument: String,
    /// The threshold value on the date.
    pub value: f64,
    /// Where the law sets it.
    pub citation: String,
    /// The instrument's id.
    #[serde(skip)]
    pub instrument_id: String,
    /// The instrument's standing on the date: "in force", "revoked 2025-01-20 (EO 14148)", ...
    pub standing: String,
    /// The standing, for rendering it in another language.
    #[serde(skip)]
    pub standing_of: Standing,
    /// Whether the compute meets or exceeds it (`None` when the compute is unknown).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reached: Option<bool>,
}

/// The result of `aigov compute`.
#[derive(Debug, Serialize)]
pub struct Report {
    /// The date.
    pub as_of: Date,
    /// Every way the compute could be obtained from the inputs.
    pub estimates: Vec<Estimate>,
    /// The value the rules use, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub flop: Option<f64>,
    /// The thresholds on the date.
    pub thresholds: Vec<Threshold>,
}

/// Computes the report.
pub fn compute(engine: &Engine, facts: &Facts, as_of: Date) -> Report {
    let corpus = &engine.corpus;
    let ctx = Context::new(engine, facts, as_of);
    let names = CorpusNames(corpus);
    let mut estimates = Vec::new();
    let def = corpus.vocabulary.fact_qualified(COMPUTE_FACT);
    let given = def.and_then(|d| facts.get(d.id)).and_then(|v| match v {
        Value::Number(n) => Some(*n),
        _ => None,
    });
    if let Some(n) = given {
        estimates.push(Estimate {
            method: "given".into(),
            flop: n,
            arithmetic: None,
            citation: None,
            used: true,
            alternative: None,
        });
    }
    // Every alternative whose inputs are known, so that two methods can be compared.
    for (i, d) in def
        .map(|d| d.derive.as_slice())
        .unwrap_or_default()
        .iter()
        .enumerate()
    {
        if let Some(n) = d.formula.expr.number(&ctx) {
            let used = estimates.iter().all(|e| !e.used);
            estimates.push(Estimate {
                method: d.label.clone(),
                flop: n,
                arithmetic: Some(format!(
                    "{} = {}",
                    d.formula.expr.render_values(&ctx, &names),
                    format_number(n)
                )),
                citation: d.citation.clone(),
                used,
                alternative: Some(i),
            });
        }
    }
    let flop = estimates.iter().find(|e| e.used).map(|e| e.flop);
    let mut thresholds = Vec::new();
    for p in &corpus.parameters {
        let unit = p.unit.as_deref().unwrap_or("");
        if !matches!(unit, "FLOP" | "operations") {
            continue;
        }
        let Some(value) = p.value_on(as_of) else {
            continue;
        };
        let Value::Number(threshold) = value.value else {
            continue;
        };
        let inst_id = p.id.split('.').next().unwrap_or("");
        let Some(inst) = corpus.instrument(inst_id) else {
            continue;
        };
        let standing_of = standing(engine, inst, as_of);
        thresholds.push(Threshold {
            parameter: p.id.clone(),
            description: p.description.trim().to_string(),
            instrument: inst.short_title.clone(),
            instrument_id: inst.id.clone(),
            value: threshold,
            citation: value.citation.clone(),
            standing: standing_of.words(Lang::En, None),
            standing_of,
            reached: flop.map(|f| f >= threshold),
        });
    }
    thresholds.sort_by(|a, b| {
        a.value
            .total_cmp(&b.value)
            .then(a.parameter.cmp(&b.parameter))
    });
    Report {
        as_of,
        estimates,
        flop,
        thresholds,
    }
}

/// The instrument that ended or suspended another: its id and English short title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct By {
    /// The instrument's id.
    pub id: String,
    /// Its English short title.
    pub title: String,
}

/// An instrument's standing on a date.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Standing {
    /// Revoked, repealed, expired, ... on a date (by another instrument).
    Ended(EventKind, Date, Option<By>),
    /// Stayed or not enforced since a date (by another instrument).
    Suspended(EventKind, Date, Option<By>),
    /// A proposed rule, proposed on a date.
    Proposed(Date),
    /// A proposed rule not proposed yet on the date.
    NotProposed,
    /// Not adopted, signed or published yet.
    NotYetLaw,
    /// Enacted; enters into force on a later date.
    EnactedInForceFrom(Date),
    /// Enacted; applies from a later date.
    EnactedAppliesFrom(Date),
    /// In force and binding.
    #[default]
    InForce,
    /// In force, not binding.
    InForceNonBinding,
}

impl Standing {
    /// The standing in words in `lang`, the other instrument's short title from the corpus's translations
    /// (`texts`) where it has one. In English the event verbs are the engine's own.
    pub fn words(&self, lang: Lang, texts: Option<&Texts>) -> String {
        let date = |d: &Date| lang.date(*d);
        let event = |id: &str, kind: &EventKind, d: &Date, by: &Option<By>| {
            let verb = if lang == Lang::En {
                kind.verb().to_string()
            } else {
                localize::event_verb(lang, *kind, by.is_some())
            };
            match by {
                Some(b) => {
                    let title = texts.and_then(|t| t.short_title(&b.id)).unwrap_or(&b.title);
                    lang.ta(
                        &format!("{id}-by"),
                        &[
                            ("verb", Arg::Str(&verb)),
                            ("date", Arg::Str(&date(d))),
                            ("by", Arg::Str(title)),
                        ],
                    )
                }
                None => lang.ta(
                    id,
                    &[("verb", Arg::Str(&verb)), ("date", Arg::Str(&date(d)))],
                ),
            }
        };
        let on = |id: &str, d: &Date| lang.ta(id, &[("date", Arg::Str(&date(d)))]);
        match self {
            Standing::Ended(k, d, by) => event("compute-standing-ended", k, d, by),
            Standing::Suspended(k, d, by) => event("compute-standing-since", k, d, by),
            Standing::Proposed(d) => on("compute-standing-proposed", d),
            Standing::NotProposed => lang.t("compute-standing-not-proposed"),
            Standing::NotYetLaw => lang.t("compute-standing-not-yet-law"),
            Standing::EnactedInForceFrom(d) => on("compute-standing-enacted-in-force-from", d),
            Standing::EnactedAppliesFrom(d) => on("compute-standing-enacted-applies-from", d),
            Standing::InForce => lang.t("compute-standing-in-force"),
            Standing::InForceNonBinding => lang.t("compute-standing-in-force-non-binding"),
        }
    }
}

/// An instrument's standing on a date.
fn standing(engine: &Engine, inst: &aigov_core::model::Instrument, as_of: Date) -> Standing {
    let by = |e: &aigov_core::model::LifecycleEvent| {
        e.by.as_deref()
            .and_then(|b| engine.corpus.instrument(b))
            .map(|i| By {
                id: i.id.clone(),
                title: i.short_title.clone(),
            })
    };
    if let Some(t) = inst.termination().filter(|t| t.date <= as_of) {
        return Standing::Ended(t.kind, t.date, by(t));
    }
    if let Some(s) = inst.suspension_on(as_of) {
        return Standing::Suspended(s.kind, s.date, by(s));
    }
    if inst.kind == aigov_core::model::InstrumentKind::ProposedRule {
        return match inst.events.iter().find(|e| e.kind == EventKind::Proposed) {
            Some(e) if e.date <= as_of => Standing::Proposed(e.date),
            _ => Standing::NotProposed,
        };
    }
    let in_force = |pick: EventKind| -> (bool, Option<Date>) {
        let mut events = inst.events.iter().filter(|e| e.kind == pick);
        let past = events.clone().any(|e| e.date <= as_of);
        (past, events.find(|e| e.date > as_of).map(|e| e.date))
    };
    let (entered, enters) = in_force(EventKind::EnteredIntoForce);
    let (applied, applies) = in_force(EventKind::AppliesFrom);
    let enacted = inst.events.iter().any(|e| {
        e.date <= as_of
            && matches!(
                e.kind,
                EventKind::Adopted | EventKind::Signed | EventKind::Published
            )
    });
    // An instrument with no entry-into-force or application date of its own (an executive order) takes effect
    // when it is signed or adopted.
    if !entered && !applied {
        match (enters.or(applies), enacted) {
            (_, false) => return Standing::NotYetLaw,
            (Some(d), true) if enters.is_some() => return Standing::EnactedInForceFrom(d),
            (Some(d), true) => return Standing::EnactedAppliesFrom(d),
            (None, true) => {}
        }
    }
    if inst.binding {
        Standing::InForce
    } else {
        Standing::InForceNonBinding
    }
}

/// Renders the report.
pub fn render(r: &Report, format: OutputFormat) -> String {
    render_in(r, format, Lang::En, None)
}

/// The display width of `s` in a terminal: wide (CJK) characters take two columns.
fn width(s: &str) -> usize {
    s.chars().map(|c| if c >= '\u{1100}' { 2 } else { 1 }).sum()
}

/// [`render`] in `lang`: aigov's words from the message files, the instruments' short titles, the methods and
/// their sources from the corpus's translations (`texts`) where it has them, and citations as the language
/// writes them; the thresholds' descriptions from the translations' `parameters:`. JSON stays language-neutral.
pub fn render_in(r: &Report, format: OutputFormat, lang: Lang, texts: Option<&Texts>) -> String {
    if format == OutputFormat::Json {
        return json("compute", r);
    }
    let texts = texts.filter(|_| lang != Lang::En);
    let md = format == OutputFormat::Markdown;
    let date = lang.date(r.as_of);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}{}",
        if md { "# " } else { "" },
        lang.ta("compute-title", &[("date", Arg::Str(&date))])
    );
    if r.estimates.is_empty() {
        let _ = writeln!(out, "\n{}", lang.t("compute-not-enough"));
    }
    for e in &r.estimates {
        let given = lang.t("compute-given");
        let (method, citation) = match e.alternative {
            Some(i) => {
                localize::derivation(COMPUTE_FACT, i, &e.method, e.citation.as_deref(), texts)
            }
            // The given value's method is `given` in English.
            None if lang == Lang::En => (e.method.as_str(), e.citation.as_deref()),
            None => (given.as_str(), e.citation.as_deref()),
        };
        let _ = writeln!(
            out,
            "\n{}{}",
            if md { "- " } else { "  " },
            lang.ta(
                if e.used && r.estimates.len() > 1 {
                    "compute-estimate-used"
                } else {
                    "compute-estimate"
                },
                &[
                    ("method", Arg::Str(method)),
                    ("flop", Arg::Str(&format_number(e.flop))),
                ],
            )
        );
        if let Some(a) = &e.arithmetic {
            let _ = writeln!(out, "      {a}");
        }
        if let Some(c) = citation {
            let _ = writeln!(
                out,
                "      {}",
                lang.ta("compute-method", &[("source", Arg::Str(c.trim()))])
            );
        }
    }
    let _ = writeln!(
        out,
        "\n{}{}",
        if md { "## " } else { "" },
        lang.ta("compute-thresholds", &[("date", Arg::Str(&date))])
    );
    if md {
        let _ = writeln!(
            out,
            "\n{}\n|---|---|---|---|---|",
            lang.t("compute-table-header")
        );
    }
    for t in &r.thresholds {
        let reached = lang.t(match t.reached {
            Some(true) => "compute-reached",
            Some(false) => "compute-below",
            None => "compute-unknown",
        });
        let instrument = texts
            .and_then(|x| x.short_title(&t.instrument_id))
            .unwrap_or(&t.instrument);
        let citation = localize::citation(lang, &t.citation);
        let description = texts
            .and_then(|x| x.parameter(&t.parameter))
            .unwrap_or(&t.description);
        let standing = if lang == Lang::En {
            t.standing.clone()
        } else {
            t.standing_of.words(lang, texts)
        };
        if md {
            let _ = writeln!(
                out,
                "| {} ({}) | {} | {} | {reached} | `{}` |",
                format_number(t.value),
                citation,
                instrument,
                standing,
                t.parameter
            );
        } else {
            let pad = " ".repeat(8usize.saturating_sub(width(&reached)));
            let _ = writeln!(
                out,
                "  {:>8}  {reached}{pad}  {} ({}) — {}\n            {}",
                format_number(t.value),
                instrument,
                citation,
                standing,
                description.trim()
            );
        }
    }
    out
}
