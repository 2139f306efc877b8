//! The headers that matter for retrying, read from and written to an
//! [`http::HeaderMap`].

use std::time::{SystemTime, UNIX_EPOCH};

use ::http::header::{HeaderMap, HeaderName, HeaderValue};

use crate::headers::{HeaderNames, RateLimit, ResponseHeaders, RetryAfter};
use crate::ApiError;

/// Parses the retry-relevant headers of a response — `Retry-After` (seconds or an
/// HTTP-date), `X-RateLimit-Limit` / `-Remaining` / `-Reset` (and the draft
/// `RateLimit-*` names), `X-Request-Id` — from an [`http::HeaderMap`].
/// Values that are not visible ASCII or do not parse are ignored.
///
/// These are the standard names **only**: a header a service names for
/// itself (`Stripe-Should-Retry`) is skipped. For an enum's responses,
/// [`read`](super::read) reads the headers by the enum's names, or call
/// [`headers_from_with`]`(&E::HEADER_NAMES, map)`.
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
pub(super) fn http_date(at: SystemTime) -> Option<String> {
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
