//! The interview's reusable part, for every front end that asks a person questions (`aigov interview`, the web
//! app's questionnaire): which question comes next (only the ones that would settle an undetermined rule, in the
//! assessment's order: the question that settles the most rules first), what kind of answer it takes, and reading
//! an answer for the fact's type. "I don't know" is an answer: the fact stays unknown, its question is skipped, and
//! the rules it would settle stay undetermined.

use crate::i18n::Lang;
use crate::Translations;
use aigov_core::manifest::{bind_value, check_range, Facts};
use aigov_core::vocabulary::{FactDef, FactType};
use aigov_core::{Assessment, Engine};

/// What kind of answer a question takes.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Input {
    /// Yes or no.
    YesNo,
    /// A number, with its unit when the vocabulary gives one.
    Number {
        /// The unit (`FLOP`, `EUR`, ...).
        unit: Option<String>,
    },
    /// A calendar date (YYYY-MM-DD).
    Date,
    /// One of the listed values.
    OneOf {
        /// The values (id and description).
        values: Vec<Choice>,
    },
    /// Any number of the listed values (none is an answer).
    AnyOf {
        /// The values (id and description).
        values: Vec<Choice>,
    },
    /// Region codes, comma-separated (`DE, FR, US-CA`).
    Regions,
    /// Free text.
    Text,
}

/// One allowed value of an enumerated fact.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Choice {
    /// The value as written in a manifest.
    pub id: String,
    /// What it means.
    pub description: String,
}

/// The next question to ask, in the person's language.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Prompt {
    /// The fact (`ai_system.annex3_uses`).
    pub fact: String,
    /// The question (from the corpus, translated where the corpus translates it).
    pub question: String,
    /// The kind of answer.
    pub input: Input,
    /// How many undetermined rules the answer would settle.
    pub settles: usize,
}

/// The kind of answer a fact takes.
pub fn input(def: &FactDef) -> Input {
    let choices = |values: &[aigov_core::vocabulary::EnumValue]| {
        values
            .iter()
            .map(|v| Choice {
                id: v.id.clone(),
                description: v.description.clone(),
            })
            .collect()
    };
    match &def.ty {
        FactType::Bool => Input::YesNo,
        FactType::Number { unit } => Input::Number { unit: unit.clone() },
        FactType::Date => Input::Date,
        FactType::Enum { values } => Input::OneOf {
            values: choices(values),
        },
        FactType::Set { values } => Input::AnyOf {
            values: choices(values),
        },
        FactType::Regions => Input::Regions,
        _ => Input::Text,
    }
}

/// The first of the assessment's questions (the interview's order) that is not among `skipped`, as a prompt in
/// `lang`. `None`: no question left would settle a rule.
pub fn next(
    engine: &Engine,
    a: &Assessment<'_>,
    skipped: &[String],
    lang: Lang,
    translations: &Translations,
) -> Option<Prompt> {
    let q = a
        .questions
        .iter()
        .find(|q| !skipped.iter().any(|s| s == q.fact))?;
    prompt(engine, q, lang, translations)
}

/// One of an assessment's questions as a prompt in `lang`.
pub fn prompt(
    engine: &Engine,
    q: &aigov_core::assess::Question<'_>,
    lang: Lang,
    translations: &Translations,
) -> Option<Prompt> {
    let texts = translations.get(lang.tag()).filter(|_| lang != Lang::En);
    let def = engine.corpus.vocabulary.fact_qualified(q.fact)?;
    Some(Prompt {
        fact: q.fact.to_string(),
        question: texts
            .and_then(|t| t.question(q.fact))
            .unwrap_or(q.question)
            .to_string(),
        input: input(def),
        settles: q.rules.len(),
    })
}

