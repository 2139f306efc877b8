//! One test per catalog rule: a small broken catalog, the rules its problems
//! break (`expect(text, &[Rule::X])`), each diagnostic's text and its
//! `line:column`. Most catalogs come from [`catalog`], which writes the
//! `[service]` block (lines 1–3) and `[wire]` (line 4, then its keys); the
//! others start with `[service]` on line 1 too, so positions can be checked by
//! counting lines.

use error_catalog_model::load_str;
use error_catalog_model::rules::Rule;

const FILE: &str = "t.toml";

/// A catalog of service `shop`: `[service]` with its `id` and `name` on lines
/// 1 to 3, `[wire]` on line 4 followed by the lines of `wire`, then `rest`
/// (with a one-line `wire`, `rest` starts on line 6).
fn catalog(wire: &str, rest: &str) -> String {
    let mut text = String::from("[service]\nid = \"shop\"\nname = \"Shop\"\n[wire]\n");
    if !wire.is_empty() {
        text.push_str(wire);
        text.push('\n');
    }
    text.push_str(rest);
    text
}

/// The problems of a catalog that must not load, which must break `rules`,
/// in order; returns each rendered diagnostic after its `error[rule-id]: `
/// (`t.toml:line:col: message` + note and help).
fn expect(text: &str, rules: &[Rule]) -> Vec<String> {
    match load_str(FILE, text) {
        Ok(_) => panic!("catalog loaded, but problems were expected:\n{text}"),
        Err(p) => {
            let got: Vec<Rule> = p.list.iter().map(|d| d.rule).collect();
            assert_eq!(got, rules, "the rules broken by:\n{text}\n{p}");
            // `Problems` displays every rendered diagnostic, one after the other.
            let rendered: Vec<String> = p.list.iter().map(|d| d.render(p.file.as_ref())).collect();
            assert_eq!(p.to_string(), rendered.join("\n"));
            rendered
                .iter()
                .zip(&p.list)
                .map(|(r, d)| {
                    let head = format!("error[{}]: ", d.rule.id());
                    match r.strip_prefix(&head) {
                        Some(body) => body.to_string(),
                        None => panic!("`{r}` does not start with `{head}`"),
                    }
                })
                .collect()
        }
    }
}

/// The catalog must load; prints every problem if it does not.
fn loads(text: &str) -> error_catalog_model::model::Catalog {
    load_str(FILE, text).unwrap_or_else(|p| panic!("catalog did not load:\n{p}"))
}

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
        ["t.toml:10:12: field `reason` of error `bad_request` has no place on the wire\n  help: the wire has no `fields_at`: give the field an `at` pointer, or name it in every pattern of `matches`"]
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
    // A field that is there but not an integer is refused too.
    let text = format!("{text}fields = {{ retryAfter = \"string\" }}\n");
    assert_eq!(
        expect(&text, &[Rule::RetryAfterFieldType]),
        ["t.toml:11:21: `retry_after_field` `retryAfter` must be an integer field (seconds), not `string`"]
    );
    loads(&text.replace("\"string\"", "\"u64?\""));
}

// --- wire ----------------------------------------------------------------------

#[test]
fn unknown_wire_preset() {
    let text = &catalog(
        r#"preset = "nestd""#,
        r#"[[errors]]
code = "NOT_FOUND"
message = "Not found"
"#,
    );
    assert_eq!(
        expect(text, &[Rule::PresetUnknown]),
        ["t.toml:5:10: unknown wire preset `nestd`\n  help: did you mean `nested`?"]
    );
}

#[test]
fn custom_wire_that_does_not_say_where_the_code_is() {
    let text = &catalog(
        r#"content_type = "application/json""#,
        r#"[[errors]]
code = "NOT_FOUND"
status = 404
message = "Not found"
"#,
    );
    assert_eq!(
        expect(text, &[Rule::WireIdentityUnlocated]),
        ["t.toml:4:1: custom `[wire]` does not say where the code or the message is\n  help: set `code` (or `message`) to a JSON pointer, or choose a `preset`"]
    );

    let text = &catalog(
        r#"identity = "code"
message = "/error/message""#,
        r#"[[errors]]
code = "NOT_FOUND"
status = 404
message = "Not found"
"#,
    );
    assert_eq!(
        expect(text, &[Rule::WireIdentityUnlocated]),
        ["t.toml:4:1: `[wire]` does not say where the error code is\n  help: set `code` to a JSON pointer such as \"/error/code\", or choose a `preset`"]
    );

    // Saying where the code is makes it a valid custom wire.
    let c = loads(&text.replace("identity = \"code\"", "code = \"/error/type\""));
    assert_eq!(c.wire.code.unwrap().value.segments, ["error", "type"]);
}

// --- fix commands --------------------------------------------------------------

