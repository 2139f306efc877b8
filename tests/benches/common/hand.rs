//! The seed bodies and the hand-written borrowed structs the parse benchmarks and
//! `examples/profile_parse.rs` compare against (one copy, included by both).

use serde::Deserialize;

/// KYA `RATE_LIMITED`, as the seed shows it (161 bytes).
pub const KYA_RATE_LIMITED: &[u8] = br#"{"error":"Rate limit exceeded for agent tier","errorType":"RATE_LIMITED","details":{"agentId":"42","tier":1,"limit":1,"retryAfter":45},"timestamp":1707408000000}"#;
/// Customer Verification `VALIDATION_ERROR`, as the seed shows it (130 bytes).
pub const CV_VALIDATION: &[u8] = br#"{"error":{"code":"VALIDATION_ERROR","message":"Invalid request parameters","details":"Field 'email' is required","field":"email"}}"#;

#[derive(Deserialize)]
#[allow(dead_code)]
pub struct KyaDetails<'a> {
    #[serde(rename = "agentId", borrow)]
    pub agent_id: Option<&'a str>,
    pub tier: Option<u8>,
    pub limit: Option<u32>,
    #[serde(rename = "retryAfter")]
    pub retry_after: Option<u64>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub struct KyaBody<'a> {
    #[serde(borrow)]
    pub error: &'a str,
    #[serde(rename = "errorType", borrow)]
    pub error_type: &'a str,
    #[serde(borrow)]
    pub details: Option<KyaDetails<'a>>,
    pub timestamp: Option<u64>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub struct CvInner<'a> {
    #[serde(borrow)]
    pub code: &'a str,
    #[serde(borrow)]
    pub message: &'a str,
    #[serde(borrow)]
    pub details: Option<&'a str>,
    #[serde(borrow)]
    pub field: Option<&'a str>,
    #[serde(rename = "retryAfter")]
    pub retry_after: Option<u64>,
}

#[derive(Deserialize)]
pub struct CvBody<'a> {
    #[serde(borrow)]
    pub error: CvInner<'a>,
}

/// [`KyaDetails`] with the detail text owned, as an error that outlives the
/// body must hold it (what the generated variant holds).
#[derive(Deserialize)]
#[allow(dead_code)]
pub struct KyaDetailsOwned {
    #[serde(rename = "agentId")]
    pub agent_id: Option<String>,
    pub tier: Option<u8>,
    pub limit: Option<u32>,
    #[serde(rename = "retryAfter")]
    pub retry_after: Option<u64>,
}

/// [`KyaBody`] with owned details; the code and message are only compared, so
/// they stay borrowed.
#[derive(Deserialize)]
#[allow(dead_code)]
pub struct KyaBodyOwned<'a> {
    #[serde(borrow)]
    pub error: &'a str,
    #[serde(rename = "errorType", borrow)]
    pub error_type: &'a str,
    pub details: Option<KyaDetailsOwned>,
    pub timestamp: Option<u64>,
}

/// [`CvInner`] with the detail texts owned (the code and message only compared).
#[derive(Deserialize)]
#[allow(dead_code)]
pub struct CvInnerOwned<'a> {
    #[serde(borrow)]
    pub code: &'a str,
    #[serde(borrow)]
    pub message: &'a str,
    pub details: Option<String>,
    pub field: Option<String>,
    #[serde(rename = "retryAfter")]
    pub retry_after: Option<u64>,
}

/// [`CvBody`] with owned detail texts.
#[derive(Deserialize)]
pub struct CvBodyOwned<'a> {
    #[serde(borrow)]
    pub error: CvInnerOwned<'a>,
}
