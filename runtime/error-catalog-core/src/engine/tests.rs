use super::*;
use crate::template::PatternSeg;

const NESTED: Layout<'static> = Layout {
    slots: &[
        &["error", "code"],
        &["error", "message"],
        &["error", "details"],
    ],
    fields_at: Some(&["error"]),
};

#[test]
fn captures_nested_envelope() {
    let body = br#"{"error":{"code":"RATE_LIMIT_EXCEEDED","message":"Too many requests","details":"x","retryAfter":60},"trace":[1]}"#;
    let c = capture(body, &NESTED).unwrap();
    assert_eq!(c.slot_str(0).as_deref(), Some("RATE_LIMIT_EXCEEDED"));
    assert_eq!(c.slot_str(1).as_deref(), Some("Too many requests"));
    assert_eq!(c.slot(2).map(|r| r.get()), Some("\"x\""));
    let members: Vec<_> = c.members.iter().collect();
    assert_eq!(members, [("retryAfter", "60")]);
    assert_eq!(c.extras.iter().collect::<Vec<_>>(), [("/trace", "[1]")]);
}

#[test]
fn refuses_non_objects_and_garbage() {
    for body in [
        &b""[..],
        b"[1,2]",
        b"\"str\"",
        b"42",
        b"{\"a\":",
        b"{} x",
        b"<html>",
    ] {
        assert!(
            capture(body, &NESTED).is_err(),
            "{:?}",
            String::from_utf8_lossy(body)
        );
    }
}

#[test]
fn keeps_a_non_object_where_an_object_was_expected() {
    let c = capture(br#"{"error":"plain"}"#, &NESTED).unwrap();
    assert_eq!(
        c.extras.iter().collect::<Vec<_>>(),
        [("/error", "\"plain\"")]
    );
}

/// A literal pattern is found by hash, but a pattern with placeholders ranked
/// above it (higher priority) still wins when both match; and the other way round.
#[test]
fn literal_index_keeps_the_priority_order() {
    use crate::template::HoleKind;
    let lit: &[PatternSeg] = &[PatternSeg::Lit("limit 5")];
    let holed: &[PatternSeg] = &[
        PatternSeg::Lit("limit "),
        PatternSeg::Hole(0, HoleKind::Integer),
    ];
    let entries = [
        Entry {
            code: "lit",
            status: Some(403),
            patterns: &[lit],
            by_status: false,
            when: &[],
            code_in_body: true,
            range: None,
        },
        Entry {
            code: "holed",
            status: Some(403),
            patterns: &[holed],
            by_status: false,
            when: &[],
            code_in_body: true,
            range: None,
        },
        Entry {
            code: "other",
            status: Some(404),
            patterns: &[lit],
            by_status: false,
            when: &[],
            code_in_body: true,
            range: None,
        },
    ];
    let by_code = code_index(&["lit", "holed", "other"]);
    let by_message = message_index(entry_literals(&entries));
    for (order, want) in [(&[1u16, 0, 2][..], 1), (&[0u16, 1, 2][..], 0)] {
        let t = Table {
            identity: Identity::Message,
            entries: &entries,
            by_code: by_code.as_index(),
            pattern_order: order,
            by_message: &by_message,
        };
        assert_eq!(
            t.classify(403, None, Some("limit 5")).map(|c| c.entry),
            Some(want)
        );
        assert_eq!(
            t.classify(403, None, Some("limit 7")).map(|c| c.entry),
            Some(1)
        );
        // same literal, another status
        assert_eq!(
            t.classify(404, None, Some("limit 5")).map(|c| c.entry),
            Some(2)
        );
        assert_eq!(t.classify(410, None, Some("limit 5")), None);
        // and the same answers without the index
        let plain = Table {
            by_message: &[],
            ..t
        };
        for (status, msg) in [
            (403, "limit 5"),
            (403, "limit 7"),
            (404, "limit 5"),
            (410, "limit 5"),
        ] {
            assert_eq!(
                t.classify(status, None, Some(msg)),
                plain.classify(status, None, Some(msg)),
                "{status} {msg}"
            );
        }
    }
}

#[test]
fn escaped_keys_are_matched_unescaped() {
    let layout = Layout {
        slots: &[&["a/b"]],
        fields_at: None,
    };
    let c = capture(br#"{"a\/b": 1, "c~d": 2}"#, &layout).unwrap();
    assert_eq!(c.slot(0).map(|r| r.get()), Some("1"));
    assert_eq!(c.extras.iter().next().map(|e| e.0), Some("/c~0d"));
}
