//! Pass 3: lowering. The validated model → the decode plan the emitters
//! print: where every field sits (the [`Placement`]), the order patterns are tried
//! in, what is read typed while walking, the problem+json slots, and which
//! patterns match exactly. Emitters only print what this says.

use super::ast::{Bound, BoundField, Input};
use crate::layout::{Place, Placement};
use crate::model::{BaseType, ErrorEntry};
use error_catalog_core::engine::Identity;
use error_catalog_core::template::Template;

/// The decode plan of one enum.
pub(super) struct Lowered<'a> {
    /// Where every field of every variant sits.
    pub placement: Placement,
    /// The entries with patterns, highest priority first (`Table::pattern_order`).
    pub order: Vec<u16>,
    /// Typed reading: once the code is read, the fields object's members of
    /// that variant are parsed straight into their types (code-identified
    /// wires only).
    pub typed: bool,
    /// Per variant: the fields read typed from the fields object (field index,
    /// member name).
    pub typed_fields: Vec<Vec<(usize, String)>>,
    /// The envelope slots every variant reads into one field of one type and
    /// wire name (e.g. `timestamp`), read typed whatever the code: (slot, that
    /// field).
    pub typed_slots: Vec<(usize, &'a BoundField)>,
    /// Where problem+json bodies are read.
    pub problem: ProblemSlots,
}

/// Lowers a valid input.
pub(super) fn lower(input: &Input) -> Lowered<'_> {
    let placement = placement(input);
    // (entries told apart by `when`, or sent without a code, are classified
    // after the walk: their code does not name one entry)
    let typed = input.catalog.wire.identity == Identity::Code && !input.catalog.conditional();
    let typed_fields = input
        .variants
        .iter()
        .enumerate()
        .map(|(i, b)| typed_fields(&placement, typed, i, b))
        .collect();
    let typed_slots = if typed {
        typed_slots(input, &placement)
    } else {
        Vec::new()
    };
    Lowered {
        order: order(input),
        typed,
        typed_fields,
        typed_slots,
        problem: ProblemSlots::new(input),
        placement,
    }
}

/// The entries with patterns by rank: highest `priority` first, catalog order
/// among equals.
fn order(input: &Input) -> Vec<u16> {
    let mut order: Vec<(usize, i64)> = input
        .catalog
        .errors
        .iter()
        .enumerate()
        .filter(|(_, e)| !e.matches.is_empty())
        .map(|(i, e)| (i, e.priority))
        .collect();
    order.sort_by_key(|o| std::cmp::Reverse(o.1));
    order
        .iter()
        .map(|(i, _)| u16::try_from(*i).unwrap_or(u16::MAX))
        .collect()
}

/// The members of variant `i` read typed: every field placed in the fields object.
fn typed_fields(placement: &Placement, typed: bool, i: usize, b: &Bound) -> Vec<(usize, String)> {
    if !typed {
        return Vec::new();
    }
    b.fields
        .iter()
        .enumerate()
        .filter_map(
            |(j, _)| match placement.places.get(i).and_then(|p| p.get(j)) {
                Some(Place::Member(m)) => Some((j, m.clone())),
                _ => None,
            },
        )
        .collect()
}

/// The slots (other than the code's and the message's) that every variant
/// reads into a field of the same wire name and the same catalog type. A
/// field whose Rust type the model does not know (`json`, which any
/// unrecognised type is) is never shared: two such fields may differ.
fn typed_slots<'a>(input: &'a Input, placement: &Placement) -> Vec<(usize, &'a BoundField)> {
    (0..placement.slots.len())
        .filter(|s| Some(*s) != placement.code && Some(*s) != placement.message)
        .filter_map(|s| {
            let mut fields = input.variants.iter().enumerate().map(|(i, b)| {
                let j = placement
                    .places
                    .get(i)?
                    .iter()
                    .position(|p| *p == Place::Slot(s))?;
                b.fields.get(j)
            });
            let first = fields.next()??;
            let same = |f: &BoundField| {
                f.wire == first.wire
                    && (f.base, f.optional) == (first.base, first.optional)
                    && f.base != BaseType::Json
                    && !f.is_compound()
            };
            fields.all(|f| f.is_some_and(same)).then_some((s, first))
        })
        .collect()
}

