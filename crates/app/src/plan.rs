//! `aigov plan`: the deduplicated work list for a subject — each control of the catalogue once, with every rule
//! (in effect, upcoming, or undetermined with its questions) that it helps satisfy, ordered by the earliest date
//! a rule needs it. Also the loading and linting of the control catalogue (`controls/`, and `DIR/controls/` with
//! `--corpus DIR`), which `compare` and `oscal` share.

use crate::i18n::{Arg, Lang};
use crate::report::{json, Style};
use crate::{AppError, OutputFormat};
use aigov_core::assess::{Finding, Options, Status};
use aigov_core::manifest::{Facts, Linked};
use aigov_core::model::{Corpus, Effect};
use aigov_core::{Date, Engine};
use aigov_corpus::controls::{self, Catalogue, Control, Relationship};
use aigov_corpus::Texts;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// The control catalogue for a corpus: the built-in controls and mappings, plus `DIR/controls/` when the corpus
/// comes from `DIR`. Built-in mappings of instruments the corpus does not hold are left out. Errors in the
/// control files are reported like corpus errors; coverage is checked by [`lint`], not here.
pub fn catalogue(dir: Option<&Path>, corpus: &Corpus) -> Result<Catalogue, AppError> {
    let user = match dir {
        Some(d) => aigov_corpus::read_controls_dir(d).map_err(|e| AppError::Read {
            path: d.join("controls").display().to_string(),
            source: e,
        })?,
        None => Vec::new(),
    };
    let mut cat = controls::load_controls(&aigov_corpus::embedded_controls(), &user)
        .map_err(|diagnostics| AppError::Corpus { diagnostics })?;
    cat.retain_known(corpus);
    Ok(cat)
}

/// What `aigov corpus lint` says of the controls when they are sound.
#[derive(Debug, Clone, Serialize)]
pub struct LintSummary {
    /// Controls in the catalogue.
    pub controls: usize,
    /// Active mappings.
    pub mappings: usize,
    /// Obligations and prohibitions of the corpus (all mapped).
    pub rules: usize,
    /// Declared conflicts.
    pub conflicts: usize,
}

/// Lints the control files against the corpus: file errors, unknown rules and controls, every obligation or
/// prohibition that maps to no control, and every instrument file with no review record, each at its
/// `file:line:col`.
pub fn lint(dir: Option<&Path>, corpus: &Corpus) -> Result<LintSummary, AppError> {
    let (corpus_sources, user) = match dir {
        Some(d) => (
            aigov_corpus::read_dir(d).map_err(|e| AppError::Read {
                path: d.display().to_string(),
                source: e,
            })?,
            aigov_corpus::read_controls_dir(d).map_err(|e| AppError::Read {
                path: d.join("controls").display().to_string(),
                source: e,
            })?,
        ),
        None => (aigov_corpus::embedded_sources(), Vec::new()),
    };
    let mut cat = controls::load_controls(&aigov_corpus::embedded_controls(), &user)
        .map_err(|diagnostics| AppError::Corpus { diagnostics })?;
    let mut diagnostics = controls::check(&cat, corpus, &corpus_sources);
    diagnostics.extend(aigov_corpus::reviews::missing(corpus, &corpus_sources));
    if !diagnostics.is_empty() {
        return Err(AppError::Corpus { diagnostics });
    }
    cat.retain_known(corpus);
    Ok(LintSummary {
        controls: cat.controls.len(),
        mappings: cat.mappings.len(),
        rules: corpus
            .rules
            .iter()
            .filter(|r| controls::calls_for_controls(r))
            .count(),
        conflicts: cat.conflicts.len(),
    })
}

/// A deadline, as the plan shows it.
#[derive(Debug, Clone, Serialize)]
pub struct PlanDeadline<'a> {
    /// In words.
    pub text: &'a str,
    /// A window in hours (days × 24 when the law counts in days), when the law gives one.
    pub within_hours: Option<u32>,
    /// What starts the window.
    pub after: Option<&'a str>,
    /// A fixed date, when the law gives one.
    pub by: Option<Date>,
}

