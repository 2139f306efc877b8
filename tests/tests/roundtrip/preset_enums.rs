//! One inline enum per wire preset, and the [`Wire`] impls of every enum.

use std::fmt::Debug;

use error_catalog::{ApiError, Extra, UnknownError};
use error_catalog_services::aironclaw::AironclawError;
use error_catalog_services::customer_verification::CustomerVerificationError as CvError;
use error_catalog_services::kya::KyaError;
use error_catalog_services::moca_air::MocaAirError;
use error_catalog_services::rakomi::RakomiError;
use serde_json::Value;

use crate::harness::Wire;

#[derive(Debug, Clone, PartialEq, ApiError)]
#[api_error(wire = "status-only")]
pub(crate) enum StatusOnly {
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
pub(crate) enum Flat {
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
pub(crate) enum Coded {
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
pub(crate) enum MessageOnly {
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
pub(crate) enum Nested {
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
pub(crate) enum ProblemWire {
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
