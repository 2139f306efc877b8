//! The tree of a variant's serialized body: which object of the envelope
//! holds the code, the message, each field and each fixed text.

use crate::ast::{Bound, Input};
use error_catalog_core::engine::Select;
use error_catalog_model::layout::{error_marks, Place};
use error_catalog_model::model::Pointer;
use error_catalog_model::plan::PlanBuf;

/// What one leaf of the serialized body holds.
#[derive(Debug, Clone)]
pub enum Leaf {
    /// The code.
    Code,
    /// The code, written as a JSON number (`code_type = "integer"`).
    IntegerCode,
    /// The rendered message.
    Message,
    /// A fixed string from the catalog.
    Static(String),
    /// The fix command, with the error's values.
    FixCommand,
    /// Field number `.0` of the variant.
    Field(usize),
    /// A value a `when` condition requires (JSON text of a scalar).
    Constant(String),
    /// An envelope text (suggestion, docs URL, fix command): the one the body
    /// carried, kept as extra at pointer `.1` when it differed from the
    /// entry's, else the entry's own (`.0`, none when it declares none).
    Received(Option<Box<Leaf>>, String),
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
    /// Makes sure the objects along `segments` exist (for extras kept there).
    fn ensure(&mut self, segments: &[String]) {
        if let [first, rest @ ..] = segments {
            let i = match self.children.iter().position(|(k, _)| k == first) {
                Some(i) => i,
                None => {
                    let esc = Pointer::escape(first);
                    let node = Node {
                        pointer: format!("{}/{esc}", self.pointer),
                        ..Node::default()
                    };
                    self.children.push((first.clone(), node));
                    self.children.len() - 1
                }
            };
            self.children[i].1.ensure(rest);
        }
    }

    /// Adds a leaf at a pointer's segments.
    pub fn insert_leaf(&mut self, segments: &[String], leaf: Leaf) {
        self.insert(segments, leaf);
    }

    /// Adds a leaf at a pointer's segments, before its object's other
    /// members (and that object before its siblings).
    pub fn insert_front(&mut self, segments: &[String], leaf: Leaf) {
        self.insert(segments, leaf);
        self.raise(segments);
    }

    /// Moves the member at `segments` (and the objects holding it) first.
    fn raise(&mut self, segments: &[String]) {
        match segments {
            [] => {}
            [last] => {
                if let Some(i) = self.leaves.iter().rposition(|(k, _)| k == last) {
                    let leaf = self.leaves.remove(i);
                    self.leaves.insert(0, leaf);
                }
            }
            [first, rest @ ..] => {
                if let Some(i) = self.children.iter().position(|(k, _)| k == first) {
                    let child = self.children.remove(i);
                    self.children.insert(0, child);
                    self.children[0].1.raise(rest);
                }
            }
        }
    }

