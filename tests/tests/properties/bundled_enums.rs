//! Strategies for every variant of the five bundled enums.

use std::fmt::Debug;

use error_catalog::{ApiError, ErrorCatalog, Extra, UnknownError};
use error_catalog_services::aironclaw::AironclawError;
use error_catalog_services::customer_verification::CustomerVerificationError as CvError;
use error_catalog_services::kya::KyaError;
use error_catalog_services::moca_air::MocaAirError;
use error_catalog_services::rakomi::RakomiError;
use proptest::prelude::*;
use proptest::strategy::{Union, ValueTree};
use proptest::test_runner::TestRunner;

use crate::harness::{said, Subject};
use crate::strategies::{json, message, opt, pattern_text, said_extra, text, x};

subject!(MocaAirError {
    extra: [
        InvalidRequestFields,
        InvalidPartnerJwt,
        FeatureNotEnabled,
        UnknownIssuerOrProgram,
        ConsentRejectedOrDuplicate,
        ServerError,
        InvalidSignature,
        TokenExpired,
        JwksEndpointUnreachable,
        KidNotFound,
        MissingTypHeader,
        RateLimited,
    ]
});
subject!(KyaError {
    extra: [
        ValidationError, SignatureInvalid, ReplayDetected, AgentNotFound, RpcError,
        InternalError, InvalidApiKey, KeyAlreadyExists, RateLimited, TierBlocked,
        InsufficientDeposit, RelayFailed,
    ]
} de);
subject!(RakomiError {
    extra: [
        TokenExpired, TokenInvalidSignature, TokenMalformed, TokenInvalidAlgorithm,
        TokenMissingClaims, TokenInvalidIssuer, TokenNotYetValid, TokenMissing,
        TokenInternalError, JwksFetchFailed, JwksNoMatchingKey, JwksInvalidResponse,
        WebhookTimestampExpired, WebhookInvalidSignature, WebhookMissingHeader,
        WebhookInvalidBody, ConfigMissingApiKey, ConfigInvalidBaseUrl,
        ConfigMissingWebhookSecret, AuthTokenExpired, AuthInvalidCredentials,
        AuthEmailNotVerified,
    ]
} de);
subject!(AironclawError {
    extra: [
        MissingRequiredField,
        InvalidJsonBody,
        InvalidJwksJson,
        RuleSchemaRejected,
        InvalidKeyName,
        UriAlreadyInUse,
        InvalidBeforeParam,
        ToolNotFound,
        NotAuthenticated,
        InvalidPersonalAccessToken,
        MfaRequired,
        PersonalAccessTokenNotAccepted,
        McpLimitReached,
        ApiKeyLimitReached,
        Forbidden,
        CannotModifyPersonalToken,
        McpServerNotFound,
        LlmProxyNotFound,
        KeyNotFound,
        ResourceNotFound,
        EndpointNotFound,
        TwoFactorAlreadyEnabled,
        TwoFactorNotEnabled,
        KeyMissingNameTag,
        TwoFactorChallengeRateLimited,
        GatewayAdminFailed,
        UpstreamMcpError,
        RedisUnavailable,
        IpTemporarilyBanned,
    ]
});
subject!(CvError {
    extra: [
        AuthenticationFailed, TokenExpired, InsufficientPermissions, ValidationError,
        InvalidFieldFormat, InvalidDocumentFormat, ResourceNotFound, ResourceConflict,
        DuplicateResource, RateLimitExceeded, VerificationFailed,
        DocumentQualityInsufficient, InternalServerError, ServiceUnavailable,
        WebhookSignatureInvalid, WebhookDeliveryFailed,
    ]
} de);

/// A strategy for a variant whose only field is `extra`.
pub(crate) fn bare<E: Debug + 'static>(make: fn(Extra) -> E) -> BoxedStrategy<E> {
    Just(()).prop_map(move |()| make(x())).boxed()
}

/// Moca's message patterns (the `matches` of its JWT errors): a received message
/// equal to one of these identifies that error instead.
pub(crate) const MOCA_PATTERNS: &[&str] = &[
    "Invalid signature",
    "JWT verification failed",
    "Token expired",
    "JWKS endpoint unreachable",
    "kid not found",
    "Missing typ header",
];

