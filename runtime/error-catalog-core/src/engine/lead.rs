//! Which message patterns can match a message, found without trying them all:
//! a pattern can only match a message that starts with its leading literal
//! (the text before its first placeholder).

use std::collections::HashMap;
use std::fmt;

use super::table::Entry;
use crate::template::PatternSeg;

/// The ranked patterns (positions in `Table::pattern_order`) that may match
/// a message; a table without one tries every pattern in rank order.
pub trait LeadIndex: Sync + fmt::Debug {
    /// Appends to `out` the rank of every pattern whose leading literal is a
    /// prefix of `message` (in no order; a rank may repeat).
    fn candidates(&self, message: &str, out: &mut Vec<usize>);
    /// The rank of `entry` among the entries with patterns.
    fn rank_of(&self, entry: usize) -> Option<usize>;
}

/// A [`LeadIndex`] over a table's entries, built when a catalog is loaded (the
/// CLI's tables; generated code classifies messages with a compiled
/// classifier instead).
///
/// ```
/// use error_catalog_core::engine::{Entry, LeadIndex, LeadMap};
/// use error_catalog_core::template::{HoleKind, PatternSeg};
/// let a: &[PatternSeg] = &[PatternSeg::Lit("Tool "), PatternSeg::Hole(0, HoleKind::Text), PatternSeg::Lit(" not found")];
/// let b: &[PatternSeg] = &[PatternSeg::Hole(0, HoleKind::Text), PatternSeg::Lit(" expired")];
/// let entries = [Entry { patterns: &[a], ..Entry::coded("A") }, Entry { patterns: &[b], ..Entry::coded("B") }];
/// let index = LeadMap::new(&entries, &[1, 0]);
/// let mut out = Vec::new();
/// index.candidates("Tool x not found", &mut out);
/// out.sort();
/// assert_eq!(out, [0, 1]); // B (rank 0) starts with a placeholder: always a candidate
/// out.clear();
/// index.candidates("Key expired", &mut out);
/// assert_eq!(out, [0]);
/// assert_eq!(index.rank_of(0), Some(1));
/// ```
#[derive(Debug, Default)]
pub struct LeadMap {
    by_lead: HashMap<String, Vec<u32>>,
    longest: usize,
    rank: Vec<Option<u32>>,
}

impl LeadMap {
    /// The index of `entries`' patterns, ranked by `pattern_order`.
    pub fn new(entries: &[Entry<'_>], pattern_order: &[u16]) -> Self {
        let mut m = LeadMap {
            rank: vec![None; entries.len()],
            ..LeadMap::default()
        };
        for (rank, &i) in pattern_order.iter().enumerate() {
            let i = usize::from(i);
            let Some(e) = entries.get(i) else { continue };
            let Ok(r) = u32::try_from(rank) else { continue };
            if let Some(slot) = m.rank.get_mut(i) {
                *slot = Some(r);
            }
            for p in e.patterns {
                let lead = match p.first() {
                    Some(PatternSeg::Lit(l)) => *l,
                    _ => "",
                };
                m.longest = m.longest.max(lead.len());
                m.by_lead.entry(lead.to_string()).or_default().push(r);
            }
        }
        m
    }
}

impl LeadIndex for LeadMap {
    fn candidates(&self, message: &str, out: &mut Vec<usize>) {
        let end = message.len().min(self.longest);
        for k in (0..=end).filter(|&k| message.is_char_boundary(k)) {
            if let Some(ranks) = self.by_lead.get(&message[..k]) {
                out.extend(ranks.iter().map(|&r| r as usize));
            }
        }
    }

    fn rank_of(&self, entry: usize) -> Option<usize> {
        self.rank.get(entry).copied().flatten().map(|r| r as usize)
    }
}
