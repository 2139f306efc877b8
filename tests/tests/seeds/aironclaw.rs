//! 003: AIronClaw management API (message-only).

use error_catalog::{ApiError, FromResponse, RetryRule};
use error_catalog_services::aironclaw::AironclawError;
use serde_json::json;

use crate::support::{check, Seed, ToJson};

/// The 401 section's single "Fix" paragraph (its first word capitalised).
const AIRONCLAW_401_FIX: &str = "Re-export `AIRONCLAW_TOKEN`. If the user rotated, they need to copy the new plaintext from the dashboard. PATs are single-instance per user — issuing a new one invalidates the previous immediately.";
/// The note below the 404 table.
const AIRONCLAW_404_NOTE: &str = "If the user just created the resource and you still get 404, give Redis a moment and re-list — the dashboard caches GETs but the API is no-store.";

/// (status, message, code, suggestion when the seed gives one, variant and fields).
type ClawRow = (
    u16,
    &'static str,
    &'static str,
    Option<&'static str>,
    fn(&AironclawError) -> bool,
);

fn aironclaw_rows() -> Vec<ClawRow> {
    use AironclawError as A;
    fn no_extra(x: &error_catalog::Extra) -> bool {
        x.is_empty()
    }
    fn received(x: &error_catalog::Extra, m: &str) -> bool {
        x.message() == Some(m)
    }
    vec![
        // 400
        (400, "name e url sono obbligatori", "missing_required_field", Some("Re-send with the missing field"),
            |e| matches!(e, A::MissingRequiredField { extra } if no_extra(extra))),
        (400, "name is required", "missing_required_field", Some("Re-send with the missing field"),
            |e| matches!(e, A::MissingRequiredField { extra } if received(extra, "name is required"))),
        (400, "Invalid JSON body", "invalid_json_body", Some("Add the header, validate the JSON"),
            |e| matches!(e, A::InvalidJsonBody { extra } if no_extra(extra))),
        (400, "auth.jwksJson: keys[0].kty is required", "invalid_jwks_json",
            Some("Re-fetch from the IdP; run `POST /api/mcp/jwks/test` first"),
            |e| matches!(e, A::InvalidJwksJson { reason, extra } if reason == "keys[0].kty is required" && no_extra(extra))),
        (400, "rules[0].action: must be allow or deny", "rule_schema_rejected",
            Some("The message names the offending field; consult [rules-and-dlp.md](rules-and-dlp.md)"),
            |e| matches!(e, A::RuleSchemaRejected { field, reason, extra }
                if field == "rules[0].action" && reason == "must be allow or deny" && no_extra(extra))),
        (400, "Invalid name — use letters, numbers, - and _ only", "invalid_key_name", Some("Sanitise the name"),
            |e| matches!(e, A::InvalidKeyName { extra } if no_extra(extra))),
        (400, "URI already in use on this MCP server", "uri_already_in_use",
            Some("Pick a different URI or PATCH the existing one"),
            |e| matches!(e, A::UriAlreadyInUse { extra } if no_extra(extra))),
        (400, "before must be a YYYYMMDD integer", "invalid_before_param",
            Some("Pass `20260115`, not `2026-01-15`"),
            |e| matches!(e, A::InvalidBeforeParam { extra } if no_extra(extra))),
        (400, "tools[2] not found on this MCP server", "tool_not_found",
            Some("Run `POST /api/mcp/:id/tools` first to refresh the catalog"),
            |e| matches!(e, A::ToolNotFound { index: 2, extra } if no_extra(extra))),
        // 401
        (401, "Not authenticated", "not_authenticated", Some(AIRONCLAW_401_FIX),
            |e| matches!(e, A::NotAuthenticated { extra } if no_extra(extra))),
        (401, "Invalid personal access token", "invalid_personal_access_token", Some(AIRONCLAW_401_FIX),
            |e| matches!(e, A::InvalidPersonalAccessToken { extra } if no_extra(extra))),
        (401, "MFA required", "mfa_required", Some(AIRONCLAW_401_FIX),
            |e| matches!(e, A::MfaRequired { extra } if no_extra(extra))),
        // 403
        (403, "This endpoint does not accept personal access tokens. Use the dashboard session.",
            "personal_access_token_not_accepted", Some("Direct the user to the dashboard for that action"),
            |e| matches!(e, A::PersonalAccessTokenNotAccepted { extra } if no_extra(extra))),
        (403, "MCP limit reached (3/3). Delete an unused MCP first.", "mcp_limit_reached",
            Some("Ask the user to delete an unused MCP or contact admin"),
            |e| matches!(e, A::McpLimitReached { used: 3, limit: 3, rest, extra }
                if rest == "Delete an unused MCP first." && no_extra(extra))),
        // The seed's Fix for this row is "Same".
        (403, "API key limit reached (5/5). Delete an unused key first.", "api_key_limit_reached", None,
            |e| matches!(e, A::ApiKeyLimitReached { used: 5, limit: 5, rest, extra }
                if rest == "Delete an unused key first." && no_extra(extra))),
        (403, "Forbidden", "forbidden", Some("Re-list keys, you got the wrong id"),
            |e| matches!(e, A::Forbidden { extra } if no_extra(extra))),
        (403, "Cannot modify personal token", "cannot_modify_personal_token",
            Some("Use `POST /api/profile/token` from the dashboard to rotate"),
            |e| matches!(e, A::CannotModifyPersonalToken { extra } if no_extra(extra))),
        (403, "IP address temporarily banned", "ip_temporarily_banned",
            Some("To inspect bans, query the audit log with `event_type=ip_banned`."),
            |e| matches!(e, A::IpTemporarilyBanned { extra } if no_extra(extra))),
        // 404
        (404, "MCP server not found", "mcp_server_not_found", Some(AIRONCLAW_404_NOTE),
            |e| matches!(e, A::McpServerNotFound { extra } if no_extra(extra))),
        (404, "LLM proxy not found", "llm_proxy_not_found", Some(AIRONCLAW_404_NOTE),
            |e| matches!(e, A::LlmProxyNotFound { extra } if no_extra(extra))),
        (404, "Key not found", "key_not_found", Some(AIRONCLAW_404_NOTE),
            |e| matches!(e, A::KeyNotFound { extra } if no_extra(extra))),
        (404, "Resource not found", "resource_not_found", Some(AIRONCLAW_404_NOTE),
            |e| matches!(e, A::ResourceNotFound { extra } if no_extra(extra))),
        (404, "Endpoint not found", "endpoint_not_found", None,
            |e| matches!(e, A::EndpointNotFound { extra } if no_extra(extra))),
        // 409: the seed's table has no Fix column.
        (409, "2FA is already enabled", "two_factor_already_enabled", None,
            |e| matches!(e, A::TwoFactorAlreadyEnabled { extra } if no_extra(extra))),
        (409, "2FA is not enabled", "two_factor_not_enabled", None,
            |e| matches!(e, A::TwoFactorNotEnabled { extra } if no_extra(extra))),
        (409, "Key is missing a name tag — recreate it to change permissions", "key_missing_name_tag", None,
            |e| matches!(e, A::KeyMissingNameTag { extra } if no_extra(extra))),
        // 429: the seed gives no message; the status identifies it.
        (429, "Too Many Requests", "two_factor_challenge_rate_limited", None,
            |e| matches!(e, A::TwoFactorChallengeRateLimited { extra } if no_extra(extra))),
        // 5xx
        (500, "Failed to create the key", "gateway_admin_failed",
            Some("Check `/api/health` for gateway status; retry once"),
            |e| matches!(e, A::GatewayAdminFailed { extra } if no_extra(extra))),
        (500, "Failed to update permissions", "gateway_admin_failed",
            Some("Check `/api/health` for gateway status; retry once"),
            |e| matches!(e, A::GatewayAdminFailed { extra } if received(extra, "Failed to update permissions"))),
        (502, "upstream MCP returned 401 Unauthorized", "upstream_mcp_error",
            Some("Verify the MCP `url` resolves and accepts the upstream bearer; the message body relays the upstream error"),
            |e| matches!(e, A::UpstreamMcpError { upstream, extra }
                if upstream == "upstream MCP returned 401 Unauthorized" && no_extra(extra))),
        (503, "Redis unavailable", "redis_unavailable",
            Some("Check `/api/health`; this is an infra outage, not a client problem"),
            |e| matches!(e, A::RedisUnavailable { extra } if no_extra(extra))),
    ]
}

