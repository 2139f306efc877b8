//! Message templates: `Template::parse`, `match_pattern` and `patterns_overlap`
//! on arbitrary text.
//!
//! Input (UTF-8): `TEMPLATE_A \n TEMPLATE_B \n MESSAGE` (the message may hold
//! further newlines; missing parts are empty). A placeholder's kind follows its
//! name: one starting with `i`, `l` or `u` (`index`, `limit`, `used`) is an
//! integer, one starting with `n` a number, anything else text.
//!
//! Checks, for each template that parses:
//! - every placeholder's offset points at `{name}` in the source, and writing the
//!   segments back out (braces escaped) parses to the same segments;
//! - when the message matches, the hole texts are as many as the holes, each is
//!   accepted by its kind, and literals plus hole texts spell the message again;
//! - a message rendered from the template (without adjacent holes) always matches;
//! - when the template matches in one pass (`one_pass`), its steps give exactly
//!   what the backtracking matcher gives, on the message and on the rendering;
//! - a template overlaps itself, and overlap is symmetric;
//! - when the message matches both templates (neither with adjacent holes),
//!   `patterns_overlap` says they overlap (the check validation relies on to
//!   refuse ambiguous catalogs).
//!
//! The matcher backtracks, so its cost grows with the message length to the power
//! of the number of text holes. Catalog templates are trusted and short, so the
//! target keeps to at most 3 holes per template and 512-byte messages: a slow
//! input here is then a real regression rather than that known polynomial.

#![no_main]

use error_catalog_core::hole_texts::HoleTexts;
use error_catalog_core::template::{
    match_pattern, one_pass, patterns_overlap, run_steps, HoleKind, PatternSeg, Segment, Template,
};
use libfuzzer_sys::fuzz_target;

const MAX_HOLES: usize = 3;
const MAX_MESSAGE: usize = 512;

fn kind(name: &str) -> HoleKind {
    match name.as_bytes().first() {
        Some(b'i' | b'l' | b'u') => HoleKind::Integer,
        Some(b'n') => HoleKind::Number,
        _ => HoleKind::Text,
    }
}

/// Field index (first appearance among the distinct names) and kind.
fn index(t: &Template) -> impl Fn(&str) -> (usize, HoleKind) + '_ {
    move |name| {
        let mut seen: Vec<&str> = Vec::new();
        for p in t.placeholders() {
            if !seen.contains(&p) {
                seen.push(p);
            }
        }
        let i = seen.iter().position(|p| *p == name).unwrap_or(usize::MAX);
        (i, kind(name))
    }
}

fn accepts(k: HoleKind, s: &str) -> bool {
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    match k {
        HoleKind::Text => true,
        HoleKind::Integer => digits(s.strip_prefix('-').unwrap_or(s)),
        HoleKind::Number => {
            !s.is_empty()
                && s.bytes()
                    .all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.' | b'e' | b'E'))
                && s.bytes().any(|b| b.is_ascii_digit())
        }
    }
}

/// The template's source spelled again from its segments.
fn unparse(t: &Template) -> String {
    let mut s = String::new();
    for seg in &t.segments {
        match seg {
            Segment::Lit(l) => s.push_str(&l.replace('{', "{{").replace('}', "}}")),
            Segment::Hole { name, .. } => {
                s.push('{');
                s.push_str(name);
                s.push('}');
            }
        }
    }
    s
}

/// Segments with the offsets left out.
fn shape(t: &Template) -> Vec<(bool, &str)> {
    t.segments
        .iter()
        .map(|s| match s {
            Segment::Lit(l) => (false, l.as_str()),
            Segment::Hole { name, .. } => (true, name.as_str()),
        })
        .collect()
}

