//! Display of a variant with two placeholders into a reused `String`, and
//! `Serialize` into a reused `Vec<u8>`, against the hand-written equivalents
//! (a `write!` Display as thiserror generates, and a hand-written `Serialize`).
//! Run: `cargo bench -p error-catalog-tests --bench render`.

use std::fmt::{self, Write as _};

use divan::black_box;
use error_catalog::{ApiError, UnknownError};
use serde::ser::{Serialize, SerializeMap, Serializer};

fn main() {
    divan::main();
}

#[derive(Debug, ApiError)]
#[api_error(wire = "nested")]
enum Generated {
    #[api_error(
        code = "LIMIT_REACHED",
        status = 403,
        message = "Limit reached ({used}/{limit})"
    )]
    LimitReached { used: u32, limit: u32 },
    #[api_error(unknown)]
    Unknown(UnknownError),
}

#[derive(Debug)]
enum Hand {
    LimitReached { used: u32, limit: u32 },
}

impl fmt::Display for Hand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Hand::LimitReached { used, limit } => write!(f, "Limit reached ({used}/{limit})"),
        }
    }
}

struct Inner<'a>(&'a Hand);

impl Serialize for Inner<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let Hand::LimitReached { used, limit } = self.0;
        let mut m = s.serialize_map(Some(4))?;
        m.serialize_entry("code", "LIMIT_REACHED")?;
        m.serialize_entry("message", &format_args!("{}", self.0))?;
        m.serialize_entry("used", used)?;
        m.serialize_entry("limit", limit)?;
        m.end()
    }
}

impl Serialize for Hand {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(1))?;
        m.serialize_entry("error", &Inner(self))?;
        m.end()
    }
}

#[divan::bench]
fn display_generated(b: divan::Bencher) {
    let e = Generated::LimitReached { used: 3, limit: 5 };
    let mut buf = String::with_capacity(64);
    b.bench_local(|| {
        buf.clear();
        let _ = write!(buf, "{}", black_box(&e));
        buf.len()
    });
}

#[divan::bench]
fn display_hand(b: divan::Bencher) {
    let e = Hand::LimitReached { used: 3, limit: 5 };
    let mut buf = String::with_capacity(64);
    b.bench_local(|| {
        buf.clear();
        let _ = write!(buf, "{}", black_box(&e));
        buf.len()
    });
}

#[divan::bench]
fn serialize_generated(b: divan::Bencher) {
    let e = Generated::LimitReached { used: 3, limit: 5 };
    let mut buf = Vec::with_capacity(128);
    b.bench_local(|| {
        buf.clear();
        let _ = serde_json::to_writer(&mut buf, black_box(&e));
        buf.len()
    });
}

#[divan::bench]
fn serialize_hand(b: divan::Bencher) {
    let e = Hand::LimitReached { used: 3, limit: 5 };
    let mut buf = Vec::with_capacity(128);
    b.bench_local(|| {
        buf.clear();
        let _ = serde_json::to_writer(&mut buf, black_box(&e));
        buf.len()
    });
}

#[divan::bench]
fn code_and_status_generated() -> (usize, Option<u16>) {
    let e = black_box(Generated::LimitReached { used: 3, limit: 5 });
    (e.code().len(), e.status())
}
