//! The one template engine: message templates with `{field}` placeholders.
//!
//! The same parsed [`Template`] renders messages (Display, docs), matches received
//! messages and extracts placeholder values (classification), and names the fields
//! that validation checks.

use crate::hole_texts::HoleTexts;
use std::fmt;

mod one_pass;
mod overlap;
pub use one_pass::{one_pass, run_steps, take_run, Step};
pub use overlap::patterns_overlap;

/// One piece of a parsed template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    /// Literal text, with `{{` / `}}` already unescaped.
    Lit(String),
    /// A `{name}` placeholder; `offset` is the byte offset of `{` in the source.
    Hole {
        /// The placeholder's field name.
        name: String,
        /// Byte offset of the opening brace in the template text.
        offset: usize,
    },
}

/// A parsed message template such as `Customer {id} not found`.
///
/// ```
/// use error_catalog_core::template::Template;
/// let t = Template::parse("Customer {id} not found").unwrap();
/// assert_eq!(t.placeholders().collect::<Vec<_>>(), ["id"]);
/// assert_eq!(t.render(|_| Some("c_1".to_string())), "Customer c_1 not found");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    /// The template's pieces, in order.
    pub segments: Vec<Segment>,
}

/// Why a template could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    /// Byte offset in the template text where the problem is.
    pub offset: usize,
    /// What is wrong, lowercase.
    pub message: String,
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at byte {})", self.message, self.offset)
    }
}

impl std::error::Error for TemplateError {}

impl Template {
    /// Parses a template. `{{` and `}}` stand for literal braces.
    ///
    /// ```
    /// use error_catalog_core::template::Template;
    /// assert!(Template::parse("unclosed {brace").is_err());
    /// assert_eq!(Template::parse("{{literal}}").unwrap().render(|_| None), "{literal}");
    /// ```
    pub fn parse(text: &str) -> Result<Template, TemplateError> {
        let mut segments = Vec::new();
        let mut lit = String::new();
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'{' if bytes.get(i + 1) == Some(&b'{') => {
                    lit.push('{');
                    i += 2;
                }
                b'}' if bytes.get(i + 1) == Some(&b'}') => {
                    lit.push('}');
                    i += 2;
                }
                b'{' => {
                    let start = i;
                    let close = text[i + 1..].find(['}', '{']).map(|p| p + i + 1);
                    let close = match close {
                        Some(c) if bytes[c] == b'}' => c,
                        _ => {
                            return Err(TemplateError {
                                offset: start,
                                message: "unbalanced braces: `{` is never closed (write `{{` for a literal brace)".into(),
                            })
                        }
                    };
                    let name = &text[start + 1..close];
                    if name.is_empty()
                        || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                    {
                        return Err(TemplateError {
                            offset: start,
                            message: format!(
                                "placeholder `{{{name}}}` must be a field name (letters, digits, `_`); write `{{{{` for a literal brace"
                            ),
                        });
                    }
                    if !lit.is_empty() {
                        segments.push(Segment::Lit(std::mem::take(&mut lit)));
                    }
                    segments.push(Segment::Hole {
                        name: name.to_string(),
                        offset: start,
                    });
                    i = close + 1;
                }
                b'}' => return Err(TemplateError {
                    offset: i,
                    message:
                        "unbalanced braces: `}` has no opening `{` (write `}}` for a literal brace)"
                            .into(),
                }),
                _ => {
                    let next = text[i..].find(['{', '}']).map_or(text.len(), |p| p + i);
                    lit.push_str(&text[i..next]);
                    i = next;
                }
            }
        }
        if !lit.is_empty() {
            segments.push(Segment::Lit(lit));
        }
        Ok(Template { segments })
    }

    /// The placeholder names, in order of appearance (repeats included).
    pub fn placeholders(&self) -> impl Iterator<Item = &str> {
        self.segments.iter().filter_map(|s| match s {
            Segment::Hole { name, .. } => Some(name.as_str()),
            Segment::Lit(_) => None,
        })
    }

    /// Renders the template, asking `value` for each placeholder; a placeholder
    /// without a value is written back as `{name}`.
    pub fn render(&self, value: impl Fn(&str) -> Option<String>) -> String {
        let mut out = String::new();
        for seg in &self.segments {
            match seg {
                Segment::Lit(l) => out.push_str(l),
                Segment::Hole { name, .. } => match value(name) {
                    Some(v) => out.push_str(&v),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                },
            }
        }
        out
    }

    /// True when two placeholders stand side by side, which makes matching ambiguous.
    pub fn has_adjacent_holes(&self) -> Option<usize> {
        self.segments.windows(2).find_map(|w| match w {
            [Segment::Hole { .. }, Segment::Hole { offset, .. }] => Some(*offset),
            _ => None,
        })
    }

    /// The borrowed pattern form used by the matching engine; `index` maps a
    /// placeholder name to (field index, kind).
    pub fn pattern<'a>(&'a self, index: impl Fn(&str) -> (usize, HoleKind)) -> Vec<PatternSeg<'a>> {
        self.segments
            .iter()
            .map(|s| match s {
                Segment::Lit(l) => PatternSeg::Lit(l),
                Segment::Hole { name, .. } => {
                    let (i, k) = index(name);
                    PatternSeg::Hole(i, k)
                }
            })
            .collect()
    }
}

