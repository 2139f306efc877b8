//! `RakomiError::from_response` and `from_problem_json` on any status and body.
//!
//! Input: two bytes of HTTP status (big-endian), then the body. Checks that
//! classification never panics, that the fallback keeps the status and the exact
//! body, that a known error's accessors agree with its `CodeInfo`, that Display
//! and serialization never fail, and that a known error re-parses as itself.

#![no_main]

use error_catalog_services::rakomi::RakomiError;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    error_catalog_fuzz::check_from_response::<RakomiError>(data);
});
