//! Whatever a catalog does not describe lands in the fallback with the body kept
//! byte for byte, and the code and message kept when they were found; what a known
//! error carries beyond its declared fields stays reachable and is written back.

use std::fmt::Debug;
use std::time::{Duration, SystemTime};

use error_catalog::problem::Problem;
use error_catalog::{
    ApiError, FromResponse, ResponseHeaders, RetryAdvice, RetryRule, UnknownError,
};
use error_catalog_services::aironclaw::AironclawError;
use error_catalog_services::customer_verification::CustomerVerificationError as CvError;
use error_catalog_services::kya::KyaError;
use error_catalog_services::moca_air::MocaAirError;
use error_catalog_services::rakomi::RakomiError;
use serde_json::{json, Value};

/// Serialization and access to the fallback variant, for all five enums.
trait Fallback: ApiError + FromResponse + Debug + Sized {
    fn to_json(&self) -> Value;
    fn unknown(&self) -> Option<&UnknownError>;
}

macro_rules! fallback {
    ($($t:ty),*) => {$(
        impl Fallback for $t {
            fn to_json(&self) -> Value {
                serde_json::to_value(self).expect("serializing")
            }
            fn unknown(&self) -> Option<&UnknownError> {
                match self {
                    Self::Unknown(u) => Some(u),
                    _ => None,
                }
            }
        }
    )*};
}
fallback!(MocaAirError, KyaError, RakomiError, AironclawError, CvError);

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Parses and insists on the fallback, with the status and the exact body kept.
fn fell_back<E: Fallback>(what: &str, status: u16, body: &[u8]) -> (E, UnknownError) {
    let e = E::from_response(status, body);
    let u = e
        .unknown()
        .unwrap_or_else(|| panic!("{what}: {:?} classified as {e:?}", text(body)))
        .clone();
    assert!(!e.is_known(), "{what}: is_known");
    assert!(e.info().is_none(), "{what}: info");
    assert_eq!(u.status(), Some(status), "{what}: status");
    assert_eq!(e.status(), Some(status), "{what}: ApiError::status");
    assert_eq!(u.body(), body, "{what}: body kept byte for byte");
    assert!(u.reason().is_some(), "{what}: a reason is given");
    assert_eq!(e.code(), u.code().unwrap_or(""), "{what}: ApiError::code");
    assert!(e.suggestion().is_none() && e.fix_command().is_none() && e.docs_url().is_none());
    assert!(e.details().is_empty(), "{what}: details");
    (e, u)
}

/// A fallback whose body is not JSON: no code, no message, and it serializes as
/// the body text.
fn not_json<E: Fallback>(what: &str, status: u16, body: &[u8]) {
    let (e, u) = fell_back::<E>(what, status, body);
    assert_eq!(u.code(), None, "{what}: code");
    assert_eq!(u.message(), None, "{what}: message");
    assert!(
        u.reason().unwrap().starts_with("body is not a JSON object"),
        "{what}: reason {:?}",
        u.reason()
    );
    assert_eq!(
        e.to_string(),
        format!("unrecognised error response (HTTP {status})"),
        "{what}: Display"
    );
    match serde_json::from_slice::<Value>(body) {
        // A JSON value that is not an object: written back as it came.
        Ok(v) => assert_eq!(e.to_json(), v, "{what}: serialization"),
        Err(_) => assert_eq!(e.to_json(), json!(text(body)), "{what}: serialization"),
    }
}

fn fell_back_whole<E: Fallback>(what: &str, status: u16, body: &[u8]) {
    fell_back::<E>(what, status, body);
}

