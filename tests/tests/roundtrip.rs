//! Values survive their own envelope and problem+json: for every wire preset (a
//! small inline enum each) and every variant of the five bundled enums, serialize,
//! parse back with the error's status, and get an equal value.

use std::collections::BTreeSet;
use std::fmt::Debug;

use error_catalog::problem::Problem;
use error_catalog::{ApiError, ErrorCatalog, Extra, FromResponse, UnknownError};
use error_catalog_services::aironclaw::AironclawError;
use error_catalog_services::customer_verification::CustomerVerificationError as CvError;
use error_catalog_services::kya::KyaError;
use error_catalog_services::moca_air::MocaAirError;
use error_catalog_services::rakomi::RakomiError;
use serde_json::value::RawValue;
use serde_json::{json, Value};

// ---------------------------------------------------------------------------
// Harness
// ---------------------------------------------------------------------------

/// `serde::Serialize` and, for code-identified wires, `Deserialize`, without naming
/// serde (not a dependency of this crate).
trait Wire: ApiError + FromResponse + Debug + PartialEq + Sized {
    fn to_wire(&self) -> Vec<u8>;
    /// `serde_json::from_slice::<Self>`, where the enum implements `Deserialize`.
    fn deserialize(_body: &[u8]) -> Option<Result<Self, serde_json::Error>> {
        None
    }
}

macro_rules! wire {
    ($($t:ty),* $(,)?) => {$(
        impl Wire for $t {
            fn to_wire(&self) -> Vec<u8> {
                serde_json::to_vec(self).expect("serializing")
            }
        }
    )*};
}

