//! The web app in process: the router on a temporary SQLite database, one token per role, requests sent with
//! `tower::ServiceExt::oneshot` as a browser would send them (cookies, `Origin`, form bodies).

use aigov_store::{Role, Store};
use aigov_web::{router, WebState};
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use std::sync::Arc;
use tower::ServiceExt;

/// The origin every test request comes from (its `Host`).
const HOST: &str = "127.0.0.1:8080";

struct Web {
    app: Router,
    store: Store,
    dir: std::path::PathBuf,
    editor: String,
    viewer: String,
}

impl Drop for Web {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

async fn web(name: &str) -> Web {
    let dir = std::env::temp_dir().join(format!("aigov-web-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let store = Store::open(Some(&aigov_store::sqlite_url(&dir.join("aigov.db"))))
        .await
        .unwrap();
    let editor = store
        .create_token("ed", Role::Editor, "test")
        .await
        .unwrap()
        .secret;
    let viewer = store
        .create_token("vi", Role::Viewer, "test")
        .await
        .unwrap()
        .secret;
    let engine = Arc::new(aigov_app::engine(None).unwrap());
    let app = router(WebState::new(
        engine,
        store.clone(),
        Arc::new(aigov_app::translations(None).unwrap()),
    ));
    Web {
        app,
        store,
        dir,
        editor,
        viewer,
    }
}

struct Answer {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: String,
}

impl Web {
    async fn send(&self, req: Request<Body>) -> Answer {
        let r = self.app.clone().oneshot(req).await.unwrap();
        let status = r.status();
        let headers = r.headers().clone();
        let bytes = r.into_body().collect().await.unwrap().to_bytes();
        Answer {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
        }
    }

    async fn get(&self, path: &str, token: Option<&str>) -> Answer {
        let mut b = Request::builder().uri(path).header(header::HOST, HOST);
        if let Some(t) = token {
            b = b.header(header::COOKIE, format!("aigov_session={t}"));
        }
        self.send(b.body(Body::empty()).unwrap()).await
    }

    /// A form post from this site's pages (`Origin` set), or from elsewhere (`origin`).
    async fn post(
        &self,
        path: &str,
        token: Option<&str>,
        form: &[(&str, &str)],
        origin: Option<&str>,
    ) -> Answer {
        let mut body = form_urlencoded::Serializer::new(String::new());
        for (k, v) in form {
            body.append_pair(k, v);
        }
        let mut b = Request::builder()
            .method(Method::POST)
            .uri(path)
            .header(header::HOST, HOST)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        if let Some(o) = origin {
            b = b.header(header::ORIGIN, o);
        }
        if let Some(t) = token {
            b = b.header(header::COOKIE, format!("aigov_session={t}"));
        }
        self.send(b.body(Body::from(body.finish())).unwrap()).await
    }
}

const ORIGIN: Option<&str> = Some("http://127.0.0.1:8080");

#[tokio::test]
async fn the_home_page_has_landmarks_a_skip_link_and_both_languages() {
    let w = web("home").await;
    let a = w.get("/", Some(&w.viewer)).await;
    assert_eq!(a.status, StatusCode::OK);
    for part in [
        "<html lang=\"en-US\">",
        "class=\"skip-link\" href=\"#main\"",
        "<header",
        "<nav id=\"site-nav\" aria-label=\"Main\"",
        "<main id=\"main\"",
        "<footer",
        "What applies, when, and why",
        "href=\"/?lang=zh-CN\"",
    ] {
        assert!(a.body.contains(part), "missing {part}");
    }
    let csp = a.headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert!(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"));
    assert_eq!(a.headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    let zh = w.get("/?lang=zh-CN", Some(&w.viewer)).await;
    assert_eq!(zh.status, StatusCode::OK);
    assert!(zh.body.contains("<html lang=\"zh-CN\">"));
    assert!(zh.body.contains("适用什么、何时适用、为何适用"));
    // Every link keeps the language.
    assert!(zh.body.contains("href=\"/inventory?lang=zh-CN\""));
    assert!(zh.body.contains("href=\"/assess?lang=zh-CN\""));
}

#[tokio::test]
async fn static_files_are_embedded_with_a_long_cache_and_an_etag() {
    let w = web("static").await;
    let home = w.get("/", None).await;
    let css = home
        .body
        .split("href=\"")
        .find(|s| s.starts_with("/static/app.css?v="))
        .and_then(|s| s.split('"').next())
        .expect("the page links its stylesheet with its hash")
        .to_string();
    let a = w.get(&css, None).await;
    assert_eq!(a.status, StatusCode::OK);
    assert!(a.headers[header::CACHE_CONTROL]
        .to_str()
        .unwrap()
        .contains("immutable"));
    assert!(a.body.contains("@media print"));
    let etag = a.headers[header::ETAG].to_str().unwrap().to_string();
    let again = w
        .send(
            Request::builder()
                .uri(&css)
                .header(header::IF_NONE_MATCH, &etag)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);
    let htmx = w.get("/static/htmx.min.js", None).await;
    assert_eq!(htmx.status, StatusCode::OK);
    assert!(htmx.body.starts_with("var htmx="));
    assert_eq!(
        w.get("/static/nope.js", None).await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn signing_in_sets_a_strict_httponly_cookie_and_a_bad_token_is_refused() {
    let w = web("signin").await;
    let form = w.get("/signin?next=/inventory", None).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("<label for=\"token\">Token</label>"));
    let ok = w
        .post(
            "/signin",
            None,
            &[("token", &w.viewer), ("next", "/inventory")],
            ORIGIN,
        )
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
    assert_eq!(ok.headers[header::LOCATION], "/inventory");
    let cookie = ok.headers[header::SET_COOKIE].to_str().unwrap();
    assert!(cookie.starts_with(&format!("aigov_session={}", w.viewer)));
    assert!(cookie.contains("HttpOnly"));
    assert!(cookie.contains("SameSite=Strict"));
    // A place to return to off this site is ignored.
    let off = w
        .post(
            "/signin",
            None,
            &[("token", &w.viewer), ("next", "//evil.example/")],
            ORIGIN,
        )
        .await;
    assert_eq!(off.headers[header::LOCATION], "/");
    let bad = w
        .post(
            "/signin",
            None,
            &[("token", "aigov_0000"), ("next", "/")],
            ORIGIN,
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNAUTHORIZED);
    assert!(bad.headers.get(header::SET_COOKIE).is_none());
    assert!(bad.body.contains("id=\"signin-error\""));
    // Signed in, the header says who; signing out clears the cookie.
    let home = w.get("/", Some(&w.editor)).await;
    assert!(home.body.contains("Signed in as ed (editor)"));
    let out = w.post("/signout", Some(&w.editor), &[], ORIGIN).await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    assert!(out.headers[header::SET_COOKIE]
        .to_str()
        .unwrap()
        .contains("Max-Age=0"));
    // A revoked token signs nobody in any more.
    let _ = &w.store;
}

#[tokio::test]
async fn a_post_from_another_site_or_without_origin_is_refused() {
    let w = web("csrf").await;
    for origin in [Some("http://evil.example"), None] {
        let a = w
            .post(
                "/signin",
                None,
                &[("token", &w.viewer), ("next", "/")],
                origin,
            )
            .await;
        assert_eq!(a.status, StatusCode::FORBIDDEN, "{origin:?}");
        assert!(a.headers.get(header::SET_COOKIE).is_none());
        assert!(a.body.contains("data-code=\"request.cross_site\""));
    }
}

#[tokio::test]
async fn an_unknown_page_is_an_html_404_in_the_pages_language() {
    let w = web("notfound").await;
    let a = w.get("/nowhere?lang=zh-CN", None).await;
    assert_eq!(a.status, StatusCode::NOT_FOUND);
    assert!(a.body.contains("此处没有页面。"));
}

/// The value of `attr="..."` after `after` in `html`.
fn attr<'h>(html: &'h str, after: &str, attr: &str) -> Option<&'h str> {
    let rest = &html[html.find(after)?..];
    let start = rest.find(&format!("{attr}=\""))? + attr.len() + 2;
    rest[start..].split('"').next()
}

/// The value of the hidden field `name` of the questionnaire's form (HTML-unescaped).
fn hidden(html: &str, name: &str) -> String {
    let raw = attr(html, &format!("name=\"{name}\""), "value").unwrap_or("");
    raw.replace("&#34;", "\"")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

fn cv_yaml() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/cv-screening-saas.yaml"
    ))
    .unwrap()
}

#[tokio::test]
async fn pages_need_a_signed_in_user() {
    let w = web("signin-needed").await;
    let a = w.get("/assess?lang=zh-CN", None).await;
    assert_eq!(a.status, StatusCode::SEE_OTHER);
    let to = a.headers[header::LOCATION].to_str().unwrap();
    assert!(to.starts_with("/signin?next=%2Fassess"), "{to}");
    assert!(to.ends_with("lang=zh-CN"), "{to}");
}

#[tokio::test]
async fn answering_the_questionnaire_with_the_cv_screeners_facts_classifies_it_high_risk_under_annex_iii_4a(
) {
    let w = web("cv-interview").await;
    let cv: serde_json::Value = serde_yaml_ng::from_str(&cv_yaml()).unwrap();
    let start = w
        .get("/assess?kind=ai_system&as_of=2026-12-01", Some(&w.viewer))
        .await;
    assert_eq!(start.status, StatusCode::OK);
    assert!(start.body.contains("id=\"question-form\""));
    // The first step stays small: the undetermined rules are counted, not listed, until the questions settle them.
    assert!(start.body.len() < 150_000, "{} bytes", start.body.len());
    assert!(start.body.contains("id=\"undetermined-count\""));
    let mut html = start.body;
    let mut steps = 0;
    while let Some(fact) = attr(&html, "id=\"question\"", "data-fact").map(str::to_string) {
        steps += 1;
        assert!(steps < 200, "the questionnaire does not end");
        let (kind, name) = fact.split_once('.').unwrap();
        let value = cv.get(kind).and_then(|k| k.get(name));
        let manifest = hidden(&html, "manifest");
        let skipped = hidden(&html, "skipped");
        let mut form: Vec<(&str, String)> = vec![
            ("kind", "ai_system".into()),
            ("manifest", manifest),
            ("skipped", skipped),
            ("fact", fact.clone()),
            ("as_of", "2026-12-01".into()),
        ];
        match value {
            None => form.push(("action", "unknown".into())),
            Some(v) => {
                form.push(("action", "answer".into()));
                match v {
                    serde_json::Value::Bool(b) => {
                        form.push(("answer", if *b { "yes" } else { "no" }.into()))
                    }
                    serde_json::Value::Array(items) => {
                        let control = attr(&html, "id=\"question\"", "data-control").unwrap();
                        let items: Vec<String> = items
                            .iter()
                            .map(|i| i.as_str().unwrap().to_string())
                            .collect();
                        if control == "any" {
                            form.extend(items.into_iter().map(|i| ("answer", i)));
                        } else {
                            form.push(("answer", items.join(", ")));
                        }
                    }
                    serde_json::Value::String(s) => form.push(("answer", s.clone())),
                    other => form.push(("answer", other.to_string())),
                }
            }
        }
        let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        // Every other step goes as htmx does (the fragment), the others as a plain form post (the page).
        let mut b = Request::builder()
            .method(Method::POST)
            .uri("/assess")
            .header(header::HOST, HOST)
            .header(header::ORIGIN, "http://127.0.0.1:8080")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::COOKIE, format!("aigov_session={}", w.viewer));
        if steps % 2 == 0 {
            b = b.header("HX-Request", "true");
        }
        let mut body = form_urlencoded::Serializer::new(String::new());
        for (k, v) in &pairs {
            body.append_pair(k, v);
        }
        let a = w.send(b.body(Body::from(body.finish())).unwrap()).await;
        assert_eq!(a.status, StatusCode::OK, "{fact}: {}", a.body);
        assert!(
            !a.body.contains("id=\"answer-error\""),
            "{fact} refused: {}",
            a.body
        );
        assert_eq!(a.body.contains("<html"), steps % 2 != 0, "fragment or page");
        html = a.body;
    }
    assert!(steps > 3, "only {steps} questions");
    assert!(html.contains("id=\"questions-done\""));
    // The live region says what changed, in a fragment as an out-of-band swap.
    assert!(html.contains("id=\"assess-status\""));
    assert!(html.contains("aria-live=\"polite\""));
    assert!(html.contains("Assessment updated: "));
    let annex = html
        .split("<li class=\"classification")
        .find(|li| li.contains("Annex III 4(a)"))
        .expect("classified under Annex III 4(a)");
    assert!(annex.contains("data-tier=\"high\""));
    assert!(annex.contains("data-applies-from=\"2027-12-02\""));
    assert!(annex.contains("applies from 2027-12-02"), "{annex}");
}

#[tokio::test]
async fn a_manifest_starts_the_questionnaire_and_the_date_changes_the_answer() {
    let w = web("cv-dates").await;
    let source = cv_yaml();
    for (as_of, from) in [("2026-12-01", "2027-12-02"), ("2026-06-01", "2026-08-02")] {
        let a = w
            .post(
                "/assess",
                Some(&w.viewer),
                &[("action", "source"), ("source", &source), ("as_of", as_of)],
                ORIGIN,
            )
            .await;
        assert_eq!(a.status, StatusCode::OK, "{}", a.body);
        let annex = a
            .body
            .split("<li class=\"classification")
            .find(|li| li.contains("Annex III 4(a)"))
            .expect("Annex III 4(a)");
        assert!(
            annex.contains(&format!("applies from {from}")),
            "as of {as_of}: {annex}"
        );
        // The date field changes it again, keeping the answers.
        let manifest = hidden(&a.body, "manifest");
        let again = w
            .post(
                "/assess",
                Some(&w.viewer),
                &[
                    ("action", "date"),
                    ("manifest", &manifest),
                    ("as_of", "2026-06-01"),
                ],
                ORIGIN,
            )
            .await;
        assert!(again.body.contains("applies from 2026-08-02"));
    }
    // In Chinese, the labels and the dates are Chinese.
    let zh = w
        .post(
            "/assess?lang=zh-CN",
            Some(&w.viewer),
            &[
                ("action", "source"),
                ("source", &source),
                ("as_of", "2026-12-01"),
            ],
            ORIGIN,
        )
        .await;
    assert!(zh.body.contains("<html lang=\"zh-CN\">"));
    assert!(zh.body.contains("评估结果"));
    assert!(zh.body.contains("2027年12月2日"));
    // Switching the language mid-questionnaire keeps the answers: the switch links the state.
    let en = w
        .post(
            "/assess",
            Some(&w.viewer),
            &[
                ("action", "source"),
                ("source", &source),
                ("as_of", "2026-12-01"),
            ],
            ORIGIN,
        )
        .await;
    let switch = attr(&en.body, "id=\"lang-switch\"", "href")
        .unwrap()
        .replace("&#38;", "&")
        .replace("&amp;", "&");
    assert!(
        switch.contains("manifest=") && switch.ends_with("lang=zh-CN"),
        "{switch}"
    );
    let switched = w.get(&switch, Some(&w.viewer)).await;
    assert_eq!(switched.status, StatusCode::OK);
    assert!(switched.body.contains("<html lang=\"zh-CN\">"));
    assert!(switched.body.contains("2027年12月2日"));
    assert_eq!(
        hidden(&switched.body, "manifest"),
        hidden(&en.body, "manifest")
    );
    // "I don't know" keeps a fact unknown and lists it.
    let start = w.get("/assess?kind=ai_system", Some(&w.viewer)).await;
    let fact = attr(&start.body, "id=\"question\"", "data-fact")
        .unwrap()
        .to_string();
    let manifest = hidden(&start.body, "manifest");
    let skip = w
        .post(
            "/assess",
            Some(&w.viewer),
            &[
                ("action", "unknown"),
                ("fact", &fact),
                ("manifest", &manifest),
                ("skipped", ""),
            ],
            ORIGIN,
        )
        .await;
    assert_eq!(hidden(&skip.body, "skipped"), fact);
    assert_ne!(
        attr(&skip.body, "id=\"question\"", "data-fact"),
        Some(fact.as_str())
    );
    // A wrong answer is refused with the reason, and the question stays.
    let wrong = w
        .post(
            "/assess",
            Some(&w.viewer),
            &[
                ("action", "answer"),
                ("fact", &fact),
                ("answer", "not-a-value-xyz"),
                ("manifest", &manifest),
            ],
            ORIGIN,
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.body.contains("id=\"answer-error\""));
}

#[tokio::test]
async fn editors_save_the_questionnaire_to_the_inventory_and_viewers_cannot() {
    let w = web("save").await;
    let a = w
        .post(
            "/assess",
            Some(&w.editor),
            &[
                ("action", "source"),
                ("source", &cv_yaml()),
                ("as_of", "2026-12-01"),
            ],
            ORIGIN,
        )
        .await;
    let manifest = hidden(&a.body, "manifest");
    let form = [
        ("manifest", manifest.as_str()),
        ("name", "TalentRank"),
        ("as_of", "2026-12-01"),
    ];
    let denied = w.post("/assess/save", Some(&w.viewer), &form, ORIGIN).await;
    assert_eq!(denied.status, StatusCode::FORBIDDEN);
    assert!(denied.body.contains("data-code=\"auth.forbidden\""));
    assert!(denied.body.contains("needs the editor role"));
    assert!(w
        .store
        .all(aigov_store::Kind::Subject)
        .await
        .unwrap()
        .is_empty());
    // The 403 page's language switch (a GET of the same path) goes back to the questionnaire.
    let switch = w.get("/assess/save?lang=zh-CN", Some(&w.viewer)).await;
    assert_eq!(switch.status, StatusCode::SEE_OTHER);
    assert_eq!(switch.headers[header::LOCATION], "/assess?lang=zh-CN");
    let forged = w
        .post(
            "/assess/save",
            Some(&w.editor),
            &form,
            Some("http://evil.example"),
        )
        .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    assert!(w
        .store
        .all(aigov_store::Kind::Subject)
        .await
        .unwrap()
        .is_empty());
    let saved = w.post("/assess/save", Some(&w.editor), &form, ORIGIN).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let all = w.store.all(aigov_store::Kind::Subject).await.unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].name, "TalentRank");
    let to = saved.headers[header::LOCATION].to_str().unwrap();
    assert!(
        to.starts_with(&format!("/subjects/{}?as_of=2026-12-01", all[0].id)),
        "{to}"
    );
}

