//! Matching a received message against a pattern: [`match_pattern`] and
//! [`match_into`] read the placeholders' texts, [`literal_match`] only says whether
//! it matches.

use super::{int_run, HoleKind};
use crate::hole_texts::HoleTexts;

/// One piece of a pattern as the matching engine sees it (static in generated code).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PatternSeg<'a> {
    /// Literal text that must appear as is.
    Lit(&'a str),
    /// A placeholder capturing into field number `.0`.
    Hole(usize, HoleKind),
}

/// Matches `text` against a pattern; on success returns each hole's
/// (field index, captured text) in pattern order.
///
/// ```
/// use error_catalog_core::template::{match_pattern, HoleKind, PatternSeg};
/// let p = [PatternSeg::Lit("tools["), PatternSeg::Hole(0, HoleKind::Integer),
///          PatternSeg::Lit("] not found")];
/// assert_eq!(match_pattern(&p, "tools[2] not found"), Some(vec![(0, "2")]));
/// assert_eq!(match_pattern(&p, "tools[x] not found"), None);
/// ```
pub fn match_pattern<'t>(
    pattern: &[PatternSeg<'_>],
    text: &'t str,
) -> Option<Vec<(usize, &'t str)>> {
    let mut out = HoleTexts::default();
    match_into(pattern, text, &mut out).then(|| out.to_vec())
}

/// [`match_pattern`] into `out` (cleared first; left empty when `text` does
/// not match), allocating nothing for up to four placeholders.
///
/// ```
/// use error_catalog_core::hole_texts::HoleTexts;
/// use error_catalog_core::template::{match_into, HoleKind, PatternSeg};
/// let p = [PatternSeg::Hole(0, HoleKind::Text), PatternSeg::Lit(": "), PatternSeg::Hole(1, HoleKind::Text)];
/// let mut holes = HoleTexts::default();
/// assert!(match_into(&p, "name: required", &mut holes));
/// assert_eq!(&holes[..], [(0, "name"), (1, "required")]);
/// assert!(!match_into(&p, "no colon", &mut holes));
/// assert!(holes.is_empty());
/// ```
pub fn match_into<'t>(pattern: &[PatternSeg<'_>], text: &'t str, out: &mut HoleTexts<'t>) -> bool {
    out.clear();
    // Cheap refusals first: most patterns tried against a message are not it.
    if let Some(PatternSeg::Lit(first)) = pattern.first() {
        if !text.starts_with(first) {
            return false;
        }
    }
    if let Some(PatternSeg::Lit(last)) = pattern.last() {
        if !text.ends_with(last) {
            return false;
        }
    }
    let holes = pattern
        .iter()
        .filter(|s| matches!(s, PatternSeg::Hole(..)))
        .count();
    if holes == 0 {
        return literal_match(pattern, text);
    }
    if holes >= 2 {
        // Every literal must appear, in order: one forward scan refuses most of
        // the rest before any backtracking (one placeholder never backtracks far).
        let mut from = 0;
        for seg in pattern {
            if let PatternSeg::Lit(l) = seg {
                let Some(at) = text.get(from..).and_then(|t| find_lit(t, l)) else {
                    return false;
                };
                from += at + l.len();
            }
        }
    }
    // (segment, offset) states already known to fail: keeps backtracking over
    // several placeholders polynomial instead of exponential. One placeholder
    // cannot backtrack into another, so the table is kept only from two on, and
    // made on the first failure.
    let mut failed = Memo {
        on: holes >= 2,
        set: None,
    };
    let ok = match_at(pattern, 0, text, 0, out, &mut failed);
    if !ok {
        out.clear();
    }
    ok
}

