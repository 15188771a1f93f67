//! `aigov timeline`, `diff` and `explain` over a manifest of linked subjects (an organization's model and the
//! system built on it, an item and its exports): each subject's answer, labelled with the subject's id. A manifest
//! of one subject is answered exactly as before, by the single-subject renderers of [`crate::report`].
//!
//! JSON: `linked_timeline`, `linked_diff` and `linked_explanation` documents whose `subjects` are each subject's
//! document with its `id` and `built_on`, every timeline entry and span and every diff change carrying the
//! `subject_id` it concerns (docs/output.md). Text and Markdown: each subject's report under a heading that names
//! it, as `aigov assess` prints linked subjects.

use crate::i18n::{Arg, Lang};
use crate::report;
use crate::{AppError, OutputFormat, Translations};
use aigov_core::diff::Diff;
use aigov_core::manifest::Linked;
use aigov_core::model::Corpus;
use aigov_core::timeline::{Entry, Span, Timeline};
use aigov_core::{Date, Engine};

/// One linked subject's answer (a timeline, a diff, ...) with the subject's id and what it is built on.
#[derive(Debug, Clone)]
pub struct Labelled<T> {
    /// Its id in the manifest.
    pub id: String,
    /// The subject it is built on (or, for an export, the item it carries).
    pub built_on: Option<String>,
    /// Its answer.
    pub answer: T,
}

/// The heading that opens a linked subject's report: "Subject 2 of 3: `to-malaysia` (export) — built on `h100`",
/// underlined in text, a level-1 heading in Markdown.
#[allow(clippy::too_many_arguments)]
pub(crate) fn heading(
    out: &mut String,
    format: OutputFormat,
    lang: Lang,
    n: usize,
    count: usize,
    id: &str,
    subject: &str,
    built_on: Option<&str>,
) {
    let heading = lang.ta(
        "report-linked-subject",
        &[
            ("n", Arg::Num(n as f64)),
            ("count", Arg::Num(count as f64)),
            ("id", Arg::Str(id)),
            ("subject", Arg::Str(subject)),
        ],
    );
    let built = built_on
        .map(|b| {
            format!(
                " — {}",
                lang.ta("report-linked-built-on", &[("id", Arg::Str(b))])
            )
        })
        .unwrap_or_default();
    if format == OutputFormat::Markdown {
        out.push_str(&format!("# {heading}{built}\n\n"));
    } else {
        let line = format!("{heading}{built}");
        out.push_str(&format!(
            "{line}\n{}\n\n",
            "#".repeat(line.chars().count().min(100))
        ));
    }
}

/// Every linked subject's timeline, reading the law as of `as_of`, in the manifest's order.
pub fn timelines(
    engine: &Engine,
    subjects: &[Linked],
    as_of: Date,
    jurisdictions: &[String],
) -> Vec<Labelled<Timeline>> {
    subjects
        .iter()
        .map(|s| Labelled {
            id: s.id.clone(),
            built_on: s.built_on.clone(),
            answer: aigov_core::timeline::timeline(engine, &s.facts, as_of, jurisdictions),
        })
        .collect()
}

/// The linked subjects' timelines as one, for a calendar file or a chart: every entry and span titled
/// `id: title`, and its rule written `id/rule` (so a rule that concerns two subjects is two calendar events with
/// distinct UIDs); entries ordered by date, then by the manifest's order.
pub fn merged_timeline(timelines: &[Labelled<Timeline>]) -> Timeline {
    let mut entries: Vec<Entry> = Vec::new();
    let mut spans: Vec<Span> = Vec::new();
    for t in timelines {
        entries.extend(t.answer.entries.iter().map(|e| Entry {
            rule: format!("{}/{}", t.id, e.rule),
            title: format!("{}: {}", t.id, e.title),
            ..e.clone()
        }));
        spans.extend(t.answer.spans.iter().map(|s| Span {
            rule: format!("{}/{}", t.id, s.rule),
            title: format!("{}: {}", t.id, s.title),
            ..s.clone()
        }));
    }
    entries.sort_by_key(|e| e.date);
    let ids: Vec<&str> = timelines.iter().map(|t| t.id.as_str()).collect();
    Timeline {
        as_of: timelines
            .first()
            .map(|t| t.answer.as_of)
            .unwrap_or_default(),
        subject: "linked".into(),
        name: Some(ids.join(", ")),
        entries,
        spans,
    }
}

