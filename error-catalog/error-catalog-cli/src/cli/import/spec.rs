//! The parts of an OpenAPI 3.0 / 3.1 description the importer reads: its
//! operations' responses, followed through local `$ref`s, kept as plain JSON
//! values (YAML is read into the same values).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde_json::Value;

/// How many `$ref`s one lookup follows before giving up (a cycle).
const MAX_REF_HOPS: usize = 64;

/// The HTTP methods whose operations carry responses, in the order they are read.
const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// Why a description could not be read.
#[derive(Debug)]
pub struct SpecError(pub String);

/// A loaded description.
pub struct Spec {
    root: Value,
    /// The `openapi` version it declares (`3.0.3`, `3.1.0`).
    pub version: String,
}

/// Where a response applies: one status, a class (`4XX`) or `default`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum StatusKey {
    /// An exact status, 400 to 599.
    Exact(u16),
    /// A range such as `4XX` (the hundreds digit).
    Class(u16),
    /// `default`: any status the operation lists no other response for.
    Default,
}

impl StatusKey {
    /// Reads a response key; `None` for keys that are no error status.
    fn of(key: &str) -> Option<StatusKey> {
        if key == "default" {
            return Some(StatusKey::Default);
        }
        let upper = key.to_ascii_uppercase();
        if let Some(d) = upper.strip_suffix("XX") {
            return match d {
                "4" => Some(StatusKey::Class(4)),
                "5" => Some(StatusKey::Class(5)),
                _ => None,
            };
        }
        key.parse::<u16>()
            .ok()
            .filter(|s| (400..=599).contains(s))
            .map(StatusKey::Exact)
    }

    /// The exact status, when there is one.
    pub fn exact(self) -> Option<u16> {
        match self {
            StatusKey::Exact(s) => Some(s),
            _ => None,
        }
    }
}

impl std::fmt::Display for StatusKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StatusKey::Exact(s) => write!(f, "{s}"),
            StatusKey::Class(d) => write!(f, "{d}XX"),
            StatusKey::Default => f.write_str("default"),
        }
    }
}

/// One documented example body.
pub struct ExampleBody {
    /// Its name in `examples`, or `example`.
    pub name: String,
    /// The body.
    pub value: Value,
}

/// One error response of one operation, `$ref`s followed.
pub struct ErrorResponse {
    /// `GET /repos/{owner}/{repo}`.
    pub operation: String,
    /// The response's key.
    pub status: StatusKey,
    /// The name under `components/responses` when the operation refers to one.
    pub component: Option<String>,
    /// Its description.
    pub description: String,
    /// The JSON body's schema, followed through `$ref`s (not inside).
    pub schema: Option<Value>,
    /// The examples of its JSON body.
    pub examples: Vec<ExampleBody>,
    /// The names of the headers it declares, as written.
    pub headers: Vec<String>,
}

impl Spec {
    /// Reads `path` as JSON (when it starts with `{`) or YAML.
    pub fn load(path: &Path) -> Result<Spec, SpecError> {
        let text = std::fs::read_to_string(path).map_err(|e| SpecError(e.to_string()))?;
        let root: Value = if text.trim_start().starts_with('{') {
            serde_json::from_str(&text).map_err(|e| SpecError(format!("invalid JSON: {e}")))?
        } else {
            yaml_serde::from_str(&text).map_err(|e| SpecError(format!("invalid YAML: {e}")))?
        };
        Spec::from_value(root)
    }

    /// Takes a parsed description; refuses anything but OpenAPI 3.0 and 3.1.
    pub fn from_value(root: Value) -> Result<Spec, SpecError> {
        let version = match root.get("openapi") {
            Some(Value::String(v)) => v.clone(),
            Some(_) => return Err(SpecError("`openapi` is not a version string".into())),
            None if root.get("swagger").is_some() => {
                return Err(SpecError(
                    "a Swagger 2.0 description: convert it to OpenAPI 3 first".into(),
                ))
            }
            None => {
                return Err(SpecError(
                    "no `openapi` version: not an OpenAPI description".into(),
                ))
            }
        };
        if !(version.starts_with("3.0") || version.starts_with("3.1")) {
            return Err(SpecError(format!(
                "OpenAPI {version}: only 3.0 and 3.1 are read"
            )));
        }
        Ok(Spec { root, version })
    }

