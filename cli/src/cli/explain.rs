//! `explain CODE`: everything the catalog says about an error, like `rustc --explain`.

use std::process::ExitCode;

use serde_json::json;

use super::style::{field, heading};
use crate::bundled;
use error_catalog_codegen::model::{Catalog, ErrorEntry};

pub fn run(code: &str, catalog: Option<&str>, json: bool) -> Result<ExitCode, String> {
    let catalogs: Vec<Catalog> = match catalog {
        Some(c) => vec![super::resolve(c)?],
        None => bundled::BUNDLED
            .iter()
            .map(|(n, _, _)| super::resolve(n))
            .collect::<Result<_, _>>()?,
    };
    let mut hits = Vec::new();
    for c in &catalogs {
        for e in &c.errors {
            if e.code.value == code || e.variant.value == code {
                hits.push((c, e));
            }
        }
    }
    if hits.is_empty() {
        let all = catalogs
            .iter()
            .flat_map(|c| c.errors.iter().map(|e| e.code.value.as_str()));
        let hint = match error_catalog_codegen::diag::did_you_mean(code, all) {
            Some(m) => format!("; did you mean `{m}`?"),
            None => String::new(),
        };
        eprintln!(
            "error: no error `{code}` in {}{hint}",
            catalog.unwrap_or("the bundled catalogs")
        );
        return Ok(ExitCode::FAILURE);
    }
    if json {
        let list: Vec<_> = hits.iter().map(|(c, e)| to_json(c, e)).collect();
        let out = if list.len() == 1 {
            list[0].clone()
        } else {
            serde_json::Value::Array(list)
        };
        outln!(
            "{}",
            serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?
        );
        return Ok(ExitCode::SUCCESS);
    }
    for (i, (c, e)) in hits.iter().enumerate() {
        if i > 0 {
            outln!();
        }
        print_entry(c, e);
    }
    Ok(ExitCode::SUCCESS)
}

fn retry_text(e: &ErrorEntry) -> String {
    let base = match e.retry.as_str() {
        "never" => "don't retry".to_string(),
        "backoff" => "retry with exponential backoff".to_string(),
        "once" => "retry once after a short delay".to_string(),
        _ => "wait as Retry-After says (back off when absent)".to_string(),
    };
    match &e.retry_after_field {
        Some(f) => format!("{base}; the body's `{}` gives the seconds", f.value),
        None => base,
    }
}

fn print_entry(c: &Catalog, e: &ErrorEntry) {
    outln!(
        "{}",
        heading(&format!(
            "{} — {} ({})",
            e.code.value, c.service.name.value, c.service.id.value
        ))
    );
    let status = e.status_u16().map(|s| s.to_string());
    field(
        "status",
        Some(status.as_deref().unwrap_or("none (client-side or varies)")),
    );
    field(
        "variant",
        Some(&format!(
            "{}::{}",
            c.service.enum_name.value, e.variant.value
        )),
    );
    field("message", Some(&e.message.value));
    field("cause", e.cause.as_deref());
    if !e.causes.is_empty() {
        field("causes", Some(&e.causes.join("; ")));
    }
    field("suggestion", e.suggestion.as_deref());
    for (i, s) in e.solutions.iter().enumerate() {
        field(
            if i == 0 { "solutions" } else { "" },
            Some(&format!("- {s}")),
        );
    }
    field("fix", e.fix_command.as_deref());
    field("docs", e.docs_url.as_deref());
    field("retry", Some(&retry_text(e)));
}

fn to_json(c: &Catalog, e: &ErrorEntry) -> serde_json::Value {
    json!({
        "catalog": c.service.id.value,
        "code": e.code.value,
        "variant": e.variant.value,
        "status": e.status_u16(),
        "message": e.message.value,
        "cause": e.cause,
        "causes": e.causes,
        "suggestion": e.suggestion,
        "solutions": e.solutions,
        "fix_command": e.fix_command,
        "docs_url": e.docs_url,
        "retry": e.retry.as_str(),
    })
}
