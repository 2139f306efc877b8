//! Property: for generated values (random text, numbers anywhere in their
//! type's range, lists of any length, optional members present, null or
//! absent), a body built from an error's schema is read by its bundled enum as
//! a known error, and what the enum writes back validates against the schema,
//! as the service's envelope and as problem details.

use error_catalog::{ApiError, FromResponse};
use error_catalog_model::model::Catalog;
use error_catalog_services::{aironclaw, customer_verification, kya, moca_air, rakomi};
use proptest::prelude::*;
use serde_json::{json, Value};

mod common;
use common::bundled;

/// Random choices a value is built from, taken in turn (0 once they run out).
struct Choices<'a>(std::slice::Iter<'a, u64>);

impl Choices<'_> {
    fn next(&mut self) -> u64 {
        self.0.next().copied().unwrap_or(0)
    }
}

/// Text: letters and digits (safe inside a message pattern) or, where no
/// message holds it, anything JSON can carry.
fn text(ch: &mut Choices<'_>, plain: bool) -> String {
    const PLAIN: &[char] = &['a', 'Z', '0', '7', 'q', 'x', '_', '-'];
    const ANY: &[char] = &['a', ' ', '"', '\\', 'é', '/', '\n', '\u{1F600}', '{', '}'];
    let set = if plain { PLAIN } else { ANY };
    let len = 1 + (ch.next() % 10) as usize;
    (0..len)
        .map(|_| set[(ch.next() % set.len() as u64) as usize])
        .collect()
}

/// A value of schema `s` (constants kept, `$ref`s followed in `defs`).
fn value(s: &Value, defs: &Value, ch: &mut Choices<'_>, plain: bool) -> Option<Value> {
    if let Some(r) = s.get("$ref").and_then(Value::as_str) {
        let name = r.rsplit('/').next().unwrap_or_default();
        return value(&defs[name], defs, ch, plain);
    }
    if let Some(c) = s.get("const") {
        return Some(c.clone());
    }
    if let Some(any) = s.get("anyOf").and_then(Value::as_array) {
        // an optional value: present, null, or absent
        return match ch.next() % 3 {
            0 => None,
            1 => Some(Value::Null),
            _ => value(&any[0], defs, ch, plain),
        };
    }
    Some(match s.get("type").and_then(Value::as_str) {
        Some("object") => {
            let required: Vec<&str> = s["required"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .collect();
            let mut m = serde_json::Map::new();
            for (k, p) in s["properties"].as_object().into_iter().flatten() {
                match value(p, defs, ch, plain) {
                    Some(v) => {
                        m.insert(k.clone(), v);
                    }
                    None if required.contains(&k.as_str()) => {
                        m.insert(k.clone(), Value::Null);
                    }
                    None => {}
                }
            }
            Value::Object(m)
        }
        Some("array") => {
            let n = ch.next() % 4;
            Value::Array(
                (0..n)
                    .filter_map(|_| value(&s["items"], defs, ch, plain))
                    .collect(),
            )
        }
        Some("string") => json!(text(ch, plain)),
        Some("integer") => {
            let lo = s.get("minimum").and_then(Value::as_i64).unwrap_or(i64::MIN);
            let hi_u = s.get("maximum").and_then(Value::as_u64);
            let hi = s.get("maximum").and_then(Value::as_i64).unwrap_or(i64::MAX);
            match ch.next() % 4 {
                0 => json!(lo),
                1 => hi_u.map_or(json!(hi), |h| json!(h)),
                _ => {
                    let span = (hi as i128 - lo as i128 + 1).max(1) as u128;
                    json!((lo as i128 + (u128::from(ch.next()) % span) as i128) as i64)
                }
            }
        }
        Some("number") => json!((ch.next() % 10_000) as f64 / 8.0),
        Some("boolean") => json!(ch.next() % 2 == 0),
        Some("null") => Value::Null,
        _ => json!({"any": text(ch, false)}),
    })
}

/// Checks one body of every error of catalog `id`, built from `choices`.
fn check<E: FromResponse + ApiError + serde::Serialize>(
    id: &str,
    choices: &[u64],
) -> Result<(), TestCaseError> {
    let c: Catalog = bundled(id);
    let schema = error_catalog_model::schema::envelope(&c);
    let all = jsonschema::draft202012::new(&schema).expect("valid");
    let problem =
        jsonschema::draft202012::new(&error_catalog_model::schema::problem(&c)).expect("valid");
    let defs = &schema["$defs"];
    let mut ch = Choices(choices.iter());
    for e in &c.errors {
        let def = &defs[error_catalog_model::schema::def_name(&c, e)];
        // where messages identify errors, the fields a message holds are plain text
        let plain = c.wire.identity != error_catalog_core::engine::Identity::Code;
        let mut body = value(def, defs, &mut ch, plain).unwrap_or(Value::Null);
        // the message: the template with the placeholders filled as the
        // fields are (from the body where a field sits there)
        let mut filled = Vec::new();
        for f in e.fields.iter().chain(&c.wire.fields) {
            let at = f
                .at_ptr
                .as_ref()
                .and_then(|p| body.pointer(&p.value.text))
                .cloned();
            let v = match at {
                Some(Value::String(s)) => s,
                Some(Value::Null) | None if f.ty.value.base.is_integer() => {
                    (ch.next() % 1000).to_string()
                }
                Some(Value::Null) | None => text(&mut ch, true),
                Some(other) => other.to_string(),
            };
            filled.push((f.wire.value.clone(), v));
        }
        let message = error_catalog_core::template::Template::parse(&e.message.value)
            .expect("template")
            .render(|name| {
                filled
                    .iter()
                    .find(|(n, _)| n == name)
                    .map(|(_, v)| v.clone())
            });
        if let Some(p) = &c.wire.message {
            if p.value.segments.is_empty() {
                body = json!(message);
            } else if let Some(slot) = body.pointer_mut(&p.value.text) {
                *slot = json!(message);
            }
        }
        let text = body.to_string();
        let err = E::from_response(e.status_u16().unwrap_or(400), text.as_bytes());
        prop_assert!(err.is_known(), "{}: {} read as {:?}", id, text, err);
        let written = serde_json::to_value(&err).expect("serializes");
        prop_assert!(
            all.is_valid(&written),
            "{} {}: {:?}",
            id,
            written,
            all.iter_errors(&written)
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
        );
        let details =
            serde_json::to_value(error_catalog::problem::Problem(&err)).expect("serializes");
        prop_assert!(
            problem.is_valid(&details),
            "{} {}: {:?}",
            id,
            details,
            problem
                .iter_errors(&details)
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, max_shrink_iters: 256, ..ProptestConfig::default() })]

    #[test]
    fn generated_values_validate(choices in proptest::collection::vec(any::<u64>(), 400)) {
        check::<kya::KyaError>("kya", &choices)?;
        check::<customer_verification::CustomerVerificationError>("customer_verification", &choices)?;
        check::<rakomi::RakomiError>("rakomi", &choices)?;
        check::<aironclaw::AironclawError>("aironclaw", &choices)?;
        check::<moca_air::MocaAirError>("moca_air", &choices)?;
    }
}
