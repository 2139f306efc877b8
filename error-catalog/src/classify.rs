//! Classifying a response against a catalog loaded at run time, with the same
//! engine ([`error_catalog_core::engine`]) and layout ([`crate::layout`]) that generated code uses.

use serde_json::{Map, Value};

use crate::layout::{Place, WireLayout};
use crate::model::{BaseType, Catalog, ErrorEntry, Field, FieldType};
use crate::validate::hole_kind;
use error_catalog_core::engine::{capture, Entry, Layout, Table};
use error_catalog_core::template::{PatternSeg, Template};

/// What a response turned out to be.
#[derive(Debug, Clone, PartialEq)]
pub struct Classification {
    /// The catalog entry, when one was recognised and its fields decoded.
    pub entry: Option<usize>,
    /// The code found in the body.
    pub code: Option<String>,
    /// The message found in the body.
    pub message: Option<String>,
    /// The entry's fields by wire name (absent optional fields left out).
    pub fields: Map<String, Value>,
    /// Members the entry does not declare, by JSON pointer.
    pub extras: Vec<(String, Value)>,
    /// Why it is not a known error, for the fallback.
    pub reason: Option<String>,
}

/// The fields of `e` in the order generated enums declare them: its own, then the envelope's.
pub fn fields_of<'c>(c: &'c Catalog, e: &'c ErrorEntry) -> Vec<&'c Field> {
    e.fields.iter().chain(&c.wire.fields).collect()
}

