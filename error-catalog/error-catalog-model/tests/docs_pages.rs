//! Golden tests of the Markdown reference pages (`docs::render`): one page per
//! kind of wire — errors identified by their code, by status and message, by
//! status — compared with the checked-in files in `tests/golden/docs/`, plus
//! explicit checks of what the pages must say. After an intended change to the
//! pages, re-bless explicitly:
//! `BLESS=1 cargo test -p error-catalog-model --test docs_pages`.

mod common;

use error_catalog_model::docs;
use error_catalog_model::model::Catalog;

/// Identified by the code in the body (`nested`): every header, field docs, each
/// retry rule, an example whose keys are not in sorted order.
const SHOP: &str = r#"
reserved = ["LEGACY_TOKEN", { code = "PLAN_EXPIRED", reason = "replaced by SUBSCRIPTION_ENDED | in v2" }]

[service]
id = "shop"
name = "Shop API"
docs_url = "https://docs.shop.example/errors"
description = "Errors of the Shop API."

[wire]
preset = "nested"

[headers]
retry_after = "Retry-After"
rate_limit_limit = "X-RateLimit-Limit"
rate_limit_remaining = "X-RateLimit-Remaining"
rate_limit_reset = "X-RateLimit-Reset"
request_id = "X-Request-Id"
notes = "Rate-limit headers come on every response."

[[rate_limits]]
scope = "per API key"
limit = 300
window = "minute"

[[errors]]
code = "CUSTOMER_NOT_FOUND"
status = 404
message = "Customer {id} not found"
suggestion = "Check the id | not the email."

[errors.fields]
id = { type = "string", doc = "the customer id you sent | as sent" }

[[errors]]
code = "RATE_LIMITED"
status = 429
message = "Too many requests"
retry = "after"
retry_after_field = "retryAfter"

[errors.fields]
retryAfter = { type = "u64", doc = "seconds to wait" }
limit = "u32"

[[errors.examples]]
body = '{"error": {"message": "Too many requests", "code": "RATE_LIMITED", "retryAfter": 30, "limit": 300, "details": null}}'

[errors.examples.headers]
"Retry-After" = "30"

[[errors]]
code = "CARD_DECLINED"
status = 402
message = "Card declined"
retry = "once"

[[errors]]
code = "INTERNAL"
status = 500
message = "Internal error"
retry = "backoff"
"#;

/// Identified by status and message (`message-only`): no code on the wire.
const MCP: &str = r#"
[service]
id = "mcp"
name = "MCP API"

[wire]
preset = "message-only"

[headers]
retry_after = "Retry-After"

[[errors]]
code = "missing_required_field"
status = 400
message = "name is required"
matches = ["name is required", "url is required"]

[[errors]]
code = "limit_reached"
status = 403
message = "MCP limit reached ({used}/{limit})"

[errors.fields]
used = { type = "u32", doc = "servers in use" }
limit = "u32"

[[errors]]
code = "upstream_failed"
status = 502
message = "Upstream failed"
matches = []
retry = "once"
"#;

/// Identified by status (`status-only`), with message patterns for errors
/// without a status or sharing one.
const AIR: &str = r#"
[service]
id = "air"
name = "AIR Kit"

[wire]
preset = "status-only"

[[errors]]
code = "invalid_partner_jwt"
status = 401
message = "Invalid or expired Partner JWT"

[[errors]]
code = "jwt_expired"
status = 401
message = "JWT expired"
matches = ["JWT expired"]

[[errors]]
code = "server_error"
status = 500
message = "Server-side failure"
retry = "backoff"

[[errors]]
code = "invalid_signature"
message = "Invalid signature"
matches = ["Invalid signature", "JWT verification failed"]
"#;

fn load(name: &str, text: &str) -> Catalog {
    error_catalog_model::load_str(format!("{name}.toml"), text)
        .unwrap_or_else(|p| panic!("test catalog `{name}` is refused:\n{p}"))
}

/// Renders `text`'s page and compares it with `tests/golden/docs/<name>.md`.
fn check(name: &str, text: &str) -> String {
    let got = docs::render(&load(name, text));
    common::compare_golden(
        "golden/docs",
        &format!("{name}.md"),
        &got,
        &format!("the page for `{name}`"),
        "BLESS=1 cargo test -p error-catalog-model --test docs_pages",
    );
    got
}

