//! The operations over the inventory as stored (aigov-store) that every front end runs the same way: reading the
//! subjects completed with their organizations' facts, and re-assessing the whole inventory against its recorded
//! answers. The service (aigov-api, aigov-web) and the CLI (`aigov inventory ...`) call these; the assessing
//! itself is [`crate::inventory`] and [`crate::reassess`], which do no I/O.

use crate::inventory::Subject;
use crate::reassess::{self, Answer, ReassessAnswer, Recorded, Tally};
use crate::request;
use aigov_core::{Date, Engine};
use aigov_store::{AnswerDigest, Entry, Kind, Store, StoreError, SubjectRow};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

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

/// Subjects a page of a re-assessment reads, decodes and assesses at once ([`reassess_stored`]): memory stays
/// at a few pages (one assessed, the next read, the previous one's differing rows written), whatever the
/// inventory's size.
pub const PAGE: usize = 10_000;

/// Why a re-assessment of the stored inventory failed.
#[derive(Debug, thiserror::Error)]
pub enum ReassessError {
    /// The store failed (nothing was recorded).
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The work was cancelled before it finished (the runtime is shutting down; nothing was recorded).
    #[error("the re-assessment was cancelled: {0}")]
    Cancelled(String),
}

/// One page as read from the store: the subjects (manifests undecoded) and the recorded answers of the ids up to
/// the page's last.
struct Read {
    rows: Vec<SubjectRow>,
    digests: Vec<AnswerDigest>,
}

async fn read_page(store: &Store, after: &str, page: usize) -> Result<Read, StoreError> {
    let limit = i64::try_from(page).unwrap_or(i64::MAX);
    let rows = store.subject_rows(after, limit).await?;
    let digests = match rows.last() {
        // Every recorded id in (after, last]: this page's subjects, and any deleted ones between them.
        Some(last) => {
            store
                .answer_digests_in(after, Some(&last.id), i64::MAX)
                .await?
        }
        None => Vec::new(),
    };
    Ok(Read { rows, digests })
}

/// What one page's assessment keeps: each subject's outcome, the rows to write and the rows to delete.
struct Done {
    outcomes: Vec<reassess::Outcome>,
    recorded: Vec<Recorded>,
    write: Vec<AnswerDigest>,
    removed: Vec<String>,
}

/// A recorded row as the comparison reads it (`None`: unreadable, which it never should be; the subject is then
/// assessed anew).
fn recorded(d: &AnswerDigest) -> Option<Recorded> {
    Some(Recorded {
        as_of: d.as_of.parse().ok()?,
        answer: Answer::from_json(&d.statuses)?,
        subject_id: d.subject_id.clone(),
        fingerprint: d.fingerprint.clone(),
        version: d.version,
    })
}

/// Decodes, completes and re-assesses one page on every core; keeps only the outcomes and the rows that differ
/// from what was recorded.
fn assess_page(
    engine: &Engine,
    organizations: &HashMap<String, serde_json::Value>,
    fingerprint: &str,
    read: Read,
    as_of: Date,
) -> Result<Done, StoreError> {
    let before: HashMap<&str, Recorded> = read
        .digests
        .iter()
        .filter_map(|d| Some((d.subject_id.as_str(), recorded(d)?)))
        .collect();
    let ids: HashSet<&str> = read.rows.iter().map(|r| r.id.as_str()).collect();
    let removed = read
        .digests
        .iter()
        .filter(|d| !ids.contains(d.subject_id.as_str()))
        .map(|d| d.subject_id.clone())
        .collect();
    let results = crate::inventory::par_map(&read.rows, |row| {
        let manifest: serde_json::Value =
            serde_json::from_str(&row.manifest).map_err(|e| StoreError::Corrupt {
                message: format!("manifest of `{}`: {e}", row.id),
            })?;
        let org = row
            .organization_id
            .as_ref()
            .and_then(|o| organizations.get(o));
        let s = Subject {
            manifest: request::into_with_organization(manifest, org),
            id: row.id.clone(),
            name: row.name.clone(),
            version: row.version,
        };
        let b = before.get(row.id.as_str());
        let (now, outcome) = reassess::one(engine, fingerprint, &s, b, as_of);
        // Written only when it differs from the row (the others move to the new corpus and date at the end).
        let write = b
            .is_none_or(|b| b.version != now.version || b.answer != now.answer)
            .then(|| AnswerDigest {
                subject_id: now.subject_id.clone(),
                fingerprint: now.fingerprint.clone(),
                as_of: now.as_of.to_string(),
                version: now.version,
                statuses: now.answer.to_json(),
            });
        Ok::<_, StoreError>((outcome, write))
    });
    let mut done = Done {
        outcomes: Vec::with_capacity(results.len()),
        recorded: before.into_values().collect(),
        write: Vec::new(),
        removed,
    };
    for r in results {
        let (outcome, write) = r?;
        done.outcomes.push(outcome);
        done.write.extend(write);
    }
    Ok(done)
}

