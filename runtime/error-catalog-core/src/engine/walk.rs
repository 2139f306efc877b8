//! Walking a body once: [`walk`] hands every slot, member and extra it finds to a
//! [`Sink`]; the seeds that read keys and strings without copying them.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;

use super::select::{index_text, OneValue, Select};
use super::{CaptureError, Captured, Layout, MAX_SLOTS};
use crate::raw_members::{RawMembers, TooLong, MAX_PART};

/// Receives what [`walk`] finds, and gives it back to the decoder (the
/// `decode::Decode` impl names its sink). [`Captured`] keeps everything as raw
/// JSON; generated code wraps it to parse an error's fields straight into their
/// types once the code is known.
pub trait Sink<'de> {
    /// The value at slot `slot`: read it with `map.next_value()` (exactly once).
    fn slot<A: MapAccess<'de>>(&mut self, slot: usize, map: &mut A) -> Result<(), A::Error>;
    /// A member of the fields object: read its value with `map.next_value()` (exactly once).
    fn member<A: MapAccess<'de>>(
        &mut self,
        key: Cow<'de, str>,
        map: &mut A,
    ) -> Result<(), A::Error>;
    /// Anything else: its JSON pointer and raw JSON.
    fn extra(&mut self, pointer: &PointerTo<'_>, raw: &str) -> Result<(), TooLong>;
    /// A sink; `typed` enables typed reading (the code and the message as
    /// strings, and fields once the code is known).
    fn new(typed: bool) -> Self
    where
        Self: Sized;
    /// Whether typed reading is on.
    fn typed(&self) -> bool {
        false
    }
    /// The raw capture, when anything was captured raw (a typed sink makes it
    /// on the first raw value).
    fn capture(&mut self) -> Option<&mut Captured<'de>>;
    /// The entry the code named, when the sink already looked it up.
    fn entry(&self) -> Option<usize> {
        None
    }
    /// Takes the string at `slot` (the code's or the message's): read as a string
    /// by the sink, or from the raw capture.
    fn take_text(&mut self, slot: usize) -> Option<Cow<'de, str>> {
        Captured::slot_str(self.capture()?, slot)
    }
    /// The raw JSON captured at `slot`.
    fn slot_raw(&mut self, slot: usize) -> Option<&'de str> {
        Captured::slot_raw(self.capture()?, slot)
    }
    /// The members kept as extra that the sink holds itself, outside its raw
    /// capture (a typed sink keeps them so, making no capture for them); they
    /// come before the capture's own.
    fn own_extras(&mut self) -> Option<&mut RawMembers> {
        None
    }
    /// Takes the member `name` of the fields object out of the raw capture.
    fn take_member<'s>(&'s mut self, name: &str) -> Option<&'s str>
    where
        'de: 's,
    {
        Captured::take_member(self.capture()?, name)
    }
    /// Walks `body` into the sink: [`walk`] over `layout`, or a walker
    /// generated for the wire (handing the sink the same calls, and refusing any
    /// body it does not expect, which is then read again raw).
    fn walk(&mut self, body: &'de [u8], layout: &Layout<'_>) -> Result<(), CaptureError>
    where
        Self: Sized,
    {
        walk(body, layout, self)
    }
}

impl<'de> Sink<'de> for Captured<'de> {
    fn slot<A: MapAccess<'de>>(&mut self, slot: usize, map: &mut A) -> Result<(), A::Error> {
        let raw: &'de RawValue = map.next_value()?;
        if let Some(s) = self.slots.get_mut(slot) {
            *s = Some(raw);
        }
        Ok(())
    }

    fn member<A: MapAccess<'de>>(
        &mut self,
        key: Cow<'de, str>,
        map: &mut A,
    ) -> Result<(), A::Error> {
        let raw: &'de RawValue = map.next_value()?;
        self.members.push(key, raw).map_err(de::Error::custom)
    }

    fn extra(&mut self, pointer: &PointerTo<'_>, raw: &str) -> Result<(), TooLong> {
        self.extras.push_with(|s| pointer.write(s), raw)
    }

    fn new(_: bool) -> Self {
        Captured::default()
    }

    fn capture(&mut self) -> Option<&mut Captured<'de>> {
        Some(self)
    }
}

