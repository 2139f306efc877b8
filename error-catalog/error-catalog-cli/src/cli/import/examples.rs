//! The spec's examples, each put on the entry it documents.

use serde_json::Value;

use super::entries::{Code, Entry};
use super::envelope::Envelope;
use super::names::literal;
use super::spec::ErrorResponse;

/// One example to write.
pub struct Example {
    /// The body, as compact JSON.
    pub body: String,
    /// The status it came with, when the entry's own is not it.
    pub status: Option<u16>,
    /// Where in the spec it is from.
    pub source: String,
}

/// Puts each example of the spec on the entry it documents: by its code
/// when errors have codes, else by its response's status. Returns a note
/// for each that documents none, once per body.
pub fn place_examples(
    responses: &[ErrorResponse],
    envelope: &Envelope,
    entries: &mut [Entry],
) -> Vec<String> {
    let mut notes = Vec::new();
    let mut skipped: Vec<Value> = Vec::new();
    for r in responses {
        for ex in &r.examples {
            if skipped.contains(&ex.value) {
                continue;
            }
            let source = format!("{} {} `{}`", r.operation, r.status, ex.name);
            let value = match &ex.value {
                Value::String(text) => match serde_json::from_str::<Value>(text) {
                    Ok(v) => v,
                    Err(_) => {
                        notes.push(format!("example left out: {source}: not JSON"));
                        continue;
                    }
                },
                v => v.clone(),
            };
            let code = envelope
                .code
                .as_ref()
                .and_then(|c| value.pointer(&c.pointer))
                .and_then(Code::of);
            let target = match &code {
                Some(code) => entries
                    .iter()
                    .position(|e| e.code_in_body && e.code == *code),
                None => r.status.exact().and_then(|s| {
                    entries.iter().position(|e| {
                        e.status == Some(s) && (envelope.code.is_none() || !e.code_in_body)
                    })
                }),
            };
            let Some(i) = target else {
                let why = match code {
                    Some(c) => format!("code `{}` is not enumerated", c.text()),
                    None => "no entry has its status".to_string(),
                };
                notes.push(format!("example left out: {source}: {why}"));
                skipped.push(ex.value.clone());
                continue;
            };
            let Ok(body) = serde_json::to_string(&sorted(&value)) else {
                continue;
            };
            let entry = &mut entries[i];
            if entry.examples.iter().any(|e| e.body == body) {
                continue;
            }
            // the service's own words beat a stand-in made from the code
            let said = envelope
                .message
                .as_ref()
                .and_then(|m| value.pointer(m))
                .and_then(Value::as_str)
                .filter(|m| !m.trim().is_empty());
            if let (true, Some(said)) = (entry.message_is_placeholder, said) {
                entry.message = literal(said.trim());
                entry.message_is_placeholder = false;
            }
            let status = r.status.exact().filter(|s| entry.status != Some(*s));
            entry.examples.push(Example {
                body,
                status,
                source,
            });
        }
    }
    notes
}

/// `value` with every object's members in name order, whatever order the
/// description wrote them in (and whether or not serde_json keeps it), so
/// that a body is written the same way every time.
fn sorted(value: &Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut members: Vec<(&String, &Value)> = map.iter().collect();
            members.sort_by(|a, b| a.0.cmp(b.0));
            Value::Object(
                members
                    .into_iter()
                    .map(|(k, v)| (k.clone(), sorted(v)))
                    .collect(),
            )
        }
        Value::Array(items) => Value::Array(items.iter().map(sorted).collect()),
        other => other.clone(),
    }
}
