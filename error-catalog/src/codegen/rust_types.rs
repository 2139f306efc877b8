//! The Rust types of bound fields: which catalog type a Rust type is, and
//! whether it is the one a catalog field asks for.

use syn::Type;

use crate::model::*;

/// The Rust type a catalog type expects, as text.
pub fn expected_type_text(t: FieldType) -> String {
    let base = match t.base {
        BaseType::Json => "serde_json::Value",
        b => b.rust_name(),
    };
    if t.optional {
        format!("Option<{base}>")
    } else {
        base.to_string()
    }
}

pub(super) fn last_segment(ty: &Type) -> Option<&syn::PathSegment> {
    match ty {
        Type::Path(p) if p.qself.is_none() => p.path.segments.last(),
        Type::Group(g) => last_segment(&g.elem),
        Type::Paren(p) => last_segment(&p.elem),
        _ => None,
    }
}

pub(super) fn option_inner(ty: &Type) -> Option<&Type> {
    let seg = last_segment(ty)?;
    if seg.ident != "Option" {
        return None;
    }
    match &seg.arguments {
        syn::PathArguments::AngleBracketed(a) if a.args.len() == 1 => match a.args.first() {
            Some(syn::GenericArgument::Type(t)) => Some(t),
            _ => None,
        },
        _ => None,
    }
}

pub(super) fn base_of(ty: &Type) -> BaseType {
    let Some(seg) = last_segment(ty) else {
        return BaseType::Json;
    };
    let name = seg.ident.to_string();
    match name.as_str() {
        "String" | "str" => BaseType::String,
        "Value" => BaseType::Json,
        other => BaseType::ALL
            .iter()
            .find(|(n, _)| *n == other)
            .map_or(BaseType::Json, |(_, b)| *b),
    }
}

/// (optional, base) of a field's Rust type; anything unrecognised is `json`.
pub fn field_type_of(ty: &Type) -> (bool, BaseType) {
    match option_inner(ty) {
        Some(inner) => (true, base_of(inner)),
        None => (false, base_of(ty)),
    }
}

pub(super) fn type_matches(expected: FieldType, ty: &Type) -> bool {
    let (optional, base) = field_type_of(ty);
    let inner = option_inner(ty).unwrap_or(ty);
    let exact = match expected.base {
        BaseType::Json => last_segment(inner).is_some_and(|s| s.ident == "Value"),
        _ => true,
    };
    optional == expected.optional && base == expected.base && exact
}
