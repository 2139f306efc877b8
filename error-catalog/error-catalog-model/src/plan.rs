//! Pass 3: lowering. A validated catalog, with the fields each entry's value
//! holds, becomes one owned decode plan, a [`PlanBuf`]: where every field
//! sits (the [`Placement`]), the classification entries and their code index,
//! the order patterns are tried in, what is read typed while walking, and the
//! problem+json slots.
//!
//! It has two printers. Code generation prints it as `static` data (a
//! [`error_catalog_core::decode::Plan<'static>`] and its tables); the CLI
//! lends it to the same decoder at run time ([`PlanBuf::with_plan`]).
//! Neither re-derives what the plan says.

use crate::layout::{Place, Placement};
use crate::model::{BaseType, Catalog, ErrorEntry, FieldType, Pointer, Wire};
use error_catalog_core::code_cut::CodeCut;
use error_catalog_core::decode::{EnvelopeText, Envelopes, Plan};
use error_catalog_core::engine::{
    code_index, entry_literals, message_index, CodeIndexBuf, Condition, Entry, Identity, Layout,
    LeadMap, Table,
};
use error_catalog_core::template::{HoleKind, PatternSeg, Template};

/// One field of an entry's value as lowering sees it: the generated variant's
/// field (derive and `catalog!`) or the catalog's (the CLI).
#[derive(Debug, Clone, Copy)]
pub struct FieldSpec<'a> {
    /// The name on the wire.
    pub wire: &'a str,
    /// Where it sits, when it says so itself.
    pub at: Option<&'a Pointer>,
    /// Its type.
    pub ty: FieldType,
}

impl FieldSpec<'_> {
    /// True when a placeholder can fill it and one typed slot can hold it:
    /// a type the model knows, not a list.
    fn is_plain(&self) -> bool {
        self.ty.base != BaseType::Json && !self.ty.list
    }
}

/// One piece of a message pattern, owned (see [`PatternSeg`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SegBuf {
    /// Literal text that must appear as is.
    Lit(String),
    /// A placeholder filling field number `.0` of the entry, matching `.1`.
    Hole(usize, HoleKind),
}

impl SegBuf {
    /// The segment as the decoder reads it, borrowing the literal.
    ///
    /// ```
    /// use error_catalog_model::plan::SegBuf;
    /// use error_catalog_core::template::PatternSeg;
    /// assert_eq!(SegBuf::Lit("No such customer: '".into()).as_seg(), PatternSeg::Lit("No such customer: '"));
    /// ```
    pub fn as_seg(&self) -> PatternSeg<'_> {
        match self {
            SegBuf::Lit(l) => PatternSeg::Lit(l),
            SegBuf::Hole(i, k) => PatternSeg::Hole(*i, *k),
        }
    }
}

/// A `when` condition, owned (see [`Condition`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConditionBuf {
    /// The member's JSON pointer, or the header's name.
    pub pointer: String,
    /// The value, as JSON text for a member, as text for a header.
    pub value: String,
    /// A condition on a response header.
    pub header: bool,
}

/// A classification entry, owned (see [`Entry`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryBuf {
    /// The code as the service spells it.
    pub code: String,
    /// The HTTP status, if the error has one.
    pub status: Option<u16>,
    /// Message patterns, in catalog order (those that parse).
    pub patterns: Vec<Vec<SegBuf>>,
    /// The status alone identifies the error.
    pub by_status: bool,
    /// Members and headers the response must hold.
    pub when: Vec<ConditionBuf>,
    /// The body carries this entry's code.
    pub code_in_body: bool,
    /// Integer codes covered besides its own.
    pub range: Option<(i64, i64)>,
}

/// Members problem details define (kept in step with `error_catalog::problem::RESERVED`).
const PROBLEM_RESERVED: &[&str] = &[
    "type", "title", "status", "detail", "code", "instance", "fields",
];

/// The slots of a problem+json body: the problem members at the top, then
/// each field whose wire name clashes with one, under `fields`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProblemSlots {
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

