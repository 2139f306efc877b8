//! Safe serving: [`Public`] shows an error the way a server may send it to its
//! clients, without what must not leave the server.

use std::fmt;

use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::{ApiError, CodeInfo, RetryRule};

/// What generated enums implement so an error can be shown in full or redacted.
#[doc(hidden)]
pub trait Render {
    /// Writes the message; `public` redacts.
    fn render(&self, f: &mut fmt::Formatter<'_>, public: bool) -> fmt::Result;
    /// Serializes the service's envelope; `public` redacts.
    fn serialize_envelope<S: Serializer>(&self, s: S, public: bool) -> Result<S::Ok, S::Error>;
    /// The fields a public response may carry.
    fn public_details(&self) -> serde_json::Map<String, serde_json::Value>;
}

/// An error as a public response shows it. Redacted: fields the catalog marks
/// `internal`, every field of a 5xx error (its placeholders render as
/// `[redacted]`), the received message when it differed from the catalog's, members
/// the catalog does not declare, and a fallback's upstream body. Use it when
/// relaying errors to clients; the plain error keeps everything for logs.
///
/// ```
/// use error_catalog::{ApiError, Public, UnknownError};
///
/// #[derive(Debug, ApiError)]
/// #[api_error(wire = "nested")]
/// enum E {
///     #[api_error(code = "UPSTREAM", status = 502, message = "Upstream failed: {reason}")]
///     Upstream { reason: String },
///     #[api_error(code = "DENIED", status = 403, message = "Denied for {user}")]
///     Denied { user: String, #[api_error(internal)] rule_id: String },
///     #[api_error(unknown)]
///     Unknown(UnknownError),
/// }
///
/// let e = E::Upstream { reason: "db at 10.0.0.7 timed out".into() };
/// assert_eq!(Public(&e).to_string(), "Upstream failed: [redacted]");
/// let json = serde_json::to_value(Public(&e)).unwrap();
/// assert_eq!(json["error"]["message"], "Upstream failed: [redacted]");
/// assert!(json["error"].get("reason").is_none());
///
/// let e = E::Denied { user: "ann".into(), rule_id: "r-17".into() };
/// let json = serde_json::to_value(Public(&e)).unwrap();
/// assert_eq!(json["error"]["user"], "ann");
/// assert!(json["error"].get("rule_id").is_none());
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Public<'a, E: ?Sized>(pub &'a E);

impl<E: Render + ?Sized> fmt::Display for Public<'_, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.render(f, true)
    }
}

impl<E: Render + fmt::Debug + ?Sized> std::error::Error for Public<'_, E> {}

impl<E: Render + ?Sized> Serialize for Public<'_, E> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize_envelope(s, true)
    }
}

impl<E: ApiError + Render + fmt::Debug + ?Sized> ApiError for Public<'_, E> {
    fn code(&self) -> &str {
        self.0.code()
    }
    fn status(&self) -> Option<u16> {
        self.0.status()
    }
    fn suggestion(&self) -> Option<&str> {
        self.0.suggestion()
    }
    fn docs_url(&self) -> Option<&str> {
        self.0.docs_url()
    }
    /// The fix command with the values `Public` shows: a redacted field's
    /// placeholder stays as written.
    fn fix_command(&self) -> Option<std::borrow::Cow<'_, str>> {
        let template = self.0.info()?.fix_command?;
        let values = self.0.public_details();
        match error_catalog_core::template::Template::parse(template) {
            Ok(t) if t.placeholders().next().is_some() => Some(std::borrow::Cow::Owned(
                error_catalog_core::command::render(template, &values),
            )),
            _ => self.0.fix_command(),
        }
    }
    fn retry_rule(&self) -> RetryRule {
        self.0.retry_rule()
    }
    fn info(&self) -> Option<&'static CodeInfo> {
        self.0.info()
    }
    fn retry_after_field(&self) -> Option<u64> {
        self.0.retry_after_field()
    }
    fn details(&self) -> serde_json::Map<String, serde_json::Value> {
        self.0.public_details()
    }
    fn content_type(&self) -> &'static str {
        self.0.content_type()
    }
}

/// The message of an error as a JSON string, full or redacted.
#[doc(hidden)]
pub struct MessageStr<'a, E: ?Sized>(pub &'a E, pub bool);

impl<E: Render + ?Sized> Serialize for MessageStr<'_, E> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Shown<'a, E: ?Sized>(&'a E, bool);
        impl<E: Render + ?Sized> fmt::Display for Shown<'_, E> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.render(f, self.1)
            }
        }
        s.collect_str(&Shown(self.0, self.1))
    }
}

/// The fix command of an error as a JSON string, with its values (full), or
/// with the values `Public` shows (redacted).
#[doc(hidden)]
pub struct FixCommandStr<'a, E: ?Sized>(pub &'a E, pub bool);

impl<E: ApiError + Render + fmt::Debug + ?Sized> Serialize for FixCommandStr<'_, E> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let command = if self.1 {
            Public(self.0).fix_command().map(|c| c.into_owned().into())
        } else {
            self.0.fix_command()
        };
        s.serialize_str(command.as_deref().unwrap_or_default())
    }
}

/// Members written only when `.0` is true.
#[doc(hidden)]
pub struct When<M>(pub bool, pub M);

impl<M: crate::__private::WriteMembers> crate::__private::WriteMembers for When<M> {
    fn write<S: SerializeMap>(&self, map: &mut S) -> Result<(), S::Error> {
        if self.0 {
            self.1.write(map)
        } else {
            Ok(())
        }
    }
}
