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

#[cfg(test)]
mod tests {
    use super::*;

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
