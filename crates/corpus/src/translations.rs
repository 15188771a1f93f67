//! Translations of the corpus's texts, kept as data beside the corpus: `i18n/<lang>/<folder>.yaml` maps rule, fact,
//! instrument and tier ids to texts in that language (docs/corpus.md, "Translations"). The engine never reads
//! them: they are for reports in that language, which fall back to the English text where a translation is
//! missing. Loading is strict: unknown keys, ids that name nothing in the corpus and ids translated twice are
//! errors with their place; every language folder present must give every rule a title and every fact a question.

use crate::load::{Diagnostic, Source};
use aigov_core::manifest;
use aigov_core::model::{Corpus, Effect};
use aigov_core::vocabulary::did_you_mean;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// The folder, under a corpus root, that holds translations.
pub const DIR: &str = "i18n/";

/// The translations of a corpus into every language it has a folder for.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Translations {
    /// Language tag (e.g. `zh-CN`) to its texts.
    pub langs: BTreeMap<String, Texts>,
}

impl Translations {
    /// The texts of a language, if the corpus has them.
    pub fn get(&self, lang: &str) -> Option<&Texts> {
        self.langs.get(lang)
    }
}

/// One language's texts, by id.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Texts {
    /// Instrument id to its texts.
    pub instruments: HashMap<String, InstrumentText>,
    /// Rule id to its texts.
    pub rules: HashMap<String, RuleText>,
    /// Qualified fact name (`ai_system.roles`) to its texts.
    pub facts: HashMap<String, FactText>,
    /// Tier id to its name.
    pub tiers: HashMap<String, String>,
    /// An instrument's English regime (the heading findings are grouped under) to its translation.
    pub regimes: HashMap<String, String>,
    /// Penalty id to its texts.
    #[serde(default)]
    pub penalties: HashMap<String, PenaltyText>,
    /// An exception, `<instrument>.<exception id>`, to its summary.
    #[serde(default)]
    pub exceptions: HashMap<String, String>,
    /// Rule id to the English effect text its translation was written for (a later version's text differs).
    #[serde(default)]
    pub effect_of: HashMap<String, String>,
    /// Rule id to the English effect texts of its later versions with their translations.
    #[serde(default)]
    pub later_effect_of: HashMap<String, Vec<(String, String)>>,
    /// A later text's English `change` (whitespace folded) to its translation.
    #[serde(default)]
    pub changes: HashMap<String, String>,
    /// Rule id to the English deadline text its translation was written for.
    #[serde(default)]
    pub deadline_of: HashMap<String, String>,
    /// Rule id to the English citation its translation was written for.
    #[serde(default)]
    pub citation_of: HashMap<String, String>,
    /// Rule id to its confidence note (why the confidence is not high, caveats and sources).
    #[serde(default)]
    pub notes: HashMap<String, String>,
    /// Qualified fact name to the texts of its `derive:` alternatives, in the vocabulary's order.
    #[serde(default)]
    pub derivations: HashMap<String, Vec<DerivationText>>,
    /// Parameter id (`eu_ai_act.gpai_systemic_risk_flop`) to its description.
    #[serde(default)]
    pub parameters: HashMap<String, String>,
    /// A lifecycle event, `<instrument>.<event id>`, to the provisions it concerns.
    #[serde(default)]
    pub events: HashMap<String, String>,
    /// A lifecycle event, `<instrument>.<event id>`, to its note (what a challenge is).
    #[serde(default)]
    pub event_notes: HashMap<String, String>,
}

