//! Each subject's last recorded answer (the statuses of its rules under one corpus, as of one date), kept so that
//! a re-assessment under a changed corpus can say which subjects' answers changed and how. The rows are derived
//! data, not a change to the inventory: writing them appends no audit entry.

use crate::{now, Backend, Store, StoreError};
use sqlx::any::AnyRow;
use sqlx::Row;

/// One subject's recorded answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerDigest {
    /// The subject's id.
    pub subject_id: String,
    /// The fingerprint of the corpus the answer was computed under.
    pub fingerprint: String,
    /// The date it was computed as of (YYYY-MM-DD).
    pub as_of: String,
    /// The subject's version assessed.
    pub version: i64,
    /// The statuses, as compact JSON (the caller's format).
    pub statuses: String,
}

impl Store {
    /// Every recorded answer, by subject id.
    pub async fn answer_digests(&self) -> Result<Vec<AnswerDigest>, StoreError> {
        let rows: Vec<AnyRow> = sqlx::query(
            "select subject_id, fingerprint, as_of, version, statuses from answer_digest order by subject_id",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(digest).collect()
    }

    /// The recorded answers of the subject ids after `after` and up to `upto` included (`None`: to the last), by
    /// subject id, at most `limit`: the rows that go with one page of [`Store::subject_rows`], which a paged
    /// re-assessment reads beside it.
    pub async fn answer_digests_in(
        &self,
        after: &str,
        upto: Option<&str>,
        limit: i64,
    ) -> Result<Vec<AnswerDigest>, StoreError> {
        const COLUMNS: &str =
            "select subject_id, fingerprint, as_of, version, statuses from answer_digest";
        let rows: Vec<AnyRow> = match upto {
            Some(upto) => {
                sqlx::query(&format!(
                "{COLUMNS} where subject_id > $1 and subject_id <= $2 order by subject_id limit $3"
            ))
                .bind(after)
                .bind(upto)
                .bind(limit.max(1))
                .fetch_all(&self.pool)
                .await?
            }
            None => {
                sqlx::query(&format!(
                    "{COLUMNS} where subject_id > $1 order by subject_id limit $2"
                ))
                .bind(after)
                .bind(limit.max(1))
                .fetch_all(&self.pool)
                .await?
            }
        };
        rows.iter().map(digest).collect()
    }

    /// Starts recording a re-assessment page by page, in one transaction (all or nothing): see
    /// [`AnswerRecorder`].
    pub async fn answer_recorder(&self) -> Result<AnswerRecorder, StoreError> {
        Ok(AnswerRecorder {
            tx: self.begin_digests().await?,
            backend: self.backend,
            at: now(),
        })
    }

    /// The fingerprints the recorded answers were computed under, distinct and sorted (empty: none recorded).
    pub async fn answer_fingerprints(&self) -> Result<Vec<String>, StoreError> {
        let rows: Vec<AnyRow> =
            sqlx::query("select distinct fingerprint from answer_digest order by fingerprint")
                .fetch_all(&self.pool)
                .await?;
        rows.iter().map(|r| Ok(r.try_get("fingerprint")?)).collect()
    }

    /// Replaces the recorded answers with `digests` in one transaction (the answers of subjects since deleted
    /// are dropped with the rest).
    pub async fn record_answer_digests(&self, digests: &[AnswerDigest]) -> Result<(), StoreError> {
        let mut tx = self.begin_digests().await?;
        sqlx::query("delete from answer_digest")
            .execute(&mut *tx)
            .await?;
        upsert(&mut tx, self.backend, digests, &now()).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records a re-assessment that computed every subject's answer under `fingerprint` as of `as_of`, writing
    /// only what differs, in one transaction: the rows of `removed` subjects are deleted; every other row is
    /// moved to `fingerprint` and `as_of` by one statement (its answer was found the same); the rows of
    /// `changed` (a new subject, another version, another answer) are inserted or replaced, many rows a
    /// statement. A re-assessment where nothing changed therefore writes one statement, not one per subject.
    pub async fn save_answer_digests(
        &self,
        fingerprint: &str,
        as_of: &str,
        changed: &[AnswerDigest],
        removed: &[String],
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_digests().await?;
        delete(&mut tx, self.backend, removed).await?;
        let at = now();
        move_all(&mut tx, fingerprint, as_of, &at).await?;
        upsert(&mut tx, self.backend, changed, &at).await?;
        tx.commit().await?;
        Ok(())
    }

    /// A write transaction for the recorded answers (on SQLite the writer is chosen up front, as for every other
    /// write).
    async fn begin_digests(&self) -> Result<sqlx::Transaction<'static, sqlx::Any>, StoreError> {
        Ok(match self.backend {
            Backend::Sqlite => self.pool.begin_with("begin immediate").await?,
            Backend::Postgres => self.pool.begin().await?,
        })
    }
}

fn digest(r: &AnyRow) -> Result<AnswerDigest, StoreError> {
    Ok(AnswerDigest {
        subject_id: r.try_get("subject_id")?,
        fingerprint: r.try_get("fingerprint")?,
        as_of: r.try_get("as_of")?,
        version: r.try_get("version")?,
        statuses: r.try_get("statuses")?,
    })
}

/// A re-assessment's answers being recorded page by page, in one transaction, so that a run that fails half-way
/// records nothing (and the next run reports every change again). Each page writes only what differs
/// ([`AnswerRecorder::page`]); [`AnswerRecorder::finish`] drops the rows of the subjects after the last page (since
/// deleted) and moves every other row to the new corpus fingerprint and date in one statement, then commits.
/// Until then the recorded answers are unchanged for every other reader. On SQLite the transaction holds the
/// database's one write lock for the whole run, so other writes wait for it (up to the busy timeout).
pub struct AnswerRecorder {
    tx: sqlx::Transaction<'static, sqlx::Any>,
    backend: Backend,
    at: String,
}

impl std::fmt::Debug for AnswerRecorder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AnswerRecorder")
            .field("at", &self.at)
            .finish_non_exhaustive()
    }
}

