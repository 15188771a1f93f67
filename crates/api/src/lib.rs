//! The aigov HTTP service: JSON routes under `/api/v1` over aigov-app (assessments and the other documents of
//! docs/output.md) and aigov-store (the inventory, tokens, the audit log), RFC 9457 problem+json errors
//! ([`problem`]), token roles ([`auth`]) and the OpenAPI 3.1 document at `/openapi.json`, generated from the
//! handlers' annotations (utoipa), never written by hand.
//!
//! Handlers only translate: they extract the input, call aigov-app or the store, and wrap the answer. This crate
//! holds no rule logic and no SQL. The `aigov serve` command (crates/cli/src/serve.rs) builds a [`Config`] and
//! calls [`serve`].
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod auth;
pub mod problem;
mod routes;
pub mod transfer;

use aigov_core::Engine;
use aigov_store::Store;
use axum::http::{Request, StatusCode};
use axum::response::IntoResponse;
use axum::Router;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::{CompressionLayer, CompressionLevel};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::{DefaultOnFailure, DefaultOnResponse, TraceLayer};
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;

/// What every handler shares.
#[derive(Clone)]
pub struct AppState {
    /// The engine over the corpus (the embedded one, or `--corpus DIR`).
    pub engine: Arc<Engine>,
    /// The inventory database.
    pub store: Store,
    /// Whether `POST /api/v1/assess` is open to callers without a token.
    pub anonymous_assess: bool,
    /// The control catalogue and mappings of the corpus (plan, compare).
    pub catalogue: Arc<aigov_app::Catalogue>,
    /// The corpus's fingerprint ([`aigov_app::corpus_fingerprint`]), recorded with each subject's answer so that
    /// a change of corpus is noticed and the inventory re-assessed.
    pub corpus_fingerprint: Arc<str>,
    /// The plans of the dates assessments are asked for, kept across requests (each rule's timing on the date,
    /// worked out once per date and corpus; never an answer).
    pub plans: Arc<aigov_app::date_plans::DatePlans>,
}

/// How the service runs.
#[derive(Debug, Clone)]
pub struct Config {
    /// Where to listen.
    pub addr: SocketAddr,
    /// Open `POST /api/v1/assess` to anonymous callers.
    pub anonymous_assess: bool,
    /// The largest request body, in bytes.
    pub max_body: usize,
    /// The longest a request may take.
    pub timeout: Duration,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            anonymous_assess: false,
            max_body: 8 * 1024 * 1024,
            timeout: Duration::from_secs(30),
        }
    }
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "aigov",
        description = "Which AI rules apply to a system, model or project, where, on which date, and why; an inventory of subjects with versions, assessments, a calendar and a tamper-evident audit log. Errors are RFC 9457 problem+json (docs/api.md).",
        license(name = "Apache-2.0")
    ),
    modifiers(&BearerAuth),
    security(("bearer" = [])),
    tags(
        (name = "documents", description = "The documents of docs/output.md for a posted manifest"),
        (name = "inventory", description = "Organizations and subjects, versioned"),
        (name = "audit", description = "The hash-chained audit log"),
        (name = "health", description = "Liveness and readiness")
    )
)]
struct ApiDoc;

struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        use utoipa::{PartialSchema, ToSchema};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
        components.schemas.insert(
            problem::Problem::name().into_owned(),
            problem::Problem::schema(),
        );
        components.schemas.insert(
            problem::FieldError::name().into_owned(),
            problem::FieldError::schema(),
        );
    }
}

/// The routes and the OpenAPI document they make, before state and middleware.
fn parts() -> (Router<AppState>, utoipa::openapi::OpenApi) {
    let r = OpenApiRouter::with_openapi(ApiDoc::openapi());
    let r = routes::health::routes(r);
    let r = routes::documents::routes(r);
    let r = routes::inventory::routes(r);
    let r = routes::audit::routes(r);
    let (router, mut doc) = r.split_for_parts();
    default_problem(&mut doc);
    (router, doc)
}

/// Adds a `default` problem+json response to every operation.
fn default_problem(openapi: &mut utoipa::openapi::OpenApi) {
    use utoipa::openapi::{ContentBuilder, RefOr, ResponseBuilder};
    // Every operation may answer any other status with a problem (401, 413, 500, ...): say so once.
    let problem = ResponseBuilder::new()
        .description("An error: RFC 9457 problem details (docs/api.md lists every type)")
        .content(
            "application/problem+json",
            ContentBuilder::new()
                .schema(Some(RefOr::Ref(utoipa::openapi::Ref::from_schema_name(
                    "Problem",
                ))))
                .build(),
        )
        .build();
    for item in openapi.paths.paths.values_mut() {
        for op in [
            &mut item.get,
            &mut item.post,
            &mut item.put,
            &mut item.patch,
            &mut item.delete,
        ]
        .into_iter()
        .flatten()
        {
            op.responses
                .responses
                .entry("default".into())
                .or_insert_with(|| RefOr::T(problem.clone()));
        }
    }
}

/// The OpenAPI 3.1 document of the service.
pub fn openapi() -> utoipa::openapi::OpenApi {
    parts().1
}

/// The service's router with its state and middleware: body size limit, time limit (their answers as problem
/// documents), response compression (gzip or Brotli, as the client accepts), request logs.
pub fn router(state: AppState, config: &Config) -> Router {
    router_with(state, config, None)
}

