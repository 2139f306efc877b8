//! What a known error's body carried beyond its declared fields.

use std::fmt;

use error_catalog_core::raw_members::{RawMembers, MAX_PART};
use serde_json::value::RawValue;

/// The parts of a received body that the error's variant does not declare, kept so
/// that nothing is lost: members at any JSON pointer, and the message when it
/// differs from the one the catalog's template renders. A variant receives it
/// in a field marked `#[api_error(extra)]` (every `catalog!` variant has one,
/// named `extra`); `Serialize` writes the members back where they were.
///
/// ```
/// use error_catalog::FromResponse;
/// use error_catalog_services::kya::KyaError;
///
/// // `region` and `requestId` are not in the catalog; the message is not the
/// // template's ("Agent ID {agentId} not found in IdentityRegistry").
/// let body = br#"{"error": "No agent 42 here", "errorType": "AGENT_NOT_FOUND",
///     "details": {"agentId": "42", "region": "eu"}, "requestId": "r-7"}"#;
/// let KyaError::AgentNotFound { agent_id, extra, .. } = KyaError::from_response(404, body) else {
///     panic!()
/// };
/// assert_eq!(agent_id, "42");
/// assert_eq!(extra.get("/requestId").map(|v| v.get()), Some(r#""r-7""#));
/// assert_eq!(extra.get("/details/region").map(|v| v.get()), Some(r#""eu""#));
/// assert_eq!(extra.members().count(), 2);
/// assert_eq!(extra.message(), Some("No agent 42 here"));
///
/// // a body with nothing more than the catalog says keeps nothing
/// let body = br#"{"error": "Agent ID 42 not found in IdentityRegistry", "errorType": "AGENT_NOT_FOUND",
///     "details": {"agentId": "42"}}"#;
/// let KyaError::AgentNotFound { extra, .. } = KyaError::from_response(404, body) else { panic!() };
/// assert!(extra.is_empty());
/// ```
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct Extra {
    // Usually nothing is kept: one pointer keeps the errors that hold an `Extra`
    // small. Never `Some` of an empty `Parts` (equality relies on it).
    parts: Option<Box<Parts>>,
}

#[derive(Clone, Default, PartialEq, Eq, Hash)]
struct Parts {
    message: Option<Box<str>>,
    // one text buffer for every pointer and value: a body of many tiny members
    // costs a small multiple of its size
    members: RawMembers,
    body: Option<Box<[u8]>>,
    // (pointer, reason) of each optional field's value that could not be read
    unread: Vec<(Box<str>, Box<str>)>,
}

impl fmt::Debug for Extra {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let empty = RawMembers::default();
        f.debug_struct("Extra")
            .field("message", &self.message())
            .field(
                "members",
                &DebugMembers(self.parts.as_ref().map_or(&empty, |k| &k.members)),
            )
            .field("body", &self.body().map(String::from_utf8_lossy))
            .field("unread", &self.unread().collect::<Vec<_>>())
            .finish()
    }
}

struct DebugMembers<'a>(&'a RawMembers);

impl fmt::Debug for DebugMembers<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.0.iter()).finish()
    }
}

/// The raw JSON kept for a member as a `&RawValue` (the text was valid JSON when
/// it was kept, so this does not fail; an impossible failure skips the member).
fn raw(text: &str) -> Option<&RawValue> {
    serde_json::from_str(text).ok()
}

