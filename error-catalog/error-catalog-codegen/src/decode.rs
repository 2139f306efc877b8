//! The enum's decoding: its typed sink (`__Fast`, read owned for the enum and
//! borrowed for its view), and the `Decode` impls that name it.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::ast::Input;
use crate::build::decode_impl;
use crate::lower::{slot_fields, typed_shapes};
use crate::tables::code_lookup;
use error_catalog_model::plan::PlanBuf;

pub(super) fn decode(input: &Input, low: &PlanBuf, direct: bool) -> TokenStream {
    let (placement, typed, typed_slots) = (&low.placement, low.typed, slot_fields(input, low));
    let slot_name = |s: usize| format_ident!("__slot{}", s);
    // The code and the message are read as strings while walking on every wire
    // that has them.
    let fast = typed || placement.message.is_some();
    let sink = if fast {
        let (shapes, shape_of) = typed_shapes(input, low);
        let mut tvariants = Vec::new();
        let mut member_arms = Vec::new();
        for (k, &i) in shapes.iter().enumerate() {
            let b = &input.variants[i];
            let tf = &low.typed_fields[i];
            let tvariant = format_ident!("S{}", k);
            let names: Vec<proc_macro2::Ident> =
                tf.iter().map(|(j, _)| format_ident!("__t{}", j)).collect();
            let tys = tf
                .iter()
                .map(|(j, _)| crate::tokens::view_ty(&b.fields[*j]));
            tvariants.push(quote!(#tvariant { #(#names: __p::Option<#tys>,)* }));
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
        // one arm per shape, naming the entries that have it
        let new_arms = shapes
            .iter()
            .enumerate()
            .map(|(k, &i)| {
                let tvariant = format_ident!("S{}", k);
                let entries = shape_of
                    .iter()
                    .enumerate()
                    .filter(|(_, s)| **s == Some(k))
                    .map(|(e, _)| e);
                let nones = low.typed_fields[i]
                    .iter()
                    .map(|(j, _)| format_ident!("__t{}", j));
                quote!(#(#entries)|* => __Typed::#tvariant { #(#nones: __p::None,)* },)
            })
            .collect::<Vec<_>>();
        let code_slot = placement.code.filter(|_| typed);
        let by_code = code_lookup(input);
        // an integer code is its digits as written (anything else is read
        // again raw, where the fallback says what it is)
        let read_code = if input.catalog.wire.integer_codes {
            quote! {{
                let __raw: &'b __p::serde_json::value::RawValue = __p::serde::de::MapAccess::next_value(__map)?;
                if !__p::canonical_int(__raw.get()) {
                    return __p::Err(<__A::Error as __p::serde::de::Error>::custom("the code is not an integer"));
                }
                ::std::borrow::Cow::Borrowed(__raw.get())
            }}
        } else {
            quote!(__p::serde::de::MapAccess::next_value_seed(
                __map,
                __p::engine::StrSeed
            )?)
        };
        let code_arm = code_slot.map(|code_slot| {
            quote! {
                #code_slot => {
                    if self.code.is_some() {
                        return __p::Err(__twice());
                    }
                    let __code = #read_code;
                    self.entry = #by_code;
                    self.typed = match self.entry {
                        #[allow(unreachable_patterns)]
                        __p::Some(__e) => match __e { #(#new_arms)* _ => __Typed::None },
                        __p::None => __Typed::None,
                    };
                    self.code = __p::Some(__code);
                }
            }
        });
        let take_code = code_slot.map(|c| quote!(if __slot == #c { return self.code.take(); }));
        let (message_arm, take_message) = match placement
            .message
            .filter(|m| Some(*m) != placement.code)
        {
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
        let (walkers, walk) = crate::walker::walker(placement);
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
        // (slots nothing reads after the walk: passed over, no capture made)
        let idle = &low.idle_slots;
        let idle_arm = (!idle.is_empty()).then(|| {
            quote! {
                #(#idle)|* => {
                    __p::serde::de::MapAccess::next_value::<__p::serde::de::IgnoredAny>(__map)?;
                }
            }
        });
        // Where fields are read typed (no `when` conditions read the members
        // kept as extra after the walk), the sink keeps them itself: no raw
        // capture made for them.
        let (kept_field, own_extra, own_extras) = if typed {
            (
                quote!(kept: __p::Option<__p::RawMembers>,),
                quote! {
                    if self.on {
                        let __kept = self.kept.get_or_insert_with(::core::default::Default::default);
                        return __kept.push_with(|__s| __pointer.write(__s), __raw);
                    }
                },
                quote! {
                    fn own_extras(&mut self) -> __p::Option<&mut __p::RawMembers> {
                        self.kept.as_mut()
                    }
                },
            )
        } else {
            Default::default()
        };
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
            // (public as the `Decode` impls' `Sink`: unreachable outside this block)
            #[derive(Default)]
            pub struct __Fast<'b, const __OWN: bool> {
                raw: __p::LazyCapture<'b>,
                #kept_field
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
                        #idle_arm
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
                    #own_extra
                    __p::engine::Sink::extra(self.raw.make(), __pointer, __raw)
                }
                #own_extras
                #walk
                fn new(__typed: bool) -> Self {
                    __Fast { on: __typed, ..::core::default::Default::default() }
                }
                fn typed(&self) -> bool {
                    self.on
                }
                fn capture(&mut self) -> __p::Option<&mut __p::Captured<'b>> {
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
            #walkers
        }
    } else {
        TokenStream::new()
    };
    let decode = decode_impl(input, low, None, fast, direct);
    let view = input
        .view
        .as_ref()
        .map(|v| decode_impl(input, low, Some(&v.ident), fast, direct));
    quote! {
        #decode
        #sink
        #view
    }
}
