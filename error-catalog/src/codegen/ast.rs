//! Derive input → one model: the [`Catalog`] (from a catalog file, or built from
//! inline attributes) and how each enum variant binds to its entries.

use std::path::{Path, PathBuf};

use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{Data, DeriveInput, Fields, Ident, Type};

use super::attr::{self, Attrs};
use crate::diag::{did_you_mean, Diagnostic};
use crate::model::*;
use crate::naming::snake_case;
use crate::parse::preset_wire;
use error_catalog_core::engine::Identity;

/// Everything expansion needs, already validated.
pub struct Input {
    /// The enum's name.
    pub ident: Ident,
    /// Path to the runtime crate (`::error_catalog` unless overridden).
    pub krate: syn::Path,
    /// The catalog: only the entries that have a variant, in catalog order.
    pub catalog: Catalog,
    /// One binding per catalog entry, same order.
    pub variants: Vec<Bound>,
    /// The fallback variant.
    pub unknown: Ident,
    /// The catalog file to track for rebuilds.
    pub track: Option<PathBuf>,
    /// The borrowed view to generate beside the enum (`#[api_error(borrowed)]`).
    pub view: Option<View>,
}

/// The borrowed view of an enum: the same variants, text fields as `Cow<str>`.
pub struct View {
    /// Its name: the enum's with `Ref` appended.
    pub ident: Ident,
    /// The enum's visibility, which it shares.
    pub vis: syn::Visibility,
}

/// One enum variant bound to one catalog entry.
pub struct Bound {
    /// The variant.
    pub ident: Ident,
    /// Has named fields (`{ .. }`), as opposed to a unit variant.
    pub named: bool,
    /// Its data fields.
    pub fields: Vec<BoundField>,
    /// Its `#[api_error(extra)]` field.
    pub extra: Option<Ident>,
}

/// One variant field bound to a catalog field.
pub struct BoundField {
    /// The Rust field.
    pub ident: Ident,
    /// The name on the wire.
    pub wire: String,
    /// Its Rust type.
    pub ty: Type,
    /// It is an `Option<_>`.
    pub optional: bool,
    /// Where it sits, when not under `fields_at` (explicit or from the envelope).
    pub at: Option<Pointer>,
    /// Its base type, for placeholder matching.
    pub base: BaseType,
    /// Must not leave a server in public responses.
    pub internal: bool,
}

impl BoundField {
    /// A text field (`String` or `Option<String>`): the borrowed view holds it
    /// as `Cow<str>`, and typed reading stores it as one (owned by the enum's
    /// sink, borrowed from the body by the view's).
    pub fn is_text(&self) -> bool {
        self.base == BaseType::String
    }
}

fn err(span: Span, msg: impl std::fmt::Display) -> syn::Error {
    syn::Error::new(span, msg.to_string())
}

fn diag_to_syn(
    d: &Diagnostic,
    fallback: Span,
    file: Option<&SourceFile>,
    starts: &[usize],
) -> syn::Error {
    let span = match &d.at {
        At::Syn(s) => *s,
        _ => fallback,
    };
    let msg = match &d.at {
        At::Syn(_) => d.render(None),
        _ => d.render_in(file, starts),
    };
    err(span, msg.replace("\n  help:", "\nhelp:"))
}