/// A fix command is a template like the message: its placeholders name fields,
/// and a literal brace is written `{{` / `}}`.
#[test]
fn fix_command_placeholders_name_fields() {
    let text = &catalog(
        r#"preset = "coded""#,
        r#"[[errors]]
code = "missing_scope"
status = 403
message = "Missing scope {scope}"
fix_command = "gh auth refresh -s {scpoe}"
fields = { scope = "string" }
"#,
    );
    assert_eq!(
        expect(text, &[Rule::PlaceholderUnknown]),
        ["t.toml:10:35: placeholder `{scpoe}` in `fix_command` of error `missing_scope` names no field\n  help: did you mean `{scope}`?"]
    );
    let text = text.replace("{scpoe}\"", "{ scope: 1 }\"");
    assert_eq!(
        expect(&text, &[Rule::TemplateSyntax])[0],
        "t.toml:10:35: `fix_command` of error `missing_scope`: placeholder `{ scope: 1 }` must be a field name (letters, digits, `_`); write `{{` for a literal brace"
    );
    loads(&text.replace("{ scope: 1 }", "{{ scope: 1 }}"));
}

// --- integer codes -------------------------------------------------------------

/// The catalog says once what kind its codes are; an entry written as the
/// other kind is refused, with the way to fix it.
#[test]
fn code_of_the_wrong_kind() {
    let text = &catalog(
        r#"code = "/error/code"
message = "/error/message""#,
        r#"[[errors]]
code = -32601
variant = "MethodNotFound"
message = "Method not found"
"#,
    );
    assert_eq!(
        expect(text, &[Rule::CodeTypeMismatch]),
        ["t.toml:8:8: `code` is an integer, but the catalog's codes are strings\n  help: write it as a string, or set `code_type = \"integer\"` in `[wire]` when the service sends codes as JSON numbers"]
    );
    let integer = text.replace(
        "message = \"/error/message\"\n",
        "message = \"/error/message\"\ncode_type = \"integer\"\n",
    );
    let c = loads(&integer);
    assert_eq!(c.errors[0].code.value, "-32601");
    assert!(c.wire.integer_codes);
    assert_eq!(
        expect(&integer.replace("code = -32601", "code = \"-32601\""), &[Rule::CodeTypeMismatch]),
        ["t.toml:9:8: `code` \"-32601\" is a string, but the catalog's codes are integers (`code_type = \"integer\"`)\n  help: write it as a TOML integer, e.g. `code = -32601`"]
    );
    // without `variant`, an integer code names its variant `Code...`
    let c = loads(&integer.replace("variant = \"MethodNotFound\"\n", ""));
    assert_eq!(c.errors[0].variant.value, "CodeMinus32601");
    assert_eq!(
        expect(
            &integer.replace("\"integer\"", "\"int\""),
            &[Rule::CodeTypeUnknown]
        ),
        ["t.toml:7:13: unknown `code_type` `int` in `[wire]`\n  help: did you mean `integer`?"],
        "a `[wire]` with a problem: no follow-on about the code's kind"
    );
}

// --- success bodies ------------------------------------------------------------

/// An error's example that the wire's success rule reads as a success would be
/// hidden from `error_in`: with marks, and by default (a 2xx without the code).
#[test]
fn example_that_reads_as_a_success() {
    let text = &catalog(
        r#"code = "/error"
success = { "/error" = "channel_not_found" }"#,
        r#"[[errors]]
code = "channel_not_found"
status = 200
message = "Channel not found"
[[errors.examples]]
body = '{"ok": false, "error": "channel_not_found"}'
"#,
    );
    assert_eq!(
        expect(text, &[Rule::ExampleReadsAsSuccess]),
        ["t.toml:12:8: example of error `channel_not_found` (HTTP 200) reads as a success: a body with the marks of `[wire] success`\n  help: make the success marks something error bodies never have"]
    );
    let text = text
        .replace("success = { \"/error\" = \"channel_not_found\" }\n", "")
        .replace("code = \"/error\"\n", "code = \"/err\"\n");
    assert_eq!(
        expect(&text, &[Rule::ExampleReadsAsSuccess]),
        ["t.toml:11:8: example of error `channel_not_found` (HTTP 200) reads as a success: a 2xx body that does not carry what identifies an error\n  help: give `[wire]` a `success` rule saying what marks a success body, e.g. `success = { \"/ok\" = true }`"]
    );
    // the right marks: it loads
    loads(&text.replace(
        "code = \"/err\"\n",
        "code = \"/error\"\nsuccess = { \"/ok\" = true }\n",
    ));
}

// --- one value per place -------------------------------------------------------

/// A field at the place `[wire]` gives the docs URL: `Serialize` would write
/// `docs_url` twice, and reading would see one value for two.
#[test]
fn field_at_the_place_of_an_envelope_value() {
    let text = &catalog(
        r#"preset = "coded""#,
        r#"[[errors]]
code = "NOT_FOUND"
status = 404
message = "Not found"
fields = { docs_url = { type = "string", at = "/docs_url" } }
"#,
    );
    assert_eq!(
        expect(text, &[Rule::PlaceClash]),
        ["t.toml:10:12: field `docs_url` of error `NOT_FOUND` is at `/docs_url`, where the docs URL is\n  note: t.toml:5:10: the docs URL is declared here\n  help: a body has one value per place: give the field another `at` (or another name), or move the `[wire]` pointer"]
    );
}