macro_rules! wire_de {
    ($($t:ty),* $(,)?) => {$(
        impl Wire for $t {
            fn to_wire(&self) -> Vec<u8> {
                serde_json::to_vec(self).expect("serializing")
            }
            fn deserialize(body: &[u8]) -> Option<Result<Self, serde_json::Error>> {
                Some(serde_json::from_slice::<$t>(body))
            }
        }
    )*};
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// The status a value is received with: its own, or (for errors without one) 400.
fn status_of<E: ApiError>(e: &E) -> u16 {
    e.status().unwrap_or(400)
}

/// Serializes into the envelope and parses back (and through `Deserialize`).
fn through_envelope<E: Wire>(what: &str, e: &E) {
    let status = status_of(e);
    let wire = e.to_wire();
    let back = E::from_response(status, &wire);
    assert_eq!(
        &back,
        e,
        "{what}: {e:?} through its envelope {}",
        text(&wire)
    );
    assert!(back.is_known(), "{what}: {e:?} came back unknown");
    assert_eq!(
        back.to_wire(),
        wire,
        "{what}: {e:?} serializes the same way twice"
    );
    if let Some(d) = E::deserialize(&wire) {
        let d = d.unwrap_or_else(|err| panic!("{what}: Deserialize of {}: {err}", text(&wire)));
        assert_eq!(&d, e, "{what}: {e:?} through Deserialize");
    }
}

/// Serializes as problem+json, checks the members, and parses back.
fn through_problem<E: Wire>(what: &str, e: &E) {
    let status = status_of(e);
    let p = serde_json::to_value(Problem(e)).expect("problem+json");
    assert_eq!(
        p["type"],
        json!(e.docs_url().unwrap_or("about:blank")),
        "{what}: type"
    );
    let title = e.info().and_then(|i| i.title).unwrap_or(e.code());
    assert_eq!(p["title"], json!(title), "{what}: title");
    match e.status() {
        Some(s) => assert_eq!(p["status"], json!(s), "{what}: status"),
        None => assert!(p.get("status").is_none(), "{what}: status member {p}"),
    }
    assert_eq!(p["detail"], json!(e.to_string()), "{what}: detail");
    assert_eq!(p["code"], json!(e.code()), "{what}: code");
    for (k, v) in e.details() {
        // A field named like one of problem+json's own members cannot sit beside it.
        if !matches!(
            k.as_str(),
            "type" | "title" | "status" | "detail" | "code" | "instance"
        ) {
            assert_eq!(p[k.as_str()], v, "{what}: extension member {k}");
        }
    }
    let bytes = serde_json::to_vec(&p).expect("problem bytes");
    let back = E::from_problem_json(status, &bytes);
    assert_eq!(&back, e, "{what}: {e:?} through problem+json {p}");
}

/// Values whose `extra` holds at most a received message: both ways.
fn roundtrip<E: Wire>(what: &str, values: &[E]) {
    for e in values {
        through_envelope(what, e);
        through_problem(what, e);
    }
}

/// Values with undeclared members: problem+json carries only the declared fields,
/// so these go through the service's own envelope only.
fn roundtrip_with_extras<E: Wire>(what: &str, values: &[E]) {
    for e in values {
        through_envelope(what, e);
    }
}

/// Every catalog code is among the values.
fn covers_every_code<E: Wire + ErrorCatalog>(what: &str, values: &[E]) {
    let have: BTreeSet<&str> = values.iter().map(|e| e.code()).collect();
    for info in E::CODES {
        assert!(
            have.contains(info.code),
            "{what}: no value for code {} ({})",
            info.code,
            info.variant
        );
    }
    for e in values {
        let info = e
            .info()
            .unwrap_or_else(|| panic!("{what}: {e:?} is not known"));
        let name = format!("{e:?}");
        assert!(
            name.starts_with(info.variant),
            "{what}: {name} has the CodeInfo of {}",
            info.variant
        );
    }
}

fn x() -> Extra {
    Extra::default()
}

/// An `Extra` holding a received message.
fn said(message: &str) -> Extra {
    let mut e = Extra::default();
    e.set_message(message);
    e
}

/// An `Extra` holding undeclared members, in the order reading keeps them (those
/// outside the fields object first, in body order, then the fields object's).
fn members(list: &[(&str, &str)]) -> Extra {
    let mut e = Extra::default();
    for (pointer, raw) in list {
        e.push(
            *pointer,
            &RawValue::from_string(raw.to_string()).expect("raw JSON"),
        );
    }
    e
}

// ---------------------------------------------------------------------------
// One inline enum per wire preset
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, ApiError)]
#[api_error(wire = "status-only")]
enum StatusOnly {
    #[api_error(code = "not_found", status = 404, message = "Not found")]
    NotFound,
    #[api_error(
        code = "conflict",
        status = 409,
        message = "Conflict on {id}",
        suggestion = "Pick another id"
    )]
    Conflict {
        #[api_error(at = "/id")]
        id: String,
        #[api_error(at = "/meta/count")]
        count: u32,
        #[api_error(at = "/meta/hint")]
        hint: Option<String>,
        #[api_error(extra)]
        extra: Extra,
    },
    #[api_error(
        code = "throttled",
        status = 429,
        message = "Slow down",
        retry = "after",
        retry_after_field = "retryAfter"
    )]
    Throttled {
        #[api_error(rename = "retryAfter", at = "/retryAfter")]
        retry_after: u64,
        #[api_error(extra)]
        extra: Extra,
    },
    #[api_error(
        code = "bad_token",
        status = 401,
        message = "Token expired",
        matches = "Token expired",
        matches = "Token revoked"
    )]
    BadToken {
        #[api_error(extra)]
        extra: Extra,
    },
    #[api_error(unknown)]
    Unknown(UnknownError),
}

#[derive(Debug, Clone, PartialEq, ApiError)]
#[api_error(wire = "flat")]
enum Flat {
    #[api_error(
        code = "AGENT_NOT_FOUND",
        status = 404,
        message = "Agent {agentId} not found"
    )]
    AgentNotFound {
        #[api_error(rename = "agentId")]
        agent_id: String,
        timestamp: Option<u64>,
        #[api_error(extra)]
        extra: Extra,
    },
    #[api_error(
        code = "RATE_LIMITED",
        status = 429,
        message = "Rate limit exceeded for tier {tier}",
        retry = "after",
        retry_after_field = "retryAfter"
    )]
    RateLimited {
        tier: u8,
        limit: u32,
        #[api_error(rename = "retryAfter")]
        retry_after: u64,
        timestamp: Option<u64>,
        #[api_error(extra)]
        extra: Extra,
    },
    #[api_error(code = "VALIDATION_ERROR", status = 400, message = "Invalid {field}")]
    Validation {
        field: String,
        received: Value,
        strict: bool,
        ratio: f64,
        delta: i64,
        small: i32,
        port: u16,
        note: Option<String>,
        #[api_error(extra)]
        extra: Extra,
    },
    #[api_error(
        code = "INTERNAL_ERROR",
        status = 500,
        message = "An unexpected error occurred",
        retry = "backoff"
    )]
    Internal,
    #[api_error(unknown)]
    Unknown(UnknownError),
}

