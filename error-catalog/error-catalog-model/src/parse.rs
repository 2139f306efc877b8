//! Pass 1: TOML text → [`Catalog`] model. Collects every problem instead of stopping
//! at the first; semantic rules are left to [`crate::validate`].

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

    fn service(&mut self, t: &DeTable<'_>, at: &At) -> Service {
        let ctx = "`[service]`";
        self.check_keys(t, ctx, keys::SERVICE);
        let id = self.req_string(t, "id", ctx, at);
        let name = self.req_string(t, "name", ctx, at);
        let enum_name = self.string(t, "enum_name", ctx).unwrap_or_else(|| {
            Located::new(format!("{}Error", upper_camel(&id.value)), id.at.clone())
        });
        let docs_url = self.string(t, "docs_url", ctx);
        let description = self.plain(t, "description", ctx);
        let non_exhaustive = match t.get("non_exhaustive") {
            Some(v) => Located::new(
                self.bool(t, "non_exhaustive", ctx).unwrap_or(true),
                At::Toml(v.span()),
            ),
            None => Located::new(true, at.clone()),
        };
        Service {
            id,
            name,
            enum_name,
            docs_url,
            description,
            non_exhaustive,
        }
    }

    fn pointer(&mut self, t: &DeTable<'_>, key: &str, ctx: &str) -> Option<Located<Pointer>> {
        let s = self.string(t, key, ctx)?;
        match Pointer::parse(&s.value) {
            Ok(p) => Some(Located::new(p, s.at)),
            Err(e) => {
                self.err(
                    Rule::PointerInvalid,
                    &s.at,
                    format!("`{key}` in {ctx}: {e}"),
                );
                None
            }
        }
    }

    fn wire(&mut self, t: &DeTable<'_>, at: At) -> Wire {
        let ctx = "`[wire]`";
        self.check_keys(t, ctx, keys::WIRE);
        let preset = self.string(t, "preset", ctx).and_then(|s| {
            match WirePreset::ALL.iter().find(|(n, _)| *n == s.value) {
                Some((_, p)) => Some(Located::new(*p, s.at)),
                None => {
                    let names = WirePreset::ALL.iter().map(|(n, _)| *n);
                    let mut d = Diagnostic::new(
                        Rule::PresetUnknown,
                        &s.at,
                        format!("unknown wire preset `{}`", s.value),
                    );
                    d = match did_you_mean(&s.value, names.clone()) {
                        Some(m) => d.help(format!("did you mean `{m}`?")),
                        None => d.help(format!(
                            "expected one of: {}",
                            names.collect::<Vec<_>>().join(", ")
                        )),
                    };
                    self.diags.push(d);
                    None
                }
            }
        });
        // what a preset places is declared where the preset is named
        let mut wire = match &preset {
            Some(p) => Wire {
                at: at.clone(),
                ..preset_wire(p.value, p.at.clone())
            },
            None => custom_wire(at.clone()),
        };
        wire.preset = preset;
        if let Some(p) = self.pointer(t, "code", ctx) {
            wire.code = Some(p);
        }
        if let Some(p) = self.pointer(t, "message", ctx) {
            wire.message = Some(p);
        }
        if let Some(p) = self.pointer(t, "fields_at", ctx) {
            wire.fields_at = Some(p);
        }
        if let Some(p) = self.pointer(t, "suggestion", ctx) {
            wire.suggestion = Some(p);
        }
        if let Some(p) = self.pointer(t, "docs_url", ctx) {
            wire.docs_url = Some(p);
        }
        if let Some(p) = self.pointer(t, "fix_command", ctx) {
            wire.fix_command = Some(p);
        }
        let kind = self.string(t, "code_type", ctx);
        if t.get("code_type").is_some() && kind.is_none() {
            self.code_type_lost = true;
        }
        if let Some(kind) = kind {
            match kind.value.as_str() {
                "string" => {}
                "integer" => wire.integer_codes = true,
                other => {
                    self.code_type_lost = true;
                    let mut d = Diagnostic::new(
                        Rule::CodeTypeUnknown,
                        &kind.at,
                        format!("unknown `code_type` `{other}` in {ctx}"),
                    );
                    d = match did_you_mean(other, ["string", "integer"]) {
                        Some(m) => d.help(format!("did you mean `{m}`?")),
                        None => d.help("expected one of: string, integer"),
                    };
                    self.diags.push(d);
                }
            }
        }
        if let Some(c) = self.plain(t, "content_type", ctx) {
            wire.content_type = c;
        }
        wire.identity = if wire.code.is_some() {
            Identity::Code
        } else if wire
            .preset
            .as_ref()
            .is_some_and(|p| p.value == WirePreset::StatusOnly)
        {
            Identity::Status
        } else if wire.message.is_some() {
            Identity::Message
        } else {
            Identity::Status
        };
        if let Some(id) = self.string(t, "identity", ctx) {
            match id.value.as_str() {
                "code" => wire.identity = Identity::Code,
                "message" => wire.identity = Identity::Message,
                "status" => wire.identity = Identity::Status,
                other => {
                    let mut d = Diagnostic::new(
                        Rule::IdentityUnknown,
                        &id.at,
                        format!("unknown `identity` value `{other}` in {ctx}"),
                    );
                    if let Some(m) = did_you_mean(other, keys::IDENTITY.iter().copied()) {
                        d = d.help(format!("did you mean `{m}`?"));
                    } else {
                        d = d.help("expected one of: code, message, status");
                    }
                    self.diags.push(d);
                }
            }
        }
        if let Some((ft, _)) = self.table(t, "fields", ctx, &at, false) {
            let extra = self.fields(ft, "`[wire.fields]`", None);
            wire.fields.extend(extra);
        }
        if let Some((st, _)) = self.table(t, "success", ctx, &at, false) {
            wire.success = self.pointer_values(st, "`[wire] success`");
        }
        wire
    }

    /// A table of JSON pointer → scalar (`success = { "/ok" = true }`, `when = {
    /// "/error/error_subcode" = 463 }`), each value as JSON text.
    fn pointer_values(
        &mut self,
        t: &DeTable<'_>,
        ctx: &str,
    ) -> Vec<(Located<Pointer>, Located<String>)> {
        let mut out = Vec::new();
        for (k, v) in t.iter() {
            let key_at = At::Toml(k.span());
            let pointer = match Pointer::parse(k.get_ref()) {
                Ok(p) => p,
                Err(e) => {
                    self.err(
                        Rule::PointerInvalid,
                        &key_at,
                        format!("{ctx} key `{}`: {e}", k.get_ref()),
                    );
                    continue;
                }
            };
            let json = match v.get_ref() {
                DeValue::Boolean(b) => b.to_string(),
                DeValue::Integer(_) => match self.int(t, k.get_ref(), ctx) {
                    Some(n) => n.value.to_string(),
                    None => continue,
                },
                DeValue::String(s) => serde_json::Value::String(s.to_string()).to_string(),
                _ => {
                    self.wrong_type(v, k.get_ref(), ctx, "a boolean, an integer or a string");
                    continue;
                }
            };
            out.push((
                Located::new(pointer, key_at),
                Located::new(json, At::Toml(v.span())),
            ));
        }
        out
    }

    /// `when_header = { "x-ratelimit-remaining" = "0" }`: header names (kept
    /// in lowercase) and the text each must have.
    fn header_values(
        &mut self,
        t: &DeTable<'_>,
        ctx: &str,
    ) -> Vec<(Located<String>, Located<String>)> {
        let mut out = Vec::new();
        for (k, v) in t.iter() {
            let name = k.get_ref();
            if !crate::model::is_header_name(name) {
                self.diags.push(
                    Diagnostic::new(
                        Rule::HeaderNameInvalid,
                        &At::Toml(k.span()),
                        format!("{ctx} key `{name}` is not a header name"),
                    )
                    .help("name the header as it is sent, such as `x-ratelimit-remaining` (letters, digits, `-`; no spaces)"),
                );
                continue;
            }
            match v.get_ref() {
                DeValue::String(s) => out.push((
                    Located::new(name.to_ascii_lowercase(), At::Toml(k.span())),
                    Located::new(s.trim().to_string(), At::Toml(v.span())),
                )),
                _ => self.wrong_type(v, name, ctx, "a string (a header's value is text)"),
            }
        }
        out
    }

    fn headers(&mut self, t: &DeTable<'_>) -> Headers {
        let ctx = "`[headers]`";
        self.check_keys(t, ctx, keys::HEADERS);
        let mut written = Vec::new();
        let mut role = |this: &mut Self, key: &'static str| {
            let name = this.string(t, key, ctx)?;
            written.push((key, name.clone()));
            Some(name.value)
        };
        let retry_after = role(self, "retry_after");
        let rate_limit_limit = role(self, "rate_limit_limit");
        let rate_limit_remaining = role(self, "rate_limit_remaining");
        let rate_limit_reset = role(self, "rate_limit_reset");
        let request_id = role(self, "request_id");
        let should_retry = role(self, "should_retry");
        let keep = self.string_list(t, "keep", ctx);
        let rate_limit_reset_format =
            self.string(t, "rate_limit_reset_format", ctx)
                .and_then(|f| match ResetFormat::parse(&f.value) {
                    Some(format) => Some(Located::new(format, f.at)),
                    None => {
                        let names = ResetFormat::ALL.iter().map(|(n, _)| *n);
                        let mut d = Diagnostic::new(
                            Rule::ResetFormatUnknown,
                            &f.at,
                            format!("unknown `rate_limit_reset_format` `{}` in {ctx}", f.value),
                        );
                        d = match did_you_mean(&f.value, names) {
                            Some(m) => d.help(format!("did you mean `{m}`?")),
                            None => {
                                d.help("expected one of: epoch-seconds, delta-seconds, duration")
                            }
                        };
                        self.diags.push(d);
                        None
                    }
                });
        Headers {
            retry_after,
            rate_limit_limit,
            rate_limit_remaining,
            rate_limit_reset,
            request_id,
            should_retry,
            rate_limit_reset_format,
            keep,
            written,
            notes: self.plain(t, "notes", ctx),
        }
    }

    fn rate_limit(&mut self, t: &DeTable<'_>, at: &At) -> RateLimit {
        let ctx = "`[[rate_limits]]`";
        self.check_keys(t, ctx, keys::RATE_LIMIT);
        let scope = self.req_string(t, "scope", ctx, at).value;
        if t.get("limit").is_none() {
            self.missing(at, "limit", ctx);
        }
        let limit = self
            .int(t, "limit", ctx)
            .map_or(0, |l| u64::try_from(l.value).unwrap_or(0));
        let window = self.req_string(t, "window", ctx, at).value;
        let notes = self.plain(t, "notes", ctx);
        RateLimit {
            scope,
            limit,
            window,
            notes,
        }
    }

    fn error(&mut self, t: &DeTable<'_>, at: At, wire: &Wire) -> ErrorEntry {
        let code_range = self.code_range(t);
        let code = match &code_range {
            // (a range's text stands for its code: `-32099..=-32000`)
            Some(r) if t.get("code").is_none() => {
                Located::new(format!("{}..={}", r.value.0, r.value.1), r.at.clone())
            }
            Some(r) => {
                self.err(
                    Rule::CodeAndCodeRange,
                    &r.at,
                    "give `code` or `code_range`, not both",
                );
                self.code(t, &at, wire)
            }
            // (a `code_range` that did not parse was reported: no `code` is missing)
            None if t.get("code_range").is_some() && t.get("code").is_none() => {
                Located::new(String::new(), at.clone())
            }
            None => self.code(t, &at, wire),
        };
        let ctx = if code.value.is_empty() {
            "`[[errors]]`".to_string()
        } else {
            format!("error `{}`", code.value)
        };
        self.check_keys(t, &ctx, keys::ERROR);
        let variant = self.string(t, "variant", &ctx).unwrap_or_else(|| {
            let name = match &code_range {
                Some(r) => format!(
                    "{}To{}",
                    variant_of(&r.value.0.to_string()),
                    variant_of(&r.value.1.to_string()).trim_start_matches("Code")
                ),
                None => variant_of(&code.value),
            };
            Located::new(name, code.at.clone())
        });
        let status = self.int(t, "status", &ctx);
        let message = self.req_string(t, "message", &ctx, &at);
        let matches = if t.get("matches").is_some() {
            self.string_list(t, "matches", &ctx)
        } else if wire.identity == Identity::Message {
            vec![message.clone()]
        } else {
            Vec::new()
        };
        let priority = self.int(t, "priority", &ctx).map_or(0, |p| p.value);
        let retry = match self.string(t, "retry", &ctx) {
            None => RetryRule::Never,
            Some(s) => match RetryRule::ALL.iter().find(|(n, _)| *n == s.value) {
                Some((_, r)) => *r,
                None => {
                    let names = RetryRule::ALL.iter().map(|(n, _)| *n);
                    let mut d = Diagnostic::new(
                        Rule::RetryUnknown,
                        &s.at,
                        format!("unknown `retry` rule `{}` in {ctx}", s.value),
                    );
                    d = match did_you_mean(&s.value, names) {
                        Some(m) => d.help(format!("did you mean `{m}`?")),
                        None => d.help("expected one of: never, backoff, once, after"),
                    };
                    self.diags.push(d);
                    RetryRule::Never
                }
            },
        };
        let mut fields = match self.table(t, "fields", &ctx, &at, false) {
            Some((ft, _)) => {
                self.fields(ft, &format!("the fields of {ctx}"), wire.fields_at.as_ref())
            }
            None => Vec::new(),
        };
        // an entry covering a range keeps the code it received, in field `code`
        if let (Some(r), Some(p)) = (&code_range, &wire.code) {
            let wire_name = p.value.segments.last().cloned().unwrap_or_default();
            fields.push(Field {
                wire: Located::new(wire_name, r.at.clone()),
                rust: Located::new("code".to_string(), r.at.clone()),
                ty: Located::new(
                    FieldType {
                        base: BaseType::I64,
                        ..FieldType::default()
                    },
                    r.at.clone(),
                ),
                at_ptr: Some(Located::new(p.value.clone(), r.at.clone())),
                doc: Some("The code received, within the range.".to_string()),
                internal: false,
            });
        }
        let when = match self.table(t, "when", &ctx, &at, false) {
            Some((wt, _)) => self.pointer_values(wt, &format!("the `when` of {ctx}")),
            None => Vec::new(),
        };
        let when_headers = match self.table(t, "when_header", &ctx, &at, false) {
            Some((ht, _)) => self.header_values(ht, &format!("the `when_header` of {ctx}")),
            None => Vec::new(),
        };
        let code_in_body = self.bool(t, "code_in_body", &ctx).map(|b| {
            let at = t
                .get("code_in_body")
                .map_or(At::Nowhere, |v| At::Toml(v.span()));
            Located::new(b, at)
        });
        let examples = self
            .array_of_tables(t, "examples", &ctx)
            .into_iter()
            .map(|(et, eat)| self.example(et, &eat, &ctx))
            .collect();
        ErrorEntry {
            code,
            variant,
            status,
            message,
            matches,
            priority,
            title: self.plain(t, "title", &ctx),
            cause: self.plain(t, "cause", &ctx),
            causes: self
                .string_list(t, "causes", &ctx)
                .into_iter()
                .map(|s| s.value)
                .collect(),
            suggestion: self.plain(t, "suggestion", &ctx),
            solutions: self
                .string_list(t, "solutions", &ctx)
                .into_iter()
                .map(|s| s.value)
                .collect(),
            docs_url: self.plain(t, "docs_url", &ctx),
            fix_command: self.string(t, "fix_command", &ctx),
            retry,
            retry_after_field: self.string(t, "retry_after_field", &ctx),
            fields,
            when,
            when_headers,
            code_in_body,
            code_range,
            examples,
            at,
            damaged: false,
        }
    }

    /// `reserved = ["OLD_CODE", 20001, { code = "GONE", reason = "…" }]`: each
    /// item a code (a string, or an integer kept as its decimal text), alone
    /// or in a table with its reason.
    fn reserved(&mut self, root: &DeTable<'_>) -> Vec<Reserved> {
        let ctx = "the catalog's top level";
        let expected = "an array of codes (strings, integers or `{ code = …, reason = \"…\" }`)";
        let Some(v) = root.get("reserved") else {
            return Vec::new();
        };
        let DeValue::Array(items) = v.get_ref() else {
            self.wrong_type(v, "reserved", ctx, expected);
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items {
            let code_of = |p: &mut Parser, v: &Val<'_>| match v.get_ref() {
                DeValue::String(s) => Some(Located::new(s.to_string(), At::Toml(v.span()))),
                DeValue::Integer(_) => p
                    .int_value(v, "reserved", ctx)
                    .map(|n| Located::new(n.value.to_string(), n.at)),
                _ => {
                    p.wrong_type(v, "reserved", ctx, expected);
                    None
                }
            };
            match item.get_ref() {
                DeValue::Table(t) => {
                    let tctx = "a `reserved` item";
                    self.check_keys(t, tctx, keys::RESERVED);
                    let reason = self.plain(t, "reason", tctx);
                    match t.get("code") {
                        Some(c) => {
                            if let Some(code) = code_of(self, c) {
                                out.push(Reserved { code, reason });
                            }
                        }
                        None => self.missing(&At::Toml(item.span()), "code", tctx),
                    }
                }
                _ => {
                    if let Some(code) = code_of(self, item) {
                        out.push(Reserved { code, reason: None });
                    }
                }
            }
        }
        out
    }

    /// `code_range = [-32099, -32000]`: the first and last code (inclusive)
    /// of a range one entry covers.
    fn code_range(&mut self, t: &DeTable<'_>) -> Option<Located<(i64, i64)>> {
        let v = t.get("code_range")?;
        let at = At::Toml(v.span());
        let ctx = "`[[errors]]`";
        let bounds = match v.get_ref() {
            DeValue::Array(items) if items.len() == 2 => {
                let first = self.int_value(&items[0], "code_range", ctx)?;
                let last = self.int_value(&items[1], "code_range", ctx)?;
                (first.value, last.value)
            }
            _ => {
                self.wrong_type(v, "code_range", ctx, "two integers, `[first, last]`");
                return None;
            }
        };
        Some(Located::new(bounds, at))
    }

    /// An error's code: a string, or under `code_type = "integer"` a TOML
    /// integer, kept as its decimal text (`-32601`).
    fn code(&mut self, t: &DeTable<'_>, at: &At, wire: &Wire) -> Located<String> {
        let ctx = "`[[errors]]`";
        let Some(v) = t.get("code") else {
            self.missing(at, "code", ctx);
            return Located::new(String::new(), at.clone());
        };
        let v_at = At::Toml(v.span());
        // (a `code_type` that did not parse leaves the kind unknown: then
        // either kind is taken, rather than reported against a guess)
        let lost = self.code_type_lost;
        // (an error sent without a code has a name, not a code: any string)
        let named = matches!(
            t.get("code_in_body").map(|v| v.get_ref()),
            Some(DeValue::Boolean(false))
        );
        match (v.get_ref(), wire.integer_codes) {
            (DeValue::String(s), false) => Located::new(s.to_string(), v_at),
            (DeValue::String(s), true) if lost || named => Located::new(s.to_string(), v_at),
            (DeValue::Integer(_), _) if wire.integer_codes || lost => {
                match self.int(t, "code", ctx) {
                    Some(n) => Located::new(n.value.to_string(), v_at),
                    None => Located::new(String::new(), at.clone()),
                }
            }
            (DeValue::Integer(_), false) => {
                self.diags.push(
                    Diagnostic::new(Rule::CodeTypeMismatch, &v_at, "`code` is an integer, but the catalog's codes are strings")
                        .help("write it as a string, or set `code_type = \"integer\"` in `[wire]` when the service sends codes as JSON numbers"),
                );
                Located::new(String::new(), at.clone())
            }
            (DeValue::String(s), true) => {
                self.diags.push(
                    Diagnostic::new(Rule::CodeTypeMismatch, &v_at, format!("`code` \"{s}\" is a string, but the catalog's codes are integers (`code_type = \"integer\"`)"))
                        .help("write it as a TOML integer, e.g. `code = -32601`"),
                );
                Located::new(String::new(), at.clone())
            }
            _ => {
                self.wrong_type(
                    v,
                    "code",
                    ctx,
                    "a string (or an integer, with `code_type = \"integer\"`)",
                );
                Located::new(String::new(), at.clone())
            }
        }
    }

    /// `[types]`: each declared object type's name and its table of members.
    fn type_tables<'t, 'i>(
        &mut self,
        t: &'t DeTable<'i>,
    ) -> Vec<(Located<String>, &'t DeTable<'i>)> {
        let mut out = Vec::new();
        for (k, v) in t.iter() {
            match v.get_ref() {
                DeValue::Table(members) => out.push((
                    Located::new(k.get_ref().to_string(), At::Toml(k.span())),
                    members,
                )),
                _ => self.wrong_type(v, k.get_ref(), "`[types]`", "a table of members"),
            }
        }
        out
    }

    fn fields(
        &mut self,
        t: &DeTable<'_>,
        ctx: &str,
        fields_at: Option<&Located<Pointer>>,
    ) -> Vec<Field> {
        let mut out = Vec::new();
        for (k, v) in t.iter() {
            let wire_name: &str = k.get_ref();
            let key_at = At::Toml(k.span());
            let (ty_val, table) = match v.get_ref() {
                DeValue::String(s) => (Some(Located::new(s.to_string(), At::Toml(v.span()))), None),
                DeValue::Table(ft) => {
                    let fctx = format!("field `{wire_name}` of {ctx}");
                    self.check_keys(ft, &fctx, keys::FIELD);
                    if ft.get("type").is_none() {
                        self.missing(&At::Toml(v.span()), "type", &fctx);
                    }
                    (self.string(ft, "type", &fctx), Some((ft, fctx)))
                }
                _ => {
                    self.err(
                        Rule::ValueType,
                        &At::Toml(v.span()),
                        format!(
                            "field `{wire_name}` of {ctx} must be a type name like \"u64?\" or a table with `type`, found {}",
                            type_name(v.get_ref())
                        ),
                    );
                    continue;
                }
            };
            let Some(ty_val) = ty_val else { continue };
            let declared: Vec<&str> = self.type_names.iter().map(String::as_str).collect();
            let ty = match FieldType::parse_in(&ty_val.value, &declared) {
                Some(ty) => ty,
                None => {
                    let names = BaseType::ALL.iter().map(|(n, _)| *n).chain(declared);
                    let base = ty_val.value.trim_end_matches('?');
                    let base = base
                        .strip_prefix('[')
                        .and_then(|b| b.strip_suffix(']'))
                        .unwrap_or(base);
                    let mut d = Diagnostic::new(
                        Rule::FieldTypeUnknown,
                        &ty_val.at,
                        format!("field `{wire_name}` has unknown type `{}`", ty_val.value),
                    );
                    d = match did_you_mean(base, names.clone()) {
                        Some(m) => d.help(format!(
                            "did you mean `{m}`? (add `?` for an optional field)"
                        )),
                        None => d.help(format!(
                            "expected one of: {} (add `?` for an optional field, write `[string]` for a list)",
                            names.collect::<Vec<_>>().join(", ")
                        )),
                    };
                    self.diags.push(d);
                    continue;
                }
            };
            let mut field = Field {
                wire: Located::new(wire_name.to_string(), key_at.clone()),
                rust: Located::new(snake_case(wire_name), key_at.clone()),
                ty: Located::new(ty, ty_val.at.clone()),
                at_ptr: fields_at.map(|p| Located::new(p.value.child(wire_name), key_at.clone())),
                doc: None,
                internal: false,
            };
            if let Some((ft, fctx)) = table {
                if let Some(p) = self.pointer(ft, "at", &fctx) {
                    field.at_ptr = Some(p);
                }
                if let Some(r) = self.string(ft, "rust", &fctx) {
                    field.rust = r;
                }
                field.doc = self.plain(ft, "doc", &fctx);
                field.internal = self.bool(ft, "internal", &fctx).unwrap_or(false);
            }
            out.push(field);
        }
        out
    }

    fn example(&mut self, t: &DeTable<'_>, at: &At, ctx: &str) -> Example {
        let ectx = format!("an example of {ctx}");
        self.check_keys(t, &ectx, keys::EXAMPLE);
        let body = self.req_string(t, "body", &ectx, at);
        let status = self
            .int(t, "status", &ectx)
            .and_then(|s| u16::try_from(s.value).ok());
        let mut headers = Vec::new();
        if let Some((ht, _)) = self.table(t, "headers", &ectx, at, false) {
            for (k, v) in ht.iter() {
                match v.get_ref() {
                    DeValue::String(s) => headers.push((k.get_ref().to_string(), s.to_string())),
                    _ => self.wrong_type(v, k.get_ref(), &ectx, "a string"),
                }
            }
        }
        Example {
            body,
            status,
            headers,
        }
    }
}
