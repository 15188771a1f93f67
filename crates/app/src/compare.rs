//! `aigov compare`: one subject under several regimes side by side, grouped by control — for each control, which
//! rules of which jurisdictions call for it, the earliest date, the strictest time limit, and the one action that
//! satisfies them all where the NIST IR 8477 relationships allow it. Conflicts (two classifications of one
//! regime that pull apart, or rules declared to pull apart in `controls/`) are reported with both citations,
//! never resolved. For several US states, the checkerboard measured: duties and controls state by state, and how
//! many of them one national programme covers.

use crate::i18n::{Arg, Lang};
use crate::plan::{
    control_title, due_words, is_duty, plan_rule, references_line, rel_words, rule_names,
    status_words_in, PlanRule,
};
use crate::report::{json, Style};
use crate::{AppError, OutputFormat};
use aigov_core::assess::{Assessment, Finding, Options, Status};
use aigov_core::manifest::Facts;
use aigov_core::model::Effect;
use aigov_core::Truth;
use aigov_core::{Date, Engine};
use aigov_corpus::controls::{Catalogue, Control, Relationship, Text};
use aigov_corpus::Texts;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

/// The rules of one jurisdiction that call for a control.
#[derive(Debug, Clone, Serialize)]
pub struct JurisdictionRules<'a> {
    /// The jurisdiction as asked (`EU`, `US-CO`).
    pub jurisdiction: String,
    /// Its rules, earliest first.
    pub rules: Vec<PlanRule<'a>>,
}

/// The shortest time limit among the rules of a control (e.g. incident reports).
#[derive(Debug, Clone, Serialize)]
pub struct Window<'a> {
    /// Hours allowed (days × 24 where the law counts in days).
    pub within_hours: u32,
    /// In words, as the corpus gives it.
    pub text: &'a str,
    /// What starts the clock.
    pub after: Option<&'a str>,
    /// The rule.
    pub rule: &'a str,
    /// Its jurisdiction.
    pub jurisdiction: &'a str,
    /// Its citation.
    pub citation: &'a str,
}

/// The one action for a control, or what keeps one action from sufficing.
#[derive(Debug, Clone, Serialize)]
pub struct Action<'a> {
    /// `one_action` (implementing the control satisfies every rule listed) or `tailor` (some rules need more).
    pub kind: &'static str,
    /// In words.
    pub text: String,
    /// The rules the control alone does not satisfy, with their relationship and what else they need.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub extra: Vec<Extra<'a>>,
}

/// A rule that needs more than the control.
#[derive(Debug, Clone, Serialize)]
pub struct Extra<'a> {
    /// The rule.
    pub rule: &'a str,
    /// Its jurisdiction.
    pub jurisdiction: &'a str,
    /// `superset_of` or `intersects_with`.
    pub relationship: Relationship,
    /// The other controls the rule maps to.
    pub needs: Vec<&'a str>,
    /// The duty in words (what to extend the control for).
    pub text: &'a str,
}

/// One control across the jurisdictions compared.
#[derive(Debug, Clone, Serialize)]
pub struct CompareControl<'a> {
    /// The control.
    pub control: &'a Control,
    /// The jurisdictions whose rules call for it, in the order asked.
    pub jurisdictions: Vec<JurisdictionRules<'a>>,
    /// The earliest date a rule needs the control by.
    pub earliest: Date,
    /// The rule that sets it.
    pub earliest_rule: &'a str,
    /// The shortest time limit, when the rules give one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub strictest: Option<Window<'a>>,
    /// Every time limit, shortest first (their triggers may differ).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub windows: Vec<Window<'a>>,
    /// The one action, or what keeps it from sufficing.
    pub action: Action<'a>,
}

/// One side of a conflict.
#[derive(Debug, Clone, Serialize)]
pub struct ConflictSide<'a> {
    /// The rule.
    pub rule: &'a str,
    /// Its jurisdiction.
    pub jurisdiction: &'a str,
    /// The instrument's short title.
    pub instrument_title: &'a str,
    /// Article or section.
    pub citation: &'a str,
    /// Its status for the subject.
    pub status: Status,
    /// What it concludes, in words (the tier, the duty, the forbidden practice).
    pub conclusion: String,
    /// The instrument's id (for its translated title; not in JSON).
    #[serde(skip)]
    pub instrument: &'a str,
    /// What it concludes (for the conclusion in other languages; not in JSON).
    #[serde(skip)]
    pub effect: &'a Effect,
}

