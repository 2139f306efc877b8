//! Items generated code reaches through `error_catalog::__private`. Not public API.

use std::fmt::{self, Write as _};

use serde::de::DeserializeOwned;
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::value::RawValue;

pub use error_catalog_core::captures::Captures;
pub use error_catalog_core::engine::{
    self, Captured, CodeIndex, CodeKey, Entry, Identity, Layout, Table,
};
pub use error_catalog_core::raw_members::TooLong;
pub use error_catalog_core::template::{match_into, take_run, HoleKind, PatternSeg};
pub use serde;
pub use serde_json;
pub use std::option::Option::{self, None, Some};
pub use std::result::Result::{self, Err, Ok};

use crate::{Extra, UnknownError};

pub use crate::kept::Kept;
pub use crate::public::{MessageStr, Render, When};

/// What the decoder needs from a generated enum.
pub trait Decoded: fmt::Display + Sized {
    /// The variant's extra-members field, when it has one.
    fn extra_mut(&mut self) -> Option<&mut Extra>;
    /// True when the variant's template renders exactly `text` (asked before any
    /// received message is kept).
    fn template_renders(&self, text: &str) -> bool {
        display_eq(self, text)
    }
}

/// The sink generated code reads bodies with: raw capture, plus typed fields once
/// the code is known.
pub trait FastSink<'b>: engine::Sink<'b> + Sized {
    /// A sink; `typed` enables typed reading (the code and the message as
    /// strings, and fields once the code is known).
    fn new(typed: bool) -> Self;
    /// Whether typed reading is on.
    fn typed(&self) -> bool;
    /// The raw capture, when anything was captured raw (a typed sink makes it
    /// on the first raw value).
    fn kept(&mut self) -> Option<&mut Captured<'b>>;
    /// The entry the code named, when the sink already looked it up.
    fn entry(&self) -> Option<usize> {
        None
    }
    /// Takes the string at `slot` (the code's or the message's): read as a string
    /// by the sink, or from the raw capture.
    fn take_text(&mut self, slot: usize) -> Option<std::borrow::Cow<'b, str>> {
        Captured::slot_str(self.kept()?, slot)
    }
    /// The raw JSON captured at `slot`.
    fn slot_raw(&mut self, slot: usize) -> Option<&'b str> {
        Captured::slot_raw(self.kept()?, slot)
    }
    /// Takes the member `name` of the fields object out of the raw capture.
    fn take_member<'s>(&'s mut self, name: &str) -> Option<&'s str>
    where
        'b: 's,
    {
        Captured::take_member(self.kept()?, name)
    }
    /// Walks `body` into the sink: [`engine::walk`] over `layout`, or a walker
    /// generated for the wire (handing the sink the same calls, and refusing any
    /// body it does not expect, which is then read again raw).
    fn walk(&mut self, body: &'b [u8], layout: &Layout<'_>) -> Result<(), engine::CaptureError> {
        engine::walk(body, layout, self)
    }
}

impl<'b> FastSink<'b> for Captured<'b> {
    fn new(_: bool) -> Self {
        Captured::default()
    }
    fn typed(&self) -> bool {
        false
    }
    fn kept(&mut self) -> Option<&mut Captured<'b>> {
        Some(self)
    }
}

/// How one enum reads a body: where things are and how errors are identified.
pub struct Plan<'a> {
    /// Where the slots are.
    pub layout: Layout<'a>,
    /// The classification tables.
    pub table: Table<'a>,
    /// The slot holding the code.
    pub code: Option<usize>,
    /// The slot holding the message.
    pub message: Option<usize>,
    /// The pointer of the fields object, for naming unclaimed members.
    pub fields_at: &'a str,
    /// Read fields straight into their types once the code is known.
    pub typed: bool,
    /// Classification by status and message compiled for this enum; agrees with
    /// [`Table::classify`] on `table`, which is used without it.
    pub classify: Option<Classifier>,
    /// The message's key, where the message is a top-level member and a body
    /// holding it alone is classified and built in one step
    /// ([`engine::lone_member`]).
    pub lone: Option<&'a str>,
}

