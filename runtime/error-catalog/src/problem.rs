//! RFC 9457 `application/problem+json` for every generated error.

use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::ApiError;

/// Members problem details define; an error's fields with these names are written
/// under an extension member `fields` instead.
pub const RESERVED: &[&str] = &[
    "type", "title", "status", "detail", "code", "instance", "fields",
];

/// The media type of problem details.
pub const CONTENT_TYPE: &str = "application/problem+json";

/// Serializes any [`ApiError`] as problem details: `type` (the docs URL, or
/// `about:blank`), `title`, `status`, `detail` (the message), `code`, and the
/// error's fields as extension members (those named like a member problem details
/// define go under `fields`). Read it back with
/// [`FromResponse::from_problem_json`](crate::FromResponse::from_problem_json).
///
/// ```
/// use error_catalog::{ApiError, UnknownError, problem::Problem};
/// #[derive(Debug, ApiError)]
/// #[api_error(wire = "flat")]
/// enum E {
///     #[api_error(code = "NOT_FOUND", status = 404, message = "Agent {agentId} not found")]
///     NotFound { #[api_error(rename = "agentId")] agent_id: String },
///     #[api_error(unknown)]
///     Unknown(UnknownError),
/// }
/// let e = E::NotFound { agent_id: "42".into() };
/// let json = serde_json::to_value(Problem(&e)).unwrap();
/// assert_eq!(json["detail"], "Agent 42 not found");
/// assert_eq!(json["agentId"], "42");
/// assert_eq!(json["type"], "about:blank");
/// ```
pub struct Problem<'a, E: ?Sized>(pub &'a E);

impl<E: ApiError + ?Sized> Serialize for Problem<'_, E> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let e = self.0;
        let info = e.info();
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("type", e.docs_url().unwrap_or("about:blank"))?;
        let title = info.and_then(|i| i.title).unwrap_or_else(|| e.code());
        if !title.is_empty() {
            m.serialize_entry("title", title)?;
        }
        if let Some(status) = e.status() {
            m.serialize_entry("status", &status)?;
        }
        m.serialize_entry("detail", &crate::__private::DisplayStr(e))?;
        if !e.code().is_empty() {
            m.serialize_entry("code", e.code())?;
        }
        let mut clashing = serde_json::Map::new();
        for (k, v) in e.details() {
            if RESERVED.contains(&k.as_str()) {
                clashing.insert(k, v);
            } else {
                m.serialize_entry(&k, &v)?;
            }
        }
        if !clashing.is_empty() {
            m.serialize_entry("fields", &clashing)?;
        }
        m.end()
    }
}
