//! 001: KYA Chain Verification API (flat envelope).

use error_catalog::headers::RateLimit;
use error_catalog::{ApiError, FromResponse, ResponseHeaders, RetryAdvice, RetryAfter, RetryRule};
use error_catalog_services::kya::KyaError;
use serde_json::{json, Value};

use crate::seed_bodies::*;
use crate::support::{after, check_all, now, Seed, ToJson, TS};

/// RATE_LIMITED's "Response Headers".
const KYA_RATE_LIMITED_HEADERS: &str =
    "X-RateLimit-Limit: 1\nX-RateLimit-Remaining: 0\nRetry-After: 45";
/// "Rate Limit Headers", the success example.
const KYA_SUCCESS_HEADERS: &str = "X-RateLimit-Limit: 16\nX-RateLimit-Remaining: 12";
/// "Rate Limit Headers", "On rate limit exceeded".
const KYA_EXCEEDED_HEADERS: &str =
    "X-RateLimit-Limit: 16\nX-RateLimit-Remaining: 0\nRetry-After: 37";

pub(crate) fn kya_seeds() -> Vec<Seed<'static, KyaError>> {
    use KyaError as K;
    vec![
        Seed {
            code: "VALIDATION_ERROR",
            display: "Invalid request body: agentId must be a numeric string",
            suggestion: Some("Check that your request matches the documented schema."),
            rule: Some(RetryRule::Never),
            advice: Some(RetryAdvice::Never),
            ..Seed::new("KYA VALIDATION_ERROR", 400, KYA_VALIDATION_ERROR, |e| {
                matches!(e, K::ValidationError { field, received, timestamp: Some(TS), extra }
                    if field == "agentId" && *received == json!(42) && extra.is_empty())
            })
        },
        Seed {
            code: "SIGNATURE_INVALID",
            display: "Signature does not match agent owner",
            suggestion: Some(
                "Ensure you're signing with the private key of the wallet that owns the agent NFT.",
            ),
            ..Seed::new("KYA SIGNATURE_INVALID", 401, KYA_SIGNATURE_INVALID, |e| {
                matches!(e, K::SignatureInvalid { agent_id, owner, recovered_signer, timestamp: Some(TS), extra }
                    if agent_id == "42"
                        && owner == "0x3CDA80d87cDde4612C9b66B657d45055Fa03Ce99"
                        && recovered_signer == "0x1234567890123456789012345678901234567890"
                        && extra.is_empty())
            })
        },
        Seed {
            code: "REPLAY_DETECTED",
            display: "Nonce has already been used for this agent",
            suggestion: Some(
                "Generate a fresh random nonce for each request. Use the current Unix timestamp (in seconds). Nonces are tracked per-agent to prevent replay attacks.",
            ),
            ..Seed::new("KYA REPLAY_DETECTED", 400, KYA_REPLAY_DETECTED, |e| {
                matches!(e, K::ReplayDetected { agent_id, nonce, timestamp: Some(TS), extra }
                    if agent_id == "42" && nonce == "123456789" && extra.is_empty())
            })
        },
        Seed {
            code: "AGENT_NOT_FOUND",
            display: "Agent ID 9999 not found in IdentityRegistry",
            suggestion: Some(
                "Verify the agent was successfully registered on-chain. Token IDs start at 1 (0 is reserved). Check on KYAScan or query IdentityRegistry.ownerOf(agentId) directly.",
            ),
            ..Seed::new("KYA AGENT_NOT_FOUND", 404, KYA_AGENT_NOT_FOUND, |e| {
                matches!(e, K::AgentNotFound { agent_id, timestamp: Some(TS), extra }
                    if agent_id == "9999" && extra.is_empty())
            })
        },
        Seed {
            code: "RPC_ERROR",
            display: "Failed to fetch on-chain data: RPC request timed out",
            suggestion: Some(
                "Retry the request after a short delay (exponential backoff recommended). If the issue persists, check KYA Chain network status at https://status.kyachain.xyz.",
            ),
            // "For RPC_ERROR and INTERNAL_ERROR, retry with exponential backoff".
            rule: Some(RetryRule::Backoff),
            advice: Some(RetryAdvice::Backoff),
            ..Seed::new("KYA RPC_ERROR", 503, KYA_RPC_ERROR, |e| {
                matches!(e, K::RpcError { rpc_url, method, timestamp: Some(TS), extra }
                    if rpc_url == "https://rpc.kyachain.xyz" && method == "eth_call" && extra.is_empty())
            })
        },
        Seed {
            code: "INTERNAL_ERROR",
            display: "An unexpected error occurred",
            suggestion: Some(
                "Retry the request. If the issue persists, report it with the timestamp value for debugging.",
            ),
            rule: Some(RetryRule::Backoff),
            advice: Some(RetryAdvice::Backoff),
            ..Seed::new("KYA INTERNAL_ERROR", 500, KYA_INTERNAL_ERROR, |e| {
                matches!(e, K::InternalError { timestamp: Some(TS), extra } if extra.is_empty())
            })
        },
        Seed {
            code: "INVALID_API_KEY",
            display: "API key not found or has been revoked",
            suggestion: Some(
                "Generate a new key via POST /keys/generate (if no key exists) or POST /keys/rotate (if key was lost). Ensure the key matches the agent you're verifying.",
            ),
            ..Seed::new("KYA INVALID_API_KEY", 401, KYA_INVALID_API_KEY, |e| {
                matches!(e, K::InvalidApiKey { agent_id, timestamp: Some(TS), extra }
                    if agent_id == "42" && extra.is_empty())
            })
        },
        Seed {
            code: "KEY_ALREADY_EXISTS",
            display: "Agent 42 already has an API key. Use /keys/rotate to get a new one.",
            suggestion: Some(
                "Use POST /keys/rotate to get a new key (invalidates the old one), or DELETE /keys first then generate.",
            ),
            ..Seed::new("KYA KEY_ALREADY_EXISTS", 409, KYA_KEY_ALREADY_EXISTS, |e| {
                matches!(e, K::KeyAlreadyExists { agent_id, timestamp: Some(TS), extra }
                    if agent_id == "42" && extra.is_empty())
            })
        },
        Seed {
            code: "RATE_LIMITED",
            display: "Rate limit exceeded for agent tier",
            suggestion: Some(
                "Wait for the duration specified in the Retry-After header before retrying. Upgrade trust tier by staking more LABS in the TrustVault contract.",
            ),
            rule: Some(RetryRule::After),
            headers: KYA_RATE_LIMITED_HEADERS,
            advice: Some(after(45)),
            ..Seed::new("KYA RATE_LIMITED", 429, KYA_RATE_LIMITED, |e| {
                matches!(e, K::RateLimited { agent_id, tier: 1, limit: 1, retry_after: 45, timestamp: Some(TS), extra }
                    if agent_id == "42" && extra.is_empty())
            })
        },
        Seed {
            code: "TIER_BLOCKED",
            display: "Agent is Tier 0 (unverified) and cannot use the API. Stake at least 1,000 LABS to reach Bronze tier.",
            suggestion: Some(
                "Stake at least 1,000 LABS in the TrustVault contract to reach Bronze tier (Tier 1). See the TrustVault documentation for staking instructions.",
            ),
            ..Seed::new("KYA TIER_BLOCKED", 403, KYA_TIER_BLOCKED, |e| {
                matches!(e, K::TierBlocked { agent_id, current_tier: 0, required_tier: 1, required_stake, timestamp: Some(TS), extra }
                    if agent_id == "42" && required_stake == "1000000000000000000000" && extra.is_empty())
            })
        },
        Seed {
            code: "INSUFFICIENT_DEPOSIT",
            display: "Insufficient LABS deposited in FeedbackEscrow to relay feedback",
            suggestion: Some(
                "Deposit more LABS into the FeedbackEscrow contract for the agent. Check the agent's escrow balance and ensure it covers the feedback fee.",
            ),
            ..Seed::new("KYA INSUFFICIENT_DEPOSIT", 400, KYA_INSUFFICIENT_DEPOSIT, |e| {
                matches!(e, K::InsufficientDeposit { agent_id, current_balance, required_amount, timestamp: Some(TS), extra }
                    if agent_id == "42"
                        && current_balance == "100000000000000000"
                        && required_amount == "1000000000000000000"
                        && extra.is_empty())
            })
        },
        Seed {
            code: "RELAY_FAILED",
            display: "Failed to relay feedback transaction on-chain",
            suggestion: Some(
                "Check the agent's FeedbackEscrow balance. Verify relay parameters are correct. If the issue persists, check the transaction hash in the details for more information.",
            ),
            ..Seed::new("KYA RELAY_FAILED", 500, KYA_RELAY_FAILED, |e| {
                matches!(e, K::RelayFailed { agent_id, reason, tx_hash, timestamp: Some(TS), extra }
                    if agent_id == "42" && reason == "Transaction reverted" && tx_hash == "0x..." && extra.is_empty())
            })
        },
    ]
}

