//! Manifests: a subject described by facts, in YAML, JSON or TOML, checked against the vocabulary.
//!
//! ```yaml
//! subject: ai_system          # the kind of subject assessed
//! name: TalentRank            # optional, for reports
//! organization:               # facts about the organization (context)
//!   established_in: [DE]
//! ai_system:                  # facts about the subject
//!   roles: [provider]
//!   purposes: [recruitment_selection]
//! ```

use crate::model::FactId;
use crate::value::Value;
use crate::vocabulary::{check_region_code, did_you_mean, FactDef, FactType, Markets, Vocabulary};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The serialization format of a manifest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// YAML (`.yaml`, `.yml`)
    Yaml,
    /// JSON (`.json`, and each line of `.jsonl`)
    Json,
    /// TOML (`.toml`)
    Toml,
}

impl Format {
    /// The format a file name's extension implies.
    pub fn from_path(path: &str) -> Option<Format> {
        let ext = path.rsplit('.').next()?.to_ascii_lowercase();
        match ext.as_str() {
            "yaml" | "yml" => Some(Format::Yaml),
            "json" | "jsonl" => Some(Format::Json),
            "toml" => Some(Format::Toml),
            _ => None,
        }
    }
}

/// A manifest that does not fit the vocabulary: where, what was expected, and a suggestion.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{message}")]
pub struct ManifestError {
    /// The place in the manifest, as a path (`ai_system.purposes[1]`).
    pub path: String,
    /// 1-based line and column in the source, when known.
    pub line_col: Option<(usize, usize)>,
    /// What is wrong.
    pub message: String,
    /// How to fix it ("did you mean ...").
    pub hint: Option<String>,
}

/// The most characters of the input a message, hint or path quotes: a 50 MB value is shown by its two ends.
pub const QUOTE_LIMIT: usize = 200;

/// The most characters of a hint: longer than [`QUOTE_LIMIT`], because a hint lists the vocabulary's allowed values
/// (two dozen Annex III uses), which a clipped list would hide; still bounded, as a hint may quote the input.
pub const HINT_LIMIT: usize = 4_000;

/// Shortens `s` to at most `max` characters (and a few for the mark), keeping both ends around a `…`.
pub fn clip(s: &str, max: usize) -> std::borrow::Cow<'_, str> {
    // Counting characters is linear; a byte length under the limit needs no count.
    if s.len() <= max || s.chars().nth(max).is_none() {
        return std::borrow::Cow::Borrowed(s);
    }
    let head: usize = s.char_indices().nth(max / 2).map_or(s.len(), |(i, _)| i);
    let tail = s
        .char_indices()
        .rev()
        .nth(max / 2 - 1)
        .map_or(0, |(i, _)| i)
        .max(head);
    std::borrow::Cow::Owned(format!("{} … {}", &s[..head], &s[tail..]))
}

impl ManifestError {
    /// The error with its message and path clipped to [`QUOTE_LIMIT`] characters each, and its hint to [`HINT_LIMIT`].
    pub fn clipped(mut self) -> ManifestError {
        if let std::borrow::Cow::Owned(m) = clip(&self.message, QUOTE_LIMIT) {
            self.message = m;
        }
        if let Some(std::borrow::Cow::Owned(h)) = self.hint.as_deref().map(|h| clip(h, HINT_LIMIT))
        {
            self.hint = Some(h);
        }
        if let std::borrow::Cow::Owned(p) = clip(&self.path, QUOTE_LIMIT) {
            self.path = p;
        }
        self
    }
}

/// Adds a region code and every region that contains it: `US-NY-NYC` is also in `US-NY` and in `US`, so a rule
/// written for a state or a country reaches a city or state given more precisely.
fn push_region_with_ancestors(out: &mut Vec<String>, code: &str) {
    let mut end = code.len();
    loop {
        out.push(code[..end].to_string());
        match code[..end].rfind('-') {
            Some(i) => end = i,
            None => break,
        }
    }
}

/// The facts of one subject, bound to the vocabulary: a value per fact id, or unknown.
#[derive(Debug, Clone, PartialEq)]
pub struct Facts {
    /// The kind of subject assessed.
    pub subject: String,
    /// Its name, for reports.
    pub name: Option<String>,
    /// The complete list of its markets, when the manifest says it is complete (`markets_complete: true`):
    /// a market fact left out then lies within them.
    pub markets: Option<Markets>,
    values: Vec<Option<Value>>,
}

impl Facts {
    /// No facts known about a subject of this kind.
    pub fn empty(subject: &str, vocabulary: &Vocabulary) -> Facts {
        Facts {
            subject: subject.to_string(),
            name: None,
            markets: None,
            values: vec![None; vocabulary.facts.len()],
        }
    }

    /// The value of a fact, if given.
    pub fn get(&self, id: FactId) -> Option<&Value> {
        self.values.get(id as usize).and_then(Option::as_ref)
    }

    /// Sets (or, with `None`, forgets) a fact.
    pub fn set(&mut self, id: FactId, value: Option<Value>) {
        if let Some(slot) = self.values.get_mut(id as usize) {
            *slot = value;
        }
    }

    /// The number of facts given.
    pub fn known_count(&self) -> usize {
        self.values.iter().filter(|v| v.is_some()).count()
    }

    /// Converts back to a manifest tree (for `interview --save`), sections ordered as the vocabulary.
    pub fn to_tree(&self, vocabulary: &Vocabulary) -> BTreeMap<String, serde_json::Value> {
        let mut root = BTreeMap::new();
        root.insert(
            "subject".to_string(),
            serde_json::Value::String(self.subject.clone()),
        );
        if let Some(n) = &self.name {
            root.insert("name".to_string(), serde_json::Value::String(n.clone()));
        }
        if self.markets.is_some() {
            root.insert(
                "markets_complete".to_string(),
                serde_json::Value::Bool(true),
            );
        }
        for f in &vocabulary.facts {
            if let Some(v) = self.get(f.id) {
                let section = root
                    .entry(f.subject.clone())
                    .or_insert_with(|| serde_json::Value::Object(Default::default()));
                if let serde_json::Value::Object(m) = section {
                    m.insert(f.name.clone(), value_to_json(v));
                }
            }
        }
        root
    }
}

