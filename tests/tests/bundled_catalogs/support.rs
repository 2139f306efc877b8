//! What the per-catalog tests share: loading a bundled catalog, looking up its
//! entries and fields, and checking its examples.

use error_catalog_core::engine::Identity;
use error_catalog_core::template::{match_pattern, Template};
use error_catalog_model::model::{Catalog, ErrorEntry, FieldType};
use error_catalog_model::validate::hole_kind;
use serde_json::Value;

/// Loads a bundled catalog, checks that its example bodies fit it, and returns it.
pub(crate) fn load(id: &str) -> Catalog {
    let bundled = error_catalog_tests::bundled(id);
    assert_eq!(bundled.service.id.value, id);
    check_examples(&bundled);
    bundled
}

/// The error with this code.
/// The fix command as a reader sees it (a template: `{{` is a literal brace).
pub(crate) fn shown_fix(e: &ErrorEntry) -> Option<String> {
    e.fix_command
        .as_ref()
        .map(|f| error_catalog_core::command::render(&f.value, &Default::default()))
}

pub(crate) fn err<'c>(c: &'c Catalog, code: &str) -> &'c ErrorEntry {
    c.errors
        .iter()
        .find(|e| e.code.value == code)
        .unwrap_or_else(|| panic!("no error `{code}` in `{}`", c.service.id.value))
}

/// The type of field `wire` of an error (its own fields, then the envelope's).
pub(crate) fn field_type(c: &Catalog, e: &ErrorEntry, wire: &str) -> FieldType {
    e.fields
        .iter()
        .chain(&c.wire.fields)
        .find(|f| f.wire.value == wire)
        .unwrap_or_else(|| panic!("error `{}` has no field `{wire}`", e.code.value))
        .ty
        .value
}

/// The wire names of an error's own fields, sorted.
pub(crate) fn field_names(e: &ErrorEntry) -> Vec<&str> {
    let mut names: Vec<&str> = e.fields.iter().map(|f| f.wire.value.as_str()).collect();
    names.sort_unstable();
    names
}

/// Matches `text` against `pattern` (a template of error `e`): the captured
/// placeholder values by name.
pub(crate) fn match_template(
    c: &Catalog,
    e: &ErrorEntry,
    pattern: &str,
    text: &str,
) -> Option<Vec<(String, String)>> {
    let t = Template::parse(pattern).unwrap();
    let names: Vec<&str> = t.placeholders().collect();
    let segs = t.pattern(|n| {
        let i = names.iter().position(|m| *m == n).unwrap();
        (i, hole_kind(c, e, n))
    });
    match_pattern(&segs, text).map(|holes| {
        holes
            .into_iter()
            .map(|(i, s)| (names[i].to_string(), s.to_string()))
            .collect()
    })
}

/// Every example body is JSON, carries the error's code where the wire says
/// codes are, and a message that the error's template (or one of its patterns)
/// matches; a placeholder's captured text equals the detail field of the same
/// name when the body has it.
pub(crate) fn check_examples(c: &Catalog) {
    for e in &c.errors {
        for ex in &e.examples {
            let body: Value = serde_json::from_str(&ex.body.value)
                .unwrap_or_else(|err| panic!("example of `{}`: {err}", e.code.value));
            if let (Identity::Code, Some(p)) = (c.wire.identity, &c.wire.code) {
                assert_eq!(
                    body.pointer(&p.value.text).and_then(Value::as_str),
                    Some(e.code.value.as_str()),
                    "code in the example of `{}`",
                    e.code.value
                );
            }
            let Some(msg) = c
                .wire
                .message
                .as_ref()
                .and_then(|p| body.pointer(&p.value.text))
                .and_then(Value::as_str)
            else {
                continue;
            };
            let patterns: Vec<&str> = std::iter::once(e.message.value.as_str())
                .chain(e.matches.iter().map(|m| m.value.as_str()))
                .collect();
            let holes = patterns
                .iter()
                .find_map(|p| match_template(c, e, p, msg))
                .unwrap_or_else(|| {
                    panic!(
                        "example message {msg:?} of `{}` fits none of {patterns:?}",
                        e.code.value
                    )
                });
            for (name, text) in holes {
                let at = e
                    .fields
                    .iter()
                    .chain(&c.wire.fields)
                    .find(|f| f.wire.value == name)
                    .and_then(|f| f.at_ptr.as_ref());
                let Some(v) = at.and_then(|p| body.pointer(&p.value.text)) else {
                    continue;
                };
                let shown = match v {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                assert_eq!(
                    shown, text,
                    "`{{{name}}}` in the example of `{}` disagrees with its detail field",
                    e.code.value
                );
            }
        }
    }
}

/// Classifies (status, message) with the run-time classifier (the engine and
/// layout generated code uses), the message placed where the wire carries it.
/// Returns the code and the captured placeholder values, in field order.
pub(crate) fn classify(
    c: &Catalog,
    status: u16,
    message: &str,
) -> Option<(String, Vec<(String, String)>)> {
    let pointer = &c.wire.message.as_ref()?.value;
    let body =
        pointer
            .segments
            .iter()
            .rev()
            .fold(Value::String(message.to_string()), |inner, key| {
                let mut m = serde_json::Map::new();
                m.insert(key.clone(), inner);
                Value::Object(m)
            });
    let r = error_catalog_model::response::decode(c, status, body.to_string().as_bytes());
    let e = &c.errors[r.entry?];
    let holes = e
        .fields
        .iter()
        .filter_map(|f| {
            let v = r.fields.get(&f.wire.value)?;
            let text = v.as_str().map_or_else(|| v.to_string(), str::to_string);
            Some((f.wire.value.clone(), text))
        })
        .collect();
    Some((e.code.value.clone(), holes))
}
