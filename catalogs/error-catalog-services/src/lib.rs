//! Typed errors for the five bundled services, generated from their catalogs in
//! this crate's `*.toml` files. Each module is behind a cargo feature of the same
//! name (all on by default), and holds its catalog's text as `SOURCE` (for tools
//! such as the `error-catalog` CLI) and its file name as `FILE`.
//!
//! ```
//! use error_catalog::{ApiError, FromResponse};
//! use error_catalog_services::kya::KyaError;
//!
//! let body = br#"{"error": "Rate limit exceeded for agent tier", "errorType": "RATE_LIMITED",
//!     "details": {"agentId": "42", "tier": 1, "limit": 1, "retryAfter": 45}, "timestamp": 1707408000000}"#;
//! let err = KyaError::from_response(429, body);
//! assert!(matches!(err, KyaError::RateLimited { tier: 1, retry_after: 45, .. }));
//! assert_eq!(err.retry().seconds(), Some(45));
//! ```

#![forbid(unsafe_code)]
#![deny(warnings, clippy::pedantic)]

/// Moca Network AIR Kit: the HTTP status identifies the error; JWT/JWKS failures by message.
#[cfg(feature = "moca_air")]
pub mod moca_air {
    error_catalog::catalog!("moca_air.toml");

    /// The catalog's file name in this crate.
    pub const FILE: &str = "moca_air.toml";
    /// The catalog's text, as the enum above was generated from it.
    pub const SOURCE: &str = include_str!("../moca_air.toml");
}

/// KYA Chain Verification API: flat envelope with `errorType`.
#[cfg(feature = "kya")]
pub mod kya {
    error_catalog::catalog!(
        #[api_error(borrowed)]
        "kya.toml"
    );

    /// The catalog's file name in this crate.
    pub const FILE: &str = "kya.toml";
    /// The catalog's text, as the enum above was generated from it.
    pub const SOURCE: &str = include_str!("../kya.toml");
}

/// Rakomi SDK + API: coded errors with suggestion, docs URL and fix command.
#[cfg(feature = "rakomi")]
pub mod rakomi {
    error_catalog::catalog!("rakomi.toml");

    /// The catalog's file name in this crate.
    pub const FILE: &str = "rakomi.toml";
    /// The catalog's text, as the enum above was generated from it.
    pub const SOURCE: &str = include_str!("../rakomi.toml");
}

/// `AIronClaw` management API: message-only bodies, identified by status and message.
#[cfg(feature = "aironclaw")]
pub mod aironclaw {
    error_catalog::catalog!(
        #[api_error(borrowed)]
        "aironclaw.toml"
    );

    /// The catalog's file name in this crate.
    pub const FILE: &str = "aironclaw.toml";
    /// The catalog's text, as the enum above was generated from it.
    pub const SOURCE: &str = include_str!("../aironclaw.toml");
}

/// Customer Verification API: nested `{"error": {...}}` envelope.
#[cfg(feature = "customer_verification")]
pub mod customer_verification {
    error_catalog::catalog!(
        #[api_error(borrowed)]
        "customer_verification.toml"
    );

    /// The catalog's file name in this crate.
    pub const FILE: &str = "customer_verification.toml";
    /// The catalog's text, as the enum above was generated from it.
    pub const SOURCE: &str = include_str!("../customer_verification.toml");
}

/// Every bundled catalog as (service id, file name, text), for tools such as
/// the `error-catalog` CLI. Present when every service feature is on (the
/// default).
///
/// ```
/// let ids: Vec<&str> = error_catalog_services::ALL.iter().map(|(id, _, _)| *id).collect();
/// assert_eq!(ids, ["moca_air", "kya", "rakomi", "aironclaw", "customer_verification"]);
/// ```
#[cfg(all(
    feature = "moca_air",
    feature = "kya",
    feature = "rakomi",
    feature = "aironclaw",
    feature = "customer_verification"
))]
pub const ALL: &[(&str, &str, &str)] = &[
    ("moca_air", moca_air::FILE, moca_air::SOURCE),
    ("kya", kya::FILE, kya::SOURCE),
    ("rakomi", rakomi::FILE, rakomi::SOURCE),
    ("aironclaw", aironclaw::FILE, aironclaw::SOURCE),
    (
        "customer_verification",
        customer_verification::FILE,
        customer_verification::SOURCE,
    ),
];
