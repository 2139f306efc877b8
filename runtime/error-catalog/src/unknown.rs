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

    /// The response as one JSON Lines record, `{"status": 404, "headers":
    /// {"name": "value"}, "body": …}`: what `error-catalog harvest` reads to
    /// propose the catalog entries a service's unknown responses show are
    /// missing. The body is embedded as the JSON it is (whitespace outside
    /// strings dropped, so the record stays on one line; every value kept as
    /// written), or, when it is not JSON, as its text. `headers` are the
    /// response's (the first of each name counts); pass `&[]` for none.
    ///
    /// Logging the responses a catalog does not know, with no feature needed:
    ///
    /// ```
    /// use error_catalog::FromResponse;
    /// use error_catalog_services::kya::KyaError;
    /// let body = br#"{"error": "Agent 42 is suspended", "errorType": "AGENT_SUSPENDED"}"#;
    /// if let KyaError::Unknown(u) = KyaError::from_response(409, body) {
    ///     let line = u.record(&[("X-Request-Id", "r-7")]);
    ///     // eprintln!("{line}"), or append it to the file harvest will read
    ///     assert_eq!(
    ///         line,
    ///         r#"{"status":409,"headers":{"X-Request-Id":"r-7"},"body":{"error":"Agent 42 is suspended","errorType":"AGENT_SUSPENDED"}}"#
    ///     );
    /// }
    /// let u = error_catalog::UnknownError::new(Some(502), b"<html>Bad Gateway</html>");
    /// assert_eq!(u.record(&[]), r#"{"status":502,"headers":{},"body":"<html>Bad Gateway</html>"}"#);
    /// ```
    pub fn record(&self, headers: &[(&str, &str)]) -> String {
        let mut seen: Vec<&str> = Vec::new();
        let mut out = String::from("{\"status\":");
        match self.inner.status {
            Some(s) => out.push_str(&s.to_string()),
            None => out.push_str("null"),
        }
        out.push_str(",\"headers\":{");
        for (name, value) in headers {
            if seen.iter().any(|n| n.eq_ignore_ascii_case(name)) {
                continue;
            }
            if !seen.is_empty() {
                out.push(',');
            }
            seen.push(name);
            push_json_string(&mut out, name);
            out.push(':');
            push_json_string(&mut out, value);
        }
        out.push_str("},\"body\":");
        match std::str::from_utf8(&self.inner.body)
            .ok()
            .filter(|t| serde_json::from_str::<serde::de::IgnoredAny>(t).is_ok())
        {
            Some(json) => push_compact(&mut out, json),
            None => push_json_string(&mut out, &self.body_text()),
        }
        out.push('}');
        out
    }
}

/// Appends `s` as a JSON string.
fn push_json_string(out: &mut String, s: &str) {
    match serde_json::to_string(s) {
        Ok(quoted) => out.push_str(&quoted),
        // (a `str` always serializes)
        Err(_) => out.push_str("\"\""),
    }
}

/// Appends JSON text (known to be valid) without the whitespace between its
/// tokens: every string, number and literal as written.
fn push_compact(out: &mut String, json: &str) {
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !matches!(c, ' ' | '\t' | '\n' | '\r') {
            out.push(c);
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(line: &str) -> serde_json::Value {
        assert!(!line.contains('\n'), "{line}");
        serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"))
    }

    #[test]
    fn a_record_keeps_the_body_as_written_on_one_line() {
        // pretty JSON: compacted, strings (spaces and escapes inside) and a
        // number past f64 kept as written
        let body =
            b"{\n  \"error\": \"a  b\\n\\\"c\\\"\",\n  \"n\": 123456789012345678901234567890\n}";
        let u = UnknownError::new(Some(418), body);
        let line = u.record(&[("X-A", "1"), ("x-a", "2"), ("X-B", "q\"uote")]);
        assert!(
            line.contains(r#""n":123456789012345678901234567890"#),
            "{line}"
        );
        let v = parsed(&line);
        assert_eq!(v["status"], 418);
        assert_eq!(
            v["headers"],
            serde_json::json!({"X-A": "1", "X-B": "q\"uote"})
        );
        assert_eq!(v["body"]["error"], "a  b\n\"c\"");
        // not JSON, or not UTF-8: the text, lossily
        let u = UnknownError::new(None, b"oops \xff");
        let v = parsed(&u.record(&[]));
        assert_eq!(v["status"], serde_json::Value::Null);
        assert_eq!(v["body"], "oops \u{fffd}");
        // a JSON scalar body is JSON too
        assert_eq!(
            parsed(&UnknownError::new(Some(500), b" 42 ").record(&[]))["body"],
            42
        );
    }
}