/// The details key a `when` member travels under in problem+json (and in
/// `ApiError::details`): its pointer's last segment.
pub fn problem_key(p: &Pointer) -> String {
    p.segments.last().cloned().unwrap_or_default()
}

/// How one enum (or one catalog loaded at run time) reads a body, owned.
#[derive(Debug)]
pub struct PlanBuf {
    /// How responses identify errors.
    pub identity: Identity,
    /// Codes are JSON integers.
    pub integer_codes: bool,
    /// How the code is cut out of the text received (`[wire] code_cut`).
    pub code_cut: Option<crate::model::CodeCutText>,
    /// The header carrying the code (`[wire] code_header`, lowercase).
    pub code_header: Option<String>,
    /// Coded entries whose fields are captured from the received message:
    /// (entry, its template as a pattern), by entry.
    pub captures: Vec<(usize, Vec<SegBuf>)>,
    /// Where every field of every entry sits.
    pub placement: Placement,
    /// The classification entries, in catalog order.
    pub entries: Vec<EntryBuf>,
    /// The entries as problem+json carries them, where that differs from
    /// [`PlanBuf::entries`] (every entry named by its code, `when` members
    /// among the details): only catalogs with conditional entries.
    pub problem_entries: Option<Vec<EntryBuf>>,
    /// The index over the entries' codes.
    pub by_code: CodeIndexBuf,
    /// The entries with patterns, highest priority first, catalog order among
    /// equals (`Table::pattern_order`).
    pub order: Vec<u16>,
    /// The index of messages without placeholders (`Table::by_message`).
    pub by_message: Vec<u32>,
    /// Typed reading: once the code is read, the fields object's members of
    /// that entry are parsed straight into their types (code-identified wires
    /// without conditional entries only).
    pub typed: bool,
    /// Per entry: the fields read typed from the fields object (field index,
    /// member name).
    pub typed_fields: Vec<Vec<(usize, String)>>,
    /// The envelope slots that every entry reads into one field of one type
    /// and wire name (e.g. `timestamp`), read typed whatever the code:
    /// (slot, the entry and field that name it first).
    pub typed_slots: Vec<(usize, usize, usize)>,
    /// The slots typed reading passes over without keeping their value: no
    /// step after the walk reads them (not the code's or the message's, no
    /// field's place, no envelope text's; typed reading has no `when`
    /// conditions). They are the error marks, which are slots so that they
    /// are never kept as extra.
    pub idle_slots: Vec<usize>,
    /// The slots of the envelope's suggestion, docs URL and fix command
    /// (`EnvelopeText::ALL`'s order), where the wire has them and no field
    /// reads them: one a body carries that differs from the entry's is kept.
    pub envelope_texts: [Option<usize>; 3],
    /// The message's key, where the message is a top-level member (a body
    /// holding it alone can be classified and built in one step).
    pub lone: Option<String>,
    /// Messages are classified by status and message, with no member read
    /// after the walk deciding: a classifier can be compiled for it.
    pub compiled_classifier: bool,
    /// Where problem+json bodies are read.
    pub problem: ProblemSlots,
    /// The envelope this plan reads: 0 for `[wire]`, 1 + its index for one
    /// of `[wire.envelopes]`.
    pub envelope: u8,
    /// The envelope of each entry (empty when the catalog has one).
    pub envelope_of: Vec<u8>,
    /// The plan of the next envelope, tried when a body lacks this one's code.
    pub next: Option<Box<PlanBuf>>,
}