#[derive(Debug, Clone, PartialEq, ApiError)]
#[api_error(wire = "coded")]
enum Coded {
    #[api_error(
        code = "token/expired",
        message = "Token has expired",
        suggestion = "Refresh the token",
        docs_url = "https://docs.example/errors#token-expired",
        fix_command = "example-cli login"
    )]
    TokenExpired,
    #[api_error(
        code = "quota/exceeded",
        status = 403,
        message = "Quota exceeded: {used} of {limit}",
        title = "Quota exceeded",
        retry = "once"
    )]
    QuotaExceeded {
        used: u32,
        limit: u32,
        plan: Option<String>,
        #[api_error(extra)]
        extra: Extra,
    },
    #[api_error(unknown)]
    Unknown(UnknownError),
}

#[derive(Debug, Clone, PartialEq, ApiError)]
#[api_error(wire = "message-only")]
enum MessageOnly {
    #[api_error(code = "gone", status = 410, message = "Gone")]
    Gone,
    #[api_error(
        code = "limit",
        status = 403,
        message = "Limit reached ({used}/{limit}). {rest}"
    )]
    Limit {
        used: u32,
        limit: u32,
        rest: String,
        #[api_error(extra)]
        extra: Extra,
    },
    #[api_error(code = "skew", status = 400, message = "Clock skew of {delta} s")]
    Skew {
        delta: i64,
        #[api_error(extra)]
        extra: Extra,
    },
    #[api_error(
        code = "load",
        status = 503,
        message = "Load at {ratio}",
        retry = "once"
    )]
    Load {
        ratio: f64,
        #[api_error(extra)]
        extra: Extra,
    },
    #[api_error(
        code = "missing",
        status = 422,
        message = "name is required",
        matches = "name is required",
        matches = "url is required"
    )]
    Missing {
        #[api_error(extra)]
        extra: Extra,
    },
    #[api_error(
        code = "upstream",
        status = 502,
        message = "{upstream}",
        retry = "once"
    )]
    Upstream {
        upstream: String,
        #[api_error(extra)]
        extra: Extra,
    },
    #[api_error(unknown)]
    Unknown(UnknownError),
}

#[derive(Debug, Clone, PartialEq, ApiError)]
#[api_error(wire = "nested")]
enum Nested {
    #[api_error(code = "NOT_FOUND", status = 404, message = "Customer {id} not found")]
    NotFound {
        id: String,
        details: Option<String>,
        field: Option<String>,
        #[api_error(extra)]
        extra: Extra,
    },
    #[api_error(
        code = "RATE_LIMITED",
        status = 429,
        message = "Too many requests",
        retry = "after",
        retry_after_field = "retryAfter"
    )]
    RateLimited {
        #[api_error(rename = "retryAfter")]
        retry_after: u64,
        details: Option<String>,
        #[api_error(extra)]
        extra: Extra,
    },
    #[api_error(code = "FORBIDDEN", status = 403, message = "Forbidden")]
    Forbidden,
    #[api_error(unknown)]
    Unknown(UnknownError),
}

#[derive(Debug, Clone, PartialEq, ApiError)]
#[api_error(wire = "problem-json")]
enum ProblemWire {
    #[api_error(
        code = "out_of_credit",
        status = 403,
        message = "Your current balance is {balance}",
        title = "You do not have enough credit.",
        docs_url = "https://example.com/probs/out-of-credit"
    )]
    OutOfCredit {
        balance: i64,
        accounts: Value,
        #[api_error(extra)]
        extra: Extra,
    },
    #[api_error(
        code = "unavailable",
        status = 503,
        message = "Service unavailable",
        retry = "backoff"
    )]
    Unavailable,
    #[api_error(unknown)]
    Unknown(UnknownError),
}