/// Reads `body` once, handing every slot, fields-object member and other member
/// of `layout` to `sink`.
pub fn walk<'b, S: Sink<'b>>(
    body: &'b [u8],
    layout: &Layout<'_>,
    sink: &mut S,
) -> Result<(), CaptureError> {
    if layout.slots.len() > MAX_SLOTS {
        return Err(CaptureError(format!(
            "a wire may name at most {MAX_SLOTS} slots"
        )));
    }
    let active = layout
        .slots
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.is_empty())
        .fold(0u16, |m, (i, _)| m | (1 << i));
    let seed = Level {
        layout,
        depth: 0,
        path: None,
        out: sink,
        active,
        fields_on_path: layout.fields_at.is_some_and(|f| !f.is_empty()),
        fields_here: layout.fields_at.is_some_and(|f| f.is_empty()),
        implied: None,
    };
    walk_with(body, Root(seed))
}

/// The body's own level, its reach (the `u32` a level returns: the slots it
/// handed to the sink, and [`FIELDS_REACHED`]) dropped: how a walker whose
/// levels report their reach is handed to [`walk_with`]. Generated walkers of
/// wires that select array elements use it.
pub struct Root<L>(pub L);

impl<'de, L: DeserializeSeed<'de, Value = u32>> DeserializeSeed<'de> for Root<L> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        self.0.deserialize(d).map(|_| ())
    }
}

/// The bit of a level's reach saying the fields object was among what it
/// walked (bits 0 to 15 are the slots it handed to the sink). A generated
/// walker checks an element `*` took reached all it was taken for.
pub const FIELDS_REACHED: u32 = 1 << MAX_SLOTS;

/// Reads `body` (one JSON value, UTF-8 validated once, at most 1 GiB) with
/// `seed`: [`walk`]'s reading, for a walker of one's own. Generated code walks
/// the envelope its wire names with one, and falls back to [`walk`] whenever it
/// refuses a body.
///
/// ```
/// use serde::de::DeserializeSeed;
/// use error_catalog_core::engine::{walk_with, StrSeed};
/// struct Str;
/// impl<'de> DeserializeSeed<'de> for Str {
///     type Value = ();
///     fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
///         StrSeed.deserialize(d).map(|_| ())
///     }
/// }
/// assert!(walk_with(br#""a string""#, Str).is_ok());
/// assert!(walk_with(b"42", Str).is_err());
/// assert!(walk_with(br#""a" 1"#, Str).is_err());
/// ```
#[inline]
pub fn walk_with<'b, T: DeserializeSeed<'b, Value = ()>>(
    body: &'b [u8],
    seed: T,
) -> Result<(), CaptureError> {
    if body.len() > MAX_PART / 2 {
        // kept members are counted in 31 bits; a body this large is kept whole
        return Err(CaptureError(format!(
            "body larger than {} bytes",
            MAX_PART / 2
        )));
    }
    // Validate UTF-8 once: raw values taken from a `&str` are not validated again.
    let text =
        std::str::from_utf8(body).map_err(|e| CaptureError(format!("body is not UTF-8: {e}")))?;
    let mut de = serde_json::Deserializer::from_str(text);
    seed.deserialize(&mut de)
        .map_err(|e| CaptureError(e.to_string()))?;
    de.end().map_err(|e| CaptureError(e.to_string()))?;
    Ok(())
}

/// An object key, borrowed from the body unless it had escapes (serde's own
/// `Cow<str>` always allocates).
struct Key<'de>(Cow<'de, str>);

impl<'de> de::Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object key")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v.to_string())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v)))
            }
        }
        d.deserialize_str(V)
    }
}

/// Reads a JSON string, borrowed from the body unless it has escapes; any other
/// value is an error. Typed readers use it for the code and the message.
///
/// ```
/// use serde::de::DeserializeSeed;
/// use error_catalog_core::engine::StrSeed;
/// let mut de = serde_json::Deserializer::from_str(r#""RATE_LIMITED""#);
/// assert_eq!(StrSeed.deserialize(&mut de).unwrap(), "RATE_LIMITED");
/// let mut de = serde_json::Deserializer::from_str("42");
/// assert!(StrSeed.deserialize(&mut de).is_err());
/// ```
#[derive(Debug, Clone, Copy)]
pub struct StrSeed;