/// A compiled classification: (status, message, captures out) → (entry, whether
/// the message is exactly what the entry's template renders from the captures).
pub type Classifier = for<'m> fn(u16, Option<&'m str>, &mut Captures<'m>) -> Option<(usize, bool)>;

/// True when `text` is an integer as `Display` writes it (no sign but a `-`
/// before a non-zero value, no leading zeros): parsed and shown again, it reads
/// the same.
///
/// ```
/// use error_catalog::__private::canonical_int;
/// assert!(canonical_int("0") && canonical_int("42") && canonical_int("-7"));
/// assert!(!canonical_int("007") && !canonical_int("-0") && !canonical_int("+1") && !canonical_int(""));
/// ```
#[inline]
pub fn canonical_int(text: &str) -> bool {
    let b = text.as_bytes();
    let digits = match b {
        [b'-', rest @ ..] => rest,
        _ => b,
    };
    match digits {
        [] => false,
        [b'0'] => digits.len() == b.len(),
        [b'0', ..] => false,
        _ => digits.iter().all(u8::is_ascii_digit),
    }
}

/// Captures, classifies and builds; anything that fails lands in the fallback.
/// `direct` classifies and builds a body holding the message alone in one step
/// where that gives what the general steps would (`None`: take them).
#[inline(always)]
pub fn decode<'b, E: Decoded, S: FastSink<'b>>(
    status: Option<u16>,
    body: &'b [u8],
    plan: &Plan<'_>,
    direct: impl Fn(u16, &str) -> Option<E>,
    build: impl FnOnce(usize, &mut S, &[(usize, &str)]) -> Result<E, String>,
    unknown: impl FnOnce(UnknownError) -> E,
) -> E {
    // a body that is the message alone, without escapes: no parser set up
    let lone = plan.lone.and_then(|key| engine::lone_member(body, key));
    if let Some(m) = lone {
        if let Some(value) = direct(status.unwrap_or(0), m) {
            return value;
        }
    }
    // (`direct` said no to this very message already: not asked again)
    let direct = |s: u16, m: &str| if lone.is_some() { None } else { direct(s, m) };
    let mut sink = S::new(plan.typed);
    match sink.walk(body, &plan.layout) {
        Ok(()) => finish(status, body, plan, &mut sink, direct, build, unknown),
        Err(e) => walk_again(status, body, plan, sink.typed(), e, build, unknown),
    }
}

/// The walk failed: a field of the wrong type aborts the typed reading, so the
/// body is read again raw; a body that is not JSON at all still classifies where
/// the status alone can identify an error (a proxy's page; the body is kept).
#[cold]
#[inline(never)]
fn walk_again<'b, E: Decoded, S: FastSink<'b>>(
    status: Option<u16>,
    body: &'b [u8],
    plan: &Plan<'_>,
    typed: bool,
    first: engine::CaptureError,
    build: impl FnOnce(usize, &mut S, &[(usize, &str)]) -> Result<E, String>,
    unknown: impl FnOnce(UnknownError) -> E,
) -> E {
    let e = if typed {
        let mut sink = S::new(false);
        match engine::walk(body, &plan.layout, &mut sink) {
            Ok(()) => {
                let direct = |_: u16, _: &str| None;
                return finish(status, body, plan, &mut sink, direct, build, unknown);
            }
            Err(e) => e,
        }
    } else {
        first
    };
    if plan.table.identity != Identity::Code {
        let hit = status.and_then(|s| classify(plan, s, None, None, &mut Captures::default()));
        if let Some((entry, _)) = hit {
            if let Ok(mut value) = build(entry, &mut S::new(false), &[]) {
                if let Some(extra) = value.extra_mut() {
                    extra.set_body(body);
                }
                return value;
            }
        }
    }
    unknown(UnknownError::new(status, body).with_reason(format!("body is not a JSON object: {e}")))
}

/// (entry, exact) for a response: by the plan's compiled classification where it
/// has one, else by its table.
#[inline]
fn classify<'m>(
    plan: &Plan<'_>,
    status: u16,
    code: Option<&str>,
    message: Option<&'m str>,
    caps: &mut Captures<'m>,
) -> Option<(usize, bool)> {
    match plan.classify {
        Some(compiled) => compiled(status, message, caps),
        None => plan.table.classify(status, code, message).map(|c| {
            *caps = Captures::from(c.captures);
            (c.entry, false)
        }),
    }
}

