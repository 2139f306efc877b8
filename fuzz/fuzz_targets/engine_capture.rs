//! `error_catalog_core::engine::capture` on arbitrary bodies, under the wire layouts
//! the bundled catalogs use and a few awkward ones.
//!
//! Input: one byte choosing the layout, then the body. Checks that capturing never
//! panics; that every body that is a JSON object is captured; that what was
//! captured is valid JSON taken from the body; that `slot_str` agrees with
//! serde_json on every string; that extras are named by JSON pointers; and that
//! members can be taken out and drained.

#![no_main]

use error_catalog_core::engine::{capture, str_of, Layout, MAX_SLOTS};
use error_catalog_core::raw_members::RawMembers;
use libfuzzer_sys::fuzz_target;
use serde_json::value::RawValue;

const LAYOUTS: &[Layout<'static>] = &[
    // nested: {"error": {"code", "message", "details", "field", ...}}
    Layout {
        slots: &[
            &["error", "code"],
            &["error", "message"],
            &["error", "details"],
            &["error", "field"],
        ],
        fields_at: Some(&["error"]),
    },
    // flat with a details object: {"error", "errorType", "details": {...}}
    Layout {
        slots: &[&["errorType"], &["error"], &["timestamp"]],
        fields_at: Some(&["details"]),
    },
    // coded, fields at the top level
    Layout {
        slots: &[
            &["code"],
            &["message"],
            &["suggestion"],
            &["docs_url"],
            &["fix_command"],
        ],
        fields_at: Some(&[]),
    },
    // message-only
    Layout {
        slots: &[&["error"]],
        fields_at: None,
    },
    // awkward: a slot that is a prefix of another, an empty pointer, escaped and
    // deep keys, fields below a slot
    Layout {
        slots: &[
            &["error"],
            &["error", "code"],
            &[],
            &["a/b", "~c"],
            &["x", "y", "z", "w"],
            &[""],
        ],
        fields_at: Some(&["x", "y"]),
    },
    // pointers into arrays: the first element holding the rest (Cloudflare),
    // the element of a kind (AIP-193), an index and an element that is a slot
    Layout {
        slots: &[
            &["errors", "*", "code"],
            &["errors", "*", "message"],
            &["error", "details", "[@type=type.googleapis.com/google.rpc.ErrorInfo]", "reason"],
            &["error", "details", "[@type=type.googleapis.com/google.rpc.RetryInfo]", "retryDelay"],
            &["errorMessages", "0"],
            &["errors", "1", "code"],
        ],
        fields_at: Some(&["error", "details", "[@type=type.googleapis.com/google.rpc.ErrorInfo]", "metadata"]),
    },
    // the most slots a wire may have
    Layout {
        slots: &[
            &["s0"],
            &["s1"],
            &["s2"],
            &["s3"],
            &["s4"],
            &["s5"],
            &["s6"],
            &["s7"],
            &["n", "s8"],
            &["n", "s9"],
            &["n", "s10"],
            &["n", "s11"],
            &["n", "m", "s12"],
            &["n", "m", "s13"],
            &["n", "m", "s14"],
            &["n", "m", "s15"],
        ],
        fields_at: Some(&["n", "m"]),
    },
];

/// A raw value must be valid JSON on its own and, when borrowed, lie inside the body.
fn check_raw(text: &str, body: &str, borrowed: bool) {
    assert!(
        serde_json::from_str::<&RawValue>(text).is_ok(),
        "captured raw value is not JSON: {text:?}"
    );
    if borrowed {
        let (b, t) = (body.as_ptr() as usize, text.as_ptr() as usize);
        assert!(
            t >= b && t + text.len() <= b + body.len(),
            "borrowed raw value is not inside the body"
        );
    }
    if text.starts_with('"') {
        let raw: &RawValue = serde_json::from_str(text).expect("checked above");
        let ours = str_of(raw).map(|c| c.into_owned());
        let theirs = serde_json::from_str::<String>(text).ok();
        assert_eq!(ours, theirs, "str_of disagrees with serde_json on {text:?}");
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, body)) = data.split_first() else {
        return;
    };
    let layout = &LAYOUTS[usize::from(pick) % LAYOUTS.len()];
    assert!(layout.slots.len() <= MAX_SLOTS);
    let result = capture(body, layout);
    let text = std::str::from_utf8(body).ok();

    // Every JSON object is captured.
    if let Some(t) = text {
        if matches!(
            serde_json::from_str::<serde_json::Value>(t),
            Ok(serde_json::Value::Object(_))
        ) {
            assert!(result.is_ok(), "a JSON object was refused: {result:?}");
        }
    }
    let Ok(mut c) = result else {
        return;
    };
    let text = text.expect("a captured body is UTF-8");
    for slot in 0..MAX_SLOTS {
        if let Some(raw) = c.slot(slot) {
            assert!(
                slot < layout.slots.len(),
                "slot {slot} is not in the layout"
            );
            check_raw(raw.get(), text, true);
            let _ = c.slot_str(slot);
        }
    }
    // extras and members past the first few are copies, kept in one text buffer
    for (pointer, raw) in c.extras.iter() {
        assert!(
            pointer.starts_with('/'),
            "extra not named by a pointer: {pointer:?}"
        );
        check_raw(raw, text, false);
    }
    let names: Vec<String> = c.members.iter().map(|(k, _)| k.to_string()).collect();
    for (_, raw) in c.members.iter() {
        check_raw(raw, text, false);
    }
    if let Some(first) = names.first() {
        assert!(c.take_member(first).is_some(), "member {first:?} not taken");
    }
    let mut rest = RawMembers::default();
    c.members
        .drain_into("/f", &mut rest)
        .expect("members of an accepted body fit");
    assert_eq!(
        rest.len(),
        names.len().saturating_sub(1),
        "drain after one take"
    );
    assert!(
        rest.iter().all(|(p, _)| p.starts_with("/f/")),
        "drained members are named under the prefix"
    );
    assert_eq!(c.members.iter().count(), 0, "members left after drain");
});