pub(crate) fn moca_variants() -> Vec<BoxedStrategy<MocaAirError>> {
    use MocaAirError as M;
    vec![
        bare(|extra| M::InvalidRequestFields { extra }),
        bare(|extra| M::InvalidPartnerJwt { extra }),
        bare(|extra| M::FeatureNotEnabled { extra }),
        bare(|extra| M::UnknownIssuerOrProgram { extra }),
        bare(|extra| M::ConsentRejectedOrDuplicate { extra }),
        bare(|extra| M::ServerError { extra }),
        bare(|extra| M::RateLimited { extra }),
        // Without a status, identified by message: only its own patterns.
        prop_oneof![Just(x()), Just(said_extra("JWT verification failed"))]
            .prop_map(|extra| M::InvalidSignature { extra })
            .boxed(),
        bare(|extra| M::TokenExpired { extra }),
        bare(|extra| M::JwksEndpointUnreachable { extra }),
        bare(|extra| M::KidNotFound { extra }),
        bare(|extra| M::MissingTypHeader { extra }),
    ]
}

pub(crate) fn moca() -> BoxedStrategy<MocaAirError> {
    let received = opt(text().prop_filter("identifies another error", |m| {
        !MOCA_PATTERNS.contains(&m.as_str())
    }));
    (Union::new(moca_variants()), received)
        .prop_map(|(e, m)| {
            // Status-identified errors keep any received message; the JWT errors
            // (no status) are identified by theirs, so they keep what they have.
            if e.info().is_some_and(|i| i.status.is_some()) {
                said(e, m)
            } else {
                e
            }
        })
        .boxed()
}

pub(crate) fn kya_variants() -> Vec<BoxedStrategy<KyaError>> {
    use KyaError as K;
    let ts = || opt(any::<u64>());
    vec![
        (text(), json(), ts())
            .prop_map(|(field, received, timestamp)| K::ValidationError {
                field,
                received,
                timestamp,
                extra: x(),
            })
            .boxed(),
        (text(), text(), text(), ts())
            .prop_map(
                |(agent_id, owner, recovered_signer, timestamp)| K::SignatureInvalid {
                    agent_id,
                    owner,
                    recovered_signer,
                    timestamp,
                    extra: x(),
                },
            )
            .boxed(),
        (text(), text(), ts())
            .prop_map(|(agent_id, nonce, timestamp)| K::ReplayDetected {
                agent_id,
                nonce,
                timestamp,
                extra: x(),
            })
            .boxed(),
        (text(), ts())
            .prop_map(|(agent_id, timestamp)| K::AgentNotFound {
                agent_id,
                timestamp,
                extra: x(),
            })
            .boxed(),
        (text(), text(), ts())
            .prop_map(|(rpc_url, method, timestamp)| K::RpcError {
                rpc_url,
                method,
                timestamp,
                extra: x(),
            })
            .boxed(),
        ts().prop_map(|timestamp| K::InternalError {
            timestamp,
            extra: x(),
        })
        .boxed(),
        (text(), ts())
            .prop_map(|(agent_id, timestamp)| K::InvalidApiKey {
                agent_id,
                timestamp,
                extra: x(),
            })
            .boxed(),
        (text(), ts())
            .prop_map(|(agent_id, timestamp)| K::KeyAlreadyExists {
                agent_id,
                timestamp,
                extra: x(),
            })
            .boxed(),
        (text(), any::<u8>(), any::<u32>(), any::<u64>(), ts())
            .prop_map(
                |(agent_id, tier, limit, retry_after, timestamp)| K::RateLimited {
                    agent_id,
                    tier,
                    limit,
                    retry_after,
                    timestamp,
                    extra: x(),
                },
            )
            .boxed(),
        (text(), any::<u8>(), any::<u8>(), text(), ts())
            .prop_map(
                |(agent_id, current_tier, required_tier, required_stake, timestamp)| {
                    K::TierBlocked {
                        agent_id,
                        current_tier,
                        required_tier,
                        required_stake,
                        timestamp,
                        extra: x(),
                    }
                },
            )
            .boxed(),
        (text(), text(), text(), ts())
            .prop_map(|(agent_id, current_balance, required_amount, timestamp)| {
                K::InsufficientDeposit {
                    agent_id,
                    current_balance,
                    required_amount,
                    timestamp,
                    extra: x(),
                }
            })
            .boxed(),
        (text(), text(), text(), ts())
            .prop_map(|(agent_id, reason, tx_hash, timestamp)| K::RelayFailed {
                agent_id,
                reason,
                tx_hash,
                timestamp,
                extra: x(),
            })
            .boxed(),
    ]
}

