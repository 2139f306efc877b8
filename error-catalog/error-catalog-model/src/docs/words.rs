//! What the catalog's terms mean, in words for readers: retry rules, how a
//! response is recognised as an error, what each response header says.
//! The reference pages and `error-catalog explain` both use these.

use error_catalog_core::engine::Identity;

use crate::model::{Catalog, ErrorEntry, Field, Headers, ResetFormat, RetryRule};

/// A retry rule in words, as the run-time retry advice
/// (`error_catalog_core::retry::RetryRule::advise`) and the retry loop
/// (`error_catalog::Backoff`) carry it out. `wait_field` is the entry's
/// `retry_after_field`, the body's field holding seconds to wait; only the
/// `after` rule reads it.
///
/// ```
/// use error_catalog_model::docs::retry_words;
/// use error_catalog_model::model::RetryRule;
///
/// assert_eq!(retry_words(RetryRule::Never, None), "do not retry");
/// assert!(retry_words(RetryRule::Backoff, None).starts_with("retry with exponential backoff"));
/// assert!(retry_words(RetryRule::Once, None).starts_with("retry once"));
/// let after = retry_words(RetryRule::After, Some("retryAfter"));
/// assert!(after.starts_with("honours `Retry-After`"));
/// assert!(after.contains("the seconds in the body's `retryAfter`"));
/// ```
pub fn retry_words(rule: RetryRule, wait_field: Option<&str>) -> String {
    match rule {
        RetryRule::Never => "do not retry".to_string(),
        RetryRule::Backoff => {
            "retry with exponential backoff (a `Retry-After` header, when sent, sets the wait)"
                .to_string()
        }
        RetryRule::Once => {
            "retry once: after the wait a `Retry-After` header gives, else after a short backoff"
                .to_string()
        }
        RetryRule::After => {
            let field = wait_field
                .map(|f| format!("the seconds in the body's `{f}`, else "))
                .unwrap_or_default();
            format!(
                "honours `Retry-After`; when absent, waits {field}until the rate-limit reset \
                 when no requests remain, else backs off exponentially"
            )
        }
    }
}

/// How a response is recognised as `e`, in words: by its code under a wire
/// identified by code, otherwise by its status and message patterns (the
/// order `error_catalog_core::engine::Table::classify` tries them in).
///
/// ```
/// let mcp = error_catalog_model::load_str("mcp.toml", r#"
/// [service]
/// id = "mcp"
/// name = "MCP API"
/// [wire]
/// preset = "message-only"
/// [[errors]]
/// code = "missing_field"
/// status = 400
/// message = "name is required"
/// matches = ["name is required", "url is required"]
/// "#).unwrap();
/// assert_eq!(
///     error_catalog_model::docs::recognised_by(&mcp, &mcp.errors[0]),
///     "status 400 with a message (at `/error`) matching `name is required` or `url is required`"
/// );
/// ```
pub fn recognised_by(c: &Catalog, e: &ErrorEntry) -> String {
    let when: Vec<String> = e
        .when
        .iter()
        .map(|(p, v)| format!("`{}` = `{}`", p.value.text, v.value))
        .chain(
            e.when_headers
                .iter()
                .map(|(n, v)| format!("header `{}: {}`", n.value, v.value)),
        )
        .collect();
    let when = match when.as_slice() {
        [] => String::new(),
        [init @ .., last] if !init.is_empty() => {
            format!(", where {} and {last}", init.join(", "))
        }
        _ => format!(", where {}", when.join("")),
    };
    format!("{}{when}", recognised_without_when(c, e))
}

/// [`recognised_by`] without the `when` conditions. The pointers are those
/// of the envelope the entry comes in.
fn recognised_without_when(c: &Catalog, e: &ErrorEntry) -> String {
    let wire = c.wire_of(e);
    if c.wire.identity == Identity::Code {
        if let Some(r) = &e.code_range {
            let (lo, hi) = r.value;
            let at = wire
                .code
                .as_ref()
                .map_or(String::new(), |p| format!(" at `{}`", p.value.text));
            return format!("a code from {lo} to {hi}{at} that no other error lists");
        }
        if e.sends_code() {
            return match &wire.code {
                Some(p) => format!("the code `{}` at `{}`", e.code.value, p.value.text),
                None => format!("the code `{}` in the body", e.code.value),
            };
        }
        let by = recognised_by_message(c, e);
        return format!("no code (null or absent), and {by}");
    }
    recognised_by_message(c, e)
}

