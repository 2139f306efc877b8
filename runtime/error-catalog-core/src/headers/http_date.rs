//! HTTP dates (RFC 9110 §5.6.7): IMF-fixdate and the two obsolete forms.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

const SHORT_DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const LONG_DAYS: &str = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday";
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// One or more ASCII digits (no sign, no whitespace) that fit in a `u64`.
pub(super) fn number(s: &str) -> Option<u64> {
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
