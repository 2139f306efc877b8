//! The lookup tables of one catalog, and classifying a response by them: by
//! code, by message pattern (highest priority first; literal messages by hash)
//! or by status.

use super::index::{build_index, probe};
use super::lead::LeadIndex;
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
    /// Members the body must hold, with these values, for this entry to be it
    /// (`when`): where several entries fit, the first in catalog order wins,
    /// and validation puts the most specific first.
    pub when: &'a [Condition<'a>],
    /// In a table identified by code: the body carries this entry's code.
    /// False for an error the service sends without a code (`"code": null`
    /// or none), which is recognised by its status, patterns and `when`.
    pub code_in_body: bool,
    /// The integer codes the entry covers besides its own (`code_range`,
    /// inclusive): a code no entry names is found in the first range holding it.
    pub range: Option<(i64, i64)>,
}

/// A member an entry requires to hold one value (`when = { "/error/type" =
/// "OAuthException" }`), or a response header (`when_header = {
/// "x-ratelimit-remaining" = "0" }`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Condition<'a> {
    /// The member's JSON pointer, as written (`/error/error_subcode`); for a
    /// header, its name in lowercase.
    pub pointer: &'a str,
    /// The value: for a member, as JSON text (`463`, `"OAuthException"`,
    /// `true`); for a header, its text.
    pub value: &'a str,
    /// True when this is a condition on a response header.
    pub header: bool,
}

impl<'a> Condition<'a> {
    /// A condition on the member at `pointer` (`value`: JSON text).
    pub const fn member(pointer: &'a str, value: &'a str) -> Self {
        Condition {
            pointer,
            value,
            header: false,
        }
    }

    /// A condition on header `name` (in lowercase) having the text `value`.
    pub const fn header(name: &'a str, value: &'a str) -> Self {
        Condition {
            pointer: name,
            value,
            header: true,
        }
    }

    /// True when `raw` is the value this condition requires: for a member
    /// (its raw JSON), the same JSON value however it is spelt; for a header,
    /// the same text, surrounding whitespace aside.
    ///
    /// ```
    /// use error_catalog_core::engine::Condition;
    /// let c = Condition::member("/error/error_subcode", "463");
    /// assert!(c.holds_for("463") && c.holds_for(" 463"));
    /// assert!(!c.holds_for("\"463\"") && !c.holds_for("460"));
    /// let h = Condition::header("x-ratelimit-remaining", "0");
    /// assert!(h.holds_for(" 0") && !h.holds_for("\"0\"") && !h.holds_for("00"));
    /// ```
    pub fn holds_for(&self, raw: &str) -> bool {
        if self.header {
            return raw.trim() == self.value;
        }
        raw == self.value
            || serde_json::from_str::<serde_json::Value>(raw).is_ok_and(|v| {
                serde_json::from_str::<serde_json::Value>(self.value).is_ok_and(|w| v == w)
            })
    }
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
            when: &[],
            code_in_body: true,
            range: None,
        }
    }

    /// True when this entry takes part in classifying a response of a table
    /// with `identity` whose body carried `code` (the code step needs the code;
    /// the later steps take the entries sent without one).
    fn in_step(&self, identity: Identity, code: Option<&str>) -> bool {
        identity != Identity::Code || (code.is_none() && !self.code_in_body)
    }
}

