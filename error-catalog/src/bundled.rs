//! The five bundled catalogs, embedded so tools can use them by name.

/// (service id, file name, text) of every bundled catalog.
pub const BUNDLED: &[(&str, &str, &str)] = &[
    (
        "moca_air",
        "catalogs/moca_air.toml",
        include_str!("../../catalogs/moca_air.toml"),
    ),
    (
        "kya",
        "catalogs/kya.toml",
        include_str!("../../catalogs/kya.toml"),
    ),
    (
        "rakomi",
        "catalogs/rakomi.toml",
        include_str!("../../catalogs/rakomi.toml"),
    ),
    (
        "aironclaw",
        "catalogs/aironclaw.toml",
        include_str!("../../catalogs/aironclaw.toml"),
    ),
    (
        "customer_verification",
        "catalogs/customer_verification.toml",
        include_str!("../../catalogs/customer_verification.toml"),
    ),
];

/// Loads a bundled catalog by its service id.
///
/// ```
/// let kya = error_catalog::bundled::load("kya").unwrap().unwrap();
/// assert_eq!(kya.service.name.value, "KYA Chain Verification API");
/// assert!(error_catalog::bundled::load("nope").is_none());
/// ```
pub fn load(id: &str) -> Option<Result<crate::model::Catalog, crate::diag::Problems>> {
    BUNDLED
        .iter()
        .find(|(name, _, _)| *name == id)
        .map(|(_, path, text)| crate::load_str(path, text))
}
