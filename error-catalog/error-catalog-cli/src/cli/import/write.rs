//! The catalog's TOML text: the top comment, `[service]`, `[wire]`,
//! `[headers]` and the entries, written in a fixed order.

use std::fmt::Write as _;

use super::entries::{Code, Entries, Entry};
use super::envelope::Envelope;
use super::fields::Field;
use error_catalog_model::model::Headers;

/// At most this many items of a list are named in the top comment.
const LIST_MAX: usize = 12;
/// At most this many operations are named above an entry.
const FROM_MAX: usize = 3;

/// What `[service]` says.
pub struct Service {
    /// The snake_case id.
    pub id: String,
    /// The display name.
    pub name: String,
    /// `externalDocs.url`.
    pub docs_url: Option<String>,
    /// The first paragraph of `info.description`.
    pub description: Option<String>,
}

/// Where the catalog came from, for the top comment.
pub struct Origin {
    /// The spec's file name.
    pub file: String,
    /// Its `openapi` version.
    pub version: String,
    /// How many error responses were read.
    pub responses: usize,
}

/// A TOML string: a literal `'...'` when the text allows one, else a basic
/// string with escapes.
pub fn string(text: &str) -> String {
    let literal_ok = !text.contains('\'') && !text.chars().any(char::is_control);
    if literal_ok && text.contains(['"', '\\']) {
        return format!("'{text}'");
    }
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A TOML key: bare when it can be, else quoted.
fn key(text: &str) -> String {
    let bare = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if bare {
        text.to_string()
    } else {
        string(text)
    }
}

/// A code as a TOML value.
fn code(c: &Code) -> String {
    match c {
        Code::Text(t) => string(t),
        Code::Integer(i) => i.to_string(),
    }
}

/// `a, b, c (and 4 more)`.
fn list(items: &[String]) -> String {
    let shown: Vec<&str> = items.iter().take(LIST_MAX).map(String::as_str).collect();
    let mut out = shown.join(", ");
    if items.len() > LIST_MAX {
        let _ = write!(out, " (and {} more)", items.len() - LIST_MAX);
    }
    out
}

/// Appends `text` as comment lines wrapped near 80 columns, each starting with `prefix`.
fn comment(out: &mut String, prefix: &str, text: &str) {
    let mut line = String::from(prefix);
    for word in text.split_whitespace() {
        if line.len() + word.len() + 1 > 80 && line.len() > prefix.len() {
            out.push_str(line.trim_end());
            out.push('\n');
            line = " ".repeat(prefix.len()).replacen(' ', "#", 1);
        }
        line.push_str(word);
        line.push(' ');
    }
    out.push_str(line.trim_end());
    out.push('\n');
}

/// What a person must fill in, one line each (for the top comment).
fn to_fill_in(entries: &Entries, envelope: &Envelope, responses: usize) -> Vec<String> {
    let mut todo = Vec::new();
    if entries.entries.is_empty() {
        todo.push(if responses == 0 {
            "errors: the description documents no error response; add the service's errors."
                .to_string()
        } else {
            "errors: none could be made: the error responses have no exact status and no \
             `enum` of codes; add the service's errors."
                .to_string()
        });
    }
    if !entries.untied.is_empty() {
        todo.push(format!(
            "statuses: the spec ties no single status to these codes, so they have none: {}.",
            list(&entries.untied)
        ));
    }
    let placeholders: Vec<String> = entries
        .entries
        .iter()
        .filter(|e| e.message_is_placeholder)
        .map(|e| e.code.text())
        .collect();
    if !placeholders.is_empty() {
        todo.push(format!(
            "messages: these are stand-ins made from the code, not the service's text: {}. \
             Write the real message templates, with {{field}} placeholders for the values they carry.",
            list(&placeholders)
        ));
    }
    let described = entries
        .entries
        .iter()
        .filter(|e| !e.message_is_placeholder)
        .count();
    if described > 0 {
        todo.push(format!(
            "messages: {described} are the spec's descriptions or examples, which may differ from \
             the text the service sends for every case."
        ));
    }
    let unretried: Vec<String> = entries
        .entries
        .iter()
        .filter(|e| !e.retry_after)
        .map(|e| e.code.text())
        .collect();
    if !unretried.is_empty() {
        todo.push(format!(
            "retry advice: a spec does not say which errors to retry; all but those whose \
             responses declare Retry-After are left at `never`: {}.",
            list(&unretried)
        ));
    }
    todo.push(
        "fields: the members an error's schema adds to the envelope are its fields, all \
         optional; say which are always there (drop the `?`) and name them in messages as \
         {placeholders}."
            .to_string(),
    );
    if envelope.code.is_none() && !entries.entries.is_empty() {
        todo.push(
            "codes: errors are told apart by status alone and each `code` is a name of our \
             choosing; give errors that share a status `matches` patterns to tell them apart."
                .to_string(),
        );
    }
    todo
}

/// The whole catalog text. `verdict` is `check`'s, for the top comment.
pub fn catalog(
    origin: &Origin,
    service: &Service,
    envelope: &Envelope,
    headers: &Headers,
    entries: &Entries,
    verdict: &str,
) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Imported by `error-catalog import openapi` from {} (OpenAPI {}): {} error \
         responses read.",
        origin.file, origin.version, origin.responses
    );
    out.push_str("# A starting point: read it against the service's documentation.\n#\n");
    out.push_str("# What the description cannot say, for a person to fill in:\n");
    for item in to_fill_in(entries, envelope, origin.responses) {
        comment(&mut out, "# - ", &item);
    }
    for c in &entries.catch_alls {
        comment(
            &mut out,
            "# - ",
            &format!(
                "the `{}` response of {} operation(s) ({}) {}: the generated enum's fallback \
                 variant `Unknown` is that catch-all, with status, code, message and body kept.",
                c.key,
                c.operations,
                if c.descriptions.is_empty() {
                    "no description".to_string()
                } else {
                    format!("\"{}\"", c.descriptions.join("\", \""))
                },
                if c.coded {
                    "carries the codes above; a body with any other code, or none, is no entry"
                } else {
                    "stands for any other error, which no entry can name by status"
                }
            ),
        );
    }
    for u in &entries.left_out {
        comment(&mut out, "# - ", &format!("{u}."));
    }
    out.push_str("#\n");
    comment(&mut out, "# ", &format!("check: {verdict}"));
    out.push('\n');

    out.push_str("[service]\n");
    let _ = writeln!(out, "id = {}", string(&service.id));
    let _ = writeln!(out, "name = {}", string(&service.name));
    if let Some(url) = &service.docs_url {
        let _ = writeln!(out, "docs_url = {}", string(url));
    }
    if let Some(d) = &service.description {
        let _ = writeln!(out, "description = {}", string(d));
    }
    out.push('\n');

    write_wire(&mut out, envelope);
    write_headers(&mut out, headers);
    for e in &entries.entries {
        write_entry(&mut out, e);
    }
    out
}