/// Members problem details define (kept in step with `error_catalog::problem::RESERVED`).
const PROBLEM_RESERVED: &[&str] = &[
    "type", "title", "status", "detail", "code", "instance", "fields",
];

/// The slots of a problem+json body: the problem members at the top, then
/// each field whose wire name clashes with one, under `fields`.
pub(super) struct ProblemSlots {
    /// Field names problem+json writes under `fields`, sorted.
    pub clashes: Vec<String>,
}

impl ProblemSlots {
    /// The problem members read at the top, one slot each, in slot order.
    pub const TOP: [&'static str; 6] = ["code", "detail", "type", "title", "status", "instance"];
    /// The code's slot.
    pub const CODE: usize = 0;
    /// The message's slot (`detail`).
    pub const MESSAGE: usize = 1;

    fn new(input: &Input) -> Self {
        // (the details: fields, and the members `when` names)
        let when = input.catalog.errors.iter().flat_map(|e| {
            e.when
                .iter()
                .map(|(p, _)| super::tables::problem_key(&p.value))
        });
        let mut clashes: Vec<String> = input
            .variants
            .iter()
            .flat_map(|b| b.fields.iter().map(|f| f.wire.clone()))
            .chain(when)
            .filter(|w| PROBLEM_RESERVED.contains(&w.as_str()))
            .collect();
        clashes.sort();
        clashes.dedup();
        ProblemSlots { clashes }
    }

    /// The JSON pointer of detail `key` in a problem+json body: at the top,
    /// or under `fields` when its name clashes with a problem member.
    pub fn pointer_of(&self, key: &str) -> String {
        let esc = key.replace('~', "~0").replace('/', "~1");
        if self.clashes.iter().any(|c| c == key) {
            format!("/fields/{esc}")
        } else {
            format!("/{esc}")
        }
    }

    /// The slot of a field written under `fields` (its name clashes with a
    /// problem member); `None` for a field read at the top.
    pub fn slot_of(&self, wire: &str) -> Option<usize> {
        let k = self.clashes.iter().position(|c| c == wire)?;
        Some(Self::TOP.len() + k)
    }
}

/// One entry's patterns, in catalog order: (index among the entry's patterns,
/// template); only those that parse. The generated table holds these, so the
/// index is the one `__ENTRIES[i].patterns` has.
pub(super) fn patterns(e: &ErrorEntry) -> Vec<(usize, Template)> {
    e.matches
        .iter()
        .filter_map(|m| Template::parse(&m.value).ok())
        .enumerate()
        .collect()
}

/// The placeholders of `t` (a pattern of `e`) when a match of it can spell
/// exactly what `e`'s template renders from the captured fields: the pattern is
/// the template, each placeholder fills its own field, and the field shows its
/// text unchanged (strings always, integers when written canonically: checked at
/// run time). Each is (its position among the captures, field index, base type).
pub(super) fn exact_fields(
    e: &ErrorEntry,
    b: &Bound,
    t: &Template,
) -> Option<Vec<(usize, usize, BaseType)>> {
    if Template::parse(&e.message.value).ok().as_ref() != Some(t) {
        return None;
    }
    let mut out: Vec<(usize, usize, BaseType)> = Vec::new();
    for (k, name) in t.placeholders().enumerate() {
        let j = b.fields.iter().position(|f| f.wire == name)?;
        if out.iter().any(|&(_, seen, _)| seen == j) {
            return None;
        }
        let f = b.fields.get(j)?;
        let base = f.base;
        if (base != BaseType::String && !base.is_integer()) || f.is_compound() {
            return None;
        }
        out.push((k, j, base));
    }
    Some(out)
}

/// Places the fields of every variant of `input`, in the variant's order.
pub fn placement(input: &Input) -> Placement {
    let entries = input
        .catalog
        .errors
        .iter()
        .zip(&input.variants)
        .map(|(e, b)| {
            let fields = b.fields.iter().map(|f| (f.wire.as_str(), f.at.as_ref()));
            (e, fields)
        });
    Placement::new(&input.catalog.wire, entries)
}
