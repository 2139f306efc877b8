//! `catalog!`: a catalog file → a documented enum that derives `ApiError`.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};
use syn::parse::{Parse, ParseStream};
use syn::{Attribute, LitStr, Visibility};

use crate::bound::load_relative;
use crate::object_gen::{object_structs, rust_type};
use error_catalog_model::model::{Catalog, ErrorEntry, Field};
use error_catalog_model::rules::Rule;

/// `catalog!( #[attrs]* vis? "path.toml" )`.
struct Args {
    attrs: Vec<Attribute>,
    vis: Visibility,
    path: LitStr,
}

impl Parse for Args {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let wrap = |e: syn::Error| crate::diagnostic::err(e.span(), Rule::MacroInput, e);
        let attrs = input.call(Attribute::parse_outer).map_err(wrap)?;
        let vis: Visibility = input.parse().map_err(wrap)?;
        let path: LitStr = input.parse().map_err(|e| {
            crate::diagnostic::err(e.span(), Rule::MacroInput, "expected the catalog's path: `catalog!(\"errors/shop.toml\")`, optionally after attributes and a visibility")
        })?;
        if !input.is_empty() {
            return Err(crate::diagnostic::err(
                input.span(),
                Rule::MacroInput,
                "unexpected tokens after the catalog path",
            ));
        }
        Ok(Args { attrs, vis, path })
    }
}

