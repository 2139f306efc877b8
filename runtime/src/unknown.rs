//! The fallback for anything a catalog does not describe.

use std::fmt;

/// An error response that matched no known error, or whose body could not be read
/// as one. Keeps everything it carried: the status, the code and message when
/// found, the exact body bytes, and why it was not classified.
///
/// ```
/// use error_catalog::UnknownError;
/// let e = UnknownError::new(Some(502), b"<html>Bad Gateway</html>");
/// assert_eq!(e.status(), Some(502));
/// assert_eq!(e.body(), b"<html>Bad Gateway</html>");
/// assert_eq!(e.to_string(), "unrecognised error response (HTTP 502)");
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
    /// A fallback for `body` received with `status`.
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
    pub fn with_code(mut self, code: impl Into<String>) -> Self {
        self.inner.code = Some(code.into());
        self
    }

    /// Sets the message found in the body.
    pub fn with_message(mut self, message: impl Into<String>) -> Self {
        self.inner.message = Some(message.into());
        self
    }

    /// Sets why the body was not classified as a known error.
    pub fn with_reason(mut self, reason: impl Into<String>) -> Self {
        self.inner.reason = Some(reason.into());
        self
    }

    /// The fallback the decoder gave.
    pub(crate) fn from_fallback(f: error_catalog_core::decode::Fallback<'_>) -> Self {
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

    /// The body as text, lossily.
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