    fn insert(&mut self, segments: &[String], leaf: Leaf) {
        match segments {
            [] => {}
            [last] => self.leaves.push((last.clone(), leaf)),
            [first, rest @ ..] => {
                let pos = self.children.iter().position(|(k, _)| k == first);
                let i = match pos {
                    Some(i) => i,
                    None => {
                        let esc = Pointer::escape(first);
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

    /// True when a leaf sits at `segments`.
    fn has_leaf(&self, segments: &[String]) -> bool {
        match segments {
            [] => false,
            [last] => self.leaves.iter().any(|(k, _)| k == last),
            [first, rest @ ..] => self
                .children
                .iter()
                .any(|(k, c)| k == first && c.has_leaf(rest)),
        }
    }

    /// True when the node is an array: every member's key selects elements
    /// (`*`, `0`, `[member=value]`).
    pub fn is_array(&self) -> bool {
        let mut keys = self
            .leaves
            .iter()
            .map(|(k, _)| k)
            .chain(self.children.iter().map(|(k, _)| k))
            .peekable();
        keys.peek().is_some() && keys.all(|k| Select::of(k).is_some())
    }

    /// Writes, first in every element a `[member=value]` selector takes, the
    /// member it requires (where nothing else writes it).
    fn add_selected_members(&mut self) {
        for (key, child) in &mut self.children {
            if let Some(Select::Where { member, value }) = Select::of(key) {
                let seg = [member.to_string()];
                if !child.has_leaf(&seg) {
                    let json = serde_json::Value::String(value.to_string()).to_string();
                    child.insert_front(&seg, Leaf::Constant(json));
                }
            }
            child.add_selected_members();
        }
    }

    /// True when the object would have members.
    pub fn has_leaves(&self) -> bool {
        !self.leaves.is_empty() || self.children.iter().any(|(_, c)| c.has_leaves())
    }
}

/// The object tree one variant serializes to.
pub fn tree(input: &Input, plan: &PlanBuf, v: usize, b: &Bound) -> Node {
    let placement = &plan.placement;
    let e = &input.catalog.errors[v];
    let w = input.catalog.wire_of(e);
    let mut root = Node::default();
    // (an entry sent without a code writes none; one covering a range writes
    // the code it keeps, as its field)
    if let Some(p) = w
        .code
        .as_ref()
        .filter(|_| e.sends_code() && e.code_range.is_none())
    {
        let leaf = if w.integer_codes {
            Leaf::IntegerCode
        } else {
            Leaf::Code
        };
        root.insert(&p.value.segments, leaf);
    }
    if let Some(p) = &w.message {
        root.insert(&p.value.segments, Leaf::Message);
    }
    let texts = [
        (&w.suggestion, e.suggestion.clone().map(Leaf::Static)),
        (&w.docs_url, e.docs_url.clone().map(Leaf::Static)),
        (
            &w.fix_command,
            e.fix_command.as_ref().map(|_| Leaf::FixCommand),
        ),
    ];
    for ((p, declared), slot) in texts.into_iter().zip(plan.envelope_texts) {
        let Some(p) = p else { continue };
        // (a variant that keeps extras writes back the text it received)
        let leaf = match (slot, &b.extra) {
            (Some(_), Some(_)) => Some(Leaf::Received(
                declared.map(Box::new),
                pointer_text(&p.value.segments),
            )),
            _ => declared,
        };
        if let Some(leaf) = leaf {
            root.insert(&p.value.segments, leaf);
        }
    }
    for (i, place) in placement.places[v].iter().enumerate() {
        match place {
            Place::Slot(s) => root.insert(&placement.slots[*s].segments, Leaf::Field(i)),
            Place::Member(name) => {
                let mut segs = placement
                    .fields_at
                    .as_ref()
                    .map_or_else(Vec::new, |p| p.segments.clone());
                segs.push(name.clone());
                root.insert(&segs, Leaf::Field(i));
            }
            Place::Hole => {}
        }
    }
    // what the entry's `when` requires, where no field writes it
    for (p, value) in &e.when {
        if !root.has_leaf(&p.value.segments) {
            root.insert(&p.value.segments, Leaf::Constant(value.value.clone()));
        }
    }
    // the member an error carries opposite each success mark, first (as
    // Slack sends `{"ok": false, "error": ...}`), where no field writes it
    for (p, value) in error_marks(w) {
        if !root.has_leaf(&p.segments) {
            root.insert_front(&p.segments, Leaf::Constant(value.to_string()));
        }
    }
    root.add_selected_members();
    if b.extra.is_some() {
        for p in &placement.slots {
            root.ensure(&p.segments[..p.segments.len().saturating_sub(1)]);
        }
        if let Some(f) = &placement.fields_at {
            root.ensure(&f.segments);
        }
    }
    root
}

/// The JSON pointer of `segments` as the decoder spells a slot's.
fn pointer_text(segments: &[String]) -> String {
    segments
        .iter()
        .map(|s| format!("/{}", Pointer::escape(s)))
        .collect()
}