/// The fallback, keeping the body and the code and message read from it.
#[cold]
#[inline(never)]
fn fall_back<E>(
    status: Option<u16>,
    body: &[u8],
    code: Option<&str>,
    message: Option<&str>,
    reason: String,
    unknown: impl FnOnce(UnknownError) -> E,
) -> E {
    let mut u = UnknownError::new(status, body).with_reason(reason);
    if let Some(code) = code {
        u = u.with_code(code);
    }
    if let Some(m) = message {
        u = u.with_message(m);
    }
    unknown(u)
}

/// Classifies and builds from a walked body.
#[inline(always)]
fn finish<'b, E: Decoded, S: FastSink<'b>>(
    status: Option<u16>,
    body: &'b [u8],
    plan: &Plan<'_>,
    sink: &mut S,
    direct: impl Fn(u16, &str) -> Option<E>,
    build: impl FnOnce(usize, &mut S, &[(usize, &str)]) -> Result<E, String>,
    unknown: impl FnOnce(UnknownError) -> E,
) -> E {
    let code = plan.code.and_then(|s| sink.take_text(s));
    let message = plan.message.and_then(|s| sink.take_text(s));
    // a body holding the message alone: classified and built in one step where
    // that gives what the steps below would
    if let (None, Some(m)) = (&code, &message) {
        if sink.entry().is_none() && sink.kept().is_none() {
            if let Some(value) = direct(status.unwrap_or(0), m) {
                return value;
            }
        }
    }
    // a code or message slot holding something other than a string (or null)
    let c = sink.kept();
    let not_text = |slot: Option<usize>, text: &Option<std::borrow::Cow<'_, str>>| {
        text.is_none()
            && slot
                .zip(c.as_ref())
                .and_then(|(s, c)| c.slot(s))
                .is_some_and(|r| r.get() != "null")
    };
    let fail = |reason: String| {
        fall_back(
            status,
            body,
            code.as_deref(),
            message.as_deref(),
            reason,
            unknown,
        )
    };
    let what = if not_text(plan.code, &code) {
        Some("code")
    } else if not_text(plan.message, &message) {
        Some("message")
    } else {
        None
    };
    if let Some(what) = what {
        let reason = format!("the {what} is not a string");
        return fail(reason);
    }
    // (captures only where a message is classified: a code names its entry)
    let mut captured;
    let (hit, caps): (_, &[(usize, &str)]) = match sink.entry() {
        Some(entry) => (Some((entry, false)), &[]),
        None => {
            captured = Captures::default();
            let m = message.as_deref();
            let hit = classify(plan, status.unwrap_or(0), code.as_deref(), m, &mut captured);
            (hit, &captured)
        }
    };
    let Some((entry, exact)) = hit else {
        let reason = match &code {
            Some(code) => format!("unknown code `{code}`"),
            None => "no known error matches this response".to_string(),
        };
        return fail(reason);
    };
    // (the value is finished where `build` put it and moved once, on return)
    let mut built = build(entry, sink, caps);
    if let Ok(value) = &mut built {
        let kept_any = sink
            .kept()
            .filter(|c| !c.extras.is_empty() || !c.members.is_empty());
        // (the variant is asked for its extra only when there is something to keep)
        if let Some((c, extra)) = kept_any.and_then(|c| Some((c, value.extra_mut()?))) {
            // the members outside the fields object move over as they are; the
            // fields object's leftovers follow, named by pointer
            let mut kept = std::mem::take(&mut c.extras);
            if c.members.drain_into(plan.fields_at, &mut kept).is_err() {
                // (a member longer than 2 GiB: the walk refuses bodies that could hold one)
                let reason = "a member too long to keep".to_string();
                return fail(reason);
            }
            extra.set_members(kept);
        }
        if let Some(m) = message.as_deref().filter(|_| !exact) {
            if !value.template_renders(m) {
                if let Some(extra) = value.extra_mut() {
                    extra.set_message(m);
                }
            }
        }
    }
    match built {
        Ok(value) => value,
        Err(reason) => fail(reason),
    }
}

