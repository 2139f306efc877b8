//! Procedural macros of `error-catalog`. Use them through the `error-catalog` crate, which
//! documents them; this crate only forwards to `error-catalog-codegen`.

use proc_macro::TokenStream;

/// Derives `Display`, `Error`, `ApiError`, `FromResponse`, `ErrorCatalog`,
/// `Serialize` (and `Deserialize` for code-identified wires) for an enum, from
/// inline `#[api_error(...)]` attributes or a catalog file.
#[proc_macro_derive(ApiError, attributes(api_error))]
pub fn derive_api_error(input: TokenStream) -> TokenStream {
    error_catalog_codegen::derive(input.into()).into()
}

/// Turns a catalog file into an enum deriving `ApiError`:
/// `catalog!("errors/shop.toml")`, optionally preceded by attributes and a
/// visibility (`pub` when none is given). The path is relative to the crate's
/// `Cargo.toml` and must stay inside the crate; editing the file rebuilds the crate.
///
/// The enum is named by the catalog (`[service] enum_name`, by default the id in
/// UpperCamelCase + `Error`), has one variant per error with its fields and an
/// `extra: error_catalog::Extra`, and a fallback `Unknown(error_catalog::UnknownError)`.
/// It implements `Debug`, `Clone`, `PartialEq`, `Display`, `std::error::Error`,
/// `Serialize`, `ApiError`, `FromResponse`, `ErrorCatalog`, and `Deserialize` when
/// the catalog identifies errors by code. Attributes before the path go on the
/// enum: derive other traits there (`Eq`, `Hash`); deriving one it already has is
/// a compile error naming it. Any problem in the catalog is a compile error with
/// the catalog's `file:line:column`, all of them in one run.
///
/// ```
/// use error_catalog::{ApiError, FromResponse};
///
/// error_catalog::catalog!(#[derive(Eq)] "tests/billing.toml");
///
/// let body = br#"{"code": "CARD_DECLINED", "message": "Card ending 4242 was declined", "details": {"last4": "4242"}}"#;
/// let err = BillingError::from_response(402, body);
/// assert!(matches!(&err, BillingError::CardDeclined { last4, .. } if last4 == "4242"));
/// assert_eq!(err.suggestion(), Some("Ask the customer for another card."));
/// assert_eq!(err.clone(), err);
/// ```
#[proc_macro]
pub fn catalog(input: TokenStream) -> TokenStream {
    error_catalog_codegen::catalog(input.into()).into()
}
