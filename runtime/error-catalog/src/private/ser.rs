//! Serialization helpers of generated code: envelopes written member by member
//! (`Obj`, `WriteMembers`), the members a value keeps, and the fallback.

use std::fmt;

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::value::RawValue;

use super::elements::{Role, WriteRole};
use crate::{Extra, UnknownError};

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
/// the object writes itself (`.2`): a JSON object never gets a key twice. An
/// optional field's value that could not be read is written back in its
/// place (the field, `None`, writes nothing: `Extra::unread`).
pub struct ExtraMembers<'a>(
    pub Option<&'a Extra>,
    pub &'a str,
    pub &'static [&'static str],
);

impl WriteMembers for ExtraMembers<'_> {
    fn write<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        if let Some(extra) = self.0 {
            for (k, v) in extra.children(self.1) {
                if !self.2.contains(&k.as_str()) || unread_under(extra, self.1, &k) {
                    map.serialize_entry(&k, v)?;
                }
            }
        }
        Ok(())
    }
}

/// A member (`.0`) whose value the body may have carried (an envelope text:
/// suggestion, docs URL, fix command): the one kept at pointer `.1` in `.2`,
/// where it differed from the entry's, else the entry's own (`.3`), else none.
pub struct KeptOr<'a, V>(
    pub &'static str,
    pub &'static str,
    pub Option<&'a Extra>,
    pub Option<V>,
);

impl<V: Serialize> WriteMembers for KeptOr<'_, V> {
    fn write<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        match (self.2.and_then(|x| x.get(self.1)), &self.3) {
            (Some(kept), _) => map.serialize_entry(self.0, kept),
            (None, Some(declared)) => map.serialize_entry(self.0, declared),
            (None, None) => Ok(()),
        }
    }
}

/// True when the member `key` of the object at `parent` holds an optional
/// field's value that could not be read.
fn unread_under(extra: &Extra, parent: &str, key: &str) -> bool {
    let mut pointer = String::with_capacity(parent.len() + key.len() + 1);
    pointer.push_str(parent);
    pointer.push('/');
    pointer.push_str(&key.replace('~', "~0").replace('/', "~1"));
    extra.unread_reason(&pointer).is_some()
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

/// A JSON array written from a tuple of elements.
pub struct Arr<T>(pub T);

/// Something that writes zero or more elements into an array.
pub trait WriteElements {
    /// Writes the elements.
    fn write_elements<Q: SerializeSeq>(&self, seq: &mut Q) -> Result<(), Q::Error>;
}

impl<T: WriteElements> Serialize for Arr<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut q = s.serialize_seq(None)?;
        self.0.write_elements(&mut q)?;
        q.end()
    }
}

/// An element that is always written.
pub struct Element<'a, V: ?Sized>(pub &'a V);

impl<V: Serialize + ?Sized> WriteElements for Element<'_, V> {
    fn write_elements<Q: SerializeSeq>(&self, seq: &mut Q) -> Result<(), Q::Error> {
        seq.serialize_element(self.0)
    }
}

/// An element written only when `Some`.
pub struct OptElement<'a, V>(pub &'a Option<V>);

impl<V: Serialize> WriteElements for OptElement<'_, V> {
    fn write_elements<Q: SerializeSeq>(&self, seq: &mut Q) -> Result<(), Q::Error> {
        match self.0 {
            Some(v) => seq.serialize_element(v),
            None => Ok(()),
        }
    }
}

impl<M: WriteElements> WriteElements for crate::public::When<M> {
    fn write_elements<Q: SerializeSeq>(&self, seq: &mut Q) -> Result<(), Q::Error> {
        if self.0 {
            self.1.write_elements(seq)
        } else {
            Ok(())
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
        impl<$($name: WriteElements),+> WriteElements for ($($name,)+) {
            #[allow(non_snake_case)]
            fn write_elements<SEQ: SerializeSeq>(&self, seq: &mut SEQ) -> Result<(), SEQ::Error> {
                let ($($name,)+) = self;
                $($name.write_elements(seq)?;)+
                Ok(())
            }
        }
        impl<$($name: WriteMembers),+> WriteMembers for ($($name,)+) {
            #[allow(non_snake_case)]
            fn write<MAP: SerializeMap>(&self, map: &mut MAP) -> Result<(), MAP::Error> {
                let ($($name,)+) = self;
                $($name.write(map)?;)+
                Ok(())
            }
        }
        impl<$($name: WriteRole),+> WriteRole for ($($name,)+) {
            #[allow(non_snake_case)]
            fn write_role<SEQ: SerializeSeq>(&self, role: Role, seq: &mut SEQ) -> Result<bool, SEQ::Error> {
                let ($($name,)+) = self;
                $(if $name.write_role(role, seq)? { return Ok(true); })+
                Ok(false)
            }
        }
    };
}

impl WriteRole for () {
    fn write_role<Q: SerializeSeq>(&self, _: Role, _: &mut Q) -> Result<bool, Q::Error> {
        Ok(false)
    }
}

impl WriteElements for () {
    fn write_elements<Q: SerializeSeq>(&self, _: &mut Q) -> Result<(), Q::Error> {
        Ok(())
    }
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

/// Serializes the fallback: its body as received when that is JSON, else the body
/// text as a JSON string.
pub fn serialize_unknown<S: Serializer>(u: &UnknownError, s: S) -> Result<S::Ok, S::Error> {
    match serde_json::from_slice::<&RawValue>(u.body()) {
        Ok(raw) => raw.serialize(s),
        Err(_) => s.collect_str(&u.body_text()),
    }
}