/// A fact's value as it is written in a manifest tree.
pub fn value_to_json(v: &Value) -> serde_json::Value {
    match v {
        Value::Bool(b) => serde_json::Value::Bool(*b),
        Value::Number(n) => serde_json::Number::from_f64(*n)
            .map(serde_json::Value::Number)
            .unwrap_or(serde_json::Value::Null),
        Value::Date(d) => serde_json::Value::String(d.to_string()),
        Value::Text(s) => serde_json::Value::String(s.clone()),
        Value::Set(items) => serde_json::Value::Array(
            items
                .iter()
                .cloned()
                .map(serde_json::Value::String)
                .collect(),
        ),
    }
}

/// Parses a manifest in the given format and binds it to the vocabulary. Repeated keys, infinite and NaN
/// numbers are errors, with their place.
pub fn parse(
    source: &str,
    format: Format,
    vocabulary: &Vocabulary,
) -> Result<Facts, ManifestError> {
    parse_unclipped(source, format, vocabulary).map_err(ManifestError::clipped)
}

fn parse_unclipped(
    source: &str,
    format: Format,
    vocabulary: &Vocabulary,
) -> Result<Facts, ManifestError> {
    let tree = parse_tree(source, format)?;
    bind_unclipped(&tree, vocabulary).map_err(|mut e| {
        if e.line_col.is_none() && format != Format::Json {
            e.line_col = locate(source, &e.path);
        }
        e
    })
}

/// Parses a manifest's text into a tree, without binding it to the vocabulary (the interview edits a manifest of
/// linked subjects as a tree and binds it again with [`bind_any`]).
pub fn parse_tree(source: &str, format: Format) -> Result<serde_json::Value, ManifestError> {
    // A byte-order mark (editors on Windows write one) is not part of the text.
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let tree: serde_json::Value = match format {
        Format::Json => {
            let mut de = serde_json::Deserializer::from_str(source);
            Tree::deserialize(&mut de)
                .and_then(|t| de.end().map(|()| t.0))
                .map_err(|e| ManifestError {
                    path: String::new(),
                    line_col: Some((e.line().max(1), e.column().max(1))),
                    message: format!("invalid JSON: {e}"),
                    hint: duplicate_hint(&e.to_string()),
                })?
        }
        Format::Yaml => serde_yaml_ng::from_str::<Tree>(source)
            .map(|t| t.0)
            .map_err(|e| {
                let mut message = e.to_string();
                let mut place = e
                    .location()
                    .map(|l| clamp_line_col(source, l.line(), l.column()));
                // The parser places an error raised while reading a mapping at the mapping's start: point at
                // the repeated key itself.
                if let Some(key) = duplicate_key(&message) {
                    let from = e.location().map_or(0, |l| l.index());
                    if let Some(at) = second_key(source, from, key) {
                        place = Some(line_col(source, at));
                        // The parser's own place (the mapping's start) would contradict it.
                        if let Some(i) = message.rfind(" at line ") {
                            message.truncate(i);
                        }
                    }
                }
                ManifestError {
                    path: String::new(),
                    line_col: place,
                    message: format!("invalid YAML: {message}"),
                    hint: duplicate_hint(&message),
                }
            })?,
        Format::Toml => {
            let v: toml::Value = toml::from_str(source).map_err(|e| ManifestError {
                path: String::new(),
                line_col: e.span().map(|s| line_col(source, s.start)),
                message: format!("invalid TOML: {}", e.message()),
                hint: None,
            })?;
            if let Some(path) = toml_non_finite(&v, "") {
                return Err(ManifestError {
                    line_col: locate(source, &path),
                    path,
                    message: "infinite and NaN numbers are not allowed".into(),
                    hint: Some("write a finite number such as 1e25".into()),
                });
            }
            serde_json::to_value(v).map_err(|e| ManifestError {
                path: String::new(),
                line_col: None,
                message: format!("unsupported TOML value: {e}"),
                hint: Some("dates in TOML manifests are written as strings: \"2025-08-02\"".into()),
            })?
        }
    };
    Ok(tree)
}

/// One subject of a manifest that holds several (`subjects:`), bound to the vocabulary.
#[derive(Debug, Clone, PartialEq)]
pub struct Linked {
    /// Its id in the manifest.
    pub id: String,
    /// The id of the subject it is built on (a system on a model) or carries (an export its item), if any.
    pub built_on: Option<String>,
    /// Its facts: its own sections, the manifest's organization and, where its kind reads them, the sections of
    /// the subject it is built on.
    pub facts: Facts,
}

/// A manifest: one subject (the usual form) or several linked subjects of one organization (`subjects:`).
#[derive(Debug, Clone, PartialEq)]
pub enum Manifest {
    /// `subject: ...` with its sections.
    Single(Facts),
    /// `organization: ...` and `subjects: [...]`.
    Linked(Vec<Linked>),
}

/// Parses a manifest of either form. A manifest without `subjects:` is parsed exactly as [`parse`] does.
pub fn parse_any(
    source: &str,
    format: Format,
    vocabulary: &Vocabulary,
) -> Result<Manifest, ManifestError> {
    let tree = parse_tree(source, format).map_err(ManifestError::clipped)?;
    let linked = is_linked(&tree);
    let located = |mut e: ManifestError| {
        if e.line_col.is_none() && format != Format::Json {
            e.line_col = locate(source, &e.path);
        }
        e.clipped()
    };
    if !linked {
        return bind_unclipped(&tree, vocabulary)
            .map(Manifest::Single)
            .map_err(located);
    }
    bind_linked(&tree, vocabulary)
        .map(Manifest::Linked)
        .map_err(located)
}

