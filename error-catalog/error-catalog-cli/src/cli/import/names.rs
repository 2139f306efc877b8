//! Names and texts made for what a description does not name: errors known
//! by status, stand-in messages, variants.

use std::collections::BTreeSet;

use error_catalog_model::naming::{is_rust_ident, upper_camel};

use super::entries::Entry;

/// `404` → `not_found`: a name for an error the status alone identifies.
pub fn status_name(status: u16) -> String {
    let name = match status {
        400 => "bad_request",
        401 => "unauthorized",
        402 => "payment_required",
        403 => "forbidden",
        404 => "not_found",
        405 => "method_not_allowed",
        406 => "not_acceptable",
        407 => "proxy_authentication_required",
        408 => "request_timeout",
        409 => "conflict",
        410 => "gone",
        411 => "length_required",
        412 => "precondition_failed",
        413 => "content_too_large",
        414 => "uri_too_long",
        415 => "unsupported_media_type",
        416 => "range_not_satisfiable",
        417 => "expectation_failed",
        421 => "misdirected_request",
        422 => "unprocessable_content",
        423 => "locked",
        424 => "failed_dependency",
        425 => "too_early",
        426 => "upgrade_required",
        428 => "precondition_required",
        429 => "too_many_requests",
        431 => "request_header_fields_too_large",
        451 => "unavailable_for_legal_reasons",
        500 => "internal_server_error",
        501 => "not_implemented",
        502 => "bad_gateway",
        503 => "service_unavailable",
        504 => "gateway_timeout",
        505 => "http_version_not_supported",
        507 => "insufficient_storage",
        508 => "loop_detected",
        511 => "network_authentication_required",
        _ => return format!("status_{status}"),
    };
    name.to_string()
}

/// `account_closed` → `Account closed`: a stand-in message.
pub fn humanize(code: &str) -> String {
    let words: Vec<String> = code
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    let text = words.join(" ");
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
        None => code.to_string(),
    }
}

/// Doubles braces, so that text from the spec is no template placeholder.
pub fn literal(text: &str) -> String {
    text.replace('{', "{{").replace('}', "}}")
}

/// The first line of a description, trimmed.
pub fn first_line(text: &str) -> String {
    text.lines().next().unwrap_or_default().trim().to_string()
}

/// Gives an explicit variant to entries whose code makes no identifier, or
/// the same one as an earlier entry's.
pub fn name_variants(entries: &mut [Entry]) {
    let mut taken: BTreeSet<String> = BTreeSet::new();
    for e in entries.iter_mut() {
        let default = upper_camel(&e.code.text());
        let mut name = default.clone();
        if !is_rust_ident(&name) || !name.starts_with(|c: char| c.is_ascii_uppercase()) {
            name = format!("Code{}", upper_camel(&e.code.text().replace('-', "minus_")));
        }
        let base = name.clone();
        let mut n = 2;
        while taken.contains(&name) {
            name = format!("{base}{n}");
            n += 1;
        }
        taken.insert(name.clone());
        if name != default {
            e.variant = Some(name);
        }
    }
}
