//! Every example of the five seed documents (`/work/shared/seeds/`), run through the
//! bundled enums: the variant and status it classifies as, its typed fields, its
//! Display text, the suggestion / fix command / docs link the seed gives, the retry
//! advice under the seed's response headers, and that serializing the parsed value
//! gives the seed's body back (as a JSON value).

use std::fmt::Debug;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use error_catalog::headers::RateLimit;
use error_catalog::problem::Problem;
use error_catalog::{ApiError, FromResponse, ResponseHeaders, RetryAdvice, RetryAfter, RetryRule};
use error_catalog_services::aironclaw::AironclawError;
use error_catalog_services::customer_verification::CustomerVerificationError as CvError;
use error_catalog_services::kya::KyaError;
use error_catalog_services::moca_air::MocaAirError;
use error_catalog_services::rakomi::RakomiError;
use serde_json::{json, Value};

#[path = "common/seed_bodies.rs"]
#[allow(dead_code)]
mod seed_bodies;
use seed_bodies::*;

/// `serde::Serialize` into a JSON value (this crate does not depend on serde itself).
trait ToJson {
    fn to_json(&self) -> Value;
}

macro_rules! impl_to_json {
    ($($t:ty),*) => {$(
        impl ToJson for $t {
            fn to_json(&self) -> Value {
                serde_json::to_value(self).expect("serializing a parsed error")
            }
        }
    )*};
}
impl_to_json!(MocaAirError, KyaError, RakomiError, AironclawError, CvError);

/// The KYA examples' `timestamp`.
const TS: u64 = 1_707_408_000_000;

/// A fixed clock, just before the Customer Verification example's reset time.
fn now() -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(1_699_900_000)
}

fn after(secs: u64) -> RetryAdvice {
    RetryAdvice::After(Duration::from_secs(secs))
}

/// One example and what the seed says about it.
struct Seed<'a, E> {
    /// Names the example in failure messages.
    what: &'a str,
    /// The HTTP status the body comes with.
    status: u16,
    body: &'a str,
    /// The variant and its typed fields.
    typed: fn(&E) -> bool,
    code: &'a str,
    /// `ApiError::status()` of the parsed value.
    http: Option<u16>,
    display: &'a str,
    /// Checked when `Some`.
    suggestion: Option<&'a str>,
    /// Always checked: `None` means the seed gives no fix command.
    fix: Option<&'a str>,
    /// Checked when `Some`.
    docs: Option<&'a str>,
    /// Checked when `Some`.
    rule: Option<RetryRule>,
    /// Response headers (one `Name: value` a line) and the advice under them.
    headers: &'a str,
    advice: Option<RetryAdvice>,
    /// What serializing gives, when the seed's body is not reproduced verbatim
    /// (`None`: the body itself).
    echo: Option<Value>,
}

impl<'a, E> Seed<'a, E> {
    fn new(what: &'a str, status: u16, body: &'a str, typed: fn(&E) -> bool) -> Self {
        Seed {
            what,
            status,
            body,
            typed,
            code: "",
            http: Some(status),
            display: "",
            suggestion: None,
            fix: None,
            docs: None,
            rule: None,
            headers: "",
            advice: None,
            echo: None,
        }
    }
}

