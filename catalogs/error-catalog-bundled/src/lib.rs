//! The text of the five catalogs bundled with error-catalog, for tools: the
//! `error-catalog` command reads them by service id without compiling the
//! enums `error-catalog-services` generates from the same files (these are
//! copies of its files; a test there keeps them equal).
//!
//! ```
//! let (id, file, text) = error_catalog_bundled::ALL[1];
//! assert_eq!((id, file), ("kya", "kya.toml"));
//! assert!(text.contains("[service]"));
//! assert_eq!(error_catalog_bundled::text("kya"), Some(text));
//! assert_eq!(error_catalog_bundled::text("nope"), None);
//! ```

#![forbid(unsafe_code)]
#![deny(missing_docs)]

/// Every bundled catalog as (service id, file name, text), in the order
/// `error-catalog-services` lists them.
pub const ALL: &[(&str, &str, &str)] = &[
    (
        "moca_air",
        "moca_air.toml",
        include_str!("../moca_air.toml"),
    ),
    ("kya", "kya.toml", include_str!("../kya.toml")),
    ("rakomi", "rakomi.toml", include_str!("../rakomi.toml")),
    (
        "aironclaw",
        "aironclaw.toml",
        include_str!("../aironclaw.toml"),
    ),
    (
        "customer_verification",
        "customer_verification.toml",
        include_str!("../customer_verification.toml"),
    ),
];

/// The text of the bundled catalog of service `id`; `None` for an unknown id.
pub fn text(id: &str) -> Option<&'static str> {
    ALL.iter()
        .find(|(name, _, _)| *name == id)
        .map(|(_, _, t)| *t)
}
