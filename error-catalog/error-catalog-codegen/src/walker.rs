//! A walker generated for one wire: one visitor per object on the way to a slot
//! or the fields object, matching its keys with a `match` (as serde_derive
//! does) instead of scanning the layout's pointers per key. It hands the typed
//! sink exactly the calls `engine::walk` would, for every body it accepts; a body
//! it does not expect (an envelope object that is not an object, for one) is
//! refused, and `decode` reads it again with `engine::walk`.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use error_catalog_model::layout::Placement;

/// One object on the way: its path, the slots that are its members, the objects
/// below it, and whether it is the fields object.
struct Level {
    path: Vec<String>,
    slots: Vec<(String, usize)>,
    children: Vec<(String, usize)>,
    fields: bool,
}

/// The objects the wire's pointers pass through, root first.
fn levels(placement: &Placement) -> Vec<Level> {
    let mut levels = vec![Level {
        path: Vec::new(),
        slots: Vec::new(),
        children: Vec::new(),
        fields: false,
    }];
    fn level_at(levels: &mut Vec<Level>, path: &[String]) -> usize {
        let mut at = 0;
        for (d, seg) in path.iter().enumerate() {
            let next = levels
                .get(at)
                .and_then(|n| n.children.iter().find(|(k, _)| k == seg).map(|(_, c)| *c));
            at = match next {
                Some(c) => c,
                None => {
                    let c = levels.len();
                    levels.push(Level {
                        path: path[..=d].to_vec(),
                        slots: Vec::new(),
                        children: Vec::new(),
                        fields: false,
                    });
                    if let Some(n) = levels.get_mut(at) {
                        n.children.push((seg.clone(), c));
                    }
                    c
                }
            };
        }
        at
    }
    for (i, p) in placement.slots.iter().enumerate() {
        let Some((last, parent)) = p.segments.split_last() else {
            continue; // (an empty pointer names no member)
        };
        let at = level_at(&mut levels, parent);
        if let Some(n) = levels.get_mut(at) {
            if !n.slots.iter().any(|(k, _)| k == last) {
                n.slots.push((last.clone(), i));
            }
        }
    }
    if let Some(f) = &placement.fields_at {
        let at = level_at(&mut levels, &f.segments);
        if let Some(n) = levels.get_mut(at) {
            n.fields = true;
        }
    }
    levels
}

/// The visitors, and `Sink::walk` for the sink `__Fast`.
pub(super) fn walker(placement: &Placement) -> (TokenStream, TokenStream) {
    // a wire reaching into arrays is walked by `engine::walk`, which selects
    // elements (the typed sink reads through it all the same)
    let selects = placement.slots.iter().any(|p| p.selects())
        || placement.fields_at.as_ref().is_some_and(|p| p.selects());
    if selects {
        return (TokenStream::new(), TokenStream::new());
    }
    let levels = levels(placement);
    let visitors = levels.iter().enumerate().map(|(n, node)| {
        let name = format_ident!("__Walk{}", n);
        let path = &node.path;
        // a member that is a slot is a slot, even where another pointer passes
        // through it (as in `engine::walk`)
        let mut names: Vec<&String> = node.slots.iter().map(|(k, _)| k).collect();
        let slot_arms: Vec<TokenStream> = node
            .slots
            .iter()
            .enumerate()
            .map(|(n, (_, i))| quote!(__p::engine::KeyOf::Named(#n) => __p::engine::Sink::slot(&mut *self.0, #i, &mut __map)?,))
            .collect();
        let mut child_arms = Vec::new();
        for (k, c) in node.children.iter().filter(|(k, _)| !node.slots.iter().any(|(s, _)| s == k)) {
            let n = names.len();
            names.push(k);
            let child = format_ident!("__Walk{}", c);
            child_arms.push(quote!(__p::engine::KeyOf::Named(#n) => __p::serde::de::MapAccess::next_value_seed(&mut __map, #child(&mut *self.0))?,));
        }
        // an if-chain, not a `match`: a `match` on the key compiles to a jump on
        // its length, mispredicted key after key
        let name_ifs = names.iter().enumerate().map(|(n, k)| quote!(if __k == #k { return __p::Some(#n); }));
        let other = if node.fields {
            quote!(__p::engine::Sink::member(&mut *self.0, __key, &mut __map)?)
        } else {
            quote! {{
                let __raw: &'b __p::serde_json::value::RawValue = __p::serde::de::MapAccess::next_value(&mut __map)?;
                __p::engine::Sink::extra(&mut *self.0, &__p::engine::PointerTo::under(&[#(#path),*], &__key), __raw.get())
                    .map_err(<__A::Error as __p::serde::de::Error>::custom)?
            }}
        };
        quote! {
            struct #name<'s, 'b, const __OWN: bool>(&'s mut __Fast<'b, __OWN>);
            impl<'s, 'b, const __OWN: bool> __p::serde::de::DeserializeSeed<'b> for #name<'s, 'b, __OWN> {
                type Value = ();
                fn deserialize<__D: __p::serde::Deserializer<'b>>(self, __d: __D) -> __p::Result<(), __D::Error> {
                    __p::serde::Deserializer::deserialize_map(__d, self)
                }
            }
            impl<'s, 'b, const __OWN: bool> __p::serde::de::Visitor<'b> for #name<'s, 'b, __OWN> {
                type Value = ();
                fn expecting(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    __f.write_str("a JSON object")
                }
                #[allow(clippy::match_single_binding)]
                fn visit_map<__A: __p::serde::de::MapAccess<'b>>(self, mut __map: __A) -> __p::Result<(), __A::Error> {
                    let __names = |__k: &str| { #(#name_ifs)* __p::None };
                    while let __p::Some(__k) = __p::serde::de::MapAccess::next_key_seed(&mut __map, __p::engine::KeySeed(__names))? {
                        match __k {
                            #(#slot_arms)*
                            #(#child_arms)*
                            __p::engine::KeyOf::Other(__key) => #other,
                            // (every position the lookup gives has its arm above)
                            __p::engine::KeyOf::Named(_) => {
                                return __p::Err(<__A::Error as __p::serde::de::Error>::custom("a key without its arm"));
                            }
                        }
                    }
                    __p::Ok(())
                }
            }
        }
    });
    let walk = quote! {
        #[inline(always)]
        fn walk(&mut self, __body: &'b [u8], __layout: &__p::Layout<'_>) -> __p::Result<(), __p::engine::CaptureError> {
            if self.on {
                __p::engine::walk_with(__body, __Walk0(self))
            } else {
                __p::engine::walk(__body, __layout, self)
            }
        }
    };
    (quote!(#(#visitors)*), walk)
}
