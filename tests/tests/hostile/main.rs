//! Hostile response bodies: huge, deep, malformed, ambiguous. Every one classifies
//! as the fallback (keeping the exact body) or as a typed variant, never panics,
//! and uses memory bounded by a small multiple of the body size.
//!
//! Memory is measured with `allocation_counter` (peak bytes allocated at once
//! during the call, on the calling thread). Every test in this binary holds
//! one lock for its whole run, so no other test's allocations are counted.
//!
//! Run with `-- --nocapture` to see the measured peak / body ratios.

mod deep_nesting;
mod huge_bodies;
mod malformed;
mod measure;
mod numbers;
mod subjects;
