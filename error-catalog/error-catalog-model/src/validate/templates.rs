//! The rules on message templates and patterns: balanced braces, placeholders
//! that name single-value fields, and patterns that can be read back.

use super::*;

/// The place of byte `offset` of a string value's text, mapped back through the
/// TOML quoting (basic or literal, one-line or multi-line, with escapes).
fn template_at(file: Option<&SourceFile>, at: &At, offset: usize) -> At {
    let (At::Toml(r), Some(f)) = (at, file) else {
        return at.clone();
    };
    let Some(raw) = f.text.get(r.clone()) else {
        return at.clone();
    };
    let (quote_len, literal) = if raw.starts_with("\'\'\'") {
        (3, true)
    } else if raw.starts_with("\"\"\"") {
        (3, false)
    } else if raw.starts_with('\'') {
        (1, true)
    } else {
        (1, false)
    };
    let mut i = quote_len;
    if quote_len == 3 {
        if raw[i..].starts_with("\r\n") {
            i += 2;
        } else if raw[i..].starts_with('\n') {
            i += 1;
        }
    }
    let bytes = raw.as_bytes();
    let mut decoded = 0;
    while decoded < offset && i < bytes.len() {
        if !literal && bytes[i] == b'\\' {
            match bytes.get(i + 1) {
                Some(b'u') => {
                    decoded += raw
                        .get(i + 2..i + 6)
                        .and_then(|h| u32::from_str_radix(h, 16).ok())
                        .and_then(char::from_u32)
                        .map_or(1, char::len_utf8);
                    i += 6;
                }
                Some(b'U') => {
                    decoded += raw
                        .get(i + 2..i + 10)
                        .and_then(|h| u32::from_str_radix(h, 16).ok())
                        .and_then(char::from_u32)
                        .map_or(1, char::len_utf8);
                    i += 10;
                }
                Some(b' ' | b'\t' | b'\r' | b'\n') => {
                    i += 1;
                    while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\r' | b'\n') {
                        i += 1;
                    }
                }
                _ => {
                    decoded += 1;
                    i += 2;
                }
            }
        } else {
            let len = raw[i..].chars().next().map_or(1, char::len_utf8);
            decoded += len;
            i += len;
        }
    }
    At::Toml(r.start + i..r.start + i + 1)
}

/// Rule: message templates and patterns have balanced braces, every placeholder
/// names a field that is not a list or a declared object, and no two
/// placeholders stand side by side in a pattern.
pub(super) fn check_templates(c: &Catalog, d: &mut Vec<Diagnostic>) {
    for e in &c.errors {
        let mut texts = vec![("message", &e.message, false)];
        texts.extend(e.matches.iter().map(|m| ("matches", m, true)));
        texts.extend(e.fix_command.iter().map(|f| ("fix_command", f, false)));
        for (key, text, is_pattern) in texts {
            let t = match Template::parse(&text.value) {
                Ok(t) => t,
                Err(err) => {
                    d.push(Diagnostic::new(
                        Rule::TemplateSyntax,
                        &template_at(c.file.as_ref(), &text.at, err.offset),
                        format!("`{key}` of error `{}`: {}", e.code.value, err.message),
                    ));
                    continue;
                }
            };
            for seg in &t.segments {
                if let error_catalog_core::template::Segment::Hole { name, offset } = seg {
                    let field = all_fields(c, e).find(|f| &f.wire.value == name);
                    if let Some(f) = field.filter(|f| f.ty.value.is_compound()) {
                        d.push(
                            Diagnostic::new(
                                Rule::PlaceholderCompound,
                                &template_at(c.file.as_ref(), &text.at, *offset),
                                format!(
                                    "placeholder `{{{name}}}` in `{key}` of error `{}` names a field of type `{}`, which no text can hold",
                                    e.code.value,
                                    c.type_text(f.ty.value)
                                ),
                            )
                            .help("a placeholder shows one value: name a field of a single-value type, or leave the list out of the text"),
                        );
                    }
                    if sound(c, e) && field.is_none() {
                        let names: Vec<&str> =
                            all_fields(c, e).map(|f| f.wire.value.as_str()).collect();
                        let mut diag = Diagnostic::new(
                            Rule::PlaceholderUnknown,
                            &template_at(c.file.as_ref(), &text.at, *offset),
                            format!(
                                "placeholder `{{{name}}}` in `{key}` of error `{}` names no field",
                                e.code.value
                            ),
                        );
                        diag = match crate::diag::did_you_mean(name, names.iter().copied()) {
                            Some(m) => diag.help(format!("did you mean `{{{m}}}`?")),
                            None if matches!(text.at, At::Toml(_)) => diag.help(format!(
                                "declare it under `[errors.fields]`, e.g. `{name} = \"string\"`"
                            )),
                            None => diag.help(format!(
                                "add a field named `{name}` to the variant, or write `{{{{{name}}}}}` for literal braces"
                            )),
                        };
                        d.push(diag);
                    }
                }
            }
            if is_pattern {
                if let Some(off) = t.has_adjacent_holes() {
                    d.push(Diagnostic::new(
                        Rule::PlaceholdersAdjacent,
                        &template_at(c.file.as_ref(), &text.at, off),
                        format!("pattern of error `{}` has two placeholders side by side, which cannot be told apart", e.code.value),
                    ).help("put literal text between the placeholders"));
                }
            }
        }
    }
}

/// Rule: every `matches` pattern is read by a classification step. Under
/// `identity = "code"` an error sent with its code is found by the code
/// alone, so its patterns would never be tried.
pub(super) fn check_patterns_read(c: &Catalog, d: &mut Vec<Diagnostic>) {
    if c.wire.identity != Identity::Code || c.wire.damaged {
        return;
    }
    for e in c.errors.iter().filter(|e| sound(c, e) && e.sends_code()) {
        let Some(first) = e.matches.first() else {
            continue;
        };
        d.push(
            Diagnostic::new(
                Rule::PatternUnread,
                &first.at,
                format!(
                    "`matches` of error `{}` is never read: this catalog's errors are identified by their code, and `{}` is sent with one",
                    e.code.value, e.code.value
                ),
            )
            .help("remove `matches`; or, if the service sends this error without a code, set `code_in_body = false`"),
        );
    }
}
