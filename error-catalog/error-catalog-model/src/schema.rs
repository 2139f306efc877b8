//! JSON Schema (2020-12) for a catalog's error bodies: one schema per error
//! (its code as a `const`, the members its `when` requires, its fields with
//! their types, required or optional as the catalog says), the declared object
//! types, and one schema for the whole envelope that accepts any of them.
//!
//! Members a catalog does not describe are allowed (the decoder keeps them),
//! so a schema checks what the catalog says and nothing more.

use error_catalog_core::engine::Select;
use serde_json::{json, Map, Value};

use crate::model::{BaseType, Catalog, ErrorEntry, FieldType, ObjectType};
use crate::response::fields_of;

/// The JSON Schema dialect the schemas are written in.
pub const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// The schema of the service's error bodies: `$defs` holds one schema per
/// error (named enum name + variant, `GithubErrorNotFound`) and per declared
/// object type (its name); the root accepts any error's.
///
/// Errors are combined with `oneOf` when the code alone tells every error
/// apart (each error's schema has its own `const` code, or with `code_cut` a
/// `pattern` around it, so a body matches at most one), and with `anyOf`
/// otherwise: errors told apart by status, message patterns or conditions, or
/// by a code a header may carry instead (`code_header`), have schemas a body
/// can match together.
///
/// ```
/// let c = error_catalog_model::load_str("shop.toml", r#"
/// [service]
/// id = "shop"
/// name = "Shop"
/// [wire]
/// preset = "nested"
/// [[errors]]
/// code = "NOT_FOUND"
/// status = 404
/// message = "Customer {id} not found"
/// fields = { id = "string" }
/// "#).unwrap();
/// let s = error_catalog_model::schema::envelope(&c);
/// let e = &s["$defs"]["ShopErrorNotFound"];
/// assert_eq!(e["properties"]["error"]["properties"]["code"]["const"], "NOT_FOUND");
/// assert_eq!(e["properties"]["error"]["properties"]["id"]["type"], "string");
/// assert_eq!(s["oneOf"][0]["$ref"], "#/$defs/ShopErrorNotFound");
/// ```
pub fn envelope(c: &Catalog) -> Value {
    let title = format!("{} error", c.service.name.value);
    document(c, &title, error_schema)
}

/// The schema document: `$defs` holds `schema_of` each error and each
/// declared type's schema; the root combines the errors (see [`envelope`]).
fn document(c: &Catalog, title: &str, schema_of: fn(&Catalog, &ErrorEntry) -> Value) -> Value {
    let mut defs = Map::new();
    let mut refs = Vec::new();
    for e in &c.errors {
        let name = def_name(c, e);
        refs.push(json!({ "$ref": format!("#/$defs/{name}") }));
        defs.insert(name, schema_of(c, e));
    }
    for t in &c.types {
        defs.insert(t.name.value.clone(), object_schema(c, t));
    }
    // (a code a header may carry instead leaves the body's code optional:
    // bodies without one match several errors)
    let combine = if c.wire.identity == error_catalog_core::engine::Identity::Code
        && !c.conditional()
        && c.wire.code_header.is_none()
        && c.wire.envelopes.is_empty()
    {
        "oneOf"
    } else {
        "anyOf"
    };
    let mut root = Map::new();
    root.insert("$schema".into(), json!(DIALECT));
    root.insert("title".into(), json!(title));
    if let Some(d) = &c.service.description {
        root.insert("description".into(), json!(d));
    }
    root.insert(combine.into(), Value::Array(refs));
    root.insert("$defs".into(), Value::Object(defs));
    Value::Object(root)
}

/// The schema of the service's errors as RFC 9457 problem details (what
/// `error_catalog::problem::Problem` writes): per error, `type`, `title`,
/// `detail`, its `status` and `code` as constants, and its fields as
/// extension members (under `fields` where a name is one problem details
/// define). Combined as [`envelope`] combines them.
///
/// ```
/// let c = error_catalog_model::load_str("shop.toml", r#"
/// [service]
/// id = "shop"
/// name = "Shop"
/// [wire]
/// preset = "nested"
/// [[errors]]
/// code = "NOT_FOUND"
/// status = 404
/// message = "Customer {id} not found"
/// fields = { id = "string", type = { type = "string?", rust = "kind" } }
/// "#).unwrap();
/// let s = error_catalog_model::schema::problem(&c);
/// let e = &s["$defs"]["ShopErrorNotFound"]["properties"];
/// assert_eq!(e["status"]["const"], 404);
/// assert_eq!(e["code"]["const"], "NOT_FOUND");
/// assert_eq!(e["id"]["type"], "string");
/// assert!(e["fields"]["properties"]["type"].is_object());
/// ```
pub fn problem(c: &Catalog) -> Value {
    let title = format!("{} error (problem details)", c.service.name.value);
    document(c, &title, problem_schema)
}

/// The members problem details define: an error's field of one of these
/// names is written under `fields` (`error_catalog::problem::RESERVED`).
const PROBLEM_MEMBERS: &[&str] = &[
    "type", "title", "status", "detail", "code", "instance", "fields",
];

