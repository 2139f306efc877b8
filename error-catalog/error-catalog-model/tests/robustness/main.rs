//! The loader, the capture engine and the template matcher on hostile input: huge,
//! wrong, malformed and deeply nested catalogs; long and brace-heavy bodies and
//! messages. Nothing may panic; every problem is reported.
//!
//! Cases that could overflow the stack run in a child process (this test binary,
//! re-run on one test with `ROBUSTNESS_CASE` set), so that an abort fails that test
//! alone instead of the whole binary. Timings are printed (`-- --nocapture`), never
//! asserted, except where a case must not hang.

mod big_catalogs;
mod capture;
mod deep_and_huge;
mod support;
mod templates;
mod wrong_catalogs;
