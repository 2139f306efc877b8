//! The run-time core of `error-catalog`: everything code generated from an error
//! catalog calls at run time, and nothing else. It depends on `serde` and
//! `serde_json` only.
//!
//! Users want the `error-catalog` crate, which re-exports [`headers`] and
//! [`retry`] and documents the generated enums. The code generator
//! (`error-catalog-codegen`) and the `error-catalog` CLI use this crate's decoder
//! and templates, so generated code, the CLI and the docs agree by construction.
//!
//! ```
//! use error_catalog_core::template::Template;
//!
//! let t = Template::parse("Customer {id} not found").unwrap();
//! assert_eq!(t.placeholders().collect::<Vec<_>>(), ["id"]);
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod captures;
pub mod decode;
pub mod engine;
pub mod field_type;
pub mod headers;
pub mod raw_members;
pub mod retry;
pub mod template;
