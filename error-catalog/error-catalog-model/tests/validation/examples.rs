//! The self-verifying rules: each documented example, and for an error
//! without one the body its declaration describes, decodes as that error
//! through the one decoder, with every declared field filled.

use super::*;

/// An example carrying another error's code reads as that error: named, with
/// where it is declared.
#[test]
fn example_that_reads_as_another_error() {
    let text = catalog(
        r#"preset = "nested""#,
        r#"[[errors]]
code = "NOT_FOUND"
status = 404
message = "Not found"
[[errors]]
code = "GONE"
status = 410
message = "Gone"
[[errors.examples]]
body = '{"error": {"code": "NOT_FOUND", "message": "Not found"}}'
"#,
    );
    assert_eq!(
        expect(&text, &[Rule::ExampleReadsAsOther]),
        ["t.toml:15:8: example of error `GONE` (HTTP 410) decodes as error `NOT_FOUND`\n  note: t.toml:7:8: error `NOT_FOUND` is declared here\n  help: the body carries the other error's code: fix the example"]
    );
    loads(&text.replace(
        r#"{"code": "NOT_FOUND", "message": "Not found"}"#,
        r#"{"code": "GONE", "message": "Gone"}"#,
    ));
}

/// An error without examples whose declared body is taken by an error of
/// higher priority is never chosen: its sample body says so, at its code.
#[test]
fn declaration_shadowed_by_a_higher_priority_pattern() {
    let text = catalog(
        "message = \"/message\"\nidentity = \"message\"",
        r#"[[errors]]
code = "ANY_THING"
status = 400
message = "Thing {what}"
fields = { what = "string" }
priority = 1
[[errors]]
code = "BAD_THING"
status = 400
message = "Thing {id} is bad"
fields = { id = "u64" }
"#,
    );
    assert_eq!(
        expect(&text, &[Rule::ExampleReadsAsOther]),
        ["t.toml:14:8: the body the declaration of error `BAD_THING` describes (it has no example) decodes as error `ANY_THING`\n  note: t.toml:8:8: error `ANY_THING` is declared here\n  help: the other error has a higher `priority` and its pattern matches this message: make the patterns distinct, or give this error the higher priority"]
    );
    loads(&text.replace("priority = 1\n", "priority = -1\n"));
}

/// An example missing a required field (the field's pointer is not where the
/// body has it) reads as unknown, with the fallback's reason.
#[test]
fn example_that_reads_as_unknown() {
    let text = catalog(
        r#"preset = "nested""#,
        r#"[[errors]]
code = "BAD"
status = 400
message = "Bad {n}"
fields = { n = { type = "u32", at = "/error/detail/n" } }
[[errors.examples]]
body = '{"error": {"code": "BAD", "message": "Bad 3", "n": 3}}'
"#,
    );
    assert_eq!(
        expect(&text, &[Rule::ExampleReadsAsUnknown]),
        ["t.toml:12:8: example of error `BAD` (HTTP 400) decodes as unknown: missing field `n`\n  help: check that the `[wire]` pointers, the fields' places and the message patterns match where this body has its values"]
    );
    loads(&text.replace("/error/detail/n", "/error/n"));
}

/// A field the example carries under its name that the decoder does not fill
/// (its pointer is misspelt) is reported at the field, with the example; an
/// optional field an example simply leaves out is not.
#[test]
fn field_an_example_carries_but_nothing_reads() {
    let text = catalog(
        r#"preset = "nested""#,
        r#"[[errors]]
code = "NOT_FOUND"
status = 404
message = "Not found"
fields = { hint = { type = "string?", at = "/error/hnt" } }
[[errors.examples]]
body = '{"error": {"code": "NOT_FOUND", "message": "Not found"}}'
[[errors.examples]]
body = '{"error": {"code": "NOT_FOUND", "message": "Not found", "hint": "look"}}'
"#,
    );
    assert_eq!(
        expect(&text, &[Rule::ExampleFieldUnfilled]),
        ["t.toml:10:12: field `hint` of error `NOT_FOUND` is not read from its example (it is read at `/error/hnt`)\n  note: t.toml:14:8: this example has `hint` at `/error/hint`\n  help: check the field's `at` pointer (or the wire's `fields_at`) against where the body has the value"]
    );
    loads(&text.replace("/error/hnt", "/error/hint"));
    // without the example that shows it, nothing says where it is
    loads(&text.replace(", \"hint\": \"look\"", ""));
}

/// An error without examples: every field of the body its declaration
/// describes reads back, typed (a declared object type's members filled too).
#[test]
fn declaration_with_every_kind_of_field_reads_back() {
    loads(&catalog(
        r#"preset = "nested""#,
        r#"[types.Item]
sku = "string"
count = "u32?"
[[errors]]
code = "MIXED"
status = 400
message = "Item {sku} of {total} costs {price}"
fields = { sku = "string", total = "u64", price = "f64", ok = "bool", items = "[Item]", raw = "json", note = { type = "string?", at = "/meta/note" } }
"#,
    ));
}

/// Examples are decoded with their own status and headers: an error told
/// apart by a header (`when_header`) is recognised from its example's
/// headers, and from its declaration (the conditions it names) without one.
#[test]
fn examples_decode_with_their_status_and_headers() {
    let text = catalog(
        r#"preset = "nested""#,
        r#"[[errors]]
code = "LIMITED"
status = 403
message = "Rate limit exceeded"
when_header = { x-ratelimit-remaining = "0" }
[[errors.examples]]
status = 403
headers = { x-ratelimit-remaining = "0" }
body = '{"error": {"code": "LIMITED", "message": "Rate limit exceeded"}}'
[[errors]]
code = "LIMITED"
variant = "Forbidden"
status = 403
message = "Forbidden"
"#,
    );
    let c = loads(&text);
    assert_eq!(c.errors.len(), 2);
    // the same example without the header is the other error
    let text = text.replace("headers = { x-ratelimit-remaining = \"0\" }\n", "");
    assert_eq!(
        expect(&text, &[Rule::ExampleReadsAsOther]),
        ["t.toml:13:8: example of error `LIMITED` (HTTP 403) decodes as error `LIMITED` (`Forbidden`)\n  note: t.toml:15:8: error `LIMITED` (`Forbidden`) is declared here\n  help: fix the example, or tell the two errors apart with `when` or `matches`"]
    );
}