/// Renders the linked subjects' timelines (see the module's documentation).
pub fn render_timelines(
    timelines: &[Labelled<Timeline>],
    format: OutputFormat,
    lang: Lang,
    translations: &Translations,
    corpus: Option<&Corpus>,
) -> String {
    if format == OutputFormat::Json {
        #[derive(serde::Serialize)]
        struct Tagged<'a, T> {
            subject_id: &'a str,
            #[serde(flatten)]
            item: &'a T,
        }
        #[derive(serde::Serialize)]
        struct Subject<'a> {
            id: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            built_on: Option<&'a str>,
            subject: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            name: Option<&'a str>,
            entries: Vec<Tagged<'a, Entry>>,
            spans: Vec<Tagged<'a, Span>>,
        }
        #[derive(serde::Serialize)]
        struct Document<'a> {
            as_of: Option<Date>,
            subjects: Vec<Subject<'a>>,
        }
        let subjects = timelines
            .iter()
            .map(|t| Subject {
                id: &t.id,
                built_on: t.built_on.as_deref(),
                subject: &t.answer.subject,
                name: t.answer.name.as_deref(),
                entries: t
                    .answer
                    .entries
                    .iter()
                    .map(|item| Tagged {
                        subject_id: &t.id,
                        item,
                    })
                    .collect(),
                spans: t
                    .answer
                    .spans
                    .iter()
                    .map(|item| Tagged {
                        subject_id: &t.id,
                        item,
                    })
                    .collect(),
            })
            .collect();
        return report::json(
            "linked_timeline",
            &Document {
                as_of: timelines.first().map(|t| t.answer.as_of),
                subjects,
            },
        );
    }
    let mut out = String::new();
    for (i, t) in timelines.iter().enumerate() {
        heading(
            &mut out,
            format,
            lang,
            i + 1,
            timelines.len(),
            &t.id,
            &t.answer.subject,
            t.built_on.as_deref(),
        );
        out.push_str(&report::timeline_in(
            &t.answer,
            format,
            lang,
            translations,
            corpus,
        ));
        out.push('\n');
    }
    out
}

/// Every linked subject's changes between two dates, in the manifest's order, each change carrying the
/// `subject_id` it concerns.
pub fn diffs(
    engine: &Engine,
    subjects: &[Linked],
    from: Date,
    to: Date,
    jurisdictions: &[String],
) -> Vec<Labelled<Diff>> {
    subjects
        .iter()
        .map(|s| {
            let mut d = aigov_core::diff::diff(engine, &s.facts, from, to, jurisdictions);
            for c in &mut d.changes {
                c.subject_id = Some(s.id.clone());
            }
            Labelled {
                id: s.id.clone(),
                built_on: s.built_on.clone(),
                answer: d,
            }
        })
        .collect()
}

/// Renders the linked subjects' changes (see the module's documentation).
pub fn render_diffs(
    diffs: &[Labelled<Diff>],
    format: OutputFormat,
    lang: Lang,
    translations: &Translations,
    corpus: Option<&Corpus>,
) -> String {
    if format == OutputFormat::Json {
        #[derive(serde::Serialize)]
        struct Subject<'a> {
            id: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            built_on: Option<&'a str>,
            subject: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            name: Option<&'a str>,
            changes: &'a [aigov_core::diff::Change],
        }
        #[derive(serde::Serialize)]
        struct Document<'a> {
            from: Option<Date>,
            to: Option<Date>,
            subjects: Vec<Subject<'a>>,
        }
        return report::json(
            "linked_diff",
            &Document {
                from: diffs.first().map(|d| d.answer.from),
                to: diffs.first().map(|d| d.answer.to),
                subjects: diffs
                    .iter()
                    .map(|d| Subject {
                        id: &d.id,
                        built_on: d.built_on.as_deref(),
                        subject: &d.answer.subject,
                        name: d.answer.name.as_deref(),
                        changes: &d.answer.changes,
                    })
                    .collect(),
            },
        );
    }
    let mut out = String::new();
    for (i, d) in diffs.iter().enumerate() {
        heading(
            &mut out,
            format,
            lang,
            i + 1,
            diffs.len(),
            &d.id,
            &d.answer.subject,
            d.built_on.as_deref(),
        );
        out.push_str(&report::diff_with(
            &d.answer,
            format,
            lang,
            translations,
            corpus,
        ));
        out.push('\n');
    }
    out
}