/// The text of `### \`code\`` up to the `---` that ends it.
fn section<'a>(page: &'a str, code: &str) -> &'a str {
    let head = format!("### `{code}`\n");
    let start = page
        .find(&head)
        .unwrap_or_else(|| panic!("no section `{code}`"));
    let rest = &page[start..];
    &rest[..rest.find("\n---\n").unwrap_or(rest.len())]
}

/// The text of `## title` up to the next `## `.
fn part<'a>(page: &'a str, title: &str) -> &'a str {
    let head = format!("## {title}\n");
    let start = page
        .find(&head)
        .unwrap_or_else(|| panic!("no part `{title}`"));
    let rest = &page[start + head.len()..];
    &rest[..rest.find("\n## ").unwrap_or(rest.len())]
}

#[test]
fn code_identified_page() {
    let page = check("shop_code", SHOP);
    assert!(page.contains(
        "Errors travel as the `nested` envelope (`application/json`); the code at \
         `/error/code` identifies the error"
    ));
    assert!(!page.contains("**Recognised by:**"), "the code says it all");
    assert!(!page.contains("this catalog's own name"));
    assert!(page.contains("| Code | Status | Message | Suggestion |"));
    // Cells are escaped: a `|` in a field doc or a suggestion stays in its cell.
    assert!(page.contains("| Check the id \\| not the email. |"));
}

#[test]
fn reserved_codes_are_listed_last() {
    let page = check("shop_code", SHOP);
    assert!(page.ends_with(
        "## Reserved codes\n\nCodes the service no longer sends; no error will use them again.\n\n\
         | Code | Why |\n|---|---|\n| `LEGACY_TOKEN` |  |\n\
         | `PLAN_EXPIRED` | replaced by SUBSCRIPTION_ENDED \\| in v2 |\n"
    ));
}

#[test]
fn field_docs_fill_the_meaning_column() {
    let page = check("shop_code", SHOP);
    let s = section(&page, "CUSTOMER_NOT_FOUND");
    assert!(s.contains("| Field | Type | Where | Meaning |"), "{s}");
    assert!(
        s.contains("| `id` | `string` | `/error/id` | the customer id you sent \\| as sent |"),
        "{s}"
    );
    // A field without a doc has an empty cell.
    let s = section(&page, "RATE_LIMITED");
    assert!(
        s.contains("| `retryAfter` | `u64` | `/error/retryAfter` | seconds to wait |"),
        "{s}"
    );
    assert!(s.contains("| `limit` | `u32` | `/error/limit` |  |"), "{s}");
}

#[test]
fn retry_rules_in_words() {
    let page = check("shop_code", SHOP);
    let retry = |code: &str| {
        let s = section(&page, code);
        let line = s
            .lines()
            .find(|l| l.starts_with("**Status:**"))
            .unwrap_or_else(|| panic!("no status line in {s}"));
        line[line
            .find("**Retry:** ")
            .map_or(0, |i| i + "**Retry:** ".len())..]
            .to_string()
    };
    assert_eq!(retry("CUSTOMER_NOT_FOUND"), "do not retry");
    assert!(retry("INTERNAL").starts_with("retry with exponential backoff"));
    assert!(retry("CARD_DECLINED").starts_with("retry once"));
    let after = retry("RATE_LIMITED");
    assert!(after.starts_with("honours `Retry-After`"), "{after}");
    assert!(after.contains("the body's `retryAfter`"), "{after}");
    for rule in ["never", "backoff", "once", "after"] {
        assert!(
            !page.contains(&format!("**Retry:** {rule}\n")),
            "the bare rule `{rule}`"
        );
    }
}

#[test]
fn example_keys_keep_catalog_order() {
    let page = check("shop_code", SHOP);
    let s = section(&page, "RATE_LIMITED");
    assert!(
        s.contains(
            "```json\n{\n  \"error\": {\n    \"message\": \"Too many requests\",\n    \
             \"code\": \"RATE_LIMITED\",\n    \"retryAfter\": 30,\n    \"limit\": 300,\n    \
             \"details\": null\n  }\n}\n```"
        ),
        "{s}"
    );
    // The body built for the format section (no example) follows the wire:
    // code, message, then the error's fields.
    let format = part(&page, "Error response format");
    assert!(
        format.contains(
            "{\n  \"error\": {\n    \"code\": \"CUSTOMER_NOT_FOUND\",\n    \
             \"message\": \"Customer {id} not found\",\n    \"id\": \"<string>\"\n  }\n}"
        ),
        "{format}"
    );
}