/// Decodes one field from its raw JSON; an absent field decodes from `null`, so
/// `Option` fields become `None` and required ones fail.
pub fn field<T: DeserializeOwned>(raw: Option<&str>, name: &str) -> Result<T, String> {
    match raw {
        Some(r) => serde_json::from_str(r).map_err(|e| format!("field `{name}`: {e}")),
        None => serde_json::from_str("null").map_err(|_| format!("missing field `{name}`")),
    }
}

/// Reads the map's next value into `slot` (a field read typed while walking).
#[inline]
pub fn read_into<'de, T, A>(slot: &mut Option<T>, map: &mut A) -> Result<(), A::Error>
where
    T: serde::Deserialize<'de>,
    A: serde::de::MapAccess<'de>,
{
    *slot = Some(map.next_value()?);
    Ok(())
}

/// A text field as a borrowed view holds it: `Cow<str>` for `String`,
/// `Option<Cow<str>>` for `Option<String>`. Typed reading stores text this way
/// (owned by the enum's sink; borrowed from the body by the view's, unless it
/// has escapes), so one walk serves both the enum and its borrowed view.
///
/// ```
/// use std::borrow::Cow;
/// use error_catalog::__private::Text;
/// let t: Cow<'_, str> = Text::lent(String::from("email"));
/// assert_eq!(Text::owned(t), "email");
/// let o: Option<Cow<'_, str>> = Text::lent(None);
/// assert_eq!(Text::owned(o), None::<String>);
/// ```
pub trait Text<'b>: Sized {
    /// The owned form (`String`, `Option<String>`).
    type Owned;
    /// Reads the map's next value, borrowing it from the body where it can.
    ///
    /// # Errors
    /// When the value is not a string (or, for the optional form, `null`).
    fn read<A: serde::de::MapAccess<'b>>(map: &mut A) -> Result<Self, A::Error>;
    /// Reads the map's next value owned (as `serde` reads the owned form).
    ///
    /// # Errors
    /// As [`Text::read`].
    fn read_owned<A: serde::de::MapAccess<'b>>(map: &mut A) -> Result<Self, A::Error>;
    /// The owned form, copying borrowed text.
    fn owned(self) -> Self::Owned;
    /// The view of an owned value (nothing copied).
    fn lent(owned: Self::Owned) -> Self;
}

impl<'b> Text<'b> for std::borrow::Cow<'b, str> {
    type Owned = String;
    #[inline]
    fn read<A: serde::de::MapAccess<'b>>(map: &mut A) -> Result<Self, A::Error> {
        map.next_value_seed(engine::StrSeed)
    }
    #[inline]
    fn read_owned<A: serde::de::MapAccess<'b>>(map: &mut A) -> Result<Self, A::Error> {
        map.next_value().map(std::borrow::Cow::Owned)
    }
    #[inline]
    fn owned(self) -> String {
        self.into_owned()
    }
    #[inline]
    fn lent(owned: String) -> Self {
        std::borrow::Cow::Owned(owned)
    }
}

impl<'b> Text<'b> for Option<std::borrow::Cow<'b, str>> {
    type Owned = Option<String>;
    #[inline]
    fn read<A: serde::de::MapAccess<'b>>(map: &mut A) -> Result<Self, A::Error> {
        map.next_value_seed(engine::OptStrSeed)
    }
    #[inline]
    fn read_owned<A: serde::de::MapAccess<'b>>(map: &mut A) -> Result<Self, A::Error> {
        map.next_value::<Option<String>>()
            .map(|o| o.map(std::borrow::Cow::Owned))
    }
    #[inline]
    fn owned(self) -> Option<String> {
        self.map(std::borrow::Cow::into_owned)
    }
    #[inline]
    fn lent(owned: Option<String>) -> Self {
        owned.map(std::borrow::Cow::Owned)
    }
}

