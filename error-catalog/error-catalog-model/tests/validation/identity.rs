//! Telling errors apart, syntax and examples, many problems at once, a catalog that follows every rule.

use super::*;

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
