//! The store's tests, on SQLite always and on PostgreSQL when `AIGOV_TEST_POSTGRES_URL` is set (CI sets it and
//! fails without it).

use super::*;
use serde_json::json;

/// A temporary folder, removed when dropped.
pub(crate) struct TempDir(pub std::path::PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A fresh SQLite file in a temporary folder.
pub(crate) fn temp_sqlite(name: &str) -> (String, TempDir) {
    let dir = std::env::temp_dir().join(format!("aigov-store-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    (sqlite_url(&dir.join("aigov.db")), TempDir(dir))
}

/// The databases to test on: a fresh SQLite file, and PostgreSQL if configured (a fresh schema per test).
async fn stores(name: &str) -> (Vec<Store>, TempDir) {
    let (url, dir) = temp_sqlite(name);
    let mut out = vec![Store::open(Some(&url)).await.expect("sqlite opens")];
    match std::env::var("AIGOV_TEST_POSTGRES_URL") {
        Ok(url) => {
            // One schema per test, so tests run in parallel on one database.
            let schema = format!("t_{}_{}", name, std::process::id());
            let admin = Store::open_schema(&url, &schema)
                .await
                .expect("postgres opens");
            sqlx::query(&format!("drop schema {schema} cascade"))
                .execute(&admin.pool)
                .await
                .expect("drop schema");
            admin.close().await;
            out.push(
                Store::open_schema(&url, &schema)
                    .await
                    .expect("postgres schema opens"),
            );
        }
        Err(_) => assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI must run the PostgreSQL tests: set AIGOV_TEST_POSTGRES_URL"
        ),
    }
    (out, dir)
}

fn input(name: &str) -> EntryInput {
    EntryInput {
        name: None,
        organization_id: None,
        owner: "risk team".into(),
        tags: vec!["hr".into()],
        notes: String::new(),
        manifest: json!({"subject": "ai_system", "name": name}),
    }
}

#[tokio::test]
async fn versions_stale_updates_and_history() {
    let (stores, _dir) = stores("versions").await;
    for s in stores {
        let e = s.create(Kind::Subject, input("A"), "alice").await.unwrap();
        assert_eq!((e.version, e.name.as_str()), (1, "A"));
        let patch = EntryPatch {
            notes: Some("checked".into()),
            ..Default::default()
        };
        let e2 = s
            .update(Kind::Subject, &e.id, Some(1), patch.clone(), "bob")
            .await
            .unwrap();
        assert_eq!(e2.version, 2);
        assert_eq!(e2.notes, "checked");
        // A second editor who read version 1 is refused.
        let stale = s
            .update(Kind::Subject, &e.id, Some(1), patch, "carol")
            .await;
        assert!(
            matches!(
                stale,
                Err(StoreError::Stale {
                    current: 2,
                    expected: 1,
                    ..
                })
            ),
            "{stale:?}"
        );
        // Both versions are kept.
        let v1 = s.get(Kind::Subject, &e.id, Some(1)).await.unwrap();
        assert_eq!((v1.notes.as_str(), v1.current_version), ("", 2));
        let h = s.history(Kind::Subject, &e.id).await.unwrap();
        assert_eq!(h.iter().map(|v| v.version).collect::<Vec<_>>(), vec![1, 2]);
        assert_eq!(h[1].created_by, "bob");
        // Delete, then the entry is gone.
        assert!(matches!(
            s.delete(Kind::Subject, &e.id, Some(1), "bob").await,
            Err(StoreError::Stale { .. })
        ));
        s.delete(Kind::Subject, &e.id, Some(2), "bob")
            .await
            .unwrap();
        assert!(matches!(
            s.get(Kind::Subject, &e.id, None).await,
            Err(StoreError::NotFound { .. })
        ));
        let v = s.audit_verify().await.unwrap();
        assert_eq!(
            v,
            Verification {
                entries: 3,
                broken: None
            }
        );
    }
}

#[tokio::test]
async fn organizations_and_pagination() {
    let (stores, _dir) = stores("orgs").await;
    for s in stores {
        let org = s
            .create(
                Kind::Organization,
                EntryInput {
                    name: Some("Acme".into()),
                    ..input("x")
                },
                "a",
            )
            .await
            .unwrap();
        let bad = s
            .create(
                Kind::Subject,
                EntryInput {
                    organization_id: Some("org_nope".into()),
                    ..input("x")
                },
                "a",
            )
            .await;
        assert!(matches!(bad, Err(StoreError::Reference { .. })), "{bad:?}");
        let mut ids = Vec::new();
        for i in 0..5 {
            let e = s
                .create(
                    Kind::Subject,
                    EntryInput {
                        organization_id: Some(org.id.clone()),
                        ..input(&format!("S{i}"))
                    },
                    "a",
                )
                .await
                .unwrap();
            ids.push(e.id);
        }
        ids.sort();
        let p1 = s.list(Kind::Subject, None, 2).await.unwrap();
        let p2 = s.list(Kind::Subject, p1.next.as_deref(), 2).await.unwrap();
        let p3 = s.list(Kind::Subject, p2.next.as_deref(), 2).await.unwrap();
        let seen: Vec<String> = [p1.items, p2.items, p3.items]
            .concat()
            .into_iter()
            .map(|e| e.id)
            .collect();
        assert_eq!(seen, ids);
        assert_eq!(p3.next, None);
        // An organization with subjects cannot be deleted.
        assert!(matches!(
            s.delete(Kind::Organization, &org.id, None, "a").await,
            Err(StoreError::Reference { .. })
        ));
    }
}

#[tokio::test]
async fn tokens_store_only_hashes() {
    let (stores, _dir) = stores("tokens").await;
    for s in stores {
        let t = s.create_token("ci", Role::Editor, "cli").await.unwrap();
        assert!(t.secret.starts_with("aigov_") && t.secret.len() == 70);
        let p = s.authenticate(&t.secret).await.unwrap().unwrap();
        assert_eq!((p.role, p.name.as_str()), (Role::Editor, "ci"));
        assert_eq!(s.authenticate("aigov_wrong").await.unwrap(), None);
        let stored: Vec<String> = sqlx::query_scalar("select token_hash from api_token")
            .fetch_all(&s.pool)
            .await
            .unwrap();
        assert_eq!(stored, vec![sha256_hex(t.secret.as_bytes())]);
        assert!(s.revoke_token(&t.id, "cli").await.unwrap());
        assert_eq!(s.authenticate(&t.secret).await.unwrap(), None);
    }
}

#[tokio::test]
async fn audit_verify_finds_edits_and_deletions() {
    let (stores, _dir) = stores("tamper").await;
    for s in stores {
        let e = s.create(Kind::Subject, input("A"), "alice").await.unwrap();
        for i in 0..3 {
            let p = EntryPatch {
                notes: Some(format!("n{i}")),
                ..Default::default()
            };
            s.update(Kind::Subject, &e.id, None, p, "alice")
                .await
                .unwrap();
        }
        assert_eq!(s.audit_verify().await.unwrap().broken, None);
        // Edit a row behind the store's back.
        sqlx::query("update audit_entry set actor = 'mallory' where audit_entry_id = 2")
            .execute(&s.pool)
            .await
            .unwrap();
        let v = s.audit_verify().await.unwrap();
        assert_eq!(v.broken.as_ref().map(|b| b.seq), Some(2), "{v:?}");
        sqlx::query("update audit_entry set actor = 'alice' where audit_entry_id = 2")
            .execute(&s.pool)
            .await
            .unwrap();
        assert_eq!(s.audit_verify().await.unwrap().broken, None);
        // Delete a row in the middle, then the newest.
        sqlx::query("delete from audit_entry where audit_entry_id = 3")
            .execute(&s.pool)
            .await
            .unwrap();
        let v = s.audit_verify().await.unwrap();
        assert!(
            v.broken
                .as_ref()
                .is_some_and(|b| b.seq == 4 && b.reason.contains("entry 3 is missing")),
            "{v:?}"
        );
        let s2 = s.clone();
        sqlx::query("delete from audit_entry where audit_entry_id >= 3")
            .execute(&s2.pool)
            .await
            .unwrap();
        let v = s.audit_verify().await.unwrap();
        assert!(
            v.broken
                .as_ref()
                .is_some_and(|b| b.reason.contains("head records entry 4")),
            "{v:?}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_writers_keep_one_chain_and_lose_no_update() {
    let (stores, _dir) = stores("concurrent").await;
    for s in stores {
        let e = s.create(Kind::Subject, input("A"), "a").await.unwrap();
        // Eight writers each add one tag after reading, retrying on a stale version: no addition may be lost.
        let mut handles = Vec::new();
        for w in 0..8 {
            let s = s.clone();
            let id = e.id.clone();
            handles.push(tokio::spawn(async move {
                for _ in 0..50 {
                    let cur = s.get(Kind::Subject, &id, None).await.unwrap();
                    let mut tags = cur.tags.clone();
                    tags.push(format!("w{w}"));
                    let p = EntryPatch {
                        tags: Some(tags),
                        ..Default::default()
                    };
                    match s
                        .update(Kind::Subject, &id, Some(cur.version), p, "w")
                        .await
                    {
                        Ok(_) => return,
                        Err(StoreError::Stale { .. }) => continue,
                        Err(other) => panic!("{other}"),
                    }
                }
                panic!("writer {w} starved");
            }));
        }
        for h in handles {
            h.await.unwrap();
        }
        let last = s.get(Kind::Subject, &e.id, None).await.unwrap();
        assert_eq!(last.version, 9);
        assert_eq!(last.tags.len(), 9);
        assert_eq!(
            s.audit_verify().await.unwrap(),
            Verification {
                entries: 9,
                broken: None
            }
        );
    }
}

#[test]
fn migration_folders_match() {
    let names = |dir: &str| {
        let mut v: Vec<String> =
            std::fs::read_dir(format!("{}/migrations/{dir}", env!("CARGO_MANIFEST_DIR")))
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect();
        v.sort();
        v
    };
    assert_eq!(names("sqlite"), names("postgres"));
}

#[test]
fn urls_are_redacted() {
    assert_eq!(redact("postgres://u:secret@h/db"), "postgres://u:***@h/db");
    assert_eq!(redact("sqlite:///x.db"), "sqlite:///x.db");
}

#[tokio::test]
async fn answer_digests_are_replaced_as_a_whole() {
    let (stores, _dir) = stores("digests").await;
    for s in stores {
        assert!(s.answer_digests().await.unwrap().is_empty());
        assert!(s.answer_fingerprints().await.unwrap().is_empty());
        let d = |id: &str, fp: &str| AnswerDigest {
            subject_id: id.into(),
            fingerprint: fp.into(),
            as_of: "2026-12-06".into(),
            version: 2,
            statuses: r#"{"statuses":{"r":"in_effect"}}"#.into(),
        };
        s.record_answer_digests(&[d("sub_a", "f1"), d("sub_b", "f1")])
            .await
            .unwrap();
        assert_eq!(s.answer_fingerprints().await.unwrap(), vec!["f1"]);
        s.record_answer_digests(&[d("sub_b", "f2")]).await.unwrap();
        // The old rows are gone: sub_a's answer (a subject since deleted) is not kept.
        assert_eq!(s.answer_digests().await.unwrap(), vec![d("sub_b", "f2")]);
        assert_eq!(s.answer_fingerprints().await.unwrap(), vec!["f2"]);
        // An audit-free write: the inventory's revision did not move.
        assert_eq!(s.revision().await.unwrap(), 0);
    }
}

#[tokio::test]
async fn saving_answer_digests_writes_what_changed_and_moves_the_rest() {
    let (stores, _dir) = stores("digests_save").await;
    for s in stores {
        let d = |id: &str, fp: &str, as_of: &str, version: i64, status: &str| AnswerDigest {
            subject_id: id.into(),
            fingerprint: fp.into(),
            as_of: as_of.into(),
            version,
            statuses: format!(r#"{{"statuses":{{"r":"{status}"}}}}"#),
        };
        // More rows than one statement holds, so that the batching is crossed.
        let many: Vec<AnswerDigest> = (0..450)
            .map(|i| d(&format!("sub_{i:04}"), "f1", "2026-01-01", 1, "in_effect"))
            .collect();
        s.record_answer_digests(&many).await.unwrap();
        assert_eq!(s.answer_digests().await.unwrap(), many);
        // Under f2 as of another date: sub_0001 has a new answer, sub_0002 a new version, sub_9999 is new,
        // sub_0003 was deleted; every other row keeps its answer and moves to f2 and the new date.
        s.save_answer_digests(
            "f2",
            "2026-03-01",
            &[
                d("sub_0001", "f2", "2026-03-01", 1, "upcoming"),
                d("sub_0002", "f2", "2026-03-01", 2, "in_effect"),
                d("sub_9999", "f2", "2026-03-01", 1, "undetermined"),
            ],
            &["sub_0003".to_string()],
        )
        .await
        .unwrap();
        let got = s.answer_digests().await.unwrap();
        assert_eq!(got.len(), 450);
        assert!(got
            .iter()
            .all(|x| x.fingerprint == "f2" && x.as_of == "2026-03-01"));
        let by_id = |id: &str| got.iter().find(|x| x.subject_id == id).cloned();
        assert_eq!(by_id("sub_0003"), None);
        assert_eq!(
            by_id("sub_0001"),
            Some(d("sub_0001", "f2", "2026-03-01", 1, "upcoming"))
        );
        assert_eq!(by_id("sub_0002").map(|x| x.version), Some(2));
        assert_eq!(
            by_id("sub_0449"),
            Some(d("sub_0449", "f2", "2026-03-01", 1, "in_effect"))
        );
        assert!(by_id("sub_9999").is_some());
        assert_eq!(s.answer_fingerprints().await.unwrap(), vec!["f2"]);
        assert_eq!(s.revision().await.unwrap(), 0);
    }
}

/// An import larger than one `insert` statement (1,201 entries, many rows a statement): every entry reads back as
/// the import returned it, each has its one version and its audit entry, in order, chained to what was there
/// before (verify passes, and a change after the import chains on); an import that fails on its last entry
/// (an id taken earlier in the same import, an organization that does not exist, a deleted one) writes nothing
/// and names that entry.
#[tokio::test]
async fn a_large_import_is_batched_audited_in_order_and_all_or_nothing() {
    let (stores, _dir) = stores("import").await;
    for s in stores {
        let first = s
            .create(Kind::Organization, input("before"), "alice")
            .await
            .unwrap();
        let mut items = vec![(
            Kind::Organization,
            Some("org_acme".to_string()),
            input("acme"),
        )];
        for i in 0..1200 {
            let mut e = input(&format!("system {i}"));
            e.notes = format!("note {i}");
            if i % 2 == 0 {
                e.organization_id = Some(if i % 4 == 0 { "org_acme" } else { &first.id }.into());
            }
            let id = (i % 3 != 0).then(|| format!("sub_{i:05}"));
            items.push((Kind::Subject, id, e));
        }
        let created = s.import(items, "bob").await.unwrap();
        assert_eq!(created.len(), 1201);
        assert_eq!(created[0].id, "org_acme");
        for e in [&created[1], &created[2], &created[600], &created[1200]] {
            assert_eq!(&s.get(e.kind, &e.id, None).await.unwrap(), e);
            assert_eq!(s.history(e.kind, &e.id).await.unwrap().len(), 1);
        }
        assert_eq!(created[1].organization_id.as_deref(), Some("org_acme"));
        assert_eq!(
            created[3].organization_id.as_deref(),
            Some(first.id.as_str())
        );
        assert!(created[1].id.starts_with("sub_") && created[1].id.len() == 20);
        assert_eq!(created[2].id, "sub_00001");
        // One audit entry per entry, in the import's order, after the one before it.
        let audit = s.audit_entries(1, 2000).await.unwrap();
        assert_eq!(audit.len(), 1201);
        for (a, e) in audit.iter().zip(&created) {
            assert_eq!(a.target, format!("{}/{}", e.kind.as_str(), e.id));
            assert_eq!((a.action.as_str(), a.actor.as_str()), ("create", "bob"));
            assert_eq!(a.hash_after.as_deref(), Some(e.content_hash.as_str()));
        }
        let v = s.audit_verify().await.unwrap();
        assert_eq!((v.entries, v.broken), (1202, None));
        s.update(
            Kind::Subject,
            "sub_00001",
            Some(1),
            EntryPatch::default(),
            "bob",
        )
        .await
        .unwrap();
        assert_eq!(s.audit_verify().await.unwrap().broken, None);

        // All or nothing, and the entry that fails is named.
        let count = s.all(Kind::Subject).await.unwrap().len();
        s.delete(Kind::Organization, &first.id, None, "alice")
            .await
            .expect_err("it still has subjects");
        let gone = s
            .create(Kind::Organization, input("gone"), "alice")
            .await
            .unwrap();
        s.delete(Kind::Organization, &gone.id, None, "alice")
            .await
            .unwrap();
        let head = s.audit_verify().await.unwrap().entries;
        let good = |i: usize| (Kind::Subject, Some(format!("sub_new{i}")), input("new"));
        let mut dup: Vec<_> = (0..600).map(good).collect();
        dup.push(good(7));
        let mut unknown: Vec<_> = (0..600).map(good).collect();
        let mut orphan = input("orphan");
        orphan.organization_id = Some("org_nowhere".into());
        unknown.push((Kind::Subject, None, orphan));
        let mut deleted: Vec<_> = (0..600).map(good).collect();
        let mut e = input("late");
        e.organization_id = Some(gone.id.clone());
        deleted.push((Kind::Subject, None, e));
        for (items, expect) in [
            (dup, "an entry `sub_new7` exists already".to_string()),
            (unknown, "no organization `org_nowhere`".to_string()),
            (deleted, format!("no organization `{}`", gone.id)),
        ] {
            let err = s.import(items, "bob").await.unwrap_err();
            assert!(err.to_string().contains(&expect), "{err}");
            assert_eq!(s.all(Kind::Subject).await.unwrap().len(), count);
            let v = s.audit_verify().await.unwrap();
            assert_eq!((v.entries, v.broken), (head, None));
        }
    }
}