/// Reads the map's next text value into `slot` ([`read_into`] for a [`Text`]):
/// owned for the enum (`OWN`: as fast as `serde` reads a `String`), borrowed
/// for its view.
///
/// # Errors
/// When the value is not text.
#[inline]
pub fn read_text<'b, const OWN: bool, T, A>(
    slot: &mut Option<T>,
    map: &mut A,
) -> Result<(), A::Error>
where
    T: Text<'b>,
    A: serde::de::MapAccess<'b>,
{
    *slot = Some(if OWN {
        T::read_owned(map)?
    } else {
        T::read(map)?
    });
    Ok(())
}

/// Where a field's raw JSON sits in the capture.
#[derive(Debug, Clone, Copy)]
pub enum FieldAt<'a> {
    /// A member of the fields object, by key.
    Member(&'a str),
    /// A slot of the layout.
    Slot(usize),
}

/// A field read typed while walking, else its raw JSON at `at` read by `read`
/// (one call per field in generated code instead of a `match` each).
#[inline]
pub fn typed_or<'b, T, S, R>(
    typed: Option<T>,
    sink: &mut S,
    at: FieldAt<'_>,
    name: &str,
    read: R,
) -> Result<T, String>
where
    S: FastSink<'b>,
    R: FnOnce(Option<&str>, &str) -> Result<T, String>,
{
    match (typed, at) {
        (Some(v), _) => Ok(v),
        (None, FieldAt::Member(m)) => read(sink.take_member(m), name),
        (None, FieldAt::Slot(s)) => read(sink.slot_raw(s), name),
    }
}

/// [`field`] for a `String` field: no parser when the JSON string has no escapes.
pub fn field_string(raw: Option<&str>, name: &str) -> Result<String, String> {
    if let Some(s) = raw.and_then(|t| {
        t.strip_prefix('"')?
            .strip_suffix('"')
            .filter(|s| !s.contains('\\'))
    }) {
        return Ok(s.to_string());
    }
    field(raw, name)
}

/// [`field`] for an `Option<String>` field.
pub fn field_opt_string(raw: Option<&str>, name: &str) -> Result<Option<String>, String> {
    match raw {
        None => Ok(None),
        Some("null") => Ok(None),
        Some(_) => field_string(raw, name).map(Some),
    }
}

/// [`field`] for an integer field: a plain decimal integer is parsed directly
/// (JSON's grammar: no leading zeros, no `-0`; anything else goes to serde).
///
/// ```
/// use error_catalog::__private::field_int;
/// assert_eq!(field_int::<u32>(Some("42"), "n"), Ok(42));
/// assert_eq!(field_int::<i32>(Some("-7"), "n"), Ok(-7));
/// assert_eq!(field_int::<i64>(Some("-9223372036854775808"), "n"), Ok(i64::MIN));
/// assert_eq!(field_int::<u64>(Some("18446744073709551615"), "n"), Ok(u64::MAX));
/// assert!(field_int::<u8>(Some("300"), "n").is_err());
/// assert!(field_int::<u32>(Some("007"), "n").is_err());
/// assert!(field_int::<u32>(Some("-1"), "n").is_err());
/// assert!(field_int::<u32>(None, "n").is_err());
/// ```
#[inline]
pub fn field_int<T>(raw: Option<&str>, name: &str) -> Result<T, String>
where
    T: DeserializeOwned + TryFrom<u64> + TryFrom<i64>,
{
    match raw.and_then(exact_int) {
        Some(v) => Ok(v),
        None => field(raw, name),
    }
}

/// The value of an integer's text (a placeholder's, or a field's JSON) when it
/// is written as `Display` writes it ([`canonical_int`]), has at most 19 digits
/// and fits `T`.
///
/// ```
/// use error_catalog::__private::exact_int;
/// assert_eq!(exact_int::<u32>("42"), Some(42));
/// assert_eq!(exact_int::<i64>("-7"), Some(-7));
/// assert_eq!(exact_int::<u32>("007"), None);
/// assert_eq!(exact_int::<u8>("300"), None);
/// ```
#[inline]
pub fn exact_int<T: TryFrom<u64> + TryFrom<i64>>(text: &str) -> Option<T> {
    let (negative, digits) = match text.as_bytes() {
        [b'-', rest @ ..] => (true, rest),
        b => (false, b),
    };
    match digits {
        [] => return None,
        [b'0'] if negative => return None,
        [b'0', _, ..] => return None,
        _ if digits.len() > 19 => return None,
        _ => {}
    }
    let mut n = 0u64;
    for &d in digits {
        let d = d.wrapping_sub(b'0');
        if d > 9 {
            return None;
        }
        // (19 digits stay below 2^64)
        n = n * 10 + u64::from(d);
    }
    if negative {
        T::try_from(-i64::try_from(n).ok()?).ok()
    } else {
        T::try_from(n).ok()
    }
}