/// One rule a control helps satisfy.
#[derive(Debug, Clone, Serialize)]
pub struct PlanRule<'a> {
    /// In the plan of a manifest of linked subjects: the id of the subject the rule concerns.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject_id: Option<&'a str>,
    /// Rule id.
    pub rule: &'a str,
    /// Rule title.
    pub title: &'a str,
    /// `obligation` or `prohibition`.
    pub effect: &'static str,
    /// The duty or the forbidden practice, in words.
    pub text: &'a str,
    /// Jurisdiction code.
    pub jurisdiction: &'a str,
    /// The instrument's id (for its translated title; not in JSON, which has `instrument_title`).
    #[serde(skip)]
    pub instrument: &'a str,
    /// The instrument's short title.
    pub instrument_title: &'a str,
    /// Article or section.
    pub citation: &'a str,
    /// Primary-source URL.
    pub url: &'a str,
    /// `in_effect`, `upcoming` or `undetermined`.
    pub status: Status,
    /// For an undetermined rule: its status if its condition held.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timing: Option<Status>,
    /// From when it applies.
    pub applies_from: Date,
    /// The deadline beyond that date, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deadline: Option<PlanDeadline<'a>>,
    /// The date the rule needs the control by: the deadline's fixed date, else the date it applies from.
    pub due: Date,
    /// How the rule's requirement relates to this control (NIST IR 8477).
    pub relationship: Relationship,
    /// A published crosswalk supporting the mapping.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<&'a str>,
    /// The other controls the rule maps to (what it needs besides this one).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub with: Vec<&'a str>,
    /// The instrument is a proposed rule, not law.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub proposed: bool,
    /// For an undetermined rule: the questions that would settle it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<&'a str>,
    /// The facts those questions ask for, in the same order (for their translations; not in JSON).
    #[serde(skip)]
    pub facts: Vec<&'a str>,
}

/// One control of the plan, with the rules it serves.
#[derive(Debug, Clone, Serialize)]
pub struct PlanItem<'a> {
    /// The control.
    pub control: &'a Control,
    /// The earliest date a rule needs it by.
    pub due: Date,
    /// Whether implementing the control alone satisfies every rule listed (all `equal` or `subset_of`).
    pub suffices: bool,
    /// The rules, earliest first.
    pub rules: Vec<PlanRule<'a>>,
}

/// A question that would settle undetermined rules.
#[derive(Debug, Clone, Serialize)]
pub struct PlanQuestion<'a> {
    /// In the plan of a manifest of linked subjects: the id of the subject it asks about.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject_id: Option<&'a str>,
    /// The fact (`ai_system.profiling`).
    pub fact: &'a str,
    /// The question for a person.
    pub question: &'a str,
    /// The rules of the plan it would settle.
    pub rules: Vec<&'a str>,
}

/// The work list for a subject as of a date.
#[derive(Debug, Clone, Serialize)]
pub struct Plan<'a> {
    /// The date the answer holds for.
    pub as_of: Date,
    /// The subject kind.
    pub subject: &'a str,
    /// The subject's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<&'a str>,
    /// In the plan of a manifest of linked subjects: the subjects, in the manifest's order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub subjects: Vec<PlanSubject<'a>>,
    /// The jurisdiction filter, if any.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub jurisdictions: Vec<String>,
    /// Distinct duties (obligations and prohibitions) in the plan.
    pub duties: usize,
    /// Of which undetermined.
    pub undetermined: usize,
    /// The controls, earliest due first.
    pub items: Vec<PlanItem<'a>>,
    /// Duties that map to no control (only with a user's corpus that lint would reject).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unmapped: Vec<&'a str>,
    /// What would settle the undetermined duties.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<PlanQuestion<'a>>,
}

/// One subject of a manifest of linked subjects, as the plan lists it.
#[derive(Debug, Clone, Serialize)]
pub struct PlanSubject<'a> {
    /// Its id in the manifest.
    pub id: &'a str,
    /// Its kind (`model`, `ai_system`, ...).
    pub subject: &'a str,
    /// Its name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<&'a str>,
    /// The subject it is built on (or, for an export, the item it carries).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub built_on: Option<&'a str>,
    /// Its duties in the plan.
    pub duties: usize,
    /// Of which undetermined.
    pub undetermined: usize,
}

/// Whether a finding is a duty the plan lists: an obligation or prohibition in effect, upcoming or undetermined.
pub(crate) fn is_duty(f: &Finding) -> bool {
    matches!(
        f.status,
        Status::InEffect | Status::Upcoming | Status::Undetermined
    ) && matches!(
        f.effect,
        Effect::Obligation { .. } | Effect::Prohibition { .. }
    )
}

