//! Why a command could not run: the program prints it after `error: ` and exits
//! with status 2.

use std::path::PathBuf;

use error_catalog_model::diag::Problems;

/// A command's failure (usage or I/O), as opposed to what it found (problems
/// in a catalog, an unknown response: status 1).
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// The arguments ask for something that cannot be done.
    #[error("{0}")]
    Usage(&'static str),
    /// A `--header` line that is not `Name: value`.
    #[error("--header `{0}` is not `Name: value`")]
    Header(String),
    /// `new`'s service id is not snake_case.
    #[error("service id `{0}` must be snake_case (lowercase letters, digits and `_`, starting with a letter)")]
    ServiceId(String),
    /// `new` would overwrite a file.
    #[error("`{0}` exists; pass --force to overwrite it")]
    Exists(String),
    /// A name that is neither a bundled catalog nor a file.
    #[error("no catalog `{name}`: not a bundled name nor a file ({hint})")]
    NoCatalog {
        /// The name given.
        name: String,
        /// A did-you-mean, or the bundled names.
        hint: String,
    },
    /// A catalog with problems (they are listed, each with its place).
    #[error("{0}")]
    Catalog(Problems),
    /// A file that could not be read.
    #[error("cannot read `{path}`: {source}")]
    Read {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// A records file that is not JSON Lines nor HAR.
    #[error("cannot read records from `{path}`: {why}")]
    Records {
        /// The file.
        path: String,
        /// Why.
        why: String,
    },
    /// Standard input could not be read.
    #[error("cannot read standard input: {0}")]
    Stdin(std::io::Error),
    /// A file that could not be written.
    #[error("cannot write `{}`: {source}", path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// `git` could not be started.
    #[error("cannot run `git` to read `{spec}`: {source}")]
    GitRun {
        /// What was to be read (`REV:./file`).
        spec: String,
        /// Why.
        source: std::io::Error,
    },
    /// `git` could not show the file at the revision.
    #[error("cannot read `{file}` at revision `{rev}`: {why}")]
    GitShow {
        /// The catalog file.
        file: String,
        /// The revision.
        rev: String,
        /// What git said.
        why: String,
    },
    /// A path with no file name.
    #[error("`{0}` is not a file path")]
    NotAFile(String),
    /// The catalog at a revision is not UTF-8.
    #[error("`{file}` at revision `{rev}` is not UTF-8")]
    NotUtf8 {
        /// The catalog file.
        file: String,
        /// The revision.
        rev: String,
    },
    /// The catalog at a revision has problems.
    #[error("the catalog at revision `{rev}` has problems:\n{problems}")]
    AtRevision {
        /// The revision.
        rev: String,
        /// Its problems.
        problems: Problems,
    },
    /// A description `import` cannot read.
    #[error("cannot import `{path}`: {why}")]
    Spec {
        /// The file.
        path: String,
        /// Why.
        why: String,
    },
    /// A report that could not be written as JSON.
    #[error(transparent)]
    Json(#[from] serde_json::Error),
}
