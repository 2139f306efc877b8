//! Reading one field of a known error: from its raw JSON (a slot of the
//! layout, or a member of the fields object), from the text a message
//! placeholder captured, or typed while the body is walked. Generated code
//! calls the typed readers; the CLI reads into JSON values through
//! [`read_value`], which calls the same ones.

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::engine;
use crate::field_type::{BaseType, FieldType};

use super::objects::ObjectShape;
use crate::engine::Sink;

/// Decodes one field from its raw JSON; an absent field decodes from `null`, so
/// `Option` fields become `None` and required ones fail.
pub fn field<T: DeserializeOwned>(raw: Option<&str>, name: &str) -> Result<T, String> {
    match raw {
        Some(r) => serde_json::from_str(r).map_err(|e| format!("field `{name}`: {}", unplaced(&e))),
        None => serde_json::from_str("null").map_err(|_| format!("missing field `{name}`")),
    }
}

/// A `serde_json` error without its position: the line and column it gives
/// are within the text read (a field's raw value, a placeholder's text), not
/// the body; the decoder names the field's place instead.
///
/// ```
/// use error_catalog_core::decode::unplaced;
/// let e = serde_json::from_str::<String>("42").unwrap_err();
/// assert_eq!(unplaced(&e), "invalid type: integer `42`, expected a string");
/// ```
pub fn unplaced(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let at = format!(" at line {} column {}", e.line(), e.column());
    match text.strip_suffix(&at) {
        Some(message) => message.to_string(),
        None => text,
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
/// use error_catalog_core::decode::Text;
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

/// A field read typed while walking, else `read` (its raw JSON read by
/// [`read_field`] or [`read_optional`]): one call per field in generated code
/// instead of a `match` each.
///
/// ```
/// use error_catalog_core::decode::typed_or;
/// assert_eq!(typed_or(Some(7), || Err("not asked".to_string())), Ok(7));
/// assert_eq!(typed_or(None, || Ok::<u8, String>(8)), Ok(8));
/// ```
#[inline(always)]
pub fn typed_or<T, R>(typed: Option<T>, read: R) -> Result<T, String>
where
    R: FnOnce() -> Result<T, String>,
{
    match typed {
        Some(v) => Ok(v),
        None => read(),
    }
}

/// [`typed_or`] with [`read_field`] as the fallback, without a closure: generated
/// code calls it once per field, and it is compiled once per sink, type and
/// reader (a closure would make one copy per call site).
///
/// ```
/// use error_catalog_core::decode::{field_string, typed_or_field, FieldAt};
/// use error_catalog_core::engine::{capture, Layout};
/// let layout = Layout { slots: &[&["error", "code"][..]], fields_at: Some(&["error"][..]) };
/// let mut c = capture(br#"{"error": {"code": "x", "id": "c_1"}}"#, &layout).unwrap();
/// let typed = typed_or_field(Some("t".to_string()), &mut c, FieldAt::Member("id"), "id", field_string);
/// assert_eq!(typed.as_deref(), Ok("t"));
/// let read = typed_or_field(None, &mut c, FieldAt::Member("id"), "id", field_string);
/// assert_eq!(read.as_deref(), Ok("c_1"));
/// ```
///
/// # Errors
/// As [`read_field`], when nothing was read typed.
#[inline]
pub fn typed_or_field<'b, T, S, R>(
    typed: Option<T>,
    sink: &mut S,
    at: FieldAt<'_>,
    name: &str,
    read: R,
) -> Result<T, String>
where
    S: Sink<'b>,
    R: FnOnce(Option<&str>, &str) -> Result<T, String>,
{
    match typed {
        Some(v) => Ok(v),
        None => read_field(sink, at, name, read),
    }
}

/// [`typed_or`] with [`read_optional`] as the fallback, without a closure (as
/// [`typed_or_field`]).
///
/// ```
/// use error_catalog_core::decode::{field_opt_int, typed_or_optional, FieldAt};
/// use error_catalog_core::engine::{capture, Layout};
/// let layout = Layout { slots: &[&["error", "code"][..]], fields_at: Some(&["error"][..]) };
/// let mut c = capture(br#"{"error": {"code": "x", "n": "seven"}}"#, &layout).unwrap();
/// assert_eq!(typed_or_optional(Some(Some(7u64)), &mut c, FieldAt::Member("n"), "n", field_opt_int), Ok(Some(7)));
/// assert_eq!(typed_or_optional(None, &mut c, FieldAt::Member("n"), "n", field_opt_int::<u64>), Ok(None));
/// assert_eq!(c.unread.len(), 1);
/// ```
///
/// # Errors
/// None of its own, as [`read_optional`].
#[inline]
pub fn typed_or_optional<'b, T, S, R>(
    typed: Option<T>,
    sink: &mut S,
    at: FieldAt<'_>,
    name: &str,
    read: R,
) -> Result<T, String>
where
    T: Default,
    S: Sink<'b>,
    R: FnOnce(Option<&str>, &str) -> Result<T, String>,
{
    match typed {
        Some(v) => Ok(v),
        None => read_optional(sink, at, name, read),
    }
}

