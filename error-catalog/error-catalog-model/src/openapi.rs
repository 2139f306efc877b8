//! An OpenAPI 3.1 fragment from a catalog, to merge into a service's spec:
//! `components.schemas` (the JSON Schema of [`crate::schema`], references
//! moved under `#/components/schemas/`) and `components.responses`, one per
//! HTTP status, listing every error of that status as a named example, with
//! the headers those errors come with.

use serde_json::{json, Map, Value};

use crate::docs::example_body;
use crate::model::{Catalog, ErrorEntry, RetryRule};
use crate::schema;

/// The fragment, as a JSON value: `{"components": {"schemas": …, "responses": …}}`.
/// Responses are named enum + status (`KyaError429`; `KyaErrorDefault` for
/// errors without a status), their examples by variant; the envelope schema
/// is named after the enum.
///
/// ```
/// let kya = error_catalog_model::load_str("kya.toml", r#"
/// [service]
/// id = "kya"
/// name = "KYA"
/// [wire]
/// preset = "coded"
/// [[errors]]
/// code = "RATE_LIMITED"
/// status = 429
/// message = "Slow down"
/// retry = "after"
/// "#).unwrap();
/// let f = error_catalog_model::openapi::fragment(&kya);
/// let r = &f["components"]["responses"]["KyaError429"];
/// assert!(r["content"]["application/json"]["examples"]["RateLimited"]["value"].is_object());
/// assert!(r["headers"]["Retry-After"].is_object());
/// assert!(f["components"]["schemas"]["KyaErrorRateLimited"].is_object());
/// ```
pub fn fragment(c: &Catalog) -> Value {
    let envelope = schema::envelope(c);
    let mut schemas = Map::new();
    if let Some(Value::Object(defs)) = envelope.get("$defs") {
        for (k, v) in defs {
            schemas.insert(k.clone(), moved_refs(v.clone()));
        }
    }
    let mut whole = Map::new();
    for key in ["title", "description", "oneOf", "anyOf"] {
        if let Some(v) = envelope.get(key) {
            whole.insert(key.into(), moved_refs(v.clone()));
        }
    }
    schemas.insert(c.service.enum_name.value.clone(), Value::Object(whole));

    // statuses in catalog order of first appearance
    let mut groups: Vec<(Option<u16>, Vec<&ErrorEntry>)> = Vec::new();
    for e in &c.errors {
        let s = e.status_u16();
        match groups.iter_mut().find(|(g, _)| *g == s) {
            Some((_, list)) => list.push(e),
            None => groups.push((s, vec![e])),
        }
    }
    let mut responses = Map::new();
    for (status, errors) in groups {
        let name = match status {
            Some(s) => format!("{}{s}", c.service.enum_name.value),
            None => format!("{}Default", c.service.enum_name.value),
        };
        responses.insert(name, response(c, status, &errors));
    }
    json!({ "components": { "schemas": schemas, "responses": responses } })
}

/// What the `utoipa` integration of a generated enum is made from, as JSON
/// text: the enum's name, its schema, the schemas it refers to (by name), and
/// its responses by status (`"429"`, `"default"`). utoipa's schema model has
/// no `const` and reads no schema without a `type`, so constants are written
/// as one-value `enum`s and "any value" as every type here.
///
/// ```
/// let c = error_catalog_model::load_str("shop.toml", r#"
/// [service]
/// id = "shop"
/// name = "Shop"
/// [wire]
/// preset = "flat"
/// [[errors]]
/// code = "NOT_FOUND"
/// status = 404
/// message = "Not found"
/// "#).unwrap();
/// let d = error_catalog_model::openapi::utoipa_data(&c);
/// assert_eq!(d.name, "ShopError");
/// assert!(d.schemas.contains("\"enum\":[\"NOT_FOUND\"]"));
/// assert!(d.responses.starts_with("{\"404\":"));
/// ```
pub fn utoipa_data(c: &Catalog) -> UtoipaData {
    let fragment = fragment(c);
    let name = c.service.enum_name.value.clone();
    let mut schemas = match &fragment["components"]["schemas"] {
        Value::Object(m) => m.clone(),
        _ => Map::new(),
    };
    let own = schemas.remove(&name).unwrap_or(Value::Null);
    let prefix = name.as_str();
    let responses: Map<String, Value> = match &fragment["components"]["responses"] {
        Value::Object(m) => m
            .iter()
            .map(|(k, v)| {
                let status = k.strip_prefix(prefix).unwrap_or(k);
                let status = if status == "Default" {
                    "default"
                } else {
                    status
                };
                (status.to_string(), v.clone())
            })
            .collect(),
        _ => Map::new(),
    };
    let schemas: Map<String, Value> = schemas
        .into_iter()
        .map(|(k, v)| (k, for_utoipa(v)))
        .collect();
    let responses: Map<String, Value> = responses
        .into_iter()
        .map(|(k, v)| (k, response_for_utoipa(v)))
        .collect();
    UtoipaData {
        schema: for_utoipa(own).to_string(),
        schemas: Value::Object(schemas).to_string(),
        responses: Value::Object(responses).to_string(),
        name,
    }
}

