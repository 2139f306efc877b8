//! Items generated code reaches through `error_catalog::__private`. Not public API.

use std::fmt;

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::value::RawValue;

pub use error_catalog_core::decode::{
    canonical_int, capture_text, captured, captured_string, display_eq, exact_int, field,
    field_int, field_opt_int, field_opt_string, field_string, read_into, read_text, text_into,
    typed_or, Classifier, Decoded, FastSink, FieldAt, Plan, Text,
};
pub use error_catalog_core::engine::{
    self, Captured, CodeIndex, CodeKey, Entry, Identity, Layout, Table,
};
pub use error_catalog_core::hole_texts::HoleTexts;
pub use error_catalog_core::raw_members::TooLong;
pub use error_catalog_core::template::{match_into, take_run, HoleKind, PatternSeg};
pub use serde;
pub use serde_json;
pub use std::option::Option::{self, None, Some};
pub use std::result::Result::{self, Err, Ok};

use crate::{Extra, UnknownError};

pub use crate::kept::Kept;

/// [`error_catalog_core::decode::decode`], with the fallback as an [`UnknownError`].
#[inline(always)]
pub fn decode<'b, E: Decoded, S: FastSink<'b>>(
    status: Option<u16>,
    body: &'b [u8],
    plan: &Plan<'_>,
    direct: impl Fn(u16, &str) -> Option<E>,
    build: impl FnOnce(usize, &mut S, &[(usize, &str)]) -> Result<E, String>,
    unknown: impl FnOnce(UnknownError) -> E,
) -> E {
    error_catalog_core::decode::decode(status, body, plan, direct, build, |f| {
        unknown(UnknownError::from_fallback(f))
    })
}
pub use crate::public::{MessageStr, Render, When};

/// A JSON object written from a tuple of members.
pub struct Obj<T>(pub T);

/// Something that writes zero or more members into a map.
pub trait WriteMembers {
    /// Writes the members.
    fn write<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error>;
}

impl<T: WriteMembers> Serialize for Obj<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        self.0.write(&mut m)?;
        m.end()
    }
}

/// A member that is always written.
pub struct Member<'a, V: ?Sized>(pub &'static str, pub &'a V);

impl<V: Serialize + ?Sized> WriteMembers for Member<'_, V> {
    fn write<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        map.serialize_entry(self.0, self.1)
    }
}

/// A member written only when `Some`.
pub struct OptMember<'a, V>(pub &'static str, pub &'a Option<V>);

impl<V: Serialize> WriteMembers for OptMember<'_, V> {
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

impl WriteMembers for ExtraMembers<'_> {
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

impl WriteMembers for ExtraObject<'_> {
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

impl<T: WriteMembers> WriteMembers for ObjOrKept<'_, T> {
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
        impl<$($name: WriteMembers),+> WriteMembers for ($($name,)+) {
            #[allow(non_snake_case)]
            fn write<MAP: SerializeMap>(&self, map: &mut MAP) -> Result<(), MAP::Error> {
                let ($($name,)+) = self;
                $($name.write(map)?;)+
                Ok(())
            }
        }
    };
}

impl WriteMembers for () {
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
