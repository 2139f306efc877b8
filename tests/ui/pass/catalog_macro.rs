//! `catalog!` with attributes and a visibility: the whole catalog becomes an enum.

mod shop {
    error_catalog::catalog!(
        /// Errors of the shop, as the UI tests see them.
        #[non_exhaustive]
        #[allow(clippy::enum_variant_names)]
        #[derive(Eq, Hash)] // traits it does not have yet may be derived

        pub(crate) "ui/catalogs/shop.toml"
    );
}

use error_catalog::{ErrorCatalog, FromResponse};
use shop::ShopError;

fn main() {
    assert_eq!(ShopError::CODES.len(), 3);

    let body = br#"{"code": "CUSTOMER_NOT_FOUND", "message": "Customer c_1 not found", "details": {"id": "c_1"}}"#;
    let err = ShopError::from_response(404, body);
    assert!(matches!(&err, ShopError::CustomerNotFound { id, .. } if id == "c_1"));
    assert_eq!(err.to_string(), "Customer c_1 not found");

    // The generated enum derives Clone and PartialEq; Eq and Hash were asked for.
    assert_eq!(err.clone(), err);
    let set: std::collections::HashSet<ShopError> = [err.clone(), err.clone()].into();
    assert_eq!(set.len(), 1);

    let err = ShopError::from_response(418, b"teapot");
    assert!(matches!(err, ShopError::Unknown(_)));
}