/// How an entry found without a code is recognised: its status and patterns.
fn recognised_by_message(c: &Catalog, e: &ErrorEntry) -> String {
    let message_at = c
        .wire_of(e)
        .message
        .as_ref()
        .map(|p| format!(" (at `{}`)", p.value.text))
        .unwrap_or_default();
    let patterns: Vec<String> = e.matches.iter().map(|m| format!("`{}`", m.value)).collect();
    match (e.status_u16(), patterns.is_empty()) {
        (Some(s), false) => format!(
            "status {s} with a message{message_at} matching {}",
            or_list(&patterns)
        ),
        (None, false) => format!(
            "a message{message_at} matching {}, at any status",
            or_list(&patterns)
        ),
        (Some(s), true) => {
            let shadowed = c
                .errors
                .iter()
                .any(|o| !o.matches.is_empty() && o.status_u16().is_none_or(|os| os == s));
            if shadowed {
                format!("status {s}, when no other error's message pattern matches")
            } else {
                format!("status {s}")
            }
        }
        (None, true) => "no response (it has neither a status nor a message pattern)".to_string(),
    }
}

/// `a`, `a or b`, `a, b or c`.
fn or_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// Where a field sits on the wire, for a Markdown cell: its JSON pointer in
/// code, or `in the message` when a message pattern captures it.
///
/// ```
/// let shop = error_catalog_model::load_str("shop.toml", r#"
/// [service]
/// id = "shop"
/// name = "Shop API"
/// [wire]
/// preset = "nested"
/// [[errors]]
/// code = "NOT_FOUND"
/// status = 404
/// message = "Customer {id} not found"
/// fields = { id = "string" }
/// "#).unwrap();
/// let id = &shop.errors[0].fields[0];
/// assert_eq!(error_catalog_model::docs::field_place(id), "`/error/id`");
/// ```
pub fn field_place(f: &Field) -> String {
    match &f.at_ptr {
        Some(p) => format!("`{}`", p.value.text),
        None => "in the message".to_string(),
    }
}

/// The headers a catalog names, each with what it says: `(name, meaning)` in a
/// fixed order (retry, rate limit, request id).
///
/// ```
/// use error_catalog_model::docs::header_meanings;
/// use error_catalog_model::model::Headers;
///
/// let h = Headers { retry_after: Some("Retry-After".into()), ..Headers::default() };
/// assert_eq!(
///     header_meanings(&h),
///     [("Retry-After", "seconds (or an HTTP date) to wait before retrying")]
/// );
/// ```
pub fn header_meanings(h: &Headers) -> Vec<(&str, &'static str)> {
    let reset = match h.rate_limit_reset_format.as_ref().map(|f| f.value) {
        None | Some(ResetFormat::EpochSeconds) => "when the window resets (Unix seconds)",
        Some(ResetFormat::DeltaSeconds) => "seconds until the window resets",
        Some(ResetFormat::Duration) => "time until the window resets, as a duration (`6m0s`)",
    };
    let roles = [
        (
            &h.retry_after,
            "seconds (or an HTTP date) to wait before retrying",
        ),
        (
            &h.rate_limit_limit,
            "requests allowed in the current window",
        ),
        (
            &h.rate_limit_remaining,
            "requests left in the current window",
        ),
        (&h.rate_limit_reset, reset),
        (&h.request_id, "the request's id, to quote to support"),
        (
            &h.should_retry,
            "`true` or `false`: whether to retry, whatever the error's retry rule says",
        ),
    ];
    let roles = roles
        .into_iter()
        .filter_map(|(name, meaning)| Some((name.as_deref()?, meaning)));
    let kept = h
        .keep
        .iter()
        .map(|k| (k.value.as_str(), "kept with the received error, by name"));
    roles.chain(kept).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_has_distinct_words() {
        let words: Vec<String> = RetryRule::ALL
            .iter()
            .map(|(_, r)| retry_words(*r, None))
            .collect();
        for (i, w) in words.iter().enumerate() {
            assert!(!words[..i].contains(w), "{w}");
            assert!(!RetryRule::ALL.iter().any(|(n, _)| w == n), "{w}");
        }
    }

    #[test]
    fn only_after_reads_the_wait_field() {
        for (_, r) in RetryRule::ALL {
            let with = retry_words(*r, Some("wait"));
            assert_eq!(with.contains("`wait`"), *r == RetryRule::After, "{with}");
        }
        assert_eq!(
            retry_words(RetryRule::After, None),
            "honours `Retry-After`; when absent, waits until the rate-limit reset when no \
             requests remain, else backs off exponentially"
        );
    }

    #[test]
    fn or_lists() {
        let s = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(or_list(&s(&[])), "");
        assert_eq!(or_list(&s(&["a"])), "a");
        assert_eq!(or_list(&s(&["a", "b"])), "a or b");
        assert_eq!(or_list(&s(&["a", "b", "c"])), "a, b or c");
    }
}
