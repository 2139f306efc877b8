//! `ApiError` (code, status, advice, details) and `Render::public_details`.

use proc_macro2::TokenStream;
use quote::quote;

use crate::ast::Input;
use crate::tokens::{pat, redacted};

pub(super) fn api_error(input: &Input, ty: &TokenStream) -> TokenStream {
    let content_type = &input.catalog.wire.content_type;
    let krate = &input.krate;
    let unknown = &input.unknown;
    let info_arms = input.variants.iter().enumerate().map(|(i, b)| {
        let p = pat(b, &[]);
        quote!(#p => __p::Some(&__INFO[#i]),)
    });
    let retry_arms = input
        .catalog
        .errors
        .iter()
        .zip(&input.variants)
        .filter_map(|(e, b)| {
            let r = e.retry_after_field.as_ref()?;
            let f = b.fields.iter().find(|f| f.wire == r.value)?;
            let id = &f.ident;
            let p = pat(b, &[id]);
            // (whole seconds, rounded up, from an integer, an `f64` or
            // protobuf `Duration` text: the reading the CLI makes too)
            Some(quote!(#p => #krate::retry::DelaySeconds::delay_seconds(#id),))
        });
    // a command without placeholders is static text (braces unescaped at
    // compile time); one with placeholders is rendered from the details
    let fix_arms = input
        .catalog
        .errors
        .iter()
        .zip(&input.variants)
        .filter_map(|(e, b)| {
            let template = &e.fix_command.as_ref()?.value;
            let p = pat(b, &[]);
            let parsed = error_catalog_core::template::Template::parse(template).ok()?;
            Some(if parsed.placeholders().next().is_none() {
                let text = parsed.render(|_| None);
                quote!(#p => __p::Some(::std::borrow::Cow::Borrowed(#text)),)
            } else {
                quote!(#p => __p::Some(::std::borrow::Cow::Owned(
                    __p::render_command(#template, &#krate::ApiError::details(self))
                )),)
            })
        });
    let fix_arms: Vec<TokenStream> = fix_arms.collect();
    let fix_body = if fix_arms.is_empty() {
        quote!(__p::None)
    } else {
        quote!(match self {
            #(#fix_arms)*
            _ => __p::None,
        })
    };
    // an entry covering a range of codes keeps the code it received
    let range_arms: Vec<TokenStream> = input
        .catalog
        .errors
        .iter()
        .zip(&input.variants)
        .filter(|(e, _)| e.code_range.is_some())
        .filter_map(|(_, b)| {
            let f = b.fields.iter().find(|f| f.ident == "code")?;
            let id = &f.ident;
            let p = pat(b, &[id]);
            Some(quote!(#p => __p::Some(*#id),))
        })
        .collect();
    let code_number = if range_arms.is_empty() {
        TokenStream::new()
    } else {
        quote! {
            fn code_number(&self) -> __p::Option<i64> {
                match self {
                    #(#range_arms)*
                    _ => #krate::ApiError::code(self).parse().ok(),
                }
            }
        }
    };
    let detail_arms = input
        .variants
        .iter()
        .zip(&input.catalog.errors)
        .map(|(b, e)| detail_arm(e, b, b.fields.iter().collect()));
    quote! {
        #[automatically_derived]
        #[allow(unreachable_patterns)]
        impl #krate::ApiError for #ty {
            fn code(&self) -> &str {
                match self {
                    Self::#unknown(__u) => __u.code().unwrap_or(""),
                    _ => match #krate::ApiError::info(self) { __p::Some(__i) => __i.code, __p::None => "" },
                }
            }
            #code_number
            fn status(&self) -> __p::Option<u16> {
                match self {
                    Self::#unknown(__u) => __u.status(),
                    _ => #krate::ApiError::info(self).and_then(|__i| __i.status),
                }
            }
            fn suggestion(&self) -> __p::Option<&str> {
                #krate::ApiError::info(self).and_then(|__i| __i.suggestion)
            }
            fn docs_url(&self) -> __p::Option<&str> {
                #krate::ApiError::info(self).and_then(|__i| __i.docs_url)
            }
            fn fix_command(&self) -> __p::Option<::std::borrow::Cow<'_, str>> {
                #fix_body
            }
            fn retry_rule(&self) -> #krate::RetryRule {
                match #krate::ApiError::info(self) {
                    __p::Some(__i) => __i.retry,
                    __p::None => #krate::RetryRule::for_unknown_status(#krate::ApiError::status(self)),
                }
            }
            fn info(&self) -> __p::Option<&'static #krate::CodeInfo> {
                match self {
                    #(#info_arms)*
                    Self::#unknown(_) => __p::None,
                }
            }
            fn retry_after_field(&self) -> __p::Option<u64> {
                match self {
                    #(#retry_arms)*
                    _ => __p::None,
                }
            }
            fn content_type(&self) -> &'static str {
                #content_type
            }
            fn details(&self) -> __p::serde_json::Map<::std::string::String, __p::serde_json::Value> {
                let mut __m = __p::serde_json::Map::new();
                match self {
                    #(#detail_arms)*
                    Self::#unknown(_) => {}
                }
                __m
            }
        }
    }
}

