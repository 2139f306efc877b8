//! Parsing of the response headers that matter when deciding whether and
//! when to retry: `Retry-After`, the rate-limit family and the request id.
//!
//! Everything here is lenient: a value that cannot be parsed is ignored
//! (`None`), never a panic.
//!
//! A response's headers are read once, by the names the service's catalog
//! gives them ([`HeaderNames`], a generated enum's `FromResponse::HEADER_NAMES`),
//! into one [`ResponseHeaders`], which both decoding (for `when_header`
//! conditions, through [`HeaderLookup`]) and retry advice read. With a
//! generated enum, `E::headers(…)` does it; here, [`ResponseHeaders::read`].
//!
//! ```
//! use error_catalog_core::headers::{HeaderNames, ResponseHeaders, RetryAfter};
//!
//! let names = HeaderNames { should_retry: "Stripe-Should-Retry", ..HeaderNames::STANDARD };
//! let h = ResponseHeaders::read(&names, "Retry-After: 60\nX-Request-Id: abc\nStripe-Should-Retry: false");
//! assert_eq!(h.retry_after, Some(RetryAfter::Seconds(60)));
//! assert_eq!(h.request_id.as_deref(), Some("abc"));
//! assert_eq!(h.should_retry, Some(false));
//! ```

use std::time::{Duration, SystemTime};

mod http_date;
mod lookup;
mod names;
mod source;

use crate::delay::decimal_seconds;
use http_date::number;
pub use http_date::parse_http_date;
pub(crate) use http_date::unix_seconds;
pub use lookup::HeaderLookup;
pub use names::{HeaderNames, ResetFormat};
pub use source::HeaderSource;

/// A parsed `Retry-After` value.
///
/// ```
/// use error_catalog_core::headers::RetryAfter;
/// use std::time::{Duration, UNIX_EPOCH};
///
/// let r = RetryAfter::parse("120");
/// assert_eq!(r, Some(RetryAfter::Seconds(120)));
/// assert_eq!(RetryAfter::Seconds(120).delay_from(UNIX_EPOCH), Duration::from_secs(120));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetryAfter {
    /// `delta-seconds`: wait this many seconds.
    Seconds(u64),
    /// An HTTP-date: wait until this instant.
    Date(SystemTime),
}

impl RetryAfter {
    /// Parses a `Retry-After` value: delta-seconds or an HTTP-date
    /// (RFC 9110 §5.6.7: IMF-fixdate, obsolete RFC 850 and asctime forms).
    /// Seconds with a fraction, which some services send (`1.5`), are
    /// rounded up (as `retry::decimal_seconds` reads them).
    ///
    /// Returns `None` for anything else (negative numbers, garbage,
    /// values that overflow `u64`, impossible dates).
    ///
    /// ```
    /// use error_catalog_core::headers::RetryAfter;
    /// use std::time::{Duration, UNIX_EPOCH};
    ///
    /// assert_eq!(RetryAfter::parse(" 45 "), Some(RetryAfter::Seconds(45)));
    /// assert_eq!(RetryAfter::parse("1.5"), Some(RetryAfter::Seconds(2)));
    /// let at = UNIX_EPOCH + Duration::from_secs(784_111_777);
    /// assert_eq!(RetryAfter::parse("Sun, 06 Nov 1994 08:49:37 GMT"), Some(RetryAfter::Date(at)));
    /// assert_eq!(RetryAfter::parse("-5"), None);
    /// ```
    pub fn parse(value: &str) -> Option<RetryAfter> {
        let value = value.trim();
        if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
            return decimal_seconds(value).map(RetryAfter::Seconds);
        }
        parse_http_date(value).map(RetryAfter::Date)
    }

    /// Time to wait from `now` (zero if the date is already past).
    ///
    /// ```
    /// use error_catalog_core::headers::RetryAfter;
    /// use std::time::{Duration, UNIX_EPOCH};
    ///
    /// let now = UNIX_EPOCH + Duration::from_secs(100);
    /// let date = RetryAfter::Date(UNIX_EPOCH + Duration::from_secs(130));
    /// assert_eq!(date.delay_from(now), Duration::from_secs(30));
    /// assert_eq!(date.delay_from(now + Duration::from_secs(60)), Duration::ZERO);
    /// ```
    pub fn delay_from(&self, now: SystemTime) -> Duration {
        match *self {
            RetryAfter::Seconds(s) => Duration::from_secs(s),
            RetryAfter::Date(at) => at.duration_since(now).unwrap_or(Duration::ZERO),
        }
    }
}

