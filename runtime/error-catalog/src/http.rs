//! The [`http`] crate integration (cargo feature `http`).
//!
//! - [`HttpExt::status_code`]: an error's status as an [`http::StatusCode`];
//! - [`headers_from`]: `Retry-After`, the rate-limit headers and the request id from an
//!   [`http::HeaderMap`];
//! - [`to_response`] / [`to_problem_response`]: a full [`http::Response`]
//!   from an error, with `Retry-After` and rate-limit headers where the error carries them;
//! - [`read`] / [`from_response`]: the other way, a received response into a typed error
//!   with its headers ([`Received`]);
//! - [`Backoff::next_delay`]: the next wait of a [`RetryPolicy`] after a
//!   [`Received`] response. Both types live at the crate root
//!   ([`error_catalog::RetryPolicy`](crate::RetryPolicy), no feature needed) and are
//!   re-exported here.
//!
//! ```
//! use error_catalog::http::{from_response, HttpExt};
//! use error_catalog_services::kya::KyaError;
//!
//! let received = http::Response::builder()
//!     .status(429)
//!     .header("Retry-After", "45")
//!     .body(r#"{"error": "Rate limit exceeded for agent tier", "errorType": "RATE_LIMITED",
//!              "details": {"agentId": "42", "tier": 1, "limit": 1, "retryAfter": 45}}"#)
//!     .unwrap();
//! let received = from_response::<KyaError, _>(&received);
//! assert_eq!(received.error.status_code(), Some(http::StatusCode::TOO_MANY_REQUESTS));
//! assert_eq!(received.retry().seconds(), Some(45));
//!
//! // and back into a response, as a server would send it
//! let response = received.error.to_response();
//! assert_eq!(response.status(), 429);
//! assert_eq!(response.headers()["retry-after"], "45");
//! assert_eq!(response.headers()["x-ratelimit-limit"], "1");
//! ```

use std::fmt;
use std::time::{SystemTime, UNIX_EPOCH};

use ::http::header::{HeaderMap, HeaderName, HeaderValue, ACCEPT, CONTENT_TYPE};
use ::http::{Response, StatusCode};
use serde::Serialize;

use crate::headers::{HeaderNames, RateLimit, ResponseHeaders, RetryAfter};
use crate::{ApiError, FromResponse, RetryAdvice};

/// The media type of an error in the service's own envelope.
///
/// ```
/// assert_eq!(error_catalog::http::JSON, "application/json");
/// ```
pub const JSON: &str = "application/json";

/// The media type of RFC 9457 problem details (same as
/// [`problem::CONTENT_TYPE`](crate::problem::CONTENT_TYPE)).
///
/// ```
/// assert_eq!(error_catalog::http::PROBLEM_JSON, "application/problem+json");
/// ```
pub const PROBLEM_JSON: &str = crate::problem::CONTENT_TYPE;

/// An error's status as an [`http::StatusCode`]: `None` when
/// the error has no status (a catalog entry without one, a fallback built without
/// one) or it is not a valid status code (outside 100..=999).
///
/// ```
/// use error_catalog_services::kya::KyaError;
/// use error_catalog::{FromResponse, UnknownError};
///
/// let err = KyaError::from_response(404, br#"{"error": "Agent ID 9 not found in IdentityRegistry",
///     "errorType": "AGENT_NOT_FOUND", "details": {"agentId": "9"}}"#);
/// assert_eq!(error_catalog::http::status_code(&err), Some(http::StatusCode::NOT_FOUND));
/// let err = KyaError::Unknown(UnknownError::new(None, b""));
/// assert_eq!(error_catalog::http::status_code(&err), None);
/// ```
pub fn status_code<E: ApiError + ?Sized>(err: &E) -> Option<StatusCode> {
    err.status().and_then(|s| StatusCode::from_u16(s).ok())
}

