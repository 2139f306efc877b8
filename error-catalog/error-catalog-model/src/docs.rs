//! Markdown error reference pages, in the spirit of the services' own, and the
//! words they share with `error-catalog explain`: retry rules, how a response is
//! recognised, what headers mean, example bodies with their keys in catalog order.

mod json;
pub(crate) mod sample;
mod words;

use std::fmt::Write as _;

use error_catalog_core::engine::Identity;

pub use json::pretty_json;
pub use words::{field_place, header_meanings, recognised_by, retry_words};

use crate::model::{Catalog, ErrorEntry, Pointer};
use crate::response::fields_of;

/// A body shaped like the service's envelope for `e`, pretty-printed with its
/// keys in the order written: its first documented example, or one built from
/// the wire (code, message, suggestion, docs URL, fix command, then the error's
/// fields as `<type>`).
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
/// [[errors]]
/// code = "RATE_LIMITED"
/// status = 429
/// message = "Too many requests"
/// [[errors.examples]]
/// body = '{"error": {"message": "Too many requests", "code": "RATE_LIMITED"}}'
/// "#).unwrap();
/// use error_catalog_model::docs::example_body;
/// assert_eq!(
///     example_body(&shop, &shop.errors[0]),
///     "{\n  \"error\": {\n    \"code\": \"NOT_FOUND\",\n    \"message\": \"Customer {id} not found\",\n    \"id\": \"<string>\"\n  }\n}"
/// );
/// assert!(example_body(&shop, &shop.errors[1]).starts_with("{\n  \"error\": {\n    \"message\""));
/// ```
pub fn example_body(c: &Catalog, e: &ErrorEntry) -> String {
    if let Some(ex) = e.examples.first() {
        return pretty_json(&ex.body.value).unwrap_or_else(|| ex.body.value.clone());
    }
    built_body(c, e, false)
}

/// The body an error's declaration says the service sends, with sample
/// values of the fields' types (`7` for an integer, `"sample"` for a string,
/// a declared object with its members filled) in every place it declares, the
/// message its first `matches` pattern (else its template) with those values:
/// what `check` decodes for an error without a documented example, to show
/// that the declaration reads back as that error.
///
/// ```
/// let shop = error_catalog_model::load_str("shop.toml", r#"
/// [service]
/// id = "shop"
/// name = "Shop API"
/// [wire]
/// code = "/error/code"
/// message = "/error/message"
/// fields_at = "/error"
/// [[errors]]
/// code = "NOT_FOUND"
/// status = 404
/// message = "Customer {id} not found"
/// fields = { id = "u64" }
/// "#).unwrap();
/// use error_catalog_model::docs::sample_body;
/// assert_eq!(
///     sample_body(&shop, &shop.errors[0]),
///     "{\n  \"error\": {\n    \"code\": \"NOT_FOUND\",\n    \"message\": \"Customer 7 not found\",\n    \"id\": 7\n  }\n}"
/// );
/// ```
pub fn sample_body(c: &Catalog, e: &ErrorEntry) -> String {
    built_body(c, e, true)
}

