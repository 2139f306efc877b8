//! An array the wire's pointers select elements of, written back in the order
//! the body had it: an element taken by index at that index, the elements
//! taken by a selector (`*`, `[member=value]`) where the body had them, and
//! every element kept as extra at its own index.
//!
//! The place of a selected element is not kept: every element the walk did
//! not take is kept under its index, so the selected ones fill, in order, the
//! places no kept element and no index holds.

use serde::ser::{Serialize, SerializeSeq, Serializer};

use super::ser::{ExtraMembers, Obj, WriteElements};
use crate::Extra;

/// Which element of a [`Placed`] array a writer writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The element at this index (`/errors/0`).
    Index(usize),
    /// The n-th element a selector took (`/errors/*`), counted from 0.
    Selected(usize),
}

/// A writer of one element of a [`Placed`] array, in its role.
pub struct At<W>(pub Role, pub W);

/// The writers of a [`Placed`] array's own elements, asked by role.
pub trait WriteRole {
    /// Writes the element of `role` when one of these writers has it; says
    /// whether one did.
    fn write_role<Q: SerializeSeq>(&self, role: Role, seq: &mut Q) -> Result<bool, Q::Error>;
}

impl<W: WriteElements> WriteRole for At<W> {
    fn write_role<Q: SerializeSeq>(&self, role: Role, seq: &mut Q) -> Result<bool, Q::Error> {
        if self.0 != role {
            return Ok(false);
        }
        self.1.write_elements(seq)?;
        Ok(true)
    }
}

/// An array whose elements the variant writes (`.4`: the indexes they take,
/// `.2`, and how many selectors took one, `.3`) among the elements kept as
/// extra under pointer `.1` (`.0`; `None` writes none, as the public form
/// does). A place between elements that nothing holds is written `{}`.
pub struct Placed<'a, T>(
    pub Option<&'a Extra>,
    pub &'static str,
    pub &'static [usize],
    pub usize,
    pub T,
);

impl<T: WriteRole> Serialize for Placed<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let Placed(extra, at, indexes, selected, elements) = self;
        let kept = extra.map(|x| kept_elements(x, at)).unwrap_or_default();
        let mut kept = kept.into_iter().peekable();
        let end = indexes.iter().max().map_or(0, |i| i + 1);
        let mut seq = s.serialize_seq(None)?;
        let (mut place, mut taken) = (0, 0);
        loop {
            if indexes.contains(&place) {
                // (members kept of an element taken by index are written with it)
                kept.next_if(|(i, _)| *i == place);
                elements.write_role(Role::Index(place), &mut seq)?;
            } else if let Some((_, pointer)) = kept.next_if(|(i, _)| *i == place) {
                write_kept(extra, pointer, &mut seq)?;
            } else if taken < *selected {
                elements.write_role(Role::Selected(taken), &mut seq)?;
                taken += 1;
            } else if place < end {
                seq.serialize_element(&Obj(()))?;
            } else {
                break;
            }
            place += 1;
        }
        // (kept elements past a place nothing held, in their order)
        for (_, pointer) in kept {
            write_kept(extra, pointer, &mut seq)?;
        }
        seq.end()
    }
}

/// The elements kept under the array at `at` (`/errors/1`, or members of an
/// element, `/errors/2/note`), as (index, the element's pointer), by index.
fn kept_elements<'x>(extra: &'x Extra, at: &str) -> Vec<(usize, &'x str)> {
    let mut kept: Vec<(usize, &str)> = extra
        .members()
        .filter_map(|(p, _)| {
            let rest = p.strip_prefix(at)?.strip_prefix('/')?;
            let index = rest.split('/').next()?;
            let end = at.len() + 1 + index.len();
            Some((index.parse().ok()?, p.get(..end)?))
        })
        .collect();
    kept.sort_unstable();
    kept.dedup();
    kept
}

/// A kept element: its value kept whole, or its kept members.
fn write_kept<Q: SerializeSeq>(
    extra: &Option<&Extra>,
    pointer: &str,
    seq: &mut Q,
) -> Result<(), Q::Error> {
    let Some(extra) = *extra else { return Ok(()) };
    match extra.get(pointer) {
        Some(v) => seq.serialize_element(v),
        None => seq.serialize_element(&Obj(ExtraMembers(Some(extra), pointer, &[]))),
    }
}
