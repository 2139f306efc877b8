//! The `http` integration: status codes, header parsing from a `HeaderMap`, full
//! responses built from errors and read back, retry decisions.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use error_catalog::headers::RateLimit;
use error_catalog::http::{self as ah, HttpExt, Received};
use error_catalog::{
    ApiError, FromResponse, ResponseHeaders, RetryAdvice, RetryAfter, RetryPolicy, UnknownError,
};
use error_catalog_services::customer_verification::CustomerVerificationError as Cv;
use error_catalog_services::kya::KyaError;
use http::header::{HeaderMap, HeaderValue};
use http::StatusCode;

fn kya_rate_limited(retry_after: u64) -> KyaError {
    KyaError::RateLimited {
        agent_id: "42".into(),
        tier: 1,
        limit: 1,
        retry_after,
        timestamp: Some(1_707_408_000_000),
        extra: Default::default(),
    }
}

fn samples() -> Vec<KyaError> {
    vec![
        kya_rate_limited(45),
        KyaError::AgentNotFound {
            agent_id: "9999".into(),
            timestamp: None,
            extra: Default::default(),
        },
        KyaError::RpcError {
            rpc_url: "https://rpc.kyachain.xyz".into(),
            method: "eth_call".into(),
            timestamp: Some(1),
            extra: Default::default(),
        },
        KyaError::ValidationError {
            field: "agentId".into(),
            received: serde_json::json!(42),
            timestamp: None,
            extra: Default::default(),
        },
        KyaError::InternalError {
            timestamp: None,
            extra: Default::default(),
        },
    ]
}

#[test]
fn status_codes() {
    assert_eq!(
        kya_rate_limited(1).status_code(),
        Some(StatusCode::TOO_MANY_REQUESTS)
    );
    let no_status = Cv::WebhookDeliveryFailed {
        details: None,
        field: None,
        extra: Default::default(),
    };
    assert_eq!(no_status.status(), None);
    assert_eq!(ah::status_code(&no_status), None);
    assert_eq!(
        no_status.to_response().status(),
        StatusCode::INTERNAL_SERVER_ERROR
    );
    // A fallback keeps whatever status it was received with, valid or not.
    let odd = KyaError::Unknown(UnknownError::new(Some(42), b""));
    assert_eq!(odd.status_code(), None);
    let teapot = KyaError::Unknown(UnknownError::new(Some(418), b""));
    assert_eq!(teapot.status_code(), Some(StatusCode::IM_A_TEAPOT));
}

#[test]
fn headers_from_header_map() {
    let mut map = HeaderMap::new();
    map.append(
        "Retry-After",
        HeaderValue::from_static("Sun, 06 Nov 1994 08:49:37 GMT"),
    );
    map.append("Retry-After", HeaderValue::from_static("5"));
    map.insert("X-RateLimit-Limit", HeaderValue::from_static("300"));
    map.insert("x-ratelimit-remaining", HeaderValue::from_static("0"));
    map.insert("X-RateLimit-Reset", HeaderValue::from_static("1699900060"));
    // Not visible ASCII: ignored, never a panic.
    map.insert(
        "X-Request-Id",
        HeaderValue::from_bytes(b"caf\xc3\xa9").unwrap(),
    );
    let h = ah::headers_from(&map);
    let nov_1994 = UNIX_EPOCH + Duration::from_secs(784_111_777);
    assert_eq!(h.retry_after, Some(RetryAfter::Date(nov_1994)));
    assert_eq!(
        h.rate_limit,
        RateLimit {
            limit: Some(300),
            remaining: Some(0),
            reset: Some(1_699_900_060),
        }
    );
    assert_eq!(h.request_id, None);
    assert_eq!(
        ah::headers_from(&HeaderMap::new()),
        ResponseHeaders::default()
    );
}

#[test]
fn responses_round_trip() {
    for err in samples() {
        let response = err.to_response();
        assert_eq!(Some(response.status()), err.status_code(), "{err:?}");
        assert_eq!(response.headers()["content-type"], "application/json");
        let back = ah::from_response::<KyaError, _>(&response);
        assert_eq!(back.error, err);
        assert_eq!(back.headers, err.carried_headers());

        let problem = err.to_problem_response();
        assert_eq!(problem.status(), response.status());
        assert_eq!(
            problem.headers()["content-type"],
            "application/problem+json"
        );
        let back = ah::from_response::<KyaError, _>(&problem);
        assert_eq!(back.error.code(), err.code());
        assert_eq!(back.error.to_string(), err.to_string());
        assert_eq!(back.error.details(), err.details());
    }
}

#[test]
fn retry_and_rate_limit_headers_where_carried() {
    let response = kya_rate_limited(45).to_response();
    let h = response.headers();
    assert_eq!(h["retry-after"], "45");
    assert_eq!(h["x-ratelimit-limit"], "1");
    assert_eq!(h["x-ratelimit-remaining"], "0");
    assert!(h.get("x-ratelimit-reset").is_none());

    // A wait field but no limit field: Retry-After only.
    let body = br#"{"error": {"code": "RATE_LIMIT_EXCEEDED", "message": "Too many requests", "retryAfter": 60}}"#;
    let err = Cv::from_response(429, body);
    assert!(matches!(
        err,
        Cv::RateLimitExceeded {
            retry_after: 60,
            ..
        }
    ));
    let response = ah::to_response(&err);
    assert_eq!(response.headers()["retry-after"], "60");
    assert!(response.headers().get("x-ratelimit-limit").is_none());

    // Rules without a wait, and errors retrying cannot fix: nothing.
    for err in samples().into_iter().skip(1) {
        let response = err.to_response();
        assert!(response.headers().get("retry-after").is_none(), "{err:?}");
        assert!(response.headers().get("x-ratelimit-limit").is_none());
    }
}

