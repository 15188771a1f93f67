//! Who is looking: the service's own tokens (`aigov token create --role viewer|editor|admin`). The sign-in form
//! posts a token; the server checks it with the store (by its hash) and keeps it in an `HttpOnly`,
//! `SameSite=Strict` cookie, so every request is checked again and a revoked token stops working at once; the
//! server keeps no session of its own. The token is never logged or shown. Pages say which role they need
//! ([`Ctx::need`]): no cookie sends the visitor to the sign-in page, a weaker role gets a 403 page.
//!
//! Cross-site request forgery: the cookie is `SameSite=Strict` (browsers do not send it with a post from another
//! site), and [`csrf`] refuses every post whose `Origin` (or, without one, `Referer`) is not this host.

use crate::error::{PageError, WebError};
use crate::lang::Tr;
use crate::views::Chrome;
use crate::WebState;
use aigov_store::{Principal, Role};
use axum::extract::{FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// The session cookie's name.
pub const COOKIE: &str = "aigov_session";

/// How long a sign-in lasts, in seconds (12 hours).
const MAX_AGE: u32 = 12 * 60 * 60;

/// A page request: its language, its signed-in principal (if any) and its chrome.
#[derive(Debug, Clone)]
pub struct Ctx {
    /// The signed-in token's principal.
    pub principal: Option<Principal>,
    /// The page's chrome.
    pub chrome: Chrome,
}

impl Ctx {
    /// The language.
    pub fn tr(&self) -> Tr {
        self.chrome.tr
    }

    /// The principal when it has at least `need`; else the sign-in redirect or the 403 page.
    pub fn need(&self, need: Role) -> Result<&Principal, PageError> {
        match &self.principal {
            None => Err(WebError::SignIn {
                next: self.chrome.here.clone(),
            }
            .on(&self.chrome)),
            Some(p) if p.role < need => {
                Err(WebError::Forbidden { role: p.role, need }.on(&self.chrome))
            }
            Some(p) => Ok(p),
        }
    }

    /// An error on this page.
    pub fn err(&self, e: WebError) -> PageError {
        e.on(&self.chrome)
    }
}

/// The session token of a request's cookies.
pub fn session_token(headers: &HeaderMap) -> Option<&str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|kv| kv.trim().strip_prefix(COOKIE)?.strip_prefix('='))
        .filter(|t| !t.is_empty())
}

impl FromRequestParts<WebState> for Ctx {
    type Rejection = PageError;
    async fn from_request_parts(parts: &mut Parts, state: &WebState) -> Result<Ctx, PageError> {
        let tr = Tr::from_query(parts.uri.query());
        let here = parts
            .uri
            .path_and_query()
            .map_or("/", |p| p.as_str())
            .to_string();
        let principal = match session_token(&parts.headers) {
            Some(token) => match state.store.authenticate(token).await {
                Ok(p) => p,
                Err(e) => {
                    return Err(WebError::Internal(e.to_string()).on(&Chrome::new(tr, None, &here)))
                }
            },
            None => None,
        };
        let chrome = Chrome::new(tr, principal.as_ref(), &here);
        Ok(Ctx { principal, chrome })
    }
}

/// The `Set-Cookie` value that keeps `token` for the session (`Secure` when the request came over HTTPS through a
/// proxy that says so).
pub fn session_cookie(token: &str, headers: &HeaderMap) -> String {
    format!(
        "{COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict; Max-Age={MAX_AGE}{}",
        secure(headers)
    )
}

/// The `Set-Cookie` value that ends the session.
pub fn clear_cookie(headers: &HeaderMap) -> String {
    format!(
        "{COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0{}",
        secure(headers)
    )
}

fn secure(headers: &HeaderMap) -> &'static str {
    let https = headers
        .get("x-forwarded-proto")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.eq_ignore_ascii_case("https"));
    if https {
        "; Secure"
    } else {
        ""
    }
}

/// The host (and port) of an `Origin` or `Referer` URL.
fn url_host(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    Some(rest.split(['/', '?', '#']).next().unwrap_or(rest))
}

/// Whether a state-changing request comes from this site's own pages: its `Origin`, or its `Referer` when it has
/// no `Origin`, names the host the request was sent to. A request with neither is refused.
pub fn same_origin(headers: &HeaderMap) -> bool {
    let Some(host) = headers.get(header::HOST).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let from = headers
        .get(header::ORIGIN)
        .or_else(|| headers.get(header::REFERER))
        .and_then(|v| v.to_str().ok());
    from.and_then(url_host)
        .is_some_and(|h| h.eq_ignore_ascii_case(host))
}

/// The CSRF check of every request other than GET, HEAD and OPTIONS (middleware of the web router).
pub async fn csrf(req: Request, next: Next) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS)
        || same_origin(req.headers())
    {
        return next.run(req).await;
    }
    let tr = Tr::from_query(req.uri().query());
    let here = req.uri().path().to_string();
    WebError::Csrf
        .on(&Chrome::new(tr, None, &here))
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(header::HeaderName, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(k.clone(), HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn only_posts_from_this_host_pass() {
        let host = (header::HOST, "127.0.0.1:8080");
        assert!(same_origin(&headers(&[
            host.clone(),
            (header::ORIGIN, "http://127.0.0.1:8080")
        ])));
        assert!(same_origin(&headers(&[
            host.clone(),
            (header::REFERER, "http://127.0.0.1:8080/assess?x=1")
        ])));
        assert!(!same_origin(&headers(&[
            host.clone(),
            (header::ORIGIN, "http://evil.example")
        ])));
        assert!(!same_origin(&headers(&[
            host.clone(),
            (header::ORIGIN, "http://127.0.0.1:8080.evil.example")
        ])));
        assert!(!same_origin(&headers(&[host])));
    }

    #[test]
    fn the_session_cookie_is_found_among_others() {
        let h = headers(&[(header::COOKIE, "a=1; aigov_session=aigov_abc; b=2")]);
        assert_eq!(session_token(&h), Some("aigov_abc"));
        let h = headers(&[(header::COOKIE, "aigov_session_x=1")]);
        assert_eq!(session_token(&h), None);
    }
}
