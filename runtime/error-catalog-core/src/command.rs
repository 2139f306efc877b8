//! Fix commands with an error's values: a catalog's `fix_command` is a template
//! like its messages (`gh auth refresh -s {scope}`), and each value put into it
//! is quoted for a POSIX shell, so that pasting the command never runs text the
//! value carried.

use std::borrow::Cow;

use serde_json::{Map, Value};

use crate::template::Template;

/// True for the bytes a shell word may hold unquoted.
fn plain(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"_./:@%+=,-".contains(&b)
}

/// `value` as one POSIX shell word: as it is when it is not empty and every
/// character is one of `A-Z a-z 0-9 _ . / : @ % + = , -`; otherwise in single
/// quotes, each `'` inside written `'\''`.
///
/// ```
/// use error_catalog_core::command::shell_quote;
///
/// assert_eq!(shell_quote("repo:read"), "repo:read");
/// assert_eq!(shell_quote("x; rm -rf ~"), "'x; rm -rf ~'");
/// assert_eq!(shell_quote("it's"), r"'it'\''s'");
/// assert_eq!(shell_quote("$(id)"), "'$(id)'");
/// assert_eq!(shell_quote(""), "''");
/// ```
pub fn shell_quote(value: &str) -> Cow<'_, str> {
    if !value.is_empty() && value.bytes().all(plain) {
        return Cow::Borrowed(value);
    }
    let mut out = String::with_capacity(value.len() + 2);
    out.push('\'');
    for c in value.chars() {
        if c == '\'' {
            out.push_str(r"'\''");
        } else {
            out.push(c);
        }
    }
    out.push('\'');
    Cow::Owned(out)
}

/// The text a field's JSON value stands for in a command: a string as it is, a
/// number or a boolean as written, anything else as compact JSON; `null` is no
/// value.
fn text(v: &Value) -> Option<Cow<'_, str>> {
    match v {
        Value::Null => None,
        Value::String(s) => Some(Cow::Borrowed(s)),
        other => Some(Cow::Owned(other.to_string())),
    }
}

/// Renders a fix command `template` with an error's `values` (its fields by
/// wire name, as `ApiError::details` gives them): each placeholder becomes its
/// value, shell-quoted ([`shell_quote`]). A placeholder whose field has no
/// value (an absent optional field) stays as written, `{scope}`, for the reader
/// to fill in. `{{` and `}}` are literal braces. A template that does not
/// parse (catalog validation refuses those) is returned as it is.
///
/// ```
/// use error_catalog_core::command::render;
/// use serde_json::json;
///
/// let values = json!({"scope": "x; rm -rf ~", "org": "acme"});
/// let values = values.as_object().unwrap();
/// assert_eq!(render("gh auth refresh -s {scope}", values), "gh auth refresh -s 'x; rm -rf ~'");
/// assert_eq!(render("gh org view {org}", values), "gh org view acme");
/// assert_eq!(render("login --team {team}", values), "login --team {team}");
/// assert_eq!(render("new Client({{ key }})", values), "new Client({ key })");
/// ```
pub fn render(template: &str, values: &Map<String, Value>) -> String {
    match Template::parse(template) {
        Ok(t) => t.render(|name| {
            let v = text(values.get(name)?)?;
            Some(shell_quote(&v).into_owned())
        }),
        Err(_) => template.to_string(),
    }
}