/// Under the nested preset an error's fields sit beside the code and the
/// message: a field named `message` would be the message itself.
#[test]
fn field_in_the_fields_object_named_like_the_message() {
    let text = &catalog(
        r#"preset = "nested""#,
        r#"[[errors]]
code = "NOT_FOUND"
status = 404
message = "Not found"
fields = { message = "string?" }
"#,
    );
    assert_eq!(
        expect(text, &[Rule::PlaceClash]),
        ["t.toml:10:12: field `message` of error `NOT_FOUND` is at `/error/message`, where the message is\n  note: t.toml:5:10: the message is declared here\n  help: a body has one value per place: give the field another `at` (or another name), or move the `[wire]` pointer"]
    );
}

/// A value cannot sit inside another: a field at `/error` and the message at
/// `/error/message`; two `[wire]` pointers likewise.
#[test]
fn one_value_inside_another() {
    let text = &catalog(
        r#"code = "/error/code"
message = "/error/message""#,
        r#"[[errors]]
code = "NOT_FOUND"
status = 404
message = "Not found"
fields = { error = { type = "json", at = "/error" } }
"#,
    );
    assert_eq!(
        expect(text, &[Rule::PlaceClash]),
        ["t.toml:11:12: field `error` of error `NOT_FOUND` at `/error` and the code at `/error/code`: one would hold the other inside it\n  note: t.toml:5:8: the code is declared here\n  help: a body has one value per place: give the field another `at` (or another name), or move the `[wire]` pointer"]
    );
    let text = text.replace(
        "message = \"/error/message\"",
        "message = \"/error/code/text\"",
    );
    assert!(
        expect(&text, &[Rule::PlaceClash, Rule::PlaceClash])[0].starts_with("t.toml:6:11: the message at `/error/code/text` and the code at `/error/code`: one would hold the other inside it"),
        "{:#?}",
        expect(&text, &[Rule::PlaceClash, Rule::PlaceClash])
    );
}

// --- telling errors apart ------------------------------------------------------

#[test]
fn overlapping_message_patterns_under_one_status() {
    let text = &catalog(
        r#"preset = "message-only""#,
        r#"[[errors]]
code = "key_not_found"
status = 404
message = "Key not found"
[[errors]]
code = "thing_not_found"
status = 404
message = "{thing} not found"
fields = { thing = "string" }
"#,
    );
    assert_eq!(
        expect(text, &[Rule::PatternOverlap]),
        ["t.toml:13:11: pattern \"{thing} not found\" of error `thing_not_found` can match the same message as \"Key not found\" of error `key_not_found`\n  help: make the patterns distinct, or give the more specific one a higher `priority`"]
    );
    // A higher priority for the specific one settles it.
    let c = loads(&text.replace(
        "message = \"Key not found\"\n",
        "message = \"Key not found\"\npriority = 1\n",
    ));
    assert_eq!(c.errors[0].priority, 1);
    // So do different statuses.
    loads(&text.replace(
        "status = 404\nmessage = \"{thing}",
        "status = 410\nmessage = \"{thing}",
    ));
}

#[test]
fn two_errors_on_one_status_with_nothing_to_tell_them_apart() {
    let text = &catalog(
        r#"preset = "status-only""#,
        r#"[[errors]]
code = "bad_request"
status = 400
message = "Bad request"
[[errors]]
code = "invalid_body"
status = 400
message = "Invalid body"
"#,
    );
    assert_eq!(
        expect(text, &[Rule::StatusAmbiguous]),
        ["t.toml:10:1: errors `bad_request` and `invalid_body` share status 400 and nothing tells them apart\n  help: give one of them `matches = [\"message pattern\"]`"]
    );
    loads(&text.replace(
        "message = \"Invalid body\"\n",
        "message = \"Invalid body\"\nmatches = [\"Invalid body\"]\n",
    ));
}

// --- syntax and examples -------------------------------------------------------

#[test]
fn toml_syntax_error() {
    let text = r#"[service]
id = "shop"
name = "Shop
[wire]
preset = "nested"
"#;
    let p = expect(text, &[Rule::TomlSyntax]);
    assert_eq!(p.len(), 1, "{p:?}");
    // The string is cut off at the end of line 3 (`name = "Shop` is 12 characters).
    assert!(
        p[0].starts_with("t.toml:3:13: TOML syntax error: "),
        "{}",
        p[0]
    );
}

#[test]
fn example_body_that_is_not_json() {
    let text = &catalog(
        r#"preset = "nested""#,
        r#"[[errors]]
code = "NOT_FOUND"
message = "Not found"
[[errors.examples]]
body = '{"error": '
"#,
    );
    let p = expect(text, &[Rule::ExampleNotJson]);
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(
        p[0].starts_with("t.toml:10:8: example body of error `NOT_FOUND` is not JSON: "),
        "{}",
        p[0]
    );
}

// --- many problems at once -----------------------------------------------------