    /// A top-level member, e.g. `info`.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.root.get(key)
    }

    /// `value`, or what its `$ref` (a local one, `#/...`) points at, followed
    /// until a value without `$ref`.
    pub fn resolve<'a>(&'a self, mut value: &'a Value) -> Result<&'a Value, SpecError> {
        for _ in 0..MAX_REF_HOPS {
            let Some(reference) = value.get("$ref").and_then(Value::as_str) else {
                return Ok(value);
            };
            let pointer = reference.strip_prefix('#').ok_or_else(|| {
                SpecError(format!(
                    "`$ref: {reference}` points outside the file; only local references are followed"
                ))
            })?;
            value = self
                .root
                .pointer(pointer)
                .ok_or_else(|| SpecError(format!("`$ref: {reference}` points at nothing")))?;
        }
        Err(SpecError(format!(
            "more than {MAX_REF_HOPS} `$ref`s in a row (a cycle?)"
        )))
    }

    /// The name a `$ref` gives its target under `components/responses`.
    fn component_name(value: &Value) -> Option<String> {
        let reference = value.get("$ref")?.as_str()?;
        let name = reference.strip_prefix("#/components/responses/")?;
        Some(name.replace("~1", "/").replace("~0", "~"))
    }

    /// Every operation's responses, as `(operation, key, response)`, paths in
    /// order of their text (a description's member order does not matter).
    fn operations(&self) -> Result<Vec<(String, String, &Value)>, SpecError> {
        let mut out = Vec::new();
        let Some(paths) = self.root.get("paths").and_then(Value::as_object) else {
            return Ok(out);
        };
        let sorted: BTreeMap<&String, &Value> = paths.iter().collect();
        for (path, item) in sorted {
            let item = self.resolve(item)?;
            for method in METHODS {
                let Some(op) = item.get(method) else { continue };
                let Some(responses) = op.get("responses").and_then(Value::as_object) else {
                    continue;
                };
                let operation = format!("{} {path}", method.to_ascii_uppercase());
                let sorted: BTreeMap<&String, &Value> = responses.iter().collect();
                for (key, response) in sorted {
                    out.push((operation.clone(), key.clone(), response));
                }
            }
        }
        Ok(out)
    }

    /// Every error response (4xx, 5xx, `4XX`, `5XX`, `default`) of every operation.
    pub fn error_responses(&self) -> Result<Vec<ErrorResponse>, SpecError> {
        let mut out = Vec::new();
        for (operation, key, raw) in self.operations()? {
            let Some(status) = StatusKey::of(&key) else {
                continue;
            };
            let response = self.resolve(raw)?;
            let description = response
                .get("description")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .trim()
                .to_string();
            let (schema, examples) = match json_media(response) {
                Some(media) => (
                    match media.get("schema") {
                        Some(s) => Some(self.resolve(s)?.clone()),
                        None => None,
                    },
                    self.examples(media)?,
                ),
                None => (None, Vec::new()),
            };
            let mut headers: Vec<String> = response
                .get("headers")
                .and_then(Value::as_object)
                .map(|h| h.keys().cloned().collect())
                .unwrap_or_default();
            headers.sort();
            out.push(ErrorResponse {
                operation,
                status,
                component: Spec::component_name(raw),
                description,
                schema,
                examples,
                headers,
            });
        }
        Ok(out)
    }

    /// The JSON body schemas of every 2xx response, `$ref`s followed.
    pub fn success_schemas(&self) -> Result<Vec<Value>, SpecError> {
        let mut out = Vec::new();
        for (_, key, raw) in self.operations()? {
            if !(key.starts_with('2') || key.eq_ignore_ascii_case("2XX")) {
                continue;
            }
            let response = self.resolve(raw)?;
            if let Some(schema) = json_media(response).and_then(|m| m.get("schema")) {
                out.push(self.resolve(schema)?.clone());
            }
        }
        Ok(out)
    }

    /// A media type's `example` and `examples` (their `value`s, `$ref`s followed).
    fn examples(&self, media: &Value) -> Result<Vec<ExampleBody>, SpecError> {
        let mut out = Vec::new();
        if let Some(value) = media.get("example") {
            out.push(ExampleBody {
                name: "example".into(),
                value: value.clone(),
            });
        }
        if let Some(examples) = media.get("examples").and_then(Value::as_object) {
            let sorted: BTreeMap<&String, &Value> = examples.iter().collect();
            for (name, example) in sorted {
                if let Some(value) = self.resolve(example)?.get("value") {
                    out.push(ExampleBody {
                        name: name.clone(),
                        value: value.clone(),
                    });
                }
            }
        }
        Ok(out)
    }

    /// The properties of an object schema: its own, its `allOf` members', and
    /// those of the one schema a nullable `anyOf` / `oneOf` wraps; each
    /// property's schema followed through `$ref`s.
    pub fn properties(&self, schema: &Value) -> Result<BTreeMap<String, Value>, SpecError> {
        let mut out = BTreeMap::new();
        self.collect_properties(schema, &mut out, &mut BTreeSet::new())?;
        Ok(out)
    }

    /// Adds the properties of `schema` and of the schemas it is made of to
    /// `out`; `seen` holds the schemas already read (by address in the
    /// description), so a schema that refers to itself is read once.
    fn collect_properties(
        &self,
        schema: &Value,
        out: &mut BTreeMap<String, Value>,
        seen: &mut BTreeSet<usize>,
    ) -> Result<(), SpecError> {
        let schema = self.resolve(schema)?;
        if !seen.insert(std::ptr::from_ref(schema) as usize) {
            return Ok(());
        }
        if let Some(props) = schema.get("properties").and_then(Value::as_object) {
            for (name, prop) in props {
                if !out.contains_key(name) {
                    out.insert(name.clone(), self.resolve(prop)?.clone());
                }
            }
        }
        if let Some(all) = schema.get("allOf").and_then(Value::as_array) {
            for member in all {
                self.collect_properties(member, out, seen)?;
            }
        }
        if let Some(one) = self.single_alternative(schema)? {
            self.collect_properties(one, out, seen)?;
        }
        Ok(())
    }

    /// The one non-null schema of an `anyOf` / `oneOf` (`anyOf: [{$ref}]`,
    /// `[{$ref}, {type: null}]`); `None` when there are several.
    pub fn single_alternative<'a>(
        &'a self,
        schema: &'a Value,
    ) -> Result<Option<&'a Value>, SpecError> {
        for key in ["anyOf", "oneOf"] {
            let Some(list) = schema.get(key).and_then(Value::as_array) else {
                continue;
            };
            let mut non_null = Vec::new();
            for member in list {
                let member = self.resolve(member)?;
                if member.get("type").and_then(Value::as_str) != Some("null") {
                    non_null.push(member);
                }
            }
            if let [one] = non_null[..] {
                return Ok(Some(one));
            }
        }
        Ok(None)
    }
}

