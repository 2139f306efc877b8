//! Derive input → one model: the [`Catalog`] (from a catalog file, or built from
//! inline attributes) and how each enum variant binds to its entries.

use std::path::PathBuf;

use syn::spanned::Spanned;
use syn::{Fields, Ident, Type};

use crate::attr::{self, Attrs};
use crate::diagnostic::err;
use crate::rust_types::{expected_type_text, field_type_of, type_matches};
use error_catalog_model::diag::did_you_mean;
use error_catalog_model::model::*;
use error_catalog_model::rules::Rule;
/// Everything expansion needs, already validated.
pub struct Input {
    /// The enum's name.
    pub ident: Ident,
    /// Path to the runtime crate (`::error_catalog` unless overridden).
    pub krate: syn::Path,
    /// The catalog: only the entries that have a variant, in catalog order.
    pub catalog: Catalog,
    /// One binding per catalog entry, same order.
    pub variants: Vec<Bound>,
    /// The fallback variant.
    pub unknown: Ident,
    /// The catalog file to track for rebuilds.
    pub track: Option<PathBuf>,
    /// The borrowed view to generate beside the enum (`#[api_error(borrowed)]`).
    pub view: Option<View>,
}

/// The borrowed view of an enum: the same variants, text fields as `Cow<str>`.
pub struct View {
    /// Its name: the enum's with `Ref` appended.
    pub ident: Ident,
    /// The enum's visibility, which it shares.
    pub vis: syn::Visibility,
}

/// One enum variant bound to one catalog entry.
pub struct Bound {
    /// The variant.
    pub ident: Ident,
    /// Has named fields (`{ .. }`), as opposed to a unit variant.
    pub named: bool,
    /// Its data fields.
    pub fields: Vec<BoundField>,
    /// Its `#[api_error(extra)]` field.
    pub extra: Option<Ident>,
}

/// One variant field bound to a catalog field.
pub struct BoundField {
    /// The Rust field.
    pub ident: Ident,
    /// The name on the wire.
    pub wire: String,
    /// Its Rust type.
    pub ty: Type,
    /// It is an `Option<_>`.
    pub optional: bool,
    /// It is a `Vec<_>` (a JSON array).
    pub list: bool,
    /// Where it sits, when not under `fields_at` (explicit or from the envelope).
    pub at: Option<Pointer>,
    /// Its base type, for placeholder matching.
    pub base: BaseType,
    /// Must not leave a server in public responses.
    pub internal: bool,
}

impl BoundField {
    /// A text field (`String` or `Option<String>`): the borrowed view holds it
    /// as `Cow<str>`, and typed reading stores it as one (owned by the enum's
    /// sink, borrowed from the body by the view's).
    pub fn is_text(&self) -> bool {
        self.base == BaseType::String && !self.list
    }
}

pub(super) type Read = Option<(Catalog, Vec<Bound>, Option<PathBuf>)>;

pub(super) fn is_unknown(a: &Attrs) -> bool {
    a.key_span("unknown").is_some()
}

/// Reads a variant's fields. With `expected`, fields are checked against the catalog.
pub(super) fn bind_fields(
    v: &syn::Variant,
    wire: &Wire,
    expected: Option<(&ErrorEntry, &str, &[&str])>,
    errors: &mut Vec<syn::Error>,
) -> (Vec<BoundField>, Option<Ident>, bool) {
    let mut out = Vec::new();
    let mut extra = None;
    let named = match &v.fields {
        Fields::Unit => false,
        Fields::Named(_) => true,
        Fields::Unnamed(u) => {
            errors.push(err(u.span(), Rule::VariantFieldsUnnamed, format!("variant `{}` must have named fields (`{{ id: String }}`) so placeholders can name them", v.ident)));
            return (out, None, false);
        }
    };
    for f in v.fields.iter() {
        let Some(ident) = f.ident.clone() else {
            continue;
        };
        let a = attr::parse(&f.attrs, attr::FIELD_KEYS, "a field", errors);
        if a.flag("extra", errors).is_some() {
            extra = Some(ident);
            continue;
        }
        let wire_name = a
            .str("rename", errors)
            .map_or_else(|| ident.to_string(), |s| s.value);
        let at = match a.str("at", errors) {
            Some(s) => match Pointer::parse(&s.value) {
                Ok(p) => Some(p),
                Err(e) => {
                    errors.push(err(s.span, Rule::PointerInvalid, e));
                    None
                }
            },
            None => wire
                .fields
                .iter()
                .find(|w| w.wire.value == wire_name)
                .and_then(|w| w.at_ptr.as_ref().map(|p| p.value.clone())),
        };
        let FieldType {
            base,
            list,
            optional,
        } = field_type_of(&f.ty);
        let internal = a.flag("internal", errors).is_some();
        out.push(BoundField {
            ident,
            wire: wire_name,
            ty: f.ty.clone(),
            optional,
            list,
            at,
            base,
            internal,
        });
    }
    if let Some((entry, path, objects)) = expected {
        check_fields_agree(v, wire, (entry, path, objects), &out, errors);
        // The catalog is the truth for names and places on the wire.
        for f in &mut out {
            if let Some(c) = wire
                .fields
                .iter()
                .chain(&entry.fields)
                .find(|c| f.ident == c.rust.value)
            {
                f.wire = c.wire.value.clone();
                f.at = c.at_ptr.as_ref().map(|p| p.value.clone());
                f.internal = f.internal || c.internal;
            }
        }
    }
    (out, extra, named)
}

/// Rule: a catalog-bound variant has exactly the catalog's fields (its own and the
/// envelope's), each with the catalog's type.
fn check_fields_agree(
    v: &syn::Variant,
    wire: &Wire,
    (entry, path, objects): (&ErrorEntry, &str, &[&str]),
    fields: &[BoundField],
    errors: &mut Vec<syn::Error>,
) {
    let all: Vec<&Field> = wire.fields.iter().chain(&entry.fields).collect();
    for f in fields {
        match all.iter().find(|c| f.ident == c.rust.value) {
            None => {
                let names = all.iter().map(|c| c.rust.value.as_str());
                let help = match did_you_mean(&f.ident.to_string(), names) {
                    Some(m) => format!("\nhelp: did you mean `{m}`?"),
                    None => String::new(),
                };
                errors.push(err(
                    f.ident.span(),
                    Rule::FieldNotInCatalog,
                    format!(
                        "field `{}` of variant `{}` is not a field of code `{}` in `{path}`{help}",
                        f.ident, v.ident, entry.code.value
                    ),
                ));
            }
            Some(c) => {
                if !type_matches(c.ty.value, &f.ty, objects) {
                    errors.push(err(
                        f.ty.span(),
                        Rule::FieldTypeMismatch,
                        format!(
                            "field `{}` is `{}` in `{path}`, so its Rust type must be `{}`",
                            f.ident,
                            c.ty.value.name(objects),
                            expected_type_text(c.ty.value, objects)
                        ),
                    ));
                }
            }
        }
    }
    let unmatched = fields
        .iter()
        .any(|f| !all.iter().any(|c| f.ident == c.rust.value));
    for c in &all {
        if !unmatched && !fields.iter().any(|f| f.ident == c.rust.value) {
            errors.push(err(
                v.ident.span(),
                Rule::VariantLacksField,
                format!(
                    "variant `{}` lacks field `{}: {}` that code `{}` has in `{path}`",
                    v.ident,
                    c.rust.value,
                    expected_type_text(c.ty.value, objects),
                    entry.code.value
                ),
            ));
        }
    }
}