#[test]
fn every_problem_is_reported_at_once() {
    let text = &catalog(
        r#"preset = "nested""#,
        r#"[[errors]]
code = "NOT_FOUND"
status = 600
message = "Customer {idd} not found"
fields = { id = "string" }
[[errors]]
code = "RATE_LIMITED"
status = 429
message = "Slow down {x"
retry = "after"
retry_after_field = "wait"
[[errors.examples]]
body = "not json"
"#,
    );
    let p = expect(
        text,
        &[
            Rule::StatusOutOfRange,
            Rule::PlaceholderUnknown,
            Rule::TemplateSyntax,
            Rule::RetryAfterFieldUnknown,
            Rule::ExampleNotJson,
        ],
    );
    assert_eq!(p.len(), 5, "{p:#?}");
    assert_eq!(
        p[0],
        "t.toml:8:10: `status` 600 of error `NOT_FOUND` is not an HTTP status\n  help: use a status from 100 to 599, or leave `status` out"
    );
    assert_eq!(
        p[1],
        "t.toml:9:21: placeholder `{idd}` in `message` of error `NOT_FOUND` names no field\n  help: did you mean `{id}`?"
    );
    assert_eq!(
        p[2],
        "t.toml:14:22: `message` of error `RATE_LIMITED`: unbalanced braces: `{` is never closed (write `{{` for a literal brace)"
    );
    assert_eq!(
        p[3],
        "t.toml:16:21: `retry_after_field` `wait` of error `RATE_LIMITED` names no field"
    );
    assert!(
        p[4].starts_with("t.toml:18:8: example body of error `RATE_LIMITED` is not JSON: "),
        "{}",
        p[4]
    );
}

#[test]
fn every_parse_problem_is_reported_at_once() {
    let text = &catalog(
        r#"preset = "nestd""#,
        r#"[[errors]]
code = "NOT_FOUND"
stauts = 404
[[errors]]
code = "RATE_LIMITED"
status = "429"
message = "Too many requests"
fields = { retryAfter = "strng" }
"#,
    );
    assert_eq!(
        expect(text, &[Rule::PresetUnknown, Rule::KeyMissing, Rule::KeyUnknown, Rule::ValueType, Rule::FieldTypeUnknown]),
        [
            "t.toml:5:10: unknown wire preset `nestd`\n  help: did you mean `nested`?",
            "t.toml:6:1: missing required key `message` in error `NOT_FOUND`",
            "t.toml:8:1: unknown key `stauts` in error `NOT_FOUND`\n  help: did you mean `status`?",
            "t.toml:11:10: `status` in error `RATE_LIMITED` must be an integer, found a string",
            "t.toml:13:25: field `retryAfter` has unknown type `strng`\n  help: did you mean `string`? (add `?` for an optional field)",
        ]
    );
}

/// The issue's case: a misspelt key (a parse problem) and a duplicate code (a
/// rule) used to take two runs; they are reported together.
#[test]
fn parse_problems_and_rule_problems_in_one_run() {
    let text = &catalog(
        r#"preset = "nested""#,
        r#"[[errors]]
code = "NOT_FOUND"
stauts = 404
message = "Customer {id} not found"
fields = { id = "string" }
[[errors]]
code = "NOT_FOUND"
status = 410
message = "Customer {id} is gone"
fields = { id = "string" }
"#,
    );
    assert_eq!(
        expect(text, &[Rule::KeyUnknown, Rule::CodeDuplicate]),
        [
            "t.toml:8:1: unknown key `stauts` in error `NOT_FOUND`\n  help: did you mean `status`?",
            "t.toml:12:8: duplicate error code `NOT_FOUND`\n  note: t.toml:7:8: `NOT_FOUND` is first defined here\n  help: each code may appear once; remove or rename one of them",
        ]
    );
}

/// A part that did not parse is not held against the rest: a field of unknown
/// type is one problem, not also "placeholder names no field"; and a wire with
/// a misspelt preset does not add "does not say where the code is". Rules on
/// the parts that did parse still run (the status out of range).
#[test]
fn no_follow_on_problems_from_parts_that_did_not_parse() {
    let text = &catalog(
        r#"preset = "nested""#,
        r#"[[errors]]
code = "NOT_FOUND"
status = 404
message = "Customer {id} not found"
fields = { id = "strng" }
[[errors]]
code = "GONE"
status = 4100
message = "Gone"
"#,
    );
    assert_eq!(
        expect(text, &[Rule::FieldTypeUnknown, Rule::StatusOutOfRange]),
        [
            "t.toml:10:17: field `id` has unknown type `strng`\n  help: did you mean `string`? (add `?` for an optional field)",
            "t.toml:13:10: `status` 4100 of error `GONE` is not an HTTP status\n  help: use a status from 100 to 599, or leave `status` out",
        ]
    );
    let text = text.replace("preset = \"nested\"", "preset = \"nestd\"");
    assert_eq!(
        expect(&text, &[Rule::PresetUnknown, Rule::FieldTypeUnknown, Rule::StatusOutOfRange]),
        [
            "t.toml:5:10: unknown wire preset `nestd`\n  help: did you mean `nested`?",
            "t.toml:10:17: field `id` has unknown type `strng`\n  help: did you mean `string`? (add `?` for an optional field)",
            "t.toml:13:10: `status` 4100 of error `GONE` is not an HTTP status\n  help: use a status from 100 to 599, or leave `status` out",
        ]
    );
}

