//! The error catalog model behind `error-catalog`: load a catalog file, validate
//! it, lower it to the one decode plan ([`plan`]) that generated code and the CLI
//! share, and render docs, JSON Schema, OpenAPI fragments and diffs from it.
//!
//! Most users want the `error-catalog` crate; this one is for tools, the code
//! generator (`error-catalog-codegen`) and the `error-catalog` command-line program. What runs in a user's
//! binary (the decoder, templates, retry advice) is in `error-catalog-core`.
//!
//! ```
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
//! let catalog = error_catalog_model::load_str("shop.toml", text).unwrap();
//! assert_eq!(catalog.errors[0].variant.value, "NotFound");
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod diag;
pub mod diff;
pub mod docs;
pub mod keys;
pub mod layout;
pub mod model;
pub mod naming;
pub mod openapi;
pub mod parse;
pub mod plan;
pub mod presets;
pub mod response;
pub mod rules;
pub mod schema;
pub mod validate;

pub use load::{load_file, load_str, read_str};

mod load {
    use std::path::Path;

    use crate::diag::{Diagnostic, Problems};
    use crate::model::{At, Catalog, SourceFile};
    use crate::rules::Rule;

    /// Parses and validates a catalog's text; `path` is only used in messages.
    pub fn load_str(path: impl AsRef<Path>, text: &str) -> Result<Catalog, Problems> {
        match read_str(path, text) {
            (Some(catalog), problems) if problems.list.is_empty() => Ok(catalog),
            (_, problems) => Err(problems),
        }
    }

    /// Parses and validates a catalog's text like [`load_str`], and returns the
    /// model as far as it parsed together with every problem, in source order.
    /// Tools that check something against the catalog (a catalog-bound derive)
    /// use it to report their own findings in the same run; parts with parse
    /// problems are marked `damaged`.
    ///
    /// ```
    /// let (catalog, problems) = error_catalog_model::read_str("shop.toml", r#"
    /// [service]
    /// id = "shop"
    /// name = "Shop API"
    /// [wire]
    /// preset = "nested"
    /// [[errors]]
    /// code = "NOT_FOUND"
    /// stauts = 404
    /// message = "Not found"
    /// [[errors]]
    /// code = "NOT_FOUND"
    /// message = "Gone"
    /// "#);
    /// let catalog = catalog.unwrap();
    /// assert_eq!(catalog.errors.len(), 2);
    /// assert!(catalog.errors[0].damaged);
    /// // the misspelt key and the duplicate code, in one run
    /// assert_eq!(problems.list.len(), 2);
    /// ```
    pub fn read_str(path: impl AsRef<Path>, text: &str) -> (Option<Catalog>, Problems) {
        let path = path.as_ref();
        let (catalog, mut diags) = crate::parse::parse_catalog(path, text);
        let file = SourceFile {
            path: path.to_path_buf(),
            text: text.to_string(),
        };
        if let Some(catalog) = &catalog {
            // Whatever parsed is validated too: one run shows every problem
            // (the examples are decoded only once nothing else is wrong).
            if diags.is_empty() {
                diags = crate::validate::validate(catalog);
            } else {
                diags.extend(crate::validate::validate_rules(catalog));
            }
        }
        diags.sort_by_key(|d| match &d.at {
            At::Toml(r) => r.start,
            _ => 0,
        });
        let problems = Problems {
            file: Some(file),
            list: diags,
        };
        (catalog, problems)
    }

    /// Reads, parses and validates a catalog file.
    pub fn load_file(path: impl AsRef<Path>) -> Result<Catalog, Problems> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(|e| Problems {
            file: None,
            list: vec![Diagnostic::new(
                Rule::CatalogUnreadable,
                &At::Nowhere,
                format!("cannot read catalog `{}`: {e}", path.display()),
            )],
        })?;
        let text = String::from_utf8(bytes).map_err(|e| Problems {
            file: None,
            list: vec![Diagnostic::new(
                Rule::CatalogNotUtf8,
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
