//! `error-catalog diff`: what changed between two versions of a catalog, and
//! what it breaks.

use super::error::CliError;
use std::path::Path;
use std::process::{Command, ExitCode};

use error_catalog_model::diff::{self, Category};
use error_catalog_model::model::Catalog;

use super::resolve;

/// How the report is written.
pub enum Format {
    /// One line per change, for people.
    Text,
    /// One JSON object, for scripts.
    Json,
    /// GitHub Actions workflow commands (annotations).
    Github,
}

/// Runs `diff`: `catalogs` is `[OLD, NEW]`, or `[FILE]` with `against`.
pub fn run(
    catalogs: &[String],
    against: Option<&str>,
    category: &str,
    format: Format,
) -> Result<ExitCode, CliError> {
    let (old, new) = match (against, catalogs) {
        (Some(rev), [file]) => {
            let new = resolve(file)?;
            match at_revision(rev, file)? {
                Some(old) => (old, new),
                None => {
                    // the change that adds the catalog: every error is new
                    let mut old = new.clone();
                    old.errors.clear();
                    old.reserved.clear();
                    eprintln!(
                        "note: `{file}` is not in {rev}: a new catalog, so every error is added (compatible)"
                    );
                    (old, new)
                }
            }
        }
        (Some(_), _) => {
            return Err(CliError::Usage("with `--against REV`, give one catalog file: the one to compare with its version in REV"))
        }
        (None, [old, new]) => (resolve(old)?, resolve(new)?),
        (None, _) => {
            return Err(CliError::Usage(
                "give two catalogs, OLD and NEW (or one file and `--against REV`)",
            ))
        }
    };
    let selected: &[Category] = match category {
        "wire" => &[Category::Wire],
        "source" => &[Category::Source],
        _ => &[Category::Wire, Category::Source],
    };
    let changes = diff::diff(&old, &new);
    match format {
        Format::Text => out!("{}", diff::render_text(&changes, &old, &new)),
        Format::Json => {
            let v = diff::render_json(&changes, &old, &new, selected);
            let text = serde_json::to_string_pretty(&v)?;
            outln!("{text}");
        }
        Format::Github => out!("{}", diff::render_github(&changes, &old, &new, selected)),
    }
    Ok(if changes.iter().any(|c| c.breaks_any(selected)) {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// The catalog `file` as it is in git revision `rev`, read with `git show`
/// (run in the file's folder, so any working directory will do); its path
/// is shown as `REV:file`. `None` when the revision exists but has no such
/// file (the change adds the catalog).
fn at_revision(rev: &str, file: &str) -> Result<Option<Catalog>, CliError> {
    let path = Path::new(file);
    let name = path
        .file_name()
        .ok_or_else(|| CliError::NotAFile(file.to_string()))?;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let spec = format!("{rev}:./{}", name.to_string_lossy());
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["show", &spec])
        .output()
        .map_err(|source| CliError::GitRun {
            spec: spec.clone(),
            source,
        })?;
    if !output.status.success() && absent_at(dir, rev, &spec) {
        return Ok(None);
    }
    if !output.status.success() {
        let why = String::from_utf8_lossy(&output.stderr);
        return Err(CliError::GitShow {
            file: file.to_string(),
            rev: rev.to_string(),
            why: why.trim().to_string(),
        });
    }
    let text = String::from_utf8(output.stdout).map_err(|_| CliError::NotUtf8 {
        file: file.to_string(),
        rev: rev.to_string(),
    })?;
    let shown = format!("{rev}:{file}");
    error_catalog_model::load_str(&shown, &text)
        .map(Some)
        .map_err(|problems| CliError::AtRevision {
            rev: rev.to_string(),
            problems,
        })
}

/// True when `rev` names a commit (run in `dir`) that has nothing at `spec`
/// (`REV:./file`): the file is new, not the revision wrong.
fn absent_at(dir: &Path, rev: &str, spec: &str) -> bool {
    let git = |args: &[&str]| {
        Command::new("git")
            .arg("-C")
            .arg(dir)
            .args(args)
            .output()
            .is_ok_and(|o| o.status.success())
    };
    git(&[
        "rev-parse",
        "--verify",
        "--quiet",
        &format!("{rev}^{{commit}}"),
    ]) && !git(&["cat-file", "-e", spec])
}
