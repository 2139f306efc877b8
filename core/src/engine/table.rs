//! The lookup tables of one catalog, and classifying a response by them: by
//! code, by message pattern (highest priority first; literal messages by hash)
//! or by status.

use super::index::{build_index, probe};
use super::CodeIndex;
use crate::template::{literal_match, match_pattern, PatternSeg};

/// How a service's responses identify an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Identity {
    /// By the code in the body.
    Code,
    /// By status plus a message pattern, then by status alone.
    Message,
    /// By status, told apart by message patterns where several share one.
    Status,
}

/// One classifiable error.
#[derive(Debug, Clone, Copy)]
pub struct Entry<'a> {
    /// The code as the service spells it.
    pub code: &'a str,
    /// The HTTP status, if the error has one.
    pub status: Option<u16>,
    /// Message patterns that identify the error.
    pub patterns: &'a [&'a [PatternSeg<'a>]],
    /// True when the status alone identifies the error (no pattern needed).
    pub by_status: bool,
}

impl<'a> Entry<'a> {
    /// An entry known by its code alone: no status, no patterns.
    ///
    /// ```
    /// let e = error_catalog_core::engine::Entry::coded("RATE_LIMITED");
    /// assert_eq!((e.code, e.status, e.patterns.len()), ("RATE_LIMITED", None, 0));
    /// ```
    pub const fn coded(code: &'a str) -> Self {
        Entry {
            code,
            status: None,
            patterns: &[],
            by_status: false,
        }
    }
}

/// The lookup tables of one catalog.
#[derive(Debug, Clone, Copy)]
pub struct Table<'a> {
    /// How responses identify errors.
    pub identity: Identity,
    /// Every entry, in catalog order.
    pub entries: &'a [Entry<'a>],
    /// The index over the codes (see [`code_index`]).
    pub by_code: CodeIndex<'a>,
    /// Entry indices that have patterns, highest priority first.
    pub pattern_order: &'a [u16],
    /// Hash index over the patterns without placeholders, keyed by their text
    /// (see [`message_index`]: per slot, 16 bits of the text's hash over its
    /// entry index, [`EMPTY_SLOT`] for none; linear probing). May be empty:
    /// those patterns are then tried in rank order like the others.
    pub by_message: &'a [u32],
}