/// A placeholder's text as a `String` field (or an `Option<String>` one).
///
/// ```
/// use error_catalog::__private::text_into;
/// let s: String = text_into("3/3");
/// let o: Option<String> = text_into("x");
/// assert_eq!((s.as_str(), o.as_deref()), ("3/3", Some("x")));
/// ```
#[inline]
pub fn text_into<T: From<String>>(text: &str) -> T {
    T::from(text.to_owned())
}

/// [`field`] for an optional integer field.
pub fn field_opt_int<T: DeserializeOwned + TryFrom<u64> + TryFrom<i64>>(
    raw: Option<&str>,
    name: &str,
) -> Result<Option<T>, String> {
    match raw {
        None => Ok(None),
        Some("null") => Ok(None),
        Some(_) => field_int(raw, name).map(Some),
    }
}

/// The text a message placeholder captured into field `index`.
#[inline]
pub fn capture_text<'c>(captures: &[(usize, &'c str)], index: usize) -> Option<&'c str> {
    captures.iter().find(|(i, _)| *i == index).map(|(_, t)| *t)
}

/// A `String` (or, with `optional`, `Option<String>`) field from a message
/// placeholder; a missing capture is an error for a required field.
pub fn captured_string<T: From<String> + Default>(
    captures: &[(usize, &str)],
    index: usize,
    name: &str,
    optional: bool,
) -> Result<T, String> {
    match capture_text(captures, index) {
        Some(text) => Ok(text_into(text)),
        None if optional => Ok(T::default()),
        None => Err(format!("missing field `{name}`")),
    }
}

/// Decodes a placeholder value captured from a message: as a JSON number when it
/// is one and the type takes it, else as a string.
pub fn captured<T: DeserializeOwned>(
    captures: &[(usize, &str)],
    index: usize,
    name: &str,
) -> Result<T, String> {
    let Some((_, text)) = captures.iter().find(|(i, _)| *i == index) else {
        return serde_json::from_str("null").map_err(|_| format!("missing field `{name}`"));
    };
    if let Ok(v) = serde_json::from_str::<T>(text) {
        if text
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.' | b'e' | b'E'))
        {
            return Ok(v);
        }
    }
    let quoted = serde_json::to_string(text).map_err(|e| e.to_string())?;
    serde_json::from_str(&quoted).map_err(|e| format!("field `{name}`: {e}"))
}

/// True when `value`'s Display output is exactly `text`, without allocating.
pub fn display_eq(value: &impl fmt::Display, text: &str) -> bool {
    struct Cmp<'t> {
        rest: &'t str,
        ok: bool,
    }
    impl fmt::Write for Cmp<'_> {
        fn write_str(&mut self, s: &str) -> fmt::Result {
            match self.rest.strip_prefix(s) {
                Some(r) if self.ok => {
                    self.rest = r;
                    Ok(())
                }
                _ => {
                    self.ok = false;
                    Err(fmt::Error)
                }
            }
        }
    }
    let mut c = Cmp {
        rest: text,
        ok: true,
    };
    let _ = write!(c, "{value}");
    c.ok && c.rest.is_empty()
}

/// A JSON object written from a tuple of members.
pub struct Obj<T>(pub T);

/// Something that writes zero or more members into a map.
pub trait Members {
    /// Writes the members.
    fn write<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error>;
}

impl<T: Members> Serialize for Obj<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        self.0.write(&mut m)?;
        m.end()
    }
}

/// A member that is always written.
pub struct Member<'a, V: ?Sized>(pub &'static str, pub &'a V);

impl<V: Serialize + ?Sized> Members for Member<'_, V> {
    fn write<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        map.serialize_entry(self.0, self.1)
    }
}

