//! The variant built straight from a classified message (`__direct`'s arms).
//!
//! For a body that holds the message and nothing else, the general path
//! classifies, builds the variant from the holes (every other field absent),
//! and keeps the received message only when the variant would not render it
//! exactly. Where a match is exact and every field comes from a placeholder or is
//! an absent `Option`, that path gives exactly the variant built here; anywhere
//! else (a field it cannot fill, an integer not written canonically or too large
//! for its type) the arm gives `None` and the general path decides.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use crate::ast::{Bound, Input};
use crate::lower::exact_fields;
use error_catalog_core::template::Template;
use error_catalog_model::layout::{Place, Placement};
use error_catalog_model::model::{BaseType, ErrorEntry};

/// The expression giving `Some(variant)` for a match of pattern `t` of entry `i`
/// (variant `b`), whose placeholders' texts are in the locals `holes` as (field
/// index, local); `None` where the general path must decide.
pub(super) fn built(
    input: &Input,
    placement: &Placement,
    i: usize,
    e: &ErrorEntry,
    b: &Bound,
    t: &Template,
    holes: &[(usize, Ident)],
) -> TokenStream {
    let none = quote!(__p::None);
    if exact_fields(e, b, t).is_none() {
        return none;
    }
    let (ident, v) = (&input.ident, &b.ident);
    if !b.named {
        return quote!(__p::Some(#ident::#v));
    }
    let places = placement.places.get(i).map_or(&[][..], Vec::as_slice);
    let mut lets = Vec::new();
    let mut inits = Vec::new();
    for (j, f) in b.fields.iter().enumerate() {
        let id = &f.ident;
        // a placeholder fills the field only where every pattern names it
        let text = (places.get(j) == Some(&Place::Hole))
            .then(|| holes.iter().find(|(k, _)| *k == j).map(|(_, c)| c))
            .flatten();
        match (text, f.base) {
            (Some(c), BaseType::String) => inits.push(quote!(#id: __p::text_into(#c),)),
            (Some(c), b) if b.is_integer() => {
                let value = format_ident!("__v{}", j);
                lets.push(quote!(let #value = __p::exact_int(#c)?;));
                inits.push(if f.optional {
                    quote!(#id: __p::Some(#value),)
                } else {
                    quote!(#id: #value,)
                });
            }
            (None, _) if f.optional => inits.push(quote!(#id: __p::None,)),
            _ => return none,
        }
    }
    let extra = b
        .extra
        .as_ref()
        .map(|x| quote!(#x: ::core::default::Default::default(),));
    quote!({ #(#lets)* __p::Some(#ident::#v { #(#inits)* #extra }) })
}
