//! A compact list of (name, raw JSON) pairs: the members of a body that are kept
//! as received. One text buffer holds every name and value back to back, with
//! 8 bytes of bookkeeping per pair, so a body of many tiny members costs a small
//! multiple of its size rather than two heap blocks per member.

use std::fmt;

/// The flag in a name length that marks a pair as taken.
const TAKEN: u32 = 1 << 31;

/// The largest name or value a pair may hold (2 GiB − 1 bytes).
pub const MAX_PART: usize = (TAKEN - 1) as usize;

/// A part was longer than [`MAX_PART`]; nothing was stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooLong;

impl fmt::Display for TooLong {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a member longer than {MAX_PART} bytes")
    }
}

impl std::error::Error for TooLong {}

/// (name, raw JSON) pairs in insertion order; the name is a key or a JSON pointer,
/// as the owner decides.
///
/// ```
/// use error_catalog_core::raw_members::RawMembers;
/// let mut m = RawMembers::default();
/// m.push("/requestId", r#""r-1""#).unwrap();
/// m.push_with(|s| s.push_str("/trace"), "[1,2]").unwrap();
/// let all: Vec<_> = m.iter().collect();
/// assert_eq!(all, [("/requestId", r#""r-1""#), ("/trace", "[1,2]")]);
/// assert_eq!(m.take("/trace"), Some("[1,2]"));
/// assert_eq!(m.len(), 1);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct RawMembers {
    text: String,
    /// (name length, value length) per pair; [`TAKEN`] set in the name length
    /// when the pair was taken out.
    lens: Lens,
    taken: usize,
}

/// How many pairs' lengths are held in place, without a heap block.
const INLINE_PAIRS: usize = 4;

/// The (name length, value length) list: the first [`INLINE_PAIRS`] in place
/// (a body keeps a few members: one heap block for their text, none for
/// this), the rest on the heap. Slots past the length stay `(0, 0)`, so the
/// derived equality and hash see only the pairs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
struct Lens {
    inline: [(u32, u32); INLINE_PAIRS],
    len: usize,
    spill: Vec<(u32, u32)>,
}

impl Lens {
    fn len(&self) -> usize {
        self.len
    }

    fn is_empty(&self) -> bool {
        self.len == 0
    }

    fn push(&mut self, pair: (u32, u32)) {
        match self.inline.get_mut(self.len) {
            Some(slot) => *slot = pair,
            None => self.spill.push(pair),
        }
        self.len += 1;
    }

    fn reserve(&mut self, more: usize) {
        let spilled = (self.len + more).saturating_sub(INLINE_PAIRS);
        self.spill.reserve(spilled.saturating_sub(self.spill.len()));
    }

    fn iter(&self) -> impl Iterator<Item = &(u32, u32)> {
        let inline = self.inline.get(..self.len.min(INLINE_PAIRS)).unwrap_or(&[]);
        inline.iter().chain(&self.spill)
    }

    fn get_mut(&mut self, index: usize) -> Option<&mut (u32, u32)> {
        if index >= self.len {
            return None;
        }
        match index.checked_sub(INLINE_PAIRS) {
            None => self.inline.get_mut(index),
            Some(i) => self.spill.get_mut(i),
        }
    }
}

impl RawMembers {
    /// A list with room for `pairs` pairs and `text` bytes of names and values.
    pub fn with_capacity(pairs: usize, text: usize) -> Self {
        let mut lens = Lens::default();
        lens.reserve(pairs);
        RawMembers {
            text: String::with_capacity(text),
            lens,
            taken: 0,
        }
    }

    /// Appends a pair.
    pub fn push(&mut self, name: &str, raw: &str) -> Result<(), TooLong> {
        self.push_with(|s| s.push_str(name), raw)
    }

    /// Appends a pair whose name `write_name` writes into the buffer (no
    /// temporary string for a name built from parts).
    pub fn push_with(
        &mut self,
        write_name: impl FnOnce(&mut String),
        raw: &str,
    ) -> Result<(), TooLong> {
        if self.text.capacity() == 0 && self.lens.is_empty() {
            // (one allocation for the first few members, not one per growth;
            // made directly, not through the growth path of `reserve`)
            self.text = String::with_capacity(64 + raw.len());
        }
        let start = self.text.len();
        write_name(&mut self.text);
        let name = self.text.len() - start;
        let (Some(n), Some(r)) = (part(name), part(raw.len())) else {
            self.text.truncate(start);
            return Err(TooLong);
        };
        self.text.push_str(raw);
        self.lens.push((n, r));
        Ok(())
    }

    /// The number of pairs not taken.
    pub fn len(&self) -> usize {
        self.lens.len() - self.taken
    }