/// Reads a derive input. On failure returns every error found.
pub fn read(input: &DeriveInput) -> Result<Input, Vec<syn::Error>> {
    let mut errors = Vec::new();
    let data = match &input.data {
        Data::Enum(e) => e,
        Data::Struct(s) => {
            return Err(vec![err(
                s.struct_token.span,
                "`ApiError` can only be derived for enums: each variant is one error",
            )])
        }
        Data::Union(u) => {
            return Err(vec![err(
                u.union_token.span,
                "`ApiError` can only be derived for enums: each variant is one error",
            )])
        }
    };
    if !input.generics.params.is_empty() {
        errors.push(err(
            input.generics.span(),
            "`ApiError` cannot be derived for a generic enum",
        ));
    }
    let enum_attrs = attr::parse(&input.attrs, attr::ENUM_KEYS, "an enum", &mut errors);
    let krate = match enum_attrs.str("crate", &mut errors) {
        Some(s) => match syn::parse_str::<syn::Path>(&s.value) {
            Ok(p) => p,
            Err(_) => {
                errors.push(err(
                    s.span,
                    format!(
                        "`crate` must be a path such as `::error_catalog`, not `{}`",
                        s.value
                    ),
                ));
                syn::parse_quote!(::error_catalog)
            }
        },
        None => syn::parse_quote!(::error_catalog),
    };

    // The fallback variant.
    let mut unknown: Option<Ident> = None;
    let mut variant_attrs = Vec::new();
    for v in &data.variants {
        let a = attr::parse(&v.attrs, attr::VARIANT_KEYS, "a variant", &mut errors);
        if let Some(span) = a.flag("unknown", &mut errors) {
            if unknown.is_some() {
                errors.push(err(
                    span,
                    "two variants are marked `#[api_error(unknown)]`; keep one fallback",
                ));
            } else if !matches!(&v.fields, Fields::Unnamed(f) if f.unnamed.len() == 1) {
                errors.push(err(v.ident.span(), "the `#[api_error(unknown)]` variant must hold one `error_catalog::UnknownError`: `Unknown(UnknownError)`"));
            }
            unknown = Some(v.ident.clone());
            if a.items.len() > 1 {
                errors.push(err(
                    span,
                    "the fallback variant takes no other `#[api_error]` keys",
                ));
            }
        }
        variant_attrs.push(a);
    }
    if unknown.is_none() {
        errors.push(err(
            input.ident.span(),
            "missing fallback variant: add `#[api_error(unknown)] Unknown(error_catalog::UnknownError)` to hold responses the catalog does not describe",
        ));
    }

    let catalog_given = enum_attrs.key_span("catalog").is_some();
    let catalog_attr = enum_attrs.str("catalog", &mut errors);
    if catalog_given && catalog_attr.is_none() {
        return Err(errors);
    }
    let result = match &catalog_attr {
        Some(path) => from_catalog(input, data, &enum_attrs, &variant_attrs, path, &mut errors),
        None => from_attributes(input, data, &enum_attrs, &variant_attrs, &mut errors),
    };
    let borrowed = enum_attrs.flag("borrowed", &mut errors);
    if let (Some(span), Some((_, variants, _))) = (borrowed, &result) {
        if !variants
            .iter()
            .flat_map(|b| &b.fields)
            .any(BoundField::is_text)
        {
            errors.push(err(
                span,
                format!(
                    "`borrowed`: no variant of `{}` has a `String` field, so a borrowed view would be the enum itself; remove `borrowed`",
                    input.ident
                ),
            ));
        }
    }
    let view = borrowed.map(|_| View {
        ident: quote::format_ident!("{}Ref", input.ident),
        vis: input.vis.clone(),
    });
    match (result, unknown) {
        (Some((catalog, variants, track)), Some(unknown)) if errors.is_empty() => Ok(Input {
            ident: input.ident.clone(),
            krate,
            catalog,
            variants,
            unknown,
            track,
            view,
        }),
        _ => Err(errors),
    }
}

type Read = Option<(Catalog, Vec<Bound>, Option<PathBuf>)>;

fn is_unknown(a: &Attrs) -> bool {
    a.key_span("unknown").is_some()
}

