//! Case conversions and Rust identifier checks.

/// Splits a code or field name into lowercase words at separators and case changes.
fn words(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    let chars: Vec<char> = s.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_ascii_alphanumeric() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i + 1).copied();
        let boundary = c.is_ascii_uppercase()
            && prev.is_some_and(|p| {
                p.is_ascii_lowercase()
                    || p.is_ascii_digit()
                    || (p.is_ascii_uppercase() && next.is_some_and(|n| n.is_ascii_lowercase()))
            });
        if boundary && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        cur.push(c.to_ascii_lowercase());
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// `token/expired` → `TokenExpired`, `RATE_LIMITED` → `RateLimited`.
///
/// ```
/// use error_catalog_model::naming::upper_camel;
/// assert_eq!(upper_camel("token/expired"), "TokenExpired");
/// assert_eq!(upper_camel("RATE_LIMITED"), "RateLimited");
/// ```
pub fn upper_camel(s: &str) -> String {
    words(s)
        .iter()
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_ascii_uppercase().to_string() + c.as_str(),
                None => String::new(),
            }
        })
        .collect()
}

/// `retryAfter` → `retry_after`.
///
/// ```
/// use error_catalog_model::naming::snake_case;
/// assert_eq!(snake_case("retryAfter"), "retry_after");
/// assert_eq!(snake_case("agentId"), "agent_id");
/// ```
pub fn snake_case(s: &str) -> String {
    words(s).join("_")
}

const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub",
    "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "type",
    "unsafe", "use", "where", "while", "abstract", "become", "box", "do", "final", "gen", "macro",
    "override", "priv", "try", "typeof", "unsized", "virtual", "yield",
];

/// True for a valid, non-keyword Rust identifier (ASCII).
///
/// ```
/// use error_catalog_model::naming::is_rust_ident;
/// assert!(is_rust_ident("RateLimited"));
/// assert!(!is_rust_ident("2FaEnabled"));
/// assert!(!is_rust_ident("type"));
/// ```
pub fn is_rust_ident(s: &str) -> bool {
    let mut c = s.chars();
    matches!(c.next(), Some(f) if f.is_ascii_alphabetic() || f == '_')
        && c.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && s != "_"
        && !KEYWORDS.contains(&s)
}

/// True for a snake_case id: lowercase letters, digits and `_`, starting with a letter.
pub fn is_snake_case(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_lowercase())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conversions() {
        assert_eq!(upper_camel("jwks/no_matching_key"), "JwksNoMatchingKey");
        assert_eq!(upper_camel("mcp_limit_reached"), "McpLimitReached");
        assert_eq!(upper_camel("INVALID_API_KEY"), "InvalidApiKey");
        assert_eq!(snake_case("recoveredSigner"), "recovered_signer");
        assert_eq!(snake_case("requestID"), "request_id");
        assert_eq!(snake_case("XMLHttpRequest"), "xml_http_request");
    }
}