/// The plan's view of one finding under one mapping.
pub(crate) fn plan_rule<'a>(
    f: &Finding<'a>,
    cat: &'a Catalogue,
    m: &'a controls::Mapping,
) -> PlanRule<'a> {
    let (effect, text, deadline) = match f.effect {
        Effect::Obligation { duty, deadline, .. } => (
            "obligation",
            duty.as_str(),
            deadline.as_ref().map(|d| PlanDeadline {
                text: &d.text,
                within_hours: d
                    .within_hours
                    .or(d.within_days.map(|days| days.saturating_mul(24))),
                after: d.after.as_deref(),
                by: d.by.as_ref().map(|b| b.date),
            }),
        ),
        Effect::Prohibition { practice, .. } => ("prohibition", practice.as_str(), None),
        _ => ("", "", None),
    };
    let due = deadline
        .as_ref()
        .and_then(|d| d.by)
        .map(|by| by.max(f.applies_from))
        .unwrap_or(f.applies_from);
    PlanRule {
        subject_id: None,
        rule: f.rule,
        title: f.title,
        effect,
        text,
        jurisdiction: f.jurisdiction,
        instrument: f.instrument,
        instrument_title: f.instrument_title,
        citation: f.citation,
        url: f.url,
        status: f.status,
        timing: f.timing,
        applies_from: f.applies_from,
        deadline,
        due,
        relationship: m.relationship,
        source: m.source.as_deref(),
        with: cat
            .for_rule(f.rule)
            .filter(|o| o.control != m.control)
            .map(|o| o.control.as_str())
            .collect(),
        proposed: f.proposed,
        questions: f.questions.clone(),
        facts: f.open_facts.clone(),
    }
}

/// Builds the plan from an assessment's findings.
pub fn plan<'a>(
    engine: &'a Engine,
    cat: &'a Catalogue,
    facts: &'a Facts,
    as_of: Date,
    jurisdictions: &[String],
) -> Plan<'a> {
    let mut p = plan_of(engine, cat, &[(None, facts)], as_of, jurisdictions);
    p.subjects.clear();
    p
}

/// One plan for a manifest of linked subjects (an organization's model and the system built on it, an item and
/// its exports): each control of the catalogue once, listing the rules of every subject it serves, each rule and
/// each question labelled with the `subject_id` it concerns. Rendered as a `linked_plan` document.
pub fn plan_linked<'a>(
    engine: &'a Engine,
    cat: &'a Catalogue,
    subjects: &'a [Linked],
    as_of: Date,
    jurisdictions: &[String],
) -> Plan<'a> {
    let inputs: Vec<(Option<&'a Linked>, &'a Facts)> =
        subjects.iter().map(|s| (Some(s), &s.facts)).collect();
    let mut p = plan_of(engine, cat, &inputs, as_of, jurisdictions);
    p.subject = "linked";
    p.name = None;
    p
}

