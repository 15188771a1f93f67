//! `aigov serve` as a process, on loopback only, with bounded loads: graceful shutdown, `aigov audit verify`
//! catching rows edited or deleted behind the server's back, no acknowledged write lost to SIGKILL, and two
//! servers on one PostgreSQL database keeping every update and one chain. PostgreSQL runs when
//! `AIGOV_TEST_POSTGRES_URL` is set (CI sets it, and fails without it).

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

const BIN: &str = env!("CARGO_BIN_EXE_aigov");

/// A temporary aigov home, removed when dropped.
struct Home(PathBuf);

impl std::ops::Deref for Home {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl Drop for Home {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn temp_home(name: &str) -> Home {
    let dir = std::env::temp_dir().join(format!("aigov-service-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    Home(dir)
}

/// The databases to run on: a SQLite file in `home`, and a fresh PostgreSQL schema when configured.
fn databases(home: &Path, name: &str) -> Vec<String> {
    let mut out = vec![format!("sqlite://{}", home.join("aigov.db").display())];
    match std::env::var("AIGOV_TEST_POSTGRES_URL") {
        Ok(url) => out.push(postgres_schema(
            &url,
            &format!("svc_{name}_{}", std::process::id()),
        )),
        Err(_) => assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI must run the PostgreSQL tests: set AIGOV_TEST_POSTGRES_URL"
        ),
    }
    out
}

/// A URL of a freshly emptied schema of the PostgreSQL database.
fn postgres_schema(url: &str, schema: &str) -> String {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let s = aigov_store::Store::open_schema(url, schema).await.unwrap();
        s.reset_for_tests().await.unwrap();
        s.close().await;
    });
    let sep = if url.contains('?') { '&' } else { '?' };
    format!("{url}{sep}options=-c%20search_path%3D{schema}")
}

/// Runs SQL on the database directly (behind the server's back).
fn sql(db: &str, statement: &str) {
    sqlx::any::install_default_drivers();
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        use sqlx::Connection;
        let mut c = sqlx::AnyConnection::connect(db).await.unwrap();
        sqlx::query(statement).execute(&mut c).await.unwrap();
        c.close().await.unwrap();
    });
}

fn aigov(home: &Path, args: &[&str]) -> std::process::Output {
    Command::new(BIN)
        .args(args)
        .env("AIGOV_HOME", home)
        .env_remove("AIGOV_DATABASE_URL")
        .output()
        .unwrap()
}

