//! One test per `diff` rule: an old catalog, a new one, and the exact report
//! line (`file:line:column: categories rule: message`, with its help line).
//! The catalogs are [`BASE`] with one edit; positions count lines of the
//! literal (`[service]` is line 1).

use error_catalog_model::diff::{diff, render_text, semver, Bump, Category, Rule};
use error_catalog_model::load_str;

const BASE: &str = r#"[service]
id = "shop"
name = "Shop"

[wire]
code = "/error/code"
message = "/error/message"
fields_at = "/error/details"

[types.Problem]
field = "string"
reason = "string?"

[[errors]]
code = "NOT_FOUND"
status = 404
message = "Customer {id} not found"
cause = "No customer has this id."
fields = { id = "string", count = "u32", hint = "string?" }

[[errors]]
code = "INVALID"
status = 422
message = "Invalid request"
fields = { problems = "[Problem]" }
"#;

/// `BASE` with `from` replaced by `to` (which must be there).
fn edit(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "`{from}` is not in the catalog");
    text.replacen(from, to, 1)
}

/// The report's change lines (help lines included), without the summary.
fn report(old: &str, new: &str) -> Vec<String> {
    let o = load_str("old.toml", old).unwrap_or_else(|p| panic!("old: {p}"));
    let n = load_str("new.toml", new).unwrap_or_else(|p| panic!("new: {p}"));
    let changes = diff(&o, &n);
    let text = render_text(&changes, &o, &n);
    let lines: Vec<String> = text.lines().map(str::to_string).collect();
    // the summary is the last two lines
    assert!(lines.len() >= 2, "{text}");
    lines[..lines.len() - 2].to_vec()
}

/// The one change between two catalogs: its rule and report lines.
fn only(old: &str, new: &str) -> (Rule, Vec<String>) {
    let o = load_str("old.toml", old).unwrap_or_else(|p| panic!("old: {p}"));
    let n = load_str("new.toml", new).unwrap_or_else(|p| panic!("new: {p}"));
    let changes = diff(&o, &n);
    assert_eq!(changes.len(), 1, "{}", render_text(&changes, &o, &n));
    (changes[0].rule, report(old, new))
}

#[test]
fn same_catalog_reports_nothing() {
    assert!(report(BASE, BASE).is_empty());
}

#[test]
fn every_rule_has_a_test_here() {
    let source = include_str!("diff_rules.rs");
    for rule in Rule::ALL {
        let name = format!("Rule::{rule:?}");
        assert!(
            source.contains(&name),
            "no test asserts {name} (`{}`)",
            rule.name()
        );
    }
}

// --- wire -------------------------------------------------------------------

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

// --- source -----------------------------------------------------------------

#[test]
fn variant_renamed() {
    let new = edit(
        BASE,
        "code = \"NOT_FOUND\"",
        "code = \"NOT_FOUND\"\nvariant = \"CustomerMissing\"",
    );
    assert_eq!(
        only(BASE, &new),
        (
            Rule::VariantRenamed,
            vec!["new.toml:16:11: source variant-renamed: error `NOT_FOUND`: variant `NotFound` is now `CustomerMissing`".into()]
        )
    );
}

#[test]
fn field_rust_renamed() {
    let new = edit(
        BASE,
        "{ id = \"string\",",
        "{ id = { type = \"string\", rust = \"customer_id\" },",
    );
    assert_eq!(
        only(BASE, &new),
        (
            Rule::FieldRustRenamed,
            vec!["new.toml:19:43: source field-rust-renamed: error `NOT_FOUND`: field `id` is now `customer_id` in Rust (was `id`)".into()]
        )
    );
}

#[test]
fn field_retyped_when_widened() {
    let new = edit(BASE, "count = \"u32\"", "count = \"u64\"");
    assert_eq!(
        only(BASE, &new),
        (
            Rule::FieldRetyped,
            vec!["new.toml:19:35: source field-retyped: error `NOT_FOUND`: field `count` was u32, is now u64 (it takes every value it took)".into()]
        )
    );
}

#[test]
fn field_retyped_when_made_optional() {
    let new = edit(BASE, "count = \"u32\"", "count = \"u32?\"");
    assert_eq!(
        only(BASE, &new),
        (
            Rule::FieldRetyped,
            vec!["new.toml:19:35: source field-retyped: error `NOT_FOUND`: field `count` was required, is now optional (an `Option` in Rust)".into()]
        )
    );
}

#[test]
fn field_added() {
    let new = edit(
        BASE,
        "hint = \"string?\" }",
        "hint = \"string?\", note = \"string?\" }",
    );
    assert_eq!(
        only(BASE, &new),
        (
            Rule::FieldAdded,
            vec![
                "new.toml:19:60: source field-added: error `NOT_FOUND`: optional field `note` (string?) was added".into(),
                "  help: Rust code that builds it with a struct literal, or matches it naming every field, must name `note` (or `..`)".into(),
            ]
        )
    );
}

