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

/// A JSON object body read into `T`: anything else (an array, a scalar, fields of the wrong type) is refused as a
/// problem naming the place, before any other check.
pub struct Body<T>(pub T);

impl<S: Send + Sync, T: serde::de::DeserializeOwned> axum::extract::FromRequest<S> for Body<T> {
    type Rejection = crate::problem::Problem;

    async fn from_request(req: axum::extract::Request, state: &S) -> Result<Self, Self::Rejection> {
        use crate::problem::{FieldError, Problem};
        let axum::Json(value) = axum::Json::<serde_json::Value>::from_request(req, state).await?;
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
}
