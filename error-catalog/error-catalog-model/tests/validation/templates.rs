//! Message templates and fields.

use super::*;

// --- templates -----------------------------------------------------------------

#[test]
fn template_with_unclosed_brace() {
    let text = &catalog(
        r#"preset = "nested""#,
        r#"[[errors]]
code = "NOT_FOUND"
message = "Customer {id not found"
"#,
    );
    // `message = "` is 11 characters; `{` is byte 9 of the template: column 12 + 9.
    assert_eq!(
        expect(text, &[Rule::TemplateSyntax]),
        ["t.toml:8:21: `message` of error `NOT_FOUND`: unbalanced braces: `{` is never closed (write `{{` for a literal brace)"]
    );
}

#[test]
fn template_with_lone_closing_brace() {
    let text = &catalog(
        r#"preset = "nested""#,
        r#"[[errors]]
code = "NOT_FOUND"
message = "Customer id} not found"
"#,
    );
    assert_eq!(
        expect(text, &[Rule::TemplateSyntax]),
        ["t.toml:8:23: `message` of error `NOT_FOUND`: unbalanced braces: `}` has no opening `{` (write `}}` for a literal brace)"]
    );
}

/// The column of a brace inside a string written with escapes (`\"`) or as a
/// multi-line literal (`'''`) should still point at the brace. The library adds
/// the brace's offset in the *unescaped* template to the string's start + 1, so
/// it points 2 columns early after two `\"` escapes, and at the `'''` (line
/// before the brace) for a multi-line string.
#[test]

fn template_brace_column_in_escaped_and_multiline_strings() {
    let text = &catalog(
        r#"preset = "nested""#,
        r#"[[errors]]
code = "A"
message = "say \"hi\" {x"
[[errors]]
code = "B"
message = '''
line {y'''
"#,
    );
    assert_eq!(
        expect(text, &[Rule::TemplateSyntax, Rule::TemplateSyntax]),
        [
            "t.toml:8:23: `message` of error `A`: unbalanced braces: `{` is never closed (write `{{` for a literal brace)",
            "t.toml:12:6: `message` of error `B`: unbalanced braces: `{` is never closed (write `{{` for a literal brace)",
        ]
    );
}

#[test]
fn template_with_literal_braces_loads() {
    let text = &catalog(
        r#"preset = "nested""#,
        r#"[[errors]]
code = "BAD_JSON"
message = "Expected {{ at {pos}}}"
fields = { pos = "u32" }
"#,
    );
    let c = loads(text);
    let t = c.errors[0].template().unwrap();
    assert_eq!(t.render(|_| Some("7".into())), "Expected { at 7}");
}

#[test]
fn placeholder_naming_no_field() {
    let text = &catalog(
        r#"preset = "nested""#,
        r#"[[errors]]
code = "NOT_FOUND"
message = "Customer {idd} not found"
fields = { id = "string" }
[[errors]]
code = "GONE"
message = "Order {zzz} is gone"
"#,
    );
    assert_eq!(
        expect(text, &[Rule::PlaceholderUnknown, Rule::PlaceholderUnknown]),
        [
            "t.toml:8:21: placeholder `{idd}` in `message` of error `NOT_FOUND` names no field\n  help: did you mean `{id}`?",
            "t.toml:12:18: placeholder `{zzz}` in `message` of error `GONE` names no field\n  help: declare it under `[errors.fields]`, e.g. `zzz = \"string\"`",
        ]
    );
}

// --- fields --------------------------------------------------------------------

#[test]
fn field_of_unknown_type() {
    let text = &catalog(
        r#"preset = "nested""#,
        r#"[[errors]]
code = "RATE_LIMITED"
message = "Too many requests"
fields = { retryAfter = "u46" }
"#,
    );
    // `fields = { retryAfter = ` is 24 characters: the type's quote is column 25.
    let p = expect(text, &[Rule::FieldTypeUnknown]);
    assert_eq!(p.len(), 1, "{p:#?}");
    assert!(
        p[0].starts_with("t.toml:9:25: field `retryAfter` has unknown type `u46`\n  help: "),
        "{}",
        p[0]
    );

    // The did-you-mean looks at the base type, without `?`.
    let text = text.replace("\"u46\"", "\"strng?\"");
    assert_eq!(
        expect(&text, &[Rule::FieldTypeUnknown]),
        ["t.toml:9:25: field `retryAfter` has unknown type `strng?`\n  help: did you mean `string`? (add `?` for an optional field)"]
    );
}

/// `u46` is the typo of `u64` one would expect a hint for. The library's
/// did-you-mean (Jaro-Winkler > 0.8) cannot see a swap of two characters in a
/// three-character word (Jaro's match window is 0 there), so it only lists the
/// known types.
#[test]

fn field_of_unknown_type_suggests_u64_for_u46() {
    let text = &catalog(
        r#"preset = "nested""#,
        r#"[[errors]]
code = "RATE_LIMITED"
message = "Too many requests"
fields = { retryAfter = "u46" }
"#,
    );
    assert_eq!(
        expect(text, &[Rule::FieldTypeUnknown]),
        ["t.toml:9:25: field `retryAfter` has unknown type `u46`\n  help: did you mean `u64`? (add `?` for an optional field)"]
    );
}

