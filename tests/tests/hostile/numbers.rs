//! Numbers and types.

use error_catalog::{ApiError, FromResponse};
use error_catalog_services::customer_verification::CustomerVerificationError as CvError;
use error_catalog_services::kya::KyaError;

use crate::measure::{exclusive, MB};
use crate::subjects::{classify_all, kya_body, Numbers, Subject};

fn numbers_body(small: &str, signed: &str, unsigned: &str, byte: &str, float: &str) -> String {
    format!(
        r#"{{"error": "numbers", "errorType": "NUMBERS", "details": {{"small": {small}, "signed": {signed}, "unsigned": {unsigned}, "byte": {byte}, "float": {float}, "json": 1}}}}"#
    )
}

/// The field a fallback's reason names.
fn falls_back_naming(what: &str, body: &[u8], field: &str) {
    let out = classify_all(what, 400, body);
    let u = out
        .numbers
        .unknown()
        .unwrap_or_else(|| panic!("{what}: {:?}", out.numbers));
    let reason = u.reason().unwrap_or_default();
    assert!(
        reason.contains(field),
        "{what}: reason {reason:?} names `{field}`"
    );
    assert_eq!(u.code(), Some("NUMBERS"), "{what}: the code is kept");
}

#[test]
fn numbers_in_range_classify() {
    let _g = exclusive();
    let body = numbers_body(
        "-2147483648",
        "-9223372036854775808",
        "18446744073709551615",
        "255",
        "1.7976931348623157e308",
    );
    let out = classify_all("numbers at their limits", 400, body.as_bytes());
    assert!(
        matches!(
            out.numbers,
            Numbers::Numbers {
                small: i32::MIN,
                signed: i64::MIN,
                unsigned: u64::MAX,
                byte: 255,
                float: f64::MAX,
                ..
            }
        ),
        "{:?}",
        out.numbers
    );
    // Below f64's smallest subnormal: rounds to zero (the nearest f64).
    let body = numbers_body("0", "0", "0", "0", "1e-400");
    let out = classify_all("f64 underflow", 400, body.as_bytes());
    assert!(
        matches!(out.numbers, Numbers::Numbers { float, .. } if float == 0.0),
        "{:?}",
        out.numbers
    );
}

#[test]
fn numbers_beyond_their_range() {
    let _g = exclusive();
    let ok = ["0", "0", "0", "0", "0.5"];
    let cases: &[(&str, usize, &str, &str)] = &[
        ("u64 + 1", 2, "18446744073709551616", "unsigned"),
        (
            "u64 * 10^30",
            2,
            "18446744073709551615000000000000000000000000000000",
            "unsigned",
        ),
        ("negative u64", 2, "-1", "unsigned"),
        ("i64 - 1", 1, "-9223372036854775809", "signed"),
        ("i64 + 1", 1, "9223372036854775808", "signed"),
        ("i32 + 1", 0, "2147483648", "small"),
        ("u8 + 1", 3, "256", "byte"),
        ("f64 overflow", 4, "1e400", "float"),
        ("f64 negative overflow", 4, "-1e400", "float"),
        ("f64 huge exponent", 4, "1e99999999999999999999", "float"),
        ("integer as a float", 2, "1.0", "unsigned"),
        ("integer in exponent form", 2, "1e2", "unsigned"),
    ];
    for (what, i, value, field) in cases {
        let mut v = ok;
        v[*i] = value;
        let body = numbers_body(v[0], v[1], v[2], v[3], v[4]);
        falls_back_naming(what, body.as_bytes(), field);
    }
    // An optional f64 out of range cannot be read: `None`, the error kept,
    // the number kept as written in the extra with the reason.
    let body = r#"{"errorType": "NUMBERS", "details": {"small": 0, "signed": 0, "unsigned": 0, "byte": 0, "float": 0, "json": 1, "maybe": 1e400}}"#;
    let out = classify_all("optional f64 overflow", 400, body.as_bytes());
    let Numbers::Numbers {
        maybe: None, extra, ..
    } = &out.numbers
    else {
        panic!("optional f64 overflow: {:?}", out.numbers)
    };
    assert_eq!(extra.get("/details/maybe").map(|v| v.get()), Some("1e400"));
    assert_eq!(
        extra.unread_reason("/details/maybe"),
        Some("field `maybe`: number out of range")
    );
    // A JSON field cannot hold a number serde_json cannot (no arbitrary precision).
    let body = r#"{"errorType": "NUMBERS", "details": {"small": 0, "signed": 0, "unsigned": 0, "byte": 0, "float": 0, "json": 1e400}}"#;
    falls_back_naming("json field overflow", body.as_bytes(), "json");
    // KYA's `received` is a JSON field too.
    let body = kya_body(
        r#""x""#,
        r#""VALIDATION_ERROR""#,
        r#"{"field": "agentId", "received": -1e400}"#,
    );
    let out = classify_all("kya received beyond f64", 400, &body);
    assert!(out.kya.unknown().is_some(), "{:?}", out.kya);
}

