//! Every variant of every bundled enum.

use error_catalog_services::aironclaw::AironclawError;
use error_catalog_services::customer_verification::CustomerVerificationError as CvError;
use error_catalog_services::kya::KyaError;
use error_catalog_services::moca_air::MocaAirError;
use error_catalog_services::rakomi::RakomiError;
use serde_json::json;

use crate::harness::{
    covers_every_code, members, roundtrip, roundtrip_with_extras, said, text, x, Wire,
};

fn moca_values() -> Vec<MocaAirError> {
    use MocaAirError as M;
    vec![
        M::InvalidRequestFields { extra: x() },
        M::InvalidPartnerJwt { extra: x() },
        M::InvalidPartnerJwt {
            extra: said("jwt malformed"),
        },
        M::FeatureNotEnabled { extra: x() },
        M::UnknownIssuerOrProgram { extra: x() },
        M::ConsentRejectedOrDuplicate { extra: x() },
        M::ServerError { extra: x() },
        M::InvalidSignature { extra: x() },
        M::InvalidSignature {
            extra: said("JWT verification failed"),
        },
        M::TokenExpired { extra: x() },
        M::JwksEndpointUnreachable { extra: x() },
        M::KidNotFound { extra: x() },
        M::MissingTypHeader { extra: x() },
        M::RateLimited { extra: x() },
    ]
}

