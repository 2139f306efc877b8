//! Known codes whose details are wrong or missing.

use std::time::Duration;

use error_catalog::{ApiError, FromResponse, RetryAdvice};
use error_catalog_services::customer_verification::CustomerVerificationError as CvError;
use error_catalog_services::kya::KyaError;
use serde_json::json;

use crate::support::{found, Fallback};

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
    bad_fields::<CvError>(
        "customer_verification retryAfter as text",
        429,
        br#"{"error": {"code": "RATE_LIMIT_EXCEEDED", "message": "Too many requests", "retryAfter": "60"}}"#,
        "RATE_LIMIT_EXCEEDED",
        Some("Too many requests"),
        "retryAfter",
    );
}

/// A required field's reason names its place in the body, not a position
/// within the value.
#[test]
fn the_reason_names_the_fields_place() {
    let u = found::<KyaError>(
        "kya tier as text",
        429,
        br#"{"error": "Rate limit exceeded for agent tier", "errorType": "RATE_LIMITED", "details": {"agentId": "42", "tier": "one", "limit": 1, "retryAfter": 45}}"#,
        Some("RATE_LIMITED"),
        Some("Rate limit exceeded for agent tier"),
    );
    assert_eq!(
        u.reason(),
        Some("field `tier`: invalid type: string \"one\", expected u8 (at /details/tier)")
    );
}

/// An optional field whose value is not of its type is `None`: the error
/// keeps its identity, the value is kept in the extra under its JSON pointer
/// with the reason, and serializing the error writes it back.
#[test]
fn optional_fields_of_another_type_keep_the_identity() {
    let body = br#"{"error": "An unexpected error occurred", "errorType": "INTERNAL_ERROR", "timestamp": "yesterday"}"#;
    let e = KyaError::from_response(500, body);
    let KyaError::InternalError {
        timestamp: None,
        extra,
    } = &e
    else {
        panic!("kya timestamp as text: {e:?}")
    };
    assert_eq!(
        extra.get("/timestamp").map(|v| v.get()),
        Some(r#""yesterday""#)
    );
    assert_eq!(
        extra.unread_reason("/timestamp"),
        Some("field `timestamp`: invalid type: string \"yesterday\", expected u64")
    );
    assert_eq!(
        e.to_json(),
        serde_json::from_slice::<serde_json::Value>(body).unwrap()
    );

    let body = br#"{"error": {"code": "VALIDATION_ERROR", "message": "Invalid request parameters", "details": {"email": "required"}, "field": 7}}"#;
    let e = CvError::from_response(400, body);
    let CvError::ValidationError {
        details: None,
        field: None,
        extra,
    } = &e
    else {
        panic!("customer_verification details as an object: {e:?}")
    };
    let unread: Vec<&str> = extra.unread().map(|(p, _)| p).collect();
    assert_eq!(unread, ["/error/details", "/error/field"]);
    assert_eq!(
        extra.get("/error/details").map(|v| v.get()),
        Some(r#"{"email": "required"}"#)
    );
    assert_eq!(
        e.to_json(),
        serde_json::from_slice::<serde_json::Value>(body).unwrap()
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
