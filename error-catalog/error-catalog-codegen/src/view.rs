//! `#[api_error(borrowed)]`: the enum's borrowed view `NameRef<'b>`, the same
//! variants with their text fields as `Cow<'b, str>`, read from a body without
//! copying text that has no escapes. Its `Display`, `ApiError`, `Serialize`
//! and `Render` impls are the enum's (`expand`), written for the view; its
//! builder and decoder sit beside the enum's (`build`, `expand::decode`).

use proc_macro2::TokenStream;
use quote::quote;

use crate::api_error_impl::{api_error, public_details};
use crate::ast::{Input, View};
use crate::display::display;
use crate::serialize::serialize;
use crate::tokens::view_ty;
use error_catalog_model::plan::PlanBuf;

/// The view's definition, beside the enum.
pub(super) fn definition(input: &Input, v: &View) -> TokenStream {
    let (ident, view, vis, krate) = (&input.ident, &v.ident, &v.vis, &input.krate);
    let unknown = &input.unknown;
    let variants = input
        .variants
        .iter()
        .zip(&input.catalog.errors)
        .map(|(b, e)| {
            let vid = &b.ident;
            let doc = format!(
                " [`{ident}::{vid}`] (`{}`), its text borrowed from the body.",
                e.code.value
            );
            if !b.named {
                return quote!(#[doc = #doc] #vid,);
            }
            let fields = b.fields.iter().map(|f| {
                let (id, ty) = (&f.ident, view_ty(f));
                let doc = format!(" `{}` on the wire.", f.wire);
                quote!(#[doc = #doc] #id: #ty,)
            });
            let extra = b.extra.as_ref().map(|x| {
                quote!(#[doc = " What the received body carried beyond the declared fields."] #x: #krate::Extra,)
            });
            quote!(#[doc = #doc] #vid { #(#fields)* #extra },)
        });
    let doc = format!(
        " [`{ident}`] with its text fields borrowed from the response body: \
         [`{view}::from_response`] copies no text that has no escapes, where \
         [`{ident}`] owns a copy of each. [`{view}::into_owned`] gives the enum."
    );
    let unknown_doc =
        format!(" [`{ident}::{unknown}`]: a response the enum does not describe, kept whole.");
    quote! {
        #[doc = #doc]
        #[derive(::core::fmt::Debug)]
        #vis enum #view<'b> {
            #(#variants)*
            #[doc = #unknown_doc]
            #unknown(#krate::UnknownError),
        }
    }
}

/// The view's impls: the enum's traits, its own methods, and `From<view>` for
/// the enum (inside the enum's `const _` block, beside its `Decode` impl).
pub(super) fn impls(input: &Input, low: &PlanBuf, view: &syn::Ident) -> TokenStream {
    let ty = quote!(#view<'_>);
    let (display, render) = display(input, &ty);
    let (serialize, envelope) = serialize(input, low, &ty, true);
    let api_error = api_error(input, &ty);
    let public_details = public_details(input);
    let ident = &input.ident;
    let unknown = &input.unknown;
    let arms = input.variants.iter().map(|b| {
        let vid = &b.ident;
        if !b.named {
            return quote!(Self::#vid => #ident::#vid,);
        }
        let mut ids: Vec<&syn::Ident> = b.fields.iter().map(|f| &f.ident).collect();
        let values = b.fields.iter().map(|f| {
            let id = &f.ident;
            if f.is_text() {
                quote!(#id: __p::Text::owned(#id))
            } else {
                quote!(#id)
            }
        });
        let extra = b.extra.as_ref().map(|x| quote!(#x,));
        if let Some(x) = &b.extra {
            ids.push(x);
        }
        quote!(Self::#vid { #(#ids,)* } => #ident::#vid { #(#values,)* #extra },)
    });
    let from_doc = format!(" Classifies `body` received with `status`, as [`{ident}`]'s `FromResponse::from_response` does, borrowing text from `body`.");
    let problem_doc = format!(" Classifies an `application/problem+json` body, as [`{ident}`]'s `FromResponse::from_problem_json` does, borrowing text from `body`.");
    let owned_doc = format!(" The [`{ident}`] this view shows, copying the text it borrows.");
    quote! {
        #display
        #[automatically_derived]
        impl ::std::error::Error for #ty {}
        #api_error
        #serialize
        #[automatically_derived]
        impl __p::Render for #ty {
            #render
            #envelope
            #public_details
        }
        impl<'b> #view<'b> {
            #[doc = #from_doc]
            #[must_use]
            pub fn from_response(status: u16, body: &'b [u8]) -> Self {
                __p::decode::<Self>(__p::Some(status), body, &__PLAN, &(), false)
            }
            #[doc = #problem_doc]
            #[must_use]
            pub fn from_problem_json(status: u16, body: &'b [u8]) -> Self {
                __p::decode::<Self>(__p::Some(status), body, &__PROBLEM, &(), true)
            }
            #[doc = #owned_doc]
            #[must_use]
            pub fn into_owned(self) -> #ident {
                match self {
                    #(#arms)*
                    Self::#unknown(__u) => #ident::#unknown(__u),
                }
            }
        }
        #[automatically_derived]
        impl ::core::convert::From<#view<'_>> for #ident {
            fn from(view: #view<'_>) -> Self {
                view.into_owned()
            }
        }
    }
}
