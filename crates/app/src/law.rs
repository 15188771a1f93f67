//! The law as a reader browses it: the instruments with their lifecycles (filtered by jurisdiction), and one
//! instrument's rules with every version's condition as a readable tree (each test names the fact's question and
//! the answer that satisfies it, rather than raw CEL), its exceptions and the links to the primary sources. The
//! web app's corpus pages call these; the words around the tree ("all of", "yes") are the front end's, so the
//! answers stay language-neutral apart from the corpus's own translated questions and titles.

use crate::AppError;
use aigov_core::assess::CorpusNames;
use aigov_core::condition::{CmpOp, Expr};
use aigov_core::model::{Corpus, Effect, EventKind};
use aigov_core::value::Value;
use aigov_core::Date;
use aigov_corpus::Texts;
use serde::Serialize;

/// One dated event in an instrument's lifecycle.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventView {
    /// When.
    pub date: Date,
    /// What happened (`entered_into_force`, `stayed`, ...).
    pub kind: EventKind,
    /// The event in English words ("entered into force").
    pub verb: &'static str,
    /// The instrument that caused it (amending, revoking, staying), if the corpus has it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// That instrument's short title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by_title: Option<String>,
    /// The provisions concerned, if not all.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provisions: Option<String>,
    /// The corpus authors' note.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// An instrument with its lifecycle.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InstrumentView {
    /// Its id (`eu_ai_act`).
    pub id: String,
    /// Jurisdiction (`EU`, `US`, `US-CA`, `CN`).
    pub jurisdiction: String,
    /// The kind (`regulation`, `statute`, ...).
    pub kind: String,
    /// Full title.
    pub title: String,
    /// Short title (translated when the corpus has a translation).
    pub short_title: String,
    /// Official citation.
    pub citation: String,
    /// The primary source.
    pub url: String,
    /// Who issued it.
    pub issuer: String,
    /// Whether it binds anyone (guidance and plans do not).
    pub binding: bool,
    /// Its regime heading.
    pub regime: String,
    /// Its summary.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// Its lifecycle, by date.
    pub events: Vec<EventView>,
    /// How many rules the corpus has for it.
    pub rules: usize,
}

/// One test of a readable condition: a fact's question and the answer that satisfies it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Test {
    /// A yes/no fact answered yes (or no, when `expected` is false).
    Is {
        /// The expected answer.
        expected: bool,
    },
    /// A comparison with a value (`≥ 1e25`, `= "provider"`).
    Compare {
        /// The comparison as a symbol (`=`, `≠`, `<`, `≤`, `>`, `≥`).
        op: &'static str,
        /// The value compared with, printed.
        value: String,
    },
    /// A set fact includes a value.
    Includes {
        /// The value.
        value: String,
    },
    /// A set fact includes at least one of the values.
    IncludesAny {
        /// The values.
        values: Vec<String>,
    },
    /// A set fact includes every value.
    IncludesAll {
        /// The values.
        values: Vec<String>,
    },
    /// A single-valued fact is one of the values.
    OneOf {
        /// The values.
        values: Vec<String>,
    },
    /// The fact is answered, whatever the answer.
    Known,
}

/// A condition as a tree a person can read: `all` / `any` / `not` nodes over tests of facts, references to other
/// rules, and (for what has no plainer form, such as arithmetic) the expression as written.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "node", rename_all = "snake_case")]
pub enum Readable {
    /// Every child holds.
    All {
        /// The children.
        children: Vec<Readable>,
    },
    /// At least one child holds.
    Any {
        /// The children.
        children: Vec<Readable>,
    },
    /// The child does not hold.
    Not {
        /// The child.
        child: Box<Readable>,
    },
    /// A test of one fact.
    Fact {
        /// The fact (`item.tpp`).
        fact: String,
        /// The question that asks a person for it (translated when the corpus has a translation).
        question: String,
        /// The unit of a number fact.
        #[serde(skip_serializing_if = "Option::is_none")]
        unit: Option<String>,
        /// The test.
        test: Test,
    },
    /// Another rule's condition holds.
    Rule {
        /// The rule's id.
        rule: String,
        /// Its title.
        title: String,
    },
    /// Always true (a rule with no condition).
    Always,
    /// An expression with no plainer form, as written.
    Expression {
        /// The expression in CEL.
        cel: String,
    },
}

