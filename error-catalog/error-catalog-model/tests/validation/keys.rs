//! Unknown keys, types and required keys, codes and variants, statuses.

use super::*;

// --- unknown keys --------------------------------------------------------------

#[test]
fn unknown_key_in_error_suggests_the_known_one() {
    let text = &catalog(
        r#"preset = "nested""#,
        r#"[[errors]]
code = "NOT_FOUND"
stauts = 404
message = "Not found"
"#,
    );
    assert_eq!(
        expect(text, &[Rule::KeyUnknown]),
        ["t.toml:8:1: unknown key `stauts` in error `NOT_FOUND`\n  help: did you mean `status`?"]
    );
}

#[test]
fn unknown_key_in_service() {
    let text = r#"[service]
id = "shop"
name = "Shop"
docs = "https://docs.shop.example"
[wire]
preset = "nested"
[[errors]]
code = "NOT_FOUND"
message = "Not found"
"#;
    assert_eq!(
        expect(text, &[Rule::KeyUnknown]),
        ["t.toml:4:1: unknown key `docs` in `[service]`\n  help: did you mean `docs_url`?"]
    );
}

#[test]
fn unknown_key_in_a_field_table() {
    let text = &catalog(
        r#"preset = "nested""#,
        r#"[[errors]]
code = "NOT_FOUND"
message = "Customer {id} not found"
[errors.fields]
id = { type = "string", internl = true }
"#,
    );
    assert_eq!(
        expect(text, &[Rule::KeyUnknown]),
        ["t.toml:10:25: unknown key `internl` in field `id` of the fields of error `NOT_FOUND`\n  help: did you mean `internal`?"]
    );
}

#[test]
fn unknown_top_level_key() {
    let text = &catalog(
        r#"preset = "nested""#,
        r#"[[error]]
code = "NOT_FOUND"
message = "Not found"
"#,
    );
    assert_eq!(
        expect(text, &[Rule::KeyUnknown]),
        ["t.toml:6:3: unknown key `error` in the catalog's top level\n  help: did you mean `errors`?"]
    );
}

// --- types and required keys ---------------------------------------------------

#[test]
fn wrong_type() {
    let text = &catalog(
        r#"preset = "nested""#,
        r#"[[errors]]
code = "NOT_FOUND"
status = "404"
message = "Not found"
"#,
    );
    assert_eq!(
        expect(text, &[Rule::ValueType]),
        ["t.toml:8:10: `status` in error `NOT_FOUND` must be an integer, found a string"]
    );
}

#[test]
fn missing_message() {
    let text = &catalog(
        r#"preset = "nested""#,
        r#"[[errors]]
code = "NOT_FOUND"
status = 404
"#,
    );
    assert_eq!(
        expect(text, &[Rule::KeyMissing]),
        ["t.toml:6:1: missing required key `message` in error `NOT_FOUND`"]
    );
}

#[test]
fn missing_service_id() {
    let text = r#"[service]
name = "Shop"
[wire]
preset = "nested"
[[errors]]
code = "NOT_FOUND"
message = "Not found"
"#;
    assert_eq!(
        expect(text, &[Rule::KeyMissing]),
        ["t.toml:1:1: missing required key `id` in `[service]`"]
    );
}

// --- codes and variants --------------------------------------------------------

#[test]
fn duplicate_code() {
    let text = &catalog(
        r#"preset = "nested""#,
        r#"[[errors]]
code = "NOT_FOUND"
message = "Not found"
[[errors]]
code = "NOT_FOUND"
message = "Missing"
"#,
    );
    let p = expect(text, &[Rule::CodeDuplicate]);
    assert_eq!(
        p[0],
        "t.toml:10:8: duplicate error code `NOT_FOUND`\n  note: t.toml:7:8: `NOT_FOUND` is first defined here\n  help: each code may appear once; remove or rename one of them"
    );
    // (The variant rule also reports `NOT_FOUND` twice mapping to `NotFound`; only
    // the duplicate-code diagnostic is pinned here.)
    assert!(p.iter().all(|d| d.starts_with("t.toml:10:8: ")), "{p:#?}");
}

#[test]
fn two_codes_map_to_one_variant() {
    let text = &catalog(
        r#"preset = "coded""#,
        r#"[[errors]]
code = "token/expired"
message = "Token has expired"
[[errors]]
code = "TOKEN_EXPIRED"
message = "JWT token has expired"
"#,
    );
    assert_eq!(
        expect(text, &[Rule::VariantDuplicate]),
        ["t.toml:10:8: codes `token/expired` and `TOKEN_EXPIRED` both map to variant `TokenExpired`\n  help: set `variant` on one of them to a different name"]
    );
    // Naming one of them resolves the clash.
    let fixed = text.replace(
        "code = \"TOKEN_EXPIRED\"\n",
        "code = \"TOKEN_EXPIRED\"\nvariant = \"JwtExpired\"\n",
    );
    let c = loads(&fixed);
    assert_eq!(c.errors[0].variant.value, "TokenExpired");
    assert_eq!(c.errors[1].variant.value, "JwtExpired");
}

#[test]
fn variant_that_is_not_a_rust_identifier() {
    let text = &catalog(
        r#"preset = "coded""#,
        r#"[[errors]]
code = "2fa_enabled"
message = "2FA is already enabled"
"#,
    );
    assert_eq!(
        expect(text, &[Rule::VariantNameInvalid]),
        ["t.toml:7:8: variant name `2faEnabled` (for code `2fa_enabled`) is not a valid Rust identifier\n  help: set `variant` to a name such as `TokenExpired`"]
    );
}

// --- status --------------------------------------------------------------------

#[test]
fn status_outside_http_range() {
    let text = &catalog(
        r#"preset = "nested""#,
        r#"[[errors]]
code = "NOT_FOUND"
status = 600
message = "Not found"
[[errors]]
code = "EARLY"
status = 99
message = "Too early"
"#,
    );
    assert_eq!(
        expect(text, &[Rule::StatusOutOfRange, Rule::StatusOutOfRange]),
        [
            "t.toml:8:10: `status` 600 of error `NOT_FOUND` is not an HTTP status\n  help: use a status from 100 to 599, or leave `status` out",
            "t.toml:12:10: `status` 99 of error `EARLY` is not an HTTP status\n  help: use a status from 100 to 599, or leave `status` out",
        ]
    );
}
