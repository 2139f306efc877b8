//! Pass 1: TOML text → [`Catalog`] model. Collects every problem instead of stopping
//! at the first; semantic rules are left to [`crate::validate`]. This file holds
//! the entry point and the readers of single values; one file per TOML table
//! (`service`, `wire`, `headers`, `errors`, `fields`) reads that table.

use std::path::Path;

use toml::de::{DeTable, DeValue};
use toml::Spanned;

use crate::diag::{did_you_mean, Diagnostic};
use crate::keys;
use crate::model::*;
use crate::naming::{snake_case, upper_camel};
use crate::presets::{custom_wire, preset_wire};
use crate::rules::Rule;
use error_catalog_core::engine::Identity;

mod errors;
mod fields;
mod headers;
mod service;
mod wire;

type Val<'i> = Spanned<DeValue<'i>>;

/// Parses a catalog's text. Returns the model (as complete as the text allows) and
/// every problem found. With problems, the parts they are in are marked
/// `damaged` ([`Wire::damaged`], [`ErrorEntry::damaged`]), so validation can
/// still check the rest.
pub fn parse_catalog(path: &Path, text: &str) -> (Option<Catalog>, Vec<Diagnostic>) {
    let mut p = Parser {
        diags: Vec::new(),
        code_type_lost: false,
        type_names: Vec::new(),
    };
    let root = match DeTable::parse(text) {
        Ok(t) => t,
        Err(e) => {
            let at = e.span().map_or(At::Nowhere, At::Toml);
            let msg = e.message().trim().to_string();
            p.diags.push(Diagnostic::new(
                Rule::TomlSyntax,
                &at,
                format!("TOML syntax error: {}", lowercase_first(&msg)),
            ));
            return (None, p.diags);
        }
    };
    let file = SourceFile {
        path: path.to_path_buf(),
        text: text.to_string(),
    };
    let root_at = At::Toml(root.span());
    let root = root.get_ref();
    p.check_keys(root, "the catalog's top level", keys::TOP);

    let type_tables = match p.table(root, "types", "the catalog", &root_at, false) {
        Some((t, _)) => p.type_tables(t),
        None => Vec::new(),
    };
    p.type_names = type_tables.iter().map(|(n, _)| n.value.clone()).collect();
    let types = type_tables
        .into_iter()
        .map(|(name, t)| {
            let ctx = format!("type `{}`", name.value);
            let members = p.fields(t, &ctx, None);
            ObjectType { name, members }
        })
        .collect();
    let service = match p.table(root, "service", "the catalog", &root_at, true) {
        Some((t, at)) => p.service(t, &at),
        None => Service::default(),
    };
    let wire = match p.table(root, "wire", "the catalog", &root_at, true) {
        Some((t, at)) => {
            let before = p.diags.len();
            let mut wire = p.wire(t, at);
            wire.damaged = p.diags.len() > before;
            wire
        }
        None => Wire {
            damaged: true,
            ..preset_wire(WirePreset::Coded, At::Nowhere)
        },
    };
    let headers = match p.table(root, "headers", "the catalog", &root_at, false) {
        Some((t, _)) => p.headers(t),
        None => Headers::default(),
    };
    let rate_limits = p
        .array_of_tables(root, "rate_limits", "the catalog")
        .into_iter()
        .map(|(t, at)| p.rate_limit(t, &at))
        .collect();
    let reserved = p.reserved(root);
    let tables = p.array_of_tables(root, "errors", "the catalog");
    let errors = tables
        .into_iter()
        .map(|(t, at)| {
            let before = p.diags.len();
            let mut entry = p.error(t, at, &wire);
            entry.damaged = p.diags.len() > before;
            entry
        })
        .collect();
    let catalog = Catalog {
        file: Some(file),
        service,
        wire,
        headers,
        rate_limits,
        errors,
        types,
        reserved,
    };
    (Some(catalog), p.diags)
}

/// The default variant name of a code: UpperCamelCase of a text code; for an
/// integer code, `Code` and its digits (`Code32601`, `CodeMinus32601`).
fn variant_of(code: &str) -> String {
    match code.strip_prefix('-') {
        Some(digits) if digits.bytes().all(|b| b.is_ascii_digit()) && !digits.is_empty() => {
            format!("CodeMinus{digits}")
        }
        _ if !code.is_empty() && code.bytes().all(|b| b.is_ascii_digit()) => format!("Code{code}"),
        _ => upper_camel(code),
    }
}

fn lowercase_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