/// The raw JSON of a field at `at` (a member is taken out of the capture).
#[inline(always)]
fn raw_at<'s, 'b: 's, S: Sink<'b>>(sink: &'s mut S, at: FieldAt<'_>) -> Option<&'s str> {
    match at {
        FieldAt::Member(m) => sink.take_member(m),
        FieldAt::Slot(s) => sink.slot_raw(s),
    }
}

/// A required field read from its raw JSON at `at` by `read` (the reader of
/// its type). A value that is there and cannot be read is noted in the
/// capture ([`Unread`](crate::engine::Unread), nothing kept), so that the
/// fallback's reason names its place.
///
/// ```
/// use error_catalog_core::decode::{read_field, field_string, FieldAt};
/// use error_catalog_core::engine::{capture, Layout, UnreadAt};
/// let layout = Layout { slots: &[&["error", "code"][..]], fields_at: Some(&["error"][..]) };
/// let mut c = capture(br#"{"error": {"code": "card_declined", "charge": 5}}"#, &layout).unwrap();
/// let e = read_field(&mut c, FieldAt::Member("charge"), "charge", field_string).unwrap_err();
/// assert_eq!(e, "field `charge`: invalid type: integer `5`, expected a string");
/// assert_eq!((&c.unread[0].at, c.unread[0].kept.as_deref()), (&UnreadAt::Member("charge".into()), None));
/// // absent: nothing to place
/// assert_eq!(read_field(&mut c, FieldAt::Member("charge"), "charge", field_string), Err("missing field `charge`".into()));
/// assert_eq!(c.unread.len(), 1);
/// ```
///
/// # Errors
/// `read`'s: the field is missing or its value is not of its type.
#[inline]
pub fn read_field<'b, T, S, R>(
    sink: &mut S,
    at: FieldAt<'_>,
    name: &str,
    read: R,
) -> Result<T, String>
where
    S: Sink<'b>,
    R: FnOnce(Option<&str>, &str) -> Result<T, String>,
{
    let raw = raw_at(sink, at);
    let present = raw.is_some();
    match read(raw, name) {
        Ok(v) => Ok(v),
        Err(reason) if present => Err(note_unread(sink, at, None, reason)),
        Err(reason) => Err(reason),
    }
}