/// Stores the CV screener as a subject, as an editor would.
async fn save_cv(w: &Web, name: &str, owner: &str, tags: &[&str]) -> String {
    let manifest: serde_json::Value = serde_yaml_ng::from_str(&cv_yaml()).unwrap();
    w.store
        .create(
            aigov_store::Kind::Subject,
            aigov_store::EntryInput {
                name: Some(name.into()),
                organization_id: None,
                owner: owner.into(),
                tags: tags.iter().map(|t| t.to_string()).collect(),
                notes: String::new(),
                manifest,
            },
            "test",
        )
        .await
        .unwrap()
        .id
}

#[tokio::test]
async fn a_subject_shows_its_assessment_as_of_the_date_with_citations_derivations_diff_timeline_and_history(
) {
    let w = web("subject").await;
    let id = save_cv(&w, "TalentRank", "People team", &["hr"]).await;
    let a = w
        .get(
            &format!("/subjects/{id}?as_of=2026-12-01&from=2026-06-01&to=2026-12-01"),
            Some(&w.viewer),
        )
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let annex = a
        .body
        .split("<li class=\"classification")
        .find(|li| li.contains("Annex III 4(a)"))
        .expect("Annex III 4(a)");
    assert!(annex.contains("applies from 2027-12-02"), "{annex}");
    // Each finding links its primary source, says which version of the law it used, and opens its derivation.
    let duty = a
        .body
        .split("<li id=\"finding-")
        .find(|li| li.starts_with("eu_ai_act.art10_data_governance"))
        .expect("the Art 10 duty");
    assert!(duty.contains("class=\"citation\" href=\"https://eur-lex.europa.eu/"));
    assert!(duty.contains("as amended by eu_omnibus_2026_1744"));
    assert!(duty.contains("<details class=\"derivation\">"));
    // The derivation is a tree of nested lists, balanced.
    assert!(duty.contains("<ul class=\"tree\">"));
    assert_eq!(
        a.body.matches("<ul").count(),
        a.body.matches("</ul>").count()
    );
    assert!(duty.contains("<code>"));
    // The diff between the two dates names the Annex III change and its cause.
    let change = a
        .body
        .split("<li class=\"change")
        .skip(1)
        .find(|li| li.contains("data-rule=\"eu_ai_act.annex3_4_a\""))
        .expect("the Annex III 4(a) change");
    assert!(change.contains("class=\"meta cause\""));
    assert!(a.body.contains("<figure class=\"chart\""));
    assert!(a.body.contains("<svg"));
    assert!(a.body.contains("<tr data-version=\"1\">"));
    assert!(!a.body.contains("id=\"state-map\""), "no US law reaches it");
    // The same subject as of 2026-06-01: the AI Act before the Omnibus.
    let before = w
        .get(&format!("/subjects/{id}?as_of=2026-06-01"), Some(&w.viewer))
        .await;
    let annex = before
        .body
        .split("<li class=\"classification")
        .find(|li| li.contains("Annex III 4(a)"))
        .expect("Annex III 4(a)");
    assert!(annex.contains("applies from 2026-08-02"));
    // Its calendar.
    let ics = w
        .get(
            &format!("/subjects/{id}/calendar.ics?as_of=2026-12-01"),
            Some(&w.viewer),
        )
        .await;
    assert_eq!(ics.status, StatusCode::OK);
    assert!(ics.headers[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("text/calendar"));
    assert!(ics.body.contains("BEGIN:VEVENT"));
    // In Chinese.
    let zh = w
        .get(
            &format!("/subjects/{id}?as_of=2026-12-01&lang=zh-CN"),
            Some(&w.viewer),
        )
        .await;
    assert!(zh.body.contains("推导过程"));
    assert!(zh.body.contains("版本历史"));
    // An unknown subject is a 404 page; a bad date a 422 page.
    assert_eq!(
        w.get("/subjects/sub_nope", Some(&w.viewer)).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        w.get(&format!("/subjects/{id}?as_of=June"), Some(&w.viewer))
            .await
            .status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
}

/// One product, one manifest: a stored manifest of linked subjects (a lab's model and the chatbot built on it) shows
/// each subject's assessment under its own heading, and every finding, classification and change names the subject
/// it concerns; the calendar names each event's subject.
fn lab_yaml() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/frontier-lab-model-and-chatbot.yaml"
    ))
    .unwrap()
}

