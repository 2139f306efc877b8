//! The borrowed view of a seed body allocates nothing: its text is borrowed
//! from the body, where the owned enum copies each text. Counted with a global
//! allocator (the test binary runs this file's one test alone).

use std::alloc::System;

use error_catalog::{ApiError, FromResponse};
use error_catalog_services::customer_verification::{
    CustomerVerificationError as CvError, CustomerVerificationErrorRef as CvErrorRef,
};
use error_catalog_services::kya::KyaErrorRef;
use stats_alloc::{Region, StatsAlloc, INSTRUMENTED_SYSTEM};

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

const CV_VALIDATION: &[u8] = br#"{"error":{"code":"VALIDATION_ERROR","message":"Invalid request parameters","details":"Field 'email' is required","field":"email"}}"#;
const KYA_RATE_LIMITED: &[u8] = br#"{"error":"Rate limit exceeded for agent tier","errorType":"RATE_LIMITED","details":{"agentId":"42","tier":1,"limit":1,"retryAfter":45},"timestamp":1707408000000}"#;

#[test]
fn a_seed_body_is_viewed_without_allocating() {
    // warm up anything lazily set up once per process
    let _ = CvErrorRef::from_response(400, CV_VALIDATION);
    let region = Region::new(GLOBAL);
    let view = CvErrorRef::from_response(400, CV_VALIDATION);
    let code_len = view.code().len();
    drop(view);
    let kya = KyaErrorRef::from_response(429, KYA_RATE_LIMITED);
    let retry = kya.retry_after_field();
    drop(kya);
    let stats = region.change();
    assert_eq!((code_len, retry), ("VALIDATION_ERROR".len(), Some(45)));
    assert_eq!(stats.allocations, 0, "{stats:?}");
    // the owned enum copies the two texts
    let region = Region::new(GLOBAL);
    drop(CvError::from_response(400, CV_VALIDATION));
    assert_eq!(region.change().allocations, 2);
}