impl AnswerRecorder {
    /// Writes one page: the rows of `changed` (a new subject, another version, another answer) are inserted or
    /// replaced, many rows a statement; the rows of `removed` subjects are deleted.
    pub async fn page(
        &mut self,
        changed: &[AnswerDigest],
        removed: &[String],
    ) -> Result<(), StoreError> {
        delete(&mut self.tx, self.backend, removed).await?;
        upsert(&mut self.tx, self.backend, changed, &self.at).await
    }

    /// Deletes the rows of subject ids after `last` (`""`: every row; the inventory has no subject), moves every
    /// other row to `fingerprint` and `as_of`, and commits.
    pub async fn finish(
        mut self,
        fingerprint: &str,
        as_of: &str,
        last: &str,
    ) -> Result<(), StoreError> {
        sqlx::query("delete from answer_digest where subject_id > $1")
            .bind(last)
            .execute(&mut *self.tx)
            .await?;
        move_all(&mut self.tx, fingerprint, as_of, &self.at).await?;
        self.tx.commit().await?;
        Ok(())
    }
}

/// Deletes the rows of `ids`, many a statement.
async fn delete(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    backend: Backend,
    ids: &[String],
) -> Result<(), StoreError> {
    for ids in ids.chunks(backend.rows_per_statement(1)) {
        let marks: Vec<String> = (1..=ids.len()).map(|i| format!("${i}")).collect();
        let sql = format!(
            "delete from answer_digest where subject_id in ({})",
            marks.join(", ")
        );
        let mut q = sqlx::query(&sql);
        for id in ids {
            q = q.bind(id);
        }
        q.execute(&mut **tx).await?;
    }
    Ok(())
}

/// Moves every row not yet under `fingerprint` as of `as_of` there (one statement).
async fn move_all(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    fingerprint: &str,
    as_of: &str,
    at: &str,
) -> Result<(), StoreError> {
    sqlx::query(
        "update answer_digest set fingerprint = $1, as_of = $2, recorded_at = $3 \
         where fingerprint <> $4 or as_of <> $5",
    )
    .bind(fingerprint)
    .bind(as_of)
    .bind(at)
    .bind(fingerprint)
    .bind(as_of)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Inserts or replaces `digests`, recorded at `at`, many rows a statement.
async fn upsert(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    backend: Backend,
    digests: &[AnswerDigest],
    at: &str,
) -> Result<(), StoreError> {
    for rows in digests.chunks(backend.rows_per_statement(6)) {
        let values: Vec<String> = (0..rows.len())
            .map(|i| {
                let b = i * 6;
                format!(
                    "(${}, ${}, ${}, ${}, ${}, ${})",
                    b + 1,
                    b + 2,
                    b + 3,
                    b + 4,
                    b + 5,
                    b + 6
                )
            })
            .collect();
        let sql = format!(
            "insert into answer_digest (subject_id, fingerprint, as_of, version, statuses, recorded_at) \
             values {} on conflict (subject_id) do update set fingerprint = excluded.fingerprint, \
             as_of = excluded.as_of, version = excluded.version, statuses = excluded.statuses, \
             recorded_at = excluded.recorded_at",
            values.join(", ")
        );
        let mut q = sqlx::query(&sql);
        for d in rows {
            q = q
                .bind(&d.subject_id)
                .bind(&d.fingerprint)
                .bind(&d.as_of)
                .bind(d.version)
                .bind(&d.statuses)
                .bind(at);
        }
        q.execute(&mut **tx).await?;
    }
    Ok(())
}
