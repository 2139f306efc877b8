//! How a pointer's segment picks elements of an array: an RFC 6901 index
//! (`0`), the first element that holds the rest of the pointer (`*`), or the
//! first element whose member has a given value (`[@type=type.googleapis.com/google.rpc.ErrorInfo]`).
//! In an object every segment, these included, names a member by its key.

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_json::value::RawValue;
use std::fmt;

/// What a segment selects in an array.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Select<'s> {
    /// The element at this index (`0`, `12`: no sign, no leading zero).
    Index(usize),
    /// The first element that holds the rest of the pointer (`*`).
    First,
    /// The first element that is an object whose member `member` is `value`
    /// (a string's text, or any other value's JSON as written), and holds the
    /// rest of the pointer: `[member=value]`.
    Where {
        /// The member's key.
        member: &'s str,
        /// The text it must have.
        value: &'s str,
    },
}

impl<'s> Select<'s> {
    /// What `segment` selects in an array; `None` when it selects no element
    /// (it still names an object's member).
    ///
    /// ```
    /// use error_catalog_core::engine::Select;
    /// assert_eq!(Select::of("0"), Some(Select::Index(0)));
    /// assert_eq!(Select::of("*"), Some(Select::First));
    /// assert_eq!(
    ///     Select::of("[@type=type.googleapis.com/google.rpc.ErrorInfo]"),
    ///     Some(Select::Where { member: "@type", value: "type.googleapis.com/google.rpc.ErrorInfo" })
    /// );
    /// assert_eq!(Select::of("01"), None);
    /// assert_eq!(Select::of("code"), None);
    /// ```
    pub fn of(segment: &'s str) -> Option<Select<'s>> {
        match segment.as_bytes() {
            [b'*'] => Some(Select::First),
            [b'0'] => Some(Select::Index(0)),
            [b'1'..=b'9', rest @ ..] if rest.iter().all(u8::is_ascii_digit) => {
                segment.parse().ok().map(Select::Index)
            }
            [b'[', .., b']'] => {
                let inner = &segment[1..segment.len() - 1];
                let (member, value) = inner.split_once('=')?;
                (!member.is_empty()).then_some(Select::Where { member, value })
            }
            _ => None,
        }
    }

    /// Checks a segment that looks like a selector (starts with `[`) is one:
    /// `Err` says what is wrong. Any other segment is a key and passes.
    ///
    /// ```
    /// use error_catalog_core::engine::Select;
    /// assert!(Select::check("[@type=x]").is_ok());
    /// assert!(Select::check("code").is_ok());
    /// assert!(Select::check("[@type]").is_err());
    /// assert!(Select::check("[=x]").is_err());
    /// ```
    pub fn check(segment: &str) -> Result<(), String> {
        if !segment.starts_with('[') || Select::of(segment).is_some() {
            return Ok(());
        }
        Err(format!(
            "segment `{segment}` starts with `[` but is no selector: write `[member=value]` (the first array element whose `member` is `value`)"
        ))
    }

    /// True when this selector takes `element`, the element at `index`.
    /// (`First` and `Where` take the first such element that holds the rest
    /// of the pointer: the walker stops offering elements once one did.)
    pub fn takes(&self, index: usize, element: &RawValue) -> bool {
        match *self {
            Select::Index(i) => i == index,
            Select::First => true,
            Select::Where { member, value } => member_is(element.get(), member, value),
        }
    }
}

/// A pointer segment as a catalog's pointer spells it: `~` and `/` escaped
/// (`~0`, `~1`), but a `[member=value]` selector whole, as its brackets hold
/// it. The model's `Pointer` and the decoder's names of unread values both
/// spell segments with it.
///
/// ```
/// use error_catalog_core::engine::escape_segment;
/// assert_eq!(escape_segment("a/b~c"), "a~1b~0c");
/// assert_eq!(escape_segment("[@type=x/y]"), "[@type=x/y]");
/// assert_eq!(escape_segment("code"), "code");
/// ```
pub fn escape_segment(segment: &str) -> std::borrow::Cow<'_, str> {
    if segment.starts_with('[') && Select::of(segment).is_some() || !segment.contains(['~', '/']) {
        return std::borrow::Cow::Borrowed(segment);
    }
    std::borrow::Cow::Owned(segment.replace('~', "~0").replace('/', "~1"))
}