/// One step of the questionnaire shown in `body`: its question answered with `value` (or `action` "unknown"),
/// posting back the form's state (the answers, the skipped facts, the subject the question names).
async fn step(w: &Web, body: &str, action: &str, value: &str) -> Answer {
    let fact = attr(body, "id=\"question\"", "data-fact")
        .unwrap_or("")
        .to_string();
    let (subject, manifest, skipped) = (
        hidden(body, "subject"),
        hidden(body, "manifest"),
        hidden(body, "skipped"),
    );
    w.post(
        "/assess",
        Some(&w.editor),
        &[
            ("action", action),
            ("fact", &fact),
            ("subject", &subject),
            ("answer", value),
            ("manifest", &manifest),
            ("skipped", &skipped),
            ("as_of", "2026-11-28"),
        ],
        ORIGIN,
    )
    .await
}

#[tokio::test]
async fn a_pasted_manifest_of_linked_subjects_is_asked_subject_by_subject_and_saved_with_every_subject(
) {
    let w = web("assess-linked").await;
    let start = w
        .post(
            "/assess",
            Some(&w.editor),
            &[
                ("action", "source"),
                ("source", &lab_yaml()),
                ("as_of", "2026-11-28"),
            ],
            ORIGIN,
        )
        .await;
    assert_eq!(start.status, StatusCode::OK, "{}", start.body);
    // The assessment shown is each subject's, under its heading, each finding naming its subject.
    let (model_at, chat_at) = (
        start
            .body
            .find("<section class=\"linked-subject\" id=\"subject-atlas\"")
            .expect("the model's section"),
        start
            .body
            .find("<section class=\"linked-subject\" id=\"subject-atlas-chat\"")
            .expect("the chatbot's section"),
    );
    assert!(model_at < chat_at);
    assert!(start.body.contains("Subject 1 of 2: atlas (model)"));
    assert!(start
        .body
        .contains("Subject 2 of 2: atlas-chat (ai_system)"));
    let gpai = start
        .body
        .split("<li class=\"classification")
        .skip(1)
        .find(|li| li.contains("data-tier=\"gpai_systemic_risk\""))
        .expect("the model's GPAI class");
    assert!(gpai.contains("data-subject=\"atlas\""), "{gpai}");
    // In Chinese, the question's heading and the subjects' headings are Chinese.
    let zh = w
        .post(
            "/assess?lang=zh-CN",
            Some(&w.editor),
            &[
                ("action", "source"),
                ("source", &lab_yaml()),
                ("as_of", "2026-11-28"),
            ],
            ORIGIN,
        )
        .await;
    assert!(
        zh.body.contains("组织（所有对象共用）：</p>"),
        "{}",
        zh.body
    );
    assert!(zh.body.contains("对象 1/2：atlas（model）"));
    // The state is the linked manifest, not one subject flattened.
    let manifest: serde_json::Value =
        serde_json::from_str(&hidden(&start.body, "manifest")).unwrap();
    assert_eq!(manifest["subjects"][1]["built_on"], "atlas");
    // The first question is the organization's, headed so; the form names no subject for it.
    assert_eq!(
        attr(&start.body, "id=\"question\"", "data-fact"),
        Some("organization.accredited_academic_institution")
    );
    assert!(start
        .body
        .contains("For the organization (every subject):</p>"));
    let second = step(&w, &start.body, "answer", "no").await;
    assert_eq!(second.status, StatusCode::OK, "{}", second.body);
    // Then the model's: headed by the model, and the form carries its id.
    assert_eq!(
        attr(&second.body, "id=\"question\"", "data-fact"),
        Some("model.supplied_to_federal_agencies")
    );
    assert!(second.body.contains("For atlas (model):</p>"));
    assert_eq!(hidden(&second.body, "subject"), "atlas");
    let third = step(&w, &second.body, "answer", "yes").await;
    let fourth = step(&w, &third.body, "unknown", "").await;
    assert_eq!(
        hidden(&fourth.body, "skipped"),
        "atlas:model.federal_solicitation_date"
    );
    // Each answer is where its subject keeps it.
    let manifest: serde_json::Value =
        serde_json::from_str(&hidden(&fourth.body, "manifest")).unwrap();
    assert_eq!(
        manifest["organization"]["accredited_academic_institution"],
        false
    );
    assert_eq!(
        manifest["subjects"][0]["model"]["supplied_to_federal_agencies"],
        true
    );
    assert!(manifest["subjects"][1]["model"].is_null(), "{manifest}");
    // A refused answer names the reason and asks again.
    let wrong = step(&w, &fourth.body, "answer", "maybe").await;
    assert!(wrong.body.contains("id=\"answer-error\""), "{}", wrong.body);
    // Saved, the inventory holds the linked manifest, and its printable report lists every subject.
    let saved = w
        .post(
            "/assess/save",
            Some(&w.editor),
            &[
                ("manifest", &hidden(&fourth.body, "manifest")),
                ("name", "Example Labs"),
                ("as_of", "2026-11-28"),
            ],
            ORIGIN,
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let all = w.store.all(aigov_store::Kind::Subject).await.unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(
        all[0].manifest["subjects"][0]["model"]["supplied_to_federal_agencies"],
        true
    );
    let report = w
        .get(
            &format!("/reports/subjects/{}?as_of=2026-11-28", all[0].id),
            Some(&w.viewer),
        )
        .await;
    assert_eq!(report.status, StatusCode::OK, "{}", report.body);
    let model = report
        .body
        .find("Subject 1 of 2: atlas (model)")
        .expect("the model");
    let chat = report
        .body
        .find("Subject 2 of 2: atlas-chat (ai_system) — built on atlas")
        .expect("the chatbot");
    assert!(model < chat);
    assert!(report.body.contains("atlas: Classifications"));
    assert!(report.body.contains("atlas-chat: Classifications"));
    let pdf = w
        .get(
            &format!("/reports/subjects/{}.pdf?as_of=2026-11-28", all[0].id),
            Some(&w.viewer),
        )
        .await;
    assert_eq!(pdf.status, StatusCode::OK);
}

#[tokio::test]
async fn a_stored_manifest_of_linked_subjects_shows_each_finding_with_its_subject() {
    let w = web("linked").await;
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/frontier-lab-model-and-chatbot.yaml"
    ))
    .unwrap();
    let manifest: serde_json::Value = serde_yaml_ng::from_str(&text).unwrap();
    let id = w
        .store
        .create(
            aigov_store::Kind::Subject,
            aigov_store::EntryInput {
                name: Some("Example Labs".into()),
                organization_id: None,
                owner: "Policy team".into(),
                tags: vec![],
                notes: String::new(),
                manifest,
            },
            "test",
        )
        .await
        .unwrap()
        .id;
    let a = w
        .get(
            &format!("/subjects/{id}?as_of=2026-12-01&from=2026-06-01&to=2026-12-01"),
            Some(&w.viewer),
        )
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    // A section per linked subject, in the manifest's order, under a heading naming it.
    let model_at = a
        .body
        .find("<section class=\"linked-subject\" id=\"subject-atlas\"")
        .expect("the model's section");
    let chat_at = a
        .body
        .find("<section class=\"linked-subject\" id=\"subject-atlas-chat\"")
        .expect("the chatbot's section");
    assert!(model_at < chat_at);
    assert!(a.body.contains("Subject 1 of 2: atlas (model)"));
    assert!(a.body.contains("Subject 2 of 2: atlas-chat (ai_system)"));
    // Each finding names its subject: the systemic-risk duties the model, Art 50 disclosure the chatbot.
    let finding = |prefix: &str| -> Vec<String> {
        a.body
            .split("<li id=\"")
            .skip(1)
            .map(|li| li.split('>').next().unwrap_or("").to_string())
            .filter(|tag| tag.contains(prefix))
            .collect()
    };
    let art55 = finding("data-rule=\"eu_ai_act.art55_1_a\"");
    assert_eq!(art55.len(), 1, "{art55:?}");
    assert!(art55[0].starts_with("atlas-finding-eu_ai_act.art55_1_a"));
    assert!(art55[0].contains("data-subject=\"atlas\""));
    let art50 = finding("data-rule=\"eu_ai_act.art50_1_interaction_disclosure\"");
    assert_eq!(art50.len(), 1, "{art50:?}");
    assert!(art50[0].contains("data-subject=\"atlas-chat\""));
    let findings = a.body.matches("<li id=\"").count();
    assert!(findings > 10);
    assert_eq!(
        a.body.matches("<li id=\"atlas-finding-").count()
            + a.body.matches("<li id=\"atlas-chat-finding-").count(),
        findings,
        "every finding names a subject"
    );
    let gpai = a
        .body
        .split("<li class=\"classification")
        .skip(1)
        .find(|li| li.contains("data-tier=\"gpai_systemic_risk\""))
        .expect("the model's GPAI class");
    assert!(gpai.contains("data-subject=\"atlas\""), "{gpai}");
    // Ids stay unique on the page.
    let mut ids: Vec<&str> = a
        .body
        .split(" id=\"")
        .skip(1)
        .filter_map(|x| x.split('"').next())
        .collect();
    let n = ids.len();
    ids.sort();
    let dups: Vec<String> = ids
        .windows(2)
        .filter(|w| w[0] == w[1])
        .map(|w| w[0].to_string())
        .collect();
    ids.dedup();
    assert_eq!(ids.len(), n, "duplicate ids: {dups:?}");
    // Each change between the two dates names its subject.
    let changes: Vec<&str> = a
        .body
        .split("<li class=\"change")
        .skip(1)
        .map(|li| li.split('>').next().unwrap_or(""))
        .collect();
    assert!(
        !changes.is_empty(),
        "the answers change between the two dates"
    );
    assert!(
        changes.iter().all(|c| c.contains(" data-subject=\"atlas")),
        "{changes:?}"
    );
    // A timeline per subject.
    assert!(a.body.contains("<figure class=\"chart\" role=\"img\" aria-labelledby=\"timeline-heading\" data-subject=\"atlas-chat\""));
    // The calendar: each event's UID and title name its subject.
    let ics = w
        .get(
            &format!("/subjects/{id}/calendar.ics?as_of=2026-06-01"),
            Some(&w.viewer),
        )
        .await;
    assert_eq!(ics.status, StatusCode::OK);
    assert!(ics.body.contains("atlas: "), "{}", ics.body);
    assert!(ics.body.contains("atlas-chat: "), "{}", ics.body);
}