fn type_name(v: &DeValue<'_>) -> &'static str {
    match v {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a datetime",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

struct Parser {
    diags: Vec<Diagnostic>,
    /// `code_type` was given but did not parse: the codes' kind is unknown.
    code_type_lost: bool,
    /// The names of the declared object types (`[types]`), in order.
    type_names: Vec<String>,
}

impl Parser {
    fn err(&mut self, rule: Rule, at: &At, msg: impl Into<String>) {
        self.diags.push(Diagnostic::new(rule, at, msg));
    }

    /// Rule: every key must be one the format defines (did-you-mean from [`keys`]).
    fn check_keys(&mut self, t: &DeTable<'_>, ctx: &str, known: &[&str]) {
        for (k, _) in t.iter() {
            let name: &str = k.get_ref();
            if !known.contains(&name) {
                let mut d = Diagnostic::new(
                    Rule::KeyUnknown,
                    &At::Toml(k.span()),
                    format!("unknown key `{name}` in {ctx}"),
                );
                d = match did_you_mean(name, known.iter().copied()) {
                    Some(s) => d.help(format!("did you mean `{s}`?")),
                    None => d.help(format!("expected one of: {}", known.join(", "))),
                };
                self.diags.push(d);
            }
        }
    }

    fn get<'t, 'i>(&mut self, t: &'t DeTable<'i>, key: &str) -> Option<&'t Val<'i>> {
        t.get(key)
    }

    fn wrong_type(&mut self, v: &Val<'_>, key: &str, ctx: &str, expected: &str) {
        self.err(
            Rule::ValueType,
            &At::Toml(v.span()),
            format!(
                "`{key}` in {ctx} must be {expected}, found {}",
                type_name(v.get_ref())
            ),
        );
    }

    fn missing(&mut self, at: &At, key: &str, ctx: &str) {
        self.err(
            Rule::KeyMissing,
            at,
            format!("missing required key `{key}` in {ctx}"),
        );
    }

    fn string(&mut self, t: &DeTable<'_>, key: &str, ctx: &str) -> Option<Located<String>> {
        let v = self.get(t, key)?;
        match v.get_ref() {
            DeValue::String(s) => Some(Located::new(s.to_string(), At::Toml(v.span()))),
            _ => {
                self.wrong_type(v, key, ctx, "a string");
                None
            }
        }
    }

    fn req_string(&mut self, t: &DeTable<'_>, key: &str, ctx: &str, at: &At) -> Located<String> {
        if t.get(key).is_none() {
            self.missing(at, key, ctx);
        }
        self.string(t, key, ctx)
            .unwrap_or_else(|| Located::new(String::new(), at.clone()))
    }

    fn plain(&mut self, t: &DeTable<'_>, key: &str, ctx: &str) -> Option<String> {
        self.string(t, key, ctx).map(|s| s.value)
    }

    fn int(&mut self, t: &DeTable<'_>, key: &str, ctx: &str) -> Option<Located<i64>> {
        let v = self.get(t, key)?;
        self.int_value(v, key, ctx)
    }

    /// The integer `v` (of `key`) holds; a problem when it holds something else.
    fn int_value(&mut self, v: &Val<'_>, key: &str, ctx: &str) -> Option<Located<i64>> {
        match v.get_ref() {
            DeValue::Integer(i) => {
                let digits = i.as_str().replace('_', "");
                let digits = digits.trim_start_matches('+');
                let digits = digits
                    .strip_prefix("0x")
                    .or_else(|| digits.strip_prefix("0o"))
                    .or_else(|| digits.strip_prefix("0b"))
                    .unwrap_or(digits);
                match i64::from_str_radix(digits, i.radix()) {
                    Ok(n) => Some(Located::new(n, At::Toml(v.span()))),
                    Err(_) => {
                        self.err(
                            Rule::ValueOutOfRange,
                            &At::Toml(v.span()),
                            format!("`{key}` in {ctx} is out of range"),
                        );
                        None
                    }
                }
            }
            _ => {
                self.wrong_type(v, key, ctx, "an integer");
                None
            }
        }
    }

    fn bool(&mut self, t: &DeTable<'_>, key: &str, ctx: &str) -> Option<bool> {
        let v = self.get(t, key)?;
        match v.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            _ => {
                self.wrong_type(v, key, ctx, "a boolean");
                None
            }
        }
    }

    fn string_list(&mut self, t: &DeTable<'_>, key: &str, ctx: &str) -> Vec<Located<String>> {
        let Some(v) = self.get(t, key) else {
            return Vec::new();
        };
        let DeValue::Array(items) = v.get_ref() else {
            self.wrong_type(v, key, ctx, "an array of strings");
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items {
            match item.get_ref() {
                DeValue::String(s) => out.push(Located::new(s.to_string(), At::Toml(item.span()))),
                _ => self.wrong_type(item, key, ctx, "an array of strings"),
            }
        }
        out
    }

    fn table<'t, 'i>(
        &mut self,
        t: &'t DeTable<'i>,
        key: &str,
        ctx: &str,
        at: &At,
        required: bool,
    ) -> Option<(&'t DeTable<'i>, At)> {
        let Some(v) = t.get(key) else {
            if required {
                self.missing(at, &format!("[{key}]"), ctx);
            }
            return None;
        };
        match v.get_ref() {
            DeValue::Table(inner) => Some((inner, At::Toml(v.span()))),
            _ => {
                self.wrong_type(v, key, ctx, "a table");
                None
            }
        }
    }

    fn array_of_tables<'t, 'i>(
        &mut self,
        t: &'t DeTable<'i>,
        key: &str,
        ctx: &str,
    ) -> Vec<(&'t DeTable<'i>, At)> {
        let Some(v) = t.get(key) else {
            return Vec::new();
        };
        let DeValue::Array(items) = v.get_ref() else {
            self.wrong_type(v, key, ctx, &format!("an array of tables (`[[{key}]]`)"));
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items {
            match item.get_ref() {
                DeValue::Table(inner) => out.push((inner, At::Toml(item.span()))),
                _ => self.wrong_type(item, key, ctx, &format!("an array of tables (`[[{key}]]`)")),
            }
        }
        out
    }
}