/// True when `json` is an object whose member `member` is `value` (a string
/// compared by its text, anything else by its JSON as written).
fn member_is(json: &str, member: &str, value: &str) -> bool {
    if !json.starts_with('{') {
        return false;
    }
    let mut de = serde_json::Deserializer::from_str(json);
    MemberIs { member, value }
        .deserialize(&mut de)
        .unwrap_or(false)
}

struct MemberIs<'a> {
    member: &'a str,
    value: &'a str,
}

impl<'de> DeserializeSeed<'de> for MemberIs<'_> {
    type Value = bool;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for MemberIs<'_> {
    type Value = bool;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }
    fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<bool, M::Error> {
        // (the parser wants the whole object read, even once the member is found)
        let mut found = None;
        while let Some(key) = map.next_key_seed(super::StrSeed)? {
            if found.is_none() && key == self.member {
                let raw: &RawValue = map.next_value()?;
                found = Some(match super::str_of(raw) {
                    Some(text) => text == self.value,
                    None => raw.get() == self.value,
                });
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(found.unwrap_or(false))
    }
}

/// A map of one value, read from its JSON text: how an array element that is
/// a slot is handed to [`super::Sink::slot`].
pub(super) struct OneValue<'de>(pub(super) Option<&'de str>);

impl<'de> MapAccess<'de> for OneValue<'de> {
    type Error = serde_json::Error;
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        _: K,
    ) -> Result<Option<K::Value>, Self::Error> {
        Ok(None)
    }
    fn next_value_seed<V: DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, Self::Error> {
        let text = self
            .0
            .take()
            .ok_or_else(|| <Self::Error as de::Error>::custom("a slot's value read twice"))?;
        let mut de = serde_json::Deserializer::from_str(text);
        let v = seed.deserialize(&mut de)?;
        de.end()?;
        Ok(v)
    }
}

/// An array index as text, in `buf`: the key an element is kept under
/// (`/errors/1`), in [`walk`](super::walk) and generated walkers alike.
///
/// ```
/// use error_catalog_core::engine::index_text;
/// let mut buf = [0u8; 20];
/// assert_eq!(index_text(0, &mut buf), "0");
/// assert_eq!(index_text(120, &mut buf), "120");
/// ```
pub fn index_text(mut i: usize, buf: &mut [u8; 20]) -> &str {
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (i % 10) as u8;
        i /= 10;
        if i == 0 {
            break;
        }
    }
    std::str::from_utf8(&buf[at..]).unwrap_or("0")
}

/// The bodies of the several errors one body carries: for each element the
/// last segment of `at` (`*`, `[member=value]` or an index) selects in the
/// array the rest of `at` leads to, the body with that element alone in the
/// array. `None` when `at` selects nothing or the body has no such array.
///
/// ```
/// use error_catalog_core::engine::each_element;
/// let body = br#"{"errors":[{"code":1},{"code":2}],"result":null}"#;
/// let each = each_element(body, &["errors", "*"]).unwrap();
/// assert_eq!(each.len(), 2);
/// assert_eq!(each[1], br#"{"errors":[{"code":2}],"result":null}"#);
/// assert!(each_element(body, &["errors"]).is_none());
/// ```
pub fn each_element(body: &[u8], at: &[&str]) -> Option<Vec<Vec<u8>>> {
    let (last, path) = at.split_last()?;
    let select = Select::of(last)?;
    let text = std::str::from_utf8(body).ok()?;
    let mut value: &RawValue = serde_json::from_str(text).ok()?;
    for seg in path {
        value = child(value, seg)?;
    }
    let array = value.get();
    if !array.starts_with('[') {
        return None;
    }
    let elements: Vec<&RawValue> = serde_json::from_str(array).ok()?;
    // (the body's own bytes around the array and inside the element, as
    // received: nothing reordered or reformatted)
    let start = (array.as_ptr() as usize).checked_sub(text.as_ptr() as usize)?;
    let (before, after) = (text.get(..start)?, text.get(start + array.len()..)?);
    let mut out = Vec::new();
    for (i, element) in elements.iter().enumerate() {
        if !select.takes(i, element) {
            continue;
        }
        let element = element.get();
        let mut one = String::with_capacity(before.len() + element.len() + 2 + after.len());
        one.push_str(before);
        one.push('[');
        one.push_str(element);
        one.push(']');
        one.push_str(after);
        out.push(one.into_bytes());
    }
    Some(out)
}

