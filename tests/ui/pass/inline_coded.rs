//! Inline derive with the default `coded` wire: `{"code", "message", "suggestion",
//! "docs_url", "fix_command", "details"}`.

use error_catalog::{ApiError, ErrorCatalog, FromResponse, UnknownError};

#[derive(Debug, ApiError)]
#[api_error(service = "rakomi")]
enum RakomiError {
    #[api_error(
        code = "AUTH_TOKEN_EXPIRED",
        status = 401,
        message = "Token expired",
        title = "Expired token",
        suggestion = "Log in again",
        docs_url = "https://docs.rakomi.example/errors#auth-token-expired",
        fix_command = "rakomi login",
        retry = "once"
    )]
    TokenExpired,
    #[api_error(
        code = "QUOTA_EXCEEDED",
        status = 402,
        message = "Quota of {limit} requests exceeded"
    )]
    QuotaExceeded { limit: u32 },
    #[api_error(unknown)]
    Unknown(UnknownError),
}

fn main() {
    assert_eq!(RakomiError::SERVICE, "rakomi");
    assert_eq!(RakomiError::CODES.len(), 2);
    assert_eq!(RakomiError::CODES[0].code, "AUTH_TOKEN_EXPIRED");
    assert_eq!(RakomiError::CODES[0].title, Some("Expired token"));
    assert_eq!(RakomiError::CODES[1].variant, "QuotaExceeded");

    let err = RakomiError::from_response(
        401,
        br#"{"code": "AUTH_TOKEN_EXPIRED", "message": "Token expired"}"#,
    );
    assert!(matches!(err, RakomiError::TokenExpired));
    assert_eq!(err.fix_command().as_deref(), Some("rakomi login"));
    assert_eq!(
        err.docs_url(),
        Some("https://docs.rakomi.example/errors#auth-token-expired")
    );
    assert_eq!(err.retry_rule(), error_catalog::RetryRule::Once);

    // The coded wire repeats suggestion, docs URL and fix command in the body.
    let json = serde_json::to_value(&err).unwrap();
    assert_eq!(json["code"], "AUTH_TOKEN_EXPIRED");
    assert_eq!(json["message"], "Token expired");
    assert_eq!(json["suggestion"], "Log in again");
    assert_eq!(json["fix_command"], "rakomi login");

    let body = br#"{"code": "QUOTA_EXCEEDED", "message": "Quota of 1000 requests exceeded", "details": {"limit": 1000}}"#;
    let err = RakomiError::from_response(402, body);
    assert!(matches!(err, RakomiError::QuotaExceeded { limit: 1000 }));
    assert_eq!(err.to_string(), "Quota of 1000 requests exceeded");

    // Code-identified wires also implement Deserialize.
    let err: RakomiError = serde_json::from_slice(body).unwrap();
    assert!(matches!(err, RakomiError::QuotaExceeded { limit: 1000 }));
}
