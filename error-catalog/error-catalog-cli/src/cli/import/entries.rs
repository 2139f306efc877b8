//! The catalog's entries: one per enumerated code, else one per documented
//! error status; the spec's examples placed on the entry they document.

use std::collections::{BTreeMap, BTreeSet};

use error_catalog_model::naming::{is_rust_ident, snake_case};
use serde_json::Value;

use super::envelope::{is_retry_after, schema_at, Envelope};
use super::examples::{place_examples, Example};
use super::fields::{self, Field};
use super::names::{first_line, humanize, literal, name_variants, status_name};
use super::spec::{ErrorResponse, Spec, SpecError, StatusKey};

/// A code as the catalog writes it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Code {
    /// A string code (or a name of our choosing).
    Text(String),
    /// An integer code (`code_type = "integer"`).
    Integer(i64),
}

impl Code {
    /// The code as text, for names and lists.
    pub fn text(&self) -> String {
        match self {
            Code::Text(t) => t.clone(),
            Code::Integer(i) => i.to_string(),
        }
    }

    /// Reads an enum value or a body's code.
    pub fn of(value: &Value) -> Option<Code> {
        match value {
            Value::String(s) if !s.is_empty() => Some(Code::Text(s.clone())),
            Value::Number(n) => n.as_i64().map(Code::Integer),
            _ => None,
        }
    }
}

/// One `[[errors]]` entry.
pub struct Entry {
    /// Its code.
    pub code: Code,
    /// Its variant, when the default (UpperCamelCase of the code) will not do.
    pub variant: Option<String>,
    /// Its status, when the spec ties it to one.
    pub status: Option<u16>,
    /// False for an entry found by status in a catalog identified by code.
    pub code_in_body: bool,
    /// The message (braces escaped).
    pub message: String,
    /// True when the message is a stand-in a person must replace.
    pub message_is_placeholder: bool,
    /// A short name.
    pub title: Option<String>,
    /// Further descriptions the spec gives for the same error.
    pub causes: Vec<String>,
    /// Its responses declare `Retry-After`.
    pub retry_after: bool,
    /// The operations and statuses it was read from, for a comment.
    pub from: Vec<String>,
    /// Its examples.
    pub examples: Vec<Example>,
    /// The responses it stands for (indices into the importer's list).
    responses: Vec<usize>,
    /// Its detail fields.
    pub fields: Vec<Field>,
}

/// A response no entry can stand for (`default`, `4XX`): the fallback takes it.
pub struct CatchAll {
    /// `default` or `4XX`.
    pub key: StatusKey,
    /// Its descriptions, distinct, sorted.
    pub descriptions: Vec<String>,
    /// How many operations list it.
    pub operations: usize,
    /// Its body's code is enumerated: the entries come from it.
    pub coded: bool,
}

/// What the importer makes of the responses.
pub struct Entries {
    /// The entries, in catalog order.
    pub entries: Vec<Entry>,
    /// The codes the spec does not tie to one status.
    pub untied: Vec<String>,
    /// The catch-all responses.
    pub catch_alls: Vec<CatchAll>,
    /// What was left out (examples that document no entry, fields past the
    /// decoder's slots), and why: sentences for the top comment.
    pub left_out: Vec<String>,
}

/// The enumerated codes (with a description each, when the schema gives one
/// through `oneOf` / `anyOf` of `const`s) of the code member in `schema`.
fn enumerated(
    spec: &Spec,
    schema: &Value,
    envelope: &Envelope,
) -> Result<Vec<(Code, Option<String>)>, SpecError> {
    let Some(code) = &envelope.code else {
        return Ok(Vec::new());
    };
    let Some(code_schema) = schema_at(spec, schema, &code.segments)? else {
        return Ok(Vec::new());
    };
    let code_schema = spec.resolve(&code_schema)?;
    let mut out = Vec::new();
    if let Some(values) = code_schema.get("enum").and_then(Value::as_array) {
        out.extend(values.iter().filter_map(Code::of).map(|c| (c, None)));
    }
    for key in ["oneOf", "anyOf"] {
        for alt in code_schema
            .get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let alt = spec.resolve(alt)?;
            let value = alt.get("const").or_else(|| {
                alt.get("enum")
                    .and_then(Value::as_array)
                    .filter(|e| e.len() == 1)
                    .and_then(|e| e.first())
            });
            if let Some(code) = value.and_then(Code::of) {
                let doc = ["description", "title"]
                    .iter()
                    .find_map(|k| alt.get(*k).and_then(Value::as_str))
                    .map(|d| d.trim().to_string())
                    .filter(|d| !d.is_empty());
                out.push((code, doc));
            }
        }
    }
    Ok(out)
}

