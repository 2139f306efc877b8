//! `#[derive(ApiError)]` bound to a catalog file: every catalog error has a
//! variant, by name or by `code = "..."`; metadata comes from the file.

use error_catalog::{ApiError, ErrorCatalog, Extra, FromResponse, UnknownError};

#[derive(Debug, ApiError)]
#[api_error(catalog = "ui/catalogs/shop.toml")]
enum ShopError {
    CustomerNotFound {
        id: String,
        #[api_error(extra)]
        extra: Extra,
    },
    RateLimited {
        retry_after: Option<u64>,
    },
    #[api_error(code = "CART_EMPTY")]
    NoItems,
    #[api_error(unknown)]
    Unknown(UnknownError),
}

fn main() {
    assert_eq!(ShopError::SERVICE, "shop");
    let codes: Vec<&str> = ShopError::CODES.iter().map(|c| c.code).collect();
    assert_eq!(codes, ["CUSTOMER_NOT_FOUND", "RATE_LIMITED", "CART_EMPTY"]);
    assert_eq!(ShopError::CODES[2].variant, "NoItems");

    let body = br#"{"code": "CUSTOMER_NOT_FOUND", "message": "Customer c_1 not found", "details": {"id": "c_1", "region": "eu"}}"#;
    let err = ShopError::from_response(404, body);
    assert!(matches!(&err, ShopError::CustomerNotFound { id, .. } if id == "c_1"));
    assert_eq!(
        err.suggestion(),
        Some("Check the id against the dashboard.")
    );
    assert_eq!(
        err.docs_url(),
        Some("https://docs.shop.example/errors#customer-not-found")
    );
    if let ShopError::CustomerNotFound { extra, .. } = &err {
        assert!(
            extra.get("/details/region").is_some(),
            "unclaimed members are kept"
        );
    }

    let err = ShopError::from_response(429, br#"{"code": "RATE_LIMITED", "message": "Too many requests", "details": {"retryAfter": 7}}"#);
    assert!(matches!(
        err,
        ShopError::RateLimited {
            retry_after: Some(7)
        }
    ));
    assert_eq!(err.retry().seconds(), Some(7));

    let err = ShopError::from_response(
        422,
        br#"{"code": "CART_EMPTY", "message": "The cart is empty"}"#,
    );
    assert!(matches!(err, ShopError::NoItems));
    assert_eq!(err.code(), "CART_EMPTY");
    assert_eq!(err.fix_command().as_deref(), Some("shop cart add SKU-1"));
}
