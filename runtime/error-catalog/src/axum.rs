//! The [`axum`] integration (cargo feature `axum`, which implies `http`).
//!
//! Every generated enum implements [`IntoResponse`]: handlers return it directly
//! (`Result<Json<T>, MyError>`). The response has the error's status (500 when it
//! has none), `Content-Type: application/json`, the service's own envelope, and
//! `Retry-After` / `X-RateLimit-*` where the error carries them (see
//! [`http::carried_headers`](crate::http::carried_headers)). Wrap the error in
//! [`ProblemResponse`] for `application/problem+json` instead, or in [`Redacted`] to send
//! it the way [`Public`] shows it, without what must not leave the
//! server.
//!
//! ```
//! use axum::response::IntoResponse;
//! use error_catalog_services::kya::KyaError;
//!
//! let err = KyaError::RateLimited { agent_id: "42".into(), tier: 1, limit: 1, retry_after: 45,
//!                                   timestamp: None, extra: Default::default() };
//! let response = err.into_response();
//! assert_eq!(response.status(), 429);
//! assert_eq!(response.headers()["content-type"], "application/json");
//! assert_eq!(response.headers()["retry-after"], "45");
//! assert_eq!(response.headers()["x-ratelimit-remaining"], "0");
//! ```

use std::fmt;

use ::axum::body::Body;
use ::axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::__private::Render;
use crate::{ApiError, Public};

/// The response returning `err` in the service's own envelope; what every
/// generated enum's `IntoResponse` does.
///
/// ```
/// use error_catalog_services::kya::KyaError;
///
/// let err = KyaError::AgentNotFound { agent_id: "9".into(), timestamp: None, extra: Default::default() };
/// let response = error_catalog::axum::into_response(&err);
/// assert_eq!(response.status(), axum::http::StatusCode::NOT_FOUND);
/// ```
pub fn into_response<E: ApiError + Serialize + ?Sized>(err: &E) -> Response {
    crate::http::to_response(err).map(Body::from)
}

/// The response returning `err` as RFC 9457 problem details.
///
/// ```
/// use error_catalog_services::kya::KyaError;
///
/// let err = KyaError::AgentNotFound { agent_id: "9".into(), timestamp: None, extra: Default::default() };
/// let response = error_catalog::axum::problem_response(&err);
/// assert_eq!(response.headers()["content-type"], "application/problem+json");
/// ```
pub fn problem_response<E: ApiError + ?Sized>(err: &E) -> Response {
    crate::http::to_problem_response(err).map(Body::from)
}

/// An error that responds as `application/problem+json`
/// ([`problem::Problem`](crate::problem::Problem)) instead of the service's envelope;
/// same status and retry headers.
///
/// ```
/// use axum::response::IntoResponse;
/// use error_catalog::axum::ProblemResponse;
/// use error_catalog_services::kya::KyaError;
///
/// async fn handler() -> Result<String, ProblemResponse<KyaError>> {
///     Err(ProblemResponse(KyaError::InternalError { timestamp: None, extra: Default::default() }))
/// }
///
/// let err = ProblemResponse(KyaError::InternalError { timestamp: None, extra: Default::default() });
/// let response = err.into_response();
/// assert_eq!(response.status(), 500);
/// assert_eq!(response.headers()["content-type"], "application/problem+json");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct ProblemResponse<E>(pub E);

impl<E: ApiError> IntoResponse for ProblemResponse<E> {
    fn into_response(self) -> Response {
        problem_response(&self.0)
    }
}

impl<E> From<E> for ProblemResponse<E> {
    /// Wraps an error, so that `?` converts into `ProblemResponse`.
    ///
    /// ```
    /// use error_catalog::axum::ProblemResponse;
    /// use error_catalog_services::kya::KyaError;
    ///
    /// fn lookup() -> Result<(), KyaError> { Err(KyaError::InternalError { timestamp: None, extra: Default::default() }) }
    /// fn handler() -> Result<(), ProblemResponse<KyaError>> { Ok(lookup()?) }
    /// assert!(handler().is_err());
    /// ```
    fn from(err: E) -> Self {
        ProblemResponse(err)
    }
}

/// An error that responds the way [`Public`] shows it: the
/// service's envelope without internal fields, 5xx details, raw upstream messages
/// or a fallback's upstream body. Same status and retry headers.
///
/// ```
/// use axum::response::IntoResponse;
/// use error_catalog::axum::Redacted;
/// use error_catalog_services::kya::KyaError;
///
/// async fn handler() -> Result<String, Redacted<KyaError>> {
///     Err(Redacted(KyaError::InternalError { timestamp: None, extra: Default::default() }))
/// }
///
/// let upstream = KyaError::Unknown(error_catalog::UnknownError::new(Some(502), b"<html>db at 10.0.0.7</html>"));
/// let response = Redacted(upstream).into_response();
/// assert_eq!(response.status(), 502);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Redacted<E>(pub E);

impl<E: ApiError + Render + Serialize + fmt::Debug> IntoResponse for Redacted<E> {
    fn into_response(self) -> Response {
        into_response(&Public(&self.0))
    }
}

impl<E> From<E> for Redacted<E> {
    /// Wraps an error, so that `?` converts into `Redacted`.
    ///
    /// ```
    /// use error_catalog::axum::Redacted;
    /// use error_catalog_services::kya::KyaError;
    ///
    /// fn lookup() -> Result<(), KyaError> { Err(KyaError::InternalError { timestamp: None, extra: Default::default() }) }
    /// fn handler() -> Result<(), Redacted<KyaError>> { Ok(lookup()?) }
    /// assert!(handler().is_err());
    /// ```
    fn from(err: E) -> Self {
        Redacted(err)
    }
}
