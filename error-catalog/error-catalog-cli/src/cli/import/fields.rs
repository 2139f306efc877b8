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
pub const MAX_FIELD_POINTERS: usize = 12;

/// At most this many envelope members become fields every error carries.
const MAX_ENVELOPE_FIELDS: usize = 6;

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

/// A field for the member `name` at `pointer`, unless its name makes no Rust
/// name or one `taken` (or reserved) already; its type is widened to `json`
/// when one of `examples` holds a value of another type there.
fn make_field(
    spec: &Spec,
    member: &Member,
    examples: &[Value],
    taken: &[Field],
) -> Result<Option<Field>, SpecError> {
    let Some(name) = member.segments.last() else {
        return Ok(None);
    };
    // the Rust name: snake_case of the wire name, `type_` for a keyword
    let snake = snake_case(name);
    let (rust, rust_name) = if is_rust_ident(&snake) {
        (None, snake)
    } else if is_rust_ident(&format!("{snake}_")) {
        (Some(format!("{snake}_")), format!("{snake}_"))
    } else {
        return Ok(None);
    };
    if RESERVED.contains(&rust_name.as_str()) || taken.iter().any(|f| f.rust_name == rust_name) {
        return Ok(None);
    }
    let mut ty = catalog_type(spec, &member.schema)?;
    if examples
        .iter()
        .filter_map(|e| e.pointer(&member.pointer))
        .any(|v| !v.is_null() && !fits(&ty, v))
    {
        ty = "json".to_string();
    }
    let doc = member
        .schema
        .get("description")
        .and_then(Value::as_str)
        .and_then(|d| d.lines().next())
        .map(|d| d.trim().to_string())
        .filter(|d| !d.is_empty());
    Ok(Some(Field {
        name: name.clone(),
        rust,
        rust_name,
        ty: format!("{ty}?"),
        at: member.pointer.clone(),
        doc,
    }))
}

/// The envelope's own fields: the members beside its code (or message)
/// that are not the code, the message, the docs URL or the request id, in
/// name order, at most [`MAX_ENVELOPE_FIELDS`] (single values first, whole
/// objects last); the pointers of those left out come second.
pub fn envelope_fields(
    spec: &Spec,
    envelope: &Envelope,
    examples: &[Value],
) -> Result<(Vec<Field>, Vec<String>), SpecError> {
    let level = field_level(envelope);
    let named: Vec<&str> = [
        envelope.code.as_ref().map(|c| c.pointer.as_str()),
        envelope.message.as_deref(),
        envelope.docs_url.as_deref(),
        envelope.request_id.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect();
    let mut fields: Vec<Field> = Vec::new();
    for member in &envelope.common {
        let parent = &member.segments[..member.segments.len().saturating_sub(1)];
        if parent != level.as_slice() || named.contains(&member.pointer.as_str()) {
            continue;
        }
        if let Some(field) = make_field(spec, member, examples, &fields)? {
            fields.push(field);
        }
    }
    // single values before whole objects, each kind in name order
    fields.sort_by_key(|f| f.ty == "json?");
    let dropped = fields
        .split_off(fields.len().min(MAX_ENVELOPE_FIELDS))
        .into_iter()
        .map(|f| f.at)
        .collect();
    fields.sort_by(|a, b| a.name.cmp(&b.name));
    Ok((fields, dropped))
}

/// The fields the `schemas` of one error's responses add to the envelope,
/// in name order (see [`make_field`]).
pub fn fields_of(
    spec: &Spec,
    envelope: &Envelope,
    schemas: &[&Value],
    examples: &[Value],
) -> Result<Vec<Field>, SpecError> {
    let level = field_level(envelope);
    let mut found: BTreeMap<String, Field> = BTreeMap::new();
    for schema in schemas {
        for member in members(spec, schema)? {
            let Some((name, parent)) = member.segments.split_last() else {
                continue;
            };
            if parent != level.as_slice()
                || envelope.members.contains(&member.pointer)
                || found.contains_key(name)
            {
                continue;
            }
            let taken: Vec<Field> = found.values().cloned().collect();
            if let Some(field) = make_field(spec, &member, examples, &taken)? {
                found.insert(name.clone(), field);
            }
        }
    }
    Ok(found.into_values().collect())
}

/// Keeps the fields of all entries within `budget` of the decoder's slots:
/// pointers in the order entries first name them; fields at later pointers
/// are dropped and named in the returned list.
pub fn within_slots(fields: &mut [Vec<Field>], budget: usize) -> Vec<String> {
    let mut pointers: Vec<String> = Vec::new();
    let mut dropped = Vec::new();
    for list in fields.iter_mut() {
        list.retain(|f| {
            if pointers.contains(&f.at) {
                return true;
            }
            if pointers.len() < budget {
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