/// The `public_details` method of `Render`: `details()` without redacted fields.
/// Only the variants that redact a field have arms of their own (those that
/// show nothing share one); every other variant's public details are its
/// details.
pub(super) fn public_details(input: &Input) -> TokenStream {
    let krate = &input.krate;
    let mut arms = Vec::new();
    let mut hidden = Vec::new();
    for (b, e) in input.variants.iter().zip(&input.catalog.errors) {
        let shown: Vec<_> = b.fields.iter().filter(|f| !redacted(e, f)).collect();
        if shown.len() == b.fields.len() {
            continue;
        }
        if shown.is_empty() && when_details(e, b).is_empty() {
            hidden.push(pat(b, &[]));
        } else {
            arms.push(detail_arm(e, b, shown));
        }
    }
    if arms.is_empty() && hidden.is_empty() {
        return quote! {
            fn public_details(&self) -> __p::serde_json::Map<::std::string::String, __p::serde_json::Value> {
                #krate::ApiError::details(self)
            }
        };
    }
    let hidden = (!hidden.is_empty()).then(|| quote!(#(#hidden)|* => {}));
    quote! {
        #[allow(unreachable_patterns, unused_mut)]
        fn public_details(&self) -> __p::serde_json::Map<::std::string::String, __p::serde_json::Value> {
            let mut __m = __p::serde_json::Map::new();
            match self {
                #(#arms)*
                #hidden
                _ => return #krate::ApiError::details(self),
            }
            __m
        }
    }
}

/// The members an entry's `when` requires, as details (by their pointer's
/// last segment) where no field has that name: what the variant stands for,
/// so problem+json carries them and reads them back.
fn when_details(
    e: &error_catalog_model::model::ErrorEntry,
    b: &crate::ast::Bound,
) -> Vec<TokenStream> {
    e.when
        .iter()
        .filter_map(|(p, v)| {
            let key = error_catalog_model::plan::problem_key(&p.value);
            if b.fields.iter().any(|f| f.wire == key) {
                return None;
            }
            let value = crate::tokens::scalar_literal(&v.value)?;
            Some(quote!(__m.insert(#key.into(), __p::serde_json::Value::from(#value));))
        })
        .collect()
}

/// The match arm putting `shown` (fields of variant `b`, entry `e`) and the
/// members its `when` requires into the details map `__m`.
fn detail_arm(
    e: &error_catalog_model::model::ErrorEntry,
    b: &crate::ast::Bound,
    shown: Vec<&crate::ast::BoundField>,
) -> TokenStream {
    let ids: Vec<&syn::Ident> = shown.iter().map(|f| &f.ident).collect();
    let puts = shown.iter().map(|f| {
        let id = &f.ident;
        let w = &f.wire;
        quote!(__p::put(&mut __m, #w, #id);)
    });
    let constants = when_details(e, b);
    let p = pat(b, &ids);
    quote!(#p => { #(#puts)* #(#constants)* })
}
