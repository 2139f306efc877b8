//! Classification of AIronClaw's message-only bodies (`{"error": "..."}`, told
//! apart by status and message) by the generated `from_response`, against what a
//! user writes by hand: a borrowed `#[derive(Deserialize)]` struct, then a chain of
//! literal comparisons and `strip_prefix`/`split_once` checks per status that
//! also pulls out the placeholder values.
//! Run: `cargo bench -p api-error-tests --bench classify`.

use api_error::FromResponse;
use api_error_catalogs::aironclaw::AironclawError;
use divan::black_box;
use serde::Deserialize;

fn main() {
    // both ways must agree on what they measure (checked once, not timed)
    for (name, status, bytes) in BODIES {
        let generated = AironclawError::from_response(status, bytes);
        let hand =
            serde_json::from_slice::<Body<'_>>(bytes).map(|b| hand_classify(status, b.error));
        let agree = match (&generated, &hand) {
            (
                AironclawError::McpLimitReached {
                    used, limit, rest, ..
                },
                Ok(Hand::McpLimitReached(u, l, r)),
            ) => (used, limit, rest.as_str()) == (u, l, *r),
            (AironclawError::KeyNotFound { .. }, Ok(Hand::KeyNotFound)) => true,
            (AironclawError::ToolNotFound { index, .. }, Ok(Hand::ToolNotFound(i))) => index == i,
            _ => false,
        };
        assert!(agree, "{name}: generated {generated:?}, hand {hand:?}");
    }
    divan::main();
}

/// (name, status, body): a templated message with three placeholders, a literal
/// message among five of one status, and an indexed one.
const BODIES: [(&str, u16, &[u8]); 3] = [
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
struct Body<'a> {
    #[serde(borrow)]
    error: &'a str,
}

/// The hand-written result: which error, with its placeholder values.
#[derive(Debug, PartialEq)]
#[allow(dead_code)]
enum Hand<'a> {
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

fn hand_classify(status: u16, m: &str) -> Hand<'_> {
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

fn body(name: &str) -> (u16, &'static [u8]) {
    BODIES
        .iter()
        .find(|b| b.0 == name)
        .map_or((0, &b""[..]), |b| (b.1, b.2))
}

const NAMES: [&str; 3] = ["mcp_limit_reached", "key_not_found", "tool_not_found"];

#[divan::bench(args = NAMES, sample_count = 1000, sample_size = 100)]
fn generated(b: divan::Bencher, name: &str) {
    let (status, bytes) = body(name);
    b.bench_local(|| AironclawError::from_response(status, black_box(bytes)));
}

#[divan::bench(args = NAMES, sample_count = 1000, sample_size = 100)]
fn hand_strip_prefix(b: divan::Bencher, name: &str) {
    let (status, bytes) = body(name);
    b.bench_local(|| {
        let body: Body<'static> = serde_json::from_slice(black_box(bytes)).ok()?;
        Some(hand_classify(status, body.error))
    });
}
