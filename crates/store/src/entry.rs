//! Inventory entries: organizations and subjects, each a chain of versions. Every change writes a new version and
//! one audit entry; old versions are never changed, so any of them can be read (and assessed) again.

use crate::audit::{self, append, Change};
use crate::{now, random_hex, sha256_hex, Store, StoreError};
use sqlx::any::AnyRow;
use sqlx::Row;

/// The two kinds of inventory entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// An organization: its manifest is the `organization` facts its subjects share.
    Organization,
    /// A subject (AI system, model, agency use case, data-centre project, item, export): its manifest is the one
    /// `aigov assess` reads.
    Subject,
}

impl Kind {
    /// The kind's name as stored and shown.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Organization => "organization",
            Kind::Subject => "subject",
        }
    }

    fn prefix(self) -> &'static str {
        match self {
            Kind::Organization => "org",
            Kind::Subject => "sub",
        }
    }
}

/// A new entry, or the whole content of a replacement (PUT).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct EntryInput {
    /// A display name (default: the manifest's `name`).
    #[serde(default)]
    pub name: Option<String>,
    /// For a subject: the organization it belongs to, whose facts fill in a manifest without `organization`.
    #[serde(default)]
    pub organization_id: Option<String>,
    /// Who answers for the entry (a person or team).
    #[serde(default)]
    pub owner: String,
    /// Free labels.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Free-text notes.
    #[serde(default)]
    pub notes: String,
    /// The manifest, as JSON (a subject's manifest, or an organization's facts).
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub manifest: serde_json::Value,
}

/// A partial change (PATCH): each given field replaces the current one; `organization_id: ""` removes the link.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct EntryPatch {
    /// A new display name.
    #[serde(default)]
    pub name: Option<String>,
    /// A new organization (`""` removes it).
    #[serde(default)]
    pub organization_id: Option<String>,
    /// A new owner.
    #[serde(default)]
    pub owner: Option<String>,
    /// New tags (replacing the old ones).
    #[serde(default)]
    pub tags: Option<Vec<String>>,
    /// New notes.
    #[serde(default)]
    pub notes: Option<String>,
    /// A new manifest.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub manifest: Option<serde_json::Value>,
}

/// An entry at one version.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Entry {
    /// Its id (`org_...` or `sub_...`).
    pub id: String,
    /// Organization or subject.
    pub kind: Kind,
    /// The version shown (from 1; every change adds one).
    pub version: i64,
    /// The entry's current version (equal to `version` unless an older one was asked for).
    pub current_version: i64,
    /// Display name.
    pub name: String,
    /// For a subject: its organization.
    pub organization_id: Option<String>,
    /// Who answers for it.
    pub owner: String,
    /// Labels.
    pub tags: Vec<String>,
    /// Notes.
    pub notes: String,
    /// The manifest.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub manifest: serde_json::Value,
    /// SHA-256 of the version's content (name, organization, owner, tags, notes, manifest).
    pub content_hash: String,
    /// When the entry was created.
    pub created_at: String,
    /// When this version was written.
    pub updated_at: String,
    /// Who wrote this version.
    pub updated_by: String,
}

/// One version in an entry's history.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VersionInfo {
    /// The version number.
    pub version: i64,
    /// Its content hash.
    pub content_hash: String,
    /// When it was written.
    pub created_at: String,
    /// Who wrote it.
    pub created_by: String,
}

/// A current subject as a re-assessment reads it: the manifest still as the stored text, so that a caller can
/// decode a page of them on several cores (see [`Store::subject_rows`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubjectRow {
    /// Its id.
    pub id: String,
    /// Its current version.
    pub version: i64,
    /// Its display name.
    pub name: String,
    /// Its organization.
    pub organization_id: Option<String>,
    /// Its manifest, as stored (JSON text).
    pub manifest: String,
}

/// One page of a list.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Listing {
    /// The entries of this page, by id.
    pub items: Vec<Entry>,
    /// The cursor of the next page (pass it as `after`), if there is one.
    pub next: Option<String>,
}

/// The content of a version, as hashed and stored.
struct Content {
    name: String,
    organization_id: Option<String>,
    owner: String,
    tags: Vec<String>,
    notes: String,
    manifest: serde_json::Value,
}

impl Content {
    fn from_input(input: EntryInput) -> Content {
        let name = input.name.unwrap_or_else(|| {
            input
                .manifest
                .get("name")
                .and_then(|n| n.as_str())
                .unwrap_or("")
                .to_string()
        });
        Content {
            name,
            organization_id: input.organization_id.filter(|o| !o.is_empty()),
            owner: input.owner,
            tags: input.tags,
            notes: input.notes,
            manifest: input.manifest,
        }
    }

