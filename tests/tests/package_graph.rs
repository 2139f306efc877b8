//! The package graph a user builds. `error-catalog`, with no features and with
//! every integration, compiles one version of syn (and of quote and proc-macro2):
//! the code generator is on the syn that serde_derive, which every user builds,
//! is on (issue 31). A second syn would be compiled in every user's cold build.
//!
//! The graph is read with `cargo tree --locked` from the workspace's Cargo.lock:
//! nothing is resolved anew, and the target directory is not involved.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;

/// Every integration feature of `error-catalog`.
const ALL_FEATURES: &[&str] = &[
    "http",
    "axum",
    "reqwest",
    "reqwest-blocking",
    "miette",
    "utoipa",
];

/// `cargo tree` of `error-catalog` with `features`, over normal and build
/// dependencies (proc-macros' own included), one package a line, then `extra`.
fn tree(features: &[&str], extra: &[&str]) -> String {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR")).join("../Cargo.toml");
    let mut cmd = Command::new(cargo);
    cmd.args(["tree", "--locked", "--color", "never", "--manifest-path"])
        .arg(&manifest)
        .args([
            "-p",
            "error-catalog",
            "-e",
            "normal,build",
            "--prefix",
            "none",
        ])
        .args(extra);
    if !features.is_empty() {
        cmd.args(["--features", &features.join(",")]);
    }
    let out = cmd.output().expect("cargo can be run");
    assert!(
        out.status.success(),
        "`cargo tree` failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The versions of each package that `error-catalog` with `features` builds.
fn versions(features: &[&str]) -> BTreeMap<String, BTreeSet<String>> {
    let mut found: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for line in tree(features, &["--format", "{p}"]).lines() {
        // `syn v3.0.10`, `error-catalog v0.1.0 (/path)`, `serde v1.0.229 (*)`
        let mut words = line.split_whitespace();
        if let (Some(name), Some(version)) = (words.next(), words.next()) {
            found
                .entry(name.to_owned())
                .or_default()
                .insert(version.to_owned());
        }
    }
    found
}

/// Fails unless syn, quote and proc-macro2 each come in one version, and syn at all.
fn assert_one_of_each(features: &[&str]) {
    let found = versions(features);
    assert!(
        found.contains_key("syn") && found.contains_key("serde_derive"),
        "`cargo tree` of error-catalog (features {features:?}) lists no syn or no \
         serde_derive: {found:?}"
    );
    for name in ["syn", "quote", "proc-macro2"] {
        let v = &found[name];
        assert_eq!(
            v.len(),
            1,
            "error-catalog (features {features:?}) builds {name} {v:?}: a user's cold \
             build compiles every one of them; keep the code generator and the macros \
             on the version serde_derive uses"
        );
    }
}

#[test]
fn one_syn_without_features() {
    assert_one_of_each(&[]);
}

#[test]
fn one_syn_with_every_integration() {
    assert_one_of_each(ALL_FEATURES);
}

// syn is compiled once for serde_derive and the code generator together, with the
// union of their features: `full` (a much larger syn, at the start of every
// user's critical path) stays off unless the user's own crates ask for it.
#[test]
fn syn_without_full_for_a_plain_build() {
    let line = tree(
        &[],
        &["--invert", "syn", "--depth", "0", "--format", "{p} {f}"],
    );
    let features: BTreeSet<&str> = line
        .split_whitespace()
        .nth(2)
        .unwrap_or_default()
        .split(',')
        .collect();
    assert!(
        features.contains("derive") && !features.contains("full"),
        "error-catalog without features builds syn with {features:?}: `derive` and \
         not `full` expected"
    );
}