#[test]
fn kya_examples() {
    check_all(&kya_seeds());
}

#[test]
fn kya_every_code_has_its_seed_example() {
    use error_catalog::ErrorCatalog;
    let seeds = kya_seeds();
    for info in KyaError::CODES {
        assert!(
            seeds.iter().any(|s| s.code == info.code),
            "KYA code {} has no seed example here",
            info.code
        );
    }
    assert_eq!(seeds.len(), KyaError::CODES.len());
}

#[test]
fn kya_rate_limited_typed_fields_and_headers() {
    let e = KyaError::from_response(429, KYA_RATE_LIMITED.as_bytes());
    let KyaError::RateLimited {
        agent_id,
        tier,
        limit,
        retry_after,
        timestamp,
        extra,
    } = &e
    else {
        panic!("KYA RATE_LIMITED: {e:?}")
    };
    assert_eq!(agent_id, "42");
    assert_eq!(*tier, 1);
    assert_eq!(*limit, 1);
    assert_eq!(*retry_after, 45);
    assert_eq!(*timestamp, Some(TS));
    assert!(extra.is_empty());
    assert_eq!(e.retry_after_field(), Some(45));
    assert_eq!(e.details()["tier"], json!(1));
    assert_eq!(e.details()["retryAfter"], json!(45));

    let h = ResponseHeaders::from_lines(KYA_RATE_LIMITED_HEADERS);
    assert_eq!(h.retry_after, Some(RetryAfter::Seconds(45)));
    assert_eq!(
        h.rate_limit,
        RateLimit {
            limit: Some(1),
            remaining: Some(0),
            reset: None
        }
    );
    let advice = e.retry_with(&h, now());
    assert_eq!(advice, after(45));
    assert_eq!(advice.to_string(), "retry in 45 s");
    // Without headers, the body's `retryAfter` still says 45 s.
    assert_eq!(e.retry(), after(45));
}

