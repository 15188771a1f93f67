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
        rows.iter()
            .map(|r| {
                Ok(AnswerDigest {
                    subject_id: r.try_get("subject_id")?,
                    fingerprint: r.try_get("fingerprint")?,
                    as_of: r.try_get("as_of")?,
                    version: r.try_get("version")?,
                    statuses: r.try_get("statuses")?,
                })
            })
            .collect()
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
        // On SQLite the writer is chosen up front, as for every other write.
        let mut tx = match self.backend {
            Backend::Sqlite => self.pool.begin_with("begin immediate").await?,
            Backend::Postgres => self.pool.begin().await?,
        };
        sqlx::query("delete from answer_digest")
            .execute(&mut *tx)
            .await?;
        let at = now();
        for d in digests {
            sqlx::query(
                "insert into answer_digest (subject_id, fingerprint, as_of, version, statuses, recorded_at) \
                 values ($1, $2, $3, $4, $5, $6)",
            )
            .bind(&d.subject_id)
            .bind(&d.fingerprint)
            .bind(&d.as_of)
            .bind(d.version)
            .bind(&d.statuses)
            .bind(&at)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}