impl Extra {
    /// True when the body carried nothing beyond the declared fields.
    ///
    /// ```
    /// assert!(error_catalog::Extra::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.parts.is_none()
    }

    fn parts_mut(&mut self) -> &mut Parts {
        self.parts.get_or_insert_with(Box::default)
    }

    fn members_iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.parts.iter().flat_map(|k| k.members.iter())
    }

    /// Keeps `members` (pointer, raw JSON) as the undeclared members.
    pub(crate) fn set_members(&mut self, members: RawMembers) {
        if !members.is_empty() {
            self.parts_mut().members = members;
        }
    }

    /// The whole body, kept when it was not JSON (the status alone identified the
    /// error, e.g. a proxy's HTML page under a status-identified service).
    ///
    /// ```
    /// let mut extra = error_catalog::Extra::default();
    /// assert_eq!(extra.body(), None);
    /// extra.set_body(b"<html>Forbidden</html>");
    /// assert_eq!(extra.body(), Some(&b"<html>Forbidden</html>"[..]));
    /// ```
    pub fn body(&self) -> Option<&[u8]> {
        self.parts.as_ref()?.body.as_deref()
    }

    /// Keeps the whole body (see [`Extra::body`]).
    pub fn set_body(&mut self, body: &[u8]) {
        self.parts_mut().body = Some(body.into());
    }

    /// The optional fields whose value could not be read as their type, as
    /// (JSON pointer, reason), in the order read. Such a field is `None`, the
    /// error keeps its identity, and the value itself is kept with the
    /// members under the same pointer ([`Extra::get`]), so serializing the
    /// error writes it back. A required field's value of the wrong type sends
    /// the response to the fallback instead.
    ///
    /// ```
    /// use error_catalog::{ApiError, Extra, FromResponse, UnknownError};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api_error(wire = "nested")]
    /// enum PayError {
    ///     #[api_error(code = "card_declined", status = 402, message = "Your card was declined")]
    ///     CardDeclined {
    ///         decline_code: Option<String>,
    ///         #[api_error(extra)]
    ///         extra: Extra,
    ///     },
    ///     #[api_error(unknown)]
    ///     Unknown(UnknownError),
    /// }
    ///
    /// // `decline_code` is an optional string: 42 cannot be one
    /// let body = br#"{"error": {"code": "card_declined", "message": "Your card was declined", "decline_code": 42}}"#;
    /// let PayError::CardDeclined { decline_code, extra } = PayError::from_response(402, body) else {
    ///     panic!()
    /// };
    /// assert_eq!(decline_code, None);
    /// let unread: Vec<(&str, &str)> = extra.unread().collect();
    /// assert_eq!(unread, [("/error/decline_code",
    ///     "field `decline_code`: invalid type: integer `42`, expected a string")]);
    /// assert_eq!(extra.get("/error/decline_code").map(|v| v.get()), Some("42"));
    /// ```
    pub fn unread(&self) -> impl Iterator<Item = (&str, &str)> {
        self.parts
            .iter()
            .flat_map(|k| k.unread.iter().map(|(p, r)| (&**p, &**r)))
    }

    /// The reason the value at `pointer` could not be read as its optional
    /// field's type, when it could not (see [`Extra::unread`]).
    ///
    /// ```
    /// let extra = error_catalog::Extra::default();
    /// assert_eq!(extra.unread_reason("/error/decline_code"), None);
    /// ```
    pub fn unread_reason(&self, pointer: &str) -> Option<&str> {
        self.unread().find(|(p, _)| *p == pointer).map(|(_, r)| r)
    }

    /// The received message, when it differs from the rendered template
    /// (`Display` then shows it; the error's [`Public`](crate::Public) form shows
    /// the template).
    ///
    /// ```
    /// let mut extra = error_catalog::Extra::default();
    /// extra.set_message("Agent 42 is gone for good");
    /// assert_eq!(extra.message(), Some("Agent 42 is gone for good"));
    /// ```
    pub fn message(&self) -> Option<&str> {
        self.parts.as_ref()?.message.as_deref()
    }

    /// Sets the received message (see [`Extra::message`]).
    pub fn set_message(&mut self, message: impl Into<Box<str>>) {
        self.parts_mut().message = Some(message.into());
    }

    /// The raw JSON of an undeclared member, by JSON pointer (`/details/requestId`).
    /// Read it with serde: `serde_json::from_str::<T>(raw.get())`.
    ///
    /// ```
    /// use serde_json::value::RawValue;
    /// let mut extra = error_catalog::Extra::default();
    /// extra.push("/details/attempts", &RawValue::from_string("3".into()).unwrap());
    /// let raw = extra.get("/details/attempts").unwrap();
    /// assert_eq!(serde_json::from_str::<u32>(raw.get()).unwrap(), 3);
    /// assert!(extra.get("/attempts").is_none());
    /// ```
    pub fn get(&self, pointer: &str) -> Option<&RawValue> {
        self.members_iter()
            .find(|(p, _)| *p == pointer)
            .and_then(|(_, v)| raw(v))
    }

    /// Every undeclared member as (JSON pointer, raw JSON), in the order kept:
    /// members outside the fields object first, then the fields object's own.
    ///
    /// ```
    /// use serde_json::value::RawValue;
    /// let mut extra = error_catalog::Extra::default();
    /// extra.push("/requestId", &RawValue::from_string("\"r-7\"".into()).unwrap());
    /// let members: Vec<(&str, &str)> = extra.members().map(|(p, v)| (p, v.get())).collect();
    /// assert_eq!(members, [("/requestId", "\"r-7\"")]);
    /// ```
    pub fn members(&self) -> impl Iterator<Item = (&str, &RawValue)> {
        self.members_iter().filter_map(|(p, v)| Some((p, raw(v)?)))
    }

    /// Adds an undeclared member. Returns `false`, keeping nothing, when the
    /// pointer or the value is longer than 2 GiB.
    ///
    /// ```
    /// use error_catalog::Extra;
    /// use serde_json::value::RawValue;
    /// let mut extra = Extra::default();
    /// let value = RawValue::from_string("\"r-1\"".to_string()).unwrap();
    /// assert!(extra.push("/details/requestId", &value));
    /// assert_eq!(extra.get("/details/requestId").map(|v| v.get()), Some("\"r-1\""));
    /// ```
    pub fn push(&mut self, pointer: impl AsRef<str>, value: &RawValue) -> bool {
        let (pointer, value) = (pointer.as_ref(), value.get());
        // checked first, so that a refused member leaves no empty `Parts` behind
        if pointer.len() > MAX_PART || value.len() > MAX_PART {
            return false;
        }
        self.parts_mut().members.push(pointer, value).is_ok()
    }

    /// Members directly inside the object at `parent` (`""` for the body), as (key, raw),
    /// with the key unescaped (`~1` → `/`, `~0` → `~`).
    ///
    /// ```
    /// use serde_json::value::RawValue;
    /// let mut extra = error_catalog::Extra::default();
    /// let one = RawValue::from_string("1".into()).unwrap();
    /// extra.push("/details/a~1b", &one);
    /// extra.push("/details/deeper/c", &one);
    /// extra.push("/top", &one);
    /// let keys: Vec<String> = extra.children("/details").map(|(k, _)| k).collect();
    /// assert_eq!(keys, ["a/b"]);
    /// ```
    pub fn children<'a>(
        &'a self,
        parent: &'a str,
    ) -> impl Iterator<Item = (String, &'a RawValue)> + 'a {
        self.members_iter().filter_map(move |(p, v)| {
            let rest = p.strip_prefix(parent)?.strip_prefix('/')?;
            if rest.contains('/') {
                return None;
            }
            Some((rest.replace("~1", "/").replace("~0", "~"), raw(v)?))
        })
    }
}

#[doc(hidden)]
impl error_catalog_core::decode::KeepExtra for Extra {
    fn keep_members(&mut self, members: RawMembers) {
        self.set_members(members);
    }
    fn keep_message(&mut self, message: &str) {
        self.set_message(message);
    }
    fn keep_body(&mut self, body: &[u8]) {
        self.set_body(body);
    }
    fn keep_unread(&mut self, pointer: &str, reason: &str) {
        self.parts_mut()
            .unread
            .push((pointer.into(), reason.into()));
    }
}