/// The text of a pattern without placeholders.
fn literal_text(p: &[PatternSeg<'_>]) -> Option<String> {
    p.iter()
        .map(|s| match s {
            PatternSeg::Lit(l) => Some(*l),
            PatternSeg::Hole(..) => None,
        })
        .collect()
}

/// The patterns without placeholders of `entries`, as (entry index, text): what
/// [`message_index`] indexes.
pub fn entry_literals<'e>(entries: &'e [Entry<'_>]) -> impl Iterator<Item = (usize, String)> + 'e {
    entries.iter().enumerate().flat_map(|(n, e)| {
        e.patterns
            .iter()
            .filter_map(move |p| Some((n, literal_text(p)?)))
    })
}

/// Builds the index [`Table::by_message`] expects from (entry index, text) pairs:
/// every pattern without placeholders, keyed by its text, pointing at its entry.
///
/// ```
/// use error_catalog_core::engine::{entry_literals, message_index, Entry};
/// use error_catalog_core::template::PatternSeg;
/// let p: &[PatternSeg] = &[PatternSeg::Lit("Key not found")];
/// let entries = [Entry { code: "key_not_found", status: Some(404), patterns: &[p], by_status: false }];
/// let index = message_index(entry_literals(&entries));
/// assert_eq!(index.iter().filter(|s| **s != u32::MAX).count(), 1);
/// ```
pub fn message_index(literals: impl IntoIterator<Item = (usize, String)>) -> Vec<u32> {
    let literals: Vec<(usize, String)> = literals.into_iter().collect();
    build_index(literals.iter().map(|(n, text)| (*n, text.as_str())))
}

/// The entry a response was classified as, and the placeholder values its message gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Classified<'m> {
    /// Index into [`Table::entries`].
    pub entry: usize,
    /// (field index, text) for each placeholder the matching pattern captured.
    pub captures: Vec<(usize, &'m str)>,
}

impl<'a> Table<'a> {
    /// Finds the entry for a code: one hash and two slots read; the code
    /// itself is compared only when longer than 24 bytes.
    #[inline]
    pub fn by_code(&self, code: &str) -> Option<usize> {
        self.by_code.find(code, self.entries)
    }

    /// The highest-ranked entry (by `pattern_order`) of `status` with a pattern
    /// without placeholders equal to `msg`: (entry, rank).
    fn literal_hit(&self, status: u16, msg: &str) -> Option<(usize, usize)> {
        let mut best: Option<(usize, usize)> = None;
        probe(self.by_message, msg, |e| {
            let hit = self.entries.get(e).is_some_and(|x| {
                x.status.is_none_or(|s| s == status)
                    && x.patterns.iter().any(|p| literal_match(p, msg))
            });
            if hit {
                let rank = self.pattern_order.iter().position(|&o| usize::from(o) == e);
                let rank = rank.unwrap_or(usize::MAX);
                if best.is_none_or(|(_, r)| rank < r) {
                    best = Some((e, rank));
                }
            }
            false // every candidate is seen: the best rank wins
        });
        best
    }

    /// Classifies a response from its status and, when the body had them, code and message.
    ///
    /// ```
    /// use error_catalog_core::engine::{Entry, Identity, Table};
    /// use error_catalog_core::template::PatternSeg;
    /// let p: &[PatternSeg] = &[PatternSeg::Lit("Key not found")];
    /// let entries = [
    ///     Entry { code: "key_not_found", status: Some(404), patterns: &[p], by_status: false },
    ///     Entry { code: "not_found", status: Some(404), patterns: &[], by_status: true },
    /// ];
    /// let index = error_catalog_core::engine::code_index(&["key_not_found", "not_found"]);
    /// let by_message = error_catalog_core::engine::message_index(
    ///     error_catalog_core::engine::entry_literals(&entries));
    /// let t = Table { identity: Identity::Message, entries: &entries,
    ///     by_code: index.as_index(), pattern_order: &[0], by_message: &by_message };
    /// assert_eq!(t.classify(404, None, Some("Key not found")).unwrap().entry, 0);
    /// assert_eq!(t.classify(404, None, Some("Gone")).unwrap().entry, 1);
    /// assert!(t.classify(500, None, None).is_none());
    /// ```
    pub fn classify<'m>(
        &self,
        status: u16,
        code: Option<&str>,
        message: Option<&'m str>,
    ) -> Option<Classified<'m>> {
        if self.identity == Identity::Code {
            return code.and_then(|c| self.by_code(c)).map(|entry| Classified {
                entry,
                captures: Vec::new(),
            });
        }
        if let Some(msg) = message {
            // A message equal to a pattern without placeholders is found by hash;
            // only patterns with placeholders ranked above it are tried in turn.
            let literal = self.literal_hit(status, msg);
            for (rank, &i) in self.pattern_order.iter().enumerate() {
                if literal.is_some_and(|(_, r)| rank >= r) {
                    break;
                }
                let i = usize::from(i);
                let Some(e) = self.entries.get(i) else {
                    continue;
                };
                if e.status.is_some_and(|s| s != status) {
                    continue;
                }
                for p in e.patterns {
                    let literal_only = !p.iter().any(|s| matches!(s, PatternSeg::Hole(..)));
                    if literal_only && !self.by_message.is_empty() {
                        continue; // (in the index)
                    }
                    if let Some(captures) = match_pattern(p, msg) {
                        return Some(Classified { entry: i, captures });
                    }
                }
            }
            if let Some((entry, _)) = literal {
                return Some(Classified {
                    entry,
                    captures: Vec::new(),
                });
            }
        }
        self.entries
            .iter()
            .position(|e| e.by_status && e.status == Some(status))
            .map(|entry| Classified {
                entry,
                captures: Vec::new(),
            })
    }
}
