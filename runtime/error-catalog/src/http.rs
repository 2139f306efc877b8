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

use ::http::{Response, StatusCode};
use serde::Serialize;

use crate::headers::ResponseHeaders;
use crate::ApiError;

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

mod header_map;
mod received;
mod response;

pub use header_map::{
    carried_headers, headers_from, headers_from_with, write_headers, write_headers_with,
};
pub use received::{from_response, read, Received};
pub use response::{accepts_problem_json, is_problem_json, to_problem_response, to_response};

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
mod tests;