wire!(StatusOnly, MessageOnly, MocaAirError, AironclawError);
wire_de!(
    Flat,
    Coded,
    Nested,
    ProblemWire,
    KyaError,
    RakomiError,
    CvError
);

#[test]
fn preset_status_only() {
    let values = [
        StatusOnly::NotFound,
        StatusOnly::Conflict {
            id: "c_1".into(),
            count: 3,
            hint: Some("try c_2".into()),
            extra: x(),
        },
        StatusOnly::Conflict {
            id: "c_1".into(),
            count: 0,
            hint: None,
            extra: said("c_1 is taken"),
        },
        StatusOnly::Throttled {
            retry_after: 30,
            extra: x(),
        },
        StatusOnly::BadToken { extra: x() },
        StatusOnly::BadToken {
            extra: said("Token revoked"),
        },
    ];
    roundtrip("status-only", &values);
    roundtrip_with_extras(
        "status-only",
        &[StatusOnly::Throttled {
            retry_after: 30,
            extra: members(&[("/requestId", r#""r_1""#), ("/trace", "[1,2]")]),
        }],
    );
    let wire = serde_json::to_value(&values[1]).unwrap();
    assert_eq!(
        wire,
        json!({ "message": "Conflict on c_1", "id": "c_1", "meta": { "count": 3, "hint": "try c_2" } })
    );
}

#[test]
fn preset_flat() {
    let values = [
        Flat::AgentNotFound {
            agent_id: "42".into(),
            timestamp: Some(1_707_408_000_000),
            extra: x(),
        },
        Flat::AgentNotFound {
            agent_id: "42".into(),
            timestamp: None,
            extra: said("No agent 42 here"),
        },
        Flat::RateLimited {
            tier: 255,
            limit: u32::MAX,
            retry_after: u64::MAX,
            timestamp: Some(0),
            extra: x(),
        },
        Flat::Validation {
            field: "agentId".into(),
            received: json!({ "nested": [1, "two", null, true, 2.5] }),
            strict: true,
            ratio: 0.25,
            delta: -9_007_199_254_740_993,
            small: i32::MIN,
            port: 8080,
            note: Some("ünïcode ✓ \"quoted\" \\ slash".into()),
            extra: x(),
        },
        Flat::Validation {
            field: "nonce".into(),
            received: Value::Null,
            strict: false,
            ratio: -1.5,
            delta: i64::MAX,
            small: 0,
            port: 0,
            note: None,
            extra: x(),
        },
        Flat::Internal,
    ];
    roundtrip("flat", &values);
    roundtrip_with_extras(
        "flat",
        &[Flat::AgentNotFound {
            agent_id: "42".into(),
            timestamp: Some(1),
            extra: members(&[
                ("/trace", r#"{"id":7}"#),
                ("/details/requestId", r#""r_1""#),
            ]),
        }],
    );
    assert_eq!(
        serde_json::to_value(&values[0]).unwrap(),
        json!({ "error": "Agent 42 not found", "errorType": "AGENT_NOT_FOUND",
                "details": { "agentId": "42" }, "timestamp": 1_707_408_000_000u64 })
    );
}

/// f64 fields come back bit-for-bit (serde_json parses floats exactly only with its
/// `float_roundtrip` feature).
#[test]
fn preset_flat_f64_is_exact() {
    for ratio in [
        0.1 + 0.2,
        -1.5e-300,
        1.7976931348623157e308,
        5e-324,
        2.2250738585072014e-308,
    ] {
        let e = Flat::Validation {
            field: "ratio".into(),
            received: json!(ratio),
            strict: false,
            ratio,
            delta: 0,
            small: 0,
            port: 0,
            note: None,
            extra: x(),
        };
        through_envelope(&format!("flat f64 {ratio:e}"), &e);
    }
}

#[test]
fn preset_coded() {
    let values = [
        Coded::TokenExpired,
        Coded::QuotaExceeded {
            used: 10,
            limit: 10,
            plan: Some("free".into()),
            extra: x(),
        },
        Coded::QuotaExceeded {
            used: 0,
            limit: 1,
            plan: None,
            extra: said("You are out of quota"),
        },
    ];
    roundtrip("coded", &values);
    roundtrip_with_extras(
        "coded",
        &[Coded::QuotaExceeded {
            used: 1,
            limit: 2,
            plan: None,
            extra: members(&[("/requestId", "17"), ("/details/region", r#""eu""#)]),
        }],
    );
    assert_eq!(
        serde_json::to_value(&values[0]).unwrap(),
        json!({ "code": "token/expired", "message": "Token has expired",
                "suggestion": "Refresh the token",
                "docs_url": "https://docs.example/errors#token-expired",
                "fix_command": "example-cli login" })
    );
}

#[test]
fn preset_message_only() {
    let values = [
        MessageOnly::Gone,
        MessageOnly::Limit {
            used: 3,
            limit: 3,
            rest: "Delete an unused MCP first.".into(),
            extra: x(),
        },
        MessageOnly::Skew {
            delta: 5,
            extra: x(),
        },
        MessageOnly::Skew {
            delta: -5,
            extra: x(),
        },
        MessageOnly::Load {
            ratio: 0.75,
            extra: x(),
        },
        MessageOnly::Missing { extra: x() },
        MessageOnly::Missing {
            extra: said("url is required"),
        },
        MessageOnly::Upstream {
            upstream: "connect ECONNREFUSED 10.0.0.5:443".into(),
            extra: x(),
        },
    ];
    roundtrip("message-only", &values);
    roundtrip_with_extras(
        "message-only",
        &[MessageOnly::Limit {
            used: 1,
            limit: 2,
            rest: "x".into(),
            extra: members(&[("/requestId", r#""r_1""#)]),
        }],
    );
    assert_eq!(
        serde_json::to_value(&values[1]).unwrap(),
        json!({ "error": "Limit reached (3/3). Delete an unused MCP first." })
    );
}

#[test]
fn preset_nested() {
    let values = [
        Nested::NotFound {
            id: "cus_1".into(),
            details: Some("Customer with ID 'cus_1' does not exist".into()),
            field: Some("id".into()),
            extra: x(),
        },
        Nested::NotFound {
            id: "cus_2".into(),
            details: None,
            field: None,
            extra: said("Customer not found"),
        },
        Nested::RateLimited {
            retry_after: 60,
            details: Some("Rate limit exceeded. Retry after 60 seconds".into()),
            extra: x(),
        },
        Nested::Forbidden,
    ];
    roundtrip("nested", &values);
    roundtrip_with_extras(
        "nested",
        &[Nested::RateLimited {
            retry_after: 60,
            details: None,
            extra: members(&[("/requestId", r#""req_1""#), ("/error/field", r#""email""#)]),
        }],
    );
    assert_eq!(
        serde_json::to_value(&values[2]).unwrap(),
        json!({ "error": { "code": "RATE_LIMITED", "message": "Too many requests",
                           "details": "Rate limit exceeded. Retry after 60 seconds",
                           "retryAfter": 60 } })
    );
}

#[test]
fn preset_problem_json() {
    let values = [
        ProblemWire::OutOfCredit {
            balance: 30,
            accounts: json!(["/account/12345/msgs/abc", "/account/67890"]),
            extra: x(),
        },
        ProblemWire::OutOfCredit {
            balance: -5,
            accounts: json!([]),
            extra: said("Your current balance is 30, but that costs 50."),
        },
        ProblemWire::Unavailable,
    ];
    roundtrip("problem-json", &values);
    roundtrip_with_extras(
        "problem-json",
        &[ProblemWire::OutOfCredit {
            balance: 1,
            accounts: json!({}),
            extra: members(&[("/instance", r#""/account/12345/msgs/abc""#)]),
        }],
    );
    assert_eq!(
        serde_json::to_value(&values[0]).unwrap(),
        json!({ "code": "out_of_credit", "detail": "Your current balance is 30",
                "balance": 30, "accounts": ["/account/12345/msgs/abc", "/account/67890"] })
    );
}

// ---------------------------------------------------------------------------
// Every variant of every bundled enum
// ---------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------
// The fallback round-trips too
// ---------------------------------------------------------------------------

/// An unknown error serializes to the body it was received with, so parsing that
/// again gives the same value.
fn unknown_roundtrip<E: Wire>(what: &str, status: u16, body: &[u8]) {
    let e = E::from_response(status, body);
    assert!(!e.is_known(), "{what}: {} is known: {e:?}", text(body));
    let wire = e.to_wire();
    assert_eq!(
        wire, body,
        "{what}: the fallback serializes its body verbatim"
    );
    assert_eq!(
        E::from_response(status, &wire),
        e,
        "{what}: fallback round-trip"
    );
}

#[test]
fn fallback_values_roundtrip_through_their_body() {
    let body = br#"{"error": "x", "errorType": "NOPE", "details": {"a": [1, 2]}}"#;
    unknown_roundtrip::<KyaError>("kya", 418, body);
    unknown_roundtrip::<Flat>("flat", 418, body);
    let body = br#"{"error": {"code": "NOPE", "message": "x"}}"#;
    unknown_roundtrip::<CvError>("customer_verification", 400, body);
    unknown_roundtrip::<Nested>("nested", 400, body);
    let body = br#"{"code": "nope/nope", "message": "x"}"#;
    unknown_roundtrip::<RakomiError>("rakomi", 400, body);
    unknown_roundtrip::<Coded>("coded", 400, body);
    let body = br#"{"error": "something else entirely"}"#;
    unknown_roundtrip::<AironclawError>("aironclaw", 400, body);
    unknown_roundtrip::<MessageOnly>("message-only", 400, body);
    let body = br#"{"message": "I'm a teapot"}"#;
    unknown_roundtrip::<MocaAirError>("moca_air", 418, body);
    unknown_roundtrip::<StatusOnly>("status-only", 418, body);
    let body = br#"{"type": "about:blank", "code": "nope", "detail": "x"}"#;
    unknown_roundtrip::<ProblemWire>("problem-json", 400, body);
}

// ---------------------------------------------------------------------------
// Edge values
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, ApiError)]
#[api_error(wire = "coded")]
enum MemberNames {
    #[api_error(code = "conflict", status = 409, message = "Customer is {status}")]
    Conflict {
        status: String,
        #[api_error(rename = "type")]
        kind: String,
        title: String,
        #[api_error(extra)]
        extra: Extra,
    },
    #[api_error(unknown)]
    Unknown(UnknownError),
}
wire_de!(MemberNames);

/// Fields whose wire names are problem+json's own members (`status`, `type`,
/// `title`...) are valid in a catalog and travel fine in the service's envelope,
/// so they must survive problem+json too.
#[test]
fn fields_named_like_problem_members() {
    let e = MemberNames::Conflict {
        status: "UNDER_REVIEW".into(),
        kind: "customer".into(),
        title: "Ms".into(),
        extra: x(),
    };
    through_envelope("member names", &e);
    through_problem("member names", &e);
}

/// An empty text placeholder is a valid value; its message must still identify it.
#[test]
fn empty_text_placeholders() {
    roundtrip(
        "message-only empty placeholder",
        &[
            MessageOnly::Limit {
                used: 3,
                limit: 3,
                rest: String::new(),
                extra: x(),
            },
            MessageOnly::Upstream {
                upstream: String::new(),
                extra: x(),
            },
        ],
    );
    roundtrip(
        "aironclaw empty placeholder",
        &[AironclawError::McpLimitReached {
            used: 3,
            limit: 3,
            rest: String::new(),
            extra: x(),
        }],
    );
}

/// A text placeholder holding the separator that follows it still splits the
/// message back into the same fields.
#[test]
fn text_placeholders_holding_separators() {
    roundtrip(
        "aironclaw separators",
        &[
            AironclawError::RuleSchemaRejected {
                field: "rules[0]".into(),
                reason: "action: must be allow or deny".into(),
                extra: x(),
            },
            AironclawError::McpLimitReached {
                used: 1,
                limit: 2,
                rest: "(1/2). Delete an unused MCP first.".into(),
                extra: x(),
            },
            AironclawError::UpstreamMcpError {
                upstream: "{\"error\": \"nested\"}".into(),
                extra: x(),
            },
        ],
    );
}
