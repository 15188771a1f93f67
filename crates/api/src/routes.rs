//! The routes, one module per resource; each adds its handlers (with their OpenAPI annotations) to the router.

pub mod audit;
pub mod documents;
pub mod health;
pub mod inventory;

use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};

/// A JSON document already rendered by aigov-app (the same bytes as the CLI's `--format json`).
pub struct JsonText(pub String);

impl IntoResponse for JsonText {
    fn into_response(self) -> Response {
        let mut r = self.0.into_response();
        r.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        r
    }
}

/// Which form of an assessment to answer with.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum AssessView {
    /// The full document of `aigov assess --format json` (docs/output.md, kind `assessment`).
    #[default]
    Full,
    /// The assessment in brief (kind `assessment_summary`): classifications, counts by status, the duties that
    /// apply with their next dates, the undetermined rules with the facts that settle them.
    Summary,
}

/// The full assessment document: its `kind` and `format_version`, and the members docs/output.md describes.
#[derive(serde::Serialize, utoipa::ToSchema)]
#[allow(dead_code)] // a schema only: the document is rendered by aigov-app
pub struct FullAssessment {
    /// `assessment`.
    #[schema(example = "assessment", pattern = "^assessment$")]
    kind: String,
    /// `1`.
    format_version: String,
}

/// The answer of an assessment route: the full document, or the summary (`view=summary`).
#[derive(serde::Serialize, utoipa::ToSchema)]
#[serde(untagged)]
#[allow(dead_code)] // a schema only
pub enum AssessmentDocument {
    /// The full document (`view=full`, the default).
    Full(FullAssessment),
    /// The summary (`view=summary`).
    Summary(Box<aigov_app::summary::AssessmentSummary<'static>>),
}

/// A JSON object body read into `T`: anything else (an array, a scalar, fields of the wrong type) is refused as a
/// problem naming the place, before any other check.
///
/// The body is read in one pass straight into `T` (no `serde_json::Value` tree, no path tracking). Only a body that
/// this refuses, or one sent with another content type than plain `application/json`, is read again the careful way
/// (JSON first, then `T` with the path of every member), which names the place in the problem and accepts what
/// JSON allows but the typed reading does not (a repeated member, where the last one counts), so the answers and
/// the problems are the same as if every body were read the careful way.
pub struct Body<T>(pub T);

impl<S: Send + Sync, T: serde::de::DeserializeOwned> axum::extract::FromRequest<S> for Body<T> {
    type Rejection = crate::problem::Problem;

    async fn from_request(req: axum::extract::Request, state: &S) -> Result<Self, Self::Rejection> {
        use axum::extract::rejection::JsonRejection;
        let plain_json = req
            .headers()
            .get(axum::http::header::CONTENT_TYPE)
            .is_some_and(|v| v.as_bytes() == b"application/json");
        if !plain_json {
            // Content types with parameters, or none at all: axum's JSON reading decides (and refuses with 415).
            let axum::Json(value) =
                axum::Json::<serde_json::Value>::from_request(req, state).await?;
            return typed(value);
        }
        let bytes = axum::body::Bytes::from_request(req, state)
            .await
            .map_err(JsonRejection::from)?;
        let object = bytes
            .iter()
            .find(|b| !b.is_ascii_whitespace())
            .is_some_and(|&b| b == b'{');
        if object {
            if let Ok(t) = serde_json::from_slice::<T>(&bytes) {
                return Ok(Body(t));
            }
        }
        let axum::Json(value) = axum::Json::<serde_json::Value>::from_bytes(&bytes)?;
        typed(value)
    }
}

/// The careful reading of a body already parsed as JSON: an object, read into `T` with the path of the member that
/// does not fit.
fn typed<T: serde::de::DeserializeOwned>(
    value: serde_json::Value,
) -> Result<Body<T>, crate::problem::Problem> {
    use crate::problem::{FieldError, Problem};
    if !value.is_object() {
        return Err(Problem::new(
            "request.shape",
            "the body must be a JSON object",
            "see the request schema of this route in /openapi.json",
        ));
    }
    serde_path_to_error::deserialize(value)
        .map(Body)
        .map_err(|e| {
            let place = e.path().to_string();
            let message = e.inner().to_string();
            Problem::new(
                "request.shape",
                format!("the body does not have the expected fields: `{place}`: {message}"),
                "see the request schema of this route in /openapi.json",
            )
            .with_errors(vec![FieldError {
                place,
                message,
                hint: None,
            }])
        })
}
