//! Inline derive with `#[api_error(borrowed)]`: the view `ShopErrorRef<'b>` holds
//! text fields as `Cow<'b, str>` borrowed from the body, other fields as they are,
//! and shows what the enum shows. The crate denies missing docs: the view is
//! documented.
#![deny(missing_docs)]

use std::borrow::Cow;

use error_catalog::{ApiError, Extra, FromResponse, UnknownError};

/// A shop's errors.
#[derive(Debug, PartialEq, ApiError)]
#[api_error(wire = "nested", borrowed)]
pub enum ShopError {
    /// No such customer.
    #[api_error(code = "NOT_FOUND", status = 404, message = "Customer {id} not found")]
    NotFound {
        /// The customer's id.
        id: String,
        /// Everything else the body held.
        #[api_error(extra)]
        extra: Extra,
    },
    /// Too many requests.
    #[api_error(code = "RATE_LIMITED", status = 429, message = "Too many requests", retry = "after", retry_after_field = "retryAfter")]
    RateLimited {
        /// Seconds to wait.
        #[api_error(rename = "retryAfter")]
        retry_after: Option<u64>,
        /// Who is limited.
        scope: Option<String>,
    },
    /// Down for maintenance.
    #[api_error(code = "MAINTENANCE", status = 503, message = "Down for maintenance")]
    Maintenance,
    /// Anything else.
    #[api_error(unknown)]
    Unknown(UnknownError),
}

fn main() {
    let body = br#"{"error": {"code": "NOT_FOUND", "message": "Customer c_1 not found", "id": "c_1", "shelf": 4}}"#;
    let view = ShopErrorRef::from_response(404, body);
    assert!(matches!(&view, ShopErrorRef::NotFound { id: Cow::Borrowed("c_1"), .. }));
    assert_eq!(view.to_string(), "Customer c_1 not found");
    assert_eq!(view.code(), "NOT_FOUND");
    assert_eq!(view.status(), Some(404));
    assert_eq!(view.suggestion(), None);
    assert_eq!(
        serde_json::to_value(&view).unwrap(),
        serde_json::to_value(ShopError::from_response(404, body)).unwrap()
    );
    let owned: ShopError = view.into();
    assert_eq!(owned, ShopError::from_response(404, body));
    match &owned {
        ShopError::NotFound { extra, .. } => assert_eq!(extra.get("/error/shelf").map(|v| v.get()), Some("4")),
        other => panic!("{other:?}"),
    }

    let body = br#"{"error": {"code": "RATE_LIMITED", "message": "Too many requests", "retryAfter": 30, "scope": "key"}}"#;
    let view = ShopErrorRef::from_response(429, body);
    assert!(matches!(
        view,
        ShopErrorRef::RateLimited { retry_after: Some(30), scope: Some(Cow::Borrowed("key")) }
    ));
    assert_eq!(view.retry().seconds(), Some(30));

    let view = ShopErrorRef::from_response(503, br#"{"error": {"code": "MAINTENANCE", "message": "Down for maintenance"}}"#);
    assert!(matches!(view, ShopErrorRef::Maintenance));
    assert_eq!(view.into_owned(), ShopError::Maintenance);

    let body = br#"{"error": {"code": "GONE", "message": "gone"}}"#;
    match ShopErrorRef::from_response(410, body) {
        ShopErrorRef::Unknown(u) => assert_eq!(u.code(), Some("GONE")),
        other => panic!("{other:?}"),
    }
}
