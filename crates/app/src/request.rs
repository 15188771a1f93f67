//! Operations on a manifest given as a JSON value (the service's request bodies and stored manifests): bind it to
//! the vocabulary, check the request, and answer with the same JSON documents as the CLI's `--format json`
//! (docs/output.md). The date is always an input.

use crate::date_plans::DatePlans;
use crate::{chips, compute, map, report, AppError, OutputFormat};
use aigov_core::assess::Options;
use aigov_core::manifest::{self, Facts, Manifest, ManifestError};
use aigov_core::{Date, Engine};

/// Why a request on a manifest is refused: the manifest does not fit the vocabulary (with the place), or the
/// request itself does not fit (an unknown rule, dates in the wrong order, ...).
#[derive(Debug, thiserror::Error)]
pub enum RequestError {
    /// The manifest does not fit the vocabulary.
    #[error("{}", describe(.0))]
    Manifest(ManifestError),
    /// The request does not fit.
    #[error(transparent)]
    App(#[from] AppError),
}

fn describe(e: &ManifestError) -> String {
    if e.path.is_empty() {
        e.message.clone()
    } else {
        format!("`{}`: {}", e.path, e.message)
    }
}

impl RequestError {
    /// A stable dotted code (`manifest.invalid`, or the [`AppError`]'s).
    pub fn code(&self) -> &'static str {
        match self {
            RequestError::Manifest(_) => "manifest.invalid",
            RequestError::App(e) => e.code(),
        }
    }

    /// Advice for the user.
    pub fn help(&self) -> String {
        match self {
            RequestError::Manifest(e) => e.hint.clone().unwrap_or_else(|| {
                "`aigov schema` prints the manifest's JSON Schema with every fact".into()
            }),
            RequestError::App(e) => e.help(),
        }
    }
}

/// Binds a manifest of one subject (JSON) to the vocabulary. A manifest of linked subjects (`subjects:`) is
/// refused with a hint: the documents made from one subject's facts (explain, diff, timeline, map, ...) take one.
pub fn bind(engine: &Engine, manifest: &serde_json::Value) -> Result<Facts, RequestError> {
    if manifest::is_linked(manifest) {
        return Err(RequestError::Manifest(ManifestError {
            path: "subjects".into(),
            line_col: None,
            message: "this document is made for one subject; the manifest holds linked subjects".into(),
            hint: Some(
                "the assessment (`POST /api/v1/assess`, `aigov assess`) takes a manifest of linked subjects; \
                 for this document post one subject's manifest (its entry, with `organization`)"
                    .into(),
            ),
        }));
    }
    manifest::bind(manifest, &engine.corpus.vocabulary).map_err(RequestError::Manifest)
}

/// Binds a manifest (JSON) of either form: one subject, or linked subjects under `subjects:`.
pub fn bind_any(engine: &Engine, manifest: &serde_json::Value) -> Result<Manifest, RequestError> {
    manifest::bind_any(manifest, &engine.corpus.vocabulary).map_err(RequestError::Manifest)
}

/// One subject of a manifest: `id` is its id among linked subjects (`None` for a manifest of one subject).
#[derive(Debug, Clone)]
pub struct Part {
    /// Its id in a manifest of linked subjects.
    pub id: Option<String>,
    /// Its facts.
    pub facts: Facts,
}

/// The subjects of a manifest of either form, each with its facts: one part for a manifest of one subject, one
/// per linked subject otherwise (in the manifest's order). For the operations that go over an inventory.
pub fn bind_parts(
    engine: &Engine,
    manifest: &serde_json::Value,
) -> Result<Vec<Part>, RequestError> {
    Ok(match bind_any(engine, manifest)? {
        Manifest::Single(facts) => vec![Part { id: None, facts }],
        Manifest::Linked(subjects) => subjects
            .into_iter()
            .map(|s| Part {
                id: Some(s.id),
                facts: s.facts,
            })
            .collect(),
    })
}