/// Two rules that cannot both be met, or classify the subject in ways that pull apart.
#[derive(Debug, Clone, Serialize)]
pub struct CompareConflict<'a> {
    /// `classification` (the engine found two tiers on one axis of one regime), `diverges` (one jurisdiction
    /// classifies the subject in a tier whose rule in another jurisdiction would hold but for an exception), or
    /// `declared` (controls/ says the two rules pull apart).
    pub kind: &'static str,
    /// Why, in English.
    pub summary: String,
    /// Why, in Chinese, when declared.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary_zh: Option<&'a str>,
    /// Both sides, with their citations.
    pub rules: Vec<ConflictSide<'a>>,
    /// What `summary` says, as data, for reports in other languages (not in JSON).
    #[serde(skip)]
    pub detail: ConflictDetail<'a>,
}

/// The terms of a conflict's summary.
#[derive(Debug, Clone)]
pub enum ConflictDetail<'a> {
    /// Two tiers on one axis of one regime: the regime, the axis, and each rule with its tier.
    Classification {
        /// The regime (English, as in the corpus).
        regime: &'a str,
        /// The axis.
        axis: &'a str,
        /// Each rule with the tier it gives.
        rules: Vec<(&'a str, &'a str)>,
    },
    /// One jurisdiction's tier that another's rule would give but for an exception or a defeating rule.
    Diverges {
        /// The tier.
        tier: &'a str,
        /// The axis.
        axis: &'a str,
        /// The rule that classifies the subject.
        standing: (&'a str, &'a str),
        /// The rule that would (its instrument id and citation).
        carved: (&'a str, &'a str),
        /// Why not: each exception (`instrument.exception` id, summary, citation) or defeating rule (rule id,
        /// citation).
        why: Vec<Why<'a>>,
    },
    /// Declared in controls/: the summary is the catalogue's, in both languages.
    Declared,
}

/// Why a rule does not hold: an exception of its instrument or a defeating rule.
#[derive(Debug, Clone)]
pub struct Why<'a> {
    /// The instrument of the exception, when it is one.
    pub instrument: Option<&'a str>,
    /// The exception's id, or the defeating rule's id.
    pub id: &'a str,
    /// The exception's summary (English), or the defeating rule's id.
    pub text: &'a str,
    /// Its citation.
    pub citation: &'a str,
}

/// The duties and controls of one jurisdiction.
#[derive(Debug, Clone, Serialize)]
pub struct BoardRow {
    /// The jurisdiction.
    pub jurisdiction: String,
    /// Distinct duties (obligations and prohibitions in effect, upcoming or undetermined).
    pub duties: usize,
    /// Distinct controls they call for.
    pub controls: usize,
}

/// The checkerboard measured: state by state, and one national programme.
#[derive(Debug, Clone, Serialize)]
pub struct Checkerboard {
    /// One row per US state or city compared.
    pub rows: Vec<BoardRow>,
    /// The sum of the rows' duties: what a company tracks state by state.
    pub duties_state_by_state: usize,
    /// The sum of the rows' controls: what state-by-state compliance builds.
    pub controls_state_by_state: usize,
    /// Distinct duties across the states.
    pub duties: usize,
    /// Distinct controls across the states: the national programme.
    pub programme_controls: usize,
    /// Duties the programme satisfies as is (a control maps to them as `equal` or `subset_of`).
    pub covered: usize,
    /// Duties that need state-specific tailoring on top (only `superset_of` or `intersects_with` mappings).
    pub tailored: Vec<String>,
}

/// The comparison of one subject under several jurisdictions, as of a date.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison<'a> {
    /// The date the answer holds for.
    pub as_of: Date,
    /// The subject kind.
    pub subject: &'a str,
    /// The subject's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<&'a str>,
    /// The jurisdictions compared, as asked.
    pub jurisdictions: Vec<String>,
    /// Distinct duties per jurisdiction, in the order asked.
    pub duties: Vec<BoardRow>,
    /// The controls, earliest first.
    pub controls: Vec<CompareControl<'a>>,
    /// Conflicts, never resolved.
    pub conflicts: Vec<CompareConflict<'a>>,
    /// For two or more US states or cities: the checkerboard measured.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub checkerboard: Option<Checkerboard>,
    /// What would settle undetermined duties: (fact, question).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<(&'a str, &'a str)>,
}

/// The requested jurisdiction a finding belongs to: the most specific code that selects it.
fn home<'j>(jurisdictions: &'j [String], j: &str) -> Option<&'j str> {
    jurisdictions
        .iter()
        .filter(|q| j == q.as_str() || j.starts_with(&format!("{q}-")))
        .max_by_key(|q| q.len())
        .map(String::as_str)
}