impl<'de> DeserializeSeed<'de> for StrSeed {
    type Value = Cow<'de, str>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Cow<'de, str>, D::Error> {
        <Key<'de> as de::Deserialize<'de>>::deserialize(d).map(|k| k.0)
    }
}

/// [`StrSeed`] for an optional string: `null` is `None`.
///
/// ```
/// use serde::de::DeserializeSeed;
/// use error_catalog_core::engine::OptStrSeed;
/// let mut de = serde_json::Deserializer::from_str(r#""email""#);
/// assert_eq!(OptStrSeed.deserialize(&mut de).unwrap().as_deref(), Some("email"));
/// let mut de = serde_json::Deserializer::from_str("null");
/// assert_eq!(OptStrSeed.deserialize(&mut de).unwrap(), None);
/// let mut de = serde_json::Deserializer::from_str("42");
/// assert!(OptStrSeed.deserialize(&mut de).is_err());
/// ```
#[derive(Debug, Clone, Copy)]
pub struct OptStrSeed;

impl<'de> DeserializeSeed<'de> for OptStrSeed {
    type Value = Option<Cow<'de, str>>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Option<Cow<'de, str>>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string or null")
            }
            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
                StrSeed.deserialize(d).map(Some)
            }
        }
        d.deserialize_option(V)
    }
}

/// The keys leading to an object, innermost first; pointers are only spelled
/// out when something must be named by one.
struct PathNode<'p> {
    key: &'p str,
    parent: Option<&'p PathNode<'p>>,
}

/// The object (depth segments deep) that some pointer passes through.
struct Level<'l, 'a, S> {
    layout: &'l Layout<'a>,
    depth: usize,
    path: Option<&'l PathNode<'l>>,
    out: &'l mut S,
    /// Bit i set: slot i's pointer passes through this object.
    active: u16,
    /// The fields object lies below this one.
    fields_on_path: bool,
    /// This object is the fields object.
    fields_here: bool,
    /// The member a `[member=value]` selector took this object by: envelope
    /// when the object gave what the selector was for, kept otherwise.
    implied: Option<&'a str>,
}

pub(super) fn push_escaped(s: &mut String, seg: &str) {
    // (most keys need no escape: copied whole)
    if !seg.bytes().any(|b| b == b'~' || b == b'/') {
        s.push_str(seg);
        return;
    }
    for c in seg.chars() {
        match c {
            '~' => s.push_str("~0"),
            '/' => s.push_str("~1"),
            c => s.push(c),
        }
    }
}

fn spell(path: Option<&PathNode<'_>>, s: &mut String) {
    if let Some(node) = path {
        spell(node.parent, s);
        s.push('/');
        push_escaped(s, node.key);
    }
}

/// The JSON pointer of a member [`walk`] hands to [`Sink::extra`], spelled out
/// only when written.
pub struct PointerTo<'p> {
    base: &'p [&'p str],
    path: Option<&'p PathNode<'p>>,
    key: Option<&'p str>,
}

impl<'p> PointerTo<'p> {
    /// The member `key` of the object at `base` (unescaped segments).
    ///
    /// ```
    /// use error_catalog_core::engine::PointerTo;
    /// assert_eq!(PointerTo::under(&["error", "a/b"], "x~y").to_string(), "/error/a~1b/x~0y");
    /// assert_eq!(PointerTo::under(&[], "id").to_string(), "/id");
    /// ```
    pub fn under(base: &'p [&'p str], key: &'p str) -> Self {
        PointerTo {
            base,
            path: None,
            key: Some(key),
        }
    }

    /// Appends the pointer to `s`.
    pub fn write(&self, s: &mut String) {
        for seg in self.base {
            s.push('/');
            push_escaped(s, seg);
        }
        spell(self.path, s);
        if let Some(k) = self.key {
            s.push('/');
            push_escaped(s, k);
        }
    }
}

impl fmt::Display for PointerTo<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = String::new();
        self.write(&mut s);
        f.write_str(&s)
    }
}