/// Explains rule `index` for the linked subjects it concerns: the one named `subject` (its id), or, without
/// one, every subject of the rule's kind, in the manifest's order. An error when `subject` names no subject of the
/// manifest, names one of another kind, or when no subject is of the rule's kind; the error lists the subjects.
#[allow(clippy::too_many_arguments)]
pub fn explain(
    engine: &Engine,
    subjects: &[Linked],
    index: usize,
    subject: Option<&str>,
    as_of: Date,
    format: OutputFormat,
    lang: Lang,
    translations: &Translations,
) -> Result<String, AppError> {
    let rule = &engine.corpus.rules[index];
    let list = subjects
        .iter()
        .map(|s| format!("`{}` ({})", s.id, s.facts.subject))
        .collect::<Vec<_>>()
        .join(", ");
    let chosen: Vec<&Linked> = match subject {
        Some(id) => {
            let Some(s) = subjects.iter().find(|s| s.id == id) else {
                return Err(AppError::invalid(
                    format!("the manifest has no subject `{id}`; its subjects are {list}"),
                    "pass one of those ids to --subject",
                ));
            };
            if s.facts.subject != rule.subject {
                return Err(AppError::invalid(
                    format!(
                        "`{}` addresses subject `{}`, but `{id}` is of kind `{}`; the manifest's subjects are {list}",
                        rule.id, rule.subject, s.facts.subject
                    ),
                    format!("pass --subject with the id of a subject of kind `{}`", rule.subject),
                ));
            }
            vec![s]
        }
        None => subjects
            .iter()
            .filter(|s| s.facts.subject == rule.subject)
            .collect(),
    };
    if chosen.is_empty() {
        return Err(AppError::invalid(
            format!(
                "`{}` addresses subject `{}`, and no subject of the manifest is one; its subjects are {list}",
                rule.id, rule.subject
            ),
            format!(
                "explain it with a manifest that holds a subject of kind `{}`",
                rule.subject
            ),
        ));
    }
    if format == OutputFormat::Json {
        let items: Vec<serde_json::Value> = chosen
            .iter()
            .map(|s| {
                let text =
                    report::explain_in(engine, &s.facts, index, as_of, format, lang, translations);
                let mut v: serde_json::Value =
                    serde_json::from_str(&text).unwrap_or(serde_json::Value::Null);
                if let serde_json::Value::Object(m) = &mut v {
                    for key in ["kind", "format_version", "as_of", "rule"] {
                        m.remove(key);
                    }
                    m.insert("id".into(), s.id.as_str().into());
                    m.insert("subject".into(), s.facts.subject.as_str().into());
                    if let Some(b) = &s.built_on {
                        m.insert("built_on".into(), b.as_str().into());
                    }
                }
                v
            })
            .collect();
        #[derive(serde::Serialize)]
        struct Document<'a> {
            as_of: Date,
            rule: &'a str,
            subjects: Vec<serde_json::Value>,
        }
        return Ok(report::json(
            "linked_explanation",
            &Document {
                as_of,
                rule: &rule.id,
                subjects: items,
            },
        ));
    }
    let mut out = String::new();
    for s in &chosen {
        // Numbered as in the manifest, so "subject 3 of 3" is the manifest's third whichever are explained.
        let n = subjects
            .iter()
            .position(|x| std::ptr::eq(x, *s))
            .map_or(1, |i| i + 1);
        heading(
            &mut out,
            format,
            lang,
            n,
            subjects.len(),
            &s.id,
            &s.facts.subject,
            s.built_on.as_deref(),
        );
        out.push_str(&report::explain_in(
            engine,
            &s.facts,
            index,
            as_of,
            format,
            lang,
            translations,
        ));
        out.push('\n');
    }
    Ok(out)
}

/// One linked subject's US checkerboard, rendered, with its chart.
#[derive(Debug, Clone)]
pub struct Map {
    /// The report (text, Markdown, or the JSON of one subject's `map` document).
    pub report: String,
    /// The SVG chart.
    pub svg: String,
}