/// An exception of a rule version.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExceptionView {
    /// Its id.
    pub id: String,
    /// Its citation.
    pub citation: String,
    /// What it excepts.
    pub summary: String,
    /// When it applies.
    pub condition: Readable,
}

/// One version of a rule.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VersionView {
    /// In force from.
    pub from: Date,
    /// Applies from.
    pub applies_from: Date,
    /// The amending instrument, for versions after the first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amended_by: Option<String>,
    /// What changed, in words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change: Option<String>,
    /// Its summary.
    pub summary: String,
    /// `classification`, `obligation`, `prohibition` or `exemption`.
    pub effect_kind: &'static str,
    /// What it concludes, in words (tier, duty, practice or relief).
    pub effect: String,
    /// Its citation.
    pub citation: String,
    /// Its condition, readable.
    pub condition: Readable,
    /// Its condition as written in the corpus (CEL).
    pub condition_source: String,
    /// Its exceptions.
    pub exceptions: Vec<ExceptionView>,
}

/// A rule with its versions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleView {
    /// Its id.
    pub id: String,
    /// Its title (translated when the corpus has a translation).
    pub title: String,
    /// The subject kind it addresses.
    pub subject: String,
    /// The roles it addresses (empty: any).
    pub roles: Vec<String>,
    /// A deep link to its provision, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// When it stops applying, if known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<Date>,
    /// Its versions, oldest first.
    pub versions: Vec<VersionView>,
    /// The corpus authors' note.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One instrument with its rules.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InstrumentDetail {
    /// The instrument and its lifecycle.
    pub instrument: InstrumentView,
    /// The corpus authors' note on it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Its rules, in corpus order.
    pub rules: Vec<RuleView>,
}

/// The jurisdictions with instruments in the corpus, sorted.
pub fn jurisdictions(corpus: &Corpus) -> Vec<String> {
    let mut v: Vec<String> = corpus
        .instruments
        .iter()
        .map(|i| i.jurisdiction.clone())
        .collect();
    v.sort();
    v.dedup();
    v
}

/// The instruments of the corpus with their lifecycles, by jurisdiction then title; only those of
/// `jurisdiction` (and its sub-jurisdictions: `US` takes `US-CA`) when given. An unknown jurisdiction is an
/// error naming the known ones.
pub fn instruments(
    corpus: &Corpus,
    jurisdiction: Option<&str>,
    texts: Option<&Texts>,
) -> Result<Vec<InstrumentView>, AppError> {
    let wanted = jurisdiction.map(str::trim).filter(|j| !j.is_empty());
    if let Some(j) = wanted {
        let known = jurisdictions(corpus);
        if !known.iter().any(|k| within(k, j)) {
            return Err(AppError::invalid(
                format!("the corpus has no instrument of jurisdiction `{j}`"),
                format!("choose one of {}", known.join(", ")),
            ));
        }
    }
    let mut v: Vec<InstrumentView> = corpus
        .instruments
        .iter()
        .enumerate()
        .filter(|(_, i)| wanted.is_none_or(|j| within(&i.jurisdiction, j)))
        .filter_map(|(n, _)| view(corpus, n, texts))
        .collect();
    v.sort_by(|a, b| {
        (&a.jurisdiction, &a.short_title, &a.id).cmp(&(&b.jurisdiction, &b.short_title, &b.id))
    });
    Ok(v)
}

/// Whether jurisdiction `j` is `filter` or one of its sub-jurisdictions (`US-CA` within `US`).
fn within(j: &str, filter: &str) -> bool {
    j.eq_ignore_ascii_case(filter)
        || (j.len() > filter.len()
            && j.get(..filter.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(filter))
            && j.as_bytes().get(filter.len()) == Some(&b'-'))
}

