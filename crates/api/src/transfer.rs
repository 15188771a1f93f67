//! Import and export of the whole inventory. JSONL is the batch format of `aigov assess --batch`: one subject
//! manifest per line, completed with its organization's facts, so an export can be assessed offline as it is.
//! CSV keeps everything (kind, id, name, organization, owner, tags, notes, version, manifest as JSON), so an
//! export read back into an empty inventory gives the same entries under the same ids.

use crate::problem::{FieldError, Problem};
use aigov_app::request;
use aigov_core::Engine;
use aigov_store::{Entry, EntryInput, Kind};

/// The two interchange formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// One manifest per line (the batch format).
    Jsonl,
    /// One entry per row, with its metadata.
    Csv,
}

const COLUMNS: [&str; 9] = [
    "kind",
    "id",
    "name",
    "organization_id",
    "owner",
    "tags",
    "notes",
    "version",
    "manifest",
];

/// One line per subject: its manifest completed with its organization's facts.
pub fn jsonl(organizations: &[Entry], subjects: &[Entry]) -> String {
    let mut out = String::new();
    for s in subjects {
        let org = s
            .organization_id
            .as_ref()
            .and_then(|o| organizations.iter().find(|e| &e.id == o))
            .map(|o| &o.manifest);
        out.push_str(&request::with_organization(&s.manifest, org).to_string());
        out.push('\n');
    }
    out
}

/// Every entry, organizations first, with its metadata (tags joined by `;`).
pub fn csv(organizations: &[Entry], subjects: &[Entry]) -> Result<String, Problem> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let fail = |e: &dyn std::fmt::Display| Problem::internal(e);
    w.write_record(COLUMNS).map_err(|e| fail(&e))?;
    for e in organizations.iter().chain(subjects) {
        w.write_record([
            e.kind.as_str(),
            &e.id,
            &e.name,
            e.organization_id.as_deref().unwrap_or(""),
            &e.owner,
            &e.tags.join(";"),
            &e.notes,
            &e.version.to_string(),
            &e.manifest.to_string(),
        ])
        .map_err(|e| fail(&e))?;
    }
    let bytes = w.into_inner().map_err(|e| fail(&e))?;
    String::from_utf8(bytes).map_err(|e| fail(&e))
}

fn at_line(line: usize, message: String, hint: Option<String>) -> Problem {
    Problem::new(
        "request.invalid",
        format!("line {line}: {message}"),
        hint.clone()
            .unwrap_or_else(|| "fix the line and import again; nothing was imported".into()),
    )
    .with_errors(vec![FieldError {
        place: format!("line {line}"),
        message,
        hint,
    }])
}

/// Reads an import: every manifest is bound to the vocabulary first, so that nothing is imported unless all of
/// it fits. Organizations come before subjects.
pub fn parse(
    engine: &Engine,
    format: Format,
    text: &str,
) -> Result<Vec<(Kind, Option<String>, EntryInput)>, Problem> {
    let mut items = Vec::new();
    match format {
        Format::Jsonl => {
            for (i, line) in text.lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                let manifest: serde_json::Value = serde_json::from_str(line)
                    .map_err(|e| at_line(i + 1, format!("not JSON: {e}"), None))?;
                check(engine, Kind::Subject, &manifest, i + 1)?;
                items.push((
                    Kind::Subject,
                    None,
                    EntryInput {
                        name: None,
                        organization_id: None,
                        owner: String::new(),
                        tags: Vec::new(),
                        notes: String::new(),
                        manifest,
                    },
                ));
            }
        }
        Format::Csv => {
            let mut r = csv::Reader::from_reader(text.as_bytes());
            let header = r
                .headers()
                .map_err(|e| at_line(1, format!("not CSV: {e}"), None))?
                .clone();
            if header.iter().collect::<Vec<_>>() != COLUMNS {
                return Err(at_line(
                    1,
                    format!("the header is not `{}`", COLUMNS.join(",")),
                    Some("import a file made by GET /api/v1/inventory/export?format=csv".into()),
                ));
            }
            for (i, row) in r.records().enumerate() {
                let line = i + 2;
                let row = row.map_err(|e| at_line(line, format!("not CSV: {e}"), None))?;
                let field = |n: usize| row.get(n).unwrap_or("").to_string();
                let kind = match field(0).as_str() {
                    "organization" => Kind::Organization,
                    "subject" => Kind::Subject,
                    other => {
                        return Err(at_line(
                            line,
                            format!("unknown kind `{other}`"),
                            Some("`organization` or `subject`".into()),
                        ))
                    }
                };
                let manifest: serde_json::Value = serde_json::from_str(&field(8))
                    .map_err(|e| at_line(line, format!("`manifest` is not JSON: {e}"), None))?;
                check(engine, kind, &manifest, line)?;
                let id = Some(field(1)).filter(|s| !s.is_empty());
                let tags = field(5);
                items.push((
                    kind,
                    id,
                    EntryInput {
                        name: Some(field(2)),
                        organization_id: Some(field(3)).filter(|s| !s.is_empty()),
                        owner: field(4),
                        tags: tags
                            .split(';')
                            .filter(|t| !t.is_empty())
                            .map(str::to_string)
                            .collect(),
                        notes: field(6),
                        manifest,
                    },
                ));
            }
        }
    }
    if items.is_empty() {
        return Err(Problem::new(
            "request.invalid",
            "the import holds no entries",
            "send JSONL (one manifest per line) or the CSV of an export as the body",
        ));
    }
    items.sort_by_key(|(k, _, _)| *k != Kind::Organization);
    Ok(items)
}

/// Binds a manifest of the kind given, as every write does.
pub fn check(
    engine: &Engine,
    kind: Kind,
    manifest: &serde_json::Value,
    line: usize,
) -> Result<(), Problem> {
    let checked = match kind {
        Kind::Subject => request::bind_any(engine, manifest).map(|_| ()),
        Kind::Organization => request::check_organization(engine, manifest),
    };
    checked.map_err(|e| {
        let p = Problem::from(e);
        if line == 0 {
            p
        } else {
            at_line(line, p.detail, Some(p.hint))
        }
    })
}