/// Lowers a valid catalog whose entries hold `fields(i, entry)` each, in
/// the order the value declares them.
///
/// ```
/// use error_catalog_model::plan::{lower, FieldSpec};
/// let shop = error_catalog_model::load_str("shop.toml", r#"
/// [service]
/// id = "shop"
/// name = "Shop API"
/// [wire]
/// preset = "nested"
/// [[errors]]
/// code = "NOT_FOUND"
/// status = 404
/// message = "Customer {id} not found"
/// fields = { id = "string" }
/// "#).unwrap();
/// let plan = lower(&shop, |_, e| {
///     e.fields.iter().map(|f| FieldSpec { wire: &f.wire.value, at: None, ty: f.ty.value }).collect()
/// });
/// assert_eq!(plan.entries[0].code, "NOT_FOUND");
/// assert!(plan.typed);
/// assert_eq!(plan.typed_fields, [vec![(0, "id".to_string())]]);
/// ```
pub fn lower<'c>(
    c: &'c Catalog,
    fields: impl Fn(usize, &'c ErrorEntry) -> Vec<FieldSpec<'c>>,
) -> PlanBuf {
    let specs: Vec<Vec<FieldSpec<'c>>> = c
        .errors
        .iter()
        .enumerate()
        .map(|(i, e)| fields(i, e))
        .collect();
    if c.wire.envelopes.is_empty() {
        return lower_in(c, &c.wire, &specs, &specs);
    }
    // one plan per envelope, each placing the fields of its own entries
    let envelope_of: Vec<u8> = c.errors.iter().map(Catalog::envelope_number).collect();
    let own = |n: u8| -> Vec<Vec<FieldSpec<'c>>> {
        specs
            .iter()
            .zip(&envelope_of)
            .map(|(fs, e)| if *e == n { fs.clone() } else { Vec::new() })
            .collect()
    };
    let mut next: Option<Box<PlanBuf>> = None;
    for (k, env) in c.wire.envelopes.iter().enumerate().rev() {
        let n = u8::try_from(k + 1).unwrap_or(u8::MAX);
        let mut p = lower_in(c, &env.wire, &own(n), &specs);
        p.envelope = n;
        p.envelope_of.clone_from(&envelope_of);
        // (read raw, after the main wire's walk found no code)
        p.typed = false;
        p.lone = None;
        p.next = next.take();
        next = Some(Box::new(p));
    }
    let mut main = lower_in(c, &c.wire, &own(0), &specs);
    main.envelope_of = envelope_of;
    // (a body holding one member is read whole: the member may be another
    // envelope's code)
    main.lone = None;
    main.next = next;
    main
}

