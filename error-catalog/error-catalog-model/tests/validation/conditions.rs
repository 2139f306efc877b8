//! `when`, errors sent without a code, code ranges, headers.

use super::*;

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
