//! A loop over one way of parsing a body whose error sits in an array element
//! (Cloudflare-v4-style `errors`), for counting instructions with callgrind:
//!
//! ```sh
//! valgrind --tool=callgrind target/release/examples/profile_array [full|lean] [generated|hand|owned]
//! ```
//!
//! Bodies: `full`, the catalog's documented example, which carries members the
//! catalog does not declare (`messages`, `result`) and a message that is not the
//! template's, all kept by the generated enum; `lean`, the same error with
//! neither, so nothing is kept. Ways: the generated `from_response` of
//! `catalogs/cloudflare_like.toml`; a hand-written borrowed
//! `#[derive(Deserialize)]` struct with a `Vec` of element structs and a `match`
//! on the first element's code (`hand`); the same with the element's message
//! owned (`owned`). What keeping the undeclared members costs by hand is in
//! `profile_array_kept` (a binary of its own: its `serde_json::Value` code
//! changes how the shared parser code is inlined here). Apart from `profile_parse`, so that the seed bodies' counts
//! there stay comparable from run to run.
use error_catalog::FromResponse;
use std::hint::black_box;

mod cloudflare_like {
    error_catalog::catalog!("catalogs/cloudflare_like.toml");
}
use cloudflare_like::CloudflareLikeError;

/// The catalog's documented example.
const FULL: &[u8] = br#"{"success":false,"errors":[{"code":7003,"message":"Could not route to /zones/abc, perhaps your object identifier is invalid?"}],"messages":[],"result":null}"#;

/// The same error with nothing the catalog does not declare.
const LEAN: &[u8] =
    br#"{"success":false,"errors":[{"code":7003,"message":"Could not route to the object"}]}"#;

#[derive(serde::Deserialize)]
struct Body<'a> {
    #[allow(dead_code)]
    success: bool,
    #[serde(borrow)]
    errors: Vec<Element<'a>>,
}

#[derive(serde::Deserialize)]
struct Element<'a> {
    code: i64,
    #[allow(dead_code)]
    #[serde(borrow)]
    message: std::borrow::Cow<'a, str>,
}

#[derive(serde::Deserialize)]
struct BodyOwned {
    #[allow(dead_code)]
    success: bool,
    errors: Vec<ElementOwned>,
}

#[derive(serde::Deserialize)]
struct ElementOwned {
    code: i64,
    #[allow(dead_code)]
    message: String,
}

fn known(code: Option<i64>) -> bool {
    matches!(code, Some(7003 | 10000 | 971))
}

fn parse(body: &[u8], way: &str) -> bool {
    match way {
        "hand" => serde_json::from_slice::<Body<'_>>(black_box(body))
            .is_ok_and(|b| known(b.errors.first().map(|e| e.code))),
        "owned" => serde_json::from_slice::<BodyOwned>(black_box(body))
            .is_ok_and(|b| known(b.errors.first().map(|e| e.code))),
        _ => matches!(
            CloudflareLikeError::from_response(400, black_box(body)),
            CloudflareLikeError::CouldNotRoute { .. }
        ),
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let which = args.next().unwrap_or_else(|| "full".into());
    let way = args.next().unwrap_or_else(|| "generated".into());
    let rounds: usize = std::env::var("ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(20_000);
    let body = if which == "lean" { LEAN } else { FULL };
    let hits = (0..rounds).filter(|_| parse(body, &way)).count();
    println!("{which} {way}: {hits} of {rounds}");
    // (every way recognises both bodies: a count below `rounds` is a broken way)
    assert_eq!(hits, rounds, "{way} did not recognise the {which} body");
}
