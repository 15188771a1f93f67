//! `aigov compare`: one subject under several regimes side by side, grouped by control — for each control, which
//! rules of which jurisdictions call for it, the earliest date, the strictest time limit, and the one action that
//! satisfies them all where the NIST IR 8477 relationships allow it. Conflicts (two classifications of one
//! regime that pull apart, or rules declared to pull apart in `controls/`) are reported with both citations,
//! never resolved. For several US states, the checkerboard measured: duties and controls state by state, and how
//! many of them one national programme covers.

use crate::plan::{
    due_words, is_duty, plan_rule, references_line, rel_words, status_words, PlanRule,
};
use crate::report::{json, Style};
use crate::{AppError, OutputFormat};
use aigov_core::assess::{Assessment, Finding, Options, Status};
use aigov_core::manifest::Facts;
use aigov_core::Truth;
use aigov_core::{Date, Engine};
use aigov_corpus::controls::{Catalogue, Control, Relationship, Text};
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

fn conclusion(f: &Finding) -> String {
    use aigov_core::model::Effect;
    match f.effect {
        Effect::Classification { axis, tier, .. } => format!("{axis}: {tier}"),
        Effect::Obligation { duty, .. } => format!("must: {duty}"),
        Effect::Prohibition { practice, .. } => format!("forbids: {practice}"),
        Effect::Exemption { relief, .. } => format!("exempts: {relief}"),
    }
}

fn side<'a>(f: &Finding<'a>) -> ConflictSide<'a> {
    ConflictSide {
        rule: f.rule,
        jurisdiction: f.jurisdiction,
        instrument_title: f.instrument_title,
        citation: f.citation,
        status: f.status,
        conclusion: conclusion(f),
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
        let action = if extra.is_empty() {
            Action {
                kind: "one_action",
                text: format!(
                    "Implement {} once, by {}{}: it satisfies all {n} rule{} of {njs} jurisdiction{}.",
                    control.title.en,
                    first.due,
                    windows
                        .first()
                        .map(|w| format!(", meeting the shortest time limit ({})", w.text))
                        .unwrap_or_default(),
                    if n == 1 { "" } else { "s" },
                    if njs == 1 { "" } else { "s" },
                ),
                extra,
            }
        } else {
            Action {
                kind: "tailor",
                text: format!(
                    "Implement {} once, by {}; it satisfies {} of {n} rules as is, the others need more (listed).",
                    control.title.en,
                    first.due,
                    n - extra.len()
                ),
                extra,
            }
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
            summary: format!(
                "{}: {} on the `{}` axis - the classifications pull apart; both are reported, neither wins",
                c.regime,
                c.rules
                    .iter()
                    .map(|(r, t)| format!("{r} says {t}"))
                    .collect::<Vec<_>>()
                    .join(", "),
                c.axis
            ),
            summary_zh: None,
            rules: sides,
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
    use aigov_core::model::Effect;
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
        let why: Vec<String> = d
            .exceptions
            .iter()
            .filter(|e| e.result == Truth::True)
            .map(|e| format!("{} ({})", e.summary.trim_end_matches('.'), e.citation))
            .chain(
                d.defeaters
                    .iter()
                    .filter(|x| x.result == Truth::True)
                    .map(|x| format!("{} ({})", x.rule, x.citation)),
            )
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
    if format == OutputFormat::Json {
        return json("comparison", c);
    }
    let st = Style::of(format);
    let mut out = String::new();
    let who = c.name.unwrap_or(c.subject);
    st.h1(
        &mut out,
        &format!(
            "{who} under {} as of {}",
            c.jurisdictions.join(", "),
            c.as_of
        ),
    );
    let _ = writeln!(
        out,
        "Duties: {}. {} control{} cover them.",
        c.duties
            .iter()
            .map(|r| format!("{} {}", r.jurisdiction, r.duties))
            .collect::<Vec<_>>()
            .join(", "),
        c.controls.len(),
        if c.controls.len() == 1 { "" } else { "s" }
    );
    for cc in &c.controls {
        let ctl = cc.control;
        st.h2(
            &mut out,
            &format!(
                "{} [{}] — {}",
                ctl.title.en,
                ctl.id,
                due_words(cc.earliest, c.as_of)
            ),
        );
        let _ = writeln!(out, "{}", ctl.title.zh);
        if let Some(r) = references_line(ctl) {
            let _ = writeln!(out, "References: {r}.");
        }
        if format == OutputFormat::Markdown {
            out.push('\n');
        }
        for j in &cc.jurisdictions {
            for r in &j.rules {
                st.bullet(
                    &mut out,
                    &format!(
                        "{}: {} {} — {} ({})",
                        j.jurisdiction,
                        r.instrument_title,
                        r.citation,
                        r.title,
                        st.code(r.rule)
                    ),
                );
                st.detail(
                    &mut out,
                    &format!(
                        "{}; {} this control",
                        status_words(r),
                        rel_words(r.relationship)
                    ),
                );
            }
        }
        if let Some(w) = &cc.strictest {
            let _ = writeln!(
                out,
                "{}Strictest time limit: {} ({} {}, {}){}",
                if format == OutputFormat::Markdown {
                    "\n"
                } else {
                    "  "
                },
                w.text,
                w.jurisdiction,
                w.citation,
                w.rule,
                if cc.windows.len() > 1 {
                    format!(
                        "; others: {}",
                        cc.windows[1..]
                            .iter()
                            .map(|o| format!("{} ({} {})", o.text, o.jurisdiction, o.citation))
                            .collect::<Vec<_>>()
                            .join("; ")
                    )
                } else {
                    String::new()
                }
            );
        }
        let _ = writeln!(
            out,
            "{}{} {}",
            if format == OutputFormat::Markdown {
                "\n"
            } else {
                "  "
            },
            st.strong(if cc.action.kind == "one_action" {
                "One action:"
            } else {
                "Tailor:"
            }),
            cc.action.text
        );
        for e in &cc.action.extra {
            st.detail(
                &mut out,
                &format!(
                    "{} ({}, {}): {}",
                    e.rule,
                    e.jurisdiction,
                    rel_words(e.relationship),
                    if e.needs.is_empty() {
                        format!("extend for: {}", e.text)
                    } else {
                        format!("also needs {}", e.needs.join(", "))
                    }
                ),
            );
        }
    }
    st.h2(&mut out, "Conflicts");
    if c.conflicts.is_empty() {
        let _ = writeln!(out, "None found between the rules compared.");
    }
    for k in &c.conflicts {
        st.bullet(&mut out, &format!("[{}] {}", k.kind, k.summary));
        if let Some(zh) = k.summary_zh {
            st.detail(&mut out, zh);
        }
        for s in &k.rules {
            st.detail(
                &mut out,
                &format!(
                    "{}: {} {} ({}, {}) — {}",
                    s.jurisdiction,
                    s.instrument_title,
                    s.citation,
                    st.code(s.rule),
                    s.status.as_str(),
                    s.conclusion
                ),
            );
        }
    }
    if let Some(b) = &c.checkerboard {
        out.push_str(&render_checkerboard(b, format));
    }
    if !c.questions.is_empty() {
        st.h2(&mut out, "Questions that would settle undetermined duties");
        for (fact, q) in &c.questions {
            st.bullet(&mut out, &format!("{q} ({})", st.code(fact)));
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
