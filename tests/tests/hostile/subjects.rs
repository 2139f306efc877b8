//! The enums under test, classifying a body with every one of them, and the
//! bodies the parts build.

use std::fmt::Debug;

use error_catalog::problem::Problem;
use error_catalog::{ApiError, Extra, FromResponse, UnknownError};
use error_catalog_services::aironclaw::AironclawError;
use error_catalog_services::customer_verification::CustomerVerificationError as CvError;
use error_catalog_services::kya::KyaError;
use error_catalog_services::moca_air::MocaAirError;
use error_catalog_services::rakomi::RakomiError;
use serde_json::Value;

use crate::measure::{elapsed_ms, measure, within_bound, MB};

/// A small inline enum with every numeric type and a JSON field.
#[derive(Debug, Clone, PartialEq, ApiError)]
#[api_error(wire = "flat")]
pub(crate) enum Numbers {
    #[api_error(code = "NUMBERS", status = 400, message = "numbers")]
    Numbers {
        small: i32,
        signed: i64,
        unsigned: u64,
        byte: u8,
        float: f64,
        json: Value,
        maybe: Option<f64>,
        #[api_error(extra)]
        extra: Extra,
    },
    #[api_error(unknown)]
    Unknown(UnknownError),
}

pub(crate) trait Subject:
    ApiError + FromResponse + serde::Serialize + Debug + PartialEq + Sized
{
    fn unknown(&self) -> Option<&UnknownError>;
    fn extra(&self) -> Option<&Extra>;
}

macro_rules! subject {
    ($($e:ident: [$($v:ident),+ $(,)?]);+ $(;)?) => {$(
        impl Subject for $e {
            fn unknown(&self) -> Option<&UnknownError> {
                match self {
                    $e::Unknown(u) => Some(u),
                    _ => None,
                }
            }
            fn extra(&self) -> Option<&Extra> {
                match self {
                    $($e::$v { extra, .. })|+ => Some(extra),
                    $e::Unknown(_) => None,
                    // (the enum is `#[non_exhaustive]`: the count below keeps
                    // this list complete)
                    #[allow(unreachable_patterns)]
                    _ => unreachable!("a variant missing from `subject!`"),
                }
            }
        }
        // every variant is listed: as many names as the catalog has errors
        const _: () = assert!(
            [$(stringify!($v)),+].len() == <$e as error_catalog::ErrorCatalog>::CODES.len()
        );
    )+};
}

subject! {
    MocaAirError: [
        InvalidRequestFields, InvalidPartnerJwt, FeatureNotEnabled, UnknownIssuerOrProgram,
        ConsentRejectedOrDuplicate, ServerError, InvalidSignature, TokenExpired,
        JwksEndpointUnreachable, KidNotFound, MissingTypHeader, RateLimited,
    ];
    KyaError: [
        ValidationError, SignatureInvalid, ReplayDetected, AgentNotFound, RpcError,
        InternalError, InvalidApiKey, KeyAlreadyExists, RateLimited, TierBlocked,
        InsufficientDeposit, RelayFailed,
    ];
    RakomiError: [
        TokenExpired, TokenInvalidSignature, TokenMalformed, TokenInvalidAlgorithm,
        TokenMissingClaims, TokenInvalidIssuer, TokenNotYetValid, TokenMissing,
        TokenInternalError, JwksFetchFailed, JwksNoMatchingKey, JwksInvalidResponse,
        WebhookTimestampExpired, WebhookInvalidSignature, WebhookMissingHeader,
        WebhookInvalidBody, ConfigMissingApiKey, ConfigInvalidBaseUrl,
        ConfigMissingWebhookSecret, AuthTokenExpired, AuthInvalidCredentials,
        AuthEmailNotVerified,
    ];
    AironclawError: [
        MissingRequiredField, InvalidJsonBody, InvalidJwksJson, RuleSchemaRejected,
        InvalidKeyName, UriAlreadyInUse, InvalidBeforeParam, ToolNotFound,
        NotAuthenticated, InvalidPersonalAccessToken, MfaRequired,
        PersonalAccessTokenNotAccepted, McpLimitReached, ApiKeyLimitReached, Forbidden,
        CannotModifyPersonalToken, McpServerNotFound, LlmProxyNotFound, KeyNotFound,
        ResourceNotFound, EndpointNotFound, TwoFactorAlreadyEnabled, TwoFactorNotEnabled,
        KeyMissingNameTag, TwoFactorChallengeRateLimited, GatewayAdminFailed,
        UpstreamMcpError, RedisUnavailable, IpTemporarilyBanned,
    ];
    CvError: [
        AuthenticationFailed, TokenExpired, InsufficientPermissions, ValidationError,
        InvalidFieldFormat, InvalidDocumentFormat, ResourceNotFound, ResourceConflict,
        DuplicateResource, RateLimitExceeded, VerificationFailed,
        DocumentQualityInsufficient, InternalServerError, ServiceUnavailable,
        WebhookSignatureInvalid, WebhookDeliveryFailed,
    ];
    Numbers: [Numbers];
}

