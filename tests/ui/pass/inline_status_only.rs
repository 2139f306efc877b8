//! Inline derive, `status-only` wire: the HTTP status alone identifies the error.

use error_catalog::{ApiError, FromResponse, UnknownError};

#[derive(Debug, ApiError)]
#[api_error(wire = "status-only")]
enum AirError {
    #[api_error(
        code = "unauthorized",
        status = 401,
        message = "Unauthorized",
        suggestion = "Send a valid token"
    )]
    Unauthorized,
    #[api_error(code = "not_found", status = 404, message = "Not found")]
    NotFound,
    #[api_error(
        code = "server_error",
        status = 500,
        message = "Internal server error",
        retry = "backoff"
    )]
    ServerError,
    #[api_error(unknown)]
    Unknown(UnknownError),
}

fn main() {
    let err = AirError::from_response(401, b"{}");
    assert!(matches!(err, AirError::Unauthorized));
    assert_eq!(err.suggestion(), Some("Send a valid token"));
    assert_eq!(err.to_string(), "Unauthorized");

    let err = AirError::from_response(404, br#"{"message": "no such thing"}"#);
    assert!(matches!(err, AirError::NotFound));

    let err = AirError::from_response(500, br#"{"message": "boom"}"#);
    assert!(matches!(err, AirError::ServerError));
    assert_eq!(err.retry_rule(), error_catalog::RetryRule::Backoff);

    // A status the enum does not know: fallback, with the fallback retry rule.
    let err = AirError::from_response(503, b"{}");
    assert!(matches!(&err, AirError::Unknown(u) if u.status() == Some(503)));
    assert_eq!(err.retry_rule(), error_catalog::RetryRule::Backoff);
}