fn doc(text: &str) -> TokenStream {
    let text = format!(" {text}");
    quote!(#[doc = #text])
}

fn entry_docs(e: &ErrorEntry) -> Vec<TokenStream> {
    let mut lines = Vec::new();
    let status = e
        .status_u16()
        .map_or_else(|| "no HTTP status".to_string(), |s| format!("HTTP {s}"));
    lines.push(format!(
        "`{}` ({status}): {}",
        e.code.value,
        e.message.value.replace('{', "`{").replace('}', "}`")
    ));
    if let Some(c) = &e.cause {
        lines.push(String::new());
        lines.push(format!("**Cause:** {c}"));
    }
    if let Some(s) = &e.suggestion {
        lines.push(String::new());
        lines.push(format!("**Suggestion:** {s}"));
    }
    if let Some(f) = &e.fix_command {
        // the template as a reader sees it: braces unescaped, `{field}` kept
        let shown = error_catalog_core::command::render(&f.value, &Default::default());
        lines.push(String::new());
        lines.push(format!("**Fix:** `{shown}`"));
    }
    if let Some(d) = &e.docs_url {
        lines.push(String::new());
        lines.push(format!("**Docs:** <{d}>"));
    }
    lines.iter().map(|l| doc(l)).collect()
}

fn field_tokens(c: &Catalog, f: &Field) -> TokenStream {
    let name = format_ident!("{}", f.rust.value);
    let ty = rust_type(f.ty.value, &c.type_names());
    let d = doc(&f.doc.clone().unwrap_or_else(|| {
        format!(
            "`{}` on the wire ({}).",
            f.wire.value,
            c.type_text(f.ty.value)
        )
    }));
    quote!(#d #name: #ty)
}

fn unknown_name(c: &Catalog) -> proc_macro2::Ident {
    let taken = |n: &str| c.errors.iter().any(|e| e.variant.value == n);
    let name = ["Unknown", "Unrecognized", "UnknownError"]
        .into_iter()
        .find(|n| !taken(n))
        .unwrap_or("UnrecognizedResponse");
    format_ident!("{}", name)
}

/// What the generated enum already has, by the name a `derive` would give it:
/// `catalog!` derives `Debug`, `Clone` and `PartialEq`, and `ApiError` brings
/// `Display`, `std::error::Error`, `Serialize` and, where a body alone
/// identifies the error (a catalog identified by code), `Deserialize` (plus
/// the crate's own traits). A derived `Deserialize` could not classify a body
/// either way, so it is refused too.
const GIVEN: &[&str] = &[
    "Debug",
    "Clone",
    "PartialEq",
    "ApiError",
    "Serialize",
    "Deserialize",
    "Error",
];

/// Rule: a `derive` among the attributes names no trait the enum already has
/// (that would be a conflicting implementation). Each such trait is reported
/// at its name and removed, so the enum is still generated and nothing else
/// fails because of it.
fn drop_given_derives(attrs: &mut [Attribute], errors: &mut Vec<syn::Error>) {
    type Paths = syn::punctuated::Punctuated<syn::Path, syn::Token![,]>;
    for a in attrs.iter_mut().filter(|a| a.path().is_ident("derive")) {
        let Ok(paths) = a.parse_args_with(Paths::parse_terminated) else {
            continue; // rustc reports a malformed derive itself
        };
        let mut kept = Paths::new();
        for p in paths {
            let name = p.segments.last().map(|s| s.ident.to_string());
            match name.as_deref().filter(|n| GIVEN.contains(n)) {
                Some(n) => {
                    let what = if n == "Deserialize" {
                        "`catalog!` implements `Deserialize` itself (when the catalog identifies errors by code; otherwise a body alone cannot be classified: use `from_response(status, body)`)".to_string()
                    } else {
                        format!("the enum `catalog!` generates already implements `{n}`")
                    };
                    errors.push(syn::Error::new_spanned(
                        &p,
                        format!("[{}] {what}; remove it from this `derive`\nhelp: the enum has Debug, Clone, PartialEq, Display, std::error::Error, Serialize and ApiError; derive only other traits here (such as `Eq`)", Rule::DeriveRedundant.id()),
                    ));
                }
                None => kept.push(p),
            }
        }
        *a = syn::parse_quote!(#[derive(#kept)]);
    }
}

/// Expands `catalog!`.
pub fn catalog(input: TokenStream) -> TokenStream {
    let mut args: Args = match syn::parse2(input) {
        Ok(a) => a,
        Err(e) => return e.to_compile_error(),
    };
    let mut errors = Vec::new();
    drop_given_derives(&mut args.attrs, &mut errors);
    let derive_errors: Vec<TokenStream> = errors.iter().map(syn::Error::to_compile_error).collect();
    errors.clear();
    let loaded = load_relative(&args.path.value(), args.path.span(), &mut errors);
    let (Some((_, c)), true) = (loaded, errors.is_empty()) else {
        let errors = errors.iter().map(syn::Error::to_compile_error);
        return quote!(#(#derive_errors)* #(#errors)*);
    };
    let name = format_ident!("{}", c.service.enum_name.value, span = Span::call_site());
    let structs = object_structs(&c, &args.vis);
    let vis = match args.vis {
        Visibility::Inherited => quote!(pub),
        v => quote!(#v),
    };
    let attrs = &args.attrs;
    let path = &args.path;
    let mut head = vec![doc(&format!(
        "Errors of {}, generated from `{}`.",
        c.service.name.value,
        path.value()
    ))];
    if let Some(d) = &c.service.description {
        head.push(doc(""));
        head.push(doc(d));
    }
    // `non_exhaustive` (the default): a new error is not a breaking change
    // for crates that match on the enum. (Variants stay open to struct
    // literals: servers build them.)
    let given = args
        .attrs
        .iter()
        .any(|a| a.path().is_ident("non_exhaustive"));
    let enum_open = (c.service.non_exhaustive.value && !given).then(|| quote!(#[non_exhaustive]));
    let variants = c.errors.iter().map(|e| {
        let v = format_ident!("{}", e.variant.value);
        let docs = entry_docs(e);
        let fields = e
            .fields
            .iter()
            .chain(&c.wire_of(e).fields)
            .map(|f| field_tokens(&c, f));
        quote! {
            #(#docs)*
            #v {
                #(#fields,)*
                /// What the received body carried beyond the declared fields.
                #[api_error(extra)]
                extra: ::error_catalog::Extra,
            }
        }
    });
    let unknown = unknown_name(&c);
    quote! {
        #(#derive_errors)*
        #structs
        #(#head)*
        #[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::cmp::PartialEq, ::error_catalog::ApiError)]
        #[api_error(catalog = #path)]
        #(#attrs)*
        #enum_open
        #vis enum #name {
            #(#variants,)*
            /// A response this catalog does not describe, kept whole.
            #[api_error(unknown)]
            #unknown(::error_catalog::UnknownError),
        }
    }
}