/// Binds an already-parsed manifest tree of either form (a service's JSON body, a stored manifest, a JSONL line):
/// one subject, or linked subjects under `subjects:`. A tree without `subjects` is bound exactly as [`bind`] does.
pub fn bind_any(
    tree: &serde_json::Value,
    vocabulary: &Vocabulary,
) -> Result<Manifest, ManifestError> {
    if is_linked(tree) {
        bind_linked(tree, vocabulary)
            .map(Manifest::Linked)
            .map_err(ManifestError::clipped)
    } else {
        bind(tree, vocabulary).map(Manifest::Single)
    }
}

/// Whether a manifest tree holds linked subjects (a `subjects` member at the top).
pub fn is_linked(tree: &serde_json::Value) -> bool {
    tree.as_object().is_some_and(|m| m.contains_key("subjects"))
}

/// Binds a manifest of linked subjects: each subject's own tree gets the shared organization (and
/// `markets_complete`), plus the sections of the subject it is built on that its kind reads.
fn bind_linked(
    tree: &serde_json::Value,
    vocabulary: &Vocabulary,
) -> Result<Vec<Linked>, ManifestError> {
    let err = |path: String, message: String, hint: Option<String>| ManifestError {
        path,
        line_col: None,
        message,
        hint,
    };
    let root = tree
        .as_object()
        .ok_or_else(|| err(String::new(), "a manifest must be a mapping".into(), None))?;
    for key in root.keys() {
        if !matches!(
            key.as_str(),
            "subjects" | "organization" | "markets_complete" | "name"
        ) {
            return Err(err(
                key.clone(),
                format!("unknown field `{key}` in a manifest of several subjects"),
                Some(
                    "a manifest with `subjects:` holds `organization`, `markets_complete`, `name` and \
                     `subjects`; put each subject's facts in its entry"
                        .into(),
                ),
            ));
        }
    }
    let Some(serde_json::Value::Array(entries)) = root.get("subjects") else {
        return Err(err(
            "subjects".into(),
            "`subjects` must be a list of subjects".into(),
            Some("write `subjects: [{id: chat, subject: ai_system, ai_system: {...}}]`".into()),
        ));
    };
    if entries.is_empty() {
        return Err(err(
            "subjects".into(),
            "`subjects` is empty".into(),
            Some("list at least one subject".into()),
        ));
    }
    // Ids first: `built_on` may point forward.
    let mut ids: Vec<String> = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        let at = |k: &str| format!("subjects[{i}].{k}");
        let Some(map) = e.as_object() else {
            return Err(err(
                format!("subjects[{i}]"),
                "each subject must be a mapping".into(),
                None,
            ));
        };
        let id = match map.get("id") {
            Some(serde_json::Value::String(s)) if !s.is_empty() => s.clone(),
            _ => {
                return Err(err(
                    at("id"),
                    "each subject needs an `id` (a short name other subjects can refer to)".into(),
                    Some("add `id: chat`".into()),
                ))
            }
        };
        if ids.contains(&id) {
            return Err(err(
                at("id"),
                format!("the id `{id}` is used twice"),
                Some("give each subject its own id".into()),
            ));
        }
        ids.push(id);
    }
    let mut built_on: Vec<Option<usize>> = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        let target = match e.get("built_on") {
            None | Some(serde_json::Value::Null) => None,
            Some(serde_json::Value::String(t)) => match ids.iter().position(|x| x == t) {
                Some(j) if j != i => Some(j),
                Some(_) => {
                    return Err(err(
                        format!("subjects[{i}].built_on"),
                        "a subject cannot be built on itself".into(),
                        None,
                    ))
                }
                None => {
                    return Err(err(
                        format!("subjects[{i}].built_on"),
                        format!("no subject has the id `{t}`"),
                        did_you_mean(t, ids.iter().map(String::as_str))
                            .map(|s| format!("did you mean `{s}`?"))
                            .or(Some(format!("ids: {}", ids.join(", ")))),
                    ))
                }
            },
            Some(_) => {
                return Err(err(
                    format!("subjects[{i}].built_on"),
                    "`built_on` must be the id of another subject".into(),
                    None,
                ))
            }
        };
        built_on.push(target);
    }
    // No cycles: following `built_on` from any subject ends.
    for start in 0..entries.len() {
        let (mut at, mut steps) = (start, 0);
        while let Some(next) = built_on[at] {
            at = next;
            steps += 1;
            if steps > entries.len() {
                return Err(err(
                    format!("subjects[{start}].built_on"),
                    "the subjects are built on each other in a cycle".into(),
                    Some("a system is built on a model, not the other way round".into()),
                ));
            }
        }
    }
    let mut out = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        let map = e.as_object().cloned().unwrap_or_default();
        let kind = map.get("subject").and_then(|v| v.as_str()).unwrap_or("");
        let mut own = serde_json::Map::new();
        for (k, v) in &map {
            match k.as_str() {
                "id" | "built_on" => {}
                "organization" => {
                    return Err(err(
                        format!("subjects[{i}].organization"),
                        "the organization is given once, at the top of the manifest".into(),
                        Some("move these facts to the top-level `organization:`".into()),
                    ))
                }
                _ => {
                    own.insert(k.clone(), v.clone());
                }
            }
        }
        for shared in ["organization", "markets_complete"] {
            if let Some(v) = root.get(shared) {
                own.insert(shared.to_string(), v.clone());
            }
        }
        // The sections of the subjects it is built on (transitively) that its kind reads, unless it gives them.
        let mut link = built_on[i];
        while let Some(j) = link {
            if let Some(target) = entries[j].as_object() {
                for (k, v) in target {
                    let section = vocabulary.subject(k).is_some()
                        && k != "organization"
                        && vocabulary.section_allowed(kind, k);
                    if section && !own.contains_key(k) {
                        own.insert(k.clone(), v.clone());
                    }
                }
            }
            link = built_on[j];
        }
        let facts =
            bind_unclipped(&serde_json::Value::Object(own), vocabulary).map_err(|mut e| {
                e.path = if e.path.is_empty() {
                    format!("subjects[{i}]")
                } else {
                    format!("subjects[{i}].{}", e.path)
                };
                e
            })?;
        out.push(Linked {
            id: ids[i].clone(),
            built_on: built_on[i].map(|j| ids[j].clone()),
            facts,
        });
    }
    Ok(out)
}

