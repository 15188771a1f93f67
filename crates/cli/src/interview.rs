//! `aigov interview`: ask only the questions that settle undetermined rules, re-assessing after each answer. The
//! reading of answers is aigov-app's (`interview`), shared with the web app's questionnaire; this file prompts and
//! prints.

use crate::error::CliError;
use crate::input;
use aigov_app::i18n::{Arg, Lang};
use aigov_app::interview::{self, parse_answer};
use aigov_app::{report, OutputFormat, Translations};
use aigov_core::assess::Options;
use aigov_core::manifest::{Facts, Format};
use aigov_core::vocabulary::{FactDef, FactType};
use aigov_core::{Date, Engine};
use std::io::{BufRead, Write};
use std::path::Path;
use std::process::ExitCode;

/// Runs the interview on stdin/stdout, in `lang` (questions from the corpus's `translations` where it has them).
pub fn run(
    engine: &Engine,
    from: Option<&str>,
    subject: &str,
    save: Option<&Path>,
    as_of: Date,
    lang: Lang,
    translations: &Translations,
) -> Result<ExitCode, CliError> {
    let vocabulary = &engine.corpus.vocabulary;
    let texts = translations.get(lang.tag()).filter(|_| lang != Lang::En);
    let mut facts = match from {
        Some(path) => match input::read_for_interview(path, vocabulary)? {
            input::ForInterview::Single(facts) => facts,
            input::ForInterview::Linked(tree, subjects) => {
                return run_linked(
                    engine,
                    from,
                    tree,
                    subjects,
                    save,
                    as_of,
                    lang,
                    translations,
                )
            }
        },
        None => {
            if vocabulary.subject(subject).is_none_or(|s| !s.assessable) {
                return Err(CliError::Usage {
                    message: format!("`{subject}` is not a subject that can be assessed"),
                    help: format!(
                        "use one of: {}",
                        vocabulary
                            .subjects
                            .iter()
                            .filter(|s| s.assessable)
                            .map(|s| s.id.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                });
            }
            Facts::empty(subject, vocabulary)
        }
    };
    let stdin = std::io::stdin();
    let mut lines = stdin.lock().lines();
    let mut skipped: Vec<String> = Vec::new();
    let mut out = std::io::stdout();
    let _ = writeln!(
        out,
        "{}",
        lang.ta("interview-intro", &[("date", Arg::Str(&lang.date(as_of)))])
    );
    loop {
        let mut options = Options::as_of(as_of);
        options.traces = false;
        let a = engine.assess(&facts, &options);
        let Some(q) = a
            .questions
            .iter()
            .find(|q| !skipped.iter().any(|s| s == q.fact))
        else {
            break;
        };
        let Some(def) = vocabulary.fact_qualified(q.fact) else {
            skipped.push(q.fact.to_string());
            continue;
        };
        let question = texts.and_then(|t| t.question(q.fact)).unwrap_or(q.question);
        let _ = writeln!(out);
        let answer = ask(
            &mut out,
            &mut lines,
            lang,
            def,
            question,
            q.fact,
            q.rules.len(),
        )?;
        match answer {
            None => break,
            Some(None) => skipped.push(q.fact.to_string()),
            Some(Some(v)) => facts.set(def.id, Some(v)),
        }
    }
    let mut options = Options::as_of(as_of);
    options.traces = false;
    let a = engine.assess(&facts, &options);
    let _ = writeln!(out);
    out!(
        "{}",
        report::assessment_with_item(engine, &a, None, OutputFormat::Text, lang, translations)
    );
    if let Some(path) = save {
        save_answers(path, from, |original, format| {
            aigov_app::manifest_edit::save(original, format, &facts, vocabulary)
        })?;
    }
    Ok(if a.prohibited {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Asks one question (with its hint or choices) and reads the answer, asking again while it does not fit the
/// fact: `None` to stop (`q` or the end of input), `Some(None)` for "I don't know" (an empty line).
#[allow(clippy::too_many_arguments)]
fn ask(
    out: &mut impl Write,
    lines: &mut impl Iterator<Item = std::io::Result<String>>,
    lang: Lang,
    def: &FactDef,
    question: &str,
    fact: &str,
    settles: usize,
) -> Result<Option<Option<aigov_core::Value>>, CliError> {
    let choices = match def.ty.allowed_values() {
        Some(values) => format!(
            "\n  {}: {}",
            lang.t(if def.ty.is_set() {
                "interview-choices-set"
            } else {
                "interview-choices"
            }),
            values
                .iter()
                .map(|v| v.id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
        None => match &def.ty {
            FactType::Bool => format!(" [{}]", lang.t("interview-hint-bool")),
            FactType::Date => format!(" [{}]", lang.t("interview-hint-date")),
            FactType::Regions => format!(" [{}]", lang.t("interview-hint-regions")),
            FactType::Number { unit: Some(u) } => format!(
                " [{}]",
                lang.ta("interview-hint-number", &[("unit", Arg::Str(u))])
            ),
            _ => String::new(),
        },
    };
    let _ = write!(
        out,
        "{}{choices}\n> ",
        lang.ta(
            "interview-question",
            &[
                ("question", Arg::Str(question)),
                ("fact", Arg::Str(fact)),
                ("count", Arg::Num(settles as f64)),
            ]
        )
    );
    let _ = out.flush();
    loop {
        let line = match lines.next() {
            None => return Ok(None),
            Some(Ok(line)) => line,
            // An answer that is not UTF-8 is asked again, not taken as the end of the interview.
            Some(Err(e)) if e.kind() == std::io::ErrorKind::InvalidData => {
                let _ = write!(out, "  {}\n> ", lang.t("interview-not-utf8"));
                let _ = out.flush();
                continue;
            }
            Some(Err(e)) => {
                return Err(CliError::Read {
                    path: "<stdin>".into(),
                    source: e,
                })
            }
        };
        let t = line.trim();
        if t.is_empty() {
            return Ok(Some(None));
        }
        if t == "q" {
            return Ok(None);
        }
        let checked = parse_answer(&def.ty, t, fact).and_then(|v| {
            aigov_core::manifest::check_range(def, v, fact).map_err(|e| {
                format!(
                    "{}{}",
                    e.message,
                    e.hint.map(|h| format!(" ({h})")).unwrap_or_default()
                )
            })
        });
        match checked {
            Ok(v) => return Ok(Some(Some(v))),
            Err(e) => {
                // The reason comes from the binder in English; the sentence around it is the reader's language.
                let again = lang.ta("interview-invalid", &[("detail", Arg::Str(&e))]);
                let _ = write!(out, "  {again}\n> ");
                let _ = out.flush();
            }
        }
    }
}

/// The interview on a manifest of linked subjects: the open questions subject by subject, each headed by the
/// subject it concerns (the organization's asked once), every answer kept in the tree where its subject keeps
/// it; then the linked assessment, and the manifest saved with its comments and layout.
#[allow(clippy::too_many_arguments)]
fn run_linked(
    engine: &Engine,
    from: Option<&str>,
    mut tree: serde_json::Value,
    mut subjects: Vec<aigov_core::manifest::Linked>,
    save: Option<&Path>,
    as_of: Date,
    lang: Lang,
    translations: &Translations,
) -> Result<ExitCode, CliError> {
    let vocabulary = &engine.corpus.vocabulary;
    let stdin = std::io::stdin();
    let mut lines = stdin.lock().lines();
    let mut skipped: Vec<String> = Vec::new();
    let mut out = std::io::stdout();
    let _ = writeln!(
        out,
        "{}",
        lang.ta("interview-intro", &[("date", Arg::Str(&lang.date(as_of)))])
    );
    let mut options = Options::as_of(as_of);
    options.traces = false;
    while let Some(next) = interview::next_linked(
        engine,
        &tree,
        &subjects,
        &options,
        &skipped,
        lang,
        translations,
    ) {
        let (holder, p) = (next.holder, next.prompt);
        let Some(def) = vocabulary.fact_qualified(&p.fact) else {
            skipped.push(holder.skip_key(&p.fact));
            continue;
        };
        let heading = match &holder.id {
            None => lang.t("interview-organization"),
            Some(id) => lang.ta(
                "interview-subject",
                &[("id", Arg::Str(id)), ("subject", Arg::Str(&holder.kind))],
            ),
        };
        let _ = write!(out, "\n{heading}\n");
        match ask(
            &mut out,
            &mut lines,
            lang,
            def,
            &p.question,
            &p.fact,
            p.settles,
        )? {
            None => break,
            Some(None) => skipped.push(holder.skip_key(&p.fact)),
            Some(Some(v)) => {
                interview::record_linked(&mut tree, &holder, &p.fact, &v).map_err(|message| {
                    CliError::Usage {
                        message,
                        help: "give each subject under `subjects:` a mapping with its `id`".into(),
                    }
                })?;
                subjects = match aigov_core::manifest::bind_any(&tree, vocabulary) {
                    Ok(aigov_core::manifest::Manifest::Linked(s)) => s,
                    // A recorded answer is checked for its fact: the tree binds as before.
                    Ok(aigov_core::manifest::Manifest::Single(_)) | Err(_) => {
                        return Err(CliError::Usage {
                            message: format!("the answer to {} does not fit the manifest", p.fact),
                            help: "check the manifest with `aigov assess` first".into(),
                        })
                    }
                };
            }
        }
    }
    let answers = aigov_app::assess::assess_linked(engine, &subjects, &options);
    let _ = writeln!(out);
    out!(
        "{}",
        aigov_app::assess::render_linked(engine, &answers, OutputFormat::Text, lang, translations)
    );
    if let Some(path) = save {
        save_answers(path, from, |original, format| {
            aigov_app::manifest_edit::save_linked(original, format, &tree, vocabulary)
        })?;
    }
    Ok(if answers.iter().any(|a| a.answer.assessment.prohibited) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Writes the answered manifest to `path` (`--save`). A manifest the interview started from (`from`) keeps its
/// comments and layout: `edit` writes the answers into its text, in the format `path` names; when it cannot, the
/// manifest is written whole and the person is told that its comments were not kept.
fn save_answers(
    path: &std::path::Path,
    from: Option<&str>,
    edit: impl FnOnce(Option<&str>, Format) -> Result<aigov_app::manifest_edit::Saved, String>,
) -> Result<(), CliError> {
    let format = Format::from_path(&path.display().to_string()).unwrap_or(Format::Yaml);
    let original = from
        .filter(|f| *f != "-")
        .and_then(|f| std::fs::read_to_string(f).ok());
    let saved = edit(original.as_deref(), format).map_err(|message| CliError::Usage {
        message,
        help: "save as .yaml or .json".into(),
    })?;
    input::write_file(path, &saved.text)?;
    if original.is_some() && !saved.preserved {
        eprintln!(
            "note: {} was rewritten whole (its layout could not be edited in place); comments were not kept",
            path.display()
        );
    }
    eprintln!("saved the manifest to {}", path.display());
    Ok(())
}
