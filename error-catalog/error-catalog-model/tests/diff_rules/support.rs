//! What the rule tests share: [`BASE`], editing it, and the report of a diff.

use error_catalog_model::diff::{diff, render_text, Rule};
use error_catalog_model::load_str;

pub(crate) const BASE: &str = r#"[service]
id = "shop"
name = "Shop"

[wire]
code = "/error/code"
message = "/error/message"
fields_at = "/error/details"

[types.Problem]
field = "string"
reason = "string?"

[[errors]]
code = "NOT_FOUND"
status = 404
message = "Customer {id} not found"
cause = "No customer has this id."
fields = { id = "string", count = "u32", hint = "string?" }

[[errors]]
code = "INVALID"
status = 422
message = "Invalid request"
fields = { problems = "[Problem]" }
"#;

/// `BASE` with `from` replaced by `to` (which must be there).
pub(crate) fn edit(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "`{from}` is not in the catalog");
    text.replacen(from, to, 1)
}

/// The report's change lines (help lines included), without the summary.
pub(crate) fn report(old: &str, new: &str) -> Vec<String> {
    let o = load_str("old.toml", old).unwrap_or_else(|p| panic!("old: {p}"));
    let n = load_str("new.toml", new).unwrap_or_else(|p| panic!("new: {p}"));
    let changes = diff(&o, &n);
    let text = render_text(&changes, &o, &n);
    let lines: Vec<String> = text.lines().map(str::to_string).collect();
    // the summary is the last two lines
    assert!(lines.len() >= 2, "{text}");
    lines[..lines.len() - 2].to_vec()
}

/// The one change between two catalogs: its rule and report lines.
pub(crate) fn only(old: &str, new: &str) -> (Rule, Vec<String>) {
    let o = load_str("old.toml", old).unwrap_or_else(|p| panic!("old: {p}"));
    let n = load_str("new.toml", new).unwrap_or_else(|p| panic!("new: {p}"));
    let changes = diff(&o, &n);
    assert_eq!(changes.len(), 1, "{}", render_text(&changes, &o, &n));
    (changes[0].rule, report(old, new))
}
