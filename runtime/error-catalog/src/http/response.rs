//! An error as a full [`http::Response`], and which content type a request asks
//! for or a response carries.

use ::http::header::{HeaderMap, HeaderValue, ACCEPT, CONTENT_TYPE};
use ::http::{Response, StatusCode};
use serde::Serialize;

use super::{carried_headers, status_code, write_headers, JSON, PROBLEM_JSON};
use crate::ApiError;

fn response(
    status: Option<StatusCode>,
    content_type: &'static str,
    body: Vec<u8>,
) -> Response<Vec<u8>> {
    let mut response = Response::new(body);
    *response.status_mut() = status.unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    response.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_str(content_type).unwrap_or(HeaderValue::from_static(JSON)),
    );
    response
}

/// A full response returning `err` in the service's own envelope: the error's
/// status (500 when it has none), the service's content type
/// ([`ApiError::content_type`], usually `application/json`), the body its
/// `Serialize` writes, and the [`carried_headers`]. A fallback variant is sent back
/// with its body as received (as a JSON string when that body was not JSON).
///
/// ```
/// use error_catalog_services::kya::KyaError;
///
/// let err = KyaError::AgentNotFound { agent_id: "9".into(), timestamp: None, extra: Default::default() };
/// let response = error_catalog::http::to_response(&err);
/// assert_eq!(response.status(), http::StatusCode::NOT_FOUND);
/// assert_eq!(response.headers()["content-type"], "application/json");
/// let body: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
/// assert_eq!(body["errorType"], "AGENT_NOT_FOUND");
/// assert_eq!(body["error"], "Agent ID 9 not found in IdentityRegistry");
/// ```
pub fn to_response<E: ApiError + Serialize + ?Sized>(err: &E) -> Response<Vec<u8>> {
    let body = serde_json::to_vec(err).unwrap_or_default();
    let mut response = response(status_code(err), err.content_type(), body);
    write_headers(&carried_headers(err), response.headers_mut());
    response
}

/// Like [`to_response`], with the body as RFC 9457 problem details
/// ([`problem::Problem`](crate::problem::Problem)) and
/// `Content-Type: application/problem+json`.
///
/// ```
/// use error_catalog_services::kya::KyaError;
///
/// let err = KyaError::AgentNotFound { agent_id: "9".into(), timestamp: None, extra: Default::default() };
/// let response = error_catalog::http::to_problem_response(&err);
/// assert_eq!(response.headers()["content-type"], "application/problem+json");
/// let body: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
/// assert_eq!(body["status"], 404);
/// assert_eq!(body["code"], "AGENT_NOT_FOUND");
/// assert_eq!(body["agentId"], "9");
/// ```
pub fn to_problem_response<E: ApiError + ?Sized>(err: &E) -> Response<Vec<u8>> {
    let body = serde_json::to_vec(&crate::problem::Problem(err)).unwrap_or_default();
    let mut response = response(status_code(err), PROBLEM_JSON, body);
    write_headers(&carried_headers(err), response.headers_mut());
    response
}

/// True when a request's `Accept` header asks for `application/problem+json`
/// (by name, not through a wildcard, and not with `q=0`): a server can then answer
/// with [`to_problem_response`].
///
/// ```
/// let mut request = http::HeaderMap::new();
/// assert!(!error_catalog::http::accepts_problem_json(&request));
/// request.insert("accept", http::HeaderValue::from_static("application/problem+json, */*;q=0.1"));
/// assert!(error_catalog::http::accepts_problem_json(&request));
/// ```
pub fn accepts_problem_json(request_headers: &HeaderMap) -> bool {
    request_headers
        .get_all(ACCEPT)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|item| {
            let mut parts = item.split(';').map(str::trim);
            let is_problem = parts
                .next()
                .is_some_and(|t| t.eq_ignore_ascii_case(PROBLEM_JSON));
            let refused = parts.any(|p| {
                p.split_once('=').is_some_and(|(k, v)| {
                    k.trim().eq_ignore_ascii_case("q")
                        && v.trim().parse::<f32>().is_ok_and(|q| q <= 0.0)
                })
            });
            is_problem && !refused
        })
}

/// True when a response's `Content-Type` is `application/problem+json`.
///
/// ```
/// let mut response = http::HeaderMap::new();
/// response.insert("content-type", http::HeaderValue::from_static("application/problem+json; charset=utf-8"));
/// assert!(error_catalog::http::is_problem_json(&response));
/// ```
pub fn is_problem_json(response_headers: &HeaderMap) -> bool {
    response_headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|t| t.trim().eq_ignore_ascii_case(PROBLEM_JSON))
}