/// The service's router, with `web` (the web app's router, mounted at `/`) answering every path that is not the
/// API's: an unknown path under `/api/` stays a problem+json 404. The middleware (body and time limits, request
/// logs) covers both. This crate does not depend on the web app; the server hands its router over.
pub fn router_with(state: AppState, config: &Config, web: Option<Router>) -> Router {
    let (routes, doc) = parts();
    let doc = Arc::new(doc);
    let routes = routes.route(
        "/openapi.json",
        axum::routing::get(move || {
            let doc = doc.clone();
            async move { axum::Json(doc.as_ref().clone()) }
        }),
    );
    let routes = match web {
        Some(web) => routes
            .route("/api/{*rest}", axum::routing::any(not_found))
            .with_state(state)
            .fallback_service(web),
        None => routes.fallback(not_found).with_state(state),
    };
    routes
        // One body limit for every route (tower-http's), instead of axum's 2 MB default for JSON.
        .layer(axum::extract::DefaultBodyLimit::disable())
        .layer(RequestBodyLimitLayer::new(config.max_body))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            config.timeout,
        ))
        // Their 408 and 413 answers as problem documents.
        .layer(axum::middleware::map_response(problem::from_limits))
        // A handler that panics (a defect, never an answer) gives the client a `server.error` problem instead of a
        // dropped connection; the panic's message goes to the log only.
        .layer(CatchPanicLayer::custom(problem::from_panic))
        // gzip or Brotli when the client accepts it (Accept-Encoding): a full assessment is about 99 KB of JSON,
        // which compresses about tenfold. Quality 4 rather than the codecs' defaults: Brotli's default (11) costs
        // tens of milliseconds per answer; at 4 both codecs cost a fraction of writing the document.
        .layer(
            CompressionLayer::new()
                .no_deflate()
                .no_zstd()
                .quality(CompressionLevel::Precise(4)),
        )
        .layer(
            // The span names method and path only: a query string may carry a token (the calendar feed).
            TraceLayer::new_for_http()
                .make_span_with(|req: &Request<_>| {
                    tracing::info_span!("request", method = %req.method(), path = %req.uri().path())
                })
                .on_request(())
                .on_response(DefaultOnResponse::new().level(tracing::Level::INFO))
                .on_failure(DefaultOnFailure::new().level(tracing::Level::WARN)),
        )
}

async fn not_found() -> axum::response::Response {
    problem::Problem::new(
        "route.not_found",
        "no route here",
        "the routes are listed in /openapi.json",
    )
    .into_response()
}

/// Errors of [`serve`].
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The address could not be bound.
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address.
        addr: SocketAddr,
        /// The cause.
        source: std::io::Error,
    },
    /// The server failed while running.
    #[error("the server failed: {0}")]
    Run(std::io::Error),
}

/// Serves until SIGTERM or Ctrl-C, then stops accepting connections, finishes the requests in flight and closes
/// the database pool. `web`, when given, is mounted at `/` ([`router_with`]).
pub async fn serve(state: AppState, config: Config, web: Option<Router>) -> Result<(), ServeError> {
    let store = state.store.clone();
    let state_for_reassess = state.clone();
    let app = router_with(state, &config, web);
    let listener = tokio::net::TcpListener::bind(config.addr)
        .await
        .map_err(|source| ServeError::Bind {
            addr: config.addr,
            source,
        })?;
    let local = listener.local_addr().unwrap_or(config.addr);
    tracing::info!(addr = %local, "listening");
    // A corpus other than the one the inventory's answers were recorded under: re-assess it, while serving.
    tokio::spawn(reassess_if_corpus_changed(state_for_reassess));
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await
        .map_err(ServeError::Run)?;
    tracing::info!("in-flight requests done; closing the database");
    store.close().await;
    Ok(())
}

/// Re-assesses the stored inventory as of today when its recorded answers were computed under another corpus
/// than the service's (another `--corpus`, a new release), or were never recorded, and logs what changed. The
/// answer's details are in `POST /api/v1/inventory/reassess`'s, which does the same on demand.
pub async fn reassess_if_corpus_changed(state: AppState) {
    let recorded = match state.store.answer_fingerprints().await {
        Ok(f) => f,
        Err(e) => {
            tracing::warn!(error = %e, "could not read the recorded answers; not re-assessing");
            return;
        }
    };
    if recorded.len() == 1 && *recorded[0] == *state.corpus_fingerprint {
        tracing::info!(
            "the inventory's answers were recorded under this corpus; nothing to re-assess"
        );
        return;
    }
    let today = jiff::tz::Offset::UTC
        .to_datetime(jiff::Timestamp::now())
        .date();
    match routes::inventory::reassess_stored(&state, today).await {
        Ok(a) if a.corpus_before.is_empty() => tracing::info!(
            corpus = %a.corpus_after,
            subjects = a.subjects,
            "no answers were recorded yet: recorded under this corpus"
        ),
        Ok(a) => {
            let changed: Vec<&str> = a.changed.iter().map(|c| c.subject_id.as_str()).collect();
            tracing::info!(
                corpus_before = ?a.corpus_before,
                corpus_after = %a.corpus_after,
                subjects = a.subjects,
                changed = a.changed.len(),
                unchanged = a.unchanged,
                first_assessed = a.first_assessed,
                changed_subjects = ?changed,
                "the corpus changed: inventory re-assessed"
            );
        }
        Err(p) => tracing::warn!(problem = ?p, "re-assessing the inventory failed"),
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("shutdown signal received; finishing requests in flight");
}