/// Checks a successful match of `pattern` against `text`.
fn check_match(pattern: &[PatternSeg<'_>], texts: &[(usize, &str)], text: &str) {
    let holes: Vec<(usize, HoleKind, bool)> = pattern
        .iter()
        .enumerate()
        .filter_map(|(n, s)| match s {
            PatternSeg::Hole(i, k) => Some((
                *i,
                *k,
                matches!(pattern.get(n + 1), Some(PatternSeg::Hole(..))),
            )),
            PatternSeg::Lit(_) => None,
        })
        .collect();
    assert_eq!(texts.len(), holes.len(), "one hole text per hole: {texts:?}");
    let mut spelled = String::new();
    let mut c = texts.iter();
    for seg in pattern {
        match seg {
            PatternSeg::Lit(l) => spelled.push_str(l),
            PatternSeg::Hole(..) => spelled.push_str(c.next().unwrap().1),
        }
    }
    assert_eq!(spelled, text, "hole texts {texts:?} do not spell the message");
    for ((i, k, before_hole), (ci, cap)) in holes.iter().zip(texts) {
        assert_eq!(i, ci, "capture field index");
        // Adjacent holes (refused by validation) give the first one character.
        if !before_hole {
            assert!(accepts(*k, cap), "capture {cap:?} is not a {k:?}");
        }
    }
}

/// When `pattern` matches in one pass, its steps agree with the matcher on `text`.
fn same_in_one_pass(pattern: &[PatternSeg<'_>], text: &str) {
    let Some(steps) = one_pass(pattern) else {
        return;
    };
    let mut holes = HoleTexts::default();
    let ok = run_steps(&steps, text, &mut holes);
    let expected = match_pattern(pattern, text);
    assert_eq!(
        ok,
        expected.is_some(),
        "one pass of {pattern:?} on {text:?}"
    );
    assert_eq!(
        &holes[..],
        expected.as_deref().unwrap_or_default(),
        "one-pass captures"
    );
}

/// Parses one template and checks it alone; `None` when it does not parse or
/// is outside the target's bounds.
fn one(src: &str, message: &str) -> Option<Template> {
    let t = match Template::parse(src) {
        Ok(t) => t,
        Err(e) => {
            assert!(e.offset <= src.len(), "error offset past the end: {e:?}");
            let _ = e.to_string();
            return None;
        }
    };
    for seg in &t.segments {
        match seg {
            Segment::Hole { name, offset } => {
                let at = src.get(*offset..).unwrap_or_default();
                assert!(
                    at.strip_prefix('{')
                        .and_then(|r| r.strip_prefix(name.as_str()))
                        .is_some_and(|r| r.starts_with('}')),
                    "hole `{name}` offset {offset} does not point at it in {src:?}"
                );
            }
            Segment::Lit(l) => assert!(!l.is_empty(), "empty literal segment"),
        }
    }
    let again = Template::parse(&unparse(&t)).expect("spelled-out template parses");
    assert_eq!(shape(&again), shape(&t), "parse(unparse(t)) != t");

    if t.placeholders().count() > MAX_HOLES {
        return None;
    }
    check_matching(src, &t, message);
    Some(t)
}

/// Matching and overlap checks for one parsed template.
fn check_matching(src: &str, t: &Template, message: &str) {
    let idx = index(t);
    let pattern = t.pattern(&idx);
    if let Some(holes) = match_pattern(&pattern, message) {
        check_match(&pattern, &holes, message);
    }
    same_in_one_pass(&pattern, message);

    // A rendering always matches (unless two holes stand side by side).
    if t.has_adjacent_holes().is_none() {
        let pieces: Vec<&str> = message.split('|').collect();
        let rendered = t.render(|name| {
            let (i, k) = idx(name);
            let v = pieces[i % pieces.len()];
            Some(match k {
                _ if accepts(k, v) => v.to_string(),
                HoleKind::Integer => "7".to_string(),
                _ => "1.5".to_string(),
            })
        });
        let holes = match_pattern(&pattern, &rendered)
            .unwrap_or_else(|| panic!("{src:?} does not match its own rendering {rendered:?}"));
        check_match(&pattern, &holes, &rendered);
        same_in_one_pass(&pattern, &rendered);
    }

    let k = |n: &str| kind(n);
    assert!(
        patterns_overlap(t, t, k, k),
        "{src:?} does not overlap itself"
    );
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut parts = text.splitn(3, '\n');
    let a = parts.next().unwrap_or_default();
    let b = parts.next().unwrap_or_default();
    let message = parts.next().unwrap_or_default();
    if message.len() > MAX_MESSAGE {
        return;
    }
    let ta = one(a, message);
    let tb = one(b, message);
    let (Some(ta), Some(tb)) = (ta, tb) else {
        return;
    };
    let k = |n: &str| kind(n);
    let ab = patterns_overlap(&ta, &tb, k, k);
    assert_eq!(
        ab,
        patterns_overlap(&tb, &ta, k, k),
        "overlap is not symmetric"
    );

    let pa = ta.pattern(index(&ta));
    let pb = tb.pattern(index(&tb));
    // Adjacent holes (refused by validation) match differently from what the
    // overlap check assumes, so only templates without them are compared.
    if ta.has_adjacent_holes().is_some() || tb.has_adjacent_holes().is_some() {
        return;
    }
    if match_pattern(&pa, message).is_some() && match_pattern(&pb, message).is_some() {
        // (a negative integer capture counts too since 00fd347: README.md, finding 2)
        assert!(
            ab,
            "{a:?} and {b:?} both match {message:?} but patterns_overlap says no"
        );
    }
});