macro_rules! for_all_enums {
    ($f:ident, $($arg:expr),*) => {
        $f::<MocaAirError>(concat!("moca_air ", stringify!($($arg),*)), $($arg),*);
        $f::<KyaError>(concat!("kya ", stringify!($($arg),*)), $($arg),*);
        $f::<RakomiError>(concat!("rakomi ", stringify!($($arg),*)), $($arg),*);
        $f::<AironclawError>(concat!("aironclaw ", stringify!($($arg),*)), $($arg),*);
        $f::<CvError>(concat!("customer_verification ", stringify!($($arg),*)), $($arg),*);
    };
}

const HTML_502: &[u8] = b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

// ---------------------------------------------------------------------------
// Bodies that are not a JSON object
// ---------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------
// JSON objects that are not a known error
// ---------------------------------------------------------------------------

/// Falls back with the code and message the body carried.
fn found<E: Fallback>(
    what: &str,
    status: u16,
    body: &[u8],
    code: Option<&str>,
    message: Option<&str>,
) -> UnknownError {
    let (e, u) = fell_back::<E>(what, status, body);
    assert_eq!(u.code(), code, "{what}: code kept");
    assert_eq!(u.message(), message, "{what}: message kept");
    let display = match (message, code) {
        (Some(m), _) => m.to_string(),
        (None, Some(c)) => format!("unrecognised error `{c}`"),
        (None, None) => format!("unrecognised error response (HTTP {status})"),
    };
    assert_eq!(e.to_string(), display, "{what}: Display");
    let v: Value = serde_json::from_slice(body).expect("a JSON body");
    assert_eq!(e.to_json(), v, "{what}: serializes to the body received");
    u
}

#[test]
fn unknown_code() {
    let u = found::<KyaError>(
        "kya unknown errorType",
        418,
        br#"{"error": "Agent is on a coffee break", "errorType": "COFFEE_BREAK", "details": {"agentId": "42"}, "timestamp": 1707408000000}"#,
        Some("COFFEE_BREAK"),
        Some("Agent is on a coffee break"),
    );
    assert!(
        u.reason().unwrap().contains("COFFEE_BREAK"),
        "reason names the code: {:?}",
        u.reason()
    );
    found::<CvError>(
        "customer_verification unknown code",
        400,
        br#"{"error": {"code": "CUSTOMER_ON_HOLD", "message": "Customer is on hold", "details": "x"}}"#,
        Some("CUSTOMER_ON_HOLD"),
        Some("Customer is on hold"),
    );
    found::<RakomiError>(
        "rakomi unknown code",
        400,
        br#"{"code": "token/revoked", "message": "Token was revoked", "suggestion": "Log in again"}"#,
        Some("token/revoked"),
        Some("Token was revoked"),
    );
    // A code alone, no message.
    found::<RakomiError>(
        "rakomi code only",
        400,
        br#"{"code": "token/revoked"}"#,
        Some("token/revoked"),
        None,
    );
    // The right code in the wrong place is not a code.
    found::<CvError>(
        "customer_verification flat code",
        429,
        br#"{"code": "RATE_LIMIT_EXCEEDED", "message": "Too many requests"}"#,
        None,
        None,
    );
    // A code of the wrong type is not a code.
    found::<KyaError>(
        "kya numeric errorType",
        404,
        br#"{"error": "Agent not found", "errorType": 404}"#,
        None,
        Some("Agent not found"),
    );
    // Codes are case-sensitive.
    found::<KyaError>(
        "kya lower-case code",
        429,
        br#"{"error": "x", "errorType": "rate_limited"}"#,
        Some("rate_limited"),
        Some("x"),
    );
}