/// Reads a person's answer for a fact type: yes/no, numbers (`1e25`, `1_000`), dates, comma-separated lists
/// (`none`, `[]` and an empty answer in brackets are the empty set). `path` names the fact in messages.
pub fn parse_answer(ty: &FactType, answer: &str, path: &str) -> Result<aigov_core::Value, String> {
    let a = answer.trim();
    let v = match ty {
        FactType::Bool => match a.to_ascii_lowercase().as_str() {
            // 是 / 否 as a Chinese reader answers (the zh-CN hint offers them).
            "y" | "yes" | "true" | "是" => serde_json::Value::Bool(true),
            "n" | "no" | "false" | "否" => serde_json::Value::Bool(false),
            _ => return Err("answer yes or no (是/否)".into()),
        },
        FactType::Number { .. } => match a.replace('_', "").parse::<f64>() {
            Ok(n) => serde_json::Number::from_f64(n)
                .map(serde_json::Value::Number)
                .ok_or("not a finite number")?,
            Err(_) => return Err("answer with a number (1e25 is fine)".into()),
        },
        // The question says "(list them, or none)": `none`, `[]` and an empty list in brackets are the empty set;
        // `[a, b]` is read like `a, b`.
        FactType::Set { .. } | FactType::Regions => serde_json::Value::Array(
            if a.eq_ignore_ascii_case("none") {
                ""
            } else {
                a.strip_prefix('[')
                    .and_then(|x| x.strip_suffix(']'))
                    .unwrap_or(a)
            }
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| serde_json::Value::String(s.to_string()))
            .collect(),
        ),
        _ => serde_json::Value::String(a.to_string()),
    };
    bind_value(ty, &v, path).map_err(|e| {
        format!(
            "{}{}",
            e.message,
            e.hint.map(|h| format!(" ({h})")).unwrap_or_default()
        )
    })
}

/// Reads an answer to the question on `fact` (qualified: `ai_system.profiling`) and records it in `facts`, after
/// checking its type and range. The error says what is wrong, for the person to answer again.
pub fn answer(engine: &Engine, facts: &mut Facts, fact: &str, answer: &str) -> Result<(), String> {
    let (id, value) = checked(engine, fact, answer)?;
    facts.set(id, Some(value));
    Ok(())
}

/// The answer to the question on `fact` as a value of its type, within its range: the fact's id and the value, or
/// what is wrong with the answer, for the person to answer again. One check for both kinds of manifest.
fn checked(
    engine: &Engine,
    fact: &str,
    answer: &str,
) -> Result<(aigov_core::model::FactId, aigov_core::value::Value), String> {
    let def = engine
        .corpus
        .vocabulary
        .fact_qualified(fact)
        .ok_or_else(|| format!("`{fact}` is not a fact of the vocabulary"))?;
    let value = parse_answer(&def.ty, answer, fact)?;
    let value = check_range(def, value, fact).map_err(|e| {
        format!(
            "{}{}",
            e.message,
            e.hint.map(|h| format!(" ({h})")).unwrap_or_default()
        )
    })?;
    Ok((def.id, value))
}

/// Who keeps a linked manifest's answer: the organization (shared by every subject, asked once) or one subject's
/// entry under `subjects:`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Holder {
    /// The subject's id; `None`: the organization.
    pub id: Option<String>,
    /// The subject's kind (`model`, `ai_system`); `organization` for the organization.
    pub kind: String,
}

impl Holder {
    /// The key under which "I don't know" is remembered: `organization.employees` for the organization (asked
    /// once for every subject), `chat:ai_system.profiling` for a subject's fact.
    pub fn skip_key(&self, fact: &str) -> String {
        match &self.id {
            None => fact.to_string(),
            Some(id) => format!("{id}:{fact}"),
        }
    }
}

/// The next question of a manifest of linked subjects: whose answer it is, and the prompt.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct LinkedPrompt {
    /// Where the answer is kept.
    pub holder: Holder,
    /// The question.
    pub prompt: Prompt,
}

/// The entries of a linked manifest tree's `subjects:`.
fn entries(tree: &serde_json::Value) -> &[serde_json::Value] {
    tree.get("subjects")
        .and_then(|s| s.as_array())
        .map_or(&[], Vec::as_slice)
}

