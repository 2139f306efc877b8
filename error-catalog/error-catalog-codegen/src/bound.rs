//! A derive bound to a catalog file (`catalog = "errors/shop.toml"`): the
//! file read relative to the crate, and each variant matched to its entry.

use std::path::{Path, PathBuf};

use proc_macro2::Span;
use syn::DeriveInput;

use crate::ast::{bind_fields, is_unknown, Bound, Read};
use crate::attr::{self, Attrs};
use crate::diagnostic::{diag_to_syn, err};
use error_catalog_model::diag::did_you_mean;
use error_catalog_model::model::*;
use error_catalog_model::rules::Rule;

/// Catalog-bound form: the file is the truth; the enum must agree with it.
pub(super) fn from_catalog(
    input: &DeriveInput,
    data: &syn::DataEnum,
    enum_attrs: &Attrs,
    variant_attrs: &[Attrs],
    path: &attr::Str,
    errors: &mut Vec<syn::Error>,
) -> Read {
    for key in ["wire", "service"] {
        if let Some(span) = enum_attrs.key_span(key) {
            errors.push(err(
                span,
                Rule::CatalogKeyGiven,
                format!("`{key}` comes from the catalog file; remove it"),
            ));
        }
    }
    let (full, catalog) = load_relative(&path.value, path.span, errors)?;
    let rel = path.value.as_str();
    let mut bound: Vec<Option<Bound>> = (0..catalog.errors.len()).map(|_| None).collect();
    // a variant that matched nothing is likely a misspelt one: then the codes left
    // over are not reported again as missing
    let mut unbound_variant = false;
    for (v, a) in data.variants.iter().zip(variant_attrs) {
        if is_unknown(a) {
            continue;
        }
        for (key, _, span) in &a.items {
            if key != "code" {
                errors.push(err(*span, Rule::CatalogKeyGiven, format!("`{key}` comes from the catalog `{rel}`; remove it (only `code` may be given here)")));
            }
        }
        let by = a.str("code", errors);
        let found = match &by {
            Some(c) => catalog.errors.iter().position(|e| e.code.value == c.value),
            None => catalog
                .errors
                .iter()
                .position(|e| v.ident == e.variant.value),
        };
        let Some(i) = found else {
            let (what, span, names): (String, Span, Vec<&str>) = match &by {
                Some(c) => (
                    format!("code `{}`", c.value),
                    c.span,
                    catalog
                        .errors
                        .iter()
                        .map(|e| e.code.value.as_str())
                        .collect(),
                ),
                None => (
                    format!("variant `{}`", v.ident),
                    v.ident.span(),
                    catalog
                        .errors
                        .iter()
                        .map(|e| e.variant.value.as_str())
                        .collect(),
                ),
            };
            let key = by
                .as_ref()
                .map_or_else(|| v.ident.to_string(), |c| c.value.clone());
            let help = match did_you_mean(&key, names) {
                Some(m) => format!("\nhelp: did you mean `{m}`?"),
                None => "\nhelp: add the error to the catalog, or name its code with `#[api_error(code = \"...\")]`".to_string(),
            };
            errors.push(err(
                span,
                Rule::NotInCatalog,
                format!("{what} is not in the catalog `{rel}`{help}"),
            ));
            unbound_variant = true;
            continue;
        };
        if bound[i].is_some() {
            errors.push(err(
                v.ident.span(),
                Rule::CodeBoundTwice,
                format!(
                    "code `{}` is bound to two variants",
                    catalog.errors[i].code.value
                ),
            ));
            continue;
        }
        // fields are checked against an entry only when all of it parsed
        // (a field lost to a parse problem is not the enum's mistake)
        let entry = &catalog.errors[i];
        let objects = catalog.type_names();
        let mut field_errors = Vec::new();
        let (fields, extra, named) = bind_fields(
            v,
            catalog.wire_of(entry),
            Some((entry, rel, &objects)),
            &mut field_errors,
        );
        if !entry.damaged && !catalog.wire.damaged {
            errors.append(&mut field_errors);
        }
        bound[i] = Some(Bound {
            ident: v.ident.clone(),
            named,
            fields,
            extra,
        });
    }
    let partial = enum_attrs.flag("partial", errors).is_some() || unbound_variant;
    let missing: Vec<String> = catalog
        .errors
        .iter()
        .zip(&bound)
        // a code without a variant; not a duplicate of a bound code (the
        // duplicate is the catalog's mistake, reported with it)
        .filter(|(e, b)| {
            b.is_none()
                && !e.code.value.is_empty()
                && !catalog
                    .errors
                    .iter()
                    .zip(&bound)
                    .any(|(o, ob)| ob.is_some() && o.code.value == e.code.value)
        })
        .map(|(e, _)| format!("`{}` ({})", e.code.value, e.variant.value))
        .collect();
    if !missing.is_empty() && !partial {
        errors.push(err(
            input.ident.span(), Rule::VariantMissing,
            format!(
                "enum `{}` has no variant for {} of `{rel}`\nhelp: add the variants, or write `#[api_error(partial)]` to leave them to the fallback",
                input.ident,
                missing.join(", ")
            ),
        ));
    }
    let mut catalog = catalog;
    let mut variants = Vec::new();
    let mut kept = Vec::new();
    for (e, b) in std::mem::take(&mut catalog.errors).into_iter().zip(bound) {
        if let Some(b) = b {
            kept.push(e);
            variants.push(b);
        }
    }
    catalog.errors = kept;
    Some((catalog, variants, Some(full)))
}

