//! The wire envelope and the headers, read off the error responses' schemas.

use std::collections::{BTreeMap, BTreeSet};

use error_catalog_core::engine::escape_segment;
use error_catalog_model::model::{Headers, Located};
use serde_json::Value;

use super::fields::Field;
use super::spec::{type_of, ErrorResponse, Spec, SpecError};

/// How deep into nested objects members are looked for (`/error/code` is 2).
const MAX_DEPTH: usize = 3;

/// Names of a member holding the error code, most likely first.
const CODE_NAMES: [&str; 5] = ["code", "error_code", "errorCode", "errorType", "error_type"];
/// Names of a member holding the message, most likely first.
const MESSAGE_NAMES: [&str; 8] = [
    "message",
    "error_message",
    "errorMessage",
    "error_description",
    "detail",
    "msg",
    "description",
    "error",
];
/// Names of a member holding a link to documentation.
const DOCS_NAMES: [&str; 7] = [
    "documentation_url",
    "doc_url",
    "docs_url",
    "documentationUrl",
    "docUrl",
    "help_url",
    "more_info",
];
/// Names of a member holding the request's id.
const REQUEST_ID_NAMES: [&str; 6] = [
    "request_id",
    "requestId",
    "request-id",
    "trace_id",
    "traceId",
    "correlation_id",
];
/// Members of a success body that mark it as one.
const SUCCESS_NAMES: [&str; 2] = ["ok", "success"];

/// A member of the envelope: where it is and its schema.
#[derive(Clone)]
pub struct Member {
    /// The JSON pointer.
    pub pointer: String,
    /// Its segments, unescaped.
    pub segments: Vec<String>,
    /// Its schema, `$ref`s followed.
    pub schema: Value,
}

/// The shape the error responses share and what its members are.
#[derive(Default)]
pub struct Envelope {
    /// The code's member.
    pub code: Option<Member>,
    /// Codes are JSON integers.
    pub integer_codes: bool,
    /// The message's pointer.
    pub message: Option<String>,
    /// The docs URL's pointer.
    pub docs_url: Option<String>,
    /// The request id's pointer.
    pub request_id: Option<String>,
    /// A member marking a success body, and its value.
    pub success: Option<(String, bool)>,
    /// The top-level member names of the shape.
    pub shape: Vec<String>,
    /// How many error responses have that shape, of how many with a schema.
    pub shared_by: (usize, usize),
    /// The pointers of all its members.
    pub members: BTreeSet<String>,
    /// Its members (those every schema of its shape has), parents first.
    pub common: Vec<Member>,
    /// The members beside the code (or message) that every error carries.
    pub fields: Vec<Field>,
}

/// Top-level member names of an object schema, sorted: what "the same shape" compares.
fn shape_of(spec: &Spec, schema: &Value) -> Result<Vec<String>, SpecError> {
    Ok(spec.properties(schema)?.into_keys().collect())
}

/// Every member of an object schema down to [`MAX_DEPTH`], parents before children.
pub fn members(spec: &Spec, schema: &Value) -> Result<Vec<Member>, SpecError> {
    let mut out = Vec::new();
    let mut todo = vec![(Vec::<String>::new(), schema.clone())];
    while let Some((segments, schema)) = todo.pop() {
        if segments.len() >= MAX_DEPTH {
            continue;
        }
        for (name, prop) in spec.properties(&schema)? {
            let mut segs = segments.clone();
            segs.push(name);
            if type_of(&prop) == Some("object") || prop.get("properties").is_some() {
                todo.push((segs.clone(), prop.clone()));
            }
            out.push(Member {
                pointer: pointer_of(&segs),
                segments: segs,
                schema: prop,
            });
        }
    }
    out.sort_by(|a, b| (a.segments.len(), &a.pointer).cmp(&(b.segments.len(), &b.pointer)));
    Ok(out)
}

/// The pointers of [`members`].
fn members_of(spec: &Spec, schema: &Value) -> Result<BTreeSet<String>, SpecError> {
    Ok(members(spec, schema)?
        .into_iter()
        .map(|m| m.pointer)
        .collect())
}

