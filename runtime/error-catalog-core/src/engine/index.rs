//! The hash indexes of a [`Table`](super::Table): codes, and the texts of
//! message patterns without placeholders.
//!
//! A code is found through a two-choice index ([`CodeIndex`]): every code sits
//! in one of the two slots its hash names, so a lookup reads both slots and
//! never walks a chain, hit or miss. A slot holds 16 bits of the hash over the
//! entry's index; the entry's [`CodeKey`] then settles a code of up to 24 bytes
//! without reading the code itself. Message texts, which several entries may
//! share, use linear probing instead ([`build_index`], [`probe`]).

use super::Entry;

/// An empty slot of a [`CodeIndex`] or of a message index.
pub const EMPTY_SLOT: u32 = u32::MAX;

/// The most entries an index holds: the low 16 bits of a slot hold the entry,
/// and no slot in use may equal [`EMPTY_SLOT`].
const MAX_INDEXED: usize = u16::MAX as usize;

/// How many times a full code index is rebuilt at twice the size before the
/// codes that found no slot are left to a scan.
const GROWTHS: u32 = 3;

/// How many codes one insertion may move before the build starts over larger.
const MAX_MOVES: usize = 500;

/// A code folded into three overlapping little-endian words and its length.
///
/// For codes of at most 24 bytes the words cover every byte, so two such codes
/// are equal exactly when their keys are; longer codes are compared in full
/// after their keys agree. `of` is a `const fn`, so generated code builds its
/// keys at compile time.
///
/// ```
/// use error_catalog_core::engine::CodeKey;
/// assert_eq!(CodeKey::of("RATE_LIMITED"), CodeKey::of("RATE_LIMITED"));
/// assert_ne!(CodeKey::of("RATE_LIMITED"), CodeKey::of("RATE_LIMITEX"));
/// assert_ne!(CodeKey::of("A"), CodeKey::of("AA"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CodeKey {
    head: u64,
    mid: u64,
    tail: u64,
    len: u64,
}

/// The 8 bytes at `at` (zero past the end, which callers never ask for).
#[inline]
const fn word8(b: &[u8], at: usize) -> u64 {
    match b.split_at_checked(at) {
        Some((_, rest)) => match rest.first_chunk::<8>() {
            Some(w) => u64::from_le_bytes(*w),
            None => 0,
        },
        None => 0,
    }
}

/// The 4 bytes at `at` (zero past the end, which callers never ask for).
#[inline]
const fn word4(b: &[u8], at: usize) -> u64 {
    match b.split_at_checked(at) {
        Some((_, rest)) => match rest.first_chunk::<4>() {
            Some(w) => u32::from_le_bytes(*w) as u64,
            None => 0,
        },
        None => 0,
    }
}

/// Multiplies two words into 128 bits and folds the halves together.
#[inline]
fn fold(a: u64, b: u64) -> u64 {
    let p = u128::from(a) * u128::from(b);
    (p as u64) ^ ((p >> 64) as u64)
}

const K: u64 = 0x9E37_79B9_7F4A_7C15;

impl CodeKey {
    /// The key of `code`: bytes 0–8, 8–16 (or the last 8 when shorter than 16)
    /// and the last 8; codes under 8 bytes read as two overlapping 4-byte words
    /// or as their first, middle and last byte.
    #[inline]
    pub const fn of(code: &str) -> Self {
        let b = code.as_bytes();
        let n = b.len();
        let len = n as u64;
        if n >= 8 {
            let mid = if n - 8 < 8 { n - 8 } else { 8 };
            CodeKey {
                head: word8(b, 0),
                mid: word8(b, mid),
                tail: word8(b, n - 8),
                len,
            }
        } else if n >= 4 {
            let w = word4(b, 0) << 32 | word4(b, n - 4);
            CodeKey {
                head: w,
                mid: w,
                tail: w,
                len,
            }
        } else if n > 0 {
            let w = (b[0] as u64) << 16 | (b[n / 2] as u64) << 8 | b[n - 1] as u64;
            CodeKey {
                head: w,
                mid: w,
                tail: w,
                len,
            }
        } else {
            CodeKey {
                head: 0,
                mid: 0,
                tail: 0,
                len: 0,
            }
        }
    }

