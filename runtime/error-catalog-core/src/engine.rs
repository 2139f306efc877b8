//! The one classification engine, shared by generated code (which emits its
//! tables as `static` data) and the CLI (which builds them when it loads a catalog).
//!
//! Classifying a response is two steps: [`capture`] reads the body once, keeping
//! borrowed raw JSON for every location the wire names and for every member it
//! does not know; [`Table::classify`] then finds the entry by code, by message
//! pattern or by status. A body that is one object holding one string member
//! (`{"error": "..."}`) can be read without a parser by [`lone_member`].

use std::borrow::Cow;
use std::fmt;

use serde_json::value::RawValue;

use crate::raw_members::{RawMembers, TooLong};
use walk::push_escaped;

mod index;
mod key_seed;
mod lazy_capture;
mod lead;
mod lone;
mod select;
mod table;
mod walk;
pub use index::{code_index, CodeIndex, CodeIndexBuf, CodeKey, EMPTY_SLOT};
pub use key_seed::{KeyOf, KeySeed};
pub use lazy_capture::LazyCapture;
pub use lead::{LeadIndex, LeadMap};
pub use lone::lone_member;
pub use select::{each_element, escape_segment, index_text, Select};
pub use table::{entry_literals, message_index, Classified, Condition, Entry, Identity, Table};
pub use walk::{walk, walk_with, OptStrSeed, PointerTo, Root, Sink, StrSeed, FIELDS_REACHED};

/// The largest number of slots a wire may name.
pub const MAX_SLOTS: usize = 16;

/// Where things sit in a body: each slot is a JSON pointer split into segments.
#[derive(Debug, Clone, Copy)]
pub struct Layout<'a> {
    /// One pointer per slot (unescaped segments); slot numbers index this slice.
    pub slots: &'a [&'a [&'a str]],
    /// The object whose unnamed members are an error's own fields, if any.
    pub fields_at: Option<&'a [&'a str]>,
}

/// What [`capture`] found in a body.
#[derive(Debug, Default)]
pub struct Captured<'b> {
    /// The raw value at each slot, when present.
    pub slots: [Option<&'b RawValue>; MAX_SLOTS],
    /// Members of the `fields_at` object that are not slots, in body order.
    pub members: Members<'b>,
    /// Everything else the body carried: (JSON pointer, raw JSON).
    pub extras: RawMembers,
    /// The fields whose value could not be read as their type, in the order
    /// read (`decode::read_optional`, `decode::read_field`).
    pub unread: Vec<Unread>,
}

/// A field whose value could not be read as its type: an optional one is
/// then `None` and its raw value kept in the extra ([`Unread::kept`]); a
/// required one sends the response to the fallback, whose reason names its
/// place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unread {
    /// Where the value was: a member of the fields object, or a slot.
    pub at: UnreadAt,
    /// The raw JSON, kept for an optional field; `None` for a required one.
    pub kept: Option<String>,
    /// Why: the field's name and what did not fit
    /// (``field `decline_code`: invalid type: integer `42`, expected a string``).
    pub reason: String,
}

/// Where an [`Unread`] value was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnreadAt {
    /// A member of the fields object, by key.
    Member(String),
    /// A slot of the layout.
    Slot(usize),
}

/// How many members are kept without allocating.
const INLINE_MEMBERS: usize = 4;

/// The members of the fields object: a few inline (borrowed from the body), the
/// rest copied into one compact buffer.
#[derive(Debug, Default)]
pub struct Members<'b> {
    inline: [Option<(Cow<'b, str>, &'b RawValue)>; INLINE_MEMBERS],
    len: usize,
    /// Members pushed and not taken.
    left: usize,
    spill: RawMembers,
}

impl<'b> Members<'b> {
    fn push(&mut self, key: Cow<'b, str>, raw: &'b RawValue) -> Result<(), TooLong> {
        match self.inline.get_mut(self.len) {
            Some(slot) => *slot = Some((key, raw)),
            None => self.spill.push(&key, raw.get())?,
        }
        self.len += 1;
        self.left += 1;
        Ok(())
    }

