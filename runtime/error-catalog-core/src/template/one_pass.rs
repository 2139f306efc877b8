//! Patterns that match in one pass. [`match_into`](super::match_into) tries a
//! placeholder's possible ends shortest first and backtracks when the rest
//! fails. When every placeholder has at most one possible end — it runs to the
//! pattern's final literal or to the end of the text, or it is a number whose
//! run of characters the next literal cannot continue — that first answer is
//! the only one: the steps below find it without searching or backtracking,
//! and refuse exactly the texts `match_into` refuses. Generated classifiers
//! run these steps inline; the other patterns keep `match_into`.

use super::{in_number, int_run, HoleKind, PatternSeg};
use crate::hole_texts::HoleTexts;

/// One step of a one-pass match, over the text not matched yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step<'p> {
    /// The text goes on with this literal.
    Lit(&'p str),
    /// A number placeholder (field index, kind) taking the run of characters
    /// its kind allows; a literal that cannot continue the run follows.
    Run(usize, HoleKind),
    /// A placeholder (field index, kind) taking everything before the
    /// pattern's final literal, which the text must end with.
    UpTo(usize, HoleKind, &'p str),
    /// A placeholder (field index, kind) taking the rest of the text.
    Rest(usize, HoleKind),
}

/// The steps matching `pattern` in one pass, when it can be (see the module
/// documentation); `None` when a placeholder could end in more than one place.
///
/// ```
/// use error_catalog_core::template::{one_pass, HoleKind, PatternSeg, Step};
/// let p = [PatternSeg::Lit("tools["), PatternSeg::Hole(0, HoleKind::Integer), PatternSeg::Lit("] not found")];
/// assert_eq!(one_pass(&p), Some(vec![Step::Lit("tools["), Step::UpTo(0, HoleKind::Integer, "] not found")]));
/// // a text placeholder before a literal that may appear again: not one pass
/// let p = [PatternSeg::Hole(0, HoleKind::Text), PatternSeg::Lit(": "), PatternSeg::Hole(1, HoleKind::Text)];
/// assert_eq!(one_pass(&p), None);
/// ```
pub fn one_pass<'p>(pattern: &[PatternSeg<'p>]) -> Option<Vec<Step<'p>>> {
    let mut steps = Vec::new();
    let mut k = 0;
    while let Some(&seg) = pattern.get(k) {
        match seg {
            PatternSeg::Lit(l) => steps.push(Step::Lit(l)),
            PatternSeg::Hole(i, kind) => match pattern.get(k + 1) {
                None => steps.push(Step::Rest(i, kind)),
                Some(&PatternSeg::Lit(last)) if k + 2 == pattern.len() => {
                    steps.push(Step::UpTo(i, kind, last));
                    k += 1;
                }
                Some(&PatternSeg::Lit(next))
                    if next.bytes().next().is_some_and(|b| ends_run(kind, b)) =>
                {
                    steps.push(Step::Run(i, kind));
                }
                _ => return None,
            },
        }
        k += 1;
    }
    Some(steps)
}

/// True when byte `b` cannot be part of a placeholder of `kind` after its first
/// character (text never has such a byte).
fn ends_run(kind: HoleKind, b: u8) -> bool {
    match kind {
        HoleKind::Text => false,
        HoleKind::Integer => !b.is_ascii_digit(),
        HoleKind::Number => !in_number(b),
    }
}

/// [`Step::Run`]: splits `text` into the placeholder's run and the rest; `None`
/// when the run is not a value of `kind`.
///
/// ```
/// use error_catalog_core::template::{take_run, HoleKind};
/// assert_eq!(take_run("-12/3", HoleKind::Integer), Some(("-12", "/3")));
/// assert_eq!(take_run("1.5e3 s", HoleKind::Number), Some(("1.5e3", " s")));
/// assert_eq!(take_run("-/3", HoleKind::Integer), None);
/// ```
#[inline]
pub fn take_run(text: &str, kind: HoleKind) -> Option<(&str, &str)> {
    let b = text.as_bytes();
    let end = match kind {
        HoleKind::Integer => match int_run(b) {
            (sign, run) if run > sign => run,
            _ => return None,
        },
        HoleKind::Number => b.iter().take_while(|&&c| in_number(c)).count(),
        HoleKind::Text => b.len(),
    };
    // (`end` follows an ASCII byte: a char boundary)
    let (run, rest) = (text.get(..end)?, text.get(end..)?);
    kind.accepts(run).then_some((run, rest))
}