/// Inline form: every variant's attributes make one catalog entry.
fn from_attributes(
    input: &DeriveInput,
    data: &syn::DataEnum,
    enum_attrs: &Attrs,
    variant_attrs: &[Attrs],
    errors: &mut Vec<syn::Error>,
) -> Read {
    let errors_at_start = errors.len();
    let name = input.ident.to_string();
    let wire = match enum_attrs.str("wire", errors) {
        None => preset_wire(WirePreset::Coded, At::Syn(input.ident.span())),
        Some(s) => match WirePreset::ALL.iter().find(|(n, _)| *n == s.value) {
            Some((_, p)) => preset_wire(*p, At::Syn(s.span)),
            None => {
                let names = WirePreset::ALL.iter().map(|(n, _)| *n);
                let help = match did_you_mean(&s.value, names.clone()) {
                    Some(m) => format!("did you mean `{m}`?"),
                    None => format!("expected one of: {}", names.collect::<Vec<_>>().join(", ")),
                };
                errors.push(err(
                    s.span,
                    format!("unknown wire preset `{}`\nhelp: {help}", s.value),
                ));
                return None;
            }
        },
    };
    if let Some(span) = enum_attrs.key_span("partial") {
        errors.push(err(span, "`partial` only applies with `catalog = \"...\"`"));
    }
    let mut catalog = Catalog {
        file: None,
        service: Service {
            id: Located::nowhere(snake_case(&name)),
            name: Located::nowhere(name.clone()),
            enum_name: Located::new(name, At::Syn(input.ident.span())),
            docs_url: None,
            description: None,
        },
        wire,
        headers: Headers::default(),
        rate_limits: Vec::new(),
        errors: Vec::new(),
    };
    if let Some(s) = enum_attrs.str("service", errors) {
        catalog.service.id = Located::new(s.value, At::Syn(s.span));
    }
    let mut bound = Vec::new();
    for (v, a) in data.variants.iter().zip(variant_attrs) {
        if is_unknown(a) {
            continue;
        }
        let vspan = v.ident.span();
        let at = At::Syn(vspan);
        let syn_str = |s: attr::Str| Located::new(s.value, At::Syn(s.span));
        let code = match a.str("code", errors) {
            Some(c) => syn_str(c),
            None => {
                errors.push(err(vspan, format!("variant `{}` has no `code`: add `#[api_error(code = \"...\", message = \"...\")]`", v.ident)));
                continue;
            }
        };
        let message = match a.str("message", errors) {
            Some(m) => syn_str(m),
            None => {
                errors.push(err(vspan, format!("variant `{}` has no `message`: add `message = \"...\"` to its `#[api_error]`", v.ident)));
                continue;
            }
        };
        let retry = match a.str("retry", errors) {
            None => RetryRule::Never,
            Some(s) => match RetryRule::ALL.iter().find(|(n, _)| *n == s.value) {
                Some((_, r)) => *r,
                None => {
                    let help = match did_you_mean(&s.value, RetryRule::ALL.iter().map(|(n, _)| *n))
                    {
                        Some(m) => format!("did you mean `{m}`?"),
                        None => "expected one of: never, backoff, once, after".to_string(),
                    };
                    errors.push(err(
                        s.span,
                        format!("unknown `retry` rule `{}`\nhelp: {help}", s.value),
                    ));
                    RetryRule::Never
                }
            },
        };
        let mut matches: Vec<Located<String>> =
            a.strs("matches", errors).into_iter().map(syn_str).collect();
        if matches.is_empty() && catalog.wire.identity == Identity::Message {
            matches.push(message.clone());
        }
        let (fields, extra, named) = bind_fields(v, &catalog.wire, None, errors);
        let entry = ErrorEntry {
            code,
            variant: Located::new(v.ident.to_string(), at.clone()),
            status: a
                .int("status", errors)
                .map(|(s, span)| Located::new(s, At::Syn(span))),
            message,
            matches,
            priority: a.int("priority", errors).map_or(0, |p| p.0),
            title: a.str("title", errors).map(|s| s.value),
            cause: a.str("cause", errors).map(|s| s.value),
            causes: Vec::new(),
            suggestion: a.str("suggestion", errors).map(|s| s.value),
            solutions: Vec::new(),
            docs_url: a.str("docs_url", errors).map(|s| s.value),
            fix_command: a.str("fix_command", errors).map(|s| s.value),
            retry,
            retry_after_field: a.str("retry_after_field", errors).map(syn_str),
            fields: fields
                .iter()
                .filter(|f| !catalog.wire.fields.iter().any(|w| w.wire.value == f.wire))
                .map(|f| Field {
                    wire: Located::new(f.wire.clone(), At::Syn(f.ident.span())),
                    rust: Located::new(f.ident.to_string(), At::Syn(f.ident.span())),
                    ty: Located::new(
                        FieldType {
                            base: f.base,
                            optional: f.optional,
                        },
                        At::Syn(f.ty.span()),
                    ),
                    at_ptr: f
                        .at
                        .clone()
                        .or_else(|| {
                            catalog
                                .wire
                                .fields_at
                                .as_ref()
                                .map(|p| p.value.child(&f.wire))
                        })
                        .map(|p| Located::new(p, At::Syn(f.ident.span()))),
                    doc: None,
                    internal: f.internal,
                })
                .collect(),
            examples: Vec::new(),
            at,
        };
        catalog.errors.push(entry);
        bound.push(Bound {
            ident: v.ident.clone(),
            named,
            fields,
            extra,
        });
    }
    if errors.len() > errors_at_start {
        // attribute mistakes first: validating a half-read enum only adds follow-on errors
        return None;
    }
    let before = errors.len();
    for d in crate::validate::validate(&catalog) {
        errors.push(diag_to_syn(&d, input.ident.span(), None, &[]));
    }
    if errors.len() > before {
        return None;
    }
    Some((catalog, bound, None))
}

