//! Classification of AIronClaw's message-only bodies (`{"error": "..."}`, told
//! apart by status and message) by the generated `from_response`, against what a
//! user writes by hand: a borrowed `#[derive(Deserialize)]` struct, then a chain of
//! literal comparisons and `strip_prefix`/`split_once` checks per status that
//! also pulls out the placeholder values.
//! Run: `cargo bench -p error-catalog-tests --bench classify`.

use divan::black_box;
use error_catalog::FromResponse;
use error_catalog_services::aironclaw::AironclawError;

fn main() {
    // both ways must agree on what they measure (checked once, not timed)
    for (name, status, bytes) in BODIES {
        let generated = AironclawError::from_response(status, bytes);
        let hand =
            serde_json::from_slice::<Body<'_>>(bytes).map(|b| hand_classify(status, b.error));
        let agree = match (&generated, &hand) {
            (
                AironclawError::McpLimitReached {
                    used, limit, rest, ..
                },
                Ok(Hand::McpLimitReached(u, l, r)),
            ) => (used, limit, rest.as_str()) == (u, l, *r),
            (AironclawError::KeyNotFound { .. }, Ok(Hand::KeyNotFound)) => true,
            (AironclawError::ToolNotFound { index, .. }, Ok(Hand::ToolNotFound(i))) => index == i,
            _ => false,
        };
        assert!(agree, "{name}: generated {generated:?}, hand {hand:?}");
    }
    divan::main();
}

#[path = "common/classify_hand.rs"]
mod classify_hand;
use classify_hand::{hand_classify, Body, Hand, BODIES};

fn body(name: &str) -> (u16, &'static [u8]) {
    BODIES
        .iter()
        .find(|b| b.0 == name)
        .map_or((0, &b""[..]), |b| (b.1, b.2))
}

const NAMES: [&str; 3] = ["mcp_limit_reached", "key_not_found", "tool_not_found"];

#[divan::bench(args = NAMES, sample_count = 1000, sample_size = 100)]
fn generated(b: divan::Bencher, name: &str) {
    let (status, bytes) = body(name);
    b.bench_local(|| AironclawError::from_response(status, black_box(bytes)));
}

#[divan::bench(args = NAMES, sample_count = 1000, sample_size = 100)]
fn hand_strip_prefix(b: divan::Bencher, name: &str) {
    let (status, bytes) = body(name);
    b.bench_local(|| {
        let body: Body<'static> = serde_json::from_slice(black_box(bytes)).ok()?;
        Some(hand_classify(status, body.error))
    });
}