#[test]
fn aironclaw_messages() {
    for (status, message, code, suggestion, typed) in aironclaw_rows() {
        let body = json!({ "error": message }).to_string();
        let what = format!("AIronClaw {status} {message:?}");
        let e = check(&Seed {
            code,
            display: message,
            suggestion,
            // The seed gives no fix command.
            fix: None,
            ..Seed::new(&what, status, &body, typed)
        });
        if status >= 500 {
            // "For all 5xx, do not retry rapidly. One retry after a few seconds is fine".
            assert_eq!(e.retry_rule(), RetryRule::Once, "{what}: retry rule");
        }
    }
}

#[test]
fn aironclaw_every_code_has_a_seed_message() {
    use error_catalog::ErrorCatalog;
    let rows = aironclaw_rows();
    for info in AironclawError::CODES {
        assert!(
            rows.iter().any(|r| r.2 == info.code),
            "AIronClaw code {} has no seed message here",
            info.code
        );
    }
}

#[test]
fn aironclaw_templated_messages_capture_their_values() {
    let e = AironclawError::from_response(
        403,
        br#"{"error": "MCP limit reached (3/3). Delete an unused MCP first."}"#,
    );
    let AironclawError::McpLimitReached {
        used, limit, rest, ..
    } = &e
    else {
        panic!("MCP limit: {e:?}")
    };
    assert_eq!((*used, *limit), (3, 3));
    assert_eq!(rest, "Delete an unused MCP first.");
    assert_eq!(e.details()["used"], json!(3));
    assert_eq!(e.details()["limit"], json!(3));

    let e = AironclawError::from_response(
        400,
        br#"{"error": "tools[2] not found on this MCP server"}"#,
    );
    assert!(
        matches!(e, AironclawError::ToolNotFound { index: 2, .. }),
        "tools[2]: {e:?}"
    );

    // `auth.jwksJson: <reason>` wins over the generic `<rule field>: <reason>`.
    let e = AironclawError::from_response(
        400,
        br#"{"error": "auth.jwksJson: keys[0].kty is required"}"#,
    );
    assert!(
        matches!(&e, AironclawError::InvalidJwksJson { reason, .. } if reason == "keys[0].kty is required"),
        "auth.jwksJson: {e:?}"
    );
}

#[test]
fn aironclaw_the_status_decides_between_identical_shapes() {
    // The same text under a status it is not listed for is not that error.
    let e = AironclawError::from_response(404, br#"{"error": "Invalid JSON body"}"#);
    assert!(!e.is_known(), "Invalid JSON body under 404: {e:?}");
    let e = AironclawError::from_response(401, br#"{"error": "Redis unavailable"}"#);
    assert!(!e.is_known(), "Redis unavailable under 401: {e:?}");
}

#[test]
fn aironclaw_envelope_example_falls_back() {
    // The seed's `{ "error": "human-readable message" }` names no listed message.
    let body = br#"{ "error": "human-readable message" }"#;
    let e = AironclawError::from_response(400, body);
    let AironclawError::Unknown(u) = &e else {
        panic!("envelope example: {e:?}")
    };
    assert_eq!(u.message(), Some("human-readable message"));
    assert_eq!(u.body(), body);
    assert_eq!(e.to_string(), "human-readable message");
    assert_eq!(e.to_json(), json!({ "error": "human-readable message" }));
}