/// A member written only when `Some`.
pub struct OptMember<'a, V>(pub &'static str, pub &'a Option<V>);

impl<V: Serialize> Members for OptMember<'_, V> {
    fn write<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        match self.1 {
            Some(v) => map.serialize_entry(self.0, v),
            None => Ok(()),
        }
    }
}

/// The extra members kept under the object at a pointer, except those whose key
/// the object writes itself (`.2`): a JSON object never gets a key twice.
pub struct ExtraMembers<'a>(
    pub Option<&'a Extra>,
    pub &'static str,
    pub &'static [&'static str],
);

impl Members for ExtraMembers<'_> {
    fn write<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        if let Some(extra) = self.0 {
            for (k, v) in extra.children(self.1) {
                if !self.2.contains(&k.as_str()) {
                    map.serialize_entry(&k, v)?;
                }
            }
        }
        Ok(())
    }
}

/// An object member written only when extra members were kept under it, or
/// the value kept at its own pointer (the body had something other than an
/// object there).
pub struct ExtraObject<'a>(pub Option<&'a Extra>, pub &'static str, pub &'static str);

impl Members for ExtraObject<'_> {
    fn write<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        if let Some(extra) = self.0 {
            if extra.children(self.2).next().is_some() {
                map.serialize_entry(self.1, &Obj(ExtraMembers(Some(extra), self.2, &[])))?;
            } else if let Some(v) = extra.get(self.2) {
                map.serialize_entry(self.1, v)?;
            }
        }
        Ok(())
    }
}

/// An object member (`.0`, `.1`) that gives way to the value kept at its pointer
/// (`.3`, in `.2`) when `.4` says none of the object's own fields is set: the
/// body had something other than an object there, and it is written back as
/// it came.
pub struct ObjOrKept<'a, T>(
    pub &'static str,
    pub &'a Obj<T>,
    pub Option<&'a Extra>,
    pub &'static str,
    pub bool,
);

impl<T: Members> Members for ObjOrKept<'_, T> {
    fn write<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        match self.2.and_then(|x| x.get(self.3)).filter(|_| self.4) {
            Some(kept) => map.serialize_entry(self.0, kept),
            None => map.serialize_entry(self.0, self.1),
        }
    }
}

/// Serializes a value's Display output as a string.
pub struct DisplayStr<'a, T: ?Sized>(pub &'a T);

impl<T: fmt::Display + ?Sized> Serialize for DisplayStr<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self.0)
    }
}

macro_rules! tuple_members {
    ($($name:ident)+) => {
        impl<$($name: Members),+> Members for ($($name,)+) {
            #[allow(non_snake_case)]
            fn write<MAP: SerializeMap>(&self, map: &mut MAP) -> Result<(), MAP::Error> {
                let ($($name,)+) = self;
                $($name.write(map)?;)+
                Ok(())
            }
        }
    };
}

impl Members for () {
    fn write<M: SerializeMap>(&self, _: &mut M) -> Result<(), M::Error> {
        Ok(())
    }
}
tuple_members!(A);
tuple_members!(A B);
tuple_members!(A B C);
tuple_members!(A B C D);
tuple_members!(A B C D E);
tuple_members!(A B C D E F);
tuple_members!(A B C D E F G);
tuple_members!(A B C D E F G H);
tuple_members!(A B C D E F G H I);
tuple_members!(A B C D E F G H I J);
tuple_members!(A B C D E F G H I J K);
tuple_members!(A B C D E F G H I J K L);

/// Writes `value` into a JSON map for [`crate::ApiError::details`].
pub fn put<V: Serialize + ?Sized>(
    map: &mut serde_json::Map<String, serde_json::Value>,
    key: &str,
    value: &V,
) {
    if let Ok(v) = serde_json::to_value(value) {
        if !v.is_null() {
            map.insert(key.to_string(), v);
        }
    }
}

