//! The audit log: one entry per change, each carrying the hash of the entry before it, so that editing or
//! deleting a row breaks the chain where it happened. `audit_head` holds the last sequence number and hash; it
//! catches the removal of the newest entries, which no later link could reveal.

use crate::{sha256_hex, Store, StoreError};
use sqlx::Row;

/// The hash before the first entry.
pub(crate) const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One change, as the writer describes it.
pub(crate) struct Change<'a> {
    pub at: &'a str,
    pub actor: &'a str,
    pub action: &'a str,
    pub target: &'a str,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// One entry of the audit log.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditEntry {
    /// Its place in the chain, from 1.
    pub seq: i64,
    /// When (RFC 3339, UTC).
    pub at: String,
    /// Who: the token's name and id, or `cli` for local commands.
    pub actor: String,
    /// What: `create`, `update`, `delete`, `token.create`, `token.revoke`.
    pub action: String,
    /// On what: `subject/<id>`, `organization/<id>`, `token/<id>`.
    pub target: String,
    /// The content hash before the change.
    pub hash_before: Option<String>,
    /// The content hash after the change.
    pub hash_after: Option<String>,
    /// The hash of the previous entry.
    pub prev_hash: String,
    /// The hash of this entry (over every field above).
    pub entry_hash: String,
}

/// The result of walking the chain.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Verification {
    /// Entries read.
    pub entries: i64,
    /// The first broken link, if any.
    pub broken: Option<Broken>,
}

/// Where the chain breaks and why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Broken {
    /// The sequence number of the first entry that does not fit.
    pub seq: i64,
    /// Why.
    pub reason: String,
}

pub(crate) fn entry_hash(seq: i64, c: &Change<'_>, prev: &str) -> String {
    let canonical =
        serde_json::json!([seq, c.at, c.actor, c.action, c.target, c.before, c.after, prev]);
    sha256_hex(canonical.to_string().as_bytes())
}