/// Checks an organization's facts (the `organization` block of a manifest, as an object) by binding them under a
/// subject that reads them.
pub fn check_organization(engine: &Engine, facts: &serde_json::Value) -> Result<(), RequestError> {
    let probe = serde_json::json!({"subject": "ai_system", "organization": facts});
    bind(engine, &probe).map(|_| ())
}

/// A subject's manifest completed with its organization's facts when it gives none of its own.
pub fn with_organization(
    manifest: &serde_json::Value,
    organization: Option<&serde_json::Value>,
) -> serde_json::Value {
    into_with_organization(manifest.clone(), organization)
}

/// [`with_organization`] for a manifest the caller owns (no copy of it is made).
pub fn into_with_organization(
    mut manifest: serde_json::Value,
    organization: Option<&serde_json::Value>,
) -> serde_json::Value {
    if let (Some(obj), Some(org)) = (manifest.as_object_mut(), organization) {
        if !obj.contains_key("organization") {
            obj.insert("organization".into(), org.clone());
        }
    }
    manifest
}

/// The assessment document (`aigov assess --format json`): for a manifest of linked subjects the
/// `linked_assessment` document, each finding and classification carrying its `subject_id`.
pub fn assess(
    engine: &Engine,
    manifest: &serde_json::Value,
    as_of: Date,
    jurisdictions: &[String],
    all: bool,
) -> Result<String, RequestError> {
    assess_with(engine, manifest, as_of, jurisdictions, all, None)
}

/// [`assess`] with the date's plan taken from `plans` (made and kept there if it is not yet): the same document.
/// `fingerprint` is the fingerprint of `engine`'s corpus.
pub fn assess_planned(
    engine: &Engine,
    manifest: &serde_json::Value,
    as_of: Date,
    jurisdictions: &[String],
    all: bool,
    plans: &DatePlans,
    fingerprint: &str,
) -> Result<String, RequestError> {
    assess_with(
        engine,
        manifest,
        as_of,
        jurisdictions,
        all,
        Some((plans, fingerprint)),
    )
}

fn assess_with(
    engine: &Engine,
    manifest: &serde_json::Value,
    as_of: Date,
    jurisdictions: &[String],
    all: bool,
    plans: Option<(&DatePlans, &str)>,
) -> Result<String, RequestError> {
    crate::jurisdictions::check(&engine.corpus, jurisdictions)?;
    let bound = bind_any(engine, manifest)?;
    let mut options = Options::as_of(as_of);
    options.jurisdictions = jurisdictions.to_vec();
    options.include_not_applicable = all;
    let facts = match &bound {
        Manifest::Single(facts) => facts,
        Manifest::Linked(subjects) => {
            // The same document as `aigov assess --format json` on linked subjects: each finding names its subject.
            let answers = crate::assess::assess_linked(engine, subjects, &options);
            return Ok(crate::assess::render_linked(
                engine,
                &answers,
                OutputFormat::Json,
                crate::i18n::Lang::En,
                &crate::Translations::default(),
            ));
        }
    };
    // The same answer as `aigov assess`: an export's item classification first, JSON being language-neutral.
    let plan = plans.map(|(plans, fingerprint)| plans.get(engine, fingerprint, as_of));
    let answer = match &plan {
        Some(plan) => crate::assess::assess_planned(engine, facts, &options, plan),
        None => crate::assess::assess(engine, facts, &options),
    };
    Ok(crate::assess::render(
        engine,
        &answer,
        OutputFormat::Json,
        crate::i18n::Lang::En,
        &crate::Translations::default(),
    ))
}

/// The assessment in brief (`kind: "assessment_summary"`, [`crate::summary`]): the same assessment as
/// [`assess`], without derivations, as compact JSON. `fingerprint` names the corpus that answered.
pub fn assess_summary(
    engine: &Engine,
    manifest: &serde_json::Value,
    as_of: Date,
    jurisdictions: &[String],
    all: bool,
    fingerprint: &str,
) -> Result<String, RequestError> {
    assess_summary_with(
        engine,
        manifest,
        as_of,
        jurisdictions,
        all,
        fingerprint,
        None,
    )
}