/// Who keeps the answer to `fact` (qualified) asked for subject `index` of a linked manifest tree: the
/// organization for its facts; the subject itself when it is of the section's kind or gives the section; else the
/// subject it is built on (transitively) that gives the section or is of its kind, since the section reaches this
/// one from there; else the subject itself (the section is added to its entry).
pub fn holder(tree: &serde_json::Value, index: usize, fact: &str) -> Option<Holder> {
    let section = fact.split_once('.').map_or(fact, |(s, _)| s);
    if section == "organization" {
        return Some(Holder {
            id: None,
            kind: "organization".into(),
        });
    }
    let entries = entries(tree);
    let id = |e: &serde_json::Value| e.get("id").and_then(|v| v.as_str()).map(str::to_string);
    let kind = |e: &serde_json::Value| {
        e.get("subject")
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_string()
    };
    let owns =
        |e: &serde_json::Value| kind(e) == section || e.get(section).is_some_and(|v| !v.is_null());
    let own = entries.get(index)?;
    let mut at = own;
    // Bounded: a manifest that binds has no cycle, but the tree given may not have been bound.
    for _ in 0..=entries.len() {
        if owns(at) {
            return Some(Holder {
                id: id(at),
                kind: kind(at),
            });
        }
        let Some(next) = at
            .get("built_on")
            .and_then(|b| b.as_str())
            .and_then(|b| entries.iter().find(|e| id(e).as_deref() == Some(b)))
        else {
            break;
        };
        at = next;
    }
    Some(Holder {
        id: id(own),
        kind: kind(own),
    })
}

/// The next question of a manifest of linked subjects (its `tree`, bound as `subjects`), subject by subject in the
/// manifest's order and, within a subject, in its assessment's order: the first whose answer is not among
/// `skipped` ([`Holder::skip_key`]). A question on the organization is the organization's, asked once; one on a
/// section a subject takes from the subject it is built on is that subject's (the answer is kept there). Only
/// questions that would settle an undetermined rule are asked (the assessment asks none about ended law).
pub fn next_linked(
    engine: &Engine,
    tree: &serde_json::Value,
    subjects: &[aigov_core::manifest::Linked],
    options: &aigov_core::assess::Options,
    skipped: &[String],
    lang: Lang,
    translations: &Translations,
) -> Option<LinkedPrompt> {
    for (i, s) in subjects.iter().enumerate() {
        let a = engine.assess(&s.facts, options);
        for q in &a.questions {
            let Some(holder) = holder(tree, i, q.fact) else {
                continue;
            };
            let key = holder.skip_key(q.fact);
            if skipped.contains(&key) {
                continue;
            }
            if let Some(prompt) = prompt(engine, q, lang, translations) {
                return Some(LinkedPrompt { holder, prompt });
            }
        }
    }
    None
}

/// How many facts a linked manifest tree gives: the organization's once, and each subject's own.
pub fn linked_known(
    tree: &serde_json::Value,
    vocabulary: &aigov_core::vocabulary::Vocabulary,
) -> usize {
    let given = |section: Option<&serde_json::Value>| {
        section
            .and_then(|s| s.as_object())
            .map_or(0, |m| m.values().filter(|v| !v.is_null()).count())
    };
    given(tree.get("organization"))
        + entries(tree)
            .iter()
            .filter_map(|e| e.as_object())
            .flat_map(|e| e.iter())
            .filter(|(k, _)| vocabulary.subject(k).is_some() && k.as_str() != "organization")
            .map(|(_, v)| given(Some(v)))
            .sum::<usize>()
}

/// Records an already-checked answer in a linked manifest tree: under the top-level `organization:` or in the
/// holder's entry under `subjects:` (its section is added when missing). Bind the tree again to assess it.
pub fn record_linked(
    tree: &mut serde_json::Value,
    holder: &Holder,
    fact: &str,
    value: &aigov_core::Value,
) -> Result<(), String> {
    let (section, name) = fact
        .split_once('.')
        .ok_or_else(|| format!("`{fact}` is not a qualified fact (section.name)"))?;
    let place = match &holder.id {
        None => tree,
        Some(id) => tree
            .get_mut("subjects")
            .and_then(|s| s.as_array_mut())
            .and_then(|s| {
                s.iter_mut()
                    .find(|e| e.get("id").and_then(|v| v.as_str()) == Some(id.as_str()))
            })
            .ok_or_else(|| format!("the manifest has no subject `{id}`"))?,
    };
    let map = place
        .as_object_mut()
        .ok_or("a manifest's subject must be a mapping")?;
    let slot = map
        .entry(section.to_string())
        .or_insert_with(|| serde_json::Value::Object(Default::default()));
    if slot.is_null() {
        *slot = serde_json::Value::Object(Default::default());
    }
    let slot = slot
        .as_object_mut()
        .ok_or_else(|| format!("`{section}` must be a mapping"))?;
    slot.insert(name.to_string(), aigov_core::manifest::value_to_json(value));
    Ok(())
}

