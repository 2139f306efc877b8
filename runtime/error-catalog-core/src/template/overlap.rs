//! Whether two patterns can match one message: validation refuses catalogs
//! whose errors could not be told apart.

use super::{HoleKind, Segment, Template};

/// True when some message could match both patterns; `kind` says what each
/// placeholder matches (text placeholders may be empty). Used by validation to refuse ambiguous catalogs.
///
/// ```
/// use error_catalog_core::template::{patterns_overlap, HoleKind, Template};
/// let text = |_: &str| HoleKind::Text;
/// let a = Template::parse("auth.jwksJson: {reason}").unwrap();
/// let b = Template::parse("{field}: {reason}").unwrap();
/// let c = Template::parse("Key not found").unwrap();
/// assert!(patterns_overlap(&a, &b, text, text));
/// assert!(!patterns_overlap(&a, &c, text, text));
/// ```
pub fn patterns_overlap(
    a: &Template,
    b: &Template,
    kind_a: impl Fn(&str) -> HoleKind,
    kind_b: impl Fn(&str) -> HoleKind,
) -> bool {
    let ta = tokens(a, kind_a);
    let tb = tokens(b, kind_b);
    overlap(&ta, &tb)
}

#[derive(Clone, Copy, PartialEq)]
enum Tok {
    Char(char),
    /// Any one character.
    Any,
    /// One digit.
    Digit,
    /// Zero or more characters.
    Star,
    /// Zero or more digits.
    DigitStar,
}

impl Tok {
    fn is_star(self) -> bool {
        matches!(self, Tok::Star | Tok::DigitStar)
    }

    /// Can this single-position token produce a character the other can?
    fn meets(self, other: Tok) -> bool {
        match (self, other) {
            (Tok::Char(p), Tok::Char(q)) => p == q,
            // integer placeholders take an optional `-` too: counting it as a digit
            // over-approximates, which is the safe side for an overlap check
            (Tok::Digit | Tok::DigitStar, Tok::Char(c))
            | (Tok::Char(c), Tok::Digit | Tok::DigitStar) => c.is_ascii_digit() || c == '-',
            _ => true,
        }
    }
}

fn tokens(t: &Template, kind: impl Fn(&str) -> HoleKind) -> Vec<Tok> {
    let mut out = Vec::new();
    for s in &t.segments {
        match s {
            Segment::Lit(l) => out.extend(l.chars().map(Tok::Char)),
            Segment::Hole { name, .. } => match kind(name) {
                HoleKind::Integer => out.extend([Tok::Digit, Tok::DigitStar]),
                HoleKind::Text => out.push(Tok::Star),
                HoleKind::Number => out.extend([Tok::Any, Tok::Star]),
            },
        }
    }
    out
}

/// Whether the two token strings share a word: a dynamic program over suffixes,
/// `dp[i][j]` = "a[i..] and b[j..] can produce the same text", computed from the
/// ends with two rows (no recursion, memory linear in `b`).
fn overlap(a: &[Tok], b: &[Tok]) -> bool {
    let lb = b.len();
    let mut next = vec![false; lb + 2]; // row i + 1
    let mut cur = vec![false; lb + 2]; // row i
    for i in (0..=a.len()).rev() {
        for j in (0..=lb).rev() {
            let right = cur[j + 1]; // dp[i][j+1] (false past the end)
            let down = next[j]; // dp[i+1][j]
            let diag = next[j + 1]; // dp[i+1][j+1]
            cur[j] = match (a.get(i).copied(), b.get(j).copied()) {
                (None, None) => true,
                (Some(x), Some(y)) if x.is_star() && y.is_star() => down || right,
                (Some(x), y) if x.is_star() => {
                    down || y.is_some_and(|y| !y.is_star() && x.meets(y)) && right
                }
                (x, Some(y)) if y.is_star() => {
                    right || x.is_some_and(|x| !x.is_star() && y.meets(x)) && down
                }
                (Some(x), Some(y)) => x.meets(y) && diag,
                _ => false,
            };
        }
        std::mem::swap(&mut cur, &mut next);
        cur.iter_mut().for_each(|c| *c = false);
    }
    next[0]
}
