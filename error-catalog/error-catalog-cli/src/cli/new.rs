//! `new SERVICE_ID`: a commented starter catalog that passes `check`.

use super::error::CliError;
use std::process::ExitCode;

use error_catalog_model::naming::{is_snake_case, upper_camel};

/// The starter catalog for `id`, to be written at `path` (its comments name it).
pub fn starter(id: &str, path: &str) -> String {
    let name = upper_camel(id);
    format!(
        r#"# Error catalog for the {name} service.
# Format reference: catalogs/error-catalog-services/FORMAT.md in the error-catalog repository.
# Check it with:   error-catalog check {path}
# Before merging a change: error-catalog diff --against origin/main {path}

# Codes the service no longer sends, so that no error takes them again
# (top-level, before the first table):
# reserved = ["OLD_CODE", {{ code = "GONE", reason = "merged into NOT_FOUND" }}]

[service]
id = "{id}"                       # snake_case; the Rust module name
name = "{name} API"               # shown in docs and `explain`
# enum_name = "{name}Error"       # the generated enum (this is the default)
# docs_url = "https://docs.example.com/errors"
# non_exhaustive = false          # the enum is #[non_exhaustive] unless this says false

[wire]
# How errors travel: status-only, flat, coded, message-only, nested, problem-json,
# or a custom form naming JSON pointers (code = "/error/code", message = ..., fields_at = ...).
preset = "nested"                 # {{"error": {{"code": ..., "message": ..., "details": ..., "field": ...}}}}

[headers]
retry_after = "Retry-After"
# rate_limit_limit = "X-RateLimit-Limit"
# rate_limit_remaining = "X-RateLimit-Remaining"
# rate_limit_reset = "X-RateLimit-Reset"
# request_id = "X-Request-Id"

[[errors]]
code = "NOT_FOUND"                # exactly as the service spells it
status = 404
message = "Resource {{id}} not found"  # {{placeholders}} name fields below
cause = "The id does not exist, or the resource was deleted."
suggestion = "Check the id and that you are using the right environment."
# docs_url = "https://docs.example.com/errors#not-found"
# fix_command = "curl https://api.example.com/resources"

[errors.fields]
id = "string"                     # string, bool, i32, i64, u8, u16, u32, u64, f64, json; `?` = optional

[[errors.examples]]
body = '{{"error": {{"code": "NOT_FOUND", "message": "Resource r_1 not found", "id": "r_1"}}}}'

[[errors]]
code = "RATE_LIMITED"
status = 429
message = "Too many requests"
suggestion = "Wait as long as the Retry-After header says, then retry."
retry = "after"                   # never, backoff, once, after
"#
    )
}

pub fn run(id: &str, output: Option<&str>, force: bool) -> Result<ExitCode, CliError> {
    if !is_snake_case(id) {
        return Err(CliError::ServiceId(id.to_string()));
    }
    let path = output.map_or_else(|| format!("{id}.toml"), str::to_string);
    if path == "-" {
        out!("{}", starter(id, &format!("{id}.toml")));
        return Ok(ExitCode::SUCCESS);
    }
    let text = starter(id, &path);
    let file = std::path::Path::new(&path);
    if file.exists() && !force {
        return Err(CliError::Exists(path));
    }
    let made = write_making_folders(file, &text)?;
    outln!("wrote {path}{made}; check it with: error-catalog check {path}");
    Ok(ExitCode::SUCCESS)
}

/// Writes `text` to `file`, making the folders on the way (`-o
/// errors/shop.toml` in a fresh repository); returns ` (made the folder
/// DIR)` when it made one, else nothing.
pub fn write_making_folders(file: &std::path::Path, text: &str) -> Result<String, CliError> {
    let write_error = |source| CliError::Write {
        path: file.to_path_buf(),
        source,
    };
    let made = match file
        .parent()
        .filter(|d| !d.as_os_str().is_empty() && !d.exists())
    {
        Some(dir) => {
            std::fs::create_dir_all(dir).map_err(write_error)?;
            format!(" (made the folder {})", dir.display())
        }
        None => String::new(),
    };
    std::fs::write(file, text).map_err(write_error)?;
    Ok(made)
}