/// Reads a generated enum from any deserializer by way of its JSON text.
///
/// From `serde_json` the body arrives as raw text (its raw-value protocol), so
/// nothing is parsed twice and numbers beyond `f64` stay as they were; from any
/// other format the value is rebuilt as a `serde_json::Value` and written out.
pub fn deserialize_via_json<'de, D, E>(
    d: D,
    from_body: impl FnOnce(&[u8]) -> E,
) -> Result<E, D::Error>
where
    D: serde::Deserializer<'de>,
{
    let text = d.deserialize_newtype_struct(RAW_VALUE_TOKEN, JsonText)?;
    Ok(from_body(text.as_bytes()))
}

/// The name `serde_json` answers with a value's raw text (what `RawValue` asks for).
const RAW_VALUE_TOKEN: &str = "$serde_json::private::RawValue";

/// A value's JSON text, borrowed when the deserializer can lend it.
struct JsonText;

impl JsonText {
    fn write<Er: serde::de::Error>(
        v: &serde_json::Value,
    ) -> Result<std::borrow::Cow<'static, str>, Er> {
        serde_json::to_string(v).map(Into::into).map_err(Er::custom)
    }
}

impl<'de> serde::de::Visitor<'de> for JsonText {
    type Value = std::borrow::Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an error response body")
    }

    fn visit_newtype_struct<D: serde::Deserializer<'de>>(
        self,
        d: D,
    ) -> Result<Self::Value, D::Error> {
        let v = <serde_json::Value as serde::Deserialize>::deserialize(d)?;
        Self::write(&v)
    }

    fn visit_map<M: serde::de::MapAccess<'de>>(self, mut map: M) -> Result<Self::Value, M::Error> {
        let mut obj = serde_json::Map::new();
        match map.next_key::<std::borrow::Cow<'de, str>>()? {
            // serde_json's raw text: one member named by the token
            Some(k) if k == RAW_VALUE_TOKEN => return map.next_value_seed(engine::StrSeed),
            Some(k) => {
                obj.insert(k.into_owned(), map.next_value()?);
            }
            None => {}
        }
        while let Some((k, v)) = map.next_entry::<String, serde_json::Value>()? {
            obj.insert(k, v);
        }
        Self::write(&serde_json::Value::Object(obj))
    }

    fn visit_seq<Q: serde::de::SeqAccess<'de>>(self, mut seq: Q) -> Result<Self::Value, Q::Error> {
        let mut items = Vec::new();
        while let Some(v) = seq.next_element::<serde_json::Value>()? {
            items.push(v);
        }
        Self::write(&serde_json::Value::Array(items))
    }

    fn visit_str<Er: serde::de::Error>(self, v: &str) -> Result<Self::Value, Er> {
        Self::write(&serde_json::Value::from(v))
    }

    fn visit_bool<Er: serde::de::Error>(self, v: bool) -> Result<Self::Value, Er> {
        Self::write(&serde_json::Value::from(v))
    }

    fn visit_i64<Er: serde::de::Error>(self, v: i64) -> Result<Self::Value, Er> {
        Self::write(&serde_json::Value::from(v))
    }

    fn visit_u64<Er: serde::de::Error>(self, v: u64) -> Result<Self::Value, Er> {
        Self::write(&serde_json::Value::from(v))
    }

    fn visit_f64<Er: serde::de::Error>(self, v: f64) -> Result<Self::Value, Er> {
        Self::write(&serde_json::Value::from(v))
    }

    fn visit_unit<Er: serde::de::Error>(self) -> Result<Self::Value, Er> {
        Self::write(&serde_json::Value::Null)
    }

    fn visit_none<Er: serde::de::Error>(self) -> Result<Self::Value, Er> {
        Self::write(&serde_json::Value::Null)
    }

    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

/// Serializes the fallback: its body as received when that is JSON, else the body
/// text as a JSON string.
pub fn serialize_unknown<S: Serializer>(u: &UnknownError, s: S) -> Result<S::Ok, S::Error> {
    match serde_json::from_slice::<&RawValue>(u.body()) {
        Ok(raw) => raw.serialize(s),
        Err(_) => s.collect_str(&u.body_text()),
    }
}

#[cfg(feature = "axum")]
pub use ::axum;
#[cfg(feature = "http")]
pub use ::http;
#[cfg(feature = "miette")]
pub use ::miette;
#[cfg(feature = "reqwest")]
pub use ::reqwest;
