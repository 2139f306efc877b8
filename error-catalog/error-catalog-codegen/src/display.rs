//! `Display` and `Render::render`: the message template with the fields'
//! values, or the received message a variant keeps.

use proc_macro2::TokenStream;
use quote::quote;

use crate::ast::Input;
use crate::tokens::{pat, redacted};
use error_catalog_core::template::{Segment, Template};

/// The `Display` impl, and the `render` method of `Render` it delegates to.
pub(super) fn display(input: &Input, ty: &TokenStream) -> (TokenStream, TokenStream) {
    let unknown = &input.unknown;
    let arms = input.catalog.errors.iter().zip(&input.variants).map(|(e, b)| {
        let t = Template::parse(&e.message.value).unwrap_or(Template { segments: vec![Segment::Lit(e.message.value.clone())] });
        let mut used = Vec::new();
        let mut writes = Vec::new();
        for s in &t.segments {
            match s {
                Segment::Lit(l) => writes.push(quote!(__f.write_str(#l)?;)),
                Segment::Hole { name, .. } => match b.fields.iter().find(|f| &f.wire == name) {
                    Some(f) => {
                        let id = &f.ident;
                        if !used.contains(&id) {
                            used.push(id);
                        }
                        let show = if f.optional {
                            quote!(if let __p::Some(__v) = #id { ::core::fmt::Display::fmt(__v, __f)?; })
                        } else {
                            quote!(::core::fmt::Display::fmt(#id, __f)?;)
                        };
                        if redacted(e, f) {
                            writes.push(quote!(if __public { __f.write_str("[redacted]")?; } else { #show }));
                        } else {
                            writes.push(show);
                        }
                    }
                    None => {
                        let lit = format!("{{{name}}}");
                        writes.push(quote!(__f.write_str(#lit)?;));
                    }
                },
            }
        }
        let received = b.extra.as_ref().map(|x| {
            used.push(x);
            quote!(if !__public { if let __p::Some(__m) = #x.message() { return __f.write_str(__m); } })
        });
        let p = pat(b, &used);
        quote!(#p => { #received #(#writes)* __p::Ok(()) })
    });
    let display = quote! {
        #[automatically_derived]
        impl ::core::fmt::Display for #ty {
            fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                __p::Render::render(self, __f, false)
            }
        }
    };
    let render = quote! {
        #[allow(unused_variables)]
        fn render(&self, __f: &mut ::core::fmt::Formatter<'_>, __public: bool) -> ::core::fmt::Result {
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
