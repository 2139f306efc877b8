//! `catalog!`: a declared object type (`[types.Name]`) → a struct with its
//! members typed, the members nobody declared kept in `extra`, and serde
//! impls that read through the core crate's `ObjectSeed` (what the CLI reads
//! declared objects with too).

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::Visibility;

use crate::rust_types::expected_type_text;
use crate::tokens::reader_for;
use error_catalog_model::model::{Catalog, ObjectType};

/// A member's Rust type, with the runtime's paths.
pub(super) fn rust_type(t: error_catalog_model::model::FieldType, objects: &[&str]) -> syn::Type {
    let text = expected_type_text(t, objects).replace(
        "serde_json::Value",
        "::error_catalog::__private::serde_json::Value",
    );
    syn::parse_str(&text).unwrap_or_else(|_| syn::parse_quote!(::std::string::String))
}

/// The struct of declared type `t`, and its serde impls.
pub(super) fn object_struct(c: &Catalog, t: &ObjectType, vis: &TokenStream) -> TokenStream {
    let objects = c.type_names();
    let name = format_ident!("{}", t.name.value);
    let name_text = &t.name.value;
    let doc = format!(
        " `{name_text}`: an object the errors of {} carry (declared under `[types]`).",
        c.service.name.value
    );
    let idents: Vec<_> = t
        .members
        .iter()
        .map(|m| format_ident!("{}", m.rust.value))
        .collect();
    let wires: Vec<&str> = t.members.iter().map(|m| m.wire.value.as_str()).collect();
    let decls = t.members.iter().zip(&idents).map(|(m, id)| {
        let ty = rust_type(m.ty.value, &objects);
        let d = m.doc.clone().unwrap_or_else(|| {
            format!(
                "`{}` on the wire ({}).",
                m.wire.value,
                c.type_text(m.ty.value)
            )
        });
        let d = format!(" {d}");
        quote!(#[doc = #d] pub #id: #ty,)
    });
    let reads = t
        .members
        .iter()
        .zip(&idents)
        .enumerate()
        .map(|(i, (m, id))| {
            let reader = reader_for(m.ty.value);
            let w = &m.wire.value;
            quote!(#id: #reader(__o.raw(#i), #w)?,)
        });
    let writes = t.members.iter().zip(&idents).map(|(m, id)| {
        let w = &m.wire.value;
        if m.ty.value.optional {
            quote!(if let __p::Some(__v) = &self.#id { __m.serialize_entry(#w, __v)?; })
        } else {
            quote!(__m.serialize_entry(#w, &self.#id)?;)
        }
    });
    quote! {
        #[doc = #doc]
        #[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::cmp::PartialEq)]
        #vis struct #name {
            #(#decls)*
            /// The members the catalog does not declare, as received.
            pub extra: ::error_catalog::__private::serde_json::Map<::std::string::String, ::error_catalog::__private::serde_json::Value>,
        }

        const _: () = {
            use ::error_catalog::__private as __p;

            #[automatically_derived]
            impl<'de> __p::serde::Deserialize<'de> for #name {
                fn deserialize<__D: __p::serde::Deserializer<'de>>(__d: __D) -> __p::Result<Self, __D::Error> {
                    let __seed = __p::ObjectSeed {
                        name: #name_text,
                        members: &[#(#wires),*],
                        finish: |__o: __p::RawObject| -> __p::Result<Self, ::std::string::String> {
                            __p::Ok(Self {
                                #(#reads)*
                                extra: __o.extra()?,
                            })
                        },
                    };
                    __p::serde::de::DeserializeSeed::deserialize(__seed, __d)
                }
            }

            #[automatically_derived]
            impl __p::serde::Serialize for #name {
                fn serialize<__S: __p::serde::Serializer>(&self, __s: __S) -> __p::Result<__S::Ok, __S::Error> {
                    use __p::serde::ser::SerializeMap as _;
                    let mut __m = __s.serialize_map(__p::None)?;
                    #(#writes)*
                    for (__k, __v) in &self.extra {
                        __m.serialize_entry(__k, __v)?;
                    }
                    __m.end()
                }
            }
        };
    }
}

/// Every declared type's struct, with the enum's visibility.
pub(super) fn object_structs(c: &Catalog, vis: &Visibility) -> TokenStream {
    let vis = match vis {
        Visibility::Inherited => quote!(pub),
        v => quote!(#v),
    };
    let all = c.types.iter().map(|t| object_struct(c, t, &vis));
    quote!(#(#all)*)
}
