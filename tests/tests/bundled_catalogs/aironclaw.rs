//! AIronClaw management API (seed 003).

use error_catalog_core::engine::Identity;
use error_catalog_model::model::{BaseType, FieldType, RetryRule, WirePreset};

use crate::support::{classify, err, field_type, load};

#[test]
fn aironclaw() {
    let c = load("aironclaw");
    assert_eq!(c.errors.len(), 29);
    assert_eq!(
        c.wire.preset.as_ref().unwrap().value,
        WirePreset::MessageOnly
    );
    assert_eq!(c.wire.identity, Identity::Message);
    assert_eq!(c.wire.message.as_ref().unwrap().value.text, "/error");

    // `tools[N] not found on this MCP server`: N is a number.
    let tools = err(&c, "tool_not_found");
    assert_eq!(tools.status_u16(), Some(400));
    assert_eq!(
        tools.message.value,
        "tools[{index}] not found on this MCP server"
    );
    assert_eq!(
        field_type(&c, tools, "index"),
        FieldType {
            base: BaseType::U32,
            list: false,
            optional: false
        }
    );
    assert_eq!(
        tools.suggestion.as_deref(),
        Some("Run `POST /api/mcp/:id/tools` first to refresh the catalog")
    );

    // `MCP limit reached (N/M). ...`
    let mcp = err(&c, "mcp_limit_reached");
    assert_eq!(mcp.status_u16(), Some(403));
    assert_eq!(
        mcp.message.value,
        "MCP limit reached ({used}/{limit}). {rest}"
    );
    assert!(field_type(&c, mcp, "used").base.is_integer());
    assert!(field_type(&c, mcp, "limit").base.is_integer());
    assert_eq!(
        mcp.suggestion.as_deref(),
        Some("Ask the user to delete an unused MCP or contact admin")
    );

    // `auth.jwksJson: <reason>` must win over `<rule field>: <reason>`.
    let jwks = err(&c, "invalid_jwks_json");
    assert_eq!(jwks.message.value, "auth.jwksJson: {reason}");
    assert!(jwks.priority > err(&c, "rule_schema_rejected").priority);

    // 401: one Fix for the whole section.
    let fix401 = "Re-export `AIRONCLAW_TOKEN`. If the user rotated, they need to copy the new plaintext from the dashboard. PATs are single-instance per user — issuing a new one invalidates the previous immediately.";
    for (code, message) in [
        ("not_authenticated", "Not authenticated"),
        (
            "invalid_personal_access_token",
            "Invalid personal access token",
        ),
        ("mfa_required", "MFA required"),
    ] {
        let e = err(&c, code);
        assert_eq!(e.status_u16(), Some(401));
        assert_eq!(e.message.value, message);
        assert_eq!(e.suggestion.as_deref(), Some(fix401));
    }

    // 5xx: "One retry after a few seconds is fine".
    let admin = err(&c, "gateway_admin_failed");
    assert_eq!(admin.status_u16(), Some(500));
    let m: Vec<&str> = admin.matches.iter().map(|m| m.value.as_str()).collect();
    assert_eq!(
        m,
        ["Failed to create the key", "Failed to update permissions"]
    );
    assert_eq!(admin.retry, RetryRule::Once);
    assert_eq!(err(&c, "redis_unavailable").status_u16(), Some(503));
    assert_eq!(err(&c, "redis_unavailable").retry, RetryRule::Once);

    // 429: only /api/2fa/challenge, 10 attempts / 5 min per user.
    assert_eq!(c.rate_limits.len(), 1);
    assert_eq!(c.rate_limits[0].limit, 10);
    assert_eq!(c.rate_limits[0].window, "5 minutes");

    // Every message the seed lists, with its status, is recognised as exactly one
    // error (N, M and <reason> filled in).
    let seed: [(u16, &str, &str); 29] = [
        (400, "name e url sono obbligatori", "missing_required_field"),
        (400, "name is required", "missing_required_field"),
        (400, "Invalid JSON body", "invalid_json_body"),
        (
            400,
            "auth.jwksJson: keys[0].kty is required",
            "invalid_jwks_json",
        ),
        (
            400,
            "rules[0].action: must be one of allow, deny",
            "rule_schema_rejected",
        ),
        (
            400,
            "Invalid name — use letters, numbers, - and _ only",
            "invalid_key_name",
        ),
        (
            400,
            "URI already in use on this MCP server",
            "uri_already_in_use",
        ),
        (
            400,
            "before must be a YYYYMMDD integer",
            "invalid_before_param",
        ),
        (
            400,
            "tools[3] not found on this MCP server",
            "tool_not_found",
        ),
        (401, "Not authenticated", "not_authenticated"),
        (
            401,
            "Invalid personal access token",
            "invalid_personal_access_token",
        ),
        (401, "MFA required", "mfa_required"),
        (
            403,
            "This endpoint does not accept personal access tokens. Use the dashboard session.",
            "personal_access_token_not_accepted",
        ),
        (
            403,
            "MCP limit reached (3/3). Delete one first.",
            "mcp_limit_reached",
        ),
        (
            403,
            "API key limit reached (5/5). Delete one first.",
            "api_key_limit_reached",
        ),
        (403, "Forbidden", "forbidden"),
        (
            403,
            "Cannot modify personal token",
            "cannot_modify_personal_token",
        ),
        (
            403,
            "IP address temporarily banned",
            "ip_temporarily_banned",
        ),
        (404, "MCP server not found", "mcp_server_not_found"),
        (404, "LLM proxy not found", "llm_proxy_not_found"),
        (404, "Key not found", "key_not_found"),
        (404, "Resource not found", "resource_not_found"),
        (404, "Endpoint not found", "endpoint_not_found"),
        (409, "2FA is already enabled", "two_factor_already_enabled"),
        (409, "2FA is not enabled", "two_factor_not_enabled"),
        (
            409,
            "Key is missing a name tag — recreate it to change permissions",
            "key_missing_name_tag",
        ),
        (
            429,
            "Too Many Requests",
            "two_factor_challenge_rate_limited",
        ),
        (500, "Failed to update permissions", "gateway_admin_failed"),
        (503, "Redis unavailable", "redis_unavailable"),
    ];
    for (status, message, code) in seed {
        let got = classify(&c, status, message).map(|(code, _)| code);
        assert_eq!(got.as_deref(), Some(code), "{status} {message:?}");
    }
    let (code, holes) = classify(&c, 400, "tools[12] not found on this MCP server").unwrap();
    assert_eq!(code, "tool_not_found");
    assert_eq!(holes, [("index".to_string(), "12".to_string())]);
    // A non-number is not a tool index: the generic rule pattern does not apply
    // either (no `: `), so nothing matches.
    assert!(classify(&c, 400, "tools[x] not found on this MCP server").is_none());
    let (code, holes) = classify(&c, 403, "MCP limit reached (2/3). Delete one first.").unwrap();
    assert_eq!(code, "mcp_limit_reached");
    assert_eq!(holes[0], ("used".to_string(), "2".to_string()));
    assert_eq!(holes[1], ("limit".to_string(), "3".to_string()));
    // Whatever a 502 says, the upstream error is relayed.
    assert_eq!(
        classify(&c, 502, "connect ECONNREFUSED")
            .map(|(code, _)| code)
            .as_deref(),
        Some("upstream_mcp_error")
    );
}
