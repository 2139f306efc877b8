//! Sample values of a field's type: what the body `check` builds for an entry
//! without a documented example holds, so that decoding it exercises every
//! place the entry declares.

use crate::model::{Catalog, FieldType};
use error_catalog_core::field_type::BaseType;

/// How deep declared object types are filled inside each other (a type may
/// name itself through a list or an optional member).
const MAX_DEPTH: usize = 4;

/// The JSON text of a sample value of `ty` (a declared object's members
/// filled in turn); `None` where nothing can stand for it (an object type
/// nested past [`MAX_DEPTH`] in an optional place).
pub(crate) fn sample_json(c: &Catalog, ty: FieldType) -> Option<String> {
    sample_at(c, ty, 0)
}

fn sample_at(c: &Catalog, ty: FieldType, depth: usize) -> Option<String> {
    let one = sample_base(c, ty.base, depth);
    match (ty.list, one) {
        (true, Some(v)) => Some(format!("[{v}]")),
        (true, None) => Some("[]".to_string()),
        (false, v) => v,
    }
}

fn sample_base(c: &Catalog, base: BaseType, depth: usize) -> Option<String> {
    match base {
        BaseType::Object(i) => {
            if depth >= MAX_DEPTH {
                return None;
            }
            let t = c.types.get(usize::from(i))?;
            let mut out = String::from("{");
            for m in &t.members {
                let Some(v) = sample_at(c, m.ty.value, depth + 1) else {
                    continue;
                };
                if out.len() > 1 {
                    out.push(',');
                }
                out.push_str(&serde_json::Value::String(m.wire.value.clone()).to_string());
                out.push(':');
                out.push_str(&v);
            }
            out.push('}');
            Some(out)
        }
        BaseType::Json => Some("{}".to_string()),
        other => Some(match sample_text(other) {
            t if other == BaseType::String => serde_json::Value::String(t).to_string(),
            t => t,
        }),
    }
}

/// The text a sample value of `base` shows in a message placeholder (and,
/// for a scalar, its JSON but for a string's quotes).
pub(crate) fn sample_text(base: BaseType) -> String {
    match base {
        BaseType::Bool => "true",
        BaseType::F64 => "1.5",
        b if b.is_integer() => "7",
        _ => "sample",
    }
    .to_string()
}