/// What a rule concludes, in `lang` (the tier's name, the duty, the practice and the relief from the corpus's
/// translations where it has them).
fn conclusion(rule: &str, effect: &Effect, lang: Lang, texts: Option<&Texts>) -> String {
    let tr = |english: &str| -> String {
        texts
            .and_then(|t| t.rule_effect(rule, english))
            .unwrap_or(english)
            .to_string()
    };
    match effect {
        Effect::Classification { axis, tier, .. } => lang.ta(
            "compare-side-class",
            &[
                ("axis", Arg::Str(axis)),
                (
                    "tier",
                    Arg::Str(texts.and_then(|t| t.tier(tier)).unwrap_or(tier)),
                ),
            ],
        ),
        Effect::Obligation { duty, .. } => {
            lang.ta("compare-side-must", &[("duty", Arg::Str(&tr(duty)))])
        }
        Effect::Prohibition { practice, .. } => lang.ta(
            "compare-side-forbids",
            &[("practice", Arg::Str(&tr(practice)))],
        ),
        Effect::Exemption { relief, .. } => {
            lang.ta("compare-side-exempts", &[("relief", Arg::Str(&tr(relief)))])
        }
    }
}

fn side<'a>(f: &Finding<'a>) -> ConflictSide<'a> {
    ConflictSide {
        rule: f.rule,
        jurisdiction: f.jurisdiction,
        instrument_title: f.instrument_title,
        citation: f.citation,
        status: f.status,
        conclusion: conclusion(f.rule, f.effect, Lang::En, None),
        instrument: f.instrument,
        effect: f.effect,
    }
}

/// The one action for a control, in `lang`: implement it once by `due`, meeting the shortest time limit, for
/// `n` rules of `jurisdictions` jurisdictions, or (with `extra` rules that need more) for `n - extra` of them.
#[allow(clippy::too_many_arguments)]
fn action_text(
    control: &str,
    due: Date,
    window: Option<&str>,
    n: usize,
    extra: usize,
    jurisdictions: usize,
    lang: Lang,
) -> String {
    let date = lang.date(due);
    if extra == 0 {
        let window = window
            .map(|w| lang.ta("compare-action-window", &[("text", Arg::Str(w))]))
            .unwrap_or_default();
        lang.ta(
            "compare-action-one",
            &[
                ("control", Arg::Str(control)),
                ("date", Arg::Str(&date)),
                ("window", Arg::Str(&window)),
                ("n", Arg::Num(n as f64)),
                ("jurisdictions", Arg::Num(jurisdictions as f64)),
            ],
        )
    } else {
        lang.ta(
            "compare-action-tailor",
            &[
                ("control", Arg::Str(control)),
                ("date", Arg::Str(&date)),
                ("ok", Arg::Num((n - extra) as f64)),
                ("n", Arg::Num(n as f64)),
            ],
        )
    }
}

/// A conflict's summary in `lang`, from its terms; the English summary when there are none to say again.
fn conflict_summary(
    k: &CompareConflict,
    lang: Lang,
    texts: Option<&Texts>,
    corpus: Option<&aigov_core::model::Corpus>,
) -> String {
    let Some(texts) = texts.filter(|_| lang != Lang::En) else {
        return k.summary.clone();
    };
    let title = |instrument: &str| -> String {
        match corpus {
            Some(c) => crate::localize::short_title(c, instrument, Some(texts)).to_string(),
            None => texts
                .short_title(instrument)
                .unwrap_or(instrument)
                .to_string(),
        }
    };
    let tier = |t: &str| texts.tier(t).unwrap_or(t).to_string();
    let sep = lang.t("list-separator");
    match &k.detail {
        ConflictDetail::Classification {
            regime,
            axis,
            rules,
        } => lang.ta(
            "compare-conflict-classification",
            &[
                ("regime", Arg::Str(texts.regime(regime).unwrap_or(regime))),
                (
                    "rules",
                    Arg::Str(
                        &rules
                            .iter()
                            .map(|(r, t)| {
                                lang.ta(
                                    "compare-conflict-says",
                                    &[("rule", Arg::Str(r)), ("tier", Arg::Str(&tier(t)))],
                                )
                            })
                            .collect::<Vec<_>>()
                            .join(&sep),
                    ),
                ),
                ("axis", Arg::Str(axis)),
            ],
        ),
        ConflictDetail::Diverges {
            tier: t,
            axis,
            standing,
            carved,
            why,
        } => {
            let why: Vec<String> = why
                .iter()
                .map(|w| {
                    let text = w
                        .instrument
                        .and_then(|i| texts.exception(i, w.id))
                        .unwrap_or(w.text);
                    lang.ta(
                        "compare-conflict-why",
                        &[
                            ("text", Arg::Str(text.trim_end_matches(['.', '。']))),
                            (
                                "citation",
                                Arg::Str(&crate::localize::citation(lang, w.citation)),
                            ),
                        ],
                    )
                })
                .collect();
            lang.ta(
                "compare-conflict-diverges",
                &[
                    ("standing", Arg::Str(&title(standing.0))),
                    ("tier", Arg::Str(&tier(t))),
                    ("axis", Arg::Str(axis)),
                    (
                        "standing_citation",
                        Arg::Str(&crate::localize::citation(lang, standing.1)),
                    ),
                    ("carved", Arg::Str(&title(carved.0))),
                    (
                        "carved_citation",
                        Arg::Str(&crate::localize::citation(lang, carved.1)),
                    ),
                    ("why", Arg::Str(&why.join(&lang.t("clause-separator")))),
                ],
            )
        }
        ConflictDetail::Declared => k.summary_zh.unwrap_or(&k.summary).to_string(),
    }
}

