//! The fallback for anything a catalog does not describe.

use std::fmt;

/// An error response that matched no known error, or whose body could not be read
/// as one: the fallback variant of every generated enum
/// (`#[api_error(unknown)] Unknown(UnknownError)`). Keeps everything it carried:
/// the status, the code and message when the body had them, the exact body
/// bytes, and why it was not classified.
///
/// A body falls back when:
/// - its code (or, for a message- or status-identified service, its message and
///   status) names no error of the catalog;
/// - it is not JSON, or not the service's envelope (a proxy's HTML page);
/// - its code is known but a **required field is missing or of the wrong type**:
///   the error cannot be built, so it falls back with the code and message kept
///   and the reason naming the field.
///
/// ```
/// use error_catalog::{ApiError, FromResponse};
/// use error_catalog_services::kya::KyaError;
///
/// // A code the catalog does not have: the code and message are kept.
/// let body = br#"{"error": "Agent 42 is suspended", "errorType": "AGENT_SUSPENDED", "details": {"agentId": "42"}}"#;
/// let KyaError::Unknown(u) = KyaError::from_response(409, body) else { panic!() };
/// assert_eq!(u.status(), Some(409));
/// assert_eq!(u.code(), Some("AGENT_SUSPENDED"));
/// assert_eq!(u.message(), Some("Agent 42 is suspended"));
/// assert_eq!(u.reason(), Some("unknown code `AGENT_SUSPENDED`"));
/// assert_eq!(u.body(), body); // byte for byte
/// assert_eq!(u.to_string(), "Agent 42 is suspended");
///
/// // A known code without its required field `agentId`: it falls back too.
/// let body = br#"{"error": "Agent not found", "errorType": "AGENT_NOT_FOUND", "details": {}}"#;
/// let err = KyaError::from_response(404, body);
/// assert!(!err.is_known());
/// let KyaError::Unknown(u) = err else { panic!() };
/// assert_eq!(u.code(), Some("AGENT_NOT_FOUND"));
/// assert_eq!(u.reason(), Some("missing field `agentId`"));
///
/// // Not JSON at all: only the status and the bytes.
/// let u = error_catalog::UnknownError::new(Some(502), b"<html>Bad Gateway</html>");
/// assert_eq!(u.code(), None);
/// assert_eq!(u.to_string(), "unrecognised error response (HTTP 502)");
/// ```
#[derive(Clone, PartialEq, Eq, Hash, Default)]
pub struct UnknownError {
    // boxed: the enums that hold a fallback stay small, and the fallback path
    // allocates (the body copy) anyway
    inner: Box<Fields>,
}

#[derive(Clone, PartialEq, Eq, Hash, Default)]
struct Fields {
    status: Option<u16>,
    code: Option<String>,
    message: Option<String>,
    body: Vec<u8>,
    reason: Option<String>,
}

impl UnknownError {
    /// A fallback for `body` received with `status` (the decoder makes them; this
    /// is for tests and for code that builds one by hand).
    ///
    /// ```
    /// let u = error_catalog::UnknownError::new(Some(500), b"oops");
    /// assert_eq!((u.status(), u.body()), (Some(500), &b"oops"[..]));
    /// ```
    pub fn new(status: Option<u16>, body: &[u8]) -> Self {
        UnknownError {
            inner: Box::new(Fields {
                status,
                body: body.to_vec(),
                ..Default::default()
            }),
        }
    }

    /// Sets the code found in the body.
    ///
    /// ```
    /// let u = error_catalog::UnknownError::new(None, b"{}").with_code("E1");
    /// assert_eq!(u.code(), Some("E1"));
    /// assert_eq!(u.to_string(), "unrecognised error `E1`");
    /// ```
    pub fn with_code(mut self, code: impl Into<String>) -> Self {
        self.inner.code = Some(code.into());
        self
    }

    /// Sets the message found in the body.
    ///
    /// ```
    /// let u = error_catalog::UnknownError::new(None, b"{}").with_message("Slow down");
    /// assert_eq!(u.message(), Some("Slow down"));
    /// ```
    pub fn with_message(mut self, message: impl Into<String>) -> Self {
        self.inner.message = Some(message.into());
        self
    }

    /// Sets why the body was not classified as a known error.
    ///
    /// ```
    /// let u = error_catalog::UnknownError::new(None, b"{}").with_reason("no code");
    /// assert_eq!(u.reason(), Some("no code"));
    /// ```
    pub fn with_reason(mut self, reason: impl Into<String>) -> Self {
        self.inner.reason = Some(reason.into());
        self
    }

    /// The HTTP status, when known.
    pub fn status(&self) -> Option<u16> {
        self.inner.status
    }

    /// The code the body carried, if one was found.
    pub fn code(&self) -> Option<&str> {
        self.inner.code.as_deref()
    }

    /// The message the body carried, if one was found.
    pub fn message(&self) -> Option<&str> {
        self.inner.message.as_deref()
    }

    /// The exact body bytes received.
    pub fn body(&self) -> &[u8] {
        &self.inner.body
    }

    /// The body as text, lossily (invalid UTF-8 becomes `U+FFFD`).
    ///
    /// ```
    /// let u = error_catalog::UnknownError::new(Some(502), b"Bad \xff Gateway");
    /// assert_eq!(u.body_text(), "Bad \u{fffd} Gateway");
    /// ```
    pub fn body_text(&self) -> std::borrow::Cow<'_, str> {
        String::from_utf8_lossy(&self.inner.body)
    }

    /// Why it was not classified (unknown code, not JSON, a field of the wrong type...).
    pub fn reason(&self) -> Option<&str> {
        self.inner.reason.as_deref()
    }
}

impl fmt::Display for UnknownError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.inner.message, &self.inner.code) {
            (Some(m), _) => f.write_str(m),
            (None, Some(c)) => write!(f, "unrecognised error `{c}`"),
            (None, None) => match self.inner.status {
                Some(s) => write!(f, "unrecognised error response (HTTP {s})"),
                None => f.write_str("unrecognised error response"),
            },
        }
    }
}

impl std::error::Error for UnknownError {}

impl fmt::Debug for UnknownError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UnknownError")
            .field("status", &self.inner.status)
            .field("code", &self.inner.code)
            .field("message", &self.inner.message)
            .field("body", &self.body_text())
            .field("reason", &self.inner.reason)
            .finish()
    }
}

/// The fallback the decoder gave (what generated code turns it into).
#[doc(hidden)]
impl From<error_catalog_core::decode::Fallback<'_>> for UnknownError {
    fn from(f: error_catalog_core::decode::Fallback<'_>) -> Self {
        UnknownError {
            inner: Box::new(Fields {
                status: f.status,
                code: f.code.map(str::to_owned),
                message: f.message.map(str::to_owned),
                body: f.body.to_vec(),
                reason: Some(f.reason),
            }),
        }
    }
}