/// Re-assesses the whole stored inventory under `engine` (whose corpus has `fingerprint`) as of `as_of`, and
/// records the new answers; returns which subjects' answers changed. Each subject with a recorded answer is
/// compared with it as of that answer's date (see [`crate::reassess`]).
///
/// The inventory is read `page` subjects at a time (keyset pagination by id; [`PAGE`] in the front ends), each
/// page decoded and assessed on every core off the async workers while the next page is read and the previous
/// one's rows are written, and only its outcomes and the rows that differ are kept: memory stays at a few pages,
/// whatever the inventory's size.
/// Recording is one transaction over every page ([`aigov_store::AnswerRecorder`]): all or nothing, writing only
/// what differs. The report is the same as assessing every subject at once ([`crate::reassess::reassess`]).
/// Needs a tokio runtime (both front ends have one).
pub async fn reassess_stored(
    store: &Store,
    engine: Arc<Engine>,
    fingerprint: &str,
    as_of: Date,
    page: usize,
) -> Result<ReassessAnswer, ReassessError> {
    let page = page.max(1);
    let organizations = Arc::new(organizations(store).await?);
    let fp: Arc<str> = Arc::from(fingerprint);
    let mut recorder = store.answer_recorder().await?;
    let mut tally = Tally::default();
    let mut last = String::new();
    let mut next = read_page(store, "", page).await?;
    // A pipeline over the pages: page k is assessed (on every core) while page k + 1 is read and page k - 1's
    // rows are written.
    let mut unwritten: Option<(Vec<AnswerDigest>, Vec<String>)> = None;
    while !next.rows.is_empty() {
        let read = next;
        let full = read.rows.len() == page;
        last = read.rows.last().map(|r| r.id.clone()).unwrap_or_default();
        let (engine, organizations, fp) = (engine.clone(), organizations.clone(), fp.clone());
        let work = tokio::task::spawn_blocking(move || {
            assess_page(&engine, &organizations, &fp, read, as_of)
        });
        let reading = async {
            if full {
                read_page(store, &last, page).await
            } else {
                Ok(Read {
                    rows: Vec::new(),
                    digests: Vec::new(),
                })
            }
        };
        let writing = async {
            match unwritten.take() {
                Some((write, removed)) => recorder.page(&write, &removed).await,
                None => Ok(()),
            }
        };
        let (done, read, written) = tokio::join!(work, reading, writing);
        let done = match done {
            Ok(d) => d?,
            Err(e) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
            Err(e) => return Err(ReassessError::Cancelled(e.to_string())),
        };
        written?;
        next = read?;
        for r in &done.recorded {
            tally.recorded(r);
        }
        for o in done.outcomes {
            tally.add(o);
        }
        unwritten = Some((done.write, done.removed));
    }
    if let Some((write, removed)) = unwritten {
        recorder.page(&write, &removed).await?;
    }
    // The recorded answers after the last subject (deleted subjects): their corpora count as recorded before;
    // `finish` drops them.
    let mut after = last.clone();
    loop {
        let tail = store
            .answer_digests_in(&after, None, i64::try_from(page).unwrap_or(i64::MAX))
            .await?;
        let Some(l) = tail.last() else { break };
        after = l.subject_id.clone();
        for r in tail.iter().filter_map(recorded) {
            tally.recorded(&r);
        }
    }
    recorder
        .finish(fingerprint, &as_of.to_string(), &last)
        .await?;
    Ok(tally.finish(fingerprint, as_of))
}

