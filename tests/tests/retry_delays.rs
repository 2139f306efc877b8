//! Retry delays as services send them, rounded up to whole seconds: protobuf
//! `Duration` text in a body (`"retryDelay": "1.5s"`, Google AIP-193),
//! fractional seconds in a body (`"retry_after": 64.57`) and in a header
//! (`X-RateLimit-Reset-After: 64.57`). The generated enum and the CLI's
//! `classify` path (the run-time decoder and the same `DelaySeconds`
//! reading) give the same advice for every body; bad delays are no delay.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use error_catalog::retry::DelaySeconds;
use error_catalog::{ApiError, FromResponse, RetryAdvice, RetryRule};

error_catalog::catalog!("catalogs/retry_delays.toml");

const CATALOG: &str = include_str!("../catalogs/retry_delays.toml");

/// (body, the body's delay in whole seconds: `None` when it carries none).
const CASES: &[(&str, Option<u64>)] = &[
    (
        r#"{"error": {"code": "RESOURCE_EXHAUSTED", "message": "Quota exceeded", "retryDelay": "30s"}}"#,
        Some(30),
    ),
    (
        r#"{"error": {"code": "RESOURCE_EXHAUSTED", "message": "Quota exceeded", "retryDelay": "1.5s"}}"#,
        Some(2),
    ),
    (
        r#"{"error": {"code": "RESOURCE_EXHAUSTED", "message": "Quota exceeded", "retryDelay": "0.000001s"}}"#,
        Some(1),
    ),
    (
        r#"{"error": {"code": "RESOURCE_EXHAUSTED", "message": "Quota exceeded", "retryDelay": "-1s"}}"#,
        None,
    ),
    (
        r#"{"error": {"code": "RESOURCE_EXHAUSTED", "message": "Quota exceeded", "retryDelay": "abc"}}"#,
        None,
    ),
    (
        r#"{"error": {"code": "RESOURCE_EXHAUSTED", "message": "Quota exceeded", "retryDelay": "1e400s"}}"#,
        None,
    ),
    (
        r#"{"error": {"code": "RESOURCE_EXHAUSTED", "message": "Quota exceeded", "retryDelay": "99999999999999999999s"}}"#,
        None,
    ),
    (
        r#"{"error": {"code": "RESOURCE_EXHAUSTED", "message": "Quota exceeded"}}"#,
        None,
    ),
    (
        r#"{"error": {"code": "RATE_LIMITED", "message": "You are being rate limited.", "retry_after": 64.57}}"#,
        Some(65),
    ),
    (
        r#"{"error": {"code": "RATE_LIMITED", "message": "You are being rate limited.", "retry_after": 3}}"#,
        Some(3),
    ),
    (
        r#"{"error": {"code": "RATE_LIMITED", "message": "You are being rate limited.", "retry_after": -0.5}}"#,
        None,
    ),
    (
        r#"{"error": {"code": "RATE_LIMITED", "message": "You are being rate limited.", "retry_after": 1e300}}"#,
        None,
    ),
    (
        r#"{"error": {"code": "SLOW_DOWN", "message": "Slow down", "wait": 45}}"#,
        Some(45),
    ),
];

/// What the CLI's `classify` advises: the run-time decoder's fields, the
/// delay field read by `DelaySeconds`, the entry's rule (the unknown rule for
/// the fallback).
fn cli_advice(status: u16, body: &[u8], now: SystemTime) -> RetryAdvice {
    let c = error_catalog_model::load_str("retry_delays.toml", CATALOG)
        .unwrap_or_else(|e| panic!("{e}"));
    let r = error_catalog_model::response::decode(&c, status, body);
    let (rule, secs) = match r.entry.map(|i| &c.errors[i]) {
        Some(e) => {
            let field = e.retry_after_field.as_ref().map(|f| f.value.as_str());
            (
                e.retry,
                field
                    .and_then(|f| r.fields.get(f))
                    .and_then(DelaySeconds::delay_seconds),
            )
        }
        None => (RetryRule::for_unknown_status(Some(status)), None),
    };
    rule.advise(&Default::default(), secs, now)
}

#[test]
fn body_delays_round_up_and_bad_ones_are_none() {
    let now = SystemTime::now();
    for (body, secs) in CASES {
        let err = RetryDelaysError::from_response(429, body.as_bytes());
        assert!(err.is_known(), "{body}: {err:?}");
        assert_eq!(err.retry_after_field(), *secs, "{body}");
        let want = secs.map_or(RetryAdvice::Backoff, |s| {
            RetryAdvice::After(Duration::from_secs(s))
        });
        assert_eq!(err.retry_with(&Default::default(), now), want, "{body}");
    }
}