/// [`assess_summary`] with the date's plan taken from `plans` (made and kept there if it is not yet), and the
/// assessment in brief ([`crate::assess::assess_brief`]: none of the texts the summary does not show are built):
/// the same document.
pub fn assess_summary_planned(
    engine: &Engine,
    manifest: &serde_json::Value,
    as_of: Date,
    jurisdictions: &[String],
    all: bool,
    fingerprint: &str,
    plans: &DatePlans,
) -> Result<String, RequestError> {
    assess_summary_with(
        engine,
        manifest,
        as_of,
        jurisdictions,
        all,
        fingerprint,
        Some(plans),
    )
}

fn assess_summary_with(
    engine: &Engine,
    manifest: &serde_json::Value,
    as_of: Date,
    jurisdictions: &[String],
    all: bool,
    fingerprint: &str,
    plans: Option<&DatePlans>,
) -> Result<String, RequestError> {
    crate::jurisdictions::check(&engine.corpus, jurisdictions)?;
    if manifest::is_linked(manifest) {
        // The summary describes one subject; the full document answers each linked subject.
        return Err(RequestError::Manifest(ManifestError {
            path: "subjects".into(),
            line_col: None,
            message: "the summary view describes one subject; this manifest holds linked subjects".into(),
            hint: Some(
                "ask for the full view (`view=full`, the default), which answers every linked subject, or post one \
                 subject's manifest (its entry, with `organization`) for its summary"
                    .into(),
            ),
        }));
    }
    let facts = bind(engine, manifest)?;
    let mut options = Options::as_of(as_of);
    options.jurisdictions = jurisdictions.to_vec();
    options.include_not_applicable = all;
    // The summary shows no derivation: the same findings, without building their trees.
    options.traces = false;
    // With a plan (the service), the assessment in brief: the summary shows none of the texts a full assessment
    // builds. Without one, the full assessment: the same summary the long way, which the tests compare with.
    let plan = plans.map(|plans| plans.get(engine, fingerprint, as_of));
    let answer = match &plan {
        Some(plan) => crate::assess::assess_brief(engine, &facts, &options, Some(plan)),
        None => crate::assess::assess(engine, &facts, &options),
    };
    Ok(crate::summary::to_json(&crate::summary::summarize(
        engine,
        &answer,
        fingerprint,
    )))
}

/// The explanation document of one rule (`aigov explain --format json`); for a manifest of linked subjects the
/// `linked_explanation` document, for the subject `subject` names or every subject of the rule's kind.
pub fn explain(
    engine: &Engine,
    manifest: &serde_json::Value,
    rule: &str,
    subject: Option<&str>,
    as_of: Date,
) -> Result<String, RequestError> {
    let parsed = bind_any(engine, manifest)?;
    let Some(index) = engine.corpus.rule_index(rule) else {
        return Err(AppError::not_found(
            format!("unknown rule `{rule}`"),
            aigov_core::vocabulary::did_you_mean(
                rule,
                engine.corpus.rules.iter().map(|r| r.id.as_str()),
            )
            .map(|s| format!("did you mean `{s}`?"))
            .unwrap_or_else(|| "GET /api/v1/corpus lists the rules".into()),
        )
        .into());
    };
    let facts = match parsed {
        Manifest::Linked(subjects) => {
            return Ok(crate::linked::explain(
                engine,
                &subjects,
                index,
                subject,
                as_of,
                OutputFormat::Json,
                crate::i18n::Lang::En,
                &crate::Translations::default(),
            )?);
        }
        Manifest::Single(facts) => facts,
    };
    if let Some(id) = subject {
        return Err(AppError::invalid(
            format!("`subject` {id}: the manifest describes one subject, not linked subjects"),
            "leave out `subject` for a manifest of one subject",
        )
        .into());
    }
    let subject = &engine.corpus.rules[index].subject;
    if subject != &facts.subject {
        return Err(AppError::invalid(
            format!(
                "`{rule}` addresses subject `{subject}`, but the manifest describes subject `{}`",
                facts.subject
            ),
            format!("explain it with a manifest whose `subject` is `{subject}`"),
        )
        .into());
    }
    Ok(report::explain(
        engine,
        &facts,
        index,
        as_of,
        OutputFormat::Json,
    ))
}