/// The plan over one or more subjects; a subject given with its [`Linked`] entry labels its rules and questions.
fn plan_of<'a>(
    engine: &'a Engine,
    cat: &'a Catalogue,
    inputs: &[(Option<&'a Linked>, &'a Facts)],
    as_of: Date,
    jurisdictions: &[String],
) -> Plan<'a> {
    let mut options = Options::as_of(as_of);
    options.jurisdictions = jurisdictions.to_vec();
    options.traces = false;
    let mut items: BTreeMap<&str, Vec<PlanRule<'a>>> = BTreeMap::new();
    let mut unmapped = Vec::new();
    let mut duties = 0;
    let mut undetermined = 0;
    let mut subjects = Vec::new();
    let mut questions = Vec::new();
    let mut first: Option<(&'a str, Option<&'a str>)> = None;
    for (linked, facts) in inputs {
        let a = engine.assess(facts, &options);
        first.get_or_insert((a.subject, a.name));
        let id = linked.map(|l| l.id.as_str());
        let (mut own_duties, mut own_undetermined) = (0, 0);
        let mut in_plan: std::collections::HashSet<&str> = std::collections::HashSet::new();
        for f in a.findings.iter().filter(|f| is_duty(f)) {
            own_duties += 1;
            if f.status == Status::Undetermined {
                own_undetermined += 1;
            }
            let mut any = false;
            for m in cat.for_rule(f.rule) {
                if cat.control(&m.control).is_some() {
                    in_plan.insert(f.rule);
                }
                any = true;
                let mut r = plan_rule(f, cat, m);
                r.subject_id = id;
                items.entry(m.control.as_str()).or_default().push(r);
            }
            if !any && !unmapped.contains(&f.rule) {
                unmapped.push(f.rule);
            }
        }
        duties += own_duties;
        undetermined += own_undetermined;
        questions.extend(a.questions.iter().filter_map(|q| {
            let rules: Vec<&str> = q
                .rules
                .iter()
                .copied()
                .filter(|r| in_plan.contains(r))
                .collect();
            (!rules.is_empty()).then_some(PlanQuestion {
                subject_id: id,
                fact: q.fact,
                question: q.question,
                rules,
            })
        }));
        if let Some(l) = linked {
            subjects.push(PlanSubject {
                id: &l.id,
                subject: a.subject,
                name: a.name,
                built_on: l.built_on.as_deref(),
                duties: own_duties,
                undetermined: own_undetermined,
            });
        }
    }
    let mut items: Vec<PlanItem<'a>> = items
        .into_iter()
        .filter_map(|(id, mut rules)| {
            let control = cat.control(id)?;
            // Stable: a rule that concerns two subjects is listed in the manifest's order.
            rules.sort_by(|a, b| {
                (a.due, a.jurisdiction, a.rule).cmp(&(b.due, b.jurisdiction, b.rule))
            });
            Some(PlanItem {
                control,
                due: rules.iter().map(|r| r.due).min()?,
                suffices: rules.iter().all(|r| r.relationship.control_suffices()),
                rules,
            })
        })
        .collect();
    items.sort_by(|a, b| (a.due, &a.control.id).cmp(&(b.due, &b.control.id)));
    let (subject, name) = first.unwrap_or(("", None));
    Plan {
        as_of,
        subject,
        name,
        subjects,
        jurisdictions: jurisdictions.to_vec(),
        duties,
        undetermined,
        items,
        unmapped,
        questions,
    }
}

/// A rule's status and dates in words: "in effect since 2025-02-02", "upcoming: applies from 2027-12-02",
/// "undetermined (would apply from ...)".
pub(crate) fn status_words(r: &PlanRule) -> String {
    status_words_in(r, Lang::En, None)
}

/// [`status_words`] in `lang`, with the rule's deadline from the corpus's translation where it has one.
pub(crate) fn status_words_in(r: &PlanRule, lang: Lang, texts: Option<&Texts>) -> String {
    let date = lang.date(r.applies_from);
    let mut s = match r.status {
        Status::InEffect => lang.ta("plan-in-effect", &[("date", Arg::Str(&date))]),
        Status::Upcoming => lang.ta("plan-upcoming", &[("date", Arg::Str(&date))]),
        Status::Undetermined => lang.ta(
            match r.timing {
                Some(Status::InEffect) => "plan-undetermined-since",
                _ => "plan-undetermined-from",
            },
            &[("date", Arg::Str(&date))],
        ),
        other if lang == Lang::En => other.as_str().to_string(),
        other => lang.status(other),
    };
    if let Some(d) = &r.deadline {
        let text = texts
            .and_then(|t| t.rule_deadline(r.rule, d.text))
            .unwrap_or(d.text);
        s.push_str(&lang.ta("plan-deadline", &[("deadline", Arg::Str(text))]));
    }
    if r.proposed {
        s.push_str(&lang.t("plan-proposed"));
    }
    s
}

/// "required since DATE" (on or before the answer's date) or "by DATE".
pub(crate) fn due_words(due: Date, as_of: Date, lang: Lang) -> String {
    let date = lang.date(due);
    lang.ta(
        if due <= as_of {
            "plan-due-since"
        } else {
            "plan-due-by"
        },
        &[("date", Arg::Str(&date))],
    )
}

/// A relationship in words, before "this control": "equal to", "subset of", ...
pub(crate) fn rel_words(r: Relationship, lang: Lang) -> String {
    lang.t(match r {
        Relationship::Equal => "rel-equal",
        Relationship::SubsetOf => "rel-subset-of",
        Relationship::SupersetOf => "rel-superset-of",
        Relationship::IntersectsWith => "rel-intersects-with",
    })
}