/// One error as problem details.
fn problem_schema(c: &Catalog, e: &ErrorEntry) -> Value {
    let mut o = Obj::default();
    let text = json!({ "type": "string" });
    o.put(&["type".into()], text.clone(), true);
    o.put(&["title".into()], text.clone(), true);
    if let Some(s) = e.status_u16() {
        o.put(&["status".into()], json!({ "const": s }), true);
    }
    o.put(&["detail".into()], text, true);
    // `code()`: the code's text (a range's is the range, `-32099..=-32000`)
    let code = match &e.code_range {
        Some(r) => format!("{}..={}", r.value.0, r.value.1),
        None => e.code.value.clone(),
    };
    o.put(&["code".into()], json!({ "const": code }), true);
    for f in fields_of(c, e) {
        let name = f.wire.value.clone();
        let path = if PROBLEM_MEMBERS.contains(&name.as_str()) {
            vec!["fields".to_string(), name]
        } else {
            vec![name]
        };
        let optional = f.ty.value.optional;
        o.put(&path, type_schema(c, f.ty.value), !optional);
    }
    let mut s = o.into_schema();
    if let Value::Object(m) = &mut s {
        m.insert("title".into(), json!(e.code.value));
    }
    s
}

/// The `$defs` name of an error's schema: the enum's name and the variant's.
pub fn def_name(c: &Catalog, e: &ErrorEntry) -> String {
    format!("{}{}", c.service.enum_name.value, e.variant.value)
}

/// An object under construction: its members (in catalog order) and which of
/// them must be there.
#[derive(Default)]
struct Obj {
    members: Vec<(String, SchemaNode)>,
    required: Vec<String>,
}

enum SchemaNode {
    Leaf(Value),
    Obj(Obj),
}

impl Obj {
    /// Puts `leaf` at the path `segs` (objects created on the way; required
    /// all the way down when `required`). The first leaf at a path wins.
    fn put(&mut self, segs: &[String], leaf: Value, required: bool) {
        let Some((first, rest)) = segs.split_first() else {
            return;
        };
        if required && !self.required.contains(first) {
            self.required.push(first.clone());
        }
        let pos = self.members.iter().position(|(k, _)| k == first);
        if rest.is_empty() {
            if pos.is_none() {
                self.members.push((first.clone(), SchemaNode::Leaf(leaf)));
            }
            return;
        }
        let i = match pos {
            Some(i) => i,
            None => {
                self.members
                    .push((first.clone(), SchemaNode::Obj(Obj::default())));
                self.members.len() - 1
            }
        };
        if let Some((_, SchemaNode::Obj(o))) = self.members.get_mut(i) {
            o.put(rest, leaf, required);
        }
    }

    fn into_schema(self) -> Value {
        let selects =
            !self.members.is_empty() && self.members.iter().all(|(k, _)| Select::of(k).is_some());
        if selects {
            return self.into_array_schema();
        }
        let mut props = Map::new();
        for (k, m) in self.members {
            let v = match m {
                SchemaNode::Leaf(v) => v,
                SchemaNode::Obj(o) => o.into_schema(),
            };
            props.insert(k, v);
        }
        let mut out = Map::new();
        out.insert("type".into(), json!("object"));
        out.insert("properties".into(), Value::Object(props));
        if !self.required.is_empty() {
            out.insert("required".into(), json!(self.required));
        }
        Value::Object(out)
    }
}

impl Obj {
    /// An object whose members all select array elements is an array that
    /// contains each: the element a `[member=value]` selector takes has that
    /// member.
    fn into_array_schema(self) -> Value {
        let mut contains = Vec::new();
        for (k, m) in self.members {
            let mut element = match m {
                SchemaNode::Leaf(v) => v,
                SchemaNode::Obj(o) => o.into_schema(),
            };
            if let (Some(Select::Where { member, value }), Value::Object(e)) =
                (Select::of(&k), &mut element)
            {
                if let Some(Value::Object(props)) = e.get_mut("properties") {
                    props.insert(member.to_string(), json!({ "const": value }));
                }
                match e.get_mut("required") {
                    Some(Value::Array(r)) => r.push(json!(member)),
                    _ => {
                        e.insert("required".into(), json!([member]));
                    }
                }
            }
            contains.push(element);
        }
        match <[Value; 1]>::try_from(contains) {
            Ok([one]) => json!({ "type": "array", "contains": one }),
            Err(all) => json!({
                "type": "array",
                "allOf": all.into_iter().map(|c| json!({ "contains": c })).collect::<Vec<_>>(),
            }),
        }
    }
}