/// `["error", "code"]` → `/error/code`.
fn pointer_of(segments: &[String]) -> String {
    segments
        .iter()
        .map(|s| format!("/{}", escape_segment(s)))
        .collect()
}

/// The shallowest member named one of `names` (earlier names first at one
/// depth) whose type is one of `types`.
fn find<'a>(members: &'a [Member], names: &[&str], types: &[&str]) -> Option<&'a Member> {
    let depth_of = |m: &Member| m.segments.len();
    members
        .iter()
        .filter_map(|m| {
            let name = m.segments.last()?;
            let rank = names.iter().position(|n| n == name)?;
            let ty = type_of(&m.schema).unwrap_or("string");
            types.contains(&ty).then_some((depth_of(m), rank, m))
        })
        .min_by_key(|(depth, rank, _)| (*depth, *rank))
        .map(|(_, _, m)| m)
}

/// The schema at `segments` inside `schema`, following properties.
pub fn schema_at(
    spec: &Spec,
    schema: &Value,
    segments: &[String],
) -> Result<Option<Value>, SpecError> {
    let mut here = spec.resolve(schema)?.clone();
    for seg in segments {
        let props = spec.properties(&here)?;
        match props.get(seg) {
            Some(next) => here = next.clone(),
            None => return Ok(None),
        }
    }
    Ok(Some(here))
}

/// Finds the envelope: the shape (top-level member names) most error
/// responses share (ties: the first shape in name order), with the members
/// every schema of that shape has, located by their usual names.
pub fn find_envelope(spec: &Spec, responses: &[ErrorResponse]) -> Result<Envelope, SpecError> {
    // per shape: how many responses, and their distinct schemas
    let mut shapes: BTreeMap<Vec<String>, (usize, Vec<&Value>)> = BTreeMap::new();
    let mut with_schema = 0;
    for r in responses {
        let Some(schema) = &r.schema else { continue };
        let shape = shape_of(spec, schema)?;
        if shape.is_empty() {
            continue;
        }
        with_schema += 1;
        let (count, schemas) = shapes.entry(shape).or_default();
        *count += 1;
        if !schemas.contains(&schema) {
            schemas.push(schema);
        }
    }
    let Some((shape, (count, schemas))) = shapes
        .iter()
        .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then_with(|| b.0.cmp(a.0)))
    else {
        return Ok(Envelope::default());
    };
    let mut members = match schemas.first() {
        Some(first) => members(spec, first)?,
        None => return Ok(Envelope::default()),
    };
    for other in &schemas[1..] {
        let theirs: BTreeSet<String> = members_of(spec, other)?;
        members.retain(|m| theirs.contains(&m.pointer));
    }
    let code = find(&members, &CODE_NAMES, &["string", "integer"]).cloned();
    // a message beside the code when there is one (`/error/message` with `/error/code`)
    let message = match &code {
        Some(c) => {
            let parent = &c.segments[..c.segments.len() - 1];
            let siblings: Vec<Member> = members
                .iter()
                .filter(|m| m.segments.len() == parent.len() + 1 && m.segments.starts_with(parent))
                .filter(|m| m.pointer != c.pointer)
                .cloned()
                .collect();
            find(&siblings, &MESSAGE_NAMES, &["string"])
                .or_else(|| {
                    find(&members, &MESSAGE_NAMES, &["string"]).filter(|m| m.pointer != c.pointer)
                })
                .map(|m| m.pointer.clone())
        }
        None => find(&members, &MESSAGE_NAMES, &["string"]).map(|m| m.pointer.clone()),
    };
    let integer_codes = code
        .as_ref()
        .is_some_and(|c| type_of(&c.schema) == Some("integer"));
    let docs_url = find(&members, &DOCS_NAMES, &["string"]).map(|m| m.pointer.clone());
    let request_id = find(&members, &REQUEST_ID_NAMES, &["string"]).map(|m| m.pointer.clone());
    let success = success_mark(spec, &members)?;
    Ok(Envelope {
        code,
        integer_codes,
        message,
        docs_url,
        request_id,
        success,
        shape: shape.clone(),
        shared_by: (*count, with_schema),
        members: members.iter().map(|m| m.pointer.clone()).collect(),
        common: members,
        fields: Vec::new(),
    })
}

