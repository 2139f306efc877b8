//! `CustomerVerificationError::from_response` and `from_problem_json` on any status and body.
//!
//! Input: two bytes of HTTP status (big-endian), then the body. Checks that
//! classification never panics, that the fallback keeps the status and the exact
//! body, that a known error's accessors agree with its `CodeInfo`, that Display
//! and serialization never fail, and that a known error re-parses as itself; its borrowed view
//! `CustomerVerificationErrorRef` gives the same value, Display and JSON.

#![no_main]

use error_catalog_services::customer_verification::CustomerVerificationError;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    error_catalog_fuzz::check_from_response::<CustomerVerificationError>(data);
    error_catalog_fuzz::check_view::<CustomerVerificationError>(
        data,
        error_catalog_fuzz::read_view!(
            error_catalog_services::customer_verification::CustomerVerificationErrorRef
        ),
    );
});