// --- a catalog that follows every rule -----------------------------------------

#[test]
fn the_complete_example_in_format_md_loads() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../catalogs/error-catalog-services/FORMAT.md"
    );
    let doc = std::fs::read_to_string(path).unwrap();
    let section = doc
        .split("## A complete example")
        .nth(1)
        .expect("FORMAT.md has a complete example");
    let start = section.find("```toml\n").expect("a toml block") + "```toml\n".len();
    let len = section[start..].find("```").expect("the block ends");
    let text = &section[start..start + len];
    assert!(text.starts_with("[service]\n"));

    let c = load_str("FORMAT.md", text).unwrap_or_else(|p| panic!("{p}"));
    assert_eq!(c.service.id.value, "shop");
    assert_eq!(c.service.enum_name.value, "ShopError");
    assert_eq!(c.headers.retry_after.as_deref(), Some("Retry-After"));
    assert_eq!(c.rate_limits.len(), 1);
    assert_eq!(c.rate_limits[0].limit, 300);
    let variants: Vec<&str> = c.errors.iter().map(|e| e.variant.value.as_str()).collect();
    assert_eq!(variants, ["CustomerNotFound", "RateLimited"]);
    assert_eq!(c.errors[0].status_u16(), Some(404));
    assert_eq!(c.errors[0].examples.len(), 1);
    assert_eq!(
        c.errors[1].retry_after_field.as_ref().unwrap().value,
        "retryAfter"
    );
    assert_eq!(c.errors[1].fields[0].rust.value, "retry_after");
    assert!(c.errors[1].fields[0].ty.value.optional);
}

// --- `when` and errors sent without a code ---------------------------------------

const GRAPH_HEAD: &str = r#"[service]
id = "graph"
name = "Graph"
[wire]
code = "/error/code"
code_type = "integer"
"#;

#[test]
fn a_general_entry_above_a_specific_one_of_its_code() {
    let text = format!(
        r#"{GRAPH_HEAD}[[errors]]
code = 190
variant = "InvalidToken"
message = "Invalid token"
[[errors]]
code = 190
variant = "SessionExpired"
message = "Session has expired"
when = {{ "/error/error_subcode" = 463 }}
"#
    );
    assert_eq!(
        expect(&text, &[Rule::WhenNeverChosen]),
        ["t.toml:11:1: error `SessionExpired` is never chosen: `InvalidToken` shares its code `190`, comes first and matches every body it matches\n  note: t.toml:7:1: `InvalidToken` is here\n  help: move `SessionExpired` above `InvalidToken`: the most specific `when` comes first"]
    );
    // the other way round it loads: one code, two errors
    let swapped = text
        .replace("InvalidToken", "X")
        .replace("SessionExpired", "InvalidToken");
    let swapped = swapped.replacen("when = { \"/error/error_subcode\" = 463 }\n", "", 1);
    let swapped = swapped.replacen(
        "variant = \"X\"\nmessage = \"Invalid token\"\n",
        "variant = \"X\"\nmessage = \"Invalid token\"\nwhen = { \"/error/error_subcode\" = 463 }\n",
        1,
    );
    assert_eq!(loads(&swapped).errors.len(), 2);
}

#[test]
fn two_entries_of_one_code_whose_when_can_both_hold() {
    let text = format!(
        r#"{GRAPH_HEAD}[[errors]]
code = 190
variant = "SessionExpired"
message = "Session has expired"
when = {{ "/error/error_subcode" = 463 }}
[[errors]]
code = 190
variant = "OAuth"
message = "OAuth problem"
when = {{ "/error/type" = "OAuthException" }}
"#
    );
    assert_eq!(
        expect(&text, &[Rule::WhenAmbiguous]),
        ["t.toml:12:1: errors `SessionExpired` and `OAuth` share their code `190` and one body can match the `when` of both\n  note: t.toml:7:1: `SessionExpired` is here\n  help: give both a condition on the same member with different values, or give one every condition of the other"]
    );
    // a condition on one member with different values tells them apart
    let apart = text.replace(
        "when = { \"/error/type\" = \"OAuthException\" }",
        "when = { \"/error/error_subcode\" = 460, \"/error/type\" = \"OAuthException\" }",
    );
    assert_eq!(loads(&apart).errors.len(), 2);
}

#[test]
fn one_code_with_the_same_when_twice() {
    let text = format!(
        r#"{GRAPH_HEAD}[[errors]]
code = 190
variant = "A"
message = "a"
when = {{ "/error/error_subcode" = 463 }}
[[errors]]
code = 190
variant = "B"
message = "b"
when = {{ "/error/error_subcode" = 463 }}
"#
    );
    assert_eq!(
        expect(&text, &[Rule::CodeDuplicate]),
        ["t.toml:13:8: duplicate error code `190`\n  note: t.toml:8:8: `190` is first defined here\n  help: entries of one code need different `when` conditions: change or remove one of them"]
    );
}

