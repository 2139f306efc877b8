//! A loop over `from_response` (or, with argument `hand`, over the hand-written
//! borrowed struct; with `value`, over `serde_json::Value`) for counting
//! instructions with callgrind, which is repeatable on a busy machine:
//! `valgrind --tool=callgrind target/release/examples/profile_parse [hand|value]`.
use api_error::FromResponse;
use api_error_catalogs::kya::KyaError;
use serde::Deserialize;

const BODY: &[u8] = br#"{"error":"Rate limit exceeded for agent tier","errorType":"RATE_LIMITED","details":{"agentId":"42","tier":1,"limit":1,"retryAfter":45},"timestamp":1707408000000}"#;

#[derive(Deserialize)]
#[allow(dead_code)]
struct Details<'a> {
    #[serde(rename = "agentId", borrow)]
    agent_id: Option<&'a str>,
    tier: Option<u8>,
    limit: Option<u32>,
    #[serde(rename = "retryAfter")]
    retry_after: Option<u64>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct Body<'a> {
    #[serde(borrow)]
    error: &'a str,
    #[serde(rename = "errorType", borrow)]
    error_type: &'a str,
    #[serde(borrow)]
    details: Option<Details<'a>>,
    timestamp: Option<u64>,
}

fn main() {
    let mode = std::env::args().nth(1).unwrap_or_default();
    let hand = mode == "hand";
    let value = mode == "value";
    let mut n = 0usize;
    for _ in 0..20_000 {
        if value {
            let v: serde_json::Value =
                serde_json::from_slice(std::hint::black_box(BODY)).unwrap_or_default();
            n += (v["errorType"].as_str() == Some("RATE_LIMITED")) as usize;
        } else if hand {
            let b: Body<'_> = serde_json::from_slice(std::hint::black_box(BODY)).unwrap_or(Body {
                error: "",
                error_type: "",
                details: None,
                timestamp: None,
            });
            n += (b.error_type == "RATE_LIMITED") as usize;
        } else {
            let e = KyaError::from_response(429, std::hint::black_box(BODY));
            n += matches!(e, KyaError::RateLimited { .. }) as usize;
        }
    }
    println!("{n}");
}
