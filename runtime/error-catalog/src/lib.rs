//! Typed, documented HTTP API errors from declarative error catalogs.
//!
//! A service's errors are written once, in a TOML catalog (see the format in the
//! repository's `catalogs/error-catalog-services/FORMAT.md`). From it, `#[derive(ApiError)]` on your own
//! enum, or [`catalog!`] for a whole file, generates:
//!
//! - `Display` (the rendered message) and `std::error::Error`;
//! - [`ApiError`]: code, status, suggestion, docs URL, fix command, retry advice;
//! - [`FromResponse`]: classify any received response — never fails, never panics;
//!   anything unrecognised becomes the fallback variant holding an [`UnknownError`];
//! - `serde::Serialize` into the service's own envelope, and [`problem::Problem`]
//!   for RFC 9457 `application/problem+json`;
//! - [`ErrorCatalog::CODES`]: every code with its metadata, for tools;
//! - with `#[api_error(borrowed)]`, a borrowed view `NameRef<'b>`: the same
//!   variants with `String` fields as `Cow<'b, str>`, read from a body without
//!   copying its text (below).
//!
//! # Deriving for your own enum
//!
//! ```
//! use error_catalog::{ApiError, FromResponse, UnknownError};
//!
//! #[derive(Debug, ApiError)]
//! #[api_error(wire = "nested")]
//! enum ShopError {
//!     #[api_error(code = "NOT_FOUND", status = 404, message = "Customer {id} not found",
//!                 suggestion = "Check the customer id")]
//!     NotFound { id: String },
//!     #[api_error(code = "RATE_LIMITED", status = 429, message = "Too many requests", retry = "after")]
//!     RateLimited,
//!     #[api_error(unknown)]
//!     Unknown(UnknownError),
//! }
//!
//! let body = br#"{"error": {"code": "NOT_FOUND", "message": "Customer c_1 not found", "id": "c_1"}}"#;
//! let err = ShopError::from_response(404, body);
//! assert!(matches!(&err, ShopError::NotFound { id } if id == "c_1"));
//! assert_eq!(err.to_string(), "Customer c_1 not found");
//! assert_eq!(err.code(), "NOT_FOUND");
//! assert_eq!(err.suggestion(), Some("Check the customer id"));
//!
//! // Anything else lands in the fallback, with the body kept as received.
//! let err = ShopError::from_response(502, b"<html>Bad Gateway</html>");
//! assert!(matches!(&err, ShopError::Unknown(u) if u.body() == b"<html>Bad Gateway</html>"));
//! ```
//!
//! # Borrowed views
//!
//! `#[api_error(borrowed)]` also generates `ShopErrorRef<'b>`, which borrows its
//! text from the body (text with JSON escapes is unescaped into an owned `Cow`),
//! and has the enum's `Display`, [`ApiError`] and `Serialize`. Its
//! `from_response` and `from_problem_json` are inherent methods (the body's
//! lifetime is the view's); `into_owned()` gives the enum.
//!
//! ```
//! use std::borrow::Cow;
//! use error_catalog::{ApiError, UnknownError};
//!
//! #[derive(Debug, ApiError)]
//! #[api_error(wire = "nested", borrowed)]
//! enum ShopError {
//!     #[api_error(code = "NOT_FOUND", status = 404, message = "Customer {id} not found")]
//!     NotFound { id: String },
//!     #[api_error(unknown)]
//!     Unknown(UnknownError),
//! }
//!
//! let body = br#"{"error": {"code": "NOT_FOUND", "message": "Customer c_1 not found", "id": "c_1"}}"#;
//! let view = ShopErrorRef::from_response(404, body);
//! assert!(matches!(&view, ShopErrorRef::NotFound { id: Cow::Borrowed("c_1") }));
//! assert_eq!(view.to_string(), "Customer c_1 not found");
//! assert_eq!(view.code(), "NOT_FOUND");
//! let owned: ShopError = view.into_owned();
//! assert!(matches!(owned, ShopError::NotFound { id } if id == "c_1"));
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]