/// What text a placeholder matches when a message is classified.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HoleKind {
    /// Any text, possibly empty.
    Text,
    /// An optional `-` and one or more ASCII digits.
    Integer,
    /// Digits with an optional sign, point and exponent.
    Number,
}

impl HoleKind {
    /// True when a placeholder of this kind matches all of `s`.
    ///
    /// ```
    /// use error_catalog_core::template::HoleKind;
    /// assert!(HoleKind::Integer.accepts("-42") && !HoleKind::Integer.accepts("4.2"));
    /// assert!(HoleKind::Number.accepts("4.2e1") && !HoleKind::Number.accepts("."));
    /// assert!(HoleKind::Text.accepts(""));
    /// ```
    #[inline]
    pub fn accepts(self, s: &str) -> bool {
        let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
        match self {
            HoleKind::Text => true,
            HoleKind::Integer => digits(s.strip_prefix('-').unwrap_or(s)),
            HoleKind::Number => s.bytes().all(in_number) && s.bytes().any(|b| b.is_ascii_digit()),
        }
    }
}

/// True when `b` may appear in a number placeholder's text.
fn in_number(b: u8) -> bool {
    b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.' | b'e' | b'E')
}

/// (sign length, sign plus digits length) of the integer `b` starts with: the
/// only ends an integer placeholder can have lie in `sign + 1..=run`.
fn int_run(b: &[u8]) -> (usize, usize) {
    let sign = usize::from(b.first() == Some(&b'-'));
    let digits = b
        .get(sign..)
        .unwrap_or_default()
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    (sign, sign + digits)
}

impl Template {
    /// The whole text of a template without placeholders; `None` when it has one.
    ///
    /// ```
    /// use error_catalog_core::template::Template;
    /// assert_eq!(Template::parse("Key not found").unwrap().literal_text().as_deref(), Some("Key not found"));
    /// assert_eq!(Template::parse("{{x}} ok").unwrap().literal_text().as_deref(), Some("{x} ok"));
    /// assert_eq!(Template::parse("tools[{index}]").unwrap().literal_text(), None);
    /// ```
    pub fn literal_text(&self) -> Option<String> {
        self.segments
            .iter()
            .map(|s| match s {
                Segment::Lit(l) => Some(l.as_str()),
                Segment::Hole { .. } => None,
            })
            .collect()
    }
}

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
fn find_lit(hay: &str, needle: &str) -> Option<usize> {
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
fn find_byte(h: &[u8], b: u8) -> Option<usize> {
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

#[cfg(test)]
mod tests {
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
}
