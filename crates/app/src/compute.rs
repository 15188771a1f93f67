//! `aigov compute`: training compute of a model, given or estimated (6·N·D, or from the hardware), with the
//! arithmetic, set against every compute threshold of the corpus as of a date.
//!
//! The estimate is the vocabulary's own derivation of `model.training_compute_flop` (corpus/vocabulary/model.yaml),
//! so this command and every assessment compute it the same way.

use crate::report::json;
use crate::OutputFormat;
use aigov_core::assess::{Context, CorpusNames, Engine};
use aigov_core::manifest::Facts;
use aigov_core::model::EventKind;
use aigov_core::value::{format_number, Value};
use aigov_core::Date;
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
    /// The instrument's standing on the date: "in force", "revoked 2025-01-20 (EO 14148)", ...
    pub standing: String,
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
        });
    }
    // Every alternative whose inputs are known, so that two methods can be compared.
    for d in def.map(|d| d.derive.as_slice()).unwrap_or_default() {
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
        thresholds.push(Threshold {
            parameter: p.id.clone(),
            description: p.description.trim().to_string(),
            instrument: inst.short_title.clone(),
            value: threshold,
            citation: value.citation.clone(),
            standing: standing(engine, inst, as_of),
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

/// An instrument's standing on a date, in words.
fn standing(engine: &Engine, inst: &aigov_core::model::Instrument, as_of: Date) -> String {
    let by = |e: &aigov_core::model::LifecycleEvent| {
        e.by.as_deref()
            .and_then(|b| engine.corpus.instrument(b))
            .map(|i| format!(" by {}", i.short_title))
            .unwrap_or_default()
    };
    if let Some(t) = inst.termination().filter(|t| t.date <= as_of) {
        return format!("{} {}{}", t.kind.verb(), t.date, by(t));
    }
    if let Some(s) = inst.suspension_on(as_of) {
        return format!("{} since {}{}", s.kind.verb(), s.date, by(s));
    }
    if inst.kind == aigov_core::model::InstrumentKind::ProposedRule {
        return match inst.events.iter().find(|e| e.kind == EventKind::Proposed) {
            Some(e) if e.date <= as_of => format!("proposed {}, not law", e.date),
            _ => "not proposed yet".into(),
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
            (_, false) => return "not yet law".into(),
            (Some(d), true) if enters.is_some() => return format!("enacted; in force from {d}"),
            (Some(d), true) => return format!("enacted; applies from {d}"),
            (None, true) => {}
        }
    }
    if inst.binding {
        "in force".into()
    } else {
        "in force (non-binding)".into()
    }
}

/// Renders the report.
pub fn render(r: &Report, format: OutputFormat) -> String {
    if format == OutputFormat::Json {
        return json("compute", r);
    }
    let md = format == OutputFormat::Markdown;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}Training compute as of {}",
        if md { "# " } else { "" },
        r.as_of
    );
    if r.estimates.is_empty() {
        let _ = writeln!(
            out,
            "\nNot enough inputs: give --flop, or --parameters and --tokens (6·N·D), or --accelerators, \
             --peak-flops, --utilization and --days."
        );
    }
    for e in &r.estimates {
        let _ = writeln!(
            out,
            "\n{}{}{}: {} FLOP",
            if md { "- " } else { "  " },
            e.method,
            if e.used && r.estimates.len() > 1 {
                " (used)"
            } else {
                ""
            },
            format_number(e.flop)
        );
        if let Some(a) = &e.arithmetic {
            let _ = writeln!(out, "      {a}");
        }
        if let Some(c) = &e.citation {
            let _ = writeln!(out, "      method: {}", c.trim());
        }
    }
    let _ = writeln!(
        out,
        "\n{}Thresholds in the corpus on {}",
        if md { "## " } else { "" },
        r.as_of
    );
    if md {
        let _ = writeln!(
            out,
            "\n| threshold | instrument | standing | reached | parameter |\n|---|---|---|---|---|"
        );
    }
    for t in &r.thresholds {
        let reached = match t.reached {
            Some(true) => "AT/ABOVE",
            Some(false) => "below",
            None => "unknown",
        };
        if md {
            let _ = writeln!(
                out,
                "| {} ({}) | {} | {} | {reached} | `{}` |",
                format_number(t.value),
                t.citation,
                t.instrument,
                t.standing,
                t.parameter
            );
        } else {
            let _ = writeln!(
                out,
                "  {:>8}  {:<8}  {} ({}) — {}\n            {}",
                format_number(t.value),
                reached,
                t.instrument,
                t.citation,
                t.standing,
                t.description
            );
        }
    }
    out
}
