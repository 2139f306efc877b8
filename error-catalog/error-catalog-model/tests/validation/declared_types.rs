//! Declared types and conditions on headers.

use super::*;

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
