//! `engine::lone_member`, the one-scan read of a body holding one string member.
//!
//! Input: the body. Checks that whenever the scan gives a string, a full JSON
//! parse (serde_json) reads the body as an object with exactly that one member,
//! `error`, holding exactly that string; and that the scan gives one for a body
//! rebuilt from that string (so refusals are not all it does).

#![no_main]

use error_catalog_core::engine::lone_member;
use libfuzzer_sys::fuzz_target;
use serde_json::{Map, Value};

fuzz_target!(|data: &[u8]| {
    if let Some(s) = lone_member(data, "error") {
        let parsed: Map<String, Value> = std::str::from_utf8(data)
            .ok()
            .and_then(|t| serde_json::from_str(t).ok())
            .unwrap_or_else(|| panic!("accepted, but not a JSON object: {data:?}"));
        assert_eq!(parsed.len(), 1, "accepted {data:?}");
        assert_eq!(parsed.get("error"), Some(&Value::String(s.to_string())));
    }
    // any text without quotes, backslashes or control characters, wrapped plainly
    if let Ok(t) = std::str::from_utf8(data) {
        if !t.chars().any(|c| c == '"' || c == '\\' || c < ' ') {
            let body = format!("{{\"error\":\"{t}\"}}");
            if body.len() <= 1 << 20 {
                assert_eq!(lone_member(body.as_bytes(), "error"), Some(t));
            }
        }
    }
});
