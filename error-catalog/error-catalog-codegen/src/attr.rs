//! `#[api_error(...)]` attributes: syn → plain values with spans. Every keyword
//! is in the model's one table of keys (`error_catalog_model::keys`); an
//! unknown one gets a did-you-mean from it.

use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{Attribute, LitInt, LitStr};

use error_catalog_model::diag::did_you_mean;
use error_catalog_model::rules::Rule;

use crate::diagnostic::err;

pub use error_catalog_model::keys::{
    DERIVE_ENUM as ENUM_KEYS, DERIVE_FIELD as FIELD_KEYS, DERIVE_VARIANT as VARIANT_KEYS,
};

/// A string value and where it was written.
#[derive(Debug, Clone)]
pub struct Str {
    /// The value.
    pub value: String,
    /// Where.
    pub span: Span,
}

/// A parsed value of one key.
#[derive(Debug, Clone)]
pub enum Value {
    /// `key = "text"`.
    Str(Str),
    /// `key = 123`.
    Int(i64, Span),
    /// `key = true` or `key = false`.
    Bool(bool, Span),
    /// A bare `key`.
    Flag(Span),
}

/// The keys of every `#[api_error(...)]` on one item, in order.
#[derive(Debug, Default)]
pub struct Attrs {
    /// (key, value, span of the key).
    pub items: Vec<(String, Value, Span)>,
    /// The first `#[api_error]` attribute's span.
    pub span: Option<Span>,
}

impl Attrs {
    /// A string value.
    pub fn str(&self, key: &str, errors: &mut Vec<syn::Error>) -> Option<Str> {
        match self.get(key)? {
            Value::Str(s) => Some(s.clone()),
            Value::Int(_, span) | Value::Bool(_, span) | Value::Flag(span) => {
                errors.push(err(
                    *span,
                    Rule::ValueType,
                    format!("`{key}` takes a string: `{key} = \"...\"`"),
                ));
                None
            }
        }
    }

    /// All string values of a repeatable key.
    pub fn strs(&self, key: &str, errors: &mut Vec<syn::Error>) -> Vec<Str> {
        let mut out = Vec::new();
        for (k, v, _) in &self.items {
            if k == key {
                match v {
                    Value::Str(s) => out.push(s.clone()),
                    Value::Int(_, span) | Value::Bool(_, span) | Value::Flag(span) => {
                        errors.push(err(
                            *span,
                            Rule::ValueType,
                            format!("`{key}` takes a string: `{key} = \"...\"`"),
                        ))
                    }
                }
            }
        }
        out
    }

    /// An integer value.
    pub fn int(&self, key: &str, errors: &mut Vec<syn::Error>) -> Option<(i64, Span)> {
        match self.get(key)? {
            Value::Int(i, span) => Some((*i, *span)),
            Value::Str(s) => {
                errors.push(err(
                    s.span,
                    Rule::ValueType,
                    format!("`{key}` takes an integer: `{key} = 404`"),
                ));
                None
            }
            Value::Bool(_, span) | Value::Flag(span) => {
                errors.push(err(
                    *span,
                    Rule::ValueType,
                    format!("`{key}` takes an integer: `{key} = 404`"),
                ));
                None
            }
        }
    }

    /// A bare flag's span.
    pub fn flag(&self, key: &str, errors: &mut Vec<syn::Error>) -> Option<Span> {
        match self.get(key)? {
            Value::Flag(span) => Some(*span),
            Value::Str(s) => {
                errors.push(err(
                    s.span,
                    Rule::ValueType,
                    format!("`{key}` takes no value: write `{key}` alone"),
                ));
                None
            }
            Value::Int(_, span) | Value::Bool(_, span) => {
                errors.push(err(
                    *span,
                    Rule::ValueType,
                    format!("`{key}` takes no value: write `{key}` alone"),
                ));
                None
            }
        }
    }