impl<'de, S: Sink<'de>> Level<'_, '_, S> {
    fn keep<E: de::Error>(self, value: serde_json::Value) -> Result<u32, E> {
        if self.path.is_none() {
            return Err(E::custom("expected a JSON object"));
        }
        // (typed reading streams into nested values: one that is not what the
        // wire expects is refused, and the body read again raw, kept as written)
        if self.out.typed() {
            return Err(E::custom(
                "a value where the wire expects an object or array",
            ));
        }
        let raw = serde_json::to_string(&value).map_err(E::custom)?;
        let p = PointerTo {
            base: &[],
            path: self.path,
            key: None,
        };
        self.out.extra(&p, &raw).map_err(E::custom)?;
        Ok(0)
    }
}

impl<'de, S: Sink<'de>> DeserializeSeed<'de> for Level<'_, '_, S> {
    /// What the level reached: the slots handed to the sink, and
    /// [`FIELDS_REACHED`].
    type Value = u32;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<u32, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de, S: Sink<'de>> Visitor<'de> for Level<'_, '_, S> {
    type Value = u32;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<u32, M::Error> {
        let d = self.depth;
        let mut reached = if self.fields_here { FIELDS_REACHED } else { 0 };
        let mut held: Option<(Cow<'de, str>, &'de RawValue)> = None;
        while let Some(Key(key)) = map.next_key::<Key<'de>>()? {
            let mut slot = None;
            let mut child = 0u16;
            let mut bits = self.active;
            while bits != 0 {
                let i = bits.trailing_zeros() as usize;
                bits &= bits - 1;
                let p = self.layout.slots[i];
                if p[d] == key {
                    if p.len() == d + 1 {
                        slot = Some(i);
                    } else {
                        child |= 1 << i;
                    }
                }
            }
            let (mut f_on, mut f_here) = (false, false);
            if self.fields_on_path {
                if let Some(f) = self.layout.fields_at {
                    if f[d] == key {
                        f_here = f.len() == d + 1;
                        f_on = !f_here;
                    }
                }
            }
            if let Some(i) = slot {
                self.out.slot(i, &mut map)?;
                reached |= 1 << i;
            } else if child != 0 || f_on || f_here {
                let node = PathNode {
                    key: &key,
                    parent: self.path,
                };
                let inner = Level {
                    layout: self.layout,
                    depth: d + 1,
                    path: Some(&node),
                    out: &mut *self.out,
                    active: child,
                    fields_on_path: f_on,
                    fields_here: f_here,
                    implied: None,
                };
                // Taken raw first: where the layout expects an object, a body
                // may hold anything, and a value that is not an object is kept
                // exactly as written (a number beyond f64 included), never
                // parsed into a value that could fail or be respelt.
                if inner.out.typed() {
                    reached |= map.next_value_seed(inner)?;
                    continue;
                }
                let raw: &'de RawValue = map.next_value()?;
                let text = raw.get();
                if text.starts_with('{')
                    || text.starts_with('[') && self.layout.selects(child, f_on, d + 1)
                {
                    let mut object = serde_json::Deserializer::from_str(text);
                    reached |= inner.deserialize(&mut object).map_err(de::Error::custom)?;
                } else {
                    let p = PointerTo {
                        base: &[],
                        path: Some(&node),
                        key: None,
                    };
                    inner.out.extra(&p, text).map_err(de::Error::custom)?;
                }
            } else if self.fields_here {
                self.out.member(key, &mut map)?;
            } else {
                let raw: &'de RawValue = map.next_value()?;
                if held.is_none() && self.implied == Some(&*key) {
                    held = Some((key, raw));
                    continue;
                }
                let p = PointerTo {
                    base: &[],
                    path: self.path,
                    key: Some(&key),
                };
                self.out.extra(&p, raw.get()).map_err(de::Error::custom)?;
            }
        }
        if let Some((key, raw)) = held.filter(|_| reached == 0) {
            let p = PointerTo {
                base: &[],
                path: self.path,
                key: Some(&key),
            };
            self.out.extra(&p, raw.get()).map_err(de::Error::custom)?;
        }
        Ok(reached)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<u32, E> {
        self.keep(serde_json::Value::String(v.to_string()))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<u32, E> {
        self.keep(serde_json::Value::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<u32, E> {
        self.keep(serde_json::Value::from(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<u32, E> {
        self.keep(serde_json::Value::from(v))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<u32, E> {
        self.keep(serde_json::Value::from(v))
    }
    fn visit_unit<E: de::Error>(self) -> Result<u32, E> {
        self.keep(serde_json::Value::Null)
    }
    fn visit_seq<Q: de::SeqAccess<'de>>(self, mut seq: Q) -> Result<u32, Q::Error> {
        if self.path.is_some() {
            if self.out.typed()
                && !self
                    .layout
                    .selects(self.active, self.fields_on_path, self.depth)
            {
                return Err(de::Error::custom(
                    "an array where the wire expects an object",
                ));
            }
            return self.elements(seq);
        }
        let mut items = Vec::new();
        while let Some(v) = seq.next_element::<serde_json::Value>()? {
            items.push(v);
        }
        self.keep(serde_json::Value::Array(items))
    }
}

/// What one array element is to the pointers still open at a level.
struct Offer<'a> {
    /// The slots the element itself is.
    slots: u16,
    /// The slots whose pointers go on into it.
    child: u16,
    /// The fields object lies below it.
    fields_on: bool,
    /// It is the fields object.
    fields_here: bool,
    /// The member a `[member=value]` selector took it by.
    implied: Option<&'a str>,
}

impl<'de, 'a, S: Sink<'de>> Level<'_, 'a, S> {
    /// What element `index` is to the pointers not reached yet: selected by
    /// its index or `*`, or, given the element (`raw`), by `[member=value]`.
    fn offer(
        &self,
        index: usize,
        raw: Option<&RawValue>,
        reached: u32,
        fields_open: bool,
    ) -> Offer<'a> {
        let d = self.depth;
        let takes = |seg: &str| {
            Select::of(seg).is_some_and(|s| match (s, raw) {
                (Select::Where { .. }, None) => false,
                (s, Some(r)) => s.takes(index, r),
                (s, None) => matches!(s, Select::First) || s == Select::Index(index),
            })
        };
        let mut o = Offer {
            slots: 0,
            child: 0,
            fields_on: false,
            fields_here: false,
            implied: None,
        };
        // (a slot reached under an earlier element is not offered again)
        let mut bits = self.active & !(reached as u16);
        while bits != 0 {
            let i = bits.trailing_zeros() as usize;
            bits &= bits - 1;
            let p = self.layout.slots[i];
            if !takes(p[d]) {
                continue;
            }
            if p.len() == d + 1 {
                o.slots |= 1 << i;
            } else {
                o.child |= 1 << i;
                if let (None, Some(Select::Where { member, .. })) = (o.implied, Select::of(p[d])) {
                    o.implied = Some(member);
                }
            }
        }
        if let Some(f) = self.layout.fields_at.filter(|_| fields_open) {
            if takes(f[d]) {
                o.fields_here = f.len() == d + 1;
                o.fields_on = !o.fields_here;
            }
        }
        o
    }

    /// Hands an element that is one or more slots to the sink.
    fn hand_slots<E: de::Error>(&mut self, slots: u16, text: &'de str) -> Result<u32, E> {
        let mut bits = slots;
        while bits != 0 {
            let i = bits.trailing_zeros() as usize;
            bits &= bits - 1;
            self.out
                .slot(i, &mut OneValue(Some(text)))
                .map_err(E::custom)?;
        }
        Ok(u32::from(slots))
    }

    /// Keeps an element no pointer takes, by its index.
    fn keep_element<E: de::Error>(&mut self, key: &str, text: &str) -> Result<(), E> {
        let p = PointerTo {
            base: &[],
            path: self.path,
            key: Some(key),
        };
        self.out.extra(&p, text).map_err(E::custom)
    }

    /// An array some pointer passes through: each element is offered to the
    /// pointers whose segment here selects it ([`Select`]); an element that is
    /// a slot is handed to the sink, one the rest of a pointer (or the fields
    /// object) lies in is walked, and every other element is kept as an extra.
    /// `*` and `[member=value]` stop taking elements once one held what they
    /// point to.
    ///
    /// Typed reading, where no `[member=value]` selector needs to see an
    /// element first, walks an element as it reads it; otherwise each is
    /// taken raw first (and anything unexpected kept as written).
    fn elements<Q: de::SeqAccess<'de>>(mut self, mut seq: Q) -> Result<u32, Q::Error> {
        let d = self.depth;
        let stream = self.out.typed() && !self.layout.filters(self.active, self.fields_on_path, d);
        let mut reached = 0u32;
        let mut fields_open = self.fields_on_path;
        let mut buf = [0u8; 20];
        for index in 0usize.. {
            let (o, raw) = if stream {
                let o = self.offer(index, None, reached, fields_open);
                let walked = o.slots == 0 && (o.child != 0 || o.fields_on || o.fields_here);
                // (an element walked as it is read is not taken raw)
                let raw = if walked {
                    None
                } else {
                    match seq.next_element::<&'de RawValue>()? {
                        Some(raw) => Some(raw),
                        None => break,
                    }
                };
                (o, raw)
            } else {
                let Some(raw) = seq.next_element::<&'de RawValue>()? else {
                    break;
                };
                (
                    self.offer(index, Some(raw), reached, fields_open),
                    Some(raw),
                )
            };
            let key = index_text(index, &mut buf);
            let text = raw.map(RawValue::get);
            let walk = o.slots == 0
                && (o.child != 0 || o.fields_on || o.fields_here)
                && text.is_none_or(|t| {
                    t.starts_with('{')
                        || t.starts_with('[') && self.layout.selects(o.child, o.fields_on, d + 1)
                });
            let got = if o.slots != 0 {
                self.hand_slots(o.slots, text.unwrap_or("null"))?
            } else if walk {
                let node = PathNode {
                    key,
                    parent: self.path,
                };
                let inner = Level {
                    layout: self.layout,
                    depth: d + 1,
                    path: Some(&node),
                    out: &mut *self.out,
                    active: o.child,
                    fields_on_path: o.fields_on,
                    fields_here: o.fields_here,
                    implied: o.implied,
                };
                match text {
                    Some(t) => {
                        let mut value = serde_json::Deserializer::from_str(t);
                        inner.deserialize(&mut value).map_err(de::Error::custom)?
                    }
                    None => match seq.next_element_seed(inner)? {
                        Some(got) => got,
                        None => break,
                    },
                }
            } else {
                self.keep_element(key, text.unwrap_or("null"))?;
                0
            };
            if got & FIELDS_REACHED != 0 {
                fields_open = false;
            }
            reached |= got;
        }
        // (an empty array on the way, like an empty object there, holds
        // nothing to keep: the value's envelope writes it back)
        Ok(reached)
    }
}

