//! `GET /assess`, `POST /assess`, `POST /assess/save`: the questionnaire. Each step is one aigov-app call chain:
//! bind the answers so far, record the new answer (`interview::answer`), assess, lay out (`outline`), and pick the
//! next question (`interview::next`). With htmx (`HX-Request`), a step answers with the questionnaire's fragment
//! only; without it, with the whole page.

use crate::auth::Ctx;
use crate::error::{render, PageError, WebError};
use crate::views::assess::{PromptView, Questionnaire};
use crate::views::assessment::AssessmentView;
use crate::views::Chrome;
use crate::WebState;
use aigov_app::i18n::Arg;
use aigov_app::{interview, outline, request};
use aigov_core::assess::Options;
use aigov_core::manifest::{Facts, Format};
use aigov_core::Date;
use aigov_store::{EntryInput, Kind, Role};
use askama::Template;
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;

pub fn router() -> Router<WebState> {
    Router::new()
        .route("/assess", get(start).post(step))
        // A GET here (the language switch of the 403 page after a refused save) goes back to the questionnaire.
        .route("/assess/save", post(save).get(back))
}

async fn back(ctx: Ctx) -> Response {
    let to = ctx.tr().href("/assess");
    (StatusCode::SEE_OTHER, [(header::LOCATION, to)]).into_response()
}

/// Today in UTC, the default date of a page.
pub fn today() -> Date {
    jiff::tz::Offset::UTC
        .to_datetime(jiff::Timestamp::now())
        .date()
}

/// A date field: empty is today; anything else must be YYYY-MM-DD.
pub fn date_field(ctx: &Ctx, value: Option<&str>) -> Result<Date, PageError> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(today()),
        Some(v) => v.parse().map_err(|_| {
            ctx.err(WebError::BadRequest(format!(
                "`{v}` is not a date (YYYY-MM-DD)"
            )))
        }),
    }
}

#[derive(Template)]
#[template(path = "assess/start.html")]
struct StartPage {
    c: Chrome,
    kinds: Vec<(String, String)>,
    as_of: String,
}

#[derive(Template)]
#[template(path = "assess/page.html")]
struct StepPage {
    c: Chrome,
    q: Questionnaire,
}

#[derive(Template)]
#[template(path = "assess/fragment.html")]
struct StepFragment {
    c: Chrome,
    q: Questionnaire,
}

#[derive(Debug, serde::Deserialize)]
struct StartQuery {
    kind: Option<String>,
    as_of: Option<String>,
    /// The answers so far (JSON), to show a questionnaire's state again (the language switch links it).
    manifest: Option<String>,
    /// The facts left unknown, comma-separated.
    skipped: Option<String>,
}

/// A form's fields, in order (a field may repeat: the boxes of a multiple choice).
struct Fields(Vec<(String, String)>);

impl Fields {
    fn parse(body: &[u8]) -> Fields {
        Fields(
            form_urlencoded::parse(body)
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect(),
        )
    }
    fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
    fn all(&self, name: &str) -> Vec<&str> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }
}

