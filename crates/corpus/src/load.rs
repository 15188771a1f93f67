//! Builds a validated, compiled [`Corpus`] from corpus source files, or reports every problem with its place.

use crate::raw::*;
use aigov_core::assess::Status;
use aigov_core::condition::{self, Condition, Resolver, Ty};
use aigov_core::manifest::{self, Facts};
use aigov_core::model::*;
use aigov_core::value::Value;
use aigov_core::vocabulary::{
    did_you_mean, Derivation, EnumValue, FactDef, FactType, SubjectKind, TierDef, Vocabulary,
};
use jiff::civil::Date;
use std::collections::{HashMap, HashSet};
use std::fmt;

/// One corpus file's path (relative to the corpus root, for messages) and text.
#[derive(Debug, Clone)]
pub struct Source {
    /// Path relative to the corpus root, with `/` separators.
    pub path: String,
    /// The file's text.
    pub text: String,
}

/// A problem in the corpus, with its place and a hint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file, relative to the corpus root.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub col: usize,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: Option<String>,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: error: {}",
            self.file, self.line, self.col, self.message
        )?;
        if let Some(h) = &self.hint {
            write!(f, "\n  hint: {h}")?;
        }
        Ok(())
    }
}

/// A corpus example (test): a manifest, a date, and the statuses expected for some rules.
#[derive(Debug, Clone)]
pub struct Example {
    /// The file it is in.
    pub file: String,
    /// 1-based line of its name.
    pub line: usize,
    /// Its name.
    pub name: String,
    /// The assessment date.
    pub as_of: Date,
    /// The manifest's facts.
    pub facts: Facts,
    /// Expected statuses; `None` means "not yet law on that date" (`not_yet_law` in the file).
    pub expect: Vec<(String, Option<Status>)>,
}

/// A loaded corpus with its examples.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The compiled corpus.
    pub corpus: Corpus,
    /// The examples of every instrument file.
    pub examples: Vec<Example>,
}

/// Finds places in a file's text, best effort: the line of an anchor (e.g. `id: eu_ai_act.art5_1_f`), then of a
/// needle after it.
struct Locator<'a> {
    file: &'a str,
    text: &'a str,
}

impl Locator<'_> {
    /// A diagnostic inside a condition: finds the condition's text after the rule's `id:` line, then the
    /// offending name (a CEL span points at the `.` of a selection: widen it to the whole dotted name).
    fn condition_diag(
        &self,
        rule: &str,
        src: &str,
        offset: Option<usize>,
        message: String,
        hint: Option<String>,
    ) -> Diagnostic {
        let start = find_key_value(self.text, rule, 0).unwrap_or(0);
        let trimmed = src.trim_start();
        let lead = src.len() - trimmed.len();
        let first_line = trimmed.lines().next().unwrap_or("").trim_end();
        let found = (!first_line.is_empty())
            .then(|| self.text[start..].find(first_line))
            .flatten()
            .map(|i| start + i);
        let at = match (found, offset) {
            (Some(p), Some(o)) => {
                let mut o = o.saturating_sub(lead).min(trimmed.len());
                while !trimmed.is_char_boundary(o) {
                    o -= 1;
                }
                let bytes = trimmed.as_bytes();
                let mut b = o;
                while b > 0
                    && (bytes[b - 1].is_ascii_alphanumeric()
                        || bytes[b - 1] == b'_'
                        || bytes[b - 1] == b'.')
                {
                    b -= 1;
                }
                if b <= first_line.len() {
                    p + b
                } else {
                    // Past the first line (a folded block scalar): search the token after the condition's start.
                    let token: String = trimmed[b..]
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '.')
                        .collect();
                    self.text[p..]
                        .find(token.as_str())
                        .filter(|_| !token.is_empty())
                        .map(|i| p + i)
                        .unwrap_or(p)
                }
            }
            (Some(p), None) => p,
            // The text is not found verbatim (quoted with escapes, say): point at the `when:` after the rule.
            (None, _) => self.text[start..]
                .find("when:")
                .map(|i| start + i)
                .unwrap_or(start),
        };
        self.diag_at(at, message, hint)
    }

    /// The offset of the anchor's `id:` value, then of the needle after it (each skipped if not found).
    fn offset(&self, anchor: Option<&str>, needle: Option<&str>) -> usize {
        let mut from = anchor
            .and_then(|a| find_key_value(self.text, a, 0))
            .unwrap_or(0);
        if let Some(i) = needle.and_then(|n| self.text[from..].find(n)) {
            from += i;
        }
        from
    }

    fn diag(
        &self,
        anchor: Option<&str>,
        needle: Option<&str>,
        message: String,
        hint: Option<String>,
    ) -> Diagnostic {
        self.diag_at(self.offset(anchor, needle), message, hint)
    }

    fn diag_at(&self, at: usize, message: String, hint: Option<String>) -> Diagnostic {
        let (line, col) = manifest::line_col(self.text, at);
        Diagnostic {
            file: self.file.to_string(),
            line,
            col,
            message,
            hint,
        }
    }
}

/// Finds the offset of `value` written as the value of an `id:` key (so that `eu_ai_act.x` does not match
/// `eu_ai_act.x_y`).
fn find_key_value(text: &str, value: &str, from: usize) -> Option<usize> {
    let mut start = from;
    while let Some(i) = text[start..].find(value) {
        let at = start + i;
        let end = at + value.len();
        let next = text[end..].chars().next();
        let ok_end = next.is_none_or(|c| !(c.is_alphanumeric() || c == '_' || c == '.'));
        let before = text[..at].trim_end_matches([' ', '"', '\'']);
        if ok_end && before.ends_with("id:") {
            return Some(at);
        }
        start = end;
    }
    None
}

pub(crate) fn serde_diag(file: &str, text: &str, e: &serde_yaml_ng::Error) -> Diagnostic {
    let (line, col) = e
        .location()
        .map(|l| manifest::clamp_line_col(text, l.line(), l.column()))
        .unwrap_or((1, 1));
    let msg = e.to_string();
    // serde says "unknown field `whn`, expected one of `id`, `when`, ...": add a "did you mean".
    let hint = msg.split_once("unknown field `").and_then(|(_, rest)| {
        let (field, rest) = rest.split_once('`')?;
        let expected: Vec<&str> = rest.split('`').skip(1).step_by(2).collect();
        did_you_mean(field, expected.iter().copied())
            .map(|s| format!("did you mean `{s}`?"))
            .or_else(|| Some(format!("expected one of: {}", expected.join(", "))))
    });
    let hint = hint.or_else(|| {
        msg.contains("unknown variant")
            .then(|| "check the allowed values in docs/corpus.md".to_string())
    });
    let message = msg.split(" at line ").next().unwrap_or(&msg).to_string();
    Diagnostic {
        file: file.to_string(),
        line,
        col,
        message,
        hint,
    }
}

/// The corpus-wide review record: `corpus.yaml` at the corpus root.
const REVIEW_FILE: &str = "corpus.yaml";

/// `corpus.yaml`: up to when the corpus was reviewed against the law, and how long after that answers stay
/// unflagged.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ReviewFile {
    reviewed_until: String,
    stale_after_days: u32,
    #[serde(default)]
    note: Option<String>,
}

/// One corpus file read into its typed form: its YAML parsed, nothing checked across files yet. A caller that
/// loads many corpora sharing files (the fuzzer, which keeps the vocabulary and varies one instrument file)
/// parses the shared files once with [`parse_file`] and hands them to [`load_parsed`] each time.
#[derive(Debug)]
pub struct ParsedFile {
    source: Source,
    content: Parsed,
}

#[derive(Debug)]
enum Parsed {
    Review(ReviewFile),
    Subjects(SubjectsFile),
    Facts(FactsFile),
    Instrument(Box<InstrumentFile>),
    /// Not a corpus file (not YAML, or a translation, read by [`crate::Translations`]).
    Other,
}

impl ParsedFile {
    /// The file's path, relative to the corpus root.
    pub fn path(&self) -> &str {
        &self.source.path
    }
}

/// Parses one corpus file by its path: the review file, the vocabulary, or an instrument file.
pub fn parse_file(source: Source) -> Result<ParsedFile, Diagnostic> {
    let s = &source;
    let content = if !is_yaml(&s.path) || s.path.starts_with(crate::translations::DIR) {
        Ok(Parsed::Other)
    } else if s.path == REVIEW_FILE {
        serde_yaml_ng::from_str(&s.text).map(Parsed::Review)
    } else if s.path.starts_with("vocabulary/") && s.path.ends_with("subjects.yaml") {
        serde_yaml_ng::from_str(&s.text).map(Parsed::Subjects)
    } else if s.path.starts_with("vocabulary/") {
        serde_yaml_ng::from_str(&s.text).map(Parsed::Facts)
    } else {
        serde_yaml_ng::from_str(&s.text).map(|f| Parsed::Instrument(Box::new(f)))
    };
    match content {
        Ok(content) => Ok(ParsedFile { source, content }),
        Err(e) => Err(serde_diag(&source.path, &source.text, &e)),
    }
}