/// The diff document between two dates (`aigov diff --format json`; `linked_diff` for linked subjects).
pub fn diff(
    engine: &Engine,
    manifest: &serde_json::Value,
    from: Date,
    to: Date,
    jurisdictions: &[String],
) -> Result<String, RequestError> {
    if from > to {
        return Err(AppError::invalid(
            format!("`from` {from} is after `to` {to}"),
            "swap the two dates",
        )
        .into());
    }
    let facts = match bind_any(engine, manifest)? {
        Manifest::Single(facts) => facts,
        Manifest::Linked(subjects) => {
            let ds = crate::linked::diffs(engine, &subjects, from, to, jurisdictions);
            return Ok(crate::linked::render_diffs(
                &ds,
                OutputFormat::Json,
                crate::i18n::Lang::En,
                &crate::Translations::default(),
                None,
            ));
        }
    };
    let d = aigov_core::diff::diff(engine, &facts, from, to, jurisdictions);
    Ok(report::diff(&d, OutputFormat::Json))
}

/// The timeline document (`aigov timeline --format json`; `linked_timeline` for linked subjects).
pub fn timeline(
    engine: &Engine,
    manifest: &serde_json::Value,
    as_of: Date,
    jurisdictions: &[String],
) -> Result<String, RequestError> {
    let facts = match bind_any(engine, manifest)? {
        Manifest::Single(facts) => facts,
        Manifest::Linked(subjects) => {
            let ts = crate::linked::timelines(engine, &subjects, as_of, jurisdictions);
            return Ok(crate::linked::render_timelines(
                &ts,
                OutputFormat::Json,
                crate::i18n::Lang::En,
                &crate::Translations::default(),
                None,
            ));
        }
    };
    let t = aigov_core::timeline::timeline(engine, &facts, as_of, jurisdictions);
    Ok(report::timeline(&t, OutputFormat::Json))
}

/// The US checkerboard document (`aigov map --format json`); for a manifest of linked subjects the `linked_map`
/// document of `aigov map` (each subject's checkerboard measured in controls, every duty with its `subject_id`).
pub fn checkerboard(
    engine: &Engine,
    cat: &aigov_corpus::controls::Catalogue,
    manifest: &serde_json::Value,
    as_of: Date,
) -> Result<String, RequestError> {
    let facts = match bind_any(engine, manifest)? {
        Manifest::Single(facts) => facts,
        Manifest::Linked(subjects) => {
            let lang = crate::i18n::Lang::En;
            let maps = crate::linked::maps(
                engine,
                cat,
                &subjects,
                as_of,
                OutputFormat::Json,
                lang,
                &crate::Translations::default(),
            )?;
            return Ok(crate::linked::render_maps(
                &maps,
                &subjects,
                as_of,
                OutputFormat::Json,
                lang,
            ));
        }
    };
    let a = engine.assess(&facts, &Options::as_of(as_of));
    Ok(map::report(&map::checkerboard(&a), OutputFormat::Json))
}