    fn hash(&self) -> String {
        let canonical = serde_json::json!({
            "name": self.name, "organization_id": self.organization_id, "owner": self.owner,
            "tags": self.tags, "notes": self.notes, "manifest": self.manifest,
        });
        sha256_hex(canonical.to_string().as_bytes())
    }

    fn from_entry(e: &Entry) -> Content {
        Content {
            name: e.name.clone(),
            organization_id: e.organization_id.clone(),
            owner: e.owner.clone(),
            tags: e.tags.clone(),
            notes: e.notes.clone(),
            manifest: e.manifest.clone(),
        }
    }
}

const SELECT: &str = "select e.entry_id, e.kind, e.version as current_version, e.created_at, v.version, v.name, \
     v.organization_id, v.owner, v.tags, v.notes, v.manifest, v.content_hash, v.created_at as updated_at, v.created_by \
     from entry e join entry_version v on v.entry_id = e.entry_id";

fn decode(row: &AnyRow) -> Result<Entry, StoreError> {
    let corrupt = |what: &str, e: serde_json::Error| StoreError::Corrupt {
        message: format!("{what}: {e}"),
    };
    let kind: String = row.try_get("kind")?;
    let tags: String = row.try_get("tags")?;
    let manifest: String = row.try_get("manifest")?;
    Ok(Entry {
        id: row.try_get("entry_id")?,
        kind: match kind.as_str() {
            "organization" => Kind::Organization,
            "subject" => Kind::Subject,
            other => {
                return Err(StoreError::Corrupt {
                    message: format!("unknown kind `{other}`"),
                })
            }
        },
        version: row.try_get("version")?,
        current_version: row.try_get("current_version")?,
        name: row.try_get("name")?,
        organization_id: row.try_get("organization_id")?,
        owner: row.try_get("owner")?,
        tags: serde_json::from_str(&tags).map_err(|e| corrupt("tags", e))?,
        notes: row.try_get("notes")?,
        manifest: serde_json::from_str(&manifest).map_err(|e| corrupt("manifest", e))?,
        content_hash: row.try_get("content_hash")?,
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
        updated_by: row.try_get("created_by")?,
    })
}

type Tx = sqlx::Transaction<'static, sqlx::Any>;

/// The current, not deleted entry of this kind and id, read inside a write transaction.
async fn current(tx: &mut Tx, kind: Kind, id: &str) -> Result<Entry, StoreError> {
    let row = sqlx::query(&format!(
        "{SELECT} where e.entry_id = $1 and e.kind = $2 and e.deleted = 0 and v.version = e.version"
    ))
    .bind(id)
    .bind(kind.as_str())
    .fetch_optional(&mut **tx)
    .await?;
    match row {
        Some(r) => decode(&r),
        None => Err(StoreError::NotFound {
            kind: kind.as_str(),
            id: id.to_string(),
            version: None,
        }),
    }
}

async fn check_organization(tx: &mut Tx, kind: Kind, content: &Content) -> Result<(), StoreError> {
    let Some(org) = &content.organization_id else {
        return Ok(());
    };
    if kind == Kind::Organization {
        return Err(StoreError::Reference {
            message: "an organization cannot belong to an organization".into(),
        });
    }
    match current(tx, Kind::Organization, org).await {
        Ok(_) => Ok(()),
        Err(StoreError::NotFound { .. }) => Err(StoreError::Reference {
            message: format!("no organization `{org}` for `organization_id`"),
        }),
        Err(e) => Err(e),
    }
}

