//! `classify`: which error a raw response is, and what to do next.

use std::io::Read as _;
use std::process::ExitCode;
use std::time::SystemTime;

use serde_json::{json, Value};

use super::error::CliError;
use super::style::{field, heading};
use error_catalog_core::headers::ResponseHeaders;
use error_catalog_core::retry::{DelaySeconds, RetryRule};
use error_catalog_core::template::Template;
use error_catalog_model::model::Catalog;
use error_catalog_model::response::{decode_with, is_success};

fn read_body(body: Option<&str>) -> Result<Vec<u8>, CliError> {
    match body {
        None | Some("-") => {
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .map_err(CliError::Stdin)?;
            Ok(buf)
        }
        Some(path) => std::fs::read(path).map_err(|source| CliError::Read {
            path: path.to_string(),
            source,
        }),
    }
}

/// `--header` lines as (name, value) pairs.
fn header_pairs(lines: &[String]) -> Result<Vec<(&str, &str)>, CliError> {
    lines
        .iter()
        .map(|line| match line.split_once(':') {
            Some((name, value)) => Ok((name.trim(), value.trim())),
            None => Err(CliError::Header(line.clone())),
        })
        .collect()
}

/// Headers read by the catalog's header names (the standard ones where it
/// names none), as the generated enum's `HEADER_NAMES` reads them.
fn headers(c: &Catalog, pairs: &[(&str, &str)]) -> ResponseHeaders {
    let keep: Vec<&str> = c.headers.keep.iter().map(|k| k.value.as_str()).collect();
    let names = c.headers.names(&keep);
    ResponseHeaders::from_pairs_with(&names, pairs.iter().copied())
}

fn render_value(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

pub fn run(
    catalog: &str,
    status: u16,
    header_lines: &[String],
    body: Option<&str>,
    json_out: bool,
) -> Result<ExitCode, CliError> {
    let c = super::resolve(catalog)?;
    let body = read_body(body)?;
    let pairs = header_pairs(header_lines)?;
    let headers = headers(&c, &pairs);
    // a success by the catalog's rule (the check generated code makes too)
    if is_success(&c, status, &body) {
        if json_out {
            let out = json!({"success": true, "known": false, "status": status});
            outln!("{}", serde_json::to_string_pretty(&out)?);
        } else {
            outln!("{}", heading(&format!("not an error — HTTP {status}")));
            let why = if c.wire.success.is_empty() {
                "a 2xx response whose body does not carry what identifies an error"
            } else {
                "the body has the catalog's success marks (`[wire] success`)"
            };
            field("why", Some(why));
        }
        return Ok(ExitCode::SUCCESS);
    }
    let r = decode_with(&c, status, &pairs, &body);
    let entry = r.entry.map(|i| &c.errors[i]);
    let (rule, field_seconds) = match entry {
        Some(e) => {
            let secs = e
                .retry_after_field
                .as_ref()
                .and_then(|f| r.fields.get(&f.value))
                .and_then(DelaySeconds::delay_seconds);
            (e.retry, secs)
        }
        None => (RetryRule::for_unknown_status(Some(status)), None),
    };
    let advice = rule.advise(&headers, field_seconds, SystemTime::now());
    let message = match (&r.message, entry) {
        (Some(m), _) => Some(m.clone()),
        (None, Some(e)) => Template::parse(&e.message.value)
            .ok()
            .map(|t| t.render(|name| r.fields.get(name).map(render_value))),
        (None, None) => None,
    };
    // the fix command with this response's values, as generated code renders it
    let fix = entry
        .and_then(|e| e.fix_command.as_ref())
        .map(|f| error_catalog_core::command::render(&f.value, &r.fields));
    if json_out {
        let out = json!({
            "known": entry.is_some(),
            "code": entry.map(|e| e.code.value.clone()).or_else(|| r.code.clone()),
            "variant": entry.map(|e| e.variant.value.clone()).unwrap_or_else(|| "Unknown".to_string()),
            "status": status,
            "fields": r.fields,
            "message": message,
            "suggestion": entry.and_then(|e| e.suggestion.clone()),
            "fix_command": fix,
            "docs_url": entry.and_then(|e| e.docs_url.clone()),
            "retry": {"kind": advice.kind(), "seconds": advice.seconds()},
            "request_id": headers.request_id,
            "headers": headers.kept.iter().map(|(k, v)| (k.to_string(), Value::from(v))).collect::<serde_json::Map<_, _>>(),
            "extras": r.extras.iter().map(|(p, v)| (p.clone(), v.clone())).collect::<serde_json::Map<_, _>>(),
            // optional fields whose value (among the extras) is not of their type
            "unread": r.unread.iter().map(|(p, why)| (p.clone(), Value::from(why.as_str()))).collect::<serde_json::Map<_, _>>(),
            "reason": r.reason,
        });
        outln!("{}", serde_json::to_string_pretty(&out)?);
    } else {
        match entry {
            Some(e) => outln!(
                "{}",
                heading(&format!(
                    "{} ({}::{}) — HTTP {status}",
                    e.code.value, c.service.enum_name.value, e.variant.value
                ))
            ),
            None => outln!(
                "{}",
                heading(&format!("unrecognised response — HTTP {status}"))
            ),
        }
        field("message", message.as_deref());
        if entry.is_none() {
            field("code", r.code.as_deref());
            field("reason", r.reason.as_deref());
        }
        for (k, v) in &r.fields {
            field("field", Some(&format!("{k} = {v}")));
        }
        for (p, v) in &r.extras {
            field("extra", Some(&format!("{p} = {v}")));
        }
        for (p, why) in &r.unread {
            field("unread", Some(&format!("{p}: {why}")));
        }
        field("suggestion", entry.and_then(|e| e.suggestion.as_deref()));
        field("fix", fix.as_deref());
        field("docs", entry.and_then(|e| e.docs_url.as_deref()));
        field("request id", headers.request_id.as_deref());
        for (k, v) in headers.kept.iter() {
            field("header", Some(&format!("{k}: {v}")));
        }
        field("next", Some(&advice.to_string()));
    }
    Ok(if entry.is_some() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