fn view(corpus: &Corpus, n: usize, texts: Option<&Texts>) -> Option<InstrumentView> {
    let i = corpus.instruments.get(n)?;
    let mut events: Vec<EventView> = i
        .events
        .iter()
        .map(|e| EventView {
            date: e.date,
            kind: e.kind,
            verb: e.kind.verb(),
            by_title: e.by.as_deref().and_then(|b| {
                texts
                    .and_then(|t| t.short_title(b))
                    .map(str::to_string)
                    .or_else(|| {
                        corpus
                            .instruments
                            .iter()
                            .find(|x| x.id == b)
                            .map(|x| x.short_title.clone())
                    })
            }),
            by: e.by.clone(),
            provisions: texts
                .and_then(|t| t.event_provisions(&i.id, &e.id))
                .map(str::to_string)
                .or_else(|| e.provisions.clone()),
            note: e.note.clone(),
        })
        .collect();
    events.sort_by_key(|e| e.date);
    Some(InstrumentView {
        id: i.id.clone(),
        jurisdiction: i.jurisdiction.clone(),
        kind: serde_json::to_value(i.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default(),
        title: i.title.clone(),
        short_title: texts
            .and_then(|t| t.short_title(&i.id))
            .unwrap_or(&i.short_title)
            .to_string(),
        citation: i.citation.clone(),
        url: i.url.clone(),
        issuer: i.issuer.clone(),
        binding: i.binding,
        regime: texts
            .and_then(|t| t.regime(&i.regime))
            .unwrap_or(&i.regime)
            .to_string(),
        summary: i.summary.clone(),
        events,
        rules: corpus.rules.iter().filter(|r| r.instrument == n).count(),
    })
}

/// One instrument with its rules and their readable conditions; `None` when the corpus has no instrument `id`.
pub fn instrument(corpus: &Corpus, id: &str, texts: Option<&Texts>) -> Option<InstrumentDetail> {
    let n = corpus.instruments.iter().position(|i| i.id == id)?;
    let inst = corpus.instruments.get(n)?;
    let rules = corpus
        .rules
        .iter()
        .filter(|r| r.instrument == n)
        .map(|r| RuleView {
            id: r.id.clone(),
            title: texts
                .and_then(|t| t.rule_title(&r.id))
                .unwrap_or(&r.title)
                .to_string(),
            subject: r.subject.clone(),
            roles: r.roles.clone(),
            url: r.url.clone(),
            until: r.until.as_ref().map(|u| u.date),
            versions: r
                .versions
                .iter()
                .map(|v| VersionView {
                    from: v.from.date,
                    applies_from: v.applies_from.date,
                    amended_by: v.amended_by.clone(),
                    change: v.change.clone(),
                    summary: v.summary.clone(),
                    effect_kind: v.effect.kind(),
                    effect: effect_text(&v.effect),
                    citation: v.citation.clone(),
                    condition: readable(corpus, &v.condition.expr, texts),
                    condition_source: v.condition.source.clone(),
                    exceptions: v
                        .exceptions
                        .iter()
                        .map(|x| ExceptionView {
                            id: x.id.clone(),
                            citation: x.citation.clone(),
                            summary: x.summary.clone(),
                            condition: readable(corpus, &x.condition.expr, texts),
                        })
                        .collect(),
                })
                .collect(),
            note: crate::localize::rule_note(&r.id, r.note.as_deref(), texts).map(str::to_string),
        })
        .collect();
    Some(InstrumentDetail {
        instrument: view(corpus, n, texts)?,
        note: crate::localize::instrument_note(&inst.id, inst.note.as_deref(), texts)
            .map(str::to_string),
        rules,
    })
}

/// The instrument ids closest to `id`, for "did you mean".
pub fn suggest(corpus: &Corpus, id: &str) -> Option<String> {
    aigov_core::vocabulary::did_you_mean(id, corpus.instruments.iter().map(|i| i.id.as_str()))
}

fn effect_text(e: &Effect) -> String {
    match e {
        Effect::Classification { regime, tier, .. }
            if tier.starts_with("eccn_") || tier.starts_with("sec232_") =>
        {
            format!("{regime}: {}", crate::chips::tier_label(tier))
        }
        Effect::Classification { regime, tier, .. } => {
            format!("{regime}: {}", tier.replace('_', " "))
        }
        Effect::Obligation { duty, .. } => duty.trim().to_string(),
        Effect::Prohibition { practice, .. } => practice.trim().to_string(),
        Effect::Exemption { relief, .. } => relief.trim().to_string(),
    }
}

/// A condition as a readable tree.
pub fn readable(corpus: &Corpus, e: &Expr, texts: Option<&Texts>) -> Readable {
    let r = |e: &Expr| readable(corpus, e, texts);
    match e {
        Expr::Lit(Value::Bool(true)) => Readable::Always,
        Expr::And(v) => Readable::All {
            children: v.iter().map(r).collect(),
        },
        Expr::Or(v) => Readable::Any {
            children: v.iter().map(r).collect(),
        },
        Expr::Bits { form, .. } => r(form),
        Expr::Not(inner) => match inner.as_ref() {
            Expr::Fact(id) if is_bool(corpus, *id) => {
                fact(corpus, *id, Test::Is { expected: false }, texts)
            }
            other => Readable::Not {
                child: Box::new(r(other)),
            },
        },
        Expr::Fact(id) if is_bool(corpus, *id) => {
            fact(corpus, *id, Test::Is { expected: true }, texts)
        }
        Expr::Known(id) => fact(corpus, *id, Test::Known, texts),
        Expr::Rule(i) => match corpus.rules.get(*i) {
            Some(rule) => Readable::Rule {
                rule: rule.id.clone(),
                title: texts
                    .and_then(|t| t.rule_title(&rule.id))
                    .unwrap_or(&rule.title)
                    .to_string(),
            },
            None => cel(corpus, e),
        },
        Expr::Cmp(op, a, b) => match (a.as_ref(), b.as_ref()) {
            (Expr::Fact(id), other) if operand(corpus, other, texts).is_some() => {
                let value = operand(corpus, other, texts).unwrap_or_default();
                fact(
                    corpus,
                    *id,
                    Test::Compare {
                        op: symbol(*op),
                        value,
                    },
                    texts,
                )
            }
            (other, Expr::Fact(id)) if operand(corpus, other, texts).is_some() => {
                let value = operand(corpus, other, texts).unwrap_or_default();
                fact(
                    corpus,
                    *id,
                    Test::Compare {
                        op: symbol(flip(*op)),
                        value,
                    },
                    texts,
                )
            }
            _ => cel(corpus, e),
        },
        Expr::In(a, b) => match (a.as_ref(), b.as_ref()) {
            (Expr::Lit(Value::Text(v)), Expr::Fact(id)) => {
                fact(corpus, *id, Test::Includes { value: v.clone() }, texts)
            }
            (Expr::Fact(id), Expr::Lit(Value::Set(vs))) => {
                fact(corpus, *id, Test::OneOf { values: vs.clone() }, texts)
            }
            _ => cel(corpus, e),
        },
        Expr::Intersects(a, b) => match (a.as_ref(), b.as_ref()) {
            (Expr::Fact(id), Expr::Lit(Value::Set(vs)))
            | (Expr::Lit(Value::Set(vs)), Expr::Fact(id)) => {
                fact(corpus, *id, Test::IncludesAny { values: vs.clone() }, texts)
            }
            _ => cel(corpus, e),
        },
        Expr::ContainsAll(a, b) => match (a.as_ref(), b.as_ref()) {
            (Expr::Fact(id), Expr::Lit(Value::Set(vs))) => {
                fact(corpus, *id, Test::IncludesAll { values: vs.clone() }, texts)
            }
            _ => cel(corpus, e),
        },
        _ => cel(corpus, e),
    }
}

fn cel(corpus: &Corpus, e: &Expr) -> Readable {
    Readable::Expression {
        cel: e.render(&CorpusNames(corpus)),
    }
}

fn is_bool(corpus: &Corpus, id: aigov_core::model::FactId) -> bool {
    corpus
        .vocabulary
        .facts
        .get(id as usize)
        .is_some_and(|f| f.ty.name() == "bool")
}

/// A literal or a parameter, printed (a parameter's description from the corpus's translations where it has
/// one); `None` for anything else.
fn operand(corpus: &Corpus, e: &Expr, texts: Option<&Texts>) -> Option<String> {
    match e {
        Expr::Lit(Value::Text(s)) => Some(s.clone()),
        Expr::Lit(v) => Some(v.to_string()),
        Expr::Param(i) => corpus.parameters.get(*i).map(|p| {
            let description = texts
                .and_then(|t| t.parameter(&p.id))
                .unwrap_or(&p.description);
            format!("{} (params.{})", description.trim(), p.id)
        }),
        _ => None,
    }
}

fn symbol(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => "=",
        CmpOp::Ne => "≠",
        CmpOp::Lt => "<",
        CmpOp::Le => "≤",
        CmpOp::Gt => ">",
        CmpOp::Ge => "≥",
    }
}