/// Appends an entry after the head `(seq, head)` read under the lock of [`Store::begin_write`].
pub(crate) async fn append(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    seq: i64,
    head: &str,
    c: Change<'_>,
) -> Result<(), StoreError> {
    let next = seq + 1;
    let hash = entry_hash(next, &c, head);
    sqlx::query(
        "insert into audit_entry (audit_entry_id, at, actor, action, target, hash_before, hash_after, prev_hash, entry_hash) \
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(next)
    .bind(c.at)
    .bind(c.actor)
    .bind(c.action)
    .bind(c.target)
    .bind(c.before.as_deref())
    .bind(c.after.as_deref())
    .bind(head)
    .bind(&hash)
    .execute(&mut **tx)
    .await?;
    sqlx::query("update audit_head set seq = $1, entry_hash = $2 where audit_head_id = 1")
        .bind(next)
        .bind(&hash)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// An audit entry whose hash was computed ([`entry_hash`]) and which is yet to be written by [`append_many`].
pub(crate) struct Pending {
    pub seq: i64,
    pub at: String,
    pub action: &'static str,
    pub target: String,
    pub before: Option<String>,
    pub after: Option<String>,
    pub prev: String,
    pub hash: String,
}

/// Writes audit entries already chained in memory (each `prev` the hash of the one before, the first after the head
/// read under the lock), many rows a statement, then moves the head to the last one: the same rows [`append`]
/// writes one at a time.
pub(crate) async fn append_many(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    backend: crate::Backend,
    actor: &str,
    entries: &[Pending],
) -> Result<(), StoreError> {
    for rows in entries.chunks(backend.rows_per_statement(9)) {
        let sql = format!(
            "insert into audit_entry (audit_entry_id, at, actor, action, target, hash_before, hash_after, prev_hash, \
             entry_hash) values {}",
            crate::entry::placeholders(rows.len(), 9)
        );
        let mut q = sqlx::query(&sql);
        for e in rows {
            q = q
                .bind(e.seq)
                .bind(e.at.as_str())
                .bind(actor)
                .bind(e.action)
                .bind(e.target.as_str())
                .bind(e.before.as_deref())
                .bind(e.after.as_deref())
                .bind(e.prev.as_str())
                .bind(e.hash.as_str());
        }
        q.execute(&mut **tx).await?;
    }
    if let Some(last) = entries.last() {
        sqlx::query("update audit_head set seq = $1, entry_hash = $2 where audit_head_id = 1")
            .bind(last.seq)
            .bind(&last.hash)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

fn decode(row: &sqlx::any::AnyRow) -> Result<AuditEntry, StoreError> {
    Ok(AuditEntry {
        seq: row.try_get("audit_entry_id")?,
        at: row.try_get("at")?,
        actor: row.try_get("actor")?,
        action: row.try_get("action")?,
        target: row.try_get("target")?,
        hash_before: row.try_get("hash_before")?,
        hash_after: row.try_get("hash_after")?,
        prev_hash: row.try_get("prev_hash")?,
        entry_hash: row.try_get("entry_hash")?,
    })
}

const COLUMNS: &str =
    "audit_entry_id, at, actor, action, target, hash_before, hash_after, prev_hash, entry_hash";

impl Store {
    /// Audit entries after sequence number `after`, oldest first, at most `limit`.
    pub async fn audit_entries(
        &self,
        after: i64,
        limit: i64,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        let rows = sqlx::query(&format!(
            "select {COLUMNS} from audit_entry where audit_entry_id > $1 order by audit_entry_id limit $2"
        ))
        .bind(after)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(decode).collect()
    }

    /// Walks the whole chain in pages and reports the first broken link: a gap in the sequence (a deleted
    /// entry), an entry whose recorded previous hash differs from the previous entry's hash, an entry whose
    /// content no longer gives its hash (an edited entry), or a head that does not match the last entry.
    pub async fn audit_verify(&self) -> Result<Verification, StoreError> {
        let mut expected_seq = 1;
        let mut prev = GENESIS.to_string();
        let mut after = 0;
        loop {
            let page = self.audit_entries(after, 1000).await?;
            let Some(last) = page.last() else { break };
            after = last.seq;
            for e in &page {
                let broken = |why: String| {
                    Ok(Verification {
                        entries: e.seq,
                        broken: Some(Broken {
                            seq: e.seq,
                            reason: why,
                        }),
                    })
                };
                if e.seq != expected_seq {
                    return broken(format!(
                        "entry {expected_seq} is missing (the next entry is {}): an entry was deleted",
                        e.seq
                    ));
                }
                if e.prev_hash != prev {
                    return broken(format!(
                        "entry {} does not carry the hash of entry {}: an entry was replaced or changed",
                        e.seq,
                        e.seq - 1
                    ));
                }
                let change = Change {
                    at: &e.at,
                    actor: &e.actor,
                    action: &e.action,
                    target: &e.target,
                    before: e.hash_before.clone(),
                    after: e.hash_after.clone(),
                };
                let hash = entry_hash(e.seq, &change, &e.prev_hash);
                if hash != e.entry_hash {
                    return broken(format!(
                        "entry {} was changed after it was written: its content no longer gives its hash",
                        e.seq
                    ));
                }
                prev = hash;
                expected_seq += 1;
            }
        }
        let entries = expected_seq - 1;
        let row = sqlx::query("select seq, entry_hash from audit_head where audit_head_id = 1")
            .fetch_one(&self.pool)
            .await?;
        let head_seq: i64 = row.try_get("seq")?;
        let head_hash: String = row.try_get("entry_hash")?;
        if head_seq != entries || head_hash != prev {
            return Ok(Verification {
                entries,
                broken: Some(Broken {
                    seq: head_seq.max(entries),
                    reason: format!(
                        "the chain ends at entry {entries} but the head records entry {head_seq}: the newest entries were deleted or the head was changed"
                    ),
                }),
            });
        }
        Ok(Verification {
            entries,
            broken: None,
        })
    }
}
