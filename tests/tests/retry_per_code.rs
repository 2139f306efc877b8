//! The retry rule belongs to the error's code, not to its status: two errors
//! under 429, one to wait out and one that retrying cannot fix, advise
//! differently, also when the response carries `Retry-After`.

use std::time::{Duration, SystemTime};

use error_catalog::{
    ApiError, Backoff, FromResponse, ResponseHeaders, RetryAdvice, RetryPolicy, RetryRule,
};

error_catalog::catalog!("catalogs/quota_and_rate_limit.toml");

const RATE: &[u8] =
    br#"{"error": {"code": "rate_limit_exceeded", "message": "Rate limit reached for requests"}}"#;
const QUOTA: &[u8] =
    br#"{"error": {"code": "insufficient_quota", "message": "You exceeded your current quota"}}"#;

fn headers() -> ResponseHeaders {
    ResponseHeaders::from_lines("Retry-After: 20\nX-RateLimit-Remaining: 0")
}

#[test]
fn each_code_keeps_its_own_rule_under_one_status() {
    let rate = QuotaDemoError::from_response(429, RATE);
    let quota = QuotaDemoError::from_response(429, QUOTA);
    assert!(
        matches!(rate, QuotaDemoError::RateLimitExceeded { .. }),
        "{rate:?}"
    );
    assert!(
        matches!(quota, QuotaDemoError::InsufficientQuota { .. }),
        "{quota:?}"
    );
    assert_eq!(rate.retry_rule(), RetryRule::After);
    assert_eq!(quota.retry_rule(), RetryRule::Never);

    let now = SystemTime::now();
    assert_eq!(
        rate.retry_with(&headers(), now),
        RetryAdvice::After(Duration::from_secs(20))
    );
    // the header does not turn a quota error into a retryable one
    assert_eq!(quota.retry_with(&headers(), now), RetryAdvice::Never);
    // without the header: the rate limit backs off, the quota still never retries
    assert_eq!(rate.retry(), RetryAdvice::Backoff);
    assert_eq!(quota.retry(), RetryAdvice::Never);
}

#[test]
fn the_retry_loop_follows_the_code() {
    let policy = RetryPolicy::default();
    let now = SystemTime::now();
    let rate = QuotaDemoError::from_response(429, RATE);
    let quota = QuotaDemoError::from_response(429, QUOTA);
    let mut backoff: Backoff = policy.start();
    assert_eq!(
        backoff.next_delay_for(&rate, &headers(), now),
        Some(Duration::from_secs(20))
    );
    let mut backoff: Backoff = policy.start();
    assert_eq!(backoff.next_delay_for(&quota, &headers(), now), None);
}

/// The service's own word (`X-Should-Retry`) overrides the code's rule either
/// way: `false` stops a rate limit, `true` makes a quota error retryable.
#[test]
fn a_should_retry_header_overrides_the_rule() {
    let now = SystemTime::now();
    let rate = QuotaDemoError::from_response(429, RATE);
    let quota = QuotaDemoError::from_response(429, QUOTA);
    let no = ResponseHeaders::from_lines("Retry-After: 20\nx-should-retry: false");
    let yes = ResponseHeaders::from_lines("Retry-After: 20\nX-Should-Retry: true");
    assert_eq!(rate.retry_with(&no, now), RetryAdvice::Never);
    assert_eq!(
        quota.retry_with(&yes, now),
        RetryAdvice::After(Duration::from_secs(20))
    );
    let mut backoff: Backoff = RetryPolicy::default().start();
    assert_eq!(backoff.next_delay_for(&rate, &no, now), None);
    let mut backoff: Backoff = RetryPolicy::default().start();
    assert_eq!(
        backoff.next_delay_for(&quota, &yes, now),
        Some(Duration::from_secs(20))
    );
    // anything but true / false is no word at all
    let neither = ResponseHeaders::from_lines("Retry-After: 20\nX-Should-Retry: maybe");
    assert_eq!(neither.should_retry, None);
    assert_eq!(quota.retry_with(&neither, now), RetryAdvice::Never);
}
