//! JSON objects that are not a known error.

use std::time::{Duration, SystemTime};

use error_catalog::problem::Problem;
use error_catalog::{ApiError, FromResponse, ResponseHeaders, RetryAdvice, RetryRule};
use error_catalog_services::aironclaw::AironclawError;
use error_catalog_services::customer_verification::CustomerVerificationError as CvError;
use error_catalog_services::kya::KyaError;
use error_catalog_services::moca_air::MocaAirError;
use error_catalog_services::rakomi::RakomiError;
use serde_json::json;

use crate::support::{found, Fallback, HTML_502};

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
