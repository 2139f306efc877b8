//! The Rust types of bound fields: which catalog type a Rust type is, and
//! whether it is the one a catalog field asks for.

use syn::Type;

use error_catalog_model::model::*;

/// The Rust type a catalog type expects, as text (`objects`: the names of the
/// catalog's declared object types).
pub fn expected_type_text(t: FieldType, objects: &[&str]) -> String {
    let base = match t.base {
        BaseType::Json => "serde_json::Value",
        b => b.rust_name(objects),
    };
    let base = if t.list {
        format!("Vec<{base}>")
    } else {
        base.to_string()
    };
    if t.optional {
        format!("Option<{base}>")
    } else {
        base
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
    generic_inner(ty, "Option")
}

/// `T` of `Wrapper<T>` (`Option`, `Vec`), when `ty` is one.
fn generic_inner<'t>(ty: &'t Type, wrapper: &str) -> Option<&'t Type> {
    let seg = last_segment(ty)?;
    if seg.ident != wrapper {
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

/// The type inside `Option<_>` and `Vec<_>`, and whether each was there.
fn unwrap(ty: &Type) -> (&Type, bool, bool) {
    let (ty, optional) = option_inner(ty).map_or((ty, false), |t| (t, true));
    let (ty, list) = generic_inner(ty, "Vec").map_or((ty, false), |t| (t, true));
    (ty, list, optional)
}

/// The catalog type of a field's Rust type: `Option<_>` optional, `Vec<_>` a
/// list; a base type anything unrecognised (a struct of the user's) is `json`.
pub fn field_type_of(ty: &Type) -> FieldType {
    let (inner, list, optional) = unwrap(ty);
    FieldType {
        base: base_of(inner),
        list,
        optional,
    }
}

/// True when `ty` is the Rust type of catalog type `expected` (a declared
/// object's by its name in `objects`).
pub(super) fn type_matches(expected: FieldType, ty: &Type, objects: &[&str]) -> bool {
    let got = field_type_of(ty);
    let (inner, _, _) = unwrap(ty);
    let named = |n: &str| last_segment(inner).is_some_and(|s| s.ident == n);
    let base = match expected.base {
        BaseType::Json => named("Value"),
        BaseType::Object(i) => {
            got.base == BaseType::Json && named(objects.get(usize::from(i)).copied().unwrap_or(""))
        }
        b => got.base == b,
    };
    (got.optional, got.list) == (expected.optional, expected.list) && base
}
