//! The service end to end, in process (the router with its middleware, on a real database): on SQLite always, on
//! PostgreSQL when `AIGOV_TEST_POSTGRES_URL` is set (CI sets it, and fails without it).

use aigov_api::{router, AppState, Config};
use aigov_store::{Role, Store};
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use serde_json::{json, Value};
use std::sync::Arc;
use tower::ServiceExt;

struct Service {
    app: Router,
    _dir: Option<TempDir>,
    admin: String,
    editor: String,
    viewer: String,
}

/// A temporary folder, removed when dropped.
struct TempDir(std::path::PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

async fn store(name: &str, which: usize) -> Option<(Store, Option<TempDir>)> {
    match which {
        0 => {
            let dir = std::env::temp_dir().join(format!("aigov-api-{}-{name}", std::process::id()));
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(&dir).unwrap();
            let s = Store::open(Some(&aigov_store::sqlite_url(&dir.join("aigov.db"))))
                .await
                .unwrap();
            Some((s, Some(TempDir(dir))))
        }
        _ => match std::env::var("AIGOV_TEST_POSTGRES_URL") {
            Ok(url) => {
                let schema = format!("api_{name}_{}", std::process::id());
                let s = Store::open_schema(&url, &schema).await.unwrap();
                s.reset_for_tests().await.unwrap();
                Some((s, None))
            }
            Err(_) => {
                assert!(
                    std::env::var("CI").as_deref() != Ok("true"),
                    "CI must run the PostgreSQL tests: set AIGOV_TEST_POSTGRES_URL"
                );
                None
            }
        },
    }
}

/// The service on each database, with one token per role.
async fn services(name: &str, anonymous_assess: bool) -> Vec<Service> {
    services_with(name, anonymous_assess, &Config::default()).await
}

/// The same with limits of its own.
async fn services_with(name: &str, anonymous_assess: bool, config: &Config) -> Vec<Service> {
    let engine = Arc::new(aigov_app::engine(None).unwrap());
    let mut out = Vec::new();
    for which in 0..2 {
        let Some((store, dir)) = store(name, which).await else {
            continue;
        };
        let token = |r| {
            let s = store.clone();
            async move { s.create_token("test", r, "test").await.unwrap().secret }
        };
        let (admin, editor, viewer) = (
            token(Role::Admin).await,
            token(Role::Editor).await,
            token(Role::Viewer).await,
        );
        let state = AppState {
            catalogue: std::sync::Arc::new(
                aigov_app::plan::catalogue(None, &engine.corpus).unwrap(),
            ),
            engine: engine.clone(),
            store,
            anonymous_assess,
            corpus_fingerprint: "embedded".into(),
            plans: Default::default(),
        };
        out.push(Service {
            app: router(state, config),
            _dir: dir,
            admin,
            editor,
            viewer,
        });
    }
    out
}

struct Answer {
    status: StatusCode,
    headers: HeaderMap,
    text: String,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_str(&self.text).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text))
    }
    fn etag(&self) -> String {
        self.headers["etag"].to_str().unwrap().to_string()
    }
    /// Asserts a problem+json answer of this status and code.
    fn problem(&self, status: u16, code: &str) -> Value {
        assert_eq!(self.status.as_u16(), status, "{}", self.text);
        assert_eq!(self.headers["content-type"], "application/problem+json");
        let p = self.json();
        assert_eq!(p["type"], format!("/problems/{code}"), "{p}");
        assert_eq!(p["status"], status);
        assert!(p["title"].as_str().is_some_and(|t| !t.is_empty()));
        assert!(p["detail"].as_str().is_some_and(|t| !t.is_empty()));
        assert!(p["hint"].as_str().is_some_and(|t| !t.is_empty()));
        p
    }
}

async fn call(
    app: &Router,
    method: Method,
    uri: &str,
    token: Option<&str>,
    headers: &[(&str, &str)],
    body: Option<String>,
) -> Answer {
    let mut req = Request::builder().method(method).uri(uri);
    if let Some(t) = token {
        req = req.header("authorization", format!("Bearer {t}"));
    }
    if body.is_some() {
        req = req.header("content-type", "application/json");
    }
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let req = req
        .body(body.map(Body::from).unwrap_or_else(Body::empty))
        .unwrap();
    answer(app.clone().oneshot(req).await.unwrap()).await
}

/// A response read whole.
async fn answer(res: axum::response::Response) -> Answer {
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    Answer {
        status,
        headers,
        text: String::from_utf8(bytes.to_vec()).unwrap(),
    }
}

