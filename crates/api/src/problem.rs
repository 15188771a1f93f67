//! RFC 9457 problem details: the one mapping from every error the service meets (requests on manifests, the
//! store, bodies that do not parse, missing tokens) to an HTTP answer. `type` is `/problems/<code>`, `title` is
//! fixed per code, `detail` says what is wrong, `hint` how to fix it, `errors[]` names each place. A 5xx logs its
//! cause and sends a generic message.

use aigov_app::request::RequestError;
use aigov_app::AppError;
use aigov_store::StoreError;
use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

/// One place in the request that is wrong.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct FieldError {
    /// Where: a JSON path into the request body (`manifest.ai_system.roles`), or a parameter's name.
    pub place: String,
    /// What is wrong there.
    pub message: String,
    /// How to fix it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

/// A problem details document (`application/problem+json`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct Problem {
    /// `/problems/<code>`; docs/api.md lists every code.
    #[serde(rename = "type", serialize_with = "problem_type")]
    #[schema(value_type = String, example = "/problems/manifest.invalid")]
    pub code: &'static str,
    /// A short summary, fixed per code.
    pub title: &'static str,
    /// The HTTP status.
    pub status: u16,
    /// What is wrong in this request.
    pub detail: String,
    /// How to fix it.
    pub hint: String,
    /// The places in the request that are wrong.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

/// Every problem code with its status and title (docs/api.md lists the same).
pub const CODES: &[(&str, u16, &str)] = &[
    (
        "request.unreadable",
        400,
        "The request body is not readable JSON",
    ),
    ("request.parameter", 400, "A query parameter is invalid"),
    (
        "request.shape",
        422,
        "The request body does not have the expected fields",
    ),
    ("request.media_type", 415, "The request body must be JSON"),
    ("request.too_large", 413, "The request body is too large"),
    ("request.invalid", 422, "The request does not fit"),
    (
        "manifest.invalid",
        422,
        "The manifest does not fit the vocabulary",
    ),
    ("auth.missing", 401, "A valid API token is required"),
    (
        "auth.forbidden",
        403,
        "The token's role does not allow this",
    ),
    ("inventory.not_found", 404, "No such entry"),
    (
        "request.not_found",
        404,
        "The request names something that does not exist",
    ),
    ("corpus.invalid", 422, "The corpus has errors"),
    ("request.timeout", 408, "The request took too long"),
    (
        "inventory.stale",
        412,
        "The entry has changed since it was read",
    ),
    (
        "inventory.reference",
        422,
        "A reference between entries does not resolve",
    ),
    ("precondition.required", 428, "If-Match is required"),
    ("route.not_found", 404, "No such route"),
    ("server.error", 500, "Internal error"),
    ("server.unavailable", 503, "The database is not reachable"),
];

fn problem_type<S: serde::Serializer>(code: &&'static str, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&format_args!("/problems/{code}"))
}

impl Problem {
    /// A problem of a known code (an unknown code is reported as `server.error`).
    pub fn new(code: &str, detail: impl Into<String>, hint: impl Into<String>) -> Problem {
        let (code, status, title) = CODES
            .iter()
            .find(|(c, _, _)| *c == code)
            .copied()
            .unwrap_or(("server.error", 500, "Internal error"));
        Problem {
            code,
            title,
            status,
            detail: detail.into(),
            hint: hint.into(),
            errors: Vec::new(),
        }
    }

    /// An internal error: the cause goes to the log, the client gets a generic message.
    pub fn internal(cause: &dyn std::fmt::Display) -> Problem {
        tracing::error!(%cause, "internal error");
        Problem::new(
            "server.error",
            "the server could not answer this request",
            "try again; if it persists, the server's log has the cause",
        )
    }

    /// 401: no token, or not a live one.
    pub fn unauthorized() -> Problem {
        Problem::new(
            "auth.missing",
            "this route needs an API token: none was given, or it is not a live token",
            "send `Authorization: Bearer <token>`; `aigov token create --role viewer` makes one",
        )
    }

    /// 403: the token's role is too weak.
    pub fn forbidden(need: aigov_store::Role, have: aigov_store::Role) -> Problem {
        Problem::new(
            "auth.forbidden",
            format!(
                "this route needs the `{}` role; the token has `{}`",
                need.as_str(),
                have.as_str()
            ),
            "ask an administrator for a token with the role this route needs",
        )
    }

