//! `engine::code_index` and `CodeIndex::find`, the code lookup of every table.
//!
//! Input: newline-separated codes (invalid UTF-8 lines are skipped); the last
//! line is also looked up as a code the catalog may lack. Checks that every
//! code, each one with a byte dropped or added, and the last line are found
//! at exactly the entry a linear scan gives (the first with that code), with
//! duplicates, empty codes and codes of any length.

#![no_main]

use error_catalog_core::engine::{code_index, Entry};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let codes: Vec<&str> = data
        .split(|&b| b == b'\n')
        .filter_map(|l| std::str::from_utf8(l).ok())
        .collect();
    let entries: Vec<Entry<'_>> = codes.iter().map(|code| Entry::coded(code)).collect();
    let index = code_index(&codes);
    let ix = index.as_index();
    let scan = |c: &str| codes.iter().position(|x| *x == c);
    for c in &codes {
        assert_eq!(ix.find(c, &entries), scan(c), "{c:?}");
        let longer = format!("{c}_");
        assert_eq!(ix.find(&longer, &entries), scan(&longer), "{longer:?}");
        if let Some((i, _)) = c.char_indices().last() {
            assert_eq!(ix.find(&c[..i], &entries), scan(&c[..i]), "{:?}", &c[..i]);
        }
    }
});