    /// A boolean value.
    pub fn bool(&self, key: &str, errors: &mut Vec<syn::Error>) -> Option<(bool, Span)> {
        match self.get(key)? {
            Value::Bool(b, span) => Some((*b, *span)),
            Value::Str(Str { span, .. }) | Value::Int(_, span) | Value::Flag(span) => {
                errors.push(err(
                    *span,
                    Rule::ValueType,
                    format!("`{key}` takes `true` or `false`: `{key} = false`"),
                ));
                None
            }
        }
    }

    /// The span of a key, when present.
    pub fn key_span(&self, key: &str) -> Option<Span> {
        self.items
            .iter()
            .find(|(k, _, _)| k == key)
            .map(|(_, _, s)| *s)
    }

    fn get(&self, key: &str) -> Option<&Value> {
        self.items
            .iter()
            .find(|(k, _, _)| k == key)
            .map(|(_, v, _)| v)
    }
}

/// Reads every `#[api_error(...)]` in `attrs`, checking keys against `known`.
pub fn parse(
    attrs: &[Attribute],
    known: &[&str],
    what: &str,
    errors: &mut Vec<syn::Error>,
) -> Attrs {
    let mut out = Attrs::default();
    for attr in attrs {
        if !attr.path().is_ident("api_error") {
            continue;
        }
        out.span.get_or_insert(attr.span());
        let result = attr.parse_nested_meta(|meta| {
            let key = meta
                .path
                .get_ident()
                .map(|i| i.to_string())
                .unwrap_or_else(|| quote::ToTokens::to_token_stream(&meta.path).to_string());
            let key_span = meta.path.span();
            if !known.contains(&key.as_str()) {
                let msg = format!("unknown key `{key}` in `#[api_error]` on {what}");
                let help = match did_you_mean(&key, known.iter().copied()) {
                    Some(k) => format!("did you mean `{k}`?"),
                    None => format!("expected one of: {}", known.join(", ")),
                };
                errors.push(err(
                    key_span,
                    Rule::KeyUnknown,
                    format!("{msg}\nhelp: {help}"),
                ));
                if meta.input.peek(syn::Token![=]) {
                    let _: syn::Expr = meta.value()?.parse()?;
                }
                return Ok(());
            }
            let repeatable =
                ["matches", "success", "when", "when_header", "header"].contains(&key.as_str());
            if duplicate(&out, &key) && !repeatable {
                errors.push(err(
                    key_span,
                    Rule::KeyTwice,
                    format!("`{key}` is given twice"),
                ));
            }
            let value = if meta.input.peek(syn::Token![=]) {
                let v = meta.value()?;
                if v.peek(syn::LitBool) {
                    let b: syn::LitBool = v.parse()?;
                    Value::Bool(b.value, b.span())
                } else if v.peek(LitStr) {
                    let s: LitStr = v.parse()?;
                    Value::Str(Str {
                        value: s.value(),
                        span: s.span(),
                    })
                } else if v.peek(LitInt) || (v.peek(syn::Token![-]) && v.peek2(LitInt)) {
                    let minus: Option<syn::Token![-]> = v.parse()?;
                    let i: LitInt = v.parse()?;
                    let text = format!(
                        "{}{}",
                        if minus.is_some() { "-" } else { "" },
                        i.base10_digits()
                    );
                    match text.parse::<i64>() {
                        Ok(n) => Value::Int(n, i.span()),
                        Err(e) => {
                            errors.push(err(
                                i.span(),
                                Rule::ValueOutOfRange,
                                format!("`{key}`: {e}"),
                            ));
                            return Ok(());
                        }
                    }
                } else {
                    let e: syn::Expr = v.parse()?;
                    errors.push(err(
                        e.span(),
                        Rule::ValueType,
                        format!("`{key}` takes a string, integer or boolean literal"),
                    ));
                    return Ok(());
                }
            } else {
                Value::Flag(key_span)
            };
            out.items.push((key, value, key_span));
            Ok(())
        });
        if let Err(e) = result {
            errors.push(err(e.span(), Rule::AttributeSyntax, e));
        }
    }
    out
}

fn duplicate(a: &Attrs, key: &str) -> bool {
    a.items.iter().any(|(k, _, _)| k == key)
}
