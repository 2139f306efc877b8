//! Cross-crate and trybuild tests of api-error. The README's Rust examples are
//! compiled and run here, so the front door stays true.

#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
