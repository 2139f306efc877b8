//! Compile-time diagnostics of `#[derive(ApiError)]` and `error_catalog::catalog!`.
//!
//! Each case under `ui/fail/` makes one mistake (or, for `multi_error.rs`, three)
//! and its `.stderr` holds the exact diagnostic; the cases under `ui/pass/` must
//! compile and run (their `fn main` asserts on runtime behaviour).
//!
//! Regenerate the `.stderr` files with
//! `TRYBUILD=overwrite cargo test -p error-catalog-tests --test ui`, then read them.
//!
//! # Catalog paths
//!
//! Catalog paths are resolved against `CARGO_MANIFEST_DIR` of the crate being
//! compiled. Under trybuild that is not this crate's directory but trybuild's
//! generated project, `<target-dir>/tests/trybuild/error-catalog-tests/`. A path such
//! as `"../../../../tests/ui/catalogs/x.toml"` would only work while the target
//! directory is `<workspace>/target` (it breaks under `CARGO_TARGET_DIR`), and it
//! would show up in every diagnostic. Instead, before trybuild runs, this driver
//! copies `ui/catalogs/` into the generated project as `ui/catalogs/`, so the
//! cases write `"ui/catalogs/x.toml"`: the same path, relative to the manifest
//! directory, in this crate and in the generated project, whatever the target
//! directory is.

use std::fs;
use std::path::{Path, PathBuf};

/// trybuild's generated project: `<target-dir>/tests/trybuild/<package>/`.
/// `CARGO_TARGET_TMPDIR` is `<target-dir>/tmp`.
fn trybuild_project_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("CARGO_TARGET_TMPDIR lies inside the target directory")
        .join("tests")
        .join("trybuild")
        .join(env!("CARGO_PKG_NAME"))
}

/// Copies the cases' catalogs next to trybuild's generated manifest.
fn install_catalogs() {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/catalogs");
    let to = trybuild_project_dir().join("ui/catalogs");
    // Start afresh so that a catalog removed here is gone there too.
    let _ = fs::remove_dir_all(&to);
    fs::create_dir_all(&to).expect("create the catalog directory for trybuild");
    for entry in fs::read_dir(&from).expect("read ui/catalogs") {
        let path = entry.expect("list ui/catalogs").path();
        if path.extension().is_some_and(|e| e == "toml") {
            let name = path.file_name().expect("a file name");
            fs::copy(&path, to.join(name)).expect("copy a catalog for trybuild");
        }
    }
}

#[test]
fn ui() {
    install_catalogs();
    let t = trybuild::TestCases::new();
    t.compile_fail("ui/fail/derive/*.rs");
    t.compile_fail("ui/fail/catalog/*.rs");
    t.compile_fail("ui/fail/catalog_macro/*.rs");
    t.pass("ui/pass/*.rs");
}