/// Reads a variant's fields. With `expected`, fields are checked against the catalog.
fn bind_fields(
    v: &syn::Variant,
    wire: &Wire,
    expected: Option<(&ErrorEntry, &str)>,
    errors: &mut Vec<syn::Error>,
) -> (Vec<BoundField>, Option<Ident>, bool) {
    let mut out = Vec::new();
    let mut extra = None;
    let named = match &v.fields {
        Fields::Unit => false,
        Fields::Named(_) => true,
        Fields::Unnamed(u) => {
            errors.push(err(u.span(), format!("variant `{}` must have named fields (`{{ id: String }}`) so placeholders can name them", v.ident)));
            return (out, None, false);
        }
    };
    for f in v.fields.iter() {
        let Some(ident) = f.ident.clone() else {
            continue;
        };
        let a = attr::parse(&f.attrs, attr::FIELD_KEYS, "a field", errors);
        if a.flag("extra", errors).is_some() {
            extra = Some(ident);
            continue;
        }
        let wire_name = a
            .str("rename", errors)
            .map_or_else(|| ident.to_string(), |s| s.value);
        let at = match a.str("at", errors) {
            Some(s) => match Pointer::parse(&s.value) {
                Ok(p) => Some(p),
                Err(e) => {
                    errors.push(err(s.span, e));
                    None
                }
            },
            None => wire
                .fields
                .iter()
                .find(|w| w.wire.value == wire_name)
                .and_then(|w| w.at_ptr.as_ref().map(|p| p.value.clone())),
        };
        let (optional, base) = field_type_of(&f.ty);
        let internal = a.flag("internal", errors).is_some();
        out.push(BoundField {
            ident,
            wire: wire_name,
            ty: f.ty.clone(),
            optional,
            at,
            base,
            internal,
        });
    }
    if let Some((entry, path)) = expected {
        check_fields_agree(v, wire, entry, path, &out, errors);
        // The catalog is the truth for names and places on the wire.
        for f in &mut out {
            if let Some(c) = wire
                .fields
                .iter()
                .chain(&entry.fields)
                .find(|c| f.ident == c.rust.value)
            {
                f.wire = c.wire.value.clone();
                f.at = c.at_ptr.as_ref().map(|p| p.value.clone());
                f.internal = f.internal || c.internal;
            }
        }
    }
    (out, extra, named)
}

/// Rule: a catalog-bound variant has exactly the catalog's fields (its own and the
/// envelope's), each with the catalog's type.
fn check_fields_agree(
    v: &syn::Variant,
    wire: &Wire,
    entry: &ErrorEntry,
    path: &str,
    fields: &[BoundField],
    errors: &mut Vec<syn::Error>,
) {
    let all: Vec<&Field> = wire.fields.iter().chain(&entry.fields).collect();
    for f in fields {
        match all.iter().find(|c| f.ident == c.rust.value) {
            None => {
                let names = all.iter().map(|c| c.rust.value.as_str());
                let help = match did_you_mean(&f.ident.to_string(), names) {
                    Some(m) => format!("\nhelp: did you mean `{m}`?"),
                    None => String::new(),
                };
                errors.push(err(
                    f.ident.span(),
                    format!(
                        "field `{}` of variant `{}` is not a field of code `{}` in `{path}`{help}",
                        f.ident, v.ident, entry.code.value
                    ),
                ));
            }
            Some(c) => {
                if !type_matches(c.ty.value, &f.ty) {
                    errors.push(err(
                        f.ty.span(),
                        format!(
                            "field `{}` is `{}` in `{path}`, so its Rust type must be `{}`",
                            f.ident,
                            c.ty.value.name(),
                            expected_type_text(c.ty.value)
                        ),
                    ));
                }
            }
        }
    }
    let unmatched = fields
        .iter()
        .any(|f| !all.iter().any(|c| f.ident == c.rust.value));
    for c in &all {
        if !unmatched && !fields.iter().any(|f| f.ident == c.rust.value) {
            errors.push(err(
                v.ident.span(),
                format!(
                    "variant `{}` lacks field `{}: {}` that code `{}` has in `{path}`",
                    v.ident,
                    c.rust.value,
                    expected_type_text(c.ty.value),
                    entry.code.value
                ),
            ));
        }
    }
}