/// Compares a subject under the jurisdictions given (at least one).
pub fn compare<'a>(
    engine: &'a Engine,
    cat: &'a Catalogue,
    facts: &'a Facts,
    as_of: Date,
    jurisdictions: &[String],
) -> Result<Comparison<'a>, AppError> {
    if jurisdictions.is_empty() {
        return Err(AppError::invalid(
            "compare needs the jurisdictions to compare",
            "give them with --jurisdiction, e.g. -j EU -j US-CO -j US-CA",
        ));
    }
    crate::jurisdictions::check(&engine.corpus, jurisdictions)?;
    let jurisdictions: Vec<String> = jurisdictions
        .iter()
        .map(|j| j.to_ascii_uppercase())
        .collect();
    let jurisdictions = jurisdictions.as_slice();
    let mut options = Options::as_of(as_of);
    options.jurisdictions = jurisdictions.to_vec();
    options.include_not_applicable = true;
    let a = engine.assess(facts, &options);

    // Per control: per jurisdiction asked: the rules.
    let mut by_control: BTreeMap<&str, BTreeMap<&str, Vec<PlanRule<'a>>>> = BTreeMap::new();
    let mut rows: BTreeMap<&str, (BTreeSet<&str>, BTreeSet<&str>)> = BTreeMap::new();
    let mut duty_rules: BTreeMap<&str, &Finding<'a>> = BTreeMap::new();
    for f in a.findings.iter().filter(|f| is_duty(f)) {
        let Some(h) = home(jurisdictions, f.jurisdiction) else {
            continue;
        };
        duty_rules.insert(f.rule, f);
        let row = rows.entry(h).or_default();
        row.0.insert(f.rule);
        for m in cat.for_rule(f.rule) {
            row.1.insert(&m.control);
            by_control
                .entry(&m.control)
                .or_default()
                .entry(h)
                .or_default()
                .push(plan_rule(f, cat, m));
        }
    }
    let mut controls = Vec::new();
    for (id, per) in by_control {
        let Some(control) = cat.control(id) else {
            continue;
        };
        let mut js: Vec<JurisdictionRules<'a>> = jurisdictions
            .iter()
            .filter_map(|j| {
                per.get(j.as_str()).map(|rules| {
                    let mut rules = rules.clone();
                    rules.sort_by(|a, b| (a.due, a.rule).cmp(&(b.due, b.rule)));
                    JurisdictionRules {
                        jurisdiction: j.clone(),
                        rules,
                    }
                })
            })
            .collect();
        js.dedup_by(|a, b| a.jurisdiction == b.jurisdiction);
        let all: Vec<&PlanRule<'a>> = js.iter().flat_map(|j| j.rules.iter()).collect();
        let Some(first) = all.iter().min_by_key(|r| (r.due, r.rule)) else {
            continue;
        };
        let mut windows: Vec<Window<'a>> = all
            .iter()
            .filter_map(|r| {
                let d = r.deadline.as_ref()?;
                Some(Window {
                    within_hours: d.within_hours?,
                    text: d.text,
                    after: d.after,
                    rule: r.rule,
                    jurisdiction: r.jurisdiction,
                    citation: r.citation,
                })
            })
            .collect();
        windows.sort_by(|a, b| (a.within_hours, a.rule).cmp(&(b.within_hours, b.rule)));
        let extra: Vec<Extra<'a>> = all
            .iter()
            .filter(|r| !r.relationship.control_suffices())
            .map(|r| Extra {
                rule: r.rule,
                jurisdiction: r.jurisdiction,
                relationship: r.relationship,
                needs: r.with.clone(),
                text: r.text,
            })
            .collect();
        let n = all.len();
        let njs = js.len();
        let text = action_text(
            &control.title.en,
            first.due,
            windows.first().map(|w| w.text),
            n,
            extra.len(),
            njs,
            Lang::En,
        );
        let action = Action {
            kind: if extra.is_empty() {
                "one_action"
            } else {
                "tailor"
            },
            text,
            extra,
        };
        controls.push(CompareControl {
            control,
            earliest: first.due,
            earliest_rule: first.rule,
            strictest: windows.first().cloned(),
            windows: if windows.len() > 1 {
                windows
            } else {
                Vec::new()
            },
            jurisdictions: js,
            action,
        });
    }
    controls.sort_by(|a, b| (a.earliest, &a.control.id).cmp(&(b.earliest, &b.control.id)));

    // Conflicts: the engine's classification conflicts, then the declared ones whose rules both stand.
    let mut conflicts = Vec::new();
    for c in &a.conflicts {
        let sides: Vec<ConflictSide<'a>> = c
            .rules
            .iter()
            .filter_map(|(r, _)| a.finding(r).map(side))
            .collect();
        conflicts.push(CompareConflict {
            kind: "classification",
            summary: Lang::En.ta(
                "compare-conflict-classification",
                &[
                    ("regime", Arg::Str(c.regime)),
                    (
                        "rules",
                        Arg::Str(
                            &c.rules
                                .iter()
                                .map(|(r, t)| {
                                    Lang::En.ta(
                                        "compare-conflict-says",
                                        &[("rule", Arg::Str(r)), ("tier", Arg::Str(t))],
                                    )
                                })
                                .collect::<Vec<_>>()
                                .join(", "),
                        ),
                    ),
                    ("axis", Arg::Str(c.axis)),
                ],
            ),
            summary_zh: None,
            rules: sides,
            detail: ConflictDetail::Classification {
                regime: c.regime,
                axis: c.axis,
                rules: c.rules.clone(),
            },
        });
    }
    conflicts.extend(divergences(&a, jurisdictions));
    for d in &cat.conflicts {
        let found: Vec<&Finding<'a>> = d
            .rules
            .iter()
            .filter_map(|r| a.finding(r))
            .filter(|f| {
                matches!(
                    f.status,
                    Status::InEffect | Status::Upcoming | Status::Undetermined
                )
            })
            .collect();
        if found.len() == 2 {
            conflicts.push(CompareConflict {
                kind: "declared",
                summary: d.summary.en.clone(),
                summary_zh: Some(summary_zh(&d.summary)),
                rules: found.into_iter().map(side).collect(),
                detail: ConflictDetail::Declared,
            });
        }
    }

    let duties: Vec<BoardRow> = jurisdictions
        .iter()
        .map(|j| {
            let (d, c) = rows.get(j.as_str()).cloned().unwrap_or_default();
            BoardRow {
                jurisdiction: j.clone(),
                duties: d.len(),
                controls: c.len(),
            }
        })
        .collect();
    let states: Vec<&BoardRow> = duties
        .iter()
        .filter(|r| r.jurisdiction.starts_with("US-"))
        .collect();
    let checkerboard = (states.len() >= 2).then(|| {
        let mut all_duties: BTreeSet<&str> = BTreeSet::new();
        let mut all_controls: BTreeSet<&str> = BTreeSet::new();
        for r in &states {
            if let Some((d, c)) = rows.get(r.jurisdiction.as_str()) {
                all_duties.extend(d.iter().copied());
                all_controls.extend(c.iter().copied());
            }
        }
        let tailored: Vec<String> = all_duties
            .iter()
            .filter(|r| !cat.for_rule(r).any(|m| m.relationship.control_suffices()))
            .map(|r| r.to_string())
            .collect();
        Checkerboard {
            duties_state_by_state: states.iter().map(|r| r.duties).sum(),
            controls_state_by_state: states.iter().map(|r| r.controls).sum(),
            duties: all_duties.len(),
            programme_controls: all_controls.len(),
            covered: all_duties.len() - tailored.len(),
            tailored,
            rows: states.into_iter().cloned().collect(),
        }
    });
    let questions = a
        .questions
        .iter()
        .filter(|q| q.rules.iter().any(|r| duty_rules.contains_key(r)))
        .map(|q| (q.fact, q.question))
        .collect();
    Ok(Comparison {
        as_of,
        subject: a.subject,
        name: a.name,
        jurisdictions: jurisdictions.to_vec(),
        duties,
        controls,
        conflicts,
        checkerboard,
        questions,
    })
}

