//! The rules on documented examples: each is JSON, and each reads as an error
//! by the wire's success rule.

use super::*;

/// Rule: example bodies are JSON (a service's documented body must parse).
pub(super) fn check_examples(c: &Catalog, d: &mut Vec<Diagnostic>) {
    for e in &c.errors {
        for ex in &e.examples {
            if let Err(err) = serde_json::from_str::<serde_json::Value>(&ex.body.value) {
                d.push(Diagnostic::new(
                    Rule::ExampleNotJson,
                    &ex.body.at,
                    format!(
                        "example body of error `{}` is not JSON: {err}",
                        e.code.value
                    ),
                ));
            }
        }
    }
}

/// Rule: an error's example is an error by the wire's success rule: a rule
/// that calls a documented error body a success would hide that error from
/// `error_in` (examples without a status are not judged).
pub(super) fn check_examples_are_errors(c: &Catalog, d: &mut Vec<Diagnostic>) {
    if c.wire.damaged {
        return;
    }
    for e in c.errors.iter().filter(|e| sound(c, e)) {
        for ex in &e.examples {
            let Some(status) = ex.status.or(e.status_u16()) else {
                continue;
            };
            if crate::response::is_success(c, status, ex.body.value.as_bytes()) {
                let (why, help) = if c.wire.success.is_empty() {
                    ("a 2xx body that does not carry what identifies an error", "give `[wire]` a `success` rule saying what marks a success body, e.g. `success = { \"/ok\" = true }`")
                } else {
                    (
                        "a body with the marks of `[wire] success`",
                        "make the success marks something error bodies never have",
                    )
                };
                d.push(
                    Diagnostic::new(
                        Rule::ExampleReadsAsSuccess,
                        &ex.body.at,
                        format!(
                            "example of error `{}` (HTTP {status}) reads as a success: {why}",
                            e.code.value
                        ),
                    )
                    .help(help),
                );
            }
        }
    }
}

/// Rules: every documented example of an error decodes, through the one
/// decoder, as that error, and every field value it carries (a member named
/// like a declared field) is read; an error without examples is judged by the
/// body its declaration describes ([`crate::docs::sample_body`]), every field
/// of which must read back. Run only on a catalog with no
/// other problem: decoding a catalog that breaks a rule would report echoes
/// of that problem.
pub(super) fn check_examples_decode(c: &Catalog, d: &mut Vec<Diagnostic>) {
    crate::response::with_decoder(c, |decode| {
        for (i, e) in c.errors.iter().enumerate() {
            if e.examples.is_empty() {
                let body = crate::docs::sample_body(c, e);
                let headers: Vec<(&str, &str)> = e
                    .when_headers
                    .iter()
                    .map(|(n, v)| (n.value.as_str(), v.value.as_str()))
                    .collect();
                let status = e.status_u16().unwrap_or(0);
                if crate::response::is_success(c, status, body.as_bytes()) {
                    continue;
                }
                let r = decode(status, &headers, body.as_bytes());
                let what = format!(
                    "the body the declaration of error `{}` describes (it has no example)",
                    e.code.value
                );
                if judge(c, i, &r, &e.code.at, &what, d) {
                    let mut missing = crate::response::fields_of(c, e)
                        .into_iter()
                        .filter(|f| !r.fields.contains_key(&f.wire.value) && fillable(c, f));
                    if let Some(f) = missing.next() {
                        d.push(unfilled(e, f, "the body built from its declaration"));
                    }
                }
                continue;
            }
            let mut reported: Vec<&str> = Vec::new();
            for ex in &e.examples {
                let status = ex.status.or(e.status_u16()).unwrap_or(0);
                let body = ex.body.value.as_bytes();
                let Ok(json) = serde_json::from_slice::<serde_json::Value>(body) else {
                    continue; // reported by `example-not-json`
                };
                if crate::response::is_success(c, status, body) {
                    continue; // reported by `example-reads-as-success`
                }
                let r = decode(status, &ex.headers, body);
                let what = format!("example of error `{}` (HTTP {status})", e.code.value);
                if !judge(c, i, &r, &ex.body.at, &what, d) {
                    continue;
                }
                // a field the example carries (a member of its name) that the
                // decoder did not fill: its place misses the value
                for f in crate::response::fields_of(c, e) {
                    let name = f.wire.value.as_str();
                    if r.fields.contains_key(name) || reported.contains(&name) {
                        continue;
                    }
                    if let Some(found) = member_named(&json, name, &mut String::new()) {
                        reported.push(name);
                        d.push(unfilled(e, f, "its example").note(
                            &ex.body.at,
                            format!("this example has `{name}` at `{found}`"),
                        ));
                    }
                }
            }
        }
    });
}

