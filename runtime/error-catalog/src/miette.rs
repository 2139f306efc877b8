//! The [`miette`] integration (cargo feature `miette`).
//!
//! Every generated enum implements [`miette::Diagnostic`]:
//! the error's code as the diagnostic code, the suggestion and fix command as help,
//! the docs URL as url. The functions here are what those impls call.
//!
//! ```
//! use miette::Diagnostic;
//! use error_catalog_services::kya::KyaError;
//!
//! let err = KyaError::AgentNotFound { agent_id: "9".into(), timestamp: None, extra: Default::default() };
//! assert_eq!(err.code().map(|c| c.to_string()).as_deref(), Some("AGENT_NOT_FOUND"));
//! assert!(err.help().unwrap().to_string().starts_with("Verify the agent was successfully registered"));
//! ```

use std::fmt;

use crate::ApiError;

/// What a [`Diagnostic`](::miette::Diagnostic) method returns.
///
/// ```
/// let text: error_catalog::miette::Text<'_> = Some(Box::new("E1"));
/// assert_eq!(text.unwrap().to_string(), "E1");
/// ```
pub type Text<'a> = Option<Box<dyn fmt::Display + 'a>>;

/// The error's code; `None` when it has none (a fallback whose body carried none).
///
/// ```
/// use error_catalog::{FromResponse, UnknownError};
/// use error_catalog_services::kya::KyaError;
///
/// let err = KyaError::InternalError { timestamp: None, extra: Default::default() };
/// assert_eq!(error_catalog::miette::code(&err).unwrap().to_string(), "INTERNAL_ERROR");
/// let err = KyaError::from_response(502, b"<html>Bad Gateway</html>");
/// assert!(error_catalog::miette::code(&err).is_none());
/// ```
pub fn code<E: ApiError + ?Sized>(err: &E) -> Text<'_> {
    let code = err.code();
    (!code.is_empty()).then(|| Box::new(code) as Box<dyn fmt::Display + '_>)
}

/// The suggestion, then the fix command on a line of its own (`fix: ...`); `None`
/// when the error has neither.
///
/// ```
/// use error_catalog_services::kya::KyaError;
///
/// let err = KyaError::InternalError { timestamp: None, extra: Default::default() };
/// let help = error_catalog::miette::help(&err).unwrap().to_string();
/// assert!(help.starts_with("Retry the request."));
/// ```
pub fn help<E: ApiError + ?Sized>(err: &E) -> Text<'_> {
    let help = Help {
        suggestion: err.suggestion(),
        fix_command: err.fix_command(),
    };
    (help.suggestion.is_some() || help.fix_command.is_some())
        .then(|| Box::new(help) as Box<dyn fmt::Display + '_>)
}

/// The docs URL.
///
/// ```
/// use error_catalog_services::customer_verification::CustomerVerificationError as E;
///
/// let err = E::TokenExpired { details: None, field: None, extra: Default::default() };
/// assert_eq!(error_catalog::miette::url(&err).unwrap().to_string(), "../../../overview/help-and-support.md");
/// ```
pub fn url<E: ApiError + ?Sized>(err: &E) -> Text<'_> {
    err.docs_url()
        .map(|u| Box::new(u) as Box<dyn fmt::Display + '_>)
}

/// An error's help text: its suggestion and its fix command.
///
/// ```
/// use error_catalog::miette::Help;
///
/// let help = Help { suggestion: Some("Set the API key."), fix_command: Some("export KEY=...".into()) };
/// assert_eq!(help.to_string(), "Set the API key.\nfix: export KEY=...");
/// let help = Help { suggestion: None, fix_command: Some("export KEY=...".into()) };
/// assert_eq!(help.to_string(), "fix: export KEY=...");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Help<'a> {
    /// What to do, in one sentence.
    pub suggestion: Option<&'a str>,
    /// A copy-paste command that fixes it, with the error's values
    /// ([`ApiError::fix_command`]).
    pub fix_command: Option<std::borrow::Cow<'a, str>>,
}

impl fmt::Display for Help<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(s) = self.suggestion {
            f.write_str(s)?;
        }
        if let Some(cmd) = &self.fix_command {
            if self.suggestion.is_some() {
                f.write_str("\n")?;
            }
            write!(f, "fix: {cmd}")?;
        }
        Ok(())
    }
}
