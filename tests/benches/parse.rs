//! `from_response` of generated enums against what a user would write by hand:
//! (a) the limit, a `#[derive(Deserialize)]` struct with borrowed fields and a
//! `match` on the code; (b) the common way, a `serde_json::Value` and a lookup.
//! Run: `cargo bench -p api-error-tests --bench parse`.

use api_error::FromResponse;
use api_error_catalogs::{customer_verification::CustomerVerificationError, kya::KyaError};
use divan::black_box;
use serde::Deserialize;

fn main() {
    divan::main();
}

const KYA_RATE_LIMITED: &[u8] = br#"{"error":"Rate limit exceeded for agent tier","errorType":"RATE_LIMITED","details":{"agentId":"42","tier":1,"limit":1,"retryAfter":45},"timestamp":1707408000000}"#;
const CV_VALIDATION: &[u8] = br#"{"error":{"code":"VALIDATION_ERROR","message":"Invalid request parameters","details":"Field 'email' is required","field":"email"}}"#;

#[derive(Deserialize)]
#[allow(dead_code)]
struct KyaDetails<'a> {
    #[serde(rename = "agentId", borrow)]
    agent_id: Option<&'a str>,
    tier: Option<u8>,
    limit: Option<u32>,
    #[serde(rename = "retryAfter")]
    retry_after: Option<u64>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct KyaBody<'a> {
    #[serde(borrow)]
    error: &'a str,
    #[serde(rename = "errorType", borrow)]
    error_type: &'a str,
    #[serde(borrow)]
    details: Option<KyaDetails<'a>>,
    timestamp: Option<u64>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct CvInner<'a> {
    #[serde(borrow)]
    code: &'a str,
    #[serde(borrow)]
    message: &'a str,
    #[serde(borrow)]
    details: Option<&'a str>,
    #[serde(borrow)]
    field: Option<&'a str>,
    #[serde(rename = "retryAfter")]
    retry_after: Option<u64>,
}

#[derive(Deserialize)]
struct CvBody<'a> {
    #[serde(borrow)]
    error: CvInner<'a>,
}

fn code_index(code: &str) -> u8 {
    match code {
        "VALIDATION_ERROR" => 0,
        "SIGNATURE_INVALID" => 1,
        "REPLAY_DETECTED" => 2,
        "AGENT_NOT_FOUND" => 3,
        "RPC_ERROR" => 4,
        "INTERNAL_ERROR" => 5,
        "INVALID_API_KEY" => 6,
        "KEY_ALREADY_EXISTS" => 7,
        "RATE_LIMITED" => 8,
        "TIER_BLOCKED" => 9,
        "INSUFFICIENT_DEPOSIT" => 10,
        "RELAY_FAILED" => 11,
        _ => 255,
    }
}

#[divan::bench_group(sample_count = 1000, sample_size = 100)]
mod kya_rate_limited {
    use super::*;

    #[divan::bench]
    fn generated() -> KyaError {
        KyaError::from_response(429, black_box(KYA_RATE_LIMITED))
    }

    #[divan::bench]
    fn hand_borrowed_struct() -> (u8, Option<u64>) {
        let b: KyaBody<'_> = serde_json::from_slice(black_box(KYA_RATE_LIMITED)).unwrap();
        (
            code_index(b.error_type),
            b.details.and_then(|d| d.retry_after),
        )
    }

    #[divan::bench]
    fn hand_value() -> (u8, Option<u64>) {
        let v: serde_json::Value = serde_json::from_slice(black_box(KYA_RATE_LIMITED)).unwrap();
        let code = v["errorType"].as_str().unwrap_or("");
        (code_index(code), v["details"]["retryAfter"].as_u64())
    }
}

#[divan::bench_group(sample_count = 1000, sample_size = 100)]
mod cv_validation_error {
    use super::*;

    #[divan::bench]
    fn generated() -> CustomerVerificationError {
        CustomerVerificationError::from_response(400, black_box(CV_VALIDATION))
    }

    #[divan::bench]
    fn hand_borrowed_struct() -> (usize, Option<usize>) {
        let b: CvBody<'_> = serde_json::from_slice(black_box(CV_VALIDATION)).unwrap();
        (b.error.code.len(), b.error.field.map(str::len))
    }

    #[divan::bench]
    fn hand_value() -> (usize, Option<usize>) {
        let v: serde_json::Value = serde_json::from_slice(black_box(CV_VALIDATION)).unwrap();
        (
            v["error"]["code"].as_str().map_or(0, str::len),
            v["error"]["field"].as_str().map(str::len),
        )
    }
}