/// The JSON pointer of the first member named `name` in `v` that is not
/// `null` (an absent optional value), depth first.
fn member_named(v: &serde_json::Value, name: &str, path: &mut String) -> Option<String> {
    let len = path.len();
    let found = match v {
        serde_json::Value::Object(m) => m.iter().find_map(|(k, child)| {
            path.truncate(len);
            path.push('/');
            path.push_str(&k.replace('~', "~0").replace('/', "~1"));
            if k == name && !child.is_null() {
                Some(path.clone())
            } else {
                member_named(child, name, path)
            }
        }),
        serde_json::Value::Array(items) => items.iter().enumerate().find_map(|(n, child)| {
            path.truncate(len);
            path.push('/');
            path.push_str(&n.to_string());
            member_named(child, name, path)
        }),
        _ => None,
    };
    path.truncate(len);
    found
}

/// Reports `r` unless it is entry `i`; true when it is.
fn judge(
    c: &Catalog,
    i: usize,
    r: &crate::response::Response,
    at: &At,
    what: &str,
    d: &mut Vec<Diagnostic>,
) -> bool {
    match r.entry {
        Some(j) if j == i => true,
        Some(j) => {
            let other = c.errors.get(j);
            let name = other.map_or("?", |o| o.code.value.as_str());
            // (errors sharing a code, told apart by `when`, are named by variant too)
            let shown = match other {
                Some(o)
                    if c.errors
                        .iter()
                        .filter(|e| e.code.value == o.code.value)
                        .count()
                        > 1 =>
                {
                    format!("`{name}` (`{}`)", o.variant.value)
                }
                _ => format!("`{name}`"),
            };
            let mut diag = Diagnostic::new(
                Rule::ExampleReadsAsOther,
                at,
                format!("{what} decodes as error {shown}"),
            )
            .help(match other {
                Some(o) if r.code.as_deref() == Some(o.code.value.as_str()) && o.code.value != c.errors.get(i).map_or("", |e| e.code.value.as_str()) => {
                    "the body carries the other error's code: fix the example"
                }
                Some(o) if o.priority > c.errors.get(i).map_or(0, |e| e.priority) => {
                    "the other error has a higher `priority` and its pattern matches this message: make the patterns distinct, or give this error the higher priority"
                }
                _ if j < i => "an earlier error matches this body first: move the more specific error before it, or tell them apart with `when` or `matches`",
                _ => "fix the example, or tell the two errors apart with `when` or `matches`",
            });
            if let Some(o) = other {
                diag = diag.note(&o.code.at, format!("error {shown} is declared here"));
            }
            d.push(diag);
            false
        }
        None => {
            let reason = r.reason.as_deref().unwrap_or("no error matches");
            d.push(
                Diagnostic::new(
                    Rule::ExampleReadsAsUnknown,
                    at,
                    format!("{what} decodes as unknown: {reason}"),
                )
                .help("check that the `[wire]` pointers, the fields' places and the message patterns match where this body has its values"),
            );
            false
        }
    }
}

/// True when a field of this type can be given a sample value (a declared
/// object nested too deep has none, and is left out of the built body).
fn fillable(c: &Catalog, f: &Field) -> bool {
    crate::docs::sample::sample_json(c, f.ty.value).is_some()
}

fn unfilled(e: &ErrorEntry, f: &Field, source: &str) -> Diagnostic {
    Diagnostic::new(
        Rule::ExampleFieldUnfilled,
        &f.wire.at,
        match &f.at_ptr {
            Some(p) => format!(
                "field `{}` of error `{}` is not read from {source} (it is read at `{}`)",
                f.wire.value, e.code.value, p.value.text
            ),
            None => format!(
                "field `{}` of error `{}` is not read from {source} (it is read from the message)",
                f.wire.value, e.code.value
            ),
        },
    )
    .help("check the field's `at` pointer (or the wire's `fields_at`) against where the body has the value")
}