    /// True when the keys are equal (branch-free, unlike the derived `==`).
    #[inline]
    fn same(&self, o: &CodeKey) -> bool {
        ((self.head ^ o.head) | (self.mid ^ o.mid) | (self.tail ^ o.tail) | (self.len ^ o.len)) == 0
    }

    /// True when equal keys mean equal codes.
    #[inline]
    fn covers(&self) -> bool {
        self.len <= 24
    }

    /// The hash of the text `bytes`, whose key this is: one folded multiply
    /// over the key's words, and one more per 8 bytes past the first 24.
    #[inline]
    fn hash(&self, bytes: &[u8]) -> u64 {
        // Up to 16 bytes, `mid` repeats `tail`.
        let mid = if self.len > 16 { self.mid } else { 0 };
        let h = fold(
            self.head ^ self.len.wrapping_mul(K) ^ 0x243F_6A88_85A3_08D3,
            self.tail ^ mid.rotate_left(32) ^ 0x1319_8A2E_0370_7344,
        );
        if self.covers() {
            h
        } else {
            long_hash(h, bytes)
        }
    }
}

/// Mixes in the bytes a key leaves out (16 up to the last 8).
fn long_hash(mut h: u64, b: &[u8]) -> u64 {
    let mut i = 16;
    while i + 8 < b.len() {
        h = fold(h ^ word8(b, i), K);
        i += 8;
    }
    h
}

/// The hash every index uses for a text.
#[inline]
fn text_hash(s: &str) -> u64 {
    CodeKey::of(s).hash(s.as_bytes())
}

/// The 16 bits of a hash kept in a slot, compared before anything else.
#[inline]
fn tag(h: u64) -> u32 {
    (h >> 48) as u32
}

/// The two slots a hash names in a code index of `mask + 1` slots.
#[inline]
fn choices(h: u64, mask: usize) -> (usize, usize) {
    (h as usize & mask, (h >> 24) as usize & mask)
}

/// The code index of a [`Table`](super::Table): built by [`code_index`], or
/// emitted as `static` data by generated code.
#[derive(Debug, Clone, Copy)]
pub struct CodeIndex<'a> {
    /// Per slot, the top 16 bits of a code's hash over its entry index, or
    /// [`EMPTY_SLOT`]; the length is a power of two (or zero).
    pub slots: &'a [u32],
    /// Each entry's [`CodeKey`], in entry order.
    pub keys: &'a [CodeKey],
    /// False when some codes found no slot (more than 65,535 entries, or a
    /// build that failed even at 8 times the size): a lookup that misses then
    /// scans the entries.
    pub complete: bool,
}