/// Every linked subject's US checkerboard as of `as_of`, measured in controls as `aigov map` measures one
/// subject's, in the manifest's order.
pub fn maps(
    engine: &Engine,
    catalogue: &aigov_corpus::controls::Catalogue,
    subjects: &[Linked],
    as_of: Date,
    format: OutputFormat,
    lang: Lang,
    translations: &Translations,
) -> Result<Vec<Labelled<Map>>, AppError> {
    subjects
        .iter()
        .map(|s| {
            let a = engine.assess(&s.facts, &aigov_core::assess::Options::as_of(as_of));
            let board = crate::map::checkerboard(&a);
            let measure = crate::map::measured(engine, catalogue, &s.facts, as_of, &board)?;
            Ok(Labelled {
                id: s.id.clone(),
                built_on: s.built_on.clone(),
                answer: Map {
                    report: crate::map::report_measured_in(
                        &board,
                        measure.as_ref(),
                        format,
                        lang,
                        translations.get(lang.tag()),
                    ),
                    svg: crate::map::svg(&board),
                },
            })
        })
        .collect()
}

/// Renders the linked subjects' checkerboards: in JSON a `linked_map` document whose `subjects` are each subject's
/// `map` document with its `id` and `built_on`, every duty carrying the `subject_id` it concerns; in text and
/// Markdown each subject's map under a heading that names it.
pub fn render_maps(
    maps: &[Labelled<Map>],
    subjects: &[Linked],
    as_of: Date,
    format: OutputFormat,
    lang: Lang,
) -> String {
    if format == OutputFormat::Json {
        let items: Vec<serde_json::Value> = maps
            .iter()
            .map(|m| {
                let mut v: serde_json::Value =
                    serde_json::from_str(&m.answer.report).unwrap_or(serde_json::Value::Null);
                if let serde_json::Value::Object(o) = &mut v {
                    o.remove("kind");
                    o.remove("format_version");
                    o.remove("as_of");
                    if let Some(serde_json::Value::Array(duties)) = o.get_mut("duties") {
                        for d in duties {
                            if let serde_json::Value::Object(d) = d {
                                d.insert("subject_id".into(), m.id.as_str().into());
                            }
                        }
                    }
                    o.insert("id".into(), m.id.as_str().into());
                    if let Some(b) = &m.built_on {
                        o.insert("built_on".into(), b.as_str().into());
                    }
                }
                v
            })
            .collect();
        #[derive(serde::Serialize)]
        struct Document {
            as_of: Date,
            subjects: Vec<serde_json::Value>,
        }
        return report::json(
            "linked_map",
            &Document {
                as_of,
                subjects: items,
            },
        );
    }
    let mut out = String::new();
    for (i, (m, s)) in maps.iter().zip(subjects).enumerate() {
        heading(
            &mut out,
            format,
            lang,
            i + 1,
            maps.len(),
            &m.id,
            &s.facts.subject,
            m.built_on.as_deref(),
        );
        out.push_str(&m.answer.report);
        out.push('\n');
    }
    out
}

/// Where the chart of linked subject `id` goes when the user asked for `path`: `map.svg` becomes `map-id.svg`
/// (in the same folder: a character of the id other than a letter, digit, `-` or `_` is written `_`).
pub fn chart_path(path: &std::path::Path, id: &str) -> std::path::PathBuf {
    let id: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = match path.extension() {
        Some(ext) => format!("{stem}-{id}.{}", ext.to_string_lossy()),
        None => format!("{stem}-{id}"),
    };
    path.with_file_name(name)
}

/// Every linked subject's comparison under `jurisdictions`, in the manifest's order, every rule of every control
/// carrying the `subject_id` it concerns (`aigov compare` on a manifest of linked subjects).
pub fn compares<'a>(
    engine: &'a Engine,
    cat: &'a aigov_corpus::controls::Catalogue,
    subjects: &'a [Linked],
    as_of: Date,
    jurisdictions: &[String],
) -> Result<Vec<Labelled<crate::compare::Comparison<'a>>>, AppError> {
    subjects
        .iter()
        .map(|s| {
            let mut c = crate::compare::compare(engine, cat, &s.facts, as_of, jurisdictions)?;
            for control in &mut c.controls {
                for j in &mut control.jurisdictions {
                    for r in &mut j.rules {
                        r.subject_id = Some(&s.id);
                    }
                }
            }
            Ok(Labelled {
                id: s.id.clone(),
                built_on: s.built_on.clone(),
                answer: c,
            })
        })
        .collect()
}

