//! The capture engine on hostile bodies and layouts.

use error_catalog_core::engine::{capture, Layout, MAX_SLOTS};

const NESTED: Layout<'static> = Layout {
    slots: &[
        &["error", "code"],
        &["error", "message"],
        &["error", "details"],
    ],
    fields_at: Some(&["error"]),
};

const FLAT: Layout<'static> = Layout {
    slots: &[&["errorType"], &["error"], &["timestamp"]],
    fields_at: Some(&["details"]),
};

const ROOT: Layout<'static> = Layout {
    slots: &[&["code"], &["detail"]],
    fields_at: Some(&[]),
};

const LAYOUTS: [Layout<'static>; 3] = [NESTED, FLAT, ROOT];

#[test]
fn capture_refuses_what_is_not_an_object() {
    let deep_array = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let bodies: Vec<Vec<u8>> = vec![
        b"".to_vec(),
        b"\xef\xbb\xbf{}".to_vec(),
        b"{\"error\": \"\xff\"}".to_vec(),
        b"{} {}".to_vec(),
        b"{\"a\": 1,}".to_vec(),
        b"{\"a\" 1}".to_vec(),
        b"null".to_vec(),
        b"\"{}\"".to_vec(),
        b"[{}]".to_vec(),
        b"1e999".to_vec(),
        deep_array.into_bytes(),
        "{".repeat(1_000_000).into_bytes(),
        format!("{{\"error\": \"{}", "x".repeat(1_000_000)).into_bytes(),
    ];
    for layout in &LAYOUTS {
        for body in &bodies {
            let r = capture(body, layout);
            assert!(
                r.is_err(),
                "{:?}",
                String::from_utf8_lossy(&body[..body.len().min(40)])
            );
            let _ = r.err().map(|e| e.to_string());
        }
    }
}

#[test]
fn capture_keeps_deep_members_raw() {
    let deep_array = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let mut deep_object = "{\"a\":".repeat(100_000);
    deep_object.push('1');
    deep_object.push_str(&"}".repeat(100_000));
    for deep in [&deep_array, &deep_object] {
        let body = format!(
            r#"{{"error": {{"code": "X", "deep": {deep}}}, "details": {{"d": {deep}}}, "top": {deep}}}"#
        );
        for layout in &LAYOUTS {
            let c = capture(body.as_bytes(), layout).expect("deep members are read raw");
            let kept: usize = c.members.iter().map(|(_, r)| r.len()).sum::<usize>()
                + c.extras.iter().map(|(_, r)| r.len()).sum::<usize>()
                + c.slots
                    .iter()
                    .flatten()
                    .map(|r| r.get().len())
                    .sum::<usize>();
            assert!(kept >= 3 * deep.len(), "every deep member is kept");
        }
    }
    // Deep where an object is expected on the way to a slot: refused (the
    // recursion limit), not a crash.
    let body = format!(r#"{{"error": {deep_array}}}"#);
    let r = capture(body.as_bytes(), &NESTED);
    assert!(r.is_ok() || r.is_err());
    let mut nested = "{\"error\":".repeat(100_000);
    nested.push_str("{}");
    nested.push_str(&"}".repeat(100_000));
    let c = capture(nested.as_bytes(), &NESTED).expect("one level is read, the rest kept raw");
    assert!(c.slot(0).is_none());
}

#[test]
fn capture_long_strings_keys_and_many_members() {
    let long = "k".repeat(1_000_000);
    let escaped = "\\u0041\\n".repeat(100_000);
    let body = format!(
        r#"{{"error": {{"code": "{long}", "message": "{escaped}", "{long}": 1, "{escaped}": 2, "a/b~c": 3}}, "{long}x": "{escaped}"}}"#
    );
    let c = capture(body.as_bytes(), &NESTED).expect("long strings");
    assert_eq!(c.slot_str(0).map(|s| s.len()), Some(long.len()));
    assert_eq!(c.slot_str(1).map(|s| s.chars().count()), Some(200_000));
    let members: Vec<_> = c.members.iter().collect();
    assert_eq!(members.len(), 3);
    assert_eq!(
        members[1].0.chars().count(),
        200_000,
        "escaped key unescaped"
    );
    assert_eq!(c.extras.len(), 1);
    assert_eq!(
        c.extras.iter().next().map_or(0, |e| e.0.len()),
        long.len() + 2
    );

    // 100,000 members in the fields object and at the top.
    let mut many = String::from("{\"details\": {");
    for i in 0..100_000 {
        if i > 0 {
            many.push(',');
        }
        many.push_str(&format!("\"m{i}\": {i}"));
    }
    many.push_str("}, ");
    for i in 0..100_000 {
        many.push_str(&format!("\"t{i}\": {i}, "));
    }
    many.push_str("\"errorType\": \"X\"}");
    let mut c = capture(many.as_bytes(), &FLAT).expect("many members");
    assert_eq!(c.members.iter().count(), 100_000);
    assert_eq!(c.extras.len(), 100_000);
    assert_eq!(c.take_member("m99999"), Some("99999"));
    assert_eq!(c.slot_str(0).as_deref(), Some("X"));

    // Duplicate keys: a slot takes the last; members keep every one, in order.
    let c = capture(
        br#"{"errorType": "A", "errorType": "B", "details": {"x": 1, "x": 2}}"#,
        &FLAT,
    )
    .expect("duplicates");
    assert_eq!(c.slot_str(0).as_deref(), Some("B"));
    assert_eq!(
        c.members.iter().map(|(_, r)| r).collect::<Vec<_>>(),
        ["1", "2"]
    );
}

#[test]
fn capture_hostile_layouts() {
    let body = br#"{"a": {"b": {"c": 1}}, "x": 2}"#;
    // Too many slots: an error, not a panic.
    let seg: &[&str] = &["a"];
    let too_many: Vec<&[&str]> = vec![seg; MAX_SLOTS + 1];
    let layout = Layout {
        slots: &too_many,
        fields_at: None,
    };
    assert!(capture(body, &layout).is_err());
    // Exactly the maximum: two that are present, fourteen that are not.
    let names: Vec<String> = (0..MAX_SLOTS - 2).map(|i| format!("n{i}")).collect();
    let mut max: Vec<Vec<&str>> = vec![vec!["a", "b", "c"], vec!["x"]];
    max.extend(names.iter().map(|n| vec!["a", n.as_str()]));
    let max: Vec<&[&str]> = max.iter().map(Vec::as_slice).collect();
    let c = capture(
        body,
        &Layout {
            slots: &max,
            fields_at: None,
        },
    )
    .expect("sixteen slots");
    assert_eq!(c.slot(0).map(|r| r.get()), Some("1"));
    assert_eq!(c.slot(1).map(|r| r.get()), Some("2"));
    assert!((2..MAX_SLOTS).all(|i| c.slot(i).is_none()));
    // The same pointer twice (generated layouts never do this): one of them is
    // filled, nothing breaks.
    let twice: Vec<&[&str]> = vec![&["x"]; 2];
    let c = capture(
        body,
        &Layout {
            slots: &twice,
            fields_at: None,
        },
    )
    .expect("a repeated slot");
    assert_eq!(c.slots.iter().flatten().count(), 1);
    // A slot that is a prefix of another, the fields object inside a slot, empty
    // pointers, a pointer deeper than the body.
    let deep: Vec<&str> = vec!["a"; 10_000];
    let slots: Vec<&[&str]> = vec![&["a"], &["a", "b"], &[], &deep, &["", ""]];
    for fields_at in [None, Some(&["a", "b"][..]), Some(&[][..]), Some(&deep[..])] {
        let layout = Layout {
            slots: &slots,
            fields_at,
        };
        let c = capture(body, &layout).expect("odd layouts");
        let _ = c.members.iter().count();
    }
}
