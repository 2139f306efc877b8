//! Arbitrary bodies: classifying never panics, a fallback keeps the exact body,
//! and a known result reclassifies as itself.

use std::collections::BTreeSet;

use error_catalog::problem::Problem;
use error_catalog::ErrorCatalog;
use error_catalog_services::aironclaw::AironclawError;
use error_catalog_services::customer_verification::CustomerVerificationError as CvError;
use error_catalog_services::kya::KyaError;
use error_catalog_services::moca_air::MocaAirError;
use error_catalog_services::rakomi::RakomiError;
use proptest::prelude::*;
use proptest::strategy::Union;
use serde_json::Value;

use crate::bundled_enums::{aironclaw_variants, cv_variants, kya_variants, MOCA_PATTERNS};
use crate::harness::{check_any_body, config, text_of, Subject};
use crate::inline_enums::{CodedAll, FlatAll, MessageAll, NestedAll, ProblemAll, StatusAll};
use crate::strategies::{finite_f64, json, opt, opt_json, text, with_messages, x};

/// Every code and message template of the enums, for bodies that nearly classify.
fn known_words() -> Vec<String> {
    let mut words: BTreeSet<String> = BTreeSet::new();
    for codes in [
        MocaAirError::CODES,
        KyaError::CODES,
        RakomiError::CODES,
        AironclawError::CODES,
        CvError::CODES,
        FlatAll::CODES,
    ] {
        for i in codes {
            words.insert(i.code.to_string());
            words.insert(i.message.to_string());
        }
    }
    for m in MOCA_PATTERNS {
        words.insert(m.to_string());
    }
    words.extend(
        [
            "MCP limit reached (3/3). x",
            "tools[7] not found on this MCP server",
            "auth.jwksJson: bad",
            "a: b",
        ]
        .map(String::from),
    );
    words.into_iter().collect()
}

/// A JSON value that is a code or a message some enum knows, or anything.
fn word_or_any() -> BoxedStrategy<Value> {
    let words = known_words();
    prop_oneof![
        3 => prop::sample::select(words).prop_map(Value::String),
        1 => json(),
    ]
    .boxed()
}

/// Objects shaped like every preset at once, with known codes and messages and
/// arbitrary details of arbitrary types.
const KEYS: &[&str] = &[
    "error",
    "errorType",
    "code",
    "message",
    "details",
    "detail",
    "type",
    "title",
    "status",
    "fields",
    "timestamp",
    "agentId",
    "tier",
    "limit",
    "retryAfter",
    "text",
    "flag",
    "int32",
    "int64",
    "byte",
    "short",
    "word",
    "long",
    "float",
    "json",
];

fn near_miss_body() -> BoxedStrategy<Vec<u8>> {
    let member = (prop::sample::select(KEYS), word_or_any());
    let nested = prop::collection::vec(member.clone(), 0..6)
        .prop_map(|m| Value::Object(m.into_iter().map(|(k, v)| (k.to_string(), v)).collect()));
    let top = prop::collection::vec(
        (
            prop::sample::select(KEYS),
            prop_oneof![2 => word_or_any(), 1 => nested],
        ),
        0..8,
    );
    top.prop_map(|m| {
        let v = Value::Object(m.into_iter().map(|(k, v)| (k.to_string(), v)).collect());
        serde_json::to_vec(&v).expect("serializing")
    })
    .boxed()
}

/// A serialized error of some enum, cut short or with a byte changed or inserted.
fn mangled_body() -> BoxedStrategy<Vec<u8>> {
    let valid = prop_oneof![
        with_messages(kya_variants()).prop_map(|e| serde_json::to_vec(&e).unwrap()),
        Union::new(aironclaw_variants()).prop_map(|e| serde_json::to_vec(&e).unwrap()),
        with_messages(cv_variants()).prop_map(|e| serde_json::to_vec(&e).unwrap()),
        with_messages(all_types_variants!(ProblemAll))
            .prop_map(|e| serde_json::to_vec(&Problem(&e)).unwrap()),
        with_messages(all_types_variants!(FlatAll)).prop_map(|e| serde_json::to_vec(&e).unwrap()),
    ];
    (valid, any::<prop::sample::Index>(), any::<u8>(), 0..3u8)
        .prop_map(|(mut body, at, byte, how)| {
            if body.is_empty() {
                return body;
            }
            let i = at.index(body.len());
            match how {
                0 => body.truncate(i),
                1 => body[i] = byte,
                _ => body.insert(i, byte),
            }
            body
        })
        .boxed()
}

fn any_body() -> BoxedStrategy<Vec<u8>> {
    prop_oneof![
        2 => prop::collection::vec(any::<u8>(), 0..256),
        1 => text().prop_map(String::into_bytes),
        2 => json().prop_map(|v| serde_json::to_vec(&v).unwrap()),
        4 => near_miss_body(),
        3 => mangled_body(),
    ]
    .boxed()
}

fn any_status() -> BoxedStrategy<u16> {
    prop_oneof![
        3 => prop::sample::select(vec![
            0u16, 100, 200, 400, 401, 403, 404, 409, 410, 422, 429, 500, 502, 503, 599, 600,
            u16::MAX,
        ]),
        1 => any::<u16>(),
    ]
    .boxed()
}

fn check_all(status: u16, body: &[u8]) -> Result<(), TestCaseError> {
    check_any_body::<MocaAirError>(status, body)?;
    check_any_body::<KyaError>(status, body)?;
    check_any_body::<RakomiError>(status, body)?;
    check_any_body::<AironclawError>(status, body)?;
    check_any_body::<CvError>(status, body)?;
    check_any_body::<StatusAll>(status, body)?;
    check_any_body::<FlatAll>(status, body)?;
    check_any_body::<CodedAll>(status, body)?;
    check_any_body::<MessageAll>(status, body)?;
    check_any_body::<NestedAll>(status, body)?;
    check_any_body::<ProblemAll>(status, body)?;
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_body_classifies_without_panicking(status in any_status(), body in any_body()) {
        check_all(status, &body)?;
    }

    #[test]
    fn arbitrary_bytes_classify_without_panicking(
        status in any::<u16>(),
        body in prop::collection::vec(any::<u8>(), 0..1024),
    ) {
        check_all(status, &body)?;
    }

    /// Display of anything from_response produces never panics, and a known value
    /// produced from any body serializes to a body that classifies as the same code.
    #[test]
    fn a_known_result_reclassifies_as_itself(status in any_status(), body in near_miss_body()) {
        reclassifies::<KyaError>(status, &body)?;
        reclassifies::<RakomiError>(status, &body)?;
        reclassifies::<CvError>(status, &body)?;
        reclassifies::<FlatAll>(status, &body)?;
        reclassifies::<CodedAll>(status, &body)?;
        reclassifies::<NestedAll>(status, &body)?;
        reclassifies::<ProblemAll>(status, &body)?;
    }
}

/// A known value classified from any body, serialized and classified again at the
/// same status, is the same code again (the envelope it writes identifies it).
fn reclassifies<E: Subject>(status: u16, body: &[u8]) -> Result<(), TestCaseError> {
    let e = E::from_response(status, body);
    if e.is_known() {
        let wire = serde_json::to_vec(&e).expect("serializing");
        let again = E::from_response(status, &wire);
        prop_assert_eq!(
            again.code(),
            e.code(),
            "{} from {} wrote {} which reads as {:?}",
            e.code(),
            text_of(body),
            text_of(&wire),
            again
        );
    }
    Ok(())
}