/// See [`utoipa_data`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UtoipaData {
    /// The enum's name (the schema's name in `components.schemas`).
    pub name: String,
    /// The enum's schema (any of its errors).
    pub schema: String,
    /// The schemas of its errors and declared types, by name.
    pub schemas: String,
    /// Its responses, by status.
    pub responses: String,
}

/// Schema `v` as utoipa's schema model reads it: `"const": x` written
/// `"enum": [x]` with the `type` of `x`, and a schema that names no type (any
/// value) given every type, as utoipa reads no schema without one. Walks the
/// schemas inside (`properties`, `items`, `anyOf`, `oneOf`) and nothing else.
fn for_utoipa(v: Value) -> Value {
    let Value::Object(m) = v else {
        return v;
    };
    let mut out = Map::new();
    for (k, v) in m {
        match k.as_str() {
            "const" => {
                let ty = match &v {
                    Value::String(_) => "string",
                    Value::Bool(_) => "boolean",
                    Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
                    Value::Number(_) => "number",
                    Value::Null => "null",
                    Value::Array(_) => "array",
                    Value::Object(_) => "object",
                };
                out.entry("type").or_insert(json!(ty));
                out.insert("enum".into(), json!([v]));
            }
            "properties" => {
                let props = match v {
                    Value::Object(p) => p.into_iter().map(|(n, s)| (n, for_utoipa(s))).collect(),
                    other => other,
                };
                out.insert(k, props);
            }
            "items" => {
                out.insert(k, for_utoipa(v));
            }
            "anyOf" | "oneOf" | "allOf" => {
                let all = match v {
                    Value::Array(a) => Value::Array(a.into_iter().map(for_utoipa).collect()),
                    other => other,
                };
                out.insert(k, all);
            }
            _ => {
                out.insert(k, v);
            }
        }
    }
    let typed = ["type", "$ref", "anyOf", "oneOf", "allOf", "enum"]
        .iter()
        .any(|k| out.contains_key(*k));
    if !typed {
        out.insert(
            "type".into(),
            json!(["object", "array", "string", "number", "boolean", "null"]),
        );
    }
    Value::Object(out)
}

/// A response with the schemas of its content made [`for_utoipa`].
fn response_for_utoipa(mut r: Value) -> Value {
    if let Some(Value::Object(content)) = r.get_mut("content") {
        for media in content.values_mut() {
            if let Some(s) = media.get_mut("schema") {
                *s = for_utoipa(s.take());
            }
        }
    }
    r
}

/// The response object of one status.
fn response(c: &Catalog, status: Option<u16>, errors: &[&ErrorEntry]) -> Value {
    let refs: Vec<Value> = errors
        .iter()
        .map(|e| json!({ "$ref": format!("#/components/schemas/{}", schema::def_name(c, e)) }))
        .collect();
    let schema = match refs.as_slice() {
        [one] => one.clone(),
        _ => json!({ "anyOf": refs }),
    };
    let mut examples = Map::new();
    for e in errors {
        let text = e
            .examples
            .iter()
            .find(|x| x.status.is_none() || x.status == status)
            .map_or_else(|| example_body(c, e), |x| x.body.value.clone());
        let value = serde_json::from_str::<Value>(&text).unwrap_or(Value::String(text));
        let summary = e.title.clone().unwrap_or_else(|| e.message.value.clone());
        // (named by variant: entries told apart by `when` share a code)
        examples.insert(
            e.variant.value.clone(),
            json!({ "summary": summary, "value": value }),
        );
    }
    let codes: Vec<&str> = errors.iter().map(|e| e.code.value.as_str()).collect();
    let description = match status {
        Some(s) => format!("HTTP {s}: {}", codes.join(", ")),
        None => format!("Errors without a fixed status: {}", codes.join(", ")),
    };
    let mut out = Map::new();
    out.insert("description".into(), json!(description));
    let headers = headers(c, errors);
    if !headers.is_empty() {
        out.insert("headers".into(), Value::Object(headers));
    }
    out.insert(
        "content".into(),
        json!({ c.wire.content_type.clone(): { "schema": schema, "examples": examples } }),
    );
    Value::Object(out)
}

