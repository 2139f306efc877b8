//! Small token writers every emitter shares: optional values, pointers,
//! placeholder kinds, variant patterns, field readers. A leaf module: it
//! imports no other emitter.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::ast::{Bound, BoundField, Input};
use error_catalog_core::engine::Identity;
use error_catalog_core::template::HoleKind;
use error_catalog_model::model::{ErrorEntry, FieldType, RetryRule};
use error_catalog_model::plan::ProblemSlots;

/// A `when` value (JSON text of a boolean, an integer or a string: all the
/// catalog's parser and the derive accept) as a Rust literal.
pub(super) fn scalar_literal(json: &str) -> Option<TokenStream> {
    match serde_json::from_str(json).ok()? {
        serde_json::Value::Bool(b) => Some(quote!(#b)),
        serde_json::Value::String(s) => Some(quote!(#s)),
        serde_json::Value::Number(n) => match (n.as_i64(), n.as_u64()) {
            (Some(n), _) => Some(quote!(#n)),
            (None, Some(n)) => Some(quote!(#n)),
            _ => None,
        },
        _ => None,
    }
}

pub(super) fn opt_str(v: &Option<String>) -> TokenStream {
    match v {
        Some(s) => quote!(__p::Some(#s)),
        None => quote!(__p::None),
    }
}

pub(super) fn retry_tokens(input: &Input, r: RetryRule) -> TokenStream {
    let krate = &input.krate;
    let v = format_ident!(
        "{}",
        match r {
            RetryRule::Never => "Never",
            RetryRule::Backoff => "Backoff",
            RetryRule::Once => "Once",
            RetryRule::After => "After",
        }
    );
    quote!(#krate::RetryRule::#v)
}

pub(super) fn segments_tokens(segs: &[String]) -> TokenStream {
    quote!(&[#(#segs),*])
}

/// What the placeholder filling field `idx` of `b` matches in a message.
pub(super) fn hole_kind(b: &Bound, idx: usize) -> HoleKind {
    b.fields
        .get(idx)
        .map_or(HoleKind::Text, |f| f.base.hole_kind())
}

/// The tokens naming `kind` in generated code.
pub(super) fn kind_tokens(kind: HoleKind) -> TokenStream {
    match kind {
        HoleKind::Text => quote!(__p::HoleKind::Text),
        HoleKind::Integer => quote!(__p::HoleKind::Integer),
        HoleKind::Number => quote!(__p::HoleKind::Number),
    }
}

/// The field index and kind of placeholder `name` in `b`'s patterns.
pub(super) fn hole(b: &Bound, name: &str) -> (usize, HoleKind) {
    let idx = b
        .fields
        .iter()
        .position(|f| f.wire == name)
        .unwrap_or(usize::MAX);
    (idx, hole_kind(b, idx))
}

pub(super) fn identity_tokens(i: Identity) -> TokenStream {
    match i {
        Identity::Code => quote!(__p::Identity::Code),
        Identity::Message => quote!(__p::Identity::Message),
        Identity::Status => quote!(__p::Identity::Status),
    }
}

/// `Self::V { a, b, .. }` binding the named fields (or `Self::V` for a unit variant).
pub(super) fn pat(b: &Bound, names: &[&syn::Ident]) -> TokenStream {
    let v = &b.ident;
    if b.named {
        quote!(Self::#v { #(#names,)* .. })
    } else {
        quote!(Self::#v)
    }
}

/// True when a public response must not show field `f` of entry `e`.
pub(super) fn redacted(e: &ErrorEntry, f: &BoundField) -> bool {
    f.internal || e.status_u16().is_some_and(|s| s >= 500)
}

/// The `__private` function that reads field `f` from its raw JSON.
pub(super) fn reader_of(f: &BoundField) -> TokenStream {
    reader_for(FieldType {
        base: f.base,
        list: f.list,
        optional: f.optional,
    })
}

/// The `__private` function that reads a value of type `t` from its raw JSON
/// (the one `read_value` of the core crate picks for it too).
pub(super) fn reader_for(t: FieldType) -> TokenStream {
    use error_catalog_model::model::BaseType as B;
    match (t.base, t.list, t.optional) {
        (B::String, false, false) => quote!(__p::field_string),
        (B::String, false, true) => quote!(__p::field_opt_string),
        (b, false, false) if b.is_integer() => quote!(__p::field_int),
        (b, false, true) if b.is_integer() => quote!(__p::field_opt_int),
        _ => quote!(__p::field),
    }
}

/// How field `f` is read from a problem+json body: from the `fields` object when
/// its name clashes with a problem member (slots 6 on), else from the top.
pub(super) fn problem_read(f: &BoundField, problem: &ProblemSlots) -> TokenStream {
    let at = match problem.slot_of(&f.wire) {
        Some(slot) => quote!(__p::FieldAt::Slot(#slot)),
        None => {
            let w = &f.wire;
            quote!(__p::FieldAt::Member(#w))
        }
    };
    read_at(f, at, reader_of(f))
}

/// Reads field `f` from its raw JSON at `at` (a `FieldAt`) with `read`: an
/// optional field leniently (`read_optional`: a value not of its type reads
/// as `None` and is kept in the extra), a required one strictly (`read_field`).
pub(super) fn read_at(f: &BoundField, at: TokenStream, read: TokenStream) -> TokenStream {
    let w = &f.wire;
    if f.optional {
        quote!(__p::read_optional(__s, #at, #w, #read))
    } else {
        quote!(__p::read_field(__s, #at, #w, #read))
    }
}

/// A field's type in the view: text as `Cow<'b, str>`, anything else as it is.
/// Typed reading stores a field as this type while walking, for the enum too.
pub(super) fn view_ty(f: &BoundField) -> TokenStream {
    match (f.is_text(), f.optional) {
        (true, false) => quote!(::std::borrow::Cow<'b, str>),
        (true, true) => quote!(::core::option::Option<::std::borrow::Cow<'b, str>>),
        (false, _) => {
            let ty = &f.ty;
            quote!(#ty)
        }
    }
}