/// Classifications that pull apart across jurisdictions: a tier in effect or upcoming in one, while in another the
/// rule for the same axis and tier would hold but an exception (or a defeating rule) takes the subject out.
fn divergences<'a>(a: &Assessment<'a>, jurisdictions: &[String]) -> Vec<CompareConflict<'a>> {
    let class = |f: &Finding<'a>| match f.effect {
        Effect::Classification { axis, tier, .. } => Some((axis.as_str(), tier.as_str())),
        _ => None,
    };
    let mut out = Vec::new();
    for carved in &a.findings {
        let Some((axis, tier)) = class(carved) else {
            continue;
        };
        let Some(d) = carved.derivation.as_ref() else {
            continue;
        };
        if carved.status != Status::NotApplicable || d.condition.result != Truth::True {
            continue;
        }
        let reasons: Vec<Why<'a>> = d
            .exceptions
            .iter()
            .filter(|e| e.result == Truth::True)
            .map(|e| Why {
                instrument: Some(carved.instrument),
                id: e.id,
                text: e.summary,
                citation: e.citation,
            })
            .chain(
                d.defeaters
                    .iter()
                    .filter(|x| x.result == Truth::True)
                    .map(|x| Why {
                        instrument: None,
                        id: x.rule,
                        text: x.rule,
                        citation: x.citation,
                    }),
            )
            .collect();
        let why: Vec<String> = reasons
            .iter()
            .map(|w| format!("{} ({})", w.text.trim_end_matches('.'), w.citation))
            .collect();
        if why.is_empty() {
            continue;
        }
        let home_c = home(jurisdictions, carved.jurisdiction);
        for standing in &a.findings {
            if !matches!(standing.status, Status::InEffect | Status::Upcoming)
                || class(standing) != Some((axis, tier))
                || home(jurisdictions, standing.jurisdiction) == home_c
            {
                continue;
            }
            out.push(CompareConflict {
                kind: "diverges",
                summary: format!(
                    "{} classifies the subject `{tier}` on `{axis}` ({}); {} would too ({}), but: {}",
                    standing.instrument_title,
                    standing.citation,
                    carved.instrument_title,
                    carved.citation,
                    why.join("; ")
                ),
                summary_zh: None,
                rules: vec![side(standing), side(carved)],
                detail: ConflictDetail::Diverges {
                    tier,
                    axis,
                    standing: (standing.instrument, standing.citation),
                    carved: (carved.instrument, carved.citation),
                    why: reasons.clone(),
                },
            });
        }
    }
    out
}