impl Texts {
    /// A rule's translated title.
    pub fn rule_title(&self, rule: &str) -> Option<&str> {
        self.rules.get(rule).map(|r| r.title.as_str())
    }
    /// A rule's translated summary.
    pub fn rule_summary(&self, rule: &str) -> Option<&str> {
        self.rules.get(rule).and_then(|r| r.summary.as_deref())
    }
    /// A rule's translated duty, practice or relief, when `english` is the text it was written for (a later
    /// version of the rule may say something else: then there is no translation).
    pub fn rule_effect(&self, rule: &str, english: &str) -> Option<&str> {
        let r = self.rules.get(rule)?;
        if let Some(text) = r.effect.as_deref() {
            if self.effect_of.get(rule).map(|s| s.trim()) == Some(english.trim()) {
                return Some(text);
            }
        }
        self.later_effect_of
            .get(rule)?
            .iter()
            .find(|(en, _)| en.trim() == english.trim())
            .map(|(_, zh)| zh.as_str())
    }
    /// An obligation's translated deadline, when `english` is the text it was written for.
    pub fn rule_deadline(&self, rule: &str, english: &str) -> Option<&str> {
        let text = self.rules.get(rule)?.deadline.as_deref()?;
        (self.deadline_of.get(rule).map(|s| s.trim()) == Some(english.trim())).then_some(text)
    }
    /// A rule's translated citation, when `english` is the citation it was written for.
    pub fn rule_citation(&self, rule: &str, english: &str) -> Option<&str> {
        let text = self.rules.get(rule)?.citation.as_deref()?;
        (self.citation_of.get(rule).map(|s| s.trim()) == Some(english.trim())).then_some(text)
    }
    /// A rule's translated confidence note.
    pub fn rule_note(&self, rule: &str) -> Option<&str> {
        self.notes.get(rule).map(String::as_str)
    }
    /// An instrument's translated caveat (the note every finding of the instrument carries).
    pub fn instrument_note(&self, instrument: &str) -> Option<&str> {
        self.instruments.get(instrument)?.note.as_deref()
    }
    /// The translated texts of a fact's `index`-th `derive:` alternative.
    pub fn derivation(&self, fact: &str, index: usize) -> Option<&DerivationText> {
        self.derivations.get(fact)?.get(index)
    }
    /// A dated parameter's translated description (what the value means).
    pub fn parameter(&self, parameter: &str) -> Option<&str> {
        self.parameters.get(parameter).map(String::as_str)
    }
    /// The translated provisions of an instrument's lifecycle event (which parts the date concerns).
    pub fn event_provisions(&self, instrument: &str, event: &str) -> Option<&str> {
        self.events
            .get(&format!("{instrument}.{event}"))
            .map(String::as_str)
    }
    /// The translated note of an instrument's lifecycle event (what a challenge is).
    pub fn event_note(&self, instrument: &str, event: &str) -> Option<&str> {
        self.event_notes
            .get(&format!("{instrument}.{event}"))
            .map(String::as_str)
    }
    /// The translation of what a later text of a rule changed, by its English words (`Finding.version.change`).
    pub fn version_change(&self, english: &str) -> Option<&str> {
        self.changes.get(&fold(english)).map(String::as_str)
    }
    /// A fact's translated question.
    pub fn question(&self, fact: &str) -> Option<&str> {
        self.facts.get(fact).map(|f| f.question.as_str())
    }
    /// An instrument's translated short title.
    pub fn short_title(&self, instrument: &str) -> Option<&str> {
        self.instruments
            .get(instrument)
            .map(|i| i.short_title.as_str())
    }
    /// A regime heading's translation.
    pub fn regime(&self, english: &str) -> Option<&str> {
        self.regimes.get(english).map(String::as_str)
    }
    /// A tier's translated name.
    pub fn tier(&self, tier: &str) -> Option<&str> {
        self.tiers.get(tier).map(String::as_str)
    }
    /// A penalty's translated texts.
    pub fn penalty(&self, penalty: &str) -> Option<&PenaltyText> {
        self.penalties.get(penalty)
    }
    /// An exception's translated summary (`instrument` is the id of the rule's instrument).
    pub fn exception(&self, instrument: &str, exception: &str) -> Option<&str> {
        self.exceptions
            .get(&format!("{instrument}.{exception}"))
            .map(String::as_str)
    }
}

/// A penalty's texts. The lists follow the penalty's own order in the corpus, one entry for each, and the loader
/// checks their length.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PenaltyText {
    /// What it punishes and how.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// The names of the bodies that enforce it, in the order of `enforced_by`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub enforced_by: Vec<String>,
    /// Its citation, when the corpus's citation is more than article numbers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citation: Option<String>,
    /// The labels of its tiers, in the order of `tiers`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tiers: Vec<String>,
    /// The caveat on its terms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// An instrument's texts.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InstrumentText {
    /// The short title readers use (required).
    pub short_title: String,
    /// The full title (for Chinese instruments: the title as issued).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The regime heading, when the instrument's regime differs from its short title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regime: Option<String>,
    /// The instrument's summary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// The caveat every finding of the instrument carries (required when the instrument has a note).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The texts of one way of deriving a fact (`derive:` in the vocabulary).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DerivationText {
    /// The method, in words (the vocabulary's `label`).
    pub label: String,
    /// Where the method comes from (required when the vocabulary gives a citation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citation: Option<String>,
}

