//! A walker generated for one wire: one visitor per object on the way to a slot
//! or the fields object, matching its keys with a `match` (as serde_derive
//! does) instead of scanning the layout's pointers per key, and one per array
//! whose elements a pointer selects (`*` or indices), taking its elements by
//! their index instead of parsing the selectors on every walk. It hands the
//! typed sink exactly the calls `engine::walk` would, for every body it
//! accepts; a body it does not expect (an envelope object that is not an
//! object, a first element `*` takes that lacks some of what it is taken for)
//! is refused, and `decode` reads it again with `engine::walk`.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use error_catalog_core::engine::{Select, MAX_SLOTS};
use error_catalog_model::layout::Placement;

/// One object (or array) on the way: the slots that are its members, the
/// levels below it, and whether it is the fields object.
struct Level {
    slots: Vec<(String, usize)>,
    children: Vec<(String, usize)>,
    fields: bool,
}

/// The objects the wire's pointers pass through, root first.
fn levels(placement: &Placement) -> Vec<Level> {
    let mut levels = vec![Level {
        slots: Vec::new(),
        children: Vec::new(),
        fields: false,
    }];
    fn level_at(levels: &mut Vec<Level>, path: &[String]) -> usize {
        let mut at = 0;
        for seg in path {
            let next = levels
                .get(at)
                .and_then(|n| n.children.iter().find(|(k, _)| k == seg).map(|(_, c)| *c));
            at = match next {
                Some(c) => c,
                None => {
                    let c = levels.len();
                    levels.push(Level {
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

/// How a level is read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// An object: its members matched by key.
    Object,
    /// An array whose first element `*` takes: the element must reach every
    /// slot (and the fields object) below it, and the rest are kept.
    First,
    /// An array whose elements are taken by their index.
    Indices,
}

/// The shape of every level, or `None` when the wire selects elements in a way
/// the generated walker leaves to `engine::walk`: a `[member=value]` filter
/// (an element must be seen first), a slot or fields object that is an element
/// itself, an array level that also names members, `*` beside other selectors.
/// The body's own level is always an object (`engine::walk` refuses anything
/// else), where a selector-like segment is a key.
fn shapes(levels: &[Level]) -> Option<Vec<Shape>> {
    levels
        .iter()
        .enumerate()
        .map(|(n, level)| {
            let selectors: Vec<Option<Select<'_>>> = level
                .children
                .iter()
                .map(|(k, _)| Select::of(k))
                .chain(level.slots.iter().map(|(k, _)| Select::of(k)))
                .collect();
            if n == 0 || selectors.iter().all(Option::is_none) {
                return Some(Shape::Object);
            }
            if !level.slots.is_empty() || level.fields {
                return None;
            }
            let selectors: Option<Vec<Select<'_>>> = selectors.into_iter().collect();
            match selectors?.as_slice() {
                [Select::First] => Some(Shape::First),
                s if s.iter().all(|s| matches!(s, Select::Index(_))) => Some(Shape::Indices),
                _ => None,
            }
        })
        .collect()
}

/// Each level's pointer as `engine::walk` spells it: an element taken by `*`
/// is the first (`0`), one taken by index is that index.
fn spelled(levels: &[Level], shapes: &[Shape]) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = vec![Vec::new(); levels.len()];
    for (n, level) in levels.iter().enumerate() {
        for (seg, c) in &level.children {
            let mut path = out[n].clone();
            path.push(match shapes[n] {
                Shape::First => "0".to_string(),
                Shape::Object | Shape::Indices => seg.clone(),
            });
            if let Some(p) = out.get_mut(*c) {
                *p = path;
            }
        }
    }
    out
}

/// What level `n` and those below it are taken for: its slots' bits, and
/// `FIELDS_REACHED` when the fields object is among them.
fn reach(levels: &[Level], n: usize) -> (u32, bool) {
    let Some(level) = levels.get(n) else {
        return (0, false);
    };
    let mut bits = level.slots.iter().fold(0u32, |b, (_, i)| b | 1 << i);
    let mut fields = level.fields;
    for (_, c) in &level.children {
        let (b, f) = reach(levels, *c);
        bits |= b;
        fields |= f;
    }
    (bits, fields)
}

/// The visitors, and `Sink::walk` for the sink `__Fast`.
pub(super) fn walker(placement: &Placement) -> (TokenStream, TokenStream) {
    let selects = placement.slots.iter().any(|p| p.selects())
        || placement.fields_at.as_ref().is_some_and(|p| p.selects());
    let levels = levels(placement);
    // a wire reaching into arrays in a way not generated here is walked by
    // `engine::walk` (the typed sink reads through it all the same)
    let shapes = match shapes(&levels) {
        Some(s) if !selects || placement.slots.len() <= MAX_SLOTS => s,
        _ => return (TokenStream::new(), TokenStream::new()),
    };
    // (a wire into arrays has its levels report what they reached, which an
    // element `*` takes is checked against; other wires' levels report nothing)
    let counting = selects;
    let spelled = spelled(&levels, &shapes);
    let visitors = levels.iter().enumerate().map(|(n, node)| {
        let name = format_ident!("__Walk{}", n);
        let path = &spelled[n];
        let value = if counting { quote!(u32) } else { quote!(()) };
        let visit = match shapes[n] {
            Shape::Object => object_visit(node, path, node.fields, counting),
            Shape::First | Shape::Indices => array_visit(&levels, n, shapes[n], path),
        };
        let deserialize = match shapes[n] {
            Shape::Object => quote!(deserialize_map),
            Shape::First | Shape::Indices => quote!(deserialize_seq),
        };
        let expecting = match shapes[n] {
            Shape::Object => "a JSON object",
            Shape::First | Shape::Indices => "a JSON array",
        };
        quote! {
            struct #name<'s, 'b, const __OWN: bool>(&'s mut __Fast<'b, __OWN>);
            impl<'s, 'b, const __OWN: bool> __p::serde::de::DeserializeSeed<'b> for #name<'s, 'b, __OWN> {
                type Value = #value;
                fn deserialize<__D: __p::serde::Deserializer<'b>>(self, __d: __D) -> __p::Result<#value, __D::Error> {
                    __p::serde::Deserializer::#deserialize(__d, self)
                }
            }
            impl<'s, 'b, const __OWN: bool> __p::serde::de::Visitor<'b> for #name<'s, 'b, __OWN> {
                type Value = #value;
                fn expecting(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    __f.write_str(#expecting)
                }
                #visit
            }
        }
    });
    let root = if counting {
        quote!(__p::engine::Root(__Walk0(self)))
    } else {
        quote!(__Walk0(self))
    };
    let walk = quote! {
        #[inline(always)]
        fn walk(&mut self, __body: &'b [u8], __layout: &__p::Layout<'_>) -> __p::Result<(), __p::engine::CaptureError> {
            if self.on {
                __p::engine::walk_with(__body, #root)
            } else {
                __p::engine::walk(__body, __layout, self)
            }
        }
    };
    (quote!(#(#visitors)*), walk)
}

/// `visit_map` of an object level: slots to the sink, levels below walked,
/// members of the fields object to the sink, anything else kept. Counting, it
/// returns what it reached (as `engine::walk`'s levels do).
fn object_visit(node: &Level, path: &[String], fields: bool, counting: bool) -> TokenStream {
    // a member that is a slot is a slot, even where another pointer passes
    // through it (as in `engine::walk`)
    let mut names: Vec<&String> = node.slots.iter().map(|(k, _)| k).collect();
    let slot_arms: Vec<TokenStream> = node
        .slots
        .iter()
        .enumerate()
        .map(|(n, (_, i))| {
            let hand = quote!(__p::engine::Sink::slot(&mut *self.0, #i, &mut __map)?);
            if counting {
                let bit = 1u32 << i;
                quote!(__p::engine::KeyOf::Named(#n) => { #hand; __reached |= #bit; })
            } else {
                quote!(__p::engine::KeyOf::Named(#n) => #hand,)
            }
        })
        .collect();
    let mut child_arms = Vec::new();
    for (k, c) in node
        .children
        .iter()
        .filter(|(k, _)| !node.slots.iter().any(|(s, _)| s == k))
    {
        let n = names.len();
        names.push(k);
        let child = format_ident!("__Walk{}", c);
        let walk =
            quote!(__p::serde::de::MapAccess::next_value_seed(&mut __map, #child(&mut *self.0))?);
        child_arms.push(if counting {
            quote!(__p::engine::KeyOf::Named(#n) => __reached |= #walk,)
        } else {
            quote!(__p::engine::KeyOf::Named(#n) => #walk,)
        });
    }
    // an if-chain, not a `match`: a `match` on the key compiles to a jump on
    // its length, mispredicted key after key
    let name_ifs = names
        .iter()
        .enumerate()
        .map(|(n, k)| quote!(if __k == #k { return __p::Some(#n); }));
    let other = if fields {
        quote!(__p::engine::Sink::member(&mut *self.0, __key, &mut __map)?)
    } else {
        quote! {{
            let __raw: &'b __p::serde_json::value::RawValue = __p::serde::de::MapAccess::next_value(&mut __map)?;
            __p::engine::Sink::extra(&mut *self.0, &__p::engine::PointerTo::under(&[#(#path),*], &__key), __raw.get())
                .map_err(<__A::Error as __p::serde::de::Error>::custom)?
        }}
    };
    let (value, start, done) = if counting {
        let start = if fields {
            quote!(let mut __reached: u32 = __p::engine::FIELDS_REACHED;)
        } else {
            quote!(let mut __reached: u32 = 0;)
        };
        (quote!(u32), start, quote!(__p::Ok(__reached)))
    } else {
        (quote!(()), TokenStream::new(), quote!(__p::Ok(())))
    };
    quote! {
        #[allow(clippy::match_single_binding)]
        fn visit_map<__A: __p::serde::de::MapAccess<'b>>(self, mut __map: __A) -> __p::Result<#value, __A::Error> {
            let __names = |__k: &str| { #(#name_ifs)* __p::None };
            #start
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
            #done
        }
    }
}

/// `visit_seq` of an array level: the elements its selectors take walked, the
/// others kept under their index, as `engine::walk`'s `Level::elements` does.
fn array_visit(levels: &[Level], n: usize, shape: Shape, path: &[String]) -> TokenStream {
    let children = levels.get(n).map_or(&[][..], |l| &l.children[..]);
    let keep = quote! {
        __p::engine::Sink::extra(
            &mut *self.0,
            &__p::engine::PointerTo::under(&[#(#path),*], __p::engine::index_text(__index, &mut __buf)),
            __raw.get(),
        )
        .map_err(<__S::Error as __p::serde::de::Error>::custom)?
    };
    let next_raw = quote! {
        __p::serde::de::SeqAccess::next_element::<&'b __p::serde_json::value::RawValue>(&mut __seq)?
    };
    let body = match (shape, children) {
        (Shape::First, [(_, c)]) => {
            let child = format_ident!("__Walk{}", c);
            let (bits, fields) = reach(levels, *c);
            let all = if fields {
                quote!((#bits | __p::engine::FIELDS_REACHED))
            } else {
                quote!(#bits)
            };
            quote! {
                let __p::Some(__got) = __p::serde::de::SeqAccess::next_element_seed(&mut __seq, #child(&mut *self.0))? else {
                    return __p::Ok(0);
                };
                // (an element without all it was taken for leaves the rest to
                // later elements: `engine::walk` reads that body)
                if (__got & #all) != #all {
                    return __p::Err(<__S::Error as __p::serde::de::Error>::custom("a first element without all the wire names"));
                }
                let mut __buf = [0u8; 20];
                let mut __index = 1usize;
                while let __p::Some(__raw) = #next_raw {
                    #keep;
                    __index += 1;
                }
                __p::Ok(__got)
            }
        }
        _ => {
            let arms = children.iter().map(|(seg, c)| {
                let child = format_ident!("__Walk{}", c);
                let index: usize = match Select::of(seg) {
                    Some(Select::Index(i)) => i,
                    _ => usize::MAX,
                };
                quote! {
                    #index => match __p::serde::de::SeqAccess::next_element_seed(&mut __seq, #child(&mut *self.0))? {
                        __p::Some(__got) => __got,
                        __p::None => break,
                    },
                }
            });
            quote! {
                let mut __reached: u32 = 0;
                let mut __buf = [0u8; 20];
                let mut __index = 0usize;
                loop {
                    __reached |= match __index {
                        #(#arms)*
                        _ => match #next_raw {
                            __p::Some(__raw) => {
                                #keep;
                                0
                            }
                            __p::None => break,
                        },
                    };
                    __index += 1;
                }
                __p::Ok(__reached)
            }
        }
    };
    quote! {
        fn visit_seq<__S: __p::serde::de::SeqAccess<'b>>(self, mut __seq: __S) -> __p::Result<u32, __S::Error> {
            #body
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use error_catalog_model::model::Pointer;

    fn placement(slots: &[&str], fields_at: Option<&str>) -> Placement {
        let parse = |p: &str| Pointer::parse(p).expect("a test pointer");
        Placement {
            slots: slots.iter().map(|p| parse(p)).collect(),
            code: Some(0),
            message: None,
            fields_at: fields_at.map(parse),
            places: Vec::new(),
        }
    }

    fn generated(slots: &[&str], fields_at: Option<&str>) -> bool {
        !walker(&placement(slots, fields_at)).0.is_empty()
    }

    #[test]
    fn array_wires_taking_elements_by_star_or_index_get_a_walker() {
        assert!(generated(
            &["/errors/*/code", "/errors/*/message", "/success"],
            Some("/errors/*")
        ));
        assert!(generated(
            &["/data/errors/1/code", "/data/errors/1/notes/*/text"],
            Some("/data/errors/1/meta")
        ));
        assert!(generated(&["/errors/0/code", "/errors/2/code"], None));
        // at the body's own level a selector-like segment is a key
        assert!(generated(&["/0/code", "/*/message"], None));
    }

    #[test]
    fn other_array_wires_are_left_to_engine_walk() {
        // a filter must see its element first
        assert!(!generated(&["/error/details/[@type=x]/reason"], None));
        // an element that is a slot, or the fields object
        assert!(!generated(&["/errorMessages/0"], None));
        assert!(!generated(&["/errors/*/code"], Some("/errors")));
        // `*` beside an index, and an array level that also names a member
        assert!(!generated(&["/errors/*/code", "/errors/0/message"], None));
        assert!(!generated(&["/errors/0/code", "/errors/count"], None));
    }

    #[test]
    fn elements_are_spelled_as_engine_walk_spells_them() {
        let p = placement(
            &["/data/errors/1/code", "/data/errors/1/notes/*/text"],
            None,
        );
        let levels = levels(&p);
        let shapes = shapes(&levels).expect("a walker");
        let spelled = spelled(&levels, &shapes);
        assert!(spelled.contains(&vec!["data".into(), "errors".into(), "1".into()]));
        let note: Vec<String> = ["data", "errors", "1", "notes", "0"]
            .map(String::from)
            .into();
        assert!(spelled.contains(&note), "{spelled:?}");
        assert!(!spelled.iter().flatten().any(|s| s == "*"));
    }

    #[test]
    fn a_star_element_must_reach_every_slot_and_the_fields_object_below_it() {
        let p = placement(&["/errors/*/code", "/errors/*/message"], Some("/errors/*"));
        let levels = levels(&p);
        let star = levels
            .iter()
            .position(|l| l.fields)
            .expect("the element level");
        assert_eq!(reach(&levels, star), (0b11, true));
    }
}
