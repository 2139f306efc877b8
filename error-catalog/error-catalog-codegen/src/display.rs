//! `Display` and `Render::render`: the message template with the fields'
//! values, or the received message a variant keeps. The templates are printed
//! as one static table of segments (`__p::Seg`, one slice per variant) that
//! one function of the core crate, `render_segs`, writes with the variant's
//! values.

use proc_macro2::TokenStream;
use quote::quote;

use crate::ast::Input;
use crate::tokens::{pat, redacted};
use error_catalog_core::template::{Segment, StaticSeg, Template};

/// The `Display` impl, and the `render` method of `Render` it delegates to.
pub(super) fn display(input: &Input, ty: &TokenStream) -> (TokenStream, TokenStream) {
    let unknown = &input.unknown;
    let mut tables = Vec::new();
    let arms = input
        .catalog
        .errors
        .iter()
        .zip(&input.variants)
        .enumerate()
        .map(|(i, (e, b))| {
            let t = Template::parse(&e.message.value).unwrap_or(Template {
                segments: vec![Segment::Lit(e.message.value.clone())],
            });
            // the fields the template shows, in order of first use: `values[k]`
            let mut used = Vec::new();
            let segs = t.static_segs(|name| {
                let f = b.fields.iter().find(|f| f.wire == name)?;
                let k = match used
                    .iter()
                    .position(|u: &&crate::ast::BoundField| u.ident == f.ident)
                {
                    Some(k) => k,
                    None => {
                        used.push(f);
                        used.len() - 1
                    }
                };
                Some((k, redacted(e, f)))
            });
            let segs = segs.iter().map(|s| match s {
                StaticSeg::Lit(l) => quote!(__p::Seg::Lit(#l)),
                StaticSeg::Value(k, false) => quote!(__p::Seg::Value(#k)),
                StaticSeg::Value(k, true) => quote!(__p::Seg::Secret(#k)),
            });
            let values = used.iter().map(|f| {
                let id = &f.ident;
                if f.optional {
                    quote!(&__p::Maybe(#id))
                } else {
                    quote!(#id)
                }
            });
            let mut idents: Vec<&syn::Ident> = used.iter().map(|f| &f.ident).collect();
            let received = match &b.extra {
                Some(x) => {
                    idents.push(x);
                    quote!(#x.message())
                }
                None => quote!(__p::None),
            };
            let p = pat(b, &idents);
            tables.push(quote!(&[#(#segs),*]));
            quote!(#p => __p::render_segs(__f, __public, __SEGS[#i], &[#(#values),*], #received),)
        })
        .collect::<Vec<_>>();
    let n = tables.len();
    let display = quote! {
        #[automatically_derived]
        impl ::core::fmt::Display for #ty {
            fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                __p::Render::render(self, __f, false)
            }
        }
    };
    let render = quote! {
        fn render(&self, __f: &mut ::core::fmt::Formatter<'_>, __public: bool) -> ::core::fmt::Result {
            // every variant's template, in one table
            static __SEGS: [&[__p::Seg]; #n] = [#(#tables),*];
            match self {
                #(#arms)*
                Self::#unknown(__u) => {
                    if __public {
                        __f.write_str("unrecognised upstream error")
                    } else {
                        ::core::fmt::Display::fmt(__u, __f)
                    }
                }
            }
        }
    };
    (display, render)
}