    /// True when no pair is left.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The pairs not taken, in insertion order, as (name, raw JSON).
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> + '_ {
        self.spans()
            .filter(|span| !span.taken)
            .filter_map(|span| Some((self.text.get(span.name)?, self.text.get(span.raw)?)))
    }

    /// Takes out the first pair named `name` not taken yet, returning its value.
    pub fn take(&mut self, name: &str) -> Option<&str> {
        let span = self
            .spans()
            .find(|span| !span.taken && self.text.get(span.name.clone()) == Some(name))?;
        if let Some(lens) = self.lens.get_mut(span.index) {
            lens.0 |= TAKEN;
            self.taken += 1;
        }
        self.text.get(span.raw)
    }

    /// Where every pair sits in the text, taken ones included.
    fn spans(&self) -> impl Iterator<Item = Span> + '_ {
        let mut at = 0usize;
        self.lens.iter().enumerate().map(move |(index, &(n, r))| {
            let taken = n & TAKEN != 0;
            let (n, r) = ((n & !TAKEN) as usize, r as usize);
            let span = Span {
                index,
                name: at..at + n,
                raw: at + n..at + n + r,
                taken,
            };
            at += n + r;
            span
        })
    }

    /// Appends every pair of `other` not taken, naming each with `rename`, which
    /// is expected to add about `longer_by` bytes to a name (room is reserved once).
    pub fn extend_renamed(
        &mut self,
        other: &RawMembers,
        longer_by: usize,
        mut rename: impl FnMut(&mut String, &str),
    ) -> Result<(), TooLong> {
        self.lens.reserve(other.len());
        self.text
            .reserve(other.text.len() + other.len().saturating_mul(longer_by));
        for (name, raw) in other.iter() {
            self.push_with(|s| rename(s, name), raw)?;
        }
        Ok(())
    }

    /// Bytes of names and values held, taken pairs included.
    pub fn text_len(&self) -> usize {
        self.text.len()
    }
}

/// One pair's place in the text.
struct Span {
    index: usize,
    name: std::ops::Range<usize>,
    raw: std::ops::Range<usize>,
    taken: bool,
}

#[inline]
fn part(len: usize) -> Option<u32> {
    u32::try_from(len).ok().filter(|&l| l < TAKEN)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_order_and_skips_taken_pairs() {
        let mut m = RawMembers::default();
        for (k, v) in [("a", "1"), ("b", "\"x\""), ("a", "2"), ("", "{}")] {
            m.push(k, v).unwrap();
        }
        assert_eq!(m.take("a"), Some("1"));
        assert_eq!(m.take("a"), Some("2"));
        assert_eq!(m.take("a"), None);
        assert_eq!(m.iter().collect::<Vec<_>>(), [("b", "\"x\""), ("", "{}")]);
        assert_eq!(m.len(), 2);
        let mut out = RawMembers::default();
        out.extend_renamed(&m, 3, |s, k| {
            s.push_str("/d/");
            s.push_str(k);
        })
        .unwrap();
        assert_eq!(
            out.iter().collect::<Vec<_>>(),
            [("/d/b", "\"x\""), ("/d/", "{}")]
        );
    }

    #[test]
    fn lengths_past_the_limit_are_refused() {
        assert_eq!(part(MAX_PART + 1), None);
        assert_eq!(part(usize::MAX), None);
        assert_eq!(part(MAX_PART), Some(TAKEN - 1));
        // the name is written before its length is checked: a refused push must
        // leave the buffer as it was (checked here with a name that is accepted
        // and the truncation path's invariant: text = sum of lengths)
        let mut m = RawMembers::default();
        m.push_with(|s| s.push_str("/a/b"), "2").unwrap();
        let total: usize = m.lens.iter().map(|&(n, r)| (n + r) as usize).sum();
        assert_eq!(total, m.text_len());
    }

    #[test]
    fn pairs_past_the_inline_ones_spill_and_compare_by_content() {
        let pairs: Vec<(String, String)> =
            (0..7).map(|i| (format!("/m{i}"), i.to_string())).collect();
        let build = |mut m: RawMembers| {
            for (k, v) in &pairs {
                m.push(k, v).unwrap();
            }
            m
        };
        let mut a = build(RawMembers::default());
        let b = build(RawMembers::with_capacity(9, 100));
        assert_eq!(a, b);
        assert_eq!(a.len(), 7);
        // one taken in place, one from the spilled part
        assert_eq!(a.take("/m1"), Some("1"));
        assert_eq!(a.take("/m5"), Some("5"));
        assert_ne!(a, b);
        let left: Vec<_> = a.iter().map(|(k, _)| k.to_string()).collect();
        assert_eq!(left, ["/m0", "/m2", "/m3", "/m4", "/m6"]);
        assert_eq!(a.len(), 5);
    }

    #[test]
    fn empty_pairs_before_the_first_text_are_kept() {
        // (the buffers are made on the first push, not grown: an empty pair
        // pushed first must survive the pushes after it)
        let mut m = RawMembers::default();
        m.push("", "").unwrap();
        m.push("a", "1").unwrap();
        m.push("b", "2").unwrap();
        assert_eq!(
            m.iter().collect::<Vec<_>>(),
            [("", ""), ("a", "1"), ("b", "2")]
        );
    }
}