async fn write_version(
    tx: &mut Tx,
    id: &str,
    version: i64,
    content: &Content,
    hash: &str,
    at: &str,
    actor: &str,
) -> Result<(), StoreError> {
    sqlx::query(
        "insert into entry_version (entry_id, version, name, organization_id, owner, tags, notes, manifest, \
         content_hash, created_at, created_by) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(id)
    .bind(version)
    .bind(&content.name)
    .bind(content.organization_id.as_deref())
    .bind(&content.owner)
    .bind(serde_json::Value::from(content.tags.clone()).to_string())
    .bind(&content.notes)
    .bind(content.manifest.to_string())
    .bind(hash)
    .bind(at)
    .bind(actor)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Inserts a new entry at version 1 and its audit entry; returns the new head.
async fn insert(
    tx: &mut Tx,
    kind: Kind,
    id: Option<String>,
    input: EntryInput,
    actor: &str,
    (seq, head): (i64, String),
) -> Result<(Entry, (i64, String)), StoreError> {
    let content = Content::from_input(input);
    check_organization(tx, kind, &content).await?;
    let id = match id {
        None => format!("{}_{}", kind.prefix(), random_hex(8)?),
        Some(id) => {
            check_id(kind, &id)?;
            let taken = sqlx::query("select 1 from entry where entry_id = $1")
                .bind(&id)
                .fetch_optional(&mut **tx)
                .await?
                .is_some();
            if taken {
                return Err(StoreError::Reference {
                    message: format!("an entry `{id}` exists already"),
                });
            }
            id
        }
    };
    let at = now();
    let hash = content.hash();
    sqlx::query(
        "insert into entry (entry_id, kind, version, deleted, created_at, updated_at) values ($1, $2, 1, 0, $3, $3)",
    )
    .bind(&id)
    .bind(kind.as_str())
    .bind(&at)
    .execute(&mut **tx)
    .await?;
    write_version(tx, &id, 1, &content, &hash, &at, actor).await?;
    let target = format!("{}/{id}", kind.as_str());
    let change = Change {
        at: &at,
        actor,
        action: "create",
        target: &target,
        before: None,
        after: Some(hash.clone()),
    };
    append(tx, seq, &head, change).await?;
    let row = sqlx::query("select entry_hash from audit_head where audit_head_id = 1")
        .fetch_one(&mut **tx)
        .await?;
    let new_head: String = row.try_get("entry_hash")?;
    let entry = Entry {
        id,
        kind,
        version: 1,
        current_version: 1,
        name: content.name,
        organization_id: content.organization_id,
        owner: content.owner,
        tags: content.tags,
        notes: content.notes,
        manifest: content.manifest,
        content_hash: hash,
        created_at: at.clone(),
        updated_at: at,
        updated_by: actor.to_string(),
    };
    Ok((entry, (seq + 1, new_head)))
}

/// An id an entry brings must be its kind's prefix, `_`, and up to 64 letters, digits, `_` or `-` in all.
fn check_id(kind: Kind, id: &str) -> Result<(), StoreError> {
    let well_formed = id.len() <= 64
        && id
            .strip_prefix(kind.prefix())
            .is_some_and(|r| r.starts_with('_'))
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if well_formed {
        Ok(())
    } else {
        Err(StoreError::Reference {
            message: format!(
                "`{id}` is not a {} id: `{}_` and up to 64 letters, digits, `_` or `-`",
                kind.as_str(),
                kind.prefix()
            ),
        })
    }
}

/// `n` groups of `width` placeholders, `($1, $2), ($3, $4)`, numbered from 1.
pub(crate) fn placeholders(n: usize, width: usize) -> String {
    placeholders_with(n, width, |b| {
        let marks: Vec<String> = (1..=width).map(|i| format!("${}", b + i)).collect();
        format!("({})", marks.join(", "))
    })
}

/// `n` groups written by `group` from the number of the parameters before it (`width` a group).
fn placeholders_with(n: usize, width: usize, group: impl Fn(usize) -> String) -> String {
    (0..n)
        .map(|i| group(i * width))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Which of `ids` the query `select entry_id from ... in` finds (its `(...)` list is added, many ids a statement).
async fn existing(
    tx: &mut Tx,
    select: &str,
    ids: &[&str],
) -> Result<std::collections::HashSet<String>, StoreError> {
    let mut found = std::collections::HashSet::new();
    for chunk in ids.chunks(1000) {
        let marks: Vec<String> = (1..=chunk.len()).map(|i| format!("${i}")).collect();
        let sql = format!("{select} ({})", marks.join(", "));
        let mut q = sqlx::query(&sql);
        for id in chunk {
            q = q.bind(*id);
        }
        for row in q.fetch_all(&mut **tx).await? {
            found.insert(row.try_get::<String, _>("entry_id")?);
        }
    }
    Ok(found)
}

fn check_expected(e: &Entry, expected: Option<i64>) -> Result<(), StoreError> {
    match expected {
        Some(v) if v != e.version => Err(StoreError::Stale {
            kind: e.kind.as_str(),
            id: e.id.clone(),
            expected: v,
            current: e.version,
        }),
        _ => Ok(()),
    }
}

impl Store {
    /// Creates an entry at version 1 (audited).
    pub async fn create(
        &self,
        kind: Kind,
        input: EntryInput,
        actor: &str,
    ) -> Result<Entry, StoreError> {
        let (mut tx, seq, head) = self.begin_write().await?;
        let (entry, _) = insert(&mut tx, kind, None, input, actor, (seq, head)).await?;
        tx.commit().await?;
        Ok(entry)
    }

    /// Creates many entries in one transaction (all or none), each audited, in order (organizations before the
    /// subjects that name them). An entry may bring its id (an export read back), which must be free.
    ///
    /// The same rows, audit chain and errors as creating the entries one by one, with few round trips: the ids
    /// given and the organizations named are looked up once (many a statement), every check is made in memory in
    /// the entries' order (so the first entry that fails is the one named), the audit entries are chained in
    /// memory, and the entries, versions and audit entries are written many rows a statement
    /// ([`crate::Backend::rows_per_statement`]). On PostgreSQL, where
    /// every statement is a round trip, this is what makes an import of 100,000 subjects take seconds, not
    /// minutes.
    pub async fn import(
        &self,
        items: Vec<(Kind, Option<String>, EntryInput)>,
        actor: &str,
    ) -> Result<Vec<Entry>, StoreError> {
        let (mut tx, seq, head) = self.begin_write().await?;
        // What the database already holds of the ids given and the organizations named.
        let given: Vec<&str> = items
            .iter()
            .filter_map(|(_, id, _)| id.as_deref())
            .collect();
        let taken = existing(
            &mut tx,
            "select entry_id from entry where entry_id in",
            &given,
        )
        .await?;
        let named: Vec<&str> = items
            .iter()
            .filter_map(|(_, _, i)| i.organization_id.as_deref().filter(|o| !o.is_empty()))
            .collect();
        let organizations = existing(
            &mut tx,
            "select entry_id from entry where kind = 'organization' and deleted = 0 and entry_id in",
            &named,
        )
        .await?;
        let mut taken: std::collections::HashSet<String> = taken;
        let mut organizations: std::collections::HashSet<String> = organizations;

        let mut rows = Vec::with_capacity(items.len());
        let mut audit = Vec::with_capacity(items.len());
        let (mut seq, mut head) = (seq, head);
        for (kind, id, input) in items {
            let content = Content::from_input(input);
            if let Some(org) = &content.organization_id {
                if kind == Kind::Organization {
                    return Err(StoreError::Reference {
                        message: "an organization cannot belong to an organization".into(),
                    });
                }
                if !organizations.contains(org) {
                    return Err(StoreError::Reference {
                        message: format!("no organization `{org}` for `organization_id`"),
                    });
                }
            }
            let id = match id {
                None => format!("{}_{}", kind.prefix(), random_hex(8)?),
                Some(id) => {
                    check_id(kind, &id)?;
                    if taken.contains(&id) {
                        return Err(StoreError::Reference {
                            message: format!("an entry `{id}` exists already"),
                        });
                    }
                    id
                }
            };
            taken.insert(id.clone());
            if kind == Kind::Organization {
                organizations.insert(id.clone());
            }
            let at = now();
            let hash = content.hash();
            let target = format!("{}/{id}", kind.as_str());
            let change = Change {
                at: &at,
                actor,
                action: "create",
                target: &target,
                before: None,
                after: Some(hash.clone()),
            };
            let entry_hash = audit::entry_hash(seq + 1, &change, &head);
            audit.push(audit::Pending {
                seq: seq + 1,
                at: at.clone(),
                action: "create",
                target,
                before: None,
                after: Some(hash.clone()),
                prev: std::mem::replace(&mut head, entry_hash.clone()),
                hash: entry_hash,
            });
            seq += 1;
            rows.push((kind, id, content, hash, at));
        }

        for chunk in rows.chunks(self.backend.rows_per_statement(10)) {
            let sql = format!(
                "insert into entry (entry_id, kind, version, deleted, created_at, updated_at) values {}",
                placeholders_with(chunk.len(), 3, |b| format!(
                    "(${}, ${}, 1, 0, ${}, ${})",
                    b + 1,
                    b + 2,
                    b + 3,
                    b + 3
                ))
            );
            let mut q = sqlx::query(&sql);
            for (kind, id, _, _, at) in chunk {
                q = q.bind(id.as_str()).bind(kind.as_str()).bind(at.as_str());
            }
            q.execute(&mut *tx).await?;

            let sql = format!(
                "insert into entry_version (entry_id, version, name, organization_id, owner, tags, notes, manifest, \
                 content_hash, created_at, created_by) values {}",
                placeholders_with(chunk.len(), 10, |b| format!(
                    "(${}, 1, ${}, ${}, ${}, ${}, ${}, ${}, ${}, ${}, ${})",
                    b + 1,
                    b + 2,
                    b + 3,
                    b + 4,
                    b + 5,
                    b + 6,
                    b + 7,
                    b + 8,
                    b + 9,
                    b + 10
                ))
            );
            let mut q = sqlx::query(&sql);
            for (_, id, content, hash, at) in chunk {
                q = q
                    .bind(id.as_str())
                    .bind(content.name.as_str())
                    .bind(content.organization_id.as_deref())
                    .bind(content.owner.as_str())
                    .bind(serde_json::Value::from(content.tags.clone()).to_string())
                    .bind(content.notes.as_str())
                    .bind(content.manifest.to_string())
                    .bind(hash.as_str())
                    .bind(at.as_str())
                    .bind(actor);
            }
            q.execute(&mut *tx).await?;
        }
        audit::append_many(&mut tx, self.backend, actor, &audit).await?;
        tx.commit().await?;
        Ok(rows
            .into_iter()
            .map(|(kind, id, content, hash, at)| Entry {
                id,
                kind,
                version: 1,
                current_version: 1,
                name: content.name,
                organization_id: content.organization_id,
                owner: content.owner,
                tags: content.tags,
                notes: content.notes,
                manifest: content.manifest,
                content_hash: hash,
                created_at: at.clone(),
                updated_at: at,
                updated_by: actor.to_string(),
            })
            .collect())
    }

    /// An entry at its current version, or at `version`.
    pub async fn get(
        &self,
        kind: Kind,
        id: &str,
        version: Option<i64>,
    ) -> Result<Entry, StoreError> {
        let row = match version {
            None => {
                sqlx::query(&format!(
                    "{SELECT} where e.entry_id = $1 and e.kind = $2 and e.deleted = 0 and v.version = e.version"
                ))
                .bind(id)
                .bind(kind.as_str())
                .fetch_optional(&self.pool)
                .await?
            }
            Some(v) => {
                sqlx::query(&format!(
                    "{SELECT} where e.entry_id = $1 and e.kind = $2 and e.deleted = 0 and v.version = $3"
                ))
                .bind(id)
                .bind(kind.as_str())
                .bind(v)
                .fetch_optional(&self.pool)
                .await?
            }
        };
        match row {
            Some(r) => decode(&r),
            None => Err(StoreError::NotFound {
                kind: kind.as_str(),
                id: id.to_string(),
                version,
            }),
        }
    }

    /// Every version of an entry, oldest first.
    pub async fn history(&self, kind: Kind, id: &str) -> Result<Vec<VersionInfo>, StoreError> {
        self.get(kind, id, None).await?;
        let rows = sqlx::query(
            "select version, content_hash, created_at, created_by from entry_version where entry_id = $1 order by version",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(VersionInfo {
                    version: r.try_get("version")?,
                    content_hash: r.try_get("content_hash")?,
                    created_at: r.try_get("created_at")?,
                    created_by: r.try_get("created_by")?,
                })
            })
            .collect()
    }

    /// One page of the current entries of a kind, by id, after the cursor `after`.
    pub async fn list(
        &self,
        kind: Kind,
        after: Option<&str>,
        limit: i64,
    ) -> Result<Listing, StoreError> {
        let limit = limit.clamp(1, 1000);
        let rows = sqlx::query(&format!(
            "{SELECT} where e.kind = $1 and e.deleted = 0 and v.version = e.version and e.entry_id > $2 \
             order by e.entry_id limit $3"
        ))
        .bind(kind.as_str())
        .bind(after.unwrap_or(""))
        .bind(limit + 1)
        .fetch_all(&self.pool)
        .await?;
        let mut items = rows.iter().map(decode).collect::<Result<Vec<_>, _>>()?;
        let next = if items.len() as i64 > limit {
            items.truncate(limit as usize);
            items.last().map(|e| e.id.clone())
        } else {
            None
        };
        Ok(Listing { items, next })
    }

    /// One page of the current subjects, by id, after `after` (`""`: from the first), at most `limit`: only what a
    /// re-assessment needs, the manifests undecoded. Keyset pagination, so every page costs the same.
    pub async fn subject_rows(
        &self,
        after: &str,
        limit: i64,
    ) -> Result<Vec<SubjectRow>, StoreError> {
        let rows = sqlx::query(
            "select e.entry_id, v.version, v.name, v.organization_id, v.manifest \
             from entry e join entry_version v on v.entry_id = e.entry_id \
             where e.kind = 'subject' and e.deleted = 0 and v.version = e.version and e.entry_id > $1 \
             order by e.entry_id limit $2",
        )
        .bind(after)
        .bind(limit.max(1))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(SubjectRow {
                    id: r.try_get("entry_id")?,
                    version: r.try_get("version")?,
                    name: r.try_get("name")?,
                    organization_id: r.try_get("organization_id")?,
                    manifest: r.try_get("manifest")?,
                })
            })
            .collect()
    }

    /// Every current entry of a kind (for export and the inventory view), by id.
    pub async fn all(&self, kind: Kind) -> Result<Vec<Entry>, StoreError> {
        let mut out = Vec::new();
        let mut after: Option<String> = None;
        loop {
            let page = self.list(kind, after.as_deref(), 1000).await?;
            out.extend(page.items);
            match page.next {
                Some(n) => after = Some(n),
                None => return Ok(out),
            }
        }
    }

    /// Changes an entry, writing a new version (audited). `expected` is the version the caller read (from the
    /// ETag); a different current version refuses the change with [`StoreError::Stale`]. `None` accepts any
    /// (`If-Match: *`).
    pub async fn update(
        &self,
        kind: Kind,
        id: &str,
        expected: Option<i64>,
        patch: EntryPatch,
        actor: &str,
    ) -> Result<Entry, StoreError> {
        let (mut tx, seq, head) = self.begin_write().await?;
        let old = current(&mut tx, kind, id).await?;
        check_expected(&old, expected)?;
        let before = old.content_hash.clone();
        let mut content = Content::from_entry(&old);
        if let Some(n) = patch.name {
            content.name = n;
        }
        if let Some(o) = patch.organization_id {
            content.organization_id = Some(o).filter(|o| !o.is_empty());
        }
        if let Some(o) = patch.owner {
            content.owner = o;
        }
        if let Some(t) = patch.tags {
            content.tags = t;
        }
        if let Some(n) = patch.notes {
            content.notes = n;
        }
        if let Some(m) = patch.manifest {
            content.manifest = m;
        }
        check_organization(&mut tx, kind, &content).await?;
        let version = old.version + 1;
        let hash = content.hash();
        let at = now();
        write_version(&mut tx, id, version, &content, &hash, &at, actor).await?;
        sqlx::query("update entry set version = $1, updated_at = $2 where entry_id = $3")
            .bind(version)
            .bind(&at)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        let target = format!("{}/{id}", kind.as_str());
        let change = Change {
            at: &at,
            actor,
            action: "update",
            target: &target,
            before: Some(before),
            after: Some(hash.clone()),
        };
        append(&mut tx, seq, &head, change).await?;
        tx.commit().await?;
        Ok(Entry {
            version,
            current_version: version,
            name: content.name,
            organization_id: content.organization_id,
            owner: content.owner,
            tags: content.tags,
            notes: content.notes,
            manifest: content.manifest,
            content_hash: hash,
            updated_at: at,
            updated_by: actor.to_string(),
            ..old
        })
    }

    /// Deletes an entry (audited): it disappears from reads and lists; its versions are kept for the record.
    pub async fn delete(
        &self,
        kind: Kind,
        id: &str,
        expected: Option<i64>,
        actor: &str,
    ) -> Result<(), StoreError> {
        let (mut tx, seq, head) = self.begin_write().await?;
        let old = current(&mut tx, kind, id).await?;
        check_expected(&old, expected)?;
        if kind == Kind::Organization {
            let row = sqlx::query(
                "select count(*) as n from entry e join entry_version v on v.entry_id = e.entry_id \
                 where e.deleted = 0 and v.version = e.version and v.organization_id = $1",
            )
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
            let n: i64 = row.try_get("n")?;
            if n > 0 {
                return Err(StoreError::Reference {
                    message: format!("organization `{id}` still has {n} subject(s)"),
                });
            }
        }
        let at = now();
        sqlx::query("update entry set deleted = 1, updated_at = $1 where entry_id = $2")
            .bind(&at)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        let target = format!("{}/{id}", kind.as_str());
        let change = Change {
            at: &at,
            actor,
            action: "delete",
            target: &target,
            before: Some(old.content_hash),
            after: None,
        };
        append(&mut tx, seq, &head, change).await?;
        tx.commit().await?;
        Ok(())
    }
}