#[test]
fn unknown_message_and_unknown_status() {
    found::<AironclawError>(
        "aironclaw unlisted message",
        400,
        br#"{"error": "Something nobody documented"}"#,
        None,
        Some("Something nobody documented"),
    );
    // A listed message under a status it is not listed for.
    found::<AironclawError>(
        "aironclaw message under the wrong status",
        404,
        br#"{"error": "Invalid JSON body"}"#,
        None,
        Some("Invalid JSON body"),
    );
    // A template whose integer placeholder holds text.
    found::<AironclawError>(
        "aironclaw tools[x]",
        400,
        br#"{"error": "tools[x] not found on this MCP server"}"#,
        None,
        Some("tools[x] not found on this MCP server"),
    );
    found::<AironclawError>("aironclaw {} under 400", 400, br#"{}"#, None, None);
    found::<MocaAirError>(
        "moca_air unlisted status",
        418,
        br#"{"message": "I'm a teapot"}"#,
        None,
        Some("I'm a teapot"),
    );
}

#[test]
fn fallback_retry_rules() {
    let body: &[u8] = br#"{"error": "slow down", "errorType": "SLOW_DOWN"}"#;
    let e = KyaError::from_response(429, body);
    assert!(!e.is_known());
    assert_eq!(e.retry_rule(), RetryRule::After, "429 fallback");
    let h = ResponseHeaders::from_lines("Retry-After: 7");
    assert_eq!(
        e.retry_with(&h, SystemTime::now()),
        RetryAdvice::After(Duration::from_secs(7))
    );
    assert_eq!(
        e.retry(),
        RetryAdvice::Backoff,
        "429 fallback without headers"
    );
    let e = CvError::from_response(503, HTML_502);
    assert_eq!(e.retry_rule(), RetryRule::Backoff, "503 fallback");
    let e = RakomiError::from_response(404, br#"{"code": "nope"}"#);
    assert_eq!(e.retry_rule(), RetryRule::Never, "404 fallback");
    assert_eq!(e.retry_with(&h, SystemTime::now()), RetryAdvice::Never);
}

#[test]
fn fallback_as_problem_json() {
    let e = KyaError::from_response(418, br#"{"error": "Brewing", "errorType": "TEAPOT"}"#);
    let p = serde_json::to_value(Problem(&e)).unwrap();
    assert_eq!(p["type"], "about:blank");
    assert_eq!(p["title"], "TEAPOT");
    assert_eq!(p["status"], 418);
    assert_eq!(p["detail"], "Brewing");
    assert_eq!(p["code"], "TEAPOT");
    let e = KyaError::from_response(502, HTML_502);
    let p = serde_json::to_value(Problem(&e)).unwrap();
    assert_eq!(
        p,
        json!({ "type": "about:blank", "status": 502, "detail": "unrecognised error response (HTTP 502)" })
    );
    // Garbage given as problem+json falls back too.
    let (e, _) = (KyaError::from_problem_json(502, HTML_502), ());
    let u = e.unknown().expect("problem+json garbage falls back");
    assert_eq!(u.body(), HTML_502);
    assert_eq!(u.status(), Some(502));
}

#[test]
fn deserialize_falls_back_on_json_that_is_not_a_known_error() {
    let d: KyaError = serde_json::from_str("[1, 2]").expect("any JSON deserializes");
    let u = d.unknown().expect("fallback");
    assert_eq!(u.status(), None);
    let d: CvError =
        serde_json::from_str(r#"{"error": {"code": "NOPE", "message": "m"}}"#).unwrap();
    let u = d.unknown().expect("fallback");
    assert_eq!((u.code(), u.message()), (Some("NOPE"), Some("m")));
    assert!(
        serde_json::from_str::<KyaError>("<html>").is_err(),
        "not JSON at all"
    );
}

// ---------------------------------------------------------------------------
// Known codes whose details are wrong or missing
// ---------------------------------------------------------------------------

/// A known code whose fields cannot be read: the fallback, with the code, the
/// message and a reason naming the field.
fn bad_fields<E: Fallback>(
    what: &str,
    status: u16,
    body: &[u8],
    code: &str,
    message: Option<&str>,
    field: &str,
) {
    let u = found::<E>(what, status, body, Some(code), message);
    let reason = u.reason().unwrap_or_default();
    assert!(
        reason.contains(field),
        "{what}: reason {reason:?} names `{field}`"
    );
}

#[test]
fn wrong_types_in_details() {
    bad_fields::<KyaError>(
        "kya tier as text",
        429,
        br#"{"error": "Rate limit exceeded for agent tier", "errorType": "RATE_LIMITED", "details": {"agentId": "42", "tier": "one", "limit": 1, "retryAfter": 45}, "timestamp": 1707408000000}"#,
        "RATE_LIMITED",
        Some("Rate limit exceeded for agent tier"),
        "tier",
    );
    bad_fields::<KyaError>(
        "kya tier out of range for u8",
        429,
        br#"{"error": "Rate limit exceeded for agent tier", "errorType": "RATE_LIMITED", "details": {"agentId": "42", "tier": 256, "limit": 1, "retryAfter": 45}}"#,
        "RATE_LIMITED",
        Some("Rate limit exceeded for agent tier"),
        "tier",
    );
    bad_fields::<KyaError>(
        "kya negative retryAfter",
        429,
        br#"{"error": "Rate limit exceeded for agent tier", "errorType": "RATE_LIMITED", "details": {"agentId": "42", "tier": 1, "limit": 1, "retryAfter": -45}}"#,
        "RATE_LIMITED",
        Some("Rate limit exceeded for agent tier"),
        "retryAfter",
    );
    bad_fields::<KyaError>(
        "kya agentId as a number",
        404,
        br#"{"error": "Agent ID 9999 not found in IdentityRegistry", "errorType": "AGENT_NOT_FOUND", "details": {"agentId": 9999}}"#,
        "AGENT_NOT_FOUND",
        Some("Agent ID 9999 not found in IdentityRegistry"),
        "agentId",
    );
    bad_fields::<KyaError>(
        "kya timestamp as text (optional field)",
        500,
        br#"{"error": "An unexpected error occurred", "errorType": "INTERNAL_ERROR", "timestamp": "yesterday"}"#,
        "INTERNAL_ERROR",
        Some("An unexpected error occurred"),
        "timestamp",
    );
    bad_fields::<CvError>(
        "customer_verification retryAfter as text",
        429,
        br#"{"error": {"code": "RATE_LIMIT_EXCEEDED", "message": "Too many requests", "retryAfter": "60"}}"#,
        "RATE_LIMIT_EXCEEDED",
        Some("Too many requests"),
        "retryAfter",
    );
    bad_fields::<CvError>(
        "customer_verification details as an object (optional field)",
        400,
        br#"{"error": {"code": "VALIDATION_ERROR", "message": "Invalid request parameters", "details": {"email": "required"}}}"#,
        "VALIDATION_ERROR",
        Some("Invalid request parameters"),
        "details",
    );
}

#[test]
fn details_that_are_not_an_object() {
    bad_fields::<KyaError>(
        "kya details as text",
        404,
        br#"{"error": "Agent ID 1 not found in IdentityRegistry", "errorType": "AGENT_NOT_FOUND", "details": "agent 1"}"#,
        "AGENT_NOT_FOUND",
        Some("Agent ID 1 not found in IdentityRegistry"),
        "agentId",
    );
    bad_fields::<KyaError>(
        "kya details as an array",
        409,
        br#"{"error": "x", "errorType": "KEY_ALREADY_EXISTS", "details": ["42"]}"#,
        "KEY_ALREADY_EXISTS",
        Some("x"),
        "agentId",
    );
}

#[test]
fn required_detail_missing() {
    bad_fields::<KyaError>(
        "kya RATE_LIMITED without retryAfter",
        429,
        br#"{"error": "Rate limit exceeded for agent tier", "errorType": "RATE_LIMITED", "details": {"agentId": "42", "tier": 1, "limit": 1}}"#,
        "RATE_LIMITED",
        Some("Rate limit exceeded for agent tier"),
        "retryAfter",
    );
    bad_fields::<KyaError>(
        "kya AGENT_NOT_FOUND without details",
        404,
        br#"{"errorType": "AGENT_NOT_FOUND"}"#,
        "AGENT_NOT_FOUND",
        None,
        "agentId",
    );
    bad_fields::<CvError>(
        "customer_verification RATE_LIMIT_EXCEEDED without retryAfter",
        429,
        br#"{"error": {"code": "RATE_LIMIT_EXCEEDED", "message": "Too many requests", "details": "Rate limit exceeded. Retry after 60 seconds"}}"#,
        "RATE_LIMIT_EXCEEDED",
        Some("Too many requests"),
        "retryAfter",
    );
    bad_fields::<KyaError>(
        "kya required field null",
        429,
        br#"{"error": "Rate limit exceeded for agent tier", "errorType": "RATE_LIMITED", "details": {"agentId": "42", "tier": null, "limit": 1, "retryAfter": 45}}"#,
        "RATE_LIMITED",
        Some("Rate limit exceeded for agent tier"),
        "tier",
    );
}

#[test]
fn null_for_an_optional_field() {
    let e = KyaError::from_response(
        429,
        br#"{"error": "Rate limit exceeded for agent tier", "errorType": "RATE_LIMITED", "details": {"agentId": "42", "tier": 1, "limit": 1, "retryAfter": 45}, "timestamp": null}"#,
    );
    assert!(
        matches!(&e, KyaError::RateLimited { agent_id, tier: 1, limit: 1, retry_after: 45, timestamp: None, extra }
            if agent_id == "42" && extra.is_empty()),
        "kya timestamp null: {e:?}"
    );
    let e = CvError::from_response(
        400,
        br#"{"error": {"code": "VALIDATION_ERROR", "message": "Invalid request parameters", "details": null, "field": null}}"#,
    );
    assert!(
        matches!(&e, CvError::ValidationError { details: None, field: None, extra } if extra.is_empty()),
        "customer_verification details/field null: {e:?}"
    );
}

#[test]
fn only_optional_details_missing_stays_typed() {
    let e = CvError::from_response(400, br#"{"error": {"code": "VALIDATION_ERROR"}}"#);
    assert!(
        matches!(&e, CvError::ValidationError { details: None, field: None, extra } if extra.is_empty()),
        "customer_verification code only: {e:?}"
    );
    assert_eq!(
        e.to_string(),
        "Invalid request parameters",
        "template message"
    );
    assert_eq!(
        e.to_json(),
        json!({ "error": { "code": "VALIDATION_ERROR", "message": "Invalid request parameters" } })
    );
    let e = KyaError::from_response(
        500,
        br#"{"error": "An unexpected error occurred", "errorType": "INTERNAL_ERROR"}"#,
    );
    assert!(
        matches!(&e, KyaError::InternalError { timestamp: None, extra } if extra.is_empty()),
        "kya INTERNAL_ERROR without timestamp: {e:?}"
    );
    let e = CvError::from_response(
        429,
        br#"{"error": {"code": "RATE_LIMIT_EXCEEDED", "retryAfter": 60}}"#,
    );
    assert!(
        matches!(
            &e,
            CvError::RateLimitExceeded {
                retry_after: 60,
                details: None,
                field: None,
                ..
            }
        ),
        "customer_verification retryAfter only: {e:?}"
    );
    assert_eq!(e.retry(), RetryAdvice::After(Duration::from_secs(60)));
}

// ---------------------------------------------------------------------------
// What a known error carries beyond its declared fields
// ---------------------------------------------------------------------------

fn raw(e: &error_catalog::Extra, pointer: &str) -> Option<String> {
    e.get(pointer).map(|r| r.get().to_string())
}

#[test]
fn unknown_members_stay_reachable_and_are_written_back() {
    let body = br#"{"error": "Rate limit exceeded for agent tier", "errorType": "RATE_LIMITED", "details": {"agentId": "42", "tier": 1, "limit": 1, "retryAfter": 45, "x": [1, {"y": null}], "a/b~c": true}, "timestamp": 1707408000000, "requestId": "req_1", "meta": {"region": "eu", "n": 2}}"#;
    let e = KyaError::from_response(429, body);
    let KyaError::RateLimited { extra, tier, .. } = &e else {
        panic!("kya with extras: {e:?}")
    };
    assert_eq!(*tier, 1);
    assert_eq!(
        raw(extra, "/details/x").as_deref(),
        Some(r#"[1, {"y": null}]"#)
    );
    assert_eq!(raw(extra, "/details/a~1b~0c").as_deref(), Some("true"));
    assert_eq!(raw(extra, "/requestId").as_deref(), Some(r#""req_1""#));
    assert_eq!(
        raw(extra, "/meta").as_deref(),
        Some(r#"{"region": "eu", "n": 2}"#)
    );
    assert!(
        extra.get("/details/tier").is_none(),
        "declared fields are not extras"
    );
    assert_eq!(extra.message(), None);
    assert_eq!(extra.members().count(), 4);
    assert_eq!(
        e.to_json(),
        serde_json::from_slice::<Value>(body).unwrap(),
        "written back"
    );

    let body = br#"{"error": {"code": "VALIDATION_ERROR", "message": "Invalid request parameters", "field": "email", "x": {"min": 3}}, "requestId": "req_abc123xyz"}"#;
    let e = CvError::from_response(400, body);
    let CvError::ValidationError { extra, field, .. } = &e else {
        panic!("customer_verification with extras: {e:?}")
    };
    assert_eq!(field.as_deref(), Some("email"));
    assert_eq!(raw(extra, "/error/x").as_deref(), Some(r#"{"min": 3}"#));
    assert_eq!(
        raw(extra, "/requestId").as_deref(),
        Some(r#""req_abc123xyz""#)
    );
    assert_eq!(
        e.to_json(),
        serde_json::from_slice::<Value>(body).unwrap(),
        "written back"
    );

    let body = br#"{"message": "Server-side failure", "traceId": "t_1"}"#;
    let e = MocaAirError::from_response(500, body);
    let MocaAirError::ServerError { extra } = &e else {
        panic!("moca with extras: {e:?}")
    };
    assert_eq!(raw(extra, "/traceId").as_deref(), Some(r#""t_1""#));
    assert_eq!(
        e.to_json(),
        serde_json::from_slice::<Value>(body).unwrap(),
        "written back"
    );

    let body = br#"{"error": "MCP limit reached (3/3). Delete an unused MCP first.", "limit": 3}"#;
    let e = AironclawError::from_response(403, body);
    let AironclawError::McpLimitReached { extra, .. } = &e else {
        panic!("aironclaw with extras: {e:?}")
    };
    assert_eq!(raw(extra, "/limit").as_deref(), Some("3"));
    assert_eq!(
        e.to_json(),
        serde_json::from_slice::<Value>(body).unwrap(),
        "written back"
    );
}

/// KYA's INTERNAL_ERROR declares no detail fields, so nothing of `details` is its
/// own: all of it must still be kept and written back.
#[test]
fn members_of_the_fields_object_of_a_variant_without_fields_are_written_back() {
    let body = br#"{"error": "An unexpected error occurred", "errorType": "INTERNAL_ERROR", "details": {"requestId": "r_1"}, "timestamp": 1707408000000}"#;
    let e = KyaError::from_response(500, body);
    let KyaError::InternalError { extra, .. } = &e else {
        panic!("kya INTERNAL_ERROR with details: {e:?}")
    };
    assert_eq!(
        raw(extra, "/details/requestId").as_deref(),
        Some(r#""r_1""#)
    );
    assert_eq!(
        e.to_json(),
        serde_json::from_slice::<Value>(body).unwrap(),
        "written back"
    );

    let body = br#"{"code": "auth/token_expired", "message": "Access token has expired", "details": {"expiredAt": "2025-11-05T10:30:00Z"}}"#;
    let e = RakomiError::from_response(401, body);
    let RakomiError::AuthTokenExpired { extra } = &e else {
        panic!("rakomi with details: {e:?}")
    };
    assert_eq!(
        raw(extra, "/details/expiredAt").as_deref(),
        Some(r#""2025-11-05T10:30:00Z""#)
    );
    let out = e.to_json();
    assert_eq!(
        out["details"],
        json!({ "expiredAt": "2025-11-05T10:30:00Z" }),
        "written back: {out}"
    );
}

#[test]
fn a_received_message_differing_from_the_template_is_kept() {
    let body = br#"{"error": "Agent 9999 is not registered", "errorType": "AGENT_NOT_FOUND", "details": {"agentId": "9999"}, "timestamp": 1707408000000}"#;
    let e = KyaError::from_response(404, body);
    let KyaError::AgentNotFound {
        extra, agent_id, ..
    } = &e
    else {
        panic!("kya other message: {e:?}")
    };
    assert_eq!(agent_id, "9999");
    assert_eq!(extra.message(), Some("Agent 9999 is not registered"));
    assert_eq!(
        e.to_string(),
        "Agent 9999 is not registered",
        "Display shows what was received"
    );
    assert_eq!(
        e.to_json(),
        serde_json::from_slice::<Value>(body).unwrap(),
        "re-serialized"
    );
    let p = serde_json::to_value(Problem(&e)).unwrap();
    assert_eq!(p["detail"], "Agent 9999 is not registered");
    assert_eq!(
        KyaError::from_problem_json(404, p.to_string().as_bytes()),
        e
    );

    let body = br#"{"error": {"code": "RESOURCE_NOT_FOUND", "message": "Transaction not found", "details": "Transaction 'tx_1' does not exist"}}"#;
    let e = CvError::from_response(404, body);
    let CvError::ResourceNotFound { extra, .. } = &e else {
        panic!("customer_verification other message: {e:?}")
    };
    assert_eq!(extra.message(), Some("Transaction not found"));
    assert_eq!(e.to_string(), "Transaction not found");
    assert_eq!(
        e.to_json(),
        serde_json::from_slice::<Value>(body).unwrap(),
        "re-serialized"
    );

    let body = br#"{"code": "auth/invalid_credentials", "message": "Wrong password"}"#;
    let e = RakomiError::from_response(401, body);
    let RakomiError::AuthInvalidCredentials { extra } = &e else {
        panic!("rakomi other message: {e:?}")
    };
    assert_eq!(extra.message(), Some("Wrong password"));
    assert_eq!(e.to_json()["message"], "Wrong password", "re-serialized");

    // The message equal to the rendered template is not kept twice.
    let e = KyaError::from_response(
        404,
        br#"{"error": "Agent ID 9999 not found in IdentityRegistry", "errorType": "AGENT_NOT_FOUND", "details": {"agentId": "9999"}}"#,
    );
    let KyaError::AgentNotFound { extra, .. } = &e else {
        panic!("{e:?}")
    };
    assert_eq!(extra.message(), None);
    assert!(extra.is_empty());
}

/// A message member of the wrong type cannot be the message, but it must not
/// vanish either: either the error falls back (body kept) or the value is kept.
#[test]
fn a_message_of_the_wrong_type_is_not_dropped() {
    let body = br#"{"error": 404, "errorType": "AGENT_NOT_FOUND", "details": {"agentId": "9999"}}"#;
    let e = KyaError::from_response(404, body);
    let kept = match e.unknown() {
        Some(u) => u.body() == body,
        None => e.to_json() == serde_json::from_slice::<Value>(body).unwrap(),
    };
    assert!(
        kept,
        "the `error: 404` member is lost: {e:?} serializes to {}",
        e.to_json()
    );
}