#[test]
fn the_enum_and_the_cli_path_agree_on_every_body() {
    let now = SystemTime::now();
    // (body, whether it is the entry): a number serde cannot hold, a delay
    // of the wrong JSON type (the optional delay field reads as absent, the
    // value kept as unread: the error keeps its identity), a body that is no JSON
    let extra = [
        (
            r#"{"error": {"code": "RATE_LIMITED", "message": "You are being rate limited.", "retry_after": 1e400}}"#,
            true,
        ),
        (
            r#"{"error": {"code": "RATE_LIMITED", "message": "x", "retry_after": "64.57"}}"#,
            true,
        ),
        (
            r#"{"error": {"code": "SLOW_DOWN", "message": "Slow down", "wait": 4.5}}"#,
            true,
        ),
        ("<html>Too Many Requests</html>", false),
    ];
    let bodies = CASES.iter().map(|(b, _)| (*b, true)).chain(extra);
    for (body, known) in bodies {
        let err = RetryDelaysError::from_response(429, body.as_bytes());
        let enum_advice = err.retry_with(&Default::default(), now);
        assert_eq!(enum_advice, cli_advice(429, body.as_bytes(), now), "{body}");
        assert_eq!(err.is_known(), known, "{body}");
        if known && !CASES.iter().any(|(b, _)| *b == body) {
            assert_eq!(err.retry_after_field(), None, "{body}");
        }
        if !known {
            // the fallback's rule for a 429 without a delay: back off
            assert_eq!(enum_advice, RetryAdvice::Backoff, "{body}");
        }
    }
}

/// A reset given in fractional seconds from now (`X-RateLimit-Reset-After:
/// 64.57`), read by the enum's names, is rounded up into the advice of an
/// error whose body names no delay.
#[test]
fn a_fractional_reset_header_rounds_up() {
    let body = br#"{"error": {"code": "SLOW_DOWN", "message": "Slow down"}}"#;
    let before = SystemTime::now();
    let headers =
        RetryDelaysError::headers("X-RateLimit-Remaining: 0\nX-RateLimit-Reset-After: 64.57");
    let err = RetryDelaysError::from_parts(429, &headers, body);
    let read_at = before.duration_since(UNIX_EPOCH).unwrap().as_secs();
    let reset = headers.rate_limit.reset.expect("the reset is read");
    assert!(
        (read_at + 65..=read_at + 66).contains(&reset),
        "{reset} vs {read_at}"
    );
    let secs = err
        .retry_with(&headers, UNIX_EPOCH + Duration::from_secs(read_at))
        .seconds();
    assert!(matches!(secs, Some(65..=66)), "{secs:?}");
    // the body's own delay comes first
    let body = br#"{"error": {"code": "SLOW_DOWN", "message": "Slow down", "wait": 7}}"#;
    let err = RetryDelaysError::from_parts(429, &headers, body);
    assert_eq!(err.retry_with(&headers, before).seconds(), Some(7));
    // a bad reset is none: nothing to wait for, so back off
    for bad in ["-64.57", "64,57", "6.4e1", "soon"] {
        let headers = RetryDelaysError::headers([
            ("X-RateLimit-Remaining", "0"),
            ("X-RateLimit-Reset-After", bad),
        ]);
        assert_eq!(headers.rate_limit.reset, None, "{bad}");
        let err = RetryDelaysError::from_response(
            429,
            br#"{"error": {"code": "SLOW_DOWN", "message": "Slow down"}}"#,
        );
        assert_eq!(
            err.retry_with(&headers, before),
            RetryAdvice::Backoff,
            "{bad}"
        );
    }
    // Retry-After with a fraction rounds up too
    let headers = RetryDelaysError::headers("Retry-After: 1.5");
    let err = RetryDelaysError::from_response(
        429,
        br#"{"error": {"code": "SLOW_DOWN", "message": "Slow down"}}"#,
    );
    assert_eq!(err.retry_with(&headers, before).seconds(), Some(2));
}

/// A derived enum's borrowed view reads a `Duration` text delay from its
/// `Cow` field the same way the owned enum does.
#[test]
fn the_borrowed_view_reads_duration_text_too() {
    use error_catalog::UnknownError;

    #[derive(Debug, error_catalog::ApiError)]
    #[api_error(wire = "nested", borrowed)]
    enum CloudError {
        #[api_error(
            code = "RESOURCE_EXHAUSTED",
            status = 429,
            message = "Quota exceeded",
            retry = "after",
            retry_after_field = "retryDelay"
        )]
        ResourceExhausted {
            #[api_error(rename = "retryDelay")]
            retry_delay: Option<String>,
        },
        #[api_error(unknown)]
        Unknown(UnknownError),
    }

    for (delay, want) in [
        ("\"1.5s\"", Some(2)),
        ("\"30s\"", Some(30)),
        ("\"-1s\"", None),
        ("null", None),
    ] {
        let body = format!(
            r#"{{"error": {{"code": "RESOURCE_EXHAUSTED", "message": "Quota exceeded", "retryDelay": {delay}}}}}"#
        );
        let view = CloudErrorRef::from_response(429, body.as_bytes());
        assert!(view.is_known(), "{body}");
        assert_eq!(view.retry_after_field(), want, "{body}");
        let owned = CloudError::from_response(429, body.as_bytes());
        assert_eq!(owned.retry_after_field(), want, "{body}");
    }
}
