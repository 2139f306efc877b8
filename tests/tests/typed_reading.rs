//! Typed reading (code-identified wires): the code, the message and envelope
//! fields such as `timestamp` are read straight into their types while the body is
//! walked. Whatever it cannot take (another type, a key seen twice) makes the body
//! be read again raw, so every case here must give what raw reading gives.

use error_catalog::{ApiError, FromResponse, UnknownError};
use error_catalog_services::kya::KyaError;

fn unknown(e: &KyaError) -> Option<&UnknownError> {
    match e {
        KyaError::Unknown(u) => Some(u),
        _ => None,
    }
}

fn kya(body: &str) -> KyaError {
    KyaError::from_response(429, body.as_bytes())
}

const DETAILS: &str = r#"{"agentId":"42","tier":1,"limit":1,"retryAfter":45}"#;

#[test]
fn the_envelope_field_is_read_typed() {
    let e = kya(&format!(
        r#"{{"error":"Rate limit exceeded for agent tier","errorType":"RATE_LIMITED","details":{DETAILS},"timestamp":1707408000000}}"#
    ));
    match e {
        KyaError::RateLimited {
            timestamp,
            retry_after,
            ref extra,
            ..
        } => {
            assert_eq!(timestamp, Some(1_707_408_000_000));
            assert_eq!(retry_after, 45);
            assert!(extra.is_empty(), "{extra:?}");
        }
        other => panic!("{other:?}"),
    }
}

/// An optional envelope field of another type aborts typed reading; read
/// again raw, it is `None`, the error keeps its identity, and the value is
/// kept in the extra under its pointer with the reason.
#[test]
fn an_optional_envelope_field_of_another_type_is_none_and_kept() {
    let e = kya(&format!(
        r#"{{"error":"Rate limit exceeded for agent tier","errorType":"RATE_LIMITED","details":{DETAILS},"timestamp":"soon"}}"#
    ));
    let KyaError::RateLimited {
        timestamp,
        retry_after,
        ref extra,
        ..
    } = e
    else {
        panic!("{e:?}")
    };
    assert_eq!((timestamp, retry_after), (None, 45));
    assert_eq!(extra.get("/timestamp").map(|v| v.get()), Some(r#""soon""#));
    assert_eq!(
        extra.unread().collect::<Vec<_>>(),
        [(
            "/timestamp",
            "field `timestamp`: invalid type: string \"soon\", expected u64"
        )]
    );
    assert_eq!(extra.members().count(), 1, "{extra:?}");
}

/// A required field of another type still falls back, with a reason naming
/// the field and its place in the body.
#[test]
fn a_required_field_of_another_type_falls_back_with_its_place() {
    let e = kya(
        r#"{"error":"Rate limit exceeded for agent tier","errorType":"RATE_LIMITED","details":{"agentId":"42","tier":1,"limit":1,"retryAfter":"soon"}}"#,
    );
    let u = unknown(&e).expect("a retryAfter that is not a number");
    assert_eq!(
        u.reason(),
        Some("field `retryAfter`: invalid type: string \"soon\", expected u64 (at /details/retryAfter)")
    );
    assert_eq!(u.code(), Some("RATE_LIMITED"));
}

#[test]
fn a_null_timestamp_is_none() {
    let e = kya(&format!(
        r#"{{"errorType":"RATE_LIMITED","timestamp":null,"error":"Rate limit exceeded for agent tier","details":{DETAILS}}}"#
    ));
    assert!(
        matches!(
            e,
            KyaError::RateLimited {
                timestamp: None,
                ..
            }
        ),
        "{e:?}"
    );
}

#[test]
fn a_key_seen_twice_reads_as_raw_reading_does() {
    // the last code wins, as in raw reading
    let e = kya(&format!(
        r#"{{"errorType":"INTERNAL_ERROR","errorType":"RATE_LIMITED","error":"Rate limit exceeded for agent tier","details":{DETAILS}}}"#
    ));
    assert_eq!(e.code(), "RATE_LIMITED", "{e:?}");
    // the last message wins: it differs from the template, so it is kept
    let e = kya(&format!(
        r#"{{"errorType":"RATE_LIMITED","error":"first","error":"second","details":{DETAILS}}}"#
    ));
    assert_eq!(e.to_string(), "second");
    // the last timestamp wins
    let e = kya(&format!(
        r#"{{"errorType":"RATE_LIMITED","timestamp":1,"timestamp":2,"error":"Rate limit exceeded for agent tier","details":{DETAILS}}}"#
    ));
    assert!(
        matches!(
            e,
            KyaError::RateLimited {
                timestamp: Some(2),
                ..
            }
        ),
        "{e:?}"
    );
}

#[test]
fn a_code_or_message_that_is_not_a_string_falls_back() {
    let e = kya(&format!(
        r#"{{"errorType":429,"error":"Rate limit exceeded for agent tier","details":{DETAILS}}}"#
    ));
    let u = unknown(&e).expect("a numeric code");
    assert_eq!(u.reason(), Some("the code is not a string"));
    let e = kya(&format!(
        r#"{{"errorType":"RATE_LIMITED","error":{{"text":"x"}},"details":{DETAILS}}}"#
    ));
    let u = unknown(&e).expect("an object message");
    assert_eq!(u.reason(), Some("the message is not a string"));
    assert_eq!(u.code(), Some("RATE_LIMITED"));
}

#[test]
fn an_escaped_code_and_message_are_read() {
    let e = kya(&format!(
        r#"{{"errorType":"RATE\u005fLIMITED","error":"Rate limit exceeded for agent \"tier\"","details":{DETAILS}}}"#
    ));
    assert_eq!(e.code(), "RATE_LIMITED");
    assert_eq!(e.to_string(), "Rate limit exceeded for agent \"tier\"");
}