/// A rule's texts.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleText {
    /// The title (required).
    pub title: String,
    /// The summary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// The effect's duty, practice or relief.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effect: Option<String>,
    /// An obligation's deadline, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<String>,
    /// The citation, when the corpus's citation is more than article numbers (used while the rule's citation is
    /// the one of its first text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citation: Option<String>,
    /// The duty, practice or relief of each later text of the rule (its `versions:` in the corpus, in order;
    /// `~` where a version keeps the effect before it). Required for a version that changes the effect.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub later_effects: Vec<Option<String>>,
    /// What each later text of the rule changed (its `versions:`' `change`, in order; `~` where a version says
    /// nothing). Required for a version that says what changed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub later_changes: Vec<Option<String>>,
}

/// A fact's texts.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactText {
    /// The question that asks a person for it (required).
    pub question: String,
    /// What it means.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    instruments: BTreeMap<String, InstrumentText>,
    #[serde(default)]
    rules: BTreeMap<String, RuleText>,
    #[serde(default)]
    facts: BTreeMap<String, FactText>,
    #[serde(default)]
    tiers: BTreeMap<String, String>,
    #[serde(default)]
    penalties: BTreeMap<String, PenaltyText>,
    #[serde(default)]
    exceptions: BTreeMap<String, String>,
    #[serde(default)]
    notes: BTreeMap<String, String>,
    #[serde(default)]
    derivations: BTreeMap<String, Vec<DerivationText>>,
    #[serde(default)]
    parameters: BTreeMap<String, String>,
    #[serde(default)]
    events: BTreeMap<String, String>,
    #[serde(default)]
    event_notes: BTreeMap<String, String>,
}

/// The place of `id` written as a key (`  id:` at the start of a line) in a file's text.
fn key_diag(file: &str, text: &str, id: &str, message: String, hint: Option<String>) -> Diagnostic {
    let mut at = 0;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim_start();
        let t = t.trim_start_matches(['"', '\'']);
        if let Some(rest) = t.strip_prefix(id) {
            if rest.trim_start_matches(['"', '\'']).starts_with(':') {
                at = offset + (line.len() - line.trim_start().len());
                break;
            }
        }
        offset += line.len();
    }
    let (line, col) = manifest::line_col(text, at);
    Diagnostic {
        file: file.to_string(),
        line,
        col,
        message,
        hint,
    }
}

/// The folder of each instrument's file (`eu`, `us-ca`, ...), for hints on where a missing translation goes.
fn instrument_folders(sources: &[Source]) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for s in sources {
        if s.path.starts_with(DIR) || s.path.starts_with("vocabulary/") {
            continue;
        }
        let folder = s.path.split('/').next().unwrap_or("").to_string();
        let mut in_instrument = false;
        for line in s.text.lines() {
            if line.starts_with("instrument:") {
                in_instrument = true;
            } else if in_instrument {
                if let Some(id) = line.trim_start().strip_prefix("id:") {
                    out.insert(id.trim().trim_matches(['"', '\'']).to_string(), folder);
                    break;
                }
            }
        }
    }
    out
}

