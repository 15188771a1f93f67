//! The law pages in process (export controls, the corpus, reports): the router on a temporary SQLite database and
//! a temporary list store, requests sent with `tower::ServiceExt::oneshot` as a browser sends them.

use aigov_store::{EntryInput, Kind, Role, Store};
use aigov_web::{router, ListsDir, WebState};
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::{Extension, Router};
use http_body_util::BodyExt;
use std::path::PathBuf;
use std::sync::Arc;
use tower::ServiceExt;

struct Web {
    app: Router,
    store: Store,
    dir: PathBuf,
    viewer: String,
}

impl Drop for Web {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The web app with an empty list store in its own folder.
async fn web(name: &str) -> Web {
    let dir = std::env::temp_dir().join(format!("aigov-web-law-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("lists")).unwrap();
    let store = Store::open(Some(&aigov_store::sqlite_url(&dir.join("aigov.db"))))
        .await
        .unwrap();
    let viewer = store
        .create_token("vi", Role::Viewer, "test")
        .await
        .unwrap()
        .secret;
    let app = router(WebState::new(
        Arc::new(aigov_app::engine(None).unwrap()),
        store.clone(),
        Arc::new(aigov_app::translations(None).unwrap()),
    ))
    .layer(Extension(ListsDir(dir.join("lists"))));
    Web {
        app,
        store,
        dir,
        viewer,
    }
}

struct Answer {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    bytes: Vec<u8>,
    body: String,
}

impl Web {
    async fn get(&self, path: &str, token: Option<&str>) -> Answer {
        let mut b = Request::builder()
            .uri(path)
            .header(header::HOST, "127.0.0.1:8080");
        if let Some(t) = token {
            b = b.header(header::COOKIE, format!("aigov_session={t}"));
        }
        let r = self
            .app
            .clone()
            .oneshot(b.body(Body::empty()).unwrap())
            .await
            .unwrap();
        let status = r.status();
        let headers = r.headers().clone();
        let bytes = r.into_body().collect().await.unwrap().to_bytes().to_vec();
        Answer {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
            bytes,
        }
    }

    /// Stores the catalog's H100 SXM as a subject; returns its id.
    async fn h100(&self) -> String {
        let manifest = aigov_app::chips::catalog()
            .unwrap()
            .find("h100 sxm")
            .unwrap()
            .manifest();
        self.store
            .create(
                Kind::Subject,
                EntryInput {
                    name: Some("NVIDIA H100 SXM".into()),
                    organization_id: None,
                    owner: "hardware".into(),
                    tags: vec![],
                    notes: String::new(),
                    manifest,
                },
                "test",
            )
            .await
            .unwrap()
            .id
    }
}

/// The text of a PDF, as a reader extracts it.
fn pdf_text(bytes: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(bytes).expect("a PDF reader parses it");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    doc.extract_text(&pages).expect("its text")
}

#[tokio::test]
async fn the_export_page_classifies_an_h100_with_its_tpp_and_timeline() {
    let w = web("export").await;
    let a = w
        .get("/export?chip=H100%20SXM&as_of=2025-06-01", None)
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    for part in [
        "<label for=\"chip\">Chip</label>",
        "<dd id=\"tpp\">15,832</dd>",
        "FP8: 1,979 × 8 = 15,832",
        "<strong>3A090.a.1 (also meets .a.2)</strong>",
        "In effect",
        "88 FR 73458",
        "<ol id=\"timeline\"",
        "<time datetime=\"2022-10-07\">",
    ] {
        assert!(a.body.contains(part), "missing {part}");
    }
    // Before the first rule (2022-10-07), it is not controlled by these rules.
    let before = w
        .get("/export?chip=H100%20SXM&as_of=2022-01-01", None)
        .await;
    assert!(before.body.contains("id=\"not-controlled\""));
    // The A800 was below the 2022 rule's thresholds and became 3A090.a with the October 2023 rule.
    let a800 = w.get("/export?chip=A800&as_of=2026-06-01", None).await;
    assert!(a800.body.contains(
        "<time datetime=\"2022-10-07\">2022-10-07</time> — not controlled under 3A090/4A090"
    ));
    assert!(a800
        .body
        .contains("<time datetime=\"2023-11-17\">2023-11-17</time> — 3A090.a"));

    let zh = w
        .get("/export?chip=H100%20SXM&as_of=2025-06-01&lang=zh-CN", None)
        .await;
    assert_eq!(zh.status, StatusCode::OK);
    assert!(zh.body.contains("<html lang=\"zh-CN\">"));
    assert!(zh.body.contains("总处理性能（TPP）"));
    assert!(zh.body.contains("分类随时间的变化"));
    // The class label and the arithmetic are in Chinese too.
    assert!(
        zh.body.contains("3A090.a.1（同时符合 .a.2）"),
        "{}",
        zh.body
    );
    assert!(zh.body.contains("取各数据格式中的最高值"), "{}", zh.body);
    for english in ["also meets", "bit length", "the highest over formats"] {
        assert!(
            !zh.body.contains(english),
            "`{english}` left in the Chinese page"
        );
    }
    assert!(zh
        .body
        .contains("<input type=\"hidden\" name=\"lang\" value=\"zh-CN\">"));
}

#[tokio::test]
async fn a_chip_given_by_its_specifications_is_classified_with_its_arithmetic() {
    let w = web("specs").await;
    // The H100's figures typed in: 1979 dense TOPS at 8 bits on 814 mm², for data centres.
    let a = w
        .get(
            "/export?spec_name=Prototype&dense_tops=1979&bit_length=8&die_area=814&datacenter=yes&as_of=2025-06-01",
            None,
        )
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    assert!(a.body.contains("<details id=\"specs\" open>"));
    assert!(a.body.contains("<dd id=\"tpp\">15,832</dd>"));
    assert!(
        a.body
            .contains("TPP = dense TOPS × bit length = 1,979 × 8 = 15,832"),
        "{}",
        a.body
    );
    assert!(a
        .body
        .contains("<strong>3A090.a.1 (also meets .a.2)</strong>"));
    // A figure that is not a number is named.
    let bad = w.get("/export?dense_tops=lots&bit_length=8", None).await;
    assert!(bad.body.contains("id=\"classify-error\""));
    assert!(bad.body.contains("`lots` is not a number"));
}

#[tokio::test]
async fn an_unknown_chip_and_a_bad_date_are_explained() {
    let w = web("export-bad").await;
    let chip = w.get("/export?chip=NoSuchChip9000", None).await;
    assert_eq!(chip.status, StatusCode::OK);
    assert!(chip.body.contains("id=\"classify-error\""));
    assert!(chip.body.contains("NoSuchChip9000"));
    let date = w.get("/export?chip=H100&as_of=2025-13-45", None).await;
    assert_eq!(date.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(date.body.contains("id=\"problem\""));
    assert!(date.body.contains("`2025-13-45` is not a date"));
}

#[tokio::test]
async fn screening_says_how_to_import_lists_then_explains_its_hits() {
    let w = web("screen").await;
    let none = w.get("/export?party=Huawei%20Technologies", None).await;
    assert_eq!(none.status, StatusCode::OK);
    assert!(none.body.contains("id=\"lists-missing\""));
    assert!(none.body.contains("aigov lists update"));

    let csl = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../screening/tests/fixtures/csl.csv");
    aigov_app::lists::import(
        &w.dir.join("lists"),
        &[csl],
        aigov_app::lists::ImportOptions {
            published: Some("2026-01-01"),
            allow_shrink: false,
        },
    )
    .unwrap();
    let a = w
        .get("/export?party=Huawei%20Technologies&country=CN", None)
        .await;
    assert_eq!(a.status, StatusCode::OK);
    assert!(a.body.contains("id=\"hits\""), "{}", a.body);
    assert!(a.body.contains("Huawei Technologies Co., Ltd."));
    assert!(a.body.contains("Entity List (EL)"));
    assert!(a.body.contains("Presumption of denial."));
    assert!(a.body.contains("<summary>Why this score</summary>"));
    // The list versions used, with the publication date.
    assert!(a.body.contains("id=\"lists-used\""));
    assert!(a.body.contains("2026-01-01"));
    assert!(!a.body.contains("id=\"lists-missing\""));
}

#[tokio::test]
async fn a_name_in_the_arabic_script_is_screened_and_explained() {
    let w = web("screen-arabic").await;
    let sdn = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../screening/tests/fixtures/sdn_spellings.csv");
    aigov_app::lists::import(
        &w.dir.join("lists"),
        &[sdn],
        aigov_app::lists::ImportOptions {
            published: Some("2026-01-01"),
            allow_shrink: false,
        },
    )
    .unwrap();
    // The form's field reads in the direction of what is typed.
    let form = w.get("/export", None).await;
    assert!(form
        .body
        .contains("id=\"party\" name=\"party\" type=\"text\" dir=\"auto\""));
    let query: String = "أيمن الظواهري"
        .bytes()
        .map(|b| format!("%{b:02X}"))
        .collect();
    let a = w.get(&format!("/export?party={query}"), None).await;
    assert_eq!(a.status, StatusCode::OK);
    assert!(a.body.contains("id=\"hits\""), "{}", a.body);
    assert!(a.body.contains("AL ZAWAHIRI, Dr. Ayman"));
    assert!(a
        .body
        .contains("Arabic script read without its short vowels: ظواهري = zawahiri"));
}

#[tokio::test]
async fn the_corpus_lists_instruments_with_lifecycles_and_filters_by_jurisdiction() {
    let w = web("corpus").await;
    let a = w.get("/corpus", None).await;
    assert_eq!(a.status, StatusCode::OK);
    assert!(a.body.contains("id=\"instrument-eu_ai_act\""));
    assert!(a.body.contains("href=\"/corpus/eu_ai_act\""));
    assert!(a
        .body
        .contains("<time datetime=\"2024-08-01\">2024-08-01</time> entered into force"));
    assert!(a
        .body
        .contains("https://eur-lex.europa.eu/eli/reg/2024/1689/oj"));

    let ca = w.get("/corpus?jurisdiction=US-CA", None).await;
    assert_eq!(ca.status, StatusCode::OK);
    assert!(!ca.body.contains("id=\"instrument-eu_ai_act\""));
    assert!(ca.body.contains("<span class=\"badge\">US-CA</span>"));
    let us = w.get("/corpus?jurisdiction=US", None).await;
    assert!(us.body.contains("<span class=\"badge\">US-CA</span>"));

    let bad = w.get("/corpus?jurisdiction=XX", None).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("`XX`"));

    let zh = w.get("/corpus?lang=zh-CN", None).await;
    assert!(zh.body.contains("生命周期") || zh.body.contains("生效"));
    assert!(zh.body.contains("2024-08-01</time> 生效"));
}

#[tokio::test]
async fn an_instrument_shows_its_rules_with_readable_conditions_and_sources() {
    let w = web("instrument").await;
    let a = w.get("/corpus/us_ear_ac_2023", None).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    assert!(a.body.contains("<table id=\"lifecycle\">"));
    assert!(a.body.contains("id=\"primary-source\""));
    // Conditions read as questions with the answer that satisfies them, CEL only behind a disclosure.
    assert!(a.body.contains("<ul class=\"tree condition\">"));
    assert!(a.body.contains("<span class=\"question\">"));
    assert!(a.body.contains("<code class=\"fact\">item."));
    assert!(a
        .body
        .contains("<summary>The condition as written (CEL)</summary>"));

    let ai_act = w.get("/corpus/eu_ai_act", None).await;
    assert!(ai_act.body.contains("id=\"rule-eu_ai_act.art5_1_c\""));

    let zh = w.get("/corpus/eu_ai_act?lang=zh-CN", None).await;
    assert!(zh.body.contains("适用条件"));

    let missing = w.get("/corpus/no_such_act", None).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(missing.body.contains("id=\"problem\""));
}

#[tokio::test]
async fn the_changes_between_two_dates_list_the_ai_act_prohibitions() {
    let w = web("changes").await;
    let a = w
        .get(
            "/corpus/changes?from=2025-01-01&to=2025-12-31&jurisdiction=EU",
            None,
        )
        .await;
    assert_eq!(a.status, StatusCode::OK);
    assert!(a.body.contains("<h3 id=\"day-2025-02-02\">"));
    assert!(a.body.contains("19 rules began to apply"));
    assert!(a.body.contains("Social scoring"));
    assert!(a.body.contains("eu_ai_act.art5_1_c"));

    let zh = w
        .get(
            "/corpus/changes?from=2025-01-01&to=2025-12-31&jurisdiction=EU&lang=zh-CN",
            None,
        )
        .await;
    assert!(zh.body.contains("19 条规则开始适用"));

    let swapped = w
        .get("/corpus/changes?from=2025-12-31&to=2025-01-01", None)
        .await;
    assert_eq!(swapped.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(swapped.body.contains("swap the two dates"));
    let bad = w.get("/corpus/changes?from=yesterday", None).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("`yesterday` is not a date"));
}

#[tokio::test]
async fn a_subject_report_prints_as_html_and_as_a_valid_pdf() {
    let w = web("report").await;
    let id = w.h100().await;
    // Reports read the inventory: sign in first.
    let anon = w.get(&format!("/reports/subjects/{id}"), None).await;
    assert_eq!(anon.status, StatusCode::SEE_OTHER);

    let html = w
        .get(
            &format!("/reports/subjects/{id}?as_of=2025-06-01"),
            Some(&w.viewer),
        )
        .await;
    assert_eq!(html.status, StatusCode::OK, "{}", html.body);
    assert!(html.body.contains("<h1>Report: NVIDIA H100 SXM</h1>"));
    assert!(html.body.contains("3A090.a"));
    assert!(html.body.contains("15,832"));
    assert!(html.body.contains(&format!(
        "href=\"/reports/subjects/{id}.pdf?as_of=2025-06-01\""
    )));

    let pdf = w
        .get(
            &format!("/reports/subjects/{id}.pdf?as_of=2025-06-01"),
            Some(&w.viewer),
        )
        .await;
    assert_eq!(pdf.status, StatusCode::OK);
    assert_eq!(pdf.headers[header::CONTENT_TYPE], "application/pdf");
    assert!(pdf.bytes.starts_with(b"%PDF-"));
    assert!(pdf.bytes.trim_ascii_end().ends_with(b"%%EOF"));
    let text = pdf_text(&pdf.bytes);
    assert!(text.contains("NVIDIA H100 SXM"), "{text}");
    assert!(text.contains("3A090.a"), "{text}");

    let zh = w
        .get(
            &format!("/reports/subjects/{id}?as_of=2025-06-01&lang=zh-CN"),
            Some(&w.viewer),
        )
        .await;
    assert!(zh.body.contains("<h1>报告：NVIDIA H100 SXM</h1>"));
    assert!(zh.body.contains("id=\"pdf-english\""));

    // The subject's page links its report for the same date.
    let page = w
        .get(&format!("/subjects/{id}?as_of=2025-06-01"), Some(&w.viewer))
        .await;
    assert!(page.body.contains(&format!(
        "id=\"report-link\" href=\"/reports/subjects/{id}?as_of=2025-06-01\""
    )));

    let missing = w.get("/reports/subjects/sub_nope", Some(&w.viewer)).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    let bad = w
        .get(
            &format!("/reports/subjects/{id}?as_of=June"),
            Some(&w.viewer),
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn the_inventory_report_lists_every_subject_in_html_and_pdf() {
    let w = web("inventory-report").await;
    let id = w.h100().await;
    let html = w
        .get("/reports/inventory?as_of=2025-06-01", Some(&w.viewer))
        .await;
    assert_eq!(html.status, StatusCode::OK, "{}", html.body);
    assert!(html.body.contains("<h1>Inventory report</h1>"));
    assert!(html.body.contains("NVIDIA H100 SXM"));
    assert!(html.body.contains("3A090.a"));
    assert!(html.body.contains(&format!(
        "<a href=\"/reports/subjects/{id}?as_of=2025-06-01\">NVIDIA H100 SXM</a>"
    )));
    let inv = w.get("/inventory?as_of=2025-06-01", Some(&w.viewer)).await;
    assert!(inv
        .body
        .contains("id=\"inventory-report-link\" href=\"/reports/inventory?as_of=2025-06-01\""));
    let pdf = w
        .get("/reports/inventory.pdf?as_of=2025-06-01", Some(&w.viewer))
        .await;
    assert_eq!(pdf.status, StatusCode::OK);
    let text = pdf_text(&pdf.bytes);
    assert!(text.contains("Inventory report"), "{text}");
    assert!(text.contains("3A090.a"), "{text}");
}
