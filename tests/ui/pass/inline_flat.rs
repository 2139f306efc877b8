//! Inline derive, `flat` wire: `{"error", "errorType", "details": {..}, "timestamp"}`,
//! with a retry-after field and the preset's `timestamp` envelope field.

use error_catalog::{ApiError, FromResponse, UnknownError};

#[derive(Debug, ApiError)]
#[api_error(wire = "flat")]
enum KyaError {
    #[api_error(
        code = "AGENT_NOT_FOUND",
        status = 404,
        message = "Agent {agentId} not found"
    )]
    AgentNotFound {
        #[api_error(rename = "agentId")]
        agent_id: String,
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
        #[api_error(rename = "retryAfter")]
        retry_after: u64,
        timestamp: Option<u64>,
    },
    #[api_error(unknown)]
    Unknown(UnknownError),
}

fn main() {
    let body = br#"{"error": "Agent 42 not found", "errorType": "AGENT_NOT_FOUND", "details": {"agentId": "42"}, "timestamp": 1707408000000}"#;
    let err = KyaError::from_response(404, body);
    assert!(matches!(&err, KyaError::AgentNotFound { agent_id } if agent_id == "42"));
    assert_eq!(err.to_string(), "Agent 42 not found");
    assert_eq!(err.details()["agentId"], "42");

    let body = br#"{"error": "Rate limit exceeded for tier 1", "errorType": "RATE_LIMITED", "details": {"tier": 1, "retryAfter": 45}, "timestamp": 1707408000000}"#;
    let err = KyaError::from_response(429, body);
    assert!(matches!(
        err,
        KyaError::RateLimited {
            tier: 1,
            retry_after: 45,
            timestamp: Some(1_707_408_000_000)
        }
    ));
    assert_eq!(err.retry_after_field(), Some(45));
    assert_eq!(err.retry().seconds(), Some(45));

    let json = serde_json::to_value(&err).unwrap();
    assert_eq!(json["errorType"], "RATE_LIMITED");
    assert_eq!(json["error"], "Rate limit exceeded for tier 1");
    assert_eq!(json["details"]["retryAfter"], 45);
    assert_eq!(json["timestamp"], 1_707_408_000_000_u64);

    // A known code whose required field is missing cannot be built: fallback.
    let body = br#"{"error": "Agent ? not found", "errorType": "AGENT_NOT_FOUND", "details": {}}"#;
    let err = KyaError::from_response(404, body);
    assert!(matches!(&err, KyaError::Unknown(u) if u.code() == Some("AGENT_NOT_FOUND")));
}