/// An optional field read from its raw JSON at `at` by `read` (the reader of
/// its type), leniently: a value that cannot be read as the field's type
/// reads as absent (`T::default()`: `None`, or `null` for the CLI), and is
/// noted in the capture with its raw JSON and the reason
/// ([`Unread`](crate::engine::Unread)); the decoder keeps both in the extra
/// under the value's JSON pointer. The error keeps its identity.
///
/// ```
/// use error_catalog_core::decode::{read_optional, field_opt_string, FieldAt};
/// use error_catalog_core::engine::{capture, Layout};
/// let layout = Layout { slots: &[&["error", "code"][..]], fields_at: Some(&["error"][..]) };
/// let mut c = capture(br#"{"error": {"code": "card_declined", "decline_code": 42}}"#, &layout).unwrap();
/// let v = read_optional(&mut c, FieldAt::Member("decline_code"), "decline_code", field_opt_string);
/// assert_eq!(v, Ok(None));
/// assert_eq!(c.unread[0].kept.as_deref(), Some("42"));
/// assert_eq!(c.unread[0].reason, "field `decline_code`: invalid type: integer `42`, expected a string");
/// ```
///
/// # Errors
/// None of its own: `Result` as [`read_field`], so that generated code calls either.
#[inline]
pub fn read_optional<'b, T, S, R>(
    sink: &mut S,
    at: FieldAt<'_>,
    name: &str,
    read: R,
) -> Result<T, String>
where
    T: Default,
    S: Sink<'b>,
    R: FnOnce(Option<&str>, &str) -> Result<T, String>,
{
    let raw = raw_at(sink, at);
    match read(raw, name) {
        Ok(v) => Ok(v),
        Err(reason) => match raw.map(str::to_owned) {
            Some(kept) => {
                note_unread(sink, at, Some(kept), reason);
                Ok(T::default())
            }
            // (absent reads as `None` for every optional type: not reached)
            None => Err(reason),
        },
    }
}

/// Notes a value that could not be read in the capture; gives the reason back.
#[cold]
#[inline(never)]
fn note_unread<'b, S: Sink<'b>>(
    sink: &mut S,
    at: FieldAt<'_>,
    kept: Option<String>,
    reason: String,
) -> String {
    if let Some(c) = sink.capture() {
        c.unread.push(crate::engine::Unread {
            at: match at {
                FieldAt::Member(m) => crate::engine::UnreadAt::Member(m.to_string()),
                FieldAt::Slot(s) => crate::engine::UnreadAt::Slot(s),
            },
            kept,
            reason: reason.clone(),
        });
    }
    reason
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
/// use error_catalog_core::decode::field_int;
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
/// is written as `Display` writes it ([`canonical_int`](super::canonical_int)), has at most 19 digits
/// and fits `T`.
///
/// ```
/// use error_catalog_core::decode::exact_int;
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
/// use error_catalog_core::decode::text_into;
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
pub fn hole_text<'c>(holes: &[(usize, &'c str)], index: usize) -> Option<&'c str> {
    holes.iter().find(|(i, _)| *i == index).map(|(_, t)| *t)
}

/// A `String` (or, with `optional`, `Option<String>`) field from a message
/// placeholder; a missing capture is an error for a required field.
pub fn hole_string<T: From<String> + Default>(
    holes: &[(usize, &str)],
    index: usize,
    name: &str,
    optional: bool,
) -> Result<T, String> {
    match hole_text(holes, index) {
        Some(text) => Ok(text_into(text)),
        None if optional => Ok(T::default()),
        None => Err(format!("missing field `{name}`")),
    }
}