impl CodeIndex<'_> {
    /// The first entry whose code is `code`.
    ///
    /// ```
    /// let entries = ["A", "B"].map(error_catalog_core::engine::Entry::coded);
    /// let index = error_catalog_core::engine::code_index(&["A", "B"]);
    /// assert_eq!(index.as_index().find("B", &entries), Some(1));
    /// assert_eq!(index.as_index().find("C", &entries), None);
    /// ```
    #[inline]
    pub fn find(&self, code: &str, entries: &[Entry<'_>]) -> Option<usize> {
        let key = CodeKey::of(code);
        let h = key.hash(code.as_bytes());
        let t = tag(h);
        let (i, j) = choices(h, self.slots.len().wrapping_sub(1));
        let a = self.slots.get(i).copied().unwrap_or(EMPTY_SLOT);
        let b = self.slots.get(j).copied().unwrap_or(EMPTY_SLOT);
        let s = if a >> 16 == t { a } else { b };
        if s >> 16 == t {
            let e = (s & 0xFFFF) as usize;
            if key.covers() && self.keys.get(e).is_some_and(|k| k.same(&key)) {
                return Some(e);
            }
        } else if self.complete {
            return None;
        }
        self.find_slow(code, entries, t, [a, b])
    }

    /// Both slots compared by code (a long code, or two tags alike), then the
    /// scan an incomplete index needs.
    #[cold]
    #[inline(never)]
    fn find_slow(
        &self,
        code: &str,
        entries: &[Entry<'_>],
        t: u32,
        slots: [u32; 2],
    ) -> Option<usize> {
        let found = slots
            .into_iter()
            .filter(|s| s >> 16 == t)
            .map(|s| (s & 0xFFFF) as usize)
            .find(|&e| entries.get(e).is_some_and(|x| x.code == code));
        if found.is_some() || self.complete {
            return found;
        }
        entries.iter().position(|x| x.code == code)
    }
}

/// A code index built at run time: what [`code_index`] returns.
#[derive(Debug, Clone, Default)]
pub struct CodeIndexBuf {
    slots: Vec<u32>,
    keys: Vec<CodeKey>,
    complete: bool,
}

impl CodeIndexBuf {
    /// The index, for a [`Table`](super::Table).
    pub fn as_index(&self) -> CodeIndex<'_> {
        CodeIndex {
            slots: &self.slots,
            keys: &self.keys,
            complete: self.complete,
        }
    }

    /// The slots (what generated code emits as its `static` slot array).
    pub fn slots(&self) -> &[u32] {
        &self.slots
    }

    /// Whether every code found a slot.
    pub fn is_complete(&self) -> bool {
        self.complete
    }
}

/// Builds the code index for `codes` (entry order). Where a code repeats, the
/// first entry is found.
///
/// ```
/// use error_catalog_core::engine::{code_index, Entry, Identity, Table};
/// let entries = [Entry::coded("A"), Entry::coded("B")];
/// let index = code_index(&["A", "B"]);
/// let t = Table { identity: Identity::Code, entries: &entries, by_code: index.as_index(),
///     pattern_order: &[], by_message: &[], by_lead: None };
/// assert_eq!(t.by_code("B"), Some(1));
/// assert_eq!(t.by_code("C"), None);
/// ```
pub fn code_index(codes: &[&str]) -> CodeIndexBuf {
    let keys: Vec<CodeKey> = codes.iter().map(|c| CodeKey::of(c)).collect();
    let hashes: Vec<u64> = keys
        .iter()
        .zip(codes)
        .map(|(k, c)| k.hash(c.as_bytes()))
        .collect();
    let indexed = codes.len().min(MAX_INDEXED);
    if indexed == 0 {
        return CodeIndexBuf {
            slots: Vec::new(),
            keys,
            complete: codes.is_empty(),
        };
    }
    let mut size = (indexed * 2).max(8).next_power_of_two();
    let mut growths = 0;
    loop {
        let (slots, placed) = place(&codes[..indexed], &hashes, size);
        if placed || growths == GROWTHS {
            let complete = placed && indexed == codes.len();
            return CodeIndexBuf {
                slots,
                keys,
                complete,
            };
        }
        size *= 2;
        growths += 1;
    }
}

/// Places every code in one of its two slots, moving codes already placed to
/// their other slot when both are taken. False when some code found no slot.
fn place(codes: &[&str], hashes: &[u64], size: usize) -> (Vec<u32>, bool) {
    let mask = size - 1;
    let mut slots = vec![EMPTY_SLOT; size];
    let entry = |s: u32| (s & 0xFFFF) as usize;
    'codes: for (n, (code, &h)) in codes.iter().zip(hashes).enumerate() {
        let (i, j) = choices(h, mask);
        for p in [i, j] {
            let s = slots[p];
            if s != EMPTY_SLOT && codes.get(entry(s)) == Some(code) {
                continue 'codes; // a repeated code: the first stays
            }
        }
        let mut cur = tag(h) << 16 | n as u32;
        let mut at = if slots[i] == EMPTY_SLOT { i } else { j };
        for _ in 0..MAX_MOVES {
            cur = std::mem::replace(&mut slots[at], cur);
            if cur == EMPTY_SLOT {
                continue 'codes;
            }
            let (i, j) = choices(hashes[entry(cur)], mask);
            at = if at == i { j } else { i };
        }
        return (slots, false);
    }
    (slots, true)
}

