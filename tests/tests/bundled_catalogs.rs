//! The bundled catalogs load, validate and say what the seed documents in
//! the seed documents say: codes, statuses, messages, suggestions, fix commands,
//! retry rules, detail fields and example bodies.

use error_catalog_core::engine::Identity;
use error_catalog_core::template::{match_pattern, Template};
use error_catalog_model::model::{BaseType, Catalog, ErrorEntry, FieldType, RetryRule, WirePreset};
use error_catalog_model::validate::hole_kind;
use serde_json::Value;

/// Loads a bundled catalog, checks that its example bodies fit it, and returns it.
fn load(id: &str) -> Catalog {
    let bundled = error_catalog_tests::bundled(id);
    assert_eq!(bundled.service.id.value, id);
    check_examples(&bundled);
    bundled
}

/// The error with this code.
/// The fix command as a reader sees it (a template: `{{` is a literal brace).
fn shown_fix(e: &ErrorEntry) -> Option<String> {
    e.fix_command
        .as_ref()
        .map(|f| error_catalog_core::command::render(&f.value, &Default::default()))
}

fn err<'c>(c: &'c Catalog, code: &str) -> &'c ErrorEntry {
    c.errors
        .iter()
        .find(|e| e.code.value == code)
        .unwrap_or_else(|| panic!("no error `{code}` in `{}`", c.service.id.value))
}

/// The type of field `wire` of an error (its own fields, then the envelope's).
fn field_type(c: &Catalog, e: &ErrorEntry, wire: &str) -> FieldType {
    e.fields
        .iter()
        .chain(&c.wire.fields)
        .find(|f| f.wire.value == wire)
        .unwrap_or_else(|| panic!("error `{}` has no field `{wire}`", e.code.value))
        .ty
        .value
}

/// The wire names of an error's own fields, sorted.
fn field_names(e: &ErrorEntry) -> Vec<&str> {
    let mut names: Vec<&str> = e.fields.iter().map(|f| f.wire.value.as_str()).collect();
    names.sort_unstable();
    names
}

/// Matches `text` against `pattern` (a template of error `e`): the captured
/// placeholder values by name.
fn match_template(
    c: &Catalog,
    e: &ErrorEntry,
    pattern: &str,
    text: &str,
) -> Option<Vec<(String, String)>> {
    let t = Template::parse(pattern).unwrap();
    let names: Vec<&str> = t.placeholders().collect();
    let segs = t.pattern(|n| {
        let i = names.iter().position(|m| *m == n).unwrap();
        (i, hole_kind(c, e, n))
    });
    match_pattern(&segs, text).map(|holes| {
        holes
            .into_iter()
            .map(|(i, s)| (names[i].to_string(), s.to_string()))
            .collect()
    })
}

