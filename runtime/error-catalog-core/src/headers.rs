//! Parsing of the response headers that matter when deciding whether and
//! when to retry: `Retry-After`, the rate-limit family and the request id.
//!
//! Everything here is lenient: a value that cannot be parsed is ignored
//! (`None`), never a panic.
//!
//! ```
//! use error_catalog_core::headers::{ResponseHeaders, RetryAfter};
//!
//! let h = ResponseHeaders::from_lines("Retry-After: 60\nX-Request-Id: abc");
//! assert_eq!(h.retry_after, Some(RetryAfter::Seconds(60)));
//! assert_eq!(h.request_id.as_deref(), Some("abc"));
//! ```

use std::time::{Duration, SystemTime, UNIX_EPOCH};

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
    /// [`ResponseHeaders::kept`] (`x-github-request-id`).
    pub keep: &'a [&'a str],
}

/// How a rate-limit reset header writes its time; [`ResponseHeaders`] turns
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
    /// Seconds from now (`RateLimit-Reset: 30`, the IETF draft).
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

    /// The reset time `value` gives, in Unix seconds, read at `now`.
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use error_catalog_core::headers::ResetFormat;
    /// let now = UNIX_EPOCH + Duration::from_secs(1_000);
    /// assert_eq!(ResetFormat::EpochSeconds.reset_at("1377013266", now), Some(1_377_013_266));
    /// assert_eq!(ResetFormat::DeltaSeconds.reset_at("30", now), Some(1_030));
    /// assert_eq!(ResetFormat::Duration.reset_at("6m0s", now), Some(1_360));
    /// assert_eq!(ResetFormat::Duration.reset_at("250ms", now), Some(1_001));
    /// assert_eq!(ResetFormat::Duration.reset_at("soon", now), None);
    /// ```
    pub fn reset_at(self, value: &str, now: SystemTime) -> Option<u64> {
        let from_now = |secs: u64| unix_seconds(now).saturating_add(secs);
        match self {
            ResetFormat::EpochSeconds => number(value),
            ResetFormat::DeltaSeconds => number(value).map(from_now),
            ResetFormat::Duration => duration(value).map(|d| {
                let secs = d.as_secs() + u64::from(d.subsec_nanos() > 0);
                from_now(secs)
            }),
        }
    }
}

