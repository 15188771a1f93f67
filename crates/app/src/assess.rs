//! `aigov assess`: a subject assessed as of a date, with what its kind needs at the top of the answer. For an
//! `export` or `item` subject that is the item's own classification (3A090 / 4A090 / 4E091, the Section 232 band,
//! with the TPP and performance-density arithmetic): the licensing rules depend on it, and a reader must see it
//! before the duties it triggers.

use crate::chips::{self, Classified};
use crate::report;
use crate::OutputFormat;
use aigov_core::assess::Options;
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
    let assessment = engine.assess(facts, options);
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
