//! The control catalogue and the crosswalk: common controls (what a governance team implements once), and the
//! mappings of every obligation and prohibition of the corpus to the controls it calls for, each typed with a
//! NIST IR 8477 set-theory relationship. Loaded from YAML (`controls/` beside the corpus, embedded at build time;
//! `DIR/controls/` with `--corpus DIR` adds to it) and validated strictly: unknown keys, unknown controls or
//! framework identifiers, duplicate ids, and — against a loaded corpus — mappings to unknown rules and obligations
//! or prohibitions that map to no control are all errors reported as `file:line:col` with a hint.

use crate::load::{Diagnostic, Source};
use aigov_core::manifest;
use aigov_core::model::{Corpus, Effect};
use aigov_core::vocabulary::did_you_mean;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};

/// A text in English and Simplified Chinese.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// English.
    pub en: String,
    /// Simplified Chinese.
    pub zh: String,
}

/// Published frameworks that support a control, cited by their public identifiers only.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct References {
    /// NIST AI RMF 1.0 subcategories (`GOVERN 1.1`, `MEASURE 2.11`, ...).
    #[serde(default)]
    pub nist_ai_rmf: Vec<String>,
    /// ISO/IEC 42001:2023 Annex A controls (`A.6.2.8`) or clauses (`6.1.2`).
    #[serde(default)]
    pub iso_42001: Vec<String>,
}

/// A common control.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Control {
    /// Lower snake case id (`risk_management`).
    pub id: String,
    /// A family grouping related controls (`governance`, `risk`, `transparency`, ...).
    pub family: String,
    /// Short title.
    pub title: Text,
    /// What implementing the control means, in our words.
    pub description: Text,
    /// Framework references.
    pub references: References,
    /// The file it is declared in.
    pub file: String,
    /// 1-based line of its `id:`.
    pub line: usize,
}

/// The NIST IR 8477 set-theory relationship of a rule's requirement to a control: "the rule's requirement is
/// `<relationship>` the control".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relationship {
    /// The rule asks for exactly what the control is.
    Equal,
    /// The rule asks for part of the control: implementing the control satisfies the rule.
    SubsetOf,
    /// The rule asks for the control and more: the control is necessary, not sufficient.
    SupersetOf,
    /// The rule and the control overlap: the control must be extended to satisfy the rule.
    IntersectsWith,
}

impl Relationship {
    /// The relationship as written in the files (`subset_of`).
    pub fn as_str(self) -> &'static str {
        match self {
            Relationship::Equal => "equal",
            Relationship::SubsetOf => "subset_of",
            Relationship::SupersetOf => "superset_of",
            Relationship::IntersectsWith => "intersects_with",
        }
    }

    /// Whether implementing the control alone satisfies the rule (equal, subset of).
    pub fn control_suffices(self) -> bool {
        matches!(self, Relationship::Equal | Relationship::SubsetOf)
    }
}

/// One rule mapped to one control.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mapping {
    /// The rule id.
    pub rule: String,
    /// The control id.
    pub control: String,
    /// How the rule's requirement relates to the control.
    pub relationship: Relationship,
    /// A published crosswalk or standardisation work that supports the mapping, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// A remark.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The file it is declared in.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// Whether it ships with aigov (a built-in mapping of a rule whose instrument is absent from a user's corpus
    /// is inactive, not an error).
    pub builtin: bool,
}

/// Two rules that pull apart: one subject under both cannot meet them with one action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Conflict {
    /// The two rules.
    pub rules: [String; 2],
    /// Why they pull apart.
    pub summary: Text,
    /// The file it is declared in.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// Whether it ships with aigov.
    pub builtin: bool,
}

/// The control catalogue, the mappings and the declared conflicts.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Catalogue {
    /// The controls, in file order.
    pub controls: Vec<Control>,
    /// Every mapping.
    pub mappings: Vec<Mapping>,
    /// Declared conflicts.
    pub conflicts: Vec<Conflict>,
}

impl Catalogue {
    /// A control by id.
    pub fn control(&self, id: &str) -> Option<&Control> {
        self.controls.iter().find(|c| c.id == id)
    }

