//! Cross-crate and trybuild tests of api-error.
