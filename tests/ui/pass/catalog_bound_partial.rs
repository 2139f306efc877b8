//! A catalog-bound enum that covers only part of the catalog with
//! `#[api_error(partial)]`; the rest goes to the fallback.

use error_catalog::{ApiError, ErrorCatalog, FromResponse, UnknownError};

#[derive(Debug, ApiError)]
#[api_error(catalog = "ui/catalogs/shop.toml", partial)]
enum CustomerError {
    #[api_error(code = "CUSTOMER_NOT_FOUND")]
    Missing { id: String },
    #[api_error(unknown)]
    Other(UnknownError),
}

fn main() {
    assert_eq!(CustomerError::CODES.len(), 1);
    assert_eq!(CustomerError::CODES[0].variant, "Missing");

    let body = br#"{"code": "CUSTOMER_NOT_FOUND", "message": "Customer c_9 not found", "details": {"id": "c_9"}}"#;
    let err = CustomerError::from_response(404, body);
    assert!(matches!(&err, CustomerError::Missing { id } if id == "c_9"));
    assert_eq!(err.to_string(), "Customer c_9 not found");

    // A catalog code the enum leaves out is not recognised.
    let err = CustomerError::from_response(
        422,
        br#"{"code": "CART_EMPTY", "message": "The cart is empty"}"#,
    );
    assert!(matches!(&err, CustomerError::Other(u) if u.code() == Some("CART_EMPTY")));
    assert!(!err.is_known());
}
