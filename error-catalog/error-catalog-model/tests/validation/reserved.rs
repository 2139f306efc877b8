//! Reserved codes, and rules that had no test of their own before rule ids.

use super::*;

// --- reserved codes --------------------------------------------------------------

#[test]
fn reserved_code_used_by_an_error() {
    let text = r#"reserved = [{ code = "PLAN_EXPIRED", reason = "replaced by SUBSCRIPTION_ENDED" }]
[service]
id = "shop"
name = "Shop"
[wire]
preset = "nested"
[[errors]]
code = "PLAN_EXPIRED"
message = "Your plan has expired"
"#;
    assert_eq!(
        expect(text, &[Rule::ReservedCodeUsed]),
        ["t.toml:8:8: error code `PLAN_EXPIRED` is reserved\n  note: t.toml:1:22: `PLAN_EXPIRED` is reserved here: replaced by SUBSCRIPTION_ENDED\n  help: a reserved code once meant another error to clients: give this error a new code (remove the reservation only if this is the same error coming back)"]
    );
}

#[test]
fn reserved_code_inside_a_code_range() {
    let text = r#"reserved = [-32050]
[service]
id = "rpc"
name = "RPC"
[wire]
code = "/error/code"
code_type = "integer"
[[errors]]
code_range = [-32099, -32000]
message = "Server error"
"#;
    let p = expect(text, &[Rule::ReservedCodeUsed]);
    assert_eq!(p.len(), 1);
    assert!(
        p[0].starts_with("t.toml:9:14: error code `-32050` is reserved\n  note: t.toml:1:13: `-32050` is reserved here"),
        "{}",
        p[0]
    );
}

#[test]
fn reserved_twice() {
    let text = r#"reserved = ["OLD", "OLD"]
[service]
id = "shop"
name = "Shop"
[wire]
preset = "nested"
[[errors]]
code = "NEW"
message = "New"
"#;
    assert_eq!(
        expect(text, &[Rule::ReservedTwice]),
        ["t.toml:1:20: code `OLD` is reserved twice\n  note: t.toml:1:13: `OLD` is reserved here\n  help: remove one of them"]
    );
}

#[test]
fn reserved_string_in_an_integer_catalog() {
    let text = r#"reserved = [20001, "OLD"]
[service]
id = "rpc"
name = "RPC"
[wire]
code = "/error/code"
code_type = "integer"
[[errors]]
code = -32601
message = "Method not found"
"#;
    assert_eq!(
        expect(text, &[Rule::ReservedNotInteger]),
        ["t.toml:1:20: reserved code \"OLD\" is a string, but the catalog's codes are integers (`code_type = \"integer\"`)\n  help: write it as a TOML integer, e.g. `reserved = [20001]`"]
    );
}

#[test]
fn reserved_of_the_wrong_shape() {
    let text = r#"reserved = ["OLD", true, { reason = "no code" }, { code = "X", why = "?" }]
[service]
id = "shop"
name = "Shop"
[wire]
preset = "nested"
[[errors]]
code = "NEW"
message = "New"
"#;
    let p = expect(text, &[Rule::ValueType, Rule::KeyMissing, Rule::KeyUnknown]);
    assert_eq!(p.len(), 3, "{p:#?}");
    assert!(
        p[0].starts_with(
            "t.toml:1:20: `reserved` in the catalog's top level must be an array of codes"
        ),
        "{}",
        p[0]
    );
    assert_eq!(
        p[1],
        "t.toml:1:26: missing required key `code` in a `reserved` item"
    );
    assert!(
        p[2].starts_with("t.toml:1:64: unknown key `why` in a `reserved` item"),
        "{}",
        p[2]
    );
}

