//! The compiled classification of wires that identify errors by status and
//! message: per status, the entries' patterns in priority order (messages
//! without placeholders as `match` arms, patterns that match in one pass as
//! straight-line code, the others through `match_into`), then the status's
//! catch-all entry. It gives what `engine::Table::classify` gives
//! over the same table (the CLI's classifier, and the agreement tests' oracle),
//! without walking entries of other statuses or hashing the message.
//!
//! The same steps are emitted twice: as `__classify` (entry and holes, for the
//! general path) and as `__direct` (the variant itself, for a body holding the
//! message alone; its arms are in `direct.rs`).

use std::collections::BTreeSet;

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use crate::ast::{Bound, Input};
use crate::lower::exact_fields;
use crate::tokens::{hole, kind_tokens};
use error_catalog_core::engine::Identity;
use error_catalog_core::template::{one_pass, HoleKind, Segment, Step, Template};
use error_catalog_model::layout::Placement;
use error_catalog_model::model::{BaseType, ErrorEntry};
use error_catalog_model::plan::patterns;

/// The run-time check that a match of `t` is exact (see [`exact_fields`]).
fn exact(e: &ErrorEntry, b: &Bound, t: &Template) -> TokenStream {
    let Some(fields) = exact_fields(e, b, t) else {
        return quote!(false);
    };
    let checks: Vec<TokenStream> = fields
        .iter()
        .filter(|(_, _, base)| *base != BaseType::String)
        .map(|(k, _, _)| quote!(__holes.get(#k).is_some_and(|__c| __p::canonical_int(__c.1))))
        .collect();
    if checks.is_empty() {
        quote!(true)
    } else {
        quote!(#(#checks)&&*)
    }
}

/// An entry that may match under one status: (index, entry, its variant, its
/// patterns).
type Candidate<'a> = (usize, &'a ErrorEntry, &'a Bound, Vec<(usize, Template)>);

/// What a generated function does when a message matches one of entry `i`'s
/// patterns `t`, given the placeholders' texts as (field index, local).
#[derive(Clone, Copy)]
enum Mode<'a> {
    /// `__classify`: keep the holes and give (entry, exact).
    Classify,
    /// `__direct`: give the variant itself where the general path would build
    /// exactly that from the holes alone, else `None` (see `direct.rs`).
    Direct(&'a Placement),
}

impl Mode<'_> {
    /// The statements run on a match (they return).
    fn on_match(
        self,
        input: &Input,
        c: &Candidate<'_>,
        t: &Template,
        holes: &[(usize, Ident)],
    ) -> TokenStream {
        let (i, e, b, _) = c;
        match self {
            Mode::Classify => {
                let exact = exact(e, b, t);
                let (f, c): (Vec<&usize>, Vec<&Ident>) = holes.iter().map(|(f, c)| (f, c)).unzip();
                let clear = (!holes.is_empty()).then(|| quote!(__holes.clear();));
                quote! { #clear #(__holes.push((#f, #c));)* return __p::Some((#i, #exact)); }
            }
            Mode::Direct(placement) => {
                let built = crate::direct::built(input, placement, *i, e, b, t, holes);
                quote!(return #built;)
            }
        }
    }
}

/// The steps for messages under `status` (`None`: a status no entry names):
/// entries of that status or of none, by rank.
fn steps(input: &Input, order: &[usize], status: Option<u16>, mode: Mode<'_>) -> TokenStream {
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
    for c in &entries {
        let (_, _, b, pats) = c;
        // an entry's messages without placeholders come before its others
        for (_, t) in pats {
            if let Some(text) = t.literal_text() {
                let then = mode.on_match(input, c, t, &[]);
                arms.push(quote!(#text => { #then }));
            }
        }
        for (j, t) in pats {
            if t.literal_text().is_none() {
                flush(&mut arms, &mut out);
                let segs = t.pattern(|name| hole(b, name));
                out.push(match one_pass(&segs) {
                    Some(steps) => straight(input, &steps, c, t, *j, mode),
                    None => searched(input, c, t, *j, mode),
                });
            }
        }
    }
    flush(&mut arms, &mut out);
    quote!(#(#out)*)
}

/// A pattern matched in one pass, inline: each step strips a literal or takes a
/// placeholder's text, leaving the labelled block at the first that fails.
fn straight(
    input: &Input,
    steps: &[Step<'_>],
    c: &Candidate<'_>,
    t: &Template,
    j: usize,
    mode: Mode<'_>,
) -> TokenStream {
    let i = c.0;
    let label = syn::Lifetime::new(&format!("'__p{i}_{j}"), proc_macro2::Span::call_site());
    let mut body = Vec::new();
    let mut holes = Vec::new();
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
                holes.push((f, c));
            }
            Step::UpTo(f, kind, last) => {
                let check = accepts(kind, &c, &label);
                body.push(quote! {
                    let __p::Some(#c) = __r.strip_suffix(#last) else { break #label; };
                    #check
                });
                holes.push((f, c));
                open = false;
            }
            Step::Rest(f, kind) => {
                let check = accepts(kind, &c, &label);
                body.push(quote!(let #c = __r; #check));
                holes.push((f, c));
                open = false;
            }
        }
    }
    let end = open.then(|| quote!(if !__r.is_empty() { break #label; }));
    let then = mode.on_match(input, c, t, &holes);
    quote! {
        #label: {
            let __r: &'m str = __m;
            #(#body)*
            #end
            #then
        }
    }
}

/// The check that captured text `c` is a value of `kind` (text always is).
fn accepts(kind: HoleKind, c: &syn::Ident, label: &syn::Lifetime) -> Option<TokenStream> {
    let tokens = kind_tokens(kind);
    (kind != HoleKind::Text).then(|| quote!(if !#tokens.accepts(#c) { break #label; }))
}

/// A pattern whose placeholders may need backtracking: its first and last
/// literals compared inline, then the general matcher. (`__direct` leaves such a
/// match to the general path.)
fn searched(
    input: &Input,
    c: &Candidate<'_>,
    t: &Template,
    j: usize,
    mode: Mode<'_>,
) -> TokenStream {
    let i = c.0;
    let mut guards = Vec::new();
    if let Some(Segment::Lit(l)) = t.segments.first() {
        guards.push(quote!(__m.starts_with(#l) &&));
    }
    if let Some(Segment::Lit(l)) = t.segments.last().filter(|_| t.segments.len() > 1) {
        guards.push(quote!(__m.ends_with(#l) &&));
    }
    // (`match_into` fills `__holes` itself: no holes to push)
    let (holes, then) = match mode {
        Mode::Classify => (quote!(__holes), mode.on_match(input, c, t, &[])),
        Mode::Direct(_) => (
            quote!(&mut __p::HoleTexts::default()),
            quote!(return __p::None;),
        ),
    };
    quote! {
        if #(#guards)* __p::match_into(__ENTRIES[#i].patterns[#j], __m, #holes) {
            #then
        }
    }
}

/// The statuses some entry with patterns names, and the entries by rank.
fn ranked(input: &Input, order: &[u16]) -> (BTreeSet<u16>, Vec<usize>) {
    let order: Vec<usize> = order.iter().map(|&i| usize::from(i)).collect();
    let with_patterns = order
        .iter()
        .filter_map(|&i| input.catalog.errors.get(i)?.status_u16())
        .collect();
    (with_patterns, order)
}

/// `fn __classify` (a `Classifier`) for a wire that is not identified by code;
/// `None` otherwise. `order` is the table's `pattern_order`.
pub(super) fn classifier(input: &Input, order: &[u16]) -> Option<TokenStream> {
    if input.catalog.wire.identity == Identity::Code || input.catalog.conditional() {
        return None;
    }
    let (with_patterns, order) = ranked(input, order);
    let message_arms = with_patterns.iter().map(|&s| {
        let steps = steps(input, &order, Some(s), Mode::Classify);
        quote!(#s => { #steps })
    });
    let other = steps(input, &order, None, Mode::Classify);
    // the catch-all of a status: its first entry without patterns
    let mut by_status: Vec<(u16, usize)> = Vec::new();
    for (i, e) in input.catalog.errors.iter().enumerate() {
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
        fn __classify<'m>(__status: u16, __msg: __p::Option<&'m str>, __holes: &mut __p::HoleTexts<'m>) -> __p::Option<(usize, bool)> {
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

/// `fn __direct` for a wire that classifies messages by pattern: the same steps
/// as `__classify`, but a match gives the variant itself, built from the
/// placeholders' texts, wherever the general path (classify, build from the
/// holes, keep the message when not exact) would give exactly that value for a
/// body holding the message alone; `None` sends the body down the general path.
/// `None` (no function) for wires without message patterns.
pub(super) fn direct(input: &Input, placement: &Placement, order: &[u16]) -> Option<TokenStream> {
    if input.catalog.wire.identity == Identity::Code
        || input.catalog.conditional()
        || order.is_empty()
    {
        return None;
    }
    let ident = &input.ident;
    let (with_patterns, order) = ranked(input, order);
    let message_arms = with_patterns.iter().map(|&s| {
        let steps = steps(input, &order, Some(s), Mode::Direct(placement));
        quote!(#s => { #steps })
    });
    let other = steps(input, &order, None, Mode::Direct(placement));
    Some(quote! {
        #[allow(unreachable_patterns, unused_labels, clippy::match_single_binding, clippy::needless_return)]
        #[inline]
        fn __direct<'m>(__status: u16, __m: &'m str) -> __p::Option<#ident> {
            match __status {
                #(#message_arms)*
                _ => { #other }
            }
            __p::None
        }
    })
}
