//! The error catalog model behind `api-error`: load a catalog file, validate it,
//! generate Rust code and Markdown docs from it.
//!
//! Most users want the `api-error` crate; this one is for tools and for the
//! `error-catalog` command-line program.
//!
//! ```
//! # #[cfg(feature = "load")] {
//! let text = r#"
//! [service]
//! id = "shop"
//! name = "Shop API"
//! [wire]
//! preset = "nested"
//! [[errors]]
//! code = "NOT_FOUND"
//! status = 404
//! message = "Customer {id} not found"
//! fields = { id = "string" }
//! "#;
//! let catalog = error_catalog::load_str("shop.toml", text).unwrap();
//! assert_eq!(catalog.errors[0].variant.value, "NotFound");
//! # }
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod captures;
#[cfg(feature = "load")]
pub mod diag;
pub mod engine;
pub mod headers;
pub mod raw_members;
pub mod retry;
pub mod template;

#[cfg(feature = "load")]
pub mod bundled;
#[cfg(feature = "load")]
pub mod classify;
#[cfg(feature = "codegen")]
pub mod codegen;
#[cfg(feature = "load")]
pub mod docs;
#[cfg(feature = "load")]
pub mod keys;
#[cfg(feature = "load")]
pub mod layout;
#[cfg(feature = "load")]
pub mod model;
#[cfg(feature = "load")]
pub mod naming;
#[cfg(feature = "load")]
pub mod parse;
#[cfg(feature = "load")]
pub mod validate;

#[cfg(feature = "load")]
pub use load::{load_file, load_str};

#[cfg(feature = "load")]
mod load {
    use std::path::Path;

    use crate::diag::{Diagnostic, Problems};
    use crate::model::{At, Catalog, SourceFile};

    /// Parses and validates a catalog's text; `path` is only used in messages.
    pub fn load_str(path: impl AsRef<Path>, text: &str) -> Result<Catalog, Problems> {
        let path = path.as_ref();
        let (catalog, mut diags) = crate::parse::parse_catalog(path, text);
        let file = SourceFile {
            path: path.to_path_buf(),
            text: text.to_string(),
        };
        let Some(catalog) = catalog else {
            return Err(Problems {
                file: Some(file),
                list: diags,
            });
        };
        if diags.is_empty() {
            diags = crate::validate::validate(&catalog);
        }
        if diags.is_empty() {
            return Ok(catalog);
        }
        diags.sort_by_key(|d| match &d.at {
            At::Toml(r) => r.start,
            _ => 0,
        });
        Err(Problems {
            file: Some(file),
            list: diags,
        })
    }

    /// Reads, parses and validates a catalog file.
    pub fn load_file(path: impl AsRef<Path>) -> Result<Catalog, Problems> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(|e| Problems {
            file: None,
            list: vec![Diagnostic::new(
                &At::Nowhere,
                format!("cannot read catalog `{}`: {e}", path.display()),
            )],
        })?;
        let text = String::from_utf8(bytes).map_err(|e| Problems {
            file: None,
            list: vec![Diagnostic::new(
                &At::Nowhere,
                format!(
                    "catalog `{}` is not UTF-8 (invalid byte at offset {})",
                    path.display(),
                    e.utf8_error().valid_up_to()
                ),
            )],
        })?;
        load_str(path, &text)
    }
}
