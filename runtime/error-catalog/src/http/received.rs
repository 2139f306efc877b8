//! A received response read into a typed error with its headers ([`Received`]).

use std::fmt;
use std::time::SystemTime;

use ::http::header::HeaderMap;
use ::http::{Response, StatusCode};

use super::{headers_from_with, is_problem_json};
use crate::headers::ResponseHeaders;
use crate::{ApiError, FromResponse, RetryAdvice};

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
    // read once by the enum's names: decoding and retry advice see the same
    let read = headers_from_with(&E::HEADER_NAMES, headers);
    let error = if is_problem_json(headers) {
        E::from_problem_json(status.as_u16(), body)
    } else {
        E::from_parts(status.as_u16(), &read, body)
    };
    Received::new(error, read)
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
