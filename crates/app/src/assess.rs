//! `aigov assess`: a subject assessed as of a date, with what its kind needs at the top of the answer. For an
//! `export` or `item` subject that is the item's own classification (3A090 / 4A090 / 4E091, the Section 232 band,
//! with the TPP and performance-density arithmetic): the licensing rules depend on it, and a reader must see it
//! before the duties it triggers.

use crate::chips::{self, Classified};
use crate::report;
use crate::OutputFormat;
use aigov_core::assess::{DatePlan, Options};
use aigov_core::{Assessment, Engine, Facts};

/// An assessment and, for exports and items, the item's classification on the same date.
#[derive(Debug)]
pub struct AssessAnswer<'a> {
    /// The rules that apply, as of the date.
    pub assessment: Assessment<'a>,
    /// The item's export classification, for `export` and `item` subjects.
    pub item_classification: Option<Classified>,
}

/// Assesses `facts` as `options` say.
pub fn assess<'a>(engine: &'a Engine, facts: &'a Facts, options: &Options) -> AssessAnswer<'a> {
    assess_with(engine, facts, options, None)
}

/// [`assess`] with the date's plan made by this engine beforehand ([`crate::date_plans`]): the same answer.
pub fn assess_planned<'a>(
    engine: &'a Engine,
    facts: &'a Facts,
    options: &Options,
    plan: &'a DatePlan,
) -> AssessAnswer<'a> {
    assess_with(engine, facts, options, Some(plan))
}

/// The answer in brief, for [`crate::summary`]: the assessment without the texts only the full report shows
/// ([`Engine::assess_brief`]), and the item's classification.
pub fn assess_brief<'a>(
    engine: &'a Engine,
    facts: &'a Facts,
    options: &Options,
    plan: Option<&'a DatePlan>,
) -> AssessAnswer<'a> {
    let assessment = engine.assess_brief(facts, options, plan);
    with_item(engine, facts, options, assessment)
}

fn assess_with<'a>(
    engine: &'a Engine,
    facts: &'a Facts,
    options: &Options,
    plan: Option<&'a DatePlan>,
) -> AssessAnswer<'a> {
    let assessment = match plan {
        Some(plan) => engine.assess_planned(facts, options, plan),
        None => engine.assess(facts, options),
    };
    with_item(engine, facts, options, assessment)
}

/// An assessment with, for an export or an item, the item's classification.
fn with_item<'a>(
    engine: &'a Engine,
    facts: &'a Facts,
    options: &Options,
    assessment: aigov_core::Assessment<'a>,
) -> AssessAnswer<'a> {
    let item_classification = matches!(facts.subject.as_str(), "export" | "item")
        .then(|| {
            // An export manifest carries its item's section; the item's rules read it as an item.
            let mut item = facts.clone();
            item.subject = "item".to_string();
            chips::evaluate(engine, &item, None, options.as_of)
        })
        .filter(|c| !c.classifications.is_empty() || c.tpp.is_some());
    AssessAnswer {
        assessment,
        item_classification,
    }
}

/// Renders an answer in `lang` (the corpus's texts from `translations` where it has them): the report of [`report::assessment`], with the item's classification first.
pub fn render(
    engine: &Engine,
    answer: &AssessAnswer<'_>,
    format: OutputFormat,
    lang: crate::i18n::Lang,
    translations: &crate::Translations,
) -> String {
    report::assessment_with_item(
        engine,
        &answer.assessment,
        answer.item_classification.as_ref(),
        format,
        lang,
        translations,
    )
}

/// One subject of a manifest of linked subjects, assessed.
#[derive(Debug)]
pub struct LinkedAnswer<'a> {
    /// Its id in the manifest.
    pub id: &'a str,
    /// The subject it is built on (or, for an export, the item it carries).
    pub built_on: Option<&'a str>,
    /// Its assessment.
    pub answer: AssessAnswer<'a>,
}

/// Assesses every subject of a manifest of linked subjects on one date, in the manifest's order.
pub fn assess_linked<'a>(
    engine: &'a Engine,
    subjects: &'a [aigov_core::manifest::Linked],
    options: &Options,
) -> Vec<LinkedAnswer<'a>> {
    subjects
        .iter()
        .map(|s| LinkedAnswer {
            id: &s.id,
            built_on: s.built_on.as_deref(),
            answer: assess(engine, &s.facts, options),
        })
        .collect()
}

/// Renders the answers for linked subjects: in JSON one document (`kind: "linked_assessment"`) whose `subjects`
/// are each subject's assessment with its `id` and `built_on`, and every finding and classification carrying the
/// `subject_id` it concerns; in text and Markdown each subject's report under a heading that names it.
pub fn render_linked(
    engine: &Engine,
    answers: &[LinkedAnswer<'_>],
    format: OutputFormat,
    lang: crate::i18n::Lang,
    translations: &crate::Translations,
) -> String {
    if format == OutputFormat::Json {
        let subjects: Vec<serde_json::Value> = answers
            .iter()
            .map(|a| {
                let text = render(engine, &a.answer, format, lang, translations);
                let mut v: serde_json::Value =
                    serde_json::from_str(&text).unwrap_or(serde_json::Value::Null);
                if let serde_json::Value::Object(m) = &mut v {
                    m.remove("kind");
                    m.remove("format_version");
                    for list in ["findings", "classifications"] {
                        if let Some(serde_json::Value::Array(items)) = m.get_mut(list) {
                            for item in items {
                                if let serde_json::Value::Object(f) = item {
                                    f.insert("subject_id".into(), a.id.into());
                                }
                            }
                        }
                    }
                    m.insert("id".into(), a.id.into());
                    if let Some(b) = a.built_on {
                        m.insert("built_on".into(), b.into());
                    }
                }
                v
            })
            .collect();
        #[derive(serde::Serialize)]
        struct Document {
            as_of: Option<aigov_core::Date>,
            prohibited: bool,
            subjects: Vec<serde_json::Value>,
        }
        return report::json(
            "linked_assessment",
            &Document {
                as_of: answers.first().map(|a| a.answer.assessment.as_of),
                prohibited: answers.iter().any(|a| a.answer.assessment.prohibited),
                subjects,
            },
        );
    }
    let mut out = String::new();
    for (i, a) in answers.iter().enumerate() {
        crate::linked::heading(
            &mut out,
            format,
            lang,
            i + 1,
            answers.len(),
            a.id,
            a.answer.assessment.subject,
            a.built_on,
        );
        out.push_str(&render(engine, &a.answer, format, lang, translations));
        out.push('\n');
    }
    out
}
