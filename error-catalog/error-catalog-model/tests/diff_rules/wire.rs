//! Rules of the `wire` category.

use error_catalog_model::diff::{diff, Rule};
use error_catalog_model::load_str;

use crate::support::{edit, only, report, BASE};

#[test]
fn code_removed() {
    let new = edit(
        BASE,
        "\n[[errors]]\ncode = \"INVALID\"\nstatus = 422\nmessage = \"Invalid request\"\nfields = { problems = \"[Problem]\" }\n",
        "",
    );
    assert_eq!(
        only(BASE, &new),
        (
            Rule::CodeRemoved,
            vec![
                "old.toml:22:8: wire+source code-removed: error `INVALID` (variant `Invalid`) was removed".into(),
                "  help: reserve the code so that no error takes it again with another meaning: `reserved = [\"INVALID\"]`".into(),
            ]
        )
    );
}

#[test]
fn code_removed_and_reserved_needs_no_help() {
    let new = edit(
        BASE,
        "\n[[errors]]\ncode = \"INVALID\"\nstatus = 422\nmessage = \"Invalid request\"\nfields = { problems = \"[Problem]\" }\n",
        "",
    );
    let new = format!("reserved = [\"INVALID\"]\n{new}");
    assert_eq!(
        report(BASE, &new),
        [
            "old.toml:22:8: wire+source code-removed: error `INVALID` (variant `Invalid`) was removed",
            "new.toml:1:13: compatible reserved-added: code `INVALID` is now reserved",
        ]
    );
}

#[test]
fn code_renamed() {
    let new = edit(
        BASE,
        "code = \"INVALID\"",
        "code = \"BAD_REQUEST\"\nvariant = \"Invalid\"",
    );
    assert_eq!(
        only(BASE, &new),
        (
            Rule::CodeRenamed,
            vec![
                "new.toml:22:8: wire code-renamed: error `INVALID` (variant `Invalid`) is now `BAD_REQUEST`".into(),
                "  help: reserve the old code so that no error takes it again with another meaning: `reserved = [\"INVALID\"]`".into(),
            ]
        )
    );
}

#[test]
fn status_changed() {
    let new = edit(BASE, "status = 404", "status = 410");
    assert_eq!(
        only(BASE, &new),
        (
            Rule::StatusChanged,
            vec![
                "new.toml:16:10: wire status-changed: error `NOT_FOUND`: status 404 is now 410"
                    .into()
            ]
        )
    );
}

#[test]
fn identity_changed_by_a_when_condition() {
    let new = edit(
        BASE,
        "status = 404",
        "status = 404\nwhen = { \"/error/kind\" = \"customer\" }",
    );
    assert_eq!(
        only(BASE, &new),
        (
            Rule::IdentityChanged,
            vec!["new.toml:14:1: wire identity-changed: error `NOT_FOUND`: it now needs `/error/kind` = \"customer\"".into()]
        )
    );
}

#[test]
fn identity_changed_by_a_message_pattern() {
    let old = edit(
        BASE,
        "fields_at = \"/error/details\"",
        "fields_at = \"/error/details\"\nidentity = \"message\"",
    );
    let new = edit(
        &old,
        "message = \"Customer {id} not found\"",
        "message = \"Customer {id} is missing\"",
    );
    let o = load_str("old.toml", &old).unwrap();
    let n = load_str("new.toml", &new).unwrap();
    let rules: Vec<Rule> = diff(&o, &n).iter().map(|c| c.rule).collect();
    assert_eq!(rules, [Rule::IdentityChanged, Rule::DocChanged]);
    assert_eq!(
        report(&old, &new)[0],
        "new.toml:18:11: wire identity-changed: error `NOT_FOUND`: the message \"Customer x not found\", which pattern \"Customer {id} not found\" matched, is matched by no pattern now"
    );
}

#[test]
fn identity_changed_by_code_in_body() {
    let new = edit(BASE, "status = 422", "status = 422\ncode_in_body = false");
    let o = load_str("old.toml", BASE).unwrap();
    let n = load_str("new.toml", &new).unwrap();
    let rules: Vec<Rule> = diff(&o, &n).iter().map(|c| c.rule).collect();
    assert_eq!(rules, [Rule::IdentityChanged]);
    assert_eq!(
        report(BASE, &new),
        ["new.toml:21:1: wire identity-changed: error `Invalid` (sent without a code): it is now sent without a code (`code_in_body = false`)"]
    );
}