use std::time::SystemTime;

mod extra;
pub mod problem;
mod public;
mod retry_policy;
mod unknown;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

pub use error_catalog_macros::{catalog, ApiError};

mod integrations;
pub use error_catalog_core::{headers, retry};
pub use extra::Extra;
pub use headers::{ResponseHeaders, RetryAfter};
pub use public::Public;
pub use retry::{RetryAdvice, RetryRule};
pub use retry_policy::{Backoff, RetryPolicy};
pub use unknown::UnknownError;

/// Everything a catalog says about one code, as static data.
///
/// ```
/// use error_catalog::{CodeInfo, RetryRule};
/// let info = CodeInfo { code: "RATE_LIMITED", variant: "RateLimited", status: Some(429),
///     message: "Too many requests", title: None, cause: None, suggestion: None,
///     docs_url: None, fix_command: None, retry: RetryRule::After };
/// assert_eq!(info.status, Some(429));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodeInfo {
    /// The code as the service spells it.
    pub code: &'static str,
    /// The Rust variant's name.
    pub variant: &'static str,
    /// The HTTP status, when the error has one.
    pub status: Option<u16>,
    /// The message template, `{field}` placeholders unrendered.
    pub message: &'static str,
    /// A short name.
    pub title: Option<&'static str>,
    /// When it occurs.
    pub cause: Option<&'static str>,
    /// What to do.
    pub suggestion: Option<&'static str>,
    /// Documentation link.
    pub docs_url: Option<&'static str>,
    /// A copy-paste command that fixes it: the catalog's template, `{field}`
    /// placeholders unrendered (see [`ApiError::fix_command`] for the command
    /// with an error's values).
    pub fix_command: Option<&'static str>,
    /// When to retry.
    pub retry: RetryRule,
}