/// Renders the linked subjects' comparisons: in JSON a `linked_comparison` document whose `subjects` are each
/// subject's `comparison` document with its `id` and `built_on`; in text and Markdown each subject's comparison
/// under a heading that names it.
pub fn render_compares(
    compares: &[Labelled<crate::compare::Comparison>],
    format: OutputFormat,
    lang: Lang,
    texts: Option<&aigov_corpus::Texts>,
    corpus: Option<&Corpus>,
) -> String {
    if format == OutputFormat::Json {
        #[derive(serde::Serialize)]
        struct Subject<'a, 'b> {
            id: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            built_on: Option<&'a str>,
            #[serde(flatten)]
            comparison: &'a crate::compare::Comparison<'b>,
        }
        #[derive(serde::Serialize)]
        struct Document<'a, 'b> {
            as_of: Option<Date>,
            jurisdictions: Option<&'a [String]>,
            subjects: Vec<Subject<'a, 'b>>,
        }
        let subjects: Vec<Subject> = compares
            .iter()
            .map(|c| Subject {
                id: &c.id,
                built_on: c.built_on.as_deref(),
                comparison: &c.answer,
            })
            .collect();
        return report::json(
            "linked_comparison",
            &Document {
                as_of: compares.first().map(|c| c.answer.as_of),
                jurisdictions: compares.first().map(|c| c.answer.jurisdictions.as_slice()),
                subjects,
            },
        );
    }
    let mut out = String::new();
    for (i, c) in compares.iter().enumerate() {
        heading(
            &mut out,
            format,
            lang,
            i + 1,
            compares.len(),
            &c.id,
            c.answer.subject,
            c.built_on.as_deref(),
        );
        out.push_str(&crate::compare::render_in(
            &c.answer, format, lang, texts, corpus,
        ));
        out.push('\n');
    }
    out
}

/// `aigov compute` over linked subjects: the compute report of every subject of a kind with compute facts (a
/// model), in the manifest's order, and the subjects skipped for having none (id and kind).
pub struct Computes {
    /// Each model's report.
    pub reports: Vec<Labelled<crate::compute::Report>>,
    /// Kinds of the manifest's subjects, in its order (for the headings' "Subject N of M").
    pub kinds: Vec<(String, String)>,
    /// The subjects skipped: (id, kind).
    pub skipped: Vec<(String, String)>,
}

/// Computes every model of the linked subjects; `inputs` (the command's flags) apply when the manifest holds one
/// model. An error when no subject has compute facts, or when flags are given for several models.
pub fn computes(
    engine: &Engine,
    subjects: &[Linked],
    inputs: &crate::compute::Inputs,
    flags_given: bool,
    as_of: Date,
) -> Result<Computes, AppError> {
    let has_compute = |kind: &str| {
        engine
            .corpus
            .vocabulary
            .fact(kind, "training_compute_flop")
            .is_some()
    };
    let list = subjects
        .iter()
        .map(|s| format!("`{}` ({})", s.id, s.facts.subject))
        .collect::<Vec<_>>()
        .join(", ");
    let models: Vec<&Linked> = subjects
        .iter()
        .filter(|s| has_compute(&s.facts.subject))
        .collect();
    if models.is_empty() {
        return Err(AppError::invalid(
            format!("no subject of the manifest has training-compute facts (a model); its subjects are {list}"),
            "give a manifest that holds a `model` subject, or only flags",
        ));
    }
    if flags_given && models.len() > 1 {
        return Err(AppError::invalid(
            format!(
                "the manifest holds {} models; flags would set the compute of each; its subjects are {list}",
                models.len()
            ),
            "put the inputs in each model's section of the manifest, or give one model's manifest with the flags",
        ));
    }
    let mut reports = Vec::new();
    for s in models {
        let mut facts = s.facts.clone();
        inputs
            .apply(&mut facts, engine)
            .map_err(|m| AppError::invalid(m, "use a corpus with the model compute facts"))?;
        reports.push(Labelled {
            id: s.id.clone(),
            built_on: s.built_on.clone(),
            answer: crate::compute::compute(engine, &facts, as_of),
        });
    }
    Ok(Computes {
        reports,
        kinds: id_and_kind(subjects, |_| true),
        skipped: id_and_kind(subjects, |kind| !has_compute(kind)),
    })
}

