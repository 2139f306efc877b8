//! `import openapi SPEC`: a starter catalog from an OpenAPI 3.0 / 3.1
//! description: the envelope its error responses share (`envelope.rs`), the
//! headers they declare, one entry per enumerated code, else per documented
//! error status (`entries.rs`), their detail fields (`fields.rs`), the
//! spec's examples (`examples.rs`) and descriptions carried over, and a top
//! comment listing what a person must fill in, with `check`'s verdict
//! (`write.rs`). `spec.rs` reads the description and follows its `$ref`s.

mod entries;
mod envelope;
mod examples;
mod fields;
mod names;
mod spec;
mod write;

use std::path::Path;
use std::process::ExitCode;

use error_catalog_model::naming::{is_snake_case, snake_case};
use serde_json::Value;

use super::error::CliError;
use spec::Spec;

/// The catalog text imported from the description at `path`; `label` names
/// the catalog while `check` judges it for the top comment.
pub fn import_text(path: &Path, id: Option<&str>, label: &str) -> Result<String, CliError> {
    let spec_error = |e: spec::SpecError| CliError::Spec {
        path: path.display().to_string(),
        why: e.0,
    };
    let spec = Spec::load(path).map_err(spec_error)?;
    let responses = spec.error_responses().map_err(spec_error)?;
    let mut envelope = envelope::find_envelope(&spec, &responses).map_err(spec_error)?;
    // an integer `code` that lists no values usually repeats the HTTP status
    // (`{"code": 404, ...}`): errors are then told apart by status
    let mut status_code_note = None;
    if envelope.integer_codes
        && !entries::any_enumerated(&spec, &responses, &envelope).map_err(spec_error)?
    {
        if let Some(code) = envelope.code.take() {
            status_code_note = Some(format!(
                "codes: the integer member at `{}` lists no codes (it often repeats the \
                 status), so errors are told apart by status; if it names errors, set \
                 `[wire] code` to it and write each code",
                code.pointer
            ));
        }
        envelope.integer_codes = false;
    }
    let examples: Vec<Value> = responses
        .iter()
        .flat_map(|r| r.examples.iter().map(|e| e.value.clone()))
        .collect();
    let (wire_fields, left_out) =
        fields::envelope_fields(&spec, &envelope, &examples).map_err(spec_error)?;
    envelope.fields = wire_fields;
    let headers = envelope::find_headers(&responses);
    let mut entries = entries::build(&spec, &responses, &envelope).map_err(spec_error)?;
    entries.left_out.extend(status_code_note);
    entries.left_out.extend(left_out.into_iter().map(|pointer| {
        format!(
            "envelope member at `{pointer}` left out, to leave the decoder's 16 slots room for \
             each error's own fields"
        )
    }));
    let service = service(&spec, path, id)?;
    let origin = write::Origin {
        file: path.file_name().map_or_else(
            || path.display().to_string(),
            |f| f.to_string_lossy().into_owned(),
        ),
        version: spec.version.clone(),
        responses: responses.len(),
    };
    // `check`'s verdict goes into the top comment: a comment changes no verdict
    let draft = write::catalog(&origin, &service, &envelope, &headers, &entries, "…");
    let verdict = match error_catalog_model::load_str(label, &draft) {
        Ok(c) => format!("ok ({} errors)", c.errors.len()),
        Err(p) => format!(
            "{} problem(s); run `error-catalog check` on this file to see them",
            p.list.len()
        ),
    };
    Ok(write::catalog(
        &origin, &service, &envelope, &headers, &entries, &verdict,
    ))
}

/// `[service]`: the id given (or made from the title, else the file name),
/// the title, `externalDocs.url` and the description's first paragraph.
fn service(spec: &Spec, path: &Path, id: Option<&str>) -> Result<write::Service, CliError> {
    let info = spec.get("info");
    let title = info
        .and_then(|i| i.get("title"))
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|t| !t.is_empty());
    let id = match id {
        Some(id) if is_snake_case(id) => id.to_string(),
        Some(id) => return Err(CliError::ServiceId(id.to_string())),
        None => {
            let stem = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            [title.unwrap_or_default().to_string(), stem]
                .iter()
                .map(|t| snake_case(t))
                .find(|t| is_snake_case(t))
                .unwrap_or_else(|| "service".to_string())
        }
    };
    let description = info
        .and_then(|i| i.get("description"))
        .and_then(Value::as_str)
        .and_then(|d| d.split("\n\n").next())
        .map(|d| d.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|d| !d.is_empty());
    Ok(write::Service {
        name: title.map_or_else(|| id.clone(), str::to_string),
        id,
        docs_url: spec
            .get("externalDocs")
            .and_then(|d| d.get("url"))
            .and_then(Value::as_str)
            .map(str::to_string),
        description,
    })
}

/// Runs `import openapi`: writes the catalog to `output` (standard output
/// when there is none, or `-`), then prints `check`'s verdict on it, as
/// `check` prints it (to standard error when the catalog went to standard
/// output). Exits 1 when the catalog has problems.
pub fn run(
    spec_path: &Path,
    output: Option<&str>,
    id: Option<&str>,
    force: bool,
) -> Result<ExitCode, CliError> {
    match output.filter(|o| *o != "-") {
        None => {
            let text = import_text(spec_path, id, "<stdout>")?;
            out!("{text}");
            let ok = super::report(
                "<stdout>",
                error_catalog_model::load_str("<stdout>", &text),
                true,
            );
            Ok(if ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            })
        }
        Some(path) => {
            let file = Path::new(path);
            if file.exists() && !force {
                return Err(CliError::Exists(path.to_string()));
            }
            let text = import_text(spec_path, id, path)?;
            let made = super::new::write_making_folders(file, &text)?;
            outln!("wrote {path} from {}{made}", spec_path.display());
            let ok = super::report(path, error_catalog_model::load_file(file), false);
            Ok(if ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            })
        }
    }
}