/// Loads a catalog from a path relative to `CARGO_MANIFEST_DIR`; problems are
/// reported at `span` with the catalog's `file:line:column`. The catalog is
/// returned as far as it parsed even when it has problems (its damaged parts
/// marked), so the caller can check the enum against it in the same run; the
/// caller generates nothing when `errors` is not empty.
pub fn load_relative(
    rel: &str,
    span: Span,
    errors: &mut Vec<syn::Error>,
) -> Option<(PathBuf, Catalog)> {
    if Path::new(rel).is_absolute() {
        errors.push(err(
            span,
            Rule::CatalogPathAbsolute,
            format!("catalog path `{rel}` is absolute; give it relative to the crate's Cargo.toml"),
        ));
        return None;
    }
    // Rule: a catalog lives inside the crate, so the crate is self-contained (and
    // its package carries the file). A path that climbs out is refused from its
    // text alone, whatever exists outside the crate; the check after reading
    // the folder catches links that lead out.
    if climbs_out(Path::new(rel)) {
        errors.push(err(span, Rule::CatalogOutsideCrate, outside_crate(rel)));
        return None;
    }
    let Ok(dir) = std::env::var("CARGO_MANIFEST_DIR") else {
        errors.push(err(
            span,
            Rule::CatalogUnreadable,
            "CARGO_MANIFEST_DIR is not set; catalog paths are resolved against it",
        ));
        return None;
    };
    let full = Path::new(&dir).join(rel);
    if let (Ok(root), Ok(target)) = (Path::new(&dir).canonicalize(), full.canonicalize()) {
        if !target.starts_with(&root) {
            errors.push(err(span, Rule::CatalogOutsideCrate, outside_crate(rel)));
            return None;
        }
    }
    let bytes = match std::fs::read(&full) {
        Ok(b) => b,
        Err(e) => {
            let why = if e.kind() == std::io::ErrorKind::NotFound {
                "no such file".to_string()
            } else {
                e.to_string()
            };
            errors.push(err(span, Rule::CatalogUnreadable, format!("cannot read catalog `{rel}`: {why}\nhelp: the path is relative to the directory of the crate's Cargo.toml")));
            return None;
        }
    };
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            errors.push(err(
                span,
                Rule::CatalogNotUtf8,
                format!(
                    "catalog `{rel}` is not UTF-8 (invalid byte at offset {})",
                    e.utf8_error().valid_up_to()
                ),
            ));
            return None;
        }
    };
    let (catalog, problems) = error_catalog_model::read_str(rel, &text);
    let starts = problems
        .file
        .as_ref()
        .map(SourceFile::line_starts)
        .unwrap_or_default();
    for d in &problems.list {
        errors.push(diag_to_syn(d, span, problems.file.as_ref(), &starts));
    }
    catalog.map(|c| (full.canonicalize().unwrap_or(full), c))
}

/// True when the relative path `rel`, read as text, climbs above the folder
/// it starts from (`../x`, `a/../../x`).
fn climbs_out(rel: &Path) -> bool {
    let mut depth = 0usize;
    for c in rel.components() {
        match c {
            std::path::Component::ParentDir => match depth.checked_sub(1) {
                Some(d) => depth = d,
                None => return true,
            },
            std::path::Component::Normal(_) => depth += 1,
            std::path::Component::CurDir => {}
            // a root or a prefix: not relative (refused before)
            _ => return true,
        }
    }
    false
}

/// The diagnostic for a catalog path that leads outside the crate.
fn outside_crate(rel: &str) -> String {
    format!("catalog path `{rel}` leads outside the crate\nhelp: keep the catalog inside the directory of the crate's Cargo.toml (copy it, or point to a file under it)")
}