/// Runs `steps` (from [`one_pass`]) over `text`, the holes into `out`
/// (cleared first, left empty on failure): what generated classifiers do
/// inline, and what [`match_into`](super::match_into) gives for the pattern.
///
/// ```
/// use error_catalog_core::hole_texts::HoleTexts;
/// use error_catalog_core::template::{one_pass, run_steps, HoleKind, PatternSeg};
/// let p = [PatternSeg::Lit("limit ("), PatternSeg::Hole(0, HoleKind::Integer),
///          PatternSeg::Lit("/"), PatternSeg::Hole(1, HoleKind::Integer), PatternSeg::Lit(")")];
/// let steps = one_pass(&p).unwrap();
/// let mut holes = HoleTexts::default();
/// assert!(run_steps(&steps, "limit (3/5)", &mut holes));
/// assert_eq!(&holes[..], [(0, "3"), (1, "5")]);
/// assert!(!run_steps(&steps, "limit (3/x)", &mut holes) && holes.is_empty());
/// ```
pub fn run_steps<'t>(steps: &[Step<'_>], text: &'t str, out: &mut HoleTexts<'t>) -> bool {
    out.clear();
    let mut rest = text;
    for step in steps {
        let taken = match *step {
            Step::Lit(l) => rest.strip_prefix(l).map(|r| (None, r)),
            Step::Run(i, kind) => take_run(rest, kind).map(|(cap, r)| (Some((i, cap)), r)),
            Step::UpTo(i, kind, last) => rest
                .strip_suffix(last)
                .filter(|cap| kind.accepts(cap))
                .map(|cap| (Some((i, cap)), "")),
            Step::Rest(i, kind) => kind.accepts(rest).then_some((Some((i, rest)), "")),
        };
        let Some((cap, r)) = taken else {
            out.clear();
            return false;
        };
        if let Some(cap) = cap {
            out.push(cap);
        }
        rest = r;
    }
    if !rest.is_empty() {
        out.clear();
    }
    rest.is_empty()
}

#[cfg(test)]
mod tests {
    use super::super::match_into;
    use super::*;

    /// A small deterministic generator (xorshift), so failures reproduce.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
        fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
            from[self.below(from.len())]
        }
    }

    const LITS: [&str; 9] = ["/", "). ", "-", "x", "] ab", "é", ".", "1", "e "];
    const BITS: [&str; 12] = [
        "0", "7", "42", "-", "x", "/", "). ", ".", "e", "é", " ", "] ab",
    ];
    const KINDS: [HoleKind; 3] = [HoleKind::Text, HoleKind::Integer, HoleKind::Number];

    /// A pattern of up to five segments, literals and placeholders alternating.
    fn pattern(rng: &mut Rng) -> Vec<PatternSeg<'static>> {
        let mut p = Vec::new();
        let mut hole = rng.below(2) == 0;
        for i in 0..1 + rng.below(5) {
            p.push(if hole {
                PatternSeg::Hole(i, KINDS[rng.below(3)])
            } else {
                PatternSeg::Lit(rng.pick(&LITS))
            });
            hole = !hole;
        }
        p
    }

    /// A text made of the pattern's pieces with placeholders filled at random,
    /// sometimes with a piece dropped or added, so both answers occur.
    fn text(rng: &mut Rng, p: &[PatternSeg<'_>]) -> String {
        let mut t = String::new();
        for seg in p {
            match seg {
                PatternSeg::Lit(l) if rng.below(8) != 0 => t.push_str(l),
                PatternSeg::Lit(_) => {}
                PatternSeg::Hole(..) => {
                    for _ in 0..rng.below(4) {
                        t.push_str(rng.pick(&BITS));
                    }
                }
            }
        }
        if rng.below(8) == 0 {
            t.push_str(rng.pick(&BITS));
        }
        t
    }

    #[test]
    fn one_pass_steps_give_what_the_backtracking_matcher_gives() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let (mut compiled, mut matched) = (0, 0);
        for _ in 0..4_000 {
            let p = pattern(&mut rng);
            let Some(steps) = one_pass(&p) else {
                continue;
            };
            compiled += 1;
            for _ in 0..50 {
                let t = text(&mut rng, &p);
                let (mut a, mut b) = (HoleTexts::default(), HoleTexts::default());
                let ok = match_into(&p, &t, &mut a);
                assert_eq!(run_steps(&steps, &t, &mut b), ok, "{p:?} on {t:?}");
                assert_eq!(&a[..], &b[..], "{p:?} on {t:?}");
                matched += usize::from(ok);
            }
        }
        // the generator reaches both kinds of pattern and both answers
        assert!(compiled > 1_000 && matched > 10_000, "{compiled} {matched}");
    }

    #[test]
    fn a_placeholder_with_several_possible_ends_is_not_one_pass() {
        let int = |i| PatternSeg::Hole(i, HoleKind::Integer);
        let text = |i| PatternSeg::Hole(i, HoleKind::Text);
        let num = |i| PatternSeg::Hole(i, HoleKind::Number);
        use PatternSeg::Lit;
        // text before a literal that is not the last
        assert_eq!(one_pass(&[text(0), Lit("/"), int(1)]), None);
        // an integer before a literal starting with a digit
        assert_eq!(one_pass(&[int(0), Lit("1x"), int(1)]), None);
        // a number before a literal starting with a character numbers use
        assert_eq!(one_pass(&[num(0), Lit("e"), int(1)]), None);
        // two placeholders side by side
        assert_eq!(one_pass(&[int(0), int(1)]), None);
        // but an integer before `-`, and a number before a space, are
        assert!(one_pass(&[int(0), Lit("-"), int(1)]).is_some());
        assert!(one_pass(&[num(0), Lit(" s "), text(1)]).is_some());
    }
}