/// Reads an answer to the question on `fact` of a linked manifest and records it where `holder` keeps it (see
/// [`record_linked`]), after checking its type and range. The error says what is wrong.
pub fn answer_linked(
    engine: &Engine,
    tree: &mut serde_json::Value,
    holder: &Holder,
    fact: &str,
    answer: &str,
) -> Result<(), String> {
    let (_, value) = checked(engine, fact, answer)?;
    record_linked(tree, holder, fact, &value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use aigov_core::assess::Options;
    use aigov_core::vocabulary::EnumValue;

    #[test]
    fn yes_and_no_in_english_or_chinese() {
        for (answer, want) in [
            ("yes", true),
            ("Y", true),
            ("是", true),
            ("no", false),
            ("否", false),
        ] {
            assert_eq!(
                parse_answer(&FactType::Bool, answer, "ai_system.x"),
                Ok(aigov_core::Value::Bool(want)),
                "{answer}"
            );
        }
        assert!(parse_answer(&FactType::Bool, "maybe", "ai_system.x").is_err());
    }

    #[test]
    fn none_and_empty_brackets_are_the_empty_set() {
        let ty = FactType::Set {
            values: vec![EnumValue {
                id: "provider".into(),
                description: String::new(),
            }],
        };
        for empty in ["none", "None", "[]", "[ ]", "NONE"] {
            assert_eq!(
                parse_answer(&ty, empty, "ai_system.roles"),
                Ok(aigov_core::Value::set(Vec::<String>::new())),
                "{empty}"
            );
            assert_eq!(
                parse_answer(&FactType::Regions, empty, "ai_system.used_in"),
                Ok(aigov_core::Value::set(Vec::<String>::new())),
                "{empty}"
            );
        }
        assert_eq!(
            parse_answer(&ty, "[provider]", "ai_system.roles"),
            Ok(aigov_core::Value::set(vec!["provider".to_string()]))
        );
        assert!(parse_answer(&ty, "nobody", "ai_system.roles").is_err());
    }

    #[test]
    fn questions_come_in_order_skipped_ones_are_passed_and_answers_settle_them() {
        let engine = crate::engine(None).expect("engine");
        let t = Translations::default();
        let mut facts = Facts::empty("ai_system", &engine.corpus.vocabulary);
        let as_of = "2026-12-01".parse().expect("date");
        let a = engine.assess(&facts, &Options::as_of(as_of));
        let first = next(&engine, &a, &[], Lang::En, &t).expect("an empty manifest has questions");
        assert_eq!(first.fact, a.questions[0].fact);
        assert!(first.settles > 0);
        // "I don't know" skips it: the next prompt is another fact.
        let second =
            next(&engine, &a, std::slice::from_ref(&first.fact), Lang::En, &t).expect("more");
        assert_ne!(second.fact, first.fact);
        // A wrong answer is refused with a reason; a right one is recorded and the question goes away.
        let wrong = match first.input {
            Input::YesNo | Input::Number { .. } | Input::Date => "purple",
            _ => "no_such_value_anywhere",
        };
        assert!(answer(&engine, &mut facts, &first.fact, wrong).is_err());
        let right = match &first.input {
            Input::YesNo => "no".to_string(),
            Input::Number { .. } => "1".to_string(),
            Input::Date => "2025-01-01".to_string(),
            Input::OneOf { values } => values[0].id.clone(),
            Input::AnyOf { .. } | Input::Regions => "none".to_string(),
            Input::Text => "x".to_string(),
        };
        answer(&engine, &mut facts, &first.fact, &right).expect("a valid answer");
        let a = engine.assess(&facts, &Options::as_of(as_of));
        assert!(a.questions.iter().all(|q| q.fact != first.fact));
    }
}
