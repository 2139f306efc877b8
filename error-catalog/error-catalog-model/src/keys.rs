//! The one table of every key: those a catalog may use, per TOML table, and
//! those of the derive's `#[api_error(...)]` attributes, per item; unknown-key
//! diagnostics and their did-you-mean hints come from here.

/// Top-level tables.
pub const TOP: &[&str] = &[
    "service",
    "wire",
    "headers",
    "rate_limits",
    "types",
    "errors",
    "reserved",
];
/// Keys of `[service]`.
pub const SERVICE: &[&str] = &[
    "id",
    "name",
    "enum_name",
    "docs_url",
    "description",
    "non_exhaustive",
];
/// Keys of a `reserved` item's table form.
pub const RESERVED: &[&str] = &["code", "reason"];
/// Keys of `[wire]`.
pub const WIRE: &[&str] = &[
    "preset",
    "code",
    "message",
    "fields_at",
    "identity",
    "suggestion",
    "docs_url",
    "fix_command",
    "success",
    "code_type",
    "content_type",
    "fields",
    "code_cut",
    "code_header",
    "envelopes",
];
/// The keys of `[wire]` an envelope (`[wire.envelopes.NAME]`) does not
/// take: what only the catalog's main wire says.
pub const WIRE_MAIN_ONLY: &[&str] = &["success", "code_header", "envelopes"];
/// Keys of `[wire] code_cut`.
pub const CODE_CUT: &[&str] = &["after", "before"];
/// Keys of `[headers]`.
pub const HEADERS: &[&str] = &[
    "retry_after",
    "rate_limit_limit",
    "rate_limit_remaining",
    "rate_limit_reset",
    "request_id",
    "should_retry",
    "rate_limit_reset_format",
    "keep",
    "notes",
];
/// Keys of `[[rate_limits]]`.
pub const RATE_LIMIT: &[&str] = &["scope", "limit", "window", "notes"];
/// Keys of `[[errors]]`.
pub const ERROR: &[&str] = &[
    "code",
    "envelope",
    "code_range",
    "variant",
    "status",
    "message",
    "matches",
    "priority",
    "title",
    "cause",
    "causes",
    "suggestion",
    "solutions",
    "docs_url",
    "fix_command",
    "retry",
    "retry_after_field",
    "fields",
    "when",
    "when_header",
    "code_in_body",
    "examples",
];
/// Keys of a field's table form.
pub const FIELD: &[&str] = &["type", "at", "rust", "doc", "internal"];
/// Keys of `[[errors.examples]]`.
pub const EXAMPLE: &[&str] = &["body", "status", "headers"];
/// Values of `[wire] identity`.
pub const IDENTITY: &[&str] = &["code", "message", "status"];

/// `[wire] identity`'s value as a catalog writes it (one of [`IDENTITY`]).
///
/// ```
/// use error_catalog_model::keys::{identity_name, IDENTITY};
/// use error_catalog_core::engine::Identity;
/// assert_eq!(identity_name(Identity::Message), "message");
/// assert!(IDENTITY.contains(&identity_name(Identity::Status)));
/// ```
pub fn identity_name(i: error_catalog_core::engine::Identity) -> &'static str {
    use error_catalog_core::engine::Identity;
    match i {
        Identity::Code => "code",
        Identity::Message => "message",
        Identity::Status => "status",
    }
}

/// Keys of `#[api_error(...)]` on a derived enum.
pub const DERIVE_ENUM: &[&str] = &[
    "wire",
    "catalog",
    "crate",
    "partial",
    "service",
    "borrowed",
    "code_type",
    "success",
    "code",
    "message",
    "fields_at",
    "identity",
    "header",
];
/// Keys of `#[api_error(...)]` on a variant.
pub const DERIVE_VARIANT: &[&str] = &[
    "code",
    "code_range",
    "status",
    "message",
    "matches",
    "priority",
    "title",
    "cause",
    "suggestion",
    "docs_url",
    "fix_command",
    "retry",
    "retry_after_field",
    "when",
    "when_header",
    "code_in_body",
    "unknown",
];
/// Keys of `#[api_error(...)]` on a field.
pub const DERIVE_FIELD: &[&str] = &["rename", "at", "extra", "internal"];
