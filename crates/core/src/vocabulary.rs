//! The typed fact vocabulary: subjects, the facts that describe them, and classification tiers.

use crate::model::FactId;
use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};

/// A kind of subject a manifest can describe (`organization`, `ai_system`, `model`, later `item`, `export`, ...).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubjectKind {
    /// Identifier, used as the manifest section name and the root of fact names in conditions.
    pub id: String,
    /// What it is.
    pub description: String,
    /// Whether it can be assessed on its own (an `organization` is context for the others, not assessed).
    pub assessable: bool,
}

/// One allowed value of an enumerated fact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EnumValue {
    /// The value as written in manifests and conditions.
    pub id: String,
    /// What it means (shown in questions and the schema).
    pub description: String,
}

/// The type of a fact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum FactType {
    /// Yes or no.
    Bool,
    /// A number, with its unit.
    Number {
        /// The unit (e.g. `FLOP`, `EUR`, `employees`).
        unit: Option<String>,
    },
    /// A calendar date.
    Date,
    /// One of a closed list of values.
    Enum {
        /// The allowed values.
        values: Vec<EnumValue>,
    },
    /// Any number of a closed list of values.
    Set {
        /// The allowed values.
        values: Vec<EnumValue>,
    },
    /// A set of region codes: ISO 3166-1 alpha-2 countries, optionally with subdivisions (`US-CA`, `US-NY-NYC`).
    Regions,
    /// Free text.
    Text,
}

impl FactType {
    /// A short name for messages and the schema.
    pub fn name(&self) -> &'static str {
        match self {
            FactType::Bool => "bool",
            FactType::Number { .. } => "number",
            FactType::Date => "date",
            FactType::Enum { .. } => "enum",
            FactType::Set { .. } => "set",
            FactType::Regions => "regions",
            FactType::Text => "text",
        }
    }

    /// The allowed values of an enum or set.
    pub fn allowed_values(&self) -> Option<&[EnumValue]> {
        match self {
            FactType::Enum { values } | FactType::Set { values } => Some(values),
            _ => None,
        }
    }

    /// Whether values of this type are sets (membership, intersection).
    pub fn is_set(&self) -> bool {
        matches!(self, FactType::Set { .. } | FactType::Regions)
    }
}

/// A fact that manifests give and conditions read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FactDef {
    /// Its index in the vocabulary.
    pub id: FactId,
    /// The subject kind it describes.
    pub subject: String,
    /// Its name within the subject.
    pub name: String,
    /// The type of its values.
    pub ty: FactType,
    /// What it means.
    pub description: String,
    /// The question that asks a person for it.
    pub question: String,
    /// `subject.name`, as conditions write it (filled in by [`Vocabulary::new`]).
    #[serde(default)]
    pub qualified: String,
    /// How to compute the fact when a manifest does not give it: alternatives, the first whose inputs are all
    /// known wins (number facts only).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub derive: Vec<Derivation>,
}

/// One way to compute a derived fact, e.g. training compute from parameters and tokens (6·N·D).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Derivation {
    /// What the method is, in words (e.g. "parameters and tokens (6·N·D)").
    pub label: String,
    /// The numeric formula.
    pub formula: crate::condition::Condition,
    /// Where the method comes from, if a law or standard sets it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citation: Option<String>,
}

impl FactDef {
    /// `subject.name`, as conditions write it.
    pub fn qualified(&self) -> String {
        format!("{}.{}", self.subject, self.name)
    }
}

/// A classification tier, with its rank for `--fail-on`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TierDef {
    /// Identifier (e.g. `high`).
    pub id: String,
    /// Higher is more severe.
    pub rank: u32,
    /// What it means.
    pub description: String,
}

/// The vocabulary: every subject kind, fact and tier the corpus may use.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Vocabulary {
    /// Subject kinds.
    pub subjects: Vec<SubjectKind>,
    /// Facts, indexed by [`FactId`].
    pub facts: Vec<FactDef>,
    /// Tiers.
    pub tiers: Vec<TierDef>,
    #[serde(skip)]
    by_name: HashMap<String, HashMap<String, FactId>>,
}

impl Vocabulary {
    /// Builds a vocabulary; fact ids are assigned in order.
    pub fn new(subjects: Vec<SubjectKind>, mut facts: Vec<FactDef>, tiers: Vec<TierDef>) -> Self {
        for (i, f) in facts.iter_mut().enumerate() {
            f.id = i as FactId;
            f.qualified = format!("{}.{}", f.subject, f.name);
        }
        let mut v = Vocabulary {
            subjects,
            facts,
            tiers,
            by_name: HashMap::default(),
        };
        v.reindex();
        v
    }

    /// Rebuilds the name index.
    pub fn reindex(&mut self) {
        // Nested maps so that look-ups by `&str` allocate nothing (the batch path does millions of them).
        let mut by_name: HashMap<String, HashMap<String, FactId>> = HashMap::default();
        for f in &self.facts {
            by_name
                .entry(f.subject.clone())
                .or_default()
                .insert(f.name.clone(), f.id);
        }
        self.by_name = by_name;
    }

    /// Looks a fact up by subject and name.
    pub fn fact(&self, subject: &str, name: &str) -> Option<&FactDef> {
        self.by_name
            .get(subject)
            .and_then(|m| m.get(name))
            .map(|&i| &self.facts[i as usize])
    }

    /// The facts of one subject kind by name, for many look-ups in one section (the batch parser).
    pub fn section(&self, subject: &str) -> Option<&HashMap<String, FactId>> {
        self.by_name.get(subject)
    }

    /// Looks a fact up by its qualified name `subject.name`.
    pub fn fact_qualified(&self, qualified: &str) -> Option<&FactDef> {
        let (s, n) = qualified.split_once('.')?;
        self.fact(s, n)
    }

    /// A subject kind by id.
    pub fn subject(&self, id: &str) -> Option<&SubjectKind> {
        self.subjects.iter().find(|s| s.id == id)
    }

    /// The facts of one subject kind.
    pub fn facts_of<'a>(&'a self, subject: &'a str) -> impl Iterator<Item = &'a FactDef> + 'a {
        self.facts.iter().filter(move |f| f.subject == subject)
    }

    /// A tier by id.
    pub fn tier(&self, id: &str) -> Option<&TierDef> {
        self.tiers.iter().find(|t| t.id == id)
    }
}

/// Suggests the closest candidate to `word` ("did you mean"), if one is close enough.
pub fn did_you_mean<'a, I: IntoIterator<Item = &'a str>>(
    word: &str,
    candidates: I,
) -> Option<String> {
    let mut best: Option<(f64, &str)> = None;
    for c in candidates {
        let score = strsim::jaro_winkler(word, c);
        if score > 0.8 && best.is_none_or(|(s, _)| score > s) {
            best = Some((score, c));
        }
    }
    best.map(|(_, c)| c.to_string())
}

/// Whether `code` is a well-formed region code: `DE`, `US-CA`, `US-NY-NYC`, or the union code `EU`.
pub fn is_region_code(code: &str) -> bool {
    let mut parts = code.split('-');
    let Some(country) = parts.next() else {
        return false;
    };
    country.len() == 2
        && country.bytes().all(|b| b.is_ascii_uppercase())
        && parts.all(|p| {
            (1..=3).contains(&p.len())
                && p.bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        })
}