#[tokio::test]
async fn the_inventory_lists_filters_sorts_and_pages_its_subjects() {
    let w = web("inventory").await;
    let empty = w.get("/inventory", Some(&w.viewer)).await;
    assert_eq!(empty.status, StatusCode::OK);
    assert!(empty.body.contains("id=\"inventory-empty\""));
    let talent = save_cv(&w, "TalentRank", "People team", &["hr"]).await;
    let alpha = save_cv(&w, "Alpha screener", "Ops", &["ops"]).await;
    let a = w.get("/inventory?as_of=2026-12-01", Some(&w.viewer)).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    assert!(a.body.contains("data-total=\"2\""));
    for id in [&talent, &alpha] {
        let row = a
            .body
            .split("<tr class=\"subject-row\"")
            .find(|r| r.contains(&format!("data-id=\"{id}\"")))
            .expect("a row per subject");
        assert!(row.contains("data-jurisdiction=\"EU\" data-tier=\"high\""));
        assert!(row.contains("class=\"next-deadline\""));
        assert!(row.contains(&format!("href=\"/subjects/{id}?as_of=2026-12-01\"")));
    }
    // Filters: owner, tag, jurisdiction and tier.
    let ops = w
        .get("/inventory?as_of=2026-12-01&owner=Ops", Some(&w.viewer))
        .await;
    assert!(ops.body.contains(&alpha) && !ops.body.contains(&format!("data-id=\"{talent}\"")));
    let hr = w
        .get("/inventory?as_of=2026-12-01&tag=hr", Some(&w.viewer))
        .await;
    assert!(hr.body.contains("data-matching=\"1\""));
    assert!(hr.body.contains(&format!("data-id=\"{talent}\"")));
    let high = w
        .get(
            "/inventory?as_of=2026-12-01&jurisdiction=EU&tier=high",
            Some(&w.viewer),
        )
        .await;
    assert!(high.body.contains("data-matching=\"2\""));
    let none = w
        .get(
            "/inventory?as_of=2026-12-01&jurisdiction=CN",
            Some(&w.viewer),
        )
        .await;
    assert!(none.body.contains("data-matching=\"0\""));
    // Sorted by name: Alpha first.
    let by_name = w
        .get("/inventory?as_of=2026-12-01&sort=name", Some(&w.viewer))
        .await;
    let first = by_name.body.find(&format!("data-id=\"{alpha}\"")).unwrap();
    let second = by_name.body.find(&format!("data-id=\"{talent}\"")).unwrap();
    assert!(first < second);
    // Pages of 50, the filters kept in the pages' links; a change to the store shows at once.
    let manifest: serde_json::Value = serde_yaml_ng::from_str(&cv_yaml()).unwrap();
    let items = (0..60)
        .map(|i| {
            (
                aigov_store::Kind::Subject,
                None,
                aigov_store::EntryInput {
                    name: Some(format!("Bulk {i:02}")),
                    organization_id: None,
                    owner: "Bulk".into(),
                    tags: vec![],
                    notes: String::new(),
                    manifest: manifest.clone(),
                },
            )
        })
        .collect();
    w.store.import(items, "test").await.unwrap();
    let p1 = w
        .get(
            "/inventory?as_of=2026-12-01&owner=Bulk&lang=zh-CN",
            Some(&w.viewer),
        )
        .await;
    assert!(p1.body.contains("data-matching=\"60\""));
    assert_eq!(p1.body.matches("<tr class=\"subject-row\"").count(), 50);
    assert!(p1.body.contains("第 1 页，共 2 页"));
    let next = attr(&p1.body, "id=\"page-next\"", "href")
        .unwrap()
        .replace("&#38;", "&");
    assert!(
        next.contains("owner=Bulk") && next.contains("page=2") && next.contains("lang=zh-CN"),
        "{next}"
    );
    let p2 = w.get(&next, Some(&w.viewer)).await;
    assert_eq!(
        p2.body.matches("<tr class=\"subject-row\"").count(),
        10,
        "{next}"
    );
    // Without a token: to the sign-in page.
    assert_eq!(
        w.get("/inventory", None).await.status,
        StatusCode::SEE_OTHER
    );
}