/// The key of a [`DUPLICATE_KEY`] message.
fn duplicate_key(message: &str) -> Option<&str> {
    let rest = &message[message.find(DUPLICATE_KEY)? + DUPLICATE_KEY.len()..];
    let rest = rest.strip_prefix('`')?;
    Some(&rest[..rest.find('`')?])
}

fn duplicate_hint(message: &str) -> Option<String> {
    duplicate_key(message).map(|k| {
        format!("`{k}` is given twice in the same mapping; keep one (only one value can hold)")
    })
}

/// The byte offset of the second `key:` at the same indentation, from the line of `from` on (YAML).
fn second_key(source: &str, from: usize, key: &str) -> Option<usize> {
    let mut from = from.min(source.len());
    while !source.is_char_boundary(from) {
        from -= 1;
    }
    let start = source[..from].rfind('\n').map_or(0, |i| i + 1);
    let mut seen: Vec<usize> = Vec::new();
    let mut offset = start;
    for line in source[start..].split_inclusive('\n') {
        let body = line.trim_start_matches([' ', '-']);
        let indent = line.len() - body.len();
        let matches = [
            format!("{key}:"),
            format!("\"{key}\":"),
            format!("'{key}':"),
        ]
        .iter()
        .any(|p| body.starts_with(p.as_str()));
        if matches {
            if seen.contains(&indent) {
                return Some(offset + indent);
            }
            seen.push(indent);
        }
        offset += line.len();
    }
    None
}

/// The path of the first infinite or NaN float of a TOML tree (TOML allows `inf` and `nan`).
fn toml_non_finite(v: &toml::Value, path: &str) -> Option<String> {
    let join = |k: &str| {
        if path.is_empty() {
            k.to_string()
        } else {
            format!("{path}.{k}")
        }
    };
    match v {
        toml::Value::Float(f) if !f.is_finite() => Some(path.to_string()),
        toml::Value::Table(t) => t.iter().find_map(|(k, v)| toml_non_finite(v, &join(k))),
        toml::Value::Array(a) => a
            .iter()
            .enumerate()
            .find_map(|(i, v)| toml_non_finite(v, &format!("{path}[{i}]"))),
        _ => None,
    }
}

/// The start of the message of a repeated key in a mapping (the key follows, in backquotes).
pub const DUPLICATE_KEY: &str = "duplicate key ";

/// A JSON tree that deserializes from any self-describing format (YAML, TOML, JSON), reading integers too large
/// for 64 bits (training compute in FLOP is often written out in full) as floating-point numbers rather than
/// failing, as `serde_json::Value` would.
#[derive(Debug, Clone, PartialEq)]
pub struct Tree(pub serde_json::Value);

impl<'de> Deserialize<'de> for Tree {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Tree, D::Error> {
        d.deserialize_any(TreeVisitor)
    }
}

struct TreeVisitor;