/// Rate-limit state reported by a response.
///
/// ```
/// use error_catalog_core::headers::RateLimit;
///
/// let rl = RateLimit { limit: Some(300), remaining: Some(0), reset: Some(1_699_900_060) };
/// assert_eq!(rl.remaining, Some(0));
/// assert_eq!(RateLimit::default().limit, None);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RateLimit {
    /// Requests allowed in the current window.
    pub limit: Option<u64>,
    /// Requests left in the current window.
    pub remaining: Option<u64>,
    /// When the window resets, in Unix seconds.
    pub reset: Option<u64>,
}

/// The retry-relevant headers of one response.
///
/// ```
/// use error_catalog_core::headers::ResponseHeaders;
///
/// let h = ResponseHeaders::from_pairs([("x-ratelimit-remaining", "3")]);
/// assert_eq!(h.rate_limit.remaining, Some(3));
/// assert_eq!(h.retry_after, None);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ResponseHeaders {
    /// Parsed `Retry-After`, if present and valid.
    pub retry_after: Option<RetryAfter>,
    /// Parsed rate-limit headers.
    pub rate_limit: RateLimit,
    /// The request id, if present and non-empty.
    pub request_id: Option<String>,
    /// The service's own word on retrying (`X-Should-Retry: true|false`),
    /// overriding the error's retry rule either way.
    pub should_retry: Option<bool>,
    /// The headers of [`HeaderNames::keep`] the response carried, and apart
    /// from them ([`KeptHeaders::tested`]) those of
    /// [`HeaderNames::conditions`], which decoding looks up.
    pub kept: KeptHeaders,
}

/// Decoding asks for the headers an entry's `when_header` conditions name:
/// those [`KeptHeaders::tested`] holds, the headers of
/// [`HeaderNames::conditions`] (a generated enum's `HEADER_NAMES` lists its
/// catalog's) as received. Headers read by other names answer nothing here.
///
/// ```
/// use error_catalog_core::headers::{HeaderLookup, HeaderNames, ResponseHeaders};
///
/// let names = HeaderNames { conditions: &["x-ratelimit-remaining"], ..HeaderNames::STANDARD };
/// let h = ResponseHeaders::read(&names, "X-RateLimit-Remaining: 0\nX-Other: 1");
/// assert_eq!(h.header("x-ratelimit-remaining"), Some("0"));
/// assert_eq!(h.rate_limit.remaining, Some(0));
/// assert_eq!(h.header("x-other"), None);
/// ```
impl HeaderLookup for ResponseHeaders {
    fn header(&self, name: &str) -> Option<&str> {
        self.kept
            .tested()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v)
    }
}

/// The headers a service's catalog keeps by name (`[headers] keep`), in the
/// catalog's order: (name as the catalog spells it, value); and apart from
/// them, the headers its `when_header` conditions test
/// ([`KeptHeaders::tested`]). Empty takes no allocation.
///
/// ```
/// use error_catalog_core::headers::{HeaderNames, ResponseHeaders};
///
/// let names = HeaderNames { keep: &["x-github-request-id"], ..HeaderNames::STANDARD };
/// let h = ResponseHeaders::from_pairs_with(&names, [("X-GitHub-Request-Id", "CAFE:1")]);
/// assert_eq!(h.kept.get("X-GitHub-Request-Id"), Some("CAFE:1"));
/// assert_eq!(h.kept.get("x-other"), None);
/// assert_eq!(h.kept.iter().collect::<Vec<_>>(), [("x-github-request-id", "CAFE:1")]);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeptHeaders(Option<Box<Pairs>>);

/// (one pointer wide behind the `Option`: the headers stay small inside every
/// received error) The first `kept` pairs are the kept headers, the rest
/// the tested ones.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Pairs {
    pairs: Vec<(String, String)>,
    kept: usize,
}

impl KeptHeaders {
    /// The value of a kept header, by name in any case.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v)
    }

    /// Every kept header, as (name, value).
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0
            .iter()
            .flat_map(|p| &p.pairs[..p.kept])
            .map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// The headers the catalog's `when_header` conditions test
    /// ([`HeaderNames::conditions`]), as (name as the catalog spells it,
    /// value as received): what decoding looks up.
    ///
    /// ```
    /// use error_catalog_core::headers::{HeaderNames, ResponseHeaders};
    ///
    /// let names = HeaderNames { conditions: &["x-tier"], ..HeaderNames::STANDARD };
    /// let h = ResponseHeaders::read(&names, "X-Tier: gold");
    /// assert_eq!(h.kept.tested().collect::<Vec<_>>(), [("x-tier", "gold")]);
    /// assert!(h.kept.is_empty() && h.kept.get("x-tier").is_none());
    /// ```
    pub fn tested(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0
            .iter()
            .flat_map(|p| &p.pairs[p.kept..])
            .map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// True when none was kept (tested headers aside).
    pub fn is_empty(&self) -> bool {
        self.iter().next().is_none()
    }

    /// The kept headers, then the tested ones.
    fn new(mut kept: Vec<(String, String)>, tested: Vec<(String, String)>) -> Self {
        if kept.is_empty() && tested.is_empty() {
            return KeptHeaders(None);
        }
        let n = kept.len();
        kept.extend(tested);
        KeptHeaders(Some(Box::new(Pairs {
            pairs: kept,
            kept: n,
        })))
    }
}