fn write_wire(out: &mut String, envelope: &Envelope) {
    let (shared, of) = envelope.shared_by;
    if of > 0 {
        let _ = writeln!(
            out,
            "# The envelope: {shared} of the {of} error responses with a JSON body share \
             its shape ({}).",
            envelope.shape.join(", ")
        );
    }
    out.push_str("[wire]\n");
    match (&envelope.code, &envelope.message) {
        (None, None) => out.push_str("preset = \"status-only\"\n"),
        (code, message) => {
            if let Some(c) = code {
                let _ = writeln!(out, "code = {}", string(&c.pointer));
            }
            if let Some(m) = message {
                let _ = writeln!(out, "message = {}", string(m));
            }
            if code.is_none() {
                out.push_str("identity = \"status\"\n");
            }
        }
    }
    if envelope.integer_codes {
        out.push_str("code_type = \"integer\"\n");
    }
    if let Some(d) = &envelope.docs_url {
        let _ = writeln!(out, "docs_url = {}", string(d));
    }
    if let Some((pointer, value)) = &envelope.success {
        let _ = writeln!(out, "success = {{ {} = {value} }}", string(pointer));
    }
    if envelope.request_id.is_some() || !envelope.fields.is_empty() {
        out.push_str("\n[wire.fields]\n");
    }
    if let Some(r) = &envelope.request_id {
        let _ = writeln!(
            out,
            "request_id = {{ type = \"string?\", at = {}, doc = \"The request's id.\" }}",
            string(r)
        );
    }
    for f in &envelope.fields {
        write_field(out, f);
    }
    out.push('\n');
}