/// Parses the retry-relevant headers of a response — `Retry-After` (seconds or an
/// HTTP-date), `X-RateLimit-Limit` / `-Remaining` / `-Reset` (and the draft
/// `RateLimit-*` names), `X-Request-Id` — from an [`http::HeaderMap`].
/// Values that are not visible ASCII or do not parse are ignored.
///
/// ```
/// use error_catalog::RetryAfter;
///
/// let mut map = http::HeaderMap::new();
/// map.insert("retry-after", http::HeaderValue::from_static("30"));
/// map.insert("x-ratelimit-remaining", http::HeaderValue::from_static("0"));
/// map.insert("x-request-id", http::HeaderValue::from_static("req-7"));
/// let h = error_catalog::http::headers_from(&map);
/// assert_eq!(h.retry_after, Some(RetryAfter::Seconds(30)));
/// assert_eq!(h.rate_limit.remaining, Some(0));
/// assert_eq!(h.request_id.as_deref(), Some("req-7"));
/// ```
pub fn headers_from(map: &HeaderMap) -> ResponseHeaders {
    headers_from_with(&HeaderNames::STANDARD, map)
}

/// [`headers_from`] with a service's own header names.
///
/// ```
/// use error_catalog::headers::HeaderNames;
///
/// let names = HeaderNames { request_id: "X-Trace-Id", ..HeaderNames::STANDARD };
/// let mut map = http::HeaderMap::new();
/// map.insert("x-trace-id", http::HeaderValue::from_static("t-1"));
/// let h = error_catalog::http::headers_from_with(&names, &map);
/// assert_eq!(h.request_id.as_deref(), Some("t-1"));
/// ```
pub fn headers_from_with(names: &HeaderNames<'_>, map: &HeaderMap) -> ResponseHeaders {
    let pairs = map
        .iter()
        .filter_map(|(name, value)| Some((name.as_str(), value.to_str().ok()?)));
    ResponseHeaders::from_pairs_with(names, pairs)
}

/// The retry headers a response returning `err` should carry, derived from the
/// error itself:
///
/// - `retry_after`: the seconds of the error's retry advice when it says "retry
///   after" — the body's wait field (a catalog's `retry_after_field`) under a
///   catalog rule `after`;
/// - `rate_limit`: for a 429, the limit and remaining requests when the error has
///   integer fields for them (`limit` / `rateLimit`, `remaining`; remaining defaults
///   to 0 once a limit is known, since a 429 means the window is used up);
/// - nothing for the fallback variant, which describes a response received, not one
///   to send.
///
/// ```
/// use error_catalog::{headers::RateLimit, RetryAfter};
/// use error_catalog_services::kya::KyaError;
///
/// let err = KyaError::RateLimited { agent_id: "42".into(), tier: 1, limit: 1, retry_after: 45,
///                                   timestamp: None, extra: Default::default() };
/// let h = error_catalog::http::carried_headers(&err);
/// assert_eq!(h.retry_after, Some(RetryAfter::Seconds(45)));
/// assert_eq!(h.rate_limit, RateLimit { limit: Some(1), remaining: Some(0), reset: None });
/// ```
pub fn carried_headers<E: ApiError + ?Sized>(err: &E) -> ResponseHeaders {
    let mut out = ResponseHeaders::default();
    if !err.is_known() {
        return out;
    }
    // Only `RetryAdvice::After` has seconds; with no headers to go by, it comes
    // from the body's wait field under the catalog's rule.
    let advice = err.retry_with(&ResponseHeaders::default(), UNIX_EPOCH);
    out.retry_after = advice.seconds().map(RetryAfter::Seconds);
    if err.status() == Some(429) {
        let details = err.details();
        let int = |names: &[&str]| {
            details.iter().find_map(|(k, v)| {
                let k: String = k
                    .chars()
                    .filter(|c| c.is_ascii_alphanumeric())
                    .map(|c| c.to_ascii_lowercase())
                    .collect();
                names.contains(&k.as_str()).then(|| v.as_u64()).flatten()
            })
        };
        let limit = int(&["limit", "ratelimit", "ratelimitlimit"]);
        let remaining = int(&["remaining", "ratelimitremaining"]);
        out.rate_limit = RateLimit {
            limit,
            remaining: remaining.or(limit.map(|_| 0)),
            reset: None,
        };
    }
    out
}

/// Writes `headers` into `map` under the standard names ([`HeaderNames::STANDARD`]),
/// replacing values already there; absent fields are left alone. A `Retry-After`
/// date is written as an IMF-fixdate.
///
/// ```
/// use error_catalog::{ResponseHeaders, RetryAfter};
///
/// let h = ResponseHeaders { retry_after: Some(RetryAfter::Seconds(5)), ..Default::default() };
/// let mut map = http::HeaderMap::new();
/// error_catalog::http::write_headers(&h, &mut map);
/// assert_eq!(map["retry-after"], "5");
/// assert_eq!(error_catalog::http::headers_from(&map), h);
/// ```
pub fn write_headers(headers: &ResponseHeaders, map: &mut HeaderMap) {
    write_headers_with(&HeaderNames::STANDARD, headers, map);
}

