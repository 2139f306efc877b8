//! Generates the code sets for the lookup benchmark (`benches/lookup.rs`): 12, 200
//! and 2,000 codes shaped like real ones, and hand-written `match` functions over them.

use std::fmt::Write as _;

const WORDS: &[&str] = &[
    "TOKEN",
    "EXPIRED",
    "INVALID",
    "SIGNATURE",
    "RATE",
    "LIMITED",
    "AGENT",
    "NOT",
    "FOUND",
    "KEY",
    "ALREADY",
    "EXISTS",
    "TIER",
    "BLOCKED",
    "RELAY",
    "FAILED",
    "WEBHOOK",
    "DOCUMENT",
    "QUALITY",
    "CUSTOMER",
    "PERMISSION",
    "DENIED",
    "QUOTA",
    "EXCEEDED",
];

fn codes(n: usize) -> Vec<String> {
    (0..n)
        .map(|i| {
            let a = WORDS[i % WORDS.len()];
            let b = WORDS[(i / WORDS.len() + 7) % WORDS.len()];
            format!("{a}_{b}_{i}")
        })
        .collect()
}

fn main() {
    let mut out = String::new();
    for n in [12usize, 200, 2000] {
        let cs = codes(n);
        let _ = writeln!(out, "pub const CODES_{n}: &[&str] = &[");
        for c in &cs {
            let _ = writeln!(out, "    {c:?},");
        }
        let _ = writeln!(out, "];");
        let _ = writeln!(
            out,
            "#[inline(never)]\npub fn match_{n}(code: &str) -> Option<u16> {{\n    match code {{"
        );
        for (i, c) in cs.iter().enumerate() {
            let _ = writeln!(out, "        {c:?} => Some({i}),");
        }
        let _ = writeln!(out, "        _ => None,\n    }}\n}}");
    }
    let dir = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".to_string());
    let path = std::path::Path::new(&dir).join("lookup_codes.rs");
    if let Err(e) = std::fs::write(&path, out) {
        println!("cargo::warning=cannot write {}: {e}", path.display());
    }
    println!("cargo::rerun-if-changed=build.rs");
}