fn write_headers(out: &mut String, h: &Headers) {
    let roles = [
        ("retry_after", &h.retry_after),
        ("rate_limit_limit", &h.rate_limit_limit),
        ("rate_limit_remaining", &h.rate_limit_remaining),
        ("rate_limit_reset", &h.rate_limit_reset),
        ("request_id", &h.request_id),
    ];
    if roles.iter().all(|(_, v)| v.is_none()) && h.keep.is_empty() {
        return;
    }
    out.push_str("# Headers the error responses declare.\n[headers]\n");
    for (role, name) in roles {
        if let Some(name) = name {
            let _ = writeln!(out, "{role} = {}", string(name));
        }
    }
    if !h.keep.is_empty() {
        let names: Vec<String> = h.keep.iter().map(|n| string(&n.value)).collect();
        let _ = writeln!(out, "keep = [{}]", names.join(", "));
    }
    out.push('\n');
}

/// One field: `name = { type, at, rust, doc }`.
fn write_field(out: &mut String, f: &Field) {
    let _ = write!(
        out,
        "{} = {{ type = {}, at = {}",
        key(&f.name),
        string(&f.ty),
        string(&f.at)
    );
    if let Some(rust) = &f.rust {
        let _ = write!(out, ", rust = {}", string(rust));
    }
    if let Some(doc) = &f.doc {
        let _ = write!(out, ", doc = {}", string(doc));
    }
    out.push_str(" }\n");
}

fn write_entry(out: &mut String, e: &Entry) {
    let shown: Vec<&str> = e.from.iter().take(FROM_MAX).map(String::as_str).collect();
    let mut from = shown.join(", ");
    if e.from.len() > FROM_MAX {
        let _ = write!(from, " and {} more", e.from.len() - FROM_MAX);
    }
    comment(out, "# from: ", &from);
    out.push_str("[[errors]]\n");
    let _ = writeln!(out, "code = {}", code(&e.code));
    if let Some(v) = &e.variant {
        let _ = writeln!(out, "variant = {}", string(v));
    }
    if !e.code_in_body {
        out.push_str("code_in_body = false\n");
    }
    if let Some(s) = e.status {
        let _ = writeln!(out, "status = {s}");
    }
    let _ = writeln!(
        out,
        "message = {}{}",
        string(&e.message),
        if e.message_is_placeholder {
            "  # a stand-in: write the service's message"
        } else {
            ""
        }
    );
    if let Some(t) = &e.title {
        let _ = writeln!(out, "title = {}", string(t));
    }
    if !e.causes.is_empty() {
        let causes: Vec<String> = e.causes.iter().map(|c| string(c)).collect();
        let _ = writeln!(out, "causes = [{}]", causes.join(", "));
    }
    if e.retry_after {
        out.push_str("retry = \"after\"\n");
    }
    if !e.fields.is_empty() {
        out.push_str("\n[errors.fields]\n");
        for f in &e.fields {
            write_field(out, f);
        }
    }
    for ex in &e.examples {
        let _ = writeln!(out, "\n# {}", ex.source);
        out.push_str("[[errors.examples]]\n");
        let _ = writeln!(out, "body = {}", string(&ex.body));
        if let Some(s) = ex.status {
            let _ = writeln!(out, "status = {s}");
        }
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::string;

    /// Every text comes back from the catalog as it went in.
    #[test]
    fn strings_read_back_as_written() {
        for text in [
            "plain",
            r#"{"json": "body"}"#,
            "it's \"both\"",
            "back\\slash",
            "line\nbreak\ttab",
            "bell\u{7}",
            "déjà vu – ✓",
            "",
        ] {
            let catalog = format!(
                "[service]\nid = \"s\"\nname = \"S\"\n[wire]\npreset = \"nested\"\n[[errors]]\ncode = \"E\"\nmessage = \"m\"\ntitle = {}\n",
                string(text)
            );
            let c = error_catalog_model::load_str("t.toml", &catalog)
                .unwrap_or_else(|p| panic!("{text:?}: {p}"));
            let title = c.errors[0].title.as_deref();
            assert_eq!(title, Some(text));
        }
        // JSON bodies without apostrophes stay readable: a literal string
        assert_eq!(string(r#"{"a": 1}"#), r#"'{"a": 1}'"#);
    }
}
