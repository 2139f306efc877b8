//! AIronClaw's message-only bodies and the hand-written classifier the
//! `classify` bench and `examples/profile_parse.rs` compare against (one copy,
//! included by both): a borrowed struct, then a chain of literal comparisons and
//! `strip_prefix`/`split_once` checks per status.

use serde::Deserialize;

/// (name, status, body): a templated message with three placeholders, a literal
/// message among five of one status, and an indexed one.
pub const BODIES: [(&str, u16, &[u8]); 3] = [
    (
        "mcp_limit_reached",
        403,
        br#"{"error":"MCP limit reached (3/3). Upgrade your plan to add more MCP servers."}"#,
    ),
    ("key_not_found", 404, br#"{"error":"Key not found"}"#),
    (
        "tool_not_found",
        400,
        br#"{"error":"tools[2] not found on this MCP server"}"#,
    ),
];

#[derive(Deserialize)]
pub struct Body<'a> {
    #[serde(borrow)]
    pub error: &'a str,
}

/// The hand-written result: which error, with its placeholder values.
#[derive(Debug, PartialEq)]
#[allow(dead_code)]
pub enum Hand<'a> {
    MissingRequiredField,
    InvalidJsonBody,
    InvalidJwksJson(&'a str),
    RuleSchemaRejected(&'a str, &'a str),
    InvalidKeyName,
    UriAlreadyInUse,
    InvalidBeforeParam,
    ToolNotFound(u32),
    NotAuthenticated,
    InvalidPersonalAccessToken,
    MfaRequired,
    PatNotAccepted,
    McpLimitReached(u32, u32, &'a str),
    ApiKeyLimitReached(u32, u32, &'a str),
    Forbidden,
    CannotModifyPersonalToken,
    IpTemporarilyBanned,
    McpServerNotFound,
    LlmProxyNotFound,
    KeyNotFound,
    ResourceNotFound,
    EndpointNotFound,
    Other(u16, &'a str),
}

/// `"{used}/{limit}). {rest}"` after a known prefix.
fn limit_parts(rest: &str) -> Option<(u32, u32, &str)> {
    let (used, rest) = rest.split_once('/')?;
    let (limit, rest) = rest.split_once("). ")?;
    Some((used.parse().ok()?, limit.parse().ok()?, rest))
}

pub fn hand_classify(status: u16, m: &str) -> Hand<'_> {
    match status {
        400 => match m {
            "name e url sono obbligatori" | "name is required" => Hand::MissingRequiredField,
            "Invalid JSON body" => Hand::InvalidJsonBody,
            "Invalid name — use letters, numbers, - and _ only" => Hand::InvalidKeyName,
            "URI already in use on this MCP server" => Hand::UriAlreadyInUse,
            "before must be a YYYYMMDD integer" => Hand::InvalidBeforeParam,
            _ => {
                if let Some(reason) = m.strip_prefix("auth.jwksJson: ") {
                    return Hand::InvalidJwksJson(reason);
                }
                if let Some(n) = m
                    .strip_prefix("tools[")
                    .and_then(|r| r.strip_suffix("] not found on this MCP server"))
                    .and_then(|n| n.parse().ok())
                {
                    return Hand::ToolNotFound(n);
                }
                match m.split_once(": ") {
                    Some((field, reason)) => Hand::RuleSchemaRejected(field, reason),
                    None => Hand::Other(status, m),
                }
            }
        },
        401 => match m {
            "Not authenticated" => Hand::NotAuthenticated,
            "Invalid personal access token" => Hand::InvalidPersonalAccessToken,
            "MFA required" => Hand::MfaRequired,
            _ => Hand::Other(status, m),
        },
        403 => match m {
            "This endpoint does not accept personal access tokens. Use the dashboard session." => {
                Hand::PatNotAccepted
            }
            "Forbidden" => Hand::Forbidden,
            "Cannot modify personal token" => Hand::CannotModifyPersonalToken,
            "IP address temporarily banned" => Hand::IpTemporarilyBanned,
            _ => {
                if let Some((u, l, r)) = m.strip_prefix("MCP limit reached (").and_then(limit_parts)
                {
                    return Hand::McpLimitReached(u, l, r);
                }
                if let Some((u, l, r)) = m
                    .strip_prefix("API key limit reached (")
                    .and_then(limit_parts)
                {
                    return Hand::ApiKeyLimitReached(u, l, r);
                }
                Hand::Other(status, m)
            }
        },
        404 => match m {
            "MCP server not found" => Hand::McpServerNotFound,
            "LLM proxy not found" => Hand::LlmProxyNotFound,
            "Key not found" => Hand::KeyNotFound,
            "Resource not found" => Hand::ResourceNotFound,
            "Endpoint not found" => Hand::EndpointNotFound,
            _ => Hand::Other(status, m),
        },
        _ => Hand::Other(status, m),
    }
}
