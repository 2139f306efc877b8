//! Property tests: any value of any generated enum survives its own envelope and
//! problem+json; Display never panics; classifying arbitrary bytes never panics and
//! a fallback keeps the exact body.
//!
//! Values are generated for every variant of the five bundled enums and of six
//! inline enums (one per wire preset) whose variants carry every detail type the
//! format knows (`String`, `bool`, `i32`, `i64`, `u8`, `u16`, `u32`, `u64`, `f64`,
//! `serde_json::Value`, and `Option` of each).
//!
//! Constraints on generated values, each forced by what the wire can carry back:
//!
//! - `f64` values are finite (JSON has no NaN or infinity).
//! - `Option<serde_json::Value>` is never `Some(Value::Null)`: on the wire that is
//!   `null`, which reads back as `None`.
//! - A received message kept in `Extra` differs from the message the template
//!   renders (an equal one is not kept twice, by design). For enums identified by
//!   message or status it also must not be a message that identifies a different
//!   error, so only the patterns an error lists are used there.
//! - AIronClaw's message-only variants read their fields back from the message:
//!   - a text placeholder that is the LAST thing in the message may hold anything
//!     (`InvalidJwksJson.reason`, `RuleSchemaRejected.reason`, `McpLimitReached.rest`,
//!     `ApiKeyLimitReached.rest`, `UpstreamMcpError.upstream`);
//!   - a text placeholder in the middle must not contain the literal that follows it
//!     (`RuleSchemaRejected.field` holds no `": "`), and must not make the message
//!     match a pattern of higher priority (`RuleSchemaRejected.field` is not
//!     `auth.jwksJson`, which would read as `InvalidJwksJson`);
//!   - integer placeholders (`ToolNotFound.index`, `used`, `limit`) take any `u32`.

use std::collections::BTreeSet;
use std::fmt::Debug;

use error_catalog::problem::Problem;
use error_catalog::{ApiError, ErrorCatalog, Extra, FromResponse, UnknownError};
use error_catalog_services::aironclaw::AironclawError;
use error_catalog_services::customer_verification::CustomerVerificationError as CvError;
use error_catalog_services::kya::KyaError;
use error_catalog_services::moca_air::MocaAirError;
use error_catalog_services::rakomi::RakomiError;
use proptest::prelude::*;
use proptest::strategy::{Union, ValueTree};
use proptest::test_runner::TestRunner;
use serde_json::Value;

/// Cases per property: enough to find shallow bugs, small enough for 2 cores.
const CASES: u32 = 256;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: CASES,
        // Shrinking long strings is slow; the failure message carries the value.
        max_shrink_iters: 2048,
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------------------
// The harness
// ---------------------------------------------------------------------------

/// What every enum under test offers.
trait Subject:
    ApiError + FromResponse + ErrorCatalog + serde::Serialize + Debug + PartialEq + Clone
{
    /// The fallback, when the value is one.
    fn unknown(&self) -> Option<&UnknownError>;
    /// The received-members field of a known variant, when it has one.
    fn extra_mut(&mut self) -> Option<&mut Extra>;
    /// `serde_json::from_slice::<Self>` where the enum implements `Deserialize`
    /// (code-identified wires).
    fn deserialize(_body: &[u8]) -> Option<Result<Self, serde_json::Error>> {
        None
    }
}

fn extra_of<E: Subject>(e: &E) -> Option<Extra> {
    e.clone().extra_mut().map(|x| x.clone())
}

/// Implements [`Subject`] listing every variant that has an `extra` field and every
/// one without: a constant checks that as many are listed as the catalog has
/// errors, so a variant missing here (and from the strategies below) is a
/// compile error (the enum itself is `#[non_exhaustive]`).
macro_rules! subject {
    ($e:ident { extra: [$($v:ident),+ $(,)?] $(, bare: [$($b:ident),+ $(,)?])? } $($de:ident)?) => {
        // every variant is listed: as many names as the catalog has errors
        const _: () = assert!(
            [$(stringify!($v)),+ $($(, stringify!($b))+)?].len()
                == <$e as ErrorCatalog>::CODES.len()
        );
        impl Subject for $e {
            fn unknown(&self) -> Option<&UnknownError> {
                match self {
                    $e::Unknown(u) => Some(u),
                    _ => None,
                }
            }
            fn extra_mut(&mut self) -> Option<&mut Extra> {
                match self {
                    $($e::$v { extra, .. })|+ => Some(extra),
                    $($($e::$b)|+ => None,)?
                    $e::Unknown(_) => None,
                    // (the enum is `#[non_exhaustive]`: the count below keeps
                    // this list complete)
                    #[allow(unreachable_patterns)]
                    _ => unreachable!("a variant missing from `subject!`"),
                }
            }
            $(
                fn deserialize(body: &[u8]) -> Option<Result<Self, serde_json::Error>> {
                    let $de = serde_json::from_slice::<$e>(body);
                    Some($de)
                }
            )?
        }
    };
}