#[test]
fn field_with_no_place_on_the_wire() {
    let text = &catalog(
        r#"preset = "message-only""#,
        r#"[[errors]]
code = "bad_request"
status = 400
message = "Bad request"
fields = { reason = "string" }
"#,
    );
    assert_eq!(
        expect(text, &[Rule::FieldUnplaced]),
        ["t.toml:10:12: field `reason` of error `bad_request` has no place on the wire\n  help: the wire has no `fields_at`: give the field an `at` pointer, name it in every pattern of `matches`, or (for an error with a code) in its message"]
    );
    // Naming it in the pattern gives it a place.
    loads(&text.replace("\"Bad request\"", "\"Bad request: {reason}\""));
}

#[test]
fn retry_after_field_naming_no_field() {
    let text = &catalog(
        r#"preset = "nested""#,
        r#"[[errors]]
code = "RATE_LIMITED"
status = 429
message = "Too many requests"
retry = "after"
retry_after_field = "retryAfter"
"#,
    );
    assert_eq!(
        expect(text, &[Rule::RetryAfterFieldUnknown]),
        ["t.toml:11:21: `retry_after_field` `retryAfter` of error `RATE_LIMITED` names no field"]
    );
    // A field that is there but holds no seconds is refused too.
    let text = format!("{text}fields = {{ retryAfter = \"bool\" }}\n");
    assert_eq!(
        expect(&text, &[Rule::RetryAfterFieldType]),
        ["t.toml:11:21: `retry_after_field` `retryAfter` must hold seconds (an integer, `f64`, or `string` such as \"1.5s\"), not `bool`"]
    );
    let list = text.replace("\"bool\"", "\"[u64]\"");
    assert_eq!(expect(&list, &[Rule::RetryAfterFieldType]).len(), 1);
    // integers, fractional seconds and protobuf `Duration` text ("1.5s") hold seconds
    for ty in [
        "\"u64?\"",
        "\"i32\"",
        "\"f64\"",
        "\"string\"",
        "\"string?\"",
    ] {
        loads(&text.replace("\"bool\"", ty));
    }
}

/// Under code identity, `matches` on an error sent with its code is never
/// tried: reported at the patterns; on an error sent without a code it is
/// how the error is found, and loads.
#[test]
fn patterns_no_step_reads() {
    let text = catalog(
        r#"preset = "nested""#,
        r#"[[errors]]
code = "NOT_FOUND"
status = 404
message = "Customer {id} not found"
matches = ["No such customer: {id}"]
fields = { id = "string" }
"#,
    );
    assert_eq!(
        expect(&text, &[Rule::PatternUnread]),
        ["t.toml:10:12: `matches` of error `NOT_FOUND` is never read: this catalog's errors are identified by their code, and `NOT_FOUND` is sent with one\n  help: remove `matches`; or, if the service sends this error without a code, set `code_in_body = false`"]
    );
    loads(&text.replace("status = 404\n", "status = 404\ncode_in_body = false\n"));
    loads(&text.replace("matches = [\"No such customer: {id}\"]\n", ""));
}

/// Overlap is found between patterns whose leading texts agree (one a prefix
/// of the other, an empty one included), and only there: the check looks
/// patterns up by their leading text instead of comparing every pair.
#[test]
fn overlap_found_through_leading_texts() {
    let text = catalog(
        "message = \"/message\"\nidentity = \"message\"",
        r#"[[errors]]
code = "A"
status = 400
message = "Not found: {a}"
fields = { a = "string" }
[[errors]]
code = "B"
status = 400
message = "Not {x}"
fields = { x = "string" }
[[errors]]
code = "C"
status = 400
message = "{y} failed"
fields = { y = "string" }
[[errors]]
code = "D"
status = 400
message = "Other {z}"
fields = { z = "string" }
"#,
    );
    let found = expect(&text, &[Rule::PatternOverlap; 4]);
    let pairs: Vec<(&str, &str)> = found
        .iter()
        .map(|d| {
            let names: Vec<&str> = d.split('`').skip(1).step_by(2).collect();
            (names[1], names[0])
        })
        .collect();
    assert_eq!(
        pairs,
        [("A", "B"), ("A", "C"), ("B", "C"), ("C", "D")],
        "{found:?}"
    );
}

/// A coded error's field its message names, with no place in the body, is
/// captured from the message: optional, since a message may not fit.
#[test]
fn a_field_captured_from_a_coded_message_is_optional() {
    let text = r#"[service]
id = "s"
name = "S"
[wire]
code = "/code"
message = "/message"
[[errors]]
code = "resource_missing"
status = 404
message = "No such customer: '{id}'"
fields = { id = "string" }
"#;
    let p = expect(text, &[Rule::FieldUnplaced]);
    assert!(
        p[0].contains("captured from the message received"),
        "{p:#?}"
    );
    assert!(p[0].contains("make it optional (`string?`)"), "{p:#?}");
    let ok = text.replace(r#"id = "string" }"#, r#"id = "string?" }"#);
    error_catalog_model::load_str("t.toml", &ok).expect(&ok);
    // a field the message does not name still has no place
    let p = expect(&text.replace("'{id}'", "someone"), &[Rule::FieldUnplaced]);
    assert!(
        p.iter().any(|m| m.contains("has no place on the wire")),
        "{p:#?}"
    );
}