    /// The mappings of a rule.
    pub fn for_rule<'a>(&'a self, rule: &'a str) -> impl Iterator<Item = &'a Mapping> + 'a {
        self.mappings.iter().filter(move |m| m.rule == rule)
    }

    /// Leaves out what refers to rules absent from `corpus` (built-in mappings of instruments a user's corpus
    /// does not hold). Run [`check`] first to report the errors.
    pub fn retain_known(&mut self, corpus: &Corpus) {
        self.mappings
            .retain(|m| corpus.rule_index(&m.rule).is_some());
        self.conflicts
            .retain(|c| c.rules.iter().all(|r| corpus.rule_index(r).is_some()));
    }
}

// ------------------------------------------------------------------------------------------------ raw files

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    controls: Vec<RawControl>,
    #[serde(default)]
    mappings: Vec<RawMapping>,
    #[serde(default)]
    conflicts: Vec<RawConflict>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawControl {
    id: String,
    family: String,
    title: Text,
    description: Text,
    #[serde(default)]
    references: References,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMapping {
    rule: String,
    controls: BTreeMap<String, RawTarget>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum RawTarget {
    Relationship(Relationship),
    Full(RawTargetFull),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTargetFull {
    relationship: Relationship,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConflict {
    rules: Vec<String>,
    summary: Text,
}

// ------------------------------------------------------------------------------------- framework identifiers

/// The NIST AI RMF 1.0 subcategories: (function, category, number of subcategories).
const NIST_AI_RMF: &[(&str, u32, u32)] = &[
    ("GOVERN", 1, 7),
    ("GOVERN", 2, 3),
    ("GOVERN", 3, 2),
    ("GOVERN", 4, 3),
    ("GOVERN", 5, 2),
    ("GOVERN", 6, 2),
    ("MAP", 1, 6),
    ("MAP", 2, 3),
    ("MAP", 3, 5),
    ("MAP", 4, 2),
    ("MAP", 5, 2),
    ("MEASURE", 1, 3),
    ("MEASURE", 2, 13),
    ("MEASURE", 3, 3),
    ("MEASURE", 4, 3),
    ("MANAGE", 1, 4),
    ("MANAGE", 2, 4),
    ("MANAGE", 3, 2),
    ("MANAGE", 4, 3),
];

/// ISO/IEC 42001:2023 Annex A control identifiers.
const ISO_42001_ANNEX_A: &[&str] = &[
    "A.2.2", "A.2.3", "A.2.4", "A.3.2", "A.3.3", "A.4.2", "A.4.3", "A.4.4", "A.4.5", "A.4.6",
    "A.5.2", "A.5.3", "A.5.4", "A.5.5", "A.6.1.2", "A.6.1.3", "A.6.2.2", "A.6.2.3", "A.6.2.4",
    "A.6.2.5", "A.6.2.6", "A.6.2.7", "A.6.2.8", "A.7.2", "A.7.3", "A.7.4", "A.7.5", "A.7.6",
    "A.8.2", "A.8.3", "A.8.4", "A.8.5", "A.9.2", "A.9.3", "A.9.4", "A.10.2", "A.10.3", "A.10.4",
];

/// ISO/IEC 42001:2023 clauses a control may cite (the management-system requirements).
const ISO_42001_CLAUSES: &[&str] = &[
    "4.1", "4.2", "4.3", "4.4", "5.1", "5.2", "5.3", "6.1", "6.1.1", "6.1.2", "6.1.3", "6.1.4",
    "6.2", "6.3", "7.1", "7.2", "7.3", "7.4", "7.5", "8.1", "8.2", "8.3", "8.4", "9.1", "9.2",
    "9.3", "10.1", "10.2",
];

/// Every NIST AI RMF 1.0 subcategory identifier (`GOVERN 1.1` ... `MANAGE 4.3`).
pub fn nist_ai_rmf_subcategories() -> Vec<String> {
    NIST_AI_RMF
        .iter()
        .flat_map(|(f, c, n)| (1..=*n).map(move |i| format!("{f} {c}.{i}")))
        .collect()
}

fn iso_42001_ids() -> impl Iterator<Item = &'static str> {
    ISO_42001_ANNEX_A
        .iter()
        .chain(ISO_42001_CLAUSES.iter())
        .copied()
}

// ------------------------------------------------------------------------------------------------- loading

fn is_snake(id: &str) -> bool {
    id.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

fn has_han(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// The byte offset of `key: value` (the value possibly quoted) at or after `from`.
pub(crate) fn find_key_value(text: &str, key: &str, value: &str, from: usize) -> Option<usize> {
    let mut start = from.min(text.len());
    while let Some(i) = text[start..].find(value) {
        let at = start + i;
        let end = at + value.len();
        let before = text[..at].trim_end_matches(['"', '\'']).trim_end();
        let after = text[end..].chars().next();
        let boundary = !after.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.');
        if boundary && before.ends_with(&format!("{key}:")) {
            return Some(at);
        }
        if boundary && key.is_empty() {
            return Some(at);
        }
        start = end;
    }
    None
}

pub(crate) fn line_col(text: &str, at: usize) -> (usize, usize) {
    let at = at.min(text.len());
    let line = text[..at].matches('\n').count() + 1;
    let col = at - text[..at].rfind('\n').map(|i| i + 1).unwrap_or(0) + 1;
    (line, col)
}

struct Place<'a> {
    file: &'a str,
    text: &'a str,
}

impl Place<'_> {
    fn diag(&self, at: usize, message: String, hint: Option<String>) -> Diagnostic {
        let (line, col) = line_col(self.text, at);
        Diagnostic {
            file: self.file.to_string(),
            line,
            col,
            message,
            hint,
        }
    }
}

/// Loads the built-in control files and a user's (`DIR/controls/`), validating them on their own. Returns every
/// problem found.
pub fn load_controls(builtin: &[Source], user: &[Source]) -> Result<Catalogue, Vec<Diagnostic>> {
    let mut diags = Vec::new();
    let mut cat = Catalogue::default();
    let mut raw_mappings = Vec::new();
    let files = builtin
        .iter()
        .map(|s| (s, true))
        .chain(user.iter().map(|s| (s, false)));
    for (src, is_builtin) in files {
        let place = Place {
            file: &src.path,
            text: &src.text,
        };
        let raw: RawFile = match serde_yaml_ng::from_str(&src.text) {
            Ok(r) => r,
            Err(e) => {
                let (line, col) = e
                    .location()
                    .map(|l| manifest::clamp_line_col(&src.text, l.line(), l.column()))
                    .unwrap_or((1, 1));
                let msg = e.to_string();
                let message = msg.split(" at line ").next().unwrap_or(&msg).to_string();
                let hint = if message.contains("did not match any variant") {
                    Some("a mapped control takes a relationship (equal, subset_of, superset_of, intersects_with) or { relationship, source, note }".into())
                } else if message.contains("unknown variant") || message.contains("unknown field") {
                    Some("see docs/corpus.md, \"Controls and mappings\"".into())
                } else {
                    None
                };
                diags.push(Diagnostic {
                    file: src.path.clone(),
                    line,
                    col,
                    message,
                    hint,
                });
                continue;
            }
        };
        let mut cursor = 0;
        for c in raw.controls {
            let at = find_key_value(&src.text, "id", &c.id, cursor).unwrap_or(cursor);
            cursor = at;
            if !is_snake(&c.id) {
                diags.push(place.diag(
                    at,
                    format!("control id `{}` is not lower snake case", c.id),
                    Some("write ids like `risk_management`".into()),
                ));
            }
            if cat.control(&c.id).is_some() {
                diags.push(place.diag(
                    at,
                    format!("control `{}` is declared twice", c.id),
                    Some("a user's control must have an id of its own".into()),
                ));
            }
            for (what, t) in [("title", &c.title), ("description", &c.description)] {
                if t.en.trim().is_empty() || t.zh.trim().is_empty() {
                    diags.push(place.diag(
                        at,
                        format!("control `{}`: the {what} needs `en` and `zh`", c.id),
                        None,
                    ));
                } else if !has_han(&t.zh) {
                    diags.push(place.diag(
                        at,
                        format!(
                            "control `{}`: the {what}'s `zh` is not in Chinese characters",
                            c.id
                        ),
                        Some("write the Simplified Chinese text".into()),
                    ));
                }
            }
            if c.family.trim().is_empty() {
                diags.push(place.diag(at, format!("control `{}` has no family", c.id), None));
            }
            let nist = nist_ai_rmf_subcategories();
            for r in &c.references.nist_ai_rmf {
                if !nist.iter().any(|n| n == r) {
                    let a = find_key_value(&src.text, "", r, at).unwrap_or(at);
                    diags.push(
                        place.diag(
                            a,
                            format!("`{r}` is not a NIST AI RMF 1.0 subcategory"),
                            Some(
                                did_you_mean(r, nist.iter().map(String::as_str))
                                    .map(|s| format!("did you mean `{s}`?"))
                                    .unwrap_or_else(|| {
                                        "write e.g. `GOVERN 1.1`, `MEASURE 2.11`".into()
                                    }),
                            ),
                        ),
                    );
                }
            }
            for r in &c.references.iso_42001 {
                if !iso_42001_ids().any(|n| n == r) {
                    let a = find_key_value(&src.text, "", r, at).unwrap_or(at);
                    diags.push(
                        place.diag(
                            a,
                            format!("`{r}` is not an ISO/IEC 42001:2023 Annex A control or clause"),
                            Some(
                                did_you_mean(r, iso_42001_ids())
                                    .map(|s| format!("did you mean `{s}`?"))
                                    .unwrap_or_else(|| "write e.g. `A.6.2.8` or `6.1.2`".into()),
                            ),
                        ),
                    );
                }
            }
            cat.controls.push(Control {
                id: c.id,
                family: c.family,
                title: c.title,
                description: c.description,
                references: c.references,
                file: src.path.clone(),
                line: line_col(&src.text, at).0,
            });
        }
        let mut cursor = 0;
        for m in raw.mappings {
            let at = find_key_value(&src.text, "rule", &m.rule, cursor).unwrap_or(cursor);
            cursor = at;
            raw_mappings.push((src, is_builtin, at, m));
        }
        let mut cursor = 0;
        for c in raw.conflicts {
            let first = c.rules.first().cloned().unwrap_or_default();
            let at = find_key_value(&src.text, "", &first, cursor).unwrap_or(cursor);
            cursor = at;
            if c.rules.len() != 2 || c.rules[0] == c.rules[1] {
                diags.push(place.diag(
                    at,
                    "a conflict names exactly two different rules".into(),
                    None,
                ));
                continue;
            }
            cat.conflicts.push(Conflict {
                rules: [c.rules[0].clone(), c.rules[1].clone()],
                summary: c.summary,
                file: src.path.clone(),
                line: line_col(&src.text, at).0,
                builtin: is_builtin,
            });
        }
    }
    if !diags.is_empty() {
        // A file that does not parse would make every mapping to its controls an error too.
        return Err(diags);
    }
    // Mappings last: a user's mapping may name a user's control declared in any file.
    let mut seen: HashSet<(String, String)> = HashSet::new();
    for (src, is_builtin, at, m) in raw_mappings {
        let place = Place {
            file: &src.path,
            text: &src.text,
        };
        if m.controls.is_empty() {
            diags.push(place.diag(
                at,
                format!("the mapping of `{}` names no control", m.rule),
                Some("map it to at least one control of the catalogue".into()),
            ));
        }
        for (control, target) in m.controls {
            let a = find_key_value(&src.text, "", &control, at).unwrap_or(at);
            if cat.control(&control).is_none() {
                diags.push(
                    place.diag(
                        a,
                        format!(
                            "the mapping of `{}` names an unknown control `{control}`",
                            m.rule
                        ),
                        Some(
                            did_you_mean(&control, cat.controls.iter().map(|c| c.id.as_str()))
                                .map(|s| format!("did you mean `{s}`?"))
                                .unwrap_or_else(|| "declare it under `controls:` first".into()),
                        ),
                    ),
                );
                continue;
            }
            if !seen.insert((m.rule.clone(), control.clone())) {
                diags.push(place.diag(
                    a,
                    format!("`{}` is mapped to `{control}` twice", m.rule),
                    None,
                ));
                continue;
            }
            let (relationship, source, note) = match target {
                RawTarget::Relationship(r) => (r, None, None),
                RawTarget::Full(f) => (f.relationship, f.source, f.note),
            };
            cat.mappings.push(Mapping {
                rule: m.rule.clone(),
                control,
                relationship,
                source,
                note,
                file: src.path.clone(),
                line: line_col(&src.text, a).0,
                builtin: is_builtin,
            });
        }
    }
    if diags.is_empty() {
        Ok(cat)
    } else {
        Err(diags)
    }
}

/// Whether a rule calls for controls: one of its versions is an obligation or a prohibition.
pub fn calls_for_controls(rule: &aigov_core::model::Rule) -> bool {
    rule.versions.iter().any(|v| {
        matches!(
            v.effect,
            Effect::Obligation { .. } | Effect::Prohibition { .. }
        )
    })
}

/// Checks the catalogue against a corpus: a mapping or conflict naming an unknown rule (a built-in one only when
/// its instrument is in the corpus: otherwise it is inactive), a mapping of a rule that is neither an obligation
/// nor a prohibition, and every obligation or prohibition with no mapping (placed at the rule's `id:` in
/// `corpus_sources`).
pub fn check(cat: &Catalogue, corpus: &Corpus, corpus_sources: &[Source]) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let instruments: HashSet<&str> = corpus.instruments.iter().map(|i| i.id.as_str()).collect();
    let relevant = |rule: &str, builtin: bool| {
        !builtin
            || rule
                .split_once('.')
                .is_some_and(|(i, _)| instruments.contains(i))
    };
    let unknown = |rule: &str, file: &str, line: usize, what: &str| Diagnostic {
        file: file.to_string(),
        line,
        col: 1,
        message: format!("{what} names an unknown rule `{rule}`"),
        hint: Some(
            did_you_mean(rule, corpus.rules.iter().map(|r| r.id.as_str()))
                .map(|s| format!("did you mean `{s}`?"))
                .unwrap_or_else(|| "`aigov corpus show ID` lists an instrument's rules".into()),
        ),
    };
    let mut mapped: HashSet<&str> = HashSet::new();
    for m in &cat.mappings {
        match corpus.rule_index(&m.rule) {
            Some(i) => {
                mapped.insert(&m.rule);
                if !calls_for_controls(&corpus.rules[i]) {
                    diags.push(Diagnostic {
                        file: m.file.clone(),
                        line: m.line,
                        col: 1,
                        message: format!(
                            "`{}` is neither an obligation nor a prohibition: it calls for no control",
                            m.rule
                        ),
                        hint: Some("map only obligations and prohibitions".into()),
                    });
                }
            }
            None if relevant(&m.rule, m.builtin) => {
                diags.push(unknown(&m.rule, &m.file, m.line, "a mapping"))
            }
            None => {}
        }
    }
    for c in &cat.conflicts {
        for r in &c.rules {
            if corpus.rule_index(r).is_none() && relevant(r, c.builtin) {
                diags.push(unknown(r, &c.file, c.line, "a conflict"));
            }
        }
    }
    for rule in &corpus.rules {
        if !calls_for_controls(rule) || mapped.contains(rule.id.as_str()) {
            continue;
        }
        let (file, line, col) = corpus_sources
            .iter()
            .find_map(|s| {
                find_key_value(&s.text, "id", &rule.id, 0).map(|at| {
                    let (l, c) = line_col(&s.text, at);
                    (s.path.clone(), l, c)
                })
            })
            .unwrap_or_else(|| ("<corpus>".into(), 1, 1));
        let kind = if rule
            .versions
            .iter()
            .any(|v| matches!(v.effect, Effect::Obligation { .. }))
        {
            "obligation"
        } else {
            "prohibition"
        };
        diags.push(Diagnostic {
            file,
            line,
            col,
            message: format!("{kind} `{}` maps to no control", rule.id),
            hint: Some(format!(
                "add `- {{ rule: {}, controls: {{ CONTROL: subset_of }} }}` under `mappings:` in controls/ (with --corpus DIR: in DIR/controls/)",
                rule.id
            )),
        });
    }
    diags
}
