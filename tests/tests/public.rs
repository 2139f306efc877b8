//! Safe serving: `Public(&e)` keeps what must not leave a server out of the body,
//! the problem+json form and Display — internal fields, 5xx details, raw upstream
//! messages, undeclared members and a fallback's upstream body.

use error_catalog::problem::Problem;
use error_catalog::{ApiError, Extra, FromResponse, Public, UnknownError};
use error_catalog_services::{aironclaw::AironclawError, kya::KyaError};

const SECRET: &str = "s3cr3t-10.0.0.7";

#[derive(Debug, ApiError)]
#[api_error(wire = "nested")]
enum Shop {
    #[api_error(code = "DENIED", status = 403, message = "Denied for {user} by {rule}")]
    Denied {
        user: String,
        #[api_error(internal)]
        rule: String,
        #[api_error(extra)]
        extra: Extra,
    },
    #[api_error(
        code = "DB_DOWN",
        status = 503,
        message = "Database unavailable: {reason}"
    )]
    DbDown {
        reason: String,
        #[api_error(extra)]
        extra: Extra,
    },
    #[api_error(unknown)]
    Unknown(UnknownError),
}

/// Everything a client could see of `e` through `Public`.
fn shown<E: ApiError + error_catalog::__private::Render + std::fmt::Debug>(e: &E) -> String {
    let public = Public(e);
    format!(
        "{public}\n{}\n{}",
        serde_json::to_string(&public).unwrap(),
        serde_json::to_string(&Problem(&public)).unwrap()
    )
}

#[test]
fn internal_fields_are_redacted_and_the_rest_kept() {
    let e = Shop::Denied {
        user: "ann".into(),
        rule: SECRET.into(),
        extra: Extra::default(),
    };
    let out = shown(&e);
    assert!(!out.contains(SECRET), "{out}");
    assert!(out.contains("Denied for ann by [redacted]"), "{out}");
    let body: serde_json::Value = serde_json::to_value(Public(&e)).unwrap();
    assert_eq!(body["error"]["user"], "ann");
    assert_eq!(body["error"]["code"], "DENIED");
    // the plain error keeps it all, for logs
    assert!(e.to_string().contains(SECRET));
    assert!(serde_json::to_string(&e).unwrap().contains(SECRET));
}

#[test]
fn details_of_5xx_errors_are_redacted() {
    let e = Shop::DbDown {
        reason: SECRET.into(),
        extra: Extra::default(),
    };
    let out = shown(&e);
    assert!(!out.contains(SECRET), "{out}");
    assert!(out.contains("Database unavailable: [redacted]"), "{out}");
    let problem: serde_json::Value = serde_json::to_value(Problem(&Public(&e))).unwrap();
    assert_eq!(problem["status"], 503);
    assert_eq!(problem["code"], "DB_DOWN");
}

#[test]
fn raw_upstream_messages_and_undeclared_members_are_redacted() {
    let body = format!(
        r#"{{"error": {{"code": "DENIED", "message": "rule {SECRET} matched", "user": "ann", "rule": "r1", "trace": "{SECRET}"}}, "debug": "{SECRET}"}}"#
    );
    let e = Shop::from_response(403, body.as_bytes());
    assert!(matches!(e, Shop::Denied { .. }), "{e:?}");
    assert!(e.to_string().contains(SECRET), "kept for logs");
    let out = shown(&e);
    assert!(!out.contains(SECRET), "{out}");
}

#[test]
fn a_fallback_upstream_body_is_redacted() {
    let e = Shop::from_response(502, format!("<html>{SECRET}</html>").as_bytes());
    assert!(matches!(e, Shop::Unknown(_)));
    let out = shown(&e);
    assert!(!out.contains(SECRET), "{out}");
    let body: serde_json::Value = serde_json::to_value(Public(&e)).unwrap();
    assert_eq!(body["error"]["message"], "unrecognised upstream error");
}

#[test]
fn bundled_5xx_relays_are_redacted() {
    // AIronClaw's 502 relays the upstream error verbatim in its message
    let e = AironclawError::from_response(
        502,
        format!(r#"{{"error": "upstream said {SECRET}"}}"#).as_bytes(),
    );
    assert!(e.is_known(), "{e:?}");
    assert!(!shown(&e).contains(SECRET));
    // KYA's RELAY_FAILED carries a reason and a transaction hash
    let e = KyaError::from_response(
        500,
        format!(r#"{{"error": "Failed to relay feedback transaction on-chain", "errorType": "RELAY_FAILED", "details": {{"agentId": "42", "reason": "{SECRET}", "txHash": "0x1"}}}}"#).as_bytes(),
    );
    assert!(e.is_known(), "{e:?}");
    assert!(!shown(&e).contains(SECRET));
    assert!(serde_json::to_string(&e).unwrap().contains(SECRET));
}