#[test]
fn when_does_not_test_the_code_or_the_message() {
    let text = &catalog(
        r#"code = "/error/code"
message = "/error/message""#,
        r#"[[errors]]
code = "expired"
message = "Session has expired"
when = { "/error/code" = "expired", "/error/message" = "Session has expired" }
"#,
    );
    assert_eq!(
        expect(text, &[Rule::WhenTestsIdentity, Rule::WhenTestsIdentity]),
        [
            "t.toml:10:10: `when` of error `expired` tests the code (`/error/code`)\n  help: say the code with the entry's `code` instead",
            "t.toml:10:37: `when` of error `expired` tests the message (`/error/message`)\n  help: say the message with `matches = [\"pattern\"]` instead",
        ]
    );
}

#[test]
fn code_in_body_only_where_codes_identify_errors() {
    let text = &catalog(
        r#"message = "/message"
identity = "message""#,
        r#"[[errors]]
code = "not_found"
status = 404
message = "Not Found"
code_in_body = false
"#,
    );
    assert_eq!(
        expect(text, &[Rule::CodeInBodyNoEffect]),
        ["t.toml:11:16: `code_in_body = false` on error `not_found` has no effect: this catalog's errors are identified by message\n  help: remove it: no error of this catalog is found by its code"]
    );
}

#[test]
fn an_error_sent_without_a_code_needs_something_to_identify_it() {
    let text = &catalog(
        r#"code = "/error/code""#,
        r#"[[errors]]
code = "server_error"
message = "Server error"
code_in_body = false
"#,
    );
    assert_eq!(
        expect(text, &[Rule::CodelessUnidentified]),
        ["t.toml:9:16: error `server_error` is sent without a code but nothing else identifies it\n  help: give it a `status`, `matches = [\"pattern\"]` or `when = { \"/pointer\" = value }`"]
    );
}

#[test]
fn errors_without_a_code_share_a_status_only_with_different_when() {
    let text = format!(
        r#"{GRAPH_HEAD}[[errors]]
code = "x"
code_in_body = false
status = 400
message = "x"
when = {{ "/error/type" = "t" }}
[[errors]]
code = "y"
code_in_body = false
status = 400
message = "y"
when = {{ "/error/type" = "t" }}
[[errors]]
code = "z"
code_in_body = false
status = 400
message = "z"
when = {{ "/error/type" = "u" }}
[[errors]]
code = "catch_all"
code_in_body = false
status = 400
message = "any other 400"
"#
    );
    // (a name, not a code: a string in an integer-coded catalog)
    assert_eq!(
        expect(&text, &[Rule::StatusAmbiguous]),
        ["t.toml:13:1: errors `x` and `y` share status 400 and nothing tells them apart\n  help: give one of them `matches = [\"message pattern\"]`, or give them different `when` conditions"]
    );
}

#[test]
fn a_when_value_is_a_scalar() {
    let text = format!(
        r#"{GRAPH_HEAD}[[errors]]
code = 190
message = "m"
when = {{ "/error/error_subcode" = [463], "error_subcode" = 1 }}
"#
    );
    let p = expect(&text, &[Rule::ValueType, Rule::PointerInvalid]);
    assert_eq!(p.len(), 2, "{p:#?}");
    assert!(p[0].contains("a boolean, an integer or a string"), "{p:#?}");
    assert!(p[1].contains("is not a JSON pointer"), "{p:#?}");
}

// --- code ranges -------------------------------------------------------------------

#[test]
fn a_code_range_in_a_catalog_of_string_codes() {
    let text = &catalog(
        r#"code = "/error/code""#,
        r#"[[errors]]
code_range = [-32099, -32000]
variant = "ServerError"
message = "Server error"
"#,
    );
    assert_eq!(
        expect(text, &[Rule::CodeRangeStringCodes]),
        ["t.toml:7:14: `code_range` of error `ServerError` in a catalog of string codes\n  help: ranges are of integer codes: set `code_type = \"integer\"` in `[wire]` (when the service sends codes as JSON numbers)"]
    );
}

#[test]
fn code_ranges_run_upwards_and_do_not_overlap() {
    let text = format!(
        r#"{GRAPH_HEAD}[[errors]]
code_range = [-32000, -32099]
variant = "Backwards"
message = "b"
[[errors]]
code_range = [1, 10]
variant = "Low"
message = "l"
[[errors]]
code_range = [10, 20]
variant = "High"
message = "h"
"#
    );
    assert_eq!(
        expect(&text, &[Rule::CodeRangeEmpty, Rule::CodeRangesOverlap]),
        [
            "t.toml:8:14: `code_range` [-32000, -32099] of error `Backwards` is empty: its first code is above its last\n  help: write it `[-32099, -32000]`",
            "t.toml:16:14: `code_range` [10, 20] of error `High` overlaps [1, 10] of error `Low`\n  note: t.toml:12:14: `Low`'s range is here\n  help: a code belongs to one range: make them disjoint (a code listed with `code` is found before any range)",
        ]
    );
}

