//! The [`utoipa`](::utoipa) integration (cargo feature `utoipa`).
//!
//! Every generated enum implements `utoipa::ToSchema` (its schema is the
//! envelope: any of its errors; `schemas` registers one schema per error and
//! per declared object type) and `utoipa::IntoResponses` (one response per
//! status, every error of that status a named example, with the headers it
//! comes with). The data is what `error-catalog openapi` writes for the
//! catalog, made at compile time.
//!
//! ```
//! use error_catalog_services::kya::KyaError;
//! use utoipa::{IntoResponses, ToSchema};
//!
//! let responses = KyaError::responses();
//! assert!(responses.contains_key("429"));
//! let mut schemas = Vec::new();
//! KyaError::schemas(&mut schemas);
//! assert!(schemas.iter().any(|(name, _)| name == "KyaErrorRateLimited"));
//! assert_eq!(KyaError::name(), "KyaError");
//! ```

use std::collections::BTreeMap;

use ::utoipa::openapi::response::Response;
use ::utoipa::openapi::schema::{Object, Schema};
use ::utoipa::openapi::RefOr;

/// A schema from its JSON text (made by the code generator, so it reads; an
/// object schema that accepts anything if it ever does not).
pub fn schema(json: &str) -> RefOr<Schema> {
    serde_json::from_str(json).unwrap_or_else(|_| RefOr::T(Schema::Object(Object::new())))
}

/// Appends the named schemas of a JSON object (name → schema) to `out`.
pub fn schemas(json: &str, out: &mut Vec<(String, RefOr<Schema>)>) {
    let named: BTreeMap<String, serde_json::Value> = serde_json::from_str(json).unwrap_or_default();
    for (name, value) in named {
        let s = serde_json::from_value(value)
            .unwrap_or_else(|_| RefOr::T(Schema::Object(Object::new())));
        out.push((name, s));
    }
}

/// The responses of a JSON object (status → response).
pub fn responses(json: &str) -> BTreeMap<String, RefOr<Response>> {
    serde_json::from_str(json).unwrap_or_default()
}
