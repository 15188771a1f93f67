//! The questionnaire's state and what its page shows. The state travels in the form itself (the answers so far
//! as a JSON manifest, the facts left unknown), so the server keeps nothing between answers and every step also
//! works as a plain form post.

use super::assessment::AssessmentView;
use aigov_app::interview::{Input, Prompt};

/// The next question, ready for a form.
#[derive(Debug, Clone)]
pub struct PromptView {
    /// The fact (`ai_system.profiling`).
    pub fact: String,
    /// The question.
    pub question: String,
    /// "settles 3 rules".
    pub settles: String,
    /// The control: `yesno`, `number`, `date`, `one`, `any`, `regions`, `text`.
    pub control: &'static str,
    /// The unit of a number.
    pub unit: String,
    /// The choices of `one` and `any`: (value, description).
    pub choices: Vec<(String, String)>,
    /// For a manifest of linked subjects: the id of the subject whose answer it is (empty for the organization's
    /// and for a manifest of one subject).
    pub subject: String,
    /// For a manifest of linked subjects: "For atlas (model):", "For the organization (every subject):" (empty
    /// for a manifest of one subject).
    pub subject_heading: String,
}

impl PromptView {
    /// A prompt as a form control.
    pub fn new(p: Prompt, settles: String) -> PromptView {
        let (control, unit, choices) = match p.input {
            Input::YesNo => ("yesno", String::new(), Vec::new()),
            Input::Number { unit } => ("number", unit.unwrap_or_default(), Vec::new()),
            Input::Date => ("date", String::new(), Vec::new()),
            Input::OneOf { values } => (
                "one",
                String::new(),
                values.into_iter().map(|v| (v.id, v.description)).collect(),
            ),
            Input::AnyOf { values } => (
                "any",
                String::new(),
                values.into_iter().map(|v| (v.id, v.description)).collect(),
            ),
            Input::Regions => ("regions", String::new(), Vec::new()),
            Input::Text => ("text", String::new(), Vec::new()),
        };
        PromptView {
            fact: p.fact,
            question: p.question,
            settles,
            control,
            unit,
            choices,
            subject: String::new(),
            subject_heading: String::new(),
        }
    }

    /// The prompt headed by the linked subject (or the organization) whose answer it is.
    pub fn for_subject(mut self, id: Option<String>, heading: String) -> PromptView {
        self.subject = id.unwrap_or_default();
        self.subject_heading = heading;
        self
    }
}

/// The questionnaire after a step.
#[derive(Debug, Clone)]
pub struct Questionnaire {
    /// The subject kind (`linked` for a manifest of linked subjects).
    pub kind: String,
    /// The date, YYYY-MM-DD.
    pub as_of: String,
    /// The answers so far, as a JSON manifest (of one subject, or of linked subjects under `subjects`).
    pub manifest: String,
    /// The facts left unknown ("I don't know"), comma-separated; for linked subjects `id:fact` (a subject's fact)
    /// or `organization.fact`.
    pub skipped: String,
    /// The same, as a list for the page.
    pub skipped_list: Vec<String>,
    /// "3 answers given".
    pub answered: String,
    /// The next question, if one would settle a rule.
    pub prompt: Option<PromptView>,
    /// Why the last answer was refused.
    pub error: Option<String>,
    /// The subject's name (for saving).
    pub name: String,
    /// The assessment in one sentence, for the `role="status"` live region (read out after each answer).
    pub status: String,
    /// The assessment as it stands: one, or one per linked subject (each under its heading, each finding naming
    /// its subject).
    pub assessments: Vec<AssessmentView>,
}
