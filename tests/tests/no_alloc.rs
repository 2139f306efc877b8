//! `code()`, `status()`, `suggestion()` and friends return static catalog data:
//! counted with a global allocator, they allocate nothing.

use std::alloc::System;

use error_catalog::{ApiError, FromResponse};
use error_catalog_services::{
    customer_verification::CustomerVerificationError, kya::KyaError, rakomi::RakomiError,
};
use stats_alloc::{Region, StatsAlloc, INSTRUMENTED_SYSTEM};

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

/// Allocations made by `f` (the test binary runs this file's one test alone).
fn allocations<T>(f: impl FnOnce() -> T) -> (usize, T) {
    let region = Region::new(GLOBAL);
    let out = f();
    (region.change().allocations, out)
}

fn accessors(e: &dyn ApiError) -> usize {
    let mut n = e.code().len() + usize::from(e.status().unwrap_or(0));
    n += e.suggestion().map_or(0, str::len);
    n += e.docs_url().map_or(0, str::len);
    n += e.fix_command().map_or(0, |c| c.len());
    n += e.info().map_or(0, |i| i.message.len());
    n += usize::from(e.is_known());
    n + e.retry_after_field().map_or(0, |s| s as usize)
}

#[test]
fn accessors_allocate_nothing() {
    let errors: Vec<Box<dyn ApiError>> = vec![
        Box::new(KyaError::from_response(
            429,
            br#"{"error":"Rate limit exceeded for agent tier","errorType":"RATE_LIMITED","details":{"agentId":"42","tier":1,"limit":1,"retryAfter":45},"timestamp":1707408000000}"#,
        )),
        Box::new(CustomerVerificationError::from_response(
            400,
            br#"{"error":{"code":"VALIDATION_ERROR","message":"Invalid request parameters","details":"Field 'email' is required","field":"email"}}"#,
        )),
        Box::new(RakomiError::from_response(0, br#"{"code":"config/missing_api_key","message":"apiKey is required"}"#)),
        Box::new(KyaError::from_response(502, b"<html>bad gateway</html>")),
    ];
    assert!(
        errors[..3].iter().all(|e| e.is_known()),
        "the first three must classify"
    );
    for e in &errors {
        let (count, total) = allocations(|| accessors(e.as_ref()));
        assert_eq!(
            count,
            0,
            "accessors of {} allocated {count} times",
            e.code()
        );
        assert!(total > 0);
    }
    // the counter does count: a String allocates
    let (count, _) = allocations(|| String::from("counted").len());
    assert_eq!(count, 1);
}