/// Decodes a placeholder value captured from a message: as a JSON number when it
/// is one and the type takes it, else as a string.
pub fn from_hole<T: DeserializeOwned>(
    holes: &[(usize, &str)],
    index: usize,
    name: &str,
) -> Result<T, String> {
    let Some((_, text)) = holes.iter().find(|(i, _)| *i == index) else {
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
    serde_json::from_str(&quoted).map_err(|e| format!("field `{name}`: {}", unplaced(&e)))
}
/// A field read by the readers generated code uses for its type, as a JSON
/// value (`null` for an absent optional field): what the CLI prints.
fn as_value<T: serde::Serialize>(read: Result<T, String>) -> Result<Value, String> {
    read.and_then(|v| serde_json::to_value(v).map_err(|e| e.to_string()))
}

/// Reads the field `name` of type `ty` from its raw JSON (`None`: absent) with
/// the reader generated code uses for that type, and gives it as a JSON value
/// (`null` for an absent optional field). A type naming a declared object
/// needs the declarations: see [`read_value_in`].
///
/// # Errors
/// As the typed reader: the reason the fallback then gives.
///
/// ```
/// use error_catalog_core::decode::read_value;
/// use error_catalog_core::field_type::FieldType;
/// let u8_ = FieldType::parse("u8").unwrap();
/// assert_eq!(read_value(u8_, Some("7"), "n"), Ok(serde_json::json!(7)));
/// assert!(read_value(u8_, Some("300"), "n").is_err());
/// assert_eq!(read_value(FieldType::parse("string?").unwrap(), None, "s"), Ok(serde_json::Value::Null));
/// let list = FieldType::parse("[i64]").unwrap();
/// assert_eq!(read_value(list, Some("[1, -2]"), "ns"), Ok(serde_json::json!([1, -2])));
/// assert!(read_value(list, Some("[1, \"2\"]"), "ns").is_err());
/// ```
pub fn read_value(ty: FieldType, raw: Option<&str>, name: &str) -> Result<Value, String> {
    read_value_in(ty, raw, name, &[])
}

/// [`read_value`] for a catalog with declared object types (`objects`, in
/// the order of its `[types]`).
///
/// # Errors
/// As the typed reader: the reason the fallback then gives.
///
/// ```
/// use error_catalog_core::decode::{read_value_in, ObjectShape};
/// use error_catalog_core::field_type::FieldType;
/// let shape = ObjectShape {
///     name: "ValidationError",
///     members: vec!["field", "code"],
///     types: vec![FieldType::parse("string?").unwrap(), FieldType::parse("string").unwrap()],
/// };
/// let ty = FieldType::parse_in("[ValidationError]", &["ValidationError"]).unwrap();
/// let raw = r#"[{"code":"missing_field","field":"title","resource":"Issue"}]"#;
/// let v = read_value_in(ty, Some(raw), "errors", &[shape.clone()]).unwrap();
/// assert_eq!(v, serde_json::json!([{"code":"missing_field","field":"title","resource":"Issue"}]));
/// assert!(read_value_in(ty, Some(r#"[{"field":"title"}]"#), "errors", &[shape]).is_err());
/// ```
pub fn read_value_in(
    ty: FieldType,
    raw: Option<&str>,
    name: &str,
    objects: &[ObjectShape<'_>],
) -> Result<Value, String> {
    if matches!(ty.base, BaseType::Object(_)) {
        return super::objects::read_compound(ty, raw, name, objects);
    }
    if ty.list {
        return read_list(ty, raw, name);
    }
    match (ty.base, ty.optional) {
        (BaseType::String, false) => as_value(field_string(raw, name)),
        (BaseType::String, true) => as_value(field_opt_string(raw, name)),
        (BaseType::Bool, false) => as_value(field::<bool>(raw, name)),
        (BaseType::Bool, true) => as_value(field::<Option<bool>>(raw, name)),
        (BaseType::I32, false) => as_value(field_int::<i32>(raw, name)),
        (BaseType::I32, true) => as_value(field_opt_int::<i32>(raw, name)),
        (BaseType::I64, false) => as_value(field_int::<i64>(raw, name)),
        (BaseType::I64, true) => as_value(field_opt_int::<i64>(raw, name)),
        (BaseType::U8, false) => as_value(field_int::<u8>(raw, name)),
        (BaseType::U8, true) => as_value(field_opt_int::<u8>(raw, name)),
        (BaseType::U16, false) => as_value(field_int::<u16>(raw, name)),
        (BaseType::U16, true) => as_value(field_opt_int::<u16>(raw, name)),
        (BaseType::U32, false) => as_value(field_int::<u32>(raw, name)),
        (BaseType::U32, true) => as_value(field_opt_int::<u32>(raw, name)),
        (BaseType::U64, false) => as_value(field_int::<u64>(raw, name)),
        (BaseType::U64, true) => as_value(field_opt_int::<u64>(raw, name)),
        (BaseType::F64, false) => as_value(field::<f64>(raw, name)),
        (BaseType::F64, true) => as_value(field::<Option<f64>>(raw, name)),
        (BaseType::Json, false) => field::<Value>(raw, name),
        (BaseType::Json, true) | (BaseType::Object(_), _) => {
            as_value(field::<Option<Value>>(raw, name))
        }
    }
}

/// A list of a built-in type, read as generated code reads `Vec<T>` (or
/// `Option<Vec<T>>`): through serde.
fn read_list(ty: FieldType, raw: Option<&str>, name: &str) -> Result<Value, String> {
    fn list<T: DeserializeOwned + serde::Serialize>(
        raw: Option<&str>,
        name: &str,
        optional: bool,
    ) -> Result<Value, String> {
        if optional {
            as_value(field::<Option<Vec<T>>>(raw, name))
        } else {
            as_value(field::<Vec<T>>(raw, name))
        }
    }
    let o = ty.optional;
    match ty.base {
        BaseType::String => list::<String>(raw, name, o),
        BaseType::Bool => list::<bool>(raw, name, o),
        BaseType::I32 => list::<i32>(raw, name, o),
        BaseType::I64 => list::<i64>(raw, name, o),
        BaseType::U8 => list::<u8>(raw, name, o),
        BaseType::U16 => list::<u16>(raw, name, o),
        BaseType::U32 => list::<u32>(raw, name, o),
        BaseType::U64 => list::<u64>(raw, name, o),
        BaseType::F64 => list::<f64>(raw, name, o),
        BaseType::Json | BaseType::Object(_) => list::<Value>(raw, name, o),
    }
}

/// Reads the field `name` (field `index` of its error) of type `ty` from the
/// text a message placeholder captured, as generated code does, and gives it
/// as a JSON value (`null` for an absent optional field).
///
/// # Errors
/// As the typed reader: the reason the fallback then gives.
///
/// ```
/// use error_catalog_core::decode::read_hole_value;
/// use error_catalog_core::field_type::FieldType;
/// let holes = [(0, "42"), (1, "agent-7")];
/// let u32_ = FieldType::parse("u32").unwrap();
/// assert_eq!(read_hole_value(u32_, &holes, 0, "n"), Ok(serde_json::json!(42)));
/// let s = FieldType::parse("string").unwrap();
/// assert_eq!(read_hole_value(s, &holes, 1, "id"), Ok(serde_json::json!("agent-7")));
/// assert!(read_hole_value(s, &holes, 2, "missing").is_err());
/// ```
pub fn read_hole_value(
    ty: FieldType,
    holes: &[(usize, &str)],
    index: usize,
    name: &str,
) -> Result<Value, String> {
    if ty.base == BaseType::String {
        let read: Result<Option<String>, String> = hole_string(holes, index, name, ty.optional);
        return as_value(read);
    }
    if ty.base.is_integer() {
        return read_value(ty, hole_text(holes, index), name);
    }
    match (ty.base, ty.optional) {
        (BaseType::Bool, false) => as_value(from_hole::<bool>(holes, index, name)),
        (BaseType::Bool, true) => as_value(from_hole::<Option<bool>>(holes, index, name)),
        (BaseType::F64, false) => as_value(from_hole::<f64>(holes, index, name)),
        (BaseType::F64, true) => as_value(from_hole::<Option<f64>>(holes, index, name)),
        (_, false) => from_hole::<Value>(holes, index, name),
        (_, true) => as_value(from_hole::<Option<Value>>(holes, index, name)),
    }
}