    /// True when no member is left.
    pub fn is_empty(&self) -> bool {
        self.left == 0
    }

    /// Takes the member named `name` out, if present, as raw JSON.
    pub fn take(&mut self, name: &str) -> Option<&str> {
        if self.left == 0 {
            return None;
        }
        if let Some(slot) = self
            .inline
            .iter_mut()
            .find(|m| m.as_ref().is_some_and(|(k, _)| k == name))
        {
            self.left -= 1;
            return slot.take().map(|(_, raw)| raw.get());
        }
        let taken = self.spill.take(name);
        if taken.is_some() {
            self.left -= 1;
        }
        taken
    }

    /// The members not taken, in body order, as (key, raw JSON).
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.inline
            .iter()
            .filter_map(|m| m.as_ref().map(|(k, v)| (k.as_ref(), v.get())))
            .chain(self.spill.iter())
    }

    /// Moves every member not taken yet into `out`, named by JSON pointer under
    /// `prefix` (the pointer of the fields object).
    pub fn drain_into(&mut self, prefix: &str, out: &mut RawMembers) -> Result<(), TooLong> {
        if self.left == 0 {
            return Ok(());
        }
        self.left = 0;
        let named = |s: &mut String, key: &str| {
            s.push_str(prefix);
            s.push('/');
            push_escaped(s, key);
        };
        for (key, raw) in self.inline.iter_mut().filter_map(Option::take) {
            out.push_with(|s| named(s, &key), raw.get())?;
        }
        out.extend_renamed(&self.spill, prefix.len() + 1, named)?;
        self.spill = RawMembers::default();
        Ok(())
    }
}

impl<'b> Captured<'b> {
    /// The raw value at `slot`.
    pub fn slot(&self, slot: usize) -> Option<&'b RawValue> {
        self.slots.get(slot).copied().flatten()
    }

    /// The raw JSON text at `slot`.
    pub fn slot_raw(&self, slot: usize) -> Option<&'b str> {
        self.slot(slot).map(RawValue::get)
    }

    /// The string at `slot`: borrowed when it has no escapes, owned otherwise;
    /// `None` when absent or not a string.
    pub fn slot_str(&self, slot: usize) -> Option<Cow<'b, str>> {
        let raw = self.slot(slot)?;
        str_of(raw)
    }

    /// Takes the member named `name` out of the field members, as raw JSON.
    pub fn take_member(&mut self, name: &str) -> Option<&str> {
        self.members.take(name)
    }
}

/// The string a raw JSON value holds, if it is a string.
pub fn str_of(raw: &RawValue) -> Option<Cow<'_, str>> {
    let text = raw.get();
    let inner = text.strip_prefix('"')?.strip_suffix('"')?;
    if !inner.contains('\\') {
        return Some(Cow::Borrowed(inner));
    }
    serde_json::from_str::<String>(text).ok().map(Cow::Owned)
}

/// Why a body could not be captured (not JSON, truncated, too deep, not an object...).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaptureError(pub String);

impl fmt::Display for CaptureError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CaptureError {}

/// Reads `body` once and captures every slot of `layout`.
///
/// ```
/// use error_catalog_core::engine::{capture, Layout};
/// let layout = Layout { slots: &[&["error", "code"][..]], fields_at: Some(&["error"][..]) };
/// let c = capture(br#"{"error": {"code": "X", "retryAfter": 60}, "id": 1}"#, &layout).unwrap();
/// assert_eq!(c.slot_str(0).as_deref(), Some("X"));
/// assert_eq!(c.members.iter().next(), Some(("retryAfter", "60")));
/// assert_eq!(c.extras.iter().next(), Some(("/id", "1")));
/// ```
pub fn capture<'b>(body: &'b [u8], layout: &Layout<'_>) -> Result<Captured<'b>, CaptureError> {
    let mut out = Captured::default();
    walk(body, layout, &mut out)?;
    Ok(out)
}

#[cfg(test)]
mod tests;