#[test]
fn bundled_moca_air() {
    let values = moca_values();
    covers_every_code("moca_air", &values);
    roundtrip("moca_air", &values);
    roundtrip_with_extras(
        "moca_air",
        &[MocaAirError::ServerError {
            extra: members(&[("/requestId", r#""r_1""#)]),
        }],
    );
}

fn kya_values() -> Vec<KyaError> {
    use KyaError as K;
    let ts = Some(1_707_408_000_000);
    vec![
        K::ValidationError {
            field: "agentId".into(),
            received: json!(42),
            timestamp: ts,
            extra: x(),
        },
        K::SignatureInvalid {
            agent_id: "42".into(),
            owner: "0x3CDA80d87cDde4612C9b66B657d45055Fa03Ce99".into(),
            recovered_signer: "0x1234567890123456789012345678901234567890".into(),
            timestamp: ts,
            extra: x(),
        },
        K::ReplayDetected {
            agent_id: "42".into(),
            nonce: "123456789".into(),
            timestamp: None,
            extra: x(),
        },
        K::AgentNotFound {
            agent_id: "9999".into(),
            timestamp: ts,
            extra: x(),
        },
        K::AgentNotFound {
            agent_id: "9999".into(),
            timestamp: ts,
            extra: said("Agent 9999 is not registered"),
        },
        K::RpcError {
            rpc_url: "https://rpc.kyachain.xyz".into(),
            method: "eth_call".into(),
            timestamp: ts,
            extra: x(),
        },
        K::InternalError {
            timestamp: ts,
            extra: x(),
        },
        K::InvalidApiKey {
            agent_id: "42".into(),
            timestamp: ts,
            extra: x(),
        },
        K::KeyAlreadyExists {
            agent_id: "42".into(),
            timestamp: ts,
            extra: x(),
        },
        K::RateLimited {
            agent_id: "42".into(),
            tier: 1,
            limit: 1,
            retry_after: 45,
            timestamp: ts,
            extra: x(),
        },
        K::TierBlocked {
            agent_id: "42".into(),
            current_tier: 0,
            required_tier: 1,
            required_stake: "1000000000000000000000".into(),
            timestamp: ts,
            extra: x(),
        },
        K::InsufficientDeposit {
            agent_id: "42".into(),
            current_balance: "100000000000000000".into(),
            required_amount: "1000000000000000000".into(),
            timestamp: ts,
            extra: x(),
        },
        K::RelayFailed {
            agent_id: "42".into(),
            reason: "Transaction reverted".into(),
            tx_hash: "0x...".into(),
            timestamp: ts,
            extra: x(),
        },
    ]
}

#[test]
fn bundled_kya() {
    let values = kya_values();
    covers_every_code("kya", &values);
    roundtrip("kya", &values);
    roundtrip_with_extras(
        "kya",
        &[KyaError::RateLimited {
            agent_id: "42".into(),
            tier: 1,
            limit: 1,
            retry_after: 45,
            timestamp: None,
            extra: members(&[("/requestId", r#""r_1""#), ("/details/window", r#""1m""#)]),
        }],
    );
}

#[test]
fn bundled_kya_deserialize_from_slice() {
    for e in kya_values() {
        let wire = e.to_wire();
        let d: KyaError = serde_json::from_slice(&wire).expect("Deserialize");
        assert_eq!(d, e, "KyaError::deserialize of {}", text(&wire));
    }
    // Deserialize never fails on a JSON value that is not a known error.
    let d: KyaError = serde_json::from_slice(br#"{"errorType": "NOPE"}"#).expect("Deserialize");
    assert!(
        matches!(&d, KyaError::Unknown(u) if u.code() == Some("NOPE") && u.status().is_none()),
        "{d:?}"
    );
}

fn rakomi_values() -> Vec<RakomiError> {
    use RakomiError as R;
    vec![
        R::TokenExpired { extra: x() },
        R::TokenInvalidSignature { extra: x() },
        R::TokenMalformed { extra: x() },
        R::TokenInvalidAlgorithm { extra: x() },
        R::TokenMissingClaims { extra: x() },
        R::TokenInvalidIssuer { extra: x() },
        R::TokenNotYetValid { extra: x() },
        R::TokenMissing { extra: x() },
        R::TokenInternalError { extra: x() },
        R::JwksFetchFailed { extra: x() },
        R::JwksNoMatchingKey { extra: x() },
        R::JwksInvalidResponse { extra: x() },
        R::WebhookTimestampExpired { extra: x() },
        R::WebhookInvalidSignature { extra: x() },
        R::WebhookMissingHeader { extra: x() },
        R::WebhookInvalidBody { extra: x() },
        R::ConfigMissingApiKey { extra: x() },
        R::ConfigInvalidBaseUrl { extra: x() },
        R::ConfigMissingWebhookSecret { extra: x() },
        R::AuthTokenExpired { extra: x() },
        R::AuthInvalidCredentials { extra: x() },
        R::AuthInvalidCredentials {
            extra: said("Wrong password for user@example.com"),
        },
        R::AuthEmailNotVerified { extra: x() },
    ]
}

#[test]
fn bundled_rakomi() {
    let values = rakomi_values();
    covers_every_code("rakomi", &values);
    roundtrip("rakomi", &values);
    roundtrip_with_extras(
        "rakomi",
        &[RakomiError::TokenExpired {
            extra: members(&[("/requestId", r#""r_1""#)]),
        }],
    );
}

fn aironclaw_values() -> Vec<AironclawError> {
    use AironclawError as A;
    vec![
        A::MissingRequiredField { extra: x() },
        A::MissingRequiredField {
            extra: said("name is required"),
        },
        A::InvalidJsonBody { extra: x() },
        A::InvalidJwksJson {
            reason: "keys[0].kty is required".into(),
            extra: x(),
        },
        A::RuleSchemaRejected {
            field: "rules[0].action".into(),
            reason: "must be allow or deny".into(),
            extra: x(),
        },
        A::InvalidKeyName { extra: x() },
        A::UriAlreadyInUse { extra: x() },
        A::InvalidBeforeParam { extra: x() },
        A::ToolNotFound {
            index: 2,
            extra: x(),
        },
        A::ToolNotFound {
            index: u32::MAX,
            extra: x(),
        },
        A::NotAuthenticated { extra: x() },
        A::InvalidPersonalAccessToken { extra: x() },
        A::MfaRequired { extra: x() },
        A::PersonalAccessTokenNotAccepted { extra: x() },
        A::McpLimitReached {
            used: 3,
            limit: 3,
            rest: "Delete an unused MCP first.".into(),
            extra: x(),
        },
        A::ApiKeyLimitReached {
            used: 5,
            limit: 5,
            rest: "Delete an unused key first.".into(),
            extra: x(),
        },
        A::Forbidden { extra: x() },
        A::CannotModifyPersonalToken { extra: x() },
        A::McpServerNotFound { extra: x() },
        A::LlmProxyNotFound { extra: x() },
        A::KeyNotFound { extra: x() },
        A::ResourceNotFound { extra: x() },
        A::EndpointNotFound { extra: x() },
        A::TwoFactorAlreadyEnabled { extra: x() },
        A::TwoFactorNotEnabled { extra: x() },
        A::KeyMissingNameTag { extra: x() },
        A::TwoFactorChallengeRateLimited { extra: x() },
        A::TwoFactorChallengeRateLimited {
            extra: said("Too many 2FA attempts"),
        },
        A::GatewayAdminFailed { extra: x() },
        A::GatewayAdminFailed {
            extra: said("Failed to update permissions"),
        },
        A::UpstreamMcpError {
            upstream: "upstream MCP returned non-JSON".into(),
            extra: x(),
        },
        A::RedisUnavailable { extra: x() },
        A::IpTemporarilyBanned { extra: x() },
    ]
}

#[test]
fn bundled_aironclaw() {
    let values = aironclaw_values();
    covers_every_code("aironclaw", &values);
    roundtrip("aironclaw", &values);
    roundtrip_with_extras(
        "aironclaw",
        &[AironclawError::KeyNotFound {
            extra: members(&[("/requestId", r#""r_1""#)]),
        }],
    );
}

fn cv_values() -> Vec<CvError> {
    use CvError as C;
    let d = |s: &str| Some(s.to_string());
    vec![
        C::AuthenticationFailed {
            details: d("The API key does not exist or has been revoked"),
            field: None,
            extra: x(),
        },
        C::TokenExpired {
            details: d("Token expired at 2025-11-05T10:30:00Z"),
            field: None,
            extra: x(),
        },
        C::InsufficientPermissions {
            details: None,
            field: None,
            extra: x(),
        },
        C::ValidationError {
            details: d("Field 'email' is required"),
            field: d("email"),
            extra: x(),
        },
        C::InvalidFieldFormat {
            details: d("Field 'dateOfBirth' must be in YYYY-MM-DD format"),
            field: d("dateOfBirth"),
            extra: x(),
        },
        C::InvalidDocumentFormat {
            details: d("Document must be JPG, PNG, or PDF. Max size: 10MB"),
            field: None,
            extra: x(),
        },
        C::ResourceNotFound {
            details: d("Customer with ID 'cus_invalid123' does not exist"),
            field: None,
            extra: x(),
        },
        C::ResourceNotFound {
            details: None,
            field: None,
            extra: said("Transaction not found"),
        },
        C::ResourceConflict {
            details: d("Wait for verification to complete before updating"),
            field: None,
            extra: x(),
        },
        C::DuplicateResource {
            details: d("Customer with email 'user@example.com' already exists"),
            field: d("email"),
            extra: x(),
        },
        C::RateLimitExceeded {
            retry_after: 60,
            details: d("Rate limit exceeded. Retry after 60 seconds"),
            field: None,
            extra: x(),
        },
        C::VerificationFailed {
            details: d("Identity document could not be verified"),
            field: None,
            extra: x(),
        },
        C::DocumentQualityInsufficient {
            details: d("Document image is blurry or incomplete"),
            field: None,
            extra: x(),
        },
        C::InternalServerError {
            details: d("Request ID: req_abc123xyz"),
            field: None,
            extra: x(),
        },
        C::ServiceUnavailable {
            details: d("Please retry after a short delay"),
            field: None,
            extra: x(),
        },
        C::WebhookSignatureInvalid {
            details: d("Signature does not match expected value"),
            field: None,
            extra: x(),
        },
        C::WebhookDeliveryFailed {
            details: d("Endpoint returned 500 error"),
            field: None,
            extra: x(),
        },
    ]
}

#[test]
fn bundled_customer_verification() {
    let values = cv_values();
    covers_every_code("customer_verification", &values);
    roundtrip("customer_verification", &values);
    roundtrip_with_extras(
        "customer_verification",
        &[CvError::RateLimitExceeded {
            retry_after: 60,
            details: None,
            field: None,
            extra: members(&[("/requestId", r#""req_1""#), ("/error/limit", "300")]),
        }],
    );
}