/// Loads and validates a corpus from its files. Every problem found is returned, not just the first.
pub fn load(sources: &[Source]) -> Result<Loaded, Vec<Diagnostic>> {
    let mut diags = Vec::new();
    let mut parsed = Vec::new();
    for s in sources {
        match parse_file(s.clone()) {
            Ok(p) => parsed.push(p),
            Err(d) => diags.push(d),
        }
    }
    // Files that do not parse would hide their ids and cause knock-on errors elsewhere: report them alone first,
    // as a compiler reports syntax errors before name resolution.
    if !diags.is_empty() {
        diags.sort_by(|a, b| (&a.file, a.line, a.col).cmp(&(&b.file, b.line, b.col)));
        return Err(diags);
    }
    load_parsed(&parsed.iter().collect::<Vec<_>>())
}

/// Loads and validates a corpus from files already parsed by [`parse_file`].
pub fn load_parsed(files: &[&ParsedFile]) -> Result<Loaded, Vec<Diagnostic>> {
    let mut diags = Vec::new();
    let mut files: Vec<&ParsedFile> = files.to_vec();
    files.sort_by(|a, b| a.source.path.cmp(&b.source.path));

    // 1. Vocabulary.
    let mut subjects: Vec<SubjectKind> = Vec::new();
    let mut tiers: Vec<TierDef> = Vec::new();
    let mut facts: Vec<FactDef> = Vec::new();
    let mut fact_files: Vec<(&Source, &FactsFile)> = Vec::new();
    let mut instrument_files: Vec<(&Source, &InstrumentFile)> = Vec::new();
    let mut review: Option<aigov_core::model::CorpusReview> = None;
    for file in &files {
        let s = &file.source;
        match &file.content {
            Parsed::Other => {}
            Parsed::Review(f) => match parse_date(&f.reviewed_until) {
                Ok(d) => {
                    review = Some(aigov_core::model::CorpusReview {
                        reviewed_until: d,
                        stale_after_days: f.stale_after_days,
                        note: f.note.clone(),
                    })
                }
                Err(e) => diags.push(Diagnostic {
                    file: s.path.clone(),
                    line: 1,
                    col: 1,
                    message: format!("`reviewed_until`: {e}"),
                    hint: Some("write the date as YYYY-MM-DD".into()),
                }),
            },
            Parsed::Subjects(f) => {
                subjects.extend(f.subjects.iter().map(|r| SubjectKind {
                    id: r.id.clone(),
                    description: r.description.clone(),
                    assessable: r.assessable,
                }));
                tiers.extend(f.tiers.iter().map(|t| TierDef {
                    id: t.id.clone(),
                    rank: t.rank,
                    description: t.description.clone(),
                }));
            }
            Parsed::Facts(f) => fact_files.push((s, f)),
            Parsed::Instrument(f) => instrument_files.push((s, f)),
        }
    }
    if !diags.is_empty() {
        return Err(diags);
    }
    if subjects.is_empty() {
        diags.push(Diagnostic {
            file: "vocabulary/subjects.yaml".into(),
            line: 1,
            col: 1,
            message: "no subject kinds declared".into(),
            hint: Some("a corpus needs vocabulary/subjects.yaml listing subjects".into()),
        });
    }
    for (s, f) in &fact_files {
        let loc = Locator {
            file: &s.path,
            text: &s.text,
        };
        if !subjects.iter().any(|k| k.id == f.subject) {
            diags.push(
                loc.diag(
                    None,
                    Some("subject:"),
                    format!("unknown subject kind `{}`", f.subject),
                    did_you_mean(&f.subject, subjects.iter().map(|k| k.id.as_str()))
                        .map(|s| format!("did you mean `{s}`?"))
                        .or(Some("declare it in vocabulary/subjects.yaml".into())),
                ),
            );
            continue;
        }
        for raw in &f.facts {
            let place = |m: String, h: Option<String>| {
                loc.diag(None, Some(&format!("name: {}", raw.name)), m, h)
            };
            if facts
                .iter()
                .any(|x| x.subject == f.subject && x.name == raw.name)
            {
                diags.push(place(
                    format!("fact `{}.{}` is declared twice", f.subject, raw.name),
                    None,
                ));
                continue;
            }
            if !is_ident(&raw.name) {
                diags.push(place(
                    format!("fact name `{}` must be lower snake case", raw.name),
                    None,
                ));
            }
            let values: Vec<EnumValue> = raw
                .values
                .iter()
                .map(|v| EnumValue {
                    id: v.id.clone(),
                    description: v.description.clone(),
                })
                .collect();
            let ty = match raw.ty {
                RawFactType::Bool => FactType::Bool,
                RawFactType::Number => FactType::Number {
                    unit: raw.unit.clone(),
                },
                RawFactType::Date => FactType::Date,
                RawFactType::Enum => FactType::Enum { values },
                RawFactType::Set => FactType::Set { values },
                RawFactType::Regions => FactType::Regions,
                RawFactType::Text => FactType::Text,
            };
            match (&ty, raw.values.is_empty()) {
                (FactType::Enum { .. } | FactType::Set { .. }, true) => diags.push(place(
                    format!(
                        "fact `{}.{}` is an {} but lists no `values`",
                        f.subject,
                        raw.name,
                        ty.name()
                    ),
                    Some("add `values: [{id: ..., description: ...}]`".into()),
                )),
                (FactType::Enum { .. } | FactType::Set { .. }, false) => {}
                (_, false) => diags.push(place(
                    format!(
                        "`values` only apply to enum and set facts, `{}` is a {}",
                        raw.name,
                        ty.name()
                    ),
                    None,
                )),
                _ => {}
            }
            if raw.question.trim().is_empty() {
                diags.push(place(
                    format!("fact `{}.{}` has no question", f.subject, raw.name),
                    Some("phrase a question a person can answer".into()),
                ));
            }
            facts.push(FactDef {
                id: 0,
                subject: f.subject.clone(),
                name: raw.name.clone(),
                ty,
                description: raw.description.clone(),
                question: raw.question.clone(),
                qualified: String::new(), // set by Vocabulary::new
                derive: Vec::new(),
                min: raw.min,
                max: raw.max,
                market: raw.market,
            });
            if raw.market && raw.ty != RawFactType::Regions {
                diags.push(place(
                    format!(
                        "`market` applies to regions facts; `{}.{}` is not one",
                        f.subject, raw.name
                    ),
                    Some("remove `market: true`".into()),
                ));
            }
            for (key, bound) in [("min", raw.min), ("max", raw.max)] {
                if let Some(b) = bound {
                    if raw.ty != RawFactType::Number || !b.is_finite() {
                        diags.push(place(
                            format!(
                                "`{key}` applies to number facts and must be a finite number; `{}` has {key} {b}",
                                raw.name
                            ),
                            None,
                        ));
                    }
                }
            }
            if let (Some(min), Some(max)) = (raw.min, raw.max) {
                if min > max {
                    diags.push(place(
                        format!("`{}` has min {min} above max {max}", raw.name),
                        None,
                    ));
                }
            }
        }
    }
    let vocabulary = Vocabulary::new(subjects, facts, tiers);

    // 2. Instruments and their events.
    let mut instruments: Vec<Instrument> = Vec::new();
    let mut inst_files: HashMap<String, usize> = HashMap::new();
    let mut duplicate_files: HashSet<usize> = HashSet::new();
    for (fi, (s, f)) in instrument_files.iter().enumerate() {
        let loc = Locator {
            file: &s.path,
            text: &s.text,
        };
        let r = &f.instrument;
        if inst_files.contains_key(&r.id) {
            diags.push(loc.diag(
                Some(&r.id),
                None,
                format!("instrument `{}` is declared twice", r.id),
                None,
            ));
            duplicate_files.insert(fi);
            continue;
        }
        if !is_ident(&r.id) {
            diags.push(loc.diag(
                Some(&r.id),
                None,
                format!("instrument id `{}` must be lower snake case", r.id),
                None,
            ));
        }
        let mut events = Vec::new();
        for e in &r.events {
            match parse_date(&e.date) {
                Ok(date) => events.push(LifecycleEvent {
                    id: e.id.clone(),
                    kind: e.kind,
                    date,
                    by: e.by.clone(),
                    provisions: e.provisions.clone(),
                    note: e.note.clone(),
                }),
                Err(m) => diags.push(loc.diag(
                    Some(&e.id),
                    Some(&e.date),
                    m,
                    Some("write dates as YYYY-MM-DD".into()),
                )),
            }
        }
        let mut seen = HashSet::new();
        for e in &events {
            if !seen.insert(e.id.clone()) {
                diags.push(loc.diag(
                    Some(&e.id),
                    None,
                    format!("event `{}` is declared twice", e.id),
                    None,
                ));
            }
        }
        events.sort_by_key(|e| e.date);
        let mut reviews = Vec::new();
        for (i, raw) in f.review.iter().enumerate() {
            let place = |m: String, h: &str| {
                loc.diag(
                    None,
                    Some("review:"),
                    format!("review record {}: {m}", i + 1),
                    Some(h.into()),
                )
            };
            let date = match parse_date(&raw.date) {
                Ok(d) => d,
                Err(m) => {
                    diags.push(place(m, "write dates as YYYY-MM-DD"));
                    continue;
                }
            };
            if raw.sources.is_empty() || raw.sources.iter().any(|x| x.trim().is_empty()) {
                diags.push(place(
                    "`sources` must list the public sources compared".into(),
                    "give URLs or official citations",
                ));
            }
            for (key, text) in [("checked", &raw.checked), ("changed", &raw.changed)] {
                if text.trim().is_empty() {
                    diags.push(place(
                        format!("`{key}` is empty"),
                        "say what was compared and what changed (or `nothing`)",
                    ));
                }
            }
            if reviews.last().is_some_and(|r: &ReviewRecord| r.date > date) {
                diags.push(place(
                    "records must be in date order, oldest first".into(),
                    "add a new review at the end of the list",
                ));
            }
            reviews.push(ReviewRecord {
                date,
                sources: raw.sources.clone(),
                checked: raw.checked.clone(),
                changed: raw.changed.clone(),
            });
        }
        inst_files.insert(r.id.clone(), fi);
        instruments.push(Instrument {
            id: r.id.clone(),
            jurisdiction: r.jurisdiction.clone(),
            kind: r.kind,
            title: r.title.clone(),
            short_title: r.short_title.clone(),
            citation: r.citation.clone(),
            url: r.url.clone(),
            issuer: r.issuer.clone(),
            binding: r.binding,
            regime: r.regime.clone().unwrap_or_else(|| r.short_title.clone()),
            events,
            summary: r.summary.clone(),
            confidence: r.confidence,
            note: r.note.clone(),
            reviews,
        });
        let texts = [
            (r.id.as_str(), "summary", r.summary.as_deref()),
            (r.id.as_str(), "note", r.note.as_deref()),
        ]
        .into_iter()
        .chain(
            r.events
                .iter()
                .map(|e| (e.id.as_str(), "note", e.note.as_deref())),
        );
        for (anchor, what, text) in texts {
            if let Some((label, hint)) = text.and_then(private_label) {
                diags.push(loc.diag(
                    Some(anchor),
                    Some(label),
                    format!(
                        "the {what} of `{anchor}` cites `{label}`, a label a user cannot follow"
                    ),
                    Some(hint),
                ));
            }
        }
    }
    // Drop the files of duplicate instruments, so that `instrument_files[i]` is the file of `instruments[i]`.
    let instrument_files: Vec<(&Source, &InstrumentFile)> = instrument_files
        .into_iter()
        .enumerate()
        .filter(|(i, _)| !duplicate_files.contains(i))
        .map(|(_, f)| f)
        .collect();
    let inst_files: HashMap<String, usize> = instruments
        .iter()
        .enumerate()
        .map(|(i, x)| (x.id.clone(), i))
        .collect();
    // Events' `by` must name an instrument; termination and stays must be in a sensible order.
    for inst in &instruments {
        let (s, _) = &instrument_files[inst_files[&inst.id]];
        let loc = Locator {
            file: &s.path,
            text: &s.text,
        };
        for e in &inst.events {
            if let Some(by) = &e.by {
                if !instruments.iter().any(|i| &i.id == by) {
                    diags.push(
                        loc.diag(
                            Some(&e.id),
                            Some(&format!("by: {by}")),
                            format!("event `{}` refers to unknown instrument `{by}`", e.id),
                            did_you_mean(by, instruments.iter().map(|i| i.id.as_str()))
                                .map(|s| format!("did you mean `{s}`?"))
                                .or(Some("add that instrument's file to the corpus".into())),
                        ),
                    );
                }
            }
        }
        if let (Some(first), Some(term)) = (
            inst.events
                .iter()
                .find(|e| matches!(e.kind, EventKind::EnteredIntoForce)),
            inst.termination(),
        ) {
            if term.date < first.date {
                diags.push(loc.diag(
                    Some(&term.id),
                    None,
                    format!(
                        "`{}` ({}) is before entry into force ({})",
                        term.id, term.date, first.date
                    ),
                    Some("dates are out of order".into()),
                ));
            }
        }
    }

    let events_of: HashMap<&str, &Instrument> =
        instruments.iter().map(|i| (i.id.as_str(), i)).collect();
    let resolve = |s: &str, own: &str| -> Result<DatedRef, (String, Option<String>)> {
        if let Some(r) = s.strip_prefix("event:") {
            let (inst_id, ev_id) = match r.split_once('/') {
                Some((i, e)) => (i, e),
                None => (own, r),
            };
            let Some(inst) = events_of.get(inst_id) else {
                return Err((
                    format!("unknown instrument `{inst_id}` in `{s}`"),
                    did_you_mean(inst_id, events_of.keys().copied())
                        .map(|x| format!("did you mean `event:{x}/{ev_id}`?")),
                ));
            };
            match inst.event(ev_id) {
                Some(e) => Ok(DatedRef {
                    date: e.date,
                    event: Some(EventRef {
                        instrument: inst_id.to_string(),
                        event: ev_id.to_string(),
                        kind: e.kind,
                    }),
                }),
                None => Err((
                    format!("unknown event `{ev_id}` of `{inst_id}` in `{s}`"),
                    did_you_mean(ev_id, inst.events.iter().map(|e| e.id.as_str()))
                        .map(|x| format!("did you mean `{x}`?"))
                        .or_else(|| {
                            Some(format!(
                                "events of {inst_id}: {}",
                                inst.events
                                    .iter()
                                    .map(|e| e.id.as_str())
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            ))
                        }),
                )),
            }
        } else {
            parse_date(s)
                .map(|date| DatedRef { date, event: None })
                .map_err(|m| {
                    (
                        m,
                        Some("write a date as YYYY-MM-DD or a reference as `event:<id>`".into()),
                    )
                })
        }
    };

    // 3. Parameters and penalties.
    let mut parameters: Vec<Parameter> = Vec::new();
    let mut penalties: Vec<Penalty> = Vec::new();
    for (s, f) in &instrument_files {
        let loc = Locator {
            file: &s.path,
            text: &s.text,
        };
        let own = &f.instrument.id;
        for p in &f.parameters {
            check_prefix(&loc, &p.id, own, "parameter", &mut diags);
            if parameters.iter().any(|x| x.id == p.id) {
                diags.push(loc.diag(
                    Some(&p.id),
                    None,
                    format!("parameter `{}` is declared twice", p.id),
                    None,
                ));
                continue;
            }
            let mut values: Vec<ParameterValue> = Vec::new();
            for v in &p.values {
                let from = match resolve(&v.from, own) {
                    Ok(d) => d,
                    Err((m, h)) => {
                        diags.push(loc.diag(Some(&p.id), Some(&v.from), m, h));
                        continue;
                    }
                };
                let value = match param_value(&v.value.0, p.unit.is_some()) {
                    Ok(x) => x,
                    Err(m) => {
                        diags.push(loc.diag(Some(&p.id), Some("value:"), m, None));
                        continue;
                    }
                };
                if let Some(prev) = values.last() {
                    if prev.from.date >= from.date {
                        diags.push(loc.diag(
                            Some(&p.id),
                            Some(&v.from),
                            format!(
                                "values of `{}` are out of order: {} is not after {}",
                                p.id, from.date, prev.from.date
                            ),
                            Some("list values by increasing `from`".into()),
                        ));
                    }
                    if Ty::of_value(&prev.value) != Ty::of_value(&value) {
                        diags.push(loc.diag(
                            Some(&p.id),
                            Some(&format!("from: {}", v.from)),
                            format!("values of `{}` change type", p.id),
                            None,
                        ));
                    }
                }
                if let Some((label, hint)) = private_label(&v.citation) {
                    diags.push(loc.diag(
                        Some(&p.id),
                        Some(label),
                        format!(
                            "a citation of parameter `{}` cites `{label}`, a label a user cannot follow",
                            p.id
                        ),
                        Some(hint),
                    ));
                }
                values.push(ParameterValue {
                    from,
                    value,
                    citation: v.citation.clone(),
                });
            }
            parameters.push(Parameter {
                id: p.id.clone(),
                description: p.description.clone(),
                unit: p.unit.clone(),
                values,
            });
        }
        for p in &f.penalties {
            check_prefix(&loc, &p.id, own, "penalty", &mut diags);
            if penalties.iter().any(|x| x.id == p.id) {
                diags.push(loc.diag(
                    Some(&p.id),
                    None,
                    format!("penalty `{}` is declared twice", p.id),
                    None,
                ));
            }
            let applies_from = match p.applies_from.as_deref().map(|a| resolve(a, own)) {
                Some(Ok(d)) => Some(d),
                Some(Err((m, h))) => {
                    diags.push(loc.diag(Some(&p.id), Some("applies_from"), m, h));
                    None
                }
                None => None,
            };
            for (message, hint) in penalty_problems(p) {
                diags.push(loc.diag(Some(&p.id), None, message, Some(hint)));
            }
            for (what, text) in [("summary", Some(&p.summary)), ("note", p.note.as_ref())] {
                if let Some((label, hint)) = text.and_then(|t| private_label(t)) {
                    diags.push(loc.diag(
                        Some(&p.id),
                        Some(label),
                        format!("the {what} of penalty `{}` cites `{label}`, a label a user cannot follow", p.id),
                        Some(hint),
                    ));
                }
            }
            penalties.push(Penalty {
                id: p.id.clone(),
                citation: p.citation.clone(),
                summary: p.summary.clone(),
                min_amount: p.min_amount,
                max_amount: p.max_amount,
                currency: p.currency.clone(),
                max_turnover_percent: p.max_turnover_percent,
                unit: p.unit,
                each_day_separate_violation: p.each_day_separate_violation,
                tiers: p
                    .tiers
                    .iter()
                    .map(|t| PenaltyTier {
                        label: t.label.clone(),
                        min_amount: t.min_amount,
                        max_amount: t.max_amount,
                        unit: t.unit,
                    })
                    .collect(),
                cap: p.cap.unwrap_or(CapRule::HigherOf),
                sme_cap: p.sme_cap,
                cure_period_days: p.cure_period_days,
                enforced_by: p
                    .enforced_by
                    .iter()
                    .map(|e| Enforcer {
                        kind: e.kind,
                        name: e.name.clone(),
                    })
                    .collect(),
                private_right_of_action: p.private_right_of_action,
                applies_from,
                confidence: p.confidence,
                note: p.note.clone(),
            });
        }
    }

    // 4. Rules: register every id first so conditions may refer to rules in any file.
    let mut rule_ids: HashMap<String, usize> = HashMap::new();
    for (s, f) in &instrument_files {
        let loc = Locator {
            file: &s.path,
            text: &s.text,
        };
        for r in &f.rules {
            check_prefix(&loc, &r.id, &f.instrument.id, "rule", &mut diags);
            if rule_ids.contains_key(&r.id) {
                diags.push(loc.diag(
                    Some(&r.id),
                    None,
                    format!("rule `{}` is declared twice", r.id),
                    Some("rule ids must be unique across the corpus".into()),
                ));
                continue;
            }
            let n = rule_ids.len();
            rule_ids.insert(r.id.clone(), n);
        }
    }
    let resolver = CorpusResolver {
        vocabulary: &vocabulary,
        parameters: &parameters,
        rules: &rule_ids,
    };
    // Derived facts: compile each alternative's formula (it may read facts and parameters, not rules).
    let mut derivations: Vec<(FactId, Vec<Derivation>)> = Vec::new();
    for (s, f) in &fact_files {
        let loc = Locator {
            file: &s.path,
            text: &s.text,
        };
        for raw in f.facts.iter().filter(|r| !r.derive.is_empty()) {
            let Some(def) = vocabulary.fact(&f.subject, &raw.name) else {
                continue;
            };
            let anchor = format!("name: {}", raw.name);
            let boolean = matches!(def.ty, FactType::Bool);
            if !boolean && !matches!(def.ty, FactType::Number { .. }) {
                diags.push(loc.diag(
                    None,
                    Some(&anchor),
                    format!(
                        "only number and bool facts can be derived; `{}` is a {}",
                        def.qualified,
                        def.ty.name()
                    ),
                    Some("remove `derive:` or make the fact a number or a bool".into()),
                ));
                continue;
            }
            let mut alternatives = Vec::new();
            for d in &raw.derive {
                // A bool fact is derived from a condition over the features the law names (a class the law
                // defines by observable features); a number fact from arithmetic.
                let compiled = if boolean {
                    condition::compile(&d.formula, &resolver).and_then(|c| {
                        let mut refs = Vec::new();
                        c.expr.rule_refs(&mut refs);
                        if refs.is_empty() {
                            Ok(c)
                        } else {
                            Err(condition::CompileError {
                                message: "a derivation may not refer to rules".into(),
                                span: None,
                                hint: Some("read the facts the rule reads instead".into()),
                            })
                        }
                    })
                } else {
                    condition::compile_formula(&d.formula, &resolver)
                };
                match compiled {
                    Ok(formula) => {
                        let mut reads = Vec::new();
                        formula.expr.reads(&mut reads);
                        if reads.contains(&def.id) {
                            diags.push(loc.diag(
                                None,
                                Some(&d.formula),
                                format!(
                                    "the formula for `{}` reads the fact itself",
                                    def.qualified
                                ),
                                None,
                            ));
                        }
                        alternatives.push(Derivation {
                            label: d.label.clone(),
                            formula,
                            citation: d.citation.clone(),
                        });
                    }
                    Err(e) => diags.push(loc.diag(
                        None,
                        Some(&d.formula),
                        format!("in the formula for `{}`: {}", def.qualified, e.message),
                        e.hint,
                    )),
                }
            }
            derivations.push((def.id, alternatives));
        }
    }
    let mut rules: Vec<Option<Rule>> = vec![None; rule_ids.len()];
    let mut overrides: Vec<(usize, Vec<String>, String, String)> = Vec::new(); // (rule, targets, file, anchor)
    for (s, f) in &instrument_files {
        let loc = Locator {
            file: &s.path,
            text: &s.text,
        };
        let own = &f.instrument.id;
        let Some(&inst_index) = inst_files.get(own) else {
            continue;
        };
        let inst = &instruments[inst_index];
        let default_from = inst
            .events
            .iter()
            .filter(|e| {
                matches!(
                    e.kind,
                    EventKind::Adopted
                        | EventKind::Signed
                        | EventKind::Published
                        | EventKind::EnteredIntoForce
                        | EventKind::Proposed
                )
            })
            .min_by_key(|e| e.date)
            .map(|e| DatedRef {
                date: e.date,
                event: Some(EventRef {
                    instrument: own.clone(),
                    event: e.id.clone(),
                    kind: e.kind,
                }),
            });
        for r in &f.rules {
            let Some(&index) = rule_ids.get(&r.id) else {
                continue;
            };
            if rules[index].is_some() {
                continue;
            }
            let d = |needle: Option<&str>, m: String, h: Option<String>| {
                loc.diag(Some(&r.id), needle, m, h)
            };
            let before = diags.len();
            // Subject and roles.
            if vocabulary.subject(&r.subject).is_none() {
                diags.push(d(
                    Some("subject:"),
                    format!("unknown subject kind `{}`", r.subject),
                    did_you_mean(
                        &r.subject,
                        vocabulary.subjects.iter().map(|s| s.id.as_str()),
                    )
                    .map(|s| format!("did you mean `{s}`?")),
                ));
            }
            let role_clause = if r.roles.is_empty() {
                None
            } else {
                match vocabulary.fact(&r.subject, "roles") {
                    Some(def) => {
                        let mut all_known = true;
                        if let Some(allowed) = def.ty.allowed_values() {
                            for role in &r.roles {
                                if !allowed.iter().any(|a| &a.id == role) {
                                    all_known = false;
                                    diags.push(d(
                                        Some(role),
                                        format!("unknown role `{role}` for {}", r.subject),
                                        did_you_mean(role, allowed.iter().map(|a| a.id.as_str()))
                                            .map(|s| format!("did you mean `{s}`?")),
                                    ));
                                }
                            }
                        }
                        let list = r
                            .roles
                            .iter()
                            .map(|x| format!("\"{x}\""))
                            .collect::<Vec<_>>()
                            .join(", ");
                        // An unknown role is reported once, above, not again through the generated clause.
                        all_known.then(|| format!("sets.intersects({}.roles, [{list}])", r.subject))
                    }
                    None => {
                        diags.push(d(
                            Some("roles:"),
                            format!(
                                "rule addresses roles but `{}.roles` is not in the vocabulary",
                                r.subject
                            ),
                            None,
                        ));
                        None
                    }
                }
            };
            let compile = |src: &str, diags: &mut Vec<Diagnostic>| -> Option<Condition> {
                let full = match &role_clause {
                    Some(rc) => format!("{rc} && ({src})"),
                    None => src.to_string(),
                };
                match condition::compile(&full, &resolver) {
                    Ok(c) => Some(Condition {
                        source: src.trim().to_string(),
                        expr: c.expr,
                    }),
                    Err(e) => {
                        // Spans are in `full`; shift them into `src` (the generated role clause comes first).
                        let shift = full.len() - src.len() - usize::from(role_clause.is_some());
                        let offset = e.span.map(|(a, _)| a.saturating_sub(shift));
                        diags.push(loc.condition_diag(
                            &r.id,
                            src,
                            offset,
                            format!("in condition: {}", e.message),
                            e.hint,
                        ));
                        None
                    }
                }
            };
            let exceptions =
                |raw: &[RawException], diags: &mut Vec<Diagnostic>| -> Vec<Exception> {
                    let mut seen = HashSet::new();
                    raw.iter()
                        .filter_map(|x| {
                            if !seen.insert(x.id.clone()) {
                                diags.push(d(
                                    Some(&x.id),
                                    format!("exception `{}` is declared twice in `{}`", x.id, r.id),
                                    None,
                                ));
                            }
                            match condition::compile(&x.when, &resolver) {
                                Ok(c) => Some(Exception {
                                    id: x.id.clone(),
                                    citation: x.citation.clone(),
                                    summary: x.summary.clone(),
                                    condition: c,
                                }),
                                Err(e) => {
                                    diags.push(loc.condition_diag(
                                        &r.id,
                                        &x.when,
                                        e.span.map(|(a, _)| a),
                                        format!("in exception `{}`: {}", x.id, e.message),
                                        e.hint,
                                    ));
                                    None
                                }
                            }
                        })
                        .collect()
                };
            let effect = |raw: &RawEffect, diags: &mut Vec<Diagnostic>| -> Effect {
                let given = [
                    raw.classification.is_some(),
                    raw.obligation.is_some(),
                    raw.prohibition.is_some(),
                    raw.exemption.is_some(),
                ]
                .iter()
                .filter(|b| **b)
                .count();
                if given != 1 {
                    diags.push(d(Some("effect:"), format!("an effect must be exactly one of classification, obligation, prohibition, exemption; `{}` gives {given}", r.id), None));
                }
                // Exactly one is given (checked above); the first present wins if the file is wrong.
                if let Some(RawClassification { regime, axis, tier }) = raw.classification.clone() {
                    if vocabulary.tier(&tier).is_none() {
                        diags.push(d(
                            Some(&format!("tier: {tier}")),
                            format!("unknown tier `{tier}`"),
                            did_you_mean(&tier, vocabulary.tiers.iter().map(|t| t.id.as_str()))
                                .map(|s| format!("did you mean `{s}`?"))
                                .or(Some("declare tiers in vocabulary/subjects.yaml".into())),
                        ));
                    }
                    Effect::Classification { regime, axis, tier }
                } else if let Some(RawObligation {
                    duty,
                    deadline,
                    penalty,
                }) = raw.obligation.clone()
                {
                    check_penalty(&penalties, penalty.as_deref(), &d, diags);
                    let deadline = deadline.map(|dl| {
                        let by = dl.by.as_deref().and_then(|b| match resolve(b, own) {
                            Ok(x) => Some(x),
                            Err((m, h)) => {
                                diags.push(d(Some(b), m, h));
                                None
                            }
                        });
                        if dl.within_days.is_none()
                            && dl.within_hours.is_none()
                            && by.is_none()
                            && dl.text.is_none()
                        {
                            diags.push(d(
                                Some("deadline:"),
                                "a deadline needs `within_days`, `within_hours`, `by` or `text`"
                                    .into(),
                                None,
                            ));
                        }
                        if dl.within_days.is_some() && dl.within_hours.is_some() {
                            diags.push(d(
                                Some("within_hours"),
                                "a deadline counts in days or in hours, not both".into(),
                                Some("keep the unit the law uses".into()),
                            ));
                        }
                        let span = match (dl.within_days, dl.within_hours) {
                            (Some(n), _) => Some(format!("{n} days")),
                            (None, Some(h)) => Some(format!("{h} hours")),
                            _ => None,
                        };
                        let text =
                            dl.text
                                .clone()
                                .unwrap_or_else(|| match (&span, &dl.after, &by) {
                                    (Some(n), Some(a), _) => format!("within {n} of {a}"),
                                    (Some(n), None, _) => format!("within {n}"),
                                    (None, _, Some(b)) => format!("by {}", b.date),
                                    _ => String::new(),
                                });
                        Deadline {
                            within_hours: dl.within_hours,
                            within_days: dl.within_days,
                            after: dl.after,
                            by,
                            text,
                        }
                    });
                    Effect::Obligation {
                        duty,
                        deadline,
                        penalty,
                    }
                } else if let Some(RawProhibition { practice, penalty }) = raw.prohibition.clone() {
                    check_penalty(&penalties, penalty.as_deref(), &d, diags);
                    Effect::Prohibition { practice, penalty }
                } else {
                    let RawExemption { relief, from } =
                        raw.exemption.clone().unwrap_or(RawExemption {
                            relief: String::new(),
                            from: Vec::new(),
                        });
                    Effect::Exemption { relief, from }
                }
            };
            let date =
                |field: &str, value: &str, diags: &mut Vec<Diagnostic>| -> Option<DatedRef> {
                    match resolve(value, own) {
                        Ok(x) => Some(x),
                        Err((m, h)) => {
                            diags.push(d(Some(value), format!("`{field}`: {m}"), h));
                            None
                        }
                    }
                };

            // A citation table: the fact must be a set or enum fact of the rule's subject (or a context
            // section), every value one it allows, every citation non-empty and public.
            let cite_by = |raw: &RawCiteBy, diags: &mut Vec<Diagnostic>| -> Option<CiteBy> {
                let Some(def) = vocabulary.fact_qualified(&raw.fact) else {
                    diags.push(d(
                        Some(&raw.fact),
                        format!("`cite_by`: unknown fact `{}`", raw.fact),
                        None,
                    ));
                    return None;
                };
                let Some(allowed) = def.ty.allowed_values() else {
                    diags.push(d(
                        Some(&raw.fact),
                        format!(
                            "`cite_by`: fact `{}` is not a set or enum fact, so it has no values to cite by",
                            raw.fact
                        ),
                        None,
                    ));
                    return None;
                };
                if raw.items.is_empty() {
                    diags.push(d(Some("cite_by:"), "`cite_by` has no items".into(), None));
                    return None;
                }
                let before = diags.len();
                let mut seen = HashSet::new();
                for item in &raw.items {
                    if !allowed.iter().any(|a| a.id == item.value) {
                        diags.push(d(
                            Some(&item.value),
                            format!(
                                "`cite_by`: `{}` is not a value of `{}`",
                                item.value, raw.fact
                            ),
                            did_you_mean(&item.value, allowed.iter().map(|a| a.id.as_str()))
                                .map(|s| format!("did you mean `{s}`?")),
                        ));
                    } else if !seen.insert(item.value.as_str()) {
                        diags.push(d(
                            Some(&item.value),
                            format!("`cite_by`: `{}` is listed twice", item.value),
                            None,
                        ));
                    }
                    if item.citation.trim().is_empty() {
                        diags.push(d(
                            Some(&item.value),
                            format!("`cite_by`: the citation for `{}` is empty", item.value),
                            None,
                        ));
                    } else if let Some((label, hint)) = private_label(&item.citation) {
                        diags.push(d(
                            Some(&item.citation),
                            format!("`cite_by`: a citation cites `{label}`, a label a user cannot follow"),
                            Some(hint),
                        ));
                    }
                }
                (diags.len() == before).then(|| CiteBy {
                    fact: def.id,
                    items: raw
                        .items
                        .iter()
                        .map(|i| CiteItem {
                            value: i.value.clone(),
                            citation: i.citation.clone(),
                        })
                        .collect(),
                })
            };
            let base_cite_by = r.cite_by.as_ref().and_then(|c| cite_by(c, &mut diags));

            let when = r.when.as_deref().unwrap_or("true");
            let condition = compile(when, &mut diags);
            let base_exceptions = exceptions(&r.unless, &mut diags);
            let base_effect = effect(&r.effect, &mut diags);
            let applies_from = date("applies_from", &r.applies_from, &mut diags);
            let from = match &r.from {
                Some(f) => date("from", f, &mut diags),
                None => default_from.clone().or_else(|| {
                    diags.push(d(None, format!("instrument `{own}` has no adopted, signed, published or entered_into_force event, so rule `{}` needs `from`", r.id), None));
                    None
                }),
            };
            let until = r
                .until
                .as_deref()
                .and_then(|u| date("until", u, &mut diags));
            let mut versions = Vec::new();
            if let (Some(condition), Some(applies_from), Some(from)) =
                (condition, applies_from, from)
            {
                versions.push(RuleVersion {
                    from,
                    amended_by: None,
                    applies_from,
                    condition,
                    exceptions: base_exceptions,
                    summary: r.summary.clone(),
                    effect: base_effect,
                    citation: r.citation.clone(),
                    cite_by: base_cite_by,
                    change: None,
                });
                for v in &r.versions {
                    let prev = versions
                        .last()
                        .cloned()
                        .expect("the base version was pushed");
                    let Some(vfrom) = date("from", &v.from, &mut diags) else {
                        continue;
                    };
                    if vfrom.date <= prev.from.date {
                        diags.push(d(
                            Some(&v.from),
                            format!(
                                "version from {} overlaps the previous version (from {})",
                                vfrom.date, prev.from.date
                            ),
                            Some("versions must start strictly later than the one before".into()),
                        ));
                        continue;
                    }
                    if let Some(a) = &v.amended_by {
                        if !events_of.contains_key(a.as_str()) {
                            diags.push(d(
                                Some(a),
                                format!("`amended_by` refers to unknown instrument `{a}`"),
                                did_you_mean(a, events_of.keys().copied())
                                    .map(|s| format!("did you mean `{s}`?")),
                            ));
                        }
                    }
                    let condition = match &v.when {
                        Some(w) => compile(w, &mut diags),
                        None => Some(prev.condition.clone()),
                    };
                    let applies_from = match &v.applies_from {
                        Some(a) => date("applies_from", a, &mut diags),
                        None => Some(prev.applies_from.clone()),
                    };
                    let (Some(condition), Some(applies_from)) = (condition, applies_from) else {
                        continue;
                    };
                    versions.push(RuleVersion {
                        from: vfrom,
                        amended_by: v.amended_by.clone(),
                        applies_from,
                        condition,
                        exceptions: match &v.unless {
                            Some(u) => exceptions(u, &mut diags),
                            None => prev.exceptions.clone(),
                        },
                        summary: v.summary.clone().unwrap_or(prev.summary.clone()),
                        effect: match &v.effect {
                            Some(e) => effect(e, &mut diags),
                            None => prev.effect.clone(),
                        },
                        citation: v.citation.clone().unwrap_or(prev.citation.clone()),
                        cite_by: match &v.cite_by {
                            Some(c) => cite_by(c, &mut diags),
                            None => prev.cite_by.clone(),
                        },
                        change: v.change.clone(),
                    });
                }
            }
            if let Some(u) = &until {
                if let Some(first) = versions.first() {
                    if u.date <= first.applies_from.date && u.date <= first.from.date {
                        diags.push(d(
                            Some("until:"),
                            format!(
                                "`until` ({}) is not after the rule starts ({})",
                                u.date, first.from.date
                            ),
                            Some("dates are out of order".into()),
                        ));
                    }
                }
            }
            let mut targets = r.overrides.clone();
            for v in &versions {
                if let Effect::Exemption { from, .. } = &v.effect {
                    for t in from {
                        if !targets.contains(t) {
                            targets.push(t.clone());
                        }
                    }
                }
            }
            overrides.push((index, targets, s.path.clone(), r.id.clone()));
            let texts = [
                ("summary", Some(r.summary.as_str())),
                ("note", r.note.as_deref()),
            ]
            .into_iter()
            .chain(
                r.unless
                    .iter()
                    .map(|u| ("exception summary", Some(u.summary.as_str()))),
            )
            .chain(r.versions.iter().flat_map(|v| {
                [
                    ("change", v.change.as_deref()),
                    ("summary", v.summary.as_deref()),
                ]
            }));
            for (what, text) in texts {
                if let Some((label, hint)) = text.and_then(private_label) {
                    diags.push(loc.diag(
                        Some(&r.id),
                        Some(label),
                        format!(
                            "the {what} of rule `{}` cites `{label}`, a label a user cannot follow",
                            r.id
                        ),
                        Some(hint),
                    ));
                }
            }
            if diags.len() == before && !versions.is_empty() {
                rules[index] = Some(Rule {
                    id: r.id.clone(),
                    instrument: inst_index,
                    title: r.title.clone(),
                    subject: r.subject.clone(),
                    roles: r.roles.clone(),
                    versions,
                    until,
                    defeats: Vec::new(),
                    url: r.url.clone(),
                    confidence: r.confidence,
                    note: r.note.clone(),
                });
            }
        }
    }
    for (index, targets, file, anchor) in overrides {
        let text = &files
            .iter()
            .find(|f| f.source.path == file)
            .map(|f| f.source.text.as_str())
            .unwrap_or("");
        let loc = Locator { file: &file, text };
        for t in targets {
            match rule_ids.get(&t) {
                Some(&ti) if ti == index => diags.push(loc.diag(
                    Some(&anchor),
                    Some(&t),
                    format!("rule `{anchor}` overrides itself"),
                    None,
                )),
                Some(&ti) => {
                    if let Some(r) = rules[index].as_mut() {
                        r.defeats.push(ti);
                    }
                }
                None => diags.push(
                    loc.diag(
                        Some(&anchor),
                        Some(&t),
                        format!("unknown rule `{t}` in overrides/exemption"),
                        did_you_mean(&t, rule_ids.keys().map(String::as_str))
                            .map(|s| format!("did you mean `{s}`?")),
                    ),
                ),
            }
        }
    }
    // Cycles through rule references and defeats would make evaluation ill-founded.
    if diags.is_empty() {
        let rules: Vec<Rule> = rules
            .into_iter()
            .map(|r| r.expect("every rule compiled when there are no diagnostics"))
            .collect();
        if let Some(cycle) = find_cycle(&rules) {
            let (s, _) = &instrument_files[inst_files[&instruments[rules[cycle[0]].instrument].id]];
            let loc = Locator {
                file: &s.path,
                text: &s.text,
            };
            let names: Vec<&str> = cycle.iter().map(|&i| rules[i].id.as_str()).collect();
            diags.push(
                loc.diag(
                    Some(names[0]),
                    None,
                    format!(
                        "rules refer to each other in a cycle: {}",
                        names.join(" -> ")
                    ),
                    Some(
                        "a rule may not depend on itself through `rules.` references or overrides"
                            .into(),
                    ),
                ),
            );
            return Err(diags);
        }
        let mut vocabulary = vocabulary;
        for (id, alternatives) in derivations {
            vocabulary.facts[id as usize].derive = alternatives;
        }
        if let Some(cycle) = derived_cycle(&vocabulary) {
            // Point at the first fact of the cycle, in the file that declares it.
            let first = cycle.first().and_then(|q| q.split_once('.'));
            let place = first.and_then(|(subject, name)| {
                fact_files
                    .iter()
                    .find(|(_, f)| f.subject == subject && f.facts.iter().any(|r| r.name == name))
                    .map(|(src, _)| (src, name))
            });
            let message = format!(
                "derived facts depend on each other in a cycle: {}",
                cycle.join(" -> ")
            );
            let hint =
                Some("a derived fact may not be computed, directly or not, from itself".into());
            diags.push(match place {
                Some((src, name)) => Locator {
                    file: &src.path,
                    text: &src.text,
                }
                .diag(None, Some(&format!("name: {name}")), message, hint),
                None => Diagnostic {
                    file: "vocabulary".into(),
                    line: 1,
                    col: 1,
                    message,
                    hint,
                },
            });
            return Err(diags);
        }
        let mut corpus = Corpus::new(vocabulary, instruments, rules, parameters, penalties);
        corpus.review = review;
        // The sections a manifest of each kind may carry: those its rules read (an `export` reads its `item`).
        let mut reads: Vec<(String, aigov_core::model::FactId)> = Vec::new();
        for r in &corpus.rules {
            let mut ids = Vec::new();
            for v in &r.versions {
                v.condition.expr.reads(&mut ids);
                for e in &v.exceptions {
                    e.condition.expr.reads(&mut ids);
                }
            }
            reads.extend(ids.into_iter().map(|id| (r.subject.clone(), id)));
        }
        corpus
            .vocabulary
            .set_contexts(reads.iter().map(|(s, id)| (s.as_str(), *id)));
        let examples = load_examples(&instrument_files, &corpus, &mut diags);
        if diags.is_empty() {
            return Ok(Loaded { corpus, examples });
        }
    }
    diags.sort_by(|a, b| (&a.file, a.line, a.col).cmp(&(&b.file, b.line, b.col)));
    diags.dedup();
    Err(diags)
}

