//! Bodies that are not a JSON object, and a status-identified service that
//! classifies by status whatever the body.

use error_catalog::{ApiError, FromResponse, RetryAdvice, RetryRule};
use error_catalog_services::aironclaw::AironclawError;
use error_catalog_services::customer_verification::CustomerVerificationError as CvError;
use error_catalog_services::kya::KyaError;
use error_catalog_services::moca_air::MocaAirError;
use error_catalog_services::rakomi::RakomiError;

use crate::support::{fell_back_whole, not_json, Fallback, HTML_502};

#[test]
fn html_502_page() {
    for_all_enums!(not_json, 502, HTML_502);
    let e = KyaError::from_response(502, HTML_502);
    assert_eq!(e.retry_rule(), RetryRule::Backoff, "5xx fallback backs off");
    assert_eq!(e.retry(), RetryAdvice::Backoff);
}

#[test]
fn empty_body() {
    for_all_enums!(not_json, 502, b"");
    // 404 is one of Moca's statuses; the other four need a body to identify an error.
    not_json::<KyaError>("kya 404", 404, b"");
    not_json::<RakomiError>("rakomi 404", 404, b"");
    not_json::<AironclawError>("aironclaw 404", 404, b"");
    not_json::<CvError>("customer_verification 404", 404, b"");
}

#[test]
fn whitespace_only_body() {
    for_all_enums!(not_json, 502, b" \r\n\t ");
}

#[test]
fn truncated_json() {
    let body: &[u8] = br#"{"error": {"code": "RATE_LIMIT_EXCEEDED", "message": "Too many req"#;
    for_all_enums!(not_json, 502, body);
    not_json::<CvError>("customer_verification 429 truncated", 429, body);
    let body: &[u8] = br#"{"error": "Rate limit exceeded for agent tier", "errorType": "RATE_LIMITED", "details": {"tier": 1,"#;
    not_json::<KyaError>("kya 429 truncated", 429, body);
}

#[test]
fn trailing_garbage() {
    let body: &[u8] = br#"{"code": "token/expired", "message": "Token has expired"} trailing"#;
    not_json::<RakomiError>("rakomi trailing garbage", 401, body);
}

#[test]
fn json_array_string_number_null_bool() {
    for body in [
        &b"[1, 2, 3]"[..],
        b"[]",
        br#""Internal Server Error""#,
        b"42",
        b"-1.5e3",
        b"null",
        b"true",
    ] {
        for_all_enums!(not_json, 502, body);
        not_json::<KyaError>("kya 400", 400, body);
        not_json::<CvError>("customer_verification 500", 500, body);
        not_json::<RakomiError>("rakomi 401", 401, body);
        not_json::<AironclawError>("aironclaw 400", 400, body);
    }
}

#[test]
fn invalid_utf8_and_nul_bytes() {
    let body: &[u8] = b"\xff\xfe{\"error\": \"x\"}\x00";
    for_all_enums!(not_json, 502, body);
    let body: &[u8] = b"{\"errorType\": \"INTERNAL_ERROR\", \"error\": \"\xff\"}";
    not_json::<KyaError>("kya invalid UTF-8 in a string", 500, body);
}

#[test]
fn deeply_nested_bodies_do_not_overflow() {
    let mut deep = b"{\"errorType\": \"INTERNAL_ERROR\", \"x\": ".to_vec();
    deep.extend(std::iter::repeat_n(b'[', 100_000));
    deep.extend(std::iter::repeat_n(b']', 100_000));
    deep.push(b'}');
    let e = KyaError::from_response(500, &deep);
    if let Some(u) = e.unknown() {
        assert_eq!(u.body(), &deep[..], "deep array: body kept");
    }
    let mut deep = Vec::new();
    for _ in 0..100_000 {
        deep.extend_from_slice(b"{\"a\":");
    }
    deep.push(b'1');
    deep.extend(std::iter::repeat_n(b'}', 100_000));
    // Valid JSON, only deep: whether it is read or refused, it falls back whole.
    for_all_enums!(fell_back_whole, 502, &deep[..]);
}

#[test]
fn bom_before_json() {
    let body: &[u8] = b"\xef\xbb\xbf{\"errorType\": \"INTERNAL_ERROR\", \"error\": \"x\"}";
    let e = KyaError::from_response(500, body);
    // Either reading through the BOM or falling back is fine; losing bytes is not.
    if let Some(u) = e.unknown() {
        assert_eq!(u.body(), body);
    }
}

// ---------------------------------------------------------------------------
// A status-identified service classifies by status whatever the body
// ---------------------------------------------------------------------------

/// FORMAT.md, `status-only`: "anything; the status identifies".
#[test]
fn status_only_classifies_a_non_json_body_by_status() {
    let e = MocaAirError::from_response(500, HTML_502);
    assert!(
        matches!(e, MocaAirError::ServerError { .. }),
        "Moca 500 with an HTML page: {e:?}"
    );
    assert_eq!(e.status(), Some(500));
    assert_eq!(e.retry(), RetryAdvice::Backoff);
    let e = MocaAirError::from_response(429, b"");
    assert!(
        matches!(e, MocaAirError::RateLimited { .. }),
        "Moca 429 with an empty body: {e:?}"
    );
    let e = MocaAirError::from_response(400, b"Bad Request");
    assert!(
        matches!(e, MocaAirError::InvalidRequestFields { .. }),
        "Moca 400 with a text body: {e:?}"
    );
    // A status the catalog does not list still falls back, body kept.
    not_json::<MocaAirError>("moca_air 418 text", 418, b"I'm a teapot");
}