fn example(name: &str) -> Value {
    let text = std::fs::read_to_string(format!(
        "{}/../../examples/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let yaml: serde_yaml_ng::Value = serde_yaml_ng::from_str(&text).unwrap();
    // Dates and numbers come through as YAML scalars; the manifest reader accepts them as JSON strings/numbers.
    serde_json::to_value(yaml).unwrap()
}

#[tokio::test]
async fn assess_returns_the_cli_document() {
    for s in services("assess", false).await {
        let manifest = example("cv-screening-saas.yaml");
        let body = json!({"manifest": manifest, "as_of": "2026-11-28"}).to_string();
        let a = call(
            &s.app,
            Method::POST,
            "/api/v1/assess",
            Some(&s.viewer),
            &[],
            Some(body),
        )
        .await;
        assert_eq!(a.status, StatusCode::OK, "{}", a.text);
        let engine = aigov_app::engine(None).unwrap();
        let facts = aigov_core::manifest::bind(&manifest, &engine.corpus.vocabulary).unwrap();
        let expected = aigov_app::report::assessment(
            &engine,
            &engine.assess(
                &facts,
                &aigov_core::assess::Options::as_of("2026-11-28".parse().unwrap()),
            ),
            aigov_app::OutputFormat::Json,
        );
        assert_eq!(a.text, expected);
        assert_eq!(a.json()["kind"], "assessment");
        // An export's answer states the item's classification, as `aigov assess` does.
        let export = json!({"manifest": example("export-h100-malaysia-cn-parent.yaml"), "as_of": "2026-11-28"});
        let e = call(
            &s.app,
            Method::POST,
            "/api/v1/assess",
            Some(&s.viewer),
            &[],
            Some(export.to_string()),
        )
        .await;
        assert_eq!(e.status, StatusCode::OK, "{}", e.text);
        let labels: Vec<String> = e.json()["item_classification"]["classifications"]
            .as_array()
            .map(|c| {
                c.iter()
                    .filter_map(|c| c["label"].as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default();
        // The H100 meets 3A090.a.1 and .a.2: the label names the sub-paragraphs, not just ".a".
        assert!(
            labels.iter().any(|l| l == "3A090.a.1 (also meets .a.2)"),
            "{labels:?}"
        );
        // A manifest of linked subjects answers the CLI's linked document, each finding naming its subject; the
        // OpenAPI document says so.
        let linked = example("frontier-lab-model-and-chatbot.yaml");
        let l = call(
            &s.app,
            Method::POST,
            "/api/v1/assess",
            Some(&s.viewer),
            &[],
            Some(json!({"manifest": linked, "as_of": "2026-11-28"}).to_string()),
        )
        .await;
        assert_eq!(l.status, StatusCode::OK, "{}", l.text);
        let Ok(aigov_core::manifest::Manifest::Linked(subjects)) =
            aigov_core::manifest::bind_any(&linked, &engine.corpus.vocabulary)
        else {
            panic!("the lab example holds linked subjects");
        };
        let options = aigov_core::assess::Options::as_of("2026-11-28".parse().unwrap());
        let expected = aigov_app::assess::render_linked(
            &engine,
            &aigov_app::assess::assess_linked(&engine, &subjects, &options),
            aigov_app::OutputFormat::Json,
            aigov_app::i18n::Lang::En,
            &aigov_app::Translations::default(),
        );
        assert_eq!(l.text, expected);
        let doc = l.json();
        assert_eq!(doc["kind"], "linked_assessment");
        assert_eq!(doc["subjects"][1]["id"], "atlas-chat");
        assert_eq!(doc["subjects"][1]["built_on"], "atlas");
        assert!(doc["subjects"][1]["findings"]
            .as_array()
            .is_some_and(|f| !f.is_empty() && f.iter().all(|x| x["subject_id"] == "atlas-chat")));
        let api = call(&s.app, Method::GET, "/openapi.json", None, &[], None).await;
        assert!(api.text.contains("linked_assessment"));
        // The timeline, the diff and the explanation take linked subjects too, each part naming its subject.
        let post = |path: &'static str, body: serde_json::Value| {
            call(
                &s.app,
                Method::POST,
                path,
                Some(&s.viewer),
                &[],
                Some(body.to_string()),
            )
        };
        let t = post(
            "/api/v1/timeline",
            json!({"manifest": linked, "as_of": "2026-11-28"}),
        )
        .await;
        assert_eq!(t.status, StatusCode::OK, "{}", t.text);
        let doc = t.json();
        assert_eq!(doc["kind"], "linked_timeline");
        for (i, id) in ["atlas", "atlas-chat"].into_iter().enumerate() {
            let entries = doc["subjects"][i]["entries"].as_array().unwrap();
            assert!(
                !entries.is_empty() && entries.iter().all(|e| e["subject_id"] == id),
                "{doc}"
            );
        }
        let d = post(
            "/api/v1/diff",
            json!({"manifest": linked, "from": "2024-01-01", "to": "2026-11-28"}),
        )
        .await;
        assert_eq!(d.status, StatusCode::OK, "{}", d.text);
        let doc = d.json();
        assert_eq!(doc["kind"], "linked_diff");
        assert_eq!(doc["subjects"][1]["id"], "atlas-chat");
        assert!(doc["subjects"][1]["changes"]
            .as_array()
            .is_some_and(|c| !c.is_empty() && c.iter().all(|x| x["subject_id"] == "atlas-chat")));
        let rule = "eu_ai_act.art50_1_interaction_disclosure";
        let e = post(
            "/api/v1/explain",
            json!({"manifest": linked, "rule": rule, "as_of": "2026-11-28"}),
        )
        .await;
        assert_eq!(e.status, StatusCode::OK, "{}", e.text);
        let doc = e.json();
        assert_eq!(doc["kind"], "linked_explanation");
        let ids: Vec<&str> = doc["subjects"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|x| x["id"].as_str())
            .collect();
        assert_eq!(ids, ["atlas-chat"], "the model is not an AI system");
        let p = post(
            "/api/v1/explain",
            json!({"manifest": linked, "rule": rule, "subject": "atlas", "as_of": "2026-11-28"}),
        )
        .await
        .problem(422, "request.invalid");
        assert!(
            p["detail"]
                .as_str()
                .unwrap()
                .contains("`atlas-chat` (ai_system)"),
            "{p}"
        );
        // The map too: one checkerboard per subject, every duty naming its subject, the same document as
        // `aigov map --format json` on the manifest.
        let m = post(
            "/api/v1/map",
            json!({"manifest": linked, "as_of": "2026-11-28"}),
        )
        .await;
        assert_eq!(m.status, StatusCode::OK, "{}", m.text);
        let doc = m.json();
        assert_eq!(doc["kind"], "linked_map", "{doc}");
        let ids: Vec<&str> = doc["subjects"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["id"].as_str().unwrap())
            .collect();
        assert_eq!(ids, ["atlas", "atlas-chat"], "{doc}");
        for m in doc["subjects"].as_array().unwrap() {
            for d in m["duties"].as_array().into_iter().flatten() {
                assert_eq!(d["subject_id"], m["id"], "{doc}");
            }
        }
        // Export classification: each item and export of an exporter's manifest under its own id.
        let exporter = example("exporter-item-and-shipments.yaml");
        let c = post(
            "/api/v1/export/classify",
            json!({"manifest": exporter, "as_of": "2026-11-28"}),
        )
        .await;
        assert_eq!(c.status, StatusCode::OK, "{}", c.text);
        let doc = c.json();
        assert_eq!(doc["kind"], "linked_classification", "{doc}");
        let ids: Vec<&str> = doc["subjects"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["id"].as_str().unwrap())
            .collect();
        assert_eq!(ids, ["h100", "to-malaysia", "to-germany"], "{doc}");
        // The date is required.
        let no_date = json!({"manifest": example("cv-screening-saas.yaml")}).to_string();
        let p = call(
            &s.app,
            Method::POST,
            "/api/v1/assess",
            Some(&s.viewer),
            &[],
            Some(no_date),
        )
        .await;
        p.problem(422, "request.shape");
    }
}

#[tokio::test]
async fn roles_and_anonymous_assess() {
    for s in services("roles", false).await {
        let body = || {
            Some(json!({"manifest": {"subject": "ai_system"}, "as_of": "2026-01-01"}).to_string())
        };
        call(&s.app, Method::POST, "/api/v1/assess", None, &[], body())
            .await
            .problem(401, "auth.missing");
        call(
            &s.app,
            Method::GET,
            "/api/v1/subjects",
            Some("aigov_wrong"),
            &[],
            None,
        )
        .await
        .problem(401, "auth.missing");
        let created = json!({"manifest": {"subject": "ai_system", "name": "x"}}).to_string();
        call(
            &s.app,
            Method::POST,
            "/api/v1/subjects",
            Some(&s.viewer),
            &[],
            Some(created.clone()),
        )
        .await
        .problem(403, "auth.forbidden");
        assert_eq!(
            call(
                &s.app,
                Method::GET,
                "/api/v1/subjects",
                Some(&s.viewer),
                &[],
                None
            )
            .await
            .status,
            StatusCode::OK
        );
        assert_eq!(
            call(
                &s.app,
                Method::POST,
                "/api/v1/subjects",
                Some(&s.editor),
                &[],
                Some(created)
            )
            .await
            .status,
            StatusCode::CREATED
        );
        call(
            &s.app,
            Method::GET,
            "/api/v1/audit",
            Some(&s.editor),
            &[],
            None,
        )
        .await
        .problem(403, "auth.forbidden");
        assert_eq!(
            call(
                &s.app,
                Method::GET,
                "/api/v1/audit",
                Some(&s.admin),
                &[],
                None
            )
            .await
            .status,
            StatusCode::OK
        );
        // The calendar takes a token in its query string, and only there.
        let feed = call(
            &s.app,
            Method::GET,
            &format!(
                "/api/v1/inventory/calendar.ics?as_of=2026-01-01&token={}",
                s.viewer
            ),
            None,
            &[],
            None,
        )
        .await;
        assert_eq!(feed.status, StatusCode::OK);
        assert!(feed.text.starts_with("BEGIN:VCALENDAR"));
        call(
            &s.app,
            Method::GET,
            &format!("/api/v1/subjects?token={}", s.viewer),
            None,
            &[],
            None,
        )
        .await
        .problem(401, "auth.missing");
    }
    for s in services("anonymous", true).await {
        let body =
            Some(json!({"manifest": {"subject": "ai_system"}, "as_of": "2026-01-01"}).to_string());
        assert_eq!(
            call(
                &s.app,
                Method::POST,
                "/api/v1/assess",
                None,
                &[],
                body.clone()
            )
            .await
            .status,
            StatusCode::OK
        );
        // Only assess opens: the other documents and the inventory still need a token.
        call(&s.app, Method::POST, "/api/v1/timeline", None, &[], body)
            .await
            .problem(401, "auth.missing");
        call(&s.app, Method::GET, "/api/v1/subjects", None, &[], None)
            .await
            .problem(401, "auth.missing");
        // A wrong token is refused even so.
        let body =
            Some(json!({"manifest": {"subject": "ai_system"}, "as_of": "2026-01-01"}).to_string());
        call(
            &s.app,
            Method::POST,
            "/api/v1/assess",
            Some("aigov_wrong"),
            &[],
            body,
        )
        .await
        .problem(401, "auth.missing");
    }
}

#[tokio::test]
async fn crud_with_versions_and_preconditions() {
    for s in services("crud", false).await {
        let org = call(&s.app, Method::POST, "/api/v1/organizations", Some(&s.editor), &[],
            Some(json!({"name": "TalentRank GmbH", "manifest": example("cv-screening-saas.yaml")["organization"]}).to_string())).await;
        assert_eq!(org.status, StatusCode::CREATED, "{}", org.text);
        let org_id = org.json()["id"].as_str().unwrap().to_string();
        let mut manifest = example("cv-screening-saas.yaml");
        manifest.as_object_mut().unwrap().remove("organization");
        let c = call(&s.app, Method::POST, "/api/v1/subjects", Some(&s.editor), &[],
            Some(json!({"manifest": manifest, "organization_id": org_id, "owner": "HR", "tags": ["eu"]}).to_string())).await;
        assert_eq!(c.status, StatusCode::CREATED, "{}", c.text);
        assert_eq!(c.etag(), "\"v1\"");
        let id = c.json()["id"].as_str().unwrap().to_string();
        assert_eq!(c.headers["location"], format!("/api/v1/subjects/{id}"));
        let uri = format!("/api/v1/subjects/{id}");
        // A change needs If-Match.
        let notes = Some(json!({"notes": "reviewed"}).to_string());
        call(
            &s.app,
            Method::PATCH,
            &uri,
            Some(&s.editor),
            &[],
            notes.clone(),
        )
        .await
        .problem(428, "precondition.required");
        let p = call(
            &s.app,
            Method::PATCH,
            &uri,
            Some(&s.editor),
            &[("if-match", "\"v1\"")],
            notes.clone(),
        )
        .await;
        assert_eq!(
            (p.status, p.etag()),
            (StatusCode::OK, "\"v2\"".to_string()),
            "{}",
            p.text
        );
        // A second editor still holding v1 is refused, and nothing changes.
        let stale = call(
            &s.app,
            Method::PATCH,
            &uri,
            Some(&s.editor),
            &[("if-match", "\"v1\"")],
            Some(json!({"notes": "mine"}).to_string()),
        )
        .await;
        stale.problem(412, "inventory.stale");
        let g = call(&s.app, Method::GET, &uri, Some(&s.viewer), &[], None).await;
        assert_eq!(
            (g.etag(), g.json()["notes"].clone()),
            ("\"v2\"".to_string(), json!("reviewed"))
        );
        // PUT replaces the content: a new manifest (an earlier placing on the market) is version 3.
        let mut m3 = manifest.clone();
        m3["ai_system"]["annex3_uses"] = json!([]);
        let put = call(
            &s.app,
            Method::PUT,
            &uri,
            Some(&s.editor),
            &[("if-match", "\"v2\"")],
            Some(json!({"manifest": m3, "organization_id": org_id, "owner": "HR"}).to_string()),
        )
        .await;
        assert_eq!(put.status, StatusCode::OK, "{}", put.text);
        assert_eq!(put.json()["version"], 3);
        // A manifest that does not fit is refused with its place.
        let bad = call(
            &s.app,
            Method::PATCH,
            &uri,
            Some(&s.editor),
            &[("if-match", "\"v3\"")],
            Some(
                json!({"manifest": {"subject": "ai_system", "ai_system": {"roles": ["providr"]}}})
                    .to_string(),
            ),
        )
        .await;
        let p = bad.problem(422, "manifest.invalid");
        assert_eq!(p["errors"][0]["place"], "manifest.ai_system.roles[0]");
        // History, and any version read and assessed.
        let h = call(
            &s.app,
            Method::GET,
            &format!("{uri}/versions"),
            Some(&s.viewer),
            &[],
            None,
        )
        .await
        .json();
        assert_eq!(h.as_array().unwrap().len(), 3);
        let v1 = call(
            &s.app,
            Method::GET,
            &format!("{uri}?version=1"),
            Some(&s.viewer),
            &[],
            None,
        )
        .await;
        assert_eq!(
            (
                v1.json()["version"].clone(),
                v1.json()["current_version"].clone()
            ),
            (json!(1), json!(3))
        );
        let a1 = call(
            &s.app,
            Method::GET,
            &format!("{uri}/assessment?as_of=2028-01-01&version=1"),
            Some(&s.viewer),
            &[],
            None,
        )
        .await
        .json();
        let a3 = call(
            &s.app,
            Method::GET,
            &format!("{uri}/assessment?as_of=2028-01-01"),
            Some(&s.viewer),
            &[],
            None,
        )
        .await
        .json();
        let high = |a: &Value| {
            a["classifications"]
                .as_array()
                .unwrap()
                .iter()
                .any(|c| c["tier"] == "high")
        };
        assert!(
            high(&a1),
            "version 1 (Annex III employment use) is high-risk"
        );
        assert!(!high(&a3), "version 3 (no Annex III use) is not");
        assert_eq!(a1["kind"], "assessment");
        call(
            &s.app,
            Method::GET,
            &format!("{uri}/assessment"),
            Some(&s.viewer),
            &[],
            None,
        )
        .await
        .problem(400, "request.parameter");
        // The inventory view.
        let v = call(
            &s.app,
            Method::GET,
            "/api/v1/inventory?as_of=2026-11-28",
            Some(&s.viewer),
            &[],
            None,
        )
        .await
        .json();
        assert_eq!(v["subjects"], 1);
        // What changes between two dates, with causes: the Digital Omnibus amended Art 4 (AI literacy).
        let ch = call(
            &s.app,
            Method::GET,
            "/api/v1/inventory/changes?from=2026-06-01&to=2026-11-28",
            Some(&s.viewer),
            &[],
            None,
        )
        .await
        .json();
        assert_eq!(ch["subjects"], 1);
        let change = &ch["items"][0]["changes"][0];
        assert_eq!(
            (change["rule"].as_str(), change["causes"][0]["by"].as_str()),
            (
                Some("eu_ai_act.art4_ai_literacy"),
                Some("eu_omnibus_2026_1744")
            ),
            "{ch}"
        );
        call(
            &s.app,
            Method::GET,
            "/api/v1/inventory/changes?from=2027-01-01&to=2026-01-01",
            Some(&s.viewer),
            &[],
            None,
        )
        .await
        .problem(422, "request.invalid");
        // Delete needs the current ETag; the organization cannot go while it has subjects.
        let org_uri = format!("/api/v1/organizations/{org_id}");
        call(
            &s.app,
            Method::DELETE,
            &org_uri,
            Some(&s.editor),
            &[("if-match", "*")],
            None,
        )
        .await
        .problem(422, "inventory.reference");
        call(
            &s.app,
            Method::DELETE,
            &uri,
            Some(&s.editor),
            &[("if-match", "\"v2\"")],
            None,
        )
        .await
        .problem(412, "inventory.stale");
        assert_eq!(
            call(
                &s.app,
                Method::DELETE,
                &uri,
                Some(&s.editor),
                &[("if-match", "\"v3\"")],
                None
            )
            .await
            .status,
            StatusCode::NO_CONTENT
        );
        call(&s.app, Method::GET, &uri, Some(&s.viewer), &[], None)
            .await
            .problem(404, "inventory.not_found");
        // Every change is in one intact chain, with who made it.
        let audit = call(
            &s.app,
            Method::GET,
            "/api/v1/audit",
            Some(&s.admin),
            &[],
            None,
        )
        .await
        .json();
        let actions: Vec<&str> = audit
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["action"].as_str().unwrap())
            .collect();
        assert_eq!(
            actions,
            [
                "token.create",
                "token.create",
                "token.create",
                "create",
                "create",
                "update",
                "update",
                "delete"
            ]
        );
        assert!(audit[3]["actor"]
            .as_str()
            .unwrap()
            .starts_with("test (tok_"));
        let verify = call(
            &s.app,
            Method::GET,
            "/api/v1/audit/verify",
            Some(&s.admin),
            &[],
            None,
        )
        .await
        .json();
        assert_eq!(verify, json!({"entries": 8, "broken": null}));
    }
}

#[tokio::test]
async fn problems_for_bad_input() {
    for s in services("problems", false).await {
        let a = call(
            &s.app,
            Method::POST,
            "/api/v1/assess",
            Some(&s.viewer),
            &[],
            Some("{\"manifest\": ".into()),
        )
        .await;
        a.problem(400, "request.unreadable");
        let p = call(
            &s.app,
            Method::POST,
            "/api/v1/assess",
            Some(&s.viewer),
            &[],
            Some(json!({"manifest": {"subject": "ai_systen"}, "as_of": "2026-01-01"}).to_string()),
        )
        .await;
        let p = p.problem(422, "manifest.invalid");
        assert!(p["hint"].as_str().unwrap().contains("ai_system"), "{p}");
        call(
            &s.app,
            Method::GET,
            "/api/v1/subjects/sub_nope",
            Some(&s.viewer),
            &[],
            None,
        )
        .await
        .problem(404, "inventory.not_found");
        call(
            &s.app,
            Method::GET,
            "/api/v1/nowhere",
            Some(&s.viewer),
            &[],
            None,
        )
        .await
        .problem(404, "route.not_found");
        let e = call(&s.app, Method::POST, "/api/v1/explain", Some(&s.viewer), &[],
            Some(json!({"manifest": {"subject": "ai_system"}, "rule": "eu_ai_act.art5_1_x", "as_of": "2026-01-01"}).to_string())).await;
        // An id that names nothing is 404, with the closest id as the hint.
        let p = e.problem(404, "request.not_found");
        assert!(
            p["hint"].as_str().unwrap().contains("eu_ai_act.art5_1_"),
            "{p}"
        );
        let c = call(
            &s.app,
            Method::POST,
            "/api/v1/export/classify",
            Some(&s.viewer),
            &[],
            Some(json!({"chip": "H2000", "as_of": "2026-01-01"}).to_string()),
        )
        .await;
        let p = c.problem(404, "request.not_found");
        assert!(p["detail"].as_str().unwrap().contains("`H2000`"), "{p}");
        let d = call(&s.app, Method::POST, "/api/v1/diff", Some(&s.viewer), &[],
            Some(json!({"manifest": {"subject": "ai_system"}, "from": "2027-01-01", "to": "2026-01-01"}).to_string())).await;
        d.problem(422, "request.invalid");
        // A body that is not an object is refused before any other check (even a stale If-Match).
        let arr = call(
            &s.app,
            Method::PATCH,
            "/api/v1/subjects/sub_x",
            Some(&s.editor),
            &[("if-match", "\"v9\"")],
            Some("[null, null]".into()),
        )
        .await;
        arr.problem(422, "request.shape");
        // Fields the request does not know are refused, not ignored.
        let u = call(
            &s.app,
            Method::POST,
            "/api/v1/subjects",
            Some(&s.editor),
            &[],
            Some(json!({"manifest": {"subject": "ai_system"}, "ownr": "x"}).to_string()),
        )
        .await;
        u.problem(422, "request.shape");
        // Without a JSON content type.
        let req = Request::builder()
            .method(Method::POST)
            .uri("/api/v1/assess")
            .header("authorization", format!("Bearer {}", s.viewer))
            .body(Body::from("{}"))
            .unwrap();
        assert_eq!(
            s.app.clone().oneshot(req).await.unwrap().status(),
            StatusCode::UNSUPPORTED_MEDIA_TYPE
        );
    }
}

/// The streamed view (`format=jsonl`) says what the one-document view says, subject by subject, across pages of
/// the store (more than 1,000 subjects), and sums the same counts at its end.
#[tokio::test]
async fn the_streamed_view_is_the_view_line_by_line() {
    for s in services("stream", false).await {
        let manifests: Vec<Value> = [
            "cv-screening-saas.yaml",
            "customer-service-chatbot.yaml",
            "gpai-frontier-model.yaml",
        ]
        .iter()
        .map(|n| example(n))
        .collect();
        let mut jsonl = String::new();
        for i in 0..1005 {
            let mut m = manifests[i % 3].clone();
            m["name"] = format!("subject {i}").into();
            jsonl.push_str(&m.to_string());
            jsonl.push('\n');
        }
        let imported = call(
            &s.app,
            Method::POST,
            "/api/v1/inventory/import?format=jsonl",
            Some(&s.editor),
            &[],
            Some(jsonl),
        )
        .await;
        assert_eq!(imported.status, StatusCode::CREATED, "{}", imported.text);
        let whole = call(
            &s.app,
            Method::GET,
            "/api/v1/inventory?as_of=2026-11-28",
            Some(&s.viewer),
            &[],
            None,
        )
        .await
        .json();
        let streamed = call(
            &s.app,
            Method::GET,
            "/api/v1/inventory?as_of=2026-11-28&format=jsonl",
            Some(&s.viewer),
            &[],
            None,
        )
        .await;
        assert_eq!(streamed.status, StatusCode::OK);
        assert_eq!(streamed.headers["content-type"], "application/x-ndjson");
        let lines: Vec<Value> = streamed
            .text
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 1006, "a line per subject and the summary");
        let (summary, subjects) = lines.split_last().unwrap();
        assert_eq!(summary["kind"], "inventory_summary");
        assert_eq!(summary["subjects"], whole["subjects"]);
        assert_eq!(summary["subjects"], 1005);
        assert_eq!(summary["prohibited"], whole["prohibited"]);
        assert_eq!(summary["by_tier"], whole["by_tier"]);
        assert!(summary["by_tier"]
            .as_object()
            .is_some_and(|t| !t.is_empty()));
        let deadlines = whole["deadlines"].as_array().unwrap();
        assert_eq!(summary["deadlines"], deadlines.len());
        assert_eq!(summary["next_deadline"], deadlines[0]["date"]);
        let items = whole["items"].as_array().unwrap();
        let mut total = 0;
        for (line, item) in subjects.iter().zip(items) {
            assert_eq!(line["kind"], "inventory_subject");
            let mut line = line.clone();
            let own = line.as_object_mut().unwrap().remove("deadlines").unwrap();
            line.as_object_mut().unwrap().remove("kind");
            assert_eq!(&line, item, "the same subject in the same order");
            for d in own.as_array().unwrap() {
                assert_eq!(d["subject_id"], item["id"]);
                total += 1;
            }
        }
        assert_eq!(
            total,
            deadlines.len(),
            "every deadline, each with its subject"
        );
    }
}

/// The inventory's view of a few thousand subjects, some completed with their organizations' facts, is answered
/// whole and right (it once did per-subject work twice and wrote the whole document on one async worker, and a
/// debug build timed out at 10,000 subjects; BENCHMARKS.md has the times).
#[tokio::test]
async fn the_view_of_thousands_of_subjects_is_whole() {
    for s in services("view_many", false).await {
        let manifests: Vec<Value> = [
            "cv-screening-saas.yaml",
            "customer-service-chatbot.yaml",
            "workplace-emotion-recognition.yaml",
        ]
        .iter()
        .map(|n| example(n))
        .collect();
        let mut jsonl = String::new();
        for i in 0..3000 {
            let mut m = manifests[i % 3].clone();
            m["name"] = format!("subject {i:04}").into();
            jsonl.push_str(&m.to_string());
            jsonl.push('\n');
        }
        let imported = call(
            &s.app,
            Method::POST,
            "/api/v1/inventory/import?format=jsonl",
            Some(&s.editor),
            &[],
            Some(jsonl),
        )
        .await;
        assert_eq!(imported.status, StatusCode::CREATED, "{}", imported.text);
        let answer = call(
            &s.app,
            Method::GET,
            "/api/v1/inventory?as_of=2026-11-28",
            Some(&s.viewer),
            &[],
            None,
        )
        .await;
        assert_eq!(answer.status, StatusCode::OK);
        assert_eq!(answer.headers["content-type"], "application/json");
        let view = answer.json();
        assert_eq!(view["as_of"], "2026-11-28");
        assert_eq!(view["subjects"], 3000);
        let items = view["items"].as_array().unwrap();
        assert_eq!(items.len(), 3000);
        let ids: Vec<&str> = items.iter().map(|i| i["id"].as_str().unwrap()).collect();
        assert!(
            ids.windows(2).all(|w| w[0] < w[1]),
            "every subject once, by id"
        );
        // Every third subject is the emotion-recognition system: a prohibition in effect in the EU.
        assert_eq!(view["prohibited"], 1000, "{}", view["by_tier"]);
        assert_eq!(
            items.iter().filter(|i| i["prohibited"] == true).count(),
            1000
        );
        let tiers = view["by_tier"].as_object().unwrap();
        assert!(
            tiers
                .values()
                .all(|n| n.as_u64().is_some_and(|n| n % 1000 == 0)),
            "{tiers:?}"
        );
        let deadlines = view["deadlines"].as_array().unwrap();
        assert!(!deadlines.is_empty());
        assert_eq!(
            deadlines.len() % 1000,
            0,
            "each kind's deadlines once per subject"
        );
        let dates: Vec<&str> = deadlines
            .iter()
            .map(|d| d["date"].as_str().unwrap())
            .collect();
        assert!(dates.windows(2).all(|w| w[0] <= w[1]), "deadlines by date");
        assert!(
            dates.iter().all(|d| *d > "2026-11-28"),
            "only deadlines ahead"
        );
    }
}

/// The HTTP layer's own refusals (the body limit, the time limit) are problem documents too, on every route.
#[tokio::test]
async fn limits_answer_with_problems() {
    let small = Config {
        max_body: 64,
        ..Config::default()
    };
    for s in services_with("limits", false, &small).await {
        let big = json!({"manifest": {"subject": "ai_system", "name": "x".repeat(200)}, "as_of": "2026-01-01"})
            .to_string();
        // With a Content-Length: tower-http refuses before the handler runs.
        let len = big.len().to_string();
        let p = call(
            &s.app,
            Method::POST,
            "/api/v1/assess",
            Some(&s.viewer),
            &[("content-length", len.as_str())],
            Some(big.clone()),
        )
        .await;
        p.problem(413, "request.too_large");
        // Without one (chunked): the body stops at the limit while a handler reads it, as JSON or as text.
        let p = call(
            &s.app,
            Method::POST,
            "/api/v1/assess",
            Some(&s.viewer),
            &[],
            Some(big.clone()),
        )
        .await;
        p.problem(413, "request.too_large");
        let p = call(
            &s.app,
            Method::POST,
            "/api/v1/inventory/import?format=jsonl",
            Some(&s.editor),
            &[],
            Some(big),
        )
        .await;
        p.problem(413, "request.too_large");
    }
    // No time at all: every route that waits for the database runs out.
    let none = Config {
        timeout: std::time::Duration::ZERO,
        ..Config::default()
    };
    // The timeout races the handler: a database that answers within the timer's first tick (PostgreSQL on a
    // fast loopback) may win, even every time in a run (seen in CI), so these answers may be the data; every one
    // that is not must be the problem document.
    for s in services_with("timeout", false, &none).await {
        for _ in 0..20 {
            let a = call(
                &s.app,
                Method::GET,
                "/api/v1/subjects",
                Some(&s.viewer),
                &[],
                None,
            )
            .await;
            if a.status == StatusCode::OK {
                continue;
            }
            let p = a.problem(408, "request.timeout");
            assert!(p["hint"].as_str().unwrap().contains("--timeout"), "{p}");
        }
        // A request whose body never arrives cannot win the race: it is always the problem document.
        let req = Request::builder()
            .method(Method::POST)
            .uri("/api/v1/assess")
            .header("authorization", format!("Bearer {}", s.viewer))
            .header("content-type", "application/json")
            .body(Body::new(NeverArrives))
            .unwrap();
        let res = tokio::time::timeout(
            std::time::Duration::from_secs(10),
            s.app.clone().oneshot(req),
        )
        .await
        .expect("the time limit answers")
        .unwrap();
        let p = answer(res).await.problem(408, "request.timeout");
        assert!(p["hint"].as_str().unwrap().contains("--timeout"), "{p}");
    }
}

/// A request body whose data never arrives (a client that stalls).
struct NeverArrives;

impl http_body::Body for NeverArrives {
    type Data = axum::body::Bytes;
    type Error = std::convert::Infallible;

    fn poll_frame(
        self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<http_body::Frame<Self::Data>, Self::Error>>> {
        std::task::Poll::Pending
    }
}

#[tokio::test]
async fn import_export_round_trip() {
    let mut exports = Vec::new();
    for s in services("transfer", false).await {
        let org = call(&s.app, Method::POST, "/api/v1/organizations", Some(&s.editor), &[],
            Some(json!({"name": "Acme", "manifest": {"established_in": ["DE"], "sme": true}, "tags": ["a", "b"]}).to_string())).await.json();
        for name in [
            "cv-screening-saas.yaml",
            "customer-service-chatbot.yaml",
            "gpai-frontier-model.yaml",
        ] {
            let mut m = example(name);
            m.as_object_mut().unwrap().remove("organization");
            let c = call(&s.app, Method::POST, "/api/v1/subjects", Some(&s.editor), &[],
                Some(json!({"manifest": m, "organization_id": org["id"], "owner": "risk, legal", "notes": "line one\nline two"}).to_string())).await;
            assert_eq!(c.status, StatusCode::CREATED, "{}", c.text);
        }
        let csv = call(
            &s.app,
            Method::GET,
            "/api/v1/inventory/export?format=csv",
            Some(&s.viewer),
            &[],
            None,
        )
        .await;
        assert_eq!(csv.headers["content-type"], "text/csv; charset=utf-8");
        let jsonl = call(
            &s.app,
            Method::GET,
            "/api/v1/inventory/export?format=jsonl",
            Some(&s.viewer),
            &[],
            None,
        )
        .await
        .text;
        assert_eq!(jsonl.lines().count(), 3);
        // Each JSONL line is a complete manifest (the organization's facts filled in): the batch format.
        for line in jsonl.lines() {
            let m: Value = serde_json::from_str(line).unwrap();
            assert_eq!(m["organization"]["established_in"], json!(["DE"]));
        }
        exports.push((csv.text, jsonl));
    }
    for (i, (csv, jsonl)) in exports.into_iter().enumerate() {
        for s in services(&format!("transfer_back{i}"), false).await {
            let req = |fmt: &str, body: &str| {
                Request::builder()
                    .method(Method::POST)
                    .uri(format!("/api/v1/inventory/import?format={fmt}"))
                    .header("authorization", format!("Bearer {}", s.editor))
                    .header("content-type", "text/plain")
                    .body(Body::from(body.to_string()))
                    .unwrap()
            };
            let r = s.app.clone().oneshot(req("csv", &csv)).await.unwrap();
            assert_eq!(r.status(), StatusCode::CREATED);
            let again = call(
                &s.app,
                Method::GET,
                "/api/v1/inventory/export?format=csv",
                Some(&s.viewer),
                &[],
                None,
            )
            .await
            .text;
            assert_eq!(
                again, csv,
                "a CSV export read back gives the same inventory, ids and metadata included"
            );
            // A second import of the same rows is refused as a whole (the ids are taken).
            let r = s.app.clone().oneshot(req("csv", &csv)).await.unwrap();
            assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
            // JSONL lines become new subjects; a bad line refuses the whole import, naming the line.
            let r = s.app.clone().oneshot(req("jsonl", &jsonl)).await.unwrap();
            assert_eq!(r.status(), StatusCode::CREATED);
            let list = call(
                &s.app,
                Method::GET,
                "/api/v1/subjects?limit=2",
                Some(&s.viewer),
                &[],
                None,
            )
            .await
            .json();
            assert_eq!(list["items"].as_array().unwrap().len(), 2);
            assert!(list["next"].is_string());
            let bad =
                format!("{jsonl}{{\"subject\": \"ai_system\", \"ai_system\": {{\"roles\": 3}}}}\n");
            let r = s.app.clone().oneshot(req("jsonl", &bad)).await.unwrap();
            assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
            let body = r.into_body().collect().await.unwrap().to_bytes();
            let p: Value = serde_json::from_slice(&body).unwrap();
            assert_eq!(p["errors"][0]["place"], "line 4", "{p}");
            let all = call(
                &s.app,
                Method::GET,
                "/api/v1/subjects",
                Some(&s.viewer),
                &[],
                None,
            )
            .await
            .json();
            assert_eq!(all["items"].as_array().unwrap().len(), 6);
        }
    }
}

#[tokio::test]
async fn every_route_is_in_the_openapi_document() {
    let doc = serde_json::to_value(aigov_api::openapi()).unwrap();
    assert_eq!(doc["openapi"], "3.1.0");
    let paths = doc["paths"].as_object().unwrap();
    let listed: Vec<String> = paths
        .iter()
        .flat_map(|(p, item)| {
            ["get", "post", "put", "patch", "delete"]
                .into_iter()
                .filter(|m| item.get(*m).is_some())
                .map(move |m| format!("{} {p}", m.to_uppercase()))
        })
        .collect();
    let expected = [
        "GET /healthz",
        "GET /readyz",
        "POST /api/v1/assess",
        "POST /api/v1/explain",
        "POST /api/v1/diff",
        "POST /api/v1/timeline",
        "POST /api/v1/map",
        "POST /api/v1/compute",
        "POST /api/v1/changes",
        "POST /api/v1/plan",
        "POST /api/v1/compare",
        "POST /api/v1/export/classify",
        "GET /api/v1/organizations",
        "POST /api/v1/organizations",
        "GET /api/v1/organizations/{id}",
        "PUT /api/v1/organizations/{id}",
        "PATCH /api/v1/organizations/{id}",
        "DELETE /api/v1/organizations/{id}",
        "GET /api/v1/organizations/{id}/versions",
        "GET /api/v1/subjects",
        "POST /api/v1/subjects",
        "GET /api/v1/subjects/{id}",
        "PUT /api/v1/subjects/{id}",
        "PATCH /api/v1/subjects/{id}",
        "DELETE /api/v1/subjects/{id}",
        "GET /api/v1/subjects/{id}/versions",
        "GET /api/v1/subjects/{id}/assessment",
        "GET /api/v1/inventory",
        "GET /api/v1/inventory/changes",
        "POST /api/v1/inventory/reassess",
        "GET /api/v1/inventory/export",
        "POST /api/v1/inventory/import",
        "GET /api/v1/inventory/calendar.ics",
        "GET /api/v1/audit",
        "GET /api/v1/audit/verify",
    ];
    let mut a = listed.clone();
    a.sort();
    let mut b: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
    b.sort();
    assert_eq!(a, b);
    // And every documented operation is routed: none answers "no such route" or 405.
    for s in services("openapi", false).await {
        for op in &listed {
            let (method, path) = op.split_once(' ').unwrap();
            let a = call(
                &s.app,
                method.parse().unwrap(),
                &path.replace("{id}", "x"),
                Some(&s.admin),
                &[],
                None,
            )
            .await;
            assert_ne!(a.status, StatusCode::METHOD_NOT_ALLOWED, "{op}");
            assert!(
                !a.text.contains("/problems/route.not_found"),
                "{op} is documented but not routed"
            );
        }
        let served = call(&s.app, Method::GET, "/openapi.json", None, &[], None).await;
        assert_eq!(served.json(), doc);
    }
}

/// The law's changes, the control plan and the comparison are served like the CLI's documents: the US federal
/// turn on 2025-01-20, a plan whose first control is due first, and a comparison that needs its jurisdictions.
#[tokio::test]
async fn changes_plan_and_compare_are_served() {
    for s in services("controls", false).await {
        let body = json!({"from": "2025-01-19", "to": "2025-01-20", "jurisdictions": ["US"]});
        let c = call(
            &s.app,
            Method::POST,
            "/api/v1/changes",
            Some(&s.viewer),
            &[],
            Some(body.to_string()),
        )
        .await;
        assert_eq!(c.status, StatusCode::OK, "{}", c.text);
        let doc = c.json();
        assert_eq!(doc["kind"], "law_changes");
        assert!(
            doc["changes"].as_array().is_some_and(|l| l
                .iter()
                .any(|c| c["instrument"] == "us_eo_14110"
                    && c["event"] == "revoked"
                    && c["by"] == "us_eo_14148")),
            "{doc}"
        );
        let bad = json!({"from": "2025-01-19", "to": "2025-01-20", "jurisdictions": ["US-CAL"]});
        let p = call(
            &s.app,
            Method::POST,
            "/api/v1/changes",
            Some(&s.viewer),
            &[],
            Some(bad.to_string()),
        )
        .await;
        assert_eq!(p.status.as_u16() / 100, 4, "{}", p.text);

        let manifest = example("cv-screening-saas.yaml");
        let body = json!({"manifest": manifest, "as_of": "2026-11-28"});
        let plan = call(
            &s.app,
            Method::POST,
            "/api/v1/plan",
            Some(&s.viewer),
            &[],
            Some(body.to_string()),
        )
        .await;
        assert_eq!(plan.status, StatusCode::OK, "{}", plan.text);
        assert_eq!(plan.json()["kind"], "plan");
        // A manifest of linked subjects: one plan whose rules each name the subject they concern.
        let body = json!({"manifest": example("frontier-lab-model-and-chatbot.yaml"), "as_of": "2026-11-28"});
        let lp = call(
            &s.app,
            Method::POST,
            "/api/v1/plan",
            Some(&s.viewer),
            &[],
            Some(body.to_string()),
        )
        .await;
        assert_eq!(lp.status, StatusCode::OK, "{}", lp.text);
        let lc = call(
            &s.app,
            Method::POST,
            "/api/v1/compute",
            Some(&s.viewer),
            &[],
            Some(body.to_string()),
        )
        .await;
        assert_eq!(lc.status, StatusCode::OK, "{}", lc.text);
        let c = lc.json();
        assert_eq!(c["kind"], "linked_compute");
        assert_eq!(c["subjects"][0]["id"], "atlas");
        assert_eq!(c["skipped"][0]["id"], "atlas-chat");
        let doc = lp.json();
        assert_eq!(doc["kind"], "linked_plan");
        assert_eq!(doc["subjects"][1]["id"], "atlas-chat");
        let pairs: Vec<(String, String)> = doc["items"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|i| i["rules"].as_array().into_iter().flatten())
            .map(|r| {
                (
                    r["subject_id"].as_str().unwrap_or_default().to_string(),
                    r["rule"].as_str().unwrap_or_default().to_string(),
                )
            })
            .collect();
        assert!(pairs.contains(&("atlas".into(), "eu_ai_act.art55_1_d".into())));
        assert!(pairs.contains(&(
            "atlas-chat".into(),
            "eu_ai_act.art50_1_interaction_disclosure".into()
        )));
        assert!(pairs
            .iter()
            .all(|(id, _)| id == "atlas" || id == "atlas-chat"));

        let body = json!({"manifest": example("cv-screening-eu-us.yaml"), "as_of": "2026-11-28", "jurisdictions": ["EU", "US-CO"]});
        let cmp = call(
            &s.app,
            Method::POST,
            "/api/v1/compare",
            Some(&s.viewer),
            &[],
            Some(body.to_string()),
        )
        .await;
        assert_eq!(cmp.status, StatusCode::OK, "{}", cmp.text);
        assert_eq!(cmp.json()["kind"], "comparison");
        let body = json!({"manifest": example("frontier-lab-model-and-chatbot.yaml"), "as_of": "2026-11-28", "jurisdictions": ["EU"]});
        let lc = call(
            &s.app,
            Method::POST,
            "/api/v1/compare",
            Some(&s.viewer),
            &[],
            Some(body.to_string()),
        )
        .await;
        assert_eq!(lc.status, StatusCode::OK, "{}", lc.text);
        let doc = lc.json();
        assert_eq!(doc["kind"], "linked_comparison");
        assert_eq!(doc["subjects"][0]["id"], "atlas");
        assert_eq!(doc["subjects"][1]["id"], "atlas-chat");
        assert_eq!(doc["subjects"][1]["built_on"], "atlas");
        assert_eq!(
            doc["subjects"][1]["controls"][0]["jurisdictions"][0]["rules"][0]["subject_id"],
            "atlas-chat"
        );
        let none = json!({"manifest": example("cv-screening-eu-us.yaml"), "as_of": "2026-11-28"});
        let p = call(
            &s.app,
            Method::POST,
            "/api/v1/compare",
            Some(&s.viewer),
            &[],
            Some(none.to_string()),
        )
        .await;
        assert_eq!(p.status.as_u16() / 100, 4, "{}", p.text);
        // Without a token: 401.
        let anon = call(
            &s.app,
            Method::POST,
            "/api/v1/plan",
            None,
            &[],
            Some(body.to_string()),
        )
        .await;
        assert_eq!(anon.status, StatusCode::UNAUTHORIZED);
    }
}

/// With a web app mounted (any router: the server hands over aigov-web's), every path that is not the API's goes
/// to it, and an unknown `/api/` path stays a problem+json 404.
#[tokio::test]
async fn a_mounted_web_app_answers_every_other_path() {
    let dir = std::env::temp_dir().join(format!("aigov-api-{}-mounted", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let _cleanup = TempDir(dir.clone());
    let store = Store::open(Some(&aigov_store::sqlite_url(&dir.join("aigov.db"))))
        .await
        .unwrap();
    let engine = Arc::new(aigov_app::engine(None).unwrap());
    let state = AppState {
        catalogue: Arc::new(aigov_app::plan::catalogue(None, &engine.corpus).unwrap()),
        engine,
        store,
        anonymous_assess: false,
        corpus_fingerprint: "embedded".into(),
        plans: Default::default(),
    };
    let web = Router::new()
        .route("/", axum::routing::get(|| async { "the web app" }))
        .fallback(|| async { (StatusCode::NOT_FOUND, "web 404") });
    let app = aigov_api::router_with(state, &Config::default(), Some(web));
    let home = call(&app, Method::GET, "/", None, &[], None).await;
    assert_eq!(home.text, "the web app");
    let other = call(&app, Method::GET, "/inventory", None, &[], None).await;
    assert_eq!(
        (other.status, other.text.as_str()),
        (StatusCode::NOT_FOUND, "web 404")
    );
    call(&app, Method::GET, "/api/v1/nowhere", None, &[], None)
        .await
        .problem(404, "route.not_found");
    let health = call(&app, Method::GET, "/healthz", None, &[], None).await;
    assert_eq!(health.status, StatusCode::OK);
    let subjects = call(&app, Method::GET, "/api/v1/subjects", None, &[], None).await;
    subjects.problem(401, "auth.missing");
}

const MINI: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../corpus/tests/fixtures/mini");

/// The service over a corpus folder, on a given store.
fn service_on(store: &Store, corpus: &std::path::Path) -> (Router, AppState) {
    let engine = Arc::new(aigov_app::engine(Some(corpus)).unwrap());
    let state = AppState {
        catalogue: Arc::new(aigov_app::plan::catalogue(Some(corpus), &engine.corpus).unwrap()),
        corpus_fingerprint: aigov_app::corpus_fingerprint(Some(corpus)).unwrap().into(),
        engine,
        store: store.clone(),
        anonymous_assess: false,
        plans: Default::default(),
    };
    (router(state.clone(), &Config::default()), state)
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
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

/// Subjects recorded under the mini corpus, then the service restarted on a copy whose XX prohibitions apply three
/// years later: `POST /api/v1/inventory/reassess` names the subject whose answer changed, with the rule and both
/// statuses, and counts the one untouched; a second call finds nothing changed; viewers may not call it, a bad
/// date is a 400 problem; on start, the re-assessment runs only when the corpus differs.
#[tokio::test]
async fn reassess_reports_what_a_changed_corpus_changed() {
    let dir =
        std::env::temp_dir().join(format!("aigov-api-{}-reassess-corpus", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(std::path::Path::new(MINI), &dir);
    let _cleanup = TempDir(dir.clone());
    let act = dir.join("xx/act.yaml");
    let text = std::fs::read_to_string(&act).unwrap();
    let moved = text.replace(
        "{ id: applies_prohibitions, kind: applies_from, date: 2024-06-01",
        "{ id: applies_prohibitions, kind: applies_from, date: 2027-06-01",
    );
    assert_ne!(text, moved);
    std::fs::write(&act, moved).unwrap();

    for which in 0..2 {
        let Some((store, _tmp)) = store("reassess", which).await else {
            continue;
        };
        let editor = store
            .create_token("e", Role::Editor, "test")
            .await
            .unwrap()
            .secret;
        let viewer = store
            .create_token("v", Role::Viewer, "test")
            .await
            .unwrap()
            .secret;
        let (before, before_state) = service_on(&store, std::path::Path::new(MINI));
        let manifest = |used: &str, est: &str| {
            json!({"manifest": {
            "subject": "ai_system", "name": format!("in {used}"),
            "organization": {"established_in": [est], "employees": 500},
            "ai_system": {"roles": ["provider"], "used_in": [used], "uses": ["recruitment"]}}})
        };
        let mut ids = Vec::new();
        for (used, est) in [("XX", "XX"), ("US-CA", "US")] {
            let c = call(
                &before,
                Method::POST,
                "/api/v1/subjects",
                Some(&editor),
                &[],
                Some(manifest(used, est).to_string()),
            )
            .await;
            assert_eq!(c.status, StatusCode::CREATED, "{}", c.text);
            ids.push(c.json()["id"].as_str().unwrap().to_string());
        }
        let uri = "/api/v1/inventory/reassess?as_of=2026-01-01";
        let first = call(&before, Method::POST, uri, Some(&editor), &[], None).await;
        assert_eq!(first.status, StatusCode::OK, "{}", first.text);
        let f = first.json();
        assert_eq!(
            (f["first_assessed"].as_u64(), f["unchanged"].as_u64()),
            (Some(2), Some(0))
        );
        assert_eq!(f["corpus_before"], json!([]));
        // Nothing to do on start under the same corpus: the record stays as it is.
        aigov_api::reassess_if_corpus_changed(before_state.clone()).await;
        let digests = store.answer_digests().await.unwrap();
        assert!(
            digests.iter().all(|d| d.as_of == "2026-01-01"),
            "{digests:?}"
        );

        let (after, after_state) = service_on(&store, &dir);
        let forbidden = call(&after, Method::POST, uri, Some(&viewer), &[], None).await;
        assert_eq!(forbidden.status, StatusCode::FORBIDDEN);
        let bad = call(
            &after,
            Method::POST,
            "/api/v1/inventory/reassess?as_of=soon",
            Some(&editor),
            &[],
            None,
        )
        .await;
        assert_eq!(bad.status, StatusCode::BAD_REQUEST, "{}", bad.text);
        assert_eq!(bad.headers["content-type"], "application/problem+json");

        let r = call(
            &after,
            Method::POST,
            "/api/v1/inventory/reassess?as_of=2026-02-01",
            Some(&editor),
            &[],
            None,
        )
        .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text);
        let a = r.json();
        assert_eq!(
            a["corpus_before"],
            json!([&*before_state.corpus_fingerprint])
        );
        assert_eq!(a["corpus_after"], json!(&*after_state.corpus_fingerprint));
        assert_eq!(
            (
                a["subjects"].as_u64(),
                a["unchanged"].as_u64(),
                a["first_assessed"].as_u64()
            ),
            (Some(2), Some(1), Some(0))
        );
        let changed = a["changed"].as_array().unwrap();
        assert_eq!(changed.len(), 1, "{a}");
        assert_eq!(changed[0]["subject_id"], json!(ids[0]));
        assert_eq!(changed[0]["name"], json!("in XX"));
        assert_eq!(changed[0]["as_of"], json!("2026-01-01"));
        assert!(
            changed[0]["changed"].as_array().unwrap().contains(
                &json!({"rule": "xx_act.scope", "before": "in_effect", "after": "upcoming"})
            ),
            "{a}"
        );
        // Recorded under the new corpus: asked again, nothing changed.
        let again = call(
            &after,
            Method::POST,
            "/api/v1/inventory/reassess?as_of=2026-02-01",
            Some(&editor),
            &[],
            None,
        )
        .await;
        let g = again.json();
        assert_eq!(
            (
                g["unchanged"].as_u64(),
                g["changed"].as_array().map(Vec::len)
            ),
            (Some(2), Some(0)),
            "{g}"
        );

        // Back on the first corpus, as on a restart: the start re-assesses, as of today, under that corpus.
        aigov_api::reassess_if_corpus_changed(before_state).await;
        let fps = store.answer_fingerprints().await.unwrap();
        assert_eq!(
            fps,
            vec![aigov_app::corpus_fingerprint(Some(std::path::Path::new(MINI))).unwrap()]
        );
        assert!(store
            .answer_digests()
            .await
            .unwrap()
            .iter()
            .all(|d| d.as_of != "2026-02-01"));
    }
}

/// `view=summary` answers with the assessment in brief, for a posted manifest and for a stored subject: the same
/// bytes as aigov-app's summary of that assessment, the service's corpus fingerprint in it, the same counts as the
/// full document, its members all declared in the OpenAPI document's `AssessmentSummary`, and an unknown view a
/// problem.
#[tokio::test]
async fn the_summary_view_of_an_assessment() {
    let engine = aigov_app::engine(None).unwrap();
    let doc = serde_json::to_value(aigov_api::openapi()).unwrap();
    let schemas = &doc["components"]["schemas"];
    for s in services("summary", false).await {
        let manifest = example("cv-screening-saas.yaml");
        let body = json!({"manifest": manifest, "as_of": "2026-11-28"}).to_string();
        let sum = call(
            &s.app,
            Method::POST,
            "/api/v1/assess?view=summary",
            Some(&s.viewer),
            &[],
            Some(body.clone()),
        )
        .await;
        assert_eq!(sum.status, StatusCode::OK, "{}", sum.text);
        assert_eq!(sum.headers["content-type"], "application/json");
        let expected = aigov_app::request::assess_summary(
            &engine,
            &manifest,
            "2026-11-28".parse().unwrap(),
            &[],
            false,
            "embedded",
        )
        .unwrap();
        assert_eq!(sum.text, expected);
        let full = call(
            &s.app,
            Method::POST,
            "/api/v1/assess?view=full",
            Some(&s.viewer),
            &[],
            Some(body.clone()),
        )
        .await;
        let (sj, fj) = (sum.json(), full.json());
        assert_eq!(sj["kind"], "assessment_summary");
        assert_eq!(fj["kind"], "assessment");
        assert_eq!(sj["corpus"]["fingerprint"], "embedded");
        let total: u64 = sj["counts"]
            .as_object()
            .unwrap()
            .values()
            .map(|v| v.as_u64().unwrap())
            .sum();
        assert_eq!(total as usize, fj["findings"].as_array().unwrap().len());
        assert!(
            sum.text.len() * 10 < full.text.len(),
            "{} / {}",
            sum.text.len(),
            full.text.len()
        );
        // Every member is declared in the schema, and every required member is there.
        check_schema(schemas, "AssessmentSummary", &sj);
        // A stored subject's summary is the same as the posted manifest's.
        let c = call(
            &s.app,
            Method::POST,
            "/api/v1/subjects",
            Some(&s.editor),
            &[],
            Some(json!({"manifest": manifest}).to_string()),
        )
        .await;
        assert_eq!(c.status, StatusCode::CREATED, "{}", c.text);
        let id = c.json()["id"].as_str().unwrap().to_string();
        let stored = call(
            &s.app,
            Method::GET,
            &format!("/api/v1/subjects/{id}/assessment?as_of=2026-11-28&view=summary"),
            Some(&s.viewer),
            &[],
            None,
        )
        .await;
        assert_eq!(stored.status, StatusCode::OK, "{}", stored.text);
        assert_eq!(stored.text, expected);
        // An unknown view is refused, naming the parameter.
        let p = call(
            &s.app,
            Method::POST,
            "/api/v1/assess?view=brief",
            Some(&s.viewer),
            &[],
            Some(body),
        )
        .await;
        assert!(p.status.is_client_error(), "{}", p.text);
        assert!(p.text.contains("view"), "{}", p.text);
    }
}

/// Checks that `value`'s members are the properties of the named schema (none undeclared, every required one
/// present), recursively through `$ref`s and arrays of them.
fn check_schema(schemas: &Value, name: &str, value: &Value) {
    let schema = &schemas[name];
    assert!(schema.is_object(), "no schema {name}");
    let props = schema["properties"].as_object().unwrap();
    let obj = value.as_object().unwrap();
    for k in obj.keys() {
        assert!(props.contains_key(k), "{name}: `{k}` is not declared");
    }
    for r in schema["required"].as_array().into_iter().flatten() {
        assert!(
            obj.contains_key(r.as_str().unwrap()),
            "{name}: `{r}` missing"
        );
    }
    for (k, v) in obj {
        let p = &props[k];
        let reference = p["$ref"]
            .as_str()
            .or_else(|| p["items"]["$ref"].as_str())
            .or_else(|| {
                p["oneOf"]
                    .as_array()
                    .and_then(|o| o.iter().find_map(|x| x["$ref"].as_str()))
            });
        let Some(r) = reference else { continue };
        let target = r.trim_start_matches("#/components/schemas/");
        if schemas[target]["properties"].is_null() {
            continue; // an enum
        }
        match v {
            Value::Array(items) => items.iter().for_each(|i| check_schema(schemas, target, i)),
            Value::Object(_) => check_schema(schemas, target, v),
            _ => {}
        }
    }
}

/// A client that accepts gzip or Brotli gets the full assessment compressed: far smaller, and decoded it is the
/// same bytes as the uncompressed answer (`aigov assess --format json`); a client that says nothing gets it plain.
#[tokio::test]
async fn big_answers_are_compressed_for_clients_that_accept_it() {
    use std::io::Read;
    for s in services("compress", false).await {
        let body = json!({"manifest": example("cv-screening-saas.yaml"), "as_of": "2026-11-28"})
            .to_string();
        let plain = call(
            &s.app,
            Method::POST,
            "/api/v1/assess",
            Some(&s.viewer),
            &[],
            Some(body.clone()),
        )
        .await;
        assert_eq!(plain.status, StatusCode::OK);
        assert!(!plain.headers.contains_key("content-encoding"));
        assert!(plain.text.len() > 50_000, "{}", plain.text.len());
        for (accept, expected) in [
            ("gzip", "gzip"),
            ("br", "br"),
            ("gzip, deflate, br", "br"), // a browser's: Brotli is preferred
            ("identity", ""),
        ] {
            let req = Request::builder()
                .method(Method::POST)
                .uri("/api/v1/assess")
                .header("authorization", format!("Bearer {}", s.viewer))
                .header("content-type", "application/json")
                .header("accept-encoding", accept)
                .body(Body::from(body.clone()))
                .unwrap();
            let res = s.app.clone().oneshot(req).await.unwrap();
            assert_eq!(res.status(), StatusCode::OK);
            let encoding = res
                .headers()
                .get("content-encoding")
                .map(|v| v.to_str().unwrap().to_string())
                .unwrap_or_default();
            assert_eq!(encoding, expected, "{accept}");
            assert_eq!(res.headers()["vary"], "accept-encoding");
            let bytes = res.into_body().collect().await.unwrap().to_bytes();
            let mut decoded = String::new();
            match expected {
                "gzip" => {
                    flate2::read::GzDecoder::new(&bytes[..])
                        .read_to_string(&mut decoded)
                        .unwrap();
                }
                "br" => {
                    brotli_decompressor::Decompressor::new(&bytes[..], 4096)
                        .read_to_string(&mut decoded)
                        .unwrap();
                }
                _ => decoded = String::from_utf8(bytes.to_vec()).unwrap(),
            }
            assert_eq!(decoded, plain.text, "{accept}");
            if !expected.is_empty() {
                assert!(
                    bytes.len() * 5 < plain.text.len(),
                    "{accept}: {} of {}",
                    bytes.len(),
                    plain.text.len()
                );
            }
        }
        // The streamed view, compressed: a compressing body polls the stream once more after its end (this
        // panicked the handler's task and cut the answer, found by schemathesis).
        let plain = call(
            &s.app,
            Method::GET,
            "/api/v1/inventory?as_of=2000-01-01&format=jsonl",
            Some(&s.viewer),
            &[],
            None,
        )
        .await;
        assert_eq!(plain.status, StatusCode::OK);
        assert!(
            plain.text.contains("\"inventory_summary\""),
            "{}",
            plain.text
        );
        for accept in ["gzip", "br"] {
            let req = Request::builder()
                .method(Method::GET)
                .uri("/api/v1/inventory?as_of=2000-01-01&format=jsonl")
                .header("authorization", format!("Bearer {}", s.viewer))
                .header("accept-encoding", accept)
                .body(Body::empty())
                .unwrap();
            let res = s.app.clone().oneshot(req).await.unwrap();
            assert_eq!(res.status(), StatusCode::OK);
            assert_eq!(res.headers()["content-encoding"], accept);
            let bytes = res.into_body().collect().await.unwrap().to_bytes();
            let mut decoded = String::new();
            if accept == "gzip" {
                flate2::read::GzDecoder::new(&bytes[..])
                    .read_to_string(&mut decoded)
                    .unwrap();
            } else {
                brotli_decompressor::Decompressor::new(&bytes[..], 4096)
                    .read_to_string(&mut decoded)
                    .unwrap();
            }
            assert_eq!(decoded, plain.text, "{accept}");
        }
    }
}

/// The problems for request bodies that do not fit, whole and byte for byte: the body is read straight into the
/// typed request, and only a body that fails is read again to name the place, so these documents must not change
/// with that (the field's path, the message, the hint and the status are what a client shows).
#[tokio::test]
async fn request_shape_problems_are_exact() {
    let cases: &[(&str, &str, &str, u16, &str)] = &[
        // (route, body, content type, status, the problem document)
        (
            "/api/v1/assess",
            r#"{"manifest": {"subject": "ai_system"}}"#,
            "application/json",
            422,
            r#"{"type":"/problems/request.shape","title":"The request body does not have the expected fields","status":422,"detail":"the body does not have the expected fields: `.`: missing field `as_of`","hint":"see the request schema of this route in /openapi.json","errors":[{"place":".","message":"missing field `as_of`"}]}"#,
        ),
        (
            "/api/v1/assess",
            r#"{"manifest": {"subject": "ai_system"}, "as_of": 5}"#,
            "application/json",
            422,
            r#"{"type":"/problems/request.shape","title":"The request body does not have the expected fields","status":422,"detail":"the body does not have the expected fields: `as_of`: invalid type: integer `5`, expected a date string","hint":"see the request schema of this route in /openapi.json","errors":[{"place":"as_of","message":"invalid type: integer `5`, expected a date string"}]}"#,
        ),
        (
            "/api/v1/assess",
            r#"{"manifest": {"subject": "ai_system"}, "as_of": "2026-13-01"}"#,
            "application/json",
            422,
            r#"{"type":"/problems/request.shape","title":"The request body does not have the expected fields","status":422,"detail":"the body does not have the expected fields: `as_of`: failed to parse two digit integer as month: parameter 'month' is not in the required range of 1..=12","hint":"see the request schema of this route in /openapi.json","errors":[{"place":"as_of","message":"failed to parse two digit integer as month: parameter 'month' is not in the required range of 1..=12"}]}"#,
        ),
        (
            "/api/v1/assess",
            r#"{"manifest": {"subject": "ai_system"}, "as_of": "2026-01-01", "jurisdictions": ["EU", 1]}"#,
            "application/json",
            422,
            r#"{"type":"/problems/request.shape","title":"The request body does not have the expected fields","status":422,"detail":"the body does not have the expected fields: `jurisdictions[1]`: invalid type: integer `1`, expected a string","hint":"see the request schema of this route in /openapi.json","errors":[{"place":"jurisdictions[1]","message":"invalid type: integer `1`, expected a string"}]}"#,
        ),
        (
            "/api/v1/assess",
            r#"{"manifest": {"subject": "ai_system"}, "as_of": "2026-01-01", "all": "yes"}"#,
            "application/json",
            422,
            r#"{"type":"/problems/request.shape","title":"The request body does not have the expected fields","status":422,"detail":"the body does not have the expected fields: `all`: invalid type: string \"yes\", expected a boolean","hint":"see the request schema of this route in /openapi.json","errors":[{"place":"all","message":"invalid type: string \"yes\", expected a boolean"}]}"#,
        ),
        (
            "/api/v1/assess",
            r#"{"manifest": {"subject": "ai_system"}, "as_of": "2026-01-01", "ownr": "x"}"#,
            "application/json",
            422,
            r#"{"type":"/problems/request.shape","title":"The request body does not have the expected fields","status":422,"detail":"the body does not have the expected fields: `ownr`: unknown field `ownr`, expected one of `manifest`, `as_of`, `jurisdictions`, `all`","hint":"see the request schema of this route in /openapi.json","errors":[{"place":"ownr","message":"unknown field `ownr`, expected one of `manifest`, `as_of`, `jurisdictions`, `all`"}]}"#,
        ),
        (
            "/api/v1/assess",
            r#"{"manifest": 5, "as_of": "2026-01-01"}"#,
            "application/json",
            422,
            r#"{"type":"/problems/manifest.invalid","title":"The manifest does not fit the vocabulary","status":422,"detail":"a manifest must be a mapping","hint":"start with `subject: ai_system`","errors":[{"place":"manifest","message":"a manifest must be a mapping","hint":"start with `subject: ai_system`"}]}"#,
        ),
        (
            "/api/v1/assess",
            r#"[{"subject": "ai_system"}, "2026-01-01"]"#,
            "application/json",
            422,
            r#"{"type":"/problems/request.shape","title":"The request body does not have the expected fields","status":422,"detail":"the body must be a JSON object","hint":"see the request schema of this route in /openapi.json"}"#,
        ),
        (
            "/api/v1/assess",
            r#"5"#,
            "application/json",
            422,
            r#"{"type":"/problems/request.shape","title":"The request body does not have the expected fields","status":422,"detail":"the body must be a JSON object","hint":"see the request schema of this route in /openapi.json"}"#,
        ),
        (
            "/api/v1/assess",
            r#"{"manifest": "#,
            "application/json",
            400,
            r#"{"type":"/problems/request.unreadable","title":"The request body is not readable JSON","status":400,"detail":"the body is not JSON: manifest: EOF while parsing a value at line 1 column 13","hint":"send a JSON object; check quotes, commas and brackets"}"#,
        ),
        (
            "/api/v1/assess",
            r#""#,
            "application/json",
            400,
            r#"{"type":"/problems/request.unreadable","title":"The request body is not readable JSON","status":400,"detail":"the body is not JSON: EOF while parsing a value at line 1 column 0","hint":"send a JSON object; check quotes, commas and brackets"}"#,
        ),
        (
            "/api/v1/assess",
            r#"{"manifest": {"subject": "ai_system"}, "as_of": "2026-01-01"} x"#,
            "application/json",
            400,
            r#"{"type":"/problems/request.unreadable","title":"The request body is not readable JSON","status":400,"detail":"the body is not JSON: trailing characters at line 1 column 63","hint":"send a JSON object; check quotes, commas and brackets"}"#,
        ),
        (
            "/api/v1/assess",
            r#"{"manifest": {"subject": "ai_system"}, "as_of": "2026-01-01"}"#,
            "text/plain",
            415,
            r#"{"type":"/problems/request.media_type","title":"The request body must be JSON","status":415,"detail":"the body must be sent as `Content-Type: application/json`","hint":"add the header `Content-Type: application/json`"}"#,
        ),
        (
            "/api/v1/assess?view=summary",
            r#"{"manifest": {"subject": "ai_system"}}"#,
            "application/json",
            422,
            r#"{"type":"/problems/request.shape","title":"The request body does not have the expected fields","status":422,"detail":"the body does not have the expected fields: `.`: missing field `as_of`","hint":"see the request schema of this route in /openapi.json","errors":[{"place":".","message":"missing field `as_of`"}]}"#,
        ),
        (
            "/api/v1/diff",
            r#"{"manifest": {"subject": "ai_system"}, "from": "2026-01-01"}"#,
            "application/json",
            422,
            r#"{"type":"/problems/request.shape","title":"The request body does not have the expected fields","status":422,"detail":"the body does not have the expected fields: `.`: missing field `to`","hint":"see the request schema of this route in /openapi.json","errors":[{"place":".","message":"missing field `to`"}]}"#,
        ),
        (
            "/api/v1/subjects",
            r#"{"manifest": {"subject": "ai_system"}, "ownr": "x"}"#,
            "application/json",
            422,
            r#"{"type":"/problems/request.shape","title":"The request body does not have the expected fields","status":422,"detail":"the body does not have the expected fields: `ownr`: unknown field `ownr`, expected one of `name`, `organization_id`, `owner`, `tags`, `notes`, `manifest`","hint":"see the request schema of this route in /openapi.json","errors":[{"place":"ownr","message":"unknown field `ownr`, expected one of `name`, `organization_id`, `owner`, `tags`, `notes`, `manifest`"}]}"#,
        ),
        (
            "/api/v1/subjects",
            r#"{"manifest": {"subject": "ai_system"}, "tags": "x"}"#,
            "application/json",
            422,
            r#"{"type":"/problems/request.shape","title":"The request body does not have the expected fields","status":422,"detail":"the body does not have the expected fields: `tags`: invalid type: string \"x\", expected a sequence","hint":"see the request schema of this route in /openapi.json","errors":[{"place":"tags","message":"invalid type: string \"x\", expected a sequence"}]}"#,
        ),
    ];
    for s in services("shape_exact", false).await {
        for (uri, body, ctype, status, expected) in cases {
            let req = Request::builder()
                .method(Method::POST)
                .uri(*uri)
                .header("authorization", format!("Bearer {}", s.editor))
                .header("content-type", *ctype)
                .body(Body::from(body.to_string()))
                .unwrap();
            let res = s.app.clone().oneshot(req).await.unwrap();
            let got_status = res.status().as_u16();
            let bytes = res.into_body().collect().await.unwrap().to_bytes();
            let text = String::from_utf8(bytes.to_vec()).unwrap();
            assert_eq!(got_status, *status, "{body}: {text}");
            assert_eq!(&text, expected, "{body}");
        }
        // Bodies the typed reading refuses but JSON allows read as they always did: a repeated member (the last
        // one counts) and a JSON content type with parameters.
        let summary = |body: &'static str, ctype: &'static str| {
            let app = s.app.clone();
            let token = s.viewer.clone();
            async move {
                let req = Request::builder()
                    .method(Method::POST)
                    .uri("/api/v1/assess?view=summary")
                    .header("authorization", format!("Bearer {token}"))
                    .header("content-type", ctype)
                    .body(Body::from(body))
                    .unwrap();
                let res = app.oneshot(req).await.unwrap();
                let status = res.status();
                let bytes = res.into_body().collect().await.unwrap().to_bytes();
                (status, String::from_utf8(bytes.to_vec()).unwrap())
            }
        };
        let once = summary(
            r#"{"manifest": {"subject": "ai_system"}, "as_of": "2026-09-01"}"#,
            "application/json",
        )
        .await;
        assert_eq!(once.0, StatusCode::OK, "{}", once.1);
        assert!(once.1.contains(r#""as_of":"2026-09-01""#), "{}", once.1);
        let twice = summary(
            r#"{"as_of": "2020-01-01", "manifest": {"subject": "ai_system"}, "as_of": "2026-09-01"}"#,
            "application/json",
        )
        .await;
        assert_eq!(twice, once);
        let charset = summary(
            r#"{"manifest": {"subject": "ai_system"}, "as_of": "2026-09-01"}"#,
            "application/json; charset=utf-8",
        )
        .await;
        assert_eq!(charset, once);
    }
}

/// `POST /api/v1/assess` keeps the plan of each date it is asked about (one per date, however many requests) and
/// answers exactly what the assessment without a plan answers, in both views.
#[tokio::test]
async fn assessments_keep_the_dates_plans_and_answer_the_same() {
    let dir = std::env::temp_dir().join(format!("aigov-api-{}-plans", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let _cleanup = TempDir(dir.clone());
    let store = Store::open(Some(&aigov_store::sqlite_url(&dir.join("aigov.db"))))
        .await
        .unwrap();
    let engine = Arc::new(aigov_app::engine(None).unwrap());
    let plans = Arc::new(aigov_app::date_plans::DatePlans::default());
    let state = AppState {
        catalogue: Arc::new(aigov_app::plan::catalogue(None, &engine.corpus).unwrap()),
        engine: engine.clone(),
        store,
        anonymous_assess: true,
        corpus_fingerprint: "embedded".into(),
        plans: plans.clone(),
    };
    let app = router(state, &Config::default());
    assert!(plans.is_empty());
    let dates = ["2026-11-28", "2025-03-01", "2026-11-28", "2030-01-01"];
    for name in ["cv-screening-saas.yaml", "gpai-frontier-model.yaml"] {
        let manifest = example(name);
        for as_of in dates {
            let body = json!({"manifest": manifest, "as_of": as_of}).to_string();
            let date = as_of.parse().unwrap();
            let sum = call(
                &app,
                Method::POST,
                "/api/v1/assess?view=summary",
                None,
                &[],
                Some(body.clone()),
            )
            .await;
            let expected = aigov_app::request::assess_summary(
                &engine,
                &manifest,
                date,
                &[],
                false,
                "embedded",
            )
            .unwrap();
            assert_eq!(sum.text, expected, "{name} {as_of}");
            let full = call(&app, Method::POST, "/api/v1/assess", None, &[], Some(body)).await;
            let expected =
                aigov_app::request::assess(&engine, &manifest, date, &[], false).unwrap();
            assert_eq!(full.text, expected, "{name} {as_of}");
        }
    }
    let kept: Vec<String> = plans
        .dates("embedded")
        .iter()
        .map(|d| d.to_string())
        .collect();
    assert_eq!(kept, ["2025-03-01", "2026-11-28", "2030-01-01"]);
}

#[tokio::test]
async fn a_panicking_handler_answers_with_a_problem_not_a_dropped_connection() {
    // The answer the service's panic layer gives (`router_with` installs it around every route): `server.error`,
    // problem+json, and the panic's message in the log only, not in the answer.
    let response =
        aigov_api::problem::from_panic(Box::new(String::from("secret detail at index.rs:332")));
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    let body = response
        .into_body()
        .collect()
        .await
        .expect("a body")
        .to_bytes();
    let doc: Value = serde_json::from_slice(&body).expect("JSON");
    assert_eq!(doc["type"], "/problems/server.error");
    assert_eq!(doc["status"], 500);
    assert!(!String::from_utf8_lossy(&body).contains("secret detail"));
    // And a panic raised inside the layer as the router uses it becomes that answer.
    let app = Router::new()
        .route(
            "/boom",
            axum::routing::get(|| async {
                panic!("boom");
                #[allow(unreachable_code)]
                ""
            }),
        )
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(
            aigov_api::problem::from_panic,
        ));
    let response = app
        .oneshot(
            Request::get("/boom")
                .body(Body::empty())
                .expect("a request"),
        )
        .await
        .expect("an answer");
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
}
