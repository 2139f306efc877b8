//! Pass 4: the lowered model → Rust tokens. Assumes valid input; never
//! re-checks. This file assembles what the emitters beside it write.

use proc_macro2::TokenStream;
use quote::quote;

use crate::api_error_impl::{api_error, public_details};
use crate::ast::Input;
use crate::decode::decode;
use crate::display::display;
use crate::lower::lower;
use crate::serialize::serialize;
use crate::tables::{code_infos, entries, plan, problem_plan, tables};
use error_catalog_core::engine::Identity;

/// Every impl for a valid input, inside one `const _: () = { ... };`.
pub fn expand(input: &Input) -> TokenStream {
    let low = lower(input);
    let header_names = header_names(input);
    let (placement, order) = (&low.placement, &low.order);
    let ident = &input.ident;
    let krate = &input.krate;
    let info = code_infos(input);
    // one table of entries for both plans and the classifier
    let entries = entries(&low.entries);
    let (mut tables, by_code) = tables(&low, &entries);
    // (problem+json names every entry by its code and carries `when` members
    // among the details: entries of its own where that differs)
    let problem_entries = match &low.problem_entries {
        Some(listed) => {
            let listed = crate::tables::entries(listed);
            let n = listed.len();
            tables.extend(
                quote!(static __PROBLEM_ENTRIES: [__p::Entry<'static>; #n] = [#(#listed),*];),
            );
            quote!(__PROBLEM_ENTRIES)
        }
        None => quote!(__ENTRIES),
    };
    let direct = crate::classifier::direct(input, placement, order);
    let plan = plan(&low, &by_code, direct.is_some());
    let next_plans = crate::tables::next_plans(&low, &by_code);
    let problem_plan = problem_plan(&low.problem, &problem_entries, &by_code, low.integer_codes);
    let this = quote!(#ident);
    let (display, render) = display(input, &this);
    let api_error = api_error(input, &this);
    let public_details = public_details(input);
    let classifier = crate::classifier::classifier(input, order);
    let decode = decode(input, &low, direct.is_some());
    let error_catalog_model::openapi::UtoipaData {
        name: oa_name,
        schema: oa_schema,
        schemas: oa_schemas,
        responses: oa_responses,
    } = error_catalog_model::openapi::utoipa_data(&input.catalog);
    let (serialize, envelope) = serialize(input, &low, &this, false);
    let (view, view_impls) = match &input.view {
        Some(v) => (
            crate::view::definition(input, v),
            crate::view::impls(input, &low, &v.ident),
        ),
        None => (TokenStream::new(), TokenStream::new()),
    };
    let deserialize = if input.catalog.wire.identity == Identity::Code {
        quote! {
            #[automatically_derived]
            impl<'de> __p::serde::Deserialize<'de> for #ident {
                fn deserialize<__D: __p::serde::Deserializer<'de>>(__d: __D) -> __p::Result<Self, __D::Error> {
                    __p::deserialize_via_json(__d, |__b| __p::decode::<Self>(__p::None, __b, &__PLAN, &(), false))
                }
            }
        }
    } else {
        TokenStream::new()
    };
    let track = input.track.as_ref().map(|p| {
        let p = p.to_string_lossy().into_owned();
        quote!(
            const _: &str = ::core::include_str!(#p);
        )
    });
    let error_catalog_model::layout::Success {
        marks,
        marker: success_code,
    } = error_catalog_model::layout::success_rule(&input.catalog.wire);
    let success_in_body = !marks.is_empty();
    let errors_at = errors_at(input);
    let marks = marks.iter().map(|(p, v)| quote!((&[#(#p),*], #v)));
    let success_code = match success_code {
        Some(p) => quote!(__p::Some(&[#(#p),*])),
        None => quote!(__p::None),
    };
    let service = &input.catalog.service.id.value;
    quote! {
        #view
        #[allow(non_upper_case_globals)]
        const _: () = {
            use #krate::__private as __p;
            #track
            const __INFO: &[#krate::CodeInfo] = &[#(#info),*];
            #tables
            static __PLAN: __p::Plan<'static> = #plan;
            #next_plans
            static __PROBLEM: __p::Plan<'static> = #problem_plan;
            #classifier
            #direct

            #[automatically_derived]
            impl #krate::ErrorCatalog for #ident {
                const SERVICE: &'static str = #service;
                const CODES: &'static [#krate::CodeInfo] = __INFO;
            }
            #display
            #[automatically_derived]
            impl ::std::error::Error for #ident {}
            #api_error
            #decode
            #[automatically_derived]
            impl #krate::FromResponse for #ident {
                const SUCCESS_IN_BODY: bool = #success_in_body;
                #errors_at
                #header_names
                fn is_success(status: u16, body: &[u8]) -> bool {
                    __p::SuccessRule { marks: &[#(#marks),*], marker: #success_code }
                        .is_success(status, body)
                }
                fn from_response(status: u16, body: &[u8]) -> Self {
                    __p::decode::<Self>(__p::Some(status), body, &__PLAN, &(), false)
                }
                fn from_problem_json(status: u16, body: &[u8]) -> Self {
                    __p::decode::<Self>(__p::Some(status), body, &__PROBLEM, &(), true)
                }
                fn from_parts(status: u16, headers: &dyn __p::HeaderLookup, body: &[u8]) -> Self {
                    __p::decode::<Self>(__p::Some(status), body, &__PLAN, headers, false)
                }
            }
            #serialize
            #[automatically_derived]
            impl __p::Render for #ident {
                #render
                #envelope
                #public_details
            }
            #deserialize
            #krate::__impl_integrations!(#ident, #oa_name, #oa_schema, #oa_schemas, #oa_responses);
            #view_impls
        };
    }
}

/// `FromResponse::HEADER_NAMES`, where the catalog names a header, says how
/// one reads, or reads one to decode (`code_header`, `when_header`: listed in `conditions`, so the
/// headers `E::headers` reads answer the decoder); the trait's default, the
/// standard names, otherwise.
fn header_names(input: &Input) -> TokenStream {
    let h = &input.catalog.headers;
    // (the decoder reads these: the header carrying the code, and the ones
    // `when_header` tests)
    let mut conditions: Vec<&str> = Vec::new();
    let code_header = input.catalog.wire.code_header.as_ref().map(|h| &h.value);
    let tested = input.catalog.errors.iter().flat_map(|e| &e.when_headers);
    for name in code_header.into_iter().chain(tested.map(|(n, _)| &n.value)) {
        if !conditions.contains(&name.as_str()) {
            conditions.push(name);
        }
    }
    if h.written.is_empty()
        && h.keep.is_empty()
        && h.rate_limit_reset_format.is_none()
        && conditions.is_empty()
    {
        return TokenStream::new();
    }
    let krate = &input.krate;
    let keep: Vec<&str> = h.keep.iter().map(|k| k.value.as_str()).collect();
    let n = h.names(&keep);
    let (retry_after, limit, remaining, reset) = (
        n.retry_after,
        n.rate_limit_limit,
        n.rate_limit_remaining,
        n.rate_limit_reset,
    );
    let (request_id, should_retry) = (n.request_id, n.should_retry);
    let format = match n.rate_limit_reset_format {
        error_catalog_model::model::ResetFormat::EpochSeconds => quote!(EpochSeconds),
        error_catalog_model::model::ResetFormat::DeltaSeconds => quote!(DeltaSeconds),
        error_catalog_model::model::ResetFormat::Duration => quote!(Duration),
    };
    quote! {
        const HEADER_NAMES: #krate::headers::HeaderNames<'static> = #krate::headers::HeaderNames {
            retry_after: #retry_after,
            rate_limit_limit: #limit,
            rate_limit_remaining: #remaining,
            rate_limit_reset: #reset,
            rate_limit_reset_format: #krate::headers::ResetFormat::#format,
            request_id: #request_id,
            should_retry: #should_retry,
            keep: &[#(#keep),*],
            conditions: &[#(#conditions),*],
        };
    }
}

/// `FromResponse::ERRORS_AT`: the code's pointer up to its first segment
/// that selects several array elements (`*`, `[member=value]`), where it has one.
fn errors_at(input: &Input) -> TokenStream {
    use error_catalog_core::engine::Select;
    let Some(code) = &input.catalog.wire.code else {
        return TokenStream::new();
    };
    let segs = &code.value.segments;
    let Some(i) = segs
        .iter()
        .position(|s| matches!(Select::of(s), Some(Select::First | Select::Where { .. })))
    else {
        return TokenStream::new();
    };
    let at = &segs[..=i];
    quote!(const ERRORS_AT: &'static [&'static str] = &[#(#at),*];)
}