/// An API error: what it is, and what to do about it.
///
/// Implemented by `#[derive(ApiError)]`; every accessor returns static catalog data
/// without allocating.
pub trait ApiError: std::fmt::Display + std::error::Error {
    /// The code as the service spells it; for the fallback, the code found in the
    /// body, or `""` when there was none.
    fn code(&self) -> &str;
    /// The code as an integer, for services whose codes are JSON numbers
    /// (`code_type = "integer"`: JSON-RPC's `-32601`); `None` when the code is
    /// not an integer.
    ///
    /// ```
    /// use error_catalog::{ApiError, UnknownError};
    ///
    /// let u = UnknownError::new(Some(200), b"{}").with_code("-32601");
    /// # #[derive(Debug, ApiError)]
    /// # enum E {
    /// #     #[api_error(code = "X", status = 400, message = "x")]
    /// #     X,
    /// #     #[api_error(unknown)]
    /// #     Unknown(UnknownError),
    /// # }
    /// assert_eq!(E::Unknown(u).code_number(), Some(-32601));
    /// assert_eq!(E::X.code_number(), None);
    /// ```
    fn code_number(&self) -> Option<i64> {
        self.code().parse().ok()
    }
    /// The HTTP status.
    fn status(&self) -> Option<u16>;
    /// What to do, in one sentence.
    fn suggestion(&self) -> Option<&str>;
    /// Documentation link.
    fn docs_url(&self) -> Option<&str>;
    /// A copy-paste command that fixes it, with this error's values in its
    /// placeholders, each quoted for a POSIX shell (so pasting it never runs
    /// text a value carried); a placeholder whose field is absent stays as
    /// written (`{scope}`). Borrowed, without allocating, when the command has
    /// no placeholders. The template itself is [`CodeInfo::fix_command`].
    ///
    /// ```
    /// use error_catalog::{ApiError, UnknownError};
    ///
    /// #[derive(Debug, ApiError)]
    /// enum GitHubError {
    ///     #[api_error(code = "missing_scope", status = 403, message = "Missing scope {scope}",
    ///                 fix_command = "gh auth refresh -s {scope}")]
    ///     MissingScope { scope: String },
    ///     #[api_error(unknown)]
    ///     Unknown(UnknownError),
    /// }
    ///
    /// let err = GitHubError::MissingScope { scope: "read:org".into() };
    /// assert_eq!(err.fix_command().as_deref(), Some("gh auth refresh -s read:org"));
    /// let err = GitHubError::MissingScope { scope: "x; rm -rf ~".into() };
    /// assert_eq!(err.fix_command().as_deref(), Some("gh auth refresh -s 'x; rm -rf ~'"));
    /// assert_eq!(err.info().and_then(|i| i.fix_command), Some("gh auth refresh -s {scope}"));
    /// ```
    fn fix_command(&self) -> Option<std::borrow::Cow<'_, str>>;
    /// The catalog's retry rule (for the fallback: after `Retry-After` on 429, back
    /// off on 5xx, otherwise never).
    fn retry_rule(&self) -> RetryRule;
    /// The catalog entry, `None` for the fallback.
    fn info(&self) -> Option<&'static CodeInfo>;
    /// Seconds to wait that the body itself carried (a catalog's
    /// `retry_after_field`): an integer, `f64` seconds (`64.57`) or protobuf
    /// `Duration` text (`"1.5s"`), rounded up to whole seconds
    /// ([`retry::DelaySeconds`]).
    ///
    /// ```
    /// use error_catalog::{ApiError, FromResponse, UnknownError};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api_error(wire = "nested")]
    /// enum CloudError {
    ///     #[api_error(code = "RESOURCE_EXHAUSTED", status = 429, message = "Quota exceeded",
    ///                 retry = "after", retry_after_field = "retryDelay")]
    ///     ResourceExhausted {
    ///         #[api_error(rename = "retryDelay")]
    ///         retry_delay: String,
    ///     },
    ///     #[api_error(unknown)]
    ///     Unknown(UnknownError),
    /// }
    ///
    /// let body = br#"{"error": {"code": "RESOURCE_EXHAUSTED", "message": "Quota exceeded", "retryDelay": "1.5s"}}"#;
    /// let err = CloudError::from_response(429, body);
    /// assert_eq!(err.retry_after_field(), Some(2));
    /// assert_eq!(err.retry().to_string(), "retry in 2 s");
    /// ```
    fn retry_after_field(&self) -> Option<u64> {
        None
    }
    /// The error's fields as JSON members (wire names), for generic tools.
    fn details(&self) -> serde_json::Map<String, serde_json::Value>;
    /// The media type of the service's error bodies (`[wire] content_type`;
    /// `application/json` unless the catalog says otherwise).
    fn content_type(&self) -> &'static str {
        "application/json"
    }
    /// False for the fallback.
    fn is_known(&self) -> bool {
        self.info().is_some()
    }
    /// Retry advice from the catalog's rule alone.
    fn retry(&self) -> RetryAdvice {
        self.retry_with(&ResponseHeaders::default(), SystemTime::now())
    }
    /// Retry advice combining the rule with a response's headers, read once
    /// by the enum's names with [`FromResponse::headers`] (the same value
    /// [`FromResponse::from_parts`] decodes with): a service's own
    /// should-retry header (`Stripe-Should-Retry: false`) included. See
    /// [`RetryRule::advise`] for how the rule and the headers combine.
    ///
    /// ```
    /// use error_catalog::{ApiError, FromResponse};
    /// use error_catalog_services::kya::KyaError;
    /// use std::time::SystemTime;
    ///
    /// let headers = KyaError::headers("Retry-After: 45");
    /// let body = br#"{"error": "Rate limit exceeded for agent tier", "errorType": "RATE_LIMITED",
    ///     "details": {"agentId": "42", "tier": 1, "limit": 1, "retryAfter": 45}}"#;
    /// let err = KyaError::from_parts(429, &headers, body);
    /// assert_eq!(err.retry_with(&headers, SystemTime::now()).seconds(), Some(45));
    /// ```
    fn retry_with(&self, headers: &ResponseHeaders, now: SystemTime) -> RetryAdvice {
        self.retry_rule()
            .advise(headers, self.retry_after_field(), now)
    }
}