#[cfg(test)]
mod tests {
    use super::*;
    use aigov_store::EntryInput;
    use serde_json::json;
    use std::path::{Path, PathBuf};

    const MINI: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../corpus/tests/fixtures/mini");

    fn copy_dir(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for e in std::fs::read_dir(from).unwrap() {
            let e = e.unwrap();
            let target = to.join(e.file_name());
            if e.file_type().unwrap().is_dir() {
                copy_dir(&e.path(), &target);
            } else {
                std::fs::copy(e.path(), target).unwrap();
            }
        }
    }

    fn input(manifest: serde_json::Value, organization_id: Option<&str>) -> EntryInput {
        EntryInput {
            name: None,
            organization_id: organization_id.map(str::to_string),
            owner: String::new(),
            tags: Vec::new(),
            notes: String::new(),
            manifest,
        }
    }

    /// A subject in XX (whose prohibitions the edited corpus moves to 2027, so its answer changes) or in
    /// US-CA (untouched); every third one takes its organization's facts from the organization entry.
    fn subject(i: usize) -> (Kind, Option<String>, EntryInput) {
        let place = if i % 2 == 0 { "XX" } else { "US-CA" };
        let mut manifest = json!({
            "subject": "ai_system",
            "name": format!("system {i}"),
            "ai_system": { "roles": ["provider"], "used_in": [place], "uses": ["recruitment"] }
        });
        let org = if i % 3 == 0 {
            Some("org_home")
        } else {
            manifest["organization"] = json!({ "established_in": [place], "employees": 500 });
            None
        };
        (
            Kind::Subject,
            Some(format!("sub_t{i:02}")),
            input(manifest, org),
        )
    }

    /// The answers recorded in the store, as the comparison reads them.
    async fn recorded_in(store: &Store) -> Vec<Recorded> {
        let digests = store.answer_digests().await.unwrap();
        digests.iter().map(|d| recorded(d).unwrap()).collect()
    }