fn text_of(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// The status a value is received with: its own, or 400 for errors without one.
fn status_of<E: ApiError>(e: &E) -> u16 {
    e.status().unwrap_or(400)
}

/// Sets a received message on a known value, unless it is what the template renders
/// (which is never kept).
fn said<E: Subject>(mut e: E, message: Option<String>) -> E {
    if let Some(m) = message {
        if e.to_string() != m {
            if let Some(x) = e.extra_mut() {
                x.set_message(m);
            }
        }
    }
    e
}

/// The round trip: own envelope, `Deserialize` where there is one, problem+json.
fn check_roundtrip<E: Subject>(e: &E) -> Result<(), TestCaseError> {
    let display = e.to_string();
    prop_assert!(e.is_known(), "generated values are known: {:?}", e);
    let status = status_of(e);

    let wire = serde_json::to_vec(e).expect("serializing");
    let back = E::from_response(status, &wire);
    prop_assert_eq!(&back, e, "through its envelope {}", text_of(&wire));
    prop_assert_eq!(back.to_string(), display.clone());
    prop_assert_eq!(
        serde_json::to_vec(&back).expect("serializing"),
        wire.clone(),
        "serializes the same way twice"
    );
    if let Some(d) = E::deserialize(&wire) {
        let d = d.map_err(|err| TestCaseError::fail(format!("Deserialize: {err}")))?;
        prop_assert_eq!(&d, e, "through Deserialize of {}", text_of(&wire));
    }

    let problem = serde_json::to_vec(&Problem(e)).expect("problem+json");
    let back = E::from_problem_json(status, &problem);
    prop_assert_eq!(&back, e, "through problem+json {}", text_of(&problem));
    Ok(())
}

/// Classifies arbitrary bytes: never panics; Display and serialization work; a
/// fallback keeps the status and the exact bytes; a value identified by status
/// from a body that is not JSON keeps the exact bytes too.
fn check_any_body<E: Subject>(status: u16, body: &[u8]) -> Result<(), TestCaseError> {
    for (how, e) in [
        ("from_response", E::from_response(status, body)),
        ("from_problem_json", E::from_problem_json(status, body)),
    ] {
        let _ = e.to_string();
        let _ = format!("{e:?}");
        let _ = e.details();
        let _ = e.retry();
        let _ = serde_json::to_vec(&e);
        let _ = serde_json::to_vec(&Problem(&e));
        match e.unknown() {
            Some(u) => {
                prop_assert_eq!(u.body(), body, "{}: fallback keeps the body", how);
                prop_assert_eq!(
                    u.status(),
                    Some(status),
                    "{}: fallback keeps the status",
                    how
                );
                prop_assert!(!e.is_known());
            }
            None => {
                prop_assert!(e.is_known());
                if let Some(kept) = extra_of(&e).as_ref().and_then(|x| x.body()) {
                    prop_assert_eq!(kept, body, "{}: kept body", how);
                }
            }
        }
    }
    // `Deserialize` never fails on a JSON value serde_json can hold (whatever it is
    // not becomes the fallback). Numbers beyond f64 are valid JSON that serde_json
    // cannot hold: see `hostile.rs`, `deserialize_of_a_number_beyond_f64`.
    if serde_json::from_slice::<Value>(body).is_ok() {
        if let Some(d) = E::deserialize(body) {
            let d = d.map_err(|err| {
                TestCaseError::fail(format!("Deserialize of {}: {err}", text_of(body)))
            })?;
            let _ = d.to_string();
        }
    }
    Ok(())
}

/// Every code of the catalog is produced by one of the per-variant strategies, and
/// each strategy produces the variant its `CodeInfo` names.
fn covers_every_code<E: Subject>(what: &str, variants: Vec<BoxedStrategy<E>>) {
    let mut runner = TestRunner::deterministic();
    let mut have = BTreeSet::new();
    for s in variants {
        for _ in 0..4 {
            let e = s.new_tree(&mut runner).expect("a value").current();
            let info = e
                .info()
                .unwrap_or_else(|| panic!("{what}: {e:?} is not known"));
            assert!(
                format!("{e:?}").starts_with(info.variant),
                "{what}: {e:?} has the CodeInfo of {}",
                info.variant
            );
            have.insert(info.code);
        }
    }
    let want: BTreeSet<&str> = E::CODES.iter().map(|i| i.code).collect();
    assert_eq!(have, want, "{what}: every code has a strategy");
}

// ---------------------------------------------------------------------------
// Value strategies
// ---------------------------------------------------------------------------

/// Any text: arbitrary Unicode, and short strings dense in the characters JSON and
/// templates treat specially (quotes, backslashes, braces, controls, separators).
fn text() -> BoxedStrategy<String> {
    prop_oneof![
        3 => any::<String>(),
        2 => "[a-z0-9 ]{0,12}",
        3 => r#"[\\"{}\[\]/~:.,() \x{0}-\x{1f}\x{7f}\x{2028}\x{fffd}é✓😀a-c]{0,16}"#,
        1 => Just(String::new()),
    ]
    .boxed()
}

/// Text made of the literals AIronClaw's message patterns are built from, so that
/// captured fields often hold separators and look-alike prefixes.
fn pattern_text() -> BoxedStrategy<String> {
    const PIECES: &[&str] = &[
        ": ",
        ":",
        " ",
        "auth.jwksJson",
        "auth.jwksJson: ",
        "MCP limit reached (",
        "API key limit reached (",
        "/",
        "). ",
        ")",
        ".",
        "tools[",
        "] not found on this MCP server",
        "0",
        "42",
        "-1",
        "{x}",
        "{{",
        "é",
        "",
    ];
    prop_oneof![
        1 => text(),
        2 => prop::collection::vec(prop::sample::select(PIECES), 0..6).prop_map(|p| p.concat()),
    ]
    .boxed()
}

fn finite_f64() -> BoxedStrategy<f64> {
    prop_oneof![
        any::<f64>().prop_filter("finite", |f| f.is_finite()),
        Just(0.0),
        Just(-0.0),
        Just(f64::MAX),
        Just(f64::MIN),
        Just(f64::MIN_POSITIVE),
        Just(5e-324),
        Just(0.1 + 0.2),
    ]
    .boxed()
}

/// Any JSON value (finite numbers only), a few levels deep.
fn json() -> BoxedStrategy<Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        finite_f64().prop_map(Value::from),
        text().prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(text(), inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
    .boxed()
}

/// `Option<Value>` that can travel: never `Some(null)`.
fn opt_json() -> BoxedStrategy<Option<Value>> {
    proptest::option::of(json().prop_filter("Some(null) reads back as None", |v| !v.is_null()))
        .boxed()
}

fn opt<T: Debug + Clone + 'static>(
    s: impl Strategy<Value = T> + 'static,
) -> BoxedStrategy<Option<T>> {
    proptest::option::of(s).boxed()
}