fn load_examples(
    files: &[(&Source, &InstrumentFile)],
    corpus: &Corpus,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Example> {
    let mut out = Vec::new();
    for (s, f) in files {
        let loc = Locator {
            file: &s.path,
            text: &s.text,
        };
        for ex in &f.examples {
            let place = |needle: Option<&str>, m: String, h: Option<String>| {
                let (line, col) = {
                    let at = s
                        .text
                        .find(&format!("name: {}", ex.name))
                        .or_else(|| s.text.find(&ex.name))
                        .unwrap_or(0);
                    let at = match needle {
                        Some(n) => s.text[at..].find(n).map(|i| at + i).unwrap_or(at),
                        None => at,
                    };
                    manifest::line_col(&s.text, at)
                };
                Diagnostic {
                    file: s.path.clone(),
                    line,
                    col,
                    message: m,
                    hint: h,
                }
            };
            let _ = &loc;
            let as_of = match parse_date(&ex.as_of) {
                Ok(d) => d,
                Err(m) => {
                    diags.push(place(
                        Some("as_of"),
                        format!("example `{}`: {m}", ex.name),
                        None,
                    ));
                    continue;
                }
            };
            let facts = match manifest::bind(&ex.manifest.0, &corpus.vocabulary) {
                Ok(f) => f,
                Err(e) => {
                    let last = e
                        .path
                        .rsplit('.')
                        .next()
                        .unwrap_or(&e.path)
                        .split('[')
                        .next()
                        .unwrap_or("")
                        .to_string();
                    diags.push(place(
                        Some(&format!("{last}:")),
                        format!(
                            "example `{}`: manifest at `{}`: {}",
                            ex.name, e.path, e.message
                        ),
                        e.hint,
                    ));
                    continue;
                }
            };
            let mut expect = Vec::new();
            for (rule, status) in &ex.expect {
                let Some(r) = corpus.rule(rule) else {
                    diags.push(place(
                        Some(rule),
                        format!("example `{}` expects unknown rule `{rule}`", ex.name),
                        did_you_mean(rule, corpus.rules.iter().map(|r| r.id.as_str()))
                            .map(|s| format!("did you mean `{s}`?")),
                    ));
                    continue;
                };
                if r.subject != facts.subject {
                    diags.push(place(
                        Some(rule),
                        format!(
                            "example `{}` is about a {}, but `{rule}` addresses a {}",
                            ex.name, facts.subject, r.subject
                        ),
                        None,
                    ));
                }
                match Status::parse(status) {
                    Some(st) => expect.push((rule.clone(), Some(st))),
                    None if status == "not_yet_law" => expect.push((rule.clone(), None)),
                    None => diags.push(place(Some(status), format!("unknown status `{status}`"),
                        Some("one of: in_effect, upcoming, suspended, ended, undetermined, not_applicable, not_yet_law".into()))),
                }
            }
            let line = place(None, String::new(), None).line;
            out.push(Example {
                file: s.path.clone(),
                line,
                name: ex.name.clone(),
                as_of,
                facts,
                expect,
            });
        }
    }
    out
}

/// Builds a diagnostic at a needle near the current rule.
type DiagFn<'a> = dyn Fn(Option<&str>, String, Option<String>) -> Diagnostic + 'a;

/// What is wrong with a penalty's terms, as (message, hint) pairs: amounts without a unit or currency, a floor
/// above the cap, a per-day penalty written as a one-off, an empty tier, and the like.
fn penalty_problems(p: &RawPenalty) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut push = |m: String, h: &str| out.push((m, h.to_string()));
    let id = &p.id;
    let has_amount = p.min_amount.is_some() || p.max_amount.is_some();
    if (has_amount || p.max_turnover_percent.is_some()) && p.unit.is_none() {
        push(
            format!("penalty `{id}` gives an amount but not what it is counted per"),
            "add `unit: per_violation | per_day | per_affected_person | one_off`",
        );
    }
    if p.unit.is_some() && !has_amount && p.max_turnover_percent.is_none() {
        push(
            format!("penalty `{id}` gives a unit but no amount"),
            "give `min_amount` / `max_amount` (or `max_turnover_percent`), or drop `unit`",
        );
    }
    let amounts = has_amount
        || p.tiers
            .iter()
            .any(|t| t.min_amount.is_some() || t.max_amount.is_some());
    if amounts && p.currency.is_none() {
        push(
            format!("penalty `{id}` gives amounts without a currency"),
            "add `currency:` (ISO 4217, e.g. USD, EUR)",
        );
    }
    if let Some(c) = &p.currency {
        if c.len() != 3 || !c.bytes().all(|b| b.is_ascii_uppercase()) {
            push(
                format!("penalty `{id}`: `{c}` is not an ISO 4217 currency code"),
                "write three capital letters, e.g. USD, EUR",
            );
        }
    }
    let bands = std::iter::once((p.min_amount, p.max_amount, "the penalty".to_string())).chain(
        p.tiers
            .iter()
            .map(|t| (t.min_amount, t.max_amount, format!("tier `{}`", t.label))),
    );
    for (min, max, what) in bands {
        for a in [min, max].into_iter().flatten() {
            if !a.is_finite() || a < 0.0 {
                push(
                    format!("penalty `{id}`: {what} has the amount {a}"),
                    "amounts are non-negative numbers",
                );
            }
        }
        if let (Some(lo), Some(hi)) = (min, max) {
            if lo > hi {
                push(
                    format!("penalty `{id}`: {what} has a minimum {lo} above its maximum {hi}"),
                    "swap `min_amount` and `max_amount`",
                );
            }
        }
    }
    for t in &p.tiers {
        if t.label.trim().is_empty() {
            push(
                format!("penalty `{id}` has a tier without a label"),
                "say what the tier covers, e.g. `first violation`",
            );
        }
        if t.min_amount.is_none() && t.max_amount.is_none() {
            push(
                format!("penalty `{id}`: tier `{}` has no amount", t.label),
                "give `min_amount` and/or `max_amount`",
            );
        }
    }
    if let Some(pct) = p.max_turnover_percent {
        if !(pct > 0.0 && pct <= 100.0) {
            push(
                format!("penalty `{id}`: a turnover share of {pct}%"),
                "give a percentage in (0, 100]",
            );
        }
    }
    if p.max_amount.is_some() && p.max_turnover_percent.is_some() && p.cap.is_none() {
        push(
            format!("penalty `{id}` has a fixed cap and a turnover cap but does not say how they combine"),
            "add `cap: higher_of` or `cap: lower_of`",
        );
    }
    if p.sme_cap.is_some() && !(p.max_amount.is_some() && p.max_turnover_percent.is_some()) {
        push(
            format!("penalty `{id}` has an SME rule but not two caps to combine"),
            "`sme_cap` needs both `max_amount` and `max_turnover_percent`",
        );
    }
    if p.cure_period_days == Some(0) {
        push(
            format!("penalty `{id}` has a cure period of 0 days"),
            "drop `cure_period_days` when there is none",
        );
    }
    let day_unit = p.unit == Some(PenaltyUnit::PerDay)
        || p.tiers.iter().any(|t| t.unit == PenaltyUnit::PerDay);
    if p.each_day_separate_violation
        && p.unit != Some(PenaltyUnit::PerViolation)
        && !p.tiers.iter().any(|t| t.unit == PenaltyUnit::PerViolation)
    {
        push(
            format!("penalty `{id}` counts each day as a separate violation but has no per-violation amount"),
            "use `unit: per_violation` with `each_day_separate_violation: true`, or `unit: per_day` alone",
        );
    }
    // A summary that speaks of days must say so in the data, or reports would print a one-off cap.
    let text = p.summary.to_lowercase();
    let says_daily = [
        "per day",
        "each day",
        "every day",
        "a day of violation",
        "per calendar day",
        "daily",
    ]
    .iter()
    .any(|w| text.contains(w));
    if says_daily && !day_unit && !p.each_day_separate_violation {
        push(
            format!("penalty `{id}` is described as counted by the day, but its data do not say so"),
            "add `unit: per_day` (or a `per_day` tier), or `each_day_separate_violation: true` with `unit: per_violation`",
        );
    }
    if p.enforced_by.iter().any(|e| e.name.trim().is_empty()) {
        push(
            format!("penalty `{id}` names an enforcer without a name"),
            "name the body, e.g. `Colorado Attorney General`",
        );
    }
    out
}