impl From<Vec<(String, String)>> for KeptHeaders {
    /// Keeps `pairs` as they are.
    ///
    /// ```
    /// use error_catalog_core::headers::KeptHeaders;
    /// let kept = KeptHeaders::from(vec![("x-a".to_string(), "1".to_string())]);
    /// assert_eq!(kept.get("X-A"), Some("1"));
    /// assert!(KeptHeaders::from(Vec::new()).is_empty());
    /// ```
    fn from(pairs: Vec<(String, String)>) -> Self {
        KeptHeaders::new(pairs, Vec::new())
    }
}

/// Stores `value` unless `slot` already holds one (first valid value wins).
fn fill<T>(slot: &mut Option<T>, value: Option<T>) {
    if slot.is_none() {
        *slot = value;
    }
}

impl ResponseHeaders {
    /// Reads a response's headers by a service's names: `source` is raw
    /// lines (`"Name: value"`, one a line) or `(name, value)` pairs
    /// ([`HeaderSource`]). Every name of `names` is read, the service's own
    /// included (`Stripe-Should-Retry` as its should-retry header), and the
    /// headers its conditions test are kept for decoding. A generated enum's
    /// `E::headers(source)` calls this with `E::HEADER_NAMES`.
    ///
    /// Names compare ASCII-case-insensitively, values are trimmed,
    /// unparsable values are ignored and the first valid value of a header
    /// wins.
    ///
    /// ```
    /// use error_catalog_core::headers::{HeaderNames, ResponseHeaders};
    ///
    /// let names = HeaderNames { should_retry: "Stripe-Should-Retry", ..HeaderNames::STANDARD };
    /// let h = ResponseHeaders::read(&names, [("stripe-should-retry", "false")]);
    /// assert_eq!(h.should_retry, Some(false));
    /// // the standard names alone do not know it
    /// assert_eq!(ResponseHeaders::from_pairs([("stripe-should-retry", "false")]).should_retry, None);
    /// ```
    pub fn read<S: HeaderSource>(names: &HeaderNames<'_>, source: S) -> Self {
        Self::collect(names, source, SystemTime::now())
    }

