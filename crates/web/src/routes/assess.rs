//! `GET /assess`, `POST /assess`, `POST /assess/save`: the questionnaire. Each step is one aigov-app call chain:
//! bind the answers so far, record the new answer (`interview::answer`), assess, lay out (`outline`), and pick the
//! next question (`interview::next`). With htmx (`HX-Request`), a step answers with the questionnaire's fragment
//! only; without it, with the whole page. A manifest of linked subjects (`subjects:`) is carried as its tree: its
//! questions come subject by subject (`interview::next_linked`), each answer names the subject that keeps it (the
//! form's `subject`), and the assessment shown is each subject's under its heading.

use crate::auth::Ctx;
use crate::error::{render, PageError, WebError};
use crate::views::assess::{PromptView, Questionnaire};
use crate::views::assessment::AssessmentView;
use crate::views::Chrome;
use crate::WebState;
use aigov_app::i18n::Arg;
use aigov_app::{interview, outline, request};
use aigov_core::assess::Options;
use aigov_core::manifest::{self, Facts, Format, Manifest};
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
        let answers = Answers::from_json(&ctx, &s, manifest)?;
        let skipped = split_skipped(q.skipped.as_deref());
        let q = questionnaire(&ctx, &s, answers, skipped, as_of, None)?;
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
            let q = questionnaire(&ctx, &s, Answers::Single(facts), Vec::new(), as_of, None)?;
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
    let mut answers = if action == "source" {
        let source = f.get("source").unwrap_or("");
        let refused = |e| {
            ctx.err(WebError::BadRequest(
                request::RequestError::Manifest(e).to_string(),
            ))
        };
        // A manifest of linked subjects is kept as its tree: the answers are recorded where each subject keeps
        // them.
        match manifest::parse_any(source, Format::Yaml, vocabulary).map_err(refused)? {
            Manifest::Single(facts) => Answers::Single(facts),
            Manifest::Linked(_) => {
                Answers::Linked(manifest::parse_tree(source, Format::Yaml).map_err(refused)?)
            }
        }
    } else {
        let manifest: serde_json::Value = serde_json::from_str(f.get("manifest").unwrap_or(""))
            .map_err(|e| ctx.err(WebError::BadRequest(format!("the answers so far: {e}"))))?;
        Answers::from_json(&ctx, &s, manifest)?
    };
    let mut error = None;
    if let (Some(fact), "answer" | "unknown") = (f.get("fact"), action) {
        // Whose answer it is, for linked subjects: the organization's facts are the organization's, the others
        // those of the subject the question named.
        let holder = interview::Holder {
            id: f
                .get("subject")
                .filter(|id| !id.is_empty() && !fact.starts_with("organization."))
                .map(str::to_string),
            kind: String::new(),
        };
        let key = match &answers {
            Answers::Single(_) => fact.to_string(),
            Answers::Linked(_) => holder.skip_key(fact),
        };
        if action == "unknown" {
            if !skipped.contains(&key) {
                skipped.push(key);
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
            let recorded = match &mut answers {
                Answers::Single(facts) => interview::answer(&s.engine, facts, fact, &text),
                Answers::Linked(tree) => {
                    interview::answer_linked(&s.engine, tree, &holder, fact, &text)
                }
            };
            if let Err(e) = recorded {
                error = Some(ctx.tr().t1("web-assess-invalid", "detail", &e));
            }
        }
    }
    if let Some(name) = f.get("name").map(str::trim).filter(|n| !n.is_empty()) {
        match &mut answers {
            Answers::Single(facts) => facts.name = Some(name.to_string()),
            Answers::Linked(tree) => {
                if let Some(m) = tree.as_object_mut() {
                    m.insert("name".into(), name.into());
                }
            }
        }
    }
    let q = questionnaire(&ctx, &s, answers, skipped, as_of, error)?;
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

/// The answers so far: a manifest of one subject, bound, or a manifest of linked subjects as its tree (bound
/// again at each step).
enum Answers {
    Single(Facts),
    Linked(serde_json::Value),
}

impl Answers {
    /// The answers as the form carries them (JSON).
    fn from_json(
        ctx: &Ctx,
        s: &WebState,
        manifest: serde_json::Value,
    ) -> Result<Answers, PageError> {
        if manifest::is_linked(&manifest) {
            return Ok(Answers::Linked(manifest));
        }
        request::bind(&s.engine, &manifest)
            .map(Answers::Single)
            .map_err(|e| ctx.err(WebError::BadRequest(e.to_string())))
    }
}

/// The questionnaire's state after a step.
fn questionnaire(
    ctx: &Ctx,
    s: &WebState,
    answers: Answers,
    skipped: Vec<String>,
    as_of: Date,
    error: Option<String>,
) -> Result<Questionnaire, PageError> {
    let tr = ctx.tr();
    let vocabulary = &s.engine.corpus.vocabulary;
    let mut options = Options::as_of(as_of);
    options.traces = false;
    let (kind, manifest, name, known, outlines, prompt) = match &answers {
        Answers::Single(facts) => {
            let a = s.engine.assess(facts, &options);
            let o = outline::outline(&s.engine, &a, tr.lang, &s.translations);
            let prompt =
                interview::next(&s.engine, &a, &skipped, tr.lang, &s.translations).map(|p| {
                    let settles = tr.tn("web-assess-settles", p.settles);
                    PromptView::new(p, settles)
                });
            let manifest = serde_json::to_string(&facts.to_tree(vocabulary))
                .map_err(|e| ctx.err(WebError::Internal(e.to_string())))?;
            (
                facts.subject.clone(),
                manifest,
                facts.name.clone().unwrap_or_default(),
                facts.known_count(),
                vec![AssessmentView::single(o, false)],
                prompt,
            )
        }
        Answers::Linked(tree) => {
            let subjects = match request::bind_any(&s.engine, tree)
                .map_err(|e| ctx.err(WebError::BadRequest(e.to_string())))?
            {
                Manifest::Linked(subjects) => subjects,
                Manifest::Single(_) => {
                    return Err(ctx.err(WebError::BadRequest(
                        "the answers so far hold no `subjects`".into(),
                    )))
                }
            };
            let count = subjects.len();
            let views = subjects
                .iter()
                .enumerate()
                .map(|(n, sub)| {
                    let a = s.engine.assess(&sub.facts, &options);
                    AssessmentView {
                        o: outline::outline(&s.engine, &a, tr.lang, &s.translations),
                        derivations: false,
                        subject: Some(sub.id.clone()),
                        heading: tr.lang.ta(
                            "report-linked-subject",
                            &[
                                ("n", Arg::Num((n + 1) as f64)),
                                ("count", Arg::Num(count as f64)),
                                ("id", Arg::Str(&sub.id)),
                                ("subject", Arg::Str(&sub.facts.subject)),
                            ],
                        ),
                    }
                })
                .collect();
            let prompt = interview::next_linked(
                &s.engine,
                tree,
                &subjects,
                &options,
                &skipped,
                tr.lang,
                &s.translations,
            )
            .map(|p| {
                let settles = tr.tn("web-assess-settles", p.prompt.settles);
                let heading = match &p.holder.id {
                    None => tr.lang.t("interview-organization"),
                    Some(id) => tr.lang.ta(
                        "interview-subject",
                        &[("id", Arg::Str(id)), ("subject", Arg::Str(&p.holder.kind))],
                    ),
                };
                PromptView::new(p.prompt, settles).for_subject(p.holder.id, heading)
            });
            let manifest = serde_json::to_string(tree)
                .map_err(|e| ctx.err(WebError::Internal(e.to_string())))?;
            (
                "linked".to_string(),
                manifest,
                tree.get("name")
                    .and_then(|n| n.as_str())
                    .unwrap_or_default()
                    .to_string(),
                interview::linked_known(tree, vocabulary),
                views,
                prompt,
            )
        }
    };
    let sum = |f: fn(&outline::Outline) -> usize| -> f64 {
        outlines.iter().map(|v| f(&v.o)).sum::<usize>() as f64
    };
    let status = tr.lang.ta(
        "web-assess-updated",
        &[
            ("classes", Arg::Num(sum(|o| o.classifications.len()))),
            ("prohibitions", Arg::Num(sum(|o| o.prohibitions.len()))),
            ("duties", Arg::Num(sum(|o| o.duties.len()))),
            ("undetermined", Arg::Num(sum(|o| o.undetermined.len()))),
        ],
    );
    Ok(Questionnaire {
        status,
        kind,
        as_of: as_of.to_string(),
        manifest,
        skipped: skipped.join(","),
        answered: tr.tn("web-assess-answered", known),
        skipped_list: skipped,
        prompt,
        error,
        name,
        assessments: outlines,
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
    request::bind_any(&s.engine, &manifest)
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
