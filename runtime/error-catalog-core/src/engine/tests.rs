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
            by_lead: None,
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
            by_lead: None,
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

fn extras(c: &Captured<'_>) -> Vec<(String, String)> {
    c.extras
        .iter()
        .map(|(p, v)| (p.to_string(), v.to_string()))
        .collect()
}

/// Cloudflare-v4-style: the first element of `errors` decides; the others are
/// kept by index, as is everything beside it.
#[test]
fn first_element_holding_the_rest_is_taken() {
    let layout = Layout {
        slots: &[&["errors", "*", "code"], &["errors", "*", "message"]],
        fields_at: None,
    };
    let body = br#"{"success":false,"errors":[{"note":1},{"code":7003,"message":"Could not route"},{"code":9}],"messages":[]}"#;
    let c = capture(body, &layout).unwrap();
    assert_eq!(c.slot_raw(0), Some("7003"));
    assert_eq!(c.slot_str(1).as_deref(), Some("Could not route"));
    assert_eq!(
        extras(&c),
        [
            ("/success", "false"),
            ("/errors/0/note", "1"),
            ("/errors/2", r#"{"code":9}"#),
            ("/messages", "[]"),
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );
}

/// Google AIP-193: the element of `details` whose `@type` names ErrorInfo,
/// wherever it sits, and the fields object inside it.
#[test]
fn filtered_element_is_found_by_its_member() {
    let layout = Layout {
        slots: &[
            &["error", "status"],
            &[
                "error",
                "details",
                "[@type=type.googleapis.com/google.rpc.ErrorInfo]",
                "reason",
            ],
            &[
                "error",
                "details",
                "[@type=type.googleapis.com/google.rpc.RetryInfo]",
                "retryDelay",
            ],
        ],
        fields_at: Some(&[
            "error",
            "details",
            "[@type=type.googleapis.com/google.rpc.ErrorInfo]",
            "metadata",
        ]),
    };
    let body = br#"{"error":{"code":429,"status":"RESOURCE_EXHAUSTED","details":[
        {"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"30s"},
        {"reason":"RATE_LIMIT_EXCEEDED","@type":"type.googleapis.com/google.rpc.ErrorInfo","metadata":{"service":"x.googleapis.com"}}]}}"#;
    let c = capture(body, &layout).unwrap();
    assert_eq!(c.slot_str(0).as_deref(), Some("RESOURCE_EXHAUSTED"));
    assert_eq!(c.slot_str(1).as_deref(), Some("RATE_LIMIT_EXCEEDED"));
    assert_eq!(c.slot_str(2).as_deref(), Some("30s"));
    assert_eq!(
        c.members.iter().collect::<Vec<_>>(),
        [("service", "\"x.googleapis.com\"")]
    );
    let kept: Vec<String> = extras(&c).into_iter().map(|(p, _)| p).collect();
    // (the selector's own member is envelope where its element was taken)
    assert_eq!(kept, ["/error/code"]);
    // an element of the kind that holds nothing pointed to keeps all it has
    let c = capture(
        br#"{"error":{"details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","x":1}]}}"#,
        &layout,
    )
    .unwrap();
    let kept: Vec<String> = extras(&c).into_iter().map(|(p, _)| p).collect();
    assert_eq!(kept, ["/error/details/0/x", "/error/details/0/@type"]);
}

/// RFC 6901 index tokens, an element that is itself the slot (Jira's
/// `errorMessages`), and the same tokens naming members of an object.
#[test]
fn index_tokens_read_elements_and_keys() {
    let layout = Layout {
        slots: &[&["errorMessages", "0"], &["errors", "1", "code"]],
        fields_at: None,
    };
    let c = capture(br#"{"errorMessages":["Issue does not exist","second"],"errors":[{"code":"a"},{"code":"b"}]}"#, &layout).unwrap();
    assert_eq!(c.slot_str(0).as_deref(), Some("Issue does not exist"));
    assert_eq!(c.slot_str(1).as_deref(), Some("b"));
    let kept: Vec<String> = extras(&c).into_iter().map(|(p, _)| p).collect();
    assert_eq!(kept, ["/errorMessages/1", "/errors/0"]);
    let c = capture(br#"{"errorMessages":{"0":"as a key"}}"#, &layout).unwrap();
    assert_eq!(c.slot_str(0).as_deref(), Some("as a key"));
}

/// Arrays no selector reaches into are kept whole, as before; one whose
/// elements are not objects loses nothing either; an empty one on the way
/// holds nothing, as an empty object there.
#[test]
fn arrays_are_kept_whole_unless_a_selector_reads_them() {
    let layout = Layout {
        slots: &[&["errors", "*", "code"]],
        fields_at: Some(&["error"]),
    };
    for (body, kept) in [
        (r#"{"errors":[]}"#, vec![]),
        (
            r#"{"errors":[1,"x"]}"#,
            vec![("/errors/0", "1"), ("/errors/1", "\"x\"")],
        ),
        (r#"{"error":[1]}"#, vec![("/error", "[1]")]),
        (r#"{"errors":{"*":{"code":"k"}}}"#, vec![]),
    ] {
        let c = capture(body.as_bytes(), &layout).unwrap();
        let want: Vec<(String, String)> = kept
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        assert_eq!(extras(&c), want, "{body}");
    }
}

#[test]
fn kept_keys_are_escaped_at_every_length_and_place() {
    // every length around eight bytes, `~` and `/` at every place, and bytes
    // that differ from them by one bit or carry a high bit
    let fillers = ["a", "é", "\u{7f}", ".", "}", "\u{0}", "0"];
    for len in 0..20 {
        for filler in fillers {
            let plain: String = filler.repeat(len);
            let mut s = String::new();
            walk::push_escaped(&mut s, &plain);
            assert_eq!(s, plain);
            for at in 0..len {
                for (special, escaped) in [('~', "~0"), ('/', "~1")] {
                    let mut seg: Vec<char> = plain.chars().collect();
                    seg[at] = special;
                    let seg: String = seg.into_iter().collect();
                    let mut s = String::new();
                    walk::push_escaped(&mut s, &seg);
                    assert_eq!(s, seg.replace(special, escaped), "{seg:?}");
                }
            }
        }
    }
    let mut s = String::new();
    walk::push_escaped(&mut s, "a/b~c.d/e/f/g/h");
    assert_eq!(s, "a~1b~0c.d~1e~1f~1g~1h");
}