/// [`write_headers`] with a service's own header names.
///
/// ```
/// use error_catalog::headers::HeaderNames;
/// use error_catalog::ResponseHeaders;
///
/// let names = HeaderNames { request_id: "X-Trace-Id", ..HeaderNames::STANDARD };
/// let h = ResponseHeaders { request_id: Some("t-1".into()), ..Default::default() };
/// let mut map = http::HeaderMap::new();
/// error_catalog::http::write_headers_with(&names, &h, &mut map);
/// assert_eq!(map["x-trace-id"], "t-1");
/// ```
pub fn write_headers_with(names: &HeaderNames<'_>, headers: &ResponseHeaders, map: &mut HeaderMap) {
    let mut put = |name: &str, value: Option<HeaderValue>| {
        if let (Ok(name), Some(value)) = (HeaderName::from_bytes(name.as_bytes()), value) {
            map.insert(name, value);
        }
    };
    let retry_after = headers.retry_after.and_then(|r| match r {
        RetryAfter::Seconds(s) => Some(HeaderValue::from(s)),
        RetryAfter::Date(at) => HeaderValue::from_str(&http_date(at)?).ok(),
    });
    put(names.retry_after, retry_after);
    let rl = &headers.rate_limit;
    put(names.rate_limit_limit, rl.limit.map(HeaderValue::from));
    put(
        names.rate_limit_remaining,
        rl.remaining.map(HeaderValue::from),
    );
    put(names.rate_limit_reset, rl.reset.map(HeaderValue::from));
    let id = headers.request_id.as_deref();
    put(
        names.request_id,
        id.and_then(|v| HeaderValue::from_str(v).ok()),
    );
    let word = headers
        .should_retry
        .map(|w| HeaderValue::from_static(if w { "true" } else { "false" }));
    put(names.should_retry, word);
}

/// Formats an instant as an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`); `None`
/// before 1970 or after year 9999.
fn http_date(at: SystemTime) -> Option<String> {
    let secs = at.duration_since(UNIX_EPOCH).ok()?.as_secs();
    let days = i64::try_from(secs / 86_400).ok()?;
    let rem = secs % 86_400;
    // H. Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    if year > 9999 {
        return None;
    }
    const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let weekday = DAYS[usize::try_from(days % 7).ok()?];
    let month = MONTHS[usize::try_from(month - 1).ok()?];
    Some(format!(
        "{weekday}, {day:02} {month} {year} {:02}:{:02}:{:02} GMT",
        rem / 3600,
        rem / 60 % 60,
        rem % 60
    ))
}

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

/// Classifies a received response from its parts: the body is read as problem
/// details when the `Content-Type` says so
/// ([`FromResponse::from_problem_json`]), else in the service's envelope
/// ([`FromResponse::from_response`]). Never fails: anything unrecognised is the
/// fallback variant.
///
/// ```
/// use error_catalog_services::kya::KyaError;
///
/// let mut headers = http::HeaderMap::new();
/// headers.insert("x-request-id", http::HeaderValue::from_static("req-1"));
/// let body = br#"{"error": "An unexpected error occurred", "errorType": "INTERNAL_ERROR"}"#;
/// let received = error_catalog::http::read::<KyaError>(http::StatusCode::INTERNAL_SERVER_ERROR, &headers, body);
/// assert!(matches!(received.error, KyaError::InternalError { .. }));
/// assert_eq!(received.request_id(), Some("req-1"));
/// ```
pub fn read<E: FromResponse>(status: StatusCode, headers: &HeaderMap, body: &[u8]) -> Received<E> {
    let error = if is_problem_json(headers) {
        E::from_problem_json(status.as_u16(), body)
    } else {
        E::from_parts(status.as_u16(), &MapLookup(headers), body)
    };
    Received::new(error, headers_from_with(&E::HEADER_NAMES, headers))
}

