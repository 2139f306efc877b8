//! Markdown error reference pages, in the spirit of the services' own.

use std::fmt::Write as _;

use serde_json::Value;

use crate::model::{Catalog, ErrorEntry, Pointer};

/// A body shaped like the service's envelope for `e`: its first documented
/// example, or one built from the wire with the message template.
pub fn example_body(c: &Catalog, e: &ErrorEntry) -> String {
    if let Some(ex) = e.examples.first() {
        if let Ok(v) = serde_json::from_str::<Value>(&ex.body.value) {
            return serde_json::to_string_pretty(&v).unwrap_or_else(|_| ex.body.value.clone());
        }
        return ex.body.value.clone();
    }
    let mut root = Value::Object(serde_json::Map::new());
    let w = &c.wire;
    if let Some(p) = &w.code {
        insert(&mut root, &p.value, Value::String(e.code.value.clone()));
    }
    if let Some(p) = &w.message {
        insert(&mut root, &p.value, Value::String(e.message.value.clone()));
    }
    for (p, v) in [
        (&w.suggestion, &e.suggestion),
        (&w.docs_url, &e.docs_url),
        (&w.fix_command, &e.fix_command),
    ] {
        if let (Some(p), Some(v)) = (p, v) {
            insert(&mut root, &p.value, Value::String(v.clone()));
        }
    }
    for f in &e.fields {
        if let Some(p) = &f.at_ptr {
            insert(
                &mut root,
                &p.value,
                Value::String(format!("<{}>", f.ty.value.name())),
            );
        }
    }
    serde_json::to_string_pretty(&root).unwrap_or_default()
}

fn insert(root: &mut Value, p: &Pointer, v: Value) {
    let mut cur = root;
    for (i, seg) in p.segments.iter().enumerate() {
        let Value::Object(map) = cur else { return };
        if i + 1 == p.segments.len() {
            map.insert(seg.clone(), v);
            return;
        }
        cur = map
            .entry(seg.clone())
            .or_insert_with(|| Value::Object(serde_json::Map::new()));
    }
}

fn anchor(code: &str) -> String {
    code.chars()
        .filter_map(|c| match c {
            'A'..='Z' => Some(c.to_ascii_lowercase()),
            'a'..='z' | '0'..='9' | '-' | '_' => Some(c),
            ' ' => Some('-'),
            _ => None,
        })
        .collect()
}

fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// Renders the whole reference page.
///
/// ```
/// let shop = error_catalog_codegen::load_str("shop.toml", r#"
/// [service]
/// id = "shop"
/// name = "Shop API"
/// [wire]
/// preset = "nested"
/// [[errors]]
/// code = "RATE_LIMITED"
/// status = 429
/// message = "Too many requests"
/// "#).unwrap();
/// let page = error_catalog_codegen::docs::render(&shop);
/// assert!(page.starts_with("# Shop API errors"));
/// assert!(page.contains("### `RATE_LIMITED`"));
/// ```
pub fn render(c: &Catalog) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "# {} errors\n", c.service.name.value);
    if let Some(d) = &c.service.description {
        let _ = writeln!(o, "{d}\n");
    }
    if let Some(d) = &c.service.docs_url {
        let _ = writeln!(o, "Service documentation: <{}>\n", d.value);
    }
    let _ = writeln!(o, "## Error response format\n");
    let shape = match c.wire.preset.as_ref() {
        Some(p) => format!("the `{}` envelope", p.value.name()),
        None => "a custom envelope".to_string(),
    };
    let how = match c.wire.identity {
        error_catalog_core::engine::Identity::Code => "the code in the body identifies the error",
        error_catalog_core::engine::Identity::Message => {
            "the HTTP status and the message identify the error"
        }
        error_catalog_core::engine::Identity::Status => {
            "the HTTP status identifies the error (a message tells apart errors that share one)"
        }
    };
    let _ = writeln!(
        o,
        "Errors travel as {shape} (`{}`); {how}.\n",
        c.wire.content_type
    );
    if let Some(e) = c.errors.first() {
        let _ = writeln!(o, "```json\n{}\n```\n", example_body(c, e));
    }
    let h = &c.headers;
    let headers: Vec<(&str, &Option<String>)> = vec![
        ("Retry-After", &h.retry_after),
        ("Rate-limit ceiling", &h.rate_limit_limit),
        ("Rate-limit remaining", &h.rate_limit_remaining),
        ("Rate-limit reset", &h.rate_limit_reset),
        ("Request id", &h.request_id),
    ];
    if headers.iter().any(|(_, v)| v.is_some()) {
        let _ = writeln!(o, "## Response headers\n\n| Header | Meaning |\n|---|---|");
        for (meaning, name) in headers {
            if let Some(n) = name {
                let _ = writeln!(o, "| `{n}` | {meaning} |");
            }
        }
        if let Some(n) = &h.notes {
            let _ = writeln!(o, "\n{n}");
        }
        o.push('\n');
    }
    if !c.rate_limits.is_empty() {
        let _ = writeln!(
            o,
            "## Rate limits\n\n| Scope | Limit | Notes |\n|---|---|---|"
        );
        for r in &c.rate_limits {
            let _ = writeln!(
                o,
                "| {} | {} per {} | {} |",
                cell(&r.scope),
                r.limit,
                cell(&r.window),
                cell(r.notes.as_deref().unwrap_or(""))
            );
        }
        o.push('\n');
    }
    let _ = writeln!(o, "## Errors\n");
    for e in &c.errors {
        render_entry(&mut o, c, e);
    }
    let _ = writeln!(
        o,
        "## Quick reference\n\n| Code | Status | Message | Suggestion |\n|---|---|---|---|"
    );
    for e in &c.errors {
        let status = e
            .status_u16()
            .map_or_else(|| "—".to_string(), |s| s.to_string());
        let _ = writeln!(
            o,
            "| [`{}`](#{}) | {status} | {} | {} |",
            e.code.value,
            anchor(&e.code.value),
            cell(&e.message.value),
            cell(e.suggestion.as_deref().unwrap_or(""))
        );
    }
    o
}

