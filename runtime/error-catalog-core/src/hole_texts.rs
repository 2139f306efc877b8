//! What a message pattern's holes matched: (field index, text) per
//! placeholder, the first four kept inline so that matching a message
//! allocates nothing.

use std::ops::Deref;

/// How many holes are kept without allocating.
const INLINE: usize = 4;

/// The (field index, captured text) pairs of one match, in pattern order.
/// Dereferences to a slice.
///
/// ```
/// use error_catalog_core::hole_texts::HoleTexts;
/// use error_catalog_core::template::{match_into, HoleKind, PatternSeg};
/// let p = [PatternSeg::Lit("tools["), PatternSeg::Hole(0, HoleKind::Integer), PatternSeg::Lit("]")];
/// let mut holes = HoleTexts::default();
/// assert!(match_into(&p, "tools[7]", &mut holes));
/// assert_eq!(&holes[..], [(0, "7")]);
/// ```
#[derive(Debug, Clone, Default)]
pub struct HoleTexts<'t> {
    inline: [(usize, &'t str); INLINE],
    len: usize,
    /// Every capture, once there are more than [`INLINE`].
    spill: Option<Vec<(usize, &'t str)>>,
}

impl<'t> HoleTexts<'t> {
    /// Appends one capture.
    #[inline]
    pub fn push(&mut self, capture: (usize, &'t str)) {
        if self.spill.is_none() {
            if let Some(slot) = self.inline.get_mut(self.len) {
                *slot = capture;
                self.len += 1;
                return;
            }
        }
        self.spill_push(capture);
    }

    /// [`push`](Self::push) past the inline holes.
    #[cold]
    fn spill_push(&mut self, capture: (usize, &'t str)) {
        if let Some(v) = &mut self.spill {
            v.push(capture);
        } else {
            let mut v = self.inline.to_vec();
            v.push(capture);
            self.spill = Some(v);
        }
    }

    /// Keeps the first `n` holes.
    #[inline]
    pub fn truncate(&mut self, n: usize) {
        match &mut self.spill {
            Some(v) => v.truncate(n),
            None => self.len = self.len.min(n),
        }
    }

    /// Forgets every capture.
    #[inline]
    pub fn clear(&mut self) {
        self.truncate(0);
    }
}

impl<'t> Deref for HoleTexts<'t> {
    type Target = [(usize, &'t str)];
    fn deref(&self) -> &Self::Target {
        match &self.spill {
            Some(v) => v,
            None => self.inline.get(..self.len).unwrap_or_default(),
        }
    }
}

impl<'t> From<Vec<(usize, &'t str)>> for HoleTexts<'t> {
    fn from(v: Vec<(usize, &'t str)>) -> Self {
        let mut c = HoleTexts::default();
        for x in v {
            c.push(x);
        }
        c
    }
}

impl PartialEq for HoleTexts<'_> {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spills_past_four_and_truncates_either_way() {
        let mut c = HoleTexts::default();
        let texts = ["a", "b", "c", "d", "e", "f"];
        for (i, t) in texts.iter().enumerate() {
            c.push((i, t));
            assert_eq!(c.len(), i + 1);
            assert_eq!(c.last(), Some(&(i, *t)));
        }
        assert_eq!(c.iter().map(|x| x.1).collect::<String>(), "abcdef");
        c.truncate(2);
        assert_eq!(&c[..], [(0, "a"), (1, "b")]);
        c.push((9, "z"));
        assert_eq!(&c[..], [(0, "a"), (1, "b"), (9, "z")]);
        c.clear();
        assert!(c.is_empty());
        let mut small = HoleTexts::default();
        small.push((0, "x"));
        small.push((1, "y"));
        small.truncate(1);
        assert_eq!(&small[..], [(0, "x")]);
        assert_eq!(HoleTexts::from(vec![(3, "q")]), {
            let mut q = HoleTexts::default();
            q.push((3, "q"));
            q
        });
    }
}