#[tokio::test]
async fn a_us_subject_shows_the_state_map() {
    let w = web("us-map").await;
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/colorado-high-risk-deployer.yaml"
    ))
    .unwrap();
    let manifest: serde_json::Value = serde_yaml_ng::from_str(&text).unwrap();
    let id = w
        .store
        .create(
            aigov_store::Kind::Subject,
            aigov_store::EntryInput {
                name: Some("Colorado deployer".into()),
                organization_id: None,
                owner: String::new(),
                tags: vec![],
                notes: String::new(),
                manifest,
            },
            "test",
        )
        .await
        .unwrap()
        .id;
    let a = w
        .get(&format!("/subjects/{id}?as_of=2026-12-01"), Some(&w.viewer))
        .await;
    assert_eq!(a.status, StatusCode::OK);
    let map = &a.body[a.body.find("id=\"state-map\"").expect("the state map")..];
    assert!(map.contains("<svg"));
    assert!(map.contains("class=\"state"));
}

#[tokio::test]
async fn the_questionnaire_offers_saving_only_to_editors() {
    let w = web("save-button").await;
    let form = [
        ("action", "source"),
        ("source", &cv_yaml() as &str),
        ("as_of", "2026-12-01"),
    ];
    // A viewer sees no Save form, only a note that saving needs an editor token: on the page and in the htmx
    // fragment, in both languages.
    let viewer = w.post("/assess", Some(&w.viewer), &form, ORIGIN).await;
    assert_eq!(viewer.status, StatusCode::OK, "{}", viewer.body);
    assert!(!viewer.body.contains("id=\"save-form\""));
    assert!(!viewer.body.contains("id=\"save-submit\""));
    assert!(viewer.body.contains("id=\"save-needs-editor\""));
    assert!(viewer.body.contains("needs an editor token"));
    let started = w
        .get("/assess?kind=ai_system&as_of=2026-12-01", Some(&w.viewer))
        .await;
    assert!(!started.body.contains("id=\"save-form\""));
    assert!(started.body.contains("id=\"save-needs-editor\""));
    let manifest = hidden(&viewer.body, "manifest");
    let step = w
        .send(
            Request::builder()
                .method(Method::POST)
                .uri("/assess?lang=zh-CN")
                .header(header::HOST, HOST)
                .header(header::ORIGIN, ORIGIN.unwrap())
                .header("HX-Request", "true")
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .header(header::COOKIE, format!("aigov_session={}", w.viewer))
                .body(Body::from(
                    form_urlencoded::Serializer::new(String::new())
                        .append_pair("action", "date")
                        .append_pair("manifest", &manifest)
                        .append_pair("as_of", "2026-06-01")
                        .finish(),
                ))
                .unwrap(),
        )
        .await;
    assert_eq!(step.status, StatusCode::OK, "{}", step.body);
    assert!(step.body.contains("id=\"questionnaire\""));
    assert!(!step.body.contains("id=\"save-form\""));
    assert!(step.body.contains("保存到清单需要编辑者令牌"));
    // An editor gets the form.
    let editor = w.post("/assess", Some(&w.editor), &form, ORIGIN).await;
    assert!(editor.body.contains("id=\"save-form\""));
    assert!(editor.body.contains("id=\"save-submit\""));
    assert!(!editor.body.contains("id=\"save-needs-editor\""));
    // The server still refuses a viewer's post (the form is only hidden).
    let denied = w
        .post(
            "/assess/save",
            Some(&w.viewer),
            &[
                ("manifest", manifest.as_str()),
                ("name", "X"),
                ("as_of", "2026-12-01"),
            ],
            ORIGIN,
        )
        .await;
    assert_eq!(denied.status, StatusCode::FORBIDDEN);
}