/// True when `pattern` has no placeholders and its literals make up `text`.
///
/// ```
/// use error_catalog_core::template::{literal_match, HoleKind, PatternSeg};
/// assert!(literal_match(&[PatternSeg::Lit("Key "), PatternSeg::Lit("not found")], "Key not found"));
/// assert!(!literal_match(&[PatternSeg::Lit("Key")], "Key not found"));
/// assert!(!literal_match(&[PatternSeg::Hole(0, HoleKind::Text)], "x"));
/// ```
pub fn literal_match(pattern: &[PatternSeg<'_>], text: &str) -> bool {
    let mut rest = text;
    for seg in pattern {
        match seg {
            PatternSeg::Lit(l) => match rest.strip_prefix(l) {
                Some(r) => rest = r,
                None => return false,
            },
            PatternSeg::Hole(..) => return false,
        }
    }
    rest.is_empty()
}

/// The failed (segment, offset) states of one match.
struct Memo {
    on: bool,
    set: Option<std::collections::HashSet<(usize, usize)>>,
}

/// The first position of `needle` in `hay`. Messages and literals are short, so
/// a scan for the first byte beats building a two-way searcher; long inputs
/// keep the standard library's linear-time search.
pub(super) fn find_lit(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else {
        return Some(0);
    };
    if h.len() > 512 && n.len() > 1 {
        return hay.find(needle);
    }
    let mut i = 0;
    while i + n.len() <= h.len() {
        i += find_byte(h.get(i..)?, first)?;
        if h.get(i..)?.starts_with(n) {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// The first position of `b` in `h`, eight bytes at a time.
pub(super) fn find_byte(h: &[u8], b: u8) -> Option<usize> {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let pat = LO * u64::from(b);
    let mut chunks = h.chunks_exact(8);
    let mut at = 0;
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        let x = u64::from_le_bytes(w) ^ pat;
        // a zero byte in `x` is a match; the lowest flagged byte is the first one
        let found = x.wrapping_sub(LO) & !x & HI;
        if found != 0 {
            return Some(at + (found.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|&x| x == b)
        .map(|p| at + p)
}

fn match_at<'t>(
    pattern: &[PatternSeg<'_>],
    k: usize,
    whole: &'t str,
    at: usize,
    out: &mut HoleTexts<'t>,
    failed: &mut Memo,
) -> bool {
    if failed.set.as_ref().is_some_and(|f| f.contains(&(k, at))) {
        return false;
    }
    let ok = match_here(pattern, k, whole, at, out, failed);
    if !ok && failed.on {
        failed
            .set
            .get_or_insert_with(std::collections::HashSet::new)
            .insert((k, at));
    }
    ok
}

fn match_here<'t>(
    pattern: &[PatternSeg<'_>],
    k: usize,
    whole: &'t str,
    at: usize,
    out: &mut HoleTexts<'t>,
    failed: &mut Memo,
) -> bool {
    let text = whole.get(at..).unwrap_or("");
    match pattern.get(k) {
        None => text.is_empty(),
        Some(PatternSeg::Lit(l)) => {
            text.starts_with(l) && match_at(pattern, k + 1, whole, at + l.len(), out, failed)
        }
        Some(PatternSeg::Hole(i, kind)) => match pattern.get(k + 1) {
            None => {
                if kind.accepts(text) {
                    out.push((*i, text));
                    true
                } else {
                    false
                }
            }
            // The last literal: the placeholder takes everything before it.
            Some(PatternSeg::Lit(next)) if k + 2 == pattern.len() => {
                match text.strip_suffix(next) {
                    Some(cap) if kind.accepts(cap) => {
                        out.push((*i, cap));
                        true
                    }
                    _ => false,
                }
            }
            // An integer ends within its run of digits: only those ends are tried.
            Some(PatternSeg::Lit(next)) if *kind == HoleKind::Integer => {
                let (sign, run) = int_run(text.as_bytes());
                for end in sign + 1..=run {
                    // (`end` follows an ASCII digit: a char boundary)
                    if text.get(end..).is_some_and(|t| t.starts_with(next))
                        && capture_then(pattern, k, whole, at, (*i, &text[..end]), out, failed)
                    {
                        return true;
                    }
                }
                false
            }
            Some(PatternSeg::Lit(next)) => {
                let mut from = usize::from(*kind != HoleKind::Text);
                while from <= text.len() {
                    let Some(pos) = text.get(from..).and_then(|t| find_lit(t, next)) else {
                        return false;
                    };
                    let end = from + pos;
                    let cap = &text[..end];
                    if kind.accepts(cap)
                        && capture_then(pattern, k, whole, at, (*i, cap), out, failed)
                    {
                        return true;
                    }
                    from = end + 1;
                    while from < text.len() && !text.is_char_boundary(from) {
                        from += 1;
                    }
                }
                false
            }
            // Adjacent holes are refused by validation; match the first as one character.
            Some(PatternSeg::Hole(..)) => {
                let end = text.chars().next().map_or(0, char::len_utf8);
                if end == 0 {
                    return false;
                }
                capture_then(pattern, k, whole, at, (*i, &text[..end]), out, failed)
            }
        },
    }
}

/// HoleTexts `capture` for the placeholder at segment `k` (its text starting at
/// `at`) and matches the rest after it; takes the capture back when the rest fails.
#[inline]
fn capture_then<'t>(
    pattern: &[PatternSeg<'_>],
    k: usize,
    whole: &'t str,
    at: usize,
    capture: (usize, &'t str),
    out: &mut HoleTexts<'t>,
    failed: &mut Memo,
) -> bool {
    let mark = out.len();
    let next = at + capture.1.len();
    out.push(capture);
    if match_at(pattern, k + 1, whole, next, out, failed) {
        return true;
    }
    out.truncate(mark);
    false
}
