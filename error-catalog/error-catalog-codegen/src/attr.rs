//! `#[api_error(...)]` attributes: syn → plain values with spans. Every keyword
//! is in the model's one table of keys (`error_catalog_model::keys`); an
//! unknown one gets a did-you-mean from it.

use proc_macro2::{Span, TokenStream, TokenTree};
use syn::parse::discouraged::Speculative;
use syn::parse::ParseStream;
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
                    skip_value(meta.value()?)?;
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
                    let span = skip_value(v)?;
                    errors.push(err(
                        span,
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

/// Reads past a value that is not a literal (`key = <value>`) and returns its
/// span, so that the keys after it are still read. syn's expression parser goes
/// first: it knows where `Vec::<A, B>::new()` ends. Without syn's `full` feature,
/// which this crate leaves off (a user's build shares syn with serde_derive, which
/// does not need it), it refuses arrays, closures, `if` and the like; those are
/// skipped token by token up to the next `,`.
pub(crate) fn skip_value(input: ParseStream) -> syn::Result<Span> {
    let fork = input.fork();
    if let Ok(expr) = fork.parse::<syn::Expr>() {
        if fork.is_empty() || fork.peek(syn::Token![,]) {
            input.advance_to(&fork);
            return Ok(expr.span());
        }
    }
    skip_tokens(input)
}

/// Reads token trees up to the next `,` outside any group (or the end), and
/// returns the span of what it read. A closure's parameters (`|a, b|`, after an
/// optional `move`) are read whole first: their commas do not end the value.
fn skip_tokens(input: ParseStream) -> syn::Result<Span> {
    let mut read = TokenStream::new();
    if input.peek(syn::Token![move]) {
        read.extend([input.parse::<TokenTree>()?]);
    }
    if input.peek(syn::Token![|]) && !input.peek(syn::Token![||]) {
        read.extend([input.parse::<TokenTree>()?]);
        while !input.is_empty() && !input.peek(syn::Token![|]) {
            read.extend([input.parse::<TokenTree>()?]);
        }
    }
    while !input.is_empty() && !input.peek(syn::Token![,]) {
        read.extend([input.parse::<TokenTree>()?]);
    }
    Ok(if read.is_empty() {
        input.span()
    } else {
        read.span()
    })
}

fn duplicate(a: &Attrs, key: &str) -> bool {
    a.items.iter().any(|(k, _, _)| k == key)
}

#[cfg(test)]
mod tests {
    use super::{skip_tokens, skip_value};
    use proc_macro2::TokenStream;
    use syn::parse::{ParseStream, Parser};

    /// What is left after `skip` read one value from `src`.
    fn rest(skip: fn(ParseStream) -> syn::Result<proc_macro2::Span>, src: &str) -> String {
        let tokens: TokenStream = src.parse().expect("test input is Rust tokens");
        let read = |input: ParseStream| {
            skip(input)?;
            input.parse::<TokenStream>()
        };
        read.parse2(tokens).expect("the value is read").to_string()
    }

    // Whatever the value, the keys after it are left to read.
    #[test]
    fn skip_value_stops_at_the_comma_after_the_value() {
        for (src, left) in [
            ("404", ""),
            ("[404], message = \"x\"", ", message = \"x\""),
            ("some::path, next", ", next"),
            ("Vec::<u8, u8>::new(), next = 1", ", next = 1"),
            ("if a { 1 } else { 2 }, next", ", next"),
            ("{ let a = 1; a }, next", ", next"),
            ("concat!(\"a\", \"b\"), next", ", next"),
        ] {
            assert_eq!(rest(skip_value, src), left, "after `{src}`");
        }
    }

    // The fallback when syn cannot read the value as an expression (syn's `full`
    // feature off, as in a user's build): groups are read whole.
    #[test]
    fn skip_tokens_reads_groups_whole_and_stops_at_a_comma() {
        for (src, left) in [
            ("[1, 2, 3], next", ", next"),
            ("if a { 1 } else { (2, 3) }, next", ", next"),
            ("a b c", ""),
            (", next", ", next"),
            ("|a, b| a, next", ", next"),
            ("move |a, b: (u8, u8)| a, next", ", next"),
            ("|| 1, next", ", next"),
        ] {
            assert_eq!(rest(skip_tokens, src), left, "after `{src}`");
        }
    }
}
