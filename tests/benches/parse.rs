//! `from_response` of generated enums, and of their borrowed views
//! (`generated_view`, `#[api_error(borrowed)]`), against what a user would
//! write by hand: (a) the limit, a `#[derive(Deserialize)]` struct with
//! borrowed fields and a `match` on the code; (b) the common way, a
//! `serde_json::Value` and a lookup; (c) the struct of (a) with owned detail
//! texts, which the enum's variants own too (the view borrows them, as (a)
//! does). Every way but `generated_kept` drops what it parsed inside the timed
//! loop.
//! Run: `cargo bench -p error-catalog-tests --bench parse`.

use divan::black_box;
use error_catalog::{ApiError, FromResponse};
use error_catalog_services::customer_verification::{
    CustomerVerificationError, CustomerVerificationErrorRef,
};
use error_catalog_services::kya::{KyaError, KyaErrorRef};

fn main() {
    divan::main();
}

#[path = "common/hand.rs"]
mod hand;
use hand::{CvBody, CvBodyOwned, KyaBody, KyaBodyOwned, CV_VALIDATION, KYA_RATE_LIMITED};

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

    /// The same projection as the two hand-written ways, so the enum is dropped
    /// inside the loop as the `Value` is.
    #[divan::bench]
    fn generated() -> (u8, Option<u64>) {
        let e = KyaError::from_response(429, black_box(KYA_RATE_LIMITED));
        let retry_after = match &e {
            KyaError::RateLimited { retry_after, .. } => Some(*retry_after),
            _ => None,
        };
        (code_index(e.code()), retry_after)
    }

    /// The borrowed view: its text borrowed from the body, as in (a).
    #[divan::bench]
    fn generated_view() -> (u8, Option<u64>) {
        let e = KyaErrorRef::from_response(429, black_box(KYA_RATE_LIMITED));
        let retry_after = match &e {
            KyaErrorRef::RateLimited { retry_after, .. } => Some(*retry_after),
            _ => None,
        };
        (code_index(e.code()), retry_after)
    }

    /// The enum itself returned: divan drops it after the sample, so its
    /// allocations pile up over the sample and their frees are not timed.
    #[divan::bench]
    fn generated_kept() -> KyaError {
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

    /// The limit for an error that owns its detail text, as the generated
    /// variant does: the same struct with `String` details.
    #[divan::bench]
    fn hand_owned_struct() -> (u8, Option<u64>) {
        let b: KyaBodyOwned<'_> = serde_json::from_slice(black_box(KYA_RATE_LIMITED)).unwrap();
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

    /// The same projection as the two hand-written ways, so the enum is dropped
    /// inside the loop as the `Value` is.
    #[divan::bench]
    fn generated() -> (usize, Option<usize>) {
        let e = CustomerVerificationError::from_response(400, black_box(CV_VALIDATION));
        let field = match &e {
            CustomerVerificationError::ValidationError { field, .. } => field.as_deref(),
            _ => None,
        };
        (e.code().len(), field.map(str::len))
    }

    /// The borrowed view: its text borrowed from the body, as in (a).
    #[divan::bench]
    fn generated_view() -> (usize, Option<usize>) {
        let e = CustomerVerificationErrorRef::from_response(400, black_box(CV_VALIDATION));
        let field = match &e {
            CustomerVerificationErrorRef::ValidationError { field, .. } => field.as_deref(),
            _ => None,
        };
        (e.code().len(), field.map(str::len))
    }

    /// The enum itself returned: divan drops it after the sample, so its
    /// allocations pile up over the sample and their frees are not timed.
    #[divan::bench]
    fn generated_kept() -> CustomerVerificationError {
        CustomerVerificationError::from_response(400, black_box(CV_VALIDATION))
    }

    #[divan::bench]
    fn hand_borrowed_struct() -> (usize, Option<usize>) {
        let b: CvBody<'_> = serde_json::from_slice(black_box(CV_VALIDATION)).unwrap();
        (b.error.code.len(), b.error.field.map(str::len))
    }

    /// The limit for an error that owns its detail texts, as the generated
    /// variant does: the same struct with `String` details.
    #[divan::bench]
    fn hand_owned_struct() -> (usize, Option<usize>) {
        let b: CvBodyOwned<'_> = serde_json::from_slice(black_box(CV_VALIDATION)).unwrap();
        (b.error.code.len(), b.error.field.as_deref().map(str::len))
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