#[test]
fn variant_added_to_an_exhaustive_enum() {
    let old = edit(
        BASE,
        "name = \"Shop\"",
        "name = \"Shop\"\nnon_exhaustive = false",
    );
    let new = format!("{old}\n[[errors]]\ncode = \"GONE\"\nstatus = 410\nmessage = \"Gone\"\n");
    assert_eq!(
        only(&old, &new),
        (
            Rule::VariantAdded,
            vec![
                "new.toml:29:8: source variant-added: error `GONE` (variant `Gone`) was added to `ShopError`, which is not `#[non_exhaustive]`".into(),
                "  help: a `match` on the enum outside its crate without a `_` arm no longer compiles; leave `non_exhaustive` at its default (true) to make additions compatible".into(),
            ]
        )
    );
}

#[test]
fn enum_renamed() {
    let new = edit(
        BASE,
        "name = \"Shop\"",
        "name = \"Shop\"\nenum_name = \"StoreError\"",
    );
    assert_eq!(
        only(BASE, &new),
        (
            Rule::EnumRenamed,
            vec![
                "new.toml:4:13: source enum-renamed: the enum `ShopError` is now `StoreError`"
                    .into()
            ]
        )
    );
}

#[test]
fn enum_made_non_exhaustive() {
    let old = edit(
        BASE,
        "name = \"Shop\"",
        "name = \"Shop\"\nnon_exhaustive = false",
    );
    assert_eq!(
        only(&old, BASE),
        (
            Rule::EnumMadeNonExhaustive,
            vec![
                "new.toml:1:1: source enum-made-non-exhaustive: the enum `ShopError` is now `#[non_exhaustive]`".into(),
                "  help: a `match` on it outside its crate needs a `_` arm".into(),
            ]
        )
    );
}

#[test]
fn type_removed() {
    let old = edit(
        BASE,
        "[types.Problem]",
        "[types.Unused]\nx = \"string\"\n\n[types.Problem]",
    );
    assert_eq!(
        only(&old, BASE),
        (
            Rule::TypeRemoved,
            vec!["old.toml:10:8: source type-removed: type `Unused` was removed".into()]
        )
    );
}

// --- compatible -------------------------------------------------------------

#[test]
fn code_added() {
    let new = format!("{BASE}\n[[errors]]\ncode = \"GONE\"\nstatus = 410\nmessage = \"Gone\"\n");
    assert_eq!(
        only(BASE, &new),
        (
            Rule::CodeAdded,
            vec![
                "new.toml:28:8: compatible code-added: error `GONE` (variant `Gone`) was added"
                    .into()
            ]
        )
    );
}

#[test]
fn type_added() {
    let new = edit(
        BASE,
        "[types.Problem]",
        "[types.Unused]\nx = \"string\"\n\n[types.Problem]",
    );
    assert_eq!(
        only(BASE, &new),
        (
            Rule::TypeAdded,
            vec!["new.toml:10:8: compatible type-added: type `Unused` was added".into()]
        )
    );
}

#[test]
fn identity_widened() {
    let old = edit(
        BASE,
        "status = 404",
        "status = 404\nwhen = { \"/error/kind\" = \"customer\" }",
    );
    assert_eq!(
        only(&old, BASE),
        (
            Rule::IdentityWidened,
            vec!["new.toml:14:1: compatible identity-widened: error `NOT_FOUND`: it no longer needs `/error/kind` = \"customer\"".into()]
        )
    );
}

#[test]
fn enum_made_exhaustive() {
    let new = edit(
        BASE,
        "name = \"Shop\"",
        "name = \"Shop\"\nnon_exhaustive = false",
    );
    assert_eq!(
        only(BASE, &new),
        (
            Rule::EnumMadeExhaustive,
            vec!["new.toml:4:18: compatible enum-made-exhaustive: the enum `ShopError` is no longer `#[non_exhaustive]`".into()]
        )
    );
}

#[test]
fn retry_changed() {
    let new = edit(BASE, "status = 422", "status = 422\nretry = \"backoff\"");
    assert_eq!(
        only(BASE, &new),
        (
            Rule::RetryChanged,
            vec!["new.toml:21:1: compatible retry-changed: error `INVALID`: retry advice was `never`, is now `backoff`".into()]
        )
    );
}

#[test]
fn doc_changed() {
    let new = edit(BASE, "No customer has this id.", "No customer has that id.");
    assert_eq!(
        only(BASE, &new),
        (
            Rule::DocChanged,
            vec![
                "new.toml:14:1: compatible doc-changed: error `NOT_FOUND`: `cause` changed".into()
            ]
        )
    );
}

#[test]
fn reserved_added() {
    let new = format!("reserved = [{{ code = \"OLD\", reason = \"retired in v2\" }}]\n{BASE}");
    let (rule, lines) = only(BASE, &new);
    assert_eq!(rule, Rule::ReservedAdded);
    assert_eq!(
        lines,
        ["new.toml:1:22: compatible reserved-added: code `OLD` is now reserved"]
    );
}

