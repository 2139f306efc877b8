//! `error_catalog_model::load_str` (parse → validate) on arbitrary text.
//!
//! Checks that loading never panics; that a refused catalog names at least one
//! problem and renders every diagnostic (`file:line:column`) without panicking;
//! and that an accepted catalog renders its Markdown reference, builds a
//! well-formed example body for every error, and classifies that body (and every
//! documented example) with the run-time engine without panicking.

#![no_main]

use error_catalog_model::{docs, response};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match error_catalog_model::load_str("fuzz.toml", text) {
        Err(problems) => {
            assert!(
                !problems.list.is_empty(),
                "a refused catalog names no problem"
            );
            let shown = problems.to_string();
            assert!(!shown.is_empty(), "problems render as nothing");
        }
        Ok(catalog) => {
            let page = docs::render(&catalog);
            assert!(!page.is_empty(), "empty reference page");
            for e in &catalog.errors {
                let body = docs::example_body(&catalog, e);
                assert!(
                    serde_json::from_str::<serde_json::Value>(&body).is_ok(),
                    "example body of `{}` is not JSON: {body}",
                    e.code.value
                );
                let status = e
                    .status
                    .as_ref()
                    .and_then(|s| u16::try_from(s.value).ok())
                    .unwrap_or(400);
                let _ = response::decode(&catalog, status, body.as_bytes());
                for ex in &e.examples {
                    let _ = response::decode(
                        &catalog,
                        ex.status.unwrap_or(status),
                        ex.body.value.as_bytes(),
                    );
                }
            }
        }
    }
});