fn render_entry(o: &mut String, c: &Catalog, e: &ErrorEntry) {
    let _ = writeln!(o, "### `{}`\n", e.code.value);
    let status = e.status_u16().map_or_else(
        || "none (client-side or varies)".to_string(),
        |s| s.to_string(),
    );
    let _ = writeln!(
        o,
        "**Status:** {status} · **Retry:** {}\n",
        e.retry.as_str()
    );
    let _ = writeln!(o, "**Message:** `{}`\n", e.message.value);
    if let Some(t) = &e.title {
        let _ = writeln!(o, "**Title:** {t}\n");
    }
    if let Some(cause) = &e.cause {
        let _ = writeln!(o, "**Cause:** {cause}\n");
    }
    if !e.causes.is_empty() {
        let _ = writeln!(o, "**Common causes:**\n");
        for x in &e.causes {
            let _ = writeln!(o, "- {x}");
        }
        o.push('\n');
    }
    let fields = e.fields.iter().chain(&c.wire.fields).collect::<Vec<_>>();
    if !fields.is_empty() {
        let _ = writeln!(o, "| Field | Type | Where |\n|---|---|---|");
        for f in fields {
            let at = f.at_ptr.as_ref().map_or_else(
                || "in the message".to_string(),
                |p| format!("`{}`", p.value.text),
            );
            let _ = writeln!(o, "| `{}` | `{}` | {at} |", f.wire.value, f.ty.value.name());
        }
        o.push('\n');
    }
    for ex in &e.examples {
        let body = serde_json::from_str::<Value>(&ex.body.value)
            .ok()
            .and_then(|v| serde_json::to_string_pretty(&v).ok())
            .unwrap_or_else(|| ex.body.value.clone());
        let _ = writeln!(o, "**Example:**\n\n```json\n{body}\n```\n");
        if !ex.headers.is_empty() {
            let _ = writeln!(o, "```http");
            for (k, v) in &ex.headers {
                let _ = writeln!(o, "{k}: {v}");
            }
            let _ = writeln!(o, "```\n");
        }
    }
    if let Some(s) = &e.suggestion {
        let _ = writeln!(o, "**Suggestion:** {s}\n");
    }
    if !e.solutions.is_empty() {
        let _ = writeln!(o, "**Solutions:**\n");
        for x in &e.solutions {
            let _ = writeln!(o, "- {x}");
        }
        o.push('\n');
    }
    if let Some(f) = &e.fix_command {
        let _ = writeln!(o, "**Fix:**\n\n```sh\n{f}\n```\n");
    }
    if let Some(d) = &e.docs_url {
        let _ = writeln!(o, "**Learn more:** <{d}>\n");
    }
    let _ = writeln!(o, "---\n");
}
