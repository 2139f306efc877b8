//! KYA Chain Verification API (seed 001).

use error_catalog_core::engine::Identity;
use error_catalog_model::model::{BaseType, RetryRule, WirePreset};
use serde_json::Value;

use crate::support::{err, field_names, field_type, load};

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
