//! Fields that hold lists (`[string]`, `[i64]?`) and declared objects
//! (`[types.Name]`): `catalog!` generates a struct per declared type, the
//! fields are typed (`Vec<Violation>`, `Option<Quota>`), `Serialize` writes
//! back what was read, and a derive can hold the same types, its own or the
//! generated ones.

use error_catalog::{ApiError, FromResponse, UnknownError};
use serde_json::json;

mod lists {
    error_catalog::catalog!("catalogs/lists.toml");
}
use lists::{ListsError, Quota, Violation};

const INVALID: &[u8] = br#"{"error": {"code": "INVALID_INPUT", "message": "The request has 2 problems", "count": 2, "violations": [{"field": "name", "reason": "empty"}, {"field": "age", "limits": [0, 150], "note": "kept"}], "tags": ["form", "signup"]}}"#;

#[test]
fn lists_and_objects_are_typed() {
    let err = ListsError::from_response(422, INVALID);
    let ListsError::InvalidInput {
        count,
        violations,
        tags,
        ..
    } = &err
    else {
        panic!("{err:?}");
    };
    assert_eq!(*count, 2);
    assert_eq!(
        tags.as_deref(),
        Some(&["form".to_string(), "signup".to_string()][..])
    );
    assert_eq!(violations.len(), 2);
    assert_eq!(violations[0].field, "name");
    assert_eq!(violations[0].reason.as_deref(), Some("empty"));
    assert_eq!(violations[0].limits, None);
    assert_eq!(violations[1].limits.as_deref(), Some(&[0, 150][..]));
    assert_eq!(violations[1].extra.get("note"), Some(&json!("kept")));
    assert_eq!(err.to_string(), "The request has 2 problems");

    // everything read is written back
    let written = serde_json::to_value(&err).expect("serializes");
    let received: serde_json::Value = serde_json::from_slice(INVALID).expect("json");
    assert_eq!(written, received);
    // and details() carries the lists as JSON
    assert_eq!(err.details()["violations"][1]["limits"], json!([0, 150]));
    assert_eq!(err.details()["tags"], json!(["form", "signup"]));
}

#[test]
fn an_optional_object_and_lists_of_numbers() {
    let body = br#"{"error": {"code": "QUOTA_EXCEEDED", "message": "Quota exceeded", "quota": {"used": 100, "limit": 100, "window": "hour"}, "ids": [-1, 9007199254740993], "weights": [0.5, 2], "raw": [null, {"a": [1]}]}}"#;
    let err = ListsError::from_response(429, body);
    let ListsError::QuotaExceeded {
        quota,
        ids,
        weights,
        raw,
        ..
    } = &err
    else {
        panic!("{err:?}");
    };
    let quota: &Quota = quota.as_ref().expect("quota");
    assert_eq!((quota.used, quota.limit), (100, 100));
    // a member's Rust name may differ from its wire name
    assert_eq!(quota.window_name.as_deref(), Some("hour"));
    assert_eq!(ids, &[-1, 9_007_199_254_740_993]);
    assert_eq!(weights.as_deref(), Some(&[0.5, 2.0][..]));
    assert_eq!(raw.as_ref().map(Vec::len), Some(2));

    // absent optional lists and objects are `None`, and stay absent
    let body = br#"{"error": {"code": "QUOTA_EXCEEDED", "message": "Quota exceeded", "ids": []}}"#;
    let err = ListsError::from_response(429, body);
    assert!(
        matches!(&err, ListsError::QuotaExceeded { quota: None, ids, weights: None, raw: None, .. } if ids.is_empty()),
        "{err:?}"
    );
    let written = serde_json::to_value(&err).expect("serializes");
    assert_eq!(
        written,
        serde_json::from_slice::<serde_json::Value>(body).expect("json")
    );
}

/// A value that does not have the declared shape is no known error: the
/// fallback keeps the body and says which member was wrong.
#[test]
fn a_wrong_shape_is_a_fallback_that_says_why() {
    for (body, why) in [
        (
            r#"{"error": {"code": "INVALID_INPUT", "message": "m", "count": 1, "violations": [{"reason": "r"}]}}"#,
            "missing field `field`",
        ),
        (
            r#"{"error": {"code": "INVALID_INPUT", "message": "m", "count": 1, "violations": [{"field": "f", "limits": [-1]}]}}"#,
            "field `limits`",
        ),
        (
            r#"{"error": {"code": "INVALID_INPUT", "message": "m", "count": 1, "violations": [{"field": "a", "field": "b"}]}}"#,
            "duplicate field `field`",
        ),
        (
            r#"{"error": {"code": "INVALID_INPUT", "message": "m", "count": 1, "violations": {"field": "a"}}}"#,
            "expected a sequence",
        ),
        (
            r#"{"error": {"code": "QUOTA_EXCEEDED", "message": "m", "ids": ["1"]}}"#,
            "field `ids`",
        ),
    ] {
        let err = ListsError::from_response(422, body.as_bytes());
        let ListsError::Unknown(u) = &err else {
            panic!("{body}: {err:?}");
        };
        assert_eq!(u.body(), body.as_bytes());
        let reason = u.reason().unwrap_or_default();
        assert!(reason.contains(why), "{body}: {reason}");
    }
}