/// Classifying a received response into a typed error.
pub trait FromResponse: Sized {
    /// Classifies `body` received with `status`. Never fails and never panics:
    /// whatever is not recognised becomes the fallback variant, keeping the body.
    fn from_response(status: u16, body: &[u8]) -> Self;
    /// Classifies an RFC 9457 `application/problem+json` body written by
    /// [`problem::Problem`].
    fn from_problem_json(status: u16, body: &[u8]) -> Self;

    /// [`FromResponse::from_response`] with the response's headers, for a
    /// catalog that tells errors apart by a header (`when_header`, such as
    /// GitHub's rate limit: a 403 with `x-ratelimit-remaining: 0`).
    /// [`from_response`](FromResponse::from_response) reads no headers, so
    /// such an error is never found there. The http and reqwest integrations
    /// call this. Pass the headers [`FromResponse::headers`] read, the value
    /// [`ApiError::retry_with`] takes too; any other
    /// [`HeaderLookup`](headers::HeaderLookup) works as well (pairs, `()`
    /// for none).
    ///
    /// ```
    /// use error_catalog::FromResponse;
    /// use error_catalog_services::kya::KyaError;
    /// let body = br#"{"error": "Agent ID 9 not found in IdentityRegistry", "code": "AGENT_NOT_FOUND", "timestamp": 1}"#;
    /// let headers = KyaError::headers([("x-request-id", "r-1")]);
    /// let with = KyaError::from_parts(404, &headers, body);
    /// assert_eq!(with, KyaError::from_response(404, body));
    /// assert_eq!(KyaError::from_parts(404, &[("x-request-id", "r-1")], body), with);
    /// ```
    fn from_parts(status: u16, headers: &dyn headers::HeaderLookup, body: &[u8]) -> Self {
        let _ = headers;
        Self::from_response(status, body)
    }

    /// A response's headers, read once by the names this enum's catalog
    /// gives them ([`FromResponse::HEADER_NAMES`]: its roles, the service's
    /// own such as `Stripe-Should-Retry`, the headers it keeps and those its
    /// `when_header` conditions test), from raw lines (`"Name: value"`, one a
    /// line) or `(name, value)` pairs. The one value to hand both to
    /// [`FromResponse::from_parts`] and to [`ApiError::retry_with`].
    ///
    /// ```
    /// use error_catalog::{ApiError, FromResponse, RetryAdvice, UnknownError};
    /// use std::time::SystemTime;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api_error(wire = "nested", header = "should_retry=Stripe-Should-Retry")]
    /// enum PayError {
    ///     #[api_error(code = "lock_timeout", status = 429, message = "Lock timeout", retry = "after")]
    ///     LockTimeout,
    ///     #[api_error(unknown)]
    ///     Unknown(UnknownError),
    /// }
    ///
    /// let headers = PayError::headers("Retry-After: 2\nStripe-Should-Retry: false");
    /// let body = br#"{"error": {"code": "lock_timeout", "message": "Lock timeout"}}"#;
    /// let err = PayError::from_parts(429, &headers, body);
    /// assert_eq!(err.retry_with(&headers, SystemTime::now()), RetryAdvice::Never);
    /// ```
    fn headers<S: headers::HeaderSource>(source: S) -> ResponseHeaders {
        ResponseHeaders::read(&Self::HEADER_NAMES, source)
    }

    /// True when the service marks success in the body (`[wire] success`), so
    /// telling a success from an error takes reading the body even under 2xx.
    const SUCCESS_IN_BODY: bool = false;

