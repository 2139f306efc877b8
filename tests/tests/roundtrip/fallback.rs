//! The fallback round-trips too.

use error_catalog_services::aironclaw::AironclawError;
use error_catalog_services::customer_verification::CustomerVerificationError as CvError;
use error_catalog_services::kya::KyaError;
use error_catalog_services::moca_air::MocaAirError;
use error_catalog_services::rakomi::RakomiError;

use crate::harness::{text, Wire};
use crate::preset_enums::{Coded, Flat, MessageOnly, Nested, ProblemWire, StatusOnly};

/// An unknown error serializes to the body it was received with, so parsing that
/// again gives the same value.
fn unknown_roundtrip<E: Wire>(what: &str, status: u16, body: &[u8]) {
    let e = E::from_response(status, body);
    assert!(!e.is_known(), "{what}: {} is known: {e:?}", text(body));
    let wire = e.to_wire();
    assert_eq!(
        wire, body,
        "{what}: the fallback serializes its body verbatim"
    );
    assert_eq!(
        E::from_response(status, &wire),
        e,
        "{what}: fallback round-trip"
    );
}

#[test]
fn fallback_values_roundtrip_through_their_body() {
    let body = br#"{"error": "x", "errorType": "NOPE", "details": {"a": [1, 2]}}"#;
    unknown_roundtrip::<KyaError>("kya", 418, body);
    unknown_roundtrip::<Flat>("flat", 418, body);
    let body = br#"{"error": {"code": "NOPE", "message": "x"}}"#;
    unknown_roundtrip::<CvError>("customer_verification", 400, body);
    unknown_roundtrip::<Nested>("nested", 400, body);
    let body = br#"{"code": "nope/nope", "message": "x"}"#;
    unknown_roundtrip::<RakomiError>("rakomi", 400, body);
    unknown_roundtrip::<Coded>("coded", 400, body);
    let body = br#"{"error": "something else entirely"}"#;
    unknown_roundtrip::<AironclawError>("aironclaw", 400, body);
    unknown_roundtrip::<MessageOnly>("message-only", 400, body);
    let body = br#"{"message": "I'm a teapot"}"#;
    unknown_roundtrip::<MocaAirError>("moca_air", 418, body);
    unknown_roundtrip::<StatusOnly>("status-only", 418, body);
    let body = br#"{"type": "about:blank", "code": "nope", "detail": "x"}"#;
    unknown_roundtrip::<ProblemWire>("problem-json", 400, body);
}
