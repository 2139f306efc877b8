//! `Serialize` into the service's envelope (and `Render::envelope`, which
//! problem+json and `Public` share), and the fallback's serialization.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, ToTokens};

use crate::ast::{Bound, Input};
use crate::tokens::{pat, redacted, scalar_literal, view_ty};
use crate::tree::{tree, Leaf, Node};
use error_catalog_core::engine::Select;
use error_catalog_model::layout::error_marks;
use error_catalog_model::model::ErrorEntry;
use error_catalog_model::plan::PlanBuf;

pub(super) fn chunk(members: Vec<TokenStream>) -> TokenStream {
    if members.len() <= 12 {
        return quote!((#(#members,)*));
    }
    let groups: Vec<TokenStream> = members.chunks(12).map(|c| quote!((#(#c,)*))).collect();
    chunk(groups)
}

/// What writes `leaf`: a member named `key`, or (`key` `None`) an array's element.
fn leaf_writer(e: &ErrorEntry, key: Option<&str>, leaf: &Leaf, b: &Bound) -> Option<TokenStream> {
    let one = |value: TokenStream| match key {
        Some(k) => quote!(__p::Member(#k, #value)),
        None => quote!(__p::Element(#value)),
    };
    Some(match leaf {
        // (the code is the writing function's argument `__code`, so entries
        // written alike share one function)
        Leaf::Code => one(quote!(__code)),
        Leaf::IntegerCode => match e.code.value.parse::<i64>() {
            Ok(n) => one(quote!(&#n)),
            Err(_) => one(quote!(__code)),
        },
        Leaf::Message => one(quote!(&__p::MessageStr(__this, __public))),
        Leaf::Static(s) => one(quote!(#s)),
        Leaf::Constant(json) => {
            let value = scalar_literal(json)?;
            one(quote!(&#value))
        }
        Leaf::FixCommand => one(quote!(&__p::FixCommandStr(__this, __public))),
        Leaf::Received(declared, pointer) => {
            let x = b.extra.as_ref()?;
            let declared = match declared.as_deref() {
                Some(Leaf::Static(s)) => quote!(__p::Some(#s)),
                Some(Leaf::FixCommand) => quote!(__p::Some(__p::FixCommandStr(__this, __public))),
                _ => quote!(__p::None::<&str>),
            };
            let kept = quote!(if __public { __p::None } else { __p::Some(#x) });
            match key {
                Some(k) => quote!(__p::KeptOr(#k, #pointer, #kept, #declared)),
                // (an element: no member to give way, the declared one is written)
                None => quote!(__p::OptElement(&#declared)),
            }
        }
        Leaf::Field(i) => {
            let f = &b.fields[*i];
            let id = &f.ident;
            let m = match (f.optional, key) {
                (true, Some(k)) => quote!(__p::OptMember(#k, #id)),
                (true, None) => quote!(__p::OptElement(#id)),
                (false, _) => one(quote!(#id)),
            };
            if redacted(e, f) {
                quote!(__p::When(!__public, #m))
            } else {
                m
            }
        }
    })
}

/// An array the wire's pointers select elements of (`*`, `0`,
/// `[member=value]`): the elements the variant writes, each in its role (an
/// index's, or the n-th selected), which the runtime's `Placed` puts back
/// where the body had them among the elements kept as extras.
fn array(e: &ErrorEntry, node: &Node, b: &Bound) -> TokenStream {
    let mut elements = Vec::new();
    let mut indexes = Vec::new();
    let mut selected = 0usize;
    let mut put = |key: &str, w: TokenStream| match Select::of(key) {
        // (an index past 255 is written after the others, not padded to)
        Some(Select::Index(i)) if i < 256 => {
            indexes.push(i);
            elements.push(quote!(__p::At(__p::Role::Index(#i), #w)));
        }
        _ => {
            elements.push(quote!(__p::At(__p::Role::Selected(#selected), #w)));
            selected += 1;
        }
    };
    for (key, leaf) in &node.leaves {
        if let Some(w) = leaf_writer(e, None, leaf, b) {
            put(key, w);
        }
    }
    for (key, child) in &node.children {
        let obj = if child.is_array() {
            array(e, child, b)
        } else {
            object(e, child, b)
        };
        put(key, quote!(__p::Element(&#obj)));
    }
    let elements = chunk(elements);
    let kept = match &b.extra {
        Some(x) => quote!(if __public { __p::None } else { __p::Some(#x) }),
        None => quote!(__p::None),
    };
    let ptr = &node.pointer;
    quote!(__p::Placed(#kept, #ptr, &[#(#indexes),*], #selected, #elements))
}

pub(super) fn node_members(e: &ErrorEntry, node: &Node, b: &Bound) -> Vec<TokenStream> {
    let mut out = Vec::new();
    for (key, leaf) in &node.leaves {
        if let Some(w) = leaf_writer(e, Some(key), leaf, b) {
            out.push(w);
        }
    }
    for (key, child) in &node.children {
        if child.has_leaves() && child.is_array() {
            let inner = array(e, child, b);
            out.push(quote!(__p::Member(#key, &#inner)));
        } else if child.has_leaves() {
            let inner = object(e, child, b);
            // a body with something other than an object here kept that value
            // at the pointer; it is written back when none of the object's own
            // (all optional) fields is set
            out.push(match (&b.extra, all_unset(child, b)) {
                (Some(x), Some(unset)) => {
                    let ptr = &child.pointer;
                    quote!(__p::ObjOrKept(#key, &#inner, if __public { __p::None } else { __p::Some(#x) }, #ptr, #unset))
                }
                _ => quote!(__p::Member(#key, &#inner)),
            });
        } else if let Some(x) = &b.extra {
            let ptr = &child.pointer;
            out.push(quote!(__p::When(!__public, __p::ExtraObject(__p::Some(#x), #key, #ptr))));
        }
    }
    if let Some(x) = &b.extra {
        let ptr = &node.pointer;
        // every key this object may write, so that no extra member repeats one
        let written: Vec<&String> = node
            .leaves
            .iter()
            .map(|(k, _)| k)
            .chain(node.children.iter().map(|(k, _)| k))
            .collect();
        out.push(
            quote!(__p::When(!__public, __p::ExtraMembers(__p::Some(#x), #ptr, &[#(#written),*]))),
        );
    }
    out
}

/// An expression true when no member of `node` (nested ones included) is set;
/// `None` when one always is (a code, a message, a static text or a required
/// field).
pub(super) fn all_unset(node: &Node, b: &Bound) -> Option<TokenStream> {
    let mut checks = Vec::new();
    for (_, leaf) in &node.leaves {
        match leaf {
            Leaf::Field(i) if b.fields.get(*i).is_some_and(|f| f.optional) => {
                let id = &b.fields[*i].ident;
                checks.push(quote!(#id.is_none()));
            }
            _ => return None,
        }
    }
    for (_, child) in &node.children {
        checks.push(all_unset(child, b)?);
    }
    Some(quote!(true #(&& #checks)*))
}

pub(super) fn object(e: &ErrorEntry, node: &Node, b: &Bound) -> TokenStream {
    let members = chunk(node_members(e, node, b));
    quote!(__p::Obj(#members))
}

/// The body a public response shows for the fallback: the wire's error marks
/// and its message.
pub(super) fn public_unknown(input: &Input) -> TokenStream {
    let mut node = Node::default();
    for (p, value) in error_marks(&input.catalog.wire) {
        node.insert_leaf(&p.segments, Leaf::Constant(value.to_string()));
    }
    if let Some(p) = &input.catalog.wire.message {
        node.insert_leaf(
            &p.value.segments,
            Leaf::Static("unrecognised upstream error".into()),
        );
    }
    let empty = Bound {
        ident: input.unknown.clone(),
        named: false,
        fields: Vec::new(),
        extra: None,
    };
    let e = ErrorEntry::default();
    object(&e, &node, &empty)
}

/// The `Serialize` impl, and the `serialize_envelope` method of `Render` it delegates to.
/// `view`: the impls are the borrowed view's (its text fields are
/// `Cow<'b, str>`). Each variant's envelope is written by a function of
/// (serializer, public?, the value, its code, its fields), one per way of
/// writing, which the entries written alike share.
pub(super) fn serialize(
    input: &Input,
    low: &PlanBuf,
    ty: &TokenStream,
    view: bool,
) -> (TokenStream, TokenStream) {
    let unknown = &input.unknown;
    let krate = &input.krate;
    let mut writers: Vec<(String, TokenStream)> = Vec::new();
    let arms = input
        .variants
        .iter()
        .zip(&input.catalog.errors)
        .enumerate()
        .map(|(i, (b, e))| {
            // (each in the envelope it comes in)
            let node = tree(input, low.plan_of(i), i, b);
            let obj = object(e, &node, b);
            let mut ids: Vec<&syn::Ident> = b.fields.iter().map(|f| &f.ident).collect();
            let mut tys: Vec<TokenStream> = b
                .fields
                .iter()
                .map(|f| if view { view_ty(f) } else { f.ty.to_token_stream() })
                .collect();
            if let Some(x) = &b.extra {
                ids.push(x);
                tys.push(quote!(#krate::Extra));
            }
            let lifetime = view.then(|| quote!('b,));
            let signature = quote! {
                <#lifetime __S: __p::serde::Serializer>(__s: __S, __public: bool, __this: &#ty, __code: &'static str, #(#ids: &#tys,)*) -> __p::Result<__S::Ok, __S::Error> {
                    __p::serde::Serialize::serialize(&#obj, __s)
                }
            };
            let key = signature.to_string();
            let k = match writers.iter().position(|(w, _)| *w == key) {
                Some(k) => k,
                None => {
                    writers.push((key, signature));
                    writers.len() - 1
                }
            };
            let writer = format_ident!("__w{}", k);
            let code = &e.code.value;
            let p = pat(b, &ids);
            quote!(#p => #writer(__s, __public, self, #code, #(#ids,)*),)
        })
        .collect::<Vec<_>>();
    let writer_fns = writers.iter().enumerate().map(|(k, (_, signature))| {
        let writer = format_ident!("__w{}", k);
        quote! {
            #[allow(unused_variables, clippy::too_many_arguments, clippy::ptr_arg)]
            fn #writer #signature
        }
    });
    let public_unknown = public_unknown(input);
    let serialize = quote! {
        #[automatically_derived]
        impl __p::serde::Serialize for #ty {
            fn serialize<__S: __p::serde::Serializer>(&self, __s: __S) -> __p::Result<__S::Ok, __S::Error> {
                __p::Render::serialize_envelope(self, __s, false)
            }
        }
    };
    let envelope = quote! {
        fn serialize_envelope<__S: __p::serde::Serializer>(&self, __s: __S, __public: bool) -> __p::Result<__S::Ok, __S::Error> {
            #(#writer_fns)*
            match self {
                #(#arms)*
                Self::#unknown(__u) => {
                    if __public {
                        __p::serde::Serialize::serialize(&#public_unknown, __s)
                    } else {
                        __p::serialize_unknown(__u, __s)
                    }
                }
            }
        }
    };
    (serialize, envelope)
}
