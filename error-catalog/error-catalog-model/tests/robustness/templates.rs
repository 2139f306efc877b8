//! Templates and matching on long, brace-heavy and backtracking-prone texts.

use std::time::Duration;

use error_catalog_core::template::{match_pattern, HoleKind, PatternSeg, Template};

use crate::support::{finishes_within, timed};

#[test]
fn template_parse_hostile() {
    for (what, text, ok) in [
        ("1 MB of `{{`", "{{".repeat(500_000), true),
        ("1 MB of `}}`", "}}".repeat(500_000), true),
        // An odd number: the last one is unbalanced.
        ("1 MB of `{`", "{".repeat(1_000_001), false),
        ("1 MB of `}`", "}".repeat(1_000_001), false),
        ("100,000 holes", "{a}".repeat(100_000), true),
        ("`{{{x`", "{{{x".repeat(100_000), false),
        ("`{x{`", "{x{".repeat(100_000), false),
        ("`{}`", "{}".repeat(100_000), false),
        ("multi-byte names", "{é}".repeat(10), false),
        (
            "a hole at the end of multi-byte text",
            format!("{}{{x}}", "é".repeat(100_000)),
            true,
        ),
    ] {
        let r = timed(&format!("parse {what}"), || Template::parse(&text));
        assert_eq!(r.is_ok(), ok, "{what}: {:?}", r.as_ref().err());
        if let Ok(t) = r {
            let _ = t.render(|_| Some("v".into())).len();
            let _ = t.has_adjacent_holes();
        }
    }
}

#[test]
fn match_pattern_long_texts() {
    let lit = |s: &'static str| PatternSeg::Lit(s);
    let text_hole = PatternSeg::Hole(0, HoleKind::Text);
    let int_hole = PatternSeg::Hole(1, HoleKind::Integer);
    let num_hole = PatternSeg::Hole(2, HoleKind::Number);
    let long = "x".repeat(1_000_000);
    let digits = "7".repeat(1_000_000);
    let seps = ": ".repeat(500_000);
    let multibyte = "é✓😀".repeat(100_000);
    let patterns: Vec<Vec<PatternSeg<'static>>> = vec![
        vec![text_hole],
        vec![lit("x"), text_hole, lit("y")],
        vec![text_hole, lit(": "), text_hole],
        vec![lit("tools["), int_hole, lit("] not found")],
        vec![int_hole, lit("/"), int_hole, lit(")")],
        vec![num_hole, lit(" s")],
        vec![text_hole, int_hole],
        vec![lit("é"), text_hole, lit("😀")],
    ];
    for p in &patterns {
        for t in [&long, &digits, &seps, &multibyte] {
            let what = format!("{} B against {p:?}", t.len());
            let (p2, t2) = (p.clone(), t.clone());
            let r = finishes_within(&what, Duration::from_secs(120), move || {
                match_pattern(&p2, &t2).map(|c| c.len())
            });
            let _ = r;
        }
    }
    assert_eq!(
        match_pattern(&[lit("x"), text_hole, lit("y")], &format!("{long}y")).map(|c| c[0].1.len()),
        Some(long.len() - 1)
    );
    assert_eq!(
        match_pattern(
            &[lit("tools["), int_hole, lit("] not found")],
            &format!("tools[{digits}] not found")
        )
        .map(|c| c[0].1.len()),
        Some(digits.len())
    );
}

/// A pattern with several text placeholders each followed by a literal, against a
/// message made of that literal and missing the final one: the matcher tries every
/// split. It must stay polynomial in the message length (here: a 3 KB message and
/// four placeholders must finish within a minute).
#[test]
fn match_pattern_does_not_backtrack_exponentially() {
    let sep = PatternSeg::Lit(", ");
    let hole = |i| PatternSeg::Hole(i, HoleKind::Text);
    let pattern = vec![
        hole(0),
        sep,
        hole(1),
        sep,
        hole(2),
        sep,
        hole(3),
        PatternSeg::Lit("."),
    ];
    let message = ", ".repeat(1_500);
    let r = finishes_within(
        "4 text holes against 3 KB of separators",
        Duration::from_secs(60),
        move || match_pattern(&pattern, &message).is_some(),
    );
    assert!(!r);
}

/// The same shape at sizes that finish, to show the growth (printed).
#[test]
fn match_pattern_backtracking_growth_is_measured() {
    let sep = PatternSeg::Lit(", ");
    let hole = |i| PatternSeg::Hole(i, HoleKind::Text);
    for holes in 2..=4usize {
        let mut pattern = Vec::new();
        for i in 0..holes {
            if i > 0 {
                pattern.push(sep);
            }
            pattern.push(hole(i));
        }
        pattern.push(PatternSeg::Lit("."));
        for n in [60usize, 120] {
            let message = ", ".repeat(n);
            let p = pattern.clone();
            let r = finishes_within(
                &format!("{holes} text holes, {n} separators"),
                Duration::from_secs(120),
                move || match_pattern(&p, &message).is_some(),
            );
            assert!(!r);
        }
    }
}
