//! Inline derive, `nested` wire: `{"error": {"code", "message", ...}}`, with the
//! preset's envelope field `field` and a renamed field.

use error_catalog::{ApiError, FromResponse, UnknownError};

#[derive(Debug, ApiError)]
#[api_error(wire = "nested")]
enum ShopError {
    #[api_error(
        code = "NOT_FOUND",
        status = 404,
        message = "Customer {customerId} not found",
        suggestion = "Check the customer id"
    )]
    NotFound {
        #[api_error(rename = "customerId")]
        customer_id: String,
    },
    #[api_error(code = "INVALID_INPUT", status = 400, message = "Invalid input")]
    InvalidInput { field: Option<String> },
    #[api_error(
        code = "RATE_LIMITED",
        status = 429,
        message = "Too many requests",
        retry = "after"
    )]
    RateLimited,
    #[api_error(unknown)]
    Unknown(UnknownError),
}

fn main() {
    let body = br#"{"error": {"code": "NOT_FOUND", "message": "Customer c_1 not found", "customerId": "c_1"}}"#;
    let err = ShopError::from_response(404, body);
    assert!(matches!(&err, ShopError::NotFound { customer_id } if customer_id == "c_1"));
    assert_eq!(err.to_string(), "Customer c_1 not found");
    assert_eq!(err.code(), "NOT_FOUND");
    assert_eq!(err.status(), Some(404));
    assert_eq!(err.suggestion(), Some("Check the customer id"));
    assert!(err.is_known());

    // Serializing writes the same envelope back, and it reads back the same.
    let json = serde_json::to_value(&err).unwrap();
    assert_eq!(json["error"]["code"], "NOT_FOUND");
    assert_eq!(json["error"]["message"], "Customer c_1 not found");
    assert_eq!(json["error"]["customerId"], "c_1");
    let again = ShopError::from_response(404, &serde_json::to_vec(&json).unwrap());
    assert!(matches!(again, ShopError::NotFound { customer_id } if customer_id == "c_1"));

    // The preset's envelope field `field` sits at /error/field.
    let body =
        br#"{"error": {"code": "INVALID_INPUT", "message": "Invalid input", "field": "email"}}"#;
    let err = ShopError::from_response(400, body);
    assert!(matches!(&err, ShopError::InvalidInput { field: Some(f) } if f == "email"));

    let err = ShopError::from_response(
        429,
        br#"{"error": {"code": "RATE_LIMITED", "message": "Too many requests"}}"#,
    );
    assert!(matches!(err, ShopError::RateLimited));
    assert_eq!(err.retry_rule(), error_catalog::RetryRule::After);

    // An unknown code and a body that is not JSON land in the fallback.
    let err = ShopError::from_response(
        409,
        br#"{"error": {"code": "CONFLICT", "message": "Busy"}}"#,
    );
    assert!(matches!(&err, ShopError::Unknown(u) if u.code() == Some("CONFLICT")));
    assert_eq!(err.code(), "CONFLICT");
    assert!(!err.is_known());
    let err = ShopError::from_response(502, b"<html>Bad Gateway</html>");
    assert!(matches!(&err, ShopError::Unknown(u) if u.body() == b"<html>Bad Gateway</html>"));
    assert_eq!(err.status(), Some(502));
}