/// A label private to the people who wrote the corpus, which a user cannot follow (`[S109]`, `register U5`,
/// `reference us-federal §7c`), or wording about the authors' work rather than the law ("not verified during
/// research"). Returns the label found and a hint.
pub fn private_label(text: &str) -> Option<(&str, String)> {
    let cite = "cite a public source instead (a URL or an official citation)".to_string();
    let b = text.as_bytes();
    // `[S123]`
    let mut i = 0;
    while let Some(k) = text[i..].find("[S") {
        let at = i + k;
        let digits = b[at + 2..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        if digits > 0 && b.get(at + 2 + digits) == Some(&b']') {
            return Some((&text[at..at + 3 + digits], cite));
        }
        i = at + 2;
    }
    let lower = text.to_ascii_lowercase();
    // `register U11`, `register F3`
    for (k, _) in lower.match_indices("register ") {
        let rest = &b[k + 9..];
        if rest.first().is_some_and(u8::is_ascii_alphabetic)
            && rest.get(1).is_some_and(u8::is_ascii_digit)
        {
            let len = 1 + rest[1..].iter().take_while(|c| c.is_ascii_digit()).count();
            return Some((&text[k..k + 9 + len], cite));
        }
    }
    // `reference us-federal §7c`, `reference §4`
    for (k, _) in lower.match_indices("reference ") {
        if let Some(j) = text[k..].find('§') {
            if j < 24 {
                let end = text[k + j..]
                    .find(|c: char| c.is_whitespace() || c == ')' || c == ',' || c == ';')
                    .map(|e| k + j + e)
                    .unwrap_or(text.len());
                return Some((&text[k..end], cite));
            }
        }
    }
    // The authors' fact sheets (`us-states.md §2.3`): private files, not sources.
    for sheet in [
        "us-states.md",
        "us-federal.md",
        "eu-ai-act.md",
        "export-controls.md",
        "china.md",
    ] {
        if let Some(k) = lower.find(sheet) {
            return Some((&text[k..k + sheet.len()], cite));
        }
    }
    // The fact sheets' source abbreviations (`via TRK`, `CSIS24`, `ECFR-B`, `[S-SMC]`): a user cannot look them up.
    for abbr in [
        "TRK", "CSIS24", "ECFR-B", "ORCL", "NAC-BIS", "G26", "FR22", "FR23",
    ] {
        for (k, _) in text.match_indices(abbr) {
            let word =
                |c: Option<char>| c.is_none_or(|c| !(c.is_alphanumeric() || c == '-' || c == '_'));
            if word(text[..k].chars().next_back()) && word(text[k + abbr.len()..].chars().next()) {
                return Some((&text[k..k + abbr.len()], cite));
            }
        }
    }
    // A bare source number in brackets or parentheses: `(S7)`, `(see S12; S13)`.
    for (k, _) in text.match_indices('S') {
        let before = text[..k].chars().next_back();
        let digits = b[k + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
        let after = b.get(k + 1 + digits).copied();
        if digits > 0
            && matches!(before, Some('(' | ' ' | '['))
            && matches!(after, Some(b')' | b',' | b';' | b']'))
            && (before != Some(' ') || text[..k].trim_end().ends_with([';', ',', '(']))
        {
            return Some((&text[k..k + 1 + digits], cite));
        }
    }
    for tag in ["[M]", "[V]", "[S-", "[G-"] {
        if let Some(k) = text.find(tag) {
            let end = text[k..].find(']').map_or(text.len(), |e| k + e + 1);
            return Some((&text[k..end], cite));
        }
    }
    for phrase in [
        "not verified",
        "during research",
        "sources read",
        "we did not",
        "research notes",
        "was not read",
        "were not read",
        "recalled",
        "background knowledge",
        "fact sheet",
        "earlier research",
        "the engineer",
    ] {
        if let Some(k) = lower.find(phrase) {
            return Some((
                &text[k..k + phrase.len()],
                "speak to the user about the law (\"the amount is not stated in the statute\"), not about the authors' work".into(),
            ));
        }
    }
    None
}

fn check_penalty(
    penalties: &[Penalty],
    id: Option<&str>,
    d: &DiagFn<'_>,
    diags: &mut Vec<Diagnostic>,
) {
    if let Some(p) = id {
        if !penalties.iter().any(|x| x.id == p) {
            diags.push(d(Some(p), format!("unknown penalty `{p}`"),
                did_you_mean(p, penalties.iter().map(|x| x.id.as_str())).map(|s| format!("did you mean `{s}`?"))
                    .or(Some("declare it under `penalties:` (penalties must be declared in the file or an earlier one)".into()))));
        }
    }
}

fn check_prefix(
    loc: &Locator<'_>,
    id: &str,
    instrument: &str,
    what: &str,
    diags: &mut Vec<Diagnostic>,
) {
    let ok = id
        .strip_prefix(instrument)
        .and_then(|r| r.strip_prefix('.'))
        .is_some_and(is_ident);
    if !ok {
        diags.push(loc.diag(
            Some(id),
            None,
            format!("{what} id `{id}` must be `{instrument}.<name>` in lower snake case"),
            Some(format!(
                    "e.g. `{instrument}.{}`",
                    id.rsplit('.')
                        .next()
                        .unwrap_or(id)
                        .to_lowercase()
                        .replace(['-', ' '], "_")
                )),
        ));
    }
}

/// A cycle among derived facts (a formula that reads, through other derived facts, the fact it computes).
fn derived_cycle(vocabulary: &Vocabulary) -> Option<Vec<String>> {
    let deps: Vec<Vec<usize>> = vocabulary
        .facts
        .iter()
        .map(|f| {
            let mut reads = Vec::new();
            for d in &f.derive {
                d.formula.expr.reads(&mut reads);
            }
            reads.into_iter().map(|r| r as usize).collect()
        })
        .collect();
    graph_cycle(&deps).map(|c| {
        c.into_iter()
            .map(|k| vocabulary.facts[k].qualified.clone())
            .collect()
    })
}

/// A cycle in a dependency graph (node `i` depends on `deps[i]`), as the path that closes it, if there is one.
fn graph_cycle(deps: &[Vec<usize>]) -> Option<Vec<usize>> {
    // 0 = new, 1 = on the stack, 2 = done
    let mut state = vec![0u8; deps.len()];
    let mut stack = Vec::new();
    fn visit(
        i: usize,
        deps: &[Vec<usize>],
        state: &mut [u8],
        stack: &mut Vec<usize>,
    ) -> Option<Vec<usize>> {
        state[i] = 1;
        stack.push(i);
        for &j in &deps[i] {
            if state[j] == 1 {
                let start = stack.iter().position(|&x| x == j).unwrap_or(0);
                let mut cycle = stack[start..].to_vec();
                cycle.push(j);
                return Some(cycle);
            }
            if state[j] == 0 {
                if let Some(c) = visit(j, deps, state, stack) {
                    return Some(c);
                }
            }
        }
        stack.pop();
        state[i] = 2;
        None
    }
    (0..deps.len()).find_map(|i| {
        if state[i] == 0 {
            visit(i, deps, &mut state, &mut stack)
        } else {
            None
        }
    })
}

fn find_cycle(rules: &[Rule]) -> Option<Vec<usize>> {
    // Edges: a rule depends on the rules its conditions read, and on the rules that defeat it.
    let mut deps: Vec<Vec<usize>> = vec![Vec::new(); rules.len()];
    for (i, r) in rules.iter().enumerate() {
        for v in &r.versions {
            v.condition.expr.rule_refs(&mut deps[i]);
            for e in &v.exceptions {
                e.condition.expr.rule_refs(&mut deps[i]);
            }
        }
        for &t in &r.defeats {
            deps[t].push(i);
        }
    }
    graph_cycle(&deps)
}

struct CorpusResolver<'a> {
    vocabulary: &'a Vocabulary,
    parameters: &'a [Parameter],
    rules: &'a HashMap<String, usize>,
}

impl Resolver for CorpusResolver<'_> {
    fn fact(&self, subject: &str, name: &str) -> Option<(aigov_core::model::FactId, Ty)> {
        self.vocabulary
            .fact(subject, name)
            .map(|f| (f.id, Ty::of_fact(&f.ty)))
    }
    fn is_subject(&self, name: &str) -> bool {
        self.vocabulary.subject(name).is_some()
    }
    fn fact_names(&self, subject: &str) -> Vec<String> {
        self.vocabulary
            .facts_of(subject)
            .map(|f| f.name.clone())
            .collect()
    }
    fn param(&self, id: &str) -> Option<(usize, Ty)> {
        let i = self.parameters.iter().position(|p| p.id == id)?;
        let ty = self.parameters[i]
            .values
            .first()
            .map(|v| Ty::of_value(&v.value))
            .unwrap_or(Ty::Number);
        Some((i, ty))
    }
    fn rule(&self, id: &str) -> Option<usize> {
        self.rules.get(id).copied()
    }
}

