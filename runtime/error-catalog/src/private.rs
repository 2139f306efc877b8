//! Items generated code reaches through `error_catalog::__private`. Not public API.

pub use error_catalog_core::command::render as render_command;
pub use error_catalog_core::decode::{
    canonical_int, capture_text, captured, captured_string, display_eq, exact_int, field,
    field_int, field_opt_int, field_opt_string, field_string, read_into, read_text, text_into,
    typed_or, Classifier, Decoded, FastSink, FieldAt, ObjectSeed, Plan, RawObject, Text,
};
pub use error_catalog_core::engine::{
    self, Captured, CodeIndex, CodeKey, Condition, Entry, Identity, Layout, Table,
};
pub use error_catalog_core::headers::HeaderLookup;
pub use error_catalog_core::hole_texts::HoleTexts;
pub use error_catalog_core::raw_members::TooLong;
pub use error_catalog_core::success::SuccessRule;
pub use error_catalog_core::template::{match_into, take_run, HoleKind, PatternSeg};
pub use serde;
pub use serde_json;
pub use std::option::Option::{self, None, Some};
pub use std::result::Result::{self, Err, Ok};

use crate::UnknownError;

pub use crate::kept::Kept;

/// [`error_catalog_core::decode::decode`], with the fallback as an [`UnknownError`].
#[inline(always)]
pub fn decode<'b, E: Decoded, S: FastSink<'b>>(
    status: Option<u16>,
    body: &'b [u8],
    plan: &Plan<'_>,
    headers: &dyn HeaderLookup,
    direct: impl Fn(u16, &str) -> Option<E>,
    build: impl FnOnce(usize, &mut S, &[(usize, &str)]) -> Result<E, String>,
    unknown: impl FnOnce(UnknownError) -> E,
) -> E {
    error_catalog_core::decode::decode(status, body, plan, headers, direct, build, |f| {
        unknown(UnknownError::from_fallback(f))
    })
}
pub use crate::public::{FixCommandStr, MessageStr, Render, When};

#[path = "private/de.rs"]
mod de;
#[path = "private/ser.rs"]
mod ser;
pub use de::deserialize_via_json;
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
