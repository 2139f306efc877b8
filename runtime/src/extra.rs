//! What a known error's body carried beyond its declared fields.

use serde_json::value::RawValue;

/// The parts of a received body that the error's variant does not declare, kept so
/// that nothing is lost: members at any JSON pointer, and the message when it
/// differs from the one the catalog's template renders.
///
/// ```
/// use api_error::Extra;
/// let extra = Extra::default();
/// assert!(extra.is_empty());
/// assert!(extra.get("/details/requestId").is_none());
/// ```
#[derive(Debug, Clone, Default)]
pub struct Extra {
    message: Option<Box<str>>,
    members: Vec<(String, Box<RawValue>)>,
    body: Option<Box<[u8]>>,
}

impl PartialEq for Extra {
    fn eq(&self, other: &Self) -> bool {
        self.message == other.message
            && self.body == other.body
            && self.members.len() == other.members.len()
            && self
                .members
                .iter()
                .zip(&other.members)
                .all(|(a, b)| a.0 == b.0 && a.1.get() == b.1.get())
    }
}

impl Eq for Extra {}

impl std::hash::Hash for Extra {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.message.hash(state);
        self.body.hash(state);
        for (p, v) in &self.members {
            p.hash(state);
            v.get().hash(state);
        }
    }
}

impl Extra {
    /// True when the body carried nothing beyond the declared fields.
    pub fn is_empty(&self) -> bool {
        self.message.is_none() && self.members.is_empty() && self.body.is_none()
    }

    /// The whole body, kept when it was not JSON (the status alone identified the
    /// error, e.g. a proxy's HTML page under a status-identified service).
    pub fn body(&self) -> Option<&[u8]> {
        self.body.as_deref()
    }

    /// Keeps the whole body.
    pub fn set_body(&mut self, body: &[u8]) {
        self.body = Some(body.into());
    }

    /// The received message, when it differs from the rendered template.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// Sets the received message.
    pub fn set_message(&mut self, message: impl Into<Box<str>>) {
        self.message = Some(message.into());
    }

    /// The raw JSON of an undeclared member, by JSON pointer (`/details/requestId`).
    pub fn get(&self, pointer: &str) -> Option<&RawValue> {
        self.members
            .iter()
            .find(|(p, _)| p == pointer)
            .map(|(_, v)| &**v)
    }

    /// Every undeclared member as (JSON pointer, raw JSON).
    pub fn members(&self) -> impl Iterator<Item = (&str, &RawValue)> {
        self.members.iter().map(|(p, v)| (p.as_str(), &**v))
    }

    /// Adds an undeclared member.
    pub fn push(&mut self, pointer: impl Into<String>, value: Box<RawValue>) {
        self.members.push((pointer.into(), value));
    }

    /// Members directly inside the object at `parent` (`""` for the body), as (key, raw).
    pub fn children<'a>(
        &'a self,
        parent: &'a str,
    ) -> impl Iterator<Item = (String, &'a RawValue)> + 'a {
        self.members.iter().filter_map(move |(p, v)| {
            let rest = p.strip_prefix(parent)?.strip_prefix('/')?;
            if rest.contains('/') {
                return None;
            }
            Some((rest.replace("~1", "/").replace("~0", "~"), &**v))
        })
    }
}
