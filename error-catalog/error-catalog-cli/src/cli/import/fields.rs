//! Each error's own detail fields: the members its responses' schemas add
//! to the envelope, beside the code (or the message), typed from the schema
//! and made optional (a description rarely says a member is always there).

use std::collections::BTreeMap;

use error_catalog_model::naming::{is_rust_ident, snake_case};
use serde_json::Value;

use super::envelope::{members, Envelope, Member};
use super::spec::{type_of, Spec, SpecError};

/// The decoder reads at most 16 values by pointer; the code, the message,
/// the request id and a success mark take some of them.
const MAX_FIELD_POINTERS: usize = 12;

/// Rust names a variant field may not take: the ones every error answers
/// to already, the envelope's request id, and the place for undeclared members.
const RESERVED: [&str; 5] = ["code", "message", "status", "extra", "request_id"];

/// One detail field.
#[derive(Clone)]
pub struct Field {
    /// Its name on the wire.
    pub name: String,
    /// Its Rust name, when snake_case of the wire name will not do.
    pub rust: Option<String>,
    /// Its Rust name, as the catalog will give it.
    rust_name: String,
    /// Its catalog type, `?` included.
    pub ty: String,
    /// Its JSON pointer.
    pub at: String,
    /// The first line of its schema's description.
    pub doc: Option<String>,
}

/// The catalog type of a member's schema.
fn catalog_type(spec: &Spec, schema: &Value) -> Result<String, SpecError> {
    let scalar = |ty: Option<&str>| match ty {
        Some("string") => "string",
        Some("integer") => "i64",
        Some("number") => "f64",
        Some("boolean") => "bool",
        _ => "json",
    };
    Ok(match type_of(schema) {
        Some("array") => {
            let item = match schema.get("items") {
                Some(items) => scalar(type_of(spec.resolve(items)?)),
                None => "json",
            };
            format!("[{item}]")
        }
        ty => scalar(ty).to_string(),
    })
}

/// True when `value` reads as a field of catalog type `ty` (without `?`).
fn fits(ty: &str, value: &Value) -> bool {
    match ty {
        "string" => value.is_string(),
        "i64" => value.is_i64(),
        "f64" => value.is_number(),
        "bool" => value.is_boolean(),
        "json" => true,
        _ => match (
            ty.strip_prefix('[').and_then(|t| t.strip_suffix(']')),
            value,
        ) {
            (Some(item), Value::Array(items)) => items.iter().all(|v| fits(item, v)),
            _ => false,
        },
    }
}

/// The level detail fields sit at: beside the code, else the message, else the root.
fn field_level(envelope: &Envelope) -> Vec<String> {
    let parent = |segments: &[String]| segments[..segments.len().saturating_sub(1)].to_vec();
    match (&envelope.code, &envelope.message) {
        (Some(code), _) => parent(&code.segments),
        (None, Some(message)) => parent(&segments_of(message)),
        (None, None) => Vec::new(),
    }
}

/// `/error/message` → `["error", "message"]`, unescaped.
fn segments_of(pointer: &str) -> Vec<String> {
    pointer
        .split('/')
        .skip(1)
        .map(|s| s.replace("~1", "/").replace("~0", "~"))
        .collect()
}

/// The fields the `schemas` of one error's responses add to the envelope,
/// in name order; a member's type is widened to `json` when one of
/// `examples` holds a value of another type there.
pub fn fields_of(
    spec: &Spec,
    envelope: &Envelope,
    schemas: &[&Value],
    examples: &[Value],
) -> Result<Vec<Field>, SpecError> {
    let level = field_level(envelope);
    let mut found: BTreeMap<String, Field> = BTreeMap::new();
    for schema in schemas {
        for Member {
            pointer,
            segments,
            schema,
        } in members(spec, schema)?
        {
            let Some((name, parent)) = segments.split_last() else {
                continue;
            };
            if parent != level.as_slice()
                || envelope.members.contains(&pointer)
                || found.contains_key(name)
            {
                continue;
            }
            // the Rust name: snake_case of the wire name, `type_` for a keyword
            let snake = snake_case(name);
            let (rust, rust_name) = if is_rust_ident(&snake) {
                (None, snake)
            } else if is_rust_ident(&format!("{snake}_")) {
                (Some(format!("{snake}_")), format!("{snake}_"))
            } else {
                continue;
            };
            if RESERVED.contains(&rust_name.as_str())
                || found.values().any(|f| f.rust_name == rust_name)
            {
                continue;
            }
            let mut ty = catalog_type(spec, &schema)?;
            if examples
                .iter()
                .filter_map(|e| e.pointer(&pointer))
                .any(|v| !v.is_null() && !fits(&ty, v))
            {
                ty = "json".to_string();
            }
            let doc = schema
                .get("description")
                .and_then(Value::as_str)
                .and_then(|d| d.lines().next())
                .map(|d| d.trim().to_string())
                .filter(|d| !d.is_empty());
            found.insert(
                name.clone(),
                Field {
                    name: name.clone(),
                    rust,
                    rust_name,
                    ty: format!("{ty}?"),
                    at: pointer,
                    doc,
                },
            );
        }
    }
    Ok(found.into_values().collect())
}

/// Keeps the fields of all entries within the decoder's slots: pointers in
/// the order entries first name them; fields at later pointers are dropped
/// and named in the returned list.
pub fn within_slots(fields: &mut [Vec<Field>]) -> Vec<String> {
    let mut pointers: Vec<String> = Vec::new();
    let mut dropped = Vec::new();
    for list in fields.iter_mut() {
        list.retain(|f| {
            if pointers.contains(&f.at) {
                return true;
            }
            if pointers.len() < MAX_FIELD_POINTERS {
                pointers.push(f.at.clone());
                return true;
            }
            dropped.push(f.at.clone());
            false
        });
    }
    dropped.sort();
    dropped.dedup();
    dropped
}
