use std::time::{Duration, UNIX_EPOCH};

use ::http::header::{HeaderMap, HeaderValue, ACCEPT};

use super::header_map::http_date;
use super::*;

#[test]
fn http_dates() {
    let at = |s| UNIX_EPOCH + Duration::from_secs(s);
    assert_eq!(
        http_date(at(784_111_777)).as_deref(),
        Some("Sun, 06 Nov 1994 08:49:37 GMT")
    );
    assert_eq!(
        http_date(at(0)).as_deref(),
        Some("Thu, 01 Jan 1970 00:00:00 GMT")
    );
    assert_eq!(
        http_date(at(951_868_800)).as_deref(),
        Some("Wed, 01 Mar 2000 00:00:00 GMT")
    );
    for secs in [0, 59, 86_399, 951_782_400, 1_699_900_060, 4_102_444_799] {
        let text = http_date(at(secs)).unwrap_or_default();
        assert_eq!(
            crate::headers::parse_http_date(&text),
            Some(at(secs)),
            "{text}"
        );
    }
    assert_eq!(http_date(at(u64::MAX / 2)), None);
}

#[test]
fn accept_header() {
    let accepts = |v: &'static str| {
        let mut m = HeaderMap::new();
        m.insert(ACCEPT, HeaderValue::from_static(v));
        accepts_problem_json(&m)
    };
    assert!(accepts("application/problem+json"));
    assert!(accepts("text/html, Application/Problem+JSON;q=0.5"));
    assert!(!accepts("application/problem+json;q=0"));
    assert!(!accepts("application/json, */*"));
}

#[test]
fn retry_types_are_re_exported() {
    let policy: RetryPolicy = crate::RetryPolicy::default();
    let backoff: Backoff = policy.start();
    let same: crate::Backoff = backoff;
    assert_eq!(same.failures(), 0);
}