#[test]
fn a_code_range_is_two_integers_and_not_beside_a_code() {
    let text = format!(
        r#"{GRAPH_HEAD}[[errors]]
code_range = [1]
variant = "One"
message = "o"
[[errors]]
code = 5
code_range = [1, 10]
variant = "Both"
message = "b"
"#
    );
    let p = expect(&text, &[Rule::ValueType, Rule::CodeAndCodeRange]);
    assert_eq!(p.len(), 2, "{p:#?}");
    assert!(
        p[0].starts_with("t.toml:8:14:") && p[0].contains("two integers, `[first, last]`"),
        "{p:#?}"
    );
    assert_eq!(p[1], "t.toml:13:14: give `code` or `code_range`, not both");
}

#[test]
fn a_range_entry_keeps_its_code_in_a_field() {
    let c = loads(&format!(
        r#"{GRAPH_HEAD}[[errors]]
code_range = [-32099, -32000]
message = "Server error"
"#
    ));
    let e = &c.errors[0];
    assert_eq!(e.code.value, "-32099..=-32000");
    assert_eq!(e.variant.value, "CodeMinus32099ToMinus32000");
    assert_eq!(e.fields[0].rust.value, "code");
    assert_eq!(
        e.fields[0].at_ptr.as_ref().unwrap().value.text,
        "/error/code"
    );
}

// --- headers ------------------------------------------------------------------------

#[test]
fn a_header_has_one_role() {
    let text = r#"[service]
id = "ai"
name = "AI"
[headers]
request_id = "x-request-id"
should_retry = "X-Request-Id"
keep = ["x-request-id", "openai-processing-ms"]
[wire]
code = "/error/code"
[[errors]]
code = "x"
message = "x"
"#;
    assert_eq!(
        expect(text, &[Rule::HeaderRoleTwice, Rule::HeaderRoleTwice]),
        [
            "t.toml:6:16: header `X-Request-Id` is given twice in `[headers]`: as `request_id` and as `should_retry`\n  note: t.toml:5:14: `request_id` names it here\n  help: a header has one role: remove one of them",
            "t.toml:7:9: header `x-request-id` is given twice in `[headers]`: as `request_id` and as `keep`\n  note: t.toml:5:14: `request_id` names it here\n  help: a header has one role: remove one of them",
        ]
    );
}

#[test]
fn an_unknown_reset_format_suggests_the_known_one() {
    let text = r#"[service]
id = "ai"
name = "AI"
[headers]
rate_limit_reset = "x-ratelimit-reset-requests"
rate_limit_reset_format = "durations"
[wire]
code = "/error/code"
[[errors]]
code = "x"
message = "x"
"#;
    assert_eq!(
        expect(text, &[Rule::ResetFormatUnknown]),
        ["t.toml:6:27: unknown `rate_limit_reset_format` `durations` in `[headers]`\n  help: did you mean `duration`?"]
    );
}

// --- declared types --------------------------------------------------------------

#[test]
fn a_placeholder_cannot_show_a_list() {
    let text = &catalog(
        r#"code = "/error/code"
message = "/error/message"
fields_at = "/error""#,
        r#"[types.Item]
sku = "string"
[[errors]]
code = "OUT_OF_STOCK"
message = "Out of stock: {items}"
fields = { items = "[Item]" }
"#,
    );
    assert_eq!(
        expect(text, &[Rule::PlaceholderCompound]),
        ["t.toml:12:26: placeholder `{items}` in `message` of error `OUT_OF_STOCK` names a field of type `[Item]`, which no text can hold\n  help: a placeholder shows one value: name a field of a single-value type, or leave the list out of the text"]
    );
}

#[test]
fn a_type_name_is_upper_camel_and_not_the_enums() {
    let text = r#"[service]
id = "shop"
name = "Shop"
enum_name = "ShopError"
[wire]
code = "/error/code"
fields_at = "/error"
[types.item]
sku = "string"
[types.ShopError]
sku = "string"
[[errors]]
code = "OUT_OF_STOCK"
message = "Out of stock"
fields = { items = "[item]?", other = "ShopError?" }
"#;
    assert_eq!(
        expect(text, &[Rule::TypeNameInvalid, Rule::TypeNamedAsEnum]),
        [
            "t.toml:8:8: type name `item` is not an UpperCamelCase Rust identifier\n  help: name a declared type as its Rust struct, such as `ValidationError`",
            "t.toml:10:8: type `ShopError` has the enum's own name\n  help: rename the type: the struct and the enum are generated side by side",
        ]
    );
}