#[test]
fn fallback_is_sent_back_as_received() {
    let body = br#"{"error": "slow down", "errorType": "SOMETHING_NEW", "details": {"limit": 5}}"#;
    let err = KyaError::from_response(429, body);
    assert!(matches!(err, KyaError::Unknown(_)));
    let response = err.to_response();
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(response.body().as_slice(), body.as_slice());
    assert!(response.headers().get("retry-after").is_none());
    assert!(response.headers().get("x-ratelimit-limit").is_none());
    assert_eq!(err.carried_headers(), ResponseHeaders::default());
}

#[test]
fn write_headers_round_trips() {
    let headers = ResponseHeaders {
        retry_after: Some(RetryAfter::Date(
            UNIX_EPOCH + Duration::from_secs(1_699_900_060),
        )),
        rate_limit: RateLimit {
            limit: Some(16),
            remaining: Some(12),
            reset: Some(1_699_900_060),
        },
        request_id: Some("req_abc123xyz".into()),
        should_retry: Some(false),
        kept: Default::default(),
    };
    let mut map = HeaderMap::new();
    ah::write_headers(&headers, &mut map);
    assert_eq!(map["retry-after"], "Mon, 13 Nov 2023 18:27:40 GMT");
    assert_eq!(ah::headers_from(&map), headers);
    // A request id that cannot be a header value is left out.
    let bad = ResponseHeaders {
        request_id: Some("line\nbreak".into()),
        ..ResponseHeaders::default()
    };
    let mut map = HeaderMap::new();
    ah::write_headers(&bad, &mut map);
    assert!(map.is_empty());
}

#[test]
fn received_retry_advice_uses_its_headers() {
    let mut headers = HeaderMap::new();
    headers.insert("retry-after", HeaderValue::from_static("7"));
    headers.insert("x-request-id", HeaderValue::from_static("req-1"));
    let body = serde_json::to_vec(&kya_rate_limited(45)).unwrap();
    let r = ah::read::<KyaError>(StatusCode::TOO_MANY_REQUESTS, &headers, &body);
    // The header wins over the body's field.
    assert_eq!(r.retry(), RetryAdvice::After(Duration::from_secs(7)));
    assert_eq!(r.request_id(), Some("req-1"));
    assert_eq!(r.to_string(), "Rate limit exceeded for agent tier");

    // A date is relative to when the response was received.
    let received_at = SystemTime::now();
    let r = Received {
        error: kya_rate_limited(45),
        headers: ResponseHeaders {
            retry_after: Some(RetryAfter::Date(received_at + Duration::from_secs(30))),
            ..ResponseHeaders::default()
        },
        received_at,
    };
    assert_eq!(r.retry(), RetryAdvice::After(Duration::from_secs(30)));
}

#[test]
fn backoff_follows_the_catalog() {
    let policy = RetryPolicy {
        seed: Some(3),
        ..RetryPolicy::default()
    };
    let none = ResponseHeaders::default;
    let received = |e: KyaError| Received::new(e, none());

    let mut b = policy.start();
    let limited = received(kya_rate_limited(2));
    assert_eq!(b.next_delay(&limited), Some(Duration::from_secs(2)));

    for err in &samples()[1..] {
        let delay = policy.start().next_delay(&received(err.clone()));
        match err {
            KyaError::AgentNotFound { .. } | KyaError::ValidationError { .. } => {
                assert_eq!(delay, None, "{err:?}")
            }
            _ => assert!(delay.is_some(), "{err:?}"),
        }
    }

    // Unknown errors: back off on 5xx, stop on 4xx.
    let mut b = policy.start();
    let bad_gateway = received(KyaError::from_response(502, b"<html>Bad Gateway</html>"));
    let wait = b.next_delay(&bad_gateway);
    assert!(
        wait.is_some_and(|w| w >= Duration::from_millis(125) && w <= Duration::from_millis(250))
    );
    let teapot = received(KyaError::from_response(418, b""));
    assert_eq!(b.next_delay(&teapot), None);

    // The same seed, the same waits.
    let waits = |seed| {
        let mut b = RetryPolicy {
            seed: Some(seed),
            max_attempts: 10,
            ..RetryPolicy::default()
        }
        .start();
        (0..9)
            .map(|_| b.next(error_catalog::RetryRule::Backoff, RetryAdvice::Backoff))
            .collect::<Vec<_>>()
    };
    assert_eq!(waits(11), waits(11));
    assert_ne!(waits(11), waits(12));
    assert!(waits(11)
        .iter()
        .all(|w| w.is_some_and(|w| w <= Duration::from_secs(10))));
}

#[test]
fn problem_json_is_negotiated() {
    let mut request = HeaderMap::new();
    assert!(!ah::accepts_problem_json(&request));
    request.insert(
        "accept",
        HeaderValue::from_static("application/json;q=0.9, application/problem+json"),
    );
    assert!(ah::accepts_problem_json(&request));
    let response = ah::to_problem_response(&kya_rate_limited(3));
    assert!(ah::is_problem_json(response.headers()));
    assert_eq!(response.headers()["retry-after"], "3");
}