/// The text of the element with `id` (up to its first `</`), or "".
fn element<'h>(html: &'h str, id: &str) -> &'h str {
    let Some(start) = html.find(&format!("id=\"{id}\"")) else {
        return "";
    };
    let rest = &html[start..];
    let end = rest.find("</p>").unwrap_or(rest.len());
    &rest[..end]
}

#[tokio::test]
async fn the_sign_in_page_writes_the_token_commands_as_code_in_both_languages() {
    let w = web("signin-code").await;
    for (path, words) in [
        ("/signin", "An administrator creates one with"),
        ("/signin?lang=zh-CN", "管理员可用"),
    ] {
        let a = w.get(path, None).await;
        assert_eq!(a.status, StatusCode::OK);
        let intro = element(&a.body, "signin-intro");
        assert!(intro.contains(words), "{intro}");
        assert!(
            intro.contains("<code>aigov token create --role viewer</code>"),
            "{intro}"
        );
        assert!(intro.contains("<code>--role editor</code>"), "{intro}");
        assert!(!intro.contains('`'), "{intro}");
        assert!(!a.body.contains("&lt;code"), "escaped markup");
    }
}

#[tokio::test]
async fn chinese_pages_put_the_derivations_connectives_and_the_kinds_in_chinese() {
    let w = web("zh-words").await;
    let id = save_cv(&w, "TalentRank", "People team", &["hr"]).await;
    let zh = w
        .get(
            &format!("/subjects/{id}?as_of=2026-12-01&lang=zh-CN"),
            Some(&w.viewer),
        )
        .await;
    assert_eq!(zh.status, StatusCode::OK);
    assert!(
        zh.body
            .contains("<em class=\"op\" data-op=\"and\">全部满足</em>"),
        "no Chinese `and` in the derivations"
    );
    assert!(zh
        .body
        .contains("<em class=\"op\" data-op=\"or\">任一满足</em>"));
    for english in [
        ">and</em>",
        ">or</em>",
        ">not</em>",
        ">all of</em>",
        ">any of</em>",
    ] {
        assert!(!zh.body.contains(english), "{english} on a Chinese page");
    }
    let en = w
        .get(&format!("/subjects/{id}?as_of=2026-12-01"), Some(&w.viewer))
        .await;
    assert!(en
        .body
        .contains("<em class=\"op\" data-op=\"and\">all of</em>"));
    // The kinds to assess, described in the page's language.
    let start = w.get("/assess?lang=zh-CN", Some(&w.viewer)).await;
    assert_eq!(start.status, StatusCode::OK);
    let label = |html: &str, kind: &str| {
        let from = html
            .find(&format!("<label for=\"kind-{kind}\">"))
            .unwrap_or_else(|| panic!("no kind {kind}"));
        let rest = &html[from..];
        rest[..rest.find("</label>").unwrap_or(rest.len())].to_string()
    };
    assert!(label(&start.body, "ai_system").contains("人工智能系统"));
    assert!(label(&start.body, "model").contains("人工智能模型"));
    assert!(label(&start.body, "export").contains("出口"));
    assert!(!start.body.contains("An AI system"));
    // Every kind offered has its Chinese words (a kind without a `web-kind-*` message would show English).
    let kinds: Vec<&str> = start
        .body
        .split("<label for=\"kind-")
        .skip(1)
        .map(|l| &l[..l.find("</label>").unwrap_or(l.len())])
        .collect();
    assert!(kinds.len() >= 6, "{kinds:?}");
    for l in kinds {
        let words = &l[..l.find("<code>").unwrap_or(l.len())];
        assert!(
            words
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{l}"
        );
    }
    let start = w.get("/assess", Some(&w.viewer)).await;
    assert!(label(&start.body, "ai_system").contains("An AI system"));
}
