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
