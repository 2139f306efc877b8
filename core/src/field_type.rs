//! The types a catalog's fields can have, as the catalog writes them
//! (`u64`, `string?`): the code generator and the CLI's decoder read fields
//! by them alike.

use crate::template::HoleKind;

/// A field's type: a base type, possibly optional.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FieldType {
    /// The base type.
    pub base: BaseType,
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

    /// The catalog name.
    pub fn name(self) -> &'static str {
        BaseType::ALL
            .iter()
            .find(|(_, t)| *t == self)
            .map_or("string", |(n, _)| n)
    }

    /// The Rust type's name as written in generated code (`String`, `u64`, `Value`).
    pub fn rust_name(self) -> &'static str {
        match self {
            BaseType::String => "String",
            BaseType::Json => "Value",
            other => other.name(),
        }
    }
}

impl FieldType {
    /// Parses `u64`, `string?`...
    pub fn parse(s: &str) -> Option<FieldType> {
        let (base, optional) = match s.strip_suffix('?') {
            Some(b) => (b, true),
            None => (s, false),
        };
        let base = BaseType::ALL.iter().find(|(n, _)| *n == base)?.1;
        Some(FieldType { base, optional })
    }

    /// `u64?` etc.
    pub fn name(self) -> String {
        format!(
            "{}{}",
            self.base.name(),
            if self.optional { "?" } else { "" }
        )
    }
}