/// Classifies `body` (own envelope and problem+json), checking: no panic; the
/// fallback keeps the exact body and the status; a body kept by a typed value is
/// exact; Display, Debug and serialization work; and memory stays bounded.
pub(crate) fn classify<E: Subject>(what: &str, status: u16, body: &[u8]) -> E {
    let name = std::any::type_name::<E>()
        .rsplit("::")
        .next()
        .unwrap_or("?");
    let (e, peak) = measure(|| E::from_response(status, body));
    within_bound(&format!("{what}: {name}::from_response"), peak, body.len());
    check_value(what, status, body, &e);

    let (len, peak) = measure(|| e.to_string().len());
    within_bound(&format!("{what}: {name} Display"), peak, body.len());
    assert!(len <= body.len() + 1024, "{what}: Display of {len} B");

    // problem+json reading and serializing are the same code for every enum; for
    // big bodies (slow when unoptimized) they are done for KYA's only.
    if body.len() > MB && name != "KyaError" {
        return e;
    }
    let (p, peak) = measure(|| E::from_problem_json(status, body));
    within_bound(
        &format!("{what}: {name}::from_problem_json"),
        peak,
        body.len(),
    );
    check_value(what, status, body, &p);
    let (_, peak) = measure(|| serde_json::to_vec(&Problem(&e)).map(|v| v.len()));
    println!(
        "memory  {:<70} body {:>9} B  peak {peak:>10} B  ratio {:>6.2}x  {:>8.1} ms (not bounded)",
        format!("{what}: {name} problem+json"),
        body.len(),
        peak as f64 / body.len().max(1) as f64,
        elapsed_ms()
    );
    let (_, peak) = measure(|| serde_json::to_vec(&e).map(|v| v.len()));
    println!(
        "memory  {:<70} body {:>9} B  peak {peak:>10} B  ratio {:>6.2}x  {:>8.1} ms (not bounded)",
        format!("{what}: {name} serialize"),
        body.len(),
        peak as f64 / body.len().max(1) as f64,
        elapsed_ms()
    );
    e
}

pub(crate) fn check_value<E: Subject>(what: &str, status: u16, body: &[u8], e: &E) {
    // Debug escapes the whole body char by char: slow for megabytes unoptimized.
    if body.len() <= 64 * 1024 {
        let _ = format!("{e:?}").len();
    }
    let _ = e.details();
    let _ = e.retry();
    match e.unknown() {
        Some(u) => {
            assert!(
                u.body() == body,
                "{what}: the fallback keeps the exact body"
            );
            assert_eq!(u.status(), Some(status), "{what}: status");
            assert!(u.reason().is_some(), "{what}: a reason");
        }
        None => {
            assert!(e.is_known(), "{what}: known");
            if let Some(kept) = e.extra().and_then(Extra::body) {
                assert!(kept == body, "{what}: a kept body is exact");
            }
        }
    }
}

/// Classifies with all five bundled enums and the numbers enum.
pub(crate) fn classify_all(what: &str, status: u16, body: &[u8]) -> Outcomes {
    Outcomes {
        moca: classify(what, status, body),
        kya: classify(what, status, body),
        rakomi: classify(what, status, body),
        aironclaw: classify(what, status, body),
        cv: classify(what, status, body),
        numbers: classify(what, status, body),
    }
}

pub(crate) struct Outcomes {
    pub(crate) moca: MocaAirError,
    pub(crate) kya: KyaError,
    pub(crate) rakomi: RakomiError,
    pub(crate) aironclaw: AironclawError,
    pub(crate) cv: CvError,
    pub(crate) numbers: Numbers,
}

impl Outcomes {
    /// Every enum fell back.
    pub(crate) fn all_unknown(&self, what: &str) {
        self.all_unknown_but_moca(what);
        assert!(
            self.moca.unknown().is_some(),
            "{what}: moca {:?}",
            self.moca
        );
    }

    /// Every enum but the status-identified one fell back (that one is typed by the
    /// status when it knows it, keeping the body).
    pub(crate) fn all_unknown_but_moca(&self, what: &str) {
        assert!(self.kya.unknown().is_some(), "{what}: kya {:?}", self.kya);
        assert!(
            self.rakomi.unknown().is_some(),
            "{what}: rakomi {:?}",
            self.rakomi
        );
        assert!(
            self.aironclaw.unknown().is_some(),
            "{what}: aironclaw {:?}",
            self.aironclaw
        );
        assert!(self.cv.unknown().is_some(), "{what}: cv {:?}", self.cv);
        assert!(
            self.numbers.unknown().is_some(),
            "{what}: numbers {:?}",
            self.numbers
        );
    }
}

/// A status none of the enums knows.
pub(crate) const TEAPOT: u16 = 418;

/// Deterministic pseudo-random bytes (xorshift64*).
pub(crate) fn garbage(len: usize, seed: u64) -> Vec<u8> {
    let mut s = seed | 1;
    let mut out = Vec::with_capacity(len + 8);
    while out.len() < len {
        s ^= s >> 12;
        s ^= s << 25;
        s ^= s >> 27;
        out.extend_from_slice(&s.wrapping_mul(0x2545_f491_4f6c_dd1d).to_le_bytes());
    }
    out.truncate(len);
    out
}

pub(crate) fn kya_body(error: &str, code: &str, details: &str) -> Vec<u8> {
    format!(r#"{{"error": {error}, "errorType": {code}, "details": {details}, "timestamp": 1707408000000}}"#)
        .into_bytes()
}