/// A Go-style duration: numbers (decimals allowed) each with a unit of `h`,
/// `m`, `s`, `ms`, `us` or `ns`, such as `6m0s` or `1.5s`.
fn duration(text: &str) -> Option<Duration> {
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
    ///
    /// Returns `None` for anything else (negative numbers, garbage,
    /// values that overflow `u64`, impossible dates).
    ///
    /// ```
    /// use error_catalog_core::headers::RetryAfter;
    /// use std::time::{Duration, UNIX_EPOCH};
    ///
    /// assert_eq!(RetryAfter::parse(" 45 "), Some(RetryAfter::Seconds(45)));
    /// let at = UNIX_EPOCH + Duration::from_secs(784_111_777);
    /// assert_eq!(RetryAfter::parse("Sun, 06 Nov 1994 08:49:37 GMT"), Some(RetryAfter::Date(at)));
    /// assert_eq!(RetryAfter::parse("-5"), None);
    /// ```
    pub fn parse(value: &str) -> Option<RetryAfter> {
        let value = value.trim();
        if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
            return number(value).map(RetryAfter::Seconds);
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

const SHORT_DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const LONG_DAYS: &str = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday";
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// One or more ASCII digits (no sign, no whitespace) that fit in a `u64`.
fn number(s: &str) -> Option<u64> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Exactly `len` ASCII digits.
fn fixed(s: &str, len: usize) -> Option<u64> {
    if s.len() == len {
        number(s)
    } else {
        None
    }
}

fn month(s: &str) -> Option<u64> {
    MONTHS.iter().position(|m| *m == s).map(|i| i as u64 + 1)
}

/// `HH:MM:SS` as seconds since midnight (leap second 60 allowed).
fn time_of_day(s: &str) -> Option<u64> {
    let mut it = s.split(':');
    let mut two = || it.next().and_then(|p| fixed(p, 2));
    let (h, m, sec) = (two()?, two()?, two()?);
    if it.next().is_some() || h >= 24 || m >= 60 || sec >= 61 {
        return None;
    }
    Some(h * 3600 + m * 60 + sec)
}

fn days_in_month(year: u64, month: u64) -> u64 {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(year: u64, month: u64, day: u64) -> i64 {
    let y = year as i64 - i64::from(month <= 2);
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (month as i64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Parses an HTTP-date (RFC 9110 §5.6.7) into a [`SystemTime`].
///
/// Accepts IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), RFC 850
/// (`Sunday, 06-Nov-94 08:49:37 GMT`; two-digit years below 70 are read as
/// 20xx, others as 19xx) and asctime (`Sun Nov  6 08:49:37 1994`). Month
/// and weekday names are case-sensitive; the day must exist in its month,
/// hour < 24, minute < 60, second < 61. The weekday name must be valid but
/// is not checked against the date.
///
/// ```
/// use error_catalog_core::headers::parse_http_date;
/// use std::time::{Duration, UNIX_EPOCH};
///
/// let at = UNIX_EPOCH + Duration::from_secs(784_111_777);
/// assert_eq!(parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT"), Some(at));
/// assert_eq!(parse_http_date("Sun Nov  6 08:49:37 1994"), Some(at));
/// assert_eq!(parse_http_date("Mon, 30 Feb 2015 00:00:00 GMT"), None);
/// ```
pub fn parse_http_date(s: &str) -> Option<SystemTime> {
    let s = s.trim();
    let (year, month, day, time) = if let Some((wkday, rest)) = s.split_once(',') {
        let parts: Vec<&str> = rest.split_whitespace().collect();
        if SHORT_DAYS.contains(&wkday) {
            let [d, m, y, t, "GMT"] = parts.as_slice() else {
                return None;
            };
            (fixed(y, 4)?, month(m)?, fixed(d, 2)?, time_of_day(t)?)
        } else if LONG_DAYS.split(' ').any(|d| d == wkday) {
            let [date, t, "GMT"] = parts.as_slice() else {
                return None;
            };
            let mut it = date.split('-');
            let (d, m, yy) = (it.next()?, it.next()?, fixed(it.next()?, 2)?);
            if it.next().is_some() {
                return None;
            }
            let y = if yy < 70 { 2000 + yy } else { 1900 + yy };
            (y, month(m)?, fixed(d, 2)?, time_of_day(t)?)
        } else {
            return None;
        }
    } else {
        let parts: Vec<&str> = s.split_whitespace().collect();
        let [wkday, m, d, t, y] = parts.as_slice() else {
            return None;
        };
        if !SHORT_DAYS.contains(wkday) || d.len() > 2 {
            return None;
        }
        (fixed(y, 4)?, month(m)?, number(d)?, time_of_day(t)?)
    };
    if day == 0 || day > days_in_month(year, month) {
        return None;
    }
    let secs = days_from_civil(year, month, day) * 86_400 + time as i64;
    if secs >= 0 {
        UNIX_EPOCH.checked_add(Duration::from_secs(secs.unsigned_abs()))
    } else {
        UNIX_EPOCH.checked_sub(Duration::from_secs(secs.unsigned_abs()))
    }
}

/// Seconds since the Unix epoch (zero for instants before it).
pub(crate) fn unix_seconds(t: SystemTime) -> u64 {
    t.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs())
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
    /// The headers of [`HeaderNames::keep`] the response carried.
    pub kept: KeptHeaders,
}

/// The headers a service's catalog keeps by name (`[headers] keep`), in the
/// catalog's order: (name as the catalog spells it, value). Empty takes no
/// allocation.
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
/// received error)
#[derive(Debug, Clone, PartialEq, Eq)]
struct Pairs(Vec<(String, String)>);

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
            .flat_map(|kept| kept.0.iter())
            .map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// True when none was kept.
    pub fn is_empty(&self) -> bool {
        self.0.is_none()
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
        KeptHeaders((!pairs.is_empty()).then(|| Box::new(Pairs(pairs))))
    }
}

/// Stores `value` unless `slot` already holds one (first valid value wins).
fn fill<T>(slot: &mut Option<T>, value: Option<T>) {
    if slot.is_none() {
        *slot = value;
    }
}

impl ResponseHeaders {
    /// Builds from `(name, value)` pairs using [`HeaderNames::STANDARD`].
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

    /// Same as [`ResponseHeaders::from_pairs`] with a service's own names.
    /// The draft `RateLimit-*` fallback applies only when `names` equals
    /// [`HeaderNames::STANDARD`].
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
        Self::collect(names, pairs, SystemTime::now())
    }

    fn collect<'a, I: IntoIterator<Item = (&'a str, &'a str)>>(
        names: &HeaderNames<'_>,
        pairs: I,
        now: SystemTime,
    ) -> Self {
        let drafts = *names == HeaderNames::STANDARD;
        let mut out = Self::default();
        let mut draft = RateLimit::default();
        let mut kept: Vec<(String, String)> = Vec::new();
        for (name, value) in pairs {
            let (name, value) = (name.trim(), value.trim());
            let is = |n: &str| name.eq_ignore_ascii_case(n);
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
                fill(&mut draft.reset, number(value));
            }
        }
        // (kept in the order the catalog lists them)
        kept.sort_by_key(|(k, _)| names.keep.iter().position(|n| n == k));
        out.kept = KeptHeaders::from(kept);
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
    /// ```
    /// use error_catalog_core::headers::{ResponseHeaders, RetryAfter};
    ///
    /// let h = ResponseHeaders::from_lines("HTTP/1.1 429\nX-RateLimit-Remaining: 0\n\nRetry-After: 45\nx-should-retry: false");
    /// assert_eq!(h.rate_limit.remaining, Some(0));
    /// assert_eq!(h.retry_after, Some(RetryAfter::Seconds(45)));
    /// assert_eq!(h.should_retry, Some(false));
    /// ```
    pub fn from_lines(text: &str) -> Self {
        Self::from_pairs(text.lines().filter_map(|line| line.split_once(':')))
    }
}

/// A response's headers by name, for the conditions an entry puts on them
/// (`when_header`): the decoder asks for the headers those conditions name.
///
/// ```
/// use error_catalog_core::headers::HeaderLookup;
/// let headers = [("X-RateLimit-Remaining", "0")];
/// assert_eq!(headers.header("x-ratelimit-remaining"), Some("0"));
/// assert_eq!(().header("x-ratelimit-remaining"), None);
/// ```
pub trait HeaderLookup {
    /// The value of header `name` (given in lowercase; matched in any case),
    /// when the response has it.
    fn header(&self, name: &str) -> Option<&str>;
}

/// No headers: what `FromResponse::from_response` decodes with.
impl HeaderLookup for () {
    fn header(&self, _: &str) -> Option<&str> {
        None
    }
}

/// (name, value) pairs, names in any case; the first of a name counts.
impl HeaderLookup for [(&str, &str)] {
    fn header(&self, name: &str) -> Option<&str> {
        self.iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| *v)
    }
}