fn summary_zh(t: &Text) -> &str {
    &t.zh
}

/// Renders the comparison as text, Markdown or JSON (`kind: "comparison"`).
pub fn render(c: &Comparison, format: OutputFormat) -> String {
    render_in(c, format, Lang::En, None, None)
}

/// [`render`] in `lang`: aigov's words from the message files, the controls' titles in that language, and the
/// rules' titles, instruments, citations, duties and questions from the corpus's translations (`texts`; `corpus`
/// for instrument titles the translations lack) where it has them. JSON stays language-neutral.
pub fn render_in(
    c: &Comparison,
    format: OutputFormat,
    lang: Lang,
    texts: Option<&Texts>,
    corpus: Option<&aigov_core::model::Corpus>,
) -> String {
    if format == OutputFormat::Json {
        return json("comparison", c);
    }
    let texts = texts.filter(|_| lang != Lang::En);
    let st = Style::new(format, lang);
    let md = format == OutputFormat::Markdown;
    let mut out = String::new();
    let who = c.name.unwrap_or(c.subject);
    st.h1(
        &mut out,
        &lang.ta(
            "compare-title",
            &[
                ("who", Arg::Str(who)),
                ("jurisdictions", Arg::Str(&c.jurisdictions.join(", "))),
                ("date", Arg::Str(&lang.date(c.as_of))),
            ],
        ),
    );
    let list = c
        .duties
        .iter()
        .map(|r| {
            lang.ta(
                "compare-duty-count",
                &[
                    ("jurisdiction", Arg::Str(&r.jurisdiction)),
                    ("count", Arg::Num(r.duties as f64)),
                ],
            )
        })
        .collect::<Vec<_>>()
        .join(&lang.t("list-separator"));
    let _ = writeln!(
        out,
        "{}",
        lang.ta(
            "compare-duties",
            &[
                ("list", Arg::Str(&list)),
                ("controls", Arg::Num(c.controls.len() as f64)),
            ],
        )
    );
    for cc in &c.controls {
        let ctl = cc.control;
        st.h2(
            &mut out,
            &format!(
                "{} [{}] — {}",
                control_title(ctl, lang),
                ctl.id,
                due_words(cc.earliest, c.as_of, lang)
            ),
        );
        if lang == Lang::En {
            let _ = writeln!(out, "{}", ctl.title.zh);
        }
        if let Some(r) = references_line(ctl) {
            let _ = writeln!(
                out,
                "{}",
                lang.ta("plan-references", &[("refs", Arg::Str(&r))])
            );
        }
        if md {
            out.push('\n');
        }
        for j in &cc.jurisdictions {
            for r in &j.rules {
                let (title, instrument, citation) = rule_names(r, lang, texts);
                st.bullet(
                    &mut out,
                    &lang.ta(
                        "compare-rule",
                        &[
                            ("jurisdiction", Arg::Str(&j.jurisdiction)),
                            ("instrument", Arg::Str(instrument)),
                            ("citation", Arg::Str(&citation)),
                            ("title", Arg::Str(title)),
                            ("rule", Arg::Str(&st.code(r.rule))),
                        ],
                    ),
                );
                st.detail(
                    &mut out,
                    &lang.ta(
                        "compare-rule-detail",
                        &[
                            ("status", Arg::Str(&status_words_in(r, lang, texts))),
                            ("relationship", Arg::Str(&rel_words(r.relationship, lang))),
                        ],
                    ),
                );
            }
        }
        let deadline = |w: &Window| -> String {
            texts
                .and_then(|t| t.rule_deadline(w.rule, w.text))
                .unwrap_or(w.text)
                .to_string()
        };
        let cite = |w: &Window| crate::localize::rule_citation(w.rule, w.citation, lang, texts);
        if let Some(w) = &cc.strictest {
            let others = if cc.windows.len() > 1 {
                lang.ta(
                    "compare-others",
                    &[(
                        "list",
                        Arg::Str(
                            &cc.windows[1..]
                                .iter()
                                .map(|o| {
                                    lang.ta(
                                        "compare-window",
                                        &[
                                            ("text", Arg::Str(&deadline(o))),
                                            ("jurisdiction", Arg::Str(o.jurisdiction)),
                                            ("citation", Arg::Str(&cite(o))),
                                        ],
                                    )
                                })
                                .collect::<Vec<_>>()
                                .join("; "),
                        ),
                    )],
                )
            } else {
                String::new()
            };
            let _ = writeln!(
                out,
                "{}{}",
                if md { "\n" } else { "  " },
                lang.ta(
                    "compare-strictest",
                    &[
                        ("text", Arg::Str(&deadline(w))),
                        ("jurisdiction", Arg::Str(w.jurisdiction)),
                        ("citation", Arg::Str(&cite(w))),
                        ("rule", Arg::Str(w.rule)),
                        ("others", Arg::Str(&others)),
                    ],
                )
            );
        }
        let action = if lang == Lang::En {
            cc.action.text.clone()
        } else {
            let n: usize = cc.jurisdictions.iter().map(|j| j.rules.len()).sum();
            action_text(
                control_title(ctl, lang),
                cc.earliest,
                cc.strictest.as_ref().map(deadline).as_deref(),
                n,
                cc.action.extra.len(),
                cc.jurisdictions.len(),
                lang,
            )
        };
        let _ = writeln!(
            out,
            "{}{} {}",
            if md { "\n" } else { "  " },
            st.strong(&lang.t(if cc.action.kind == "one_action" {
                "compare-one-action"
            } else {
                "compare-tailor"
            })),
            action
        );
        for e in &cc.action.extra {
            let what = if e.needs.is_empty() {
                let text = texts
                    .and_then(|t| t.rule_effect(e.rule, e.text))
                    .unwrap_or(e.text);
                lang.ta("compare-extra-extend", &[("text", Arg::Str(text))])
            } else {
                lang.ta(
                    "compare-extra-needs",
                    &[("controls", Arg::Str(&e.needs.join(", ")))],
                )
            };
            st.detail(
                &mut out,
                &lang.ta(
                    "compare-extra",
                    &[
                        ("rule", Arg::Str(e.rule)),
                        ("jurisdiction", Arg::Str(e.jurisdiction)),
                        ("relationship", Arg::Str(&rel_words(e.relationship, lang))),
                        ("what", Arg::Str(&what)),
                    ],
                ),
            );
        }
    }
    st.h2(&mut out, &lang.t("compare-conflicts"));
    if c.conflicts.is_empty() {
        let _ = writeln!(out, "{}", lang.t("compare-no-conflicts"));
    }
    for k in &c.conflicts {
        let kind = if lang == Lang::En {
            k.kind.to_string()
        } else {
            lang.t(&format!("compare-kind-{}", k.kind))
        };
        st.bullet(
            &mut out,
            &format!("[{kind}] {}", conflict_summary(k, lang, texts, corpus)),
        );
        // In English the declared conflict's Chinese summary follows; in Chinese it is the summary.
        if let (Some(zh), Lang::En) = (k.summary_zh, lang) {
            st.detail(&mut out, zh);
        }
        for s in &k.rules {
            let instrument = match (texts, corpus) {
                (Some(t), Some(c)) => crate::localize::short_title(c, s.instrument, Some(t)),
                (Some(t), None) => t.short_title(s.instrument).unwrap_or(s.instrument_title),
                _ => s.instrument_title,
            };
            let conclusion = if lang == Lang::En {
                s.conclusion.clone()
            } else {
                conclusion(s.rule, s.effect, lang, texts)
            };
            st.detail(
                &mut out,
                &lang.ta(
                    "compare-side",
                    &[
                        ("jurisdiction", Arg::Str(s.jurisdiction)),
                        ("instrument", Arg::Str(instrument)),
                        (
                            "citation",
                            Arg::Str(&crate::localize::rule_citation(
                                s.rule, s.citation, lang, texts,
                            )),
                        ),
                        ("rule", Arg::Str(&st.code(s.rule))),
                        (
                            "status",
                            Arg::Str(&if lang == Lang::En {
                                s.status.as_str().to_string()
                            } else {
                                lang.status(s.status)
                            }),
                        ),
                        ("conclusion", Arg::Str(&conclusion)),
                    ],
                ),
            );
        }
    }
    if let Some(b) = &c.checkerboard {
        out.push_str(&render_checkerboard_in(b, format, lang));
    }
    if !c.questions.is_empty() {
        st.h2(&mut out, &lang.t("plan-questions"));
        for (fact, q) in &c.questions {
            let q = texts.and_then(|t| t.question(fact)).unwrap_or(q);
            st.bullet(
                &mut out,
                &lang.ta(
                    "plan-question",
                    &[
                        ("question", Arg::Str(q)),
                        ("fact", Arg::Str(&st.code(fact))),
                    ],
                ),
            );
        }
    }
    out
}

