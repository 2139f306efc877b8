//! Which headers a service uses ([`HeaderNames`]) and how it spells a rate-limit
//! reset ([`ResetFormat`]).

use std::time::{Duration, SystemTime};

use super::http_date::unix_seconds;
use crate::delay::decimal_seconds;

/// Names of the headers a service uses.
///
/// Defaults ([`HeaderNames::STANDARD`]): `Retry-After`, `X-RateLimit-Limit`,
/// `X-RateLimit-Remaining`, `X-RateLimit-Reset`, `X-Request-Id`.
///
/// ```
/// use error_catalog_core::headers::HeaderNames;
///
/// let names = HeaderNames { request_id: "X-Trace-Id", ..HeaderNames::STANDARD };
/// assert_eq!(names.retry_after, "Retry-After");
/// assert_eq!(HeaderNames::default(), HeaderNames::STANDARD);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeaderNames<'a> {
    /// Header carrying the wait time (delta-seconds or HTTP-date).
    pub retry_after: &'a str,
    /// Header carrying the request quota of the current window.
    pub rate_limit_limit: &'a str,
    /// Header carrying the requests left in the current window.
    pub rate_limit_remaining: &'a str,
    /// Header carrying when the window resets, written as
    /// [`HeaderNames::rate_limit_reset_format`] says.
    pub rate_limit_reset: &'a str,
    /// How the reset header writes its time.
    pub rate_limit_reset_format: ResetFormat,
    /// Header carrying the server-assigned request id.
    pub request_id: &'a str,
    /// Header saying whether to retry (`true` / `false`), which overrides an
    /// error's retry rule either way (OpenAI-style APIs send `x-should-retry`).
    pub should_retry: &'a str,
    /// Other headers the service documents, kept by name in
    /// [`ResponseHeaders::kept`](super::ResponseHeaders::kept) (`x-github-request-id`).
    pub keep: &'a [&'a str],
    /// The headers the catalog's entries test (`when_header`), in lowercase:
    /// their text is kept in [`KeptHeaders::tested`](super::KeptHeaders::tested),
    /// where decoding looks them up.
    pub conditions: &'a [&'a str],
}

/// How a rate-limit reset header writes its time; [`ResponseHeaders`](super::ResponseHeaders) turns
/// each into Unix seconds.
///
/// ```
/// use error_catalog_core::headers::ResetFormat;
/// assert_eq!(ResetFormat::parse("duration"), Some(ResetFormat::Duration));
/// assert_eq!(ResetFormat::default(), ResetFormat::EpochSeconds);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ResetFormat {
    /// Unix seconds (`x-ratelimit-reset: 1377013266`, GitHub).
    #[default]
    EpochSeconds,
    /// Seconds from now (`RateLimit-Reset: 30`, the IETF draft;
    /// `X-RateLimit-Reset-After: 64.57`, Discord).
    DeltaSeconds,
    /// A duration from now, Go style (`6m0s`, `1s`, `250ms`: OpenAI).
    Duration,
}

impl ResetFormat {
    /// Every format with its catalog name.
    pub const ALL: &'static [(&'static str, ResetFormat)] = &[
        ("epoch-seconds", ResetFormat::EpochSeconds),
        ("delta-seconds", ResetFormat::DeltaSeconds),
        ("duration", ResetFormat::Duration),
    ];

    /// The format a catalog names.
    pub fn parse(name: &str) -> Option<ResetFormat> {
        Self::ALL.iter().find(|(n, _)| *n == name).map(|(_, f)| *f)
    }

    /// The reset time `value` gives, in Unix seconds, read at `now`. Seconds
    /// with a fraction (`64.57`, Discord-style `X-RateLimit-Reset-After`)
    /// round up.
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use error_catalog_core::headers::ResetFormat;
    /// let now = UNIX_EPOCH + Duration::from_secs(1_000);
    /// assert_eq!(ResetFormat::EpochSeconds.reset_at("1377013266", now), Some(1_377_013_266));
    /// assert_eq!(ResetFormat::DeltaSeconds.reset_at("30", now), Some(1_030));
    /// assert_eq!(ResetFormat::DeltaSeconds.reset_at("64.57", now), Some(1_065));
    /// assert_eq!(ResetFormat::EpochSeconds.reset_at("1470173023.123", now), Some(1_470_173_024));
    /// assert_eq!(ResetFormat::Duration.reset_at("6m0s", now), Some(1_360));
    /// assert_eq!(ResetFormat::Duration.reset_at("250ms", now), Some(1_001));
    /// assert_eq!(ResetFormat::Duration.reset_at("soon", now), None);
    /// ```
    pub fn reset_at(self, value: &str, now: SystemTime) -> Option<u64> {
        let from_now = |secs: u64| unix_seconds(now).saturating_add(secs);
        match self {
            ResetFormat::EpochSeconds => decimal_seconds(value),
            ResetFormat::DeltaSeconds => decimal_seconds(value).map(from_now),
            ResetFormat::Duration => duration(value).map(|d| {
                let secs = d.as_secs() + u64::from(d.subsec_nanos() > 0);
                from_now(secs)
            }),
        }
    }
}

/// A Go-style duration: numbers (decimals allowed) each with a unit of `h`,
/// `m`, `s`, `ms`, `us` or `ns`, such as `6m0s` or `1.5s`.
pub(super) fn duration(text: &str) -> Option<Duration> {
    let mut rest = text;
    let mut total = Duration::ZERO;
    if rest.is_empty() {
        return None;
    }
    while !rest.is_empty() {
        let digits = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        let (number, tail) = rest.split_at(digits);
        let units = tail
            .find(|c: char| c.is_ascii_digit() || c == '.')
            .unwrap_or(tail.len());
        let (unit, next) = tail.split_at(units);
        let n: f64 = number.parse().ok()?;
        let scale = match unit {
            "h" => 3600.0,
            "m" => 60.0,
            "s" => 1.0,
            "ms" => 1e-3,
            "us" | "µs" => 1e-6,
            "ns" => 1e-9,
            _ => return None,
        };
        total = total.checked_add(Duration::try_from_secs_f64(n * scale).ok()?)?;
        rest = next;
    }
    Some(total)
}

impl HeaderNames<'static> {
    /// The conventional names.
    ///
    /// ```
    /// use error_catalog_core::headers::HeaderNames;
    ///
    /// assert_eq!(HeaderNames::STANDARD.rate_limit_reset, "X-RateLimit-Reset");
    /// ```
    pub const STANDARD: HeaderNames<'static> = HeaderNames {
        retry_after: "Retry-After",
        rate_limit_limit: "X-RateLimit-Limit",
        rate_limit_remaining: "X-RateLimit-Remaining",
        rate_limit_reset: "X-RateLimit-Reset",
        rate_limit_reset_format: ResetFormat::EpochSeconds,
        request_id: "X-Request-Id",
        should_retry: "X-Should-Retry",
        keep: &[],
        conditions: &[],
    };
}

impl Default for HeaderNames<'static> {
    /// Returns [`HeaderNames::STANDARD`].
    ///
    /// ```
    /// use error_catalog_core::headers::HeaderNames;
    ///
    /// assert_eq!(HeaderNames::default().request_id, "X-Request-Id");
    /// ```
    fn default() -> Self {
        Self::STANDARD
    }
}
