//! No import cycles between the modules of any crate: a module that names
//! another (`crate::other`) is never named back by it, directly or around a
//! longer loop. The sources are read at run time from the checkout (this
//! package holds none of them).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The `src` folder of every crate of the workspace, relative to the root.
const CRATES: &[&str] = &[
    "runtime/error-catalog/src",
    "runtime/error-catalog-core/src",
    "error-catalog/error-catalog-model/src",
    "error-catalog/error-catalog-codegen/src",
    "error-catalog/error-catalog-cli/src",
    "macros/src",
    "catalogs/error-catalog-services/src",
    "catalogs/error-catalog-bundled/src",
    "tests/src",
];

/// Every `.rs` file under `dir`.
fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module names `text` reaches as `crate::name`.
fn crate_refs(text: &str) -> BTreeSet<String> {
    let ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
    text.match_indices("crate::")
        .filter(|(i, _)| !text[..*i].chars().next_back().is_some_and(ident))
        .map(|(i, m)| {
            text[i + m.len()..]
                .chars()
                .take_while(|c| ident(*c))
                .collect::<String>()
        })
        .filter(|name| name.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
        .collect()
}

/// The top-level modules of the crate at `src` and the modules each names.
fn graph(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut all = Vec::new();
    files(src, &mut all);
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for path in all {
        let Ok(rel) = path.strip_prefix(src) else {
            continue;
        };
        let Some(top) = rel.components().next().map(|c| {
            c.as_os_str()
                .to_string_lossy()
                .trim_end_matches(".rs")
                .to_string()
        }) else {
            continue;
        };
        if top == "lib" || top == "main" {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let refs: Vec<String> = crate_refs(&text)
            .into_iter()
            .filter(|r| *r != top)
            .collect();
        g.entry(top).or_default().extend(refs);
    }
    g
}

/// A cycle of `g`, as the modules around it, if there is one.
fn cycle(g: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        g: &BTreeMap<String, BTreeSet<String>>,
        at: &str,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|p| p == at) {
            let mut c = path[i..].to_vec();
            c.push(at.to_string());
            return Some(c);
        }
        if done.contains(at) {
            return None;
        }
        path.push(at.to_string());
        for next in g.get(at).into_iter().flatten() {
            if g.contains_key(next) {
                if let Some(c) = visit(g, next, path, done) {
                    return Some(c);
                }
            }
        }
        path.pop();
        done.insert(at.to_string());
        None
    }
    let mut done = BTreeSet::new();
    g.keys()
        .find_map(|m| visit(g, m, &mut Vec::new(), &mut done))
}

#[test]
fn no_crate_has_an_import_cycle() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let mut found = Vec::new();
    for src in CRATES {
        let dir = root.join(src);
        assert!(dir.is_dir(), "{} is not a folder", dir.display());
        if let Some(c) = cycle(&graph(&dir)) {
            found.push(format!("{src}: {}", c.join(" -> ")));
        }
    }
    assert!(found.is_empty(), "import cycles:\n{}", found.join("\n"));
}

#[test]
fn a_cycle_is_found_and_a_chain_is_not() {
    let g = |edges: &[(&str, &str)]| {
        let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (a, b) in edges {
            g.entry((*a).to_string())
                .or_default()
                .insert((*b).to_string());
            g.entry((*b).to_string()).or_default();
        }
        g
    };
    assert_eq!(
        cycle(&g(&[("a", "b"), ("b", "c"), ("c", "a")])),
        Some(vec!["a".into(), "b".into(), "c".into(), "a".into()])
    );
    assert_eq!(cycle(&g(&[("a", "b"), ("b", "c"), ("a", "c")])), None);
    assert_eq!(
        crate_refs("use crate::model::X; a_crate::no; crate::Type"),
        BTreeSet::from(["model".to_string()])
    );
}
