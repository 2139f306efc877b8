//! Code generation for `#[derive(ApiError)]` and `catalog!`: parse (syn and TOML
//! into the model), validate, expand. The proc-macro crate only forwards here.

mod api_error_impl;
mod ast;
mod attr;
mod bound;
mod build;
mod classifier;
mod decode;
mod diagnostic;
mod direct;
mod display;
mod enum_gen;
mod expand;
mod inline;
mod lower;
mod object_gen;
mod read;
mod rust_types;
mod serialize;
mod spans;
mod tables;
mod tokens;
mod tree;
mod view;
mod walker;

use proc_macro2::TokenStream;
use quote::quote;

/// Expands `#[derive(ApiError)]`. On errors, returns every error as
/// `compile_error!` plus stub impls, so one mistake is one error.
pub fn derive(input: TokenStream) -> TokenStream {
    spans::clear();
    let parsed: syn::DeriveInput = match syn::parse2(input) {
        Ok(p) => p,
        Err(e) => return e.to_compile_error(),
    };
    match read::read(&parsed) {
        Ok(model) => expand::expand(&model),
        Err(errors) => {
            let errors = errors.iter().map(syn::Error::to_compile_error);
            let stubs = stubs(&parsed);
            quote!(#(#errors)* #stubs)
        }
    }
}

/// Expands `catalog!("path.toml")` into an enum deriving `ApiError`.
pub fn catalog(input: TokenStream) -> TokenStream {
    enum_gen::catalog(input)
}

/// The runtime crate's path the enum's `#[api_error(crate = "...")]` names,
/// read leniently (the derive reports any mistake in it); `::error_catalog`
/// when none is given or it cannot be read. Other keys' values are skipped
/// whatever they are, as the derive's own reading does.
fn krate_of(input: &syn::DeriveInput) -> syn::Path {
    let mut given = None;
    for a in input
        .attrs
        .iter()
        .filter(|a| a.path().is_ident("api_error"))
    {
        // A mistake ends the reading of this attribute; the derive reports it.
        let _ = a.parse_nested_meta(|meta| {
            if meta.input.peek(syn::Token![=]) {
                let v = meta.value()?;
                if meta.path.is_ident("crate") && v.peek(syn::LitStr) {
                    let s: syn::LitStr = v.parse()?;
                    if given.is_none() {
                        given = s.parse::<syn::Path>().ok();
                    }
                } else {
                    attr::skip_value(v)?;
                }
            }
            Ok(())
        });
    }
    given.unwrap_or_else(|| syn::parse_quote!(::error_catalog))
}

/// Trait impls that make the rest of the user's code type-check while the derive
/// reports its errors.
fn stubs(input: &syn::DeriveInput) -> TokenStream {
    if !matches!(input.data, syn::Data::Enum(_)) || !input.generics.params.is_empty() {
        return TokenStream::new();
    }
    let ident = &input.ident;
    let krate = krate_of(input);
    quote! {
        const _: () = {
            impl ::core::fmt::Display for #ident {
                fn fmt(&self, _: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result { ::core::result::Result::Ok(()) }
            }
            impl ::std::error::Error for #ident {}
            impl #krate::ApiError for #ident {
                fn code(&self) -> &str { "" }
                fn status(&self) -> ::core::option::Option<u16> { ::core::option::Option::None }
                fn suggestion(&self) -> ::core::option::Option<&str> { ::core::option::Option::None }
                fn docs_url(&self) -> ::core::option::Option<&str> { ::core::option::Option::None }
                fn fix_command(&self) -> ::core::option::Option<::std::borrow::Cow<'_, str>> { ::core::option::Option::None }
                fn retry_rule(&self) -> #krate::RetryRule { #krate::RetryRule::Never }
                fn info(&self) -> ::core::option::Option<&'static #krate::CodeInfo> { ::core::option::Option::None }
                fn details(&self) -> #krate::__private::serde_json::Map<::std::string::String, #krate::__private::serde_json::Value> {
                    #krate::__private::serde_json::Map::new()
                }
            }
            impl #krate::FromResponse for #ident {
                fn from_response(_: u16, _: &[u8]) -> Self { ::core::unreachable!() }
                fn from_problem_json(_: u16, _: &[u8]) -> Self { ::core::unreachable!() }
            }
            impl #krate::ErrorCatalog for #ident {
                const SERVICE: &'static str = "";
                const CODES: &'static [#krate::CodeInfo] = &[];
            }
            impl #krate::__private::serde::Serialize for #ident {
                fn serialize<__S: #krate::__private::serde::Serializer>(&self, _: __S) -> ::core::result::Result<__S::Ok, __S::Error> {
                    ::core::unreachable!()
                }
            }
            impl<'de> #krate::__private::serde::Deserialize<'de> for #ident {
                fn deserialize<__D: #krate::__private::serde::Deserializer<'de>>(_: __D) -> ::core::result::Result<Self, __D::Error> {
                    ::core::unreachable!()
                }
            }
        };
    }
}
