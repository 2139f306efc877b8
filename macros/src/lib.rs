//! Procedural macros of `error-catalog`. Use them through the `error-catalog` crate, which
//! documents them; this crate only forwards to `error-catalog-codegen`.

use proc_macro::TokenStream;

/// Derives `Display`, `Error`, `ApiError`, `FromResponse`, `ErrorCatalog`,
/// `Serialize` (and `Deserialize` for code-identified wires) for an enum, from
/// inline `#[api_error(...)]` attributes or a catalog file.
#[proc_macro_derive(ApiError, attributes(api_error))]
pub fn derive_api_error(input: TokenStream) -> TokenStream {
    error_catalog_codegen::codegen::derive(input.into()).into()
}

/// Turns a catalog file into a public enum deriving `ApiError`:
/// `catalog!("errors/shop.toml")`, optionally preceded by attributes and a visibility.
#[proc_macro]
pub fn catalog(input: TokenStream) -> TokenStream {
    error_catalog_codegen::codegen::catalog(input.into()).into()
}
