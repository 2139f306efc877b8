//! One way to hand a response's headers to an enum: `E::headers(…)` reads
//! them once by the names the enum's catalog gives (its `HEADER_NAMES`: a
//! service's own `Stripe-Should-Retry`, the headers its `when_header`
//! conditions test), and the same value goes to decoding (`from_parts`) and
//! to retry advice (`retry_with`). The standard-names constructors
//! (`ResponseHeaders::from_lines`, `from_pairs`) skip a service's own names,
//! as their docs say.

use std::time::{Duration, SystemTime};

use error_catalog::headers::HeaderLookup;
use error_catalog::{ApiError, FromResponse, ResponseHeaders, RetryAdvice};

error_catalog::catalog!("catalogs/stripe_like.toml");

const LOCKED: &[u8] = br#"{"error": {"code": "lock_timeout", "message": "Another request holds this object: try again shortly"}}"#;
const DECLINED: &[u8] = br#"{"error": {"code": "card_declined", "message": "The card was declined", "decline_code": "insufficient_funds"}}"#;
const RATE: &[u8] =
    br#"{"error": {"code": "rate_limit", "message": "Too many requests for this account"}}"#;

fn after(secs: u64) -> RetryAdvice {
    RetryAdvice::After(Duration::from_secs(secs))
}

#[test]
fn the_enum_names_the_service_s_own_headers() {
    let names = StripeLikeError::HEADER_NAMES;
    assert_eq!(names.should_retry, "Stripe-Should-Retry");
    assert_eq!(names.request_id, "Request-Id");
    assert_eq!(names.retry_after, "Retry-After"); // not named: the standard one
    assert_eq!(names.conditions, ["x-ratelimit-scope"]);
}

/// `Stripe-Should-Retry: false` stops a retry the rule and `Retry-After`
/// would advise, `true` makes a `never` error retryable: read once, handed
/// to decoding and to the advice alike.
#[test]
fn stripe_should_retry_changes_the_advice_through_one_read() {
    let now = SystemTime::now();
    let wait = StripeLikeError::headers("Retry-After: 2\nRequest-Id: req_1");
    let err = StripeLikeError::from_parts(429, &wait, LOCKED);
    assert!(
        matches!(err, StripeLikeError::LockTimeout { .. }),
        "{err:?}"
    );
    assert_eq!(err.retry_with(&wait, now), after(2));
    assert_eq!(wait.request_id.as_deref(), Some("req_1"));

    let stop = StripeLikeError::headers("Retry-After: 2\nStripe-Should-Retry: false");
    let err = StripeLikeError::from_parts(429, &stop, LOCKED);
    assert!(
        matches!(err, StripeLikeError::LockTimeout { .. }),
        "{err:?}"
    );
    assert_eq!(stop.should_retry, Some(false));
    assert_eq!(err.retry_with(&stop, now), RetryAdvice::Never);

    // pairs, in any case, read the same
    let go = StripeLikeError::headers([("stripe-should-retry", "true")]);
    let err = StripeLikeError::from_parts(402, &go, DECLINED);
    assert!(
        matches!(err, StripeLikeError::CardDeclined { .. }),
        "{err:?}"
    );
    assert_eq!(err.retry(), RetryAdvice::Never);
    assert_eq!(err.retry_with(&go, now), RetryAdvice::Backoff);
}

/// The standard-names constructors read `X-Should-Retry`, not the service's
/// `Stripe-Should-Retry`: with them the service's word is lost (documented on
/// `ResponseHeaders::from_lines` and `from_pairs`), which is why the enum's
/// `headers` is the way to read an enum's responses.
#[test]
fn the_standard_names_alone_skip_stripe_should_retry() {
    let now = SystemTime::now();
    let text = "Retry-After: 2\nStripe-Should-Retry: false";
    let err = StripeLikeError::from_response(429, LOCKED);
    let standard = ResponseHeaders::from_lines(text);
    assert_eq!(standard.should_retry, None);
    assert_eq!(err.retry_with(&standard, now), after(2));
    let pairs = ResponseHeaders::from_pairs([("Stripe-Should-Retry", "false")]);
    assert_eq!(pairs.should_retry, None);
    // read by the enum's names, the same text stops the retry
    let read = StripeLikeError::headers(text);
    assert_eq!(err.retry_with(&read, now), RetryAdvice::Never);
    assert_ne!(standard, read);
}

/// An entry told apart by a header (`when_header`) is found with the same
/// value: `headers` keeps the headers the conditions test, and `from_parts`
/// looks them up there.
#[test]
fn the_one_read_also_answers_the_decoder_s_header_conditions() {
    let now = SystemTime::now();
    let headers = StripeLikeError::headers(
        "X-RateLimit-Scope: account\nRetry-After: 1\nStripe-Should-Retry: true",
    );
    assert_eq!(headers.header("x-ratelimit-scope"), Some("account"));
    let err = StripeLikeError::from_parts(429, &headers, RATE);
    assert!(matches!(err, StripeLikeError::RateLimit { .. }), "{err:?}");
    assert_eq!(err.retry_with(&headers, now), after(1));
    // without the header the condition fails: no entry
    let none = StripeLikeError::headers("Retry-After: 1");
    assert!(matches!(
        StripeLikeError::from_parts(429, &none, RATE),
        StripeLikeError::Unknown(_)
    ));
    assert!(matches!(
        StripeLikeError::from_response(429, RATE),
        StripeLikeError::Unknown(_)
    ));
    // the standard names know no condition of this catalog
    let standard = ResponseHeaders::from_lines("X-RateLimit-Scope: account");
    assert_eq!(standard.header("x-ratelimit-scope"), None);
}

/// The http integration reads a `HeaderMap` the same way: one value for the
/// error and its advice.
#[test]
fn the_http_integration_reads_by_the_same_names() {
    let mut map = http::HeaderMap::new();
    for (k, v) in [
        ("x-ratelimit-scope", "account"),
        ("retry-after", "1"),
        ("stripe-should-retry", "false"),
        ("request-id", "req_9"),
    ] {
        map.insert(k, http::HeaderValue::from_static(v));
    }
    let received = error_catalog::http::read::<StripeLikeError>(
        http::StatusCode::TOO_MANY_REQUESTS,
        &map,
        RATE,
    );
    assert!(
        matches!(received.error, StripeLikeError::RateLimit { .. }),
        "{:?}",
        received.error
    );
    assert_eq!(received.request_id(), Some("req_9"));
    assert_eq!(received.retry(), RetryAdvice::Never);
    let lines =
        "X-RateLimit-Scope: account\nRetry-After: 1\nStripe-Should-Retry: false\nRequest-Id: req_9";
    let by_lines = StripeLikeError::headers(lines);
    assert_eq!(received.headers, by_lines);
}