/// A header map as the decoder reads headers (for `when_header` conditions):
/// a value that is not text is absent.
pub(crate) struct MapLookup<'a>(pub(crate) &'a HeaderMap);

impl crate::headers::HeaderLookup for MapLookup<'_> {
    fn header(&self, name: &str) -> Option<&str> {
        self.0.get(name)?.to_str().ok()
    }
}

/// [`read`] for a whole [`http::Response`].
///
/// ```
/// use error_catalog_services::kya::KyaError;
///
/// let response = http::Response::builder().status(502).body(b"<html>Bad Gateway</html>".to_vec()).unwrap();
/// let received = error_catalog::http::from_response::<KyaError, _>(&response);
/// assert!(matches!(&received.error, KyaError::Unknown(u) if u.status() == Some(502)));
/// assert_eq!(received.retry(), error_catalog::RetryAdvice::Backoff);
/// ```
pub fn from_response<E: FromResponse, B: AsRef<[u8]>>(response: &Response<B>) -> Received<E> {
    read(
        response.status(),
        response.headers(),
        response.body().as_ref(),
    )
}

/// A typed error received over HTTP, with the response headers that matter for
/// retrying and when it arrived (the reference for a `Retry-After` date).
///
/// Displays as the error.
///
/// ```
/// use error_catalog::http::Received;
/// use error_catalog::{ResponseHeaders, RetryAdvice};
/// use error_catalog_services::kya::KyaError;
///
/// let err = KyaError::InternalError { timestamp: None, extra: Default::default() };
/// let received = Received::new(err, ResponseHeaders::from_lines("Retry-After: 3"));
/// assert_eq!(received.retry(), RetryAdvice::After(std::time::Duration::from_secs(3)));
/// assert_eq!(received.to_string(), "An unexpected error occurred");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Received<E> {
    /// The classified error.
    pub error: E,
    /// Its response's retry-relevant headers.
    pub headers: ResponseHeaders,
    /// When the response was read.
    pub received_at: SystemTime,
}

impl<E> Received<E> {
    /// An error with its headers, received now.
    ///
    /// ```
    /// use error_catalog::{http::Received, ResponseHeaders};
    /// let r = Received::new("anything", ResponseHeaders::default());
    /// assert!(r.received_at <= std::time::SystemTime::now());
    /// ```
    pub fn new(error: E, headers: ResponseHeaders) -> Self {
        Received {
            error,
            headers,
            received_at: SystemTime::now(),
        }
    }

    /// The request id the response carried.
    ///
    /// ```
    /// use error_catalog::{http::Received, ResponseHeaders};
    /// let r = Received::new((), ResponseHeaders::from_lines("X-Request-Id: req-9"));
    /// assert_eq!(r.request_id(), Some("req-9"));
    /// ```
    pub fn request_id(&self) -> Option<&str> {
        self.headers.request_id.as_deref()
    }

    /// The error, without the headers.
    ///
    /// ```
    /// use error_catalog::{http::Received, ResponseHeaders};
    /// assert_eq!(Received::new(7, ResponseHeaders::default()).into_error(), 7);
    /// ```
    pub fn into_error(self) -> E {
        self.error
    }
}

impl<E: ApiError> Received<E> {
    /// The error's retry advice combined with the response's headers, relative to
    /// when it was received.
    ///
    /// ```
    /// use error_catalog::{http::Received, ResponseHeaders, RetryAdvice};
    /// use error_catalog_services::kya::KyaError;
    ///
    /// let err = KyaError::AgentNotFound { agent_id: "9".into(), timestamp: None, extra: Default::default() };
    /// let r = Received::new(err, ResponseHeaders::from_lines("Retry-After: 3"));
    /// assert_eq!(r.retry(), RetryAdvice::Never); // the catalog says retrying cannot help
    /// ```
    pub fn retry(&self) -> RetryAdvice {
        self.error.retry_with(&self.headers, self.received_at)
    }
}

impl<E: fmt::Display> fmt::Display for Received<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.error.fmt(f)
    }
}

impl<E: std::error::Error> std::error::Error for Received<E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.error.source()
    }
}

