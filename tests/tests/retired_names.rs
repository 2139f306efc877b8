//! One word per concept (core's glossary): names that were retired stay
//! retired. Every Rust and Markdown file of the checkout is read at run time
//! (this package holds none of them) and searched for each retired name, as a
//! whole word.

use std::path::{Path, PathBuf};

/// (retired name, what says it now).
const RETIRED: &[(&str, &str)] = &[
    (
        "At::Syn",
        "At::Rust(n): the model holds a number, the code generator the span",
    ),
    (
        "Lowered",
        "PlanBuf: the one plan lowering makes, for generated code and the CLI",
    ),
    (
        "error_catalog_codegen::classify",
        "error_catalog_model::response::decode",
    ),
    (
        "crate::validate::MAX_ERRORS",
        "error_catalog_model::validate::MAX_ERRORS (validation is not in core)",
    ),
    (
        "error_catalog_codegen::codegen",
        "error_catalog_codegen (the code generator is a crate of its own)",
    ),
    ("Kept", "Extra (what the body carried beyond its fields) or LazyCapture (a raw capture made on first use)"),
    ("Place::Capture", "Place::Hole: capture is the raw body capture only"),
    ("caps", "holes (the texts a pattern's holes matched)"),
    ("__caps", "__holes"),
    ("read_captured_value", "read_hole_value"),
    ("captured_string", "hole_string"),
    ("capture_text", "hole_text"),
    ("axum::Problem", "axum::ProblemResponse (problem::Problem is the serialized problem details)"),
    ("model::RateLimit", "model::RateLimitPolicy (headers::RateLimit is what a response's headers say)"),
    ("Decoded", "decode::Decode: the one trait a decoded type implements for the decoder"),
    ("FastSink", "engine::Sink (the walk's sink is also what the decoder reads back from)"),
    ("__build", "Decode::build (generated; __build_view likewise)"),
    ("__decode", "decode::decode::<Self> (generated code calls it directly; __decode_view likewise)"),
];

/// The checkout's root: this package's parent folder.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

/// Every `.rs` and `.md` file under `dir`, build output and hidden folders aside.
fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if path.is_dir() {
            if name != "target" && !name.starts_with('.') {
                sources(&path, out);
            }
        } else if name.ends_with(".rs") || name.ends_with(".md") {
            out.push(path);
        }
    }
}

/// True when `word` occurs in `text` with no identifier character on either side.
fn has_word(text: &str, word: &str) -> bool {
    let ident = |c: char| c.is_alphanumeric() || c == '_';
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(ident) && !after.is_some_and(ident)
    })
}

#[test]
fn retired_names_stay_retired() {
    let mut files = Vec::new();
    sources(&root(), &mut files);
    assert!(
        files.len() > 100,
        "expected the checkout's sources under {}, found {} files",
        root().display(),
        files.len()
    );
    let this = Path::new(file!())
        .file_name()
        .map(|n| n.to_string_lossy().into_owned());
    let mut found = Vec::new();
    for path in &files {
        if path.file_name().map(|n| n.to_string_lossy().into_owned()) == this {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        for (name, now) in RETIRED {
            if has_word(&text, name) {
                found.push(format!(
                    "{}: `{name}` is retired; say {now}",
                    path.display()
                ));
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn a_retired_name_is_found_as_a_word_only() {
    assert!(has_word("use At::Syn;", "At::Syn"));
    assert!(has_word("Lowered<'_>", "Lowered"));
    assert!(!has_word("UnLowered", "Lowered"));
    assert!(!has_word("Lowered_x", "Lowered"));
}