    /// An inventory of 20 subjects re-assessed in pages of 7 (three pages), with subjects deleted inside a
    /// page's range and after the last subject, one added and one edited since the answers were recorded: the
    /// answer is exactly the one of assessing every subject at once, every subject is counted once, the changed
    /// ones are reported, and the recorded rows are exactly those of the current subjects under the new corpus.
    #[tokio::test]
    async fn paged_reassessment_assesses_every_subject_once_and_reports_the_same() {
        let tmp: PathBuf = std::env::temp_dir().join(format!("aigov-paged-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&tmp);
        let edited = tmp.join("corpus");
        copy_dir(Path::new(MINI), &edited);
        let act = edited.join("xx/act.yaml");
        let text = std::fs::read_to_string(&act).unwrap();
        let moved = text.replace(
            "{ id: applies_prohibitions, kind: applies_from, date: 2024-06-01",
            "{ id: applies_prohibitions, kind: applies_from, date: 2027-06-01",
        );
        assert_ne!(text, moved, "the fixture's date was found");
        std::fs::write(&act, moved).unwrap();
        let before = Arc::new(crate::engine(Some(Path::new(MINI))).unwrap());
        let after = Arc::new(crate::engine(Some(&edited)).unwrap());
        let fp_before = crate::corpus_fingerprint(Some(Path::new(MINI))).unwrap();
        let fp_after = crate::corpus_fingerprint(Some(&edited)).unwrap();

        let mut stores = vec![
            Store::open(Some(&aigov_store::sqlite_url(&tmp.join("inv.db"))))
                .await
                .unwrap(),
        ];
        // And on PostgreSQL when the tests have one (the recording's transaction beside the pages' reads).
        if let Ok(url) = std::env::var("AIGOV_TEST_POSTGRES_URL") {
            let schema = format!("t_paged_{}", std::process::id());
            let pg = Store::open_schema(&url, &schema).await.unwrap();
            pg.reset_for_tests().await.unwrap();
            stores.push(pg);
        }
        for store in stores {
            paged(&store, &before, &after, &fp_before, &fp_after).await;
            store.close().await;
        }
        let _ = std::fs::remove_dir_all(&tmp);
    }

    async fn paged(
        store: &Store,
        before: &Arc<Engine>,
        after: &Arc<Engine>,
        fp_before: &str,
        fp_after: &str,
    ) {
        let store = store.clone();
        let mut items = vec![(
            Kind::Organization,
            Some("org_home".to_string()),
            input(json!({ "established_in": ["XX"], "employees": 500 }), None),
        )];
        items.extend((0..20).map(subject));
        store.import(items, "test").await.unwrap();

        let day: Date = "2026-01-01".parse().unwrap();
        let first = reassess_stored(&store, before.clone(), fp_before, day, 7)
            .await
            .unwrap();
        assert_eq!((first.subjects, first.first_assessed), (20, 20));
        assert!(first.corpus_before.is_empty() && first.changed.is_empty());
        assert_eq!(store.answer_digests().await.unwrap().len(), 20);

        // Since then: two subjects deleted (one inside the second page's range, the last one after every
        // remaining subject), one added, one edited (moved from XX to US-CA).
        store
            .delete(Kind::Subject, "sub_t08", None, "test")
            .await
            .unwrap();
        store
            .delete(Kind::Subject, "sub_t19", None, "test")
            .await
            .unwrap();
        store.import(vec![subject(20)], "test").await.unwrap();
        let (_, _, mut moved) = subject(1);
        moved.manifest["name"] = json!("system 4, moved");
        store
            .update(
                Kind::Subject,
                "sub_t04",
                None,
                aigov_store::EntryPatch {
                    manifest: Some(moved.manifest),
                    ..Default::default()
                },
                "test",
            )
            .await
            .unwrap();

        // What assessing every subject at once gives.
        let later: Date = "2026-03-01".parse().unwrap();
        let all = subjects(&store).await.unwrap();
        let expected = reassess::reassess(after, fp_after, &all, &recorded_in(&store).await, later);

        let got = reassess_stored(&store, after.clone(), fp_after, later, 7)
            .await
            .unwrap();
        assert_eq!(got, expected.answer);
        // 20 - 2 + 1 subjects, each counted once.
        assert_eq!(got.subjects, 19);
        assert_eq!(got.changed.len() + got.unchanged + got.first_assessed, 19);
        assert_eq!(got.first_assessed, 1);
        assert_eq!(got.corpus_before, vec![fp_before.to_string()]);
        // The subjects used in XX or whose organization is established there (the even ones and the
        // multiples of 3) changed, compared as of their recorded date, so the corpus made the difference;
        // sub_t04 was also moved out of XX, and is reported with both versions.
        let changed: Vec<&str> = got.changed.iter().map(|c| c.subject_id.as_str()).collect();
        assert_eq!(
            changed,
            [
                "sub_t00", "sub_t02", "sub_t03", "sub_t04", "sub_t06", "sub_t09", "sub_t10",
                "sub_t12", "sub_t14", "sub_t15", "sub_t16", "sub_t18"
            ]
        );
        assert!(got.changed.iter().all(|c| c.as_of == day));
        let t04 = &got.changed[3];
        assert_eq!((t04.version_before, t04.version_after), (1, 2));
        // The record: one row per current subject (the deleted ones dropped), each the answer as of `later`
        // under the edited corpus.
        assert_eq!(recorded_in(&store).await, expected.record);

        // Once more: nothing changed, nothing first assessed.
        let again = reassess_stored(&store, after.clone(), fp_after, later, 7)
            .await
            .unwrap();
        assert_eq!((again.subjects, again.unchanged), (19, 19));
        assert_eq!(again.corpus_before, vec![fp_after.to_string()]);
    }
}
