//! Grouping: every record the catalog knows is counted for its entry; the
//! others are grouped by what would identify them, with a bounded state per
//! group (so memory grows with the groups, not the records).

use std::collections::HashMap;

use super::infer::Shape;
use super::records::{Origin, Record};
use super::tokens::{shape_key, tokenize};

/// What an unknown record is grouped by.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Key {
    /// A catalog identified by code: the code the body carried (cut as the
    /// catalog cuts codes).
    Code(String),
    /// No code (or a catalog identified by message): the status and the
    /// message's shape.
    Message {
        /// The HTTP status.
        status: u16,
        /// The message's shape ([`shape_key`]).
        shape: String,
    },
    /// A catalog identified by status: the status.
    Status(u16),
    /// Nothing identifies it (no code, no message: a proxy's HTML page): the status.
    Unidentified(u16),
}

/// How many message shapes a group keeps; more are counted, not kept.
pub const SHAPES: usize = 8;

/// One shape of a group's messages with how many messages had it and the
/// first record that had it.
#[derive(Debug, Clone)]
pub struct ShapeSeen {
    /// The shape's key.
    pub key: String,
    /// Its messages.
    pub shape: Shape,
    /// How many records had it.
    pub count: u64,
    /// The first record with it, and where it was.
    pub first: (Record, Origin),
}

/// What is kept of one group of unknown records.
#[derive(Debug, Clone)]
pub struct Group {
    /// What it is grouped by.
    pub key: Key,
    /// How many records.
    pub count: u64,
    /// Records per status, in order of first appearance.
    pub statuses: Vec<(u16, u64)>,
    /// The first record, and where it was.
    pub first: (Record, Origin),
    /// Why the decoder did not know the first record.
    pub reason: Option<String>,
    /// The envelope the decoder read the first record in (`None`: `[wire]`;
    /// else the index of one of `[wire.envelopes]`).
    pub envelope: Option<usize>,
    /// The message shapes seen, most [`SHAPES`].
    pub shapes: Vec<ShapeSeen>,
    /// Records whose message had a shape past the first [`SHAPES`].
    pub other_shapes: u64,
}

impl Group {
    /// The shape most records had.
    pub fn main_shape(&self) -> Option<&ShapeSeen> {
        // the first of the most common: ties go to the one seen first
        self.shapes.iter().rev().max_by_key(|s| s.count)
    }

    /// The status most records had.
    pub fn main_status(&self) -> u16 {
        self.statuses
            .iter()
            .rev()
            .max_by_key(|(_, n)| *n)
            .map_or(self.first.0.status, |(s, _)| *s)
    }
}

/// Every group, in order of first appearance.
#[derive(Debug, Default)]
pub struct Groups {
    index: HashMap<Key, usize>,
    list: Vec<Group>,
}

impl Groups {
    /// Counts one unknown record under `key`; `message` is the one the
    /// decoder found, `reason` why it is unknown.
    pub fn add(
        &mut self,
        key: Key,
        record: &Record,
        origin: &Origin,
        message: Option<&str>,
        (reason, envelope): (Option<&str>, Option<usize>),
    ) {
        let i = match self.index.get(&key) {
            Some(&i) => i,
            None => {
                self.list.push(Group {
                    key: key.clone(),
                    count: 0,
                    statuses: Vec::new(),
                    first: (record.clone(), origin.clone()),
                    reason: reason.map(str::to_string),
                    envelope,
                    shapes: Vec::new(),
                    other_shapes: 0,
                });
                self.index.insert(key, self.list.len() - 1);
                self.list.len() - 1
            }
        };
        let g = &mut self.list[i];
        g.count += 1;
        match g.statuses.iter_mut().find(|(s, _)| *s == record.status) {
            Some((_, n)) => *n += 1,
            None => g.statuses.push((record.status, 1)),
        }
        if let Some(m) = message {
            let tokens = tokenize(m);
            let key = shape_key(&tokens);
            let at = g.shapes.iter().position(|s| s.key == key);
            match at {
                Some(i) => {
                    let s = &mut g.shapes[i];
                    s.count += 1;
                    s.shape.add(m, &tokens);
                }
                None if g.shapes.len() < SHAPES => g.shapes.push(ShapeSeen {
                    shape: Shape::new(m, &tokens),
                    key,
                    count: 1,
                    first: (record.clone(), origin.clone()),
                }),
                None => g.other_shapes += 1,
            }
        }
    }

    /// The groups, in order of first appearance.
    pub fn list(&self) -> &[Group] {
        &self.list
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(status: u16) -> (Record, Origin) {
        (
            Record {
                status,
                headers: Vec::new(),
                body: Vec::new(),
            },
            Origin {
                file: "r".into(),
                place: "line 1".into(),
            },
        )
    }

    #[test]
    fn one_group_per_key_with_bounded_shapes() {
        let mut g = Groups::default();
        let (r404, o) = rec(404);
        let (r410, _) = rec(410);
        for i in 0..100 {
            let m = format!("Customer {i} not found");
            g.add(
                Key::Code("GONE".into()),
                &r404,
                &o,
                Some(&m),
                (Some("unknown code"), None),
            );
        }
        g.add(
            Key::Code("GONE".into()),
            &r410,
            &o,
            Some("Customer 5 gone"),
            (None, None),
        );
        // values in one place: one shape however many records
        for i in 0..20 {
            g.add(
                Key::Code("OTHER".into()),
                &r404,
                &o,
                Some(&format!("Order ord_{i} is locked by {i}")),
                (None, None),
            );
        }
        let list = g.list();
        assert_eq!(list.len(), 2);
        assert_eq!(list[0].count, 101);
        assert_eq!(list[0].statuses, [(404, 100), (410, 1)]);
        assert_eq!(list[0].main_status(), 404);
        assert_eq!(list[0].shapes.len(), 2);
        assert_eq!(list[0].main_shape().map(|s| s.count), Some(100));
        assert_eq!(list[0].reason.as_deref(), Some("unknown code"));
        assert_eq!(list[1].count, 20);
        assert_eq!(list[1].shapes.len(), 1);
        // the messages kept to check a template are bounded
        let main = list[0].main_shape().unwrap();
        assert_eq!(main.shape.samples().len(), super::super::infer::SAMPLES);
        assert_eq!(main.first.1.place, "line 1");
    }

    #[test]
    fn shapes_past_the_bound_are_counted_not_kept() {
        let mut g = Groups::default();
        let (r, o) = rec(400);
        let words = [
            "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india",
            "juliet",
        ];
        for w in words {
            g.add(Key::Status(400), &r, &o, Some(w), (None, None));
        }
        assert_eq!(g.list()[0].shapes.len(), SHAPES);
        assert_eq!(g.list()[0].other_shapes, 2);
    }
}