/// Classifies one example and checks everything the seed states about it.
fn check<E>(s: &Seed<'_, E>) -> E
where
    E: ApiError + FromResponse + ToJson + Debug + PartialEq,
{
    let w = s.what;
    let e = E::from_response(s.status, s.body.as_bytes());
    assert!(e.is_known(), "{w}: fell back: {e:?}");
    assert!((s.typed)(&e), "{w}: wrong variant or fields: {e:?}");
    assert_eq!(e.code(), s.code, "{w}: code");
    assert_eq!(e.status(), s.http, "{w}: status");
    assert_eq!(e.to_string(), s.display, "{w}: Display");
    if let Some(sugg) = s.suggestion {
        assert_eq!(e.suggestion(), Some(sugg), "{w}: suggestion");
    }
    assert_eq!(e.fix_command().as_deref(), s.fix, "{w}: fix command");
    if let Some(docs) = s.docs {
        assert_eq!(e.docs_url(), Some(docs), "{w}: docs URL");
    }
    if let Some(rule) = s.rule {
        assert_eq!(e.retry_rule(), rule, "{w}: retry rule");
    }
    if let Some(advice) = s.advice {
        let headers = ResponseHeaders::from_lines(s.headers);
        assert_eq!(
            e.retry_with(&headers, now()),
            advice,
            "{w}: retry advice with headers {:?}",
            s.headers
        );
    }
    let info = e.info().unwrap_or_else(|| panic!("{w}: no CodeInfo"));
    assert_eq!(info.code, s.code, "{w}: CodeInfo.code");

    let expected: Value = match &s.echo {
        Some(v) => v.clone(),
        None => serde_json::from_str(s.body).unwrap_or_else(|err| panic!("{w}: seed body: {err}")),
    };
    assert_eq!(
        e.to_json(),
        expected,
        "{w}: serializing gives back the body"
    );

    // The value survives its own envelope and problem+json.
    let again = E::from_response(s.status, e.to_json().to_string().as_bytes());
    assert_eq!(again, e, "{w}: re-parsing the serialized value");
    let problem = serde_json::to_vec(&Problem(&e)).expect("problem+json");
    assert_eq!(
        E::from_problem_json(s.status, &problem),
        e,
        "{w}: through problem+json"
    );
    e
}

fn check_all<E>(seeds: &[Seed<'_, E>])
where
    E: ApiError + FromResponse + ToJson + Debug + PartialEq,
{
    for s in seeds {
        check(s);
    }
}

// ---------------------------------------------------------------------------
// 001: KYA Chain Verification API (flat envelope)
// ---------------------------------------------------------------------------

/// RATE_LIMITED's "Response Headers".
const KYA_RATE_LIMITED_HEADERS: &str =
    "X-RateLimit-Limit: 1\nX-RateLimit-Remaining: 0\nRetry-After: 45";
/// "Rate Limit Headers", the success example.
const KYA_SUCCESS_HEADERS: &str = "X-RateLimit-Limit: 16\nX-RateLimit-Remaining: 12";
/// "Rate Limit Headers", "On rate limit exceeded".
const KYA_EXCEEDED_HEADERS: &str =
    "X-RateLimit-Limit: 16\nX-RateLimit-Remaining: 0\nRetry-After: 37";

fn kya_seeds() -> Vec<Seed<'static, KyaError>> {
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

// ---------------------------------------------------------------------------
// 004: Customer Verification API (nested envelope)
// ---------------------------------------------------------------------------

/// RATE_LIMIT_EXCEEDED's "Response Headers".
const CV_RATE_LIMIT_HEADERS: &str = "X-RateLimit-Limit: 300
X-RateLimit-Remaining: 0
X-RateLimit-Reset: 1699900060
Retry-After: 60";

/// `details` is the seed's text, `field` absent.
fn cv_details(details: &Option<String>, field: &Option<String>, want: &str) -> bool {
    details.as_deref() == Some(want) && field.is_none()
}

fn cv_seeds() -> Vec<Seed<'static, CvError>> {
    use CvError as C;
    vec![
        Seed {
            code: "AUTHENTICATION_FAILED",
            display: "Invalid API key provided",
            suggestion: Some("Check API key"),
            docs: Some("../../../overview/help-and-support.md"),
            ..Seed::new(
                "CV AUTHENTICATION_FAILED",
                401,
                CV_AUTHENTICATION_FAILED,
                |e| {
                    matches!(e, C::AuthenticationFailed { details, field, extra }
                    if cv_details(details, field, "The API key does not exist or has been revoked") && extra.is_empty())
                },
            )
        },
        Seed {
            code: "TOKEN_EXPIRED",
            display: "JWT token has expired",
            suggestion: Some("Refresh JWT token"),
            docs: Some("../../../overview/help-and-support.md"),
            ..Seed::new("CV TOKEN_EXPIRED", 401, CV_TOKEN_EXPIRED, |e| {
                matches!(e, C::TokenExpired { details, field, extra }
                    if cv_details(details, field, "Token expired at 2025-11-05T10:30:00Z") && extra.is_empty())
            })
        },
        Seed {
            code: "INSUFFICIENT_PERMISSIONS",
            display: "Insufficient permissions for this operation",
            suggestion: Some("Verify your API key has appropriate permissions"),
            docs: Some("../../../overview/help-and-support.md"),
            ..Seed::new(
                "CV INSUFFICIENT_PERMISSIONS",
                403,
                CV_INSUFFICIENT_PERMISSIONS,
                |e| {
                    matches!(e, C::InsufficientPermissions { details, field, extra }
                    if cv_details(details, field, "This operation requires ADMIN or WRITE scope") && extra.is_empty())
                },
            )
        },
        Seed {
            code: "VALIDATION_ERROR",
            display: "Invalid request parameters",
            suggestion: Some("Fix request data"),
            docs: Some("../../../api-reference/customers.md"),
            rule: Some(RetryRule::Never),
            headers: CV_RATE_LIMIT_HEADERS,
            advice: Some(RetryAdvice::Never),
            ..Seed::new("CV VALIDATION_ERROR", 400, CV_VALIDATION_ERROR, |e| {
                matches!(e, C::ValidationError { details, field, extra }
                    if details.as_deref() == Some("Field 'email' is required")
                        && field.as_deref() == Some("email")
                        && extra.is_empty())
            })
        },
        Seed {
            code: "INVALID_FIELD_FORMAT",
            display: "Invalid field format",
            suggestion: Some("Validate field formats on client side"),
            ..Seed::new(
                "CV INVALID_FIELD_FORMAT",
                422,
                CV_INVALID_FIELD_FORMAT,
                |e| {
                    matches!(e, C::InvalidFieldFormat { details, field, extra }
                    if details.as_deref() == Some("Field 'dateOfBirth' must be in YYYY-MM-DD format")
                        && field.as_deref() == Some("dateOfBirth")
                        && extra.is_empty())
                },
            )
        },
        Seed {
            code: "INVALID_DOCUMENT_FORMAT",
            display: "Invalid document format",
            suggestion: Some("Use supported formats: JPG, PNG, PDF"),
            docs: Some("../guides/kyc-integration.md#document-requirements"),
            ..Seed::new(
                "CV INVALID_DOCUMENT_FORMAT",
                422,
                CV_INVALID_DOCUMENT_FORMAT,
                |e| {
                    matches!(e, C::InvalidDocumentFormat { details, field, extra }
                    if cv_details(details, field, "Document must be JPG, PNG, or PDF. Max size: 10MB") && extra.is_empty())
                },
            )
        },
        Seed {
            code: "RESOURCE_NOT_FOUND",
            display: "Customer not found",
            suggestion: Some("Verify resource ID"),
            ..Seed::new("CV RESOURCE_NOT_FOUND", 404, CV_RESOURCE_NOT_FOUND, |e| {
                matches!(e, C::ResourceNotFound { details, field, extra }
                    if cv_details(details, field, "Customer with ID 'cus_invalid123' does not exist") && extra.is_empty())
            })
        },
        Seed {
            code: "RESOURCE_CONFLICT",
            display: "Customer is in UNDER_REVIEW state and cannot be modified",
            suggestion: Some("Wait for state change"),
            docs: Some("../concepts/customer-states.md"),
            ..Seed::new("CV RESOURCE_CONFLICT", 409, CV_RESOURCE_CONFLICT, |e| {
                matches!(e, C::ResourceConflict { details, field, extra }
                    if cv_details(details, field, "Wait for verification to complete before updating") && extra.is_empty())
            })
        },
        Seed {
            code: "DUPLICATE_RESOURCE",
            display: "Customer already exists",
            suggestion: Some("Check if customer already exists before creating"),
            docs: Some("../api-reference/overview.md#idempotency"),
            ..Seed::new("CV DUPLICATE_RESOURCE", 409, CV_DUPLICATE_RESOURCE, |e| {
                matches!(e, C::DuplicateResource { details, field, extra }
                    if cv_details(details, field, "Customer with email 'user@example.com' already exists") && extra.is_empty())
            })
        },
        Seed {
            code: "RATE_LIMIT_EXCEEDED",
            display: "Too many requests",
            suggestion: Some("Implement backoff"),
            docs: Some("../authentication.md#rate-limiting"),
            rule: Some(RetryRule::After),
            headers: CV_RATE_LIMIT_HEADERS,
            advice: Some(after(60)),
            ..Seed::new("CV RATE_LIMIT_EXCEEDED", 429, CV_RATE_LIMIT_EXCEEDED, |e| {
                matches!(e, C::RateLimitExceeded { retry_after: 60, details, field, extra }
                    if cv_details(details, field, "Rate limit exceeded. Retry after 60 seconds") && extra.is_empty())
            })
        },
        Seed {
            code: "VERIFICATION_FAILED",
            display: "Verification failed",
            suggestion: Some("Review customer data for accuracy"),
            docs: Some("../troubleshooting.md#verification-issues"),
            ..Seed::new("CV VERIFICATION_FAILED", 422, CV_VERIFICATION_FAILED, |e| {
                matches!(e, C::VerificationFailed { details, field, extra }
                    if cv_details(details, field, "Identity document could not be verified") && extra.is_empty())
            })
        },
        Seed {
            code: "DOCUMENT_QUALITY_INSUFFICIENT",
            display: "Document quality insufficient",
            suggestion: Some("Ensure clear, well-lit photos"),
            docs: Some("../troubleshooting.md#document-upload-issues"),
            ..Seed::new(
                "CV DOCUMENT_QUALITY_INSUFFICIENT",
                422,
                CV_DOCUMENT_QUALITY_INSUFFICIENT,
                |e| {
                    matches!(e, C::DocumentQualityInsufficient { details, field, extra }
                    if cv_details(details, field, "Document image is blurry or incomplete") && extra.is_empty())
                },
            )
        },
        Seed {
            code: "INTERNAL_SERVER_ERROR",
            display: "An unexpected error occurred",
            suggestion: Some("Retry request"),
            docs: Some("../troubleshooting.md#getting-help"),
            // "500 Internal Server Error: Retry with exponential backoff".
            rule: Some(RetryRule::Backoff),
            advice: Some(RetryAdvice::Backoff),
            ..Seed::new(
                "CV INTERNAL_SERVER_ERROR",
                500,
                CV_INTERNAL_SERVER_ERROR,
                |e| {
                    matches!(e, C::InternalServerError { details, field, extra }
                    if cv_details(details, field, "Request ID: req_abc123xyz") && extra.is_empty())
                },
            )
        },
        Seed {
            code: "SERVICE_UNAVAILABLE",
            display: "Service temporarily unavailable",
            suggestion: Some("Retry after delay (use exponential backoff)"),
            rule: Some(RetryRule::Backoff),
            advice: Some(RetryAdvice::Backoff),
            ..Seed::new("CV SERVICE_UNAVAILABLE", 503, CV_SERVICE_UNAVAILABLE, |e| {
                matches!(e, C::ServiceUnavailable { details, field, extra }
                    if cv_details(details, field, "Please retry after a short delay") && extra.is_empty())
            })
        },
        Seed {
            code: "WEBHOOK_SIGNATURE_INVALID",
            display: "Webhook signature verification failed",
            suggestion: Some("Verify webhook secret is correct"),
            docs: Some("../guides/webhooks.md#security-and-signature-verification"),
            ..Seed::new(
                "CV WEBHOOK_SIGNATURE_INVALID",
                401,
                CV_WEBHOOK_SIGNATURE_INVALID,
                |e| {
                    matches!(e, C::WebhookSignatureInvalid { details, field, extra }
                    if cv_details(details, field, "Signature does not match expected value") && extra.is_empty())
                },
            )
        },
        Seed {
            code: "WEBHOOK_DELIVERY_FAILED",
            display: "Failed to deliver webhook after 3 attempts",
            suggestion: Some("Ensure webhook endpoint is accessible"),
            docs: Some("../troubleshooting.md#webhook-issues"),
            // "Status Code: varies": no status of its own.
            http: None,
            ..Seed::new(
                "CV WEBHOOK_DELIVERY_FAILED",
                500,
                CV_WEBHOOK_DELIVERY_FAILED,
                |e| {
                    matches!(e, C::WebhookDeliveryFailed { details, field, extra }
                    if cv_details(details, field, "Endpoint returned 500 error") && extra.is_empty())
                },
            )
        },
    ]
}

#[test]
fn customer_verification_examples() {
    check_all(&cv_seeds());
}

#[test]
fn customer_verification_every_code_has_its_seed_example() {
    use error_catalog::ErrorCatalog;
    let seeds = cv_seeds();
    for info in CvError::CODES {
        assert!(
            seeds.iter().any(|s| s.code == info.code),
            "CV code {} has no seed example here",
            info.code
        );
    }
    assert_eq!(seeds.len(), CvError::CODES.len());
}

#[test]
fn customer_verification_rate_limit_headers() {
    let h = ResponseHeaders::from_lines(CV_RATE_LIMIT_HEADERS);
    assert_eq!(h.retry_after, Some(RetryAfter::Seconds(60)));
    assert_eq!(
        h.rate_limit,
        RateLimit {
            limit: Some(300),
            remaining: Some(0),
            reset: Some(1_699_900_060)
        }
    );
    let e = CvError::from_response(429, CV_RATE_LIMIT_EXCEEDED.as_bytes());
    assert!(
        matches!(
            e,
            CvError::RateLimitExceeded {
                retry_after: 60,
                ..
            }
        ),
        "{e:?}"
    );
    assert_eq!(e.retry_with(&h, now()), after(60));
    assert_eq!(e.retry_with(&h, now()).to_string(), "retry in 60 s");
    // Without the headers, the body's retryAfter gives the same 60 s.
    assert_eq!(e.retry(), after(60));
    assert_eq!(e.retry_after_field(), Some(60));
}

#[test]
fn customer_verification_retry_advice_by_status_class() {
    let ise = CvError::from_response(500, CV_INTERNAL_SERVER_ERROR.as_bytes());
    assert_eq!(ise.retry(), RetryAdvice::Backoff, "INTERNAL_SERVER_ERROR");
    let unavailable = CvError::from_response(503, CV_SERVICE_UNAVAILABLE.as_bytes());
    assert_eq!(
        unavailable.retry(),
        RetryAdvice::Backoff,
        "SERVICE_UNAVAILABLE"
    );
    let validation = CvError::from_response(400, CV_VALIDATION_ERROR.as_bytes());
    assert_eq!(validation.retry(), RetryAdvice::Never, "VALIDATION_ERROR");
    let h = ResponseHeaders::from_lines(CV_RATE_LIMIT_HEADERS);
    assert_eq!(
        validation.retry_with(&h, now()),
        RetryAdvice::Never,
        "VALIDATION_ERROR ignores Retry-After"
    );
}

#[test]
fn customer_verification_format_placeholder_falls_back() {
    let e = CvError::from_response(400, CV_FORMAT.as_bytes());
    let CvError::Unknown(u) = &e else {
        panic!("CV format example: {e:?}")
    };
    assert_eq!(u.code(), Some("ERROR_CODE"));
    assert_eq!(u.message(), Some("Human-readable error message"));
    assert_eq!(u.status(), Some(400));
    assert_eq!(u.body(), CV_FORMAT.as_bytes());
    assert_eq!(
        e.to_json(),
        serde_json::from_str::<Value>(CV_FORMAT).unwrap()
    );
}

#[test]
fn customer_verification_deserialize_reads_the_seed_bodies() {
    for s in cv_seeds() {
        let d: CvError = serde_json::from_str(s.body)
            .unwrap_or_else(|err| panic!("{}: Deserialize: {err}", s.what));
        assert_eq!(
            d,
            CvError::from_response(s.status, s.body.as_bytes()),
            "{}",
            s.what
        );
    }
}

// ---------------------------------------------------------------------------
// 002: Rakomi SDK + API (coded envelope)
// ---------------------------------------------------------------------------

/// (code, message, suggestion, fix command, variant) as the seed lists them.
type RakomiRow = (
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    fn(&RakomiError) -> bool,
);

fn rakomi_rows() -> Vec<RakomiRow> {
    use RakomiError as R;
    vec![
        ("token/expired", "Token has expired", "Request a new access token via refresh token endpoint", None,
            |e| matches!(e, R::TokenExpired { .. })),
        ("token/invalid_signature", "Token signature verification failed", "Ensure the token was issued by Rakomi and has not been tampered with", None,
            |e| matches!(e, R::TokenInvalidSignature { .. })),
        ("token/malformed", "Token is not a valid JWT format", "Ensure you are passing a complete JWT string (header.payload.signature)", None,
            |e| matches!(e, R::TokenMalformed { .. })),
        ("token/invalid_algorithm", "Unsupported algorithm. Only RS256 is allowed", "Rakomi tokens use RS256. Do not attempt to use HS256 or other algorithms", None,
            |e| matches!(e, R::TokenInvalidAlgorithm { .. })),
        ("token/missing_claims", "Required claims missing (sub, tenant_id, email, sid, iss, aud, exp, iat, jti)", "Ensure the token was issued by Rakomi login/refresh endpoints", None,
            |e| matches!(e, R::TokenMissingClaims { .. })),
        ("token/invalid_issuer", "Token issuer mismatch", "Token must be issued by rakomi.com. Verify you are using the correct environment", None,
            |e| matches!(e, R::TokenInvalidIssuer { .. })),
        ("token/not_yet_valid", "Token nbf (not before) is in the future", "Check system clock synchronization or increase clockTolerance in SDK config",
            Some(r#"new RakomiClient({ apiKey: "...", clockTolerance: 60 })"#),
            |e| matches!(e, R::TokenNotYetValid { .. })),
        ("token/missing", "Authorization header with Bearer token is required", "Include an Authorization header: Bearer <token>", None,
            |e| matches!(e, R::TokenMissing { .. })),
        ("token/internal_error", "An internal error occurred during token verification", "This is unexpected. Please retry or contact support", None,
            |e| matches!(e, R::TokenInternalError { .. })),
        ("jwks/fetch_failed", "Failed to fetch JWKS", "Check network connectivity and that baseUrl is correct",
            Some("curl https://api.rakomi.com/.well-known/jwks.json"),
            |e| matches!(e, R::JwksFetchFailed { .. })),
        ("jwks/no_matching_key", "No key in JWKS matches token kid", "The signing key may have been rotated. This is transient during key rotation — retry in a few seconds", None,
            |e| matches!(e, R::JwksNoMatchingKey { .. })),
        ("jwks/invalid_response", "JWKS response is not a valid JSON Web Key Set", "Ensure baseUrl points to a valid Rakomi instance", None,
            |e| matches!(e, R::JwksInvalidResponse { .. })),
        ("webhook/timestamp_expired", "Webhook timestamp is too old (exceeds tolerance)", "Ensure your server clock is synchronized. The webhook may be a replay attack", None,
            |e| matches!(e, R::WebhookTimestampExpired { .. })),
        ("webhook/invalid_signature", "Webhook HMAC signature verification failed", "Verify the webhook secret matches the one in your Rakomi dashboard", None,
            |e| matches!(e, R::WebhookInvalidSignature { .. })),
        ("webhook/missing_header", "Required webhook headers missing (X-Rakomi-Signature, X-Rakomi-Timestamp, X-Rakomi-Delivery-Id)", "Ensure you are passing the raw request headers to verifyWebhook()", None,
            |e| matches!(e, R::WebhookMissingHeader { .. })),
        ("webhook/invalid_body", "Webhook body is not valid JSON", "Use express.raw() or express.text() middleware to preserve the raw body for webhook routes", None,
            |e| matches!(e, R::WebhookInvalidBody { .. })),
        ("config/missing_api_key", "apiKey is required", "Pass your API key when creating the client",
            Some(r#"new RakomiClient({ apiKey: "akm_live_xxx" })"#),
            |e| matches!(e, R::ConfigMissingApiKey { .. })),
        ("config/invalid_base_url", "baseUrl must be a valid HTTPS URL", "Use a full URL including protocol, e.g., https://api.rakomi.com", None,
            |e| matches!(e, R::ConfigInvalidBaseUrl { .. })),
        ("config/missing_webhook_secret", "webhookSecret is required for webhook verification", "Pass your webhook signing key in config",
            Some(r#"new RakomiClient({ apiKey: "...", webhookSecret: "whsec_xxx" })"#),
            |e| matches!(e, R::ConfigMissingWebhookSecret { .. })),
        ("auth/token_expired", "Access token has expired", "Use the refresh token to obtain a new access token", None,
            |e| matches!(e, R::AuthTokenExpired { .. })),
        ("auth/invalid_credentials", "Invalid email or password", "Check your credentials and try again", None,
            |e| matches!(e, R::AuthInvalidCredentials { .. })),
        ("auth/email_not_verified", "Email address has not been verified", "Check your inbox for the verification email or request a new one", None,
            |e| matches!(e, R::AuthEmailNotVerified { .. })),
    ]
}

/// `{"code", "message"}` classifies; serializing writes the catalog's suggestion
/// and fix command too, as the seed says every SDK error carries them.
#[test]
fn rakomi_codes() {
    let rows = rakomi_rows();
    for &(code, message, suggestion, fix, typed) in &rows {
        let body = json!({ "code": code, "message": message }).to_string();
        let mut echo = json!({ "code": code, "message": message, "suggestion": suggestion });
        if let Some(f) = fix {
            echo["fix_command"] = json!(f);
        }
        let what = format!("Rakomi {code}");
        check(&Seed {
            code,
            // The seed gives no HTTP status for any Rakomi error.
            http: None,
            display: message,
            suggestion: Some(suggestion),
            fix,
            echo: Some(echo.clone()),
            ..Seed::new(&what, 400, &body, typed)
        });

        // The full body the seed describes (code, message, suggestion and fix
        // command) comes back verbatim.
        let full = echo.to_string();
        let e = RakomiError::from_response(401, full.as_bytes());
        assert!(typed(&e), "{what} (full body): {e:?}");
        assert_eq!(e.to_json(), echo, "{what} (full body): serialization");
        let d: RakomiError = serde_json::from_str(&full).expect("Deserialize");
        assert_eq!(d, e, "{what}: Deserialize agrees with from_response");
    }
}

#[test]
fn rakomi_every_code_is_in_the_seed() {
    use error_catalog::ErrorCatalog;
    let rows = rakomi_rows();
    assert_eq!(rows.len(), RakomiError::CODES.len());
    for info in RakomiError::CODES {
        assert!(
            rows.iter().any(|r| r.0 == info.code),
            "Rakomi code {} is not in the seed",
            info.code
        );
    }
}

#[test]
fn rakomi_retry_where_the_seed_says_retry() {
    // "This is unexpected. Please retry or contact support" and "This is transient
    // during key rotation — retry in a few seconds".
    for code in ["token/internal_error", "jwks/no_matching_key"] {
        let e = RakomiError::from_response(
            400,
            json!({ "code": code, "message": "x" })
                .to_string()
                .as_bytes(),
        );
        assert!(e.is_known(), "{code}: {e:?}");
        assert_ne!(e.retry_rule(), RetryRule::Never, "{code}: retry rule");
        assert_ne!(e.retry(), RetryAdvice::Never, "{code}: retry advice");
    }
    let e = RakomiError::from_response(
        401,
        br#"{"code": "auth/invalid_credentials", "message": "Invalid email or password"}"#,
    );
    assert_eq!(e.retry(), RetryAdvice::Never, "auth/invalid_credentials");
}

// ---------------------------------------------------------------------------
// 003: AIronClaw management API (message-only)
// ---------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------
// 000: Moca Network AIR Kit (status-only; JWT/JWKS failures by message)
// ---------------------------------------------------------------------------

/// (status, likely cause, code, how to fix, retry rule, variant).
type MocaRow = (
    u16,
    &'static str,
    &'static str,
    &'static str,
    RetryRule,
    fn(&MocaAirError) -> bool,
);

fn moca_status_rows() -> Vec<MocaRow> {
    use MocaAirError as M;
    vec![
        (400, "Missing or invalid request fields", "invalid_request_fields",
            "Verify `issuerDid`, `credentialId`, and `credentialSubject` match your schema. Check that required fields are present and types are correct.",
            RetryRule::Never, |e| matches!(e, M::InvalidRequestFields { .. })),
        (401, "Invalid or expired Partner JWT", "invalid_partner_jwt",
            "Verify the JWT is not expired (`exp`), the signature matches your JWKS key, `kid` in the header maps to the correct key, and `typ: \"JWT\"` is set.",
            RetryRule::Never, |e| matches!(e, M::InvalidPartnerJwt { .. })),
        (403, "Feature not enabled or schema not allowed", "feature_not_enabled",
            "Confirm the feature (e.g. Issue on Behalf) is enabled for your partner account in the Developer Dashboard. Check that your `issuerDid` owns the schema.",
            RetryRule::Never, |e| matches!(e, M::FeatureNotEnabled { .. })),
        (404, "Unknown issuer DID or program ID", "unknown_issuer_or_program",
            "Double-check `issuerDid` and `credentialId` values against the Developer Dashboard.",
            RetryRule::Never, |e| matches!(e, M::UnknownIssuerOrProgram { .. })),
        (409, "User consent rejected or duplicate conflict", "consent_rejected_or_duplicate",
            "The user has denied consent for credentials issued on their behalf, or a duplicate credential exists with `onDuplicate: \"ignore\"`.",
            RetryRule::Never, |e| matches!(e, M::ConsentRejectedOrDuplicate { .. })),
        (500, "Server-side failure", "server_error",
            "Retry with exponential backoff. If persistent, check the [Moca Network status page](https://discord.gg/mocaversenft) or contact support.",
            RetryRule::Backoff, |e| matches!(e, M::ServerError { .. })),
        (429, "Too Many Requests", "rate_limited",
            "Back off and retry with exponential delays. Avoid tight polling loops on the status endpoint — start with 1-second intervals and double each attempt.",
            RetryRule::Backoff, |e| matches!(e, M::RateLimited { .. })),
    ]
}

#[test]
fn moca_statuses() {
    for (status, cause, code, fix_text, rule, typed) in moca_status_rows() {
        let advice = if rule == RetryRule::Never {
            RetryAdvice::Never
        } else {
            RetryAdvice::Backoff
        };
        // With the cause as the body's message: the body comes back verbatim.
        let body = json!({ "message": cause }).to_string();
        let what = format!("Moca {status}");
        check(&Seed {
            code,
            display: cause,
            suggestion: Some(fix_text),
            rule: Some(rule),
            advice: Some(advice),
            ..Seed::new(&what, status, &body, typed)
        });
        // With an empty object: the status alone identifies the error.
        let what = format!("Moca {status} {{}}");
        check(&Seed {
            code,
            display: cause,
            suggestion: Some(fix_text),
            rule: Some(rule),
            echo: Some(json!({ "message": cause })),
            ..Seed::new(&what, status, "{}", typed)
        });
    }
}

/// (message, code, variant): the JWT and JWKS headings, sent with 401.
type MocaMessageRow = (&'static str, &'static str, fn(&MocaAirError) -> bool);

fn moca_message_rows() -> Vec<MocaMessageRow> {
    use MocaAirError as M;
    vec![
        (
            "Invalid signature",
            "invalid_signature",
            |e| matches!(e, M::InvalidSignature { extra } if extra.is_empty()),
        ),
        (
            "JWT verification failed",
            "invalid_signature",
            |e| matches!(e, M::InvalidSignature { extra } if extra.message() == Some("JWT verification failed")),
        ),
        (
            "Token expired",
            "token_expired",
            |e| matches!(e, M::TokenExpired { extra } if extra.is_empty()),
        ),
        (
            "JWKS endpoint unreachable",
            "jwks_endpoint_unreachable",
            |e| matches!(e, M::JwksEndpointUnreachable { extra } if extra.is_empty()),
        ),
        (
            "kid not found",
            "kid_not_found",
            |e| matches!(e, M::KidNotFound { extra } if extra.is_empty()),
        ),
        (
            "Missing typ header",
            "missing_typ_header",
            |e| matches!(e, M::MissingTypHeader { extra } if extra.is_empty()),
        ),
    ]
}

#[test]
fn moca_jwt_and_jwks_messages() {
    for (message, code, typed) in moca_message_rows() {
        let body = json!({ "message": message }).to_string();
        let what = format!("Moca 401 {message:?}");
        let fix = (code == "jwks_endpoint_unreachable")
            .then_some("curl https://your-domain/api/.well-known/jwks");
        check(&Seed {
            code,
            // The seed does not say which status carries these messages.
            http: None,
            display: message,
            fix,
            docs: (code == "jwks_endpoint_unreachable").then_some("/airkit/usage/jwks-setup"),
            // The seed gives no retry rule for them.
            rule: Some(RetryRule::Never),
            ..Seed::new(&what, 401, &body, typed)
        });
    }
}

#[test]
fn moca_every_code_is_covered() {
    use error_catalog::ErrorCatalog;
    let statuses = moca_status_rows();
    let messages = moca_message_rows();
    for info in MocaAirError::CODES {
        assert!(
            statuses.iter().any(|r| r.2 == info.code) || messages.iter().any(|r| r.1 == info.code),
            "Moca code {} has no seed row here",
            info.code
        );
    }
}

#[test]
fn moca_token_expired_beats_the_401_row() {
    let e = MocaAirError::from_response(401, br#"{"message": "Token expired"}"#);
    assert!(
        matches!(e, MocaAirError::TokenExpired { .. }),
        "Token expired under 401: {e:?}"
    );
    assert_eq!(e.to_string(), "Token expired");
    assert_eq!(e.to_json(), json!({ "message": "Token expired" }));
    // Any other 401 message is the generic 401 row, keeping the message.
    let e = MocaAirError::from_response(401, br#"{"message": "jwt malformed"}"#);
    assert!(
        matches!(&e, MocaAirError::InvalidPartnerJwt { extra } if extra.message() == Some("jwt malformed")),
        "other 401: {e:?}"
    );
    assert_eq!(e.to_string(), "jwt malformed");
    assert_eq!(e.to_json(), json!({ "message": "jwt malformed" }));
}

// ---------------------------------------------------------------------------
// The catalogs' own `[[errors.examples]]`
// ---------------------------------------------------------------------------

/// Every example body of one bundled catalog classifies as its own entry and
/// serializes back to itself; with its headers, `after` errors wait the header's
/// seconds.
fn catalog_examples<E>(id: &str) -> usize
where
    E: ApiError + FromResponse + ToJson + Debug + PartialEq,
{
    let catalog = error_catalog_tests::bundled(id);
    let mut n = 0;
    for entry in &catalog.errors {
        for (i, ex) in entry.examples.iter().enumerate() {
            n += 1;
            let what = format!("{id} {} example {i}", entry.code.value);
            let status = ex.status.or(entry.status_u16()).unwrap_or(400);
            let e = E::from_response(status, ex.body.value.as_bytes());
            assert!(e.is_known(), "{what}: fell back: {e:?}");
            assert_eq!(e.code(), entry.code.value, "{what}: code");
            let want: Value = serde_json::from_str(&ex.body.value)
                .unwrap_or_else(|err| panic!("{what}: body is not JSON: {err}"));
            assert_eq!(e.to_json(), want, "{what}: serialization");
            if !ex.headers.is_empty() {
                let pairs = ex.headers.iter().map(|(k, v)| (k.as_str(), v.as_str()));
                let h = ResponseHeaders::from_pairs(pairs);
                if let (RetryRule::After, Some(RetryAfter::Seconds(s))) =
                    (e.retry_rule(), h.retry_after)
                {
                    assert_eq!(e.retry_with(&h, now()), after(s), "{what}: retry advice");
                }
            }
        }
    }
    n
}

#[test]
fn catalog_examples_classify_and_serialize_back() {
    assert_eq!(catalog_examples::<KyaError>("kya"), 12, "KYA examples");
    assert_eq!(
        catalog_examples::<CvError>("customer_verification"),
        16,
        "CV examples"
    );
    catalog_examples::<MocaAirError>("moca_air");
    catalog_examples::<RakomiError>("rakomi");
    catalog_examples::<AironclawError>("aironclaw");
}

#[test]
fn catalog_examples_are_the_seed_bodies() {
    // The catalogs transcribe the seeds' examples: same JSON values.
    let seeds: Vec<Value> = kya_seeds()
        .iter()
        .map(|s| s.body)
        .chain(cv_seeds().iter().map(|s| s.body))
        .map(|b| serde_json::from_str(b).unwrap())
        .collect();
    for id in ["kya", "customer_verification"] {
        let catalog = error_catalog_tests::bundled(id);
        for entry in &catalog.errors {
            for ex in &entry.examples {
                let v: Value = serde_json::from_str(&ex.body.value).unwrap();
                assert!(
                    seeds.contains(&v),
                    "{id} {}: example is not the seed's body",
                    entry.code.value
                );
            }
        }
    }
}