#[test]
fn a_megabyte_long_number() {
    let _g = exclusive();
    let digits = "9".repeat(MB);
    for (i, field) in [(2, "unsigned"), (1, "signed"), (4, "float")] {
        let mut v = ["0", "0", "0", "0", "0"];
        v[i] = &digits;
        let body = numbers_body(v[0], v[1], v[2], v[3], v[4]);
        falls_back_naming(
            &format!("1 MB of digits in {field}"),
            body.as_bytes(),
            field,
        );
    }
    // As an unknown member: kept raw.
    let body = kya_body(
        r#""An unexpected error occurred""#,
        r#""INTERNAL_ERROR""#,
        &format!(r#"{{"n": {digits}, "f": 0.{digits}e-{digits}}}"#),
    );
    let out = classify_all("1 MB numbers in unknown members", 500, &body);
    assert!(out.kya.is_known(), "{:?}", out.kya);
}

/// Valid JSON that serde_json's `Value` cannot hold (a number beyond f64) is still
/// a JSON value: `Deserialize` reads the body's raw text (serde_json's raw-value
/// protocol) and gives exactly what `from_response` gives, with the number kept
/// as written; from a `Value` or another format it goes through `Value`.
#[test]
fn deserialize_of_a_number_beyond_f64() {
    let _g = exclusive();
    let body = br#"{"errorType": "INTERNAL_ERROR", "error": "An unexpected error occurred", "requestId": 1e400}"#;
    let e = KyaError::from_response(500, body);
    assert!(e.is_known(), "from_response keeps the member raw: {e:?}");
    let d = serde_json::from_slice::<KyaError>(body).expect("Deserialize");
    assert_eq!(
        d.extra().and_then(|x| x.get("/requestId")).map(|v| v.get()),
        Some("1e400")
    );
    // the status is not in the body, so only the parts a body carries compare
    assert_eq!(d.code(), e.code());
    assert_eq!(d.extra(), e.extra());
    // from a reader (no borrowing) and from a string inside another document
    let r = serde_json::from_reader::<_, KyaError>(&body[..]).expect("from_reader");
    assert_eq!(r, d);
    let wrapped = format!(
        r#"{{"errors": [{}]}}"#,
        std::str::from_utf8(body).unwrap_or("")
    );
    #[derive(serde::Deserialize)]
    struct Wrapped {
        errors: Vec<KyaError>,
    }
    let w: Wrapped = serde_json::from_str(&wrapped).expect("nested");
    assert_eq!(w.errors, [d]);
}

/// From a deserializer that is not serde_json's (here serde's own map
/// deserializer), the body is rebuilt as JSON and classified the same way.
#[test]
fn deserialize_from_another_format() {
    use serde::de::IntoDeserializer;
    let _g = exclusive();
    let map: std::collections::BTreeMap<&str, &str> = [
        ("errorType", "INTERNAL_ERROR"),
        ("error", "An unexpected error occurred"),
        ("requestId", "r-1"),
    ]
    .into_iter()
    .collect();
    let d: Result<KyaError, serde::de::value::Error> =
        serde::Deserialize::deserialize(map.into_deserializer());
    let d = d.expect("from a map deserializer");
    assert_eq!(d.code(), "INTERNAL_ERROR");
    assert_eq!(
        d.extra().and_then(|x| x.get("/requestId")).map(|v| v.get()),
        Some("\"r-1\"")
    );
    let v =
        serde_json::json!({"errorType": "INTERNAL_ERROR", "error": "An unexpected error occurred"});
    let from_value: KyaError = serde_json::from_value(v).expect("from a Value");
    assert_eq!(from_value.code(), "INTERNAL_ERROR");
}

#[test]
fn detail_fields_of_the_wrong_type_or_null() {
    let _g = exclusive();
    let base = |tier: &str, agent: &str| {
        kya_body(
            r#""Rate limit exceeded for agent tier""#,
            r#""RATE_LIMITED""#,
            &format!(r#"{{"agentId": {agent}, "tier": {tier}, "limit": 1, "retryAfter": 45}}"#),
        )
    };
    for (what, tier, agent, field) in [
        ("u8 as a string", r#""1""#, r#""42""#, "tier"),
        ("u8 as a bool", "true", r#""42""#, "tier"),
        ("u8 as null", "null", r#""42""#, "tier"),
        ("u8 as an object", r#"{"v": 1}"#, r#""42""#, "tier"),
        ("u8 as an array", "[1]", r#""42""#, "tier"),
        ("u8 as a float", "1.5", r#""42""#, "tier"),
        ("string as a number", "1", "42", "agentId"),
        ("string as null", "1", "null", "agentId"),
        ("string as an object", "1", r#"{"id": "42"}"#, "agentId"),
        ("string as an array", "1", r#"["42"]"#, "agentId"),
    ] {
        let body = base(tier, agent);
        let out = classify_all(what, 429, &body);
        let u = out
            .kya
            .unknown()
            .unwrap_or_else(|| panic!("{what}: {:?}", out.kya));
        assert!(
            u.reason().unwrap_or_default().contains(field),
            "{what}: {:?}",
            u.reason()
        );
    }
    // Optional fields: null is absent; a value of the wrong type reads as
    // absent too, kept in the extra with the reason.
    let body = br#"{"error": {"code": "VALIDATION_ERROR", "details": null, "field": null}}"#;
    let out = classify_all("optional null", 400, body);
    assert!(
        matches!(
            &out.cv,
            CvError::ValidationError {
                details: None,
                field: None,
                ..
            }
        ),
        "{:?}",
        out.cv
    );
    let body = br#"{"error": {"code": "VALIDATION_ERROR", "field": 7}}"#;
    let out = classify_all("optional of the wrong type", 400, body);
    let CvError::ValidationError {
        field: None, extra, ..
    } = &out.cv
    else {
        panic!("optional of the wrong type: {:?}", out.cv)
    };
    assert_eq!(extra.get("/error/field").map(|v| v.get()), Some("7"));
    assert!(extra.unread_reason("/error/field").is_some(), "{extra:?}");

    // The code and the message of the wrong type.
    for (what, body) in [
        (
            "code as a number",
            &br#"{"errorType": 42, "error": "x"}"#[..],
        ),
        (
            "code as an object",
            br#"{"errorType": {"c": "INTERNAL_ERROR"}, "error": "x"}"#,
        ),
        ("code as null", br#"{"errorType": null, "error": "x"}"#),
        (
            "message as an array",
            br#"{"errorType": "INTERNAL_ERROR", "error": ["x"]}"#,
        ),
        ("message as a number", br#"{"error": 404}"#),
        (
            "fields object as a string",
            br#"{"errorType": "RATE_LIMITED", "details": "tier 1"}"#,
        ),
        (
            "nested envelope as a string",
            br#"{"error": "VALIDATION_ERROR"}"#,
        ),
        (
            "problem code as a number",
            br#"{"type": "about:blank", "code": 5, "detail": "x"}"#,
        ),
    ] {
        classify_all(what, 429, body);
    }
}