impl<'de> serde::de::Visitor<'de> for TreeVisitor {
    type Value = Tree;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any value")
    }
    fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<Tree, E> {
        Ok(Tree(v.into()))
    }
    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Tree, E> {
        Ok(Tree(v.into()))
    }
    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Tree, E> {
        Ok(Tree(v.into()))
    }
    fn visit_i128<E: serde::de::Error>(self, v: i128) -> Result<Tree, E> {
        self.visit_f64(v as f64)
    }
    fn visit_u128<E: serde::de::Error>(self, v: u128) -> Result<Tree, E> {
        self.visit_f64(v as f64)
    }
    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Tree, E> {
        if !v.is_finite() {
            // YAML's `.inf` and `.nan` would otherwise become null, that is "unknown".
            return Err(E::custom(format_args!(
                "{v} is not a finite number; write a number such as 1e25"
            )));
        }
        Ok(Tree(
            serde_json::Number::from_f64(v)
                .map(serde_json::Value::Number)
                .unwrap_or(serde_json::Value::Null),
        ))
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Tree, E> {
        Ok(Tree(v.into()))
    }
    fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Tree, E> {
        Ok(Tree(v.into()))
    }
    fn visit_none<E: serde::de::Error>(self) -> Result<Tree, E> {
        Ok(Tree(serde_json::Value::Null))
    }
    fn visit_unit<E: serde::de::Error>(self) -> Result<Tree, E> {
        Ok(Tree(serde_json::Value::Null))
    }
    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Tree, D::Error> {
        Tree::deserialize(d)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Tree, A::Error> {
        let mut items = Vec::new();
        while let Some(Tree(v)) = seq.next_element()? {
            items.push(v);
        }
        Ok(Tree(serde_json::Value::Array(items)))
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Tree, A::Error> {
        let mut out = serde_json::Map::new();
        while let Some(Tree(k)) = map.next_key()? {
            // YAML allows non-string keys (`2025: x`, `true: y`); a manifest key is always a name.
            let key = match k {
                serde_json::Value::String(s) => s,
                other => other.to_string(),
            };
            // A repeated key would silently take the last value (a second `subject:` changes what is
            // assessed): refuse it, before reading its value so that the parser's position is at the key.
            if out.contains_key(&key) {
                return Err(serde::de::Error::custom(format_args!(
                    "{DUPLICATE_KEY}`{key}`"
                )));
            }
            let Tree(v) = map.next_value()?;
            out.insert(key, v);
        }
        Ok(Tree(serde_json::Value::Object(out)))
    }
}

/// Binds an already-parsed manifest tree (e.g. one JSONL line) to the vocabulary.
pub fn bind(tree: &serde_json::Value, vocabulary: &Vocabulary) -> Result<Facts, ManifestError> {
    bind_unclipped(tree, vocabulary).map_err(ManifestError::clipped)
}

fn bind_unclipped(
    tree: &serde_json::Value,
    vocabulary: &Vocabulary,
) -> Result<Facts, ManifestError> {
    let err = |path: &str, message: String, hint: Option<String>| ManifestError {
        path: path.to_string(),
        line_col: None,
        message,
        hint,
    };
    let root = tree.as_object().ok_or_else(|| {
        err(
            "",
            "a manifest must be a mapping".into(),
            Some("start with `subject: ai_system`".into()),
        )
    })?;
    let assessable: Vec<&str> = vocabulary
        .subjects
        .iter()
        .filter(|s| s.assessable)
        .map(|s| s.id.as_str())
        .collect();
    let subject = match root.get("subject") {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(_) => return Err(err("subject", "`subject` must be a string".into(), None)),
        None => {
            return Err(err(
                "subject",
                "missing `subject`: which kind of subject this manifest describes".into(),
                Some(format!(
                    "add `subject: {}`",
                    assessable.join("` or `subject: ")
                )),
            ))
        }
    };
    if !assessable.contains(&subject.as_str()) {
        return Err(err(
            "subject",
            format!("`{subject}` is not a subject that can be assessed"),
            did_you_mean(&subject, assessable.iter().copied())
                .map(|s| format!("did you mean `{s}`?"))
                .or(Some(format!("expected one of: {}", assessable.join(", ")))),
        ));
    }
    let mut facts = Facts::empty(&subject, vocabulary);
    // The codes of the market facts given, as written, for `markets_complete`.
    let mut markets: Vec<String> = Vec::new();
    let mut markets_complete = false;
    for (key, value) in root {
        match key.as_str() {
            "subject" => {}
            "name" => match value {
                serde_json::Value::String(s) => facts.name = Some(s.clone()),
                _ => return Err(err("name", "`name` must be a string".into(), None)),
            },
            "markets_complete" => match value {
                serde_json::Value::Bool(b) => markets_complete = *b,
                serde_json::Value::Null => {}
                _ => {
                    return Err(err(
                        "markets_complete",
                        "`markets_complete` must be true or false".into(),
                        Some(
                            "`markets_complete: true` says the places this manifest lists are every place \
                             the organization and the subject are present"
                                .into(),
                        ),
                    ))
                }
            },
            section if vocabulary.subject(section).is_some() => {
                if !vocabulary.section_allowed(&subject, section) {
                    return Err(foreign_section(&subject, section));
                }
                let map = value.as_object().ok_or_else(|| {
                    err(
                        section,
                        format!("`{section}` must be a mapping of facts"),
                        None,
                    )
                })?;
                for (name, v) in map {
                    // The path is only needed for messages: built on error, not for every fact.
                    let path = || format!("{section}.{name}");
                    let Some(def) = vocabulary.fact(section, name) else {
                        let names: Vec<&str> = vocabulary
                            .facts_of(section)
                            .map(|f| f.name.as_str())
                            .collect();
                        return Err(err(
                            &path(),
                            format!("unknown fact `{name}` for {section}"),
                            did_you_mean(name, names.iter().copied())
                                .map(|s| format!("did you mean `{s}`?"))
                                .or(Some("`aigov schema` lists every fact".into())),
                        ));
                    };
                    if v.is_null() {
                        continue; // an explicit null means "unknown"
                    }
                    let value = bind_value(&def.ty, v, "")
                        .and_then(|value| check_range(def, value, ""))
                        .map_err(|mut e| {
                            e.path = format!("{}{}", path(), e.path);
                            e
                        })?;
                    if def.market {
                        if let serde_json::Value::Array(items) = v {
                            markets.extend(items.iter().filter_map(|i| i.as_str().map(String::from)));
                        }
                    }
                    facts.set(def.id, Some(value));
                }
            }
            other => {
                let mut keys = vec!["subject", "name", "markets_complete"];
                keys.extend(vocabulary.subjects.iter().map(|s| s.id.as_str()));
                return Err(err(
                    other,
                    format!("unknown field `{other}`"),
                    did_you_mean(other, keys.iter().copied())
                        .map(|s| format!("did you mean `{s}`?"))
                        .or(Some(format!("expected one of: {}", keys.join(", ")))),
                ));
            }
        }
    }
    if markets_complete {
        if markets.is_empty() {
            let names: Vec<String> = vocabulary
                .facts
                .iter()
                .filter(|f| f.market && vocabulary.section_allowed(&subject, &f.subject))
                .map(|f| format!("`{}`", f.qualified))
                .collect();
            return Err(err(
                "markets_complete",
                "`markets_complete: true` but the manifest lists no market".into(),
                Some(format!("list the places in one of {}", names.join(", "))),
            ));
        }
        facts.markets = Some(Markets::new(markets));
    }
    Ok(facts)
}

/// The error for a section about another subject kind than the one assessed (`model:` in an `ai_system`
/// manifest): its facts would be read by no rule, so the answer would silently leave them out.
fn foreign_section(subject: &str, section: &str) -> ManifestError {
    ManifestError {
        path: section.to_string(),
        line_col: None,
        message: format!(
            "section `{section}` describes a {section}, but this manifest assesses a {subject} \
             (`subject: {subject}`); no rule for a {subject} reads it"
        ),
        hint: Some(format!(
            "move these facts under `{subject}:` if they describe the {subject}, set `subject: {section}` to \
             assess the {section} instead, or remove the section"
        )),
    }
}

/// Checks a bound value against its fact's constraints (`min`, `max`): a negative count or amount, or a
/// percentage over 100, is an error.
pub fn check_range(def: &FactDef, value: Value, path: &str) -> Result<Value, ManifestError> {
    let Value::Number(n) = value else {
        return Ok(value);
    };
    let unit = match &def.ty {
        FactType::Number { unit: Some(u) } => format!(" {u}"),
        _ => String::new(),
    };
    let err = |message: String, hint: String| ManifestError {
        path: path.to_string(),
        line_col: None,
        message,
        hint: Some(hint),
    };
    match (def.min, def.max) {
        (Some(min), _) if n < min => Err(err(
            format!(
                "{n} is below the smallest value `{}` can take, {min}{unit}",
                def.qualified
            ),
            if min == 0.0 {
                "this quantity cannot be negative".into()
            } else {
                format!("give a value of at least {min}")
            },
        )),
        (_, Some(max)) if n > max => Err(err(
            format!(
                "{n} is above the largest value `{}` can take, {max}{unit}",
                def.qualified
            ),
            format!("give a value of at most {max}{unit}"),
        )),
        _ => Ok(value),
    }
}

fn json_type(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "a list",
        serde_json::Value::Object(_) => "a mapping",
    }
}

/// Checks one value against its fact type.
pub fn bind_value(
    ty: &FactType,
    v: &serde_json::Value,
    path: &str,
) -> Result<Value, ManifestError> {
    bind_value_unclipped(ty, v, path).map_err(ManifestError::clipped)
}

fn bind_value_unclipped(
    ty: &FactType,
    v: &serde_json::Value,
    path: &str,
) -> Result<Value, ManifestError> {
    let err = |message: String, hint: Option<String>| ManifestError {
        path: path.to_string(),
        line_col: None,
        message,
        hint,
    };
    let member = |s: &str,
                  allowed: &[crate::vocabulary::EnumValue],
                  p: &dyn Fn() -> String|
     -> Result<String, ManifestError> {
        if allowed.iter().any(|a| a.id == s) {
            Ok(s.to_string())
        } else {
            Err(ManifestError {
                path: p(),
                line_col: None,
                message: format!("\"{s}\" is not an allowed value"),
                hint: did_you_mean(s, allowed.iter().map(|a| a.id.as_str()))
                    .map(|c| format!("did you mean \"{c}\"?"))
                    .or(Some(format!(
                        "expected one of: {}",
                        allowed
                            .iter()
                            .map(|a| a.id.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ))),
            })
        }
    };
    match (ty, v) {
        (FactType::Bool, serde_json::Value::Bool(b)) => Ok(Value::Bool(*b)),
        (FactType::Number { .. }, serde_json::Value::Number(n)) => n
            .as_f64()
            .filter(|f| f.is_finite())
            .map(Value::Number)
            .ok_or_else(|| err("number out of range".into(), None)),
        (FactType::Number { unit }, serde_json::Value::String(s)) => s
            .trim()
            .parse::<f64>()
            .ok()
            .filter(|f| f.is_finite())
            .map(Value::Number)
            .ok_or_else(|| {
                err(
                    format!(
                        "expected a number{}, found the string \"{s}\"",
                        unit_suffix(unit)
                    ),
                    Some("write numbers without quotes; 1e25 is fine".into()),
                )
            }),
        (FactType::Date, serde_json::Value::String(s)) => {
            s.parse::<Date>().map(Value::Date).map_err(|_| {
                err(
                    format!("\"{s}\" is not a valid date"),
                    Some("write dates as YYYY-MM-DD, e.g. 2025-08-02".into()),
                )
            })
        }
        (FactType::Text, serde_json::Value::String(s)) => Ok(Value::Text(s.clone())),
        (FactType::Enum { values }, serde_json::Value::String(s)) => {
            member(s, values, &|| path.to_string()).map(Value::Text)
        }
        (FactType::Set { values }, serde_json::Value::Array(items)) => {
            let mut out = Vec::new();
            for (i, item) in items.iter().enumerate() {
                // Paths are for messages only: formatted on error, not for every element.
                let p = || format!("{path}[{i}]");
                match item {
                    serde_json::Value::String(s) => out.push(member(s, values, &p)?),
                    other => {
                        return Err(ManifestError {
                            path: p(),
                            line_col: None,
                            message: format!("expected a string, found {}", json_type(other)),
                            hint: None,
                        })
                    }
                }
            }
            Ok(Value::set(out))
        }
        (FactType::Regions, serde_json::Value::Array(items)) => {
            let mut out = Vec::new();
            for (i, item) in items.iter().enumerate() {
                let p = || format!("{path}[{i}]");
                match item.as_str().map(|s| (s, check_region_code(s))) {
                    Some((s, Ok(()))) => push_region_with_ancestors(&mut out, s),
                    Some((_, Err(hint))) => {
                        return Err(ManifestError {
                            path: p(),
                            line_col: None,
                            message: format!("{item} is not a known region code"),
                            hint: Some(hint),
                        })
                    }
                    None => {
                        return Err(ManifestError {
                            path: p(),
                            line_col: None,
                            message: format!("{item} is not a region code"),
                            hint: Some(
                                "use ISO 3166 codes in capitals: DE, FR, US, US-CA, US-NY-NYC"
                                    .into(),
                            ),
                        })
                    }
                }
            }
            Ok(Value::set(out))
        }
        (FactType::Set { .. } | FactType::Regions, serde_json::Value::String(s)) => Err(err(
            format!("expected a list, found the string \"{s}\""),
            Some(format!("write a list: [{s}]")),
        )),
        (ty, other) => Err(err(
            format!(
                "expected {}{}, found {}",
                match ty {
                    FactType::Bool => "true or false",
                    FactType::Number { .. } => "a number",
                    FactType::Date => "a date (YYYY-MM-DD)",
                    FactType::Enum { .. } | FactType::Text => "a string",
                    FactType::Set { .. } | FactType::Regions => "a list",
                },
                match ty {
                    FactType::Number { unit } => unit_suffix(unit),
                    _ => String::new(),
                },
                json_type(other)
            ),
            None,
        )),
    }
}

fn unit_suffix(unit: &Option<String>) -> String {
    unit.as_ref()
        .map(|u| format!(" (in {u})"))
        .unwrap_or_default()
}

/// Keeps a parser's position inside the source: at the end of input, YAML reports the line after the last one.
pub fn clamp_line_col(source: &str, line: usize, col: usize) -> (usize, usize) {
    // YAML counts a lone carriage return as a line break too.
    let lone_cr = source
        .match_indices('\r')
        .filter(|(i, _)| !source[i + 1..].starts_with('\n'))
        .count();
    let last = source.matches('\n').count() + lone_cr + 1;
    if line <= last {
        (line.max(1), col.max(1))
    } else {
        line_col(source, source.len())
    }
}

/// 1-based line and column of a byte offset.
pub fn line_col(source: &str, offset: usize) -> (usize, usize) {
    // Offsets from parsers may fall inside a multi-byte character: use the character's start.
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    // Columns count characters, as editors do.
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

/// Finds the line of a manifest path (`ai_system.purposes[1]`) in YAML or TOML source, best effort:
/// the key of each segment is searched after the previous one's line.
pub fn locate(source: &str, path: &str) -> Option<(usize, usize)> {
    if path.is_empty() {
        return None;
    }
    let mut from = 0usize;
    let mut found = None;
    for seg in path.split('.') {
        let key = seg.split('[').next().unwrap_or(seg);
        let mut pos = None;
        for pat in [
            format!("{key}:"),
            format!("{key} ="),
            format!("[{key}]"),
            format!("\"{key}\""),
        ] {
            if let Some(i) = source[from..].find(&pat) {
                let at = from + i + usize::from(pat.starts_with('['));
                pos = Some(pos.map_or(at, |p: usize| p.min(at)));
            }
        }
        let mut at = pos?;
        // `subjects[2]`: move to the third item of the block sequence under the key, so that the next segment is
        // searched inside that item rather than in the first item that has the key.
        if let Some(n) = seg
            .split_once('[')
            .and_then(|(_, rest)| rest.strip_suffix(']'))
            .and_then(|n| n.parse::<usize>().ok())
        {
            if let Some(item) = nth_block_item(source, at, n) {
                at = item;
            }
        }
        found = Some(line_col(source, at));
        from = at;
    }
    found
}

/// The offset of the `n`th item (from 0) of the YAML block sequence that starts on a line after `key_at`: the
/// lines that begin with `- ` at the indentation of the first item, up to the first line indented less.
fn nth_block_item(source: &str, key_at: usize, n: usize) -> Option<usize> {
    let start = key_at + source[key_at..].find('\n')? + 1;
    let mut offset = start;
    let mut indent = None;
    let mut seen = 0usize;
    for line in source[start..].split_inclusive('\n') {
        let here = offset;
        offset += line.len();
        let text = line.trim_end();
        let trimmed = text.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let width = text.len() - trimmed.len();
        let is_item = trimmed == "-" || trimmed.starts_with("- ");
        match indent {
            None if is_item => indent = Some(width),
            None => return None,
            Some(w) if width < w || (width == w && !is_item) => return None,
            Some(_) => {}
        }
        if is_item && Some(width) == indent {
            if seen == n {
                return Some(here + width);
            }
            seen += 1;
        }
    }
    None
}

/// Parses a JSON manifest and binds it in one pass, without building a JSON tree first: the fast path of
/// `assess --batch`. Any problem (or anything unusual, such as escaped keys) falls back to [`parse`], so errors
/// are exactly those of the general path.
pub fn parse_json_fast(text: &str, vocabulary: &Vocabulary) -> Result<Facts, ManifestError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let seed = ManifestSeed { vocabulary };
    match serde::de::DeserializeSeed::deserialize(seed, &mut de) {
        Ok(Some(facts)) if de.end().is_ok() => Ok(facts),
        _ => parse(text, Format::Json, vocabulary),
    }
}

/// Deserialises a manifest straight into [`Facts`]; `Ok(None)` or an error means "take the general path".
struct ManifestSeed<'v> {
    vocabulary: &'v Vocabulary,
}

impl<'de> serde::de::DeserializeSeed<'de> for ManifestSeed<'_> {
    type Value = Option<Facts>;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Option<Facts>, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> serde::de::Visitor<'de> for ManifestSeed<'_> {
    type Value = Option<Facts>;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a manifest")
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(
        self,
        mut map: A,
    ) -> Result<Option<Facts>, A::Error> {
        use serde::de::Error;
        let vocabulary = self.vocabulary;
        let mut values: Vec<Option<Value>> = vec![None; vocabulary.facts.len()];
        // Facts given (even as null), to refuse repeated keys: one bit per fact, on the stack for vocabularies
        // of up to 1,024 facts (the batch reads millions of lines).
        let words = vocabulary.facts.len().div_ceil(64);
        let (mut stack, mut heap) = ([0u64; 16], Vec::new());
        let seen: &mut [u64] = if words <= stack.len() {
            &mut stack[..words]
        } else {
            heap.resize(words, 0);
            &mut heap
        };
        // The top-level keys, to refuse repeated ones; more than a manifest has go to the general path.
        let mut keys: [&'de str; 8] = [""; 8];
        let mut nkeys = 0;
        let (mut subject, mut name): (Option<&'de str>, Option<String>) = (None, None);
        while let Some(key) = map.next_key::<&'de str>()? {
            if keys[..nkeys].contains(&key) || nkeys == keys.len() {
                return Err(A::Error::custom("repeated key"));
            }
            keys[nkeys] = key;
            nkeys += 1;
            match key {
                "subject" => subject = Some(map.next_value()?),
                "name" => name = Some(map.next_value()?),
                section if vocabulary.subject(section).is_some() => {
                    map.next_value_seed(SectionSeed {
                        vocabulary,
                        section,
                        values: &mut values,
                        seen: &mut *seen,
                    })?
                }
                _ => return Err(A::Error::custom("unknown key")),
            }
        }
        let Some(subject) = subject else {
            return Ok(None);
        };
        if !vocabulary.subject(subject).is_some_and(|s| s.assessable) {
            return Ok(None);
        }
        let foreign = keys[..nkeys]
            .iter()
            .any(|k| !matches!(*k, "subject" | "name") && !vocabulary.section_allowed(subject, k));
        if foreign {
            return Ok(None);
        }
        Ok(Some(Facts {
            subject: subject.to_string(),
            name,
            markets: None,
            values,
        }))
    }
}

/// One section of facts (`ai_system: {...}`), each value checked by [`bind_value`].
struct SectionSeed<'a, 'v> {
    vocabulary: &'v Vocabulary,
    section: &'a str,
    values: &'a mut Vec<Option<Value>>,
    seen: &'a mut [u64],
}

impl<'de> serde::de::DeserializeSeed<'de> for SectionSeed<'_, '_> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> serde::de::Visitor<'de> for SectionSeed<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a mapping of facts")
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        use serde::de::Error;
        let section = self
            .vocabulary
            .section(self.section)
            .ok_or_else(|| A::Error::custom("unknown section"))?;
        while let Some(name) = map.next_key::<&'de str>()? {
            let def = section
                .get(name)
                .map(|&id| &self.vocabulary.facts[id as usize])
                .ok_or_else(|| A::Error::custom("unknown fact"))?;
            let (word, bit) = (def.id as usize / 64, 1u64 << (def.id % 64));
            if self.seen[word] & bit != 0 {
                return Err(A::Error::custom("repeated fact"));
            }
            self.seen[word] |= bit;
            // The commonest types are read straight into values; anything unusual goes through a JSON value and
            // `bind_value`, like the general parser (a property test checks that both agree).
            let value = match &def.ty {
                FactType::Bool | FactType::Set { .. } | FactType::Regions => {
                    map.next_value_seed(TypedSeed { ty: &def.ty })?
                }
                _ => {
                    let v: serde_json::Value = map.next_value()?;
                    if v.is_null() {
                        None
                    } else {
                        Some(
                            bind_value(&def.ty, &v, "")
                                .and_then(|value| check_range(def, value, ""))
                                .map_err(|_| A::Error::custom("bad value"))?,
                        )
                    }
                }
            };
            if let Some(value) = value {
                self.values[def.id as usize] = Some(value);
            }
        }
        Ok(())
    }
}

