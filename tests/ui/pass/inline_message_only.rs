//! Inline derive, `message-only` wire: `{"error": msg}`; the message (and status)
//! identify the error, and placeholders capture fields from it.

use error_catalog::{ApiError, FromResponse, UnknownError};

#[derive(Debug, ApiError)]
#[api_error(wire = "message-only")]
enum ClawError {
    #[api_error(
        code = "invalid_json_body",
        status = 400,
        message = "Invalid JSON body"
    )]
    InvalidJsonBody,
    #[api_error(
        code = "invalid_jwks_json",
        status = 400,
        message = "auth.jwksJson: {reason}"
    )]
    InvalidJwksJson { reason: String },
    #[api_error(
        code = "too_many_attempts",
        status = 429,
        message = "Too many 2FA attempts, wait {seconds} seconds",
        retry = "after",
        retry_after_field = "seconds"
    )]
    TooManyAttempts { seconds: u64 },
    #[api_error(unknown)]
    Unknown(UnknownError),
}

fn main() {
    let err = ClawError::from_response(400, br#"{"error": "Invalid JSON body"}"#);
    assert!(matches!(err, ClawError::InvalidJsonBody));
    assert_eq!(err.code(), "invalid_json_body");

    let err = ClawError::from_response(400, br#"{"error": "auth.jwksJson: keys[0] has no kid"}"#);
    assert!(
        matches!(&err, ClawError::InvalidJwksJson { reason } if reason == "keys[0] has no kid")
    );
    assert_eq!(err.to_string(), "auth.jwksJson: keys[0] has no kid");

    let err = ClawError::from_response(
        429,
        br#"{"error": "Too many 2FA attempts, wait 30 seconds"}"#,
    );
    assert!(matches!(err, ClawError::TooManyAttempts { seconds: 30 }));
    assert_eq!(err.retry().seconds(), Some(30));

    let json = serde_json::to_value(ClawError::InvalidJsonBody).unwrap();
    assert_eq!(json, serde_json::json!({"error": "Invalid JSON body"}));

    let err = ClawError::from_response(400, br#"{"error": "Something else"}"#);
    assert!(matches!(&err, ClawError::Unknown(u) if u.message() == Some("Something else")));
}