fn token(home: &Path, db: &str, role: &str) -> String {
    let o = aigov(
        home,
        &[
            "token", "create", "--role", role, "--name", "test", "--db", db,
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).unwrap().trim().to_string()
}

struct Server {
    child: Child,
    base: String,
}

impl Server {
    /// Starts `aigov serve` on a free loopback port and waits until it listens.
    fn start(home: &Path, db: &str) -> Server {
        let mut child = Command::new(BIN)
            .args([
                "serve",
                "--addr",
                "127.0.0.1:0",
                "--db",
                db,
                "--log-format",
                "json",
            ])
            .env("AIGOV_HOME", home)
            .stderr(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .unwrap();
        let stderr = child.stderr.take().unwrap();
        let mut lines = BufReader::new(stderr).lines();
        let addr = loop {
            let line = lines
                .next()
                .expect("the server exited before listening")
                .unwrap();
            if let Some(i) = line.find("\"addr\":\"") {
                let rest = &line[i + 8..];
                break rest[..rest.find('"').unwrap()].to_string();
            }
        };
        // Keep draining the log so the server never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines {});
        Server {
            child,
            base: format!("http://{addr}"),
        }
    }

    fn terminate(mut self) -> std::process::ExitStatus {
        let pid = self.child.id().to_string();
        assert!(Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap()
            .success());
        self.child.wait().unwrap()
    }

    fn kill(mut self) {
        self.child.kill().unwrap(); // SIGKILL
        self.child.wait().unwrap();
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(10)))
        .build()
        .into()
}

/// Sends a request; returns status, ETag and body.
fn send(
    agent: &ureq::Agent,
    method: &str,
    url: &str,
    token: &str,
    if_match: Option<&str>,
    body: Option<&str>,
) -> Result<(u16, String, String), ureq::Error> {
    let req = ureq::http::Request::builder()
        .method(method)
        .uri(url)
        .header("authorization", format!("Bearer {token}"))
        .header("content-type", "application/json");
    let req = match if_match {
        Some(m) => req.header("if-match", m),
        None => req,
    };
    let mut res = agent.run(req.body(body.unwrap_or("").to_string()).unwrap())?;
    let etag = res
        .headers()
        .get("etag")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let status = res.status().as_u16();
    let text = res.body_mut().read_to_string()?;
    Ok((status, etag, text))
}

fn subject_body(i: usize) -> String {
    format!(
        r#"{{"manifest": {{"subject": "ai_system", "name": "system {i}", "ai_system": {{"roles": ["provider"]}}}}}}"#
    )
}

#[test]
fn graceful_shutdown_and_audit_verify_catches_tampering() {
    let home = temp_home("tamper");
    for db in databases(&home, "tamper") {
        let t = token(&home, &db, "editor");
        let server = Server::start(&home, &db);
        let a = agent();
        let (status, etag, body) = send(
            &a,
            "POST",
            &format!("{}/api/v1/subjects", server.base),
            &t,
            None,
            Some(&subject_body(1)),
        )
        .unwrap();
        assert_eq!(status, 201, "{body}");
        let id = serde_json::from_str::<serde_json::Value>(&body).unwrap()["id"]
            .as_str()
            .unwrap()
            .to_string();
        let mut etag = etag;
        for n in 0..3 {
            let (status, e, body) = send(
                &a,
                "PATCH",
                &format!("{}/api/v1/subjects/{id}", server.base),
                &t,
                Some(&etag),
                Some(&format!(r#"{{"notes": "n{n}"}}"#)),
            )
            .unwrap();
            assert_eq!(status, 200, "{body}");
            etag = e;
        }
        assert!(
            server.terminate().success(),
            "SIGTERM ends the server cleanly"
        );
        let ok = aigov(&home, &["audit", "verify", "--db", &db]);
        assert!(ok.status.success());
        assert!(
            String::from_utf8_lossy(&ok.stdout).contains("intact: 5 entries"),
            "{}",
            String::from_utf8_lossy(&ok.stdout)
        );
        // Edit an entry behind the server's back: verify names it and exits 1.
        sql(
            &db,
            "update audit_entry set target = 'subject/sub_other' where audit_entry_id = 3",
        );
        let bad = aigov(&home, &["audit", "verify", "--db", &db]);
        assert_eq!(bad.status.code(), Some(1));
        let out = String::from_utf8_lossy(&bad.stdout);
        assert!(
            out.contains("BROKEN at entry 3") && out.contains("changed after it was written"),
            "{out}"
        );
        // Delete an entry instead.
        sql(
            &db,
            &format!("update audit_entry set target = 'subject/{id}' where audit_entry_id = 3"),
        );
        assert!(aigov(&home, &["audit", "verify", "--db", &db])
            .status
            .success());
        sql(&db, "delete from audit_entry where audit_entry_id = 4");
        let bad = aigov(&home, &["audit", "verify", "--db", &db]);
        assert_eq!(bad.status.code(), Some(1));
        let out = String::from_utf8_lossy(&bad.stdout);
        assert!(out.contains("entry 4 is missing"), "{out}");
    }
}

#[test]
fn sigkill_loses_no_acknowledged_write() {
    let home = temp_home("sigkill");
    for db in databases(&home, "sigkill") {
        let t = token(&home, &db, "editor");
        let server = Server::start(&home, &db);
        let acked = Arc::new(Mutex::new(Vec::<String>::new()));
        let stop = Arc::new(AtomicBool::new(false));
        // Two writers, at most 400 writes each, on loopback; each id is recorded only once the server answered 201.
        let writers: Vec<_> = (0..2)
            .map(|w| {
                let (acked, stop, base, t) =
                    (acked.clone(), stop.clone(), server.base.clone(), t.clone());
                std::thread::spawn(move || {
                    let a = agent();
                    for i in 0..400 {
                        if stop.load(Ordering::Relaxed) {
                            break;
                        }
                        match send(
                            &a,
                            "POST",
                            &format!("{base}/api/v1/subjects"),
                            &t,
                            None,
                            Some(&subject_body(w * 1000 + i)),
                        ) {
                            Ok((201, _, body)) => {
                                let v: serde_json::Value = serde_json::from_str(&body).unwrap();
                                acked
                                    .lock()
                                    .unwrap()
                                    .push(v["id"].as_str().unwrap().to_string());
                            }
                            Ok((status, _, body)) => panic!("unexpected {status}: {body}"),
                            Err(_) => break, // the server is gone
                        }
                    }
                })
            })
            .collect();
        // Kill the server mid-way through the load.
        while acked.lock().unwrap().len() < 60 {
            std::thread::sleep(Duration::from_millis(5));
        }
        server.kill();
        stop.store(true, Ordering::Relaxed);
        for w in writers {
            w.join().unwrap();
        }
        let acked = acked.lock().unwrap().clone();
        assert!(
            acked.len() >= 60 && acked.len() < 800,
            "the kill came mid-way ({} writes)",
            acked.len()
        );
        // Restart: every acknowledged write is there, and the chain verifies.
        let server = Server::start(&home, &db);
        let a = agent();
        for id in &acked {
            let (status, _, body) = send(
                &a,
                "GET",
                &format!("{}/api/v1/subjects/{id}", server.base),
                &t,
                None,
                None,
            )
            .unwrap();
            assert_eq!(status, 200, "acknowledged {id} lost: {body}");
        }
        assert!(server.terminate().success());
        let v = aigov(&home, &["audit", "verify", "--db", &db]);
        assert!(v.status.success(), "{}", String::from_utf8_lossy(&v.stdout));
    }
}

#[test]
fn two_servers_on_one_postgres_lose_no_update() {
    let Ok(url) = std::env::var("AIGOV_TEST_POSTGRES_URL") else {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI must run the PostgreSQL tests"
        );
        return;
    };
    let home = temp_home("two");
    let db = postgres_schema(&url, &format!("svc_two_{}", std::process::id()));
    let t = token(&home, &db, "editor");
    let servers = [Server::start(&home, &db), Server::start(&home, &db)];
    let a = agent();
    let (status, _, body) = send(
        &a,
        "POST",
        &format!("{}/api/v1/subjects", servers[0].base),
        &t,
        None,
        Some(&subject_body(0)),
    )
    .unwrap();
    assert_eq!(status, 201);
    let id = serde_json::from_str::<serde_json::Value>(&body).unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    // Four editors, two per server, each adding 10 tags read-modify-write, retrying on 412.
    let editors: Vec<_> = (0..4)
        .map(|e| {
            let (base, t, id) = (servers[e % 2].base.clone(), t.clone(), id.clone());
            std::thread::spawn(move || {
                let a = agent();
                let mut stale = 0;
                for k in 0..10 {
                    let mut tries = 0;
                    loop {
                        tries += 1;
                        assert!(tries < 200, "editor {e} starved");
                        let (_, etag, body) = send(
                            &a,
                            "GET",
                            &format!("{base}/api/v1/subjects/{id}"),
                            &t,
                            None,
                            None,
                        )
                        .unwrap();
                        let mut tags: Vec<String> = serde_json::from_value(
                            serde_json::from_str::<serde_json::Value>(&body).unwrap()["tags"]
                                .clone(),
                        )
                        .unwrap();
                        tags.push(format!("e{e}-{k}"));
                        let patch = serde_json::json!({"tags": tags}).to_string();
                        let (status, _, body) = send(
                            &a,
                            "PATCH",
                            &format!("{base}/api/v1/subjects/{id}"),
                            &t,
                            Some(&etag),
                            Some(&patch),
                        )
                        .unwrap();
                        match status {
                            200 => break,
                            412 => stale += 1,
                            other => panic!("{other}: {body}"),
                        }
                    }
                }
                stale
            })
        })
        .collect();
    let stale: usize = editors.into_iter().map(|h| h.join().unwrap()).sum();
    let (_, etag, body) = send(
        &a,
        "GET",
        &format!("{}/api/v1/subjects/{id}", servers[1].base),
        &t,
        None,
        None,
    )
    .unwrap();
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(
        v["tags"].as_array().unwrap().len(),
        40,
        "no update lost ({stale} stale attempts refused)"
    );
    assert_eq!(etag, "\"v41\"");
    for s in servers {
        assert!(s.terminate().success());
    }
    let out = aigov(&home, &["audit", "verify", "--db", &db]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("intact: 42 entries"));
}

/// A YAML example as the JSON a client posts.
fn example_json(name: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(format!(
        "{}/../../examples/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let yaml: serde_yaml_ng::Value = serde_yaml_ng::from_str(&text).unwrap();
    serde_json::to_value(yaml).unwrap()
}

/// One product, one manifest, on the service: a manifest of linked subjects posted to `POST /api/v1/assess`, and
/// the same manifest stored as a subject and assessed by `GET /api/v1/subjects/{id}/assessment`, answer with the
/// very bytes of `aigov assess FILE --format json`, each finding naming its subject; the inventory's view names
/// the linked subject of each classification; a document made for one subject refuses it with a problem.
#[test]
fn linked_subjects_get_the_cli_document_from_the_api() {
    let home = temp_home("linked");
    let db = format!("sqlite://{}", home.join("aigov.db").display());
    let t = token(&home, &db, "editor");
    let server = Server::start(&home, &db);
    let a = agent();
    let date = "2026-11-28";
    for (file, ids) in [
        (
            "frontier-lab-model-and-chatbot.yaml",
            vec!["atlas", "atlas-chat"],
        ),
        (
            "exporter-item-and-shipments.yaml",
            vec!["h100", "to-malaysia", "to-germany"],
        ),
    ] {
        let path = format!("{}/../../examples/{file}", env!("CARGO_MANIFEST_DIR"));
        let cli = aigov(
            &home,
            &["assess", &path, "--as-of", date, "--format", "json"],
        );
        assert_ne!(
            cli.status.code(),
            Some(2),
            "{}",
            String::from_utf8_lossy(&cli.stderr)
        );
        let cli = String::from_utf8(cli.stdout).unwrap();
        let manifest = example_json(file);
        let body = serde_json::json!({"manifest": manifest, "as_of": date}).to_string();
        let (status, _, api) = send(
            &a,
            "POST",
            &format!("{}/api/v1/assess", server.base),
            &t,
            None,
            Some(&body),
        )
        .unwrap();
        assert_eq!(status, 200, "{api}");
        assert_eq!(api, cli, "{file}: the API answers with the CLI's document");
        let doc: serde_json::Value = serde_json::from_str(&api).unwrap();
        assert_eq!(doc["kind"], "linked_assessment");
        let subjects = doc["subjects"].as_array().unwrap();
        let got: Vec<&str> = subjects.iter().map(|s| s["id"].as_str().unwrap()).collect();
        assert_eq!(got, ids, "{file}");
        for s in subjects {
            let findings = s["findings"].as_array().unwrap();
            assert!(!findings.is_empty(), "{file}: {} has findings", s["id"]);
            assert!(
                findings.iter().all(|f| f["subject_id"] == s["id"]),
                "{file}: every finding names its subject"
            );
        }

        // Stored as a subject, assessed as of the same date: the same document.
        let (status, _, created) = send(
            &a,
            "POST",
            &format!("{}/api/v1/subjects", server.base),
            &t,
            None,
            Some(&serde_json::json!({"name": file, "manifest": manifest}).to_string()),
        )
        .unwrap();
        assert_eq!(status, 201, "{created}");
        let id = serde_json::from_str::<serde_json::Value>(&created).unwrap()["id"]
            .as_str()
            .unwrap()
            .to_string();
        let (status, _, stored) = send(
            &a,
            "GET",
            &format!(
                "{}/api/v1/subjects/{id}/assessment?as_of={date}",
                server.base
            ),
            &t,
            None,
            None,
        )
        .unwrap();
        assert_eq!(status, 200, "{stored}");
        assert_eq!(
            stored, cli,
            "{file}: a stored subject answers as the CLI does"
        );
    }

    // The inventory's view: each stored manifest of linked subjects is one entry naming its linked subjects, and
    // each classification names the linked subject it concerns.
    let (status, _, view) = send(
        &a,
        "GET",
        &format!("{}/api/v1/inventory?as_of={date}", server.base),
        &t,
        None,
        None,
    )
    .unwrap();
    assert_eq!(status, 200, "{view}");
    let view: serde_json::Value = serde_json::from_str(&view).unwrap();
    let lab = view["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["name"] == "frontier-lab-model-and-chatbot.yaml")
        .expect("the lab is in the view");
    assert!(lab["error"].is_null(), "{lab}");
    assert_eq!(lab["subject"], "model+ai_system");
    assert_eq!(lab["linked"][1]["id"], "atlas-chat");
    let classes = lab["classifications"].as_array().unwrap();
    assert!(classes
        .iter()
        .any(|c| c["linked_subject"] == "atlas" && c["tier"] == "gpai_systemic_risk"));
    assert!(classes.iter().all(|c| c["linked_subject"].is_string()));

    // The US map takes linked subjects too: one checkerboard per subject, in the manifest's order.
    let body = serde_json::json!({"manifest": example_json("frontier-lab-model-and-chatbot.yaml"), "as_of": date})
        .to_string();
    let (status, _, m) = send(
        &a,
        "POST",
        &format!("{}/api/v1/map", server.base),
        &t,
        None,
        Some(&body),
    )
    .unwrap();
    assert_eq!(status, 200, "{m}");
    let m: serde_json::Value = serde_json::from_str(&m).unwrap();
    assert_eq!(m["kind"], "linked_map", "{m}");
    assert_eq!(m["subjects"][0]["id"], "atlas", "{m}");
    assert_eq!(m["subjects"][1]["id"], "atlas-chat", "{m}");
    assert!(server.terminate().success());
}
