//! TOML output: each proposal as entry text, and `--append`, which writes
//! them at the end of the catalog file (TOML lets more `[[errors]]` tables
//! follow, so its comments and order stay as they are), checks the file by
//! loading it again, and on any problem puts it back as it was.

use std::path::Path;

use super::super::error::CliError;
use super::propose::{ExampleRecord, Proposal};
use error_catalog_model::model::Catalog;

/// A TOML string: basic (`"…"`) when nothing needs escaping, else literal
/// (`'…'`) when it can be, else basic with escapes.
pub fn toml_str(s: &str) -> String {
    let plain = !s.chars().any(char::is_control);
    if plain && !s.contains(['"', '\\']) {
        return format!("\"{s}\"");
    }
    if plain && !s.contains('\'') {
        return format!("'{s}'");
    }
    if plain && !s.contains("'''") && !s.ends_with('\'') {
        return format!("'''{s}'''");
    }
    let mut out = String::from("\"");
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A TOML key: bare when it can be.
pub fn toml_key(s: &str) -> String {
    if !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        s.to_string()
    } else {
        toml_str(s)
    }
}

/// The entry as TOML text, led by a comment with its count and first record.
pub fn to_toml(c: &Catalog, p: &Proposal) -> String {
    let mut t = String::new();
    let statuses: Vec<String> = p
        .statuses
        .iter()
        .map(|(s, n)| format!("HTTP {s} ×{n}"))
        .collect();
    t.push_str(&format!(
        "# harvested: {} ({}), first at {}\n",
        super::count(p.count, "response", "responses"),
        statuses.join(", "),
        p.first_seen.replace('\n', " ")
    ));
    if let Some((n, example)) = &p.other_messages {
        t.push_str(&format!(
            "# and {} with other wording, such as {}\n",
            super::count(*n, "response", "responses"),
            toml_str(example).replace('\n', " ")
        ));
    }
    t.push_str("[[errors]]\n");
    let wire = match &p.envelope {
        Some(name) => c
            .wire
            .envelopes
            .iter()
            .find(|e| &e.name.value == name)
            .map_or(&c.wire, |e| &e.wire),
        None => &c.wire,
    };
    if wire.integer_codes && !p.named {
        t.push_str(&format!("code = {}\n", p.code));
    } else {
        t.push_str(&format!("code = {}\n", toml_str(&p.code)));
    }
    if let Some(name) = &p.envelope {
        t.push_str(&format!("envelope = {}\n", toml_str(name)));
    }
    if let Some(v) = &p.variant {
        t.push_str(&format!("variant = {}\n", toml_str(v)));
    }
    t.push_str(&format!("status = {}\n", p.status));
    t.push_str(&format!("message = {}\n", toml_str(&p.message)));
    if p.codeless {
        t.push_str("code_in_body = false\n");
    }
    if let Some(priority) = p.priority {
        t.push_str(&format!("priority = {priority}\n"));
    }
    if let Some(m) = &p.matches {
        let list: Vec<String> = m.iter().map(|s| toml_str(s)).collect();
        t.push_str(&format!("matches = [{}]\n", list.join(", ")));
    }
    if !p.fields.is_empty() {
        let decls: Vec<String> = p
            .fields
            .iter()
            .map(|f| match &f.at {
                None => format!("{} = {}", toml_key(&f.wire), toml_str(&f.ty)),
                Some(at) => format!(
                    "{} = {{ type = {}, at = {} }}",
                    toml_key(&f.wire),
                    toml_str(&f.ty),
                    toml_str(at)
                ),
            })
            .collect();
        t.push_str(&format!("fields = {{ {} }}\n", decls.join(", ")));
    }
    if let Some(ExampleRecord {
        status,
        headers,
        body,
    }) = &p.example
    {
        t.push_str("\n[[errors.examples]]\n");
        t.push_str(&format!("status = {status}\n"));
        if !headers.is_empty() {
            let hs: Vec<String> = headers
                .iter()
                .map(|(n, v)| format!("{} = {}", toml_key(n), toml_str(v)))
                .collect();
            t.push_str(&format!("headers = {{ {} }}\n", hs.join(", ")));
        }
        t.push_str(&format!("body = {}\n", toml_str(body)));
    }
    t
}

/// Appends `entries` (TOML text) to the catalog at `path`, whose text was
/// `original`, and loads it again; on failure restores `original` and
/// returns the problems.
pub fn append(path: &Path, original: &str, entries: &str) -> Result<(), CliError> {
    let mut text = original.to_string();
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push('\n');
    text.push_str(entries);
    let write = |t: &str| {
        std::fs::write(path, t).map_err(|source| CliError::Write {
            path: path.to_path_buf(),
            source,
        })
    };
    write(&text)?;
    match error_catalog_model::load_file(path) {
        Ok(_) => Ok(()),
        Err(problems) => {
            write(original)?;
            Err(CliError::Catalog(problems))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_strings() {
        assert_eq!(toml_str(r#"{"a": 1}"#), r#"'{"a": 1}'"#);
        assert_eq!(toml_str("it's"), r#""it's""#);
        assert_eq!(toml_str("a-b_1"), r#""a-b_1""#);
        assert_eq!(toml_key("a-b_1"), "a-b_1");
        assert_eq!(toml_key("a.b"), r#""a.b""#);
        assert_eq!(toml_str("it's \"x\"\n"), r#""it's \"x\"\n""#);
        assert_eq!(toml_str(r#"{"m": "it's"}"#), r#"'''{"m": "it's"}'''"#);
    }

    const CATALOG: &str = "# kept\n[service]\nid = \"shop\"\nname = \"Shop\"\n\n[wire]\npreset = \"nested\"\n\n[[errors]]\ncode = \"A\"\nstatus = 400\nmessage = \"A\"";

    fn temp(name: &str) -> std::path::PathBuf {
        std::env::temp_dir().join(format!("harvest-write-{}-{name}.toml", std::process::id()))
    }

    #[test]
    fn appends_after_the_text() {
        let path = temp("ok");
        std::fs::write(&path, CATALOG).unwrap();
        append(
            &path,
            CATALOG,
            "[[errors]]\ncode = \"B\"\nstatus = 404\nmessage = \"B\"\n",
        )
        .unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        let _ = std::fs::remove_file(&path);
        assert_eq!(
            text,
            format!("{CATALOG}\n\n[[errors]]\ncode = \"B\"\nstatus = 404\nmessage = \"B\"\n")
        );
    }

    #[test]
    fn a_catalog_with_problems_is_put_back() {
        let path = temp("bad");
        std::fs::write(&path, CATALOG).unwrap();
        let e = append(
            &path,
            CATALOG,
            "[[errors]]\ncode = \"A\"\nmessage = \"again\"\n",
        );
        let text = std::fs::read_to_string(&path).unwrap();
        let _ = std::fs::remove_file(&path);
        assert!(matches!(e, Err(CliError::Catalog(_))));
        assert_eq!(text, CATALOG);
    }
}