/// Classifies `body` received with `status`.
///
/// ```
/// let shop = error_catalog_codegen::load_str("shop.toml", r#"
/// [service]
/// id = "shop"
/// name = "Shop API"
/// [wire]
/// preset = "nested"
/// [[errors]]
/// code = "NOT_FOUND"
/// status = 404
/// message = "Customer {id} not found"
/// fields = { id = "string" }
/// "#).unwrap();
/// let body = br#"{"error": {"code": "NOT_FOUND", "message": "Customer 7 not found", "id": "7"}}"#;
/// let r = error_catalog_codegen::classify::classify(&shop, 404, body);
/// assert_eq!(shop.errors[r.entry.unwrap()].code.value, "NOT_FOUND");
/// assert_eq!(r.fields["id"], "7");
/// ```
pub fn classify(c: &Catalog, status: u16, body: &[u8]) -> Classification {
    let mut out = Classification {
        entry: None,
        code: None,
        message: None,
        fields: Map::new(),
        extras: Vec::new(),
        reason: None,
    };
    let mut layout = WireLayout::new(&c.wire);
    let places: Vec<Vec<Place>> = c
        .errors
        .iter()
        .map(|e| {
            fields_of(c, e)
                .iter()
                .map(|f| {
                    layout.place(
                        &c.wire,
                        e,
                        &f.wire.value,
                        f.at_ptr.as_ref().map(|p| &p.value),
                    )
                })
                .collect()
        })
        .collect();
    let segs: Vec<Vec<&str>> = layout
        .slots
        .iter()
        .map(|p| p.segments.iter().map(String::as_str).collect())
        .collect();
    let slot_refs: Vec<&[&str]> = segs.iter().map(Vec::as_slice).collect();
    let fields_at: Option<Vec<&str>> = layout
        .fields_at
        .as_ref()
        .map(|p| p.segments.iter().map(String::as_str).collect());
    let view = Layout {
        slots: &slot_refs,
        fields_at: fields_at.as_deref(),
    };

    let templates: Vec<Vec<Template>> = c
        .errors
        .iter()
        .map(|e| {
            e.matches
                .iter()
                .filter_map(|m| Template::parse(&m.value).ok())
                .collect()
        })
        .collect();
    let patterns: Vec<Vec<Vec<PatternSeg<'_>>>> = c
        .errors
        .iter()
        .zip(&templates)
        .map(|(e, ts)| {
            let fields = fields_of(c, e);
            ts.iter()
                .map(|t| {
                    t.pattern(|name| {
                        let i = fields
                            .iter()
                            .position(|f| f.wire.value == name)
                            .unwrap_or(usize::MAX);
                        (i, hole_kind(c, e, name))
                    })
                })
                .collect()
        })
        .collect();
    let pattern_refs: Vec<Vec<&[PatternSeg<'_>]>> = patterns
        .iter()
        .map(|ps| ps.iter().map(Vec::as_slice).collect())
        .collect();
    let entries: Vec<Entry<'_>> = c
        .errors
        .iter()
        .zip(&pattern_refs)
        .map(|(e, ps)| Entry {
            code: &e.code.value,
            status: e.status_u16(),
            patterns: ps,
            by_status: c.wire.identity != error_catalog_core::engine::Identity::Code
                && e.matches.is_empty()
                && e.status_u16().is_some(),
        })
        .collect();
    let codes: Vec<&str> = c.errors.iter().map(|e| e.code.value.as_str()).collect();
    let by_code = error_catalog_core::engine::code_index(&codes);
    let mut order: Vec<(u16, i64)> = c
        .errors
        .iter()
        .enumerate()
        .filter(|(_, e)| !e.matches.is_empty())
        .map(|(i, e)| (u16::try_from(i).unwrap_or(u16::MAX), e.priority))
        .collect();
    order.sort_by_key(|o| std::cmp::Reverse(o.1));
    let order: Vec<u16> = order.into_iter().map(|o| o.0).collect();
    let by_message = error_catalog_core::engine::message_index(
        error_catalog_core::engine::entry_literals(&entries),
    );
    let table = Table {
        identity: c.wire.identity,
        entries: &entries,
        by_code: by_code.as_index(),
        pattern_order: &order,
        by_message: &by_message,
    };

    let mut cap = match capture(body, &view) {
        Ok(cap) => cap,
        Err(e) => {
            // As generated code does: the status alone may still identify it.
            let hit = (c.wire.identity != error_catalog_core::engine::Identity::Code)
                .then(|| table.classify(status, None, None))
                .flatten();
            match hit {
                Some(hit)
                    if fields_of(c, &c.errors[hit.entry])
                        .iter()
                        .all(|f| f.ty.value.optional || f.ty.value.base == BaseType::Json) =>
                {
                    out.entry = Some(hit.entry);
                    out.extras.push((
                        String::new(),
                        Value::String(String::from_utf8_lossy(body).into_owned()),
                    ));
                }
                _ => out.reason = Some(format!("body is not a JSON object: {e}")),
            }
            return out;
        }
    };
    out.code = layout
        .code
        .and_then(|s| cap.slot_str(s))
        .map(|s| s.into_owned());
    out.message = layout
        .message
        .and_then(|s| cap.slot_str(s))
        .map(|s| s.into_owned());
    let Some(hit) = table.classify(status, out.code.as_deref(), out.message.as_deref()) else {
        out.reason = Some(match &out.code {
            Some(code) => format!("unknown code `{code}`"),
            None => "no known error matches this response".to_string(),
        });
        return out;
    };
    let e = &c.errors[hit.entry];
    for (i, (f, place)) in fields_of(c, e)
        .into_iter()
        .zip(&places[hit.entry])
        .enumerate()
    {
        let decoded = match place {
            Place::Slot(s) => decode_raw(cap.slot_raw(*s), f.ty.value),
            Place::Member(m) => decode_raw(cap.take_member(m), f.ty.value),
            Place::Capture => decode_text(
                hit.captures.iter().find(|(h, _)| *h == i).map(|(_, t)| *t),
                f.ty.value,
            ),
        };
        match decoded {
            Ok(Some(v)) => {
                out.fields.insert(f.wire.value.clone(), v);
            }
            Ok(None) => {}
            Err(why) => {
                out.fields.clear();
                out.reason = Some(format!("field `{}`: {why}", f.wire.value));
                return out;
            }
        }
    }
    let fa = layout
        .fields_at
        .as_ref()
        .map_or(String::new(), |p| p.text.clone());
    let mut members = error_catalog_core::raw_members::RawMembers::default();
    // (a member longer than 2 GiB cannot come from a body the walk accepted)
    let _ = cap.members.drain_into(&fa, &mut members);
    for (p, raw) in members.iter().chain(cap.extras.iter()) {
        out.extras.push((
            p.to_string(),
            serde_json::from_str(raw).unwrap_or(Value::Null),
        ));
    }
    out.entry = Some(hit.entry);
    out
}

fn check(v: &Value, ty: FieldType) -> Result<(), String> {
    let ok = match ty.base {
        BaseType::String => v.is_string(),
        BaseType::Bool => v.is_boolean(),
        BaseType::I32 => v.as_i64().is_some_and(|n| i32::try_from(n).is_ok()),
        BaseType::I64 => v.is_i64(),
        BaseType::U8 => v.as_u64().is_some_and(|n| u8::try_from(n).is_ok()),
        BaseType::U16 => v.as_u64().is_some_and(|n| u16::try_from(n).is_ok()),
        BaseType::U32 => v.as_u64().is_some_and(|n| u32::try_from(n).is_ok()),
        BaseType::U64 => v.is_u64(),
        BaseType::F64 => v.is_number(),
        BaseType::Json => true,
    };
    if ok {
        Ok(())
    } else {
        Err(format!("expected {}, found {v}", ty.base.name()))
    }
}

/// Mirrors serde's decoding in generated code: an absent member reads as `null`,
/// which only optional fields and `json` fields accept (`null` is then left out,
/// as `ApiError::details` does).
fn decode_raw(raw: Option<&str>, ty: FieldType) -> Result<Option<Value>, String> {
    let v = match raw {
        None => Value::Null,
        Some(r) => serde_json::from_str::<Value>(r).map_err(|e| e.to_string())?,
    };
    if v.is_null() {
        return if ty.optional || ty.base == BaseType::Json {
            Ok(None)
        } else if raw.is_none() {
            Err("missing".into())
        } else {
            Err(format!("expected {}, found null", ty.base.name()))
        };
    }
    check(&v, ty).map(|()| Some(as_typed(v, ty)))
}

/// `v` as the field's type shows it: an `f64` field holds `3` as `3.0`, as the
/// generated enum's `details()` does.
fn as_typed(v: Value, ty: FieldType) -> Value {
    match (ty.base, v.as_f64()) {
        (BaseType::F64, Some(f)) => Value::from(f),
        _ => v,
    }
}

fn decode_text(text: Option<&str>, ty: FieldType) -> Result<Option<Value>, String> {
    let Some(t) = text else {
        return if ty.optional {
            Ok(None)
        } else {
            Err("missing".into())
        };
    };
    let v = match ty.base {
        BaseType::String | BaseType::Json => Value::String(t.to_string()),
        _ => match serde_json::from_str::<Value>(t) {
            Ok(v) if v.is_number() || v.is_boolean() => v,
            _ => Value::String(t.to_string()),
        },
    };
    check(&v, ty).map(|()| Some(as_typed(v, ty)))
}
