//! The wire's media type reaches the runtime: a problem-json service answers with
//! `application/problem+json`, the others with `application/json`.

use error_catalog::{ApiError, Public, UnknownError};

#[derive(Debug, ApiError)]
#[api_error(wire = "problem-json")]
enum Problems {
    #[api_error(
        code = "OUT_OF_CREDIT",
        status = 403,
        message = "Your balance is {balance}"
    )]
    OutOfCredit { balance: i64 },
    #[api_error(unknown)]
    Unknown(UnknownError),
}

#[derive(Debug, ApiError)]
#[api_error(wire = "nested")]
enum Nested {
    #[api_error(code = "GONE", status = 410, message = "Gone")]
    Gone,
    #[api_error(unknown)]
    Unknown(UnknownError),
}

#[test]
fn content_type_follows_the_wire() {
    let e = Problems::OutOfCredit { balance: -5 };
    assert_eq!(e.content_type(), "application/problem+json");
    assert_eq!(Public(&e).content_type(), "application/problem+json");
    assert_eq!(Nested::Gone.content_type(), "application/json");
    let kya = error_catalog_services::kya::KyaError::Unknown(UnknownError::new(Some(500), b""));
    assert_eq!(kya.content_type(), "application/json");
}