/// A body built from the wire and `e`'s declaration: the fields as `<type>`,
/// or with `sample` values of their types.
fn built_body(c: &Catalog, e: &ErrorEntry, sample: bool) -> String {
    let mut root = json::OrderedObject::default();
    let w = c.wire_of(e);
    // what an error carries opposite the success marks comes first
    for (p, value) in crate::layout::error_marks(w) {
        root.insert_raw(&p.segments, value);
    }
    let fields = fields_of(c, e);
    let message = if sample {
        let text = e.matches.first().unwrap_or(&e.message);
        let values = |name: &str| {
            let f = fields
                .iter()
                .find(|f| f.wire.value == name || f.rust.value == name)?;
            Some(sample::sample_text(f.ty.value.base))
        };
        error_catalog_core::template::Template::parse(&text.value)
            .map_or_else(|_| text.value.clone(), |t| t.render(values))
    } else {
        e.message.value.clone()
    };
    let fix = e
        .fix_command
        .as_ref()
        .map(|f| error_catalog_core::command::render(&f.value, &Default::default()));
    // an integer code is a JSON number; a range's is its first code; an error
    // sent without a code has none
    let number = match &e.code_range {
        Some(r) => Some(r.value.0.to_string()),
        None => Some(e.code.value.clone()).filter(|c| w.integer_codes && c.parse::<i64>().is_ok()),
    };
    if let (Some(p), Some(n)) = (&w.code, &number) {
        root.insert_raw(&p.value.segments, n);
    }
    let code_text = Some(&e.code.value).filter(|_| number.is_none() && e.sends_code());
    let texts = [
        (&w.code, code_text),
        (&w.message, Some(&message)),
        (&w.suggestion, e.suggestion.as_ref()),
        (&w.docs_url, e.docs_url.as_ref()),
        (&w.fix_command, fix.as_ref()),
    ];
    for (p, v) in texts {
        if let (Some(p), Some(v)) = (p, v) {
            root.insert(&p.value.segments, v);
        }
    }
    // the members `when` requires, with their values
    for (p, v) in &e.when {
        root.insert_raw(&p.value.segments, &v.value);
    }
    let written = |p: &Pointer| {
        e.when.iter().any(|(q, _)| q.value == *p)
            || (e.code_range.is_some() && w.code.as_ref().is_some_and(|c| c.value == *p))
    };
    let own = if sample {
        &fields[..]
    } else {
        &fields[..e.fields.len()]
    };
    for f in own {
        let Some(p) = f.at_ptr.as_ref().filter(|p| !written(&p.value)) else {
            continue;
        };
        if !sample {
            root.insert(&p.value.segments, &format!("<{}>", c.type_text(f.ty.value)));
        } else if let Some(v) = sample::sample_json(c, f.ty.value) {
            root.insert_raw(&p.value.segments, &v);
        }
    }
    root.to_pretty()
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

fn entry_retry_words(e: &ErrorEntry) -> String {
    retry_words(
        e.retry,
        e.retry_after_field.as_ref().map(|f| f.value.as_str()),
    )
}

/// Renders the whole reference page.
///
/// ```
/// let shop = error_catalog_model::load_str("shop.toml", r#"
/// [service]
/// id = "shop"
/// name = "Shop API"
/// [wire]
/// preset = "nested"
/// [[errors]]
/// code = "RATE_LIMITED"
/// status = 429
/// message = "Too many requests"
/// retry = "backoff"
/// "#).unwrap();
/// let page = error_catalog_model::docs::render(&shop);
/// assert!(page.starts_with("# Shop API errors"));
/// assert!(page.contains("### `RATE_LIMITED`"));
/// assert!(page.contains("**Retry:** retry with exponential backoff"));
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
    render_format(&mut o, c);
    let headers = header_meanings(&c.headers);
    if !headers.is_empty() {
        let _ = writeln!(o, "## Response headers\n\n| Header | Meaning |\n|---|---|");
        for (name, meaning) in headers {
            let _ = writeln!(o, "| `{}` | {meaning} |", cell(name));
        }
        if let Some(n) = &c.headers.notes {
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
    render_types(&mut o, c);
    let _ = writeln!(o, "## Errors\n");
    for e in &c.errors {
        render_entry(&mut o, c, e);
    }
    let name = if c.wire.identity == Identity::Code {
        "Code"
    } else {
        "Name"
    };
    let _ = writeln!(
        o,
        "## Quick reference\n\n| {name} | Status | Message | Suggestion |\n|---|---|---|---|"
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
    render_reserved(&mut o, c);
    o
}

/// `## Reserved codes`: codes no error may use again, with their reasons,
/// when the catalog reserves any.
fn render_reserved(o: &mut String, c: &Catalog) {
    if c.reserved.is_empty() {
        return;
    }
    let _ = writeln!(
        o,
        "\n## Reserved codes\n\nCodes the service no longer sends; no error will use them again.\n\n| Code | Why |\n|---|---|"
    );
    for r in &c.reserved {
        let _ = writeln!(
            o,
            "| `{}` | {} |",
            cell(&r.code.value),
            cell(r.reason.as_deref().unwrap_or(""))
        );
    }
}

/// `## Object types`: each declared type's members, when the catalog has any.
fn render_types(o: &mut String, c: &Catalog) {
    if c.types.is_empty() {
        return;
    }
    let _ = writeln!(
        o,
        "## Object types\n\nObjects the errors' fields hold; members not listed are kept as received.\n"
    );
    for t in &c.types {
        let _ = writeln!(
            o,
            "### `{}`\n\n| Member | Type | Meaning |\n|---|---|---|",
            t.name.value
        );
        for m in &t.members {
            let _ = writeln!(
                o,
                "| `{}` | `{}` | {} |",
                cell(&m.wire.value),
                cell(&c.type_text(m.ty.value)),
                cell(m.doc.as_deref().unwrap_or(""))
            );
        }
        o.push('\n');
    }
}

/// `## Error response format`: the envelope, what identifies an error, and
/// (when the code does not) whose names the headings are; then an example.
fn render_format(o: &mut String, c: &Catalog) {
    let _ = writeln!(o, "## Error response format\n");
    let w = &c.wire;
    let shape = match w.preset.as_ref() {
        Some(p) => format!("the `{}` envelope", p.value.name()),
        None => "a custom envelope".to_string(),
    };
    let message_at = w
        .message
        .as_ref()
        .map(|p| format!(" at `{}`", p.value.text))
        .unwrap_or_default();
    let how = match (w.identity, &w.code) {
        (Identity::Code, Some(p)) => format!(
            "the code at `{}` identifies the error, and heads its section below",
            p.value.text
        ),
        (Identity::Code, None) => {
            "the code in the body identifies the error, and heads its section below".to_string()
        }
        (Identity::Message, _) => format!(
            "the HTTP status and the message{message_at} identify the error: each error \
             below says which status and message patterns recognise it"
        ),
        (Identity::Status, _) => format!(
            "the HTTP status identifies the error, and message patterns (matched against the \
             message{message_at}) tell apart errors that share a status or have none"
        ),
    };
    let _ = writeln!(
        o,
        "Errors travel as {shape} (`{}`); {how}.\n",
        w.content_type
    );
    if w.identity != Identity::Code {
        let example = c
            .errors
            .first()
            .map(|e| format!(" (e.g. `{}`)", e.code.value))
            .unwrap_or_default();
        let _ = match &w.code {
            None => writeln!(
                o,
                "The service sends no error code: the name heading each error below{example} \
                 is this catalog's own name for it.\n"
            ),
            Some(p) => writeln!(
                o,
                "The code at `{}` is not what identifies an error: the name heading each \
                 error below{example} is this catalog's own name for it.\n",
                p.value.text
            ),
        };
    }
    if w.integer_codes {
        let _ = writeln!(o, "Codes are JSON integers (`-32601`, not `\"-32601\"`).\n");
    }
    // the other envelopes, and how a body is found to be in one
    for env in &w.envelopes {
        let shape = match env.wire.preset.as_ref() {
            Some(p) => format!("the `{}` envelope", p.value.name()),
            None => "an envelope of its own".to_string(),
        };
        let code = env.wire.code.as_ref().map_or_else(String::new, |p| {
            format!(" (its code at `{}`)", p.value.text)
        });
        let _ = writeln!(
            o,
            "Some errors travel as {shape}{code}, named `{}` below: a body without the \
             main code that carries this one is read as one of them.\n",
            env.name.value
        );
    }
    // how a success is told from an error (the rule `error_in` applies)
    if w.success.is_empty() {
        let marker = match w.identity {
            Identity::Code => w
                .code
                .as_ref()
                .map(|p| format!("the code at `{}`", p.value.text)),
            Identity::Message => w
                .message
                .as_ref()
                .map(|p| format!("a message at `{}`", p.value.text)),
            Identity::Status => None,
        };
        let _ = match marker {
            Some(m) => writeln!(
                o,
                "A 2xx response is a success unless its body carries {m}.\n"
            ),
            None => writeln!(
                o,
                "A 2xx response is a success; a response with any other status is an error.\n"
            ),
        };
    } else {
        let marks: Vec<String> = w
            .success
            .iter()
            .map(|(p, v)| format!("`{}` = `{}`", p.value.text, v.value))
            .collect();
        let _ = writeln!(
            o,
            "Errors may come with any status, 200 included: a response below 400 whose body has {} is a success; any other response is an error.\n",
            marks.join(" and ")
        );
    }
    if let Some(e) = c.errors.first() {
        let _ = writeln!(o, "```json\n{}\n```\n", example_body(c, e));
    }
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
        entry_retry_words(e)
    );
    if let Some(env) = e
        .envelope
        .as_ref()
        .and_then(|i| c.wire.envelopes.get(i.value))
    {
        let _ = writeln!(o, "**Envelope:** `{}`\n", env.name.value);
    }
    if c.wire.identity != Identity::Code
        || !e.when.is_empty()
        || !e.sends_code()
        || e.code_range.is_some()
    {
        let _ = writeln!(o, "**Recognised by:** {}\n", recognised_by(c, e));
    }
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
    let fields = fields_of(c, e);
    if !fields.is_empty() {
        let _ = writeln!(o, "| Field | Type | Where | Meaning |\n|---|---|---|---|");
        for f in fields {
            let _ = writeln!(
                o,
                "| `{}` | `{}` | {} | {} |",
                cell(&f.wire.value),
                cell(&c.type_text(f.ty.value)),
                cell(&field_place(f)),
                cell(f.doc.as_deref().unwrap_or(""))
            );
        }
        o.push('\n');
    }
    for ex in &e.examples {
        let body = pretty_json(&ex.body.value).unwrap_or_else(|| ex.body.value.clone());
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
        // braces unescaped; `{field}` placeholders shown for the reader to fill
        let shown = error_catalog_core::command::render(&f.value, &Default::default());
        let _ = writeln!(o, "**Fix:**\n\n```sh\n{shown}\n```\n");
    }
    if let Some(d) = &e.docs_url {
        let _ = writeln!(o, "**Learn more:** <{d}>\n");
    }
    let _ = writeln!(o, "---\n");
}