impl HeaderLookup for &[(&str, &str)] {
    fn header(&self, name: &str) -> Option<&str> {
        (**self).header(name)
    }
}

impl HeaderLookup for Vec<(&str, &str)> {
    fn header(&self, name: &str) -> Option<&str> {
        self.as_slice().header(name)
    }
}

impl<const N: usize> HeaderLookup for [(&str, &str); N] {
    fn header(&self, name: &str) -> Option<&str> {
        self.as_slice().header(name)
    }
}

impl HeaderLookup for Vec<(String, String)> {
    fn header(&self, name: &str) -> Option<&str> {
        self.iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_go_style() {
        let secs = |t: &str| duration(t).map(|d| d.as_secs_f64());
        assert_eq!(secs("6m0s"), Some(360.0));
        assert_eq!(secs("1h2m3s"), Some(3723.0));
        assert_eq!(secs("1.5s"), Some(1.5));
        assert_eq!(secs("20ms"), Some(0.02));
        for bad in ["", "5", "s", "-1s", "1x", "1.2.3s", "1e9999h"] {
            assert_eq!(duration(bad), None, "{bad}");
        }
    }

    const NOV_1994: u64 = 784_111_777;

    fn at(secs: u64) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(secs)
    }

    fn rl(limit: Option<u64>, remaining: Option<u64>, reset: Option<u64>) -> RateLimit {
        let mut out = RateLimit::default();
        (out.limit, out.remaining, out.reset) = (limit, remaining, reset);
        out
    }

    #[test]
    fn delta_seconds() {
        assert_eq!(RetryAfter::parse("0"), Some(RetryAfter::Seconds(0)));
        assert_eq!(RetryAfter::parse(" 120\t"), Some(RetryAfter::Seconds(120)));
        let five = RetryAfter::Seconds(5);
        assert_eq!(five.delay_from(at(9)), Duration::from_secs(5));
        let ra = RetryAfter::Date(at(10));
        assert_eq!(ra.delay_from(at(20)), Duration::ZERO);
        assert_eq!(ra.delay_from(at(4)), Duration::from_secs(6));
    }

    #[test]
    fn every_date_form() {
        let cases = [
            ("Sun, 06 Nov 1994 08:49:37 GMT", NOV_1994),
            ("Sunday, 06-Nov-94 08:49:37 GMT", NOV_1994),
            ("Sun Nov  6 08:49:37 1994", NOV_1994),
            ("Thu, 01 Jan 1970 00:00:00 GMT", 0),
            ("Tue, 29 Feb 2000 23:59:60 GMT", 951_868_800),
            ("Thursday, 01-Jan-15 00:00:00 GMT", 1_420_070_400),
        ];
        for (text, secs) in cases {
            assert_eq!(parse_http_date(text), Some(at(secs)), "{text:?}");
            assert_eq!(RetryAfter::parse(text), Some(RetryAfter::Date(at(secs))));
        }
        let before = UNIX_EPOCH.checked_sub(Duration::from_secs(86_400));
        assert_eq!(parse_http_date("Wed, 31 Dec 1969 00:00:00 GMT"), before);
    }