pub(crate) fn rakomi_variants() -> Vec<BoxedStrategy<RakomiError>> {
    use RakomiError as R;
    vec![
        bare(|extra| R::TokenExpired { extra }),
        bare(|extra| R::TokenInvalidSignature { extra }),
        bare(|extra| R::TokenMalformed { extra }),
        bare(|extra| R::TokenInvalidAlgorithm { extra }),
        bare(|extra| R::TokenMissingClaims { extra }),
        bare(|extra| R::TokenInvalidIssuer { extra }),
        bare(|extra| R::TokenNotYetValid { extra }),
        bare(|extra| R::TokenMissing { extra }),
        bare(|extra| R::TokenInternalError { extra }),
        bare(|extra| R::JwksFetchFailed { extra }),
        bare(|extra| R::JwksNoMatchingKey { extra }),
        bare(|extra| R::JwksInvalidResponse { extra }),
        bare(|extra| R::WebhookTimestampExpired { extra }),
        bare(|extra| R::WebhookInvalidSignature { extra }),
        bare(|extra| R::WebhookMissingHeader { extra }),
        bare(|extra| R::WebhookInvalidBody { extra }),
        bare(|extra| R::ConfigMissingApiKey { extra }),
        bare(|extra| R::ConfigInvalidBaseUrl { extra }),
        bare(|extra| R::ConfigMissingWebhookSecret { extra }),
        bare(|extra| R::AuthTokenExpired { extra }),
        bare(|extra| R::AuthInvalidCredentials { extra }),
        bare(|extra| R::AuthEmailNotVerified { extra }),
    ]
}

pub(crate) fn cv_variants() -> Vec<BoxedStrategy<CvError>> {
    use CvError as C;
    type Make = fn(Option<String>, Option<String>) -> CvError;
    let plain: [Make; 15] = [
        |details, field| C::AuthenticationFailed {
            details,
            field,
            extra: x(),
        },
        |details, field| C::TokenExpired {
            details,
            field,
            extra: x(),
        },
        |details, field| C::InsufficientPermissions {
            details,
            field,
            extra: x(),
        },
        |details, field| C::ValidationError {
            details,
            field,
            extra: x(),
        },
        |details, field| C::InvalidFieldFormat {
            details,
            field,
            extra: x(),
        },
        |details, field| C::InvalidDocumentFormat {
            details,
            field,
            extra: x(),
        },
        |details, field| C::ResourceNotFound {
            details,
            field,
            extra: x(),
        },
        |details, field| C::ResourceConflict {
            details,
            field,
            extra: x(),
        },
        |details, field| C::DuplicateResource {
            details,
            field,
            extra: x(),
        },
        |details, field| C::VerificationFailed {
            details,
            field,
            extra: x(),
        },
        |details, field| C::DocumentQualityInsufficient {
            details,
            field,
            extra: x(),
        },
        |details, field| C::InternalServerError {
            details,
            field,
            extra: x(),
        },
        |details, field| C::ServiceUnavailable {
            details,
            field,
            extra: x(),
        },
        |details, field| C::WebhookSignatureInvalid {
            details,
            field,
            extra: x(),
        },
        |details, field| C::WebhookDeliveryFailed {
            details,
            field,
            extra: x(),
        },
    ];
    let mut v: Vec<BoxedStrategy<CvError>> = plain
        .into_iter()
        .map(|make| {
            (opt(text()), opt(text()))
                .prop_map(move |(d, f)| make(d, f))
                .boxed()
        })
        .collect();
    v.push(
        (any::<u64>(), opt(text()), opt(text()))
            .prop_map(|(retry_after, details, field)| C::RateLimitExceeded {
                retry_after,
                details,
                field,
                extra: x(),
            })
            .boxed(),
    );
    v
}