/// An optional field (`quota = "Quota?"`) whose value does not have the
/// declared shape is `None`: the error keeps its identity, and the value is
/// kept in the extra under its pointer with the reason.
#[test]
fn a_wrong_shape_in_an_optional_field_is_none_and_kept() {
    let body = r#"{"error": {"code": "QUOTA_EXCEEDED", "message": "m", "ids": [1], "quota": [1]}}"#;
    let err = ListsError::from_response(422, body.as_bytes());
    let ListsError::QuotaExceeded {
        quota: None,
        ids,
        extra,
        ..
    } = &err
    else {
        panic!("{body}: {err:?}");
    };
    assert_eq!(ids, &[1]);
    assert_eq!(extra.get("/error/quota").map(|v| v.get()), Some("[1]"));
    assert_eq!(
        extra.unread_reason("/error/quota"),
        Some("field `quota`: invalid type: sequence, expected a `Quota` object")
    );
}

#[test]
fn a_generated_struct_builds_and_writes_only_what_it_holds() {
    let v = Violation {
        field: "email".into(),
        reason: None,
        limits: Some(vec![3]),
        extra: Default::default(),
    };
    assert_eq!(
        serde_json::to_value(&v).expect("serializes"),
        json!({"field": "email", "limits": [3]})
    );
    let back: Violation = serde_json::from_value(json!({"field": "email", "limits": [3]}))
        .expect("reads from a Value too");
    assert_eq!(back, v);
}

/// The derive takes `Vec<_>` fields of built-in types and of a struct of the
/// user's (any `Deserialize` + `Serialize` type).
#[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
struct Item {
    sku: String,
    qty: u32,
}

#[derive(Debug, PartialEq, ApiError)]
#[api_error(wire = "nested", borrowed)]
enum Shop {
    #[api_error(
        code = "OUT_OF_STOCK",
        status = 409,
        message = "Some items are out of stock"
    )]
    OutOfStock {
        items: Vec<Item>,
        skus: Vec<String>,
        counts: Option<Vec<u32>>,
        region: String,
    },
    #[api_error(unknown)]
    Unknown(UnknownError),
}

#[test]
fn derive_holds_lists() {
    let body = br#"{"error": {"code": "OUT_OF_STOCK", "message": "Some items are out of stock", "items": [{"sku": "a1", "qty": 2}], "skus": ["a1"], "region": "eu"}}"#;
    let err = Shop::from_response(409, body);
    assert_eq!(
        err,
        Shop::OutOfStock {
            items: vec![Item {
                sku: "a1".into(),
                qty: 2
            }],
            skus: vec!["a1".into()],
            counts: None,
            region: "eu".into(),
        }
    );
    let written = serde_json::to_value(&err).expect("serializes");
    assert_eq!(
        written,
        serde_json::from_slice::<serde_json::Value>(body).expect("json")
    );
}

/// A derive bound to the catalog uses the generated structs: the catalog's
/// `[Violation]` must be `Vec<Violation>` in the enum.
#[derive(Debug, ApiError)]
#[api_error(catalog = "catalogs/lists.toml")]
enum Bound {
    InvalidInput {
        count: u32,
        violations: Vec<Violation>,
        tags: Option<Vec<String>>,
    },
    QuotaExceeded {
        quota: Option<Quota>,
        ids: Vec<i64>,
        weights: Option<Vec<f64>>,
        raw: Option<Vec<serde_json::Value>>,
    },
    #[api_error(unknown)]
    Unknown(UnknownError),
}

#[test]
fn a_bound_derive_reads_the_same() {
    let Bound::InvalidInput { violations, .. } = Bound::from_response(422, INVALID) else {
        panic!("not read");
    };
    let ListsError::InvalidInput {
        violations: generated,
        ..
    } = ListsError::from_response(422, INVALID)
    else {
        panic!("not read");
    };
    assert_eq!(violations, generated);
}
