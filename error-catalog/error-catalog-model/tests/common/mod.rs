//! What the golden tests share (the model's and, by `#[path]`, the code
//! generator's): comparing a rendered text with its checked-in
//! file, or rewriting the file under `BLESS=1`.

use std::path::PathBuf;

/// Compares `got` with `tests/<dir>/<file>` (relative to this crate), or
/// writes it there when `BLESS` is set. On a difference, panics naming the
/// first differing line and `bless`, the command that re-blesses.
pub fn compare_golden(dir: &str, file: &str, got: &str, what: &str, bless: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(dir)
        .join(file);
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&path, got).expect("write golden file");
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    if got != want {
        let line = got
            .lines()
            .zip(want.lines())
            .position(|(a, b)| a != b)
            .map_or_else(
                || "one is a prefix of the other".to_string(),
                |i| format!("first difference at line {}", i + 1),
            );
        panic!(
            "{what} differs from {} ({line}); if intended, re-bless with {bless}",
            path.display()
        );
    }
}