#[test]
fn headers_say_what_they_mean() {
    let page = check("shop_code", SHOP);
    let headers = part(&page, "Response headers");
    let rows: Vec<&str> = headers.lines().filter(|l| l.starts_with("| `")).collect();
    assert_eq!(
        rows,
        [
            "| `Retry-After` | seconds (or an HTTP date) to wait before retrying |",
            "| `X-RateLimit-Limit` | requests allowed in the current window |",
            "| `X-RateLimit-Remaining` | requests left in the current window |",
            "| `X-RateLimit-Reset` | when the window resets (Unix seconds) |",
            "| `X-Request-Id` | the request's id, to quote to support |",
        ]
    );
    for row in rows {
        let cells: Vec<&str> = row.split(" | ").collect();
        let name = cells[0].trim_start_matches("| `").trim_end_matches('`');
        assert!(!cells[1].contains(name), "the name twice: {row}");
    }
}

#[test]
fn message_identified_page() {
    let page = check("mcp_message", MCP);
    let format = part(&page, "Error response format");
    assert!(
        format.contains("the HTTP status and the message at `/error` identify the error"),
        "{format}"
    );
    assert!(
        format.contains(
            "The service sends no error code: the name heading each error below \
             (e.g. `missing_required_field`) is this catalog's own name for it."
        ),
        "{format}"
    );
    assert!(!format.contains("the code"), "{format}");
    // The body built from the wire holds no code.
    assert!(
        format.contains("```json\n{\n  \"error\": \"name is required\"\n}\n```"),
        "{format}"
    );
    assert!(section(&page, "missing_required_field").contains(
        "**Recognised by:** status 400 with a message (at `/error`) matching \
         `name is required` or `url is required`"
    ));
    let s = section(&page, "limit_reached");
    assert!(s.contains(
        "**Recognised by:** status 403 with a message (at `/error`) matching \
         `MCP limit reached ({used}/{limit})`"
    ));
    assert!(
        s.contains("| `used` | `u32` | in the message | servers in use |"),
        "{s}"
    );
    assert!(section(&page, "upstream_failed").contains("**Recognised by:** status 502\n"));
    assert!(page.contains("| Name | Status | Message | Suggestion |"));
}

#[test]
fn status_identified_page() {
    let page = check("air_status", AIR);
    let format = part(&page, "Error response format");
    assert!(
        format.contains("the HTTP status identifies the error, and message patterns"),
        "{format}"
    );
    assert!(
        format.contains("this catalog's own name for it"),
        "{format}"
    );
    // 401 goes by status only when `jwt_expired`'s pattern does not match.
    assert!(section(&page, "invalid_partner_jwt")
        .contains("**Recognised by:** status 401, when no other error's message pattern matches"));
    assert!(section(&page, "jwt_expired").contains(
        "**Recognised by:** status 401 with a message (at `/message`) matching `JWT expired`"
    ));
    // `invalid_signature` has no status: its patterns match at any status, so
    // they come before every status, 500 included.
    assert!(section(&page, "invalid_signature").contains(
        "**Recognised by:** a message (at `/message`) matching `Invalid signature` or \
         `JWT verification failed`, at any status"
    ));
    assert!(section(&page, "server_error")
        .contains("**Recognised by:** status 500, when no other error's message pattern matches"));
}

#[test]
fn a_code_that_does_not_identify_is_not_presented_as_one() {
    // A custom wire that carries a code but is identified by the message.
    let text = r#"
[service]
id = "odd"
name = "Odd API"

[wire]
code = "/kind"
message = "/text"
identity = "message"

[[errors]]
code = "busy"
status = 503
message = "Busy, try later"
"#;
    let page = docs::render(&load("odd", text));
    let format = part(&page, "Error response format");
    assert!(
        format.contains(
            "The code at `/kind` is not what identifies an error: the name heading each \
             error below (e.g. `busy`) is this catalog's own name for it."
        ),
        "{format}"
    );
    assert!(section(&page, "busy").contains(
        "**Recognised by:** status 503 with a message (at `/text`) matching `Busy, try later`"
    ));
}