fn param_value(v: &serde_json::Value, numeric: bool) -> Result<Value, String> {
    match v {
        serde_json::Value::Bool(b) => Ok(Value::Bool(*b)),
        serde_json::Value::Number(n) => n
            .as_f64()
            .map(Value::Number)
            .ok_or_else(|| "number out of range".to_string()),
        serde_json::Value::String(s) if !numeric => Ok(s
            .parse::<Date>()
            .map(Value::Date)
            .unwrap_or_else(|_| Value::Text(s.clone()))),
        serde_json::Value::String(s) => s
            .parse::<f64>()
            .map(Value::Number)
            .map_err(|_| format!("`{s}` is not a number")),
        serde_json::Value::Array(items) => items
            .iter()
            .map(|i| {
                i.as_str()
                    .map(str::to_string)
                    .ok_or_else(|| "list values must be strings".to_string())
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Value::set),
        _ => {
            Err("a parameter value must be a bool, number, date, string or list of strings".into())
        }
    }
}

/// Parses an ISO date, with a message that says what is wrong.
pub fn parse_date(s: &str) -> Result<Date, String> {
    s.trim()
        .parse::<Date>()
        .map_err(|e| format!("`{s}` is not a valid date: {e}"))
}

fn is_ident(s: &str) -> bool {
    !s.is_empty()
        && s.bytes().next().is_some_and(|b| b.is_ascii_lowercase())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

fn is_yaml(path: &str) -> bool {
    path.ends_with(".yaml") || path.ends_with(".yml")
}