/// The checkerboard measured, as a section of a report (`compare`, and `map` after its table).
pub fn render_checkerboard(b: &Checkerboard, format: OutputFormat) -> String {
    render_checkerboard_in(b, format, crate::i18n::Lang::En)
}

/// [`render_checkerboard`] in `lang`.
pub fn render_checkerboard_in(
    b: &Checkerboard,
    format: OutputFormat,
    lang: crate::i18n::Lang,
) -> String {
    use crate::i18n::Arg;
    let st = Style::new(format, lang);
    let mut out = String::new();
    st.h2(&mut out, &lang.t("measured-title"));
    for r in &b.rows {
        st.bullet(
            &mut out,
            &lang.ta(
                "measured-row",
                &[
                    ("jurisdiction", Arg::Str(&r.jurisdiction)),
                    ("duties", Arg::Num(r.duties as f64)),
                    ("controls", Arg::Num(r.controls as f64)),
                ],
            ),
        );
    }
    let tailored = if b.tailored.is_empty() {
        String::new()
    } else {
        lang.ta(
            "measured-tailored-list",
            &[("list", Arg::Str(&b.tailored.join(", ")))],
        )
    };
    let _ = writeln!(
        out,
        "{}{}",
        if format == OutputFormat::Markdown {
            "\n"
        } else {
            ""
        },
        lang.ta(
            "measured-summary",
            &[
                ("state_duties", Arg::Num(b.duties_state_by_state as f64)),
                ("duties", Arg::Num(b.duties as f64)),
                ("state_controls", Arg::Num(b.controls_state_by_state as f64)),
                ("programme", Arg::Num(b.programme_controls as f64)),
                ("covered", Arg::Num(b.covered as f64)),
                ("tailored", Arg::Num(b.tailored.len() as f64)),
                ("list", Arg::Str(&tailored)),
            ]
        )
    );
    out
}

/// The checkerboard measured for the US states and cities whose law reaches the subject on the date: what `aigov
/// map` adds under its table. `None` when fewer than two states' laws reach it.
pub fn measure_states(
    engine: &Engine,
    cat: &Catalogue,
    facts: &Facts,
    as_of: Date,
    states: &[String],
) -> Result<Option<Checkerboard>, AppError> {
    if states.len() < 2 {
        return Ok(None);
    }
    Ok(compare(engine, cat, facts, as_of, states)?.checkerboard)
}
