//! The `static` data of an enum: its code infos, the classification entries
//! and code index, the wire's plan and the problem+json plan, and the code
//! lookup of its typed sink.

use proc_macro2::TokenStream;
use quote::quote;

use crate::ast::Input;
use crate::tokens::{identity_tokens, kind_tokens, opt_str, retry_tokens, segments_tokens};
use error_catalog_model::plan::{EntryBuf, PlanBuf, ProblemSlots, SegBuf};

pub(super) fn code_infos(input: &Input) -> Vec<TokenStream> {
    let krate = &input.krate;
    input
        .catalog
        .errors
        .iter()
        .zip(&input.variants)
        .map(|(e, b)| {
            let code = &e.code.value;
            let variant = b.ident.to_string();
            let status = match e.status_u16() {
                Some(s) => quote!(__p::Some(#s)),
                None => quote!(__p::None),
            };
            let message = &e.message.value;
            let title = opt_str(&e.title);
            let cause = opt_str(&e.cause);
            let suggestion = opt_str(&e.suggestion);
            let docs = opt_str(
                &e.docs_url
                    .clone()
                    .or_else(|| {
                        input
                            .catalog
                            .service
                            .docs_url
                            .as_ref()
                            .map(|d| d.value.clone())
                    })
                    .filter(|_| e.docs_url.is_some()),
            );
            let fix = opt_str(&e.fix_command.as_ref().map(|f| f.value.clone()));
            let retry = retry_tokens(input, e.retry);
            quote! {
                #krate::CodeInfo {
                    code: #code, variant: #variant, status: #status, message: #message,
                    title: #title, cause: #cause, suggestion: #suggestion, docs_url: #docs,
                    fix_command: #fix, retry: #retry,
                }
            }
        })
        .collect()
}

/// The table's entries (`Table::entries`) the plan lists, in catalog order.
pub(super) fn entries(entries: &[EntryBuf]) -> Vec<TokenStream> {
    entries.iter().map(entry).collect()
}

/// A pattern's segment as `static` data.
fn seg(s: &SegBuf) -> TokenStream {
    match s {
        SegBuf::Lit(l) => quote!(__p::PatternSeg::Lit(#l)),
        SegBuf::Hole(idx, kind) => {
            let kind = kind_tokens(*kind);
            quote!(__p::PatternSeg::Hole(#idx, #kind))
        }
    }
}

/// One classification entry as `static` data.
fn entry(e: &EntryBuf) -> TokenStream {
    let code = &e.code;
    let status = match e.status {
        Some(s) => quote!(__p::Some(#s)),
        None => quote!(__p::None),
    };
    let patterns = e.patterns.iter().map(|p| {
        let segs = p.iter().map(seg);
        quote!(&[#(#segs),*])
    });
    let by_status = e.by_status;
    let when = e.when.iter().map(|c| {
        let (pointer, value) = (&c.pointer, &c.value);
        if c.header {
            quote!(__p::Condition::header(#pointer, #value))
        } else {
            quote!(__p::Condition::member(#pointer, #value))
        }
    });
    let code_in_body = e.code_in_body;
    let range = match e.range {
        Some((lo, hi)) => quote!(__p::Some((#lo, #hi))),
        None => quote!(__p::None),
    };
    quote!(__p::Entry { code: #code, status: #status, patterns: &[#(#patterns),*], by_status: #by_status, when: &[#(#when),*], code_in_body: #code_in_body, range: #range })
}

/// The wire's plan. Its table has no literal-message index: messages are
/// classified by the compiled `__classify`, and the table (used without a message
/// only) still answers correctly without one.
pub(super) fn plan(plan: &PlanBuf, by_code: &TokenStream, direct: bool) -> TokenStream {
    // (the plans of the next envelopes are `__PLAN_1`, `__PLAN_2`, …, and
    // share the entries' table)
    let envelopes = if plan.envelope_of.is_empty() {
        quote!(__p::Envelopes::ONE)
    } else {
        let this = plan.envelope;
        let of_entry = &plan.envelope_of;
        let next = match &plan.next {
            Some(n) => {
                let name = plan_name(n.envelope);
                quote!(__p::Some(&#name))
            }
            None => quote!(__p::None),
        };
        quote!(__p::Envelopes { this: #this, of_entry: &[#(#of_entry),*], next: #next })
    };
    // (the main plan's sink reads the code and the message typed, and the
    // fields where the plan says; the next envelopes' plans read raw)
    let typed = plan.envelope == 0;
    let placement = &plan.placement;
    let slots = placement.slots.iter().map(|p| segments_tokens(&p.segments));
    let fields_at = match &placement.fields_at {
        Some(p) => {
            let s = segments_tokens(&p.segments);
            quote!(__p::Some(#s))
        }
        None => quote!(__p::None),
    };
    let fields_at_text = plan.fields_at_text();
    let identity = identity_tokens(plan.identity);
    let opt = |o: Option<usize>| match o {
        Some(i) => quote!(__p::Some(#i)),
        None => quote!(__p::None),
    };
    let code = opt(placement.code);
    let integer_codes = plan.integer_codes;
    let message = opt(placement.message);
    let classify = if plan.compiled_classifier {
        quote!(__p::Some(__classify))
    } else {
        quote!(__p::None)
    };
    // a message at the top, on a wire `__direct` builds from: its key
    let lone = match &plan.lone {
        Some(key) if direct => quote!(__p::Some(#key)),
        _ => quote!(__p::None),
    };
    let order = &plan.order;
    let opt = |s: Option<&String>| match s {
        Some(s) => quote!(__p::Some(#s)),
        None => quote!(__p::None),
    };
    let (after, before) = match &plan.code_cut {
        Some(c) => (opt(c.after.as_ref()), opt(c.before.as_ref())),
        None => (quote!(__p::None), quote!(__p::None)),
    };
    let code_header = opt(plan.code_header.as_ref());
    let envelope_texts = plan.envelope_text_slots().map(|(which, s)| {
        let which = quote::format_ident!("{which:?}");
        quote!((__p::EnvelopeText::#which, #s))
    });
    let captures = plan.captures.iter().map(|(i, p)| {
        let segs = p.iter().map(seg);
        quote!((#i, &[#(#segs),*]))
    });
    quote! {
        __p::Plan {
            layout: __p::Layout { slots: &[#(#slots),*], fields_at: #fields_at },
            table: __p::Table { identity: #identity, entries: &__ENTRIES, by_code: #by_code, pattern_order: &[#(#order),*], by_message: &[], by_lead: __p::None },
            code: #code,
            code_cut: __p::CodeCut { after: #after, before: #before },
            code_header: #code_header,
            captures: &[#(#captures),*],
            integer_codes: #integer_codes,
            message: #message,
            fields_at: #fields_at_text,
            typed: #typed,
            classify: #classify,
            lone: #lone,
            envelopes: #envelopes,
            envelope_texts: &[#(#envelope_texts),*],
        }
    }
}

/// The name of the `static` plan of envelope `n` (0: `[wire]`'s).
pub(super) fn plan_name(n: u8) -> proc_macro2::Ident {
    match n {
        0 => quote::format_ident!("__PLAN"),
        n => quote::format_ident!("__PLAN_{}", n),
    }
}

/// The `static` plans of the envelopes after `[wire]`'s.
pub(super) fn next_plans(plan: &PlanBuf, by_code: &TokenStream) -> TokenStream {
    let mut out = TokenStream::new();
    let mut next = plan.next.as_deref();
    while let Some(p) = next {
        let name = plan_name(p.envelope);
        let tokens = self::plan(p, by_code, false);
        out.extend(quote!(static #name: __p::Plan<'static> = #tokens;));
        next = p.next.as_deref();
    }
    out
}

/// The entries and the code index, shared by the wire's plan and the
/// problem+json plan (which reads codes only: its identity ignores patterns):
/// the `static` data, and the `CodeIndex` over it both plans hold. The keys
/// are built by `CodeKey::of` at compile time.
pub(super) fn tables(plan: &PlanBuf, entries: &[TokenStream]) -> (TokenStream, TokenStream) {
    let codes = plan.entries.iter().map(|e| e.code.as_str());
    let slots = plan.by_code.slots();
    let complete = plan.by_code.is_complete();
    let (n, m) = (entries.len(), slots.len());
    let statics = quote! {
        static __ENTRIES: [__p::Entry<'static>; #n] = [#(#entries),*];
        static __BY_CODE: [u32; #m] = [#(#slots),*];
        static __CODE_KEYS: [__p::CodeKey; #n] = [#(__p::CodeKey::of(#codes)),*];
    };
    let by_code =
        quote!(__p::CodeIndex { slots: &__BY_CODE, keys: &__CODE_KEYS, complete: #complete });
    (statics, by_code)
}

pub(super) fn problem_plan(
    problem: &ProblemSlots,
    entries: &TokenStream,
    by_code: &TokenStream,
    integer_codes: bool,
) -> TokenStream {
    let (top, clashes) = (ProblemSlots::TOP, &problem.clashes);
    let (code, message) = (ProblemSlots::CODE, ProblemSlots::MESSAGE);
    quote! {
        __p::Plan {
            layout: __p::Layout {
                slots: &[#(&[#top]),*, #(&["fields", #clashes]),*],
                fields_at: __p::Some(&[]),
            },
            table: __p::Table { identity: __p::Identity::Code, entries: &#entries, by_code: #by_code, pattern_order: &[], by_message: &[], by_lead: __p::None },
            code: __p::Some(#code),
            code_cut: __p::CodeCut { after: __p::None, before: __p::None },
            code_header: __p::None,
            captures: &[],
            integer_codes: #integer_codes,
            message: __p::Some(#message),
            fields_at: "",
            typed: false,
            classify: __p::None,
            lone: __p::None,
            envelopes: __p::Envelopes::ONE,
            envelope_texts: &[],
        }
    }
}

/// Catalogs up to this many codes look a code up with a `match`; larger ones
/// with the table's hash index. The index takes the same time at any size; a
/// `match` on strings finds a code faster up to about 64 codes and slower past
/// that, and rejects an unknown code slower at every size (BENCHMARKS.md, code
/// lookup).
pub(super) const MATCH_CODES_UP_TO: usize = 64;

/// The expression giving the entry of the code in `__code` (a `Cow<str>`).
pub(super) fn code_lookup(input: &Input) -> TokenStream {
    let errors = &input.catalog.errors;
    if errors.len() > MATCH_CODES_UP_TO {
        return quote!(__PLAN.table.by_code(&__code));
    }
    let arms = errors.iter().enumerate().map(|(i, e)| {
        let code = &e.code.value;
        quote!(#code => __p::Some(#i),)
    });
    quote!(match &*__code { #(#arms)* _ => __p::None })
}