/// Loads the translations under `i18n/` of a corpus's sources and checks them against the loaded corpus.
pub fn load(all: &[Source], corpus: &Corpus) -> Result<Translations, Vec<Diagnostic>> {
    let mut diags = Vec::new();
    let mut out = Translations::default();
    let mut sources: Vec<&Source> = all
        .iter()
        .filter(|s| {
            s.path.starts_with(DIR) && (s.path.ends_with(".yaml") || s.path.ends_with(".yml"))
        })
        .collect();
    sources.sort_by(|a, b| a.path.cmp(&b.path));
    let rule_ids: Vec<&str> = corpus.rules.iter().map(|r| r.id.as_str()).collect();
    let fact_ids: Vec<&str> = corpus
        .vocabulary
        .facts
        .iter()
        .map(|f| f.qualified.as_str())
        .collect();
    let instrument_ids: Vec<&str> = corpus.instruments.iter().map(|i| i.id.as_str()).collect();
    let tier_ids: Vec<&str> = corpus
        .vocabulary
        .tiers
        .iter()
        .map(|t| t.id.as_str())
        .collect();
    let penalty_ids: Vec<&str> = corpus.penalties.iter().map(|p| p.id.as_str()).collect();
    let parameter_ids: Vec<&str> = corpus.parameters.iter().map(|p| p.id.as_str()).collect();
    // Events with the provisions they concern, named `<instrument>.<event id>`.
    let event_ids: Vec<String> = corpus
        .instruments
        .iter()
        .flat_map(|i| {
            i.events
                .iter()
                .filter(|e| {
                    e.provisions
                        .as_deref()
                        .is_some_and(|p| !p.trim().is_empty())
                })
                .map(move |e| format!("{}.{}", i.id, e.id))
        })
        .collect();
    let event_ids: Vec<&str> = event_ids.iter().map(String::as_str).collect();
    // Events with a note, named the same way.
    let noted_ids: Vec<String> = corpus
        .instruments
        .iter()
        .flat_map(|i| {
            i.events
                .iter()
                .filter(|e| e.note.as_deref().is_some_and(|n| !n.trim().is_empty()))
                .map(move |e| format!("{}.{}", i.id, e.id))
        })
        .collect();
    let noted_ids: Vec<&str> = noted_ids.iter().map(String::as_str).collect();
    let derived_ids: Vec<&str> = corpus
        .vocabulary
        .facts
        .iter()
        .filter(|f| !f.derive.is_empty())
        .map(|f| f.qualified.as_str())
        .collect();
    // Exceptions are named `<instrument>.<exception id>`: one translation serves every rule of the instrument
    // that shares the exception.
    let mut exception_ids: Vec<String> = Vec::new();
    for r in &corpus.rules {
        let inst = &corpus.instrument_of(r).id;
        for v in &r.versions {
            for e in &v.exceptions {
                let id = format!("{inst}.{}", e.id);
                if !exception_ids.contains(&id) {
                    exception_ids.push(id);
                }
            }
        }
    }
    let exception_ids: Vec<&str> = exception_ids.iter().map(String::as_str).collect();
    // Where each id was first translated, per language, to report a second translation.
    let mut seen: HashMap<(String, &'static str, String), String> = HashMap::new();
    for s in sources {
        let rest = &s.path[DIR.len()..];
        let Some((lang, name)) = rest.split_once('/') else {
            diags.push(Diagnostic {
                file: s.path.clone(),
                line: 1,
                col: 1,
                message: "a translation file must be in a language folder".into(),
                hint: Some(format!("move it to {DIR}<lang>/, e.g. {DIR}zh-CN/{rest}")),
            });
            continue;
        };
        if name.contains('/') {
            diags.push(Diagnostic {
                file: s.path.clone(),
                line: 1,
                col: 1,
                message: "translation files sit directly in their language folder".into(),
                hint: Some(format!("move it to {DIR}{lang}/")),
            });
            continue;
        }
        let file: File = match serde_yaml_ng::from_str::<Option<File>>(&s.text) {
            Ok(f) => f.unwrap_or_default(),
            Err(e) => {
                diags.push(crate::load::serde_diag(&s.path, &s.text, &e));
                continue;
            }
        };
        let texts = out.langs.entry(lang.to_string()).or_default();
        let mut check =
            |kind: &'static str, id: &str, known: &[&str], diags: &mut Vec<Diagnostic>| {
                if !known.contains(&id) {
                    diags.push(key_diag(
                        &s.path,
                        &s.text,
                        id,
                        format!("unknown {kind} `{id}`"),
                        did_you_mean(id, known.iter().copied())
                            .map(|m| format!("did you mean `{m}`?"))
                            .or_else(|| Some(format!("no {kind} in the corpus has this id"))),
                    ));
                    return false;
                }
                if let Some(first) =
                    seen.insert((lang.to_string(), kind, id.to_string()), s.path.clone())
                {
                    diags.push(key_diag(
                        &s.path,
                        &s.text,
                        id,
                        format!("{kind} `{id}` is translated twice"),
                        Some(format!("it is also translated in {first}")),
                    ));
                    return false;
                }
                true
            };
        for (id, t) in file.instruments {
            if check("instrument", &id, &instrument_ids, &mut diags) {
                texts.instruments.insert(id, t);
            }
        }
        for (id, t) in file.rules {
            if !check("rule", &id, &rule_ids, &mut diags) {
                continue;
            }
            let later = corpus
                .rule(&id)
                .map_or(0, |r| r.versions.len().saturating_sub(1));
            if !t.later_changes.is_empty() && t.later_changes.len() != later {
                diags.push(key_diag(
                    &s.path,
                    &s.text,
                    &id,
                    format!(
                        "rule `{id}` translates {} later changes but the corpus has {later} later versions",
                        t.later_changes.len()
                    ),
                    Some("give one entry per item of the rule's `versions:`, in order (`~` where it says nothing)".into()),
                ));
            }
            if !t.later_effects.is_empty() && t.later_effects.len() != later {
                diags.push(key_diag(
                    &s.path,
                    &s.text,
                    &id,
                    format!(
                        "rule `{id}` translates {} later effects but the corpus has {later} later versions",
                        t.later_effects.len()
                    ),
                    Some("give one entry per item of the rule's `versions:`, in order (`~` where the effect stays)".into()),
                ));
            }
            texts.rules.insert(id, t);
        }
        for (id, t) in file.facts {
            if check("fact", &id, &fact_ids, &mut diags) {
                texts.facts.insert(id, t);
            }
        }
        for (id, t) in file.tiers {
            if check("tier", &id, &tier_ids, &mut diags) {
                texts.tiers.insert(id, t);
            }
        }
        for (id, t) in file.penalties {
            if !check("penalty", &id, &penalty_ids, &mut diags) {
                continue;
            }
            if let Some(p) = corpus.penalties.iter().find(|p| p.id == id) {
                // A list of names or labels must match the corpus's list one for one, or a name would land on
                // the wrong body.
                for (what, given, wanted) in [
                    ("enforced_by", t.enforced_by.len(), p.enforced_by.len()),
                    ("tiers", t.tiers.len(), p.tiers.len()),
                ] {
                    if given != 0 && given != wanted {
                        diags.push(key_diag(
                            &s.path,
                            &s.text,
                            &id,
                            format!(
                                "penalty `{id}` translates {given} {what} but the corpus has {wanted}"
                            ),
                            Some(format!(
                                "give one entry per item of the penalty's `{what}`, in its order"
                            )),
                        ));
                    }
                }
            }
            texts.penalties.insert(id, t);
        }
        for (id, t) in file.exceptions {
            if check("exception", &id, &exception_ids, &mut diags) {
                texts.exceptions.insert(id, t);
            }
        }
        for (id, t) in file.notes {
            if !check("rule note", &id, &rule_ids, &mut diags) {
                continue;
            }
            if corpus.rule(&id).is_some_and(|r| r.note.is_none()) {
                diags.push(key_diag(
                    &s.path,
                    &s.text,
                    &id,
                    format!("rule `{id}` has no note to translate"),
                    Some("remove it, or give the rule a `note:` in the corpus".into()),
                ));
                continue;
            }
            texts.notes.insert(id, t);
        }
        for (id, t) in file.parameters {
            if !check("parameter", &id, &parameter_ids, &mut diags) {
                continue;
            }
            if corpus
                .parameters
                .iter()
                .any(|p| p.id == id && p.description.trim().is_empty())
            {
                diags.push(key_diag(
                    &s.path,
                    &s.text,
                    &id,
                    format!("parameter `{id}` has no description to translate"),
                    Some("remove it, or give the parameter a `description:` in the corpus".into()),
                ));
                continue;
            }
            texts.parameters.insert(id, t);
        }
        for (id, t) in file.events {
            if check("event with provisions", &id, &event_ids, &mut diags) {
                texts.events.insert(id, t);
            }
        }
        for (id, t) in file.event_notes {
            if check("event with a note", &id, &noted_ids, &mut diags) {
                texts.event_notes.insert(id, t);
            }
        }
        for (id, t) in file.derivations {
            if !check("derived fact", &id, &derived_ids, &mut diags) {
                continue;
            }
            if let Some(f) = corpus.vocabulary.facts.iter().find(|f| f.qualified == id) {
                let wanted = f.derive.len();
                if t.len() != wanted {
                    diags.push(key_diag(
                        &s.path,
                        &s.text,
                        &id,
                        format!(
                            "fact `{id}` translates {} derivations but the vocabulary has {wanted}",
                            t.len()
                        ),
                        Some(
                            "give one entry per item of the fact's `derive:`, in its order".into(),
                        ),
                    ));
                    continue;
                }
            }
            texts.derivations.insert(id, t);
        }
    }
    // Completeness: a language the corpus has must title every rule and ask every fact.
    let folders = instrument_folders(all);
    for (lang, texts) in &out.langs {
        for r in &corpus.rules {
            if texts
                .rules
                .get(&r.id)
                .is_none_or(|t| t.title.trim().is_empty())
            {
                let folder = folders
                    .get(&corpus.instrument_of(r).id)
                    .map(String::as_str)
                    .unwrap_or("<folder>");
                diags.push(missing(lang, "rule", &r.id, "title", folder));
            }
            if r.note.is_some() && texts.notes.get(&r.id).is_none_or(|t| t.trim().is_empty()) {
                let folder = folders
                    .get(&corpus.instrument_of(r).id)
                    .map(String::as_str)
                    .unwrap_or("<folder>");
                diags.push(Diagnostic {
                    file: format!("{DIR}{lang}/{folder}.yaml"),
                    line: 1,
                    col: 1,
                    message: format!("rule `{}` has a note but no {lang} note", r.id),
                    hint: Some(format!(
                        "add `{}: ...` under `notes:`; every rule's confidence note needs a translation in each language of {DIR}",
                        r.id
                    )),
                });
            }
        }
        // A later text that says what it changed needs that said in the language too.
        for r in &corpus.rules {
            for (i, v) in r.versions.iter().enumerate().skip(1) {
                if v.change.as_deref().is_none_or(|c| c.trim().is_empty()) {
                    continue;
                }
                let given = texts
                    .rules
                    .get(&r.id)
                    .and_then(|t| t.later_changes.get(i - 1))
                    .and_then(|t| t.as_deref())
                    .is_some_and(|t| !t.trim().is_empty());
                if !given {
                    let folder = folders
                        .get(&corpus.instrument_of(r).id)
                        .map(String::as_str)
                        .unwrap_or("<folder>");
                    diags.push(Diagnostic {
                        file: format!("{DIR}{lang}/{folder}.yaml"),
                        line: 1,
                        col: 1,
                        message: format!(
                            "rule `{}`: its version {} says what changed but has no {lang} text",
                            r.id,
                            i + 1
                        ),
                        hint: Some(format!(
                            "add `later_changes: [...]` to `{}` under `rules:`, one entry per item of its `versions:` (`~` where it says nothing)",
                            r.id
                        )),
                    });
                }
            }
        }
        // A later text of a rule that changes its duty, practice or relief needs that text translated, or a
        // report on a date after it prints the duty in English.
        for r in &corpus.rules {
            let mut before = r.versions.first().and_then(|v| effect_words(&v.effect));
            for (i, v) in r.versions.iter().enumerate().skip(1) {
                let now = effect_words(&v.effect);
                let changed = now.is_some_and(|n| before.is_none_or(|b| b.trim() != n.trim()));
                before = now.or(before);
                if !changed {
                    continue;
                }
                let given = texts
                    .rules
                    .get(&r.id)
                    .and_then(|t| t.later_effects.get(i - 1))
                    .and_then(|t| t.as_deref())
                    .is_some_and(|t| !t.trim().is_empty());
                if !given {
                    let folder = folders
                        .get(&corpus.instrument_of(r).id)
                        .map(String::as_str)
                        .unwrap_or("<folder>");
                    diags.push(Diagnostic {
                        file: format!("{DIR}{lang}/{folder}.yaml"),
                        line: 1,
                        col: 1,
                        message: format!(
                            "rule `{}`: its version {} changes the effect but has no {lang} text",
                            r.id,
                            i + 1
                        ),
                        hint: Some(format!(
                            "add `later_effects: [...]` to `{}` under `rules:`, one entry per item of its `versions:` (`~` where the effect stays)",
                            r.id
                        )),
                    });
                }
            }
        }
        for i in &corpus.instruments {
            if i.note.is_some()
                && texts
                    .instruments
                    .get(&i.id)
                    .and_then(|t| t.note.as_deref())
                    .is_none_or(|t| t.trim().is_empty())
            {
                let folder = folders.get(&i.id).map(String::as_str).unwrap_or("<folder>");
                diags.push(missing(lang, "instrument", &i.id, "note", folder));
            }
        }
        // Every parameter's description, or `compute` and the law pages print it in English.
        for p in &corpus.parameters {
            if p.description.trim().is_empty()
                || texts
                    .parameters
                    .get(&p.id)
                    .is_some_and(|t| !t.trim().is_empty())
            {
                continue;
            }
            let instrument = p.id.split_once('.').map_or(p.id.as_str(), |(i, _)| i);
            let folder = folders
                .get(instrument)
                .map(String::as_str)
                .unwrap_or("<folder>");
            diags.push(Diagnostic {
                file: format!("{DIR}{lang}/{folder}.yaml"),
                line: 1,
                col: 1,
                message: format!("parameter `{}` has a description but no {lang} text", p.id),
                hint: Some(format!(
                    "add `{}: ...` under `parameters:`; every parameter's description needs a translation in each language of {DIR}",
                    p.id
                )),
            });
        }
        // Every event's provisions, or a date's source ("applies from ... (Chapter III ...)") is English.
        for i in &corpus.instruments {
            for e in &i.events {
                if e.provisions.as_deref().is_none_or(|p| p.trim().is_empty()) {
                    continue;
                }
                let id = format!("{}.{}", i.id, e.id);
                if texts.events.get(&id).is_some_and(|t| !t.trim().is_empty()) {
                    continue;
                }
                let folder = folders.get(&i.id).map(String::as_str).unwrap_or("<folder>");
                diags.push(Diagnostic {
                    file: format!("{DIR}{lang}/{folder}.yaml"),
                    line: 1,
                    col: 1,
                    message: format!("event `{id}` has provisions but no {lang} text"),
                    hint: Some(format!(
                        "add `{id}: ...` under `events:`; every lifecycle event's `provisions` needs a translation in each language of {DIR}"
                    )),
                });
            }
        }
        // Every challenge's note, or every finding of a challenged law says what the challenge is in English.
        for i in &corpus.instruments {
            for e in &i.events {
                if e.kind != aigov_core::model::EventKind::Challenged
                    || e.note.as_deref().is_none_or(|n| n.trim().is_empty())
                {
                    continue;
                }
                let id = format!("{}.{}", i.id, e.id);
                if texts
                    .event_notes
                    .get(&id)
                    .is_some_and(|t| !t.trim().is_empty())
                {
                    continue;
                }
                let folder = folders.get(&i.id).map(String::as_str).unwrap_or("<folder>");
                diags.push(Diagnostic {
                    file: format!("{DIR}{lang}/{folder}.yaml"),
                    line: 1,
                    col: 1,
                    message: format!("challenge `{id}` has a note but no {lang} text"),
                    hint: Some(format!(
                        "add `{id}: ...` under `event_notes:`; every challenge's note needs a translation in each language of {DIR}"
                    )),
                });
            }
        }
        // Every penalty's summary, enforcer names and caveat, or a report in this language prints them in
        // English (the penalty line falls back to the corpus's text).
        for p in &corpus.penalties {
            let t = texts.penalties.get(&p.id);
            let mut lacking: Vec<&str> = Vec::new();
            if !p.summary.trim().is_empty()
                && t.and_then(|t| t.summary.as_deref())
                    .is_none_or(|s| s.trim().is_empty())
            {
                lacking.push("summary");
            }
            if !p.enforced_by.is_empty()
                && t.is_none_or(|t| t.enforced_by.iter().all(|n| n.trim().is_empty()))
            {
                lacking.push("enforced_by");
            }
            if p.note.as_deref().is_some_and(|n| !n.trim().is_empty())
                && t.and_then(|t| t.note.as_deref())
                    .is_none_or(|s| s.trim().is_empty())
            {
                lacking.push("note");
            }
            if lacking.is_empty() {
                continue;
            }
            let instrument = p.id.split_once('.').map_or(p.id.as_str(), |(i, _)| i);
            let folder = folders
                .get(instrument)
                .map(String::as_str)
                .unwrap_or("<folder>");
            diags.push(Diagnostic {
                file: format!("{DIR}{lang}/{folder}.yaml"),
                line: 1,
                col: 1,
                message: format!(
                    "penalty `{}` has no {lang} {}",
                    p.id,
                    lacking.join(", ")
                ),
                hint: Some(format!(
                    "add `{}: {{ {}: ... }}` under `penalties:`; every penalty's summary, enforcer names and note need a translation in each language of {DIR}",
                    p.id,
                    lacking.join(": ..., ")
                )),
            });
        }
        // Every exception with a summary, or a report in this language prints it in English. One text serves
        // every rule of the instrument that shares the exception id.
        let mut reported: Vec<String> = Vec::new();
        for r in &corpus.rules {
            let inst = &corpus.instrument_of(r).id;
            for e in r.versions.iter().flat_map(|v| &v.exceptions) {
                if e.summary.trim().is_empty() {
                    continue;
                }
                let id = format!("{inst}.{}", e.id);
                if reported.contains(&id)
                    || texts
                        .exceptions
                        .get(&id)
                        .is_some_and(|t| !t.trim().is_empty())
                {
                    continue;
                }
                let folder = folders.get(inst).map(String::as_str).unwrap_or("<folder>");
                diags.push(Diagnostic {
                    file: format!("{DIR}{lang}/{folder}.yaml"),
                    line: 1,
                    col: 1,
                    message: format!(
                        "exception `{id}` (of rule `{}`) has no {lang} text",
                        r.id
                    ),
                    hint: Some(format!(
                        "add `{id}: ...` under `exceptions:`; every exception's summary needs a translation in each language of {DIR}"
                    )),
                });
                reported.push(id);
            }
        }
        for f in corpus
            .vocabulary
            .facts
            .iter()
            .filter(|f| !f.derive.is_empty())
        {
            let given = texts.derivations.get(&f.qualified);
            let incomplete = given.is_none_or(|g| {
                g.iter().zip(&f.derive).any(|(t, d)| {
                    t.label.trim().is_empty() || (d.citation.is_some() && t.citation.is_none())
                })
            });
            if incomplete {
                diags.push(Diagnostic {
                    file: format!("{DIR}{lang}/vocabulary.yaml"),
                    line: 1,
                    col: 1,
                    message: format!(
                        "fact `{}` is derived but has no {lang} label (and citation) for each of its {} derivations",
                        f.qualified,
                        f.derive.len()
                    ),
                    hint: Some(format!(
                        "add `{}: [{{ label: ..., citation: ... }}]` under `derivations:`, one entry per item of its `derive:`",
                        f.qualified
                    )),
                });
            }
        }
        for f in &corpus.vocabulary.facts {
            if texts
                .facts
                .get(&f.qualified)
                .is_none_or(|t| t.question.trim().is_empty())
            {
                diags.push(missing(
                    lang,
                    "fact",
                    &f.qualified,
                    "question",
                    "vocabulary",
                ));
            }
        }
    }
    if !diags.is_empty() {
        return Err(diags);
    }
    for texts in out.langs.values_mut() {
        for i in &corpus.instruments {
            if let Some(t) = texts.instruments.get(&i.id) {
                let zh = t
                    .regime
                    .clone()
                    .or_else(|| (i.regime == i.short_title).then(|| t.short_title.clone()));
                if let Some(zh) = zh {
                    texts.regimes.entry(i.regime.clone()).or_insert(zh);
                }
            }
        }
        for r in &corpus.rules {
            let english = match r.versions.first().map(|v| &v.effect) {
                Some(Effect::Obligation { duty, .. }) => Some(duty),
                Some(Effect::Prohibition { practice, .. }) => Some(practice),
                Some(Effect::Exemption { relief, .. }) => Some(relief),
                _ => None,
            };
            if let Some(e) = english {
                texts.effect_of.insert(r.id.clone(), e.clone());
            }
            let later: Vec<(String, String)> = texts
                .rules
                .get(&r.id)
                .map(|t| {
                    r.versions
                        .iter()
                        .skip(1)
                        .zip(&t.later_effects)
                        .filter_map(|(v, zh)| Some((effect_words(&v.effect)?.clone(), zh.clone()?)))
                        .collect()
                })
                .unwrap_or_default();
            if !later.is_empty() {
                texts.later_effect_of.insert(r.id.clone(), later);
            }
            let changes: Vec<(String, String)> = texts
                .rules
                .get(&r.id)
                .map(|t| {
                    r.versions
                        .iter()
                        .skip(1)
                        .zip(&t.later_changes)
                        .filter_map(|(v, zh)| Some((fold(v.change.as_deref()?), zh.clone()?)))
                        .collect()
                })
                .unwrap_or_default();
            for (en, zh) in changes {
                texts.changes.entry(en).or_insert(zh);
            }
            if let Some(v) = r.versions.first() {
                texts.citation_of.insert(r.id.clone(), v.citation.clone());
            }
            if let Some(Effect::Obligation {
                deadline: Some(d), ..
            }) = r.versions.first().map(|v| &v.effect)
            {
                texts.deadline_of.insert(r.id.clone(), d.text.clone());
            }
        }
    }
    Ok(out)
}

/// `s` with its whitespace folded to single spaces (YAML folded text, trimmed).
fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The duty, practice or relief of a rule version's effect, in English.
fn effect_words(e: &Effect) -> Option<&String> {
    match e {
        Effect::Obligation { duty, .. } => Some(duty),
        Effect::Prohibition { practice, .. } => Some(practice),
        Effect::Exemption { relief, .. } => Some(relief),
        _ => None,
    }
}

fn missing(lang: &str, kind: &str, id: &str, what: &str, folder: &str) -> Diagnostic {
    Diagnostic {
        file: format!("{DIR}{lang}/{folder}.yaml"),
        line: 1,
        col: 1,
        message: format!("{kind} `{id}` has no {lang} {what}"),
        hint: Some(format!(
            "add `{id}: {{ {what}: ... }}` under `{kind}s:`; every rule needs a title and every fact a question in each language of {DIR}"
        )),
    }
}
