//! `ConventionsError` (integer codes, a success mark in the body, a fields
//! object, a fix command with a placeholder) on any status and body: the checks
//! of every `from_response_*` target, `error_in` included.

#![no_main]

use error_catalog_fuzz::conventions::ConventionsError;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    error_catalog_fuzz::check_from_response::<ConventionsError>(data);
});