    #[test]
    fn invalid_values() {
        let bad = "Mon, 30 Feb 2015 00:00:00 GMT|Mon, 29 Feb 2100 00:00:00 GMT|\
                   Sun, 06 Nov 1994 24:00:00 GMT|Sun, 06 Nov 1994 08:60:00 GMT|\
                   Sun, 06 Nov 1994 08:49:61 GMT|Sun, 00 Nov 1994 08:49:37 GMT|\
                   Sun, 31 Nov 1994 08:49:37 GMT|Sun, 06 Foo 1994 08:49:37 GMT|\
                   Sun, 06 Nov 1994 08:49:37 UTC|Xyz, 06 Nov 1994 08:49:37 GMT|\
                   Sun, 6 Nov 1994 08:49:37 GMT|Sunday, 06-Nov-1994 08:49:37 GMT|\
                   Sun Nov 123 08:49:37 1994|Sun Nov  6 8:49:37 1994|garbage|\
                   -5|+5|1.5|99999999999999999999999|";
        for text in bad.split('|') {
            assert_eq!(RetryAfter::parse(text), None, "{text:?}");
        }
    }

    #[test]
    fn case_insensitive_names_and_trimming() {
        let h = ResponseHeaders::from_pairs([
            ("RETRY-AFTER", " 30 "),
            ("x-ratelimit-limit", "100"),
            ("X-RATELIMIT-REMAINING", "7"),
            ("x-RateLimit-reset", "1700000000"),
            ("x-request-id", " req-1 "),
        ]);
        assert_eq!(h.retry_after, Some(RetryAfter::Seconds(30)));
        assert_eq!(h.rate_limit, rl(Some(100), Some(7), Some(1_700_000_000)));
        assert_eq!(h.request_id.as_deref(), Some("req-1"));
    }

    #[test]
    fn unparsable_values_ignored() {
        let h = ResponseHeaders::from_pairs([
            ("Retry-After", "soon"),
            ("X-RateLimit-Limit", "-1"),
            ("X-RateLimit-Remaining", "lots"),
            ("X-Request-Id", "  "),
            ("X-RateLimit-Remaining", "2"),
        ]);
        assert_eq!(h.retry_after, None);
        assert_eq!(h.rate_limit, rl(None, Some(2), None));
        assert_eq!(h.request_id, None);
    }

    #[test]
    fn draft_names_fill_absent_fields() {
        let pairs = [
            ("RateLimit-Limit", "50"),
            ("ratelimit-remaining", "0"),
            ("RateLimit-Reset", "30"),
            ("X-RateLimit-Limit", "9"),
        ];
        let h = ResponseHeaders::collect(&HeaderNames::STANDARD, pairs, at(1_000));
        assert_eq!(h.rate_limit, rl(Some(9), Some(0), Some(1_030)));
        let custom = HeaderNames {
            request_id: "X-Trace",
            ..HeaderNames::STANDARD
        };
        let pairs = [("RateLimit-Limit", "50"), ("x-trace", "t")];
        let h = ResponseHeaders::from_pairs_with(&custom, pairs);
        assert_eq!(h.rate_limit.limit, None);
        assert_eq!(h.request_id.as_deref(), Some("t"));
    }

    #[test]
    fn from_lines_seed_blocks() {
        let h = ResponseHeaders::from_lines(
            "X-RateLimit-Limit: 300\nX-RateLimit-Remaining: 0\nX-RateLimit-Reset: 1699900060\nRetry-After: 60",
        );
        assert_eq!(h.retry_after, Some(RetryAfter::Seconds(60)));
        assert_eq!(h.rate_limit, rl(Some(300), Some(0), Some(1_699_900_060)));
        let text = "X-RateLimit-Limit: 1\nX-RateLimit-Remaining: 0\nRetry-After: 45";
        let h = ResponseHeaders::from_lines(text);
        assert_eq!(h.retry_after, Some(RetryAfter::Seconds(45)));
        assert_eq!(h.rate_limit, rl(Some(1), Some(0), None));
    }

    #[test]
    fn from_lines_skips_noise_and_keeps_date_colons() {
        let h = ResponseHeaders::from_lines(
            "HTTP/1.1 503 Nope\r\n\r\nRetry-After: Sun, 06 Nov 1994 08:49:37 GMT\r\nno colon",
        );
        assert_eq!(h.retry_after, Some(RetryAfter::Date(at(NOV_1994))));
        assert_eq!(ResponseHeaders::from_lines(""), ResponseHeaders::default());
    }
}