pub(crate) fn aironclaw_variants() -> Vec<BoxedStrategy<AironclawError>> {
    use AironclawError as A;
    // `{field}: {reason}`: the field holds no `": "` and is not `auth.jwksJson`
    // (`auth.jwksJson: {reason}` has the higher priority).
    let middle_field = pattern_text().prop_filter("separator or higher-priority prefix", |f| {
        !f.contains(": ") && f != "auth.jwksJson"
    });
    vec![
        prop_oneof![Just(x()), Just(said_extra("name is required"))]
            .prop_map(|extra| A::MissingRequiredField { extra })
            .boxed(),
        bare(|extra| A::InvalidJsonBody { extra }),
        pattern_text()
            .prop_map(|reason| A::InvalidJwksJson { reason, extra: x() })
            .boxed(),
        (middle_field, pattern_text())
            .prop_map(|(field, reason)| A::RuleSchemaRejected {
                field,
                reason,
                extra: x(),
            })
            .boxed(),
        bare(|extra| A::InvalidKeyName { extra }),
        bare(|extra| A::UriAlreadyInUse { extra }),
        bare(|extra| A::InvalidBeforeParam { extra }),
        any::<u32>()
            .prop_map(|index| A::ToolNotFound { index, extra: x() })
            .boxed(),
        bare(|extra| A::NotAuthenticated { extra }),
        bare(|extra| A::InvalidPersonalAccessToken { extra }),
        bare(|extra| A::MfaRequired { extra }),
        bare(|extra| A::PersonalAccessTokenNotAccepted { extra }),
        (any::<u32>(), any::<u32>(), pattern_text())
            .prop_map(|(used, limit, rest)| A::McpLimitReached {
                used,
                limit,
                rest,
                extra: x(),
            })
            .boxed(),
        (any::<u32>(), any::<u32>(), pattern_text())
            .prop_map(|(used, limit, rest)| A::ApiKeyLimitReached {
                used,
                limit,
                rest,
                extra: x(),
            })
            .boxed(),
        bare(|extra| A::Forbidden { extra }),
        bare(|extra| A::CannotModifyPersonalToken { extra }),
        bare(|extra| A::McpServerNotFound { extra }),
        bare(|extra| A::LlmProxyNotFound { extra }),
        bare(|extra| A::KeyNotFound { extra }),
        bare(|extra| A::ResourceNotFound { extra }),
        bare(|extra| A::EndpointNotFound { extra }),
        bare(|extra| A::TwoFactorAlreadyEnabled { extra }),
        bare(|extra| A::TwoFactorNotEnabled { extra }),
        bare(|extra| A::KeyMissingNameTag { extra }),
        // Identified by its status alone (no pattern): any received message.
        message()
            .prop_map(|m| said(A::TwoFactorChallengeRateLimited { extra: x() }, m))
            .boxed(),
        prop_oneof![Just(x()), Just(said_extra("Failed to update permissions"))]
            .prop_map(|extra| A::GatewayAdminFailed { extra })
            .boxed(),
        pattern_text()
            .prop_map(|upstream| A::UpstreamMcpError {
                upstream,
                extra: x(),
            })
            .boxed(),
        bare(|extra| A::RedisUnavailable { extra }),
        bare(|extra| A::IpTemporarilyBanned { extra }),
    ]
}

/// Only the AIronClaw variants with fields (all read from the message).
pub(crate) fn aironclaw_captured() -> BoxedStrategy<AironclawError> {
    let with_fields: Vec<_> = aironclaw_variants()
        .into_iter()
        .filter(|s| {
            let mut runner = TestRunner::deterministic();
            let e = s.new_tree(&mut runner).expect("a value").current();
            !e.details().is_empty()
        })
        .collect();
    assert_eq!(with_fields.len(), 6, "six AIronClaw errors have fields");
    Union::new(with_fields).boxed()
}
