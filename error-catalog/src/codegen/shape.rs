//! Where every value of an enum sits on the wire: the slots the capture engine
//! reads, and each bound field's place. Serialization and parsing both use it.

use super::ast::{Bound, Input};
use crate::engine::Identity;
use crate::model::{ErrorEntry, Pointer};
use crate::template::Template;

/// How a field is read from a captured body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// A slot of the layout.
    Slot(usize),
    /// A member of the fields object.
    Member(String),
    /// A placeholder of the matching message pattern (field index in the variant).
    Capture(usize),
}

/// The layout of one enum's wire.
pub struct Shape {
    /// Slot pointers.
    pub slots: Vec<Pointer>,
    /// The code's slot.
    pub code: Option<usize>,
    /// The message's slot.
    pub message: Option<usize>,
    /// The fields object.
    pub fields_at: Option<Pointer>,
    /// Per variant, per field: its place.
    pub places: Vec<Vec<Place>>,
}

fn slot_of(slots: &mut Vec<Pointer>, p: &Pointer) -> usize {
    match slots.iter().position(|s| s == p) {
        Some(i) => i,
        None => {
            slots.push(p.clone());
            slots.len() - 1
        }
    }
}

fn named_in_all_patterns(e: &ErrorEntry, wire: &str) -> bool {
    !e.matches.is_empty()
        && e.matches
            .iter()
            .all(|m| Template::parse(&m.value).is_ok_and(|t| t.placeholders().any(|n| n == wire)))
}

/// The wire layout of `input`.
pub fn shape(input: &Input) -> Shape {
    let w = &input.catalog.wire;
    let mut slots = Vec::new();
    let code = w.code.as_ref().map(|p| slot_of(&mut slots, &p.value));
    let message = w.message.as_ref().map(|p| slot_of(&mut slots, &p.value));
    for p in [&w.suggestion, &w.docs_url, &w.fix_command]
        .into_iter()
        .flatten()
    {
        slot_of(&mut slots, &p.value);
    }
    let fields_at = w.fields_at.as_ref().map(|p| p.value.clone());
    let mut places = Vec::new();
    for (b, e) in input.variants.iter().zip(&input.catalog.errors) {
        let mut vp = Vec::new();
        for (i, f) in b.fields.iter().enumerate() {
            let place = match (&f.at, &fields_at) {
                (None, _) if w.identity != Identity::Code && named_in_all_patterns(e, &f.wire) => {
                    Place::Capture(i)
                }
                (Some(p), Some(fa))
                    if p.segments.len() == fa.segments.len() + 1
                        && p.segments.starts_with(&fa.segments) =>
                {
                    Place::Member(p.segments.last().cloned().unwrap_or_default())
                }
                (Some(p), _) => Place::Slot(slot_of(&mut slots, p)),
                (None, _) => Place::Member(f.wire.clone()),
            };
            vp.push(place);
        }
        places.push(vp);
    }
    Shape {
        slots,
        code,
        message,
        fields_at,
        places,
    }
}

/// What one leaf of the serialized body holds.
#[derive(Debug, Clone)]
pub enum Leaf {
    /// The code.
    Code,
    /// The rendered message.
    Message,
    /// A fixed string from the catalog.
    Static(String),
    /// Field number `.0` of the variant.
    Field(usize),
}

/// One object of the serialized body.
#[derive(Debug, Default)]
pub struct Node {
    /// Its JSON pointer.
    pub pointer: String,
    /// (key, leaf) members, in insertion order.
    pub leaves: Vec<(String, Leaf)>,
    /// (key, object) members.
    pub children: Vec<(String, Node)>,
}

impl Node {
    fn insert(&mut self, segments: &[String], leaf: Leaf) {
        match segments {
            [] => {}
            [last] => self.leaves.push((last.clone(), leaf)),
            [first, rest @ ..] => {
                let pos = self.children.iter().position(|(k, _)| k == first);
                let i = match pos {
                    Some(i) => i,
                    None => {
                        let esc = first.replace('~', "~0").replace('/', "~1");
                        let node = Node {
                            pointer: format!("{}/{esc}", self.pointer),
                            ..Node::default()
                        };
                        self.children.push((first.clone(), node));
                        self.children.len() - 1
                    }
                };
                self.children[i].1.insert(rest, leaf);
            }
        }
    }

    /// True when the object would have members.
    pub fn has_leaves(&self) -> bool {
        !self.leaves.is_empty() || self.children.iter().any(|(_, c)| c.has_leaves())
    }
}

/// The object tree one variant serializes to.
pub fn tree(input: &Input, shape: &Shape, v: usize, b: &Bound) -> Node {
    let w = &input.catalog.wire;
    let e = &input.catalog.errors[v];
    let mut root = Node::default();
    if let Some(p) = &w.code {
        root.insert(&p.value.segments, Leaf::Code);
    }
    if let Some(p) = &w.message {
        root.insert(&p.value.segments, Leaf::Message);
    }
    for (p, value) in [
        (&w.suggestion, &e.suggestion),
        (&w.docs_url, &e.docs_url),
        (&w.fix_command, &e.fix_command),
    ] {
        if let (Some(p), Some(value)) = (p, value) {
            root.insert(&p.value.segments, Leaf::Static(value.clone()));
        }
    }
    for (i, place) in shape.places[v].iter().enumerate() {
        match place {
            Place::Slot(s) => root.insert(&shape.slots[*s].segments, Leaf::Field(i)),
            Place::Member(name) => {
                let mut segs = shape
                    .fields_at
                    .as_ref()
                    .map_or_else(Vec::new, |p| p.segments.clone());
                segs.push(name.clone());
                root.insert(&segs, Leaf::Field(i));
            }
            Place::Capture(_) => {}
        }
    }
    let _ = b;
    root
}