/// The member `seg` of an object (the last of that key), or the element an
/// index `seg` names of an array.
fn child<'a>(value: &'a RawValue, seg: &str) -> Option<&'a RawValue> {
    let text = value.get();
    if text.starts_with('[') {
        let Select::Index(index) = Select::of(seg)? else {
            return None;
        };
        let elements: Vec<&RawValue> = serde_json::from_str(text).ok()?;
        return elements.get(index).copied();
    }
    let mut de = serde_json::Deserializer::from_str(text);
    MemberNamed(seg).deserialize(&mut de).ok()?
}

/// The raw value of an object's member by key (the last, where a key repeats,
/// as `serde_json::Value` keeps it).
struct MemberNamed<'s>(&'s str);

impl<'de> DeserializeSeed<'de> for MemberNamed<'_> {
    type Value = Option<&'de RawValue>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for MemberNamed<'_> {
    type Value = Option<&'de RawValue>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }
    fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Self::Value, M::Error> {
        let mut found = None;
        while let Some(key) = map.next_key_seed(super::StrSeed)? {
            if key == self.0 {
                found = Some(map.next_value::<&'de RawValue>()?);
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(found)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(s: &str) -> Box<RawValue> {
        RawValue::from_string(s.to_string()).expect("test JSON")
    }

    #[test]
    fn each_element_keeps_the_body_as_received() {
        // member order, number forms and spacing are the body's own
        let body = br#"{ "z": 1.50, "errors" : [ {"code":1,"b":2,"a":1}, {"code":2, "n":1e3} ], "a":null }"#;
        let each = each_element(body, &["errors", "*"]).expect("an array");
        assert_eq!(
            each,
            [
                br#"{ "z": 1.50, "errors" : [{"code":1,"b":2,"a":1}], "a":null }"#.to_vec(),
                br#"{ "z": 1.50, "errors" : [{"code":2, "n":1e3}], "a":null }"#.to_vec(),
            ]
        );
        // through an index and an escaped key; a filter takes its kind only
        let body = br#"{"d":[0,{"x/y":[{"k":"a"},{"k":"b"},{"k":"a","v":1}]}]}"#;
        let each = each_element(body, &["d", "1", "x/y", "[k=a]"]).expect("an array");
        assert_eq!(
            each,
            [
                br#"{"d":[0,{"x/y":[{"k":"a"}]}]}"#.to_vec(),
                br#"{"d":[0,{"x/y":[{"k":"a","v":1}]}]}"#.to_vec(),
            ]
        );
        // nothing there, not an array, not JSON
        assert!(each_element(body, &["nope", "*"]).is_none());
        assert!(each_element(br#"{"errors":{"a":1}}"#, &["errors", "*"]).is_none());
        assert!(each_element(b"<html>", &["errors", "*"]).is_none());
        // a repeated key: the last one, as a JSON object keeps it
        let each = each_element(br#"{"e":[1],"e":[2,3]}"#, &["e", "*"]).expect("an array");
        assert_eq!(
            each,
            [
                br#"{"e":[1],"e":[2]}"#.to_vec(),
                br#"{"e":[1],"e":[3]}"#.to_vec()
            ]
        );
    }

    #[test]
    fn index_tokens_follow_rfc_6901() {
        assert_eq!(Select::of("12"), Some(Select::Index(12)));
        for not in ["-1", "+1", "007", "1a", "", "99999999999999999999999999"] {
            assert_eq!(Select::of(not), None, "{not}");
        }
    }

    #[test]
    fn filters_compare_strings_by_text_and_others_as_written() {
        let e = raw(r#"{"a":1,"@type":"x\/y","n":7003}"#);
        assert!(Select::of("[@type=x/y]").is_some_and(|s| s.takes(3, &e)));
        assert!(Select::of("[n=7003]").is_some_and(|s| s.takes(0, &e)));
        assert!(!Select::of("[n=7004]").is_some_and(|s| s.takes(0, &e)));
        assert!(!Select::of("[missing=1]").is_some_and(|s| s.takes(0, &e)));
        assert!(!Select::of("[a=1]").is_some_and(|s| s.takes(0, &raw("[1]"))));
        assert!(!member_is("{\"a\":", "a", "1"));
    }

    #[test]
    fn index_text_spells_every_width() {
        let mut buf = [0; 20];
        for i in [0, 7, 10, 123, usize::MAX] {
            assert_eq!(index_text(i, &mut buf), i.to_string());
        }
    }
}