#[test]
fn reserved_codes_load() {
    let c = loads(
        r#"reserved = ["OLD", { code = "GONE", reason = "merged into NEW" }]
[service]
id = "shop"
name = "Shop"
[wire]
preset = "nested"
[[errors]]
code = "NEW"
message = "New"
"#,
    );
    let codes: Vec<&str> = c.reserved.iter().map(|r| r.code.value.as_str()).collect();
    assert_eq!(codes, ["OLD", "GONE"]);
    assert_eq!(c.reserved[1].reason.as_deref(), Some("merged into NEW"));
    assert!(
        c.service.non_exhaustive.value,
        "non_exhaustive defaults to true"
    );
}

// --- rules without a test of their own before rule ids -------------------------

#[test]
fn an_integer_beyond_64_bits() {
    let text = &catalog(
        r#"preset = "nested""#,
        r#"[[errors]]
code = "NOT_FOUND"
status = 404
priority = 0x1_0000_0000_0000_0000
message = "Not found"
"#,
    );
    let p = expect(text, &[Rule::ValueOutOfRange]);
    assert!(p[0].starts_with("t.toml:9:12: `priority`"), "{p:?}");
}

#[test]
fn content_type_that_is_no_media_type() {
    let text = &catalog(
        r#"preset = "nested"
content_type = "json""#,
        r#"[[errors]]
code = "NOT_FOUND"
message = "Not found"
"#,
    );
    let p = expect(text, &[Rule::ContentTypeInvalid]);
    assert!(
        p[0].contains("`content_type` `json` is not a media type"),
        "{p:?}"
    );
}

#[test]
fn enum_name_that_is_no_identifier() {
    let text = r#"[service]
id = "shop"
name = "Shop"
enum_name = "Shop-Error"
[wire]
preset = "nested"
[[errors]]
code = "NOT_FOUND"
message = "Not found"
"#;
    let p = expect(text, &[Rule::EnumNameInvalid]);
    assert!(
        p[0].starts_with("t.toml:4:13: `enum_name` `Shop-Error` is not a valid Rust identifier"),
        "{p:?}"
    );
}

#[test]
fn two_placeholders_side_by_side_in_a_pattern() {
    let text = &catalog(
        "preset = \"nested\"\nidentity = \"message\"",
        r#"[[errors]]
code = "NOT_FOUND"
message = "Not found: {a} {b}"
matches = ["Not found: {a}{b}"]
fields = { a = "string", b = "string" }
"#,
    );
    let p = expect(text, &[Rule::PlaceholdersAdjacent]);
    assert!(p[0].contains("has two placeholders side by side"), "{p:?}");
}

#[test]
fn field_name_that_is_no_identifier() {
    let text = &catalog(
        r#"preset = "nested""#,
        r#"[[errors]]
code = "NOT_FOUND"
message = "Customer not found"
fields = { user = { type = "string", rust = "user-id" } }
"#,
    );
    let p = expect(text, &[Rule::FieldNameInvalid]);
    assert!(
        p[0].contains("gives Rust name `user-id`, which is not a valid identifier"),
        "{p:?}"
    );
}

#[test]
fn field_named_like_an_envelope_field() {
    let text = &catalog(
        r#"preset = "nested"
fields = { trace = "string?" }"#,
        r#"[[errors]]
code = "NOT_FOUND"
message = "Not found"
fields = { trace = "string?" }
"#,
    );
    let p = expect(text, &[Rule::FieldDuplicate]);
    assert!(
        p[0].contains("field `trace` of error `NOT_FOUND` is declared twice"),
        "{p:?}"
    );
}

#[test]
fn a_type_declared_twice() {
    // TOML itself refuses a key given twice (`toml-syntax`); the rule guards
    // catalogs built otherwise
    let mut c = loads(&catalog(
        r#"preset = "nested""#,
        r#"[types]
Item = { sku = "string" }
[[errors]]
code = "NOT_FOUND"
message = "Not found"
"#,
    ));
    c.types.push(c.types[0].clone());
    let d = error_catalog_model::validate::validate(&c);
    let rules: Vec<Rule> = d.iter().map(|d| d.rule).collect();
    assert_eq!(rules, [Rule::TypeDuplicate]);
    assert_eq!(d[0].message, "type `Item` is declared twice");
}