/// A top-level boolean member (`ok`, `success`) that success bodies hold
/// `true` (by `enum`/`const`, or because the error envelope has it too).
fn success_mark(
    spec: &Spec,
    error_members: &[Member],
) -> Result<Option<(String, bool)>, SpecError> {
    for schema in spec.success_schemas()? {
        let props = spec.properties(&schema)?;
        for name in SUCCESS_NAMES {
            let Some(prop) = props.get(name) else {
                continue;
            };
            if type_of(prop) != Some("boolean") {
                continue;
            }
            let pinned_true = prop.get("const") == Some(&Value::Bool(true))
                || prop.get("enum") == Some(&Value::Array(vec![Value::Bool(true)]));
            let in_errors = error_members
                .iter()
                .any(|m| m.segments.len() == 1 && m.segments[0] == name);
            if pinned_true || in_errors {
                return Ok(Some((format!("/{name}"), true)));
            }
        }
    }
    Ok(None)
}

/// The role a header name plays, when it has one.
fn role_of(name: &str) -> Option<&'static str> {
    let n = name.to_ascii_lowercase();
    let compact: String = n.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
    if compact == "retryafter" {
        return Some("retry_after");
    }
    if compact.contains("ratelimit") {
        if compact.ends_with("limit") {
            return Some("rate_limit_limit");
        }
        if compact.ends_with("remaining") {
            return Some("rate_limit_remaining");
        }
        if compact.ends_with("reset") {
            return Some("rate_limit_reset");
        }
    }
    if compact.ends_with("requestid") {
        return Some("request_id");
    }
    None
}

/// Maps the headers error responses declare to roles (the model's `[headers]`);
/// the first name (in name order) takes a role, the others and headers without
/// a role are kept.
pub fn find_headers(responses: &[ErrorResponse]) -> Headers {
    let mut names: Vec<&str> = responses
        .iter()
        .flat_map(|r| r.headers.iter().map(String::as_str))
        .filter(|n| is_token(n))
        .filter(|n| {
            !n.eq_ignore_ascii_case("content-type") && !n.eq_ignore_ascii_case("content-length")
        })
        .collect();
    names.sort_by_key(|n| n.to_ascii_lowercase());
    names.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
    let mut h = Headers::default();
    for name in names {
        let slot = match role_of(name) {
            Some("retry_after") => &mut h.retry_after,
            Some("rate_limit_limit") => &mut h.rate_limit_limit,
            Some("rate_limit_remaining") => &mut h.rate_limit_remaining,
            Some("rate_limit_reset") => &mut h.rate_limit_reset,
            Some("request_id") => &mut h.request_id,
            _ => {
                h.keep.push(Located::nowhere(name.to_string()));
                continue;
            }
        };
        if slot.is_none() {
            *slot = Some(name.to_string());
        } else {
            h.keep.push(Located::nowhere(name.to_string()));
        }
    }
    h
}

/// True when `name` is an HTTP header name (an RFC 9110 token): others
/// cannot be sent, and the catalog refuses them.
fn is_token(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c))
}

/// True when `name` is a `Retry-After` header.
pub fn is_retry_after(name: &str) -> bool {
    role_of(name) == Some("retry_after")
}

#[cfg(test)]
mod tests {
    use super::role_of;

    #[test]
    fn header_roles_by_name() {
        for (name, role) in [
            ("Retry-After", Some("retry_after")),
            ("retry-after", Some("retry_after")),
            ("X-RateLimit-Limit", Some("rate_limit_limit")),
            ("x-rate-limit-remaining", Some("rate_limit_remaining")),
            ("RateLimit-Reset", Some("rate_limit_reset")),
            ("X-Request-Id", Some("request_id")),
            ("x-github-request-id", Some("request_id")),
            ("Request-Id", Some("request_id")),
            ("X-RateLimit-Used", None),
            ("Link", None),
        ] {
            assert_eq!(role_of(name), role, "{name}");
        }
    }
}