/// The most frequent of `items` (ties: the first in name order).
fn most_common(items: impl Iterator<Item = String>) -> Option<String> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for item in items {
        *counts.entry(item).or_default() += 1;
    }
    counts
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
        .map(|(k, _)| k.clone())
}

/// True when some error response's schema lists codes (`enum`, or `oneOf`
/// of `const`s) for the envelope's code member.
pub fn any_enumerated(
    spec: &Spec,
    responses: &[ErrorResponse],
    envelope: &Envelope,
) -> Result<bool, SpecError> {
    for r in responses {
        if let Some(schema) = &r.schema {
            if !enumerated(spec, schema, envelope)?.is_empty() {
                return Ok(true);
            }
        }
    }
    Ok(false)
}

/// Builds the entries from the error responses.
pub fn build(
    spec: &Spec,
    responses: &[ErrorResponse],
    envelope: &Envelope,
) -> Result<Entries, SpecError> {
    let by_code = envelope.code.is_some();
    // codes, in the order they first appear
    let mut codes: Vec<(Code, Option<String>)> = Vec::new();
    let mut code_statuses: BTreeMap<Code, BTreeSet<StatusKey>> = BTreeMap::new();
    let mut code_retry: BTreeSet<Code> = BTreeSet::new();
    let mut code_from: BTreeMap<Code, BTreeSet<String>> = BTreeMap::new();
    let mut code_responses: BTreeMap<Code, Vec<usize>> = BTreeMap::new();
    let mut code_causes: BTreeMap<Code, BTreeSet<String>> = BTreeMap::new();
    let mut covered = vec![false; responses.len()];
    for (i, r) in responses.iter().enumerate() {
        let Some(schema) = &r.schema else { continue };
        let found = enumerated(spec, schema, envelope)?;
        covered[i] = !found.is_empty();
        for (code, doc) in found {
            match codes.iter_mut().find(|(c, _)| *c == code) {
                Some((_, d)) => {
                    if d.is_none() {
                        *d = doc;
                    }
                }
                None => codes.push((code.clone(), doc)),
            }
            code_statuses
                .entry(code.clone())
                .or_default()
                .insert(r.status);
            code_responses.entry(code.clone()).or_default().push(i);
            code_from
                .entry(code.clone())
                .or_default()
                .insert(format!("{} {}", r.operation, r.status));
            if let (StatusKey::Exact(_), false) = (r.status, r.description.is_empty()) {
                code_causes
                    .entry(code.clone())
                    .or_default()
                    .insert(first_line(&r.description));
            }
            if r.headers.iter().any(|h| is_retry_after(h)) {
                code_retry.insert(code);
            }
        }
    }

    let mut entries = Vec::new();
    let mut untied = Vec::new();
    for (code, doc) in &codes {
        let statuses = &code_statuses[code];
        let status = match statuses.iter().collect::<Vec<_>>()[..] {
            [StatusKey::Exact(s)] => Some(*s),
            _ => None,
        };
        if status.is_none() {
            untied.push(code.text());
        }
        let (message, placeholder) = match (doc, code) {
            (Some(d), _) => (literal(&first_line(d)), false),
            (None, Code::Integer(i)) => (format!("Error {i}"), true),
            (None, Code::Text(t)) => (literal(&humanize(t)), true),
        };
        entries.push(Entry {
            code: code.clone(),
            variant: None,
            status,
            code_in_body: true,
            message,
            message_is_placeholder: placeholder,
            title: None,
            causes: code_causes
                .get(code)
                .map(|c| c.iter().cloned().collect())
                .unwrap_or_default(),
            retry_after: code_retry.contains(code),
            from: code_from[code].iter().cloned().collect(),
            examples: Vec::new(),
            responses: code_responses[code].clone(),
            fields: Vec::new(),
        });
    }

    // responses no enumeration covers: one entry per exact status
    let mut by_status: BTreeMap<u16, Vec<(usize, &ErrorResponse)>> = BTreeMap::new();
    let mut catch: BTreeMap<StatusKey, Vec<(usize, &ErrorResponse)>> = BTreeMap::new();
    for (i, r) in responses.iter().enumerate() {
        match r.status {
            StatusKey::Exact(s) if !covered[i] => by_status.entry(s).or_default().push((i, r)),
            StatusKey::Exact(_) => {}
            key => catch.entry(key).or_default().push((i, r)),
        }
    }
    // a shared response names an error when it stands for one status only
    // (`not_found`), not when it is a generic one (`Error` for 400 and 500)
    let mut component_statuses: BTreeMap<&str, BTreeSet<u16>> = BTreeMap::new();
    for (status, indexed) in &by_status {
        for (_, r) in indexed {
            if let Some(c) = r.component.as_deref() {
                component_statuses.entry(c).or_default().insert(*status);
            }
        }
    }
    for (status, indexed) in &by_status {
        let group: Vec<&ErrorResponse> = indexed.iter().map(|(_, r)| *r).collect();
        let name = most_common(
            group
                .iter()
                .filter_map(|r| r.component.as_deref())
                .filter(|c| component_statuses.get(c).is_some_and(|s| s.len() == 1))
                .map(snake_case),
        )
        .filter(|n| is_rust_ident(n) && n.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
        .unwrap_or_else(|| status_name(*status));
        let descriptions: BTreeSet<String> = group
            .iter()
            .map(|r| first_line(&r.description))
            .filter(|d| !d.is_empty())
            .collect();
        let main = most_common(
            group
                .iter()
                .map(|r| first_line(&r.description))
                .filter(|d| !d.is_empty()),
        );
        let (message, placeholder) = match &main {
            Some(d) => (literal(d), false),
            None => (literal(&humanize(&status_name(*status))), true),
        };
        // the other descriptions, the message's own left out
        let causes: Vec<String> = descriptions
            .iter()
            .filter(|d| Some(*d) != main.as_ref())
            .cloned()
            .collect();
        let mut code = Code::Text(name.clone());
        if entries.iter().any(|e| e.code == code) {
            code = Code::Text(format!("{name}_{status}"));
        }
        let mut from: Vec<String> = group.iter().map(|r| r.operation.clone()).collect();
        from.dedup();
        entries.push(Entry {
            code,
            variant: None,
            status: Some(*status),
            code_in_body: !by_code,
            message,
            message_is_placeholder: placeholder,
            title: Some(status_name(*status))
                .filter(|n| !n.starts_with("status_"))
                .map(|n| humanize(&n)),
            causes,
            retry_after: group
                .iter()
                .any(|r| r.headers.iter().any(|h| is_retry_after(h))),
            from,
            examples: Vec::new(),
            responses: indexed.iter().map(|(i, _)| *i).collect(),
            fields: Vec::new(),
        });
    }
    let catch_alls = catch
        .into_iter()
        .map(|(key, group)| CatchAll {
            coded: group.iter().any(|(i, _)| covered[*i]),
            key,
            descriptions: group
                .iter()
                .map(|(_, r)| first_line(&r.description))
                .filter(|d| !d.is_empty())
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect(),
            operations: group.len(),
        })
        .collect();

    name_variants(&mut entries);
    let mut left_out = place_examples(responses, envelope, &mut entries);
    let mut all_fields = Vec::new();
    for e in &entries {
        let schemas: Vec<&Value> = e
            .responses
            .iter()
            .filter_map(|i| responses[*i].schema.as_ref())
            .collect();
        let bodies: Vec<Value> = e
            .examples
            .iter()
            .filter_map(|x| serde_json::from_str(&x.body).ok())
            .collect();
        all_fields.push(fields::fields_of(spec, envelope, &schemas, &bodies)?);
    }
    let budget = fields::MAX_FIELD_POINTERS.saturating_sub(envelope.fields.len());
    for pointer in fields::within_slots(&mut all_fields, budget) {
        left_out.push(format!(
            "field at `{pointer}` left out: the decoder reads at most 16 values by pointer"
        ));
    }
    for (e, f) in entries.iter_mut().zip(all_fields) {
        e.fields = f;
    }
    Ok(Entries {
        entries,
        untied,
        catch_alls,
        left_out,
    })
}
