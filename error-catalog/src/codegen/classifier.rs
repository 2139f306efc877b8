//! The compiled classification of wires that identify errors by status and
//! message: per status, the entries' patterns in priority order (messages
//! without placeholders as `match` arms, patterns that match in one pass as
//! straight-line code, the others through `match_into`), then the status's
//! catch-all entry. It gives what `engine::Table::classify` gives
//! over the same table (the CLI's classifier, and the agreement tests' oracle),
//! without walking entries of other statuses or hashing the message.

use std::collections::BTreeSet;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::ast::{Bound, Input};
use super::expand::{hole, kind_tokens};
use crate::engine::Identity;
use crate::model::{BaseType, ErrorEntry};
use crate::template::{one_pass, HoleKind, Segment, Step, Template};

/// One entry's patterns, in catalog order: (index among the entry's patterns,
/// template); only those that parse. The generated table holds these, so the
/// index is the one `__ENTRIES[i].patterns` has.
pub(super) fn patterns(e: &ErrorEntry) -> Vec<(usize, Template)> {
    e.matches
        .iter()
        .filter_map(|m| Template::parse(&m.value).ok())
        .enumerate()
        .collect()
}

/// Whether a match of `t` (a pattern of `e`) spells exactly what `e`'s template
/// renders from the captured fields: the pattern is the template, each
/// placeholder fills its own field, and the field shows its text unchanged
/// (strings always, integers when written canonically: checked at run time).
fn exact(e: &ErrorEntry, b: &Bound, t: &Template) -> TokenStream {
    if Template::parse(&e.message.value).ok().as_ref() != Some(t) {
        return quote!(false);
    }
    let mut seen = Vec::new();
    let mut checks = Vec::new();
    for (k, name) in t.placeholders().enumerate() {
        let Some(f) = b.fields.iter().find(|f| f.wire == name) else {
            return quote!(false);
        };
        if seen.contains(&name) {
            return quote!(false);
        }
        seen.push(name);
        match f.base {
            BaseType::String => {}
            BaseType::U8
            | BaseType::U16
            | BaseType::U32
            | BaseType::U64
            | BaseType::I32
            | BaseType::I64 => {
                checks.push(quote!(__caps.get(#k).is_some_and(|__c| __p::canonical_int(__c.1))));
            }
            _ => return quote!(false),
        }
    }
    if checks.is_empty() {
        quote!(true)
    } else {
        quote!(#(#checks)&&*)
    }
}

/// An entry that may match under one status: (index, entry, its variant, its
/// patterns).
type Candidate<'a> = (usize, &'a ErrorEntry, &'a Bound, Vec<(usize, Template)>);

/// The steps for messages under `status` (`None`: a status no entry names):
/// entries of that status or of none, by rank.
fn steps(input: &Input, order: &[usize], status: Option<u16>) -> TokenStream {
    let mut out = Vec::new();
    let mut arms = Vec::new();
    let flush = |arms: &mut Vec<TokenStream>, out: &mut Vec<TokenStream>| {
        if !arms.is_empty() {
            out.push(quote!(match __m { #(#arms)* _ => {} }));
            arms.clear();
        }
    };
    let mut entries: Vec<Candidate<'_>> = order
        .iter()
        .filter_map(|&i| Some((i, input.catalog.errors.get(i)?, input.variants.get(i)?)))
        .filter(|(_, e, _)| e.status_u16().is_none_or(|s| Some(s) == status))
        .map(|(i, e, b)| (i, e, b, patterns(e)))
        .collect();
    // Within one priority the order cannot change the answer (validation refuses
    // two patterns of one priority that could match the same message under one
    // status): entries the general matcher would search come last.
    entries.sort_by_key(|(_, e, b, pats)| {
        let searched = pats.iter().any(|(_, t)| {
            t.literal_text().is_none() && one_pass(&t.pattern(|name| hole(b, name))).is_none()
        });
        (std::cmp::Reverse(e.priority), searched)
    });
    for (i, e, b, pats) in entries {
        // an entry's messages without placeholders come before its others
        for (_, t) in &pats {
            if let Some(text) = t.literal_text() {
                let exact = exact(e, b, t);
                arms.push(quote!(#text => return __p::Some((#i, #exact)),));
            }
        }
        for (j, t) in &pats {
            if t.literal_text().is_none() {
                flush(&mut arms, &mut out);
                let exact = exact(e, b, t);
                let segs = t.pattern(|name| hole(b, name));
                out.push(match one_pass(&segs) {
                    Some(steps) => straight(&steps, i, *j, &exact),
                    None => searched(t, i, *j, &exact),
                });
            }
        }
    }
    flush(&mut arms, &mut out);
    quote!(#(#out)*)
}

/// A pattern matched in one pass, inline: each step strips a literal or takes a
/// placeholder's text, leaving the labelled block at the first that fails.
fn straight(steps: &[Step<'_>], i: usize, j: usize, exact: &TokenStream) -> TokenStream {
    let label = syn::Lifetime::new(&format!("'__p{i}_{j}"), proc_macro2::Span::call_site());
    let mut body = Vec::new();
    let mut caps = Vec::new();
    let mut open = true;
    for (n, step) in steps.iter().enumerate() {
        let c = format_ident!("__c{}", n);
        match *step {
            Step::Lit(l) => body.push(quote! {
                let __p::Some(__r) = __r.strip_prefix(#l) else { break #label; };
            }),
            Step::Run(f, kind) => {
                let kind = kind_tokens(kind);
                body.push(quote! {
                    let __p::Some((#c, __r)) = __p::take_run(__r, #kind) else { break #label; };
                });
                caps.push(quote!((#f, #c)));
            }
            Step::UpTo(f, kind, last) => {
                let check = accepts(kind, &c, &label);
                body.push(quote! {
                    let __p::Some(#c) = __r.strip_suffix(#last) else { break #label; };
                    #check
                });
                caps.push(quote!((#f, #c)));
                open = false;
            }
            Step::Rest(f, kind) => {
                let check = accepts(kind, &c, &label);
                body.push(quote!(let #c = __r; #check));
                caps.push(quote!((#f, #c)));
                open = false;
            }
        }
    }
    let end = open.then(|| quote!(if !__r.is_empty() { break #label; }));
    quote! {
        #label: {
            let __r: &'m str = __m;
            #(#body)*
            #end
            __caps.clear();
            #(__caps.push(#caps);)*
            return __p::Some((#i, #exact));
        }
    }
}

/// The check that captured text `c` is a value of `kind` (text always is).
fn accepts(kind: HoleKind, c: &syn::Ident, label: &syn::Lifetime) -> Option<TokenStream> {
    let tokens = kind_tokens(kind);
    (kind != HoleKind::Text).then(|| quote!(if !#tokens.accepts(#c) { break #label; }))
}

/// A pattern whose placeholders may need backtracking: its first and last
/// literals compared inline, then the general matcher.
fn searched(t: &Template, i: usize, j: usize, exact: &TokenStream) -> TokenStream {
    let mut guards = Vec::new();
    if let Some(Segment::Lit(l)) = t.segments.first() {
        guards.push(quote!(__m.starts_with(#l) &&));
    }
    if let Some(Segment::Lit(l)) = t.segments.last().filter(|_| t.segments.len() > 1) {
        guards.push(quote!(__m.ends_with(#l) &&));
    }
    quote! {
        if #(#guards)* __p::match_into(__ENTRIES[#i].patterns[#j], __m, __caps) {
            return __p::Some((#i, #exact));
        }
    }
}

/// `fn __classify` (a `Classifier`) for a wire that is not identified by code;
/// `None` otherwise. `order` is the table's `pattern_order`.
pub(super) fn classifier(input: &Input, order: &[u16]) -> Option<TokenStream> {
    if input.catalog.wire.identity == Identity::Code {
        return None;
    }
    let order: Vec<usize> = order.iter().map(|&i| usize::from(i)).collect();
    let errors = &input.catalog.errors;
    let with_patterns: BTreeSet<u16> = order
        .iter()
        .filter_map(|&i| errors.get(i)?.status_u16())
        .collect();
    let message_arms = with_patterns.iter().map(|&s| {
        let steps = steps(input, &order, Some(s));
        quote!(#s => { #steps })
    });
    let other = steps(input, &order, None);
    // the catch-all of a status: its first entry without patterns
    let mut by_status: Vec<(u16, usize)> = Vec::new();
    for (i, e) in errors.iter().enumerate() {
        if let Some(s) = e.status_u16().filter(|_| e.matches.is_empty()) {
            if !by_status.iter().any(|(t, _)| *t == s) {
                by_status.push((s, i));
            }
        }
    }
    let status_arms = by_status
        .iter()
        .map(|(s, i)| quote!(#s => __p::Some((#i, false)),));
    Some(quote! {
        #[allow(unreachable_patterns, unused_labels, clippy::match_single_binding, clippy::needless_return)]
        fn __classify<'m>(__status: u16, __msg: __p::Option<&'m str>, __caps: &mut __p::Captures<'m>) -> __p::Option<(usize, bool)> {
            if let __p::Some(__m) = __msg {
                match __status {
                    #(#message_arms)*
                    _ => { #other }
                }
            }
            match __status {
                #(#status_arms)*
                _ => __p::None,
            }
        }
    })
}
