//! `--append`: the proposals written at the end of the catalog file (TOML
//! lets more `[[errors]]` tables follow, so its comments and order stay as
//! they are), checked by loading the file again; on any problem the file is
//! put back as it was.

use std::path::Path;

use super::super::error::CliError;

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
