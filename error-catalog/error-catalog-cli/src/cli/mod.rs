//! The subcommands of the `error-catalog` binary.

mod classify;
mod diff;
mod error;
mod explain;
mod harvest;
mod import;
mod new;
mod style;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use error_catalog_model::load_file;
use error_catalog_model::model::Catalog;

use crate::bundled;
pub use error::CliError;

/// Check, explain, classify and document API error catalogs, and learn them from traffic.
///
/// Every CATALOG is a bundled catalog's name (moca_air, kya, rakomi, aironclaw,
/// customer_verification) or a path to a catalog file.
#[derive(Parser)]
#[command(name = "error-catalog", version, about)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Validate catalogs; prints every problem as file:line:column and exits 1 on any.
    Check {
        /// Catalogs to check (all bundled ones when none is given).
        catalogs: Vec<String>,
    },
    /// Explain an error code (status, message, how it is recognised, cause, fields, an example body, suggestion, fix, docs, retry) or a catalog rule id (what it asks, why, how to fix).
    Explain {
        /// The code (or variant name), e.g. RATE_LIMITED or token/expired, or a rule id such as placeholder-unknown.
        code: String,
        /// Search only this catalog (default: every bundled one).
        #[arg(long)]
        catalog: Option<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Say which error a raw response body is, its fields, and what to do next.
    Classify {
        /// The catalog to classify against.
        #[arg(long)]
        catalog: String,
        /// The HTTP status the body came with.
        #[arg(long)]
        status: u16,
        /// A response header, `Name: value` (repeatable).
        #[arg(long = "header", value_name = "NAME: VALUE")]
        headers: Vec<String>,
        /// The body file, or `-` for standard input (the default).
        body: Option<String>,
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Render a Markdown error reference for a catalog.
    Docs {
        /// The catalog.
        catalog: String,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Write the JSON Schema (2020-12) of a catalog's error bodies: one schema
    /// per error and one for the whole envelope.
    Schema {
        /// The catalog.
        catalog: String,
        /// The RFC 9457 problem details form (`application/problem+json`).
        #[arg(long)]
        problem_json: bool,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Write an OpenAPI 3.1 fragment (components.schemas and
    /// components.responses, one response per status) to merge into a spec.
    Openapi {
        /// The catalog.
        catalog: String,
        /// `yaml` or `json`.
        #[arg(long, default_value = "yaml", value_parser = ["yaml", "json"])]
        format: String,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Compare two versions of a catalog: list every change with its rule and
    /// place, say what it breaks (the wire: clients parsing bodies; source:
    /// Rust code using the enum) and the version bump it needs. Exits 1 when
    /// a change breaks the selected category.
    Diff {
        /// OLD and NEW catalogs; with `--against`, the one catalog file.
        #[arg(required = true, num_args = 1..=2, value_name = "CATALOG")]
        catalogs: Vec<String>,
        /// Compare the file with its version in this git revision (read with
        /// `git show`), e.g. `origin/main`.
        #[arg(long, value_name = "REV")]
        against: Option<String>,
        /// Which breaking changes make the exit status 1.
        #[arg(long, default_value = "all", value_parser = ["wire", "source", "all"])]
        category: String,
        /// Print one JSON object (the same as `--format json`).
        #[arg(long)]
        json: bool,
        /// `text`, `json`, or `github` (workflow commands that annotate a pull request).
        #[arg(long, default_value = "text", value_parser = ["text", "json", "github"])]
        format: String,
    },
    /// Read recorded responses (JSON Lines, one `{"status", "headers", "body"}`
    /// a line, or HAR 1.2 files), count the ones the catalog knows per
    /// entry, and propose TOML entries for the others: grouped by code (or
    /// message shape, or status, as the catalog identifies errors), each
    /// with its count, its first response as an example, a generated name
    /// and the template its messages share. Every proposal passes `check`.
    Harvest {
        /// The catalog the responses are from.
        #[arg(long)]
        catalog: String,
        /// Files of recorded responses (`-` for standard input).
        #[arg(required = true, value_name = "RECORDS")]
        records: Vec<String>,
        /// Write the proposals at the end of the catalog file (its comments
        /// and order kept); it is checked again, and put back on a problem.
        #[arg(long)]
        append: bool,
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Start a catalog from another description of the service's errors.
    Import {
        #[command(subcommand)]
        source: ImportSource,
    },
    /// Write a commented starter catalog for a new service.
    New {
        /// The service id, snake_case (also the file name: SERVICE_ID.toml).
        service_id: String,
        /// Where to write it (default: SERVICE_ID.toml; `-` for standard output).
        #[arg(short, long)]
        output: Option<String>,
        /// Overwrite an existing file.
        #[arg(long)]
        force: bool,
    },
}

/// What `import` reads.
#[derive(Subcommand)]
enum ImportSource {
    /// Read an OpenAPI 3.0 or 3.1 description (JSON or YAML) and write a
    /// starter catalog: the envelope its error responses share, their headers,
    /// one error per enumerated code (else per documented error status), its
    /// examples and descriptions, and a top comment listing what to fill in.
    /// Prints `check`'s verdict on the result; exits 1 when it has problems.
    Openapi {
        /// The description's file.
        spec: PathBuf,
        /// Where to write the catalog (default: standard output; `-` too).
        #[arg(short, long)]
        output: Option<String>,
        /// The service id, snake_case (default: from the spec's title).
        #[arg(long)]
        id: Option<String>,
        /// Overwrite an existing file.
        #[arg(long)]
        force: bool,
    },
}

/// Runs one command.
pub fn run(cli: Cli) -> Result<ExitCode, CliError> {
    match cli.command {
        Command::Check { catalogs } => Ok(check(catalogs)),
        Command::Explain {
            code,
            catalog,
            json,
        } => explain::run(&code, catalog.as_deref(), json),
        Command::Classify {
            catalog,
            status,
            headers,
            body,
            json,
        } => classify::run(&catalog, status, &headers, body.as_deref(), json),
        Command::Docs { catalog, output } => {
            let c = resolve(&catalog)?;
            let page = error_catalog_model::docs::render(&c);
            write_or_print(output, &page)
        }
        Command::Schema {
            catalog,
            problem_json,
            output,
        } => {
            let c = resolve(&catalog)?;
            let schema = if problem_json {
                error_catalog_model::schema::problem(&c)
            } else {
                error_catalog_model::schema::envelope(&c)
            };
            let text = serde_json::to_string_pretty(&schema)? + "\n";
            write_or_print(output, &text)
        }
        Command::Openapi {
            catalog,
            format,
            output,
        } => {
            let c = resolve(&catalog)?;
            let fragment = error_catalog_model::openapi::fragment(&c);
            let text = if format == "json" {
                serde_json::to_string_pretty(&fragment)? + "\n"
            } else {
                error_catalog_model::openapi::to_yaml(&fragment)
            };
            write_or_print(output, &text)
        }
        Command::Diff {
            catalogs,
            against,
            category,
            json,
            format,
        } => {
            let format = match (json, format.as_str()) {
                (true, "github") => {
                    return Err(CliError::Usage(
                        "`--json` and `--format github` ask for different reports: choose one",
                    ))
                }
                (true, _) | (false, "json") => diff::Format::Json,
                (false, "github") => diff::Format::Github,
                _ => diff::Format::Text,
            };
            diff::run(&catalogs, against.as_deref(), &category, format)
        }
        Command::Harvest {
            catalog,
            records,
            append,
            json,
        } => harvest::run(&catalog, &records, append, json),
        Command::Import {
            source:
                ImportSource::Openapi {
                    spec,
                    output,
                    id,
                    force,
                },
        } => import::run(&spec, output.as_deref(), id.as_deref(), force),
        Command::New {
            service_id,
            output,
            force,
        } => new::run(&service_id, output.as_deref(), force),
    }
}

/// Writes `text` to `output`, or to standard output when there is none.
fn write_or_print(output: Option<PathBuf>, text: &str) -> Result<ExitCode, CliError> {
    match output {
        Some(path) => {
            std::fs::write(&path, text).map_err(|source| CliError::Write { path, source })?
        }
        None => out!("{text}"),
    }
    Ok(ExitCode::SUCCESS)
}

/// Loads a bundled catalog by name or a catalog file by path; problems become the error text.
pub fn resolve(name_or_path: &str) -> Result<Catalog, CliError> {
    let result = match bundled::load(name_or_path) {
        Some(r) => r,
        None => {
            if !std::path::Path::new(name_or_path).exists() {
                let names: Vec<&str> = bundled::BUNDLED.iter().map(|(n, _, _)| *n).collect();
                let hint = match error_catalog_model::diag::did_you_mean(
                    name_or_path,
                    names.iter().copied(),
                ) {
                    Some(m) => format!("did you mean `{m}`?"),
                    None => format!("bundled catalogs: {}", names.join(", ")),
                };
                return Err(CliError::NoCatalog {
                    name: name_or_path.to_string(),
                    hint,
                });
            }
            load_file(name_or_path)
        }
    };
    result.map_err(CliError::Catalog)
}

fn check(paths: Vec<String>) -> ExitCode {
    let paths = if paths.is_empty() {
        bundled::BUNDLED
            .iter()
            .map(|(id, _, _)| id.to_string())
            .collect()
    } else {
        paths
    };
    let (mut problems_found, mut unreadable) = (false, false);
    for p in paths {
        let result = match bundled::load(&p) {
            Some(r) => r,
            None if !std::path::Path::new(&p).exists() => {
                unreadable = true;
                match resolve(&p) {
                    Err(e) => eprintln!("error: {e}"),
                    Ok(_) => eprintln!("error: cannot read `{p}`"),
                }
                continue;
            }
            None => load_file(&p),
        };
        problems_found |= !report(&p, result, false);
    }
    if unreadable {
        ExitCode::from(2)
    } else if problems_found {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Prints `check`'s verdict on one catalog: `LABEL: ok (N errors)` on
/// standard output (standard error when `to_stderr`, as when the catalog
/// itself went to standard output), or every problem and their count on
/// standard error. True when the catalog is ok.
fn report(
    label: &str,
    result: Result<Catalog, error_catalog_model::diag::Problems>,
    to_stderr: bool,
) -> bool {
    match result {
        Ok(c) if to_stderr => {
            eprintln!("{label}: ok ({} errors)", c.errors.len());
            true
        }
        Ok(c) => {
            outln!("{label}: ok ({} errors)", c.errors.len());
            true
        }
        Err(problems) => {
            eprintln!("{problems}");
            eprintln!("{label}: {} problem(s)", problems.list.len());
            false
        }
    }
}
