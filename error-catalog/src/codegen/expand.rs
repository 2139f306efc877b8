//! Pass 3: the validated model → Rust tokens. Assumes valid input; never re-checks.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::ast::{Bound, BoundField, Input};
use super::build::{build_fn, decoded, Reads};
use super::shape::{shape, tree, Leaf, Node, Place, Shape};
use crate::model::{ErrorEntry, RetryRule};
use error_catalog_core::engine::Identity;
use error_catalog_core::template::{HoleKind, PatternSeg, Segment, Template};

/// Every impl for a valid input, inside one `const _: () = { ... };`.
pub fn expand(input: &Input) -> TokenStream {
    let shape = shape(input);
    let ident = &input.ident;
    let krate = &input.krate;
    let info = code_infos(input);
    // one table of entries (and their priority order) for both plans and the classifier
    let (entries, order) = entries(input);
    let (tables, by_code) = tables(input, &entries);
    let direct = super::classifier::direct(input, &shape, &order);
    let plan = plan(input, &shape, &order, &by_code, direct.is_some());
    let problem_plan = problem_plan(input, &by_code);
    let this = quote!(#ident);
    let (display, render) = display(input, &this);
    let api_error = api_error(input, &this);
    let public_details = public_details(input);
    let classifier = super::classifier::classifier(input, &order);
    let decode = decode(input, &shape, direct.is_some());
    let (serialize, envelope) = serialize(input, &shape, &this);
    let (view, view_impls) = match &input.view {
        Some(v) => (
            super::view::definition(input, v),
            super::view::impls(input, &shape, &v.ident),
        ),
        None => (TokenStream::new(), TokenStream::new()),
    };
    let deserialize = if input.catalog.wire.identity == Identity::Code {
        quote! {
            #[automatically_derived]
            impl<'de> __p::serde::Deserialize<'de> for #ident {
                fn deserialize<__D: __p::serde::Deserializer<'de>>(__d: __D) -> __p::Result<Self, __D::Error> {
                    __p::deserialize_via_json(__d, |__b| __decode(__p::None, __b, &__PLAN, false))
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
                fn from_response(status: u16, body: &[u8]) -> Self {
                    __decode(__p::Some(status), body, &__PLAN, false)
                }
                fn from_problem_json(status: u16, body: &[u8]) -> Self {
                    __decode(__p::Some(status), body, &__PROBLEM, true)
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
            #krate::__impl_integrations!(#ident);
            #view_impls
        };
    }
}

fn opt_str(v: &Option<String>) -> TokenStream {
    match v {
        Some(s) => quote!(__p::Some(#s)),
        None => quote!(__p::None),
    }
}

fn retry_tokens(input: &Input, r: RetryRule) -> TokenStream {
    let krate = &input.krate;
    let v = format_ident!(
        "{}",
        match r {
            RetryRule::Never => "Never",
            RetryRule::Backoff => "Backoff",
            RetryRule::Once => "Once",
            RetryRule::After => "After",
        }
    );
    quote!(#krate::RetryRule::#v)
}

fn code_infos(input: &Input) -> Vec<TokenStream> {
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
            let fix = opt_str(&e.fix_command);
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

fn segments_tokens(segs: &[String]) -> TokenStream {
    quote!(&[#(#segs),*])
}

/// What the placeholder filling field `idx` of `b` matches in a message.
pub(super) fn hole_kind(b: &Bound, idx: usize) -> HoleKind {
    b.fields
        .get(idx)
        .map_or(HoleKind::Text, |f| f.base.hole_kind())
}

/// The tokens naming `kind` in generated code.
pub(super) fn kind_tokens(kind: HoleKind) -> TokenStream {
    match kind {
        HoleKind::Text => quote!(__p::HoleKind::Text),
        HoleKind::Integer => quote!(__p::HoleKind::Integer),
        HoleKind::Number => quote!(__p::HoleKind::Number),
    }
}

/// The field index and kind of placeholder `name` in `b`'s patterns.
pub(super) fn hole(b: &Bound, name: &str) -> (usize, HoleKind) {
    let idx = b
        .fields
        .iter()
        .position(|f| f.wire == name)
        .unwrap_or(usize::MAX);
    (idx, hole_kind(b, idx))
}

/// The table's entries, and the entries with patterns by rank
/// (`Table::pattern_order`).
fn entries(input: &Input) -> (Vec<TokenStream>, Vec<u16>) {
    let identity = input.catalog.wire.identity;
    let mut entries = Vec::new();
    for (e, b) in input.catalog.errors.iter().zip(&input.variants) {
        let code = &e.code.value;
        let status = match e.status_u16() {
            Some(s) => quote!(__p::Some(#s)),
            None => quote!(__p::None),
        };
        let patterns = super::classifier::patterns(e).into_iter().map(|(_, t)| {
            let segs: Vec<TokenStream> = t
                .pattern(|name| hole(b, name))
                .into_iter()
                .map(|s| match s {
                    PatternSeg::Lit(l) => quote!(__p::PatternSeg::Lit(#l)),
                    PatternSeg::Hole(idx, kind) => {
                        let kind = kind_tokens(kind);
                        quote!(__p::PatternSeg::Hole(#idx, #kind))
                    }
                })
                .collect();
            quote!(&[#(#segs),*])
        });
        let by_status =
            identity != Identity::Code && e.matches.is_empty() && e.status_u16().is_some();
        entries.push(quote!(__p::Entry { code: #code, status: #status, patterns: &[#(#patterns),*], by_status: #by_status }));
    }
    let mut order: Vec<(usize, i64)> = input
        .catalog
        .errors
        .iter()
        .enumerate()
        .filter(|(_, e)| !e.matches.is_empty())
        .map(|(i, e)| (i, e.priority))
        .collect();
    order.sort_by_key(|o| std::cmp::Reverse(o.1));
    let order = order
        .iter()
        .map(|(i, _)| u16::try_from(*i).unwrap_or(u16::MAX))
        .collect();
    (entries, order)
}

fn identity_tokens(i: Identity) -> TokenStream {
    match i {
        Identity::Code => quote!(__p::Identity::Code),
        Identity::Message => quote!(__p::Identity::Message),
        Identity::Status => quote!(__p::Identity::Status),
    }
}

/// The wire's plan. Its table has no literal-message index: messages are
/// classified by the compiled `__classify`, and the table (used without a message
/// only) still answers correctly without one.
fn plan(
    input: &Input,
    shape: &Shape,
    order: &[u16],
    by_code: &TokenStream,
    direct: bool,
) -> TokenStream {
    let slots = shape.slots.iter().map(|p| segments_tokens(&p.segments));
    let fields_at = match &shape.fields_at {
        Some(p) => {
            let s = segments_tokens(&p.segments);
            quote!(__p::Some(#s))
        }
        None => quote!(__p::None),
    };
    let fields_at_text = shape
        .fields_at
        .as_ref()
        .map_or(String::new(), |p| p.text.clone());
    let identity = identity_tokens(input.catalog.wire.identity);
    let opt = |o: Option<usize>| match o {
        Some(i) => quote!(__p::Some(#i)),
        None => quote!(__p::None),
    };
    let code = opt(shape.code);
    let message = opt(shape.message);
    let classify = if input.catalog.wire.identity == Identity::Code {
        quote!(__p::None)
    } else {
        quote!(__p::Some(__classify))
    };
    // a message at the top, on a wire `__direct` builds from: its key
    let lone = shape
        .message
        .and_then(|s| shape.slots.get(s))
        .and_then(|p| match p.segments.as_slice() {
            [key] if direct => Some(quote!(__p::Some(#key))),
            _ => None,
        })
        .unwrap_or_else(|| quote!(__p::None));
    quote! {
        __p::Plan {
            layout: __p::Layout { slots: &[#(#slots),*], fields_at: #fields_at },
            table: __p::Table { identity: #identity, entries: &__ENTRIES, by_code: #by_code, pattern_order: &[#(#order),*], by_message: &[] },
            code: #code,
            message: #message,
            fields_at: #fields_at_text,
            typed: true,
            classify: #classify,
            lone: #lone,
        }
    }
}

/// Members problem details define (kept in step with `error_catalog::problem::RESERVED`).
const PROBLEM_RESERVED: &[&str] = &[
    "type", "title", "status", "detail", "code", "instance", "fields",
];

/// Field names that problem+json writes under `fields`, in slot order after the six fixed slots.
fn problem_clashes(input: &Input) -> Vec<String> {
    let mut names: Vec<String> = input
        .variants
        .iter()
        .flat_map(|b| b.fields.iter().map(|f| f.wire.clone()))
        .filter(|w| PROBLEM_RESERVED.contains(&w.as_str()))
        .collect();
    names.sort();
    names.dedup();
    names
}

/// The entries and the code index, shared by the wire's plan and the
/// problem+json plan (which reads codes only: its identity ignores patterns):
/// the `static` data, and the `CodeIndex` over it both plans hold. The slots
/// are placed here, at expansion; the keys are built by `CodeKey::of` at
/// compile time.
fn tables(input: &Input, entries: &[TokenStream]) -> (TokenStream, TokenStream) {
    let codes: Vec<&str> = input
        .catalog
        .errors
        .iter()
        .map(|e| e.code.value.as_str())
        .collect();
    let index = error_catalog_core::engine::code_index(&codes);
    let slots = index.slots();
    let complete = index.is_complete();
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

fn problem_plan(input: &Input, by_code: &TokenStream) -> TokenStream {
    let clashes = problem_clashes(input);
    quote! {
        __p::Plan {
            layout: __p::Layout {
                slots: &[&["code"], &["detail"], &["type"], &["title"], &["status"], &["instance"], #(&["fields", #clashes]),*],
                fields_at: __p::Some(&[]),
            },
            table: __p::Table { identity: __p::Identity::Code, entries: &__ENTRIES, by_code: #by_code, pattern_order: &[], by_message: &[] },
            code: __p::Some(0usize),
            message: __p::Some(1usize),
            fields_at: "",
            typed: false,
            classify: __p::None,
            lone: __p::None,
        }
    }
}

/// `Self::V { a, b, .. }` binding the named fields (or `Self::V` for a unit variant).
pub(super) fn pat(b: &Bound, names: &[&syn::Ident]) -> TokenStream {
    let v = &b.ident;
    if b.named {
        quote!(Self::#v { #(#names,)* .. })
    } else {
        quote!(Self::#v)
    }
}

/// True when a public response must not show field `f` of entry `e`.
fn redacted(e: &ErrorEntry, f: &BoundField) -> bool {
    f.internal || e.status_u16().is_some_and(|s| s >= 500)
}

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
            Some(if f.optional {
                quote!(#p => #id.and_then(|__v| ::core::convert::TryFrom::try_from(__v).ok()),)
            } else {
                quote!(#p => ::core::convert::TryFrom::try_from(*#id).ok(),)
            })
        });
    let detail_arms = input.variants.iter().map(|b| {
        let ids: Vec<&syn::Ident> = b.fields.iter().map(|f| &f.ident).collect();
        let puts = b.fields.iter().map(|f| {
            let id = &f.ident;
            let w = &f.wire;
            quote!(__p::put(&mut __m, #w, #id);)
        });
        let p = pat(b, &ids);
        quote!(#p => { #(#puts)* })
    });
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
            fn fix_command(&self) -> __p::Option<&str> {
                #krate::ApiError::info(self).and_then(|__i| __i.fix_command)
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
pub(super) fn public_details(input: &Input) -> TokenStream {
    let unknown = &input.unknown;
    let arms = input
        .variants
        .iter()
        .zip(&input.catalog.errors)
        .map(|(b, e)| {
            let shown: Vec<&super::ast::BoundField> =
                b.fields.iter().filter(|f| !redacted(e, f)).collect();
            let ids: Vec<&syn::Ident> = shown.iter().map(|f| &f.ident).collect();
            let puts = shown.iter().map(|f| {
                let id = &f.ident;
                let w = &f.wire;
                quote!(__p::put(&mut __m, #w, #id);)
            });
            let p = pat(b, &ids);
            quote!(#p => { #(#puts)* })
        });
    quote! {
        fn public_details(&self) -> __p::serde_json::Map<::std::string::String, __p::serde_json::Value> {
            let mut __m = __p::serde_json::Map::new();
            match self {
                #(#arms)*
                Self::#unknown(_) => {}
            }
            __m
        }
    }
}

fn decode(input: &Input, shape: &Shape, direct: bool) -> TokenStream {
    let ident = &input.ident;
    let clashes = problem_clashes(input);
    let unknown = &input.unknown;
    // Typed reading: once the code is read, the fields object's members of that
    // variant are parsed straight into their types (code-identified wires only).
    let typed = input.catalog.wire.identity == Identity::Code;
    let typed_fields = |i: usize, b: &Bound| -> Vec<(usize, String)> {
        if !typed {
            return Vec::new();
        }
        b.fields
            .iter()
            .enumerate()
            .filter_map(|(j, _)| match &shape.places[i][j] {
                Place::Member(m) => Some((j, m.clone())),
                _ => None,
            })
            .collect()
    };
    // Envelope slots every variant reads into one field of one type and wire name
    // (e.g. `timestamp`) are read typed too, whatever the code: (slot, that field).
    let typed_slots: Vec<(usize, &BoundField)> = if typed {
        (0..shape.slots.len())
            .filter(|s| Some(*s) != shape.code && Some(*s) != shape.message)
            .filter_map(|s| {
                let mut fields = input.variants.iter().enumerate().map(|(i, b)| {
                    let j = shape.places[i].iter().position(|p| *p == Place::Slot(s))?;
                    b.fields.get(j)
                });
                let first = fields.next()??;
                let same = |f: &BoundField| {
                    let (a, b) = (&first.ty, &f.ty);
                    f.wire == first.wire && quote!(#a).to_string() == quote!(#b).to_string()
                };
                fields.all(|f| f.is_some_and(same)).then_some((s, first))
            })
            .collect()
    } else {
        Vec::new()
    };
    let slot_name = |s: usize| format_ident!("__slot{}", s);
    let tfs: Vec<Vec<(usize, String)>> = input
        .variants
        .iter()
        .enumerate()
        .map(|(i, b)| typed_fields(i, b))
        .collect();
    let reads = Reads {
        shape,
        typed_fields: &tfs,
        typed_slots: &typed_slots,
        clashes: &clashes,
    };
    let build = build_fn(input, &reads, None);
    let decoded_impl = decoded(input, &quote!(#ident));
    // The code and the message are read as strings while walking on every wire
    // that has them.
    let fast = typed || shape.message.is_some();
    let sink = if fast {
        let mut tvariants = Vec::new();
        let mut new_arms = Vec::new();
        let mut member_arms = Vec::new();
        for (i, b) in input.variants.iter().enumerate() {
            let tf = typed_fields(i, b);
            if tf.is_empty() {
                continue;
            }
            let tvariant = format_ident!("V{}", i);
            let names: Vec<proc_macro2::Ident> =
                tf.iter().map(|(j, _)| format_ident!("__t{}", j)).collect();
            let tys = tf.iter().map(|(j, _)| super::view::view_ty(&b.fields[*j]));
            tvariants.push(quote!(#tvariant { #(#names: __p::Option<#tys>,)* }));
            let nones = names.iter().map(|n| quote!(#n: __p::None));
            new_arms.push(quote!(#i => __Typed::#tvariant { #(#nones,)* },));
            let keys = tf.iter().map(|(_, m)| m);
            let read = tf.iter().map(|(j, _)| {
                if b.fields[*j].is_text() {
                    quote!(__p::read_text::<__OWN, _, _>)
                } else {
                    quote!(__p::read_into)
                }
            });
            member_arms.push(quote! {
                __Typed::#tvariant { #(#names,)* } => {
                    #(if #names.is_none() && __key == #keys { return #read(#names, __map); })*
                }
            });
        }
        let code_slot = shape.code.filter(|_| typed);
        let by_code = code_lookup(input);
        let code_arm = code_slot.map(|code_slot| quote! {
            #code_slot => {
                if self.code.is_some() {
                    return __p::Err(__twice());
                }
                let __code = __p::serde::de::MapAccess::next_value_seed(__map, __p::engine::StrSeed)?;
                self.entry = #by_code;
                self.typed = match self.entry {
                    #[allow(unreachable_patterns)]
                    __p::Some(__e) => match __e { #(#new_arms)* _ => __Typed::None },
                    __p::None => __Typed::None,
                };
                self.code = __p::Some(__code);
            }
        });
        let take_code = code_slot.map(|c| quote!(if __slot == #c { return self.code.take(); }));
        let (message_arm, take_message) = match shape.message.filter(|m| Some(*m) != shape.code) {
            Some(m) => (
                quote! {
                    #m => {
                        if self.message.is_some() {
                            return __p::Err(__twice());
                        }
                        self.message = __p::Some(__p::serde::de::MapAccess::next_value_seed(__map, __p::engine::StrSeed)?);
                    }
                },
                quote!(if __slot == #m { return self.message.take(); }),
            ),
            None => (TokenStream::new(), TokenStream::new()),
        };
        let (walkers, walk) = super::walker::walker(shape);
        let slot_fields = typed_slots.iter().map(|(s, f)| {
            let (name, ty) = (slot_name(*s), &f.ty);
            quote!(#name: __p::Option<#ty>)
        });
        let slot_arms = typed_slots.iter().map(|(s, f)| {
            let (name, ty) = (slot_name(*s), &f.ty);
            quote! {
                #s => {
                    if self.#name.is_some() {
                        return __p::Err(__twice());
                    }
                    self.#name = __p::Some(__p::serde::de::MapAccess::next_value::<#ty>(__map)?);
                }
            }
        });
        quote! {
            #[derive(Default)]
            #[allow(dead_code)]
            enum __Typed<'b> {
                #[default]
                None,
                #(#tvariants,)*
                // (text is stored as `Cow<'b, str>`, borrowed from the body by
                // the view's sink)
                Body(::core::marker::PhantomData<&'b str>),
            }
            #[derive(Default)]
            struct __Fast<'b, const __OWN: bool> {
                raw: __p::Kept<'b>,
                on: bool,
                code: __p::Option<::std::borrow::Cow<'b, str>>,
                message: __p::Option<::std::borrow::Cow<'b, str>>,
                entry: __p::Option<usize>,
                typed: __Typed<'b>,
                #(#slot_fields,)*
            }
            impl<'b, const __OWN: bool> __p::engine::Sink<'b> for __Fast<'b, __OWN> {
                #[allow(unreachable_patterns)]
                #[inline(always)]
                fn slot<__A: __p::serde::de::MapAccess<'b>>(&mut self, __slot: usize, __map: &mut __A) -> __p::Result<(), __A::Error> {
                    if !self.on {
                        return __p::engine::Sink::slot(self.raw.make(), __slot, __map);
                    }
                    // Typed reading: a value of another type, or one seen twice,
                    // aborts it, and the body is read again raw, so nothing is lost.
                    let __twice = || <__A::Error as __p::serde::de::Error>::custom("a slot seen twice");
                    match __slot {
                        #code_arm
                        #message_arm
                        #(#slot_arms)*
                        _ => return __p::engine::Sink::slot(self.raw.make(), __slot, __map),
                    }
                    __p::Ok(())
                }
                #[allow(unreachable_code, clippy::match_single_binding)]
                #[inline(always)]
                fn member<__A: __p::serde::de::MapAccess<'b>>(&mut self, __key: ::std::borrow::Cow<'b, str>, __map: &mut __A) -> __p::Result<(), __A::Error> {
                    match &mut self.typed {
                        #(#member_arms)*
                        _ => {}
                    }
                    __p::engine::Sink::member(self.raw.make(), __key, __map)
                }
                fn extra(&mut self, __pointer: &__p::engine::PointerTo<'_>, __raw: &str) -> __p::Result<(), __p::TooLong> {
                    __p::engine::Sink::extra(self.raw.make(), __pointer, __raw)
                }
            }
            #walkers
            impl<'b, const __OWN: bool> __p::FastSink<'b> for __Fast<'b, __OWN> {
                #walk
                fn new(__typed: bool) -> Self {
                    __Fast { on: __typed, ..::core::default::Default::default() }
                }
                fn typed(&self) -> bool {
                    self.on
                }
                fn kept(&mut self) -> __p::Option<&mut __p::Captured<'b>> {
                    self.raw.get_mut()
                }
                fn entry(&self) -> __p::Option<usize> {
                    self.entry
                }
                fn take_text(&mut self, __slot: usize) -> __p::Option<::std::borrow::Cow<'b, str>> {
                    if self.on {
                        #take_code
                        #take_message
                    }
                    self.raw.get_mut()?.slot_str(__slot)
                }
            }
            // the enum's sink reads text owned; the view's borrows it
            type __Sink<'b> = __Fast<'b, true>;
            type __ViewSink<'b> = __Fast<'b, false>;
        }
    } else {
        quote!(
            type __Sink<'b> = __p::Captured<'b>;
            type __ViewSink<'b> = __p::Captured<'b>;
        )
    };
    // a body holding the message alone is classified and built in one step
    let direct = if direct {
        quote!(|__st, __m| if __problem {
            __p::None
        } else {
            __direct(__st, __m)
        })
    } else {
        quote!(|_, _| __p::None)
    };
    let view = input.view.as_ref().map(|v| {
        let view = &v.ident;
        let build = build_fn(input, &reads, Some(view));
        let decoded = decoded(input, &quote!(#view<'_>));
        quote! {
            #decoded
            #build
            fn __decode_view<'b>(__status: __p::Option<u16>, __body: &'b [u8], __plan: &__p::Plan<'_>, __problem: bool) -> #view<'b> {
                // (a body holding the message alone takes the general steps)
                __p::decode::<#view<'b>, __ViewSink<'b>>(__status, __body, __plan, |_, _| __p::None, |__e, __s, __caps| __build_view(__e, __s, __caps, __problem), #view::#unknown)
            }
        }
    });
    quote! {
        #decoded_impl
        #sink
        #build
        fn __decode(__status: __p::Option<u16>, __body: &[u8], __plan: &__p::Plan<'_>, __problem: bool) -> #ident {
            // (the problem+json plan reads raw: its fields all sit at the top)
            __p::decode::<#ident, __Sink<'_>>(__status, __body, __plan, #direct, |__e, __s, __caps| __build(__e, __s, __caps, __problem), #ident::#unknown)
        }
        #view
    }
}

/// Catalogs up to this many codes look a code up with a `match`; larger ones
/// with the table's hash index. The index takes the same time at any size; a
/// `match` on strings finds a code faster up to about 64 codes and slower past
/// that, and rejects an unknown code slower at every size (BENCHMARKS.md, code
/// lookup).
const MATCH_CODES_UP_TO: usize = 64;

/// The expression giving the entry of the code in `__code` (a `Cow<str>`).
fn code_lookup(input: &Input) -> TokenStream {
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

/// How field `f` is read from a problem+json body: from the `fields` object when
/// its name clashes with a problem member (slots 6 on), else from the top.
pub(super) fn problem_read(f: &BoundField, clashes: &[String]) -> TokenStream {
    let (w, reader) = (&f.wire, reader_of(f));
    match clashes.iter().position(|c| c == &f.wire) {
        Some(k) => {
            let slot = 6 + k;
            quote!(#reader(__p::FastSink::slot_raw(__s, #slot), #w))
        }
        None => quote!(#reader(__p::FastSink::take_member(__s, #w), #w)),
    }
}

/// The `__private` function that reads field `f` from its raw JSON.
pub(super) fn reader_of(f: &BoundField) -> TokenStream {
    use crate::model::BaseType as B;
    match (f.base, f.optional) {
        (B::String, false) => quote!(__p::field_string),
        (B::String, true) => quote!(__p::field_opt_string),
        (b, false) if b.is_integer() => quote!(__p::field_int),
        (b, true) if b.is_integer() => quote!(__p::field_opt_int),
        _ => quote!(__p::field),
    }
}

fn chunk(members: Vec<TokenStream>) -> TokenStream {
    if members.len() <= 12 {
        return quote!((#(#members,)*));
    }
    let groups: Vec<TokenStream> = members.chunks(12).map(|c| quote!((#(#c,)*))).collect();
    chunk(groups)
}

fn node_members(e: &ErrorEntry, node: &Node, b: &Bound) -> Vec<TokenStream> {
    let mut out = Vec::new();
    for (key, leaf) in &node.leaves {
        out.push(match leaf {
            Leaf::Code => {
                let c = &e.code.value;
                quote!(__p::Member(#key, #c))
            }
            Leaf::Message => quote!(__p::Member(#key, &__p::MessageStr(self, __public))),
            Leaf::Static(s) => quote!(__p::Member(#key, #s)),
            Leaf::Field(i) => {
                let f = &b.fields[*i];
                let id = &f.ident;
                let m = if f.optional {
                    quote!(__p::OptMember(#key, #id))
                } else {
                    quote!(__p::Member(#key, #id))
                };
                if redacted(e, f) {
                    quote!(__p::When(!__public, #m))
                } else {
                    m
                }
            }
        });
    }
    for (key, child) in &node.children {
        if child.has_leaves() {
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
fn all_unset(node: &Node, b: &Bound) -> Option<TokenStream> {
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

fn object(e: &ErrorEntry, node: &Node, b: &Bound) -> TokenStream {
    let members = chunk(node_members(e, node, b));
    quote!(__p::Obj(#members))
}

/// The body a public response shows for the fallback: the wire's message alone.
fn public_unknown(input: &Input) -> TokenStream {
    let mut node = Node::default();
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
pub(super) fn serialize(
    input: &Input,
    shape: &Shape,
    ty: &TokenStream,
) -> (TokenStream, TokenStream) {
    let unknown = &input.unknown;
    let arms = input
        .variants
        .iter()
        .zip(&input.catalog.errors)
        .enumerate()
        .map(|(i, (b, e))| {
            let node = tree(input, shape, i, b);
            let obj = object(e, &node, b);
            let mut ids: Vec<&syn::Ident> = b.fields.iter().map(|f| &f.ident).collect();
            if let Some(x) = &b.extra {
                ids.push(x);
            }
            let p = pat(b, &ids);
            quote!(#p => __p::serde::Serialize::serialize(&#obj, __s),)
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