/// Renders the linked subjects' compute: in JSON a `linked_compute` document whose `subjects` are each model's
/// `compute` document with its `id` and `built_on`, and whose `skipped` lists the subjects without compute facts;
/// in text and Markdown each model's report under a heading that names it, then the subjects skipped.
pub fn render_computes(
    c: &Computes,
    format: OutputFormat,
    lang: Lang,
    texts: Option<&aigov_corpus::Texts>,
) -> String {
    if format == OutputFormat::Json {
        #[derive(serde::Serialize)]
        struct Subject<'a> {
            id: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            built_on: Option<&'a str>,
            subject: &'a str,
            #[serde(flatten)]
            report: &'a crate::compute::Report,
        }
        #[derive(serde::Serialize)]
        struct Document<'a> {
            as_of: Option<Date>,
            subjects: Vec<Subject<'a>>,
            skipped: Vec<SkippedSubject<'a>>,
        }
        return report::json(
            "linked_compute",
            &Document {
                as_of: c.reports.first().map(|r| r.answer.as_of),
                subjects: c
                    .reports
                    .iter()
                    .map(|r| Subject {
                        id: &r.id,
                        built_on: r.built_on.as_deref(),
                        subject: "model",
                        report: &r.answer,
                    })
                    .collect(),
                skipped: skipped_json(&c.skipped),
            },
        );
    }
    render_selected(
        &c.reports,
        &c.kinds,
        &c.skipped,
        format,
        lang,
        "compute-linked-skipped",
        |r| crate::compute::render_in(r, format, lang, texts),
    )
}

/// Every item and export of the linked subjects classified for US export control (`aigov export classify`), in
/// the manifest's order, and the other subjects, which have no item to classify: (id, kind).
pub struct Classifications {
    /// The classified subjects.
    pub classified: Vec<Labelled<crate::chips::Classified>>,
    /// Kinds of the manifest's subjects, in its order (for the headings' "Subject N of M").
    pub kinds: Vec<(String, String)>,
    /// The subjects skipped (neither an item nor an export): (id, kind).
    pub skipped: Vec<(String, String)>,
}

/// Classifies every `item` and `export` subject of a manifest of linked subjects as of `as_of`; an error when it
/// holds neither.
pub fn classifications(
    engine: &Engine,
    subjects: &[Linked],
    as_of: Date,
) -> Result<Classifications, AppError> {
    let classifiable = |kind: &str| kind == "item" || kind == "export";
    if !subjects.iter().any(|s| classifiable(&s.facts.subject)) {
        let list = subjects
            .iter()
            .map(|s| format!("`{}` ({})", s.id, s.facts.subject))
            .collect::<Vec<_>>()
            .join(", ");
        return Err(AppError::invalid(
            format!("no subject of the manifest is an item or an export; its subjects are {list}"),
            "give a manifest that holds an `item` or `export` subject, or a chip's name",
        ));
    }
    let mut classified = Vec::new();
    for s in subjects.iter().filter(|s| classifiable(&s.facts.subject)) {
        let target = crate::chips::ClassifyTarget::Manifest {
            name: s.id.clone(),
            facts: s.facts.clone(),
        };
        classified.push(Labelled {
            id: s.id.clone(),
            built_on: s.built_on.clone(),
            answer: crate::chips::classified(engine, target, as_of)?,
        });
    }
    Ok(Classifications {
        classified,
        kinds: id_and_kind(subjects, |_| true),
        skipped: id_and_kind(subjects, |kind| !classifiable(kind)),
    })
}

