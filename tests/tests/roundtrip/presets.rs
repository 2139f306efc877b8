//! Every wire preset: its inline enum round-trips through its envelope and
//! problem+json.

use serde_json::{json, Value};

use crate::harness::{members, roundtrip, roundtrip_with_extras, said, through_envelope, x};
use crate::preset_enums::{Coded, Flat, MessageOnly, Nested, ProblemWire, StatusOnly};

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