#[test]
fn reserved_removed() {
    let old = format!("reserved = [\"OLD\"]\n{BASE}");
    assert_eq!(
        only(&old, BASE),
        (
            Rule::ReservedRemoved,
            vec![
                "old.toml:1:13: compatible reserved-removed: code `OLD` is no longer reserved"
                    .into(),
                "  help: an error may now take this code, with a meaning old clients do not expect"
                    .into(),
            ]
        )
    );
}

// --- the whole report ---------------------------------------------------------

#[test]
fn integer_codes_are_reserved_bare() {
    let old = r#"[service]
id = "rpc"
name = "RPC"
[wire]
code = "/error/code"
message = "/error/message"
code_type = "integer"
[[errors]]
code = -32601
message = "Method not found"
[[errors]]
code = -32602
message = "Invalid params"
"#;
    let new = edit(
        old,
        "[[errors]]\ncode = -32602\nmessage = \"Invalid params\"\n",
        "",
    );
    assert_eq!(
        report(old, &new)[1],
        "  help: reserve the code so that no error takes it again with another meaning: `reserved = [-32602]`"
    );
}

#[test]
fn summary_counts_and_advises_the_bump() {
    let o = load_str("old.toml", BASE).unwrap();
    let status = load_str("new.toml", &edit(BASE, "status = 404", "status = 410")).unwrap();
    let changes = diff(&o, &status);
    assert_eq!(semver(&changes), Bump::Patch);
    assert!(render_text(&changes, &o, &status).ends_with(
        "1 change: 1 breaks the wire, 0 break source, 0 compatible\nsemver: patch (the enum's API is unchanged; the wire changes break clients of the service whatever the crate's version)\n"
    ));
    let added = format!("{BASE}\n[[errors]]\ncode = \"GONE\"\nstatus = 410\nmessage = \"Gone\"\n");
    let added = load_str("new.toml", &added).unwrap();
    assert_eq!(semver(&diff(&o, &added)), Bump::Minor);
    let renamed = edit(
        BASE,
        "code = \"NOT_FOUND\"",
        "code = \"NOT_FOUND\"\nvariant = \"Missing\"",
    );
    let renamed = load_str("new.toml", &renamed).unwrap();
    assert_eq!(semver(&diff(&o, &renamed)), Bump::Major);
    assert_eq!(semver(&diff(&o, &o)), Bump::None);
    assert!(render_text(&[], &o, &o).ends_with("semver: none (no change)\n"));
}

#[test]
fn json_and_github_reports() {
    let o = load_str("old.toml", BASE).unwrap();
    let n = load_str("new.toml", &edit(BASE, "status = 404", "status = 410")).unwrap();
    let changes = diff(&o, &n);
    let json = error_catalog_model::diff::render_json(&changes, &o, &n, &[Category::Wire]);
    assert_eq!(json["changes"][0]["rule"], "status-changed");
    assert_eq!(json["changes"][0]["breaks"], serde_json::json!(["wire"]));
    assert_eq!(json["changes"][0]["file"], "new.toml");
    assert_eq!(json["changes"][0]["line"], 16);
    assert_eq!(json["changes"][0]["column"], 10);
    assert_eq!(json["semver"], "patch");
    assert_eq!(json["breaking"], true);
    let source_only = error_catalog_model::diff::render_json(&changes, &o, &n, &[Category::Source]);
    assert_eq!(source_only["breaking"], false);

    let gh = error_catalog_model::diff::render_github(&changes, &o, &n, &[Category::Wire]);
    assert_eq!(
        gh.lines().next(),
        Some("::error file=new.toml,line=16,col=10,title=wire status-changed::error `NOT_FOUND`: status 404 is now 410")
    );
    let gh = error_catalog_model::diff::render_github(&changes, &o, &n, &[Category::Source]);
    assert!(
        gh.starts_with("::warning file=new.toml,line=16,col=10,"),
        "{gh}"
    );
}

#[test]
fn identity_changed_when_an_added_error_takes_its_example() {
    let old = r#"[service]
id = "shop"
name = "Shop"
[wire]
code = "/error/code"
message = "/error/message"
[[errors]]
code = "AUTH"
status = 401
message = "Not authorised"
[[errors.examples]]
body = '{"error": {"code": "AUTH", "message": "Session expired", "sub": 463}}'
"#;
    let new = edit(
        old,
        "[[errors]]\ncode = \"AUTH\"\nstatus = 401",
        "[[errors]]\ncode = \"AUTH\"\nvariant = \"SessionExpired\"\nstatus = 401\nmessage = \"Session expired\"\nwhen = { \"/error/sub\" = 463 }\n\n[[errors]]\ncode = \"AUTH\"\nstatus = 401",
    );
    assert_eq!(
        report(old, &new),
        [
            "new.toml:14:1: wire identity-changed: error `AUTH`: its documented example (line 12), HTTP 401, is now read as error `SessionExpired`",
            "new.toml:8:8: compatible code-added: error `AUTH` (variant `SessionExpired`) was added",
        ]
    );
}
