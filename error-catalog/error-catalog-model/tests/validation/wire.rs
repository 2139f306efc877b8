//! The wire, fix commands, integer codes, success bodies, one value per place.

use super::*;

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

/// More values read by pointer than the decoder has slots for: reported at
/// the first pointer past the limit; at the limit, the catalog loads.
#[test]
fn more_pointers_than_slots() {
    let fields = |n: usize| {
        (0..n)
            .map(|i| format!("f{i} = {{ type = \"u32?\", at = \"/x/f{i}\" }}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let text = |n: usize| {
        catalog(
            "code = \"/error/code\"\nmessage = \"/error/message\"",
            &format!(
                "[[errors]]\ncode = \"WIDE\"\nstatus = 400\nmessage = \"Wide\"\nfields = {{ {} }}\n",
                fields(n)
            ),
        )
    };
    // the code and the message take two slots: 14 fields fill the 16
    loads(&text(14));
    let found = expect(&text(16), &[Rule::SlotsTooMany]);
    assert!(
        found[0].starts_with("t.toml:11:")
            && found[0].contains("this catalog reads 18 values by pointer")
            && found[0].contains("`/x/f14` is one past them"),
        "{found:?}"
    );
}

// --- pointers into arrays ----------------------------------------------------------

#[test]
fn a_selector_is_checked_where_pointers_are_read() {
    let text = r#"[service]
id = "s"
name = "S"

[wire]
code = "/errors/[@type/code"
message = "/errors/[kind]/message"
fields_at = "/error/details/[=x]"
"#;
    let p = expect(
        text,
        &[
            Rule::PointerInvalid,
            Rule::PointerInvalid,
            Rule::PointerInvalid,
        ],
    );
    assert!(p[0].contains("has no closing `]`"), "{p:#?}");
    assert!(p[1].contains("write `[member=value]`"), "{p:#?}");
    assert!(p[2].contains("write `[member=value]`"), "{p:#?}");
}

// --- codes as services send them ------------------------------------------------------

#[test]
fn code_cut_texts_are_not_empty_and_code_header_is_a_header() {
    let text = r#"[service]
id = "s"
name = "S"

[wire]
code = "/__type"
code_cut = { after = "", before = "", trim = "x" }
code_header = "x amzn"
"#;
    let p = expect(
        text,
        &[
            Rule::CodeCutEmpty,
            Rule::CodeCutEmpty,
            Rule::KeyUnknown,
            Rule::HeaderNameInvalid,
        ],
    );
    assert!(
        p[0].contains("`after` in `[wire] code_cut` is empty"),
        "{p:#?}"
    );
    assert!(
        p[1].contains("`before` in `[wire] code_cut` is empty"),
        "{p:#?}"
    );
    assert!(p[3].contains("`x amzn` is not a header name"), "{p:#?}");
    // a good cut and header load
    let good = text
        .replace(
            r#"code_cut = { after = "", before = "", trim = "x" }"#,
            r##"code_cut = { after = "#" }"##,
        )
        .replace("x amzn", "X-Amzn-ErrorType");
    let c = error_catalog_model::load_str("t.toml", &good).expect(&good);
    assert_eq!(c.wire.identity, error_catalog_core::engine::Identity::Code);
    assert_eq!(
        c.wire.code_header.map(|h| h.value).as_deref(),
        Some("x-amzn-errortype")
    );
    assert_eq!(
        c.wire
            .code_cut
            .map(|c| c.value.after)
            .unwrap_or_default()
            .as_deref(),
        Some("#")
    );
}

/// The header is read before the body's code, not instead of a place for it:
/// `check` reads every example and sample body, which carry the code.
#[test]
fn code_header_goes_beside_code() {
    let text = r#"[service]
id = "s"
name = "S"

[wire]
code_header = "x-amzn-errortype"
"#;
    let p = expect(text, &[Rule::WireIdentityUnlocated]);
    assert!(
        p[0].contains("does not say where the error code is"),
        "{p:#?}"
    );
}

// --- envelopes ---------------------------------------------------------------------------

#[test]
fn an_entry_s_envelope_is_declared_and_every_envelope_has_a_code() {
    let text = r#"[service]
id = "s"
name = "S"

[wire]
preset = "nested"

[wire.envelopes.oauth2]
preset = "oauth2"

[wire.envelopes.plain]
message = "/error_description"

[wire.envelopes.same]
code = "/error/code"

[[errors]]
code = "invalid_client"
envelope = "oauth"
status = 401
message = "Client authentication failed"
"#;
    let p = expect(
        text,
        &[
            Rule::EnvelopeWithoutCode,
            Rule::EnvelopeWithoutCode,
            Rule::EnvelopeUnknown,
        ],
    );
    assert!(
        p[0].contains("`[wire.envelopes.plain]` is not identified by a code"),
        "{p:#?}"
    );
    assert!(p[1].contains("where `[wire]` has its own"), "{p:#?}");
    assert!(p[2].contains("unknown `envelope` `oauth`"), "{p:#?}");
    assert!(p[2].contains("did you mean `oauth2`?"), "{p:#?}");
    // declared envelopes with codes of their own load
    let good = text
        .replace("envelope = \"oauth\"", "envelope = \"oauth2\"")
        .replace(
            "[wire.envelopes.plain]\nmessage = \"/error_description\"\n",
            "",
        )
        .replace("[wire.envelopes.same]\ncode = \"/error/code\"\n", "");
    let c = error_catalog_model::load_str("s.toml", &good).unwrap_or_else(|p| panic!("{p}"));
    assert_eq!(c.wire.envelopes.len(), 1);
    assert_eq!(c.errors[0].envelope.as_ref().map(|e| e.value), Some(0));
}

#[test]
fn an_envelope_takes_a_wire_s_keys_but_those_only_the_main_wire_says() {
    let text = r#"[service]
id = "s"
name = "S"

[wire]
preset = "nested"

[wire.envelopes.oauth2]
preset = "oauth2"
success = { "/ok" = true }
"#;
    let p = expect(text, &[Rule::KeyUnknown]);
    assert!(p[0].contains("success"), "{p:#?}");
}