/// The Rust type a catalog type expects, as text.
pub fn expected_type_text(t: FieldType) -> String {
    let base = match t.base {
        BaseType::Json => "serde_json::Value",
        b => b.rust_name(),
    };
    if t.optional {
        format!("Option<{base}>")
    } else {
        base.to_string()
    }
}

fn last_segment(ty: &Type) -> Option<&syn::PathSegment> {
    match ty {
        Type::Path(p) if p.qself.is_none() => p.path.segments.last(),
        Type::Group(g) => last_segment(&g.elem),
        Type::Paren(p) => last_segment(&p.elem),
        _ => None,
    }
}

fn option_inner(ty: &Type) -> Option<&Type> {
    let seg = last_segment(ty)?;
    if seg.ident != "Option" {
        return None;
    }
    match &seg.arguments {
        syn::PathArguments::AngleBracketed(a) if a.args.len() == 1 => match a.args.first() {
            Some(syn::GenericArgument::Type(t)) => Some(t),
            _ => None,
        },
        _ => None,
    }
}

fn base_of(ty: &Type) -> BaseType {
    let Some(seg) = last_segment(ty) else {
        return BaseType::Json;
    };
    let name = seg.ident.to_string();
    match name.as_str() {
        "String" | "str" => BaseType::String,
        "Value" => BaseType::Json,
        other => BaseType::ALL
            .iter()
            .find(|(n, _)| *n == other)
            .map_or(BaseType::Json, |(_, b)| *b),
    }
}

/// (optional, base) of a field's Rust type; anything unrecognised is `json`.
pub fn field_type_of(ty: &Type) -> (bool, BaseType) {
    match option_inner(ty) {
        Some(inner) => (true, base_of(inner)),
        None => (false, base_of(ty)),
    }
}

fn type_matches(expected: FieldType, ty: &Type) -> bool {
    let (optional, base) = field_type_of(ty);
    let inner = option_inner(ty).unwrap_or(ty);
    let exact = match expected.base {
        BaseType::Json => last_segment(inner).is_some_and(|s| s.ident == "Value"),
        _ => true,
    };
    optional == expected.optional && base == expected.base && exact
}