/// A received message, or none.
fn message() -> BoxedStrategy<Option<String>> {
    opt(text())
}

fn x() -> Extra {
    Extra::default()
}

fn said_extra(m: &str) -> Extra {
    let mut e = Extra::default();
    e.set_message(m);
    e
}

/// The union of per-variant strategies, each value given a received message or not.
fn with_messages<E: Subject + 'static>(variants: Vec<BoxedStrategy<E>>) -> BoxedStrategy<E> {
    (Union::new(variants), message())
        .prop_map(|(e, m)| said(e, m))
        .boxed()
}

// ---------------------------------------------------------------------------
// The bundled enums
// ---------------------------------------------------------------------------

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
fn bare<E: Debug + 'static>(make: fn(Extra) -> E) -> BoxedStrategy<E> {
    Just(()).prop_map(move |()| make(x())).boxed()
}

/// Moca's message patterns (the `matches` of its JWT errors): a received message
/// equal to one of these identifies that error instead.
const MOCA_PATTERNS: &[&str] = &[
    "Invalid signature",
    "JWT verification failed",
    "Token expired",
    "JWKS endpoint unreachable",
    "kid not found",
    "Missing typ header",
];

fn moca_variants() -> Vec<BoxedStrategy<MocaAirError>> {
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

fn moca() -> BoxedStrategy<MocaAirError> {
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

fn kya_variants() -> Vec<BoxedStrategy<KyaError>> {
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

fn rakomi_variants() -> Vec<BoxedStrategy<RakomiError>> {
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

fn cv_variants() -> Vec<BoxedStrategy<CvError>> {
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

fn aironclaw_variants() -> Vec<BoxedStrategy<AironclawError>> {
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
fn aironclaw_captured() -> BoxedStrategy<AironclawError> {
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

// ---------------------------------------------------------------------------
// One inline enum per wire preset, carrying every detail type
// ---------------------------------------------------------------------------

/// An enum with a variant of every required type, one of every optional type and a
/// unit variant. With `at`, every field has its own pointer (`/text`, ...), for the
/// presets without a fields object.
macro_rules! all_types {
    ($name:ident, $wire:literal, $req:literal, $opt:literal) => {
        #[derive(Debug, Clone, PartialEq, ApiError)]
        #[api_error(wire = $wire)]
        enum $name {
            #[api_error(code = "REQUIRED", status = 400, message = $req)]
            Required {
                text: String,
                flag: bool,
                int32: i32,
                int64: i64,
                byte: u8,
                short: u16,
                word: u32,
                long: u64,
                float: f64,
                json: Value,
                #[api_error(extra)]
                extra: Extra,
            },
            #[api_error(code = "OPTIONAL", status = 422, message = $opt)]
            Optional {
                text: Option<String>,
                flag: Option<bool>,
                int32: Option<i32>,
                int64: Option<i64>,
                byte: Option<u8>,
                short: Option<u16>,
                word: Option<u32>,
                long: Option<u64>,
                float: Option<f64>,
                json: Option<Value>,
                #[api_error(extra)]
                extra: Extra,
            },
            #[api_error(
                code = "PLAIN",
                status = 500,
                message = "Plain failure",
                retry = "backoff"
            )]
            Plain,
            #[api_error(unknown)]
            Unknown(UnknownError),
        }
    };
    ($name:ident, $wire:literal, $req:literal, $opt:literal, at) => {
        #[derive(Debug, Clone, PartialEq, ApiError)]
        #[api_error(wire = $wire)]
        enum $name {
            #[api_error(code = "REQUIRED", status = 400, message = $req)]
            Required {
                #[api_error(at = "/text")]
                text: String,
                #[api_error(at = "/flag")]
                flag: bool,
                #[api_error(at = "/int32")]
                int32: i32,
                #[api_error(at = "/int64")]
                int64: i64,
                #[api_error(at = "/byte")]
                byte: u8,
                #[api_error(at = "/short")]
                short: u16,
                #[api_error(at = "/word")]
                word: u32,
                #[api_error(at = "/long")]
                long: u64,
                #[api_error(at = "/float")]
                float: f64,
                #[api_error(at = "/json")]
                json: Value,
                #[api_error(extra)]
                extra: Extra,
            },
            #[api_error(code = "OPTIONAL", status = 422, message = $opt)]
            Optional {
                #[api_error(at = "/text")]
                text: Option<String>,
                #[api_error(at = "/flag")]
                flag: Option<bool>,
                #[api_error(at = "/int32")]
                int32: Option<i32>,
                #[api_error(at = "/int64")]
                int64: Option<i64>,
                #[api_error(at = "/byte")]
                byte: Option<u8>,
                #[api_error(at = "/short")]
                short: Option<u16>,
                #[api_error(at = "/word")]
                word: Option<u32>,
                #[api_error(at = "/long")]
                long: Option<u64>,
                #[api_error(at = "/float")]
                float: Option<f64>,
                #[api_error(at = "/json")]
                json: Option<Value>,
                #[api_error(extra)]
                extra: Extra,
            },
            #[api_error(
                code = "PLAIN",
                status = 500,
                message = "Plain failure",
                retry = "backoff"
            )]
            Plain,
            #[api_error(unknown)]
            Unknown(UnknownError),
        }
    };
}

const REQ_MESSAGE: &str = "required {text} / {flag} / {int32} / {int64} / {byte} / {short} / {word} / {long} / {float} / {json}";
const OPT_MESSAGE: &str = "optional {text} / {flag} / {long} / {float} / {json}";

all_types!(
    StatusAll,
    "status-only",
    "required {text} / {flag} / {int32} / {int64} / {byte} / {short} / {word} / {long} / {float} / {json}",
    "optional {text} / {flag} / {long} / {float} / {json}",
    at
);
all_types!(
    FlatAll,
    "flat",
    "required {text} / {flag} / {int32} / {int64} / {byte} / {short} / {word} / {long} / {float} / {json}",
    "optional {text} / {flag} / {long} / {float} / {json}"
);
all_types!(
    CodedAll,
    "coded",
    "required {text} / {flag} / {int32} / {int64} / {byte} / {short} / {word} / {long} / {float} / {json}",
    "optional {text} / {flag} / {long} / {float} / {json}"
);
// Identified by message: literal messages, so that no field is read from one.
all_types!(
    MessageAll,
    "message-only",
    "every required type",
    "every optional type",
    at
);
all_types!(
    NestedAll,
    "nested",
    "required {text} / {flag} / {int32} / {int64} / {byte} / {short} / {word} / {long} / {float} / {json}",
    "optional {text} / {flag} / {long} / {float} / {json}"
);
all_types!(
    ProblemAll,
    "problem-json",
    "required {text} / {flag} / {int32} / {int64} / {byte} / {short} / {word} / {long} / {float} / {json}",
    "optional {text} / {flag} / {long} / {float} / {json}"
);

subject!(StatusAll {
    extra: [Required, Optional],
    bare: [Plain]
});
subject!(FlatAll { extra: [Required, Optional], bare: [Plain] } de);
subject!(CodedAll { extra: [Required, Optional], bare: [Plain] } de);
subject!(MessageAll {
    extra: [Required, Optional],
    bare: [Plain]
});
subject!(NestedAll { extra: [Required, Optional], bare: [Plain] } de);
subject!(ProblemAll { extra: [Required, Optional], bare: [Plain] } de);

/// The templates above, checked against the `CodeInfo` so the constants stay true.
#[test]
fn inline_templates_are_the_documented_ones() {
    for codes in [
        StatusAll::CODES,
        FlatAll::CODES,
        CodedAll::CODES,
        NestedAll::CODES,
        ProblemAll::CODES,
    ] {
        assert_eq!(codes[0].message, REQ_MESSAGE);
        assert_eq!(codes[1].message, OPT_MESSAGE);
    }
}

/// Per-variant strategies of an all-types enum.
macro_rules! all_types_variants {
    ($name:ident) => {{
        let required = (
            (
                text(),
                any::<bool>(),
                any::<i32>(),
                any::<i64>(),
                any::<u8>(),
            ),
            (
                any::<u16>(),
                any::<u32>(),
                any::<u64>(),
                finite_f64(),
                json(),
            ),
        )
            .prop_map(
                |((text, flag, int32, int64, byte), (short, word, long, float, json))| {
                    $name::Required {
                        text,
                        flag,
                        int32,
                        int64,
                        byte,
                        short,
                        word,
                        long,
                        float,
                        json,
                        extra: x(),
                    }
                },
            )
            .boxed();
        let optional = (
            (
                opt(text()),
                opt(any::<bool>()),
                opt(any::<i32>()),
                opt(any::<i64>()),
                opt(any::<u8>()),
            ),
            (
                opt(any::<u16>()),
                opt(any::<u32>()),
                opt(any::<u64>()),
                opt(finite_f64()),
                opt_json(),
            ),
        )
            .prop_map(
                |((text, flag, int32, int64, byte), (short, word, long, float, json))| {
                    $name::Optional {
                        text,
                        flag,
                        int32,
                        int64,
                        byte,
                        short,
                        word,
                        long,
                        float,
                        json,
                        extra: x(),
                    }
                },
            )
            .boxed();
        vec![required, optional, Just($name::Plain).boxed()]
    }};
}

// ---------------------------------------------------------------------------
// Coverage of the strategies
// ---------------------------------------------------------------------------

#[test]
fn strategies_cover_every_code() {
    covers_every_code("moca_air", moca_variants());
    covers_every_code("kya", kya_variants());
    covers_every_code("rakomi", rakomi_variants());
    covers_every_code("aironclaw", aironclaw_variants());
    covers_every_code("customer_verification", cv_variants());
    covers_every_code("status-only", all_types_variants!(StatusAll));
    covers_every_code("flat", all_types_variants!(FlatAll));
    covers_every_code("coded", all_types_variants!(CodedAll));
    covers_every_code("message-only", all_types_variants!(MessageAll));
    covers_every_code("nested", all_types_variants!(NestedAll));
    covers_every_code("problem-json", all_types_variants!(ProblemAll));
}

// ---------------------------------------------------------------------------
// Round trips
// ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(config())]

    #[test]
    fn moca_air_roundtrips(e in moca()) {
        check_roundtrip(&e)?;
    }

    #[test]
    fn kya_roundtrips(e in with_messages(kya_variants())) {
        check_roundtrip(&e)?;
    }

    #[test]
    fn rakomi_roundtrips(e in with_messages(rakomi_variants())) {
        check_roundtrip(&e)?;
    }

    #[test]
    fn aironclaw_roundtrips(e in Union::new(aironclaw_variants())) {
        check_roundtrip(&e)?;
    }

    /// The variants whose fields are read back from the message, more often.
    #[test]
    fn aironclaw_captured_fields_roundtrip(e in aironclaw_captured()) {
        check_roundtrip(&e)?;
    }

    #[test]
    fn customer_verification_roundtrips(e in with_messages(cv_variants())) {
        check_roundtrip(&e)?;
    }

    #[test]
    fn status_only_every_type_roundtrips(e in with_messages(all_types_variants!(StatusAll))) {
        check_roundtrip(&e)?;
    }

    #[test]
    fn flat_every_type_roundtrips(e in with_messages(all_types_variants!(FlatAll))) {
        check_roundtrip(&e)?;
    }

    #[test]
    fn coded_every_type_roundtrips(e in with_messages(all_types_variants!(CodedAll))) {
        check_roundtrip(&e)?;
    }

    // Identified by message: a received message would have to be a pattern.
    #[test]
    fn message_only_every_type_roundtrips(e in Union::new(all_types_variants!(MessageAll))) {
        check_roundtrip(&e)?;
    }

    #[test]
    fn nested_every_type_roundtrips(e in with_messages(all_types_variants!(NestedAll))) {
        check_roundtrip(&e)?;
    }

    #[test]
    fn problem_json_every_type_roundtrips(e in with_messages(all_types_variants!(ProblemAll))) {
        check_roundtrip(&e)?;
    }
}

// ---------------------------------------------------------------------------
// Arbitrary bodies
// ---------------------------------------------------------------------------

/// Every code and message template of the enums, for bodies that nearly classify.
fn known_words() -> Vec<String> {
    let mut words: BTreeSet<String> = BTreeSet::new();
    for codes in [
        MocaAirError::CODES,
        KyaError::CODES,
        RakomiError::CODES,
        AironclawError::CODES,
        CvError::CODES,
        FlatAll::CODES,
    ] {
        for i in codes {
            words.insert(i.code.to_string());
            words.insert(i.message.to_string());
        }
    }
    for m in MOCA_PATTERNS {
        words.insert(m.to_string());
    }
    words.extend(
        [
            "MCP limit reached (3/3). x",
            "tools[7] not found on this MCP server",
            "auth.jwksJson: bad",
            "a: b",
        ]
        .map(String::from),
    );
    words.into_iter().collect()
}

/// A JSON value that is a code or a message some enum knows, or anything.
fn word_or_any() -> BoxedStrategy<Value> {
    let words = known_words();
    prop_oneof![
        3 => prop::sample::select(words).prop_map(Value::String),
        1 => json(),
    ]
    .boxed()
}

/// Objects shaped like every preset at once, with known codes and messages and
/// arbitrary details of arbitrary types.
const KEYS: &[&str] = &[
    "error",
    "errorType",
    "code",
    "message",
    "details",
    "detail",
    "type",
    "title",
    "status",
    "fields",
    "timestamp",
    "agentId",
    "tier",
    "limit",
    "retryAfter",
    "text",
    "flag",
    "int32",
    "int64",
    "byte",
    "short",
    "word",
    "long",
    "float",
    "json",
];

fn near_miss_body() -> BoxedStrategy<Vec<u8>> {
    let member = (prop::sample::select(KEYS), word_or_any());
    let nested = prop::collection::vec(member.clone(), 0..6)
        .prop_map(|m| Value::Object(m.into_iter().map(|(k, v)| (k.to_string(), v)).collect()));
    let top = prop::collection::vec(
        (
            prop::sample::select(KEYS),
            prop_oneof![2 => word_or_any(), 1 => nested],
        ),
        0..8,
    );
    top.prop_map(|m| {
        let v = Value::Object(m.into_iter().map(|(k, v)| (k.to_string(), v)).collect());
        serde_json::to_vec(&v).expect("serializing")
    })
    .boxed()
}

/// A serialized error of some enum, cut short or with a byte changed or inserted.
fn mangled_body() -> BoxedStrategy<Vec<u8>> {
    let valid = prop_oneof![
        with_messages(kya_variants()).prop_map(|e| serde_json::to_vec(&e).unwrap()),
        Union::new(aironclaw_variants()).prop_map(|e| serde_json::to_vec(&e).unwrap()),
        with_messages(cv_variants()).prop_map(|e| serde_json::to_vec(&e).unwrap()),
        with_messages(all_types_variants!(ProblemAll))
            .prop_map(|e| serde_json::to_vec(&Problem(&e)).unwrap()),
        with_messages(all_types_variants!(FlatAll)).prop_map(|e| serde_json::to_vec(&e).unwrap()),
    ];
    (valid, any::<prop::sample::Index>(), any::<u8>(), 0..3u8)
        .prop_map(|(mut body, at, byte, how)| {
            if body.is_empty() {
                return body;
            }
            let i = at.index(body.len());
            match how {
                0 => body.truncate(i),
                1 => body[i] = byte,
                _ => body.insert(i, byte),
            }
            body
        })
        .boxed()
}

fn any_body() -> BoxedStrategy<Vec<u8>> {
    prop_oneof![
        2 => prop::collection::vec(any::<u8>(), 0..256),
        1 => text().prop_map(String::into_bytes),
        2 => json().prop_map(|v| serde_json::to_vec(&v).unwrap()),
        4 => near_miss_body(),
        3 => mangled_body(),
    ]
    .boxed()
}

fn any_status() -> BoxedStrategy<u16> {
    prop_oneof![
        3 => prop::sample::select(vec![
            0u16, 100, 200, 400, 401, 403, 404, 409, 410, 422, 429, 500, 502, 503, 599, 600,
            u16::MAX,
        ]),
        1 => any::<u16>(),
    ]
    .boxed()
}

fn check_all(status: u16, body: &[u8]) -> Result<(), TestCaseError> {
    check_any_body::<MocaAirError>(status, body)?;
    check_any_body::<KyaError>(status, body)?;
    check_any_body::<RakomiError>(status, body)?;
    check_any_body::<AironclawError>(status, body)?;
    check_any_body::<CvError>(status, body)?;
    check_any_body::<StatusAll>(status, body)?;
    check_any_body::<FlatAll>(status, body)?;
    check_any_body::<CodedAll>(status, body)?;
    check_any_body::<MessageAll>(status, body)?;
    check_any_body::<NestedAll>(status, body)?;
    check_any_body::<ProblemAll>(status, body)?;
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_body_classifies_without_panicking(status in any_status(), body in any_body()) {
        check_all(status, &body)?;
    }

    #[test]
    fn arbitrary_bytes_classify_without_panicking(
        status in any::<u16>(),
        body in prop::collection::vec(any::<u8>(), 0..1024),
    ) {
        check_all(status, &body)?;
    }

    /// Display of anything from_response produces never panics, and a known value
    /// produced from any body serializes to a body that classifies as the same code.
    #[test]
    fn a_known_result_reclassifies_as_itself(status in any_status(), body in near_miss_body()) {
        reclassifies::<KyaError>(status, &body)?;
        reclassifies::<RakomiError>(status, &body)?;
        reclassifies::<CvError>(status, &body)?;
        reclassifies::<FlatAll>(status, &body)?;
        reclassifies::<CodedAll>(status, &body)?;
        reclassifies::<NestedAll>(status, &body)?;
        reclassifies::<ProblemAll>(status, &body)?;
    }
}

/// A known value classified from any body, serialized and classified again at the
/// same status, is the same code again (the envelope it writes identifies it).
fn reclassifies<E: Subject>(status: u16, body: &[u8]) -> Result<(), TestCaseError> {
    let e = E::from_response(status, body);
    if e.is_known() {
        let wire = serde_json::to_vec(&e).expect("serializing");
        let again = E::from_response(status, &wire);
        prop_assert_eq!(
            again.code(),
            e.code(),
            "{} from {} wrote {} which reads as {:?}",
            e.code(),
            text_of(body),
            text_of(&wire),
            again
        );
    }
    Ok(())
}
