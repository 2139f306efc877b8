//! Deep nesting.

use error_catalog::ApiError;
use error_catalog_services::customer_verification::CustomerVerificationError as CvError;
use error_catalog_services::kya::KyaError;
use error_catalog_services::rakomi::RakomiError;

use crate::measure::exclusive;
use crate::subjects::{classify_all, kya_body, Subject, TEAPOT};

const DEEP: usize = 100_000;

fn deep_array(depth: usize) -> String {
    format!("{}{}", "[".repeat(depth), "]".repeat(depth))
}

fn deep_object(depth: usize) -> String {
    let mut s = String::with_capacity(depth * 7);
    for _ in 0..depth {
        s.push_str("{\"a\":");
    }
    s.push('1');
    for _ in 0..depth {
        s.push('}');
    }
    s
}

#[test]
fn deep_nesting_arrays() {
    let _g = exclusive();
    let deep = deep_array(DEEP);
    let body = deep.clone().into_bytes();
    classify_all("100k-deep array body", TEAPOT, &body).all_unknown("deep array body");

    // Deep inside a member nothing reads: kept raw.
    let body = kya_body(
        r#""An unexpected error occurred""#,
        r#""INTERNAL_ERROR""#,
        &format!(r#"{{"deep": {deep}}}"#),
    );
    let out = classify_all("100k-deep array in an unknown member", 500, &body);
    match &out.kya {
        KyaError::InternalError { extra, .. } => {
            assert_eq!(
                extra.get("/details/deep").map(|r| r.get().len()),
                Some(2 * DEEP)
            );
        }
        other => panic!("deep array member: {other:?}"),
    }

    // Deep where an object is expected (the fields object): not read as one.
    let body = kya_body(r#""x""#, r#""AGENT_NOT_FOUND""#, &deep);
    let out = classify_all("100k-deep array as the details object", 404, &body);
    assert!(out.kya.unknown().is_some(), "{:?}", out.kya);

    // Deep in a declared JSON field.
    let body = kya_body(
        r#""x""#,
        r#""VALIDATION_ERROR""#,
        &format!(r#"{{"field": "agentId", "received": {deep}}}"#),
    );
    classify_all("100k-deep array in a json field", 400, &body);
}

#[test]
fn deep_nesting_objects() {
    let _g = exclusive();
    let deep = deep_object(DEEP);
    let body = deep.clone().into_bytes();
    classify_all("100k-deep object body", TEAPOT, &body).all_unknown("deep object body");

    let body = kya_body(
        r#""An unexpected error occurred""#,
        r#""INTERNAL_ERROR""#,
        &format!(r#"{{"deep": {deep}}}"#),
    );
    let out = classify_all("100k-deep object in an unknown member", 500, &body);
    assert!(out.kya.is_known(), "{:?}", out.kya);

    // Nested envelope: the path to the code leads through `error`, again and again.
    let mut nested = String::new();
    for _ in 0..DEEP {
        nested.push_str("{\"error\":");
    }
    nested.push_str("{\"code\":\"VALIDATION_ERROR\"}");
    nested.push_str(&"}".repeat(DEEP));
    let out = classify_all("100k-deep `error` objects", 400, nested.as_bytes());
    assert!(out.cv.unknown().is_some(), "{:?}", out.cv);

    // A JSON field holding a deep object.
    let body = kya_body(
        r#""x""#,
        r#""VALIDATION_ERROR""#,
        &format!(r#"{{"field": "agentId", "received": {deep}}}"#),
    );
    classify_all("100k-deep object in a json field", 400, &body);
}

/// `Deserialize` (through `serde_json::Value`) on deep bodies must not overflow
/// the stack either.
#[test]
fn deserialize_of_deep_bodies_does_not_overflow() {
    let _g = exclusive();
    for body in [
        deep_array(DEEP),
        deep_object(DEEP),
        format!(
            r#"{{"errorType": "INTERNAL_ERROR", "x": {}}}"#,
            deep_array(DEEP)
        ),
    ] {
        let _ = serde_json::from_str::<KyaError>(&body);
        let _ = serde_json::from_str::<CvError>(&body);
        let _ = serde_json::from_str::<RakomiError>(&body);
    }
}
