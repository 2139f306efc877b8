//! The hand-written baseline that keeps what the generated enum keeps, for
//! `profile_array`'s bodies (callgrind, as there):
//!
//! ```sh
//! valgrind --tool=callgrind target/release/examples/profile_array_kept [full|lean]
//! ```
//!
//! An owned `#[derive(Deserialize)]` struct with a `Vec` of element structs and
//! the members it does not declare gathered by `#[serde(flatten)]` into a
//! `serde_json::Map`, plus a `match` on the first element's code: what one
//! writes by hand to lose nothing of a body, as the generated enum does.
use std::hint::black_box;

const FULL: &[u8] = br#"{"success":false,"errors":[{"code":7003,"message":"Could not route to /zones/abc, perhaps your object identifier is invalid?"}],"messages":[],"result":null}"#;
const LEAN: &[u8] =
    br#"{"success":false,"errors":[{"code":7003,"message":"Could not route to the object"}]}"#;

#[derive(serde::Deserialize)]
struct Body {
    #[allow(dead_code)]
    success: bool,
    errors: Vec<Element>,
    #[allow(dead_code)]
    #[serde(flatten)]
    rest: serde_json::Map<String, serde_json::Value>,
}

#[derive(serde::Deserialize)]
struct Element {
    code: i64,
    #[allow(dead_code)]
    message: String,
}

fn main() {
    let which = std::env::args().nth(1).unwrap_or_else(|| "full".into());
    let rounds: usize = std::env::var("ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(20_000);
    let body = if which == "lean" { LEAN } else { FULL };
    let hits = (0..rounds)
        .filter(|_| {
            serde_json::from_slice::<Body>(black_box(body))
                .is_ok_and(|b| matches!(b.errors.first().map(|e| e.code), Some(7003 | 10000 | 971)))
        })
        .count();
    println!("{which} kept: {hits} of {rounds}");
    assert_eq!(hits, rounds, "the {which} body was not recognised");
}