    /// Where a body holding several errors holds them: the code's pointer up
    /// to its segment that selects array elements (`["errors", "*"]` for
    /// `code = "/errors/*/code"`); empty when the wire's code is not in an array.
    const ERRORS_AT: &'static [&'static str] = &[];

    /// Every error the body carries, in order: where the code sits in an array
    /// element ([`FromResponse::ERRORS_AT`]), each element the code's pointer
    /// selects is classified as if it were the only one (the rest of the body
    /// with it); otherwise, or when no element is selected, the one error
    /// [`FromResponse::from_response`] gives.
    ///
    /// A wire whose code is not in an array gives the one error (a
    /// Cloudflare-style `errors` array gives one per element: the repository's
    /// `tests/tests/array_pointers.rs`):
    ///
    /// ```
    /// use error_catalog::{ApiError, FromResponse};
    /// use error_catalog_services::kya::KyaError;
    /// assert!(KyaError::ERRORS_AT.is_empty());
    /// let body = br#"{"error": "Agent ID 9 not found in IdentityRegistry", "errorType": "AGENT_NOT_FOUND", "timestamp": 1}"#;
    /// let all = KyaError::all_from_response(404, body);
    /// assert_eq!(all, [KyaError::from_response(404, body)]);
    /// assert_eq!(all[0].code(), "AGENT_NOT_FOUND");
    /// ```
    fn all_from_response(status: u16, body: &[u8]) -> Vec<Self> {
        let each = error_catalog_core::engine::each_element(body, Self::ERRORS_AT)
            .filter(|each| !each.is_empty());
        match each {
            Some(bodies) => bodies
                .iter()
                .map(|b| Self::from_response(status, b))
                .collect(),
            None => vec![Self::from_response(status, body)],
        }
    }

    /// The names of the headers the service sends (`[headers]` of its
    /// catalog; the standard names where it names none): the http, reqwest
    /// and axum integrations read and write headers by them.
    ///
    /// ```
    /// use error_catalog::FromResponse;
    /// use error_catalog_services::kya::KyaError;
    /// assert_eq!(KyaError::HEADER_NAMES.retry_after, "Retry-After");
    /// ```
    const HEADER_NAMES: headers::HeaderNames<'static> = headers::HeaderNames::STANDARD;

    /// True when `body` received with `status` is a success, not an error: by
    /// the catalog's `[wire] success` rule where it has one (a Slack-like
    /// `"ok": true`; 4xx and 5xx are errors whatever the body says),
    /// otherwise any 2xx whose body does not carry the error code. Generated
    /// enums implement it from their catalog; the default is "any 2xx".
    fn is_success(status: u16, body: &[u8]) -> bool {
        let _ = body;
        (200..300).contains(&status)
    }

    /// The error a response carries, or `None` for a success
    /// ([`FromResponse::is_success`]): the call to use on every response when a
    /// service can answer errors with 200.
    ///
    /// ```
    /// use error_catalog::{ApiError, FromResponse, UnknownError};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api_error(wire = "nested")]
    /// enum ShopError {
    ///     #[api_error(code = "NOT_FOUND", status = 404, message = "Not found")]
    ///     NotFound,
    ///     #[api_error(unknown)]
    ///     Unknown(UnknownError),
    /// }
    ///
    /// assert!(ShopError::error_in(200, br#"{"id": 7}"#).is_none());
    /// let err = ShopError::error_in(200, br#"{"error": {"code": "NOT_FOUND", "message": "Not found"}}"#);
    /// assert!(matches!(err, Some(ShopError::NotFound)));
    /// assert!(matches!(ShopError::error_in(502, b"<html>"), Some(ShopError::Unknown(_))));
    /// ```
    fn error_in(status: u16, body: &[u8]) -> Option<Self> {
        (!Self::is_success(status, body)).then(|| Self::from_response(status, body))
    }
}

/// The static table of a generated enum's codes.
pub trait ErrorCatalog {
    /// The service's id.
    const SERVICE: &'static str;
    /// Every code with its metadata, in catalog order.
    const CODES: &'static [CodeInfo];
}

#[cfg(feature = "axum")]
pub mod axum;
#[cfg(feature = "http")]
pub mod http;
#[cfg(feature = "miette")]
pub mod miette;
#[cfg(feature = "reqwest")]
pub mod reqwest;
#[cfg(feature = "utoipa")]
pub mod utoipa;