#[test]
fn a_type_member_is_a_value_or_a_list_with_a_free_rust_name() {
    let text = &catalog(
        r#"code = "/error/code"
fields_at = "/error""#,
        r#"[types.Item]
sku = "string"
[types.Line]
item = "Item"
extra = "u32"
type = "string"
qty = { type = "u32", at = "/qty", internal = true }
count = { type = "u32", rust = "qty" }
tags = "[string]?"
[[errors]]
code = "OUT_OF_STOCK"
message = "Out of stock"
fields = { lines = "[Line]" }
"#,
    );
    assert_eq!(
        expect(text, &[Rule::MemberNested, Rule::MemberNameInvalid, Rule::MemberNameInvalid, Rule::MemberInternal, Rule::MemberAt, Rule::MemberDuplicate]),
        [
            "t.toml:10:8: member `item` of type `Line` is of declared type `Item`: declared types do not nest\n  help: type the member `json` to keep it whole",
            "t.toml:11:1: member `extra` of type `Line` gives Rust name `extra`, which the struct cannot have\n  help: give the member a table form with `rust = \"name\"` (not a keyword, not `extra`)",
            "t.toml:12:1: member `type` of type `Line` gives Rust name `type`, which the struct cannot have\n  help: give the member a table form with `rust = \"name\"` (not a keyword, not `extra`)",
            "t.toml:13:1: member `qty` of type `Line` is `internal`, which only an error's fields can be\n  help: mark the field holding the object `internal` instead",
            "t.toml:13:28: member `qty` of type `Line` has `at`, which only an error's fields take\n  help: remove `at`: a member is read from its object",
            "t.toml:14:1: member `count` of type `Line` has the Rust name `qty` of another member",
        ]
    );
}

#[test]
fn an_unknown_type_suggests_a_declared_one() {
    let text = &catalog(
        r#"code = "/error/code"
fields_at = "/error""#,
        r#"[types.Violation]
field = "string"
[[errors]]
code = "INVALID"
message = "Invalid"
fields = { violations = "[Violaton]" }
"#,
    );
    assert_eq!(
        expect(text, &[Rule::FieldTypeUnknown]),
        ["t.toml:12:25: field `violations` has unknown type `[Violaton]`\n  help: did you mean `Violation`? (add `?` for an optional field)"]
    );
}

#[test]
fn lists_and_declared_types_load() {
    let text = &catalog(
        r#"code = "/error/code"
fields_at = "/error""#,
        r#"[types.Violation]
field = "string"
limits = "[u32]?"
[[errors]]
code = "INVALID"
message = "Invalid"
fields = { violations = "[Violation]", tags = "[string]?", one = "Violation?" }
"#,
    );
    let c = loads(text);
    let names: Vec<String> = c.errors[0]
        .fields
        .iter()
        .map(|f| c.type_text(f.ty.value))
        .collect();
    assert_eq!(names, ["[Violation]", "[string]?", "Violation?"]);
    assert_eq!(c.type_text(c.types[0].members[1].ty.value), "[u32]?");
}

// --- conditions on headers -----------------------------------------------------

#[test]
fn a_when_header_names_a_header_and_gives_text() {
    let text = &catalog(
        r#"message = "/message"
identity = "message""#,
        r#"[[errors]]
code = "limited"
status = 403
message = "Limited"
when_header = { "x ratelimit" = "0", x-ratelimit-remaining = 0 }
"#,
    );
    assert_eq!(
        expect(text, &[Rule::HeaderNameInvalid, Rule::ValueType]),
        [
            "t.toml:11:17: the `when_header` of error `limited` key `x ratelimit` is not a header name\n  help: name the header as it is sent, such as `x-ratelimit-remaining` (letters, digits, `-`; no spaces)",
            "t.toml:11:62: `x-ratelimit-remaining` in the `when_header` of error `limited` must be a string (a header's value is text), found an integer",
        ]
    );
}

#[test]
fn a_header_condition_counts_for_the_order_of_entries() {
    let text = &catalog(
        r#"message = "/message"
identity = "status""#,
        r#"[[errors]]
code = "forbidden"
status = 403
message = "Forbidden"
[[errors]]
code = "limited"
status = 403
message = "Limited"
when_header = { X-RateLimit-Remaining = "0" }
"#,
    );
    assert_eq!(
        expect(text, &[Rule::WhenNeverChosen]),
        ["t.toml:11:1: error `Limited` is never chosen: `Forbidden` shares its status 403, comes first and matches every body it matches\n  note: t.toml:7:1: `Forbidden` is here\n  help: move `Limited` above `Forbidden`: the most specific `when` comes first"]
    );
    // the specific one first: it loads, its header name in lowercase
    let forbidden = "[[errors]]\ncode = \"forbidden\"\nstatus = 403\nmessage = \"Forbidden\"\n";
    let reordered = format!("{}{forbidden}", text.replacen(forbidden, "", 1));
    let c = loads(&reordered);
    assert_eq!(c.errors[0].when_headers[0].0.value, "x-ratelimit-remaining");
    assert_eq!(
        error_catalog_model::docs::recognised_by(&c, &c.errors[0]),
        "status 403, where header `x-ratelimit-remaining: 0`"
    );
}

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
        r#"preset = "nested""#,
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
