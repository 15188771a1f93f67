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
    let app = router(WebState {
        engine,
        store: store.clone(),
        translations: Arc::new(aigov_app::translations(None).unwrap()),
    });
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
