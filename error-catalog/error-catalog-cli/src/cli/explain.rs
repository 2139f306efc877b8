//! `explain CODE`: everything the catalog says about an error, like `rustc --explain`:
//! what it means and what to do, how a response is recognised as it, its fields and
//! an example body (keys in catalog order). `explain RULE-ID` prints a catalog
//! rule's explanation from the rule table (`placeholder-unknown`). `--json` prints
//! the same as JSON.

use super::error::CliError;
use std::process::ExitCode;

use serde_json::json;

use super::style::{field, heading};
use crate::bundled;
use error_catalog_model::docs;
use error_catalog_model::model::{Catalog, ErrorEntry, Field};
use error_catalog_model::response::fields_of;
use error_catalog_model::rules::Rule;

pub fn run(code: &str, catalog: Option<&str>, json: bool) -> Result<ExitCode, CliError> {
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
        if let Some(rule) = Rule::from_id(code) {
            return explain_rule(rule, json);
        }
        let all = catalogs
            .iter()
            .flat_map(|c| c.errors.iter().map(|e| e.code.value.as_str()));
        let rules = Rule::ALL.iter().map(|r| r.id());
        let hint = match error_catalog_model::diag::did_you_mean(code, all.chain(rules)) {
            Some(m) if Rule::from_id(m).is_some() => format!("; did you mean the rule `{m}`?"),
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
        outln!("{}", serde_json::to_string_pretty(&out)?);
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

/// A rule of the catalog format: its id and summary, then what it asks, why,
/// and how to fix a breach (the text of its FORMAT.md section).
fn explain_rule(rule: Rule, json: bool) -> Result<ExitCode, CliError> {
    if json {
        let v = json!({
            "rule": rule.id(),
            "summary": rule.summary(),
            "explanation": rule.explanation(),
        });
        outln!("{}", serde_json::to_string_pretty(&v)?);
    } else {
        outln!(
            "{}",
            heading(&format!("{} — {}", rule.id(), rule.summary()))
        );
        outln!();
        outln!("{}", rule.explanation());
    }
    Ok(ExitCode::SUCCESS)
}

fn retry_words(e: &ErrorEntry) -> String {
    docs::retry_words(
        e.retry,
        e.retry_after_field.as_ref().map(|f| f.value.as_str()),
    )
}

/// `name: type, place — meaning`, e.g. ``tier: u8, at `/details/tier` — the agent's tier``.
fn field_line(c: &Catalog, f: &Field) -> String {
    let place = match &f.at_ptr {
        Some(_) => format!("at {}", docs::field_place(f)),
        None => docs::field_place(f),
    };
    let meaning = f
        .doc
        .as_deref()
        .map(|d| format!(" — {d}"))
        .unwrap_or_default();
    format!(
        "{}: {}, {place}{meaning}",
        f.wire.value,
        c.type_text(f.ty.value)
    )
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
    field("recognised", Some(&docs::recognised_by(c, e)));
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
    let fix = e
        .fix_command
        .as_ref()
        .map(|f| error_catalog_core::command::render(&f.value, &Default::default()));
    field("fix", fix.as_deref());
    field("docs", e.docs_url.as_deref());
    field("retry", Some(&retry_words(e)));
    for (i, f) in fields_of(c, e).into_iter().enumerate() {
        field(
            if i == 0 { "fields" } else { "" },
            Some(&format!("- {}", field_line(c, f))),
        );
    }
    for (i, line) in docs::example_body(c, e).lines().enumerate() {
        field(if i == 0 { "example" } else { "" }, Some(line));
    }
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
        // the command as a reader sees it: braces unescaped, `{field}` kept
        "fix_command": e
            .fix_command
            .as_ref()
            .map(|f| error_catalog_core::command::render(&f.value, &Default::default())),
        "docs_url": e.docs_url,
        "retry": e.retry.as_str(),
        "retry_description": retry_words(e),
        "recognised_by": docs::recognised_by(c, e),
        "fields": fields_of(c, e).into_iter().map(|f| json!({
            "name": f.wire.value,
            "rust": f.rust.value,
            "type": c.type_text(f.ty.value),
            "meaning": f.doc,
            "at": f.at_ptr.as_ref().map(|p| &p.value.text),
        })).collect::<Vec<_>>(),
        // Text, so that its keys stay in the catalog's order.
        "example": docs::example_body(c, e),
    })
}
