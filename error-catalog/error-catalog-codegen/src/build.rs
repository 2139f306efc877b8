//! The `Decode` impl of the enum and, with `#[api_error(borrowed)]`, of its
//! borrowed view: the whole contract with the decoder, chiefly `build`, the
//! variant of an entry once it is known.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, ToTokens};

use crate::ast::{BoundField, Input};
use crate::lower::{slot_fields, typed_shapes};
use crate::tokens::{pat, problem_read, read_at, reader_of, view_ty};
use error_catalog_core::template::Template;
use error_catalog_model::layout::Place;
use error_catalog_model::plan::PlanBuf;

/// Field `f`: the value `typed` read while walking, else read from its raw
/// JSON at `at` with `read` (`typed_or_field`, or `typed_or_optional` for an
/// optional field): one call, no closure, so one copy of the function serves
/// every field of a type.
fn typed_or_at(
    f: &BoundField,
    typed: TokenStream,
    at: TokenStream,
    read: TokenStream,
) -> TokenStream {
    let w = &f.wire;
    if f.optional {
        quote!(__p::typed_or_optional(#typed, __s, #at, #w, #read))
    } else {
        quote!(__p::typed_or_field(#typed, __s, #at, #w, #read))
    }
}

/// `Decode::build` for the enum, or for its borrowed view (named `view`): the
/// variant of an entry from what the sink read. The view takes typed text as
/// stored; read any other way, text is read owned and lent.
fn build_fn(
    input: &Input,
    r: &PlanBuf,
    view: Option<&syn::Ident>,
    sink: &TokenStream,
) -> TokenStream {
    let lend = |f: &BoundField, value: TokenStream| -> TokenStream {
        if view.is_some() && f.is_text() {
            let stored = view_ty(f);
            quote!((#value).map(<#stored as __p::Text<'b>>::lent))
        } else {
            value
        }
    };
    let typed_slots = slot_fields(input, r);
    let (_, shape_of) = typed_shapes(input, r);
    // The fields every variant reads from one typed slot, read first in
    // every entry's reading (the same in all).
    let hoisted = typed_slots
        .iter()
        .map(|(s, f)| {
            let slot = format_ident!("__slot{}", s);
            let in_problem = problem_read(f, &r.problem);
            let local = format_ident!("__e{}", s);
            let typed = typed_or_at(
                f,
                quote!(__s.#slot.take()),
                quote!(__p::FieldAt::Slot(#s)),
                reader_of(f),
            );
            quote! {
                let #local = if __problem {
                    #in_problem
                } else {
                    #typed
                };
            }
        })
        .collect::<Vec<_>>();
    let mut readers: Vec<(String, TokenStream)> = Vec::new();
    let arms = input
        .variants
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let v = &b.ident;
            // (an entry of another envelope is built from that envelope's plan,
            // which reads raw)
            let own = r.plan_of(i);
            let main = own.envelope == r.envelope;
            let tf = &own.typed_fields[i];
            let tnames: Vec<proc_macro2::Ident> =
                tf.iter().map(|(j, _)| format_ident!("__t{}", j)).collect();
            let tvariant = format_ident!("S{}", shape_of[i].unwrap_or(0));
            let take_typed = if tf.is_empty() {
                TokenStream::new()
            } else {
                let nones = tnames.iter().map(|_| quote!(__p::None));
                quote! {
                    let (#(#tnames,)*) = match ::core::mem::take(&mut __s.typed) {
                        __Typed::#tvariant { #(#tnames,)* } => (#(#tnames,)*),
                        _ => (#(#nones,)*),
                    };
                }
            };
            let inits = b
                .fields
                .iter()
                .enumerate()
                .zip(&own.placement.places[i])
                .map(|((j, f), place)| {
                    let w = &f.wire;
                    let reader = reader_of(f);
                    let optional = f.optional;
                    let mut normal = match place {
                        Place::Slot(s) => {
                            read_at(f, quote!(__p::FieldAt::Slot(#s)), reader.clone())
                        }
                        Place::Member(m) => {
                            read_at(f, quote!(__p::FieldAt::Member(#m)), reader.clone())
                        }
                        Place::Hole => {
                            use error_catalog_model::model::BaseType as B;
                            match f.base {
                                // a placeholder's text is the string itself, and an
                                // integer's text is its JSON: no second parser
                                B::String => quote!(__p::hole_string(__holes, #j, #w, #optional)),
                                b if b.is_integer() => {
                                    quote!(#reader(__p::hole_text(__holes, #j), #w))
                                }
                                _ => quote!(__p::from_hole(__holes, #j, #w)),
                            }
                        }
                    };
                    if let Some((s, _)) = typed_slots
                        .iter()
                        .find(|(s, _)| main && *place == Place::Slot(*s))
                    {
                        // read once before the match (the same in every variant)
                        let local = format_ident!("__e{}", s);
                        let value = lend(f, quote!(#local));
                        return quote!(#value?);
                    }
                    if let (Some(k), Place::Member(m)) =
                        (tf.iter().position(|(t, _)| *t == j), place)
                    {
                        let t = &tnames[k];
                        // typed text is stored as a `Cow` (owned by the enum's sink,
                        // borrowed by the view's): the enum takes the `String` out,
                        // the view takes it as it is (and lends what the raw reader gives)
                        let at = quote!(__p::FieldAt::Member(#m));
                        normal = match (f.is_text(), view.is_some()) {
                            (true, false) => {
                                typed_or_at(f, quote!(#t.map(__p::Text::owned)), at, reader)
                            }
                            (true, true) => {
                                let lent = lend(f, quote!(#reader(__r, __n)));
                                let raw = read_at(f, at, quote!(|__r, __n| #lent));
                                quote!(__p::typed_or(#t, || #raw))
                            }
                            (false, _) => typed_or_at(f, quote!(#t), at, reader),
                        };
                    } else {
                        normal = lend(f, normal);
                    }
                    let in_problem = lend(f, problem_read(f, &r.problem));
                    let value = if *place == Place::Member(f.wire.clone())
                        && r.problem.slot_of(&f.wire).is_none()
                    {
                        normal
                    } else {
                        quote!(if __problem { #in_problem } else { #normal })
                    };
                    quote!(#value?)
                })
                .collect::<Vec<_>>();
            let extra = b.extra.as_ref().map(|x| quote!(#x: __x,));
            if !b.named {
                return quote!(#i => __p::Ok(Self::#v),);
            }
            // the fields' reading, shared by the entries that read alike
            let tys = b.fields.iter().map(|f| match view {
                Some(_) => view_ty(f),
                None => f.ty.to_token_stream(),
            });
            let body = quote! {
                -> __p::Result<(#(#tys,)*), ::std::string::String> {
                    #(#hoisted)*
                    #take_typed
                    __p::Ok((#(#inits,)*))
                }
            };
            let key = body.to_string();
            let k = match readers.iter().position(|(b, _)| *b == key) {
                Some(k) => k,
                None => {
                    readers.push((key, body));
                    readers.len() - 1
                }
            };
            let reader = format_ident!("__b{}", k);
            let ids: Vec<&syn::Ident> = b.fields.iter().map(|f| &f.ident).collect();
            quote! {
                #i => match #reader(__problem, __s, __holes) {
                    __p::Ok((#(#ids,)*)) => __p::Ok(Self::#v { #(#ids,)* #extra }),
                    __p::Err(__e) => __p::Err(__e),
                },
            }
        })
        .collect::<Vec<_>>();
    // one function per way of reading an entry's fields: (problem+json?, the
    // sink, the hole texts) → the fields, in order
    let reader_fns = readers.iter().enumerate().map(|(k, (_, body))| {
        let name = format_ident!("__b{}", k);
        quote! {
            #[allow(unused_variables, unused_mut)]
            fn #name<'b>(__problem: bool, __s: &mut #sink, __holes: &[(usize, &str)]) #body
        }
    });
    // (made once before the match: no call, and no cleanup of the fields read,
    // per variant)
    let krate = &input.krate;
    let empty_extra = input
        .variants
        .iter()
        .any(|b| b.extra.is_some())
        .then(|| quote!(let __x = <#krate::Extra as ::core::default::Default>::default();));
    quote! {
        #[allow(unused_variables, unused_mut)]
        fn build(__problem: bool, __entry: usize, __s: &mut Self::Sink, __holes: &[(usize, &str)]) -> __p::Result<Self, ::std::string::String> {
            #(#reader_fns)*
            #empty_extra
            match __entry {
                #(#arms)*
                _ => __p::Err(::std::string::String::from("no variant for this entry")),
            }
        }
    }
}

/// The `Decode` impl of the enum, or of its borrowed view (named `view`), whose
/// context is whether the body is `application/problem+json`. `fast`: the body
/// is walked into the typed sink `__Fast` (else into the raw capture);
/// `direct`: a body holding the message alone is built by `__direct`.
pub(super) fn decode_impl(
    input: &Input,
    r: &PlanBuf,
    view: Option<&syn::Ident>,
    fast: bool,
    direct: bool,
) -> TokenStream {
    let ident = &input.ident;
    let unknown = &input.unknown;
    let ty = match view {
        Some(v) => quote!(#v<'b>),
        None => quote!(#ident),
    };
    let sink = match (fast, view) {
        (false, _) => quote!(__p::Captured<'b>),
        // the enum's sink reads text owned; the view's borrows it
        (true, None) => quote!(__Fast<'b, true>),
        (true, Some(_)) => quote!(__Fast<'b, false>),
    };
    // (the problem+json plan reads raw: its fields all sit at the top; the
    // view's message alone takes the general steps)
    let direct = (direct && view.is_none()).then(|| {
        quote! {
            fn direct(__problem: bool, __status: u16, __m: &str) -> __p::Option<Self> {
                if __problem { __p::None } else { __direct(__status, __m) }
            }
        }
    });
    let build = build_fn(input, r, view, &sink);
    let krate = &input.krate;
    // a template without placeholders is compared as it is, not rendered
    let literal_arms = input
        .variants
        .iter()
        .zip(&input.catalog.errors)
        .filter_map(|(b, e)| {
            let text = Template::parse(&e.message.value).ok()?.literal_text()?;
            let p = pat(b, &[]);
            Some(quote!(#p => __t == #text,))
        });
    // (asked only where the wire of some envelope has such a text)
    let declared = any_envelope_text(r).then(|| {
        quote! {
            fn declared(&self, __t: __p::EnvelopeText) -> __p::Option<::std::borrow::Cow<'_, str>> {
                match __t {
                    __p::EnvelopeText::Suggestion => #krate::ApiError::suggestion(self).map(::std::borrow::Cow::Borrowed),
                    __p::EnvelopeText::DocsUrl => #krate::ApiError::docs_url(self).map(::std::borrow::Cow::Borrowed),
                    __p::EnvelopeText::FixCommand => #krate::ApiError::fix_command(self),
                }
            }
        }
    });
    let extra_arms = input.variants.iter().filter_map(|b| {
        let x = b.extra.as_ref()?;
        let v = &b.ident;
        Some(quote!(Self::#v { #x, .. } => __p::Some(#x),))
    });
    quote! {
        #[automatically_derived]
        #[allow(unreachable_patterns)]
        impl<'b> __p::Decode<'b> for #ty {
            type Context = bool;
            type Sink = #sink;
            type Extra = #krate::Extra;
            #direct
            #build
            fn unknown(__f: __p::Fallback<'_>) -> Self {
                Self::#unknown(::core::convert::From::from(__f))
            }
            fn extra_mut(&mut self) -> __p::Option<&mut #krate::Extra> {
                match self {
                    #(#extra_arms)*
                    _ => __p::None,
                }
            }
            fn template_renders(&self, __t: &str) -> bool {
                match self {
                    #(#literal_arms)*
                    _ => __p::display_eq(self, __t),
                }
            }
            #declared
        }
    }
}

/// True when the wire of some envelope of `r`'s chain has a suggestion, docs
/// URL or fix command that no field reads.
fn any_envelope_text(r: &PlanBuf) -> bool {
    r.envelope_texts.iter().any(Option::is_some) || r.next.as_deref().is_some_and(any_envelope_text)
}