async fn start(
    ctx: Ctx,
    State(s): State<WebState>,
    q: Result<Query<StartQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, PageError> {
    ctx.need(Role::Viewer)?;
    let q = q
        .map_err(|e| ctx.err(WebError::BadRequest(e.body_text())))?
        .0;
    let as_of = date_field(&ctx, q.as_of.as_deref())?;
    let tr = ctx.tr();
    let kinds = aigov_app::init::kinds(&s.engine);
    if let Some(m) = q.manifest.as_deref().filter(|m| !m.is_empty()) {
        let manifest: serde_json::Value = serde_json::from_str(m)
            .map_err(|e| ctx.err(WebError::BadRequest(format!("the answers so far: {e}"))))?;
        let facts = request::bind(&s.engine, &manifest)
            .map_err(|e| ctx.err(WebError::BadRequest(e.to_string())))?;
        let skipped = split_skipped(q.skipped.as_deref());
        let q = questionnaire(&ctx, &s, facts, skipped, as_of, None)?;
        return page(&ctx, q, false);
    }
    match q.kind.filter(|k| !k.is_empty()) {
        None => {
            let c = ctx.chrome.clone().page("assess", tr.t("web-assess-title"));
            let vocabulary = &s.engine.corpus.vocabulary;
            let kinds = kinds
                .iter()
                .map(|k| {
                    let label = tr
                        .kind(k)
                        .or_else(|| vocabulary.subject(k).map(|d| d.description.clone()))
                        .map(|d| aigov_app::report::tier_label(&d))
                        .filter(|d| !d.is_empty())
                        .unwrap_or_else(|| k.to_string());
                    (k.to_string(), label)
                })
                .collect();
            Ok(render(
                &StartPage {
                    c: c.clone(),
                    kinds,
                    as_of: as_of.to_string(),
                },
                &c,
            )?
            .into_response())
        }
        Some(kind) => {
            if !kinds.contains(&kind.as_str()) {
                return Err(ctx.err(WebError::BadRequest(format!(
                    "`{kind}` is not a kind that can be assessed: {}",
                    kinds.join(", ")
                ))));
            }
            let facts = Facts::empty(&kind, &s.engine.corpus.vocabulary);
            let q = questionnaire(&ctx, &s, facts, Vec::new(), as_of, None)?;
            page(&ctx, q, false)
        }
    }
}

/// One step: an answer, "I don't know", a new date, or a manifest to start from.
async fn step(
    ctx: Ctx,
    State(s): State<WebState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, PageError> {
    ctx.need(Role::Viewer)?;
    let f = Fields::parse(&body);
    let as_of = date_field(&ctx, f.get("as_of"))?;
    let vocabulary = &s.engine.corpus.vocabulary;
    let action = f.get("action").unwrap_or("answer");
    let mut skipped = split_skipped(f.get("skipped"));
    let mut facts = if action == "source" {
        let source = f.get("source").unwrap_or("");
        aigov_core::manifest::parse(source, Format::Yaml, vocabulary).map_err(|e| {
            ctx.err(WebError::BadRequest(
                request::RequestError::Manifest(e).to_string(),
            ))
        })?
    } else {
        let manifest: serde_json::Value = serde_json::from_str(f.get("manifest").unwrap_or(""))
            .map_err(|e| ctx.err(WebError::BadRequest(format!("the answers so far: {e}"))))?;
        request::bind(&s.engine, &manifest)
            .map_err(|e| ctx.err(WebError::BadRequest(e.to_string())))?
    };
    let mut error = None;
    if let (Some(fact), "answer" | "unknown") = (f.get("fact"), action) {
        if action == "unknown" {
            if !skipped.iter().any(|x| x == fact) {
                skipped.push(fact.to_string());
            }
        } else {
            let values = f.all("answer");
            let multiple = vocabulary
                .fact_qualified(fact)
                .is_some_and(|d| matches!(d.ty, aigov_core::vocabulary::FactType::Set { .. }));
            let text = if multiple && values.iter().all(|v| v.trim().is_empty()) {
                // No box ticked: none of them.
                "none".to_string()
            } else {
                values.join(", ")
            };
            if let Err(e) = interview::answer(&s.engine, &mut facts, fact, &text) {
                error = Some(ctx.tr().t1("web-assess-invalid", "detail", &e));
            }
        }
    }
    if let Some(name) = f.get("name").map(str::trim).filter(|n| !n.is_empty()) {
        facts.name = Some(name.to_string());
    }
    let q = questionnaire(&ctx, &s, facts, skipped, as_of, error)?;
    let htmx = headers.contains_key("hx-request");
    page(&ctx, q, htmx)
}

/// The facts left unknown, from their comma-separated list.
fn split_skipped(list: Option<&str>) -> Vec<String> {
    list.unwrap_or("")
        .split(',')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_string)
        .collect()
}

/// The questionnaire's state after a step.
fn questionnaire(
    ctx: &Ctx,
    s: &WebState,
    facts: Facts,
    skipped: Vec<String>,
    as_of: Date,
    error: Option<String>,
) -> Result<Questionnaire, PageError> {
    let tr = ctx.tr();
    let vocabulary = &s.engine.corpus.vocabulary;
    let mut options = Options::as_of(as_of);
    options.traces = false;
    let a = s.engine.assess(&facts, &options);
    let o = outline::outline(&s.engine, &a, tr.lang, &s.translations);
    let prompt = interview::next(&s.engine, &a, &skipped, tr.lang, &s.translations).map(|p| {
        let settles = tr.tn("web-assess-settles", p.settles);
        PromptView::new(p, settles)
    });
    let manifest = serde_json::to_string(&facts.to_tree(vocabulary))
        .map_err(|e| ctx.err(WebError::Internal(e.to_string())))?;
    let status = tr.lang.ta(
        "web-assess-updated",
        &[
            ("classes", Arg::Num(o.classifications.len() as f64)),
            ("prohibitions", Arg::Num(o.prohibitions.len() as f64)),
            ("duties", Arg::Num(o.duties.len() as f64)),
            ("undetermined", Arg::Num(o.undetermined.len() as f64)),
        ],
    );
    Ok(Questionnaire {
        status,
        kind: facts.subject.clone(),
        as_of: as_of.to_string(),
        manifest,
        skipped: skipped.join(","),
        answered: tr.tn("web-assess-answered", facts.known_count()),
        skipped_list: skipped,
        prompt,
        error,
        name: facts.name.clone().unwrap_or_default(),
        assessment: AssessmentView::single(o, false),
    })
}

fn page(ctx: &Ctx, q: Questionnaire, fragment: bool) -> Result<Response, PageError> {
    // The state as a GET, so that switching the language (or signing in again) keeps the answers.
    let mut state = form_urlencoded::Serializer::new(String::from("/assess?"));
    state
        .append_pair("as_of", &q.as_of)
        .append_pair("skipped", &q.skipped)
        .append_pair("manifest", &q.manifest);
    let c = ctx
        .chrome
        .clone()
        .page("assess", ctx.tr().t("web-assess-title"))
        .at(&state.finish());
    let status = if q.error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let html: Html<String> = if fragment {
        render(&StepFragment { c: c.clone(), q }, &c)?
    } else {
        render(&StepPage { c: c.clone(), q }, &c)?
    };
    // htmx swaps only 2xx answers by default: a refused answer is shown in place too.
    let status = if fragment { StatusCode::OK } else { status };
    Ok((status, html).into_response())
}

/// Saves the questionnaire's manifest as a new subject (editors), then shows it.
async fn save(ctx: Ctx, State(s): State<WebState>, body: Bytes) -> Result<Response, PageError> {
    let who = ctx.need(Role::Editor)?;
    let f = Fields::parse(&body);
    let as_of = date_field(&ctx, f.get("as_of"))?;
    let mut manifest: serde_json::Value = serde_json::from_str(f.get("manifest").unwrap_or(""))
        .map_err(|e| ctx.err(WebError::BadRequest(format!("the manifest: {e}"))))?;
    request::bind(&s.engine, &manifest)
        .map_err(|e| ctx.err(WebError::BadRequest(e.to_string())))?;
    let name = f
        .get("name")
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_string);
    if let (Some(n), Some(obj)) = (&name, manifest.as_object_mut()) {
        obj.insert("name".into(), serde_json::Value::String(n.clone()));
    }
    let input = EntryInput {
        name,
        organization_id: None,
        owner: f.get("owner").unwrap_or("").trim().to_string(),
        tags: f
            .get("tags")
            .unwrap_or("")
            .split(',')
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .collect(),
        notes: String::new(),
        manifest,
    };
    let e = s
        .store
        .create(Kind::Subject, input, &who.actor())
        .await
        .map_err(|e| ctx.err(e.into()))?;
    // The inventory changed: prepare its view again while the person looks at the subject.
    s.warm();
    let to = ctx
        .tr()
        .href(&format!("/subjects/{}?as_of={as_of}&saved=1", e.id));
    Ok((StatusCode::SEE_OTHER, [(header::LOCATION, to)]).into_response())
}