    /// With places.
    pub fn with_errors(mut self, errors: Vec<FieldError>) -> Problem {
        self.errors = errors;
        self
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body = serde_json::to_vec(&self).unwrap_or_default();
        let mut r = (status, body).into_response();
        r.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        if status == StatusCode::UNAUTHORIZED {
            r.headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        r
    }
}

/// Each application error by whose it is: the request's (422 for something that does not fit, 404 for an id
/// that names nothing, 422 with every diagnostic for a corpus with errors), or the server's own (500: a file it
/// could not read or write, a bug; the cause goes to the log).
impl From<AppError> for Problem {
    fn from(e: AppError) -> Problem {
        match &e {
            AppError::Invalid { .. } | AppError::NotFound { .. } => {
                Problem::new(e.code(), e.to_string(), e.help())
            }
            AppError::Corpus { diagnostics } => Problem::new(e.code(), e.to_string(), e.help())
                .with_errors(
                    diagnostics
                        .iter()
                        .map(|d| FieldError {
                            place: format!("{}:{}:{}", d.file, d.line, d.col),
                            message: d.message.clone(),
                            hint: d.hint.clone(),
                        })
                        .collect(),
                ),
            AppError::Read { .. } | AppError::Write { .. } | AppError::Internal { .. } => {
                Problem::internal(&e)
            }
        }
    }
}

impl From<RequestError> for Problem {
    fn from(e: RequestError) -> Problem {
        match e {
            RequestError::Manifest(m) => {
                let place = if m.path.is_empty() {
                    "manifest".to_string()
                } else {
                    format!("manifest.{}", m.path)
                };
                let hint = RequestError::Manifest(m.clone()).help();
                let detail = RequestError::Manifest(m.clone()).to_string();
                Problem::new("manifest.invalid", detail, hint.clone()).with_errors(vec![
                    FieldError {
                        place,
                        message: m.message,
                        hint: m.hint,
                    },
                ])
            }
            RequestError::App(a) => a.into(),
        }
    }
}

impl From<StoreError> for Problem {
    fn from(e: StoreError) -> Problem {
        match &e {
            StoreError::NotFound { .. } | StoreError::Stale { .. } => {
                Problem::new(e.code(), e.to_string(), e.help())
            }
            StoreError::Reference { .. } => Problem::new(e.code(), e.to_string(), e.help())
                .with_errors(vec![FieldError {
                    place: "organization_id".into(),
                    message: e.to_string(),
                    hint: None,
                }]),
            _ => Problem::internal(&e),
        }
    }
}

impl From<JsonRejection> for Problem {
    fn from(r: JsonRejection) -> Problem {
        match r {
            JsonRejection::JsonSyntaxError(e) => Problem::new(
                "request.unreadable",
                format!("the body is not JSON: {}", inner(&e)),
                "send a JSON object; check quotes, commas and brackets",
            ),
            JsonRejection::JsonDataError(e) => {
                let message = inner(&e);
                let place = message
                    .split_once(':')
                    .map(|(p, _)| p.trim().to_string())
                    .filter(|p| !p.contains(' '))
                    .unwrap_or_else(|| "body".into());
                Problem::new(
                    "request.shape",
                    format!("the body does not have the expected fields: {message}"),
                    "see the request schema of this route in /openapi.json",
                )
                .with_errors(vec![FieldError {
                    place,
                    message,
                    hint: None,
                }])
            }
            JsonRejection::MissingJsonContentType(_) => Problem::new(
                "request.media_type",
                "the body must be sent as `Content-Type: application/json`",
                "add the header `Content-Type: application/json`",
            ),
            other => Problem::new(
                "request.too_large",
                format!("the body could not be read: {}", other.body_text()),
                "send a smaller body (see --max-body of `aigov serve`)",
            ),
        }
    }
}

impl From<QueryRejection> for Problem {
    fn from(r: QueryRejection) -> Problem {
        Problem::new(
            "request.parameter",
            format!("a query parameter is invalid: {}", r.body_text()),
            "dates are YYYY-MM-DD; see this route's parameters in /openapi.json",
        )
    }
}

/// The innermost message of an error chain (serde's own message, with its path).
fn inner(e: &dyn std::error::Error) -> String {
    let mut cur: &dyn std::error::Error = e;
    while let Some(next) = cur.source() {
        cur = next;
    }
    cur.to_string()
}

/// The answer to a handler that panicked: `server.error`, with the panic's message in the log and not in the
/// answer (see [`crate::router_with`]).
pub fn from_panic(payload: Box<dyn std::any::Any + Send + 'static>) -> Response {
    let message = payload
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| payload.downcast_ref::<&str>().copied())
        .unwrap_or("a panic without a message");
    Problem::internal(&format_args!("a handler panicked: {message}")).into_response()
}

/// Gives the answers of the HTTP layer itself a problem document: tower-http's time limit (408, an empty body)
/// and body limit (413, plain text, also from axum when a body over the limit is read as text). Applied outside
/// both limits, so every route gets it.
pub async fn from_limits(response: Response) -> Response {
    let is_problem = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/problem+json"));
    if is_problem {
        return response;
    }
    match response.status() {
        StatusCode::REQUEST_TIMEOUT => Problem::new(
            "request.timeout",
            "the request took longer than the server's time limit",
            "ask for less at once (a large inventory view), or start the server with a larger --timeout",
        )
        .into_response(),
        StatusCode::PAYLOAD_TOO_LARGE => Problem::new(
            "request.too_large",
            "the body is larger than the server's limit",
            "send a smaller body, or start the server with a larger --max-body",
        )
        .into_response(),
        _ => response,
    }
}