/// The headers the errors of one status come with: `Retry-After` (or the
/// catalog's name for it) when one of them is retried after a wait, and the
/// rate-limit and request-id headers the catalog names.
fn headers(c: &Catalog, errors: &[&ErrorEntry]) -> Map<String, Value> {
    let names = c.headers.names(&[]);
    let mut out = Map::new();
    let mut add = |name: &str, schema: Value, description: &str| {
        out.insert(
            name.to_string(),
            json!({ "description": description, "schema": schema }),
        );
    };
    if errors.iter().any(|e| e.retry == RetryRule::After) {
        add(
            names.retry_after,
            json!({ "type": "string" }),
            "Seconds to wait, or an HTTP date, before retrying.",
        );
    }
    let h = &c.headers;
    let int = json!({ "type": "integer", "minimum": 0 });
    if h.rate_limit_limit.is_some() {
        add(
            names.rate_limit_limit,
            int.clone(),
            "Requests allowed in the window.",
        );
    }
    if h.rate_limit_remaining.is_some() {
        add(
            names.rate_limit_remaining,
            int.clone(),
            "Requests left in the window.",
        );
    }
    if h.rate_limit_reset.is_some() {
        add(
            names.rate_limit_reset,
            json!({ "type": "string" }),
            "When the window resets.",
        );
    }
    if h.request_id.is_some() {
        add(
            names.request_id,
            json!({ "type": "string" }),
            "The request's id, for support.",
        );
    }
    out
}

/// `v` with every `#/$defs/` reference moved to `#/components/schemas/`.
fn moved_refs(v: Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.into_iter()
                .map(|(k, v)| {
                    let v = match (k.as_str(), v) {
                        ("$ref", Value::String(r)) => {
                            Value::String(r.replacen("#/$defs/", "#/components/schemas/", 1))
                        }
                        (_, v) => moved_refs(v),
                    };
                    (k, v)
                })
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.into_iter().map(moved_refs).collect()),
        other => other,
    }
}

/// `v` written as YAML (block style; strings double-quoted, so every JSON
/// string is one YAML scalar of the same text).
///
/// ```
/// let v = serde_json::json!({"a": {"b": [1, "two"]}, "c": {}});
/// assert_eq!(
///     error_catalog_model::openapi::to_yaml(&v),
///     "\"a\":\n  \"b\":\n    - 1\n    - \"two\"\n\"c\": {}\n"
/// );
/// ```
pub fn to_yaml(v: &Value) -> String {
    let mut out = String::new();
    yaml_value(v, 0, &mut out);
    out
}

fn yaml_scalar(v: &Value) -> Option<String> {
    match v {
        Value::Object(m) if m.is_empty() => Some("{}".into()),
        Value::Array(a) if a.is_empty() => Some("[]".into()),
        Value::Object(_) | Value::Array(_) => None,
        // JSON's string escapes are YAML's double-quoted escapes
        other => Some(other.to_string()),
    }
}

/// Writes the members or items of `v` at `indent`, one per line.
fn yaml_value(v: &Value, indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    match v {
        Value::Object(m) if !m.is_empty() => {
            for (k, child) in m {
                let key = Value::String(k.clone()).to_string();
                match yaml_scalar(child) {
                    Some(s) => out.push_str(&format!("{pad}{key}: {s}\n")),
                    None => {
                        out.push_str(&format!("{pad}{key}:\n"));
                        yaml_value(child, indent + 2, out);
                    }
                }
            }
        }
        Value::Array(a) if !a.is_empty() => {
            for item in a {
                match yaml_scalar(item) {
                    Some(s) => out.push_str(&format!("{pad}- {s}\n")),
                    None => {
                        // the item's first line goes after `- `, the rest under it
                        let mut inner = String::new();
                        yaml_value(item, indent + 2, &mut inner);
                        let inner = inner.trim_start_matches(' ');
                        out.push_str(&format!("{pad}- {inner}"));
                    }
                }
            }
        }
        other => {
            if let Some(s) = yaml_scalar(other) {
                out.push_str(&format!("{pad}{s}\n"));
            }
        }
    }
}
