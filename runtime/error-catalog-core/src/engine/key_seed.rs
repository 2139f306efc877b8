//! Object keys as a walker generated for one wire reads them: a key the walker
//! names becomes its position (no text kept, nothing to drop), any other key
//! its text, borrowed from the body unless it had escapes. serde_derive reads
//! struct fields the same way.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, Visitor};

/// An object key read by [`KeySeed`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyOf<'b> {
    /// A key the walker names, by the position its lookup gave.
    Named(usize),
    /// Any other key.
    Other(Cow<'b, str>),
}

/// Reads an object key, looking it up with the function it holds (`Some`:
/// the key's position among those the walker names).
///
/// ```
/// use serde::de::DeserializeSeed;
/// use error_catalog_core::engine::{KeyOf, KeySeed};
/// let names = |k: &str| match k { "error" => Some(0), "data" => Some(1), _ => None };
/// let mut de = serde_json::Deserializer::from_str(r#""data""#);
/// assert_eq!(KeySeed(names).deserialize(&mut de).unwrap(), KeyOf::Named(1));
/// // an escaped key is unescaped before the lookup
/// let mut de = serde_json::Deserializer::from_str(r#""err\u006fr""#);
/// assert_eq!(KeySeed(names).deserialize(&mut de).unwrap(), KeyOf::Named(0));
/// let mut de = serde_json::Deserializer::from_str(r#""trace""#);
/// assert_eq!(KeySeed(names).deserialize(&mut de).unwrap(), KeyOf::Other("trace".into()));
/// ```
#[derive(Debug, Clone, Copy)]
pub struct KeySeed<F>(pub F);

impl<'de, F: FnOnce(&str) -> Option<usize>> DeserializeSeed<'de> for KeySeed<F> {
    type Value = KeyOf<'de>;
    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<KeyOf<'de>, D::Error> {
        d.deserialize_str(KeyVisitor(self.0))
    }
}

struct KeyVisitor<F>(F);

impl<'de, F: FnOnce(&str) -> Option<usize>> Visitor<'de> for KeyVisitor<F> {
    type Value = KeyOf<'de>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object key")
    }
    #[inline]
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<KeyOf<'de>, E> {
        Ok(match (self.0)(v) {
            Some(i) => KeyOf::Named(i),
            None => KeyOf::Other(Cow::Borrowed(v)),
        })
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<KeyOf<'de>, E> {
        Ok(match (self.0)(v) {
            Some(i) => KeyOf::Named(i),
            None => KeyOf::Other(Cow::Owned(v.to_string())),
        })
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<KeyOf<'de>, E> {
        Ok(match (self.0)(&v) {
            Some(i) => KeyOf::Named(i),
            None => KeyOf::Other(Cow::Owned(v)),
        })
    }
}