/// The `http` crate view of any [`ApiError`], as methods.
///
/// ```
/// use error_catalog::http::HttpExt;
/// use error_catalog_services::kya::KyaError;
///
/// let err = KyaError::InternalError { timestamp: None, extra: Default::default() };
/// assert_eq!(err.status_code(), Some(http::StatusCode::INTERNAL_SERVER_ERROR));
/// assert_eq!(err.to_response().status(), 500);
/// assert_eq!(err.to_problem_response().headers()["content-type"], "application/problem+json");
/// assert_eq!(err.carried_headers(), error_catalog::ResponseHeaders::default());
/// ```
pub trait HttpExt: ApiError {
    /// [`status_code`].
    ///
    /// ```
    /// use error_catalog::http::HttpExt;
    /// use error_catalog_services::kya::KyaError;
    /// let err = KyaError::InternalError { timestamp: None, extra: Default::default() };
    /// assert_eq!(err.status_code(), Some(http::StatusCode::INTERNAL_SERVER_ERROR));
    /// ```
    fn status_code(&self) -> Option<StatusCode> {
        status_code(self)
    }

    /// [`to_response`].
    ///
    /// ```
    /// use error_catalog::http::HttpExt;
    /// use error_catalog_services::kya::KyaError;
    /// let err = KyaError::InternalError { timestamp: None, extra: Default::default() };
    /// assert_eq!(err.to_response().headers()["content-type"], "application/json");
    /// ```
    fn to_response(&self) -> Response<Vec<u8>>
    where
        Self: Serialize,
    {
        to_response(self)
    }

    /// [`to_problem_response`].
    ///
    /// ```
    /// use error_catalog::http::HttpExt;
    /// use error_catalog_services::kya::KyaError;
    /// let err = KyaError::InternalError { timestamp: None, extra: Default::default() };
    /// assert_eq!(err.to_problem_response().status(), 500);
    /// ```
    fn to_problem_response(&self) -> Response<Vec<u8>> {
        to_problem_response(self)
    }

    /// [`carried_headers`].
    ///
    /// ```
    /// use error_catalog::http::HttpExt;
    /// use error_catalog_services::kya::KyaError;
    /// let err = KyaError::RateLimited { agent_id: "42".into(), tier: 1, limit: 1, retry_after: 9,
    ///                                   timestamp: None, extra: Default::default() };
    /// assert_eq!(err.carried_headers().retry_after, Some(error_catalog::RetryAfter::Seconds(9)));
    /// ```
    fn carried_headers(&self) -> ResponseHeaders {
        carried_headers(self)
    }
}

impl<E: ApiError + ?Sized> HttpExt for E {}

/// Re-exported from the crate root (`error_catalog::RetryPolicy`), where they are
/// defined without any feature; [`Backoff::next_delay`] takes a [`Received`].
pub use crate::{Backoff, RetryPolicy};

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn http_dates() {
        let at = |s| UNIX_EPOCH + Duration::from_secs(s);
        assert_eq!(
            http_date(at(784_111_777)).as_deref(),
            Some("Sun, 06 Nov 1994 08:49:37 GMT")
        );
        assert_eq!(
            http_date(at(0)).as_deref(),
            Some("Thu, 01 Jan 1970 00:00:00 GMT")
        );
        assert_eq!(
            http_date(at(951_868_800)).as_deref(),
            Some("Wed, 01 Mar 2000 00:00:00 GMT")
        );
        for secs in [0, 59, 86_399, 951_782_400, 1_699_900_060, 4_102_444_799] {
            let text = http_date(at(secs)).unwrap_or_default();
            assert_eq!(
                crate::headers::parse_http_date(&text),
                Some(at(secs)),
                "{text}"
            );
        }
        assert_eq!(http_date(at(u64::MAX / 2)), None);
    }

    #[test]
    fn accept_header() {
        let accepts = |v: &'static str| {
            let mut m = HeaderMap::new();
            m.insert(ACCEPT, HeaderValue::from_static(v));
            accepts_problem_json(&m)
        };
        assert!(accepts("application/problem+json"));
        assert!(accepts("text/html, Application/Problem+JSON;q=0.5"));
        assert!(!accepts("application/problem+json;q=0"));
        assert!(!accepts("application/json, */*"));
    }

    #[test]
    fn retry_types_are_re_exported() {
        let policy: RetryPolicy = crate::RetryPolicy::default();
        let backoff: Backoff = policy.start();
        let same: crate::Backoff = backoff;
        assert_eq!(same.failures(), 0);
    }
}
