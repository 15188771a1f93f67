//! The web app's one error type and its pages (`templates/errors/problem.html`): the same codes and statuses as
//! the API's problem+json (crates/api/src/problem.rs), shown to a person in their language. A visitor who is not
//! signed in is sent to the sign-in page instead.

use crate::lang::Tr;
use crate::views::Chrome;
use aigov_store::{Role, StoreError};
use askama::Template;
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Response};

/// Why a page cannot be shown.
#[derive(Debug)]
pub enum WebError {
    /// Not signed in: go to the sign-in page, then back to `next`.
    SignIn {
        /// The page to return to.
        next: String,
    },
    /// Signed in with a role too weak for this.
    Forbidden {
        /// The role held.
        role: Role,
        /// The role needed.
        need: Role,
    },
    /// A post that did not come from this site's pages.
    Csrf,
    /// No such page or entry.
    NotFound,
    /// The request cannot be read (a bad date, a manifest that does not fit, ...).
    BadRequest(String),
    /// The server failed; the cause is logged, the page says only that.
    Internal(String),
}

/// A [`WebError`] in the language of the page it answers.
#[derive(Debug)]
pub struct PageError {
    /// The error.
    pub error: WebError,
    /// The page's language and chrome (boxed: errors travel in `Result`s and stay small).
    pub chrome: Box<Chrome>,
}

#[derive(Template)]
#[template(path = "errors/problem.html")]
struct ProblemPage<'a> {
    c: &'a Chrome,
    status: u16,
    code: &'static str,
    message: String,
}

impl WebError {
    /// The error on a page with `chrome`.
    pub fn on(self, chrome: &Chrome) -> PageError {
        PageError {
            error: self,
            chrome: Box::new(chrome.clone()),
        }
    }

    /// The status and the stable code (the API's problem codes).
    fn status(&self) -> (StatusCode, &'static str) {
        match self {
            WebError::SignIn { .. } => (StatusCode::SEE_OTHER, "auth.missing"),
            WebError::Forbidden { .. } => (StatusCode::FORBIDDEN, "auth.forbidden"),
            WebError::Csrf => (StatusCode::FORBIDDEN, "request.cross_site"),
            WebError::NotFound => (StatusCode::NOT_FOUND, "route.not_found"),
            WebError::BadRequest(_) => (StatusCode::UNPROCESSABLE_ENTITY, "request.invalid"),
            WebError::Internal(_) => (StatusCode::INTERNAL_SERVER_ERROR, "internal"),
        }
    }

    fn message(&self, tr: &Tr) -> String {
        use aigov_app::i18n::Arg;
        match self {
            WebError::SignIn { .. } => tr.plain("web-signin-intro", crate::lang::SIGNIN_COMMANDS),
            WebError::Forbidden { role, need } => tr.lang.ta(
                "web-error-forbidden",
                &[
                    ("role", Arg::Str(&role_name(tr, *role))),
                    ("need", Arg::Str(&role_name(tr, *need))),
                ],
            ),
            WebError::Csrf => tr.t("web-error-csrf"),
            WebError::NotFound => tr.t("web-error-not-found"),
            WebError::BadRequest(d) => tr.t1("web-error-bad-request", "detail", d),
            WebError::Internal(_) => tr.t("web-error-internal"),
        }
    }
}

/// A role's name in the page's language.
pub fn role_name(tr: &Tr, role: Role) -> String {
    tr.t(match role {
        Role::Viewer => "web-role-viewer",
        Role::Editor => "web-role-editor",
        Role::Admin => "web-role-admin",
    })
}

impl From<StoreError> for WebError {
    fn from(e: StoreError) -> WebError {
        match e {
            StoreError::NotFound { .. } => WebError::NotFound,
            other => WebError::Internal(other.to_string()),
        }
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let tr = self.chrome.tr;
        if let WebError::SignIn { next } = &self.error {
            let mut to = form_urlencoded::Serializer::new(String::from("/signin?"));
            to.append_pair("next", next);
            let to = tr.href(&to.finish());
            return (StatusCode::SEE_OTHER, [(header::LOCATION, to)]).into_response();
        }
        if let WebError::Internal(cause) = &self.error {
            tracing::error!(%cause, "web page failed");
        }
        let (status, code) = self.error.status();
        let page = ProblemPage {
            c: &self.chrome,
            status: status.as_u16(),
            code,
            message: self.error.message(&tr),
        };
        match page.render() {
            Ok(html) => (status, Html(html)).into_response(),
            Err(_) => status.into_response(),
        }
    }
}

/// Renders a template into a page, or a 500 page.
pub fn render<T: Template>(t: &T, chrome: &Chrome) -> Result<Html<String>, PageError> {
    t.render()
        .map(Html)
        .map_err(|e| WebError::Internal(e.to_string()).on(chrome))
}