/// The operator with its operands swapped (`5 < x` is `x > 5`).
fn flip(op: CmpOp) -> CmpOp {
    match op {
        CmpOp::Lt => CmpOp::Gt,
        CmpOp::Le => CmpOp::Ge,
        CmpOp::Gt => CmpOp::Lt,
        CmpOp::Ge => CmpOp::Le,
        o => o,
    }
}

fn fact(
    corpus: &Corpus,
    id: aigov_core::model::FactId,
    test: Test,
    texts: Option<&Texts>,
) -> Readable {
    match corpus.vocabulary.facts.get(id as usize) {
        Some(f) => {
            let q = f.qualified();
            Readable::Fact {
                question: texts
                    .and_then(|t| t.question(&q))
                    .unwrap_or(&f.question)
                    .to_string(),
                unit: unit_of(&f.ty),
                fact: q,
                test,
            }
        }
        None => Readable::Expression {
            cel: format!("fact #{id}"),
        },
    }
}

fn unit_of(ty: &aigov_core::vocabulary::FactType) -> Option<String> {
    serde_json::to_value(ty)
        .ok()
        .and_then(|v| v.get("unit").and_then(|u| u.as_str().map(str::to_string)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus() -> Corpus {
        crate::engine(None).expect("embedded corpus").corpus
    }

    #[test]
    fn the_ai_act_has_its_lifecycle_and_rules() {
        let c = corpus();
        let d = instrument(&c, "eu_ai_act", None).expect("the AI Act is in the corpus");
        assert_eq!(d.instrument.jurisdiction, "EU");
        assert!(d
            .instrument
            .events
            .iter()
            .any(|e| e.kind == EventKind::EnteredIntoForce && e.date.to_string() == "2024-08-01"));
        assert!(d.rules.len() > 10);
        assert!(instrument(&c, "no_such_act", None).is_none());
    }

    #[test]
    fn filters_by_jurisdiction_including_states() {
        let c = corpus();
        let us = instruments(&c, Some("US"), None).expect("US instruments");
        assert!(us.iter().any(|i| i.jurisdiction == "US-CA"));
        assert!(us.iter().all(|i| i.jurisdiction.starts_with("US")));
        assert!(instruments(&c, Some("XX"), None).is_err());
    }

    #[test]
    fn conditions_read_as_questions() {
        let c = corpus();
        let d = instrument(&c, "us_ear_ac_2023", None).expect("the October 2023 chip rule");
        let json = serde_json::to_string(&d).expect("serializes");
        assert!(json.contains("\"node\":\"fact\""), "{json}");
        assert!(json.contains("\"question\""));
    }
}