#[test]
fn kya_rate_limit_header_blocks() {
    let e = KyaError::from_response(429, KYA_RATE_LIMITED.as_bytes());

    // "On rate limit exceeded": the header's 37 s wins over the body's 45 s.
    let h = ResponseHeaders::from_lines(KYA_EXCEEDED_HEADERS);
    assert_eq!(h.retry_after, Some(RetryAfter::Seconds(37)));
    assert_eq!(h.rate_limit.limit, Some(16));
    assert_eq!(h.rate_limit.remaining, Some(0));
    assert_eq!(e.retry_with(&h, now()), after(37));

    // The success block: no Retry-After, so the body's retryAfter decides.
    let h = ResponseHeaders::from_lines(KYA_SUCCESS_HEADERS);
    assert_eq!(h.retry_after, None);
    assert_eq!(
        h.rate_limit,
        RateLimit {
            limit: Some(16),
            remaining: Some(12),
            reset: None
        }
    );
    assert_eq!(e.retry_with(&h, now()), after(45));

    // A rule of `never` ignores every header.
    let v = KyaError::from_response(400, KYA_VALIDATION_ERROR.as_bytes());
    let h = ResponseHeaders::from_lines(KYA_EXCEEDED_HEADERS);
    assert_eq!(v.retry_with(&h, now()), RetryAdvice::Never);
}

#[test]
fn kya_tier_blocked_typed_fields() {
    let e = KyaError::from_response(403, KYA_TIER_BLOCKED.as_bytes());
    let KyaError::TierBlocked {
        agent_id,
        current_tier,
        required_tier,
        required_stake,
        ..
    } = &e
    else {
        panic!("KYA TIER_BLOCKED: {e:?}")
    };
    assert_eq!(agent_id, "42");
    assert_eq!(*current_tier, 0);
    assert_eq!(*required_tier, 1);
    assert_eq!(required_stake, "1000000000000000000000");
    assert_eq!(e.status(), Some(403));
}

#[test]
fn kya_response_format_placeholder_falls_back() {
    let e = KyaError::from_response(400, KYA_FORMAT.as_bytes());
    let KyaError::Unknown(u) = &e else {
        panic!("KYA format example: {e:?}")
    };
    assert_eq!(u.code(), Some("ERROR_TYPE_CODE"));
    assert_eq!(u.message(), Some("Human-readable error message"));
    assert_eq!(u.body(), KYA_FORMAT.as_bytes());
    assert_eq!(e.code(), "ERROR_TYPE_CODE");
    assert_eq!(e.to_string(), "Human-readable error message");
    assert_eq!(
        e.to_json(),
        serde_json::from_str::<Value>(KYA_FORMAT).unwrap()
    );
}

#[test]
fn kya_deserialize_reads_the_seed_bodies() {
    for s in kya_seeds() {
        let d: KyaError = serde_json::from_str(s.body)
            .unwrap_or_else(|err| panic!("{}: Deserialize: {err}", s.what));
        assert_eq!(
            d,
            KyaError::from_response(s.status, s.body.as_bytes()),
            "{}: Deserialize and from_response agree",
            s.what
        );
    }
}