/// The JSON media type of a response's content: `application/json`, else
/// the first other `json` type (`application/problem+json`), else `*/*`.
fn json_media(response: &Value) -> Option<&Value> {
    let content = response.get("content")?.as_object()?;
    let sorted: BTreeMap<&String, &Value> = content.iter().collect();
    sorted
        .get(&"application/json".to_string())
        .copied()
        .or_else(|| {
            sorted
                .iter()
                .find(|(k, _)| k.contains("json"))
                .map(|(_, v)| *v)
        })
        .or_else(|| sorted.get(&"*/*".to_string()).copied())
}

/// The JSON type a schema names: `string`, `integer`, `boolean`, `object`,
/// … (of a 3.1 list such as `["string", "null"]`, the first that is not
/// `null`); for a schema with an `enum` and no type, the type of its values.
pub fn type_of(schema: &Value) -> Option<&str> {
    match schema.get("type") {
        Some(Value::String(t)) => Some(t.as_str()),
        Some(Value::Array(list)) => list.iter().filter_map(Value::as_str).find(|t| *t != "null"),
        _ => match schema.get("enum").and_then(Value::as_array)?.first()? {
            Value::String(_) => Some("string"),
            Value::Number(n) if n.is_i64() || n.is_u64() => Some("integer"),
            Value::Bool(_) => Some("boolean"),
            _ => None,
        },
    }
}
