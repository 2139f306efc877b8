//! What a known error carries beyond its declared fields.

use error_catalog::problem::Problem;
use error_catalog::FromResponse;
use error_catalog_services::aironclaw::AironclawError;
use error_catalog_services::customer_verification::CustomerVerificationError as CvError;
use error_catalog_services::kya::KyaError;
use error_catalog_services::moca_air::MocaAirError;
use error_catalog_services::rakomi::RakomiError;
use serde_json::{json, Value};

use crate::support::Fallback;

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
