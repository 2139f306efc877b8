//! Code → variant lookup for catalogs of 12, 200 and 2,000 codes: the engine's
//! hash index (the same `Table::by_code` generated enums use, built by the same
//! `code_index`) against a hand-written `match` on `&str` and an `FxHashMap`.
//! Run: `cargo bench -p error-catalog-tests --bench lookup`.

use divan::black_box;
use error_catalog_core::engine::{code_index, Entry, Identity, Table};
use rustc_hash::FxHashMap;

include!(concat!(env!("OUT_DIR"), "/lookup_codes.rs"));

fn main() {
    divan::main();
}

fn codes(n: usize) -> &'static [&'static str] {
    match n {
        12 => CODES_12,
        200 => CODES_200,
        _ => CODES_2000,
    }
}

fn hand_match(n: usize, code: &str) -> Option<u16> {
    match n {
        12 => match_12(code),
        200 => match_200(code),
        _ => match_2000(code),
    }
}

/// How many probe codes each bench cycles through (a power of two: the loop's
/// own indexing is a mask, not a division).
const PROBES: usize = 64;

/// Probes: every 7th code (hits), and codes that are not there (misses).
fn probes(n: usize, hit: bool) -> Vec<String> {
    let cs = codes(n);
    (0..PROBES)
        .map(|i| {
            let c = cs[(i * 7) % cs.len()];
            if hit {
                c.to_string()
            } else {
                format!("{c}X")
            }
        })
        .collect()
}

const SIZES: [usize; 3] = [12, 200, 2000];

#[divan::bench(args = SIZES)]
fn engine_hit(b: divan::Bencher, n: usize) {
    engine(b, n, true);
}

#[divan::bench(args = SIZES)]
fn engine_miss(b: divan::Bencher, n: usize) {
    engine(b, n, false);
}

fn engine(b: divan::Bencher, n: usize, hit: bool) {
    let cs = codes(n);
    let entries: Vec<Entry<'_>> = cs.iter().map(|c| Entry::coded(c)).collect();
    let index = code_index(cs);
    let table = Table {
        identity: Identity::Code,
        entries: &entries,
        by_code: index.as_index(),
        pattern_order: &[],
        by_message: &[],
        by_lead: None,
    };
    let probes = probes(n, hit);
    let mut i = 0;
    b.bench_local(|| {
        i = (i + 1) & (PROBES - 1);
        table.by_code(black_box(&probes[i]))
    });
}

#[divan::bench(args = SIZES)]
fn match_hit(b: divan::Bencher, n: usize) {
    matching(b, n, true);
}

#[divan::bench(args = SIZES)]
fn match_miss(b: divan::Bencher, n: usize) {
    matching(b, n, false);
}

fn matching(b: divan::Bencher, n: usize, hit: bool) {
    let probes = probes(n, hit);
    let mut i = 0;
    b.bench_local(|| {
        i = (i + 1) & (PROBES - 1);
        hand_match(n, black_box(&probes[i]))
    });
}

#[divan::bench(args = SIZES)]
fn fxhashmap_hit(b: divan::Bencher, n: usize) {
    hashmap(b, n, true);
}

#[divan::bench(args = SIZES)]
fn fxhashmap_miss(b: divan::Bencher, n: usize) {
    hashmap(b, n, false);
}

fn hashmap(b: divan::Bencher, n: usize, hit: bool) {
    let map: FxHashMap<&str, u16> = codes(n)
        .iter()
        .enumerate()
        .map(|(i, c)| (*c, i as u16))
        .collect();
    let probes = probes(n, hit);
    let mut i = 0;
    b.bench_local(|| {
        i = (i + 1) & (PROBES - 1);
        map.get(black_box(probes[i].as_str())).copied()
    });
}

/// The bench loop alone (the next probe, through `black_box`, and its length):
/// what every figure above includes besides the lookup itself.
#[divan::bench(args = SIZES)]
fn loop_only(b: divan::Bencher, n: usize) {
    let probes = probes(n, true);
    let mut i = 0;
    b.bench_local(|| {
        i = (i + 1) & (PROBES - 1);
        black_box(probes[i].as_str()).len()
    });
}
