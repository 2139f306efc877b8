//! A loop over one way of parsing an error body, for counting instructions with
//! callgrind (repeatable on a busy machine) or timing a long run:
//!
//! ```sh
//! valgrind --tool=callgrind target/release/examples/profile_parse [kya|cv|aironclaw] [generated|view|hand|owned|value]
//! ROUNDS=2000000 target/release/examples/profile_parse kya hand
//! ```
//!
//! Bodies: `cloudflare`, an error in an array element (`hand`: a `Vec` of
//! element structs and a `match`); the KYA `RATE_LIMITED` and Customer Verification `VALIDATION_ERROR`
//! seed examples, and `aironclaw`: one of the classify bench's message-only
//! bodies (`AIRONCLAW=tool_not_found|key_not_found|mcp_limit_reached`). Ways: the
//! generated `from_response`, the generated borrowed view's (`view`: `…Ref`,
//! not for `aironclaw`), a hand-written borrowed `#[derive(Deserialize)]`
//! struct plus a `match` on the code (for `aironclaw`: the bench's hand-written
//! chain), the same struct with owned detail texts (`owned`), and
//! `serde_json::Value` plus a lookup (neither for `aironclaw`).
use error_catalog::FromResponse;
use error_catalog_services::customer_verification::{
    CustomerVerificationError, CustomerVerificationErrorRef,
};
use error_catalog_services::kya::{KyaError, KyaErrorRef};
use std::hint::black_box;

#[path = "../benches/common/hand.rs"]
mod hand;
use hand::{
    CvBody, CvBodyOwned, KyaBody, KyaBodyOwned, CV_VALIDATION as CV, KYA_RATE_LIMITED as KYA,
};
#[path = "../benches/common/classify_hand.rs"]
mod classify_hand;
use classify_hand::{hand_classify, Body, Hand, BODIES};
use error_catalog_services::aironclaw::AironclawError;

fn kya(way: &str) -> bool {
    match way {
        "hand" => serde_json::from_slice::<KyaBody<'_>>(black_box(KYA))
            .is_ok_and(|b| b.error_type == "RATE_LIMITED"),
        "owned" => serde_json::from_slice::<KyaBodyOwned<'_>>(black_box(KYA))
            .is_ok_and(|b| b.error_type == "RATE_LIMITED"),
        "value" => serde_json::from_slice::<serde_json::Value>(black_box(KYA))
            .is_ok_and(|v| v["errorType"].as_str() == Some("RATE_LIMITED")),
        "view" => matches!(
            KyaErrorRef::from_response(429, black_box(KYA)),
            KyaErrorRef::RateLimited { .. }
        ),
        _ => matches!(
            KyaError::from_response(429, black_box(KYA)),
            KyaError::RateLimited { .. }
        ),
    }
}

fn cv(way: &str) -> bool {
    match way {
        "hand" => serde_json::from_slice::<CvBody<'_>>(black_box(CV))
            .is_ok_and(|b| b.error.code == "VALIDATION_ERROR"),
        "owned" => serde_json::from_slice::<CvBodyOwned<'_>>(black_box(CV))
            .is_ok_and(|b| b.error.code == "VALIDATION_ERROR"),
        "value" => serde_json::from_slice::<serde_json::Value>(black_box(CV))
            .is_ok_and(|v| v["error"]["code"].as_str() == Some("VALIDATION_ERROR")),
        "view" => matches!(
            CustomerVerificationErrorRef::from_response(400, black_box(CV)),
            CustomerVerificationErrorRef::ValidationError { .. }
        ),
        _ => matches!(
            CustomerVerificationError::from_response(400, black_box(CV)),
            CustomerVerificationError::ValidationError { .. }
        ),
    }
}

/// One of the classify bench's AIronClaw bodies (`tool_not_found` unless `AIRONCLAW`
/// names another): the generated `from_response`, or the hand-written chain.
fn aironclaw(way: &str) -> bool {
    static PICKED: std::sync::OnceLock<Option<(u16, &[u8])>> = std::sync::OnceLock::new();
    let picked = PICKED.get_or_init(|| {
        let name = std::env::var("AIRONCLAW").unwrap_or_else(|_| "tool_not_found".into());
        BODIES.iter().find(|b| b.0 == name).map(|b| (b.1, b.2))
    });
    let Some((status, body)) = *picked else {
        return false;
    };
    match way {
        "hand" => serde_json::from_slice::<Body<'_>>(black_box(body))
            .is_ok_and(|b| !matches!(hand_classify(status, b.error), Hand::Other(..))),
        _ => !matches!(
            AironclawError::from_response(status, black_box(body)),
            AironclawError::Unknown(_)
        ),
    }
}

mod cloudflare_like {
    error_catalog::catalog!("catalogs/cloudflare_like.toml");
}

/// A Cloudflare-v4-style body, whose error is the first element of `errors`.
const CLOUDFLARE: &[u8] = br#"{"success":false,"errors":[{"code":7003,"message":"Could not route to /zones/abc, perhaps your object identifier is invalid?"}],"messages":[],"result":null}"#;

/// What one would write by hand for it: a `Vec` of element structs, and a
/// `match` on the first element's code.
#[derive(serde::Deserialize)]
struct CfBody<'a> {
    #[allow(dead_code)]
    success: bool,
    #[serde(borrow)]
    errors: Vec<CfElement<'a>>,
}

#[derive(serde::Deserialize)]
struct CfElement<'a> {
    code: i64,
    #[allow(dead_code)]
    #[serde(borrow)]
    message: std::borrow::Cow<'a, str>,
}

fn cloudflare(way: &str) -> bool {
    match way {
        "hand" => serde_json::from_slice::<CfBody<'_>>(black_box(CLOUDFLARE))
            .is_ok_and(|b| matches!(b.errors.first().map(|e| e.code), Some(7003 | 10000 | 971))),
        _ => matches!(
            cloudflare_like::CloudflareLikeError::from_response(400, black_box(CLOUDFLARE)),
            cloudflare_like::CloudflareLikeError::CouldNotRoute { .. }
        ),
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let body = args.next().unwrap_or_else(|| "kya".into());
    let way = args.next().unwrap_or_else(|| "generated".into());
    let rounds: usize = std::env::var("ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(20_000);
    let parse = match body.as_str() {
        "cv" => cv,
        "aironclaw" => aironclaw,
        "cloudflare" => cloudflare,
        _ => kya,
    };
    let hits = (0..rounds).filter(|_| parse(&way)).count();
    println!("{body} {way}: {hits} of {rounds}");
}
