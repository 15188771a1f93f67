//! The operations over the inventory as stored (aigov-store) that every front end runs the same way: reading the
//! subjects completed with their organizations' facts, and re-assessing the whole inventory against its recorded
//! answers. The service (aigov-api, aigov-web) and the CLI (`aigov inventory ...`) call these; the assessing
//! itself is [`crate::inventory`] and [`crate::reassess`], which do no I/O.

use crate::inventory::Subject;
use crate::reassess::{self, Answer, ReassessAnswer, Reassessment, Recorded};
use crate::request;
use aigov_core::{Date, Engine};
use aigov_store::{AnswerDigest, Entry, Kind, Store, StoreError};
use std::collections::{HashMap, HashSet};

/// Every current organization's manifest, by id.
pub async fn organizations(
    store: &Store,
) -> Result<HashMap<String, serde_json::Value>, StoreError> {
    Ok(store
        .all(Kind::Organization)
        .await?
        .into_iter()
        .map(|o| (o.id, o.manifest))
        .collect())
}

/// A stored subject, its manifest completed with its organization's facts (looked up in `organizations`, see
/// [`organizations`]); the manifest is moved, not copied.
pub fn subject(e: Entry, organizations: &HashMap<String, serde_json::Value>) -> Subject {
    let org = e
        .organization_id
        .as_ref()
        .and_then(|o| organizations.get(o));
    Subject {
        manifest: request::into_with_organization(e.manifest, org),
        id: e.id,
        name: e.name,
        version: e.version,
    }
}

/// Every current subject, by id, completed with its organization's current facts: two reads of the store
/// (organizations, then subjects a page at a time) and one lookup per subject, whatever the inventory's size.
pub async fn subjects(store: &Store) -> Result<Vec<Subject>, StoreError> {
    let orgs = organizations(store).await?;
    Ok(store
        .all(Kind::Subject)
        .await?
        .into_iter()
        .map(|e| subject(e, &orgs))
        .collect())
}

/// What a re-assessment reads from the store.
#[derive(Debug, Clone)]
pub struct ReassessInput {
    /// Every current subject, completed.
    pub subjects: Vec<Subject>,
    /// Their recorded answers (a row that cannot be read back, which it never should, counts as none: the
    /// subject is assessed anew).
    pub recorded: Vec<Recorded>,
    /// The subject ids of every recorded row, readable or not (to drop the rows of deleted subjects).
    pub recorded_ids: Vec<String>,
}

/// Reads the subjects and their recorded answers.
pub async fn reassess_input(store: &Store) -> Result<ReassessInput, StoreError> {
    let subjects = subjects(store).await?;
    let digests = store.answer_digests().await?;
    let recorded_ids = digests.iter().map(|d| d.subject_id.clone()).collect();
    let recorded = digests
        .into_iter()
        .filter_map(|d| {
            Some(Recorded {
                as_of: d.as_of.parse().ok()?,
                answer: Answer::from_json(&d.statuses)?,
                subject_id: d.subject_id,
                fingerprint: d.fingerprint,
                version: d.version,
            })
        })
        .collect();
    Ok(ReassessInput {
        subjects,
        recorded,
        recorded_ids,
    })
}

/// Re-assesses what [`reassess_input`] read under `engine` (whose corpus has `fingerprint`), as of `as_of`:
/// seconds of CPU on every core for a large inventory (an async caller runs it off its workers).
pub fn reassess(
    engine: &Engine,
    fingerprint: &str,
    input: &ReassessInput,
    as_of: Date,
) -> Reassessment {
    reassess::reassess(engine, fingerprint, &input.subjects, &input.recorded, as_of)
}

/// Records the new answers of a re-assessment, writing only what differs from what was recorded: the answers of
/// new subjects, new versions and changed answers; the rows of deleted subjects are dropped; every other row only
/// moves to the new corpus fingerprint and date (one statement).
pub async fn record(
    store: &Store,
    input: &ReassessInput,
    r: &Reassessment,
) -> Result<(), StoreError> {
    let before: HashMap<&str, &Recorded> = input
        .recorded
        .iter()
        .map(|x| (x.subject_id.as_str(), x))
        .collect();
    let changed: Vec<AnswerDigest> = r
        .record
        .iter()
        .filter(|x| {
            before
                .get(x.subject_id.as_str())
                .is_none_or(|b| b.version != x.version || b.answer != x.answer)
        })
        .map(|x| AnswerDigest {
            subject_id: x.subject_id.clone(),
            fingerprint: x.fingerprint.clone(),
            as_of: x.as_of.to_string(),
            version: x.version,
            statuses: x.answer.to_json(),
        })
        .collect();
    let current: HashSet<&str> = r.record.iter().map(|x| x.subject_id.as_str()).collect();
    let removed: Vec<String> = input
        .recorded_ids
        .iter()
        .filter(|id| !current.contains(id.as_str()))
        .cloned()
        .collect();
    store
        .save_answer_digests(
            &r.answer.corpus_after,
            &r.answer.as_of.to_string(),
            &changed,
            &removed,
        )
        .await
}

/// The whole re-assessment of the stored inventory: read, re-assess (on the calling thread), record; for a
/// front end whose thread may wait (the CLI). Returns which subjects' answers changed.
pub async fn reassess_stored(
    store: &Store,
    engine: &Engine,
    fingerprint: &str,
    as_of: Date,
) -> Result<ReassessAnswer, StoreError> {
    let input = reassess_input(store).await?;
    let r = reassess(engine, fingerprint, &input, as_of);
    record(store, &input, &r).await?;
    Ok(r.answer)
}
