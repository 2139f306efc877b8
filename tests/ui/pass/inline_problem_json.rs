//! Inline derive, `problem-json` wire (RFC 9457), and `Problem` for any wire.

use error_catalog::problem::Problem;
use error_catalog::{ApiError, FromResponse, UnknownError};

#[derive(Debug, ApiError)]
#[api_error(wire = "problem-json")]
enum VerifyError {
    #[api_error(
        code = "CUSTOMER_NOT_FOUND",
        status = 404,
        message = "Customer {id} not found",
        title = "Customer not found",
        docs_url = "https://docs.verify.example/errors#customer-not-found"
    )]
    CustomerNotFound { id: String },
    #[api_error(unknown)]
    Unknown(UnknownError),
}

#[derive(Debug, ApiError)]
#[api_error(wire = "nested")]
enum NestedError {
    #[api_error(
        code = "CUSTOMER_NOT_FOUND",
        status = 404,
        message = "Customer {id} not found"
    )]
    CustomerNotFound { id: String },
    #[api_error(unknown)]
    Unknown(UnknownError),
}

fn main() {
    let body = br#"{"type": "https://docs.verify.example/errors#customer-not-found", "title": "Customer not found", "status": 404, "detail": "Customer c_1 not found", "code": "CUSTOMER_NOT_FOUND", "id": "c_1"}"#;
    let err = VerifyError::from_response(404, body);
    assert!(matches!(&err, VerifyError::CustomerNotFound { id } if id == "c_1"));
    assert_eq!(err.to_string(), "Customer c_1 not found");

    let json = serde_json::to_value(Problem(&err)).unwrap();
    assert_eq!(
        json["type"],
        "https://docs.verify.example/errors#customer-not-found"
    );
    assert_eq!(json["title"], "Customer not found");
    assert_eq!(json["status"], 404);
    assert_eq!(json["detail"], "Customer c_1 not found");
    assert_eq!(json["code"], "CUSTOMER_NOT_FOUND");
    assert_eq!(json["id"], "c_1");

    // Any enum reads back problem details written by `Problem`.
    let nested = NestedError::CustomerNotFound { id: "c_2".into() };
    let body = serde_json::to_vec(&Problem(&nested)).unwrap();
    let back = NestedError::from_problem_json(404, &body);
    assert!(matches!(back, NestedError::CustomerNotFound { id } if id == "c_2"));
}