/// Catalog-bound form: the file is the truth; the enum must agree with it.
fn from_catalog(
    input: &DeriveInput,
    data: &syn::DataEnum,
    enum_attrs: &Attrs,
    variant_attrs: &[Attrs],
    path: &attr::Str,
    errors: &mut Vec<syn::Error>,
) -> Read {
    for key in ["wire", "service"] {
        if let Some(span) = enum_attrs.key_span(key) {
            errors.push(err(
                span,
                format!("`{key}` comes from the catalog file; remove it"),
            ));
        }
    }
    let (full, catalog) = load_relative(&path.value, path.span, errors)?;
    let rel = path.value.as_str();
    let mut bound: Vec<Option<Bound>> = (0..catalog.errors.len()).map(|_| None).collect();
    // a variant that matched nothing is likely a misspelt one: then the codes left
    // over are not reported again as missing
    let mut unbound_variant = false;
    for (v, a) in data.variants.iter().zip(variant_attrs) {
        if is_unknown(a) {
            continue;
        }
        for (key, _, span) in &a.items {
            if key != "code" {
                errors.push(err(*span, format!("`{key}` comes from the catalog `{rel}`; remove it (only `code` may be given here)")));
            }
        }
        let by = a.str("code", errors);
        let found = match &by {
            Some(c) => catalog.errors.iter().position(|e| e.code.value == c.value),
            None => catalog
                .errors
                .iter()
                .position(|e| v.ident == e.variant.value),
        };
        let Some(i) = found else {
            let (what, span, names): (String, Span, Vec<&str>) = match &by {
                Some(c) => (
                    format!("code `{}`", c.value),
                    c.span,
                    catalog
                        .errors
                        .iter()
                        .map(|e| e.code.value.as_str())
                        .collect(),
                ),
                None => (
                    format!("variant `{}`", v.ident),
                    v.ident.span(),
                    catalog
                        .errors
                        .iter()
                        .map(|e| e.variant.value.as_str())
                        .collect(),
                ),
            };
            let key = by
                .as_ref()
                .map_or_else(|| v.ident.to_string(), |c| c.value.clone());
            let help = match did_you_mean(&key, names) {
                Some(m) => format!("\nhelp: did you mean `{m}`?"),
                None => "\nhelp: add the error to the catalog, or name its code with `#[api_error(code = \"...\")]`".to_string(),
            };
            errors.push(err(
                span,
                format!("{what} is not in the catalog `{rel}`{help}"),
            ));
            unbound_variant = true;
            continue;
        };
        if bound[i].is_some() {
            errors.push(err(
                v.ident.span(),
                format!(
                    "code `{}` is bound to two variants",
                    catalog.errors[i].code.value
                ),
            ));
            continue;
        }
        let (fields, extra, named) =
            bind_fields(v, &catalog.wire, Some((&catalog.errors[i], rel)), errors);
        bound[i] = Some(Bound {
            ident: v.ident.clone(),
            named,
            fields,
            extra,
        });
    }
    let partial = enum_attrs.flag("partial", errors).is_some() || unbound_variant;
    let missing: Vec<String> = catalog
        .errors
        .iter()
        .zip(&bound)
        .filter(|(_, b)| b.is_none())
        .map(|(e, _)| format!("`{}` ({})", e.code.value, e.variant.value))
        .collect();
    if !missing.is_empty() && !partial {
        errors.push(err(
            input.ident.span(),
            format!(
                "enum `{}` has no variant for {} of `{rel}`\nhelp: add the variants, or write `#[api_error(partial)]` to leave them to the fallback",
                input.ident,
                missing.join(", ")
            ),
        ));
    }
    let mut catalog = catalog;
    let mut variants = Vec::new();
    let mut kept = Vec::new();
    for (e, b) in std::mem::take(&mut catalog.errors).into_iter().zip(bound) {
        if let Some(b) = b {
            kept.push(e);
            variants.push(b);
        }
    }
    catalog.errors = kept;
    Some((catalog, variants, Some(full)))
}

/// Loads a catalog from a path relative to `CARGO_MANIFEST_DIR`; problems are
/// reported at `span` with the catalog's `file:line:column`.
pub fn load_relative(
    rel: &str,
    span: Span,
    errors: &mut Vec<syn::Error>,
) -> Option<(PathBuf, Catalog)> {
    if Path::new(rel).is_absolute() {
        errors.push(err(
            span,
            format!("catalog path `{rel}` is absolute; give it relative to the crate's Cargo.toml"),
        ));
        return None;
    }
    let Ok(dir) = std::env::var("CARGO_MANIFEST_DIR") else {
        errors.push(err(
            span,
            "CARGO_MANIFEST_DIR is not set; catalog paths are resolved against it",
        ));
        return None;
    };
    let full = Path::new(&dir).join(rel);
    // Rule: a catalog lives inside the crate, so the crate is self-contained (and
    // its package carries the file).
    if let (Ok(root), Ok(target)) = (Path::new(&dir).canonicalize(), full.canonicalize()) {
        if !target.starts_with(&root) {
            errors.push(err(
                span,
                format!("catalog path `{rel}` leads outside the crate\nhelp: keep the catalog inside the directory of the crate's Cargo.toml (copy it, or point to a file under it)"),
            ));
            return None;
        }
    }
    let bytes = match std::fs::read(&full) {
        Ok(b) => b,
        Err(e) => {
            let why = if e.kind() == std::io::ErrorKind::NotFound {
                "no such file".to_string()
            } else {
                e.to_string()
            };
            errors.push(err(span, format!("cannot read catalog `{rel}`: {why}\nhelp: the path is relative to the directory of the crate's Cargo.toml")));
            return None;
        }
    };
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            errors.push(err(
                span,
                format!(
                    "catalog `{rel}` is not UTF-8 (invalid byte at offset {})",
                    e.utf8_error().valid_up_to()
                ),
            ));
            return None;
        }
    };
    match crate::load_str(rel, &text) {
        Ok(c) => Some((full.canonicalize().unwrap_or(full), c)),
        Err(problems) => {
            let starts = problems
                .file
                .as_ref()
                .map(SourceFile::line_starts)
                .unwrap_or_default();
            for d in &problems.list {
                errors.push(diag_to_syn(d, span, problems.file.as_ref(), &starts));
            }
            None
        }
    }
}
