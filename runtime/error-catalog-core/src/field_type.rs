//! The types a catalog's fields can have, as the catalog writes them
//! (`u64`, `string?`, `[string]`, `[ValidationError]?`): the code generator
//! and the CLI's decoder read fields by them alike.

use crate::template::HoleKind;

/// A field's type: a base type, possibly a list of it, possibly optional.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FieldType {
    /// The base type (of the list's elements, for a list).
    pub base: BaseType,
    /// `[...]`: a JSON array of the base type (`Vec` in Rust).
    pub list: bool,
    /// `?`: may be absent.
    pub optional: bool,
}

/// The base types a field can have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BaseType {
    /// `String`.
    #[default]
    String,
    /// `bool`.
    Bool,
    /// `i32`.
    I32,
    /// `i64`.
    I64,
    /// `u8`.
    U8,
    /// `u16`.
    U16,
    /// `u32`.
    U32,
    /// `u64`.
    U64,
    /// `f64`.
    F64,
    /// `serde_json::Value`.
    Json,
    /// An object the catalog declares under `[types]`: the index of its
    /// declaration there.
    Object(u16),
}

impl BaseType {
    /// True for the integer types (`u8` … `u64`, `i32`, `i64`): a placeholder of
    /// one matches a run of digits, and its text is its JSON.
    ///
    /// ```
    /// use error_catalog_core::field_type::BaseType;
    /// assert!(BaseType::U32.is_integer() && !BaseType::F64.is_integer());
    /// ```
    pub fn is_integer(self) -> bool {
        matches!(
            self,
            BaseType::U8
                | BaseType::U16
                | BaseType::U32
                | BaseType::U64
                | BaseType::I32
                | BaseType::I64
        )
    }

    /// What a placeholder filling a field of this type matches in a message: an
    /// integer a run of digits, `f64` a number, anything else text.
    ///
    /// ```
    /// use error_catalog_core::field_type::BaseType;
    /// use error_catalog_core::template::HoleKind;
    /// assert_eq!(BaseType::U16.hole_kind(), HoleKind::Integer);
    /// assert_eq!(BaseType::Bool.hole_kind(), HoleKind::Text);
    /// ```
    pub fn hole_kind(self) -> HoleKind {
        match self {
            BaseType::F64 => HoleKind::Number,
            b if b.is_integer() => HoleKind::Integer,
            _ => HoleKind::Text,
        }
    }

    /// Every type with its catalog name.
    pub const ALL: &'static [(&'static str, BaseType)] = &[
        ("string", BaseType::String),
        ("bool", BaseType::Bool),
        ("i32", BaseType::I32),
        ("i64", BaseType::I64),
        ("u8", BaseType::U8),
        ("u16", BaseType::U16),
        ("u32", BaseType::U32),
        ("u64", BaseType::U64),
        ("f64", BaseType::F64),
        ("json", BaseType::Json),
    ];

    /// The catalog name (of a declared object, its name in `objects`, the
    /// names of the catalog's `[types]` in order).
    ///
    /// ```
    /// use error_catalog_core::field_type::BaseType;
    /// assert_eq!(BaseType::U8.name(&[]), "u8");
    /// assert_eq!(BaseType::Object(0).name(&["ValidationError"]), "ValidationError");
    /// ```
    pub fn name<'n>(self, objects: &[&'n str]) -> &'n str {
        match self {
            BaseType::Object(i) => objects.get(usize::from(i)).copied().unwrap_or("object"),
            _ => BaseType::ALL
                .iter()
                .find(|(_, t)| *t == self)
                .map_or("string", |(n, _)| n),
        }
    }

    /// The Rust type's name as written in generated code (`String`, `u64`,
    /// `Value`, a declared object's name).
    ///
    /// ```
    /// use error_catalog_core::field_type::BaseType;
    /// assert_eq!(BaseType::String.rust_name(&[]), "String");
    /// assert_eq!(BaseType::Json.rust_name(&[]), "Value");
    /// ```
    pub fn rust_name<'n>(self, objects: &[&'n str]) -> &'n str {
        match self {
            BaseType::String => "String",
            BaseType::Json => "Value",
            other => other.name(objects),
        }
    }
}

impl FieldType {
    /// Parses a built-in type: `u64`, `string?`, `[string]`, `[i64]?`...
    ///
    /// ```
    /// use error_catalog_core::field_type::{BaseType, FieldType};
    /// let t = FieldType::parse("[u32]?").unwrap();
    /// assert_eq!((t.base, t.list, t.optional), (BaseType::U32, true, true));
    /// assert!(FieldType::parse("[[u32]]").is_none());
    /// ```
    pub fn parse(s: &str) -> Option<FieldType> {
        FieldType::parse_in(s, &[])
    }

    /// Parses a type that may also name one of `objects` (the catalog's
    /// declared object types, in order): `[ValidationError]`, `Limits?`.
    ///
    /// ```
    /// use error_catalog_core::field_type::{BaseType, FieldType};
    /// let t = FieldType::parse_in("[ValidationError]", &["Limits", "ValidationError"]).unwrap();
    /// assert_eq!((t.base, t.list), (BaseType::Object(1), true));
    /// ```
    pub fn parse_in(s: &str, objects: &[&str]) -> Option<FieldType> {
        let (s, optional) = match s.strip_suffix('?') {
            Some(b) => (b, true),
            None => (s, false),
        };
        let (base, list) = match s.strip_prefix('[').and_then(|b| b.strip_suffix(']')) {
            Some(inner) => (inner, true),
            None => (s, false),
        };
        let base = match BaseType::ALL.iter().find(|(n, _)| *n == base) {
            Some((_, b)) => *b,
            None => {
                let i = objects.iter().position(|n| *n == base)?;
                BaseType::Object(u16::try_from(i).ok()?)
            }
        };
        Some(FieldType {
            base,
            list,
            optional,
        })
    }

    /// The type as a catalog writes it: `u64?`, `[string]`, `[ValidationError]?`.
    ///
    /// ```
    /// use error_catalog_core::field_type::FieldType;
    /// let t = FieldType::parse("[string]?").unwrap();
    /// assert_eq!(t.name(&[]), "[string]?");
    /// ```
    pub fn name(self, objects: &[&str]) -> String {
        let base = self.base.name(objects);
        let q = if self.optional { "?" } else { "" };
        if self.list {
            format!("[{base}]{q}")
        } else {
            format!("{base}{q}")
        }
    }

    /// True for a list or a declared object: a value no message placeholder
    /// or fix command can show, and no message can capture.
    ///
    /// ```
    /// use error_catalog_core::field_type::FieldType;
    /// assert!(FieldType::parse("[u8]").unwrap().is_compound());
    /// assert!(!FieldType::parse("json").unwrap().is_compound());
    /// ```
    pub fn is_compound(self) -> bool {
        self.list || matches!(self.base, crate::field_type::BaseType::Object(_))
    }
}