/// The plan of one wire (`[wire]` or an envelope's), placing the fields in
/// `specs` (the entries of other envelopes have none); `all` holds every
/// entry's fields, for what problem+json carries.
fn lower_in(
    c: &Catalog,
    wire: &Wire,
    specs: &[Vec<FieldSpec<'_>>],
    all: &[Vec<FieldSpec<'_>>],
) -> PlanBuf {
    let placement = Placement::new(
        wire,
        c.errors
            .iter()
            .zip(specs)
            .map(|(e, fs)| (e, fs.iter().map(|f| (f.wire, f.at)))),
    );
    let identity = wire.identity;
    let conditional = c.conditional();
    let captures = captures(c, wire, specs, &placement);
    let entries: Vec<EntryBuf> = c
        .errors
        .iter()
        .zip(specs)
        .map(|(e, fs)| entry(identity, e, fs, None))
        .collect();
    let problem = problem_slots(c, all);
    let problem_entries = conditional.then(|| {
        c.errors
            .iter()
            .zip(all)
            .map(|(e, fs)| entry(identity, e, fs, Some(&problem)))
            .collect()
    });
    let codes: Vec<&str> = c.errors.iter().map(|e| e.code.value.as_str()).collect();
    // (entries told apart by `when`, or sent without a code, are classified
    // after the walk: their code does not name one entry)
    // (a code cut out of what is sent is looked up once cut, after the walk)
    let typed = identity == Identity::Code && !conditional && wire.code_cut.is_none();
    let typed_fields = (0..specs.len())
        .map(|i| typed_fields(&placement, typed, i))
        .collect();
    let envelope_texts = envelope_texts(wire, &placement);
    let (typed_slots, idle_slots) = if typed {
        let idle = idle_slots(&placement, &envelope_texts);
        (typed_slots(&placement, specs), idle)
    } else {
        (Vec::new(), Vec::new())
    };
    let lone = placement
        .message
        .and_then(|s| placement.slots.get(s))
        .and_then(|p| match p.segments.as_slice() {
            [key] => Some(key.clone()),
            _ => None,
        });
    let mut plan = PlanBuf {
        identity,
        integer_codes: wire.integer_codes,
        code_cut: wire.code_cut.as_ref().map(|c| c.value.clone()),
        code_header: wire.code_header.as_ref().map(|h| h.value.clone()),
        captures,
        by_code: code_index(&codes),
        order: order(c),
        by_message: Vec::new(),
        typed,
        typed_fields,
        typed_slots,
        idle_slots,
        envelope_texts,
        lone,
        compiled_classifier: identity != Identity::Code && !conditional,
        problem,
        entries,
        problem_entries,
        placement,
        envelope: 0,
        envelope_of: Vec::new(),
        next: None,
    };
    plan.by_message = plan.with_entries(&plan.entries, |e| message_index(entry_literals(e)));
    plan
}

/// The `when` and `when_header` conditions of `e` (members first, in catalog
/// order), as an [`EntryBuf`] holds them; with `problem`, members are named where
/// problem+json carries them.
pub fn conditions(e: &ErrorEntry, problem: Option<&ProblemSlots>) -> Vec<ConditionBuf> {
    let members = e.when.iter().map(|(p, v)| ConditionBuf {
        pointer: match problem {
            Some(slots) => slots.pointer_of(&problem_key(&p.value)),
            None => p.value.text.clone(),
        },
        value: v.value.clone(),
        header: false,
    });
    let headers = e.when_headers.iter().map(|(n, v)| ConditionBuf {
        pointer: n.value.clone(),
        value: v.value.clone(),
        header: true,
    });
    members.chain(headers).collect()
}

/// The coded entries with a field captured from the message (placed as a
/// hole: no member carries it), with their template as the pattern that
/// captures it.
fn captures(
    c: &Catalog,
    wire: &Wire,
    specs: &[Vec<FieldSpec<'_>>],
    placement: &Placement,
) -> Vec<(usize, Vec<SegBuf>)> {
    if wire.identity != Identity::Code {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (i, (e, fields)) in c.errors.iter().zip(specs).enumerate() {
        let holes = placement
            .places
            .get(i)
            .is_some_and(|p| p.contains(&Place::Hole));
        let Ok(t) = Template::parse(&e.message.value) else {
            continue;
        };
        if holes && e.sends_code() {
            out.push((i, pattern_of(&t, fields)));
        }
    }
    out
}

/// A template as the pattern that matches what it renders, each placeholder
/// filling the field it names (with that field's kind of text).
fn pattern_of(t: &Template, fields: &[FieldSpec<'_>]) -> Vec<SegBuf> {
    let hole = |name: &str| {
        let i = fields.iter().position(|f| f.wire == name);
        let kind = i
            .and_then(|i| fields.get(i))
            .map_or(HoleKind::Text, |f| f.ty.base.hole_kind());
        (i.unwrap_or(usize::MAX), kind)
    };
    t.pattern(hole)
        .into_iter()
        .map(|s| match s {
            PatternSeg::Lit(l) => SegBuf::Lit(l.to_string()),
            PatternSeg::Hole(i, k) => SegBuf::Hole(i, k),
        })
        .collect()
}

/// Entry `e` (holding `fields`) as the table classifies it; with `problem`,
/// as problem+json carries it.
fn entry(
    identity: Identity,
    e: &ErrorEntry,
    fields: &[FieldSpec<'_>],
    problem: Option<&ProblemSlots>,
) -> EntryBuf {
    let patterns = patterns(e)
        .iter()
        .map(|(_, t)| pattern_of(t, fields))
        .collect();
    EntryBuf {
        code: e.code.value.clone(),
        status: e.status_u16(),
        patterns,
        by_status: e.by_status(identity),
        when: conditions(e, problem),
        code_in_body: e.sends_code() || problem.is_some(),
        range: e.code_range.as_ref().map(|r| r.value),
    }
}

/// One entry's patterns, in catalog order: (index among the entry's patterns,
/// template); only those that parse. The plan's entries hold these, so the
/// index is the one `Entry::patterns` has.
pub fn patterns(e: &ErrorEntry) -> Vec<(usize, Template)> {
    e.matches
        .iter()
        .filter_map(|m| Template::parse(&m.value).ok())
        .enumerate()
        .collect()
}

/// The placeholders of `t` (a pattern of `e`, whose value holds `fields`) when
/// a match of it can spell exactly what `e`'s template renders from the hole
/// texts: the pattern is the template, each placeholder fills its own field,
/// and the field shows its text unchanged (strings always, integers when
/// written canonically: checked at run time). Each is (its position among the
/// holes, field index, base type).
///
/// ```
/// use error_catalog_model::plan::{exact_fields, patterns, FieldSpec};
/// use error_catalog_model::model::BaseType;
/// let c = error_catalog_model::load_str("shop.toml", r#"
/// [service]
/// id = "shop"
/// name = "Shop API"
/// [wire]
/// message = "/message"
/// [[errors]]
/// code = "NOT_FOUND"
/// status = 404
/// message = "Customer {id} not found"
/// matches = ["Customer {id} not found", "No customer {id}"]
/// fields = { id = "u64" }
/// "#).unwrap();
/// let e = &c.errors[0];
/// let fields: Vec<FieldSpec> = e.fields.iter()
///     .map(|f| FieldSpec { wire: &f.wire.value, at: None, ty: f.ty.value })
///     .collect();
/// let ps = patterns(e);
/// // the template itself: its one hole spells the field's text
/// assert_eq!(exact_fields(e, &fields, &ps[0].1), Some(vec![(0, 0, BaseType::U64)]));
/// // another wording: the message received is not what the template renders
/// assert_eq!(exact_fields(e, &fields, &ps[1].1), None);
/// ```
pub fn exact_fields(
    e: &ErrorEntry,
    fields: &[FieldSpec<'_>],
    t: &Template,
) -> Option<Vec<(usize, usize, BaseType)>> {
    if Template::parse(&e.message.value).ok().as_ref() != Some(t) {
        return None;
    }
    let mut out: Vec<(usize, usize, BaseType)> = Vec::new();
    for (k, name) in t.placeholders().enumerate() {
        let j = fields.iter().position(|f| f.wire == name)?;
        if out.iter().any(|&(_, seen, _)| seen == j) {
            return None;
        }
        let f = fields.get(j)?;
        let base = f.ty.base;
        if (base != BaseType::String && !base.is_integer()) || f.ty.list {
            return None;
        }
        out.push((k, j, base));
    }
    Some(out)
}

/// The entries with patterns by rank: highest `priority` first, catalog order
/// among equals.
fn order(c: &Catalog) -> Vec<u16> {
    let mut order: Vec<(usize, i64)> = c
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

/// The members of entry `i` read typed: every field placed in the fields object.
fn typed_fields(placement: &Placement, typed: bool, i: usize) -> Vec<(usize, String)> {
    if !typed {
        return Vec::new();
    }
    let places = placement.places.get(i).map_or(&[][..], Vec::as_slice);
    places
        .iter()
        .enumerate()
        .filter_map(|(j, p)| match p {
            Place::Member(m) => Some((j, m.clone())),
            _ => None,
        })
        .collect()
}

/// The slots (other than the code's and the message's) that every entry
/// reads into a field of the same wire name and the same type. A field whose
/// Rust type the model does not know (`json`, which any unrecognised type
/// is) is never shared: two such fields may differ.
fn typed_slots(placement: &Placement, specs: &[Vec<FieldSpec<'_>>]) -> Vec<(usize, usize, usize)> {
    (0..placement.slots.len())
        .filter(|s| Some(*s) != placement.code && Some(*s) != placement.message)
        .filter_map(|s| {
            let mut fields = specs.iter().enumerate().map(|(i, fs)| {
                let j = placement
                    .places
                    .get(i)?
                    .iter()
                    .position(|p| *p == Place::Slot(s))?;
                Some((i, j, fs.get(j)?))
            });
            let (i, j, first) = fields.next()??;
            let same = |f: &FieldSpec<'_>| {
                f.wire == first.wire
                    && (f.ty.base, f.ty.optional) == (first.ty.base, first.ty.optional)
                    && f.is_plain()
            };
            fields
                .all(|f| f.is_some_and(|(_, _, f)| same(f)))
                .then_some((s, i, j))
        })
        .collect()
}

/// The slots no step after the walk reads (see [`PlanBuf::idle_slots`]).
fn idle_slots(placement: &Placement, texts: &[Option<usize>; 3]) -> Vec<usize> {
    (0..placement.slots.len())
        .filter(|s| Some(*s) != placement.code && Some(*s) != placement.message)
        .filter(|s| !texts.contains(&Some(*s)) && !read_by_field(placement, *s))
        .collect()
}

/// True when some entry's field is read from slot `s`.
fn read_by_field(placement: &Placement, s: usize) -> bool {
    let place = Place::Slot(s);
    placement.places.iter().flatten().any(|p| *p == place)
}

/// The slots of the wire's envelope texts (see [`PlanBuf::envelope_texts`]).
fn envelope_texts(wire: &Wire, placement: &Placement) -> [Option<usize>; 3] {
    [&wire.suggestion, &wire.docs_url, &wire.fix_command].map(|p| {
        let pointer = &p.as_ref()?.value;
        let slot = placement.slots.iter().position(|s| s == pointer)?;
        let code_or_message = [placement.code, placement.message].contains(&Some(slot));
        (!code_or_message && !read_by_field(placement, slot)).then_some(slot)
    })
}

/// The problem+json slots: fields (and `when` members) whose names clash
/// with a problem member are read under `fields`.
fn problem_slots(c: &Catalog, specs: &[Vec<FieldSpec<'_>>]) -> ProblemSlots {
    let when = c
        .errors
        .iter()
        .flat_map(|e| e.when.iter().map(|(p, _)| problem_key(&p.value)));
    let mut clashes: Vec<String> = specs
        .iter()
        .flat_map(|fs| fs.iter().map(|f| f.wire.to_string()))
        .chain(when)
        .filter(|w| PROBLEM_RESERVED.contains(&w.as_str()))
        .collect();
    clashes.sort();
    clashes.dedup();
    ProblemSlots { clashes }
}

impl PlanBuf {
    /// The envelope texts the wire has and no field reads, with their slots
    /// (what the run-time plan's `envelope_texts` holds).
    pub fn envelope_text_slots(&self) -> impl Iterator<Item = (EnvelopeText, usize)> + '_ {
        EnvelopeText::ALL
            .into_iter()
            .zip(self.envelope_texts)
            .filter_map(|(which, slot)| Some((which, slot?)))
    }

    /// Calls `f` with `entries` borrowed as the table holds them.
    fn with_entries<R>(&self, entries: &[EntryBuf], f: impl FnOnce(&[Entry<'_>]) -> R) -> R {
        let patterns: Vec<Vec<Vec<PatternSeg<'_>>>> = entries
            .iter()
            .map(|e| {
                e.patterns
                    .iter()
                    .map(|p| p.iter().map(SegBuf::as_seg).collect())
                    .collect()
            })
            .collect();
        let pattern_refs: Vec<Vec<&[PatternSeg<'_>]>> = patterns
            .iter()
            .map(|ps| ps.iter().map(Vec::as_slice).collect())
            .collect();
        let when: Vec<Vec<Condition<'_>>> = entries
            .iter()
            .map(|e| {
                e.when
                    .iter()
                    .map(|c| match c.header {
                        true => Condition::header(&c.pointer, &c.value),
                        false => Condition::member(&c.pointer, &c.value),
                    })
                    .collect()
            })
            .collect();
        let table: Vec<Entry<'_>> = entries
            .iter()
            .zip(&pattern_refs)
            .zip(&when)
            .map(|((e, patterns), when)| Entry {
                code: &e.code,
                status: e.status,
                patterns,
                by_status: e.by_status,
                when,
                code_in_body: e.code_in_body,
                range: e.range,
            })
            .collect();
        f(&table)
    }

    /// The pointer text of the fields object (empty when there is none).
    pub fn fields_at_text(&self) -> &str {
        self.placement
            .fields_at
            .as_ref()
            .map_or("", |p| p.text.as_str())
    }

    /// Calls `f` with the plan borrowed as the decoder reads it (the form
    /// generated code holds as `static` data), for a sink that reads raw
    /// (`typed` off) and no compiled classifier: what the CLI decodes with.
    pub fn with_plan<R>(&self, f: impl FnOnce(&Plan<'_>) -> R) -> R {
        let mut f = Some(f);
        let mut out = None;
        self.with_chain(&mut |plan| out = f.take().map(|f| f(plan)));
        match out {
            Some(r) => r,
            None => unreachable!("`with_chain` calls its function once"),
        }
    }

    /// The plan of the envelope entry `entry` comes in: this one or one of
    /// the next.
    pub fn plan_of(&self, entry: usize) -> &PlanBuf {
        let n = self.envelope_of.get(entry).copied().unwrap_or(0);
        let mut plan = self;
        while plan.envelope != n {
            match &plan.next {
                Some(next) => plan = next,
                None => return self,
            }
        }
        plan
    }

    /// [`PlanBuf::with_plan`] through the plans of the next envelopes first
    /// (each borrowed by the one before it).
    fn with_chain(&self, f: &mut dyn FnMut(&Plan<'_>)) {
        match &self.next {
            None => self.with_one(None, f),
            Some(next) => next.with_chain(&mut |n| self.with_one(Some(n), f)),
        }
    }

    /// Calls `f` with this plan borrowed, its next envelope's plan `next`.
    fn with_one(&self, next: Option<&Plan<'_>>, f: &mut dyn FnMut(&Plan<'_>)) {
        let segments: Vec<Vec<&str>> = self
            .placement
            .slots
            .iter()
            .map(|p| p.segments.iter().map(String::as_str).collect())
            .collect();
        let slots: Vec<&[&str]> = segments.iter().map(Vec::as_slice).collect();
        let fields_at: Option<Vec<&str>> = self
            .placement
            .fields_at
            .as_ref()
            .map(|p| p.segments.iter().map(String::as_str).collect());
        let capture_segs: Vec<(usize, Vec<PatternSeg<'_>>)> = self
            .captures
            .iter()
            .map(|(i, p)| (*i, p.iter().map(SegBuf::as_seg).collect()))
            .collect();
        let captures: Vec<(usize, &[PatternSeg<'_>])> = capture_segs
            .iter()
            .map(|(i, p)| (*i, p.as_slice()))
            .collect();
        let texts: Vec<(EnvelopeText, usize)> = self.envelope_text_slots().collect();
        self.with_entries(&self.entries, |entries| {
            // (messages are tried only against the patterns they can match)
            let by_lead = LeadMap::new(entries, &self.order);
            f(&Plan {
                layout: Layout {
                    slots: &slots,
                    fields_at: fields_at.as_deref(),
                },
                table: Table {
                    identity: self.identity,
                    entries,
                    by_code: self.by_code.as_index(),
                    pattern_order: &self.order,
                    by_message: &self.by_message,
                    by_lead: Some(&by_lead),
                },
                code: self.placement.code,
                code_cut: self.code_cut.as_ref().map_or(CodeCut::NONE, |c| c.as_cut()),
                code_header: self.code_header.as_deref(),
                captures: &captures,
                integer_codes: self.integer_codes,
                message: self.placement.message,
                fields_at: self.fields_at_text(),
                typed: false,
                classify: None,
                lone: self.lone.as_deref(),
                envelopes: Envelopes {
                    this: self.envelope,
                    of_entry: &self.envelope_of,
                    next,
                },
                envelope_texts: &texts,
            })
        })
    }
}
