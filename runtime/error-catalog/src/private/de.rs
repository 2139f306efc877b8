//! Deserializing a generated enum from any serde format, by way of its JSON
//! text (code-identified wires).

use std::fmt;

use error_catalog_core::engine;

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