/// One error's body.
fn error_schema(c: &Catalog, e: &ErrorEntry) -> Value {
    let w = c.wire_of(e);
    let mut root = Obj::default();
    let mut whole: Option<Value> = None;
    let mut put = |segs: &[String], leaf: Value, required: bool| {
        if segs.is_empty() {
            // the body itself is this value (a bare message)
            whole.get_or_insert(leaf);
        } else {
            root.put(segs, leaf, required);
        }
    };
    if let Some(p) = &w.code {
        match (&e.code_range, e.sends_code()) {
            (Some(r), _) => {
                let (lo, hi) = r.value;
                put(
                    &p.value.segments,
                    json!({ "type": "integer", "minimum": lo, "maximum": hi }),
                    true,
                );
            }
            // a code sent with a namespace or a suffix: the bare code between
            // them; not required where a header may carry it instead
            (None, true) if w.code_cut.is_some() => {
                let cut = w.code_cut.as_ref().map(|c| &c.value);
                let esc = |t: &str| {
                    t.chars().fold(String::new(), |mut out, ch| {
                        if "\\^$.|?*+()[]{}/-".contains(ch) {
                            out.push('\\');
                        }
                        out.push(ch);
                        out
                    })
                };
                let after = cut
                    .and_then(|c| c.after.as_deref())
                    .map_or(String::new(), |a| format!("(.*{})?", esc(a)));
                let before = cut
                    .and_then(|c| c.before.as_deref())
                    .map_or(String::new(), |b| format!("({}.*)?", esc(b)));
                let pattern = format!("^{after}{}{before}$", esc(&e.code.value));
                put(
                    &p.value.segments,
                    json!({ "type": "string", "pattern": pattern }),
                    w.code_header.is_none(),
                );
            }
            (None, true) => {
                let code = match e.code.value.parse::<i64>() {
                    Ok(n) if w.integer_codes => json!(n),
                    _ => json!(e.code.value),
                };
                put(&p.value.segments, json!({ "const": code }), true);
            }
            (None, false) => put(&p.value.segments, json!({ "type": "null" }), false),
        }
    }
    for (p, v) in &e.when {
        let value: Value = serde_json::from_str(&v.value).unwrap_or(Value::Null);
        put(&p.value.segments, json!({ "const": value }), true);
    }
    if let Some(p) = &w.message {
        put(&p.value.segments, json!({ "type": "string" }), true);
    }
    for p in [&w.suggestion, &w.docs_url, &w.fix_command]
        .into_iter()
        .flatten()
    {
        put(
            &p.value.segments,
            nullable(json!({ "type": "string" })),
            false,
        );
    }
    for f in fields_of(c, e) {
        if let Some(p) = &f.at_ptr {
            let mut s = type_schema(c, f.ty.value);
            if let (Some(d), Value::Object(m)) = (&f.doc, &mut s) {
                m.insert("description".into(), json!(d));
            }
            put(&p.value.segments, s, !f.ty.value.optional);
        }
    }
    let mut s = match whole {
        Some(v) => v,
        None => root.into_schema(),
    };
    if let Value::Object(m) = &mut s {
        m.insert("title".into(), json!(e.code.value));
        let mut about = e.message.value.clone();
        if let Some(status) = e.status_u16() {
            about = format!("HTTP {status}: {about}");
        }
        m.insert("description".into(), json!(about));
    }
    s
}

/// A declared object type's schema.
fn object_schema(c: &Catalog, t: &ObjectType) -> Value {
    let mut o = Obj::default();
    for m in &t.members {
        let mut s = type_schema(c, m.ty.value);
        if let (Some(d), Value::Object(map)) = (&m.doc, &mut s) {
            map.insert("description".into(), json!(d));
        }
        o.put(std::slice::from_ref(&m.wire.value), s, !m.ty.value.optional);
    }
    o.into_schema()
}

/// The schema of a value of type `t` (`null` allowed when it is optional).
pub fn type_schema(c: &Catalog, t: FieldType) -> Value {
    let base = match t.base {
        BaseType::String => json!({ "type": "string" }),
        BaseType::Bool => json!({ "type": "boolean" }),
        BaseType::I32 => json!({ "type": "integer", "minimum": i32::MIN, "maximum": i32::MAX }),
        BaseType::I64 => json!({ "type": "integer", "minimum": i64::MIN, "maximum": i64::MAX }),
        BaseType::U8 => json!({ "type": "integer", "minimum": 0, "maximum": u8::MAX }),
        BaseType::U16 => json!({ "type": "integer", "minimum": 0, "maximum": u16::MAX }),
        BaseType::U32 => json!({ "type": "integer", "minimum": 0, "maximum": u32::MAX }),
        BaseType::U64 => json!({ "type": "integer", "minimum": 0, "maximum": u64::MAX }),
        BaseType::F64 => json!({ "type": "number" }),
        BaseType::Json => json!({}),
        BaseType::Object(i) => {
            let name = c
                .types
                .get(usize::from(i))
                .map_or("object", |t| t.name.value.as_str());
            json!({ "$ref": format!("#/$defs/{name}") })
        }
    };
    let s = if t.list {
        json!({ "type": "array", "items": base })
    } else {
        base
    };
    if t.optional {
        nullable(s)
    } else {
        s
    }
}

/// `s` or `null`.
fn nullable(s: Value) -> Value {
    if s == json!({}) {
        return s;
    }
    json!({ "anyOf": [s, { "type": "null" }] })
}
