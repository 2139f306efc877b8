use super::matching::{find_byte, find_lit};
use super::*;

#[test]
fn find_byte_agrees_with_a_plain_scan() {
    let hay: Vec<u8> = (0..=255u8)
        .chain(0..=255u8)
        .chain([0x80, 0x01, 0x00])
        .collect();
    for start in 0..20 {
        for len in 0..40 {
            let h = &hay[start..start + len];
            for b in [0u8, 1, 7, 0x7f, 0x80, 0xff, 20, 33] {
                assert_eq!(find_byte(h, b), h.iter().position(|&x| x == b), "{h:?} {b}");
            }
        }
    }
    let mostly = [b'a'; 37];
    assert_eq!(find_byte(&mostly, b'a'), Some(0));
    assert_eq!(find_byte(&mostly, b':'), None);
    let mut late = [b'a'; 37];
    late[35] = b':';
    assert_eq!(find_byte(&late, b':'), Some(35));
    late[9] = b':';
    assert_eq!(find_byte(&late, b':'), Some(9));
}

fn pat(t: &Template) -> Vec<PatternSeg<'_>> {
    t.pattern(|n| match n {
        "used" | "limit" | "index" => (0, HoleKind::Integer),
        _ => (1, HoleKind::Text),
    })
}

#[test]
fn parses_and_reports_unbalanced_braces() {
    let e = Template::parse("MCP limit {used").unwrap_err();
    assert_eq!(e.offset, 10);
    assert!(e.message.contains("never closed"));
    let e = Template::parse("a } b").unwrap_err();
    assert_eq!(e.offset, 2);
    let e = Template::parse("a {} b").unwrap_err();
    assert!(e.message.contains("field name"));
}

#[test]
fn matches_templated_messages() {
    let t = Template::parse("MCP limit reached ({used}/{limit}). {rest}").unwrap();
    let p = pat(&t);
    let m = match_pattern(&p, "MCP limit reached (3/3). Delete one first.").unwrap();
    assert_eq!(
        m.iter().map(|c| c.1).collect::<Vec<_>>(),
        ["3", "3", "Delete one first."]
    );
    assert!(match_pattern(&p, "MCP limit reached (a/3). x").is_none());
    assert!(match_pattern(&p, "API key limit reached (3/3). x").is_none());
}

#[test]
fn backtracks_over_earlier_occurrences() {
    let t = Template::parse("{field}: {reason}").unwrap();
    let p = pat(&t);
    let m = match_pattern(&p, "rules[0].x: bad: really").unwrap();
    assert_eq!(m[0].1, "rules[0].x");
    assert_eq!(m[1].1, "bad: really");
}

#[test]
fn overlap_detection() {
    let t = |s| Template::parse(s).unwrap();
    let text = |_: &str| HoleKind::Text;
    let int = |n: &str| {
        if n == "index" {
            HoleKind::Integer
        } else {
            HoleKind::Text
        }
    };
    let o = |a, b| patterns_overlap(&t(a), &t(b), text, text);
    assert!(o("Key not found", "Key not found"));
    assert!(o("{a} not found", "Key {b}"));
    assert!(!o("Key not found", "Resource not found"));
    assert!(!o(
        "MCP limit reached ({u}/{l}). {r}",
        "API key limit reached ({u}/{l}). {r}"
    ));
    let a = t("tools[{index}] not found on this MCP server");
    let b = t("{field}: {reason}");
    assert!(!patterns_overlap(&a, &b, int, text));
    assert!(patterns_overlap(&a, &b, text, text));
    // an integer placeholder can be negative
    let lim = |_: &str| HoleKind::Integer;
    assert!(patterns_overlap(
        &t("limit {limit}"),
        &t("limit -{reason}"),
        lim,
        text
    ));
}

#[test]
fn find_lit_agrees_with_str_find_short_and_long() {
    let long = format!("{}needle{}", "x".repeat(600), "y".repeat(10));
    for (hay, needle) in [
        ("tools[2] not found", "] not"),
        ("aaab", "ab"),
        ("", ""),
        ("abc", ""),
        ("abc", "abcd"),
        ("héllo wörld", "wö"),
        (long.as_str(), "needle"),
        (long.as_str(), "absent"),
        (long.as_str(), "y"),
    ] {
        assert_eq!(find_lit(hay, needle), hay.find(needle), "{needle:?}");
    }
}