/// Reads a bool, set or regions fact straight from JSON (the batch fast path); `None` for `null`. Anything it
/// does not accept is an error, after which the caller falls back to the general parser.
struct TypedSeed<'v> {
    ty: &'v FactType,
}

impl<'de> serde::de::DeserializeSeed<'de> for TypedSeed<'_> {
    type Value = Option<Value>;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Option<Value>, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for TypedSeed<'_> {
    type Value = Option<Value>;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a fact value")
    }
    fn visit_unit<E: serde::de::Error>(self) -> Result<Option<Value>, E> {
        Ok(None)
    }
    fn visit_bool<E: serde::de::Error>(self, b: bool) -> Result<Option<Value>, E> {
        match self.ty {
            FactType::Bool => Ok(Some(Value::Bool(b))),
            _ => Err(E::custom("bad value")),
        }
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(
        self,
        mut seq: A,
    ) -> Result<Option<Value>, A::Error> {
        use serde::de::Error;
        let mut out = Vec::new();
        while let Some(item) = seq.next_element::<std::borrow::Cow<'de, str>>()? {
            match self.ty {
                FactType::Set { values } if values.iter().any(|v| v.id == *item) => {
                    out.push(item.into_owned())
                }
                FactType::Regions if check_region_code(&item).is_ok() => {
                    push_region_with_ancestors(&mut out, &item)
                }
                _ => return Err(A::Error::custom("bad value")),
            }
        }
        Ok(Some(Value::set(out)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocabulary::{EnumValue, FactDef, SubjectKind};

    #[test]
    fn a_region_code_brings_the_regions_that_contain_it() {
        let mut out = Vec::new();
        push_region_with_ancestors(&mut out, "US-NY-NYC");
        push_region_with_ancestors(&mut out, "DE");
        assert_eq!(out, ["US-NY-NYC", "US-NY", "US", "DE"]);
    }

    fn vocabulary() -> Vocabulary {
        let fact = |name: &str, ty: FactType| FactDef {
            id: 0,
            subject: "ai_system".into(),
            name: name.into(),
            ty,
            description: String::new(),
            question: format!("{name}?"),
            qualified: String::new(),
            derive: Vec::new(),
            min: None,
            max: None,
            market: false,
        };
        let roles = vec![EnumValue {
            id: "provider".into(),
            description: String::new(),
        }];
        Vocabulary::new(
            vec![SubjectKind {
                id: "ai_system".into(),
                description: String::new(),
                assessable: true,
            }],
            vec![
                fact("roles", FactType::Set { values: roles }),
                fact("flop", FactType::Number { unit: None }),
            ],
            Vec::new(),
        )
    }

    /// The fast path must really take valid manifests itself (the property test in tests/manifest_props.rs only
    /// shows that its answers equal the general path's, which a path that always fell back would also satisfy).
    #[test]
    fn the_fast_path_binds_valid_manifests_itself() {
        let v = vocabulary();
        let text =
            r#"{"ai_system":{"roles":["provider"],"flop":1e25},"name":"x","subject":"ai_system"}"#;
        let mut de = serde_json::Deserializer::from_str(text);
        let facts =
            serde::de::DeserializeSeed::deserialize(ManifestSeed { vocabulary: &v }, &mut de)
                .expect("no error")
                .expect("bound without falling back");
        assert_eq!(facts, parse(text, Format::Json, &v).expect("valid"));
        assert_eq!(facts.name.as_deref(), Some("x"));
        let mut de = serde_json::Deserializer::from_str(
            r#"{"subject":"ai_system","ai_system":{"rolez":[]}}"#,
        );
        assert!(
            serde::de::DeserializeSeed::deserialize(ManifestSeed { vocabulary: &v }, &mut de)
                .is_err()
        );
    }
}