impl Layout<'_> {
    /// True when a pointer among `slots` (or the fields object's, when
    /// `fields`) selects with a `[member=value]` filter at segment `depth`.
    fn filters(&self, slots: u16, fields: bool, depth: usize) -> bool {
        let at = |p: &[&str]| {
            p.get(depth)
                .is_some_and(|s| matches!(Select::of(s), Some(Select::Where { .. })))
        };
        let mut bits = slots;
        while bits != 0 {
            let i = bits.trailing_zeros() as usize;
            bits &= bits - 1;
            if self.slots.get(i).is_some_and(|p| at(p)) {
                return true;
            }
        }
        fields && self.fields_at.is_some_and(at)
    }

    /// True when a pointer among `slots` (or the fields object's, when
    /// `fields`) selects array elements with its segment `depth`: an array
    /// met there is walked element by element, not kept whole.
    fn selects(&self, slots: u16, fields: bool, depth: usize) -> bool {
        let at = |p: &[&str]| p.get(depth).is_some_and(|s| Select::of(s).is_some());
        let mut bits = slots;
        while bits != 0 {
            let i = bits.trailing_zeros() as usize;
            bits &= bits - 1;
            if self.slots.get(i).is_some_and(|p| at(p)) {
                return true;
            }
        }
        fields && self.fields_at.is_some_and(at)
    }
}