    /// Builds from `(name, value)` pairs using [`HeaderNames::STANDARD`]
    /// **only**: a header a service names for itself (`Stripe-Should-Retry`,
    /// `x-ratelimit-remaining-requests`) is skipped like any unknown header.
    /// For a service with a catalog, read its names instead:
    /// `E::headers(pairs)` for a generated enum `E`, or [`ResponseHeaders::read`].
    ///
    /// Names compare ASCII-case-insensitively, values are trimmed,
    /// unparsable values are ignored and the first valid value of a header
    /// wins. The IETF draft names `RateLimit-Limit`, `RateLimit-Remaining`
    /// and `RateLimit-Reset` fill any field whose `X-` header is absent;
    /// since the draft's `RateLimit-Reset` is delta-seconds, it is converted
    /// to Unix seconds using the current clock.
    ///
    /// ```
    /// use error_catalog_core::headers::{ResponseHeaders, RetryAfter};
    ///
    /// let h = ResponseHeaders::from_pairs([("retry-after", "7"), ("RateLimit-Limit", "10")]);
    /// assert_eq!(h.retry_after, Some(RetryAfter::Seconds(7)));
    /// assert_eq!(h.rate_limit.limit, Some(10));
    /// ```
    pub fn from_pairs<'a, I: IntoIterator<Item = (&'a str, &'a str)>>(pairs: I) -> Self {
        Self::from_pairs_with(&HeaderNames::STANDARD, pairs)
    }

    /// Same as [`ResponseHeaders::from_pairs`] with a service's own names
    /// (pairs only; [`ResponseHeaders::read`] takes lines too). The draft
    /// `RateLimit-*` fallback applies only when `names` are
    /// [`HeaderNames::STANDARD`] (conditions aside).
    ///
    /// ```
    /// use error_catalog_core::headers::{HeaderNames, ResponseHeaders};
    ///
    /// let names = HeaderNames { request_id: "X-Trace-Id", ..HeaderNames::STANDARD };
    /// let h = ResponseHeaders::from_pairs_with(&names, [("x-trace-id", " t-1 ")]);
    /// assert_eq!(h.request_id.as_deref(), Some("t-1"));
    /// ```
    pub fn from_pairs_with<'a, I: IntoIterator<Item = (&'a str, &'a str)>>(
        names: &HeaderNames<'_>,
        pairs: I,
    ) -> Self {
        Self::gather(names, SystemTime::now(), |each| {
            pairs
                .into_iter()
                .for_each(|(name, value)| each(name, value));
        })
    }

    /// [`ResponseHeaders::read`] at `now`.
    fn collect<S: HeaderSource>(names: &HeaderNames<'_>, source: S, now: SystemTime) -> Self {
        Self::gather(names, now, |each| source.each_header(each))
    }

    /// Reads the headers `feed` hands over (name, value) by `names`, at `now`.
    fn gather(
        names: &HeaderNames<'_>,
        now: SystemTime,
        feed: impl FnOnce(&mut dyn FnMut(&str, &str)),
    ) -> Self {
        let drafts = HeaderNames {
            conditions: &[],
            ..*names
        } == HeaderNames::STANDARD;
        let mut out = Self::default();
        let mut draft = RateLimit::default();
        let mut kept: Vec<(String, String)> = Vec::new();
        let mut tested: Vec<(String, String)> = Vec::new();
        feed(&mut |name, value| {
            let (name, value) = (name.trim(), value.trim());
            let is = |n: &str| name.eq_ignore_ascii_case(n);
            // (a condition may test a header that also has a role)
            if let Some(name) = names.conditions.iter().find(|k| is(k)) {
                if !tested.iter().any(|(k, _)| k == name) {
                    tested.push(((*name).to_string(), value.to_string()));
                }
            }
            let rl = &mut out.rate_limit;
            if is(names.retry_after) {
                fill(&mut out.retry_after, RetryAfter::parse(value));
            } else if is(names.rate_limit_limit) {
                fill(&mut rl.limit, number(value));
            } else if is(names.rate_limit_remaining) {
                fill(&mut rl.remaining, number(value));
            } else if is(names.rate_limit_reset) {
                let reset = names.rate_limit_reset_format.reset_at(value, now);
                fill(&mut rl.reset, reset);
            } else if is(names.request_id) {
                let id = Some(value).filter(|v| !v.is_empty());
                fill(&mut out.request_id, id.map(str::to_owned));
            } else if is(names.should_retry) {
                let word = if value.eq_ignore_ascii_case("true") {
                    Some(true)
                } else if value.eq_ignore_ascii_case("false") {
                    Some(false)
                } else {
                    None
                };
                fill(&mut out.should_retry, word);
            } else if let Some(name) = names.keep.iter().find(|k| is(k)) {
                if !kept.iter().any(|(k, _)| k == name) {
                    kept.push(((*name).to_string(), value.to_string()));
                }
            } else if drafts && is("RateLimit-Limit") {
                fill(&mut draft.limit, number(value));
            } else if drafts && is("RateLimit-Remaining") {
                fill(&mut draft.remaining, number(value));
            } else if drafts && is("RateLimit-Reset") {
                fill(&mut draft.reset, decimal_seconds(value));
            }
        });
        // (kept in the order the catalog lists them)
        kept.sort_by_key(|(k, _)| names.keep.iter().position(|n| n == k));
        out.kept = KeptHeaders::new(kept, tested);
        let rl = &mut out.rate_limit;
        fill(&mut rl.limit, draft.limit);
        fill(&mut rl.remaining, draft.remaining);
        let draft_reset = draft.reset.map(|d| unix_seconds(now).saturating_add(d));
        fill(&mut rl.reset, draft_reset);
        out
    }

    /// Parses raw header lines `Name: value`, one per line, as written in
    /// documentation. Blank lines and lines without `:` (such as a status
    /// line) are skipped.
    ///
    /// Reads [`HeaderNames::STANDARD`] **only**, as [`ResponseHeaders::from_pairs`]
    /// does: a service's own names (`Stripe-Should-Retry: false`) are skipped.
    /// For a service with a catalog, `E::headers(text)` for a generated enum
    /// `E`, or [`ResponseHeaders::read`], reads its names.
    ///
    /// ```
    /// use error_catalog_core::headers::{ResponseHeaders, RetryAfter};
    ///
    /// let h = ResponseHeaders::from_lines("HTTP/1.1 429\nX-RateLimit-Remaining: 0\n\nRetry-After: 45\nx-should-retry: false");
    /// assert_eq!(h.rate_limit.remaining, Some(0));
    /// assert_eq!(h.retry_after, Some(RetryAfter::Seconds(45)));
    /// assert_eq!(h.should_retry, Some(false));
    /// ```
    pub fn from_lines(text: &str) -> Self {
        Self::read(&HeaderNames::STANDARD, text)
    }
}

#[cfg(test)]
mod tests;
