//! Items generated code reaches through `error_catalog::__private`. Not public API.

pub use error_catalog_core::code_cut::CodeCut;
pub use error_catalog_core::command::render as render_command;
pub use error_catalog_core::decode::{
    canonical_int, decode, display_eq, exact_int, field, field_int, field_opt_int,
    field_opt_string, field_string, from_hole, hole_string, hole_text, read_field, read_into,
    read_optional, read_text, text_into, typed_or, typed_or_field, typed_or_optional, Classifier,
    Decode, EnvelopeText, Envelopes, Fallback, FieldAt, ObjectSeed, Plan, RawObject, Text,
};
pub use error_catalog_core::engine::{
    self, Captured, CodeIndex, CodeKey, Condition, Entry, Identity, Layout, LazyCapture, Table,
};
pub use error_catalog_core::headers::HeaderLookup;
pub use error_catalog_core::hole_texts::HoleTexts;
pub use error_catalog_core::raw_members::{RawMembers, TooLong};
pub use error_catalog_core::success::SuccessRule;
pub use error_catalog_core::template::{
    match_into, render_segs, take_run, HoleKind, Maybe, PatternSeg, Seg,
};
pub use serde;
pub use serde_json;
pub use std::option::Option::{self, None, Some};
pub use std::result::Result::{self, Err, Ok};

pub use crate::public::{FixCommandStr, MessageStr, Render, When};

#[path = "private/de.rs"]
mod de;
#[path = "private/elements.rs"]
mod elements;
#[path = "private/ser.rs"]
mod ser;
pub use de::deserialize_via_json;
pub use elements::{At, Placed, Role, WriteRole};
pub use ser::*;

#[cfg(feature = "axum")]
pub use ::axum;
#[cfg(feature = "http")]
pub use ::http;
#[cfg(feature = "miette")]
pub use ::miette;
#[cfg(feature = "reqwest")]
pub use ::reqwest;
#[cfg(feature = "utoipa")]
pub use ::utoipa;