/// A plan rule's title, instrument and citation in `lang` (the corpus's translations where it has them).
pub(crate) fn rule_names<'a>(
    r: &PlanRule<'a>,
    lang: Lang,
    texts: Option<&'a Texts>,
) -> (&'a str, &'a str, String) {
    (
        texts.and_then(|t| t.rule_title(r.rule)).unwrap_or(r.title),
        texts
            .and_then(|t| t.short_title(r.instrument))
            .unwrap_or(r.instrument_title),
        crate::localize::rule_citation(r.rule, r.citation, lang, texts),
    )
}

/// A plan rule's duty or forbidden practice in `lang`.
pub(crate) fn rule_text<'a>(r: &PlanRule<'a>, texts: Option<&'a Texts>) -> &'a str {
    texts
        .and_then(|t| t.rule_effect(r.rule, r.text))
        .unwrap_or(r.text)
}

/// A control's title in `lang`.
pub(crate) fn control_title(c: &Control, lang: Lang) -> &str {
    if lang == Lang::En {
        &c.title.en
    } else {
        &c.title.zh
    }
}

/// The framework references of a control in words.
pub(crate) fn references_line(c: &Control) -> Option<String> {
    let mut parts = Vec::new();
    if !c.references.nist_ai_rmf.is_empty() {
        parts.push(format!(
            "NIST AI RMF {}",
            c.references.nist_ai_rmf.join(", ")
        ));
    }
    if !c.references.iso_42001.is_empty() {
        parts.push(format!(
            "ISO/IEC 42001 {}",
            c.references.iso_42001.join(", ")
        ));
    }
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// Renders the plan as text, Markdown or JSON (`kind: "plan"`); OSCAL is [`crate::oscal`].
pub fn render(p: &Plan, format: OutputFormat) -> String {
    render_in(p, format, Lang::En, None)
}

/// [`render`] in `lang`: aigov's words from the message files, the controls' titles and descriptions in that
/// language, and the rules' titles, citations, duties, deadlines and questions from the corpus's translations
/// (`texts`) where it has them. JSON stays language-neutral.
pub fn render_in(p: &Plan, format: OutputFormat, lang: Lang, texts: Option<&Texts>) -> String {
    if format == OutputFormat::Json {
        let kind = if p.subjects.is_empty() {
            "plan"
        } else {
            "linked_plan"
        };
        return json(kind, p);
    }
    let texts = texts.filter(|_| lang != Lang::En);
    let st = Style::new(format, lang);
    let md = format == OutputFormat::Markdown;
    let mut out = String::new();
    let ids = p
        .subjects
        .iter()
        .map(|s| s.id)
        .collect::<Vec<_>>()
        .join(", ");
    let who = if p.subjects.is_empty() {
        p.name.unwrap_or(p.subject)
    } else {
        &ids
    };
    // In a linked plan, each rule and question says which subject it concerns.
    let labelled = |subject: Option<&str>, text: String| match subject {
        Some(id) => lang.ta(
            "plan-for-subject",
            &[
                ("subject", Arg::Str(&st.code(id))),
                ("text", Arg::Str(&text)),
            ],
        ),
        None => text,
    };
    st.h1(
        &mut out,
        &lang.ta(
            "plan-title",
            &[
                ("who", Arg::Str(who)),
                ("date", Arg::Str(&lang.date(p.as_of))),
            ],
        ),
    );
    let undetermined = if p.undetermined > 0 {
        lang.ta(
            "plan-intro-undetermined",
            &[("count", Arg::Num(p.undetermined as f64))],
        )
    } else {
        String::new()
    };
    let _ = writeln!(
        out,
        "{}",
        lang.ta(
            "plan-intro",
            &[
                ("controls", Arg::Num(p.items.len() as f64)),
                ("duties", Arg::Num(p.duties as f64)),
                ("undetermined", Arg::Str(&undetermined)),
            ],
        )
    );
    if !p.subjects.is_empty() {
        let list = p
            .subjects
            .iter()
            .map(|s| {
                let built = s
                    .built_on
                    .map(|b| {
                        format!(
                            " — {}",
                            lang.ta("report-linked-built-on", &[("id", Arg::Str(b))])
                        )
                    })
                    .unwrap_or_default();
                lang.ta(
                    "plan-subject",
                    &[
                        ("id", Arg::Str(&st.code(s.id))),
                        ("subject", Arg::Str(s.subject)),
                        ("duties", Arg::Num(s.duties as f64)),
                        ("built", Arg::Str(&built)),
                    ],
                )
            })
            .collect::<Vec<_>>()
            .join(if lang == Lang::En { "; " } else { "；" });
        let _ = writeln!(
            out,
            "{}",
            lang.ta("plan-subjects", &[("list", Arg::Str(&list))])
        );
    }
    if !p.jurisdictions.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            lang.ta(
                "plan-jurisdictions",
                &[("list", Arg::Str(&p.jurisdictions.join(", ")))]
            )
        );
    }
    for (n, item) in p.items.iter().enumerate() {
        let c = item.control;
        st.h2(
            &mut out,
            &lang.ta(
                "plan-control",
                &[
                    ("n", Arg::Num((n + 1) as f64)),
                    ("title", Arg::Str(control_title(c, lang))),
                    ("id", Arg::Str(&c.id)),
                    ("due", Arg::Str(&due_words(item.due, p.as_of, lang))),
                ],
            ),
        );
        // In English the Chinese title follows; in Chinese the heading already is.
        if lang == Lang::En {
            let _ = writeln!(out, "{}", c.title.zh);
        }
        if md {
            out.push('\n');
        }
        let _ = writeln!(
            out,
            "{}",
            if lang == Lang::En {
                &c.description.en
            } else {
                &c.description.zh
            }
        );
        if let Some(r) = references_line(c) {
            let _ = writeln!(
                out,
                "{}",
                lang.ta("plan-references", &[("refs", Arg::Str(&r))])
            );
        }
        if !item.suffices {
            let _ = writeln!(out, "{}", lang.t("plan-not-sufficient"));
        }
        if md {
            out.push('\n');
        }
        for r in &item.rules {
            let (title, instrument, citation) = rule_names(r, lang, texts);
            st.bullet(
                &mut out,
                &labelled(
                    r.subject_id,
                    lang.ta(
                        "plan-rule",
                        &[
                            ("instrument", Arg::Str(instrument)),
                            ("citation", Arg::Str(&citation)),
                            ("title", Arg::Str(title)),
                            ("rule", Arg::Str(&st.code(r.rule))),
                        ],
                    ),
                ),
            );
            let source = r
                .source
                .map(|s| lang.ta("plan-source", &[("source", Arg::Str(s))]))
                .unwrap_or_default();
            st.detail(
                &mut out,
                &lang.ta(
                    "plan-rule-detail",
                    &[
                        ("status", Arg::Str(&status_words_in(r, lang, texts))),
                        ("relationship", Arg::Str(&rel_words(r.relationship, lang))),
                        ("source", Arg::Str(&source)),
                    ],
                ),
            );
            if !r.relationship.control_suffices() && !r.with.is_empty() {
                st.detail(
                    &mut out,
                    &lang.ta(
                        "plan-also-needs",
                        &[("controls", Arg::Str(&r.with.join(", ")))],
                    ),
                );
            } else if r.relationship == Relationship::IntersectsWith {
                st.detail(
                    &mut out,
                    &lang.ta("plan-extend", &[("text", Arg::Str(rule_text(r, texts)))]),
                );
            }
            for (i, q) in r.questions.iter().enumerate() {
                let q = texts
                    .zip(r.facts.get(i))
                    .and_then(|(t, f)| t.question(f))
                    .unwrap_or(q);
                st.detail(&mut out, &format!("? {q}"));
            }
        }
    }
    if !p.unmapped.is_empty() {
        st.h2(&mut out, &lang.t("plan-unmapped"));
        for r in &p.unmapped {
            st.bullet(&mut out, &st.code(r));
        }
    }
    if !p.questions.is_empty() {
        st.h2(&mut out, &lang.t("plan-questions"));
        for q in &p.questions {
            let question = texts.and_then(|t| t.question(q.fact)).unwrap_or(q.question);
            st.bullet(
                &mut out,
                &labelled(
                    q.subject_id,
                    lang.ta(
                        "plan-question",
                        &[
                            ("question", Arg::Str(question)),
                            ("fact", Arg::Str(&st.code(q.fact))),
                        ],
                    ),
                ),
            );
        }
    }
    out
}
