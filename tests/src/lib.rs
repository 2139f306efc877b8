//! Cross-crate and trybuild tests of error-catalog. The README's Rust examples are
//! compiled and run here, so the front door stays true.

#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;

use error_catalog_model::model::Catalog;

/// (service id, file name, text) of every bundled catalog, as
/// `error-catalog-services` holds them.
pub const BUNDLED: &[(&str, &str, &str)] = error_catalog_services::ALL;

/// Loads the bundled catalog `id`; panics (a test failure) when it is unknown
/// or does not load.
#[must_use]
pub fn bundled(id: &str) -> Catalog {
    let (_, file, text) = BUNDLED
        .iter()
        .find(|(name, _, _)| *name == id)
        .unwrap_or_else(|| panic!("`{id}` is not a bundled catalog"));
    error_catalog_model::load_str(file, text)
        .unwrap_or_else(|p| panic!("bundled `{id}` does not load:\n{p}"))
}