/// The lookup tables of one catalog.
#[derive(Debug, Clone, Copy)]
pub struct Table<'a> {
    /// How responses identify errors.
    pub identity: Identity,
    /// Every entry, in catalog order.
    pub entries: &'a [Entry<'a>],
    /// The index over the codes (see [`code_index`](super::code_index)).
    pub by_code: CodeIndex<'a>,
    /// Entry indices that have patterns, highest priority first.
    pub pattern_order: &'a [u16],
    /// Hash index over the patterns without placeholders, keyed by their text
    /// (see [`message_index`]: per slot, 16 bits of the text's hash over its
    /// entry index, [`EMPTY_SLOT`](super::EMPTY_SLOT) for none; linear probing). May be empty:
    /// those patterns are then tried in rank order like the others.
    pub by_message: &'a [u32],
    /// Which patterns can match a message ([`LeadIndex`]); `None`: every
    /// pattern is tried in rank order.
    pub by_lead: Option<&'a dyn LeadIndex>,
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
/// let entries = [Entry { patterns: &[p], status: Some(404), ..Entry::coded("key_not_found") }];
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
    pub holes: Vec<(usize, &'m str)>,
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
    fn literal_hit(
        &self,
        status: u16,
        msg: &str,
        fits: &dyn Fn(&Entry<'_>) -> bool,
    ) -> Option<(usize, usize)> {
        let mut best: Option<(usize, usize)> = None;
        probe(self.by_message, msg, |e| {
            let hit = self.entries.get(e).is_some_and(|x| {
                x.status.is_none_or(|s| s == status)
                    && x.patterns.iter().any(|p| literal_match(p, msg))
                    && fits(x)
            });
            if hit {
                let rank = match self.by_lead {
                    Some(ix) => ix.rank_of(e),
                    None => self.pattern_order.iter().position(|&o| usize::from(o) == e),
                };
                let rank = rank.unwrap_or(usize::MAX);
                if best.is_none_or(|(_, r)| rank < r) {
                    best = Some((e, rank));
                }
            }
            false // every candidate is seen: the best rank wins
        });
        best
    }

    /// The first entry whose `code_range` holds integer code `code` (and whose
    /// conditions hold).
    fn in_range(&self, code: &str, holds: &dyn Fn(&Entry<'_>) -> bool) -> Option<usize> {
        let n: i64 = code.parse().ok()?;
        self.entries.iter().position(|e| {
            e.range.is_some_and(|(lo, hi)| (lo..=hi).contains(&n)) && e.code_in_body && holds(e)
        })
    }

    /// Classifies a response from its status and, when the body had them, code and message.
    ///
    /// ```
    /// use error_catalog_core::engine::{Entry, Identity, Table};
    /// use error_catalog_core::template::PatternSeg;
    /// let p: &[PatternSeg] = &[PatternSeg::Lit("Key not found")];
    /// let entries = [
    ///     Entry { status: Some(404), patterns: &[p], ..Entry::coded("key_not_found") },
    ///     Entry { status: Some(404), by_status: true, ..Entry::coded("not_found") },
    /// ];
    /// let index = error_catalog_core::engine::code_index(&["key_not_found", "not_found"]);
    /// let by_message = error_catalog_core::engine::message_index(
    ///     error_catalog_core::engine::entry_literals(&entries));
    /// let t = Table { identity: Identity::Message, entries: &entries,
    ///     by_code: index.as_index(), pattern_order: &[0], by_message: &by_message, by_lead: None };
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
        self.classify_when(status, code, message, &|_| None)
    }

    /// [`Table::classify`] for a response whose members (raw JSON, by JSON
    /// pointer) and headers (text, by name) `member` gives for the entries'
    /// conditions (`None`: absent). The steps: by
    /// code when the table is identified by code and the body has one (the
    /// first entry of that code whose conditions hold); otherwise, among the
    /// entries sent without a code (all of them in a table identified by
    /// message or status), by status and message pattern (highest priority
    /// first), then by status alone; conditions must hold at every step.
    ///
    /// ```
    /// use error_catalog_core::engine::{code_index, Condition, Entry, Identity, Table};
    /// let subcode = [Condition::member("/error/error_subcode", "463")];
    /// let entries = [
    ///     Entry { when: &subcode, ..Entry::coded("190") },
    ///     Entry::coded("190"),
    /// ];
    /// let index = code_index(&["190", "190"]);
    /// let t = Table { identity: Identity::Code, entries: &entries,
    ///     by_code: index.as_index(), pattern_order: &[], by_message: &[], by_lead: None };
    /// let body = |c: &Condition| (c.pointer == "/error/error_subcode").then_some("463");
    /// assert_eq!(t.classify_when(400, Some("190"), None, &body).unwrap().entry, 0);
    /// assert_eq!(t.classify_when(400, Some("190"), None, &|_| None).unwrap().entry, 1);
    /// ```
    pub fn classify_when<'m, 'w>(
        &self,
        status: u16,
        code: Option<&str>,
        message: Option<&'m str>,
        member: &dyn Fn(&Condition<'_>) -> Option<&'w str>,
    ) -> Option<Classified<'m>> {
        let holds = |e: &Entry<'_>| {
            e.when
                .iter()
                .all(|c| member(c).is_some_and(|raw| c.holds_for(raw)))
        };
        let found = |entry| Classified {
            entry,
            holes: Vec::new(),
        };
        if let (Identity::Code, Some(c)) = (self.identity, code) {
            let Some(first) = self.by_code(c) else {
                return self.in_range(c, &holds).map(found);
            };
            let e = self.entries.get(first)?;
            if !e.code_in_body {
                return None;
            }
            if e.when.is_empty() {
                return Some(found(first));
            }
            // the entries of this code, most specific first
            let mut rest = self.entries.iter().enumerate().skip(first);
            return rest
                .find(|(_, x)| x.code == c && x.code_in_body && holds(x))
                .map(|(n, _)| found(n));
        }
        let fits = |e: &Entry<'_>| e.in_step(self.identity, code) && holds(e);
        if let Some(msg) = message {
            // A message equal to a pattern without placeholders is found by hash;
            // only patterns with placeholders ranked above it are tried in turn.
            let literal = self.literal_hit(status, msg, &fits);
            // (with an index, only the patterns whose leading text the message
            // starts with, in rank order)
            let mut candidates = Vec::new();
            let ranks: &mut dyn Iterator<Item = usize> = match self.by_lead {
                Some(ix) => {
                    ix.candidates(msg, &mut candidates);
                    candidates.sort_unstable();
                    candidates.dedup();
                    &mut candidates.iter().copied()
                }
                None => &mut (0..self.pattern_order.len()),
            };
            for rank in ranks {
                if literal.is_some_and(|(_, r)| rank >= r) {
                    break;
                }
                let Some(&i) = self.pattern_order.get(rank) else {
                    continue;
                };
                let i = usize::from(i);
                let Some(e) = self.entries.get(i) else {
                    continue;
                };
                if e.status.is_some_and(|s| s != status) || !fits(e) {
                    continue;
                }
                for p in e.patterns {
                    let literal_only = !p.iter().any(|s| matches!(s, PatternSeg::Hole(..)));
                    if literal_only && !self.by_message.is_empty() {
                        continue; // (in the index)
                    }
                    if let Some(holes) = match_pattern(p, msg) {
                        return Some(Classified { entry: i, holes });
                    }
                }
            }
            if let Some((entry, _)) = literal {
                return Some(found(entry));
            }
        }
        self.entries
            .iter()
            .position(|e| e.by_status && e.status == Some(status) && fits(e))
            .map(found)
    }
}