/// Renders the linked subjects' classifications: in JSON a `linked_classification` document whose `subjects` are
/// each item's or export's `classification` document with its `id`, `built_on` and kind, and whose `skipped` lists
/// the other subjects; in text and Markdown each classification under a heading that names its subject, then the
/// subjects skipped.
pub fn render_classifications(
    c: &Classifications,
    format: OutputFormat,
    lang: Lang,
    texts: Option<&aigov_corpus::Texts>,
) -> String {
    if format == OutputFormat::Json {
        #[derive(serde::Serialize)]
        struct Subject<'a> {
            id: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            built_on: Option<&'a str>,
            subject: &'a str,
            #[serde(flatten)]
            classification: &'a crate::chips::Classified,
        }
        #[derive(serde::Serialize)]
        struct Document<'a> {
            subjects: Vec<Subject<'a>>,
            skipped: Vec<SkippedSubject<'a>>,
        }
        let kind_of = |id: &str| {
            c.kinds
                .iter()
                .find(|(i, _)| i == id)
                .map_or("item", |(_, k)| k.as_str())
        };
        return report::json(
            "linked_classification",
            &Document {
                subjects: c
                    .classified
                    .iter()
                    .map(|r| Subject {
                        id: &r.id,
                        built_on: r.built_on.as_deref(),
                        subject: kind_of(&r.id),
                        classification: &r.answer,
                    })
                    .collect(),
                skipped: skipped_json(&c.skipped),
            },
        );
    }
    render_selected(
        &c.classified,
        &c.kinds,
        &c.skipped,
        format,
        lang,
        "classify-linked-skipped",
        |r| crate::chips::render_in(r, format, lang, texts),
    )
}

/// Text and Markdown of the answers of some of a manifest's linked subjects (its models, its items and exports):
/// each under its subject's heading, numbered over the whole manifest (`kinds`, in its order), then the subjects
/// skipped, said by the message `skipped_message` (with `$list` and `$count`).
fn render_selected<T>(
    answers: &[Labelled<T>],
    kinds: &[(String, String)],
    skipped: &[(String, String)],
    format: OutputFormat,
    lang: Lang,
    skipped_message: &str,
    render: impl Fn(&T) -> String,
) -> String {
    let mut out = String::new();
    for r in answers {
        let n = kinds
            .iter()
            .position(|(id, _)| *id == r.id)
            .map_or(1, |i| i + 1);
        let kind = kinds.get(n - 1).map_or("", |(_, k)| k.as_str());
        heading(
            &mut out,
            format,
            lang,
            n,
            kinds.len(),
            &r.id,
            kind,
            r.built_on.as_deref(),
        );
        out.push_str(&render(&r.answer));
        out.push('\n');
    }
    if !skipped.is_empty() {
        let list = skipped
            .iter()
            .map(|(id, kind)| format!("{id} ({kind})"))
            .collect::<Vec<_>>()
            .join(", ");
        out.push_str(&lang.ta(
            skipped_message,
            &[
                ("count", Arg::Num(skipped.len() as f64)),
                ("list", Arg::Str(&list)),
            ],
        ));
        out.push('\n');
    }
    out
}

/// A subject a linked document skipped, in its JSON `skipped` list.
#[derive(serde::Serialize)]
struct SkippedSubject<'a> {
    id: &'a str,
    subject: &'a str,
}

/// The (id, kind) of each subject whose kind `keep` accepts, in the manifest's order: the kinds of every subject and
/// the list of those a command skipped.
fn id_and_kind(subjects: &[Linked], keep: impl Fn(&str) -> bool) -> Vec<(String, String)> {
    subjects
        .iter()
        .filter(|s| keep(&s.facts.subject))
        .map(|s| (s.id.clone(), s.facts.subject.clone()))
        .collect()
}

/// The JSON `skipped` list of a linked document.
fn skipped_json(skipped: &[(String, String)]) -> Vec<SkippedSubject<'_>> {
    skipped
        .iter()
        .map(|(id, subject)| SkippedSubject { id, subject })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::chart_path;
    use std::path::{Path, PathBuf};

    #[test]
    fn a_subjects_chart_stays_in_the_folder_asked_for() {
        assert_eq!(
            chart_path(Path::new("out/map.svg"), "atlas-chat"),
            PathBuf::from("out/map-atlas-chat.svg")
        );
        assert_eq!(
            chart_path(Path::new("out/map.svg"), "../../etc/x"),
            PathBuf::from("out/map-______etc_x.svg")
        );
        assert_eq!(
            chart_path(Path::new("map"), "a b"),
            PathBuf::from("map-a_b")
        );
    }
}
