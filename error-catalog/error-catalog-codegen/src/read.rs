//! Pass 1, parsing: a derive input → the model ([`Input`]), from a catalog
//! file (`bound`) or from inline attributes (`inline`), with every mistake
//! found in one run.

use syn::spanned::Spanned;
use syn::{Data, DeriveInput, Fields, Ident};

use crate::ast::{BoundField, Input, View};
use crate::attr;
use crate::bound::from_catalog;
use crate::diagnostic::err;
use crate::inline::from_attributes;
use error_catalog_model::rules::Rule;

/// Reads a derive input. On failure returns every error found.
pub fn read(input: &DeriveInput) -> Result<Input, Vec<syn::Error>> {
    let mut errors = Vec::new();
    let data = match &input.data {
        Data::Enum(e) => e,
        Data::Struct(s) => {
            return Err(vec![err(
                s.struct_token.span,
                Rule::DeriveNotEnum,
                "`ApiError` can only be derived for enums: each variant is one error",
            )])
        }
        Data::Union(u) => {
            return Err(vec![err(
                u.union_token.span,
                Rule::DeriveNotEnum,
                "`ApiError` can only be derived for enums: each variant is one error",
            )])
        }
    };
    if !input.generics.params.is_empty() {
        errors.push(err(
            input.generics.span(),
            Rule::DeriveGeneric,
            "`ApiError` cannot be derived for a generic enum",
        ));
    }
    let enum_attrs = attr::parse(&input.attrs, attr::ENUM_KEYS, "an enum", &mut errors);
    let krate = match enum_attrs.str("crate", &mut errors) {
        Some(s) => match syn::parse_str::<syn::Path>(&s.value) {
            Ok(p) => p,
            Err(_) => {
                errors.push(err(
                    s.span,
                    Rule::CratePathInvalid,
                    format!(
                        "`crate` must be a path such as `::error_catalog`, not `{}`",
                        s.value
                    ),
                ));
                syn::parse_quote!(::error_catalog)
            }
        },
        None => syn::parse_quote!(::error_catalog),
    };

    // The fallback variant.
    let mut unknown: Option<Ident> = None;
    let mut variant_attrs = Vec::new();
    for v in &data.variants {
        let a = attr::parse(&v.attrs, attr::VARIANT_KEYS, "a variant", &mut errors);
        if let Some(span) = a.flag("unknown", &mut errors) {
            if unknown.is_some() {
                errors.push(err(
                    span,
                    Rule::FallbackTwice,
                    "two variants are marked `#[api_error(unknown)]`; keep one fallback",
                ));
            } else if !matches!(&v.fields, Fields::Unnamed(f) if f.unnamed.len() == 1) {
                errors.push(err(v.ident.span(), Rule::FallbackShape, "the `#[api_error(unknown)]` variant must hold one `error_catalog::UnknownError`: `Unknown(UnknownError)`"));
            }
            unknown = Some(v.ident.clone());
            if a.items.len() > 1 {
                errors.push(err(
                    span,
                    Rule::FallbackKeys,
                    "the fallback variant takes no other `#[api_error]` keys",
                ));
            }
        }
        variant_attrs.push(a);
    }
    if unknown.is_none() {
        errors.push(err(
            input.ident.span(), Rule::FallbackMissing,
            "missing fallback variant: add `#[api_error(unknown)] Unknown(error_catalog::UnknownError)` to hold responses the catalog does not describe",
        ));
    }

    let catalog_given = enum_attrs.key_span("catalog").is_some();
    let catalog_attr = enum_attrs.str("catalog", &mut errors);
    if catalog_given && catalog_attr.is_none() {
        return Err(errors);
    }
    let result = match &catalog_attr {
        Some(path) => from_catalog(input, data, &enum_attrs, &variant_attrs, path, &mut errors),
        None => from_attributes(input, data, &enum_attrs, &variant_attrs, &mut errors),
    };
    let borrowed = enum_attrs.flag("borrowed", &mut errors);
    if let (Some(span), Some((_, variants, _))) = (borrowed, &result) {
        if !variants
            .iter()
            .flat_map(|b| &b.fields)
            .any(BoundField::is_text)
        {
            errors.push(err(
                span, Rule::BorrowedUseless,
                format!(
                    "`borrowed`: no variant of `{}` has a `String` field, so a borrowed view would be the enum itself; remove `borrowed`",
                    input.ident
                ),
            ));
        }
    }
    let view = borrowed.map(|_| View {
        ident: quote::format_ident!("{}Ref", input.ident),
        vis: input.vis.clone(),
    });
    match (result, unknown) {
        (Some((catalog, variants, track)), Some(unknown)) if errors.is_empty() => Ok(Input {
            ident: input.ident.clone(),
            krate,
            catalog,
            variants,
            unknown,
            track,
            view,
        }),
        _ => Err(errors),
    }
}
