//! Inline attributes → a catalog: `#[api_error(code = ..., status = ..., ...)]`
//! on each variant of a derive without `catalog = "..."`.

use syn::spanned::Spanned;
use syn::DeriveInput;

use crate::ast::{bind_fields, is_unknown, Bound, Read};
use crate::attr::{self, Attrs};
use crate::diagnostic::{diag_to_syn, err};
use crate::spans;
use error_catalog_core::engine::Identity;
use error_catalog_model::diag::did_you_mean;
use error_catalog_model::keys;
use error_catalog_model::model::*;
use error_catalog_model::naming::snake_case;
use error_catalog_model::presets::preset_wire;
use error_catalog_model::rules::Rule;

/// Inline form: every variant's attributes make one catalog entry.
pub(super) fn from_attributes(
    input: &DeriveInput,
    data: &syn::DataEnum,
    enum_attrs: &Attrs,
    variant_attrs: &[Attrs],
    errors: &mut Vec<syn::Error>,
) -> Read {
    let errors_at_start = errors.len();
    let name = input.ident.to_string();
    let mut wire = match enum_attrs.str("wire", errors) {
        None => preset_wire(WirePreset::Coded, spans::at(input.ident.span())),
        Some(s) => match WirePreset::ALL.iter().find(|(n, _)| *n == s.value) {
            Some((_, p)) => preset_wire(*p, spans::at(s.span)),
            None => {
                let names = WirePreset::ALL.iter().map(|(n, _)| *n);
                let help = match did_you_mean(&s.value, names.clone()) {
                    Some(m) => format!("did you mean `{m}`?"),
                    None => format!("expected one of: {}", names.collect::<Vec<_>>().join(", ")),
                };
                errors.push(err(
                    s.span,
                    Rule::PresetUnknown,
                    format!("unknown wire preset `{}`\nhelp: {help}", s.value),
                ));
                return None;
            }
        },
    };
    if let Some(span) = enum_attrs.key_span("partial") {
        errors.push(err(
            span,
            Rule::PartialWithoutCatalog,
            "`partial` only applies with `catalog = \"...\"`",
        ));
    }
    wire_keys(&mut wire, enum_attrs, errors);
    let mut catalog = Catalog {
        file: None,
        service: Service {
            id: Located::nowhere(snake_case(&name)),
            name: Located::nowhere(name.clone()),
            enum_name: Located::new(name, spans::at(input.ident.span())),
            docs_url: None,
            description: None,
            // (the enum is the user's own: its attributes are theirs to write)
            non_exhaustive: Located::nowhere(false),
        },
        wire,
        headers: headers_of(enum_attrs, errors),
        rate_limits: Vec::new(),
        errors: Vec::new(),
        types: Vec::new(),
        reserved: Vec::new(),
    };
    if let Some(s) = enum_attrs.str("service", errors) {
        catalog.service.id = Located::new(s.value, spans::at(s.span));
    }
    let mut bound = Vec::new();
    for (v, a) in data.variants.iter().zip(variant_attrs) {
        if is_unknown(a) {
            continue;
        }
        let vspan = v.ident.span();
        let at = spans::at(vspan);
        let syn_str = |s: attr::Str| Located::new(s.value, spans::at(s.span));
        let code_range = code_range_of(a, errors);
        let code = match (&code_range, code_of(a, &catalog.wire, errors)) {
            (Some(r), None) => Located::new(format!("{}..={}", r.value.0, r.value.1), r.at.clone()),
            (Some(r), Some(c)) => {
                if let Some(span) = crate::spans::span(&r.at) {
                    errors.push(err(
                        span,
                        Rule::CodeAndCodeRange,
                        "give `code` or `code_range`, not both",
                    ));
                }
                c
            }
            (None, Some(c)) => c,
            (None, None) if a.key_span("code").is_some() || a.key_span("code_range").is_some() => {
                continue
            }
            (None, None) => {
                errors.push(err(vspan, Rule::KeyMissing, format!("variant `{}` has no `code`: add `#[api_error(code = \"...\", message = \"...\")]`", v.ident)));
                continue;
            }
        };
        let message = match a.str("message", errors) {
            Some(m) => syn_str(m),
            None => {
                errors.push(err(vspan, Rule::KeyMissing, format!("variant `{}` has no `message`: add `message = \"...\"` to its `#[api_error]`", v.ident)));
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
                        Rule::RetryUnknown,
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
        let (mut fields, extra, named) = bind_fields(v, &catalog.wire, None, errors);
        // (a range's variant keeps the code received in its field `code`)
        if let (Some(_), Some(p)) = (&code_range, &catalog.wire.code) {
            for f in fields
                .iter_mut()
                .filter(|f| f.ident == "code" && f.at.is_none())
            {
                f.at = Some(p.value.clone());
            }
        }
        if let (Some(r), false) = (&code_range, fields.iter().any(|f| f.ident == "code")) {
            if let Some(span) = crate::spans::span(&r.at) {
                errors.push(err(span, Rule::CodeRangeWithoutField, format!("variant `{}` covers a range of codes but has no field `code`\nhelp: add `code: i64`: it keeps the code received", v.ident)));
            }
        }
        let entry = ErrorEntry {
            code,
            variant: Located::new(v.ident.to_string(), at.clone()),
            status: a
                .int("status", errors)
                .map(|(s, span)| Located::new(s, spans::at(span))),
            message,
            matches,
            priority: a.int("priority", errors).map_or(0, |p| p.0),
            title: a.str("title", errors).map(|s| s.value),
            cause: a.str("cause", errors).map(|s| s.value),
            causes: Vec::new(),
            suggestion: a.str("suggestion", errors).map(|s| s.value),
            solutions: Vec::new(),
            docs_url: a.str("docs_url", errors).map(|s| s.value),
            fix_command: a.str("fix_command", errors).map(syn_str),
            retry,
            retry_after_field: a.str("retry_after_field", errors).map(syn_str),
            fields: fields
                .iter()
                .filter(|f| !catalog.wire.fields.iter().any(|w| w.wire.value == f.wire))
                .map(|f| Field {
                    wire: Located::new(f.wire.clone(), spans::at(f.ident.span())),
                    rust: Located::new(f.ident.to_string(), spans::at(f.ident.span())),
                    ty: Located::new(
                        FieldType {
                            base: f.base,
                            list: f.list,
                            optional: f.optional,
                        },
                        spans::at(f.ty.span()),
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
                        .map(|p| Located::new(p, spans::at(f.ident.span()))),
                    doc: None,
                    internal: f.internal,
                })
                .collect(),
            when: pointer_values(a, "when", "/error/error_subcode=463", errors),
            when_headers: header_values(a, errors),
            code_in_body: a
                .bool("code_in_body", errors)
                .map(|(b, span)| Located::new(b, spans::at(span))),
            code_range,
            examples: Vec::new(),
            envelope: None,
            at,
            damaged: false,
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
    for d in error_catalog_model::validate::validate(&catalog) {
        errors.push(diag_to_syn(&d, input.ident.span(), None, &[]));
    }
    if errors.len() > before {
        return None;
    }
    Some((catalog, bound, None))
}

/// The `[wire]` keys a derive gives on the enum beside `wire`: `code_type =
/// "integer"`, `success = "/pointer=value"` (repeatable; the value is JSON:
/// `true`, `0`, `"ok"`), the pointers `code`, `message` and `fields_at`, and
/// `identity`.
fn wire_keys(wire: &mut Wire, enum_attrs: &Attrs, errors: &mut Vec<syn::Error>) {
    if let Some(kind) = enum_attrs.str("code_type", errors) {
        match kind.value.as_str() {
            "string" => {}
            "integer" => wire.integer_codes = true,
            other => {
                let help = match did_you_mean(other, ["string", "integer"]) {
                    Some(m) => format!("did you mean `{m}`?"),
                    None => "expected one of: string, integer".to_string(),
                };
                errors.push(err(
                    kind.span,
                    Rule::CodeTypeUnknown,
                    format!("unknown `code_type` `{other}`\nhelp: {help}"),
                ));
            }
        }
    }
    wire.success = pointer_values(enum_attrs, "success", "/ok=true", errors);
    // where the code, the message and the fields object are, overriding the preset's
    let pointer = |key: &str, errors: &mut Vec<syn::Error>| {
        let s = enum_attrs.str(key, errors)?;
        match Pointer::parse(&s.value) {
            Ok(p) => Some(Located::new(p, spans::at(s.span))),
            Err(e) => {
                errors.push(err(s.span, Rule::PointerInvalid, format!("`{key}`: {e}")));
                None
            }
        }
    };
    let code = pointer("code", errors);
    let message = pointer("message", errors);
    let fields_at = pointer("fields_at", errors);
    let identity = match enum_attrs.str("identity", errors) {
        None => None,
        Some(s) => match keys::IDENTITY.iter().position(|n| *n == s.value) {
            Some(i) => Some([Identity::Code, Identity::Message, Identity::Status][i]),
            None => {
                let help = match did_you_mean(&s.value, keys::IDENTITY.iter().copied()) {
                    Some(m) => format!("did you mean `{m}`?"),
                    None => "expected one of: code, message, status".to_string(),
                };
                errors.push(err(
                    s.span,
                    Rule::IdentityUnknown,
                    format!("unknown `identity` `{}`\nhelp: {help}", s.value),
                ));
                None
            }
        },
    };
    let custom = code.is_some() || message.is_some();
    if code.is_some() {
        wire.code = code;
    }
    if message.is_some() {
        wire.message = message;
    }
    if fields_at.is_some() {
        wire.fields_at = fields_at;
    }
    // (as in a catalog: by code where the code's place is given, else by message)
    wire.identity = match (identity, custom) {
        (Some(i), _) => i,
        (None, true) if wire.code.is_some() => Identity::Code,
        (None, true) => Identity::Message,
        (None, false) => wire.identity,
    };
}

/// `header = "role=name"` on the enum (repeatable): the `[headers]` of a
/// catalog, one role each (`request_id=x-request-id`, `keep=x-github-request-id`,
/// `rate_limit_reset_format=duration`).
fn headers_of(enum_attrs: &Attrs, errors: &mut Vec<syn::Error>) -> Headers {
    let mut h = Headers::default();
    for s in enum_attrs.strs("header", errors) {
        let at = spans::at(s.span);
        let Some((role, name)) = s.value.split_once('=').map(|(r, n)| (r.trim(), n.trim())) else {
            errors.push(err(s.span, Rule::AttrValueSyntax, format!("`header` \"{}\" is not `role=name`\nhelp: write e.g. `header = \"request_id=x-request-id\"`", s.value)));
            continue;
        };
        let named = Located::new(name.to_string(), at.clone());
        let slot = match role {
            "retry_after" => &mut h.retry_after,
            "rate_limit_limit" => &mut h.rate_limit_limit,
            "rate_limit_remaining" => &mut h.rate_limit_remaining,
            "rate_limit_reset" => &mut h.rate_limit_reset,
            "request_id" => &mut h.request_id,
            "should_retry" => &mut h.should_retry,
            "keep" => {
                h.keep.push(named);
                continue;
            }
            "rate_limit_reset_format" => {
                match ResetFormat::parse(name) {
                    Some(f) => h.rate_limit_reset_format = Some(Located::new(f, at)),
                    None => errors.push(err(s.span, Rule::ResetFormatUnknown, format!("unknown `rate_limit_reset_format` `{name}`\nhelp: expected one of: epoch-seconds, delta-seconds, duration"))),
                }
                continue;
            }
            other => {
                let roles = keys::HEADERS.iter().copied().filter(|k| *k != "notes");
                let help = match did_you_mean(other, roles.clone()) {
                    Some(m) => format!("did you mean `{m}`?"),
                    None => format!("expected one of: {}", roles.collect::<Vec<_>>().join(", ")),
                };
                errors.push(err(
                    s.span,
                    Rule::HeaderRoleUnknown,
                    format!("unknown header role `{other}`\nhelp: {help}"),
                ));
                continue;
            }
        };
        *slot = Some(name.to_string());
        if let Some(role) = keys::HEADERS.iter().find(|k| **k == role) {
            h.written.push((role, named));
        }
    }
    h
}

/// The `key = "/pointer=value"` attributes of `attrs` (repeatable; the value is
/// JSON: `true`, `0`, `"ok"`), as (pointer, JSON text).
fn pointer_values(
    attrs: &Attrs,
    key: &str,
    example: &str,
    errors: &mut Vec<syn::Error>,
) -> Vec<(Located<Pointer>, Located<String>)> {
    let mut out = Vec::new();
    for mark in attrs.strs(key, errors) {
        let parsed = mark.value.split_once('=').and_then(|(p, v)| {
            let pointer = Pointer::parse(p.trim()).ok()?;
            let value: serde_json::Value = serde_json::from_str(v.trim()).ok()?;
            let scalar = matches!(
                value,
                serde_json::Value::Bool(_)
                    | serde_json::Value::Number(_)
                    | serde_json::Value::String(_)
            );
            scalar.then(|| (pointer, value.to_string()))
        });
        match parsed {
            Some((pointer, json)) => {
                let at = spans::at(mark.span);
                out.push((Located::new(pointer, at.clone()), Located::new(json, at)));
            }
            None => errors.push(err(
                mark.span, Rule::AttrValueSyntax,
                format!("`{key}` \"{}\" is not `/pointer=value`\nhelp: write e.g. `{key} = \"{example}\"` (the value is JSON: true, 0, \"ok\")", mark.value),
            )),
        }
    }
    out
}

/// A variant's `when_header = "name=value"` attributes (repeatable): header
/// names in lowercase, values as text.
fn header_values(
    attrs: &Attrs,
    errors: &mut Vec<syn::Error>,
) -> Vec<(Located<String>, Located<String>)> {
    let mut out = Vec::new();
    for mark in attrs.strs("when_header", errors) {
        let at = spans::at(mark.span);
        match mark.value.split_once('=') {
            Some((name, value)) if error_catalog_model::model::is_header_name(name.trim()) => out.push((
                Located::new(name.trim().to_ascii_lowercase(), at.clone()),
                Located::new(value.trim().to_string(), at),
            )),
            _ => errors.push(err(
                mark.span, Rule::AttrValueSyntax,
                format!("`when_header` \"{}\" is not `name=value`\nhelp: write e.g. `when_header = \"x-ratelimit-remaining=0\"`", mark.value),
            )),
        }
    }
    out
}

/// A variant's `code_range = "-32099..=-32000"`: the first and last code.
fn code_range_of(a: &Attrs, errors: &mut Vec<syn::Error>) -> Option<Located<(i64, i64)>> {
    let r = a.str("code_range", errors)?;
    let bounds = r.value.split_once("..=").and_then(|(lo, hi)| {
        Some((
            lo.trim().parse::<i64>().ok()?,
            hi.trim().parse::<i64>().ok()?,
        ))
    });
    match bounds {
        Some(b) => Some(Located::new(b, spans::at(r.span))),
        None => {
            errors.push(err(
                r.span, Rule::AttrValueSyntax,
                format!("`code_range` \"{}\" is not `first..=last`\nhelp: write e.g. `code_range = \"-32099..=-32000\"`", r.value),
            ));
            None
        }
    }
}

/// A variant's `code`: a string, or under `code_type = "integer"` an
/// integer, kept as its decimal text.
fn code_of(a: &Attrs, wire: &Wire, errors: &mut Vec<syn::Error>) -> Option<Located<String>> {
    // (an error sent without a code has a name, not a code: any string)
    let named = a
        .items
        .iter()
        .any(|(k, v, _)| k == "code_in_body" && matches!(v, attr::Value::Bool(false, _)));
    if wire.integer_codes && !named {
        let (n, span) = a.int("code", errors)?;
        return Some(Located::new(n.to_string(), spans::at(span)));
    }
    let s = a.str("code", errors)?;
    Some(Located::new(s.value, spans::at(s.span)))
}