/// The compute document of a model manifest (`aigov compute FILE --format json`).
pub fn compute(
    engine: &Engine,
    manifest: &serde_json::Value,
    as_of: Date,
) -> Result<String, RequestError> {
    let facts = match bind_any(engine, manifest)? {
        Manifest::Single(facts) => facts,
        Manifest::Linked(subjects) => {
            let c = crate::linked::computes(
                engine,
                &subjects,
                &compute::Inputs::default(),
                false,
                as_of,
            )?;
            return Ok(crate::linked::render_computes(
                &c,
                OutputFormat::Json,
                crate::i18n::Lang::En,
                None,
            ));
        }
    };
    if facts.subject != "model" {
        return Err(AppError::invalid(
            format!(
                "compute reads a model manifest; this one describes a `{}`",
                facts.subject
            ),
            "give a manifest with `subject: model`",
        )
        .into());
    }
    let r = compute::compute(engine, &facts, as_of);
    Ok(compute::render(&r, OutputFormat::Json))
}

/// The export classification document of a catalogued chip or of an item manifest
/// (`aigov export classify --format json`).
pub fn classify(
    engine: &Engine,
    chip: Option<&str>,
    manifest: Option<&serde_json::Value>,
    as_of: Date,
) -> Result<String, RequestError> {
    let target = match (chip, manifest) {
        (Some(c), None) => chips::ClassifyTarget::Chip(c.to_string()),
        (None, Some(m)) => match bind_any(engine, m)? {
            Manifest::Single(facts) => chips::ClassifyTarget::Manifest {
                name: "manifest".into(),
                facts,
            },
            Manifest::Linked(subjects) => {
                let c = crate::linked::classifications(engine, &subjects, as_of)?;
                return Ok(crate::linked::render_classifications(
                    &c,
                    OutputFormat::Json,
                    crate::i18n::Lang::En,
                    None,
                ));
            }
        },
        _ => {
            return Err(AppError::invalid(
                "give either `chip` or `manifest`",
                "`chip` names a catalogued accelerator (GET /api/v1/chips); `manifest` is an item's manifest",
            )
            .into())
        }
    };
    Ok(chips::classify(engine, target, as_of, OutputFormat::Json)?)
}

/// What changed in the law itself between two dates (`aigov changes --format json`).
pub fn changes(
    engine: &Engine,
    from: Date,
    to: Date,
    jurisdictions: &[String],
) -> Result<String, RequestError> {
    let c = crate::changes::changes(engine, from, to, jurisdictions)?;
    Ok(crate::changes::render(&c, OutputFormat::Json))
}

/// The deduplicated control work list of a manifest (`aigov plan --format json`).
pub fn plan(
    engine: &Engine,
    cat: &aigov_corpus::controls::Catalogue,
    manifest: &serde_json::Value,
    as_of: Date,
    jurisdictions: &[String],
) -> Result<String, RequestError> {
    crate::jurisdictions::check(&engine.corpus, jurisdictions)?;
    let p = match bind_any(engine, manifest)? {
        Manifest::Single(facts) => {
            let p = crate::plan::plan(engine, cat, &facts, as_of, jurisdictions);
            crate::plan::render(&p, OutputFormat::Json)
        }
        Manifest::Linked(subjects) => {
            let p = crate::plan::plan_linked(engine, cat, &subjects, as_of, jurisdictions);
            crate::plan::render(&p, OutputFormat::Json)
        }
    };
    Ok(p)
}

/// One manifest under several jurisdictions, grouped by control (`aigov compare --format json`).
pub fn compare(
    engine: &Engine,
    cat: &aigov_corpus::controls::Catalogue,
    manifest: &serde_json::Value,
    as_of: Date,
    jurisdictions: &[String],
) -> Result<String, RequestError> {
    match bind_any(engine, manifest)? {
        Manifest::Single(facts) => {
            let c = crate::compare::compare(engine, cat, &facts, as_of, jurisdictions)?;
            Ok(crate::compare::render(&c, OutputFormat::Json))
        }
        Manifest::Linked(subjects) => {
            let cs = crate::linked::compares(engine, cat, &subjects, as_of, jurisdictions)?;
            Ok(crate::linked::render_compares(
                &cs,
                OutputFormat::Json,
                crate::i18n::Lang::En,
                None,
                None,
            ))
        }
    }
}
