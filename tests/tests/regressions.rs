//! Inputs the fuzzers found, kept as tests.

use error_catalog::{ApiError, Extra, FromResponse, UnknownError};
use error_catalog_services::rakomi::RakomiError;

#[derive(Debug, ApiError)]
#[api_error(wire = "flat")]
enum Flat {
    #[api_error(code = "NOTE", status = 400, message = "noted")]
    Note {
        note: Option<String>,
        #[api_error(extra)]
        extra: Extra,
    },
    #[api_error(unknown)]
    Unknown(UnknownError),
}

/// Found by `from_response_rakomi`: a message that is a number. The error must not
/// come back as a known error whose serialization repeats the `message` key.
#[test]
fn a_numeric_message_is_not_written_twice() {
    let body = br#"{"code": "webhook/timestamp_expired", "message": 11111}"#;
    let e = RakomiError::from_response(401, body);
    if e.is_known() {
        let json = serde_json::to_string(&e).unwrap();
        assert_eq!(json.matches("\"message\"").count(), 1, "{json}");
        assert!(
            RakomiError::from_response(401, json.as_bytes()).is_known(),
            "{json}"
        );
    } else {
        assert!(matches!(&e, RakomiError::Unknown(u) if u.body() == body));
    }
}

/// The same family: a fields object that is not an object, on a variant whose
/// fields are all optional. The kept member must not be written next to the
/// object the variant writes under the same key.
#[test]
fn an_extra_member_never_repeats_a_written_key() {
    let body = br#"{"errorType": "NOTE", "error": "noted", "details": 5}"#;
    let e = Flat::from_response(400, body);
    assert!(matches!(e, Flat::Note { .. }), "{e:?}");
    let json = serde_json::to_string(&e).unwrap();
    assert!(json.matches("\"details\"").count() <= 1, "{json}");
    let again = Flat::from_response(400, json.as_bytes());
    assert_eq!(again.code(), "NOTE", "{json}");
}

/// Found by `from_response_customer_verification`: a problem+json body carrying an
/// `error` member. Read as problem+json it is a known error with `error` kept as
/// an extra member; its own (nested) envelope writes `error` itself, so the extra
/// member must not be written a second time.
#[test]
fn a_problem_body_with_an_error_member_serializes_once() {
    use error_catalog_services::customer_verification::CustomerVerificationError as Cv;
    let body = b"{\n    \"code\": \"WEBHOOK_DELIVERY_FAILED\",\n\n  \"error\": {\n    \"code\": \"WEbHOOK_DELIVERY_FAILED\",\n    \"mess[agqq\": \"\"\n  }\n}";
    let e = Cv::from_problem_json(401, body);
    assert!(e.is_known(), "{e:?}");
    let json = serde_json::to_string(&e).unwrap();
    assert_eq!(json.matches("\"error\"").count(), 1, "{json}");
    let again = Cv::from_response(401, json.as_bytes());
    assert_eq!(
        (again.is_known(), again.code()),
        (true, "WEBHOOK_DELIVERY_FAILED"),
        "{json}"
    );
}

/// Found by the strengthened engine-agreement test: an integer placeholder
/// written with leading zeros (`tools[007]`) is not a JSON integer, so the run-time
/// classifier refuses it; generated code read it as 7. Both refuse it now, and
/// keep everything in the fallback.
#[test]
fn an_integer_placeholder_with_leading_zeros_is_refused() {
    use error_catalog_services::aironclaw::AironclawError;
    let body = br#"{"error":"tools[007] not found on this MCP server"}"#;
    match AironclawError::from_response(400, body) {
        AironclawError::Unknown(u) => {
            assert_eq!(u.message(), Some("tools[007] not found on this MCP server"));
            assert!(u.reason().unwrap_or_default().contains("index"), "{u:?}");
        }
        other => panic!("expected the fallback, got {other:?}"),
    }
    let ok = br#"{"error":"tools[7] not found on this MCP server"}"#;
    assert!(matches!(
        AironclawError::from_response(400, ok),
        AironclawError::ToolNotFound { index: 7, .. }
    ));
}

/// Found by `from_response_rakomi` (2026-12-04): where the wire expects the
/// fields object, a number whose exponent overflows f64. The walk parsed it
/// (and failed: the body fell back), while `from_problem_json` kept it raw;
/// re-read from its own serialization, the error was no longer known. A value
/// that is not an object where an object is expected is now kept as written.
#[test]
fn a_fields_object_that_is_a_number_beyond_f64_is_kept_as_written() {
    for (value, text) in [
        ("33.3e000000000000000000000000000333333333333", "as written"),
        ("1.50", "not respelt as 1.5"),
        ("-0", "not respelt as 0"),
        ("[1.0, 2e500]", "an array, as written"),
    ] {
        let body =
            format!(r#"{{"code": "token/internal_error", "message": "x", "details": {value}}}"#);
        let e = RakomiError::from_response(500, body.as_bytes());
        let RakomiError::TokenInternalError { extra, .. } = &e else {
            panic!("{text}: {e:?}");
        };
        assert_eq!(
            extra.get("/details").map(|v| v.get()),
            Some(value),
            "{text}"
        );
        let json = serde_json::to_vec(&e).unwrap();
        assert_eq!(
            RakomiError::from_response(500, &json),
            e,
            "{text}: read back"
        );
    }
    // the fuzzer's input itself (two bytes of status, then the body)
    let input = include_bytes!(
        "../../fuzz/regressions/from_response_rakomi/fields_object_number_beyond_f64"
    );
    let (status, body) = (u16::from_be_bytes([input[0], input[1]]), &input[2..]);
    let e = RakomiError::from_response(status, body);
    assert!(e.is_known(), "{e:?}");
    let json = serde_json::to_vec(&e).unwrap();
    assert!(RakomiError::from_response(status, &json).is_known());
}
