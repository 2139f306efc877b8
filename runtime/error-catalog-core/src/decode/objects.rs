//! Declared objects (a catalog's `[types]`): reading one from its JSON. A
//! struct generated for a declared object deserializes through
//! [`ObjectSeed`], and the CLI reads one into a JSON value through the same
//! seed (`read_compound`), so the two take and refuse the same values with
//! the same reasons.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use crate::field_type::{BaseType, FieldType};

/// An object's members as raw JSON: the declared ones by their index in the
/// declaration, every other one in `extra`.
#[derive(Debug, Default)]
pub struct RawObject {
    members: Vec<Option<Box<RawValue>>>,
    extra: Vec<(String, Box<RawValue>)>,
}

impl RawObject {
    /// The raw JSON of declared member `index`, when the object had it.
    pub fn raw(&self, index: usize) -> Option<&str> {
        self.members.get(index)?.as_deref().map(RawValue::get)
    }

    /// The members the declaration does not name, as JSON values.
    ///
    /// # Errors
    /// Never for a member read from JSON text; the `Result` keeps a failure a
    /// reason rather than a panic.
    pub fn extra(&self) -> Result<Map<String, Value>, String> {
        self.extra
            .iter()
            .map(|(k, v)| {
                Ok((
                    k.clone(),
                    serde_json::from_str(v.get()).map_err(|e| e.to_string())?,
                ))
            })
            .collect()
    }
}

/// Deserializes one declared object: collects its members ([`RawObject`]),
/// then `finish` reads them (a generated struct its typed fields, the CLI JSON
/// values); a failure of `finish` is the deserializer's error, placed where
/// the object ends.
///
/// ```
/// use error_catalog_core::decode::{field_string, ObjectSeed, RawObject};
/// use serde::de::DeserializeSeed;
/// let mut de = serde_json::Deserializer::from_str(r#"{"code":"missing","x":1}"#);
/// let seed = ObjectSeed {
///     name: "ValidationError",
///     members: &["code"],
///     finish: |o: RawObject| Ok((field_string(o.raw(0), "code")?, o.extra()?.len())),
/// };
/// assert_eq!(seed.deserialize(&mut de).unwrap(), ("missing".to_string(), 1));
/// ```
pub struct ObjectSeed<'m, F> {
    /// The declared type's name (what an error about a non-object says it expected).
    pub name: &'m str,
    /// The declared members' names on the wire, in order.
    pub members: &'m [&'m str],
    /// Reads the collected members.
    pub finish: F,
}

impl<'de, T, F> DeserializeSeed<'de> for ObjectSeed<'_, F>
where
    F: FnOnce(RawObject) -> Result<T, String>,
{
    type Value = T;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<T, D::Error> {
        let raw = d.deserialize_map(Members {
            name: self.name,
            members: self.members,
        })?;
        (self.finish)(raw).map_err(de::Error::custom)
    }
}

struct Members<'m> {
    name: &'m str,
    members: &'m [&'m str],
}

impl<'de> Visitor<'de> for Members<'_> {
    type Value = RawObject;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a `{}` object", self.name)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawObject, A::Error> {
        let mut out = RawObject {
            members: (0..self.members.len()).map(|_| None).collect(),
            extra: Vec::new(),
        };
        while let Some(key) = map.next_key::<String>()? {
            let value: Box<RawValue> = map.next_value()?;
            match self.members.iter().position(|m| *m == key) {
                Some(i) => {
                    let Some(slot) = out.members.get_mut(i) else {
                        continue;
                    };
                    if slot.is_some() {
                        return Err(de::Error::custom(format_args!("duplicate field `{key}`")));
                    }
                    *slot = Some(value);
                }
                None => out.extra.push((key, value)),
            }
        }
        Ok(out)
    }
}

/// A list of values each read by a fresh seed: what `Vec<T>` does, for a seed.
struct ListSeed<F>(F);

impl<'de, S, F> DeserializeSeed<'de> for ListSeed<F>
where
    F: Fn() -> S,
    S: DeserializeSeed<'de, Value = Value>,
{
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, S, F> Visitor<'de> for ListSeed<F>
where
    F: Fn() -> S,
    S: DeserializeSeed<'de, Value = Value>,
{
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a sequence")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut out = Vec::new();
        while let Some(v) = seq.next_element_seed((self.0)())? {
            out.push(v);
        }
        Ok(Value::Array(out))
    }
}

/// `null` or absent as `null`, anything else read by the seed: what
/// `Option<T>` does, for a seed.
struct OptionSeed<S>(S);

impl<'de, S: DeserializeSeed<'de, Value = Value>> DeserializeSeed<'de> for OptionSeed<S> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_option(self)
    }
}

impl<'de, S: DeserializeSeed<'de, Value = Value>> Visitor<'de> for OptionSeed<S> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("option")
    }

    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        self.0.deserialize(d)
    }
}

/// A declared object type as the CLI reads it: its name and its members'
/// names on the wire and types.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ObjectShape<'a> {
    /// The type's name.
    pub name: &'a str,
    /// The members' names on the wire, in order.
    pub members: Vec<&'a str>,
    /// The members' types, in the same order.
    pub types: Vec<FieldType>,
}

/// Reads one declared object into a JSON value: its declared members (absent
/// optional ones left out) and every other member it had.
fn object_value(
    o: &RawObject,
    shape: &ObjectShape<'_>,
    objects: &[ObjectShape<'_>],
) -> Result<Value, String> {
    let mut out = o.extra()?;
    for (i, (name, ty)) in shape.members.iter().zip(&shape.types).enumerate() {
        let v = super::read_value_in(*ty, o.raw(i), name, objects)?;
        if !v.is_null() {
            out.insert((*name).to_string(), v);
        }
    }
    Ok(Value::Object(out))
}

/// Reads field `name` of a declared object type or a list of one (`ty`) from
/// its raw JSON (`None`: absent) as generated code's `Vec<T>` / `Option<T>` of
/// the generated struct does, and gives it as a JSON value.
///
/// # Errors
/// As generated code: the reason the fallback then gives.
pub(super) fn read_compound(
    ty: FieldType,
    raw: Option<&str>,
    name: &str,
    objects: &[ObjectShape<'_>],
) -> Result<Value, String> {
    let BaseType::Object(i) = ty.base else {
        return Err(format!("field `{name}`: not a declared object"));
    };
    let shape = objects
        .get(usize::from(i))
        .ok_or_else(|| format!("field `{name}`: no declaration of its type"))?;
    let seed = || ObjectSeed {
        name: shape.name,
        members: &shape.members,
        finish: |o: RawObject| object_value(&o, shape, objects),
    };
    let text = raw.unwrap_or("null");
    let mut de = serde_json::Deserializer::from_str(text);
    let read = match (ty.list, ty.optional) {
        (false, false) => seed().deserialize(&mut de),
        (false, true) => OptionSeed(seed()).deserialize(&mut de),
        (true, false) => ListSeed(seed).deserialize(&mut de),
        (true, true) => OptionSeed(ListSeed(seed)).deserialize(&mut de),
    };
    let v = read.and_then(|v| de.end().map(|()| v));
    match (v, raw) {
        (Ok(v), _) => Ok(v),
        (Err(_), None) => Err(format!("missing field `{name}`")),
        (Err(e), Some(_)) => Err(format!("field `{name}`: {}", super::unplaced(&e))),
    }
}