/// Every example body is JSON, carries the error's code where the wire says
/// codes are, and a message that the error's template (or one of its patterns)
/// matches; a placeholder's captured text equals the detail field of the same
/// name when the body has it.
fn check_examples(c: &Catalog) {
    for e in &c.errors {
        for ex in &e.examples {
            let body: Value = serde_json::from_str(&ex.body.value)
                .unwrap_or_else(|err| panic!("example of `{}`: {err}", e.code.value));
            if let (Identity::Code, Some(p)) = (c.wire.identity, &c.wire.code) {
                assert_eq!(
                    body.pointer(&p.value.text).and_then(Value::as_str),
                    Some(e.code.value.as_str()),
                    "code in the example of `{}`",
                    e.code.value
                );
            }
            let Some(msg) = c
                .wire
                .message
                .as_ref()
                .and_then(|p| body.pointer(&p.value.text))
                .and_then(Value::as_str)
            else {
                continue;
            };
            let patterns: Vec<&str> = std::iter::once(e.message.value.as_str())
                .chain(e.matches.iter().map(|m| m.value.as_str()))
                .collect();
            let holes = patterns
                .iter()
                .find_map(|p| match_template(c, e, p, msg))
                .unwrap_or_else(|| {
                    panic!(
                        "example message {msg:?} of `{}` fits none of {patterns:?}",
                        e.code.value
                    )
                });
            for (name, text) in holes {
                let at = e
                    .fields
                    .iter()
                    .chain(&c.wire.fields)
                    .find(|f| f.wire.value == name)
                    .and_then(|f| f.at_ptr.as_ref());
                let Some(v) = at.and_then(|p| body.pointer(&p.value.text)) else {
                    continue;
                };
                let shown = match v {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                assert_eq!(
                    shown, text,
                    "`{{{name}}}` in the example of `{}` disagrees with its detail field",
                    e.code.value
                );
            }
        }
    }
}

/// Classifies (status, message) with the run-time classifier (the engine and
/// layout generated code uses), the message placed where the wire carries it.
/// Returns the code and the captured placeholder values, in field order.
fn classify(c: &Catalog, status: u16, message: &str) -> Option<(String, Vec<(String, String)>)> {
    let pointer = &c.wire.message.as_ref()?.value;
    let body =
        pointer
            .segments
            .iter()
            .rev()
            .fold(Value::String(message.to_string()), |inner, key| {
                let mut m = serde_json::Map::new();
                m.insert(key.clone(), inner);
                Value::Object(m)
            });
    let r = error_catalog_model::response::decode(c, status, body.to_string().as_bytes());
    let e = &c.errors[r.entry?];
    let holes = e
        .fields
        .iter()
        .filter_map(|f| {
            let v = r.fields.get(&f.wire.value)?;
            let text = v.as_str().map_or_else(|| v.to_string(), str::to_string);
            Some((f.wire.value.clone(), text))
        })
        .collect();
    Some((e.code.value.clone(), holes))
}

// --- Moca Network AIR Kit (seed 000) ---------------------------------------------

#[test]
fn moca_air() {
    let c = load("moca_air");
    assert_eq!(c.errors.len(), 12);
    assert_eq!(c.service.name.value, "Moca Network AIR Kit");
    assert_eq!(
        c.wire.preset.as_ref().unwrap().value,
        WirePreset::StatusOnly
    );
    assert_eq!(c.wire.identity, Identity::Status);
    // The seed publishes no rate limit numbers and names no headers.
    assert!(c.rate_limits.is_empty());
    assert!(c.headers.retry_after.is_none());

    // "API error codes": the HTTP status identifies the error.
    let table = [
        (400, "Missing or invalid request fields", "Verify `issuerDid`, `credentialId`, and `credentialSubject` match your schema. Check that required fields are present and types are correct."),
        (401, "Invalid or expired Partner JWT", "Verify the JWT is not expired (`exp`), the signature matches your JWKS key, `kid` in the header maps to the correct key, and `typ: \"JWT\"` is set."),
        (403, "Feature not enabled or schema not allowed", "Confirm the feature (e.g. Issue on Behalf) is enabled for your partner account in the Developer Dashboard. Check that your `issuerDid` owns the schema."),
        (404, "Unknown issuer DID or program ID", "Double-check `issuerDid` and `credentialId` values against the Developer Dashboard."),
        (409, "User consent rejected or duplicate conflict", "The user has denied consent for credentials issued on their behalf, or a duplicate credential exists with `onDuplicate: \"ignore\"`."),
        (500, "Server-side failure", "Retry with exponential backoff. If persistent, check the [Moca Network status page](https://discord.gg/mocaversenft) or contact support."),
    ];
    for (status, message, suggestion) in table {
        let e = c
            .errors
            .iter()
            .find(|e| e.status_u16() == Some(status))
            .unwrap_or_else(|| panic!("no error with status {status}"));
        assert_eq!(e.message.value, message);
        assert_eq!(e.suggestion.as_deref(), Some(suggestion));
        assert!(
            e.matches.is_empty(),
            "{status} is identified by status alone"
        );
    }
    let server = err(&c, "server_error");
    assert_eq!(server.status_u16(), Some(500));
    assert_eq!(server.retry, RetryRule::Backoff);

    // "JWT and JWKS errors": known by their message; the seed gives them no status.
    let jwt = [
        (
            "invalid_signature",
            &["Invalid signature", "JWT verification failed"][..],
        ),
        ("token_expired", &["Token expired"][..]),
        (
            "jwks_endpoint_unreachable",
            &["JWKS endpoint unreachable"][..],
        ),
        ("kid_not_found", &["kid not found"][..]),
        ("missing_typ_header", &["Missing typ header"][..]),
    ];
    for (code, messages) in jwt {
        let e = err(&c, code);
        assert!(e.status.is_none(), "`{code}` has no status in the seed");
        let m: Vec<&str> = e.matches.iter().map(|m| m.value.as_str()).collect();
        assert_eq!(m, messages, "patterns of `{code}`");
        assert_eq!(e.retry, RetryRule::Never);
    }
    let expired = err(&c, "token_expired");
    assert_eq!(
        expired.solutions,
        [
            "The `exp` claim has passed. Generate a new JWT with a fresh `exp` (recommended: 5 minutes from now).",
            "Verify your server clock is synchronized (NTP).",
        ]
    );
    let jwks = err(&c, "jwks_endpoint_unreachable");
    assert_eq!(
        shown_fix(jwks).as_deref(),
        Some("curl https://your-domain/api/.well-known/jwks")
    );
    assert_eq!(jwks.docs_url.as_deref(), Some("/airkit/usage/jwks-setup"));
    assert_eq!(jwks.solutions.len(), 5);
    // The snippet for `typ` is JavaScript, not a command.
    assert!(err(&c, "missing_typ_header").fix_command.is_none());

    // "Rate limiting": 429 Too Many Requests, back off exponentially.
    let rl = err(&c, "rate_limited");
    assert_eq!(rl.status_u16(), Some(429));
    assert_eq!(rl.message.value, "Too Many Requests");
    assert_eq!(rl.retry, RetryRule::Backoff);
    assert_eq!(
        rl.suggestion.as_deref(),
        Some("Back off and retry with exponential delays. Avoid tight polling loops on the status endpoint — start with 1-second intervals and double each attempt.")
    );

    // The JWT messages are recognised under any status; anything else by status.
    let code = |s, m| classify(&c, s, m).map(|(code, _)| code);
    assert_eq!(
        code(401, "JWT verification failed").as_deref(),
        Some("invalid_signature")
    );
    assert_eq!(code(401, "kid not found").as_deref(), Some("kid_not_found"));
    assert_eq!(
        code(401, "something else").as_deref(),
        Some("invalid_partner_jwt")
    );
    assert_eq!(code(429, "slow down").as_deref(), Some("rate_limited"));
}

// --- KYA Chain Verification API (seed 001) ---------------------------------------

#[test]
fn kya() {
    let c = load("kya");
    assert_eq!(c.errors.len(), 12);
    assert_eq!(c.service.name.value, "KYA Chain Verification API");
    assert_eq!(c.wire.preset.as_ref().unwrap().value, WirePreset::Flat);
    assert_eq!(c.wire.identity, Identity::Code);
    assert_eq!(c.wire.code.as_ref().unwrap().value.text, "/errorType");
    assert_eq!(c.wire.message.as_ref().unwrap().value.text, "/error");
    // `timestamp`: Unix timestamp in milliseconds, on every error.
    assert!(field_type(&c, &c.errors[0], "timestamp").base.is_integer());

    // Every error type and its HTTP code, as the seed lists them.
    let statuses = [
        ("VALIDATION_ERROR", 400),
        ("SIGNATURE_INVALID", 401),
        ("REPLAY_DETECTED", 400),
        ("AGENT_NOT_FOUND", 404),
        ("RPC_ERROR", 503),
        ("INTERNAL_ERROR", 500),
        ("INVALID_API_KEY", 401),
        ("KEY_ALREADY_EXISTS", 409),
        ("RATE_LIMITED", 429),
        ("TIER_BLOCKED", 403),
        ("INSUFFICIENT_DEPOSIT", 400),
        ("RELAY_FAILED", 500),
    ];
    let codes: Vec<&str> = c.errors.iter().map(|e| e.code.value.as_str()).collect();
    assert_eq!(codes, statuses.map(|(code, _)| code));
    for (code, status) in statuses {
        assert_eq!(err(&c, code).status_u16(), Some(status), "status of {code}");
    }

    // Rate limits by tier: four tiers, per minute.
    let tiers: Vec<(&str, u64, &str)> = c
        .rate_limits
        .iter()
        .map(|r| (r.scope.as_str(), r.limit, r.window.as_str()))
        .collect();
    assert_eq!(
        tiers,
        [
            ("Tier 1 (Bronze)", 1, "minute"),
            ("Tier 2 (Silver)", 16, "minute"),
            ("Tier 3 (Gold)", 166, "minute"),
            ("Tier 4 (Diamond)", 2700, "minute"),
        ]
    );
    assert_eq!(c.headers.retry_after.as_deref(), Some("Retry-After"));
    assert_eq!(
        c.headers.rate_limit_limit.as_deref(),
        Some("X-RateLimit-Limit")
    );
    assert_eq!(
        c.headers.rate_limit_remaining.as_deref(),
        Some("X-RateLimit-Remaining")
    );
    // The seed names no reset header.
    assert!(c.headers.rate_limit_reset.is_none());

    let rl = err(&c, "RATE_LIMITED");
    assert_eq!(rl.message.value, "Rate limit exceeded for agent tier");
    assert_eq!(
        rl.cause.as_deref(),
        Some("Exceeded the rate limit for the agent's trust tier.")
    );
    assert_eq!(
        rl.suggestion.as_deref(),
        Some("Wait for the duration specified in the Retry-After header before retrying. Upgrade trust tier by staking more LABS in the TrustVault contract.")
    );
    assert_eq!(rl.retry, RetryRule::After);
    assert_eq!(rl.retry_after_field.as_ref().unwrap().value, "retryAfter");
    assert_eq!(field_names(rl), ["agentId", "limit", "retryAfter", "tier"]);
    assert_eq!(field_type(&c, rl, "agentId").base, BaseType::String);
    for f in ["tier", "limit", "retryAfter"] {
        let t = field_type(&c, rl, f);
        assert!(
            t.base.is_integer() && !t.optional,
            "`{f}` is a number in the seed: {t:?}"
        );
    }
    let retry_after = rl
        .fields
        .iter()
        .find(|f| f.wire.value == "retryAfter")
        .unwrap();
    assert_eq!(retry_after.rust.value, "retry_after");
    assert_eq!(
        retry_after.at_ptr.as_ref().unwrap().value.text,
        "/details/retryAfter"
    );
    let ex = &rl.examples[0];
    let headers: Vec<(&str, &str)> = ex
        .headers
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    for h in [
        ("X-RateLimit-Limit", "1"),
        ("X-RateLimit-Remaining", "0"),
        ("Retry-After", "45"),
    ] {
        assert!(headers.contains(&h), "{h:?} in {headers:?}");
    }
    let body: Value = serde_json::from_str(&ex.body.value).unwrap();
    assert_eq!(body["details"]["retryAfter"], 45);
    assert_eq!(body["timestamp"], 1_707_408_000_000_u64);

    // "SIGNATURE_INVALID includes agentId and owner address".
    let sig = err(&c, "SIGNATURE_INVALID");
    assert_eq!(sig.message.value, "Signature does not match agent owner");
    assert_eq!(field_names(sig), ["agentId", "owner", "recoveredSigner"]);
    let signer = sig
        .fields
        .iter()
        .find(|f| f.wire.value == "recoveredSigner")
        .unwrap();
    assert_eq!(signer.rust.value, "recovered_signer");

    let nf = err(&c, "AGENT_NOT_FOUND");
    assert_eq!(
        nf.message.value,
        "Agent ID {agentId} not found in IdentityRegistry"
    );
    assert_eq!(
        nf.template().unwrap().render(|_| Some("9999".into())),
        "Agent ID 9999 not found in IdentityRegistry"
    );

    let rpc = err(&c, "RPC_ERROR");
    assert_eq!(
        rpc.message.value,
        "Failed to fetch on-chain data: RPC request timed out"
    );
    assert_eq!(rpc.retry, RetryRule::Backoff);
    assert_eq!(field_names(rpc), ["method", "rpcUrl"]);
    assert_eq!(err(&c, "INTERNAL_ERROR").retry, RetryRule::Backoff);
    // The INTERNAL_ERROR example has no `details`.
    assert!(err(&c, "INTERNAL_ERROR").fields.is_empty());

    let tier = err(&c, "TIER_BLOCKED");
    assert_eq!(
        tier.message.value,
        "Agent is Tier {currentTier} (unverified) and cannot use the API. Stake at least 1,000 LABS to reach Bronze tier."
    );
    assert_eq!(
        field_names(tier),
        ["agentId", "currentTier", "requiredStake", "requiredTier"]
    );
    // 10^21 does not fit a u64: it is a string in the seed and must stay one.
    assert_eq!(field_type(&c, tier, "requiredStake").base, BaseType::String);

    assert_eq!(
        err(&c, "KEY_ALREADY_EXISTS").suggestion.as_deref(),
        Some("Use POST /keys/rotate to get a new key (invalidates the old one), or DELETE /keys first then generate.")
    );
    // No retry advice for client errors.
    for code in [
        "VALIDATION_ERROR",
        "SIGNATURE_INVALID",
        "INVALID_API_KEY",
        "TIER_BLOCKED",
    ] {
        assert_eq!(err(&c, code).retry, RetryRule::Never, "{code}");
    }
    // The seed gives no fix commands and no links.
    assert!(c
        .errors
        .iter()
        .all(|e| e.fix_command.is_none() && e.docs_url.is_none()));
}

// --- Rakomi SDK + API (seed 002) -------------------------------------------------

#[test]
fn rakomi() {
    let c = load("rakomi");
    assert_eq!(c.errors.len(), 22);
    assert_eq!(c.wire.preset.as_ref().unwrap().value, WirePreset::Coded);
    assert_eq!(c.wire.identity, Identity::Code);
    assert_eq!(
        c.wire.fix_command.as_ref().unwrap().value.text,
        "/fix_command"
    );

    // Every code with its message, suggestion and fix command, in seed order.
    let seed: [(&str, &str, &str, Option<&str>); 22] = [
        ("token/expired", "Token has expired", "Request a new access token via refresh token endpoint", None),
        ("token/invalid_signature", "Token signature verification failed", "Ensure the token was issued by Rakomi and has not been tampered with", None),
        ("token/malformed", "Token is not a valid JWT format", "Ensure you are passing a complete JWT string (header.payload.signature)", None),
        ("token/invalid_algorithm", "Unsupported algorithm. Only RS256 is allowed", "Rakomi tokens use RS256. Do not attempt to use HS256 or other algorithms", None),
        ("token/missing_claims", "Required claims missing (sub, tenant_id, email, sid, iss, aud, exp, iat, jti)", "Ensure the token was issued by Rakomi login/refresh endpoints", None),
        ("token/invalid_issuer", "Token issuer mismatch", "Token must be issued by rakomi.com. Verify you are using the correct environment", None),
        ("token/not_yet_valid", "Token nbf (not before) is in the future", "Check system clock synchronization or increase clockTolerance in SDK config", Some(r#"new RakomiClient({ apiKey: "...", clockTolerance: 60 })"#)),
        ("token/missing", "Authorization header with Bearer token is required", "Include an Authorization header: Bearer <token>", None),
        ("token/internal_error", "An internal error occurred during token verification", "This is unexpected. Please retry or contact support", None),
        ("jwks/fetch_failed", "Failed to fetch JWKS", "Check network connectivity and that baseUrl is correct", Some("curl https://api.rakomi.com/.well-known/jwks.json")),
        ("jwks/no_matching_key", "No key in JWKS matches token kid", "The signing key may have been rotated. This is transient during key rotation — retry in a few seconds", None),
        ("jwks/invalid_response", "JWKS response is not a valid JSON Web Key Set", "Ensure baseUrl points to a valid Rakomi instance", None),
        ("webhook/timestamp_expired", "Webhook timestamp is too old (exceeds tolerance)", "Ensure your server clock is synchronized. The webhook may be a replay attack", None),
        ("webhook/invalid_signature", "Webhook HMAC signature verification failed", "Verify the webhook secret matches the one in your Rakomi dashboard", None),
        ("webhook/missing_header", "Required webhook headers missing (X-Rakomi-Signature, X-Rakomi-Timestamp, X-Rakomi-Delivery-Id)", "Ensure you are passing the raw request headers to verifyWebhook()", None),
        ("webhook/invalid_body", "Webhook body is not valid JSON", "Use express.raw() or express.text() middleware to preserve the raw body for webhook routes", None),
        ("config/missing_api_key", "apiKey is required", "Pass your API key when creating the client", Some(r#"new RakomiClient({ apiKey: "akm_live_xxx" })"#)),
        ("config/invalid_base_url", "baseUrl must be a valid HTTPS URL", "Use a full URL including protocol, e.g., https://api.rakomi.com", None),
        ("config/missing_webhook_secret", "webhookSecret is required for webhook verification", "Pass your webhook signing key in config", Some(r#"new RakomiClient({ apiKey: "...", webhookSecret: "whsec_xxx" })"#)),
        ("auth/token_expired", "Access token has expired", "Use the refresh token to obtain a new access token", None),
        ("auth/invalid_credentials", "Invalid email or password", "Check your credentials and try again", None),
        ("auth/email_not_verified", "Email address has not been verified", "Check your inbox for the verification email or request a new one", None),
    ];
    let codes: Vec<&str> = c.errors.iter().map(|e| e.code.value.as_str()).collect();
    assert_eq!(codes, seed.map(|s| s.0));
    for (code, message, suggestion, fix) in seed {
        let e = err(&c, code);
        assert_eq!(e.message.value, message, "message of {code}");
        assert_eq!(
            e.suggestion.as_deref(),
            Some(suggestion),
            "suggestion of {code}"
        );
        assert_eq!(shown_fix(e).as_deref(), fix, "fix_command of {code}");
        // SDK errors are client-side; the seed gives the API ones no status either.
        assert!(e.status.is_none(), "{code} has no status in the seed");
        // No placeholders: the seed's messages are fixed text.
        assert_eq!(e.template().unwrap().placeholders().count(), 0, "{code}");
        assert!(e.fields.is_empty() && e.examples.is_empty(), "{code}");
    }

    let fix = err(&c, "config/missing_api_key");
    assert_eq!(
        shown_fix(fix).as_deref(),
        Some("new RakomiClient({ apiKey: \"akm_live_xxx\" })")
    );
    assert_eq!(err(&c, "token/expired").variant.value, "TokenExpired");
    assert_eq!(
        err(&c, "auth/token_expired").variant.value,
        "AuthTokenExpired"
    );
    assert_eq!(
        err(&c, "jwks/no_matching_key").variant.value,
        "JwksNoMatchingKey"
    );
    // Never retried unless the seed says so ("retry in a few seconds", "Please retry").
    assert_eq!(err(&c, "token/expired").retry, RetryRule::Never);
    assert_ne!(err(&c, "jwks/no_matching_key").retry, RetryRule::Never);
}

// --- AIronClaw management API (seed 003) -----------------------------------------

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

// --- Customer Verification API (seed 004) ----------------------------------------

#[test]
fn customer_verification() {
    let c = load("customer_verification");
    assert_eq!(c.errors.len(), 16);
    assert_eq!(c.service.name.value, "Customer Verification API");
    assert_eq!(c.wire.preset.as_ref().unwrap().value, WirePreset::Nested);
    assert_eq!(c.wire.identity, Identity::Code);
    assert_eq!(c.wire.code.as_ref().unwrap().value.text, "/error/code");
    // The envelope's optional `details` and `field` strings.
    let env = &c.errors[0];
    assert_eq!(
        field_type(&c, env, "details"),
        FieldType {
            base: BaseType::String,
            list: false,
            optional: true
        }
    );
    assert_eq!(
        field_type(&c, env, "field"),
        FieldType {
            base: BaseType::String,
            list: false,
            optional: true
        }
    );

    // Every code with its status and message; WEBHOOK_DELIVERY_FAILED's status "varies".
    let seed: [(&str, Option<u16>, &str); 16] = [
        (
            "AUTHENTICATION_FAILED",
            Some(401),
            "Invalid API key provided",
        ),
        ("TOKEN_EXPIRED", Some(401), "JWT token has expired"),
        (
            "INSUFFICIENT_PERMISSIONS",
            Some(403),
            "Insufficient permissions for this operation",
        ),
        ("VALIDATION_ERROR", Some(400), "Invalid request parameters"),
        ("INVALID_FIELD_FORMAT", Some(422), "Invalid field format"),
        (
            "INVALID_DOCUMENT_FORMAT",
            Some(422),
            "Invalid document format",
        ),
        ("RESOURCE_NOT_FOUND", Some(404), "Customer not found"),
        (
            "RESOURCE_CONFLICT",
            Some(409),
            "Customer is in UNDER_REVIEW state and cannot be modified",
        ),
        ("DUPLICATE_RESOURCE", Some(409), "Customer already exists"),
        ("RATE_LIMIT_EXCEEDED", Some(429), "Too many requests"),
        ("VERIFICATION_FAILED", Some(422), "Verification failed"),
        (
            "DOCUMENT_QUALITY_INSUFFICIENT",
            Some(422),
            "Document quality insufficient",
        ),
        (
            "INTERNAL_SERVER_ERROR",
            Some(500),
            "An unexpected error occurred",
        ),
        (
            "SERVICE_UNAVAILABLE",
            Some(503),
            "Service temporarily unavailable",
        ),
        (
            "WEBHOOK_SIGNATURE_INVALID",
            Some(401),
            "Webhook signature verification failed",
        ),
        (
            "WEBHOOK_DELIVERY_FAILED",
            None,
            "Failed to deliver webhook after 3 attempts",
        ),
    ];
    let codes: Vec<&str> = c.errors.iter().map(|e| e.code.value.as_str()).collect();
    assert_eq!(codes, seed.map(|s| s.0));
    for (code, status, message) in seed {
        let e = err(&c, code);
        assert_eq!(e.status_u16(), status, "status of {code}");
        assert_eq!(e.message.value, message, "message of {code}");
        assert_eq!(e.examples.len(), 1, "{code} has one documented response");
    }
    assert!(err(&c, "WEBHOOK_DELIVERY_FAILED").status.is_none());

    // Headers from the RATE_LIMIT_EXCEEDED response and the logging advice.
    assert_eq!(c.headers.retry_after.as_deref(), Some("Retry-After"));
    assert_eq!(
        c.headers.rate_limit_limit.as_deref(),
        Some("X-RateLimit-Limit")
    );
    assert_eq!(
        c.headers.rate_limit_remaining.as_deref(),
        Some("X-RateLimit-Remaining")
    );
    assert_eq!(
        c.headers.rate_limit_reset.as_deref(),
        Some("X-RateLimit-Reset")
    );
    assert_eq!(c.headers.request_id.as_deref(), Some("X-Request-Id"));
    // "X-RateLimit-Limit: 300" is an example value, not a published limit.
    assert!(c.rate_limits.is_empty());

    let rl = err(&c, "RATE_LIMIT_EXCEEDED");
    assert_eq!(rl.retry, RetryRule::After);
    assert_eq!(rl.retry_after_field.as_ref().unwrap().value, "retryAfter");
    assert!(field_type(&c, rl, "retryAfter").base.is_integer());
    let at = &rl
        .fields
        .iter()
        .find(|f| f.wire.value == "retryAfter")
        .unwrap()
        .at_ptr;
    assert_eq!(at.as_ref().unwrap().value.text, "/error/retryAfter");
    assert_eq!(
        rl.solutions,
        [
            "Implement exponential backoff",
            "Monitor rate limit headers",
            "Use webhooks instead of polling",
            "Contact account manager for higher limits",
        ]
    );
    assert_eq!(
        rl.docs_url.as_deref(),
        Some("../authentication.md#rate-limiting")
    );
    let headers = &rl.examples[0].headers;
    assert!(headers.contains(&("Retry-After".to_string(), "60".to_string())));
    assert!(headers.contains(&("X-RateLimit-Reset".to_string(), "1699900060".to_string())));
    let body: Value = serde_json::from_str(&rl.examples[0].body.value).unwrap();
    assert_eq!(body["error"]["retryAfter"], 60);

    let auth = err(&c, "AUTHENTICATION_FAILED");
    assert_eq!(
        auth.cause.as_deref(),
        Some("API key or JWT token is invalid, missing, or revoked.")
    );
    assert_eq!(
        auth.docs_url.as_deref(),
        Some("../../../overview/help-and-support.md")
    );
    assert_eq!(auth.solutions.len(), 4);

    let val = err(&c, "VALIDATION_ERROR");
    let body: Value = serde_json::from_str(&val.examples[0].body.value).unwrap();
    assert_eq!(body["error"]["field"], "email");
    assert_eq!(body["error"]["details"], "Field 'email' is required");

    assert_eq!(err(&c, "INTERNAL_SERVER_ERROR").retry, RetryRule::Backoff);
    assert_eq!(err(&c, "SERVICE_UNAVAILABLE").retry, RetryRule::Backoff);
    let hook = err(&c, "WEBHOOK_DELIVERY_FAILED");
    assert_eq!(
        hook.docs_url.as_deref(),
        Some("../troubleshooting.md#webhook-issues")
    );
    assert_eq!(
        hook.solutions[1],
        "Return 2xx status code within 10 seconds"
    );
    // The seed gives no fix commands.
    assert!(c.errors.iter().all(|e| e.fix_command.is_none()));
}

// --- all of them -----------------------------------------------------------------

#[test]
fn every_bundled_catalog_is_tested_here() {
    let ids: Vec<&str> = error_catalog_tests::BUNDLED.iter().map(|b| b.0).collect();
    assert_eq!(
        ids,
        [
            "moca_air",
            "kya",
            "rakomi",
            "aironclaw",
            "customer_verification"
        ]
    );
    for (id, file, _) in error_catalog_tests::BUNDLED {
        assert_eq!(*file, format!("{id}.toml"));
    }
}