/// An open-addressing index over (entry index, key) pairs, at most half full:
/// per slot, [`tag`] of the key's hash over the entry index, [`EMPTY_SLOT`]
/// for none. Several entries may share a key. Entries past 65,534 are not
/// indexed: validation refuses catalogs that large
/// (`error_catalog_model::validate::MAX_ERRORS`). Empty when there are no keys.
pub(crate) fn build_index<'k>(keys: impl IntoIterator<Item = (usize, &'k str)>) -> Vec<u32> {
    let keys: Vec<(u16, &str)> = keys
        .into_iter()
        .map_while(|(n, k)| Some((u16::try_from(n).ok().filter(|&n| n != u16::MAX)?, k)))
        .collect();
    if keys.is_empty() {
        return Vec::new();
    }
    let size = (keys.len() * 2).max(8).next_power_of_two();
    let mut index = vec![EMPTY_SLOT; size];
    let mask = size - 1;
    for (n, key) in keys {
        let h = text_hash(key);
        let mut i = h as usize & mask;
        while index[i] != EMPTY_SLOT {
            i = (i + 1) & mask;
        }
        index[i] = tag(h) << 16 | u32::from(n);
    }
    index
}

/// Probes an index built by [`build_index`] for `key`: hands every entry whose
/// slot carries `key`'s hash tag to `visit`, in probe order, and returns the first
/// one `visit` accepts. An empty slot ends every probe; the bound only guards
/// against an index not built that way.
pub(crate) fn probe(
    index: &[u32],
    key: &str,
    mut visit: impl FnMut(usize) -> bool,
) -> Option<usize> {
    let mask = index.len().checked_sub(1)?;
    let h = text_hash(key);
    let t = tag(h);
    let mut i = h as usize & mask;
    for _ in 0..=mask {
        let slot = *index.get(i)?;
        if slot == EMPTY_SLOT {
            return None;
        }
        if slot >> 16 == t {
            let e = (slot & 0xFFFF) as usize;
            if visit(e) {
                return Some(e);
            }
        }
        i = (i + 1) & mask;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries<'a>(codes: &[&'a str]) -> Vec<Entry<'a>> {
        codes.iter().map(|code| Entry::coded(code)).collect()
    }

    /// Keys are equal exactly when codes are, for every length up to 24 and
    /// codes differing in any one byte.
    #[test]
    fn keys_tell_short_codes_apart() {
        let base: String = ('a'..='z').collect();
        for n in 0..=24 {
            let code = &base[..n];
            let copy = String::from(code);
            assert_eq!(CodeKey::of(code), CodeKey::of(&copy));
            for at in 0..n {
                let mut other = code.as_bytes().to_vec();
                other[at] = b'_';
                let other = String::from_utf8(other).unwrap_or_default();
                assert_ne!(CodeKey::of(code), CodeKey::of(&other), "{code} vs {other}");
            }
            assert_ne!(CodeKey::of(code), CodeKey::of(&base[..n + 1]));
        }
    }

    /// Every code is found at its first entry and nothing else is, for many
    /// sizes, lengths from 0 to 40 bytes, long codes alike but in the middle,
    /// and repeated codes.
    #[test]
    fn finds_every_code_and_nothing_else() {
        for n in [0usize, 1, 2, 7, 8, 9, 100, 1000, 3000] {
            let mut owned: Vec<String> = (0..n)
                .map(|i| match i % 4 {
                    0 => format!("E{i}"),
                    1 => format!("SOME_LONGER_CODE_{i}"),
                    2 => format!("a_code_of_more_than_24_bytes_{i}_here"),
                    _ => "x".repeat(i % 41),
                })
                .collect();
            owned.extend(owned.iter().take(3).cloned().collect::<Vec<_>>());
            let codes: Vec<&str> = owned.iter().map(String::as_str).collect();
            let index = code_index(&codes);
            assert!(index.is_complete());
            let ix = index.as_index();
            let entries = entries(&codes);
            for c in &codes {
                let first = codes.iter().position(|x| x == c);
                assert_eq!(ix.find(c, &entries), first, "{c}");
                assert_eq!(ix.find(&format!("{c}?"), &entries), None);
                assert_eq!(ix.find(&format!("?{c}"), &entries), None);
            }
        }
    }

    /// Past 65,535 entries the index is incomplete, and the entries it does not
    /// hold are still found (by scan), as are those it holds.
    #[test]
    fn entries_past_the_index_are_found() {
        let owned: Vec<String> = (0..65_600).map(|i| format!("C{i}")).collect();
        let codes: Vec<&str> = owned.iter().map(String::as_str).collect();
        let index = code_index(&codes);
        assert!(!index.is_complete());
        let entries = entries(&codes);
        for e in [0, 1_000, 65_534, 65_535, 65_599] {
            assert_eq!(index.as_index().find(codes[e], &entries), Some(e));
        }
        assert_eq!(index.as_index().find("C65600", &entries), None);
    }

    /// The first three codes `C0`, `C1`, ... whose two slots are the same pair
    /// in an index of `size` slots (so no index of that size holds all three),
    /// and that do not collide so at twice the size unless `again`.
    fn colliding(size: usize, again: bool) -> Vec<String> {
        let pair = |c: &str, size: usize| {
            let (i, j) = choices(text_hash(c), size - 1);
            (i.min(j), i.max(j))
        };
        let mut seen: std::collections::HashMap<(usize, usize), Vec<String>> =
            std::collections::HashMap::new();
        for k in 0..1_000_000 {
            let code = format!("C{k}");
            let group = seen.entry(pair(&code, size)).or_default();
            group.push(code);
            let apart = group
                .iter()
                .map(|c| pair(c, size * 2))
                .collect::<std::collections::HashSet<_>>()
                .len()
                == 3;
            if group.len() == 3 && (again || apart) {
                return group.clone();
            }
            if group.len() == 3 {
                group.pop();
            }
        }
        Vec::new()
    }

    /// Builds the index of the three codes [`colliding`] gives, checks that it
    /// finds each at its entry and an unknown code nowhere, and returns its
    /// number of slots and whether it is complete.
    fn index_of_colliding(size: usize, again: bool) -> (usize, bool) {
        let owned = colliding(size, again);
        assert_eq!(owned.len(), 3, "no colliding codes found");
        let codes: Vec<&str> = owned.iter().map(String::as_str).collect();
        let index = code_index(&codes);
        let entries = entries(&codes);
        for (e, c) in codes.iter().enumerate() {
            assert_eq!(index.as_index().find(c, &entries), Some(e), "{codes:?}");
        }
        assert_eq!(index.as_index().find("C_none", &entries), None);
        (index.slots().len(), index.is_complete())
    }

    /// Three codes that share both slots at the first size (8) make the build
    /// start over at 16, where they fit: the index is complete.
    #[test]
    fn a_failed_placement_grows_the_index() {
        assert_eq!(index_of_colliding(8, false), (16, true));
    }

    /// Three codes that share both slots at every size up to 8 times the first
    /// leave the index incomplete after the last growth; every code is still
    /// found (by scan).
    #[test]
    fn codes_that_never_fit_are_scanned() {
        assert_eq!(
            index_of_colliding(8 << GROWTHS, true),
            (8 << GROWTHS, false)
        );
    }

    /// An index that could not place every code still finds every code (by scan).
    #[test]
    fn incomplete_index_scans() {
        let codes = ["A", "B", "C"];
        let entries = entries(&codes);
        let keys: Vec<CodeKey> = codes.iter().map(|c| CodeKey::of(c)).collect();
        let ix = CodeIndex {
            slots: &[EMPTY_SLOT; 8],
            keys: &keys,
            complete: false,
        };
        assert_eq!(ix.find("B", &entries), Some(1));
        assert_eq!(ix.find("D", &entries), None);
        let complete = CodeIndex {
            complete: true,
            ..ix
        };
        assert_eq!(complete.find("B", &entries), None);
    }
}