#[test]
fn identity_changed_by_a_narrower_code_range() {
    let old = r#"[service]
id = "rpc"
name = "RPC"
[wire]
code = "/error/code"
message = "/error/message"
code_type = "integer"
[[errors]]
code_range = [-32099, -32000]
variant = "ServerError"
message = "Server error"
"#;
    let new = edit(old, "[-32099, -32000]", "[-32050, -32000]");
    assert_eq!(
        only(old, &new),
        (
            Rule::IdentityChanged,
            vec!["new.toml:8:1: wire identity-changed: error `-32050..=-32000`: its `code_range` was [-32099, -32000], is now [-32050, -32000]".into()]
        )
    );
}

#[test]
fn field_removed() {
    let new = edit(BASE, ", hint = \"string?\"", "");
    assert_eq!(
        only(BASE, &new),
        (
            Rule::FieldRemoved,
            vec!["old.toml:19:42: wire+source field-removed: error `NOT_FOUND`: field `hint` was removed".into()]
        )
    );
}

#[test]
fn field_removed_from_a_declared_type() {
    let new = edit(BASE, "reason = \"string?\"\n", "");
    assert_eq!(
        only(BASE, &new),
        (
            Rule::FieldRemoved,
            vec!["old.toml:12:1: wire+source field-removed: type `Problem`: field `reason` was removed".into()]
        )
    );
}

#[test]
fn field_renamed_on_the_wire() {
    let new = edit(
        BASE,
        "{ id = \"string\",",
        "{ customer_id = { type = \"string\", rust = \"id\" },",
    );
    let new = edit(
        &new,
        "Customer {id} not found",
        "Customer {customer_id} not found",
    );
    let o = load_str("old.toml", BASE).unwrap();
    let n = load_str("new.toml", &new).unwrap();
    let rules: Vec<Rule> = diff(&o, &n).iter().map(|c| c.rule).collect();
    assert_eq!(rules, [Rule::FieldRenamed, Rule::DocChanged]);
    assert_eq!(
        report(BASE, &new)[0],
        "new.toml:19:12: wire field-renamed: error `NOT_FOUND`: field `id` is now `customer_id` on the wire"
    );
}

#[test]
fn field_type_changed() {
    let new = edit(BASE, "count = \"u32\"", "count = \"string\"");
    assert_eq!(
        only(BASE, &new),
        (
            Rule::FieldTypeChanged,
            vec!["new.toml:19:35: wire+source field-type-changed: error `NOT_FOUND`: field `count` was u32, is now string".into()]
        )
    );
}

#[test]
fn field_narrowed_is_a_type_change() {
    let new = edit(BASE, "count = \"u32\"", "count = \"u8\"");
    assert_eq!(
        only(BASE, &new).0,
        Rule::FieldTypeChanged,
        "u8 refuses 300, which u32 took"
    );
}

#[test]
fn field_required() {
    let new = edit(BASE, "hint = \"string?\"", "hint = \"string\"");
    assert_eq!(
        only(BASE, &new),
        (
            Rule::FieldRequired,
            vec!["new.toml:19:49: wire+source field-required: error `NOT_FOUND`: field `hint` was optional, is now required: a body without it is not this error".into()]
        )
    );
}

#[test]
fn required_field_added() {
    let new = edit(
        BASE,
        "hint = \"string?\" }",
        "hint = \"string?\", region = \"string\" }",
    );
    assert_eq!(
        only(BASE, &new),
        (
            Rule::RequiredFieldAdded,
            vec![
                "new.toml:19:60: wire+source required-field-added: error `NOT_FOUND`: required field `region` (string) was added: a body without it is not this error".into(),
                "  help: make it optional (`?`) if bodies sent before may lack it".into(),
            ]
        )
    );
}

#[test]
fn envelope_changed() {
    let new = edit(BASE, "code = \"/error/code\"", "code = \"/error/type\"");
    assert_eq!(
        only(BASE, &new),
        (
            Rule::EnvelopeChanged,
            vec!["new.toml:6:8: wire envelope-changed: `code` was \"/error/code\", is now \"/error/type\"".into()]
        )
    );
}

#[test]
fn success_changed() {
    let new = edit(
        BASE,
        "fields_at = \"/error/details\"",
        "fields_at = \"/error/details\"\nsuccess = { \"/ok\" = true }",
    );
    assert_eq!(
        only(BASE, &new),
        (
            Rule::SuccessChanged,
            vec!["new.toml:9:13: wire success-changed: the success rule was the default (a 2xx body without a code), is now `/ok = true`".into()]
        )
    );
}

#[test]
fn headers_changed() {
    let new = edit(
        BASE,
        "[types.Problem]",
        "[headers]\nrequest_id = \"x-trace-id\"\n\n[types.Problem]",
    );
    assert_eq!(
        only(BASE, &new),
        (
            Rule::HeadersChanged,
            vec!["new.toml:11:14: wire headers-changed: `request_id` was read from `X-Request-Id`, now from `x-trace-id`".into()]
        )
    );
}
